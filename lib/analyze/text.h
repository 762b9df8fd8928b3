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

#include <string.h>

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
  PX__TF_POSSESSIVE = 16, /* ended in 's / ’s (stripped from the stem) */
  PX__TF_FURNITURE = 32,  /* in a sentence of page furniture: set by clustering's
                             features only (story/feat.c), never by the analyzer */
  PX__TF_ASIDE = 64       /* in a sentence that is no evidence of copied text (a
                             quotation, a short line of furniture): set by
                             clustering's features only, for the wire share */
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
/* The same with a stem cache of 2^bits slots of 16 bytes (4 to 17;
 * px__textan_new: 17, 2 MB).  For a few thousand distinct words a smaller
 * cache: each page of a fresh cache touched is a page fault. */
PX__HIDDEN int px__textan_new_cache(px__textan **out /* OUT */, unsigned bits);
PX__HIDDEN void px__textan_free(px__textan *ta);

/**
 * Analyze body [p, p+n): dateline, sentences, tokens, folds and stems.
 * Arrays are allocated from arena; out->body borrows p.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__text_analyze(px__textan *ta, const char *p, size_t n, px__arena *arena,
                                px__text *out /* OUT */);

/**
 * The analysis of body [p, p+n) over sentences found before (a stored
 * analysis): the dateline as px__text_analyze finds it, the sentences
 * [sent[i].start, sent[i].end) as given (their paragraphs counted from
 * the blank lines between them) and, when ta is not NULL, their tokens,
 * folds and stems, exactly as px__text_analyze makes them for the same
 * sentences.  ta NULL: no tokens (what a renderer needs).  The caller
 * checked that the sentences are ordered and inside [0, n).  Arrays are
 * allocated from arena; out->body borrows p.  @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__text_from_sentences(px__textan *ta, const char *p, size_t n,
                                       const px__sentence *sent, size_t nsent,
                                       px__arena *arena, px__text *out /* OUT */);

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
 * zero-width characters dropped, invalid bytes to U+FFFD.  *out is
 * arena-allocated and NUL-terminated.  map (optional, arena-allocated,
 * *nout + 1 entries) gives the source byte offset of the character each
 * folded byte came from; map[*nout] is n.
 * @return PX_OK, PX_ENOMEM, PX_ETOOBIG (n over 4 GB).
 */
PX__HIDDEN int px__fold(const char *p, size_t n, px__arena *arena, char **out /* OUT */,
                        size_t *nout /* OUT */, uint32_t **map /* OUT, may be NULL */);

/** Hash of a folded word, the same function px__token.fold uses; never 0
 * (always odd). */
PX__HIDDEN uint64_t px__word_hash(const char *folded, size_t n);
/** True when the folded word is an English stopword. */
PX__HIDDEN bool px__is_stopword(const char *folded, size_t n);
/** The usual gender of a given name (ASCII, any case): 1 male, 2 female,
 * 0 unknown or worn by both (names.c). */
PX__HIDDEN int px__given_name_gender(const char *w, size_t n);

/* ------------------------------------------- shared inside lib/analyze only */

static inline uint64_t px__wh_rd8(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static inline uint64_t px__wh_rd4(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

/* 64x64 -> 128-bit multiply, folded: the mixing step of the word hash. */
static inline uint64_t px__wh_mum(uint64_t a, uint64_t b) {
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)(r >> 64) ^ (uint64_t)r;
}

/* px__word_hash, inline for the tokenizer.  Words are short, so it reads
 * them in at most four overlapping loads instead of byte by byte; longer
 * input goes 16 bytes at a time.  The result is always odd (never 0, which
 * px__token.stem keeps for "not a word"; the stem cache uses the low bit). */
static inline uint64_t px__word_hash_inline(const char *folded, size_t n) {
  const uint64_t k1 = 0xa0761d6478bd642fULL, k2 = 0xe7037ed1a0b428dbULL,
                 k3 = 0x8ebc6af09c88c6e3ULL;
  const unsigned char *p = (const unsigned char *)folded;
  uint64_t seed = 0x776f7264666f6c64ULL ^ ((uint64_t)n * k2);
  uint64_t a, b;
  if (n <= 16) {
    if (n >= 4) {
      size_t q = (n >> 3) << 2;
      a = (px__wh_rd4(p) << 32) | px__wh_rd4(p + q);
      b = (px__wh_rd4(p + n - 4) << 32) | px__wh_rd4(p + n - 4 - q);
    } else if (n > 0) {
      a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
      b = 0;
    } else {
      a = b = 0;
    }
  } else {
    size_t i = n;
    while (i > 16) {
      seed = px__wh_mum(px__wh_rd8(p) ^ k1, px__wh_rd8(p + 8) ^ seed);
      p += 16;
      i -= 16;
    }
    a = px__wh_rd8(p + i - 16);
    b = px__wh_rd8(p + i - 8);
  }
  return px__wh_mum(px__wh_mum(a ^ k1, b ^ seed) ^ k3, k2 ^ (uint64_t)n) | 1;
}

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
/** A known agency in parentheses and a dash after it at p[i] ("(AP) — "):
 * a dateline's tail, where a period before it ("SELMA, Ala. (AP) —") ends
 * no sentence. */
PX__HIDDEN bool px__agency_dash_at(const char *p, size_t n, size_t i);

/* A slot of the analyzer's stem cache: a word's fold hash and its stem
 * hash, whose low bit (word hashes are odd) holds "is a stopword". */
typedef struct px__stem_slot {
  uint64_t fold; /* 0: empty */
  uint64_t stem;
} px__stem_slot;

/* The tokenizer's output vector and scratch, owned by the analyzer.  The
 * vector lives in arena (it grows by taking a block twice the size and
 * copying, so a good first guess means no copy at all).  The tokenizer
 * looks words up in cache itself and calls the stem function on a miss. */
typedef struct px__tokout {
  px__arena *arena;
  px__stem_slot *cache; /* cache_mask + 1 slots; a word may be in either slot of
                           the pair at (fold >> 20) & cache_mask & ~1 */
  size_t cache_mask;
  px__token *v; /* arena-allocated, n used of cap */
  size_t n, cap;
  char *fold; /* malloc'd scratch for one folded word */
  size_t fcap;
  uint64_t steps;
} px__tokout;

/* Gives the stem hash of a folded word (fold = its px__word_hash) and
 * whether it is a stopword, and fills its cache slot. */
typedef uint64_t (*px__stem_fn)(void *ctx, const char *folded, size_t n, uint64_t fold,
                                bool *stop /* OUT */);

/**
 * Tokenize [a, b) of p, appending to o; tokens get sentence index sent.
 * @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__tokenize(const char *p, size_t a, size_t b, uint16_t sent, px__tokout *o,
                            px__stem_fn stem, void *ctx);

/* A column's or an explainer's title, not a news headline ("OPINION: ...",
 * "Op-Ed: ...", "Why the Iowa results are taking so long", "How Trump is
 * planning to ...", "What you need to know about ...", "Here's the real
 * reason ..."): its openings, lower case, as an X-macro list; "_" is any
 * one character, as in SQL's LIKE (no quote mark: the listing pastes them
 * into SQL).  A story's headline passes over such a title, in the brief
 * (report.c) and in the stories listing (store_story.c) alike. */
#define PX__COLUMN_TITLE_OPENINGS(X)                                                                \
  X("opinion:") X("opinion |") X("op-ed:") X("commentary:") X("editorial:") X("analysis:") X("column:") \
  X("why ") X("how ") X("what ") X("explainer:") X("fact check:") X("factbox:") X("watch:")     \
  X("here_s ")

/* A column's section in an article's address ("https://www.usatoday.com/
 * story/opinion/2020/06/24/...", "townhall.com/columnists/...", The
 * Atlantic's ".../ideas/archive/..."): "/" NAME "/" anywhere in it, any
 * case, as SQL's LIKE '%/opinion/%' finds it.  A story's headline passes
 * over its title as over a column's title, in the brief and the listing. */
#define PX__COLUMN_URL_SECTIONS(X)                                                           \
  X("opinion") X("opinions") X("op-ed") X("oped") X("commentary") X("editorial")             \
  X("editorials") X("columnists") X("columns") X("ideas") X("corner")

/**
 * Page furniture (furniture.c): whether the text of one sentence is an
 * advert, a caption or gallery control, a video player's label, an update
 * stamp, a newsletter, related-link or "click here" line, or a byline
 * inside the body.  Such text stays in the article; a comparison leaves it
 * out of its facts, quotes and discrepancies.
 */
PX__HIDDEN bool px__furniture_text(const char *p, size_t n);
/** The rule of px__furniture_text for a menu or a gallery's run of names
 * set as one sentence ("Choose your country United States of America
 * Afghanistan Albania ..."): of its words, how many are capitalized with a
 * small letter after, and how many commas it holds. */
PX__HIDDEN bool px__title_run(size_t words, size_t titled, size_t commas);
/** A related headline set in capitals inside the body ("SEN. JANE DOE
 * BLASTS NBA FOR PULLING GEAR FOLLOWING 'FREE HONG KONG' UPROAR"): six
 * words or more, no small letter, no closing punctuation.  A rule of
 * px__furniture_text, cheap enough for the quote finder. */
PX__HIDDEN bool px__caps_headline(const char *p, size_t n);
/** A news agency's photo caption ("FILE PHOTO: Protesters rally ...",
 * "FILE - In this Oct. 8, 2018, file photo, ...") or a gallery's caption
 * line ("Hide Caption 6 of 8 Photos: ... wore shirts that said ..."): rules
 * of px__furniture_text, cheap enough for the quote finder. */
PX__HIDDEN bool px__agency_caption(const char *p, size_t n);
/** The part of px__furniture_text the quote finder asks of every sentence
 * holding a quote, cheap enough for it: a video or audio player's label
 * ("JUST WATCHED <clip> Replay More Videos ...", "MUST WATCH <clip> 02:17",
 * "<clip> Listen · 3:41"), whose clip titles read as quotes. */
PX__HIDDEN bool px__player_label(const char *p, size_t n);
/** A video's blurb behind its player's close button: "CLOSE A bipartisan
 * group of senators ..." (its paragraph is the blurb). */
PX__HIDDEN bool px__video_blurb(const char *p, size_t n);
/** An author's note ("Michael Hirsh is national editor for Politico
 * Magazine."): a name, "is", a writer's role and what it is at, in
 * max_words words at most. */
PX__HIDDEN bool px__author_bio(const char *p, size_t n, size_t max_words);

/** Inner-loop steps the analyzer has taken since it was made (for tests). */
PX__HIDDEN uint64_t px__textan_steps(const px__textan *ta);

/* The first token of tx starting at or after byte off (tx->ntok when none). */
PX__HIDDEN size_t px__token_at(const px__text *tx, uint32_t off);

#endif /* PX_TEXT_H */
