/* eval_quotes.c - run quote extraction over the PolNeAR articles.
 *
 * usage: eval_quotes [--split NAME] < polnear.jsonl
 *
 * Reads the derived PolNeAR JSON Lines (see /work/shared/data/polnear/
 * README.md) and prints one JSON line per article of the split with the
 * predicted quotes: {"doc_id", "quotes":[{"kind", "spans":[[s,e]...],
 * "content":[s,e], "cue":[s,e]|null, "speaker":[s,e]|null, "name"}]}.
 * The text is analyzed as given, without the body normalization of
 * px_article_set, so every offset is a UTF-8 byte offset into PolNeAR's own
 * text and compares directly with its "bspans".  eval/score_polnear.py
 * scores the output; eval/quotes.sh runs both.
 *
 * With --time it prints only the bytes, the seconds spent in analysis
 * (tokens, sentences, entities and quotes) and in the quote pass alone, and
 * the number of quotes; --field NAME reads the text from another key (the
 * AllSides "body" in bench/quotes.sh).
 */
#include "entity.h"
#include "quote.h"
#include "text.h"

#include <parallax.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *kind_name(int k) {
  switch (k) {
  case 1: return "direct";
  case 2: return "partial";
  case 3: return "indirect";
  case 4: return "scare";
  case 5: return "title";
  default: return "?";
  }
}

static void put_str(const char *p, size_t n) {
  json_t *s = json_stringn(p, n);
  char *d = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
  fputs(d ? d : "\"\"", stdout);
  free(d);
  json_decref(s);
}

/*
 * The variant matcher on eval/data/quote_variants.tsv (label, speaker_a,
 * quote_a, speaker_b, quote_b, note, split): a pair is predicted the same
 * remark when the speakers match and the similarity reaches the threshold.
 * Prints precision and recall at the library's threshold and, for tuning,
 * the best F1 over thresholds on the chosen split.
 */
static int eval_variants(const char *path, const char *split) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "eval_quotes: cannot open %s\n", path);
    return 1;
  }
  px_quote_groups *g = NULL;
  if (px_quote_groups_new(&g)) return 1;
  enum { MAXP = 4096 };
  static double sim[MAXP];
  static int lab[MAXP], spk[MAXP];
  static char note[MAXP][40];
  size_t np = 0;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  int first = 1;
  while ((len = getline(&line, &cap, f)) > 0 && np < MAXP) {
    if (first) { /* header */
      first = 0;
      continue;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    char *fld[8] = {0};
    int nf = 0;
    char *s = line;
    while (nf < 8) {
      fld[nf++] = s;
      char *t = strchr(s, '\t');
      if (!t) break;
      *t = 0;
      s = t + 1;
    }
    if (nf < 7 || (split && strcmp(fld[6], split))) continue;
    lab[np] = atoi(fld[0]);
    spk[np] = px_speaker_match(fld[1], strlen(fld[1]), fld[3], strlen(fld[3]));
    sim[np] = px_quote_similarity(g, fld[2], strlen(fld[2]), fld[4], strlen(fld[4]));
    snprintf(note[np], sizeof note[np], "%s", fld[5]);
    np++;
  }
  free(line);
  fclose(f);
  double best_f = -1, best_t = 0;
  for (int pass = 0; pass < 2; pass++) {
    for (double t = 0.05; t < 1.0; t += 0.05) {
      double th = pass ? PX_QUOTE_SAME_REMARK : t;
      size_t tp = 0, fp = 0, fn = 0;
      for (size_t i = 0; i < np; i++) {
        int pred = spk[i] && sim[i] >= th;
        tp += pred && lab[i];
        fp += pred && !lab[i];
        fn += !pred && lab[i];
      }
      double P = tp + fp ? (double)tp / (tp + fp) : 0, R = tp + fn ? (double)tp / (tp + fn) : 0;
      double F = P + R ? 2 * P * R / (P + R) : 0;
      if (pass) {
        printf("quote variants (%s, %zu pairs): threshold %.2f  P %.3f  R %.3f  F1 %.3f  (tp %zu fp %zu fn %zu)\n",
               split ? split : "all", np, th, P, R, F, tp, fp, fn);
        for (size_t i = 0; i < np; i++) {
          int pred = spk[i] && sim[i] >= th;
          if (pred != lab[i])
            printf("  %s %-30s speaker %s  similarity %.2f\n", lab[i] ? "missed" : "wrong ",
                   note[i], spk[i] ? "match" : "differ", sim[i]);
        }
        break;
      }
      if (F > best_f + 1e-9) {
        best_f = F;
        best_t = th;
      }
    }
  }
  /* the tuning aid, for the tuning split only */
  if (split && !strcmp(split, "dev"))
    printf("best threshold on this split: %.2f (F1 %.3f)\n", best_t, best_f);
  px_quote_groups_free(g);
  return 0;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts); /* CPU time: fair on a loaded machine */
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  const char *split = NULL;
  int timing = 0, plain = 0;
  const char *variants = NULL;
  const char *field = "text";
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--split") && i + 1 < argc) split = argv[++i];
    else if (!strcmp(argv[i], "--time")) timing = 1;
    else if (!strcmp(argv[i], "--text")) plain = 1;
    else if (!strcmp(argv[i], "--field") && i + 1 < argc) field = argv[++i];
    else if (!strcmp(argv[i], "--variants") && i + 1 < argc) variants = argv[++i];
    else {
      fprintf(stderr, "usage: eval_quotes [--split NAME] [--time] < polnear.jsonl\n");
      return 2;
    }
  }
  if (variants) return eval_variants(variants, split);
  px__textan *ta = NULL;
  px__entan *ea = NULL;
  px__quotean *qa = NULL;
  if (px__textan_new(&ta) || px__entan_new(&ea) || px__quotean_new(&qa)) {
    fprintf(stderr, "eval_quotes: out of memory\n");
    return 1;
  }
  px__arena arena;
  px__arena_init(&arena, 1 << 20);
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  double spent = 0, spent_q = 0;
  size_t nquotes = 0;
  size_t bytes = 0;
  int rc = 0;
  if (plain) {
    /* debugging: analyze standard input as one text, print what was found */
    static char buf[1 << 22];
    size_t n = fread(buf, 1, sizeof buf - 1, stdin);
    px__text tx;
    px__entities ents;
    px__quotes qs;
    if (px__text_analyze(ta, buf, n, &arena, &tx) || px__entities_find(ea, &tx, &arena, &ents) ||
        px__quotes_find(qa, &tx, &ents, &arena, &qs))
      return 1;
    for (size_t i = 0; i < tx.nsent; i++)
      printf("S%zu p%u: %.*s\n", i, tx.sent[i].para, (int)(tx.sent[i].end - tx.sent[i].start),
             buf + tx.sent[i].start);
    for (size_t i = 0; i < qs.nq; i++) {
      const px__quote *q = &qs.q[i];
      printf("%-8s |%.*s|", kind_name(q->kind), (int)(q->end - q->start), buf + q->start);
      printf(" spans=%u cue=|%.*s| speaker=|%.*s| entity=%s content=|%.*s|\n", q->nspans,
             (int)(q->cue_end - q->cue_start), buf + q->cue_start, (int)(q->spk_end - q->spk_start),
             buf + q->spk_start, q->entity >= 0 ? ents.ent[q->entity].name : "-",
             (int)(q->cend - q->cstart), buf + q->cstart);
    }
    return 0;
  }
  while ((len = getline(&line, &cap, stdin)) > 0) {
    json_error_t err;
    json_t *doc = json_loadb(line, (size_t)len, 0, &err);
    if (!doc) continue;
    const char *sp = json_string_value(json_object_get(doc, "split"));
    if (split && (!sp || strcmp(sp, split))) {
      json_decref(doc);
      continue;
    }
    json_t *jt = json_object_get(doc, field);
    if (!json_is_string(jt)) {
      json_decref(doc);
      continue;
    }
    const char *text = json_string_value(jt);
    size_t n = json_string_length(jt);
    px__arena_reset(&arena);
    px__text tx;
    px__entities ents;
    px__quotes qs;
    double t0 = now(), t1 = 0;
    if (px__text_analyze(ta, text, n, &arena, &tx) ||
        px__entities_find(ea, &tx, &arena, &ents) || ((t1 = now()), 0) ||
        px__quotes_find(qa, &tx, &ents, &arena, &qs)) {
      fprintf(stderr, "eval_quotes: analysis failed\n");
      rc = 1;
      json_decref(doc);
      break;
    }
    double t2 = now();
    spent += t2 - t0;
    spent_q += t2 - t1;
    nquotes += qs.nq;
    bytes += n;
    if (timing) {
      json_decref(doc);
      continue;
    }
    printf("{\"doc_id\":");
    put_str(json_string_value(json_object_get(doc, "doc_id")),
            json_string_length(json_object_get(doc, "doc_id")));
    printf(",\"quotes\":[");
    for (size_t i = 0; i < qs.nq; i++) {
      const px__quote *q = &qs.q[i];
      printf("%s{\"kind\":\"%s\",\"spans\":[", i ? "," : "", kind_name(q->kind));
      for (size_t k = 0; k < q->nspans; k++) {
        const px__qrange *r = &qs.span[q->span_first + k];
        printf("%s[%u,%u]", k ? "," : "", r->start, r->end);
      }
      printf("],\"content\":[%u,%u]", q->cstart, q->cend);
      if (q->cue_end > q->cue_start) printf(",\"cue\":[%u,%u]", q->cue_start, q->cue_end);
      else printf(",\"cue\":null");
      if (q->spk_end > q->spk_start) printf(",\"speaker\":[%u,%u]", q->spk_start, q->spk_end);
      else printf(",\"speaker\":null");
      if (q->entity >= 0) {
        printf(",\"name\":");
        put_str(ents.ent[q->entity].name, ents.ent[q->entity].name_len);
      }
      if (q->name_end > q->name_start) printf(",\"name_span\":[%u,%u]", q->name_start, q->name_end);
      printf("}");
    }
    printf("]}\n");
    json_decref(doc);
  }
  if (timing)
    printf("{\"bytes\":%zu,\"seconds\":%.6f,\"quote_seconds\":%.6f,\"quotes\":%zu}\n", bytes,
           spent, spent_q, nquotes);
  free(line);
  px__arena_release(&arena);
  px__quotean_free(qa);
  px__entan_free(ea);
  px__textan_free(ta);
  return rc;
}
