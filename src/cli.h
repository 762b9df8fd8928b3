/* cli.h - what the subcommands share: options, output, progress. */
#ifndef PX_CLI_H
#define PX_CLI_H

#include <parallax.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Exit codes (documented in docs/cli.md and the man page). */
enum {
  EXIT_OK = 0,
  EXIT_FAIL = 1,     /* the command could not do its work */
  EXIT_USAGE = 2,    /* bad command line */
  EXIT_PARTIAL = 3,  /* done, but some input records were rejected */
  EXIT_NOTFOUND = 4  /* the asked-for article or story does not exist */
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
  const char *usage; /* full help text */
} command;

/* One per subcommand, cmd_<name>.c. */
int cmd_ingest(cli *c, int argc, char **argv);
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
int open_clustered_store(cli *c, px_ctx *ctx, const px_story_opts *so, px_store **st);
int cmd_search(cli *c, int argc, char **argv);
int cmd_stats(cli *c, int argc, char **argv);
int cmd_entities(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);
/* story_compare.c: the comparison report of stored story id. */
int story_compare(cli *c, int64_t id);
int cmd_analyze(cli *c, int argc, char **argv);
int cmd_quotes(cli *c, int argc, char **argv);
int cmd_watch(cli *c, int argc, char **argv);
int cmd_serve(cli *c, int argc, char **argv);
/* The "quotes" array of analyze --format json (cmd_quotes.c). */
int quotes_print_json(const px_doc *d);

extern const command commands[];
const command *find_command(const char *name);
void print_command_help(const command *cmd, FILE *out);

/* Common options: --db, --format, --quiet, --help.  Returns 1 when the
 * option was consumed (and *i advanced), 0 when not one of them, -1 on a
 * usage error (message printed). */
int common_option(cli *c, const command *cmd, int argc, char **argv, int *i, int allowed_formats);
#define FMTS_TEXT_JSON ((1 << FMT_TEXT) | (1 << FMT_JSON))
int parse_format(const char *s, out_format *out);

void die_usage(cli *c, const command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void errorf(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warnf(cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Open the database (c->db_path) for reading, with a context of its own.
 * On failure the reason is printed, nothing is left open, and false is
 * returned.  Release with px_store_free() then px_ctx_free(). */
bool open_db_read(cli *c, px_ctx **ctx, px_store **st);

/* --since DATE and --until DATE, shared by the listing commands: 1 when
 * argv[*i] was one of them (and *i advanced past its value), 0 when not,
 * -1 on a usage error (message printed). */
int time_option(cli *c, const command *cmd, int argc, char **argv, int *i, int64_t *since,
                int *has_since, int64_t *until, int *has_until);

/* Parse a date option (ISO date or any px_parse_date form). */
bool parse_time_arg(const char *s, int64_t *out);
void format_time(int64_t t, bool has, char *buf, size_t n); /* "2023-09-13 10:20Z" */
void format_iso(int64_t t, char *buf, size_t n);            /* "2023-09-13T10:20:30Z" */

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
