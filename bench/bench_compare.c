/*
 * bench_compare - time px_compare on stories of growing size built from the
 * AllSides corpus, and show that the work grows with the sentences, not
 * with their square.
 *
 * usage: bench_compare ALLSIDES.jsonl.xz [RUNS] [SIZE...]   (sizes default 2 10 50 200)
 *
 * A story of N articles: the (date, topic) group with the most outlets,
 * padded with the nearest articles of the same topic (AllSides has no story
 * ids; README of the data).  Wall and CPU time are both printed: the CPU
 * time of the process is the steadier figure on a shared machine.  The topic is read into the language field by a
 * field map.  Each size is compared RUNS times (default 5); the median is
 * printed with the sentences, the pairs scored against all cross-article
 * pairs, and the time per sentence.
 */
#include "align/compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double clock_s(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
static double now(void) { return clock_s(CLOCK_MONOTONIC); }
static double cpu(void) { return clock_s(CLOCK_PROCESS_CPUTIME_ID); }

static int cmp_dbl(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static bool same_str(px_str a, px_str b) { return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0; }

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_compare ALLSIDES.jsonl.xz [RUNS] [SIZE...]\n");
    return 2;
  }
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  if (runs < 1) runs = 1;
  size_t sizes[16] = {2, 10, 50, 200};
  int nsizes = 4;
  if (argc > 3) {
    nsizes = 0;
    for (int i = 3; i < argc && nsizes < 16; i++) sizes[nsizes++] = (size_t)atol(argv[i]);
  }
  px_ctx *ctx;
  px_reader *rd;
  if (px_ctx_new(&ctx) || px_ctx_map_field(ctx, "language", "topic")) return 1;
  if (px_reader_open(ctx, argv[1], &rd)) {
    fprintf(stderr, "bench_compare: cannot open %s\n", argv[1]);
    return 1;
  }
  px_article **all = NULL;
  size_t n = 0, cap = 0;
  px_article *a;
  int rc;
  while ((rc = px_reader_next(rd, &a)) != PX_EOF) {
    if (rc) continue;
    int has;
    px_article_published(a, &has);
    if (!has || !px_article_get(a, PX_F_LANGUAGE).len) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 4096;
      all = realloc(all, cap * sizeof *all);
      if (!all) return 1;
    }
    if (px_article_clone(a, &all[n])) return 1;
    n++;
  }
  px_reader_free(rd);
  /* Lines are sorted by (date, topic, source): find the group with most outlets. */
  size_t best = 0, best_len = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    int64_t t = px_article_published(all[i], NULL);
    px_str topic = px_article_get(all[i], PX_F_LANGUAGE);
    while (j < n && px_article_published(all[j], NULL) == t &&
           same_str(px_article_get(all[j], PX_F_LANGUAGE), topic))
      j++;
    if (j - i > best_len) best = i, best_len = j - i;
    i = j;
  }
  px_str topic = px_article_get(all[best], PX_F_LANGUAGE);
  printf("story: %zu articles of topic '%.*s' on one day, padded with the nearest articles of "
         "that topic; median of %d runs\n",
         best_len, (int)topic.len, topic.ptr, runs);
  printf("%8s %10s %12s %14s %9s %9s %12s\n", "articles", "sentences", "pairs scored", "all pairs",
         "wall s", "cpu s", "us/sentence");
  const px_article **story = malloc(sizeof *story * (sizes[nsizes - 1] + best_len + 1));
  double prev_t = 0, prev_s = 0;
  for (int k = 0; k < nsizes; k++) {
    size_t want = sizes[k], got = 0;
    /* The group first, then outwards from it, same topic only. */
    for (size_t i = best; i < best + best_len && got < want; i++) story[got++] = all[i];
    for (size_t d = 1; got < want && (d <= best || best + best_len - 1 + d < n); d++) {
      if (d <= best && same_str(px_article_get(all[best - d], PX_F_LANGUAGE), topic)) story[got++] = all[best - d];
      size_t r = best + best_len - 1 + d;
      if (got < want && r < n && same_str(px_article_get(all[r], PX_F_LANGUAGE), topic)) story[got++] = all[r];
    }
    double *ts = malloc(sizeof *ts * (size_t)runs), *cs = malloc(sizeof *cs * (size_t)runs);
    size_t sentences = 0;
    uint64_t scored = 0;
    for (int r = 0; r < runs; r++) {
      px_comparison *c;
      double t0 = now(), c0 = cpu();
      px_compare_opts co;
      px_compare_opts_init(&co);
      if (getenv("BENCH_NOQUOTES")) co.quotes = 0;
      if (getenv("BENCH_NOWIRE")) co.wire = 0;
      if (px_compare(ctx, (const px_article *const *)story, got, &co, &c)) {
        fprintf(stderr, "bench_compare: %s\n", px_ctx_error(ctx));
        return 1;
      }
      ts[r] = now() - t0;
      cs[r] = cpu() - c0;
      sentences = 0;
      for (size_t i = 0; i < c->nart; i++) sentences += c->art[i].nsent;
      scored = c->pairs_scored;
      px_comparison_free(c);
    }
    qsort(ts, (size_t)runs, sizeof *ts, cmp_dbl);
    qsort(cs, (size_t)runs, sizeof *cs, cmp_dbl);
    double wall = ts[runs / 2], med = cs[runs / 2];
    double allpairs = (double)sentences * (sentences - sentences / (got ? got : 1)) / 2;
    printf("%8zu %10zu %12llu %14.0f %9.3f %9.3f %12.1f", got, sentences, (unsigned long long)scored,
           allpairs, wall, med, med / (sentences ? sentences : 1) * 1e6);
    if (prev_s > 0)
      printf("   x%.1f sentences -> x%.1f cpu time", sentences / prev_s, med / prev_t);
    printf("\n");
    prev_t = med;
    prev_s = (double)sentences;
    free(ts);
    free(cs);
  }
  free(story);
  for (size_t i = 0; i < n; i++) px_article_free(all[i]);
  free(all);
  px_ctx_free(ctx);
  return 0;
}
