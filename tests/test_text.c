/* test_text.c - sentences, tokens, folding, stems and datelines on invented
 * news text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/text.h"

/* ----------------------------------------------------------- helpers */

/* Split s and compare the sentences with the NULL-terminated list. */
static void check_split(const char *s, const char *const *want) {
  px__arena a;
  px__arena_init(&a, 4096);
  px__sentence *sv;
  size_t ns;
  assert_int_equal(px__split_sentences(s, strlen(s), &a, &sv, &ns), PX_OK);
  size_t nw = 0;
  while (want[nw]) nw++;
  if (ns != nw) {
    for (size_t k = 0; k < ns; k++)
      fprintf(stderr, "  got [%.*s]\n", (int)(sv[k].end - sv[k].start), s + sv[k].start);
  }
  assert_int_equal(ns, nw);
  for (size_t k = 0; k < ns; k++) {
    char got[512];
    snprintf(got, sizeof got, "%.*s", (int)(sv[k].end - sv[k].start), s + sv[k].start);
    assert_string_equal(got, want[k]);
  }
  px__arena_release(&a);
}

#define SPLIT(s, ...) check_split(s, (const char *const[]){__VA_ARGS__, NULL})

typedef struct fixture {
  px__textan *ta;
  px__arena arena;
  px__text t;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f || px__textan_new(&f->ta)) return -1;
  px__arena_init(&f->arena, 1 << 16);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  px__textan_free(f->ta);
  px__arena_release(&f->arena);
  free(f);
  return 0;
}

static px__text *analyze(void **state, const char *s) {
  fixture *f = *state;
  px__arena_reset(&f->arena);
  assert_int_equal(px__text_analyze(f->ta, s, strlen(s), &f->arena, &f->t), PX_OK);
  return &f->t;
}

/* The token whose text is exactly w (the first one), or NULL. */
static const px__token *tok(const px__text *t, const char *w) {
  for (size_t k = 0; k < t->ntok; k++) {
    const px__token *x = &t->tok[k];
    if (x->end - x->start == strlen(w) && !memcmp(t->body + x->start, w, strlen(w))) return x;
  }
  return NULL;
}

static uint64_t h(const char *w) { return px__word_hash(w, strlen(w)); }

/* --------------------------------------------------------- sentences */

static void test_abbreviations(void **state) {
  (void)state;
  SPLIT("Gen. Mark Milley met Sen. Joe Manchin at 9 a.m. on Tuesday. They talked.",
        "Gen. Mark Milley met Sen. Joe Manchin at 9 a.m. on Tuesday.", "They talked.");
  SPLIT("The U.S. Army said it would leave. The U.S. It was not clear why.",
        "The U.S. Army said it would leave.", "The U.S.", "It was not clear why.");
  SPLIT("Copyright 2019 Acme Media, LLC. Click here for reprints.",
        "Copyright 2019 Acme Media, LLC.", "Click here for reprints.");
  SPLIT("Shares of Acme Inc. rose 4%. Acme Inc. They fell later.",
        "Shares of Acme Inc. rose 4%.", "Acme Inc.", "They fell later.");
  SPLIT("He lives on Elm St. near the park. St. Paul's is closed.",
        "He lives on Elm St. near the park.", "St. Paul's is closed.");
  SPLIT("She paused and said no. Asked why, she left.", "She paused and said no.",
        "Asked why, she left.");
  SPLIT("They sell pens, paper, etc. Prices vary.", "They sell pens, paper, etc.",
        "Prices vary.");
  SPLIT("He spoke in Raleigh, N.C. “Simply put, we won,” he said.", "He spoke in Raleigh, N.C.",
        "“Simply put, we won,” he said.");
  SPLIT("Resolution No. 12 passed. Mr. and Mrs. Lee voted no. The vote was close.",
        "Resolution No. 12 passed.", "Mr. and Mrs. Lee voted no.", "The vote was close.");
  SPLIT("Officials met with Dr. Anne Fox, Prof. Li and Rep. Ortiz.",
        "Officials met with Dr. Anne Fox, Prof. Li and Rep. Ortiz.");
  SPLIT("His aide, state Del. Mary Lane, cheered. He thanked Sen. Tom Hale, D-Del. They left.",
        "His aide, state Del. Mary Lane, cheered.", "He thanked Sen. Tom Hale, D-Del.",
        "They left.");
  /* a dateline after a photo's caption: its agency goes on the line */
  SPLIT("A trooper swings a club. (AP Photo/File)\n\nSELMA, Ala. (AP) \xe2\x80\x94 John Lewis "
        "saw the troopers. He marched.",
        "A trooper swings a club.", "(AP Photo/File)",
        "SELMA, Ala. (AP) \xe2\x80\x94 John Lewis saw the troopers.", "He marched.");
  SPLIT("He spoke.\n\nDOVER, Del. (Reuters) - Talks resumed.", "He spoke.",
        "DOVER, Del. (Reuters) - Talks resumed.");
  SPLIT("The vote ended. (CNN) said so. Then it rained.", "The vote ended.", "(CNN) said so.",
        "Then it rained.");
}

static void test_initials(void **state) {
  (void)state;
  SPLIT("J. R. R. Tolkien wrote it. George W. Bush read it.", "J. R. R. Tolkien wrote it.",
        "George W. Bush read it.");
  SPLIT("The winner was Mary K. Lane. She thanked her team.", "The winner was Mary K. Lane.",
        "She thanked her team.");
}

static void test_numbers(void **state) {
  (void)state;
  SPLIT("Inflation rose 3.5 percent to $4.5 billion. Prices rose 0.2%. It was 1,200.5 tons.",
        "Inflation rose 3.5 percent to $4.5 billion.", "Prices rose 0.2%.",
        "It was 1,200.5 tons.");
  SPLIT("He was born in 1990. 20 years later he ran.", "He was born in 1990.",
        "20 years later he ran.");
}

static void test_ellipsis(void **state) {
  (void)state;
  SPLIT("We waited... and waited. Nothing came.", "We waited... and waited.", "Nothing came.");
  SPLIT("I don't know… We will see.", "I don't know…", "We will see.");
  SPLIT("The statement read: \"we [...] regret the delay.\" Talks resumed.",
        "The statement read: \"we [...] regret the delay.\"", "Talks resumed.");
}

static void test_quotes(void **state) {
  (void)state;
  SPLIT("“We will not retreat. The war is over.” Putin said. Markets rose.",
        "“We will not retreat.", "The war is over.” Putin said.", "Markets rose.");
  SPLIT("\"It is done,\" she said. \"We won.\" Crowds cheered.", "\"It is done,\" she said.",
        "\"We won.\"", "Crowds cheered.");
  SPLIT("“I have more experience than he does today.” When asked, he smiled.",
        "“I have more experience than he does today.”", "When asked, he smiled.");
  SPLIT("Biden Jr. “It’s over,” he said.", "Biden Jr.", "“It’s over,” he said.");
  SPLIT("\"Why now?\" asked Sen. Maria Cruz. Nobody answered.",
        "\"Why now?\" asked Sen. Maria Cruz.", "Nobody answered.");
  SPLIT("\"Enough.\" Prime Minister Rishi Sunak told reporters on Monday.",
        "\"Enough.\" Prime Minister Rishi Sunak told reporters on Monday.");
  SPLIT("He added (without evidence.) that it worked. Then he left.",
        "He added (without evidence.) that it worked.", "Then he left.");
}

static void test_headings_paragraphs(void **state) {
  (void)state;
  SPLIT("Storm hits coast\n\nThe storm arrived at dawn. Power failed.\n\nWhat comes next",
        "Storm hits coast", "The storm arrived at dawn.", "Power failed.", "What comes next");
  px__arena a;
  px__arena_init(&a, 4096);
  px__sentence *sv;
  size_t ns;
  const char *s = "Title\n\nOne. Two.\n\nThree";
  assert_int_equal(px__split_sentences(s, strlen(s), &a, &sv, &ns), PX_OK);
  assert_int_equal(ns, 4);
  assert_int_equal(sv[0].para, 0);
  assert_int_equal(sv[1].para, 1);
  assert_int_equal(sv[2].para, 1);
  assert_int_equal(sv[3].para, 2);
  px__arena_release(&a);
}

static void test_lists(void **state) {
  (void)state;
  SPLIT("The plan has steps: 1) Raise rates 2) Cut spending 3) Wait",
        "The plan has steps: 1) Raise rates", "2) Cut spending", "3) Wait");
  SPLIT("Voters either a) stayed home or b) voted late.",
        "Voters either a) stayed home or b) voted late.");
  SPLIT("1. Rates rose 2. Stocks fell", "1. Rates rose", "2. Stocks fell");
  SPLIT("• Rates rose • Stocks fell • Oil held", "• Rates rose", "• Stocks fell",
        "• Oil held");
  SPLIT("Not a list 3) here.", "Not a list 3) here.");
}

static void test_exclamations_and_glued(void **state) {
  (void)state;
  SPLIT("Stop!! Who goes there?! Nobody.", "Stop!!", "Who goes there?!", "Nobody.");
  SPLIT("She works at Yahoo! in Sunnyvale.", "She works at Yahoo! in Sunnyvale.");
  SPLIT("Write to press.office@example.org. See www.example.com/News.html for more.",
        "Write to press.office@example.org.", "See www.example.com/News.html for more.");
  SPLIT("The vote passed.Then came the count.", "The vote passed.", "Then came the count.");
  SPLIT("The board met in secret.A clip of the meeting leaked.", "The board met in secret.",
        "A clip of the meeting leaked.");
  SPLIT("Mail jane.A@example.org today.", "Mail jane.A@example.org today.");
  /* a paragraph break lost between a sentence and a quotation, or after
   * one: the straight mark opens the next sentence or closes the last by
   * the count of marks before it */
  SPLIT("The plan was made before the mayor got there.\"We were worried,\" she said.",
        "The plan was made before the mayor got there.", "\"We were worried,\" she said.");
  SPLIT("He added: \"That never worked very well.\"Ferries are late, he said.",
        "He added: \"That never worked very well.\"", "Ferries are late, he said.");
  SPLIT("It never worked very well.\xe2\x80\x9d" "Ferries are late, he said.",
        "It never worked very well.\xe2\x80\x9d", "Ferries are late, he said.");
  /* an acronym after the glued mark */
  SPLIT("He added: \"That never worked very well.\"CNN is declining the invitation.",
        "He added: \"That never worked very well.\"", "CNN is declining the invitation.");
  SPLIT("She said the U.S.\"Navy\" was ready.", "She said the U.S.\"Navy\" was ready.");
  SPLIT("It drew fire from Republican Govs. Dave Holm of Ohio and Ann Berg of Iowa.",
        "It drew fire from Republican Govs. Dave Holm of Ohio and Ann Berg of Iowa.");
  /* an ambassador's title */
  SPLIT("Thirty minutes into his statement, Amb. Bill Holm said the aid was held.",
        "Thirty minutes into his statement, Amb. Bill Holm said the aid was held.");
}

/* ---------------------------------------------------------- datelines */

static void check_dateline(void **state, const char *s, const char *place, const char *agency,
                           const char *first) {
  px__text *t = analyze(state, s);
  assert_true(t->dateline.found);
  char got[128];
  snprintf(got, sizeof got, "%.*s", (int)(t->dateline.place_end - t->dateline.place_start),
           s + t->dateline.place_start);
  assert_string_equal(got, place);
  snprintf(got, sizeof got, "%.*s", (int)(t->dateline.agency_end - t->dateline.agency_start),
           s + t->dateline.agency_start);
  assert_string_equal(got, agency);
  assert_true(t->nsent > 0);
  assert_true(t->sent[0].start >= t->dateline.end);
  snprintf(got, sizeof got, "%.*s", (int)(t->sent[0].end - t->sent[0].start),
           s + t->sent[0].start);
  assert_string_equal(got, first);
  /* no token of the dateline belongs to a sentence */
  assert_true(t->ntok > 0 && t->tok[0].start >= t->dateline.end);
}

static void test_datelines(void **state) {
  check_dateline(state, "MOSCOW- Russia said on Friday it would talk.", "MOSCOW", "",
                 "Russia said on Friday it would talk.");
  check_dateline(state, "MOSCOW (Reuters) - The Kremlin said nothing.", "MOSCOW", "Reuters",
                 "The Kremlin said nothing.");
  check_dateline(state, "WASHINGTON, Sept 13 (AP) — Congress left town. It returns Monday.",
                 "WASHINGTON", "AP", "Congress left town.");
  check_dateline(state, "KYIV, Ukraine — Sirens sounded overnight.", "KYIV, Ukraine", "",
                 "Sirens sounded overnight.");
  check_dateline(state, "LONDON — The pound fell.", "LONDON", "", "The pound fell.");
  check_dateline(state, "ST. LOUIS, Mo. (AP) -- A levee held.", "ST. LOUIS, Mo.", "AP",
                 "A levee held.");
  check_dateline(state, "Washington (CNN) — The Senate voted.", "Washington", "CNN",
                 "The Senate voted.");
  check_dateline(state, "(CNN) -- Polls closed early.", "", "CNN", "Polls closed early.");
  check_dateline(state, "(CNN) Polls closed early.", "", "CNN", "Polls closed early.");
  check_dateline(state, "RIO DE JANEIRO – Floods hit the city.", "RIO DE JANEIRO", "",
                 "Floods hit the city.");
  /* CNN's own shape: no dash after a known agency */
  check_dateline(state, "Washington (CNN) It's still undecided, she said.", "Washington", "CNN",
                 "It's still undecided, she said.");
  check_dateline(state, "Beijing (CNN)In a historic deal, two leaders agreed.", "Beijing", "CNN",
                 "In a historic deal, two leaders agreed.");
  check_dateline(state, "Hong Kong (CNN Business) Shares fell.", "Hong Kong", "CNN Business", "Shares fell.");
}

static void test_not_datelines(void **state) {
  const char *no[] = {
      "The U.S. - and its allies - disagreed.",
      "BREAKING - The vote failed.",
      "Washington - the city - is quiet.",
      "A - B testing works.",
      "Officials said on Monday that talks had stalled.",
      "(SOUNDBITE) (German) MERKEL: We respect it.",
      "(C) Tribune Media",
      "FILE - In this March 7, 1965, file photo, troopers advance. (AP Photo/File)",
      "Beyond his agenda — not just on health care — he talked.",
      "Jake Tapper (CNN) interviewed him on Sunday.",
      "Donald Trump (R) Won the state.",
      "",
  };
  for (size_t k = 0; k < sizeof no / sizeof *no; k++) {
    px__text *t = analyze(state, no[k]);
    assert_false(t->dateline.found);
    if (t->nsent) assert_int_equal(t->sent[0].start, 0);
  }
}

/* ------------------------------------------------------------ folding */

static void test_fold_map(void **state) {
  (void)state;
  px__arena a;
  px__arena_init(&a, 4096);
  /* “Café” – naïve’s\u00a0end\u200b! */
  const char *s = "\xe2\x80\x9c" "Caf\xc3\xa9" "\xe2\x80\x9d \xe2\x80\x93 na\xc3\xafve"
                  "\xe2\x80\x99s\xc2\xa0" "end\xe2\x80\x8b!";
  char *f;
  size_t fn;
  uint32_t *map;
  assert_int_equal(px__fold(s, strlen(s), &a, &f, &fn, &map), PX_OK);
  assert_string_equal(f, "\"cafe\" - naive's end!");
  assert_int_equal(fn, strlen("\"cafe\" - naive's end!"));
  /* each folded byte maps to the byte offset of its source character */
  assert_int_equal(map[0], 0);         /* “ */
  assert_int_equal(map[1], 3);         /* C */
  assert_int_equal(map[4], 6);         /* é (2 bytes at 6) */
  assert_int_equal(map[5], 8);         /* ” */
  assert_int_equal(map[7], 12);        /* – */
  assert_int_equal(map[11], 18);       /* ï */
  assert_int_equal(map[14], 22);       /* ’ */
  assert_int_equal(map[16], 26);       /* NBSP */
  assert_int_equal(map[17], 28);       /* e of end */
  assert_int_equal(map[20], 34);       /* ! after the dropped ZWSP */
  assert_int_equal(map[fn], strlen(s)); /* one past the end */
  /* invalid bytes fold to U+FFFD */
  assert_int_equal(px__fold("a\xff" "b", 3, &a, &f, &fn, NULL), PX_OK);
  assert_string_equal(f, "a\xef\xbf\xbd" "b");
  px__arena_release(&a);
}

static void test_fold_hash_equal(void **state) {
  /* the same word written four ways folds to the same hash */
  px__text *t = analyze(state, "Cafe CAFÉ café Ca\xcc\x81" "fe");
  assert_int_equal(t->ntok, 4);
  for (size_t k = 0; k < 4; k++) assert_true(t->tok[k].fold == h("cafe"));
  t = analyze(state, "don’t don't do\xe2\x80\x8bn't");
  assert_int_equal(t->ntok, 3);
  assert_true(t->tok[0].fold == h("don't"));
  assert_true(t->tok[1].fold == h("don't"));
  assert_true(t->tok[2].fold == h("don't"));
  assert_true(t->tok[0].flags & PX__TF_STOP);
}

/* ------------------------------------------------------------- tokens */

static void test_tokens(void **state) {
  px__text *t = analyze(state, "Putin’s aides met Kim Jong-un's team; the senators' "
                               "$4.5 billion deal, 10% of 1,200 U.S. jobs.");
  const px__token *x = tok(t, "Putin’s");
  assert_non_null(x);
  assert_int_equal(x->kind, PX__TOK_WORD);
  assert_true(x->flags & PX__TF_POSSESSIVE);
  assert_true(x->flags & PX__TF_CAP);
  assert_true(x->flags & PX__TF_SENT_START);
  assert_true(x->fold == h("putin"));
  assert_true(x->stem == h("putin"));
  x = tok(t, "Jong-un's");
  assert_non_null(x);
  assert_true(x->flags & PX__TF_POSSESSIVE);
  assert_true(x->fold == h("jong-un"));
  x = tok(t, "senators'");
  assert_non_null(x);
  assert_true(x->flags & PX__TF_POSSESSIVE);
  assert_true(x->stem == h("senat"));
  x = tok(t, "$4.5");
  assert_non_null(x);
  assert_int_equal(x->kind, PX__TOK_NUMBER);
  assert_true(x->stem == 0);
  x = tok(t, "10%");
  assert_non_null(x);
  assert_int_equal(x->kind, PX__TOK_NUMBER);
  x = tok(t, "1,200");
  assert_non_null(x);
  assert_true(x->fold == h("1200"));
  x = tok(t, "U.S.");
  assert_non_null(x);
  assert_true(x->flags & PX__TF_ALLCAPS);
  assert_non_null(tok(analyze(state, "The U.S.A. won."), "U.S.A."));
  t = analyze(state, "Putin’s aides met Kim Jong-un's team; the senators' "
                     "$4.5 billion deal, 10% of 1,200 U.S. jobs.");
  x = tok(t, ";");
  assert_non_null(x);
  assert_int_equal(x->kind, PX__TOK_PUNCT);
  x = tok(t, "the");
  assert_non_null(x);
  assert_true(x->flags & PX__TF_STOP);
  assert_false(tok(t, "billion")->flags & PX__TF_STOP);
  /* tokens are ordered and inside their sentence */
  for (size_t k = 0; k < t->ntok; k++) {
    const px__sentence *s = &t->sent[t->tok[k].sent];
    assert_true(t->tok[k].start >= s->start && t->tok[k].end <= s->end);
    if (k) assert_true(t->tok[k].start >= t->tok[k - 1].end);
  }
}

static void test_stems(void **state) {
  px__text *t = analyze(state, "The meeting ended. Meetings resume; they met. MEETINGS.");
  const px__token *a = tok(t, "meeting"), *b = tok(t, "Meetings"), *c = tok(t, "MEETINGS");
  assert_non_null(a);
  assert_non_null(b);
  assert_non_null(c);
  assert_true(a->stem == b->stem);
  assert_true(a->stem == c->stem);
  assert_true(a->stem == h("meet"));
  assert_true(a->fold != b->fold);
  assert_true(c->flags & PX__TF_ALLCAPS);
  /* the cache gives the same answer the second time */
  t = analyze(state, "meetings meetings");
  assert_true(t->tok[0].stem == t->tok[1].stem && t->tok[0].stem == h("meet"));
}

static void test_stopwords(void **state) {
  (void)state;
  const char *yes[] = {"the", "and", "of", "it's", "don't", "we", "themselves", "a"};
  const char *no[] = {"putin", "meeting", "th", "", "thee", "ands"};
  for (size_t k = 0; k < sizeof yes / sizeof *yes; k++)
    assert_true(px__is_stopword(yes[k], strlen(yes[k])));
  for (size_t k = 0; k < sizeof no / sizeof *no; k++)
    assert_false(px__is_stopword(no[k], strlen(no[k])));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_abbreviations),
      cmocka_unit_test(test_initials),
      cmocka_unit_test(test_numbers),
      cmocka_unit_test(test_ellipsis),
      cmocka_unit_test(test_quotes),
      cmocka_unit_test(test_headings_paragraphs),
      cmocka_unit_test(test_lists),
      cmocka_unit_test(test_exclamations_and_glued),
      cmocka_unit_test_setup_teardown(test_datelines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_not_datelines, setup, teardown),
      cmocka_unit_test(test_fold_map),
      cmocka_unit_test_setup_teardown(test_fold_hash_equal, setup, teardown),
      cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
      cmocka_unit_test_setup_teardown(test_stems, setup, teardown),
      cmocka_unit_test(test_stopwords),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
