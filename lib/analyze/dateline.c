/* dateline.c - the dateline at the start of a wire story.
 *
 * Recognized shapes (the dash may be -, --, – or —):
 *   MOSCOW-                      MOSCOW (Reuters) -
 *   KYIV, Ukraine —              WASHINGTON, Sept 13 (AP) —
 *   ST. LOUIS, Mo. (AP) --       Washington (CNN) —
 *   WASHINGTON/MINNEAPOLIS (Reuters) -
 * The place is one to five words in capitals, or title-case words when an
 * agency in parentheses follows (the agency is what makes "Washington (CNN)"
 * safe to take).  After it may come ", Region" segments; a segment that
 * begins with a month is the date and is not part of the place.  Then the
 * agency, then the dash, then the story.  Anything else is not a dateline:
 * "The U.S. - ..." has a lower-case letter in its first word and no agency;
 * "BREAKING - ..." and the like are excluded by name.  A known agency alone,
 * "(CNN) -- ..." or "(Reuters) ...", is a dateline without a place.
 */
#include "text.h"

#include <string.h>
#include <utf8proc.h>

#define MAX_DATELINE 120

static const char *const k_not_place[] = {
    "A", "AN", "ANALYSIS", "BREAKING", "CORRECTION", "EDITOR'S", "EXCLUSIVE", "FILE", "I",
    "LIVE", "NOTE", "OPINION", "PHOTOS", "THE", "UPDATE", "UPDATED", "VIDEO", "WATCH",
};

static const char *const k_months[] = {
    "apr", "aug", "dec", "feb", "jan", "jul", "jun", "mar",
    "may", "nov", "oct", "sep",
};

/* Agencies recognized with no place before them: "(CNN) -- ...", "(Reuters) ...". */
static const char *const k_agencies[] = {
    "AFP", "AP", "BBC", "Bloomberg", "CBS", "CNBC", "CNN", "CNSNews.com", "Fox News",
    "Interfax", "Kyodo", "MarketWatch", "NBC", "NPR", "PTI", "Reuters", "TASS", "The Hill",
    "UPI", "Xinhua", "Yonhap", "dpa",
};

/* "(CNN) -- " at i: a known agency alone.  @return true and fills out. */
static bool agency_only(const unsigned char *p, size_t n, size_t i, px__dateline *out);

static bool is_upper_at(const unsigned char *p, size_t n, size_t i, size_t *len) {
  if (p[i] < 0x80) {
    *len = 1;
    return p[i] >= 'A' && p[i] <= 'Z';
  }
  size_t l = px__utf8_seqlen(p + i, n - i);
  *len = l ? l : 1;
  if (!l) return false;
  int c = utf8proc_category(px__utf8_decode(p + i, l));
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool is_lower_at(const unsigned char *p, size_t n, size_t i, size_t *len) {
  if (p[i] < 0x80) {
    *len = 1;
    return p[i] >= 'a' && p[i] <= 'z';
  }
  size_t l = px__utf8_seqlen(p + i, n - i);
  *len = l ? l : 1;
  return l && utf8proc_category(px__utf8_decode(p + i, l)) == UTF8PROC_CATEGORY_LL;
}

/* A word of letters with inner . ' and hyphens between capitals.
 * @return its end; *caps true when it has no lower-case letter. */
static size_t place_word(const unsigned char *p, size_t n, size_t i, bool *caps,
                         bool *cap1) {
  size_t s = i, l;
  *caps = true;
  *cap1 = i < n && is_upper_at(p, n, i, &l);
  while (i < n) {
    if (is_upper_at(p, n, i, &l)) {
      i += l;
    } else if (is_lower_at(p, n, i, &l)) {
      *caps = false;
      i += l;
    } else if (p[i] == '.' && i > s) {
      i++;
    } else if ((p[i] == '\'' || p[i] == '-') && i > s && i + 1 < n &&
               is_upper_at(p, n, i + 1, &l)) {
      /* "PORT-AU-PRINCE", but not the dash of "MOSCOW-Russia" */
      size_t k = i + 1, l2;
      bool all = true;
      while (k < n && (is_upper_at(p, n, k, &l2) || is_lower_at(p, n, k, &l2))) {
        if (is_lower_at(p, n, k, &l2)) all = false;
        k += l2;
      }
      if (!all && p[i] == '-') break;
      i++;
    } else {
      break;
    }
  }
  return i;
}

/* The dash ending a dateline at i: - -- – — ―.  @return its length or 0. */
static size_t dash_len(const unsigned char *p, size_t n, size_t i) {
  if (i < n && p[i] == '-') return i + 1 < n && p[i + 1] == '-' ? 2 : 1;
  if (i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] >= 0x92 && p[i + 2] <= 0x95)
    return 3;
  return 0;
}

static size_t skip_spaces(const unsigned char *p, size_t n, size_t i) {
  while (i < n && (p[i] == ' ' || p[i] == '\t')) i++;
  return i;
}

/* Is [a, a+n) one of list's names? */
static bool name_in(const unsigned char *a, size_t n, const char *const *list, size_t nl) {
  for (size_t k = 0; k < nl; k++)
    if (strlen(list[k]) == n && !memcmp(list[k], a, n)) return true;
  return false;
}

/* An agency, alone or after a place: k_agencies, and CNN's desks, which
 * come only after a place ("Hong Kong (CNN Business) Shares fell"). */
static bool known_agency(const unsigned char *a, size_t n) {
  static const char *const more[] = {"CNN Business", "CNN Money", "CNNMoney"};
  return name_in(a, n, k_agencies, sizeof k_agencies / sizeof *k_agencies) ||
         name_in(a, n, more, sizeof more / sizeof *more);
}

/* Does a sentence begin at i: a capital, a digit or an opening quote? */
static bool sentence_starts(const unsigned char *p, size_t n, size_t i) {
  size_t l;
  if (i >= n) return false;
  if (is_upper_at(p, n, i, &l) || (p[i] >= '0' && p[i] <= '9') || p[i] == '"' || p[i] == '\'') return true;
  /* “ and ‘ */
  return i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0x9C || p[i + 2] == 0x98);
}

void px__find_dateline(const char *text, size_t n, px__dateline *out) {
  const unsigned char *p = (const unsigned char *)text;
  memset(out, 0, sizeof *out);
  size_t lim = PX__MIN(n, (size_t)MAX_DATELINE);
  size_t i = 0;
  while (i < lim && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) i++;
  if (i < lim && p[i] == '(') {
    agency_only(p, n, i, out);
    return;
  }
  size_t ps = i, pe = i;
  bool all_caps = true, title = true;
  int words = 0;
  /* the place */
  while (i < lim && words < 5) {
    bool caps, cap1;
    size_t e = place_word(p, lim, i, &caps, &cap1);
    if (e == i || !cap1) break;
    if (words == 0) {
      char w[16];
      size_t wl = e - i;
      if (wl < sizeof w) {
        memcpy(w, p + i, wl);
        w[wl] = '\0';
        for (size_t k = 0; k < sizeof k_not_place / sizeof *k_not_place; k++)
          if (!strcmp(w, k_not_place[k])) return;
      }
    }
    all_caps &= caps;
    title &= cap1;
    words++;
    pe = e;
    i = e;
    /* the next word, or a second place after a slash
     * ("WASHINGTON/MINNEAPOLIS (Reuters) -") */
    if (i < lim && (p[i] == ' ' || p[i] == '/') && i + 1 < lim && is_upper_at(p, lim, i + 1, &(size_t){0}))
      i++;
    else
      break;
  }
  i = pe;
  if (!words || (all_caps && pe - ps < 2)) return;
  /* ", Region" and ", Date" segments */
  size_t place_end = pe;
  bool dated = false;
  for (int seg = 0; seg < 3 && i < lim && p[i] == ','; seg++) {
    size_t k = skip_spaces(p, lim, i + 1), s = k;
    char w[4] = {0};
    for (int m = 0; m < 3 && k + m < lim; m++) w[m] = (char)(p[k + m] | 32);
    w[3] = '\0';
    bool month = false;
    for (size_t m = 0; m < sizeof k_months / sizeof *k_months; m++)
      if (!strcmp(w, k_months[m])) month = true;
    size_t e = k;
    int sw = 0;
    while (e < lim && sw < 4) {
      bool caps, cap1;
      size_t we = place_word(p, lim, e, &caps, &cap1);
      if (we == e) {
        while (we < lim && p[we] >= '0' && p[we] <= '9') we++;
        if (we == e) break;
      } else if (!cap1) {
        break;
      }
      sw++;
      e = we;
      if (e + 1 < lim && p[e] == ' ' && p[e + 1] != '(' && !dash_len(p, lim, e + 1)) e++;
      else break;
    }
    if (!sw) return;
    if (month) dated = true;
    else if (!dated) place_end = e;
    (void)s;
    i = e;
  }
  /* the agency */
  size_t as = 0, ae = 0;
  size_t k = skip_spaces(p, lim, i);
  if (k < lim && p[k] == '(') {
    size_t e = k + 1;
    while (e < lim && p[e] != ')' && p[e] != '\n' && e - k < 40) e++;
    size_t l;
    if (e < lim && p[e] == ')' && e > k + 1 && is_upper_at(p, lim, k + 1, &l)) {
      as = k + 1;
      ae = e;
      i = e + 1;
    } else {
      return;
    }
  }
  if (!all_caps && !ae) return;
  if (!title) return;
  /* the dash; none after a known agency when a sentence begins after it,
   * as CNN sets its datelines ("Washington (CNN) It's still undecided
   * ...", "Beijing (CNN)In a historic deal ...") */
  k = skip_spaces(p, lim, i);
  size_t dl = dash_len(p, lim, k);
  if (!dl && ae && known_agency(p + as, ae - as) && sentence_starts(p, n, k)) {
    out->found = true;
    out->place_start = (uint32_t)ps;
    out->place_end = (uint32_t)place_end;
    out->agency_start = (uint32_t)as;
    out->agency_end = (uint32_t)ae;
    out->end = (uint32_t)k;
    return;
  }
  if (!dl) return;
  bool attached = k == i;
  k += dl;
  size_t after = skip_spaces(p, n, k);
  if (after == k && attached && !ae) {
    /* "MOSCOW-" must be followed by a space or a capital */
    size_t l;
    if (k < n && !is_upper_at(p, n, k, &l) && p[k] != '\n') return;
  }
  out->found = true;
  out->place_start = (uint32_t)ps;
  out->place_end = (uint32_t)place_end;
  out->agency_start = (uint32_t)(ae ? as : place_end);
  out->agency_end = (uint32_t)(ae ? ae : place_end);
  out->end = (uint32_t)after;
}

static bool agency_only(const unsigned char *p, size_t n, size_t i, px__dateline *out) {
  size_t e = i + 1;
  while (e < n && e - i < 24 && p[e] != ')' && p[e] != '\n') e++;
  if (e >= n || p[e] != ')') return false;
  if (!name_in(p + i + 1, e - i - 1, k_agencies, sizeof k_agencies / sizeof *k_agencies)) return false;
  size_t k = skip_spaces(p, n, e + 1);
  size_t dl = dash_len(p, n, k);
  if (dl) k = skip_spaces(p, n, k + dl);
  if (k == e + 1 && k < n) return false; /* "(CNN)Text" */
  out->found = true;
  out->place_start = out->place_end = (uint32_t)i;
  out->agency_start = (uint32_t)(i + 1);
  out->agency_end = (uint32_t)e;
  out->end = (uint32_t)k;
  return true;
}

bool px__agency_dash_at(const char *text, size_t n, size_t i) {
  const unsigned char *p = (const unsigned char *)text;
  px__dateline d = {0};
  if (i >= n || p[i] != '(' || !agency_only(p, n, i, &d)) return false;
  return dash_len(p, n, skip_spaces(p, n, (size_t)d.agency_end + 1)) != 0;
}
