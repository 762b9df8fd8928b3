/* fuzz_cmp_blob.c - px__cmp_load on arbitrary bytes: a comparison cached
 * in a database file is outside input (the file may be damaged or hostile).
 * A blob is either refused or loads into a comparison every renderer can
 * walk: each report is rendered to check it stays inside its arrays.  With
 * PX_WRITE_SEED=PATH the valid blob of the two built-in articles is written
 * there (the seed corpus).  The engine's fingerprint (bytes 8 to 15) is set
 * to this build's before loading, so the seed stays a valid blob when the
 * similarity model or a threshold changes; the fingerprint's own check is
 * tested in test_story_stored. */
#include "align/cmp_blob.h"
#include "fuzz_story.h"

static px_ctx *g_ctx;
static px_article *g_art[2];

static void setup(void) {
  if (px_ctx_new(&g_ctx)) abort();
  fuzz_story_articles(g_art);
  if (getenv("PX_WRITE_SEED")) {
    px_comparison *c = NULL;
    px__buf b;
    px__buf_init(&b, 0);
    if (px_compare(g_ctx, (const px_article *const *)g_art, 2, NULL, &c) || px__cmp_save(c, &b)) abort();
    fuzz_story_write_seed(b.ptr, b.len);
    px__buf_release(&b);
    px_comparison_free(c);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!g_ctx) setup();
  px_comparison *c = NULL;
  uint8_t *own = malloc(size + 1);
  if (!own) return 0;
  memcpy(own, data, size);
  if (size >= 16) {
    uint64_t e = px__cmp_engine();
    memcpy(own + 8, &e, 8);
  }
  int rc = px__cmp_load(g_ctx, (const px_article *const *)g_art, 2, own, size, NULL, &c);
  free(own);
  if (rc == PX_OK) {
    fuzz_story_render(c);
    px_comparison_free(c);
  } else if (rc != PX_EFORMAT && rc != PX_ENOMEM) {
    abort();
  } else if (c) {
    abort();
  }
  return 0;
}
