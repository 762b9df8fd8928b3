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
  return 0;
}

/* Words between a number and what it counts that do not change the unit. */
static bool skippable(const char *w, size_t n) {
  static const char *const s[] = {"more", "other", "additional", "of", "the", "further",
                                  "extra", "new", "some", "about", "nearly", "almost"};
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
    if (strlen(s[i]) == n && memcmp(s[i], w, n) == 0) return true;
  return false;
}

/* How the words before token i bound the number it begins: "more than",
 * "over" (a floor; "at least 12 dead" is a toll as reported, set against
 * another toll); "fewer than", "less than", "up to", "under"
 * (a ceiling); "about", "around", "roughly", "some" (within 2 %); "nearly",
 * "almost", "close to" (up to 10 % below).  Sets *lo and *hi from v. */
static void bounds_of(const px__text *tx, size_t first, size_t i, double v, double *lo, double *hi) {
  char w1[16] = "", w2[16] = "";
  if (i > first && tx->tok[i - 1].kind == PX__TOK_WORD) lower(tx, &tx->tok[i - 1], w1, sizeof w1);
  if (i > first + 1 && tx->tok[i - 2].kind == PX__TOK_WORD) lower(tx, &tx->tok[i - 2], w2, sizeof w2);
  *lo = *hi = v;
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
  if (!strcmp(w1, "over") || !strcmp(w1, "exceeding") || !strcmp(w1, "upwards")) *hi = 1e300;
  else if (!strcmp(w1, "under") || !strcmp(w1, "below")) *lo = 0;
  else if (!strcmp(w1, "about") || !strcmp(w1, "around") || !strcmp(w1, "roughly") ||
           !strcmp(w1, "approximately") || !strcmp(w1, "some") || !strcmp(w1, "circa") ||
           !strcmp(w1, "estimated"))
    *lo = v * 0.98, *hi = v * 1.02;
  else if (!strcmp(w1, "nearly") || !strcmp(w1, "almost"))
    *lo = v * 0.9;
}

bool px__qty_compatible(const px__qty *a, const px__qty *b) {
  double x = a->value, y = b->value;
  if (x == y) return true;
  /* one figure written with less precision: "52%" / "52.4%" */
  double d = x > y ? x - y : y - x;
  if (d < 0.5 && (x == trunc(x) || y == trunc(y))) return true;
  return a->lo <= b->hi && b->lo <= a->hi;
}

size_t px__quantities(const px__text *tx, size_t sent, px__qty *out, size_t max) {
  if (sent >= tx->nsent) return 0;
  const px__sentence *s = &tx->sent[sent];
  size_t first = s->tok_first, last = (size_t)s->tok_first + s->tok_count;
  if (last > tx->ntok) last = tx->ntok;
  size_t nq = 0;
  char w[32];
  uint32_t skip_to = tx->dateline.found ? tx->dateline.end : 0; /* "Oct 2 (Meridian) -" */
  for (size_t i = first; i < last && nq < max; i++) {
    const px__token *t = &tx->tok[i];
    if (t->start < skip_to) continue;
    double v = -1;
    bool money = false, pct = false;
    if (t->kind == PX__TOK_NUMBER) {
      if (!px__parse_number(tx->body + t->start, t->end - t->start, &v)) continue;
      const char *p = tx->body + t->start;
      size_t n = t->end - t->start;
      money = p[0] == '$' || (n > 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA3) ||
              (n > 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x82);
      pct = p[n - 1] == '%';
      if (i > first && tx->tok[i - 1].kind == PX__TOK_SYMBOL &&
          tx->tok[i - 1].end == t->start && tx->body[tx->tok[i - 1].start] == '$')
        money = true;
    } else if (t->kind == PX__TOK_WORD) {
      size_t n = lower(tx, t, w, sizeof w);
      if (!n) continue;
      v = px__number_word(w, n);
      if (v < 1 || v >= 1000) continue; /* "million" alone, "half", "once" */
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
    px__qty q = {v, 0, t->start, t->end, t->start, t->end, v, v};
    bounds_of(tx, first, i, v, &q.lo, &q.hi);
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
    }
    size_t j = i + 1;
    /* "4.5 million", "two thousand" */
    while (j < last && tx->tok[j].kind == PX__TOK_WORD) {
      size_t n = lower(tx, &tx->tok[j], w, sizeof w);
      double m = n ? px__number_word(w, n) : -1;
      if (m < 1000) break;
      q.value *= m;
      q.end = tx->tok[j].end;
      j++;
    }
    if (money) {
      q.unit = px__word_hash("$", 1);
      q.ustart = q.start, q.uend = q.end;
      out[nq++] = q;
      i = j - 1;
      continue;
    }
    if (j < last && tx->tok[j].kind == PX__TOK_WORD) {
      size_t n = lower(tx, &tx->tok[j], w, sizeof w);
      if (n && (strcmp(w, "percent") == 0 || strcmp(w, "per") == 0)) pct = true;
    }
    if (pct) {
      q.unit = px__word_hash("%", 1);
      q.ustart = q.start, q.uend = q.end;
      out[nq++] = q;
      i = j - 1;
      continue;
    }

    /* The counted word: the next word, past a few that do not change it. */
    for (int skip = 0; j < last && skip < 3; skip++, j++) {
      const px__token *u = &tx->tok[j];
      if (u->kind == PX__TOK_PUNCT && tx->body[u->start] == '-') continue; /* "two-hour" */
      if (u->kind != PX__TOK_WORD) break;
      size_t n = lower(tx, u, w, sizeof w);
      if (n && skippable(w, n)) continue;
      if (u->flags & PX__TF_STOP) break;
      q.unit = u->stem;
      q.ustart = u->start;
      q.uend = u->end;
      q.end = u->end;
      break;
    }
    if (q.unit) out[nq++] = q;
  }
  return nq;
}
