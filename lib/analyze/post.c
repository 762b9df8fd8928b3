/* post.c - embedded social-media posts in article text.
 *
 * A page that embeds a post prints its words and then its signature:
 *
 *   Words of the post. https://t.co/x pic.twitter.com/y — Jane Doe
 *   (@janedoe) September 16, 2019
 *
 * Copied as text, the words are a remark of the account's owner in the
 * owner's own words, which a reader of the coverage wants beside the
 * quotes of the same person.  The signature is recognised by its shape
 * alone: a dash, a name of a few words, the handle in parentheses, a
 * month's name, a day and a year.  The words run from the start of the
 * signature's line; an embedded post is its own paragraph on the pages
 * that print one, so a longer stretch is the article's prose running on
 * and is not taken.
 */
#include "quote.h"

#include <string.h>

#define POST_MAX_BYTES 480 /* a tweet of 280 characters, some of them two bytes */
#define POST_MAX_WORDS 64
#define NAME_MAX_BYTES 64
#define NAME_MAX_WORDS 8

static bool digit(char c) { return c >= '0' && c <= '9'; }
static bool handle_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '_';
}

static bool month_at(const char *p, size_t n, size_t *len) {
  static const char *const months[] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};
  for (size_t m = 0; m < sizeof months / sizeof *months; m++) {
    size_t k = strlen(months[m]);
    if (n >= k && memcmp(p, months[m], k) == 0) {
      *len = k;
      return true;
    }
  }
  return false;
}

/* "(@janedoe) September 16, 2019" at i (the '('): the handle's end and the
 * date's end, else false. */
static bool handle_and_date(const char *p, size_t n, size_t i, size_t *hend, size_t *end) {
  size_t k = i + 2;
  while (k < n && k - i - 2 < 32 && handle_char(p[k])) k++;
  if (k == i + 2 || k + 2 > n || p[k] != ')' || p[k + 1] != ' ') return false;
  *hend = k;
  k += 2;
  size_t ml;
  if (!month_at(p + k, n - k, &ml)) return false;
  k += ml;
  if (k >= n || p[k] != ' ') return false;
  size_t d = ++k;
  while (k < n && k - d < 3 && digit(p[k])) k++;
  if (k == d || k - d > 2 || k + 2 > n || p[k] != ',' || p[k + 1] != ' ') return false;
  k += 2;
  size_t y = k;
  while (k < n && k - y < 5 && digit(p[k])) k++;
  if (k - y != 4) return false;
  *end = k;
  return true;
}

/* The dash that opens the signature before the name ending at ne: an em or
 * en dash, or a spaced hyphen, then a space; *name_start is set after it. */
static bool dash_before(const char *p, size_t ne, size_t *dash, size_t *name_start) {
  size_t lo = ne > NAME_MAX_BYTES + 4 ? ne - NAME_MAX_BYTES - 4 : 0;
  for (size_t i = ne; i-- > lo;) {
    if (p[i] == '\n') return false;
    if (p[i] != ' ' || i == 0) continue;
    const unsigned char *u = (const unsigned char *)p;
    if (i >= 3 && u[i - 3] == 0xE2 && u[i - 2] == 0x80 && (u[i - 1] == 0x94 || u[i - 1] == 0x93)) {
      *dash = i - 3;
      *name_start = i + 1;
      return true;
    }
    if (p[i - 1] == '-' && (i < 2 || p[i - 2] == ' ' || p[i - 2] == '\n' || p[i - 2] == '-')) {
      *dash = i >= 2 && p[i - 2] == '-' ? i - 2 : i - 1;
      *name_start = i + 1;
      return true;
    }
  }
  return false;
}

static bool is_link(const char *w, size_t n) {
  return (n >= 4 && memcmp(w, "http", 4) == 0) || (n >= 8 && memcmp(w, "pic.twit", 8) == 0) ||
         (n >= 5 && memcmp(w, "t.co/", 5) == 0);
}

/* [s, *e) with the links and white space at its end cut off. */
static void cut_links(const char *p, size_t s, size_t *e) {
  for (;;) {
    while (*e > s && (p[*e - 1] == ' ' || p[*e - 1] == '\n' || p[*e - 1] == '\t')) (*e)--;
    size_t w = *e;
    while (w > s && p[w - 1] != ' ' && p[w - 1] != '\n') w--;
    if (w == *e || !is_link(p + w, *e - w)) return;
    *e = w;
  }
}

static size_t words(const char *p, size_t s, size_t e, size_t max) {
  size_t n = 0;
  for (size_t i = s; i < e && n <= max;) {
    while (i < e && (p[i] == ' ' || p[i] == '\n')) i++;
    if (i == e) break;
    n++;
    while (i < e && p[i] != ' ' && p[i] != '\n') i++;
  }
  return n;
}

/* Any letter or digit in [s, e): a post of links only says nothing. */
static bool has_word(const char *p, size_t s, size_t e) {
  for (size_t i = s; i < e; i++) {
    unsigned char c = (unsigned char)p[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit((char)c) || c >= 0xC0) return true;
  }
  return false;
}

bool px__post_next(const char *p, size_t n, size_t *from, px__post *out) {
  size_t i = *from;
  while (i + 2 < n) {
    const char *h = memchr(p + i, '(', n - 2 - i);
    if (!h) break;
    i = (size_t)(h - p);
    size_t at = i++;
    if (p[at + 1] != '@' || at < 2 || p[at - 1] != ' ') continue;
    size_t hend, end;
    if (!handle_and_date(p, n, at, &hend, &end)) continue;
    size_t ne = at - 1, dash, ns;
    if (!dash_before(p, ne, &dash, &ns) || ns >= ne) continue;
    if (words(p, ns, ne, NAME_MAX_WORDS) > NAME_MAX_WORDS) continue;
    /* the post's words: from its line's start to the dash */
    size_t ts = dash, te = dash;
    while (ts > 0 && p[ts - 1] != '\n') ts--;
    cut_links(p, ts, &te);
    while (ts < te && (p[ts] == ' ' || p[ts] == '\t')) ts++;
    if (te - ts > POST_MAX_BYTES || !has_word(p, ts, te) ||
        words(p, ts, te, POST_MAX_WORDS) > POST_MAX_WORDS)
      continue;
    *out = (px__post){(uint32_t)ts, (uint32_t)te, (uint32_t)ns, (uint32_t)ne,
                      (uint32_t)(at + 1), (uint32_t)hend, (uint32_t)end};
    *from = end;
    return true;
  }
  *from = n;
  return false;
}
