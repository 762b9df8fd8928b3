/* test_watch_config.c - the configuration of parallax watch
 * (src/watch_config.c): what it accepts, and the line it names when not. */
#include "px_test.h"
#include "watch_config.h"

static int parse(wconfig *c, const char *text, char *err) {
  wconfig_init(c);
  return wconfig_parse(c, text, strlen(text), "w.toml", err, 256);
}

static void test_accepts(void **state) {
  (void)state;
  wconfig c;
  char err[256] = "";
  const char *t =
      "\xEF\xBB\xBF# comment\n"
      "user_agent = \"bot \\\"x\\\" 1.0\"  # trailing comment\r\n"
      "rate = 2.5\nper_host = 3\nfetch_pages = false\n"
      "[feed]\nurl = \"http://127.0.0.1/a.xml\"\ninterval = 60\n"
      "[[feed]]\nurl = \"http://127.0.0.1/b.xml\"\n"
      "[folder]\npath = \"/tmp/in\"\n"
      "[alert]\nkind = \"outlets\"\noutlets = [\"A\", \"B\",]\n"
      "[alert]\nname = \"k\"\nkind = \"speaker\"\nspeaker = \"Anneli Korhonen\"\n"
      "[deliver]\nstdout = false\nwebhook = \"http://127.0.0.1/h\"\n";
  assert_int_equal(parse(&c, t, err), 0);
  assert_string_equal(c.user_agent, "bot \"x\" 1.0");
  assert_true(c.rate == 2.5);
  assert_int_equal(c.per_host, 3);
  assert_false(c.fetch_pages);
  assert_int_equal(c.nfeeds, 2);
  assert_true(c.feeds[0].interval == 60);
  assert_string_equal(c.feeds[1].url, "http://127.0.0.1/b.xml");
  assert_int_equal(c.nfolders, 1);
  assert_int_equal(c.nalerts, 2);
  assert_int_equal(c.alerts[0].kind, WA_OUTLETS);
  assert_int_equal(c.alerts[0].min, 3); /* the default */
  assert_int_equal(c.alerts[0].noutlets, 2);
  assert_string_equal(c.alerts[0].name, "outlets-1");
  assert_string_equal(c.alerts[1].name, "k");
  assert_false(c.to_stdout);
  assert_string_equal(c.webhook, "http://127.0.0.1/h");
  wconfig_release(&c);
}

static void test_refuses(void **state) {
  (void)state;
  static const struct {
    const char *text, *err;
  } cases[] = {
      {"interval = 5\n[feed]\nurl = http://x\n", "w.toml:line 3: 'http://x' is not a number"},
      {"[feed]\n[feed]\nurl = \"a\"\n", "w.toml:line 2: [feed] without a url"},
      {"[alert]\nkind = \"speaker\"\n", "w.toml:line 2: a speaker alert needs 'speaker'"},
      {"[alert]\nkind = \"weather\"\n", "w.toml:line 2: unknown alert kind 'weather'"},
      {"colour = \"red\"\n", "w.toml:line 1: unknown key 'colour' in top level"},
      {"[feeds]\n", "w.toml:line 1: unknown section 'feeds'"},
      {"rate = 0\n", "w.toml:line 1: 'rate' must be between"},
      {"x = \"open\n", "w.toml:line 1: string not closed"},
      {"[deliver]\nstdout = 1\n", "w.toml:line 2: 'stdout' must be true or false"},
      {"[alert]\nkind = \"outlets\"\noutlets = [\"a\" \"b\"]\n", "w.toml:line 3: ',' or ']' expected"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    wconfig c;
    char err[256] = "";
    assert_int_equal(parse(&c, cases[i].text, err), -1);
    if (strncmp(err, cases[i].err, strlen(cases[i].err)) != 0)
      fail_msg("case %zu: got \"%s\", want \"%s...\"", i, err, cases[i].err);
    wconfig_release(&c);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_accepts),
      cmocka_unit_test(test_refuses),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
