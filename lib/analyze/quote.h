/*
 * quote.h - internal interface of quotation extraction: the quote-mark
 * scanner, attribution (cue verb and speaker), and the comparison of quotes
 * across articles (variants of one remark).  See docs/quotes.md.
 *
 * Every offset is a UTF-8 byte offset into the analyzed body, half-open
 * [start, end).  Results live in a caller-supplied arena.
 */
#ifndef PX_QUOTE_H
#define PX_QUOTE_H

#include "px_common.h"
#include "text.h"
#include "entity.h"

/* ------------------------------------------------------ the mark scanner */

/* Limits of the scanner: a quote that is not closed never runs past the end
 * of its paragraph, and one that follows the continuation convention (each
 * new paragraph re-opens with a mark) runs over at most PX__QUOTE_MAX_PARAS
 * paragraphs and PX__QUOTE_MAX_BYTES bytes. */
#define PX__QUOTE_MAX_PARAS 12
#define PX__QUOTE_MAX_BYTES 16384

enum {
  PX__QS_UNCLOSED = 1,  /* no closing mark: cut at the end of its paragraph */
  PX__QS_MULTIPARA = 2, /* continued over paragraphs by re-opening marks */
  PX__QS_SINGLE = 4,    /* single marks (' ‘ ’ ‹ ›) */
  PX__QS_GUILLEMET = 8, /* « » */
  PX__QS_POST = 16      /* no marks: an embedded post's words (px__post_at) */
};

/* An embedded social-media post as a page prints it, its signature after
 * its words: "Words of the post. https://t.co/x — Jane Doe (@janedoe)
 * September 16, 2019". */
typedef struct px__post {
  uint32_t text_start, text_end;     /* the post's words, links cut off the end */
  uint32_t name_start, name_end;     /* "Jane Doe": the account's name */
  uint32_t handle_start, handle_end; /* "@janedoe" */
  uint32_t end;                      /* the first byte after the date */
} px__post;

/* The first embedded post whose handle's "(@" is at or after from in
 * [p, p+n); *from is set past it.  Its words run from the start of the
 * line of its signature; a post of more than a tweet's length (the
 * article's own prose on the line) or with no word is passed over.
 * @return true when one is found. */
PX__HIDDEN bool px__post_next(const char *p, size_t n, size_t *from, px__post *out /* OUT */);

/* One quoted stretch: its opening mark at [open, open + open_len), its
 * closing mark at [close, close + close_len) (close_len is 0 and close the
 * paragraph end when PX__QS_UNCLOSED). */
typedef struct px__qspan {
  uint32_t open, close;
  uint8_t open_len, close_len;
  uint8_t depth; /* 0 outermost, 1 nested in another quote, ... */
  uint8_t flags; /* PX__QS_* */
} px__qspan;

/**
 * Find the quoted stretches of [p, p+n): curly, straight, `` '' (NYT) and
 * « » marks, mixed in one text; nested quotes; quotes continued over
 * paragraphs.  Unbalanced marks are dropped, never paired across paragraph
 * ends (see the limits above).  *out is arena-allocated, in order of
 * opening mark.  Work is linear in n.
 * @return PX_OK or PX_ENOMEM.
 */
PX__HIDDEN int px__quote_scan(const char *p, size_t n, px__arena *arena,
                              px__qspan **out /* OUT */, size_t *nout /* OUT */);

/** The double quotation mark (or guillemet) at byte i of [p, p+n), as
 * px__quote_scan reads it: 1 opens (“ „ ‟ `` «), 2 closes (” »), 3 opens or
 * closes by context (" ''), 0 none (a single mark is none). */
PX__HIDDEN int px__double_mark(const char *p, size_t n, size_t i);

/* ----------------------------------------------------------- cue words */

/* Word classes of cues.c (hand-written table). */
enum {
  PX__CW_CUE = 1,        /* a speech verb: said, says, told, added, warned ... */
  PX__CW_CUE_WEAK = 2,   /* a verb that reports speech only with a quote or
                            "that": called, described, believes, thinks ... */
  PX__CW_PRONOUN = 4,    /* he, she, they, we, I, it */
  PX__CW_TITLE = 8,      /* a noun that stands for a person: spokesman, official */
  PX__CW_NOT_SPEAKER = 16 /* never a speaker: it, this, that, there, which ... */
};

typedef struct px__cueword {
  const char *word; /* folded form, as px__token.fold hashes it */
  uint8_t cls;      /* PX__CW_* */
  uint8_t gender;   /* pronouns: 1 male, 2 female, 3 plural/neutral, 4 first person */
} px__cueword;

PX__HIDDEN extern const px__cueword px__cuewords[];
PX__HIDDEN extern const size_t px__cueword_count;

/* ------------------------------------------------------------ extraction */

typedef struct px__qrange {
  uint32_t start, end;
} px__qrange;

typedef struct px__quote {
  uint32_t start, end;       /* from the first span's start to the last span's end */
  uint32_t span_first;       /* spans are px__quotes.span[span_first .. + nspans) */
  uint16_t nspans;
  uint8_t kind;              /* px_quote_kind */
  uint8_t flags;             /* PX__QS_* of its first mark pair */
  uint32_t cue_start, cue_end; /* the cue ("said", "according to"); equal when none */
  uint32_t spk_start, spk_end; /* the speaker as written here (name, pronoun,
                                  role); equal when none */
  int32_t entity;            /* entity index of the speaker, after resolving a
                                pronoun or role; -1 when none */
  uint32_t name_start, name_end; /* the mention that names the speaker (the
                                    antecedent of a pronoun); equal when none */
  uint32_t cstart, cend;     /* the attributed content: the quote itself, or for
                                a partial quote the reported clause around it */
} px__quote;

typedef struct px__quotes {
  px__quote *q; /* in text order */
  size_t nq;
  px__qrange *span;
  size_t nspan;
} px__quotes;

/* Tables of extraction (cue words by hash), built once, read-only after. */
typedef struct px__quotean px__quotean;

PX__HIDDEN int px__quotean_new(px__quotean **out /* OUT */);
PX__HIDDEN void px__quotean_free(px__quotean *qa);

/**
 * Extract the quotes of an analyzed text with its entities (ents may be
 * NULL: speakers are then spans without entities).  Arrays are allocated
 * from arena.  @return PX_OK or PX_ENOMEM.
 */
PX__HIDDEN int px__quotes_find(const px__quotean *qa, const px__text *tx,
                               const px__entities *ents, px__arena *arena,
                               px__quotes *out /* OUT */);

/** The quotes behind a public px_quotes (borrowed from it), for storing
 * them whole (analysis/doc_blob.c). */
PX__HIDDEN const px__quotes *px__quotes_raw(const px_quotes *qs);

/* ------------------------------------------------------------ similarity */

#define PX__QBAG_K 6 /* synonym classes kept per word */

/* A quote reduced for comparison: its distinct content words (stopwords
 * dropped), each as a stem hash (numbers by their digits) with the WordNet
 * synonym classes of the word. */
typedef struct px__qbag {
  uint64_t *stem;
  uint32_t *cls; /* PX__QBAG_K per word, UINT32_MAX when unused */
  uint32_t n;
  /* for lookups: the stems sorted, and every class of the bag sorted */
  uint64_t *sstem;
  uint32_t *scls;
  uint32_t ncls;
  /* a 1024-bit signature of every stem and class, for a cheap upper bound
   * of the similarity (px__qbag_bound) */
  uint64_t sig[16];
  /* each word's bits in a signature: its stem's, then its classes'
   * (PX__QBAG_K, 0xFFFF when unused), 1 + PX__QBAG_K per word */
  uint16_t *bit;
} px__qbag;

/* Near-verbatim: the only match that lets a quote of unknown speaker join a
 * remark (Dice of the words, or containment of a long fragment). */
#define PX__VERBATIM_MIN_WORDS 4
#define PX__VERBATIM_DICE 0.80
#define PX__VERBATIM_CONTAIN 0.90
PX__HIDDEN bool px__quote_near_verbatim(const px__qbag *a, const px__qbag *b);
/** The letters and digits of a quote, lower-cased, hashed ("good trouble."
 * and "Good trouble," are one). */
PX__HIDDEN uint64_t px__quote_fold_hash(const char *p, size_t n);
/** Words of a quote: runs of bytes between spaces, tabs and line breaks. */
PX__HIDDEN uint32_t px__quote_words(const char *p, size_t n);
/** Contradicting attributions found by px_quote_groups_finish: pairs of
 * items (2 * count entries in *pairs, borrowed) whose words are
 * near-verbatim but whose resolved speakers are two people.  @return count. */
PX__HIDDEN size_t px__quote_groups_conflicts(const px_quote_groups *g, const size_t **pairs);
/** An upper bound of px__qbag_similarity(a, b, NULL, NULL), from the
 * signatures alone. */
PX__HIDDEN double px__qbag_bound(const px__qbag *a, const px__qbag *b);

/**
 * Reduce quote text to a bag of content words.  ta supplies the tokenizer
 * and stemmer.  The arrays are arena-allocated.  @return PX_OK or PX_ENOMEM.
 */
PX__HIDDEN int px__qbag_make(px__textan *ta, const char *p, size_t n, px__arena *arena,
                             px__qbag *bag /* OUT */);

/**
 * Similarity of two bags in [0, 1]: the larger of a soft Dice coefficient
 * (a word counts 1 when the other bag has its stem, 0.7 when only a synonym)
 * and the containment of the smaller bag in the larger (a partial quote
 * inside a fuller one), damped for bags of one or two words.  weight(h)
 * gives IDF-like word weights; NULL weighs every word 1.
 */
PX__HIDDEN double px__qbag_similarity(const px__qbag *a, const px__qbag *b,
                                      double (*weight)(void *user, uint64_t h), void *user);

/** px_speaker_match on (pointer, length) names, for library callers. */
PX__HIDDEN bool px__speaker_match(const char *a, size_t na, const char *b, size_t nb);
/* px_quote_similarity of items i and j of g, from the word bags the group
 * already holds (no text analysed again). */
PX__HIDDEN double px__quote_groups_item_similarity(const px_quote_groups *g, size_t i, size_t j);
/**
 * Which of names[0..n) name the person `query` (out[i] 1 or 0): a full name
 * matches full names (px__speaker_match), a single name any name; a single
 * name is taken for a full one only when every full name of the list it can
 * be is the one asked for.  @return PX_OK, PX_ENOMEM.
 */
PX__HIDDEN int px__speaker_select(const char *query, size_t nq, const px_str *names, size_t n,
                                  uint8_t *out /* OUT: n entries */);

/* quote_syn.c, generated by scripts/gen_quote_synonyms.py from WordNet:
 * words sorted in strcmp order; word i has the classes
 * px__qsyn_cls[px__qsyn_first[i] .. px__qsyn_first[i + 1]). */
PX__HIDDEN extern const char *const px__qsyn_words[];
PX__HIDDEN extern const uint32_t px__qsyn_first[];
PX__HIDDEN extern const uint32_t px__qsyn_cls[];
PX__HIDDEN extern const size_t px__qsyn_count;

#endif /* PX_QUOTE_H */
