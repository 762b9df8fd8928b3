/*
 * eval_mrpc - the sentence-alignment scorer of lib/align as a paraphrase
 * classifier on MRPC (Dolan & Brockett 2005).
 *
 * usage: eval_mrpc [--train] TRAIN.tsv TEST.tsv
 *
 * Every sentence of both files is analyzed (lib/analyze/text.h); the IDF
 * table is built from all of them (no labels are used).  With the built-in
 * weights (lib/align/simscore.c) the decision threshold is tuned on train
 * for accuracy and accuracy/F1 are printed for test.  --train also fits the
 * logistic regression on train (Newton's method, small L2) and prints the
 * weights as C, which is how the built-in ones were made.
 */
#include "align/align.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pair {
  int label;
  uint32_t a, b; /* sentence indexes */
} pair;

typedef struct set {
  pair *p;
  size_t n, cap;
} set;

typedef struct corpus {
  px__text *tx;
  size_t n, cap;
  px__arena arena;
  px__textan *ta;
} corpus;

static int add_sentence(corpus *c, const char *s, size_t n, uint32_t *idx) {
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 8192;
    px__text *t = realloc(c->tx, nc * sizeof *t);
    if (!t) return PX_ENOMEM;
    c->tx = t;
    c->cap = nc;
  }
  char *copy = px__arena_strndup(&c->arena, s, n);
  if (!copy) return PX_ENOMEM;
  int rc = px__text_analyze(c->ta, copy, n, &c->arena, &c->tx[c->n]);
  if (rc != PX_OK) return rc;
  *idx = (uint32_t)c->n++;
  return PX_OK;
}

static int load(const char *path, corpus *c, set *out) {
  FILE *f = fopen(path, "r");
  if (!f) {
    perror(path);
    return -1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  bool header = true;
  while ((len = getline(&line, &cap, f)) > 0) {
    if (header) {
      header = false;
      continue;
    }
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    char *field[5];
    int nf = 0;
    field[nf++] = line;
    for (char *p = line; *p && nf < 5; p++)
      if (*p == '\t') {
        *p = 0;
        field[nf++] = p + 1;
      }
    if (nf < 5) continue;
    pair p = {atoi(field[0]), 0, 0};
    if (add_sentence(c, field[3], strlen(field[3]), &p.a) ||
        add_sentence(c, field[4], strlen(field[4]), &p.b))
      return -1;
    if (out->n == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 4096;
      out->p = realloc(out->p, out->cap * sizeof *out->p);
      if (!out->p) return -1;
    }
    out->p[out->n++] = p;
  }
  free(line);
  fclose(f);
  return 0;
}

typedef struct scores {
  double acc, p, r, f1;
} scores;

static scores evaluate(const double *prob, const set *s, double thr) {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  for (size_t i = 0; i < s->n; i++) {
    bool yes = prob[i] >= thr;
    if (yes && s->p[i].label) tp++;
    else if (yes) fp++;
    else if (s->p[i].label) fn++;
    else tn++;
  }
  scores r = {0};
  r.acc = (double)(tp + tn) / (s->n ? s->n : 1);
  r.p = tp + fp ? (double)tp / (tp + fp) : 0;
  r.r = tp + fn ? (double)tp / (tp + fn) : 0;
  r.f1 = r.p + r.r > 0 ? 2 * r.p * r.r / (r.p + r.r) : 0;
  return r;
}

static double tune(const double *prob, const set *s) {
  double best = 0.5, bacc = -1;
  for (double t = 0.05; t < 0.96; t += 0.005) {
    scores r = evaluate(prob, s, t);
    if (r.acc > bacc) bacc = r.acc, best = t;
  }
  return best;
}

/* Solve H x = g (K x K) by Gaussian elimination with partial pivoting. */
#define K (PX__SIM_NFEAT + 1)
static void solve(double H[K][K], double g[K], double x[K]) {
  for (int c = 0; c < K; c++) {
    int piv = c;
    for (int r = c + 1; r < K; r++)
      if (fabs(H[r][c]) > fabs(H[piv][c])) piv = r;
    for (int k = 0; k < K; k++) {
      double t = H[c][k];
      H[c][k] = H[piv][k];
      H[piv][k] = t;
    }
    double t = g[c];
    g[c] = g[piv];
    g[piv] = t;
    for (int r = c + 1; r < K; r++) {
      double m = H[r][c] / H[c][c];
      for (int k = c; k < K; k++) H[r][k] -= m * H[c][k];
      g[r] -= m * g[c];
    }
  }
  for (int c = K - 1; c >= 0; c--) {
    double s = g[c];
    for (int k = c + 1; k < K; k++) s -= H[c][k] * x[k];
    x[c] = s / H[c][c];
  }
}

static void fit(double (*feat)[PX__SIM_NFEAT], const set *s, double w[K]) {
  const double l2 = 1e-3 * s->n;
  memset(w, 0, K * sizeof *w);
  for (int it = 0; it < 25; it++) {
    double H[K][K] = {{0}}, g[K] = {0}, step[K];
    for (size_t i = 0; i < s->n; i++) {
      double x[K];
      x[0] = 1;
      memcpy(x + 1, feat[i], PX__SIM_NFEAT * sizeof(double));
      double p = px__sim_apply(w, feat[i]);
      double e = s->p[i].label - p, v = p * (1 - p);
      for (int a = 0; a < K; a++) {
        g[a] += e * x[a];
        for (int b = 0; b < K; b++) H[a][b] += v * x[a] * x[b];
      }
    }
    for (int a = 1; a < K; a++) {
      g[a] -= l2 * w[a];
      H[a][a] += l2;
    }
    H[0][0] += 1e-9;
    solve(H, g, step);
    for (int a = 0; a < K; a++) w[a] += step[a];
  }
}

int main(int argc, char **argv) {
  bool train = false;
  int ai = 1;
  if (ai < argc && strcmp(argv[ai], "--train") == 0) train = true, ai++;
  if (argc - ai != 2) {
    fprintf(stderr, "usage: eval_mrpc [--train] TRAIN.tsv TEST.tsv\n");
    return 2;
  }
  corpus c = {0};
  set tr = {0}, te = {0};
  px__lex *lx = NULL;
  px__arena_init(&c.arena, 1 << 20);
  if (px__textan_new(&c.ta) || px__lex_new(&lx)) {
    fprintf(stderr, "eval_mrpc: out of memory\n");
    return 1;
  }
  if (load(argv[ai], &c, &tr) || load(argv[ai + 1], &c, &te)) return 1;

  px__idf_builder ib = {0};
  for (size_t i = 0; i < c.n; i++)
    for (size_t s = 0; s < c.tx[i].nsent; s++)
      if (px__idf_add(&ib, &c.tx[i], s)) return 1;
  px__idf idf;
  if (px__idf_build(&ib, lx, &idf)) return 1;

  /* A whole MRPC string is one "sentence" for the scorer: merge the
   * features of all its sentences by analyzing it as one span. */
  px__ssent *ss = calloc(c.n, sizeof *ss);
  if (!ss) return 1;
  for (size_t i = 0; i < c.n; i++) {
    px__text *t = &c.tx[i];
    if (t->nsent == 0) continue;
    /* Treat every token of the string as one sentence. */
    px__sentence whole = {0, (uint32_t)t->len, 0, 0, (uint32_t)t->ntok};
    px__text one = *t;
    one.sent = &whole;
    one.nsent = 1;
    if (px__ssent_make(&one, 0, &idf, &c.arena, &ss[i])) return 1;
  }
  set *sets[2] = {&tr, &te};
  double(*feat[2])[PX__SIM_NFEAT];
  double *prob[2];
  for (int k = 0; k < 2; k++) {
    feat[k] = malloc(sets[k]->n * sizeof *feat[k]);
    prob[k] = malloc(sets[k]->n * sizeof *prob[k]);
    if (!feat[k] || !prob[k]) return 1;
    for (size_t i = 0; i < sets[k]->n; i++)
      px__sim_features(lx, &ss[sets[k]->p[i].a], &ss[sets[k]->p[i].b], feat[k][i]);
  }
  double w[K];
  memcpy(w, px__sim_weights, sizeof w);
  if (train) {
    fit(feat[0], &tr, w);
    printf("/* weights: eval_mrpc --train on %zu MRPC train pairs */\n{", tr.n);
    for (int k = 0; k < K; k++) printf("%s%.4f", k ? ", " : "", w[k]);
    printf("}\n");
    for (int k = 0; k < PX__SIM_NFEAT; k++)
      printf("  %-14s %+.4f\n", px__sim_feature_names[k], w[k + 1]);
  }
  for (int k = 0; k < 2; k++)
    for (size_t i = 0; i < sets[k]->n; i++) prob[k][i] = px__sim_apply(w, feat[k][i]);
  double thr = tune(prob[0], &tr);
  scores rtr = evaluate(prob[0], &tr, thr), rte = evaluate(prob[1], &te, thr);
  scores rbuilt = evaluate(prob[1], &te, px__sim_threshold);
  printf("weights: %s; threshold tuned on train: %.3f\n",
         train ? "fitted now on train" : "built-in (lib/align/simscore.c)", thr);
  printf("train (%zu pairs): accuracy %.3f  F1 %.3f\n", tr.n, rtr.acc, rtr.f1);
  printf("test  (%zu pairs): accuracy %.3f  precision %.3f  recall %.3f  F1 %.3f\n", te.n,
         rte.acc, rte.p, rte.r, rte.f1);
  if (!train)
    printf("test at the library's threshold %.3f: accuracy %.3f  F1 %.3f\n", px__sim_threshold,
           rbuilt.acc, rbuilt.f1);
  for (int k = 0; k < 2; k++) {
    free(feat[k]);
    free(prob[k]);
  }
  free(ss);
  free(tr.p);
  free(te.p);
  free(c.tx);
  px__idf_release(&idf);
  px__lex_free(lx);
  px__textan_free(c.ta);
  px__arena_release(&c.arena);
  return 0;
}
