/* test_quote.c - quotation marks, quotes, cues, speakers and variants, on
 * invented news text. */
#include "px_test.h"

#include <math.h>
#include <parallax.h>

#include "quote.h"
#include "remark_ref.h"

typedef struct fx {
  px_ctx *ctx;
  px_analyzer *an;
  px_quoter *qt;
  px_doc *doc;
  px_quotes *qs;
} fx;

static int setup(void **state) {
  fx *f = calloc(1, sizeof *f);
  if (!f || px_ctx_new(&f->ctx) || px_analyzer_new(f->ctx, &f->an) || px_quoter_new(&f->qt))
    return -1;
  *state = f;
  return 0;
}

static void drop(fx *f) {
  px_quotes_free(f->qs);
  px_doc_free(f->doc);
  f->qs = NULL;
  f->doc = NULL;
}

static int teardown(void **state) {
  fx *f = *state;
  drop(f);
  px_quoter_free(f->qt);
  px_analyzer_free(f->an);
  px_ctx_free(f->ctx);
  free(f);
  return 0;
}

static void run(fx *f, const char *text) {
  drop(f);
  assert_int_equal(px_analyze_text(f->an, text, strlen(text), &f->doc), PX_OK);
  assert_int_equal(px_quotes_extract(f->qt, f->doc, &f->qs), PX_OK);
}

/* The quote whose text contains needle (fails when none). */
static px_quote find(fx *f, const char *needle) {
  px_quote q;
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    if (memmem(q.text.ptr, q.text.len, needle, strlen(needle))) return q;
  }
  fail_msg("no quote contains '%s'", needle);
  return q;
}

static bool str_is(px_str s, const char *want) {
  return s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

static bool str_has(px_str s, const char *want) {
  return memmem(s.ptr, s.len, want, strlen(want)) != NULL;
}

static void assert_speaker(fx *f, const char *needle, const char *name_part) {
  px_quote q = find(f, needle);
  assert_true(q.has_speaker);
  if (!str_has(q.speaker_name, name_part))
    fail_msg("speaker of '%s' is '%.*s', wanted '%s'", needle, (int)q.speaker_name.len,
             q.speaker_name.ptr, name_part);
}

/* No quote's text holds needle. */
static void assert_no_quote_has(fx *f, const char *needle) {
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    px_quote x;
    assert_int_equal(px_quotes_get(f->qs, i, &x), PX_OK);
    if (str_has(x.text, needle)) fail_msg("a quote holds '%s': '%.*s'", needle, (int)x.text.len, x.text.ptr);
  }
}

/* The speaker of the quote holding needle is written as span. */
static void assert_speaker_span(fx *f, const char *needle, const char *span) {
  px_quote q = find(f, needle);
  assert_true(q.has_speaker);
  px_str got = {px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start};
  if (!str_is(got, span))
    fail_msg("speaker of '%s' is written '%.*s', wanted '%s'", needle, (int)got.len, got.ptr, span);
}

/* ------------------------------------------------------------- scanner */

static size_t scan(const char *t, px__qspan **v) {
  static px__arena a;
  static bool init;
  if (!init) {
    px__arena_init(&a, 1 << 16);
    init = true;
  }
  px__arena_reset(&a);
  size_t n;
  assert_int_equal(px__quote_scan(t, strlen(t), &a, v, &n), PX_OK);
  return n;
}

static void test_scan_styles(void **state) {
  (void)state;
  px__qspan *v;
  const char *t = "\"Straight,\" he said. \xE2\x80\x9C" "Curly\xE2\x80\x9D and ''NYT style'' and "
                  "\xC2\xAB" "guillemets\xC2\xBB" " and 'single' ones.";
  size_t n = scan(t, &v);
  assert_int_equal(n, 5);
  assert_int_equal(v[0].open, 0);
  assert_int_equal(v[1].flags & PX__QS_UNCLOSED, 0);
  assert_true(v[3].flags & PX__QS_GUILLEMET);
  assert_true(v[4].flags & PX__QS_SINGLE);
  /* mixed: a straight mark closes a curly one */
  n = scan("\xE2\x80\x9C" "Mixed marks,\" she said.", &v);
  assert_int_equal(n, 1);
  assert_int_equal(v[0].close_len, 1);
}

static void test_scan_apostrophes_and_nesting(void **state) {
  (void)state;
  px__qspan *v;
  const char *t = "\"Clinton's plan, the Clintons' plan, the '90s and rock 'n' roll are 'fine',\" "
                  "he said.";
  size_t n = scan(t, &v);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].depth, 0);
  assert_int_equal(v[1].depth, 1); /* 'fine' inside */
  assert_memory_equal(t + v[1].open, "'fine'", 6);
  /* nested doubles: "today's "Straw vote" is not a step." */
  n = scan("\xE2\x80\x9Ctoday\xE2\x80\x99s \xE2\x80\x9CStraw vote\xE2\x80\x9D is not a step.\xE2\x80\x9D", &v);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].depth, 0);
  assert_int_equal(v[1].depth, 1);
  /* the NYT's nested ending: ,' '' closes the single and then the double */
  t = "''We saw 'The Long Road,' '' Ms. Pell said. ''Then 'Home' '' came out.''";
  n = scan(t, &v);
  assert_int_equal(n, 4);
  assert_int_equal(v[0].depth, 0);
  assert_int_equal(v[0].close, strstr(t, "' '' Ms.") - t + 2);
  assert_int_equal(v[1].depth, 1);
  assert_int_equal(v[2].depth, 0);
  assert_int_equal(v[2].close, strstr(t, "' '' came") - t + 2);
  /* a space slipped in before the closing mark: ", ''" closes */
  t = "''We built coalitions, '' said Mr. Dunn. ''It worked.''";
  n = scan(t, &v);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].open, 0);
  assert_int_equal(v[0].close, strstr(t, "'' said") - t);
  assert_int_equal(v[1].open, strstr(t, "''It") - t);
}

static void test_scan_paragraphs(void **state) {
  (void)state;
  px__qspan *v;
  /* the continuation convention: no closing mark, the next paragraph re-opens */
  const char *t = "\"First part of the speech.\n\n\"Second part,\" he said.";
  size_t n = scan(t, &v);
  assert_int_equal(n, 1);
  assert_true(v[0].flags & PX__QS_MULTIPARA);
  assert_int_equal(v[0].close + v[0].close_len, strstr(t, "he said") - t - 1);
  /* never closed and no continuation: cut at the paragraph end */
  t = "\"Never closed here\n\nNext paragraph has no mark. But \"this\" is fine.";
  n = scan(t, &v);
  assert_int_equal(n, 2);
  assert_true(v[0].flags & PX__QS_UNCLOSED);
  assert_int_equal(v[0].close, strstr(t, "\n\n") - t);
  assert_memory_equal(t + v[1].open, "\"this\"", 6);
}

static void test_scan_stray_marks(void **state) {
  (void)state;
  px__qspan *v;
  /* a stray mark in a headline, an odd number of marks, inch marks */
  const char *t = "A stray \" in a headline\n\nThe 5\" screen. He said \"hello\" twice. "
                  "Then \"an odd one.";
  size_t n = scan(t, &v);
  assert_int_equal(n, 2);
  assert_memory_equal(t + v[0].open, "\"hello\"", 7);
  assert_true(v[1].flags & PX__QS_UNCLOSED);
  assert_int_equal(v[1].close, strlen(t));
  /* one paragraph of 100 kB with a stray opening mark: the quote is capped */
  size_t big = 100000;
  char *b = malloc(big + 1);
  assert_non_null(b);
  for (size_t i = 0; i < big; i++) b[i] = "word "[i % 5];
  b[10] = '"';
  b[9] = ' ';
  b[big] = 0;
  n = scan(b, &v);
  for (size_t i = 0; i < n; i++) assert_true(v[i].close - v[i].open <= PX__QUOTE_MAX_BYTES + 8);
  free(b);
  /* a closing curly mark typed for an opening one, at a paragraph start or
   * between a space and a word; a stray closing mark after a word is not */
  t = "Photo.\n\n\xE2\x80\x9D" "Fear. I am afraid.\xE2\x80\x9D \xE2\x80\x95 Ana Ruiz\n\n"
      "He wrote \xE2\x80\x9Dnever again\xE2\x80\x9D twice. A word\xE2\x80\x9D stray.";
  n = scan(t, &v);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].open, strstr(t, "\xE2\x80\x9D" "Fear") - t);
  assert_int_equal(v[0].close, strstr(t, "\xE2\x80\x9D \xE2\x80\x95") - t);
  assert_int_equal(v[1].open, strstr(t, "\xE2\x80\x9Dnever") - t);
  /* an opening curly mark typed for a closing one, glued to the quote's
   * last word or punctuation before a space, closes it; before a word it
   * still opens */
  t = "\xE2\x80\x9CIt was unusual,\xE2\x80\x9C said Ivo Marn. He wrote \xE2\x80\x9Cyes\xE2\x80\x9D.";
  n = scan(t, &v);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].open, 0);
  assert_int_equal(v[0].close, strstr(t, "\xE2\x80\x9C said") - t);
  assert_int_equal(v[1].open, strstr(t, "\xE2\x80\x9Cyes") - t);
}

/* ---------------------------------------------------------- extraction */

static void test_direct_after_and_before(void **state) {
  fx *f = *state;
  run(f, "MOSCOW - Russian President Vladimir Putin met North Korean leader Kim Jong Un on "
         "Wednesday.\n\n\"We are ready to work together,\" Putin said.\n\n"
         "Kim told Putin, \"We will always be with Russia.\"");
  px_quote q = find(f, "ready to work");
  assert_int_equal(q.kind, PX_QUOTE_DIRECT);
  assert_true(str_is(q.cue, "said"));
  assert_speaker(f, "ready to work", "Putin");
  assert_true(q.speaker_entity >= 0);
  assert_true(str_has(q.speaker_key, "putin"));
  q = find(f, "always be with Russia");
  assert_int_equal(q.kind, PX_QUOTE_DIRECT);
  assert_true(str_is(q.cue, "told"));
  assert_speaker(f, "always be with Russia", "Kim");
}

/* A dateline set inside the text ("Washington (AFP) - ...", as an
 * aggregator runs wire copies together) names no speaker: the agency in
 * its brackets is not the subject of the sentence. */
static void test_inline_dateline(void **state) {
  fx *f = *state;
  run(f, "Trade talks resumed on Monday.\n\n"
         "Washington (AFP) - Senator Anna Berg has taken a swipe at her rival's stance on trade, "
         "saying that \"bombastic comments\" do more harm than good.\n\n"
         "OSLO, June 3 (Reuters) - Minister Olaf Lind rejected the plan, saying \"it will cost "
         "the harbour its fleet.\"");
  assert_speaker(f, "bombastic comments", "Berg");
  assert_speaker(f, "cost the harbour", "Lind");
}

/* A dateline with no agency opening the paragraph after a byline's own
 * ("Maria Lund THE COURIER / OSLO – ...") is no part of the words the
 * sentence reports. */
static void test_dateline_after_byline(void **state) {
  fx *f = *state;
  run(f, "Maria Lund THE COURIER\n\n"
         "OSLO \xE2\x80\x93 The harbour plan has been sent back to the council, the minister's "
         "spokesman said Tuesday.");
  px_quote q = find(f, "harbour plan");
  assert_non_null(q.text.ptr);
  assert_false(str_has(q.text, "OSLO"));
  assert_true(q.text.len > 3 && !memcmp(q.text.ptr, "The", 3));
}

/* A relative clause's words end at the comma that closes it, before the
 * main verb in the present ("Berg, who last year told voters the ferry
 * would sail, wants a vote ..."); a verb of writing or promising with a
 * thing for its object ("wrote a letter to ...", "promised voters a new
 * ferry") reports no words, one with a clause does ("wrote the plan was
 * dead"). */
static void test_relative_clause_and_object_cues(void **state) {
  fx *f = *state;
  run(f, "The council met on Monday to debate the harbour plan.\n\n"
         "Anna Berg, who last year told voters the ferry would sail, wants a vote on the plan before "
         "Christmas.\n\n"
         "Olaf Lind wrote a letter to the council asking for an immediate hearing on the fees.\n\n"
         "Mayor Tove Dahl promised voters a new ferry and cheaper tickets for the islands.\n\n"
         "Per Holm wrote the plan was dead and the money should go to the schools instead.");
  px_quote q = find(f, "the ferry would sail");
  assert_false(str_has(q.text, "wants a vote"));
  assert_no_quote_has(f, "a letter to the council");
  assert_no_quote_has(f, "a new ferry");
  assert_speaker(f, "the plan was dead", "Holm");
}

/* A verb of telling whose one told runs into a comma: what was said is
 * after a "that" past an aside on the one told, or after the comma when
 * the telling opens or interrupts the sentence; after the clause it
 * refers to (", as he told investigators, when ..."), nothing is said
 * after it, and the one told is never part of what was said. */
static void test_told_then_comma(void **state) {
  fx *f = *state;
  run(f, "The ferry strike entered its third week on Monday.\n\n"
         "Was Lars Vik afraid for his job, as he told investigators, when the union and the port met?\n\n"
         "Port chief Aki Rantala told Radio Nord's Eva Lund, that the ferries would sail again by June.\n\n"
         "Even if the talks fail, Marta Solberg told reporters, the islands will have food for a month.\n\n"
         "To hear Nils Moe tell it, the union has won every point that mattered.\n\n"
         "Union leader Ola Dahl told the story, pointing out the gaps in the port's account.");
  assert_no_quote_has(f, "investigators");
  assert_no_quote_has(f, "the union and the port met");
  px_quote q = find(f, "the ferries would sail again by June");
  assert_false(str_has(q.text, "Eva Lund"));
  q = find(f, "the islands will have food for a month");
  assert_false(str_has(q.text, "reporters"));
  assert_speaker(f, "the islands will have food", "Solberg");
  q = find(f, "the union has won every point");
  assert_false(str_has(q.text, "it,"));
  assert_no_quote_has(f, "pointing out the gaps");
}

/* A clause after "even as" (or "just as", "even though") is the writer's
 * circumstance, not the attribution of the clause before it; an
 * ambassador's abbreviated title ends no sentence and names no one. */
static void test_even_as_and_amb(void **state) {
  fx *f = *state;
  run(f, "The ferry strike entered its third week on Monday.\n\n"
         "Why were the harbour guards pulled out of Orlen, even as Amb. Lars Vik warned of new threats?\n\n"
         "The pier ended up closing without a fight, even though some unions urged members to strike.\n\n"
         "Four days later, Amb. Marta Solberg went on five radio shows and said the strike was the "
         "\"direct result\" of a pay dispute.");
  assert_no_quote_has(f, "harbour guards pulled out");
  assert_no_quote_has(f, "without a fight");
  assert_speaker(f, "direct result", "Solberg");
}

/* After a clause, "said" and a name with a verb after it is no inverted
 * attribution of the clause: the name is the subject of what was said. */
static void test_said_then_subject(void **state) {
  fx *f = *state;
  run(f, "The harbour board met on Monday.\n\n"
         "But Ola Dahl of Oregon, one of the board's members, said the Council wasn't asking the port to "
         "pay for the pier.");
  assert_no_quote_has(f, "one of the board's members");
  assert_speaker(f, "the Council wasn't asking the port", "Dahl");
}

/* A name after a dash in the next paragraph signs a quote that is its
 * paragraph's first words (a line of quotes of the week), not the last
 * quote of a paragraph with its speaker named (a live blog's entry signed
 * by its reporter); a line of "-- Name, role: "..."" gives the words after
 * the colon to the name before it, not to the next line's. */
static void test_dash_signature_lines(void **state) {
  fx *f = *state;
  run(f, "The harbour inquiry heard two witnesses on Thursday.\n\n"
         "\"I was irritated with him because he wasn't listening,\" Hill said. \"I did say to him that I "
         "think this is all going to sink.\"\n\n"
         "- Jon Lund\n\n"
         "\"Some people are trying to spoil the mood of these talks.\"\n\n"
         "-- Ida Noe, the port's spokeswoman, on Friday.\n\n"
         "-- Eli Moe, 19, a student at the rally: \"Backwards.\"\n\n"
         "-- Ann Berg, 51, a delegate from Orlen: \"Smart guy.\"");
  assert_speaker(f, "all going to sink", "Hill");
  assert_speaker(f, "spoil the mood", "Noe");
  assert_speaker(f, "Backwards", "Moe");
}

/* A work's title in marks after its noun or a verb of selling it is a
 * title, no one's words: "his book, "Harbour Lights: A Life on the
 * Quay," which ...", "touting "Harbour Lights" as ..."; a quote after
 * "book," with a cue is someone's. */
static void test_work_titles(void **state) {
  fx *f = *state;
  run(f, "The mayor's memoir came out on Tuesday.\n\n"
         "Critics dismissed Anna Berg's book, \"Harbour Lights: A Life on the Quay,\" which sold well.\n\n"
         "Berg spent the week touting \"Harbour Lights\" as an honest account of the strike.\n\n"
         "In her book, \"It was the worst winter of my life,\" Berg wrote.");
  px_quote q = find(f, "A Life on the Quay");
  assert_int_equal(q.kind, PX_QUOTE_TITLE);
  assert_false(q.has_speaker);
  size_t touted = 0;
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    if (!str_is(q.text, "Harbour Lights")) continue;
    assert_int_equal(q.kind, PX_QUOTE_TITLE);
    touted++;
  }
  assert_int_equal(touted, 1);
  assert_speaker(f, "worst winter of my life", "Berg");
}

/* A story told is the topic, not words reported: "took to the floor to
 * tell the story of ...", "Each time she told her story, ..."; a clause
 * said after it is reported. */
static void test_told_a_story(void **state) {
  fx *f = *state;
  run(f, "The harbour board met on Thursday.\n\n"
         "Mayor Anna Berg took to the floor to tell the story of Eli Moe, a docker who lost his job in May.\n\n"
         "Each time Ida Noe told her story, the number of people she named grew.\n\n"
         "Jon Lund told the board that the pier would close in June.");
  assert_no_quote_has(f, "the story of Eli Moe");
  assert_no_quote_has(f, "number of people she named");
  assert_speaker(f, "the pier would close in June", "Lund");
}

/* "X responded to Y tweeting ...: "..."": the one a participle of saying
 * follows after a verb of answering speaks; a letter's participle is the
 * letter's. */
static void test_responded_to_someone_saying(void **state) {
  fx *f = *state;
  run(f, "The harbour board met on Friday, after board member Marta Solberg wrote to its members.\n\n"
         "Mayor Anna Berg, the board's chair, responded to Solberg tweeting earlier in the day: \"If the board "
         "cannot agree on the pier, it should close it now!\"\n\n"
         "Ida Noe wrote a letter to Solberg saying their \"view is that the pier must stay open.\"");
  assert_speaker(f, "it should close it now", "Solberg");
  assert_speaker(f, "the pier must stay open", "Noe");
}

/* A name before a role of two or three words is whose the role is: "said
 * Berg personal attorney Jon Lund", "said Nordair campaign manager Ida
 * Noe"; the name after the role speaks. */
static void test_name_role_name(void **state) {
  fx *f = *state;
  run(f, "The harbour board met on Friday.\n\n"
         "\"The report does not allege any wrongdoing by the mayor,\" said Berg personal attorney Marta "
         "Solberg.\n\n"
         "\"We are invested in the port at a much higher level,\" said Nordair campaign manager Ida Noe.");
  assert_speaker(f, "does not allege any wrongdoing", "Solberg");
  assert_speaker(f, "much higher level", "Noe");
}

/* Before a colon, the one a verb of rebuke or address is aimed at does
 * not speak; its subject does.  The object of another verb may answer. */
static void test_colon_after_address(void **state) {
  fx *f = *state;
  run(f, "The harbour board met on Monday.\n\n"
         "In a statement, port chief Aki Rantala sharply reprimanded Mayor Anna Berg: \"There is no excuse for "
         "closing the pier.\"\n\n"
         "The vote surprised union leader Ola Dahl: \"I did not expect this at all.\"");
  assert_speaker(f, "There is no excuse", "Rantala");
  assert_speaker(f, "I did not expect this", "Dahl");
}

/* Words the sentence names as a person's ("Mayor Anna Berg's claim that
 * "...", "a Tove Dahl claim that "..."") are that person's, not those of
 * the subject who answers them; not when the that-clause is the cue's own
 * ("Lind said in reply to Berg's remarks that "...""), has ended ("called
 * Berg's charge that he lied to the board "laughable"") or a comma cuts
 * it off.  The quote paragraph after goes on with the subject. */
static void test_owned_speech(void **state) {
  fx *f = *state;
  run(f, "The harbour board met on Monday.\n\n"
         "Port chief Olaf Lind rejected Mayor Anna Berg's claim that the pier \"will never be safe again.\"\n\n"
         "\"We have rebuilt it twice, and it will stand,\" he said.\n\n"
         "On Tuesday the council posted its first fact check on a Tove Dahl claim that \"There is NO WAY the "
         "ferry will sail this year.\"\n\n"
         "Mayor Eva Lund likes to quote Senator Martin Hale's comment that all of us are \"tied to the sea.\" "
         "But she has also warned in recent weeks that the harbour is in danger.\n\n"
         "\"Because times have been tough, everybody is anxious about the ferry.\"\n\n"
         "Union leader Ola Dahl said in reply to Anna Berg's remarks that \"the board has done nothing.\"\n\n"
         "Port engineer Per Holm called Anna Berg's charge that he lied to the board \"laughable.\"");
  assert_speaker(f, "will never be safe again", "Berg");
  assert_speaker(f, "We have rebuilt it twice", "Lind");
  assert_speaker(f, "There is NO WAY", "Dahl");
  assert_speaker(f, "tied to the sea", "Hale");
  assert_speaker(f, "Because times have been tough", "Lund");
  assert_speaker(f, "the board has done nothing", "Dahl");
  assert_speaker(f, "laughable", "Holm");
}

/* A person named between commas right before the cue, after a role
 * ("the aide to Christie, Bridget Anne Kelly, wrote"), is the speaker,
 * not a name inside the role; a party and state there ("R-Ohio") is
 * not. */
static void test_role_then_name_before_cue(void **state) {
  fx *f = *state;
  run(f, "Mayor Anna Berg was angry on Monday.\n\n"
         "\"Time for some traffic problems at the pier,\" the aide to Berg, Tove Dahl, wrote to the board.\n\n"
         "\"We will look into it,\" a spokesman for Mayor Olaf Lind, Nils Holm, said.\n\n"
         "\"No comment,\" Senator Eva Lund, R-Ohio, said.");
  assert_speaker(f, "Time for some traffic problems", "Dahl");
  assert_speaker(f, "We will look into it", "Holm");
  assert_speaker(f, "No comment", "Lund");
}

/* A quote set off right after an inner cue ("Berg said Lind said to her,
 * "..."") is the inner speaker's own words, which the outer one reports;
 * not after a participle ("Lind telling the crew ... before telling them,
 * "..."" stays with its subject), and not a quote inside a reported
 * clause. */
static void test_inner_cue_set_off(void **state) {
  fx *f = *state;
  run(f, "The harbour board met on Monday.\n\n"
         "Anna Berg spoke to the board. Olaf Lind was the port chief then.\n\n"
         "Berg said Lind said to her, \"Come on, the pier is not your business.\"\n\n"
         "Tove Dahl says she believes the plan is \"a disaster for the island.\"");
  assert_speaker(f, "Come on, the pier", "Lind");
  assert_speaker(f, "a disaster for the island", "Dahl");
}

/* A broadcaster named by its call letters reports the words of the one it
 * names ("..., claiming that he "posed a threat," WKXO-TV said"; "as WKXO
 * reports, she called the mayor "an idiot""); a word in capitals is no
 * station ("WEST"). */
static void test_call_letters_report(void **state) {
  fx *f = *state;
  run(f, "Police shot a man on Tuesday in the harbour district.\n\n"
         "Officers then approached the man and shot him, claiming that he \"posed an imminent threat "
         "to the crew,\" WKXO-TV said.\n\n"
         "In one email, as WKXO reports, Anna Berg called the mayor \"an idiot.\"");
  assert_speaker(f, "imminent threat", "Officers");
  assert_speaker(f, "an idiot", "Berg");
  assert_true(px__call_letters("WKXO-TV", 7));
  assert_true(px__call_letters("WNYC", 4));
  assert_false(px__call_letters("WEST", 4));
  assert_false(px__call_letters("WHO", 3));
}

/* Words a noun after the marks names ("the "ferry now" chant", "her
 * "harbour first" slogan") are no one's said here; and the subject of a
 * clause after ", and" speaks by its "by chanting", not the sentence's
 * first ("Berg attacked the plan, and the crowd responded by chanting,
 * "..."). */
static void test_chant_and_coordinated_clause(void **state) {
  fx *f = *state;
  run(f, "The council met on Monday to debate the harbour plan.\n\n"
         "Anna Berg said on Thursday she disagreed with the \"ferry now\" chant.\n\n"
         "Berg attacked the plan at a rally on the quay, and the crowd responded by chanting, "
         "\"Keep the ferry running!\"");
  px_quote q = find(f, "ferry now");
  assert_int_equal(q.kind, PX_QUOTE_SCARE);
  assert_speaker_span(f, "Keep the ferry running", "the crowd");
  /* a crowd right before its participle, after a preposition too; chants
   * "of" a slogan, and the one after "and", belong to the attribution and
   * the remark goes on after them */
  run(f, "The council met on Monday to debate the harbour plan.\n\n"
         "Mayor Anna Berg presided over a crowd chanting \"Save our ferry!\" on the quay.\n\n"
         "\"When you decide the ferry sails, it sails,\" Berg said amid chants of \"four more years\" "
         "and \"Vaasa!\" \"When you decide we go on, we go on.\"");
  assert_speaker_span(f, "Save our ferry", "a crowd");
  q = find(f, "we go on, we go on");
  assert_true(str_has(q.text, "the ferry sails"));
  assert_false(str_has(q.text, "Vaasa"));
  assert_false(str_has(q.text, "four more years"));
}

/* A name with a number after it is a thing's, no speaker ("the crash site
 * of Nordic Air Flight 804 showed ..."), and no "he" stands for it; a
 * possessive's year is no such number ("The Harbour Bureau's 2011 report
 * stated that ..."). */
static void test_numbered_thing_no_speaker(void **state) {
  fx *f = *state;
  run(f, "Remains recovered from the crash site of Nordic Air Flight 804 showed burn marks and were "
         "\"very tiny,\" suggesting an explosion brought down the plane, a forensics official told "
         "reporters on Tuesday.\n\n"
         "He said that \"there isn't even a whole seat left in one piece.\"\n\n"
         "The Harbour Bureau's 2011 report stated that the number of ferry crossings fell by half.");
  px_quote q = find(f, "whole seat");
  assert_false(str_has(q.speaker_name, "Flight"));
  q = find(f, "very tiny");
  assert_false(str_has(q.speaker_name, "Flight"));
  assert_speaker(f, "ferry crossings fell", "Harbour Bureau");
}

/* "Anna Berg's lawyer rallied supporters, saying: ...": the subject of the
 * clause is the lawyer, whose the possessive name says. */
static void test_possessive_subject_of_participle(void **state) {
  fx *f = *state;
  run(f, "The campaign met on Monday.\n\n"
         "Anna Berg's lawyer rallied supporters on Monday, saying: \"We have to be ready to stop "
         "him.\"");
  assert_speaker_span(f, "ready to stop him", "Anna Berg's lawyer");
}

static void test_cue_inside(void **state) {
  fx *f = *state;
  run(f, "Foreign Minister Sergei Lavrov spoke to reporters.\n\n"
         "\"We are ready,\" Lavrov said, \"to talk to anyone who respects us.\"");
  assert_int_equal(px_quotes_count(f->qs), 1);
  px_quote q = find(f, "We are ready");
  assert_int_equal(q.nspans, 2);
  assert_true(str_has(q.text, "to talk"));
  assert_speaker(f, "We are ready", "Lavrov");
}

static void test_multi_paragraph(void **state) {
  fx *f = *state;
  run(f, "Mayor Jonas Lindholm spoke at the opening.\n\n"
         "\"Every bus route will run every ten minutes.\n\n"
         "\"We promised it and we will deliver it,\" Lindholm said.\n\nThe plan costs money.");
  px_quote q = find(f, "Every bus route");
  assert_int_equal(q.kind, PX_QUOTE_DIRECT);
  assert_true(str_has(q.text, "deliver it"));
  assert_speaker(f, "Every bus route", "Lindholm");
}

static void test_partial_and_scare(void **state) {
  fx *f = *state;
  run(f, "Russian President Vladimir Putin praised the \"heroic\" Russian army on Monday.\n\n"
         "Critics call the program a \"lifeline\" for the region's so-called \"elite\" schools.\n\n"
         "She watched the film \"Top Gun Maverick\" twice.");
  px_quote q = find(f, "heroic");
  assert_int_equal(q.kind, PX_QUOTE_PARTIAL);
  assert_speaker(f, "heroic", "Putin");
  q = find(f, "elite");
  assert_int_equal(q.kind, PX_QUOTE_SCARE);
  assert_false(q.has_speaker);
  q = find(f, "Top Gun");
  assert_int_equal(q.kind, PX_QUOTE_TITLE);
  assert_false(q.has_speaker);
}

static void test_colon_and_adjacency(void **state) {
  fx *f = *state;
  run(f, "Senator Maria Lopez spoke after the vote. She told the crowd:\n\n"
         "\"This is only the beginning of our work.\"\n\n"
         "\"We will not stop until every family has a home,\" she said.");
  assert_speaker(f, "only the beginning", "Lopez");
  assert_speaker(f, "every family", "Lopez");
}

static void test_pronouns_and_roles(void **state) {
  fx *f = *state;
  run(f, "Chancellor Dieter Brandauer met Prime Minister Anneli Korhonen in Berlin.\n\n"
         "\"Our support will not end,\" Brandauer said.\n\n"
         "Korhonen thanked him. \"Finland will remember this,\" she said.\n\n"
         "\"We are not done,\" he added.\n\n"
         "The Kremlin said the meeting was a provocation.\n\n"
         "According to Washington, the talks were useful.");
  px_quote q = find(f, "Finland will remember");
  assert_true(str_is((px_str){f->doc ? px_doc_body(f->doc).ptr + q.speaker_start : "",
                              q.speaker_end - q.speaker_start},
                     "she"));
  assert_speaker(f, "Finland will remember", "Korhonen");
  assert_speaker(f, "We are not done", "Brandauer");
  q = find(f, "meeting was a provocation");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_speaker(f, "meeting was a provocation", "Kremlin");
  q = find(f, "talks were useful");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_true(str_is(q.cue, "According to"));
  assert_speaker(f, "talks were useful", "Washington");
}

/* Gender from given names and the text's own pronouns, the thread of
 * attributions, and a subject far from the pronoun. */
static void test_pronoun_gender_and_thread(void **state) {
  fx *f = *state;
  run(f, "Maria Lopez, the mayor, met John Carter at the plant on Monday.\n\n"
         "Carter showed the new line to reporters. \"It will run by June,\" she said.\n\n"
         "\"We cannot wait any longer,\" he added.");
  assert_speaker(f, "run by June", "Lopez");
  assert_speaker(f, "cannot wait", "Carter");
  run(f, "Dana Whitfield spoke first. Later she said she would run again.\n\n"
         "Ronan Keegs listened. \"I will not stand in her way,\" he said.\n\n"
         "Whitfield thanked him. \"The town needs us both,\" she said.");
  assert_speaker(f, "not stand in her way", "Keegs");
  assert_speaker(f, "town needs us both", "Whitfield");
}

/* A given name tells the gender of names the text gives no other sign
 * of: "he" after a quote of Siobhan Garvey's goes to the man the text
 * went on about, not to her. */
static void test_given_name_gender(void **state) {
  fx *f = *state;
  run(f, "\"We have real concerns about the roads, and we will demand that the council press General "
         "Halvorsen about his specific plans and positions,\" Siobhan Garvey, director of the Tenants "
         "League's housing with dignity program, said in a statement.\n\n"
         "Halvorsen is known as one of the most blunt planners of his generation. He is mostly admired "
         "-- but also resented by some -- for his rough edges and odd remarks, traits that have gotten "
         "him into trouble.\n\n"
         "\"You build a road and the town grows around it,\" he said in 2015.");
  assert_speaker(f, "real concerns about the roads", "Garvey");
  assert_speaker(f, "town grows around it", "Halvorsen");
}

/* Attributions that are not "X said" right after the quote. */
static void test_attribution_shapes(void **state) {
  fx *f = *state;
  run(f, "\"Trump must stop portraying us as gangsters.\" \u2015 Carla Sanchez\n\n"
         "\"Many would call that an embarrassment for the mayor\" if she lost, said David "
         "Wasserman, an elections analyst.\n\n"
         "\"Russia, if you are listening, find the emails.\" Trump said.");
  assert_speaker(f, "portraying us", "Carla Sanchez");
  assert_speaker(f, "an embarrassment", "Wasserman");
  assert_speaker(f, "if you are listening", "Trump");
  /* a manner adverb or a phrase of setting after the attribution */
  run(f, "The volunteers called every farm.\n\n"
         "\"I am calling from the Quill campaign. How are you today?\" Miller, a retired teacher, said "
         "pleasantly into the phone.");
  assert_speaker(f, "calling from the Quill campaign", "Miller");
  run(f, "Wendy Larkin said in her remarks that the platform should reiterate the party's "
         "support for \"stalwart allies.\"\n\n"
         "President Ilse Moreau on Friday declared the site \"a national monument.\"\n\n"
         "The Security Council issued a statement calling the test \"a clear violation.\"\n\n"
         "The Harbor Authority published its annual report.\n\n"
         "\"Traffic rose by a third,\" it said.");
  assert_speaker(f, "stalwart allies", "Wendy Larkin");
  assert_speaker(f, "national monument", "Moreau");
  assert_speaker(f, "clear violation", "Security Council");
  px_quote q = find(f, "rose by a third");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "it"));
}

/* Wire prose: the object of "told", adverbs and time phrases beside the
 * subject, a cue in a later clause. */
static void test_wire_prose(void **state) {
  fx *f = *state;
  run(f, "Ales Marchenko told President Ilse Moreau on Wednesday he was sure the republic would "
         "win a \"great victory\" over its enemies, as the country's Western allies warned against "
         "any arms deal.\n\n"
         "Moreau meanwhile praised the \"friendship and cooperation\" between the two countries.\n\n"
         "Marchenko in the past had stressed that the capital would \"always stand with its friends\".\n\n"
         "Marchenko told Moreau that \"the republic will emerge victorious in the sacred fight.\"");
  assert_speaker(f, "great victory", "Ales Marchenko");
  assert_speaker(f, "friendship and cooperation", "Moreau");
  assert_false(str_has(find(f, "friendship and cooperation").speaker_name, "meanwhile"));
  assert_speaker(f, "always stand with", "Marchenko");
  assert_speaker(f, "emerge victorious", "Marchenko");
  /* a pronoun after another of the same gender goes on with its speaker */
  run(f, "Peter Braun apologized for the remarks in a written statement.\n\n"
         "He said he \"respects\" Karl Weber and praised the farmers of the region.\n\n"
         "\"I have tremendous respect for the farmers of this state,\" he said.");
  assert_speaker(f, "tremendous respect", "Braun");
}

/* A body or a place, then role words, then a person: the person heads
 * the phrase, also for a participle far from it ("..., saying"); a verb
 * between makes the person its object, not the subject. */
static void test_role_before_name(void **state) {
  fx *f = *state;
  run(f, "Senate Republican leader Mark Halloway also took to Twitter to show support for the "
         "police, saying: \"Our opponents want to defund you.\"\n\n"
         "State Department deputy spokeswoman Irene Castellano briefed reporters on Monday, saying: "
         "\"We are watching closely.\"\n\n"
         "Norvik Industries fired engineer Paul Osterberg on Friday, saying: \"The memo broke our "
         "rules.\"");
  assert_speaker(f, "want to defund you", "Mark Halloway");
  assert_speaker(f, "watching closely", "Irene Castellano");
  assert_speaker(f, "broke our rules", "Norvik");
  /* a name after its roles, before a verb in the past tense, is the
   * subject the next pronoun goes back to */
  run(f, "White House spokesman Daniel Okafor said President Ruth Alder \"firmly believes that "
         "violence has no place in our society.\"\n\n"
         "Presumptive Republican presidential nominee Victor Hale used nearly identical language "
         "in condemning the attack on Wednesday.\n\n"
         "\"There is no place for such violence,\" he said in a statement.");
  assert_speaker(f, "no place for such violence", "Victor Hale");
}

/* An outlet that reports what someone said is not the speaker. */
static void test_outlet_reports(void **state) {
  fx *f = *state;
  run(f, "The hearing on the new bill opens in the capital on Wednesday morning.\n\n"
         "Dorsey will also say that the state should not \"decide what we can own and use to "
         "protect our homes,\" NPR's Hal Brennick reports.\n\n"
         "The Los Angeles Times adds that Mayor Lena Ortiz is expected to say that \"too many "
         "families wait far too long for a bus.\"\n\n"
         "Senator Paul Weaver has accused the agency of using \"deception\" and \"old tricks of "
         "delay\" to stall the project, according to Reuters.\n\n"
         "Mayor Lena Ortiz spoke for an hour. The second group was asked simpler questions.\"Both "
         "sides were less likely to trust the results,\" the Post reported.");
  assert_speaker(f, "decide what we can own", "Dorsey");
  assert_speaker(f, "too many families", "Lena Ortiz");
  assert_speaker(f, "deception", "Paul Weaver");
  assert_speaker(f, "old tricks of delay", "Paul Weaver");
  /* the one asked is no speaker: the outlet stays */
  assert_speaker(f, "less likely to trust", "Post");
  /* an outlet with no one before it keeps its words */
  run(f, "The city council met again on Tuesday to discuss the budget for the next year.\n\n"
         "The New York Times reported that the plan was \"dead on arrival.\"");
  assert_speaker(f, "dead on arrival", "New York Times");
}

/* A name right before the opening mark is what the quote is about; a
 * sentence led by he or she goes on about that person. */
static void test_pronoun_not_the_quoted_subject(void **state) {
  fx *f = *state;
  run(f, "The House voted on Wednesday to send the articles against Governor Ann Harlan to the "
         "Senate.\n\n"
         "At her weekly news conference on Thursday, Speaker Nora Lindqvist said nothing can "
         "remove the mark Harlan will now carry.\n\n"
         "Harlan \"will not be cleared,\" she said. \"You cannot be cleared without a trial.\"");
  assert_speaker(f, "will not be cleared", "Nora Lindqvist");
  /* he who defended Kang is not Kang, though Kang opened a sentence */
  run(f, "President Tomas Varga spoke to reporters in Hanoi on Thursday after his second summit "
         "with North Korean leader Kang Min-su ended. Kang left the city by train.\n\n"
         "He even defended Kang over the death of the student Otto Brill. \"He says he didn't know "
         "about it and I will take him at his word,\" he said.");
  assert_speaker(f, "take him at his word", "Tomas Varga");
  /* a party label between the name and its verb; a name the verb of
   * saying reaches, inside what was said, is no subject */
  run(f, "The House voted on Wednesday to send the articles against Governor Ann Harlan to the "
         "Senate.\n\n"
         "Speaker Nora Lindqvist, D-Calif., said nothing can remove the mark Governor Ann Harlan "
         "will now carry.\n\n"
         "\"She will not be cleared,\" she said.");
  assert_speaker(f, "She will not be cleared", "Nora Lindqvist");
  /* the person after an inverted "said" that ends the sentence before */
  run(f, "Governor Ann Harlan praised the transit plan on Monday and said it would pass.\n\n"
         "The plan is a good start for the city, said Ruth Amsel, a historian at Lakeside College.\n\n"
         "\"It puts us in a very good place,\" she said.");
  assert_speaker(f, "very good place", "Ruth Amsel");
}

/* A role and the name set apart after it are one speaker; a name before a
 * role after "said" is whose the role is. */
static void test_role_and_name(void **state) {
  fx *f = *state;
  run(f, "Nordair agreed on Monday to buy Alpina Airways for 2.4 billion euros, the two airlines "
         "said.\n\n"
         "Nordair has said the Alpina name will be kept. Its chief executive, Henrik Vestergaard, "
         "argued that only a bigger group could survive.\n\n"
         "\"Neither airline could compete with the largest groups on its own,\" said Nordair boss "
         "Henrik Vestergaard.\n\n"
         "\"We were not asked,\" said Halden spokeswoman Ruth Amsel.");
  assert_speaker(f, "bigger group could survive", "Henrik Vestergaard");
  assert_speaker(f, "Neither airline could compete", "Henrik Vestergaard");
  assert_speaker(f, "We were not asked", "Ruth Amsel");
}

/* Pronouns and their antecedents on ordinary news prose. */
static void test_pronoun_antecedents(void **state) {
  fx *f = *state;
  /* a place in the apposition tells where the speaker is from */
  run(f, "Johnnie Wilson, of Dayton, Ohio, said he had served in the army \"for the rights of "
         "everyone.\"\n\n"
         "\"We have been part of this history all along,\" he said.");
  assert_speaker(f, "for the rights of everyone", "Johnnie Wilson");
  assert_speaker(f, "part of this history", "Johnnie Wilson");
  /* a name of unknown kind that has spoken is a person for the pronoun */
  run(f, "The Harbor Guild met on Monday.\n\n"
         "Fiorina, the owner, said the plant had \"ruined the river.\"\n\n"
         "\"Nobody listened to us for years,\" she said.");
  assert_speaker(f, "Nobody listened", "Fiorina");
  /* a name given a role in an apposition is the next voice */
  run(f, "Ivan Petrov, the city engineer, spoke first.\n\n"
         "Petrov largely agreed with the council. \"The bridge will open in May,\" he said.\n\n"
         "The long delay on the bridge still worries Henry Reyes, president of the Harbor Guild.\n\n"
         "\"Nobody is speaking for the boatmen,\" he said.");
  assert_speaker(f, "bridge will open", "Petrov");
  assert_speaker(f, "speaking for the boatmen", "Reyes");
  /* a bare family name two people share: the pronoun's gender decides */
  run(f, "Hillary Vance met the press on Friday.\n\n"
         "The mayor spoke of the new harbor.\n\n"
         "The council voted on Monday.\n\n"
         "The budget passed.\n\n"
         "Her husband, former Governor Bill Vance, attended the opening in May.\n\n"
         "\"It was a wonderful evening,\" Vance said.\n\n"
         "\"We will be back next year,\" she continued.");
  assert_speaker(f, "back next year", "Hillary Vance");
  /* a gender read only from the pronouns near a name does not bar it */
  run(f, "Zorina Okonjo runs the firm her father founded.\n\n"
         "Okonjo said he would never sell it.\n\n"
         "\"The numbers do not add up,\" said Ken Ashe, a council member.\n\n"
         "In an essay on Sunday, Okonjo defended the plan. \"Families need this help,\" she wrote.");
  assert_speaker(f, "Families need this help", "Okonjo");
  /* the subject of a verb of blame, not its object, is the thread's */
  run(f, "Yesterday morning the mayor Lena Ortiz criticized officer Mara Jensen for the arrest.\n\n"
         "\"How many times must we see this in our town?\" she said.");
  assert_speaker(f, "How many times", "Ortiz");
  /* a relative pronoun is the subject as written; the name before it
   * says who speaks */
  run(f, "Farmers cheered Senator Dara Quill, who called the levy \"a fair deal for farmers.\"");
  px_quote q = find(f, "a fair deal");
  assert_speaker(f, "a fair deal", "Dara Quill");
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "who"));
  /* a time phrase between the subject and its verb; a participle after a
   * thing ("at one point calling") has the clause's subject */
  run(f, "The Harbor Authority less than two weeks ago said for the first time that the pier was "
         "\"unsafe for boats.\"\n\n"
         "Governor Ana Ruiz has fought the council for months, at one point calling its members "
         "\"clowns.\"");
  assert_speaker(f, "unsafe for boats", "Harbor Authority");
  assert_speaker(f, "clowns", "Ana Ruiz");
  /* after "with", the name before a participle is its subject */
  run(f, "Governor Ana Ruiz pushed the levy through the council, with Senator Dara Quill calling it "
         "\"a sad day for farmers.\"");
  assert_speaker(f, "sad day for farmers", "Quill");
  /* "what X called": X keeps the words, whatever verb of saying is before */
  run(f, "Governor Ana Ruiz said the council had approved the levy, which was what Senator Dara "
         "Quill called \"a sad day for every farmer.\"");
  assert_speaker(f, "every farmer", "Quill");
  /* "what they call": the group named before it */
  run(f, "Governor Ana Ruiz spoke in Dayton.\n\n"
         "Quill's campaign is seeking to contrast her plan with what they call the governor's "
         "\"reckless levy.\"");
  px_quote qt = find(f, "reckless levy");
  assert_true(qt.has_speaker);
  assert_true(str_has((px_str){px_doc_body(f->doc).ptr + qt.speaker_start, qt.speaker_end - qt.speaker_start},
                      "campaign"));
  /* the subject of a participle is the main clause's, past an opening
   * subordinate clause */
  run(f, "After Governor Ana Ruiz fell ill, Senator Dara Quill sent her flowers, telling her \"the farmers "
         "are praying for you.\"");
  assert_speaker(f, "praying for you", "Quill");
}

/* A verb that reports speech only beside a quote (described, called),
 * inside the clause of a verb of saying, gives the words to the outer
 * speaker; a capitalized name in marks after a preposition is a programme
 * or a title, not words anyone spoke. */
static void test_outer_cue_and_programmes(void **state) {
  fx *f = *state;
  run(f, "Senator Dara Quill said on Tuesday that Governor Tomas Vey had described the levy as "
         "\"a modest correction\" to the budget.\n\n"
         "In an interview with \"Morning Desk,\" Quill said the levy would hurt farmers.\n\n"
         "Vey called the senator \"badly misinformed\" on Wednesday.");
  assert_speaker(f, "modest correction", "Quill");
  px_quote q = find(f, "Morning Desk");
  assert_int_equal(q.kind, PX_QUOTE_TITLE);
  assert_false(q.has_speaker);
  /* with no verb of saying around it, "called" keeps its own subject */
  assert_speaker(f, "badly misinformed", "Vey");
  /* a title gives a person whatever the gazetteer says of the name; the
   * subject of a clause another verb reports is not the thread's subject */
  run(f, "Senator Paul Ridley spoke in Ohio on Monday. He said he \"loves\" the state.\n\n"
         "In a column, Mr. Jordan suggested saving a little every month.\n\n"
         "Harsh? He does not think so. \"I do not judge what people spend money on,\" he said.");
  assert_speaker(f, "do not judge", "Jordan");
  run(f, "\"Our assumption is that the veto will be overridden,\" Senate leader Mitch Dorn said Tuesday.\n\n"
         "House Speaker Paul Ridley, despite his concerns, does believe Dorn is correct about the override.\n\n"
         "\"I do think the votes are there for the override,\" he said.");
  assert_speaker(f, "votes are there", "Ridley");
  /* thanks and praise carry a quote */
  run(f, "Mayor Lena Ortiz thanked the volunteers for \"stepping up when nobody else would.\"");
  px_quote q2 = find(f, "stepping up");
  assert_int_equal(q2.kind, PX_QUOTE_PARTIAL);
  assert_speaker(f, "stepping up", "Ortiz");
}

/* "According to X" names the source of the whole sentence when the
 * speaker it reports is no named person; a named person keeps the words. */
static void test_according_to_outer(void **state) {
  fx *f = *state;
  run(f, "According to the Harbor Gazette, the mayor said the pier was \"unsafe for boats.\"\n\n"
         "\"We will not reopen it this year,\" Lena Ortiz told the council, according to a transcript.");
  assert_speaker(f, "unsafe for boats", "Harbor Gazette");
  assert_speaker(f, "not reopen it", "Ortiz");
  run(f, "The mayor said the pier was \"unsafe for boats.\"");
  assert_false(str_has(find(f, "unsafe for boats").speaker_name, "Gazette"));
}

/* A phrase that opens on "of", or a bare participle, is no subject: the
 * plural noun after it ("claims", "states") is no verb of saying. */
static void test_no_subject_phrases(void **state) {
  fx *f = *state;
  run(f, "The Harbor Ledger called 40% of council claims \"false\" or \"misleading,\" twice the "
         "rate of last year.\n\n"
         "Senator Dara Quill said she hopes the new levy can be \"the best of both worlds,\" giving "
         "states more money.");
  assert_speaker(f, "misleading", "Harbor Ledger");
  assert_speaker(f, "best of both worlds", "Quill");
  /* a gerund after a preposition ends a phrase: "of making racist remarks" */
  run(f, "Senator Dara Quill has cast former secretary of State Ana Ruiz as unfit and accused her of "
         "making racist remarks by using the term \"lazy farmers.\"");
  assert_speaker(f, "lazy farmers", "Quill");
  /* a preposition after a verb opens its complement: no inverted speaker */
  run(f, "Senator Dara Quill is telling a crowd in Dayton that the levy is \"peanuts,\" compared to "
         "what Governor Ana Ruiz is planning.");
  assert_speaker(f, "peanuts", "Quill");
  /* a verb form after a preposition is a noun: "in states like Ohio" */
  run(f, "For young voters in states like Ohio, he said, the levy is \"a burden they cannot carry.\"");
  px_quote q = find(f, "cannot carry");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "he"));
}

/* A relative pronoun is the subject as written whatever names it: a role,
 * a crowd, or a name with a phrase set off by commas after "who". */
static void test_relative_subjects(void **state) {
  fx *f = *state;
  const char *text = "\"We are ready,\" said Tom Ruck, the council's chief strategist, who added that the "
                     "plan was \"like building a bridge at night.\"\n\n"
                     "The levy was opposed by Senator Dara Quill, who, after a long debate with the mayor, "
                     "said the vote was \"a sad day for farmers.\"";
  run(f, text);
  const char *body = px_doc_body(f->doc).ptr;
  px_quote q = find(f, "building a bridge");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "who"));
  q = find(f, "sad day for farmers");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "who"));
  assert_speaker(f, "sad day for farmers", "Quill");
  /* a year between the pronoun and its verb is a time phrase */
  run(f, "The vote was put off by the council leader, who in 2010 said the pier was \"a waste of money.\"");
  body = px_doc_body(f->doc).ptr;
  q = find(f, "waste of money");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "who"));
}

/* "..., said Smith's office": a possessive after the verb heads another
 * phrase, so the sentence is no ", said X." attribution. */
static void test_indirect_possessive(void **state) {
  fx *f = *state;
  run(f, "Dara Quill, who studies farm policy at the Harbor Institute, said Tomas Vey's statement "
         "did not settle the matter.");
  px_quote q = find(f, "settle the matter");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_speaker(f, "settle the matter", "Quill");
}

/* A programme named in the attribution ("said on "Morning Desk."") does
 * not cut the remark: the stretch after it goes on with the same quote. */
static void test_programme_in_attribution(void **state) {
  fx *f = *state;
  run(f, "Senator Dara Quill spoke on Sunday.\n\n"
         "\"We will win this vote,\" Quill said on \"Morning Desk.\" \"The levy is not a fair deal "
         "for the farmers of this state.\"");
  px_quote q = find(f, "fair deal");
  assert_int_equal(q.nspans, 2);
  assert_true(str_has(q.text, "We will win"));
  assert_speaker(f, "fair deal", "Quill");
  assert_int_equal(find(f, "Morning Desk").kind, PX_QUOTE_TITLE);
}

/* Single marks in a short first paragraph are a headline's: the editor's
 * shorthand, not a quote the body reports. */
static void test_headline_single_marks(void **state) {
  fx *f = *state;
  run(f, "Mayor calls pier plan 'a sad day for boats.'\n\n"
         "Mayor Lena Ortiz on Monday called the pier plan \"a sad day for every boat owner\" and asked the "
         "council to vote again.");
  px_quote q = find(f, "for boats.");
  assert_int_equal(q.kind, PX_QUOTE_TITLE);
  assert_false(q.has_speaker);
  assert_speaker(f, "every boat owner", "Ortiz");
}

/* A quote's trailing attribution is in its own paragraph: a cue opening
 * the next paragraph ("According to Ruiz, ...") speaks of something else,
 * and the second stretch of the remark stays with the first. */
static void test_attribution_stays_in_paragraph(void **state) {
  fx *f = *state;
  run(f, "The general spoke at the base on Monday.\n\n"
         "\"We keep losing ground,\" he said. \"We are paying far too much for too little.\"\n\n"
         "According to Ana Ruiz, the budget is too small.");
  px_quote q = find(f, "too little");
  assert_int_equal(q.nspans, 2);
  assert_true(str_has(q.text, "losing ground"));
  assert_false(str_has(q.speaker_name, "Ruiz"));
}

/* A verb that needs a quote speaks for "it" when the quote is beside it;
 * "another" stands for a person; manner verbs of speech. */
static void test_it_read_another_said(void **state) {
  fx *f = *state;
  const char *text = "The sign stood by the pier.\n\n"
                     "\"No boats after dark,\" it read.\n\n"
                     "One farmer wanted the levy. Another said, \"We cannot pay any more this year.\"\n\n"
                     "\"The way I see it,\" she elaborated, \"nobody asked the farmers.\"";
  run(f, text);
  const char *body = px_doc_body(f->doc).ptr;
  px_quote q = find(f, "No boats after dark");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "it"));
  q = find(f, "cannot pay any more");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "Another"));
  q = find(f, "nobody asked");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "she"));
}

/* A colon closes a clause whose subject speaks: a body, a document or a
 * pronoun after an opening phrase. */
static void test_colon_subjects(void **state) {
  fx *f = *state;
  const char *text = "Senator Dara Quill spoke in Dayton.\n\n"
                     "But back in the capital, she returned to her old theme: \"The levy is a tax on "
                     "farmers.\"\n\n"
                     "Quill's letter makes a simple case: \"Farmers cannot pay more this year.\"";
  run(f, text);
  const char *body = px_doc_body(f->doc).ptr;
  px_quote q = find(f, "a tax on farmers");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "she"));
  assert_speaker(f, "a tax on farmers", "Quill");
  q = find(f, "cannot pay more");
  assert_true(q.has_speaker);
  assert_true(str_has((px_str){body + q.speaker_start, q.speaker_end - q.speaker_start}, "letter"));
  /* a dash closes such a clause as a colon does */
  run(f, "Senator Dara Quill also backed the new levy -- \"Farmers will thank us in ten years.\"");
  assert_speaker(f, "thank us in ten years", "Quill");
}

/* A quote standing alone at the start of the next paragraph goes on with
 * the remark before it: one quote, one speaker. */
static void test_remark_over_paragraphs(void **state) {
  fx *f = *state;
  run(f, "\"The levy will pass,\" Senator Dara Quill said on Monday.\n\n"
         "\"Farmers have waited for this bill for ten years, and they will not wait longer.\"\n\n"
         "The council meets again in May.");
  px_quote q = find(f, "waited for this bill");
  assert_int_equal(q.nspans, 2);
  assert_true(str_has(q.text, "levy will pass"));
  assert_speaker(f, "waited for this bill", "Quill");
  assert_int_equal(px_quotes_count(f->qs), 1);
}

/* he/she: a name after "that" behind its title, after a wh-word, or in
 * the clause another person's verb reports, is not the thread's subject. */
static void test_pronoun_not_in_reported_clause(void **state) {
  fx *f = *state;
  run(f, "At a rally in Dayton, Mr. Tomas Vey was just as blunt, claiming that President Ivan Brook "
         "wanted to double the levy. \"You would have to be insane,\" he said.");
  assert_speaker(f, "have to be insane", "Vey");
  run(f, "In a memo released on Tuesday, campaign manager Robby Lane acknowledged the governor and "
         "Tomas Vey had split the first two contests, which is an outcome, he said, \"we have long "
         "expected.\"");
  assert_speaker(f, "long expected", "Lane");
  run(f, "Andrew Hale took his daughter to the museum on Sunday to explain to her who Tomas Vey was.\n\n"
         "He said: \"He was strong, and I hope I can be like him.\"");
  assert_speaker(f, "hope I can be like him", "Hale");
  /* a name with its role opening a clause, before a past tense, is its subject */
  run(f, "Senator Tomas Vey is burrowing in for a floor fight. He is asking delegates to switch.\n\n"
         "On Monday night, Quill campaign manager Robby Lane released a memo on the race.\n\n"
         "In it, he says the senator has \"a lead nobody can close.\"");
  assert_speaker(f, "nobody can close", "Lane");
  /* after "with", the name before a participle is the subject */
  run(f, "Irena Brook, an economist, said farmers would pay more.\n\n"
         "It has become an issue in the race, with Senator Dara Quill -- who has called for lower "
         "taxes -- attacking the plan.\n\n"
         "\"The plan would hurt every farmer in this state,\" she said.");
  assert_speaker(f, "hurt every farmer", "Quill");
  /* a name of unknown kind opening its sentence with a relative clause
   * after it is a person for the pronoun */
  run(f, "Senator Dara Quill spoke first. \"Change the levy,\" she said.\n\n"
         "Meanwhile Zolvanne, who was honored with a farm award, spoke about the harvest. \"The minute "
         "you learn to love the land, you stay,\" she said.");
  assert_speaker(f, "learn to love the land", "Zolvanne");
  /* a named subject of the cue right before the quote beats a pronoun
   * after it */
  run(f, "Irena Brook spoke first.\n\n"
         "Asked about the levy, Dara Quill said \"I know nothing about the levy,\" she said.");
  assert_speaker(f, "know nothing about", "Quill");
  px_quote q = find(f, "know nothing about");
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Dara Quill"));
  run(f, "Irena Brook spoke first.\n\n"
         "Dara Quill said she backed the levy because \"farmers cannot wait any longer,\" she said.");
  q = find(f, "cannot wait any longer");
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Dara Quill"));
  /* a title in marks inside the subject's apposition does not cut it off */
  run(f, "Irena Brook, the author of \"Harbor Days,\" a book about the port, said the days of "
         "\"a shared set of facts\" were over.");
  assert_speaker(f, "shared set of facts", "Brook");
}

static void test_indirect(void **state) {
  fx *f = *state;
  run(f, "Health Minister Meera Pillai said that the outbreak was not over yet.\n\n"
         "The vaccine protects well against severe illness, Pillai said.");
  px_quote q = find(f, "outbreak was not over");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_true(str_is(q.cue, "said"));
  assert_speaker(f, "outbreak was not over", "Pillai");
  q = find(f, "protects well");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_speaker(f, "protects well", "Pillai");
}

/* A reported clause stops where the sentence turns to its circumstances:
 * "... support for the strike on Monday as she met the dockers" reports
 * the support, not the meeting. */
static void test_indirect_stops_at_circumstance(void **state) {
  fx *f = *state;
  run(f, "Harbor strike\n\nMayor Liisa Koski pledged full support for the strike on Monday as "
         "she met the dockers at the north quay, a stretch of wharf the council plans to sell.\n\n"
         "Union leader Aki Rantala said that the talks had failed, as the company refused to "
         "raise its offer.");
  px_quote q = find(f, "full support for the strike");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_false(str_has(q.text, "met the dockers"));
  assert_true(str_has(q.text, "on Monday"));
  q = find(f, "talks had failed");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_false(str_has(q.text, "refused"));
}

/* A relative clause's report stops where the sentence's own verb comes
 * back: "Koski, who said ..., was sentenced" reports what she said, not
 * the sentence; a comma inside the report before it stays. */
static void test_indirect_in_relative_clause(void **state) {
  fx *f = *state;
  run(f, "Quay trial\n\nDock manager Liisa Koski, who said she mistook the north gate for her own "
         "and locked the workers out of the quay, was fined 3,000 euros on Tuesday.\n\n"
         "Union leader Aki Rantala, who said the offer, made in March, was an insult, "
         "resigned the next day.");
  px_quote q = find(f, "mistook the north gate");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_true(str_has(q.text, "locked the workers out of the quay"));
  assert_false(str_has(q.text, "fined"));
  assert_speaker(f, "mistook the north gate", "Koski");
  q = find(f, "was an insult");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_true(str_has(q.text, "made in March"));
  assert_false(str_has(q.text, "resigned"));
}

/* A headline set in the body reports no speech of its own ("Koski Says
 * She Is Sorry About The Gate"); a sentence of names in capitals with a
 * source does ("According to the Harbour Board, in 2019, Koski was ...").
 */
static void test_no_indirect_in_headline(void **state) {
  fx *f = *state;
  run(f, "Quay trial\n\nKoski Says She Is Sorry About The North Gate At Vaasa Quay\n\n"
         "Dock manager Liisa Koski told the court on Tuesday that she regretted the lockout.\n\n"
         "According to the Harbour Board, in 2019, Koski was its longest serving manager.");
  assert_no_quote_has(f, "Sorry About The North Gate");
  px_quote q = find(f, "regretted the lockout");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  q = find(f, "longest serving manager");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
}

/* An aside between dashes before the reported clause is the writer's:
 * "insisted -- over and over -- he was being honest"; a hyphen inside the
 * clause ends no aside ("-- The 8-year-old ..."). */
static void test_indirect_after_dash_aside(void **state) {
  fx *f = *state;
  run(f, "Quay inquiry\n\nThe hearing ran late on Friday.\n\nAna Lind insisted -- over and over -- she was "
         "being honest with the harbour board.\n\nEva Holm said \xe2\x80\x94 falsely, it turned out "
         "\xe2\x80\x94 that there was no record of the vote.");
  px_quote q = find(f, "being honest");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_false(str_has(q.text, "over and over"));
  q = find(f, "no record of the vote");
  assert_false(str_has(q.text, "falsely"));
  assert_false(str_has(q.text, "that there"));
}

/* A phrase of examples set apart ("including the mayor's parents") is no
 * speaker: the subject is before it. */
static void test_including_is_no_speaker(void **state) {
  fx *f = *state;
  run(f, "Quay vote\n\nAna Lind was hurt on the quay in May.\n\n"
         "Many, including Lind's parents, said the quay plan would fail.\n\n"
         "Several councillors, including Ana Lind, said the ferry fares would rise.");
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    px_quote q;
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    if (!q.has_speaker) continue;
    px_str got = {px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start};
    if (str_has(got, "including")) fail_msg("speaker written '%.*s'", (int)got.len, got.ptr);
  }
}

/* "recounted" or "relayed" before a noun phrase tells a thing, not speech:
 * "the report, which recounted the mayor's anger over the quay and his
 * efforts to close it"; before a clause it reports ("recounted that"). */
static void test_recounted_object(void **state) {
  fx *f = *state;
  run(f, "Quay inquiry\n\nThe clerk was a vital witness in the report, which recounted the mayor's anger "
         "over the quay and his efforts to close it.\n\nThe clerk recounted that the mayor had shouted at "
         "the harbour board twice.");
  assert_no_quote_has(f, "anger over the quay");
  px_quote q = find(f, "shouted at the harbour board");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
}

/* "X told Y CLAUSE" with no "that": the one told is not part of what was
 * said ("told investigators she was ...", "told reporters Monday the quay
 * would ...", "told Coast Radio's Maja Lind he would ..."). */
static void test_told_without_that(void **state) {
  fx *f = *state;
  run(f, "Quay trial\n\nDock manager Liisa Koski told investigators she was locked out of the gate twice.\n\n"
         "Port chief Aki Rantala told reporters Monday the quay would reopen in the spring.\n\n"
         "Union leader Eva Holm told Coast Radio's Maja Lind she would call another strike soon.\n\n"
         "Harbour clerk Ida Noe told lawmakers she hadn\u2019t seen the memo before the vote.\n\n"
         "Pilot Eli Moe told investigators he shot the flare by mistake.");
  px_quote q = find(f, "locked out of the gate");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_false(str_has(q.text, "investigators"));
  assert_speaker(f, "locked out of the gate", "Koski");
  q = find(f, "quay would reopen");
  assert_false(str_has(q.text, "reporters"));
  assert_false(str_has(q.text, "Monday"));
  q = find(f, "another strike");
  assert_false(str_has(q.text, "Lind"));
  assert_speaker(f, "another strike", "Eva Holm");
  q = find(f, "seen the memo");
  assert_false(str_has(q.text, "lawmakers"));
  q = find(f, "shot the flare");
  assert_false(str_has(q.text, "investigators"));
}

/* A "that" on the cue's own object opens a relative clause, not what
 * was said: "claimed responsibility for the blasts that killed ..."; a
 * clause that runs on past such a "that" is reported whole ("said the
 * closure was a mistake that cost ..."), and "said in a statement that"
 * still goes on to what was said. */
static void test_relative_that_after_object(void **state) {
  fx *f = *state;
  run(f, "Quay blasts\n\nThe Harbour Front claimed responsibility for the blasts at two piers that killed "
         "nine dock workers on Friday.\n\n"
         "Port chief Aki Rantala said the closure was a mistake that cost the town its ferry line.\n\n"
         "Union leader Eva Holm said in a statement that the piers would stay shut until May.");
  assert_no_quote_has(f, "killed nine dock workers");
  px_quote q = find(f, "a mistake that cost");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_true(str_has(q.text, "the closure was"));
  assert_speaker(f, "a mistake that cost", "Aki Rantala");
  assert_speaker(f, "piers would stay shut", "Eva Holm");
}

/* A cue's object, then "and said" or "but said": what was said follows
 * the second cue ("denied the allegation and said the ...", "acknowledged
 * the delay but said ..."). */
static void test_second_cue_after_object(void **state) {
  fx *f = *state;
  run(f, "Quay talks\n\nPort chief Aki Rantala denied the allegation and said the contract was signed in "
         "good faith.\n\nUnion leader Eva Holm acknowledged the delay but said the ferries would sail in May.");
  px_quote q = find(f, "signed in good faith");
  assert_false(str_has(q.text, "allegation"));
  assert_speaker(f, "signed in good faith", "Aki Rantala");
  q = find(f, "ferries would sail");
  assert_false(str_has(q.text, "delay"));
  assert_speaker(f, "ferries would sail", "Eva Holm");
}

/* "those who say ..." defines a group by what it says; no one is quoted
 * ("Among those who say they back the pier, ..."), unless one is said to
 * be among them ("Holm was among those who said ..."). */
static void test_those_who_say(void **state) {
  fx *f = *state;
  run(f, "Quay poll\n\nAmong those who say they back the new pier, the share of undecided voters is falling "
         "fast.\n\nUnion leader Eva Holm was among those who said the ferries should sail again in May.");
  assert_no_quote_has(f, "back the new pier");
  assert_speaker(f, "ferries should sail", "Eva Holm");
}

/* A span of time opening the clause ("One day earlier, she issued a
 * statement condemning ...") is no subject: the speaker is the clause's. */
static void test_time_opener_no_subject(void **state) {
  fx *f = *state;
  run(f, "Quay blasts\n\nUnion leader Eva Holm left the harbour town years ago.\n\n"
         "One day earlier, she issued a statement condemning, \"in the strongest terms, the blasts at the "
         "two piers.\"");
  px_quote q = find(f, "strongest terms");
  assert_false(q.has_speaker && str_has(q.speaker_name, "day"));
  assert_speaker(f, "strongest terms", "Eva Holm");
}

/* "What X said ..." is a free relative whose clause lacks its object: no
 * words of X's ("What the mayor said she supports on the quay (for
 * now)"); a colon after it opens them, and a cleft ("What Holm did was
 * suggest that ...") reports. */
static void test_what_x_said(void **state) {
  fx *f = *state;
  run(f, "Quay talks\n\nWhat Mayor Liisa Koski said she supports on the quay (for now)\n\n"
         "What Eva Holm did was suggest that the union would accept a shorter contract.\n\n"
         "What Aki Rantala said: the ferries will sail again in May.");
  assert_no_quote_has(f, "supports on the quay");
  assert_speaker(f, "accept a shorter contract", "Eva Holm");
  assert_speaker(f, "ferries will sail again", "Aki Rantala");
}

/* The one spoken to before a colon is no speaker: "in an interview with
 * Coast Radio's Maja Lind: "..."", "tells Maja Lind: "..."" are the
 * interviewee's words; a name alone before a colon still speaks. */
static void test_interviewer_before_colon(void **state) {
  fx *f = *state;
  run(f, "Quay trial\n\nThe veteran columnist sized up the harbour's chances in an interview with "
         "Coast Radio's Maja Lind: \"Well, with the new cranes the quay could be ready by spring.\"\n\n"
         "Port chief Aki Rantala tells Maja Lind: \"The ferries will sail again in May.\"\n\n"
         "Union leader Eva Holm: \"The offer is still too low for our members.\"");
  px_quote q = find(f, "new cranes");
  assert_false(q.has_speaker && str_has(q.speaker_name, "Lind"));
  q = find(f, "ferries will sail");
  assert_false(q.has_speaker && str_has(q.speaker_name, "Lind"));
  assert_speaker(f, "still too low", "Eva Holm");
}

/* "The Koski family said": the family speaks, not the Koski named before
 * ("family" in -ly is no adverb after a name, as "initially" is). */
static void test_family_speaks(void **state) {
  fx *f = *state;
  run(f, "Quay trial\n\nDock manager Liisa Koski was fined on Tuesday.\n\n"
         "The Koski family said in a statement that they were \"deeply shaken by the verdict.\"\n\n"
         "\"We will appeal as soon as the court allows it,\" the Koski family said.");
  assert_speaker_span(f, "deeply shaken", "The Koski family");
  assert_speaker_span(f, "We will appeal", "the Koski family");
}

/* "Name, a role, who said": the relative pronoun's antecedent is the role
 * set apart after the name, and so the name. */
static void test_relative_after_role(void **state) {
  fx *f = *state;
  run(f, "Storm response\n\nThe mayor got some help from Marta Quinn, the former Ohio "
         "governor, who said at the rally in Dayton, \"The local level is what really matters in "
         "a storm like this one.\"");
  assert_speaker(f, "local level is what really matters", "Quinn");
}

/* A relative pronoun that stands for no name is named by the words it
 * stands for ("union leaders", not "who"); the speaker as written stays. */
static void test_relative_names_its_antecedent(void **state) {
  fx *f = *state;
  run(f, "Port vote\n\nThe plan met a backlash from harbor union leaders, who said they were "
         "disappointed in the council's vote on the north quay.");
  assert_speaker(f, "disappointed in the council", "union leaders");
  assert_speaker_span(f, "disappointed in the council", "who");
}

/* The "of" of a role is no preposition before its holder: "Minister of
 * Fisheries Ana Lind said" is Lind's, not "Minister"'s. */
static void test_role_with_of(void **state) {
  fx *f = *state;
  run(f, "Quota talks\n\nThe talks ended late on Tuesday.\n\nMinister of Fisheries Ana Lind "
         "said that the northern quota would be cut by a third next year.");
  assert_speaker(f, "northern quota would be cut", "Ana Lind");
  /* over an office's name to its holder, from a participle's clause */
  run(f, "Quota talks\n\nThe talks ended late on Tuesday.\n\nAttorney General Ana Lind "
         "answered the question by saying \"the northern quota stays as it is\" for a year.");
  assert_speaker(f, "northern quota stays", "Ana Lind");
  /* a group of people, not an office: "Critics of Guantanamo say" */
  run(f, "Quota talks\n\nThe talks ended late on Tuesday.\n\nCritics of Ana Lind say that the "
         "minister cut the northern quota too far for the small boats.");
  px_quote q = find(f, "cut the northern quota too far");
  assert_false(str_has(q.speaker_name, "Lind"));
}

/* Whoever an outlet quotes as saying is the speaker, not the outlet. */
static void test_quoted_as_saying(void **state) {
  fx *f = *state;
  run(f, "Quota talks\n\nState radio quoted Fisheries Minister Ana Lind as saying that the "
         "northern quota would be cut by a third.\n\n\"The talks were useful,\" the Nordwire "
         "agency quoted Tomas Berg as saying.\n\nThe agency quoted a senior official as saying "
         "the talks would resume next week.\n\nLind was quoted last year as saying she would "
         "never cut the quota.");
  assert_speaker(f, "northern quota would be cut", "Ana Lind");
  assert_speaker(f, "talks were useful", "Tomas Berg");
  assert_speaker(f, "talks would resume", "senior official");
  assert_speaker(f, "never cut the quota", "Lind");
}

/* After a possessive, any noun is the role of the name the commas set
 * apart: "His rival, Tomas Berg, says ..." is Berg's. */
static void test_possessive_apposition(void **state) {
  fx *f = *state;
  run(f, "Quota talks\n\nAna Lind cut the quota on Tuesday.\n\nHer rival, Tomas Berg, says Lind "
         "is trying to be \"the queen of the north quay\" before the vote.");
  assert_speaker(f, "queen of the north quay", "Tomas Berg");
  run(f, "Quota talks\n\nAna Lind cut the quota on Tuesday.\n\nA fisheries analyst at the Nordic "
         "Council in Oslo, Peter Strand, acknowledged that the cut was a political risk for the party.");
  assert_speaker(f, "cut was a political risk", "Peter Strand");
}

/* A participle goes with the cue that reported the clause, not with a verb
 * of saying inside it. */
static void test_participle_after_reported_cue(void **state) {
  fx *f = *state;
  run(f, "Quota talks\n\nPeter Strand spoke in Bergen on Monday.\n\nOn Sunday, Strand said on "
         "Nordwire's \"Morning Desk\" that his campaign never asked Lind to appear on his behalf, "
         "adding that \"we understand she's got a lot going on.\"");
  assert_speaker(f, "we understand she", "Strand");
}

/* A capitalized "May" inside a sentence is a name, not a modal to skip. */
static void test_may_is_a_name(void **state) {
  fx *f = *state;
  run(f, "Quota talks\n\nAnne May spoke in Bergen on Monday.\n\nMrs May stressed she wanted to "
         "keep the northern quota as it is.");
  assert_speaker(f, "keep the northern quota", "May");
}

/* A phrase of the occasion between the subject and its verb is read over:
 * "Ana Lind, the fisheries minister, after the meeting said ...". */
static void test_occasion_before_cue(void **state) {
  fx *f = *state;
  run(f, "Quota talks\n\nThe talks ended late on Tuesday.\n\nAna Lind, the fisheries minister, "
         "after the meeting affirmed that the boats had \"talked about a fair share\" of the quota.");
  assert_speaker(f, "talked about a fair share", "Ana Lind");
}

/* Nor does it hold the reaction to the remark: ", prompting calls for an
 * inquiry" is the writer's account of what the claim set off. */
static void test_indirect_stops_at_reaction(void **state) {
  fx *f = *state;
  run(f, "Port inquiry\n\nCouncillor Tomas Lind claimed last week that the harbor board had hidden "
         "the survey, prompting calls for an inquiry from both parties.\n\n"
         "Lind said the board met in secret, drawing a sharp rebuke from its chair.");
  px_quote q = find(f, "had hidden the survey");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_speaker(f, "had hidden the survey", "Lind");
  assert_false(str_has(q.text, "prompting"));
  q = find(f, "board met in secret");
  assert_false(str_has(q.text, "rebuke"));
}

static void test_offsets_are_bytes(void **state) {
  fx *f = *state;
  const char *t = "Pr\xC3\xA9sident Lula sagte nichts. \xE2\x80\x9CNous sommes pr\xC3\xAAts,\xE2\x80\x9D "
                  "Macron said.";
  run(f, t);
  px_quote q = find(f, "Nous sommes");
  assert_int_equal(q.start, strstr(t, "\xE2\x80\x9CNous") - t);
  assert_int_equal(q.end, strstr(t, " Macron") - t);
}

static void test_unbalanced_does_not_swallow(void **state) {
  fx *f = *state;
  run(f, "Putin's \"Plan\n\n\"We are ready,\" Putin said.\n\nThe \"deal was signed. "
         "\"It is good,\" Kim said.\n\nLater paragraphs follow.");
  assert_speaker(f, "We are ready", "Putin");
  assert_speaker(f, "It is good", "Kim");
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    px_quote q;
    px_quotes_get(f->qs, i, &q);
    assert_false(str_has(q.text, "Later paragraphs"));
  }
}

static void test_bad_arguments(void **state) {
  fx *f = *state;
  px_quotes *qs = (px_quotes *)1;
  assert_int_equal(px_quotes_extract(NULL, NULL, &qs), PX_EINVAL);
  assert_null(qs);
  run(f, "");
  assert_int_equal(px_quotes_count(f->qs), 0);
  px_quote q;
  assert_int_equal(px_quotes_get(f->qs, 0, &q), PX_EINVAL);
  px_quotes_free(NULL);
  px_quoter_free(NULL);
  px_quote_groups_free(NULL);
}

/* ------------------------------------------------------------ variants */

static void test_speaker_match(void **state) {
  (void)state;
#define M(a, b) px_speaker_match(a, strlen(a), b, strlen(b))
  assert_true(M("Kim Jong Un", "Kim Jong-un"));
  assert_true(M("Prime Minister Korhonen", "Anneli Korhonen"));
  assert_true(M("Zhang Weimin", "Weimin Zhang"));
  assert_true(M("Yevgeny Sorokin", "Evgeniy Sorokin"));
  assert_true(M("V. Putin", "Vladimir Putin"));
  assert_true(M("Nguy\xE1\xBB\x85n V\xC4\x83n Th\xC3\xA0nh", "Mr Thanh"));
  assert_false(M("Anneli Korhonen", "Anna Korhonen"));
  assert_false(M("Kim Jong Un", "Ales Marchenko"));
  assert_false(M("", "Putin"));
  /* two-consonant skeletons ("nk") are not a match */
  assert_false(M("Nancy Pelosi", "Hancock"));
  assert_false(M("Nancy Pelosi", "Janice"));
  assert_false(M("Nancy Pelosi", "NCAA"));
  assert_true(M("Nancy Pelosi", "Pelosi"));
  assert_true(M("Nancy Pelosi", "Speaker Pelosi"));
  /* "AG" is a title, "Ash" a short form of "Ashton" */
  assert_true(M("AG Berg", "Anna Berg"));
  assert_true(M("Ash Carter", "Ashton Carter"));
  assert_true(M("Mohammed bin Salman", "Mohammad bin Salman"));
  assert_false(M("Joe Biden", "Jill Biden"));
  /* a two-part surname, with or without the first name, and its first part alone */
  assert_true(M("Christine Blasey Ford", "Blasey Ford"));
  assert_true(M("Christine Blasey Ford", "Blasey"));
  assert_false(M("Christine Blasey Ford", "Anna Ford"));
  assert_false(M("Christine Blasey Ford", "Blasey Roe"));
  /* a middle initial one name leaves out, not a first one */
  assert_true(M("Mark S. Zaid", "Mark Zaid"));
  assert_true(M("Donald Trump", "Donald J. Trump"));
  assert_false(M("S. Zaid", "Mark Zaid"));
  assert_false(M("Mark S. Zaid", "Anna Zaid"));
  /* a middle name one leaves out, written out; a short form of the first */
  assert_true(M("Sarah Huckabee Sanders", "Sarah Sanders"));
  assert_true(M("Bob McDonnell", "Robert McDonnell"));
  assert_true(M("Rick Gates", "Richard Gates"));
  assert_true(M("Rudy Giuliani", "Rudolph W. Giuliani")); /* a contradicting attribution, on a real story */
  assert_true(M("Jack Lew", "John Lew"));
  assert_false(M("Rudy Giuliani", "Randy Giuliani"));
  assert_true(M("Jerry Nadler", "Jerrold Nadler"));
  assert_true(M("Becky Tallis", "Rebecca Tallis"));
  assert_true(M("Gov. Bob McDonnell", "Robert F. McDonnell"));
  assert_false(M("Maureen McDonnell", "Bob McDonnell"));
  assert_false(M("Sarah Huckabee Sanders", "Bernie Sanders"));
  assert_false(M("Sarah Huckabee Sanders", "Sarah Palin Sanders"));
  assert_false(M("Rick Gates", "Robert Gates"));
  assert_false(M("Donald Trump Jr.", "Donald Trump"));
  /* a second family name after the first ("Erin Madigan" / "Erin Madigan White") */
  assert_true(M("Erin Madigan", "Erin Madigan White"));
  assert_false(M("Erin Madigan", "Erin White"));
#undef M
}

static void test_similarity_and_groups(void **state) {
  (void)state;
  px_quote_groups *g;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  const char *a = "We will always be with Russia.", *b = "I will always be standing with Russia.";
  const char *c = "We will launch more satellites this year.";
  double sab = px_quote_similarity(g, a, strlen(a), b, strlen(b));
  double sac = px_quote_similarity(g, a, strlen(a), c, strlen(c));
  assert_true(sab >= PX_QUOTE_SAME_REMARK);
  assert_true(sac < PX_QUOTE_SAME_REMARK);
  const char *d = "win a great victory in the just fight to punish evil groups";
  const char *e = "emerge victorious in the fight to punish the evil forces";
  assert_true(px_quote_similarity(g, d, strlen(d), e, strlen(e)) >= PX_QUOTE_SAME_REMARK);
  assert_int_equal(px_quote_groups_add_text(g, "Kim Jong Un", 11, a, strlen(a), PX_QUOTE_DIRECT, 0), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Kim Jong-un", 11, b, strlen(b), PX_QUOTE_DIRECT, 1), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Kim", 3, c, strlen(c), PX_QUOTE_DIRECT, 1), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Ales Marchenko", 14, a, strlen(a), PX_QUOTE_DIRECT, 2), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "", 0, "x", 1, PX_QUOTE_SCARE, 3), PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  assert_int_equal(px_quote_groups_items(g), 4);
  assert_int_equal(px_quote_groups_speakers(g), 2);
  px_quote_item i0, i1, i2, i3;
  px_quote_groups_item(g, 0, &i0);
  px_quote_groups_item(g, 1, &i1);
  px_quote_groups_item(g, 2, &i2);
  px_quote_groups_item(g, 3, &i3);
  assert_int_equal(i0.remark, i1.remark);
  assert_int_not_equal(i0.remark, i2.remark);
  assert_int_equal(i0.speaker_group, i2.speaker_group);
  assert_int_not_equal(i0.remark, i3.remark);
  assert_int_not_equal(i0.speaker_group, i3.speaker_group);
  px_quote_groups_free(g);
}

/* A one-word answer ("Never.") touches the paraphrase of a longer remark of
 * its speaker at exactly the threshold: it leaves that remark, and the two
 * outlets' "Never" make one remark of their own; a fragment of a direct
 * quote's words ("to ransom") stays with the quote it was cut from. */
static void test_short_rendering_leaves(void **state) {
  (void)state;
  px_quote_groups *g;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  const char *para = "she would never sign the harbour treaty";
  const char *full = "For ten years the cartel held Europe to ransom with its prices.";
  struct { const char *t; px_quote_kind k; } q[] = {
      {para, PX_QUOTE_INDIRECT}, {"Never.", PX_QUOTE_DIRECT}, {"Never", PX_QUOTE_DIRECT},
      {full, PX_QUOTE_DIRECT},   {"to ransom", PX_QUOTE_PARTIAL},
  };
  for (size_t i = 0; i < 5; i++)
    assert_int_equal(px_quote_groups_add_text(g, "Anna Berg", 9, q[i].t, strlen(q[i].t), q[i].k, (int64_t)i), PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  px_quote_item it[5];
  for (size_t i = 0; i < 5; i++) assert_int_equal(px_quote_groups_item(g, i, &it[i]), PX_OK);
  assert_true(px_quote_similarity(g, "Never.", 6, para, strlen(para)) <= PX_QUOTE_SAME_REMARK);
  assert_int_not_equal(it[1].remark, it[0].remark);
  assert_int_equal(it[1].remark, it[2].remark);
  assert_true(it[2].similarity == 1.0);
  assert_int_equal(it[4].remark, it[3].remark);
  assert_int_not_equal(it[3].remark, it[0].remark);
  assert_int_equal(px_quote_groups_remarks(g), 3);
  px_quote_groups_free(g);
}

/* Fragments meet their fuller rendering: one outlet cuts a remark in two
 * stretches; the first sits with its paraphrase, the second alone, and the
 * other outlet's full rendering, which holds both word for word, joins the
 * second (its mean with the first's remark is lower).  It holds the first
 * stretch word for word too, and the remarks meet.  A phrase inside
 * quotes of two other remarks (a motto said in two speeches) joins
 * neither, and another person's quote of the same words meets no remark
 * of this speaker. */
static void test_fragment_meets_fuller(void **state) {
  (void)state;
  px_quote_groups *g;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  const char *para = "she had not been warned about the flooding risk to the lower town because the "
                     "engineers judged the survey unreliable";
  const char *frag = "Nobody warned me \xe2\x80\xa6 about the so-called flooding risk to the lower town and its bridges";
  const char *tail = "Everyone is denying it and the river never rose that high.";
  const char *full = "Nobody warned me, the mayor or the council about the so-called flooding risk to the "
                     "lower town and its bridges, as claimed by the anonymous engineers of the Gazette. "
                     "Everyone is denying it and the river never rose that high.";
  const char *motto = "keep every river town safe and dry";
  const char *sp1 = "We will keep every river town safe and dry, and the new dykes at Orvel will be "
                    "finished before the spring melt, with granite hauled by barge from the northern "
                    "quarries and laid by crews from three parishes.";
  const char *sp2 = "Farmers at Lusk asked me for diesel pumps and grain credit; we will keep every river "
                    "town safe and dry, and the province owes them that money since last autumn's "
                    "harvest failed.";
  struct { const char *s, *t; px_quote_kind k; } q[] = {
      {"Rosa Delgado", para, PX_QUOTE_INDIRECT},  {"Rosa Delgado", frag, PX_QUOTE_DIRECT},
      {"Rosa Delgado", tail, PX_QUOTE_DIRECT},    {"Rosa M. Delgado", full, PX_QUOTE_DIRECT},
      {"Rosa Delgado", sp1, PX_QUOTE_DIRECT},     {"Rosa Delgado", sp2, PX_QUOTE_DIRECT},
      {"Rosa Delgado", motto, PX_QUOTE_PARTIAL},  {"Omar Lindqvist", frag, PX_QUOTE_DIRECT},
  };
  enum { N = sizeof q / sizeof *q };
  for (size_t i = 0; i < N; i++)
    assert_int_equal(px_quote_groups_add_text(g, q[i].s, strlen(q[i].s), q[i].t, strlen(q[i].t), q[i].k,
                                              (int64_t)i),
                     PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  px_quote_item it[N];
  for (size_t i = 0; i < N; i++) assert_int_equal(px_quote_groups_item(g, i, &it[i]), PX_OK);
  assert_int_equal(it[1].remark, it[0].remark);
  assert_int_equal(it[3].remark, it[2].remark);
  assert_int_equal(it[3].remark, it[1].remark); /* the fragment meets the full rendering */
  /* the motto chains no speeches */
  assert_true(px_quote_similarity(g, sp1, strlen(sp1), sp2, strlen(sp2)) < PX_QUOTE_SAME_REMARK);
  assert_int_not_equal(it[4].remark, it[5].remark);
  assert_int_not_equal(it[4].remark, it[1].remark);
  assert_int_not_equal(it[6].remark, it[5].remark); /* the motto stays with the first it is in */
  assert_int_not_equal(it[7].remark, it[1].remark); /* another person's words */
  assert_int_not_equal(it[7].speaker_group, it[1].speaker_group);
  px_quote_groups_free(g);
  /* stretches joined by an ellipsis are not a word */
  const char *w1 = "we rebuild \xe2\x80\xa6 the pier", *w2 = "we rebuild\xe2\x80\xa6";
  assert_int_equal(px__quote_words(w1, strlen(w1)), 4);
  assert_int_equal(px__quote_words(w2, strlen(w2)), 2);
}

/* A fragment meets a long quote that holds it in one of its sentences,
 * though the words it shares with an earlier sentence ("survey", "May")
 * come first in the long quote; a sentence of a long quote is no fragment
 * of its own (a line said in two speeches joins neither). */
static void test_fragment_in_sentence(void **state) {
  (void)state;
  px_quote_groups *g;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  const char *full = "In May the engineers finished the pier survey, counted every cracked pile and "
                     "measured the silt under the north jetty. The board will publish every survey in "
                     "May, before the ferry season.";
  const char *d1 = "counted every cracked pile and measured the silt under the north jetty";
  const char *d2 = "the engineers counted every cracked pile";
  const char *d3 = "measured the silt under the north jetty";
  const char *frag = "The board will publish every survey in May, before the ferry season";
  const char *sp1 = "Our grain barges sail at dawn. We stand with every river town tonight. The "
                    "tolls on the upper locks will be cut by a third next spring.";
  const char *sp2 = "We stand with every river town tonight. The new school in Lusk opens its doors "
                    "to two hundred children after the harvest.";
  const char *q[] = {full, d1, d2, d3, frag, sp1, sp2};
  enum { N = sizeof q / sizeof *q };
  for (size_t i = 0; i < N; i++)
    assert_int_equal(px_quote_groups_add_text(g, "Ines Varga", 10, q[i], strlen(q[i]), PX_QUOTE_DIRECT, (int64_t)i),
                     PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  px_quote_item it[N];
  for (size_t i = 0; i < N; i++) assert_int_equal(px_quote_groups_item(g, i, &it[i]), PX_OK);
  for (size_t i = 1; i < 4; i++) assert_int_equal(it[i].remark, it[0].remark);
  assert_int_equal(it[4].remark, it[0].remark);
  assert_true(px_quote_similarity(g, sp1, strlen(sp1), sp2, strlen(sp2)) < PX_QUOTE_SAME_REMARK);
  assert_int_not_equal(it[5].remark, it[6].remark);
  px_quote_groups_free(g);
}

/* A remark is joined by its words as a whole, never through a chain: the
 * second quote shares the bridge with the first and the ferry terminal
 * with the third, the first and third share nothing, so the third is a
 * remark of its own in either order; a rendering close to both members of
 * a remark joins it with its mean similarity. */
static void test_remark_no_chain(void **state) {
  (void)state;
  const char *a = "The new harbour bridge will open to traffic in May.";
  const char *b = "The harbour bridge opens in May, and the ferry terminal closes in June.";
  const char *c = "The ferry terminal closes in June for repairs to its old piers.";
  const char *d = "The harbour bridge will open in May.";
  const char *orders[2][4] = {{a, b, c, d}, {b, a, c, d}};
  for (int o = 0; o < 2; o++) {
    px_quote_groups *g;
    assert_int_equal(px_quote_groups_new(&g), PX_OK);
    double sab = px_quote_similarity(g, a, strlen(a), b, strlen(b));
    double sbc = px_quote_similarity(g, b, strlen(b), c, strlen(c));
    double sac = px_quote_similarity(g, a, strlen(a), c, strlen(c));
    assert_true(sab >= PX_QUOTE_SAME_REMARK && sbc >= PX_QUOTE_SAME_REMARK);
    assert_true(sac < PX_QUOTE_SAME_REMARK);
    for (int i = 0; i < 4; i++)
      assert_int_equal(px_quote_groups_add_text(g, "Ines Varga", 10, orders[o][i], strlen(orders[o][i]),
                                                PX_QUOTE_DIRECT, i),
                       PX_OK);
    assert_int_equal(px_quote_groups_finish(g), PX_OK);
    px_quote_item it[4];
    for (size_t i = 0; i < 4; i++) assert_int_equal(px_quote_groups_item(g, i, &it[i]), PX_OK);
    assert_int_equal(px_quote_groups_remarks(g), 2);
    assert_int_equal(it[0].remark, it[1].remark);
    assert_int_not_equal(it[2].remark, it[0].remark);
    assert_true(it[2].similarity == 1.0);
    /* the short bridge rendering is close to a and to b: their remark */
    assert_int_equal(it[3].remark, it[0].remark);
    double sda = px_quote_similarity(g, d, strlen(d), a, strlen(a));
    double sdb = px_quote_similarity(g, d, strlen(d), b, strlen(b));
    assert_true(fabs(it[3].similarity - (sda + sdb) / 2) < 1e-12);
    px_quote_groups_free(g);
  }
  /* a remark quoted by a hundred outlets (its most recent members measured) */
  px_quote_groups *g;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  for (int i = 0; i < 100; i++)
    assert_int_equal(px_quote_groups_add_text(g, "Ines Varga", 10, a, strlen(a), PX_QUOTE_DIRECT, i), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Ines Varga", 10, c, strlen(c), PX_QUOTE_DIRECT, 100), PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  assert_int_equal(px_quote_groups_remarks(g), 2);
  px_quote_item last;
  assert_int_equal(px_quote_groups_item(g, 99, &last), PX_OK);
  assert_int_equal(last.remark, 0);
  assert_true(last.similarity == 1.0);
  px_quote_groups_free(g);
}

/* One remark has one speaker; an unknown speaker joins only near-verbatim;
 * a person is asked for by name, not by a shared word. */
static void test_remarks_one_speaker(void **state) {
  (void)state;
  px_quote_groups *g;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  const char *a = "Good trouble, necessary trouble, is what we need to redeem the soul of America.";
  const char *b = "good trouble, necessary trouble, is what we need to redeem the soul of America";
  const char *c = "Necessary trouble is good for the soul of America, we need it.";
  const char *d = "The soul of America needs good trouble.";
  assert_int_equal(px_quote_groups_add_text(g, "John Lewis", 10, a, strlen(a), PX_QUOTE_DIRECT, 0), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Kayleigh McEnany", 16, c, strlen(c), PX_QUOTE_DIRECT, 1), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "", 0, b, strlen(b), PX_QUOTE_DIRECT, 2), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "", 0, d, strlen(d), PX_QUOTE_DIRECT, 3), PX_OK);
  const char *e = "I'm all for masks, I think masks are good.";
  assert_int_equal(px_quote_groups_add_text(g, "Trump", 5, e, strlen(e), PX_QUOTE_DIRECT, 4), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Donald Trump", 12, c, strlen(c), PX_QUOTE_DIRECT, 5), PX_OK);
  assert_int_equal(px_quote_groups_add_text(g, "Melania Trump", 13, a, strlen(a), PX_QUOTE_DIRECT, 6), PX_OK);
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  px_quote_item it[7];
  for (size_t i = 0; i < 7; i++) assert_int_equal(px_quote_groups_item(g, i, &it[i]), PX_OK);
  /* different resolved speakers never share a remark, whatever the words */
  assert_int_not_equal(it[0].remark, it[1].remark);
  assert_int_not_equal(it[0].remark, it[6].remark);
  assert_int_not_equal(it[1].remark, it[5].remark);
  /* the unknown near-verbatim copy joins Lewis, keeping its own (empty) speaker */
  assert_int_equal(it[2].remark, it[0].remark);
  assert_int_equal(it[2].speaker_group, it[0].speaker_group);
  assert_int_equal(it[2].speaker.len, 0);
  /* an unknown speaker's words shuffled from Lewis's remark do not join it */
  assert_int_not_equal(it[3].remark, it[0].remark);
  assert_true(it[3].speaker_group == (size_t)-1);
  size_t ns = px_quote_groups_speakers(g);
  unsigned char *w = calloc(ns + 1, 1);
  assert_non_null(w);
  assert_int_equal(px_quote_groups_select(g, "Xyzzy Trump", 11, w), PX_OK);
  for (size_t i = 0; i < ns; i++) assert_int_equal(w[i], 0);
  assert_int_equal(px_quote_groups_select(g, "Donald Trump", 12, w), PX_OK);
  assert_int_equal(w[it[5].speaker_group], 1);
  assert_int_equal(w[it[6].speaker_group], 0);
  assert_int_equal(w[it[0].speaker_group], 0);
  assert_int_equal(px_quote_groups_select(g, "Lewis", 5, w), PX_OK);
  assert_int_equal(w[it[0].speaker_group], 1);
  assert_int_equal(w[it[5].speaker_group], 0);
  assert_int_equal(px_quote_groups_select(NULL, "x", 1, w), PX_EINVAL);
  free(w);
  px_quote_groups_free(g);
}

/* The remarks of a large speaker (its items compared through the index of
 * signature bits) are those of comparing every pair of the window
 * (remark_ref.h): each item joins the remark of its 300 predecessors whose
 * members there it matches best on average, when that mean reaches
 * PX_QUOTE_SAME_REMARK, else starts a remark of its own.  Every text has
 * PX__VERBATIM_MIN_WORDS words or more, so no short rendering leaves its
 * remark afterwards. */
static size_t words_of(const char *s) {
  size_t w = 0;
  for (bool in = false; *s; s++) {
    bool sp = *s == ' ';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

static void test_remark_links_match_all_pairs(void **state) {
  (void)state;
  static const char *const vocab[] = {
      "win",     "victory", "triumph", "fight",   "battle", "struggle", "evil",   "wicked",
      "forces",  "groups",  "punish",  "penalize", "great", "big",      "large",  "country",
      "nation",  "people",  "law",     "bill",    "vote",   "ballot",   "tax",    "taxes",
      "health",  "care",    "workers", "families", "children", "jobs",  "economy", "budget",
      "border",  "wall",    "security", "safe",   "danger", "threat",   "senate", "house",
      "speaker", "members", "promise", "pledge",  "protect", "defend",  "rights", "freedom",
      "2020",    "1.9",     "trillion", "relief", "quickly", "fast",   "America", "Americans"};
  const size_t nv = sizeof vocab / sizeof *vocab;
  enum { N = 420, SMALL = 12 };
  px_quote_groups *g;
  assert_int_equal(px_quote_groups_new(&g), PX_OK);
  char (*text)[200] = calloc(N + SMALL, sizeof *text);
  const char **tp = calloc(N + SMALL, sizeof *tp);
  size_t *spk = calloc(N + SMALL, sizeof *spk), *lead = calloc(N + SMALL, sizeof *lead);
  double *sim = calloc(N + SMALL, sizeof *sim);
  assert_true(text && tp && spk && lead && sim);
  uint64_t rnd = 0x2545F4914F6CDD1Dull;
#define RND() (rnd = rnd * 6364136223846793005ull + 1442695040888963407ull, (size_t)(rnd >> 33))
  for (size_t i = 0; i < N + SMALL; i++) {
    size_t len = 0;
    if (i > 10 && RND() % 3 == 0) {
      /* a rendering of an earlier quote: a fragment with a word swapped */
      const char *src = text[i - 1 - RND() % (i < 200 ? i - 1 : 200)];
      size_t sl = strlen(src), cut = sl / 2 + RND() % (sl / 2 + 1);
      char frag[sizeof text[i]];
      len = (size_t)snprintf(frag, sizeof frag, "%.*s %s", (int)cut, src, vocab[RND() % nv]);
      memcpy(text[i], frag, sizeof frag);
    } else {
      size_t nw = PX__VERBATIM_MIN_WORDS + RND() % 9;
      for (size_t k = 0; k < nw && len + 20 < sizeof text[i]; k++)
        len += (size_t)snprintf(text[i] + len, sizeof text[i] - len, "%s%s", k ? " " : "", vocab[RND() % nv]);
    }
    while (words_of(text[i]) < PX__VERBATIM_MIN_WORDS)
      len += (size_t)snprintf(text[i] + len, sizeof text[i] - len, " %s", vocab[RND() % nv]);
    tp[i] = text[i];
    spk[i] = i >= N ? 2 : 1;
    const char *name = i >= N ? "Chuck Schumer" : (i % 2 ? "Nancy Pelosi" : "Speaker Pelosi");
    assert_int_equal(px_quote_groups_add_text(g, name, strlen(name), text[i], strlen(text[i]),
                                              PX_QUOTE_DIRECT, (int64_t)i),
                     PX_OK);
  }
#undef RND
  assert_int_equal(px_quote_groups_finish(g), PX_OK);
  px_quote_item *it = calloc(N + SMALL, sizeof *it);
  assert_non_null(it);
  for (size_t i = 0; i < N + SMALL; i++) assert_int_equal(px_quote_groups_item(g, i, &it[i]), PX_OK);
  assert_int_not_equal(it[0].speaker_group, it[N].speaker_group);
  remark_ref(g, tp, spk, N + SMALL, 300, lead, sim);
  size_t joined = 0, met = 0;
  for (size_t i = 0; i < N + SMALL; i++) {
    assert_int_equal(it[i].remark, it[lead[i]].remark);
    assert_true(it[i].similarity == sim[i]);
    if (lead[i] != i) {
      joined++;
    } else {
      /* a remark of its own, unless a fragment met its fuller rendering
       * (meet_fragments, after average link) */
      for (size_t j = 0; j < i; j++) met += it[i].remark == it[j].remark && lead[j] == j;
    }
  }
  /* the text exercises both outcomes */
  assert_true(joined > 50 && joined < N);
  assert_true(met * 4 < N + SMALL - joined);
  free(it);
  free(text);
  free(tp);
  free(spk);
  free(lead);
  free(sim);
  px_quote_groups_free(g);
}

/* Cue shapes of news prose: a phrasal cue ("shot back", "went on"), the
 * speaker in "what he called", a new report after a quote that ends a
 * sentence. */
static void test_cue_shapes(void **state) {
  fx *f = *state;
  run(f, "\"They are all here for the free stuff,\" Ann Grady shot back with a laugh.\n\n"
         "\"You know, it happens, right?\" Marco Bellini went on, as if he had not heard.\n\n"
         "When the host criticized him, Paul Dorsey fired back, \"I chose to fight.\"");
  assert_speaker(f, "free stuff", "Ann Grady");
  assert_speaker(f, "it happens", "Marco Bellini");
  assert_speaker(f, "chose to fight", "Paul Dorsey");
  run(f, "The mayor, Vera Lind, spoke at the harbor on Monday.\n\n"
         "The mayor denounced what she called the \"reckless\" plan of the council.");
  px_quote q = find(f, "reckless");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "The mayor"));
  /* a headline in Title Case over the body and a crosshead are the
   * editor's words: no speaker, not a direct quote */
  run(f, "Mayor Vera Lind Calls The Harbor Plan 'A Disgrace'.\n\n"
         "Mayor Vera Lind on Monday called the harbor plan \"a disgrace\" and vowed to fight it.\n\n"
         "\"We will not sell the harbor,\" she said.\n\n"
         "'No Harbor For Sale.'\n\n"
         "\"The council has not read the plan,\" Lind said.");
  size_t heads = 0;
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    if (str_has(q.text, "A Disgrace") || str_has(q.text, "For Sale")) {
      heads++;
      assert_false(q.has_speaker);
      assert_int_equal(q.kind, PX_QUOTE_TITLE);
    }
  }
  assert_int_equal(heads, 2);
  assert_speaker(f, "a disgrace", "Vera Lind");
  assert_speaker(f, "not read the plan", "Lind");
  run(f, "Tom Alder spoke to the farmers on Monday.\n\n"
         "\"Our jobs are leaving,\" Mr. Alder said. \"That is the big problem of this state.\" "
         "He said, twice, that he would win the county.");
  q = find(f, "big problem");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Alder"));
}

static void test_split_by_attribution_phrase(void **state) {
  fx *f = *state;
  /* the attribution has a phrase after it, and the remark goes on in lower
   * case in the same sentence: one quote of two spans */
  run(f, "The council met on Monday.\n\n"
         "\"I think the mayor will be very fair,\" Jones said during a rally in Dover, "
         "\"but a lot of people are worried.\"\n\n"
         "\"Every time you say that,\" Miller said, referring to the budget, "
         "\"you give the other side a reason to stall.\"\n\n"
         "\"The roads come first,\" Ortiz said on Tuesday, adding that if the plan fails "
         "\"nobody will be surprised.\"");
  px_quote q = find(f, "very fair");
  assert_int_equal(q.nspans, 2);
  assert_true(str_has(q.text, "worried"));
  q = find(f, "Every time");
  assert_int_equal(q.nspans, 2);
  assert_true(str_has(q.text, "reason to stall"));
  assert_speaker(f, "Every time", "Miller");
  /* "adding that ...": a reported clause of its own */
  q = find(f, "roads come first");
  assert_int_equal(q.nspans, 1);
  assert_false(str_has(q.text, "surprised"));
}

static void test_it_to_named_organization(void **state) {
  fx *f = *state;
  /* "it" with no organization speaker before it: the organization named
   * as the subject of a sentence before */
  run(f, "Water bills to rise\n\nThe Harbor Trust released its annual review on Monday, with a "
         "warning for ratepayers in the valley.\n\n"
         "\"Water bills will rise by a third before the end of the decade,\" it said.");
  assert_speaker(f, "Water bills will rise", "Harbor Trust");
}

static void test_name_inside_reported_clause(void **state) {
  fx *f = *state;
  /* a name inside a clause someone reported is what was said, not who
   * speaks next */
  run(f, "Harbor race\n\nRep. Alan Pruett has worked hard for the party since February, "
         "attending rallies across the state.\n\n"
         "Pruett joked that, among young voters, Donald Dunmore ranks fourth in a two-way race.\n\n"
         "\"I have always been insulted by the term outreach,\" he told the group.");
  assert_speaker(f, "insulted by the term", "Pruett");
}

static void test_single_word_name_after_quote(void **state) {
  fx *f = *state;
  /* after a quote's closing mark the attribution is written in lower
   * case, so "Violet said" names a person, for the pronoun after */
  run(f, "Night of fear\n\nWitnesses described the scene on the promenade.\n\n"
         "\"Everyone here was saying she is a martyr,\" Violet said.\n\n"
         "\"People were celebrating\" before the crash, she said.");
  assert_speaker(f, "Everyone here", "Violet");
  assert_speaker(f, "People were celebrating", "Violet");
}

static void test_said_pronoun_clause(void **state) {
  fx *f = *state;
  /* "X, a nurse, said she ran home": the pronoun opens what was said; no
   * inverted attribution "..., said she" with the subject as the quote */
  run(f, "Night of fear\n\nThe crowd fled from the promenade.\n\n"
         "The mayor, a nurse, said she ran home.\n\n"
         "\"It was chaos,\" she said.");
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    px_quote q;
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    if (str_has(q.text, "a nurse")) fail_msg("quote '%.*s'", (int)q.text.len, q.text.ptr);
  }
}

static void test_asked_clause_names(void **state) {
  fx *f = *state;
  /* "Asked about ... Lisa Dorn ..., she replied": the name in the opening
   * clause of asking is what the speaker was asked about */
  run(f, "Singer unsure\n\nThe singer Mary Holt has campaigned for Senator Tom Reyes.\n\n"
         "\"He is very principled,\" Holt told a radio host on Monday.\n\n"
         "\"I think he will win,\" she said. \"People like him.\"\n\n"
         "Asked about her vote in the event that Lisa Dorn faces Reyes in the fall, she "
         "replied: \"I don't know yet.\"");
  assert_speaker(f, "I don't know yet", "Holt");
}

static void test_long_subject_aside(void **state) {
  fx *f = *state;
  /* "X, who ... (more than 16 words) ..., said that ...": the reported
   * clause is X's, and X speaks next */
  run(f, "Families speak\n\n\"You ignored our call,\" Ruth Elmore said.\n\n"
         "Dana Pike, who lost her son Aaron Pike during the flood in Tulsa, Oklahoma, in the "
         "spring of 2014, said that the senator had treated her family badly.\n\n"
         "\"He promised to meet us,\" she said.");
  assert_speaker(f, "treated her family", "Dana Pike");
  assert_speaker(f, "He promised to meet us", "Dana Pike");
}

static void test_says_clause_no_inverted_speaker(void **state) {
  fx *f = *state;
  /* "X, 29, of Y, says her biggest concern is ...": no inverted "..., says
   * <speaker>" with a clause for the speaker; X says it, and speaks next */
  run(f, "Young voters\n\n\"I want jobs first,\" says Omar Tell, 32, an accountant.\n\n"
         "Brianne Verbeek, 29, of Huntsville, Ala., says her biggest concern is global warming. "
         "\"We are running out of time,\" she says.");
  assert_speaker(f, "biggest concern", "Verbeek");
  assert_speaker(f, "running out of time", "Verbeek");
}

static void test_given_name_before_common_word(void **state) {
  fx *f = *state;
  /* "Brianne Stone": a given name the gazetteer lacks, before a common
   * word, is still a person's name for the she after it */
  run(f, "Poll\n\n\"I do not think so,\" Cecelia Purner, 67, a clerk in Allentown, Pa., said.\n\n"
         "Voters appear tired.\n\n"
         "Brianne Stone, 75, a retiree in Carthage, Ill., plans to vote for Mr. Hale. "
         "\"I will reluctantly do that,\" she said.");
  assert_speaker(f, "reluctantly", "Brianne Stone");
}

static void test_comparison_cues(void **state) {
  fx *f = *state;
  /* likened / compared ... to "...": the subject's words */
  run(f, "Budget fight\n\nAt a rally on Monday, Mayor Ellen Dunmore likened the plan to a "
         "\"leaky bucket nobody can fill\" and left.\n\n"
         "Councilman Raul Ortega compared the budget to \"a house built on sand\" in his reply.");
  px_quote q = find(f, "leaky bucket");
  assert_int_equal(q.kind, PX_QUOTE_PARTIAL);
  assert_speaker(f, "leaky bucket", "Dunmore");
  q = find(f, "built on sand");
  assert_int_equal(q.kind, PX_QUOTE_PARTIAL);
  assert_speaker(f, "built on sand", "Ortega");
}

static void test_abbreviated_title_subject(void **state) {
  fx *f = *state;
  /* "Ohio Gov. Dana Whitcombe": the speaker is the name after the
   * abbreviated title, not the place and the title before its period */
  run(f, "Budget\n\nOhio Gov. Dana Whitcombe called the plan a \"disgrace\" and said it "
         "rewarded \"reckless spending\" by the city.");
  px_quote q = find(f, "reckless spending");
  assert_true(q.has_speaker);
  assert_true(str_has(q.speaker_name, "Whitcombe"));
  assert_false(str_has(q.speaker_name, "Gov"));
}

static void test_pronoun_opening_own_clause(void **state) {
  fx *f = *state;
  /* "..., but he said ... "..."": he opens a clause of its own, so he is
   * the speaker as written (the same man), not the subject of the
   * earlier cue's clause */
  run(f, "Storm\n\nMayor Dale Okonkwo said the levee held \"better than anyone hoped,\" but he "
         "said the pumps were \"barely keeping up\" overnight.");
  px_quote q = find(f, "barely keeping up");
  assert_true(q.has_speaker);
  assert_true(str_has(q.speaker_name, "Okonkwo"));
  px_str body = px_doc_body(f->doc);
  const char *he = strstr(body.ptr, "but he") + 4;
  assert_int_equal(q.speaker_start, (size_t)(he - body.ptr));
  /* and after a relative pronoun: "the rules, which he called "..."" */
  run(f, "Plant\n\nInspector Tomas Kolar said the plant broke the rules, which he called "
         "\"deeply regrettable.\"");
  q = find(f, "deeply regrettable");
  assert_true(q.has_speaker);
  assert_true(str_has(q.speaker_name, "Kolar"));
  body = px_doc_body(f->doc);
  he = strstr(body.ptr, "which he") + 6;
  assert_int_equal(q.speaker_start, (size_t)(he - body.ptr));
}

static void test_quote_after_opening_phrase(void **state) {
  fx *f = *state;
  /* "Unless ..., "...": an unattributed quote after an opening phrase, in
   * the sentence after an attributed one of the same paragraph, goes on
   * with its speaker; in another paragraph it does not */
  run(f, "Race\n\nThe exit shook the field. \"It is a turning point,\" said Nadia Brennick, a "
         "strategist. Unless rivals quit soon, \"it is very hard to see who can stop him now.\"\n\n"
         "After the vote, \"the whole field will look very different by the spring.\"");
  assert_speaker(f, "very hard to see", "Brennick");
  px_quote q = find(f, "look very different");
  assert_false(q.has_speaker);
}

/* Four shapes of ordinary prose: an opening participial phrase before the
 * subject; two quotes in one sentence, each under its own cue; a pronoun
 * after an indirect quote goes to its speaker, not to the name inside the
 * reported clause; "another tweeted" and lyrics. */
static void test_prose_subjects(void **state) {
  fx *f = *state;
  run(f, "Vote\n\nSpeaking to cheering crowds on Monday at the party office, Dara Quill, 70, said "
         "it was too early to count seats but added, \"I think you all know the result.\"");
  assert_speaker(f, "you all know the result", "Quill");
  run(f, "Levy\n\nCandidates used colorful words about the levy. Dara Quill said she would make "
         "farmers \"pay through the nose,\" for instance, and Tomas Vey vowed to \"scrap the whole "
         "thing\" next year.");
  assert_speaker(f, "pay through the nose", "Quill");
  assert_speaker(f, "scrap the whole thing", "Vey");
  run(f, "Voters\n\nThe doubts showed at a rally, where two voters, Irena Brook and Aki Rantala, "
         "came to hear Senator Dara Quill speak. She spoke for an hour about her plan.\n\n"
         "Rantala said Quill does not show much interest in the farm towns.\n\n"
         "\"It is not something she talks about often,\" she said.");
  assert_speaker(f, "something she talks about", "Rantala");
  run(f, "Debate\n\nOne viewer praised the mayor. Another tweeted, \"The mayor thinks she is above "
         "the rules.\"\n\nIn his old song, Tomas Vey sings, \"Do not go changing for me.\"");
  px_quote q = find(f, "above the rules");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Another"));
  assert_speaker(f, "Do not go changing", "Vey");
}

/* A thing named in marks right after its noun ("a film called "..."")
 * does not speak: the clause's subject does; a person called something
 * by the subject stays the subject's words. */
static void test_thing_named_in_marks(void **state) {
  fx *f = *state;
  run(f, "Ads\n\nHis campaign paid to air a short film called \"Harbour Lights\" on cable.\n\n"
         "The farm unions attacked the levy dubbed the \"bread tax\" by its critics.\n\n"
         "Several critics called him \"the adult in the room\" after the debate.");
  assert_speaker_span(f, "Harbour Lights", "His campaign");
  assert_speaker_span(f, "bread tax", "The farm unions");
  assert_speaker_span(f, "adult in the room", "Several critics");
}

/* A common noun after a preposition is the object of a phrase, not the
 * subject of the cue after it ("sent a card to voters saying"); after
 * "of" it belongs to the subject ("the head of the agency said"). */
static void test_object_of_preposition_no_speaker(void **state) {
  fx *f = *state;
  run(f, "Mail\n\nThe campaign sent a card to voters saying, \"We will fix the roads.\"\n\n"
         "\"The dam is safe,\" the head of the agency said.");
  assert_speaker_span(f, "fix the roads", "The campaign");
  px_quote q = find(f, "The dam is safe");
  assert_true(q.has_speaker);
  assert_true(str_has((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                      "agency"));
}

/* A bare plural opening the sentence with a participle after it is the
 * subject; the common noun after a preposition of place inside the
 * participle's phrase is not ("Marchers crossing the bridge sang"). */
static void test_bare_plural_subject(void **state) {
  fx *f = *state;
  run(f, "Rally\n\nNurses walking along the harbour front sang \"Fund the wards!\" until dusk.\n\n"
         "Farmers driving tractors through the old town chanted \"No more levies\" at noon.");
  assert_speaker_span(f, "Fund the wards", "Nurses");
  assert_speaker_span(f, "No more levies", "Farmers");
}

/* A verb of saying capitalized by mistake after a name is the cue, not
 * the end of the name ("Wilson Tweeted"). */
static void test_capitalized_cue_after_name(void **state) {
  fx *f = *state;
  run(f, "Flyover\n\nThe banner flew over the stadium.\n\n"
         "\"Not our plane, but we like it,\" Ada Wilson Tweeted on Sunday.\n\n"
         "\"Nice work up there!\" Pell, the head of the Keep It Blue fund, Posted on Monday.");
  assert_speaker(f, "Not our plane", "Ada Wilson");
  assert_speaker(f, "Nice work up there", "Pell");
}

/* After a quote that ends in ! or ?, the sentence that names the speaker
 * may go on with a long phrase of setting. */
static void test_long_setting_after_exclamation(void **state) {
  fx *f = *state;
  run(f, "Flyover\n\nThe banner flew over the stadium on Sunday afternoon.\n\n"
         "\"Not our plane, but what a sight!\" Ada Wilson, the head of the Keep It Blue fund, "
         "wrote on Sunday with a photo of the banner over the north stand.");
  assert_speaker(f, "what a sight", "Ada Wilson");
}

/* A programme named after a possessive is a title, not words said; the
 * clause after it ("told Channel 9's "Morning Desk" that ...") is what
 * the speaker said, and a sentence holding only a title in marks is read
 * for reported speech.  "As of" and "as well" do not end a reported
 * clause; a source between two short words and a clause reports the
 * clause. */
static void test_programme_titles_and_reported_clauses(void **state) {
  fx *f = *state;
  run(f, "Harbour strike\n\nThe dockworkers walked out on Monday.\n\n"
         "Ada Wilson told Harbour Radio's \"Morning Desk\" that the port would reopen within a week.\n\n"
         "In an interview on Radio North's \"The Late Shift,\" Tom Pell said the strike had cost the city dearly.\n\n"
         "Rita Moss went on to say the union, as of Tuesday evening, still had not received an offer.\n\n"
         "HOST: Well, according to the Harbour Gazette, the talks broke down over overtime pay.\n\n"
         "On Sunday night, Tom Pell posted a message suggesting he'd met the union's leaders.");
  /* the programme's marks become the clause after them: no quote holds its name */
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    px_quote x;
    assert_int_equal(px_quotes_get(f->qs, i, &x), PX_OK);
    assert_false(str_has(x.text, "Morning Desk"));
  }
  px_quote q = find(f, "the port would reopen within a week");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_false(str_has(q.text, "Morning Desk"));
  assert_speaker(f, "port would reopen", "Ada Wilson");
  px_quote t2 = find(f, "The Late Shift");
  assert_int_equal(t2.kind, PX_QUOTE_TITLE);
  assert_speaker(f, "cost the city dearly", "Tom Pell");
  px_quote r = find(f, "as of Tuesday evening");
  assert_true(str_has(r.text, "had not received an offer"));
  assert_speaker(f, "had not received an offer", "Rita Moss");
  px_quote g = find(f, "talks broke down");
  assert_int_equal(g.kind, PX_QUOTE_INDIRECT);
  assert_false(str_has(g.text, "Well"));
  assert_speaker(f, "talks broke down", "Harbour Gazette");
  /* an opening phrase of time is not what was said */
  px_quote m = find(f, "met the union");
  assert_false(str_has(m.text, "Sunday"));
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    px_quote x;
    assert_int_equal(px_quotes_get(f->qs, i, &x), PX_OK);
    assert_false(str_is(x.text, "On Sunday night"));
  }
}

/* In a transcript, "I" is the person the turn is labelled with; outside
 * one it stays unknown. */
static void test_first_person_in_transcript_turn(void **state) {
  fx *f = *state;
  run(f, "Remembering the march\n\nRepresentative Ada Wilson spoke to the program in 2012 about the march.\n\n"
         "HOST: Tell us about that day on the bridge.\n\n"
         "REP. ADA WILSON: We were walking in twos, quietly. At the top of the bridge, I said, "
         "\"This is it. I must do my best.\"\n\n"
         "We kept walking. I told the young man next to me, \"We will not turn back.\"\n\n"
         "HOST: And what happened next?");
  assert_speaker(f, "I must do my best", "Ada Wilson");
  assert_speaker(f, "We will not turn back", "Ada Wilson");
  run(f, "Notes\n\nThe mayor spoke on Monday.\n\nI asked her, \"Will the bridge open?\" and she did not answer.");
  px_quote q = find(f, "Will the bridge open");
  assert_true(q.has_speaker && str_is(q.speaker_name, "I"));
  /* a page's label in capitals is no turn: "READ IN FULL: ..." */
  run(f, "Hearing\n\nREAD IN FULL: Captain Eli Moe's opening statement to the harbour board. I have been told I "
         "should share my concerns with the board, and I said, \"The pier is not safe for the ferries.\"");
  q = find(f, "pier is not safe");
  assert_false(q.has_speaker && str_has(q.speaker_name, "READ"));
}

/* Speech a sentence denies is no quote ("No senator has said that ...",
 * "has not said"); "X, D-Md., told reporters that CLAUSE" reports the
 * clause, and the words before the cue are not a trailing quote. */
static void test_denied_speech_and_told_that(void **state) {
  fx *f = *state;
  run(f, "Levy\n\nThe council could vote on the levy on Friday. However, council leader Ada Wilson, D-Ward 3, "
         "told reporters last week that members could return sooner to approve the bill.\n\n"
         "No councillor has said that they support scrapping the levy, though a number of residents have urged it.\n\n"
         "Tom Pell has not said whether he will vote for the levy at all.");
  assert_speaker(f, "members could return sooner", "Ada Wilson");
  assert_no_quote_has(f, "council leader");
  assert_no_quote_has(f, "scrapping the levy");
  assert_no_quote_has(f, "vote for the levy");
}

/* A video player's labels kept in the body are page furniture: the clip
 * titles' words are nobody's quote; the news around them keeps its own. */
static void test_no_quote_in_player_label(void **state) {
  fx *f = *state;
  run(f, "Ferry\n\nThe ferry sank near the pier on Monday.\n\n"
         "JUST WATCHED Mayor says the ferry was safe Replay More Videos ...\n\n"
         "MUST WATCH Captain to crew: 'Hold on!'\n\n"
         "\"We did everything we could,\" the captain said.");
  assert_speaker(f, "We did everything we could", "captain");
  assert_no_quote_has(f, "ferry was safe");
  assert_no_quote_has(f, "Hold on");
}

/* A thing's relative clause after quoted words ("the “one port, two
 * fleets” rule, which promised the town ...") reports nobody's words. */
static void test_which_after_quoted_words(void **state) {
  fx *f = *state;
  run(f, "Harbour\n\nThe question of the board's reach strikes at the heart of the town's "
         "\u201cone port, two fleets\u201d rule, which promised the fishermen a high degree of freedom.\n\n"
         "\"We did everything we could,\" the captain said.");
  assert_speaker(f, "We did everything we could", "captain");
  assert_no_quote_has(f, "one port, two fleets");
}

/* The subject of a clause after "as" or "while", before its verb, is
 * whom the next pronoun names, over a speaker quoted sentences before. */
static void test_subject_after_as(void **state) {
  fx *f = *state;
  run(f, "Harbour\n\nIn May, Tom Pell told reporters, \"The harbour will stay open.\" Several officials said a "
         "deal was near. Donors dined on fish as Omar Reyes spoke about his plans. He noted that his first "
         "budget had failed. \"My hope, when I came into office, was a new pier,\" he said.");
  assert_speaker(f, "The harbour will stay open", "Tom Pell");
  assert_speaker(f, "My hope, when I came into office", "Omar Reyes");
}

/* A run of capitalized words in marks right before the noun it names is
 * the name of a slogan, a bill or a campaign, not anyone's words, even in
 * a sentence with a speaker; the reported clause around it is still found. */
static void test_name_before_its_noun(void **state) {
  fx *f = *state;
  run(f, "Harbour\n\nThe video showed a boy wearing a \"Save Our Harbour\" cap and smiling at the mayor, Ada Wilson said.\n\n"
         "Tom Pell said the \"Clean Harbour Act\" bill would pass in May.");
  const char *names[2] = {"Save Our Harbour", "Clean Harbour Act"};
  for (int n = 0; n < 2; n++) {
    bool title = false;
    for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
      px_quote x;
      assert_int_equal(px_quotes_get(f->qs, i, &x), PX_OK);
      if (x.text.len != strlen(names[n]) || memcmp(x.text.ptr, names[n], x.text.len)) continue;
      if (x.kind != PX_QUOTE_TITLE) fail_msg("'%s' is a quote of kind %d", names[n], (int)x.kind);
      title = true;
    }
    assert_true(title);
  }
  assert_speaker(f, "bill would pass in May", "Tom Pell");
}

/* "Add" and "maintain" also take things for objects: "added 200,000
 * jobs" and "maintains a wide lead" report no one's words; before a
 * clause, or a colon, they report speech. */
static void test_object_of_add_is_no_speech(void **state) {
  fx *f = *state;
  run(f, "Jobs\n\nEmployers added 200,000 jobs last month, more than economists expected.\n\n"
         "The firm added a new plant in Ohio as demand for its ferries rose.\n\n"
         "The mayor still maintains a wide lead over her rival in the polls.\n\n"
         "Ada Wilson added the harbour budget would pass easily.\n\n"
         "Tom Pell added: the levy is dead.");
  assert_no_quote_has(f, "200,000 jobs");
  assert_no_quote_has(f, "new plant");
  assert_no_quote_has(f, "wide lead");
  assert_speaker(f, "harbour budget would pass", "Ada Wilson");
  assert_speaker(f, "the levy is dead", "Tom Pell");
  px_quote q = find(f, "the levy is dead");
  assert_true(px_doc_body(f->doc).ptr[q.start] != ':');
}

/* A sentence that opens with its subject and a verb of saying reports
 * what follows: a cue inside that clause does not take the words from
 * the subject; a clause after a comma or a conjunction has its own. */
static void test_outer_subject_keeps_reported_clause(void **state) {
  fx *f = *state;
  run(f, "Budget\n\nThe council met on Monday.\n\n"
         "Ada Wilson said she wanted Tom Pell to explain why the levy is \"a tax on bread\" before the vote.\n\n"
         "Ada Wilson spoke first, while Tom Pell said the plan was \"dead on arrival\" in the hall.");
  assert_speaker(f, "a tax on bread", "Ada Wilson");
  assert_speaker(f, "dead on arrival", "Tom Pell");
}

/* An opening phrase of setting ("In his first Vimeo posts,", "On the eve
 * of his third term as prime minister,", "Like Senator Tom Pell,") is passed
 * over for the subject of a participle cue, as a subordinate clause is. */
static void test_opening_setting_phrase_skipped(void **state) {
  fx *f = *state;
  run(f, "Cooking\n\nIn his first Vimeo posts, Marlow wears an apron in clips he calls \"Kitchen Truth,\" "
         "pointing to jars of jam and telling viewers that sugar is \"a slow poison.\"");
  assert_speaker(f, "a slow poison", "Marlow");
  run(f, "Harbour\n\nOn the eve of his third term as prime minister in May, Ostrander rallied the crews by "
         "warning that \"the tide is turning\" against the port.");
  assert_speaker(f, "the tide is turning", "Ostrander");
  run(f, "Bill\n\nLike Senator Tom Pell, Ada Wilson also rejected the idea that the levy could stay, arguing "
         "that there is \"no room for it\" in the budget.");
  assert_speaker(f, "no room for it", "Ada Wilson");
}

/* An age or a date before the role of an inverted speaker is read over:
 * "said 42-year-old Jim Sato", "said 9/11 widow Ann Lowe". */
static void test_number_before_inverted_speaker(void **state) {
  fx *f = *state;
  run(f, "Mill\n\n\"We need the jobs here,\" said 42-year-old Jim Sato, a welder.\n\n"
         "\"The fund must stay open,\" said 9/11 widow Ann Lowe.\n\n"
         "\"It was 5-4,\" said the judge.");
  assert_speaker(f, "jobs here", "Jim Sato");
  assert_speaker(f, "fund must stay", "Ann Lowe");
  assert_speaker_span(f, "It was 5-4", "the judge");
}

/* A quote paragraph with no cue after a sentence that opens with a
 * person and a verb of saying is that person's; after one that opens
 * with a thing it finds no speaker there. */
static void test_quote_after_person_reports(void **state) {
  fx *f = *state;
  run(f, "Dam\n\nMayor Dara Quill praised the engineers for their work on the dam.\n\n"
         "\"We needed someone who could get it done, and they did.\"\n\n"
         "The storm flooded the lower town.\n\n"
         "\"Water everywhere.\"");
  assert_speaker(f, "someone who could get it done", "Quill");
  assert_false(find(f, "Water everywhere").has_speaker);
}

/* A quote that closes an opening subordinate clause is that clause's
 * speaker's; the cue after it belongs to the main clause. */
static void test_quote_in_opening_clause(void **state) {
  fx *f = *state;
  run(f, "Hall\n\nAfter Dara Quill said the budget was \"a shambles,\" Tomas Vey said he disagreed.\n\n"
         "When Irena Brook shouted, \"Recount,\" Aki Rantala joked about it.\n\n"
         "\"We will win,\" Aki Rantala said, as the crowd cheered.");
  assert_speaker(f, "a shambles", "Quill");
  assert_speaker(f, "Recount", "Brook");
  assert_speaker(f, "We will win", "Rantala");
}

/* Speakers named by an age or a family role, a sentence that is only an
 * attribution before the quote, a subject before a colon over the "she
 * said" after the quote, and "what he called" after an earlier quote. */
/* The quotes whose text contains needle. */
static size_t count_with(fx *f, const char *needle) {
  size_t n = 0;
  px_quote q;
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    n += str_has(q.text, needle);
  }
  return n;
}

/* An embedded post: its words are a direct quote of the account's name,
 * the handle its cue, the links after its words left out. */
static void test_embedded_post(void **state) {
  fx *f = *state;
  run(f, "Pier\n\nThe mayor answered online within the hour.\n\n"
         "Nobody will close our pier while I hold this office. Not now, not ever! "
         "https://t.co/AbCd123 pic.twitter.com/xYz \xe2\x80\x94 Tomas Vey (@tomasvey) September 16, 2019\n\n"
         "Her office said nothing more.");
  px_quote q = find(f, "close our pier");
  assert_int_equal(q.kind, PX_QUOTE_DIRECT);
  assert_true(str_is(q.text, "Nobody will close our pier while I hold this office. Not now, not ever!"));
  assert_true(q.has_speaker);
  assert_true(str_is(q.speaker_name, "Tomas Vey"));
  assert_true(str_is(q.cue, "@tomasvey"));
  /* a name the text gives nowhere else, opening on a common word, and an
   * organization; a post that is only a link says nothing */
  run(f, "Storm\n\nWarnings went out early.\n\n"
         "The river will crest tonight. Stay off the coast road. \xe2\x80\x94 Chase Harbour Service (@chaseharbour) May 5, 2016\n\n"
         "https://t.co/AbCd123 \xe2\x80\x94 Irena Brook (@ibrook) May 5, 2016\n\n"
         "The road stayed open.");
  q = find(f, "river will crest");
  assert_true(str_is(q.speaker_name, "Chase Harbour Service"));
  assert_int_equal(count_with(f, "t.co"), 0);
  /* a quotation in marks inside the post with no speaker of its own is the
   * post's words; one with its own speaker stays that speaker's */
  run(f, "Vote\n\nThe count went on.\n\n"
         "The count is over. \"We won,\" she said. \xe2\x80\x94 Irena Brook (@ibrook) May 5, 2016\n\n"
         "Tomas Vey told reporters: \"We will ask for a recount on Monday.\" \xe2\x80\x94 Dara Quill (@dquill) May 5, 2016\n\n"
         "Nothing else was said.");
  q = find(f, "count is over");
  assert_true(str_is(q.speaker_name, "Irena Brook"));
  assert_int_equal(count_with(f, "count is over"), 1);
  assert_speaker(f, "Tomas Vey told", "Dara Quill");
  bool vey = false;
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    if (str_is(q.text, "We will ask for a recount on Monday.")) vey = str_has(q.speaker_name, "Vey");
  }
  assert_true(vey);
  /* a post that is all one quotation shares another's words: the
   * quotation is not the account's, and is listed once */
  run(f, "Interview\n\nTomas Vey spoke to the network on Monday about the storm.\n\n"
         "\"What I regret is not seeing the storm coming.\" https://t.co/AbCd123 \xe2\x80\x94 "
         "Harbour Morning Show (@harbourmorning) May 5, 2016\n\n"
         "The show aired at seven.");
  assert_int_equal(count_with(f, "storm coming"), 1);
  q = find(f, "storm coming");
  assert_false(q.has_speaker && str_has(q.speaker_name, "Harbour"));
  /* the article's own prose running on the line is no post */
  run(f, "Long\n\nThe council debated the pier for most of the evening and voted late, after the "
         "mayor had left the room and the clerk had read out every one of the letters sent by "
         "residents of the harbour district, some of them for the plan and many against it, and "
         "the chair had twice asked for quiet in the gallery before the count began in earnest "
         "and the vote went through by a margin of one. \xe2\x80\x94 Irena Brook (@ibrook) May 5, 2016");
  assert_int_equal(count_with(f, "debated the pier"), 0);
}

static void test_attribution_sentences(void **state) {
  fx *f = *state;
  /* a second verb of saying after commas has the first verb's subject, not
   * the name before them */
  run(f, "Calls\n\nPressed on whether she had called Tomas Vey, Dara Quill initially said no, then, "
         "after a long pause, declared, \"Of course I did!\"");
  assert_speaker(f, "Of course I did", "Quill");
  run(f, "Calls\n\nPressed on the calls to Tomas Vey, Ms. Quill first said nothing, then, "
         "upon further questioning, declared, \"Of course I did!\"");
  assert_speaker(f, "Of course I did", "Quill");
  run(f, "Clip\n\nThe clip spread fast. \"What if the mayor took singing lessons?\" the "
         "43-year-old asked in the caption.");
  assert_speaker(f, "singing lessons", "43-year-old");
  run(f, "Leave\n\nPressed on the plan, the mother of two replied, \"It is meant for every "
         "parent in the county.\"");
  assert_speaker(f, "every parent in the county", "the mother");
  run(f, "Ballots\n\nBoth camps called it a small matter. Irena Brook, the party's spokeswoman, "
         "said in a statement. \"There are no paper ballots left to count in the county.\"");
  assert_speaker(f, "no paper ballots", "Brook");
  run(f, "Ballots\n\nThe count went on. Irena Brook told the Northern Wire on Tuesday.\n\n"
         "\"Eight years ago nobody would have asked for a recount.\"");
  assert_speaker(f, "nobody would have asked", "Brook");
  run(f, "Hearing\n\nThe doctor defended the pills. Senator Dara Quill scolded him: \"The "
         "evidence is against you on every one of them,\" she said. \"Call it a miracle and "
         "people believe you.\"");
  px_quote q = find(f, "evidence is against you");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Dara Quill"));
  run(f, "Night\n\nTomas Vey went online overnight to call the council \"a joke\" and urge "
         "voters to read what he called its \"secret plan.\"");
  q = find(f, "secret plan");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Tomas Vey"));
  /* a quote with no cue right after reported speech goes on with its speaker */
  run(f, "Port\n\nThe ministers met on Friday. Irena Brook said that the port would not be "
         "closed, whatever the critics predict.\n\n\"That is because the port matters to every "
         "town on the coast.\"");
  assert_speaker(f, "matters to every town", "Brook");
  /* he before a verb that needs a quote, inside what the sentence's
   * subject says */
  run(f, "Levy\n\nThe vote is close. Senator Dara Quill has made clear that she expects the council "
         "to send its \"attack dogs\" after her.");
  q = find(f, "attack dogs");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Dara Quill"));
  /* an adverb between the name (or its apposition) and the verb */
  run(f, "Pier\n\nThe board met. Mayor Tomas Vey, a close Dara Quill ally, effectively conceded the "
         "point even as he defended the plan, saying, \"Nine parts of ten of the pier are sound.\"");
  q = find(f, "Nine parts of ten");
  assert_true(q.has_speaker);
  assert_true(str_is((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                     "Tomas Vey"));
  /* an aside between dashes holds no cue of the quote after it */
  run(f, "Trade\n\nThe tariffs worried farmers. Yet, as Irena Brook observed, in the first months "
         "of a new council -- when he would not be worried about the next vote -- \"what would the "
         "mayor cut first?\"");
  q = find(f, "what would the mayor");
  assert_true(q.has_speaker);
  assert_true(str_has((px_str){px_doc_body(f->doc).ptr + q.speaker_start, q.speaker_end - q.speaker_start},
                      "Brook"));
  /* a participle after a comma goes with the phrase that opens the
   * clause, not the name its verb governs nor a pronoun after it */
  run(f, "Pier\n\nThe pier stays shut. In two long interviews, the harbour master warned Tomas "
         "Vey about the cost, saying she had \"no money left for the repairs.\"");
  assert_speaker_span(f, "no money left", "the harbour master");
  run(f, "Pier\n\nThe pier stays shut. The village council released a letter on Monday saying "
         "the repairs were \"out of the question this year.\"");
  assert_speaker_span(f, "out of the question", "The village council");
  /* after "with", a name with its role before a participle speaks */
  run(f, "Pier\n\nThe storm broke the pier, with Harbour Master Dara Quill telling reporters it "
         "was \"beyond saving by any standard.\"");
  assert_speaker(f, "beyond saving", "Quill");
  /* the subject of the clause a colon ends, after an opening phrase */
  run(f, "Pier\n\nThe mayor wanted the pier rebuilt. As if answering him directly, the Harbour "
         "Trust of Wexford was blunt in its findings: \"The pier cannot be saved at any price.\"");
  assert_speaker(f, "cannot be saved", "Harbour Trust");
  /* a name joined to a word by a hyphen modifies the head after it */
  run(f, "Pier\n\nSenator Dara Quill lost the vote. In the video, the Quill-linked adviser Tomas "
         "Vey is shown lecturing: \"The pier cannot be saved at any price.\"");
  q = find(f, "cannot be saved");
  if (q.has_speaker && str_has(q.speaker_name, "Quill"))
    fail_msg("speaker '%.*s'", (int)q.speaker_name.len, q.speaker_name.ptr);
  /* a name that modifies a noun ("the Vey campaign") is a weaker
   * antecedent than the person the paragraph is about */
  run(f, "Pier\n\nTomas Vey turned the story back on the paper, noting that its reporter Alan Brook "
         "had written in June that the Vey campaign was coming apart. \"They never learn from it,\" "
         "he said.");
  assert_speaker(f, "never learn from it", "Tomas Vey");
  /* a participle after a relative clause with a cue of its own goes
   * with the main clause */
  run(f, "Pier\n\nTomas Vey was defensive when asked about a builder who said he was never paid "
         "for the pier, saying, \"He did not finish the job we gave him.\"");
  assert_speaker(f, "did not finish the job", "Tomas Vey");
  /* a name that owns a noun of speech right before the quote speaks */
  run(f, "Pier\n\nThe council voted again on Monday. Senator Dara Quill's response was: \"Nobody "
         "asked the harbour first.\"");
  assert_speaker(f, "Nobody asked the harbour", "Dara Quill");
  run(f, "Pier\n\nInspectors looked into Tomas Vey's claim that the pier was \"as good as new\" after the "
         "storm.");
  assert_speaker(f, "as good as new", "Tomas Vey");
  /* a sentence that reports a clause is no bare attribution */
  run(f, "Ballots\n\nIrena Brook said the count was over. Later a clerk was seen leaving. "
         "\"Nobody told us anything about the boxes in the basement.\"");
  q = find(f, "Nobody told us");
  assert_false(q.has_speaker);
}

/* A name after an inverted cue that a clause goes on from is the subject
 * of what was said, not its speaker: "His wife, Ann, said GOP critics had
 * been unfair" is Ann's. */
static void test_name_after_cue_heads_a_clause(void **state) {
  fx *f = *state;
  run(f, "Quota vote\n\nPeter Strand lost the vote on Monday.\n\nHis wife, Ann, said Nordvik "
         "critics had been unfair to him.\n\n\"It has been a hard year,\" she said.");
  px_quote q = find(f, "critics had been unfair");
  assert_int_equal(q.kind, PX_QUOTE_INDIRECT);
  assert_speaker(f, "critics had been unfair", "Ann");
  assert_speaker(f, "hard year", "Ann");
}

/* A document's source speaks: "A statement Wednesday from the Port
 * Authority said", "a report released by the council"; not the agent of
 * another verb: "a report obtained by Nordwire says". */
static void test_document_from_source(void **state) {
  fx *f = *state;
  run(f, "Harbor plan\n\nThe harbor closed on Monday.\n\nA statement Wednesday from the Nordvik "
         "Port Authority said that the boats had been moved to the outer quay.\n\nA report released "
         "by the Harbor Council said the quay would reopen in May.");
  assert_speaker(f, "boats had been moved", "Nordvik Port Authority");
  assert_speaker(f, "quay would reopen", "Harbor Council");
  run(f, "Harbor plan\n\nThe harbor closed on Monday.\n\nA council status report obtained by "
         "Nordwire says the third quay is still closed.");
  px_quote q = find(f, "third quay is still closed");
  assert_false(q.has_speaker && str_has(q.speaker_name, "Nordwire"));
}

/* An aside on the speaker may end the sentence: "..., says Tomas Berg, a
 * councillor, who chaired the port board." is Berg's. */
static void test_inverted_speaker_with_aside(void **state) {
  fx *f = *state;
  run(f, "Quota vote\n\nThe board met on Monday.\n\nAnd right there you have a real problem, "
         "says Tomas Berg, a councillor, who chaired the port board until 2019.");
  px_quote q = find(f, "you have a real problem");
  assert_false(str_has(q.text, "chaired"));
  assert_speaker(f, "you have a real problem", "Tomas Berg");
}

/* A cue after "could", "might", "may", "can" or "should" tells what one
 * may say, not what was said. */
static void test_hypothetical_cue(void **state) {
  fx *f = *state;
  run(f, "Quota vote\n\nThe race is close.\n\nI suppose you could say the harbor vote might be "
         "the tiebreaker.\n\nCritics might argue that the quota is too low.\n\nAna Lind said "
         "the quota would stand.");
  assert_no_quote_has(f, "tiebreaker");
  assert_no_quote_has(f, "too low");
  assert_speaker(f, "quota would stand", "Ana Lind");
}

/* After an inverted cue, two roles joined by "and" lead to the name that
 * speaks; a name glued to a suffix ("Lind-era") only modifies a role. */
static void test_inverted_roles_joined(void **state) {
  fx *f = *state;
  run(f, "Harbor vote\n\nFew expect change.\n\n\"No one wants to deal with that issue,\" said "
         "Nordwire contributor and harbor activist Erik Dahl.\n\n\"We all need to sing from the "
         "same hymnal,\" cautions former Nordvik mayor and Ana Lind-era port board chairman Ola Berg.");
  assert_speaker(f, "deal with that issue", "Erik Dahl");
  assert_speaker(f, "same hymnal", "Ola Berg");
}

/* "Name, a role, asked the panel ..." is a subject set apart, not words
 * reported by the panel; a name that opens a clause after the verb is
 * what was said ("said Lind should let the measure pass"); a time right
 * after the verb is the saying's ("said Monday she is stepping down"). */
static void test_subject_apposition_and_time(void **state) {
  fx *f = *state;
  run(f, "Port vote\n\nThe vote neared.\n\nBut councillor Tomas Berg, ranking member on the port "
         "committee, asked the board and Lind to put off the vote.\n\nCouncillor Peter Strand, the "
         "sponsor of the harbor plan and a member of the port committee, said Lind should let the "
         "measure pass without her signature.\n\nHarbor master Ana Holm said Monday she is "
         "stepping down at the end of the season.");
  assert_no_quote_has(f, "ranking member");
  assert_speaker(f, "let the measure pass", "Peter Strand");
  px_quote q = find(f, "stepping down");
  assert_false(str_has(q.text, "Monday"));
  assert_speaker(f, "stepping down", "Ana Holm");
}

/* "said Oregon's governor, Erik Vang": the name set apart after a
 * possessive's role speaks; the reader addressed ("you") reports nothing;
 * "Mr. Cleveland" is a person, named before as "Chris Cleveland". */
static void test_possessive_role_and_reader(void **state) {
  fx *f = *state;
  run(f, "School walkout\n\nThe walkout is set for April 20.\n\n\"The violence has to stop,\" said "
         "Oregon's governor, Erik Vang, promising to act.\n\nBefore you respond that the plan is "
         "too small, remember the vote.\n\nChris Cleveland, chairman of the county party, filed "
         "the complaint. \"They will be free to do anything,\" said Mr. Cleveland.");
  assert_speaker(f, "violence has to stop", "Erik Vang");
  assert_speaker(f, "free to do anything", "Chris Cleveland");
  assert_no_quote_has(f, "too small");
}

/* A role and the person set apart after it: "said the psychiatrist, Dr.
 * Ana Holm," and "the club's head coach, Erik Vang, said"; "according to
 * a 2017 report by the Harbor Council" is the council's; a name after
 * the cue that a verb goes on from, or inside the object of the cue, is
 * no speaker. */
static void test_role_then_name_and_reports(void **state) {
  fx *f = *state;
  run(f, "Harbor plan\n\nThe board met.\n\n\"They were very concerned about this,\" said the "
         "psychiatrist, Dr. Ana Holm, in an interview.\n\nBut now the club's head coach, Erik "
         "Vang, said he felt it was important to bring the team together.\n\nThe quay was "
         "poorly built, according to a 2017 report by the Nordvik Harbor Council.\n\nA former "
         "pilot recalled a 1992 dinner meeting with Tomas Berg. The woman said Berg "
         "aggressively pursued the contract.");
  assert_speaker(f, "very concerned", "Ana Holm");
  assert_speaker(f, "bring the team together", "Erik Vang");
  assert_speaker(f, "poorly built", "Nordvik Harbor Council");
  for (size_t i = 0; i < px_quotes_count(f->qs); i++) {
    px_quote q;
    assert_int_equal(px_quotes_get(f->qs, i, &q), PX_OK);
    assert_false(q.has_speaker && str_has(q.speaker_name, "Berg"));
  }
}

/* "who" with no name before it is named by the words it stands for, an
 * irregular plural or "those" included; the "that" of "on that day" opens
 * no clause. */
static void test_who_named_by_group(void **state) {
  fx *f = *state;
  run(f, "Port vote\n\nThe vote was close.\n\nThere were plenty of people who argued on that "
         "day that the harbor plan would never pass the council.\n\nThose who say that the "
         "quota is too low are wrong.");
  px_quote q = find(f, "harbor plan would never pass");
  assert_false(str_has(q.text, "day"));
  assert_speaker(f, "harbor plan would never pass", "people");
  /* a group defined by what it says quotes no one (test_those_who_say) */
  assert_no_quote_has(f, "quota is too low");
}

/* A name that only describes the noun before "who" does not speak: "a
 * former Berg staffer who claimed "..."" is the staffer's; "Name, 20, a
 * University of Ostra student who ...: "..."" is the named person's. */
static void test_name_describing_the_antecedent(void **state) {
  fx *f = *state;
  run(f, "Berg campaign ends\n\nThe senator's decision comes days after the Valdoria Times obtained "
         "a letter from a former Berg staffer who claimed she had \"never seen an office treat its "
         "staff so poorly.\"\n\nThe march was loud.\n\n-- Mira Lund, 20, a University of Ostra "
         "student who went to the march: \"Shameful.\"");
  px_quote q = find(f, "never seen an office");
  if (q.has_speaker && str_has(q.speaker_name, "Berg") && !str_has(q.speaker_name, "staffer"))
    fail_msg("the staffer's words given to '%.*s'", (int)q.speaker_name.len, q.speaker_name.ptr);
  assert_speaker(f, "Shameful", "Mira Lund");
}

/* "according to the mayor's personal physician", "said a top member of
 * Berg's organization": the possessive is whose the speaker is, not the
 * speaker; "according to the Harbour Board's annual report" stays the
 * board's. */
static void test_possessive_owner_not_speaker(void **state) {
  fx *f = *state;
  run(f, "Mayor tested\n\nMayor Jon Berg has tested negative for the virus, according to the mayor's "
         "personal physician.\n\n\"He is a great leader, but not a great politician,\" said a top member of "
         "Berg's organization.\n\nThe pier carried 40,000 passengers last year, according to the Harbour "
         "Board's annual report.");
  px_quote q = find(f, "tested negative");
  if (q.has_speaker && str_is(q.speaker_name, "Jon Berg"))
    fail_msg("the physician's words given to '%.*s'", (int)q.speaker_name.len, q.speaker_name.ptr);
  q = find(f, "great leader");
  if (q.has_speaker && str_is(q.speaker_name, "Jon Berg"))
    fail_msg("the member's words given to '%.*s'", (int)q.speaker_name.len, q.speaker_name.ptr);
  assert_speaker(f, "40,000 passengers", "Harbour Board");
}

/* "The author stipulates that he does not belong ... but argues that ...
 * "..."": the pronoun after "that" is inside what "stipulates" reports,
 * not the subject of "argues"; the words are not the mayor's, whom the
 * pronoun would stand for. */
static void test_pronoun_after_that_not_subject(void **state) {
  fx *f = *state;
  run(f, "Harbour op-ed\n\nMayor Jon Berg faced a new blow on Wednesday.\n\nIn an op-ed in the Harbour "
         "Times, a senior official describes working with others to rein in the mayor.\n\nThe author "
         "stipulates that he does not belong to the opposition and praises some of the council's work, "
         "including the new pier, but argues that those achievements came \"despite — not because of — "
         "the mayor's leadership style.\"");
  px_quote q = find(f, "not because of");
  if (q.has_speaker && str_has(q.speaker_name, "Berg"))
    fail_msg("the author's words given to '%.*s'", (int)q.speaker_name.len, q.speaker_name.ptr);
}

/* "after once calling X "..."": the clause's subject speaks, over the
 * adverb; "Mr. Berg, whom he has called "..."": the pronoun is not the one
 * "whom" stands for. */
static void test_participle_adverb_and_whom(void **state) {
  fx *f = *state;
  run(f, "Harbor race\n\nThe race tightened.\n\nBut Mr. Lind alienated the mayor's supporters "
         "after once calling the mayor \"unfit for the quay.\"\n\nMr. Strand focused on the ferry "
         "but made a few comments about Mr. Berg, whom he has called \"Sleepy Tomas.\"");
  assert_speaker(f, "unfit for the quay", "Lind");
  assert_speaker(f, "Sleepy Tomas", "Strand");
}

/* A place after a preposition tells where the speaker is: "A nurse in
 * Bergen tells me" is the nurse's, not Bergen's. */
static void test_place_after_preposition(void **state) {
  fx *f = *state;
  run(f, "Harbor clinic\n\nThe clinic was busy.\n\nA nurse in Bergen tells me that the surgeons "
         "start trading \"harbor insults\" over the table.");
  assert_speaker(f, "harbor insults", "A nurse");
}

/* After a cue whose subject is before it, words that go on are what was
 * said, not the words before the comma: "Then, in early March, Erik Dahl
 * said guards once again beat him." */
static void test_cue_with_clause_after_comma(void **state) {
  fx *f = *state;
  run(f, "Harbor camp\n\nHe was held for weeks.\n\nThen, in early March, Erik Dahl said guards "
         "once again beat him.\n\nThe talks failed, Ana Lind said on Tuesday in a statement.");
  px_quote q = find(f, "guards once again beat him");
  assert_false(str_has(q.text, "March"));
  assert_speaker(f, "guards once again beat him", "Erik Dahl");
  assert_speaker(f, "The talks failed", "Ana Lind");
}

/* A video caption's label says who speaks, not the player's "Media":
 * "Media playback is unsupported on your device Media caption Harbor
 * diver: "I was very scared"". */
static void test_video_caption_label(void **state) {
  fx *f = *state;
  run(f, "Cave rescue\n\nThe boys were brought out.\n\nMedia playback is unsupported on your "
         "device Media caption Harbor diver in the cave: \"I was very scared\"\n\nThe rescue "
         "took three days.");
  px_quote q = find(f, "very scared");
  assert_true(q.has_speaker);
  assert_false(str_has(q.speaker_name, "Media"));
  assert_true(str_has(q.speaker_name, "diver"));
}

/* Words after "told" are the one told, not what was said: "The quota
 * will stand, Ana Lind told reporters at a harbor breakfast this morning";
 * nor is an object a clause: "..., the mayor announced his intent to
 * nominate Erik Vang." */
static void test_told_keeps_addressee(void **state) {
  fx *f = *state;
  run(f, "Harbor vote\n\nThe vote neared.\n\nThe quota will stand for another year, Ana Lind told "
         "reporters at a harbor breakfast this morning.");
  px_quote q = find(f, "quota will stand");
  assert_false(str_has(q.text, "breakfast"));
  assert_speaker(f, "quota will stand", "Ana Lind");
}

/* "they" right after a group named in the plural goes on with that group,
 * not back to an organization named before it. */
static void test_they_goes_on_with_the_group(void **state) {
  fx *f = *state;
  run(f, "The vote came on Monday.\n\n"
         "The Harbour Board said it would not comment on the subpoena. Republicans said they had "
         "issued a valid subpoena. They said they are trying to hold the board accountable.");
  assert_speaker(f, "trying to hold the board", "Republicans");
}

/* An "it" does not go to a name a "she" stood for. */
static void test_it_is_no_person(void **state) {
  fx *f = *state;
  run(f, "The treaty came back on Monday.\n\n"
         "As Katie reported last week, the ferry treaty was revived. \"Is the argument an honest "
         "one?\" she asked. A report by the council recognizes the risk. Yet it states that "
         "\"the trade must be regulated.\"");
  assert_speaker(f, "Is the argument an honest", "Katie");
  px_quote q = find(f, "the trade must be regulated");
  if (q.has_speaker && str_has(q.speaker_name, "Katie")) fail_msg("'it' resolved to Katie");
}

/* "The newly announced cases ranged from ...": an adverb before a
 * participle modifying a noun is no speaker; a related headline set in
 * capitals holds no quote. */
static void test_participle_and_caps_headline(void **state) {
  fx *f = *state;
  run(f, "The count rose on Monday.\n\n"
         "The newly announced cases ranged from the harbour master in Orlen to eleven ferry crews on "
         "the night shift.\n\n"
         "SEN. JANE DOE BLASTS FERRY BOARD FOR CUTTING NIGHT CROSSINGS FOLLOWING 'SAVE THE PIER' "
         "RALLY\n\n"
         "\"We will not stop,\" Doe said.");
  assert_no_quote_has(f, "ranged from the harbour");
  assert_no_quote_has(f, "SAVE THE PIER");
  assert_true(find(f, "We will not stop").has_speaker);
}

/* "They" after "Some Democrats also say" is theirs; an agency's photo
 * caption holds no quote; "Rather," opening a sentence is no speaker. */
static void test_group_phrase_caption_and_opening_adverb(void **state) {
  fx *f = *state;
  run(f, "The debate went on.\n\n"
         "The Harbour Board said it would wait. Some councillors also say the budget demands a bigger "
         "ferry. They argue that the crossing needs a second boat before the summer.\n\n"
         "FILE PHOTO: Protesters rally outside the town hall urging Orlen councillors to save the pier, "
         "in Orlen, February 21, 2018.\n\n"
         "Rather, it is a question of whether a regulator should act first, called \"ex post "
         "regulation,\" by some.");
  assert_speaker(f, "crossing needs a second boat", "councillors");
  assert_no_quote_has(f, "to save the pier");
  px_quote q = find(f, "ex post regulation");
  if (q.has_speaker && str_has(q.speaker_name, "Rather")) fail_msg("'Rather' is a speaker");
}

/* "said a New Hampshire Republican": someone unnamed from a place or an
 * organization, not the place; a gallery's caption line holds no quote. */
static void test_unnamed_from_a_place(void **state) {
  fx *f = *state;
  run(f, "The poll came out on Monday.\n\n"
         "\"She has no credible opponents,\" said a New Hampshire Republican. \"We will review the "
         "plan,\" said a senior Pentagon official. \"The plan works,\" said the Pentagon.\n\n"
         "Hide Caption 6 of 8 Photos: Reactions in Orlen Some of those rallying outside Orlen's town "
         "hall held signs that said \"Save the pier.\"");
  assert_speaker(f, "no credible opponents", "a New Hampshire Republican");
  assert_speaker(f, "review the plan", "a senior Pentagon official");
  assert_speaker(f, "The plan works", "Pentagon");
  assert_no_quote_has(f, "Save the pier");
}

/* "Authorities in Ohio say": a plural opening the sentence before a place
 * after a preposition is the speaker, not the place. */
static void test_plural_before_a_place(void **state) {
  fx *f = *state;
  run(f, "The storm hit on Sunday.\n\n"
         "Authorities in Ohio say four people have died in the storm this weekend. Pharmacists in "
         "Maine say they are preparing for the new rules.");
  assert_speaker(f, "have died in the storm", "Authorities");
  assert_speaker(f, "preparing for the new rules", "Pharmacists");
}

/* "92 percent of voters said", "5,000 people chanted": a count of people
 * or a share is part of the speaker; a date's day is not ("an Oct. 31
 * article said"). */
static void test_counted_speakers(void **state) {
  fx *f = *state;
  run(f, "The survey came out on Monday.\n\n"
         "In the poll, 92 percent of voters said they wanted a second ferry. Yet 48% of Democrats said "
         "the fares were too high. Outside the town hall, 5,000 people chanted \"Save the pier!\" "
         "An Oct. 31 article said the board had lost the vote.");
  assert_speaker(f, "wanted a second ferry", "92 percent of voters");
  assert_speaker(f, "fares were too high", "48% of Democrats");
  assert_speaker(f, "Save the pier", "5,000 people");
  px_quote q = find(f, "the board had lost the vote");
  if (q.has_speaker && str_has(q.speaker_name, "31")) fail_msg("a date's day in the speaker");
}

/* "Republicans in Congress said", "Researchers at Orlen University say": a
 * plural opening the sentence before a body after "on", "in" or "at" is
 * the speaker. */
static void test_plural_at_a_body(void **state) {
  fx *f = *state;
  run(f, "The vote came on Tuesday.\n\n"
         "Republicans in Congress said the levy would not pass. Researchers at Orlen University say "
         "the pier needs a new deck.");
  assert_speaker(f, "levy would not pass", "Republicans");
  assert_speaker(f, "needs a new deck", "Researchers");
}

/* An opening phrase runs past a place and a clause set off after it: the
 * speaker of "but also remarked" is the main clause's subject, not the
 * "he" of "where he is attending". */
static void test_opening_phrase_clauses(void **state) {
  fx *f = *state;
  run(f, "Ferry board chief Jane Doe flew to Poland for the talks.\n\n"
         "Speaking to reporters earlier in Warsaw, Poland, where he is attending a harbour summit, Mayor "
         "Eli Moe on Friday called the fire a \"wrenching reminder of the risks\" crews take, but also "
         "remarked \"that the pier will need a new deck before the winter storms.\"\n\n"
         "Once in my early 20s, when my mother mentioned the harbour to me while driving, I laughed and "
         "said, \"I don't believe in the harbour.\"");
  assert_speaker_span(f, "pier will need a new deck", "Eli Moe");
  assert_speaker(f, "believe in the harbour", "I");
}

/* After a clause that ends on a name, an apposition to that name is no
 * subject ("when Helms faced Mayor Harvey Gantt, the city's first black
 * mayor, the party sent ..."); a quotation in brackets right after a name
 * is that person's reply ("a harsh response from Rubio ("...," he
 * said)"), though the sentence's subject is someone else. */
static void test_apposition_and_bracketed_reply(void **state) {
  fx *f = *state;
  run(f, "Harbour politics turned rough in the spring.\n\n"
         "In 1990, when Doe faced off against former Orlen Mayor Eli Moe, the city\u2019s first black mayor, "
         "the Harbour Party sent 125,000 postcards to households falsely telling them it was a crime to "
         "vote if they\u2019d moved within 30 days of the election, with a punishment of \u201cup to five "
         "years in jail.\u201d\n\n"
         "Moe said he would not apologize. Ferry captain Tom Roe seconded that assessment, drawing a "
         "harsh response from Moe (\"This is the lie the whole campaign is built on,\" he said).");
  assert_speaker(f, "up to five years in jail", "Harbour Party");
  assert_speaker(f, "lie the whole campaign", "Moe");
}

/* A nationality before a title is part of the role, not a person, though
 * "French" is also a family name: ""...," said French President Jean
 * Moreau" is Moreau's. */
static void test_nationality_before_title(void **state) {
  fx *f = *state;
  run(f, "Leaders marched through the capital on Sunday.\n\n"
         "\u201cToday, Orlen is the capital of the world,\u201d said French President Jean Moreau.");
  assert_speaker_span(f, "capital of the world", "Jean Moreau");
}

/* "states", "claims", "reports" after a number or an adjective are plural
 * nouns, no verbs of saying: "in key battleground states", "Conservative
 * states should", "in 50 states"; "The letter states that", "the charter,
 * which states:", "The wire service reports" and "Channel 2 reports"
 * report. */
static void test_plural_noun_cues(void **state) {
  fx *f = *state;
  run(f, "The campaign went on.\n\n"
         "Lind leads in the polls nationally and in key battleground states, but the flood of stories "
         "about her ferry contracts has hurt her. Conservative states should consider supporting the "
         "principle that courts can act. Johnson is on the ballot in all 50 states plus the capital "
         "district.\n\n"
         "The letter states that the pier will close in May. The harbour charter, which states: "
         "\"No vessel shall berth after dark,\" was signed in 1921. The wire service reports that the "
         "ferry will sail. As Channel 2 reports, the harbour master has resigned.");
  assert_no_quote_has(f, "the flood of stories");
  assert_no_quote_has(f, "should consider supporting");
  assert_no_quote_has(f, "plus the capital district");
  assert_speaker(f, "the pier will close", "The letter");
  assert_speaker(f, "No vessel shall berth", "harbour charter");
  assert_speaker(f, "the ferry will sail", "wire service");
  assert_speaker(f, "harbour master has resigned", "Channel");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_attribution_sentences, setup, teardown),
      cmocka_unit_test_setup_teardown(test_counted_speakers, setup, teardown),
      cmocka_unit_test_setup_teardown(test_plural_at_a_body, setup, teardown),
      cmocka_unit_test_setup_teardown(test_plural_noun_cues, setup, teardown),
      cmocka_unit_test_setup_teardown(test_opening_phrase_clauses, setup, teardown),
      cmocka_unit_test_setup_teardown(test_apposition_and_bracketed_reply, setup, teardown),
      cmocka_unit_test_setup_teardown(test_nationality_before_title, setup, teardown),
      cmocka_unit_test(test_remarks_one_speaker),
      cmocka_unit_test(test_scan_styles),
      cmocka_unit_test(test_scan_apostrophes_and_nesting),
      cmocka_unit_test(test_scan_paragraphs),
      cmocka_unit_test(test_scan_stray_marks),
      cmocka_unit_test_setup_teardown(test_inline_dateline, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dateline_after_byline, setup, teardown),
      cmocka_unit_test_setup_teardown(test_relative_clause_and_object_cues, setup, teardown),
      cmocka_unit_test_setup_teardown(test_call_letters_report, setup, teardown),
      cmocka_unit_test_setup_teardown(test_told_then_comma, setup, teardown),
      cmocka_unit_test_setup_teardown(test_even_as_and_amb, setup, teardown),
      cmocka_unit_test_setup_teardown(test_said_then_subject, setup, teardown),
      cmocka_unit_test_setup_teardown(test_dash_signature_lines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_work_titles, setup, teardown),
      cmocka_unit_test_setup_teardown(test_told_a_story, setup, teardown),
      cmocka_unit_test_setup_teardown(test_responded_to_someone_saying, setup, teardown),
      cmocka_unit_test_setup_teardown(test_name_role_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_colon_after_address, setup, teardown),
      cmocka_unit_test_setup_teardown(test_owned_speech, setup, teardown),
      cmocka_unit_test_setup_teardown(test_role_then_name_before_cue, setup, teardown),
      cmocka_unit_test_setup_teardown(test_inner_cue_set_off, setup, teardown),
      cmocka_unit_test_setup_teardown(test_chant_and_coordinated_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_numbered_thing_no_speaker, setup, teardown),
      cmocka_unit_test_setup_teardown(test_possessive_subject_of_participle, setup, teardown),
      cmocka_unit_test_setup_teardown(test_direct_after_and_before, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cue_inside, setup, teardown),
      cmocka_unit_test_setup_teardown(test_split_by_attribution_phrase, setup, teardown),
      cmocka_unit_test_setup_teardown(test_it_to_named_organization, setup, teardown),
      cmocka_unit_test_setup_teardown(test_name_inside_reported_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_comparison_cues, setup, teardown),
      cmocka_unit_test_setup_teardown(test_abbreviated_title_subject, setup, teardown),
      cmocka_unit_test_setup_teardown(test_quote_after_opening_phrase, setup, teardown),
      cmocka_unit_test_setup_teardown(test_prose_subjects, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pronoun_opening_own_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_single_word_name_after_quote, setup, teardown),
      cmocka_unit_test_setup_teardown(test_said_pronoun_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_asked_clause_names, setup, teardown),
      cmocka_unit_test_setup_teardown(test_long_subject_aside, setup, teardown),
      cmocka_unit_test_setup_teardown(test_says_clause_no_inverted_speaker, setup, teardown),
      cmocka_unit_test_setup_teardown(test_given_name_before_common_word, setup, teardown),
      cmocka_unit_test_setup_teardown(test_multi_paragraph, setup, teardown),
      cmocka_unit_test_setup_teardown(test_partial_and_scare, setup, teardown),
      cmocka_unit_test_setup_teardown(test_colon_and_adjacency, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pronouns_and_roles, setup, teardown),
      cmocka_unit_test_setup_teardown(test_given_name_gender, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pronoun_gender_and_thread, setup, teardown),
      cmocka_unit_test_setup_teardown(test_attribution_shapes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_wire_prose, setup, teardown),
      cmocka_unit_test_setup_teardown(test_role_before_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_outlet_reports, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pronoun_not_the_quoted_subject, setup, teardown),
      cmocka_unit_test_setup_teardown(test_role_and_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cue_shapes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pronoun_antecedents, setup, teardown),
      cmocka_unit_test_setup_teardown(test_outer_cue_and_programmes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_according_to_outer, setup, teardown),
      cmocka_unit_test_setup_teardown(test_no_subject_phrases, setup, teardown),
      cmocka_unit_test_setup_teardown(test_relative_subjects, setup, teardown),
      cmocka_unit_test_setup_teardown(test_indirect_possessive, setup, teardown),
      cmocka_unit_test_setup_teardown(test_programme_in_attribution, setup, teardown),
      cmocka_unit_test_setup_teardown(test_headline_single_marks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_attribution_stays_in_paragraph, setup, teardown),
      cmocka_unit_test_setup_teardown(test_it_read_another_said, setup, teardown),
      cmocka_unit_test_setup_teardown(test_colon_subjects, setup, teardown),
      cmocka_unit_test_setup_teardown(test_remark_over_paragraphs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pronoun_not_in_reported_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_indirect, setup, teardown),
      cmocka_unit_test_setup_teardown(test_indirect_stops_at_circumstance, setup, teardown),
      cmocka_unit_test_setup_teardown(test_indirect_in_relative_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_family_speaks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_interviewer_before_colon, setup, teardown),
      cmocka_unit_test_setup_teardown(test_told_without_that, setup, teardown),
      cmocka_unit_test_setup_teardown(test_relative_that_after_object, setup, teardown),
      cmocka_unit_test_setup_teardown(test_what_x_said, setup, teardown),
      cmocka_unit_test_setup_teardown(test_time_opener_no_subject, setup, teardown),
      cmocka_unit_test_setup_teardown(test_those_who_say, setup, teardown),
      cmocka_unit_test_setup_teardown(test_second_cue_after_object, setup, teardown),
      cmocka_unit_test_setup_teardown(test_recounted_object, setup, teardown),
      cmocka_unit_test_setup_teardown(test_including_is_no_speaker, setup, teardown),
      cmocka_unit_test_setup_teardown(test_indirect_after_dash_aside, setup, teardown),
      cmocka_unit_test_setup_teardown(test_no_indirect_in_headline, setup, teardown),
      cmocka_unit_test_setup_teardown(test_indirect_stops_at_reaction, setup, teardown),
      cmocka_unit_test_setup_teardown(test_relative_after_role, setup, teardown),
      cmocka_unit_test_setup_teardown(test_relative_names_its_antecedent, setup, teardown),
      cmocka_unit_test_setup_teardown(test_role_with_of, setup, teardown),
      cmocka_unit_test_setup_teardown(test_quoted_as_saying, setup, teardown),
      cmocka_unit_test_setup_teardown(test_possessive_apposition, setup, teardown),
      cmocka_unit_test_setup_teardown(test_occasion_before_cue, setup, teardown),
      cmocka_unit_test_setup_teardown(test_participle_after_reported_cue, setup, teardown),
      cmocka_unit_test_setup_teardown(test_may_is_a_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_offsets_are_bytes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unbalanced_does_not_swallow, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
      cmocka_unit_test(test_speaker_match),
      cmocka_unit_test(test_similarity_and_groups),
      cmocka_unit_test(test_short_rendering_leaves),
      cmocka_unit_test(test_remark_no_chain),
      cmocka_unit_test(test_fragment_meets_fuller),
      cmocka_unit_test(test_fragment_in_sentence),
      cmocka_unit_test(test_remark_links_match_all_pairs),
      cmocka_unit_test_setup_teardown(test_embedded_post, setup, teardown),
      cmocka_unit_test_setup_teardown(test_thing_named_in_marks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_object_of_preposition_no_speaker, setup, teardown),
      cmocka_unit_test_setup_teardown(test_number_before_inverted_speaker, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bare_plural_subject, setup, teardown),
      cmocka_unit_test_setup_teardown(test_capitalized_cue_after_name, setup, teardown),
      cmocka_unit_test_setup_teardown(test_long_setting_after_exclamation, setup, teardown),
      cmocka_unit_test_setup_teardown(test_outer_subject_keeps_reported_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_programme_titles_and_reported_clauses, setup, teardown),
      cmocka_unit_test_setup_teardown(test_first_person_in_transcript_turn, setup, teardown),
      cmocka_unit_test_setup_teardown(test_denied_speech_and_told_that, setup, teardown),
      cmocka_unit_test_setup_teardown(test_opening_setting_phrase_skipped, setup, teardown),
      cmocka_unit_test_setup_teardown(test_quote_after_person_reports, setup, teardown),
      cmocka_unit_test_setup_teardown(test_quote_in_opening_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_object_of_add_is_no_speech, setup, teardown),
      cmocka_unit_test_setup_teardown(test_name_before_its_noun, setup, teardown),
      cmocka_unit_test_setup_teardown(test_subject_after_as, setup, teardown),
      cmocka_unit_test_setup_teardown(test_they_goes_on_with_the_group, setup, teardown),
      cmocka_unit_test_setup_teardown(test_it_is_no_person, setup, teardown),
      cmocka_unit_test_setup_teardown(test_participle_and_caps_headline, setup, teardown),
      cmocka_unit_test_setup_teardown(test_group_phrase_caption_and_opening_adverb, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unnamed_from_a_place, setup, teardown),
      cmocka_unit_test_setup_teardown(test_plural_before_a_place, setup, teardown),
      cmocka_unit_test_setup_teardown(test_no_quote_in_player_label, setup, teardown),
      cmocka_unit_test_setup_teardown(test_which_after_quoted_words, setup, teardown),
      cmocka_unit_test_setup_teardown(test_name_after_cue_heads_a_clause, setup, teardown),
      cmocka_unit_test_setup_teardown(test_document_from_source, setup, teardown),
      cmocka_unit_test_setup_teardown(test_inverted_speaker_with_aside, setup, teardown),
      cmocka_unit_test_setup_teardown(test_hypothetical_cue, setup, teardown),
      cmocka_unit_test_setup_teardown(test_inverted_roles_joined, setup, teardown),
      cmocka_unit_test_setup_teardown(test_subject_apposition_and_time, setup, teardown),
      cmocka_unit_test_setup_teardown(test_possessive_role_and_reader, setup, teardown),
      cmocka_unit_test_setup_teardown(test_role_then_name_and_reports, setup, teardown),
      cmocka_unit_test_setup_teardown(test_who_named_by_group, setup, teardown),
      cmocka_unit_test_setup_teardown(test_name_describing_the_antecedent, setup, teardown),
      cmocka_unit_test_setup_teardown(test_pronoun_after_that_not_subject, setup, teardown),
      cmocka_unit_test_setup_teardown(test_possessive_owner_not_speaker, setup, teardown),
      cmocka_unit_test_setup_teardown(test_participle_adverb_and_whom, setup, teardown),
      cmocka_unit_test_setup_teardown(test_place_after_preposition, setup, teardown),
      cmocka_unit_test_setup_teardown(test_cue_with_clause_after_comma, setup, teardown),
      cmocka_unit_test_setup_teardown(test_video_caption_label, setup, teardown),
      cmocka_unit_test_setup_teardown(test_told_keeps_addressee, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
