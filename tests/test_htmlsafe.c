/* test_htmlsafe.c - the HTML parser stays inside its text buffers.
 *
 * Debian's myhtml crops the whitespace at the head of a text token (before
 * <body>, after <pre>) by moving the token's data pointer without lowering
 * its recorded capacity; text merged into the token afterwards is copied
 * past the end of its buffer, over the strings after it (under ASan an
 * overlapping memcpy in mycore_string_append <- myhtml_token_merged_two_
 * token_string).  px__html_token_guard (htmlpre.c) corrects the capacity.
 *
 * Checked here: after a parse, every text node's length fits in the block
 * the parser's allocator gave it (mchar_async_get_size_by_data), on crafted
 * pages and on 600 generated ones; the extractor (pages and WARC records)
 * keeps the text whole.  Under the sanitizer build an unguarded parse of
 * these pages aborts on the overlapping memcpy.
 */
#include "px_test.h"

#include "ingest/extract.h"
#include "ingest.h"

#include <mycore/utils/mchar_async.h>
#include <myhtml/api.h>

/* Leading whitespace, text, an ignored end tag, more text: the second text
 * token is merged into the first after the first was cropped. */
static void crafted(int which, px__buf *b) {
  px__buf_clear(b);
  switch (which) {
  case 0: /* initial mode: whitespace before any tag */
    for (int i = 0; i < 100; i++) px__buf_puts(b, " ");
    px__buf_puts(b, "abc</x>");
    for (int i = 0; i < 50; i++) px__buf_puts(b, "d");
    break;
  case 1: /* in head */
    px__buf_puts(b, "<html><head><title>t</title>");
    for (int i = 0; i < 100; i++) px__buf_puts(b, "\n");
    px__buf_puts(b, "abc</x>");
    for (int i = 0; i < 50; i++) px__buf_puts(b, "d");
    break;
  case 2: /* after head */
    px__buf_puts(b, "<!doctype html><html><head><title>t</title></head>");
    for (int i = 0; i < 100; i++) px__buf_puts(b, "\n");
    px__buf_puts(b, "abc</x>");
    for (int i = 0; i < 50; i++) px__buf_puts(b, "d");
    break;
  default: /* several merges into one cropped token */
    for (int i = 0; i < 300; i++) px__buf_puts(b, "\t");
    px__buf_puts(b, "lead");
    for (int k = 0; k < 20; k++) px__buf_puts(b, "</q>more text ");
    break;
  }
}

/* A page of random pieces (a fixed LCG, so every run sees the same pages). */
static uint32_t lcg;
static uint32_t rnd(uint32_t n) {
  lcg = lcg * 1103515245u + 12345u;
  return (lcg >> 8) % n;
}
static void generated(int seed, px__buf *b) {
  static const char *const parts[] = {
      "</x>",      "<table>",  "</table>",  "<tr>",       "<td>",        "<head>",   "</head>",
      "<html>",    "<body>",   "</body>",   "<!-- c -->", "<title>t</title>", "<p>", "</p>",
      "<b>",       "</b>",     "<select>",  "<template>", "</template>", "<svg>",    "<pre>\n",
      "<textarea>\n", "</textarea>", "&amp;", "&#32;", "<br>",      "<div>",       "</div>",
      "<noscript>", "</noscript>", "<frameset>", "<colgroup>", "<!doctype html>"};
  static const char ws[] = " \t\n\r\f";
  lcg = (uint32_t)seed * 2654435761u + 1;
  px__buf_clear(b);
  int pieces = 3 + (int)rnd(50);
  for (int p = 0; p < pieces; p++) {
    uint32_t r = rnd(100);
    if (r < 30) {
      static const int lens[] = {1, 3, 5, 8, 12, 24, 40, 100, 300};
      for (int i = lens[rnd(9)]; i > 0; i--) px__buf_append(b, &ws[rnd(5)], 1);
    } else if (r < 55) {
      static const int lens[] = {1, 2, 5, 13, 30, 60, 200, 1000};
      for (int i = lens[rnd(8)]; i > 0; i--) px__buf_append(b, &"abc de"[rnd(6)], 1);
    } else {
      px__buf_puts(b, parts[rnd(sizeof(parts) / sizeof(parts[0]))]);
    }
  }
}

/* Text nodes whose length does not fit their block. */
static int overflows(myhtml_tree_t *tree) {
  int bad = 0;
  myhtml_tree_node_t *root = myhtml_tree_get_document(tree), *n = root;
  while (n) {
    if (myhtml_node_tag_id(n) == MyHTML_TAG__TEXT) {
      mycore_string_t *s = myhtml_node_string(n);
      const char *d = s ? mycore_string_data(s) : NULL;
      if (d && mycore_string_length(s) + 1 > mchar_async_get_size_by_data(d)) bad++;
    }
    myhtml_tree_node_t *c = myhtml_node_child(n);
    if (c) {
      n = c;
      continue;
    }
    while (n != root && !myhtml_node_next(n)) n = myhtml_node_parent(n);
    if (n == root) break;
    n = myhtml_node_next(n);
  }
  return bad;
}

/* The concatenated text of the tree's text nodes. */
static void all_text(myhtml_tree_t *tree, px__buf *out) {
  px__buf_clear(out);
  myhtml_tree_node_t *root = myhtml_tree_get_document(tree), *n = root;
  while (n) {
    if (myhtml_node_tag_id(n) == MyHTML_TAG__TEXT) {
      size_t l = 0;
      const char *t = myhtml_node_text(n, &l);
      if (t) px__buf_append(out, t, l);
    }
    myhtml_tree_node_t *c = myhtml_node_child(n);
    if (c) {
      n = c;
      continue;
    }
    while (n != root && !myhtml_node_next(n)) n = myhtml_node_parent(n);
    if (n == root) break;
    n = myhtml_node_next(n);
  }
}

/* The guarded parser: no text node past its block, the same text. */
static void test_guard_keeps_text_in_buffer(void **state) {
  (void)state;
  myhtml_t *mh = myhtml_create();
  assert_non_null(mh);
  assert_int_equal(myhtml_init(mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0), 0);
  myhtml_tree_t *tree = myhtml_tree_create();
  assert_non_null(tree);
  assert_int_equal(myhtml_tree_init(tree, mh), 0);
  myhtml_callback_after_token_done_set(tree, px__html_token_guard, NULL);
  px__buf page, text;
  px__buf_init(&page, 0);
  px__buf_init(&text, 0);
  for (int k = 0; k < 4; k++) {
    crafted(k, &page);
    myhtml_tree_clean(tree);
    assert_int_equal(myhtml_parse(tree, MyENCODING_UTF_8, page.ptr, page.len), 0);
    if (overflows(tree)) fail_msg("crafted page %d: a text node runs past its buffer", k);
    all_text(tree, &text);
    const char *want = k == 3 ? "lead" : "abcdddd";
    if (!memmem(text.ptr, text.len, want, strlen(want)))
      fail_msg("crafted page %d: text \"%.*s\" lacks \"%s\"", k, (int)text.len, text.ptr, want);
  }
  int bad_pages = 0;
  for (int seed = 0; seed < 600; seed++) {
    generated(seed, &page);
    myhtml_tree_clean(tree); /* one tree for all pages, as the extractor does */
    assert_int_equal(myhtml_parse(tree, MyENCODING_UTF_8, page.ptr, page.len), 0);
    if (overflows(tree)) bad_pages++;
  }
  assert_int_equal(bad_pages, 0);
  /* PX_HTMLSAFE_UNGUARDED=1: the same pages without the guard, counted (the
   * library's own behaviour; it writes past its buffers, so never by
   * default, and it aborts under ASan). */
  if (getenv("PX_HTMLSAFE_UNGUARDED")) {
    myhtml_tree_t *raw = myhtml_tree_create();
    assert_int_equal(myhtml_tree_init(raw, mh), 0);
    int bad_crafted = 0, bad_generated = 0;
    for (int k = 0; k < 4; k++) {
      crafted(k, &page);
      myhtml_tree_clean(raw);
      myhtml_parse(raw, MyENCODING_UTF_8, page.ptr, page.len);
      bad_crafted += overflows(raw) > 0;
    }
    for (int seed = 0; seed < 600; seed++) {
      generated(seed, &page);
      myhtml_tree_clean(raw);
      myhtml_parse(raw, MyENCODING_UTF_8, page.ptr, page.len);
      bad_generated += overflows(raw) > 0;
    }
    print_message("without the guard: %d of 4 crafted and %d of 600 generated pages have a text "
                  "node past its buffer; with it: 0 and %d\n",
                  bad_crafted, bad_generated, bad_pages);
    myhtml_tree_destroy(raw);
  }
  px__buf_release(&page);
  px__buf_release(&text);
  myhtml_tree_destroy(tree);
  myhtml_destroy(mh);
}

/* The extractor (which installs the guard) keeps the merged text whole, on
 * a page and on the same page in a WARC record. */
static void test_extractor_pages(void **state) {
  (void)state;
  px_ctx *ctx;
  px_article *art;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  assert_int_equal(px_article_new(&art), PX_OK);
  px__extractor *ex;
  assert_int_equal(px__extractor_new(&ex), PX_OK);
  px__buf page, msg, warc;
  px__buf_init(&page, 0);
  px__buf_init(&msg, 4096);
  px__buf_init(&warc, 0);
  /* A page whose body text is cropped and merged: the article text must be
   * the whole paragraph. */
  px__buf_puts(&page, "<html><head><title>Quay works</title>");
  for (int i = 0; i < 120; i++) px__buf_puts(&page, "\n");
  px__buf_puts(&page, "The quay works at the old harbour began on Monday</x>, and the council said "
                      "they would last until the autumn, with the ferry moved to the north pier.");
  static const char want[] = "The quay works at the old harbour began on Monday, and the council "
                             "said they would last until the autumn, with the ferry moved to the "
                             "north pier.";
  for (int round = 0; round < 3; round++) {
    px__article_clear(art);
    px__buf_clear(&msg);
    int rc = px__extract_html(ctx, ex, page.ptr, page.len, NULL, "https://quay.example/a", 0, art,
                              &msg);
    assert_int_equal(rc, PX_OK);
    px_str body = px_article_get(art, PX_F_BODY);
    if (!body.len || !memmem(body.ptr, body.len, want, strlen(want)))
      fail_msg("text: \"%.*s\"", (int)body.len, body.ptr ? body.ptr : "");
  }
  /* The same page as a WARC response record. */
  px__buf http;
  px__buf_init(&http, 0);
  px__buf_printf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
  px__buf_append(&http, page.ptr, page.len);
  px__buf_printf(&warc,
                 "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
                 "WARC-Date: 2026-03-02T10:00:00Z\r\nWARC-Target-URI: https://quay.example/a\r\n"
                 "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n",
                 http.len);
  px__buf_append(&warc, http.ptr, http.len);
  px__buf_puts(&warc, "\r\n\r\n");
  px__stream *s;
  assert_int_equal(px__stream_open_mem(warc.ptr, warc.len, &s), PX_OK);
  px__fmt_state *st;
  assert_int_equal(px__fmt_warc.open(ctx, s, "quay.warc", &st), PX_OK);
  uint64_t where = 0;
  int fatal = 0;
  px__article_clear(art);
  px__buf_clear(&msg);
  int rc = px__fmt_warc.next(st, art, &where, &fatal, &msg);
  if (rc != PX_OK) fail_msg("warc: %d %.*s", rc, (int)msg.len, msg.ptr ? msg.ptr : "");
  px_str body = px_article_get(art, PX_F_BODY);
  if (!body.len || !memmem(body.ptr, body.len, want, strlen(want)))
    fail_msg("warc text: \"%.*s\"", (int)body.len, body.ptr ? body.ptr : "");
  px__fmt_warc.close(st);
  px__stream_free(s);
  px__buf_release(&http);
  px__buf_release(&page);
  px__buf_release(&msg);
  px__buf_release(&warc);
  px__extractor_free(ex);
  px_article_free(art);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_guard_keeps_text_in_buffer),
      cmocka_unit_test(test_extractor_pages),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
