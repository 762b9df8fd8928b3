/* test_align.c - sentence similarity, quantities, fact grouping and the
 * comparison on invented articles, bad input included. */
#include "px_test.h"

#include "align/compare.h"

#include <math.h>

static px_ctx *ctx;

static int setup(void **state) {
  (void)state;
  return px_ctx_new(&ctx);
}
static int teardown(void **state) {
  (void)state;
  px_ctx_free(ctx);
  return 0;
}

static px_article *mk(const char *source, const char *title, const char *date, const char *body) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, source, strlen(source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, title, strlen(title)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  if (date) {
    int64_t t;
    assert_int_equal(px_parse_date(date, strlen(date), &t), PX_OK);
    px_article_set_published(a, t);
  }
  return a;
}

static px_comparison *compare(px_article **arts, size_t n) {
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, n, NULL, &c), PX_OK);
  assert_non_null(c);
  return c;
}

static void free_all(px_article **arts, size_t n) {
  for (size_t i = 0; i < n; i++) px_article_free(arts[i]);
}

/* Score two single sentences with a shared IDF table. */
static double score_pair(const char *x, const char *y) {
  px__textan *ta;
  px__lex *lx;
  px__arena ar;
  px__arena_init(&ar, 1 << 16);
  assert_int_equal(px__textan_new(&ta), PX_OK);
  assert_int_equal(px__lex_new(&lx), PX_OK);
  px__text tx[2];
  assert_int_equal(px__text_analyze(ta, x, strlen(x), &ar, &tx[0]), PX_OK);
  assert_int_equal(px__text_analyze(ta, y, strlen(y), &ar, &tx[1]), PX_OK);
  px__idf_builder b = {0};
  for (int k = 0; k < 2; k++) assert_int_equal(px__idf_add(&b, &tx[k], 0), PX_OK);
  px__idf idf;
  assert_int_equal(px__idf_build(&b, lx, &idf), PX_OK);
  px__ssent s[2];
  for (int k = 0; k < 2; k++) assert_int_equal(px__ssent_make(&tx[k], 0, &idf, &ar, &s[k]), PX_OK);
  double r = px__fact_score(lx, &s[0], &s[1]);
  double r2 = px__fact_score(lx, &s[1], &s[0]);
  assert_true(fabs(r - r2) < 1e-9); /* symmetric */
  px__idf_release(&idf);
  px__lex_free(lx);
  px__textan_free(ta);
  px__arena_release(&ar);
  return r;
}

/* A time two sentences share ("last week", "two weeks") is no fact they
 * share; the fact itself still links with its time in it. */
static void test_time_is_no_fact(void **state) {
  (void)state;
  double apart = score_pair("Over the last two weeks, the county has seen no steady fall in new cases.",
                            "Last week, the baker laid off his two employees.");
  double days = score_pair("The council met on Monday and Tuesday last week.",
                           "Last week the river rose on Monday and Tuesday.");
  double same = score_pair("Last week, the baker laid off his two employees.",
                           "The baker let his two employees go last week.");
  assert_true(apart < PX__FACT_THRESHOLD);
  assert_true(days < PX__FACT_THRESHOLD);
  assert_true(same >= PX__FACT_THRESHOLD);
}

static void test_scores(void **state) {
  (void)state;
  double same = score_pair("The ferry was towed back to Helsinki on Monday by two tugs.",
                           "Two tugs towed the ferry back to Helsinki on Monday.");
  double syn = score_pair("The company will cut 800 jobs.",
                          "The firm is to eliminate 800 jobs.");
  double other = score_pair("The ferry was towed back to Helsinki on Monday by two tugs.",
                            "Shares of the chipmaker rose sharply in New York trading.");
  assert_true(same > 0.5);
  assert_true(syn > other);
  assert_true(other < 0.2);
  /* A name of several words shared, and nothing else: one topic, not one
   * fact; nor is one word in common. */
  double name = score_pair("The museum in Dayton holds the papers of Dr. Edwin Marlowe Castellan Jr.",
                           "She said that Edwin Marlowe Castellan Jr. taught her to read music.");
  assert_true(name < PX__FACT_THRESHOLD);
  assert_true(score_pair("Farewell, my old friend.", "Those were my friends.") <= PX__FACT_ONE_UNIT_MAX);
  /* nor a verb of saying and one word: two remarks, not one fact */
  assert_true(score_pair("\u201cKoski raises questions,\u201d he said.",
                         "He has said that a harbour tax is completely out of the question.") <=
              PX__FACT_ONE_UNIT_MAX);
  /* A transcript's speaker label is who speaks, not what is reported. */
  double label = score_pair("MAYOR LIISA KOSKI: I asked the question twice.",
                            "Mayor Liisa Koski of Vaasa resigned late Friday after a long illness.");
  assert_true(label < PX__FACT_THRESHOLD);
  /* The same fact with the same name still meets. */
  double fact = score_pair("Liisa Koski resigned as mayor of Vaasa on Friday.",
                           "Mayor Liisa Koski of Vaasa resigned on Friday.");
  assert_true(fact > 0.5);
  /* One figure and the month it counts, in other words: one claim. */
  double fig = score_pair("Nonfarm payrolls increased by 312,000 in December, easily topping all forecasts, "
                          "after an upwardly revised 176,000 gain the prior month, a Labor Department report showed.",
                          "The economy added 312,000 jobs in December, the government reported Friday, lifting "
                          "markets and signaling that the trade war has yet to pinch booming job creation.");
  assert_true(fig >= PX__FACT_THRESHOLD);
  /* a year is no figure of a claim */
  double year = score_pair("The ferry line opened in 1998 after a long fight in Vaasa.",
                           "The treaty on the harbour was signed in 1998 in Oslo.");
  assert_true(year < PX__FACT_THRESHOLD);
}

static void test_synonyms(void **state) {
  (void)state;
  px__lex *lx;
  assert_int_equal(px__lex_new(&lx), PX_OK);
  /* "buy" and "purchase" share a common sense in WordNet; "buy" and "ferry" do not. */
  const uint32_t *a, *b;
  size_t na = px__lex_classes(lx, px__word_hash("buy", 3), &a);
  size_t nb = px__lex_classes(lx, px__word_hash("purchas", 7), &b);
  bool shared = false;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++) shared |= a[i] == b[j];
  assert_true(shared);
  assert_true(px__lex_bg_idf(lx, px__word_hash("say", 3)) < px__lex_bg_idf(lx, px__word_hash("amphora", 7)));
  px__lex_free(lx);
}

static void test_quantities(void **state) {
  (void)state;
  px__textan *ta;
  px__arena ar;
  px__arena_init(&ar, 1 << 16);
  assert_int_equal(px__textan_new(&ta), PX_OK);
  const char *s = "At least 12 people were killed, the talks lasted two hours and the deal is "
                  "worth $4.5 million, signed on March 3, 2023 at 8:07 a.m. on Flight 370 by "
                  "No. 2 of the F-35 team.";
  px__text tx;
  assert_int_equal(px__text_analyze(ta, s, strlen(s), &ar, &tx), PX_OK);
  px__qty q[16];
  size_t n = px__quantities(&tx, 0, q, 16);
  bool people = false, hours = false, money = false, date = false, year = false;
  for (size_t i = 0; i < n; i++) {
    if (q[i].value == 12 && q[i].unit == px__word_hash("peopl", 5)) people = true;
    if (q[i].value == 2 && q[i].unit == px__word_hash("hour", 4)) hours = true;
    if (q[i].value == 4.5e6 && q[i].unit == px__word_hash("$", 1)) money = true;
    /* dates, years, times and identifiers count nothing: left out */
    if (q[i].value == 3 || q[i].value == 303) date = true;
    if (q[i].value == 2023 || q[i].value == 8 || q[i].value == 7 || q[i].value == 370 ||
        q[i].value == 35 || (q[i].value == 2 && q[i].unit != px__word_hash("hour", 4)))
      year = true;
  }
  assert_true(people);
  assert_true(hours);
  assert_true(money);
  assert_false(date);
  assert_false(year);
  double v;
  assert_true(px__parse_number("1,200", 5, &v) && v == 1200);
  assert_false(px__parse_number("abc", 3, &v));
  px__textan_free(ta);
  px__arena_release(&ar);
}


/* Quantity wording: a floor, a ceiling or a rounding is compatible with an
 * exact figure inside it; tolls "at least" are set against each other. */
static void one_qty(px__textan *ta, px__arena *ar, const char *s, px__qty *out) {
  px__text tx;
  assert_int_equal(px__text_analyze(ta, s, strlen(s), ar, &tx), PX_OK);
  px__qty q[4];
  size_t n = px__quantities(&tx, 0, q, 4);
  if (n != 1) fail_msg("%zu quantities in: %s", n, s);
  *out = q[0];
}

static bool compatible(px__textan *ta, px__arena *ar, const char *x, const char *y) {
  px__qty a, b;
  one_qty(ta, ar, x, &a);
  one_qty(ta, ar, y, &b);
  assert_int_equal(px__qty_compatible(&a, &b), px__qty_compatible(&b, &a));
  return px__qty_compatible(&a, &b);
}

static void test_quantity_bounds(void **state) {
  (void)state;
  px__textan *ta;
  px__arena ar;
  px__arena_init(&ar, 1 << 16);
  assert_int_equal(px__textan_new(&ta), PX_OK);
  assert_true(compatible(ta, &ar, "More than 1,000 villagers left their homes.",
                         "The fire forced 1,200 villagers to leave."));
  assert_false(compatible(ta, &ar, "More than 1,000 villagers left their homes.",
                          "The fire forced 900 villagers to leave."));
  assert_true(compatible(ta, &ar, "Nearly 50 boats were damaged.", "The storm damaged 48 boats."));
  assert_false(compatible(ta, &ar, "Nearly 50 boats were damaged.", "The storm damaged 52 boats."));
  assert_true(compatible(ta, &ar, "Up to 700 posts will go.", "The bank will cut about 700 posts."));
  assert_true(compatible(ta, &ar, "Fewer than 30 pupils came back.", "Only 22 pupils came back."));
  assert_true(compatible(ta, &ar, "Around 2,000 fans waited outside.", "2,000 fans waited outside."));
  assert_false(compatible(ta, &ar, "About 400 riders were stranded.", "Exactly 360 riders were stranded."));
  assert_true(compatible(ta, &ar, "At least 11 miners died.", "The blast killed 13 miners."));
  assert_false(compatible(ta, &ar, "At least 15 miners died.", "The blast killed 13 miners."));
  assert_true(compatible(ta, &ar, "Turnout was 47%.", "Turnout reached 47.3%."));
  px__textan_free(ta);
  px__arena_release(&ar);
}

/* Does the comparison report a discrepancy whose values include v? */
static bool disputed(const px_comparison *c, double v) {
  for (size_t d = 0; d < c->ndisc; d++)
    for (uint32_t x = c->disc[d].first; x < c->disc[d].first + c->disc[d].count; x++)
      if (c->dval[x].value == v) return true;
  return false;
}

static void test_disputes(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Dam breach floods town", "2024-03-02T08:00:00Z",
         "Floodwater from a breached dam swept through the town of Orlen on Friday, and 14 "
         "residents died, the regional governor said.\n\nMore than 1,000 residents were moved to "
         "shelters overnight.\n\nThe central bank raised its lending rate to 4.75% on Thursday."),
      mk("Hill Courier", "Orlen flood kills 11", "2024-03-02T09:00:00Z",
         "Floodwater from a breached dam swept through the town of Orlen on Friday, and 11 "
         "residents died, the regional governor said.\n\nThe floods forced 1,250 residents into "
         "shelters overnight.\n\nMost economists had expected it to hold at 4.5%."),
  };
  px_comparison *c = compare(arts, 2);
  assert_true(disputed(c, 14) && disputed(c, 11));       /* one toll, two figures */
  assert_false(disputed(c, 1000) || disputed(c, 1250)); /* "more than 1,000" holds 1,250 */
  assert_false(disputed(c, 4.75) || disputed(c, 4.5));  /* a rate in another fact */
  px_comparison_free(c);
  free_all(arts, 2);
}

/* The one quantity of a unit in s (the test fails when there is not one). */
static px__qty qty_of(px__textan *ta, px__arena *ar, const char *s, const char *unit) {
  px__text tx;
  assert_int_equal(px__text_analyze(ta, s, strlen(s), ar, &tx), PX_OK);
  px__qty q[8], out = {0};
  size_t n = px__quantities(&tx, 0, q, 8), found = 0;
  for (size_t i = 0; i < n; i++)
    if (q[i].unit == px__word_hash(unit, strlen(unit))) out = q[i], found++;
  if (found != 1) fail_msg("%zu quantities of %s in: %s", found, unit, s);
  return out;
}

/* Does s hold no quantity of the unit? */
static bool no_qty(px__textan *ta, px__arena *ar, const char *s, const char *unit) {
  px__text tx;
  assert_int_equal(px__text_analyze(ta, s, strlen(s), ar, &tx), PX_OK);
  px__qty q[8];
  size_t n = px__quantities(&tx, 0, q, 8);
  for (size_t i = 0; i < n; i++)
    if (q[i].unit == px__word_hash(unit, strlen(unit))) return false;
  return true;
}

static bool counts_same(px__textan *ta, px__arena *ar, const char *x, const char *y, const char *unit) {
  px__qty a = qty_of(ta, ar, x, unit), b = qty_of(ta, ar, y, unit);
  assert_int_equal(px__qty_comparable(&a, &b), px__qty_comparable(&b, &a));
  return px__qty_comparable(&a, &b);
}

/* A dispute sets two figures of one thing about one event against each
 * other: not a figure of another time ("in 2010", "last year"), not two
 * figures whose clauses say they count different things. */
static void test_quantity_context(void **state) {
  (void)state;
  px__textan *ta;
  px__arena ar;
  px__arena_init(&ar, 1 << 16);
  assert_int_equal(px__textan_new(&ta), PX_OK);
  /* another time */
  assert_true(qty_of(ta, &ar, "A magnitude 8.8 quake in 2010 killed more than 500 people.", "peopl").other_time);
  assert_true(qty_of(ta, &ar, "In 2015, a larger fire burned about 8,000 hectares.", "hectar").other_time);
  assert_true(qty_of(ta, &ar, "Last year the storm killed 40 people in the valley.", "peopl").other_time);
  assert_true(qty_of(ta, &ar, "The previous record was 31 boats.", "boat").other_time);
  assert_true(qty_of(ta, &ar, "Two years ago a flood displaced 300 families.", "famili").other_time);
  assert_false(qty_of(ta, &ar, "The storm killed 40 people in the valley on Friday.", "peopl").other_time);
  assert_false(qty_of(ta, &ar, "Aftershocks followed Saturday's magnitude 6.8 earthquake.", "earthquak").other_time);
  assert_false(counts_same(ta, &ar, "The quake killed 14 people on Saturday.",
                           "A quake in 2010 killed 500 people.", "peopl"));
  /* the same thing, in other words */
  assert_true(counts_same(ta, &ar, "The flood killed 14 residents of Orlen.",
                          "Eleven residents died when the dam broke.", "resid"));
  assert_true(counts_same(ta, &ar, "Thirty miners were hurt in the blast.",
                          "The blast injured 25 miners.", "miner"));
  assert_true(counts_same(ta, &ar, "Five people were given first aid.",
                          "Three people were treated for smoke inhalation.", "peopl"));
  assert_true(counts_same(ta, &ar, "Trains were halted for two hours.",
                          "The strike halted trains for about three hours, the operator said.", "hour"));
  /* different things counted in one unit */
  assert_false(counts_same(ta, &ar, "The bank raised its cash rate by 25 basis points on Tuesday.",
                           "Two-year bond yields rose 18 basis points.", "basi"));
  assert_false(counts_same(ta, &ar, "She ran a tenants' charity for eight years.",
                           "She promised to freeze transit fares for two years.", "year"));
  /* spans that place something in time count nothing: left out */
  assert_true(no_qty(ta, &ar, "The dollar posted its biggest gain in two months.", "month"));
  assert_true(no_qty(ta, &ar, "Inflation will reach the target about six months later than projected.", "month"));
  px__textan_free(ta);
  px__arena_release(&ar);
}

/* In a comparison: the background figure of an earlier event and a figure
 * counting something else are no dispute; the toll is. */
static void test_disputes_background(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Quake kills 14", "2024-03-02T08:00:00Z",
         "A magnitude 6.6 earthquake struck the north of Veldia on Saturday, killing 14 people, "
         "officials said.\n\nA magnitude 8.8 quake in 2010 killed more than 500 people in the south "
         "of the country.\n\nRoads to the port were closed for six hours."),
      mk("Hill Courier", "Veldia quake toll rises to 12", "2024-03-02T09:00:00Z",
         "A magnitude 6.6 earthquake struck the north of Veldia on Saturday, killing 12 people, "
         "officials said.\n\nThe magnitude 6.6 quake was centred at a depth of 38 kilometres and "
         "left 200 people homeless.\n\nThe mayor said the town would rebuild its school within two "
         "hours of talks with donors."),
  };
  px_comparison *c = compare(arts, 2);
  assert_true(disputed(c, 14) && disputed(c, 12));
  assert_false(disputed(c, 8.8) || disputed(c, 500) || disputed(c, 200));
  assert_false(disputed(c, 6) || disputed(c, 2));
  px_comparison_free(c);
  free_all(arts, 2);
}

/* Which facts hold the sentence of article art that contains needle? */
static size_t facts_of(const px_comparison *c, size_t art, const char *needle, size_t *out, size_t max) {
  size_t n = 0;
  px_str body = px_comparison_body(c, art);
  for (size_t f = 0; f < c->nfact; f++)
    for (uint32_t j = c->fact[f].first; j < c->fact[f].first + c->fact[f].count; j++) {
      const px__cmember *m = &c->mem[j];
      if (m->art != art) continue;
      size_t len = strlen(needle);
      for (uint32_t p = m->start; p + len <= m->end; p++)
        if (memcmp(body.ptr + p, needle, len) == 0) {
          if (n < max) out[n] = f;
          n++;
          break;
        }
    }
  return n;
}

/* The Sandvik strike told by four outlets: the Harbour Times with the
 * body given, the other three each in two sentences (the strike, the
 * ships). */
static void sandvik(px_article *arts[4], const char *harbour) {
  arts[0] = mk("Harbour Times", "Strike ends", "2024-05-06T08:00:00Z", harbour);
  arts[1] = mk("Coast Daily", "Dock strike over", "2024-05-06T09:00:00Z",
               "The nine-day strike by dockworkers at Sandvik is over: the union accepted a new "
               "pay offer on Sunday.\n\nThe first container ships will be unloaded on Tuesday "
               "morning, the harbour authority said.");
  arts[2] = mk("North Wire", "Sandvik dockers back", "2024-05-06T10:00:00Z",
               "Sandvik's dockworkers accepted a new pay offer on Sunday, ending a strike that had "
               "lasted nine days.\n\nContainer ships waiting off the port will be unloaded from "
               "Tuesday morning, according to the harbour authority.");
  arts[3] = mk("Bay Herald", "Sandvik strike ends", "2024-05-06T11:00:00Z",
               "Dockworkers in Sandvik voted on Sunday to take a new pay offer and end their "
               "nine-day strike.\n\nThe harbour authority said container ships would be unloaded "
               "from Tuesday morning.");
}

/* A sentence that carries two claims sits in both facts, each reported by
 * the other three outlets in two sentences. */
static void test_second_claim(void **state) {
  (void)state;
  px_article *arts[4];
  sandvik(arts,
          "Dockworkers at the port of Sandvik ended their nine-day strike on Sunday after accepting "
          "a new pay offer, as the harbour authority said the first container ships would be "
          "unloaded on Tuesday morning.");
  px_comparison *c = compare(arts, 4);
  size_t fa[4], fb[4], fc[4];
  size_t na = facts_of(c, 0, "Dockworkers at the port", fa, 4);
  assert_true(na == 2);
  assert_int_not_equal(fa[0], fa[1]);
  assert_int_equal(facts_of(c, 1, "strike by dockworkers", fb, 4), 1);
  assert_int_equal(facts_of(c, 1, "first container ships will", fc, 4), 1);
  assert_int_not_equal(fb[0], fc[0]);
  /* the two claims of Coast Daily: one in each of the lede's facts */
  assert_true((fb[0] == fa[0] && fc[0] == fa[1]) || (fb[0] == fa[1] && fc[0] == fa[0]));
  for (size_t k = 0; k < 2; k++) assert_int_equal(c->fact[fa[k]].noutlets, 4);
  /* a member's span lies inside its article */
  for (size_t j = 0; j < c->nmem; j++)
    assert_true(c->mem[j].start < c->mem[j].end &&
                c->mem[j].end <= px_comparison_body(c, c->mem[j].art).len);
  px_comparison_free(c);
  free_all(arts, 4);
}

/* The same when the outlet of the two-claim sentence tells the second
 * claim again in a sentence of its own: the lede joins that fact too (a
 * fact may hold two sentences of one article). */
static void test_second_claim_retold(void **state) {
  (void)state;
  px_article *arts[4];
  sandvik(arts,
          "Dockworkers at the port of Sandvik ended their nine-day strike on Sunday after accepting "
          "a new pay offer, and the harbour authority said ships would be unloaded on "
          "Tuesday.\n\nThe pilots' union said it had no part in the talks.\n\n"
          "Container ships will be unloaded from Tuesday morning, the harbour authority said.");
  px_comparison *c = compare(arts, 4);
  size_t fa[4], fr[4], fc[4];
  assert_int_equal(facts_of(c, 0, "Dockworkers at the port", fa, 4), 2);
  assert_int_equal(facts_of(c, 0, "Container ships will be", fr, 4), 1);
  assert_int_equal(facts_of(c, 1, "first container ships will", fc, 4), 1);
  /* the retold sentence, Coast Daily's and the lede share the ships fact */
  assert_int_equal(fr[0], fc[0]);
  assert_true(fa[0] == fc[0] || fa[1] == fc[0]);
  px_comparison_free(c);
  free_all(arts, 4);
}

/* "X did not respond to a request for comment" is written of whoever an
 * outlet asked, in nearly the same words: two such sentences are one fact
 * only when they name the same one asked. */
static void test_no_comment_subjects(void **state) {
  (void)state;
  px_article *arts[3] = {
      mk("Harbour Times", "Strike ends", "2024-05-06T08:00:00Z",
         "Dockworkers at the port of Sandvik ended their nine-day strike on Sunday after accepting "
         "a new pay offer.\n\nA spokesperson for the Nordline ferry company did not respond to a "
         "request for comment."),
      mk("Coast Daily", "Dock strike over", "2024-05-06T09:00:00Z",
         "The nine-day strike by dockworkers at Sandvik is over: the union accepted a new pay offer "
         "on Sunday.\n\nA lawyer for the harbour pilots did not immediately respond to requests for "
         "comment."),
      mk("North Wire", "Sandvik dockers back", "2024-05-06T10:00:00Z",
         "Sandvik's dockworkers accepted a new pay offer on Sunday, ending a strike that had lasted "
         "nine days.\n\nA spokesman for Nordline did not immediately respond to a request for "
         "comment.")};
  px_comparison *c = compare(arts, 3);
  size_t fa[4], fb[4], fc[4];
  assert_int_equal(facts_of(c, 0, "Nordline ferry company", fa, 4), 1);
  assert_int_equal(facts_of(c, 1, "harbour pilots", fb, 4), 1);
  assert_int_equal(facts_of(c, 2, "spokesman for Nordline", fc, 4), 1);
  assert_int_not_equal(fa[0], fb[0]);
  assert_int_equal(fa[0], fc[0]);
  px_comparison_free(c);
  free_all(arts, 3);
}

static const char *k_a =
    "HELSINKI (Northern Wire) - A fire broke out in the engine room of the ferry Baltic Aurora "
    "on Monday, and 12 passengers were hurt, the coast guard said.\n\n"
    "The Baltic Aurora was later towed back to Helsinki by two tugs.\n\n"
    "The operator, Nordline, said the cause of the fire was not yet known.\n\n"
    "\"Everyone followed instructions,\" Captain Jari Lehtonen said.";
static const char *k_b =
    "TALLINN - Two tugs towed the ferry Baltic Aurora back to Helsinki after a fire on Monday.\n\n"
    "The fire started in the ship's engine room, and 14 passengers were hurt, the coast guard "
    "said.\n\n"
    "Nordline said the cause of the fire was not yet known.\n\n"
    "Passengers sang songs on the deck while they waited for rescue boats.";

static bool shares(const px_comparison *c, const char *needle_a, const char *needle_b) {
  for (size_t f = 0; f < c->nfact; f++) {
    bool ha = false, hb = false;
    for (uint32_t j = c->fact[f].first; j < c->fact[f].first + c->fact[f].count; j++) {
      const px__cmember *m = &c->mem[j];
      px_str b = px_comparison_body(c, m->art);
      char *t = strndup(b.ptr + m->start, m->end - m->start);
      if (m->art == 0 && strstr(t, needle_a)) ha = true;
      if (m->art == 1 && strstr(t, needle_b)) hb = true;
      free(t);
    }
    if (ha && hb) return true;
  }
  return false;
}

static void test_compare_basic(void **state) {
  (void)state;
  px_article *arts[2] = {mk("Northern Wire", "Fire on ferry", "2023-10-02T10:30:00Z", k_a),
                         mk("Baltic Herald", "Ferry fire", "2023-10-02T13:15:00Z", k_b)};
  px_comparison *c = compare(arts, 2);
  assert_int_equal(px_comparison_count(c, PX_CMP_ARTICLES), 2);
  assert_int_equal(px_comparison_count(c, PX_CMP_OUTLETS), 2);
  assert_true(shares(c, "towed back", "Two tugs towed"));
  assert_true(shares(c, "cause of the fire", "cause of the fire"));
  assert_false(shares(c, "Everyone followed", "Passengers sang"));
  /* Every sentence is in exactly one fact; unique facts have one outlet. */
  size_t members = 0;
  for (size_t f = 0; f < px_comparison_count(c, PX_CMP_FACTS); f++) {
    size_t m, o;
    assert_int_equal(px_comparison_fact(c, f, &m, &o), PX_OK);
    members += m;
    assert_true(o >= 1 && o <= 2);
  }
  assert_int_equal(members, c->art[0].nsent + c->art[1].nsent);
  assert_true(c->art[0].nunique >= 1 && c->art[1].nunique >= 1);
  /* The first report of a shared fact is the earlier article. */
  for (size_t f = 0; f < c->nfact; f++)
    if (c->fact[f].noutlets == 2) assert_int_equal(c->mem[c->fact[f].earliest].art, 0);
  /* 12 vs 14 passengers hurt. */
  bool found = false;
  for (size_t d = 0; d < c->ndisc; d++) {
    bool v12 = false, v14 = false;
    for (uint32_t j = c->disc[d].first; j < c->disc[d].first + c->disc[d].count; j++) {
      v12 |= c->dval[j].value == 12 && c->dval[j].art == 0;
      v14 |= c->dval[j].value == 14 && c->dval[j].art == 1;
    }
    found |= v12 && v14;
  }
  assert_true(found);
  /* Datelines and entities shared by both. */
  assert_int_equal(c->art[0].place.len, strlen("HELSINKI"));
  bool aurora = false;
  for (size_t e = 0; e < c->nent; e++)
    if (c->ent[e].noutlets == 2 && strstr(c->ent[e].key.ptr, "aurora")) aurora = true;
  assert_true(aurora);
  px_comparison_free(c);
  free_all(arts, 2);
}

static void test_identical(void **state) {
  (void)state;
  px_article *arts[2] = {mk("Northern Wire", "Fire", "2023-10-02T10:30:00Z", k_a),
                         mk("Harbor Post", "Fire", "2023-10-02T11:30:00Z", k_a)};
  px_comparison *c = compare(arts, 2);
  /* Every fact is carried by both; the copy is flagged. */
  assert_int_equal(c->nshared, c->nfact);
  assert_int_equal(c->art[1].nunique, 0);
  assert_true(c->art[1].flags & PX__CA_DUP);
  assert_int_equal(c->art[1].dup_of, 0);
  assert_true(c->nwarn >= 1);
  px_comparison_free(c);
  free_all(arts, 2);
}

static void test_empty_and_foreign(void **state) {
  (void)state;
  px_article *arts[3] = {
      mk("Northern Wire", "Fire", "2023-10-02T10:30:00Z", k_a), mk("Empty Post", "Nothing", NULL, ""),
      mk("Helsingin Sanomat", "Palo lautalla", "2023-10-02T12:00:00Z",
         "Lautta Baltic Auroran konehuoneessa syttyi maanantaina tulipalo, ja miehistö siirsi "
         "matkustajat yläkansille. Rannikkovartiosto kertoi, että palo saatiin sammutettua "
         "noin tunnissa eikä kukaan loukkaantunut vakavasti. Alus hinattiin myöhemmin "
         "takaisin Helsinkiin kahden hinaajan avulla. Varustamo Nordline kertoi, että palon "
         "syy on vielä tuntematon ja tutkinta jatkuu.")};
  px_comparison *c = compare(arts, 3);
  assert_int_equal(c->nart, 3); /* nothing dropped */
  assert_true(c->art[1].flags & PX__CA_EMPTY);
  assert_int_equal(c->art[1].nsent, 0);
  assert_true(c->art[2].flags & PX__CA_FOREIGN);
  assert_true(c->nwarn >= 2);
  assert_int_equal(c->art[2].nunique, c->art[2].nsent);
  px_comparison_free(c);
  free_all(arts, 3);
}

/* Whether one of c's warnings holds text. */
static bool warned(const px_comparison *c, const char *text) {
  for (size_t w = 0; w < c->nwarn; w++)
    if (memmem(c->warn[w].ptr, c->warn[w].len, text, strlen(text))) return true;
  return false;
}

static void test_nothing_in_common(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Northern Wire", "Fire", NULL, k_a),
      mk("Market Daily", "Chips", NULL,
         "Shares of the chipmaker rose sharply in New York trading.\n\nAnalysts expect "
         "record orders from data centres this year.\n\nThe company will report results in "
         "November.")};
  px_comparison *c = compare(arts, 2);
  assert_int_equal(c->nshared, 0);
  assert_int_equal(c->nfact, c->art[0].nsent + c->art[1].nsent);
  assert_int_equal(c->art[1].nunique, 3);
  assert_true(warned(c, "share no fact")); /* said so in the report */
  px_comparison_free(c);
  free_all(arts, 2);
  /* Two events whose articles share a few words: "going to take" is no
   * fact of both (the articles' words have too little in common), and
   * one article of a third outlet that shares nothing is named. */
  px_article *ev[3] = {
      mk("Coast Daily", "Ferry crews strike over holiday pay", "2024-05-02T08:00:00Z",
         "Ferry crews on the island route walked out on Thursday in a dispute over holiday pay, "
         "the union said. Sailings to Orlen and Vask were cancelled. The operator said it was "
         "going to take the union to court. Passengers queued at the harbour for buses instead. "
         "Fishermen offered seats in their boats to stranded islanders. The harbour master "
         "closed the north pier to cars. Freight lorries waited on the quay overnight. Talks are "
         "due to resume on Monday, a union official said."),
      mk("Hill Courier", "Orchestra names new conductor", "2024-05-03T08:00:00Z",
         "The city orchestra named a new principal conductor on Friday. Marta Holm, who led the "
         "youth orchestra for a decade, will arrive in September. The orchestra is going to take "
         "its holiday concert on tour this winter. Violinists welcomed the choice of a conductor "
         "known for Mahler. The concert hall will be renovated during the summer break. "
         "Subscribers will get first choice of seats. A new recording of Sibelius symphonies is "
         "planned. Tickets for the season go on sale next week."),
      mk("Bay Herald", "Island ferries stop", "2024-05-02T09:00:00Z",
         "Ferry crews on the island route walked out on Thursday over holiday pay, their union "
         "said. Sailings to Orlen and Vask were cancelled, and the operator said it would take "
         "the union to court. Talks resume on Monday.")};
  c = compare(ev, 3);
  for (size_t f = 0; f < c->nfact; f++) {
    bool ferry = false, music = false;
    for (uint32_t j = c->fact[f].first; j < c->fact[f].first + c->fact[f].count; j++)
      ferry = ferry || c->mem[j].art != 1, music = music || c->mem[j].art == 1;
    if (ferry && music) fail_msg("a fact of two events: fact %zu", f);
  }
  assert_true(c->nshared >= 1); /* the two ferry reports do share facts */
  assert_true(warned(c, "1 of 3 articles share no fact"));
  px_comparison_free(c);
  free_all(ev, 3);
}

static void test_limits_and_args(void **state) {
  (void)state;
  px_article *arts[2] = {mk("A", "a", NULL, k_a), mk("B", "b", NULL, k_b)};
  px_comparison *c = (px_comparison *)1;
  px_compare_opts o;
  px_compare_opts_init(&o);
  o.max_articles = 1;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, 2, &o, &c), PX_ETOOBIG);
  assert_null(c);
  assert_non_null(strstr(px_ctx_error(ctx), "limit"));
  assert_int_equal(px_compare(NULL, (const px_article *const *)arts, 2, NULL, &c), PX_EINVAL);
  assert_int_equal(px_compare(ctx, NULL, 2, NULL, &c), PX_EINVAL);
  /* One article: a report with a warning, not an error. */
  c = compare(arts, 1);
  assert_int_equal(c->nshared, 0);
  assert_true(c->nwarn >= 1);
  px_comparison_free(c);
  /* Zero articles: an empty comparison. */
  c = compare(NULL, 0);
  assert_int_equal(px_comparison_count(c, PX_CMP_FACTS), 0);
  px_comparison_free(c);
  px_comparison_free(NULL);
  assert_int_equal(px_comparison_fact(NULL, 0, NULL, NULL), PX_EINVAL);
  free_all(arts, 2);
}

/* 500 articles in one story: every one is kept, and the pairs scored grow
 * about linearly with the sentences, not with their square. */
static void test_many(void **state) {
  (void)state;
  enum { N = 500 };
  static const char *const outlets[] = {"Northern Wire", "Baltic Herald", "Harbor Post",
                                        "Meridian News", "Pacific Tribune"};
  px_article **arts = calloc(N, sizeof *arts);
  uint64_t scored[2] = {0};
  size_t sents[2] = {0};
  for (int round = 0; round < 2; round++) {
    size_t n = round ? N : N / 5;
    for (size_t i = 0; i < n; i++) {
      char body[1024];
      snprintf(body, sizeof body,
               "%s\n\nOfficials in district %zu counted %zu boats in the harbour on day %zu.\n\n%s",
               (i % 2) ? k_a : k_b, i, i * 7 + 3, i % 31, "Reporting continued through the night.");
      char src[64];
      snprintf(src, sizeof src, "%s %zu", outlets[i % 5], i / 5);
      arts[i] = mk(src, "Ferry fire", NULL, body);
    }
    px_comparison *c = compare(arts, n);
    assert_int_equal(c->nart, n);
    for (size_t i = 0; i < n; i++) assert_true(c->art[i].nsent >= 4);
    scored[round] = c->pairs_scored;
    for (size_t i = 0; i < n; i++) sents[round] += c->art[i].nsent;
    px_comparison_free(c);
    free_all(arts, n);
  }
  double grow = (double)scored[1] / (double)(scored[0] ? scored[0] : 1);
  double sgrow = (double)sents[1] / (double)sents[0];
  /* Five times the sentences: well under 25 times the pairs. */
  assert_true(grow < sgrow * 2.5);
  free(arts);
}

static void test_furniture(void **state) {
  (void)state;
  static const char *const yes[] = {
      "ADVERTISEMENT", "Advertisement", "Hide Caption 26 of 30 Photos:", "next Image 1 of 3",
      "Media playback is unsupported on your device Media caption Harbor diver: \"I was scared\"",
      "(Most recent update: 11:40 a.m. ET)", "Click here to see how we cover stories such as this.",
      "Sign up for our morning newsletter.", "Read more: Why the summit matters",
      "You will receive occasional promotional offers for programs that support our journalism.",
      "You can read our Privacy Policy here.", "Thank you for signing up.",
      "The Harbour Review is reader supported: Chip in $10 or more to help us keep writing.",
      "For more from The Harbour Review, check out our latest issue", "Subscribe now for as little as $2 a month!",
      "The opinions expressed in this commentary are solely those of the author.",
      "The views expressed here are her own and do not necessarily reflect the views of the harbour board.",
      "The opinions expressed by columnists are their own and do not represent the views of Coast Daily.",
      "This column does not necessarily reflect the opinion of the editorial board.",
      "Mayor Anna Berg listens during a council meeting in Vaasa, Finland, January 2, 2019.",
      "Anna Berg waves as the chair stands on the dais, Wednesday, Dec. 18, 2019, at the town hall.",
      "Orlen Public Schools custodian Ida Noe cleans a desk in a classroom, Wednesday, July 8, 2020, "
      "in Orlen.",
      "Eastport (Coast Daily) A version of this article first appeared in the \"Harbour Notes\" newsletter.",
      "You can sign up for free right here.", "Click for more from The Harbour Times.",
      "Ferry passengers in masks queue on the quay, Sunday, June 21, 2020.",
      "Berg testifies before the port committee on October 5, 2011.",
      "RELATED: Five things to know", "By Jane Doe and John Roe, CNN",
      "The Associated Press contributed to this report.", "Reporting by Jane Doe; Editing by John Roe",
      "Copyright 2020 The Outlet. All rights reserved.", "Photo 3 of 12", "Story continues below advertisement",
      "___", "* * *", "Ferry live updates:Two more bodies found near the pier",
      "Where's the mayor?Her absence is noticed at the harbour briefing",
      "Dockers end nine-day strike at the port of Vaasa Read more",
      "Passengers wait on the quay, Harbourtown, April 2, 2020 (Jane Doe/Northern Wire)",
      "Also see: Five ferries that never sank", "Read: The best harbours to visit",
      "Contributing: Jane Doe and John Roe", "Editor's note: all our ferry coverage is free.",
      "Visit the Northern Wire homepage for more stories.", "Support our journalism",
      "#Ferry pic.twitter.com/abc123 \xe2\x80\x94 Harbour Desk (@harbourdesk) April 2, 2020",
      "Produced by Jane Doe.", "Camera by Jane Doe and John Roe.", "Music: \"Harbour\" by Jon Roe.",
      "Photo credits: Pier at dawn, Jane Doe/Northern Wire.", "Slideshow (5 Images)",
      "Contact Jane Doe at jane.doe@northernwire.example", "Follow Jane Doe on Twitter.",
      "Will the ferry sail again?:Yes, if the harbour board agrees",
      /* notes of the page about itself, section blurbs, related links,
       * credits glued to captions, author notes, archive rows */
      "Copy may not be in its final form.", "This is a rush transcript.",
      "This article is more than 2 years old", "This story has been updated.",
      "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
      "Columnists In-depth harbour coverage, ferry analysis, weather reviews and cultural commentary.",
      "Story Continued Below", "Follow @harbourdesk", "( PHOTOS: 12 ferries that changed the coast)",
      "(Also on the Wire: Full ferry coverage)", "Send letters to letters@northernwire.example.",
      "Jane Doe is a senior staff writer for the Northern Wire.",
      "John Roe is a columnist for the Harbour Review and has reported from Orlen.",
      "Jane Doe/Northern Wire Ferries wait at the pier in Orlen on Friday.",
      "| Jane Doe/Getty Images Harbour For ferry crews, loyalty trumps pay", "Jane Doe/Contributed",
      "Sign up here for Harbour Huddle A daily play-by-play of ferry news in your inbox.",
      "Harbour Blog Archives Select Date December, 2015 November, 2015 October, 2015 September, 2015",
      "Jane Doe and John Roe and Ann Barfield Poe and Eli Moe",
      "This Year Give a Unique Harbour Gift \xe2\x80\x93 Shop Now.",
      "Story highlights Ferry board warns of a second strike",
      /* embedded posts' signatures, agency captions, a newsletter form */
      "Jane Roe @harbourdesk \xe2\x80\x94 Ann Poe (@annpoe) September 16, 2019",
      "It\xe2\x80\x99s our duty. https://t.co/Ab12Cd \xe2\x80\x94 Eli Moe (@EliMoe) March 3, 2017",
      "Posted by Jane Doe on Saturday, February 20, 2016",
      "Mayor: Ferry Will Sail Again \xc2\xa9 2019 Harbour Ledger.",
      "Jane Doe can be reached at jane@ledger.example. \xc2\xa9 2017 Harbour Features Syndicate",
      "FILE - In this Oct. 8, 2018, file photo, the Orlen ferry stands at the pier.",
      "In this image from video, Captain Jane Doe speaks at the harbour in Orlen.",
      "In this photo released by the harbour board, crews load the ferry on Friday.",
      "A revised version of this report can be found here.", "The entire ruling can be read here.",
      /* the page's notes to its readers: corrections, update stamps, tips, contacts */
      "Corrections & Clarifications: An earlier version of this story misstated the ferry's name.",
      "Update: This story has been updated with comments from the harbour board.",
      "Have a tip we should know? [email protected]", "Email Jane Doe at [email protected].",
      "Harbour Playbook newsletter Our must-read briefing on the ferries of the coast.",
      /* a live page's notes on itself */
      "We'll update this post as more details come in.", "Will update as more is known.",
      "Scroll down for video", "(Scroll down to see more from the harbour board's complaint.)",
      /* stills from a video, a photo illustration, a video's blurb */
      "An image grab taken from a video published by Harbour TV on Jan. 16, 2019, shows crews at the pier.",
      "This screengrab taken on Jan. 11 from a video shows a man at the pier.",
      "In this screen grab from the harbour board's page, ferries leave the pier in Orlen.",
      "In this photo illustration, a ferry ticket sits on a table in Orlen.",
      "In this video, Mayor Jane Doe explains how the ferry contract was signed.",
      "In this April 4, 2019, photo Jane Doe poses for a photo at the harbour in Orlen.",
      "Please verify you're not a robot by clicking the box.", "Invalid email address.",
      "Please try again.", "Email address:", "Send me updates about Harbour special offers.",
      "We encountered an issue signing you up.", "Thanks for signing up!",
      "Jane Doe | Harbour Call Group | Getty Images", "Eli Moe | Reuters",
      "Related Video Video length 23 seconds :23 Ferry board says no strike",
      "FILE PHOTO: A ferry leaves the pier in Orlen, April 22, 2020.",
      "(RELATED: Harbour board faces questions over ferry contract)",
      "STAY UP TO DATE WITH THE FREE HARBOUR NEWS APP!",
      "The Harbour Review is making this story available for free to non-subscribers.",
      "If you're not already receiving it by email, make sure to subscribe.",
      "\xe2\x80\x9cThe Crossing\xe2\x80\x9d shows you diverse perspectives on the day's top stories.",
      /* a share bar and an audio player's label */
      "LISTEN TO ARTICLE 3:15 SHARE THIS ARTICLE Share Tweet Post Email",
      "SHARE THIS ARTICLE Share Tweet Post Email",
      /* video and audio players' labels */
      "JUST WATCHED Mayor says the new ferry is safe Replay More Videos ...",
      "MUST WATCH Mayor says the new ferry is safe 02:17",
      "MUST WATCH Ferry captain to crew: 'Hold on!'",
      "Harbour Board Votes To Close The Pier Listen \xc2\xb7 3:41 3:41",
      "Ferry Crews Strike For A Second Day Download \xc2\xb7 4:05",
      /* a newsletter form's lines and its country menu; a gallery's credits run together */
      "By signing up I agree to the Harbour Ledger Terms of Use .",
      "You may unsubscribe from email communication at any time.",
      "For your security, we've sent a confirmation email to the address you entered.",
      "Choose your country Afghanistan Albania Algeria Andorra Angola Argentina Armenia Aruba "
      "Australia Austria Bahamas Bahrain Barbados Belarus Belgium Belize Benin Bermuda Bhutan Bolivia "
      "Botswana Brazil Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros",
      "Harbour Life in Photos Courtesy of Orlen Council Courtesy of Orlen Council Jane Doe Harbour "
      "Ledger John Roe Harbour Ledger Ann Poe Getty Images Eli Moe Getty Images Ida Noe Orlen Press "
      "Max Low Orlen Press Tim Row Harbour Ledger",
      /* a related headline set in capitals */
      "SEN. JANE DOE BLASTS FERRY BOARD FOR CUTTING NIGHT CROSSINGS FOLLOWING 'SAVE THE PIER' RALLY",
      /* a photo caption that says where someone stands in the picture */
      ("Captain Jane Doe, right, is overcome with emotion as she and harbour master Eli Moe walk to "
       "the ferry at Orlen pier, Monday June 22, 2020."),
      /* a picture's passive with its day */
      "Graffiti is seen inside the council chamber during a media tour in Orlen, on July 3, 2019.",
      "Containers are pictured at the Orlen deep water port, February 13, 2017.",
      "Orlen Yard viewed on Nov. 16, 2015, in Eastport.",
      "The harbour board's Orlen offices (Photo: Jane Doe, Orlen Ledger)",
      /* the agencies' caption with a role before a name, and a party after one */
      ("Orlen Mayor Anna Berg and Eastport's leader Eli Moe shake hands after signing the pier "
       "accord at the Harbour Hotel in Orlen, Valdoria June 12, 2018."),
      "Senator Jane Doe (R-VA) speaks during a news conference in Orlen, Valdoria, February 6, 2018.",
      "Facebook Twitter Pinterest The mayor opens the new pier in Orlen.",
      "Senator Jane Doe (R., Va.) speaks during a hearing in Orlen, Valdoria, June 17, 2020.",
      "Mayor Anna Berg speaks with harbour workers at the Orlen pier in Eastport, Valdoria, Thursday.",
      /* the agencies' archive captions, a newsletter's own line, a chart's note */
      "FILE - This May 29, 2019 file photo shows the mayor of Orlen at the new pier.",
      "FILE PHOTO - Dock workers wait in line at the Orlen pier in Eastport, Valdoria.",
      "Harbour Notes is a daily newsletter that untangles the week's shipping news.",
      "Note: Click on the legend to deselect options.",
      /* a call for readers' stories */
      "We want to hear from you!", "Share your story: Are you sailing on the new ferry?",
      "Your stories will help our journalists have a more complete picture of these events.",
      /* links and pointers */
      "Read or Share this story: http://usat.ly/1h3RoDv", "Related Coverage Factbox: Latest on the ferry strike",
      "- Check out the CNN Electoral Map and Calculator and game out your own strategy for November.",
      "Check out the video of the ferry below.",
      "Read more from Jane Doe on the cost of the new pier.", "Read the full memo below:",
      /* a membership appeal */
      "Become a member of the Harbour Video Club on YouTube today.",
      "Become a Member Join the community that keeps the harbour on the front page.",
      /* a newsletter's blurb, a pointer to an outlet's coverage, a picture's credit */
      "A daily roundup of harbour and shipping issues.", "( HARBOUR TIMES' full coverage of the ferry strike)",
      "Stay tuned to Coast Daily for full coverage of the mayor's announcement.",
      "(Photo by Jon Lund/Wire Images)(Wire via Coast Images)",
      /* community and money appeals */
      "Join our Facebook community for conversation and updates.", "For as little as $3, you can help us.",
      "Please consider supporting Coast Watch by making a donation .", "Send a tip to the news team at CD.",
      "See this note about how we cover events such as this.",
      "The news and stories that matter, delivered weekday mornings.",
      /* who is in a picture */
      "From left are Mayor Anna Berg, Jon Lund and Ida Noe.", "From left, Jane Doe and Eli Moe board the ferry.",
      "Clockwise from top left: Jon Lund/Wire, Ida Noe/Wire.", "(File photo is a screen grab from Harbour TV)",
      "(Left to right) Mayor Anna Berg and Jon Lund.",
      /* a picture's place and day, no verb of the opening run to go by */
      "A farmer drives his tractor along a road in Pearl Bay, Ostria, Valdoria, July 25, 2018.",
      "The ferry company's logo is seen on a building in Eastport, May 2, 2018.",
      "Harbour Court in Orlen, Valdoria, June 15, 2018.",
      /* its month alone, or its day after "on" behind a verb of the picture */
      "Mayor Anna Berg and Eli Moe at the Harbour Dinner in Eastport, Ostria, October 2015.",
      "Senator Jane Doe speaks at the harbour board in Orlen on Aug. 26.",
      "Mayor Anna Berg greets dock workers at the Orlen pier on Thursday.",
      /* a video's blurb behind its player's close button */
      "CLOSE A group of harbour workers is getting ready to unveil its plan for the pier.",
      /* a caption whose credit names the agency before "photo:" */
      "Mayor Anna Berg at the Orlen pier in March. (Wire photo: Jon Lund)",
      "Mayor Anna Berg at the Orlen pier (Wire file photo: Jon Lund)",
      /* an author's note with an adjective before the role */
      "Jon Lund is national editor for the Harbour Times.",
      "Ida Noe is managing editor of the Orlen Spectator.",
      /* pointers to what the page links */
      "( Read the harbour board's full response here.", "Watch the exclusive interview here:",
      "[Read the redacted ferry report here]", "Download Coast Daily for iPhone here or for Android here.",
      "See PDF with full results, charts and tables here.",
      "Photo by Jane Doe/WIRE Key moments from the harbour inquiry The mayor says the idea that the board "
      "misled the town makes her 'mildly nauseous.' But she stands by her decision to call the inquiry.",
      "| Wire Photo Harbour board passes budget deal The agreement will boost ferry and quay "
      "spending, while extending the loan until March.",
      "| REUTERS Ferry strike ends", "| Source: Harbour Statistics",
      "Jane Doe can be reached at jane.doe@harbour.example.", "He can be reached on Twitter at @janedoe",
      "\xe2\x80\xa2 A daily summary of global reports on harbour issues.",
      /* the page's own lines and related links in brackets */
      "( Editing by Jane Doe and John Roe)", "[Updated at 10:26 a.m.", "(Additional reporting by Jane Doe)",
      "( Also on the Wire: Ferry fight heads back to the harbour board after a close vote in May)",
      "[A reader responds: The Ferry Plan Is an Acknowledgement of Reality]",
      /* a news foundation's terms of reuse */
      "Content created by the Harbour News Foundation is available without charge to any eligible news "
      "publisher that can provide a large audience.",
      "For licensing opportunities of our original content, please contact licensing@harbour.example."};
  static const char *const no[] = {
      "A screen grab of the ferry's log has time stamps that match the hour the ship went missing.",
      "In this case, video shows that the captain had left the bridge.",
      "In this March election the harbour board lost three seats to the ferry party.",
      "The ferry times only show up when you scroll down to the very bottom of the page.",
      "To understand this small sentence, one must read the harbour rule it rests on, a text of many "
      "pages and many more footnotes, which can be found here.",
      "The police, who are investigating the fire with the harbour board, ask that anyone with "
      "information email [email protected] or call the station in Orlen.",
      "DOE: Using \u201c[email protected]\u201d for your password is not really a password.",
      "\"We will update as more information becomes available,\" the harbour board said.",
      "[Update: On Friday, the harbour board approved the ferry plan after a long and bitter debate.]",
      "See if you can locate a concrete answer anywhere in here:",
      "Read the signs, the mayor said, and you will see the danger is here.",
      "Ida Noe is a thoughtful writer who usually engages with the mayor's ideas.",
      "Five Orlen firefighters were killed in a blaze on Thursday, July 7, 2016.",
      "The money lasts to the end of the fiscal year, September 30, 2015.",
      "The two mayors met at the old pier in Eastport, May 9, 2015, and said nothing.",
      "The two mayors had met at the old pier in Eastport, May 9, 2015."
      ,
      "Defense talks with the islands began on May 26, 2008, in the capital.",
      "Mayor Anna Berg signed the order on Jan. 27, 2017, in her office.",
      "Critics claimed Eli Moe, the head of the board from Oct. 6, 2006 to Oct. 5, 2016, approved it.",
      "Mayor Anna Berg said the pier would open in Eastport, Thursday.",
      "\"If you were on the ferry, we want to hear from you,\" the coast guard said.",
      "The harbour workers met the mayor in Eastport, Thursday.",
      /* the day after "on" behind a word that is a noun as often as a verb,
       * or news in the past tense */
      "Harbour talks including the ferry board are due to start in Orlen on Friday.",
      "The Berg campaign launched a ferry tour on Monday.",
      "Mayor Anna Berg leads Eli Moe by five points in a poll released on Tuesday.",
      "The board approved the ferry plan in Orlen, October 2015, and the town objected.",
      "As the Harbour Institute for Ferry Studies points out, the pier opened on June 1, 1990.",
      "Berg says the pier will open on May 1, 2025, if the money comes.",
      "The rise does not necessarily represent a trend, and more data will be needed before a conclusion.",
      "\"These comments do not reflect the views of the harbour district,\" he said in an interview.",
      "The views expressed by the mayor at the rally drew boos from the crowd.",
      "The teacher told her pupils to read more.", "Parents say children who read more do better Read",
      "She was 16.", "The police didn't do their job.",
      "By Wednesday, the fire had spread to three villages.",
      "Posted by the harbour board on Friday, the notice drew 300 replies in 2016.",
      "The logo, marked \xc2\xa9 with no year, was sold to the ferry board for 300 euros.",
      "Updates to the law took effect in March, officials said.",
      "The death toll rose to 145, the ministry said.",
      "The board said the file photos were released to the press on Friday.",
      "The harbour app was downloaded by 12,000 passengers, the board said.",
      "Readers who subscribe to the paper got the story a day early.",
      "Jane Doe, John Roe and Eli Moe said they would sail on Friday",
      /* capitals, but a sentence or a short shout */
      "THE FERRY WILL SAIL AGAIN ON FRIDAY, THE BOARD SAID.", "SAVE THE PIER NOW",
      /* many names, but news: a list with its commas, and a text set in capitals */
      "Killed Were Jane Doe, 45, Of Orlen, John Roe, 37, Of Eastport, Ann Poe, 61, Of Harbourtown, "
      "Eli Moe, 29, Of Orlen, Ida Noe, 52, Of Eastport, And Max Low, 40, Of Harbourtown.",
      "THE HARBOUR BOARD VOTED ON FRIDAY TO CLOSE THE PIER FOR REPAIRS AFTER ENGINEERS FOUND CRACKS IN "
      "THE HULL OF THE OLD FERRY AND THE MAYOR SAID THE CITY WOULD PAY FOR THE WORK WITHOUT A NEW TAX.",
      "The Harbour Board Met On Friday To Discuss The Pier.",
      "Ferry Board Says It Will Reopen the Pier?",
      "Kim told Putin he was sure Russia would win a great victory.",
      "Three of the 12 passengers were hurt.", "Advertisers pulled out of the show after the remarks.",
      "The mayor (a former captain) said the pier was safe.", "Why? Nobody knew.",
      "The ferry left at 8:07 and sank at 8:54, the coast guard said.",
      "Reporters asked: What went wrong?", "The report found 12 faults in the hull.",
      "The Harbour/Ferry board met on Friday to discuss the crossing.",
      "Ms. Doe's loss, in a race that many felt she should win, sent party leaders scrambling.",
      "Jane Doe, who lives in Orlen, told an emotional story about her two brothers, the pier and the boat.",
      "Ferries Harbour crews, dock workers and families, all of them, gathered at the pier.",
      "Jane Doe is a former captain who ran the ferry for 20 years.",
      "Mayor Anna Berg is expected to sign the order on Jan. 27, 2017, in her office.",
      "The ferry is seen as the town's lifeline since the bridge closed on May 2, 2018, officials said.",
      "Ferry tickets seen as too dear in March 2019 now sell out on weekends, the board says.",
      "Mayor Anna Berg of Orlen, shown here in an Oct. 30, 2019 photo, has become the ferry's loudest critic.",
      "The board published the pictures (photo: a ferry at dawn) on its site.",
      "Reading the full report took the harbour board three days, the mayor said.",
      "Readers who read more about the ferry were less likely to vote for the pier.",
      "Check out the news about the harbour election and you will quickly feel a sense of been-there, done-that.",
      "The board set the vote for Tuesday, Nov. 3, 2020, and said it would not move it.",
      "Uninsured residents of Orlen can now sign up for free dental care at the harbour clinic.",
      "The rash first appeared in March, the newsletter of the clinic reported.",
      "The pier was closed, Sunday, June 21, 2020, after the storm.",
      "The hearing, Monday, March 2, 2020, will decide the ferry's future.",
      "Jane Doe, left, and Eli Moe, right, have run the ferry since May 1, 2001, the board said.",
      "The ferry turned left from the pier, the captain said.",
      "This report found that ferries, piers and docks need repairs, the board said.",
      "In May, June and July 2020 the ferry ran every day.",
      "Orlen, Harbourtown and Eastport Voted Yes.",
      "Shoppers who waited for the sale said they would not buy now.",
      "The highlights of the story came late in the evening.",
      "In this town, photos of the ferry hang in every bar.",
      "Listen to article titles on the radio and you learn little, the editor said.",
      "Readers were asked to share this article with a friend.",
      "In this case the board said the photo was fake.",
      "Just watched the ferry sail out of the harbour, the mayor wrote on Friday.",
      "MUST WATCH: the ferry's captain on the night of the storm",
      "MUST WATCH Ferry sinks 01:55 The photos were taken from the pier as the ferry went down.",
      "The ferry left the pier at 02:17.", "Crews listen for the horn at 3:41 each day, she said.",
      "The photo agency Getty Images said the picture was genuine.",
      "Crews | unions | owners: all met Reuters reporters on Friday to discuss the ferry.",
      "The board voted against the plan, and the mayor, who had pushed for it for two years and "
      "lost, wrote that the harbour would pay for it for a decade \xe2\x80\x94 Jane Doe "
      "(@janedoe) April 2, 2020"};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
    if (!px__furniture_text(yes[i], strlen(yes[i]))) fail_msg("not furniture: %s", yes[i]);
  }
  for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
    if (px__furniture_text(no[i], strlen(no[i]))) fail_msg("furniture: %s", no[i]);
  }
  /* a photo gallery run into the text: between its first and last
   * controls (and the caption before the first) all is captions; the news
   * after the last is news, and five people fleeing is no dispute with
   * three */
  px_article *arts[2] = {
      mk("Valley Post", "Ferry siege ends", "2024-06-02T08:00:00Z",
         "Police ended the siege on the ferry Marrow Star on Monday night, the coast guard said.\n\n"
         "Photos: Ferry siege Ferry siege \xe2\x80\x93 A woman lays flowers at the pier on Tuesday. "
         "Hide Caption 1 of 3 Photos: Ferry siege Ferry siege \xe2\x80\x93 A hostage runs toward police on "
         "Monday. She was one of five people seen fleeing the ferry. Hide Caption 2 of 3 Photos: Ferry "
         "siege Ferry siege \xe2\x80\x93 Police stand guard at the pier. Hide Caption 3 of 3\n\n"
         "The ferry will sail again on Friday, the harbour board said."),
      mk("Hill Courier", "Ferry siege ends", "2024-06-02T09:00:00Z",
         "Police ended the siege on the ferry Marrow Star on Monday night, the coast guard said.\n\n"
         "About six hours into the siege, three people were seen fleeing the ferry. The ferry will sail "
         "again on Friday, the harbour board said."),
  };
  px_comparison *c = compare(arts, 2);
  const px__cart *a = &c->art[0];
  size_t cap = 0, news = 0;
  for (uint32_t k = 0; k < a->nsent; k++) {
    px_str t = {a->tx->body + a->tx->sent[k].start, a->tx->sent[k].end - a->tx->sent[k].start};
    if (memmem(t.ptr, t.len, "five people", 11) || memmem(t.ptr, t.len, "lays flowers", 12)) cap += a->furn[k];
    if (memmem(t.ptr, t.len, "sail again", 10) || memmem(t.ptr, t.len, "ended the siege", 15)) news += !a->furn[k];
  }
  assert_int_equal(cap, 2);
  assert_int_equal(news, 2);
  assert_int_equal(c->ndisc, 0);
  px_comparison_free(c);
  free_all(arts, 2);
  /* a video's blurb, its paragraph opening on the player's "CLOSE": every
   * sentence of it, not the news after it */
  px_article *v[2] = {
      mk("Valley Post", "Ferry siege ends", "2024-06-02T08:00:00Z",
         "CLOSE The mayor of Orlen explains why the ferry siege lasted six hours. Three people fled "
         "the ferry before police arrived. Valley Post\n\n"
         "Police ended the siege on the ferry Marrow Star on Monday night, the coast guard said."),
      mk("Hill Courier", "Ferry siege ends", "2024-06-02T09:00:00Z",
         "Police ended the siege on the ferry Marrow Star on Monday night, the coast guard said.\n\n"
         "Five people fled the ferry before police arrived, the harbour board said."),
  };
  c = compare(v, 2);
  a = &c->art[0];
  size_t blurb = 0;
  news = 0;
  for (uint32_t k = 0; k < a->nsent; k++) {
    px_str t = {a->tx->body + a->tx->sent[k].start, a->tx->sent[k].end - a->tx->sent[k].start};
    if (memmem(t.ptr, t.len, "mayor of Orlen", 14) || memmem(t.ptr, t.len, "Three people", 12)) blurb += a->furn[k];
    if (memmem(t.ptr, t.len, "ended the siege", 15)) news += !a->furn[k];
  }
  assert_int_equal(blurb, 2);
  assert_int_equal(news, 1);
  assert_int_equal(c->ndisc, 0);
  px_comparison_free(c);
  free_all(v, 2);
  /* the author's note closing an article, longer than a line */
  px_article *bio[2] = {
      mk("Valley Post", "Ferry siege ends", "2024-06-02T08:00:00Z",
         "Police ended the siege on the ferry Marrow Star on Monday night, the coast guard said.\n\n"
         "Jon Lund is the harbour editor at the Valley Post and the co-author with Ida Noe of Salt and Iron: "
         "Lessons From the Docks of Orlen, a history of the port."),
      mk("Hill Courier", "Ferry siege ends", "2024-06-02T09:00:00Z",
         "Police ended the siege on the ferry Marrow Star on Monday night, the coast guard said."),
  };
  c = compare(bio, 2);
  a = &c->art[0];
  size_t note = 0;
  for (uint32_t k = 0; k < a->nsent; k++) {
    px_str t = {a->tx->body + a->tx->sent[k].start, a->tx->sent[k].end - a->tx->sent[k].start};
    if (memmem(t.ptr, t.len, "harbour editor", 14)) note += a->furn[k];
    if (memmem(t.ptr, t.len, "ended the siege", 15)) assert_false(a->furn[k]);
  }
  assert_int_equal(note, 1);
  px_comparison_free(c);
  free_all(bio, 2);
}

/* Ordinals count nothing; a measure ("years") with no word saying what it
 * measures is not set against another; two articles of one outlet do not
 * dispute each other. */
static void test_disputes_typed(void **state) {
  (void)state;
  px__textan *ta;
  px__arena ar;
  px__arena_init(&ar, 1 << 16);
  assert_int_equal(px__textan_new(&ta), PX_OK);
  const char *s = "The council approved the 11th-hour deal in its 3rd session.";
  px__text tx;
  assert_int_equal(px__text_analyze(ta, s, strlen(s), &ar, &tx), PX_OK);
  px__qty q[8];
  size_t n = px__quantities(&tx, 0, q, 8);
  for (size_t i = 0; i < n; i++)
    if (q[i].value == 11 || q[i].value == 3) fail_msg("an ordinal counted: %g", q[i].value);
  assert_false(counts_same(ta, &ar, "It was 17 years.", "It was ten years.", "year"));
  /* ages and spans after another event say nothing of what they count */
  assert_true(no_qty(ta, &ar, "She was 25 years old.", "year")); /* an age, no span of years */
  {
    px__text ta1, ta2;
    px__qty a[8], b[8];
    const char *later = "By 1990, when she was 23 years old, she led it.";
    assert_int_equal(px__text_analyze(ta, "She was 25 years old.", 21, &ar, &ta1), PX_OK);
    assert_int_equal(px__quantities(&ta1, 0, a, 8), 1);
    assert_int_equal(px__text_analyze(ta, later, strlen(later), &ar, &ta2), PX_OK);
    assert_int_equal(px__quantities(&ta2, 0, b, 8), 1);
    assert_true(a[0].unit == b[0].unit && !px__qty_comparable(&a[0], &b[0]));
  }
  assert_true(no_qty(ta, &ar, "He spoke five hours later.", "hour"));
  assert_true(no_qty(ta, &ar, "And seven hours later, he left.", "hour"));
  assert_true(counts_same(ta, &ar, "She led the harbour board for 17 years.",
                          "She led the board for ten years.", "year"));
  px__textan_free(ta);
  px__arena_release(&ar);
  px_article *arts[3] = {
      mk("Valley Post", "Dam breach floods town", "2024-03-02T08:00:00Z",
         "Floodwater from a breached dam swept through the town of Orlen on Friday, and 14 "
         "residents died, the regional governor said."),
      mk("Valley Post", "Orlen flood toll revised", "2024-03-02T12:00:00Z",
         "Floodwater from a breached dam swept through the town of Orlen on Friday, and 11 "
         "residents died, the regional governor said."),
      mk("Hill Courier", "Orlen counts its losses", "2024-03-02T13:00:00Z",
         "Schools in Orlen will stay closed until the water recedes, the mayor said."),
  };
  px_comparison *c = compare(arts, 3);
  assert_false(disputed(c, 14) || disputed(c, 11)); /* one outlet, its toll revised */
  px_comparison_free(c);
  free_all(arts, 3);
}

/* The contradicting attributions of two articles of two outlets. */
static size_t conflicts_of_two(const char *body_a, const char *body_b) {
  px_article *two[2] = {mk("Valley Post", "Pier to reopen", "2024-06-02T08:00:00Z", body_a),
                        mk("Hill Courier", "Pier date set", "2024-06-02T09:00:00Z", body_b)};
  px_comparison *c = compare(two, 2);
  size_t n = c->nqconf;
  px_comparison_free(c);
  free_all(two, 2);
  return n;
}

/* The same words given to two people are a contradicting attribution; a
 * lone family name beside two full names that share it ("Berg" with Anna
 * and Tomas Berg quoted) may be either of them, so it contradicts neither. */
static void test_quote_conflicts(void **state) {
  (void)state;
  px_article *arts[4] = {
      mk("Valley Post", "Pier to reopen", "2024-06-02T08:00:00Z",
         "The harbour board met on Friday.\n\n"
         "\"The north pier will open again in May,\" Anna Berg said."),
      mk("Hill Courier", "Pier date set", "2024-06-02T09:00:00Z",
         "The board set a date on Friday.\n\n"
         "\"The north pier will open again in May,\" Olaf Lind said."),
      mk("Coast Daily", "Board names pier date", "2024-06-02T10:00:00Z",
         "A date was set for the pier on Friday.\n\n"
         "\"The north pier will open again in May,\" Berg said."),
      mk("Port News", "Ferries late again", "2024-06-02T11:00:00Z",
         "Ferries ran late on Friday.\n\n\"The boats are late because the crews are short,\" "
         "Tomas Berg said."),
  };
  px_comparison *c = compare(arts, 4);
  size_t lind = 0;
  for (size_t k = 0; k < c->nqconf; k++) {
    const px_str *a = &c->qmem[c->qconf[2 * k]].speaker, *b = &c->qmem[c->qconf[2 * k + 1]].speaker;
    bool has_lind = (a->len >= 4 && memmem(a->ptr, a->len, "Lind", 4)) ||
                    (b->len >= 4 && memmem(b->ptr, b->len, "Lind", 4));
    if (!has_lind) fail_msg("conflict without Lind: %.*s / %.*s", (int)a->len, a->ptr, (int)b->len, b->ptr);
    lind++;
  }
  assert_int_equal(lind, 2); /* Lind against Anna Berg and against Berg */
  px_comparison_free(c);
  free_all(arts, 4);
  /* a body and a person: the Harbour Board's words are its chair's too */
  assert_int_equal(conflicts_of_two("The harbour board met on Friday.\n\n"
                                     "\"The north pier will open again in May,\" the Orvel "
                                     "Harbour Board said in a statement.",
                                     "The board set a date on Friday.\n\n"
                                     "\"The north pier will open again in May,\" Olaf Lind said."),
                   0);
  /* a short quote whose few words are scattered over another's long one
   * is not the same words: each speaker keeps his own */
  assert_int_equal(
      conflicts_of_two("The mayor criticized the council's budget on Friday.\n\n\"It is baffling "
                       "that in the face of every warning, this council still believes that "
                       "borrowing money we do not have to grow the town hall is the answer to the "
                       "harbour's economic problems,\" Olaf Lind said.",
                       "The council defended its budget on Friday.\n\n\"I do not believe that the "
                       "town hall is the answer to all of our problems,\" Anna Berg said."),
      0);
  /* a speaker written as "he" is the resolver's guess: against another
   * outlet's name for the same words it contradicts nothing; the same
   * words under two written names still do */
  assert_int_equal(conflicts_of_two("Mayor Olaf Lind toured the harbour on Friday.\n\n"
                                     "\"The north pier will open again in May,\" he told reporters.",
                                     "The board set a date on Friday.\n\n"
                                     "\"The north pier will open again in May,\" Anna Berg said."),
                   0);
  assert_int_equal(conflicts_of_two("Mayor Olaf Lind toured the harbour on Friday.\n\n"
                                     "\"The north pier will open again in May,\" Lind told reporters.",
                                     "The board set a date on Friday.\n\n"
                                     "\"The north pier will open again in May,\" Anna Berg said."),
                   1);
  /* nor a speaker found through a role, not named in place */
  assert_int_equal(conflicts_of_two("Mayor Olaf Lind toured the harbour on Friday.\n\n"
                                     "\"The north pier will open again in May,\" the mayor told reporters.",
                                     "The board set a date on Friday.\n\n"
                                     "\"The north pier will open again in May,\" Anna Berg said."),
                   0);
  /* nor a partial quote, whose words the reporting sentence's speaker often
   * quotes from another: Lind reads out Berg's letter */
  assert_int_equal(conflicts_of_two("The council met on Friday.\n\n"
                                     "Olaf Lind read a letter saying the harbour board had used \"the awesome "
                                     "power of its office to close the north pier to fishermen.\"",
                                     "The board set a date on Friday.\n\n"
                                     "\"The board used the awesome power of its office to close the north pier to "
                                     "fishermen,\" Anna Berg said."),
                   0);
}

/* An embedded post is its author's remark, not the outlet's reporting:
 * its sentences are in no fact that is news, and the post, short as it
 * is, is a quote of its author beside the other outlet's rendering. */
static void test_embedded_post_compare(void **state) {
  (void)state;
  const char *post = "The north pier opens in May. \xe2\x80\x94 Anna Berg (@annaberg) June 1, 2024\n\n";
  char b0[512], b1[512];
  snprintf(b0, sizeof b0, "The harbour board met on Friday to set a date for the pier.\n\n%s"
           "The board did not say what the work would cost.", post);
  snprintf(b1, sizeof b1, "The harbour board set a date for the north pier on Friday.\n\n%s"
           "Ferries will use the south pier until then.", post);
  px_article *arts[2] = {mk("Valley Post", "Pier to reopen", "2024-06-02T08:00:00Z", b0),
                         mk("Hill Courier", "Pier date set", "2024-06-02T09:00:00Z", b1)};
  px_comparison *c = compare(arts, 2);
  for (size_t f = 0; f < c->nfact; f++) {
    if (c->fact[f].furniture) continue;
    for (uint32_t j = c->fact[f].first; j < c->fact[f].first + c->fact[f].count; j++) {
      const px__cmember *m = &c->mem[j];
      const char *body = c->art[m->art].tx->body;
      if (memmem(body + m->start, m->end - m->start, "opens in May", 12))
        fail_msg("a post's words as a fact: %.*s", (int)(m->end - m->start), body + m->start);
    }
  }
  size_t found = 0;
  for (size_t g = 0; g < c->nquote; g++)
    for (uint32_t j = c->quote[g].first; j < c->quote[g].first + c->quote[g].count; j++) {
      const px__cqmember *m = &c->qmem[j];
      const char *body = c->art[m->art].tx->body;
      if (!memmem(body + m->start, m->end - m->start, "opens in May", 12)) continue;
      assert_true(m->speaker.len >= 4 && memmem(m->speaker.ptr, m->speaker.len, "Berg", 4));
      assert_int_equal(c->quote[g].count, 2);
      found++;
    }
  assert_int_equal(found, 2);
  px_comparison_free(c);
  free_all(arts, 2);
  /* a reporter's post relaying a remark reports news: it stays a fact */
  px_article *rel[2] = {
      mk("Valley Post", "Pier to reopen", "2024-06-02T08:00:00Z",
         "The mayor said on Friday that the north pier opens in May."),
      mk("Hill Courier", "Pier date set", "2024-06-02T09:00:00Z",
         "The board met on Friday.\n\nThe mayor this morning says 'the north pier opens in May.' "
         "\xe2\x80\x94 Olaf Lind (@olaflind) June 1, 2024\n\nFerries will use the south pier.")};
  c = compare(rel, 2);
  found = 0;
  for (size_t f = 0; f < c->nfact; f++)
    for (uint32_t j = c->fact[f].first; j < c->fact[f].first + c->fact[f].count; j++) {
      const px__cmember *m = &c->mem[j];
      const char *body = c->art[m->art].tx->body;
      if (memmem(body + m->start, m->end - m->start, "this morning says", 17)) {
        assert_false(c->fact[f].furniture);
        found++;
      }
    }
  assert_int_equal(found, 1);
  px_comparison_free(c);
  free_all(rel, 2);
}

/* One remark, one speaker: an article that gives the same words twice
 * lists them once (times 2); "Lind Holm" and "Marta Lind Holm" are one
 * person, so their renderings share a remark and no attribution
 * conflicts. */
static void test_quote_repeats_and_names(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Pier inquiry opens", "2024-03-02T08:00:00Z",
         "Marta Lind Holm, the harbour master, spoke at the inquiry on Friday.\n\n"
         "\"We will rebuild the north pier before the winter storms arrive,\" Marta Lind Holm told "
         "the panel.\n\nShe called the work \"a duty to the town.\"\n\nCouncillors praised the plan."),
      mk("Hill Courier", "Harbour master backs pier plan", "2024-03-02T09:00:00Z",
         "The harbour master promised the town a new pier on Friday.\n\n"
         "\"We will rebuild the north pier before the winter storms arrive,\" Lind Holm said.\n\n"
         "Lind Holm called the work \"a duty to the town.\"\n\nCouncillors said the plan was sound.\n\n"
         "In her closing words Lind Holm called the pier \"a duty to the town.\""),
  };
  px_comparison *c = compare(arts, 2);
  assert_int_equal(c->nqconf, 0);
  size_t pier = 0, repeated = 0;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    size_t here = 0;
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px_str t = {c->art[m->art].tx->body + m->start, m->end - m->start};
      if (t.len > 10 && memmem(t.ptr, t.len, "north pier", 10)) here++;
      if (m->times == 2) repeated++;
      /* never the same words twice in one remark from one article */
      for (uint32_t k = cq->first; k < j; k++)
        if (c->qmem[k].art == m->art && c->qmem[k].end - c->qmem[k].start == t.len &&
            !memcmp(c->art[m->art].tx->body + c->qmem[k].start, t.ptr, t.len) &&
            c->qmem[k].kind == m->kind)
          fail_msg("repeated rendering: %.*s", (int)t.len, t.ptr);
    }
    if (cq->noutlets == 2) assert_true(cq->key.len > 0);
    if (here > pier) pier = here; /* both renderings in one remark */
  }
  assert_int_equal(pier, 2);
  assert_int_equal(repeated, 1);
  px_comparison_free(c);
  free_all(arts, 2);
}

/* One speaker key, one label: every remark of a person is named with the
 * same name, a full name before a bare one and the most frequent among
 * them, while each rendering keeps its own speaker as written.  A quote
 * broken by its attribution ("...," Delgado said. "...") is compared
 * stretch by stretch: its second stretch is another outlet's whole quote,
 * whose remark it meets.  A bare key ("delgado": an article that gives
 * the family name only) of the person the remark engine finds under a
 * fuller key ending in it takes that key. */
static void test_quote_label_and_stretches(void **state) {
  (void)state;
  px_article *arts[4] = {
      mk("Valley Post", "Mayor faults engineers over flood survey", "2024-06-03T08:00:00Z",
         "Rosa Delgado, the mayor of Orvel, spoke to the council on Monday.\n\n"
         "\"We will rebuild the north pier with granite from the Lusk quarries before the winter "
         "storms arrive and the herring fleet comes home,\" Rosa Delgado said. "
         "\"The engineers kept the flood survey to themselves for three long years.\"\n\n"
         "Councillors voted to fund the pier.\n\n"
         "\"Every family in the lower town deserves a dry cellar,\" Rosa Delgado told reporters."),
      mk("Hill Courier", "Orvel mayor: survey was hidden", "2024-06-03T09:00:00Z",
         "The mayor of Orvel accused the engineers on Monday.\n\n"
         "\"The engineers kept the flood survey to themselves for three long years, while the "
         "ferry captains, the fishmongers and the schoolteachers of the harbour quarter paid for "
         "sandbags, pumps and ruined stock out of their own pockets,\" Rosa M. Delgado said.\n\n"
         "The engineering firm did not answer calls."),
      mk("Coast Daily", "Dry cellars promised", "2024-06-03T10:00:00Z",
         "\"Every family in the lower town deserves a dry cellar,\" Mayor Rosa Delgado said on "
         "Monday."),
      mk("Bay Ledger", "Orvel budget vote", "2024-06-03T11:00:00Z",
         "The Orvel council met on Monday.\n\n"
         "\"The budget for the ferry slipway is settled and the tolls stay as they are,\" Delgado "
         "said after the vote."),
  };
  px_comparison *c = compare(arts, 4);
  int pier = -1, survey = -1, cellar = -1, slipway = -1;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px_str t = {c->art[m->art].tx->body + m->start, m->end - m->start};
      if (memmem(t.ptr, t.len, "north pier", 10)) pier = (int)q;
      if (memmem(t.ptr, t.len, "ferry captains", 14)) survey = (int)q;
      if (memmem(t.ptr, t.len, "dry cellar", 10)) cellar = (int)q;
      if (memmem(t.ptr, t.len, "ferry slipway", 13)) slipway = (int)q;
      /* each rendering keeps its own speaker */
      if (m->art == 1 && m->key.len) assert_true(m->speaker.len == 15 && !memcmp(m->speaker.ptr, "Rosa M. Delgado", 15));
    }
    /* one label for the key, in every remark; the bare "delgado" of the
     * fourth article is the same person's key */
    if (cq->key.len) {
      assert_true(cq->key.len == 12 && !memcmp(cq->key.ptr, "rosa delgado", 12));
      assert_true(cq->name.len == 12 && !memcmp(cq->name.ptr, "Rosa Delgado", 12));
    }
  }
  assert_true(pier >= 0 && survey >= 0 && cellar >= 0 && slipway >= 0);
  assert_int_not_equal(slipway, pier);
  assert_int_equal(pier, survey); /* the second stretch meets the other outlet's quote */
  assert_int_not_equal(cellar, pier);
  px_comparison_free(c);
  free_all(arts, 4);
}

/* The last word of an organisation's name is the kind of body it is, not
 * a family name: "the House" (the chamber) keeps its own key beside the
 * White House, which the remark engine finds under one speaker; a
 * person's family name alone ("Okafor") still takes the full name's key,
 * and so does a body's name of two words ("Harbour Board" of "Orvel
 * Harbour Board"). */
static void test_quote_bare_key_of_a_body(void **state) {
  (void)state;
  px_article *arts[4] = {
      mk("Valley Post", "Tolls frozen for the winter", "2024-06-05T08:00:00Z",
         "The ferry tolls will not rise this year.\n\n"
         "\"The ferry tolls will stay frozen through the whole of the winter season,\" the White "
         "House said in a statement on Monday.\n\n"
         "\"Every harbour family will keep its winter pass at the old price,\" Amara Okafor said.\n\n"
         "\"The pier repairs will be paid for out of the spring budget,\" the Orvel Harbour Board "
         "said."),
      mk("Hill Courier", "Chamber refuses dredging money", "2024-06-05T09:00:00Z",
         "The chamber voted on the bill on Tuesday.\n\n"
         "\"We will not pay for the dredging of the north channel before next spring,\" the House "
         "said in a statement after the vote.\n\n"
         "\"The channel buoys will be moved before the first storms,\" Okafor said.\n\n"
         "\"The slipway will stay closed until the tide tables are printed again,\" the Harbour "
         "Board said."),
      mk("Coast Daily", "Tolls stay where they are", "2024-06-05T10:00:00Z",
         "\"The ferry tolls will stay frozen through the whole of the winter season,\" the White "
         "House said on Monday."),
      mk("Bay Ledger", "Buoys to move", "2024-06-05T11:00:00Z",
         "\"The channel buoys will be moved before the first storms arrive in the bay,\" Amara "
         "Okafor told reporters."),
  };
  px_comparison *c = compare(arts, 4);
  int seen = 0;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px_str t = {c->art[m->art].tx->body + m->start, m->end - m->start};
      if (memmem(t.ptr, t.len, "dredging", 8)) {
        assert_true(cq->key.len == 5 && !memcmp(cq->key.ptr, "house", 5));
        seen |= 1;
      }
      if (memmem(t.ptr, t.len, "ferry tolls", 11)) {
        assert_true(cq->key.len == 11 && !memcmp(cq->key.ptr, "white house", 11));
        seen |= 2;
      }
      if (memmem(t.ptr, t.len, "slipway", 7)) {
        assert_true(cq->key.len == 19 && !memcmp(cq->key.ptr, "orvel harbour board", 19));
        seen |= 8;
      }
      if (memmem(t.ptr, t.len, "channel buoys", 13)) {
        assert_true(cq->key.len == 12 && !memcmp(cq->key.ptr, "amara okafor", 12));
        seen |= 4;
      }
    }
  }
  assert_int_equal(seen, 15);
  px_comparison_free(c);
  free_all(arts, 4);
}

/* A speaker written only as a role ("a spokeswoman", "France's transport
 * minister") is the one person the story gives that role; with two holders
 * of it, or a role that is no person's office, it stays unnamed. */
static void test_quote_role_holder(void **state) {
  (void)state;
  px_article *arts[3] = {
      mk("Valley Post", "Ferry fire", "2024-06-05T08:00:00Z",
         "A fire broke out on the ferry Baltic Aurora on Sunday night.\n\n"
         "Nordline spokeswoman Liisa Makela said the safety procedures had \"worked exactly as they "
         "should.\"\n\n"
         "Transport Minister Clara Vey called the fire \"a warning to every operator on the coast.\""),
      mk("Hill Courier", "Ferry fire", "2024-06-05T09:00:00Z",
         "A fire broke out on the ferry Baltic Aurora on Sunday night.\n\n"
         "Nordline said the evacuation had gone to plan. \"Our safety procedures worked exactly as "
         "they should,\" a spokeswoman said.\n\n"
         "\"This is a warning to every operator on the coast,\" the country's transport minister "
         "said.\n\n"
         "\"The crew were heroes,\" the agreement said."),
      mk("Coast Daily", "Ferry fire", "2024-06-05T10:00:00Z",
         "\"Nobody was hurt and nobody panicked on the upper decks,\" the ship's master said."),
  };
  px_comparison *c = compare(arts, 3);
  int seen = 0;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px_str t = {c->art[m->art].tx->body + m->start, m->end - m->start};
      if (m->art == 1 && memmem(t.ptr, t.len, "safety procedures", 17)) {
        assert_true(cq->key.len == 12 && !memcmp(cq->key.ptr, "liisa makela", 12));
        assert_int_equal(cq->count, 2);
        seen |= 1;
      }
      if (m->art == 1 && memmem(t.ptr, t.len, "warning to every", 16)) {
        assert_true(cq->key.len == 9 && !memcmp(cq->key.ptr, "clara vey", 9));
        seen |= 2;
      }
      if (memmem(t.ptr, t.len, "were heroes", 11)) {
        assert_int_equal(cq->key.len, 0);
        seen |= 4;
      }
      if (memmem(t.ptr, t.len, "upper decks", 11)) {
        assert_int_equal(cq->key.len, 0);
        seen |= 8;
      }
    }
  }
  assert_int_equal(seen, 15);
  px_comparison_free(c);
  free_all(arts, 3);
}

/* One person, one key, in every remark: an initial one outlet prints
 * before a name ("J. Ann Selzer") does not make another person than "Ann
 * Selzer" of the next remark. */
static void test_quote_key_without_initial(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Harbour poll", "2024-06-05T08:00:00Z",
         "A new poll of harbour voters was published on Saturday.\n\n"
         "\"We are starting to see the people who plan to vote on the pier solidify,\" pollster J. Ann Selzer "
         "said."),
      mk("Hill Courier", "Harbour poll", "2024-06-05T09:00:00Z",
         "A new poll of harbour voters was published on Saturday.\n\n"
         "\"We are starting to see the people who plan to vote on the pier solidify,\" pollster Ann Selzer "
         "said.\n\n\"Younger voters are less committed to the ferry than the old,\" Selzer said."),
  };
  px_comparison *c = compare(arts, 2);
  size_t keyed = 0;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    if (!cq->key.len || !memmem(cq->key.ptr, cq->key.len, "selzer", 6)) continue;
    assert_true(cq->key.len == 10 && !memcmp(cq->key.ptr, "ann selzer", 10));
    assert_true(cq->name.len == 10 && !memcmp(cq->name.ptr, "Ann Selzer", 10));
    keyed++;
  }
  assert_int_equal(keyed, 2);
  px_comparison_free(c);
  free_all(arts, 2);
}

/* A name in capitals (a transcript's turn, "OMAR VELL: ...") names a
 * remark only when its key has no name in mixed case, however often it
 * is given. */
static void test_quote_label_not_capitals(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Transcript: the harbour hearing", "2024-06-04T08:00:00Z",
         "The following is a transcript of the hearing.\n\n"
         "OMAR VELL: I told the ferry captains, \"We will keep the crossing open all winter.\"\n\n"
         "OMAR VELL: And I said, \"Nobody will lose a fare to the ice this year.\"\n\n"
         "OMAR VELL: I also said, \"The night boats will run on the old timetable.\""),
      mk("Hill Courier", "Ferry chief pledges winter crossings", "2024-06-04T09:00:00Z",
         "\"We will keep the crossing open all winter,\" Omar Vell told the hearing on Tuesday."),
  };
  px_comparison *c = compare(arts, 2);
  size_t named = 0;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    if (!cq->key.len) continue;
    named++;
    assert_true(cq->name.len == 9 && !memcmp(cq->name.ptr, "Omar Vell", 9));
  }
  assert_true(named >= 2);
  px_comparison_free(c);
  free_all(arts, 2);
}

/* A one-word answer ("Never.") shares one word with a longer remark of its
 * speaker ("she would never sign the treaty"), which scores exactly the
 * remark threshold: it is not a rendering of that remark.  The same word
 * from two outlets is one remark, and short fragments of a direct quote
 * ("hard but fair", "unworkable") stay in its remark. */
static void test_quote_short_answer(void **state) {
  (void)state;
  px_article *arts[3] = {
      mk("Valley Post", "Berg rules out treaty", "2024-05-02T08:00:00Z",
         "Asked on Thursday whether she would sign the harbour treaty, Anna Berg gave a short "
         "answer.\n\n\"Never,\" Anna Berg said.\n\n\"The talks were hard but fair,\" Berg added.\n\n"
         "\"This draft is unworkable for every fishing family here,\" she said."),
      mk("Hill Courier", "Berg will not sign harbour treaty", "2024-05-02T09:00:00Z",
         "Anna Berg said on Thursday that she would never sign the harbour treaty.\n\n"
         "Berg called the talks \"hard but fair.\"\n\nShe called the draft \"unworkable.\""),
      mk("Coast Daily", "Harbour treaty loses its last backer", "2024-05-02T10:00:00Z",
         "The harbour treaty lost its last backer on Thursday.\n\n\"Never,\" Anna Berg told "
         "reporters at the port."),
  };
  px_comparison *c = compare(arts, 3);
  int never = -1, treaty = -1, fair_full = -1, fair_part = -1, draft_full = -1, draft_part = -1;
  size_t nnever = 0;
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px_str t = {c->art[m->art].tx->body + m->start, m->end - m->start};
      if (memmem(t.ptr, t.len, "Never", 5)) never = (int)q, nnever++;
      if (memmem(t.ptr, t.len, "never sign", 10)) treaty = (int)q;
      if (memmem(t.ptr, t.len, "talks were hard", 15)) fair_full = (int)q;
      else if (memmem(t.ptr, t.len, "hard but fair", 13)) fair_part = (int)q;
      if (memmem(t.ptr, t.len, "draft is unworkable", 19)) draft_full = (int)q;
      else if (memmem(t.ptr, t.len, "unworkable", 10)) draft_part = (int)q;
    }
  }
  assert_int_equal(nnever, 2);
  assert_true(never >= 0 && treaty >= 0 && never != treaty);
  for (size_t q = 0; q < c->nquote; q++) /* both "Never" in one remark */
    if ((int)q == never) assert_int_equal(c->quote[q].noutlets, 2);
  assert_true(fair_full >= 0 && fair_full == fair_part);
  assert_true(draft_full >= 0 && draft_full == draft_part); /* one word, of a direct quote */
  px_comparison_free(c);
  free_all(arts, 3);
}

/* A direct quote that gives the fullest rendering's words, fewer of
 * them, is trimmed; a shorter direct quote of the same speaker in other
 * words, in the same remark or not, is not. */
static void test_quote_trimmed(void **state) {
  (void)state;
  px_article *arts[3] = {
      mk("Valley Post", "Ferry board under fire", "2024-06-02T08:00:00Z",
         "Anna Berg, the ferry board chair, spoke on Monday.\n\n\"The booking system and the whole "
         "ticket process continue to improve, but there are serious faults that still need to be "
         "fixed before the summer crossings begin, so that travellers can get the crossing they need,\" "
         "Anna Berg said."),
      mk("Hill Courier", "Ferry tickets still fail", "2024-06-02T09:00:00Z",
         "The ferry board chair spoke on Monday.\n\n\"The booking system and the whole ticket "
         "process continue to improve,\" Anna Berg said."),
      mk("Coast Daily", "Ferry board admits ticket faults", "2024-06-02T10:00:00Z",
         "The ferry board chair spoke on Monday.\n\n\"Until the ticket process is working from end to "
         "end, many travellers will not be able to get the crossing they need,\" Anna Berg said."),
  };
  px_comparison *c = compare(arts, 3);
  int trimmed = -1, other = -1;
  for (size_t q = 0; q < c->nquote; q++)
    for (uint32_t j = c->quote[q].first; j < c->quote[q].first + c->quote[q].count; j++) {
      const px__cqmember *m = &c->qmem[j];
      px_str t = {c->art[m->art].tx->body + m->start, m->end - m->start};
      if (m->art == 1 && memmem(t.ptr, t.len, "continue to improve", 19)) trimmed = m->trimmed;
      if (memmem(t.ptr, t.len, "Until the ticket", 16)) other = m->trimmed;
    }
  assert_int_equal(trimmed, 1);
  assert_int_equal(other, 0);
  px_comparison_free(c);
  free_all(arts, 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_quote_trimmed),
      cmocka_unit_test(test_furniture),
      cmocka_unit_test(test_embedded_post_compare),
      cmocka_unit_test(test_scores),
      cmocka_unit_test(test_time_is_no_fact),          cmocka_unit_test(test_synonyms),
      cmocka_unit_test(test_quantities),      cmocka_unit_test(test_compare_basic),
      cmocka_unit_test(test_identical),       cmocka_unit_test(test_empty_and_foreign),
      cmocka_unit_test(test_nothing_in_common), cmocka_unit_test(test_limits_and_args),
      cmocka_unit_test(test_many),            cmocka_unit_test(test_quantity_bounds),
      cmocka_unit_test(test_disputes),        cmocka_unit_test(test_quantity_context),
      cmocka_unit_test(test_disputes_background),        cmocka_unit_test(test_second_claim),
      cmocka_unit_test(test_second_claim_retold),
      cmocka_unit_test(test_no_comment_subjects),
      cmocka_unit_test(test_quote_repeats_and_names), cmocka_unit_test(test_disputes_typed),
      cmocka_unit_test(test_quote_short_answer), cmocka_unit_test(test_quote_conflicts),
      cmocka_unit_test(test_quote_label_and_stretches), cmocka_unit_test(test_quote_label_not_capitals),
      cmocka_unit_test(test_quote_bare_key_of_a_body), cmocka_unit_test(test_quote_role_holder),
      cmocka_unit_test(test_quote_key_without_initial),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
