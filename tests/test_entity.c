/* test_entity.c - named entities: detection, types, merging, keys; the
 * px_analyzer / px_doc API.  Every article here is invented for the test. */
#include "px_test.h"

#include "entity.h"

typedef struct fx {
  px_ctx *ctx;
  px_analyzer *an;
} fx;

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  if (!f || px_ctx_new(&f->ctx) || px_analyzer_new(f->ctx, &f->an)) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  px_analyzer_free(f->an);
  px_ctx_free(f->ctx);
  free(f);
  return 0;
}

static px_doc *analyze(void **state, const char *text) {
  fx *f = *state;
  px_doc *d = NULL;
  assert_int_equal(px_analyze_text(f->an, text, strlen(text), &d), PX_OK);
  assert_non_null(d);
  return d;
}

/* Index of the entity with this key, or -1. */
static long find_key(const px_doc *d, const char *key) {
  for (size_t i = 0; i < px_doc_entity_count(d); i++) {
    px_str k;
    assert_int_equal(px_doc_entity(d, i, NULL, &k, NULL, NULL), PX_OK);
    if (k.len == strlen(key) && memcmp(k.ptr, key, k.len) == 0) return (long)i;
  }
  return -1;
}

/* Index of the entity one of whose mentions reads exactly text, or -1. */
static long find_mention(const px_doc *d, const char *text) {
  px_str body = px_doc_body(d);
  for (size_t i = 0; i < px_doc_entity_count(d); i++) {
    size_t nm;
    px_doc_entity(d, i, NULL, NULL, NULL, &nm);
    for (size_t j = 0; j < nm; j++) {
      size_t s, e;
      px_doc_mention(d, i, j, &s, &e, NULL);
      if (e - s == strlen(text) && memcmp(body.ptr + s, text, e - s) == 0) return (long)i;
    }
  }
  return -1;
}

static px_entity_type type_of(const px_doc *d, long i) {
  px_entity_type t = 0;
  assert_true(i >= 0);
  px_doc_entity(d, (size_t)i, NULL, NULL, &t, NULL);
  return t;
}

static size_t mentions_of(const px_doc *d, long i) {
  size_t n = 0;
  assert_true(i >= 0);
  px_doc_entity(d, (size_t)i, NULL, NULL, NULL, &n);
  return n;
}

/* Does entity i have a mention starting at the first occurrence of needle
 * at or after byte from? */
static bool mention_at(const px_doc *d, long i, const char *needle, size_t from,
                       px_mention_kind *kind) {
  px_str body = px_doc_body(d);
  const char *p = strstr(body.ptr + from, needle);
  if (!p) return false;
  size_t off = (size_t)(p - body.ptr);
  size_t nm = mentions_of(d, i);
  for (size_t j = 0; j < nm; j++) {
    size_t s, e;
    px_doc_mention(d, (size_t)i, j, &s, &e, kind);
    if (s == off) return true;
  }
  return false;
}

static const char k_putin[] =
    "MOSCOW (Reuters) - Russian President Vladimir Putin said on Tuesday that the "
    "sanctions would fail.\n\n"
    "Putin's spokesman, Dmitry Peskov, told reporters the Kremlin would respond in kind. "
    "\"We will not accept this,\" Mr. Putin said at a meeting in Sochi.\n\n"
    "The Russian president also spoke with officials of the United Nations, who asked "
    "Putin to allow inspectors into the region.";

/* A gallery's caption run into a name's repeat: "Kamala Harris Harris
 * graduates" names Kamala Harris, then Harris; "Sirhan Sirhan" is one. */
static void test_name_repeat_split(void **state) {
  px_doc *d = analyze(state, "Gallery\n\nPhotos: Former candidate Mira Lundqvist Lundqvist graduates from "
                             "law school in 1989.\n\nThe court heard from Sirhan Sirhan on Monday.");
  assert_true(find_mention(d, "Mira Lundqvist") >= 0);
  assert_true(find_mention(d, "Mira Lundqvist Lundqvist") < 0);
  assert_true(find_mention(d, "Sirhan Sirhan") >= 0);
  px_doc_free(d);
}

static void test_titles_possessive_role(void **state) {
  px_doc *d = analyze(state, k_putin);
  long p = find_key(d, "vladimir putin");
  assert_true(p >= 0);
  assert_int_equal(type_of(d, p), PX_ENT_PERSON);
  px_str name;
  px_doc_entity(d, (size_t)p, &name, NULL, NULL, NULL);
  assert_int_equal(name.len, strlen("Vladimir Putin"));
  assert_memory_equal(name.ptr, "Vladimir Putin", name.len);
  /* "Putin's" (possessive dropped), "Mr. Putin", "Putin", "The Russian president" */
  assert_int_equal(find_mention(d, "Putin"), p);
  const char *body = px_doc_body(d).ptr;
  size_t second = (size_t)(strstr(body, "Putin's") - body);
  px_mention_kind k;
  assert_true(mention_at(d, p, "Putin's", 0, &k));
  assert_int_equal(k, PX_MENTION_PARTIAL);
  assert_true(mention_at(d, p, "Putin said at", second, NULL));
  assert_true(mention_at(d, p, "Russian president also", 0, &k));
  assert_int_equal(k, PX_MENTION_ROLE);
  assert_true(mention_at(d, p, "Putin to allow", 0, NULL));
  assert_true(mentions_of(d, p) >= 5);
  /* the possessive is not inside the span */
  for (size_t j = 0; j < mentions_of(d, p); j++) {
    size_t s, e;
    px_doc_mention(d, (size_t)p, j, &s, &e, NULL);
    assert_true(e <= strlen(body));
    assert_true(e - s < 2 || memcmp(body + e - 2, "'s", 2) != 0);
  }
  long peskov = find_key(d, "dmitry peskov");
  assert_true(peskov >= 0);
  assert_int_equal(type_of(d, peskov), PX_ENT_PERSON);
  assert_int_equal(type_of(d, find_key(d, "kremlin")), PX_ENT_ORG);
  assert_int_equal(type_of(d, find_key(d, "united nations")), PX_ENT_ORG);
  assert_int_equal(type_of(d, find_key(d, "reuters")), PX_ENT_ORG);
  assert_int_equal(type_of(d, find_key(d, "moscow")), PX_ENT_PLACE);
  assert_int_equal(type_of(d, find_key(d, "sochi")), PX_ENT_PLACE);
  /* "Russian" alone and "We" are no entities */
  assert_int_equal(find_key(d, "russian"), -1);
  assert_int_equal(find_key(d, "we"), -1);
  /* the dateline */
  px_str place, agency;
  assert_int_equal(px_doc_dateline(d, &place, &agency), PX_OK);
  assert_int_equal(place.len, 6);
  assert_memory_equal(place.ptr, "MOSCOW", 6);
  assert_int_equal(agency.len, 7);
  assert_memory_equal(agency.ptr, "Reuters", 7);
  px_doc_free(d);
}

static void test_leader_role_and_hyphen_keys(void **state) {
  px_doc *d = analyze(state,
                      "SEOUL - North Korean leader Kim Jong-un oversaw another missile launch on "
                      "Friday, state media said.\n\n"
                      "Analysts in Seoul said the North Korean leader wanted attention before "
                      "talks with Washington. Kim has not left the country this year.");
  long k = find_key(d, "kim jong un");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_PERSON);
  px_mention_kind kind;
  assert_true(mention_at(d, k, "North Korean leader wanted", 0, &kind));
  assert_int_equal(kind, PX_MENTION_ROLE);
  assert_true(mention_at(d, k, "Kim has", 0, &kind));
  assert_int_equal(kind, PX_MENTION_PARTIAL);
  assert_int_equal(mentions_of(d, k), 3);
  assert_int_equal(find_key(d, "north korean"), -1); /* a demonym, not a name */
  assert_int_equal(find_key(d, "analysts"), -1);      /* sentence-initial common word */
  px_doc_free(d);

  /* every spelling of the name gives one key */
  const char *spellings[] = {"Kim Jong Un", "Kim Jong-Un", "KIM JONG-UN", "Kim Jong-un"};
  for (size_t i = 0; i < 4; i++) {
    char text[256];
    snprintf(text, sizeof text, "Talks stalled after %s refused to meet the envoy in Hanoi.",
             spellings[i]);
    d = analyze(state, text);
    long e = find_key(d, "kim jong un");
    if (e < 0) fail_msg("no key 'kim jong un' for '%s'", spellings[i]);
    px_doc_free(d);
  }
}

/* A given name of two syllables keeps its second even when that is a
 * word ("Ki-moon", "Jae-in"); "Kremlin-backed" and "Same-sex" still end
 * at the hyphen. */
static void test_two_syllable_given_name(void **state) {
  px_doc *d = analyze(state,
                      "SEOUL - Former envoy Park Ji-moon met President Seo Hye-in on Friday, and "
                      "the Kremlin-backed group they criticized did not reply.\n\n"
                      "Justice Harlan Same-sex marriage rulings were cited.");
  long k = find_key(d, "park ji moon");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_PERSON);
  assert_true(find_key(d, "seo hye in") >= 0);
  assert_int_equal(find_key(d, "park ji"), -1);
  assert_true(find_key(d, "kremlin") >= 0);
  assert_int_equal(find_key(d, "kremlin backed"), -1);
  assert_int_equal(find_key(d, "harlan same sex"), -1);
  px_doc_free(d);
  /* opening a sentence, though the family name is a word ("ban") */
  d = analyze(state, "The talks in the capital ended on Friday without a date for the next round.\n\n"
                     "Ban Ho-jin said the two sides would meet again.");
  assert_true(find_key(d, "ban ho jin") >= 0);
  assert_int_equal(find_key(d, "ho jin"), -1);
  px_doc_free(d);
}

/* A sentence of names and small words that ends in a full stop is no
 * heading in title case: its names are read whole. */
static void test_title_case_sentence(void **state) {
  px_doc *d = analyze(state, "The talks in the capital ended on Friday without a date for the next round.\n\n"
                             "Ingrid Halvorsen was in Oslo. Marta Lindqvist is in Bergen.");
  long k = find_key(d, "ingrid halvorsen");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_PERSON);
  assert_true(find_key(d, "marta lindqvist") >= 0);
  assert_int_equal(find_key(d, "ingrid"), -1);
  px_doc_free(d);
  /* a heading in title case still reads only what is known */
  d = analyze(state, "Council Votes To Close The Old Harbor Bridge\n\n"
                     "The council voted on Monday to close the bridge for repairs.");
  assert_int_equal(find_key(d, "council votes"), -1);
  px_doc_free(d);
  /* ... and takes the longest known name in it, not its words one by one */
  d = analyze(state, "Minister Meets Leaders In North Africa\n\n"
                     "The minister met leaders in Tunis on Monday.");
  assert_true(find_key(d, "north africa") >= 0);
  px_doc_free(d);
  /* a stretch of a sentence in title case (an ad's text, quoted) is read
   * the same way: its capitals make no name */
  d = analyze(state, "The campaign released an ad on Friday. It closes with ominous text: "
                     "\xE2\x80\x9CHow Can President Obama Fix Our Economy... if He Doesn't "
                     "Understand It's Broken?\xE2\x80\x9D\n\nObama said the economy was growing.");
  for (size_t i = 0; i < px_doc_entity_count(d); i++) {
    px_str key;
    assert_int_equal(px_doc_entity(d, i, NULL, &key, NULL, NULL), PX_OK);
    if (memmem(key.ptr, key.len, "econom", 6) || memmem(key.ptr, key.len, "fix", 3))
      fail_msg("a name from title case: %.*s", (int)key.len, key.ptr);
  }
  assert_true(find_mention(d, "Obama") >= 0);
  px_doc_free(d);
  /* six words or more with a verb in capitals are title case too */
  d = analyze(state, "The column ran on Sunday. Ted Kennedy Is Still Battling Mitt Romney, its "
                     "headline said.\n\nMitt Romney did not answer.");
  for (size_t i = 0; i < px_doc_entity_count(d); i++) {
    px_str key;
    assert_int_equal(px_doc_entity(d, i, NULL, &key, NULL, NULL), PX_OK);
    if (memmem(key.ptr, key.len, "battling", 8))
      fail_msg("a name from title case: %.*s", (int)key.len, key.ptr);
  }
  assert_true(find_key(d, "mitt romney") >= 0);
  px_doc_free(d);
  /* names that begin with "The" are no title case */
  d = analyze(state, "But The Washington Post's The Fact Checker takes issue with the claim, "
                     "its editors said.");
  assert_true(find_key(d, "washington post") >= 0);
  px_doc_free(d);
}

static void test_variants_and_diacritics(void **state) {
  px_doc *d = analyze(state, "Shelling hit Kiev overnight, officials in Zürich said.");
  long kyiv = find_key(d, "kyiv");
  assert_true(kyiv >= 0);
  assert_int_equal(type_of(d, kyiv), PX_ENT_PLACE);
  assert_true(find_key(d, "zurich") >= 0);
  px_doc_free(d);
  d = analyze(state, "Shelling hit Kyiv overnight, officials in Zurich said.");
  assert_true(find_key(d, "kyiv") >= 0);
  assert_true(find_key(d, "zurich") >= 0);
  px_doc_free(d);
  d = analyze(state, "Turkish President Recep Tayyip Erdoğan met Muammar Gaddafi's son. "
                     "Later Moammar Gadhafi's allies objected.");
  assert_true(find_key(d, "recep tayyip erdogan") >= 0);
  long g = find_key(d, "muammar gaddafi");
  assert_true(g >= 0);
  assert_true(mention_at(d, g, "Moammar Gadhafi", 0, NULL));
  px_doc_free(d);

  /* the key function itself */
  fx *f = *state;
  PX__UNUSED(f);
  px__entan *ea;
  assert_int_equal(px__entan_new(&ea), PX_OK);
  px__arena ar;
  px__arena_init(&ar, 0);
  char *key;
  size_t kn;
  assert_int_equal(px__entity_key(ea, "Kim  Jong-Un", 12, &ar, &key, &kn), PX_OK);
  assert_string_equal(key, "kim jong un");
  assert_int_equal(px__entity_key(ea, "U.S.", 4, &ar, &key, &kn), PX_OK);
  assert_string_equal(key, "united states");
  assert_int_equal(px__entity_key(ea, "Kiev Oblast", 11, &ar, &key, &kn), PX_OK);
  assert_string_equal(key, "kyiv oblast");
  assert_int_equal(px__entity_key(ea, "Peking", 6, &ar, &key, &kn), PX_OK);
  assert_string_equal(key, "beijing");
  px__arena_release(&ar);
  px__entan_free(ea);
}

static void test_sentence_initial_words(void **state) {
  px_doc *d = analyze(state,
                      "The talks ended late. However, nothing was signed. But the mood was "
                      "calm.\n\nOfficials said more meetings were planned. Meanwhile, prices rose. "
                      "Yesterday the market closed early. According to the minutes, nobody "
                      "objected. \"This is fine,\" one delegate said. Asked about it, she "
                      "declined to comment.\n\nPlus, the fees went up. Alas, few noticed. "
                      "Thankfully, the port stayed open. Using older figures, the clerks found a "
                      "gap. Lawmakers met again. Anybody could come.");
  for (size_t i = 0; i < px_doc_entity_count(d); i++) {
    px_str name;
    px_doc_entity(d, i, &name, NULL, NULL, NULL);
    fail_msg("unexpected entity '%.*s'", (int)name.len, name.ptr);
  }
  px_doc_free(d);
}

static void test_organizations(void **state) {
  px_doc *d = analyze(state,
                      "Shares of Apple Inc. rose after the Federal Widget Commission approved "
                      "the deal. The FWC said its vote was unanimous. Officials at the Pentagon "
                      "and the European Union welcomed it, and Hartwell University economists "
                      "agreed.");
  long apple = find_mention(d, "Apple Inc");
  assert_int_equal(apple, find_key(d, "apple"));
  assert_true(apple >= 0);
  assert_int_equal(type_of(d, apple), PX_ENT_ORG);
  long fwc = find_key(d, "federal widget commission");
  assert_true(fwc >= 0);
  assert_int_equal(type_of(d, fwc), PX_ENT_ORG);
  px_mention_kind kind;
  assert_true(mention_at(d, fwc, "FWC", 0, &kind));
  assert_int_equal(kind, PX_MENTION_ACRONYM);
  assert_int_equal(type_of(d, find_key(d, "pentagon")), PX_ENT_ORG);
  assert_int_equal(type_of(d, find_key(d, "european union")), PX_ENT_ORG);
  assert_int_equal(type_of(d, find_key(d, "hartwell university")), PX_ENT_ORG);
  px_doc_free(d);
  /* "on" inside an organization's name, after its head */
  d = analyze(state, "He notes that the Commission on Public Hearings announced a delay.");
  long cph = find_key(d, "commission on public hearings");
  assert_true(cph >= 0);
  assert_int_not_equal(type_of(d, cph), PX_ENT_PERSON);
  assert_true(find_key(d, "public hearings") < 0);
  px_doc_free(d);
}

static void test_appositive_role(void **state) {
  px_doc *d = analyze(state,
                      "Olaf Brenner, the German chancellor, arrived in Paris on Monday. "
                      "Reporters asked whether the German chancellor would stay. Brenner "
                      "said he would.");
  long b = find_key(d, "olaf brenner");
  assert_true(b >= 0);
  assert_int_equal(type_of(d, b), PX_ENT_PERSON);
  px_mention_kind kind;
  assert_true(mention_at(d, b, "German chancellor, arrived", 0, &kind));
  assert_int_equal(kind, PX_MENTION_ROLE);
  assert_true(mention_at(d, b, "German chancellor would", 0, &kind));
  assert_int_equal(kind, PX_MENTION_ROLE);
  assert_true(mention_at(d, b, "Brenner said", 0, NULL));
  assert_int_equal(mentions_of(d, b), 4);
  assert_int_equal(type_of(d, find_key(d, "paris")), PX_ENT_PLACE);
  long where = px_doc_entity_at(d, (size_t)(strstr(px_doc_body(d).ptr, "Brenner said") -
                                            px_doc_body(d).ptr));
  assert_int_equal(where, b);
  px_doc_free(d);
}

/* "Speaker of the House Nancy Pelosi": the body a title is of ends the
 * title, not begins the name. */
static void test_title_of_the_body(void **state) {
  px_doc *d = analyze(state, "Speaker of the House Anna Lindqvist sent a letter on Monday. "
                             "Chairman of the Board Thomas Berg replied the next day.");
  assert_true(find_key(d, "anna lindqvist") >= 0);
  assert_int_equal(type_of(d, find_key(d, "anna lindqvist")), PX_ENT_PERSON);
  assert_true(find_key(d, "house anna lindqvist") < 0);
  assert_true(find_key(d, "thomas berg") >= 0);
  assert_true(find_key(d, "board thomas berg") < 0);
  px_doc_free(d);
}

/* "Rep. Al Varga": a capitalized particle after a title is a first name,
 * not the "of" of a body the title is of; and "Al" is no place (WordNet
 * files it as Alabama's postal code). */
static void test_title_before_al(void **state) {
  px_doc *d = analyze(state, "Lawmakers met in the capital on Monday to debate the harbour bill.\n\n"
                             "Rep. Al Varga filed the articles, and former Senator Al Lindqvist "
                             "spoke against them. Varga said the vote would come soon.");
  const char *const people[] = {"al varga", "al lindqvist"};
  for (size_t k = 0; k < 2; k++) {
    long p = find_key(d, people[k]);
    assert_true(p >= 0);
    assert_int_equal(type_of(d, p), PX_ENT_PERSON);
  }
  assert_true(find_key(d, "varga") < 0);
  px_doc_free(d);
}

/* A title written with hyphens is no part of the name after it
 * ("Chief-of-Staff Tom Varga", "Harbour Times Editor-in-Chief Eva
 * Lindqvist"). */
static void test_hyphenated_title(void **state) {
  px_doc *d = analyze(state, "Lawmakers met in the capital on Monday to debate the harbour bill.\n\n"
                             "Chief-of-Staff Tom Varga said the vote would come soon, and Harbour Times "
                             "Editor-in-Chief Eva Lindqvist wrote that it would not.");
  const char *const people[] = {"tom varga", "eva lindqvist"};
  for (size_t k = 0; k < 2; k++) {
    long p = find_key(d, people[k]);
    assert_true(p >= 0);
    assert_int_equal(type_of(d, p), PX_ENT_PERSON);
  }
  assert_true(find_key(d, "chief-of-staff tom varga") < 0);
  px_doc_free(d);
}

/* A family name with an office's title before it, ahead of the full
 * names the text gives ("President Obama spoke ..." and later, in a
 * list of links, "Michelle Obama" and "Barack Obama"), is the person of
 * that name the lists know. */
static void test_titled_name_before_full_names(void **state) {
  px_doc *d = analyze(state, "Lawmakers met in the capital on Monday to debate the harbour bill.\n\n"
                             "President Obama spoke to reporters about the bill on Monday.\n\n"
                             "Related: Michelle Obama visits a school in Ohio. Barack Obama and the "
                             "harbour: a timeline.");
  long barack = find_key(d, "barack obama");
  assert_true(barack >= 0);
  px_str body = px_doc_body(d);
  const char *at = memmem(body.ptr, body.len, "President Obama", 15);
  assert_non_null(at);
  assert_int_equal(px_doc_entity_at(d, (size_t)(at - body.ptr) + 10), barack);
  px_doc_free(d);
}

/* A state and a party's member before a name the lists do not know
 * ("Maine Democrat Zak Varga"), and a party by its members before a name
 * ("the senior Tories Oliver Lindqvist"): the name alone is the person; an
 * organization's name with a demonym in it stays whole. */
static void test_party_before_name(void **state) {
  px_doc *d = analyze(state, "Lawmakers met in the capital on Monday to debate the harbour bill.\n\n"
                             "Maine Democrat Zak Varga filed the articles, and the senior Tories "
                             "Oliver Lindqvist and Dominic Marsh spoke against them. The North "
                             "American Free Trade Agreement came up too.");
  const char *const people[] = {"zak varga", "oliver lindqvist", "dominic marsh"};
  for (size_t k = 0; k < 3; k++) {
    long p = find_key(d, people[k]);
    assert_true(p >= 0);
    assert_int_equal(type_of(d, p), PX_ENT_PERSON);
  }
  assert_true(find_key(d, "maine") >= 0);
  assert_true(find_key(d, "maine democrat zak varga") < 0);
  assert_true(find_key(d, "north american free trade agreement") >= 0);
  px_doc_free(d);
}

/* The rest of the body a title is of ("Minister of Foreign Affairs",
 * "Secretary of Health and Human Services") and an office after "and"
 * ("... and Majority Whip Steve Kallis") are no part of the name that
 * follows; an organization's name after "and" stays whole. */
static void test_title_of_a_longer_body(void **state) {
  px_doc *d = analyze(state, "Minister of Foreign Affairs Mohammad Reza Tavani met reporters on Monday. "
                             "Secretary of Health and Human Services Linda Marsh replied the next day. "
                             "House Speaker Tom Varga and Majority Whip Steve Kallis voted for it. "
                             "The owners Vestra Bulk and Northern Marine Management said the crew was safe.");
  const char *const people[] = {"muhammad reza tavani", "linda marsh", "steve kallis"};
  for (size_t k = 0; k < 3; k++) {
    long p = find_key(d, people[k]);
    assert_true(p >= 0);
    assert_int_equal(type_of(d, p), PX_ENT_PERSON);
  }
  assert_true(find_key(d, "affairs muhammad reza tavani") < 0);
  assert_true(find_key(d, "human services linda marsh") < 0);
  assert_true(find_key(d, "northern marine management") >= 0);
  assert_true(find_key(d, "marine management") < 0);
  px_doc_free(d);
}

static void test_person_heuristics(void **state) {
  px_doc *d = analyze(state,
                      "Sen. Margaret Hollis of Ohio introduced the bill, and rapper Dontae "
                      "Wexley praised it. Hollis later thanked Wexley. Secretary of State Anna "
                      "Lindqvist was not consulted; Ms. Lindqvist said so on Twitter.");
  long h = find_key(d, "margaret hollis");
  assert_true(h >= 0);
  assert_int_equal(type_of(d, h), PX_ENT_PERSON);
  assert_true(mention_at(d, h, "Hollis later", 0, NULL));
  long w = find_key(d, "dontae wexley");
  assert_true(w >= 0);
  assert_int_equal(type_of(d, w), PX_ENT_PERSON);
  assert_true(mention_at(d, w, "Wexley.", 0, NULL));
  long l = find_key(d, "anna lindqvist");
  assert_true(l >= 0);
  assert_int_equal(type_of(d, l), PX_ENT_PERSON);
  assert_int_equal(mentions_of(d, l), 2);
  assert_int_equal(type_of(d, find_key(d, "ohio")), PX_ENT_PLACE);
  assert_int_equal(find_key(d, "secretary"), -1);
  px_doc_free(d);
}

static void test_role_choice(void **state) {
  px_doc *d = analyze(state,
                      "WASHINGTON - Democratic President Barack Obama defended the bill, which "
                      "former President Bill Clinton also backed. Sen. Ted Cruz (R-Texas) "
                      "objected. Critics said the president had moved too fast, and the former "
                      "president stayed silent.");
  long o = find_key(d, "barack obama"), c = find_key(d, "bill clinton");
  assert_true(o >= 0 && c >= 0);
  px_mention_kind kind;
  assert_true(mention_at(d, o, "president had", 0, &kind));
  assert_int_equal(kind, PX_MENTION_ROLE);
  assert_true(mention_at(d, c, "former president stayed", 0, &kind));
  assert_int_equal(kind, PX_MENTION_ROLE);
  assert_int_equal(find_key(d, "r texas"), -1); /* a party-state label */
  assert_int_equal(type_of(d, find_key(d, "ted cruz")), PX_ENT_PERSON);
  px_doc_free(d);
}

static void test_news_conventions(void **state) {
  px_doc *d = analyze(state,
                      "Members of al Qaeda and Al Qaeda's allies met in Tampa, Fla., where Rep. "
                      "Dale Ostrow (R-Fla.) spoke. Hispanics and Democrats listened as the "
                      "Kentucky Republican Rand Paul objected. Later the Times reported it.");
  long q = find_key(d, "al qaeda");
  assert_true(q >= 0);
  assert_int_equal(type_of(d, q), PX_ENT_ORG);
  assert_int_equal(mentions_of(d, q), 2);
  assert_int_equal(type_of(d, find_key(d, "florida")), PX_ENT_PLACE);
  assert_int_equal(type_of(d, find_key(d, "kentucky")), PX_ENT_PLACE);
  assert_int_equal(type_of(d, find_key(d, "rand paul")), PX_ENT_PERSON);
  assert_int_equal(type_of(d, find_key(d, "times")), PX_ENT_ORG);
  assert_int_equal(find_key(d, "hispanics"), -1);
  assert_int_equal(find_key(d, "democrats"), -1);
  assert_int_equal(find_key(d, "kentucky republican"), -1);
  assert_int_equal(find_key(d, "qaeda"), -1);
  px_doc_free(d);
}

/* A family name two people share goes on with the one the text has named
 * most, not with the one named last. */
static void test_shared_family_name(void **state) {
  const char *text = "Senator Tomas Vey spoke in Dayton on Monday. Vey said the levy would pass. "
                     "Vey thanked the farmers.\n\n"
                     "His wife, Irena Vey, sat in the front row.\n\n"
                     "Vey said he would vote for the bill.";
  px_doc *d = analyze(state, text);
  long tomas = find_key(d, "tomas vey"), irena = find_key(d, "irena vey");
  assert_true(tomas >= 0 && irena >= 0 && tomas != irena);
  size_t last = (size_t)(strstr(text, "Vey said he") - text);
  assert_true(mention_at(d, tomas, "Vey said he", last, NULL));
  assert_false(mention_at(d, irena, "Vey said he", last, NULL));
  px_doc_free(d);
  /* the family name alone, used before a relative of that name is named,
   * is the person the text is about, not the relative */
  const char *t2 = "President Hallvard and his rival traded jokes at a charity dinner on Thursday.\n\n"
                   "Hallvard poked fun at himself, recalling that his first debate fell on his and "
                   "first lady Ingrid Hallvard's 20th anniversary.\n\n"
                   "\"The next debate is on foreign policy,\" Hallvard said.";
  d = analyze(state, t2);
  long ingrid = find_key(d, "ingrid hallvard"), pres = find_key(d, "hallvard");
  assert_true(ingrid >= 0 && pres >= 0 && ingrid != pres);
  assert_int_equal(mentions_of(d, ingrid), 1);
  size_t said = (size_t)(strstr(t2, "Hallvard said") - t2);
  assert_true(mention_at(d, pres, "Hallvard said", said, NULL));
  px_doc_free(d);
}

static void test_person_keys(void **state) {
  px_doc *d = analyze(state,
                      "Vice President Joseph R. Biden met Speaker John A. Boehner and former "
                      "President George W. Bush. Obama was not there.");
  assert_true(find_key(d, "joe biden") >= 0);
  assert_true(find_key(d, "john boehner") >= 0);
  assert_true(find_key(d, "george w bush") >= 0); /* the initial tells two Bushes apart */
  long o = find_key(d, "barack obama");           /* a surname the news uses alone */
  assert_true(o >= 0);
  px_str name;
  px_doc_entity(d, (size_t)o, &name, NULL, NULL, NULL);
  assert_int_equal(name.len, 5); /* the name stays as written */
  px_doc_free(d);
}

static void test_epithets_and_shouting(void **state) {
  px_doc *d = analyze(state,
                      "The president wrote that Nervous Nancy Talbert had lost. OUR COUNTRY IS "
                      "DESPERATELY NEEDED, he added, and the BOSS agreed. Talbert did not reply.");
  long t = find_key(d, "nancy talbert");
  assert_true(t >= 0);
  assert_int_equal(mentions_of(d, t), 2);
  assert_int_equal(find_key(d, "desperately needed"), -1);
  assert_int_equal(find_key(d, "boss"), -1);
  assert_int_equal(find_key(d, "nervous nancy talbert"), -1);
  px_doc_free(d);
}

static void test_api_edges(void **state) {
  fx *f = *state;
  px_doc *d = NULL;
  assert_int_equal(px_analyze_text(f->an, "", 0, &d), PX_OK);
  assert_int_equal(px_doc_entity_count(d), 0);
  assert_int_equal(px_doc_sentence_count(d), 0);
  assert_int_equal(px_doc_dateline(d, NULL, NULL), PX_ENOTFOUND);
  assert_int_equal(px_doc_entity(d, 0, NULL, NULL, NULL, NULL), PX_EINVAL);
  assert_int_equal(px_doc_sentence(d, 0, NULL, NULL), PX_EINVAL);
  assert_int_equal(px_doc_entity_at(d, 0), -1);
  px_doc_free(d);
  px_doc_free(NULL);
  px_analyzer_free(NULL);
  assert_int_equal(px_analyze_text(NULL, "x", 1, &d), PX_EINVAL);
  assert_int_equal(px_analyzer_new(f->ctx, NULL), PX_EINVAL);
  assert_string_equal(px_entity_type_name(PX_ENT_PLACE), "place");
  assert_string_equal(px_mention_kind_name(PX_MENTION_ROLE), "role");

  /* an article: the doc outlives it */
  px_article *art;
  assert_int_equal(px_article_new(&art), PX_OK);
  const char *body = "Ana Ruiz spoke in Lima on Monday. Ruiz left early.";
  assert_int_equal(px_article_set(art, PX_F_BODY, body, strlen(body)), PX_OK);
  assert_int_equal(px_analyze(f->an, art, &d), PX_OK);
  px_article_free(art);
  assert_int_equal(px_doc_sentence_count(d), 2);
  size_t s, e;
  assert_int_equal(px_doc_sentence(d, 1, &s, &e), PX_OK);
  assert_int_equal(e - s, strlen("Ruiz left early."));
  assert_int_equal(px_doc_sentence_at(d, s + 1), 1);
  long r = find_key(d, "ana ruiz");
  assert_true(r >= 0);
  assert_int_equal(mentions_of(d, r), 2);
  assert_int_equal(type_of(d, r), PX_ENT_PERSON);
  px_doc_free(d);
}

/* Hostile input: no crash, spans inside the body and on UTF-8 boundaries. */
static void test_garbage(void **state) {
  static const char *texts[] = {
      "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z A B C D E F G H I J K L M N O P",
      "Mr. Mr. Mr. . . President President of of the The THE 's 's ' - -- — Kim-",
      "\"\" “” ‘’ «» The the The. Ünïcödé Ñame Ölaf-Ærø said. al-Qaeda-linked anti-Trump ex-",
      "President", "the", "Kim, the", "X, the leader,", "Putin's's", ",,,,", "Mr.",
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    px_doc *d = analyze(state, texts[i]);
    size_t n = strlen(texts[i]);
    for (size_t k = 0; k < px_doc_entity_count(d); k++) {
      size_t nm;
      px_str name, key;
      px_doc_entity(d, k, &name, &key, NULL, &nm);
      assert_true(nm >= 1);
      assert_int_equal(strlen(key.ptr), key.len);
      for (size_t j = 0; j < nm; j++) {
        size_t s, e;
        assert_int_equal(px_doc_mention(d, k, j, &s, &e, NULL), PX_OK);
        assert_true(s < e && e <= n);
        assert_true(((unsigned char)texts[i][s] & 0xC0) != 0x80);
      }
    }
    px_doc_free(d);
  }
}

static void test_number_words_and_family_names(void **state) {
  px_doc *d = analyze(state,
                      "Thirty-one boats sank in the storm, the coast guard said. \"We are still "
                      "searching,\" said Tarun Shah, a spokesman. \"The water was too cold,\" "
                      "said Odalys Rosewood. The Kentucky Republican called for an inquiry.");
  /* a number written in words is no name */
  assert_int_equal(find_key(d, "thirty"), -1);
  assert_int_equal(find_key(d, "thirty-one"), -1);
  /* a family name that is also a title or a group word stays in the name */
  long s = find_key(d, "tarun shah");
  assert_true(s >= 0);
  assert_int_equal(type_of(d, s), PX_ENT_PERSON);
  assert_int_equal(find_key(d, "tarun"), -1);
  /* an unknown given name and a common word after ", said": a person */
  long r = find_key(d, "odalys rosewood");
  assert_true(r >= 0);
  assert_int_equal(type_of(d, r), PX_ENT_PERSON);
  /* a place and a party are still no name */
  assert_int_equal(find_key(d, "kentucky republican"), -1);
  px_doc_free(d);
}

/* A demonym standing alone right before a verb of saying, or after one
 * that follows a quote, is a family name ("Cuban said"); as an adjective
 * or a plural it stays no name. */
static void test_demonym_family_name(void **state) {
  px_doc *d = analyze(state,
                      "\"It is too early to tell,\" said Cuban, who hosts a television show. The "
                      "team's outlook is worrying, Cuban said. Cuban officials said nothing, and "
                      "Russians said little.");
  long c = find_key(d, "cuban");
  assert_true(c >= 0);
  assert_int_equal(type_of(d, c), PX_ENT_PERSON);
  assert_int_equal(find_mention(d, "Cuban officials"), -1);
  assert_int_equal(find_key(d, "russians"), -1);
  px_doc_free(d);
}

/* A signature line in title case after a quote, with a middle initial,
 * is one person, not the first name alone. */
static void test_signature_line(void **state) {
  px_doc *d = analyze(state,
                      "Readers wrote in after the debate about the harbour plan and the ferry.\n\n"
                      "\"The debate proved nothing at all.\"\n\n\xe2\x80\x95 Edwin G. Monroy");
  long c = find_key(d, "edwin monroy");
  assert_true(c >= 0);
  assert_int_equal(type_of(d, c), PX_ENT_PERSON);
  assert_int_equal(find_key(d, "edwin"), -1);
  px_doc_free(d);
  /* an account's handle is no mention of a name: the post's signature
   * names its author, "(@PAWire)" nothing more */
  d = analyze(state, "The harbour will reopen in May. \xe2\x80\x94 Harbour Wire Service "
                     "(@HWS) May 5, 2016\n\nThe board thanked @Nordvik for the plan.");
  assert_true(find_key(d, "harbour wire service") >= 0);
  assert_int_equal(find_mention(d, "HWS"), -1);
  assert_int_equal(find_mention(d, "Nordvik"), -1);
  px_doc_free(d);
}

/* "and" ends a run of names ("Russia and China") unless the whole is a
 * known name: agencies whose names hold "and" are one organization, with
 * or without "the" before them, and "Chamber" heads a name with "of". */
static void test_known_names_across_and(void **state) {
  px_doc *d = analyze(state,
                      "The rules changed on Monday.\n\nOfficials at the Centers for Disease "
                      "Control and Prevention said cases rose. The Securities and Exchange "
                      "Commission said it would review the filing. Norway and Sweden signed the "
                      "pact, the U.S. Chamber of Commerce said.");
  long c = find_key(d, "centers for disease control and prevention");
  assert_true(c >= 0);
  assert_int_equal(type_of(d, c), PX_ENT_ORG);
  assert_int_equal(find_key(d, "prevention"), -1);
  assert_true(find_key(d, "securities and exchange commission") >= 0);
  assert_int_equal(find_key(d, "exchange commission"), -1);
  assert_true(find_key(d, "norway") >= 0);
  assert_true(find_key(d, "sweden") >= 0);
  assert_true(find_key(d, "us chamber of commerce") >= 0);
  assert_int_equal(find_key(d, "commerce"), -1);
  px_doc_free(d);
}

/* An agency's name holding "and" that the gazetteer lacks is one name when
 * the words after "and" end on an organization's head, or follow "<Head>
 * of"; a country before a known one joins it.  People, places and two
 * organizations joined by "and" stay apart, and a company's suffix ends a
 * name ("Orlen Widgets Inc. Harbour Bank said"). */
static void test_agency_names_across_and(void **state) {
  px_doc *d = analyze(state,
                      "The rules changed on Monday.\n\nThe Harbour Fish and Wildlife Service said "
                      "the herons were back. A spokesman for U.S. Immigration and Customs "
                      "Enforcement declined to comment. The Orlen Institute of Allergy and "
                      "Infectious Diseases will run the trial. Dr. Jane Doe of the Nordvik "
                      "Tourism and Transport Authority said ferries would run. Trump and Congress "
                      "agreed on the budget. She studied at the University of Michigan and "
                      "Harvard University. Norway and Sweden signed the pact. Data came from "
                      "Nordvik Analytics and Orlen Widgets Inc. Harbour Bank said so.");
  long c = find_key(d, "harbour fish and wildlife service");
  assert_true(c >= 0);
  assert_int_equal(type_of(d, c), PX_ENT_ORG);
  assert_true(find_key(d, "us immigration and customs enforcement") >= 0);
  assert_true(find_key(d, "orlen institute of allergy and infectious diseases") >= 0);
  assert_true(find_key(d, "nordvik tourism and transport authority") >= 0);
  assert_true(find_key(d, "congress") >= 0);
  assert_true(find_key(d, "university of michigan") >= 0);
  assert_true(find_key(d, "harvard university") >= 0);
  assert_int_equal(find_key(d, "nordvik analytics and orlen widgets"), -1);
  assert_true(find_key(d, "harbour bank") >= 0); /* not "orlen widgets inc harbour bank" */
  assert_true(find_key(d, "norway") >= 0);
  assert_true(find_key(d, "sweden") >= 0);
  px_doc_free(d);
}

/* A place's other spelling is no part of a person's key: "Keating Holland"
 * keeps "holland" (the place "Holland" is "netherlands"); a person's own
 * variants still apply ("Moammar Gadhafi" is "muammar gaddafi"). */
static void test_place_variant_not_in_person_key(void **state) {
  px_doc *d = analyze(state,
                      "The poll came out on Monday.\n\n\"The race is close,\" said Keating "
                      "Holland, the polling director. Troops moved into Holland on Monday. "
                      "Moammar Gadhafi ruled Libya for decades. Anna Kiev lives in Kiev.");
  long k = find_key(d, "keating holland");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_PERSON);
  assert_int_equal(find_key(d, "keating netherlands"), -1);
  assert_true(find_key(d, "netherlands") >= 0);
  assert_true(find_key(d, "muammar gaddafi") >= 0);
  assert_true(find_key(d, "anna kiev") >= 0);
  assert_true(find_key(d, "kyiv") >= 0);
  px_doc_free(d);
}

/* An honorific tells whose family name it is: "Mr. Berg" after "Anna Berg"
 * is another person, and so is "Mrs. Holm" after "Peter Holm"; "Ms. Berg"
 * is Anna Berg. */
static void test_honorific_gender_family_name(void **state) {
  px_doc *d = analyze(state,
                      "The speech came on Monday.\n\nAnna Berg spoke first. Anna Berg said the "
                      "harbour was ready. Then Mr. Berg spoke for an hour. Peter Holm spoke after "
                      "him, and Mrs. Holm thanked the crowd. Ms. Berg left early.");
  long anna = find_key(d, "anna berg"), peter = find_key(d, "peter holm");
  assert_true(anna >= 0 && peter >= 0);
  assert_false(mention_at(d, anna, "Berg spoke for", 0, NULL));
  assert_false(mention_at(d, peter, "Holm thanked", 0, NULL));
  assert_true(mention_at(d, anna, "Berg left", 0, NULL));
  px_doc_free(d);
}

/* An agency's picture credit run into the next line is no part of a
 * name: "AP Photo Liisa Koski leaves court" names Liisa Koski; "Oakland
 * Photo Vault" stays whole.  Nor is a time zone ("4:15 p.m. ET"). */
static void test_photo_credit_before_name(void **state) {
  px_doc *d = analyze(state, "The vote came on Monday.\n\nAP Photo Liisa Koski leaves the court in Orlen after "
                             "the verdict, as the Oakland Photo Vault archive shows.");
  assert_true(find_key(d, "liisa koski") >= 0);
  assert_true(find_key(d, "ap photo liisa koski") < 0);
  assert_true(find_key(d, "oakland photo vault") >= 0);
  px_doc_free(d);
  /* a time zone of an update stamp is no name */
  d = analyze(state, "Update, 4:15 p.m. ET: The harbour board said the pier would reopen at 9 a.m. EDT on Monday.");
  assert_true(find_key(d, "et") < 0);
  assert_true(find_key(d, "edt") < 0);
  px_doc_free(d);
}

/* "St." opens a saint's name, a place's most often ("St. Louis", "St
 * Petersburg"), not a connector dropped before "Louis" the person. */
static void test_saint_names_a_place(void **state) {
  px_doc *d = analyze(state, "The vote came on Monday.\n\nThe mayor said the talks in St. Louis went well "
                             "and that the team would fly to St Petersburg on Friday for the next round.");
  long l = find_key(d, "st. louis");
  if (l < 0) l = find_key(d, "st louis");
  assert_true(l >= 0);
  assert_int_equal(type_of(d, l), PX_ENT_PLACE);
  assert_true(find_key(d, "louis") < 0);
  assert_true(find_key(d, "petersburg") < 0);
  px_doc_free(d);
}

/* A title word before a person's suffix ends a name, it does not begin
 * one: "Martin Luther King III" is not "III". */
static void test_title_word_before_suffix(void **state) {
  px_doc *d = analyze(state, "The march came on Saturday.\n\nMartin Luther King III spoke at the memorial "
                             "and then left for the airport with his family.");
  long k = find_key(d, "martin luther king iii");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_PERSON);
  assert_true(find_key(d, "iii") < 0);
  px_doc_free(d);
}

/* "Ms. Berg" after "Anna Berg, the wife of ... Ash Berg" is Anna, even
 * when the lists know no gender for "Ash"; "Mr. Holm" stays the most named
 * Holm, whose given name they do not know either, beside a George Holm. */
static void test_honorific_unknown_given_name(void **state) {
  px_doc *d = analyze(state,
                      "The post came on Monday.\n\nAnna Berg, the wife of former minister Ash Berg, "
                      "wrote that the picture was kind. Ms. Berg writes often. Mitt Holm spoke. Mitt Holm "
                      "left. His father George Holm stayed. Mr. Holm returned.");
  long anna = find_key(d, "anna berg"), mitt = find_key(d, "mitt holm");
  assert_true(anna >= 0 && mitt >= 0);
  assert_true(mention_at(d, anna, "Berg writes", 0, NULL));
  assert_true(mention_at(d, mitt, "Holm returned", 0, NULL));
  px_doc_free(d);
}

/* A title word that is the family name of a person named before it is
 * that person ("Rep. Peter King ... King said", "Mr. King noted"); "the
 * King" stays a role. */
static void test_title_word_as_family_name(void **state) {
  px_doc *d = analyze(state,
                      "The vote came on Monday.\n\nRep. Peter King, R-N.Y., said he would vote "
                      "no. King said the pledge is not binding. Mr. King noted the red line. "
                      "In London, the King said nothing.");
  long k = find_key(d, "peter king");
  assert_true(k >= 0);
  assert_true(mention_at(d, k, "King said the pledge", 0, NULL));
  assert_true(mention_at(d, k, "King noted", 0, NULL));
  assert_false(mention_at(d, k, "King said nothing", 0, NULL));
  px_doc_free(d);
}

/* A known name that ends on a word of no name ("USA Today") stays whole;
 * the word alone stays none ("the talks end Today"). */
static void test_known_name_ending_on_a_day(void **state) {
  px_doc *d = analyze(state,
                      "The case went on.\n\nThe harbour chief resigned, USA Today reported. The talks "
                      "end Today, officials said.");
  long k = find_key(d, "usa today");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_ORG);
  assert_int_equal(find_key(d, "today"), -1);
  px_doc_free(d);
}

/* A name holding an ampersand is a firm's ("..., Standard & Poor's said"). */
static void test_ampersand_names_a_firm(void **state) {
  px_doc *d = analyze(state,
                      "The markets moved.\n\nThe outlook was stable, Standard & Poor's said. Sales "
                      "rose, Procter & Gamble said.");
  long k = find_mention(d, "Standard & Poor");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_ORG);
  k = find_mention(d, "Procter & Gamble");
  assert_true(k >= 0);
  assert_int_equal(type_of(d, k), PX_ENT_ORG);
  px_doc_free(d);
}

/* A one-word name the gazetteer knows as a place is the family name of a
 * person the text named before it ("Pia Jackson ... adds Jackson"), unless
 * it is written as a place ("flew to Jackson"). */
/* A dateline of two cities joined by a slash names both, each a place;
 * its text starts after it. */
static void test_dateline_two_cities(void **state) {
  px_doc *d = analyze(state, "ORLEN/EASTPORT (Reuters) - Dock workers walked out at both ports on Monday.");
  px_str place, agency;
  assert_int_equal(px_doc_dateline(d, &place, &agency), PX_OK);
  assert_int_equal(place.len, strlen("ORLEN/EASTPORT"));
  long o = find_key(d, "orlen"), e = find_key(d, "eastport");
  assert_true(o >= 0 && e >= 0);
  assert_int_equal(type_of(d, o), PX_ENT_PLACE);
  assert_int_equal(type_of(d, e), PX_ENT_PLACE);
  assert_int_equal(find_key(d, "orlen eastport"), -1);
  size_t start;
  assert_int_equal(px_doc_sentence(d, 0, &start, NULL), PX_OK);
  assert_int_equal(start, strlen("ORLEN/EASTPORT (Reuters) - "));
  px_doc_free(d);
}

/* A title after "then-" or "ex-" is a title: "then-President-elect Ola
 * Dahl" is Ola Dahl, "then-Secretary of State Ann Berg" Ann Berg; a body
 * named after "then-" keeps its name. */
static void test_title_after_prefix(void **state) {
  px_doc *d = analyze(state, "Lund lectured then-President-elect Ola Dahl on the radio last month. Mr. Dahl "
                             "denied it. She had worked for then-Secretary of State Ann Berg for years. A 1990 "
                             "report by the then-General Accounting Office agreed.");
  assert_true(find_key(d, "ola dahl") >= 0);
  assert_int_equal(find_key(d, "president elect ola dahl"), -1);
  assert_true(find_key(d, "ann berg") >= 0);
  assert_int_equal(find_key(d, "state ann berg"), -1);
  long o = find_key(d, "general accounting office");
  assert_true(o >= 0);
  assert_int_not_equal(type_of(d, o), PX_ENT_PERSON);
  px_doc_free(d);
}

/* A relative named in passing, after a kin word and "of", does not take
 * the family name from the person named before; a family name used before
 * a relative named after a kin word and a role is the person the lists
 * know, not that relative. */
static void test_family_names_and_kin(void **state) {
  px_doc *d = analyze(state, "The op-ed ran on Sunday.\n\nAnna Berg, wife of former mayor Jon Berg, wrote an op-ed "
                             "on the pier. Berg wrote that the harbour must stay open.");
  long a = find_key(d, "anna berg"), j = find_key(d, "jon berg");
  assert_true(a >= 0 && j >= 0);
  assert_int_equal(mentions_of(d, a), 2);
  assert_int_equal(mentions_of(d, j), 1);
  px_doc_free(d);
  d = analyze(state, "President Trump spoke on Monday.\n\n\"We must act,\" Trump said.\n\nPresident Trump's "
                     "daughter and senior adviser Ivanka Trump endorsed the idea on Sunday.\n\nTrump called for laws.");
  long t = find_key(d, "donald trump"), i = find_key(d, "ivanka trump");
  assert_true(t >= 0 && i >= 0);
  assert_int_equal(mentions_of(d, i), 1);
  assert_int_equal(mentions_of(d, t), 4);
  px_doc_free(d);
  /* a wife named after her husband, sitting beside him, is no heir to his
   * family name */
  d = analyze(state, "Judge Jon Dahlberg spoke to reporters on Monday.\n\nSitting next to his wife, Ann Estes "
                     "Dahlberg, the nominee denied the claims. Dahlberg said he would not withdraw.");
  long jd = find_key(d, "jon dahlberg"), ad = find_key(d, "ann estes dahlberg");
  assert_true(jd >= 0 && ad >= 0);
  assert_int_equal(mentions_of(d, jd), 2);
  assert_int_equal(mentions_of(d, ad), 1);
  px_doc_free(d);
}

/* "AG" before a name is the attorney general's title; after a firm's
 * name it is the firm's suffix. */
static void test_ag_title(void **state) {
  px_doc *d = analyze(state, "Attorney General Ann Berg spoke on Monday. AG Berg said the law was upheld. "
                             "Nordwerk AG said it would supply the parts.");
  long b = find_key(d, "ann berg");
  assert_true(b >= 0);
  assert_int_equal(mentions_of(d, b), 2);
  assert_int_equal(find_key(d, "ag berg"), -1);
  long n = find_key(d, "nordwerk");
  assert_true(n >= 0);
  assert_int_equal(type_of(d, n), PX_ENT_ORG);
  px_doc_free(d);
}

/* A page's "Story Highlights" label glued before a name is no part of it. */
static void test_story_highlights_label(void **state) {
  px_doc *d = analyze(state, "The mayor spoke on Tuesday. (Photo: Jon Lund, Coast Daily) Story Highlights Berg "
                             "says she is confident about the pier. Mayor Ann Berg said so again on Wednesday.");
  assert_int_equal(find_key(d, "story highlights berg"), -1);
  assert_int_equal(find_key(d, "story highlights"), -1);
  long b = find_key(d, "ann berg");
  assert_true(b >= 0);
  assert_int_equal(mentions_of(d, b), 2);
  px_doc_free(d);
}

/* A weekday glued before a person's name ("On Monday Obama said", the
 * comma left out) is no part of it; the Tuesday Group keeps its name. */
static void test_weekday_before_name(void **state) {
  px_doc *d = analyze(state, "The harbour board met on Friday.\n\nOn Monday Obama said the pier would "
                             "close. Members of the Tuesday Group objected.");
  assert_true(find_key(d, "barack obama") >= 0);
  assert_int_equal(find_key(d, "monday obama"), -1);
  assert_true(find_key(d, "tuesday group") >= 0);
  px_doc_free(d);
}

/* A post's body the lists know, then its holder's given and family name,
 * in one run of capitals: the holder is a person of his own; "the White
 * House Rose Garden" stays a garden. */
static void test_post_then_holder(void **state) {
  px_doc *d = analyze(state, "The council met on Monday.\n\nAmbassador to the United Nations Nikki Haley spoke "
                             "first. Ambassador to the EU Gordon Sondland spoke next, in the White House Rose "
                             "Garden.");
  long h = find_key(d, "nikki haley"), s = find_key(d, "gordon sondland");
  assert_true(h >= 0 && s >= 0);
  assert_int_equal(type_of(d, h), PX_ENT_PERSON);
  assert_int_equal(type_of(d, s), PX_ENT_PERSON);
  assert_int_equal(find_key(d, "rose garden"), -1);
  px_doc_free(d);
}

static void test_place_word_as_family_name(void **state) {
  px_doc *d = analyze(state,
                      "The poll closed on Monday.\n\nThe gap is small, says polling director Pia "
                      "Jackson. \"Voters have not decided,\" adds Jackson. Jackson said the next poll "
                      "would come in May.");
  long p = find_key(d, "pia jackson");
  assert_true(p >= 0);
  assert_int_equal(type_of(d, p), PX_ENT_PERSON);
  assert_int_equal(mentions_of(d, p), 3);
  assert_int_equal(find_key(d, "jackson"), -1);
  px_doc_free(d);
  d = analyze(state, "The poll closed on Monday.\n\nPolling director Pia Jackson spoke first. She "
                     "flew to Jackson on Tuesday.");
  long h = find_key(d, "jackson");
  assert_true(h >= 0);
  assert_int_equal(type_of(d, h), PX_ENT_PLACE);
  px_doc_free(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_place_word_as_family_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_known_names_across_and, setup, teardown),
      cmocka_unit_test_setup_teardown(test_agency_names_across_and, setup, teardown),
      cmocka_unit_test_setup_teardown(test_place_variant_not_in_person_key, setup, teardown),
      cmocka_unit_test_setup_teardown(test_honorific_gender_family_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_honorific_unknown_given_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_saint_names_a_place, setup, teardown),
      cmocka_unit_test_setup_teardown(test_photo_credit_before_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_word_before_suffix, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_word_as_family_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_known_name_ending_on_a_day, setup, teardown),
      cmocka_unit_test_setup_teardown(test_ampersand_names_a_firm, setup, teardown),
      cmocka_unit_test_setup_teardown(test_signature_line, setup, teardown),
      cmocka_unit_test_setup_teardown(test_titles_possessive_role, setup, teardown),
      cmocka_unit_test_setup_teardown(test_name_repeat_split, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_of_the_body, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_of_a_longer_body, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_before_al, setup, teardown),
      cmocka_unit_test_setup_teardown(test_hyphenated_title, setup, teardown),
      cmocka_unit_test_setup_teardown(test_titled_name_before_full_names, setup, teardown),
      cmocka_unit_test_setup_teardown(test_party_before_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_demonym_family_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_leader_role_and_hyphen_keys, setup, teardown),
      cmocka_unit_test_setup_teardown(test_two_syllable_given_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_case_sentence, setup, teardown),
      cmocka_unit_test_setup_teardown(test_variants_and_diacritics, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sentence_initial_words, setup, teardown),
      cmocka_unit_test_setup_teardown(test_organizations, setup, teardown),
      cmocka_unit_test_setup_teardown(test_appositive_role, setup, teardown),
      cmocka_unit_test_setup_teardown(test_person_heuristics, setup, teardown),
      cmocka_unit_test_setup_teardown(test_role_choice, setup, teardown),
      cmocka_unit_test_setup_teardown(test_news_conventions, setup, teardown),
      cmocka_unit_test_setup_teardown(test_shared_family_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_person_keys, setup, teardown),
      cmocka_unit_test_setup_teardown(test_epithets_and_shouting, setup, teardown),
      cmocka_unit_test_setup_teardown(test_api_edges, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dateline_two_cities, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_after_prefix, setup, teardown),
      cmocka_unit_test_setup_teardown(test_family_names_and_kin, setup, teardown),
      cmocka_unit_test_setup_teardown(test_ag_title, setup, teardown),
      cmocka_unit_test_setup_teardown(test_story_highlights_label, setup, teardown),
      cmocka_unit_test_setup_teardown(test_weekday_before_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_post_then_holder, setup, teardown),
      cmocka_unit_test_setup_teardown(test_garbage, setup, teardown),
      cmocka_unit_test_setup_teardown(test_number_words_and_family_names, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
