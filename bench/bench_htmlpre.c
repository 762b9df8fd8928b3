/*
 * bench_htmlpre - the cost of the HTML pre-pass (lib/ingest/htmlpre.c) on
 * real pages, and how many pages it changes.
 *
 *   build/bench_htmlpre DIR [ROUNDS]
 *       DIR holds *.html.gz pages (the article-extraction-benchmark's html/
 *       folder); prints pages, MB, CPU time over ROUNDS (default 20) passes,
 *       MB/s and the pages the pass changed (nested deeper than the cap).
 */
#include "ingest/extract.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double wall_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_htmlpre DIR [ROUNDS]\n");
    return 2;
  }
  int rounds = argc > 2 ? atoi(argv[2]) : 20;
  if (rounds < 1) rounds = 1;
  DIR *d = opendir(argv[1]);
  if (!d) {
    perror(argv[1]);
    return 1;
  }
  size_t n = 0, alloc = 0, total = 0;
  char **pages = NULL;
  size_t *lens = NULL;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 3 || strcmp(e->d_name + l - 3, ".gz") != 0) continue;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", argv[1], e->d_name);
    gzFile f = gzopen(path, "rb");
    if (!f) continue;
    size_t cap = (size_t)1 << 20, len = 0;
    char *b = malloc(cap);
    int r;
    while (b && (r = gzread(f, b + len, (unsigned)(cap - len))) > 0) {
      len += (size_t)r;
      if (len == cap) b = realloc(b, cap *= 2);
    }
    gzclose(f);
    if (!b) return 1;
    if (n == alloc) {
      alloc = alloc ? alloc * 2 : 256;
      pages = realloc(pages, alloc * sizeof(*pages));
      lens = realloc(lens, alloc * sizeof(*lens));
      if (!pages || !lens) return 1;
    }
    pages[n] = b;
    lens[n++] = len;
    total += len;
  }
  closedir(d);
  px__buf out;
  px__buf_init(&out, 0);
  size_t changed_pages = 0, dropped_tags = 0;
  double c0 = cpu_now(), w0 = wall_now();
  for (int k = 0; k < rounds; k++)
    for (size_t i = 0; i < n; i++) {
      bool changed;
      size_t dropped;
      if (px__html_prepass(pages[i], lens[i], &out, &changed, &dropped) != PX_OK) return 1;
      if (k == 0 && changed) {
        changed_pages++;
        dropped_tags += dropped;
      }
    }
  double cpu = cpu_now() - c0, wall = wall_now() - w0;
  printf("html pre-pass: %zu pages, %.1f MB, %d rounds: %.3f s CPU, %.3f s wall, %.0f MB/s (CPU); "
         "%zu pages changed (%zu tags left out)\n",
         n, (double)total / 1e6, rounds, cpu, wall, (double)total * rounds / 1e6 / cpu,
         changed_pages, dropped_tags);
  px__buf_release(&out);
  for (size_t i = 0; i < n; i++) free(pages[i]);
  free(pages);
  free(lens);
  return 0;
}
