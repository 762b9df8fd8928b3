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
  PX_EDUPLICATE = -16,   /* article already stored (not a failure) */
  PX_ECANCELED = -17     /* stopped by the caller (a callback asked to cancel) */
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
  PX_LIMIT_BODY_BYTES = 2,   /* one article body after decoding: 16 MiB */
  PX_LIMIT_SEARCH_CPU_MS = 3 /* CPU time one search may take, in ms: 5,000 */
} px_limit;

/** Set a limit.  @return PX_OK, or PX_EINVAL for an unknown limit or 0. */
PX_API int px_ctx_set_limit(px_ctx *ctx, px_limit which, size_t value);

/**
 * Web pages that are not articles (a listing, a product, a forum thread,
 * documentation, a service or other page with little prose: see
 * docs/extraction.md).  By default (skip 0) such a page is read as an
 * article whose PX_F_META holds {"not_article":"KIND"}; with skip 1 the
 * HTML, WARC and px_article_from_html readers reject it with PX_ENOBODY
 * and the message "not an article (KIND page)".
 * @return PX_OK, or PX_EINVAL for a NULL ctx.
 */
PX_API int px_ctx_skip_not_articles(px_ctx *ctx, int skip);

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
  PX_F_META,       /* the input's fields parallax does not use, as one JSON object
                      ({"topic":"...","bias":"left"}); empty when none */
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
/**
 * The UTC offset, in minutes east of UTC, that the published time was
 * stated in by its source ("2025-06-25T21:30:00-04:00" gives -240): the
 * source's local date and time are published + offset * 60.  has_offset
 * (may be NULL) is 0, and 0 is returned, when the source gave no offset or
 * there is no published time.  px_article_set_published clears it.
 */
PX_API int px_article_published_offset(const px_article *art, int *has_offset /* OUT */);
/** Record the offset of the published time already set. @return PX_OK, PX_EINVAL
 * (no published time, or an offset beyond +-18 hours). */
PX_API int px_article_set_published_offset(px_article *art, int minutes);
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

/* ---------------------------------------------------------------- outlets */
/**
 * The canonical name of an outlet as an input spells it: a domain or URL
 * ("nytimes.com", "https://www.nytimes.com/x"), a brand ("NYT"), a feed
 * title or desk ("New York Times - Opinion", "CNN (Web News)") all give
 * "The New York Times" / "CNN".  The names loaded into ctx with
 * px_ctx_load_outlets() come first (ctx may be NULL), then a table of
 * common publishers; an unknown domain gives its host without "www.", an
 * unknown name itself (trimmed, spaces collapsed).  The name is written to
 * out (NUL-terminated, cut to cap - 1 bytes); *len (may be NULL) gets its
 * full length.  @return PX_OK, PX_EINVAL.
 */
PX_API int px_outlet_name(const px_ctx *ctx, const char *raw, size_t n, char *out, size_t cap,
                          size_t *len /* OUT, may be NULL */);
/**
 * Load outlet names from a file: lines "ALIAS<TAB>NAME" (a domain, a URL or
 * a name, then its canonical name; '#' starts a comment line), added to
 * ctx's and read before the built-in table.  @return PX_OK, PX_ENOTFOUND,
 * PX_EFORMAT (px_ctx_error() names the file and line), PX_ENOMEM.
 */
PX_API int px_ctx_load_outlets(px_ctx *ctx, const char *path);

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
 * Open a buffer in memory as an input, e.g. a feed or a page just fetched:
 * p[0..n) is copied.  origin names it in articles (PX_F_ORIGIN "origin:item
 * 3") and in errors; format forces one format ("feed", "html", "jsonl",
 * "text", "warc") or NULL to detect it from the content as for a file.
 * "feed-links" reads a feed for a caller that fetches each item's page: an
 * item with an http(s) link and no text in its description comes with an
 * empty body instead of being rejected.
 * @return PX_OK, PX_EINVAL (an unknown format: px_ctx_error() says so),
 * PX_ENOMEM.  Free with px_reader_free(); ctx must outlive the reader.
 */
PX_API int px_reader_open_mem(px_ctx *ctx, const void *p, size_t n, const char *origin,
                              const char *format, px_reader **rd /* OUT */);
/**
 * Read one web page held in memory (the bytes as fetched, any charset) into
 * art: main text, title, byline, date, language, canonical URL, outlet.
 * Fields already set in art (say, from the feed that linked the page) are
 * kept where the page has nothing better.  content_type is the HTTP
 * Content-Type value (charset hint) or NULL; url where the page was fetched
 * or NULL.  @return PX_OK, PX_ENOBODY (no article text found),
 * PX_EUNSUPPORTED (unknown charset), PX_ETOOBIG (over
 * PX_LIMIT_RECORD_BYTES), PX_ENOMEM, PX_EINVAL; px_ctx_error() says why,
 * naming url.
 */
PX_API int px_article_from_html(px_ctx *ctx, const char *html, size_t len,
                                const char *content_type, const char *url, px_article *art);

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
 * path may name a folder (the output of parallax-mpi): its parallax.db is
 * opened.
 * @return PX_OK or an error; on error *st is NULL and px_ctx_error(ctx)
 * holds the message.
 */
PX_API int px_store_open(px_ctx *ctx, const char *path, px_open_mode mode,
                         px_store **st /* OUT */);

/**
 * Say, before the process's first px_store_open, that it will write many
 * articles (an ingest, a watcher): SQLite's page cache then comes from one
 * pool of huge pages, which saves a whole-corpus ingest about 5 % of its
 * time but is resident (about 70 MB) from the first open on.  Without it,
 * as for a query, the cache takes memory as it fills.  No effect after the
 * first open, or when SQLite was set up by another library first.
 */
PX_API void px_store_prefer_bulk(void);
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
  int64_t undated;          /* articles without a publication time */
  int64_t first, last;      /* publication time range (when articles - undated > 0) */
  int64_t stories;          /* 0 until stories are built */
  int64_t quotes;           /* 0 until quotes are stored */
  int64_t entities;         /* distinct entity keys, 0 until stored */
  int64_t body_bytes;       /* total size of stored bodies */
  int64_t file_bytes;       /* size of the database file (pages in use) */
  int schema_version;
} px_store_counts;
PX_API int px_store_counts_get(px_store *st, px_store_counts *out /* OUT */);

/** Outlets by article count, largest first; name is borrowed for the call. */
typedef int (*px_outlet_cb)(void *user, px_str name, int64_t articles);
PX_API int px_store_outlets(px_store *st, int64_t limit, px_outlet_cb cb, void *user);

/**
 * Copy articles of another parallax database src (a shard written by
 * parallax-mpi, docs/scale.md) into st, with their stored analysis
 * (sentences, entities, quotes, speakers) and search index rows, without
 * analysing them again.  map holds n pairs (src id, dst id), 2n values:
 * each src article is stored under its dst id; pairs whose dst id is
 * already stored (a rerun) or whose src id is not in src are skipped.
 * Stories are not copied: cluster afterwards (px_store_cluster_new_articles).
 * One transaction: src is imported whole or not at all.  st must be opened
 * with PX_OPEN_WRITE and have no open batch; src must have the same schema
 * version.  *imported (may be NULL) gets the number of articles copied.
 * @return PX_OK, PX_EINVAL, PX_ENOTFOUND, PX_ENOTPARALLAX, PX_EDBVERSION,
 * PX_ENOMEM, PX_EDB, PX_EDBFULL.
 */
PX_API int px_store_import(px_store *st, const char *src, const int64_t *map, size_t n,
                           int64_t *imported /* OUT, may be NULL */);

/**
 * Merge the full-text index after an ingest so searches stay fast: when it
 * has more than 32 segments (each ingest batch writes one), all are merged
 * into one, which costs a few seconds on a corpus of 200 MB; otherwise
 * nothing is done.  Safe to call any time.
 * @return PX_OK or a store error.
 */
PX_API int px_store_optimize(px_store *st);

/* One full-text search hit; strings are borrowed for the callback's duration. */
typedef struct px_search_hit {
  int64_t id;
  px_str source, title, url;
  px_str snippet;  /* matched terms wrapped in \x01 ... \x02 */
  int64_t published;
  int has_time;
  double score;    /* bm25: lower is better */
  px_str ext_id;   /* the input's own id, empty when none */
} px_search_hit;

typedef int (*px_search_cb)(void *user, const px_search_hit *hit);

/**
 * Full-text search over titles and bodies (SQLite FTS5 syntax: words, "a
 * phrase", prefix*, AND/OR/NOT, NEAR()).  filter limits by outlet, time
 * and count (limit 0 means 20).  Ranked by bm25 with titles weighted 3x.
 * @return PX_OK; PX_EQUERY for a query FTS5 cannot parse (px_ctx_error()
 * says why); PX_EDB.
 */
PX_API int px_store_search(px_store *st, const char *query, const px_article_filter *filter,
                           px_search_cb cb, void *user);

/** The last detailed error message of the context, NUL-terminated, borrowed. */
PX_API const char *px_ctx_error(const px_ctx *ctx);

/**
 * Articles whose input id (ext_id) is ext_id, of outlet source when not
 * NULL, by store id: the first max ids go into ids, *n gets how many match
 * in all (0: none; more than 1: the id is shared by several outlets).
 * @return PX_OK, PX_EINVAL, PX_EDB.
 */
PX_API int px_store_find_ext_id(px_store *st, const char *ext_id, const char *source,
                                int64_t *ids /* OUT */, size_t max, size_t *n /* OUT */);

/** The story of stored article id (*story 0 when not yet clustered).
 * @return PX_OK, PX_ENOTFOUND (no such article), PX_EDB. */
PX_API int px_store_article_story(px_store *st, int64_t article, int64_t *story /* OUT */);

/* ------------------------------------------------- duplicates and stories */

/* Options of duplicate detection and story clustering (docs/stories.md).
 * Fill with px_story_opts_init(), then change what you need. */
typedef struct px_story_opts {
  double window_days;     /* a story takes articles up to this long after its last one (3) */
  double join_threshold;  /* least cosine similarity to join a story (see docs) */
  double title_weight;    /* a title word counts as this many body words (3) */
  double dup_threshold;   /* least estimated containment of a near-duplicate (0.7) */
  int min_dup_words;      /* bodies with fewer words are never near-duplicates (40) */
  int batch;              /* 1: collect everything, cluster in px_stories_finish() */
  int64_t now;            /* dates after now + 2 days are implausible; 0: the clock */
  int64_t max_active;     /* most stories kept open at once (50000) */
  double span_days;       /* a story (an event) spans at most this long (4) */
  int undated;            /* PX_UNDATED_*: where an undated article may go */
  double thread_days;     /* a thread links stories up to this far apart (21) */
  double thread_threshold; /* least centroid cosine to link two stories in a thread */
  int64_t pass_articles;  /* a stored collection's new articles are clustered in passes of
                             this many, each with at most this many stored ones: what
                             bounds clustering memory (20000; docs/limits.md) */
} px_story_opts;

/* Undated articles (no date, an implausible one, none found in the URL or
 * the body's opening): */
enum {
  PX_UNDATED_AUTO = 0,  /* ALONE when the collection has dated articles, else JOIN */
  PX_UNDATED_JOIN = 1,  /* clustered by text alone */
  PX_UNDATED_ALONE = 2  /* own story unless it copies another article (near-verbatim) */
};

PX_API void px_story_opts_init(px_story_opts *o /* OUT */);

/* Flags of an article's result. */
enum {
  PX_SF_UNDATED = 1,     /* no date: clustered by text alone */
  PX_SF_BAD_DATE = 2,    /* date before 1980 or in the future: treated as undated */
  PX_SF_SHORT = 4,       /* body too short to be a near-duplicate */
  PX_SF_BOILERPLATE = 8, /* short body shared by articles with other titles: ignored */
  PX_SF_DATE_FROM_TEXT = 16, /* undated, placed by a date found in its URL or body */
  PX_SF_UNPLACED = 32    /* undated, no evidence to place it: left alone */
};

/* What became of one article.  Article indexes count px_*_add calls from 0. */
typedef struct px_story_result {
  int64_t story;        /* story index (0-based, in order of opening); -1 for dedup only */
  double similarity;    /* cosine with the story when it joined; 1 when it opened it */
  int64_t dup_group;    /* index of the first article of its duplicate group (own index if none) */
  int64_t dup_of;       /* earlier article it copies, -1 when none */
  int dup_exact;        /* 1 when dup_of has the same body byte for byte */
  double dup_sim;       /* estimated containment of the two bodies' shingles */
  double wire_share;    /* share of its sentences first seen in another outlet's article */
  int64_t wire_source;  /* the article most of them came from, -1 when none */
  unsigned flags;       /* PX_SF_* */
} px_story_result;

/* Duplicate detection alone: exact and near-duplicate copies, streaming.
 * Memory grows by about 600 bytes per article plus 16 per distinct sentence. */
typedef struct px_dedup px_dedup;

/** @return PX_OK or PX_ENOMEM.  opts may be NULL (defaults).  ctx must outlive it. */
PX_API int px_dedup_new(px_ctx *ctx, const px_story_opts *opts, px_dedup **out /* OUT */);
PX_API void px_dedup_free(px_dedup *dd);
/** Add the next article (borrowed for the call); fills *res (story is -1).
 * @return PX_OK, PX_ENOMEM. */
PX_API int px_dedup_add(px_dedup *dd, const px_article *art, px_story_result *res /* OUT */);

/* Story clustering with duplicate detection.  Online mode (the default):
 * each px_stories_add() places the article at once, in a story of the
 * window or a new one; feed articles in time order.  Batch mode
 * (opts.batch): px_stories_add() only collects, px_stories_finish() sorts by
 * time, learns term frequencies from the whole archive and clusters. */
typedef struct px_stories px_stories;

PX_API int px_stories_new(px_ctx *ctx, const px_story_opts *opts, px_stories **out /* OUT */);
PX_API void px_stories_free(px_stories *sx);
/** Add an article (borrowed for the call).  *index gets its index.
 * @return PX_OK, PX_ENOMEM. */
PX_API int px_stories_add(px_stories *sx, const px_article *art, int64_t *index /* OUT, may be NULL */);
/** Batch mode: cluster what was added.  Online mode: nothing to do.  @return PX_OK, PX_ENOMEM. */
PX_API int px_stories_finish(px_stories *sx);
/** The result of article index (online: at once; batch: after finish).
 * @return PX_OK, PX_EINVAL for an index out of range. */
PX_API int px_stories_result(const px_stories *sx, int64_t index, px_story_result *res /* OUT */);
/** Number of stories opened so far. */
PX_API int64_t px_stories_count(const px_stories *sx);

/* Clustering split over processes (parallax-mpi, docs/scale.md): the terms
 * an article is clustered by, document frequencies of a larger collection,
 * and a batch story's central member and signature. */
typedef struct px_story_term {
  uint64_t hash; /* the term's hash: the same in every process */
  float tf;      /* its weighted count in the article (title words weigh more) */
} px_story_term;
typedef struct px_story_doc {
  int64_t t;      /* the time clustering uses (published, or a date in the text) */
  int has_time;   /* 0: undated */
  unsigned flags; /* PX_SF_UNDATED, PX_SF_DATE_FROM_TEXT, ... */
  int64_t words;  /* word tokens of title and body */
  int64_t published; /* the article's published time (has_published: it has one) */
  int has_published;
  uint64_t content;  /* px_article_content_hash of the article */
} px_story_doc;
/** The terms px_stories_add would count for art, without adding it.
 * *terms (malloc'd, caller frees; NULL when *n is 0) sorted by hash.
 * @return PX_OK, PX_EINVAL, PX_ENOMEM. */
PX_API int px_stories_terms(px_stories *sx, const px_article *art, px_story_term **terms /* OUT */,
                            size_t *n /* OUT */, px_story_doc *doc /* OUT */);
/** px_stories_terms from an article's feature record (px_store_feature_record)
 * instead of the article: no analysis.  @return PX_OK, PX_EINVAL, PX_EFORMAT
 * (not a whole record), PX_ENOMEM. */
PX_API int px_stories_terms_record(px_stories *sx, const void *rec, size_t nrec,
                                   px_story_term **terms /* OUT */, size_t *n /* OUT */,
                                   px_story_doc *doc /* OUT */);
/** The sentence hashes of the article last given to px_stories_terms or
 * px_stories_terms_record, in its order (0 for a sentence too short to
 * count); *hashes belongs to sx, valid until its next call.  A position in
 * this list is what px_stories_set_boilerplate and px_stories_dup_keys take.
 * @return PX_OK, PX_EINVAL (no such article). */
PX_API int px_stories_sentences(const px_stories *sx, const uint64_t **hashes /* OUT */,
                                size_t *n /* OUT */);
/** A sentence that this many articles carry is boilerplate to the clusterer. */
#define PX_STORY_BOILERPLATE_DF 40
/** The most keys px_stories_dup_keys gives. */
#define PX_STORY_DUP_KEYS 48
/** The keys under which the clusterer looks for copies of the article last
 * given to px_stories_terms*: its exact-copy keys and its near-duplicate
 * sketch's band keys, the sentences at positions boiler[0..nboiler) left out
 * of the sketch as boilerplate.  Two articles it can mark as duplicates of
 * each other share a key.  keys holds PX_STORY_DUP_KEYS.
 * @return PX_OK, PX_EINVAL, PX_ENOMEM. */
PX_API int px_stories_dup_keys(px_stories *sx, const uint32_t *boiler, size_t nboiler,
                               uint64_t *keys /* OUT */, size_t *n /* OUT */);
/** For the next article added: the positions of its sentences (see
 * px_stories_sentences) that a larger collection carries often enough, up
 * to this article, to be boilerplate (left out of its duplicate sketch and
 * wire share).  Copied.  @return PX_OK, PX_EINVAL, PX_ENOMEM. */
PX_API int px_stories_set_boilerplate(px_stories *sx, const uint32_t *pos, size_t n);
/** px_stories_add from the article's feature record: no analysis.
 * @return PX_OK, PX_EINVAL (entity weights on: they need the text),
 * PX_EFORMAT (not a whole record), PX_ENOMEM. */
PX_API int px_stories_add_record(px_stories *sx, const void *rec, size_t n,
                                 int64_t *index /* OUT, may be NULL */);
/** The inverse document frequency the clusterer gives a term in df of ndocs articles. */
PX_API double px_story_idf(uint64_t df, uint64_t ndocs);
/** Batch mode, before px_stories_finish(): weigh terms by the document
 * frequencies df[i] of hashes[i] (n entries, any order; copied) in a
 * collection of ndocs articles instead of the counts of what was added
 * (terms not listed keep those).  @return PX_OK, PX_EINVAL, PX_ENOMEM. */
PX_API int px_stories_set_df(px_stories *sx, const uint64_t *hashes, const uint32_t *df, size_t n,
                             uint64_t ndocs);
/** Batch mode, after px_stories_finish(): story's central article (its
 * index) and signature (*nsig <= 40 terms: hash and weight, unit length;
 * sig_h and sig_w hold 40).  @return PX_OK, PX_EINVAL. */
PX_API int px_stories_story(const px_stories *sx, int64_t story, int64_t *central /* OUT */,
                            uint64_t *sig_h /* OUT */, float *sig_w /* OUT */, size_t *nsig /* OUT */);

/* Stories in the store. */

/** Cluster the stored articles that have no story yet, in time order, into
 * the stored stories (those still inside the window) or new ones, and record
 * duplicates and wire share.  opts may be NULL.  Runs in one transaction
 * unless one is already open.  *added (may be NULL) gets the number placed.
 * @return PX_OK or a store error. */
PX_API int px_store_cluster_new_articles(px_store *st, const px_story_opts *opts,
                                         int64_t *added /* OUT, may be NULL */);

/** The feature record (what clustering needs of an article's analysis) this
 * process's ingest made for stored article id, while st is open: *rec
 * belongs to st, valid until its next call.  Nothing is analysed again
 * with it (px_stories_terms_record, px_stories_add_record).
 * @return PX_OK, PX_ENOTFOUND (none kept), PX_EINVAL. */
PX_API int px_store_feature_record(px_store *st, int64_t id, const void **rec /* OUT */,
                                   size_t *n /* OUT */);

/* A stored article's place in a story clustered elsewhere (px_store_add_story). */
typedef struct px_story_place {
  int64_t article;     /* stored id, not yet in a story */
  double similarity;
  int64_t dup_of;      /* stored id of the article it copies, 0 when none */
  int dup_exact;
  double dup_sim;
  double wire_share;
  int64_t wire_source; /* stored id, 0 when none */
  unsigned flags;      /* PX_SF_* */
} px_story_place;
/** Store a story clustered elsewhere (px_stories_story): its members m[0..n),
 * its central article and signature (nsig <= 40).  *story gets its id.
 * Call inside px_store_begin/commit, then px_store_link_stories.
 * @return PX_OK, PX_EINVAL, PX_EDB. */
PX_API int px_store_add_story(px_store *st, const px_story_place *m, size_t n, int64_t central,
                              const uint64_t *sig_h, const float *sig_w, size_t nsig,
                              int64_t *story /* OUT, may be NULL */);
/** Link stories ids[0..n) into threads, as clustering does.  opts may be NULL.
 * @return PX_OK or a store error. */
PX_API int px_store_link_stories(px_store *st, const px_story_opts *opts, const int64_t *ids,
                                 size_t n);

typedef struct px_story_info {
  int64_t id;
  px_str headline;      /* the title of its most central article (borrowed for the callback) */
  int64_t first, last;  /* published times; has_time 0 when none of its articles is dated */
  int has_time;
  int64_t articles;
  int64_t outlets;
  int64_t duplicates;   /* articles that copy another article of the story */
  int64_t thread;       /* its thread: the id of the thread's first story */
} px_story_info;

typedef struct px_story_filter {
  int64_t since, until; /* the story overlaps [since, until) (when has_*) */
  int has_since, has_until;
  int64_t min_outlets;  /* 0: any */
  const char *outlet;   /* has an article from this outlet (exact), or NULL */
  int64_t limit;        /* 0: no limit */
} px_story_filter;

typedef int (*px_story_cb)(void *user, const px_story_info *info);
/** List stories, latest first.  @return PX_OK or a store error. */
PX_API int px_store_stories(px_store *st, const px_story_filter *filter, px_story_cb cb,
                            void *user);
/** One story's summary, given to cb as by px_store_stories().
 * @return PX_OK, PX_ENOTFOUND, PX_EDB. */
PX_API int px_store_story_get(px_store *st, int64_t id, px_story_cb cb, void *user);

typedef struct px_story_member {
  const px_article *art; /* borrowed for the callback; body not loaded */
  int64_t dup_of;        /* article id it copies, 0 when none */
  int dup_exact;
  double wire_share;
  int64_t wire_source;   /* article id, 0 when none */
  unsigned flags;        /* PX_SF_* */
  px_str wire_outlet;    /* outlet of wire_source (borrowed for the callback) */
} px_story_member;

typedef int (*px_story_member_cb)(void *user, const px_story_member *m);
/** A story's articles by time.  @return PX_OK, PX_ENOTFOUND, PX_EDB. */
PX_API int px_store_story_articles(px_store *st, int64_t id, px_story_member_cb cb, void *user);

/* Reading while another process writes (the web server beside an ingest). */

/**
 * Begin a read snapshot: every query on st until px_store_read_end() sees
 * the store as it was at this call, whatever writers commit meanwhile (a
 * page assembled from several queries is consistent).  Keep it short: a
 * long snapshot keeps the write-ahead log from being checkpointed.
 * @return PX_OK, PX_EINVAL (a batch or snapshot is open), PX_EDB.
 */
PX_API int px_store_read_begin(px_store *st);
/** End the snapshot begun by px_store_read_begin() (PX_OK when none). */
PX_API int px_store_read_end(px_store *st);

/* What changes when a writer adds articles or places them in stories:
 * cheap to read (three index lookups), for a reader that caches what it
 * built until the store changes. */
typedef struct px_store_mark {
  int64_t last_article;   /* the highest article id (ids grow; nothing is deleted) */
  int64_t last_clustered; /* the highest article id placed in a story */
  int64_t last_published; /* the latest publication time (when has_published) */
  int has_published;
} px_store_mark;
/** @return PX_OK or PX_EDB. */
PX_API int px_store_mark_get(px_store *st, px_store_mark *out /* OUT */);
/**
 * A number that changes whenever another connection has committed a change
 * to the store since the last call on this handle (SQLite's data_version):
 * a reader polls it to learn, without reading any table, that what it
 * built from the store may be out of date.  Commits made through st itself
 * do not change it.  @return PX_OK or PX_EDB.
 */
PX_API int px_store_data_version(px_store *st, int64_t *out /* OUT */);


/**
 * The articles that mention the entity with this key (px_doc_entity's key),
 * latest first, bodies not loaded; limit 0: no limit.
 * @return PX_OK or a store error.
 */
PX_API int px_store_entity_articles(px_store *st, const char *key, int64_t limit,
                                    px_article_cb cb, void *user);
/* Threads: stories about one developing matter, linked when a story is
 * like an earlier one ending at most thread_days before it (docs/stories.md).
 * A thread's id is the id of its first story. */
typedef struct px_thread_info {
  int64_t id;
  px_str headline;      /* the headline of its largest story, as px_store_stories gives it
                           (borrowed for the callback) */
  int64_t first, last;  /* has_time 0 when none of its articles is dated */
  int has_time;
  int64_t stories, articles, outlets;
} px_thread_info;

typedef int (*px_thread_cb)(void *user, const px_thread_info *info);
/** List threads of at least min_stories stories (1: every story's), latest
 * first, at most limit (0: all).  @return PX_OK or a store error. */
PX_API int px_store_threads(px_store *st, int64_t min_stories, int64_t limit, px_thread_cb cb,
                            void *user);

/* One story of a thread, with what it brings that the thread's earlier
 * stories did not (all borrowed for the callback). */
typedef struct px_thread_step {
  const px_story_info *story;
  const px_str *new_outlets;   /* outlets covering the thread for the first time */
  size_t n_new_outlets;
  const px_str *new_speakers;  /* speakers quoted for the first time (needs analysis) */
  size_t n_new_speakers;
  const px_str *new_names;     /* names (entities in two or more of its articles) new to the thread */
  size_t n_new_names;
} px_thread_step;

typedef int (*px_thread_step_cb)(void *user, const px_thread_step *step);
/** The stories of thread id in time order.  @return PX_OK, PX_ENOTFOUND, PX_EDB. */
PX_API int px_store_thread_stories(px_store *st, int64_t id, px_thread_step_cb cb, void *user);

/* ============================================================== analysis */
/*
 * Per-article analysis: sentences, the dateline, and named entities with
 * their mentions merged (see docs/analyze.md).  An analyzer holds the
 * tables and scratch space reused between articles: create one per thread.
 * Each px_analyze() returns a px_doc the caller owns; it holds its own copy
 * of the body, so it stays valid after the article is freed or the reader
 * advances.  Every offset is a UTF-8 byte offset into that body (the same
 * bytes as px_article_get(art, PX_F_BODY)), half-open [start, end).
 */
typedef struct px_analyzer px_analyzer;
typedef struct px_doc px_doc;

/**
 * Create an analyzer.  It borrows ctx (which must outlive it) for limits
 * and error messages.  @return PX_OK, PX_EINVAL, PX_ENOMEM.
 * Free with px_analyzer_free() (NULL accepted).
 */
PX_API int px_analyzer_new(px_ctx *ctx, px_analyzer **an /* OUT */);
PX_API void px_analyzer_free(px_analyzer *an);

/**
 * Analyze an article's body.  On PX_OK *doc is a new analysis owned by the
 * caller: free it with px_doc_free().  An empty body gives an empty doc.
 * The article's language (PX_F_LANGUAGE, identified with px_langid when the
 * article has none) decides what is run: entities and quotes are found in
 * English only; an article in another language gets its sentences and
 * dateline, and no entities or quotes (px_doc_language() tells which).
 * @return PX_OK, PX_EINVAL, PX_ENOMEM, PX_ETOOBIG.
 */
PX_API int px_analyze(px_analyzer *an, const px_article *art, px_doc **doc /* OUT */);
/** The same for bare text (UTF-8, as a stored body would be). */
PX_API int px_analyze_text(px_analyzer *an, const char *text, size_t len,
                           px_doc **doc /* OUT */);
/** Release a doc and everything borrowed from it.  NULL is accepted. */
PX_API void px_doc_free(px_doc *doc);

/** The analyzed body, borrowed from doc (also NUL-terminated). */
PX_API px_str px_doc_body(const px_doc *doc);
/**
 * The language the doc was analyzed as ("en", "de", ... or "" when unknown,
 * analyzed as English), borrowed from doc.  When px_lang_is_english() is 0
 * for it, the doc has no entities and yields no quotes.
 */
PX_API px_str px_doc_language(const px_doc *doc);

/* ------------------------------------------------------------- languages */
/*
 * Language identification with libexttextcat's character n-gram profiles
 * (Debian package libexttextcat-data; about 160 languages, loaded once
 * per process and shared read-only by every handle).  A handle is not thread-safe: one per thread; a handle is
 * cheap (a few kilobytes) once the profiles are loaded.
 */
typedef struct px_langid px_langid;
/** @return PX_OK, PX_EUNSUPPORTED (the profiles are not installed:
 * px_ctx_error() says where they were looked for), PX_ENOMEM.  ctx may be
 * NULL.  Free with px_langid_free() (NULL accepted). */
PX_API int px_langid_new(px_ctx *ctx, px_langid **li /* OUT */);
PX_API void px_langid_free(px_langid *li);
/**
 * The language of text[0..len) (its first 1200 bytes are read): an ISO
 * 639-1 code ("en", "de"; ISO 639-3 for a language without one) written to
 * code (at most 8 bytes with the NUL), or "" when the text is too short or
 * several languages fit it equally.  @return PX_OK, PX_EINVAL.
 */
PX_API int px_langid_identify(px_langid *li, const char *text, size_t len, char code[8] /* OUT */);
/** The language of an article, from its title and the opening of its body
 * (PX_F_LANGUAGE is not read).  @return PX_OK, PX_EINVAL. */
PX_API int px_langid_article(px_langid *li, const px_article *art, char code[8] /* OUT */);
/** 1 when a language value (a code, "en-US", "eng", "English", or empty =
 * unknown) is read as English by the analysis, else 0. */
PX_API int px_lang_is_english(const char *p, size_t n);

PX_API size_t px_doc_sentence_count(const px_doc *doc);
/** Sentence i: [*start, *end), trimmed.  @return PX_OK or PX_EINVAL (i out of range). */
PX_API int px_doc_sentence(const px_doc *doc, size_t i, size_t *start /* OUT */,
                           size_t *end /* OUT */);
/** Index of the sentence containing byte offset off, or (size_t)-1 if none. */
PX_API size_t px_doc_sentence_at(const px_doc *doc, size_t off);

/**
 * The dateline ("MOSCOW (Reuters) -"): place and agency as spans borrowed
 * from the doc (agency empty when none).  @return PX_OK, or PX_ENOTFOUND
 * when the article has no dateline (both set empty).
 */
PX_API int px_doc_dateline(const px_doc *doc, px_str *place /* OUT, may be NULL */,
                           px_str *agency /* OUT, may be NULL */);

typedef enum px_entity_type {
  PX_ENT_PERSON = 1,
  PX_ENT_ORG = 2,   /* organization: company, agency, party, outlet, government */
  PX_ENT_PLACE = 3, /* country, city, region, body of water, ... */
  PX_ENT_OTHER = 4  /* a name of unknown kind (events, laws, products, ...) */
} px_entity_type;

/** @return "person", "organization", "place" or "other" (static string). */
PX_API const char *px_entity_type_name(px_entity_type type);

typedef enum px_mention_kind {
  PX_MENTION_NAME = 1,    /* the name as written: "Vladimir Putin", "Kremlin" */
  PX_MENTION_PARTIAL = 2, /* a shorter form: "Putin", "Mr. Putin", "Putin's" */
  PX_MENTION_ACRONYM = 3, /* "NATO" for "North Atlantic Treaty Organization" */
  PX_MENTION_ROLE = 4     /* a role the text established: "the Russian president" */
} px_mention_kind;

/** @return "name", "partial", "acronym" or "role" (static string). */
PX_API const char *px_mention_kind_name(px_mention_kind kind);

/** Number of distinct entities; they are numbered in order of first mention. */
PX_API size_t px_doc_entity_count(const px_doc *doc);
/**
 * Entity i.  name is its fullest form as written ("Vladimir Putin"), key
 * the stable cross-article key ("vladimir putin"; "kim jong un" for every
 * spelling of Kim Jong-un; "kyiv" for Kiev); both borrowed from doc and
 * NUL-terminated.  Any OUT pointer may be NULL.  @return PX_OK or PX_EINVAL.
 */
PX_API int px_doc_entity(const px_doc *doc, size_t i, px_str *name /* OUT */,
                         px_str *key /* OUT */, px_entity_type *type /* OUT */,
                         size_t *mentions /* OUT: mention count */);
/**
 * Mention j (0 <= j < mention count, in text order) of entity i: its span,
 * the possessive 's excluded, and how it names the entity.  Any OUT pointer
 * may be NULL.  @return PX_OK or PX_EINVAL.
 */
PX_API int px_doc_mention(const px_doc *doc, size_t i, size_t j, size_t *start /* OUT */,
                          size_t *end /* OUT */, px_mention_kind *kind /* OUT */);
/**
 * The entity mentioned at byte offset off (inside one of its mention
 * spans), or -1 when none: for attributing quotes and claims.
 */
PX_API long px_doc_entity_at(const px_doc *doc, size_t off);

/* ========================================================== end analysis */

/* ================================================================ quotes */
/*
 * Who said what (docs/quotes.md): the quotes of an analyzed article, direct,
 * partial and indirect, each with its cue ("said", "according to") and its
 * speaker, resolved to an entity of the doc where the text allows (names,
 * pronouns, roles); scare quotes and titles in quotation marks are marked
 * as such and given no speaker.  Then the grouping of quotes from many
 * articles by speaker and by remark: the variants of one remark as each
 * outlet rendered it.  Offsets are UTF-8 byte offsets into the doc's body.
 */
typedef enum px_quote_kind {
  PX_QUOTE_DIRECT = 1,   /* a quoted sentence or more: "We are ready," he said. */
  PX_QUOTE_PARTIAL = 2,  /* quoted words inside reported speech: praised the "heroic" army */
  PX_QUOTE_INDIRECT = 3, /* reported speech without marks: X said (that) ..., according to X */
  PX_QUOTE_SCARE = 4,    /* marks around a word or phrase nobody is said to have said */
  PX_QUOTE_TITLE = 5     /* a title in marks: the film "Top Gun" */
} px_quote_kind;

/** @return "direct", "partial", "indirect", "scare" or "title" (static). */
PX_API const char *px_quote_kind_name(px_quote_kind kind);

/* Tables of quote extraction (cue words), read-only once made: one may
 * serve many threads. */
typedef struct px_quoter px_quoter;

/** @return PX_OK or PX_ENOMEM.  Free with px_quoter_free() (NULL accepted). */
PX_API int px_quoter_new(px_quoter **qt /* OUT */);
PX_API void px_quoter_free(px_quoter *qt);

/* The quotes of one doc.  It borrows the doc, which must outlive it. */
typedef struct px_quotes px_quotes;

/**
 * Find the quotes of doc.  On PX_OK *out is owned by the caller: free it
 * with px_quotes_free().  @return PX_OK, PX_EINVAL, PX_ENOMEM.
 */
PX_API int px_quotes_extract(const px_quoter *qt, const px_doc *doc, px_quotes **out /* OUT */);
PX_API void px_quotes_free(px_quotes *qs);

/** Number of quotes, in text order. */
PX_API size_t px_quotes_count(const px_quotes *qs);

/* One quote.  Strings borrow from the px_quotes (and its doc). */
typedef struct px_quote {
  px_quote_kind kind;
  size_t start, end;           /* the quotation, marks included; for indirect
                                  speech the reported clause */
  size_t nspans;               /* stretches in marks: 2 for "We are ready," he
                                  said, "to talk."; see px_quotes_span() */
  size_t content_start, content_end; /* what is attributed: the quote, or for a
                                        partial quote the reported clause around it */
  px_str text;                 /* the quoted words: the spans without their outer
                                  marks, joined by " ... " when several */
  px_str cue;                  /* "said", "according to"; empty when none */
  size_t cue_start, cue_end;   /* equal when none */
  int has_speaker;             /* 0: no speaker found (the fields below are empty) */
  size_t speaker_start, speaker_end; /* the speaker as written here: a name, a
                                        pronoun, a role ("the Russian president") */
  long speaker_entity;         /* entity index in the doc, -1 when not resolved */
  px_str speaker_name;         /* the entity's name, else the speaker as written */
  px_str speaker_key;          /* the entity's key, else the folded speaker text */
} px_quote;

/** Quote i.  @return PX_OK or PX_EINVAL (i out of range). */
PX_API int px_quotes_get(const px_quotes *qs, size_t i, px_quote *out /* OUT */);
/** Span j (0 <= j < nspans) of quote i.  @return PX_OK or PX_EINVAL. */
PX_API int px_quotes_span(const px_quotes *qs, size_t i, size_t j, size_t *start /* OUT */,
                          size_t *end /* OUT */);

/**
 * 1 when two speaker names can be the same person: the same surname (or
 * single name) and no conflicting given names, across titles ("Prime
 * Minister Korhonen" / "Anneli Korhonen"), word order ("Zhang Weimin" /
 * "Weimin Zhang"), hyphens, initials and transliteration ("Yevgeny" /
 * "Evgeniy"); otherwise 0.
 */
PX_API int px_speaker_match(const char *a, size_t na, const char *b, size_t nb);

/* Grouping quotes of many articles: by speaker, then by remark. */
typedef struct px_quote_groups px_quote_groups;

/** @return PX_OK or PX_ENOMEM.  Free with px_quote_groups_free(). */
PX_API int px_quote_groups_new(px_quote_groups **out /* OUT */);
PX_API void px_quote_groups_free(px_quote_groups *g);

/**
 * Add quote i of qs (copied: qs may be freed after), tagged with the
 * caller's number (e.g. the article index).  Scare quotes and titles are
 * ignored (PX_OK).  @return PX_OK, PX_EINVAL, PX_ENOMEM.
 */
PX_API int px_quote_groups_add(px_quote_groups *g, const px_quotes *qs, size_t i, int64_t tag);
/**
 * Add a quote given as text with its speaker's name (either may be empty).
 * @return PX_OK, PX_EINVAL, PX_ENOMEM.
 */
PX_API int px_quote_groups_add_text(px_quote_groups *g, const char *speaker, size_t nspeaker,
                                    const char *text, size_t ntext, px_quote_kind kind,
                                    int64_t tag);
/**
 * The publication time (Unix seconds) of the quotes added next, known or
 * not (the default: not known).  Renderings of one remark are published
 * within two weeks of its first; further apart only a near-verbatim copy
 * joins it.  @return PX_OK or PX_EINVAL.
 */
PX_API int px_quote_groups_set_time(px_quote_groups *g, int64_t when, int known);
/**
 * Where the quote added next stands: its article (any number that tells
 * articles apart) and its bytes [start, end) there; unknown when not
 * given.  Two direct quotes of one article join one remark only when side
 * by side (an attribution between them at most) or nearly word for word
 * the same: an article quotes one remark whole or in pieces next to each
 * other, and two remarks of one speech paragraphs apart.
 * @return PX_OK or PX_EINVAL (end before start).
 */
PX_API int px_quote_groups_set_place(px_quote_groups *g, int64_t article, size_t start, size_t end);
/** Group what was added.  @return PX_OK or PX_ENOMEM. */
PX_API int px_quote_groups_finish(px_quote_groups *g);

/** Items added (in order), speakers and remarks found by px_quote_groups_finish(). */
PX_API size_t px_quote_groups_items(const px_quote_groups *g);
PX_API size_t px_quote_groups_speakers(const px_quote_groups *g);
PX_API size_t px_quote_groups_remarks(const px_quote_groups *g);

typedef struct px_quote_item {
  int64_t tag;          /* as given */
  px_quote_kind kind;
  px_str text;          /* the quoted words (borrowed from g) */
  px_str speaker;       /* the speaker's name, empty when unknown */
  size_t speaker_group; /* index among px_quote_groups_speakers() ((size_t)-1: unknown) */
  size_t remark;        /* index among px_quote_groups_remarks() */
  double similarity;    /* how close it came to its remark: the mean similarity with
                           the remark's members before it (1 for a remark's first
                           item; an unknown speaker's: with the quote it copies) */
} px_quote_item;

/**
 * The speaker groups that are the person `name` (all spellings of one
 * name; "Xyzzy Trump" is not "Donald Trump" nor a bare "Trump"): wanted
 * gets px_quote_groups_speakers() entries, 1 for a group of that person.
 * Call after px_quote_groups_finish().  @return PX_OK or PX_EINVAL.
 */
PX_API int px_quote_groups_select(const px_quote_groups *g, const char *name, size_t nname,
                                  unsigned char *wanted /* OUT */);

/** Item i.  @return PX_OK or PX_EINVAL. */
PX_API int px_quote_groups_item(const px_quote_groups *g, size_t i, px_quote_item *out /* OUT */);

/**
 * Similarity in [0, 1] of two quoted texts: content-word stems with
 * WordNet synonyms merged, Dice, or containment of the shorter in the
 * longer for a partial quote.  Remarks are grouped at PX_QUOTE_SAME_REMARK.
 */
PX_API double px_quote_similarity(const px_quote_groups *g, const char *a, size_t na,
                                  const char *b, size_t nb);
#define PX_QUOTE_SAME_REMARK 0.40

/* ============================================================ end quotes */

/* ============================================================ comparison */
/*
 * The comparison of the articles of one story (docs/compare.md): facts
 * (sentences of different articles that report the same thing, grouped;
 * a fact with one outlet is what only that outlet reports), quote variants
 * (each outlet's rendering of one remark), entities with the outlets that
 * mention them, numbers that differ inside one fact, the first report of
 * each fact, datelines and the wire-copy share of each article.  Every
 * article given appears in the result, even an empty one (with a warning).
 */
typedef struct px_comparison px_comparison;

/* Duplicate links already known for the compared articles (a stored
 * story's, found at ingest): given, they are used instead of running
 * duplicate detection again.  Indexes are positions among the articles. */
typedef struct px_compare_link {
  long dup_of;        /* the article it copies, -1 when none */
  int dup_exact;      /* 1: byte for byte */
  double wire_share;  /* share of its sentences first seen in another outlet's article */
  long wire_source;   /* the article most of them came from, -1 when none */
} px_compare_link;

typedef struct px_compare_opts {
  double threshold;    /* least score for two sentences to report one fact; 0: built-in */
  size_t max_articles; /* refuse more (PX_ETOOBIG); 0: no limit (default 1000) */
  int quotes;          /* 1: extract and align quotes (default) */
  int wire;            /* 1: wire-copy share and copies by duplicate detection (default) */
  const px_compare_link *links; /* n entries, or NULL: detect duplicates (when wire) */
} px_compare_opts;

PX_API void px_compare_opts_init(px_compare_opts *o /* OUT */);

/**
 * Compare n articles (borrowed for the call; the comparison keeps copies).
 * opts may be NULL.  On PX_OK *out is owned by the caller: free it with
 * px_comparison_free().  @return PX_OK, PX_EINVAL, PX_ENOMEM, PX_ETOOBIG
 * (over opts->max_articles, over 8 MiB of text in all, or a body over the
 * limit); px_ctx_error() says more.
 */
PX_API int px_compare(px_ctx *ctx, const px_article *const *arts, size_t n,
                      const px_compare_opts *opts, px_comparison **out /* OUT */);
PX_API void px_comparison_free(px_comparison *cmp);

typedef enum px_compare_part {
  PX_CMP_ARTICLES = 0,
  PX_CMP_OUTLETS,
  PX_CMP_FACTS,        /* all facts, the unique ones included */
  PX_CMP_SHARED_FACTS, /* facts carried by two outlets or more */
  PX_CMP_QUOTES,       /* remarks (each with its renderings) */
  PX_CMP_ENTITIES,
  PX_CMP_DISCREPANCIES,
  PX_CMP_WARNINGS
} px_compare_part;

/** How many of a part the comparison holds. */
PX_API size_t px_comparison_count(const px_comparison *cmp, px_compare_part what);
/** Fact i: its number of member sentences and of outlets.  @return PX_OK, PX_EINVAL. */
PX_API int px_comparison_fact(const px_comparison *cmp, size_t i, size_t *members /* OUT */,
                              size_t *outlets /* OUT */);
/** Member j of fact i: article index (order given) and the sentence's byte
 * span in that article's body.  @return PX_OK, PX_EINVAL. */
PX_API int px_comparison_fact_member(const px_comparison *cmp, size_t i, size_t j,
                                     size_t *article /* OUT */, size_t *start /* OUT */,
                                     size_t *end /* OUT */);
/** The body of article i as compared (borrowed from cmp). */
PX_API px_str px_comparison_body(const px_comparison *cmp, size_t article);
/** Warning i about the input ("article 3 is empty"), borrowed from cmp. */
PX_API px_str px_comparison_warning(const px_comparison *cmp, size_t i);

typedef enum px_report_format {
  PX_REPORT_TEXT = 0, /* for a terminal */
  PX_REPORT_JSON = 1, /* docs/schema/compare.schema.json */
  PX_REPORT_MD = 2,   /* Markdown */
  PX_REPORT_HTML = 3  /* one self-contained page */
} px_report_format;

typedef struct px_report_opts {
  int width;  /* text: wrap to this many columns (0: 80) */
  int color;  /* text: ANSI colours */
  int top;    /* text, md: items per section of the brief (0: 5) */
  int full;   /* text, md: the full detail after the brief */
} px_report_opts;

/** Sink of a report: write n bytes; return non-zero to stop (PX_EIO). */
typedef int (*px_write_fn)(void *user, const char *p, size_t n);

/**
 * Render a comparison.  opts may be NULL.  @return PX_OK, PX_EINVAL,
 * PX_ENOMEM, or PX_EIO when write returned non-zero.
 */
PX_API int px_report_write(const px_comparison *cmp, px_report_format format,
                           const px_report_opts *opts, px_write_fn write, void *user);

/* ======================================================== end comparison */

/* ======================================================= stored analysis */
/*
 * What ingest keeps of each article's analysis, and the queries across the
 * whole store: quotes by speaker, entities by coverage.
 */

/**
 * Store an article's analysis: sentence offsets, dateline, the entities it
 * mentions (keyed across articles) and its quotes (qs may be NULL).  Any
 * earlier analysis of the article is replaced.  Call inside a batch.
 * @return PX_OK, PX_EINVAL, PX_EDB, PX_EDBFULL.
 */
PX_API int px_store_add_analysis(px_store *st, int64_t article, const px_doc *doc,
                                 const px_quotes *qs);

/** 1 when the article has a stored analysis, 0 when not, negative on error. */
PX_API int px_store_has_analysis(px_store *st, int64_t article);

/* One stored quote; strings are borrowed for the callback's duration. */
typedef struct px_stored_quote {
  int64_t id, article;
  px_str source, title;        /* of the article */
  int64_t published;
  int has_time;
  px_quote_kind kind;
  size_t start, end;           /* in the article's stored body */
  px_str text, cue;
  px_str speaker_name, speaker_key; /* empty when no speaker was found */
  px_str ext_id;               /* of the article: the input's own id, empty when none */
} px_stored_quote;
typedef int (*px_stored_quote_cb)(void *user, const px_stored_quote *q);

typedef struct px_quote_filter {
  const char *speaker;  /* a name in any spelling ("Kim Jong-un" finds "Kim Jong Un"), or NULL */
  const char *source;   /* exact outlet, or NULL */
  int64_t since, until;
  int has_since, has_until;
  int64_t limit;        /* 0: no limit */
  int with_scare;       /* 1: include scare quotes and titles (default 0) */
  int64_t article;      /* only this article's quotes (its store id), 0: any */
  int64_t offset;       /* skip the first offset quotes */
} px_quote_filter;

/**
 * Stored quotes by publication time.  A speaker name matches by entity key
 * and by px_speaker_match() against every stored speaker's name.
 * @return PX_OK or a store error.
 */
PX_API int px_store_quotes(px_store *st, const px_quote_filter *filter, px_stored_quote_cb cb,
                           void *user);

/* One entity across the store; strings borrowed for the callback's duration. */
typedef struct px_stored_entity {
  px_str key, name, type;
  int64_t articles;   /* articles mentioning it */
  int64_t outlets;    /* distinct outlets of those articles */
  int64_t mentions;   /* mentions in all of them */
} px_stored_entity;
typedef int (*px_stored_entity_cb)(void *user, const px_stored_entity *e);

/**
 * Entities by the number of articles mentioning them (filtered by the
 * articles' outlet and time; limit 0 means 20).  @return PX_OK or a store error.
 */
PX_API int px_store_entities(px_store *st, const px_article_filter *filter,
                             px_stored_entity_cb cb, void *user);

/**
 * The comparison of the articles of stored story id, with the duplicate
 * links ingest stored (duplicate detection is not run again).  The
 * comparison is kept in the store as data and reused, for any format and
 * width, until the story gains or loses an article; *cached (may be NULL)
 * says whether it came from there.  A read-only store computes without
 * keeping it.  On PX_OK free *out with px_comparison_free().
 * @return PX_OK, PX_ENOTFOUND (no such story), or an error of px_compare()
 * or the store.
 */
PX_API int px_store_story_comparison(px_store *st, int64_t id, px_comparison **out /* OUT */,
                                     int *cached /* OUT, may be NULL */);

/**
 * px_store_story_comparison() rendered (px_report_write()) through write.
 * @return PX_OK, PX_ENOTFOUND (no such story), PX_EIO (write failed), or
 * an error of px_compare() or the store.
 */
PX_API int px_store_story_report(px_store *st, int64_t id, px_report_format format,
                                 const px_report_opts *opts, px_write_fn write, void *user,
                                 int *cached /* OUT, may be NULL */);

/* ================================================== end stored analysis */

/* ---------------------------------------------------------------- pipeline */

/*
 * The whole ingest pipeline as one handle: read, normalize, store, analyze
 * (sentences, entities, quotes), store the analysis, in batches of one
 * transaction each; then, at px_ingest_finish(), place the new articles in
 * stories (duplicates and wire share included) and keep the search index
 * merged.  Every driver (the CLI, the server, the watcher, the Python
 * module, the MPI driver) runs ingest through these calls.
 *
 * A killed process keeps every committed batch; a new px_ingest on the
 * same store stores what is missing and clusters what has no story yet.
 */
typedef struct px_ingest px_ingest;

/* What an event reports (px_ingest_event_cb). */
typedef enum px_ingest_event {
  PX_IE_REJECTED = 1,    /* a record was rejected: message is "file:line N: reason" */
  PX_IE_REPAIRED = 2,    /* text repaired in an article (invalid UTF-8, double-encoded UTF-8); count = sequences */
  PX_IE_NOT_ANALYZED = 3,/* stored, but its analysis failed (message says why) */
  PX_IE_INPUT_FAILED = 4,/* an input could not be opened or read on (message says why) */
  PX_IE_WARNING = 5      /* anything else worth telling the user */
} px_ingest_event;

/* Called for each event.  origin and message are NUL-terminated and borrowed
 * for the call.  Called on the thread that called px_ingest_add*(). */
typedef void (*px_ingest_event_cb)(void *user, px_ingest_event ev, const char *origin,
                                   const char *message, uint64_t count);
/* Progress: bytes of the current input read so far and its size (0 when
 * unknown), articles read so far.  Return non-zero to cancel: the open batch
 * is committed and px_ingest_add_path() returns PX_ECANCELED. */
typedef int (*px_ingest_progress_cb)(void *user, uint64_t bytes_done, uint64_t bytes_total,
                                     uint64_t articles);

/* Options.  Fill with px_ingest_opts_init(), then change what you need. */
typedef struct px_ingest_opts {
  int analyze;          /* 1: analyze and extract quotes (default 1) */
  int cluster;          /* 1: place new articles in stories at finish (default 1) */
  int strict;           /* 1: stop at the first rejected record (default 0) */
  long batch;           /* articles per transaction (default 2000); a batch grows to an
                           eighth of the articles stored before it, unless fixed_batch */
  int timings;          /* 1: measure CPU time per stage as well (a system call per switch) */
  int threads;          /* threads in all: 0 (default) one per core of the machine; 1 analyses
                           on the calling thread; N > 1 runs the analysis on N - 1 workers
                           beside the caller, which reads and writes.  The store is the same
                           whatever the number (bench/run threads measures what it buys). */
  const px_story_opts *story; /* clustering options, NULL for the defaults */
  px_ingest_event_cb on_event;
  px_ingest_progress_cb on_progress;
  void *user;           /* given to both callbacks */
  int keep_features;    /* 1: keep each article's feature record (px_store_feature_record)
                           even when cluster is 0 (default 0; with cluster they are kept) */
  int fixed_batch;      /* 1: every batch is exactly batch articles (default 0) */
} px_ingest_opts;

PX_API void px_ingest_opts_init(px_ingest_opts *o /* OUT */);

/* Stages timed by the pipeline, indexes of px_ingest_stats.wall/cpu. */
enum { PX_STAGE_READ, PX_STAGE_STORE, PX_STAGE_ANALYZE, PX_STAGE_ROWS, PX_STAGE_CLUSTER,
       PX_STAGE_INDEX, PX_STAGE_COUNT };
/** @return the name of a stage ("read", "store", "analyze", "analysis_rows", "cluster",
 * "index"), or "?" */
PX_API const char *px_ingest_stage_name(int stage);

typedef struct px_ingest_stats {
  uint64_t read;          /* articles read */
  uint64_t stored;        /* new articles committed */
  uint64_t duplicates;    /* exact copies already stored (not written again) */
  uint64_t rejected;      /* records (or inputs) rejected */
  uint64_t repaired;      /* articles whose invalid UTF-8 was repaired */
  uint64_t not_analyzed;  /* stored without analysis */
  uint64_t not_english;   /* stored in another language than English (identified, or as
                             given): sentences, dateline and search, no entities or quotes */
  int64_t clustered;      /* articles placed in stories by px_ingest_finish() */
  double seconds;         /* wall time since px_ingest_new() */
  double wall[PX_STAGE_COUNT];
  double cpu[PX_STAGE_COUNT]; /* only with opts.timings */
  uint64_t batches;       /* transactions committed */
  uint64_t reanalyzed;    /* stored articles analysed again (px_ingest_reanalyze), committed */
} px_ingest_stats;

/**
 * Start an ingest into st (opened with PX_OPEN_WRITE), which must outlive
 * the handle.  opts may be NULL (defaults); it is copied.
 * @return PX_OK, PX_ENOMEM, PX_EINVAL, or an error setting up the analyzer.
 */
PX_API int px_ingest_new(px_store *st, const px_ingest_opts *opts, px_ingest **out /* OUT */);
/**
 * Read every article of path (file, folder, "-" for stdin; any format the
 * reader knows) through the pipeline.  Rejected records are reported through
 * on_event and skipped (in strict mode the first one stops the input).
 * @return PX_OK (records may have been rejected: see the stats),
 * PX_EFORMAT (strict mode, a record rejected), PX_ENOTFOUND / PX_EIO (the
 * input could not be opened: reported as PX_IE_INPUT_FAILED too),
 * PX_ECANCELED, or a store error (the open batch is rolled back, earlier
 * batches stay committed).
 */
PX_API int px_ingest_add_path(px_ingest *g, const char *path);
/**
 * Put one article (borrowed for the call) through the pipeline.  *id (may
 * be NULL) gets its store id, or the id of the copy already stored with
 * PX_EDUPLICATE (not a failure).
 * @return PX_OK, PX_EDUPLICATE, or a store error (the open batch is rolled back).
 */
PX_API int px_ingest_add(px_ingest *g, const px_article *art, int64_t *id /* OUT, may be NULL */);
/**
 * Commit the open batch (the articles so far become visible to readers)
 * without ending the ingest.  @return PX_OK or a store error.
 */
PX_API int px_ingest_flush(px_ingest *g);
/**
 * Analyse stored articles again with this build's rules (sentences,
 * datelines, entities, quotes and speakers), in batches on the ingest's
 * workers: every article whose analysis is missing (stored with analyze 0)
 * or was made by older rules, or every article with all.  Their entity
 * mentions, quotes, speakers and counters are replaced and the cached
 * story comparisons dropped; articles, stories and the search index stay.
 * A failed batch is rolled back, earlier ones stay committed.  Needs an
 * ingest made with analyze 1.  Counts: stats.read (articles looked at),
 * stats.reanalyzed, stats.not_analyzed; on_progress gets 0 bytes of 0 and the
 * articles looked at.
 * @return PX_OK, PX_EINVAL, PX_ECANCELED (on_progress asked to stop, after
 * committing what was done), or a store error.
 */
PX_API int px_ingest_reanalyze(px_ingest *g, int all);
/**
 * Commit the open batch, place the new articles in stories (when
 * opts.cluster) and merge the search index when it needs it.  The handle
 * can take more articles afterwards (a long-running watcher calls this
 * after every poll).  @return PX_OK or a store error.
 */
PX_API int px_ingest_finish(px_ingest *g);
/** Counts and timings so far. */
PX_API void px_ingest_get_stats(const px_ingest *g, px_ingest_stats *out /* OUT */);
/** Release the handle; an open batch is committed first.  NULL is accepted. */
PX_API void px_ingest_free(px_ingest *g);

/* ------------------------------------------------------- service state */

/*
 * A key-value table in the store for long-running drivers (the watcher
 * keeps feed validators, items seen and alert positions there), so that a
 * restart resumes where the last run stopped.  Inside a batch
 * (px_store_begin) a write commits or rolls back with the batch; outside
 * one it commits at once.  Keys are NUL-terminated UTF-8; values are bytes.
 */

/**
 * Read key.  On PX_OK *value is a NUL-terminated copy the caller frees with
 * free(), *len (may be NULL) its length.  @return PX_OK, PX_ENOTFOUND
 * (*value NULL), PX_EINVAL, PX_ENOMEM, PX_EDB.
 */
PX_API int px_store_state_get(px_store *st, const char *key, char **value /* OUT */,
                              size_t *len /* OUT, may be NULL */);
/** Write key (insert or replace).  @return PX_OK, PX_EINVAL, PX_EDB, PX_EDBFULL. */
PX_API int px_store_state_set(px_store *st, const char *key, const void *value, size_t len);
/** Delete key (absent is not an error).  @return PX_OK, PX_EINVAL, PX_EDB. */
PX_API int px_store_state_delete(px_store *st, const char *key);
/** Keys starting with prefix, in key order; key and value borrowed for the
 * call; cb returns non-zero to stop.  @return PX_OK or PX_EDB. */
typedef int (*px_state_cb)(void *user, const char *key, px_str value);
PX_API int px_store_state_list(px_store *st, const char *prefix, px_state_cb cb, void *user);


/**
 * Stored quotes with an id above after_id, in id order (the order they
 * were stored), with the fields of px_store_quotes(); scare quotes and
 * titles left out.  limit 0: no limit.  @return PX_OK or a store error.
 */
PX_API int px_store_quotes_after(px_store *st, int64_t after_id, int64_t limit,
                                 px_stored_quote_cb cb, void *user);


/* Duplicate detection over a set of articles, grouped: each article's
 * result is kept (with its metadata, not its body) so the groups can be
 * listed at the end, each rooted at its earliest member.  Memory: the
 * px_dedup's plus the metadata of every article. */
typedef struct px_dedup_set px_dedup_set;

/** @return PX_OK, PX_EINVAL, PX_ENOMEM.  opts may be NULL.  ctx must outlive it. */
PX_API int px_dedup_set_new(px_ctx *ctx, const px_story_opts *opts, px_dedup_set **out /* OUT */);
PX_API void px_dedup_set_free(px_dedup_set *s);
/** Add the next article (borrowed); *res (may be NULL) gets its result.
 * @return PX_OK, PX_EINVAL, PX_ENOMEM. */
PX_API int px_dedup_set_add(px_dedup_set *s, const px_article *art,
                            px_story_result *res /* OUT, may be NULL */);
/** Add every article of an input (any format the reader knows).  Rejected
 * records and an input that cannot be opened are reported through on_event
 * (may be NULL; PX_IE_REJECTED, PX_IE_INPUT_FAILED) and counted.
 * @return PX_OK, PX_ENOTFOUND / PX_EIO (the input could not be opened), PX_ENOMEM. */
PX_API int px_dedup_set_add_path(px_dedup_set *s, const char *path, px_ingest_event_cb on_event,
                                 void *user);
/** Articles added, those that copy an earlier one, records rejected. */
PX_API void px_dedup_set_counts(const px_dedup_set *s, size_t *articles /* OUT */,
                                size_t *duplicates /* OUT */, size_t *rejected /* OUT */);

/* A member of a duplicate group. */
typedef struct px_dedup_member {
  size_t index;          /* position among the articles added (0-based) */
  const px_article *art; /* its metadata (no body), borrowed for the callback */
  int64_t dup_of;        /* index of the article it copies, -1 for the group's first */
  int dup_exact;
  double similarity;     /* estimated containment of dup_of's text in it (1 for the first) */
  double wire_share;
} px_dedup_member;
/** One group of two articles or more, members in order; non-zero stops. */
typedef int (*px_dedup_group_cb)(void *user, size_t group, const px_dedup_member *members,
                                 size_t n);
/** The groups, in order of their first member.  *ngroups (may be NULL) gets
 * how many were given.  @return PX_OK, PX_EINVAL, PX_ENOMEM. */
PX_API int px_dedup_set_groups(const px_dedup_set *s, px_dedup_group_cb cb, void *user,
                               size_t *ngroups /* OUT, may be NULL */);

/* ============================================================ serializers */
/*
 * One serializer per record type, used by every program that prints
 * records (the CLI, the server, the bindings), so that all speak one
 * vocabulary (one JSON Schema per record in docs/schema/):
 *  - "id" is always parallax's id of the record (null when not stored);
 *  - "ext_id" is always the input's own id of an article (null when none);
 *  - "source" is always the outlet;
 *  - a link to another record holds that record's id and is named after
 *    it: "article", "story", "dup_of", "wire_source";
 *  - quote kinds are px_quote_kind_name(): direct, partial, indirect,
 *    scare, title;
 *  - every member is always present (null when unknown), so CSV columns
 *    are stable.
 *
 * A px_json writes JSON Lines (each top-level value followed by "\n") or,
 * with PX_JSON_CSV, CSV (RFC 4180, CRLF): a top-level object is one row,
 * its members the columns (the first row's keys become the header), a
 * nested array or object one cell holding JSON text, null an empty cell.
 * Strings are escaped so that no output holds a raw control character
 * (C0, DEL or C1).  Output goes through write at the end of every record.
 */
typedef struct px_json px_json;

enum {
  PX_JSON_CSV = 1 /* px_json_new: CSV instead of JSON Lines */
};

/** @return PX_OK, PX_EINVAL (no write), PX_ENOMEM.  Free with px_json_free(). */
PX_API int px_json_new(unsigned flags, px_write_fn write, void *user, px_json **out /* OUT */);
PX_API void px_json_free(px_json *j);
/** PX_OK, or the first error: PX_EIO (write returned non-zero), PX_ENOMEM,
 * PX_EINVAL (unbalanced calls). */
PX_API int px_json_status(const px_json *j);

/* The building blocks (commas are automatic). */
PX_API void px_json_object(px_json *j);
PX_API void px_json_object_end(px_json *j);
PX_API void px_json_array(px_json *j);
PX_API void px_json_array_end(px_json *j);
PX_API void px_json_key(px_json *j, const char *key);
PX_API void px_json_str(px_json *j, const char *p, size_t n); /* p NULL: null */
PX_API void px_json_pstr(px_json *j, px_str s);
PX_API void px_json_str_or_null(px_json *j, px_str s);        /* empty: null */
PX_API void px_json_int(px_json *j, int64_t v);
PX_API void px_json_num(px_json *j, double v, int decimals);  /* not finite: null */
PX_API void px_json_bool(px_json *j, int v);
PX_API void px_json_null(px_json *j);
PX_API void px_json_time(px_json *j, int64_t t, int has);     /* "2023-09-13T10:20:30Z" or null */
PX_API void px_json_raw(px_json *j, const char *p, size_t n); /* a value already in JSON */

/* Flags of the record serializers. */
enum {
  PX_JSON_OPEN = 1,   /* leave the object open: the caller adds members, then
                         px_json_object_end() */
  PX_JSON_BODY = 2,   /* px_json_article: include the body */
  PX_JSON_TIMINGS = 4 /* px_json_ingest_stats: include the time per stage */
};

/* Each writes one object (docs/schema/NAME.schema.json) and returns
 * px_json_status(j), or PX_EINVAL for a NULL record. */
/** article.schema.json: a stored or read article (body only with PX_JSON_BODY). */
PX_API int px_json_article(px_json *j, const px_article *a, unsigned flags);
/** story.schema.json */
PX_API int px_json_story(px_json *j, const px_story_info *s, unsigned flags);
/** story_member.schema.json: an article of story (its id). */
PX_API int px_json_story_member(px_json *j, int64_t story, const px_story_member *m,
                                unsigned flags);
/** search_hit.schema.json */
PX_API int px_json_search_hit(px_json *j, const px_search_hit *h, unsigned flags);
/** quote.schema.json: a stored quote. */
PX_API int px_json_stored_quote(px_json *j, const px_stored_quote *q, unsigned flags);
/** quote.schema.json: quote i of qs, extracted from doc (spans and speaker
 * offsets included; no id, article or source: the caller's record holds them). */
PX_API int px_json_doc_quote(px_json *j, const px_quotes *qs, size_t i, const px_doc *doc,
                             unsigned flags);
/** entity.schema.json: an entity across the store. */
PX_API int px_json_stored_entity(px_json *j, const px_stored_entity *e, unsigned flags);
/** entity.schema.json: entity i of an analyzed article, with its mention spans. */
PX_API int px_json_doc_entity(px_json *j, const px_doc *d, size_t i, unsigned flags);

/* The article a quote item's tag stands for (px_json_remark). */
typedef struct px_article_ref {
  int64_t id;          /* store id, 0 when not stored */
  px_str ext_id, source, title, origin;
  int64_t published;
  int has_time;
} px_article_ref;
/** Fill *out for tag; return non-zero when unknown (out left empty). */
typedef int (*px_article_ref_fn)(void *user, int64_t tag, px_article_ref *out /* OUT */);

/**
 * remark.schema.json: one remark (the renderings of one statement by
 * several outlets): items are indexes of px_quote_groups_item() (n of
 * them), speaker its speaker's name (empty: unknown), ref resolves each
 * item's tag to its article.
 */
PX_API int px_json_remark(px_json *j, const px_quote_groups *g, size_t remark, px_str speaker,
                          const size_t *items, size_t n, px_article_ref_fn ref, void *user,
                          unsigned flags);
/** fact.schema.json: fact i of a comparison with its member sentences. */
PX_API int px_json_fact(px_json *j, const px_comparison *c, size_t i, unsigned flags);
/** dispute.schema.json: discrepancy i of a comparison (numbers that differ in one fact). */
PX_API int px_json_dispute(px_json *j, const px_comparison *c, size_t i, unsigned flags);
/** ingest_stats.schema.json */
PX_API int px_json_ingest_stats(px_json *j, const px_ingest_stats *s, unsigned flags);
/** dedup_group.schema.json: a group of px_dedup_set_groups(). */
PX_API int px_json_dedup_group(px_json *j, size_t group, const px_dedup_member *m, size_t n,
                               unsigned flags);
/** stats.schema.json: what a store holds (without its top outlets). */
PX_API int px_json_store_counts(px_json *j, const px_store_counts *k, unsigned flags);

/* ======================================================== end serializers */

#ifdef __cplusplus
}
#endif
#endif /* PARALLAX_H */
