/*
 * facts.c - which sentences of different articles report the same fact.
 *
 * Candidates: every sentence is posted under its `probe` rarest terms
 * (highest IDF, numbers included).  For each sentence, the sentences of
 * other articles within `max_post` places of it in each of its lists
 * gather the weight of the terms they share with it (an accumulator), and
 * its `keep` best become candidate pairs.  A term every article repeats
 * (the wire copy of a 200-article story) thus costs a window per sentence,
 * not the square of its list; lists are sorted by article, so identical
 * sentences of many copies still chain into one fact through the grouping.
 * Work is O(sentences x probe x max_post) to gather and
 * O(sentences x keep) pairs to score: linear in the story's size.
 *
 * Grouping: links at or above the threshold, strongest first, join groups
 * (union-find) unless the joined group would hold more than
 * `max_group_per_article` sentences of one article: one long sentence may
 * carry two facts another outlet split in two, but a fact does not swallow
 * a whole article through a chain of weak links.  Nor does a fact grow
 * through one neighbour: at least half the cross-article pairs between the
 * two groups must be links (all pairs while the joined group is small, the
 * scored ones in a big group of wire copies).
 */
#include "align/align.h"

#include <stdlib.h>
#include <string.h>

typedef struct post {
  uint64_t stem;
  uint32_t sent;
} post;

static int cmp_post(const void *a, const void *b) {
  const post *x = a, *y = b;
  if (x->stem != y->stem) return x->stem < y->stem ? -1 : 1;
  return (x->sent > y->sent) - (x->sent < y->sent);
}

static int cmp_link(const void *a, const void *b) {
  const px__link *x = a, *y = b;
  if (x->score != y->score) return x->score > y->score ? -1 : 1;
  if (x->a != y->a) return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

/* Indexes of the k heaviest terms of s (numbers included: a figure two
 * outlets share is as good an anchor as a rare word). */
static uint32_t top_terms(const px__ssent *s, uint32_t k, uint32_t *idx) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < s->nterm; i++) {
    float w = s->term[i].w;
    uint32_t pos = n < k ? n++ : k;
    while (pos > 0 && s->term[idx[pos - 1]].w < w) {
      if (pos < k) idx[pos] = idx[pos - 1];
      pos--;
    }
    if (pos < k) idx[pos] = i;
  }
  return n;
}

int px__facts_link(const px__lex *lx, const px__ssent *ss, const px__sref *ref, size_t n,
                   const px__factopts *o, px__link **links, size_t *nlinks, uint64_t *scored) {
  *links = NULL;
  *nlinks = 0;
  if (scored) *scored = 0;
  int rc = PX_ENOMEM;
  uint32_t probe = o->probe ? o->probe : 16;
  if (probe > 32) probe = 32;
  uint32_t window = o->max_post ? o->max_post : 48;
  uint32_t keep = o->keep ? o->keep : 24;
  /* Every scored pair is returned when near is negative (grouping weighs
   * them all); else links down to near. */
  double keep_from = o->near < 0 ? -1 : o->near > 0 && o->near < o->threshold ? o->near : o->threshold;
  post *pv = NULL;
  float *pw = NULL, *acc = NULL;
  uint32_t *run_lo = NULL, *run_hi = NULL, *first = NULL, *touched = NULL, *byq = NULL;
  uint64_t *cand = NULL;
  px__link *lv = NULL;
  size_t np = 0, nc = 0, ccap = 0, nl = 0, lcap = 0;

  pv = malloc((n * probe + 1) * sizeof *pv);
  if (!pv) goto out;
  for (size_t i = 0; i < n; i++) {
    uint32_t idx[32];
    uint32_t k = top_terms(&ss[i], probe, idx);
    for (uint32_t j = 0; j < k; j++) pv[np++] = (post){ss[i].term[idx[j]].stem, (uint32_t)i};
  }
  if (np) qsort(pv, np, sizeof *pv, cmp_post);
  /* For each posting: the bounds of its term's list, its weight; and the
   * postings of each sentence (counting sort by sentence). */
  run_lo = malloc((np + 1) * sizeof *run_lo);
  run_hi = malloc((np + 1) * sizeof *run_hi);
  pw = malloc((np + 1) * sizeof *pw);
  first = calloc(n + 2, sizeof *first);
  byq = malloc((np + 1) * sizeof *byq);
  acc = calloc(n + 1, sizeof *acc);
  touched = malloc((n + 1) * sizeof *touched);
  if (!run_lo || !run_hi || !pw || !first || !byq || !acc || !touched) goto out;
  for (size_t r = 0; r < np;) {
    size_t e = r;
    while (e < np && pv[e].stem == pv[r].stem) e++;
    for (size_t x = r; x < e; x++) run_lo[x] = (uint32_t)r, run_hi[x] = (uint32_t)e;
    r = e;
  }
  for (size_t x = 0; x < np; x++) {
    const px__ssent *q = &ss[pv[x].sent];
    float w = 1;
    for (uint32_t t = 0; t < q->nterm; t++)
      if (q->term[t].stem == pv[x].stem) {
        w = q->term[t].w;
        break;
      }
    pw[x] = w;
    first[pv[x].sent + 1]++;
  }
  for (size_t i = 0; i < n; i++) first[i + 1] += first[i];
  for (size_t x = 0; x < np; x++) byq[first[pv[x].sent]++] = (uint32_t)x;
  for (size_t i = n; i > 0; i--) first[i] = first[i - 1];
  first[0] = 0;
  /* Each sentence: the sentences near it in its terms' lists, weighed by
   * the terms they share; keep its `keep` best as candidates. */
  for (size_t i = 0; i < n; i++) {
    size_t nt = 0;
    for (uint32_t k = first[i]; k < first[i + 1]; k++) {
      uint32_t x = byq[k];
      size_t lo = x > run_lo[x] + window ? x - window : run_lo[x];
      size_t hi = x + 1 + window < run_hi[x] ? x + 1 + window : run_hi[x];
      for (size_t y = lo; y < hi; y++) {
        uint32_t j = pv[y].sent;
        if (ref[j].art == ref[i].art) continue;
        if (acc[j] == 0) touched[nt++] = j;
        acc[j] += pw[x];
      }
    }
    /* Partial selection of the best `keep` by accumulated weight. */
    size_t lim = nt < keep ? nt : keep;
    for (size_t a = 0; a < lim; a++) {
      size_t best = a;
      for (size_t b = a + 1; b < nt; b++)
        if (acc[touched[b]] > acc[touched[best]]) best = b;
      uint32_t t = touched[a];
      touched[a] = touched[best];
      touched[best] = t;
      uint32_t j = touched[a];
      if (nc == ccap) {
        size_t ncap = ccap ? ccap * 2 : 4096;
        uint64_t *tt = realloc(cand, ncap * sizeof *tt);
        if (!tt) goto out;
        cand = tt;
        ccap = ncap;
      }
      uint32_t lo2 = (uint32_t)i < j ? (uint32_t)i : j, hi2 = (uint32_t)i < j ? j : (uint32_t)i;
      cand[nc++] = (uint64_t)lo2 << 32 | hi2;
    }
    for (size_t a = 0; a < nt; a++) acc[touched[a]] = 0;
  }
  if (nc) qsort(cand, nc, sizeof *cand, px__cmp_u64);
  for (size_t i = 0; i < nc; i++) {
    if (i && cand[i] == cand[i - 1]) continue;
    uint32_t a = (uint32_t)(cand[i] >> 32), b = (uint32_t)cand[i];
    double s = px__fact_score(lx, &ss[a], &ss[b]);
    if (scored) (*scored)++;
    if (s < keep_from) continue;
    if (nl == lcap) {
      size_t ncap = lcap ? lcap * 2 : 1024;
      px__link *t = realloc(lv, ncap * sizeof *t);
      if (!t) goto out;
      lv = t;
      lcap = ncap;
    }
    lv[nl++] = (px__link){a, b, (float)s};
  }
  *links = lv;
  *nlinks = nl;
  lv = NULL;
  rc = PX_OK;
out:
  free(pv);
  free(pw);
  free(acc);
  free(run_lo);
  free(run_hi);
  free(first);
  free(touched);
  free(byq);
  free(cand);
  free(lv);
  return rc;
}

/* Union-find with, per root, the list of member sentences. */
typedef struct uf {
  uint32_t *parent;
  uint32_t *next; /* circular member list */
  uint32_t *size;
} uf;

static uint32_t root_of(uf *u, uint32_t x) {
  while (u->parent[x] != x) {
    u->parent[x] = u->parent[u->parent[x]];
    x = u->parent[x];
  }
  return x;
}

/* Would joining the groups of roots ra and rb put more than cap sentences
 * of one article together? */
static bool too_many(uf *u, const px__sref *ref, uint32_t ra, uint32_t rb, uint32_t cap) {
  uint32_t small = u->size[ra] <= u->size[rb] ? ra : rb;
  uint32_t big = small == ra ? rb : ra;
  uint32_t x = small;
  do {
    uint32_t art = ref[x].art, cnt = 0;
    uint32_t y = small;
    do {
      if (ref[y].art == art) cnt++;
      y = u->next[y];
    } while (y != small);
    y = big;
    do {
      if (ref[y].art == art) cnt++;
      y = u->next[y];
    } while (y != big && cnt <= cap);
    if (cnt > cap) return true;
    x = u->next[x];
  } while (x != small);
  return false;
}

void px__link_adjacency(const px__link *links, size_t nlinks, size_t n, uint32_t *first,
                        uint32_t *adj, float *adj_s) {
  memset(first, 0, (n + 1) * sizeof *first);
  for (size_t k = 0; k < nlinks; k++) first[links[k].a + 1]++, first[links[k].b + 1]++;
  for (size_t i = 0; i < n; i++) first[i + 1] += first[i];
  for (size_t k = 0; k < nlinks; k++) {
    uint32_t pa = first[links[k].a]++, pb = first[links[k].b]++;
    adj[pa] = links[k].b, adj_s[pa] = links[k].score;
    adj[pb] = links[k].a, adj_s[pb] = links[k].score;
  }
  for (size_t i = n; i > 0; i--) first[i] = first[i - 1];
  first[0] = 0;
}

long px__facts_group(const px__sref *ref, size_t n, px__link *links, size_t nlinks,
                     const px__factopts *o, uint32_t *group) {
  uf u = {0};
  long nf = -1;
  uint32_t cap = o->max_group_per_article ? o->max_group_per_article : 3;
  uint32_t *adj_first = NULL, *adj = NULL;
  float *adj_s = NULL;
  u.parent = malloc((n + 1) * sizeof *u.parent);
  u.next = malloc((n + 1) * sizeof *u.next);
  u.size = malloc((n + 1) * sizeof *u.size);
  adj_first = calloc(n + 2, sizeof *adj_first);
  adj = malloc((2 * nlinks + 1) * sizeof *adj);
  adj_s = malloc((2 * nlinks + 1) * sizeof *adj_s);
  if (!u.parent || !u.next || !u.size || !adj_first || !adj || !adj_s) goto out;
  for (size_t i = 0; i < n; i++) u.parent[i] = u.next[i] = (uint32_t)i, u.size[i] = 1;
  if (nlinks) qsort(links, nlinks, sizeof *links, cmp_link);
  /* Every scored pair, by sentence, to judge a join by all the pairs
   * between the two groups, not by its strongest link alone. */
  px__link_adjacency(links, nlinks, n, adj_first, adj, adj_s);
  for (size_t k = 0; k < nlinks; k++) {
    if (links[k].score < o->threshold) break; /* sorted: the rest only inform */
    uint32_t ra = root_of(&u, links[k].a), rb = root_of(&u, links[k].b);
    if (ra == rb) continue;
    /* Big groups (wire copies in many articles) are checked on their
     * smaller side only, which keeps the cost of a join bounded by it. */
    if (too_many(&u, ref, ra, rb, cap)) continue;
    /* No chains: of the pairs scored between the two groups, at least half
     * must be links.  (In big groups pairs never scored do not count: a
     * 200-copy wire sentence is scored against 24 of its copies, not all.) */
    uint32_t small = u.size[ra] <= u.size[rb] ? ra : rb, other = small == ra ? rb : ra;
    uint32_t scored = 0, good = 0, x = small;
    do {
      for (uint32_t e = adj_first[x]; e < adj_first[x + 1]; e++)
        if (root_of(&u, adj[e]) == other) {
          scored++;
          good += adj_s[e] >= o->threshold;
        }
      x = u.next[x];
    } while (x != small);
    /* Small groups: every cross-article pair between them counts, scored
     * or not (a pair never scored is not a link), so a member joins the
     * fact as a whole, not through one neighbour. */
    if (u.size[ra] + u.size[rb] <= PX__FACT_WHOLE_MAX) {
      uint32_t cross = 0, y = small;
      do {
        uint32_t z = other;
        do {
          cross += ref[y].art != ref[z].art;
          z = u.next[z];
        } while (z != other);
        y = u.next[y];
      } while (y != small);
      scored = cross;
    }
    if (good * 2 < scored) continue;
    if (u.size[ra] < u.size[rb]) {
      uint32_t t = ra;
      ra = rb;
      rb = t;
    }
    u.parent[rb] = ra;
    u.size[ra] += u.size[rb];
    uint32_t t = u.next[ra];
    u.next[ra] = u.next[rb];
    u.next[rb] = t;
  }
  /* Number groups in order of their first sentence. */
  for (size_t i = 0; i < n; i++) group[i] = UINT32_MAX;
  nf = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t r = root_of(&u, (uint32_t)i);
    if (group[r] == UINT32_MAX) group[r] = (uint32_t)nf++;
    group[i] = group[r];
  }
out:
  free(u.parent);
  free(u.next);
  free(u.size);
  free(adj_first);
  free(adj);
  free(adj_s);
  return nf;
}
