/* charset.c - finding the character set of web pages and converting them
 * to UTF-8 with iconv (glibc). */
#include "extract.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

static bool is_label_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

static void copy_label(const char *p, size_t n, char *name, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char c = (unsigned char)p[i];
    if (!is_label_char(c)) break;
    name[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  name[k] = '\0';
}

bool px__charset_from_content_type(const char *v, size_t n, char *name, size_t cap) {
  if (!v || cap < 2) return false;
  for (size_t i = 0; i + 8 <= n; i++) {
    if (strncasecmp(v + i, "charset", 7) != 0) continue;
    size_t j = i + 7;
    while (j < n && (v[j] == ' ' || v[j] == '\t')) j++;
    if (j >= n || v[j] != '=') continue;
    j++;
    while (j < n && (v[j] == ' ' || v[j] == '\t' || v[j] == '"' || v[j] == '\'')) j++;
    copy_label(v + j, n - j, name, cap);
    return name[0] != '\0';
  }
  return false;
}

/* Case-insensitive search of a short ASCII needle. */
static const char *find_ci(const char *p, size_t n, const char *needle) {
  size_t k = strlen(needle);
  if (k == 0 || n < k) return NULL;
  for (size_t i = 0; i + k <= n; i++)
    if ((p[i] | 32) == (needle[0] | 32) && strncasecmp(p + i, needle, k) == 0) return p + i;
  return NULL;
}

/* Prescan <meta ...> tags in the first bytes for a charset declaration. */
static bool meta_charset(const char *p, size_t n, char *name, size_t cap) {
  const char *end = p + n, *q = p;
  while (q < end) {
    const char *m = find_ci(q, (size_t)(end - q), "<meta");
    if (!m) return false;
    const char *gt = memchr(m, '>', (size_t)(end - m));
    const char *te = gt ? gt : end;
    /* charset=LABEL (an attribute, or inside content="text/html;
     * charset=LABEL"); a "charset" that is not followed by '=' (as in
     * name="charset" content="utf-8") is a name, and content holds the
     * label. */
    bool named = false;
    for (const char *cs = find_ci(m, (size_t)(te - m), "charset"); cs;
         cs = find_ci(cs + 7, (size_t)(te - cs - 7), "charset")) {
      const char *v = cs + 7;
      while (v < te && *v == ' ') v++;
      if (v >= te || *v != '=') {
        named = true;
        continue;
      }
      while (v < te && (*v == ' ' || *v == '=' || *v == '"' || *v == '\'')) v++;
      copy_label(v, (size_t)(te - v), name, cap);
      if (name[0]) return true;
    }
    const char *ct = named ? find_ci(m, (size_t)(te - m), "content") : NULL;
    if (ct) {
      const char *v = ct + 7;
      while (v < te && *v == ' ') v++;
      if (v < te && *v == '=') {
        while (v < te && (*v == ' ' || *v == '=' || *v == '"' || *v == '\'')) v++;
        copy_label(v, (size_t)(te - v), name, cap);
        if (name[0]) return true;
      }
    }
    q = m + 5;
  }
  return false;
}

bool px__charset_is_utf8(const char *name) {
  return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0 ||
         strcasecmp(name, "us-ascii") == 0 || strcasecmp(name, "ascii") == 0 ||
         strcasecmp(name, "unicode-1-1-utf-8") == 0;
}

/* The name iconv knows a label by: the labels the web uses for a
 * superset (Latin-1 and ASCII are read as Windows-1252, as browsers do). */
static const char *iconv_name(const char *name) {
  if (strcasecmp(name, "iso-8859-1") == 0 || strcasecmp(name, "latin1") == 0 ||
      strcasecmp(name, "iso8859-1") == 0 || strcasecmp(name, "l1") == 0 ||
      strcasecmp(name, "us-ascii") == 0 || strcasecmp(name, "ascii") == 0 ||
      strcasecmp(name, "cp1252") == 0)
    return "WINDOWS-1252";
  if (strcasecmp(name, "x-sjis") == 0) return "SHIFT_JIS";
  if (strcasecmp(name, "gb2312") == 0) return "GBK";
  return name;
}

/* Labels of UTF-16 (the WHATWG Encoding Standard's, and "ucs-2"). */
static bool utf16_label(const char *name) {
  static const char *const l[] = {"utf-16", "utf-16le", "utf-16be", "unicode", "unicodefeff",
                                  "unicodefffe", "csunicode", "iso-10646-ucs-2", "ucs-2", "utf16",
                                  NULL};
  for (size_t k = 0; l[k]; k++)
    if (strcasecmp(name, l[k]) == 0) return true;
  return false;
}

/* Whether a declared label can be used, rewritten to the one to use:
 * MySQL's names of UTF-8 ("utf8mb4") are UTF-8; in the page's own bytes
 * (in_page) a UTF-16 label is UTF-8 (those bytes were ASCII); a label
 * iconv does not know is not usable. */
static bool usable_label(char *name, size_t cap, bool in_page) {
  if (strcasecmp(name, "utf8mb4") == 0 || strcasecmp(name, "utf8mb3") == 0 ||
      (in_page && utf16_label(name))) {
    copy_label("utf-8", 5, name, cap);
    return true;
  }
  if (px__charset_is_utf8(name)) return true;
  iconv_t cd = iconv_open("UTF-8", iconv_name(name));
  if (cd == (iconv_t)-1) return false;
  iconv_close(cd);
  return true;
}

void px__charset_detect(const char *p, size_t n, const char *hint, char *name, size_t cap,
                        size_t *bom) {
  *bom = 0;
  name[0] = '\0';
  const unsigned char *u = (const unsigned char *)p;
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    *bom = 3;
    copy_label("utf-8", 5, name, cap);
    return;
  }
  if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    *bom = 2;
    copy_label("utf-16le", 8, name, cap);
    return;
  }
  if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    *bom = 2;
    copy_label("utf-16be", 8, name, cap);
    return;
  }
  /* As a browser reads a label: one it does not know is no declaration
   * (the next source decides), and a page that says UTF-16 in its
   * ASCII-compatible bytes is not UTF-16. */
  if (hint && hint[0]) {
    size_t hn = strlen(hint);
    if (px__charset_from_content_type(hint, hn, name, cap) && usable_label(name, cap, false))
      return;
    if (!memchr(hint, '/', hn) && !memchr(hint, ';', hn)) {
      copy_label(hint, hn, name, cap);
      if (name[0] && usable_label(name, cap, false)) return;
    }
  }
  if (meta_charset(p, PX__MIN(n, 4096), name, cap) && usable_label(name, cap, true)) return;
  copy_label(px__utf8_valid_prefix(p, n) == n ? "utf-8" : "windows-1252", 12, name, cap);
}

int px__charset_to_utf8(const char *name, const char *p, size_t n, px__buf *out, px__buf *msg) {
  iconv_t cd = iconv_open("UTF-8", iconv_name(name));
  if (cd == (iconv_t)-1) {
    if (msg) px__buf_printf(msg, "unknown character set \"%s\"", name);
    return PX_EUNSUPPORTED;
  }
  int rc = PX_OK;
  char *in = (char *)p;
  size_t inleft = n;
  while (inleft > 0) {
    if ((rc = px__buf_reserve(out, inleft * 2 + 16))) break;
    char *o = out->ptr + out->len;
    size_t oleft = out->alloc - out->len - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    out->len = (size_t)(o - out->ptr);
    out->ptr[out->len] = '\0';
    if (r != (size_t)-1) break;
    if (errno == E2BIG) continue;
    /* EILSEQ or EINVAL (cut sequence): one byte becomes U+FFFD. */
    if ((rc = px__buf_append(out, "\xEF\xBF\xBD", 3))) break;
    in++;
    inleft--;
    iconv(cd, NULL, NULL, NULL, NULL);
  }
  iconv_close(cd);
  return rc;
}
