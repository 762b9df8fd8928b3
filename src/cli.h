/* cli.h - what the subcommands share: options, output, progress. */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <parallax.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "options.h"

/* Exit codes (documented in docs/cli.md and the man page). */
enum {
  EXIT_OK = 0,
  EXIT_FAIL = 1,     /* the command could not do its work */
  EXIT_USAGE = 2,    /* bad command line */
  EXIT_PARTIAL = 3,  /* done, but some input records were rejected */
  EXIT_NOTFOUND = 4, /* the asked-for article or story does not exist */
  EXIT_AMBIGUOUS = 5 /* the id given names several articles (an ext_id shared by outlets) */
};

typedef enum { FMT_TEXT, FMT_JSON, FMT_MD, FMT_HTML, FMT_CSV, FMT_JSONL } out_format;

typedef struct cli {
  const char *prog;
  const char *db_path;
  out_format format;
  bool quiet;
  bool color;   /* stdout is a TTY and NO_COLOR is unset */
  bool tty_err; /* stderr is a TTY: progress allowed */
} cli;

typedef struct command {
  const char *name;
  int (*run)(cli *c, int argc, char **argv);
  const char *summary;
  const char *usage;         /* with opts: the description; without: the full help text */
  const char *synopsis_args; /* "ID", "INPUT...": what follows the options */
  const opt_def *opts;       /* the options (parse_args), OPT_END-terminated */
  const char *formats;       /* "text|json|csv": --format values, the first the default */
  int min_pos, max_pos;      /* positional arguments allowed (max -1: any number) */
  const char *exits;         /* "0 ok, 4 no such article" */
} command;

/* Is name one of cmd's --format values?  Sets *out when it is. */
bool format_allowed(const command *cmd, const char *name, out_format *out);
/* The option tables as text: "COMMAND --OPTION" per line (help --options). */
void print_option_list(FILE *out);
/* The man page, generated from the command table (help --man). */
void print_man(FILE *out);
/* Offset of the --tz zone at t, seconds east of UTC. */
long tz_offset_at(const args *a, int64_t t);
/* Times in text output follow this command line's --tz (NULL: UTC). */
void set_display_tz(const args *a);

/* One per subcommand, cmd_<name>.c. */
int cmd_ingest(cli *c, int argc, char **argv);
int cmd_reanalyze(cli *c, int argc, char **argv);
int cmd_articles(cli *c, int argc, char **argv);
int cmd_show(cli *c, int argc, char **argv);
int cmd_compare(cli *c, int argc, char **argv);
int cmd_dedup(cli *c, int argc, char **argv);
int cmd_stories(cli *c, int argc, char **argv);
int cmd_story(cli *c, int argc, char **argv);
int cmd_threads(cli *c, int argc, char **argv);
int cmd_thread(cli *c, int argc, char **argv);
/* cmd_stories.c: PX_UNDATED_JOIN/ALONE for "join"/"alone", -1 otherwise;
 * the store opened for writing with new articles clustered (read-only when
 * it cannot be written). */
int undated_option(const char *v);
int cmd_search(cli *c, int argc, char **argv);
int cmd_stats(cli *c, int argc, char **argv);
int cmd_entities(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);
/* story_compare.c: the comparison report of stored story id. */
int story_compare(cli *c, int64_t id, int width, int top, int full);
int cmd_analyze(cli *c, int argc, char **argv);
int cmd_quotes(cli *c, int argc, char **argv);
int cmd_watch(cli *c, int argc, char **argv);
int cmd_serve(cli *c, int argc, char **argv);

extern const command commands[];
const command *find_command(const char *name);
void print_command_help(const command *cmd, FILE *out);

int parse_format(const char *s, out_format *out);

void die_usage(cli *c, const command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void errorf(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warnf(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Open the database (c->db_path) for reading, with a context of its own.
 * On failure the reason is printed, nothing is left open, and false is
 * returned.  Release with px_store_free() then px_ctx_free(). */
bool open_db_read(cli *c, px_ctx **ctx, px_store **st);

void format_time(int64_t t, bool has, char *buf, size_t n); /* "2023-09-13 10:20Z" */
void format_iso(int64_t t, char *buf, size_t n);            /* "2023-09-13T10:20:30Z" */

/* Records on stdout through the library's serializers: JSON Lines, or
 * CSV when c->format is FMT_CSV.  NULL when out of memory (message printed). */
px_json *out_records(cli *c);
/* Finish a writer: 0, or EXIT_FAIL when stdout could not be written. */
int end_records(cli *c, px_json *j);
int write_stdout(void *user, const char *p, size_t n);

/* Open the database for reading: a missing file is "no such database"
 * (never created).  Same contract as open_db_read. */
bool open_db_existing(cli *c, px_ctx **ctx, px_store **st, px_open_mode mode);

/* Open the existing database (never create one) as open_db_existing does,
 * and place the articles not yet in a story (story options so, NULL for the
 * defaults) when the file can be written; read-only otherwise (what is
 * there is listed).  Same contract as open_db_read. */
bool open_db_clustered(cli *c, const px_story_opts *so, px_ctx **ctx, px_store **st);

/* Parse a command's options (its table in main.c).  Returns -1 to go on,
 * else the exit code to return (usage error printed, or --help done). */
int start_command(cli *c, const char *name, int argc, char **argv, args *a);
/* --outlet NAME by its canonical name (px_outlet_name: "nytimes.com" and
 * "NYT" are "The New York Times"), NULL when not given.  Static storage. */
const char *outlet_opt(const args *a);
/* Load --outlets FILE (ALIAS<TAB>NAME lines) into ctx: 0, or the exit code
 * (message printed). */
int apply_outlets(cli *c, const args *a, px_ctx *ctx);
/* Apply --field NAME=PATH options to ctx: 0, or EXIT_USAGE (message printed). */
int apply_fields(cli *c, const args *a, px_ctx *ctx);
/* An article named on the command line: parallax's id, else the input's
 * own id (of outlet when not NULL).  Returns 0 with *id set, or the exit
 * code (message printed): EXIT_NOTFOUND, EXIT_AMBIGUOUS (the choices are
 * listed), EXIT_FAIL. */
int resolve_article(cli *c, px_store *st, const char *arg, const char *outlet, bool ext_only,
                    int64_t *id);

/* A NUL-terminated copy of s (malloc'd; free it), NULL when out of memory. */
char *str_dup(px_str s);

/* JSON output helpers. */
void json_str(FILE *f, const char *p, size_t n);
static inline void json_pstr(FILE *f, px_str s) { json_str(f, s.ptr, s.len); }

/* Progress on stderr, only on a TTY and not --quiet. */
typedef struct progress {
  bool on;
  double start, last;
  uint64_t total;
} progress;
void progress_start(progress *p, cli *c, uint64_t total_bytes);
void progress_update(progress *p, uint64_t done_bytes, uint64_t items);
void progress_end(progress *p);
double now_seconds(void);

/* Colour helpers: return escape codes only when colour is on. */
const char *col(cli *c, const char *code);
#define C_BOLD "1"
#define C_DIM "2"
#define C_RED "31"
#define C_GREEN "32"
#define C_YELLOW "33"
#define C_CYAN "36"
#define C_RESET "0"

#endif
