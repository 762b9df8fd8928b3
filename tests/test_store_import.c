/* test_store_import.c - px_store_import (the merge of parallax-mpi's
 * shards): articles copied under their new ids with their analysis,
 * entities matched by key with counters added, the search index, a rerun
 * that copies nothing, refusals (missing shard, not a store, inside a
 * batch, read-only target), and px_store_open of a folder. */
#include "px_test.h"

#include "parallax.h"

#include <sys/stat.h>

static px_article *make(const char *id, const char *source, const char *body, int64_t t) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_ID, id, strlen(id)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, source, strlen(source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, "Summit talks", 12), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  px_article_set_published(a, t);
  return a;
}

static void shard(px_ctx *ctx, const char *path, const char *id, const char *src, const char *body) {
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  o.cluster = 0;
  px_ingest *g;
  assert_int_equal(px_ingest_new(st, &o, &g), PX_OK);
  px_article *a = make(id, src, body, 1694600000);
  assert_int_equal(px_ingest_add(g, a, NULL), PX_OK);
  assert_int_equal(px_ingest_finish(g), PX_OK);
  px_ingest_free(g);
  px_article_free(a);
  px_store_free(st);
}

static int hits_cb(void *user, const px_search_hit *h) {
  (void)h;
  (*(int *)user)++;
  return 0;
}

static int entity_cb(void *user, const px_stored_entity *e) {
  if (e->key.len == 14 && memcmp(e->key.ptr, "vladimir putin", 14) == 0) {
    ((int64_t *)user)[0] = e->articles;
    ((int64_t *)user)[1] = e->outlets;
  }
  return 0;
}

static void test_import(void **state) {
  (void)state;
  char dir[600], s1[700], s2[700], junk[700];
  snprintf(dir, sizeof(dir), "%s/out", px_test_tmpdir());
  assert_int_equal(mkdir(dir, 0777), 0);
  snprintf(s1, sizeof(s1), "%s/rank-0.db", dir);
  snprintf(s2, sizeof(s2), "%s/rank-1.db", dir);
  snprintf(junk, sizeof(junk), "%s/junk.db", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  shard(ctx, s1, "a1", "Northern Wire",
        "Russian President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny "
        "Cosmodrome on Wednesday. \"The talks were useful,\" Putin said after the meeting.");
  shard(ctx, s2, "b1", "Daily Ledger",
        "Vladimir Putin welcomed Kim Jong Un to the Vostochny Cosmodrome, where the two leaders "
        "discussed cooperation. \"We will help,\" Putin told reporters at the launch site.");
  /* px_store_open of the folder makes DIR/parallax.db */
  px_store *st;
  assert_int_equal(px_store_open(ctx, dir, PX_OPEN_WRITE, &st), PX_OK);
  int64_t map1[2] = {1, 10}, map2[2] = {1, 20}, got = -1;
  assert_int_equal(px_store_import(st, s1, map1, 1, &got), PX_OK);
  assert_int_equal(got, 1);
  assert_int_equal(px_store_import(st, s2, map2, 1, &got), PX_OK);
  assert_int_equal(got, 1);
  /* a rerun copies nothing */
  assert_int_equal(px_store_import(st, s2, map2, 1, &got), PX_OK);
  assert_int_equal(got, 0);
  px_article *a = NULL;
  assert_int_equal(px_store_get(st, 20, &a), PX_OK);
  px_str id = px_article_get(a, PX_F_ID);
  assert_int_equal(id.len, 2);
  assert_memory_equal(id.ptr, "b1", 2);
  px_article_free(a);
  assert_int_equal(px_store_has_analysis(st, 10), 1);
  assert_int_equal(px_store_has_analysis(st, 20), 1);
  int64_t ent[2] = {0, 0};
  assert_int_equal(px_store_entities(st, NULL, entity_cb, ent), PX_OK);
  assert_int_equal(ent[0], 2); /* articles */
  assert_int_equal(ent[1], 2); /* outlets */
  int hits = 0;
  assert_int_equal(px_store_search(st, "cosmodrome", NULL, hits_cb, &hits), PX_OK);
  assert_int_equal(hits, 2);
  px_store_counts k;
  assert_int_equal(px_store_counts_get(st, &k), PX_OK);
  assert_int_equal(k.articles, 2);
  assert_true(k.quotes >= 2);
  int64_t placed = 0;
  assert_int_equal(px_store_cluster_new_articles(st, NULL, &placed), PX_OK);
  assert_int_equal(placed, 2);

  /* refusals */
  char missing[700];
  snprintf(missing, sizeof(missing), "%s/none.db", dir);
  assert_int_equal(px_store_import(st, missing, map1, 1, NULL), PX_ENOTFOUND);
  FILE *f = fopen(junk, "w");
  assert_non_null(f);
  fputs("not a database, just text that is long enough to be read as a header.......", f);
  fclose(f);
  assert_int_equal(px_store_import(st, junk, map1, 1, NULL), PX_ENOTPARALLAX);
  assert_int_equal(px_store_begin(st), PX_OK);
  assert_int_equal(px_store_import(st, s1, map1, 1, NULL), PX_EINVAL);
  assert_int_equal(px_store_rollback(st), PX_OK);
  assert_int_equal(px_store_import(NULL, s1, map1, 1, NULL), PX_EINVAL);
  assert_int_equal(px_store_import(st, s1, NULL, 1, NULL), PX_EINVAL);
  px_store_free(st);
  px_store *ro;
  assert_int_equal(px_store_open(ctx, dir, PX_OPEN_READ, &ro), PX_OK);
  assert_int_equal(px_store_import(ro, s1, map1, 1, NULL), PX_EINVAL);
  assert_int_equal(px_store_counts_get(ro, &k), PX_OK);
  assert_int_equal(k.articles, 2);
  px_store_free(ro);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_import),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
