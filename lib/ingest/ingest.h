/*
 * ingest.h - internal interface of the readers.
 *
 * A px__stream gives the decompressed bytes of one file or of stdin
 * (gzip, zstd and xz are detected by magic bytes).  A format reads articles
 * from a stream; the reader picks a format by sniffing the first bytes of
 * the decompressed content and walks folders file by file.
 */
#ifndef PX_INGEST_H
#define PX_INGEST_H

#include "px_common.h"

#include <stdio.h>

typedef struct px__stream px__stream;

typedef enum px__codec { PX_CODEC_NONE, PX_CODEC_GZIP, PX_CODEC_ZSTD, PX_CODEC_XZ } px__codec;

/** Open path ("-" for stdin).  @return PX_OK, PX_ENOTFOUND, PX_EIO, PX_ENOMEM. */
/* jsonl.c: read every record through jansson's tree (tests compare). */
extern PX__HIDDEN int px__jsonl_tree_only;

PX__HIDDEN int px__stream_open(const char *path, px__stream **s /* OUT */);
/** Wrap an in-memory buffer (borrowed, must outlive the stream). */
PX__HIDDEN int px__stream_open_mem(const void *p, size_t n, px__stream **s /* OUT */);
PX__HIDDEN void px__stream_free(px__stream *s);
/** Look at up to n upcoming decompressed bytes without consuming them.
 *  *got may be smaller than n near the end. */
PX__HIDDEN int px__stream_peek(px__stream *s, size_t n, const char **p, size_t *got);
/**
 * Read one line (without its '\n', '\r\n' trimmed) into line.  A line
 * longer than cap is skipped to its end and PX_ETOOBIG returned.
 * @return PX_OK, PX_EOF, PX_ETOOBIG, PX_ETRUNCATED, PX_EIO, PX_ENOMEM.
 */
PX__HIDDEN int px__stream_getline(px__stream *s, px__buf *line, size_t cap);
/** Read everything left (up to cap bytes; PX_ETOOBIG beyond). */
PX__HIDDEN int px__stream_slurp(px__stream *s, px__buf *out, size_t cap);
/** Read up to n bytes; *got 0 means end. */
PX__HIDDEN int px__stream_read(px__stream *s, void *dst, size_t n, size_t *got);
PX__HIDDEN px__codec px__stream_codec(const px__stream *s);
PX__HIDDEN uint64_t px__stream_bytes_in(const px__stream *s);
PX__HIDDEN uint64_t px__stream_size(const px__stream *s);
/** The message of the last error of the stream (decoder detail), never NULL. */
PX__HIDDEN const char *px__stream_error(const px__stream *s);

/* ----------------------------------------------------------------- formats */

typedef struct px__fmt_state px__fmt_state;

/*
 * A reader of one input format.  sniff() looks at the first decompressed
 * bytes and returns a confidence 0..100.  next() fills art (cleared by the
 * caller) and sets *where to the record's position (line number, record
 * number or byte offset) for error messages; it returns PX_OK, PX_EOF or
 * a record error (the stream stays usable) -- fatal errors are reported by
 * setting *fatal.
 */
typedef struct px__format {
  const char *name;        /* "jsonl", "text", "html", "warc", "feed" */
  const char *where_label; /* "line", "record", "byte", "item" */
  int (*sniff)(const char *p, size_t n, const char *path);
  int (*open)(px_ctx *ctx, px__stream *s, const char *path, px__fmt_state **st);
  int (*next)(px__fmt_state *st, px_article *art, uint64_t *where, int *fatal,
              px__buf *msg);
  void (*close)(px__fmt_state *st);
} px__format;

/* The formats built in; NULL-terminated, tried in order of sniff score. */
PX__HIDDEN extern const px__format px__fmt_jsonl;
PX__HIDDEN extern const px__format px__fmt_text;
/* feed.c: the feed reader for a caller that fetches pages (only by name) */
PX__HIDDEN extern const px__format px__fmt_feed_links;
PX__HIDDEN const px__format *const *px__formats(void);

/** True when the first bytes look like binary data (NULs, many controls). */
PX__HIDDEN bool px__looks_binary(const char *p, size_t n);

/** Where the prolog of an XML or HTML text ends: after a BOM, white space,
 * comments, processing instructions and a DOCTYPE (with its internal
 * subset); 0 when p does not start with markup, n when the prolog goes on
 * past the bytes given. */
PX__HIDDEN size_t px__markup_prolog_end(const char *p, size_t n);

#endif /* PX_INGEST_H */
