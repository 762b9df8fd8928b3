/* options.h - the one option parser of the parallax command: each command
 * declares its options in a table (main.c); the parser validates them
 * (numbers and their ranges, dates, formats), says "did you mean" for a
 * mistyped option and supports "--" and --name=value.  The help text and
 * the man page are generated from the same tables. */
#ifndef PX_OPTIONS_H
#define PX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum opt_kind {
  O_FLAG,  /* no value */
  O_STR,   /* any text */
  O_INT,   /* a whole number in [min, max] */
  O_NUM,   /* a number in [min, max] */
  O_TIME,  /* a date, a time, or a relative form: 7d, 12h, today, yesterday */
  O_LIST   /* text, may be repeated */
} opt_kind;

typedef struct opt_def {
  const char *name;  /* without the dashes: "limit" */
  char shortname;    /* 'q' for -q, or 0 */
  opt_kind kind;
  const char *arg;   /* the value's name in the help: "N", "DATE" */
  const char *help;
  double min, max;   /* O_INT, O_NUM */
} opt_def;

#define OPT_END {NULL, 0, O_FLAG, NULL, NULL, 0, 0}
#define OPT_DB {"db", 0, O_STR, "PATH", "database file (default ./parallax.db, or $PARALLAX_DB)", 0, 0}
#define OPT_QUIET {"quiet", 'q', O_FLAG, NULL, "no progress, summary or per-record messages on stderr", 0, 0}
#define OPT_LIMIT(what) {"limit", 0, O_INT, "N", "at most N " what, 0, 9e18}
#define OPT_OFFSET(what) {"offset", 0, O_INT, "N", "skip the first N " what, 0, 9e18}
#define OPT_SINCE {"since", 0, O_TIME, "DATE", "published at or after DATE (2023-09-13, 7d, yesterday, ...)", 0, 0}
#define OPT_UNTIL {"until", 0, O_TIME, "DATE", "published before DATE", 0, 0}
#define OPT_TZ {"tz", 0, O_STR, "ZONE", "time zone of dates given and shown (UTC, +02:00, Europe/Paris; default UTC)", 0, 0}
#define OPT_OUTLET {"outlet", 0, O_STR, "NAME", "only this outlet (its name, domain or alias: nytimes.com = The New York Times)", 0, 0}
#define OPT_FIELD {"field", 0, O_LIST, "NAME=PATH", "take field NAME (id, source, url, title, byline, date, text, language) from the JSON key path PATH (a.b.c)", 0, 0}

#define MAX_OPTS 40

typedef struct optval {
  bool set;
  const char *s;       /* as given (O_LIST: the last) */
  int64_t i;           /* O_INT; O_TIME: seconds since the epoch */
  double d;            /* O_NUM */
  const char **list;   /* O_LIST: every value given */
  size_t nlist;
} optval;

struct command;
struct cli;
typedef struct args {
  const struct command *cmd;
  optval v[MAX_OPTS];
  const char **pos;    /* positional arguments */
  int npos;
  long tz_offset;      /* seconds east of UTC for --tz (fixed offsets) */
  const char *tz_name; /* an IANA zone name, or NULL */
} args;

/* Parse argv[1..argc) for cmd.  Returns 0, or an exit code (usage error
 * printed; --help printed and 0 returned through *done). */
int parse_args(struct cli *c, const struct command *cmd, int argc, char **argv, args *a,
               bool *done);
void free_args(args *a);

/* Values by option name (a name not in the command's table aborts: a
 * programming error the tests find). */
const optval *opt(const args *a, const char *name);
bool opt_flag(const args *a, const char *name);
const char *opt_str(const args *a, const char *name, const char *def);
int64_t opt_int(const args *a, const char *name, int64_t def);
double opt_num(const args *a, const char *name, double def);
bool opt_time(const args *a, const char *name, int64_t *t);

/* A time option's value: absolute dates (px_parse_date's forms; a date or
 * time without a zone is read in the --tz zone), "now", "today",
 * "yesterday", or N followed by s, m, h, d or w (that long before now).
 * @return false when unreadable. */
bool parse_time_value(const char *s, const args *a, int64_t now, int64_t *out);

/* The closest name among names (NULL-terminated array of strings of
 * stride bytes) within a small edit distance, or NULL. */
const char *did_you_mean(const char *word, const char *const *names, size_t count);

#endif
