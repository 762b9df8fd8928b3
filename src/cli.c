/* cli.c - shared command-line helpers. */
#include "cli.h"

#include <stdarg.h>
#include <errno.h>
#include <sys/stat.h>
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

bool open_db_read(cli *c, px_ctx **ctx, px_store **st) {
  return open_db_existing(c, ctx, st, PX_OPEN_READ);
}

static const args *g_tz;

void set_display_tz(const args *a) {
  g_tz = a && (a->tz_name || a->tz_offset) ? a : NULL;
}

void format_time(int64_t t, bool has, char *buf, size_t n) {
  if (!has) {
    snprintf(buf, n, "-");
    return;
  }
  long off = g_tz ? tz_offset_at(g_tz, t) : 0;
  time_t tt = (time_t)(t + off);
  struct tm tm;
  gmtime_r(&tt, &tm);
  if (!g_tz) {
    if (tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0) strftime(buf, n, "%Y-%m-%d", &tm);
    else strftime(buf, n, "%Y-%m-%d %H:%MZ", &tm);
    return;
  }
  char z[32];
  long a = off < 0 ? -off : off;
  snprintf(z, sizeof z, "%c%02d:%02d", off < 0 ? '-' : '+', (int)(a / 3600 % 100), (int)(a / 60 % 60));
  char d[32];
  strftime(d, sizeof d, "%Y-%m-%d %H:%M", &tm);
  snprintf(buf, n, "%s%s", d, z);
}

bool format_allowed(const command *cmd, const char *name, out_format *out) {
  if (!cmd->formats) return false;
  size_t n = strlen(name);
  out_format f;
  if (parse_format(name, &f) != 0) return false;
  if (strcmp(name, "markdown") == 0) name = "md", n = 2;
  for (const char *p = cmd->formats; *p;) {
    const char *e = strchr(p, '|');
    size_t len = e ? (size_t)(e - p) : strlen(p);
    if (len == n && strncmp(p, name, n) == 0) {
      *out = f;
      return true;
    }
    if (!e) break;
    p = e + 1;
  }
  return false;
}

int write_stdout(void *user, const char *p, size_t n) {
  (void)user;
  return fwrite(p, 1, n, stdout) != n;
}

px_json *out_records(cli *c) {
  px_json *j = NULL;
  if (px_json_new(c->format == FMT_CSV ? PX_JSON_CSV : 0, write_stdout, NULL, &j) != PX_OK) {
    errorf(c, "out of memory");
    return NULL;
  }
  return j;
}

int end_records(cli *c, px_json *j) {
  int rc = px_json_status(j);
  px_json_free(j);
  if (fflush(stdout) != 0 || rc == PX_EIO) {
    if (errno != EPIPE) errorf(c, "cannot write the output: %s", strerror(errno));
    return EXIT_FAIL;
  }
  if (rc != PX_OK) {
    errorf(c, "%s", px_strerror(rc));
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

bool open_db_existing(cli *c, px_ctx **ctx, px_store **st, px_open_mode mode) {
  *st = NULL;
  *ctx = NULL;
  struct stat sb;
  if (stat(c->db_path, &sb) != 0) {
    errorf(c, "%s: no such database (run 'parallax ingest' first)", c->db_path);
    return false;
  }
  if (px_ctx_new(ctx) != PX_OK) {
    errorf(c, "out of memory");
    return false;
  }
  int rc = px_store_open(*ctx, c->db_path, mode, st);
  if (rc != PX_OK && mode == PX_OPEN_WRITE && rc != PX_ENOTPARALLAX && rc != PX_EDBVERSION)
    rc = px_store_open(*ctx, c->db_path, PX_OPEN_READ, st); /* a read-only file */
  if (rc != PX_OK) {
    errorf(c, "%s", px_ctx_error(*ctx));
    px_ctx_free(*ctx);
    *ctx = NULL;
    return false;
  }
  return true;
}

bool open_db_clustered(cli *c, const px_story_opts *so, px_ctx **ctx, px_store **st) {
  bool writable = access(c->db_path, W_OK) == 0;
  if (!open_db_existing(c, ctx, st, writable ? PX_OPEN_WRITE : PX_OPEN_READ)) return false;
  int64_t added = 0;
  /* a read-only store (or another writer) fails here: what is there is listed */
  if (writable && px_store_cluster_new_articles(*st, so, &added) == PX_OK && added && !c->quiet)
    fprintf(stderr, "%s: %lld articles clustered\n", c->prog, (long long)added);
  return true;
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

int start_command(cli *c, const char *name, int argc, char **argv, args *a) {
  const command *cmd = find_command(name);
  bool done = false;
  int rc = parse_args(c, cmd, argc, argv, a, &done);
  if (rc || done) {
    free_args(a);
    return rc;
  }
  set_display_tz(a);
  return -1;
}

const char *outlet_opt(const args *a) {
  static char name[256];
  const char *v = opt_str(a, "outlet", NULL);
  if (!v) return NULL;
  size_t n = 0;
  if (px_outlet_name(NULL, v, strlen(v), name, sizeof name, &n) != PX_OK || n >= sizeof name || !n)
    return v;
  return name;
}

int apply_outlets(cli *c, const args *a, px_ctx *ctx) {
  const char *path = opt_str(a, "outlets", NULL);
  if (!path) return EXIT_OK;
  int rc = px_ctx_load_outlets(ctx, path);
  if (rc == PX_OK) return EXIT_OK;
  errorf(c, "%s", px_ctx_error(ctx));
  return rc == PX_EFORMAT ? EXIT_USAGE : EXIT_FAIL;
}

int apply_fields(cli *c, const args *a, px_ctx *ctx) {
  static const char *const names[] = {"id",   "source", "url",  "title",  "byline",
                                      "date", "text",   "language", "body", "author", "outlet"};
  const optval *v = opt(a, "field");
  for (size_t k = 0; k < v->nlist; k++) {
    const char *s = v->list[k], *eq = strchr(s, '=');
    if (!eq || eq == s || !eq[1]) {
      die_usage(c, a->cmd, "--field wants NAME=PATH, not '%s'", s);
      return EXIT_USAGE;
    }
    char name[64];
    size_t nl = (size_t)(eq - s);
    snprintf(name, sizeof name, "%.*s", (int)(nl < 60 ? nl : 60), s);
    if (nl >= 60 || px_ctx_map_field(ctx, name, eq + 1) != PX_OK) {
      const char *m = did_you_mean(name, names, sizeof names / sizeof names[0]);
      die_usage(c, a->cmd,
                "--field: unknown field name '%s'%s%s%s (fields: id, source, url, title, byline, "
                "date, text, language)",
                name, m ? "; did you mean '" : "", m ? m : "", m ? "'?" : "");
      return EXIT_USAGE;
    }
  }
  return EXIT_OK;
}

int resolve_article(cli *c, px_store *st, const char *arg, const char *outlet, bool ext_only,
                    int64_t *id) {
  *id = 0;
  char *end;
  errno = 0;
  long long v = strtoll(arg, &end, 10);
  bool numeric = *arg && !*end && !errno && v > 0;
  if (numeric && !ext_only && !outlet) {
    px_article *a = NULL;
    if (px_store_get(st, v, &a) == PX_OK) {
      px_article_free(a);
      *id = v;
      return EXIT_OK;
    }
  }
  int64_t ids[16];
  size_t n = 0;
  if (px_store_find_ext_id(st, arg, outlet, ids, 16, &n) != PX_OK) {
    errorf(c, "cannot look up '%s'", arg);
    return EXIT_FAIL;
  }
  if (n == 1) {
    *id = ids[0];
    return EXIT_OK;
  }
  if (n == 0) {
    if (outlet) errorf(c, "no article '%s' from %s", arg, outlet);
    else errorf(c, "no article '%s' (neither parallax's id nor an input id)", arg);
    return EXIT_NOTFOUND;
  }
  errorf(c, "%zu articles have the input id '%s'; say which with --outlet:", n, arg);
  for (size_t i = 0; i < n && i < 16; i++) {
    px_article *a = NULL;
    if (px_store_get(st, ids[i], &a) != PX_OK) continue;
    px_str s = px_article_get(a, PX_F_SOURCE), t = px_article_get(a, PX_F_TITLE);
    fprintf(stderr, "  %lld  --outlet '%.*s'  %.*s\n", (long long)ids[i], (int)s.len, s.ptr,
            (int)(t.len > 60 ? 60 : t.len), t.ptr);
    px_article_free(a);
  }
  return EXIT_AMBIGUOUS;
}

char *str_dup(px_str s) {
  char *p = malloc(s.len + 1);
  if (!p) return NULL;
  if (s.len) memcpy(p, s.ptr, s.len);
  p[s.len] = '\0';
  return p;
}
