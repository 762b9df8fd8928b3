/*
 * text.h - internal interface of text analysis: folding, sentences, tokens,
 * stems and datelines.  Every offset is a UTF-8 byte offset into the body as
 * stored (px_article_get(art, PX_F_BODY)), half-open [start, end).
 *
 * Results are written into arrays allocated from a caller-supplied arena, so
 * one article's analysis is freed at once with px__arena_reset().
 */
#ifndef PX_TEXT_H
#define PX_TEXT_H

#include "px_common.h"

/* ------------------------------------------------------------- sentences */

typedef struct px__sentence {
  uint32_t start, end; /* trimmed: no leading/trailing white space */
  uint32_t para;       /* paragraph index, 0-based ("\n\n"-separated) */
  uint32_t tok_first;  /* index of its first token in px__text.tok */
  uint32_t tok_count;
} px__sentence;

/* ---------------------------------------------------------------- tokens */

typedef enum px__tok_kind {
  PX__TOK_WORD = 0,   /* letters, with inner hyphens/apostrophes: "Jong-un", "don't" */
  PX__TOK_NUMBER = 1, /* 3, 3.5, 1,200, 10%, $4.5, 2023 */
  PX__TOK_PUNCT = 2,  /* . , ; : ! ? ( ) - and the like */
  PX__TOK_QUOTE = 3,  /* quotation marks: " “ ” ' ‘ ’ « » `` '' */
  PX__TOK_SYMBOL = 4  /* anything else */
} px__tok_kind;

enum {
  PX__TF_CAP = 1,        /* first letter is upper case */
  PX__TF_ALLCAPS = 2,    /* all letters upper case, 2+ letters */
  PX__TF_SENT_START = 4, /* first word token of its sentence */
  PX__TF_STOP = 8,       /* a stopword */
  PX__TF_POSSESSIVE = 16 /* ended in 's / ’s (stripped from the stem) */
};

typedef struct px__token {
  uint32_t start, end; /* the token as written */
  uint8_t kind;        /* px__tok_kind */
  uint8_t flags;       /* PX__TF_* */
  uint16_t sent;       /* sentence index (saturates at 65535) */
  uint64_t fold;       /* px__word_hash of the folded form (case, diacritics, quotes
                          folded; a possessive 's is left out; numbers lose their
                          thousands commas) */
  uint64_t stem;       /* px__word_hash of the Snowball stem of the folded form, so a
                          stem hash equals the fold hash of the stem's text; 0 for
                          non-words */
} px__token;

/* --------------------------------------------------------------- dateline */

typedef struct px__dateline {
  bool found;
  uint32_t place_start, place_end;   /* "MOSCOW", "KYIV, Ukraine" */
  uint32_t agency_start, agency_end; /* "Reuters", "AP"; equal when none */
  uint32_t end;                      /* first byte of the text after the dateline */
} px__dateline;

/* ------------------------------------------------------------ the result */

typedef struct px__text {
  const char *body;
  size_t len;
  px__sentence *sent;
  size_t nsent;
  px__token *tok;
  size_t ntok;
  px__dateline dateline;
} px__text;

/* ----------------------------------------------------------- the analyzer */

/* Holds what analysis reuses between articles: the stemmer, the stopword
 * table, scratch buffers.  One per thread. */
typedef struct px__textan px__textan;

PX__HIDDEN int px__textan_new(px__textan **out /* OUT */);
PX__HIDDEN void px__textan_free(px__textan *ta);

/**
 * Analyze body [p, p+n): dateline, sentences, tokens, folds and stems.
 * Arrays are allocated from arena; out->body borrows p.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__text_analyze(px__textan *ta, const char *p, size_t n, px__arena *arena,
                                px__text *out /* OUT */);

/**
 * Sentence boundaries only (no tokens): the splitter used by
 * px__text_analyze, for evaluation and callers that need nothing else.
 * *out is arena-allocated.  @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__split_sentences(const char *p, size_t n, px__arena *arena,
                                   px__sentence **out /* OUT */, size_t *nout /* OUT */);

/**
 * Fold text for matching: lower case, diacritics removed, curly quotes and
 * apostrophes straightened, dashes to '-', NBSP and other spaces to ' ',
 * zero-width characters dropped.  map (optional, arena-allocated, one entry
 * per output byte) gives the source byte offset of each folded byte.
 */
PX__HIDDEN int px__fold(const char *p, size_t n, px__arena *arena, char **out /* OUT */,
                        size_t *nout /* OUT */, uint32_t **map /* OUT, may be NULL */);

/** Hash of a folded word, the same function px__token.fold uses; never 0
 * (always odd). */
PX__HIDDEN uint64_t px__word_hash(const char *folded, size_t n);
/** True when the folded word is an English stopword. */
PX__HIDDEN bool px__is_stopword(const char *folded, size_t n);

/* ------------------------------------------- shared inside lib/analyze only */

/** Most bytes px__fold_cp writes for one code point. */
#define PX__FOLD_MAX 32

/**
 * Fold one code point (the rules of px__fold) into out, which has room for
 * PX__FOLD_MAX bytes.  @return bytes written; 0 when the code point is
 * dropped (zero-width characters, soft hyphen).
 */
PX__HIDDEN size_t px__fold_cp(int32_t cp, char *out);

/**
 * The sentence splitter.  Splits [from, n) of p, appending sentences to the
 * malloc'd vector *v (capacity *cap, count *nv; the caller owns it and frees
 * it with free()).  *steps, when not NULL, is increased by the number of
 * inner-loop steps taken (tests use it to check that work grows linearly).
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__split_range(const char *p, size_t n, size_t from, px__sentence **v,
                               size_t *nv, size_t *cap, uint64_t *steps);

/** Find a dateline at the start of [p, p+n).  Sets out->found. */
PX__HIDDEN void px__find_dateline(const char *p, size_t n, px__dateline *out /* OUT */);

/* The tokenizer's output vector and scratch, owned by the analyzer.  The
 * vector lives in arena (it grows by taking a block twice the size and
 * copying, so a good first guess means no copy at all). */
typedef struct px__tokout {
  px__arena *arena;
  px__token *v; /* arena-allocated, n used of cap */
  size_t n, cap;
  char *fold; /* malloc'd scratch for one folded word */
  size_t fcap;
  uint64_t steps;
} px__tokout;

/* Gives the stem hash of a folded word (fold = its px__word_hash) and
 * whether it is a stopword. */
typedef uint64_t (*px__stem_fn)(void *ctx, const char *folded, size_t n, uint64_t fold,
                                bool *stop /* OUT */);

/**
 * Tokenize [a, b) of p, appending to o; tokens get sentence index sent.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__tokenize(const char *p, size_t a, size_t b, uint16_t sent, px__tokout *o,
                            px__stem_fn stem, void *ctx);

/** Inner-loop steps the analyzer has taken since it was made (for tests). */
PX__HIDDEN uint64_t px__textan_steps(const px__textan *ta);

#endif /* PX_TEXT_H */
