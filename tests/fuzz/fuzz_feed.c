/* fuzz_feed.c - libFuzzer target: the feed reader over arbitrary bytes. */
#include "ingest/extract.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static px_ctx *ctx;
  static px_article *art;
  if (!ctx) {
    px_ctx_new(&ctx);
    px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, 1 << 20);
    px_article_new(&art);
  }
  px__stream *s;
  if (px__stream_open_mem(data, size, &s)) return 0;
  px__fmt_state *st;
  if (px__fmt_feed.open(ctx, s, "fuzz", &st) == PX_OK) {
    px__buf msg;
    px__buf_init(&msg, 4096);
    for (int i = 0; i < 10000; i++) {
      uint64_t where = 0;
      int fatal = 0;
      px__article_clear(art);
      px__buf_clear(&msg);
      int rc = px__fmt_feed.next(st, art, &where, &fatal, &msg);
      if (rc == PX_EOF || fatal) break;
    }
    px__buf_release(&msg);
    px__fmt_feed.close(st);
  }
  px__stream_free(s);
  return 0;
}
