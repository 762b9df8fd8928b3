/* hash.c - a fast non-cryptographic 64-bit hash for content and tokens.
 *
 * Reads 8 bytes at a time and mixes with multiply-xorshift rounds; the tail
 * is folded in byte by byte.  Good avalanche is all that is needed: it
 * keys hash tables and identifies exact copies of article bodies.
 */
#include "px_common.h"

#include <string.h>

uint64_t px__hash64(const void *data, size_t n, uint64_t seed) {
  const unsigned char *p = data;
  uint64_t h = seed ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(n + 1));
  while (n >= 8) {
    uint64_t v;
    memcpy(&v, p, 8);
    h ^= px__mix64(v + 0x632be59bd9b4e019ULL);
    h = (h << 27 | h >> 37) * 0x9fb21c651e98df25ULL;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < n; i++) tail |= (uint64_t)p[i] << (8 * i);
  h ^= px__mix64(tail ^ 0xd6e8feb86659fd93ULL);
  return px__mix64(h);
}
