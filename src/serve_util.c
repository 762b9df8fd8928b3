/* serve_util.c - the page buffer and escaping for each context of a page:
 * HTML text and attributes, URL components, JSON strings, and the check
 * that a link to an original is http(s). */
#include "serve.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

void sb_init(sbuf *b, size_t max) {
  memset(b, 0, sizeof(*b));
  b->max = max ? max : SV_MAX_OUT;
}

void sb_free(sbuf *b) {
  free(b->p);
  memset(b, 0, sizeof(*b));
}

static bool grow(sbuf *b, size_t more) {
  if (b->oom) return false;
  if (more > b->max - b->n) {
    b->oom = true;
    return false;
  }
  if (b->n + more + 1 <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 4096;
  while (cap < b->n + more + 1) cap *= 2;
  char *p = realloc(b->p, cap);
  if (!p) {
    b->oom = true;
    return false;
  }
  b->p = p;
  b->cap = cap;
  return true;
}

void sb_add(sbuf *b, const char *p, size_t n) {
  if (!grow(b, n)) return;
  if (n) memcpy(b->p + b->n, p, n);
  b->n += n;
  b->p[b->n] = 0;
}

void sb_s(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

void sb_f(sbuf *b, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(tmp, sizeof(tmp), fmt, ap);
  va_end(ap);
  if (k < 0) return;
  if ((size_t)k < sizeof(tmp)) {
    sb_add(b, tmp, (size_t)k);
    return;
  }
  if (!grow(b, (size_t)k)) return;
  va_start(ap, fmt);
  vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)k;
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if invalid. */
static size_t u8len(const unsigned char *p, size_t n) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  size_t k;
  unsigned v, min;
  if ((c & 0xE0) == 0xC0) { k = 2; v = c & 0x1F; min = 0x80; }
  else if ((c & 0xF0) == 0xE0) { k = 3; v = c & 0x0F; min = 0x800; }
  else if ((c & 0xF8) == 0xF0) { k = 4; v = c & 0x07; min = 0x10000; }
  else return 0;
  if (k > n) return 0;
  for (size_t j = 1; j < k; j++) {
    if ((p[j] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (p[j] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  return k;
}

void sb_html(sbuf *b, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned c = p[i];
    const char *rep = NULL;
    size_t k = 1;
    if (c == '&') rep = "&amp;";
    else if (c == '<') rep = "&lt;";
    else if (c == '>') rep = "&gt;";
    else if (c == '"') rep = "&quot;";
    else if (c == '\'') rep = "&#39;";
    else if (c < 0x20 && c != '\n' && c != '\t') rep = "";
    else if (c == 0x7F) rep = "";
    else if (c >= 0x80 && (k = u8len(p + i, n - i)) == 0) {
      rep = "\xEF\xBF\xBD"; /* U+FFFD for a stray byte */
      k = 1;
    }
    if (rep) {
      sb_add(b, s + run, i - run);
      sb_s(b, rep);
      i += k;
      run = i;
    } else {
      i += k;
    }
  }
  sb_add(b, s + run, n - run);
}

void sb_urlc(sbuf *b, const char *p, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      sb_add(b, (const char *)&c, 1);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      sb_add(b, e, 3);
    }
  }
}

void sb_json(sbuf *b, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  sb_add(b, "\"", 1);
  size_t i = 0, run = 0;
  while (i < n) {
    unsigned c = p[i];
    size_t k = 1;
    char esc[8];
    const char *rep = NULL;
    if (c == '"') rep = "\\\"";
    else if (c == '\\') rep = "\\\\";
    else if (c == '\n') rep = "\\n";
    else if (c == '\t') rep = "\\t";
    else if (c == '\r') rep = "\\r";
    else if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&') {
      /* < > & escaped too, so JSON is inert if ever placed in HTML. */
      snprintf(esc, sizeof(esc), "\\u%04x", c);
      rep = esc;
    } else if (c >= 0x80 && (k = u8len(p + i, n - i)) == 0) {
      rep = "\\ufffd";
      k = 1;
    }
    if (rep) {
      sb_add(b, s + run, i - run);
      sb_s(b, rep);
      i += k;
      run = i;
    } else {
      i += k;
    }
  }
  sb_add(b, s + run, n - run);
  sb_add(b, "\"", 1);
}

bool sv_safe_url(const char *p, size_t n) {
  size_t skip;
  if (n > 7 && strncasecmp(p, "http://", 7) == 0) skip = 7;
  else if (n > 8 && strncasecmp(p, "https://", 8) == 0) skip = 8;
  else return false;
  if (n > 2048) return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c <= 0x20 || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' ||
        c == '`')
      return false;
  }
  return n > skip && p[skip] != '/';
}

void sb_time(sbuf *b, int64_t t, bool with_clock) {
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm)) return;
  char s[32];
  strftime(s, sizeof(s), with_clock ? "%Y-%m-%d %H:%M" : "%Y-%m-%d", &tm);
  sb_s(b, s);
}
