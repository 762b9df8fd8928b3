/* test_disputes.c - what a figure counts, and which figures can be set
 * against each other as one dispute (lib/align/discrep.c), on sentences
 * and articles written for the test. */
#include "px_test.h"

#include "align/compare.h"

static px_ctx *ctx;
static px__textan *ta;
static px__arena ar;

static int setup(void **state) {
  (void)state;
  px__arena_init(&ar, 1 << 16);
  if (px__textan_new(&ta) != PX_OK) return -1;
  return px_ctx_new(&ctx);
}
static int teardown(void **state) {
  (void)state;
  px_ctx_free(ctx);
  px__textan_free(ta);
  px__arena_release(&ar);
  return 0;
}

/* The quantities of the one sentence s. */
static size_t qtys(const char *s, px__qty *q, size_t max) {
  px__text tx;
  assert_int_equal(px__text_analyze(ta, s, strlen(s), &ar, &tx), PX_OK);
  return px__quantities(&tx, 0, q, max);
}

/* The one quantity of s set against others' (fails when there is not
 * exactly one; parts of a count are passed over). */
static px__qty one(const char *s) {
  px__qty q[8];
  size_t n = qtys(s, q, 8), m = 0;
  for (size_t k = 0; k < n; k++)
    if (!q[k].part) q[m++] = q[k];
  if (m != 1) fail_msg("%zu quantities in: %s", m, s);
  return q[0];
}

/* No figure of s is set against another outlet's (a part of a count,
 * kept as a figure its sentence gives, is none). */
static bool none(const char *s) {
  px__qty q[8];
  size_t n = qtys(s, q, 8), parts = 0;
  for (size_t k = 0; k < n; k++) parts += q[k].part;
  return n == parts;
}

/* s gives figures, and each is a part of a count. */
static bool parts_only(const char *s) {
  px__qty q[8];
  size_t n = qtys(s, q, 8), parts = 0;
  for (size_t k = 0; k < n; k++) parts += q[k].part;
  return n && n == parts;
}

static uint64_t stem(const char *w) { return px__word_hash(w, strlen(w)); }

static bool comparable(const char *x, const char *y) {
  px__qty a = one(x), b = one(y);
  assert_int_equal(px__qty_comparable(&a, &b), px__qty_comparable(&b, &a));
  return px__qty_comparable(&a, &b);
}

static bool compatible(const char *x, const char *y) {
  px__qty a = one(x), b = one(y);
  return px__qty_compatible(&a, &b);
}

/* The counted thing is the noun the words before it describe. */
static void test_counted_noun(void **state) {
  (void)state;
  assert_true(one("The county will receive two portable morgue units.").unit == stem("unit"));
  assert_true(one("She has won 1,200 pledged delegates so far.").unit == stem("deleg"));
  assert_true(one("Voters in 14 Super Tuesday states went to the polls.").unit == stem("state"));
  assert_true(one("The pilot had logged 6,100 flying hours.").unit == stem("hour"));
  assert_true(one("Twelve people were rescued.").unit == stem("peopl"));
  /* a type named with a number is what is counted, not all planes */
  assert_true(one("The navy sent two C-130 planes.").unit != stem("plane"));
  /* a name before the noun is no count though it ends in "s" */
  assert_true(one("The gunman killed five Dallas police officers.").unit == stem("offic"));
  assert_true(one("Floods hit three Texas counties overnight.").unit == stem("counti"));
  assert_true(one("Only 15 Republicans voted for it.").unit == stem("republican"));
}

/* Numbers that count nothing, or place something in time, are left out. */
static void test_left_out(void **state) {
  (void)state;
  assert_true(none("A judge released hundreds of pages of documents."));
  assert_true(none("Dozens of boats were damaged."));
  assert_true(none("Photo 1 of 8 shows the harbour."));
  assert_true(none("The plan would balance the budget in eight years."));
  assert_true(none("The plan would save money over 10 years."));
  assert_true(none("Lawmakers ignored the proposals for the past three years."));
  assert_true(none("The town rebuilt the bridge 50 years after the flood."));
  assert_true(none("The council adopted a 10-year plan."));
  assert_true(none("A tracking poll gives the mayor a 6-point lead."));
  assert_true(none("The mayor leads her rival by 5 points among older voters."));
  /* but not a span that is the figure, an age, or an index's points */
  assert_true(one("Trains were halted for two hours.").unit == stem("hour"));
  assert_true(one("A 38-year-old man was arrested.").value == 38);
  assert_true(one("The index fell 300 points on the news.").unit == stem("point"));
}

/* Part of a count, a requirement, a place: nothing to set against
 * another outlet's count. */
static void test_parts_and_places(void **state) {
  (void)state;
  assert_true(parts_only("Gunmen killed the consul and three other Americans."));
  assert_true(parts_only("Rescuers brought four more boys out of the cave."));
  assert_true(parts_only("Divers freed eight of the boys on Monday."));
  assert_true(parts_only("The first two explosions hit homes in the east."));
  assert_true(parts_only("The final four boys came out on Tuesday."));
  assert_true(none("She won the 270 votes she needs."));
  assert_true(parts_only("She won the 270 votes she needs.")); /* still a figure it gives */
  /* what it takes, what may be, what would be if: no count reported */
  assert_true(none("A candidate needs at least 15 percent of the vote to win delegates."));
  assert_true(none("Candidates needing at least 10 percent of the vote get a share."));
  assert_true(none("The disclosures were likely to sway at least four senators."));
  assert_true(none("The repairs could cost $40 million."));
  /* what one side asks or threatens is not what happened */
  assert_true(none("Prosecutors argued that he should receive a prison sentence of 42 months."));
  assert_true(none("Beijing has threatened to retaliate with tariffs on an additional $60 billion in goods."));
  assert_false(none("The court sentenced him to 36 months in prison."));
  assert_true(none("Also possible are storm surges of up to 7 feet along the coast."));
  assert_true(none("If she were a man, she would not get 5 percent of the vote."));
  assert_true(none("If all 53 members vote to proceed, the bill moves ahead."));
  /* kept: what was counted, what a plan would cost */
  assert_true(one("Retailers added 24,000 jobs in February.").value == 24000);
  assert_true(one("The bill would cost $30 billion.").value == 30e9);
  assert_true(none("The town lies 20 miles north of the capital."));
  assert_true(none("The cave is about 7 miles away from the village."));
  assert_true(none("Support for the plan is 100 percent."));
  assert_true(none("A dozen boats were damaged."));
  /* kept: a count, a climb written from one figure to another */
  assert_true(one("Police said 28 people were hurt.").value == 28);
  px__qty q[8];
  assert_int_equal(qtys("The plane was denied a climb to 38,000 feet from 32,000 feet.", q, 8), 2);
}

/* An age is one person's: two ages are set against each other only when
 * the nearest name is the same. */
static void test_ages(void **state) {
  (void)state;
  assert_false(comparable("The 32-year-old Moore denied it.", "Johnson's 12-year-old son was there."));
  assert_true(comparable("The 32-year-old Moore denied it.", "The 34-year-old Moore denied it."));
}

/* "48 - 42 percent": both figures are percentages, so the sentence gives
 * two values of its unit and is set against no single figure. */
static void test_percent_pairs(void **state) {
  (void)state;
  px__qty q[8];
  size_t n = qtys("The mayor has a 48 - 42 percent lead over her rival.", q, 8);
  assert_int_equal(n, 2);
  assert_true(q[0].value == 48 && q[1].value == 42 && q[0].unit == q[1].unit && q[0].unit == stem("%"));
  n = qtys("Support rose from 5 to 10 percent.", q, 8);
  assert_int_equal(n, 2);
  assert_true(q[0].unit == stem("%"));
}

/* A date of month and day belongs to another event than the one reported
 * by the day of the week; a rate is not a count. */
static void test_other_time_and_rates(void **state) {
  (void)state;
  assert_true(one("An earlier ferry sank on March 8 with 239 people aboard.").other_time);
  assert_true(one("The model forecasts 180,000 deaths by Oct. 1.").other_time);
  assert_false(one("The ferry sank on Sunday with 162 people aboard.").other_time);
  assert_false(comparable("The country tests about 500,000 people a day.",
                          "The virus has killed about 125,000 people in the country."));
  assert_false(comparable("The lab aims at 3 million daily tests.", "The lab ran 900,000 tests."));
}

/* Wording that bounds a figure is scaled with "million". */
static void test_million_bounds(void **state) {
  (void)state;
  assert_true(compatible("About 4 million homes lost power.", "Storms cut power to 4.05 million homes."));
  assert_true(compatible("Nearly 1 million homes lost power.", "Storms cut power to 950,000 homes."));
  assert_false(compatible("About 4 million homes lost power.", "Storms cut power to 5 million homes."));
  /* a round figure is a rounding: "the 1,800-page bill" holds 1,815 pages */
  assert_true(compatible("Lawmakers passed the 1,800 page bill.", "Lawmakers passed the 1,815 page bill."));
  assert_false(compatible("The plant employs 1,800 workers.", "The plant employs 1,700 workers."));
  assert_false(compatible("The plant employs 14 workers.", "The plant employs 15 workers."));
  assert_true(compatible("The bill is $50 billion.", "The bill is $49 billion."));
  assert_false(compatible("The bill is $130 billion.", "The bill is $135 billion."));
}

/* A toll is set against a toll, not against another count of people. */
static void test_same_thing(void **state) {
  (void)state;
  assert_false(comparable("At least 44 people have died across the state.",
                          "At least 20 people may have caught the virus at the shelter."));
  assert_true(comparable("Rescuers recovered seven bodies from the sea.",
                         "Rescuers have recovered six bodies so far."));
  assert_true(comparable("The storm killed 14 people in the valley.", "Eleven people died in the valley storm."));
  /* a storm's speed of travel against its winds: two measures */
  assert_false(comparable("The storm was moving west through the county at 5 mph.",
                          "The storm crossed the county with maximum sustained winds of 65 mph."));
  assert_true(comparable("The storm crossed the county with maximum sustained winds of 65 mph.",
                         "The storm crossed the county with sustained winds of 50 mph."));
  /* the murdered against the attacked: two counts */
  assert_false(comparable("The mayor condemned the murders of five harbour police officers in a sniper attack.",
                          "The sniper attack on 12 harbour police officers shocked the city."));
  assert_true(comparable("The mayor condemned the murders of five harbour police officers in a sniper attack.",
                         "The sniper attack killed six harbour police officers."));
  /* figures of one unit with no word in common count different things:
   * the seats a party won, the seats a region has */
  assert_false(comparable("The Conservatives managed to pick up 47 seats last night.",
                          "Her party won 48 of the 59 seats in Scotland."));
  /* "one" is a determiner more often than a count */
  assert_true(none("Officials hope to win one more state."));
  assert_true(none("Once the aircraft landed, crews moved in."));
}

/* Does the comparison hold a dispute row with value v? */
static bool disputed(const px_comparison *c, double v) {
  for (size_t d = 0; d < c->ndisc; d++)
    for (uint32_t x = c->disc[d].first; x < c->disc[d].first + c->disc[d].count; x++)
      if (c->dval[x].value == v) return true;
  return false;
}

static px_article *mk(const char *source, const char *title, const char *body) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, source, strlen(source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, title, strlen(title)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  int64_t t;
  assert_int_equal(px_parse_date("2024-06-03T08:00:00Z", 20, &t), PX_OK);
  px_article_set_published(a, t);
  return a;
}

/* In a comparison: the toll is one dispute; the poll margins, the span of
 * years and an earlier ferry's passengers are none. */
static void test_dispute_rows(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Ferry sinks off Marrow",
         "A ferry sank off the island of Marrow on Sunday, and 31 passengers died, the coast guard "
         "said.\n\nAn earlier ferry sank on March 8 with 239 people aboard.\n\nA poll gives the "
         "governor a 6-point lead over her rival.\n\nThe port will be rebuilt in eight years."),
      mk("Hill Courier", "Marrow ferry toll at 27",
         "A ferry sank off the island of Marrow on Sunday, and 27 passengers died, the coast guard "
         "said.\n\nThe ferry sank on Sunday with 162 people aboard.\n\nA poll gives the governor a "
         "9-point lead over her rival.\n\nThe port will be rebuilt in five years."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 31) && disputed(c, 27));
  assert_false(disputed(c, 239) || disputed(c, 162));
  assert_false(disputed(c, 6) || disputed(c, 9));
  assert_false(disputed(c, 8) || disputed(c, 5));
  assert_int_equal(c->ndisc, 1);
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(arts[i]);
}

/* Figures of one unit are not set against each other when both sentences
 * name someone and share no name: two candidates' crowds are two counts.
 * Sentences that name no one count what they both are about. */
static void test_same_actor(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Rallies on the eve of the vote",
         "Senator Alden drew 5,000 supporters to a rally downtown on Monday night.\n\nSeven bodies "
         "have been recovered from the river so far, officials said."),
      mk("Hill Courier", "Rallies before the vote",
         "Governor Brook drew 3,000 supporters to a rally downtown on Monday night.\n\nSix bodies "
         "have been recovered from the river so far."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 7) && disputed(c, 6));
  assert_false(disputed(c, 5000) || disputed(c, 3000));
  assert_int_equal(c->ndisc, 1);
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(arts[i]);
}

/* "Thirty-two states" counts 32.  Two sentences that open on the names of
 * two people count for two people ("Lind can get on the ballot in three
 * districts" / "Halloran appeared on the ballot in 11"): a capital that
 * starts a sentence tells no name, an entity's mention there does. */
static void test_word_numbers_and_opening_names(void **state) {
  (void)state;
  px__qty q = one("Thirty-two states and the capital district have such laws.");
  assert_true(q.value == 32 && q.unit == stem("state"));
  assert_true(px__number_word("ninety-nine", 11) == 99);
  assert_true(px__number_word("one-half", 8) < 0);
  px_article *arts[2] = {
      mk("Valley Post", "Ballot deadlines near",
         "Marek Lind can still get on the ballot in three districts of the region, the electoral "
         "board said on Friday."),
      mk("Hill Courier", "Ballot deadlines near",
         "Halloran appeared on the ballot in 11 districts of the region, the electoral board said "
         "on Friday."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, 2, NULL, &c), PX_OK);
  assert_true(c->nfact > 0 && c->fact[c->sent_fact[0]].noutlets == 2); /* one fact */
  assert_false(disputed(c, 3) || disputed(c, 11));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(arts[i]);
}

/* A part of a count is a figure its sentence gives: "nine of the 12
 * delegates" agrees with another outlet's "nine pledged delegates", and
 * the whole (12) is not set against the part (9). */
static void test_part_agrees(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Lind leads the delegate race",
         "Marek Lind has already gathered nine pledged delegates at the county conventions of the "
         "region, with Halloran getting one."),
      mk("Hill Courier", "Lind ahead in delegates",
         "Marek Lind had already won nine of the 12 delegates allocated at the county conventions of "
         "the region."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, 2, NULL, &c), PX_OK);
  assert_true(c->nfact > 0 && c->fact[c->sent_fact[0]].noutlets == 2); /* one fact */
  assert_false(disputed(c, 9) || disputed(c, 12));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(arts[i]);
}

/* A share is set against a share of the same thing: both name it after
 * "of" in the same words, or neither does and their clauses share three
 * words. */
static void test_share_base(void **state) {
  (void)state;
  assert_true(comparable("Some 12 percent of likely voters back the plan.", "About 15% of likely voters back the plan."));
  assert_false(comparable("In the survey 44% of Republicans were motivated to vote.",
                          "In the survey just 25 percent of Democrats were motivated to vote."));
  assert_false(comparable("Support for the levy reached 44% of residents.",
                          "Support for the levy reached 41 percent, a poll found."));
  assert_true(comparable("Turnout in the harbour council vote was 38%.", "Turnout in the harbour council vote was 41%."));
  assert_false(comparable("The index fell 4.9% on the day.", "Oil prices fell 7.8% on the day."));
}

/* Rounding and wording that allow one value: a figure cut or rounded to
 * fewer digits, "at least" before a share or a sum, "as many as". */
static void test_rounding_and_floors(void **state) {
  (void)state;
  assert_true(compatible("Crude futures rose 24.67% on the day.", "Crude futures rose 24.7% on the day."));
  assert_true(compatible("The budget asks for $4.875 trillion.", "The budget asks for $4.8 trillion."));
  assert_false(compatible("Employers added 1.84 million jobs.", "Employers added 1.9 million jobs."));
  assert_false(compatible("Crude futures rose 24.1% on the day.", "Crude futures rose 24.6% on the day."));
  assert_true(compatible("At least 95% of the ballots were counted.", "Some 97% of the ballots were counted."));
  assert_true(compatible("The fund holds at least $50 billion.", "The fund holds $58 billion."));
  assert_true(compatible("As many as 31 people were killed.", "The blasts killed 30 people."));
  /* a toll "at least" is a floor too: only a figure below it differs */
  assert_true(compatible("At least 11 miners died.", "The blast killed 13 miners."));
  assert_false(compatible("At least 59 people were killed.", "The gunman killed 50 people."));
  /* a hedged round figure is an exact one rounded, within 5 %; two round
   * estimates are two estimates */
  assert_true(compatible("He led by about 1,700 votes.", "He led by 1,754 votes."));
  assert_true(compatible("Leaders can lose roughly 20 votes.", "Leaders can lose 21 votes."));
  assert_false(compatible("Leaders can lose roughly 20 votes.", "Leaders can lose 23 votes."));
  assert_false(compatible("Some 120,000 people have died.", "About 125,000 people have died."));
}

/* A sentence that gives the parts ("three security staff and seven crew
 * members") does not dispute another outlet's whole ("10 crew members and
 * security"); a sum that is not the other's figure still differs. */
static void test_parts_sum(void **state) {
  (void)state;
  const char *whole = "The plane was carrying 56 passengers and 10 crew members and security when it left "
                      "Kandor on Wednesday.";
  px_article *arts[2] = {
      mk("Valley Post", "Plane lost over the sea",
         "The plane was carrying 56 passengers, three security staff and seven crew members when it "
         "left Kandor on Wednesday."),
      mk("Hill Courier", "Plane missing", whole),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, 2, NULL, &c), PX_OK);
  assert_true(c->nfact > 0 && c->fact[c->sent_fact[0]].noutlets == 2); /* one fact */
  assert_false(disputed(c, 7) || disputed(c, 10));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(arts[i]);
  px_article *b[2] = {
      mk("Valley Post", "Plane lost over the sea",
         "The plane was carrying 56 passengers, two security staff and seven crew members when it "
         "left Kandor on Wednesday."),
      mk("Hill Courier", "Plane missing", whole),
  };
  assert_int_equal(px_compare(ctx, (const px_article *const *)b, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 7) && disputed(c, 10));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(b[i]);
}

/* A poll's or a survey's error is its own, never a count to dispute. */
static void test_error_margins(void **state) {
  (void)state;
  assert_true(none("The poll has a margin of error of 3.5 percentage points."));
  assert_true(none("The error margin is 4 percent."));
  assert_true(none("The sampling error on the survey is plus or minus 100,000 jobs."));
  assert_false(none("The survey found 100,000 jobs were added."));
}

/* A number that counts nothing named is still a figure its sentence
 * gives: an outlet that gives both figures ("9,800 troops ... a drawdown
 * to around 5,500 by then") counts two things, not the other's one
 * differently.  A floor in that sentence gives its figure only, not
 * everything above it. */
static void test_bare_number_given(void **state) {
  (void)state;
  px_article *arts[2] = {
      mk("Valley Post", "Troops stay in Kandor",
         "The plan announced on Thursday keeps 9,800 soldiers in Kandor before an expected drawdown "
         "to around 5,500 by the time the president leaves office."),
      mk("Hill Courier", "Soldiers to stay in Kandor",
         "The plan announced on Thursday keeps 5,500 soldiers in Kandor until the time the president "
         "leaves office."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, 2, NULL, &c), PX_OK);
  assert_true(c->nfact > 0 && c->fact[c->sent_fact[0]].noutlets == 2); /* one fact */
  assert_false(disputed(c, 9800) || disputed(c, 5500));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(arts[i]);
  px_article *b[2] = {
      mk("Valley Post", "Flu spreads in Ostrava",
         "The outbreak has now infected more than 2,200 people in Ostrava and caused at least 50 "
         "deaths, the health office said."),
      mk("Hill Courier", "Flu in Ostrava",
         "The outbreak has now infected 1,629 people in Ostrava and caused 41 deaths, the health "
         "office said."),
  };
  assert_int_equal(px_compare(ctx, (const px_article *const *)b, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 2200) && disputed(c, 1629));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(b[i]);
}

/* What a figure's clause says about it must agree: the same people named,
 * the same part of the day, the same span of time; a difference ("62,000
 * fewer jobs") and a margin of victory count nothing. */
static void test_qualifiers(void **state) {
  (void)state;
  assert_false(comparable("Senator Alden received 7 percent of the vote in the primary.",
                          "A poll showed Governor Brook with 21 percent of the vote in the primary."));
  assert_true(comparable("Senator Alden received 7 percent of the vote in the primary.",
                         "Senator Alden won 9 percent of the vote in the primary."));
  assert_false(comparable("The index lost 1,255 points after briefly falling further.",
                          "The index lost 2,013 points to close at its low."));
  assert_true(comparable("The index lost 300 points at the open.", "The index lost 320 points at the open."));
  assert_false(comparable("The index lost 300 points at the open.", "The index lost 320 points."));
  assert_true(comparable("The trial opened as the index lost 300 points.", "The index lost 320 points."));
  assert_false(comparable("The economy created 4.5 million jobs in the last 29 months.",
                          "The plan would create 12 million jobs."));
  assert_true(comparable("The plan cuts $400 billion from the program over the next decade.",
                         "The plan cuts $371 billion from the program over the next decade."));
  assert_true(none("The builders added 62,000 fewer construction jobs."));
  assert_true(none("The senator beat her rival among older voters by 14 points."));
  assert_true(none("She won the county by 25 points."));
}

/* In a comparison: counts given on two different days are two counts; a
 * day that only dates the report ("said on Tuesday") does not part them. */
static void test_days(void **state) {
  (void)state;
  px_article *a[2] = {
      mk("Valley Post", "Hotel collapse", "Rescuers pulled 12 survivors from the rubble of the Delta hotel on Monday."),
      mk("Hill Courier", "Hotel collapse", "Rescuers pulled 20 survivors from the rubble of the Delta hotel on Wednesday."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)a, 2, NULL, &c), PX_OK);
  assert_false(disputed(c, 12) || disputed(c, 20));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(a[i]);
  px_article *b[2] = {
      mk("Valley Post", "Hotel collapse", "Rescuers pulled 12 survivors from the rubble of the Delta hotel on Monday."),
      mk("Hill Courier", "Hotel collapse",
         "Rescuers pulled 20 survivors from the rubble of the Delta hotel on Monday, the mayor said on Wednesday."),
  };
  assert_int_equal(px_compare(ctx, (const px_article *const *)b, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 12) && disputed(c, 20));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(b[i]);
}

/* In a comparison: an article that gives a whole and its parts in one
 * claim ("30 killed", "10 killed at the airport") counts several things,
 * so another outlet's figure disputes none of them. */
static void test_one_count(void **state) {
  (void)state;
  px_article *a[2] = {
      mk("Valley Post", "Blasts hit the capital",
         "Two blasts killed 30 people in the capital of Veldia on Tuesday, officials said.\n\nOne blast "
         "killed 10 people in the capital of Veldia on Tuesday, officials said."),
      mk("Hill Courier", "Blasts hit the capital",
         "Two blasts killed 34 people in the capital of Veldia on Tuesday, officials said."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)a, 2, NULL, &c), PX_OK);
  assert_false(disputed(c, 34));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(a[i]);
  px_article *b[2] = {
      mk("Valley Post", "Blasts hit the capital",
         "Two blasts killed 30 people in the capital of Veldia on Tuesday, officials said."),
      mk("Hill Courier", "Blasts hit the capital",
         "Two blasts killed 34 people in the capital of Veldia on Tuesday, officials said."),
  };
  assert_int_equal(px_compare(ctx, (const px_article *const *)b, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 30) && disputed(c, 34));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(b[i]);
}

/* A range bounds a figure ("10 to 15 years"); the difference of two ages
 * counts nothing; and a sentence that gives the other outlet's figure too,
 * in any words, counts two things. */
static void test_ranges_and_both_figures(void **state) {
  (void)state;
  px__qty r = one("The limits hold for 10 to 15 years, the report said.");
  assert_true(r.lo <= 10 && r.hi >= 15);
  assert_true(compatible("The limits hold for 10 to 15 years.", "The limits hold for 10 years."));
  assert_false(compatible("The limits hold for 15 years.", "The limits hold for 10 years."));
  assert_true(none("Her brother was seven years older than the suspect."));
  assert_true(none("The United States and five world powers reached a deal with Veldia."));
  /* a rise and a fall are two moves, not one */
  assert_false(comparable("The harbour lost 300 jobs, the board said.", "The harbour added 250 jobs, the board said."));
  assert_true(comparable("The harbour lost 300 jobs, the board said.", "The harbour lost 250 jobs, the board said."));
  assert_int_equal(one("Six world powers reached a deal with Veldia on Tuesday.").value, 6);
  assert_true(comparable("The suspect was 19 years old at the time.", "The suspect was 20 years old at the time."));
  px_article *a[2] = {
      mk("Valley Post", "Veldia limits magazines",
         "Unlike Marrow, which bans magazines of more than 10 rounds, Veldia limited gun magazines to "
         "seven bullets under the new law on Tuesday."),
      mk("Hill Courier", "Veldia limits magazines",
         "Veldia limited gun magazines to 10 bullets under the new law on Tuesday."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)a, 2, NULL, &c), PX_OK);
  assert_false(disputed(c, 7) || disputed(c, 10));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(a[i]);
  px_article *b[2] = {
      mk("Valley Post", "Veldia limits magazines",
         "Veldia limited gun magazines to seven bullets under the new law on Tuesday."),
      mk("Hill Courier", "Veldia limits magazines",
         "Veldia limited gun magazines to 10 bullets under the new law on Tuesday."),
  };
  assert_int_equal(px_compare(ctx, (const px_article *const *)b, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 7) && disputed(c, 10));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(b[i]);
}

/* Two places' figures are two counts: sentences that name places (or,
 * naming none, whose sentence before does), none of them the same,
 * dispute nothing. */
static void test_places(void **state) {
  (void)state;
  px_article *a[2] = {
      mk("Valley Post", "Guam picks delegates",
         "Republicans in Guam met in a hotel ballroom on Saturday.\n\nAbout 300 of them voted there "
         "to send nine delegates to the party convention in Cleveland."),
      mk("Hill Courier", "Delegates chosen",
         "Republicans met on Saturday to pick their delegates.\n\nWyoming will send 12 delegates to "
         "the party convention."),
  };
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)a, 2, NULL, &c), PX_OK);
  assert_false(disputed(c, 9) || disputed(c, 12));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(a[i]);
  px_article *b[2] = {
      mk("Valley Post", "Guam picks delegates",
         "Republicans in Guam met in a hotel ballroom on Saturday.\n\nAbout 300 of them voted there "
         "to send nine delegates to the party convention in Cleveland."),
      mk("Hill Courier", "Delegates chosen",
         "Republicans met on Saturday to pick their delegates.\n\nGuam will send 12 delegates to "
         "the party convention in Cleveland."),
  };
  assert_int_equal(px_compare(ctx, (const px_article *const *)b, 2, NULL, &c), PX_OK);
  assert_true(disputed(c, 9) && disputed(c, 12));
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(b[i]);
}

/* Each sentence names, before its figure, a place the other never names:
 * two places' counts, not one count told two ways ("Germany expelled
 * four" / "Lithuania ... expelling two", though both name Russia after
 * the figure).  The same place before both figures is one count. */
static bool lead_place_disputed(const char *second) {
  px_article *a[2] = {
      mk("Valley Post", "Diplomats expelled",
         "Western governments expelled Russian officials on Monday over the nerve agent attack.\n\n"
         "Germany expelled four Russian diplomats on Monday, the foreign ministry said, citing "
         "Russia's lack of an explanation for the attack."),
      mk("Hill Courier", "Expulsions over nerve agent attack",
         "Western governments expelled Russian officials on Monday over the nerve agent attack.\n\n"),
  };
  char body[512];
  snprintf(body, sizeof body, "%s%s",
           "Western governments expelled Russian officials on Monday over the nerve agent attack.\n\n", second);
  assert_int_equal(px_article_set(a[1], PX_F_BODY, body, strlen(body)), PX_OK);
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)a, 2, NULL, &c), PX_OK);
  bool d = disputed(c, 4) && disputed(c, 2);
  px_comparison_free(c);
  for (int i = 0; i < 2; i++) px_article_free(a[i]);
  return d;
}

static void test_lead_places(void **state) {
  (void)state;
  assert_false(lead_place_disputed("Lithuania later said it was expelling two Russian diplomats on Monday, "
                                   "citing Russia's lack of an explanation for the attack."));
  assert_true(lead_place_disputed("Germany expelled two Russian diplomats on Monday, the foreign ministry "
                                  "said, citing Russia's lack of an explanation for the attack."));
}

/* A forecast puts every clause of its sentence in a time to come (its
 * figures are set against no count of the event); a margin in percentage
 * points belongs to one poll, as one in points does. */
static void test_forecasts_and_poll_points(void **state) {
  (void)state;
  px__qty q[8];
  size_t n = qtys("Officials were forecasting a turnout rate of 65 percent -- between 2.6 million and "
                  "2.8 million voters.", q, 8);
  assert_true(n >= 2);
  for (size_t k = 0; k < n; k++) if (!q[k].part) assert_true(q[k].other_time);
  assert_true(one("Analysts predicted that 40,000 visitors would come.").other_time);
  assert_false(one("Some 2.5 million voters cast their ballots.").other_time);
  assert_true(none("Most polls have the mayor leading her rival by 7 percentage points."));
  assert_true(none("The last poll had the mayor ahead by five percentage points."));
  assert_false(none("Turnout rose by 7 percentage points to 61 percent."));
}

/* Figures that are not one count told two ways: a streak, a moment of
 * something, a bound that names a class, what it takes, an earlier
 * report's figures; an age is no span; a rate counts per something. */
static void test_streaks_bounds_rates(void **state) {
  (void)state;
  assert_true(none("Jobs have been added for 24 straight months."));
  assert_true(none("Nearly seven hours in, the filibuster is hardly a record."));
  assert_true(none("Nearly half of the members have served four years or less."));
  assert_true(none("Doctors say a fetus can feel pain at 20 weeks gestation and later."));
  assert_true(none("Typically, major changes like this take 67 votes in the chamber."));
  /* but "and more than" begins another figure, and "take place" is no requirement */
  px__qty q[8];
  size_t n = qtys("The aid held 28,000 meals and more than 1,500 gallons of water.", q, 8);
  assert_true(n >= 1 && q[0].value == 28000 && !q[0].part);
  assert_int_equal(one("The real action will take place in the ten states that vote next.").value, 10);
  assert_int_equal(one("The guards held the fort for nine hours.").value, 9);
  /* an age against a span of years */
  assert_false(comparable("The migrants showed five years of continuous residence in the country.",
                          "The migrants were 15 years old at arrival in the country."));
  assert_true(comparable("The suspect was 19 years old at the time.", "The suspect was 20 years old at the time."));
  /* an earlier report's figure */
  assert_false(comparable("As we reported last February, new rules were set to block 1.3 million voters.",
                          "New rules were set to block 1.1 million voters."));
  assert_true(comparable("As of Monday, new rules were set to block 1.3 million voters.",
                         "New rules were set to block 1.1 million voters."));
  /* sums per something */
  assert_false(comparable("Donors may give a maximum of $5,000 to a candidate per election cycle.",
                          "Donors may give a candidate $2,500 each for a primary and a general election."));
  assert_true(comparable("Donors may give a maximum of $5,000 to a candidate per election cycle.",
                         "Donors may give a maximum of $5,400 to a candidate per election cycle."));
  /* counts per something: per state, each night */
  assert_false(comparable("The candidates have drawn 400 unique donors in Ohio.",
                          "The candidates have drawn 200 unique donors per state."));
  assert_false(comparable("Ten candidates will debate each night.",
                          "Twenty Democratic candidates will debate Tuesday and Wednesday night."));
  assert_true(comparable("Ten candidates will debate each night.", "Twelve candidates will debate each night."));
  assert_true(comparable("Six Republicans joined with every member of the Democratic caucus in the vote.",
                         "Seven Republicans joined all Democrats in the vote."));
  /* another time opening the sentence after "For ...", a magic number */
  assert_false(comparable("For Richard Nixon in 1974, the committee drew up five articles of impeachment.",
                          "The committee recommended four articles of impeachment on Tuesday."));
  assert_true(none("Clinton almost reached her magic number of 2,383 delegates."));
  assert_true(comparable("Clinton holds 1,809 delegates after the primary.",
                         "Clinton holds 1,812 delegates after the primary."));
  /* shares of one people, said of two things */
  assert_false(comparable("According to a survey, 91 percent of DACA recipients are employed.",
                          "According to the survey, 25 percent of DACA recipients have US-born children."));
  assert_true(comparable("According to a survey, 91 percent of DACA recipients are employed.",
                         "According to the survey, 87 percent of DACA recipients are employed."));
}

/* What was added against a whole, a month-dated event, two currencies,
 * complementary shares, a total against one event's count. */
static void test_added_months_currency_totals(void **state) {
  (void)state;
  assert_false(comparable("At least 312 new deaths were reported in the country on Friday.",
                          "The country reported 280 deaths on Friday."));
  assert_true(comparable("At least 312 new deaths were reported in the country on Friday.",
                         "The country reported 298 new deaths on Friday."));
  assert_false(comparable("Officials said mines were used in a March attack on five cargo ships.",
                          "Officials blamed the navy for an attack on three cargo ships."));
  assert_true(comparable("Officials blamed the navy for an attack on five cargo ships.",
                         "Officials blamed the navy for an attack on three cargo ships."));
  assert_false(comparable("The minister said the city would pledge an extra \u20ac4 billion to the port.",
                          "The minister said the city is devoting $8.2 billion to the port."));
  assert_true(comparable("The minister said the city would pledge an extra $4 billion to the port.",
                         "The minister said the city is devoting $8.2 billion to the port."));
  assert_false(comparable("The treaty would hand the islanders control over 65% of the coast.",
                          "The treaty asks the islanders to give up claims to 35% of the coast."));
  assert_true(comparable("The treaty would hand the islanders control over 65% of the coast.",
                         "The treaty would hand the islanders control over 60% of the coast."));
  assert_false(comparable("In all, about 420 charities were flagged for review, the director said.",
                          "Roughly 90 charities were flagged using words like \"patriot\" in their filings."));
  assert_false(comparable("In total, since the blast at the depot on Monday, 23 people have died.",
                          "The blast at the depot on Monday left 15 people dead."));
  assert_true(comparable("The blast at the depot on Monday left 19 people dead.",
                         "The blast at the depot on Monday left 15 people dead."));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_added_months_currency_totals),
      cmocka_unit_test(test_counted_noun),        cmocka_unit_test(test_left_out),
      cmocka_unit_test(test_percent_pairs),       cmocka_unit_test(test_other_time_and_rates),
      cmocka_unit_test(test_million_bounds),      cmocka_unit_test(test_same_thing),
      cmocka_unit_test(test_dispute_rows),        cmocka_unit_test(test_parts_and_places),
      cmocka_unit_test(test_ages),                cmocka_unit_test(test_same_actor),
      cmocka_unit_test(test_share_base),          cmocka_unit_test(test_rounding_and_floors),
      cmocka_unit_test(test_qualifiers),          cmocka_unit_test(test_days),
      cmocka_unit_test(test_one_count),           cmocka_unit_test(test_ranges_and_both_figures), cmocka_unit_test(test_places),
      cmocka_unit_test(test_word_numbers_and_opening_names), cmocka_unit_test(test_part_agrees),
      cmocka_unit_test(test_error_margins),       cmocka_unit_test(test_bare_number_given),
      cmocka_unit_test(test_parts_sum),
      cmocka_unit_test(test_lead_places), cmocka_unit_test(test_forecasts_and_poll_points),
      cmocka_unit_test(test_streaks_bounds_rates),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
