/* lang.c - language identification: px_langid.
 *
 * libexttextcat (the n-gram text categorizer of Cavnar and Trenkle, with
 * the ~160 language profiles LibreOffice ships) ranks languages by the
 * distance of the text's character n-gram profile to each; the candidates
 * are those within 3 % of the best, and a text with more than five such
 * candidates is too even to tell.  Only the profiles of languages news is
 * commonly written in are loaded (about 80 of the 164: Scots, Low German or
 * Interlingua profiles are close to English, Dutch and Italian on short
 * texts and never the answer wanted), once per process, read-only after:
 * every px_langid handle compares against the same profiles, without a
 * lock, and a handle costs a few kilobytes.  A language its script alone
 * tells (kana, Hangul, Han, Greek, ...) is decided by the script first;
 * then a text where the frequent words of one of 15 languages make a tenth
 * of the words, twice as many as any other's, is in that language.  The
 * profile of the language the frequent words lean to (English when none)
 * is compared first: its distance sets the cut-off at which the other
 * comparisons stop early.  A text too short or too even to tell is ""
 * (unknown).  Only the opening of a body is read: a few hundred bytes
 * suffice for a language, and the cost stays flat whatever the article's
 * length.
 */
#include "px_common.h"

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fingerprint.h>
#include <textcat.h>

#ifndef PX_TEXTCAT_DIR
#define PX_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* What is read of a text: the title and this much of the body. */
#define PX__LANG_BYTES 1200
/* libexttextcat's own constants: n-grams in a profile, candidates within
 * 3 % of the best, more than five candidates is "unknown". */
#define PX__LANG_NGRAMS 400
#define PX__LANG_MAXCAND 5
/* At most this many profiles are loaded (fpdb.conf lists 164). */
#define PX__LANG_MAXPROF 256

struct px_langid {
  int score[PX__LANG_MAXPROF]; /* distance to each profile, INT_MAX when cut off */
  char buf[PX__LANG_BYTES + 512];
  char clean[PX__LANG_BYTES + 512 + 1]; /* what libexttextcat reads */
};

/* Languages news is commonly written in (ISO 639-1): the profiles loaded. */
static const char *const news_langs[] = {
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "nn", "fi", "pl", "cs", "sk",
    "sl", "hr", "sr", "bs", "hu", "ro", "bg", "ru", "uk", "be", "el", "tr", "ar", "fa", "he",
    "hi", "bn", "ur", "ta", "te", "ml", "kn", "mr", "gu", "pa", "ja", "zh", "ko", "vi", "th",
    "id", "ms", "tl", "sw", "af", "ca", "eu", "gl", "et", "lv", "lt", "is", "ga", "cy", "sq",
    "mk", "ka", "hy", "az", "kk", "uz", "mn", "ne", "si", "km", "lo", "my", "am", "so", "ha",
    "yo", "zu", "xh", NULL};

static void code_of(const char *name, char code[8]);
static bool is_news_lang(const char *code);

/* The profiles of the process: loaded on first use, never written after. */
static struct {
  void **fp;         /* libexttextcat fingerprints */
  char (*code)[8];   /* their language codes */
  size_t n;
} prof;
static pthread_once_t prof_once = PTHREAD_ONCE_INIT;

static void prof_load(void) {
  FILE *f = fopen(PX_TEXTCAT_DIR "fpdb.conf", "r");
  if (!f) return;
  size_t cap = 0, n = 0;
  void **fp = NULL;
  char(*code)[8] = NULL;
  char line[1024];
  while (fgets(line, sizeof line, f)) {
    char *h = strchr(line, '#');
    if (h) *h = '\0';
    char file[256], name[64];
    if (sscanf(line, "%255s %63s", file, name) != 2) continue;
    char c[8];
    code_of(name, c);
    if (!is_news_lang(c) || n == PX__LANG_MAXPROF) continue;
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 64;
      void **f2 = realloc(fp, nc * sizeof *f2);
      if (!f2) break;
      fp = f2;
      char(*c2)[8] = realloc(code, nc * sizeof *c2);
      if (!c2) break;
      code = c2;
      cap = nc;
    }
    char path[sizeof PX_TEXTCAT_DIR + 256];
    snprintf(path, sizeof path, "%s%s", PX_TEXTCAT_DIR, file);
    void *p = fp_Init(name);
    if (!p) continue;
    if (fp_Read(p, path, PX__LANG_NGRAMS) == 0) {
      fp_Done(p);
      continue;
    }
    fp[n] = p;
    memcpy(code[n], c, 8);
    n++;
  }
  fclose(f);
  if (!n) {
    free(fp);
    free(code);
    return;
  }
  prof.fp = fp;
  prof.code = code;
  prof.n = n;
}

int px_langid_new(px_ctx *ctx, px_langid **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  pthread_once(&prof_once, prof_load);
  if (!prof.n)
    return ctx ? px__ctx_fail(ctx, PX_EUNSUPPORTED,
                              "language profiles not found in " PX_TEXTCAT_DIR
                              " (Debian package libexttextcat-data)")
               : PX_EUNSUPPORTED;
  px_langid *li = malloc(sizeof *li);
  if (!li) return ctx ? px__ctx_fail(ctx, PX_ENOMEM, "out of memory") : PX_ENOMEM;
  *out = li;
  return PX_OK;
}

void px_langid_free(px_langid *li) { free(li); }

/* "en--utf8", "ha-NG-utf8", "zh-CN-utf8" -> "en", "ha", "zh". */
static void code_of(const char *name, char code[8]) {
  size_t n = 0;
  while (name[n] && name[n] != '-' && n < 7) n++;
  memcpy(code, name, n);
  code[n] = '\0';
}

static bool is_news_lang(const char *code) {
  for (size_t i = 0; news_langs[i]; i++)
    if (strcmp(news_langs[i], code) == 0) return true;
  return false;
}

/* n bytes of p, not splitting a UTF-8 sequence. */
static size_t utf8_cut(const char *p, size_t len, size_t n) {
  if (len <= n) return len;
  while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80) n--;
  return n;
}

/* A language a script alone tells: Japanese (kana), Korean (Hangul),
 * Chinese (Han without kana), Greek, Armenian, Georgian, Thai.  Long CJK
 * texts are where the n-gram profiles fail (too many languages alike). */
static const char *by_script(const char *p, size_t n) {
  size_t letters = 0, kana = 0, hangul = 0, han = 0, greek = 0, armenian = 0, georgian = 0,
         thai = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)p[i];
    uint32_t cp;
    size_t k;
    if (c < 0x80) cp = c, k = 1;
    else if ((c & 0xE0) == 0xC0 && i + 1 < n) cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), k = 2;
    else if ((c & 0xF0) == 0xE0 && i + 2 < n)
      cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu), k = 3;
    else if ((c & 0xF8) == 0xF0 && i + 3 < n) cp = 0x10000, k = 4;
    else cp = 0, k = 1;
    i += k;
    if (cp < 0x80 ? isalpha((int)cp) : cp >= 0xC0) letters++;
    if (cp >= 0x3040 && cp <= 0x30FF) kana++;
    else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF)) hangul++;
    else if (cp >= 0x4E00 && cp <= 0x9FFF) han++;
    else if (cp >= 0x0370 && cp <= 0x03FF) greek++;
    else if (cp >= 0x0530 && cp <= 0x058F) armenian++;
    else if (cp >= 0x10A0 && cp <= 0x10FF) georgian++;
    else if (cp >= 0x0E00 && cp <= 0x0E7F) thai++;
  }
  if (letters < 4) return NULL;
  if (kana * 10 >= letters) return "ja";
  if (hangul * 10 >= letters * 3) return "ko";
  if (han * 10 >= letters * 3) return "zh";
  if (greek * 2 >= letters) return "el";
  if (armenian * 2 >= letters) return "hy";
  if (georgian * 2 >= letters) return "ka";
  if (thai * 2 >= letters) return "th";
  return NULL;
}

/* The most frequent words of some languages, distinct between them: a text
 * where one list's words are frequent enough is in that language.  The
 * n-gram profiles leave many English news texts undecided (several
 * languages as close), and those are the texts whose analysis depends on it. */
static const struct {
  const char *lang;
  const char *words; /* space-separated */
} fwords[] = {
    {"en", "the and of to was that for with said it as are by be has from have this were his her they not"},
    {"de", "der die und das ist nicht den von mit sich des auf für dem ein eine wird auch"},
    {"fr", "le les et des est une pour dans qui pas sur du au avec sont ce aux"},
    {"es", "el los las del por para es al lo como más pero sus fue"},
    {"it", "il che per non sono della del gli alla anche è nel delle questo"},
    {"pt", "não para com os das dos do ao em são pelo uma mais foi"},
    {"nl", "het een en dat op niet voor zijn met ook wordt er naar"},
    {"sv", "och att som är på för med inte av till har var"},
    {"pl", "w nie się na że z do jest to jak ale od przez"},
    {"cs", "je na v že to s z do jako jsou by ale který"},
    {"tr", "ve bir bu için ile olarak daha gibi olan çok"},
    {"id", "dan yang untuk dengan ini itu dari dalam tidak akan pada"},
    {"fi", "ja ei että se oli kun mutta niin myös ovat tai"},
    {"hu", "az és hogy nem egy meg csak már ez"},
    {"ro", "și în cu pe că nu este din pentru care"},
};
#define NFW (sizeof fwords / sizeof *fwords)

static bool in_list(const char *list, const char *w, size_t n) {
  for (const char *p = list; *p;) {
    const char *e = strchr(p, ' ');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    if (l == n && *p == *w && memcmp(p, w, n) == 0) return true;
    if (!e) break;
    p = e + 1;
  }
  return false;
}

/* Hits of each list among the words of p[0..n); returns the word count. */
static size_t count_fwords(const char *p, size_t n, size_t hits[NFW]) {
  memset(hits, 0, NFW * sizeof *hits);
  size_t words = 0;
  char w[32];
  for (size_t i = 0; i < n;) {
    while (i < n && !((unsigned char)p[i] >= 0x80 || isalpha((unsigned char)p[i]))) i++;
    size_t k = 0;
    while (i < n && ((unsigned char)p[i] >= 0x80 || isalpha((unsigned char)p[i]))) {
      if (k < sizeof w - 1) w[k++] = (char)tolower((unsigned char)p[i]);
      i++;
    }
    if (!k) continue;
    words++;
    for (size_t l = 0; l < NFW; l++)
      if (in_list(fwords[l].words, w, k)) hits[l]++;
  }
  return words;
}

/* libexttextcat walks UTF-8 by lead byte up to a NUL, without a bound: it
 * is given a NUL-terminated copy in which every byte that is not part of a
 * well-formed sequence is a space.  Returns the copy's length. */
static size_t clean_utf8(const char *p, size_t n, char *dst) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)p[i];
    size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = k > 0 && i + k <= n && c != 0;
    for (size_t j = 1; ok && j < k; j++)
      if (((unsigned char)p[i + j] & 0xC0) != 0x80) ok = false;
    if (ok && k == 3) { /* no overlong forms, no surrogates */
      unsigned char d = (unsigned char)p[i + 1];
      if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F)) ok = false;
    }
    if (ok && k == 4) {
      unsigned char d = (unsigned char)p[i + 1];
      if ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F)) ok = false;
    }
    if (!ok) {
      dst[o++] = ' ';
      i++;
      continue;
    }
    memcpy(dst + o, p + i, k);
    o += k;
    i += k;
  }
  dst[o] = '\0';
  return o;
}

/* The index of the loaded profile of language code, or 0. */
static size_t prof_index(const char *code) {
  for (size_t i = 0; i < prof.n; i++)
    if (strcmp(prof.code[i], code) == 0) return i;
  return 0;
}

/* libexttextcat's ranking of the loaded profiles for the NUL-terminated
 * text p[0..n), profile `first` compared first (the others stop as soon as
 * they are farther than 3 % beyond the best so far; the candidates within
 * 3 % of the final best are all compared in full, so the order changes the
 * cost, not the answer).  Returns the best profile, or -1 when the text is
 * too short, or more than five profiles are within 3 % of the best. */
static long ngram_best(px_langid *li, const char *p, size_t n, size_t first) {
  void *u = fp_Init(NULL);
  if (!u) return -1;
  fp_SetProperty(u, TCPROP_UTF8AWARE, TC_TRUE);
  fp_SetProperty(u, TCPROP_MINIMUM_DOCUMENT_SIZE, 12);
  long best = -1;
  if (fp_Create(u, p, (uint4)n, PX__LANG_NGRAMS)) {
    int min = INT_MAX, thr = INT_MAX;
    for (size_t k = 0; k < prof.n; k++) {
      size_t i = k == 0 ? first : k - 1 < first ? k - 1 : k;
      int sc = fp_Compare(prof.fp[i], u, thr);
      li->score[i] = sc;
      if (sc < min) {
        min = sc;
        thr = (int)((double)sc * 1.03);
        best = (long)i;
      }
    }
    /* the candidates: every profile within the final cut-off; each was
     * compared with a cut-off at least as high, so its score is exact */
    size_t cand = 0;
    for (size_t i = 0; i < prof.n; i++)
      if (li->score[i] < thr) cand++;
    if (cand == 0 || cand > PX__LANG_MAXCAND) best = -1;
  }
  fp_Done(u);
  return best;
}

static int classify(px_langid *li, const char *text, size_t len, char code[8]) {
  code[0] = '\0';
  const char *s = by_script(text, len);
  if (s) {
    strcpy(code, s);
    return PX_OK;
  }
  size_t hits[NFW];
  /* about a hundred words tell a language by its frequent words */
  size_t words = count_fwords(text, len < 600 ? len : 600, hits), best = 0, second = 0;
  for (size_t l = 1; l < NFW; l++)
    if (hits[l] > hits[best]) best = l;
  for (size_t l = 0; l < NFW; l++)
    if (l != best && hits[l] > second) second = hits[l];
  if (hits[best] >= 3 && hits[best] >= 2 * second && hits[best] * 10 >= words) {
    strcpy(code, fwords[best].lang);
    return PX_OK;
  }
  size_t cn = clean_utf8(text, len, li->clean);
  long pick = ngram_best(li, li->clean, cn, prof_index(fwords[best].lang));
  if (pick < 0) { /* too short, or too many languages alike */
    if (hits[best] >= 2 && hits[best] > second) strcpy(code, fwords[best].lang);
    return PX_OK;
  }
  memcpy(code, prof.code[pick], 8);
  return PX_OK;
}

int px_langid_identify(px_langid *li, const char *text, size_t len, char code[8]) {
  if (!li || !code || (!text && len)) return PX_EINVAL;
  return classify(li, text ? text : "", utf8_cut(text, len, PX__LANG_BYTES), code);
}

int px_langid_article(px_langid *li, const px_article *art, char code[8]) {
  if (!li || !art || !code) return PX_EINVAL;
  px_str t = px_article_get(art, PX_F_TITLE), b = px_article_get(art, PX_F_BODY);
  size_t tn = utf8_cut(t.ptr, t.len, 400), bn = utf8_cut(b.ptr, b.len, PX__LANG_BYTES);
  size_t n = 0;
  if (tn) {
    memcpy(li->buf, t.ptr, tn);
    n = tn;
    li->buf[n++] = '\n';
  }
  if (bn) memcpy(li->buf + n, b.ptr, bn);
  n += bn;
  return classify(li, li->buf, n, code);
}

int px_lang_is_english(const char *p, size_t n) {
  if (!p || n == 0) return 1; /* unknown: read as English */
  char c[8];
  size_t k = 0;
  while (k < n && k < 7 && isalpha((unsigned char)p[k])) {
    c[k] = (char)tolower((unsigned char)p[k]);
    k++;
  }
  c[k] = '\0';
  if (k == 0) return 1;
  /* "en", "en-US", "en_GB", "eng", "english" */
  return strcmp(c, "en") == 0 || strcmp(c, "eng") == 0 || strncmp(c, "english", 7) == 0;
}
