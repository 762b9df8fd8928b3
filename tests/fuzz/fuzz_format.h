/* fuzz_format.h - what the format fuzz targets share: run one input format
 * over a memory stream of arbitrary bytes, record by record, and check that
 * every field of every accepted article is valid UTF-8. */
#ifndef PX_FUZZ_FORMAT_H
#define PX_FUZZ_FORMAT_H

#include "ingest.h"

#include <stdlib.h>

static inline void fuzz_format(px_ctx *ctx, const px__format *fmt, px_article *art,
                               const uint8_t *data, size_t size) {
  px__stream *s;
  if (px__stream_open_mem(data, size, &s) != PX_OK) return;
  px__fmt_state *st;
  if (fmt->open(ctx, s, "fuzz", &st) == PX_OK) {
    px__buf msg;
    px__buf_init(&msg, 4096);
    for (int i = 0; i < 10000; i++) {
      uint64_t where = 0;
      int fatal = 0;
      px__article_clear(art);
      px__buf_clear(&msg);
      int rc = fmt->next(st, art, &where, &fatal, &msg);
      if (rc == PX_EOF || fatal) break;
      if (rc != PX_OK) continue;
      for (int f = 0; f < PX_F_COUNT_; f++) {
        px_str v = px_article_get(art, (px_field)f);
        if (px__utf8_valid_prefix(v.ptr, v.len) != v.len) abort();
      }
    }
    px__buf_release(&msg);
    fmt->close(st);
  }
  px__stream_free(s);
}

#endif
