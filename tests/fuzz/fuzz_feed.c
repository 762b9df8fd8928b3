/* fuzz_feed.c - libFuzzer target: the feed reader over arbitrary bytes, as
 * "feed" and as "feed-links" (the watcher's: items with a link need no
 * text), chosen by the input's length (odd: "feed-links"), so an input always
 * takes the same path. */
#include "ingest/extract.h"
#include "fuzz_format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static px_ctx *ctx;
  static px_article *art;
  if (!ctx) {
    px_ctx_new(&ctx);
    px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, 1 << 20);
    px_article_new(&art);
  }
  fuzz_format(ctx, (size & 1) ? &px__fmt_feed_links : &px__fmt_feed, art, data, size);
  return 0;
}
