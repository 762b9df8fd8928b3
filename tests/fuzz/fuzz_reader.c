/* fuzz_reader.c - every input format (and every compression codec) over
 * arbitrary bytes.  The first byte picks the format so each gets its turn;
 * the rest is the input. */
#include "ingest.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  const px__format *const *fl = px__formats();
  size_t nfmt = 0;
  while (fl[nfmt]) nfmt++;
  const px__format *fmt = fl[data[0] % nfmt];
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return 0;
  px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, 1 << 16);
  px__stream *s;
  if (px__stream_open_mem(data + 1, size - 1, &s) == PX_OK) {
    px__fmt_state *st;
    if (fmt->open(ctx, s, "fuzz", &st) == PX_OK) {
      px_article *art;
      if (px_article_new(&art) == PX_OK) {
        px__buf msg;
        px__buf_init(&msg, 4096);
        for (int i = 0; i < 10000; i++) {
          uint64_t where = 0;
          int fatal = 0;
          px__article_clear(art);
          px__buf_clear(&msg);
          int rc = fmt->next(st, art, &where, &fatal, &msg);
          if (rc == PX_EOF || fatal) break;
          if (rc == PX_OK) {
            /* Every field must be valid UTF-8. */
            for (int f = 0; f < PX_F_COUNT_; f++) {
              px_str v = px_article_get(art, (px_field)f);
              if (px__utf8_valid_prefix(v.ptr, v.len) != v.len) abort();
            }
          }
        }
        px__buf_release(&msg);
        px_article_free(art);
      }
      fmt->close(st);
    }
    px__stream_free(s);
  }
  px_ctx_free(ctx);
  return 0;
}
