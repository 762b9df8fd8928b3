/* fold.c - folding text for matching, and the word hash.
 *
 * The folded form is what two spellings of the same word share: lower case
 * (Unicode case folding), diacritics stripped (NFKD, marks removed),
 * compatibility forms expanded ("ﬁ" -> "fi", "…" -> "..."), curly quotes and
 * apostrophes straightened, every dash to '-', every space to ' ', and
 * zero-width characters dropped.  ASCII is folded by table; only other code
 * points go through utf8proc.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

uint64_t px__word_hash(const char *folded, size_t n) { return px__word_hash_inline(folded, n); }

size_t px__fold_cp(int32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return 1;
  }
  switch (cp) {
  /* spaces */
  case 0xA0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
  case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
  case 0x200A: case 0x202F: case 0x205F: case 0x3000: case 0x2028: case 0x2029:
    out[0] = ' ';
    return 1;
  /* zero-width and invisible */
  case 0xAD: case 0x180E: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
  case 0xFEFF:
    return 0;
  /* single quotes and apostrophes */
  case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
  case 0x02BC: case 0x2039: case 0x203A: case 0xFF07:
    out[0] = '\'';
    return 1;
  /* double quotes */
  case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036:
  case 0xAB: case 0xBB: case 0xFF02:
    out[0] = '"';
    return 1;
  /* dashes and minus */
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
  case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
    out[0] = '-';
    return 1;
  default:
    break;
  }
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t r = utf8proc_decompose_char(
      cp, buf, 8,
      UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
          UTF8PROC_IGNORE | UTF8PROC_LUMP,
      &last);
  if (r < 0 || r > 8) return px__utf8_encode(utf8proc_tolower(cp), out);
  size_t o = 0;
  for (utf8proc_ssize_t k = 0; k < r; k++) o += px__utf8_encode(buf[k], out + o);
  return o;
}

int px__fold(const char *p, size_t n, px__arena *arena, char **out, size_t *nout,
             uint32_t **map) {
  int rc = PX_OK;
  px__buf b;
  px__buf_init(&b, 0);
  uint32_t *m = NULL;
  size_t mcap = 0;
  const unsigned char *u = (const unsigned char *)p;
  *out = NULL;
  *nout = 0;
  if (map) *map = NULL;
  if (n > UINT32_MAX) return PX_ETOOBIG;
  for (size_t i = 0; i < n;) {
    char tmp[PX__FOLD_MAX];
    size_t len, k;
    if (u[i] < 0x80) {
      tmp[0] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 : u[i]);
      k = 1;
      len = 1;
    } else if ((len = px__utf8_seqlen(u + i, n - i)) != 0) {
      k = px__fold_cp(px__utf8_decode(u + i, len), tmp);
    } else {
      len = 1; /* invalid byte: U+FFFD keeps the output valid UTF-8 */
      k = px__utf8_encode(0xFFFD, tmp);
    }
    if (k && (rc = px__buf_append(&b, tmp, k))) goto out;
    if (map && k) {
      if (b.len > mcap) {
        size_t nc = mcap ? mcap * 2 : 256;
        while (nc < b.len) nc *= 2;
        uint32_t *nm = realloc(m, nc * sizeof *m);
        if (!nm) {
          rc = PX_ENOMEM;
          goto out;
        }
        m = nm;
        mcap = nc;
      }
      for (size_t j = b.len - k; j < b.len; j++) m[j] = (uint32_t)i;
    }
    i += len;
  }
  char *o = px__arena_alloc(arena, b.len + 1);
  if (!o) {
    rc = PX_ENOMEM;
    goto out;
  }
  if (b.len) memcpy(o, b.ptr, b.len);
  o[b.len] = '\0';
  if (map) {
    uint32_t *am = px__arena_alloc(arena, (b.len + 1) * sizeof *am);
    if (!am) {
      rc = PX_ENOMEM;
      goto out;
    }
    if (b.len) memcpy(am, m, b.len * sizeof *am);
    am[b.len] = (uint32_t)n; /* one past the end maps to the end of the source */
    *map = am;
  }
  *out = o;
  *nout = b.len;
out:
  free(m);
  px__buf_release(&b);
  return rc;
}
