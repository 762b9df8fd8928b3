/* outlet.c - one canonical name per publisher: px_outlet_name.
 *
 * Inputs name an outlet many ways: a domain ("nytimes.com"), a URL
 * ("https://www.nytimes.com/..."), a brand ("NYT", "The New York Times"),
 * a feed title or a desk ("New York Times - Opinion", "CNN (Web News)").
 * Each is reduced to a key (lower case, letters and digits only, without a
 * leading "the"), or to a host without "www." for a domain, and looked up:
 * first in the aliases the user loaded (px_ctx_load_outlets), then in the
 * table below.  A feed title or desk is tried whole, then by the part
 * before " - ", " | ", ": " or " (".  A name found nowhere is kept as given
 * (spaces collapsed); a domain found nowhere is its host.
 */
#include "px_common.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* key or host -> canonical name; keys as key_of() makes them. */
static const char *const builtin[][2] = {
    {"ap", "Associated Press"}, {"associatedpress", "Associated Press"},
    {"apnews.com", "Associated Press"}, {"apnews", "Associated Press"},
    {"reuters", "Reuters"}, {"reuters.com", "Reuters"}, {"thomsonreuters", "Reuters"},
    {"afp", "AFP"}, {"agencefrancepresse", "AFP"}, {"afp.com", "AFP"},
    {"nyt", "The New York Times"}, {"newyorktimes", "The New York Times"},
    {"nytimes", "The New York Times"}, {"nytimes.com", "The New York Times"},
    {"wsj", "The Wall Street Journal"}, {"wallstreetjournal", "The Wall Street Journal"},
    {"wsj.com", "The Wall Street Journal"},
    {"washingtonpost", "The Washington Post"}, {"washingtonpost.com", "The Washington Post"},
    {"wapo", "The Washington Post"},
    {"washingtontimes", "The Washington Times"}, {"washingtontimes.com", "The Washington Times"},
    {"cnn", "CNN"}, {"cnn.com", "CNN"}, {"cnnwebnews", "CNN"},
    {"foxnews", "Fox News"}, {"foxnews.com", "Fox News"}, {"foxonlinenews", "Fox News"},
    {"foxnewsonline", "Fox News"}, {"foxnewsopinion", "Fox News"},
    {"npr", "NPR"}, {"npr.org", "NPR"}, {"nationalpublicradio", "NPR"}, {"npronlinenews", "NPR"},
    {"bbc", "BBC News"}, {"bbcnews", "BBC News"}, {"bbc.co.uk", "BBC News"}, {"bbc.com", "BBC News"},
    {"guardian", "The Guardian"}, {"theguardian.com", "The Guardian"},
    {"guardian.co.uk", "The Guardian"},
    {"usatoday", "USA Today"}, {"usatoday.com", "USA Today"},
    {"politico", "Politico"}, {"politico.com", "Politico"}, {"politico.eu", "Politico"},
    {"hill", "The Hill"}, {"thehill.com", "The Hill"},
    {"bloomberg", "Bloomberg"}, {"bloomberg.com", "Bloomberg"}, {"bloombergnews", "Bloomberg"},
    {"cbsnews", "CBS News"}, {"cbsnews.com", "CBS News"}, {"cbs", "CBS News"},
    {"nbcnews", "NBC News"}, {"nbcnews.com", "NBC News"}, {"nbc", "NBC News"},
    {"nbcnewsonline", "NBC News"},
    {"abcnews", "ABC News"}, {"abcnews.go.com", "ABC News"}, {"abc", "ABC News"},
    {"aljazeera", "Al Jazeera"}, {"aljazeera.com", "Al Jazeera"},
    {"aljazeeraenglish", "Al Jazeera"},
    {"axios", "Axios"}, {"axios.com", "Axios"},
    {"newyorkpost", "New York Post"}, {"nypost", "New York Post"}, {"nypost.com", "New York Post"},
    {"latimes", "Los Angeles Times"}, {"losangelestimes", "Los Angeles Times"},
    {"latimes.com", "Los Angeles Times"},
    {"breitbart", "Breitbart News"}, {"breitbartnews", "Breitbart News"},
    {"breitbart.com", "Breitbart News"},
    {"huffpost", "HuffPost"}, {"huffingtonpost", "HuffPost"}, {"huffpost.com", "HuffPost"},
    {"huffingtonpost.com", "HuffPost"},
    {"newsweek", "Newsweek"}, {"newsweek.com", "Newsweek"},
    {"time", "Time"}, {"timemagazine", "Time"}, {"time.com", "Time"},
    {"economist", "The Economist"}, {"economist.com", "The Economist"},
    {"financialtimes", "Financial Times"}, {"ft", "Financial Times"}, {"ft.com", "Financial Times"},
    {"dailymail", "Daily Mail"}, {"dailymail.co.uk", "Daily Mail"}, {"mailonline", "Daily Mail"},
    {"independent", "The Independent"}, {"independent.co.uk", "The Independent"},
    {"telegraph", "The Telegraph"}, {"telegraph.co.uk", "The Telegraph"},
    {"dailytelegraph", "The Telegraph"},
    {"skynews", "Sky News"}, {"news.sky.com", "Sky News"},
    {"dw", "Deutsche Welle"}, {"deutschewelle", "Deutsche Welle"}, {"dw.com", "Deutsche Welle"},
    {"france24", "France 24"}, {"france24.com", "France 24"},
    {"vox", "Vox"}, {"vox.com", "Vox"}, {"slate", "Slate"}, {"slate.com", "Slate"},
    {"atlantic", "The Atlantic"}, {"theatlantic.com", "The Atlantic"},
    {"nationalreview", "National Review"}, {"nationalreview.com", "National Review"},
    {"washingtonexaminer", "Washington Examiner"},
    {"washingtonexaminer.com", "Washington Examiner"},
    {"dailycaller", "The Daily Caller"}, {"dailycaller.com", "The Daily Caller"},
    {"dailywire", "The Daily Wire"}, {"dailywire.com", "The Daily Wire"},
    {"motherjones", "Mother Jones"}, {"motherjones.com", "Mother Jones"},
    {"christiansciencemonitor", "The Christian Science Monitor"},
    {"csmonitor", "The Christian Science Monitor"},
    {"csmonitor.com", "The Christian Science Monitor"},
    {"newsmax", "Newsmax"}, {"newsmax.com", "Newsmax"},
    {"townhall", "Townhall"}, {"townhall.com", "Townhall"},
    {"salon", "Salon"}, {"salon.com", "Salon"},
    {"cnbc", "CNBC"}, {"cnbc.com", "CNBC"},
    {"marketwatch", "MarketWatch"}, {"marketwatch.com", "MarketWatch"},
    {"businessinsider", "Business Insider"}, {"businessinsider.com", "Business Insider"},
    {"insider", "Business Insider"},
    {"yahoonews", "Yahoo News"}, {"news.yahoo.com", "Yahoo News"},
    {"theblaze", "TheBlaze"}, {"theblaze.com", "TheBlaze"}, {"blaze", "TheBlaze"},
    {"dailybeast", "The Daily Beast"}, {"thedailybeast.com", "The Daily Beast"},
    {"propublica", "ProPublica"}, {"propublica.org", "ProPublica"},
    {"intercept", "The Intercept"}, {"theintercept.com", "The Intercept"},
    {"buzzfeednews", "BuzzFeed News"}, {"buzzfeednews.com", "BuzzFeed News"},
    {"vice", "Vice"}, {"vice.com", "Vice"}, {"vicenews", "Vice"},
    {"chicagotribune", "Chicago Tribune"}, {"chicagotribune.com", "Chicago Tribune"},
    {"chicagosuntimes", "Chicago Sun-Times"}, {"suntimes.com", "Chicago Sun-Times"},
    {"spiegel", "Der Spiegel"}, {"derspiegel", "Der Spiegel"}, {"spiegel.de", "Der Spiegel"},
    {"lemonde", "Le Monde"}, {"lemonde.fr", "Le Monde"},
    {"elpais", "El País"}, {"elpais.com", "El País"},
};

/* The key of a name: lower-case ASCII letters and digits (other bytes, as
 * in "País", kept), no leading "the", no spaces or punctuation. */
static size_t key_of(const char *p, size_t n, char *out, size_t cap) {
  size_t k = 0;
  if (n >= 4 && strncasecmp(p, "the ", 4) == 0) p += 4, n -= 4;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 0x80) out[k++] = (char)c;
    else if (isalnum(c)) out[k++] = (char)tolower(c);
  }
  out[k] = '\0';
  return k;
}

/* Is p[0..n) a URL or a bare domain ("nytimes.com", "www.bbc.co.uk")? */
static bool domain_like(const char *p, size_t n) {
  if (n > 7 && (strncasecmp(p, "http://", 7) == 0 || strncasecmp(p, "https://", 8) == 0))
    return true;
  const char *dot = NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == '.') dot = p + i;
    else if (!(isalnum(c) || c == '-')) return false;
  }
  if (!dot || dot == p) return false;
  size_t tld = (size_t)(p + n - dot - 1);
  if (tld < 2 || tld > 6) return false;
  for (const char *q = dot + 1; q < p + n; q++)
    if (!isalpha((unsigned char)*q)) return false;
  return true;
}

/* The host of a URL or domain, lower case, without "www." or "m.". */
static size_t host_of(const char *p, size_t n, char *out, size_t cap) {
  const char *s = p, *e = p + n;
  const char *sch = NULL;
  for (const char *q = s; q + 2 < e; q++)
    if (q[0] == ':' && q[1] == '/' && q[2] == '/') {
      sch = q;
      break;
    }
  if (sch) s = sch + 3;
  const char *end = s;
  while (end < e && *end != '/' && *end != ':' && *end != '?' && *end != '#') end++;
  size_t k = 0;
  for (const char *q = s; q < end && k + 1 < cap; q++) out[k++] = (char)tolower((unsigned char)*q);
  out[k] = '\0';
  static const char *const prefixes[] = {"www.", "m.", "amp.", "mobile.", "edition.", "rss.", "feeds."};
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
    size_t pl = strlen(prefixes[i]);
    if (k > pl + 3 && strncmp(out, prefixes[i], pl) == 0) {
      memmove(out, out + pl, k - pl + 1);
      k -= pl;
    }
  }
  return k;
}

static const char *lookup(const px_ctx *ctx, const char *key) {
  if (!*key) return NULL;
  if (ctx)
    for (size_t i = 0; i < ctx->nalias; i++)
      if (strcmp(ctx->alias_key[i], key) == 0) return ctx->alias_name[i];
  for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
    if (strcmp(builtin[i][0], key) == 0) return builtin[i][1];
  return NULL;
}

/* A host and its parents: "news.bbc.co.uk", "bbc.co.uk", "co.uk". */
static const char *lookup_host(const px_ctx *ctx, const char *host) {
  for (const char *h = host; h && *h; h = strchr(h, '.') ? strchr(h, '.') + 1 : NULL) {
    if (!strchr(h, '.')) break;
    const char *r = lookup(ctx, h);
    if (r) return r;
    /* "nytimes.com" is also tried as "nytimes" */
    char k[256];
    size_t n = strcspn(h, ".");
    if (n < sizeof k && strchr(h + n + 1, '.') == NULL) {
      memcpy(k, h, n);
      k[n] = '\0';
      if ((r = lookup(ctx, k))) return r;
    }
  }
  return NULL;
}

static int put(const char *s, size_t n, char *out, size_t cap, size_t *len) {
  if (len) *len = n;
  if (!out || cap == 0) return PX_EINVAL;
  if (n >= cap) n = cap - 1;
  memcpy(out, s, n);
  out[n] = '\0';
  return PX_OK;
}

int px_outlet_name(const px_ctx *ctx, const char *raw, size_t n, char *out, size_t cap,
                   size_t *len) {
  if ((!raw && n) || !out || cap == 0) return PX_EINVAL;
  while (n && isspace((unsigned char)*raw)) raw++, n--;
  while (n && isspace((unsigned char)raw[n - 1])) n--;
  char key[256];
  if (n == 0) return put("", 0, out, cap, len);
  if (domain_like(raw, n)) {
    host_of(raw, n, key, sizeof key);
    const char *r = lookup_host(ctx, key);
    if (r) return put(r, strlen(r), out, cap, len);
    /* a user alias may name the domain as written */
    key_of(raw, n, key, sizeof key);
    if ((r = lookup(ctx, key))) return put(r, strlen(r), out, cap, len);
    host_of(raw, n, key, sizeof key);
    return put(key, strlen(key), out, cap, len);
  }
  key_of(raw, n, key, sizeof key);
  const char *r = lookup(ctx, key);
  if (!r) {
    /* a feed title or desk: "New York Times - Opinion", "CNN (Web News)" */
    static const char *const seps[] = {" - ", " | ", ": ", " (", " \xE2\x80\x94 ", " \xE2\x80\x93 "};
    for (size_t i = 0; i < sizeof seps / sizeof *seps && !r; i++) {
      const char *s = NULL;
      size_t sl = strlen(seps[i]);
      for (size_t j = 0; j + sl <= n; j++)
        if (memcmp(raw + j, seps[i], sl) == 0) {
          s = raw + j;
          break;
        }
      if (!s) continue;
      key_of(raw, (size_t)(s - raw), key, sizeof key);
      if (!(r = lookup(ctx, key))) {
        key_of(s + sl, n - (size_t)(s - raw) - sl, key, sizeof key);
        r = lookup(ctx, key);
      }
    }
  }
  if (r) return put(r, strlen(r), out, cap, len);
  /* unknown: as given, control characters and runs of spaces made one space */
  size_t k = 0;
  char tmp[1024];
  for (size_t i = 0; i < n && k + 1 < sizeof tmp; i++) {
    bool sp = (unsigned char)raw[i] < 0x20 || raw[i] == ' ' || raw[i] == 0x7F;
    if (sp && (!k || tmp[k - 1] == ' ')) continue;
    tmp[k++] = sp ? ' ' : raw[i];
  }
  while (k && tmp[k - 1] == ' ') k--;
  return put(tmp, k, out, cap, len);
}

int px_ctx_load_outlets(px_ctx *ctx, const char *path) {
  if (!ctx || !path) return PX_EINVAL;
  FILE *f = fopen(path, "r");
  if (!f) return px__ctx_fail(ctx, PX_ENOTFOUND, "%s: cannot open the outlet names", path);
  char line[1024];
  int lineno = 0, rc = PX_OK;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
    if (!n || line[0] == '#') continue;
    char *tab = strchr(line, '\t');
    if (!tab || tab == line || !tab[1]) {
      rc = px__ctx_fail(ctx, PX_EFORMAT, "%s:%d: want ALIAS<TAB>NAME", path, lineno);
      break;
    }
    *tab = '\0';
    char key[256];
    if (domain_like(line, strlen(line))) host_of(line, strlen(line), key, sizeof key);
    else key_of(line, strlen(line), key, sizeof key);
    if (!*key) continue;
    char **k2 = realloc(ctx->alias_key, (ctx->nalias + 1) * sizeof *k2);
    if (k2) ctx->alias_key = k2;
    char **n2 = realloc(ctx->alias_name, (ctx->nalias + 1) * sizeof *n2);
    if (n2) ctx->alias_name = n2;
    char *kd = strdup(key), *nd = strdup(tab + 1);
    if (!k2 || !n2 || !kd || !nd) {
      free(kd);
      free(nd);
      rc = px__ctx_fail(ctx, PX_ENOMEM, "out of memory");
      break;
    }
    ctx->alias_key[ctx->nalias] = kd;
    ctx->alias_name[ctx->nalias] = nd;
    ctx->nalias++;
  }
  fclose(f);
  return rc;
}

bool px__outlet_known(const char *raw, size_t n) {
  char key[256];
  while (n && isspace((unsigned char)*raw)) raw++, n--;
  while (n && isspace((unsigned char)raw[n - 1])) n--;
  if (n == 0 || n >= sizeof key) return false;
  key_of(raw, n, key, sizeof key);
  return key[0] && lookup(NULL, key) != NULL;
}

/* A broadcaster's call letters: "WSOC-TV", "KTLA", "WNYC", "WGN-TV"
 * (K or W and three capitals, or two and a band after a hyphen: "WHO",
 * "KGB", "WTO" are no stations).  Bare, the second letter is a consonant
 * but H, R or Y, so that words in capitals ("WEST", "KARL", "WHAT") are
 * not taken (nor "WWII", "KNOW", "KNEW"). */
bool px__call_letters(const char *p, size_t n) {
  size_t k = 0;
  if (n < 3 || (p[0] != 'K' && p[0] != 'W')) return false;
  while (k < n && p[k] >= 'A' && p[k] <= 'Z') k++;
  if (k < 3 || k > 4) return false;
  if (k == n) {
    if (k != 4 || strchr("AEIOUHRY", p[1])) return false;
    return memcmp(p, "WWII", 4) && memcmp(p, "KNOW", 4) && memcmp(p, "KNEW", 4);
  }
  static const char *const band[] = {"-TV", "-FM", "-AM", "-DT"};
  for (size_t i = 0; i < sizeof band / sizeof *band; i++)
    if (n - k == 3 && !memcmp(p + k, band[i], 3)) return true;
  return false;
}
