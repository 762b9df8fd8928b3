/* test_store_read.c - the store's calls for a reader beside a writer: one
 * snapshot across queries (px_store_read_begin/_end), the mark that moves
 * when articles are added or clustered, an entity's articles. */
#include "px_test.h"

#include "parallax.h"

static px_article *make(const char *id, const char *source, const char *body, int64_t t) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_ID, id, strlen(id)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, source, strlen(source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, "Summit", 6), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  px_article_set_published(a, t);
  return a;
}

static int count_cb(void *user, const px_article *a) {
  (void)a;
  (*(int *)user)++;
  return 0;
}

static int count_all(px_store *st) {
  int n = 0;
  assert_int_equal(px_store_list(st, NULL, count_cb, &n), PX_OK);
  return n;
}

static void add(px_store *w, const char *id, const char *src, const char *body, int64_t t) {
  px_ingest *g;
  assert_int_equal(px_ingest_new(w, NULL, &g), PX_OK);
  px_article *a = make(id, src, body, t);
  assert_int_equal(px_ingest_add(g, a, NULL), PX_OK);
  assert_int_equal(px_ingest_finish(g), PX_OK);
  px_ingest_free(g);
  px_article_free(a);
}

static void test_snapshot_and_mark(void **state) {
  (void)state;
  char db[600];
  snprintf(db, sizeof(db), "%s/r.db", px_test_tmpdir());
  px_ctx *wc, *rc;
  px_store *w, *r;
  assert_int_equal(px_ctx_new(&wc), PX_OK);
  assert_int_equal(px_ctx_new(&rc), PX_OK);
  assert_int_equal(px_store_open(wc, db, PX_OPEN_WRITE, &w), PX_OK);
  const char *body = "Russian President Vladimir Putin met North Korean leader Kim Jong Un at the "
                     "Vostochny Cosmodrome on Wednesday. Putin said the talks were useful.";
  add(w, "a1", "Northern Wire", body, 1694600000);
  assert_int_equal(px_store_open(rc, db, PX_OPEN_READ, &r), PX_OK);

  px_store_mark m0, m1;
  assert_int_equal(px_store_mark_get(r, &m0), PX_OK);
  assert_int_equal(m0.last_article, 1);
  assert_int_equal(m0.last_clustered, 1);
  assert_true(m0.has_published);
  assert_int_equal(m0.last_published, 1694600000);

  /* Inside a snapshot the reader does not see the writer's commit. */
  assert_int_equal(px_store_read_begin(r), PX_OK);
  assert_int_equal(px_store_read_begin(r), PX_EINVAL);
  assert_int_equal(count_all(r), 1);
  add(w, "a2", "Daily Ledger", "Kim Jong Un told Vladimir Putin at the cosmodrome that he would "
                               "always stand with Russia, state media said on Thursday.",
      1694700000);
  assert_int_equal(count_all(r), 1);
  assert_int_equal(px_store_mark_get(r, &m1), PX_OK);
  assert_int_equal(m1.last_article, 1);
  assert_int_equal(px_store_read_end(r), PX_OK);
  assert_int_equal(px_store_read_end(r), PX_OK);
  /* After it, it does. */
  assert_int_equal(count_all(r), 2);
  assert_int_equal(px_store_mark_get(r, &m1), PX_OK);
  assert_int_equal(m1.last_article, 2);
  assert_int_equal(m1.last_clustered, 2);
  assert_int_equal(m1.last_published, 1694700000);

  /* An entity's articles, latest first, limit respected. */
  int n = 0;
  assert_int_equal(px_store_entity_articles(r, "vladimir putin", 0, count_cb, &n), PX_OK);
  assert_int_equal(n, 2);
  n = 0;
  assert_int_equal(px_store_entity_articles(r, "vladimir putin", 1, count_cb, &n), PX_OK);
  assert_int_equal(n, 1);
  n = 0;
  assert_int_equal(px_store_entity_articles(r, "nobody at all", 0, count_cb, &n), PX_OK);
  assert_int_equal(n, 0);
  assert_int_equal(px_store_entity_articles(r, NULL, 0, count_cb, &n), PX_EINVAL);

  px_store_free(r);
  px_store_free(w);
  px_ctx_free(rc);
  px_ctx_free(wc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_snapshot_and_mark),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
