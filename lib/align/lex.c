/*
 * lex.c - the lexicon of alignment: WordNet synonym classes and background
 * word frequencies (both generated into synonyms.c), keyed by the same stem
 * hashes the text analyzer gives tokens (px__word_hash of the Snowball
 * English stem of the folded word).
 */
#include "align/align.h"

#include <libstemmer.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct pair {
  uint64_t stem;
  uint32_t v;
} pair;

struct px__lex {
  /* synonyms: distinct stems, sorted, each with cls[first .. first+count) */
  uint64_t *syn_stem;
  uint32_t *syn_first;
  uint8_t *syn_count;
  size_t nsyn;
  uint32_t *cls;
  /* background frequencies: distinct stems, sorted, summed counts */
  uint64_t *fq_stem;
  uint32_t *fq_count;
  size_t nfq;
  double fq_total;
};

static int cmp_pair(const void *a, const void *b) {
  const pair *x = a, *y = b;
  if (x->stem != y->stem) return x->stem < y->stem ? -1 : 1;
  return (x->v > y->v) - (x->v < y->v);
}

static uint64_t stem_hash(struct sb_stemmer *sb, const char *w, size_t n) {
  const sb_symbol *s = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
  if (!s) return px__word_hash(w, n);
  return px__word_hash((const char *)s, (size_t)sb_stemmer_length(sb));
}

static size_t find(const uint64_t *v, size_t n, uint64_t key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] < key)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (lo < n && v[lo] == key) ? lo : (size_t)-1;
}

int px__lex_new(px__lex **out) {
  *out = NULL;
  int rc = PX_ENOMEM;
  pair *pv = NULL;
  size_t np = 0, cap = 0;
  struct sb_stemmer *sb = sb_stemmer_new("english", NULL);
  px__lex *lx = calloc(1, sizeof *lx);
  if (!sb || !lx) goto out;

  /* Synonym classes: one pair (stem, class) per word of each class. */
  uint32_t c = 0;
  for (const char *p = px__synonyms, *end = px__synonyms + px__synonyms_size; p < end;) {
    size_t n = strlen(p);
    if (n == 0) {
      c++;
      p++;
      continue;
    }
    if (np == cap) {
      size_t nc = cap ? cap * 2 : 65536;
      pair *t = realloc(pv, nc * sizeof *t);
      if (!t) goto out;
      pv = t;
      cap = nc;
    }
    pv[np++] = (pair){stem_hash(sb, p, n), c};
    p += n + 1;
  }
  qsort(pv, np, sizeof *pv, cmp_pair);
  lx->syn_stem = malloc((np + 1) * sizeof *lx->syn_stem);
  lx->syn_first = malloc((np + 1) * sizeof *lx->syn_first);
  lx->syn_count = malloc(np + 1);
  lx->cls = malloc((np + 1) * sizeof *lx->cls);
  if (!lx->syn_stem || !lx->syn_first || !lx->syn_count || !lx->cls) goto out;
  size_t ncls = 0;
  for (size_t i = 0; i < np; i++) {
    if (i > 0 && pv[i].stem == pv[i - 1].stem && pv[i].v == pv[i - 1].v) continue;
    if (lx->nsyn == 0 || lx->syn_stem[lx->nsyn - 1] != pv[i].stem) {
      lx->syn_stem[lx->nsyn] = pv[i].stem;
      lx->syn_first[lx->nsyn] = (uint32_t)ncls;
      lx->syn_count[lx->nsyn] = 0;
      lx->nsyn++;
    }
    if (lx->syn_count[lx->nsyn - 1] < 255) {
      lx->cls[ncls++] = pv[i].v;
      lx->syn_count[lx->nsyn - 1]++;
    }
  }

  /* Background frequencies, summed per stem. */
  np = 0;
  for (const char *p = px__wordfreq, *end = px__wordfreq + px__wordfreq_size; p < end;) {
    size_t n = strlen(p);
    const char *num = p + n + 1;
    if (num >= end) break;
    size_t nn = strlen(num);
    if (np == cap) {
      size_t nc = cap ? cap * 2 : 65536;
      pair *t = realloc(pv, nc * sizeof *t);
      if (!t) goto out;
      pv = t;
      cap = nc;
    }
    pv[np++] = (pair){stem_hash(sb, p, n), (uint32_t)strtoul(num, NULL, 10)};
    p = num + nn + 1;
  }
  qsort(pv, np, sizeof *pv, cmp_pair);
  lx->fq_stem = malloc((np + 1) * sizeof *lx->fq_stem);
  lx->fq_count = malloc((np + 1) * sizeof *lx->fq_count);
  if (!lx->fq_stem || !lx->fq_count) goto out;
  for (size_t i = 0; i < np; i++) {
    lx->fq_total += pv[i].v;
    if (lx->nfq && lx->fq_stem[lx->nfq - 1] == pv[i].stem) {
      lx->fq_count[lx->nfq - 1] += pv[i].v;
      continue;
    }
    lx->fq_stem[lx->nfq] = pv[i].stem;
    lx->fq_count[lx->nfq] = pv[i].v;
    lx->nfq++;
  }
  *out = lx;
  lx = NULL;
  rc = PX_OK;
out:
  free(pv);
  if (sb) sb_stemmer_delete(sb);
  px__lex_free(lx);
  return rc;
}

void px__lex_free(px__lex *lx) {
  if (!lx) return;
  free(lx->syn_stem);
  free(lx->syn_first);
  free(lx->syn_count);
  free(lx->cls);
  free(lx->fq_stem);
  free(lx->fq_count);
  free(lx);
}

float px__lex_bg_idf(const px__lex *lx, uint64_t stem) {
  size_t i = find(lx->fq_stem, lx->nfq, stem);
  double c = i == (size_t)-1 ? 0 : lx->fq_count[i];
  /* Scaled so the commonest words get about 1 and unseen ones about 10. */
  return (float)log((lx->fq_total + 1.0) / (c + 1.0)) * 0.8f;
}

size_t px__lex_classes(const px__lex *lx, uint64_t stem, const uint32_t **cls) {
  size_t i = find(lx->syn_stem, lx->nsyn, stem);
  if (i == (size_t)-1) {
    *cls = NULL;
    return 0;
  }
  *cls = lx->cls + lx->syn_first[i];
  return lx->syn_count[i];
}

double px__number_word(const char *w, size_t n) {
#define NW(s, v) {s, sizeof(s) - 1, v}
  static const struct {
    const char *w;
    size_t n;
    double v;
  } words[] = {NW("one", 1),        NW("two", 2),        NW("three", 3),      NW("four", 4),
               NW("five", 5),       NW("six", 6),        NW("seven", 7),      NW("eight", 8),
               NW("nine", 9),       NW("ten", 10),       NW("eleven", 11),    NW("twelve", 12),
               NW("thirteen", 13),  NW("fourteen", 14),  NW("fifteen", 15),   NW("sixteen", 16),
               NW("seventeen", 17), NW("eighteen", 18),  NW("nineteen", 19),  NW("twenty", 20),
               NW("thirty", 30),    NW("forty", 40),     NW("fifty", 50),     NW("sixty", 60),
               NW("seventy", 70),   NW("eighty", 80),    NW("ninety", 90),    NW("hundred", 100),
               NW("dozen", 12),     NW("dozens", 24),    NW("hundreds", 200), NW("thousand", 1e3),
               NW("thousands", 2e3), NW("million", 1e6), NW("billion", 1e9),  NW("trillion", 1e12),
               NW("half", 0.5),     NW("twice", 2),      NW("once", 1)};
#undef NW
  /* "thirty-two", "ninety-nine": tens and units written with a hyphen */
  const char *h = n > 6 && n <= 13 ? memchr(w, '-', n) : NULL;
  if (h) {
    double tens = px__number_word(w, (size_t)(h - w)), units = px__number_word(h + 1, n - (size_t)(h - w) - 1);
    if (tens >= 20 && tens <= 90 && units >= 1 && units <= 9 && units == (int)units &&
        h - w >= 5)
      return tens + units;
    return -1;
  }
  if (n < 3 || n > 9) return -1; /* "one" .. "thousands" */
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (words[i].n == n && words[i].w[0] == w[0] && memcmp(words[i].w, w, n) == 0)
      return words[i].v;
  return -1;
}
