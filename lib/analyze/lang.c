/* lang.c - language identification: px_langid.
 *
 * libexttextcat (the n-gram text categorizer of Cavnar and Trenkle, with
 * the ~160 language profiles LibreOffice ships) ranks the languages by the
 * distance of the text's character n-gram profile to each; the candidates
 * it returns are those within 3 % of the best.  Among them the first that
 * news is commonly written in wins (Scots, Low German or Interlingua
 * profiles are close to English, Dutch and Italian on short texts); a text
 * too short or too even to tell is "" (unknown).  Only the opening of a
 * body is read: a few hundred bytes suffice for a language, and the cost
 * stays flat whatever the article's length.
 */
#include "px_common.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#ifndef PX_TEXTCAT_DIR
#define PX_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* What is read of a text: the title and this much of the body. */
#define PX__LANG_BYTES 1200

struct px_langid {
  void *tc;
  candidate_t *cand;
  char buf[PX__LANG_BYTES + 512];
};

/* Languages news is commonly written in (ISO 639-1), preferred among
 * near-equal candidates. */
static const char *const news_langs[] = {
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "nn", "fi", "pl", "cs", "sk",
    "sl", "hr", "sr", "bs", "hu", "ro", "bg", "ru", "uk", "be", "el", "tr", "ar", "fa", "he",
    "hi", "bn", "ur", "ta", "te", "ml", "kn", "mr", "gu", "pa", "ja", "zh", "ko", "vi", "th",
    "id", "ms", "tl", "sw", "af", "ca", "eu", "gl", "et", "lv", "lt", "is", "ga", "cy", "sq",
    "mk", "ka", "hy", "az", "kk", "uz", "mn", "ne", "si", "km", "lo", "my", "am", "so", "ha",
    "yo", "zu", "xh", NULL};

int px_langid_new(px_ctx *ctx, px_langid **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  px_langid *li = calloc(1, sizeof *li);
  if (!li) return ctx ? px__ctx_fail(ctx, PX_ENOMEM, "out of memory") : PX_ENOMEM;
  li->tc = special_textcat_Init(PX_TEXTCAT_DIR "fpdb.conf", PX_TEXTCAT_DIR);
  if (!li->tc) {
    free(li);
    return ctx ? px__ctx_fail(ctx, PX_EUNSUPPORTED,
                              "language profiles not found in " PX_TEXTCAT_DIR
                              " (Debian package libexttextcat-data)")
               : PX_EUNSUPPORTED;
  }
  textcat_SetProperty(li->tc, TCPROP_MINIMUM_DOCUMENT_SIZE, 12);
  li->cand = textcat_GetClassifyFullOutput(li->tc);
  if (!li->cand) {
    px_langid_free(li);
    return ctx ? px__ctx_fail(ctx, PX_ENOMEM, "out of memory") : PX_ENOMEM;
  }
  *out = li;
  return PX_OK;
}

void px_langid_free(px_langid *li) {
  if (!li) return;
  if (li->cand) textcat_ReleaseClassifyFullOutput(li->tc, li->cand);
  if (li->tc) textcat_Done(li->tc);
  free(li);
}

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

static int classify(px_langid *li, const char *text, size_t len, char code[8]) {
  code[0] = '\0';
  int n = textcat_ClassifyFull(li->tc, text, len, li->cand);
  if (n <= 0) return PX_OK; /* too short, or too many languages alike */
  int pick = 0;
  for (int i = 0; i < n; i++) {
    char c[8];
    code_of(li->cand[i].name, c);
    if (is_news_lang(c)) {
      pick = i;
      break;
    }
  }
  code_of(li->cand[pick].name, code);
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
