/* test_mpi_chunk.c - the rounds parallax-mpi cuts its all-to-all exchanges
 * into (mpi/chunk.h), so that no int count or displacement of MPI_Alltoallv
 * passes INT_MAX: the plan's arithmetic at sizes past 2^31, and a simulated
 * exchange among several ranks, with chunks of a few bytes, that must deliver
 * every byte where a single exchange would. */
#include "px_test.h"

#include <limits.h>
#include <stdlib.h>

#include "../mpi/chunk.h"

static void test_plan_arithmetic(void **state) {
  (void)state;
  /* 64 ranks: a round moves at most INT_MAX bytes in all */
  uint64_t c = chunk_size(64, INT_MAX);
  assert_true(c * 64 <= (uint64_t)INT_MAX);
  assert_true(c > 0);
  assert_int_equal(chunk_size(0, 100), 100);
  assert_int_equal(chunk_size(1000, 10), 1); /* never 0 */
  /* 3 GiB to one rank and 5 GiB to another: pieces never above chunk, and
   * they add up */
  uint64_t counts[3] = {3ull << 30, 0, 5ull << 30};
  uint64_t rounds = chunk_rounds(counts, 3, c);
  assert_int_equal(rounds, ((5ull << 30) + c - 1) / c);
  for (int d = 0; d < 3; d++) {
    uint64_t sum = 0;
    for (uint64_t r = 0; r < rounds; r++) {
      uint64_t p = chunk_piece(counts[d], r, c);
      assert_true(p <= c);
      sum += p;
    }
    assert_true(sum == counts[d]);
  }
  assert_int_equal(chunk_piece(10, 0, 4), 4);
  assert_int_equal(chunk_piece(10, 2, 4), 2);
  assert_int_equal(chunk_piece(10, 3, 4), 0);
  uint64_t none[2] = {0, 0};
  assert_int_equal(chunk_rounds(none, 2, 8), 0);
  /* a plan past the limit is refused, not truncated into an int */
  int cnt[2], dsp[2];
  uint64_t big[2] = {(uint64_t)INT_MAX, (uint64_t)INT_MAX};
  assert_false(chunk_recv_plan(cnt, dsp, big, 2, 0, (uint64_t)INT_MAX, INT_MAX));
  assert_true(chunk_recv_plan(cnt, dsp, big, 2, 0, (uint64_t)INT_MAX / 2, INT_MAX));
  assert_int_equal(cnt[0], INT_MAX / 2);
  assert_int_equal(dsp[1], INT_MAX / 2);
}

/* P simulated ranks; out[s][d] holds nout[s][d] bytes, each byte a function
 * of (s, d, position).  Every round each rank packs, the "network" copies
 * each send segment into the receiver's round buffer at the receiver's
 * displacement for that source (what MPI_Alltoallv does), and each rank
 * unpacks. */
#define P 5
static unsigned char byte_of(int s, int d, uint64_t i) { return (unsigned char)(s * 31 + d * 7 + i * 13); }

static void simulate(uint64_t chunk, unsigned seed) {
  srand(seed);
  uint64_t nout[P][P];
  char *out[P][P];
  for (int s = 0; s < P; s++)
    for (int d = 0; d < P; d++) {
      nout[s][d] = (uint64_t)(rand() % 4) == 0 ? 0 : (uint64_t)(rand() % 300);
      out[s][d] = malloc(nout[s][d] + 1);
      for (uint64_t i = 0; i < nout[s][d]; i++) out[s][d][i] = (char)byte_of(s, d, i);
    }
  /* what each rank receives: nin[d][s] = nout[s][d]; offsets per source */
  uint64_t nin[P][P], roff[P][P + 1];
  char *rbuf[P];
  for (int d = 0; d < P; d++) {
    roff[d][0] = 0;
    for (int s = 0; s < P; s++) {
      nin[d][s] = nout[s][d];
      roff[d][s + 1] = roff[d][s] + nin[d][s];
    }
    rbuf[d] = malloc(roff[d][P] + 1);
  }
  uint64_t rounds = 0;
  for (int s = 0; s < P; s++) {
    uint64_t r = chunk_rounds(nout[s], P, chunk);
    if (r > rounds) rounds = r;
  }
  char *sround[P], *rround[P];
  for (int k = 0; k < P; k++) {
    sround[k] = malloc(chunk * P);
    rround[k] = malloc(chunk * P);
  }
  for (uint64_t r = 0; r < rounds; r++) {
    int scnt[P][P], sdsp[P][P], rcnt[P][P], rdsp[P][P];
    for (int k = 0; k < P; k++) {
      assert_true(chunk_pack(sround[k], scnt[k], sdsp[k], out[k], nout[k], P, r, chunk, INT_MAX));
      assert_true(chunk_recv_plan(rcnt[k], rdsp[k], nin[k], P, r, chunk, INT_MAX));
    }
    for (int s = 0; s < P; s++)
      for (int d = 0; d < P; d++) {
        assert_int_equal(scnt[s][d], rcnt[d][s]); /* both sides agree on the piece */
        assert_true((uint64_t)scnt[s][d] <= chunk);
        memcpy(rround[d] + rdsp[d][s], sround[s] + sdsp[s][d], (size_t)scnt[s][d]);
      }
    for (int d = 0; d < P; d++) chunk_unpack(rbuf[d], roff[d], rround[d], rcnt[d], rdsp[d], P, r, chunk);
  }
  for (int d = 0; d < P; d++)
    for (int s = 0; s < P; s++)
      for (uint64_t i = 0; i < nin[d][s]; i++)
        assert_int_equal((unsigned char)rbuf[d][roff[d][s] + i], byte_of(s, d, i));
  for (int k = 0; k < P; k++) {
    free(sround[k]);
    free(rround[k]);
    free(rbuf[k]);
    for (int d = 0; d < P; d++) free(out[k][d]);
  }
}

static void test_simulated_exchange(void **state) {
  (void)state;
  for (unsigned seed = 1; seed <= 20; seed++) {
    simulate(1, seed);   /* a byte per pair per round */
    simulate(7, seed);
    simulate(64, seed);
    simulate(4096, seed); /* one round */
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plan_arithmetic),
      cmocka_unit_test(test_simulated_exchange),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
