/*
 * discrep.c - the quantities of a sentence: a number (digits or words,
 * "4.5 million", "two") and the word saying what it counts ("dead",
 * "hours", "people"), money ("$") and percentages.  Times of day, dates,
 * years and identifiers count nothing and are left out.  The
 * comparison reports two members of one fact whose quantities share a unit
 * but not a value ("12 dead" / "14 dead", "two hours" / "three hours").
 */
#include "align/align.h"
#include <math.h>

#include <string.h>

static size_t lower(const px__text *tx, const px__token *t, char *buf, size_t cap) {
  size_t n = t->end - t->start;
  if (n >= cap) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = tx->body[t->start + i];
    buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  buf[n] = 0;
  return n;
}

static int month_of(const char *w, size_t n) {
  static const char *const m[] = {"january", "february", "march",     "april",
                                  "may",     "june",     "july",      "august",
                                  "september", "october", "november", "december"};
  for (int i = 0; i < 12; i++)
    if (n >= 3 && strlen(m[i]) >= n && memcmp(m[i], w, n) == 0 && (n == strlen(m[i]) || n == 3))
      return i + 1;
  return n == 4 && memcmp(w, "sept", 4) == 0 ? 9 : 0;
}

static bool day_of(const char *w, size_t n) {
  static const char *const d[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; i++)
    if (strlen(d[i]) == n && !memcmp(d[i], w, n)) return true;
  return false;
}

static bool word_is(const char *w, size_t n, const char *const *list, size_t nl);

/* The part of a day a sentence places its figures in: a market's open
 * ("at the open", "after the opening bell"), its close ("to close at",
 * "at the close"), midday, a figure held "briefly".  A count at the open
 * and one at the close are two counts.  ("Morning" or "afternoon" more
 * often dates the report: "the operator said on Wednesday afternoon".)
 * "Open" and "close" count only after "the", "at", "after", "before" or
 * "to" ("opened an inquiry" places nothing). */
static uint8_t session_of(const px__text *tx, size_t first, size_t last) {
  static const struct {
    const char *w;
    uint8_t bit;
  } s[] = {{"open", 1},  {"opening", 1}, {"close", 2},   {"closing", 2},
           {"midday", 4}, {"noon", 4},    {"briefly", 8}, {"intraday", 8}};
  static const char *const lead[] = {"the", "at", "after", "before", "to"};
  uint8_t m = 0;
  char w[16], pw[8];
  for (size_t k = first; k < last; k++) {
    if (tx->tok[k].kind != PX__TOK_WORD) continue;
    size_t n = lower(tx, &tx->tok[k], w, sizeof w);
    for (size_t i = 0; n && i < sizeof s / sizeof *s; i++) {
      if (strlen(s[i].w) != n || memcmp(s[i].w, w, n)) continue;
      if (s[i].bit <= 2) {
        size_t pn = k > first && tx->tok[k - 1].kind == PX__TOK_WORD ? lower(tx, &tx->tok[k - 1], pw, sizeof pw) : 0;
        if (!pn || !word_is(pw, pn, lead, sizeof lead / sizeof *lead)) continue;
      }
      m |= s[i].bit;
    }
  }
  return m;
}

/* Words between a number and what it counts that do not change the unit. */
static bool skippable(const char *w, size_t n) {
  static const char *const s[] = {"more", "other", "additional", "of", "the", "further",
                                  "extra", "some", "about", "nearly", "almost"};
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
    if (strlen(s[i]) == n && memcmp(s[i], w, n) == 0) return true;
  return false;
}

/* How the words before token i bound the number it begins: "more than",
 * "over" (a floor; "at least" is one too, see at_least); "fewer than",
 * "less than", "up to", "under" (a ceiling); "about", "around",
 * "roughly", "some" (within 2 %: *about is set); "nearly", "almost",
 * "close to" (up to 10 % below).  Sets *lo and *hi from v. */
static void bounds_of(const px__text *tx, size_t first, size_t i, double v, double *lo, double *hi,
                      uint8_t *about) {
  char w1[16] = "", w2[16] = "";
  if (i > first && tx->tok[i - 1].kind == PX__TOK_WORD) lower(tx, &tx->tok[i - 1], w1, sizeof w1);
  if (i > first + 1 && tx->tok[i - 2].kind == PX__TOK_WORD) lower(tx, &tx->tok[i - 2], w2, sizeof w2);
  *lo = *hi = v;
  /* "10 to 15 years", "between 20 and 30", "two or three": a range */
  if ((!strcmp(w1, "to") || !strcmp(w1, "and") || !strcmp(w1, "or")) && i > first + 1) {
    const px__token *a = &tx->tok[i - 2];
    double u = -1;
    if (a->kind == PX__TOK_NUMBER && px__parse_number(tx->body + a->start, a->end - a->start, &u)) {
    } else if (a->kind == PX__TOK_WORD) {
      char wa[16];
      size_t n = lower(tx, a, wa, sizeof wa);
      u = n ? px__number_word(wa, n) : -1;
    }
    if (u > 0 && u < v) {
      *lo = u;
      return;
    }
  }
  if (!strcmp(w1, "than") || !strcmp(w1, "to")) {
    const char *b = w2;
    if (!strcmp(w1, "than") && (!strcmp(b, "more") || !strcmp(b, "greater") || !strcmp(b, "higher")))
      *hi = 1e300;
    else if (!strcmp(w1, "than") && (!strcmp(b, "fewer") || !strcmp(b, "less") || !strcmp(b, "lower")))
      *lo = 0;
    else if (!strcmp(w1, "to") && !strcmp(b, "up"))
      *lo = 0;
    else if (!strcmp(w1, "to") && !strcmp(b, "close"))
      *lo = v * 0.9;
    return;
  }
  if (!strcmp(w1, "as") && !strcmp(w2, "many")) { /* "as many as 31": a ceiling */
    *lo = 0;
    return;
  }
  if (!strcmp(w1, "over") || !strcmp(w1, "exceeding") || !strcmp(w1, "upwards")) *hi = 1e300;
  else if (!strcmp(w1, "under") || !strcmp(w1, "below")) *lo = 0;
  else if (!strcmp(w1, "about") || !strcmp(w1, "around") || !strcmp(w1, "roughly") ||
           !strcmp(w1, "approximately") || !strcmp(w1, "some") || !strcmp(w1, "circa") ||
           !strcmp(w1, "estimated"))
    *lo = v * 0.98, *hi = v * 1.02, *about = 1;
  else if (!strcmp(w1, "nearly") || !strcmp(w1, "almost"))
    *lo = v * 0.9;
}

/* Is q a round figure as written: its last written digit a zero ("1,700",
 * "roughly 20"; not "23 million", "1,754")? */
static bool round_as_written(const px__qty *q) {
  double units = q->prec > 0 ? q->value / q->prec : q->value;
  return units >= 10 && fabs(fmod(units, 10)) < 1e-9;
}

bool px__qty_compatible(const px__qty *a, const px__qty *b) {
  double x = a->value, y = b->value;
  if (x == y) return true;
  /* A hedged round figure and an exact one it rounds ("about 1,700 votes"
   * / "1,754 votes", "roughly 20" / "21"), within 5 %.  Two round figures
   * ("some 120,000" / "about 125,000") are two estimates, and differ. */
  for (int k = 0; k < 2; k++) {
    const px__qty *h = k ? b : a, *e = k ? a : b;
    if (h->about && round_as_written(h) && !round_as_written(e) &&
        fabs(h->value - e->value) <= 0.05 * h->value * (1 + 1e-9))
      return true;
  }
  /* one figure written with less precision: "52%" / "52.4%" */
  double d = x > y ? x - y : y - x;
  if (d < 0.5 && (x == trunc(x) || y == trunc(y))) return true;
  /* one rounded or cut to fewer digits: "24.67%" / "24.7%", "$4.875
   * trillion" / "$4.8 trillion" */
  double p = a->prec > b->prec ? a->prec : b->prec, coarse = a->prec > b->prec ? x : y,
         fine = a->prec > b->prec ? y : x;
  if (p > 0 && (d <= p / 2 * (1 + 1e-9) || fabs(trunc(fine / p + 1e-9) * p - coarse) <= p * 1e-6))
    return true;
  return a->lo <= b->hi && b->lo <= a->hi;
}

/* ------------------------------------------------ what a figure counts */

/* A token that ends a clause: , ; : ( ) and dashes set apart. */
static bool clause_break(const px__text *tx, const px__token *t) {
  if (t->kind != PX__TOK_PUNCT && t->kind != PX__TOK_SYMBOL) return false;
  const unsigned char *p = (const unsigned char *)tx->body + t->start;
  size_t n = t->end - t->start;
  if (n == 1) return p[0] == ',' || p[0] == ';' || p[0] == ':' || p[0] == '(' || p[0] == ')';
  return n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94); /* – — */
}

static bool is_year(const px__text *tx, const px__token *t) {
  if (t->kind != PX__TOK_NUMBER || t->end - t->start != 4) return false;
  double v;
  if (!px__parse_number(tx->body + t->start, 4, &v)) return false;
  return v >= 1900 && v <= 2100 && v == (int)v;
}

/* A day of the month written in digits: "8", "13". */
static bool day_number(const px__text *tx, const px__token *t) {
  double v;
  if (t->kind != PX__TOK_NUMBER || t->end - t->start > 2) return false;
  return px__parse_number(tx->body + t->start, t->end - t->start, &v) && v >= 1 && v <= 31 && v == (int)v;
}

static bool word_is(const char *w, size_t n, const char *const *list, size_t nl) {
  for (size_t i = 0; i < nl; i++)
    if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0) return true;
  return false;
}

/* Does token i (in [first, last)) say its clause is about another time
 * than the event: a year ("in 2010", "the 2019 floods"), "last year",
 * "previous", "ago", "in May", "a May attack"? */
static bool time_marker(const px__text *tx, size_t first, size_t last, size_t i) {
  static const char *const other[] = {"ago", "previous", "previously", "prior", "former", "formerly"};
  static const char *const period[] = {"year",   "years",  "month",  "months", "week",
                                       "decade", "century", "summer", "winter", "spring",
                                       "autumn", "fall",   "season", "time"};
  /* "in May", "since March"; "a May attack", "the March vote": an event
   * dated by its month */
  static const char *const before_month[] = {"in", "since", "until", "from", "by", "last", "a", "an", "the"};
  const px__token *t = &tx->tok[i];
  if (is_year(tx, t)) return true;
  if (t->kind != PX__TOK_WORD) return false;
  char w[16], nw[16];
  size_t n = lower(tx, t, w, sizeof w);
  if (!n) return false;
  if (word_is(w, n, other, sizeof other / sizeof other[0])) return true;
  if (n == 4 && !memcmp(w, "last", 4) && i + 1 < last && tx->tok[i + 1].kind == PX__TOK_WORD) {
    size_t m = lower(tx, &tx->tok[i + 1], nw, sizeof nw);
    if (m && word_is(nw, m, period, sizeof period / sizeof period[0])) return true;
  }
  if ((t->flags & PX__TF_CAP) && month_of(w, n) && i > first && tx->tok[i - 1].kind == PX__TOK_WORD) {
    size_t m = lower(tx, &tx->tok[i - 1], nw, sizeof nw);
    if (m && word_is(nw, m, before_month, sizeof before_month / sizeof before_month[0])) return true;
  }
  /* A date of month and day ("on March 8", "by Oct. 1", "13 September"):
   * news names the days of the week it reports ("on Sunday") and dates
   * the figures of other events, earlier or planned. */
  if ((t->flags & PX__TF_CAP) && month_of(w, n)) {
    size_t k = i + 1;
    if (k < last && tx->tok[k].kind == PX__TOK_PUNCT && tx->body[tx->tok[k].start] == '.') k++;
    if (k < last && day_number(tx, &tx->tok[k])) return true;
    if (i > first && day_number(tx, &tx->tok[i - 1])) return true;
  }
  return false;
}

/* Is the word after token k word (lower case)? */
static bool word_after_is(const px__text *tx, size_t last, size_t k, const char *word) {
  char w[16];
  if (k + 1 >= last || tx->tok[k + 1].kind != PX__TOK_WORD) return false;
  size_t n = lower(tx, &tx->tok[k + 1], w, sizeof w);
  return n == strlen(word) && !memcmp(w, word, n);
}

/* Do the words between the number at token i and its unit at token u
 * make a streak: "24 straight months", "five consecutive days"? */
static bool streak(const px__text *tx, size_t i, size_t u) {
  static const char *const s[] = {"straight", "consecutive", "successive", "running"};
  char w[16];
  for (size_t k = i + 1; k < u; k++) {
    size_t n = tx->tok[k].kind == PX__TOK_WORD ? lower(tx, &tx->tok[k], w, sizeof w) : 0;
    if (n && word_is(w, n, s, sizeof s / sizeof s[0])) return true;
  }
  return false;
}

/* Does "or less", "or more", "or fewer", "or longer" ... follow the unit at
 * token u? */
static bool or_bound(const px__text *tx, size_t last, size_t u) {
  static const char *const b[] = {"less",   "more",   "fewer",   "longer", "shorter", "older",
                                  "younger", "higher", "lower",   "greater", "above",  "below",
                                  "over",   "under",  "later",   "earlier", "up",     "beyond"};
  char w[16];
  /* one word may stand between: "at 20 weeks gestation and later" */
  for (size_t k = u + 1; k + 1 < last && k <= u + 2; k++) {
    if (tx->tok[k].kind != PX__TOK_WORD || tx->tok[k + 1].kind != PX__TOK_WORD) return false;
    size_t n = lower(tx, &tx->tok[k], w, sizeof w);
    if (!((n == 2 && !memcmp(w, "or", 2)) || (n == 3 && !memcmp(w, "and", 3)))) continue;
    n = lower(tx, &tx->tok[k + 1], w, sizeof w);
    /* "28,000 meals and more than 1,500 gallons": another figure */
    if (k + 2 < last && tx->tok[k + 2].kind == PX__TOK_WORD) {
      char t[8];
      size_t m = lower(tx, &tx->tok[k + 2], t, sizeof t);
      if (m == 4 && !memcmp(t, "than", 4)) return false;
    }
    if (k + 2 < last && tx->tok[k + 2].kind == PX__TOK_NUMBER) return false;
    return n && word_is(w, n, b, sizeof b / sizeof b[0]);
  }
  return false;
}

/* What a sum or a count is per, when its clause says: "$5,000 to a
 * candidate per election cycle", "$2,500 each", "debate each night",
 * "$80 billion a year" (a rate counts per its denominator, and two rates
 * are one figure only per the same one).  The words from token k on, to
 * the clause's end, six at most: a hash to fold into the unit, 0 when
 * none. */
static bool time_unit(const char *w, size_t n);
static uint64_t per_of(const px__text *tx, size_t last, size_t k) {
  char w[16];
  if (k < last && tx->tok[k].kind == PX__TOK_WORD) {
    size_t n = lower(tx, &tx->tok[k], w, sizeof w);
    if ((n == 4 && !memcmp(w, "each", 4)) || (n == 6 && !memcmp(w, "apiece", 6)))
      return px__word_hash("#each", 5);
  }
  for (size_t e = k; e < last && e < k + 6 && !clause_break(tx, &tx->tok[e]); e++) {
    if (tx->tok[e].kind != PX__TOK_WORD) continue;
    size_t n = lower(tx, &tx->tok[e], w, sizeof w);
    /* "Ten candidates will debate each night": each or every span of
     * time, as "per" (not "joined with every member of ...") */
    if (e > k && ((n == 4 && !memcmp(w, "each", 4)) || (n == 5 && !memcmp(w, "every", 5))) && e + 1 < last &&
        tx->tok[e + 1].kind == PX__TOK_WORD && tx->tok[e + 1].stem) {
      char u[16];
      size_t un = lower(tx, &tx->tok[e + 1], u, sizeof u);
      if (un && (time_unit(u, un) || (un == 5 && !memcmp(u, "night", 5)) || (un == 6 && !memcmp(u, "nights", 6))))
        return px__word_hash("#per", 4) ^ tx->tok[e + 1].stem;
    }
    if (!(n == 3 && !memcmp(w, "per", 3))) continue;
    size_t d = e + 1;
    while (d < last && tx->tok[d].kind == PX__TOK_WORD && (n = lower(tx, &tx->tok[d], w, sizeof w)) &&
           ((n == 1 && w[0] == 'a') || (n == 2 && !memcmp(w, "an", 2)) || (n == 3 && !memcmp(w, "the", 3))))
      d++;
    if (d < last && tx->tok[d].kind == PX__TOK_WORD) return px__word_hash("#per", 4) ^ tx->tok[d].stem;
    return 0;
  }
  return 0;
}

/* Units of time: "years", "a day", "hours". */
static bool time_unit(const char *w, size_t n) {
  static const char *const u[] = {"year",  "years",  "month",  "months", "week",   "weeks",
                                  "day",   "days",   "hour",   "hours",  "minute", "minutes",
                                  "second", "seconds", "decade", "decades", "daily", "annually",
                                  "weekly", "monthly", "yearly", "annual", "century", "centuries"};
  return word_is(w, n, u, sizeof u / sizeof u[0]);
}

/* The stem a clause word contributes to a figure's context: words of a
 * death toll ("killed", "dead", "deaths", "toll", "murders", "slain") are one, and so are
 * words of injury; reporting verbs carry nothing. */
static uint64_t context_stem(const px__text *tx, size_t first, size_t k) {
  const px__token *t = &tx->tok[k];
  /* reporting verbs, and the words of units written in two ("basis
   * points", "per cent") that every figure of the unit shares */
  static const char *const report[] = {"said",  "say",     "says",       "told",    "tell",
                                       "according", "added", "stated",   "reported", "announced",
                                       "point", "points",  "percent",    "percentage", "cent",
                                       "per", "old", "olds", "aged", "later", "after", "before",
                                       "earlier", "afterward", "afterwards"};
  if (t->kind != PX__TOK_WORD || (t->flags & PX__TF_STOP) || !t->stem) return 0;
  char w[24];
  size_t n = lower(tx, t, w, sizeof w);
  if (!n) return t->stem;
  if (word_is(w, n, report, sizeof report / sizeof report[0])) return 0;
  if (px__number_word(w, n) >= 0) return 0;
  /* "over 10 years", "a day": a span or a rate, said of many figures */
  if (time_unit(w, n)) return 0;
  if (!strncmp(w, "kill", 4) || !strncmp(w, "dead", 4) || !strncmp(w, "death", 5) ||
      !strcmp(w, "die") || !strcmp(w, "died") || !strcmp(w, "dies") || !strcmp(w, "dying") ||
      !strcmp(w, "toll") || !strncmp(w, "fatal", 5) || !strcmp(w, "lives") || !strncmp(w, "murder", 6) ||
      !strcmp(w, "slain") || !strncmp(w, "slaying", 7))
    return px__word_hash("#death", 6);
  char pw[16];
  size_t pn = k > first && tx->tok[k - 1].kind == PX__TOK_WORD ? lower(tx, &tx->tok[k - 1], pw, sizeof pw) : 0;
  if (!strncmp(w, "injur", 5) || !strncmp(w, "wound", 5) || !strcmp(w, "hurt") ||
      !strncmp(w, "hospital", 8) || !strcmp(w, "treated") ||
      (!strcmp(w, "aid") && pn == 5 && !memcmp(pw, "first", 5)))
    return px__word_hash("#injury", 7);
  /* a storm's winds are not its speed of travel ("moving at 5 mph, with
   * maximum sustained winds of 65 mph") */
  if (!strncmp(w, "wind", 4) || !strncmp(w, "gust", 4)) return px__word_hash("#wind", 5);
  return t->stem;
}

/* A span of time that starts at token k: "last", "past", "next", "over"
 * or "within", then up to "the" and a number, then a unit of time ("in
 * the last 29 months", "over the next decade").  The unit's stem; 0 when
 * none starts there. */
static uint64_t span_at(const px__text *tx, size_t last, size_t k) {
  static const char *const open[] = {"last", "past", "next", "over", "within", "coming"};
  char w[16];
  if (tx->tok[k].kind != PX__TOK_WORD) return 0;
  size_t n = lower(tx, &tx->tok[k], w, sizeof w);
  if (!n || !word_is(w, n, open, sizeof open / sizeof *open)) return 0;
  for (size_t j = k + 1; j < last && j <= k + 4; j++) {
    const px__token *t = &tx->tok[j];
    if (t->kind == PX__TOK_NUMBER) continue;
    if (t->kind != PX__TOK_WORD) return 0;
    n = lower(tx, t, w, sizeof w);
    if (!n) return 0;
    if (time_unit(w, n)) return t->stem;
    if (!strcmp(w, "the") || !strcmp(w, "next") || !strcmp(w, "past") || !strcmp(w, "last") ||
        px__number_word(w, n) >= 0)
      continue;
    return 0;
  }
  return 0;
}

/* Fill q's clause context: tokens [i0, i1] are the figure and its unit;
 * the clause runs out from them to the nearest clause break.  lead_time:
 * the sentence opens on another time ("In 2010, ..."), which holds for
 * all its clauses. */
static void clause_context(const px__text *tx, size_t first, size_t last, size_t i0, size_t i1,
                           bool lead_time, px__qty *q) {
  size_t lo = i0, hi = i1 + 1;
  while (lo > first && !clause_break(tx, &tx->tok[lo - 1])) lo--;
  while (hi < last && !clause_break(tx, &tx->tok[hi])) hi++;
  q->nctx = 0;
  q->other_time = lead_time;
  char uw[24];
  size_t un = q->uend > q->ustart && q->uend - q->ustart < sizeof uw ? q->uend - q->ustart : 0;
  for (size_t x = 0; x < un; x++) uw[x] = tx->body[q->ustart + x];
  bool age = un >= 7 && memcmp(uw + un - 3, "old", 3) == 0;
  q->nnames = 0;
  q->span = 0;
  /* which way the clause says the figure went: "fell 2,352 points" and
   * "closed 1,985 points higher" are two days' moves, not one */
  static const char *const up[] = {"rose",   "rise",    "rises",  "gained",  "gains",     "soared", "jumped",
                                   "climbed", "surged", "rallied", "higher", "added", "increased", "grew"};
  static const char *const down[] = {"fell",  "fall",     "falls",     "dropped", "lost",  "plunged",
                                     "plummeted", "tumbled", "sank", "slid",   "lower", "declined",
                                     "decreased", "shed",    "slumped",   "shrank"};
  bool went_up = false, went_down = false;
  for (size_t k = lo; k < hi; k++) {
    if (tx->tok[k].kind != PX__TOK_WORD || (tx->tok[k].flags & PX__TF_CAP)) continue;
    char w[16];
    size_t n = lower(tx, &tx->tok[k], w, sizeof w);
    if (!n) continue;
    went_up |= word_is(w, n, up, sizeof up / sizeof *up);
    went_down |= word_is(w, n, down, sizeof down / sizeof *down);
  }
  q->dir = went_up == went_down ? 0 : went_up ? 1 : -1;
  for (size_t k = lo; k < hi; k++) {
    if (!q->span) q->span = span_at(tx, hi, k);
    if (time_marker(tx, first, last, k)) q->other_time = 1;
    const px__token *t = &tx->tok[k];
    if (t->kind != PX__TOK_WORD || !(t->flags & PX__TF_CAP) || (t->flags & (PX__TF_SENT_START | PX__TF_STOP)))
      continue;
    char w[16];
    size_t n = lower(tx, t, w, sizeof w);
    if (n && (month_of(w, n) || day_of(w, n))) continue;
    bool dup = false;
    for (uint8_t x = 0; x < q->nnames && !dup; x++) dup = q->names[x] == t->fold;
    if (!dup && q->nnames < 4) q->names[q->nnames++] = t->fold;
  }
  /* Nearest words first, alternating sides. */
  size_t b = i0, a = i1 + 1;
  uint8_t cap = age ? 1 : PX__QTY_CTX; /* an age: the nearest name */
  while ((b > lo || a < hi) && q->nctx < cap) {
    for (int side = 0; side < 2 && q->nctx < cap; side++) {
      size_t k;
      if (side == 0) {
        if (b <= lo) continue;
        k = --b;
      } else {
        if (a >= hi) continue;
        k = a++;
      }
      /* an age is one person's: only a name says whose */
      if (age && (!(tx->tok[k].flags & PX__TF_CAP) || (tx->tok[k].flags & PX__TF_SENT_START))) continue;
      uint64_t h = context_stem(tx, first, k);
      if (!h || h == q->unit) continue;
      bool dup = false;
      for (uint8_t x = 0; x < q->nctx && !dup; x++) dup = q->ctx[x] == h;
      if (!dup) q->ctx[q->nctx++] = h;
    }
  }
}

/* Does the sentence open on another time ("In 2010, a magnitude 8.8 quake
 * ...", "Last year, ...", "For Richard Nixon in 1974, ...") or forecast,
 * which puts all its clauses in a time to come ("officials were forecasting a turnout rate of 65 percent --
 * between 2.6 million to 2.8 million voters")? */
/* Does the sentence say its figures sum up: "In all, about 300 groups were
 * singled out", "In total, since the shooting, 17 people have been
 * killed", "to date", "all told"?  A total and the count of one event or
 * one part ("75 groups were singled out using words like ...", "12 people
 * dead" at the magazine) are two counts.  ("So far" is no such sign: "So
 * far, Obama has ... granted only ten commutations" and "Obama has granted
 * ... nine commutations" count alike.) */
static bool total_of(const px__text *tx, size_t first, size_t last) {
  char w[8], x[8];
  for (size_t k = first; k + 1 < last; k++) {
    if (tx->tok[k].kind != PX__TOK_WORD || tx->tok[k + 1].kind != PX__TOK_WORD) continue;
    size_t n = lower(tx, &tx->tok[k], w, sizeof w), m = lower(tx, &tx->tok[k + 1], x, sizeof x);
    if (!n || !m) continue;
    if ((!strcmp(w, "to") && !strcmp(x, "date")) ||
        (!strcmp(w, "all") && !strcmp(x, "told")) || (!strcmp(w, "in") && !strcmp(x, "total")))
      return true;
    /* "In all, ..." (not "in all 50 states") */
    if (!strcmp(w, "in") && !strcmp(x, "all") && k + 2 < last && tx->tok[k + 2].kind == PX__TOK_PUNCT &&
        tx->body[tx->tok[k + 2].start] == ',')
      return true;
  }
  return false;
}

static bool lead_time_of(const px__text *tx, size_t first, size_t last) {
  /* "As we reported last February, ...": figures of an earlier report */
  static const char *const open[] = {"in", "since", "during", "back", "last", "until", "before", "as", "for"};
  static const char *const fore[] = {"forecast",   "forecasts", "forecasting", "forecasted",
                                     "predict",    "predicts",  "predicted",   "predicting"};
  char w[16];
  for (size_t k = first; k < last; k++) {
    if (tx->tok[k].kind != PX__TOK_WORD) continue;
    size_t m = lower(tx, &tx->tok[k], w, sizeof w);
    if (m && word_is(w, m, fore, sizeof fore / sizeof fore[0])) return true;
  }
  if (first >= last || tx->tok[first].kind != PX__TOK_WORD) return false;
  size_t n = lower(tx, &tx->tok[first], w, sizeof w);
  if (!n || !word_is(w, n, open, sizeof open / sizeof open[0])) return false;
  /* "As of March 8" dates the count itself */
  if (n == 2 && !memcmp(w, "as", 2) && first + 1 < last && tx->tok[first + 1].kind == PX__TOK_WORD &&
      lower(tx, &tx->tok[first + 1], w, sizeof w) == 2 && !memcmp(w, "of", 2))
    return false;
  for (size_t k = first; k < last && !clause_break(tx, &tx->tok[k]); k++)
    if (time_marker(tx, first, last, k)) return true;
  return false;
}

/* Units that measure rather than name what is counted. */
static bool is_measure(const char *w, size_t n) {
  static const char *const m[] = {
      "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
      "minute", "minutes", "second", "seconds", "decade", "decades", "time", "times",
      "point", "points", "percentage", "percentage-point", "percentage-points", "per",
      "year-old", "years-old", "year-long", "day-long", "hour-long", "minute-long",
      "mile", "miles", "kilometers", "kilometres", "km", "feet", "foot", "meters", "metres",
      "pounds", "kilograms", "kg", "degrees", "inches", "acres", "hectares"};
  for (size_t i = 0; i < sizeof m / sizeof *m; i++)
    if (strlen(m[i]) == n && memcmp(m[i], w, n) == 0) return true;
  return false;
}

bool px__qty_comparable(const px__qty *a, const px__qty *b) {
  if (a->unit != b->unit || a->other_time || b->other_time) return false;
  /* "€3 billion" / "$6.7 billion": two currencies, two sums */
  if (a->currency != b->currency) return false;
  /* a total and one event's count ("In all, about 300 groups" / "75 groups
   * were singled out using words like ...") */
  if (a->total != b->total) return false;
  if (a->dir && b->dir && a->dir != b->dir) return false; /* a rise and a fall */
  /* A share is a share of something: two are set against each other only
   * when both say of what in the same words ("12% of voters" / "15% of
   * voters"; not "44% of Republicans" / "41 percent said ..."), or, naming
   * it in neither, their clauses share three words ("Turnout in the
   * mayoral vote was 38%" / "Turnout in the mayoral vote was about 41%"). */
  if (a->unit == px__word_hash("%", 1)) {
    if (a->base != b->base) return false;
    /* of the same people, said of two things: "91 percent of DACA
     * recipients are employed" / "25 percent of DACA recipients have
     * US-born children" */
    if (a->said_of && b->said_of && a->said_of != b->said_of) return false;
    /* shares that make up the whole: "70% of the West Bank" under the
     * plan's control, "30%" given up */
    if (fabs(a->value + b->value - 100) < 0.5 && a->value != b->value) return false;
    if (!a->base) {
      int shared = 0;
      for (uint8_t i = 0; i < a->nctx; i++)
        for (uint8_t j = 0; j < b->nctx; j++) shared += a->ctx[i] == b->ctx[j];
      if (shared < 3) return false;
    }
  }
  /* Two parts of a day ("lost 1,255 points ... after briefly" / "to
   * close 2,013 points down"), or one part and a figure not placed in
   * the day: not known to be one count. */
  if ((a->session || b->session) && !(a->session & b->session)) return false;
  /* Counts over a span of time: over the same span ("$400 billion over
   * the next decade" / "$371 billion over the next decade"; not "4.5
   * million jobs in the last 29 months" / "12 million jobs"). */
  if (a->span != b->span) return false;
  /* Both clauses name someone and share no name: two actors' figures
   * ("Hickenlooper received 7% of the vote" / "a poll showed Warren with
   * 21% of the vote"). */
  if (a->nnames && b->nnames) {
    bool share = false;
    for (uint8_t i = 0; i < a->nnames && !share; i++)
      for (uint8_t j = 0; j < b->nnames && !share; j++) share = a->names[i] == b->names[j];
    if (!share) return false;
  }
  /* nothing says they count different things -- but "17 years" alone
   * may be an age, a term or a sentence */
  if (!a->nctx || !b->nctx) return !a->measure && !b->measure;
  /* "44 people have died" / "20 people may have caught the virus": a
   * toll is set against a toll, injuries against injuries, winds against
   * winds */
  static const char *const cls[] = {"#death", "#injury", "#wind"};
  for (size_t c = 0; c < sizeof cls / sizeof *cls; c++) {
    uint64_t h = px__word_hash(cls[c], strlen(cls[c]));
    bool ia = false, ib = false;
    for (uint8_t i = 0; i < a->nctx; i++) ia |= a->ctx[i] == h;
    for (uint8_t j = 0; j < b->nctx; j++) ib |= b->ctx[j] == h;
    if (ia != ib) return false;
  }
  for (uint8_t i = 0; i < a->nctx; i++)
    for (uint8_t j = 0; j < b->nctx; j++)
      if (a->ctx[i] == b->ctx[j]) return true;
  return false;
}

/* Words after a figure that make it part of a count: "three other
 * Americans", "four more boys", "eight of the boys". */
static bool partial(const char *w, size_t n) {
  static const char *const p[] = {"more",  "other", "additional", "of",   "further",
                                  "extra", "remaining", "fewer", "less"};
  return word_is(w, n, p, sizeof p / sizeof p[0]);
}

/* Does the word before token i pick the figure out of a series: "the
 * first two explosions", "the last seven contests", "the other three"? */
static bool selects(const px__text *tx, size_t first, size_t i) {
  static const char *const s[] = {"first", "last",    "final",   "other",  "remaining", "next",
                                  "past",  "initial", "latest",  "top",    "previous",  "another"};
  char w[16];
  if (i <= first || tx->tok[i - 1].kind != PX__TOK_WORD) return false;
  size_t n = lower(tx, &tx->tok[i - 1], w, sizeof w);
  return n && word_is(w, n, s, sizeof s / sizeof s[0]);
}

/* "the United States and five world powers", "Iran plus six nations": a
 * count after a name and "and" or "plus" counts the others, not the
 * whole another outlet may give ("six world powers"). */
static bool beside_name(const px__text *tx, size_t first, size_t i) {
  char w[8];
  if (i < first + 2 || tx->tok[i - 1].kind != PX__TOK_WORD) return false;
  size_t n = lower(tx, &tx->tok[i - 1], w, sizeof w);
  if (!(n == 3 && !strcmp(w, "and")) && !(n == 4 && !strcmp(w, "plus"))) return false;
  const px__token *b = &tx->tok[i - 2];
  return b->kind == PX__TOK_WORD && (b->flags & PX__TF_CAP) && !(b->flags & PX__TF_SENT_START);
}

/* Does the clause of the figure (tokens i .. u) say it is needed, asked
 * for, aimed at or threatened ("should receive 42 months", "threatened to
 * retaliate with tariffs on $60 billion", "her magic number of 2,383
 * delegates"), or only
 * possible: "the 270 votes he needs", "it takes 60 votes", "the 60-vote threshold", "needing
 * at least 10 percent", "likely to sway at least four Republicans",
 * "could reach 3,000", "possible storm surges of up to 7 feet"?  Or is
 * its sentence a condition: "if she were a man, she would not get 5
 * percent"?  Such a figure is what it takes or
 * what may be, not a count an outlet reports. */
static bool needed(const px__text *tx, size_t first, size_t last, size_t i, size_t u) {
  static const char *const s[] = {"need",       "needs",       "needed",     "needing",    "threshold",
                                  "require",    "requires",    "required",   "must",       "might",
                                  "could",      "possible",    "potential",  "should",     "threat",
                                  "threaten",   "threatens",   "threatened", "magic"};
  static const char *const cond[] = {"if", "unless"};
  size_t lo = i, hi = u + 1;
  while (lo > first && !clause_break(tx, &tx->tok[lo - 1])) lo--;
  while (hi < last && !clause_break(tx, &tx->tok[hi])) hi++;
  char w[16];
  for (size_t k = first; k < last; k++) {
    if (tx->tok[k].kind != PX__TOK_WORD) continue;
    size_t n = lower(tx, &tx->tok[k], w, sizeof w);
    if (!n) continue;
    if (k >= lo && k < hi && word_is(w, n, s, sizeof s / sizeof s[0])) return true;
    /* "it takes 60 votes", "changes like this take 67 votes"; not "take
     * place in ten states" */
    if (k < i && k + 3 >= i && ((n == 4 && !memcmp(w, "take", 4)) || (n == 5 && !memcmp(w, "takes", 5))))
      return true;
    /* "likely to sway", not "likely voters" */
    char nx[4];
    if (k >= lo && k + 1 < hi && n == 6 && !memcmp(w, "likely", 6) && tx->tok[k + 1].kind == PX__TOK_WORD &&
        lower(tx, &tx->tok[k + 1], nx, sizeof nx) == 2 && !memcmp(nx, "to", 2))
      return true;
    if (word_is(w, n, cond, sizeof cond / sizeof cond[0])) return true;
  }
  return false;
}

/* Is the figure whose unit is token u a distance that places something:
 * "20 miles north of Austin", "7 miles away from the cave"? */
static bool place(const px__text *tx, size_t last, size_t u) {
  static const char *const d[] = {"mile", "miles", "kilometers", "kilometres", "km", "feet", "meters", "metres"};
  static const char *const w2[] = {"from", "away", "off", "outside", "of", "into", "inland", "offshore", "apart", "beyond"};
  char w[24];
  size_t n = lower(tx, &tx->tok[u], w, sizeof w);
  if (!n || !word_is(w, n, d, sizeof d / sizeof d[0]) || u + 1 >= last || tx->tok[u + 1].kind != PX__TOK_WORD)
    return false;
  n = lower(tx, &tx->tok[u + 1], w, sizeof w);
  if (!n) return false;
  /* "to 38,000 feet from 32,000 feet": a change, not a place */
  if (!strcmp(w, "from") && u + 2 < last && tx->tok[u + 2].kind == PX__TOK_NUMBER) return false;
  if (word_is(w, n, w2, sizeof w2 / sizeof w2[0])) return true;
  return !strncmp(w, "north", 5) || !strncmp(w, "south", 5) || !strncmp(w, "east", 4) || !strncmp(w, "west", 4);
}

/* "48 - 42 percent", "5 to 10 percent": the first figure of the pair is
 * a percentage too.  Token j follows the first figure. */
static bool range_to_percent(const px__text *tx, size_t last, size_t j) {
  if (j + 1 >= last) return false;
  const px__token *t = &tx->tok[j], *n = &tx->tok[j + 1];
  char w[8];
  bool link = (t->kind == PX__TOK_WORD && lower(tx, t, w, sizeof w) == 2 && !strcmp(w, "to")) ||
              ((t->kind == PX__TOK_PUNCT || t->kind == PX__TOK_SYMBOL) &&
               (tx->body[t->start] == '-' || (t->end - t->start == 3 && (unsigned char)tx->body[t->start] == 0xE2)));
  if (!link || n->kind != PX__TOK_NUMBER) return false;
  if (tx->body[n->end - 1] == '%') return true;
  return j + 2 < last && tx->tok[j + 2].kind == PX__TOK_WORD && lower(tx, &tx->tok[j + 2], w, sizeof w) == 7 &&
         !strcmp(w, "percent");
}

/* Does the figure whose unit ends at token k-1 count per unit of time:
 * "500,000 people a day", "$80 billion per year", "each week"? */
static bool rate_after(const px__text *tx, size_t last, size_t k) {
  char w[16];
  if (k + 1 >= last || tx->tok[k].kind != PX__TOK_WORD || tx->tok[k + 1].kind != PX__TOK_WORD) return false;
  size_t n = lower(tx, &tx->tok[k], w, sizeof w);
  if (!(n == 1 && w[0] == 'a') && !(n == 2 && !strcmp(w, "an")) && !(n == 3 && !strcmp(w, "per")) &&
      !(n == 4 && !strcmp(w, "each")) && !(n == 5 && !strcmp(w, "every")))
    return false;
  n = lower(tx, &tx->tok[k + 1], w, sizeof w);
  return n && time_unit(w, n);
}

/* Should a measured figure (tokens i .. u, the unit a measure) be left
 * out?  A span of time that places something rather than counts it ("in
 * eight years", "over 10 years", "for the past three years", "50 years
 * after", "two months later"); a measure written as an adjective ("a
 * 10-year plan", "a 6-point lead"; not an age, "38-year-old"); a margin of
 * points in a poll or a race ("leads by 5 points"), which belongs to one
 * poll among many. */
static bool ignore_measure(const px__text *tx, size_t first, size_t last, size_t i, size_t u, bool hyphen) {
  static const char *const before[] = {"in",   "within", "over",    "during", "past",      "next",
                                       "last", "another", "after",  "first",  "following", "coming",
                                       "recent", "previous"};
  /* "seven years older than": a difference between two ages, not one */
  static const char *const after[] = {"after", "ago",   "later",   "earlier", "before",
                                      "since", "into",  "older",   "younger", "apart"};
  static const char *const race[] = {"lead",   "leads",    "leading", "led",    "ahead",  "trail",
                                     "trails", "trailing", "behind",  "margin", "edge",   "advantage",
                                     "poll",   "polls",    "survey",  "surveys", "polling",
                                     "win",    "wins",     "won",     "winning", "beat",
                                     "beats",  "beating",  "carried", "carry",  "topped",
                                     "defeated"};
  char w[24];
  size_t n = lower(tx, &tx->tok[u], w, sizeof w);
  if (!n) return false;
  bool age = strstr(w, "old") != NULL;
  if (age) return false;
  if (hyphen) return true;
  if (time_unit(w, n)) {
    size_t k = i;
    while (k > first && tx->tok[k - 1].kind == PX__TOK_WORD) {
      size_t m = lower(tx, &tx->tok[k - 1], w, sizeof w);
      if (m == 3 && !strcmp(w, "the")) {
        k--;
        continue;
      }
      if (m && word_is(w, m, before, sizeof before / sizeof before[0])) return true;
      break;
    }
    if (u + 1 < last && tx->tok[u + 1].kind == PX__TOK_WORD) {
      size_t m = lower(tx, &tx->tok[u + 1], w, sizeof w);
      if (m && word_is(w, m, after, sizeof after / sizeof after[0])) return true;
      /* "Nearly seven hours in, the filibuster ...": a moment of it */
      if (m == 2 && !memcmp(w, "in", 2) && (u + 2 >= last || tx->tok[u + 2].kind == PX__TOK_PUNCT))
        return true;
    }
    return false;
  }
  /* "7 percentage points": the points are the measure */
  if (n == 10 && !strcmp(w, "percentage") && u + 1 < last && tx->tok[u + 1].kind == PX__TOK_WORD &&
      lower(tx, &tx->tok[u + 1], w, sizeof w) >= 5)
    n = strlen(w);
  if (strncmp(w, "point", 5) != 0) return false;
  size_t lo = i, hi = u + 1;
  while (lo > first && !clause_break(tx, &tx->tok[lo - 1])) lo--;
  while (hi < last && !clause_break(tx, &tx->tok[hi])) hi++;
  for (size_t k = lo; k < hi; k++) {
    if (tx->tok[k].kind != PX__TOK_WORD) continue;
    size_t m = lower(tx, &tx->tok[k], w, sizeof w);
    if (m && word_is(w, m, race, sizeof race / sizeof race[0])) return true;
  }
  return false;
}

/* Is the figure at token i a poll's error: "a margin of error of 3.46
 * points", "the error margin is", "sampling error ... plus or minus
 * 100,000 jobs"?  Every poll and survey has its own: nothing two outlets
 * report of one event.  Looks back over its clause, eight words at most. */
static bool error_margin(const px__text *tx, size_t first, size_t i) {
  char w[16];
  for (size_t k = i, seen = 0; k > first && seen < 8; seen++) {
    const px__token *t = &tx->tok[--k];
    if (clause_break(tx, t)) return false;
    if (t->kind == PX__TOK_SYMBOL && t->end - t->start == 2 && !memcmp(tx->body + t->start, "\xc2\xb1", 2))
      return true; /* ± */
    if (t->kind != PX__TOK_WORD) continue;
    size_t n = lower(tx, t, w, sizeof w);
    if ((n == 5 && !memcmp(w, "error", 5)) || (n == 6 && !memcmp(w, "errors", 6))) return true;
    if (n == 5 && !memcmp(w, "minus", 5) && k > first + 1) { /* "plus or minus" */
      char a[8], b[8];
      if (lower(tx, &tx->tok[k - 1], a, sizeof a) == 2 && !strcmp(a, "or") &&
          lower(tx, &tx->tok[k - 2], b, sizeof b) == 4 && !strcmp(b, "plus"))
        return true;
    }
  }
  return false;
}

/* Is token j "percent" (or "per" of "per cent")? */
static bool percent_word(const px__text *tx, size_t last, size_t j) {
  char w[16];
  if (j >= last || tx->tok[j].kind != PX__TOK_WORD) return false;
  size_t n = lower(tx, &tx->tok[j], w, sizeof w);
  return n && (!strcmp(w, "percent") || !strcmp(w, "per"));
}

/* Is the number at token i preceded by "at least"?  A floor, for a toll
 * as for a sum or a share: "at least 15 dead" allows another outlet's
 * "17 killed" (a dispute only with a figure below it: "at least 59" /
 * "50"). */
static bool at_least(const px__text *tx, size_t first, size_t i) {
  char w1[8], w2[8];
  if (i < first + 2 || tx->tok[i - 1].kind != PX__TOK_WORD || tx->tok[i - 2].kind != PX__TOK_WORD) return false;
  return lower(tx, &tx->tok[i - 1], w1, sizeof w1) && lower(tx, &tx->tok[i - 2], w2, sizeof w2) &&
         !strcmp(w1, "least") && !strcmp(w2, "at");
}

/* What a share is of: the stems of up to three words after "of" ("12% of
 * likely voters"; leading "the", "those" passed over), mixed into one
 * hash; 0 when the figure names none.  j: the token after the figure. */
static uint64_t share_base(const px__text *tx, size_t first, size_t last, size_t j, uint64_t *said_of) {
  char w[16];
  while (j < last && tx->tok[j].kind == PX__TOK_WORD && lower(tx, &tx->tok[j], w, sizeof w) &&
         (!strcmp(w, "percent") || !strcmp(w, "per") || !strcmp(w, "cent")))
    j++;
  if (j >= last || tx->tok[j].kind != PX__TOK_WORD || lower(tx, &tx->tok[j], w, sizeof w) != 2 || strcmp(w, "of"))
    return 0;
  j++;
  for (int k = 0; k < 2 && j < last && tx->tok[j].kind == PX__TOK_WORD && (tx->tok[j].flags & PX__TF_STOP); k++) j++;
  uint64_t h = 0;
  for (int k = 0; k < 3 && j < last && tx->tok[j].kind == PX__TOK_WORD && !(tx->tok[j].flags & PX__TF_STOP); k++, j++)
    h = h * 1000003u + tx->tok[j].stem;
  /* what the share does or is: the next content word of its clause, over
   * auxiliaries and reporting verbs ("are employed", "said they back") */
  *said_of = 0;
  for (size_t k = j; h && k < last && k < j + 4 && !clause_break(tx, &tx->tok[k]); k++)
    if ((*said_of = context_stem(tx, first, k)) != 0) break;
  return h;
}

size_t px__quantities(const px__text *tx, size_t sent, px__qty *out, size_t max) {
  if (sent >= tx->nsent) return 0;
  const px__sentence *s = &tx->sent[sent];
  size_t first = s->tok_first, last = (size_t)s->tok_first + s->tok_count;
  if (last > tx->ntok) last = tx->ntok;
  size_t nq = 0;
  char w[32];
  uint32_t skip_to = tx->dateline.found ? tx->dateline.end : 0; /* "Oct 2 (Meridian) -" */
  size_t body_first = first;
  while (body_first < last && tx->tok[body_first].start < skip_to) body_first++;
  bool lead_time = lead_time_of(tx, body_first, last);
  uint8_t session = session_of(tx, body_first, last);
  bool total = total_of(tx, body_first, last);
  for (size_t i = first; i < last && nq < max; i++) {
    const px__token *t = &tx->tok[i];
    if (t->start < skip_to) continue;
    double v = -1;
    bool money = false, pct = false;
    uint8_t currency = 0;
    if (t->kind == PX__TOK_NUMBER) {
      if (!px__parse_number(tx->body + t->start, t->end - t->start, &v)) continue;
      const unsigned char *p = (const unsigned char *)tx->body + t->start;
      size_t n = t->end - t->start;
      /* "$", "£" (C2 A3), "€" (E2 82 AC) or another sign of the block */
      currency = p[0] == '$' ? 1
                 : n > 2 && p[0] == 0xC2 && p[1] == 0xA3 ? 2
                 : n > 3 && p[0] == 0xE2 && p[1] == 0x82 ? (p[2] == 0xAC ? 3 : 4)
                                                         : 0;
      pct = p[n - 1] == '%';
      if (i > first && tx->tok[i - 1].kind == PX__TOK_SYMBOL &&
          tx->tok[i - 1].end == t->start && tx->body[tx->tok[i - 1].start] == '$')
        currency = 1;
      money = currency != 0;
    } else if (t->kind == PX__TOK_WORD) {
      size_t n = lower(tx, t, w, sizeof w);
      if (!n) continue;
      v = px__number_word(w, n);
      if (v < 1 || v >= 1000) continue; /* "million" alone, "half", "once" */
      if (w[n - 1] == 's') continue;    /* "hundreds", "dozens": no count */
      /* "one more state", "once the aircraft": a determiner or a time */
      if (!strcmp(w, "one") || !strcmp(w, "once") || !strcmp(w, "twice")) continue;
      if (!strcmp(w, "dozen")) continue; /* "a dozen": about twelve */
      /* "several hundred", "a few dozen", "many thousands": no count */
      if (i > first && tx->tok[i - 1].kind == PX__TOK_WORD) {
        char pw[16];
        size_t pn = lower(tx, &tx->tok[i - 1], pw, sizeof pw);
        if ((pn == 7 && !memcmp(pw, "several", 7)) || (pn == 3 && !memcmp(pw, "few", 3)) ||
            (pn == 4 && !memcmp(pw, "many", 4)) || (pn == 4 && !memcmp(pw, "some", 4) && v >= 12))
          continue;
      }
    } else {
      continue;
    }
    px__qty q = {.value = v, .start = t->start, .end = t->end, .ustart = t->start, .uend = t->end, .lo = v, .hi = v,
                 .prec = 1, .currency = currency, .total = total};
    if (t->kind == PX__TOK_NUMBER) { /* the digits after the point */
      const char *p = memchr(tx->body + t->start, '.', t->end - t->start);
      for (p = p ? p + 1 : NULL; p && p < tx->body + t->end && *p >= '0' && *p <= '9'; p++) q.prec /= 10;
    }
    bounds_of(tx, first, i, v, &q.lo, &q.hi, &q.about);
    /* a round figure ("1,800", "$50 billion") is as a figure "about" it */
    if (q.lo == v && q.hi == v && v >= 10 && fmod(v, 10) == 0) q.lo = v * 0.98, q.hi = v * 1.02;
    /* Numbers that count nothing are typed and left out: a time of day
     * ("8:07 a.m.", "11:40 ET"), a date ("Sept. 13", "13 September"), a
     * year, an identifier or list number ("No. 3", "Flight 370",
     * "COVID-19", "F-35", "(2)"). */
    if (t->kind == PX__TOK_NUMBER) {
      const px__token *pv = i > first ? &tx->tok[i - 1] : NULL;
      const px__token *nx = i + 1 < last ? &tx->tok[i + 1] : NULL;
      char pc = pv && pv->kind != PX__TOK_WORD && pv->kind != PX__TOK_NUMBER ? tx->body[pv->start] : 0;
      char nc = nx && nx->kind != PX__TOK_WORD && nx->kind != PX__TOK_NUMBER ? tx->body[nx->start] : 0;
      if ((pc == ':' && pv->end == t->start) || (nc == ':' && nx->start == t->end) ||
          memchr(tx->body + t->start, ':', t->end - t->start))
        continue; /* 8:07 */
      if ((pc == '-' || pc == '#' || pc == '/') && pv->end == t->start) continue; /* F-35, #3, 9/11 */
      if (nc == '/' && nx->start == t->end) continue;
      if (pc == '(' && nc == ')') continue; /* (2) */
      { /* an ordinal ("11th-hour", "the 2nd round") counts nothing */
        const char *e = tx->body + t->end;
        size_t tl = t->end - t->start;
        if (tl >= 3 && ((e[-2] == 's' && e[-1] == 't') || (e[-2] == 'n' && e[-1] == 'd') ||
                        (e[-2] == 'r' && e[-1] == 'd') || (e[-2] == 't' && e[-1] == 'h')) &&
            e[-3] >= '0' && e[-3] <= '9')
          continue;
        if (nx && nx->kind == PX__TOK_WORD && nx->start == t->end) {
          size_t on = lower(tx, nx, w, sizeof w);
          if (on == 2 && (!strcmp(w, "st") || !strcmp(w, "nd") || !strcmp(w, "rd") || !strcmp(w, "th")))
            continue;
        }
      }
      if (nx && nx->kind == PX__TOK_WORD) {
        size_t n = lower(tx, nx, w, sizeof w);
        if (n && (!strcmp(w, "a.m") || !strcmp(w, "p.m") || !strcmp(w, "am") || !strcmp(w, "pm") ||
                  !strcmp(w, "a.m.") || !strcmp(w, "p.m.") || !strcmp(w, "gmt") || !strcmp(w, "utc") ||
                  !strcmp(w, "et") || !strcmp(w, "edt") || !strcmp(w, "est") || !strcmp(w, "pt") ||
                  !strcmp(w, "bst") || !strcmp(w, "cet") || !strcmp(w, "o'clock") ||
                  !strcmp(w, "hrs") || month_of(w, n)))
          continue; /* 11 a.m., 13 September */
      }
      if (pv && pv->kind == PX__TOK_WORD) {
        size_t n = lower(tx, pv, w, sizeof w);
        if (n && month_of(w, n) && v >= 1 && v <= 31) continue; /* Sept. 13 */
        if (n && (!strcmp(w, "no") || !strcmp(w, "number") || !strcmp(w, "nos") || !strcmp(w, "article") ||
                  !strcmp(w, "section") || !strcmp(w, "chapter") || !strcmp(w, "page") ||
                  !strcmp(w, "flight") || !strcmp(w, "route") || !strcmp(w, "highway") ||
                  !strcmp(w, "interstate") || !strcmp(w, "room") || !strcmp(w, "gate") ||
                  !strcmp(w, "platform") || !strcmp(w, "district") || !strcmp(w, "precinct") ||
                  !strcmp(w, "proposition") || !strcmp(w, "amendment") || !strcmp(w, "episode") ||
                  !strcmp(w, "season") || !strcmp(w, "week") || !strcmp(w, "day") ||
                  !strcmp(w, "phase") || !strcmp(w, "level") || !strcmp(w, "category") ||
                  !strcmp(w, "grade") || !strcmp(w, "class") || !strcmp(w, "title") ||
                  !strcmp(w, "rule") || !strcmp(w, "resolution") || !strcmp(w, "bill")))
          continue;
      }
      if (pc == '.' && pv && i >= first + 2) { /* "No. 3", "Sept. 13" */
        size_t n = lower(tx, &tx->tok[i - 2], w, sizeof w);
        if (n && (!strcmp(w, "no") || !strcmp(w, "nos") || month_of(w, n))) continue;
      }
      if (q.value >= 1900 && q.value <= 2100 && q.value == (int)q.value &&
          !memchr(tx->body + t->start, ',', t->end - t->start))
        continue; /* a year */
      if (i == first && nc == '.') continue; /* "1. First item" */
      /* "1 of 8": a place in a list */
      if (nx && nx->kind == PX__TOK_WORD && nx->end - nx->start == 2 && i + 2 < last &&
          tx->tok[i + 2].kind == PX__TOK_NUMBER && lower(tx, nx, w, sizeof w) && !strcmp(w, "of"))
        continue;
      if (pv && pv->kind == PX__TOK_WORD && pv->end - pv->start == 2 && i >= first + 2 &&
          tx->tok[i - 2].kind == PX__TOK_NUMBER && lower(tx, pv, w, sizeof w) && !strcmp(w, "of"))
        continue;
    }
    size_t j = i + 1;
    /* "4.5 million", "two thousand" */
    while (j < last && tx->tok[j].kind == PX__TOK_WORD) {
      size_t n = lower(tx, &tx->tok[j], w, sizeof w);
      double m = n ? px__number_word(w, n) : -1;
      if (m < 1000) break;
      q.value *= m;
      q.prec *= m;
      q.lo *= m;
      if (q.hi < 1e300) q.hi *= m;
      q.end = tx->tok[j].end;
      j++;
    }
    if (at_least(tx, first, i)) q.hi = 1e300;
    /* a sum or a share that is needed, possible or conditional ("needing
     * at least 10 percent of the vote", "if ..., she would not get 5
     * percent"): nothing reported to set against another outlet's */
    if ((money || pct || percent_word(tx, last, j)) && needed(tx, first, last, i, j - 1)) {
      q.part = 1; /* still a figure its sentence gives */
      out[nq++] = q;
      i = j - 1;
      continue;
    }
    if (money) {
      q.unit = px__word_hash("$", 1) ^ per_of(tx, last, j);
      q.ustart = q.start, q.uend = q.end;
      clause_context(tx, first, last, i, j - 1, lead_time, &q);
      q.session = session;
      out[nq++] = q;
      i = j - 1;
      continue;
    }
    if (j < last && tx->tok[j].kind == PX__TOK_WORD) {
      size_t n = lower(tx, &tx->tok[j], w, sizeof w);
      if (n && (strcmp(w, "percent") == 0 || strcmp(w, "per") == 0)) pct = true;
    }
    if (!pct && t->kind == PX__TOK_NUMBER) pct = range_to_percent(tx, last, j);
    if (pct && q.value == 100) { /* "100 percent": all, or a manner of speaking */
      i = j - 1;
      continue;
    }
    if (pct && error_margin(tx, first, i)) { /* "a margin of error of 3 percent" */
      q.part = 1;
      out[nq++] = q;
      i = j - 1;
      continue;
    }
    if (pct) {
      q.unit = px__word_hash("%", 1);
      q.ustart = q.start, q.uend = q.end;
      q.base = share_base(tx, first, last, j, &q.said_of);
      clause_context(tx, first, last, i, j - 1, lead_time, &q);
      q.session = session;
      out[nq++] = q;
      i = j - 1;
      continue;
    }

    /* The counted word: the next word, past a few that do not change it. */
    size_t uidx = i;
    bool hyphen = false, rate = false, part = false, added = false;
    for (int skip = 0; j < last && skip < 3; skip++, j++) {
      const px__token *u = &tx->tok[j];
      if (u->kind == PX__TOK_PUNCT && tx->body[u->start] == '-') { /* "two-hour" */
        hyphen = true;
        continue;
      }
      if (u->kind != PX__TOK_WORD) break;
      size_t n = lower(tx, u, w, sizeof w);
      if (n && partial(w, n)) part = true;
      if (n && skippable(w, n)) continue;
      /* "246 new deaths", "1.8 million new voters": what was added, not
       * the whole ("147 deaths", "1.6 million registered voters") */
      if (n == 3 && !memcmp(w, "new", 3) && !(u->flags & PX__TF_CAP)) {
        added = true;
        continue;
      }
      if (n && time_unit(w, n) && w[n - 1] == 'y') { /* "900,000 daily tests" */
        rate = true;
        continue;
      }
      if (u->flags & PX__TF_STOP) break;
      q.measure = n && is_measure(w, n);
      /* The counted thing is the noun the words before it describe:
       * "two portable morgue units", "6,100 flying hours", "1,200 pledged
       * delegates"; a type named with a number is the thing counted; a
       * name is never the thing counted though it ends in "s" ("five
       * Dallas police officers", "three Texas counties") */
      if (!q.measure && n && (w[n - 1] != 's' || ((u->flags & PX__TF_CAP) && !(u->flags & PX__TF_SENT_START))) &&
          !strpbrk(w, "0123456789")) { /* not "C-130 planes" */
        for (size_t k = j + 1; k < last && k <= j + 2; k++) {
          const px__token *h = &tx->tok[k];
          if (h->kind != PX__TOK_WORD || (h->flags & PX__TF_STOP)) break;
          char hw[32];
          size_t hn = lower(tx, h, hw, sizeof hw);
          if (hn > 3 && hw[hn - 1] == 's' && hw[hn - 2] != 's' && !skippable(hw, hn)) {
            u = h;
            j = k;
            q.measure = is_measure(hw, hn);
            break;
          }
        }
      }
      q.unit = u->stem;
      q.ustart = u->start;
      q.uend = u->end;
      q.end = u->end;
      uidx = j;
      break;
    }
    if (q.unit && q.measure && !ignore_measure(tx, first, last, i, uidx, hyphen)) {
      /* A span of time or a margin: kept.  A streak ("24 straight months",
       * "five consecutive days") is counted to the day each outlet wrote,
       * so two outlets' streaks are two days' counts: a figure its
       * sentence gives. */
      if (streak(tx, i, uidx)) part = true;
    } else if (q.unit && q.measure) {
      q.unit = 0;
    }
    /* An age ("15 years old") is no span of time: never set against one
     * ("five years of residence"). */
    bool age = q.unit && q.measure && uidx > i && word_after_is(tx, last, uidx, "old");
    /* A bound that names a class ("served four years or less", "families
     * of five or more", "15 years old or younger") counts nothing. */
    if (q.unit && or_bound(tx, last, age ? uidx + 1 : uidx)) part = true;
    if (age) q.unit ^= px__word_hash("#age", 4);
    /* part of a count ("three other Americans", "four more boys", "eight
     * of the boys", "the first two explosions", "the final four"), a
     * requirement or a possibility ("the 270 votes he needs", "could
     * reach"), a condition ("if ..."), a place ("20 miles north of
     * Austin"), the others beside a name ("the United States and five
     * world powers"): not a count to set against another outlet's.  A
     * part is kept as a figure the sentence gives, so that "nine of the 12
     * delegates" agrees with another outlet's "nine pledged delegates". */
    if (q.unit && (needed(tx, first, last, i, uidx) || place(tx, last, uidx)))
      q.unit = 0;
    else if (part || selects(tx, first, i) || beside_name(tx, first, i))
      q.part = 1;
    if (q.unit && (rate || rate_after(tx, last, uidx + 1))) q.unit ^= px__word_hash("#rate", 5);
    if (q.unit) q.unit ^= per_of(tx, last, uidx + 1); /* "200 donors per state", "each night" */
    if (q.unit && added) q.unit ^= px__word_hash("#new", 4);
    if (q.unit && error_margin(tx, first, i)) q.unit = 0;
    /* A number that counts nothing named ("now seats just eight", "twelve
     * and four people", "drawdown to around 5,500 by then") is still a
     * figure the sentence gives: another outlet's "eight judges" is not
     * disputed by it. */
    if (!q.unit) q.part = 1;
    if (q.part) {
      out[nq++] = q;
    } else if (q.unit) {
      clause_context(tx, first, last, i, uidx, lead_time, &q);
      q.session = session;
      out[nq++] = q;
    }
  }
  return nq;
}
