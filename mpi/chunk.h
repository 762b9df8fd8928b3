/* chunk.h - an all-to-all of byte buffers larger than MPI's int counts.
 *
 * MPI_Alltoallv takes its counts and displacements as int: no rank may send
 * or receive more than INT_MAX bytes in one call, in all.  For 10^7 to 10^8
 * articles a rank's share of an exchange can pass 2 GiB, and Open MPI 4.1
 * (Debian's) has no large-count MPI_Alltoallv_c (MPI 4.0).  So the exchange
 * runs in rounds: in round r each rank sends each other rank bytes
 * [r*chunk, (r+1)*chunk) of what it has for it, with chunk <= limit / ranks,
 * so no count and no displacement of a round passes the limit.  Every rank
 * runs the same number of rounds: the largest count anywhere, divided by
 * chunk, rounded up (agreed with one MPI_Allreduce).
 *
 * The plan, packing and unpacking are here, without MPI, so the unit test
 * (tests/test_mpi_chunk.c) checks them with many simulated ranks and tiny
 * chunks; parallax_mpi.c's exchange() does the MPI calls.
 */
#ifndef PX_MPI_CHUNK_H
#define PX_MPI_CHUNK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Bytes per destination per round: limit / ranks (at least 1). */
static inline uint64_t chunk_size(int ranks, uint64_t limit) {
  uint64_t c = ranks > 0 ? limit / (uint64_t)ranks : limit;
  return c ? c : 1;
}

/* Bytes of a buffer of total bytes sent in round r. */
static inline uint64_t chunk_piece(uint64_t total, uint64_t r, uint64_t chunk) {
  if (total <= r * chunk) return 0;
  uint64_t left = total - r * chunk;
  return left < chunk ? left : chunk;
}

/* Rounds needed for the largest of counts[0..n) (0 when all are 0). */
static inline uint64_t chunk_rounds(const uint64_t *counts, int n, uint64_t chunk) {
  uint64_t mx = 0;
  for (int i = 0; i < n; i++)
    if (counts[i] > mx) mx = counts[i];
  return (mx + chunk - 1) / chunk;
}

/*
 * Round r, sending side: copies the round's piece of out[d] (nout[d] bytes
 * in all) for every destination d into sbuf, one after the other, and sets
 * the int counts and displacements MPI_Alltoallv takes.  sbuf holds
 * ranks * chunk bytes.  @return false when a count or displacement would
 * pass limit (a plan that breaks the invariant: the caller stops).
 */
static inline bool chunk_pack(char *sbuf, int *cnt, int *dsp, char *const *out,
                              const uint64_t *nout, int ranks, uint64_t r, uint64_t chunk,
                              uint64_t limit) {
  uint64_t at = 0;
  for (int d = 0; d < ranks; d++) {
    uint64_t p = chunk_piece(nout[d], r, chunk);
    if (p > limit || at > limit || at + p > limit) return false;
    cnt[d] = (int)p;
    dsp[d] = (int)at;
    if (p) memcpy(sbuf + at, out[d] + r * chunk, (size_t)p);
    at += p;
  }
  return true;
}

/*
 * Round r, receiving side: the counts and displacements to receive the
 * round's pieces from every source s (nin[s] bytes in all from s), into a
 * round buffer of ranks * chunk bytes.  @return false past limit.
 */
static inline bool chunk_recv_plan(int *cnt, int *dsp, const uint64_t *nin, int ranks, uint64_t r,
                                   uint64_t chunk, uint64_t limit) {
  uint64_t at = 0;
  for (int s = 0; s < ranks; s++) {
    uint64_t p = chunk_piece(nin[s], r, chunk);
    if (p > limit || at > limit || at + p > limit) return false;
    cnt[s] = (int)p;
    dsp[s] = (int)at;
    at += p;
  }
  return true;
}

/* Round r: the received round buffer into the whole receive buffer, where
 * what comes from source s starts at roff[s] (the sum of nin[0..s)). */
static inline void chunk_unpack(char *rbuf, const uint64_t *roff, const char *rround,
                                const int *cnt, const int *dsp, int ranks, uint64_t r,
                                uint64_t chunk) {
  for (int s = 0; s < ranks; s++)
    if (cnt[s]) memcpy(rbuf + roff[s] + r * chunk, rround + dsp[s], (size_t)cnt[s]);
}

#endif
