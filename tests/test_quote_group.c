/* test_quote_group.c - the shortcuts of quote grouping give what the plain
 * computation gives: bags made inside a grouping (scratch arena, synonym
 * memo) against bags made alone, the signature test before each word's
 * search against a search of every word, a small stem cache against the
 * large one.  Invented quotes. */
#include "px_test.h"

#include <parallax.h>

#include "quote.h"
#include "text.h"
#include "remark_ref.h"

/* One speaker's remarks with repeated, inflected and synonymous words, so
 * the synonym memo is hit and most pairs share a few words. */
static const char *const k_quotes[] = {
    "We will always be with Russia.",
    "I will always be standing with Russia.",
    "We will win a great victory in the just fight to punish evil groups.",
    "They will emerge victorious in the fight to punish the evil forces.",
    "The freezes finished the repairs of the bridges this winter.",
    "Freezing weather finishes the repair of a bridge every winter.",
    "We launched more satellites this year than ever, 14 of them.",
    "We will launch 14 more satellites this year.",
    "Our farmers are the hardest working people in the country.",
    "The country's farmers work harder than anybody.",
    "No one works harder than the farmers of this great country.",
    "This bill is a disgrace and the House will not pass it.",
    "The House won't pass this disgraceful bill.",
    "We will fight for every family and every worker.",
    "Every worker and every family deserves a fair chance.",
    "always with Russia",
};
#define NQ (sizeof k_quotes / sizeof *k_quotes)

/* px__qbag_similarity without the signature test: every word searched. */
static double plain_match(const px__qbag *a, uint32_t i, const px__qbag *b) {
  for (uint32_t j = 0; j < b->n; j++)
    if (b->stem[j] == a->stem[i]) return 1.0;
  const uint32_t *ca = &a->cls[i * PX__QBAG_K];
  for (int x = 0; x < PX__QBAG_K && ca[x] != UINT32_MAX; x++)
    for (uint32_t j = 0; j < b->ncls; j++)
      if (b->scls[j] == ca[x]) return 0.7;
  return 0;
}

static double plain_similarity(const px__qbag *a, const px__qbag *b) {
  if (!a->n || !b->n) return 0;
  double sa = 0, wa = 0, sb = 0, wb = 0;
  uint32_t ea = 0, eb = 0, ma = 0, mb = 0;
  for (uint32_t i = 0; i < a->n; i++) {
    sa += 1.0 * plain_match(a, i, b);
    ea += plain_match(a, i, b) == 1.0;
    ma += plain_match(a, i, b) > 0;
    wa += 1.0;
  }
  for (uint32_t j = 0; j < b->n; j++) {
    sb += 1.0 * plain_match(b, j, a);
    eb += plain_match(b, j, a) == 1.0;
    mb += plain_match(b, j, a) > 0;
    wb += 1.0;
  }
  /* the smaller bag of two words met in both (the smaller count of two
   * such bags) */
  uint32_t met = a->n < b->n ? ma : b->n < a->n ? mb : (ma < mb ? ma : mb);
  if ((a->n < b->n ? a->n : b->n) == 2 && met < 2) return 0;
  double dice = (sa + sb) / (wa + wb);
  const uint32_t small = a->n < b->n ? a->n : b->n;
  double cont = a->n <= b->n ? sa / wa : sb / wb;
  if (small < 3) cont *= small == 1 ? 0.4 : 0.75;
  /* containment only with two words (one of a one-word bag) met by stem */
  if ((a->n <= b->n ? ea : eb) < (small < 2 ? small : 2)) cont = 0;
  return dice > cont ? dice : cont;
}

static void test_signature_test_is_exact(void **state) {
  (void)state;
  px__textan *ta = NULL;
  assert_int_equal(px__textan_new(&ta), PX_OK);
  px__arena ar;
  px__arena_init(&ar, 1 << 14);
  px__qbag bags[NQ];
  for (size_t i = 0; i < NQ; i++)
    assert_int_equal(px__qbag_make(ta, k_quotes[i], strlen(k_quotes[i]), &ar, &bags[i]), PX_OK);
  size_t synonyms = 0;
  for (size_t i = 0; i < NQ; i++)
    for (size_t j = 0; j < NQ; j++) {
      double s = px__qbag_similarity(&bags[i], &bags[j], NULL, NULL);
      assert_true(s == plain_similarity(&bags[i], &bags[j]));
      assert_true(px__qbag_bound(&bags[i], &bags[j]) >= s - 1e-9);
      for (uint32_t w = 0; w < bags[i].n && i != j; w++) synonyms += plain_match(&bags[i], w, &bags[j]) == 0.7;
    }
  assert_true(synonyms > 0); /* some words matched by a synonym class */
  px__arena_release(&ar);
  px__textan_free(ta);
}

/* With fewer than two dozen quotes every earlier one is measured: the
 * remarks and the mean similarity each quote joined with are those
 * remark_ref.h computes with px_quote_similarity (bags made alone).  The
 * one short rendering may leave its remark afterwards: not checked. */
static void test_grouping_bags_as_alone(void **state) {
  (void)state;
  px_quote_groups *g = NULL;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  for (size_t i = 0; i < NQ; i++)
    assert_int_equal(px_quote_groups_add_text(g, "Jane Roe", 8, k_quotes[i], strlen(k_quotes[i]),
                                              PX_QUOTE_DIRECT, (int64_t)i),
                     PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  assert_int_equal(px_quote_groups_items(g), NQ);
  size_t spk[NQ] = {0}, lead[NQ];
  double sim[NQ];
  remark_ref(g, k_quotes, spk, NQ, NQ, lead, sim);
  size_t joined = 0;
  px_quote_item it[NQ];
  for (size_t i = 0; i < NQ; i++) assert_int_equal(px_quote_groups_item(g, i, &it[i]), PX_OK);
  for (size_t i = 0; i < NQ; i++) {
    if (px__quote_words(k_quotes[i], strlen(k_quotes[i])) < PX__VERBATIM_MIN_WORDS) continue;
    assert_true(it[i].similarity == sim[i]);
    assert_int_equal(it[i].remark, it[lead[i]].remark);
    joined += lead[i] != i;
  }
  assert_true(joined >= 3);
  px_quote_groups_free(g);
}

/* A stem cache of 16 slots evicts all the time and stems the same. */
static void test_small_stem_cache(void **state) {
  (void)state;
  px__textan *big = NULL, *small = NULL;
  assert_int_equal(px__textan_new(&big), PX_OK);
  assert_int_equal(px__textan_new_cache(&small, 4), PX_OK);
  px__textan *bad = (px__textan *)1;
  assert_int_equal(px__textan_new_cache(&bad, 3), PX_EINVAL);
  assert_null(bad);
  assert_int_equal(px__textan_new_cache(&bad, 18), PX_EINVAL);
  px__buf text;
  px__buf_init(&text, 0);
  for (int r = 0; r < 3; r++)
    for (size_t i = 0; i < NQ; i++) px__buf_printf(&text, "%s ", k_quotes[i]);
  assert_non_null(text.ptr);
  px__arena ar;
  px__arena_init(&ar, 1 << 14);
  px__text a, b;
  assert_int_equal(px__text_analyze(big, text.ptr, text.len, &ar, &a), PX_OK);
  assert_int_equal(px__text_analyze(small, text.ptr, text.len, &ar, &b), PX_OK);
  assert_true(a.ntok > 300);
  assert_int_equal(a.ntok, b.ntok);
  for (size_t i = 0; i < a.ntok; i++) {
    assert_int_equal(a.tok[i].start, b.tok[i].start);
    assert_int_equal(a.tok[i].kind, b.tok[i].kind);
    assert_int_equal(a.tok[i].flags, b.tok[i].flags);
    assert_true(a.tok[i].fold == b.tok[i].fold);
    assert_true(a.tok[i].stem == b.tok[i].stem);
  }
  px__arena_release(&ar);
  px__buf_release(&text);
  px__textan_free(big);
  px__textan_free(small);
}

/* Renderings of one remark are published within two weeks of its first;
 * further apart, only a near-verbatim copy joins it (a remark quoted again
 * years later), not a paraphrase on the same subject. */
static size_t remarks_of(const char *a, int64_t ta, const char *b, int kb, int64_t tb, int known,
                         size_t *rb) {
  px_quote_groups *g = NULL;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  assert_int_equal(px_quote_groups_set_time(g, ta, known), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Ada Wilson", 10, a, strlen(a), PX_QUOTE_DIRECT, 0), PX_OK);
  assert_int_equal(px_quote_groups_set_time(g, tb, known), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Ada Wilson", 10, b, strlen(b), kb, 1), PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  px_quote_item x, y;
  assert_int_equal(px_quote_groups_item(g, 0, &x), PX_OK);
  assert_int_equal(px_quote_groups_item(g, 1, &y), PX_OK);
  *rb = y.remark;
  px_quote_groups_free(g);
  return x.remark;
}

static size_t remark_of_pair(const char *a, int64_t ta, const char *b, int64_t tb, int known, size_t *rb) {
  return remarks_of(a, ta, b, PX_QUOTE_DIRECT, tb, known, rb);
}

static void test_remark_time_window(void **state) {
  (void)state;
  /* similarity 0.71: a paraphrase, not a copy */
  const char *a = "We will win a great victory in the just fight to punish evil groups.",
             *b = "They will emerge victorious in the fight to punish the evil forces.";
  const int64_t t0 = 1694563200, day = 86400;
  size_t r1, r2 = 0;
  /* the same week, and undated: one remark */
  r1 = remark_of_pair(a, t0, b, t0 + 3 * day, 1, &r2);
  assert_int_equal(r1, r2);
  r1 = remark_of_pair(a, t0, b, t0 + 700 * day, 0, &r2);
  assert_int_equal(r1, r2);
  /* two years apart: a paraphrase is another remark, a copy is the same */
  r1 = remark_of_pair(a, t0, b, t0 + 700 * day, 1, &r2);
  assert_int_not_equal(r1, r2);
  r1 = remark_of_pair(a, t0, a, t0 + 700 * day, 1, &r2);
  assert_int_equal(r1, r2);
  assert_int_equal(px_quote_groups_set_time(NULL, 0, 1), PX_EINVAL);
}

/* One shared word is no remark: a sentence with one word of content does
 * not join a longer remark that holds that word ("I have an offer out"
 * beside a sentence on offers of care); its own copy still meets it. */
static void test_one_word_sentence(void **state) {
  (void)state;
  const char *a = "Every ferry terminal now offers same-day tickets, something we never had before.",
             *b = "I have an offer out.";
  const int64_t t0 = 1694563200;
  size_t r1, r2 = 0;
  r1 = remark_of_pair(a, t0, b, t0 + 3600, 1, &r2);
  assert_int_not_equal(r1, r2);
  r1 = remark_of_pair(b, t0, b, t0 + 3600, 1, &r2);
  assert_int_equal(r1, r2);
}

/* A word and a synonym in common are no remark: a remark on prices and
 * one on planting that share "much" and think / believe.  Two words of the
 * smaller met as they stand are (the paraphrase above). */
static void test_word_and_synonym(void **state) {
  (void)state;
  const char *a = "Much of it has to do with the weather. Much of it has to do with timing, I think "
                  "the price is at $25 a bushel.",
             *b = "Not everybody believes we should do so much planting.";
  const int64_t t0 = 1694563200;
  size_t r1, r2 = 0;
  r1 = remark_of_pair(a, t0, b, t0 + 3600, 1, &r2);
  assert_int_not_equal(r1, r2);
}

/* Two fragments of two words of content each meet as one remark only in
 * both words ("strong reply" is a "strong response" by a synonym), not in
 * one ("strong response" beside "shouldered its responsibilities", a dice
 * of 0.5 on "response" alone). */
static void test_two_word_fragments(void **state) {
  (void)state;
  size_t r1, r2 = 0;
  r1 = remarks_of("\"strong response\"", 0, "\"shouldered its responsibilities,\"", PX_QUOTE_PARTIAL, 0, 0,
                  &r2);
  assert_int_not_equal(r1, r2);
  r1 = remarks_of("\"defamatory and false allegation\"", 0, "\"completely false\"", PX_QUOTE_PARTIAL, 0, 0,
                  &r2);
  assert_int_not_equal(r1, r2);
  r1 = remarks_of("\"strong response\"", 0, "\"a strong response\"", PX_QUOTE_PARTIAL, 0, 0, &r2);
  assert_int_equal(r1, r2);
}

/* A fragment with one word of content ("in a little while") is not a
 * rendering of every quote that holds the word; as it stands in another
 * quote it is. */
static size_t fragment_remark(const char *a, const char *frag, size_t *rb) {
  return remarks_of(a, 0, frag, PX_QUOTE_PARTIAL, 0, 0, rb);
}

static void test_one_content_word_fragment(void **state) {
  (void)state;
  const char *a = "I don't think he needed to go there. I think he needed to get a little knowledge.";
  size_t r1, r2 = 0;
  r1 = fragment_remark(a, "in a little while.", &r2);
  assert_int_not_equal(r1, r2);
  r1 = fragment_remark(a, "get a little knowledge", &r2);
  assert_int_equal(r1, r2);
  r1 = fragment_remark("They held the whole of Europe to ransom, and we let them.", "to ransom, and", &r2);
  assert_int_equal(r1, r2);
  /* the word inflected, above the threshold by its weight: still no
   * rendering ("all options" beside "... is not an option") */
  r1 = fragment_remark("Business as usual is not an option,", "all options", &r2);
  assert_int_not_equal(r1, r2);
  r1 = fragment_remark("All options are on the table at the harbour.", "all options", &r2);
  assert_int_equal(r1, r2);
}

/* The remarks of quotes of one speaker, in one group (kinds: 'd' direct,
 * 'p' partial). */
static void remarks_of_list(const char *const *q, const char *kinds, size_t n, size_t *rem) {
  px_quote_groups *g = NULL;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  for (size_t i = 0; i < n; i++)
    assert_int_equal(px_quote_groups_add_text(g, "Ada Wilson", 10, q[i], strlen(q[i]),
                                              kinds[i] == 'p' ? PX_QUOTE_PARTIAL : PX_QUOTE_DIRECT, (int64_t)i),
                     PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  for (size_t i = 0; i < n; i++) {
    px_quote_item x;
    assert_int_equal(px_quote_groups_item(g, i, &x), PX_OK);
    rem[i] = x.remark;
  }
  assert_true(px_quote_groups_remarks(g) >= 1);
  px_quote_groups_free(g);
}

static void test_short_phrase_of_a_longer_quote(void **state) {
  (void)state;
  /* two words against forty, and none against the remark's other
   * rendering: too few in common for the remark's mean to take them */
  const char *q[] = {"I will always be standing with our neighbours, whatever comes, and I say to every family "
                     "here that the country is now engaged in a sacred struggle to protect its sovereign rights "
                     "and its security, and we express our full support for every measure the government takes.",
                     "The harbour will open again in the spring once the new cranes arrive from the yard.",
                     "We will always be standing with our neighbours", "sacred struggle"};
  size_t r[4];
  remarks_of_list(q, "ddpp", 4, r);
  assert_int_not_equal(r[0], r[1]);
  assert_int_equal(r[2], r[0]);
  assert_int_equal(r[3], r[0]); /* held word for word by the first quote only */
  /* the words in another order: a phrase of its own */
  const char *apart[] = {q[0], q[1], q[2], "struggle sacred"};
  remarks_of_list(apart, "ddpp", 4, r);
  assert_int_not_equal(r[3], r[0]);
  assert_int_not_equal(r[3], r[1]);
  /* held by two remarks: it belongs to neither */
  const char *two[] = {q[0], "Keeping the harbour open is a sacred struggle for this coast, and the cranes arrive "
                             "in May.",
                       q[2], "the cranes arrive in May", "sacred struggle"};
  size_t r2[5];
  remarks_of_list(two, "ddppp", 5, r2);
  assert_int_not_equal(r2[0], r2[1]);
  assert_int_equal(r2[3], r2[1]);
  assert_int_not_equal(r2[4], r2[0]);
  assert_int_not_equal(r2[4], r2[1]);
}

/* An editor's words in brackets are not the speaker's: "When I decided
 * to just do it [close the pier]" shares only them with a remark on the
 * pier; the same words with another insertion are one remark. */
static void test_brackets_are_the_editors(void **state) {
  (void)state;
  const char *q[] = {"The board has said the worst things about the old pier, including that it should be closed, "
                     "but now they are so sad!",
                     "When I decided to just do it [close the old pier], I said to myself that the board was "
                     "making excuses for the ferry it lost.",
                     "When I decided to just do it [shut the pier], I said to myself that the board was "
                     "making excuses for the ferry it lost."};
  size_t r[3];
  remarks_of_list(q, "ddd", 3, r);
  assert_int_not_equal(r[0], r[1]);
  assert_int_equal(r[1], r[2]);
}

/* Two direct quotes of one article a paragraph apart are two remarks of
 * one speech, though another outlet's quote shares words with both; two
 * pieces side by side ("...," he said. "...") can be one remark. */
static void remarks_placed(const char *const *q, const int64_t *art, const size_t *at, size_t n, size_t *rem) {
  px_quote_groups *g = NULL;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  for (size_t i = 0; i < n; i++) {
    assert_int_equal(px_quote_groups_set_place(g, art[i], at[i], at[i] + strlen(q[i])), PX_OK);
    assert_int_equal(px_quote_groups_add_text(g, "Ada Wilson", 10, q[i], strlen(q[i]), PX_QUOTE_DIRECT, (int64_t)i),
                     PX_OK);
  }
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  for (size_t i = 0; i < n; i++) {
    px_quote_item x;
    assert_int_equal(px_quote_groups_item(g, i, &x), PX_OK);
    rem[i] = x.remark;
  }
  px_quote_groups_free(g);
}

static void test_quotes_apart_in_one_article(void **state) {
  (void)state;
  const char *q[] = {"These are truly dishonest people. They are bad people and they do not like our harbour.",
                     "I did not say I love you because you sail, I love all the people of our harbour.",
                     "These are dishonest people, they do not like our harbour and I love all the people."};
  const int64_t art[] = {1, 1, 2};
  size_t r[3];
  const size_t far[] = {600, 100, 50};
  remarks_placed(q, art, far, 3, r);
  assert_int_not_equal(r[0], r[1]);
  /* side by side: 100 + its length + a short attribution */
  const size_t near[] = {100 + strlen(q[1]) + 12, 100, 50};
  remarks_placed(q, art, near, 3, r);
  assert_int_equal(r[0], r[1]);
  assert_int_equal(px_quote_groups_set_place(NULL, 0, 0, 0), PX_EINVAL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_signature_test_is_exact),
      cmocka_unit_test(test_grouping_bags_as_alone),
      cmocka_unit_test(test_small_stem_cache),
      cmocka_unit_test(test_remark_time_window),
      cmocka_unit_test(test_one_word_sentence),
      cmocka_unit_test(test_word_and_synonym),
      cmocka_unit_test(test_two_word_fragments),
      cmocka_unit_test(test_one_content_word_fragment),
      cmocka_unit_test(test_short_phrase_of_a_longer_quote),
      cmocka_unit_test(test_brackets_are_the_editors),
      cmocka_unit_test(test_quotes_apart_in_one_article),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
