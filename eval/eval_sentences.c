/* eval_sentences.c - score the sentence splitter, and ICU's sentence break
 * iterator (ICU as installed from Debian, locale en_US) on the same input in
 * the same run.
 *
 *   eval_sentences golden [-v] golden_rules_en.json
 *       The English "Golden Rules" (pragmatic_segmenter / pySBD).  A rule
 *       passes when the list of segments, each stripped of surrounding white
 *       space, equals the expected list exactly (pySBD's convention).  Prints
 *       per splitter "N/48 (pySBD set), M/52 (all)" and the failing ids; -v
 *       also prints what parallax produced for them.
 *
 *   eval_sentences news [-v] LABELS.tsv ARTICLES.jsonl
 *       Sentences of real news labelled by hand (eval/data/sentences): each
 *       labelled article's "body" is looked up by "id" in ARTICLES.jsonl and
 *       checked against the length in the labels.  Per split (dev, test) and
 *       splitter: sentences exact (both ends equal after trimming white
 *       space; precision, recall, F1) and boundaries inside paragraphs (a
 *       gold sentence end not followed by a line break: the hard part;
 *       precision, recall, F1).  -v prints parallax's misses on dev.
 *
 *   eval_sentences dump ARTICLES.jsonl
 *       Each article's body with parallax's and ICU's segments, for labelling.
 *
 * Exit status 1 when an input is missing or does not match the labels: no
 * figure is printed then.
 */
#include "analyze/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

typedef struct seg {
  size_t start, end;
} seg;

typedef struct segs {
  seg *v;
  size_t n, cap;
} segs;

static int push(segs *s, size_t a, size_t b) {
  if (s->n == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 64;
    seg *v = realloc(s->v, cap * sizeof *v);
    if (!v) return -1;
    s->v = v, s->cap = cap;
  }
  s->v[s->n++] = (seg){a, b};
  return 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Trimmed [a, b); empty segments are dropped. */
static int push_trimmed(segs *s, const char *p, size_t a, size_t b) {
  while (a < b && is_space(p[a])) a++;
  while (b > a && is_space(p[b - 1])) b--;
  /* U+00A0 no-break space at either end */
  while (b >= a + 2 && (unsigned char)p[a] == 0xC2 && (unsigned char)p[a + 1] == 0xA0) a += 2;
  while (b >= a + 2 && (unsigned char)p[b - 2] == 0xC2 && (unsigned char)p[b - 1] == 0xA0) b -= 2;
  return a < b ? push(s, a, b) : 0;
}

static int split_parallax(const char *p, size_t n, px__arena *arena, segs *out) {
  px__sentence *sv;
  size_t ns;
  out->n = 0;
  px__arena_reset(arena);
  if (px__split_sentences(p, n, arena, &sv, &ns)) return -1;
  for (size_t k = 0; k < ns; k++)
    if (push_trimmed(out, p, sv[k].start, sv[k].end)) return -1;
  return 0;
}

/* ICU over the UTF-8 text itself (UText), so boundaries are byte offsets. */
static int split_icu(UBreakIterator *bi, const char *p, size_t n, segs *out) {
  UErrorCode st = U_ZERO_ERROR;
  out->n = 0;
  UText *ut = utext_openUTF8(NULL, p, (int64_t)n, &st);
  if (U_FAILURE(st)) return -1;
  ubrk_setUText(bi, ut, &st);
  if (U_FAILURE(st)) {
    utext_close(ut);
    return -1;
  }
  int32_t prev = ubrk_first(bi);
  for (int32_t b = ubrk_next(bi); b != UBRK_DONE; prev = b, b = ubrk_next(bi))
    if (push_trimmed(out, p, (size_t)prev, (size_t)b)) {
      utext_close(ut);
      return -1;
    }
  utext_close(ut);
  return 0;
}

/* ------------------------------------------------------------ golden */

static int golden(const char *path, int verbose, UBreakIterator *bi) {
  json_error_t err;
  json_t *root = json_load_file(path, 0, &err);
  if (!root || !json_is_array(root)) {
    fprintf(stderr, "eval_sentences: %s: %s (line %d)\n", path, err.text, err.line);
    return 1;
  }
  px__arena arena;
  px__arena_init(&arena, 1 << 16);
  segs out = {0};
  const char *names[2] = {"parallax", "ICU 72 en_US"};
  int pass48[2] = {0}, pass_all[2] = {0}, n48 = 0, n_all = 0;
  char failed[2][1024] = {"", ""};
  size_t idx;
  json_t *rule;
  int rc = 0;
  json_array_foreach(root, idx, rule) {
    json_t *jin = json_object_get(rule, "input");
    json_t *jexp = json_object_get(rule, "expected");
    int id = (int)json_integer_value(json_object_get(rule, "id"));
    int in48 = json_is_true(json_object_get(rule, "in_pysbd_grs48"));
    if (!json_is_string(jin) || !json_is_array(jexp)) {
      fprintf(stderr, "eval_sentences: %s: rule %zu lacks input or expected\n", path, idx);
      rc = 1;
      break;
    }
    const char *in = json_string_value(jin);
    size_t inlen = json_string_length(jin);
    n_all++;
    n48 += in48;
    for (int t = 0; t < 2; t++) {
      if (t == 0 ? split_parallax(in, inlen, &arena, &out) : split_icu(bi, in, inlen, &out)) {
        fprintf(stderr, "eval_sentences: %s failed on rule %d\n", names[t], id);
        rc = 1;
        break;
      }
      int ok = out.n == json_array_size(jexp);
      for (size_t k = 0; ok && k < out.n; k++) {
        json_t *e = json_array_get(jexp, k);
        const char *es = json_string_value(e);
        size_t el = json_string_length(e);
        while (el && is_space(es[el - 1])) el--;
        while (el && is_space(es[0])) es++, el--;
        ok = el == out.v[k].end - out.v[k].start && !memcmp(es, in + out.v[k].start, el);
      }
      pass_all[t] += ok;
      pass48[t] += ok && in48;
      if (!ok) {
        size_t fl = strlen(failed[t]);
        snprintf(failed[t] + fl, sizeof failed[t] - fl, "%s%d%s", fl ? " " : "", id, in48 ? "" : "*");
        if (verbose && t == 0) {
          printf("rule %d, parallax:\n", id);
          for (size_t k = 0; k < out.n; k++)
            printf("   [%.*s]\n", (int)(out.v[k].end - out.v[k].start), in + out.v[k].start);
        }
      }
    }
    if (rc) break;
  }
  if (!rc) {
    for (int t = 0; t < 2; t++) {
      printf("  %-14s %d/%d (pySBD set), %d/%d (all); failing: %s%s\n", names[t], pass48[t], n48,
             pass_all[t], n_all, failed[t][0] ? failed[t] : "none", failed[t][0] ? " (* = outside the 48)" : "");
    }
  }
  free(out.v);
  px__arena_release(&arena);
  json_decref(root);
  return rc;
}

/* ------------------------------------------------------------ news */

typedef struct article {
  char id[64];
  char split[8];
  size_t bytes;
  segs gold;
  char *body; /* from ARTICLES.jsonl */
} article;

typedef struct counts {
  size_t s_tp, s_pred, s_gold; /* sentences exact */
  size_t b_tp, b_pred, b_gold; /* boundaries inside paragraphs */
} counts;

/* a boundary at byte b (a sentence end) is inside a paragraph when no line
 * break comes between it and the next non-space text */
static int in_paragraph(const char *p, size_t n, size_t b) {
  for (; b < n; b++) {
    if (p[b] == '\n') return 0;
    if (!is_space(p[b])) return 1;
  }
  return 0;
}

static void score(const article *a, const segs *pred, counts *c) {
  const segs *g = &a->gold;
  size_t n = a->bytes;
  c->s_gold += g->n;
  c->s_pred += pred->n;
  for (size_t i = 0, j = 0; i < g->n && j < pred->n;) {
    if (g->v[i].start == pred->v[j].start && g->v[i].end == pred->v[j].end) c->s_tp++, i++, j++;
    else if (g->v[i].start < pred->v[j].start || (g->v[i].start == pred->v[j].start && g->v[i].end < pred->v[j].end)) i++;
    else j++;
  }
  for (size_t i = 0; i < g->n; i++) {
    if (!in_paragraph(a->body, n, g->v[i].end)) continue;
    c->b_gold++;
    for (size_t j = 0; j < pred->n; j++)
      if (pred->v[j].end == g->v[i].end) {
        c->b_tp++;
        break;
      }
  }
  for (size_t j = 0; j < pred->n; j++) c->b_pred += in_paragraph(a->body, n, pred->v[j].end);
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }
static double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

static article *find_article(article *arts, size_t na, const char *id) {
  for (size_t i = 0; i < na; i++)
    if (!strcmp(arts[i].id, id)) return &arts[i];
  return NULL;
}

static int news(const char *labels, const char *articles, int verbose, UBreakIterator *bi) {
  FILE *f = fopen(labels, "r");
  if (!f) {
    fprintf(stderr, "eval_sentences: cannot open %s\n", labels);
    return 1;
  }
  article *arts = NULL;
  size_t na = 0, cap = 0;
  char line[512];
  int lineno = 0, rc = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    if (line[0] == '#' || line[0] == '\n') continue;
    char kind[4], id[64], x[8];
    unsigned long a, b;
    if (sscanf(line, "%3s %63s", kind, id) != 2) goto bad;
    if (!strcmp(kind, "A")) {
      if (sscanf(line, "%3s %63s %7s %lu", kind, id, x, &a) != 4 || (strcmp(x, "dev") && strcmp(x, "test")) ||
          find_article(arts, na, id))
        goto bad;
      if (na == cap) {
        cap = cap ? 2 * cap : 32;
        article *v = realloc(arts, cap * sizeof *v);
        if (!v) goto bad;
        arts = v;
      }
      memset(&arts[na], 0, sizeof arts[na]);
      snprintf(arts[na].id, sizeof arts[na].id, "%s", id);
      snprintf(arts[na].split, sizeof arts[na].split, "%s", x);
      arts[na++].bytes = a;
    } else if (!strcmp(kind, "S")) {
      article *ar = find_article(arts, na, id);
      if (!ar || sscanf(line, "%3s %63s %lu %lu", kind, id, &a, &b) != 4 || a >= b || b > ar->bytes ||
          (ar->gold.n && a < ar->gold.v[ar->gold.n - 1].end) || push(&ar->gold, a, b))
        goto bad;
    } else {
      goto bad;
    }
    continue;
  bad:
    fprintf(stderr, "eval_sentences: %s:%d: bad label line\n", labels, lineno);
    rc = 1;
    break;
  }
  fclose(f);
  if (!rc && !na) {
    fprintf(stderr, "eval_sentences: %s: no labelled article\n", labels);
    rc = 1;
  }
  /* the bodies */
  FILE *jf = rc ? NULL : fopen(articles, "r");
  if (!rc && !jf) {
    fprintf(stderr, "eval_sentences: cannot open %s\n", articles);
    rc = 1;
  }
  char *buf = NULL;
  size_t bcap = 0;
  ssize_t len;
  lineno = 0;
  while (jf && (len = getline(&buf, &bcap, jf)) > 0) {
    lineno++;
    json_error_t e;
    json_t *d = json_loadb(buf, (size_t)len, 0, &e);
    if (!d) {
      fprintf(stderr, "eval_sentences: %s:%d: %s\n", articles, lineno, e.text);
      rc = 1;
      break;
    }
    article *ar = find_article(arts, na, json_string_value(json_object_get(d, "id")) ?: "");
    json_t *jb = json_object_get(d, "body");
    if (ar && json_is_string(jb)) {
      if (json_string_length(jb) != ar->bytes) {
        fprintf(stderr, "eval_sentences: %s: article %s has %zu bytes, the labels %zu: another corpus?\n", articles,
                ar->id, json_string_length(jb), ar->bytes);
        rc = 1;
      }
      free(ar->body);
      ar->body = strdup(json_string_value(jb));
    }
    json_decref(d);
  }
  free(buf);
  if (jf) fclose(jf);
  for (size_t i = 0; !rc && i < na; i++)
    if (!arts[i].body) {
      fprintf(stderr, "eval_sentences: article %s of %s not in %s\n", arts[i].id, labels, articles);
      rc = 1;
    }
  if (!rc) {
    px__arena arena;
    px__arena_init(&arena, 1 << 16);
    segs out = {0};
    const char *splits[2] = {"dev", "test"};
    const char *names[2] = {"parallax", "ICU 72 en_US"};
    for (int s = 0; s < 2 && !rc; s++) {
      size_t arts_n = 0, sents = 0;
      for (size_t i = 0; i < na; i++)
        if (!strcmp(arts[i].split, splits[s])) arts_n++, sents += arts[i].gold.n;
      printf("  %s: %zu articles, %zu sentences\n", splits[s], arts_n, sents);
      for (int t = 0; t < 2 && !rc; t++) {
        counts c = {0};
        for (size_t i = 0; i < na && !rc; i++) {
          article *a = &arts[i];
          if (strcmp(a->split, splits[s])) continue;
          if (t == 0 ? split_parallax(a->body, a->bytes, &arena, &out) : split_icu(bi, a->body, a->bytes, &out)) {
            fprintf(stderr, "eval_sentences: %s failed on %s\n", names[t], a->id);
            rc = 1;
            break;
          }
          score(a, &out, &c);
          if (verbose && t == 0 && s == 0) {
            for (size_t k = 0; k < out.n; k++) {
              int hit = 0;
              for (size_t g = 0; g < a->gold.n; g++)
                hit |= a->gold.v[g].start == out.v[k].start && a->gold.v[g].end == out.v[k].end;
              if (!hit)
                printf("    %s %zu-%zu produced [%.*s]\n", a->id, out.v[k].start, out.v[k].end,
                       (int)(out.v[k].end - out.v[k].start), a->body + out.v[k].start);
            }
          }
        }
        if (rc) break;
        double sp = ratio(c.s_tp, c.s_pred), sr = ratio(c.s_tp, c.s_gold);
        double bp = ratio(c.b_tp, c.b_pred), br = ratio(c.b_tp, c.b_gold);
        printf("    %-14s sentences exact P %.3f R %.3f F1 %.3f (%zu of %zu) | boundaries inside paragraphs "
               "P %.3f R %.3f F1 %.3f (%zu gold)\n",
               names[t], sp, sr, f1(sp, sr), c.s_tp, c.s_gold, bp, br, f1(bp, br), c.b_gold);
      }
    }
    free(out.v);
    px__arena_release(&arena);
  }
  for (size_t i = 0; i < na; i++) free(arts[i].gold.v), free(arts[i].body);
  free(arts);
  return rc;
}

/* ------------------------------------------------------------ dump */

static int dump(const char *articles, UBreakIterator *bi) {
  FILE *jf = fopen(articles, "r");
  if (!jf) {
    fprintf(stderr, "eval_sentences: cannot open %s\n", articles);
    return 1;
  }
  px__arena arena;
  px__arena_init(&arena, 1 << 16);
  segs a = {0}, b = {0};
  char *buf = NULL;
  size_t bcap = 0;
  ssize_t len;
  while ((len = getline(&buf, &bcap, jf)) > 0) {
    json_t *d = json_loadb(buf, (size_t)len, 0, NULL);
    json_t *jb = d ? json_object_get(d, "body") : NULL;
    if (json_is_string(jb)) {
      const char *p = json_string_value(jb);
      size_t n = json_string_length(jb);
      if (split_parallax(p, n, &arena, &a) || split_icu(bi, p, n, &b)) break;
      printf("=== %s %zu\n", json_string_value(json_object_get(d, "id")), n);
      /* parallax's segments; '|' marks where ICU ends a segment inside one */
      for (size_t k = 0; k < a.n; k++) {
        printf("%zu %zu ", a.v[k].start, a.v[k].end);
        for (size_t x = a.v[k].start; x < a.v[k].end; x++) {
          if (p[x] == '\n') fputs("<NL>", stdout);
          else putchar(p[x]);
          for (size_t j = 0; j < b.n; j++)
            if (b.v[j].end == x + 1 && x + 1 < a.v[k].end) printf(" <ICU|>");
        }
        int icu_end = 0;
        for (size_t j = 0; j < b.n; j++) icu_end |= b.v[j].end == a.v[k].end;
        printf("%s\n", icu_end ? "" : "   <ICU runs on>");
      }
    }
    json_decref(d);
  }
  free(buf);
  fclose(jf);
  free(a.v), free(b.v);
  px__arena_release(&arena);
  return 0;
}

int main(int argc, char **argv) {
  int verbose = 0;
  const char *mode = argc > 1 ? argv[1] : "";
  int argi = 2;
  if (argi < argc && !strcmp(argv[argi], "-v")) verbose = 1, argi++;
  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en_US", NULL, 0, &st);
  if (U_FAILURE(st)) {
    fprintf(stderr, "eval_sentences: ICU: %s\n", u_errorName(st));
    return 1;
  }
  int rc = 2;
  if (!strcmp(mode, "golden") && argi + 1 == argc) rc = golden(argv[argi], verbose, bi);
  else if (!strcmp(mode, "news") && argi + 2 == argc) rc = news(argv[argi], argv[argi + 1], verbose, bi);
  else if (!strcmp(mode, "dump") && argi + 1 == argc) rc = dump(argv[argi], bi);
  else
    fprintf(stderr, "usage: eval_sentences golden [-v] golden_rules_en.json\n"
                    "       eval_sentences news [-v] LABELS.tsv ARTICLES.jsonl\n"
                    "       eval_sentences dump ARTICLES.jsonl\n");
  ubrk_close(bi);
  return rc;
}
