/* sentence.c - a sentence splitter built for news text.
 *
 * One pass over the bytes.  Most bytes are skipped, 16 at a time with SSE2;
 * the splitter stops only at line breaks, at . ! ? ) and at the lead byte
 * of the ellipsis and of bullets (list markers are recognized at their
 * '.' or ')').  At a
 * candidate end it looks at a bounded window around it: the word before
 * (abbreviation? initial? number?), what closes the sentence (quotes,
 * brackets), and the next word (lower case? a word that starts sentences?
 * an attribution such as `Putin said`?).  Every look is bounded, so the
 * whole pass is linear in the input.
 *
 * Boundaries:
 *   - a line break always ends a sentence; a blank line also ends the
 *     paragraph (stored bodies separate paragraphs with "\n\n"), so
 *     headings without final punctuation stand alone;
 *   - list items: a bullet (•, ⁃, ...) after white space, or a marker such
 *     as "2." "2)" "2.)" "b." that continues a marker seen before it in the
 *     same paragraph ("1." ... "2."), starts a sentence;
 *   - . ! ? and ellipses, decided by the rules in decide() below.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------ word lists */

/* Titles before a name: a period after them never ends a sentence. */
static const char *const k_titles[] = {
    "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen",
    "gens", "gov", "govs", "hon", "insp", "lt", "maj", "messrs", "mr", "mrs", "ms", "msgr",
    "mssrs", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "supt",
};

/* Abbreviations that may end a sentence: a period after them ends one only
 * when the next word is one that usually starts a sentence.  "Del." is a
 * state delegate before a name and Delaware at the end of a sentence
 * ("Sen. Chris Coons, D-Del."). */
static const char *const k_abbrevs[] = {
    "al", "apr", "assn", "aug", "ave", "blvd", "bros", "ch", "co", "corp", "dec", "del",
    "dept", "ed", "eds", "esq", "est", "etc", "feb", "fig", "figs", "fri", "ft", "govt",
    "inc", "jan", "jr", "jul", "jun", "llc", "ltd", "mar", "mon", "mt", "no", "nos",
    "nov", "oct", "op", "p", "pp", "rd", "sat", "sec", "sep", "sept", "sr", "st", "sun",
    "thu", "thur", "thurs", "tue", "tues", "univ", "vol", "vols", "wed",
};

/* Abbreviations after which more always follows. */
static const char *const k_inner[] = {
    "approx", "cf", "e.g", "eg", "i.e", "ie", "v", "viz", "vs",
};

/* Words that usually begin a sentence (lower-cased): an abbreviation or an
 * initial followed by one of these, capitalized, ends its sentence.  The
 * imperatives of web pages ("Click here", "Sign up") are among them. */
static const char *const k_starters[] = {
    "a", "according", "after", "also", "although", "an", "and", "another", "any", "are",
    "as", "at", "because", "before", "both", "but", "by", "can", "click", "copyright",
    "could", "despite", "did", "do", "does", "dr", "during", "each", "earlier", "even",
    "every", "follow", "for", "from", "had", "has", "have", "he", "her", "here", "his",
    "how", "however", "i", "if", "in", "instead", "is", "it", "its", "just", "last",
    "later", "let", "let's", "many", "may", "meanwhile", "might", "most", "mr", "mrs",
    "ms", "much", "must", "my", "no", "not", "now", "of", "on", "once", "one", "only",
    "or", "other", "our", "please", "read", "related", "see", "several", "she",
    "should", "sign", "since", "so", "some", "still", "subscribe", "such", "that",
    "the", "their", "then", "there", "these", "they", "this", "those", "though", "thus",
    "to", "today", "tomorrow", "two", "under", "until", "was", "watch", "we", "were",
    "what", "when", "where", "whether", "which", "while", "who", "why", "will", "with",
    "without", "would", "yes", "yesterday", "yet", "you", "your",
};

/* Verbs of attribution: `"...," Putin said.` keeps the quote in its sentence. */
static const char *const k_said[] = {
    "acknowledged", "added", "admitted", "announced", "argued", "asked", "claimed",
    "conceded", "continued", "countered", "declared", "exclaimed", "explained",
    "insisted", "noted", "observed", "posted", "recalled", "remarked", "replied",
    "responded", "said", "says", "shouted", "stated", "suggested", "tells", "testified",
    "told", "tweeted", "warned", "whispered", "wrote",
};

/* A sentence that begins with one of these and has at most four words so
 * far ("Around 9 p.m.") is an opening phrase, not a sentence. */
static const char *const k_preps[] = {
    "about", "after", "around", "at", "before", "by", "during", "from", "in", "near",
    "on", "since", "through", "until",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Binary search of a sorted list.  The first bytes are compared inline,
 * which settles most steps without a call. */
static bool in_list(const char *w, const char *const *list, size_t n) {
  if (!w[0]) return false;
  unsigned char c0 = (unsigned char)w[0];
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *m = list[mid];
    unsigned char m0 = (unsigned char)m[0];
    int c = c0 != m0 ? (c0 < m0 ? -1 : 1) : strcmp(w, m);
    if (c == 0) return true;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return false;
}

/* ------------------------------------------------------ character classes */

/* Bytes the main loop stops at; everything else is skipped. */
enum { C_NONE = 0, C_STOP = 1, C_LEAD = 2 };

static const unsigned char k_class[256] = {
    ['\n'] = C_STOP,  ['.'] = C_STOP,   ['!'] = C_STOP,   ['?'] = C_STOP,
    [')'] = C_STOP,   [0xE2] = C_LEAD,
};

static bool is_space_byte(unsigned c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Byte length of the white-space character at i, or 0. */
static size_t space_len(const unsigned char *p, size_t n, size_t i) {
  unsigned c = p[i];
  if (c < 0x80) return is_space_byte(c);
  if (c == 0xC2) return i + 1 < n && p[i + 1] == 0xA0 ? 2 : 0;
  if (i + 2 >= n) return 0;
  if (c == 0xE2) {
    if (p[i + 1] == 0x80)
      return (p[i + 2] <= 0x8B || p[i + 2] == 0xA8 || p[i + 2] == 0xA9 || p[i + 2] == 0xAF)
                 ? 3 : 0;
    if (p[i + 1] == 0x81) return (p[i + 2] == 0x9F || p[i + 2] == 0xA0) ? 3 : 0;
    return 0;
  }
  if (c == 0xE3) return p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3 : 0;
  if (c == 0xEF) return p[i + 1] == 0xBB && p[i + 2] == 0xBF ? 3 : 0;
  return 0;
}

/* Byte length of the white-space character ending at e (exclusive), or 0. */
static size_t space_len_before(const unsigned char *p, size_t lo, size_t e) {
  if (e <= lo) return 0;
  if (p[e - 1] < 0x80) return is_space_byte(p[e - 1]);
  if (e - lo >= 2 && p[e - 2] == 0xC2 && p[e - 1] == 0xA0) return 2;
  if (e - lo >= 3 && space_len(p, e, e - 3) == 3) return 3;
  return 0;
}

static bool is_ellipsis(const unsigned char *p, size_t n, size_t i) {
  return i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xA6;
}

/* Bullets that open list items. */
static size_t bullet_len(const unsigned char *p, size_t n, size_t i) {
  if (i + 2 >= n || p[i] != 0xE2) return 0;
  unsigned a = p[i + 1], b = p[i + 2];
  if (a == 0x80 && (b == 0xA2 || b == 0xA3)) return 3; /* • ‣ */
  if (a == 0x81 && b == 0x83) return 3;                /* ⁃ */
  if (a == 0x96 && (b == 0xA0 || b == 0xAA || b == 0xBA)) return 3; /* ■ ▪ ► */
  if (a == 0x97 && (b == 0x8F || b == 0xA6)) return 3;              /* ● ◦ */
  return 0;
}

/* Closing marks that stay with the sentence they follow. */
static size_t closer_len(const unsigned char *p, size_t n, size_t i, bool *quote) {
  unsigned c = p[i];
  if (c == '"' || c == '\'') {
    *quote = true;
    return 1;
  }
  if (c == ')' || c == ']' || c == '}') return 1;
  if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xBB) { /* » */
    *quote = true;
    return 2;
  }
  if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
      (p[i + 2] == 0x9D || p[i + 2] == 0x99 || p[i + 2] == 0xBA)) { /* ” ’ › */
    *quote = true;
    return 3;
  }
  return 0;
}

/* Opening marks a sentence may begin with. */
static size_t opener_len(const unsigned char *p, size_t n, size_t i) {
  unsigned c = p[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '`') return 1;
  if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xAB) return 2; /* « */
  if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
      (p[i + 2] == 0x9C || p[i + 2] == 0x98 || p[i + 2] == 0xB9)) /* “ ‘ ‹ */
    return 3;
  return 0;
}

enum { K_UPPER, K_LOWER, K_DIGIT, K_OTHER };

/* Kind of the character at i. */
static int char_kind(const unsigned char *p, size_t n, size_t i) {
  unsigned c = p[i];
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') return K_UPPER;
    if (c >= 'a' && c <= 'z') return K_LOWER;
    if (c >= '0' && c <= '9') return K_DIGIT;
    return K_OTHER;
  }
  size_t l = px__utf8_seqlen(p + i, n - i);
  if (!l) return K_OTHER;
  switch (utf8proc_category(px__utf8_decode(p + i, l))) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_LM:
    return K_UPPER;
  case UTF8PROC_CATEGORY_LL:
    return K_LOWER;
  case UTF8PROC_CATEGORY_ND:
    return K_DIGIT;
  default:
    return K_OTHER;
  }
}

static bool is_alnum_byte(unsigned c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c >= 0x80;
}

/* Copy the ASCII word [a, b) lower-cased into w (cap bytes with NUL);
 * w is "" when the word is too long or not ASCII. */
static void lower_word(const unsigned char *p, size_t a, size_t b, char *w, size_t cap) {
  w[0] = '\0';
  if (b <= a || b - a >= cap) return;
  for (size_t k = a; k < b; k++) {
    unsigned c = p[k];
    if (c >= 0x80) {
      w[0] = '\0';
      return;
    }
    w[k - a] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  w[b - a] = '\0';
}

/* ------------------------------------------------------------ the splitter */

enum { MK_NONE, MK_NUM_DOT, MK_NUM_PAREN, MK_NUM_DOTPAREN, MK_LET_DOT, MK_LET_PAREN };

typedef struct splitter {
  const unsigned char *p;
  size_t n;
  px__sentence **v;
  size_t *nv, *cap;
  uint32_t para;
  uint64_t steps;
  int rc;
  int mk_style; /* the last list marker candidate */
  uint32_t mk_value, mk_para;
} splitter;

static void emit(splitter *s, size_t a, size_t b) {
  size_t l;
  while (a < b && (l = space_len(s->p, b, a)) != 0) a += l;
  while (b > a && (l = space_len_before(s->p, a, b)) != 0) b -= l;
  if (a >= b || s->rc) return;
  if (*s->nv == *s->cap) {
    size_t nc = *s->cap ? *s->cap * 2 : 64;
    px__sentence *nv = realloc(*s->v, nc * sizeof *nv);
    if (!nv) {
      s->rc = PX_ENOMEM;
      return;
    }
    *s->v = nv;
    *s->cap = nc;
  }
  px__sentence *o = &(*s->v)[(*s->nv)++];
  o->start = (uint32_t)a;
  o->end = (uint32_t)b;
  o->para = s->para;
  o->tok_first = 0;
  o->tok_count = 0;
}

/* A list marker at w ("12." "3)" "4.)" "b." "c)") followed by white space.
 * @return its length, 0 when there is none. */
static size_t marker_len(const unsigned char *p, size_t n, size_t w, int *style,
                         uint32_t *value) {
  size_t k = w;
  uint32_t v = 0;
  bool digits = false;
  while (k < n && k - w < 2 && p[k] >= '0' && p[k] <= '9') v = v * 10 + (p[k++] - '0');
  if (k > w) {
    digits = true;
    if (k < n && p[k] >= '0' && p[k] <= '9') return 0;
  } else if (k < n && p[k] >= 'a' && p[k] <= 'z') {
    v = (uint32_t)(p[k++] - 'a' + 1);
  } else {
    return 0;
  }
  int st;
  if (k + 1 < n && p[k] == '.' && p[k + 1] == ')' && digits) {
    st = MK_NUM_DOTPAREN;
    k += 2;
  } else if (k < n && p[k] == ')') {
    st = digits ? MK_NUM_PAREN : MK_LET_PAREN;
    k++;
  } else if (k < n && p[k] == '.') {
    st = digits ? MK_NUM_DOT : MK_LET_DOT;
    k++;
  } else {
    return 0;
  }
  if (k >= n || !space_len(p, n, k)) return 0;
  *style = st;
  *value = v;
  return k - w;
}

/* Is the next word (starting at w) the start of an attribution: up to four
 * capitalized words, initials or titles, then a verb such as "said"? */
static bool attribution(splitter *s, size_t w) {
  const unsigned char *p = s->p;
  size_t n = s->n;
  for (int words = 0; words < 5 && w < n; words++) {
    size_t e = w;
    while (e < n && e - w < 24 && (is_alnum_byte(p[e]) || p[e] == '.' || p[e] == '\'' ||
                                   p[e] == '-'))
      e++, s->steps++;
    if (e == w) return false;
    int k = char_kind(p, n, w);
    if (k == K_LOWER) {
      char lw[24];
      size_t b = e;
      while (b > w && !is_alnum_byte(p[b - 1])) b--;
      lower_word(p, w, b, lw, sizeof lw);
      return in_list(lw, k_said, NELEM(k_said));
    }
    if (k != K_UPPER) return false;
    if (words == 0) {
      /* "When asked ...", "They said ..." begin sentences; "Mr. Lee said" does not */
      size_t b = w;
      while (b < e && ((p[b] | 32) >= 'a' && (p[b] | 32) <= 'z')) b++;
      char lw[16];
      lower_word(p, w, b, lw, sizeof lw);
      if (in_list(lw, k_starters, NELEM(k_starters)) && !in_list(lw, k_titles, NELEM(k_titles)))
        return false;
    }
    /* next word: skip a comma and spaces */
    w = e;
    if (w < n && p[w] == ',') w++;
    size_t l;
    bool sp = false;
    while (w < n && (l = space_len(p, n, w)) != 0) {
      if (p[w] == '\n') return false;
      w += l;
      sp = true;
    }
    if (!sp) return false;
  }
  return false;
}

/* Is [start, t) an opening phrase such as "Around 9 p.m."? */
static bool opening_phrase(splitter *s, size_t start, size_t t) {
  const unsigned char *p = s->p;
  size_t l;
  while (start < t && ((l = space_len(p, t, start)) != 0 || opener_len(p, t, start)))
    start += l ? l : opener_len(p, t, start);
  if (t - start > 40) return false;
  size_t e = start;
  while (e < t && is_alnum_byte(p[e])) e++;
  char w[16];
  lower_word(p, start, e, w, sizeof w);
  if (!in_list(w, k_preps, NELEM(k_preps))) return false;
  int words = 1;
  for (size_t k = e; k < t; k++) {
    s->steps++;
    if (space_len(p, t, k) && k + 1 < t && !space_len(p, t, k + 1)) words++;
  }
  return words <= 4;
}

typedef struct nextw {
  size_t w;     /* first character after opening marks */
  int kind;     /* K_* of that character */
  bool starter; /* a word that usually starts a sentence */
  bool quoted;  /* led by an opening quotation mark */
} nextw;

static void next_word(splitter *s, size_t j, nextw *nw) {
  const unsigned char *p = s->p;
  size_t n = s->n, l;
  nw->quoted = false;
  while (j < n && (l = opener_len(p, n, j)) != 0) {
    nw->quoted |= p[j] != '(' && p[j] != '[';
    j += l;
  }
  nw->w = j;
  nw->kind = j < n ? char_kind(p, n, j) : K_OTHER;
  size_t e = j;
  /* letters only: "It’s" and "It's" look up "it" */
  while (e < n && e - j < 12 && ((p[e] | 32) >= 'a' && (p[e] | 32) <= 'z')) e++;
  char w[16];
  lower_word(p, j, e, w, sizeof w);
  nw->starter = nw->kind == K_UPPER && e - j <= 10 && in_list(w, k_starters, NELEM(k_starters));
}

/* Facts about the word before a period at t. */
typedef struct prevw {
  size_t a;        /* its first byte (after opening marks) */
  char low[16];    /* lower-cased ASCII, "" when long or not ASCII */
  size_t nchars;   /* code points */
  bool upper1;     /* begins with an upper-case letter */
  bool initial;    /* one upper-case letter */
  bool acronym;    /* letters with periods: "U.S", "a.m" */
  bool number;     /* begins with a digit or a currency sign then digit */
} prevw;

static void prev_word(splitter *s, size_t lo, size_t t, prevw *pw) {
  const unsigned char *p = s->p;
  size_t a = t, l;
  memset(pw, 0, sizeof *pw);
  while (a > lo && t - a < 48 && !space_len_before(p, lo, a)) a--, s->steps++;
  while (a < t && (l = opener_len(p, t, a)) != 0) a += l;
  pw->a = a;
  if (a >= t) return;
  for (size_t k = a; k < t; k++)
    if ((p[k] & 0xC0) != 0x80) pw->nchars++;
  lower_word(p, a, t, pw->low, sizeof pw->low);
  pw->upper1 = char_kind(p, t, a) == K_UPPER;
  pw->initial = pw->upper1 && pw->nchars == 1;
  pw->number = (p[a] >= '0' && p[a] <= '9') ||
               (p[a] == '$' && a + 1 < t && p[a + 1] >= '0' && p[a + 1] <= '9');
  /* acronym: letter (. letter)+ */
  if (t - a >= 3 && pw->low[0]) {
    bool ok = true;
    for (size_t k = a; k < t && ok; k++) {
      bool letter = ((p[k] | 32) >= 'a' && (p[k] | 32) <= 'z');
      ok = ((k - a) % 2 == 0) ? letter : p[k] == '.';
    }
    pw->acronym = ok && (t - a) % 2 == 1;
  }
}

/* The word before the word at a: does it begin upper case or is it an initial? */
static bool prev_capitalized(splitter *s, size_t lo, size_t a) {
  const unsigned char *p = s->p;
  size_t l, b = a;
  while (b > lo && (l = space_len_before(p, lo, b)) != 0) b -= l;
  if (b == a || b == lo) return false;
  size_t w = b;
  while (w > lo && b - w < 32 && !space_len_before(p, lo, w)) w--, s->steps++;
  while (w < b && (l = opener_len(p, b, w)) != 0) w += l;
  return w < b && char_kind(p, b, w) == K_UPPER;
}

/* Decide whether the run of terminators that starts at t followed by
 * closing marks up to e, then white space up to j, ends a sentence.  @return the end of the
 * sentence, or 0 when it does not end here. */
static size_t decide(splitter *s, size_t start, size_t t, size_t e, size_t j,
                     int ndots, int nbang, bool spaced, bool qclose, bool closers) {
  const unsigned char *p = s->p;
  /* "SELMA, Ala. (AP) — John Lewis ...": a dateline in the body (after a
   * photo's caption) goes on with its agency, on the same line */
  if (ndots == 1 && j < s->n && p[j] == '(' && !memchr(p + e, '\n', j - e) &&
      px__agency_dash_at((const char *)p, s->n, j))
    return 0;
  nextw nw;
  next_word(s, j, &nw);
  if (nw.kind == K_LOWER) return 0;
  if (nbang) {
    if (nw.kind == K_OTHER) return 0;
    if (qclose && nw.kind == K_UPPER && attribution(s, nw.w)) return 0;
    return e;
  }
  if (ndots >= 2) {
    if (nw.kind != K_UPPER && nw.kind != K_DIGIT) return 0;
    bool attached = t > start && !space_len_before(p, start, t);
    /* "harbour. . . . Then": a period, then an ellipsis opening the next */
    if (attached && spaced && p[t + 1] == ' ' && ndots >= 4) return t + 1;
    if (ndots >= 4) return e;
    if (spaced) return 0;
    if (qclose && nw.kind == K_UPPER && attribution(s, nw.w)) return 0;
    return e;
  }
  if (closers) {
    if (qclose && nw.kind == K_UPPER && attribution(s, nw.w)) return 0;
    return e;
  }
  prevw pw;
  prev_word(s, start, t, &pw);
  if (pw.a >= t) return e;
  /* every listed abbreviation is at most 6 letters long */
  bool shortw = pw.low[0] && strlen(pw.low) <= 6;
  if (shortw && in_list(pw.low, k_titles, NELEM(k_titles))) return 0;
  if (shortw && in_list(pw.low, k_inner, NELEM(k_inner))) return 0;
  bool abbrev = shortw && in_list(pw.low, k_abbrevs, NELEM(k_abbrevs));
  /* "said no." is the word; "No. 10" the abbreviation */
  if (abbrev && !pw.upper1 && (!strcmp(pw.low, "no") || !strcmp(pw.low, "nos")) &&
      nw.kind != K_DIGIT)
    abbrev = false;
  /* "etc." ends its sentence whenever a capital follows */
  if (abbrev && !strcmp(pw.low, "etc")) return e;
  if (nw.kind == K_DIGIT) {
    /* "p. 12", "No. 7", "N°. 314": short words before numbers */
    if (abbrev || pw.acronym || (!pw.number && pw.nchars <= 2)) return 0;
    return e;
  }
  if (pw.initial) {
    /* "Maria K. Lund", "A. B. C. Okafor" stay; "she and I. Then" ends */
    if (nw.starter && !prev_capitalized(s, start, pw.a)) return e;
    return 0;
  }
  if (abbrev || pw.acronym) {
    /* "in Greenville, N.C. “Simply put, ..." : a quotation opens a sentence */
    if ((nw.starter || nw.quoted) && !opening_phrase(s, start, t)) return e;
    return 0;
  }
  return e;
}

/* "ever got there."Democrats have been worried," he said.", "never worked
 * very well.”Americans are ...": a full stop, "!" or "?" after a lower-case
 * letter, closing marks and at once a capitalized word (the space lost
 * with a paragraph break) end a sentence.  A straight double mark there
 * closes the quotation the sentence opened (an odd count of them before
 * it), else opens the next one.  The end, or 0.  t: the terminator, k:
 * after it, e: after the closing marks. */
static size_t glued_quote_end(splitter *s, size_t start, size_t t, size_t k, size_t e) {
  const unsigned char *p = s->p;
  size_t n = s->n;
  if (t == 0 || e + 1 >= n || !(p[t - 1] >= 'a' && p[t - 1] <= 'z')) return 0;
  /* (an acronym too: "... with the attorney general."CNN is declining") */
  if (!(p[e] >= 'A' && p[e] <= 'Z' && ((p[e + 1] >= 'a' && p[e + 1] <= 'z') || (p[e + 1] >= 'A' && p[e + 1] <= 'Z'))))
    return 0;
  if (e - k == 1 && p[k] == '"') {
    size_t marks = 0;
    for (size_t j = start; j < k; j++) marks += p[j] == '"';
    s->steps += k - start;
    return marks % 2 ? e : k;
  }
  return e;
}

/* "harbour.Ferries": a period with no space after it, between a lower-case
 * letter or digit and a capitalized word ("A" and "I" too), outside e-mail addresses, URLs and
 * abbreviations, ends a sentence. */
static bool glued_end(splitter *s, size_t start, size_t t) {
  const unsigned char *p = s->p;
  size_t n = s->n;
  if (t == 0 || t + 2 >= n) return false;
  unsigned b = p[t - 1];
  if (!((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))) return false;
  /* "focus.A clip of McConnell": "A" and "I" are words of their own */
  bool one = (p[t + 1] == 'A' || p[t + 1] == 'I') && p[t + 2] == ' ';
  if (!one && !(p[t + 1] >= 'A' && p[t + 1] <= 'Z' && p[t + 2] >= 'a' && p[t + 2] <= 'z'))
    return false;
  size_t a = t;
  while (a > start && t - a < 64 && !space_len_before(p, start, a)) {
    s->steps++;
    a--;
    if (p[a] == '@' || p[a] == '/' || p[a] == ':' || p[a] == '.') return false;
  }
  if (t - a >= 64) return false;
  for (size_t k = t + 1; k < n && k - t < 64 && !space_len(p, n, k); k++) {
    s->steps++;
    if (p[k] == '@' || p[k] == '/') return false;
  }
  char w[16];
  lower_word(p, a, t, w, sizeof w);
  if (t - a < 2 || in_list(w, k_titles, NELEM(k_titles)) ||
      in_list(w, k_abbrevs, NELEM(k_abbrevs)))
    return false;
  return true;
}

/* The first byte at or after i that the main loop must look at. */
static size_t skip_plain(const unsigned char *p, size_t n, size_t i) {
#ifdef __SSE2__
  /* 16 bytes at a time: compare with each byte of interest at once */
  const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), ex = _mm_set1_epi8('!'),
                qm = _mm_set1_epi8('?'), rp = _mm_set1_epi8(')'), e2 = _mm_set1_epi8((char)0xE2);
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, ex), _mm_cmpeq_epi8(v, qm)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, rp), _mm_cmpeq_epi8(v, e2)));
    int bits = _mm_movemask_epi8(m);
    if (bits) return i + (size_t)__builtin_ctz((unsigned)bits);
    i += 16;
  }
#endif
  while (i < n && k_class[p[i]] == C_NONE) i++;
  return i;
}

/* Is [a, b) only white space? */
static bool all_space(const unsigned char *p, size_t a, size_t b) {
  size_t l;
  while (b > a && (l = space_len_before(p, a, b)) != 0) b -= l;
  return b == a;
}

/* A list marker ending with the '.' or ')' at i ("12." "3)" "4.)" "b." "c)")
 * that starts a word and is followed by white space.  Sets *w to its first
 * byte and *end past it.  Markers after a bullet are skipped by the bullet
 * code with marker_len(). */
static bool marker_at(const unsigned char *p, size_t n, size_t lo, size_t i, size_t *w,
                      size_t *end, int *style, uint32_t *value) {
  size_t e, k = i;
  bool dotparen = false;
  if (p[i] == '.') {
    if (i + 1 < n && p[i + 1] == ')') {
      dotparen = true;
      e = i + 2;
    } else {
      e = i + 1;
    }
  } else {
    if (i > lo && p[i - 1] == '.') return false; /* "4.)" was seen at its '.' */
    e = i + 1;
  }
  if (e >= n || !space_len(p, n, e)) return false;
  size_t a = k;
  while (a > lo && k - a < 3 && p[a - 1] >= '0' && p[a - 1] <= '9') a--;
  if (a == k) {
    if (dotparen || a == lo || p[a - 1] < 'a' || p[a - 1] > 'z') return false;
    a--;
  }
  if (k - a > 2 || (a > lo && !space_len_before(p, lo, a))) return false;
  int st;
  uint32_t v;
  return (marker_len(p, n, a, &st, &v) == e - a) && (*w = a, *end = e, *style = st,
                                                      *value = v, true);
}

int px__split_range(const char *text, size_t n, size_t from, px__sentence **v, size_t *nv,
                    size_t *cap, uint64_t *steps) {
  if (n > UINT32_MAX) return PX_ETOOBIG;
  splitter s = {.p = (const unsigned char *)text, .n = n, .v = v, .nv = nv, .cap = cap};
  const unsigned char *p = s.p;
  size_t start = from, i = from, l;
  while (i < n && !s.rc) {
    size_t i0 = i;
    i = skip_plain(p, n, i);
    s.steps += i - i0 + 1;
    if (i >= n) break;
    unsigned c = p[i];
    unsigned cls = k_class[c];
    if (c == '\n') {
      /* a line break ends the sentence, a blank line the paragraph too */
      int nl = 0;
      size_t r = i;
      while (r < n && (l = space_len(p, n, r)) != 0) {
        nl += p[r] == '\n';
        r += l;
        s.steps++;
      }
      emit(&s, start, i);
      start = r;
      if (nl >= 2) s.para++;
      i = r;
      continue;
    }
    if (cls == C_LEAD) {
      size_t bl = bullet_len(p, n, i);
      if (bl && (i == from || space_len_before(p, from, i))) {
        if (!all_space(p, start, i)) emit(&s, start, i);
        start = i;
        i += bl;
        while (i < n && p[i] != '\n' && (l = space_len(p, n, i)) != 0) i += l;
        int st;
        uint32_t val;
        size_t ml = marker_len(p, n, i, &st, &val);
        if (ml) i += ml;
        continue;
      }
      if (!is_ellipsis(p, n, i)) {
        l = px__utf8_seqlen(p + i, n - i);
        i += l ? l : 1;
        continue;
      }
    }
    if (c == '.' || c == ')') {
      size_t w, e;
      int st;
      uint32_t val;
      if (marker_at(p, n, from, i, &w, &e, &st, &val)) {
        bool empty = all_space(p, start, w);
        /* "1) Ferries stop 2) Ports close" splits; "that a) doesn't
         * believe her b) hopes ..." is one sentence with an inline list */
        size_t q = e;
        while (q < n && (l = space_len(p, n, q)) != 0) q += l;
        bool chain = s.mk_style == st && s.mk_para == s.para && val == s.mk_value + 1 &&
                     q < n && (char_kind(p, n, q) == K_UPPER || char_kind(p, n, q) == K_DIGIT ||
                               opener_len(p, n, q));
        s.mk_style = st;
        s.mk_value = val;
        s.mk_para = s.para;
        if (empty || chain) {
          if (!empty) emit(&s, start, w);
          start = w;
          i = e;
          continue;
        }
      }
      if (c == ')') {
        i++;
        continue;
      }
    }
    /* a run of terminators */
    size_t t = i, k = i;
    int ndots = 0, nbang = 0;
    bool spaced = false;
    for (;;) {
      s.steps++;
      if (k < n && p[k] == '.') {
        ndots++;
        k++;
      } else if (k < n && (p[k] == '!' || p[k] == '?')) {
        nbang++;
        k++;
      } else if (is_ellipsis(p, n, k)) {
        ndots += 3;
        k += 3;
      } else if (ndots && !nbang && k + 1 < n && p[k] == ' ' && p[k + 1] == '.') {
        spaced = true;
        k++;
      } else {
        break;
      }
    }
    /* "[...]" marks an omission, not an end */
    if (t > 0 && (p[t - 1] == '[' || p[t - 1] == '(') && k < n && (p[k] == ']' || p[k] == ')')) {
      i = k + 1;
      continue;
    }
    bool qclose = false;
    size_t e = k;
    while (e < n && (l = closer_len(p, n, e, &qclose)) != 0) e += l;
    if (e >= n) {
      i = e;
      continue;
    }
    if (!space_len(p, n, e)) {
      size_t end = 0;
      if (ndots == 1 && !nbang && e == k && glued_end(&s, start, t)) end = e;
      else if (ndots <= 1 && e > k) end = glued_quote_end(&s, start, t, k, e);
      if (end) {
        emit(&s, start, end);
        start = end;
      }
      i = e;
      continue;
    }
    size_t j = e;
    bool nl = false;
    while (j < n && (l = space_len(p, n, j)) != 0) {
      nl |= p[j] == '\n';
      j += l;
      s.steps++;
    }
    if (nl || j >= n) {
      i = e;
      continue;
    }
    size_t end = decide(&s, start, t, e, j, ndots, nbang, spaced, qclose, e > k);
    if (end) {
      emit(&s, start, end);
      start = end;
      i = end;
    } else {
      i = e;
    }
  }
  emit(&s, start, n);
  if (steps) *steps += s.steps;
  return s.rc;
}

int px__split_sentences(const char *p, size_t n, px__arena *arena, px__sentence **out,
                        size_t *nout) {
  px__sentence *v = NULL;
  size_t nv = 0, cap = 0;
  *out = NULL;
  *nout = 0;
  int rc = px__split_range(p, n, 0, &v, &nv, &cap, NULL);
  if (rc) goto out;
  if (nv) {
    px__sentence *a = px__arena_alloc(arena, nv * sizeof *a);
    if (!a) {
      rc = PX_ENOMEM;
      goto out;
    }
    memcpy(a, v, nv * sizeof *a);
    *out = a;
  }
  *nout = nv;
out:
  free(v);
  return rc;
}
