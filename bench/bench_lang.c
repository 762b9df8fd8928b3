/* bench_lang.c - the cost of one language identification: px_langid beside
 * libexttextcat's own classifier (all of its profiles) on the same texts.
 *
 * usage: bench_lang px|textcat < texts   (one text per line)
 * Every text is identified PX_REPEAT times (default 1).  Prints the texts,
 * the CPU time per call and how many came out unknown.  Under
 * `valgrind --tool=callgrind --instr-atstart=no` only the identification
 * loop is counted (the profiles' loading and the reading of the input are
 * not), so the instruction count per call does not depend on the machine's
 * load. */
#include <parallax.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>
#include <time.h>
#include <valgrind/callgrind.h>

#ifndef PX_TEXTCAT_DIR
#define PX_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

static double cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 2 || (strcmp(argv[1], "px") != 0 && strcmp(argv[1], "textcat") != 0)) {
    fprintf(stderr, "usage: bench_lang px|textcat < texts\n");
    return 2;
  }
  bool px = strcmp(argv[1], "px") == 0;
  const char *rep = getenv("PX_REPEAT");
  int repeat = rep && atoi(rep) > 0 ? atoi(rep) : 1;
  /* the texts, in memory */
  size_t n = 0, cap = 0;
  char **text = NULL;
  static char line[1 << 16];
  while (fgets(line, sizeof line, stdin)) {
    size_t l = strcspn(line, "\n");
    line[l] = '\0';
    if (n == cap) {
      cap = cap ? cap * 2 : 1024;
      char **t = realloc(text, cap * sizeof *t);
      if (!t) return 1;
      text = t;
    }
    if (!(text[n++] = strdup(line))) return 1;
  }
  px_langid *li = NULL;
  void *tc = NULL;
  candidate_t *cand = NULL;
  if (px) {
    if (px_langid_new(NULL, &li) != PX_OK) {
      fprintf(stderr, "bench_lang: the language profiles are not installed\n");
      return 1;
    }
  } else {
    tc = special_textcat_Init(PX_TEXTCAT_DIR "fpdb.conf", PX_TEXTCAT_DIR);
    if (!tc || !(cand = textcat_GetClassifyFullOutput(tc))) return 1;
    textcat_SetProperty(tc, TCPROP_MINIMUM_DOCUMENT_SIZE, 12);
  }
  size_t unknown = 0;
  double t0 = cpu();
  CALLGRIND_START_INSTRUMENTATION;
  for (int r = 0; r < repeat; r++)
    for (size_t i = 0; i < n; i++) {
      size_t len = strlen(text[i]);
      if (px) {
        char code[8];
        px_langid_identify(li, text[i], len, code);
        if (r == 0 && !code[0]) unknown++;
      } else {
        if (len > 1200) len = 1200;
        while (len > 0 && len < strlen(text[i]) && ((unsigned char)text[i][len] & 0xC0) == 0x80) len--;
        int k = textcat_ClassifyFull(tc, text[i], len, cand);
        if (r == 0 && k <= 0) unknown++;
      }
    }
  CALLGRIND_STOP_INSTRUMENTATION;
  double t = cpu() - t0;
  printf("%s: %zu texts x %d, CPU %.4f ms per call, unknown %zu\n", px ? "px_langid" : "exttextcat", n,
         repeat, n ? t * 1e3 / ((double)n * repeat) : 0.0, unknown);
  px_langid_free(li);
  if (tc) {
    textcat_ReleaseClassifyFullOutput(tc, cand);
    textcat_Done(tc);
  }
  for (size_t i = 0; i < n; i++) free(text[i]);
  free(text);
  return 0;
}
