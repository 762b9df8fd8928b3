/*
 * bench_extract - HTML extraction throughput on the Article Extraction
 * Benchmark pages: all pages are read and gunzipped into memory first (as
 * `parallax ingest` reads a page file: px__stream_open, px__stream_slurp), then
 * px__extract_html (charset, parse, metadata, main text, normalization) runs
 * over them; prints the median of --runs runs, one core.
 *   bench_extract DIR [--runs N]
 */
#include "ingest/extract.h"
#include "ingest/ingest.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_extract HTML_DIR [--runs N]\n");
    return 2;
  }
  int runs = 5;
  for (int i = 2; i + 1 < argc; i++)
    if (strcmp(argv[i], "--runs") == 0) runs = atoi(argv[++i]);
  if (runs < 1) runs = 1;
  DIR *d = opendir(argv[1]);
  if (!d) {
    fprintf(stderr, "bench_extract: cannot open %s\n", argv[1]);
    return 1;
  }
  size_t np = 0, cap = 256, bytes = 0;
  px_ctx *ctx;
  px_ctx_new(&ctx);
  char **pages = malloc(cap * sizeof(char *));
  size_t *lens = malloc(cap * sizeof(size_t));
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 8 || strcmp(e->d_name + l - 8, ".html.gz") != 0) continue;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", argv[1], e->d_name);
    px__stream *s;
    if (px__stream_open(path, &s) != PX_OK) continue;
    px__buf page;
    px__buf_init(&page, 0);
    int rc = px__stream_slurp(s, &page, ctx->limit_record);
    px__stream_free(s);
    if (rc != PX_OK) {
      fprintf(stderr, "bench_extract: %s: %s\n", path, px_strerror(rc));
      px__buf_release(&page);
      continue;
    }
    char *p = page.ptr;
    size_t n = page.len;
    if (np == cap) {
      cap *= 2;
      pages = realloc(pages, cap * sizeof(char *));
      lens = realloc(lens, cap * sizeof(size_t));
    }
    pages[np] = p;
    lens[np++] = n;
    bytes += n;
  }
  closedir(d);
  if (np == 0) {
    fprintf(stderr, "bench_extract: no .html.gz page in %s\n", argv[1]);
    return 1;
  }
  px__extractor *ex;
  px__extractor_new(&ex);
  px_article *art;
  px_article_new(&art);
  px__buf msg;
  px__buf_init(&msg, 4096);
  double *t = malloc((size_t)runs * sizeof(double));
  size_t out_bytes = 0;
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    out_bytes = 0;
    for (size_t i = 0; i < np; i++) {
      px__article_clear(art);
      px__buf_clear(&msg);
      px__extract_html(ctx, ex, pages[i], lens[i], NULL, NULL, 0, art, &msg);
      out_bytes += px_article_get(art, PX_F_BODY).len;
    }
    t[r] = now() - t0;
  }
  qsort(t, (size_t)runs, sizeof(double), cmp_d);
  double m = t[runs / 2];
  printf("parallax: %zu pages, %.1f MB, %.3f s (median of %d): %.1f pages/s, %.1f MB/s "
         "(%.1f MB of text out)\n",
         np, bytes / 1e6, m, runs, np / m, bytes / 1e6 / m, out_bytes / 1e6);
  return 0;
}
