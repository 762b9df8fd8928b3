/* fuzz_rollover.c - px__cut_rollovers (rollover.c) on arbitrary bytes: no
 * crash, the text only ever loses bytes (what is left is the input with
 * spans cut out, in order), and text without " MORE" is left alone. */
#include "px_common.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *p = malloc(size + 1);
  if (!p) return 0;
  if (size) memcpy(p, data, size);
  size_t n = px__cut_rollovers(p, size);
  if (n > size) abort();
  /* what is left is a subsequence of the input */
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    while (j < size && (char)data[j] != p[i]) j++;
    if (j == size) abort();
    j++;
  }
  if (!memmem(data, size, " MORE", 5) && (n != size || (size && memcmp(p, data, size) != 0)))
    abort();
  free(p);
  return 0;
}
