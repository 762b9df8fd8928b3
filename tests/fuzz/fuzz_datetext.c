/* fuzz_datetext.c - the dates parallax finds in an undated article's URL
 * path and body opening (feat.c), over arbitrary bytes: the input up to the
 * first newline is the URL, the rest the body.  No crash; an article
 * flagged as placed by such a date is flagged undated too. */
#include "parallax.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  const char *nl = memchr(s, '\n', size);
  size_t ul = nl ? (size_t)(nl - s) : size;
  /* One online clusterer for many inputs (setting one up loads the text
   * analyzer), renewed now and then so its state stays small. */
  static px_ctx *ctx;
  static px_stories *sx;
  static unsigned used;
  if (!ctx && px_ctx_new(&ctx)) return 0;
  if (sx && ++used % 4096 == 0) {
    px_stories_free(sx);
    sx = NULL;
  }
  if (!sx) {
    px_story_opts o;
    px_story_opts_init(&o);
    o.undated = PX_UNDATED_ALONE;
    if (px_stories_new(ctx, &o, &sx)) return 0;
  }
  px_article *a;
  if (px_article_new(&a)) abort();
  px_article_set(a, PX_F_URL, s, ul);
  if (nl) px_article_set(a, PX_F_BODY, nl + 1, size - ul - 1);
  int64_t idx;
  if (px_stories_add(sx, a, &idx) == PX_OK) {
    px_story_result r;
    if (px_stories_result(sx, idx, &r)) abort();
    if ((r.flags & PX_SF_DATE_FROM_TEXT) && !(r.flags & PX_SF_UNDATED)) abort();
  }
  px_article_free(a);
  return 0;
}
