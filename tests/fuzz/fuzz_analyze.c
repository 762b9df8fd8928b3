/* fuzz_analyze.c - px__text_analyze on arbitrary bytes, checking the
 * invariants callers rely on: every offset inside the body, sentences in
 * order and not overlapping, no sentence empty or with white space at its
 * ends, every token inside its sentence and in order, the dateline before
 * the first sentence, and stems only on words. */
#include "analyze/text.h"

#include <stdlib.h>
#include <string.h>

static px__textan *g_ta;
static px__arena g_arena;

#define CHECK(c)                                                                             \
  do {                                                                                       \
    if (!(c)) abort();                                                                       \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!g_ta) {
    if (px__textan_new(&g_ta)) abort();
    px__arena_init(&g_arena, 1 << 16);
  }
  px__arena_reset(&g_arena);
  const char *p = (const char *)data;
  px__text t;
  if (px__text_analyze(g_ta, p, size, &g_arena, &t) != PX_OK) abort();
  CHECK(t.body == p && t.len == size);
  if (t.dateline.found) {
    CHECK(t.dateline.place_start <= t.dateline.place_end && t.dateline.place_end <= size);
    CHECK(t.dateline.agency_start <= t.dateline.agency_end && t.dateline.agency_end <= size);
    CHECK(t.dateline.end <= size);
    if (t.nsent) CHECK(t.sent[0].start >= t.dateline.end);
  }
  size_t prev_end = 0, tok_next = 0;
  for (size_t k = 0; k < t.nsent; k++) {
    const px__sentence *s = &t.sent[k];
    CHECK(s->start < s->end && s->end <= size);
    CHECK(s->start >= prev_end);
    CHECK(p[s->start] != ' ' && p[s->start] != '\n' && p[s->end - 1] != ' ' &&
          p[s->end - 1] != '\n');
    if (k) CHECK(s->para >= t.sent[k - 1].para);
    CHECK(s->tok_first == tok_next);
    tok_next += s->tok_count;
    CHECK(tok_next <= t.ntok);
    uint32_t prev_tok_end = s->start;
    for (uint32_t j = s->tok_first; j < s->tok_first + s->tok_count; j++) {
      const px__token *x = &t.tok[j];
      CHECK(x->start >= prev_tok_end && x->start < x->end && x->end <= s->end);
      CHECK(x->sent == (k < 65535 ? k : 65535));
      CHECK(x->kind <= PX__TOK_SYMBOL);
      CHECK((x->stem != 0) == (x->kind == PX__TOK_WORD));
      prev_tok_end = x->end;
    }
    prev_end = s->end;
  }
  CHECK(tok_next == t.ntok);
  /* the splitter alone agrees on where sentences are when there is no dateline */
  if (!t.dateline.found) {
    px__sentence *sv;
    size_t ns;
    if (px__split_sentences(p, size, &g_arena, &sv, &ns) != PX_OK) abort();
    CHECK(ns == t.nsent);
    for (size_t k = 0; k < ns; k++)
      CHECK(sv[k].start == t.sent[k].start && sv[k].end == t.sent[k].end);
  }
  /* folding keeps its map inside the input and in order */
  char *f;
  size_t fn;
  uint32_t *map;
  if (size < 4096 && px__fold(p, size, &g_arena, &f, &fn, &map) == PX_OK) {
    for (size_t k = 0; k < fn; k++) {
      CHECK(map[k] < size);
      if (k) CHECK(map[k] >= map[k - 1]);
    }
    CHECK(map[fn] == size);
  }
  return 0;
}
