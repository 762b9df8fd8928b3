/* quote_scan.c - pairing quotation marks.
 *
 * News text mixes every style of mark: curly “ ” and ‘ ’, straight " and ',
 * the NYT's `` '' and '' '', and « ».  The scanner classifies each mark by
 * its neighbours (a mark after a space and before a letter opens, one after
 * a letter or punctuation and before a space closes), pairs them with a
 * small stack so a quote may hold a nested one, and follows the convention
 * of quotes that run over paragraphs: no closing mark at the end of a
 * paragraph, an opening mark at the start of the next.
 *
 * Bad input is bounded: a quote that is still open at the end of its
 * paragraph, without the continuation convention, is reported as unclosed
 * and cut there; nested ones still open are dropped.  Straight quote marks
 * between two spaces, closing marks with nothing open and apostrophes
 * (don't, Clintons', '90s) are ignored; a closing double mark with nothing
 * open where an opening one belongs (at a paragraph start, or between a
 * space and a word) was typed for one, and opens; an opening one glued to
 * the end of an open quote's words before a space closes it.  Work is linear in the input.
 */
#include "quote.h"

#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Mark kinds. */
enum {
  M_NONE = 0,
  M_D_AMBIG, /* " or '' : opens or closes by context */
  M_D_OPEN,  /* “ „ ‟ `` */
  M_D_CLOSE, /* ” */
  M_S_AMBIG, /* ' */
  M_S_OPEN,  /* ‘ ‹ */
  M_S_CLOSE, /* ’ › */
  M_G_OPEN,  /* « */
  M_G_CLOSE  /* » */
};

/* Neighbour classes. */
enum { C_SPACE = 0, C_ALNUM, C_OPENP, C_PUNCT, C_QUOTE };

static int mark_at(const unsigned char *p, size_t n, size_t i, size_t *len) {
  unsigned c = p[i];
  *len = 1;
  if (c == '"') return M_D_AMBIG;
  if (c == '\'') {
    /* ''' after a word closes a nested quote and then the outer one:
     * 'old-school,''' is ' then '' (at an opening, '' then ' is right) */
    if (i + 2 < n && p[i + 1] == '\'' && p[i + 2] == '\'' && i > 0 && p[i - 1] != ' ' &&
        p[i - 1] != '\n' && p[i - 1] != '\t')
      return M_S_AMBIG;
    if (i + 1 < n && p[i + 1] == '\'') {
      *len = 2;
      return M_D_AMBIG;
    }
    return M_S_AMBIG;
  }
  if (c == '`') {
    if (i + 1 < n && p[i + 1] == '`') {
      *len = 2;
      return M_D_OPEN;
    }
    return M_NONE;
  }
  if (c == 0xC2 && i + 1 < n) {
    *len = 2;
    if (p[i + 1] == 0xAB) return M_G_OPEN;
    if (p[i + 1] == 0xBB) return M_G_CLOSE;
    return M_NONE;
  }
  if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80) {
    *len = 3;
    switch (p[i + 2]) {
    case 0x9C: case 0x9E: case 0x9F: return M_D_OPEN;  /* “ „ ‟ */
    case 0x9D: return M_D_CLOSE;                        /* ” */
    case 0x98: case 0xB9: return M_S_OPEN;              /* ‘ ‹ */
    case 0x99: case 0xBA: return M_S_CLOSE;             /* ’ › */
    default: return M_NONE;
    }
  }
  return M_NONE;
}

int px__double_mark(const char *p, size_t n, size_t i) {
  size_t len;
  if (i >= n) return 0;
  switch (mark_at((const unsigned char *)p, n, i, &len)) {
  case M_D_OPEN: case M_G_OPEN: return 1;
  case M_D_CLOSE: case M_G_CLOSE: return 2;
  case M_D_AMBIG: return 3;
  default: return 0;
  }
}

static bool is_double(int m) { return m == M_D_AMBIG || m == M_D_OPEN || m == M_D_CLOSE; }
static bool is_single(int m) { return m == M_S_AMBIG || m == M_S_OPEN || m == M_S_CLOSE; }

static int cp_class(int32_t cp) {
  if (cp < 0) return C_SPACE;
  if (cp < 0x80) {
    if (cp <= ' ' || cp == 0x7F) return C_SPACE;
    if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
      return C_ALNUM;
    if (cp == '(' || cp == '[' || cp == '{' || cp == '-' || cp == '/') return C_OPENP;
    if (cp == '"' || cp == '\'' || cp == '`') return C_QUOTE;
    return C_PUNCT;
  }
  if (cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200B) ||
      cp == 0x202F || cp == 0x3000)
    return C_SPACE;
  if (cp == 0x2013 || cp == 0x2014) return C_OPENP; /* – — */
  if ((cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB || cp == 0x2039 ||
      cp == 0x203A)
    return C_QUOTE;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
    return C_SPACE;
  case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PD: return C_OPENP;
  case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_SM:
  case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
    return C_PUNCT;
  default: return C_ALNUM;
  }
}

/* Code point ending before i (or -1 at the start). */
static int32_t cp_before(const unsigned char *p, size_t i) {
  if (i == 0) return -1;
  size_t j = i - 1;
  size_t lim = i >= 4 ? i - 4 : 0;
  while (j > lim && (p[j] & 0xC0) == 0x80) j--;
  size_t k = px__utf8_seqlen(p + j, i - j);
  if (k != i - j) return 0xFFFD;
  return px__utf8_decode(p + j, k);
}

static int32_t cp_at(const unsigned char *p, size_t n, size_t i) {
  if (i >= n) return -1;
  size_t k = px__utf8_seqlen(p + i, n - i);
  if (!k) return 0xFFFD;
  return px__utf8_decode(p + i, k);
}

/* One open mark on the stack. */
typedef struct open_mark {
  uint32_t at;
  uint8_t len;
  uint8_t single;    /* 1 for single marks */
  uint8_t guil;      /* 1 for « */
  uint8_t multipara; /* continued over a paragraph end */
  uint16_t paras;
  size_t emitted;    /* spans emitted when it was pushed: later ones are inside it */
} open_mark;

#define STACK_MAX 4

typedef struct scan {
  px__arena *arena;
  px__qspan *v;
  size_t nv, cap;
  open_mark st[STACK_MAX];
  int depth;
  bool oom;
  size_t sclose_end; /* just after the last closing single mark, 0 if none */
} scan;

static void emit(scan *s, const open_mark *o, int depth, size_t close, size_t close_len,
                 uint8_t flags) {
  if (s->oom) return;
  if (s->nv == s->cap) {
    size_t ncap = s->cap ? s->cap * 2 : 32;
    px__qspan *nvv = px__arena_alloc(s->arena, ncap * sizeof *nvv);
    if (!nvv) {
      s->oom = true;
      return;
    }
    if (s->nv) memcpy(nvv, s->v, s->nv * sizeof *nvv);
    s->v = nvv;
    s->cap = ncap;
  }
  px__qspan *q = &s->v[s->nv++];
  q->open = o->at;
  q->open_len = o->len;
  q->close = (uint32_t)close;
  q->close_len = (uint8_t)close_len;
  q->depth = (uint8_t)depth;
  q->flags = (uint8_t)(flags | (o->single ? PX__QS_SINGLE : 0) | (o->guil ? PX__QS_GUILLEMET : 0) |
                       (o->multipara ? PX__QS_MULTIPARA : 0));
}

/* Index of the innermost open double (or guillemet) mark, -1 if none. */
static int top_double(const scan *s) {
  for (int k = s->depth - 1; k >= 0; k--)
    if (!s->st[k].single) return k;
  return -1;
}

static int top_single(const scan *s) {
  return s->depth > 0 && s->st[s->depth - 1].single ? s->depth - 1 : -1;
}

static void push(scan *s, size_t at, size_t len, bool single, bool guil) {
  if (s->depth == STACK_MAX) return; /* too deep: ignore the mark */
  open_mark *o = &s->st[s->depth++];
  memset(o, 0, sizeof *o);
  o->at = (uint32_t)at;
  o->len = (uint8_t)len;
  o->single = single;
  o->guil = guil;
  o->emitted = s->nv;
}

/* The outermost quote is still open where it must end (a paragraph end
 * without continuation, the end of the text): if quotes closed inside it,
 * they stand on their own and it is dropped as a stray mark; otherwise it
 * is reported as unclosed, up to e, unless that is over the byte cap. */
static void end_unclosed(scan *s, const unsigned char *p, size_t e) {
  open_mark *o = &s->st[0];
  while (e > o->at && (p[e - 1] == ' ' || p[e - 1] == '\r' || p[e - 1] == '\t')) e--;
  if (s->nv > o->emitted) {
    for (size_t k = o->emitted; k < s->nv; k++)
      if (s->v[k].depth) s->v[k].depth--;
  } else if (!o->single && e > o->at + o->len && e - o->at <= PX__QUOTE_MAX_BYTES) {
    emit(s, o, 0, e, 0, PX__QS_UNCLOSED);
  }
  s->depth = 0;
}

/* Does the paragraph ending before i end a sentence (. ! ? or a dash)? */
static bool para_ends_sentence(const unsigned char *p, size_t start, size_t i) {
  while (i > start && (p[i - 1] == ' ' || p[i - 1] == '\r' || p[i - 1] == '\t')) i--;
  if (i == start) return false;
  unsigned c = p[i - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == ',') return true;
  /* … — – */
  return i >= 3 && p[i - 3] == 0xE2 && p[i - 2] == 0x80 &&
         (p[i - 1] == 0xA6 || p[i - 1] == 0x94 || p[i - 1] == 0x93);
}

/* Close stack entry k at [i, i+len): entries above it were never closed. */
static void close_at(scan *s, int k, size_t i, size_t len) {
  emit(s, &s->st[k], k, i, len, 0);
  s->depth = k;
}

/* Is there an opening double mark at the start of the paragraph at i? */
static size_t reopen_len(const unsigned char *p, size_t n, size_t i) {
  size_t len;
  int m = mark_at(p, n, i, &len);
  if (m == M_D_OPEN || m == M_G_OPEN) return len;
  if (m == M_D_AMBIG) {
    int nc = cp_class(cp_at(p, n, i + len));
    if (nc != C_SPACE) return len;
  }
  return 0;
}

/* The first byte at or after i that the scan must look at: a newline or
 * the first byte of a quotation mark. */
static size_t skip_plain(const unsigned char *p, size_t n, size_t i) {
#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8('\n'), dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''),
                bq = _mm_set1_epi8('`'), c2 = _mm_set1_epi8((char)0xC2),
                e2 = _mm_set1_epi8((char)0xE2);
  while (i + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dq)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, sq), _mm_cmpeq_epi8(v, bq)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, c2), _mm_cmpeq_epi8(v, e2)));
    int bits = _mm_movemask_epi8(m);
    if (bits) return i + (size_t)__builtin_ctz((unsigned)bits);
    i += 16;
  }
#endif
  while (i < n) {
    unsigned c = p[i];
    if (c == '\n' || c == '"' || c == '\'' || c == '`' || c == 0xC2 || c == 0xE2) break;
    i++;
  }
  return i;
}

int px__quote_scan(const char *text, size_t n, px__arena *arena, px__qspan **out,
                   size_t *nout) {
  const unsigned char *p = (const unsigned char *)text;
  scan s = {.arena = arena};
  size_t para_start = 0;
  *out = NULL;
  *nout = 0;
  size_t i = 0;
  while (i < n) {
    unsigned c = p[i];
    if (c == '\n') {
      /* A paragraph end.  Singles and nested quotes end here. */
      size_t j = i;
      while (j < n && (p[j] == '\n' || p[j] == ' ' || p[j] == '\t' || p[j] == '\r')) j++;
      if (s.depth > 0) {
        open_mark *o = &s.st[0];
        size_t rl = j < n ? reopen_len(p, n, j) : 0;
        bool cont = !o->single && rl && o->paras + 1 < PX__QUOTE_MAX_PARAS &&
                    j - o->at < PX__QUOTE_MAX_BYTES && para_ends_sentence(p, para_start, i);
        if (cont) {
          o->multipara = 1;
          o->paras++;
          s.depth = 1;
          i = j + rl;
          para_start = j;
          continue;
        }
        /* Unclosed: report the outermost double up to the paragraph end. */
        end_unclosed(&s, p, i);
      }
      i = j;
      para_start = j;
      continue;
    }
    if (c != '"' && c != '\'' && c != '`' && c != 0xC2 && c != 0xE2) {
      i = skip_plain(p, n, i + 1);
      continue;
    }
    size_t len;
    int m = mark_at(p, n, i, &len);
    if (m == M_NONE) {
      i++;
      continue;
    }
    /* A quote over the byte cap is dropped, so one stray mark in a text
     * without paragraph breaks cannot take in the rest of it. */
    if (s.depth > 0 && i - s.st[0].at > PX__QUOTE_MAX_BYTES) end_unclosed(&s, p, i);
    int pc = cp_class(cp_before(p, i));
    if (i == para_start) pc = C_SPACE;
    int nc = cp_class(cp_at(p, n, i + len));
    int kd = top_double(&s);
    int ks = top_single(&s);
    if (is_double(m)) {
      bool can_open = (pc == C_SPACE || pc == C_OPENP || pc == C_QUOTE) && nc != C_SPACE;
      bool can_close = pc != C_SPACE && pc != C_OPENP &&
                       (nc == C_SPACE || nc == C_PUNCT || nc == C_QUOTE || nc == C_OPENP);
      if (m == M_D_OPEN) {
        /* an opening mark typed for a closing one: glued to the end of
         * the words of an open quote, before a space ("here,“ said X") */
        can_close = kd >= 0 && pc != C_SPACE && pc != C_OPENP && pc != C_QUOTE &&
                    (nc == C_SPACE || nc == C_PUNCT);
        can_open = !can_close;
      } else if (m == M_D_CLOSE) {
        can_close = kd >= 0;
        /* a closing mark typed for an opening one: at a paragraph start,
         * or after a space and before a word, with nothing open */
        can_open = kd < 0 && (i == para_start || ((pc == C_SPACE || pc == C_OPENP) && nc == C_ALNUM));
      } else if (!can_close && kd >= 0 && pc == C_SPACE && nc != C_ALNUM && s.sclose_end &&
                 s.sclose_end <= i && s.st[kd].at < s.sclose_end) {
        /* the NYT's nested ending ,' '': a double mark set off by a space
         * from the single one that closed just before it closes too */
        size_t j = s.sclose_end;
        while (j < i && (p[j] == ' ' || p[j] == '\t')) j++;
        can_close = j == i;
        if (can_close) can_open = false;
      } else if (!can_close && kd >= 0 && m == M_D_AMBIG && pc == C_SPACE && nc != C_ALNUM && i >= 2 &&
                 p[i - 1] == ' ' && (p[i - 2] == ',' || p[i - 2] == '.' || p[i - 2] == '?' || p[i - 2] == '!')) {
        /* "coalitions, '' said Mr. Gunnels": a space slipped in between
         * the closing punctuation and the mark; it closes */
        can_close = true;
        can_open = false;
      } else if (!can_open && !can_close && pc != C_SPACE && nc != C_SPACE) {
        /* glued on both sides (word"word): close what is open, else open */
        can_close = kd >= 0;
        can_open = kd < 0;
      }
      if (kd >= 0 && can_close && (m != M_D_AMBIG || !can_open || s.st[kd].at + s.st[kd].len < i)) {
        close_at(&s, kd, i, len);
      } else if (can_open) {
        push(&s, i, len, false, false);
      }
      /* otherwise a stray mark: ignored */
    } else if (is_single(m)) {
      bool can_open = (pc == C_SPACE || pc == C_OPENP || pc == C_QUOTE) && nc == C_ALNUM;
      bool can_close = ks >= 0 && pc != C_SPACE && pc != C_OPENP && nc != C_ALNUM;
      if (m == M_S_OPEN) {
        /* ‘90s is an elision, not a quote */
        int32_t a = cp_at(p, n, i + len);
        if (a >= '0' && a <= '9') can_open = false;
        else can_open = nc != C_SPACE;
        can_close = false;
      }
      if (m == M_S_AMBIG && nc == C_ALNUM) {
        /* 'em, '90s, rock 'n' roll: only a quote when something closes it;
         * treat digits as elision */
        int32_t a = cp_at(p, n, i + len);
        if (a >= '0' && a <= '9') can_open = false;
      }
      if (can_close && i - (s.st[ks].at + s.st[ks].len) <= 1) {
        s.depth = ks; /* 'n': an elision, not a quote */
      } else if (can_close) {
        close_at(&s, ks, i, len);
        s.sclose_end = i + len;
      } else if (can_open && ks < 0) {
        push(&s, i, len, true, false);
      }
    } else if (m == M_G_OPEN) {
      push(&s, i, len, false, true);
    } else if (m == M_G_CLOSE) {
      if (kd >= 0) close_at(&s, kd, i, len);
    }
    i += len;
  }
  if (s.depth > 0) end_unclosed(&s, p, n);
  if (s.oom) return PX_ENOMEM;
  /* Emitted at closing time: inner quotes come before outer ones.  Sort by
   * opening mark (insertion sort: runs are short and nearly sorted). */
  for (size_t a = 1; a < s.nv; a++) {
    px__qspan t = s.v[a];
    size_t b = a;
    while (b > 0 && s.v[b - 1].open > t.open) {
      s.v[b] = s.v[b - 1];
      b--;
    }
    s.v[b] = t;
  }
  *out = s.v;
  *nout = s.nv;
  return PX_OK;
}
