/* article.c - the article model: fields, validation and body normalization. */
#include "px_common.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

int px_article_new(px_article **out) {
  if (!out) return PX_EINVAL;
  px_article *a = calloc(1, sizeof(*a));
  *out = a;
  if (!a) return PX_ENOMEM;
  a->limit_body = (size_t)16 << 20;
  for (int i = 0; i < PX_F_COUNT_; i++) px__buf_init(&a->field[i], 0);
  return PX_OK;
}

void px_article_free(px_article *a) {
  if (!a) return;
  for (int i = 0; i < PX_F_COUNT_; i++) px__buf_release(&a->field[i]);
  free(a);
}

void px__article_clear(px_article *a) {
  for (int i = 0; i < PX_F_COUNT_; i++) px__buf_clear(&a->field[i]);
  a->published = 0;
  a->has_time = 0;
  a->tz_offset = 0;
  a->has_tz = 0;
  a->id = 0;
  a->content_hash = 0;
  a->repairs = 0;
}

px_str px_article_get(const px_article *a, px_field f) {
  px_str s = {"", 0};
  if (!a || (unsigned)f >= PX_F_COUNT_ || !a->field[f].ptr) return s;
  s.ptr = a->field[f].ptr;
  s.len = a->field[f].len;
  return s;
}

/* Collapse whitespace of a one-line field (title, source...): trims and
 * turns any run of spaces, tabs and newlines into one space. */
static int set_line(px__buf *dst, const char *p, size_t n) {
  px__buf_clear(dst);
  int rc = px__buf_reserve(dst, n);
  if (rc) return rc;
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = dst->len > 0;
      continue;
    }
    if (space) dst->ptr[dst->len++] = ' ';
    space = false;
    dst->ptr[dst->len++] = (char)c;
  }
  dst->ptr[dst->len] = '\0';
  return PX_OK;
}

/* Does [p, p+n) hold a control character other than newline, tab and
 * carriage return (or DEL)? */
static bool has_control(const unsigned char *p, size_t n) {
  size_t i = 0;
#ifdef __SSE2__
  const __m128i c1f = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v), _mm_cmpeq_epi8(v, del));
    unsigned bits = (unsigned)_mm_movemask_epi8(m);
    for (; bits; bits &= bits - 1) {
      unsigned c = p[i + (size_t)__builtin_ctz(bits)];
      if (c != '\n' && c != '\t' && c != '\r') return true;
    }
  }
#endif
  for (; i < n; i++) {
    unsigned c = p[i];
    if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) return true;
  }
  return false;
}

int px_article_set(px_article *a, px_field f, const char *p, size_t n) {
  if (!a || (unsigned)f >= PX_F_COUNT_ || (!p && n)) return PX_EINVAL;
  if (f == PX_F_BODY && n > a->limit_body) return PX_ETOOBIG;
  if (!p) p = "";
  if (f == PX_F_META) { /* JSON object text, kept as given (the writers embed it) */
    px__buf_clear(&a->field[f]);
    if (n == 0) return PX_OK;
    if (n < 2 || p[0] != '{' || p[n - 1] != '}' || px__utf8_valid_prefix(p, n) != n)
      return PX_EINVAL;
    return px__buf_append(&a->field[f], p, n);
  }
  size_t valid = px__utf8_valid_prefix(p, n);
  px__buf tmp;
  px__buf_init(&tmp, 0);
  const char *src = p;
  size_t len = n;
  int rc = PX_OK;
  bool has_ctl = has_control((const unsigned char *)p, valid) || px__utf8_has_c1(p, valid);
  if (valid < n || has_ctl) {
    size_t first = 0;
    if ((rc = px__utf8_repair(&tmp, p, n, &a->repairs, &first))) goto out;
    src = tmp.ptr;
    len = tmp.len;
  }
  /* double-encoded text ("Ã©" for "é"), counted like the other repairs */
  px__buf moji;
  px__buf_init(&moji, 0);
  size_t fixed = 0;
  /* every double-encoded character begins with a byte 0xC3 ("Ã", "â" ...) */
  const char *c3 = len ? memchr(src, 0xC3, len) : NULL;
  if (c3) {
    size_t k = (size_t)(c3 - src);
    px__buf whole;
    px__buf_init(&whole, 0);
    if ((rc = px__utf8_unmojibake(&moji, src + k, len - k, &fixed)) == PX_OK && fixed &&
        (rc = px__buf_append(&whole, src, k)) == PX_OK)
      rc = px__buf_append(&whole, moji.ptr, moji.len);
    px__buf_release(&moji);
    if (rc) {
      px__buf_release(&whole);
      goto out;
    }
    moji = whole;
    if (fixed) {
      src = moji.ptr;
      len = moji.len;
      a->repairs += fixed;
    }
  }
  if (f == PX_F_BODY) {
    px__buf_clear(&a->field[f]);
    rc = px__normalize_body(&a->field[f], src, len);
    if (rc == PX_OK && a->field[f].len) {
      px__buf *b = &a->field[f];
      b->len = px__cut_rollovers(b->ptr, b->len);
      b->ptr[b->len] = '\0';
    }
    if (rc == PX_OK) a->content_hash = px__hash64(a->field[f].ptr, a->field[f].len, 0x70617261ULL);
  } else {
    rc = set_line(&a->field[f], src, len);
  }
  px__buf_release(&moji);
out:
  px__buf_release(&tmp);
  return rc;
}

int64_t px_article_published(const px_article *a, int *has_time) {
  if (has_time) *has_time = a ? a->has_time : 0;
  return a && a->has_time ? a->published : 0;
}

void px_article_set_published(px_article *a, int64_t t) {
  if (!a) return;
  a->published = t;
  a->has_time = 1;
  a->has_tz = 0;
  a->tz_offset = 0;
}

int px_article_published_offset(const px_article *a, int *has_offset) {
  int has = a && a->has_time && a->has_tz;
  if (has_offset) *has_offset = has;
  return has ? a->tz_offset : 0;
}

int px_article_set_published_offset(px_article *a, int minutes) {
  if (!a || !a->has_time || minutes < -18 * 60 || minutes > 18 * 60) return PX_EINVAL;
  a->tz_offset = minutes;
  a->has_tz = 1;
  return PX_OK;
}

int64_t px_article_id(const px_article *a) { return a ? a->id : 0; }
uint64_t px_article_content_hash(const px_article *a) { return a ? a->content_hash : 0; }
size_t px_article_repairs(const px_article *a) { return a ? a->repairs : 0; }

int px_article_clone(const px_article *src, px_article **dst) {
  if (!src || !dst) return PX_EINVAL;
  int rc = px_article_new(dst);
  if (rc) return rc;
  px_article *d = *dst;
  for (int i = 0; i < PX_F_COUNT_; i++) {
    if (src->field[i].ptr && (rc = px__buf_append(&d->field[i], src->field[i].ptr,
                                                  src->field[i].len))) {
      px_article_free(d);
      *dst = NULL;
      return rc;
    }
  }
  d->published = src->published;
  d->has_time = src->has_time;
  d->tz_offset = src->tz_offset;
  d->has_tz = src->has_tz;
  d->id = src->id;
  d->content_hash = src->content_hash;
  d->repairs = src->repairs;
  d->limit_body = src->limit_body;
  return PX_OK;
}

/* ------------------------------------------------------ body normalization */

/* True when NFC leaves the code point and its neighbours alone: the Latin
 * range below the combining marks and general punctuation.  Anything else
 * sends the paragraph through utf8proc. */
static bool nfc_stable(int32_t cp) {
  return cp < 0x300 || (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20BF);
}

/* Does NFC leave u[0..n) (valid UTF-8) as it is?  Checked by code point
 * ranges only; -1 for invalid UTF-8. */
static int nfc_unchanged(const unsigned char *u, size_t n) {
  size_t i = 0;
#ifdef __SSE2__
  /* ASCII, 16 bytes at a time */
  while (i + 16 <= n && !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(u + i)))) i += 16;
#endif
  while (i < n) {
    if (u[i] < 0x80) {
      i++;
      continue;
    }
    size_t k = px__utf8_seqlen(u + i, n - i);
    if (!k) return -1; /* callers repair first */
    if (!nfc_stable(px__utf8_decode(u + i, k))) return 0;
    i += k;
  }
  return 1;
}

static bool is_hspace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* 1 for horizontal white space, 2 for a newline. */
static const unsigned char k_ws[256] = {[' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\f'] = 1,
                                        ['\v'] = 1, ['\n'] = 2};

/*
 * Paragraphs: when the text has blank lines, they separate paragraphs and
 * single newlines inside a paragraph are line wrapping (joined with a
 * space); otherwise each line is a paragraph.  Paragraphs are trimmed, runs
 * of horizontal white space become one space, and paragraphs are joined by
 * exactly "\n\n".  Each paragraph is written straight into out and goes
 * through utf8proc only when it holds a code point NFC could change.
 */
int px__normalize_body(px__buf *out, const char *p, size_t n) {
  const unsigned char *u = (const unsigned char *)p;
  bool blank_lines = false;
  for (const char *q = n ? memchr(p, '\n', n) : NULL; q && !blank_lines;
       q = memchr(q + 1, '\n', n - (size_t)(q + 1 - p))) {
    size_t j = (size_t)(q - p) + 1;
    while (j < n && is_hspace(u[j])) j++;
    if (j < n && p[j] == '\n') blank_lines = true;
  }
  int rc = PX_OK;
  size_t i = 0;
  while (i < n) {
    /* The paragraph is at most the rest of the input, plus "\n\n". */
    if ((rc = px__buf_reserve(out, n - i + 2))) return rc;
    unsigned char *base = (unsigned char *)out->ptr;
    size_t start = out->len, o = start ? start + 2 : 0, pstart = o;
    bool space = false;
    unsigned hi = 0;
    while (i < n) {
      unsigned char c = u[i];
      unsigned k = k_ws[c];
      if (k == 2) {
        size_t j = i + 1;
        while (j < n && is_hspace(u[j])) j++;
        bool para_end = !blank_lines || (j < n && p[j] == '\n') || j >= n;
        if (para_end) {
          while (j < n && (p[j] == '\n' || is_hspace(u[j]))) j++;
          i = j;
          break;
        }
        space = o > pstart;
        i = j;
        continue;
      }
      if (k == 1) {
        space = o > pstart;
        i++;
        continue;
      }
      if (space) base[o++] = ' ';
      space = false;
      /* Copy a run of words: non-space bytes and single spaces between
       * them, which stay as they are; stop at any other white space. */
#ifdef __SSE2__
      {
        const __m128i sp = _mm_set1_epi8(' '), nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
        while (i + 17 <= n) { /* the byte after the 16 is looked at too */
          __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
          __m128i nx = _mm_loadu_si128((const __m128i *)(u + i + 1));
          __m128i vc = _mm_sub_epi8(v, nine), nc = _mm_sub_epi8(nx, nine);
          /* \t \n \v \f \r: byte - 9 <= 4 unsigned */
          __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(vc, four), vc);
          __m128i nws = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(nc, four), nc),
                                     _mm_cmpeq_epi8(nx, sp));
          __m128i stop = _mm_or_si128(ctl, _mm_and_si128(_mm_cmpeq_epi8(v, sp), nws));
          unsigned bits = (unsigned)_mm_movemask_epi8(stop);
          size_t run = bits ? (size_t)__builtin_ctz(bits) : 16;
          /* room: the output is never longer than the input consumed */
          _mm_storeu_si128((__m128i *)(base + o), v);
          if (run && ((unsigned)_mm_movemask_epi8(v) & ((2u << (run - 1)) - 1))) hi |= 0x80;
          o += run;
          i += run;
          if (bits) break;
        }
      }
#endif
      while (i < n) {
        c = u[i];
        if (k_ws[c] && !(c == ' ' && i + 1 < n && !k_ws[u[i + 1]])) break;
        hi |= c;
        base[o++] = c;
        i++;
      }
    }
    if (o == pstart) continue; /* an empty paragraph */
    if (start) base[start] = base[start + 1] = '\n';
    int st = hi & 0x80 ? nfc_unchanged(base + pstart, o - pstart) : 1;
    if (st < 0) return PX_EINVAL;
    if (st) {
      out->len = o;
      out->ptr[o] = '\0';
      continue;
    }
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t m = utf8proc_map(base + pstart, (utf8proc_ssize_t)(o - pstart), &dst,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (m < 0) return PX_EINVAL;
    out->len = pstart;
    rc = px__buf_append(out, dst, (size_t)m);
    free(dst);
    if (rc) return rc;
  }
  if (!out->ptr) rc = px__buf_append(out, "", 0);
  return rc;
}
