/* test_reader.c - the readers: JSON Lines field names, field maps, plain
 * text, compressed streams, and every kind of bad record. */
#include "px_test.h"

#include "parallax.h"

static const char *GOOD =
    "{\"id\":\"a1\",\"source\":\"Northern Wire\",\"title\":\"Leaders meet at cosmodrome\","
    "\"url\":\"https://nw.example/a1\",\"authors\":[\"Ann Lee\",\"Bo Park\"],"
    "\"date\":\"2023-09-13T08:15:00Z\",\"text\":\"MOSCOW- The leaders met.\\n\\nTalks lasted two hours.\"}\n"
    "{\"guid\":\"b2\",\"source_domain\":\"ledger.example\",\"headline\":\"Kim visits Russia\","
    "\"link\":\"https://ledger.example/b2\",\"author\":\"C. Diaz\","
    "\"date_publish\":\"Wed, 13 Sep 2023 10:20:30 GMT\",\"maintext\":\"Kim Jong-un arrived by train.\"}\n"
    "{\"id\":3,\"domain\":\"harbor.example\",\"title\":\"Summit\",\"published\":\"September 13, 2023\","
    "\"body\":\"The summit opened.\"}\n"
    "{\"id\":\"d4\",\"outlet\":\"Meridian\",\"pubDate\":1694563200,\"content\":\"Sanctions were discussed.\"}\n"
    "{\"id\":\"e5\",\"publisher\":{\"name\":\"Capital Courier\"},\"published_at\":\"2023-09-14\","
    "\"article\":\"A second day of talks.\"}\n";

typedef struct seen {
  int ok, bad;
  char first_err[512];
  char errs[2048];
} seen;

static void read_all(px_ctx *ctx, const char *path, seen *s) {
  memset(s, 0, sizeof(*s));
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, path, &rd), PX_OK);
  while (1) {
    px_article *a;
    int rc = px_reader_next(rd, &a);
    if (rc == PX_EOF) break;
    if (rc == PX_OK) {
      s->ok++;
      assert_true(px_article_get(a, PX_F_BODY).len > 0);
    } else {
      if (!s->bad) snprintf(s->first_err, sizeof(s->first_err), "%s", px_reader_error(rd));
      strncat(s->errs, px_reader_error(rd), sizeof(s->errs) - strlen(s->errs) - 2);
      strcat(s->errs, "\n");
      s->bad++;
    }
  }
  px_reader_free(rd);
}

static void test_field_names(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char *path = px_test_write_str(dir, "good.jsonl", GOOD);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, path, &rd), PX_OK);
  px_article *a;
  int has;
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_string_equal(px_article_get(a, PX_F_SOURCE).ptr, "Northern Wire");
  assert_string_equal(px_article_get(a, PX_F_BYLINE).ptr, "Ann Lee, Bo Park");
  assert_string_equal(px_article_get(a, PX_F_BODY).ptr,
                      "MOSCOW- The leaders met.\n\nTalks lasted two hours.");
  assert_int_equal(px_article_published(a, &has), 1694592900);
  assert_int_equal(has, 1);
  char origin[600];
  snprintf(origin, sizeof(origin), "%s:1", path);
  assert_string_equal(px_article_get(a, PX_F_ORIGIN).ptr, origin);

  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_string_equal(px_article_get(a, PX_F_ID).ptr, "b2");
  assert_string_equal(px_article_get(a, PX_F_SOURCE).ptr, "ledger.example");
  assert_string_equal(px_article_get(a, PX_F_TITLE).ptr, "Kim visits Russia");
  assert_string_equal(px_article_get(a, PX_F_URL).ptr, "https://ledger.example/b2");
  assert_int_equal(px_article_published(a, NULL), 1694600430);

  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_string_equal(px_article_get(a, PX_F_ID).ptr, "3");
  assert_int_equal(px_article_published(a, NULL), 1694563200);

  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_string_equal(px_article_get(a, PX_F_SOURCE).ptr, "Meridian");
  assert_int_equal(px_article_published(a, NULL), 1694563200);

  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_string_equal(px_article_get(a, PX_F_SOURCE).ptr, "Capital Courier");
  assert_string_equal(px_article_get(a, PX_F_BODY).ptr, "A second day of talks.");
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  px_ctx_free(ctx);
  free(path);
}

static void test_field_map(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char *path = px_test_write_str(
      dir, "nested.jsonl",
      "{\"meta\":{\"outlet\":{\"label\":\"Harbor Post\"},\"when\":\"2023-09-13\"},"
      "\"content\":{\"paras\":[\"One.\",\"Two.\"]},\"text\":\"not this\"}\n");
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  assert_int_equal(px_ctx_map_field(ctx, "source", "meta.outlet.label"), PX_OK);
  assert_int_equal(px_ctx_map_field(ctx, "date", "meta.when"), PX_OK);
  assert_int_equal(px_ctx_map_field(ctx, "text", "content.paras"), PX_OK);
  assert_int_equal(px_ctx_map_field(ctx, "nonsense", "x"), PX_EINVAL);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, path, &rd), PX_OK);
  px_article *a;
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_string_equal(px_article_get(a, PX_F_SOURCE).ptr, "Harbor Post");
  assert_string_equal(px_article_get(a, PX_F_BODY).ptr, "One., Two.");
  assert_int_equal(px_article_published(a, NULL), 1694563200);
  px_reader_free(rd);
  px_ctx_free(ctx);
  free(path);
}

static void test_bad_records(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  const char bad[] =
      "{\"id\":\"1\",\"text\":\"First good article.\"}\n"   /* 1 ok */
      "{\"id\":\"2\",\"text\":\"unterminated\n"              /* 2 malformed */
      "{\"id\":\"3\",\"title\":\"no body\"}\n"               /* 3 no body */
      "[1,2,3]\n"                                          /* 4 not an object */
      "\n"                                                 /* 5 blank: skipped */
      "{\"id\":\"6\",\"text\":\"Caf\xe9 society.\"}\n"       /* 6 ok, repaired */
      "{\"id\":\"7\",\"text\":\"   \\n\\t  \"}\n"            /* 7 whitespace body */
      "{\"id\":\"8\",\"text\":\"Last good article.\"}";     /* 8 ok, no final newline */
  char *path = px_test_write(dir, "bad.jsonl", bad, sizeof(bad) - 1);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  seen s;
  read_all(ctx, path, &s);
  assert_int_equal(s.ok, 3);
  assert_int_equal(s.bad, 4);
  assert_non_null(strstr(s.errs, "bad.jsonl:line 2: invalid JSON"));
  assert_non_null(strstr(s.errs, "bad.jsonl:line 3: no article text"));
  assert_non_null(strstr(s.errs, "bad.jsonl:line 4: record is not a JSON object"));
  assert_non_null(strstr(s.errs, "bad.jsonl:line 7: no article text"));
  px_ctx_free(ctx);
  free(path);
}

static void test_record_cap(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  size_t n = 5000;
  char *big = malloc(n + 200);
  int k = snprintf(big, n + 200, "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"");
  memset(big + k, 'x', n);
  k += (int)n;
  k += snprintf(big + k, 200, "\"}\n{\"id\":\"c\",\"text\":\"also ok\"}\n");
  char *path = px_test_write(dir, "long.jsonl", big, (size_t)k);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  assert_int_equal(px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, 1000), PX_OK);
  seen s;
  read_all(ctx, path, &s);
  assert_int_equal(s.ok, 2);
  assert_int_equal(s.bad, 1);
  assert_non_null(strstr(s.first_err, "line 2: line longer than the 1000-byte record limit"));
  px_ctx_free(ctx);
  free(path);
  free(big);
}

static void test_compressed(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char *path = px_test_write_str(dir, "a.jsonl", GOOD);
  px_test_sh("cd %s && gzip -k a.jsonl && zstd -q a.jsonl && xz -k a.jsonl", dir);
  /* Two concatenated gzip members read as one stream. */
  px_test_sh("cd %s && cat a.jsonl.gz a.jsonl.gz > two.gz", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  const char *names[] = {"a.jsonl.gz", "a.jsonl.zst", "a.jsonl.xz"};
  char p[600];
  seen s;
  for (int i = 0; i < 3; i++) {
    snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
    read_all(ctx, p, &s);
    assert_int_equal(s.ok, 5);
    assert_int_equal(s.bad, 0);
  }
  snprintf(p, sizeof(p), "%s/two.gz", dir);
  read_all(ctx, p, &s);
  assert_int_equal(s.ok, 10);
  /* Zero bytes after the member (the trailer's last word is then no size):
   * read as before.  A trailer stating a wrong size: a damaged stream, not
   * records cut at the stated size. */
  px_test_sh("cd %s && cp a.jsonl.gz pad.gz && head -c 64 /dev/zero >> pad.gz", dir);
  snprintf(p, sizeof(p), "%s/pad.gz", dir);
  read_all(ctx, p, &s);
  assert_int_equal(s.ok, 5);
  assert_int_equal(s.bad, 0);
  px_test_sh("cd %s && head -c -4 a.jsonl.gz > len.gz && printf '\\100\\0\\0\\0' >> len.gz", dir);
  snprintf(p, sizeof(p), "%s/len.gz", dir);
  read_all(ctx, p, &s);
  assert_true(s.bad >= 1);
  assert_non_null(strstr(s.errs, "gzip data error"));
  /* Truncated streams: the records before the cut are read, then an error. */
  for (int i = 0; i < 3; i++) {
    px_test_sh("cd %s && head -c 150 %s > cut.%d", dir, names[i], i);
    snprintf(p, sizeof(p), "%s/cut.%d", dir, i);
    read_all(ctx, p, &s);
    assert_true(s.bad >= 1);
    assert_true(strstr(s.errs, "truncated") || strstr(s.errs, "error") ||
                strstr(s.errs, "invalid JSON"));
  }
  px_ctx_free(ctx);
  free(path);
}

static void test_binary_and_folder(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char sub[600];
  snprintf(sub, sizeof(sub), "%s/in", dir);
  px_test_sh("mkdir -p %s/nested", sub);
  unsigned char bin[256];
  for (int i = 0; i < 256; i++) bin[i] = (unsigned char)i;
  free(px_test_write(sub, "blob.dat", bin, sizeof(bin)));
  free(px_test_write_str(sub, "a.txt",
                         "Title: Quake strikes coast\nSource: Harbor Post\nDate: 2023-09-13\n\n"
                         "A strong earthquake struck.\n\nTwelve people died.\n"));
  free(px_test_write_str(sub, "nested/b.txt",
                         "Rate held at 5 percent\n\nThe central bank kept its rate.\nIt said so on Tuesday.\n"));
  free(px_test_write_str(sub, "c.txt", "Just a body. With no title line.\nAnother line.\n"));
  free(px_test_write_str(sub, "empty.txt", ""));
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, sub, &rd), PX_OK);
  int ok = 0, bad = 0, titled = 0;
  char errs[2048] = "";
  while (1) {
    px_article *a;
    int rc = px_reader_next(rd, &a);
    if (rc == PX_EOF) break;
    if (rc) {
      bad++;
      strncat(errs, px_reader_error(rd), sizeof(errs) - strlen(errs) - 2);
      strcat(errs, "\n");
      continue;
    }
    ok++;
    px_str id = px_article_get(a, PX_F_ID);
    if (id.len == 1 && id.ptr[0] == 'a') {
      assert_string_equal(px_article_get(a, PX_F_TITLE).ptr, "Quake strikes coast");
      assert_string_equal(px_article_get(a, PX_F_SOURCE).ptr, "Harbor Post");
      assert_string_equal(px_article_get(a, PX_F_BODY).ptr,
                          "A strong earthquake struck.\n\nTwelve people died.");
      assert_int_equal(px_article_published(a, NULL), 1694563200);
      titled++;
    } else if (id.len == 8 && memcmp(id.ptr, "nested/b", 8) == 0) {
      assert_string_equal(px_article_get(a, PX_F_TITLE).ptr, "Rate held at 5 percent");
      titled++;
    } else {
      assert_int_equal(px_article_get(a, PX_F_TITLE).len, 0);
    }
  }
  px_reader_free(rd);
  assert_int_equal(ok, 3);
  assert_int_equal(titled, 2);
  assert_int_equal(bad, 2);
  assert_non_null(strstr(errs, "blob.dat: binary data"));
  assert_non_null(strstr(errs, "empty.txt: empty file"));
  px_ctx_free(ctx);
}

static void test_json_array_and_missing(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char *path = px_test_write_str(
      dir, "arr.json", "[ {\"title\":\"A\",\"text\":\"Alpha.\"},\n {\"title\":\"B\",\"body\":\"Beta.\"}, 7 ]");
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  seen s;
  read_all(ctx, path, &s);
  assert_int_equal(s.ok, 2);
  assert_int_equal(s.bad, 1);
  assert_non_null(strstr(s.first_err, "arr.json:line 3: record is not a JSON object"));
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, "/nonexistent/file.jsonl", &rd), PX_ENOTFOUND);
  assert_null(rd);
  assert_non_null(strstr(px_ctx_error(ctx), "/nonexistent/file.jsonl"));
  px_ctx_free(ctx);
  free(path);
}


/* The fast reader of flat records and jansson's tree give the same
 * articles, metadata, dates and errors, whatever the record. */
extern int px__jsonl_tree_only;

static const char *ODD =
    "{\"id\":\"f1\",\"source\":\"Wire\",\"title\":\"Caf\\u00e9 \\ud83d\\ude00 \\/ \\\"q\\\" \\\\\","
    "\"text\":\"Line\\none\\ttab\\b\\f\\r nul\\u0000end.\",\"k\\u00e9y\":\"v\\u0001\\u001f\","
    "\"n\":-0,\"z\":null,\"big\":123456789012345678,\"date\":1694563200000}\n"
    "  {  \"id\" : 7 , \"text\" : \"Spaced out.\" , \"date\" : null , \"published\" : \"2023-09-13\" }  \n"
    "{\"id\":\"dup\",\"text\":\"One.\",\"text\":\"Two.\"}\n"
    "{\"id\":\"bool\",\"text\":\"Yes.\",\"flag\":true,\"score\":1.5}\n"
    "{\"id\":\"surr\",\"text\":\"Bad \\udc00 surrogate.\"}\n"
    "{\"id\":\"esc\",\"text\":\"Bad \\x escape.\"}\n"
    "{\"id\":\"ctl\",\"text\":\"Raw \t tab.\"}\n"
    "{\"id\":012,\"text\":\"Leading zero.\"}\n"
    "{\"id\":\"trail\",\"text\":\"Trailing.\"} x\n"
    "{\"id\":\"nobody\",\"title\":\"No text\"}\n"
    "{}\n"
    "{\"id\":\"empty\",\"text\":\"\",\"body\":\"Second key.\"}\n"
    "{\"id\":\"nulltext\",\"text\":null,\"body\":\"Body key.\",\"source\":null}\n"
    "{\"id\":\"latin\",\"text\":\"Caf\xe9 in Latin-1.\"}\n"
    "{\"id\":\"big\",\"text\":\"Big id.\",\"n\":12345678901234567890}\n"
    "{\"id\":\"k\\u0000\",\"text\":\"Nul in a value.\",\"a\\u0000b\":1}\n"
    "[1]\n"
    "{\"id\":\"neg\",\"text\":\"Negative.\",\"date\":-5,\"x\":-}\n"
    "{\"id\":\"last\",\"text\":\"Last one.\",\"topic\":\"t\",\"bias\":2}\n";


/* Each article of path read by the fast reader (both[0]) and by jansson's
 * tree (both[1]), dumped with its fields and errors. */
static void read_both(const char *path, char *both[2]) {
  for (int mode = 0; mode < 2; mode++) {
    px__jsonl_tree_only = mode;
    px_ctx *ctx;
    assert_int_equal(px_ctx_new(&ctx), PX_OK);
    px_reader *rd;
    assert_int_equal(px_reader_open(ctx, path, &rd), PX_OK);
    size_t cap = 1 << 16, len = 0;
    char *d = calloc(cap, 1);
    assert_non_null(d);
    for (;;) {
      px_article *a;
      int rc = px_reader_next(rd, &a);
      if (rc == PX_EOF) break;
      if (rc != PX_OK) {
        len += (size_t)snprintf(d + len, cap - len, "error %d %s\n", rc, px_reader_error(rd));
        continue;
      }
      int has = 0;
      int64_t t = px_article_published(a, &has);
      len += (size_t)snprintf(d + len, cap - len, "ok time %d %lld repairs %zu\n", has,
                              (long long)t, px_article_repairs(a));
      for (int f = 0; f < PX_F_COUNT_; f++) {
        px_str v = px_article_get(a, (px_field)f);
        len += (size_t)snprintf(d + len, cap - len, " %d %zu:", f, v.len);
        for (size_t i = 0; i < v.len && len + 4 < cap; i++) d[len++] = v.ptr[i] ? v.ptr[i] : '@';
        d[len++] = '\n';
      }
      assert_true(len < cap - 1024);
    }
    px_reader_free(rd);
    px_ctx_free(ctx);
    both[mode] = d;
  }
  px__jsonl_tree_only = 0;
}

static void test_fast_matches_tree(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char *path = px_test_write_str(dir, "odd.jsonl", ODD);
  char *both[2];
  read_both(path, both);
  assert_string_equal(both[0], both[1]);
  /* the flat records were read, the bad ones reported */
  assert_non_null(strstr(both[0], "Spaced out."));
  assert_non_null(strstr(both[0], "{\"topic\":\"t\",\"bias\":2}"));
  assert_non_null(strstr(both[0], "\"k\xc3\xa9y\":\"v\\u0001\\u001F\""));
  assert_non_null(strstr(both[0], "line 8"));
  free(both[0]);
  free(both[1]);
  free(path);
}

/* The fast reader scans plain string bytes eight at a time: a quote, an
 * escape, a raw control byte or DEL and UTF-8 at every offset of that
 * block, and at its end, read as jansson reads them. */
static void test_fast_string_offsets(void **state) {
  (void)state;
  static const char *const mark[] = {"\\\"", "\\\\", "\\n", "\\u00e9", "\t", "\x7f",
                                     "\xc3\xa9", "\x1f", "\"\"", " "};
  size_t nm = sizeof mark / sizeof *mark;
  size_t cap = 64 * 1024, len = 0;
  char *in = malloc(cap);
  assert_non_null(in);
  for (size_t m = 0; m < nm; m++)
    for (int at = 0; at < 18; at++) {
      len += (size_t)snprintf(in + len, cap - len, "{\"id\":\"m%zu-%d\",\"text\":\"%.*s%s%.*s\"}\n", m,
                              at, at, "abcdefghijklmnopqrstuvwxyz", mark[m], 17 - at,
                              "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
      assert_true(len < cap);
    }
  char *path = px_test_write_str(px_test_tmpdir(), "offsets.jsonl", in);
  char *both[2];
  read_both(path, both);
  assert_string_equal(both[0], both[1]);
  /* decoded where they hold only escapes: a quote at offset 7 */
  assert_non_null(strstr(both[0], "abcdefg\"ABCDEFGHIJ\n"));
  assert_non_null(strstr(both[0], "abcdefgh\\ABCDEFGHI\n"));
  assert_non_null(strstr(both[0], "line 73")); /* a raw tab: refused as jansson does */
  free(both[0]);
  free(both[1]);
  free(path);
  free(in);
}

/* Compressed pages and notes are named after the file without its
 * extensions: 0252.html.gz is "0252", notes.txt.gz "notes".  A page named
 * .html that opens with a <script> is read as a page, not as plain text
 * holding its markup. */
static void test_compressed_names(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char sub[600];
  snprintf(sub, sizeof(sub), "%s/in", dir);
  px_test_sh("mkdir -p %s", sub);
  free(px_test_write_str(sub, "0252.html",
                         "\n<script type=\"text/javascript\">var x = 1;</script>\n"
                         "<title>Bridge repair approved</title>\n<p>The city council voted on Tuesday to "
                         "repair the old bridge over the river, officials said. Work starts in spring "
                         "and will cost four million.</p><p>Residents welcomed the decision after years "
                         "of delays and two closures.</p>"));
  free(px_test_write_str(sub, "notes.txt",
                         "Rate held at 5 percent\n\nThe central bank kept its rate.\n"));
  px_test_sh("cd %s && gzip 0252.html && zstd -q --rm notes.txt", sub);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_reader *rd;
  assert_int_equal(px_reader_open(ctx, sub, &rd), PX_OK);
  int page = 0, notes = 0;
  while (1) {
    px_article *a;
    int rc = px_reader_next(rd, &a);
    if (rc == PX_EOF) break;
    assert_int_equal(rc, PX_OK);
    px_str id = px_article_get(a, PX_F_ID);
    px_str body = px_article_get(a, PX_F_BODY);
    if (id.len == 4 && memcmp(id.ptr, "0252", 4) == 0) {
      page++;
      assert_null(strstr(body.ptr, "<script"));
      assert_null(strstr(body.ptr, "var x"));
      assert_non_null(strstr(body.ptr, "The city council voted"));
    } else if (id.len == 5 && memcmp(id.ptr, "notes", 5) == 0) {
      notes++;
    } else {
      fail_msg("unexpected id '%.*s'", (int)id.len, id.ptr);
    }
  }
  px_reader_free(rd);
  assert_int_equal(page, 1);
  assert_int_equal(notes, 1);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_field_names),     cmocka_unit_test(test_field_map),
      cmocka_unit_test(test_bad_records),     cmocka_unit_test(test_record_cap),
      cmocka_unit_test(test_compressed),      cmocka_unit_test(test_binary_and_folder),
      cmocka_unit_test(test_json_array_and_missing), cmocka_unit_test(test_fast_matches_tree),
      cmocka_unit_test(test_fast_string_offsets),
      cmocka_unit_test(test_compressed_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
