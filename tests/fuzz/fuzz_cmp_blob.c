/* fuzz_cmp_blob.c - px__cmp_load on arbitrary bytes: a comparison cached
 * in a database file is outside input (the file may be damaged or hostile).
 * A blob is either refused or loads into a comparison every renderer can
 * walk: each report is rendered to check it stays inside its arrays.  With
 * PX_WRITE_SEED=PATH the valid blob of the two built-in articles is written
 * there (the seed corpus). */
#include "align/cmp_blob.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static px_ctx *g_ctx;
static px_article *g_art[2];

static int sink(void *user, const char *p, size_t n) {
  (void)user, (void)p, (void)n;
  return 0;
}

static void setup(void) {
  static const char *const body[2] = {
      "OSTRA (Northwire) - A ferry carrying 212 passengers caught fire off Valdoria on Tuesday, "
      "and the coast guard rescued everyone. \"We got them all,\" Captain Elena Marsh said. "
      "Eleven people were treated for smoke.",
      "All 212 people aboard the ferry were saved by the coast guard on Tuesday off Valdoria. "
      "Captain Elena Marsh said \"we got them all\" as twelve people were treated for smoke."};
  if (px_ctx_new(&g_ctx)) abort();
  for (int i = 0; i < 2; i++) {
    if (px_article_new(&g_art[i])) abort();
    px_article_set(g_art[i], PX_F_SOURCE, i ? "Harbor Post" : "Northwire", i ? 11 : 9);
    px_article_set(g_art[i], PX_F_BODY, body[i], strlen(body[i]));
    px_article_set_published(g_art[i], 1700000000 + i * 3600);
  }
  const char *seed = getenv("PX_WRITE_SEED");
  if (seed) {
    px_comparison *c = NULL;
    px__buf b;
    px__buf_init(&b, 0);
    if (px_compare(g_ctx, (const px_article *const *)g_art, 2, NULL, &c) || px__cmp_save(c, &b)) abort();
    FILE *f = fopen(seed, "wb");
    if (!f || fwrite(b.ptr, 1, b.len, f) != b.len) abort();
    fclose(f);
    px__buf_release(&b);
    px_comparison_free(c);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!g_ctx) setup();
  px_comparison *c = NULL;
  int rc = px__cmp_load(g_ctx, (const px_article *const *)g_art, 2, data, size, NULL, &c);
  if (rc == PX_OK) {
    for (int f = PX_REPORT_TEXT; f <= PX_REPORT_HTML; f++)
      if (px_report_write(c, (px_report_format)f, NULL, sink, NULL) != PX_OK) abort();
    px_comparison_free(c);
  } else if (rc != PX_EFORMAT && rc != PX_ENOMEM) {
    abort();
  } else if (c) {
    abort();
  }
  return 0;
}
