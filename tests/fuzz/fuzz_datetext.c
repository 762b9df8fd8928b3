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
  static px_ctx *ctx;
  if (!ctx && px_ctx_new(&ctx)) return 0;
  px_story_opts o;
  px_story_opts_init(&o);
  o.batch = 1;
  o.undated = PX_UNDATED_ALONE;
  px_stories *sx;
  px_article *a;
  if (px_stories_new(ctx, &o, &sx)) return 0;
  if (px_article_new(&a)) abort();
  px_article_set(a, PX_F_URL, s, ul);
  if (nl) px_article_set(a, PX_F_BODY, nl + 1, size - ul - 1);
  if (px_stories_add(sx, a, NULL) == PX_OK && px_stories_finish(sx) == PX_OK) {
    px_story_result r;
    if (px_stories_result(sx, 0, &r)) abort();
    if ((r.flags & PX_SF_DATE_FROM_TEXT) && !(r.flags & PX_SF_UNDATED)) abort();
  }
  px_article_free(a);
  px_stories_free(sx);
  return 0;
}
