/* hash.c - a fast non-cryptographic 64-bit hash for content and tokens.
 *
 * Reads 8 bytes at a time and mixes with multiply-xorshift rounds; the tail
 * (under 8 bytes) is read in two overlapping loads.  Good avalanche is all
 * that is needed: it keys hash tables and identifies exact copies of article
 * bodies.  Sets of such hashes are kept sorted (px__sort_unique_u64).
 */
#include "px_common.h"

#include <stdlib.h>
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
  /* The last n < 8 bytes as a little-endian number, without a loop:
   * two overlapping loads (overlapping bytes land on the same bits). */
  uint64_t tail = 0;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n >= 4) {
    uint32_t lo, hi;
    memcpy(&lo, p, 4);
    memcpy(&hi, p + n - 4, 4);
    tail = (uint64_t)lo | (uint64_t)hi << (8 * (n - 4));
  } else if (n > 0) {
    tail = (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) | (uint64_t)p[n - 1] << (8 * (n - 1));
  }
#else
  for (size_t i = 0; i < n; i++) tail |= (uint64_t)p[i] << (8 * i);
#endif
  h ^= px__mix64(tail ^ 0xd6e8feb86659fd93ULL);
  return px__mix64(h);
}

size_t px__sort_unique_u64(uint64_t *v, size_t n) {
  if (n < 2) return n;
  qsort(v, n, sizeof *v, px__cmp_u64);
  size_t m = 0;
  for (size_t k = 0; k < n; k++)
    if (!m || v[m - 1] != v[k]) v[m++] = v[k];
  return m;
}
