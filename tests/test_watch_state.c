/* test_watch_state.c - what the watcher asks of the library: the state
 * table (kept in a batch or alone), a buffer read as a feed or a page, and
 * an article's story. */
#include "px_test.h"
#include "parallax.h"

static const char feed[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbor Post</title>"
    "<item><title>Ferry strike ends</title><link>http://127.0.0.1/a1.html</link>"
    "<guid>a1</guid><pubDate>Wed, 13 Sep 2023 10:20:30 GMT</pubDate>"
    "<description>Ferries sail again after the strike ended on Tuesday night.</description></item>"
    "<item><title>Bridge opens</title><link>http://127.0.0.1/a2.html</link><guid>a2</guid>"
    "<description>The new bridge opened to traffic.</description></item>"
    "</channel></rss>";

static const char page[] =
    "<html><head><title>Ferry strike ends | Harbor Post</title></head><body><article>"
    "<h1>Ferry strike ends</h1>"
    "<p>Ferries sailed again on Wednesday after a three-day strike by crews ended late on "
    "Tuesday night, the operator said in a statement.</p>"
    "<p>\"We are glad to be back at work,\" said Anneli Korhonen, who leads the crews' union. "
    "The agreement raises wages by four percent over two years.</p>"
    "</article></body></html>";

static void test_state(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char path[128];
  snprintf(path, sizeof(path), "%s/s.db", dir);
  px_ctx *ctx;
  px_store *st;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  char *v = NULL;
  size_t n = 99;
  assert_int_equal(px_store_state_get(st, "feed:x", &v, &n), PX_ENOTFOUND);
  assert_null(v);
  assert_int_equal(px_store_state_set(st, "feed:x", "etag\0b", 6), PX_OK);
  assert_int_equal(px_store_state_get(st, "feed:x", &v, &n), PX_OK);
  assert_int_equal(n, 6);
  assert_memory_equal(v, "etag\0b", 6);
  free(v);
  /* Inside a batch a write goes with the batch. */
  assert_int_equal(px_store_begin(st), PX_OK);
  assert_int_equal(px_store_state_set(st, "seen:a", "1", 1), PX_OK);
  assert_int_equal(px_store_rollback(st), PX_OK);
  assert_int_equal(px_store_state_get(st, "seen:a", &v, NULL), PX_ENOTFOUND);
  assert_int_equal(px_store_begin(st), PX_OK);
  assert_int_equal(px_store_state_set(st, "seen:b", "1", 1), PX_OK);
  assert_int_equal(px_store_state_set(st, "seen:c", "2", 1), PX_OK);
  assert_int_equal(px_store_commit(st), PX_OK);
  assert_int_equal(px_store_state_delete(st, "seen:c"), PX_OK);
  assert_int_equal(px_store_state_delete(st, "seen:zz"), PX_OK);
  px_store_free(st);
  /* A restart sees what was committed. */
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  assert_int_equal(px_store_state_get(st, "seen:b", &v, NULL), PX_OK);
  assert_string_equal(v, "1");
  free(v);
  assert_int_equal(px_store_state_get(st, "seen:c", &v, NULL), PX_ENOTFOUND);
  px_store_free(st);
  px_ctx_free(ctx);
}

static void test_feed_and_page_from_memory(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char path[128];
  snprintf(path, sizeof(path), "%s/m.db", dir);
  px_ctx *ctx;
  px_store *st;
  px_reader *rd;
  px_article *art, *mine;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  assert_int_equal(px_reader_open_mem(ctx, feed, sizeof(feed) - 1, "http://127.0.0.1/feed.xml",
                                      "feed", &rd),
                   PX_OK);
  assert_int_equal(px_reader_next(rd, &art), PX_OK);
  px_str s = px_article_get(art, PX_F_URL);
  assert_int_equal(s.len, strlen("http://127.0.0.1/a1.html"));
  s = px_article_get(art, PX_F_ORIGIN);
  assert_non_null(strstr(s.ptr, "http://127.0.0.1/feed.xml:1"));
  assert_int_equal(px_article_clone(art, &mine), PX_OK);
  assert_int_equal(px_reader_next(rd, &art), PX_OK);
  assert_int_equal(px_reader_next(rd, &art), PX_EOF);
  px_reader_free(rd);
  /* An HTML page forced as a feed is refused, not read as one article. */
  assert_int_equal(px_reader_open_mem(ctx, page, sizeof(page) - 1, "http://x/", "feed", &rd),
                   PX_OK);
  assert_true(px_reader_next(rd, &art) < 0);
  assert_non_null(strstr(px_reader_error(rd), "http://x/"));
  px_reader_free(rd);
  assert_int_equal(px_reader_open_mem(ctx, page, 10, "o", "nosuch", &rd), PX_EINVAL);
  /* The page replaces the feed's short description; the feed's outlet stays. */
  assert_int_equal(px_article_from_html(ctx, page, sizeof(page) - 1, "text/html; charset=utf-8",
                                        "http://127.0.0.1/a1.html", mine),
                   PX_OK);
  s = px_article_get(mine, PX_F_BODY);
  assert_non_null(memmem(s.ptr, s.len, "three-day strike", 16));
  s = px_article_get(mine, PX_F_SOURCE);
  assert_int_equal(s.len, strlen("Harbor Post"));
  int has;
  px_article_published(mine, &has);
  assert_true(has);
  assert_int_equal(px_article_from_html(ctx, "<html></html>", 13, NULL, "http://e/", mine) < 0, 1);
  /* Stored and clustered: it has a story. */
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_ingest *g;
  int64_t id = 0, story = -1;
  assert_int_equal(px_ingest_new(st, NULL, &g), PX_OK);
  assert_int_equal(px_ingest_add(g, mine, &id), PX_OK);
  assert_int_equal(px_store_article_story(st, id, &story), PX_OK);
  assert_int_equal(story, 0);
  assert_int_equal(px_ingest_finish(g), PX_OK);
  assert_int_equal(px_store_article_story(st, id, &story), PX_OK);
  assert_true(story > 0);
  assert_int_equal(px_store_article_story(st, id + 100, &story), PX_ENOTFOUND);
  px_ingest_free(g);
  px_article_free(mine);
  px_store_free(st);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_state),
      cmocka_unit_test(test_feed_and_page_from_memory),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
