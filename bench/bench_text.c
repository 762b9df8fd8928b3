/* bench_text.c - text analysis throughput beside a raw byte scan and ICU's
 * sentence break iterator, over the same article bodies held in memory.
 *
 * usage: bench_text INPUT [--limit N] [--runs R] [--only raw|parallax|split|icu]
 *
 *   raw       a plain loop counting '\n' and '.' (the memory-bandwidth floor)
 *   parallax  px__text_analyze: dateline, sentences, tokens, folds, stems
 *   split     px__split_sentences alone (the like-for-like comparison with ICU)
 *   fts       px__fts_maker_run: the search index's tokens (unicode61 and
 *             porter, through parallax's word cache), as a pipeline's
 *             worker makes them; one maker, its cache warm after the first
 *             run
 *   icu       u_strFromUTF8 + ubrk_open(UBRK_SENTENCE, "en_US") iterated to
 *             the end (the conversion is counted in ICU's time; one break
 *             iterator is reused, as parallax reuses one analyzer)
 *
 * Bodies are read with the public reader first (decompression is not
 * timed).  Each measurement is run R times (default 3); medians are printed
 * as MB/s with the ratios, then the peak resident memory.  Times are CPU
 * time of the process (CLOCK_PROCESS_CPUTIME_ID), which other work on a
 * shared machine disturbs less than wall time; the program is one thread.
 */
#include "analyze/text.h"
#include "px_common.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return v[n / 2];
}

typedef struct corpus {
  char *buf;
  size_t len, cap;
  size_t *off; /* body k is buf[off[k], off[k+1]) */
  size_t n, ocap;
} corpus;

static int add_body(corpus *c, const char *p, size_t n) {
  if (c->len + n > c->cap) {
    size_t nc = c->cap ? c->cap * 2 : (size_t)1 << 24;
    while (nc < c->len + n) nc *= 2;
    char *nb = realloc(c->buf, nc);
    if (!nb) return -1;
    c->buf = nb;
    c->cap = nc;
  }
  if (c->n + 2 > c->ocap) {
    size_t nc = c->ocap ? c->ocap * 2 : 1024;
    size_t *no = realloc(c->off, nc * sizeof *no);
    if (!no) return -1;
    c->off = no;
    c->ocap = nc;
  }
  if (c->n == 0) c->off[0] = 0;
  memcpy(c->buf + c->len, p, n);
  c->len += n;
  c->off[++c->n] = c->len;
  return 0;
}

static volatile size_t sink;

static double run_raw(const corpus *c) {
  double t0 = now_s();
  size_t nl = 0, dots = 0;
  for (size_t k = 0; k < c->n; k++) {
    const char *p = c->buf + c->off[k];
    size_t n = c->off[k + 1] - c->off[k];
    for (size_t i = 0; i < n; i++) {
      nl += p[i] == '\n';
      dots += p[i] == '.';
    }
  }
  sink = nl + dots;
  return now_s() - t0;
}

static double run_parallax(const corpus *c, px__textan *ta, px__arena *arena, size_t *nsent,
                           size_t *ntok) {
  double t0 = now_s();
  size_t s = 0, t = 0;
  for (size_t k = 0; k < c->n; k++) {
    px__text out;
    px__arena_reset(arena);
    if (px__text_analyze(ta, c->buf + c->off[k], c->off[k + 1] - c->off[k], arena, &out))
      return -1;
    s += out.nsent;
    t += out.ntok;
  }
  double dt = now_s() - t0;
  *nsent = s;
  *ntok = t;
  return dt;
}

static double run_split(const corpus *c, px__arena *arena, size_t *nsent) {
  double t0 = now_s();
  size_t s = 0;
  for (size_t k = 0; k < c->n; k++) {
    px__sentence *sv;
    size_t ns;
    px__arena_reset(arena);
    if (px__split_sentences(c->buf + c->off[k], c->off[k + 1] - c->off[k], arena, &sv, &ns))
      return -1;
    s += ns;
  }
  *nsent = s;
  return now_s() - t0;
}

static double run_fts(const corpus *c, px__fts_maker *fm, px__buf *tokens, size_t *nbytes) {
  double t0 = now_s();
  size_t s = 0;
  for (size_t k = 0; k < c->n; k++) {
    tokens->len = 0;
    if (px__fts_maker_run(fm, c->buf + c->off[k], c->off[k + 1] - c->off[k], tokens)) return -1;
    s += tokens->len;
  }
  *nbytes = s;
  return now_s() - t0;
}

static double run_icu(const corpus *c, size_t *nsent) {
  UErrorCode st = U_ZERO_ERROR;
  double t0 = now_s();
  UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en_US", NULL, 0, &st);
  if (U_FAILURE(st)) return -1;
  UChar *u = NULL;
  int32_t ucap = 0;
  size_t s = 0;
  for (size_t k = 0; k < c->n; k++) {
    const char *p = c->buf + c->off[k];
    int32_t n = (int32_t)(c->off[k + 1] - c->off[k]);
    if (n + 1 > ucap) {
      ucap = 2 * (n + 1);
      UChar *nu = realloc(u, (size_t)ucap * sizeof *u);
      if (!nu) return -1;
      u = nu;
    }
    int32_t ul = 0;
    st = U_ZERO_ERROR;
    u_strFromUTF8(u, ucap, &ul, p, n, &st);
    if (U_FAILURE(st)) continue;
    ubrk_setText(bi, u, ul, &st);
    if (U_FAILURE(st)) continue;
    for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) s++;
  }
  ubrk_close(bi);
  free(u);
  *nsent = s;
  return now_s() - t0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_text INPUT [--limit N] [--runs R]\n");
    return 2;
  }
  size_t limit = SIZE_MAX;
  int runs = 3;
  const char *only = "";
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!strcmp(argv[i], "--limit")) limit = (size_t)atoll(argv[i + 1]);
    else if (!strcmp(argv[i], "--runs")) runs = atoi(argv[i + 1]);
    else if (!strcmp(argv[i], "--only")) only = argv[i + 1];
  }
  if (runs < 1 || runs > 99) runs = 3;
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return 1;
  px_reader *rd;
  if (px_reader_open(ctx, argv[1], &rd)) {
    fprintf(stderr, "bench_text: %s\n", px_ctx_error(ctx));
    return 1;
  }
  corpus c = {0};
  px_article *a;
  int rc;
  while (c.n < limit && (rc = px_reader_next(rd, &a)) != PX_EOF) {
    if (rc < 0) {
      if (px_reader_error_is_fatal(rd)) break;
      continue;
    }
    px_str b = px_article_get(a, PX_F_BODY);
    if (b.len && add_body(&c, b.ptr, b.len)) {
      fprintf(stderr, "bench_text: out of memory\n");
      return 1;
    }
  }
  px_reader_free(rd);
  double mb = (double)c.len / 1e6;
  printf("articles %zu, body text %.1f MB, %d runs, medians\n", c.n, mb, runs);
  if (!c.n) return 0;

  px__textan *ta;
  if (px__textan_new(&ta)) return 1;
  px__arena arena;
  px__arena_init(&arena, 1 << 20);
  double traw[99] = {0}, tpx[99] = {0}, tsplit[99] = {0}, ticu[99] = {0}, tfts[99] = {0};
  size_t nsent = 0, ntok = 0, nicu = 0, nsplit = 0, nfts = 0;
  px__fts_maker *fm = NULL;
  px__buf tokens;
  px__buf_init(&tokens, 0);
  if ((!*only || !strcmp(only, "fts")) && px__fts_maker_new(&fm)) return 1;
  for (int r = 0; r < runs; r++) {
    if (!*only || !strcmp(only, "raw")) traw[r] = run_raw(&c);
    if (!*only || !strcmp(only, "parallax")) tpx[r] = run_parallax(&c, ta, &arena, &nsent, &ntok);
    if (!*only || !strcmp(only, "split")) tsplit[r] = run_split(&c, &arena, &nsplit);
    if (!*only || !strcmp(only, "icu")) ticu[r] = run_icu(&c, &nicu);
    if (fm) tfts[r] = run_fts(&c, fm, &tokens, &nfts);
    if (tpx[r] < 0 || ticu[r] < 0 || tsplit[r] < 0 || tfts[r] < 0) {
      fprintf(stderr, "bench_text: analysis failed\n");
      return 1;
    }
  }
  double raw = median(traw, runs), px = median(tpx, runs), icu = median(ticu, runs);
  double split = median(tsplit, runs);
  printf("raw scan    %8.1f MB/s  (count '\\n' and '.')\n", mb / raw);
  printf("parallax    %8.1f MB/s  (dateline+split+tokenize+fold+stem: %zu sentences, %zu "
         "tokens)\n",
         mb / px, nsent, ntok);
  printf("split only  %8.1f MB/s  (px__split_sentences: %zu sentences)\n", mb / split, nsplit);
  printf("icu         %8.1f MB/s  (UTF-8->UTF-16 + UBRK_SENTENCE en_US: %zu boundaries)\n",
         mb / icu, nicu);
  if (fm)
    printf("fts tokens  %8.1f MB/s  (px__fts_maker_run: %zu bytes of tokens)\n",
           mb / median(tfts, runs), nfts);
  printf("ratios      parallax/icu %.2fx, split/icu %.2fx, parallax/raw %.3f, split/raw %.3f, "
         "icu/raw %.3f\n",
         icu / px, icu / split, raw / px, raw / split, raw / icu);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("peak rss    %.1f MB (bodies held in memory: %.1f MB)\n", ru.ru_maxrss / 1024.0, mb);
  px__fts_maker_free(fm);
  px__buf_release(&tokens);
  px__arena_release(&arena);
  px__textan_free(ta);
  free(c.buf);
  free(c.off);
  px_ctx_free(ctx);
  return 0;
}
