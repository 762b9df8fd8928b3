/* fuzz_furniture.c - px__furniture_text (lib/analyze/furniture.c) over
 * arbitrary bytes: an article's sentence is outside input.  No crash, no
 * read outside the sentence (ASan), and the same answer for the same bytes
 * copied to an exact-size buffer. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *copy = malloc(size ? size : 1);
  if (!copy) return 0;
  if (size) memcpy(copy, data, size);
  bool a = px__furniture_text(copy, size);
  bool b = px__furniture_text((const char *)data, size);
  free(copy);
  if (a != b) abort();
  return 0;
}
