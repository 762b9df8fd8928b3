/* options.c - the option parser shared by every command (options.h). */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t edit_distance(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  if (na > 40 || nb > 40) return 99;
  size_t d[41][41];
  for (size_t i = 0; i <= na; i++) d[i][0] = i;
  for (size_t j = 0; j <= nb; j++) d[0][j] = j;
  for (size_t i = 1; i <= na; i++)
    for (size_t j = 1; j <= nb; j++) {
      size_t x = d[i - 1][j] + 1, y = d[i][j - 1] + 1, z = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      d[i][j] = x < y ? (x < z ? x : z) : (y < z ? y : z);
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < d[i][j])
        d[i][j] = d[i - 2][j - 2] + 1; /* a swap of two letters */
    }
  return d[na][nb];
}

const char *did_you_mean(const char *word, const char *const *names, size_t count) {
  const char *best = NULL;
  size_t bestd = 99, wl = strlen(word);
  for (size_t i = 0; i < count; i++) {
    if (!names[i]) continue;
    size_t d = edit_distance(word, names[i]);
    size_t nl = strlen(names[i]);
    /* a prefix of a longer name ("--min-outlet") counts as close */
    if (wl >= 3 && nl > wl && strncmp(word, names[i], wl) == 0 && d > 1) d = 1;
    if (d < bestd) bestd = d, best = names[i];
  }
  size_t allowed = wl <= 4 ? 1 : wl <= 8 ? 2 : 3;
  return bestd <= allowed ? best : NULL;
}

static const opt_def *find_opt(const command *cmd, const char *name, size_t n, int *idx) {
  for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
    if (strlen(cmd->opts[i].name) == n && strncmp(cmd->opts[i].name, name, n) == 0) {
      *idx = i;
      return &cmd->opts[i];
    }
  return NULL;
}

static const opt_def *find_short(const command *cmd, char ch, int *idx) {
  for (int i = 0; cmd->opts && cmd->opts[i].name; i++)
    if (cmd->opts[i].shortname == ch) {
      *idx = i;
      return &cmd->opts[i];
    }
  return NULL;
}

static const char *kind_want(const opt_def *o) {
  switch (o->kind) {
  case O_INT: return "a whole number";
  case O_NUM: return "a number";
  case O_TIME: return "a date (2023-09-13, 2023-09-13T10:00Z, 7d, 12h, today, yesterday)";
  default: return "a value";
  }
}

/* Check a number against its range; print the message. */
static bool check_number(cli *c, const command *cmd, const opt_def *o, const char *v, optval *out) {
  char *end;
  errno = 0;
  if (o->kind == O_INT) {
    long long x = strtoll(v, &end, 10);
    if (!*v || *end || errno || (double)x < o->min || (double)x > o->max) {
      if (o->max >= 9e18)
        die_usage(c, cmd, "--%s wants a whole number of %.0f or more, not '%s'", o->name, o->min, v);
      else
        die_usage(c, cmd, "--%s wants a whole number from %.0f to %.0f, not '%s'", o->name, o->min,
                  o->max, v);
      return false;
    }
    out->i = x;
    out->d = (double)x;
    return true;
  }
  double x = strtod(v, &end);
  if (!*v || *end || errno || !isfinite(x) || x < o->min || x > o->max) {
    die_usage(c, cmd, "--%s wants a number from %g to %g, not '%s'", o->name, o->min, o->max, v);
    return false;
  }
  out->d = x;
  return true;
}

static bool set_value(cli *c, const command *cmd, args *a, int idx, const char *v) {
  const opt_def *o = &cmd->opts[idx];
  optval *ov = &a->v[idx];
  if (o->kind == O_INT || o->kind == O_NUM) {
    if (!check_number(c, cmd, o, v, ov)) return false;
  } else if (o->kind == O_LIST) {
    const char **l = realloc(ov->list, (ov->nlist + 1) * sizeof *l);
    if (!l) return false;
    ov->list = l;
    l[ov->nlist++] = v;
  }
  ov->set = true;
  ov->s = v;
  return true;
}

/* --tz: "UTC", "Z", "+02:00", "-0530", "+2", or an IANA zone name. */
static bool parse_tz(const char *s, args *a) {
  if (strcmp(s, "UTC") == 0 || strcmp(s, "utc") == 0 || strcmp(s, "Z") == 0 ||
      strcmp(s, "GMT") == 0) {
    a->tz_offset = 0;
    return true;
  }
  if (s[0] == '+' || s[0] == '-') {
    int sign = s[0] == '-' ? -1 : 1;
    const char *p = s + 1;
    int h = 0, m = 0, nd = 0;
    while (*p >= '0' && *p <= '9' && nd < 2) h = h * 10 + (*p++ - '0'), nd++;
    if (!nd) return false;
    if (*p == ':') p++;
    int md = 0;
    while (*p >= '0' && *p <= '9' && md < 2) m = m * 10 + (*p++ - '0'), md++;
    if (*p || h > 14 || m > 59 || md == 1) return false;
    a->tz_offset = sign * (h * 3600 + m * 60);
    return true;
  }
  /* a zone name: the tz database must know it */
  if (strchr(s, '/') == NULL || strstr(s, "..") || s[0] == '/') return false;
  char path[512];
  snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", s);
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  fclose(f);
  a->tz_name = s;
  return true;
}

/* Offset of the --tz zone at time t (seconds east of UTC). */
long tz_offset_at(const args *a, int64_t t) {
  if (!a || !a->tz_name) return a ? a->tz_offset : 0;
  const char *old = getenv("TZ");
  char *saved = old ? strdup(old) : NULL;
  setenv("TZ", a->tz_name, 1);
  tzset();
  time_t tt = (time_t)t;
  struct tm tm;
  long off = localtime_r(&tt, &tm) ? tm.tm_gmtoff : 0;
  if (saved) setenv("TZ", saved, 1);
  else unsetenv("TZ");
  tzset();
  free(saved);
  return off;
}

static bool all_digits(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (p[i] < '0' || p[i] > '9') return false;
  return n > 0;
}

/* Does a date string carry its own zone? ("Z", "+02:00", "GMT", ...) */
static bool has_zone(const char *s) {
  size_t n = strlen(s);
  if (all_digits(s, n)) return true; /* Unix seconds */
  if (n && (s[n - 1] == 'Z' || s[n - 1] == 'z')) return true;
  if (strstr(s, "GMT") || strstr(s, "UTC") || strstr(s, "EST") || strstr(s, "EDT") ||
      strstr(s, "PST") || strstr(s, "PDT"))
    return true;
  const char *t = strchr(s, 'T');
  if (!t) t = strchr(s, ':') ? strchr(s, ' ') : NULL;
  if (t && (strchr(t, '+') || strchr(t + 1, '-'))) return true;
  return false;
}

bool parse_time_value(const char *s, const args *a, int64_t now, int64_t *out) {
  size_t n = strlen(s);
  if (strcmp(s, "now") == 0) {
    *out = now;
    return true;
  }
  if (strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0) {
    long off = tz_offset_at(a, now);
    int64_t local = now + off;
    int64_t day = local - (((local % 86400) + 86400) % 86400);
    if (s[0] == 'y') day -= 86400;
    *out = day - tz_offset_at(a, day - off);
    return true;
  }
  /* relative: 7d, 12h, 30m, 2w, 90s (that long before now) */
  if (n >= 2 && all_digits(s, n - 1) && strchr("smhdw", s[n - 1])) {
    errno = 0;
    long long k = strtoll(s, NULL, 10);
    int64_t unit = s[n - 1] == 's' ? 1 : s[n - 1] == 'm' ? 60 : s[n - 1] == 'h' ? 3600
                   : s[n - 1] == 'd' ? 86400 : 7 * 86400;
    if (errno || k > INT64_MAX / unit / 2) return false;
    *out = now - k * unit;
    return true;
  }
  int64_t t;
  if (px_parse_date(s, n, &t) != PX_OK) return false;
  if (!has_zone(s)) t -= tz_offset_at(a, t);
  *out = t;
  return true;
}

int parse_args(cli *c, const command *cmd, int argc, char **argv, args *a, bool *done) {
  memset(a, 0, sizeof *a);
  a->cmd = cmd;
  *done = false;
  a->pos = calloc((size_t)argc + 1, sizeof *a->pos);
  if (!a->pos) return EXIT_FAIL;
  bool dashdash = false;
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    if (dashdash || arg[0] != '-' || strcmp(arg, "-") == 0) {
      a->pos[a->npos++] = arg;
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      dashdash = true;
      continue;
    }
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
      print_command_help(cmd, stdout);
      *done = true;
      return EXIT_OK;
    }
    int idx = -1;
    const opt_def *o = NULL;
    const char *val = NULL;
    bool inline_val = false;
    if (arg[1] == '-') {
      const char *name = arg + 2, *eq = strchr(name, '=');
      size_t nl = eq ? (size_t)(eq - name) : strlen(name);
      o = find_opt(cmd, name, nl, &idx);
      if (!o && cmd->formats && nl == 6 && strncmp(name, "format", 6) == 0) idx = -2;
      if (eq) val = eq + 1, inline_val = true;
      if (!o && idx != -2) {
        const char *names[MAX_OPTS + 2];
        char want[64];
        snprintf(want, sizeof want, "%.*s", (int)(nl < 60 ? nl : 60), name);
        size_t k = 0;
        for (int j = 0; cmd->opts && cmd->opts[j].name && k < MAX_OPTS; j++) names[k++] = cmd->opts[j].name;
        if (cmd->formats) names[k++] = "format";
        names[k++] = "help";
        const char *m = did_you_mean(want, names, k);
        if (m) die_usage(c, cmd, "unknown option '--%s'; did you mean '--%s'?", want, m);
        else die_usage(c, cmd, "unknown option '--%s'", want);
        return EXIT_USAGE;
      }
    } else {
      if (arg[2] != '\0' || !(o = find_short(cmd, arg[1], &idx))) {
        if (arg[1] == 'f' && arg[2] == '\0' && cmd->formats) {
          idx = -2;
        } else {
          die_usage(c, cmd, "unknown option '%s'", arg);
          return EXIT_USAGE;
        }
      }
    }
    if (idx == -2) { /* --format */
      if (!val) {
        if (i + 1 >= argc) {
          die_usage(c, cmd, "--format needs a value (%s)", cmd->formats);
          return EXIT_USAGE;
        }
        val = argv[++i];
      }
      if (!format_allowed(cmd, val, &c->format)) {
        die_usage(c, cmd, "--format is one of %s, not '%s'", cmd->formats, val);
        return EXIT_USAGE;
      }
      continue;
    }
    if (o->kind == O_FLAG) {
      if (inline_val) {
        die_usage(c, cmd, "--%s takes no value", o->name);
        return EXIT_USAGE;
      }
      a->v[idx].set = true;
      if (strcmp(o->name, "quiet") == 0) c->quiet = true;
      continue;
    }
    if (!val) {
      if (i + 1 >= argc) {
        die_usage(c, cmd, "--%s needs a value (%s)", o->name, o->arg ? o->arg : "a value");
        return EXIT_USAGE;
      }
      val = argv[++i];
    }
    if (!set_value(c, cmd, a, idx, val)) return EXIT_USAGE;
  }
  /* what depends on other options: the database, the zone, then the dates */
  const optval *db = NULL;
  for (int j = 0; cmd->opts && cmd->opts[j].name; j++) {
    if (strcmp(cmd->opts[j].name, "db") == 0 && a->v[j].set) db = &a->v[j];
    if (strcmp(cmd->opts[j].name, "tz") == 0 && a->v[j].set && !parse_tz(a->v[j].s, a)) {
      die_usage(c, cmd, "--tz wants UTC, an offset (+02:00) or a zone name (Europe/Paris), not '%s'",
                a->v[j].s);
      return EXIT_USAGE;
    }
  }
  if (db) {
    if (!*db->s) {
      die_usage(c, cmd, "--db needs a path");
      return EXIT_USAGE;
    }
    c->db_path = db->s;
  }
  int64_t now = (int64_t)time(NULL);
  for (int j = 0; cmd->opts && cmd->opts[j].name; j++) {
    if (cmd->opts[j].kind != O_TIME || !a->v[j].set) continue;
    if (!parse_time_value(a->v[j].s, a, now, &a->v[j].i)) {
      die_usage(c, cmd, "--%s wants %s, not '%s'", cmd->opts[j].name, kind_want(&cmd->opts[j]),
                a->v[j].s);
      return EXIT_USAGE;
    }
  }
  if (a->npos < cmd->min_pos) {
    die_usage(c, cmd, "needs %s", cmd->synopsis_args ? cmd->synopsis_args : "an argument");
    return EXIT_USAGE;
  }
  if (cmd->max_pos >= 0 && a->npos > cmd->max_pos) {
    die_usage(c, cmd, "unexpected argument '%s'", a->pos[cmd->max_pos]);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

void free_args(args *a) {
  for (int j = 0; j < MAX_OPTS; j++) free(a->v[j].list);
  free(a->pos);
  memset(a, 0, sizeof *a);
}

const optval *opt(const args *a, const char *name) {
  for (int j = 0; a->cmd->opts && a->cmd->opts[j].name; j++)
    if (strcmp(a->cmd->opts[j].name, name) == 0) return &a->v[j];
  fprintf(stderr, "parallax: internal error: %s has no option --%s\n", a->cmd->name, name);
  abort();
}

bool opt_flag(const args *a, const char *name) { return opt(a, name)->set; }
const char *opt_str(const args *a, const char *name, const char *def) {
  const optval *v = opt(a, name);
  return v->set ? v->s : def;
}
int64_t opt_int(const args *a, const char *name, int64_t def) {
  const optval *v = opt(a, name);
  return v->set ? v->i : def;
}
double opt_num(const args *a, const char *name, double def) {
  const optval *v = opt(a, name);
  return v->set ? v->d : def;
}
bool opt_time(const args *a, const char *name, int64_t *t) {
  const optval *v = opt(a, name);
  if (v->set) *t = v->i;
  return v->set;
}
