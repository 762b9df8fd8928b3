/* eval_lang.c - language identification accuracy: px_langid beside
 * libexttextcat's own first choice, on the same texts in the same run.
 *
 * stdin: lines "SET<TAB>LANG<TAB>TEXT" (LANG an ISO 639-1 code).  Prints,
 * per set, the texts, the accuracy of each (a text counted wrong when the
 * answer is another language or unknown), the unknown rate, the CPU time,
 * and the per-language accuracy of px_langid.
 */
#include <parallax.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>
#include <time.h>

#ifndef PX_TEXTCAT_DIR
#define PX_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

typedef struct {
  char set[32], lang[8];
  size_t n, ok_px, ok_tc, unk_px, unk_tc;
  double cpu_px, cpu_tc;
} cell;

static cell cells[512];
static size_t ncells;

static cell *get(const char *set, const char *lang) {
  for (size_t i = 0; i < ncells; i++)
    if (strcmp(cells[i].set, set) == 0 && strcmp(cells[i].lang, lang) == 0) return &cells[i];
  if (ncells == 512) return NULL;
  cell *c = &cells[ncells++];
  snprintf(c->set, sizeof c->set, "%s", set);
  snprintf(c->lang, sizeof c->lang, "%s", lang);
  return c;
}

static double cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
  px_langid *li;
  if (px_langid_new(NULL, &li) != PX_OK) {
    fprintf(stderr, "eval_lang: the language profiles are not installed\n");
    return 1;
  }
  void *tc = special_textcat_Init(PX_TEXTCAT_DIR "fpdb.conf", PX_TEXTCAT_DIR);
  if (!tc) return 1;
  textcat_SetProperty(tc, TCPROP_MINIMUM_DOCUMENT_SIZE, 12);
  static char line[1 << 20];
  double t_px = 0, t_tc = 0;
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strlen(line);
    if (n && line[n - 1] == '\n') line[--n] = '\0';
    char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
    if (!t2) continue;
    *t1 = *t2 = '\0';
    const char *text = t2 + 1;
    size_t tn = strlen(text);
    cell *c = get(line, t1 + 1);
    if (!c) continue;
    c->n++;
    double t0 = cpu();
    char code[8];
    px_langid_identify(li, text, tn, code);
    double t1c = cpu();
    /* the peer: the library's own first choice, on the same bytes */
    size_t cut = tn < 1200 ? tn : 1200;
    while (cut < tn && cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;
    const char *r = textcat_Classify(tc, text, cut);
    double t2c = cpu();
    t_px += t1c - t0;
    t_tc += t2c - t1c;
    c->cpu_px += t1c - t0;
    c->cpu_tc += t2c - t1c;
    char first[8] = "";
    if (r[0] == '[') {
      size_t k = 0;
      while (r[1 + k] && r[1 + k] != '-' && r[1 + k] != ']' && k < 7) first[k] = r[1 + k], k++;
      first[k] = '\0';
    }
    if (!code[0]) c->unk_px++;
    else if (strcmp(code, c->lang) == 0) c->ok_px++;
    if (!first[0]) c->unk_tc++;
    else if (strcmp(first, c->lang) == 0) c->ok_tc++;
  }
  /* per set */
  const char *sets[16];
  size_t nsets = 0;
  for (size_t i = 0; i < ncells; i++) {
    size_t k = 0;
    while (k < nsets && strcmp(sets[k], cells[i].set)) k++;
    if (k == nsets && nsets < 16) sets[nsets++] = cells[i].set;
  }
  printf("%-22s %6s %5s  %-22s %-25s %s\n", "set", "texts", "langs", "px_langid acc (unknown)",
         "exttextcat 1st (unknown)", "CPU ms/text px, exttextcat");
  for (size_t s = 0; s < nsets; s++) {
    size_t n = 0, a = 0, b = 0, ua = 0, ub = 0, nl = 0;
    double ca = 0, cb = 0;
    for (size_t i = 0; i < ncells; i++)
      if (strcmp(cells[i].set, sets[s]) == 0) {
        n += cells[i].n, a += cells[i].ok_px, b += cells[i].ok_tc;
        ua += cells[i].unk_px, ub += cells[i].unk_tc, nl++;
        ca += cells[i].cpu_px, cb += cells[i].cpu_tc;
      }
    printf("%-22s %6zu %5zu  %.3f (%.3f)          %.3f (%.3f)             %.3f, %.3f\n", sets[s], n, nl,
           (double)a / n, (double)ua / n, (double)b / n, (double)ub / n, ca * 1e3 / n, cb * 1e3 / n);
  }
  printf("CPU: px_langid %.3f s, exttextcat %.3f s (both on the same texts)\n", t_px, t_tc);
  printf("\nper language, px_langid accuracy (texts):\n");
  for (size_t s = 0; s < nsets; s++) {
    printf("  %s:", sets[s]);
    for (size_t i = 0; i < ncells; i++)
      if (strcmp(cells[i].set, sets[s]) == 0)
        printf(" %s %.2f (%zu)", cells[i].lang, (double)cells[i].ok_px / cells[i].n, cells[i].n);
    putchar('\n');
  }
  textcat_Done(tc);
  px_langid_free(li);
  return 0;
}
