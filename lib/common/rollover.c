/*
 * rollover.c - a site's name rollovers cut out of article text.
 *
 * Some news sites follow a person's name with a box shown on hover: the
 * full name and the latest headlines about the person, ending in a "MORE"
 * link.  Copied as text, the box lands inside the sentence:
 *
 *   Sen. Susan Collins Susan Margaret CollinsSenators press ... Lawmakers
 *   weigh ... MORE (R-Maine) said ...
 *
 * which breaks the sentence, its names and any quote around it.  The box
 * is recognised by its shape alone: the name as written, a space, a full
 * name of up to six words ending in the same family name, glued to the
 * first headline (or, less often, a space before it), and "MORE" within a
 * few hundred bytes on the same line.  Anything else -- "MORE" in capitals in a headline, a
 * glued word such as "McConnell" with no name before it -- stays.
 */
#include "px_common.h"

#include <string.h>

#define ROLL_SPAN 900 /* the headlines between the glued name and "MORE", at most */
#define ROLL_NAME 6   /* words of the full name before the family name, at most */

static bool lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static bool upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static bool letter(unsigned char c) { return lower(c) || upper(c) || c >= 0x80; }

/* A word of a name: letters, apostrophes, hyphens and periods ("O'Rourke",
 * "Ocasio-Cortez", "Jr."), or one in parentheses ("(Nikki)"). */
static bool name_byte(unsigned char c) {
  return letter(c) || c == '\'' || c == '-' || c == '.' || c == '(' || c == ')';
}

/* "de" in "Bill de Blasio", "van" in "Chris Van Hollen" written low. */
static bool particle(const unsigned char *w, size_t n) {
  static const char *const k[] = {"al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"};
  for (size_t i = 0; i < sizeof k / sizeof *k; i++)
    if (strlen(k[i]) == n && memcmp(k[i], w, n) == 0) return true;
  return false;
}

/* The first headline begins at q: a capital, a digit, or a quotation mark
 * before a capital. */
static bool headline_start(const unsigned char *u, size_t q, size_t n) {
  if (q >= n) return false;
  if (upper(u[q]) || (u[q] >= '0' && u[q] <= '9')) return true;
  if ((u[q] == '"' || u[q] == '\'') && q + 1 < n) return upper(u[q + 1]);
  /* ‘ or “: E2 80 98 / E2 80 9C */
  if (u[q] == 0xE2 && q + 3 < n && u[q + 1] == 0x80 && (u[q + 2] == 0x98 || u[q + 2] == 0x9C))
    return upper(u[q + 3]);
  return false;
}

/* Where the full name glued at g (its last letter) begins, when the name as
 * written stands right before it and ends in the same word; 0 otherwise
 * (a full name never begins the text). */
static size_t full_name_start(const unsigned char *u, size_t lo, size_t g) {
  size_t ws = g + 1; /* the family name: u[ws..g] */
  while (ws > lo && (letter(u[ws - 1]) || u[ws - 1] == '-' || u[ws - 1] == '\'') && ws - 1 + 40 > g)
    ws--;
  if (u[ws] == '\'' || !upper(u[ws]) || g + 1 - ws < 2) return 0;
  size_t wl = g + 1 - ws;
  size_t fs = ws;
  for (int k = 0; k < ROLL_NAME; k++) {
    /* fs begins a word of the full name; the word before it ends at fs - 2 */
    if (fs < lo + 2 || u[fs - 1] != ' ') return 0;
    size_t e = fs - 1; /* one past the word before */
    size_t s = e;
    while (s > lo && name_byte(u[s - 1])) s--;
    if (s == e) return 0;
    /* the name as written glued to the full name: "Mark CoralloMark Corallo" */
    for (size_t t = e - 1; t > s + 1; t--)
      if (upper(u[t]) && lower(u[t - 1]) && t - s >= wl && memcmp(u + t - wl, u + ws, wl) == 0 &&
          (t - wl == s || !letter(u[t - wl - 1])))
        return t;
    /* the name as written ends in the family name: the box starts at fs */
    if (k > 0 && e - s >= wl && memcmp(u + e - wl, u + ws, wl) == 0 &&
        (e - wl == s || !letter(u[e - wl - 1])))
      return fs;
    /* else that word belongs to the full name: it must look like one */
    if (!(upper(u[s]) || (u[s] == '(' && s + 1 < e && upper(u[s + 1])) || particle(u + s, e - s)))
      return 0;
    fs = s;
  }
  return 0;
}

/* The box that ends with the "MORE" at m, as [*from, *to) to cut; false when
 * the text before m is not one. */
static bool rollover_at(const unsigned char *u, size_t n, size_t lo, size_t m, size_t *from,
                        size_t *to) {
  size_t floor = m > lo + ROLL_SPAN ? m - ROLL_SPAN : lo;
  for (size_t g = m - 1; g > floor; g--) {
    if (u[g] == '\n') return false;
    if (!lower(u[g])) continue;
    /* the full name glued to the first headline, or (less often) a space
     * between them */
    if (!headline_start(u, g + 1, m) && !(u[g + 1] == ' ' && headline_start(u, g + 2, m)))
      continue;
    size_t fs = full_name_start(u, lo, g);
    if (!fs) continue;
    size_t end = m + 4;
    if (end < n && u[end] == ' ') *from = fs, *to = end + 1;
    else *from = u[fs - 1] == ' ' ? fs - 1 : fs, *to = end; /* "MORE," "MORE's": kept */
    return true;
  }
  return false;
}

/* The first " MORE" at or after from (the offset of its "M"), SIZE_MAX when
 * none.  A capital M is rare in prose, and memchr passes over the bytes
 * between two at a fraction of memmem's cost: this runs on every body. */
static size_t more_at(const char *p, size_t n, size_t from) {
  size_t i = from ? from : 1;
  while (i + 4 <= n) {
    const char *hit = memchr(p + i, 'M', n - 3 - i);
    if (!hit) return SIZE_MAX;
    i = (size_t)(hit - p);
    if (p[i - 1] == ' ' && memcmp(p + i + 1, "ORE", 3) == 0) return i;
    i++;
  }
  return SIZE_MAX;
}

size_t px__cut_rollovers(char *p, size_t n) {
  unsigned char *u = (unsigned char *)p;
  size_t r = 0, w = 0, scan = 0;
  for (;;) {
    size_t m = more_at(p, n, scan);
    if (m == SIZE_MAX) break;
    scan = m + 4;
    if (m + 4 < n && (lower(u[m + 4]) || upper(u[m + 4]))) continue; /* "MOREOVER" */
    size_t from, to;
    if (!rollover_at(u, n, r, m, &from, &to)) continue;
    memmove(p + w, p + r, from - r);
    w += from - r;
    r = to;
  }
  if (r == 0) return n;
  memmove(p + w, p + r, n - r);
  return w + n - r;
}
