/* test_common.c - buffers, arena, UTF-8 repair, dates, body normalization. */
#include "px_test.h"

#include "px_common.h"

static void test_buf_cap(void **state) {
  (void)state;
  px__buf b;
  px__buf_init(&b, 10);
  assert_int_equal(px__buf_append(&b, "0123456789", 10), PX_OK);
  assert_int_equal(b.len, 10);
  assert_int_equal(px__buf_putc(&b, 'x'), PX_ETOOBIG);
  assert_int_equal(b.len, 10); /* unchanged on error */
  assert_string_equal(b.ptr, "0123456789");
  px__buf_clear(&b);
  assert_int_equal(px__buf_printf(&b, "%d-%s", 42, "ab"), PX_OK);
  assert_string_equal(b.ptr, "42-ab");
  px__buf_release(&b);
}

static void test_arena(void **state) {
  (void)state;
  px__arena a;
  px__arena_init(&a, 128);
  char *p = px__arena_strndup(&a, "hello", 5);
  assert_string_equal(p, "hello");
  void *big = px__arena_alloc(&a, 1000); /* larger than a block */
  assert_non_null(big);
  assert_int_equal(((uintptr_t)big) % 16, 0);
  memset(big, 1, 1000);
  px__arena_reset(&a);
  assert_int_equal(a.total, 0);
  assert_non_null(px__arena_alloc(&a, 64));
  px__arena_release(&a);
}

static void test_utf8_repair_cp1252(void **state) {
  (void)state;
  /* "café" in Latin-1, "“quoted”" in Windows-1252. */
  const char in[] = "caf\xe9 \x93quoted\x94";
  px__buf out;
  px__buf_init(&out, 0);
  size_t repairs = 0, first = 99;
  assert_int_equal(px__utf8_repair(&out, in, sizeof(in) - 1, &repairs, &first), PX_OK);
  assert_string_equal(out.ptr, "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d");
  assert_int_equal(repairs, 3);
  assert_int_equal(first, 3);
  assert_int_equal(px__utf8_valid_prefix(out.ptr, out.len), out.len);
  px__buf_release(&out);
}

static void test_utf8_rejects_overlong_and_surrogates(void **state) {
  (void)state;
  assert_int_equal(px__utf8_seqlen((const unsigned char *)"\xc0\xaf", 2), 0);
  assert_int_equal(px__utf8_seqlen((const unsigned char *)"\xed\xa0\x80", 3), 0);
  assert_int_equal(px__utf8_seqlen((const unsigned char *)"\xf4\x90\x80\x80", 4), 0);
  assert_int_equal(px__utf8_seqlen((const unsigned char *)"\xe2\x80\x9c", 3), 3);
  assert_int_equal(px__utf8_seqlen((const unsigned char *)"\xe2\x80", 2), 0); /* cut short */
  /* Controls other than tab/newline are dropped, undefined 0x81 becomes U+FFFD. */
  px__buf out;
  px__buf_init(&out, 0);
  size_t repairs = 0;
  assert_int_equal(px__utf8_repair(&out, "a\x01" "b\x81", 4, &repairs, NULL), PX_OK);
  assert_string_equal(out.ptr, "ab\xef\xbf\xbd");
  assert_int_equal(repairs, 1);
  px__buf_release(&out);
}

static int64_t date(const char *s) {
  int64_t t = -1;
  int rc = px_parse_date(s, strlen(s), &t);
  if (rc != PX_OK) return -1;
  return t;
}

static void test_dates(void **state) {
  (void)state;
  const int64_t day = 1694563200; /* 2023-09-13T00:00:00Z */
  assert_int_equal(date("2023-09-13"), day);
  assert_int_equal(date("2023-09-13T10:20:30Z"), day + 37230);
  assert_int_equal(date("2023-09-13T10:20:30.123+02:00"), day + 37230 - 7200);
  assert_int_equal(date("2023-09-13 10:20:30"), day + 37230);
  assert_int_equal(date("Wed, 13 Sep 2023 10:20:30 GMT"), day + 37230);
  assert_int_equal(date("Wed, 13 Sep 2023 10:20:30 -0400"), day + 37230 + 4 * 3600);
  assert_int_equal(date("13 Sep 2023 10:20 EDT"), day + 37200 + 4 * 3600);
  assert_int_equal(date("September 13, 2023"), day);
  assert_int_equal(date("Sept. 13, 2023"), day);
  assert_int_equal(date("Sep 13 2023 5:20 pm"), day + 17 * 3600 + 1200);
  assert_int_equal(date("9/13/2023"), day);
  assert_int_equal(date("9/13/23"), day);
  assert_int_equal(date("2023/09/13"), day);
  assert_int_equal(date("1694563200"), day);
  assert_int_equal(date("1694563200000"), day);
  assert_int_equal(date("2024-02-29"), day + (169 * 86400));
  /* Rejected. */
  assert_int_equal(date("2023-02-29"), -1);
  assert_int_equal(date("2023-13-01"), -1);
  assert_int_equal(date("yesterday"), -1);
  assert_int_equal(date(""), -1);
  assert_int_equal(date("12"), -1);
  /* Found by fuzz_date: a huge minute field must not overflow. */
  assert_int_equal(date("2023-09-13T10:3777202372:00"), -1);
  assert_int_equal(date("2023-09-13T10:20:30+9999"), -1);
}

static void test_normalize_body(void **state) {
  (void)state;
  px__buf out;
  px__buf_init(&out, 0);
  /* Blank lines separate paragraphs; single newlines are wrapping. */
  const char *a = "  First line\nwraps here.\r\n\r\n\tSecond   paragraph.  \n\n\n";
  assert_int_equal(px__normalize_body(&out, a, strlen(a)), PX_OK);
  assert_string_equal(out.ptr, "First line wraps here.\n\nSecond paragraph.");
  /* Without blank lines each line is a paragraph. */
  px__buf_clear(&out);
  const char *b = "One.\nTwo.\n Three.";
  assert_int_equal(px__normalize_body(&out, b, strlen(b)), PX_OK);
  assert_string_equal(out.ptr, "One.\n\nTwo.\n\nThree.");
  /* NFC: e + combining acute becomes é. */
  px__buf_clear(&out);
  const char *c = "Cafe\xcc\x81 opens.";
  assert_int_equal(px__normalize_body(&out, c, strlen(c)), PX_OK);
  assert_string_equal(out.ptr, "Caf\xc3\xa9 opens.");
  px__buf_release(&out);
}

/* Sets a field of a new article to in, asserts it reads back as want, and
 * returns the repairs counted. */
static size_t set_field(px_field f, const char *in, const char *want) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, f, in, strlen(in)), PX_OK);
  px_str got = px_article_get(a, f);
  assert_int_equal(got.len, strlen(want));
  assert_memory_equal(got.ptr, want, got.len);
  size_t repairs = px_article_repairs(a);
  px_article_free(a);
  return repairs;
}

/* The text a rollover box leaves is cut: *p becomes its expected form. */
static void assert_cut(const char *in, const char *want) {
  char b[512];
  size_t n = strlen(in);
  assert_true(n < sizeof b);
  memcpy(b, in, n + 1);
  n = px__cut_rollovers(b, n);
  b[n] = '\0';
  assert_string_equal(b, want);
}

static void test_cut_rollovers(void **state) {
  (void)state;
  /* the full name glued to the first headline, then the headlines */
  assert_cut("Sen. Dana Quill Dana Marie QuillLawmakers weigh a farm bill Senate passes budget "
             "MORE (R-Ore.) said the vote would pass.",
             "Sen. Dana Quill (R-Ore.) said the vote would pass.");
  /* a possessive or a comma after "MORE" stays */
  assert_cut("It was President Ray Ortiz Raymond (Ray) Ortiz'Not a chance,' aides say MORE's call.",
             "It was President Ray Ortiz's call.");
  assert_cut("Rep. Ana CruzAna Maria CruzHouse votes on the bill MORE, a Democrat, spoke.",
             "Rep. Ana Cruz, a Democrat, spoke.");
  /* a particle in the name; a space before the first headline */
  assert_cut("Mayor Tom de Vries Thomas de Vries City budget passes at last MORE said no.",
             "Mayor Tom de Vries said no.");
  /* two boxes in one sentence */
  assert_cut("Lee Park Leeann Jo ParkTalks stall MORE met Bo Kim Bohyun KimVote set MORE today.",
             "Lee Park met Bo Kim today.");
  /* capitals that are no box stay as they are */
  const char *keep[] = {
      "THE MORE OBAMA, THE LESS LANDRIEU",
      "Mitch McConnell said MORE tests were needed.",
      "READ MORE ABOUT IT\n\nJoe Biden spoke. MORE to come.",
      "Senator Ray Ortiz met Raymond OrtizDay planners MOREOVER.",
      "Ray Ortiz\n\nRaymond OrtizNews of the day MORE",
  };
  for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) assert_cut(keep[i], keep[i]);
  /* an article's body is stored without the box */
  set_field(PX_F_BODY,
            "Sen. Dana Quill Dana Marie QuillLawmakers weigh a farm bill MORE (R-Ore.) "
            "spoke.\n\nShe left.",
            "Sen. Dana Quill (R-Ore.) spoke.\n\nShe left.");
}

static void test_article_fields(void **state) {
  (void)state;
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, "  Leaders\n meet  ", 17), PX_OK);
  px_str t = px_article_get(a, PX_F_TITLE);
  assert_int_equal(t.len, 12);
  assert_memory_equal(t.ptr, "Leaders meet", 12);
  assert_int_equal(px_article_set(a, PX_F_BODY, "caf\xe9", 4), PX_OK);
  assert_int_equal(px_article_repairs(a), 1);
  assert_string_equal(px_article_get(a, PX_F_BODY).ptr, "caf\xc3\xa9");
  px_article *b;
  assert_int_equal(px_article_clone(a, &b), PX_OK);
  assert_string_equal(px_article_get(b, PX_F_TITLE).ptr, "Leaders meet");
  px_article_free(a);
  px_article_free(b);
  px_article_free(NULL);
  assert_int_equal(px_article_set(NULL, PX_F_BODY, "x", 1), PX_EINVAL);
}

static void test_status_strings(void **state) {
  (void)state;
  assert_string_equal(px_strerror(PX_OK), "success");
  assert_string_equal(px_strerror(PX_ENOTPARALLAX), "not a parallax database");
  assert_string_equal(px_strerror(-999), "unknown error");
  assert_int_equal(px_version_number(), PX_VERSION_NUMBER);
  assert_string_equal(px_version_string(), PX_VERSION_STRING);
}

/* Double-encoded UTF-8 (mojibake) is repaired and counted; accented text
 * that is not mojibake is left as it is. */
static void test_mojibake(void **state) {
  (void)state;
  /* "It’s" encoded twice ("ItÃ¢â‚¬â„¢s") and once ("Itâ€™s"), "café" once:
   * the sequences found as given, 3 for the ’ encoded twice, 1 for the one
   * encoded once, 1 for the é */
  const char *t = "It\xc3\x83\xc2\xa2\xc3\xa2\xe2\x80\x9a\xc2\xac\xc3\xa2\xe2\x80\x9e\xc2\xa2s fine, "
                  "it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s caf\xc3\x83\xc2\xa9.";
  assert_int_equal(set_field(PX_F_TITLE, t, "It\xe2\x80\x99s fine, it\xe2\x80\x99s caf\xc3\xa9."), 5);
  const char *ok = "S\xc3\xa3o Paulo, Z\xc3\xbcrich, a\xc3\xa7\xc3\xa3o, caf\xc3\xa9 \xe2\x82\xac" "5, \xc3\x80 la carte";
  assert_int_equal(set_field(PX_F_BODY, ok, ok), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_buf_cap),
      cmocka_unit_test(test_arena),
      cmocka_unit_test(test_utf8_repair_cp1252),
      cmocka_unit_test(test_utf8_rejects_overlong_and_surrogates),
      cmocka_unit_test(test_dates),
      cmocka_unit_test(test_normalize_body),
      cmocka_unit_test(test_cut_rollovers),
      cmocka_unit_test(test_article_fields),
      cmocka_unit_test(test_mojibake),
      cmocka_unit_test(test_status_strings),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
