/* watch_alert.c - the alerts of `parallax watch` (docs/watch.md).
 *
 * After each ingest round the new articles are looked at through the
 * public API only: the stories they joined (px_store_article_story,
 * px_store_story_get, px_store_story_articles), the quotes stored since the
 * last round (px_store_quotes_after), and for followed stories the stored
 * comparison (px_store_story_report, JSON).  Each alert found is written,
 * with a key saying it was raised, into an outbox kept in the store's state
 * table, in one transaction; delivery then takes it from the outbox to each
 * sink (stdout, a command, a webhook) and marks each sink done.  So an
 * alert is raised once even across restarts, and a crash between a
 * delivery and its mark (a window of one write) is the only way a sink can
 * see one twice; every alert carries a stable "id" to recognise it.
 */
#include "watch.h"

#include <ctype.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

/* Direct and partial quotes seen, by the hash of their normalised words:
 * the first speaker each was attributed to. */
typedef struct qseen {
  uint64_t hash;
  int64_t quote, article;
  char *speaker, *source;
} qseen;

struct walerts {
  px_ctx *ctx;
  px_store *st;
  wfetch *f;
  const wconfig *cfg;
  int64_t quote_pos;   /* quotes up to this id were looked at */
  int64_t article_pos; /* articles up to this id were looked at */
  int64_t seq;       /* last outbox number */
  qseen *seen;       /* open addressing, power-of-two size */
  size_t nseen, capseen;
  uint64_t raised, delivered;
  double retry_at[3]; /* per sink (stdout, command, webhook): a failure pauses it until then */
  char **unmarked;   /* "done:" keys delivered whose mark could not be written */
  size_t nunmarked;
  double retry_gap[3];
  bool outbox_empty; /* the last delivery left nothing and nothing was raised since */
};


/* ------------------------------------------------------------ small helpers */

static uint64_t fnv(const char *p, size_t n, uint64_t h) {
  if (!h) h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= 1099511628211ULL;
  }
  return h ? h : 1;
}

/* The words of a quote, lower-cased ASCII letters and digits (other bytes,
 * UTF-8 included, kept as they are), single-spaced: its hash and word count. */
static uint64_t words_hash(px_str t, long *words) {
  uint64_t h = 0;
  long w = 0;
  bool in = false;
  for (size_t i = 0; i < t.len; i++) {
    unsigned char c = (unsigned char)t.ptr[i];
    bool word = isalnum(c) || c >= 0x80;
    if (word) {
      if (!in) {
        if (w) h = fnv(" ", 1, h);
        w++;
        in = true;
      }
      char lc = (char)tolower(c);
      h = fnv(&lc, 1, h);
    } else {
      in = false;
    }
  }
  *words = w;
  return h ? h : 1;
}

/* A speaker that names someone: a capitalised word that is not a pronoun. */
static bool is_name(px_str s) {
  static const char *const pron[] = {"He", "She", "They", "It", "We", "I", "You", "The", NULL};
  if (s.len < 2 || !isupper((unsigned char)s.ptr[0])) return false;
  for (int i = 0; pron[i]; i++) {
    size_t k = strlen(pron[i]);
    if (s.len == k && memcmp(s.ptr, pron[i], k) == 0) return false;
    if (i == 7 && s.len > k && memcmp(s.ptr, "The ", 4) == 0) return false; /* "The spokesman" */
  }
  return true;
}

static qseen *seen_find(walerts *a, uint64_t h) {
  if (!a->capseen) return NULL;
  for (size_t i = h & (a->capseen - 1);; i = (i + 1) & (a->capseen - 1)) {
    if (!a->seen[i].hash) return NULL;
    if (a->seen[i].hash == h) return &a->seen[i];
  }
}

static int seen_add(walerts *a, uint64_t h, int64_t quote, int64_t article, px_str speaker,
                    px_str source) {
  if ((a->nseen + 1) * 2 > a->capseen) {
    size_t nc = a->capseen ? a->capseen * 2 : 1024;
    qseen *ns = calloc(nc, sizeof(qseen));
    if (!ns) return PX_ENOMEM;
    for (size_t i = 0; i < a->capseen; i++) {
      if (!a->seen[i].hash) continue;
      size_t j = a->seen[i].hash & (nc - 1);
      while (ns[j].hash) j = (j + 1) & (nc - 1);
      ns[j] = a->seen[i];
    }
    free(a->seen);
    a->seen = ns;
    a->capseen = nc;
  }
  size_t j = h & (a->capseen - 1);
  while (a->seen[j].hash) j = (j + 1) & (a->capseen - 1);
  qseen *q = &a->seen[j];
  q->hash = h;
  q->quote = quote;
  q->article = article;
  q->speaker = str_dup(speaker);
  q->source = str_dup(source);
  if (!q->speaker || !q->source) return PX_ENOMEM;
  a->nseen++;
  return PX_OK;
}

static int64_t state_int(px_store *st, const char *key) {
  char *v = NULL;
  int64_t n = 0;
  if (px_store_state_get(st, key, &v, NULL) == PX_OK) n = strtoll(v, NULL, 10);
  free(v);
  return n;
}

static int state_put_int(px_store *st, const char *key, int64_t n) {
  char b[32];
  int k = snprintf(b, sizeof(b), "%lld", (long long)n);
  return px_store_state_set(st, key, b, (size_t)k);
}

static bool was_raised(walerts *a, const char *key) {
  char *v = NULL;
  int rc = px_store_state_get(a->st, key, &v, NULL);
  free(v);
  return rc == PX_OK;
}

/* --------------------------------------------------------------- the outbox */


/* An alert is written with the library's JSON writer (px_json) into a
 * buffer: alert_begin() opens it with what every alert carries, the
 * caller adds its members, alert_end() puts it in the outbox. */
typedef struct alert_buf {
  char *p;
  size_t n;
  int oom;
} alert_buf;

static int to_buf(void *user, const char *p, size_t n) {
  alert_buf *b = user;
  char *np = realloc(b->p, b->n + n + 1);
  if (!np) {
    b->oom = 1;
    return 1;
  }
  memcpy(np + b->n, p, n);
  b->n += n;
  np[b->n] = '\0';
  b->p = np;
  return 0;
}

/* NULL when the alert was raised before (or out of memory: *rc says). */
static px_json *alert_begin(walerts *a, const walert *al, const char *key, const char *kind,
                            alert_buf *b, int *rc) {
  memset(b, 0, sizeof(*b));
  *rc = PX_OK;
  if (was_raised(a, key)) return NULL;
  px_json *j = NULL;
  if ((*rc = px_json_new(0, to_buf, b, &j)) != PX_OK) return NULL;
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  px_json_object(j);
  px_json_key(j, "id");
  px_json_str(j, key + 5, strlen(key + 5)); /* without "sent:" */
  px_json_key(j, "alert");
  px_json_str(j, al->name, strlen(al->name));
  px_json_key(j, "kind");
  px_json_str(j, kind, strlen(kind));
  px_json_key(j, "time");
  px_json_time(j, (int64_t)now.tv_sec, 1);
  px_json_key(j, "ts");
  px_json_num(j, (double)now.tv_sec + now.tv_nsec * 1e-9, 3);
  return j;
}

static int alert_end(walerts *a, const char *key, px_json *j, alert_buf *b) {
  px_json_object_end(j);
  int rc = px_json_status(j);
  px_json_free(j);
  if (rc == PX_OK && b->oom) rc = PX_ENOMEM;
  size_t n = b->n;
  while (n && b->p[n - 1] == '\n') n--; /* one line; delivery ends it */
  if (rc == PX_OK && n) {
    char okey[48];
    snprintf(okey, sizeof(okey), "outbox:%012lld", (long long)++a->seq);
    if ((rc = px_store_state_set(a->st, okey, b->p, n)) == PX_OK &&
        (rc = px_store_state_set(a->st, key, "1", 1)) == PX_OK)
      rc = state_put_int(a->st, "alert:seq", a->seq);
    if (rc == PX_OK) {
      a->raised++;
      a->outbox_empty = false;
    }
  }
  free(b->p);
  return rc;
}

static void jstr(px_json *j, const char *key, const char *v) {
  px_json_key(j, key);
  px_json_str(j, v ? v : "", v ? strlen(v) : 0);
}

static void jint(px_json *j, const char *key, int64_t v) {
  px_json_key(j, key);
  px_json_int(j, v);
}

/* ------------------------------------------------------ story-based alerts */

typedef struct story_sum {
  int64_t id, outlets, articles;
  char *headline;
} story_sum;

static int story_cb(void *user, const px_story_info *info) {
  story_sum *s = user;
  s->id = info->id;
  s->outlets = info->outlets;
  s->articles = info->articles;
  free(s->headline);
  s->headline = str_dup(info->headline);
  return 0;
}

typedef struct group_count {
  const walert *al;
  char **seen;
  size_t n;
  int64_t last;  /* the newest article of the group: the one that made the count */
  char *last_url, *last_source;
} group_count;

static int group_cb(void *user, const px_story_member *m) {
  group_count *g = user;
  px_str src = px_article_get(m->art, PX_F_SOURCE);
  bool in_group = g->al->noutlets == 0;
  for (size_t i = 0; i < g->al->noutlets && !in_group; i++)
    in_group = strlen(g->al->outlets[i]) == src.len && memcmp(g->al->outlets[i], src.ptr, src.len) == 0;
  if (!in_group) return 0;
  int64_t id = px_article_id(m->art);
  if (id > g->last) {
    px_str u = px_article_get(m->art, PX_F_URL);
    free(g->last_url);
    free(g->last_source);
    g->last = id;
    g->last_url = str_dup(u);
    g->last_source = str_dup(src);
  }
  for (size_t i = 0; i < g->n; i++)
    if (strlen(g->seen[i]) == src.len && memcmp(g->seen[i], src.ptr, src.len) == 0) return 0;
  char **ns = realloc(g->seen, (g->n + 1) * sizeof(char *));
  if (!ns) return 1;
  g->seen = ns;
  if (!(g->seen[g->n] = str_dup(src))) return 1;
  g->n++;
  return 0;
}

static int check_outlets(walerts *a, const walert *al, const story_sum *s) {
  if (al->noutlets == 0 && s->outlets < al->min) return PX_OK;
  char key[160];
  snprintf(key, sizeof(key), "sent:%s:story:%lld", al->name, (long long)s->id);
  if (was_raised(a, key)) return PX_OK;
  group_count g = {al, NULL, 0, 0, NULL, NULL};
  int rc = px_store_story_articles(a->st, s->id, group_cb, &g);
  int64_t count = (int64_t)g.n;
  if (rc == PX_OK && count >= al->min) {
    alert_buf b;
    px_json *j = alert_begin(a, al, key, "outlets", &b, &rc);
    if (j) {
      jint(j, "story", s->id);
      jstr(j, "headline", s->headline);
      jint(j, "outlets", count);
      jint(j, "articles", s->articles);
      px_json_key(j, "outlet_names");
      px_json_array(j);
      for (size_t i = 0; i < g.n; i++) px_json_str(j, g.seen[i], strlen(g.seen[i]));
      px_json_array_end(j);
      px_json_key(j, "trigger");
      px_json_object(j);
      jint(j, "article", g.last);
      jstr(j, "url", g.last_url);
      jstr(j, "source", g.last_source);
      px_json_object_end(j);
      rc = alert_end(a, key, j, &b);
    }
  }
  for (size_t i = 0; i < g.n; i++) free(g.seen[i]);
  free(g.seen);
  free(g.last_url);
  free(g.last_source);
  return rc;
}

static int write_buf(void *user, const char *p, size_t n) {
  px_str *b = user;
  char *nb = realloc((char *)b->ptr, b->len + n + 1);
  if (!nb) return 1;
  memcpy(nb + b->len, p, n);
  b->len += n;
  nb[b->len] = '\0';
  b->ptr = nb;
  return 0;
}

/* The articles of this round: ids in (lo, hi]. */
static bool is_new(int64_t id, int64_t lo, int64_t hi) { return id > lo && id <= hi; }

/* A followed story gained articles: a fact now carried by two outlets or
 * more that was not before (its earlier articles gave it one outlet at
 * most), and a numeric dispute involving a new article. */
static int check_facts(walerts *a, const walert *al, const story_sum *s, int64_t lo, int64_t hi) {
  px_str rep = {NULL, 0};
  int rc = px_store_story_report(a->st, s->id, PX_REPORT_JSON, NULL, write_buf, &rep, NULL);
  if (rc != PX_OK) {
    free((char *)rep.ptr);
    return rc == PX_ENOTFOUND ? PX_OK : rc;
  }
  json_error_t jerr;
  json_t *root = json_loadb(rep.ptr, rep.len, 0, &jerr);
  free((char *)rep.ptr);
  if (!root) {
    wlog("error", "story %lld: the comparison could not be read back: %s", (long long)s->id, jerr.text);
    return PX_OK;
  }
  json_t *articles = json_object_get(root, "articles");
  size_t na = json_array_size(articles);
  /* Article index -> new in this round; outlet names. */
  bool *fresh = calloc(na ? na : 1, sizeof(bool));
  size_t nold = 0;
  for (size_t i = 0; fresh && i < na; i++) {
    json_t *ar = json_array_get(articles, i);
    fresh[i] = is_new(json_integer_value(json_object_get(ar, "store_id")), lo, hi);
    if (!fresh[i]) nold++;
  }
  if (!fresh || nold == 0) goto done; /* a story new in this round: the outlets alert tells it */
  json_t *facts = json_object_get(root, "facts");
  for (size_t i = 0; rc == PX_OK && i < json_array_size(facts); i++) {
    json_t *fa = json_array_get(facts, i);
    if (!json_is_true(json_object_get(fa, "shared"))) continue;
    json_t *members = json_object_get(fa, "members");
    const char *old_outlets[2] = {NULL, NULL};
    size_t nout = 0;
    bool has_new = false;
    for (size_t k = 0; k < json_array_size(members); k++) {
      size_t ai = (size_t)json_integer_value(json_object_get(json_array_get(members, k), "article"));
      if (ai >= na) continue;
      if (fresh[ai]) {
        has_new = true;
        continue;
      }
      const char *o = json_string_value(json_object_get(json_array_get(articles, ai), "outlet"));
      if (!o) o = "";
      if (nout == 0 || (nout == 1 && strcmp(old_outlets[0], o) != 0)) old_outlets[nout++] = o;
    }
    if (!has_new || nout >= 2) continue;
    json_t *m0 = json_array_get(members, 0);
    const char *text = json_string_value(json_object_get(m0, "text"));
    char key[200];
    uint64_t h = fnv(text ? text : "", text ? strlen(text) : 0, (uint64_t)s->id);
    snprintf(key, sizeof(key), "sent:%s:fact:%lld:%016llx", al->name, (long long)s->id,
             (unsigned long long)h);
    alert_buf b;
    px_json *j = alert_begin(a, al, key, "fact", &b, &rc);
    if (!j) continue;
    jint(j, "story", s->id);
    jstr(j, "headline", s->headline);
    jstr(j, "text", text);
    px_json_key(j, "outlets");
    px_json_array(j);
    json_t *fo = json_object_get(fa, "outlets");
    for (size_t k = 0; k < json_array_size(fo); k++) {
      const char *o = json_string_value(json_array_get(fo, k));
      px_json_str(j, o ? o : "", o ? strlen(o) : 0);
    }
    px_json_array_end(j);
    rc = alert_end(a, key, j, &b);
  }
  json_t *disc = json_object_get(root, "discrepancies");
  for (size_t i = 0; rc == PX_OK && i < json_array_size(disc); i++) {
    json_t *d = json_array_get(disc, i);
    json_t *vals = json_object_get(d, "values");
    bool has_new = false;
    uint64_t h = (uint64_t)s->id;
    for (size_t k = 0; k < json_array_size(vals); k++) {
      json_t *v = json_array_get(vals, k);
      size_t ai = (size_t)json_integer_value(json_object_get(v, "article"));
      if (ai < na && fresh[ai]) has_new = true;
      const char *text = json_string_value(json_object_get(v, "text"));
      h = fnv(text ? text : "", text ? strlen(text) : 0, h);
    }
    if (!has_new) continue;
    char key[200];
    snprintf(key, sizeof(key), "sent:%s:dispute:%lld:%016llx", al->name, (long long)s->id,
             (unsigned long long)h);
    alert_buf b;
    px_json *j = alert_begin(a, al, key, "dispute", &b, &rc);
    if (!j) continue;
    jint(j, "story", s->id);
    jstr(j, "headline", s->headline);
    jstr(j, "unit", json_string_value(json_object_get(d, "unit")));
    px_json_key(j, "values");
    px_json_array(j);
    for (size_t k = 0; k < json_array_size(vals); k++) {
      json_t *v = json_array_get(vals, k);
      size_t ai = (size_t)json_integer_value(json_object_get(v, "article"));
      px_json_object(j);
      px_json_key(j, "value");
      px_json_num(j, json_number_value(json_object_get(v, "value")), 6);
      jstr(j, "text", json_string_value(json_object_get(v, "text")));
      jstr(j, "outlet", ai < na ? json_string_value(json_object_get(json_array_get(articles, ai), "outlet")) : "");
      px_json_object_end(j);
    }
    px_json_array_end(j);
    rc = alert_end(a, key, j, &b);
  }
done:
  free(fresh);
  json_decref(root);
  return rc;
}

static bool headline_matches(const char *headline, const char *match) {
  if (!headline || !match) return false;
  return strcasestr(headline, match) != NULL;
}

/* ------------------------------------------------------------ quote alerts */

typedef struct quote_pass {
  walerts *a;
  int rc;
  int64_t last;
} quote_pass;

static void quote_json(px_json *j, const px_stored_quote *q) {
  px_json_key(j, "quote");
  px_json_object(j);
  jint(j, "id", q->id);
  jint(j, "article", q->article);
  px_json_key(j, "source");
  px_json_pstr(j, q->source);
  px_json_key(j, "title");
  px_json_pstr(j, q->title);
  jstr(j, "kind", px_quote_kind_name(q->kind));
  px_json_key(j, "text");
  px_json_pstr(j, q->text);
  px_json_key(j, "speaker");
  px_json_pstr(j, q->speaker_name);
  px_json_object_end(j);
}

static int quote_cb(void *user, const px_stored_quote *q) {
  quote_pass *qp = user;
  walerts *a = qp->a;
  qp->last = q->id;
  const wconfig *c = a->cfg;
  for (size_t i = 0; i < c->nalerts && qp->rc == PX_OK; i++) {
    const walert *al = &c->alerts[i];
    if (al->kind == WA_SPEAKER && q->speaker_name.len &&
        px_speaker_match(al->speaker, strlen(al->speaker), q->speaker_name.ptr, q->speaker_name.len)) {
      char key[160];
      snprintf(key, sizeof(key), "sent:%s:quote:%lld", al->name, (long long)q->id);
      alert_buf b;
      px_json *j = alert_begin(a, al, key, "speaker", &b, &qp->rc);
      if (!j) continue;
      int64_t story = 0;
      px_store_article_story(a->st, q->article, &story);
      jint(j, "story", story);
      quote_json(j, q);
      qp->rc = alert_end(a, key, j, &b);
    }
  }
  if (qp->rc != PX_OK || (q->kind != PX_QUOTE_DIRECT && q->kind != PX_QUOTE_PARTIAL)) return qp->rc != PX_OK;
  long words;
  uint64_t h = words_hash(q->text, &words);
  if (words < 3) return 0;
  qseen *prev = seen_find(a, h);
  if (!prev) {
    qp->rc = seen_add(a, h, q->id, q->article, is_name(q->speaker_name) ? q->speaker_name : (px_str){"", 0}, q->source);
    return qp->rc != PX_OK;
  }
  if (!is_name(q->speaker_name)) return 0;
  if (!prev->speaker[0]) {
    free(prev->speaker);
    prev->speaker = str_dup(q->speaker_name);
    return prev->speaker == NULL;
  }
  if (px_speaker_match(prev->speaker, strlen(prev->speaker), q->speaker_name.ptr, q->speaker_name.len))
    return 0;
  for (size_t i = 0; i < c->nalerts && qp->rc == PX_OK; i++) {
    const walert *al = &c->alerts[i];
    if (al->kind != WA_MISATTRIBUTED || words < al->min_words) continue;
    char key[160];
    snprintf(key, sizeof(key), "sent:%s:mis:%lld", al->name, (long long)q->id);
    alert_buf b;
    px_json *j = alert_begin(a, al, key, "misattributed", &b, &qp->rc);
    if (!j) continue;
    quote_json(j, q);
    px_json_key(j, "earlier");
    px_json_object(j);
    jint(j, "id", prev->quote);
    jint(j, "article", prev->article);
    jstr(j, "source", prev->source);
    jstr(j, "speaker", prev->speaker);
    px_json_object_end(j);
    qp->rc = alert_end(a, key, j, &b);
  }
  return qp->rc != PX_OK;
}

/* Load the quotes already looked at, for the misattribution check. */
static int load_cb(void *user, const px_stored_quote *q) {
  walerts *a = user;
  if (q->kind != PX_QUOTE_DIRECT && q->kind != PX_QUOTE_PARTIAL) return 0;
  long words;
  uint64_t h = words_hash(q->text, &words);
  if (words < 3) return 0;
  qseen *prev = seen_find(a, h);
  if (prev) {
    if (!prev->speaker[0] && is_name(q->speaker_name)) {
      free(prev->speaker);
      prev->speaker = str_dup(q->speaker_name);
    }
    return 0;
  }
  return seen_add(a, h, q->id, q->article, is_name(q->speaker_name) ? q->speaker_name : (px_str){"", 0}, q->source) != PX_OK;
}

typedef struct upto {
  walerts *a;
  int64_t max; /* -1: no limit */
  int64_t last;
} upto;
static int load_upto_cb(void *user, const px_stored_quote *q) {
  upto *u = user;
  if (u->max >= 0 && q->id > u->max) return 1;
  u->last = q->id;
  return load_cb(u->a, q);
}

static bool exists(px_store *st, int64_t id) {
  int64_t story;
  return px_store_article_story(st, id, &story) == PX_OK;
}

/* ------------------------------------------------------------------- API */

int walerts_new(px_ctx *ctx, px_store *st, wfetch *f, const wconfig *cfg, walerts **out) {
  *out = NULL;
  walerts *a = calloc(1, sizeof(*a));
  if (!a) return PX_ENOMEM;
  a->ctx = ctx;
  a->st = st;
  a->f = f;
  a->cfg = cfg;
  for (int k = 0; k < 3; k++) a->retry_gap[k] = 5;
  a->seq = state_int(st, "alert:seq");
  char *v = NULL;
  upto u = {a, -1, 0};
  int first = px_store_state_get(st, "alert:quote_pos", &v, NULL) != PX_OK;
  if (!first) u.max = a->quote_pos = strtoll(v, NULL, 10);
  free(v);
  int rc = px_store_quotes_after(st, 0, 0, load_upto_cb, &u);
  if (px_store_state_get(st, "alert:article_pos", &v, NULL) == PX_OK) {
    a->article_pos = strtoll(v, NULL, 10);
    free(v);
  } else if (rc == PX_OK) {
    /* First run: the articles already stored are the past.  Ids are dense
     * (SQLite gives max + 1): gallop, then halve, to the last one. */
    int64_t lo = 0, hi = 1;
    while (exists(st, hi) && hi < ((int64_t)1 << 60)) {
      lo = hi;
      hi *= 2;
    }
    while (hi - lo > 1) {
      int64_t mid = lo + (hi - lo) / 2;
      if (exists(st, mid)) lo = mid;
      else hi = mid;
    }
    a->article_pos = lo;
    rc = state_put_int(st, "alert:article_pos", lo);
  }
  if (rc == PX_OK && first) {
    /* First run on this store: the quotes already stored are the past, not news. */
    a->quote_pos = u.last;
    rc = state_put_int(st, "alert:quote_pos", u.last);
  }
  if (rc != PX_OK) {
    walerts_free(a);
    return rc;
  }
  *out = a;
  return PX_OK;
}

void walerts_free(walerts *a) {
  if (!a) return;
  for (size_t i = 0; i < a->capseen; i++) {
    free(a->seen[i].speaker);
    free(a->seen[i].source);
  }
  free(a->seen);
  for (size_t i = 0; i < a->nunmarked; i++) free(a->unmarked[i]);
  free(a->unmarked);
  free(a);
}

void walerts_configure(walerts *a, const wconfig *cfg) { a->cfg = cfg; }

void walerts_counts(const walerts *a, uint64_t *raised, uint64_t *delivered) {
  *raised = a->raised;
  *delivered = a->delivered;
}

static int cmp_i64(const void *x, const void *y) {
  int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
  return a < b ? -1 : a > b;
}

int walerts_check(walerts *a, const int64_t *arts, size_t n) {
  const wconfig *c = a->cfg;
  /* The round's articles: every id after the last one looked at, up to the
   * newest stored (also those of a run killed before its alerts). */
  int64_t lo = a->article_pos, hi = lo;
  for (size_t i = 0; i < n; i++)
    if (arts[i] > hi) hi = arts[i];
  while (exists(a->st, hi + 1)) hi++;
  /* An article not yet in a story (clustering was cut short) ends the
   * range: it is looked at once it has one. */
  for (int64_t id = lo + 1; id <= hi; id++) {
    int64_t s = 0;
    if (px_store_article_story(a->st, id, &s) == PX_OK && s == 0) {
      hi = id - 1;
      break;
    }
  }
  int rc = px_store_begin(a->st);
  if (rc != PX_OK) return rc;
  uint64_t raised = a->raised;
  int64_t seq = a->seq;
  bool stories = false;
  for (size_t i = 0; i < c->nalerts; i++)
    if (c->alerts[i].kind == WA_OUTLETS || c->alerts[i].kind == WA_FACTS) stories = true;
  int64_t *sid = NULL;
  size_t ns = 0;
  if (stories && hi > lo) {
    sid = malloc((size_t)(hi - lo) * sizeof(int64_t));
    if (!sid) rc = PX_ENOMEM;
    for (int64_t id = lo + 1; rc == PX_OK && id <= hi; id++) {
      int64_t s = 0;
      if (px_store_article_story(a->st, id, &s) == PX_OK && s > 0) sid[ns++] = s;
    }
    if (sid) qsort(sid, ns, sizeof(int64_t), cmp_i64);
  }
  for (size_t i = 0; rc == PX_OK && i < ns; i++) {
    if (i && sid[i] == sid[i - 1]) continue;
    story_sum s = {0};
    rc = px_store_story_get(a->st, sid[i], story_cb, &s);
    if (rc == PX_ENOTFOUND) rc = PX_OK;
    for (size_t k = 0; rc == PX_OK && s.id && k < c->nalerts; k++) {
      const walert *al = &c->alerts[k];
      if (al->kind == WA_OUTLETS) rc = check_outlets(a, al, &s);
      else if (al->kind == WA_FACTS && (al->story == s.id || (al->match && headline_matches(s.headline, al->match))))
        rc = check_facts(a, al, &s, lo, hi);
    }
    free(s.headline);
  }
  free(sid);
  quote_pass qp = {a, PX_OK, a->quote_pos};
  if (rc == PX_OK && c->nalerts) rc = px_store_quotes_after(a->st, a->quote_pos, 0, quote_cb, &qp);
  if (rc == PX_OK) rc = qp.rc;
  if (rc == PX_OK && qp.last != a->quote_pos) rc = state_put_int(a->st, "alert:quote_pos", qp.last);
  if (rc == PX_OK && hi != lo) rc = state_put_int(a->st, "alert:article_pos", hi);
  if (rc == PX_OK) rc = px_store_commit(a->st);
  if (rc == PX_OK) {
    a->quote_pos = qp.last;
    a->article_pos = hi;
  } else {
    /* Nothing of this check was kept: the next round looks again. */
    px_store_rollback(a->st);
    a->raised = raised;
    a->seq = seq;
  }
  return rc;
}

/* ---------------------------------------------------------------- delivery */

static int to_command(const char *cmd, const char *text, size_t len, char *err, size_t errcap) {
  FILE *p = popen(cmd, "w");
  if (!p) {
    snprintf(err, errcap, "cannot run '%s'", cmd);
    return -1;
  }
  size_t w = fwrite(text, 1, len, p);
  fputc('\n', p);
  int st = pclose(p);
  if (w != len || st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
    snprintf(err, errcap, "'%s' failed (status %d)", cmd, st == -1 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
    return -1;
  }
  return 0;
}

typedef struct outbox_item {
  char key[48];
  char *text;
  size_t len;
} outbox_item;

typedef struct outbox_list {
  outbox_item *v;
  size_t n;
} outbox_list;

static int outbox_cb(void *user, const char *key, px_str value) {
  outbox_list *l = user;
  if (strlen(key) >= sizeof(l->v[0].key)) return 0;
  outbox_item *nv = realloc(l->v, (l->n + 1) * sizeof(outbox_item));
  if (!nv) return 1;
  l->v = nv;
  snprintf(nv[l->n].key, sizeof(nv[l->n].key), "%s", key);
  nv[l->n].text = str_dup(value);
  nv[l->n].len = value.len;
  if (!nv[l->n].text) return 1;
  l->n++;
  return 0;
}

size_t walerts_deliver(walerts *a) {
  /* Called at every turn of the watcher's loop: the outbox is read only
   * when an alert was raised since it was last found empty (this process
   * is the outbox's only writer). */
  if (a->outbox_empty) return 0;
  outbox_list l = {NULL, 0};
  int lrc = px_store_state_list(a->st, "outbox:", outbox_cb, &l);
  const wconfig *c = a->cfg;
  size_t waiting = 0;
  /* A sink that fails is paused (5 s, doubling to 5 min); the others go on.
   * The same sink gets its alerts in order. */
  double now = wnow();
  bool failed[3], tried[3] = {false, false, false};
  for (int k = 0; k < 3; k++) failed[k] = a->retry_at[k] > now;
  for (size_t i = 0; i < l.n; i++) {
    outbox_item *it = &l.v[i];
    const char *sinks[3] = {c->to_stdout ? "stdout" : NULL, c->command ? "command" : NULL,
                            c->webhook ? "webhook" : NULL};
    bool all = true;
    for (int k = 0; k < 3; k++) {
      if (!sinks[k]) continue;
      char dkey[80];
      snprintf(dkey, sizeof(dkey), "done:%s:%s", it->key + 7, sinks[k]);
      if (was_raised(a, dkey)) continue;
      bool sent = false;
      for (size_t u = 0; u < a->nunmarked && !sent; u++) sent = strcmp(a->unmarked[u], dkey) == 0;
      if (sent) {
        /* Delivered by this process already: only the mark is missing. */
        if (px_store_state_set(a->st, dkey, "1", 1) != PX_OK) all = false;
        continue;
      }
      if (failed[k]) {
        all = false;
        continue;
      }
      tried[k] = true;
      char err[300] = "";
      int ok;
      if (k == 0) {
        ok = fwrite(it->text, 1, it->len, stdout) == it->len && fputc('\n', stdout) != EOF &&
                     fflush(stdout) == 0
                 ? 0
                 : -1;
        if (ok) snprintf(err, sizeof(err), "cannot write to standard output");
      } else if (k == 1) {
        ok = to_command(c->command, it->text, it->len, err, sizeof(err));
      } else {
        ok = wfetch_post(a->f, c->webhook, it->text, it->len, err, sizeof(err));
      }
      if (ok == 0) {
        if (px_store_state_set(a->st, dkey, "1", 1) != PX_OK) {
          wlog("error", "alert %s went to %s but that could not be recorded (%s); a restart before it is may deliver it again",
               it->key + 7, k == 2 ? c->webhook : sinks[k], px_ctx_error(a->ctx));
          char **nu = realloc(a->unmarked, (a->nunmarked + 1) * sizeof(char *));
          if (nu) {
            a->unmarked = nu;
            if ((nu[a->nunmarked] = strdup(dkey))) a->nunmarked++;
          }
          failed[k] = true;
          all = false;
        }
      } else {
        wlog("error", "alert %s: delivery to %s failed: %s; retried in %.0f s", it->key + 7,
             k == 2 ? c->webhook : sinks[k], err, a->retry_gap[k]);
        failed[k] = true;
        all = false;
      }
    }
    if (all) {
      /* Every sink has it: the outbox entry and its marks go together. */
      if (px_store_begin(a->st) == PX_OK) {
        int rc = px_store_state_delete(a->st, it->key);
        for (int k = 0; rc == PX_OK && k < 3; k++) {
          char dkey[80];
          snprintf(dkey, sizeof(dkey), "done:%s:%s", it->key + 7, k == 0 ? "stdout" : k == 1 ? "command" : "webhook");
          rc = px_store_state_delete(a->st, dkey);
        }
        if (rc == PX_OK) rc = px_store_commit(a->st);
        if (rc != PX_OK) px_store_rollback(a->st);
      }
      a->delivered++;
    } else {
      waiting++;
    }
    free(it->text);
  }
  free(l.v);
  if (waiting == 0 && lrc == PX_OK) a->outbox_empty = true;
  for (int k = 0; k < 3; k++) {
    if (!tried[k]) continue;
    if (failed[k]) {
      a->retry_at[k] = now + a->retry_gap[k];
      a->retry_gap[k] = a->retry_gap[k] * 2 > 300 ? 300 : a->retry_gap[k] * 2;
    } else {
      a->retry_gap[k] = 5;
      a->retry_at[k] = 0;
    }
  }
  return waiting;
}
