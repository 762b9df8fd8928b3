/*
 * story.h - internal interface of duplicate detection and story clustering.
 *
 * The pipeline per article (docs/stories.md has the reasons and figures):
 *   analysis (text.h)  ->  px__feat: sentence hashes, a MinHash sketch over
 *   word 5-shingles of folded tokens, term counts over stems
 *   ->  px__dedup: exact copies, near-duplicates (LSH over the sketch),
 *       wire share (sentence hashes seen earlier in another outlet)
 *   ->  px__clu: online clustering against story centroids found through an
 *       inverted index over their top terms, inside a time window.
 *
 * Everything here is owned by the px_stories / px_dedup handles; nothing is
 * global.
 */
#ifndef PX_STORY_H
#define PX_STORY_H

#include "px_common.h"
#include "analyze/entity.h"
#include "analyze/text.h"

/* MinHash: one-permutation hashing into SIG bins, LSH with BANDS x ROWS. */
#define PX__SIG 128
#define PX__ROWS 3
#define PX__BANDS (PX__SIG / PX__ROWS)
#define PX__SHINGLE 5
/* An article needs this many words (title and body) to join a story: one
 * word is not evidence of an event. */
#define PX__MIN_WORDS 2

/* ------------------------------------------------------------ hash maps */

/* Open-addressing map from a non-zero 64-bit key to a uint32 value. */
typedef struct px__map {
  uint64_t *key;
  uint32_t *val;
  size_t cap; /* power of two, 0 when empty */
  size_t n;
} px__map;

PX__HIDDEN void px__map_release(px__map *m);
/** Find key; @return pointer to its value or NULL. */
PX__HIDDEN uint32_t *px__map_get(const px__map *m, uint64_t key);
/** Find or insert key (value 0 when new, *isnew set). @return NULL on ENOMEM. */
PX__HIDDEN uint32_t *px__map_put(px__map *m, uint64_t key, bool *isnew);

/* ------------------------------------------------------------ features */

/* A term (stem, number or dateline place) and its weighted count. */
typedef struct px__tw {
  uint32_t id; /* vocabulary id */
  float w;
} px__tw;

/* Sorting without a comparison callback: these run for every article.
 * Both use a three-way partition, so equal keys cannot stall them. */
static inline void px__tw_swap(px__tw *a, size_t i, size_t j) {
  px__tw t = a[i];
  a[i] = a[j];
  a[j] = t;
}

static inline void px__tw_sort_id(px__tw *a, size_t n) {
  while (n > 16) {
    uint32_t piv = a[n / 2].id;
    size_t lt = 0, i = 0, gt = n;
    while (i < gt) {
      if (a[i].id < piv) px__tw_swap(a, lt++, i++);
      else if (a[i].id > piv) px__tw_swap(a, i, --gt);
      else i++;
    }
    /* [0,lt) smaller, [gt,n) larger: recurse on the smaller part. */
    if (lt < n - gt) {
      px__tw_sort_id(a, lt);
      a += gt;
      n -= gt;
    } else {
      px__tw_sort_id(a + gt, n - gt);
      n = lt;
    }
  }
  for (size_t i = 1; i < n; i++) {
    px__tw t = a[i];
    size_t j = i;
    while (j > 0 && a[j - 1].id > t.id) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = t;
  }
}

/* Reorder a[0..n) so that a[0..k) hold the k heaviest entries (any order). */
static inline void px__tw_select_top(px__tw *a, size_t n, size_t k) {
  if (k == 0 || k >= n) return;
  size_t lo = 0, hi = n;
  while (hi - lo > 1) {
    float piv = a[lo + (hi - lo) / 2].w;
    size_t lt = lo, i = lo, gt = hi;
    while (i < gt) {
      if (a[i].w > piv) px__tw_swap(a, lt++, i++);
      else if (a[i].w < piv) px__tw_swap(a, i, --gt);
      else i++;
    }
    if (k <= lt) hi = lt;
    else if (k <= gt) return;
    else lo = gt;
  }
}

/* The vocabulary: term hash -> id, with document frequencies. */
typedef struct px__vocab {
  px__map ids;
  uint32_t *df;
  uint64_t *hash; /* id -> term hash */
  size_t n, alloc;
  uint64_t ndocs;
} px__vocab;

PX__HIDDEN void px__vocab_release(px__vocab *v);
/** Id of a term hash, added when new.  @return PX_OK or PX_ENOMEM. */
PX__HIDDEN int px__vocab_id(px__vocab *v, uint64_t h, uint32_t *id /* OUT */);
/** Smoothed inverse document frequency of term id. */
PX__HIDDEN float px__vocab_idf(const px__vocab *v, uint32_t id);

/* What one article contributes, computed from its analysis. */
typedef struct px__feat {
  int64_t t;
  bool has_time;
  unsigned flags;    /* PX_SF_* */
  uint64_t source;   /* hash of the folded outlet name (0 when unknown) */
  uint64_t content;  /* px_article_content_hash */
  int64_t published; /* the article's published time as stored (has_published: it has one) */
  bool has_published;
  uint64_t title;    /* hash of the folded title (0 when none) */
  uint32_t nwords;   /* word tokens in the body */
  uint32_t twords;   /* word tokens in the title */
  uint32_t nsh;      /* shingles sketched (0: too short for near-duplicates) */
  uint32_t sig[PX__SIG];
  uint64_t *sent;    /* sentence hashes (0 for sentences too short to count) */
  uint8_t *aside;    /* per sentence, 1: no evidence of copied text (PX__TF_ASIDE) */
  uint32_t nsent;
  px__tw *terms;     /* term counts (title-weighted), sorted by id */
  uint32_t nterms;
} px__feat;

/* Tunables that are not public options. */
typedef struct px__params {
  px_story_opts o;
  float time_boost;     /* pair similarity x (1 + this) for the same moment, fading over the window */
  float cap_boost;      /* weight of a capitalized word inside a sentence */
  float number_weight;  /* weight of a number token */
  float place_weight;   /* weight of each dateline place word */
  float entity_weight;  /* weight of each mention of a named entity's key (0: off) */
  uint32_t vec_terms;   /* article vector length (top terms by tf-idf) */
  uint32_t query_terms; /* terms used to find candidate stories */
  uint32_t centroid_terms;
  uint32_t index_terms; /* centroid terms posted in the inverted index */
  uint32_t min_sent_words;
  uint32_t boiler_df;   /* a sentence seen in this many articles is boilerplate */
  float cen_threshold;  /* centroid cosine at which clusters merge after average linkage (0: off) */
  uint32_t cen_terms;   /* centroid length for that pass */
  uint32_t cen_query;   /* centroid terms posted to find candidates */
  float cen_brief;      /* the same between clusters of short texts only (0: off) */
  uint32_t cen_small;   /* full texts: only a cluster this small (or smaller) merges so */
  uint32_t short_words; /* a text with fewer words (title and body) is short */
} px__params;

PX__HIDDEN void px__params_init(px__params *p, const px_story_opts *o);

/* Per-thread analysis state. */
typedef struct px__fx {
  px__textan *ta;
  px__entan *ea;   /* NULL unless entity keys are used */
  px__arena arena; /* one article's analysis; reset per article */
  px__text title;  /* the title's analysis */
} px__fx;

PX__HIDDEN int px__fx_init(px__fx *fx, bool entities);
PX__HIDDEN void px__fx_release(px__fx *fx);

/**
 * Analyze art and fill f: time (flags for undated and implausible dates),
 * hashes and sentence hashes.  The body's analysis is left in *tx, the
 * title's in fx->title; both and the arrays of f live in fx->arena until
 * the next call.  @return PX_OK, PX_ENOMEM.
 */
/**
 * A date found in the article's URL path or in the opening of its body (an
 * explicit full date), plausible (1980 to now + 2 days).  @return 1 and *t
 * (the middle of that day, UTC), or 0.
 */
PX__HIDDEN int px__date_from_text(const px_article *art, int64_t now, int64_t *t /* OUT */);

PX__HIDDEN int px__feat_compute(px__fx *fx, const px__params *p, const px_article *art,
                                px__feat *f /* OUT */, px__text *tx /* OUT */);

/** Per token of tx (in a), PX__TF_FURNITURE when its sentence is a menu or a
 * gallery's run of names set as one sentence (px__title_run over its tokens,
 * the long page furniture an outlet prints in every article): its tokens
 * count nowhere in duplicate detection or clustering.  Only this rule of
 * px__furniture_text for every sentence: the whole test would add about a
 * tenth to an ingest's CPU.  PX__TF_ASIDE when its sentence is no evidence
 * of copied text: a quotation (more than half its words inside quotation
 * marks, the marks followed across the sentences of a paragraph), which
 * outlets share because they quote one source, or a short line that
 * px__furniture_text calls furniture ("Watch the latest video at ...",
 * "This material may not be published, ..."): it counts nowhere in the wire
 * share.  NULL: out of memory. */
PX__HIDDEN uint8_t *px__feat_furniture(const px__text *tx, px__arena *a);

/** The time fields and flags of f from a published time (has: it has one)
 * and a date found in the text (text_found, text_t: px__date_from_text). */
PX__HIDDEN void px__feat_time(const px__params *p, int64_t t, int has, int text_found,
                              int64_t text_t, px__feat *f);
/** The outlet hash of f (folded outlet name). */
PX__HIDDEN uint64_t px__feat_source_hash(px_str source);
/** What px__feat_compute derives from the analysis: tx (the body's) and
 * fx->title (the title's) set; f's time, source and content set. */
PX__HIDDEN int px__feat_text(px__fx *fx, const px__params *p, const px__text *tx, px__feat *f);

/*
 * Feature records (featrec.c): what clustering needs of one article's
 * analysis (time, outlet and content hashes, a date found in its text, the
 * word and number tokens of its body and title with their sentences), made
 * where the article was analysed and handed to the cluster stage, which then
 * neither reads the article back nor analyses it again.  The record gives
 * px__feat_text exactly what px__feat_compute would.  Native byte order:
 * records live in one process.
 */
/** Append the record of art, whose body analysis is body, to out; ta and
 * scratch analyse the title.  @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__featrec_build(px__textan *ta, px__arena *scratch, const px_article *art,
                                 const px__text *body, px__buf *out);
/** px__feat_compute from a record.  @return PX_OK, PX_ENOMEM, PX_EFORMAT
 * (not a whole record). */
PX__HIDDEN int px__feat_from_rec(px__fx *fx, const px__params *p, const void *rec, size_t n,
                                 px__feat *f, px__text *tx);
/** px_stories_add with the article's feature record instead of the article. */
PX__HIDDEN int px__stories_add_rec(px_stories *sx, const void *rec, size_t n,
                                   int64_t *index /* OUT, may be NULL */);

/**
 * Term counts of the analyzed article (body unless title_only, title
 * weighted, dateline place) with their vocabulary ids, sorted by id, into
 * f->terms (arena).  Document frequencies are not updated.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__feat_terms(px__fx *fx, const px__params *p, const px__text *tx,
                              bool title_only, px__vocab *vocab, px__feat *f);

/**
 * Sketch the body's word 5-shingles into f->sig, skipping sentences whose
 * skip[i] is true (skip may be NULL).  Sets f->nsh (0 when fewer shingles
 * than min_words allow).
 */
PX__HIDDEN void px__feat_sketch(const px__text *tx, const bool *skip, uint32_t min_words,
                                px__feat *f);

/* --------------------------------------------------------------- dedup */

typedef struct px__sentinfo {
  uint32_t first; /* article index that carried it first */
  uint32_t df;    /* articles carrying it */
} px__sentinfo;

typedef struct px__dd {
  px__params p;
  px__map exact;     /* content hash -> article index + 1 */
  px__map sentmap;   /* sentence hash -> index into sents + 1 */
  px__sentinfo *sents;
  size_t nsents, asents;
  px__map bands;     /* band key -> head posting + 1 */
  uint32_t *post_doc, *post_next;
  size_t npost, apost;
  /* per article (index = order of adding) */
  uint32_t *sig;     /* PX__SIG per article */
  uint32_t *nsh;
  uint64_t *source;
  uint64_t *title;
  uint32_t *parent;  /* union-find for duplicate groups */
  size_t n, alloc;
  uint32_t *stamp;   /* candidate de-duplication */
  uint32_t stampv;
  /* the next article's sentences (positions) that a larger collection
   * carries often enough to be boilerplate (px_stories_set_boilerplate) */
  const uint32_t *xskip;
  size_t nxskip;
} px__dd;

PX__HIDDEN void px__dd_init(px__dd *d, const px__params *p);
PX__HIDDEN void px__dd_release(px__dd *d);
/**
 * Add the next article (index d->n): finishes f's sketch from tx and fills
 * the duplicate part of *r.  @return PX_OK or PX_ENOMEM.
 */
PX__HIDDEN int px__dd_add(px__dd *d, px__feat *f, const px__text *tx, px_story_result *r);
/** The LSH key of band b (0 <= b < PX__BANDS) of a sketch. */
PX__HIDDEN uint64_t px__dd_band_key(const uint32_t *sig, int b);
/** The keys under which px__dd_add finds duplicate candidates of f (its
 * exact-copy keys, and its sketch's band keys when f->nsh): two articles it
 * can link as duplicates share one.  keys holds PX__BANDS + 2.  @return the count. */
PX__HIDDEN size_t px__dd_keys(const px__params *p, const px__feat *f, uint64_t *keys);
/** Index of the first article of i's duplicate group. */
PX__HIDDEN uint32_t px__dd_group(px__dd *d, uint32_t i);

/* ------------------------------------------------------------- batch */

/* One article for batch clustering, in time order (undated last). */
typedef struct px__hdoc {
  const px__tw *v; /* unit vector, sorted by id */
  uint32_t nv;
  int64_t t;
  bool has_time;
  int64_t dup_of; /* position (in this array) of the article it copies, or -1 */
  bool lone;      /* too few words to be linked by similarity */
  bool brief;     /* a short text (a headline, a teaser): fewer than short_words words */
} px__hdoc;

/**
 * Average-linkage clustering of docs[0..n) (see hac.c); nterms bounds the
 * term ids.  label[i] gets the position of a member that names i's cluster.
 * @return PX_OK or PX_ENOMEM.
 */
PX__HIDDEN int px__hac(const px__hdoc *docs, size_t n, const px__params *p, size_t nterms,
                       uint32_t *label /* OUT */);

/* ------------------------------------------------ store integration */

/* A story's signature for linking stories into threads: its centroid's
 * heaviest terms by term hash (stable across runs), unit length. */
#define PX__SIG_TERMS 40
typedef struct px__sigterm {
  uint64_t h;
  float w;
} px__sigterm;

typedef struct px__bstory {
  uint32_t nsig;
  px__sigterm sig[PX__SIG_TERMS]; /* sorted by vocabulary id, not by h */
  int64_t central; /* article index of the member most like the centroid */
} px__bstory;

/** Batch mode, after px_stories_finish(): story's centroid and central member. */
PX__HIDDEN const px__bstory *px__stories_batch_story(const px_stories *sx, int64_t story);


/**
 * Online mode only: add an article already stored in story ext (> 0); it
 * joins the story that carries ext (opened when first met), so replaying a
 * window of stored articles rebuilds the stories' state.
 */
PX__HIDDEN int px__stories_add_known(px_stories *sx, const px_article *art, int64_t ext,
                                     int64_t *index /* OUT, may be NULL */);
/** The store id of a story (0 when it has none yet). */
PX__HIDDEN int64_t px__stories_ext(const px_stories *sx, int64_t story);
/** Record the store id of a story.  @return PX_OK, PX_EINVAL, PX_ENOMEM. */
PX__HIDDEN int px__stories_set_ext(px_stories *sx, int64_t story, int64_t ext);

#endif /* PX_STORY_H */
