/* fuzz_doc_blob.c - px__doc_blob_load on arbitrary bytes: an article's
 * stored analysis (analysis.sentences and analysis.detail) is read from a
 * database file, which may be damaged or hostile.  The input is split in
 * two: its first byte gives how many 8-byte sentences come first, the rest
 * is the detail.  Bytes are either refused or give a doc whose every offset
 * stays inside the body: it is compared with a second article, so facts,
 * quotes and entities all walk it.  With PX_WRITE_SEED=PATH the valid bytes
 * of the built-in article are written there (the seed corpus). */
#include "align/compare.h"
#include "analyze/doc_blob.h"
#include "fuzz_story.h"

static px_ctx *g_ctx;
static px_article *g_art[2];
static px__textan *g_ta;

static void write_seed(void) {
  px_analyzer *an = NULL;
  px_quoter *qt = NULL;
  px_doc *doc = NULL;
  px_quotes *qs = NULL;
  px__buf b;
  px__buf_init(&b, 0);
  if (px_analyzer_new(g_ctx, &an) || px_quoter_new(&qt) || px_analyze(an, g_art[0], &doc) ||
      px_quotes_extract(qt, doc, &qs))
    abort();
  size_t ns = px_doc_sentence_count(doc);
  unsigned char k = (unsigned char)ns;
  if (ns > 255 || px__buf_append(&b, &k, 1)) abort();
  for (size_t i = 0; i < ns; i++) {
    size_t s, e;
    px_doc_sentence(doc, i, &s, &e);
    uint32_t v[2] = {(uint32_t)s, (uint32_t)e};
    if (px__buf_append(&b, v, 8)) abort(); /* little-endian machines only: a seed */
  }
  if (px__doc_blob_save(doc, qs, &b)) abort();
  fuzz_story_write_seed(b.ptr, b.len);
  px__buf_release(&b);
  px_quotes_free(qs);
  px_doc_free(doc);
  px_quoter_free(qt);
  px_analyzer_free(an);
}

static void setup(void) {
  if (px_ctx_new(&g_ctx) || px__textan_new(&g_ta)) abort();
  fuzz_story_articles(g_art);
  if (getenv("PX_WRITE_SEED")) write_seed();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!g_ctx) setup();
  if (size < 1) return 0;
  size_t nsb = (size_t)data[0] * 8;
  if (nsb > size - 1) nsb = size - 1;
  const uint8_t *sent = data + 1, *detail = data + 1 + nsb;
  size_t ndetail = size - 1 - nsb;
  const char *body = fuzz_story_body[0];
  px_doc *doc = NULL;
  const px__quotes *q = NULL;
  int rc = px__doc_blob_load(g_ta, body, strlen(body), sent, nsb, detail, ndetail, &doc, &q);
  if (rc == PX_OK) {
    px__cinput in[2] = {{.doc = doc, .quotes = q}, {.doc = NULL}};
    px_comparison *c = NULL;
    rc = px__compare_inputs(g_ctx, (const px_article *const *)g_art, 2, NULL, in, &c);
    if (rc == PX_OK) {
      fuzz_story_render(c);
      px_comparison_free(c);
    } else if (rc != PX_ENOMEM) {
      abort();
    }
  } else if (rc != PX_EFORMAT && rc != PX_ENOMEM) {
    abort();
  }
  return 0;
}
