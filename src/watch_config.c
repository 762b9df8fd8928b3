/* watch_config.c - the parser of the watch configuration (watch_config.h).
 * Outside input: every path is bounded by the text's length, every error
 * names its line, and nothing is allocated that the release does not free
 * (tests/fuzz/fuzz_watch_config.c). */
#include "watch_config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CONFIG_BYTES (1 << 20)
#define MAX_ENTRIES 10000
#define MAX_ARRAY 1000

void wconfig_init(wconfig *c) {
  memset(c, 0, sizeof(*c));
  c->interval = 300;
  c->timeout = 30;
  c->connect_timeout = 10;
  c->max_bytes = 16L << 20;
  c->max_redirects = 5;
  c->per_host = 2;
  c->rate = 1;
  c->backoff_max = 3600;
  c->fetch_pages = true;
  c->settle = 2;
  c->to_stdout = true;
}

static void free_strs(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

void wconfig_release(wconfig *c) {
  if (!c) return;
  free(c->user_agent);
  for (size_t i = 0; i < c->nfeeds; i++) free(c->feeds[i].url);
  free(c->feeds);
  free_strs(c->folders, c->nfolders);
  for (size_t i = 0; i < c->nalerts; i++) {
    walert *a = &c->alerts[i];
    free(a->name);
    free(a->speaker);
    free(a->match);
    free_strs(a->outlets, a->noutlets);
  }
  free(c->alerts);
  free(c->command);
  free(c->webhook);
  memset(c, 0, sizeof(*c));
}

/* A parsed value. */
typedef enum { V_STR, V_NUM, V_BOOL, V_ARRAY } vtype;
typedef struct value {
  vtype t;
  char *s;      /* V_STR */
  double num;   /* V_NUM */
  bool b;       /* V_BOOL */
  char **arr;   /* V_ARRAY */
  size_t narr;
} value;

static void value_release(value *v) {
  free(v->s);
  free_strs(v->arr, v->narr);
  memset(v, 0, sizeof(*v));
}

typedef struct parser {
  const char *p, *end;
  const char *name;
  long line;
  char *err;
  size_t errcap;
} parser;

static int fail(parser *ps, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(parser *ps, const char *fmt, ...) {
  char m[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(m, sizeof(m), fmt, ap);
  va_end(ap);
  if (ps->err && ps->errcap) snprintf(ps->err, ps->errcap, "%s:line %ld: %s", ps->name, ps->line, m);
  return -1;
}

static void skip_sp(const char **p, const char *e) {
  while (*p < e && (**p == ' ' || **p == '\t')) (*p)++;
}

/* A "string" starting at *p (at the quote); the result is malloc'd. */
static int parse_string(parser *ps, const char **p, const char *e, char **out) {
  const char *q = *p + 1;
  size_t cap = 32, n = 0;
  char *s = malloc(cap);
  if (!s) return fail(ps, "out of memory");
  for (;;) {
    if (q >= e) {
      free(s);
      return fail(ps, "string not closed before the end of the line");
    }
    char ch = *q++;
    if (ch == '"') break;
    if (ch == '\\') {
      if (q >= e) {
        free(s);
        return fail(ps, "string not closed before the end of the line");
      }
      char x = *q++;
      if (x == 'n') ch = '\n';
      else if (x == 't') ch = '\t';
      else if (x == '"' || x == '\\') ch = x;
      else {
        free(s);
        return fail(ps, "unknown escape '\\%c' in a string", x >= 32 && x < 127 ? x : '?');
      }
    } else if (ch == '\0' || (unsigned char)ch < 32) {
      free(s);
      return fail(ps, "control character in a string");
    }
    if (n + 2 > cap) {
      cap *= 2;
      char *ns = realloc(s, cap);
      if (!ns) {
        free(s);
        return fail(ps, "out of memory");
      }
      s = ns;
    }
    s[n++] = ch;
  }
  s[n] = '\0';
  *p = q;
  *out = s;
  return 0;
}

static int parse_value(parser *ps, const char **p, const char *e, value *v) {
  memset(v, 0, sizeof(*v));
  if (*p >= e) return fail(ps, "a value is missing after '='");
  char ch = **p;
  if (ch == '"') {
    v->t = V_STR;
    return parse_string(ps, p, e, &v->s);
  }
  if (ch == '[') {
    v->t = V_ARRAY;
    (*p)++;
    size_t cap = 0;
    for (;;) {
      skip_sp(p, e);
      if (*p >= e) return fail(ps, "array not closed before the end of the line");
      if (**p == ']') {
        (*p)++;
        return 0;
      }
      if (v->narr && **p == ',') {
        (*p)++;
        skip_sp(p, e);
        if (*p < e && **p == ']') continue; /* a trailing comma */
      } else if (v->narr) {
        return fail(ps, "',' or ']' expected in an array");
      }
      if (*p >= e || **p != '"') return fail(ps, "arrays hold \"strings\" only");
      if (v->narr >= MAX_ARRAY) return fail(ps, "array longer than %d items", MAX_ARRAY);
      if (v->narr == cap) {
        cap = cap ? cap * 2 : 4;
        char **na = realloc(v->arr, cap * sizeof(char *));
        if (!na) return fail(ps, "out of memory");
        v->arr = na;
      }
      if (parse_string(ps, p, e, &v->arr[v->narr])) return -1;
      v->narr++;
    }
  }
  const char *q = *p;
  while (q < e && *q != ' ' && *q != '\t') q++;
  size_t n = (size_t)(q - *p);
  if ((n == 4 && memcmp(*p, "true", 4) == 0) || (n == 5 && memcmp(*p, "false", 5) == 0)) {
    v->t = V_BOOL;
    v->b = n == 4;
    *p = q;
    return 0;
  }
  char buf[64];
  if (n == 0 || n >= sizeof(buf)) return fail(ps, "a value must be a \"string\", a number, true, false or [\"array\"]");
  memcpy(buf, *p, n);
  buf[n] = '\0';
  char *endp;
  errno = 0;
  double d = strtod(buf, &endp);
  if (*endp || errno || d != d || d > 1e15 || d < -1e15)
    return fail(ps, "'%s' is not a number (strings need \"quotes\")", buf);
  v->t = V_NUM;
  v->num = d;
  *p = q;
  return 0;
}

typedef enum { S_TOP, S_FEED, S_FOLDER, S_ALERT, S_DELIVER } section;
static const char *const section_names[] = {"top level", "[feed]", "[folder]", "[alert]", "[deliver]"};

static int want(parser *ps, const value *v, vtype t, const char *key) {
  static const char *const tn[] = {"a \"string\"", "a number", "true or false", "an array of strings"};
  if (v->t != t) return fail(ps, "'%s' must be %s", key, tn[t]);
  return 0;
}

static int num_in(parser *ps, const value *v, const char *key, double lo, double hi, double *out) {
  if (want(ps, v, V_NUM, key)) return -1;
  if (v->num < lo || v->num > hi) return fail(ps, "'%s' must be between %g and %g", key, lo, hi);
  *out = v->num;
  return 0;
}

static int take_str(parser *ps, value *v, const char *key, char **dst) {
  if (want(ps, v, V_STR, key)) return -1;
  free(*dst);
  *dst = v->s;
  v->s = NULL;
  return 0;
}

static int grow(parser *ps, void **v, size_t n, size_t size) {
  if (n >= MAX_ENTRIES) return fail(ps, "more than %d entries", MAX_ENTRIES);
  void *nv = realloc(*v, (n + 1) * size);
  if (!nv) return fail(ps, "out of memory");
  *v = nv;
  memset((char *)nv + n * size, 0, size);
  return 0;
}

static int set_key(parser *ps, wconfig *c, section sec, const char *key, value *v) {
  double d = 0;
  if (sec == S_TOP) {
    if (strcmp(key, "user_agent") == 0) return take_str(ps, v, key, &c->user_agent);
    if (strcmp(key, "interval") == 0) return num_in(ps, v, key, 0.01, 1e7, &c->interval);
    if (strcmp(key, "timeout") == 0) return num_in(ps, v, key, 0.01, 86400, &c->timeout);
    if (strcmp(key, "connect_timeout") == 0) return num_in(ps, v, key, 0.01, 3600, &c->connect_timeout);
    if (strcmp(key, "backoff_max") == 0) return num_in(ps, v, key, 0.01, 1e7, &c->backoff_max);
    if (strcmp(key, "rate") == 0) return num_in(ps, v, key, 0.001, 1e6, &c->rate);
    if (strcmp(key, "settle") == 0) return num_in(ps, v, key, 0, 3600, &c->settle);
    if (strcmp(key, "max_bytes") == 0) {
      if (num_in(ps, v, key, 1024, 1 << 30, &d)) return -1;
      c->max_bytes = (long)d;
      return 0;
    }
    if (strcmp(key, "max_redirects") == 0) {
      if (num_in(ps, v, key, 0, 50, &d)) return -1;
      c->max_redirects = (long)d;
      return 0;
    }
    if (strcmp(key, "per_host") == 0) {
      if (num_in(ps, v, key, 1, 64, &d)) return -1;
      c->per_host = (long)d;
      return 0;
    }
    if (strcmp(key, "fetch_pages") == 0) {
      if (want(ps, v, V_BOOL, key)) return -1;
      c->fetch_pages = v->b;
      return 0;
    }
  } else if (sec == S_FEED) {
    wfeed *f = &c->feeds[c->nfeeds - 1];
    if (strcmp(key, "url") == 0) return take_str(ps, v, key, &f->url);
    if (strcmp(key, "interval") == 0) return num_in(ps, v, key, 0.01, 1e7, &f->interval);
  } else if (sec == S_FOLDER) {
    if (strcmp(key, "path") == 0) return take_str(ps, v, key, &c->folders[c->nfolders - 1]);
  } else if (sec == S_DELIVER) {
    if (strcmp(key, "stdout") == 0) {
      if (want(ps, v, V_BOOL, key)) return -1;
      c->to_stdout = v->b;
      return 0;
    }
    if (strcmp(key, "command") == 0) return take_str(ps, v, key, &c->command);
    if (strcmp(key, "webhook") == 0) return take_str(ps, v, key, &c->webhook);
  } else if (sec == S_ALERT) {
    walert *a = &c->alerts[c->nalerts - 1];
    if (strcmp(key, "name") == 0) return take_str(ps, v, key, &a->name);
    if (strcmp(key, "kind") == 0) {
      if (want(ps, v, V_STR, key)) return -1;
      static const char *const kinds[] = {"", "outlets", "facts", "speaker", "misattributed"};
      for (int k = 1; k <= 4; k++)
        if (strcmp(v->s, kinds[k]) == 0) {
          a->kind = (walert_kind)k;
          return 0;
        }
      return fail(ps, "unknown alert kind '%.40s' (outlets, facts, speaker, misattributed)", v->s);
    }
    if (strcmp(key, "min") == 0) {
      if (num_in(ps, v, key, 1, 100000, &d)) return -1;
      a->min = (long)d;
      return 0;
    }
    if (strcmp(key, "min_words") == 0) {
      if (num_in(ps, v, key, 1, 1000, &d)) return -1;
      a->min_words = (long)d;
      return 0;
    }
    if (strcmp(key, "story") == 0) {
      if (num_in(ps, v, key, 1, 9e15, &d)) return -1;
      a->story = (int64_t)d;
      return 0;
    }
    if (strcmp(key, "speaker") == 0) return take_str(ps, v, key, &a->speaker);
    if (strcmp(key, "match") == 0) return take_str(ps, v, key, &a->match);
    if (strcmp(key, "outlets") == 0) {
      if (want(ps, v, V_ARRAY, key)) return -1;
      free_strs(a->outlets, a->noutlets);
      a->outlets = v->arr;
      a->noutlets = v->narr;
      v->arr = NULL;
      v->narr = 0;
      return 0;
    }
  }
  return fail(ps, "unknown key '%.40s' in %s", key, section_names[sec]);
}

/* What each entry needs, checked when the next section starts and at the end. */
static int check_entry(parser *ps, wconfig *c, section sec) {
  if (sec == S_FEED && !c->feeds[c->nfeeds - 1].url) return fail(ps, "[feed] without a url");
  if (sec == S_FOLDER && !c->folders[c->nfolders - 1]) return fail(ps, "[folder] without a path");
  if (sec == S_ALERT) {
    walert *a = &c->alerts[c->nalerts - 1];
    if (!a->kind) return fail(ps, "[alert] without a kind");
    if (a->kind == WA_SPEAKER && !a->speaker) return fail(ps, "a speaker alert needs 'speaker'");
    if (a->kind == WA_FACTS && !a->story && !a->match)
      return fail(ps, "a facts alert needs 'story' or 'match'");
    if (!a->min) a->min = 3;
    if (!a->min_words) a->min_words = 6;
    if (!a->name) {
      static const char *const kinds[] = {"", "outlets", "facts", "speaker", "misattributed"};
      char nm[48];
      snprintf(nm, sizeof(nm), "%s-%zu", kinds[a->kind], c->nalerts);
      if (!(a->name = strdup(nm))) return fail(ps, "out of memory");
    }
  }
  return 0;
}

int wconfig_parse(wconfig *c, const char *text, size_t n, const char *name, char *err,
                  size_t errcap) {
  parser ps = {text, text + n, name ? name : "config", 0, err, errcap};
  if (n > MAX_CONFIG_BYTES) return fail(&ps, "larger than %d bytes", MAX_CONFIG_BYTES);
  section sec = S_TOP;
  const char *p = text, *end = text + n;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
  while (p < end) {
    ps.line++;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    const char *next = e ? e + 1 : end;
    if (!e) e = end;
    if (e > p && e[-1] == '\r') e--;
    const char *q = p;
    p = next;
    skip_sp(&q, e);
    if (q >= e || *q == '#') continue;
    if (memchr(q, '\0', (size_t)(e - q))) return fail(&ps, "NUL byte in the line");
    if (*q == '[') {
      bool dbl = q + 1 < e && q[1] == '[';
      const char *s = q + (dbl ? 2 : 1);
      const char *t = s;
      while (t < e && *t != ']') t++;
      if (t >= e || (dbl && (t + 1 >= e || t[1] != ']'))) return fail(&ps, "section name not closed with ']'");
      const char *after = t + (dbl ? 2 : 1);
      skip_sp(&after, e);
      if (after < e && *after != '#') return fail(&ps, "text after the section name");
      size_t k = (size_t)(t - s);
      if (sec != S_TOP && check_entry(&ps, c, sec)) return -1;
      if (k == 4 && memcmp(s, "feed", 4) == 0) {
        if (grow(&ps, (void **)&c->feeds, c->nfeeds, sizeof(wfeed))) return -1;
        c->nfeeds++;
        sec = S_FEED;
      } else if (k == 6 && memcmp(s, "folder", 6) == 0) {
        if (grow(&ps, (void **)&c->folders, c->nfolders, sizeof(char *))) return -1;
        c->nfolders++;
        sec = S_FOLDER;
      } else if (k == 5 && memcmp(s, "alert", 5) == 0) {
        if (grow(&ps, (void **)&c->alerts, c->nalerts, sizeof(walert))) return -1;
        c->nalerts++;
        sec = S_ALERT;
      } else if (k == 7 && memcmp(s, "deliver", 7) == 0) {
        sec = S_DELIVER;
      } else {
        return fail(&ps, "unknown section '%.*s' (feed, folder, alert, deliver)", (int)(k > 40 ? 40 : k), s);
      }
      continue;
    }
    const char *ks = q;
    while (q < e && (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9'))) q++;
    size_t kn = (size_t)(q - ks);
    if (kn == 0 || kn > 40) return fail(&ps, "a key (lower-case letters, digits, '_') expected");
    char key[48];
    memcpy(key, ks, kn);
    key[kn] = '\0';
    skip_sp(&q, e);
    if (q >= e || *q != '=') return fail(&ps, "'=' expected after '%s'", key);
    q++;
    skip_sp(&q, e);
    value v;
    if (parse_value(&ps, &q, e, &v)) {
      value_release(&v);
      return -1;
    }
    skip_sp(&q, e);
    int rc = 0;
    if (q < e && *q != '#') rc = fail(&ps, "text after the value of '%s'", key);
    if (rc == 0) rc = set_key(&ps, c, sec, key, &v);
    value_release(&v);
    if (rc) return -1;
  }
  if (sec != S_TOP && check_entry(&ps, c, sec)) return -1;
  return 0;
}

int wconfig_load(wconfig *c, const char *path, char *err, size_t errcap) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    snprintf(err, errcap, "%s: %s", path, strerror(errno));
    return -1;
  }
  char *buf = malloc(MAX_CONFIG_BYTES + 1);
  size_t n = buf ? fread(buf, 1, MAX_CONFIG_BYTES + 1, f) : 0;
  int bad = !buf || ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    snprintf(err, errcap, "%s: cannot read", path);
    return -1;
  }
  int rc = wconfig_parse(c, buf, n, path, err, errcap);
  free(buf);
  return rc;
}

int wconfig_add_feed(wconfig *c, const char *url) {
  wfeed *nf = realloc(c->feeds, (c->nfeeds + 1) * sizeof(wfeed));
  if (!nf) return -1;
  c->feeds = nf;
  memset(&nf[c->nfeeds], 0, sizeof(wfeed));
  if (!(nf[c->nfeeds].url = strdup(url))) return -1;
  c->nfeeds++;
  return 0;
}

int wconfig_add_folder(wconfig *c, const char *path) {
  char **nf = realloc(c->folders, (c->nfolders + 1) * sizeof(char *));
  if (!nf) return -1;
  c->folders = nf;
  if (!(nf[c->nfolders] = strdup(path))) return -1;
  c->nfolders++;
  return 0;
}
