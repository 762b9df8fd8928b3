/*
 * align.h - internal interface of fact and quote alignment across the
 * articles of one story (docs/compare.md has the reasons and figures).
 *
 *   lexicon (lex.c)       stems of WordNet synonym classes and a background
 *                         word-frequency table, built once per aligner
 *   sentence features     content stems with IDF weights, numbers, names,
 *   (simscore.c)          bigrams; a logistic-regression score of two
 *                         sentences (weights fitted on the project's
 *                         labels of real coverage, eval/train_sim.py)
 *   facts (facts.c)       candidate pairs from an inverted index over each
 *                         sentence's rarest stems, scored, then grouped
 *   discrepancies         numbers with the same unit that differ inside one
 *   (discrep.c)           fact
 *   comparison            the public px_comparison (compare.c)
 *
 * Nothing here prints; every allocation is checked; all per-call memory
 * lives in arenas owned by the handle that made it.
 */
#ifndef PX_ALIGN_H
#define PX_ALIGN_H

#include "px_common.h"
#include "analyze/text.h"

/* --------------------------------------------------- generated tables */

/* synonyms.c (scripts/gen_synonyms.py): classes of words, each word
 * NUL-terminated, a class ended by an empty string. */
PX__HIDDEN extern const char px__synonyms[];
PX__HIDDEN extern const size_t px__synonyms_size;
PX__HIDDEN extern const size_t px__synonym_classes;
/* word NUL count NUL ... (SemCor sense-tag counts summed per lemma). */
PX__HIDDEN extern const char px__wordfreq[];
PX__HIDDEN extern const size_t px__wordfreq_size;
PX__HIDDEN extern const size_t px__wordfreq_words;

/* -------------------------------------------------------------- lexicon */

typedef struct px__lex px__lex;

/** Build the lexicon (stems every table word once).  @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__lex_new(px__lex **out /* OUT */);
PX__HIDDEN void px__lex_free(px__lex *lx);
/** Background IDF of a stem hash, from the WordNet counts (high when unseen). */
PX__HIDDEN float px__lex_bg_idf(const px__lex *lx, uint64_t stem);
/** Synonym classes of a stem hash: *cls points into the lexicon.  @return count. */
PX__HIDDEN size_t px__lex_classes(const px__lex *lx, uint64_t stem, const uint32_t **cls);
/** Numeric value of a folded number word ("two" -> 2, "dozen" -> 12), or -1. */
PX__HIDDEN double px__number_word(const char *folded, size_t n);

/* --------------------------------------------------------- IDF table */

/* Sentence frequencies of stems over the compared texts.  Sorted arrays;
 * built with px__idf_build from every sentence's distinct stems. */
typedef struct px__idf {
  uint64_t *stem;
  uint32_t *df;
  size_t n;
  size_t nsent; /* sentences counted */
  const px__lex *lex;
  float local_weight; /* share of the local IDF against the background (0..1) */
} px__idf;

/** Weight of a stem: a blend of the local and background IDF. */
PX__HIDDEN float px__idf_get(const px__idf *idf, uint64_t stem);
/** Sentence frequency of a stem in the table (0 when absent). */
PX__HIDDEN uint32_t px__idf_df(const px__idf *idf, uint64_t stem);

/* Accumulates stems, then sorts and counts them. */
typedef struct px__idf_builder {
  uint64_t *v;
  size_t n, cap;
  size_t nsent;
} px__idf_builder;

/** Add one sentence's content stems (duplicates inside it are counted once). */
PX__HIDDEN int px__idf_add(px__idf_builder *b, const px__text *tx, size_t sent);
/** Turn the builder into a table (malloc'd; release with px__idf_release). */
PX__HIDDEN int px__idf_build(px__idf_builder *b, const px__lex *lex, px__idf *out /* OUT */);
PX__HIDDEN void px__idf_release(px__idf *idf);

/* ---------------------------------------------------- sentence features */

/* PX__TERM_NAME: a word of a name of two or more capitalized words;
 * PX__TERM_LOWER: written in lower case somewhere in the sentence */
enum { PX__TERM_CAP = 1, PX__TERM_NUM = 2, PX__TERM_NAME = 4, PX__TERM_LOWER = 8,
       PX__TERM_SAY = 16, /* a verb of saying ("said", "told"): no thing in common */
       PX__TERM_FIGURE = 32, /* a figure in digits of 100 or more, not a year: "312,000" */
       PX__TERM_TIME = 64 /* says when ("last week", "Monday", "two hours"): no thing in common */ };

typedef struct px__term {
  uint64_t stem;  /* stem hash; for numbers the hash of the normalized value */
  uint64_t csig;  /* bit (class % 64) set for each synonym class: a quick filter */
  const uint32_t *cls; /* its synonym classes (borrowed from the lexicon) */
  float w;        /* IDF weight */
  uint8_t ncls;
  uint8_t flags;  /* PX__TERM_* */
} px__term;

/* One sentence as the scorer sees it; arrays live in the caller's arena. */
typedef struct px__ssent {
  px__term *term; /* distinct content stems and numbers, sorted by stem */
  uint32_t nterm;
  uint64_t *big;  /* distinct stem bigrams (stopwords kept), sorted */
  uint32_t nbig;
  uint64_t *seq;     /* fold hashes of its words and numbers, in order (at most
                        PX__SEQ_MAX) */
  uint32_t nseq;
  uint64_t *fset;    /* distinct fold hashes (stopwords kept), sorted */
  uint32_t nfset;
  uint64_t *tri;     /* distinct fold trigrams, sorted */
  uint32_t ntri;
  uint32_t nwords;   /* word and number tokens */
  float wsum;        /* sum of term weights (numbers included) */
  uint32_t nnum, ncap;
} px__ssent;

/**
 * Features of sentence sent of tx, weighted by idf.  Arrays come from arena.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__ssent_make(const px__text *tx, size_t sent, const px__idf *idf,
                              px__arena *arena, px__ssent *out /* OUT */);

#define PX__SEQ_MAX 64
#define PX__SIM_NFEAT 22

/** The feature vector of a pair (symmetric in a and b). */
PX__HIDDEN void px__sim_features(const px__lex *lx, const px__ssent *a, const px__ssent *b,
                                 double f[PX__SIM_NFEAT] /* OUT */);
/** Probability that a and b report the same fact, from the built-in weights. */
PX__HIDDEN double px__sim_score(const px__lex *lx, const px__ssent *a, const px__ssent *b);
/** How likely a and b carry one common fact (one may say more than the
 * other): the larger of px__sim_score and a containment score. */
PX__HIDDEN double px__fact_score(const px__lex *lx, const px__ssent *a, const px__ssent *b);
/* A name of several capitalized words weighs what its rarest word weighs,
 * and this much of it more for each further word (simscore.c). */
#ifndef PX__NAME_RUN_EXTRA
#define PX__NAME_RUN_EXTRA 0.5f
#endif
/* Two sentences with fewer things in common than this (a shared word; all
 * shared names together count as one) score at most PX__FACT_ONE_UNIT_MAX:
 * a topic in common, not a fact. */
#ifndef PX__FACT_MIN_UNITS
#define PX__FACT_MIN_UNITS 2
#endif
#ifndef PX__FACT_ONE_UNIT_MAX
#define PX__FACT_ONE_UNIT_MAX 0.2
#endif
#ifndef PX__FACT_SHARED_HALF
#define PX__FACT_SHARED_HALF 2.0 /* shared IDF mass at which the containment counts half */
#endif
/* Default least px__fact_score of a link in a comparison (pairwise F1 of
 * fact links on the dev events of eval/data/real). */
#define PX__FACT_THRESHOLD 0.26
/* Largest joined fact in which every cross-article pair between the two
 * groups counts in the half-must-link rule of px__facts_group (beyond it,
 * only the pairs scored). */
#define PX__FACT_WHOLE_MAX 64
/* Second claims (compare.c): a sentence joins a fact besides its own when
 * it scores at least PX__SECOND_LINK with every member of that fact, at
 * least the fact threshold with one, and PX__SECOND_ONE with it when the
 * fact is a single article's (dev events of eval/data/real). */
#define PX__SECOND_LINK 0.15
#define PX__SECOND_ONE 0.30
/* Two articles whose bags of words (IDF weights, cosine) meet under this
 * share no event: a link between their sentences stands only when it
 * scores PX__UNRELATED_LINK (compare.c, unrelated_links).  Of the linked
 * pairs of the labelled stories of eval/data/real and eval/data/disputes
 * (train), 99 in 100 have 0.21 or more and none under 0.12 (a true toll
 * dispute of dev has 0.12 to 0.15); of 500 articles drawn at random from
 * AllSides, a third of the linked pairs are under 0.12. */
#define PX__ARTICLE_AFFINITY 0.12
#define PX__UNRELATED_LINK 0.80
/* Least score of a pair of sentences whose differing numbers are reported. */
#define PX__NEAR_THRESHOLD 0.06
#ifndef PX__FACT_GAIN
#define PX__FACT_GAIN 1.0
/* Two sentences that give the same figure (PX__TERM_FIGURE: "312,000")
 * and another thing in common score at least this: "Nonfarm payrolls
 * increased by 312,000 in December" and "The economy added 312,000 jobs
 * in December" report one claim in other words. */
#define PX__FACT_FIGURE 0.35
#define PX__FACT_FIGURE_MIN 0.15
#endif
/** The same from given weights (w[0] bias, then one per feature). */
PX__HIDDEN double px__sim_apply(const double w[PX__SIM_NFEAT + 1], const double f[PX__SIM_NFEAT]);
/* A depth-2 regression tree: split f[0] < t[0]; then f[1] < t[1] on the
 * left, f[2] < t[2] on the right; leaves v[0..3] left-left .. right-right. */
typedef struct px__tree2 {
  uint8_t f[3];
  float t[3];
  float v[4];
} px__tree2;

static inline int px__tree2_leaf(const px__tree2 *tr, const double *x) {
  if (x[tr->f[0]] < tr->t[0]) return x[tr->f[1]] < tr->t[1] ? 0 : 1;
  return x[tr->f[2]] < tr->t[2] ? 2 : 3;
}

/** Probability from logistic weights w plus boosted trees on its margin. */
PX__HIDDEN double px__sim_model(const double w[PX__SIM_NFEAT + 1], const px__tree2 *trees,
                                size_t ntrees, const double f[PX__SIM_NFEAT]);

/** The built-in model and decision threshold (simmodel.c, generated by
 * eval/train_sim.py through `eval_mrpc --train --write`). */
PX__HIDDEN extern const double px__sim_weights[PX__SIM_NFEAT + 1];
PX__HIDDEN extern const double px__sim_threshold;
PX__HIDDEN extern const px__tree2 px__sim_trees[];
PX__HIDDEN extern const size_t px__sim_ntrees;
/** Names of the features, for the evaluation's printout. */
PX__HIDDEN extern const char *const px__sim_feature_names[PX__SIM_NFEAT];

/* ---------------------------------------------------------------- facts */

/* A sentence of the story: which article, which sentence. */
typedef struct px__sref {
  uint32_t art, sent;
} px__sref;

typedef struct px__link {
  uint32_t a, b; /* indexes into the sentence list, a < b, different articles */
  float score;
} px__link;

/* Limits on candidate generation. */
typedef struct px__factopts {
  double threshold;    /* least score of a link */
  uint32_t probe;      /* rarest terms of a sentence posted and probed (16) */
  uint32_t max_post;   /* neighbours visited on each side in a term's list (48) */
  uint32_t max_group_per_article; /* sentences of one article in one fact (3) */
  uint32_t keep;       /* candidates kept per sentence (24) */
  double near;         /* links down to this score are returned too (0: threshold;
                          negative: every pair scored); grouping weighs them
                          against chains, discrepancies use them */
} px__factopts;

/**
 * Find the links between sentences of different articles.  ss[i] are the
 * features of sentence i, ref[i] where it comes from.  *links is malloc'd
 * (caller frees).  *scored (may be NULL) gets the number of pairs scored.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__facts_link(const px__lex *lx, const px__ssent *ss, const px__sref *ref,
                              size_t n, const px__factopts *o, px__link **links /* OUT */,
                              size_t *nlinks /* OUT */, uint64_t *scored /* OUT */);

/**
 * Group sentences into facts from the links (strongest first, a group
 * holding at most o->max_group_per_article sentences of one article).
 * group[i] gets the fact of sentence i; facts are numbered from 0 in order
 * of their first sentence.  @return the number of facts, or -1 on ENOMEM.
 */
PX__HIDDEN long px__facts_group(const px__sref *ref, size_t n, px__link *links, size_t nlinks,
                                const px__factopts *o, uint32_t *group /* OUT: n entries */);

/**
 * The links by sentence (compressed rows): sentence i's neighbours are
 * adj[first[i]] .. adj[first[i + 1] - 1], with their scores in adj_s, each
 * link listed at both its ends in the order of links.  first holds n + 1
 * entries, adj and adj_s 2 * nlinks; every link's ends are below n.
 */
PX__HIDDEN void px__link_adjacency(const px__link *links, size_t nlinks, size_t n,
                                   uint32_t *first /* OUT */, uint32_t *adj /* OUT */,
                                   float *adj_s /* OUT */);

/* -------------------------------------------------------- numbers */

#define PX__QTY_CTX 8

/* A number as written with the word that says what it counts. */
typedef struct px__qty {
  double value;
  uint64_t unit;       /* stem hash of the counted word ("dead", "hour", "$") */
  uint32_t start, end; /* span of the number and its unit word */
  uint32_t ustart, uend; /* span of the unit word */
  double lo, hi;       /* the values the wording allows: "more than 1,000" is
                          [1000, inf), "about 40" [38, 42], "40" [40, 40] */
  uint64_t ctx[PX__QTY_CTX]; /* content stems of its clause, nearest first
                                (the unit and reporting verbs left out) */
  uint8_t nctx;
  uint8_t other_time; /* its clause refers to another time ("in 2010", "last
                         year", "previous"): background, not the event's figure */
  double prec;        /* the step of its last written digit: 0.1 for "24.7%", 10,000
                         for "1.84 million", 1 for "300" */
  uint64_t base;      /* a share: the words after "of" ("12% of voters"), 0 when
                         it names none */
  uint64_t said_of;   /* a share's first content word after its base, what the
                         share is said to do or be ("91 percent of DACA recipients
                         are employed"), 0 none */
  uint64_t names[4];  /* folds of the names in its clause (capitalised words past
                         the sentence's first, days and months left out) */
  uint8_t nnames;
  uint64_t span;      /* the span of time its clause counts over ("in the last 29
                         months", "over the next decade"): the unit's stem, 0 none */
  uint8_t session;    /* the part of a day its sentence places it in ("at the open",
                         "by midday", "closed"): bits of px__session, 0 none */
  uint8_t measure;    /* the unit is a measure ("years", "hours", "points"), not a
                         thing counted: its clause must say what it measures */
  int8_t dir;         /* its clause says which way: +1 up ("rose", "gained",
                         "added"), -1 down ("fell", "lost"), 0 neither or both */
  uint8_t part;       /* a part of a count ("nine of the 12 delegates", "three
                         other Americans") or a number that counts nothing named
                         ("now seats just eight"): a figure its sentence gives,
                         never one set against another outlet's */
  uint8_t about;      /* hedged: "about", "roughly", "some" before it */
  uint8_t currency;   /* a sum: 1 dollars, 2 pounds, 3 euros, 4 another; 0 none */
  uint8_t total;      /* its sentence says it sums up ("In all, ...", "in total",
                         "to date"): a whole, not one event's count */
} px__qty;

/** Do two quantities of one unit count the same thing about the same event:
 * neither refers to another time, and their clauses share a content word
 * ("killed 14 people" / "killing at least 12 people"; not "raised its rate
 * by 25 basis points" / "bond yields rose 18 basis points")? */
PX__HIDDEN bool px__qty_comparable(const px__qty *a, const px__qty *b);

/** Can two quantities be the same count ("more than 1,000" / "1,200",
 * "52%" / "52.4%")? */
PX__HIDDEN bool px__qty_compatible(const px__qty *a, const px__qty *b);

/**
 * The quantities of sentence sent of tx (at most max).  @return count.
 */
PX__HIDDEN size_t px__quantities(const px__text *tx, size_t sent, px__qty *out, size_t max);

/** Parse a number token ("1,200", "$4.5", "10%", "3.5") into a value. */
PX__HIDDEN bool px__parse_number(const char *p, size_t n, double *v /* OUT */);

#endif /* PX_ALIGN_H */
