/* test_json.c - the px_json writer (JSON Lines and CSV) and the record
 * serializers' vocabulary. */
#include "px_test.h"

#include "parallax.h"

typedef struct sink {
  char buf[8192];
  size_t n;
  int calls;
  int fail;
} sink;

static int to_sink(void *user, const char *p, size_t n) {
  sink *s = user;
  s->calls++;
  if (s->fail) return 1;
  if (s->n + n >= sizeof s->buf) return 1;
  memcpy(s->buf + s->n, p, n);
  s->n += n;
  s->buf[s->n] = '\0';
  return 0;
}

static void test_json_lines(void **state) {
  (void)state;
  sink s = {0};
  px_json *j;
  assert_int_equal(px_json_new(0, to_sink, &s, &j), PX_OK);
  px_json_object(j);
  px_json_key(j, "a");
  px_json_int(j, -3);
  px_json_key(j, "s");
  px_json_str(j, "q\"\\\n\x01\x7f\xc2\x85\xc3\xa9", 10);
  px_json_key(j, "n");
  px_json_null(j);
  px_json_key(j, "x");
  px_json_num(j, 0.5, 3);
  px_json_key(j, "l");
  px_json_array(j);
  px_json_bool(j, 1);
  px_json_num(j, 1.0 / 0.0, 2);
  px_json_time(j, 1694600430, 1);
  px_json_array_end(j);
  px_json_object_end(j);
  px_json_int(j, 7);
  assert_int_equal(px_json_status(j), PX_OK);
  assert_string_equal(s.buf, "{\"a\":-3,\"s\":\"q\\\"\\\\\\n\\u0001\\u007f\\u0085\xc3\xa9\",\"n\":null,"
                             "\"x\":0.5,\"l\":[true,null,\"2023-09-13T10:20:30Z\"]}\n7\n");
  assert_int_equal(s.calls, 2); /* one write per record */
  px_json_free(j);
}

static void test_csv(void **state) {
  (void)state;
  sink s = {0};
  px_json *j;
  assert_int_equal(px_json_new(PX_JSON_CSV, to_sink, &s, &j), PX_OK);
  for (int r = 0; r < 2; r++) {
    px_json_object(j);
    px_json_key(j, "id");
    px_json_int(j, r + 1);
    px_json_key(j, "title");
    px_json_str(j, r ? "a, \"b\"" : "plain", r ? 6 : 5);
    px_json_key(j, "none");
    px_json_null(j);
    px_json_key(j, "list");
    px_json_array(j);
    px_json_int(j, 1);
    px_json_str(j, "x", 1);
    px_json_array_end(j);
    px_json_object_end(j);
  }
  assert_int_equal(px_json_status(j), PX_OK);
  assert_string_equal(s.buf, "id,title,none,list\r\n1,plain,,\"[1,\"\"x\"\"]\"\r\n"
                             "2,\"a, \"\"b\"\"\",,\"[1,\"\"x\"\"]\"\r\n");
  px_json_free(j);
}

static void test_write_error(void **state) {
  (void)state;
  sink s = {0};
  s.fail = 1;
  px_json *j;
  assert_int_equal(px_json_new(0, to_sink, &s, &j), PX_OK);
  px_json_int(j, 1);
  assert_int_equal(px_json_status(j), PX_EIO);
  px_json_free(j);
  assert_int_equal(px_json_new(0, NULL, &s, &j), PX_EINVAL);
}

static void test_article_vocabulary(void **state) {
  (void)state;
  sink s = {0};
  px_json *j;
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  px_article_set(a, PX_F_TITLE, "T", 1);
  px_article_set(a, PX_F_SOURCE, "Outlet", 6);
  px_article_set(a, PX_F_BODY, "Body text.", 10);
  assert_int_equal(px_article_set(a, PX_F_META, "{\"topic\":\"x\"}", 13), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_META, "not json", 8), PX_EINVAL);
  assert_int_equal(px_article_set(a, PX_F_META, "{\"topic\":\"x\"}", 13), PX_OK);
  assert_int_equal(px_json_new(0, to_sink, &s, &j), PX_OK);
  assert_int_equal(px_json_article(j, a, 0), PX_OK);
  /* not stored: id null; no input id: ext_id null; meta embedded as JSON */
  assert_non_null(strstr(s.buf, "{\"id\":null,\"ext_id\":null,\"source\":\"Outlet\",\"title\":\"T\""));
  assert_non_null(strstr(s.buf, "\"meta\":{\"topic\":\"x\"}}\n"));
  assert_null(strstr(s.buf, "\"body\""));
  s.n = 0;
  px_article_set(a, PX_F_ID, "u-1", 3);
  assert_int_equal(px_json_article(j, a, PX_JSON_BODY | PX_JSON_OPEN), PX_OK);
  px_json_key(j, "extra");
  px_json_int(j, 1);
  px_json_object_end(j);
  assert_non_null(strstr(s.buf, "\"ext_id\":\"u-1\""));
  assert_non_null(strstr(s.buf, "\"body\":\"Body text.\",\"extra\":1}\n"));
  px_json_free(j);
  px_article_free(a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json_lines),
      cmocka_unit_test(test_csv),
      cmocka_unit_test(test_write_error),
      cmocka_unit_test(test_article_vocabulary),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
