/* date.c - parsing the dates found in news data into UTC seconds.
 *
 * The input is split into tokens (numbers, words, signs); the shape of the
 * token sequence decides the reading.  Accepted: ISO 8601 dates and times
 * with offsets, RFC 2822, "September 13, 2023", "13 Sep 2023", US
 * "9/13/2023", "2023/09/13", and Unix seconds or milliseconds.
 */
#include "px_common.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = (unsigned)(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m) {
  static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}

static int month_from_word(const char *w, size_t n) {
  static const char *const names[12] = {"january", "february", "march",     "april",
                                        "may",     "june",     "july",      "august",
                                        "september", "october", "november", "december"};
  if (n < 3) return 0;
  for (int i = 0; i < 12; i++) {
    size_t full = strlen(names[i]);
    if (n <= full && strncasecmp(w, names[i], n) == 0) return i + 1;
    if (n == 4 && i == 8 && strncasecmp(w, "sept", 4) == 0) return 9;
  }
  return 0;
}

/* Zone abbreviations seen in RFC 2822 dates of news feeds, in minutes. */
static int zone_from_word(const char *w, size_t n, int *minutes) {
  static const struct {
    const char *name;
    int off;
  } zones[] = {{"gmt", 0},     {"utc", 0},     {"ut", 0},      {"z", 0},
               {"est", -300},  {"edt", -240},  {"cst", -360},  {"cdt", -300},
               {"mst", -420},  {"mdt", -360},  {"pst", -480},  {"pdt", -420},
               {"bst", 60},    {"cet", 60},    {"cest", 120},  {"eet", 120},
               {"eest", 180},  {"msk", 180},   {"ist", 330},   {"jst", 540},
               {"kst", 540},   {"aest", 600},  {"aedt", 660}};
  for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
    if (strlen(zones[i].name) == n && strncasecmp(w, zones[i].name, n) == 0) {
      *minutes = zones[i].off;
      return 1;
    }
  }
  return 0;
}

enum { T_NUM, T_WORD, T_PUNCT };
typedef struct {
  int kind;
  const char *p;
  size_t n;
  int64_t v;
  char c;
} tok;

#define MAXTOK 24

static int lex(const char *s, size_t n, tok *t, int *nt) {
  int k = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (isspace(c) || c == ',') {
      i++;
      continue;
    }
    if (k == MAXTOK) return PX_EFORMAT;
    if (isdigit(c)) {
      size_t j = i;
      int64_t v = 0;
      while (j < n && isdigit((unsigned char)s[j])) {
        if (j - i < 15) v = v * 10 + (s[j] - '0');
        j++;
      }
      t[k++] = (tok){T_NUM, s + i, j - i, v, 0};
      i = j;
    } else if (isalpha(c)) {
      size_t j = i;
      while (j < n && isalpha((unsigned char)s[j])) j++;
      t[k++] = (tok){T_WORD, s + i, j - i, 0, 0};
      i = j;
    } else {
      t[k++] = (tok){T_PUNCT, s + i, 1, 0, (char)c};
      i++;
    }
  }
  *nt = k;
  return PX_OK;
}

static bool is_p(const tok *t, int i, int nt, char c) {
  return i < nt && t[i].kind == T_PUNCT && t[i].c == c;
}

/* Parse "HH:MM[:SS[.frac]] [am|pm] [zone]" starting at t[*i]. */
static int parse_time(const tok *t, int *i, int nt, int *hh, int *mi, int *ss, int *zone,
                      bool *has_zone) {
  int k = *i;
  if (k >= nt || t[k].kind != T_NUM || t[k].n > 2) return 0;
  *hh = (int)t[k].v;
  if (!is_p(t, k + 1, nt, ':') || k + 2 >= nt || t[k + 2].kind != T_NUM) return 0;
  if (t[k + 2].n > 2) return 0;
  *mi = (int)t[k + 2].v;
  k += 3;
  *ss = 0;
  if (is_p(t, k, nt, ':') && k + 1 < nt && t[k + 1].kind == T_NUM && t[k + 1].n <= 2) {
    *ss = (int)t[k + 1].v;
    k += 2;
    if (is_p(t, k, nt, '.') && k + 1 < nt && t[k + 1].kind == T_NUM) k += 2;
  }
  if (k < nt && t[k].kind == T_WORD && t[k].n == 2) {
    if (strncasecmp(t[k].p, "pm", 2) == 0) {
      if (*hh < 12) *hh += 12;
      k++;
    } else if (strncasecmp(t[k].p, "am", 2) == 0) {
      if (*hh == 12) *hh = 0;
      k++;
    }
  }
  if (k < nt && (is_p(t, k, nt, '+') || is_p(t, k, nt, '-')) && k + 1 < nt &&
      t[k + 1].kind == T_NUM) {
    int sign = t[k].c == '-' ? -1 : 1;
    int64_t v = t[k + 1].v;
    int h, m = 0;
    if (t[k + 1].n == 4) {
      h = (int)(v / 100);
      m = (int)(v % 100);
      k += 2;
    } else if (t[k + 1].n <= 2) {
      h = (int)v;
      k += 2;
      if (is_p(t, k, nt, ':') && k + 1 < nt && t[k + 1].kind == T_NUM && t[k + 1].n <= 2) {
        m = (int)t[k + 1].v;
        k += 2;
      }
    } else {
      return 0;
    }
    if (h > 14 || m > 59) return 0;
    *zone = sign * (h * 60 + m);
    *has_zone = true;
  } else if (k < nt && t[k].kind == T_WORD && zone_from_word(t[k].p, t[k].n, zone)) {
    *has_zone = true;
    k++;
  }
  *i = k;
  return 1;
}

int px_parse_date(const char *s, size_t n, int64_t *out) {
  return px__parse_date_zone(s, n, out, NULL, NULL);
}

int px__parse_date_zone(const char *s, size_t n, int64_t *out, int *zone_out, int *has_zone_out) {
  if (has_zone_out) *has_zone_out = 0;
  if (zone_out) *zone_out = 0;
  if (!s || !out) return PX_EINVAL;
  tok t[MAXTOK];
  int nt = 0;
  if (n > 128 || lex(s, n, t, &nt) || nt == 0) return PX_EFORMAT;
  int y = 0, mo = 0, d = 0, hh = 0, mi = 0, ss = 0, zone = 0;
  bool has_zone = false;
  int i = 0;
  /* A leading weekday name ("Wed,") is ignored. */
  if (t[0].kind == T_WORD && !month_from_word(t[0].p, t[0].n)) i = 1;
  if (nt == 1 && t[0].kind == T_NUM) {
    /* Unix seconds or milliseconds. */
    int64_t v = t[0].v;
    if (t[0].n == 13) v /= 1000;
    else if (t[0].n == 8) { /* YYYYMMDD */
      y = (int)(v / 10000), mo = (int)(v / 100 % 100), d = (int)(v % 100);
      goto build;
    } else if (t[0].n < 9 || t[0].n > 11) return PX_EFORMAT;
    *out = v;
    return PX_OK;
  }
  if (i >= nt) return PX_EFORMAT;
  if (t[i].kind == T_NUM && t[i].n == 4 && (is_p(t, i + 1, nt, '-') || is_p(t, i + 1, nt, '/') ||
                                            is_p(t, i + 1, nt, '.'))) {
    /* 2023-09-13, 2023/09/13 */
    y = (int)t[i].v;
    if (i + 2 >= nt || t[i + 2].kind != T_NUM) return PX_EFORMAT;
    mo = (int)t[i + 2].v;
    if (!(is_p(t, i + 3, nt, t[i + 1].c)) || i + 4 >= nt || t[i + 4].kind != T_NUM)
      return PX_EFORMAT;
    d = (int)t[i + 4].v;
    i += 5;
    /* "T10:20" lexes as the word "T" then numbers; "T10" may glue as word T. */
    if (i < nt && t[i].kind == T_WORD && t[i].n == 1 && (t[i].p[0] == 'T' || t[i].p[0] == 't'))
      i++;
  } else if (t[i].kind == T_NUM && t[i].n <= 2 && is_p(t, i + 1, nt, '/')) {
    /* US style 9/13/2023 or 9/13/23 */
    if (i + 4 >= nt || t[i + 2].kind != T_NUM || !is_p(t, i + 3, nt, '/') ||
        t[i + 4].kind != T_NUM)
      return PX_EFORMAT;
    mo = (int)t[i].v;
    d = (int)t[i + 2].v;
    y = (int)t[i + 4].v;
    if (t[i + 4].n == 2) y += y < 70 ? 2000 : 1900;
    if (mo > 12 && d <= 12) { int x = mo; mo = d; d = x; }
    i += 5;
  } else if (t[i].kind == T_NUM && t[i].n <= 2 && i + 2 < nt && t[i + 1].kind == T_WORD) {
    /* 13 Sep 2023 (RFC 2822) */
    d = (int)t[i].v;
    mo = month_from_word(t[i + 1].p, t[i + 1].n);
    if (t[i + 2].kind != T_NUM) return PX_EFORMAT;
    y = (int)t[i + 2].v;
    i += 3;
  } else if (t[i].kind == T_WORD && i + 1 < nt) {
    /* September 13, 2023 / Sept. 13 2023 */
    mo = month_from_word(t[i].p, t[i].n);
    i++;
    if (is_p(t, i, nt, '.')) i++;
    if (i + 1 >= nt || t[i].kind != T_NUM || t[i + 1].kind != T_NUM) return PX_EFORMAT;
    d = (int)t[i].v;
    y = (int)t[i + 1].v;
    i += 2;
  } else {
    return PX_EFORMAT;
  }
  if (i < nt && !parse_time(t, &i, nt, &hh, &mi, &ss, &zone, &has_zone)) {
    /* trailing text we do not understand, such as a weekday: ignore words only */
    for (; i < nt; i++)
      if (t[i].kind == T_NUM) return PX_EFORMAT;
  }
build:
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
      hh > 23 || mi > 59 || ss > 60)
    return PX_EFORMAT;
  *out = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + hh * 3600 + mi * 60 + ss -
         (int64_t)zone * 60;
  if (zone_out) *zone_out = zone;
  if (has_zone_out) *has_zone_out = has_zone;
  return PX_OK;
}
