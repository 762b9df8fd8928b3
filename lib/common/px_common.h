/*
 * px_common.h - internal building blocks shared by every library module:
 * the bounded growable buffer, the arena, hashing, UTF-8 helpers and the
 * context.  Names shared between library files carry the px__ prefix and
 * are hidden from the shared object.
 */
#ifndef PX_COMMON_H
#define PX_COMMON_H

#include "parallax.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PX__HIDDEN __attribute__((visibility("hidden")))
#define PX__UNUSED(x) ((void)(x))
#define PX__MIN(a, b) ((a) < (b) ? (a) : (b))
#define PX__MAX(a, b) ((a) > (b) ? (a) : (b))

/* ----------------------------------------------------------------- buffer */

/*
 * A growable byte buffer with a hard cap, so hostile input cannot grow it
 * without bound.  Always NUL-terminated after a successful append (the NUL
 * is not counted in len).  A zeroed px__buf with cap 0 has no cap
 * (use px__buf_init to set one).
 */
typedef struct px__buf {
  char *ptr;
  size_t len;
  size_t alloc;
  size_t cap;
} px__buf;

/* Is raw[0..n) a publisher of the built-in table ("Reuters", "the LA
 * Times", "NPR")?  (Names a user loaded are not asked.) */
PX__HIDDEN bool px__outlet_known(const char *raw, size_t n);
/* Is p[0..n) a broadcaster's call letters ("WSOC-TV", "KTLA", "WFAE")? */
PX__HIDDEN bool px__call_letters(const char *p, size_t n);
PX__HIDDEN void px__buf_init(px__buf *b, size_t cap);
PX__HIDDEN void px__buf_release(px__buf *b);
/** @return PX_OK, PX_ENOMEM or PX_ETOOBIG (buffer unchanged on error). */
PX__HIDDEN int px__buf_reserve(px__buf *b, size_t extra);
PX__HIDDEN int px__buf_append(px__buf *b, const void *p, size_t n);
/** Give back the room past len (a buffer held a while, whose size was
 * reserved for the worst case); its contents stay.  Kept as it is when
 * the room is small or realloc fails. */
PX__HIDDEN void px__buf_fit(px__buf *b);
PX__HIDDEN int px__buf_putc(px__buf *b, char c);
PX__HIDDEN int px__buf_puts(px__buf *b, const char *s);
PX__HIDDEN int px__buf_printf(px__buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void px__buf_clear(px__buf *b) {
  b->len = 0;
  if (b->ptr) b->ptr[0] = '\0';
}

/* ------------------------------------------------------------------ arena */

/*
 * A bump allocator for the objects of one unit of work (an article's
 * analysis, a batch).  px__arena_reset() keeps one block for reuse (as large as
 * the last round needed, up to 16 MiB).
 */
typedef struct px__arena_block px__arena_block;
typedef struct px__arena {
  px__arena_block *head;
  size_t block_size;
  size_t total; /* bytes handed out since the last reset */
} px__arena;

PX__HIDDEN void px__arena_init(px__arena *a, size_t block_size);
PX__HIDDEN void px__arena_release(px__arena *a);
PX__HIDDEN void px__arena_reset(px__arena *a);
/** @return 16-byte aligned memory, or NULL when out of memory. */
PX__HIDDEN void *px__arena_alloc(px__arena *a, size_t n);
PX__HIDDEN char *px__arena_strndup(px__arena *a, const char *p, size_t n);

/* ------------------------------------------------------------------- hash */

/** A fast 64-bit hash of bytes (not cryptographic). */
PX__HIDDEN uint64_t px__hash64(const void *p, size_t n, uint64_t seed);
/** Mix a 64-bit value (finalizer of splitmix64). */
static inline uint64_t px__mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/** qsort comparators for ascending unsigned integers. */
static inline int px__cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}
static inline int px__cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}
/** Sort v[0, n) ascending and keep one of each value.  @return the count kept. */
PX__HIDDEN size_t px__sort_unique_u64(uint64_t *v, size_t n);

/* ------------------------------------------------------------------ UTF-8 */

/**
 * Length of the valid UTF-8 sequence at p (1..4), or 0 if the bytes at p
 * do not start a valid, shortest-form, non-surrogate sequence.
 */
PX__HIDDEN size_t px__utf8_seqlen(const unsigned char *p, size_t avail);
/** Decode the valid sequence at p (caller checked px__utf8_seqlen). */
PX__HIDDEN int32_t px__utf8_decode(const unsigned char *p, size_t n);
/** Encode cp into out (>= 4 bytes). @return bytes written. */
PX__HIDDEN size_t px__utf8_encode(int32_t cp, char *out);
/** Offset of the first invalid byte, or n when the span is valid UTF-8. */
PX__HIDDEN size_t px__utf8_valid_prefix(const char *p, size_t n);

/**
 * Append src to out as valid UTF-8.  When src is not valid UTF-8 it is
 * decoded as Windows-1252 if that explains it better (mostly high bytes
 * that never form sequences), otherwise each invalid byte becomes U+FFFD.
 * NUL and C0 controls other than \t \n \r are dropped, and so are the C1
 * controls U+0080..U+009F (U+009B is a CSI to many terminals), except that
 * those Windows-1252 gives a character to (U+0092 for a quote mark, the
 * trace of a page decoded as Latin-1) become that character.
 * *repairs counts invalid sequences found; *first_bad gets the offset of
 * the first one (unchanged when none).
 */
PX__HIDDEN int px__utf8_repair(px__buf *out, const char *src, size_t n,
                               size_t *repairs, size_t *first_bad);
/**
 * Repair double-encoded UTF-8 (mojibake: UTF-8 read as Windows-1252 and
 * encoded again, "ItÃ¢â‚¬â„¢s" for "It’s"), up to three encodings deep, in
 * valid UTF-8 text.  Appends the repaired text to out only when *fixed
 * (the double-encoded sequences found in the text as given: "Ã©" is one,
 * "Ã¢â‚¬â„¢" three) is non-zero.  @return PX_OK or PX_ENOMEM.
 */
PX__HIDDEN int px__utf8_unmojibake(px__buf *out, const char *p, size_t n, size_t *fixed);

/** True when [p, p+n) holds a C1 control (U+0080..U+009F) encoded in UTF-8. */
PX__HIDDEN bool px__utf8_has_c1(const char *p, size_t n);

/**
 * Append [p, p+n) to out for display on a terminal: C0 and C1 controls,
 * DEL and bytes that are not valid UTF-8 become \xHH (each byte), the rest
 * is copied.  For outside names (file names) put into messages.
 */
PX__HIDDEN int px__escape_controls(px__buf *out, const char *p, size_t n);

/* ---------------------------------------------------------------- context */

#define PX__FIELD_PATHS 8

/* Default PX_LIMIT_SEARCH_CPU_MS: CPU milliseconds one search may take. */
#define PX__SEARCH_MS_DEFAULT ((size_t)5000)

struct px_ctx {
  size_t limit_record;
  size_t limit_body;
  size_t limit_search_ms;
  char *field_path[PX__FIELD_PATHS]; /* explicit JSON paths, by px_field-ish index */
  int skip_not_articles; /* px_ctx_skip_not_articles */
  char **alias_key, **alias_name;    /* outlet names loaded by px_ctx_load_outlets */
  size_t nalias;
  char errmsg[512];
  /* One HTML extractor kept between files (px__extractor_take/give in
   * lib/ingest/extract.c): setting up the HTML parser costs more than a
   * small page does.  Freed by px_ctx_free through spare_free. */
  void *spare;
  void (*spare_free)(void *);
};

/** A new context with ctx's limits, field paths, outlet names and choices
 * (not its error message nor its spare extractor), for a thread of its
 * own. @return status. */
PX__HIDDEN int px__ctx_clone(const px_ctx *ctx, px_ctx **out);

/** Take the article px_reader_next() last returned, leaving fresh (an
 * article of the caller's, emptied on the next read; NULL: a new one) for
 * the reader to fill next.  *taken then belongs to the caller.
 * @return status (PX_ENOMEM: nothing taken). */
PX__HIDDEN int px__reader_take(px_reader *rd, px_article *fresh, px_article **taken);

/** Record a formatted message as the context's last error. @return status. */
PX__HIDDEN int px__ctx_fail(px_ctx *ctx, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** px_parse_date that also reports the UTC offset the text stated, in
 * minutes east (*has_zone 0 when it stated none); zone and has_zone may
 * be NULL. */
PX__HIDDEN int px__parse_date_zone(const char *s, size_t n, int64_t *t, int *zone, int *has_zone);

/* ---------------------------------------------------------------- article */

struct px_article {
  px__buf field[PX_F_COUNT_];
  int64_t published;
  int has_time;
  int tz_offset; /* minutes east of UTC the published time was stated in */
  int has_tz;
  int64_t id;
  uint64_t content_hash;
  size_t repairs;
  size_t limit_body;
};

/** Reset an article for reuse, keeping its buffers. */
PX__HIDDEN void px__article_clear(px_article *art);

/** Normalize body text: NFC, paragraph breaks to "\n\n", trimmed lines. */
PX__HIDDEN int px__normalize_body(px__buf *out, const char *p, size_t n);
/* Cuts a site's name rollovers ("Name Full NameHeadline ... MORE") out of
 * normalized body text in place; the new length (rollover.c). */
PX__HIDDEN size_t px__cut_rollovers(char *p, size_t n);

#endif /* PX_COMMON_H */
