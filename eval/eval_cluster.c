/* eval_cluster.c - cluster articles read through the public reader and print
 * "id<TAB>story" per article, for scoring with ../shared/data/cluster_score.py.
 *
 * usage: eval_cluster [--online|--batch|--ingest] [--chunks N] [--shuffle SEED]
 *                     [--threshold X[,X...]] [--window DAYS]
 *                     [--title-weight W] [--field NAME=PATH]... INPUT...
 * --ingest clusters as 'parallax ingest' does: the articles go through
 * px_ingest into a fresh store (no analysis) and px_ingest_finish places
 * them; with --chunks N, in N successive ingests (in time order, undated
 * last), each finished before the next, as a feed arriving day by day.
 * --shuffle SEED puts the articles in another (seeded) order first.
 * With several thresholds, the articles are read once and clustered once per
 * threshold; output lines are then "threshold<TAB>id<TAB>story".
 * Timing and counts go to stderr.
 */
#include <parallax.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct sid_map {
  int64_t *store_id, *story; /* sorted by store id */
  size_t n, cap;
} sid_map;

static int on_member(void *user, const px_story_member *m) {
  sid_map *sm = user;
  if (sm->n == sm->cap) {
    sm->cap = sm->cap ? sm->cap * 2 : 1024;
    sm->store_id = realloc(sm->store_id, sm->cap * sizeof(int64_t));
    sm->story = realloc(sm->story, sm->cap * sizeof(int64_t));
    if (!sm->store_id || !sm->story) return 1;
  }
  sm->store_id[sm->n] = px_article_id(m->art);
  sm->story[sm->n++] = -1;
  return 0;
}

typedef struct story_ids {
  int64_t *v;
  size_t n, cap;
} story_ids;

static int on_story(void *user, const px_story_info *in) {
  story_ids *s = user;
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 1024;
    s->v = realloc(s->v, s->cap * sizeof(*s->v));
    if (!s->v) return 1;
  }
  s->v[s->n++] = in->id;
  return 0;
}

typedef struct tkey {
  int64_t t;
  int has;
  size_t i;
} tkey;

static int cmp_tkey(const void *a, const void *b) {
  const tkey *x = a, *y = b;
  if (x->has != y->has) return x->has ? -1 : 1;
  if (x->has && x->t != y->t) return x->t < y->t ? -1 : 1;
  return x->i < y->i ? -1 : x->i > y->i;
}

/* Cluster through px_ingest into a fresh store; story[i] gets article i's
 * stored story id.  @return 0 or 1. */
static int run_ingest(px_ctx *ctx, px_article **arts, size_t n, const px_story_opts *o,
                      int chunks, int64_t *story) {
  char path[] = "/tmp/eval_cluster_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 1;
  close(fd);
  unlink(path);
  px_store *st;
  if (px_store_open(ctx, path, PX_OPEN_WRITE, &st)) {
    fprintf(stderr, "eval_cluster: %s\n", px_ctx_error(ctx));
    return 1;
  }
  tkey *ord = malloc((n + 1) * sizeof(*ord));
  int64_t *sid = malloc((n + 1) * sizeof(*sid));
  if (!ord || !sid) return 1;
  for (size_t i = 0; i < n; i++) {
    int has = 0;
    ord[i] = (tkey){px_article_published(arts[i], &has), has, i};
  }
  if (chunks > 1) qsort(ord, n, sizeof(*ord), cmp_tkey);
  px_ingest_opts io;
  px_ingest_opts_init(&io);
  io.analyze = 0;
  io.story = o;
  if (chunks < 1) chunks = 1;
  for (int c = 0; c < chunks; c++) {
    px_ingest *g;
    if (px_ingest_new(st, &io, &g)) return 1;
    size_t lo = n * (size_t)c / (size_t)chunks, hi = n * (size_t)(c + 1) / (size_t)chunks;
    for (size_t k = lo; k < hi; k++) {
      int rc = px_ingest_add(g, arts[ord[k].i], &sid[ord[k].i]);
      if (rc != PX_OK && rc != PX_EDUPLICATE) {
        fprintf(stderr, "eval_cluster: %s\n", px_ctx_error(ctx));
        return 1;
      }
    }
    if (px_ingest_finish(g)) {
      fprintf(stderr, "eval_cluster: %s\n", px_ctx_error(ctx));
      return 1;
    }
    px_ingest_free(g);
  }
  story_ids ss = {0};
  px_story_filter f = {0};
  if (px_store_stories(st, &f, on_story, &ss)) return 1;
  sid_map sm = {0};
  for (size_t k = 0; k < ss.n; k++) {
    size_t before = sm.n;
    if (px_store_story_articles(st, ss.v[k], on_member, &sm)) return 1;
    for (size_t j = before; j < sm.n; j++) sm.story[j] = ss.v[k];
  }
  for (size_t i = 0; i < n; i++) {
    story[i] = -1;
    for (size_t j = 0; j < sm.n; j++) /* small sets: a linear search is fine */
      if (sm.store_id[j] == sid[i]) {
        story[i] = sm.story[j];
        break;
      }
  }
  free(sm.store_id);
  free(sm.story);
  free(ss.v);
  free(ord);
  free(sid);
  px_store_free(st);
  unlink(path);
  char side[64];
  snprintf(side, sizeof(side), "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof(side), "%s-shm", path);
  unlink(side);
  return 0;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  px_story_opts o;
  px_story_opts_init(&o);
  double thr[64];
  int nthr = 0, ingest = 0, chunks = 1;
  unsigned long shuffle = 0;
  px_ctx *ctx = NULL;
  if (px_ctx_new(&ctx)) return 1;
  int first_input = argc;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--online") == 0) o.batch = 0;
    else if (strcmp(a, "--batch") == 0) o.batch = 1;
    else if (strcmp(a, "--ingest") == 0) ingest = 1;
    else if (strcmp(a, "--chunks") == 0 && v) {
      chunks = atoi(v);
      i++;
    } else if (strcmp(a, "--shuffle") == 0 && v) {
      shuffle = strtoul(v, NULL, 10);
      i++;
    }
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
  (void)chunks;

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
  if (shuffle) { /* Fisher-Yates with a small LCG: the same seed, the same order */
    unsigned long long x = shuffle;
    for (size_t i = n; i > 1; i--) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      size_t j = (size_t)((x >> 33) % i);
      px_article *t = arts[i - 1];
      arts[i - 1] = arts[j];
      arts[j] = t;
    }
  }
  if (ingest) {
    int64_t *story = malloc((n + 1) * sizeof(*story));
    if (!story) return 1;
    for (int k = 0; k < nthr; k++) {
      o.join_threshold = thr[k];
      double c0 = now_s();
      if (run_ingest(ctx, arts, n, &o, chunks, story)) return 1;
      fprintf(stderr, "eval_cluster: ingest, threshold %.3f, %d chunk(s): %.3fs\n", thr[k], chunks,
              now_s() - c0);
      for (size_t i = 0; i < n; i++) {
        px_str id = px_article_get(arts[i], PX_F_ID);
        if (nthr > 1) printf("%.4f\t", thr[k]);
        printf("%.*s\t%lld\n", (int)id.len, id.ptr, (long long)story[i]);
      }
    }
    free(story);
    for (size_t i = 0; i < n; i++) px_article_free(arts[i]);
    free(arts);
    px_ctx_free(ctx);
    return 0;
  }
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
