/* utf8.c - UTF-8 validation, decoding and repair.
 *
 * Repair policy: a byte that does not start a valid UTF-8 sequence is read
 * as Windows-1252 (a superset of ISO-8859-1 for printable characters),
 * which is what such bytes almost always are in news text; the five bytes
 * Windows-1252 leaves undefined become U+FFFD.  Every repaired byte is
 * counted so callers can report it with its position.
 */
#include "px_common.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

size_t px__utf8_seqlen(const unsigned char *p, size_t avail) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return 0;
    return 2;
  }
  if (c < 0xF0) {
    if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && p[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
        (p[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && p[1] >= 0x90) return 0; /* > U+10FFFF */
    return 4;
  }
  return 0;
}

int32_t px__utf8_decode(const unsigned char *p, size_t n) {
  switch (n) {
  case 1: return p[0];
  case 2: return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  case 3: return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  default:
    return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) |
           (p[3] & 0x3F);
  }
}

size_t px__utf8_encode(int32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t px__utf8_valid_prefix(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    /* Fast path over ASCII, 32 (with SSE2) then 8 bytes at a time. */
#ifdef __SSE2__
    while (i + 32 <= n) {
      __m128i a = _mm_loadu_si128((const __m128i *)(p + i));
      __m128i b = _mm_loadu_si128((const __m128i *)(p + i + 16));
      if (_mm_movemask_epi8(_mm_or_si128(a, b))) break;
      i += 32;
    }
#endif
    while (i + 8 <= n) {
      uint64_t v;
      __builtin_memcpy(&v, p + i, 8);
      if (v & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    size_t k = px__utf8_seqlen(p + i, n - i);
    if (!k) return i;
    i += k;
  }
  return n;
}

/* Windows-1252 0x80..0x9F; 0 marks the undefined ones. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static inline bool keep_control(unsigned c) {
  return c == '\t' || c == '\n' || c == '\r';
}

int px__utf8_repair(px__buf *out, const char *src, size_t n, size_t *repairs,
                    size_t *first_bad) {
  const unsigned char *p = (const unsigned char *)src;
  int rc = px__buf_reserve(out, n);
  if (rc) return rc;
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned c = p[i];
    if (c >= 0x20 && c < 0x80) {
      i++;
      continue;
    }
    /* Flush the clean ASCII run [run, i). */
    if (i > run && (rc = px__buf_append(out, src + run, i - run))) return rc;
    if (c < 0x20 || c == 0x7F) {
      if (keep_control(c) && (rc = px__buf_putc(out, (char)c))) return rc;
      i++;
      run = i;
      continue;
    }
    size_t k = px__utf8_seqlen(p + i, n - i);
    if (k == 2 && c == 0xC2 && p[i + 1] < 0xA0) {
      /* A C1 control: its Windows-1252 character, or nothing. */
      int32_t cp = cp1252_high[p[i + 1] - 0x80];
      char enc[4];
      if (cp && (rc = px__buf_append(out, enc, px__utf8_encode(cp, enc)))) return rc;
      i += 2;
    } else if (k) {
      if ((rc = px__buf_append(out, src + i, k))) return rc;
      i += k;
    } else {
      int32_t cp = c >= 0xA0 ? (int32_t)c : (c >= 0x80 ? cp1252_high[c - 0x80] : 0);
      if (!cp) cp = 0xFFFD;
      char enc[4];
      size_t m = px__utf8_encode(cp, enc);
      if ((rc = px__buf_append(out, enc, m))) return rc;
      if (repairs) {
        if (*repairs == 0 && first_bad) *first_bad = i;
        (*repairs)++;
      }
      i++;
    }
    run = i;
  }
  if (i > run && (rc = px__buf_append(out, src + run, i - run))) return rc;
  if (!out->ptr && (rc = px__buf_append(out, "", 0))) return rc;
  return PX_OK;
}

bool px__utf8_has_c1(const char *p, size_t n) {
  const char *e = p + n;
  while (p < e) {
    const char *c = memchr(p, 0xC2, (size_t)(e - p));
    if (!c || c + 1 >= e) return false;
    unsigned char b = (unsigned char)c[1];
    if (b >= 0x80 && b < 0xA0) return true;
    p = c + 1;
  }
  return false;
}

int px__escape_controls(px__buf *out, const char *src, size_t n) {
  const unsigned char *p = (const unsigned char *)src;
  int rc = PX_OK;
  size_t i = 0;
  while (i < n && rc == PX_OK) {
    unsigned c = p[i];
    size_t k = c >= 0x20 && c < 0x7F ? 1 : px__utf8_seqlen(p + i, n - i);
    bool bad = k == 0 || c < 0x20 || c == 0x7F || (k == 2 && c == 0xC2 && p[i + 1] < 0xA0);
    if (!bad) {
      rc = px__buf_append(out, src + i, k);
      i += k;
      continue;
    }
    if (k == 0) k = 1;
    for (size_t j = 0; j < k && rc == PX_OK; j++) rc = px__buf_printf(out, "\\x%02x", p[i + j]);
    i += k;
  }
  if (rc == PX_OK && !out->ptr) rc = px__buf_append(out, "", 0);
  return rc;
}

/* ------------------------------------------------------------ mojibake */

/* The byte a code point stands for when UTF-8 text was read as
 * Windows-1252 (or Latin-1) and written out as UTF-8 again; -1 if none. */
static int cp1252_byte(int32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return (int)cp;
  static const struct { int32_t cp; unsigned char b; } t[] = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
      {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
      {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
      {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
      {0x017E, 0x9E}, {0x0178, 0x9F}};
  for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
    if (t[i].cp == cp) return t[i].b;
  return -1;
}

/* One pass over valid UTF-8 text: each run of code points whose
 * Windows-1252 bytes form one valid multi-byte UTF-8 sequence ("Ã©" for
 * "é", "â€™" for "’") becomes that character.  Returns the number
 * replaced; out gets the text (only written when something changed). */
static size_t unmojibake_pass(px__buf *out, const char *p, size_t n, int *err) {
  size_t fixed = 0, i = 0, copied = 0;
  while (i < n) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0xC2) {
      i++;
      continue;
    }
    size_t l0 = px__utf8_seqlen((const unsigned char *)p + i, n - i);
    if (!l0) {
      i++;
      continue;
    }
    int lead = cp1252_byte(px__utf8_decode((const unsigned char *)p + i, l0));
    size_t need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
                  : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    if (!need) {
      i += l0;
      continue;
    }
    unsigned char seq[4] = {(unsigned char)lead};
    size_t j = i + l0, k = 1;
    for (; k <= need && j < n; k++) {
      size_t l = px__utf8_seqlen((const unsigned char *)p + j, n - j);
      if (!l) break;
      int b = cp1252_byte(px__utf8_decode((const unsigned char *)p + j, l));
      if (b < 0x80 || b > 0xBF) break;
      seq[k] = (unsigned char)b;
      j += l;
    }
    if (k <= need || px__utf8_seqlen(seq, need + 1) != need + 1) {
      i += l0;
      continue;
    }
    /* a real replacement: copy what came before, then the character */
    if (px__buf_append(out, p + copied, i - copied) || px__buf_append(out, seq, need + 1)) {
      *err = PX_ENOMEM;
      return 0;
    }
    copied = i = j;
    fixed++;
  }
  if (fixed && px__buf_append(out, p + copied, n - copied)) *err = PX_ENOMEM;
  return fixed;
}

int px__utf8_unmojibake(px__buf *out, const char *p, size_t n, size_t *fixed) {
  *fixed = 0;
  px__buf b[2];
  px__buf_init(&b[0], 0);
  px__buf_init(&b[1], 0);
  const char *cur = p;
  size_t len = n;
  int err = PX_OK;
  /* text encoded twice (or three times) needs a pass per encoding */
  for (int pass = 0; pass < 3; pass++) {
    px__buf *dst = &b[pass & 1];
    px__buf_clear(dst);
    size_t f = unmojibake_pass(dst, cur, len, &err);
    if (err || !f) break;
    if (pass == 0) *fixed = f; /* the sequences found in the text as given */
    cur = dst->ptr;
    len = dst->len;
  }
  if (!err && *fixed) err = px__buf_append(out, cur, len);
  px__buf_release(&b[0]);
  px__buf_release(&b[1]);
  return err;
}
