/* test_ingest.c - the pipeline handle px_ingest: inputs, single articles,
 * events, batches, clustering at finish, cancellation. */
#include "px_test.h"

#include "parallax.h"

#include <sys/stat.h>

typedef struct seen {
  int rejected, input_failed, repaired;
  char last[512];
  int cancel_after; /* cancel when this many articles are read (0: never) */
} seen;

static void on_event(void *user, px_ingest_event ev, const char *origin, const char *message,
                     uint64_t count) {
  seen *s = user;
  (void)origin, (void)count;
  if (ev == PX_IE_REJECTED) s->rejected++;
  if (ev == PX_IE_INPUT_FAILED) s->input_failed++;
  if (ev == PX_IE_REPAIRED) s->repaired++;
  snprintf(s->last, sizeof(s->last), "%s", message);
}

static int on_progress(void *user, uint64_t done, uint64_t total, uint64_t articles) {
  seen *s = user;
  (void)done, (void)total;
  return s->cancel_after && articles >= (uint64_t)s->cancel_after;
}

static px_store *open_store(px_ctx **ctx, const char *dir) {
  char db[600];
  snprintf(db, sizeof(db), "%s/p.db", dir);
  assert_int_equal(px_ctx_new(ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(*ctx, db, PX_OPEN_WRITE, &st), PX_OK);
  return st;
}

static const char *const lines =
    "{\"id\":\"a1\",\"source\":\"Northern Wire\",\"date\":\"2023-09-13T08:00:00Z\","
    "\"title\":\"Leaders meet at cosmodrome\",\"text\":\"The two leaders met at the cosmodrome "
    "on Wednesday. Talks lasted two hours, officials said.\"}\n"
    "not json at all\n"
    "{\"id\":\"b2\",\"source\":\"Harbor Post\",\"date\":\"2023-09-13T09:00:00Z\","
    "\"title\":\"Leaders hold summit at cosmodrome\",\"text\":\"The two leaders met at the "
    "cosmodrome on Wednesday. The United Nations has sanctions in place.\"}\n"
    "{\"id\":\"a1\",\"source\":\"Northern Wire\",\"text\":\"A second copy of the same id.\"}\n";

static void test_path_events_and_clustering(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char *in = px_test_write_str(dir, "in.jsonl", lines);
  px_ctx *ctx;
  px_store *st = open_store(&ctx, dir);
  seen s = {0};
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  assert_int_equal(o.threads, 0); /* the default: one thread per core, as the CLI */
  o.on_event = on_event;
  o.user = &s;
  o.batch = 1; /* every article its own transaction */
  px_ingest *g;
  assert_int_equal(px_ingest_new(st, &o, &g), PX_OK);
  assert_int_equal(px_ingest_add_path(g, in), PX_OK);
  assert_int_equal(s.rejected, 1);
  assert_non_null(strstr(s.last, "line 2"));
  assert_int_equal(px_ingest_finish(g), PX_OK);
  px_ingest_stats st_;
  px_ingest_get_stats(g, &st_);
  assert_int_equal(st_.read, 3);
  assert_int_equal(st_.stored, 2);
  assert_int_equal(st_.duplicates, 1);
  assert_int_equal(st_.rejected, 1);
  assert_int_equal(st_.clustered, 2);
  /* An input that does not exist is reported and counted, nothing else changes. */
  assert_int_equal(px_ingest_add_path(g, "/nonexistent/parallax-input.jsonl"), PX_ENOTFOUND);
  assert_int_equal(s.input_failed, 1);
  px_ingest_free(g);
  px_store_counts n;
  assert_int_equal(px_store_counts_get(st, &n), PX_OK);
  assert_int_equal(n.articles, 2);
  assert_true(px_store_has_analysis(st, 1) == 1);
  px_store_free(st);
  px_ctx_free(ctx);
  free(in);
}

static void test_add_and_strict_and_cancel(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char *in = px_test_write_str(dir, "in.jsonl", lines);
  px_ctx *ctx;
  px_store *st = open_store(&ctx, dir);
  seen s = {0};
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  o.strict = 1;
  o.analyze = 0;
  o.cluster = 0;
  o.on_event = on_event;
  o.on_progress = on_progress;
  o.user = &s;
  px_ingest *g;
  assert_int_equal(px_ingest_new(st, &o, &g), PX_OK);
  assert_int_equal(px_ingest_add_path(g, in), PX_EFORMAT); /* line 2 stops a strict run */
  px_ingest_stats a;
  px_ingest_get_stats(g, &a);
  assert_int_equal(a.stored, 1);
  /* One article by hand; the same again is a duplicate with the first id. */
  px_article *art;
  assert_int_equal(px_article_new(&art), PX_OK);
  const char *body = "A ferry caught fire off the coast on Monday.";
  assert_int_equal(px_article_set(art, PX_F_BODY, body, strlen(body)), PX_OK);
  assert_int_equal(px_article_set(art, PX_F_SOURCE, "Coast Daily", 11), PX_OK);
  int64_t id1 = 0, id2 = 0;
  assert_int_equal(px_ingest_add(g, art, &id1), PX_OK);
  assert_int_equal(px_ingest_add(g, art, &id2), PX_EDUPLICATE);
  assert_true(id1 > 0);
  assert_int_equal(id1, id2);
  px_article_free(art);
  px_ingest_free(g); /* commits the open batch */

  /* Cancellation after the first article commits what was read. */
  px_ingest_opts_init(&o);
  o.on_progress = on_progress;
  o.user = &s;
  s.cancel_after = 1;
  char *in2 = px_test_write_str(dir, "in2.jsonl",
                                "{\"id\":\"c\",\"source\":\"S\",\"text\":\"First of two.\"}\n"
                                "{\"id\":\"d\",\"source\":\"S\",\"text\":\"Second of two.\"}\n");
  assert_int_equal(px_ingest_new(st, &o, &g), PX_OK);
  assert_int_equal(px_ingest_add_path(g, in2), PX_ECANCELED);
  px_ingest_get_stats(g, &a);
  assert_int_equal(a.stored, 1);
  px_ingest_free(g);
  px_store_counts n;
  assert_int_equal(px_store_counts_get(st, &n), PX_OK);
  assert_int_equal(n.articles, 3);
  px_store_free(st);
  px_ctx_free(ctx);
  free(in);
  free(in2);
}

/* Ingest n articles of the kind "Report k" into the store of dir. */
static px_ingest_stats ingest_reports(const char *dir, int from, int n, long batch, int fixed) {
  px_ctx *ctx;
  px_store *st = open_store(&ctx, dir);
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  o.analyze = 0;
  o.cluster = 0;
  o.batch = batch;
  o.fixed_batch = fixed;
  px_ingest *g;
  assert_int_equal(px_ingest_new(st, &o, &g), PX_OK);
  for (int k = from; k < from + n; k++) {
    char body[96];
    int len = snprintf(body, sizeof(body), "Report %d: the council met on day %d.", k, k);
    px_article *art;
    assert_int_equal(px_article_new(&art), PX_OK);
    assert_int_equal(px_article_set(art, PX_F_BODY, body, (size_t)len), PX_OK);
    assert_int_equal(px_article_set(art, PX_F_SOURCE, "Town Crier", 10), PX_OK);
    assert_int_equal(px_ingest_add(g, art, NULL), PX_OK);
    px_article_free(art);
  }
  assert_int_equal(px_ingest_flush(g), PX_OK);
  px_ingest_stats a;
  px_ingest_get_stats(g, &a);
  px_ingest_free(g);
  px_store_free(st);
  px_ctx_free(ctx);
  return a;
}

/* Batches of at least opts.batch articles grow to an eighth of the store
 * (and of what this ingest stored before them); fixed_batch keeps them
 * exactly opts.batch.  Either way every article is stored. */
static void test_batches_grow_with_store(void **state) {
  (void)state;
  char dir[512]; /* with "/p.db" it fits open_store's path */
  snprintf(dir, sizeof(dir), "%s/fixed", px_test_tmpdir());
  assert_int_equal(mkdir(dir, 0700), 0);
  px_ingest_stats a = ingest_reports(dir, 0, 200, 2, 1);
  assert_int_equal(a.stored, 200);
  assert_int_equal(a.batches, 100);
  /* Growing from an empty store: 2 at a time up to 24 stored, then 3, 3,
   * 4, ... (an eighth of the stored count, rounded down). */
  snprintf(dir, sizeof(dir), "%s/grow", px_test_tmpdir());
  assert_int_equal(mkdir(dir, 0700), 0);
  a = ingest_reports(dir, 0, 200, 2, 0);
  assert_int_equal(a.stored, 200);
  long expect = 0;
  for (long done = 0; done < 200; expect++) {
    long size = done / 8 > 2 ? done / 8 : 2;
    done += size;
  }
  assert_int_equal(a.batches, expect);
  assert_true(a.batches < 40);
  /* A second ingest into the 200 starts at a batch of 25. */
  a = ingest_reports(dir, 200, 50, 2, 0);
  assert_int_equal(a.stored, 50);
  assert_int_equal(a.batches, 2); /* 25, then 28 asked, 25 left */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_path_events_and_clustering),
      cmocka_unit_test(test_add_and_strict_and_cancel),
      cmocka_unit_test(test_batches_grow_with_store),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
