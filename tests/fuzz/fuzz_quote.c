/* fuzz_quote.c - the quote-mark scanner and quote extraction (with
 * entities) on arbitrary bytes, checking what callers rely on: every span
 * inside the text and in order, no quote over the byte cap unless closed,
 * quotes in text order, spans inside their quote, cue and speaker inside
 * the text, entities in range; and the similarity of two halves of the
 * input in [0, 1]. */
#include "analyze/entity.h"
#include "analyze/quote.h"
#include "analyze/text.h"

#include <stdlib.h>
#include <string.h>

static px__textan *g_ta;
static px__entan *g_ea;
static px__quotean *g_qa;
static px__arena g_arena;

#define CHECK(c)                                                                             \
  do {                                                                                       \
    if (!(c)) abort();                                                                       \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!g_ta) {
    if (px__textan_new(&g_ta) || px__entan_new(&g_ea) || px__quotean_new(&g_qa)) abort();
    px__arena_init(&g_arena, 1 << 16);
  }
  px__arena_reset(&g_arena);
  const char *p = (const char *)data;
  /* the scanner alone */
  px__qspan *v;
  size_t nv;
  CHECK(px__quote_scan(p, size, &g_arena, &v, &nv) == PX_OK);
  for (size_t i = 0; i < nv; i++) {
    CHECK(v[i].open + v[i].open_len <= v[i].close + (v[i].flags & PX__QS_UNCLOSED ? 0 : 0) ||
          v[i].close >= v[i].open);
    CHECK(v[i].close + v[i].close_len <= size);
    if (i) CHECK(v[i - 1].open <= v[i].open);
    if (v[i].flags & PX__QS_UNCLOSED) CHECK(v[i].close - v[i].open <= PX__QUOTE_MAX_BYTES);
  }
  /* extraction */
  px__text tx;
  px__entities ents;
  px__quotes qs;
  if (px__text_analyze(g_ta, p, size, &g_arena, &tx) != PX_OK) abort();
  if (px__entities_find(g_ea, &tx, &g_arena, &ents) != PX_OK) abort();
  if (px__quotes_find(g_qa, &tx, &ents, &g_arena, &qs) != PX_OK) abort();
  for (size_t i = 0; i < qs.nq; i++) {
    const px__quote *q = &qs.q[i];
    CHECK(q->start <= q->end && q->end <= size);
    CHECK(q->cstart <= q->cend && q->cend <= size);
    CHECK(q->cue_start <= q->cue_end && q->cue_end <= size);
    CHECK(q->spk_start <= q->spk_end && q->spk_end <= size);
    CHECK(q->kind >= 1 && q->kind <= 5);
    CHECK(q->entity < 0 || (size_t)q->entity < ents.nent);
    CHECK(q->nspans >= 1 && q->span_first + q->nspans <= qs.nspan);
    for (size_t k = 0; k < q->nspans; k++) {
      const px__qrange *r = &qs.span[q->span_first + k];
      CHECK(r->start <= r->end && r->start >= q->start && r->end <= q->end);
    }
    if (i) CHECK(qs.q[i - 1].start <= q->start);
  }
  /* similarity of the two halves */
  px__qbag a, b;
  if (px__qbag_make(g_ta, p, size / 2, &g_arena, &a) != PX_OK) abort();
  if (px__qbag_make(g_ta, p + size / 2, size - size / 2, &g_arena, &b) != PX_OK) abort();
  double s = px__qbag_similarity(&a, &b, NULL, NULL);
  CHECK(s >= 0 && s <= 1.0000001);
  (void)px__speaker_match(p, size / 2, p + size / 2, size - size / 2);
  return 0;
}
