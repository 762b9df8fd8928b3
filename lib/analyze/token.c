/* token.c - the tokenizer: words, numbers, punctuation, quotes, symbols.
 *
 * Words are letters and digits with inner hyphens and apostrophes
 * ("Jong-un", "don't", "COVID-19"), or dotted acronyms ("U.S.", "a.m.").
 * A final 's or ’s is a possessive: it stays in the token's span but not in
 * its fold or stem, and PX__TF_POSSESSIVE is set; so is a plural possessive
 * ("senators'").  Numbers are digits with inner . or , before a digit,
 * optionally led by a currency sign and followed by % or letters ("$4.5",
 * "1,200", "10%", "1990s", "5th"); their fold drops the thousands commas.
 *
 * Each token is folded into a scratch buffer as it is scanned (ASCII by
 * table, the rest by px__fold_cp) and hashed once; the word's stem comes
 * from the caller's stem function, which caches.  No allocation per token.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Folded words longer than this are hashed on their first FOLD_CAP bytes. */
#define FOLD_CAP 1024

enum { T_SKIP, T_LETTER, T_DIGIT, T_QUOTE, T_PUNCT, T_SYMBOL, T_MARK, T_ZW, T_CUR };

/* Classes of ASCII bytes; bytes from 0x80 are 0 (classified by classify()). */
static const unsigned char k_ascii[256] = {
    ['!'] = T_PUNCT,  ['"'] = T_QUOTE,  ['#'] = T_SYMBOL, ['$'] = T_CUR,
    ['%'] = T_SYMBOL, ['&'] = T_PUNCT,  ['\''] = T_QUOTE, ['('] = T_PUNCT,
    [')'] = T_PUNCT,  ['*'] = T_SYMBOL, ['+'] = T_SYMBOL, [','] = T_PUNCT,
    ['-'] = T_PUNCT,  ['.'] = T_PUNCT,  ['/'] = T_PUNCT,  [':'] = T_PUNCT,
    [';'] = T_PUNCT,  ['<'] = T_SYMBOL, ['='] = T_SYMBOL, ['>'] = T_SYMBOL,
    ['?'] = T_PUNCT,  ['@'] = T_SYMBOL, ['['] = T_PUNCT,  ['\\'] = T_SYMBOL,
    [']'] = T_PUNCT,  ['^'] = T_SYMBOL, ['_'] = T_SYMBOL, ['`'] = T_QUOTE,
    ['{'] = T_PUNCT,  ['|'] = T_SYMBOL, ['}'] = T_PUNCT,  ['~'] = T_SYMBOL,
    ['0'] = T_DIGIT,  ['1'] = T_DIGIT,  ['2'] = T_DIGIT,  ['3'] = T_DIGIT,
    ['4'] = T_DIGIT,  ['5'] = T_DIGIT,  ['6'] = T_DIGIT,  ['7'] = T_DIGIT,
    ['8'] = T_DIGIT,  ['9'] = T_DIGIT,
#define L(c) [c] = T_LETTER, [c + 32] = T_LETTER
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'),
    L('J'), L('K'), L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'),
    L('S'), L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

/* Class of the character at i; *len its bytes, *cp the code point. */
static int classify(const unsigned char *p, size_t b, size_t i, size_t *len, int32_t *cp) {
  unsigned c = p[i];
  if (c < 0x80) {
    *len = 1;
    *cp = (int32_t)c;
    return k_ascii[c];
  }
  size_t l = px__utf8_seqlen(p + i, b - i);
  if (!l) {
    *len = 1;
    *cp = 0xFFFD;
    return T_SYMBOL;
  }
  *len = l;
  int32_t u = px__utf8_decode(p + i, l);
  *cp = u;
  switch (u) {
  case 0xA0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
  case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
  case 0x200A: case 0x202F: case 0x205F: case 0x3000: case 0x2028: case 0x2029:
  case 0x85:
    return T_SKIP;
  case 0xAD: case 0x180E: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    return T_ZW;
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x201C: case 0x201D:
  case 0x201E: case 0x201F: case 0xAB: case 0xBB: case 0x2039: case 0x203A:
    return T_QUOTE;
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
  case 0x2212: case 0x2026: case 0x2022: case 0x2043:
    return T_PUNCT;
  case 0xA3: case 0xA5: case 0x20AC:
    return T_CUR;
  default:
    break;
  }
  switch (utf8proc_category(u)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    return T_LETTER;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
    return T_MARK;
  case UTF8PROC_CATEGORY_ND:
    return T_DIGIT;
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_CC:
    return T_SKIP;
  case UTF8PROC_CATEGORY_CF:
    return T_ZW;
  case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
  case UTF8PROC_CATEGORY_PO:
    return T_PUNCT;
  case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    return T_QUOTE;
  default:
    return T_SYMBOL;
  }
}

/* ASCII letters and digits: the lower-cased byte in bits 0-7, plus 1 << 20
 * for an upper-case letter and 1 << 40 for a lower-case one, so one add per
 * byte sums all three fields without overflow from one into the next (a
 * word is folded on at most FOLD_CAP bytes: the bytes sum below 2^17, the
 * counts below 2^11); 0 for every other byte. */
#define WC_UP ((uint64_t)1 << 20)
#define WC_LOW ((uint64_t)1 << 40)
static const uint64_t k_wc[256] = {
#define D(c) [c] = c
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
#undef D
#define L(c) [c] = (c + 32) | WC_UP, [c + 32] = (c + 32) | WC_LOW
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'),
    L('J'), L('K'), L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'),
    L('S'), L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'),
#undef L
};

static bool alnum_at(const unsigned char *p, size_t b, size_t i) {
  if (i >= b) return false;
  if (p[i] < 0x80) return k_ascii[p[i]] == T_LETTER || k_ascii[p[i]] == T_DIGIT;
  size_t l;
  int32_t cp;
  int c = classify(p, b, i, &l, &cp);
  return c == T_LETTER || c == T_DIGIT;
}

static bool digit_at(const unsigned char *p, size_t b, size_t i) {
  return i < b && p[i] >= '0' && p[i] <= '9';
}

static bool is_upper_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  int cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

static bool is_lower_cp(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Make room for PX__FOLD_MAX more bytes in the fold scratch. */
static int fold_room(px__tokout *o, size_t fl) {
  if (fl + PX__FOLD_MAX <= o->fcap) return PX_OK;
  size_t nc = o->fcap ? o->fcap * 2 : 256;
  while (nc < fl + PX__FOLD_MAX) nc *= 2;
  char *nf = realloc(o->fold, nc);
  if (!nf) return PX_ENOMEM;
  o->fold = nf;
  o->fcap = nc;
  return PX_OK;
}

static px__token *push(px__tokout *o) {
  if (o->n == o->cap) {
    size_t nc = o->cap ? o->cap * 2 : 256;
    px__token *nv = px__arena_alloc(o->arena, nc * sizeof *nv);
    if (!nv) return NULL;
    if (o->n) memcpy(nv, o->v, o->n * sizeof *nv);
    o->v = nv;
    o->cap = nc;
  }
  return &o->v[o->n++];
}

/* Words whose stems are looked up some tokens later (px__tokenize): the
 * stem cache is larger than the processor's caches, so a word's slot is
 * asked for when the word is read and used PENDING words later, its miss
 * overlapping the reading of those words (in an ingest, where the other
 * stages keep the cache cold, the tokenizer's own time fell by a quarter).
 * Each pending word keeps its fold in its own stretch of the fold scratch.
 * The order of the lookups changes nothing but their cost. */
#define PENDING 8 /* a power of two */
#define FOLD_STRIDE (FOLD_CAP + 64)
typedef struct pending {
  size_t tok; /* index into o->v (the vector may move) */
  uint64_t fold;
  size_t n;
} pending;

static void stem_of(px__tokout *o, px__stem_fn stem, void *ctx, const pending *e,
                    const char *f) {
  px__token *t = &o->v[e->tok];
  uint64_t fh = e->fold;
  const px__stem_slot *sl = &o->cache[(fh >> 20) & o->cache_mask & ~(size_t)1];
  if (sl[0].fold == fh || sl[1].fold == fh) {
    uint64_t st = sl[0].fold == fh ? sl[0].stem : sl[1].stem;
    t->stem = st | 1;
    if (st & 1) t->flags |= PX__TF_STOP;
  } else {
    bool stop = false;
    t->stem = stem(ctx, f, e->n, fh, &stop);
    if (stop) t->flags |= PX__TF_STOP;
  }
}

int px__tokenize(const char *text, size_t a, size_t b, uint16_t sent, px__tokout *o,
                 px__stem_fn stem, void *ctx) {
  const unsigned char *p = (const unsigned char *)text;
  bool seen_word = false;
  int rc;
  pending pq[PENDING];
  size_t qhead = 0, qn = 0;
  /* A stretch for each pending word's fold, each room for the longest
   * fold written below: FOLD_CAP plus a code point or two marks. */
  if ((rc = fold_room(o, PENDING * FOLD_STRIDE))) return rc;
  size_t i = a;
  while (i < b) {
    o->steps++;
    unsigned c = p[i];
    size_t len;
    int32_t cp;
    int cls;
    if (c < 0x80) {
      cls = k_ascii[c];
      len = 1;
      cp = (int32_t)c;
      if (cls == T_SKIP) {
        i++;
        continue;
      }
    } else {
      cls = classify(p, b, i, &len, &cp);
      if (cls == T_SKIP || cls == T_ZW) {
        i += len;
        continue;
      }
    }
    size_t s0 = i, fl = 0;
    uint8_t kind, flags = 0;
    if (qn == PENDING) { /* the oldest pending word's stretch is needed */
      stem_of(o, stem, ctx, &pq[qhead], o->fold + qhead * FOLD_STRIDE);
      qhead = (qhead + 1) & (PENDING - 1);
      qn--;
    }
    size_t slot = (qhead + qn) & (PENDING - 1);
    char *f = o->fold + slot * FOLD_STRIDE;
    if (cls == T_CUR && !digit_at(p, b, i + len)) cls = T_SYMBOL;
    if (cls == T_LETTER || cls == T_MARK) {
      kind = PX__TOK_WORD;
      int nup = 0, nlow = 0;
      if (is_upper_cp(cp)) flags |= PX__TF_CAP;
      /* a dotted acronym: U.S. a.m. U.S.A. */
      if (c < 0x80 && i + 3 < b && p[i + 1] == '.' && k_ascii[p[i + 2]] == T_LETTER &&
          p[i + 3] == '.') {
        while (i + 1 < b && fl < FOLD_CAP && p[i] < 0x80 && k_ascii[p[i]] == T_LETTER &&
               p[i + 1] == '.') {
          unsigned ch = p[i];
          nup += ch <= 'Z';
          nlow += ch >= 'a';
          f[fl++] = (char)(ch | 32);
          f[fl++] = '.';
          i += 2;
        }
      } else {
        for (;;) {
          /* ASCII letters and digits, the common case, in a tight loop */
          size_t room = fl < FOLD_CAP ? FOLD_CAP - fl : 0;
          size_t lim = b - i < room ? b : i + room;
          uint64_t acc = 0;
          {
            const unsigned char *q = p + i;
            char *fo = f + fl;
            size_t m = lim - i, k = 0;
            for (; k < m; k++) {
              uint64_t x = k_wc[q[k]];
              if (!x) break;
              acc += x;
              fo[k] = (char)x;
            }
            i += k;
            fl += k;
          }
          nup += (int)((acc >> 20) & 0xFFFFF);
          nlow += (int)(acc >> 40);
          if (i >= b) break;
          unsigned ch = p[i];
          if (k_wc[ch]) { /* past FOLD_CAP: scan on, fold no more */
            i++;
            continue;
          }
          if (ch < 0x80) {
            if ((ch == '-' || ch == '\'') && alnum_at(p, b, i + 1)) {
              if (fl < FOLD_CAP) f[fl++] = (char)ch;
              i++;
              continue;
            }
            break;
          }
          size_t l;
          int32_t u;
          int k = classify(p, b, i, &l, &u);
          if (k == T_LETTER || k == T_MARK || k == T_DIGIT) {
            nup += is_upper_cp(u);
            nlow += is_lower_cp(u);
            if (fl < FOLD_CAP) fl += px__fold_cp(u, f + fl);
          } else if (k == T_ZW) {
            /* dropped */
          } else if ((u == 0x2019 || u == 0x02BC) && alnum_at(p, b, i + l)) {
            if (fl < FOLD_CAP) f[fl++] = '\'';
          } else if ((u == 0x2010 || u == 0x2011) && alnum_at(p, b, i + l)) {
            if (fl < FOLD_CAP) f[fl++] = '-';
          } else {
            break;
          }
          i += l;
        }
      }
      if (fl > 2 && f[fl - 2] == '\'' && f[fl - 1] == 's') {
        fl -= 2;
        flags |= PX__TF_POSSESSIVE;
      } else if (fl >= 2 && f[fl - 1] == 's' && i < b) {
        /* plural possessive: senators' */
        size_t l = 0;
        if (p[i] == '\'') l = 1;
        else if (i + 2 < b && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0x99) l = 3;
        if (l && !alnum_at(p, b, i + l)) {
          i += l;
          flags |= PX__TF_POSSESSIVE;
        }
      }
      if (nup >= 2 && nlow == 0) flags |= PX__TF_ALLCAPS;
      if (!seen_word) {
        flags |= PX__TF_SENT_START;
        seen_word = true;
      }
    } else if (cls == T_DIGIT || cls == T_CUR) {
      kind = PX__TOK_NUMBER;
      if (cls == T_CUR) {
        memcpy(f, p + i, len);
        fl = len;
        i += len;
      }
      for (;;) {
        if (i >= b || fl >= FOLD_CAP) break;
        unsigned ch = p[i];
        if (ch >= '0' && ch <= '9') {
          f[fl++] = (char)ch;
          i++;
        } else if ((ch == '.' || ch == ',') && digit_at(p, b, i + 1)) {
          if (ch == '.') f[fl++] = '.';
          i++;
        } else if (ch >= 0x80) {
          size_t l;
          int32_t u;
          if (classify(p, b, i, &l, &u) != T_DIGIT) break;
          fl += px__fold_cp(u, f + fl);
          i += l;
        } else {
          break;
        }
      }
      if (i < b && p[i] == '%') {
        f[fl++] = '%';
        i++;
      } else {
        while (i < b && fl < FOLD_CAP && p[i] < 0x80 && k_ascii[p[i]] == T_LETTER) {
          f[fl++] = (char)(p[i] | 32);
          i++;
        }
      }
    } else if (cls == T_QUOTE) {
      kind = PX__TOK_QUOTE;
      if ((c == '`' || c == '\'') && i + 1 < b && p[i + 1] == c) {
        f[fl++] = '"';
        i += 2;
      } else {
        fl = px__fold_cp(cp, f);
        i += len;
      }
    } else if (cls == T_PUNCT) {
      kind = PX__TOK_PUNCT;
      if (c == '.' || c == '-') {
        while (i < b && p[i] == c) {
          i++;
        }
        f[fl++] = (char)c;
        if (c == '.' && i - s0 > 1) f[fl++] = '.', f[fl++] = '.';
      } else {
        fl = px__fold_cp(cp, f);
        i += len;
      }
    } else {
      kind = PX__TOK_SYMBOL;
      fl = px__fold_cp(cp, f);
      i += len;
    }
    if (kind == PX__TOK_WORD && !fl) kind = PX__TOK_SYMBOL; /* only marks, folded away */
    o->steps += i - s0;
    px__token *t = push(o);
    if (!t) return PX_ENOMEM;
    t->start = (uint32_t)s0;
    t->end = (uint32_t)i;
    t->kind = kind;
    t->sent = sent;
    uint64_t fh = px__word_hash_inline(f, fl);
    t->fold = fh;
    t->stem = 0;
    t->flags = flags;
    if (kind == PX__TOK_WORD) {
      __builtin_prefetch(&o->cache[(fh >> 20) & o->cache_mask & ~(size_t)1]);
      pq[slot] = (pending){o->n - 1, fh, fl};
      qn++;
    }
  }
  for (; qn; qn--, qhead = (qhead + 1) & (PENDING - 1))
    stem_of(o, stem, ctx, &pq[qhead], o->fold + qhead * FOLD_STRIDE);
  return PX_OK;
}
