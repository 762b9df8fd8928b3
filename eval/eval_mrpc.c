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
  /* Grouped files (a sixth column names the story of the pair): the IDF
   * is built per story, as `compare` builds it, and a sentence ID seen
   * before is the same sentence (analyzed and counted once). */
  int *grp;           /* per text: its story, or 0 */
  char (*gname)[64];  /* story names; [0] is "" */
  int ngroup, gcap;
  uint32_t *byid;     /* sentence ID -> text index + 1, grouped files only */
  size_t nbyid;
} corpus;

static int group_of(corpus *c, const char *name) {
  for (int g = 0; g < c->ngroup; g++)
    if (strcmp(c->gname[g], name) == 0) return g;
  if (c->ngroup == c->gcap) {
    int nc = c->gcap ? c->gcap * 2 : 64;
    char(*t)[64] = realloc(c->gname, (size_t)nc * sizeof *t);
    if (!t) return -1;
    c->gname = t;
    c->gcap = nc;
  }
  snprintf(c->gname[c->ngroup], sizeof c->gname[0], "%s", name);
  return c->ngroup++;
}

static int add_sentence(corpus *c, const char *s, size_t n, uint32_t *idx, int grp,
                        const char *id) {
  size_t key = 0;
  if (grp > 0) {
    key = (size_t)strtoul(id, NULL, 10);
    if (key < c->nbyid && c->byid[key]) {
      *idx = c->byid[key] - 1;
      return PX_OK;
    }
    if (key >= c->nbyid) {
      size_t nn = (key + 1) * 2;
      uint32_t *t = realloc(c->byid, nn * sizeof *t);
      if (!t) return PX_ENOMEM;
      memset(t + c->nbyid, 0, (nn - c->nbyid) * sizeof *t);
      c->byid = t;
      c->nbyid = nn;
    }
  }
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 8192;
    px__text *t = realloc(c->tx, nc * sizeof *t);
    int *g = realloc(c->grp, nc * sizeof *g);
    if (t) c->tx = t;
    if (g) c->grp = g;
    if (!t || !g) return PX_ENOMEM;
    c->cap = nc;
  }
  c->grp[c->n] = grp;
  if (grp > 0) c->byid[key] = (uint32_t)c->n + 1;
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
    /* Quality, #1 ID, #2 ID, #1 String, #2 String[, story]; a line whose
     * quality is "-" only adds #1 String to its story (for the IDF). */
    char *field[6];
    int nf = 0;
    field[nf++] = line;
    for (char *p = line; *p && nf < 6; p++)
      if (*p == '\t') {
        *p = 0;
        field[nf++] = p + 1;
      }
    if (nf < 5) continue;
    int grp = nf == 6 ? group_of(c, field[5]) : 0;
    if (grp < 0) return -1;
    uint32_t dummy;
    if (field[0][0] == '-') {
      if (grp > 0 && add_sentence(c, field[3], strlen(field[3]), &dummy, grp, field[1])) return -1;
      continue;
    }
    pair p = {atoi(field[0]), 0, 0};
    if (add_sentence(c, field[3], strlen(field[3]), &p.a, grp, field[1]) ||
        add_sentence(c, field[4], strlen(field[4]), &p.b, grp, field[2]))
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

/* ------------------------------------------------ boosted trees (depth 2) */

#define NBIN 64
#define NTREE 150
#define LR_RATE 0.1
#define MIN_LEAF 30
#define LAMBDA 1.0

typedef struct binned {
  uint8_t (*bin)[PX__SIM_NFEAT];
  double edge[PX__SIM_NFEAT][NBIN]; /* bin b holds values < edge[b] (last: +inf) */
} binned;

static int cmp_dbl(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void make_bins(double (*feat)[PX__SIM_NFEAT], size_t n, binned *bn) {
  double *v = malloc(n * sizeof *v);
  bn->bin = malloc(n * sizeof *bn->bin);
  for (int f = 0; f < PX__SIM_NFEAT; f++) {
    for (size_t i = 0; i < n; i++) v[i] = feat[i][f];
    qsort(v, n, sizeof *v, cmp_dbl);
    int nb = 0;
    for (int b = 1; b < NBIN; b++) {
      double e = v[(size_t)((double)b / NBIN * n)];
      if (nb == 0 || e > bn->edge[f][nb - 1]) bn->edge[f][nb++] = e;
    }
    while (nb < NBIN) bn->edge[f][nb++] = INFINITY;
    for (size_t i = 0; i < n; i++) {
      int b = 0;
      while (b < NBIN - 1 && feat[i][f] >= bn->edge[f][b]) b++;
      bn->bin[i][f] = (uint8_t)b;
    }
  }
  free(v);
}

/* Best split of the samples with mask[i] == node: feature, bin edge. */
static bool best_split(const binned *bn, size_t n, const uint8_t *mask, uint8_t node,
                       const double *g, const double *h, int *bf, int *bb) {
  double best = 0;
  bool found = false;
  for (int f = 0; f < PX__SIM_NFEAT; f++) {
    double G[NBIN] = {0}, H[NBIN] = {0};
    size_t C[NBIN] = {0};
    double gt = 0, ht = 0;
    size_t ct = 0;
    for (size_t i = 0; i < n; i++) {
      if (mask[i] != node) continue;
      int b = bn->bin[i][f];
      G[b] += g[i], H[b] += h[i], C[b]++;
      gt += g[i], ht += h[i], ct++;
    }
    double gl = 0, hl = 0;
    size_t cl = 0;
    double parent = gt * gt / (ht + LAMBDA);
    for (int b = 0; b < NBIN - 1; b++) {
      gl += G[b], hl += H[b], cl += C[b];
      if (cl < MIN_LEAF || ct - cl < MIN_LEAF) continue;
      double gain = gl * gl / (hl + LAMBDA) + (gt - gl) * (gt - gl) / (ht - hl + LAMBDA) - parent;
      if (gain > best) best = gain, *bf = f, *bb = b, found = true;
    }
  }
  return found;
}

static void boost(double (*feat)[PX__SIM_NFEAT], const set *s, const double w[K],
                  px__tree2 *trees, size_t *ntrees, int max_trees) {
  size_t n = s->n;
  binned bn;
  make_bins(feat, n, &bn);
  double *z = malloc(n * sizeof *z), *g = malloc(n * sizeof *g), *h = malloc(n * sizeof *h);
  uint8_t *mask = malloc(n);
  for (size_t i = 0; i < n; i++) {
    double zz = w[0];
    for (int k = 0; k < PX__SIM_NFEAT; k++) zz += w[k + 1] * feat[i][k];
    z[i] = zz;
  }
  *ntrees = 0;
  for (int t = 0; t < max_trees && t < NTREE; t++) {
    for (size_t i = 0; i < n; i++) {
      double p = 1 / (1 + exp(-z[i]));
      g[i] = s->p[i].label - p;
      h[i] = p * (1 - p);
      mask[i] = 0;
    }
    px__tree2 tr = {{0}, {0}, {0}};
    int f, b;
    if (!best_split(&bn, n, mask, 0, g, h, &f, &b)) break;
    tr.f[0] = (uint8_t)f, tr.t[0] = bn.edge[f][b];
    for (size_t i = 0; i < n; i++) mask[i] = bn.bin[i][f] <= b ? 1 : 2;
    for (int side = 1; side <= 2; side++) {
      if (best_split(&bn, n, mask, (uint8_t)side, g, h, &f, &b)) {
        tr.f[side] = (uint8_t)f, tr.t[side] = bn.edge[f][b];
      } else {
        tr.f[side] = tr.f[0], tr.t[side] = INFINITY; /* no split: one leaf */
      }
    }
    double G[4] = {0}, H[4] = {0};
    for (size_t i = 0; i < n; i++) {
      int leaf = px__tree2_leaf(&tr, feat[i]);
      G[leaf] += g[i], H[leaf] += h[i];
    }
    for (int l = 0; l < 4; l++) tr.v[l] = (float)(LR_RATE * G[l] / (H[l] + LAMBDA));
    for (size_t i = 0; i < n; i++) z[i] += tr.v[px__tree2_leaf(&tr, feat[i])];
    trees[(*ntrees)++] = tr;
  }
  free(z);
  free(g);
  free(h);
  free(mask);
  free(bn.bin);
}

static void write_model(const char *path, const double w[K], const px__tree2 *trees, size_t nt,
                        const char *source, double thr) {
  FILE *f = fopen(path, "w");
  if (!f) {
    perror(path);
    return;
  }
  fprintf(f, "/* simmodel.c - GENERATED by `eval_mrpc --train --write %s` (eval/eval_mrpc.c)\n"
             " * from %s:\n"
             " * a logistic regression on the features of simscore.c plus %zu boosted depth-2\n"
             " * trees on its margin.  Do not edit. */\n",
          "lib/align/simmodel.c", source, nt);
  fprintf(f, "#include \"align/align.h\"\n\n#include <math.h>\n\nconst double px__sim_weights[PX__SIM_NFEAT + 1] = {\n   ");
  for (int k = 0; k < K; k++) fprintf(f, " %.17g,", w[k]);
  fprintf(f, "};\n\nconst double px__sim_threshold = %.3f;\n\n", thr);
  fprintf(f, "const px__tree2 px__sim_trees[] = {\n");
  for (size_t t = 0; t < nt; t++) {
    fprintf(f, "    {{%u, %u, %u}, {", trees[t].f[0], trees[t].f[1], trees[t].f[2]);
    for (int k = 0; k < 3; k++)
      if (isinf(trees[t].t[k])) fprintf(f, "%sINFINITY", k ? ", " : "");
      else fprintf(f, "%s%.9g", k ? ", " : "", trees[t].t[k]);
    fprintf(f, "}, {%.9g, %.9g, %.9g, %.9g}},\n", trees[t].v[0], trees[t].v[1], trees[t].v[2], trees[t].v[3]);
  }
  fprintf(f, "};\nconst size_t px__sim_ntrees = sizeof px__sim_trees / sizeof px__sim_trees[0];\n");
  fclose(f);
}

int main(int argc, char **argv) {
  bool train = false;
  const char *out_path = NULL, *source = NULL;
  int max_trees = NTREE;
  int ai = 1;
  if (ai < argc && strcmp(argv[ai], "--train") == 0) train = true, ai++;
  while (train && ai + 1 < argc && argv[ai][0] == '-') {
    if (strcmp(argv[ai], "--write") == 0) out_path = argv[ai + 1];
    else if (strcmp(argv[ai], "--source") == 0) source = argv[ai + 1];
    else if (strcmp(argv[ai], "--trees") == 0) max_trees = atoi(argv[ai + 1]);
    else break;
    ai += 2;
  }
  if (argc - ai != 2 || (out_path && !source) || max_trees < 0) {
    fprintf(stderr, "usage: eval_mrpc [--train [--trees N] [--source TEXT --write lib/align/simmodel.c]]"
                    " TRAIN.tsv TEST.tsv\n"
                    "  (--source says what the pairs are, for the generated file's header;\n"
                    "   MRPC is evaluation-only: never write a shipped model fitted on it)\n");
    return 2;
  }
  corpus c = {0};
  set tr = {0}, te = {0};
  if (group_of(&c, "") != 0) return 1;
  px__lex *lx = NULL;
  px__arena_init(&c.arena, 1 << 20);
  if (px__textan_new(&c.ta) || px__lex_new(&lx)) {
    fprintf(stderr, "eval_mrpc: out of memory\n");
    return 1;
  }
  if (load(argv[ai], &c, &tr) || load(argv[ai + 1], &c, &te)) return 1;

  /* One IDF table per story (grouped files, as `compare` weighs terms:
   * local to the story), else one over every string of both files. */
  px__idf *idf = calloc((size_t)c.ngroup, sizeof *idf);
  if (!idf) return 1;
  for (int g = 0; g < c.ngroup; g++) {
    px__idf_builder ib = {0};
    for (size_t i = 0; i < c.n; i++)
      if (c.grp[i] == g)
        for (size_t s = 0; s < c.tx[i].nsent; s++)
          if (px__idf_add(&ib, &c.tx[i], s)) return 1;
    if (px__idf_build(&ib, lx, &idf[g])) return 1;
    if (g > 0) idf[g].local_weight = 1.0f;
  }

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
    if (px__ssent_make(&one, 0, &idf[c.grp[i]], &c.arena, &ss[i])) return 1;
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
  static px__tree2 trees[NTREE];
  size_t ntrees = 0;
  if (train) {
    fit(feat[0], &tr, w);
    boost(feat[0], &tr, w, trees, &ntrees, max_trees);
    printf("/* weights: eval_mrpc --train on %zu train pairs */\n{", tr.n);
    for (int k = 0; k < K; k++) printf("%s%.4f", k ? ", " : "", w[k]);
    printf("}\n");
    for (int k = 0; k < PX__SIM_NFEAT; k++)
      printf("  %-14s %+.4f\n", px__sim_feature_names[k], w[k + 1]);
  }
  for (int k = 0; k < 2; k++)
    for (size_t i = 0; i < sets[k]->n; i++)
      prob[k][i] = train ? px__sim_model(w, trees, ntrees, feat[k][i])
                         : px__sim_model(px__sim_weights, px__sim_trees, px__sim_ntrees, feat[k][i]);
  double thr = tune(prob[0], &tr);
  if (out_path) write_model(out_path, w, trees, ntrees, source, thr);
  if (train) {
    scores lr_te = {0};
    for (size_t i = 0; i < te.n; i++) prob[1][i] = px__sim_apply(w, feat[1][i]);
    for (size_t i = 0; i < tr.n; i++) prob[0][i] = px__sim_apply(w, feat[0][i]);
    double lthr = tune(prob[0], &tr);
    lr_te = evaluate(prob[1], &te, lthr);
    printf("logistic regression alone: test accuracy %.3f  F1 %.3f (threshold %.3f)\n", lr_te.acc,
           lr_te.f1, lthr);
    for (int k = 0; k < 2; k++)
      for (size_t i = 0; i < sets[k]->n; i++) prob[k][i] = px__sim_model(w, trees, ntrees, feat[k][i]);
  }
  scores rtr = evaluate(prob[0], &tr, thr), rte = evaluate(prob[1], &te, thr);
  scores rbuilt = evaluate(prob[1], &te, px__sim_threshold);
  printf("model: %s, %zu trees; threshold tuned on train: %.3f\n",
         train ? "fitted now on train" : "built-in (lib/align/simmodel.c)",
         train ? ntrees : px__sim_ntrees, thr);
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
  for (int g = 0; g < c.ngroup; g++) px__idf_release(&idf[g]);
  free(idf);
  free(c.grp);
  free(c.gname);
  free(c.byid);
  px__lex_free(lx);
  px__textan_free(c.ta);
  px__arena_release(&c.arena);
  return 0;
}
