/* eval_sentences.c - score the sentence splitter on the English "Golden
 * Rules" (pragmatic_segmenter / pySBD).
 *
 * usage: eval_sentences [-v] golden_rules_en.json
 *
 * A rule passes when the list of segments, each stripped of surrounding
 * white space, equals the expected list exactly (pySBD's convention).
 * Prints "golden rules: N/48 (pySBD set), M/52 (all)" and the failing ids;
 * -v also prints what the splitter produced for them.
 */
#include "analyze/text.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  int verbose = 0, argi = 1;
  if (argi < argc && !strcmp(argv[argi], "-v")) verbose = 1, argi++;
  if (argi >= argc) {
    fprintf(stderr, "usage: eval_sentences [-v] golden_rules_en.json\n");
    return 2;
  }
  json_error_t err;
  json_t *root = json_load_file(argv[argi], 0, &err);
  if (!root || !json_is_array(root)) {
    fprintf(stderr, "eval_sentences: %s: %s (line %d)\n", argv[argi], err.text, err.line);
    return 1;
  }
  px__arena arena;
  px__arena_init(&arena, 1 << 16);
  int pass48 = 0, n48 = 0, pass_all = 0, n_all = 0;
  char failed[1024] = "";
  size_t idx;
  json_t *rule;
  json_array_foreach(root, idx, rule) {
    json_t *jin = json_object_get(rule, "input");
    json_t *jexp = json_object_get(rule, "expected");
    int id = (int)json_integer_value(json_object_get(rule, "id"));
    int in48 = json_is_true(json_object_get(rule, "in_pysbd_grs48"));
    if (!json_is_string(jin) || !json_is_array(jexp)) continue;
    const char *in = json_string_value(jin);
    size_t inlen = json_string_length(jin);
    px__sentence *sv;
    size_t ns;
    px__arena_reset(&arena);
    if (px__split_sentences(in, inlen, &arena, &sv, &ns)) {
      fprintf(stderr, "eval_sentences: out of memory\n");
      return 1;
    }
    int ok = ns == json_array_size(jexp);
    for (size_t k = 0; ok && k < ns; k++) {
      json_t *e = json_array_get(jexp, k);
      const char *es = json_string_value(e);
      size_t el = json_string_length(e);
      /* strip the expected segment too */
      while (el && strchr(" \t\r\n", es[el - 1])) el--;
      while (el && strchr(" \t\r\n", es[0])) es++, el--;
      ok = el == sv[k].end - sv[k].start && !memcmp(es, in + sv[k].start, el);
    }
    n_all++;
    pass_all += ok;
    if (in48) {
      n48++;
      pass48 += ok;
    }
    if (!ok) {
      size_t fl = strlen(failed);
      snprintf(failed + fl, sizeof failed - fl, "%s%d%s", fl ? " " : "", id, in48 ? "" : "*");
      if (verbose) {
        printf("rule %d:\n", id);
        for (size_t k = 0; k < ns; k++)
          printf("   [%.*s]\n", (int)(sv[k].end - sv[k].start), in + sv[k].start);
      }
    }
  }
  printf("golden rules: %d/%d (pySBD set), %d/%d (all)\n", pass48, n48, pass_all, n_all);
  printf("failing: %s%s\n", failed[0] ? failed : "none",
         failed[0] ? "   (* = outside the pySBD 48)" : "");
  px__arena_release(&arena);
  json_decref(root);
  return 0;
}
