/* fuzz_reader.c - every input format (and every compression codec) over
 * arbitrary bytes.  The first byte picks the format so each gets its turn;
 * the rest is the input. */
#include "fuzz_format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  const px__format *const *fl = px__formats();
  size_t nfmt = 0;
  while (fl[nfmt]) nfmt++;
  /* One context and article for the run, as a reader keeps them: setting
   * them up (and the HTML parser the context keeps) for each input would
   * cost more than most inputs. */
  static px_ctx *ctx;
  static px_article *art;
  if (!ctx) {
    if (px_ctx_new(&ctx)) return 0;
    px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, 1 << 16);
    if (px_article_new(&art)) return 0;
  }
  fuzz_format(ctx, fl[data[0] % nfmt], art, data + 1, size - 1);
  return 0;
}
