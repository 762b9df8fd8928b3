/* bench_cluster.c - time text analysis, duplicate detection and story
 * clustering over articles held in memory.
 *
 * usage: bench_cluster MODE INPUT [--limit N]
 *   MODE analyze   text analysis of title and body only (what every mode pays)
 *        dedup     analysis + duplicate detection (px_dedup)
 *        online    analysis + duplicates + online clustering (px_stories)
 *        batch     the same in batch mode
 * Articles are read first (not timed).  Times are CPU seconds of the
 * process (one thread), so other load on the machine disturbs them less.
 * Prints one line:
 *   MODE N seconds articles/s rss_after_load_MB peak_rss_MB stories
 */
#include "analyze/text.h"
#include "px_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double rss_mb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  double v = 0;
  while (f && fgets(line, sizeof(line), f))
    if (strncmp(line, "VmRSS:", 6) == 0) v = atof(line + 6) / 1024.0;
  if (f) fclose(f);
  return v;
}

static double peak_mb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: bench_cluster analyze|dedup|online|batch INPUT [--limit N]\n");
    return 2;
  }
  const char *mode = argv[1];
  size_t limit = SIZE_MAX;
  if (argc >= 5 && strcmp(argv[3], "--limit") == 0) limit = (size_t)atoll(argv[4]);
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return 1;
  px_reader *rd;
  if (px_reader_open(ctx, argv[2], &rd)) {
    fprintf(stderr, "bench_cluster: %s\n", px_ctx_error(ctx));
    return 1;
  }
  px_article **arts = NULL, *a;
  size_t n = 0, cap = 0;
  int rc;
  while (n < limit && (rc = px_reader_next(rd, &a)) != PX_EOF) {
    if (rc < 0) {
      if (px_reader_error_is_fatal(rd)) break;
      continue;
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 4096;
      arts = realloc(arts, cap * sizeof(*arts));
      if (!arts) return 1;
    }
    if (px_article_clone(a, &arts[n])) return 1;
    n++;
  }
  px_reader_free(rd);
  double rss0 = rss_mb();
  long long stories = 0;
  double t0 = now_s();
  if (strcmp(mode, "analyze") == 0) {
    px__textan *ta;
    px__arena ar;
    px__arena_init(&ar, 1 << 16);
    if (px__textan_new(&ta)) return 1;
    size_t toks = 0;
    for (size_t i = 0; i < n; i++) {
      px__text tx;
      px_str b = px_article_get(arts[i], PX_F_BODY), t = px_article_get(arts[i], PX_F_TITLE);
      px__arena_reset(&ar);
      if (px__text_analyze(ta, b.ptr ? b.ptr : "", b.len, &ar, &tx)) return 1;
      toks += tx.ntok;
      if (px__text_analyze(ta, t.ptr ? t.ptr : "", t.len, &ar, &tx)) return 1;
    }
    stories = (long long)toks;
    px__textan_free(ta);
    px__arena_release(&ar);
  } else if (strcmp(mode, "dedup") == 0) {
    px_dedup *dd;
    if (px_dedup_new(ctx, NULL, &dd)) return 1;
    px_story_result r;
    for (size_t i = 0; i < n; i++) {
      if (px_dedup_add(dd, arts[i], &r)) return 1;
      stories += r.dup_of >= 0;
    }
    px_dedup_free(dd);
  } else if (strcmp(mode, "online") == 0 || strcmp(mode, "batch") == 0) {
    px_story_opts o;
    px_story_opts_init(&o);
    o.batch = strcmp(mode, "batch") == 0;
    px_stories *sx;
    if (px_stories_new(ctx, &o, &sx)) return 1;
    for (size_t i = 0; i < n; i++)
      if (px_stories_add(sx, arts[i], NULL)) return 1;
    if (px_stories_finish(sx)) return 1;
    stories = px_stories_count(sx);
    px_stories_free(sx);
  } else {
    fprintf(stderr, "bench_cluster: unknown mode %s\n", mode);
    return 2;
  }
  double el = now_s() - t0;
  printf("%s %zu %.3f %.0f %.1f %.1f %lld\n", mode, n, el, n / (el > 0 ? el : 1e-9), rss0,
         peak_mb(), stories);
  for (size_t i = 0; i < n; i++) px_article_free(arts[i]);
  free(arts);
  px_ctx_free(ctx);
  return 0;
}
