/* cluster.c - story clustering: online over a time-ordered stream, and
 * batch over an archive.
 *
 * An article is a TF-IDF vector over stems, numbers and dateline places
 * (sublinear tf, title words weighted, capitalized words inside a sentence
 * boosted), cut to its top terms and L2-normalized.  A story is the sum of
 * its articles' vectors (its centroid, cut to its top terms).  A new article
 * is compared, by cosine, with the stories found through an inverted index
 * from term to the stories that have it among their top terms, restricted
 * to stories whose time span is within the window of the article's date;
 * it joins the best one above the threshold, or opens a new story.  A
 * near-duplicate joins the story of the article it copies.  Stories whose
 * last article is older than the window retire: their centroid is freed and
 * index entries dropped as they are met, so memory follows the window, not
 * the stream.
 *
 * Batch mode collects term counts first, so document frequencies come from
 * the whole archive, then clusters by average linkage (hac.c).
 */
#include "story/story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXIDX 48
#define IDF_MEMO 1024

typedef struct story {
  int64_t first_t, last_t;
  bool has_time, active;
  uint8_t nidx;
  uint32_t n;
  uint32_t nc;
  px__tw *c; /* centroid, sorted by id */
  double norm;
  int64_t ext;  /* the store's story id, 0 when none yet */
  uint64_t seq; /* last update, for retiring the least recently used */
  uint32_t idx[MAXIDX];
} story;

typedef struct plist {
  uint32_t *s;
  uint32_t n, a;
} plist;

typedef struct bdoc {
  int64_t t;
  unsigned flags;
  bool has_time, lone, brief;
  uint32_t nterms;
  px__tw *terms;
} bdoc;

struct px_stories {
  px_ctx *ctx;
  px__params p;
  px__fx fx;
  px__vocab vocab;
  px__dd dd;
  story *st;
  size_t nst, ast;
  plist *post; /* term id -> stories that have it among their top terms */
  size_t apost;
  uint32_t *active;
  size_t nactive, aactive;
  px_story_result *res;
  size_t nres, ares;
  int64_t now_t;
  bool have_now;
  uint32_t *stamp;
  uint32_t stampv;
  uint64_t seq;
  bdoc *b;
  size_t nb, ab;
  px__tw *tmp; /* scratch for vectors and merges */
  size_t atmp;
  bool finished;
  /* idf of small document frequencies for the current ndocs: memo[df] is
   * valid when memo_at[df] == ndocs + 1 (most terms of an article are rare,
   * so this saves most log() calls of make_vec) */
  float idf_memo[IDF_MEMO];
  uint64_t idf_memo_at[IDF_MEMO];
  px__map ext; /* store story id -> story index + 1 */
  size_t nbatch; /* stories made by px_stories_finish */
  px__bstory *bs; /* their centroids and central articles (nbatch) */
  bool seen_dated; /* online: an article with a published date was added */
  uint64_t *xdf_h; /* px_stories_set_df: term hashes (sorted) and their frequencies */
  uint32_t *xdf;
  size_t nxdf;
  uint64_t xdf_ndocs;
  /* the article last given to px_stories_terms*: its features and body
   * analysis (in fx.arena until the next analysis) */
  px__feat last_f;
  px__text last_tx;
  bool have_last;
  /* px_stories_set_boilerplate: for the next article added */
  uint32_t *xskip;
  size_t nxskip, axskip;
};

struct px_dedup {
  px_ctx *ctx;
  px__params p;
  px__fx fx;
  px__dd dd;
};

/* ------------------------------------------------------------- helpers */

static int tmp_reserve(px_stories *sx, size_t n) {
  if (n <= sx->atmp) return PX_OK;
  size_t na = sx->atmp ? sx->atmp : 1024;
  while (na < n) na *= 2;
  px__tw *nt = realloc(sx->tmp, na * sizeof(*nt));
  if (!nt) return PX_ENOMEM;
  sx->tmp = nt;
  sx->atmp = na;
  return PX_OK;
}

static double dot(const px__tw *a, uint32_t na, const px__tw *b, uint32_t nb) {
  double s = 0;
  uint32_t i = 0, j = 0;
  while (i < na && j < nb) {
    if (a[i].id == b[j].id) s += (double)a[i++].w * b[j++].w;
    else if (a[i].id < b[j].id) i++;
    else j++;
  }
  return s;
}

static double norm_of(const px__tw *a, uint32_t n) {
  double s = 0;
  for (uint32_t i = 0; i < n; i++) s += (double)a[i].w * a[i].w;
  return sqrt(s);
}

/* Keep the k heaviest entries of a[0..n), sorted by id.  @return new n. */
static uint32_t keep_top(px__tw *a, uint32_t n, uint32_t k) {
  if (n > k) {
    px__tw_select_top(a, n, k);
    n = k;
    px__tw_sort_id(a, n);
  }
  return n;
}

/* The article vector from term counts: (1 + ln tf) * idf, top terms,
 * unit length.  Written to *out (malloc'd, caller frees). */
static int make_vec(px_stories *sx, const px__tw *terms, uint32_t n, px__tw **out,
                    uint32_t *nout) {
  *out = NULL;
  *nout = 0;
  if (!n) return PX_OK;
  px__tw *v = malloc(n * sizeof(*v));
  if (!v) return PX_ENOMEM;
  uint64_t stamp = sx->vocab.ndocs + 1;
  for (uint32_t i = 0; i < n; i++) {
    uint32_t id = terms[i].id;
    v[i].id = id;
    float tf = terms[i].w, idf;
    uint32_t df = id < sx->vocab.n ? sx->vocab.df[id] : 0;
    if (df < IDF_MEMO && sx->idf_memo_at[df] == stamp) {
      idf = sx->idf_memo[df];
    } else {
      idf = px__vocab_idf(&sx->vocab, id);
      if (df < IDF_MEMO) {
        sx->idf_memo[df] = idf;
        sx->idf_memo_at[df] = stamp;
      }
    }
    v[i].w = (tf <= 1.0f ? tf : 1.0f + logf(tf)) * idf;
  }
  n = keep_top(v, n, sx->p.vec_terms);
  double nm = norm_of(v, n);
  if (nm > 0)
    for (uint32_t i = 0; i < n; i++) v[i].w = (float)(v[i].w / nm);
  *out = v;
  *nout = n;
  return PX_OK;
}

/* ------------------------------------------------------------- stories */

static int post_reserve(px_stories *sx, size_t nterms) {
  if (nterms <= sx->apost) return PX_OK;
  size_t na = sx->apost ? sx->apost : 4096;
  while (na < nterms) na *= 2;
  plist *np = realloc(sx->post, na * sizeof(*np));
  if (!np) return PX_ENOMEM;
  memset(np + sx->apost, 0, (na - sx->apost) * sizeof(*np));
  sx->post = np;
  sx->apost = na;
  return PX_OK;
}

static int plist_add(plist *l, uint32_t s) {
  if (l->n == l->a) {
    uint32_t na = l->a ? l->a * 2 : 4;
    uint32_t *ns = realloc(l->s, na * sizeof(*ns));
    if (!ns) return PX_ENOMEM;
    l->s = ns;
    l->a = na;
  }
  l->s[l->n++] = s;
  return PX_OK;
}

/* Post the story's heaviest centroid terms that are not posted yet. */
static int index_story(px_stories *sx, uint32_t si) {
  story *s = &sx->st[si];
  if (s->nidx >= MAXIDX) return PX_OK;
  int rc;
  if ((rc = tmp_reserve(sx, s->nc))) return rc;
  if (s->nc) memcpy(sx->tmp, s->c, s->nc * sizeof(*s->c));
  uint32_t k = PX__MIN(s->nc, sx->p.index_terms);
  px__tw_select_top(sx->tmp, s->nc, k);
  if ((rc = post_reserve(sx, sx->vocab.n))) return rc;
  for (uint32_t i = 0; i < k && s->nidx < MAXIDX; i++) {
    uint32_t id = sx->tmp[i].id;
    bool have = false;
    for (uint32_t j = 0; j < s->nidx && !have; j++) have = s->idx[j] == id;
    if (have) continue;
    if ((rc = plist_add(&sx->post[id], si))) return rc;
    s->idx[s->nidx++] = id;
  }
  return PX_OK;
}

static int open_story(px_stories *sx, const px__tw *v, uint32_t nv, int64_t t, bool has_time,
                      uint32_t *out) {
  if (sx->nst == sx->ast) {
    size_t na = sx->ast ? sx->ast * 2 : 256;
    story *ns = realloc(sx->st, na * sizeof(*ns));
    if (!ns) return PX_ENOMEM;
    sx->st = ns;
    uint32_t *nstamp = realloc(sx->stamp, na * sizeof(*nstamp));
    if (!nstamp) return PX_ENOMEM;
    memset(nstamp + sx->ast, 0, (na - sx->ast) * sizeof(*nstamp));
    sx->stamp = nstamp;
    sx->ast = na;
  }
  if (sx->nactive == sx->aactive) {
    size_t na = sx->aactive ? sx->aactive * 2 : 256;
    uint32_t *nact = realloc(sx->active, na * sizeof(*nact));
    if (!nact) return PX_ENOMEM;
    sx->active = nact;
    sx->aactive = na;
  }
  uint32_t si = (uint32_t)sx->nst;
  story *s = &sx->st[si];
  memset(s, 0, sizeof(*s));
  s->c = malloc((nv ? nv : 1) * sizeof(*s->c));
  if (!s->c) return PX_ENOMEM;
  if (nv) memcpy(s->c, v, nv * sizeof(*v));
  s->nc = nv;
  s->norm = norm_of(v, nv);
  s->n = 1;
  s->first_t = s->last_t = t;
  s->has_time = has_time;
  s->active = true;
  s->seq = ++sx->seq;
  sx->nst++;
  sx->active[sx->nactive++] = si;
  *out = si;
  return index_story(sx, si);
}

static int join_story(px_stories *sx, uint32_t si, const px__tw *v, uint32_t nv, int64_t t,
                      bool has_time) {
  story *s = &sx->st[si];
  int rc;
  px__tw *m = malloc((s->nc + nv + 1) * sizeof(*m));
  if (!m) return PX_ENOMEM;
  uint32_t i = 0, j = 0, k = 0;
  while (i < s->nc || j < nv) {
    if (j >= nv || (i < s->nc && s->c[i].id < v[j].id)) m[k++] = s->c[i++];
    else if (i >= s->nc || v[j].id < s->c[i].id) m[k++] = v[j++];
    else {
      m[k].id = s->c[i].id;
      m[k++].w = s->c[i++].w + v[j++].w;
    }
  }
  k = keep_top(m, k, sx->p.centroid_terms);
  free(s->c);
  s->c = m;
  s->nc = k;
  s->norm = norm_of(m, k);
  s->n++;
  if (has_time) {
    if (!s->has_time) {
      s->first_t = s->last_t = t;
      s->has_time = true;
    } else {
      if (t < s->first_t) s->first_t = t;
      if (t > s->last_t) s->last_t = t;
    }
  }
  s->seq = ++sx->seq;
  if ((rc = index_story(sx, si))) return rc;
  return PX_OK;
}

static void retire(px_stories *sx, size_t ai) {
  uint32_t si = sx->active[ai];
  story *s = &sx->st[si];
  s->active = false;
  free(s->c);
  s->c = NULL;
  s->nc = 0;
  sx->active[ai] = sx->active[--sx->nactive];
}

static void retire_pass(px_stories *sx) {
  double win = sx->p.o.window_days * 86400.0;
  if (sx->have_now)
    for (size_t ai = 0; ai < sx->nactive;) {
      story *s = &sx->st[sx->active[ai]];
      if (s->has_time && (double)s->last_t + win < (double)sx->now_t) retire(sx, ai);
      else ai++;
    }
  if ((int64_t)sx->nactive > sx->p.o.max_active) {
    /* Retire the least recently updated tenth. */
    uint64_t *seqs = malloc(sx->nactive * sizeof(*seqs));
    if (!seqs) return;
    for (size_t i = 0; i < sx->nactive; i++) seqs[i] = sx->st[sx->active[i]].seq;
    qsort(seqs, sx->nactive, sizeof(*seqs), px__cmp_u64);
    uint64_t cut = seqs[sx->nactive / 10];
    free(seqs);
    for (size_t ai = 0; ai < sx->nactive;) {
      if (sx->st[sx->active[ai]].seq < cut) retire(sx, ai);
      else ai++;
    }
  }
}

static bool time_ok(const px_stories *sx, const story *s, int64_t t, bool has_time) {
  if (!has_time || !s->has_time) return true;
  /* The story's own time: joining must keep it inside the span. */
  double span = sx->p.o.span_days * 86400.0;
  return (double)PX__MAX(s->last_t, t) - (double)PX__MIN(s->first_t, t) <= span;
}

/* Walk one posting list for candidates; drop entries of retired stories. */
static void scan_list(px_stories *sx, plist *l, const px__tw *v, uint32_t nv,
                      int64_t t, bool has_time, double *best, int64_t *bests) {
  for (uint32_t k = 0; k < l->n;) {
    uint32_t si = l->s[k];
    story *s = &sx->st[si];
    if (!s->active) {
      l->s[k] = l->s[--l->n];
      continue;
    }
    k++;
    if (sx->stamp[si] == sx->stampv) continue;
    sx->stamp[si] = sx->stampv;
    if (!s->nc || !time_ok(sx, s, t, has_time)) continue;
    double c = dot(v, nv, s->c, s->nc) / s->norm;
    if (c > *best) {
      *best = c;
      *bests = si;
    }
  }
}

/* Place one article (index ai, vector v) in a story. */
static int place(px_stories *sx, uint32_t ai, const px__tw *v, uint32_t nv, int64_t t,
                 bool has_time, bool lone) {
  px_story_result *r = &sx->res[ai];
  int rc;
  if (has_time && (!sx->have_now || t > sx->now_t)) {
    sx->now_t = t;
    sx->have_now = true;
  }
  if ((sx->seq & 63) == 0 || (int64_t)sx->nactive > sx->p.o.max_active) retire_pass(sx);
  if (++sx->stampv == 0) {
    memset(sx->stamp, 0, sx->ast * sizeof(*sx->stamp));
    sx->stampv = 1;
  }
  double best = 0;
  int64_t bests = -1;
  /* A copy goes with the article it copies, when that story is open. */
  if (r->dup_of >= 0) {
    int64_t ds = sx->res[r->dup_of].story;
    if (ds >= 0 && sx->st[ds].active && sx->st[ds].nc && time_ok(sx, &sx->st[ds], t, has_time)) {
      bests = ds;
      best = dot(v, nv, sx->st[ds].c, sx->st[ds].nc) / sx->st[ds].norm;
      if (best < sx->p.o.join_threshold) best = sx->p.o.join_threshold;
    }
  }
  if (bests < 0 && nv && !lone) {
    if ((rc = tmp_reserve(sx, nv))) return rc;
    memcpy(sx->tmp, v, nv * sizeof(*v));
    uint32_t q = PX__MIN(nv, sx->p.query_terms);
    px__tw_select_top(sx->tmp, nv, q);
    if ((rc = post_reserve(sx, sx->vocab.n))) return rc;
    for (uint32_t i = 0; i < q; i++) {
      uint32_t id = sx->tmp[i].id;
      scan_list(sx, &sx->post[id], v, nv, t, has_time, &best, &bests);
    }
  }
  uint32_t si;
  if (bests >= 0 && best >= sx->p.o.join_threshold) {
    si = (uint32_t)bests;
    if ((rc = join_story(sx, si, v, nv, t, has_time))) return rc;
    r->similarity = best > 1.0 ? 1.0 : best;
  } else {
    if ((rc = open_story(sx, v, nv, t, has_time, &si))) return rc;
    r->similarity = 1.0;
  }
  r->story = si;
  return PX_OK;
}

/* Replay an article already in a stored story: it goes there, whatever
 * its similarity, so the story's centroid is rebuilt as it was. */
static int place_known(px_stories *sx, uint32_t ai, const px__feat *f, int64_t ext) {
  px__tw *v;
  uint32_t nv;
  int rc = make_vec(sx, f->terms, f->nterms, &v, &nv);
  if (rc) return rc;
  if (f->has_time && (!sx->have_now || f->t > sx->now_t)) {
    sx->now_t = f->t;
    sx->have_now = true;
  }
  uint32_t *slot = px__map_get(&sx->ext, (uint64_t)ext);
  uint32_t si;
  if (slot && sx->st[*slot - 1].active) {
    si = *slot - 1;
    rc = join_story(sx, si, v, nv, f->t, f->has_time);
  } else if ((rc = open_story(sx, v, nv, f->t, f->has_time, &si)) == PX_OK) {
    rc = px__stories_set_ext(sx, si, ext);
  }
  free(v);
  sx->res[ai].story = si;
  sx->res[ai].similarity = 1.0;
  return rc;
}

/* ---------------------------------------------------------------- API */

int px_stories_new(px_ctx *ctx, const px_story_opts *opts, px_stories **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  px_stories *sx = calloc(1, sizeof(*sx));
  if (!sx) return PX_ENOMEM;
  sx->ctx = ctx;
  px__params_init(&sx->p, opts);
  int rc = px__fx_init(&sx->fx, sx->p.entity_weight > 0);
  if (rc) {
    px_stories_free(sx);
    return rc;
  }
  px__dd_init(&sx->dd, &sx->p);
  *out = sx;
  return PX_OK;
}

void px_stories_free(px_stories *sx) {
  if (!sx) return;
  px__fx_release(&sx->fx);
  px__vocab_release(&sx->vocab);
  px__dd_release(&sx->dd);
  for (size_t i = 0; i < sx->nst; i++) free(sx->st[i].c);
  free(sx->st);
  for (size_t i = 0; i < sx->apost; i++) {
    free(sx->post[i].s);
  }
  free(sx->post);
  free(sx->active);
  free(sx->res);
  free(sx->stamp);
  for (size_t i = 0; i < sx->nb; i++) free(sx->b[i].terms);
  free(sx->b);
  free(sx->bs);
  free(sx->tmp);
  px__map_release(&sx->ext);
  free(sx->xdf_h);
  free(sx->xdf);
  free(sx->xskip);
  free(sx);
}

/* art, or its feature record rec[0..nrec) when art is NULL. */
static int add_article(px_stories *sx, const px_article *art, const void *rec, size_t nrec,
                       int64_t ext, int64_t *index) {
  if (!sx || (!art && !rec)) return PX_EINVAL;
  if (sx->finished) return PX_EINVAL;
  int rc;
  if (sx->nres == sx->ares) {
    size_t na = sx->ares ? sx->ares * 2 : 1024;
    px_story_result *nr = realloc(sx->res, na * sizeof(*nr));
    if (!nr) return PX_ENOMEM;
    sx->res = nr;
    sx->ares = na;
  }
  uint32_t ai = (uint32_t)sx->nres;
  px_story_result *r = &sx->res[ai];
  memset(r, 0, sizeof(*r));
  r->story = -1;
  px__feat f;
  px__text tx;
  rc = art ? px__feat_compute(&sx->fx, &sx->p, art, &f, &tx)
           : px__feat_from_rec(&sx->fx, &sx->p, rec, nrec, &f, &tx);
  if (rc) return rc;
  sx->dd.xskip = sx->xskip;
  sx->dd.nxskip = sx->nxskip;
  rc = px__dd_add(&sx->dd, &f, &tx, r);
  sx->dd.xskip = NULL;
  sx->dd.nxskip = sx->nxskip = 0;
  sx->have_last = false;
  if (rc) return rc;
  r->flags = f.flags;
  if ((rc = px__feat_terms(&sx->fx, &sx->p, &tx, (f.flags & PX_SF_BOILERPLATE) != 0, &sx->vocab,
                           &f)))
    return rc;
  for (uint32_t i = 0; i < f.nterms; i++) sx->vocab.df[f.terms[i].id]++;
  sx->vocab.ndocs++;
  sx->nres++;
  if (index) *index = ai;
  if (ext > 0) return place_known(sx, ai, &f, ext);
  if (sx->p.o.batch) {
    if (sx->nb == sx->ab) {
      size_t na = sx->ab ? sx->ab * 2 : 1024;
      bdoc *nbd = realloc(sx->b, na * sizeof(*nbd));
      if (!nbd) return PX_ENOMEM;
      sx->b = nbd;
      sx->ab = na;
    }
    bdoc *b = &sx->b[sx->nb];
    b->t = f.t;
    b->flags = f.flags;
    b->has_time = f.has_time;
    b->lone = f.nwords + f.twords < PX__MIN_WORDS;
    b->brief = f.nwords + f.twords < sx->p.short_words;
    b->nterms = f.nterms;
    b->terms = malloc((f.nterms ? f.nterms : 1) * sizeof(*b->terms));
    if (!b->terms) return PX_ENOMEM;
    memcpy(b->terms, f.terms, f.nterms * sizeof(*f.terms));
    sx->nb++;
    return PX_OK;
  }
  px__tw *v;
  uint32_t nv;
  if ((rc = make_vec(sx, f.terms, f.nterms, &v, &nv))) return rc;
  /* Undated: by text alone (JOIN), or only as a copy (ALONE; AUTO once a
   * dated article was seen).  A date found in the text places it only when
   * undated articles are held alone. */
  if (f.has_time && !(f.flags & PX_SF_DATE_FROM_TEXT)) sx->seen_dated = true;
  int pol = sx->p.o.undated;
  if (pol == PX_UNDATED_AUTO) pol = sx->seen_dated ? PX_UNDATED_ALONE : PX_UNDATED_JOIN;
  bool lone = f.nwords + f.twords < PX__MIN_WORDS;
  if (pol == PX_UNDATED_JOIN && (f.flags & PX_SF_DATE_FROM_TEXT)) {
    f.has_time = false;
    r->flags &= ~(unsigned)PX_SF_DATE_FROM_TEXT;
  }
  if (pol == PX_UNDATED_ALONE && !f.has_time) lone = true;
  rc = place(sx, ai, v, nv, f.t, f.has_time, lone);
  if (rc == PX_OK && lone && !f.has_time && r->dup_of < 0) r->flags |= PX_SF_UNPLACED;
  free(v);
  return rc;
}

int px_stories_add(px_stories *sx, const px_article *art, int64_t *index) {
  if (!art) return PX_EINVAL;
  return add_article(sx, art, NULL, 0, 0, index);
}

int px__stories_add_rec(px_stories *sx, const void *rec, size_t n, int64_t *index) {
  /* A record carries no text for the entity pass: with entities weighed
   * in, callers pass the article. */
  if (!rec || !sx || sx->fx.ea) return PX_EINVAL;
  return add_article(sx, NULL, rec, n, 0, index);
}

int px__stories_add_known(px_stories *sx, const px_article *art, int64_t ext, int64_t *index) {
  if (ext <= 0 || !sx || sx->p.o.batch) return PX_EINVAL;
  if (!art) return PX_EINVAL;
  return add_article(sx, art, NULL, 0, ext, index);
}

int64_t px__stories_ext(const px_stories *sx, int64_t si) {
  return si >= 0 && (size_t)si < sx->nst ? sx->st[si].ext : 0;
}

int px__stories_set_ext(px_stories *sx, int64_t si, int64_t ext) {
  if (si < 0 || (size_t)si >= sx->nst || ext <= 0) return PX_EINVAL;
  sx->st[si].ext = ext;
  uint32_t *slot = px__map_put(&sx->ext, (uint64_t)ext, NULL);
  if (!slot) return PX_ENOMEM;
  *slot = (uint32_t)si + 1;
  return PX_OK;
}

typedef struct order_key {
  int64_t t;
  uint32_t i;
  bool has_time;
} order_key;

static int cmp_order(const void *a, const void *b) {
  const order_key *x = a, *y = b;
  if (x->has_time != y->has_time) return x->has_time ? -1 : 1;
  if (x->has_time && x->t != y->t) return x->t < y->t ? -1 : 1;
  return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Per batch story: its centroid (the sum of its members' vectors, top
 * PX__SIG_TERMS terms by term hash, unit length), each member's cosine with
 * it (r->similarity) and its central member (the highest; the earliest on a
 * tie).  Undated lone singletons are flagged PX_SF_UNPLACED.
 */
static int centroids(px_stories *sx, const px__hdoc *hd, size_t n, const order_key *ord,
                     const int64_t *story_of, const uint32_t *label) {
  size_t ns = sx->nbatch;
  sx->bs = calloc(ns + 1, sizeof(*sx->bs));
  size_t *cnt = calloc(ns + 1, sizeof(*cnt)), *start = calloc(ns + 2, sizeof(*start));
  uint32_t *mem = malloc((n + 1) * sizeof(*mem));
  float *acc = calloc(sx->vocab.n + 1, sizeof(*acc));
  uint32_t *ids = malloc((sx->vocab.n + 1) * sizeof(*ids));
  int rc = PX_ENOMEM;
  if (!sx->bs || !cnt || !start || !mem || !acc || !ids) goto out;
  for (size_t k = 0; k < n; k++) cnt[story_of[label[k]]]++;
  for (size_t s = 0; s < ns; s++) start[s + 1] = start[s] + cnt[s];
  memset(cnt, 0, (ns + 1) * sizeof(*cnt));
  for (size_t k = 0; k < n; k++) {
    size_t s = (size_t)story_of[label[k]];
    mem[start[s] + cnt[s]++] = (uint32_t)k;
  }
  for (size_t s = 0; s < ns; s++) {
    uint32_t nid = 0;
    for (size_t m = start[s]; m < start[s + 1]; m++) {
      const px__hdoc *d = &hd[mem[m]];
      for (uint32_t x = 0; x < d->nv; x++) {
        if (acc[d->v[x].id] == 0) ids[nid++] = d->v[x].id;
        acc[d->v[x].id] += d->v[x].w + 1e-12f;
      }
    }
    if ((rc = tmp_reserve(sx, nid + 1))) goto out;
    for (uint32_t x = 0; x < nid; x++) {
      sx->tmp[x] = (px__tw){ids[x], acc[ids[x]]};
      acc[ids[x]] = 0;
    }
    uint32_t kept = keep_top(sx->tmp, nid, PX__SIG_TERMS);
    double nrm = norm_of(sx->tmp, kept);
    px__bstory *b = &sx->bs[s];
    b->nsig = kept;
    for (uint32_t x = 0; x < kept; x++) {
      b->sig[x].h = sx->vocab.hash[sx->tmp[x].id];
      b->sig[x].w = nrm > 0 ? (float)(sx->tmp[x].w / nrm) : 0;
    }
    double best = -1;
    for (size_t m = start[s]; m < start[s + 1]; m++) {
      const px__hdoc *d = &hd[mem[m]];
      double c = nrm > 0 ? dot(d->v, d->nv, sx->tmp, kept) / nrm : 0;
      px_story_result *r = &sx->res[ord[mem[m]].i];
      r->similarity = c > 1 ? 1 : c;
      if (c > best + 1e-9) {
        best = c;
        b->central = ord[mem[m]].i;
      }
      if (start[s + 1] - start[s] == 1 && d->lone && !d->has_time && r->dup_of < 0)
        r->flags |= PX_SF_UNPLACED;
    }
  }
  rc = PX_OK;
out:
  free(cnt);
  free(start);
  free(mem);
  free(acc);
  free(ids);
  return rc;
}

const px__bstory *px__stories_batch_story(const px_stories *sx, int64_t si) {
  if (!sx || !sx->bs || si < 0 || (size_t)si >= sx->nbatch) return NULL;
  return &sx->bs[si];
}

int px_stories_finish(px_stories *sx) {
  if (!sx) return PX_EINVAL;
  if (!sx->p.o.batch || sx->finished) return PX_OK;
  sx->finished = true;
  size_t n = sx->nb;
  int rc = PX_ENOMEM;
  order_key *ord = malloc((n + 1) * sizeof(*ord));
  px__hdoc *hd = calloc(n + 1, sizeof(*hd));
  uint32_t *pos = malloc((n + 1) * sizeof(*pos));
  uint32_t *label = malloc((n + 1) * sizeof(*label));
  int64_t *story_of = malloc((n + 1) * sizeof(*story_of));
  if (!ord || !hd || !pos || !label || !story_of) goto out;
  /* Undated articles: see add_article(); decided here over the whole batch. */
  int pol = sx->p.o.undated;
  if (pol == PX_UNDATED_AUTO) {
    pol = PX_UNDATED_JOIN;
    for (size_t i = 0; i < n; i++)
      if (sx->b[i].has_time && !(sx->b[i].flags & PX_SF_DATE_FROM_TEXT)) pol = PX_UNDATED_ALONE;
  }
  for (size_t i = 0; i < n; i++) {
    bdoc *b = &sx->b[i];
    if (pol == PX_UNDATED_JOIN && (b->flags & PX_SF_DATE_FROM_TEXT)) {
      b->has_time = false;
      sx->res[i].flags &= ~(unsigned)PX_SF_DATE_FROM_TEXT;
    }
    if (pol == PX_UNDATED_ALONE && !b->has_time) b->lone = true;
  }
  if (sx->xdf_h) {
    /* document frequencies of the larger collection (px_stories_set_df) */
    for (size_t id = 0; id < sx->vocab.n; id++) {
      uint64_t h = sx->vocab.hash[id];
      size_t lo = 0, hi = sx->nxdf;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sx->xdf_h[mid] < h) lo = mid + 1;
        else hi = mid;
      }
      if (lo < sx->nxdf && sx->xdf_h[lo] == h) sx->vocab.df[id] = sx->xdf[lo];
    }
    sx->vocab.ndocs = sx->xdf_ndocs;
  }
  for (size_t i = 0; i < n; i++)
    ord[i] = (order_key){sx->b[i].t, (uint32_t)i, sx->b[i].has_time};
  qsort(ord, n, sizeof(*ord), cmp_order);
  for (size_t k = 0; k < n; k++) pos[ord[k].i] = (uint32_t)k;
  for (size_t k = 0; k < n; k++) {
    bdoc *b = &sx->b[ord[k].i];
    px__tw *v;
    uint32_t nv;
    if ((rc = make_vec(sx, b->terms, b->nterms, &v, &nv))) goto out;
    free(b->terms);
    b->terms = NULL;
    int64_t dup = sx->res[ord[k].i].dup_of;
    hd[k] = (px__hdoc){v, nv, b->t, b->has_time, dup >= 0 ? (int64_t)pos[dup] : -1, b->lone,
                     b->brief};
  }
  if ((rc = px__hac(hd, n, &sx->p, sx->vocab.n, label))) goto out;
  /* Stories numbered by their first article in time order. */
  for (size_t k = 0; k < n; k++) story_of[k] = -1;
  for (size_t k = 0; k < n; k++) {
    uint32_t l = label[k];
    if (story_of[l] < 0) story_of[l] = (int64_t)sx->nbatch++;
    px_story_result *r = &sx->res[ord[k].i];
    r->story = story_of[l];
    r->similarity = 0;
  }
  if ((rc = centroids(sx, hd, n, ord, story_of, label))) goto out;
  rc = PX_OK;
out:
  if (hd)
    for (size_t k = 0; k < n; k++) free((void *)hd[k].v);
  free(hd);
  free(ord);
  free(pos);
  free(label);
  free(story_of);
  return rc;
}

int px_stories_result(const px_stories *sx, int64_t index, px_story_result *res) {
  if (!sx || !res || index < 0 || (size_t)index >= sx->nres) return PX_EINVAL;
  *res = sx->res[index];
  /* Groups may have grown since the article was added. */
  res->dup_group = px__dd_group((px__dd *)&sx->dd, (uint32_t)index);
  return PX_OK;
}

int64_t px_stories_count(const px_stories *sx) { return sx ? (int64_t)(sx->nst + sx->nbatch) : 0; }

/* ------------------------------------------------------------ dedup API */

int px_dedup_new(px_ctx *ctx, const px_story_opts *opts, px_dedup **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  px_dedup *dd = calloc(1, sizeof(*dd));
  if (!dd) return PX_ENOMEM;
  dd->ctx = ctx;
  px__params_init(&dd->p, opts);
  int rc = px__fx_init(&dd->fx, false);
  if (rc) {
    px_dedup_free(dd);
    return rc;
  }
  px__dd_init(&dd->dd, &dd->p);
  *out = dd;
  return PX_OK;
}

void px_dedup_free(px_dedup *dd) {
  if (!dd) return;
  px__fx_release(&dd->fx);
  px__dd_release(&dd->dd);
  free(dd);
}

int px_dedup_add(px_dedup *dd, const px_article *art, px_story_result *res) {
  if (!dd || !art || !res) return PX_EINVAL;
  memset(res, 0, sizeof(*res));
  res->story = -1;
  px__feat f;
  px__text tx;
  int rc;
  if ((rc = px__feat_compute(&dd->fx, &dd->p, art, &f, &tx))) return rc;
  if ((rc = px__dd_add(&dd->dd, &f, &tx, res))) return rc;
  res->flags = f.flags;
  return PX_OK;
}

/* ------------------------------------------- clustering across processes */

static int cmp_term(const void *a, const void *b) {
  uint64_t x = ((const px_story_term *)a)->hash, y = ((const px_story_term *)b)->hash;
  return x < y ? -1 : x > y;
}

/* px_stories_terms of art, or of the feature record rec[0..nrec) when art is NULL. */
static int terms_of(px_stories *sx, const px_article *art, const void *rec, size_t nrec,
                    px_story_term **terms, size_t *n, px_story_doc *doc) {
  if (!sx || (!art && !rec) || !terms || !n || !doc) return PX_EINVAL;
  *terms = NULL;
  *n = 0;
  memset(doc, 0, sizeof(*doc));
  sx->have_last = false;
  px__feat f;
  px__text tx;
  int rc;
  if ((rc = art ? px__feat_compute(&sx->fx, &sx->p, art, &f, &tx)
                : px__feat_from_rec(&sx->fx, &sx->p, rec, nrec, &f, &tx)))
    return rc;
  if ((rc = px__feat_terms(&sx->fx, &sx->p, &tx, false, &sx->vocab, &f))) return rc;
  sx->last_f = f;
  sx->last_tx = tx;
  sx->have_last = true;
  doc->t = f.t;
  doc->has_time = f.has_time;
  doc->flags = f.flags;
  doc->words = (int64_t)f.nwords + f.twords;
  doc->published = f.published;
  doc->has_published = f.has_published;
  doc->content = f.content;
  if (!f.nterms) return PX_OK;
  px_story_term *v = malloc(f.nterms * sizeof(*v));
  if (!v) return PX_ENOMEM;
  for (uint32_t i = 0; i < f.nterms; i++) {
    v[i].hash = sx->vocab.hash[f.terms[i].id];
    v[i].tf = f.terms[i].w;
  }
  qsort(v, f.nterms, sizeof(*v), cmp_term);
  *terms = v;
  *n = f.nterms;
  return PX_OK;
}

int px_stories_terms(px_stories *sx, const px_article *art, px_story_term **terms, size_t *n,
                     px_story_doc *doc) {
  if (!art) return PX_EINVAL;
  return terms_of(sx, art, NULL, 0, terms, n, doc);
}

int px_stories_terms_record(px_stories *sx, const void *rec, size_t nrec, px_story_term **terms,
                            size_t *n, px_story_doc *doc) {
  if (!rec) return PX_EINVAL;
  return terms_of(sx, NULL, rec, nrec, terms, n, doc);
}

int px_stories_sentences(const px_stories *sx, const uint64_t **hashes, size_t *n) {
  if (!sx || !hashes || !n || !sx->have_last) return PX_EINVAL;
  *hashes = sx->last_f.sent;
  *n = sx->last_f.nsent;
  return PX_OK;
}

int px_stories_dup_keys(px_stories *sx, const uint32_t *boiler, size_t nboiler, uint64_t *keys,
                        size_t *n) {
  if (!sx || !keys || !n || (nboiler && !boiler) || !sx->have_last) return PX_EINVAL;
  *n = 0;
  px__feat f = sx->last_f;
  bool *skip = NULL;
  if (f.nsent) {
    if (!(skip = calloc(f.nsent, sizeof(*skip)))) return PX_ENOMEM;
    for (size_t k = 0; k < nboiler; k++)
      if (boiler[k] < f.nsent) skip[boiler[k]] = true;
  }
  /* the sketch px__dd_add makes, with the sentences a collection this
   * large counts as boilerplate left out (those counted in a part of it
   * are among them) */
  px__feat_sketch(&sx->last_tx, skip, (uint32_t)sx->p.o.min_dup_words, &f);
  free(skip);
  *n = px__dd_keys(&sx->p, &f, keys);
  return PX_OK;
}

int px_stories_set_boilerplate(px_stories *sx, const uint32_t *pos, size_t n) {
  if (!sx || (n && !pos) || sx->finished) return PX_EINVAL;
  if (n > sx->axskip) {
    uint32_t *nx = realloc(sx->xskip, n * sizeof(*nx));
    if (!nx) return PX_ENOMEM;
    sx->xskip = nx;
    sx->axskip = n;
  }
  if (n) memcpy(sx->xskip, pos, n * sizeof(*pos));
  sx->nxskip = n;
  return PX_OK;
}

int px_stories_add_record(px_stories *sx, const void *rec, size_t n, int64_t *index) {
  return px__stories_add_rec(sx, rec, n, index);
}

double px_story_idf(uint64_t df, uint64_t ndocs) {
  return (float)(log(((double)ndocs + 1.0) / ((double)df + 1.0)) + 1.0);
}

typedef struct hdf {
  uint64_t h;
  uint32_t df;
} hdf;

static int cmp_hdf(const void *a, const void *b) {
  uint64_t x = ((const hdf *)a)->h, y = ((const hdf *)b)->h;
  return x < y ? -1 : x > y;
}

int px_stories_set_df(px_stories *sx, const uint64_t *hashes, const uint32_t *df, size_t n,
                      uint64_t ndocs) {
  if (!sx || (n && (!hashes || !df)) || sx->finished) return PX_EINVAL;
  hdf *t = malloc((n + 1) * sizeof(*t));
  uint64_t *h = malloc((n + 1) * sizeof(*h));
  uint32_t *d = malloc((n + 1) * sizeof(*d));
  if (!t || !h || !d) {
    free(t);
    free(h);
    free(d);
    return PX_ENOMEM;
  }
  for (size_t i = 0; i < n; i++) t[i] = (hdf){hashes[i], df[i]};
  qsort(t, n, sizeof(*t), cmp_hdf);
  for (size_t i = 0; i < n; i++) {
    h[i] = t[i].h;
    d[i] = t[i].df;
  }
  free(t);
  free(sx->xdf_h);
  free(sx->xdf);
  sx->xdf_h = h;
  sx->xdf = d;
  sx->nxdf = n;
  sx->xdf_ndocs = ndocs;
  return PX_OK;
}

int px_stories_story(const px_stories *sx, int64_t si, int64_t *central, uint64_t *sig_h,
                     float *sig_w, size_t *nsig) {
  const px__bstory *b = px__stories_batch_story(sx, si);
  if (!b || !central || !sig_h || !sig_w || !nsig) return PX_EINVAL;
  *central = b->central;
  *nsig = b->nsig;
  for (uint32_t k = 0; k < b->nsig; k++) {
    sig_h[k] = b->sig[k].h;
    sig_w[k] = b->sig[k].w;
  }
  return PX_OK;
}
