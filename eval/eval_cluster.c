/* eval_cluster.c - cluster articles read through the public reader and print
 * "id<TAB>story" per article, for scoring with ../shared/data/cluster_score.py.
 *
 * usage: eval_cluster [--online|--batch] [--threshold X[,X...]] [--window DAYS]
 *                     [--title-weight W] [--field NAME=PATH]... INPUT...
 * With several thresholds, the articles are read once and clustered once per
 * threshold; output lines are then "threshold<TAB>id<TAB>story".
 * Timing and counts go to stderr.
 */
#include <parallax.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  px_story_opts o;
  px_story_opts_init(&o);
  double thr[64];
  int nthr = 0;
  px_ctx *ctx = NULL;
  if (px_ctx_new(&ctx)) return 1;
  int first_input = argc;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--online") == 0) o.batch = 0;
    else if (strcmp(a, "--batch") == 0) o.batch = 1;
    else if (strcmp(a, "--threshold") == 0 && v) {
      char *e = (char *)v;
      while (*e && nthr < 64) {
        thr[nthr++] = strtod(e, &e);
        if (*e == ',') e++;
        else break;
      }
      i++;
    } else if (strcmp(a, "--window") == 0 && v) {
      o.window_days = atof(v);
      i++;
    } else if (strcmp(a, "--title-weight") == 0 && v) {
      o.title_weight = atof(v);
      i++;
    } else if (strcmp(a, "--field") == 0 && v) {
      char name[32];
      const char *eq = strchr(v, '=');
      if (!eq || (size_t)(eq - v) >= sizeof(name)) {
        fprintf(stderr, "eval_cluster: --field NAME=PATH\n");
        return 2;
      }
      memcpy(name, v, (size_t)(eq - v));
      name[eq - v] = '\0';
      if (px_ctx_map_field(ctx, name, eq + 1)) {
        fprintf(stderr, "eval_cluster: bad --field %s\n", v);
        return 2;
      }
      i++;
    } else if (a[0] == '-' && a[1] == '-') {
      fprintf(stderr, "eval_cluster: unknown option %s\n", a);
      return 2;
    } else {
      first_input = i;
      break;
    }
  }
  if (first_input >= argc) {
    fprintf(stderr, "usage: eval_cluster [--online|--batch] [--threshold X[,X]] INPUT...\n");
    return 2;
  }
  if (!nthr) thr[nthr++] = o.join_threshold;

  /* Read everything once (the sets are small). */
  px_article **arts = NULL;
  size_t n = 0, cap = 0;
  size_t rejected = 0;
  double t0 = now_s();
  for (int i = first_input; i < argc; i++) {
    px_reader *rd;
    if (px_reader_open(ctx, argv[i], &rd)) {
      fprintf(stderr, "eval_cluster: %s\n", px_ctx_error(ctx));
      return 1;
    }
    px_article *a;
    int rc;
    while ((rc = px_reader_next(rd, &a)) != PX_EOF) {
      if (rc < 0) {
        rejected++;
        if (px_reader_error_is_fatal(rd)) break;
        continue;
      }
      if (n == cap) {
        cap = cap ? cap * 2 : 1024;
        arts = realloc(arts, cap * sizeof(*arts));
        if (!arts) return 1;
      }
      if (px_article_clone(a, &arts[n])) return 1;
      n++;
    }
    px_reader_free(rd);
  }
  double t1 = now_s();
  fprintf(stderr, "eval_cluster: %zu articles read (%zu rejected) in %.2fs\n", n, rejected,
          t1 - t0);
  for (int k = 0; k < nthr; k++) {
    o.join_threshold = thr[k];
    px_stories *sx;
    if (px_stories_new(ctx, &o, &sx)) return 1;
    double c0 = now_s();
    for (size_t i = 0; i < n; i++)
      if (px_stories_add(sx, arts[i], NULL)) {
        fprintf(stderr, "eval_cluster: out of memory\n");
        return 1;
      }
    if (px_stories_finish(sx)) return 1;
    double c1 = now_s();
    fprintf(stderr, "eval_cluster: threshold %.3f: %lld stories, %.3fs (%.0f articles/s)\n",
            thr[k], (long long)px_stories_count(sx), c1 - c0, n / (c1 - c0 + 1e-9));
    for (size_t i = 0; i < n; i++) {
      px_story_result r;
      px_stories_result(sx, (int64_t)i, &r);
      px_str id = px_article_get(arts[i], PX_F_ID);
      if (nthr > 1) printf("%.4f\t", thr[k]);
      printf("%.*s\t%lld\n", (int)id.len, id.ptr, (long long)r.story);
    }
    px_stories_free(sx);
  }
  for (size_t i = 0; i < n; i++) px_article_free(arts[i]);
  free(arts);
  px_ctx_free(ctx);
  return 0;
}
