/* fuzz_outlet_lang.c - the two readers of outlet and language values that
 * come from outside: px_outlet_name on an arbitrary source value (the
 * result NUL-terminated, within the buffer, never longer than reported),
 * and px_langid_identify on arbitrary bytes (a code of at most 7 bytes,
 * letters only). */
#include <parallax.h>

#include <stdlib.h>
#include <string.h>

static px_langid *g_li;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!g_li && px_langid_new(NULL, &g_li) != PX_OK) abort();
  const char *p = (const char *)data;
  char out[64];
  size_t len = 0;
  if (px_outlet_name(NULL, p, size, out, sizeof out, &len) != PX_OK) abort();
  size_t n = strlen(out);
  if (n >= sizeof out || (len < sizeof out && n != len)) abort();
  char code[8];
  if (px_langid_identify(g_li, p, size, code) != PX_OK) abort();
  n = strlen(code);
  if (n > 7) abort();
  for (size_t i = 0; i < n; i++)
    if (code[i] < 'a' || code[i] > 'z') abort();
  return 0;
}
