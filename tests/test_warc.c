/* test_warc.c - web archives: records built here from invented pages,
 * plain and gzip (one member per record), chunked and gzip HTTP bodies,
 * resource and conversion records, and broken records. */
#include "px_test.h"

#include "parallax.h"
#include "px_common.h"

#include <zlib.h>

static bool has(px_str s, const char *w) {
  return s.len && memmem(s.ptr, s.len, w, strlen(w)) != NULL;
}

static void assert_field(const px_article *a, px_field f, const char *want) {
  px_str s = px_article_get(a, f);
  if (s.len != strlen(want) || memcmp(s.ptr, want, s.len) != 0)
    fail_msg("field %d: got \"%.*s\", want \"%s\"", (int)f, (int)s.len, s.ptr ? s.ptr : "", want);
}

static const char *PAGE1 =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Dam inspection finds cracks | Hill Herald</title>"
    "<meta property=\"og:site_name\" content=\"Hill Herald\"></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Dam inspection finds "
    "cracks</h1><p>Inspectors found hairline cracks in the spillway of the Kessel dam on Monday, "
    "and the water authority said the reservoir would be lowered as a precaution.</p>"
    "<p>Residents downstream were told there was no immediate danger, but the footpath across the "
    "crest will stay closed until repairs are finished in the summer.</p></article></body></html>";

static const char *PAGE2 =
    "<html><head><meta charset=\"windows-1252\"><title>Caf\xE9 closes</title></head><body>"
    "<div class=\"article-body\"><p>The caf\xE9 on Market Square served its last espresso on Sunday "
    "after forty-one years, its owners said, thanking three generations of regulars.</p>"
    "</div></body></html>";

/* Append one WARC record. */
static void record(px__buf *w, const char *type, const char *uri, const char *date,
                   const char *ctype, const char *block, size_t blen, long claimed_len) {
  static int id = 0;
  px__buf_printf(w,
                 "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
                 "WARC-Date: %s\r\n",
                 type, ++id, date);
  if (uri) px__buf_printf(w, "WARC-Target-URI: %s\r\n", uri);
  if (ctype) px__buf_printf(w, "Content-Type: %s\r\n", ctype);
  px__buf_printf(w, "Content-Length: %ld\r\n\r\n", claimed_len >= 0 ? claimed_len : (long)blen);
  px__buf_append(w, block, blen);
  px__buf_puts(w, "\r\n\r\n");
}

static void http_response(px__buf *out, const char *headers, const char *body, size_t blen) {
  px__buf_clear(out);
  px__buf_printf(out, "HTTP/1.1 200 OK\r\n%s\r\n", headers);
  px__buf_append(out, body, blen);
}

static void gzip_bytes(const char *p, size_t n, px__buf *out) {
  px__buf_clear(out);
  z_stream z;
  memset(&z, 0, sizeof(z));
  assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  px__buf_reserve(out, deflateBound(&z, n) + 16);
  z.next_in = (Bytef *)p;
  z.avail_in = (uInt)n;
  z.next_out = (Bytef *)out->ptr;
  z.avail_out = (uInt)(out->alloc - 1);
  assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
  out->len = z.total_out;
  deflateEnd(&z);
}

/* A small crawl: warcinfo, request, chunked+gzip response, an image, a
 * redirect, a resource record, a conversion record. */
static void build_crawl(px__buf *w) {
  px__buf blk, body, gz;
  px__buf_init(&blk, 0);
  px__buf_init(&body, 0);
  px__buf_init(&gz, 0);
  const char *info = "software: hand-written test\r\nformat: WARC File Format 1.0\r\n";
  record(w, "warcinfo", NULL, "2024-05-01T12:00:00Z", "application/warc-fields", info,
         strlen(info), -1);
  const char *req = "GET /dam HTTP/1.1\r\nHost: herald.example.com\r\n\r\n";
  record(w, "request", "https://herald.example.com/dam", "2024-05-01T12:00:01Z",
         "application/http; msgtype=request", req, strlen(req), -1);
  /* gzip content-encoding inside chunked transfer-encoding. */
  gzip_bytes(PAGE1, strlen(PAGE1), &gz);
  size_t half = gz.len / 2;
  px__buf_printf(&body, "%zx\r\n", half);
  px__buf_append(&body, gz.ptr, half);
  px__buf_printf(&body, "\r\n%zx\r\n", gz.len - half);
  px__buf_append(&body, gz.ptr + half, gz.len - half);
  px__buf_puts(&body, "\r\n0\r\n\r\n");
  http_response(&blk,
                "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n"
                "Content-Encoding: gzip\r\n",
                body.ptr, body.len);
  record(w, "response", "https://herald.example.com/dam", "2024-05-01T12:00:02Z",
         "application/http; msgtype=response", blk.ptr, blk.len, -1);
  /* Not HTML: skipped silently. */
  http_response(&blk, "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n....", 12);
  record(w, "response", "https://herald.example.com/logo.png", "2024-05-01T12:00:03Z",
         "application/http; msgtype=response", blk.ptr, blk.len, -1);
  /* A redirect: skipped silently. */
  const char *redir = "HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Type: text/html\r\n\r\n<a href=/x>x</a>";
  record(w, "response", "https://herald.example.com/old", "2024-05-01T12:00:04Z",
         "application/http; msgtype=response", redir, strlen(redir), -1);
  /* HTTP header charset for a Windows-1252 page in a resource record. */
  record(w, "resource", "https://cafe.example.org/closing", "2024-05-02T08:00:00Z",
         "text/html; charset=windows-1252", PAGE2, strlen(PAGE2), -1);
  const char *txt = "Plain text converted from a PDF: the town budget for next year was approved "
                    "by nine votes to four.";
  record(w, "conversion", "https://town.example.gov/budget.pdf", "2024-05-03T09:30:00Z",
         "text/plain", txt, strlen(txt), -1);
  px__buf_release(&blk);
  px__buf_release(&body);
  px__buf_release(&gz);
}

static void check_crawl(px_reader *rd) {
  px_article *a;
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_TITLE, "Dam inspection finds cracks");
  assert_field(a, PX_F_SOURCE, "Hill Herald");
  assert_field(a, PX_F_URL, "https://herald.example.com/dam");
  assert_field(a, PX_F_ID, "00000000-0000-0000-0000-000000000003");
  assert_true(has(px_article_get(a, PX_F_BODY), "hairline cracks in the spillway"));
  assert_false(has(px_article_get(a, PX_F_BODY), "Home"));
  /* No date in the page: WARC-Date is the fallback. */
  assert_int_equal(px_article_published(a, NULL), 1714564802);
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_true(has(px_article_get(a, PX_F_BODY), "The caf\xC3\xA9 on Market Square"));
  assert_field(a, PX_F_SOURCE, "cafe.example.org");
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_true(has(px_article_get(a, PX_F_BODY), "nine votes to four"));
  assert_field(a, PX_F_URL, "https://town.example.gov/budget.pdf");
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
}

static void test_plain_and_gzip(void **state) {
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px__buf w;
  px__buf_init(&w, 0);
  build_crawl(&w);
  const char *dir = px_test_tmpdir();
  char *path = px_test_write(dir, "crawl.warc", w.ptr, w.len);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, path, &rd), PX_OK);
  check_crawl(rd);
  px_reader_free(rd);
  /* .warc.gz with one gzip member per record (as crawlers write them). */
  px__buf gzall, one, rec;
  px__buf_init(&gzall, 0);
  px__buf_init(&one, 0);
  px__buf_init(&rec, 0);
  for (size_t i = 0; i < w.len;) {
    const char *next = memmem(w.ptr + i + 1, w.len - i - 1, "WARC/1.0\r\n", 10);
    size_t e = next ? (size_t)(next - w.ptr) : w.len;
    gzip_bytes(w.ptr + i, e - i, &one);
    px__buf_append(&gzall, one.ptr, one.len);
    i = e;
  }
  char *gzpath = px_test_write(dir, "crawl.warc.gz", gzall.ptr, gzall.len);
  assert_int_equal(px_reader_open(ctx, gzpath, &rd), PX_OK);
  check_crawl(rd);
  px_reader_free(rd);
  /* The last gzip member cut short: the records before it, then an error. */
  char *cut = px_test_write(dir, "cut.warc.gz", gzall.ptr, gzall.len - one.len / 2);
  assert_int_equal(px_reader_open(ctx, cut, &rd), PX_OK);
  px_article *a;
  int ok = 0, err = 0, rc;
  while ((rc = px_reader_next(rd, &a)) != PX_EOF && ok + err < 20) {
    if (rc == PX_OK) ok++;
    else {
      err++;
      assert_non_null(strstr(px_reader_error(rd), "cut.warc.gz"));
    }
  }
  assert_int_equal(ok, 2);
  assert_true(err >= 1);
  px_reader_free(rd);
  px_test_sh("rm -rf %s", dir);
  free(path);
  free(gzpath);
  free(cut);
  px__buf_release(&w);
  px__buf_release(&gzall);
  px__buf_release(&one);
  px__buf_release(&rec);
  px_ctx_free(ctx);
}

static void test_bad_records(void **state) {
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px__buf w, blk;
  px__buf_init(&w, 0);
  px__buf_init(&blk, 0);
  http_response(&blk, "Content-Type: text/html\r\n", PAGE1, strlen(PAGE1));
  /* 1: Content-Length too long by 300 bytes: it runs into record 2. */
  record(&w, "response", "https://a.example/1", "2024-01-01T00:00:00Z", "application/http", blk.ptr,
         blk.len, (long)blk.len + 300);
  /* 2: fine. */
  record(&w, "response", "https://a.example/2", "2024-01-02T00:00:00Z", "application/http", blk.ptr,
         blk.len, -1);
  /* 3: Content-Length too short. */
  record(&w, "response", "https://a.example/3", "2024-01-03T00:00:00Z", "application/http", blk.ptr,
         blk.len, (long)blk.len - 100);
  /* 4: no Content-Length at all. */
  px__buf_puts(&w, "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n");
  /* 5: over the record limit (set below). */
  px__buf big;
  px__buf_init(&big, 0);
  while (big.len < 300000) px__buf_puts(&big, "<p>padding text for a page that is far too big</p>");
  http_response(&blk, "Content-Type: text/html\r\n", big.ptr, big.len);
  record(&w, "response", "https://a.example/5", "2024-01-05T00:00:00Z", "application/http", blk.ptr,
         blk.len, -1);
  /* 6: fine, and must still be read. */
  http_response(&blk, "Content-Type: text/html\r\n", PAGE1, strlen(PAGE1));
  record(&w, "response", "https://a.example/6", "2024-01-06T00:00:00Z", "application/http", blk.ptr,
         blk.len, -1);
  /* 6b: a page in a charset nobody knows: read as a browser reads it
   * (the label is no declaration; the bytes are UTF-8). */
  record(&w, "resource", "https://a.example/6b", "2024-01-06T12:00:00Z",
         "text/html; charset=x-martian-9", PAGE1, strlen(PAGE1), -1);
  /* 7: Content-Length far beyond the end of the file. */
  record(&w, "response", "https://a.example/7", "2024-01-07T00:00:00Z", "application/http", blk.ptr,
         blk.len, 90000);
  px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, 200000);
  const char *dir = px_test_tmpdir();
  char *path = px_test_write(dir, "bad.warc", w.ptr, w.len);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, path, &rd), PX_OK);
  px_article *a;
  int rc, n = 0;
  char urls[8][64];
  int nurls = 0, errs = 0;
  bool saw_len = false, saw_cap = false, saw_missing = false, saw_cut = false;
  while ((rc = px_reader_next(rd, &a)) != PX_EOF && n++ < 30) {
    if (rc == PX_OK) {
      px_str u = px_article_get(a, PX_F_URL);
      snprintf(urls[nurls++ & 7], 64, "%.*s", (int)u.len, u.ptr);
      continue;
    }
    errs++;
    const char *e = px_reader_error(rd);
    assert_non_null(strstr(e, "bad.warc:record "));
    assert_non_null(strstr(e, "at byte "));
    if (strstr(e, "does not match")) saw_len = true;
    if (strstr(e, "record limit")) saw_cap = true;
    if (strstr(e, "no Content-Length")) saw_missing = true;
    if (strstr(e, "cut short")) saw_cut = true;
    assert_null(strstr(e, "character set"));
  }
  assert_true(saw_len);
  assert_true(saw_cap);
  assert_true(saw_missing);
  assert_true(saw_cut);
  /* Records 2, 6 and 6b are read whatever happened around them. */
  bool r2 = false, r6 = false, r6b = false;
  for (int i = 0; i < nurls && i < 8; i++) {
    if (strcmp(urls[i], "https://a.example/2") == 0) r2 = true;
    if (strcmp(urls[i], "https://a.example/6") == 0) r6 = true;
    if (strcmp(urls[i], "https://a.example/6b") == 0) r6b = true;
  }
  assert_true(r2);
  assert_true(r6);
  assert_true(r6b);
  px_reader_free(rd);
  px_test_sh("rm -rf %s", dir);
  free(path);
  px__buf_release(&w);
  px__buf_release(&blk);
  px__buf_release(&big);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plain_and_gzip),
      cmocka_unit_test(test_bad_records),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
