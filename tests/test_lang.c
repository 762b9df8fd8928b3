/* test_lang.c - language identification: px_langid on texts written for
 * the test; its n-gram stage against libexttextcat's own classifier loaded
 * with the same profiles; handles used from several threads at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <textcat.h>

#include <parallax.h>

#ifndef PX_TEXTCAT_DIR
#define PX_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

int px__langid_ngrams(px_langid *li, const char *text, size_t len, char code[8]);
bool px__lang_is_news(const char *code);

static const char *const texts[] = {
    "The city council voted on Tuesday to close the old bridge after engineers found cracks.",
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke zu schließen, nachdem Risse gefunden wurden.",
    "Le conseil municipal a voté mardi la fermeture du vieux pont après la découverte de fissures.",
    "El ayuntamiento votó el martes cerrar el puente viejo después de que los ingenieros hallaran grietas.",
    "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte dopo la scoperta di crepe.",
    "A câmara municipal votou na terça-feira o encerramento da ponte velha depois de encontrar fissuras.",
    "De gemeenteraad stemde dinsdag om de oude brug te sluiten nadat ingenieurs scheuren vonden.",
    "Городской совет во вторник проголосовал за закрытие старого моста после обнаружения трещин.",
    "Rada miasta zagłosowała we wtorek za zamknięciem starego mostu po wykryciu pęknięć.",
    "Kaupunginvaltuusto päätti tiistaina sulkea vanhan sillan, kun insinöörit löysivät halkeamia.",
};
static const char *const expect[] = {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "fi"};
#define NT (sizeof texts / sizeof *texts)

static void test_known(void **state) {
  (void)state;
  px_langid *li;
  assert_int_equal(px_langid_new(NULL, &li), PX_OK);
  for (size_t i = 0; i < NT; i++) {
    char code[8];
    assert_int_equal(px_langid_identify(li, texts[i], strlen(texts[i]), code), PX_OK);
    assert_string_equal(code, expect[i]);
  }
  char code[8];
  assert_int_equal(px_langid_identify(li, "ok", 2, code), PX_OK);
  assert_string_equal(code, ""); /* too short to tell */
  px_langid_free(li);
}

/* A text of invented words from a seed: n-gram profiles decide these
 * narrowly, where a difference in the scoring would show. */
static void invented(unsigned seed, char *out, size_t cap) {
  static const char *const syl[] = {"ka", "lo", "mi", "ru", "te", "vo", "sa", "ne", "pi", "du", "ge",
                                    "fa", "zo", "bi", "ha", "lu", "sch", "ij", "ñe", "çu", "ö", "å"};
  size_t o = 0, words = 4 + seed % 30;
  for (size_t w = 0; w < words; w++) {
    size_t k = 1 + (seed = seed * 1103515245u + 12345u) / 65536 % 4;
    for (size_t j = 0; j < k; j++) {
      const char *s = syl[(seed = seed * 1103515245u + 12345u) / 65536 % (sizeof syl / sizeof *syl)];
      size_t l = strlen(s);
      if (o + l + 2 >= cap) break;
      memcpy(out + o, s, l);
      o += l;
    }
    out[o++] = ' ';
  }
  out[o] = '\0';
}

/* The n-gram stage gives libexttextcat's own answer when libexttextcat is
 * loaded with the same profiles: the first of its candidates news is
 * commonly written in. */
static void test_ngrams_equal_textcat(void **state) {
  (void)state;
  void *tc = special_textcat_Init(PX_TEXTCAT_DIR "fpdb.conf", PX_TEXTCAT_DIR);
  assert_non_null(tc);
  textcat_SetProperty(tc, TCPROP_MINIMUM_DOCUMENT_SIZE, 12);
  candidate_t *cand = textcat_GetClassifyFullOutput(tc);
  px_langid *li;
  assert_int_equal(px_langid_new(NULL, &li), PX_OK);
  size_t decided = 0, same = 0, total = 0;
  for (unsigned i = 0; i < NT + 400; i++) {
    char buf[1024];
    const char *t = i < NT ? texts[i] : buf;
    if (i >= NT && i % 3 == 0) invented(i, buf, sizeof buf);
    if (i >= NT && i % 3 == 1) { /* an opening of one of the texts */
      const char *s = texts[i / 3 % NT];
      size_t k = 12 + i % 90, l = strlen(s);
      while (k < l && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
      snprintf(buf, sizeof buf, "%.*s", (int)(k < l ? k : l), s);
    }
    if (i >= NT && i % 3 == 2) { /* half of one text, half of another (whole characters) */
      const char *a = texts[i % NT], *b = texts[(i / 7) % NT];
      size_t ka = strlen(a) / 2, kb = strlen(b) / 2;
      while (ka && ((unsigned char)a[ka] & 0xC0) == 0x80) ka--;
      while (kb && ((unsigned char)b[kb] & 0xC0) == 0x80) kb--;
      snprintf(buf, sizeof buf, "%.*s %s", (int)ka, a, b + kb);
    }
    char code[8], want[8] = "";
    assert_int_equal(px__langid_ngrams(li, t, strlen(t), code), PX_OK);
    int n = textcat_ClassifyFull(tc, t, strlen(t), cand);
    for (int c = 0; c < n; c++) { /* the first candidate news is written in, else the first */
      size_t k = strcspn(cand[c].name, "-");
      if (k > 7) continue;
      memcpy(want, cand[c].name, k);
      want[k] = '\0';
      if (px__lang_is_news(want)) break;
      if (c == n - 1) {
        k = strcspn(cand[0].name, "-");
        memcpy(want, cand[0].name, k < 7 ? k : 7);
        want[k < 7 ? k : 7] = '\0';
      }
    }
    if (n > 0) decided++;
    total++;
    /* two profiles at exactly the same distance: either may come first */
    if (strcmp(code, want) == 0 || (n > 1 && cand[0].score == cand[1].score)) same++;
    else fprintf(stderr, "differs on \"%s\": %s, libexttextcat %s\n", t, code, want);
  }
  assert_int_equal(same, total);
  assert_true(decided > total / 4); /* the comparison is not all "unknown" */
  textcat_ReleaseClassifyFullOutput(tc, cand);
  textcat_Done(tc);
  px_langid_free(li);
}

static void *identify_all(void *arg) {
  char(*codes)[8] = arg;
  px_langid *li;
  if (px_langid_new(NULL, &li) != PX_OK) return NULL;
  for (int r = 0; r < 50; r++)
    for (size_t i = 0; i < NT; i++) px_langid_identify(li, texts[i], strlen(texts[i]), codes[r * NT + i]);
  px_langid_free(li);
  return arg;
}

/* Handles in several threads at once read the same profiles. */
static void test_threads(void **state) {
  (void)state;
  enum { NTH = 4 };
  pthread_t th[NTH];
  static char codes[NTH][50 * NT][8];
  for (int t = 0; t < NTH; t++) assert_int_equal(pthread_create(&th[t], NULL, identify_all, codes[t]), 0);
  for (int t = 0; t < NTH; t++) {
    void *r;
    assert_int_equal(pthread_join(th[t], &r), 0);
    assert_non_null(r);
  }
  for (int t = 0; t < NTH; t++)
    for (size_t k = 0; k < 50 * NT; k++) assert_string_equal(codes[t][k], expect[k % NT]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_known),
      cmocka_unit_test(test_ngrams_equal_textcat),
      cmocka_unit_test(test_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
