/* test_report.c - the renderers of a comparison: JSON that parses and whose
 * offsets point at the text it quotes, self-contained HTML, Markdown, text
 * wrapped to the width and coloured only when asked, sink errors. */
#include "px_test.h"

#include <jansson.h>
#include <parallax.h>

static px_ctx *ctx;
static px_comparison *cmp;
static px_article *arts[3];

static const char *k_body[3] = {
    "HELSINKI (Northern Wire) - A fire broke out in the engine room of the ferry Baltic Aurora "
    "on Monday, and 12 passengers were hurt, the coast guard said.\n\n"
    "The Baltic Aurora was later towed back to Helsinki by two tugs.\n\n"
    "\"The situation was under control from the first minutes,\" Captain Jari Lehtonen said.\n\n"
    "Officials said <b>nothing</b> & \"more\" about it.",
    "TALLINN - Two tugs towed the ferry Baltic Aurora back to Helsinki after a fire on Monday.\n\n"
    "The fire started in the ship's engine room, and 14 passengers were hurt, the coast guard "
    "said.\n\n"
    "Captain Jari Lehtonen said the situation had been under control \"from the first minutes\".",
    ""};
static const char *k_src[3] = {"Northern Wire", "Baltic Herald", "Empty | Post"};

static int setup(void **state) {
  (void)state;
  if (px_ctx_new(&ctx)) return -1;
  for (int i = 0; i < 3; i++) {
    if (px_article_new(&arts[i])) return -1;
    px_article_set(arts[i], PX_F_SOURCE, k_src[i], strlen(k_src[i]));
    px_article_set(arts[i], PX_F_TITLE, "Ferry *fire*", 12);
    px_article_set(arts[i], PX_F_BODY, k_body[i], strlen(k_body[i]));
    px_article_set_published(arts[i], 1696240000 + i * 3600);
  }
  return px_compare(ctx, (const px_article *const *)arts, 3, NULL, &cmp);
}

static int teardown(void **state) {
  (void)state;
  px_comparison_free(cmp);
  for (int i = 0; i < 3; i++) px_article_free(arts[i]);
  px_ctx_free(ctx);
  return 0;
}

typedef struct sink {
  char *p;
  size_t n;
  size_t fail_after; /* 0: never fail */
} sink;

static int put(void *user, const char *p, size_t n) {
  sink *s = user;
  if (s->fail_after && s->n + n > s->fail_after) return -1;
  s->p = realloc(s->p, s->n + n + 1);
  memcpy(s->p + s->n, p, n);
  s->n += n;
  s->p[s->n] = 0;
  return 0;
}

static char *render(px_report_format f, int width, int color) {
  sink s = {0};
  px_report_opts o = {width, color, 0, 1};
  assert_int_equal(px_report_write(cmp, f, &o, put, &s), PX_OK);
  assert_non_null(s.p);
  return s.p;
}

static void test_json(void **state) {
  (void)state;
  char *out = render(PX_REPORT_JSON, 0, 0);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  if (!root) fail_msg("JSON does not parse: %s at %d", err.text, err.position);
  json_t *articles = json_object_get(root, "articles");
  assert_int_equal(json_array_size(articles), 3);
  for (size_t i = 0; i < 3; i++) {
    json_t *a = json_array_get(articles, i);
    assert_int_equal(json_integer_value(json_object_get(a, "id")), (json_int_t)i);
    assert_string_equal(json_string_value(json_object_get(a, "source")), k_src[i]);
    assert_non_null(json_object_get(a, "dateline"));
    assert_true(json_is_string(json_object_get(a, "published")));
  }
  assert_string_equal(
      json_string_value(json_object_get(json_object_get(json_array_get(articles, 0), "dateline"), "place")),
      "HELSINKI");
  assert_true(json_is_null(json_object_get(json_array_get(articles, 2), "dateline")));
  /* Every member's offsets give its text back, byte for byte. */
  json_t *facts = json_object_get(root, "facts");
  size_t shared = 0, members = 0;
  for (size_t f = 0; f < json_array_size(facts); f++) {
    json_t *fa = json_array_get(facts, f);
    json_t *ms = json_object_get(fa, "members");
    assert_true(json_array_size(json_object_get(fa, "outlets")) >= 1);
    if (json_is_true(json_object_get(fa, "shared"))) shared++;
    for (size_t j = 0; j < json_array_size(ms); j++) {
      json_t *m = json_array_get(ms, j);
      size_t art = (size_t)json_integer_value(json_object_get(m, "article"));
      size_t st = (size_t)json_integer_value(json_object_get(m, "start"));
      size_t en = (size_t)json_integer_value(json_object_get(m, "end"));
      assert_true(art < 3 && st < en && en <= strlen(k_body[art]));
      assert_int_equal(strncmp(k_body[art] + st, json_string_value(json_object_get(m, "text")), en - st), 0);
      members++;
    }
  }
  assert_true(shared >= 1);
  /* Every sentence of every article is a member of exactly one fact. */
  size_t sentences = (size_t)json_integer_value(
      json_object_get(json_object_get(root, "stats"), "sentences"));
  assert_int_equal(members, sentences);
  assert_true(sentences >= 6);
  json_t *q = json_object_get(root, "quotes"), *e = json_object_get(root, "entities"),
         *d = json_object_get(root, "discrepancies"), *w = json_object_get(root, "warnings");
  assert_true(json_is_array(q) && json_is_array(e) && json_is_array(d) && json_is_array(w));
  assert_true(json_array_size(w) >= 1); /* the empty article */
  for (size_t i = 0; i < json_array_size(e); i++) {
    json_t *en = json_array_get(e, i);
    assert_true(json_is_string(json_object_get(en, "key")));
    assert_true(json_is_array(json_object_get(en, "variants")));
    assert_true(json_is_array(json_object_get(en, "outlets")));
  }
  for (size_t i = 0; i < json_array_size(q); i++) {
    json_t *ms = json_object_get(json_array_get(q, i), "members");
    for (size_t j = 0; j < json_array_size(ms); j++) {
      const char *kind = json_string_value(json_object_get(json_array_get(ms, j), "kind"));
      assert_true(strcmp(kind, "direct") == 0 || strcmp(kind, "trimmed") == 0 ||
                  strcmp(kind, "partial") == 0 || strcmp(kind, "indirect") == 0);
      assert_non_null(json_object_get(json_array_get(ms, j), "speaker"));
    }
  }
  json_decref(root);
  free(out);
}

static void test_html(void **state) {
  (void)state;
  char *out = render(PX_REPORT_HTML, 0, 0);
  assert_true(strncmp(out, "<!DOCTYPE html>", 15) == 0);
  assert_non_null(strstr(out, "</html>"));
  assert_non_null(strstr(out, "@media print"));
  assert_non_null(strstr(out, "grid-template-columns:repeat(auto-fill")); /* columns wrap, no sideways scroll */
  assert_non_null(strstr(out, "class=\"legend\""));
  assert_non_null(strstr(out, "<h2>Core facts</h2>"));
  assert_non_null(strstr(out, "name=\"viewport\""));
  /* Self-contained: nothing fetched. */
  assert_null(strstr(out, "src="));
  assert_null(strstr(out, "<link"));
  assert_null(strstr(out, "http://"));
  assert_null(strstr(out, "https://"));
  assert_null(strstr(out, "@import"));
  /* Article text is escaped. */
  assert_null(strstr(out, "<b>nothing</b>"));
  assert_non_null(strstr(out, "&lt;b&gt;nothing&lt;/b&gt; &amp; &quot;more&quot;"));
  assert_non_null(strstr(out, "class=\"s shared\""));
  assert_non_null(strstr(out, "class=\"s unique\""));
  free(out);
}

static void test_md(void **state) {
  (void)state;
  char *out = render(PX_REPORT_MD, 0, 0);
  assert_true(strncmp(out, "# ", 2) == 0); /* the story's headline */
  assert_non_null(strstr(out, "## Core facts"));
  assert_non_null(strstr(out, "# Full detail: 3 articles"));
  assert_non_null(strstr(out, "## Reported by several outlets"));
  assert_non_null(strstr(out, "Empty \\| Post")); /* table cell escaped */
  assert_non_null(strstr(out, "Ferry \\*fire\\*"));
  free(out);
}

static void test_text(void **state) {
  (void)state;
  for (int width = 40; width <= 100; width += 60) {
    char *out = render(PX_REPORT_TEXT, width, 0);
    assert_null(strchr(out, '\033'));
    assert_non_null(strstr(out, "Reported by one outlet only"));
    /* Lines fit the width (counting UTF-8 characters) unless one word is longer. */
    for (char *line = out; *line;) {
      char *nl = strchr(line, '\n');
      size_t len = nl ? (size_t)(nl - line) : strlen(line), cols = 0, longest = 0, word = 0;
      for (size_t i = 0; i < len; i++) {
        if (((unsigned char)line[i] & 0xC0) != 0x80) cols++;
        word = line[i] == ' ' ? 0 : word + 1;
        if (word > longest) longest = word;
      }
      if (cols > (size_t)width && longest < (size_t)width / 2) fail_msg("line over %d: %.*s", width, (int)len, line);
      line = nl ? nl + 1 : line + len;
    }
    free(out);
  }
  char *col = render(PX_REPORT_TEXT, 80, 1);
  assert_non_null(strchr(col, '\033'));
  free(col);
}

/* A comparison of n invented articles, its report in format f. */

static char *report_of_urls(const char *const *src, const char *const *title, const char *const *body,
                            const char *const *url, const int64_t *when, size_t n, px_report_format f) {
  px_article *a[8];
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(px_article_new(&a[i]), PX_OK);
    px_article_set(a[i], PX_F_SOURCE, src[i], strlen(src[i]));
    if (url) px_article_set(a[i], PX_F_URL, url[i], strlen(url[i]));
    px_article_set(a[i], PX_F_TITLE, title[i], strlen(title[i]));
    px_article_set(a[i], PX_F_BODY, body[i], strlen(body[i]));
    px_article_set_published(a[i], when[i]);
  }
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)a, n, NULL, &c), PX_OK);
  sink s = {0};
  px_report_opts o = {100, 0, 5, 0};
  assert_int_equal(px_report_write(c, f, &o, put, &s), PX_OK);
  px_comparison_free(c);
  for (size_t i = 0; i < n; i++) px_article_free(a[i]);
  return s.p;
}

static char *report_of(const char *const *src, const char *const *title, const char *const *body,
                       const int64_t *when, size_t n, px_report_format f) {
  return report_of_urls(src, title, body, NULL, when, n, f);
}

/* A time of day is shown where one was given; a date given alone (midnight
 * UTC) is shown as the day, with no invented "00:00Z". */
static void test_dates_shown(void **state) {
  (void)state;
  const char *src[2] = {"Vaasa Post", "Coast Daily"};
  const char *title[2] = {"Silo fire", "Blaze at the silo"};
  const char *body[2] = {"Fire crews in Vaasa put out a blaze at the old grain silo on Tuesday night.",
                         "Fire crews in Vaasa put out a blaze at the old grain silo on Tuesday."};
  const int64_t when[2] = {1709337600 /* 2024-03-02 00:00 UTC */, 1709367300 /* 08:15 UTC */};
  for (int f = 0; f < 3; f++) {
    px_report_format fm = f == 0 ? PX_REPORT_TEXT : f == 1 ? PX_REPORT_HTML : PX_REPORT_MD;
    char *out = report_of(src, title, body, when, 2, fm);
    assert_non_null(out);
    assert_null(strstr(out, "00:00Z"));
    assert_non_null(strstr(out, "2024-03-02 08:15Z"));
    free(out);
  }
}


#define SHARED_1 "Fire crews in Vaasa put out a blaze at the old grain silo on Tuesday night.\n\n"
#define SHARED_2 "The silo, built in 1931, had stood empty since the mill closed.\n\n"
#define SHARED_3 "Police have opened an inquiry into the cause of the fire.\n\n"

/* The brief's headline is the most central article's, not the longest's:
 * an interview that repeats the story's three facts among many of its own
 * is less central than the short reports made of them, though it carries
 * as many shared facts and came first. */
static void test_brief_lead(void **state) {
  (void)state;
  const char *src[3] = {"Vaasa Review", "Coast Daily", "Ostro News"};
  const char *title[3] = {"Talking to the last miller of Vaasa", "Fire destroys Vaasa grain silo",
                          "Old silo burns in Vaasa"};
  const char *body[3] = {
      SHARED_1 SHARED_2 SHARED_3
      "Aino Salo worked at the mill for thirty-one years before it shut its doors.\n\n"
      "She remembers the harvest trucks queuing along the river road every autumn.\n\n"
      "Her father had been a carpenter on the wharf before the war.\n\n"
      "The town library keeps her photographs of the loading cranes.\n\n"
      "Salo now teaches weaving at the community college on Thursdays.\n\n"
      "She hopes the council will turn the site into a park with a small museum.",
      SHARED_1 SHARED_2 SHARED_3,
      SHARED_1 SHARED_2 SHARED_3 "No one was hurt, the rescue service said."};
  const int64_t when[3] = {1700000000, 1700003600, 1700007200};
  char *out = report_of(src, title, body, when, 3, PX_REPORT_JSON);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  assert_non_null(root);
  json_t *story = json_object_get(root, "story");
  size_t lead = (size_t)json_integer_value(json_object_get(story, "lead_article"));
  assert_int_not_equal(lead, 0);
  assert_string_equal(json_string_value(json_object_get(story, "headline")), title[lead]);
  /* each core fact stands by a sentence of its own, which is one of its members */
  json_t *core = json_object_get(story, "core_facts"), *facts = json_object_get(root, "facts");
  assert_true(json_array_size(core) >= 3);
  const char *seen[8] = {0};
  for (size_t k = 0; k < json_array_size(core) && k < 8; k++) {
    json_t *f = json_array_get(facts, (size_t)json_integer_value(json_array_get(core, k)));
    json_t *lm = json_object_get(f, "lead_member");
    assert_true(json_is_integer(lm));
    json_t *m = json_array_get(json_object_get(f, "members"), (size_t)json_integer_value(lm));
    assert_non_null(m);
    seen[k] = json_string_value(json_object_get(m, "text"));
    for (size_t q = 0; q < k; q++) assert_string_not_equal(seen[q], seen[k]);
  }
  json_decref(root);
  free(out);
}

/* The brief's headline is a title that names the story: a column whose
 * text is the story's facts and nothing else (the most central article,
 * and the first) but whose title speaks of something else does not head
 * it; a report whose title names the fire does. */
static void test_brief_lead_title(void **state) {
  (void)state;
  const char *src[3] = {"Vaasa Review", "Coast Daily", "Ostro News"};
  const char *title[3] = {"What the council owes its firefighters", "Fire destroys Vaasa grain silo",
                          "Old grain silo burns in Vaasa"};
  const char *body[3] = {
      SHARED_1 SHARED_2 SHARED_3,
      SHARED_1 SHARED_2 SHARED_3 "Smoke could be seen from the ferry terminal until dawn.\n\n"
                                 "Traffic on the coast road was diverted for the night.",
      SHARED_1 SHARED_2 SHARED_3 "The owners had planned to sell the building next spring.\n\n"
                                 "A local choir rehearsed in its yard every summer."};
  const int64_t when[3] = {1700000000, 1700003600, 1700007200};
  char *out = report_of(src, title, body, when, 3, PX_REPORT_JSON);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  assert_non_null(root);
  json_t *story = json_object_get(root, "story");
  size_t lead = (size_t)json_integer_value(json_object_get(story, "lead_article"));
  assert_int_not_equal(lead, 0);
  assert_string_equal(json_string_value(json_object_get(story, "headline")), title[lead]);
  json_decref(root);
  free(out);
}

/* What an outlet alone adds lists a sentence it prints twice (a pull
 * quote) once. */
/* A sentence the page broke off ("“and the town will ...”", after a
 * paragraph break inside a quote) is no line of the brief. */
static void test_brief_no_fragment(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "\"The silo was the heart of the harbour,\n\n"
      "\xe2\x80\x9c" "and the town will rebuild it before the harvest comes in next autumn,\xe2\x80\x9d "
      "the mayor said.\n\nNeighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2 SHARED_3};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds"), *q = a ? strstr(a, "Quote variants") : NULL;
  assert_non_null(a);
  assert_non_null(q);
  const char *nb = strstr(a, "Neighbours watched");
  assert_true(nb && nb < q);
  const char *fr = strstr(a, "rebuild it");
  assert_true(!fr || fr > q);
  free(out);
}

/* A core fact is shown by a sentence, not by a headline set in the body
 * ("Vaasa Police Charge Four Men Over The Fire At The Old Grain Silo ...")
 * that tells it too. */
static void assert_core(const char *report, const char *in, const char *out);
static void test_brief_core_not_a_headline(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Vaasa police charge four over grain silo fire", "A night in Vaasa"};
  const char *body[2] = {
      "Vaasa Police Charge Four Men Over The Fire At The Old Grain Silo In The Harbour District.\n\n" SHARED_2,
      "Vaasa police charged four men over the fire at the old grain silo in the harbour district.\n\n" SHARED_2};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  assert_core(out, "Vaasa police charged four men", "Vaasa Police Charge");
  free(out);
}

/* A programme's title in marks between two stretches of a quote ("he said
 * on Coast TV's "Harbour Week." "...") is no piece of the rendering. */
static void test_quote_rendering_skips_title(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Mayor doubts ferry plan", "Mayor on the ferry plan"};
  const char *body[2] = {
      SHARED_1 "\xe2\x80\x9cThe ferry plan is broken,\xe2\x80\x9d the mayor said on Coast TV\xe2\x80\x99s "
      "\xe2\x80\x9cHarbour Week.\xe2\x80\x9d \xe2\x80\x9cWhy would anyone expand a plan that nobody "
      "follows today?\xe2\x80\x9d\n\n" SHARED_2,
      SHARED_1 "\xe2\x80\x9cThe ferry plan is broken,\xe2\x80\x9d the mayor said. \xe2\x80\x9cWhy would anyone "
      "expand a plan that nobody follows today?\xe2\x80\x9d\n\n" SHARED_2};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *q = strstr(out, "Quote variants");
  assert_non_null(q);
  assert_non_null(strstr(q, "ferry plan is broken"));
  assert_null(strstr(q, "Harbour Week"));
  free(out);
  /* the last stretch too, after "told" ("the mayor told "Harbour Week."") */
  body[0] = SHARED_1 "\xe2\x80\x9cThe ferry plan is broken beyond any repair,\xe2\x80\x9d the mayor told "
            "\xe2\x80\x9cHarbour Week.\xe2\x80\x9d\n\n" SHARED_2;
  body[1] = SHARED_1 "\xe2\x80\x9cThe ferry plan is broken beyond any repair,\xe2\x80\x9d the mayor said.\n\n" SHARED_2;
  out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  q = strstr(out, "Quote variants");
  assert_non_null(q);
  assert_non_null(strstr(q, "broken beyond any repair"));
  assert_null(strstr(q, "Harbour Week"));
  free(out);
}

/* A partial quote whose words go on in the next sentence is shown as its
 * quoted stretches ("... the country," the mayor said in a statement.
 * "It is ..."), not with the outlet's sentence between them; within one
 * sentence the words around the marks stay ("'deeply flawed' as well as
 * 'far too costly'"). */
static void test_quote_rendering_partial(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Mayor doubts ferry plan", "Mayor on the ferry plan"};
  const char *body[2] = {
      SHARED_1 "A new plan was \xe2\x80\x9cin the best interests of the harbour,\xe2\x80\x9d the mayor "
      "said in a statement at the town hall. \xe2\x80\x9cIt will always remain a matter of regret to me "
      "that the ferry never sailed.\xe2\x80\x9d\n\n"
      "The mayor said the plan was \xe2\x80\x9c" "deeply flawed\xe2\x80\x9d as well as \xe2\x80\x9c" "far "
      "too costly for the town\xe2\x80\x9d.\n\n" SHARED_2,
      SHARED_1 "\xe2\x80\x9cIt will always remain a matter of regret to me that the ferry never "
      "sailed,\xe2\x80\x9d the mayor said.\n\n"
      "The mayor said the plan was \xe2\x80\x9c" "deeply flawed\xe2\x80\x9d and \xe2\x80\x9c" "far too costly for "
      "the town\xe2\x80\x9d.\n\n" SHARED_2};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *q = strstr(out, "Quote variants");
  assert_non_null(q);
  assert_non_null(strstr(q, "matter of regret"));
  assert_null(strstr(q, "in a statement"));
  assert_non_null(strstr(q, "as well as"));
  free(out);
}

/* A wire dateline inside the text, where an aggregator runs a copy on
 * after its own lines ("OSLO (Reuters) - ...", "BERGEN — ..."), is no part
 * of the line the brief shows. */
static void test_brief_line_without_dateline(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2 "Read more below.\n\n"
      "OSLO (Reuters) - The harbour board in Oslo approved a new ferry plan on Monday after a long "
      "debate among its nine members.\n\n"
      "BERGEN \xe2\x80\x94 Fishing crews in Bergen staged a protest over quota cuts for the third "
      "week running.",
      SHARED_1 SHARED_2 "Neighbours watched the flames from the river bank until the early hours."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds");
  assert_non_null(a);
  assert_non_null(strstr(a, "The harbour board"));
  assert_non_null(strstr(a, "Fishing crews"));
  assert_null(strstr(a, "(Reuters)"));
  assert_null(strstr(a, "BERGEN"));
  free(out);
}

/* A remark whose speaker is written only as a pronoun, in every outlet,
 * is labelled as one whose speaker is not named, not "they". */
static void test_remark_label_not_a_pronoun(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2 "The inspectors wrote a long report on the fire.\n\n"
      "\"A hierarchy of repairs is created that favours the harbour over the old town,\" they wrote.",
      SHARED_1 SHARED_2 "The inspectors wrote a long report on the fire.\n\n"
      "They warned that \"a hierarchy of repairs is created that favours the harbour over the old town.\""};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *q = strstr(out, "Quote variants");
  assert_non_null(q);
  assert_non_null(strstr(q, "hierarchy of repairs"));
  assert_null(strstr(q, "\n  they \xc2\xb7"));
  assert_null(strstr(q, "\n  They \xc2\xb7"));
  free(out);
}

/* Pieces of a quotation are no line of the brief: neither the sentence
 * that opens a quotation the next one closes, nor the one that closes it
 * ("... It fed three villages," the mayor said.), nor a sentence that is
 * only a quotation; a claim of the outlet's own is listed instead.  And a
 * core fact is shown by a sentence that reports it, not by the tail of a
 * quotation that repeats it. */
/* A sentence that opens on a pronoun ("But it did ...", "They voted ...",
 * "That's how long ...")
 * says nothing read alone: it does not stand for a core fact another
 * member can stand for, and is not listed as what an outlet alone adds. */
static void test_brief_pronoun_openers(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "But it did persuade them to rebuild the quay wall before the winter storms.\n\n"
      "They voted on Thursday to close the harbour road for a month.\n\n"
      "That's how long the crews worked before the last embers of the mill went out.\n\n"
      "Twelve of them voted against the new harbour budget on Friday evening.\n\n"
      "Most of those who live by the river were moved to the school overnight.\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2
      "The fire persuaded the town council to rebuild the quay wall before the winter storms."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *core = strstr(out, "Core facts"), *a = strstr(out, "What each outlet alone adds");
  assert_non_null(core);
  assert_non_null(a);
  assert_null(strstr(out, "But it did persuade"));
  const char *v = strstr(a, "They voted");
  assert_null(v);
  assert_null(strstr(a, "That's how long"));
  assert_null(strstr(a, "Twelve of them"));
  assert_non_null(strstr(a, "Neighbours watched"));
  free(out);
}

/* A question, its answer given alone ("Because ..."), a signpost
 * ("Here's a rundown of ..."), the writer turning to the reader ("You
 * know ..."), a remark in
 * brackets or the writer's own first person ("Pardon me for ...") is an
 * aside, not a claim: what an outlet alone adds
 * lists its reported claims ("World War I" is no first person). */
static void test_brief_asides(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "Pardon me for asking so early in the morning, but who thought this silo was safe?\n\n"
      "Because the town never paid for the repairs the inspectors asked for in the spring.\n\n"
      "Here's a rundown of the fire brigade's busiest nights this year.\n\n"
      "You know the chief once worked for the old mill owners for years.\n\n"
      "Read on to find out more about the riverside bakery, known to all as \"The Oven.\"\n\n"
      "(Ask the farmers along the river how those promises worked out.)\n\n"
      "I have watched this harbour burn twice in ten years and nobody ever learns.\n\n"
      "What I don't understand is, logistically, how the pumps ever worked.\n\n"
      "Secondly, we require under this plan that the mill owners pay for the new pumps.\n\n"
      "The grain trade began here after World War I and the quay was listed in 1988.\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2
      "The fire persuaded the town council to rebuild the quay wall before the winter storms."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds");
  assert_non_null(a);
  assert_null(strstr(a, "Pardon me"));
  assert_null(strstr(a, "Because the town"));
  assert_null(strstr(a, "Here's a rundown"));
  assert_null(strstr(a, "You know the chief"));
  assert_null(strstr(a, "Read on"));
  assert_null(strstr(a, "Ask the farmers"));
  assert_null(strstr(a, "I have watched"));
  assert_null(strstr(a, "What I don't"));
  assert_null(strstr(a, "we require"));
  assert_non_null(strstr(a, "World War I"));
  assert_non_null(strstr(a, "Neighbours watched"));
  free(out);
}

/* The second person outside quotation marks, and "us", are the writer
 * turning to the reader or a transcript's turn ("Now, you might think
 * ...", "Adam, tell us about ..."), not a claim an outlet adds; "you" in an
 * aside in brackets after a claim, and "thank you", leave the claim one. */
static void test_brief_second_person(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "Now, you might think the silo had been safe for all those years.\n\n"
      "Adam, tell us about the fire brigade's long night on the quay.\n\n"
      "But if your grain was stored there, your insurer will have to pay for the whole harvest.\n\n"
      "The bakery next door lost two ovens (three if you count the old one) last spring.\n\n"
      "The chief said his crews were just fine, thank you.",
      SHARED_1 SHARED_2
      "The fire persuaded the town council to rebuild the quay wall before the winter storms."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds");
  assert_non_null(a);
  assert_null(strstr(a, "you might think"));
  assert_null(strstr(a, "tell us"));
  assert_null(strstr(a, "your insurer"));
  assert_non_null(strstr(a, "two ovens"));
  assert_non_null(strstr(a, "thank you"));
  free(out);
}

/* A line set as a headline, every word capitalized "To" and "For" too (a
 * related story's link), is not what an outlet alone adds; a sentence of
 * names is. */
static void test_brief_headline_case(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "Vaasa Council Votes To Rebuild Silo For The Grain Harvest.\n\n"
      "Mayor Anna Berg and Fire Chief Eli Moe visited the site on Wednesday.\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2
      "The fire persuaded the town council to rebuild the quay wall before the winter storms."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds");
  assert_non_null(a);
  assert_null(strstr(a, "Votes To Rebuild"));
  assert_non_null(strstr(a, "Anna Berg and Fire Chief"));
  assert_non_null(strstr(a, "Neighbours watched"));
  free(out);
}

/* A core fact is shown by a statement, not by the writer speaking in the
 * first person, though the lead article's sentence is the writer's. */
static void test_brief_core_not_first_person(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire crews put out blaze at Vaasa grain silo", "Old silo burns"};
  const char *body[2] = {
      "From the river bank I watched as fire crews in Vaasa put out a blaze at the old grain silo that night.\n\n"
      SHARED_2 "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2 SHARED_3};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  char *from = strstr(out, "Core facts"), *to = from ? strstr(from, "What each outlet") : NULL;
  assert_non_null(to);
  *to = 0;
  assert_null(strstr(from, "I watched"));
  assert_non_null(strstr(from, "Fire crews in Vaasa"));
  free(out);
}

/* A title that asks, or a column's or an explainer's, does not head the
 * brief when a title that states the news names the story about as well. */
static void test_brief_lead_not_a_question(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *titles[7][2] = {{"Who set fire to the Vaasa grain silo?", "Vaasa grain silo burns"},
                              {"OPINION: Vaasa grain silo fire shows a failing council", "Vaasa grain silo burns"},
                              {"Vaasa grain silo burns", "Who set fire to the Vaasa grain silo?"},
                              {"Why the Vaasa grain silo burns so long", "Vaasa grain silo burns"},
                              {"How the Vaasa grain silo fire burns", "Vaasa grain silo burns"},
                              {"Here's why the Vaasa grain silo burns", "Vaasa grain silo burns"},
                              {"Here\xe2\x80\x99s why the Vaasa grain silo burns", "Vaasa grain silo burns"}};
  const char *body[2] = {SHARED_1 SHARED_2 SHARED_3, SHARED_1 SHARED_2 SHARED_3};
  const int64_t when[2] = {1700000000, 1700003600};
  for (int k = 0; k < 7; k++) {
    char *out = report_of(src, titles[k], body, when, 2, PX_REPORT_JSON);
    json_error_t err;
    json_t *root = json_loads(out, 0, &err);
    assert_non_null(root);
    json_t *story = json_object_get(root, "story");
    assert_string_equal(json_string_value(json_object_get(story, "headline")), "Vaasa grain silo burns");
    json_decref(root);
    free(out);
  }
}

/* Nor does a title at a column's address (".../story/opinion/...",
 * ".../columnists/..."): the same title at a news address heads it. */
static void test_brief_lead_not_a_column_url(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire crews put out a blaze at the old Vaasa grain silo", "A night in Vaasa"};
  const char *body[2] = {SHARED_1 SHARED_2 SHARED_3, SHARED_1 SHARED_2 SHARED_3};
  const int64_t when[2] = {1700000000, 1700003600};
  const char *url[4][2] = {
      {"https://coastdaily.example/story/news/2024/03/02/vaasa-silo/", "https://ostro.example/n/1"},
      {"https://coastdaily.example/story/opinion/2024/03/02/vaasa-silo/", "https://ostro.example/n/1"},
      {"https://coastdaily.example/Commentary/Opinion/2024/0302/vaasa-silo", "https://ostro.example/n/1"},
      {"https://coastdaily.example/columnists/jane-roe/2024/03/02/vaasa", "https://ostro.example/n/1"}};
  for (int k = 0; k < 4; k++) {
    char *out = report_of_urls(src, title, body, url[k], when, 2, PX_REPORT_JSON);
    json_error_t err;
    json_t *root = json_loads(out, 0, &err);
    assert_non_null(root);
    json_t *story = json_object_get(root, "story");
    assert_string_equal(json_string_value(json_object_get(story, "headline")), title[k == 0 ? 0 : 1]);
    json_decref(root);
    free(out);
  }
}

/* A question of the writer's is no core fact, even when two outlets ask
 * it; a line that only leads in to what follows (ending in a colon) and a
 * heading (no mark ends it) are not what an outlet alone adds. */
static void test_brief_questions_and_lead_ins(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "Why did nobody on the council ever ask who held the keys to the building?\n\n"
      "Here is what the harbour master told our reporter on the pier this morning:\n\n"
      "Ferry Captains Warn Of Longer Queues At The Eastern Terminal This Winter\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2
      "Why did nobody on the council ever ask who held the keys to the building?\n\n"
      "The fire persuaded the town council to rebuild the quay wall before the winter storms."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds"), *core = strstr(out, "Core facts");
  assert_non_null(a);
  assert_non_null(core);
  assert_non_null(strstr(core, "outlets]")); /* the shared facts are there */
  assert_null(strstr(core, "Why did nobody"));
  assert_null(strstr(a, "Here is what the harbour master"));
  assert_null(strstr(a, "Ferry Captains Warn")); /* a heading, no mark ends it */
  assert_non_null(strstr(a, "Neighbours watched"));
  free(out);
}

/* A core fact is told alike by two outlets once at least: two sentences
 * on one subject that the grouping joined by a weak link (0.29 here) stay
 * a fact of the full listing, not of the brief's core. */
/* The text brief's core facts hold `in` and not `out` (NULL: none). */
static void assert_core(const char *report, const char *in, const char *out) {
  const char *core = strstr(report, "Core facts"), *a = strstr(report, "What each outlet alone adds");
  assert_non_null(core);
  assert_non_null(a);
  const char *x = strstr(core, in);
  assert_true(x != NULL && x < a);
  if (!out) return;
  x = strstr(core, out);
  assert_true(x == NULL || x > a);
}

/* Two outlets' reports of the Vaasa fire, each ending on its own last
 * paragraph (the first two are the same). */
static char *vaasa_report(const char *last_a, const char *last_b, px_report_format f) {
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const int64_t when[2] = {1700000000, 1700003600};
  char *body[2];
  const char *last[2] = {last_a, last_b};
  for (int k = 0; k < 2; k++) {
    size_t n = strlen(SHARED_1 SHARED_2) + strlen(last[k]) + 1;
    body[k] = malloc(n);
    assert_non_null(body[k]);
    snprintf(body[k], n, "%s%s", SHARED_1 SHARED_2, last[k]);
  }
  char *out = report_of(src, title, (const char *const *)body, when, 2, f);
  free(body[0]);
  free(body[1]);
  return out;
}

static void test_brief_core_needs_a_sure_link(void **state) {
  (void)state;
  const char *a = "The harbour board has handled the town's old buildings badly for years.",
             *b = "It is going to be difficult to repair the harbour because it is in such bad shape.";
  char *out = vaasa_report(a, b, PX_REPORT_TEXT);
  assert_core(out, "Fire crews in Vaasa", "old buildings badly");
  assert_core(out, "Fire crews in Vaasa", "difficult to repair");
  free(out);
  /* the two sentences are one fact of the comparison all the same */
  out = vaasa_report(a, b, PX_REPORT_JSON);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  assert_non_null(root);
  json_t *facts = json_object_get(root, "facts"), *core_ids = json_object_get(json_object_get(root, "story"), "core_facts");
  int joined = 0, in_core = 0;
  for (size_t k = 0; k < json_array_size(facts); k++) {
    json_t *f = json_array_get(facts, k), *m = json_object_get(f, "members");
    if (json_array_size(m) != 2) continue;
    const char *t0 = json_string_value(json_object_get(json_array_get(m, 0), "text"));
    if (!t0 || !strstr(t0, "old buildings badly")) continue;
    joined = 1;
    for (size_t q = 0; q < json_array_size(core_ids); q++)
      in_core = in_core || json_integer_value(json_array_get(core_ids, q)) ==
                               json_integer_value(json_object_get(f, "id"));
  }
  assert_true(joined);
  assert_false(in_core);
  /* each core fact with the outlets that tell it alike, two or more */
  json_t *co = json_object_get(json_object_get(root, "story"), "core_outlets");
  assert_int_equal(json_array_size(co), json_array_size(core_ids));
  for (size_t q = 0; q < json_array_size(co); q++) assert_true(json_integer_value(json_array_get(co, q)) >= 2);
  /* and each shown by a sentence another outlet tells alike */
  for (size_t q = 0; q < json_array_size(core_ids); q++) {
    json_t *f = json_array_get(facts, (size_t)json_integer_value(json_array_get(core_ids, q)));
    json_t *lead = json_array_get(json_object_get(f, "members"), (size_t)json_integer_value(json_object_get(f, "lead_member")));
    assert_true(json_is_true(json_object_get(lead, "alike")));
  }
  json_decref(root);
  free(out);
}

/* The outlets that tell a fact alike are those of one set of members told
 * alike through each other: two outlets quote the mayor, two columns say
 * something of their own about a councillor, and the grouping joins the
 * four at the fact threshold (0.26 to 0.30 here) without one link of 0.40
 * between the quote and the columns.  The brief counts two outlets for
 * the mayor's remark, not four. */
static void test_brief_core_one_alike_set(void **state) {
  (void)state;
  const char *src[4] = {"Coast Daily", "Ostro News", "Baltic Post", "North Wire"};
  const char *title[4] = {"Fire at the Vaasa silo 0", "Fire at the Vaasa silo 1", "Fire at the Vaasa silo 2",
                          "Fire at the Vaasa silo 3"};
  const char *last[4] = {
      "\"The harbour school knows it is in a very, very precarious situation, and yet it still cares about "
      "the state of the town,\" Mayor Anna Berg told the Vaasa Times.",
      "\"The harbour school knows it is in a very, very precarious situation, and yet it still cares about "
      "the state of the town,\" Mayor Anna Berg told the Times.",
      "Councillor Lars Holm told the voters of Korsholm that the council should resign over the harbour.",
      "That tells you everything you need to know about the town, Councillor Lars Holm and the voters of "
      "Korsholm."};
  const int64_t when[4] = {1699610400, 1699696800, 1699783200, 1699869600};
  char *body[4];
  for (int k = 0; k < 4; k++) {
    const char *lede = "Fire crews in Vaasa fought a blaze at the old grain silo by the harbour for six hours "
                       "on Monday night.\n\nThe silo, built in 1911, was empty and nobody was hurt, the rescue "
                       "service said.\n\n";
    size_t n = strlen(lede) + strlen(last[k]) + 1;
    body[k] = malloc(n);
    assert_non_null(body[k]);
    snprintf(body[k], n, "%s%s", lede, last[k]);
  }
  char *out = report_of(src, title, (const char *const *)body, when, 4, PX_REPORT_JSON);
  for (int k = 0; k < 4; k++) free(body[k]);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  assert_non_null(root);
  json_t *facts = json_object_get(root, "facts"), *story = json_object_get(root, "story");
  json_t *core_ids = json_object_get(story, "core_facts"), *co = json_object_get(story, "core_outlets");
  int found = 0;
  for (size_t k = 0; k < json_array_size(facts); k++) {
    json_t *f = json_array_get(facts, k), *m = json_object_get(f, "members");
    const char *t0 = json_string_value(json_object_get(json_array_get(m, 0), "text"));
    if (!t0 || !strstr(t0, "harbour school knows")) continue;
    found = 1;
    /* the four are one fact of the comparison (the case this is about) */
    assert_int_equal(json_array_size(m), 4);
    for (size_t j = 0; j < 4; j++) {
      int quote = strstr(json_string_value(json_object_get(json_array_get(m, j), "text")), "school knows") != NULL;
      assert_int_equal(json_is_true(json_object_get(json_array_get(m, j), "alike")), quote);
    }
    for (size_t q = 0; q < json_array_size(core_ids); q++)
      if (json_integer_value(json_array_get(core_ids, q)) == json_integer_value(json_object_get(f, "id"))) {
        assert_int_equal(json_integer_value(json_array_get(co, q)), 2);
        found = 2; /* a core fact, told alike by two */
      }
  }
  assert_int_equal(found, 2);
  json_decref(root);
  free(out);
}

/* A short sentence that leans on the one before ("The same goes for
 * nuclear weapons.") is contained in a longer one that shares its nouns:
 * it tells no claim alike, and makes no core fact. */
static void test_brief_core_short_sentence(void **state) {
  (void)state;
  char *out = vaasa_report("The harbour board says Russia will also supply the navy with new nuclear weapons and "
                           "long range missiles by next spring.",
                           "The same goes for nuclear weapons.", PX_REPORT_TEXT);
  assert_core(out, "Fire crews in Vaasa", "same goes for");
  assert_core(out, "Fire crews in Vaasa", "long range missiles");
  free(out);
}

/* Two quotations of one speaker that the quote engine holds for two
 * remarks tell no claim alike, however much their sentences share. */
static void test_brief_two_remarks_not_alike(void **state) {
  (void)state;
  char *out = vaasa_report("\"The roof of the harbour school will be mended by May,\" Mayor Anna Berg said on Tuesday.",
                           "\"Nobody in town should pay more tax for the harbour school,\" Mayor Anna Berg said on "
                           "Tuesday.",
                           PX_REPORT_TEXT);
  assert_core(out, "Fire crews in Vaasa", "harbour school");
  free(out);
}

/* A core fact shown by a bare quotation, its speaker named in the sentence
 * before, says who speaks: in the text, the Markdown and the JSON
 * (story.core_speakers); a core fact that names its speaker has none. */
static void test_brief_core_speaker(void **state) {
  (void)state;
  const char *src[2] = {"Northern Wire", "Baltic Herald"};
  const char *title[2] = {"Ferry fire", "Fire on the ferry"};
  const char *body[2] = {
      "A fire broke out on the ferry Baltic Aurora on Monday, the coast guard said.\n\n"
      "Captain Jari Lehtonen said the crew had trained for this kind of fire for years. "
      "\u201cWe brought every single passenger home safely before midnight.\u201d",
      "A fire broke out on the ferry Baltic Aurora on Monday, the coast guard said.\n\n"
      "Captain Jari Lehtonen said the crew had trained for this kind of fire for years. "
      "\u201cWe brought every single passenger home safely before midnight.\u201d"};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  assert_non_null(strstr(out, "Jari Lehtonen: \u201cWe brought every single"));
  assert_null(strstr(out, ": Captain Jari Lehtonen said"));
  free(out);
  out = report_of(src, title, body, when, 2, PX_REPORT_MD);
  assert_non_null(strstr(out, "Jari Lehtonen: \u201cWe brought"));
  free(out);
  out = report_of(src, title, body, when, 2, PX_REPORT_JSON);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  assert_non_null(root);
  json_t *story = json_object_get(root, "story");
  json_t *core = json_object_get(story, "core_facts"), *who = json_object_get(story, "core_speakers");
  assert_int_equal(json_array_size(core), json_array_size(who));
  size_t named = 0;
  for (size_t k = 0; k < json_array_size(who); k++)
    named += strcmp(json_string_value(json_array_get(who, k)), "Jari Lehtonen") == 0;
  assert_int_equal(named, 1);
  json_decref(root);
  free(out);
}

/* The page's own headline set in the body before its summary ("Harbour
 * Ferry board backs new pier Crews welcome the vote.") is no claim of the
 * outlet's; a sentence that goes on from words like the title is. */
static void test_brief_own_headline_in_body(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Ferry board backs new pier", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "Harbour Ferry board backs new pier Crews welcome the vote after a long winter of delays.\n\n"
      "Ferry board backs new pier with seven votes to two after a long winter of delays.\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2
      "The fire persuaded the town council to rebuild the quay wall before the winter storms."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds");
  assert_non_null(a);
  assert_null(strstr(a, "Crews welcome the vote"));
  assert_non_null(strstr(a, "with seven votes to two"));
  assert_non_null(strstr(a, "Neighbours watched"));
  free(out);
}

/* A core fact shown by a quotation and a pronoun ("..., he said.") names
 * the one the pronoun stands for, too. */
static void test_brief_core_speaker_pronoun(void **state) {
  (void)state;
  const char *src[2] = {"Northern Wire", "Baltic Herald"};
  const char *title[2] = {"Ferry fire", "Fire on the ferry"};
  const char *body[2] = {
      "A fire broke out on the ferry Baltic Aurora on Monday, the coast guard said.\n\n"
      "Captain Jari Lehtonen praised the crew. "
      "\u201cWe brought every single passenger home safely before midnight,\u201d he said.",
      "A fire broke out on the ferry Baltic Aurora on Monday, the coast guard said.\n\n"
      "Captain Jari Lehtonen praised the crew. "
      "\u201cWe brought every single passenger home safely before midnight,\u201d he said."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  assert_non_null(strstr(out, "Jari Lehtonen: \u201cWe brought every single"));
  free(out);
}

static void test_brief_quote_pieces(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "\"We have lost a piece of our history tonight. The town will build a museum where the "
      "old silo stood,\" the mayor said.\n\n"
      "\"The silo was the heart of the harbour for a century. It fed three villages through "
      "every hard winter,\" a retired miller said.\n\n"
      "\xe2\x80\x9cWe will miss the smell of grain on the quay every single autumn.\xe2\x80\x9d\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2
      "The town will build a museum where the old silo stood, the mayor said on Wednesday."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  const char *core = strstr(out, "Core facts"), *a = strstr(out, "What each outlet alone adds"),
             *q = a ? strstr(a, "Quote variants") : NULL;
  assert_non_null(core);
  assert_non_null(a);
  if (!q) q = out + strlen(out);
  const char *nb = strstr(a, "Neighbours watched");
  assert_true(nb && nb < q);
  const char *pieces[] = {"piece of our history", "heart of the harbour", "fed three villages",
                          "smell of grain"};
  for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++) {
    const char *x = strstr(a, pieces[k]);
    assert_true(!x || x >= q);
  }
  /* the text wraps: words apart by any run of spaces and newlines */
  char *flat = strdup(core);
  size_t k2 = 0;
  for (size_t i = 0; flat[i]; i++)
    if (!(flat[i] == ' ' || flat[i] == '\n') || (k2 && flat[k2 - 1] != ' ')) flat[k2++] = flat[i] == '\n' ? ' ' : flat[i];
  flat[k2] = 0;
  const char *museum = strstr(flat, "the mayor said on Wednesday"), *fa = strstr(flat, "What each outlet");
  assert_true(museum && fa && museum < fa);
  free(flat);
  free(out);
}

/* An outlet's claim is listed once among what it alone adds, not again
 * for its update of the next day that prints it too, as it stands or
 * retold. */
static void test_brief_alone_once_per_outlet(void **state) {
  (void)state;
  const char *src[3] = {"Coast Daily", "Coast Daily", "Ostro News"};
  const char *title[3] = {"Fire destroys Vaasa grain silo", "Vaasa counts the cost of silo fire",
                          "Old silo burns in Vaasa"};
  const char *body[3] = {
      SHARED_1 SHARED_2
      "The mayor said the burnt silo was a piece of the town's history lost for good.\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1
      "The insurers sent two assessors to the quay on Saturday morning.\n\n"
      "The mayor also said on Friday that the burnt silo was a piece of the town's history, lost for good.\n\n"
      "Neighbours watched the flames from the river bank until the early hours.",
      SHARED_1 SHARED_2 SHARED_3};
  const int64_t when[3] = {1700000000, 1700086400, 1700003600};
  char *out = report_of(src, title, body, when, 3, PX_REPORT_TEXT);
  const char *a = strstr(out, "What each outlet alone adds");
  assert_non_null(a);
  const char *q = strstr(a, "Quote variants");
  size_t mayor = 0, banks = 0;
  for (const char *p = a; (p = strstr(p, "piece of the town")) && (!q || p < q); p++) mayor++;
  for (const char *p = a; (p = strstr(p, "river bank")) && (!q || p < q); p++) banks++;
  assert_int_equal(mayor, 1);
  assert_int_equal(banks, 1);
  assert_non_null(strstr(a, "two assessors"));
  free(out);
}

/* What an outlet alone adds lists a sentence once, whether the page
 * prints it twice (a pull quote) or tells it again in other words (an
 * update repeating its lead: four fifths of the shorter's content words
 * in the longer). */
static void test_brief_alone_once(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {
      SHARED_1 SHARED_2
      "The mayor said the burnt silo was a piece of the town's history lost for good.\n\n"
      "Neighbours watched the flames from the river bank until the early hours.\n\n"
      "The mayor said the burnt silo was a piece of the town's history lost for good.\n\n"
      "The mayor also said in a statement on Friday that the burnt silo was a piece of the town's "
      "history, lost for good.",
      SHARED_1 SHARED_2 SHARED_3};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_JSON);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  assert_non_null(root);
  /* the text of each (article, sentence) from the facts' members */
  json_t *facts = json_object_get(root, "facts");
  json_t *alone = json_object_get(json_object_get(root, "story"), "alone");
  size_t mayor = 0, picked = 0;
  for (size_t k = 0; k < json_array_size(alone); k++) {
    json_t *al = json_array_get(alone, k);
    json_int_t art = json_integer_value(json_object_get(al, "article"));
    json_int_t sent = json_integer_value(json_object_get(al, "sentence"));
    for (size_t f = 0; f < json_array_size(facts); f++) {
      json_t *mem = json_object_get(json_array_get(facts, f), "members");
      for (size_t j = 0; j < json_array_size(mem); j++) {
        json_t *m = json_array_get(mem, j);
        if (json_integer_value(json_object_get(m, "article")) != art ||
            json_integer_value(json_object_get(m, "sentence")) != sent)
          continue;
        picked++;
        if (strstr(json_string_value(json_object_get(m, "text")), "piece of the town")) mayor++;
      }
    }
  }
  assert_int_equal(picked, json_array_size(alone));
  assert_int_equal(mayor, 1);
  json_decref(root);
  free(out);
}

/* An ellipsis that opens a statement ("[…] Fire crews in Vaasa ...", a
 * block quote's cut) is not shown in the brief, in any format; the JSON
 * keeps the text as written. */
static void test_brief_leading_ellipsis(void **state) {
  (void)state;
  const char *src[2] = {"Coast Daily", "Ostro News"};
  const char *title[2] = {"Fire destroys Vaasa grain silo", "Old silo burns in Vaasa"};
  const char *body[2] = {"[\xe2\x80\xa6] " SHARED_1 SHARED_2 "... Neighbours watched the flames from the river bank until the early hours.",
                         SHARED_1 SHARED_2 SHARED_3};
  const int64_t when[2] = {1700000000, 1700003600};
  const px_report_format fmts[3] = {PX_REPORT_TEXT, PX_REPORT_MD, PX_REPORT_HTML};
  for (int f = 0; f < 3; f++) {
    char *out = report_of(src, title, body, when, 2, fmts[f]);
    /* the brief: its core facts and what each outlet alone adds (the
     * HTML's full columns show the articles as written) */
    char *from = strstr(out, "Core facts"), *to = from ? strstr(from, "Quote variants") : NULL;
    char *cols = from ? strstr(from, "Side by side") : NULL;
    if (cols && (!to || cols < to)) to = cols;
    assert_non_null(to);
    *to = 0;
    assert_non_null(strstr(from, "Fire crews in Vaasa"));
    assert_null(strstr(from, "\xe2\x80\xa6] Fire crews"));
    assert_non_null(strstr(from, "Neighbours watched"));
    assert_null(strstr(from, "... Neighbours"));
    free(out);
  }
}

/* A direct quote broken by the outlet's attribution ("...," the mayor
 * said. "...") is shown as the quoted words, the attribution left out. */
static void test_quote_shown(void **state) {
  (void)state;
  const char *src[2] = {"Vaasa Review", "Coast Daily"};
  const char *title[2] = {"Mayor vows to rebuild harbour", "Harbour will be rebuilt, mayor says"};
  const char *body[2] = {
      "Mayor Liisa Koski spoke to reporters at the harbour on Wednesday.\n\n"
      "\"We will rebuild the harbour, every pier and every crane,\" Koski said. "
      "\"The town owes that to the fishermen.\"",
      "Mayor Liisa Koski visited the damaged harbour on Wednesday.\n\n"
      "\"We will rebuild the harbour, every pier and every crane. The town owes that to the "
      "fishermen,\" Koski told reporters."};
  const int64_t when[2] = {1700000000, 1700003600};
  char *out = report_of(src, title, body, when, 2, PX_REPORT_TEXT);
  assert_non_null(strstr(out, "\"We will rebuild the harbour, every pier and every crane,\" \xe2\x80\xa6"));
  free(out);
  out = report_of(src, title, body, when, 2, PX_REPORT_JSON);
  json_error_t err;
  json_t *root = json_loads(out, 0, &err);
  assert_non_null(root);
  json_t *qs = json_object_get(root, "quotes");
  size_t with_quoted = 0;
  for (size_t i = 0; i < json_array_size(qs); i++) {
    json_t *ms = json_object_get(json_array_get(qs, i), "members");
    for (size_t j = 0; j < json_array_size(ms); j++) {
      json_t *m = json_array_get(ms, j), *qd = json_object_get(m, "quoted");
      if (!qd) continue;
      with_quoted++;
      assert_non_null(strstr(json_string_value(json_object_get(m, "text")), "Koski said"));
      assert_null(strstr(json_string_value(qd), "Koski said"));
    }
  }
  assert_int_equal(with_quoted, 1);
  json_decref(root);
  free(out);
  /* a rendering with no speaker says so */
  const char *body2[2] = {
      "Mayor Liisa Koski spoke to reporters at the harbour on Wednesday.\n\n"
      "\"We will rebuild the harbour, every pier and every crane,\" Koski said.",
      "Crowds gathered at the harbour on Wednesday.\n\n"
      "\"We will rebuild the harbour, every pier and every crane.\"\n\n"
      "The words were painted on a banner above the quay."};
  out = report_of(src, title, body2, when, 2, PX_REPORT_TEXT);
  assert_non_null(strstr(out, "direct (speaker not named):"));
  assert_null(strstr(out, "()"));
  free(out);
}

static void test_errors(void **state) {
  (void)state;
  sink s = {0, 0, 100};
  assert_int_equal(px_report_write(cmp, PX_REPORT_HTML, NULL, put, &s), PX_EIO);
  free(s.p);
  assert_int_equal(px_report_write(NULL, PX_REPORT_JSON, NULL, put, &s), PX_EINVAL);
  assert_int_equal(px_report_write(cmp, (px_report_format)42, NULL, put, &s), PX_EINVAL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json), cmocka_unit_test(test_html),   cmocka_unit_test(test_md),
      cmocka_unit_test(test_text),
      cmocka_unit_test(test_dates_shown), cmocka_unit_test(test_errors), cmocka_unit_test(test_brief_lead),
      cmocka_unit_test(test_brief_lead_title),
      cmocka_unit_test(test_brief_alone_once), cmocka_unit_test(test_brief_alone_once_per_outlet),
      cmocka_unit_test(test_quote_shown),
      cmocka_unit_test(test_brief_leading_ellipsis), cmocka_unit_test(test_brief_headline_case),
      cmocka_unit_test(test_brief_core_not_first_person), cmocka_unit_test(test_brief_lead_not_a_question),
      cmocka_unit_test(test_brief_lead_not_a_column_url),
      cmocka_unit_test(test_brief_no_fragment), cmocka_unit_test(test_brief_core_not_a_headline), cmocka_unit_test(test_quote_rendering_skips_title), cmocka_unit_test(test_quote_rendering_partial), cmocka_unit_test(test_remark_label_not_a_pronoun), cmocka_unit_test(test_brief_line_without_dateline), cmocka_unit_test(test_brief_quote_pieces), cmocka_unit_test(test_brief_pronoun_openers),
      cmocka_unit_test(test_brief_asides),
      cmocka_unit_test(test_brief_second_person),
      cmocka_unit_test(test_brief_core_speaker), cmocka_unit_test(test_brief_core_speaker_pronoun),
      cmocka_unit_test(test_brief_own_headline_in_body),
      cmocka_unit_test(test_brief_core_needs_a_sure_link),
      cmocka_unit_test(test_brief_core_one_alike_set),
      cmocka_unit_test(test_brief_core_short_sentence),
      cmocka_unit_test(test_brief_two_remarks_not_alike), cmocka_unit_test(test_brief_questions_and_lead_ins),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
