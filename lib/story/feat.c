/* feat.c - what one article contributes to duplicate detection and
 * clustering: sentence hashes, the MinHash sketch of its word shingles and
 * its term counts.  Also the small hash map and the vocabulary.
 */
#include "story/story.h"

#include "analyze/quote.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ----------------------------------------------------------------- map */

void px__map_release(px__map *m) {
  free(m->key);
  free(m->val);
  memset(m, 0, sizeof(*m));
}

uint32_t *px__map_get(const px__map *m, uint64_t key) {
  if (!m->cap || !key) return NULL;
  size_t mask = m->cap - 1, i = (size_t)px__mix64(key) & mask;
  while (m->key[i]) {
    if (m->key[i] == key) return &m->val[i];
    i = (i + 1) & mask;
  }
  return NULL;
}

static int map_grow(px__map *m) {
  size_t ncap = m->cap ? m->cap * 2 : 64;
  uint64_t *nk = calloc(ncap, sizeof(*nk));
  uint32_t *nv = calloc(ncap, sizeof(*nv));
  if (!nk || !nv) {
    free(nk);
    free(nv);
    return PX_ENOMEM;
  }
  for (size_t j = 0; j < m->cap; j++) {
    if (!m->key[j]) continue;
    size_t i = (size_t)px__mix64(m->key[j]) & (ncap - 1);
    while (nk[i]) i = (i + 1) & (ncap - 1);
    nk[i] = m->key[j];
    nv[i] = m->val[j];
  }
  free(m->key);
  free(m->val);
  m->key = nk;
  m->val = nv;
  m->cap = ncap;
  return PX_OK;
}

uint32_t *px__map_put(px__map *m, uint64_t key, bool *isnew) {
  if (!key) key = 1; /* 0 marks an empty slot */
  if ((m->n + 1) * 4 > m->cap * 3 && map_grow(m)) return NULL;
  size_t mask = m->cap - 1, i = (size_t)px__mix64(key) & mask;
  while (m->key[i]) {
    if (m->key[i] == key) {
      if (isnew) *isnew = false;
      return &m->val[i];
    }
    i = (i + 1) & mask;
  }
  m->key[i] = key;
  m->val[i] = 0;
  m->n++;
  if (isnew) *isnew = true;
  return &m->val[i];
}

/* --------------------------------------------------------------- vocab */

void px__vocab_release(px__vocab *v) {
  px__map_release(&v->ids);
  free(v->df);
  free(v->hash);
  memset(v, 0, sizeof(*v));
}

int px__vocab_id(px__vocab *v, uint64_t h, uint32_t *id) {
  /* Room first, so a failed allocation leaves map and arrays consistent. */
  if (v->n == v->alloc) {
    size_t na = v->alloc ? v->alloc * 2 : 1024;
    uint32_t *nd = realloc(v->df, na * sizeof(*nd));
    if (!nd) return PX_ENOMEM;
    v->df = nd;
    uint64_t *nh = realloc(v->hash, na * sizeof(*nh));
    if (!nh) return PX_ENOMEM;
    v->hash = nh;
    v->alloc = na;
  }
  bool isnew;
  uint32_t *slot = px__map_put(&v->ids, h, &isnew);
  if (!slot) return PX_ENOMEM;
  if (isnew) {
    v->df[v->n] = 0;
    v->hash[v->n] = h;
    *slot = (uint32_t)++v->n;
  }
  *id = *slot - 1;
  return PX_OK;
}

float px__vocab_idf(const px__vocab *v, uint32_t id) {
  double df = id < v->n ? v->df[id] : 0;
  return (float)(log(((double)v->ndocs + 1.0) / (df + 1.0)) + 1.0);
}

/* -------------------------------------------------------------- params */

void px_story_opts_init(px_story_opts *o) {
  if (!o) return;
  memset(o, 0, sizeof(*o));
  o->window_days = 3.0;
  o->join_threshold = 0.22;
  o->title_weight = 3.0;
  o->dup_threshold = 0.7;
  o->min_dup_words = 40;
  o->batch = 0;
  o->now = 0;
  o->max_active = 50000;
  o->span_days = 4.0;
  o->undated = PX_UNDATED_AUTO;
  o->thread_days = 21.0;
  o->thread_threshold = 0.3;
  o->pass_articles = 20000;
}

void px__params_init(px__params *p, const px_story_opts *o) {
  memset(p, 0, sizeof(*p));
  if (o) p->o = *o;
  else px_story_opts_init(&p->o);
  if (p->o.window_days <= 0) p->o.window_days = 3.0;
  if (p->o.title_weight < 0) p->o.title_weight = 0;
  if (p->o.min_dup_words < 1) p->o.min_dup_words = 1;
  if (p->o.max_active < 16) p->o.max_active = 16;
  if (!p->o.now) p->o.now = (int64_t)time(NULL);
  if (p->o.span_days <= 0) p->o.span_days = 4.0;
  if (p->o.thread_days < 0) p->o.thread_days = 0;
  if (p->o.thread_threshold <= 0) p->o.thread_threshold = 0.3;
  if (p->o.pass_articles <= 0) p->o.pass_articles = 20000;
  if (p->o.pass_articles < 100) p->o.pass_articles = 100;
  if (p->o.undated < PX_UNDATED_AUTO || p->o.undated > PX_UNDATED_ALONE)
    p->o.undated = PX_UNDATED_AUTO;
  p->time_boost = 0.3f;
  p->cap_boost = 1.5f;
  p->number_weight = 0.5f;
  p->place_weight = 2.0f;
  p->entity_weight = 0.0f;
  p->vec_terms = 80;
  p->query_terms = 12;
  p->centroid_terms = 200;
  p->index_terms = 24;
  p->min_sent_words = 6;
  p->boiler_df = PX_STORY_BOILERPLATE_DF;
  /* After average linkage (hac.c): an article left alone joins the story
   * whose centroid it matches at the join threshold, as online mode places
   * an article; clusters of short texts merge by centroid at 0.18 (the
   * best BCubed F1 of the GoogleNews-T dev half, headlines only; 0.12 to
   * 0.22 lie within 0.01 of it).  docs/stories.md has the figures. */
  p->cen_threshold = (float)p->o.join_threshold;
  p->cen_terms = 60;
  p->cen_query = 10;
  p->cen_brief = 0.18f;
  p->cen_small = 1;
  p->short_words = 25;
}

/* ------------------------------------------------------------ analysis */

int px__fx_init(px__fx *fx, bool entities) {
  memset(fx, 0, sizeof(*fx));
  px__arena_init(&fx->arena, 1 << 16);
  int rc = px__textan_new(&fx->ta);
  if (rc == PX_OK && entities) rc = px__entan_new(&fx->ea);
  return rc;
}

void px__fx_release(px__fx *fx) {
  px__textan_free(fx->ta);
  px__entan_free(fx->ea);
  px__arena_release(&fx->arena);
  memset(fx, 0, sizeof(*fx));
}

/* Name spaces of term hashes, so a stem and a number cannot collide. */
#define NS_STEM 0x5354454d00000000ULL
#define NS_NUM 0x4e554d0000000000ULL
#define NS_PLACE 0x504c414345000000ULL
#define NS_ENT 0x454e540000000000ULL

typedef struct raw_term {
  uint64_t h;
  float w;
} raw_term;

static uint64_t lower_hash(px_str s) {
  if (!s.len) return 0;
  uint64_t h = 0x736f75726365ULL;
  for (size_t i = 0; i < s.len; i++) {
    unsigned char c = (unsigned char)s.ptr[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    h = px__mix64(h ^ c);
  }
  return h ? h : 1;
}

/* A menu or a gallery set as one sentence (px__feat_furniture) counts
 * nowhere in duplicate detection or clustering: a newsletter form's country
 * menu an outlet prints in every article would otherwise make its articles
 * near-duplicates of each other. */
static bool counts_as_word(const px__token *t) {
  return (t->kind == PX__TOK_WORD || t->kind == PX__TOK_NUMBER) && !(t->flags & PX__TF_FURNITURE);
}

/* The words of a short line px__furniture_text is asked about: a line of
 * its own (a paragraph of one sentence) or one of the last three, where a
 * notice is set ("Copyright ... This material may not be published, ...");
 * asking of every sentence would cost about 3 % of an ingest's CPU, of
 * these about 1 %. */
#define ASIDE_FURNITURE_WORDS 14
static bool edge(const px__text *tx, size_t s) {
  return s + 3 >= tx->nsent || ((s == 0 || tx->sent[s - 1].para != tx->sent[s].para) &&
                                (s + 1 == tx->nsent || tx->sent[s + 1].para != tx->sent[s].para));
}

uint8_t *px__feat_furniture(const px__text *tx, px__arena *a) {
  uint8_t *furn = px__arena_alloc(a, tx->ntok + 1);
  if (!furn) return NULL;
  memset(furn, 0, tx->ntok + 1);
  bool open = false;
  uint32_t para = UINT32_MAX;
  for (size_t s = 0; s < tx->nsent; s++) {
    const px__sentence *se = &tx->sent[s];
    size_t first = PX__MIN((size_t)se->tok_first, tx->ntok);
    size_t end = PX__MIN((size_t)se->tok_first + se->tok_count, tx->ntok);
    if (se->para != para) open = false, para = se->para;
    size_t words = 0, titled = 0, commas = 0, quoted = 0;
    for (size_t i = first; i < end; i++) {
      const px__token *t = &tx->tok[i];
      if (t->kind == PX__TOK_WORD || t->kind == PX__TOK_NUMBER) {
        words++;
        quoted += open;
        titled += (t->flags & (PX__TF_CAP | PX__TF_ALLCAPS)) == PX__TF_CAP;
      } else if (t->kind == PX__TOK_PUNCT && tx->body[t->start] == ',') {
        commas++;
      } else if (t->kind == PX__TOK_QUOTE) {
        int q = px__double_mark(tx->body, t->end, t->start);
        if (q == 3) open = !open;
        else if (q) open = q == 1;
      }
    }
    uint8_t f = 0;
    if (px__title_run(words, titled, commas)) f = PX__TF_FURNITURE;
    else if (words && 2 * quoted > words) f = PX__TF_ASIDE;
    else if (words && words <= ASIDE_FURNITURE_WORDS && se->end > se->start && edge(tx, s) &&
             px__furniture_text(tx->body + se->start, se->end - se->start))
      f = PX__TF_ASIDE;
    if (f) memset(furn + first, f, end - first);
  }
  return furn;
}

/* Add the terms of tokens [tok, tok+n) to the raw list with weight scale. */
static size_t collect_terms(const px__params *p, const px__text *tx, float scale, raw_term *out,
                            size_t k) {
  for (size_t i = 0; i < tx->ntok; i++) {
    const px__token *t = &tx->tok[i];
    if (t->flags & PX__TF_FURNITURE) continue;
    if (t->kind == PX__TOK_WORD) {
      if ((t->flags & PX__TF_STOP) || !t->stem || t->end - t->start < 2) continue;
      float w = scale;
      if ((t->flags & PX__TF_CAP) && !(t->flags & PX__TF_SENT_START)) w *= p->cap_boost;
      out[k].h = t->stem ^ NS_STEM;
      out[k++].w = w;
    } else if (t->kind == PX__TOK_NUMBER && p->number_weight > 0) {
      out[k].h = t->fold ^ NS_NUM;
      out[k++].w = scale * p->number_weight;
    }
  }
  return k;
}

/* ------------------------------------------------- dates found in text */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static int num_at(const char *s, size_t n, size_t i, size_t len) {
  if (i + len > n) return -1;
  int v = 0;
  for (size_t k = 0; k < len; k++) {
    if (!is_digit(s[i + k])) return -1;
    v = v * 10 + (s[i + k] - '0');
  }
  if (i + len < n && is_digit(s[i + len])) return -1;
  return v;
}

static bool ymd_ok(int y, int m, int d) { return y >= 1980 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

/* A date in a URL's path: /2019/03/15/, /2019-03-15, /20190315/. */
static bool date_in_url(px_str u, int64_t *t) {
  const char *s = u.ptr;
  size_t n = u.len;
  for (size_t i = 0; i + 8 <= n; i++) {
    if (s[i] != '/' && s[i] != '-' && s[i] != '_') continue;
    size_t k = i + 1;
    int y = num_at(s, n, k, 4);
    int m = -1, d = -1;
    int v8 = num_at(s, n, k, 8);
    if (v8 > 0) {
      y = v8 / 10000;
      m = v8 / 100 % 100;
      d = v8 % 100;
    } else if (y < 1980) {
      continue;
    } else if (k + 4 < n && (s[k + 4] == '/' || s[k + 4] == '-')) {
      char sep = s[k + 4];
      m = num_at(s, n, k + 5, 2);
      if (m < 0) m = num_at(s, n, k + 5, 1);
      size_t k2 = k + 5 + (m >= 10 || (k + 5 < n && s[k + 5] == '0') ? 2 : 1);
      if (m > 0 && k2 < n && s[k2] == sep) {
        d = num_at(s, n, k2 + 1, 2);
        if (d < 0) d = num_at(s, n, k2 + 1, 1);
      }
    }
    if (!ymd_ok(y, m, d)) continue;
    char buf[40];
    snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
    if (px_parse_date(buf, strlen(buf), t) == PX_OK) return true;
  }
  return false;
}

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

/* A month word at s[i..]: its number (1-12) and length, or 0. */
static int month_at(const char *s, size_t n, size_t i, size_t *len) {
  size_t k = i;
  while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))) k++;
  size_t w = k - i;
  if (w < 3 || w > 9 || !(s[i] >= 'A' && s[i] <= 'Z')) return 0;
  static const char *const full[] = {"january", "february", "march",     "april",
                                     "may",     "june",     "july",      "august",
                                     "september", "october", "november", "december"};
  for (int m = 0; m < 12; m++) {
    bool ab = w == 3 || (w == 4 && m == 8); /* Sept */
    const char *ref = ab ? months[m] : full[m];
    if (!ab && strlen(full[m]) != w) continue;
    size_t cmp = ab ? 3 : w;
    bool eq = true;
    for (size_t x = 0; x < cmp && eq; x++) eq = (s[i + x] | 0x20) == ref[x];
    if (eq) {
      *len = w;
      return m + 1;
    }
  }
  return 0;
}

/* An explicit full date near the start of the body ("March 15, 2019",
 * "15 March 2019", "2019-03-15"): the dateline or first paragraph's. */
static bool date_in_body(px_str b, int64_t *t) {
  size_t n = PX__MIN(b.len, (size_t)600);
  const char *s = b.ptr;
  for (size_t i = 0; i < n; i++) {
    if (i && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
              is_digit(s[i - 1])))
      continue;
    int y = -1, m = 0, d = -1;
    size_t ml;
    if ((m = month_at(s, n, i, &ml))) {
      size_t k = i + ml;
      if (k < n && s[k] == '.') k++;
      while (k < n && s[k] == ' ') k++;
      d = num_at(s, n, k, 2);
      if (d < 0) d = num_at(s, n, k, 1);
      if (d < 0) continue;
      k += d >= 10 ? 2 : 1;
      if (k < n && s[k] == ',') k++;
      while (k < n && s[k] == ' ') k++;
      y = num_at(s, n, k, 4);
    } else if (is_digit(s[i])) {
      y = num_at(s, n, i, 4);
      if (y >= 1980 && i + 10 <= n && s[i + 4] == '-' && s[i + 7] == '-') {
        m = num_at(s, n, i + 5, 2);
        d = num_at(s, n, i + 8, 2);
      } else {
        d = num_at(s, n, i, 2);
        if (d < 0) d = num_at(s, n, i, 1);
        if (d < 0) continue;
        size_t k = i + (d >= 10 ? 2 : 1);
        if (k >= n || s[k] != ' ') continue;
        k++;
        if (!(m = month_at(s, n, k, &ml))) continue;
        k += ml;
        if (k < n && s[k] == ',') k++;
        while (k < n && s[k] == ' ') k++;
        y = num_at(s, n, k, 4);
      }
    }
    if (!ymd_ok(y, m, d)) continue;
    char buf[40];
    snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
    if (px_parse_date(buf, strlen(buf), t) == PX_OK) return true;
  }
  return false;
}

int px__date_from_text(const px_article *art, int64_t now, int64_t *t) {
  int64_t v;
  if ((date_in_url(px_article_get(art, PX_F_URL), &v) ||
       date_in_body(px_article_get(art, PX_F_BODY), &v)) &&
      v >= 315532800 && v <= now + 2 * 86400) {
    *t = v + 12 * 3600; /* a day, not a time: its middle */
    return 1;
  }
  return 0;
}

uint64_t px__feat_source_hash(px_str source) { return lower_hash(source); }

void px__feat_time(const px__params *p, int64_t t, int has, int text_found, int64_t text_t,
                   px__feat *f) {
  if (!has) {
    f->flags |= PX_SF_UNDATED;
  } else if (t < 315532800 /* 1980-01-01 */ || t > p->o.now + 2 * 86400) {
    f->flags |= PX_SF_BAD_DATE | PX_SF_UNDATED;
  } else {
    f->t = t;
    f->has_time = true;
  }
  if (!f->has_time && text_found) {
    f->t = text_t;
    f->has_time = true;
    f->flags |= PX_SF_DATE_FROM_TEXT;
  }
}

int px__feat_compute(px__fx *fx, const px__params *p, const px_article *art, px__feat *f,
                     px__text *tx) {
  memset(f, 0, sizeof(*f));
  memset(tx, 0, sizeof(*tx));
  px__arena_reset(&fx->arena);
  int rc;
  int has = 0;
  int64_t t = px_article_published(art, &has), tt = 0;
  int found = 0;
  if (!has || t < 315532800 || t > p->o.now + 2 * 86400)
    found = px__date_from_text(art, p->o.now, &tt);
  px__feat_time(p, t, has, found, tt, f);
  f->published = t;
  f->has_published = has != 0;
  f->source = lower_hash(px_article_get(art, PX_F_SOURCE));
  f->content = px_article_content_hash(art);

  px_str body = px_article_get(art, PX_F_BODY), title = px_article_get(art, PX_F_TITLE);
  if ((rc = px__text_analyze(fx->ta, body.ptr ? body.ptr : "", body.len, &fx->arena, tx)))
    return rc;
  const uint8_t *furn = px__feat_furniture(tx, &fx->arena);
  if (!furn) return PX_ENOMEM;
  for (size_t i = 0; i < tx->ntok; i++) tx->tok[i].flags |= furn[i];
  px__text ttx = {0};
  if (title.len &&
      (rc = px__text_analyze(fx->ta, title.ptr, title.len, &fx->arena, &ttx)))
    return rc;
  fx->title = ttx;
  return px__feat_text(fx, p, tx, f);
}

int px__feat_text(px__fx *fx, const px__params *p, const px__text *tx, px__feat *f) {
  const px__text ttx = fx->title;
  /* Title hash: its folded words in order. */
  uint64_t th = 0;
  for (size_t i = 0; i < ttx.ntok; i++)
    if (counts_as_word(&ttx.tok[i])) {
      th = px__mix64(th ^ ttx.tok[i].fold);
      f->twords++;
    }
  f->title = th;

  /* Sentence hashes over folded words; count body words. */
  f->nsent = (uint32_t)tx->nsent;
  f->sent = px__arena_alloc(&fx->arena, (tx->nsent + 1) * sizeof(uint64_t));
  f->aside = px__arena_alloc(&fx->arena, tx->nsent + 1);
  if (!f->sent || !f->aside) return PX_ENOMEM;
  for (size_t s = 0; s < tx->nsent; s++) {
    const px__sentence *se = &tx->sent[s];
    uint64_t h = 0x73656e74ULL;
    uint32_t nw = 0;
    uint8_t aside = 0;
    for (uint32_t j = 0; j < se->tok_count && se->tok_first + j < tx->ntok; j++) {
      const px__token *tk = &tx->tok[se->tok_first + j];
      if (!counts_as_word(tk)) continue;
      h = px__mix64(h ^ tk->fold);
      nw++;
      aside |= (tk->flags & PX__TF_ASIDE) != 0;
    }
    f->nwords += nw;
    f->sent[s] = nw >= p->min_sent_words ? (h ? h : 1) : 0;
    f->aside[s] = aside;
  }
  if (f->nwords < (uint32_t)p->o.min_dup_words) f->flags |= PX_SF_SHORT;
  return PX_OK;
}

/* Terms by id, a byte of the id a pass from the lowest, through tmp (n
 * entries): about half the instructions of the quicksort for an article's
 * few hundred terms.  The ids are distinct (one a term hash), so the order
 * is the one any sort gives. */
#define RADIX_MIN 64

static void radix_sort_id(px__tw *a, size_t n, px__tw *tmp) {
  uint32_t all = 0;
  for (size_t i = 0; i < n; i++) all |= a[i].id;
  px__tw *src = a, *dst = tmp;
  for (unsigned shift = 0; shift < 32 && (all >> shift); shift += 8) {
    uint32_t at[256] = {0};
    for (size_t i = 0; i < n; i++) at[(src[i].id >> shift) & 255]++;
    uint32_t sum = 0;
    for (int d = 0; d < 256; d++) {
      uint32_t c = at[d];
      at[d] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[at[(src[i].id >> shift) & 255]++] = src[i];
    px__tw *t = src;
    src = dst;
    dst = t;
  }
  if (src != a) memcpy(a, src, n * sizeof(*a));
}

int px__feat_terms(px__fx *fx, const px__params *p, const px__text *tx, bool title_only,
                   px__vocab *vocab, px__feat *f) {
  const px__text *ttx = &fx->title;
  int rc;
  size_t cap = tx->ntok + ttx->ntok + 16;
  raw_term *raw = px__arena_alloc(&fx->arena, cap * sizeof(*raw));
  if (!raw) return PX_ENOMEM;
  size_t k = title_only ? 0 : collect_terms(p, tx, 1.0f, raw, 0);
  if (p->o.title_weight > 0) k = collect_terms(p, ttx, (float)p->o.title_weight, raw, k);
  else if (title_only) k = collect_terms(p, ttx, 1.0f, raw, k);
  if (!title_only && tx->dateline.found) {
    for (size_t i = 0; i < tx->ntok && k < cap; i++) {
      const px__token *tk = &tx->tok[i];
      if (tk->start >= tx->dateline.place_start && tk->end <= tx->dateline.place_end &&
          tk->kind == PX__TOK_WORD) {
        raw[k].h = tk->fold ^ NS_PLACE;
        raw[k++].w = p->place_weight;
      }
    }
  }
  if (!title_only && fx->ea && p->entity_weight > 0) {
    px__entities ents;
    if ((rc = px__entities_find(fx->ea, tx, &fx->arena, &ents))) return rc;
    size_t need = k + ents.nent;
    if (need > cap) {
      raw_term *nr = px__arena_alloc(&fx->arena, need * sizeof(*nr));
      if (!nr) return PX_ENOMEM;
      memcpy(nr, raw, k * sizeof(*raw));
      raw = nr;
      cap = need;
    }
    for (size_t e = 0; e < ents.nent; e++) {
      const px__entity *en = &ents.ent[e];
      if (!en->key_len) continue;
      raw[k].h = px__hash64(en->key, en->key_len, 0x656e74ULL) ^ NS_ENT;
      raw[k++].w = p->entity_weight * (float)(en->count ? en->count : 1);
    }
  }
  /* Merge repeated terms first (an article repeats about half of its
   * terms), in order of first occurrence so that new terms get their
   * vocabulary ids in the same order as without merging: the vocabulary is
   * a large table and each lookup a likely cache miss. */
  size_t slots = 64;
  while (slots < 2 * k) slots <<= 1;
  uint32_t *slot = px__arena_alloc(&fx->arena, slots * sizeof(*slot));
  px__tw *terms = px__arena_alloc(&fx->arena, (k + 1) * sizeof(*terms));
  if (!slot || !terms) return PX_ENOMEM;
  memset(slot, 0, slots * sizeof(*slot));
  size_t n = 0;
  for (size_t i = 0; i < k; i++) {
    uint64_t h = raw[i].h;
    /* terms are hashes, mixed already; stems and folds are odd, so bit 0
     * is left out of the slot */
    size_t j = (size_t)(h >> 1) & (slots - 1);
    while (slot[j] && raw[slot[j] - 1].h != h) j = (j + 1) & (slots - 1);
    if (slot[j]) {
      raw[slot[j] - 1].w += raw[i].w;
    } else {
      raw[n] = raw[i]; /* n <= i: compacts in place */
      slot[j] = (uint32_t)++n;
    }
  }
  for (size_t i = 0; i < n; i++) {
    if ((rc = px__vocab_id(vocab, raw[i].h, &terms[i].id))) return rc;
    terms[i].w = raw[i].w;
  }
  px__tw *tmp = n > RADIX_MIN ? px__arena_alloc(&fx->arena, n * sizeof(*tmp)) : NULL;
  if (tmp) radix_sort_id(terms, n, tmp);
  else px__tw_sort_id(terms, n);
  f->terms = terms;
  f->nterms = (uint32_t)n;
  return PX_OK;
}

/* ---------------------------------------------------------------- sketch */

void px__feat_sketch(const px__text *tx, const bool *skip, uint32_t min_words, px__feat *f) {
  uint32_t bins[PX__SIG];
  for (int i = 0; i < PX__SIG; i++) bins[i] = UINT32_MAX;
  bool filled[PX__SIG] = {false};
  /* the last PX__SHINGLE words, oldest first */
  uint64_t win[PX__SHINGLE] = {0};
  uint32_t have = 0, nsh = 0, words = 0;
  for (size_t i = 0; i < tx->ntok; i++) {
    const px__token *t = &tx->tok[i];
    if (!counts_as_word(t)) continue;
    if (skip && t->sent < tx->nsent && skip[t->sent]) continue;
    words++;
#pragma GCC unroll 8
    for (uint32_t j = 0; j + 1 < PX__SHINGLE; j++) win[j] = win[j + 1];
    win[PX__SHINGLE - 1] = t->fold;
    have++;
    if (have < PX__SHINGLE) continue;
    uint64_t h = 0x6d696e68617368ULL;
    /* unrolled, the window stays in registers */
#pragma GCC unroll 8
    for (uint32_t j = 0; j < PX__SHINGLE; j++) h = px__mix64(h ^ win[j]);
    /* One permutation hashing: the top bits choose the bin. */
    uint32_t bin = (uint32_t)(h >> 57);
    uint32_t v = (uint32_t)h;
    if (v < bins[bin]) bins[bin] = v;
    filled[bin] = true;
    nsh++;
  }
  f->nsh = 0;
  if (words < min_words || nsh == 0) {
    memset(f->sig, 0, sizeof(f->sig));
    return;
  }
  /* Densify empty bins from the next filled bin to the right (rotation),
   * mixed with the bin number so two empty bins do not always agree. */
  for (int i = 0; i < PX__SIG; i++) {
    if (filled[i]) {
      f->sig[i] = bins[i];
      continue;
    }
    int j = i, steps = 0;
    while (!filled[j]) {
      j = (j + 1) % PX__SIG;
      steps++;
    }
    f->sig[i] = (uint32_t)px__mix64((uint64_t)bins[j] ^ ((uint64_t)steps << 40));
  }
  f->nsh = nsh;
}
