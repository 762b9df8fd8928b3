/* lang.c - language identification: px_langid.
 *
 * libexttextcat (the n-gram text categorizer of Cavnar and Trenkle, with
 * the ~160 language profiles LibreOffice ships) ranks languages by the
 * distance of the text's character n-gram profile to each; the candidates
 * are those within 3 % of the best, and a text with more than five such
 * candidates is too even to tell; among the candidates the nearest language
 * news is commonly written in wins (Scots, Low German or Interlingua
 * profiles are close to English, Dutch and Italian on short texts).  The
 * profiles are loaded once per process, read-only after,
 * as one inverted index of their n-grams: every px_langid handle reads the
 * same index, without a lock, and one pass over a text's n-grams gives its
 * libexttextcat distance to all profiles at once.  A language its script
 * alone tells (kana, Hangul, Han, Greek, ...) is decided by the script
 * first; then a text where the frequent words of one of 15 languages make a
 * tenth of the words, twice as many as any other's, is in that language.
 * A text too short or too even to tell is "" (unknown).  Only the opening of a body is read: a few hundred bytes
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
#ifdef __SSE2__
#include <emmintrin.h>
#endif
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
/* libexttextcat's distance for an n-gram a profile lacks. */
#define PX__LANG_OUT 400
/* At most this many profiles are loaded (fpdb.conf lists 164). */
#define PX__LANG_MAXPROF 256

struct px_langid {
  int sum[PX__LANG_MAXPROF];       /* rank differences of the shared n-grams */
  int matched[PX__LANG_MAXPROF];   /* the text's n-grams each profile has */
  char grams[PX__LANG_NGRAMS * 32]; /* the text's n-grams, one a line */
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
static void fw_build(void);
static pthread_once_t fw_once = PTHREAD_ONCE_INIT;

/* The profiles of the process, loaded on first use and never written
 * after: their language codes, and every n-gram of them with the profiles
 * it is in and its rank there (an inverted index).  One pass over the
 * text's n-grams then gives its distance to every profile at once, the
 * distance libexttextcat's fp_Compare computes one profile at a time
 * (the rank differences of the n-grams both have, 400 for each n-gram of
 * the text the profile lacks): the same scores, a small part of the work. */
typedef struct {
  uint16_t prof, rank;
} px__post;
typedef struct {
  char *key;          /* NULL: empty slot */
  uint32_t n, cap;
  px__post *post;
} px__gram;
static struct {
  char (*code)[8];
  size_t n;
  px__gram *tab; /* open addressing, tab_mask + 1 slots */
  size_t tab_mask, grams;
} prof;
static pthread_once_t prof_once = PTHREAD_ONCE_INIT;

static uint32_t gram_hash(const char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
  return h;
}

static px__gram *gram_find(const char *p, size_t n) {
  for (size_t i = gram_hash(p, n) & prof.tab_mask;; i = (i + 1) & prof.tab_mask) {
    px__gram *g = &prof.tab[i];
    if (!g->key || (strncmp(g->key, p, n) == 0 && g->key[n] == '\0')) return g;
  }
}

/* The n-grams of fingerprint fp, most frequent first, one per line (as
 * libexttextcat prints them) into buf; NULL when they do not fit. */
static char *fp_lines(void *fp, char *buf, size_t cap) {
  FILE *m = fmemopen(buf, cap, "w");
  if (!m) return NULL;
  fp_Print(fp, m);
  long end = ftell(m);
  bool ok = !ferror(m) && end >= 0 && (size_t)end < cap;
  fclose(m);
  if (!ok) return NULL;
  buf[end] = '\0';
  return buf;
}

/* The n-grams of the profile in file path, most frequent first, one per
 * line, into buf: the first word of each of the file's first
 * PX__LANG_NGRAMS lines.  What fp_Read() then fp_Print() give for every
 * profile of libexttextcat-data (163 files compared), without their sort
 * and formatted printing (about 120 M instructions a process).  NULL when
 * the file cannot be read or its n-grams do not fit. */
static char *profile_lines(const char *path, char *buf, size_t cap) {
  FILE *f = fopen(path, "r");
  if (!f) return NULL;
  char line[256];
  size_t o = 0;
  bool ok = true;
  for (int k = 0; k < PX__LANG_NGRAMS && ok && fgets(line, sizeof line, f); k++) {
    size_t w = strcspn(line, " \t\r\n");
    if (o + w + 2 > cap) ok = false;
    else memcpy(buf + o, line, w), o += w, buf[o++] = '\n';
  }
  ok = ok && !ferror(f) && o > 0;
  fclose(f);
  if (!ok) return NULL;
  buf[o] = '\0';
  return buf;
}

/* Adds the n-grams (lines) of profile k to the index; false when out of
 * memory. */
static bool index_profile(char *lines, uint16_t k) {
  uint16_t rank = 0;
  for (char *p = lines, *e; *p; p = e + 1, rank++) {
    e = strchr(p, '\n');
    if (!e) break;
    size_t n = (size_t)(e - p);
    if (!n) continue;
    if ((prof.grams + 1) * 2 > prof.tab_mask + 1) return false; /* sized for the profiles */
    px__gram *g = gram_find(p, n);
    if (!g->key) {
      if (!(g->key = malloc(n + 1))) return false;
      memcpy(g->key, p, n);
      g->key[n] = '\0';
      prof.grams++;
    }
    if (g->n && g->post[g->n - 1].prof == k) continue; /* listed twice: the first rank */
    if (g->n == g->cap) {
      uint32_t nc = g->cap ? g->cap * 2 : 2;
      px__post *np = realloc(g->post, nc * sizeof *np);
      if (!np) return false;
      g->post = np;
      g->cap = nc;
    }
    g->post[g->n++] = (px__post){k, rank};
  }
  return true;
}

static void prof_drop(void) {
  for (size_t i = 0; prof.tab && i <= prof.tab_mask; i++) {
    free(prof.tab[i].key);
    free(prof.tab[i].post);
  }
  free(prof.tab);
  free(prof.code);
  memset(&prof, 0, sizeof prof);
}

static void prof_load(void) {
  FILE *f = fopen(PX_TEXTCAT_DIR "fpdb.conf", "r");
  if (!f) return;
  prof.tab_mask = (1u << 16) - 1; /* ~80 profiles x 400 n-grams, most shared */
  prof.tab = calloc(prof.tab_mask + 1, sizeof *prof.tab);
  prof.code = malloc(PX__LANG_MAXPROF * sizeof *prof.code);
  static char buf[PX__LANG_NGRAMS * 32];
  bool ok = prof.tab && prof.code;
  char line[1024];
  while (ok && fgets(line, sizeof line, f)) {
    char *h = strchr(line, '#');
    if (h) *h = '\0';
    char file[256], name[64];
    if (sscanf(line, "%255s %63s", file, name) != 2) continue;
    char c[8];
    code_of(name, c);
    if (prof.n == PX__LANG_MAXPROF) continue;
    char path[sizeof PX_TEXTCAT_DIR + 256];
    snprintf(path, sizeof path, "%s%s", PX_TEXTCAT_DIR, file);
    char *lines = profile_lines(path, buf, sizeof buf);
    if (lines) {
      ok = index_profile(lines, (uint16_t)prof.n);
      memcpy(prof.code[prof.n++], c, 8);
    }
  }
  fclose(f);
  if (!ok || !prof.n) prof_drop();
}

int px_langid_new(px_ctx *ctx, px_langid **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  pthread_once(&prof_once, prof_load);
  pthread_once(&fw_once, fw_build);
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

/* isalpha() of an ASCII byte as the C locale has it, whatever the locale of
 * the process (a program embedding the library may set one). */
static inline bool ascii_alpha(unsigned char c) { return (unsigned)((c | 32) - 'a') < 26u; }

/* A language a script alone tells: Japanese (kana), Korean (Hangul),
 * Chinese (Han without kana), Greek, Armenian, Georgian, Thai.  Long CJK
 * texts are where the n-gram profiles fail (too many languages alike). */
static const char *by_script(const char *p, size_t n) {
  size_t letters = 0, kana = 0, hangul = 0, han = 0, greek = 0, armenian = 0, georgian = 0,
         thai = 0;
  for (size_t i = 0; i < n;) {
#ifdef __SSE2__
    /* Runs of ASCII, 16 bytes at a time: only their letters count. */
    while (n - i >= 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
      if (_mm_movemask_epi8(v)) break;
      __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
      __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
                                    _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
      /* each letter a 1 byte; the sum of the 16 bytes in two halves */
      __m128i sum = _mm_sad_epu8(_mm_and_si128(alpha, _mm_set1_epi8(1)), _mm_setzero_si128());
      letters += (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
      i += 16;
    }
    if (i >= n) break;
#endif
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80) { /* no script of the list: only a letter or not */
      letters += ascii_alpha(c);
      i++;
      continue;
    }
    uint32_t cp;
    size_t k;
    if ((c & 0xE0) == 0xC0 && i + 1 < n) cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu), k = 2;
    else if ((c & 0xF0) == 0xE0 && i + 2 < n)
      cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu), k = 3;
    else if ((c & 0xF8) == 0xF0 && i + 3 < n) cp = 0x10000, k = 4;
    else cp = 0, k = 1;
    i += k;
    if (cp >= 0xC0) letters++;
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
_Static_assert(NFW <= 16, "a list bit each in uint16_t");

/* Every word of the lists, with the lists it is in (a word such as "to"
 * or "na" is in several): one hash lookup a word of the text, where a
 * walk of the fifteen lists cost about 700,000 instructions an article.
 * Built once per process, read-only after. */
#define FW_SLOTS 1024 /* a power of two, over four times the words */
#define FW_MAXLEN 15
static struct {
  char key[FW_MAXLEN + 1];
  uint8_t len; /* 0: empty slot */
  uint16_t lists; /* bit l: in fwords[l] */
} fw_tab[FW_SLOTS];

static size_t fw_slot(const char *w, size_t n) {
  size_t i = gram_hash(w, n) & (FW_SLOTS - 1);
  while (fw_tab[i].len && (fw_tab[i].len != n || memcmp(fw_tab[i].key, w, n) != 0))
    i = (i + 1) & (FW_SLOTS - 1);
  return i;
}

static void fw_build(void) {
  for (size_t l = 0; l < NFW; l++)
    for (const char *p = fwords[l].words; *p;) {
      size_t n = strcspn(p, " ");
      if (n && n <= FW_MAXLEN) {
        size_t i = fw_slot(p, n);
        memcpy(fw_tab[i].key, p, n);
        fw_tab[i].len = (uint8_t)n;
        fw_tab[i].lists |= (uint16_t)(1u << l);
      }
      p += n;
      while (*p == ' ') p++;
    }
}

/* Hits of each list among the words of p[0..n); returns the word count. */
static size_t count_fwords(const char *p, size_t n, size_t hits[NFW]) {
  memset(hits, 0, NFW * sizeof *hits);
  size_t words = 0;
  char w[32];
  for (size_t i = 0; i < n;) {
    while (i < n && !((unsigned char)p[i] >= 0x80 || ascii_alpha((unsigned char)p[i]))) i++;
    size_t k = 0;
    while (i < n && ((unsigned char)p[i] >= 0x80 || ascii_alpha((unsigned char)p[i]))) {
      unsigned char c = (unsigned char)p[i];
      if (k < sizeof w - 1) w[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
    }
    if (!k) continue;
    words++;
    if (k > FW_MAXLEN) continue;
    for (unsigned m = fw_tab[fw_slot(w, k)].lists; m; m &= m - 1) hits[__builtin_ctz(m)]++;
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

/* libexttextcat's classification of the NUL-terminated text p[0..n) over
 * the loaded profiles: its fingerprint (fp_Create), the distance to every
 * profile, the candidates within 3 % of the best.  Returns the best
 * profile, or -1 when the text is too short, or more than five profiles
 * are within 3 % of the best. */
static long ngram_best(px_langid *li, const char *p, size_t n) {
  void *u = fp_Init(NULL);
  if (!u) return -1;
  fp_SetProperty(u, TCPROP_UTF8AWARE, TC_TRUE);
  fp_SetProperty(u, TCPROP_MINIMUM_DOCUMENT_SIZE, 12);
  long best = -1;
  char *lines = fp_Create(u, p, (uint4)n, PX__LANG_NGRAMS) ? fp_lines(u, li->grams, sizeof li->grams)
                                                          : NULL;
  fp_Done(u);
  if (!lines) return -1;
  memset(li->sum, 0, prof.n * sizeof *li->sum);
  memset(li->matched, 0, prof.n * sizeof *li->matched);
  int rank = 0;
  for (char *q = lines, *e; (e = strchr(q, '\n')); q = e + 1, rank++) {
    const px__gram *g = gram_find(q, (size_t)(e - q));
    for (uint32_t j = 0; j < g->n; j++) {
      const px__post *ps = &g->post[j];
      li->sum[ps->prof] += abs((int)ps->rank - rank);
      li->matched[ps->prof]++;
    }
  }
  if (!rank) return -1;
  int min = INT_MAX;
  for (size_t i = 0; i < prof.n; i++) {
    li->sum[i] += PX__LANG_OUT * (rank - li->matched[i]);
    if (li->sum[i] < min) {
      min = li->sum[i];
      best = (long)i;
    }
  }
  int thr = (int)((double)min * 1.03);
  size_t cand = 0;
  long news = -1; /* the nearest candidate news is commonly written in */
  for (size_t i = 0; i < prof.n; i++)
    if (li->sum[i] < thr) {
      cand++;
      if (is_news_lang(prof.code[i]) && (news < 0 || li->sum[i] < li->sum[news])) news = (long)i;
    }
  if (cand == 0 || cand > PX__LANG_MAXCAND) return -1;
  return news >= 0 ? news : best;
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
  long pick = ngram_best(li, li->clean, cn);
  if (pick < 0) { /* too short, or too many languages alike */
    if (hits[best] >= 2 && hits[best] > second) strcpy(code, fwords[best].lang);
    return PX_OK;
  }
  memcpy(code, prof.code[pick], 8);
  return PX_OK;
}

/* The n-gram stage alone, for the tests: "" when it cannot tell. */
PX__HIDDEN int px__langid_ngrams(px_langid *li, const char *text, size_t len, char code[8]);
int px__langid_ngrams(px_langid *li, const char *text, size_t len, char code[8]) {
  code[0] = '\0';
  if (!li || !text) return PX_EINVAL;
  size_t cn = clean_utf8(text, utf8_cut(text, len, PX__LANG_BYTES), li->clean);
  long pick = ngram_best(li, li->clean, cn);
  if (pick >= 0) memcpy(code, prof.code[pick], 8);
  return PX_OK;
}

/* Whether the profiles of code are loaded (a language news is written in). */
PX__HIDDEN bool px__lang_is_news(const char *code);
bool px__lang_is_news(const char *code) { return is_news_lang(code); }

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
