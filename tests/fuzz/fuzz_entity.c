/* fuzz_entity.c - px_analyze_text on arbitrary bytes, checking what callers
 * of the entity API rely on: every mention inside the body and on a UTF-8
 * boundary (when the body is valid UTF-8), mentions of an entity in text
 * order, keys NUL-terminated and free of upper-case ASCII, every entity
 * with at least one mention, types and kinds in range, and
 * px_doc_entity_at agreeing with the mention spans. */
#include "parallax.h"

#include <stdlib.h>
#include <string.h>

static px_ctx *g_ctx;
static px_analyzer *g_an;

#define CHECK(c)                                                                             \
  do {                                                                                       \
    if (!(c)) abort();                                                                       \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int valid_utf8(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned char c = p[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (!len || i + len > n) return 0;
    for (size_t k = 1; k < len; k++)
      if ((p[i + k] & 0xC0) != 0x80) return 0;
    i += len;
  }
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!g_an) {
    if (px_ctx_new(&g_ctx) || px_analyzer_new(g_ctx, &g_an)) abort();
  }
  px_doc *d = NULL;
  if (px_analyze_text(g_an, (const char *)data, size, &d) != PX_OK) abort();
  px_str body = px_doc_body(d);
  CHECK(body.len == size && (size == 0 || memcmp(body.ptr, data, size) == 0));
  int utf8 = valid_utf8(data, size);
  size_t ne = px_doc_entity_count(d);
  for (size_t i = 0; i < ne; i++) {
    px_str name, key;
    px_entity_type type;
    size_t nm;
    CHECK(px_doc_entity(d, i, &name, &key, &type, &nm) == PX_OK);
    CHECK(nm >= 1);
    CHECK(type >= PX_ENT_PERSON && type <= PX_ENT_OTHER);
    CHECK(key.ptr[key.len] == '\0' && strlen(key.ptr) == key.len);
    for (size_t k = 0; k < key.len; k++) CHECK(!(key.ptr[k] >= 'A' && key.ptr[k] <= 'Z'));
    CHECK(name.ptr[name.len] == '\0');
    size_t prev = 0;
    for (size_t j = 0; j < nm; j++) {
      size_t s, e;
      px_mention_kind kind;
      CHECK(px_doc_mention(d, i, j, &s, &e, &kind) == PX_OK);
      CHECK(s < e && e <= size);
      CHECK(j == 0 || s >= prev);
      CHECK(kind >= PX_MENTION_NAME && kind <= PX_MENTION_ROLE);
      if (utf8) CHECK((data[s] & 0xC0) != 0x80 && (e == size || (data[e] & 0xC0) != 0x80));
      CHECK(px_doc_entity_at(d, s) >= 0);
      prev = s;
    }
    CHECK(px_doc_mention(d, i, nm, NULL, NULL, NULL) == PX_EINVAL);
  }
  CHECK(px_doc_entity(d, ne, NULL, NULL, NULL, NULL) == PX_EINVAL);
  px_doc_free(d);
  return 0;
}
