/*
 * parallax.h - the public API of libparallax.
 *
 * This header is the whole API: anything not declared here is internal and
 * may change without notice.  The command-line tool in src/ uses nothing else.
 *
 * Conventions
 *  - Every function that can fail returns an int status: PX_OK (0) or one of
 *    the negative px_status codes below.  px_strerror() names it.  Results
 *    come back through out-parameters marked OUT.
 *  - Handles are opaque.  px_X_new() creates one, px_X_free() releases it;
 *    every free function accepts NULL.
 *  - Text is passed as px_str (pointer + length), UTF-8, not NUL-terminated
 *    unless stated.  A px_str returned by an accessor borrows from the handle
 *    it came from and stays valid until that handle is freed or advanced.
 *  - The library never prints, never exits and keeps no global state: all
 *    state lives in a px_ctx.  Distinct contexts may be used from distinct
 *    threads at the same time; one context is not thread-safe.
 */
#ifndef PARALLAX_H
#define PARALLAX_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PX_BUILDING_LIBRARY) && defined(__GNUC__)
#define PX_API __attribute__((visibility("default")))
#else
#define PX_API
#endif

#define PX_VERSION_MAJOR 0
#define PX_VERSION_MINOR 1
#define PX_VERSION_PATCH 0
#define PX_VERSION_STRING "0.1.0"
/* MAJOR*10000 + MINOR*100 + PATCH, comparable with px_version_number(). */
#define PX_VERSION_NUMBER \
  (PX_VERSION_MAJOR * 10000 + PX_VERSION_MINOR * 100 + PX_VERSION_PATCH)

/** @return the version of the library linked at run time (PX_VERSION_NUMBER). */
PX_API unsigned px_version_number(void);
/** @return the version as a static string, e.g. "0.1.0". */
PX_API const char *px_version_string(void);

/* ---------------------------------------------------------------- errors */

/* Status codes.  Values are stable and never renumbered; new ones are
 * appended with the next free negative number. */
typedef enum px_status {
  PX_OK = 0,
  PX_EOF = 1,            /* not an error: a reader has no more records */
  PX_ENOMEM = -1,        /* allocation failed */
  PX_EINVAL = -2,        /* invalid argument */
  PX_EIO = -3,           /* read or write failed (see errno-like detail) */
  PX_ENOTFOUND = -4,     /* file, article or story not found */
  PX_EFORMAT = -5,       /* malformed input record */
  PX_ETOOBIG = -6,       /* record or buffer over its documented cap */
  PX_ETRUNCATED = -7,    /* compressed stream or record cut short */
  PX_EBINARY = -8,       /* input is binary, not text or a known format */
  PX_ENOBODY = -9,       /* record has no article text */
  PX_EDB = -10,          /* database error */
  PX_EDBVERSION = -11,   /* database written by a newer parallax */
  PX_ENOTPARALLAX = -12, /* file is not a parallax database */
  PX_EDBFULL = -13,      /* disk or database full */
  PX_EQUERY = -14,       /* invalid query syntax */
  PX_EUNSUPPORTED = -15, /* feature or format not supported */
  PX_EDUPLICATE = -16    /* article already stored (not a failure) */
} px_status;

/** @return a static, human-readable description of a px_status code. */
PX_API const char *px_strerror(int status);

/* ------------------------------------------------------------------ text */

/* A borrowed UTF-8 byte span.  Not NUL-terminated unless a function says so. */
typedef struct px_str {
  const char *ptr;
  size_t len;
} px_str;

/* ---------------------------------------------------------------- context */

typedef struct px_ctx px_ctx;

/** Create a context.  @return PX_OK or PX_ENOMEM.  Free with px_ctx_free(). */
PX_API int px_ctx_new(px_ctx **ctx /* OUT */);
/** Release a context and everything it owns.  NULL is accepted. */
PX_API void px_ctx_free(px_ctx *ctx);

/* Limits, settable per context.  Defaults are documented in docs/limits.md. */
typedef enum px_limit {
  PX_LIMIT_RECORD_BYTES = 1, /* one input record (JSON line, file, page): 64 MiB */
  PX_LIMIT_BODY_BYTES = 2    /* one article body after decoding: 16 MiB */
} px_limit;

/** Set a limit.  @return PX_OK, or PX_EINVAL for an unknown limit or 0. */
PX_API int px_ctx_set_limit(px_ctx *ctx, px_limit which, size_t value);

/**
 * Map an article field to a JSON path for the JSON Lines reader, overriding
 * the built-in field names.  field is one of: id, source, url, title,
 * byline, date, text, language.  path is a dot-separated key path
 * ("meta.outlet.name").  Both strings are copied.
 * @return PX_OK, PX_EINVAL for an unknown field, PX_ENOMEM.
 */
PX_API int px_ctx_map_field(px_ctx *ctx, const char *field, const char *path);

/* ---------------------------------------------------------------- article */

typedef struct px_article px_article;

/** Create an empty article (for building one by hand). Free with px_article_free(). */
PX_API int px_article_new(px_article **art /* OUT */);
PX_API void px_article_free(px_article *art);

typedef enum px_field {
  PX_F_ID = 0,     /* external id as given by the input, may be empty */
  PX_F_SOURCE,     /* outlet name or domain */
  PX_F_URL,
  PX_F_TITLE,
  PX_F_BYLINE,     /* authors, comma-separated */
  PX_F_LANGUAGE,   /* ISO 639-1 when known */
  PX_F_BODY,       /* UTF-8, NFC, paragraphs separated by "\n\n" */
  PX_F_ORIGIN,     /* where it was read: "file:line" or "file#record" */
  PX_F_COUNT_
} px_field;

/** @return a field's text, borrowed from art (empty if unset). */
PX_API px_str px_article_get(const px_article *art, px_field field);
/**
 * Set a field from (ptr, len), which is copied.  Text is validated: invalid
 * UTF-8 is repaired (see px_article_repairs()); the body is NFC-normalized
 * and its paragraphs are normalized to "\n\n" separators.
 * @return PX_OK, PX_EINVAL, PX_ENOMEM or PX_ETOOBIG.
 */
PX_API int px_article_set(px_article *art, px_field field, const char *ptr, size_t len);

/** Published time, seconds since the Unix epoch, UTC; has_time is 0 when unknown. */
PX_API int64_t px_article_published(const px_article *art, int *has_time /* OUT, may be NULL */);
PX_API void px_article_set_published(px_article *art, int64_t t);
/** Store-assigned id (0 until stored or loaded from a store). */
PX_API int64_t px_article_id(const px_article *art);
/** 64-bit hash of the normalized body, used to detect exact copies. */
PX_API uint64_t px_article_content_hash(const px_article *art);
/** Number of invalid byte sequences repaired while setting fields (0 if clean). */
PX_API size_t px_article_repairs(const px_article *art);

/**
 * Parse a date as found in news data: ISO 8601 ("2023-09-13",
 * "2023-09-13T10:20:30Z", "+02:00" offsets), RFC 2822 ("Wed, 13 Sep 2023
 * 10:20:30 GMT"), "September 13, 2023", "13 Sep 2023", "9/13/2023",
 * Unix seconds.  @return PX_OK or PX_EFORMAT.
 */
PX_API int px_parse_date(const char *ptr, size_t len, int64_t *t /* OUT */);

/* ----------------------------------------------------------------- reader */

typedef struct px_reader px_reader;

/**
 * Open an input: a path to a file or folder, or "-" for standard input.
 * Compression (gzip, zstd, xz) is detected from magic bytes, the format
 * (JSON Lines, plain text) from content.  The reader streams: memory is
 * bounded by PX_LIMIT_RECORD_BYTES, not by the input size.
 * @return PX_OK, PX_ENOTFOUND, PX_EIO, PX_ENOMEM.  Free with px_reader_free().
 * The reader borrows ctx, which must outlive it.
 */
PX_API int px_reader_open(px_ctx *ctx, const char *path, px_reader **rd /* OUT */);
PX_API void px_reader_free(px_reader *rd);

/**
 * Read the next article.  On PX_OK *art points to an article owned by the
 * reader, valid until the next call or px_reader_free(); take ownership with
 * px_article_clone() if needed.  @return PX_OK, PX_EOF at the end, or a
 * negative code for a rejected record: px_reader_error() then describes it,
 * and the next call goes on with the following record.  A fatal error (an
 * unreadable stream) is returned again by every later call.
 */
PX_API int px_reader_next(px_reader *rd, px_article **art /* OUT */);

/**
 * The last rejected record's message, NUL-terminated, "file:line: reason"
 * (or "file#record: reason").  Borrowed; valid until the next call.
 */
PX_API const char *px_reader_error(const px_reader *rd);
/** 1 if the last error ended the stream (no more records can be read). */
PX_API int px_reader_error_is_fatal(const px_reader *rd);
/** Bytes consumed so far from the underlying file (compressed bytes). */
PX_API uint64_t px_reader_bytes_in(const px_reader *rd);
/** Total size of the input file in bytes, or 0 when unknown (a pipe). */
PX_API uint64_t px_reader_size(const px_reader *rd);

/** Deep copy.  @return PX_OK or PX_ENOMEM. */
PX_API int px_article_clone(const px_article *src, px_article **dst /* OUT */);

/* ------------------------------------------------------------------ store */

typedef struct px_store px_store;

typedef enum px_open_mode {
  PX_OPEN_READ = 0,    /* read-only; fails if the file does not exist */
  PX_OPEN_WRITE = 1    /* read-write; creates and migrates as needed */
} px_open_mode;

/**
 * Open (or create) a parallax database.  A file that is not a parallax
 * database is refused with PX_ENOTPARALLAX and left untouched; one written
 * by a newer schema with PX_EDBVERSION.  An older schema is migrated.
 * @return PX_OK or an error; on error *st is NULL and px_ctx_error(ctx)
 * holds the message.
 */
PX_API int px_store_open(px_ctx *ctx, const char *path, px_open_mode mode,
                         px_store **st /* OUT */);
PX_API void px_store_free(px_store *st);

/** Begin / commit a batch: all adds between them are one transaction. */
PX_API int px_store_begin(px_store *st);
PX_API int px_store_commit(px_store *st);
PX_API int px_store_rollback(px_store *st);

/**
 * Add an article.  If the same article is already stored (same source and
 * id, same url, or same content hash) nothing is written and PX_EDUPLICATE
 * is returned with *id set to the stored article's id.
 * @return PX_OK, PX_EDUPLICATE, PX_EDB, PX_EDBFULL.
 */
PX_API int px_store_add(px_store *st, const px_article *art, int64_t *id /* OUT, may be NULL */);

/** Load one article by id.  Caller frees *art.  @return PX_OK, PX_ENOTFOUND, PX_EDB. */
PX_API int px_store_get(px_store *st, int64_t id, px_article **art /* OUT */);

/** Filters for listing articles.  Zero/empty members mean "no filter". */
typedef struct px_article_filter {
  const char *source;  /* exact outlet name, NUL-terminated, or NULL */
  int64_t since;       /* published >= since (when has_since) */
  int64_t until;       /* published < until (when has_until) */
  int has_since, has_until;
  int64_t limit;       /* 0: no limit */
  int64_t offset;
} px_article_filter;

/** Callback for listings: return non-zero to stop early. art is borrowed. */
typedef int (*px_article_cb)(void *user, const px_article *art);

/** List articles by published time then id; bodies are not loaded. */
PX_API int px_store_list(px_store *st, const px_article_filter *filter,
                         px_article_cb cb, void *user);

/** Counts of what the store holds. */
typedef struct px_store_counts {
  int64_t articles;
  int64_t sources;
} px_store_counts;
PX_API int px_store_counts_get(px_store *st, px_store_counts *out /* OUT */);

/** The last detailed error message of the context, NUL-terminated, borrowed. */
PX_API const char *px_ctx_error(const px_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_H */
