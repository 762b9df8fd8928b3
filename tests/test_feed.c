/* test_feed.c - RSS and Atom feeds through px_reader: items, fields,
 * HTML bodies, invalid XML (fixtures in tests/data/web). */
#include "px_test.h"

#include "parallax.h"

#include <stdbool.h>

static bool has(px_str s, const char *w) {
  return s.len && memmem(s.ptr, s.len, w, strlen(w)) != NULL;
}

static void assert_field(const px_article *a, px_field f, const char *want) {
  px_str s = px_article_get(a, f);
  if (s.len != strlen(want) || memcmp(s.ptr, want, s.len) != 0)
    fail_msg("field %d: got \"%.*s\", want \"%s\"", (int)f, (int)s.len, s.ptr ? s.ptr : "", want);
}

static px_reader *open_fixture(px_ctx *ctx, const char *name) {
  char path[1024];
  snprintf(path, sizeof(path), "%s/web/%s", PX_TEST_DATA, name);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, path, &rd), PX_OK);
  return rd;
}

static void test_rss(void **state) {
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px_reader *rd = open_fixture(ctx, "rss.xml");
  px_article *a;
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_TITLE, "Orchard growers expect record apple harvest");
  assert_field(a, PX_F_URL, "https://gazette.example.net/2024/09/12/apple-harvest");
  assert_field(a, PX_F_BYLINE, "Lena Fischer");
  assert_field(a, PX_F_SOURCE, "Valley Gazette");
  assert_field(a, PX_F_LANGUAGE, "en");
  assert_field(a, PX_F_ID, "gazette-4411");
  assert_int_equal(px_article_published(a, NULL), 1726125300); /* Thu, 12 Sep 2024 07:15 GMT */
  px_str b = px_article_get(a, PX_F_BODY);
  /* content:encoded wins over description; its HTML is reduced to text. */
  assert_true(has(b, "Apple growers across the valley"));
  assert_true(has(b, "\xE2\x80\x9CThe trees have never looked better,\xE2\x80\x9D"));
  assert_false(has(b, "<p>"));
  assert_false(has(b, "track()"));
  assert_false(has(b, "mild spring helped")); /* the description */
  assert_true(has(b, "August.\n\n"));
  /* Second item: description with escaped HTML, RSS author "mail (Name)". */
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_BYLINE, "Sam Ortiz");
  assert_field(a, PX_F_BODY,
               "The town library will open on Sundays from October, the council announced on "
               "Wednesday.");
  assert_int_equal(px_article_published(a, NULL), 1726065600); /* 16:40 +0200 */
  /* Third item has no text: a per-item error, and the stream goes on to EOF. */
  assert_int_equal(px_reader_next(rd, &a), PX_ENOBODY);
  assert_non_null(strstr(px_reader_error(rd), "rss.xml:item 3"));
  assert_int_equal(px_reader_error_is_fatal(rd), 0);
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  px_ctx_free(ctx);
}

static void test_atom(void **state) {
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px_reader *rd = open_fixture(ctx, "atom.xml");
  px_article *a;
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_TITLE, "Le march\xC3\xA9 couvert rouvre ses portes");
  assert_field(a, PX_F_URL, "https://observateur.example.fr/marche-couvert");
  assert_field(a, PX_F_BYLINE, "Claire Dubois");
  assert_field(a, PX_F_LANGUAGE, "fr");
  assert_field(a, PX_F_SOURCE, "Le Petit Observateur");
  assert_int_equal(px_article_published(a, NULL), 1717257600); /* published, not updated */
  px_str b = px_article_get(a, PX_F_BODY);
  assert_true(has(b, "a rouvert samedi matin.\n\n\xC2\xAB Nous attendions"));
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_BODY, "Les bus circuleront plus tard le soir pendant l'\xC3\xA9t\xC3\xA9.");
  assert_int_equal(px_article_published(a, NULL), 1717315200); /* updated as fallback */
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  px_ctx_free(ctx);
}

static void test_invalid_xml(void **state) {
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px_reader *rd = open_fixture(ctx, "broken.xml");
  px_article *a;
  int ok = 0, errors = 0, rc;
  bool first = false;
  while ((rc = px_reader_next(rd, &a)) != PX_EOF) {
    if (rc == PX_OK) {
      ok++;
      if (has(px_article_get(a, PX_F_TITLE), "First item survives")) first = true;
    } else {
      errors++;
      assert_int_equal(rc, PX_EFORMAT);
      assert_non_null(strstr(px_reader_error(rd), "broken.xml:item"));
      assert_non_null(strstr(px_reader_error(rd), "invalid XML at line"));
    }
    assert_true(ok + errors < 10);
  }
  assert_true(first);
  assert_true(ok >= 1);
  assert_int_equal(errors, 1);
  px_reader_free(rd);
  /* Not XML at all after a feed-like start, and from stdin-like memory. */
  const char *dir = px_test_tmpdir();
  char *p = px_test_write_str(dir, "junk.rss", "<rss><channel><item><title>x</title>\x01\x02");
  assert_int_equal(px_reader_open(ctx, p, &rd), PX_OK);
  int n = 0;
  while ((rc = px_reader_next(rd, &a)) != PX_EOF && n < 10) {
    if (rc != PX_OK) assert_true(strlen(px_reader_error(rd)) > 0);
    n++;
  }
  assert_true(n < 10);
  px_reader_free(rd);
  px_test_sh("rm -rf %s", dir);
  free(p);
  px_ctx_free(ctx);
}

static void test_stdin(void **state) {
  /* A feed piped in: detected by content, origin says <stdin>. */
  char path[1024];
  snprintf(path, sizeof(path), "%s/web/atom.xml", PX_TEST_DATA);
  assert_non_null(freopen(path, "rb", stdin));
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, "-", &rd), PX_OK);
  px_article *a;
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_BYLINE, "Claire Dubois");
  assert_true(has(px_article_get(a, PX_F_ORIGIN), "<stdin>"));
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  px_ctx_free(ctx);
}

/* "feed-links" (the watcher, which fetches pages): an item with a link and
 * no text in its description (none, or only sharing furniture) comes with
 * an empty body; "feed" rejects it; an item without a link is rejected by
 * both. */
static void test_feed_links(void **state) {
  (void)state;
  static const char feed[] =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Post</title>"
      "<item><title>Ferry strike ends</title><link>http://127.0.0.1/a/1.html</link>"
      "<description>SHARE THIS ARTICLE Share Tweet Post Email</description></item>"
      "<item><title>Bridge reopens</title><link>https://harbour.example.net/b</link></item>"
      "<item><title>No link, no text</title></item>"
      "<item><title>Quay works</title><link>http://127.0.0.1/a/4.html</link>"
      "<description>The quay works will finish in May, the port authority said on "
      "Monday, two months later than planned.</description></item>"
      "</channel></rss>";
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px_reader *rd;
  px_article *a;
  assert_int_equal(px_reader_open_mem(ctx, feed, sizeof(feed) - 1, "f.xml", "feed", &rd), PX_OK);
  assert_int_equal(px_reader_next(rd, &a), PX_ENOBODY);
  assert_int_equal(px_reader_next(rd, &a), PX_ENOBODY);
  assert_int_equal(px_reader_next(rd, &a), PX_ENOBODY);
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  assert_int_equal(px_reader_open_mem(ctx, feed, sizeof(feed) - 1, "f.xml", "feed-links", &rd),
                   PX_OK);
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_TITLE, "Ferry strike ends");
  assert_field(a, PX_F_URL, "http://127.0.0.1/a/1.html");
  assert_field(a, PX_F_SOURCE, "Harbour Post");
  assert_int_equal((int)px_article_get(a, PX_F_BODY).len, 0);
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_URL, "https://harbour.example.net/b");
  assert_int_equal((int)px_article_get(a, PX_F_BODY).len, 0);
  assert_int_equal(px_reader_next(rd, &a), PX_ENOBODY);
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_true(has(px_article_get(a, PX_F_BODY), "quay works will finish"));
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_rss),
      cmocka_unit_test(test_atom),
      cmocka_unit_test(test_invalid_xml),
      cmocka_unit_test(test_stdin),
      cmocka_unit_test(test_feed_links),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
