/*
 * compare.h - the inside of a px_comparison, shared by the builder
 * (compare.c, cquotes.c) and the renderers (lib/report/).  Everything lives
 * in the comparison's arena or in the docs it owns; it is read-only once
 * px_compare() returns.
 */
#ifndef PX_COMPARE_H
#define PX_COMPARE_H

#include "align/align.h"
#include "analyze/entity.h"

enum {
  PX__CA_EMPTY = 1,     /* no text at all */
  PX__CA_NOSENT = 2,    /* text but no sentence */
  PX__CA_FOREIGN = 4,   /* almost no English function words: another language? */
  PX__CA_DUP = 8,       /* the same body as an earlier article */
  PX__CA_NEARDUP = 16   /* a near copy of an earlier article */
};

typedef struct px__cart {
  px_article *art;         /* owned clone */
  px_doc *doc;             /* owned analysis */
  const px__text *tx;
  const px__entities *ents;
  px_str id;               /* external id, or the origin ("file:line") */
  px_str source;           /* outlet as given (may be empty) */
  px_str title;
  px_str label;            /* outlet name used in reports: source, else id */
  uint32_t outlet;         /* index into px_comparison.outlet */
  int64_t published;
  int has_time;
  int64_t store_id;        /* px_article_id (0 when not from a store) */
  double wire_share;       /* from duplicate detection; -1 when not computed */
  double title_cover;      /* how well its title names the story, 0 to 1 (the lead's) */
  long wire_source;        /* article index, -1 when none */
  long dup_of;             /* article index, -1 when none */
  const struct px__quotes *quotes; /* stored quotes (in doc's arena); NULL: extract them */
  px_str place, agency;    /* dateline, empty when none */
  uint32_t sent_first;     /* its sentences are global [sent_first, +nsent) */
  uint32_t nsent;
  uint32_t nfacts, nunique; /* facts it carries; those only its outlet carries */
  uint32_t nfurniture;     /* sentences of page furniture (left out of facts) */
  const uint8_t *furn;     /* per sentence: 1 when px__furniture_text says so */
  const uint32_t *post;    /* embedded posts' stretches, [post[2i], post[2i+1]) */
  uint32_t npost;
  unsigned flags;          /* PX__CA_* */
} px__cart;

typedef struct px__cmember {
  uint32_t art, sent;
  uint32_t start, end;
  uint32_t flags; /* PX__CM_* */
} px__cmember;
/* The member is linked at PX__CORE_LINK or more to a member of another
 * outlet (both of PX__CORE_WORDS words or more): it tells the fact as
 * another outlet does. */
#define PX__CM_ALIKE 1u

/* The root of x in a union-find over par (halving the path as it goes). */
static inline uint32_t px__uf_root(uint32_t *par, uint32_t x) {
  while (par[x] != x) x = par[x] = par[par[x]];
  return x;
}

/* A fact told alike by two outlets: a link between their members of at
 * least this (the grouping joins at PX__FACT_THRESHOLD, 0.26).  On 40
 * random AllSides stories of three outlets or more, the shared facts
 * whose strongest link between two outlets lay under 0.40 were nearly all
 * sentences on one subject rather than one claim ("Militarily, the two
 * countries share intelligence ..." / "It's hard to overstate how badly
 * ... have handled Mexico"); between 0.40 and 0.55 about half were one
 * claim.  The brief's core facts count the outlets so linked. */
#define PX__CORE_LINK 0.40f
/* ... between two sentences of this many words or more: a short sentence
 * that leans on the one before ("The same goes for nuclear weapons.", six
 * words) is contained in any longer one that shares its two nouns, and a
 * real story of six outlets showed it as a core fact told alike by three;
 * a quotation of seven ("“There's been no collusion whatsoever,” Trump
 * said.") still tells one.  On 150 random AllSides stories, 29 of 733
 * core facts went and 26 came, most of those gone a subject shared, most
 * of those come one claim. */
#define PX__CORE_WORDS 7

typedef struct px__cfact {
  uint32_t first, count;  /* members [first, first + count), by article then sentence */
  uint32_t noutlets;
  uint32_t narts;
  uint32_t earliest;      /* member index (absolute) of the first report; UINT32_MAX if undated */
  float score;            /* weakest link that joined it (1 for a single sentence) */
  float best;             /* strongest link between members of two outlets (0: none) */
  uint32_t sure;          /* outlets whose member links at PX__CORE_LINK or more to
                             another outlet's member: the outlets that tell it alike */
  uint8_t furniture;      /* page furniture (an advert, a caption...): not news */
} px__cfact;


typedef struct px__cqmember {
  uint32_t art;
  uint32_t start, end;    /* the quoted words (first span to last span) */
  uint8_t kind;           /* px_quote_kind: direct, partial, indirect */
  uint8_t trimmed;        /* a direct rendering much shorter than the remark's fullest */
  uint16_t times;         /* its article gives these very words this many times (1 or more) */
  float sim;              /* mean similarity with the remark's renderings before it */
  px_str speaker;         /* this rendering's speaker: resolved name, else as written */
  px_str key;             /* its entity key, "" when not resolved */
} px__cqmember;

typedef struct px__cquote {
  px_str name, key;       /* speaker: canonical name and key ("" when unknown) */
  uint32_t first, count;  /* px_comparison.qmem[first .. + count) */
  uint32_t noutlets;
} px__cquote;

typedef struct px__centity {
  px_str key, name;
  uint8_t type;           /* px_entity_type */
  uint32_t var_first, nvar;  /* px_comparison.var[...] */
  uint32_t art_first, nart;  /* px_comparison.eart[...]: article indexes */
  uint32_t noutlets;
  uint32_t mentions;
} px__centity;

typedef struct px__cdval {
  uint32_t art, sent;
  uint32_t start, end;    /* the number with its unit word */
  double value;
} px__cdval;

typedef struct px__cdisc {
  uint32_t fact;          /* the most central fact it was found in */
  px_str unit;            /* the unit as written in the first member ("dead", "$") */
  uint32_t first, count;  /* px_comparison.dval[...] */
  uint64_t unit_h;        /* stem hash of the unit */
} px__cdisc;

struct px_comparison {
  px__arena arena;
  px__cart *art;
  size_t nart;
  px_str *outlet;         /* distinct labels, in order of first article */
  size_t noutlet;
  px__cfact *fact;
  size_t nfact, nshared;
  size_t nfurniture;      /* facts that are page furniture */
  px__cmember *mem;
  size_t nmem;
  uint32_t *sent_fact;    /* global sentence index -> fact */
  px__cquote *quote;
  size_t nquote;
  px__cqmember *qmem;
  size_t nqmem;
  uint32_t *qconf;        /* contradicting attributions: pairs of qmem indexes */
  size_t nqconf;
  px__centity *ent;
  size_t nent;
  px_str *var;
  size_t nvar;
  uint32_t *eart;
  size_t neart;
  px__cdisc *disc;
  size_t ndisc;
  px__cdval *dval;
  size_t ndval;
  px_str *warn;           /* messages about the input, in order */
  size_t nwarn;
  px__link *near;         /* links under the threshold or across facts, for discrepancies */
  size_t nnear;
  uint64_t *flink;        /* links inside a fact at the threshold, (a << 32 | b) sorted: a
                             discrepancy sets two sentences aligned with each other */
  size_t nflink;
  /* pairs of sentences of two outlets that tell a fact alike (global
   * sentence indexes and the fact), kept from the facts to the quotes:
   * two quotations of two remarks are not one claim (not stored) */
  uint32_t *alike;        /* a, b, fact: three per pair */
  size_t nalike;
  /* figures of the run */
  uint64_t pairs_scored;
  size_t links;
  double threshold;
};

/* What a stored story brings to its comparison (lib/pipeline/story_report.c):
 * each article's analysis read from the store, not made again. */
typedef struct px__cinput {
  px_doc *doc;                     /* taken by the comparison; NULL: analyse the article */
  const struct px__quotes *quotes; /* its quotes, in doc's arena (with doc only) */
  /* With doc: per sentence of doc, 1 for the outlet's template text (its
   * other articles repeat the sentence whole): page furniture.  NULL: none. */
  const uint8_t *template_text;
} px__cinput;

/**
 * px_compare over analyses made beforehand: in[i] (may be NULL: analyse
 * every article) gives article i's doc and quotes.  Every in[i].doc is
 * taken, whatever the result (set to NULL).  @return as px_compare.
 */
PX__HIDDEN int px__compare_inputs(px_ctx *ctx, const px_article *const *arts, size_t n,
                                  const px_compare_opts *opts, px__cinput *in,
                                  px_comparison **out /* OUT */);

/** px__furniture_text (analyze/text.h) of sentence s of article a, or a
 * sentence of a post embedded in it. */
PX__HIDDEN bool px__cmp_is_furniture(const px__cart *a, uint32_t s);

/** Add a warning (printf format) to the comparison.  @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__cmp_warn(px_comparison *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * Quote variants (cquotes.c): extract every article's quotes and group
 * renderings of one remark across outlets.  Fills c->quote and c->qmem.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__cmp_quotes(px_comparison *c, px__textan *ta);

#endif /* PX_COMPARE_H */
