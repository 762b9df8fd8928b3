/* cli.c - shared command-line helpers. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

void errorf(cli *c, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s: error: ", c->prog);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

void warnf(cli *c, const char *fmt, ...) {
  if (c->quiet) return;
  va_list ap;
  fprintf(stderr, "%s: ", c->prog);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

void die_usage(cli *c, const command *cmd, const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "%s %s: ", c->prog, cmd ? cmd->name : "");
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry '%s help %s'.\n", c->prog, cmd ? cmd->name : "");
}

int parse_format(const char *s, out_format *out) {
  static const struct {
    const char *name;
    out_format f;
  } names[] = {{"text", FMT_TEXT}, {"json", FMT_JSON}, {"md", FMT_MD},     {"markdown", FMT_MD},
               {"html", FMT_HTML}, {"csv", FMT_CSV},   {"jsonl", FMT_JSONL}};
  for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
    if (strcmp(s, names[i].name) == 0) {
      *out = names[i].f;
      return 0;
    }
  return -1;
}

static const char *opt_value(int argc, char **argv, int *i, const char *name) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) == 0 && a[n] == '=') return a + n + 1;
  if (strcmp(a, name) == 0 && *i + 1 < argc) return argv[++*i];
  return NULL;
}

int common_option(cli *c, const command *cmd, int argc, char **argv, int *i, int allowed) {
  const char *a = argv[*i];
  const char *v;
  if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
    c->quiet = true;
    return 1;
  }
  if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
    print_command_help(cmd, stdout);
    exit(EXIT_OK);
  }
  if (strncmp(a, "--db", 4) == 0 && (a[4] == '\0' || a[4] == '=')) {
    if (!(v = opt_value(argc, argv, i, "--db"))) {
      die_usage(c, cmd, "--db needs a path");
      return -1;
    }
    c->db_path = v;
    return 1;
  }
  if ((strncmp(a, "--format", 8) == 0 && (a[8] == '\0' || a[8] == '=')) || strcmp(a, "-f") == 0) {
    v = strcmp(a, "-f") == 0 ? (*i + 1 < argc ? argv[++*i] : NULL)
                             : opt_value(argc, argv, i, "--format");
    out_format f;
    if (!v || parse_format(v, &f) != 0 || !(allowed & (1 << f))) {
      die_usage(c, cmd, "unknown or unsupported --format '%s'", v ? v : "");
      return -1;
    }
    c->format = f;
    return 1;
  }
  return 0;
}

bool open_db_read(cli *c, px_ctx **ctx, px_store **st) {
  *st = NULL;
  if (px_ctx_new(ctx) != PX_OK) {
    errorf(c, "out of memory");
    return false;
  }
  if (px_store_open(*ctx, c->db_path, PX_OPEN_READ, st) != PX_OK) {
    errorf(c, "%s", px_ctx_error(*ctx));
    px_ctx_free(*ctx);
    *ctx = NULL;
    return false;
  }
  return true;
}

int time_option(cli *c, const command *cmd, int argc, char **argv, int *i, int64_t *since,
                int *has_since, int64_t *until, int *has_until) {
  const char *a = argv[*i];
  bool is_since = strcmp(a, "--since") == 0;
  if (!is_since && strcmp(a, "--until") != 0) return 0;
  if (*i + 1 >= argc) {
    die_usage(c, cmd, "%s needs a date", a);
    return -1;
  }
  const char *v = argv[++*i];
  int64_t t;
  if (!parse_time_arg(v, &t)) {
    die_usage(c, cmd, "%s: cannot read date '%s'", a, v);
    return -1;
  }
  if (is_since) *since = t, *has_since = 1;
  else *until = t, *has_until = 1;
  return 1;
}

bool parse_time_arg(const char *s, int64_t *out) {
  return px_parse_date(s, strlen(s), out) == PX_OK;
}

void format_time(int64_t t, bool has, char *buf, size_t n) {
  if (!has) {
    snprintf(buf, n, "-");
    return;
  }
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  if (tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0) strftime(buf, n, "%Y-%m-%d", &tm);
  else strftime(buf, n, "%Y-%m-%d %H:%MZ", &tm);
}

void format_iso(int64_t t, char *buf, size_t n) {
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void json_str(FILE *f, const char *p, size_t n) {
  static const char hex[] = "0123456789abcdef";
  putc('"', f);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)p[i];
    if (ch >= 0x20 && ch != '"' && ch != '\\') continue;
    if (i > run) fwrite(p + run, 1, i - run, f);
    run = i + 1;
    switch (ch) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\t': fputs("\\t", f); break;
    case '\r': fputs("\\r", f); break;
    default: fprintf(f, "\\u00%c%c", hex[ch >> 4], hex[ch & 15]);
    }
  }
  if (n > run) fwrite(p + run, 1, n - run, f);
  putc('"', f);
}

double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(progress *p, cli *c, uint64_t total) {
  p->on = c->tty_err && !c->quiet;
  p->start = p->last = now_seconds();
  p->total = total;
}

void progress_update(progress *p, uint64_t done, uint64_t items) {
  if (!p->on) return;
  double t = now_seconds();
  if (t - p->last < 0.2) return;
  p->last = t;
  double el = t - p->start;
  double rate = el > 0 ? items / el : 0;
  double mbs = el > 0 ? done / el / 1e6 : 0;
  if (p->total) {
    double frac = (double)done / (double)p->total;
    if (frac > 1) frac = 1;
    int w = 24, k = (int)(frac * w);
    char bar[32];
    for (int i = 0; i < w; i++) bar[i] = i < k ? '#' : '.';
    bar[w] = '\0';
    double eta = frac > 0 ? el / frac - el : 0;
    fprintf(stderr, "\r[%s] %5.1f%% %llu articles  %.0f/s  %.1f MB/s  ETA %02d:%02d ", bar,
            frac * 100, (unsigned long long)items, rate, mbs, (int)eta / 60, (int)eta % 60);
  } else {
    fprintf(stderr, "\r%llu articles  %.0f/s  %.1f MB/s ", (unsigned long long)items, rate, mbs);
  }
  fflush(stderr);
}

void progress_end(progress *p) {
  if (p->on) fprintf(stderr, "\r\033[K");
}

const char *col(cli *c, const char *code) {
  if (!c->color) return "";
  static char buf[4][16];
  static int k;
  k = (k + 1) & 3;
  snprintf(buf[k], sizeof(buf[k]), "\033[%sm", code);
  return buf[k];
}
