/* fuzz_html.c - libFuzzer target: HTML extraction of arbitrary bytes. */
#include "ingest/extract.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static px_ctx *ctx;
  static px__extractor *ex;
  static px_article *art;
  if (!ctx) {
    px_ctx_new(&ctx);
    px__extractor_new(&ex);
    px_article_new(&art);
  }
  px__buf msg;
  px__buf_init(&msg, 4096);
  /* The first byte picks a charset hint and the fragment mode. */
  static const char *hints[] = {NULL, "utf-8", "windows-1252", "text/html; charset=shift_jis",
                                "iso-8859-2", "utf-16le", "bogus-charset", NULL};
  const char *hint = size ? hints[data[0] & 7] : NULL;
  int flags = size && (data[0] & 8) ? PX__EXTRACT_FRAGMENT : 0;
  px__article_clear(art);
  px__extract_html(ctx, ex, (const char *)data, size, hint, "https://fuzz.example/a/2020/01/02/x",
                   flags, art, &msg);
  px__buf_release(&msg);
  return 0;
}
