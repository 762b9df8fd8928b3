/* quote.c - quotes, their cues and their speakers.
 *
 * Works on the tokens and sentences of px__text and the entities of
 * px__entities, in four passes over one article:
 *
 *  1. marks: px__quote_scan pairs the quotation marks.
 *  2. attribution: for each outermost quoted stretch, a cue and a speaker
 *     are looked for after it ("...," Putin said / said Putin) and then
 *     before it (Kim told Putin, "..." / according to X, "..."), inside
 *     the sentence.  The speaker is the subject next to the cue: an entity
 *     mention, a pronoun, or a noun phrase ("the business mogul").
 *  3. shape: the mark before the quote decides between a direct quote (at
 *     a sentence start, after a colon, comma or cue) and a partial one
 *     (inside reported speech); a partial quote governed by a cue takes the
 *     reported clause as its content.  A quote with no cue is a scare quote
 *     or a title, unless it stands as a sentence after an attributed quote
 *     or a sentence naming its speaker.  Stretches split by their own cue
 *     ("We are ready," he said, "to talk.") and the sentences that follow
 *     an attributed quote in its paragraph become spans of one quote.
 *  4. speakers: a pronoun goes to the speaker of the previous attribution
 *     when that was a person, else to the most recent person named before
 *     it; roles and names map to entities through their mentions.
 *
 * Then sentences without quotes are read for indirect speech: X said
 * (that) ..., ..., X said., according to X, ....
 */
#include "quote.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Internal word classes beside the PX__CW_* of cues.c. */
enum {
  CW_SKIP = 32,   /* between a subject and its verb: also, has, later ... */
  CW_DET = 64,    /* starts a noun phrase: the, a, his ... */
  CW_CLAUSE = 128 /* starts a clause, ends a noun phrase: that, who, and ... */
};

static const char *const k_skip[] = {
    "also",   "then",    "has",      "had",      "have",       "was",       "is",
    "will",   "would",   "later",    "previously", "once",     "recently",  "earlier",
    "further", "repeatedly", "publicly", "privately", "simply", "flatly", "reportedly",
    "again",  "quickly", "finally",  "just",     "has",        "had",       "were",
    "are",    "did",     "does",     "do",       "may",        "might",     "could",
    "should", "often",   "frequently", "openly", "bluntly",    "angrily",   "quietly",
    "subsequently", "first", "initially", "already", "last",   "separately", "elsewhere",
    "even",   "still",   "then-",    "once",     "never",      "not",       "always",
    "meanwhile", "now",  "however",  "instead",  "nevertheless", "nonetheless", "likewise",
    "too",    "allegedly", "apparently", "explicitly", "specifically", "directly", "firmly",
    "strongly", "sharply", "warmly", "proudly", "loudly", "personally", "immediately",
};
static const char *const k_det[] = {"the", "a", "an", "his", "her", "their", "its", "our",
                                    "my", "your", "another", "one", "some", "several",
                                    "many", "two", "three", "other", "both"};
static const char *const k_clause[] = {"that", "who", "which", "when", "while", "as",
                                       "because", "and", "but", "if", "where", "whom",
                                       "whose", "so", "than", "though", "although", "since",
                                       "after", "before", "until", "or", "nor"};
/* Words of a time phrase (time_word). */
static const char *const k_time[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend",
    "month", "year", "time", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "earlier", "later", "recently", "past", "meantime", "turn",
    "days", "hours", "weeks", "months", "years", "minutes", "moment", "ago", "two", "three",
    "four", "five", "six", "few", "several"};

struct px__quotean {
  uint64_t *h;
  uint8_t *cls;
  uint8_t *gender;
  uint8_t *timew; /* 1: a word of k_time */
  size_t mask;
  uint64_t h_may; /* "Mrs May said": a name, not a modal */
  uint64_t h_that, h_to, h_according, h_mr, h_mrs, h_ms, h_dr, h_by, h_it, h_in, h_of,
      h_said, h_told, h_tells, h_statement, h_s, h_for, h_at, h_on, h_from, h_with,
      h_about, h_against, h_over, h_and, h_but, h_or, h_who, h_which, h_than, h_less, h_more;
  uint64_t h_was, h_were, h_been, h_what, h_they;
  uint64_t h_through, h_across, h_around, h_along; /* of place, for common_after_preposition */
  uint64_t h_back, h_shot, h_fired, h_hit, h_snapped, h_chimed, h_went;
  uint64_t h_last, h_this, h_the, h_early, h_late;
  uint64_t h_i, h_a, h_an, h_he, h_him, h_his, h_himself, h_she, h_her, h_hers, h_herself;
};

static uint64_t hword(const char *w) { return px__word_hash(w, strlen(w)); }

/* The table holds word hashes (px__word_hash), mixed already: a slot is
 * chosen by their bits from 20 up (bit 0 is always set), as the stem cache
 * does, with no mixing of its own.  It is read once per word of every
 * article. */
static size_t tab_slot(const px__quotean *qa, uint64_t h) { return (size_t)(h >> 20) & qa->mask; }

static void tab_put(px__quotean *qa, uint64_t h, uint8_t cls, uint8_t gender) {
  size_t i = tab_slot(qa, h);
  while (qa->h[i] && qa->h[i] != h) i = (i + 1) & qa->mask;
  qa->h[i] = h;
  qa->cls[i] |= cls;
  if (gender) qa->gender[i] = gender;
}

static size_t tab_find(const px__quotean *qa, uint64_t h) {
  size_t i = tab_slot(qa, h);
  while (qa->h[i]) {
    if (qa->h[i] == h) return i;
    i = (i + 1) & qa->mask;
  }
  return (size_t)-1;
}

int px__quotean_new(px__quotean **out) {
  *out = NULL;
  px__quotean *qa = calloc(1, sizeof *qa);
  if (!qa) return PX_ENOMEM;
  size_t cap = 2048;
  qa->h = calloc(cap, sizeof *qa->h);
  qa->cls = calloc(cap, 1);
  qa->gender = calloc(cap, 1);
  qa->timew = calloc(cap, 1);
  if (!qa->h || !qa->cls || !qa->gender || !qa->timew) {
    px__quotean_free(qa);
    return PX_ENOMEM;
  }
  qa->mask = cap - 1;
  for (size_t i = 0; i < px__cueword_count; i++)
    tab_put(qa, hword(px__cuewords[i].word), px__cuewords[i].cls, px__cuewords[i].gender);
  for (size_t i = 0; i < sizeof k_skip / sizeof *k_skip; i++) tab_put(qa, hword(k_skip[i]), CW_SKIP, 0);
  for (size_t i = 0; i < sizeof k_det / sizeof *k_det; i++) tab_put(qa, hword(k_det[i]), CW_DET, 0);
  for (size_t i = 0; i < sizeof k_clause / sizeof *k_clause; i++)
    tab_put(qa, hword(k_clause[i]), CW_CLAUSE, 0);
  for (size_t i = 0; i < sizeof k_time / sizeof *k_time; i++) {
    uint64_t h = hword(k_time[i]);
    tab_put(qa, h, 0, 0);
    qa->timew[tab_find(qa, h)] = 1;
  }
  qa->h_that = hword("that");
  qa->h_who = hword("who");
  qa->h_which = hword("which");
  qa->h_than = hword("than");
  qa->h_less = hword("less");
  qa->h_more = hword("more");
  qa->h_to = hword("to");
  qa->h_what = hword("what");
  qa->h_back = hword("back");
  qa->h_shot = hword("shot");
  qa->h_fired = hword("fired");
  qa->h_hit = hword("hit");
  qa->h_snapped = hword("snapped");
  qa->h_chimed = hword("chimed");
  qa->h_went = hword("went");
  qa->h_according = hword("according");
  qa->h_mr = hword("mr");
  qa->h_mrs = hword("mrs");
  qa->h_may = hword("may");
  qa->h_ms = hword("ms");
  qa->h_dr = hword("dr");
  qa->h_by = hword("by");
  qa->h_it = hword("it");
  qa->h_they = hword("they");
  qa->h_in = hword("in");
  qa->h_of = hword("of");
  qa->h_said = hword("said");
  qa->h_told = hword("told");
  qa->h_tells = hword("tells");
  qa->h_statement = hword("statement");
  qa->h_s = hword("s");
  qa->h_for = hword("for");
  qa->h_at = hword("at");
  qa->h_on = hword("on");
  qa->h_from = hword("from");
  qa->h_with = hword("with");
  qa->h_about = hword("about");
  qa->h_against = hword("against");
  qa->h_over = hword("over");
  qa->h_through = hword("through");
  qa->h_across = hword("across");
  qa->h_around = hword("around");
  qa->h_along = hword("along");
  qa->h_and = hword("and");
  qa->h_but = hword("but");
  qa->h_or = hword("or");
  qa->h_was = hword("was");
  qa->h_were = hword("were");
  qa->h_been = hword("been");
  qa->h_last = hword("last");
  qa->h_this = hword("this");
  qa->h_the = hword("the");
  qa->h_early = hword("early");
  qa->h_late = hword("late");
  qa->h_a = hword("a");
  qa->h_an = hword("an");
  qa->h_he = hword("he");
  qa->h_i = hword("i");
  qa->h_him = hword("him");
  qa->h_his = hword("his");
  qa->h_himself = hword("himself");
  qa->h_she = hword("she");
  qa->h_her = hword("her");
  qa->h_hers = hword("hers");
  qa->h_herself = hword("herself");
  *out = qa;
  return PX_OK;
}

void px__quotean_free(px__quotean *qa) {
  if (!qa) return;
  free(qa->h);
  free(qa->cls);
  free(qa->gender);
  free(qa->timew);
  free(qa);
}

/* ------------------------------------------------------------ the work */

typedef struct qwork {
  const px__quotean *qa;
  const px__text *tx;
  const px__entities *ents;
  const char *p;
  uint8_t *cls;     /* per token */
  uint8_t *gen;     /* per token: pronoun gender */
  int32_t *men;     /* per token: mention index or -1 */
  uint8_t *inq;     /* per token: 1 inside a quoted stretch */
  uint8_t *ttl;     /* per token: 1 in a title in marks (set before reported speech) */
  uint8_t *inrep;   /* per token: 1 inside the reported clause of an earlier
                       attribution (pass 4), else 0; NULL before */
  uint8_t *furn;    /* per sentence: 0 not yet asked, 1 news, 2 a player's label */
  uint32_t *sfirst; /* per sentence: its first token after a dateline set in it */
  px__arena *arena;
} qwork;

#define TOK(w, i) (&(w)->tx->tok[i])

static bool is_word(const qwork *w, size_t i) { return TOK(w, i)->kind == PX__TOK_WORD; }
static bool is_qmark(const qwork *w, size_t i) { return TOK(w, i)->kind == PX__TOK_QUOTE; }
static char punct_char(const qwork *w, size_t i) {
  const px__token *t = TOK(w, i);
  if (t->kind != PX__TOK_PUNCT) return 0;
  unsigned char c = (unsigned char)w->p[t->start];
  if (c == 0xE2 && t->end - t->start == 3) return '-'; /* dashes, ellipsis */
  return (char)c;
}
/* Punctuation that ends a sentence where the splitter ended one (so the
 * period of "Mr." or "U.S." is not an end), and semicolons. */
static bool is_sent_end_punct(const qwork *w, size_t i) {
  char c = punct_char(w, i);
  if (c == ';') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  size_t n = w->tx->ntok;
  size_t j = i + 1;
  while (j < n && (TOK(w, j)->kind == PX__TOK_QUOTE || punct_char(w, j) == ')')) j++;
  return j >= n || TOK(w, j)->sent != TOK(w, i)->sent;
}
/* Tokens [k, hi) hold at most an apposition to the sentence end: no cue,
 * no quotation mark ("..., said Jim Clyburn, a Democratic congressman."). */
static int cue_at(const qwork *w, size_t i, bool weak_ok);
static bool tail_is_np(const qwork *w, size_t k, size_t hi) {
  for (; k < hi; k++) {
    if (is_qmark(w, k)) return false;
    if (is_sent_end_punct(w, k)) return true;
    if (is_word(w, k) && cue_at(w, k, false)) return false;
  }
  return true;
}

/* Tokens [k, hi) hold "that" outside quotation marks: "He said, twice,
 * that he would win" reports a clause of its own, so the sentence is a new
 * report, not the attribution of the quote before it. */
static bool reports_clause(const qwork *w, size_t k, size_t hi) {
  for (; k < hi; k++) {
    if (is_qmark(w, k) || is_sent_end_punct(w, k)) return false;
    if (is_word(w, k) && !w->inq[k] && TOK(w, k)->fold == w->qa->h_that) return true;
  }
  return false;
}

/* Is token k a word of the list (ASCII, any case)? */
static bool word_in(const qwork *w, size_t k, const char *const *list, size_t n) {
  if (!is_word(w, k)) return false;
  const px__token *t = TOK(w, k);
  size_t len = t->end - t->start;
  if (!len) return false; /* no entry is empty */
  /* the first letter first, as strncasecmp folds it (ASCII) */
  unsigned char c0 = (unsigned char)w->p[t->start];
  if (c0 >= 'A' && c0 <= 'Z') c0 += 32;
  for (size_t i = 0; i < n; i++) {
    unsigned char l0 = (unsigned char)list[i][0];
    if (l0 >= 'A' && l0 <= 'Z') l0 += 32;
    if (l0 == c0 && strlen(list[i]) == len && !strncasecmp(w->p + t->start, list[i], len))
      return true;
  }
  return false;
}

/* A word for a document that carries someone's words. */
static bool is_document(const qwork *w, size_t k) {
  static const char *const docs[] = {"statement", "letter", "release", "memo", "report", "email",
                                     "message", "tweet", "post", "ad", "video", "note", "op-ed"};
  return word_in(w, k, docs, sizeof docs / sizeof *docs);
}

/* A dash: -, --, en dash, em dash, horizontal bar. */
static bool is_dash(const qwork *w, size_t i) {
  const px__token *t = TOK(w, i);
  if (t->kind != PX__TOK_PUNCT) return false;
  const unsigned char *b = (const unsigned char *)w->p + t->start;
  size_t n = t->end - t->start;
  if (n >= 1 && n <= 2 && b[0] == '-' && b[n - 1] == '-') return true;
  return n == 3 && b[0] == 0xE2 && b[1] == 0x80 && b[2] >= 0x93 && b[2] <= 0x95;
}
static bool cap_word(const qwork *w, size_t i) {
  return is_word(w, i) && (TOK(w, i)->flags & PX__TF_CAP);
}

/* First token starting at or after byte off. */
static size_t tok_from(const qwork *w, size_t off) { return px__token_at(w->tx, (uint32_t)off); }

/* A speaker found in the text. */
typedef struct spk {
  uint32_t start, end;  /* as written */
  uint32_t nstart, nend; /* what a relative pronoun stands for when no name
                            does ("union leaders, who said"); equal when none */
  int32_t men;          /* mention index, -1 */
  uint8_t pron;         /* pronoun gender when a pronoun, else 0 */
  bool ok;
} spk;

static void spk_from_mention(const qwork *w, int32_t m, spk *s) {
  const px__mention *mm = &w->ents->men[m];
  s->start = mm->start;
  s->end = mm->end;
  s->nstart = s->nend = 0;
  s->men = m;
  s->pron = 0;
  s->ok = true;
}

/* Tokens [a, b) as a span. */
static void spk_span(const qwork *w, size_t a, size_t b, spk *s) {
  s->start = TOK(w, a)->start;
  s->end = TOK(w, b - 1)->end;
  s->nstart = s->nend = 0;
  s->men = -1;
  s->pron = 0;
  s->ok = true;
}

/* Mention covering token i, extended to its first token. */
static int32_t mention_at(const qwork *w, size_t i) { return w->men ? w->men[i] : -1; }

/*
 * The noun phrase ending at token t (inclusive), not before lo: a mention,
 * a pronoun, or a run of words back to a determiner.  A run of capitalized
 * words stands for a name the entity layer missed.
 */
static bool is_ing(const qwork *w, size_t i);
/* A number token that counts (digits with thousands' commas, a decimal,
 * a percentage), not a year or an identifier of four digits. */
static bool count_number(const qwork *w, size_t k) {
  const px__token *t = TOK(w, k);
  const char *p = w->p + t->start;
  size_t n = t->end - t->start, digits = 0;
  if (n && p[n - 1] == '%') n--;
  for (size_t i = 0; i < n; i++) {
    if (p[i] >= '0' && p[i] <= '9') digits++;
    else if (p[i] != ',' && p[i] != '.') return false;
  }
  return digits && !(digits == 4 && digits == n);
}

/* The count at k opens a phrase ending at t that counts people: a share
 * ("92 percent of voters", "48% of Democrats") or people after lower-case
 * words ("5,000 people", "4 sworn officers"; not "Oct. 31 article"). */
static bool count_of_people(const qwork *w, size_t k, size_t t) {
  static const char *const share[] = {"percent", "pct"};
  static const char *const people[] = {
      "people", "voters", "supporters", "critics", "officials", "sources", "analysts", "experts",
      "witnesses", "activists", "residents", "members", "officers", "reporters", "lawmakers",
      "economists", "donors", "respondents", "adults", "students", "workers", "protesters",
      "demonstrators", "participants", "delegates", "senators", "doctors", "physicians",
      "scientists", "teachers", "parents", "employees", "leaders", "agents", "troops", "soldiers",
      "police", "americans", "democrats", "republicans", "independents", "lawyers", "patients",
      "insiders", "viewers", "readers", "users", "customers", "consumers", "women", "men",
      "residents", "citizens", "immigrants", "latinos", "millennials", "households", "owners"};
  const px__token *n = TOK(w, k);
  size_t np = sizeof people / sizeof *people;
  bool pct = w->p[n->end - 1] == '%' || (k + 1 <= t && word_in(w, k + 1, share, sizeof share / sizeof *share)) ||
             (k + 1 <= t && punct_char(w, k + 1) == '%');
  if (pct) {
    /* "65 percent said", or a share of people ("41 percent of Americans
     * polled"), not "40% of council claims" */
    if (t <= k + 1) return true;
    for (size_t i = k + 2; i <= t; i++)
      if (word_in(w, i, people, np)) return true;
    return false;
  }
  if (!word_in(w, t, people, np)) return false;
  for (size_t i = k + 1; i < t; i++)
    if (!is_word(w, i) || cap_word(w, i)) return false;
  return true;
}

/* A name of no person with a number right after it names a thing: "the
 * crash site of EgyptAir Flight 804 showed" (a flight, a route, a
 * mission), no speaker. */
static bool numbered_thing(const qwork *w, int32_t m) {
  size_t after = w->ents->men[m].tok_first + w->ents->men[m].tok_count;
  if (after >= w->tx->ntok || TOK(w, after)->kind != PX__TOK_NUMBER ||
      w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PERSON)
    return false;
  /* not a possessive's year: "The Bureau of Counterterrorism's 2011
   * country reports ... stated" */
  if (TOK(w, after - 1)->flags & PX__TF_POSSESSIVE) return false;
  const px__token *n = TOK(w, after);
  const char *p = w->p + n->start;
  bool year = n->end - n->start == 4 && (p[0] == '1' || p[0] == '2');
  return !year;
}

static bool np_ending_at(const qwork *w, size_t lo, size_t t, spk *s) {
  if (!is_word(w, t)) return false;
  int32_t m = mention_at(w, t);
  if (m >= 0) {
    if (numbered_thing(w, m)) return false;
    spk_from_mention(w, m, s);
    /* a title word before the name belongs to the phrase it names */
    return true;
  }
  uint8_t c = w->cls[t];
  if (c & PX__CW_PRONOUN) {
    if (c & PX__CW_NOT_SPEAKER) return false;
    spk_span(w, t, t + 1, s);
    s->pron = w->gen[t];
    return true;
  }
  if (c & (PX__CW_NOT_SPEAKER | CW_CLAUSE | CW_DET | PX__CW_CUE | CW_SKIP)) return false;
  if ((TOK(w, t)->flags & PX__TF_STOP) && !(c & PX__CW_TITLE)) return false;
  /* "The newly announced cases", "the recently revealed materials": an
   * adverb before a participle that modifies a noun heads no subject */
  static const char *const before_participle[] = {
      "newly", "recently", "previously", "widely", "publicly", "officially", "jointly",
      "formally", "originally", "initially", "secretly", "quietly", "hastily", "belatedly",
      "freshly", "partially", "partly", "heavily", "frequently", "repeatedly", "commonly",
      "already", "often"};
  if (!cap_word(w, t) && word_in(w, t, before_participle, sizeof before_participle / sizeof *before_participle))
    return false;
  /* Walk back over the phrase. */
  size_t a = t;
  bool det = false, title = (c & PX__CW_TITLE) != 0, capital = cap_word(w, t);
  while (a > lo && t - a < 7) {
    size_t b = a - 1;
    /* "92 percent of voters", "92% of voters", "5,000 people": a count
     * of a share or of a group of people opens the phrase as a determiner
     * would (a year does not: "In 2016 voters said"; nor "Sept. 13
     * Quinnipiac poll", "189 pages") */
    if (TOK(w, b)->kind == PX__TOK_NUMBER && count_number(w, b) && count_of_people(w, b, t)) {
      a = b;
      det = true;
      break;
    }
    if (punct_char(w, b) == '%' && b > lo && TOK(w, b - 1)->kind == PX__TOK_NUMBER &&
        TOK(w, b - 1)->end == TOK(w, b)->start && count_number(w, b - 1)) { /* "48 %" */
      a = b - 1;
      det = true;
      break;
    }
    if (!is_word(w, b)) {
      /* a hyphenated or possessive piece: "GOP's", "then-Gov." */
      char pc = punct_char(w, b);
      if (pc == '-' && b > lo && (is_word(w, b - 1) || TOK(w, b - 1)->kind == PX__TOK_NUMBER)) {
        a = b - 1;
        continue;
      }
      break;
    }
    uint8_t cb = w->cls[b];
    /* "Many, including Martin's parents, said": a phrase of examples set
     * apart is no subject (the subject is before it) */
    static const char *const examples[] = {"including", "especially", "notably", "particularly"};
    if (!cap_word(w, b) && word_in(w, b, examples, sizeof examples / sizeof *examples)) return false;
    /* "accused her of making racist remarks": a gerund after a
     * preposition ends the phrase */
    if (is_ing(w, b) && !cap_word(w, b) && b > lo && is_word(w, b - 1) &&
        (TOK(w, b - 1)->fold == w->qa->h_of || TOK(w, b - 1)->fold == w->qa->h_for ||
         TOK(w, b - 1)->fold == w->qa->h_by || TOK(w, b - 1)->fold == w->qa->h_about))
      break;
    if (cb & CW_DET) {
      a = b;
      det = true;
      break;
    }
    if (cb & (CW_CLAUSE | PX__CW_CUE | PX__CW_PRONOUN | CW_SKIP)) break;
    if ((TOK(w, b)->flags & PX__TF_STOP) && TOK(w, b)->fold != w->qa->h_of &&
        TOK(w, b)->fold != w->qa->h_for && mention_at(w, b) < 0)
      break;
    if (mention_at(w, b) >= 0 || cap_word(w, b)) capital = true;
    if (cb & PX__CW_TITLE) title = true;
    a = b;
  }
  /* "Rather, it's a question of ...", "Instead, ...": an adverb opening
   * the sentence, set off by a comma, is no subject ("Miller, a retired
   * teacher, said" stays Miller's) */
  static const char *const opening_adverb[] = {
      "rather", "instead", "meanwhile", "however", "still", "moreover", "furthermore", "nonetheless",
      "nevertheless", "indeed", "besides", "otherwise", "thus", "hence", "therefore", "likewise",
      "similarly", "conversely", "overall", "finally", "again", "separately", "additionally",
      "ultimately", "importantly", "notably", "specifically", "clearly", "obviously", "surely",
      "perhaps", "fortunately", "unfortunately", "sadly", "ironically", "interestingly", "alas",
      "admittedly", "incidentally", "consequently", "accordingly", "regardless", "anyway"};
  if (a == t && (TOK(w, t)->flags & PX__TF_SENT_START) && t + 1 < w->tx->ntok && punct_char(w, t + 1) == ',' &&
      word_in(w, t, opening_adverb, sizeof opening_adverb / sizeof *opening_adverb))
    return false;
  /* "what former employees have called": the subject of a free relative */
  bool at_start = a == lo || (TOK(w, a)->flags & PX__TF_SENT_START) ||
                  (a > 0 && is_word(w, a - 1) && TOK(w, a - 1)->fold == w->qa->h_what);
  if (!(det || title || capital || at_start)) return false;
  /* "of Republican claims", "..., giving states more power": a phrase
   * that opens on a preposition, or a bare participle, heads no subject */
  if (!det && !title && (TOK(w, a)->fold == w->qa->h_of || TOK(w, a)->fold == w->qa->h_for ||
                         (a == t && !capital && is_ing(w, t))))
    return false;
  if (t - a >= 7) return false;
  /* a name inside the phrase is a modifier of its head ("Manafort's
   * friend", "the Ohio-based Clinton ally"), not the speaker */
  spk_span(w, a, t + 1, s);
  return true;
}

static size_t sent_of(const qwork *w, size_t i);
static size_t sent_first_tok(const qwork *w, size_t s);

static bool is_ing(const qwork *w, size_t i) {
  const px__token *t = TOK(w, i);
  return t->end - t->start > 4 && memcmp(w->p + t->end - 3, "ing", 3) == 0;
}

/* A word of five letters or more in -ly: an adverb ("effectively",
 * "angrily"), not "ally" or "rally", nor a noun or adjective in -ly ("the
 * Brown family said", "the weekly said") */
static bool ly_adverb(const qwork *w, size_t i) {
  const px__token *t = TOK(w, i);
  if (t->end - t->start <= 4 || memcmp(w->p + t->end - 2, "ly", 2) != 0) return false;
  static const char *const not_adverb[] = {"family", "assembly", "supply", "monopoly", "anomaly",
                                           "daily", "weekly", "monthly", "quarterly", "homily"};
  return !word_in(w, i, not_adverb, sizeof not_adverb / sizeof *not_adverb);
}

/* A speaker-like word at token k: a non-possessive mention, a pronoun
 * other than "it", or a role noun. */
static bool after_preposition(const qwork *w, size_t k) {
  int32_t m = mention_at(w, k);
  size_t f = m >= 0 ? w->ents->men[m].tok_first : k;
  const px__quotean *qa = w->qa;
  /* over determiners, and roles with their modifiers: "from Russian
   * President Vladimir Putin"; and over the "of" of a role ("Secretary of
   * State Hillary Clinton said" names its subject) */
  for (int round = 0; round < 2; round++) {
    for (int n = 0; n < 4 && f > 0 && is_word(w, f - 1); n++) {
      size_t p = f - 1;
      if ((w->cls[p] & (CW_DET | PX__CW_TITLE)) ||
          (cap_word(w, p) && mention_at(w, p) < 0 && !(TOK(w, p)->flags & PX__TF_SENT_START)))
        f--;
      else
        break;
    }
    /* (one office, before a person: not "Critics of Guantanamo say",
     * "Members of Congress said") */
    const px__token *ti = f >= 2 ? TOK(w, f - 2) : NULL;
    if (ti && m >= 0 && w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PERSON &&
        is_word(w, f - 1) && TOK(w, f - 1)->fold == qa->h_of && is_word(w, f - 2) &&
        (w->cls[f - 2] & PX__CW_TITLE) && cap_word(w, f - 2) && cap_word(w, f) &&
        w->p[ti->end - 1] != 's')
      f -= 2;
    else
      break;
  }
  if (f == 0 || !is_word(w, f - 1)) return false;
  uint64_t h = TOK(w, f - 1)->fold;
  return h == qa->h_in || h == qa->h_of || h == qa->h_to || h == qa->h_by || h == qa->h_for ||
         h == qa->h_at || h == qa->h_on || h == qa->h_from || h == qa->h_with || h == qa->h_about ||
         h == qa->h_against || h == qa->h_over;
}

static bool speakerish(const qwork *w, size_t k) {
  if (!is_word(w, k)) return false;
  if (TOK(w, k)->flags & PX__TF_POSSESSIVE) return false;
  if (w->inq[k]) return false;
  if (mention_at(w, k) >= 0) {
    int32_t m = mention_at(w, k);
    if (w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PLACE) return false;
    return !after_preposition(w, k);
  }
  uint8_t c = w->cls[k];
  if ((c & PX__CW_PRONOUN) && !(c & PX__CW_NOT_SPEAKER)) return true;
  /* "In a statement issued Monday, Kerry ... said" */
  return (c & PX__CW_TITLE) != 0 && !after_preposition(w, k);
}

static bool is_ed(const qwork *w, size_t i);

/* Verbs in the past tense that do not end in -ed. */
static const char *const k_past[] = {
    "sent",  "wrote",   "put",   "made", "took", "gave", "ran",  "held",
    "began", "spent",   "kept",  "paid", "won",  "lost", "went", "got",
    "came",  "brought", "built", "left", "told", "hit",  "met",  "let"};

/* A word of a role between a body and a person's name ("House
 * Republican leader", "White House press secretary"): a capitalized word,
 * a title word, or a plain lower-case noun; never a verb that would make
 * the name its object ("Google fired engineer James Damore"). */
static bool role_word(const qwork *w, size_t j) {
  if (!is_word(w, j) || w->inq[j])
    return false;
  if (cap_word(w, j) || (w->cls[j] & PX__CW_TITLE))
    return true;
  return !(TOK(w, j)->flags & (PX__TF_STOP | PX__TF_POSSESSIVE)) &&
         !(w->cls[j] &
           (CW_SKIP | CW_CLAUSE | CW_DET | PX__CW_CUE | PX__CW_PRONOUN)) &&
         !is_ed(w, j) && !is_ing(w, j) &&
         !word_in(w, j, k_past, sizeof k_past / sizeof *k_past);
}

/* Is the name at token f the one spoken to: "in his interview with "Fox
 * and Friends" host Ainsley Earhardt: "..."", "in a conversation with
 * CNN's Jake Tapper:", "he told CNN anchor Jake Tapper:"?  Back from f,
 * over capitalized words, roles, a programme's title in marks and
 * possessives, to "told", or to "with" or "to" after a word of talk. */
static bool interviewer(const qwork *w, size_t lo, size_t f) {
  static const char *const talk[] = {"interview", "interviews", "conversation", "talk", "chat",
                                     "sit-down", "exchange", "call", "spoke", "speaking", "talking",
                                     "talked", "podcast", "appearance", "said"};
  static const char *const told[] = {"told", "tells", "telling"};
  for (size_t k = f, n = 0; k > lo + 1 && n < 12; n++) {
    k--;
    if (is_qmark(w, k) || punct_char(w, k) == '\'') continue;
    if (!is_word(w, k)) return false;
    if (word_in(w, k, told, sizeof told / sizeof *told)) return true; /* "he told CNN's Jake Tapper:" */
    if (TOK(w, k)->fold == w->qa->h_with || TOK(w, k)->fold == w->qa->h_to)
      return is_word(w, k - 1) && word_in(w, k - 1, talk, sizeof talk / sizeof *talk);
    if (!(cap_word(w, k) || w->inq[k] || role_word(w, k) || (TOK(w, k)->flags & PX__TF_POSSESSIVE) ||
          TOK(w, k)->fold == w->qa->h_and))
      return false;
  }
  return false;
}

/* Is the name at token f the object of a verb of address: "House
 * speaker Paul Ryan reprimanded Trump: "..."" (Ryan speaks), not
 * "surprise Republican pollster Daron Shaw: "..."".  Back from f over the
 * words of a role; the verb's token, 0 when not. */
static size_t verb_object(const qwork *w, size_t lo, size_t f) {
  /* verbs of rebuke, praise or address, whose subject goes on to speak
   * (not "The results surprised pollster Daron Shaw: "..."", whose
   * object answers) */
  static const char *const address[] = {
      "reprimanded", "rebuked", "scolded", "chided", "warned", "told", "asked", "urged", "reminded",
      "assured", "blasted", "slammed", "criticized", "criticised", "praised", "thanked", "congratulated",
      "challenged", "accused", "taunted", "mocked", "attacked", "lectured", "admonished", "implored",
      "pressed", "confronted", "corrected", "reassured", "addressed", "lambasted", "berated", "hailed",
      "defended", "needled", "ribbed", "teased", "rebutted", "countered"};
  size_t k = f;
  while (k > lo && f - k < 6 && role_word(w, k - 1)) k--;
  if (k <= lo + 1 || !is_word(w, k - 1) || cap_word(w, k - 1) || w->inq[k - 1]) return 0;
  size_t v = k - 1;
  return word_in(w, v, address, sizeof address / sizeof *address) ? v : 0;
}

/* Between the attribution's speaker and a quote opening at token q, a
 * person's words named as such: "the company has posted its first fact
 * check on a Trump claim that "..."", "Twitter placed labels underneath
 * Trump's tweets claiming that ballots will be "..."".  The words in the
 * quote are that person's, not the subject's.  From token a (after the
 * speaker) to q: a person's mention, possessive or after a determiner,
 * right before a noun of speech, then only "that", "claiming" or "saying"
 * and the clause up to the quote.  The mention, or -1. */
static bool clause_verb(const qwork *w, size_t k, bool first);
static bool has_finite_verb(const qwork *w, size_t a, size_t b);
static int32_t owned_speech(const qwork *w, size_t a, size_t q) {
  static const char *const noun[] = {"claim", "claims", "tweet", "tweets", "statement", "statements",
                                     "remark", "remarks", "comment", "comments", "assertion", "post",
                                     "posts", "message", "messages", "boast", "accusation", "charge"};
  static const char *const link[] = {"that", "claiming", "saying", "insisting", "asserting", "declaring"};
  for (size_t k = a; k + 1 < q && k < a + 40; k++) {
    if (is_qmark(w, k) || is_sent_end_punct(w, k)) return -1;
    /* "conceded ... that Nunes's assertion that the FBI ... was "correct"":
     * the cue's own clause has begun */
    if (is_word(w, k) && TOK(w, k)->fold == w->qa->h_that) return -1;
    if (!is_word(w, k + 1) || !word_in(w, k + 1, noun, sizeof noun / sizeof *noun)) continue;
    int32_t m = mention_at(w, k);
    if (m < 0 || w->ents->men[m].tok_first + w->ents->men[m].tok_count != k + 1 ||
        w->ents->ent[w->ents->men[m].entity].type != PX_ENT_PERSON)
      continue;
    size_t f = w->ents->men[m].tok_first;
    bool owner = (TOK(w, k)->flags & PX__TF_POSSESSIVE) ||
                 (f > 0 && is_word(w, f - 1) && (w->cls[f - 1] & CW_DET));
    if (!owner || k + 2 >= q || !is_word(w, k + 2) || !word_in(w, k + 2, link, sizeof link / sizeof *link))
      continue;
    /* the clause runs on to the quote: no second cue, no stop, no comma
     * ("denied Trump's claim that his proposal was a compromise, instead
     * calling it "more hostage taking""); a clause whose verb came before
     * goes into the quote by a verb ("that Trump's rhetoric is
     * "disappointing"", not "Pelosi's charge that he lied to Congress
     * "laughable"") */
    bool clear = true, verb = false;
    for (size_t t = k + 3; t < q && clear; t++) {
      char pc = punct_char(w, t);
      clear = !is_sent_end_punct(w, t) && pc != ',' && pc != ';' && pc != ':' && !is_dash(w, t) &&
              !(is_word(w, t) && (w->cls[t] & PX__CW_CUE) && cue_at(w, t, false));
      if (is_word(w, t) && !cap_word(w, t) && t + 1 < q &&
          (clause_verb(w, t, false) || has_finite_verb(w, t, t + 1) || is_ed(w, t)))
        verb = true;
    }
    if (clear && verb && q > k + 3 && is_word(w, q - 1) &&
        !(clause_verb(w, q - 1, false) || has_finite_verb(w, q - 1, q) || is_ed(w, q - 1)))
      clear = false;
    return clear ? m : -1;
  }
  return -1;
}

/* The last token of the subject before the verb at v, over adverbs
 * ("Schumer, D-N.Y., even taunted", "Collyer sharply admonished"). */
static size_t subject_end(const qwork *w, size_t lo, size_t v) {
  static const char *const adv[] = {"even", "also", "then", "again", "later", "once", "quickly", "promptly"};
  size_t e = v - 1;
  while (e > lo && is_word(w, e) && !cap_word(w, e) &&
         (ly_adverb(w, e) || word_in(w, e, adv, sizeof adv / sizeof *adv)))
    e--;
  return e;
}

/* The subject of a clause starting at lo: the first speaker-like word
 * before t ("Hours later, Trump returned the compliment, telling ..."). */
/* A span of time opening the clause, set off by a comma: "One day
 * earlier, he issued a statement ...", "Two weeks later, ...", "A year
 * ago, ...". */
static bool time_opener(const qwork *w, size_t f, size_t t) {
  static const char *const count[] = {"one", "a", "an", "two", "three", "four", "five", "several",
                                      "few", "six", "seven", "ten"};
  static const char *const unit[] = {"day", "days", "week", "weeks", "month", "months", "year",
                                     "years", "hour", "hours", "minutes", "decade", "decades"};
  static const char *const rel[] = {"earlier", "later", "ago", "before", "after", "on"};
  size_t k = f;
  if (k < t && (TOK(w, k)->kind == PX__TOK_NUMBER || (is_word(w, k) && word_in(w, k, count, sizeof count / sizeof *count))))
    k++;
  else
    return false;
  if (k < t && is_word(w, k) && word_in(w, k, (const char *const[]){"few"}, 1)) k++; /* "a few days" */
  if (!(k < t && is_word(w, k) && word_in(w, k, unit, sizeof unit / sizeof *unit))) return false;
  k++;
  if (!(k < t && is_word(w, k) && word_in(w, k, rel, sizeof rel / sizeof *rel))) return false;
  k++;
  return k < t && punct_char(w, k) == ',';
}

static bool main_subject(const qwork *w, size_t lo, size_t t, spk *s) {
  /* "After Clinton suffered a concussion, Axelrod emailed ...": past an
   * opening subordinate clause, to the main one */
  static const char *const sub[] = {"after", "when", "while", "as", "before", "since", "if",
                                    "although", "though", "because", "until", "once", "whenever",
                                    /* "In an interview with journalist X last year, Lazar
                                     * said ... and added": a phrase of setting */
                                    "in", "during", "despite", "amid", "on", "at", "with", "from",
                                    "over", "under", "for", "by", "like", "through", "across",
                                    "among", "without", "outside", "inside"};
  size_t f = lo;
  if (f < t && is_word(w, f) && (TOK(w, f)->fold == w->qa->h_but || TOK(w, f)->fold == w->qa->h_and)) f++;
  /* "Speaking to supporters on Monday, Suu Kyi said": an opening
   * participial phrase is skipped as a subordinate clause is */
  bool opener = f < t && is_word(w, f) && !w->inq[f] &&
                (word_in(w, f, sub, sizeof sub / sizeof *sub) || (is_ing(w, f) && mention_at(w, f) < 0) ||
                 time_opener(w, f, t));
  if (opener) {
    for (size_t k = f + 1; k < t && k - f < 25; k++) {
      if (is_qmark(w, k) || is_sent_end_punct(w, k)) break;
      if (punct_char(w, k) == ',') {
        lo = k + 1;
        break;
      }
    }
    /* and past what the phrase goes on with, set off by commas: a place
     * ("Speaking in Warsaw, Poland, where he is attending a meeting,
     * Obama called ..."), a clause on a place or a time ("where he is
     * attending ...", "when ...") */
    bool after_rel = false;
    for (int more = 0; more < 3 && lo < t; more++) {
      static const char *const rel[] = {"where", "when", "while", "which"};
      size_t k = lo;
      if (cap_word(w, k) && mention_at(w, k) >= 0 &&
          w->ents->ent[w->ents->men[mention_at(w, k)].entity].type == PX_ENT_PERSON)
        break;
      /* "Warsaw, Poland,": a place after a place */
      bool place = cap_word(w, k) && !(w->cls[k] & PX__CW_TITLE) && k >= 2 && punct_char(w, k - 1) == ',' &&
                   cap_word(w, k - 2);
      while (place && k + 1 < t && cap_word(w, k + 1)) k++;
      /* "when Helms faced off against Mayor Harvey Gantt, the city's
       * first black mayor, the party sent": an apposition to the name
       * that ends the clause before */
      bool apposition = after_rel && lo >= 2 && cap_word(w, lo - 2) && (w->cls[k] & CW_DET) && !w->inq[k];
      bool relative = is_word(w, k) && !w->inq[k] && word_in(w, k, rel, sizeof rel / sizeof *rel);
      after_rel = relative;
      if (place) k++;
      else if (relative || apposition)
        while (k < t && k - lo < 25 && punct_char(w, k) != ',' && !is_qmark(w, k) && !is_sent_end_punct(w, k))
          k++;
      else
        break;
      if (apposition && k - lo > 8) break;
      if (k >= t || punct_char(w, k) != ',') break;
      lo = k + 1;
    }
  }
  for (size_t k = lo; k < t && k - lo < 40; k++) {
    if (is_sent_end_punct(w, k)) return false;
    if (is_qmark(w, k) || w->inq[k] || !speakerish(w, k)) continue;
    /* "The author stipulates that he does not belong ... but argues that
     * ...": a pronoun after "that" opens what an earlier verb reports, and
     * is not the clause's subject (which a word this finder does not know
     * for a speaker, "The author", holds): no speaker rather than the
     * wrong one */
    if ((w->cls[k] & PX__CW_PRONOUN) && mention_at(w, k) < 0 && k > lo + 1 && is_word(w, k - 1) &&
        !w->inq[k - 1] && TOK(w, k - 1)->fold == w->qa->h_that)
      return false;
    size_t e = k;
    int32_t m = mention_at(w, k);
    if (m >= 0) {
      e = w->ents->men[m].tok_first + w->ents->men[m].tok_count - 1;
      /* "Anna Berg's lawyer rallied supporters, saying": a possessive
       * name is whose the subject is; the role after it speaks */
      if (TOK(w, e)->flags & PX__TF_POSSESSIVE) {
        size_t r = e + 1;
        while (r < t && r - e <= 4 && role_word(w, r) && !cap_word(w, r)) r++;
        if (r > e + 1) {
          spk_span(w, w->ents->men[m].tok_first, r, s);
          return true;
        }
      }
      /* "the al Qaeda-linked cleric", "a Trump-backed group": a name
       * joined to a word by a hyphen modifies the head after it */
      uint32_t me = w->ents->men[m].end;
      if (me < TOK(w, e)->end && w->p[me] == '-' && e + 1 < t) {
        k = e;
        continue;
      }
      /* "House Republican leader Kevin McCarthy", "White House press
       * secretary Kayleigh McEnany": a body or a place, then role words,
       * then a person: the person heads the phrase */
      if (w->ents->ent[w->ents->men[m].entity].type != PX_ENT_PERSON) {
        size_t j = e + 1;
        while (j < t && j - e <= 5 && mention_at(w, j) < 0 && role_word(w, j)) j++;
        int32_t m2 = j < t ? mention_at(w, j) : -1;
        if (j > e + 1 && m2 >= 0 && w->ents->men[m2].tok_first == j &&
            (cap_word(w, j - 1) || (w->cls[j - 1] & PX__CW_TITLE)) &&
            w->ents->ent[w->ents->men[m2].entity].type == PX_ENT_PERSON) {
          spk_from_mention(w, m2, s);
          return true;
        }
      }
    } else if (w->cls[k] & PX__CW_TITLE) {
      while (e + 1 < t && is_word(w, e + 1) && (w->cls[e + 1] & PX__CW_TITLE)) e++;
      /* "President Barack Obama": the name after the title; "New Jersey
       * Gov. Chris Christie": after its abbreviation's period */
      size_t nx = e + 1;
      if (nx + 1 < t && punct_char(w, nx) == '.' && TOK(w, nx)->start == TOK(w, e)->end) nx++;
      int32_t m2 = nx < t ? mention_at(w, nx) : -1;
      if (m2 >= 0 && w->ents->men[m2].tok_first == nx) {
        spk_from_mention(w, m2, s);
        return true;
      }
      /* "Attorney General Eric Holder", "Secretary of State John Kerry":
       * over the rest of the office's name to the person */
      for (size_t j = nx; j < t && j - nx < 4 && w->p[TOK(w, e)->end - 1] != 's'; j++) {
        int32_t m3 = mention_at(w, j);
        if (m3 >= 0) {
          if (w->ents->men[m3].tok_first == j && j > nx &&
              w->ents->ent[w->ents->men[m3].entity].type == PX_ENT_PERSON) {
            spk_from_mention(w, m3, s);
            return true;
          }
          break;
        }
        if (!(cap_word(w, j) || (is_word(w, j) && TOK(w, j)->fold == w->qa->h_of && j + 1 < t &&
                                 cap_word(w, j + 1))))
          break;
      }
    }
    return np_ending_at(w, lo, e, s);
  }
  return false;
}

/* A word in -ed: a past tense ("released") or, right after a determiner,
 * an adjective ("the retired surgeon"). */
static bool is_ed(const qwork *w, size_t i) {
  const px__token *t = TOK(w, i);
  return t->end - t->start > 3 && memcmp(w->p + t->end - 2, "ed", 2) == 0;
}

/* The noun phrase that opens the clause at lo and is its subject: a
 * determiner, up to four words, then a verb ("The town released a
 * statement ..., saying", "In three interviews, the justice sounded off
 * on Trump, saying ...").  For a participle after a comma, whose subject
 * is the clause's even when that is no name nor role: the first name
 * after the verb is its object.  An opening phrase of setting ("In
 * August,") is passed over. */
static bool opening_np(const qwork *w, size_t lo, size_t t, spk *s) {
  static const char *const prep[] = {"in", "on", "at", "after", "during", "for", "with", "since",
                                     "before", "by", "from", "over", "like"};
  size_t f = lo;
  if (f < t && is_word(w, f) && (TOK(w, f)->fold == w->qa->h_but || TOK(w, f)->fold == w->qa->h_and)) f++;
  if (f < t && (word_in(w, f, prep, sizeof prep / sizeof *prep) || (w->cls[f] & CW_SKIP))) {
    size_t k = f + 1;
    while (k < t && k - f < 10 && punct_char(w, k) != ',' && !is_qmark(w, k) && !is_sent_end_punct(w, k)) k++;
    if (k >= t || punct_char(w, k) != ',') return false;
    f = k + 1;
  }
  if (f >= t || !is_word(w, f) || w->inq[f] || !(w->cls[f] & CW_DET)) return false;
  if (time_opener(w, f, t)) return false; /* "One day earlier, he issued ..." */
  size_t e = f + 1;
  while (e < t && e - f <= 4 && is_word(w, e) && !w->inq[e] && mention_at(w, e) < 0 &&
         !(w->cls[e] & (CW_SKIP | CW_CLAUSE | CW_DET | PX__CW_CUE | PX__CW_PRONOUN)) &&
         !((TOK(w, e)->flags & PX__TF_STOP) && !(w->cls[e] & PX__CW_TITLE)) &&
         !(is_ed(w, e) && e > f + 1) && !(TOK(w, e)->flags & PX__TF_POSSESSIVE))
    e++;
  if (e == f + 1 || e >= t || e - f > 4 || !is_word(w, e)) return false;
  /* the word after it is a verb: an auxiliary or a past tense */
  if (!((w->cls[e] & CW_SKIP) || (is_ed(w, e) && !cap_word(w, e)) ||
        word_in(w, e, k_past, sizeof k_past / sizeof *k_past)))
    return false;
  spk_span(w, f, e, s);
  return true;
}

/* Does the phrase at token f open its clause: near the sentence start
 * [lo, ...), or right after a comma, with its determiner and role words
 * ("As if answering him, the state board of elections was ...")? */
static bool clause_opening(const qwork *w, size_t lo, size_t f) {
  if (f < lo + 4) return true;
  while (f > lo && is_word(w, f - 1) && (w->cls[f - 1] & (CW_DET | PX__CW_TITLE))) f--;
  return f > lo && punct_char(w, f - 1) == ',';
}

/* The subject of the clause [lo, t) for a participle or a document that
 * speaks for it: the phrase that opens the clause when it is one
 * (opening_np), else its first name or role (main_subject). */
/* A bare plural that opens the clause with a participle after it:
 * "Protesters marching through the streets chanted", "Farmers holding
 * signs shouted".  Up to two words, the last in -s; no determiner, so
 * opening_np does not see it, and no name, so main_subject does not. */
static bool bare_plural_np(const qwork *w, size_t lo, size_t t, spk *s) {
  size_t f = lo;
  if (f < t && is_word(w, f) && (TOK(w, f)->fold == w->qa->h_but || TOK(w, f)->fold == w->qa->h_and)) f++;
  for (size_t e = f; e < t && e < f + 2; e++) {
    if (!is_word(w, e) || w->inq[e] || mention_at(w, e) >= 0 ||
        (w->cls[e] & (CW_SKIP | CW_CLAUSE | CW_DET | PX__CW_CUE | PX__CW_PRONOUN)) ||
        (TOK(w, e)->flags & (PX__TF_STOP | PX__TF_POSSESSIVE)))
      return false;
    const px__token *k = TOK(w, e);
    size_t n = e + 1;
    if (k->end - k->start > 3 && w->p[k->end - 1] == 's' && w->p[k->end - 2] != 's' && n < t &&
        is_word(w, n) && !w->inq[n] && is_ing(w, n) && !cap_word(w, n) && mention_at(w, n) < 0) {
      spk_span(w, f, n, s);
      return true;
    }
  }
  return false;
}

static bool clause_subject(const qwork *w, size_t lo, size_t t, spk *s) {
  spk np = {0};
  if (!opening_np(w, lo, t, &np)) return bare_plural_np(w, lo, t, s) || main_subject(w, lo, t, s);
  /* a name or role inside the phrase keeps its mention */
  if (!main_subject(w, lo, t, s) || s->start >= np.end || s->start < np.start) *s = np;
  return true;
}

/* The nearest speaker-like word before the cue c, within the clause. */
static bool nearest_back(const qwork *w, size_t lo, size_t c, spk *s) {
  for (size_t k = c; k > lo && c - k < 12;) {
    k--;
    if (is_qmark(w, k) || is_sent_end_punct(w, k)) return false;
    /* not past another verb of saying: "Obama ..., said it would tell" */
    if (k + 1 < c && is_word(w, k) && (w->cls[k] & PX__CW_CUE) && cue_at(w, k, false) == 1) return false;
    if (!speakerish(w, k)) continue;
    int32_t m = mention_at(w, k);
    if (m >= 0) {
      if (numbered_thing(w, m)) return false;
      spk_from_mention(w, m, s);
      return true;
    }
    return np_ending_at(w, lo, k, s);
  }
  return false;
}

/* A word of a time phrase: "on Friday", "at the time", "last week",
 * "Dec. 6", "this morning". */
static bool time_word(const qwork *w, size_t k) {
  /* a year or a date is a number token: "who in 2010 said" */
  if (TOK(w, k)->kind == PX__TOK_NUMBER) return true;
  if (!is_word(w, k)) return false;
  char c0 = w->p[TOK(w, k)->start];
  if (c0 >= '0' && c0 <= '9') return true;
  /* A word that spells a list entry in any case folds to it: the table's
   * flag of the token's fold rules out the rest before the list is read. */
  size_t i = tab_find(w->qa, TOK(w, k)->fold);
  if (i == (size_t)-1 || !w->qa->timew[i]) return false;
  return word_in(w, k, k_time, sizeof k_time / sizeof *k_time);
}

/* Before token j: the start of a time phrase ending there, or j. */
static size_t skip_time_back(const qwork *w, size_t lo, size_t j) {
  size_t k = j;
  bool seen = false;
  while (k > lo) {
    size_t p = k - 1;
    if (time_word(w, p)) {
      seen = true;
      k = p;
      continue;
    }
    char pc = punct_char(w, p);
    if (pc == '.' && p > lo && time_word(w, p - 1)) { /* "Dec." */
      k = p;
      continue;
    }
    if (is_word(w, p) && seen) {
      uint64_t h = TOK(w, p)->fold;
      const px__quotean *qa = w->qa;
      if (h == qa->h_on || h == qa->h_at || h == qa->h_in || h == qa->h_last || h == qa->h_this ||
          h == qa->h_the || h == qa->h_early || h == qa->h_late || h == qa->h_a ||
          h == qa->h_than || h == qa->h_less || h == qa->h_more) { /* "less than two weeks ago" */
        k = p;
        continue;
      }
    }
    break;
  }
  return seen && k > lo ? k : j;
}

/* Before token j: "after the meeting", "during a call", a phrase of the
 * occasion between a subject and its verb ("Dan Gross, president of the
 * Brady Campaign, after the meeting affirmed"); its start, or j. */
static size_t skip_occasion_back(const qwork *w, size_t lo, size_t j) {
  static const char *const when[] = {"after", "before", "following", "during"};
  static const char *const det[] = {"the", "a", "an", "his", "her", "their", "its", "that", "this"};
  if (j < lo + 4 || !is_word(w, j - 1) || cap_word(w, j - 1) || (TOK(w, j - 1)->flags & PX__TF_STOP) ||
      (w->cls[j - 1] & PX__CW_CUE) || w->inq[j - 1])
    return j;
  if (!word_in(w, j - 2, det, sizeof det / sizeof *det) || !word_in(w, j - 3, when, sizeof when / sizeof *when))
    return j;
  /* right after a person or the comma closing an apposition */
  size_t b = j - 4;
  int32_t m = mention_at(w, b);
  if (punct_char(w, b) == ',' ||
      (m >= 0 && w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PERSON) ||
      (is_word(w, b) && (w->cls[b] & PX__CW_PRONOUN) && !(w->cls[b] & PX__CW_NOT_SPEAKER)))
    return j - 3;
  return j;
}

/*
 * The subject of the cue at token c, looked for in [lo, c): skips
 * auxiliaries and adverbs, and an apposition or relative clause set off by
 * commas ("Black, who has been friends with Manafort for 40 years, said").
 * A participle after a comma ("..., saying") takes the clause's subject.
 */
/* Does the name s0 found before the relative pronoun at b only describe
 * the noun that is its antecedent: "a former Harris staffer who claimed",
 * "a Trump campaign aide who said"?  The name ends one or two common nouns
 * before b. */
static bool name_modifies(const qwork *w, size_t lo, size_t b, const spk *s0) {
  if (s0->men < 0) return false;
  for (size_t k = b, n = 0; k > lo && n < 2; k--, n++) {
    size_t j = k - 1;
    if (!is_word(w, j) || cap_word(w, j) || w->inq[j] || (TOK(w, j)->flags & PX__TF_STOP) ||
        (w->cls[j] & (CW_CLAUSE | PX__CW_CUE | PX__CW_PRONOUN | CW_SKIP | CW_DET)))
      return false;
    if (j > lo && TOK(w, j - 1)->end == s0->end && mention_at(w, j - 1) == s0->men) return true;
  }
  return false;
}

/* The noun phrase that ends at b and that a name only describes
 * (name_modifies), from its determiner ("a former Harris staffer"), in
 * place of the name: @return false when it has none within eight words. */
static bool antecedent(const qwork *w, size_t lo, size_t b, spk *s0) {
  for (size_t a = b; a > lo && b - a < 8; a--) {
    size_t j = a - 1;
    if (!is_word(w, j) || w->inq[j] || (w->cls[j] & (CW_CLAUSE | PX__CW_CUE | PX__CW_PRONOUN))) return false;
    if (w->cls[j] & CW_DET) {
      s0->men = -1;
      s0->start = s0->nstart = TOK(w, j)->start;
      s0->end = s0->nend = TOK(w, b - 1)->end;
      return true;
    }
  }
  return false;
}

/* The relative pronoun at token t (who, which) as the subject: its span
 * as written, and the mention of the noun phrase before it, when one, for
 * the name ("critics who say", "Senator Quill, who added"). */
static bool relative_subject(const qwork *w, size_t lo, size_t t, spk *s) {
  spk s0 = {0};
  size_t b = t > lo && punct_char(w, t - 1) == ',' ? t - 1 : t;
  int32_t m = b > lo ? mention_at(w, b - 1) : -1;
  if (m >= 0 && w->ents->ent[w->ents->men[m].entity].type != PX_ENT_PLACE) /* "by Senator Quill, who" */
    spk_from_mention(w, m, s), s->pron = 0;
  else if (nearest_back(w, lo, t, &s0) && !s0.pron &&
      !(s0.men >= 0 && w->ents->ent[w->ents->men[s0.men].entity].type == PX_ENT_PLACE) &&
      (!name_modifies(w, lo, b, &s0) || antecedent(w, lo, b, &s0))) {
    *s = s0;
    /* a role set apart after a name: "Jeb Bush, the former Florida
     * governor, who said" is Bush; "Michela Martinazzi, 20, a University
     * of Florida student who" is Martinazzi */
    size_t f = tok_from(w, s0.start);
    int32_t pm = s0.men < 0 && f > lo + 1 && punct_char(w, f - 1) == ',' ? mention_at(w, f - 2) : -1;
    if (pm < 0 && s0.men < 0 && f > lo + 3 && punct_char(w, f - 1) == ',' &&
        TOK(w, f - 2)->kind == PX__TOK_NUMBER && punct_char(w, f - 3) == ',')
      pm = mention_at(w, f - 4);
    if (pm >= 0 && w->ents->ent[w->ents->men[pm].entity].type == PX_ENT_PERSON)
      spk_from_mention(w, pm, s);
    else if (s0.men < 0 && !(is_word(w, f) && (TOK(w, f)->flags & PX__TF_STOP) &&
                             !(w->cls[f] & (CW_DET | PX__CW_PRONOUN)) && !cap_word(w, f)))
      s->nstart = s0.start, s->nend = s0.end; /* not "of Capitol Hill lawmakers" */
  } else {
    static const char *const prep[] = {"among", "unlike", "like", "amid", "between", "including",
                                       "against", "toward", "towards", "than"};
    memset(s, 0, sizeof *s), s->men = -1;
    /* no speaker-like phrase: the words right before name it when they
     * are a phrase of their own ("from the union leaders, who said"; "the
     * union's leaflet, which claimed"), for the name shown only */
    size_t a = b, e = b;
    bool det = false;
    while (a > lo && e - a < 5 && is_word(w, a - 1) && !w->inq[a - 1] &&
           !(w->cls[a - 1] & (CW_CLAUSE | PX__CW_CUE | PX__CW_PRONOUN | CW_SKIP))) {
      if (w->cls[a - 1] & CW_DET) {
        a--, det = true;
        break;
      }
      if ((TOK(w, a - 1)->flags & PX__TF_STOP) && !(TOK(w, a - 1)->flags & PX__TF_POSSESSIVE)) break;
      /* nor over a preposition or a verb: "among union leaders",
       * "unnerving Republicans", "interviewed immigration lawyers" */
      if (word_in(w, a - 1, prep, sizeof prep / sizeof *prep)) break;
      if (!cap_word(w, a - 1) && (is_ing(w, a - 1) || is_ed(w, a - 1))) break;
      if (!cap_word(w, a - 1) && e - a >= 1 && w->p[TOK(w, a - 1)->end - 1] == 's' &&
          !(TOK(w, a - 1)->flags & PX__TF_POSSESSIVE))
        break; /* "concerns conservatives": a verb in -s before the phrase */
      a--;
    }
    static const char *const plural_nouns[] = {"people", "men", "women", "children", "police"};
    const px__token *h = e > a ? TOK(w, e - 1) : NULL;
    bool plural = h && ((h->end - h->start > 3 && w->p[h->end - 1] == 's' && w->p[h->end - 2] != 's') ||
                        word_in(w, e - 1, plural_nouns, sizeof plural_nouns / sizeof *plural_nouns));
    /* "criticism from those who accused her": the pronoun names them */
    static const char *const those[] = {"those", "others", "many", "some"};
    if (e == a && b > lo && is_word(w, b - 1) && word_in(w, b - 1, those, sizeof those / sizeof *those))
      a = b - 1, h = TOK(w, b - 1), det = true;
    int32_t hm = h ? mention_at(w, e - 1) : -1;
    if (h && (det || plural) && !(h->flags & PX__TF_POSSESSIVE) &&
        !(hm >= 0 && w->ents->ent[w->ents->men[hm].entity].type == PX_ENT_PLACE))
      s->nstart = TOK(w, a)->start, s->nend = h->end;
  }
  s->start = TOK(w, t)->start;
  s->end = TOK(w, t)->end;
  s->ok = true;
  return true;
}

/* An adverb in -ly between a name and its verb: "Chris Christie
 * effectively acknowledged", "Mr. Khan, a lawyer, later said" (after a
 * name, a pronoun or a comma; "the family said" keeps its noun). */
static bool name_adverb(const qwork *w, size_t lo, size_t k) {
  if (k <= lo || !ly_adverb(w, k) || cap_word(w, k) || w->inq[k]) return false;
  size_t b = k - 1;
  if (punct_char(w, b) == ',') return true;
  return is_word(w, b) && (mention_at(w, b) >= 0 || (w->cls[b] & PX__CW_PRONOUN)) &&
         !(TOK(w, b)->flags & PX__TF_POSSESSIVE);
}

/* The person (or a name of unknown kind) right before a verb of saying at k, adverbs between
 * ("Giuliani initially said"), in a subject's place: the sentence's start
 * or after a comma.  Not a passive ("after the winner was declared"), an
 * infinitive ("wanted to admit") or a relative clause ("who says"). */
static bool first_verb_subject(const qwork *w, size_t lo, size_t k, spk *s) {
  static const char *const be[] = {"was", "were", "is", "are", "be", "been", "being"};
  size_t j = k;
  while (j > lo && k - j < 3 && is_word(w, j - 1) && (ly_adverb(w, j - 1) || (w->cls[j - 1] & CW_SKIP)) &&
         !word_in(w, j - 1, be, sizeof be / sizeof *be))
    j--;
  if (j == lo || (is_word(w, j - 1) && word_in(w, j - 1, be, sizeof be / sizeof *be))) return false;
  spk s2 = {0};
  if (!np_ending_at(w, lo, j - 1, &s2) || s2.men < 0) return false;
  int type = w->ents->ent[w->ents->men[s2.men].entity].type;
  if (type != PX_ENT_PERSON && type != PX_ENT_OTHER) return false; /* a name of unknown kind too */
  const px__quotean *qa = w->qa;
  size_t f = tok_from(w, s2.start), sf = sent_first_tok(w, sent_of(w, f));
  while (f > lo && f > sf &&
         ((is_word(w, f - 1) &&
           ((w->cls[f - 1] & PX__CW_TITLE) || TOK(w, f - 1)->fold == qa->h_mr || TOK(w, f - 1)->fold == qa->h_mrs ||
            TOK(w, f - 1)->fold == qa->h_ms || TOK(w, f - 1)->fold == qa->h_dr)) ||
          punct_char(w, f - 1) == '.'))
    f--; /* over a title: "Mr. Giuliani" */
  if (f != sf && !(f > lo && punct_char(w, f - 1) == ',')) return false;
  *s = s2;
  return true;
}

/* A common noun phrase after a preposition other than "of": the object
 * of a phrase, not a subject ("Protesters marching through the streets
 * chanted", "an email to supporters stating"); "of" joins a head to its
 * subject ("the head of the agency said"). */
static bool common_after_preposition(const qwork *w, const spk *s) {
  size_t f = tok_from(w, s->start);
  if (f == 0 || !is_word(w, f - 1) || TOK(w, f - 1)->fold == w->qa->h_of) return false;
  if (after_preposition(w, f)) return true;
  /* the prepositions of place that after_preposition leaves out (a
   * spokesman "through" whom someone speaks may be a speaker) */
  size_t p = f - 1;
  if (w->cls[p] & CW_DET) {
    if (p == 0 || !is_word(w, p - 1)) return false;
    p--;
  }
  uint64_t h = TOK(w, p)->fold;
  const px__quotean *qa = w->qa;
  return h == qa->h_through || h == qa->h_across || h == qa->h_around || h == qa->h_along;
}

/* A past participle that names a thing, right after its noun: "a film
 * called", "a tax dubbed", "a book titled".  The thing is no speaker. */
static bool naming_participle(const qwork *w, size_t t, size_t c) {
  static const char *const naming[] = {"called", "dubbed", "named", "titled", "entitled", "labeled",
                                       "labelled", "nicknamed", "billed"};
  if (c != t + 1 || !is_word(w, t) || cap_word(w, t) || !word_in(w, c, naming, sizeof naming / sizeof *naming))
    return false;
  /* the name follows in marks, not an object ("called him "..."") */
  size_t n = c + 1;
  if (n < w->tx->ntok && is_word(w, n) && (w->cls[n] & CW_DET)) n++;
  return n < w->tx->ntok && is_qmark(w, n);
}

/* A preposition: "on that day", "a nurse in Chicago". */
static bool after_prep_word(const qwork *w, size_t j) {
  static const char *const prep[] = {"on", "in", "at", "for", "by", "of", "to", "from", "with",
                                     "during", "after", "before", "since", "until"};
  return word_in(w, j, prep, sizeof prep / sizeof *prep);
}

/* A place after a preposition tells where the speaker is, who is the
 * phrase before it opening with a determiner: "An anesthesiologist on the
 * West Coast tells me" is the anesthesiologist's.  So does a body (body:
 * an organization or another thing not a person) after "on", "in" or
 * "at" for a plural opening the sentence: "Republicans on the Hill said",
 * "Democrats in Congress say" are theirs; one person at a body ("a
 * source at the White House said") still speaks for the body. */
static void place_of_phrase(const qwork *w, size_t slo, spk *s, bool body) {
  static const char *const where[] = {"on", "in", "at"};
  size_t f = tok_from(w, s->start);
  while (f > slo && is_word(w, f - 1) && (w->cls[f - 1] & CW_DET)) f--;
  if (f <= slo || !is_word(w, f - 1) || !after_prep_word(w, f - 1)) return;
  if (body && !word_in(w, f - 1, where, sizeof where / sizeof *where)) return;
  size_t p = f - 1, a = p;
  while (a > slo && p - a < 5 && is_word(w, a - 1) &&
         (!cap_word(w, a - 1) || (w->cls[a - 1] & CW_DET) ||
          ((TOK(w, a - 1)->flags & PX__TF_SENT_START) && mention_at(w, a - 1) < 0)) &&
         !(w->cls[a - 1] & (CW_CLAUSE | PX__CW_CUE | PX__CW_PRONOUN)) && !after_prep_word(w, a - 1)) {
    a--;
    if (w->cls[a] & CW_DET) break;
  }
  /* the determiner that opens the phrase, at the clause's start or after a
   * comma; or, with none, a plural that opens the sentence ("Authorities
   * in Oklahoma say", "Pharmacists in California say") */
  bool det = a < p && (w->cls[a] & CW_DET);
  const px__token *last = TOK(w, p - 1);
  bool plural = a < p && a == slo && (TOK(w, a)->flags & PX__TF_SENT_START) && last->end - last->start > 3 &&
                w->p[last->end - 1] == 's' && w->p[last->end - 2] != 's' && w->p[last->end - 2] != '\'';
  if (a >= p || !(det || plural) || !(a == slo || punct_char(w, a - 1) == ',')) return;
  if (body && !plural) return; /* "a source at the White House" speaks for it */
  if (det && a + 1 >= p) return;
  spk_span(w, a, p, s);
}

/* "A statement Wednesday from the Pentagon said": the document's source,
 * named after "from" or "by" at token m, speaks, not the document d. */
static bool document_from(const qwork *w, const spk *d, size_t m) {
  static const char *const put_out[] = {"issued", "released", "sent", "published", "posted"};
  size_t e = tok_from(w, d->end);
  if (d->men >= 0 || d->pron || e == 0 || !is_document(w, e - 1)) return false;
  size_t p = m;
  if (p > e && is_word(w, p - 1) && (w->cls[p - 1] & CW_DET)) p--;
  if (p <= e || !is_word(w, p - 1) ||
      (TOK(w, p - 1)->fold != w->qa->h_from && TOK(w, p - 1)->fold != w->qa->h_by))
    return false;
  /* between the document and the preposition, a time ("A statement
   * Wednesday from") or a verb of putting out ("a report released by");
   * not "a report obtained by The Associated Press", whose agent is no
   * source */
  for (size_t k = e; k + 1 < p; k++)
    if (!time_word(w, k) && !word_in(w, k, put_out, sizeof put_out / sizeof *put_out)) return false;
  return true;
}

static bool weak_person(const qwork *w, const spk *s);
static bool subject_before(const qwork *w, size_t lo, size_t c, spk *s) {
  size_t j = c;
  for (int round = 0; round < 2; round++) {
    /* (a capitalized word inside the sentence is a name, not a modal:
     * "Mrs May stressed", "Theresa May said") */
    while (j > lo && is_word(w, j - 1) &&
           (((w->cls[j - 1] & CW_SKIP) && !(w->cls[j - 1] & PX__CW_PRONOUN) &&
             !(cap_word(w, j - 1) && !(TOK(w, j - 1)->flags & PX__TF_SENT_START) &&
               TOK(w, j - 1)->fold == w->qa->h_may)) ||
            name_adverb(w, lo, j - 1)))
      j--;
    j = skip_time_back(w, lo, j); /* "Obama on Friday declared", "Trump at the time said" */
    j = skip_occasion_back(w, lo, j);
  }
  if (j == lo) return false;
  size_t t = j - 1;
  /* "Rep. Gwen Moore (D-Wis.) said": over a parenthesis */
  if (punct_char(w, t) == ')') {
    size_t k = t;
    while (k > lo && t - k < 12 && punct_char(w, k) != '(') k--;
    if (punct_char(w, k) == '(' && k > lo) t = k - 1;
  }
  size_t slo = sent_first_tok(w, sent_of(w, c));
  if (slo > lo) slo = lo;
  if (is_word(w, t) && (TOK(w, t)->fold == w->qa->h_and || TOK(w, t)->fold == w->qa->h_but))
    return main_subject(w, slo, t, s); /* "X did this and said ..." */
  if (is_qmark(w, t) && is_ing(w, c)) return main_subject(w, slo, t, s); /* as "fantastic," telling */
  /* "..., it said." / "it added": an organization or a document speaks */
  /* a verb that needs a quote serves when one is beside it: ""...," it
   * read." / "it reads, "..."" */
  bool beside = c + 1 >= w->tx->ntok || is_qmark(w, c + 1) || punct_char(w, c + 1) == ',' ||
                punct_char(w, c + 1) == ':' || punct_char(w, c + 1) == '.';
  if (is_word(w, t) && TOK(w, t)->fold == w->qa->h_it && !w->inq[t] &&
      (cue_at(w, c, false) == 1 || (beside && cue_at(w, c, true) == 1)) && !is_ing(w, c)) {
    spk_span(w, t, t + 1, s);
    s->pron = 3;
    return true;
  }
  /* "Obama responded ... by saying": the subject of the sentence; so
   * over an adverb: "alienated the president's supporters after once
   * calling Mr Trump "unhinged and unfit"" */
  static const char *const adv[] = {"once", "later", "first", "even", "also", "repeatedly"};
  size_t tb = c - 1;
  if (is_ing(w, c) && tb > slo && is_word(w, tb) && !cap_word(w, tb) &&
      (word_in(w, tb, adv, sizeof adv / sizeof *adv) || ly_adverb(w, tb)))
    tb--;
  if (is_ing(w, c) && (c - 1 == t || tb + 2 == c) && is_word(w, tb) &&
      (TOK(w, tb)->fold == w->qa->h_by || (w->cls[tb] & CW_CLAUSE))) {
    /* of the clause after ", and": "Trump attacked the quartet, and the
     * crowd responded by chanting, "..."" */
    for (size_t k = tb; k > slo + 1; k--)
      if (is_word(w, k - 1) && punct_char(w, k - 2) == ',' &&
          (TOK(w, k - 1)->fold == w->qa->h_and || TOK(w, k - 1)->fold == w->qa->h_but)) {
        /* a clause with a subject of its own: a name, a role, a pronoun
         * or a determiner opens it */
        if (!is_word(w, k) || !(cap_word(w, k) || role_word(w, k) || (w->cls[k] & (CW_DET | PX__CW_PRONOUN))))
          break;
        if (main_subject(w, k, tb, s)) return true;
        /* a subject the finder knows no speaker word in ("the crowd"):
         * the phrase that opens the clause and ends before the verb
         * before "by" (not "..., but in so doing offered ... by saying") */
        spk s2 = {0};
        if (tb >= k + 2 && TOK(w, tb)->fold == w->qa->h_by && np_ending_at(w, k, tb - 2, &s2) &&
            tok_from(w, s2.start) == k) {
          *s = s2;
          return true;
        }
        break;
      }
    return main_subject(w, slo, tb, s);
  }
  /* "Bret Stephens, who, after trading insults with the host, said":
   * the relative pronoun before a phrase set off by commas */
  if (punct_char(w, t) == ',' && !is_ing(w, c)) {
    for (size_t k = t; k > lo + 1 && t - k < 30;) {
      k--;
      if (is_qmark(w, k) || is_sent_end_punct(w, k) || (is_word(w, k) && (w->cls[k] & PX__CW_CUE))) break;
      if (punct_char(w, k) == ',' && is_word(w, k - 1) && !w->inq[k - 1] &&
          TOK(w, k - 1)->fold == w->qa->h_who)
        return relative_subject(w, lo, k - 1, s);
    }
  }
  if (punct_char(w, t) == ',') {
    if (is_ing(w, c)) {
      /* "..., Fiorina said, adding that ...": the participle goes with the
       * cue before it when there is one, else with the sentence's subject */
      for (size_t k0 = t; k0 > slo && t - k0 < 30;) {
        k0--;
        if (is_sent_end_punct(w, k0)) break;
        if (!is_word(w, k0) || w->inq[k0] || is_ing(w, k0) || cue_at(w, k0, false) != 1) continue;
        /* nor a cue inside what an earlier one reported: "Barrett said
         * ... that his campaign never asked Obama to appear, adding that
         * ..." goes with "said" */
        for (size_t k1 = k0; k1 > slo && k0 - k1 < 30;) {
          k1--;
          if (is_sent_end_punct(w, k1) || w->inq[k1]) break;
          if (!is_word(w, k1) || TOK(w, k1)->fold != w->qa->h_that) continue;
          size_t k2 = k1;
          while (k2 > slo && k1 - k2 < 12 && !is_sent_end_punct(w, k2 - 1) &&
                 !(is_word(w, k2 - 1) && !w->inq[k2 - 1] && cue_at(w, k2 - 1, false) == 1))
            k2--;
          if (k2 > slo && k1 - k2 < 12 && is_word(w, k2 - 1) && cue_at(w, k2 - 1, false) == 1)
            k0 = k2 - 1;
          break;
        }
        /* but not a cue in a relative clause: "X defended not paying an
         * architect who said he was stiffed, saying ...": the participle
         * goes with the main clause */
        if (subject_before(w, slo, k0, s)) {
          size_t f = tok_from(w, s->start);
          if (!(f < w->tx->ntok && is_word(w, f) &&
                (TOK(w, f)->fold == w->qa->h_who || TOK(w, f)->fold == w->qa->h_which)))
            return true;
        }
        break;
      }
      return clause_subject(w, slo, t, s);
    }
    /* find the comma that opens the apposition */
    /* the apposition may hold commas of its own ("Marco Rubio, whose
     * hometown, Miami, is ..., argues"): a person before an earlier comma
     * wins over a thing before a nearer one */
    size_t k = t;
    size_t lim = t > lo + 40 ? t - 40 : lo;
    spk first = {0};
    while (k > lim) {
      k--;
      if (is_qmark(w, k) || is_sent_end_punct(w, k)) break;
      /* "Giuliani initially said no, then, upon further questioning,
       * declared, "..."": a verb of saying before the commas is the same
       * subject's first verb, not part of an apposition */
      if (is_word(w, k) && !w->inq[k] && (w->cls[k] & PX__CW_CUE) && !is_ing(w, k) &&
          cue_at(w, k, false) == 1 && first_verb_subject(w, lo, k, s))
        return true;
      if (punct_char(w, k) != ',' && punct_char(w, k) != '(') continue;
      /* "Its chief executive, Henrik Vestergaard, argued": the name the
       * commas set apart is the role's holder */
      if (k + 1 < t && punct_char(w, k) == ',') {
        int32_t m = mention_at(w, k + 1);
        uint8_t mty = m >= 0 ? w->ents->ent[w->ents->men[m].entity].type : 0;
        if (m >= 0 && w->ents->men[m].tok_first == k + 1 &&
            w->ents->men[m].tok_first + w->ents->men[m].tok_count == t &&
            (mty == PX_ENT_PERSON || mty == PX_ENT_OTHER)) {
          /* a role, or any noun after a possessive: "His foe, Tom
           * Barrett, says", "Her lawyer, Ann Lee, said" */
          static const char *const poss[] = {"his", "her", "its", "their", "our", "my"};
          size_t pk = k;
          while (pk > lo && k - pk < 4 && is_word(w, pk - 1) && !cap_word(w, pk - 1) &&
                 !word_in(w, pk - 1, poss, sizeof poss / sizeof *poss) &&
                 !(TOK(w, pk - 1)->flags & PX__TF_STOP))
            pk--;
          /* or a noun's possessive: "the club's head coach, Nopparat
           * Kanthawong, said" */
          bool possessed = pk < k && pk > lo &&
                           (word_in(w, pk - 1, poss, sizeof poss / sizeof *poss) ||
                            (pk + 1 < k && (TOK(w, pk)->flags & PX__TF_POSSESSIVE))) &&
                           !is_document(w, k - 1);
          /* a role phrase that opens the sentence, with a place or an
           * organization in it: "A Middle East analyst at the Council on
           * Foreign Relations in New York, Isobel Coleman, acknowledged" */
          static const char *const art[] = {"a", "an", "the"};
          size_t sl = sent_first_tok(w, sent_of(w, k));
          if (!possessed && mty == PX_ENT_PERSON && sl >= lo && sl < k &&
              word_in(w, sl, art, sizeof art / sizeof *art)) {
            size_t nw = 0;
            bool role = false, comma = false;
            for (size_t j2 = sl; j2 < k; j2++) {
              if (punct_char(w, j2) == ',') comma = true;
              if (is_word(w, j2)) nw++;
              if (is_word(w, j2) && (w->cls[j2] & PX__CW_TITLE) && !cap_word(w, j2)) role = true;
            }
            possessed = role && !comma && nw <= 16;
          }
          spk s2 = {0};
          if (possessed || (mty == PX_ENT_PERSON && np_ending_at(w, lo, k - 1, &s2) && s2.men < 0 &&
                            !s2.pron && weak_person(w, &s2))) {
            spk_from_mention(w, m, s);
            return true;
          }
        }
      }
      spk s1 = {0};
      if (k <= lo || !np_ending_at(w, lo, k - 1, &s1)) continue;
      /* "Johnnie Wilson, of Springfield, Va., said": a place after a
       * preposition or a comma tells where the speaker is from */
      if (s1.men >= 0 && w->ents->ent[w->ents->men[s1.men].entity].type == PX_ENT_PLACE) {
        size_t f = tok_from(w, s1.start);
        if (after_preposition(w, f) || (f > lo && punct_char(w, f - 1) == ',')) continue;
      }
      if (s1.men >= 0 && w->ents->ent[w->ents->men[s1.men].entity].type == PX_ENT_PERSON) {
        *s = s1;
        return true;
      }
      if (!first.ok) first = s1;
    }
    if (first.ok) {
      *s = first;
      return true;
    }
    return main_subject(w, lo, t, s);
  }
  /* "Another said, "..."", "Others wrote": a determiner standing for
   * one of the people just named */
  static const char *const alone[] = {"another", "others", "some", "many", "both", "most", "several"};
  if (!w->inq[t] && word_in(w, t, alone, sizeof alone / sizeof *alone) &&
      (t == lo || !is_word(w, t - 1) || (w->cls[t - 1] & (CW_CLAUSE | CW_SKIP)) ||
       (TOK(w, t)->flags & PX__TF_SENT_START))) {
    spk_span(w, t, t + 1, s);
    return true;
  }
  /* "Stevie Wonder, who joked of the museum, "...": the relative pronoun
   * is the subject as written and the name before it says who that is */
  if (is_word(w, t) && t > lo && !w->inq[t] &&
      (TOK(w, t)->fold == w->qa->h_who || TOK(w, t)->fold == w->qa->h_which))
    return relative_subject(w, lo, t, s);
  if (np_ending_at(w, lo, t, s)) {
    /* "..., with Trump reportedly yelling: "..."": after "with", the
     * name before a participle is its subject */
    if (is_ing(w, c) && s->men >= 0) {
      size_t f = tok_from(w, s->start);
      /* over roles and their modifiers: "with Republican Senator John
       * McCain telling reporters" */
      while (f > lo && is_word(w, f - 1) &&
             ((w->cls[f - 1] & (CW_DET | PX__CW_TITLE)) ||
              (cap_word(w, f - 1) && !(TOK(w, f - 1)->flags & PX__TF_SENT_START))))
        f--;
      if (f > lo && is_word(w, f - 1) && TOK(w, f - 1)->fold == w->qa->h_with) return true;
    }
    /* "Another source speaking to Fox News said": a name after a
     * preposition is not the subject; the clause's first speaker is.
     * So for a document the subject put out: "the Council issued a
     * statement calling ...", "He released a letter that says ..." */
    /* "presided over a crowd chanting "..."": a group of people right
     * before the participle is who says it, after a preposition too */
    static const char *const group[] = {"crowd",    "crowds",   "protesters", "demonstrators", "fans",
                                        "audience", "marchers", "mourners",   "onlookers"};
    static const char *const to[] = {"to", "for"}; /* "sent a card to voters saying": the card */
    size_t g0 = tok_from(w, s->start);
    while (g0 > lo && is_word(w, g0 - 1) && (w->cls[g0 - 1] & CW_DET)) g0--;
    bool says = is_ing(w, c) && t + 1 == c && s->men < 0 && !s->pron && is_word(w, t) &&
                word_in(w, t, group, sizeof group / sizeof *group) &&
                !(g0 > 0 && is_word(w, g0 - 1) && word_in(w, g0 - 1, to, 2));
    if (says) return true;
    if ((s->men >= 0 && after_preposition(w, tok_from(w, s->start))) ||
        (s->men < 0 && !s->pron && (is_document(w, t) || common_after_preposition(w, s)))) {
      spk s2 = {0};
      if (clause_subject(w, slo, t, &s2) && s2.start < s->start &&
          !(s->men >= 0 && document_from(w, &s2, tok_from(w, s->start))))
        *s = s2;
      else if (s->men >= 0 && w->ents->ent[w->ents->men[s->men].entity].type == PX_ENT_PLACE)
        place_of_phrase(w, slo, s, false); /* "A nurse in Chicago tells me" */
      else if (s->men >= 0 && w->ents->ent[w->ents->men[s->men].entity].type != PX_ENT_PERSON)
        place_of_phrase(w, slo, s, true); /* "Republicans on the Hill said" */
    } else if ((is_ing(w, c) || naming_participle(w, t, c)) && s->men < 0 && !s->pron &&
               !weak_person(w, s)) {
      /* "he has battled the council, at one point calling the mayor a
       * "liar"": a participle after a thing has the clause's subject; so
       * has a thing named in marks: "They slammed the loophole called an
       * "inversion"" */
      spk s2 = {0};
      if (clause_subject(w, slo, t, &s2) && s2.start < s->start) *s = s2;
    }
    return true;
  }
  if (!nearest_back(w, lo, c, s)) return false;
  if (s->men < 0 && !s->pron) {
    size_t e = tok_from(w, s->end);
    if (e > 0 && is_document(w, e - 1)) {
      spk s2 = {0};
      if (main_subject(w, slo, e - 1, &s2) && s2.start < s->start) *s = s2;
    }
  }
  return true;
}

/* At token e of the phrase opening at a, before hi: a number that opens
 * the phrase or is glued to the token before, or a hyphen or slash glued
 * between a number and what follows ("2016", a piece of "42-year-old" or
 * "9/11"), so that an age or a date before a role is read over. */
static bool glued_number(const qwork *w, size_t a, size_t e, size_t hi) {
  if (TOK(w, e)->kind == PX__TOK_NUMBER)
    return e + 1 < hi && (e == a || TOK(w, e - 1)->end == TOK(w, e)->start);
  char pc = punct_char(w, e);
  if ((pc != '-' && pc != '/') || e == 0 || e + 1 >= hi) return false;
  return TOK(w, e - 1)->end == TOK(w, e)->start && TOK(w, e)->end == TOK(w, e + 1)->start &&
         TOK(w, e - 1)->kind == PX__TOK_NUMBER;
}

/* Does the phrase from a (its words, to a comma or the clause's end, at
 * most 12 tokens) hold a noun for a person in lower case ("physician",
 * "lawyer", "member", "source")? */
static bool person_noun_in(const qwork *w, size_t a, size_t hi) {
  static const char *const person[] = {
      "lawyer", "lawyers", "attorney", "attorneys", "physician", "doctor", "doctors", "spokesman",
      "spokeswoman", "spokesperson", "aide", "aides", "adviser", "advisers", "advisor", "son",
      "daughter", "father", "mother", "wife", "husband", "brother", "sister", "friend", "friends",
      "member", "members", "source", "sources", "biographer", "counsel", "staffer", "staffers",
      "assistant", "deputy", "nephew", "niece", "cousin", "grandson", "granddaughter", "widow"};
  for (size_t k = a; k < hi && k < a + 12; k++) {
    if (!is_word(w, k)) {
      if (punct_char(w, k) == ',' || is_sent_end_punct(w, k) || is_qmark(w, k)) break;
      continue;
    }
    if (!cap_word(w, k) && word_in(w, k, person, sizeof person / sizeof *person)) return true;
  }
  return false;
}

/* The speaker after an inverted cue ("said Charlie Black, ..."), in (c, hi). */
static bool speaker_after(const qwork *w, size_t c, size_t hi, spk *s) {
  size_t a = c + 1;
  if (a < hi && is_word(w, a) && TOK(w, a)->fold == w->qa->h_by) a++;
  if (a >= hi) return false;
  /* the cue is "according" or the "to" after it */
  bool according = TOK(w, c)->fold == w->qa->h_according ||
                   (c > 0 && TOK(w, c - 1)->fold == w->qa->h_according);
  /* ", compared to what militants are doing": a preposition after the
   * verb opens its complement, no speaker */
  if (is_word(w, a)) {
    uint64_t h = TOK(w, a)->fold;
    const px__quotean *qa = w->qa;
    if (h == qa->h_with || h == qa->h_of || h == qa->h_for || h == qa->h_in || h == qa->h_on ||
        h == qa->h_at || h == qa->h_about || (h == qa->h_to && !according))
      return false;
  }
  /* "... suggests that Phoenix ...": a clause, not a speaker */
  if (is_word(w, a) && (w->cls[a] & CW_CLAUSE)) return false;
  /* a pronoun right after: "said he" */
  if (is_word(w, a) && (w->cls[a] & PX__CW_PRONOUN) && !(w->cls[a] & PX__CW_NOT_SPEAKER)) {
    spk_span(w, a, a + 1, s);
    s->pron = w->gen[a];
    return true;
  }
  size_t e = a;
  int32_t first = -1, person = -1;
  /* after "according to", a year after the determiner: "according to a
   * 2017 report" (not after other verbs: "recalled a 1992 dinner meeting
   * with Moonves" names no speaker) */
  while (e < hi && e - a < 12 &&
         (is_word(w, e) || glued_number(w, a, e, hi) ||
          (according && e == a + 1 && TOK(w, e)->kind == PX__TOK_NUMBER && (w->cls[a] & CW_DET) &&
           e + 1 < hi && (is_word(w, e + 1) || glued_number(w, a, e + 1, hi))) ||
          (punct_char(w, e) == '.' && e > a && e + 1 < hi && is_word(w, e + 1) &&
           cap_word(w, e - 1) && TOK(w, e - 1)->end - TOK(w, e - 1)->start <= 3))) {
    /* over the period of a title: "said Mr. Kasich"; over an age or a
     * date that modifies the role: "said 42-year-old Jim Sato", "said
     * 9/11 widow Ann Lowe" */
    if (!is_word(w, e)) {
      e++;
      continue;
    }
    int32_t m = mention_at(w, e);
    /* "Clinton-era chairman Haley Barbour": a name glued to a suffix
     * modifies what follows */
    if (m >= 0) {
      uint32_t me = w->ents->men[m].end;
      if (me + 1 < w->tx->len && w->p[me] == '-' && w->p[me + 1] >= 'a' && w->p[me + 1] <= 'z') m = -1;
    }
    if (m >= 0) {
      if (first < 0) first = m;
      /* "said Nordair boss Henrik Vestergaard": a name before a role is
       * whose the role is; the name after it speaks */
      size_t me = w->ents->men[m].tok_first + w->ents->men[m].tok_count;
      bool owner = me + 1 < hi && role_word(w, me) && !cap_word(w, me) && mention_at(w, me + 1) >= 0;
      /* over a word or two before the role: "said Trump personal attorney
       * Jay Sekulow" */
      for (size_t r = me; !owner && r < hi && r < me + 3 && is_word(w, r) && !cap_word(w, r) &&
                          !(TOK(w, r)->flags & PX__TF_STOP);
           r++)
        owner = r > me && role_word(w, r) && r + 1 < hi && mention_at(w, r + 1) >= 0;
      /* "said Florida's governor, Rick Scott": a possessive name, its
       * role, and the name set apart after a comma */
      if (!owner && (TOK(w, me - 1)->flags & PX__TF_POSSESSIVE)) {
        size_t r = me;
        while (r < hi && r < me + 4 && role_word(w, r) && !cap_word(w, r)) r++;
        if (r > me && r + 1 < hi && punct_char(w, r) == ',' && mention_at(w, r + 1) >= 0) {
          int32_t nm = mention_at(w, r + 1);
          if (w->ents->ent[w->ents->men[nm].entity].type == PX_ENT_PERSON) {
            spk_from_mention(w, nm, s);
            return true;
          }
        }
      }
      /* and over roles joined by "and": "Nordwire contributor and harbor
       * activist Erik Dahl" */
      for (size_t r = me; !owner && r < hi && r < me + 8 && role_word(w, r) && !cap_word(w, r); r++)
        if (r + 2 < hi && is_word(w, r + 1) && TOK(w, r + 1)->fold == w->qa->h_and) {
          size_t q = r + 2;
          while (q < hi && q < me + 8 && role_word(w, q) && !cap_word(w, q)) q++;
          owner = q > r + 2 && q < hi && mention_at(w, q) >= 0;
          break;
        }
      /* "according to the mayor's personal physician", "said a top member
       * of Romney's organization": a possessive in a phrase headed by
       * another person is whose that person is, not the speaker (the
       * phrase speaks, unresolved); "according to Romney's tax returns",
       * "the Pentagon's report", "Boehner's office" stay the owner's */
      bool owns = (TOK(w, me - 1)->flags & PX__TF_POSSESSIVE) && me < hi && is_word(w, me) &&
                  !cap_word(w, me) && !w->inq[me] && mention_at(w, me) < 0 && person_noun_in(w, a, hi);
      if (owns && first == m) first = -1;
      if (person < 0 && !owner && !owns && w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PERSON)
        person = m;
    }
    /* "said CNN contributor and conservative activist Erick Erickson":
     * two roles joined by "and" before the name */
    if (e > a && (w->cls[e] & CW_CLAUSE) &&
        !(TOK(w, e)->fold == w->qa->h_and && role_word(w, e - 1) && person < 0)) break;
    /* "said nothing can remove the mark Ann Harlan will carry", "said it
     * was important for Clinton to ...": a clause of its own after the
     * verb, not a speaker further on */
    static const char *const clause_word[] = {
        "can",  "cannot", "must", "shall", "nothing", "something", "everything", "anything",
        "nobody", "everyone", "is",  "was",  "are",   "were",    "has",       "had",
        "have", "will",   "would", "did", "does",    "may",     "might",     "could",  "should"};
    if (first < 0 && word_in(w, e, clause_word, sizeof clause_word / sizeof *clause_word)) return false;
    e++;
  }
  if (person >= 0) {
    spk_from_mention(w, person, s);
    return true;
  }
  /* "said a New Hampshire Republican", "said a senior Pentagon official":
   * someone unnamed from a place or an organization, not the place or the
   * organization itself ("according to a Reuters report" stays Reuters') */
  static const char *const indefinite[] = {"a", "an", "one", "another"};
  static const char *const someone[] = {
      "official", "aide", "spokesman", "spokeswoman", "spokesperson", "source", "senator", "lawmaker",
      "strategist", "operative", "insider", "voter", "resident", "agent", "adviser", "advisor",
      "staffer", "leader", "member", "officer", "diplomat", "analyst", "executive", "employee",
      "worker", "activist", "supporter", "donor", "delegate", "legislator", "congressman",
      "congresswoman", "representative", "attorney", "lawyer", "prosecutor", "investigator",
      "expert", "researcher", "economist", "soldier", "commander", "veteran", "republican",
      "democrat", "independent", "conservative", "liberal", "progressive", "consultant", "pollster",
      "organizer", "volunteer", "manager", "director", "administrator", "fundraiser", "operator",
      "regulator", "negotiator", "envoy", "minister", "judge", "police", "policeman", "guard"};
  if (first >= 0 && e <= hi && e > a + 1 && e - a <= 7 && word_in(w, a, indefinite, sizeof indefinite / sizeof *indefinite) &&
      word_in(w, e - 1, someone, sizeof someone / sizeof *someone)) {
    const px__mention *fm = &w->ents->men[first];
    uint8_t ty = w->ents->ent[fm->entity].type;
    size_t me = (size_t)fm->tok_first + fm->tok_count;
    if ((ty == PX_ENT_PLACE || ty == PX_ENT_ORG) && fm->tok_first > a && me < e && is_word(w, e - 1) &&
        !(TOK(w, me - 1)->flags & PX__TF_POSSESSIVE) && mention_at(w, e - 1) < 0) {
      spk_span(w, a, e, s);
      return true;
    }
  }
  if (first >= 0) {
    spk_from_mention(w, first, s);
    return true;
  }
  if (e > a && e - a <= 8) {
    bool det = w->cls[a] & CW_DET, title = false, cap = false;
    for (size_t k = a; k < e; k++) {
      if (w->cls[k] & PX__CW_TITLE) title = true;
      if (cap_word(w, k)) cap = true;
    }
    /* "said the psychiatrist, Dr. Bandy X. Lee,": the person set apart
     * after the role (over a title's abbreviation) */
    if ((title || det) && !cap && !according && e + 1 < hi && punct_char(w, e) == ',') {
      size_t n = e + 1;
      while (n + 1 < hi && mention_at(w, n) < 0 && n < e + 4 &&
             ((is_word(w, n) && cap_word(w, n)) || punct_char(w, n) == '.'))
        n++;
      int32_t m = n < hi ? mention_at(w, n) : -1;
      /* set apart: a comma or the sentence's end after the name, not a
       * clause ("according to police, Jarrod Ramos bought ...") */
      size_t me = m >= 0 ? (size_t)(w->ents->men[m].tok_first + w->ents->men[m].tok_count) : 0;
      if (m >= 0 && w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PERSON &&
          (me >= hi || punct_char(w, me) == ',' || is_sent_end_punct(w, me))) {
        spk_from_mention(w, m, s);
        return true;
      }
    }
    if (det && !according && e - a == 1 && e < hi && TOK(w, e)->kind == PX__TOK_NUMBER)
      return false; /* "recalled a 1992 dinner": no phrase */
    if (det || title || cap) {
      spk_span(w, a, e, s);
      return true;
    }
  }
  return false;
}

/* A verb that reports speech with the particle after it: "shot back",
 * "fired back", "hit back", "snapped back", "chimed in". */
static bool phrasal_cue(const qwork *w, size_t i) {
  if (i + 1 >= w->tx->ntok || !is_word(w, i) || !is_word(w, i + 1)) return false;
  const px__quotean *qa = w->qa;
  uint64_t h = TOK(w, i)->fold, h2 = TOK(w, i + 1)->fold;
  if (h2 == qa->h_back)
    return h == qa->h_shot || h == qa->h_fired || h == qa->h_hit || h == qa->h_snapped;
  return h2 == qa->h_in && h == qa->h_chimed;
}

/* The particle of a cue ("went on", "shot back"): 1 when token i + 1 is
 * one, else 0. */
static size_t cue_particle(const qwork *w, size_t i) {
  if (i + 1 >= w->tx->ntok || !is_word(w, i + 1)) return 0;
  if (phrasal_cue(w, i)) return 1;
  return TOK(w, i)->fold == w->qa->h_went && TOK(w, i + 1)->fold == w->qa->h_on;
}

/* Is token i a cue ("according" only with "to" after it)? */
/* A cue that is also a plural noun ("states", "claims", "reports",
 * "notes", "tweets") is the noun after a number or a word that cannot be
 * its subject: "in 50 states", "key battleground states", "swing states
 * that", "Southern states", "his claims"; the verb follows a name, a
 * pronoun, "which" or "that", a document or a role ("the letter states",
 * "the Constitution, which states:"), or an adverb ("also states"), or
 * opens a quotation after it ("states the party website"). */
static bool plural_noun_cue(const qwork *w, size_t i) {
  static const char *const nouns[] = {"states", "claims", "reports", "notes", "tweets",
                                      "posts",  "remarks", "comments", "answers", "quotes"};
  static const char *const subject[] = {
      "which", "that", "who", "also", "further", "still", "even", "now", "simply", "then",
      "constitution", "law", "rule", "bill", "article", "document", "guide", "study", "analysis",
      "order", "memorandum", "plan", "policy", "page", "site", "website", "section", "clause",
      "amendment", "text", "notice", "filing", "complaint", "lawsuit", "ruling", "decision",
      "opinion", "agreement", "contract", "resolution", "platform", "label", "sign", "card",
      "version", "editorial", "survey", "poll", "book", "source", "summary", "brief", "motion",
      "petition", "indictment", "warrant", "affidavit", "transcript", "regulation", "provision",
      "statute", "charter", "treaty", "declaration", "manifesto", "account", "profile", "bio",
      /* a body or a person in lower case: "the wire service reports", "a
       * former campaign staffer claims" */
      "service", "theory", "contestant", "staffer", "person", "newspaper", "paper", "magazine",
      "network", "outlet", "station", "channel", "blog", "wire", "journal", "tabloid", "columnist",
      "correspondent", "writer", "author", "researcher", "scientist"};
  if (!word_in(w, i, nouns, sizeof nouns / sizeof *nouns)) return false;
  size_t p = i - 1;
  /* "in 50 states"; not "as Channel 2 reports", a name's number */
  if (TOK(w, p)->kind == PX__TOK_NUMBER) return !(p > 0 && cap_word(w, p - 1));
  if (!is_word(w, p)) return false; /* "...," states the party website */
  if (mention_at(w, p) >= 0 || (w->cls[p] & (PX__CW_PRONOUN | PX__CW_TITLE)) || is_document(w, p) ||
      ly_adverb(w, p) || word_in(w, p, subject, sizeof subject / sizeof *subject))
    return false;
  /* any other word: a number ("four"), an adjective or a noun used as one
   * ("battleground", "Southern", "Conservative") */
  return true;
}

static int cue_at(const qwork *w, size_t i, bool weak_ok) {
  if (!is_word(w, i)) return 0;
  uint8_t c = w->cls[i];
  if (phrasal_cue(w, i)) c |= PX__CW_CUE;
  if (TOK(w, i)->fold == w->qa->h_according) {
    if (i + 1 < w->tx->ntok && TOK(w, i + 1)->fold == w->qa->h_to) return 2;
    return 0;
  }
  if (!(c & PX__CW_CUE) && !(weak_ok && (c & PX__CW_CUE_WEAK))) return 0;
  /* part of a name: "the United States" */
  if (mention_at(w, i) >= 0) return 0;
  /* a noun, not a verb: "her remark", "Clinton's call", "the state",
   * "in states like Ohio", "of reports" */
  static const char *const past[] = {"said", "told", "wrote", "says", "tells", "writes",
                                     "tweeted", "added", "asked", "replied"};
  static const char *const alone[] = {"another", "others", "some", "many", "both", "most", "several",
                                      "two", "three"}; /* "the mother of two replied" */
  if (i > 0 && is_word(w, i - 1) &&
      ((w->cls[i - 1] & CW_DET) || (TOK(w, i - 1)->flags & PX__TF_POSSESSIVE)) &&
      /* but "another said", "some wrote": no noun */
      !(word_in(w, i - 1, alone, sizeof alone / sizeof *alone) && word_in(w, i, past, sizeof past / sizeof *past)))
    return 0;
  if (i > 0 && is_word(w, i - 1)) {
    uint64_t h = TOK(w, i - 1)->fold;
    const px__quotean *qa = w->qa;
    if (h == qa->h_in || h == qa->h_of || h == qa->h_for || h == qa->h_from || h == qa->h_with ||
        h == qa->h_on || h == qa->h_at || h == qa->h_about || h == qa->h_against || h == qa->h_over)
      return 0;
  }
  if (i > 0 && plural_noun_cue(w, i)) return 0;
  /* "a Donald Trump tweet": a name used as a modifier after "a" */
  int32_t m = i > 0 ? mention_at(w, i - 1) : -1;
  if (m >= 0) {
    size_t f = w->ents->men[m].tok_first;
    if (f > 0 && is_word(w, f - 1) &&
        (TOK(w, f - 1)->fold == w->qa->h_a || TOK(w, f - 1)->fold == w->qa->h_an))
      return 0;
  }
  return 1;
}

/* One attribution found for a stretch of text. */
typedef struct attr {
  bool ok;
  uint32_t cue_s, cue_e;
  size_t cue_tok;   /* token index of the cue */
  size_t end_tok;   /* first token after the attribution (trailing form) */
  spk s;
} attr;

/* ", X said" / ", said X" / ", according to X" in tokens [a, hi);
 * reported: after a clause of reported speech (not a quotation). */
static bool trailing_attr(const qwork *w, size_t a, size_t hi, bool reported, attr *at) {
  memset(at, 0, sizeof *at);
  size_t i = a;
  while (i < hi && (punct_char(w, i) == ',' || punct_char(w, i) == '-')) i++;
  if (i >= hi) return false;
  size_t lo = i;
  for (size_t k = i; k < hi && k - i < 30; k++) {
    if (is_qmark(w, k) || is_sent_end_punct(w, k)) break;
    if (!is_word(w, k)) continue;
    if (w->cls[k] & CW_CLAUSE && k == lo) return false;
    /* ", even as Amb. Stevens warned of ...", ", just as ...": the same
     * after an adverb */
    static const char *const adv[] = {"even", "just", "only", "right"};
    if (w->cls[k] & CW_CLAUSE && k == lo + 1 && is_word(w, lo) && word_in(w, lo, adv, sizeof adv / sizeof *adv))
      return false;
    /* ", whatever the critics predict": a concession, no attribution */
    static const char *const ever[] = {"whatever", "whoever", "however", "whichever"};
    if (k == lo && word_in(w, k, ever, sizeof ever / sizeof *ever)) return false;
    int cl = cue_at(w, k, true);
    if (!cl) continue;
    spk s = {0};
    bool found;
    if (cl == 2) {
      found = speaker_after(w, k + 1, hi, &s);
    } else if (k == lo && is_ing(w, k)) {
      /* "...," telling reporters: the subject of the sentence speaks */
      found = main_subject(w, sent_first_tok(w, sent_of(w, a)), a, &s);
    } else if (k == lo) {
      found = speaker_after(w, k, hi, &s);
      /* after a clause of reported speech, "..., said the Senate must do
       * its job": the one after the cue is the subject of what was said,
       * no inverted speaker ("Zoe Lofgren of California, one of the
       * managers, said the House wasn't asking ...") */
      if (found && reported) {
        size_t after = tok_from(w, s.end);
        while (after < hi && TOK(w, after)->start < s.end) after++;
        if (after < hi && is_word(w, after) && clause_verb(w, after, false)) return false;
      }
    } else {
      found = subject_before(w, lo, k, &s);
      if (found && s.start < TOK(w, lo)->start) found = false;
      /* "the aide to Christie, Bridget Anne Kelly, wrote", "a spokesman
       * for Mayor Mark Sokolich, Tom Ryan, said": a person named between
       * commas right before the cue is the one the role before it
       * describes, and speaks */
      if (found && k >= lo + 3 && punct_char(w, k - 1) == ',') {
        int32_t m = mention_at(w, k - 2);
        if (m >= 0 && m != s.men && w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PERSON) {
          const px__mention *mm = &w->ents->men[m];
          size_t f = mm->tok_first;
          /* (not a party and state: "Rep. Peter King, R-New York, said") */
          bool party = mm->end - mm->start > 2 && w->p[mm->start] >= 'A' && w->p[mm->start] <= 'Z' &&
                       w->p[mm->start + 1] == '-';
          if (!party && mm->tok_first + mm->tok_count == k - 1 && f > lo && punct_char(w, f - 1) == ',' &&
              s.end <= TOK(w, f - 1)->start)
            spk_from_mention(w, m, &s);
        }
      }
    }
    if (!found) return false;
    at->ok = true;
    at->cue_tok = k;
    at->cue_s = TOK(w, k)->start;
    at->cue_e = TOK(w, k + (cl == 2 ? 1 : 0))->end;
    at->s = s;
    /* the attribution ends at the next clause mark or sentence end */
    size_t e = k + cl;
    while (e < hi && !is_qmark(w, e) && !is_sent_end_punct(w, e) &&
           !(punct_char(w, e) == ',' && TOK(w, e)->start >= s.end))
      e++;
    at->end_tok = e;
    return true;
  }
  return false;
}

/*
 * A cue before the quote, in tokens [lo, b): the nearest cue, within
 * max_gap tokens of the quote, with its subject before it or (inverted)
 * after it.  weak_ok admits cues that need a quote (called, described).
 */
/* A speaker that is a named person (or a person's role), not a pronoun
 * nor a thing: "the platform", "statements", "he". */
static bool is_document(const qwork *w, size_t k);
static bool weak_person(const qwork *w, const spk *s) {
  if (s->pron) return false;
  if (s->men >= 0) return w->ents->ent[w->ents->men[s->men].entity].type == PX_ENT_PERSON;
  size_t a = tok_from(w, s->start), e = tok_from(w, s->end);
  bool title = false;
  for (size_t k = a; k < e && k < w->tx->ntok; k++) {
    if (is_document(w, k)) return false;
    if (is_word(w, k) && (w->cls[k] & PX__CW_TITLE)) title = true;
  }
  return title;
}

/* A speaker that can stand on its own: a person, an organization or a
 * role; not a pronoun (its antecedent may be the outer speaker), a place
 * or a thing. */
static bool own_speaker(const qwork *w, const spk *s) {
  if (s->men >= 0) return w->ents->ent[w->ents->men[s->men].entity].type != PX_ENT_PLACE;
  return weak_person(w, s);
}

static bool leading_attr_in(const qwork *w, size_t lo, size_t b, size_t max_gap, bool weak_ok,
                            bool climb, bool *skipped, attr *at);
static bool leading_attr(const qwork *w, size_t lo, size_t b, size_t max_gap, bool weak_ok,
                         bool climb, attr *at) {
  /* past an aside between dashes first; when no cue stands before it,
   * the aside's own ("which -- as Chait noted -- promises "..."").  A
   * first pass that passed over no aside read what a second would. */
  bool skipped = false;
  return leading_attr_in(w, lo, b, max_gap, weak_ok, climb, &skipped, at) ||
         (skipped && leading_attr_in(w, lo, b, max_gap, weak_ok, climb, NULL, at));
}

/* skipped: NULL to read asides as any words, else asides are passed over
 * and *skipped set when one was */
/* Does the quote opening at token b follow the cue at k, set off by a
 * comma or a colon, with at most the one spoken to between ("said to
 * her,", "told him:", "said,")? */
static bool quote_set_off(const qwork *w, size_t k, size_t b) {
  if (b < k + 2) return false;
  char pc = punct_char(w, b - 1);
  if (pc != ',' && pc != ':') return false;
  static const char *const object[] = {"her", "him", "them", "me", "us", "you"};
  for (size_t t = k + 1; t + 1 < b; t++) {
    if (!is_word(w, t) || t > k + 3) return false;
    if (!(t == k + 1 && TOK(w, t)->fold == w->qa->h_to) && !word_in(w, t, object, sizeof object / sizeof *object))
      return false;
  }
  return true;
}

static bool leading_attr_in(const qwork *w, size_t lo, size_t b, size_t max_gap, bool weak_ok,
                            bool climb, bool *skipped, attr *at) {
  memset(at, 0, sizeof *at);
  if (b <= lo) return false;
  size_t k = b;
  while (k > lo && b - k < max_gap) {
    k--;
    if (is_qmark(w, k) || is_sent_end_punct(w, k)) return false;
    /* "as Mr. Bown observed, in the early days -- when he would not be
     * worried about re-election -- "...": an aside between dashes (a
     * spaced pair) holds no cue of the quote */
    if (skipped && is_dash(w, k) && TOK(w, k)->end - TOK(w, k)->start > 1 && k > lo + 1) {
      size_t j = k - 1;
      while (j > lo && k - j < 25 && !is_dash(w, j) && !is_qmark(w, j) && !is_sent_end_punct(w, j)) j--;
      if (j > lo && is_dash(w, j) && TOK(w, j)->end - TOK(w, j)->start > 1) {
        *skipped = true;
        k = j;
        continue;
      }
    }
    if (!is_word(w, k)) continue;
    int cl = cue_at(w, k, weak_ok);
    if (!cl && k > lo && TOK(w, k)->fold == w->qa->h_to && TOK(w, k - 1)->fold == w->qa->h_according) {
      k--;
      cl = 2;
    }
    if (!cl) continue;
    spk s = {0};
    bool found = false;
    bool passive = cl == 1 && k > lo && k + 1 < b && is_word(w, k - 1) && is_word(w, k + 1) &&
                   TOK(w, k + 1)->fold == w->qa->h_by &&
                   (TOK(w, k - 1)->fold == w->qa->h_was || TOK(w, k - 1)->fold == w->qa->h_were ||
                    TOK(w, k - 1)->fold == w->qa->h_been);
    /* "McConnell responded to Trump tweeting earlier in the day: "..."":
     * the name a participle of saying follows after a verb of answering
     * and "to" speaks, not the one who answered him (not "a letter to
     * Camp saying ...", the letter's) */
    static const char *const answering[] = {"responded", "responding", "responds", "respond", "reacted",
                                            "reacting", "reacts", "react", "replied", "replying", "listened",
                                            "listening", "objected", "objecting"};
    int32_t pm = cl == 1 && is_ing(w, k) && k >= lo + 3 ? mention_at(w, k - 1) : -1;
    if (pm >= 0) {
      const px__mention *mm = &w->ents->men[pm];
      int ty = w->ents->ent[mm->entity].type;
      size_t f = mm->tok_first;
      if (f + mm->tok_count == k && f > lo + 1 && is_word(w, f - 1) && TOK(w, f - 1)->fold == w->qa->h_to &&
          is_word(w, f - 2) && word_in(w, f - 2, answering, sizeof answering / sizeof *answering) &&
          (ty == PX_ENT_PERSON || ty == PX_ENT_ORG)) {
        spk_from_mention(w, pm, &s);
        found = true;
      }
    }
    if (!found && cl == 2) {
      found = speaker_after(w, k + 1, b, &s);
    } else if (!found && passive) {
      found = speaker_after(w, k, b, &s); /* "was asked by host Bill Maher" */
    } else if (!found) {
      found = subject_before(w, lo, k, &s);
      /* inverted only at a clause start: ... said Smith: "..." */
      if (!found && (k == lo || !is_word(w, k - 1)) && (w->cls[k] & PX__CW_CUE))
        found = speaker_after(w, k, b, &s);
    }
    if (!found) continue;
    /* "X says he believes ...": the outer cue speaks; not when the quote
     * is set off right after the inner cue ("Reade said Biden said to her,
     * 'Come on man ...'", "She said he told her, "..."": the inner
     * speaker's own words, which the outer one reports), unless that cue
     * is a participle, whose subject is the outer one's ("Jesus telling
     * the woman ... before telling her, "Go and sin no more."") */
    for (int up = 0; up < 2 && cl == 1 && (is_ing(w, k) || !quote_set_off(w, k, b)); up++) {
      size_t f = tok_from(w, s.start);
      if (f > lo && is_word(w, f - 1) && TOK(w, f - 1)->fold == w->qa->h_that) f--;
      if (f <= lo || !is_word(w, f - 1) || !(w->cls[f - 1] & PX__CW_CUE)) break;
      spk s2 = {0};
      if (!subject_before(w, lo, f - 1, &s2)) break;
      k = f - 1;
      s = s2;
    }
    /* "Wasserman Schultz said ... that the platform should reiterate
     * ... "stalwart allies"": a subject that is a pronoun or no person,
     * inside the clause of an earlier cue, hands over to that cue's */
    bool relative = k > lo && is_word(w, k - 1) && (w->cls[k - 1] & CW_CLAUSE) &&
                    TOK(w, k - 1)->fold != w->qa->h_and && TOK(w, k - 1)->fold != w->qa->h_but;
    /* "He said that Rubio had described his views as "...": a verb that
     * reports speech only beside a quote (called, described), inside the
     * clause of a verb of saying, gives the words to that verb's subject */
    bool weak = cl == 1 && !(w->cls[k] & PX__CW_CUE) && !phrasal_cue(w, k);
    /* "what aide Kevin Phillips called "..."": a named subject of a free
     * relative keeps the words */
    size_t sf = tok_from(w, s.start);
    while (sf > lo && is_word(w, sf - 1) && (w->cls[sf - 1] & (CW_DET | PX__CW_TITLE))) sf--;
    bool free_rel = !s.pron && sf > lo && is_word(w, sf - 1) && TOK(w, sf - 1)->fold == w->qa->h_what;
    /* "Putney said the video shows no gun, but he said the footage
     * "supports what we've heard"", "the rules, which he called "...": he
     * or she opening a clause of its own (after a conjunction or a
     * relative pronoun) is the subject, not a word of the earlier cue's
     * clause */
    static const char *const conj[] = {"but", "and", "although", "though", "yet", "while", "when"};
    static const char *const rel[] = {"which", "whom", "who"};
    bool own_clause = false;
    if (s.pron == 1 || s.pron == 2) {
      size_t f = tok_from(w, s.start);
      own_clause = f > lo && !w->inq[f - 1] && !relative &&
                   ((!weak && word_in(w, f - 1, conj, sizeof conj / sizeof *conj)) ||
                    word_in(w, f - 1, rel, sizeof rel / sizeof *rel));
    }
    if (climb && cl == 1 && !free_rel && !own_clause && (!own_speaker(w, &s) || relative || weak)) {
      size_t f = k; /* the outer cue may stand between the subject and the inner cue */
      size_t slo = sent_first_tok(w, sent_of(w, f));
      if (slo > lo) slo = lo;
      for (size_t k0 = f; k0 > slo && f - k0 < 30;) {
        k0--;
        if (is_sent_end_punct(w, k0)) break;
        if (!is_word(w, k0) || w->inq[k0] || !(w->cls[k0] & PX__CW_CUE) || cue_at(w, k0, false) != 1) continue;
        spk s0 = {0};
        if (!subject_before(w, slo, k0, &s0) || !(own_speaker(w, &s0) || (s0.pron && s0.pron < 4)))
          continue;
        k = k0;
        s = s0;
        break;
      }
    }
    /* "Coan, the attorney, argues that his client ... "...", "Mr. Ross
     * said Mr. Obama had told Jewish leaders that ... "no daylight"": a
     * sentence that opens with its subject and a verb of saying reports
     * all that follows; a cue inside that clause is the subject's words,
     * not another attribution (unless a new clause is coordinated) */
    static const char *const opener[] = {"and", "but", "while", "although", "though", "after",
                                         "before", "when", "because", "whereas", "as", "which",
                                         "who", "whom", "yet", "since", "if", "until", "once"};
    size_t sf0 = tok_from(w, s.start);
    while (sf0 > lo && is_word(w, sf0 - 1) && (w->cls[sf0 - 1] & (CW_DET | PX__CW_TITLE))) sf0--;
    if (climb && cl == 1 && !free_rel && !own_clause &&
        !(sf0 > lo && word_in(w, sf0 - 1, opener, sizeof opener / sizeof *opener))) {
      size_t f = tok_from(w, s.start);
      size_t slo = sent_first_tok(w, sent_of(w, f));
      if (slo < lo) slo = lo;
      for (size_t k0 = slo + 1; k0 < k && k0 < f && k0 - slo < 30; k0++) {
        if (is_qmark(w, k0) || w->inq[k0] || is_sent_end_punct(w, k0)) break;
        if (!is_word(w, k0) || !(w->cls[k0] & PX__CW_CUE) || is_ing(w, k0) || cue_at(w, k0, false) != 1)
          continue;
        spk s0 = {0};
        if (!subject_before(w, slo, k0, &s0) || s0.pron || !own_speaker(w, &s0)) break;
        size_t f0 = tok_from(w, s0.start);
        while (f0 > slo && is_word(w, f0 - 1) && (w->cls[f0 - 1] & (CW_DET | PX__CW_TITLE))) f0--;
        if (f0 != slo) break;
        /* "Trump said, after Quick said ...": the cue's clause ends there */
        bool coord = k0 + 1 < f && !is_word(w, k0 + 1);
        for (size_t j = k0 + 1; j < f && !coord; j++) {
          char pc = punct_char(w, j);
          coord = pc == ';' || pc == ':' || is_qmark(w, j) ||
                  (pc == ',' && j + 1 < f && is_word(w, j + 1) &&
                   (TOK(w, j + 1)->fold == w->qa->h_and || TOK(w, j + 1)->fold == w->qa->h_but));
        }
        if (!coord) {
          k = k0;
          s = s0;
        }
        break;
      }
    }
    /* "Sanders has made clear that he expects ... "attack dogs"", "Abbott
     * told the President that if he wants our guns, "...": he or she
     * before a verb that needs a quote (expects, wants, believes) is
     * inside what the person who opens the sentence says */
    if (weak && (s.pron == 1 || s.pron == 2) && !own_clause && !free_rel) {
      size_t f = tok_from(w, s.start);
      size_t slo = sent_first_tok(w, sent_of(w, f));
      spk s0 = {0};
      if (f > slo + 2 && main_subject(w, slo, f, &s0) && s0.men >= 0 && !s0.pron && s0.start < s.start &&
          w->ents->ent[w->ents->men[s0.men].entity].type == PX_ENT_PERSON &&
          tok_from(w, s0.start) < slo + 4)
        s = s0;
    }
    /* "The president denounced what he called the "pessimistic" vision":
     * he or she in "what he called" is the subject of the clause, who is
     * named before it */
    if (cl == 1 && (s.pron == 1 || s.pron == 2 || (s.pron == 3 && w->cls[tok_from(w, s.start)] == PX__CW_PRONOUN))) {
      /* and "what they call": a group or body named before it ("Clinton's
       * campaign is seeking to contrast her approach with what they call
       * ...") */
      /* from the sentence's start, over quotes before this one: "Trump
       * took to Twitter to accuse ... of being "duped" ... and check out
       * what he called ..." */
      size_t f = tok_from(w, s.start);
      size_t slo = sent_first_tok(w, sent_of(w, f));
      spk s0 = {0};
      if (f > slo + 1 && is_word(w, f - 1) && TOK(w, f - 1)->fold == w->qa->h_what &&
          main_subject(w, slo, f - 1, &s0) && s0.start < s.start && !s0.pron &&
          (weak_person(w, &s0) || (s.pron == 3 && s0.men >= 0 &&
                                    w->ents->ent[w->ents->men[s0.men].entity].type == PX_ENT_ORG)))
        s = s0;
    }
    at->ok = true;
    at->cue_tok = k;
    at->cue_s = TOK(w, k)->start;
    at->cue_e = TOK(w, k + (cl == 2 ? 1 : 0))->end;
    at->s = s;
    at->end_tok = k + cl;
    return true;
  }
  return false;
}

/* Does the sentence opening at token f open with a subordinate clause
 * ("When ...", "But after ...", "Although ...") that runs on to the quote
 * at token q with no comma of its own but after a cue ("When X shouted,
 * "..."")? */
static bool opens_subordinate(const qwork *w, size_t f, size_t q) {
  static const char *const sub[] = {"after", "when", "while", "as", "before", "since", "although",
                                     "though", "because", "once", "until", "whenever", "if"};
  if (f < q && is_word(w, f) && (TOK(w, f)->fold == w->qa->h_but || TOK(w, f)->fold == w->qa->h_and)) f++;
  if (f >= q || !is_word(w, f) || w->inq[f] || !word_in(w, f, sub, sizeof sub / sizeof *sub)) return false;
  /* "As a result, ..." / "As of Monday, ...": a comma before the quote
   * that does not follow a cue ends the opening phrase */
  for (size_t k = f + 1; k + 1 < q; k++)
    if (punct_char(w, k) == ',' && !(is_word(w, k - 1) && (w->cls[k - 1] & PX__CW_CUE))) return false;
  return true;
}

/* Does the sentence [lo, end) open with a person's name and then a verb
 * of saying, an adverb between ("Dara Quill also spoke about the case"),
 * with no quotation of its own?  The subject and cue go to at. */
static bool person_reports(const qwork *w, size_t lo, size_t end, attr *at) {
  /* over a title: "Mayor Dara Quill" */
  while (lo + 1 < end && is_word(w, lo) && mention_at(w, lo) < 0 && (w->cls[lo] & PX__CW_TITLE)) lo++;
  int32_t m = mention_at(w, lo);
  if (m < 0 || w->ents->men[m].tok_first != lo ||
      w->ents->ent[w->ents->men[m].entity].type != PX_ENT_PERSON)
    return false;
  size_t k = lo + w->ents->men[m].tok_count;
  if (k < end && is_word(w, k) && (ly_adverb(w, k) || (w->cls[k] & CW_SKIP))) k++;
  if (k >= end || !is_word(w, k) || is_ing(w, k) || cue_at(w, k, true) != 1) return false;
  for (size_t j = k; j < end; j++)
    if (is_qmark(w, j) || w->inq[j]) return false;
  memset(at, 0, sizeof *at);
  spk_from_mention(w, m, &at->s);
  at->ok = true;
  at->cue_tok = k;
  at->cue_s = TOK(w, k)->start;
  at->cue_e = TOK(w, k)->end;
  at->end_tok = k + 1;
  return true;
}

/* Is the sentence [lo, end) (end at its full stop) only an attribution: a
 * subject that opens it, a verb of saying and at most a short phrase of
 * setting ("in a statement", "on Tuesday", "angrily"), no reported clause?
 * "Sam Lau, the party's spokesman, said in a statement." */
static bool bare_attribution(const qwork *w, size_t lo, size_t end, attr *at) {
  static const char *const setting[] = {"in", "on", "at", "to", "during", "after", "before",
                                        "from", "with", "over", "later", "afterward", "afterwards"};
  for (size_t k = lo; k < end; k++)
    if (is_qmark(w, k) || w->inq[k]) return false;
  if (!leading_attr(w, lo, end, 60, false, false, at)) return false;
  size_t c = at->cue_tok;
  if (!(w->cls[c] & PX__CW_CUE) || at->end_tok != c + 1) return false;
  const spk *s = &at->s;
  bool person = s->men >= 0 ? w->ents->ent[w->ents->men[s->men].entity].type != PX_ENT_PLACE
                            : (s->pron >= 1 && s->pron <= 3) || weak_person(w, s);
  if (!person) return false;
  size_t f = tok_from(w, s->start);
  while (f > lo && is_word(w, f - 1) && (w->cls[f - 1] & (CW_DET | PX__CW_TITLE))) f--;
  if (f > lo + 1 && punct_char(w, f - 1) != ',') return false; /* the sentence's own subject */
  size_t a = c + 1 + cue_particle(w, c);
  /* "He told reporters on Tuesday.": over the one told, up to four words */
  if (TOK(w, c)->fold == w->qa->h_told || TOK(w, c)->fold == w->qa->h_tells)
    for (size_t n = 0; n < 4 && a < end && is_word(w, a) && !time_word(w, a) &&
                       !word_in(w, a, setting, sizeof setting / sizeof *setting);
         n++)
      a++;
  if (a == end) return true;
  if (end - a > 8 || reports_clause(w, a, end) || !tail_is_np(w, a, end)) return false;
  if (!is_word(w, a)) return false;
  return ly_adverb(w, a) || time_word(w, a) || word_in(w, a, setting, sizeof setting / sizeof *setting);
}

/* Sentence of token i. */
/* Whether sentence si is a video or audio player's label
 * (px__player_label), a related headline set in capitals
 * (px__caps_headline) or an agency's photo caption (px__agency_caption;
 * the rest of page furniture is left out at comparison,
 * px__furniture_text being too dear for every quote of an ingest): no
 * quote is taken from it.  Asked only of sentences that hold a quote, once
 * each. */
static bool furniture_sent(const qwork *w, size_t si) {
  if (!w->furn[si]) {
    const px__sentence *se = &w->tx->sent[si];
    const char *sp = w->p + se->start;
    size_t sn = se->end - se->start;
    w->furn[si] = px__caps_headline(sp, sn) || px__player_label(sp, sn) ? 3 : px__agency_caption(sp, sn) ? 2 : 1;
  }
  return w->furn[si] >= 2;
}

/* Whether sentence si is a related headline in capitals or a player's
 * label (furniture_sent's px__caps_headline, px__player_label): the names
 * in it are no antecedents.  A caption's are: a gallery's captions run
 * into the text around its quotes. */
static bool headline_sent(const qwork *w, size_t si) {
  furniture_sent(w, si);
  return w->furn[si] == 3;
}

static size_t sent_of(const qwork *w, size_t i) {
  size_t s = TOK(w, i)->sent;
  if (s >= w->tx->nsent) s = w->tx->nsent ? w->tx->nsent - 1 : 0;
  /* sent saturates at 65535: search forward from there */
  while (s + 1 < w->tx->nsent && w->tx->sent[s + 1].tok_first <= i) s++;
  return s;
}

static size_t sent_first_tok(const qwork *w, size_t s) {
  return w->sfirst ? w->sfirst[s] : w->tx->sent[s].tok_first;
}

/* The first token of sentence s after a dateline set in it, the shape
 * px__find_dateline reads at an article's start with a news agency in
 * brackets ("WASHINGTON, Aug. 24 (UPI) -- A spokesman ...", "Washington
 * (AFP) - Democrat ..."), as aggregators run wire copies together, or
 * with none when the sentence opens a paragraph after a byline's few
 * words ("Kevin Johnson USA TODAY / WASHINGTON – A scheme ... has been
 * referred to the FBI, Mueller's spokesman said"; deeper in, a newsletter's
 * headings take that shape: "CRUZ CLAIMING VICTORY - ...").  The agency
 * names no speaker of the sentence, and the place is no part of what was
 * said. */
static size_t after_dateline(const qwork *w, size_t s) {
  const px__sentence *se = &w->tx->sent[s];
  size_t f = se->tok_first, e = f + se->tok_count;
  px__dateline d;
  px__find_dateline(w->p + se->start, se->end - se->start, &d);
  if (!d.found) return f;
  if (d.agency_end <= d.agency_start && s > 0 &&
      (w->tx->sent[s - 1].para == se->para || f > 15))
    return f;
  size_t k = f;
  while (k < e && TOK(w, k)->start < se->start + d.end) k++;
  return k < e ? k : f;
}

static size_t sent_end_tok(const qwork *w, size_t s) {
  return w->tx->sent[s].tok_first + w->tx->sent[s].tok_count;
}

/* Is token k a word in capitals (two letters or more, or "I")? */
static bool all_caps(const qwork *w, size_t k) {
  if (!is_word(w, k)) return false;
  const px__token *t = TOK(w, k);
  size_t letters = 0;
  for (uint32_t b = t->start; b < t->end; b++) {
    unsigned char ch = (unsigned char)w->p[b];
    if (ch >= 'a' && ch <= 'z') return false;
    letters += ch >= 'A' && ch <= 'Z';
  }
  return letters >= 1;
}

/* The speaker label of the transcript turn that holds token k: the
 * nearest paragraph at or before k's that opens with a name in capitals
 * and a colon ("REP. JOHN LEWIS: ...", "BRIAN KILMEADE (CO-HOST): ...").
 * [*ls, *le) is the name without its title; false when the text has no
 * such turn within twelve paragraphs. */
static bool turn_label(const qwork *w, size_t k, uint32_t *ls, uint32_t *le) {
  const px__text *tx = w->tx;
  size_t si = sent_of(w, k);
  unsigned paras = 0;
  for (size_t s = si + 1; s-- > 0;) {
    if (s > 0 && tx->sent[s - 1].para == tx->sent[s].para) continue;
    if (++paras > 12) return false;
    size_t f = sent_first_tok(w, s), e = sent_end_tok(w, s);
    size_t j = f, nw = 0, first = SIZE_MAX, last = 0;
    while (j < e && nw < 6) {
      if (all_caps(w, j)) {
        /* a title before the name: "REP.", "SEN.", "PRESIDENT" */
        if (first == SIZE_MAX && (w->cls[j] & PX__CW_TITLE)) {
          j++;
          if (j < e && punct_char(w, j) == '.') j++;
          continue;
        }
        if (first == SIZE_MAX) first = j;
        last = j;
        nw++;
        j++;
      } else if (punct_char(w, j) == '.' || punct_char(w, j) == '-' || punct_char(w, j) == '\'') {
        j++;
      } else {
        break;
      }
    }
    /* a role in brackets after the name: "(CO-HOST)" */
    if (j < e && punct_char(w, j) == '(') {
      size_t r = j + 1;
      while (r < e && r - j < 8 && punct_char(w, r) != ')') r++;
      if (r < e && punct_char(w, r) == ')') j = r + 1;
    }
    if (nw >= 1 && first != SIZE_MAX && j < e && punct_char(w, j) == ':' &&
        TOK(w, last)->end - TOK(w, first)->start >= 3) {
      /* a page's label, not a speaker's: "READ IN FULL: Lt. Col. Alex
       * Vindman's opening statement ...", "WATCH:", "UPDATE:" */
      static const char *const label[] = {"read", "watch", "related", "update", "updated", "editor",
                                          "photos", "photo", "video", "breaking", "exclusive", "listen",
                                          "correction", "clarification", "note", "full", "more", "see",
                                          "click", "also"};
      if (word_in(w, first, label, sizeof label / sizeof *label)) return false;
      *ls = TOK(w, first)->start;
      *le = TOK(w, last)->end;
      return true;
    }
  }
  return false;
}

/* The entity whose key is the text [s, e) folded to lower case, periods
 * and apostrophes dropped ("JOHN LEWIS" names the entity "John Lewis");
 * -1 when none. */
static int32_t entity_named(const qwork *w, uint32_t s, uint32_t e) {
  const px__entities *ents = w->ents;
  if (!ents) return -1;
  char buf[128];
  size_t n = 0;
  bool space = false;
  for (uint32_t b = s; b < e && n + 2 < sizeof buf; b++) {
    unsigned char ch = (unsigned char)w->p[b];
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch >= 0x80) {
      if (space && n) buf[n++] = ' ';
      space = false;
      buf[n++] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
    } else if (ch != '.' && ch != '\'') {
      space = true;
    }
  }
  buf[n] = 0;
  if (!n) return -1;
  for (size_t i = 0; i < ents->nent; i++) {
    const px__entity *en = &ents->ent[i];
    if (en->key_len == n && memcmp(en->key, buf, n) == 0) return (int32_t)i;
  }
  return -1;
}

/* -------------------------------------------------------------- output */

typedef struct qbuild {
  px__quote *q;
  size_t nq, capq;
  px__qrange *sp;
  size_t nsp, capsp;
  px__arena *arena;
} qbuild;

/* Make room for `need` elements in *v, which holds `used`. */
static int grow(px__arena *a, void **v, size_t *cap, size_t used, size_t need, size_t elem) {
  if (need <= *cap) return PX_OK;
  size_t nc = *cap ? *cap * 2 : 16;
  while (nc < need) nc *= 2;
  void *nv = px__arena_alloc(a, nc * elem);
  if (!nv) return PX_ENOMEM;
  if (used) memcpy(nv, *v, used * elem);
  *v = nv;
  *cap = nc;
  return PX_OK;
}

/* A quote under construction, with its spans (at most a few). */
#define MAX_SPANS 8
typedef struct cand {
  px__quote q;
  px__qrange sp[MAX_SPANS];
  int nsp;
  uint32_t cstart, cend; /* attributed content */
  size_t close_tok;      /* first token after the last closing mark */
  size_t open_tok;       /* token of the opening mark (or first inside) */
  size_t trail_end;      /* first token after its trailing attribution */
  bool trail;            /* attributed after the quote */
  bool lead;             /* attributed before the quote */
  bool sent_start;       /* opens a sentence or paragraph */
  bool sent_end;         /* closes a sentence */
  bool dead;
  bool so_called;        /* after "so-called": a scare quote */
  bool named;            /* a programme or title after a preposition */
  bool heading;          /* in a headline or a crosshead: the editor's words */
  bool owned;            /* words the sentence names as another's ("King's
                            comment that ..."): that person speaks, but
                            the quotes after it go on with the writer's
                            last speaker */
  uint32_t para;
  spk s;
} cand;

static bool clause_verb(const qwork *w, size_t k, bool first);
/* Verbs of telling, whose object is always the one told. */
static const char *const k_telling[] = {"told", "tells", "tell", "telling", "assured", "assures",
                                        "informed", "informs", "reminded", "reminds"};

/* "as he told investigators, when ...", "as he told reporters on Monday,
 * after ...": the one told after the verb of telling at k, and a few words
 * of setting, run into a comma before any word that could open a clause
 * (a pronoun, a determiner, a capitalized word after lower-case ones): the
 * comma's token, 0 when not. */
static size_t told_then_comma(const qwork *w, size_t k, size_t e) {
  bool lower = false;
  for (size_t t = k + 1; t < e && t <= k + 8; t++) {
    if (!is_word(w, t)) return punct_char(w, t) == ',' ? t : 0;
    if (t > k + 1 && (w->cls[t] & (PX__CW_PRONOUN | CW_DET))) return 0;
    if (cap_word(w, t) && lower && !time_word(w, t)) return 0; /* not "reporters on Monday" */
    lower |= !cap_word(w, t);
  }
  return 0;
}

/* After "told" (or "tells", "assured", "informed", "reminded") at k, with
 * no "that": where the clause begins after the one told ("told
 * investigators she was beaten", "told reporters the bridge would reopen",
 * "told CNN's Jake Tapper he would run", "told him the deal was off"): a
 * noun phrase of up to five words, then a subject pronoun, a determiner
 * or, after lower-case words, a capitalized one, and a verb of a clause
 * within six words.  k + 1 when there is none. */
static size_t addressee_end(const qwork *w, size_t k, size_t e) {
  static const char *const object[] = {"him", "them", "us", "me", "her"};
  if (!word_in(w, k, k_telling, sizeof k_telling / sizeof *k_telling)) return k + 1;
  size_t j = k + 1, end = SIZE_MAX;
  if (j < e && is_word(w, j) && word_in(w, j, object, sizeof object / sizeof *object) && j + 1 < e &&
      is_word(w, j + 1) &&
      ((w->cls[j + 1] & (PX__CW_PRONOUN | CW_DET)) || cap_word(w, j + 1)))
    end = j + 1; /* "told him the deal was off" ("her" before a determiner is the one told) */
  else {
    size_t t = j;
    if (t < e && is_word(w, t) && (w->cls[t] & CW_DET)) t++;
    bool lower = false, capital = false;
    for (size_t n = 0; t < e && n < 5; n++, t++) {
      if (!is_word(w, t) || w->inq[t]) return k + 1;
      if (w->cls[t] & (PX__CW_PRONOUN | CW_DET | CW_CLAUSE)) break;
      if (cap_word(w, t)) {
        if (lower) break; /* "told reporters Trump was ..." */
        capital = true;
      } else {
        if ((TOK(w, t)->flags & PX__TF_STOP) || is_ed(w, t) || is_ing(w, t)) return k + 1;
        lower = true;
      }
    }
    if (t == j || t >= e || !is_word(w, t) || !(lower || capital)) return k + 1;
    /* "told reporters Monday he was injured": the day is the telling's */
    for (size_t n = 0; n < 2 && t + 1 < e && time_word(w, t) && !(w->cls[t] & PX__CW_PRONOUN); n++) t++;
    if (!is_word(w, t)) return k + 1;
    /* "told CNN affiliate WGCL he was unscathed": a name ends the one told */
    if (cap_word(w, t) && t + 1 < e && is_word(w, t + 1) && (w->cls[t + 1] & PX__CW_PRONOUN) &&
        !(w->cls[t + 1] & PX__CW_NOT_SPEAKER))
      t++;
    if (!(w->cls[t] & (PX__CW_PRONOUN | CW_DET)) && !(lower && cap_word(w, t))) return k + 1;
    if (w->cls[t] & PX__CW_NOT_SPEAKER && !(w->cls[t] & PX__CW_PRONOUN)) return k + 1;
    end = t;
  }
  /* a clause: a finite verb, or a verb in the past, within six words */
  for (size_t v = end + 1; v < e && v <= end + 6; v++) {
    if (!is_word(w, v)) {
      if (punct_char(w, v) == ',') break;
      continue;
    }
    if (clause_verb(w, v, false) || (is_ed(w, v) && !cap_word(w, v))) return end; /* "he shot", "she lied" */
  }
  return k + 1;
}

/* Verbs of telling, whose object is the one told ("told reporters
 * that", "urged Congress to act"). */
static const char *const k_told_cue[] = {"told", "tells", "tell", "telling", "assured",
                                         "informed", "reminded", "urged", "asked", "warned"};

/* A "that" at j after the cue at k that may not open what was said: the
 * cue (no verb of telling) has an object of its own, a lower-case word
 * that is no preposition, time, adverb nor pronoun ("said in a statement
 * that", "said Monday that", "said repeatedly that" go on to what was
 * said). */
static bool object_before_that(const qwork *w, size_t k, size_t j, size_t e) {
  size_t o = k + 1;
  if (j == o || j + 1 >= e || !is_word(w, o) || !is_word(w, j + 1) || cap_word(w, o) ||
      word_in(w, k, k_told_cue, sizeof k_told_cue / sizeof *k_told_cue))
    return false;
  return !after_prep_word(w, o) && !time_word(w, o) && !ly_adverb(w, o) &&
         !(w->cls[o] & (PX__CW_PRONOUN | CW_CLAUSE));
}

static bool has_finite_verb(const qwork *w, size_t a, size_t b);
/* Skip to the reported clause after a cue at token k: "that", or the
 * object of told/asked ("told reporters that"), or a few words of setting
 * before "that" ("said in a statement that"). */
static size_t clause_after(const qwork *w, size_t k, size_t e) {
  for (size_t j = k + 1; j < e && j - k <= 8; j++) {
    if (is_qmark(w, j) || punct_char(w, j) == ',') break;
    /* not the "that" of "on that day", "at that time" */
    if (is_word(w, j) && TOK(w, j)->fold == w->qa->h_that &&
        !(j > k + 1 && is_word(w, j - 1) && after_prep_word(w, j - 1))) {
      if (!object_before_that(w, k, j, e)) return j + 1;
      /* "said the closure was a mistake that cost the town its ferry
       * line": a clause with its verb runs from the cue over "that" */
      if (has_finite_verb(w, k + 1, j)) break;
      /* "claimed responsibility for the blasts that killed nine": a
       * verb at once after "that" is a relative clause's, nothing said */
      if (!cap_word(w, j + 1) && clause_verb(w, j + 1, false)) return e;
      return j + 1;
    }
  }
  /* "told investigators she was beaten", "told reporters the bridge would
   * reopen": the one told, then the clause */
  size_t a = addressee_end(w, k, e);
  if (a > k + 1) return a;
  /* "said Monday she is stepping down": the time is the saying's */
  size_t j = k + 1;
  if (j < e && is_word(w, j) && TOK(w, j)->fold == w->qa->h_on) j++;
  size_t t = j;
  while (t < e && t - j < 3 && time_word(w, t) && !(TOK(w, t)->flags & PX__TF_POSSESSIVE) &&
         TOK(w, t)->kind != PX__TOK_NUMBER)
    t++;
  if (t > j && t < e && is_word(w, t)) return t;
  return k + 1;
}

/* Reported speech in sentence si, without quotation marks:
 * "X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE". */
/* A form of be, have or a modal in tokens [a, b): "her biggest concern is
 * global warming" is a clause, no speaker after "says". */
static bool has_finite_verb(const qwork *w, size_t a, size_t b) {
  static const char *const fin[] = {"is", "was", "are", "were", "has", "have", "had", "will", "would"};
  for (size_t k = a; k < b; k++)
    if (is_word(w, k) && word_in(w, k, fin, sizeof fin / sizeof *fin)) return true;
  return false;
}

/* A cue after a modal of what may be, not what was said: "I suppose you
 * could say", "critics might argue", "one can say"; not "will say" (a
 * speech announced) nor "would only say" (what was said). */
static bool hypothetical_cue(const qwork *w, size_t k) {
  static const char *const modal[] = {"could", "might", "may", "can", "should"};
  return k > 0 && is_word(w, k - 1) && !cap_word(w, k - 1) &&
         word_in(w, k - 1, modal, sizeof modal / sizeof *modal);
}

/* After a cue whose subject is before it, words that go on as what was
 * said: "Then, in early March, Abu Mariam said fighters once again beat
 * him." (not "..., Smith said on Tuesday in a statement."): three words
 * or more, the first no preposition, time or mark. */
static bool clause_follows(const qwork *w, size_t a, size_t e);
static bool clause_after_cue(const qwork *w, size_t cue, size_t last) {
  /* not a verb whose object is the one told: "told reporters at a
   * breakfast", "urged Congress to act" */
  if (word_in(w, cue, k_told_cue, sizeof k_told_cue / sizeof *k_told_cue)) return false;
  size_t j = cue + 1 + cue_particle(w, cue);
  if (j >= last || !is_word(w, j) || after_prep_word(w, j) || time_word(w, j) ||
      (w->cls[j] & (CW_CLAUSE | CW_SKIP)))
    return false;
  size_t nw = 0;
  for (size_t k = j; k < last; k++) {
    if (is_qmark(w, k)) return false;
    nw += is_word(w, k);
  }
  /* and a clause, with its verb: not "announced his intent to nominate" */
  return nw >= 3 && clause_follows(w, j, last);
}

/* From the comma at e to the sentence's end, an aside on the speaker
 * named before it: "..., says Eric Mogilnicki, a Democrat, who was chief
 * of staff to the late Sen. Ted Kennedy."  A role or a relative clause,
 * with no verb of saying nor a quote of its own. */
static bool speaker_aside(const qwork *w, size_t e, size_t last) {
  if (e + 1 >= last || punct_char(w, e) != ',' || !is_word(w, e + 1)) return false;
  if (!(w->cls[e + 1] & CW_DET) && TOK(w, e + 1)->fold != w->qa->h_who && !cap_word(w, e + 1))
    return false;
  for (size_t k = e + 1; k < last; k++)
    if (is_qmark(w, k) || (is_word(w, k) && (w->cls[k] & PX__CW_CUE) && cue_at(w, k, false)))
      return false;
  return true;
}

/* The words from j, up to a comma, go on as a clause: "His wife, Ann,
 * said GOP critics had been unfair": the name after the verb heads the
 * subject of what was said ("GOP critics"), it does not say it. */
static bool verb_goes_on(const qwork *w, size_t j, size_t last) {
  if (j >= last || !is_word(w, j)) return false;
  /* "said Moonves aggressively pursued her": a verb in the past, over an
   * adverb, right after the name */
  size_t v = j;
  while (v + 1 < last && ly_adverb(w, v) && !cap_word(w, v)) v++;
  if (is_word(w, v) && !cap_word(w, v) && is_ed(w, v) && !(w->cls[v] & PX__CW_CUE)) return true;
  size_t e = j;
  while (e < last && punct_char(w, e) != ',') e++;
  return has_finite_verb(w, j, e);
}

/* Where a reported clause [cs, ce) hands over to the circumstances of the
 * sentence: "pledged support for Moscow on Wednesday as he met Putin at the
 * cosmodrome" reports the pledge; the meeting is the writer's, not the
 * speaker's.  A subordinate "as", "while" or "whereas" after a comma, or
 * before a pronoun subject, three words into the clause or more.  So is
 * the reaction the remark set off, after a comma: "that Mr. Obama
 * benefited from affirmative action, prompting accusations of racism". */
static size_t circumstance_cut(const qwork *w, size_t cs, size_t ce) {
  static const char *const reaction[] = {"prompting", "sparking", "drawing", "triggering",
                                         "provoking", "igniting", "angering", "infuriating",
                                         "inviting", "earning", "fueling", "fuelling"};
  for (size_t k = cs + 3; k + 1 < ce; k++) {
    if (punct_char(w, k - 1) != ',' || !word_in(w, k, reaction, sizeof reaction / sizeof *reaction))
      continue;
    size_t e = k - 1;
    while (e > cs && !is_word(w, e - 1) && TOK(w, e - 1)->kind != PX__TOK_NUMBER) e--;
    ce = e;
    break;
  }
  static const char *const sub[] = {"as", "while", "whereas"};
  /* "as of", "as well", "as part of": a phrase inside the clause ("the
   * president, as of yesterday afternoon, still hadn't been briefed") */
  static const char *const phrase[] = {"of", "well", "part", "such", "usual", "much", "many",
                                       "long", "soon", "far", "recently", "early", "late"};
  for (size_t k = cs + 3; k + 1 < ce; k++) {
    if (!word_in(w, k, sub, sizeof sub / sizeof *sub)) continue;
    if (is_word(w, k + 1) && word_in(w, k + 1, phrase, sizeof phrase / sizeof *phrase)) continue;
    bool comma = punct_char(w, k - 1) == ',';
    bool subject = is_word(w, k + 1) && (w->cls[k + 1] & PX__CW_PRONOUN) &&
                   TOK(w, k + 1)->fold != w->qa->h_it;
    if (!comma && !subject) continue;
    size_t e = comma ? k - 1 : k;
    while (e > cs && !is_word(w, e - 1) && TOK(w, e - 1)->kind != PX__TOK_NUMBER) e--;
    return e;
  }
  return ce;
}

/* Where the report of a relative clause ends: "Guyger, who said she
 * mistook Jean's apartment for her own, was sentenced to a decade in
 * prison" reports her words up to the comma where the sentence's own verb
 * comes back.  The cue at k after ", who" (an adverb or an auxiliary
 * between), the clause from j, the sentence from f; no finite verb
 * before the "who" (the sentence still wants its verb); the last comma
 * before a finite or past verb.  last when none. */
/* A verb in the present after the comma that closes a relative clause:
 * "Trump, who last year promised voters major tax cuts, wants a bill ..."
 * (a word in lower case ending in "s", not "ss", "us" or "is", then a
 * word that opens its object or clause: not a list's next noun,
 * "floods and droughts", "holes in the walls"). */
static bool s_verb(const qwork *w, size_t v, size_t last) {
  static const char *const opens[] = {"a",   "an",   "the",  "that",  "to",    "he",    "she",
                                      "it",  "they", "him",  "her",   "them",  "his",   "their",
                                      "its", "some", "this", "these", "those", "no",    "not"};
  if (!is_word(w, v) || cap_word(w, v) || v + 1 >= last || !is_word(w, v + 1) ||
      !word_in(w, v + 1, opens, sizeof opens / sizeof *opens))
    return false;
  const px__token *t = TOK(w, v);
  size_t n = t->end - t->start;
  const char *p = w->p + t->start;
  return n >= 4 && p[n - 1] == 's' && p[n - 2] != 's' && p[n - 2] != 'u' && p[n - 2] != 'i' &&
         !(TOK(w, v)->flags & PX__TF_STOP);
}

static size_t relative_report_end(const qwork *w, size_t f, size_t k, size_t j, size_t last) {
  size_t r = k;
  while (r > f && k - r < 3) {
    r--;
    if (!is_word(w, r)) return last;
    if (TOK(w, r)->fold == w->qa->h_who) break;
  }
  if (r <= f + 1 || TOK(w, r)->fold != w->qa->h_who || punct_char(w, r - 1) != ',' ||
      has_finite_verb(w, f, r))
    return last;
  size_t cut = last;
  for (size_t m = j + 3; m + 1 < last; m++) {
    if (punct_char(w, m) != ',') continue;
    size_t v = m + 1;
    while (v + 1 < last && ly_adverb(w, v) && !cap_word(w, v)) v++;
    if (!is_word(w, v) || cap_word(w, v)) continue;
    if (has_finite_verb(w, v, v + 1) || (is_ed(w, v) && !(w->cls[v] & PX__CW_CUE)) || s_verb(w, v, last))
      cut = m;
  }
  return cut;
}

/* Speech the sentence says did not happen, subject at a and verb at k:
 * "No senator has said that ...", "Smith did not say ...", "never said". */
static bool denied(const qwork *w, size_t a, size_t k) {
  static const char *const none[] = {"no", "neither", "none", "nobody", "nor"};
  static const char *const neg[] = {"not", "never", "didn't", "doesn't", "hasn't", "haven't",
                                    "hadn't", "won't", "wouldn't", "isn't", "wasn't", "don't"};
  if (a < k && is_word(w, a) && word_in(w, a, none, sizeof none / sizeof *none)) return true;
  if (a > 0 && is_word(w, a - 1) && word_in(w, a - 1, none, sizeof none / sizeof *none)) return true;
  for (size_t j = a; j < k; j++)
    if (is_word(w, j) && word_in(w, j, neg, sizeof neg / sizeof *neg)) return true;
  return false;
}

/* A "that" after the cue at k and before hi: "..., Hoyer, D-Md., told
 * reporters last week that lawmakers could return": the clause after the
 * cue is what was said, so the words before are no trailing quote. */
static bool that_after(const qwork *w, size_t k, size_t hi) {
  for (size_t j = k + 1; j < hi && j <= k + 8; j++)
    if (is_word(w, j) && TOK(w, j)->fold == w->qa->h_that) return true;
  return false;
}

/* Tokens [a, b) before ", asked the panel ..." are a person and a role
 * set apart, the subject of the verb after them, not words reported:
 * "But Rep. Elijah Cummings, ranking Democrat on the committee, asked the
 * panel ...".  A name right after the opening (over "But", "And" and
 * titles) with a comma after it. */
static bool subject_apposition(const qwork *w, size_t a, size_t b) {
  size_t k = a;
  if (k < b && is_word(w, k) && (TOK(w, k)->fold == w->qa->h_but || TOK(w, k)->fold == w->qa->h_and))
    k++;
  while (k < b && k < a + 4 && mention_at(w, k) < 0 && role_word(w, k)) k++;
  while (k < b && punct_char(w, k) == '.' && k > a) k++;
  int32_t m = k < b ? mention_at(w, k) : -1;
  if (m < 0 || w->ents->ent[w->ents->men[m].entity].type != PX_ENT_PERSON) return false;
  size_t e = w->ents->men[m].tok_first + w->ents->men[m].tok_count;
  return e < b && punct_char(w, e) == ',';
}

/* Tokens [a, b) are a short phrase of time or place that opens a
 * sentence ("On Sunday night, Trump published a tweet suggesting ..."),
 * not a clause someone said. */
static bool opening_phrase(const qwork *w, size_t a, size_t b) {
  static const char *const prep[] = {"on", "in", "at", "during", "after", "before", "by", "since",
                                     "until", "over", "for", "with", "from", "earlier", "later"};
  if (a >= b || !is_word(w, a) || !word_in(w, a, prep, sizeof prep / sizeof *prep)) return false;
  size_t nw = 0;
  for (size_t k = a; k < b; k++) nw += is_word(w, k);
  return nw <= 5 && !has_finite_verb(w, a, b);
}

/* Cues that are also verbs of things done to an object: "added 200,000
 * jobs", "maintained its lead".  With no "that" after them they report
 * speech only before a clause ("the report, which recounted the
 * president's outrage over ..." tells a thing).  ("Recalled her days as
 * secretary of state" is a memory told, more often in news than a recall
 * of cars.) */
static const char *const k_object_cue[] = {"add",      "adds",     "added",    "adding",   "maintained",
                                           "maintains", "maintain", "recounted", "recounts", "recount",
                                           "relayed",  "relays",   "write",    "writes",   "wrote",
                                           "promise",  "promises", "promised"};

/* Tokens from a, right after a cue with no "that", open a clause, not
 * the cue's object: a subject pronoun first ("said he would run"), or a
 * finite verb among the first twelve words before a comma or a
 * subordinate word ("added the bill would pass", "said the army attacked
 * the town").  "Employers added 200,000 jobs last month", "the company
 * announced a plan to cut 300 jobs" and "added the most workers in 10
 * months as wage gains accelerated" report no one's words. */
/* A finite verb at k: a form of be, have or do, a modal, or (unless
 * first, where "the expanded plan" would pass) a past tense. */
static bool clause_verb(const qwork *w, size_t k, bool first) {
  static const char *const aux[] = {
      "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "should",
      "can", "may", "might", "must", "did", "does", "do", "isn't", "wasn't", "aren't", "weren't",
      "hasn't", "haven't", "hadn't", "won't", "wouldn't", "couldn't", "shouldn't", "can't",
      "didn't", "doesn't", "don't", "am", "be", "been"};
  static const char *const past[] = {
      "took", "made", "went", "knew", "saw", "came", "gave", "got", "found", "thought", "told",
      "left", "lost", "won", "sent", "met", "held", "began", "ran", "paid", "kept", "brought",
      "bought", "fell", "felt", "led", "meant", "became", "wrote", "spoke", "chose", "drove",
      "rose", "fought", "sought", "stood", "broke", "grew", "threw", "forgot", "hid", "caught",
      "taught", "sold", "spent", "built", "heard", "understood", "said", "shot", "struck", "beat"};
  if (word_in(w, k, aux, sizeof aux / sizeof *aux)) return true;
  const px__token *t = TOK(w, k);
  /* a negative contraction with a curly apostrophe ("hadn’t") */
  size_t len = t->end - t->start;
  if (len >= 6 && !memcmp(w->p + t->end - 5, "n\xe2\x80\x99t", 5)) return true;
  if (first) return false;
  /* a verb in the past after the clause's first word ("the army
   * attacked"; "the expanded plan" passes too) */
  return (len > 4 && !strncasecmp(w->p + t->end - 2, "ed", 2)) ||
         word_in(w, k, past, sizeof past / sizeof *past);
}

static bool clause_follows(const qwork *w, size_t a, size_t e) {
  static const char *const stop[] = {"as", "while", "after", "before", "when", "because", "since",
                                     "although", "though", "if", "until", "amid", "despite",
                                     "whereas", "unless", "than"};
  size_t words = 0;
  for (size_t k = a; k < e && words < 12; k++) {
    char pc = punct_char(w, k);
    if (pc == ',' || pc == ';' || pc == ':' || pc == '(' || is_dash(w, k)) return false;
    if (!is_word(w, k)) continue;
    if (k == a && (w->cls[k] & PX__CW_PRONOUN)) return true;
    if (k > a && word_in(w, k, stop, sizeof stop / sizeof *stop)) return false;
    if (clause_verb(w, k, k == a)) return true;
    words++;
  }
  return false;
}

/* After a cue's object from j, "and" or "but" and a second verb of
 * saying of the same subject, with no verb of a clause before it ("denied
 * the allegation and said ...", "acknowledged the tension but said
 * ..."): that cue's token, or 0. */
static size_t second_cue(const qwork *w, size_t j, size_t last) {
  for (size_t t = j, n = 0; t + 2 < last && n < 8; t++) {
    if (is_qmark(w, t)) return 0;
    if (!is_word(w, t)) continue;
    n++;
    if ((TOK(w, t)->fold == w->qa->h_and || TOK(w, t)->fold == w->qa->h_but) && t > j &&
        is_word(w, t + 1) && (w->cls[t + 1] & PX__CW_CUE) && cue_at(w, t + 1, false) == 1)
      return t + 1;
    if (clause_verb(w, t, t == j) || (w->cls[t] & CW_CLAUSE)) return 0;
  }
  return 0;
}

static bool title_case(const qwork *w, size_t a, size_t e);
static bool indirect_in(const qwork *w, size_t si, cand *c) {
  size_t f = sent_first_tok(w, si), e = sent_end_tok(w, si);
  if (e - f < 5 || e - f > 120) return false;
  for (size_t k = f; k < e; k++)
    if ((is_qmark(w, k) || w->inq[k]) && !(w->ttl && w->ttl[k])) return false;
  size_t last = e;
  while (last > f && !is_word(w, last - 1) && TOK(w, last - 1)->kind != PX__TOK_NUMBER) last--;
  if (last <= f) return false;
  /* a headline set in the body reports nothing of its own: "Comey Says
   * He Is Mildly Nauseous About Potential Impact On Election" */
  if (title_case(w, f, last)) {
    /* set as a headline: a small word or the verb of saying capitalized
     * inside it ("He Is", "Says"), not a sentence of names ("According
     * to the Census Bureau, in 2000, Shaw was 90% African-American.") */
    for (size_t k = f + 1; k < last; k++)
      if (is_word(w, k) && cap_word(w, k) && ((TOK(w, k)->flags & PX__TF_STOP) || (w->cls[k] & PX__CW_CUE)))
        return false;
  }
  attr at;
  size_t cs = 0, ce = 0;
  memset(c, 0, sizeof *c);
  /* according to X, ... / ..., according to X. */
  for (size_t k = f; k + 1 < last; k++) {
    if (!is_word(w, k) || TOK(w, k)->fold != w->qa->h_according || TOK(w, k + 1)->fold != w->qa->h_to)
      continue;
    spk s = {0};
    if (!speaker_after(w, k + 1, last, &s)) return false;
    if (k == f || (k == f + 1 && !is_word(w, f))) {
      size_t j = k + 2;
      while (j < last && punct_char(w, j) != ',') j++;
      if (j + 3 >= last) return false;
      cs = j + 1;
      ce = last;
    } else if (k > f + 3 && punct_char(w, k - 1) == ',') {
      cs = f;
      ce = k - 1;
      /* "DOOCY: Well, according to The New York Times, it was in ...":
       * under four words before and a clause after the source's comma,
       * the clause is what the source says */
      size_t nw = 0;
      for (size_t j = f; j < k; j++) nw += is_word(w, j);
      size_t j = tok_from(w, s.end);
      if (nw < 4 && j < last && punct_char(w, j) == ',' && j + 4 < last) {
        cs = j + 1;
        ce = last;
      } else if (nw < 4) {
        return false;
      }
    } else {
      return false;
    }
    at.ok = true;
    at.s = s;
    at.cue_s = TOK(w, k)->start;
    at.cue_e = TOK(w, k + 1)->end;
    goto found;
  }
  /* ..., X said.  Over an aside on the speaker that ends the sentence:
   * "..., says Eric Mogilnicki, a Democrat, who was chief of staff". */
  for (size_t k = last, reach = 14; k > f + 3 && last - k < reach;) {
    k--;
    if (punct_char(w, k) != ',') continue;
    /* not "..., said Smith's statement did not ...": a possessive heads
     * another phrase, the clause goes on */
    /* nor "The mayor, a nurse, said she ran home.": a pronoun after the
     * verb with words after it is the subject of what was said */
    if (trailing_attr(w, k, e, true, &at) &&
        (at.end_tok >= last || (at.s.start > at.cue_s && speaker_aside(w, at.end_tok, last))) &&
        (w->cls[at.cue_tok] & PX__CW_CUE) &&
        !(TOK(w, tok_from(w, at.s.end) - 1)->flags & PX__TF_POSSESSIVE) &&
        !(at.s.pron && at.s.start > at.cue_s && tok_from(w, at.s.end) < last &&
          is_word(w, tok_from(w, at.s.end))) &&
        !(at.s.start > at.cue_s && verb_goes_on(w, tok_from(w, at.s.end), last)) &&
        !(at.s.start > at.cue_s && has_finite_verb(w, tok_from(w, at.s.start), tok_from(w, at.s.end))) &&
        !opening_phrase(w, f, k) && !that_after(w, at.cue_tok, last) &&
        !(at.s.start > at.cue_s && subject_apposition(w, f, k)) &&
        !(at.s.start < at.cue_s && clause_after_cue(w, at.cue_tok, last))) {
      cs = f;
      ce = k;
      goto found;
    }
    if (speaker_aside(w, k, last)) {
      reach = 40;
      continue;
    }
    break;
  }
  /* X said (that) ... ; further than 16 words only after a comma that
   * closes the subject's aside, with no name right after the verb ("Sandy
   * Phillips, who lost her daughter ... in July 2012, said that ...") */
  for (size_t k = f + 1; k < last && k - f < 30; k++) {
    if (is_sent_end_punct(w, k)) return false;
    if (!is_word(w, k) || !(w->cls[k] & PX__CW_CUE) || cue_at(w, k, false) != 1) continue;
    if (k - f >= 16 && (punct_char(w, k - 1) != ',' ||
                        (k + 1 < last && cap_word(w, k + 1) && !clause_follows(w, k + 1, last))))
      continue;
    if (hypothetical_cue(w, k)) continue; /* "you could say 2012 might be ..." */
    spk s = {0};
    if (!subject_before(w, f, k, &s)) continue;
    if (denied(w, tok_from(w, s.start), k)) return false;
    size_t sf = tok_from(w, s.start);
    /* "Among those who say they do not lean toward either party, the share
     * of undecided voters is declining": a group defined by what it says,
     * no one saying it ("Mofaz was among those who said ..." is Mofaz's) */
    static const char *const anyone[] = {"those", "anyone", "everyone", "anybody", "everybody", "whoever"};
    if (sf > f && TOK(w, sf)->fold == w->qa->h_who && is_word(w, sf - 1) &&
        word_in(w, sf - 1, anyone, sizeof anyone / sizeof *anyone) &&
        !(sf >= f + 3 && is_word(w, sf - 2) && word_in(w, sf - 2, (const char *const[]){"among"}, 1) &&
          has_finite_verb(w, sf - 3, sf - 2)))
      continue;
    /* "What Trump said he supports on gun control", "not what she said
     * she wanted": a free relative, whose clause lacks its object, tells
     * no words ("What he said: I will not ..." opens them) */
    while (sf > f && is_word(w, sf - 1) && (w->cls[sf - 1] & (CW_DET | PX__CW_TITLE))) sf--;
    bool free_rel = sf > f && is_word(w, sf - 1) && TOK(w, sf - 1)->fold == w->qa->h_what &&
                    !(k + 1 < last && punct_char(w, k + 1) == ':');
    /* not a cleft: "What Manchin did was suggest that ..." reports */
    free_rel = free_rel && !has_finite_verb(w, sf, k);
    for (size_t t = sf; free_rel && t < k; t++) free_rel = is_word(w, t);
    if (free_rel) continue;
    size_t j = clause_after(w, k, last);
    /* "Fairfax denied the allegation and said the encounter was
     * consensual": the first cue's object, then the words of a second */
    size_t k2 = second_cue(w, j, last);
    if (k2) {
      k = k2;
      j = clause_after(w, k, last);
    }
    if (last - j < 4) return false;
    /* "as he told investigators, when he and Brown struggled for his
     * gun": a verb of telling with no clause after the one told says
     * nothing after it (its words are the one told and the writer's) */
    size_t tc = j == k + 1 && word_in(w, k, k_telling, sizeof k_telling / sizeof *k_telling)
                    ? told_then_comma(w, k, last)
                    : 0;
    if (tc) {
      /* "told NPR's Robert Siegel, that ...", "told ABC, however, that
       * ...": what was said is after the "that" */
      size_t th = 0;
      bool list = false; /* "told an audience of business, community and labor leaders that" */
      for (size_t t = tc + 1; t < last && t <= tc + 20 && !th; t++) {
        if (is_word(w, t) && TOK(w, t)->fold == w->qa->h_that && (punct_char(w, t - 1) == ',' || list))
          th = t;
        else if (is_word(w, t) && t <= tc + 4 && (TOK(w, t)->fold == w->qa->h_and || TOK(w, t)->fold == w->qa->h_or))
          list = true;
        else if (is_word(w, t) && list && clause_verb(w, t, false))
          list = false;
      }
      static const char *const as_w[] = {"as"};
      size_t sa = tok_from(w, s.start);
      if (th) j = th + 1;
      /* "Was Wilson in fear for his life, as he told investigators, when
       * he and Brown struggled for his gun?": an aside after the clause
       * it refers to; the words after it are the writer's */
      else if (sa >= f + 2 && word_in(w, sa - 1, as_w, 1) && punct_char(w, sa - 2) == ',') continue;
      /* "Even if Obamacare works as planned, Gruber told CNN, about 40%
       * ... would remain ...", "To hear Romney tell it, the president
       * ...": what was said goes on after the one told */
      else if (tc + 1 < last && is_word(w, tc + 1) && !(w->cls[tc + 1] & CW_CLAUSE) &&
               TOK(w, tc + 1)->fold != w->qa->h_and && TOK(w, tc + 1)->fold != w->qa->h_but &&
               TOK(w, tc + 1)->fold != w->qa->h_or && clause_follows(w, tc + 1, last))
        j = tc + 1;
      /* "told Renee Montagne, co-host of NPR's Morning Edition.", "told
       * the story, pointing out ...": the one told and an aside, no
       * clause */
      else continue;
    }
    /* "to tell the story of Charlie Morgan", "tells her own story",
     * "exit polls tell the story": a story told is the topic, not words
     * reported */
    if (word_in(w, k, k_telling, sizeof k_telling / sizeof *k_telling)) {
      static const char *const tale[] = {"story", "stories", "tale", "tales"};
      static const char *const own[] = {"own", "whole", "full", "real", "same"};
      size_t t = k + 1;
      while (t < last && t < k + 4 && is_word(w, t) &&
             ((w->cls[t] & (CW_DET | PX__CW_PRONOUN)) || word_in(w, t, own, sizeof own / sizeof *own)))
        t++;
      if (t > k + 1 && t < last && is_word(w, t) && word_in(w, t, tale, sizeof tale / sizeof *tale)) continue;
    }
    /* a noun or preposition right after the verb: "said in", "told reporters" */
    if (j == k + 1 && is_word(w, j) && (TOK(w, j)->flags & PX__TF_STOP) &&
        !(w->cls[j] & (PX__CW_PRONOUN | CW_DET)))
      return false;
    /* no "that" after a cue that is also a verb of things done: the
     * words after it must open a clause, not be its object ("added
     * 200,000 jobs") */
    if (j == k + 1 && punct_char(w, j) == ':') j++; /* "He added: the plan is dead." */
    else if (j == k + 1 && word_in(w, k, k_object_cue, sizeof k_object_cue / sizeof *k_object_cue) &&
             !clause_follows(w, j, last))
      continue;
    at.ok = true;
    at.s = s;
    at.cue_s = TOK(w, k)->start;
    at.cue_e = TOK(w, k)->end;
    cs = j;
    ce = relative_report_end(w, f, k, j, last);
    goto found;
  }
  return false;
found:
  /* ", Moonves aggressively pursued her": no mark opens the clause */
  while (cs < ce && (punct_char(w, cs) == ',' || punct_char(w, cs) == ';' || punct_char(w, cs) == ':'))
    cs++;
  /* "insisted -- over and over -- he was being honest": an aside between
   * dashes before the clause is the writer's */
  if (cs < ce && is_dash(w, cs) && TOK(w, cs)->end - TOK(w, cs)->start >= 2)
    for (size_t d = cs + 1; d < ce && d <= cs + 8; d++)
      if (is_dash(w, d) && TOK(w, d)->end - TOK(w, d)->start == TOK(w, cs)->end - TOK(w, cs)->start) {
        cs = d + 1;
        if (cs < ce && is_word(w, cs) && TOK(w, cs)->fold == w->qa->h_that) cs++;
        break;
      }
  ce = circumstance_cut(w, cs, ce);
  size_t nw = 0; /* what is left is a clause, not "last year" */
  for (size_t k = cs; k < ce; k++) nw += is_word(w, k);
  if (nw < 3) return false;
  c->q.start = TOK(w, cs)->start;
  c->q.end = TOK(w, ce - 1)->end;
  c->q.kind = 3;
  c->q.entity = -1;
  c->q.cue_start = at.cue_s;
  c->q.cue_end = at.cue_e;
  c->sp[0] = (px__qrange){c->q.start, c->q.end};
  c->nsp = 1;
  c->cstart = c->q.start;
  c->cend = c->q.end;
  c->open_tok = cs;
  c->close_tok = ce;
  c->para = w->tx->sent[si].para;
  c->s = at.s;
  return true;
}

/* "Media caption Rescue diver in Thai cave: "I was very scared"": a video
 * caption's label before the colon says who speaks, not the "Media" of
 * the player's words (a page's furniture the entity layer took for a
 * name). */
static void caption_label(const qwork *w, cand *c) {
  if (c->s.men < 0) return;
  const px__mention *mm = &w->ents->men[c->s.men];
  size_t k = mm->tok_first;
  if (mm->tok_count != 1 || k + 2 >= w->tx->ntok || !is_word(w, k + 1)) return;
  const char *p = w->p + mm->start;
  if (mm->end - mm->start != 5 || (memcmp(p, "Media", 5) != 0 && memcmp(p, "Image", 5) != 0)) return;
  /* "Media caption ...", or the player's notice before it: "Media
   * playback is unsupported on your device Media caption ..." */
  size_t cap = k + 1;
  while (cap < c->open_tok && cap < k + 10 &&
         !(is_word(w, cap) && TOK(w, cap)->end - TOK(w, cap)->start == 7 &&
           memcmp(w->p + TOK(w, cap)->start, "caption", 7) == 0))
    cap++;
  if (cap >= c->open_tok || cap >= k + 10) return;
  size_t a = cap + 1, e = a;
  while (e < w->tx->ntok && e < a + 10 && punct_char(w, e) != ':' && !is_qmark(w, e) &&
         !is_sent_end_punct(w, e))
    e++;
  if (e >= w->tx->ntok || e == a || punct_char(w, e) != ':' ||
      (e + 1 != c->open_tok && e + 2 != c->open_tok)) {
    memset(&c->s, 0, sizeof c->s); /* the player's "Media" is nobody */
    c->s.men = -1;
    return;
  }
  /* the last name in the label ("Brexit secretary Stephen Barclay"), else
   * the label itself ("Rescue diver in Thai cave") */
  for (size_t j = e; j-- > a;) {
    int32_t m = mention_at(w, j);
    if (m >= 0 && w->ents->ent[w->ents->men[m].entity].type == PX_ENT_PERSON) {
      spk_from_mention(w, m, &c->s);
      return;
    }
  }
  spk_span(w, a, e, &c->s);
}

/* "State media quoted Kim Jong Un as saying that ...", ""...," Interfax
 * quoted Dmitry Peskov as saying": whoever is quoted as saying is the
 * speaker, not the outlet that quotes them.  cue_tok is the attribution's
 * cue ("saying" or "quoted"); the phrase between "quoted" (or "cited",
 * "reported") and "as saying" becomes the speaker. */
static bool quoted_as_saying(const qwork *w, size_t cue_tok, const cand *c, spk *s) {
  const px__quote *qt = &c->q;
  static const char *const quoting[] = {"quoted", "quotes", "quoting", "cited", "cites", "citing",
                                        "reported", "reports"};
  static const char *const saying[] = {"saying", "telling", "having", "stating"};
  static const char *const as_w[] = {"as"};
  size_t nt = w->tx->ntok, q = SIZE_MAX, as = SIZE_MAX;
  if (word_in(w, cue_tok, saying, sizeof saying / sizeof *saying) && cue_tok >= 3 &&
      word_in(w, cue_tok - 1, as_w, 1)) {
    as = cue_tok - 1;
    for (size_t k = as; k > 0 && as - k < 10;) { /* back to "quoted" */
      k--;
      if (!is_word(w, k) && punct_char(w, k) != '-' && punct_char(w, k) != '.') break;
      if (word_in(w, k, quoting, sizeof quoting / sizeof *quoting)) {
        q = k;
        break;
      }
    }
  } else if (word_in(w, cue_tok, quoting, sizeof quoting / sizeof *quoting)) {
    q = cue_tok;
    for (size_t k = q + 1; k < nt && k - q < 10; k++) { /* on to "as saying" */
      if (!is_word(w, k) && punct_char(w, k) != '-' && punct_char(w, k) != '.') break;
      if (k + 1 < nt && word_in(w, k, as_w, 1) &&
          word_in(w, k + 1, saying, sizeof saying / sizeof *saying)) {
        as = k;
        break;
      }
    }
  }
  if (q == SIZE_MAX || as == SIZE_MAX || as <= q + 1) return false;
  /* "She was quoted then as saying": the passive's subject already is */
  static const char *const be[] = {"was", "were", "is", "are", "been", "be"};
  if (q > 0 && word_in(w, q - 1, be, sizeof be / sizeof *be)) return false;
  /* the words quoted are those before "quoted" or after "as saying", not
   * a remark elsewhere in the sentence */
  uint32_t from = c->cstart < qt->start ? c->cstart : qt->start; /* a partial quote's clause */
  if (!(qt->end <= TOK(w, q)->start ||
        (from >= TOK(w, as + 1)->end && tok_from(w, from) <= as + 5 &&
         tok_from(w, qt->start) <= as + 15)))
    return false;
  int32_t m = mention_at(w, as - 1);
  if (m >= 0 && w->ents->men[m].tok_first > q && w->ents->ent[w->ents->men[m].entity].type != PX_ENT_PLACE) {
    spk_from_mention(w, m, s);
    return true;
  }
  /* a phrase with no name: "quoted a senior official as saying" */
  size_t a = q + 1;
  if (!is_word(w, a) || w->inq[a] || as - a > 6) return false;
  if ((TOK(w, a)->flags & PX__TF_STOP) && !(w->cls[a] & CW_DET)) return false;
  spk_span(w, a, as, s);
  return true;
}

/* ------------------------------------------------- pronoun resolution */

/* Flags of an entity for the resolution of pronouns. */
enum {
  EF_SPOKE = 1, /* a name of unknown kind that was a speaker */
  EF_VOTED = 2, /* its gender comes only from pronouns near its mentions */
  EF_HUMAN = 4  /* a he or she of an attribution stood for it */
};

/* 1 male, 2 female for a he/him/his/himself or she/her/hers/herself. */
static uint8_t pronoun_gender(const qwork *w, size_t k) {
  const px__quotean *qa = w->qa;
  uint64_t h = TOK(w, k)->fold;
  if (h == qa->h_he || h == qa->h_him || h == qa->h_his || h == qa->h_himself) return 1;
  if (h == qa->h_she || h == qa->h_her || h == qa->h_hers || h == qa->h_herself) return 2;
  return 0;
}

/* The gender of each person entity, in order of trust: a title before a
 * mention (Mr., Mrs., Ms.); the given name of a name with two words or
 * more (names.c); the he/she/himself/herself of the sentences that name
 * that person and no other, outside quotation marks, when they all agree. */
static void entity_genders(const qwork *w, uint8_t *eg, uint8_t *ef) {
  const px__entities *ents = w->ents;
  const px__text *tx = w->tx;
  const px__quotean *qa = w->qa;
  memset(eg, 0, ents->nent + 1);
  for (size_t m = 0; m < ents->nmen; m++) {
    size_t k = ents->men[m].tok_first;
    if (k == 0) continue;
    size_t b = k - 1;
    if (b > 0 && punct_char(w, b) == '.') b--;
    uint64_t h = tx->tok[b].fold;
    if (h == qa->h_mr) eg[ents->men[m].entity] = 1;
    else if (h == qa->h_mrs || h == qa->h_ms) eg[ents->men[m].entity] = 2;
  }
  for (size_t e = 0; e < ents->nent; e++) {
    const px__entity *en = &ents->ent[e];
    if (eg[e] || en->type != PX_ENT_PERSON) continue;
    /* the longest mention carries the given name */
    const px__mention *best = NULL;
    for (size_t k = 0; k < en->count; k++) {
      const px__mention *mm = &ents->men[en->first + k];
      if (!best || mm->tok_count > best->tok_count) best = mm;
    }
    if (!best || best->tok_count < 2) continue;
    const px__token *t = &tx->tok[best->tok_first];
    eg[e] = (uint8_t)px__given_name_gender(w->p + t->start, t->end - t->start);
  }
  /* pronoun votes, sentence by sentence */
  uint16_t *votes = px__arena_alloc(w->arena, 2 * (ents->nent + 1) * sizeof *votes);
  if (!votes) return; /* the evidence above stands */
  memset(votes, 0, 2 * (ents->nent + 1) * sizeof *votes);
  for (size_t si = 0; si < tx->nsent; si++) {
    size_t a = sent_first_tok(w, si), z = sent_end_tok(w, si);
    int32_t who = -1;
    bool several = false;
    unsigned nm = 0, nf = 0;
    for (size_t k = a; k < z; k++) {
      if (w->inq[k] || !is_word(w, k)) continue;
      int32_t m = w->men ? w->men[k] : -1;
      if (m >= 0) {
        uint32_t en = ents->men[m].entity;
        if (ents->ent[en].type != PX_ENT_PERSON) continue;
        if (who >= 0 && (uint32_t)who != en) several = true;
        who = (int32_t)en;
        continue;
      }
      if (who < 0) continue; /* a pronoun before any name points back */
      /* subject and reflexive forms only: "thanked him", "her record"
       * usually point at someone else */
      uint64_t h = tx->tok[k].fold;
      if (h != qa->h_he && h != qa->h_she && h != qa->h_himself && h != qa->h_herself) continue;
      uint8_t g = pronoun_gender(w, k);
      nm += g == 1;
      nf += g == 2;
    }
    if (who < 0 || several || (nm && nf)) continue;
    if (nm && votes[2 * who] < UINT16_MAX) votes[2 * who]++;
    if (nf && votes[2 * who + 1] < UINT16_MAX) votes[2 * who + 1]++;
  }
  for (size_t e = 0; e < ents->nent; e++) {
    if (eg[e]) continue;
    unsigned vm = votes[2 * e], vf = votes[2 * e + 1];
    if (vm && !vf) eg[e] = 1;
    else if (vf && !vm) eg[e] = 2;
    if (eg[e]) ef[e] |= EF_VOTED;
  }
}

/* Another person entity whose name ends with the word at token k (a
 * family name) and whose gender is g or unknown; -1 when none or several. */
static int32_t same_surname(const qwork *w, const uint8_t *egender, int32_t en, size_t k, uint8_t g) {
  const px__entities *ents = w->ents;
  const px__token *t = TOK(w, k);
  size_t L = t->end - t->start;
  int32_t found = -1;
  for (size_t e = 0; e < ents->nent; e++) {
    const px__entity *x = &ents->ent[e];
    if ((int32_t)e == en || x->type != PX_ENT_PERSON || (egender[e] && egender[e] != g)) continue;
    if (x->name_len <= L + 1 || x->name[x->name_len - L - 1] != ' ' ||
        strncasecmp(x->name + x->name_len - L, w->p + t->start, L))
      continue;
    if (found >= 0) return -1;
    found = (int32_t)e;
  }
  return found;
}

/* Sentence si opens with a passive participle of asking ("Asked about
 * Clinton's plan, she said ...", "When pressed on ..."): its subject is
 * the one asked, named after the clause. */
static bool opens_asked(const qwork *w, size_t si) {
  static const char *const lead[] = {"when", "after", "if", "once"};
  static const char *const asked[] = {"asked", "pressed", "questioned", "challenged", "quizzed"};
  size_t k = sent_first_tok(w, si), z = sent_end_tok(w, si);
  while (k < z && !is_word(w, k)) k++;
  if (k < z && word_in(w, k, lead, sizeof lead / sizeof *lead)) k++;
  return k < z && is_word(w, k) && word_in(w, k, asked, sizeof asked / sizeof *asked);
}

/* he/she: each person named before the pronoun, back to two paragraphs
 * before the previous attribution's, scores by where its latest mention
 * stands: the subject of its clause (at the start of its sentence or
 * right before a verb of saying), near the pronoun, not inside a quote,
 * not after a preposition nor a possessive; the speaker of the previous
 * attribution scores for continuing the thread.  People of the other
 * gender are skipped when the text gave theirs. */
static const char *const k_whom[] = {"whom"};

static int32_t resolve_person(const qwork *w, const uint8_t *egender, const uint8_t *spoke,
                              const cand *c, uint8_t g, int32_t last_person, uint32_t last_para,
                              size_t last_attr_tok) {
  const px__entities *ents = w->ents;
  const px__text *tx = w->tx;
  size_t nt = tx->ntok;
  size_t t = tok_from(w, c->s.start);
  size_t st = t < nt ? sent_of(w, t) : (tx->nsent ? tx->nsent - 1 : 0);
  uint32_t para = c->para;
  int32_t best = -1;
  int best_score = INT32_MIN;
  bool seen_last = false;
  unsigned rank = 0; /* persons seen so far, nearest first */
  /* entities already scored: their nearest mention counts */
  int32_t done[16];
  size_t ndone = 0;
  for (size_t k = t; k-- > 0 && t - k < 800;) {
    int32_t m = w->men ? w->men[k] : -1;
    if (m < 0 || ents->men[m].tok_first != k) continue;
    /* a related headline in capitals ("TRUMP DERIDES 'MUMBLING' PELOSI")
     * names no one the story's pronouns stand for */
    if (headline_sent(w, sent_of(w, k))) continue;
    uint32_t en = ents->men[m].entity;
    /* "Clinton said" under Bill Clinton while the pronoun is "she": a
     * bare family name that two people share goes to the one whose
     * gender fits */
    if (ents->men[m].tok_count == 1 && egender[en] && egender[en] != g) {
      int32_t alt = same_surname(w, egender, (int32_t)en, k, g);
      if (alt >= 0) en = (uint32_t)alt;
    }
    /* a name that a title gave a gender is a person, whatever kind the
     * entity layer gave it ("Mr. McKinley" is no mountain) */
    if (ents->ent[en].type != PX_ENT_PERSON &&
        !(ents->ent[en].type != PX_ENT_ORG && (egender[en] || (spoke[en] & EF_SPOKE)))) {
      /* "Meanwhile Rihanna, who was honored ..., spoke about ...": a name
       * of unknown kind opening its sentence, with a relative clause or
       * a verb of saying after it, is a person too */
      size_t af = k + ents->men[m].tok_count;
      size_t f0 = sent_first_tok(w, sent_of(w, k));
      bool opens = ents->ent[en].type == PX_ENT_OTHER && !w->inq[k] && k <= f0 + 1 && af + 1 < nt &&
                   ((punct_char(w, af) == ',' && is_word(w, af + 1) && TOK(w, af + 1)->fold == w->qa->h_who) ||
                    (is_word(w, af) && (w->cls[af] & PX__CW_CUE)));
      if (!opens) continue;
    }
    /* "Mr. Biden, whom he has called "Sleepy Joe."": the one "whom"
     * stands for is the object, not the pronoun after it */
    size_t ke = k + ents->men[m].tok_count;
    if (t >= 2 && ke + 2 >= t && ke < t && is_word(w, t - 1) && word_in(w, t - 1, k_whom, 1) &&
        (ke == t - 1 || (ke + 1 == t - 1 && punct_char(w, ke) == ',')))
      continue;
    size_t ks = sent_of(w, k);
    uint32_t kp = tx->sent[ks].para;
    /* "Trump "will not be acquitted," she said.": a name right before the
     * opening mark is the subject of the quoted words, not who speaks */
    if (ks == st && k + ents->men[m].tok_count == c->open_tok && c->open_tok < t) continue;
    /* "drawing a harsh response from Rubio ("This is the lie ...," he
     * said)": a quotation in brackets right after a name is that
     * person's reply */
    if (ks == st && k + ents->men[m].tok_count + 1 == c->open_tok && c->open_tok < t &&
        punct_char(w, c->open_tok - 1) == '(' && (!egender[en] || egender[en] == g) && !w->inq[k])
      return (int32_t)en;
    /* "He even defended Kim over ... Otto Warmbier. "...," he said.": a
     * sentence whose subject is he or she again goes on about that
     * person; the names after it are what the person did things to */
    if (ks != st && (g == 1 || g == 2)) {
      size_t f0 = sent_first_tok(w, ks);
      if (f0 < k && is_word(w, f0) && !w->inq[f0] && TOK(w, f0)->fold != w->qa->h_his &&
          TOK(w, f0)->fold != w->qa->h_her && pronoun_gender(w, f0) == g) {
        /* the object of its verb ("He even defended Kang", "He tore into
         * GOP rival Rick Perry") is someone else, here and before */
        bool object = k - f0 <= 7;
        for (size_t q = f0 + 1; q < k && object; q++)
          object = is_word(w, q) && !w->inq[q] && (!cap_word(w, q) || role_word(w, q));
        if (object && ndone < 16) done[ndone++] = (int32_t)en;
        continue;
      }
    }
    /* "Asked about her vote if Clinton faces Trump, she replied": a name
     * in the opening clause of asking is what the pronoun was asked about */
    if (ks == st && t < nt && !w->inq[k] && opens_asked(w, ks)) {
      bool comma = false;
      for (size_t q = k + 1; q < t && !comma; q++) comma = punct_char(w, q) == ',';
      if (comma) continue;
    }
    /* two paragraphs back, and the thread's speaker a little further */
    if (para > kp + 4) break;
    if (para > kp + 2 && last_person != (int32_t)en) continue;
    bool dup = false;
    for (size_t d = 0; d < ndone; d++) dup |= done[d] == (int32_t)en;
    if (dup) continue;
    /* "the Harry Potter books", "the Sanders campaign": a name between an
     * article and a common noun modifies the noun, a weaker sign of whom
     * the text goes on about; a plain mention before it counts too */
    size_t after = k + ents->men[m].tok_count;
    bool poss = tx->tok[after - 1].flags & PX__TF_POSSESSIVE;
    bool modifier = k > 0 && is_word(w, k - 1) &&
                    (tx->tok[k - 1].fold == w->qa->h_the || tx->tok[k - 1].fold == w->qa->h_a ||
                     tx->tok[k - 1].fold == w->qa->h_an) &&
                    !poss && after < nt && is_word(w, after) && !cap_word(w, after) && !w->inq[after] &&
                    !(tx->tok[after].flags & PX__TF_STOP) &&
                    !(w->cls[after] & (PX__CW_CUE | PX__CW_CUE_WEAK | CW_SKIP | CW_CLAUSE)) &&
                    !is_ed(w, after);
    if (ndone < 16 && !modifier) done[ndone++] = (int32_t)en;
    int sc = 0;
    /* a gender read from pronouns near the name may be another person's
     * ("Trump said he ..." under the wrong Trump): a cost, not a bar */
    if (egender[en] && egender[en] != g) {
      if (!(spoke[en] & EF_VOTED)) continue;
      sc -= 3;
    }
    if (w->inq[k]) sc -= 6;
    /* "Scott joked that, among voters, Trump ranks fourth. "...," he
     * told the group": a name inside a clause someone reported is what
     * was said, not who speaks next */
    else if (w->inrep && w->inrep[k]) sc -= 2;
    bool initial = (tx->tok[k].flags & PX__TF_SENT_START) || k < sent_first_tok(w, ks) + 4 ||
                   (k > 0 && (is_qmark(w, k - 1) || punct_char(w, k - 1) == ','));
    /* "Nancy Pelosi, D-Calif., said": over a party label */
    size_t after_v = after;
    if (after + 2 < nt && punct_char(w, after) == ',' && is_word(w, after + 1)) {
      const char *lp = tx->body + tx->tok[after + 1].start;
      size_t ln = tx->tok[after + 1].end - tx->tok[after + 1].start;
      size_t j = after + 2;
      if (j < nt && punct_char(w, j) == '.') j++;
      if (ln >= 3 && ln <= 14 && (lp[0] == 'D' || lp[0] == 'R' || lp[0] == 'I') && lp[1] == '-' &&
          lp[2] >= 'A' && lp[2] <= 'Z' && j + 1 < nt && punct_char(w, j) == ',')
        after_v = j + 1;
    }
    bool before_verb = after_v < nt && is_word(w, after_v) &&
                       (w->cls[after_v] & (PX__CW_CUE | PX__CW_CUE_WEAK | CW_SKIP));
    /* "..., said Frances Townsend, CNN's contributor. / "...," she said.":
     * a person after an inverted verb of saying that ends the sentence
     * right before the quote's */
    bool inverted = false;
    if (!before_verb && !w->inq[k] && st == ks + 1 && ents->ent[en].type == PX_ENT_PERSON) {
      size_t b = k;
      while (b > 0 && role_word(w, b - 1) && k - b < 4) b--;
      /* not "told CNN's Candy Crowley": the one told */
      static const char *const said[] = {"said", "says", "added", "adds", "wrote", "writes", "noted",
                                         "notes", "explained", "argued", "recalled", "continued"};
      inverted = b >= 2 && word_in(w, b - 1, said, sizeof said / sizeof *said) &&
                    punct_char(w, b - 2) == ',' && c->open_tok > 0 && sent_of(w, c->open_tok) == st;
    }
    /* "Clinton campaign manager Robby Mook released a memo": a name with
     * its role opening the clause, before a verb in the past tense */
    if (!before_verb && after < nt && is_word(w, after) && !cap_word(w, after) && is_ed(w, after) &&
        !(TOK(w, after)->flags & PX__TF_STOP)) {
      size_t b = k;
      /* "Presumptive Republican presidential nominee Mitt Romney used" */
      while (b > 0 && role_word(w, b - 1) && k - b < 6) b--;
      before_verb = b == sent_first_tok(w, ks) || (b > 0 && punct_char(w, b - 1) == ',');
    }
    /* "as Obama spoke about ...", "when Clinton arrived": the subject of
     * a clause after a subordinate word, before its verb */
    bool sub_subject = false;
    if (!before_verb && !poss && after < nt && is_word(w, after) && !cap_word(w, after) &&
        !(tx->tok[after].flags & PX__TF_STOP) && !w->inq[k]) {
      static const char *const sub[] = {"as", "while", "when", "after", "before", "because",
                                        "since", "until", "once", "though", "although", "whereas"};
      size_t b = k;
      while (b > 0 && is_word(w, b - 1) && (w->cls[b - 1] & PX__CW_TITLE) && k - b < 4) b--;
      sub_subject = b > 0 && word_in(w, b - 1, sub, sizeof sub / sizeof *sub);
    }
    /* "he does believe McConnell is correct": the subject of a clause
     * reported by someone else's verb is not the thread's subject */
    if (before_verb) {
      /* over a title before the name: "that President Obama wanted" */
      size_t b = k;
      while (b > 0 && is_word(w, b - 1) && (w->cls[b - 1] & PX__CW_TITLE) && !(w->cls[b - 1] & CW_DET)) b--;
      static const char *const wh[] = {"who", "whom", "what", "which", "whose", "when", "where", "how", "why"};
      /* "to explain who Ali was": a name after a wh-word is no subject */
      if (b > 0 && is_word(w, b - 1) &&
          ((w->cls[b - 1] & (PX__CW_CUE | PX__CW_CUE_WEAK)) || tx->tok[b - 1].fold == w->qa->h_that ||
           word_in(w, b - 1, wh, sizeof wh / sizeof *wh)))
        before_verb = false;
    }
    /* "Mook acknowledged Clinton and Sanders had split the contests":
     * a name after another person's verb of saying, in the same sentence,
     * is what was said, not the subject of the thread */
    if (!w->inq[k] && !(w->inrep && w->inrep[k])) {
      /* 0: nothing yet, 1: another person named, 2: then a verb of saying;
       * a comma may end the reported clause ("When Trump suggested ...,
       * Rubio fired back") */
      int state = 0;
      for (size_t q = sent_first_tok(w, ks); q < k; q++) {
        if (w->inq[q]) continue;
        int32_t mq = w->men ? w->men[q] : -1;
        if (mq >= 0 && ents->men[mq].entity != en && ents->ent[ents->men[mq].entity].type == PX_ENT_PERSON) {
          if (state == 0) state = 1;
        } else if (state == 1 && is_word(w, q) && (w->cls[q] & PX__CW_CUE) && cue_at(w, q, false) == 1) {
          state = 2;
        } else if (punct_char(w, q) == ',') {
          state = state == 2 ? 0 : state;
        }
      }
      if (state == 2) {
        initial = before_verb = false;
        sc -= 1;
      }
    }
    /* "McLenney said Clinton doesn't show ...": the subject of a reported
     * clause is near the sentence's start but is not the thread's subject;
     * nor, further on, one the verb of saying reaches with no comma
     * between ("Pelosi said nothing can remove the asterisk Trump will
     * now carry"; not "Unlike Obama, who said ..., Mr. Romney pointed") */
    if (w->inrep && w->inrep[k] && (initial || before_verb) && !(tx->tok[k].flags & PX__TF_SENT_START)) {
      for (size_t q = sent_first_tok(w, ks); q < k; q++)
        if (is_word(w, q) && !w->inq[q] && (w->cls[q] & PX__CW_CUE) && cue_at(w, q, false) == 1) {
          bool comma = false;
          for (size_t j = q + 1; j < k && !comma; j++) comma = punct_char(w, j) == ',';
          if (initial || !comma) initial = before_verb = false;
          break;
        }
    }
    if ((initial || before_verb || inverted) && !poss) sc += 4;
    else if (sub_subject) sc += 3; /* less than a main clause's subject */
    /* "... that concerns Henry Crespo, president of the Florida
     * Democratic Black Caucus.": a name given a role in an apposition is a
     * new voice the next quote often belongs to */
    if (!poss && after + 1 < nt && punct_char(w, after) == ',' && is_word(w, after + 1) &&
        ((w->cls[after + 1] & (CW_DET | PX__CW_TITLE)) ||
         (after + 2 < nt && (w->cls[after + 2] & PX__CW_TITLE))))
      sc += 2;
    if (poss) sc -= 2;
    /* "with Hillary Clinton -- who has called for ... -- lambasting the
     * plan": after "with", the subject of a participle */
    bool with_subject = false;
    size_t kb = k;
    while (kb > 0 && is_word(w, kb - 1) && (w->cls[kb - 1] & PX__CW_TITLE) && k - kb < 3) kb--;
    if (kb > 0 && is_word(w, kb - 1) && TOK(w, kb - 1)->fold == w->qa->h_with && after < nt) {
      size_t v = after;
      if (is_dash(w, v) || punct_char(w, v) == ',') {
        size_t e = v + 1;
        while (e < nt && e - v < 25 && !is_dash(w, e) && punct_char(w, e) != ',' && !is_sent_end_punct(w, e)) e++;
        v = e + 1;
      }
      with_subject = v < nt && is_word(w, v) && !cap_word(w, v) && is_ing(w, v);
    }
    if (with_subject) sc += 4;
    else if (after_preposition(w, k)) sc -= 3;
    if (modifier) sc -= 1;
    if (egender[en] == g) sc += 1;
    size_t ds = st > ks ? st - ks : 0;
    sc -= (int)(ds < 4 ? ds : 4);
    sc -= rank < 3 ? (int)rank : 3;
    if (k < last_attr_tok) sc -= 2;
    if ((int32_t)en == last_person) {
      seen_last = true;
      sc += para == last_para ? 3 : 2;
    }
    rank++;
    if (sc > best_score) {
      best_score = sc;
      best = (int32_t)en;
    }
  }
  if (best < 0 && !seen_last && last_person >= 0 && para <= last_para + 2 &&
      !(egender[last_person] && egender[last_person] != g))
    best = last_person;
  return best;
}

/* it/they with no organization speaker before it in reach: the nearest
 * organization named before the pronoun, back to two paragraphs, in
 * subject position (at the start of its sentence or right before a verb
 * of saying), not inside a quote, not after a preposition nor a
 * possessive ("The Times ... it added"), and no name a he or she stood
 * for (spoke: "as Katie reported ... she raised ... it states"); -1 when
 * none. */
static int32_t resolve_org(const qwork *w, const uint8_t *spoke, const cand *c) {
  const px__entities *ents = w->ents;
  const px__text *tx = w->tx;
  size_t nt = tx->ntok;
  size_t t = tok_from(w, c->s.start);
  for (size_t k = t; k-- > 0 && t - k < 400;) {
    int32_t m = w->men ? w->men[k] : -1;
    if (m < 0 || ents->men[m].tok_first != k) continue;
    uint32_t en = ents->men[m].entity;
    size_t ks = sent_of(w, k);
    if (c->para > tx->sent[ks].para + 2) break;
    if (ents->ent[en].type == PX_ENT_PERSON || ents->ent[en].type == PX_ENT_PLACE || w->inq[k] ||
        (spoke && (spoke[en] & EF_HUMAN)))
      continue;
    size_t after = k + ents->men[m].tok_count;
    if (tx->tok[after - 1].flags & PX__TF_POSSESSIVE) continue;
    if (after_preposition(w, k)) continue;
    bool initial = (tx->tok[k].flags & PX__TF_SENT_START) || k <= sent_first_tok(w, ks) + 1;
    bool before_verb = after < nt && is_word(w, after) &&
                       (w->cls[after] & (PX__CW_CUE | PX__CW_CUE_WEAK | CW_SKIP));
    if (initial || before_verb) return (int32_t)en;
  }
  return -1;
}

/* The candidate takes a trailing attribution (cue and speaker after it). */
/* Is the speaker a news outlet or its reporter ("the Los Angeles Times",
 * "the Post", "Reuters", "NPR's Brian Naylor"), who reports the words
 * rather than speaking them? */
static bool press_word(const qwork *w, size_t k) {
  static const char *const press[] = {"times",    "post",     "journal",   "tribune",  "herald",
                                      "gazette",  "chronicle", "inquirer", "newspaper", "paper",
                                      "magazine", "network",  "outlet",    "wire",      "daily"};
  return word_in(w, k, press, sizeof press / sizeof *press);
}
static bool media_speaker(const qwork *w, const spk *s) {
  if (!s->ok || s->pron || s->end <= s->start) return false;
  size_t a = tok_from(w, s->start), e = tok_from(w, s->end);
  if (a >= e || e > w->tx->ntok) return false;
  if (px__call_letters(w->p + s->start, s->end - s->start)) return true;
  bool person = s->men >= 0 && w->ents->ent[w->ents->men[s->men].entity].type == PX_ENT_PERSON;
  if (person) {
    /* "NPR's Brian Naylor", "the Times' reporter" */
    size_t f = a;
    static const char *const staff[] = {"reporter", "correspondent", "columnist", "writer",
                                        "editor",   "anchor",        "host",      "journalist"};
    while (f > 0 && is_word(w, f - 1) && word_in(w, f - 1, staff, sizeof staff / sizeof *staff)) f--;
    if (f == 0 || !is_word(w, f - 1)) return false;
    const px__token *t = TOK(w, f - 1);
    bool poss = (t->flags & PX__TF_POSSESSIVE) != 0;
    if (!poss && f == a) return false; /* "NPR reporter X", not a bare name */
    size_t from = f - 1;
    while (from > 0 && cap_word(w, from - 1) && f - from < 5) from--;
    size_t n = t->end - TOK(w, from)->start;
    if (poss && n > 2) n -= (w->p[t->end - 1] == 's') ? 2 : 1; /* "NPR's" */
    return px__outlet_known(w->p + TOK(w, from)->start, n) || press_word(w, f - 1);
  }
  if (px__outlet_known(w->p + s->start, s->end - s->start)) return true;
  return cap_word(w, e - 1) && press_word(w, e - 1);
}

/* "LaPierre will also say that the government should not "dictate ...,"
 * NPR's Brian Naylor reports", "The Los Angeles Times adds that Holder is
 * expected to say that "..."": under an outlet's attribution, the nearest
 * verb of saying before the quote, in [lo, hi), with a subject of its own
 * that is no outlet, gives the speaker; a named one only (or he or she)
 * when named is set. */
static bool inner_speaker(const qwork *w, size_t lo, size_t hi, bool named, attr *at) {
  static const char *const bound[] = {"expected", "set", "going", "likely", "due",
                                      "scheduled", "poised", "planning", "ready", "about"};
  static const char *const be[] = {"is", "are", "was", "were", "be", "been"};
  for (size_t k = hi; k > lo;) {
    k--;
    if (is_sent_end_punct(w, k)) return false;
    if (!is_word(w, k) || w->inq[k] || cue_at(w, k, true) != 1) continue;
    /* not "The third group was asked ...": the one asked or told */
    if (k > lo && word_in(w, k - 1, be, sizeof be / sizeof *be)) continue;
    size_t c = k; /* "Holder is expected to say": the subject before "is" */
    if (c > lo + 2 && TOK(w, c - 1)->fold == w->qa->h_to && word_in(w, c - 2, bound, sizeof bound / sizeof *bound)) {
      if (!(w->cls[k] & PX__CW_CUE)) continue; /* "is expected to "testify alone"" */
      c -= 2;
      if (c > lo && word_in(w, c - 1, be, sizeof be / sizeof *be)) c--;
    }
    spk s0 = {0};
    if (!subject_before(w, lo, c, &s0) || s0.start < TOK(w, lo)->start || media_speaker(w, &s0) ||
        !(own_speaker(w, &s0) || s0.pron == 1 || s0.pron == 2))
      continue;
    /* a verb that reports speech only beside a quote ("points to",
     * "accused") speaks for a person, not for "the report" */
    if (!(w->cls[k] & PX__CW_CUE) && !s0.pron &&
        !(s0.men >= 0 && w->ents->ent[w->ents->men[s0.men].entity].type == PX_ENT_PERSON))
      continue;
    if (named && !s0.pron && s0.men < 0) continue;
    memset(at, 0, sizeof *at);
    at->ok = true;
    at->cue_tok = k;
    at->cue_s = TOK(w, k)->start;
    at->cue_e = TOK(w, k)->end;
    at->s = s0;
    at->end_tok = k + 1;
    return true;
  }
  return false;
}

static void take_trailing(cand *c, const attr *at) {
  c->trail = true;
  c->trail_end = at->end_tok;
  c->q.cue_start = at->cue_s;
  c->q.cue_end = at->cue_e;
  c->s = at->s;
}

/* Tokens [a, e) are written in Title Case: every word capitalized but
 * for short function words ("Warren Hammers Wells Fargo CEO: 'You Should
 * Be Criminally Investigated.'"), with at least two capitalized words. */
static bool title_case(const qwork *w, size_t a, size_t e) {
  size_t caps = 0;
  if (is_word(w, a) && !cap_word(w, a)) return false;
  for (size_t k = a; k < e; k++) {
    if (!is_word(w, k)) continue;
    if (cap_word(w, k)) caps++;
    else if (!(TOK(w, k)->flags & PX__TF_STOP)) return false;
  }
  return caps >= 2;
}

/* The end of the headline: the first paragraph of a text of several when
 * it is a line of 40 tokens at most in Title Case (the headline repeated
 * over the body), else 0; with single, in any case.  Quotation marks in it
 * are the editor's, not someone's words reported in the body. */
static size_t headline_end(const qwork *w, bool single) {
  const px__text *tx = w->tx;
  size_t nt = tx->ntok;
  size_t e0 = 0;
  while (e0 < nt && e0 <= 40 && tx->sent[sent_of(w, e0)].para == 0) e0++;
  if (e0 >= nt || e0 > 40 || e0 < 2 || !(single || title_case(w, 0, e0))) return 0;
  return e0;
}

/* A crosshead: a paragraph that is only a short quoted phrase in Title
 * Case ('All Bets Are Off.'). */
static bool crosshead(const qwork *w, const cand *c) {
  size_t nt = w->tx->ntok, a = c->open_tok, e = c->close_tok;
  if (!c->sent_start || e > nt || e - a > 14) return false;
  bool para_end = e >= nt || w->tx->sent[sent_of(w, e)].para != c->para;
  return para_end && title_case(w, a, e);
}

/* Two runs of candidates, each in text order, into out in text order (the
 * first run's first at equal starts). */
static void merge_runs(const cand *a, size_t na, const cand *b, size_t nb, cand *out) {
  size_t i = 0, j = 0, o = 0;
  while (i < na || j < nb) {
    if (j >= nb || (i < na && a[i].q.start <= b[j].q.start)) out[o++] = a[i++];
    else out[o++] = b[j++];
  }
}

/* The embedded posts of the text (px__post_next) as direct quotes of the
 * account's name, the handle as their cue, in text order in *out.  A
 * quotation in marks inside a post's words that found no speaker of its
 * own is the post's: it is dropped for the post (cv[0..nq), the quoted
 * candidates). */
static int posts_in(qwork *w, cand *cv, size_t nq, cand **out, size_t *nout) {
  const px__text *tx = w->tx;
  size_t cap = 0, n = 0, from = 0;
  cand *v = NULL;
  px__post ps;
  *out = NULL;
  *nout = 0;
  while (px__post_next(tx->body, tx->len, &from, &ps)) {
    size_t ot = tok_from(w, ps.text_start), ct = tok_from(w, ps.text_end);
    size_t nt0 = tok_from(w, ps.name_start), nt1 = tok_from(w, ps.name_end);
    if (ot >= ct || nt0 >= nt1 || nt1 > tx->ntok) continue;
    /* ""What I regret is ..." https://t.co/x — Good Morning America
     * (@GMA)": a post that is all one quotation shares someone else's
     * words; the quotation keeps whatever speaker it finds */
    bool shared = false;
    for (size_t i = 0; i < nq && !shared; i++)
      shared = !cv[i].dead && cv[i].q.start + 4 >= ps.text_start && cv[i].q.start <= ps.text_start + 4 &&
               (cv[i].q.end - cv[i].q.start) * 5 >= (ps.text_end - ps.text_start) * 4;
    if (shared) continue;
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 8;
      cand *g = px__arena_alloc(w->arena, nc * sizeof *g);
      if (!g) return PX_ENOMEM;
      if (n) memcpy(g, v, n * sizeof *g);
      v = g;
      cap = nc;
    }
    cand *c = &v[n++];
    memset(c, 0, sizeof *c);
    c->q.start = c->cstart = c->sp[0].start = ps.text_start;
    c->q.end = c->cend = c->sp[0].end = ps.text_end;
    c->nsp = 1;
    c->q.kind = PX_QUOTE_DIRECT;
    c->q.flags = PX__QS_POST;
    c->q.entity = -1;
    c->q.cue_start = ps.handle_start;
    c->q.cue_end = ps.handle_end;
    c->open_tok = ot;
    c->close_tok = ct;
    c->para = tx->sent[sent_of(w, ot)].para;
    c->sent_start = c->sent_end = true;
    /* the name as the entity layer found it ("Senator Jane Doe": the
     * mention "Jane Doe"), else as written ("House Foreign Affairs GOP",
     * of which "House" is a mention) */
    int32_t m = mention_at(w, nt1 - 1);
    if (m >= 0 && w->ents->men[m].start >= ps.name_start && w->ents->men[m].end == ps.name_end)
      spk_from_mention(w, m, &c->s);
    else
      spk_span(w, nt0, nt1, &c->s);
    for (size_t i = 0; i < nq; i++)
      if (!cv[i].dead && !cv[i].s.ok && cv[i].q.start >= ps.text_start && cv[i].q.end <= ps.text_end)
        cv[i].dead = true;
  }
  *out = v;
  *nout = n;
  return PX_OK;
}

int px__quotes_find(const px__quotean *qa, const px__text *tx, const px__entities *ents,
                    px__arena *arena, px__quotes *out) {
  memset(out, 0, sizeof *out);
  int rc = PX_OK;
  if (!tx->len || !tx->ntok || !tx->nsent) return PX_OK;
  qwork w = {.qa = qa, .tx = tx, .ents = ents, .p = tx->body, .arena = arena};
  size_t nt = tx->ntok;
  w.cls = px__arena_alloc(arena, nt);
  w.gen = px__arena_alloc(arena, nt);
  w.inq = px__arena_alloc(arena, nt);
  w.furn = px__arena_alloc(arena, tx->nsent);
  if (!w.cls || !w.gen || !w.inq || !w.furn) return PX_ENOMEM;
  memset(w.inq, 0, nt);
  memset(w.furn, 0, tx->nsent);
  {
    uint32_t *sf = px__arena_alloc(arena, (tx->nsent + 1) * sizeof *sf);
    if (!sf) return PX_ENOMEM;
    for (size_t si = 0; si < tx->nsent; si++) sf[si] = (uint32_t)after_dateline(&w, si);
    w.sfirst = sf;
  }
  for (size_t i = 0; i < nt; i++) {
    w.cls[i] = 0;
    w.gen[i] = 0;
    if (tx->tok[i].kind != PX__TOK_WORD) continue;
    size_t k = tab_find(qa, tx->tok[i].fold);
    if (k != (size_t)-1) {
      w.cls[i] = qa->cls[k];
      w.gen[i] = qa->gender[k];
    }
  }
  if (ents && ents->nmen) {
    w.men = px__arena_alloc(arena, nt * sizeof *w.men);
    if (!w.men) return PX_ENOMEM;
    for (size_t i = 0; i < nt; i++) w.men[i] = -1;
    for (size_t m = 0; m < ents->nmen; m++) {
      const px__mention *mm = &ents->men[m];
      for (size_t k = mm->tok_first; k < (size_t)mm->tok_first + mm->tok_count && k < nt; k++)
        w.men[k] = (int32_t)m;
    }
  } else {
    ents = NULL;
    w.ents = NULL;
  }

  px__qspan *qs;
  size_t nqs;
  if ((rc = px__quote_scan(tx->body, tx->len, arena, &qs, &nqs))) return rc;

  /* Outermost stretches as candidates. */
  size_t ncand = 0;
  for (size_t i = 0; i < nqs; i++) ncand += qs[i].depth == 0;
  /* room for the quoted stretches and one reported clause per sentence */
  cand *cv = px__arena_alloc(arena, (ncand + tx->nsent + 1) * sizeof *cv);
  if (!cv) return PX_ENOMEM;
  size_t nc = 0;
  for (size_t i = 0; i < nqs; i++) {
    if (qs[i].depth != 0) continue;
    cand *c = &cv[nc++];
    memset(c, 0, sizeof *c);
    uint32_t e = qs[i].close + qs[i].close_len;
    c->q.start = qs[i].open;
    c->q.end = e;
    c->q.flags = qs[i].flags;
    c->q.entity = -1;
    c->sp[0].start = qs[i].open;
    c->sp[0].end = e;
    c->nsp = 1;
    c->open_tok = tok_from(&w, qs[i].open);
    c->close_tok = tok_from(&w, e);
    c->cstart = c->q.start;
    c->cend = e;
    for (size_t k = c->open_tok; k < c->close_tok; k++) w.inq[k] = 1;
  }

  size_t head_end = headline_end(&w, false);
  /* "Gowdy promises report 'as soon as possible.'": single marks in a
   * short first paragraph are a headline's, in any case */
  size_t head_single_end = headline_end(&w, true);
  /* 2. attribution of each candidate */
  for (size_t i = 0; i < nc; i++) {
    cand *c = &cv[i];
    if (c->open_tok >= nt) {
      c->dead = true;
      continue;
    }
    size_t so = sent_of(&w, c->open_tok);
    c->para = tx->sent[so].para;
    size_t lo = sent_first_tok(&w, so);
    /* a title in marks before ("Hemsley, the co-author of "Going Viral,"
     * said ...") does not cut the clause: the subject may be before it */
    if (i > 0 && cv[i - 1].close_tok > lo && cv[i - 1].close_tok <= c->open_tok &&
        !(cv[i - 1].q.kind == 5 || cv[i - 1].named))
      lo = cv[i - 1].close_tok;
    /* shape: what precedes the opening mark */
    size_t b = c->open_tok;
    size_t prev = b;
    while (prev > lo && is_qmark(&w, prev - 1)) prev--;
    bool starts = prev == sent_first_tok(&w, so) || (prev > 0 && tx->sent[sent_of(&w, prev - 1)].para != c->para);
    char pc = prev > lo ? punct_char(&w, prev - 1) : 0;
    if (prev > 0 && prev == lo && lo != sent_first_tok(&w, so)) starts = false;
    bool after_colon = pc == ':' || pc == ',' || pc == '-';
    bool after_cue = prev > lo && is_word(&w, prev - 1) && cue_at(&w, prev - 1, false);
    c->sent_start = starts;
    /* what follows the closing mark */
    size_t a = c->close_tok;
    size_t hi = a < nt ? sent_end_tok(&w, sent_of(&w, a ? a - 1 : 0)) : nt;
    if (i + 1 < nc && cv[i + 1].open_tok < hi) hi = cv[i + 1].open_tok;
    /* trailing punctuation inside the marks ends a sentence: ," or ." */
    uint32_t last_in = c->q.end - (uint32_t)(c->q.flags & PX__QS_UNCLOSED ? 0 : 1);
    (void)last_in;
    size_t words = 0;
    for (size_t k = c->open_tok; k < c->close_tok && k < nt; k++) words += is_word(&w, k);
    attr at;
    /* "... you." She says: a full stop inside the marks and a capital
     * after them start a new sentence, whatever the splitter said */
    bool stop_inside = c->close_tok >= 2 && c->close_tok - 2 >= c->open_tok &&
                       punct_char(&w, c->close_tok - 2) == '.' && a < nt && cap_word(&w, a) &&
                       !(w.cls[a] & PX__CW_CUE);
    bool comma_inside = c->close_tok >= 2 && c->close_tok - 2 >= c->open_tok &&
                        punct_char(&w, c->close_tok - 2) == ',';
    bool trail = a < nt && !stop_inside && trailing_attr(&w, a, hi, false, &at) &&
                 /* "a new strain of "lone wolf" terrorism suggests": a quoted
                  * modifier of the subject, not a quote the subject spoke */
                 !(!starts && !after_colon && !comma_inside && at.s.start == TOK(&w, a)->start &&
                   at.s.men < 0 && !at.s.pron);
    if (trail && !starts && !after_colon) {
      /* "X told Y he was sure Russia would win a "great victory" over its
       * enemies, as Z warned ...": a cue in a later clause (after a comma
       * or a clause word) belongs to that clause; the cue before the
       * quote speaks when there is one.  So too after a comma inside the
       * marks when words come between: "Cruz said he'd make sand "glow in
       * the dark," for instance, and Trump vowed to ..." */
      bool later_clause = false;
      size_t se = tok_from(&w, at.s.start < at.cue_s ? at.s.start : at.cue_s);
      for (size_t k = a; k < se && k < nt && !later_clause; k++)
        later_clause = punct_char(&w, k) == ',' || (is_word(&w, k) && (w.cls[k] & CW_CLAUSE));
      attr lead_at;
      if (later_clause && leading_attr(&w, lo, prev, 40, true, true, &lead_at)) trail = false;
    }
    if (trail && !starts && (comma_inside || (a < nt && punct_char(&w, a) == ',')) &&
        opens_subordinate(&w, sent_first_tok(&w, so), prev)) {
      /* "When Ann Lowe shouted, "Out!," the mayor left", "After Lowe said
       * the plan was "a mess," Quill answered: ...": a quote that closes an
       * opening subordinate clause is that clause's; the cue after it is
       * the main clause's */
      attr lead_at;
      if (leading_attr(&w, lo, prev, 40, true, true, &lead_at) &&
          lead_at.s.start >= TOK(&w, sent_first_tok(&w, so))->start)
        trail = false;
    }
    if (trail && at.s.pron && (at.s.pron == 1 || at.s.pron == 2)) {
      /* "Feinstein said "I know nothing about it," she said.", "DuVernay
       * said she felt ... because "...," she said.": the named subject of
       * the cue right before the quote, or opening its sentence, speaks */
      attr lead_at;
      if (leading_attr(&w, lo, prev, 40, true, false, &lead_at) && lead_at.s.men >= 0 && !lead_at.s.pron &&
          (lead_at.cue_tok + 1 == prev ||
           (tok_from(&w, lead_at.s.start) <= sent_first_tok(&w, so) + 1 &&
            w.ents->ent[w.ents->men[lead_at.s.men].entity].type == PX_ENT_PERSON)))
        trail = false;
      /* "Sen. Claire McCaskill scolded him: "...," she said.": the person
       * who opens the clause the colon ends */
      if (trail && pc == ':' && prev >= lo + 2 && leading_attr(&w, lo, prev - 1, 40, true, false, &lead_at) &&
          lead_at.s.men >= 0 && !lead_at.s.pron &&
          w.ents->ent[w.ents->men[lead_at.s.men].entity].type == PX_ENT_PERSON &&
          tok_from(&w, lead_at.s.start) < lo + 4)
        trail = false;
    }
    if (trail) {
      take_trailing(c, &at);
    } else if (leading_attr(&w, lo, prev, 40, true, !(starts || after_colon), &at)) {
      c->lead = true;
      c->q.cue_start = at.cue_s;
      c->q.cue_end = at.cue_e;
      c->s = at.s;
      /* (not when the cue is a verb of saying whose own "that" clause the
       * words may be: "Kerry said in apparent reference to Romney's
       * remarks that "it is exactly the wrong time ..."") */
      static const char *const says_that[] = {
          "said",      "says",     "say",        "saying",   "told",      "tells",     "added",
          "noted",     "argued",   "insisted",   "wrote",    "writes",    "stated",    "explained",
          "suggested", "warned",   "responded",  "replied",  "declared",  "asserted",  "contended",
          "maintained", "tweeted", "announced",  "claimed",  "alleged",   "acknowledged", "admitted",
          "conceded",  "complained", "predicted", "stressed", "emphasized", "argues",   "tweets"};
      if (!word_in(&w, at.cue_tok, says_that, sizeof says_that / sizeof *says_that)) {
        size_t from = at.s.ok && at.s.end ? tok_from(&w, at.s.end) : lo;
        if (from < lo) from = lo;
        int32_t om = owned_speech(&w, from, prev);
        if (om >= 0) {
          spk_from_mention(&w, om, &c->s);
          c->owned = true;
        }
      }
      /* partial quote inside reported speech: the content is the clause */
      if (!(after_colon || after_cue) || words < 3) {
        size_t cs = at.end_tok;
        /* "according to X, ..." and "X told Y that ...": skip to the clause */
        size_t k2 = cs;
        while (k2 < prev && k2 - cs < 12) {
          if (is_word(&w, k2) && TOK(&w, k2)->fold == qa->h_that) {
            cs = k2 + 1;
            break;
          }
          k2++;
        }
        if (c->s.ok && TOK(&w, cs < nt ? cs : nt - 1)->start < c->s.end) {
          cs = tok_from(&w, c->s.end);
          while (cs < prev && !is_word(&w, cs) && !is_qmark(&w, cs)) cs++;
        }
        if (cs < prev) c->cstart = TOK(&w, cs)->start;
        /* to the end of the clause: the sentence end or the next quote */
        size_t ce = c->close_tok;
        while (ce < hi && !is_sent_end_punct(&w, ce)) ce++;
        if (ce > c->close_tok && ce <= nt) c->cend = TOK(&w, ce - 1)->end;
        if (c->cend < c->q.end) c->cend = c->q.end;
      }
    }
    /* the attribution is in the quote's paragraph: "According to Ham, ..."
     * opening the next one speaks of something else */
    if (!c->trail && !c->lead && a < nt && (starts || stop_inside) &&
        tx->sent[sent_of(&w, a)].para == c->para) {
      /* the attribution closes the sentence after more words:
       * "..." if she lost by less, said David Wasserman.  /  "..." Trump said. */
      size_t hi2 = hi;
      if (stop_inside || hi2 <= a) hi2 = sent_end_tok(&w, sent_of(&w, a));
      if (i + 1 < nc && cv[i + 1].open_tok < hi2) hi2 = cv[i + 1].open_tok;
      for (size_t k = a; k < hi2 && k - a < 60; k++) {
        if (k > a && punct_char(&w, k) != ',') continue;
        if (stop_inside && k > a) break;
        size_t f = k > a ? k + 1 : a; /* the attribution's first word */
        bool ok = f < hi2 && trailing_attr(&w, k, hi2, false, &at) &&
                  (at.cue_tok == f || at.s.start == TOK(&w, f)->start);
        size_t bound = 0;
        if (ok) {
          bound = at.cue_tok + 1 + cue_particle(&w, at.cue_tok);
          if (tok_from(&w, at.s.end) > bound) bound = tok_from(&w, at.s.end);
        }
        /* "Miller, a retired worker, said pleasantly into the phone.": a
         * manner adverb or a phrase of setting after the attribution */
        static const char *const setting[] = {"in", "on", "at", "to", "into", "during", "after",
                                              "before", "while", "from", "with", "over"};
        /* "Murphy, the head of the PAC, tweeted on Friday with an image of
         * the skywriting.": after a quote that ends in ? or !, a longer
         * phrase of setting, with no finite verb (not "said on Monday the
         * wall will be built") */
        bool setting_after = ok && at.end_tok > bound &&
                             (at.end_tok - bound <= 8 ||
                              (at.end_tok - bound <= 20 && !stop_inside &&
                               !has_finite_verb(&w, bound, at.end_tok))) &&
                             bound < nt &&
                             is_word(&w, bound) &&
                             (word_in(&w, bound, setting, sizeof setting / sizeof *setting) ||
                              ly_adverb(&w, bound)) &&
                             !reports_clause(&w, bound, at.end_tok) && tail_is_np(&w, bound, at.end_tok);
        if (ok && (at.end_tok <= bound || setting_after) &&
            tail_is_np(&w, at.end_tok, hi2) && !(stop_inside && reports_clause(&w, at.end_tok, hi2))) {
          take_trailing(c, &at);
          break;
        }
      }
    }
    /* (from the next paragraph only a quote that is its paragraph's
     * first words: a line of quotes of the week, ""..."" / "-- Jack Lew,
     * ...", not a live blog's entry signed after its last quote, "...,"
     * Hill said. "... going to blow up."" / "- Bart Jansen") */
    bool own_line = c->open_tok == 0 || tx->sent[sent_of(&w, c->open_tok - 1)].para != c->para;
    if (!c->trail && !c->lead && a + 1 < nt && is_dash(&w, a) &&
        (tx->sent[sent_of(&w, a)].para == c->para || own_line)) {
      /* "..." -- Carla Sanchez: a name after a dash, alone to the end of
       * its line or sentence, signs the quote */
      size_t k = a + 1;
      int32_t m = mention_at(&w, k);
      if (m >= 0 && w.ents->men[m].tok_first == k &&
          w.ents->ent[w.ents->men[m].entity].type != PX_ENT_PLACE) {
        size_t e = k + w.ents->men[m].tok_count;
        bool alone = e >= nt || TOK(&w, e)->sent != TOK(&w, k)->sent || punct_char(&w, e) == '.' ||
                     punct_char(&w, e) == ',' || is_qmark(&w, e) ||
                     tx->sent[sent_of(&w, e)].para != tx->sent[sent_of(&w, k)].para;
        if (alone) {
          spk_from_mention(&w, m, &c->s);
          c->trail = true;
          c->trail_end = e;
        }
      }
    }
    /* and "Trump issued a statement, "..."": a document before a comma */
    if (!c->trail && !c->lead && prev >= lo + 2 &&
        (pc == ':' || (pc == '-' && is_dash(&w, prev - 1)) || (pc == ',' && is_document(&w, prev - 2)))) {
      /* "... surprise Republican pollster Daron Shaw: "..."": the name
       * before the colon speaks */
      spk s0 = {0};
      size_t vo = 0;
      if (np_ending_at(&w, lo, prev - 2, &s0) && (s0.men >= 0 || s0.pron) &&
          !(s0.men >= 0 && after_preposition(&w, tok_from(&w, s0.start))) &&
          !interviewer(&w, lo, tok_from(&w, s0.start)) && !(vo = verb_object(&w, lo, tok_from(&w, s0.start)))) {
        c->lead = true;
        c->s = s0;
      } else if (vo && vo > lo + 1 && np_ending_at(&w, lo, subject_end(&w, lo, vo), &s0) &&
                 (s0.men >= 0 || s0.pron) && !(s0.men >= 0 && after_preposition(&w, tok_from(&w, s0.start)))) {
        /* "House speaker Paul Ryan reprimanded Trump: "..."": the one
         * who rebukes speaks */
        c->lead = true;
        c->s = s0;
      } else if (main_subject(&w, lo, prev - 1, &s0) &&
                 ((s0.pron && s0.pron < 3) ||
                  (s0.men >= 0 && w.ents->ent[w.ents->men[s0.men].entity].type != PX_ENT_PLACE) ||
                  (s0.men < 0 && !s0.pron && tok_from(&w, s0.end) > 0 &&
                   (w.cls[tok_from(&w, s0.end) - 1] & PX__CW_TITLE))) &&
                 clause_opening(&w, lo, tok_from(&w, s0.start))) {
        /* "She then addressed the supporters again: "..."", "The board
         * was conclusive in its findings: "..."", "But back home, he
         * returned to his familiar lines: "..."": the subject of the
         * clause the colon ends, a person, a body or a document */
        c->lead = true;
        c->s = s0;
      }
    }
    if (!c->trail && !c->lead && prev > lo + 1) {
      /* "In Forbes' words, "..."", "Obama's word: "..."", "Barrett's
       * dictum to his interns was, "..."": a name that owns a noun of
       * speech just before the quote speaks */
      static const char *const said_nouns[] = {
          "word", "words", "comment", "comments", "remark", "remarks", "statement", "message",
          "response", "reply", "answer", "dictum", "tweet", "quip", "retort", "advice", "warning",
          "plea", "vow", "promise", "claim", "announcement", "verdict", "explanation"};
      for (size_t k = prev; k > lo + 1 && prev - k < 8;) {
        k--;
        if (is_qmark(&w, k) || w.inq[k] || (is_word(&w, k) && cue_at(&w, k, true))) break;
        if (!word_in(&w, k, said_nouns, sizeof said_nouns / sizeof *said_nouns)) continue;
        /* only a link to the quote between: "words,", "response was:",
         * "claim that"; not "played down Trump's comments as "..."" */
        static const char *const link[] = {"was", "is", "were", "that"};
        /* ("Trump's claim that there were "thousands of shootings"": the
         * clause after "that" is what was claimed) */
        bool linked = true;
        size_t j0 = k + 1;
        if (j0 < prev && is_word(&w, j0) && TOK(&w, j0)->fold == qa->h_that) j0 = prev;
        for (size_t j = j0; j < prev && linked; j++)
          linked = punct_char(&w, j) == ',' || punct_char(&w, j) == ':' ||
                   word_in(&w, j, link, sizeof link / sizeof *link);
        if (!linked) break;
        int32_t m = mention_at(&w, k - 1);
        if (m >= 0 && w.ents->men[m].tok_first + w.ents->men[m].tok_count == k &&
            (tx->tok[k - 1].flags & PX__TF_POSSESSIVE) &&
            w.ents->ent[w.ents->men[m].entity].type != PX_ENT_PLACE) {
          spk_from_mention(&w, m, &c->s);
          c->lead = true;
        }
        break;
      }
    }
    if (!c->trail && !c->lead && starts && so > 0) {
      /* introduced by the sentence before, ending in a colon:
       * "Cruz continued:" / "he declared:" / "the statement said:" */
      size_t ps = so - 1;
      size_t pe = sent_end_tok(&w, ps);
      size_t pf = sent_first_tok(&w, ps);
      if (pe > pf && punct_char(&w, pe - 1) == ':' && (pe == prev || pe + 1 >= prev)) {
        if (leading_attr(&w, pf, pe - 1, 60, true, false, &at) || (at.ok = main_subject(&w, pf, pe - 1, &at.s))) {
          c->lead = true;
          c->q.cue_start = at.cue_s;
          c->q.cue_end = at.cue_e;
          c->s = at.s;
        }
      } else if (pe > pf && punct_char(&w, pe - 1) == '.' && (pe == prev || pe + 1 >= prev) &&
                 bare_attribution(&w, pf, pe - 1, &at)) {
        /* "Sam Lau, the party's spokesman, said in a statement. "...":
         * a sentence that is only an attribution introduces the quote */
        c->lead = true;
        c->q.cue_start = at.cue_s;
        c->q.cue_end = at.cue_e;
        c->s = at.s;
      } else if (pe > pf && punct_char(&w, pe - 1) == '.' && (pe == prev || pe + 1 >= prev) &&
                 tx->sent[ps].para != tx->sent[so].para && person_reports(&w, pf, pe - 1, &at)) {
        /* "Dara Quill praised the plan. / "..."": a quote paragraph
         * with no cue after a sentence whose subject, a person, opens it
         * with a verb of saying is that person's */
        c->lead = true;
        c->q.cue_start = at.cue_s;
        c->q.cue_end = at.cue_e;
        c->s = at.s;
      }
    }
    if ((c->trail || c->lead) && c->q.cue_end > c->q.cue_start && !c->s.pron &&
        !(c->s.men >= 0 && ents->ent[ents->men[c->s.men].entity].type == PX_ENT_PERSON)) {
      /* "According to the Post, the judge said "..."" / ""...," the
       * media said, according to a transcript": the source the writer
       * cites for the whole sentence holds the words when the speaker it
       * reports is no named person (a named person keeps them: ""...,"
       * Kim said, according to a Kremlin transcript") */
      size_t ct = tok_from(&w, c->q.cue_start);
      size_t cs0 = ct < nt ? sent_of(&w, ct) : so;
      size_t f0 = sent_first_tok(&w, cs0), e0 = sent_end_tok(&w, cs0);
      if (TOK(&w, ct)->fold != qa->h_according)
        for (size_t k = f0; k + 1 < e0; k++) {
          if (w.inq[k] || !is_word(&w, k) || TOK(&w, k)->fold != qa->h_according ||
              TOK(&w, k + 1)->fold != qa->h_to)
            continue;
          size_t hi3 = k + 2;
          while (hi3 < e0 && !is_qmark(&w, hi3) && punct_char(&w, hi3) != ',' && !is_sent_end_punct(&w, hi3))
            hi3++;
          spk s3 = {0};
          if (speaker_after(&w, k + 1, hi3, &s3)) {
            c->s = s3;
            c->q.cue_start = TOK(&w, k)->start;
            c->q.cue_end = TOK(&w, k + 1)->end;
          }
          break;
        }
    }
    if ((c->trail || c->lead) && media_speaker(&w, &c->s)) {
      /* an outlet reports what someone said: the one it reports speaks */
      size_t ct = tok_from(&w, c->q.cue_start);
      size_t lo2 = sent_first_tok(&w, so); /* over quotes before: "deception" and "..." */
      if (ct < prev && ct >= lo2) lo2 = tok_from(&w, c->q.cue_end);
      if (c->lead && c->s.end <= TOK(&w, prev < nt ? prev : nt - 1)->start && tok_from(&w, c->s.end) > lo2)
        lo2 = tok_from(&w, c->s.end);
      attr in;
      /* "According to the Gazette, the mayor said": the source the
       * writer cites holds the words of a speaker it does not name */
      bool named = ct < nt && TOK(&w, ct)->fold == qa->h_according;
      if (lo2 < prev && inner_speaker(&w, lo2, prev, named, &in)) {
        c->s = in.s;
        c->q.cue_start = in.cue_s;
        c->q.cue_end = in.cue_e;
      }
    }
    c->heading = c->close_tok <= head_end || crosshead(&w, c) ||
                 ((c->q.flags & PX__QS_SINGLE) && c->close_tok <= head_single_end);
    /* "so-called": whatever the cue, the marks are the writer's */
    if (prev > 0 && is_word(&w, prev - 1)) {
      const px__token *pt = &tx->tok[prev - 1];
      size_t L = pt->end - pt->start;
      if (L >= 6 && memcmp(tx->body + pt->end - 6, "called", 6) == 0 && pt->start + 2 <= pt->end &&
          (tx->body[pt->start] == 's' || tx->body[pt->start] == 'S') && L <= 9 &&
          (L == 9 || (prev >= 2 && punct_char(&w, prev - 2) == '-')))
        c->so_called = true;
      if (L == 6 && memcmp(tx->body + pt->start, "called", 6) == 0 && prev >= 3 &&
          punct_char(&w, prev - 2) == '-' && is_word(&w, prev - 3) &&
          tx->tok[prev - 3].end - tx->tok[prev - 3].start == 2 &&
          (tx->body[tx->tok[prev - 3].start] | 0x20) == 's')
        c->so_called = true;
    }
    /* "the "send her back" chant", "his "America First" slogan": words a
     * noun after the marks names, whoever said them, are not said here */
    static const char *const naming[] = {"chant",  "chants",   "slogan", "slogans", "mantra",
                                         "motto",  "refrain",  "catchphrase", "hashtag",
                                         "moniker", "nickname", "tagline", "rallying"};
    if (!c->so_called && c->close_tok < nt && is_word(&w, c->close_tok) &&
        word_in(&w, c->close_tok, naming, sizeof naming / sizeof *naming))
      c->so_called = true;
    /* so too after one and "of": "chants of "send her back"", "cries of
     * "Allahu Akbar"" */
    static const char *const cries[] = {"chant", "chants", "cries", "cry", "shouts", "calls", "slogan", "slogans"};
    if (!c->so_called && prev >= 2 && is_word(&w, prev - 1) && tx->tok[prev - 1].fold == qa->h_of &&
        is_word(&w, prev - 2) && word_in(&w, prev - 2, cries, sizeof cries / sizeof *cries))
      c->so_called = true;
    /* and the next after "and" or "or": "chants of "four more years" and
     * "U.S.A."" */
    static const char *const andor[] = {"and", "or"};
    if (!c->so_called && i > 0 && cv[i - 1].so_called && cv[i - 1].close_tok + 1 == prev && is_word(&w, prev - 1) &&
        word_in(&w, prev - 1, andor, 2))
      c->so_called = true;
    /* "In an interview with "Fox and Friends," Clinton said": a run of
     * capitalized words right after a preposition names a programme, a
     * book or a paper, and one right before a noun names the thing; the
     * marks are not someone's words */
    /* and a work's title after its noun or a verb of selling it: "Bob
     * Woodward's book, "Fear: Trump in the White House," which ...",
     * "touting "Fear: Trump in the White House" as ..." */
    static const char *const works[] = {"book", "memoir", "novel", "film", "movie", "documentary", "album",
                                        "song", "play", "series", "podcast", "essay", "column", "op-ed",
                                        "touting", "promoting", "plugging"};
    size_t wk = prev > lo && punct_char(&w, prev - 1) == ',' ? prev - 1 : prev;
    bool work = wk > lo && is_word(&w, wk - 1) && word_in(&w, wk - 1, works, sizeof works / sizeof *works) &&
                words >= 2 && words <= 10;
    if (!c->so_called && prev > lo && (is_word(&w, prev - 1) || work) && words >= 1 && (words <= 6 || work)) {
      uint64_t h = tx->tok[prev - 1].fold;
      bool prep = h == qa->h_on || h == qa->h_with || h == qa->h_in || h == qa->h_of || work;
      /* so too after a possessive: "Bolton told NBC's "Meet the Press""
       * (two words at least: "Trump's "Nobody"" may be his word) */
      bool owner = (tx->tok[prev - 1].flags & PX__TF_POSSESSIVE) && words >= 2;
      /* and before the noun it names: "wearing a "Make America Great
       * Again" hat", "the "Green New Deal" plan" (a slogan, a bill) */
      size_t nx = c->close_tok;
      bool modifier = words >= 2 && nx < nt && is_word(&w, nx) && !cap_word(&w, nx) &&
                      !(tx->tok[nx].flags & PX__TF_STOP) && !(w.cls[nx] & (PX__CW_CUE | PX__CW_CUE_WEAK)) &&
                      sent_of(&w, nx) == sent_of(&w, c->open_tok);
      bool name = prep || owner || modifier;
      for (size_t k = c->open_tok; k < c->close_tok && k < nt && name; k++) {
        if (is_qmark(&w, k)) continue;
        if (is_word(&w, k)) {
          if (!cap_word(&w, k) && !(k > c->open_tok + 1 && (tx->tok[k].flags & PX__TF_STOP))) name = false;
        } else if (tx->tok[k].kind == PX__TOK_PUNCT) {
          char pc2 = punct_char(&w, k);
          /* only a closing comma or period */
          if (!((pc2 == ',' || pc2 == '.') && k + 2 >= c->close_tok) && pc2 != '-' && pc2 != '\'' && pc2 != ':' &&
              pc2 != '&')
            name = false;
        }
      }
      if (name) c->named = true;
      /* "Sanders told MSNBC's "Morning Joe" that nobody would ...": the
       * speaker's words are the clause after the programme */
      size_t t = c->close_tok;
      if (name && owner && c->lead && c->s.ok && t + 5 < nt && is_word(&w, t) &&
          TOK(&w, t)->fold == qa->h_that && sent_of(&w, t) == so) {
        size_t ce = sent_end_tok(&w, so);
        while (ce > t + 1 && !is_word(&w, ce - 1) && TOK(&w, ce - 1)->kind != PX__TOK_NUMBER) ce--;
        bool clean = ce > t + 4;
        for (size_t k = t + 1; k < ce && clean; k++) clean = !is_qmark(&w, k) && !w.inq[k];
        if (clean) {
          c->named = false;
          c->q.kind = 3;
          c->q.start = TOK(&w, t + 1)->start;
          c->q.end = TOK(&w, ce - 1)->end;
          c->sp[0] = (px__qrange){c->q.start, c->q.end};
          c->nsp = 1;
          c->cstart = c->q.start;
          c->cend = c->q.end;
          c->open_tok = t + 1;
          c->close_tok = ce;
          continue;
        }
      }
    }
    if (c->so_called || c->named || c->heading) {
      c->trail = c->lead = false;
      memset(&c->s, 0, sizeof c->s);
      c->q.cue_start = c->q.cue_end = 0;
    }
    bool partial = !(starts || after_colon || after_cue);
    if (c->trail && !starts && !after_colon && !after_cue) {
      /* Manafort "has taken on a tough task," said Black: clause + quote */
      size_t s0 = lo;
      if (s0 < prev) c->cstart = TOK(&w, s0)->start;
    }
    c->q.kind = partial ? 2 /* partial */ : 1 /* direct */;
    if (!c->trail && !c->lead) {
      /* no cue: scare quote, title, or a quote standing on its own */
      size_t caps = 0;
      for (size_t k = c->open_tok; k < c->close_tok && k < nt; k++)
        if (cap_word(&w, k) || (is_word(&w, k) && (tx->tok[k].flags & PX__TF_STOP))) caps++;
      bool title = words >= 2 && caps == words && words <= 10 && !starts;
      if (title || c->named || c->heading) c->q.kind = 5;
      else if (partial || words < 4) c->q.kind = 4;
      else c->q.kind = 1;
    }
  }

  /* 3. merge: "A," he said, "B." and the sentences that follow an
   * attributed quote in its paragraph; adjacency for unattributed ones. */
  for (size_t i = 0; i < nc; i++) {
    cand *c = &cv[i];
    if (c->dead || !c->s.ok || c->q.kind == 3) continue; /* a reported clause stands alone */
    size_t j = i + 1;
    while (j < nc && !cv[j].dead && c->nsp < MAX_SPANS) {
      cand *d = &cv[j];
      /* ""...," he said on "Meet the Press." "...": a programme named
       * in the attribution belongs to it; the remark goes on after it */
      /* so is a chant or a slogan the attribution names anywhere in its
       * sentence (""...," Obama said amid chants of "four more years."
       * "..."") */
      if ((((d->q.kind == 5 || d->named) && d->open_tok <= c->trail_end + 1) || d->so_called) && c->trail &&
          d->open_tok < nt && c->trail_end > 0 && sent_of(&w, d->open_tok) == sent_of(&w, c->trail_end - 1)) {
        size_t e = d->close_tok;
        while (e < nt && !is_qmark(&w, e) && !is_sent_end_punct(&w, e) && punct_char(&w, e) != ',') e++;
        c->trail_end = e;
        j++;
        continue;
      }
      if (d->q.kind == 5 || d->q.kind == 3 || d->so_called || d->named ||
          !(!d->s.ok || (d->lead && c->trail && d->q.cue_start >= c->q.cue_start)))
        break;
      bool own_cue = d->s.ok && d->q.cue_start != c->q.cue_start;
      bool same_para = d->para == c->para;
      /* only the attribution, punctuation and a few words between */
      size_t from = c->trail ? c->trail_end : c->close_tok;
      size_t gap = d->open_tok > from ? d->open_tok - from : 0;
      size_t cs = sent_of(&w, (from > 0 ? from : 1) - 1);
      size_t ds = sent_of(&w, d->open_tok);
      bool inside = same_para && c->trail && gap <= 2 && !own_cue;
      /* ""Every time you say that," Miller said, referring to the budget,
       * "you give ..."": a stretch that ends on a comma inside its marks,
       * its attribution with a phrase after it, and a stretch that goes on
       * in lower case in the same sentence are one remark */
      size_t dw = d->open_tok + 1;
      bool goes_on = c->trail && c->close_tok >= 2 && punct_char(&w, c->close_tok - 2) == ',' &&
                     dw < nt && is_word(&w, dw) && !cap_word(&w, dw) && d->open_tok > 0 &&
                     punct_char(&w, d->open_tok - 1) == ',';
      /* "..., adding that if ... "...": a reported clause of its own */
      for (size_t k = from; goes_on && k < d->open_tok; k++)
        if (is_word(&w, k) && TOK(&w, k)->fold == qa->h_that) goes_on = false;
      if (same_para && goes_on && ds == cs && gap <= 24) inside = true;
      if (own_cue && !inside) break;
      bool chain = same_para && c->lead && !c->trail && ds == cs && gap <= 12;
      bool next_sent = same_para && d->sent_start && d->q.kind == 1 && ds == cs + 1;
      if (!(inside || chain || next_sent)) break;
      c->sp[c->nsp++] = (px__qrange){d->q.start, d->q.end};
      c->q.end = d->q.end;
      c->cend = d->cend > c->cend ? d->cend : c->cend;
      c->close_tok = d->close_tok;
      if (!chain) c->trail_end = d->close_tok;
      d->dead = true;
      j++;
    }
  }
  /* unattributed stand-alone quotes after an attributed one (next
   * paragraph, the continuation of a remark) take its speaker */
  for (size_t i = 1; i < nc; i++) {
    cand *d = &cv[i];
    if (d->dead || d->s.ok || d->q.kind != 1) continue;
    /* "Unless rivals quit, "it is very difficult to see ..."": after an
     * opening phrase with no cue and no person in it, in the sentence
     * right after the attributed quote of the same paragraph */
    bool opener = false;
    if (!d->sent_start && d->open_tok > 0 && d->open_tok < nt && punct_char(&w, d->open_tok - 1) == ',') {
      size_t s0 = sent_first_tok(&w, sent_of(&w, d->open_tok));
      opener = s0 + 1 < d->open_tok && d->open_tok - s0 <= 16;
      for (size_t k = s0; opener && k < d->open_tok; k++) {
        int32_t m = w.men ? w.men[k] : -1;
        if (is_qmark(&w, k) || (is_word(&w, k) && (w.cls[k] & (PX__CW_CUE | PX__CW_CUE_WEAK | PX__CW_PRONOUN))) ||
            (m >= 0 && ents && ents->ent[ents->men[m].entity].type != PX_ENT_PLACE))
          opener = false;
      }
    }
    if (!d->sent_start && !opener) continue;
    size_t j = i;
    while (j > 0 && cv[j - 1].dead) j--;
    if (j == 0) continue;
    cand *c = &cv[j - 1];
    /* (not words the sentence named as another's: "Obama likes to quote
     * King's comment that ... "...." / "Because times have been tough
     * ..."" goes on with Obama) */
    if (!c->s.ok || c->q.kind == 4 || c->q.kind == 5 || c->owned) continue;
    uint32_t cpara = c->close_tok > 0 ? tx->sent[sent_of(&w, c->close_tok - 1)].para : c->para;
    if (d->para > cpara + 1) continue;
    if (opener && (d->para != cpara || c->close_tok == 0 ||
                   sent_of(&w, d->open_tok) != sent_of(&w, (c->trail ? c->trail_end : c->close_tok) - 1) + 1))
      continue;
    if (c->q.kind == 1 && d->para == cpara + 1 && c->nsp < MAX_SPANS) {
      /* the remark goes on in the next paragraph: one quote */
      c->sp[c->nsp++] = (px__qrange){d->q.start, d->q.end};
      c->q.end = d->q.end;
      c->cend = d->cend > c->cend ? d->cend : c->cend;
      c->close_tok = d->close_tok;
      d->dead = true;
      continue;
    }
    d->s = c->s;
    d->q.cue_start = d->q.cue_end = 0;
  }

  /* indirect speech in the sentences without quotation marks, or with
   * only a title in them: "In an interview on CBS's "Face the Nation,"
   * Ryan said the city needed calm." */
  size_t nquoted = nc;
  w.ttl = px__arena_alloc(arena, nt + 1);
  if (!w.ttl) return PX_ENOMEM;
  memset(w.ttl, 0, nt);
  for (size_t i = 0; i < nquoted; i++) {
    if (cv[i].dead || !(cv[i].q.kind == 5 || cv[i].named)) continue;
    size_t k = cv[i].open_tok;
    while (k > 0 && is_qmark(&w, k - 1)) k--;
    for (; k < cv[i].close_tok && k < nt; k++) w.ttl[k] = 1;
  }
  for (size_t si = 0; si < tx->nsent; si++) {
    cand c;
    if (indirect_in(&w, si, &c)) cv[nc++] = c;
  }
  /* embedded posts, each a quote of the account's owner */
  cand *pv;
  size_t np;
  if ((rc = posts_in(&w, cv, nquoted, &pv, &np))) return rc;
  if (np) {
    cand *tmp = px__arena_alloc(arena, (nc + np) * sizeof *tmp);
    if (!tmp) return PX_ENOMEM;
    merge_runs(cv + nquoted, nc - nquoted, pv, np, tmp + nquoted);
    memcpy(tmp, cv, nquoted * sizeof *tmp);
    cv = tmp;
    nc += np;
  }
  if (nc > nquoted) {
    /* merge into text order: both runs are sorted */
    cand *tmp = px__arena_alloc(arena, nc * sizeof *tmp);
    if (!tmp) return PX_ENOMEM;
    merge_runs(cv, nquoted, cv + nquoted, nc - nquoted, tmp);
    cv = tmp;
    /* "Carter said that the region would not be abandoned. "That's
     * because ..."": a quote with no cue that opens the sentence right
     * after reported speech (in its paragraph, or opening the next) goes
     * on with the person who reported it */
    for (size_t i = 1; i < nc; i++) {
      cand *d = &cv[i];
      if (d->dead || d->s.ok || d->q.kind != 1 || !d->sent_start || d->heading) continue;
      cand *c = &cv[i - 1];
      if (c->dead || c->q.kind != 3 || !c->s.ok || c->close_tok == 0) continue;
      size_t cs = sent_of(&w, c->close_tok - 1), ds = sent_of(&w, d->open_tok);
      if (ds != cs + 1) continue;
      d->s = c->s;
      d->q.cue_start = d->q.cue_end = 0;
    }
  }

  /* 4. speakers to entities, and output */
  qbuild qb = {.arena = arena};
  int32_t last_person = -1, last_org = -1; /* entity of the last attribution */
  /* the speaker of the last attribution when a group named in the plural
   * ("Republicans", "officials"), and its sentence */
  uint32_t grp_start = 0, grp_end = 0;
  size_t grp_sent = SIZE_MAX;
  size_t last_attr_tok = 0;                 /* where the last attribution's quote began */
  /* gender of person entities, from what the text says of them */
  uint8_t *egender = NULL;
  /* names of unknown kind that have spoken: "Johnnie Wilson, of
   * Springfield, Va., said ...": a person for the pronouns after */
  uint8_t *spoke = NULL;
  if (ents) {
    egender = px__arena_alloc(arena, ents->nent + 1);
    spoke = px__arena_alloc(arena, ents->nent + 1);
    if (!egender || !spoke) return PX_ENOMEM;
    memset(spoke, 0, ents->nent + 1);
    entity_genders(&w, egender, spoke);
  }
  w.inrep = px__arena_alloc(arena, nt + 1);
  if (!w.inrep) return PX_ENOMEM;
  memset(w.inrep, 0, nt + 1);
  uint32_t last_para = 0;
  /* the last attribution was a pronoun of this gender, in this sentence */
  uint8_t last_pron = 0;
  size_t last_sent = SIZE_MAX;
  for (size_t i = 0; i < nc; i++) {
    cand *c = &cv[i];
    if (c->dead) continue;
    /* a player's label (a clip's title) is nobody's quote, and names no
     * speaker for the quotes after it */
    if (!(c->q.flags & PX__QS_POST) && c->open_tok < nt && furniture_sent(&w, sent_of(&w, c->open_tok)))
      continue;
    px__quote *q = &c->q;
    /* "before you respond "but Hillary,"", "you must acknowledge that":
     * the reader addressed reports nothing */
    if ((q->kind == 2 || q->kind == 3) && c->s.ok && c->s.men < 0 && c->s.end == c->s.start + 3 &&
        strncasecmp(w.p + c->s.start, "you", 3) == 0)
      continue;
    /* "Hong Kong's “one country, two systems” governance, which promised
     * the city ...": a thing's relative clause, its cue after the quoted
     * words, says what the thing did, not who said them */
    if (c->s.ok && c->s.men < 0 && c->s.nend == c->s.nstart && q->end <= c->s.start) {
      const px__token *st = TOK(&w, tok_from(&w, c->s.start));
      if (st->fold == w.qa->h_which && st->end == c->s.end) continue;
    }
    q->spk_start = q->spk_end = 0;
    q->name_start = q->name_end = 0;
    q->entity = -1;
    if (c->s.ok) caption_label(&w, c);
    if (c->s.ok && q->cue_end > q->cue_start) {
      spk qa_s = {0};
      if (quoted_as_saying(&w, tok_from(&w, q->cue_start), c, &qa_s)) c->s = qa_s;
    }
    if (c->s.ok) {
      q->spk_start = c->s.start;
      q->spk_end = c->s.end;
      if (c->s.men >= 0) {
        q->entity = (int32_t)ents->men[c->s.men].entity;
        q->name_start = ents->men[c->s.men].start;
        q->name_end = ents->men[c->s.men].end;
      } else if (c->s.nend > c->s.nstart) {
        q->name_start = c->s.nstart; /* "union leaders", for "who" */
        q->name_end = c->s.nend;
      } else if (c->s.pron && ents) {
        /* he/she: the most recent person in subject position since the
         * previous attribution, else that attribution's speaker, else the
         * most recent person named; skipping people of the other gender
         * when the text gave it (Mr., Mrs., Ms.).  "they" goes to the
         * previous organization speaker.  "I" and "we" stay unresolved:
         * in news they are the writer or a group. */
        int32_t e = -1;
        uint8_t g = c->s.pron;
        size_t cs = sent_of(&w, c->open_tok);
        if ((g == 1 || g == 2) && last_pron == g && last_person >= 0 && last_sent != SIZE_MAX &&
            cs <= last_sent + 1) {
          /* "He said he "respects" Grassley ... "I have ...," he said.": a
           * pronoun right after another of the same gender goes on with
           * that speaker, not to the person the first one spoke of */
          e = last_person;
        } else if (g == 1 || g == 2) {
          e = resolve_person(&w, egender, spoke, c, g, last_person, last_para, last_attr_tok);
          /* the pronoun tells the person's gender for later ones */
          if (e >= 0 && !egender[e]) egender[e] = g;
        }
        bool group = g == 3 && grp_end > grp_start && grp_sent != SIZE_MAX && cs <= grp_sent + 1 &&
                     TOK(&w, tok_from(&w, c->s.start))->fold == qa->h_they;
        if (group) {
          /* "Republicans said they ... They said": the group goes on */
          q->name_start = grp_start;
          q->name_end = grp_end;
          grp_sent = cs;
        } else if (g == 3 && last_org >= 0 && c->para <= last_para + 2) e = last_org;
        else if (g == 3) e = resolve_org(&w, spoke, c);
        /* "I" in a transcript's turn is the person the turn is labelled
         * with: "JOHN LEWIS: ... I said, "This is it."" */
        uint32_t ls = 0, le = 0;
        if (g == 4 && TOK(&w, tok_from(&w, c->s.start))->fold == qa->h_i &&
            turn_label(&w, tok_from(&w, c->s.start), &ls, &le)) {
          e = entity_named(&w, ls, le);
          if (e < 0) {
            q->spk_start = ls;
            q->spk_end = le;
          }
        }
        q->entity = e;
        if (e >= 0) {
          /* the latest mention of it before the pronoun names it */
          const px__entity *en = &ents->ent[e];
          for (size_t k = 0; k < en->count; k++) {
            const px__mention *mm = &ents->men[en->first + k];
            if (mm->start < c->s.start) {
              q->name_start = mm->start;
              q->name_end = mm->end;
            }
          }
        }
      }
      if (!(c->s.pron == 3 && q->entity < 0 && q->name_end == grp_end && grp_end > grp_start)) {
        /* a speaker named by one plural word, entity or not */
        uint32_t ns = q->name_end > q->name_start ? q->name_start : q->spk_start;
        uint32_t ne = q->name_end > q->name_start ? q->name_end : q->spk_end;
        grp_start = grp_end = 0;
        grp_sent = SIZE_MAX;
        bool named_one = q->entity >= 0 && ents->ent[q->entity].type != PX_ENT_OTHER; /* "Sanders" */
        /* "Republicans", "Some Democrats", "Other experts": a short phrase
         * whose last word is plural */
        if (!c->s.pron && !named_one && ne > ns + 3 && w.p[ne - 1] == 's' && w.p[ne - 2] != 's' &&
            w.p[ne - 2] != '\'' && w.p[ne - 2] != 'u' && tok_from(&w, ne) - tok_from(&w, ns) <= 3) {
          grp_start = ns;
          grp_end = ne;
          grp_sent = sent_of(&w, c->open_tok);
        }
      }
      if (q->entity >= 0 && !c->owned) {
        uint8_t ty = ents->ent[q->entity].type;
        if (ty == PX_ENT_OTHER && c->s.men >= 0 &&
            q->kind != 4 && q->kind != 5) {
          spoke[q->entity] |= EF_SPOKE;
          ty = PX_ENT_PERSON;
        }
        /* "as Katie reported ... she raised": a name a he or she stood
         * for is no organization for an "it" after it */
        if (c->s.men < 0 && (c->s.pron == 1 || c->s.pron == 2)) spoke[q->entity] |= EF_HUMAN;
        if (ty == PX_ENT_OTHER && (spoke[q->entity] & EF_HUMAN)) ty = PX_ENT_PERSON;
        if (ty == PX_ENT_PERSON) last_person = q->entity;
        else last_org = q->entity;
        last_para = c->para;
        last_attr_tok = c->open_tok;
        last_pron = c->s.men < 0 ? c->s.pron : 0;
        last_sent = sent_of(&w, c->open_tok);
      }
      if (q->kind == 2 || q->kind == 3) {
        /* the reported clause of a partial or indirect quote */
        uint32_t cs0 = c->cstart < q->start ? c->cstart : q->start;
        uint32_t ce0 = c->cend > q->end ? c->cend : q->end;
        for (size_t k = tok_from(&w, cs0); k < nt && TOK(&w, k)->start < ce0; k++) w.inrep[k] = 1;
      }
    }
    if (q->kind == 4 || q->kind == 5) {
      /* scare quotes and titles have no speaker */
      q->spk_start = q->spk_end = q->name_start = q->name_end = 0;
      q->entity = -1;
      q->cue_start = q->cue_end = 0;
    }
    if ((rc = grow(arena, (void **)&qb.q, &qb.capq, qb.nq, qb.nq + 1, sizeof *qb.q))) return rc;
    if ((rc = grow(arena, (void **)&qb.sp, &qb.capsp, qb.nsp, qb.nsp + (size_t)c->nsp, sizeof *qb.sp))) return rc;
    q->span_first = (uint32_t)qb.nsp;
    q->nspans = (uint16_t)c->nsp;
    for (int k = 0; k < c->nsp; k++) qb.sp[qb.nsp++] = c->sp[k];
    q->cstart = c->cstart < q->start ? c->cstart : q->start;
    q->cend = c->cend > q->end ? c->cend : q->end;
    qb.q[qb.nq++] = *q;
  }
  out->q = qb.q;
  out->nq = qb.nq;
  out->span = qb.sp;
  out->nspan = qb.nsp;
  return PX_OK;
}
