/* test_dedup.c - exact and near-duplicate copies, wire share and the bad
 * inputs that must not make duplicates: shared paywall notices, empty and
 * one-word bodies, implausible dates.  All articles are invented. */
#include "px_test.h"

#include "parallax.h"

#define DAY 86400
#define T0 1709251200 /* 2024-03-01 */

static px_article *art(const char *source, const char *title, const char *body, int64_t t) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, source, strlen(source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, title, strlen(title)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  if (t) px_article_set_published(a, t);
  return a;
}

/* A wire story of twelve sentences, in paragraphs. */
#define P1 "VALDORIA CITY (Northwire) - A ferry carrying 212 passengers caught fire on Tuesday off the coast of Valdoria, and coast guard crews rescued everyone on board, officials said."
#define P2 "The blaze started in the engine room of the Morning Gull about forty minutes after it left the port of Ostra, according to the operator, Bluewave Lines."
#define P3 "Captain Elena Marsh ordered the passengers to the upper deck and sent a distress call that was answered within minutes by two patrol boats and a fishing trawler."
#define P4 "Eleven people were treated for smoke inhalation at Ostra General Hospital, and two crew members remained there overnight for observation, a hospital spokesman said."
#define P5 "The transport ministry has opened an inquiry into the fire and said the ferry had passed its last safety inspection in January without any serious findings."
#define P6 "Bluewave Lines suspended its evening crossings between Ostra and the island of Pell while engineers examine the two other vessels of the same class in its fleet."
#define P7 "Passengers described a thick black smoke that filled the lower lounge, and several said the crew handed out life jackets calmly and quickly before the evacuation."
#define P8 "Regional governor Tomas Varga thanked the rescuers and promised that the families of the injured would receive help with their medical costs from the region."

#define WIRE P1 "\n\n" P2 " " P3 "\n\n" P4 " " P5 "\n\n" P6 " " P7 "\n\n" P8

static void test_exact_and_near_copies(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_dedup *dd;
  assert_int_equal(px_dedup_new(ctx, NULL, &dd), PX_OK);
  px_story_result r;

  px_article *orig = art("Northwire", "Ferry fire off Valdoria, all 212 rescued", WIRE, T0);
  assert_int_equal(px_dedup_add(dd, orig, &r), PX_OK);
  assert_int_equal(r.dup_of, -1);
  assert_int_equal(r.dup_group, 0);
  assert_true(r.wire_share == 0.0);

  /* 1: exact copy, another outlet, another headline. */
  px_article *exact = art("Harbor Post", "All rescued from burning ferry", WIRE, T0 + 3600);
  assert_int_equal(px_dedup_add(dd, exact, &r), PX_OK);
  assert_int_equal(r.dup_of, 0);
  assert_int_equal(r.dup_exact, 1);
  assert_int_equal(r.dup_group, 0);
  assert_true(r.wire_share > 0.99);
  assert_int_equal(r.wire_source, 0);

  /* 2: syndicated copy: new headline, byline line, ending trimmed, one paragraph added. */
  const char *near = "By Staff Reporter\n\n" P1 "\n\n" P2 " " P3 "\n\n"
                     "Local fishermen said the sea was calm on Tuesday, which helped the rescue boats "
                     "reach the ferry quickly and keep the passengers safe.\n\n" P4 " " P5 "\n\n" P6;
  px_article *nd = art("Island Daily", "Valdoria ferry blaze: what we know", near, T0 + 7200);
  assert_int_equal(px_dedup_add(dd, nd, &r), PX_OK);
  assert_true(r.dup_of == 0 || r.dup_of == 1);
  assert_int_equal(r.dup_exact, 0);
  assert_true(r.dup_sim >= 0.7);
  assert_int_equal(r.dup_group, 0);
  assert_true(r.wire_share > 0.6 && r.wire_share < 1.0);
  assert_int_equal(r.wire_source, 0);

  /* 3: a near miss: same event, same day, written independently. */
  const char *other =
      "Rescuers pulled every passenger off a burning ferry near Valdoria on Tuesday afternoon. "
      "The ship, run by Bluewave Lines, had engine trouble before smoke was seen, witnesses told "
      "reporters at the port.\n\nHospital staff in Ostra treated several people, none of them "
      "badly hurt. The ministry will investigate, and crossings to Pell are on hold for now. "
      "Governor Varga praised the coast guard in a short statement on the regional website, "
      "and the operator apologised to travellers for the disruption to the evening services.";
  px_article *miss = art("Capital Times", "Ferry passengers rescued near Valdoria", other, T0 + 9000);
  assert_int_equal(px_dedup_add(dd, miss, &r), PX_OK);
  assert_int_equal(r.dup_of, -1);
  assert_int_equal(r.dup_group, 3);
  assert_true(r.wire_share == 0.0);

  /* 4: the same outlet re-running its own story is a duplicate, not wire copy. */
  px_article *rerun = art("Northwire", "UPDATE: ferry fire", WIRE "\n\nThis story has been updated.", T0 + 10000);
  assert_int_equal(px_dedup_add(dd, rerun, &r), PX_OK);
  assert_true(r.dup_of >= 0);
  assert_int_equal(r.dup_group, 0);
  assert_true(r.wire_share < 0.01);

  px_article_free(orig);
  px_article_free(exact);
  px_article_free(nd);
  px_article_free(miss);
  px_article_free(rerun);
  px_dedup_free(dd);
  px_ctx_free(ctx);
}

#define PAYWALL "Subscribe to continue reading. You have reached your limit of free articles this month. Already a subscriber? Log in."

static void test_boilerplate_and_short_bodies(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_dedup *dd;
  assert_int_equal(px_dedup_new(ctx, NULL, &dd), PX_OK);
  px_story_result r;
  char title[64];
  /* 300 articles of one outlet whose body is the paywall notice. */
  for (int i = 0; i < 300; i++) {
    snprintf(title, sizeof(title), "Headline number %d about topic %d", i, i * 7);
    px_article *a = art("Paper", title, PAYWALL, T0 + i * 60);
    assert_int_equal(px_dedup_add(dd, a, &r), PX_OK);
    assert_int_equal(r.dup_of, -1);
    assert_int_equal(r.dup_group, i);
    assert_true(r.flags & PX_SF_SHORT);
    if (i > 0) assert_true(r.flags & PX_SF_BOILERPLATE);
    px_article_free(a);
  }
  /* The same short body under the same title is a plain copy. */
  px_article *a = art("Paper", "Headline number 5 about topic 35", PAYWALL, T0);
  assert_int_equal(px_dedup_add(dd, a, &r), PX_OK);
  assert_int_equal(r.dup_of, 5);
  px_article_free(a);

  /* Empty and one-word bodies: no crash, no group. */
  const char *tiny[] = {"", "Breaking.", "Yes", " \n\n "};
  for (int i = 0; i < 4; i++) {
    snprintf(title, sizeof(title), "Tiny %d", i);
    a = art("Wire", title, tiny[i], T0);
    assert_int_equal(px_dedup_add(dd, a, &r), PX_OK);
    assert_int_equal(r.dup_of, -1);
    assert_true(r.flags & PX_SF_SHORT);
    px_article_free(a);
  }
  px_dedup_free(dd);
  px_ctx_free(ctx);
}

static void test_bad_dates_flagged(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_story_opts o;
  px_story_opts_init(&o);
  o.now = T0 + 30 * DAY;
  px_dedup *dd;
  assert_int_equal(px_dedup_new(ctx, &o, &dd), PX_OK);
  px_story_result r;
  px_article *fut = art("A", "Future", WIRE, T0 + 400 * DAY);
  px_article *past = art("B", "Past", P1 " " P2 " " P3, 86400 * 365); /* 1971 */
  px_article *none = art("C", "None", P4 " " P5 " " P6, 0);
  px_article *ok = art("D", "Fine", P7 " " P8, T0);
  assert_int_equal(px_dedup_add(dd, fut, &r), PX_OK);
  assert_int_equal(r.flags & (PX_SF_BAD_DATE | PX_SF_UNDATED), PX_SF_BAD_DATE | PX_SF_UNDATED);
  assert_int_equal(px_dedup_add(dd, past, &r), PX_OK);
  assert_true(r.flags & PX_SF_BAD_DATE);
  assert_int_equal(px_dedup_add(dd, none, &r), PX_OK);
  assert_true(r.flags & PX_SF_UNDATED);
  assert_false(r.flags & PX_SF_BAD_DATE);
  assert_int_equal(px_dedup_add(dd, ok, &r), PX_OK);
  assert_false(r.flags & (PX_SF_UNDATED | PX_SF_BAD_DATE));
  px_article_free(fut);
  px_article_free(past);
  px_article_free(none);
  px_article_free(ok);
  px_dedup_free(dd);
  px_ctx_free(ctx);
}

/* Two outlets that quote one statement, or carry one line of page
 * furniture, have copied nothing from each other: those sentences count
 * nowhere in the wire share.  Prose one outlet takes from another does. */
#define STATEMENT "\u201cWe will rebuild the harbour before the winter storms arrive, and no family will be left without a home,\u201d the governor said in a statement on Wednesday."
#define STATEMENT2 "\u201cThe state will pay for every repair. Nobody on the island will wait for help this year.\u201d"
#define FURN "Watch the latest video at video.harbourpost.com"
static void test_wire_share_quotes_and_furniture(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_dedup *dd;
  assert_int_equal(px_dedup_new(ctx, NULL, &dd), PX_OK);
  px_story_result r;
  px_article *a = art("Harbour Post", "Storm damage on Pell",
                      "A storm tore the roofs off forty houses on the island of Pell on Tuesday night, "
                      "and the harbour wall gave way in two places.\n\n" STATEMENT "\n\n" STATEMENT2
                      "\n\n" FURN "\n\nFerries to the island stayed in port for a second day.",
                      T0);
  assert_int_equal(px_dedup_add(dd, a, &r), PX_OK);
  px_article *b = art("Valdoria Star", "Governor promises to rebuild Pell",
                      "Governor Tomas Varga visited the flooded streets of Pell's old town on Wednesday "
                      "with the mayor and the head of the coast guard.\n\n" STATEMENT "\n\n" STATEMENT2
                      "\n\n" FURN "\n\nThe island's school will reopen on Monday, officials said.",
                      T0 + 3600);
  assert_int_equal(px_dedup_add(dd, b, &r), PX_OK);
  assert_true(r.wire_share == 0.0);
  px_article *c = art("Coast Daily", "Pell counts the damage",
                      "A storm tore the roofs off forty houses on the island of Pell on Tuesday night, "
                      "and the harbour wall gave way in two places.\n\nThe island's fishermen lost "
                      "a dozen boats, the harbour master said.",
                      T0 + 7200);
  assert_int_equal(px_dedup_add(dd, c, &r), PX_OK);
  assert_true(r.wire_share > 0.3);
  assert_int_equal(r.wire_source, 0);
  px_article_free(a);
  px_article_free(b);
  px_article_free(c);
  px_dedup_free(dd);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_exact_and_near_copies),
      cmocka_unit_test(test_boilerplate_and_short_bodies),
      cmocka_unit_test(test_bad_dates_flagged),
      cmocka_unit_test(test_wire_share_quotes_and_furniture),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
