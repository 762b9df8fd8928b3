/* hac.c - batch story clustering: average-linkage agglomerative clustering
 * over a sparse similarity graph.
 *
 * Pairs are not all compared: each article is posted under its heaviest
 * terms, and only articles sharing one of them, within the time window of
 * each other (undated ones with everything), get a cosine.  Pairs below
 * PAIR_MIN are dropped, which average linkage treats as similarity 0.
 * Clusters then merge, best average similarity first, while it is at least
 * the join threshold; the average of two clusters is the sum of their
 * pairs' similarities over |A| |B|.  A near-duplicate pair counts as 1.
 */
#include "story/story.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PAIR_MIN 0.02f

typedef struct nb {
  uint32_t c;  /* neighbour cluster */
  float sum;   /* sum of pair similarities between the two clusters */
} nb;

typedef struct clu {
  nb *v;
  uint32_t n, a;
  uint32_t size;
  uint32_t ver;
  bool alive;
  bool has_time;
  int64_t tmin, tmax; /* the dated members' times (has_time) */
} clu;

typedef struct hent {
  float avg;
  uint32_t a, b, va, vb;
} hent;

typedef struct heap {
  hent *v;
  size_t n, a;
} heap;

static int heap_push(heap *h, hent e) {
  if (h->n == h->a) {
    size_t na = h->a ? h->a * 2 : 1024;
    hent *nv = realloc(h->v, na * sizeof(*nv));
    if (!nv) return PX_ENOMEM;
    h->v = nv;
    h->a = na;
  }
  size_t i = h->n++;
  while (i > 0) {
    size_t p = (i - 1) / 2;
    if (h->v[p].avg >= e.avg) break;
    h->v[i] = h->v[p];
    i = p;
  }
  h->v[i] = e;
  return PX_OK;
}

static hent heap_pop(heap *h) {
  hent top = h->v[0], last = h->v[--h->n];
  size_t i = 0;
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    float mv = last.avg;
    if (l < h->n && h->v[l].avg > mv) {
      m = l;
      mv = h->v[l].avg;
    }
    if (r < h->n && h->v[r].avg > mv) m = r;
    if (m == i) break;
    h->v[i] = h->v[m];
    i = m;
  }
  if (h->n) h->v[i] = last;
  return top;
}

/* Append a neighbour known to be new to c's list. */
static int nb_push(clu *c, uint32_t other, float s) {
  if (c->n == c->a) {
    uint32_t na = c->a ? c->a * 2 : 8;
    nb *nv = realloc(c->v, na * sizeof(*nv));
    if (!nv) return PX_ENOMEM;
    c->v = nv;
    c->a = na;
  }
  c->v[c->n++] = (nb){other, s};
  return PX_OK;
}

/* In neighbour o's list: the entry of b becomes (or is added to) a's. */
static void nb_rename(clu *o, uint32_t b, uint32_t a) {
  int kb = -1, ka = -1;
  for (uint32_t k = 0; k < o->n && (kb < 0 || ka < 0); k++) {
    if (o->v[k].c == b) kb = (int)k;
    else if (o->v[k].c == a) ka = (int)k;
  }
  if (kb < 0) return;
  if (ka < 0) {
    o->v[kb].c = a;
    return;
  }
  o->v[ka].sum += o->v[kb].sum;
  o->v[kb] = o->v[--o->n];
}

static float vdot(const px__tw *a, uint32_t na, const px__tw *b, uint32_t nb_) {
  float s = 0;
  uint32_t i = 0, j = 0;
  while (i < na && j < nb_) {
    if (a[i].id == b[j].id) s += a[i++].w * b[j++].w;
    else if (a[i].id < b[j].id) i++;
    else j++;
  }
  return s;
}

typedef struct post {
  uint32_t *d;
  uint32_t n, a;
} post;

/* Most entries of one term's posting list walked per article, and most
 * distinct articles compared with it: what bounds the work on a flood of
 * near-identical texts (docs/limits.md). */
#define TERM_DEPTH 128
#define MAX_CAND 512

/* Cluster i's best neighbour by average similarity, among those it may
 * merge with (the span), pushed when at least the threshold. */
static int push_best(heap *h, const clu *c, uint32_t i, float thr, double span) {
  const clu *A = &c[i];
  float best = -1;
  uint32_t bo = 0;
  for (uint32_t k = 0; k < A->n; k++) {
    uint32_t o = A->v[k].c;
    const clu *O = &c[o];
    float avg = A->v[k].sum / ((float)A->size * (float)O->size);
    if (avg < thr || avg < best || (avg == best && o > bo)) continue;
    if (A->has_time && O->has_time &&
        (double)PX__MAX(A->tmax, O->tmax) - (double)PX__MIN(A->tmin, O->tmin) > span)
      continue;
    best = avg;
    bo = o;
  }
  if (best < thr) return PX_OK;
  return heap_push(h, (hent){best, i, bo, A->ver, c[bo].ver});
}

/* ------------------------------------------------ centroid refinement */

/* Rounds of centroid merging at most (each merges at least one pair; short
 * texts of one story need a few dozen on GoogleNews). */
#define MAX_ROUNDS 256

static uint32_t uf_find(uint32_t *par, uint32_t x) {
  while (par[x] != x) {
    par[x] = par[par[x]];
    x = par[x];
  }
  return x;
}

typedef struct cclu {
  uint32_t root;   /* a member's position: the cluster's name */
  uint32_t size;
  uint32_t off, n; /* centroid terms in the flat array */
  bool has_time, eligible, brief;
  int64_t tmin, tmax;
} cclu;

/*
 * After average linkage: clusters whose centroids (the sum of their
 * members' vectors, cut to their heaviest terms, unit length) have a cosine
 * of at least p->cen_threshold merge, mutual best pairs first, in rounds
 * until none is left, within the span.  Average linkage asks every pair of
 * members to be alike; a story told in short texts (headlines, teasers)
 * shares its few words unevenly, and its pieces come together only through
 * what they share as wholes.  Clusters of lone articles only never merge.
 */
static int centroid_merge(const px__hdoc *docs, size_t n, const px__params *p, size_t nterms,
                          uint32_t *label) {
  float thr_full = p->cen_threshold > 0 ? p->cen_threshold : 2.0f;
  float thr_brief = p->cen_brief > 0 ? p->cen_brief : 2.0f;
  float thr = PX__MIN(thr_full, thr_brief);
  if (thr > 1.0f || n < 2) return PX_OK;
  double span = p->o.span_days * 86400.0;
  uint32_t K = p->cen_terms, Q = PX__MIN(p->cen_query, K);
  int rc = PX_ENOMEM;
  uint32_t *par = malloc(n * sizeof(*par));
  uint32_t *cof = malloc(n * sizeof(*cof)); /* root position -> cluster index */
  float *acc = calloc(nterms + 1, sizeof(*acc));
  uint32_t *ids = malloc((nterms + 1) * sizeof(*ids));
  uint32_t *pcount = calloc(nterms + 2, sizeof(*pcount));
  cclu *cl = malloc(n * sizeof(*cl));
  px__tw *ct = malloc((size_t)n * K * sizeof(*ct) + sizeof(*ct));
  uint32_t *plist = malloc((size_t)n * Q * sizeof(*plist) + sizeof(*plist));
  uint32_t *best = malloc(n * sizeof(*best));
  float *bests = malloc(n * sizeof(*bests));
  uint32_t *stamp = calloc(n, sizeof(*stamp));
  px__tw *tmp = malloc((nterms + 1) * sizeof(*tmp));
  uint32_t *qid = malloc((size_t)n * Q * sizeof(*qid) + sizeof(*qid));
  if (!qid ||
      !par || !cof || !acc || !ids || !pcount || !cl || !ct || !plist || !best || !bests ||
      !stamp || !tmp)
    goto out;
  for (size_t i = 0; i < n; i++) par[i] = label[i];
  for (size_t i = 0; i < n; i++) par[i] = uf_find(par, (uint32_t)i);
  uint32_t st = 0;
  for (uint32_t round = 0; round < MAX_ROUNDS; round++) {
    /* Clusters in the order of their first member. */
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) cof[i] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
      uint32_t r = uf_find(par, (uint32_t)i);
      if (cof[r] == UINT32_MAX) {
        cof[r] = (uint32_t)nc;
        cl[nc++] = (cclu){r, 0, 0, 0, false, false, true, 0, 0};
      }
      cclu *c = &cl[cof[r]];
      c->size++;
      if (!docs[i].lone) c->eligible = true;
      if (!docs[i].brief) c->brief = false;
      if (docs[i].has_time) {
        if (!c->has_time) c->tmin = c->tmax = docs[i].t;
        c->has_time = true;
        if (docs[i].t < c->tmin) c->tmin = docs[i].t;
        if (docs[i].t > c->tmax) c->tmax = docs[i].t;
      }
    }
    if (nc < 2) break;
    /* Centroids: members grouped by cluster through a counting pass. */
    uint32_t *cnt = calloc(nc + 1, sizeof(*cnt)), *mem = malloc(n * sizeof(*mem));
    if (!cnt || !mem) {
      free(cnt);
      free(mem);
      goto out;
    }
    for (size_t i = 0; i < n; i++) cnt[cof[uf_find(par, (uint32_t)i)] + 1]++;
    for (size_t c = 0; c < nc; c++) cnt[c + 1] += cnt[c];
    for (size_t i = 0; i < n; i++) mem[cnt[cof[uf_find(par, (uint32_t)i)]]++] = (uint32_t)i;
    /* cnt[c] is now the end of cluster c's members */
    /* Which clusters take part: in the first round every one (a lone
     * full-text article looks for its story), then clusters of short texts
     * only (a full-text article attaches in the first round or not at all). */
    for (size_t c = 0; c < nc; c++)
      if (round > 0 && !cl[c].brief) cl[c].eligible = false;
    uint32_t off = 0;
    for (size_t c = 0, m = 0; c < nc; c++) {
      uint32_t nid = 0;
      if (!cl[c].eligible) {
        m = cnt[c];
        cl[c].off = off;
        cl[c].n = 0;
        continue;
      }
      for (; m < cnt[c]; m++) {
        const px__hdoc *d = &docs[mem[m]];
        for (uint32_t x = 0; x < d->nv; x++) {
          if (acc[d->v[x].id] == 0) ids[nid++] = d->v[x].id;
          acc[d->v[x].id] += d->v[x].w + 1e-12f;
        }
      }
      for (uint32_t x = 0; x < nid; x++) {
        tmp[x] = (px__tw){ids[x], acc[ids[x]]};
        acc[ids[x]] = 0;
      }
      if (nid > K) {
        px__tw_select_top(tmp, nid, K);
        nid = K;
      }
      /* the Q heaviest first (they are posted), then by id */
      px__tw_select_top(tmp, nid, Q);
      double nm = 0;
      for (uint32_t x = 0; x < nid; x++) nm += (double)tmp[x].w * tmp[x].w;
      nm = sqrt(nm);
      for (uint32_t x = 0; x < nid; x++) tmp[x].w = nm > 0 ? (float)(tmp[x].w / nm) : 0;
      cl[c].off = off;
      cl[c].n = nid;
      memcpy(ct + off, tmp, nid * sizeof(*tmp));
      for (uint32_t x = 0; x < Q; x++) qid[(size_t)c * Q + x] = x < nid ? tmp[x].id : UINT32_MAX;
      off += nid;
    }
    free(cnt);
    free(mem);
    /* Posting lists of each eligible cluster's Q heaviest terms. */
    memset(pcount, 0, (nterms + 2) * sizeof(*pcount));
    for (size_t c = 0; c < nc; c++)
      if (cl[c].eligible)
        for (uint32_t x = 0; x < PX__MIN(Q, cl[c].n); x++) pcount[ct[cl[c].off + x].id + 1]++;
    for (size_t t = 0; t < nterms; t++) pcount[t + 1] += pcount[t];
    for (size_t c = 0; c < nc; c++)
      if (cl[c].eligible)
        for (uint32_t x = 0; x < PX__MIN(Q, cl[c].n); x++)
          plist[pcount[ct[cl[c].off + x].id]++] = (uint32_t)c;
    /* pcount[t] is now the end of term t's list; its start is pcount[t-1] */
    /* Sorted copies by id for the dot products. */
    for (size_t c = 0; c < nc; c++) px__tw_sort_id(ct + cl[c].off, cl[c].n);
    for (size_t c = 0; c < nc; c++) {
      best[c] = UINT32_MAX;
      bests[c] = -1;
    }
    for (size_t c = 0; c < nc; c++) {
      const cclu *A = &cl[c];
      /* who looks: clusters of short texts, and a lone article */
      if (!A->eligible || !(A->brief || A->size <= p->cen_small)) continue;
      st++;
      stamp[c] = st;
      /* candidates: clusters posted under one of A's heaviest terms; the
       * lists are in the order of the clusters' first members, which is
       * time order (undated last), so a dated cluster starts its walk at
       * the first cluster that may lie within the span */
      for (uint32_t x = 0; x < Q; x++) {
        uint32_t t = qid[(size_t)c * Q + x];
        if (t == UINT32_MAX) break;
        uint32_t lo = t ? pcount[t - 1] : 0, hi = pcount[t];
        if (A->has_time) {
          int64_t from = A->tmax - (int64_t)span;
          uint32_t a = lo, b = hi;
          while (a < b) {
            uint32_t mid = a + (b - a) / 2;
            const cclu *M = &cl[plist[mid]];
            if (M->has_time && M->tmin < from) a = mid + 1;
            else b = mid;
          }
          lo = a;
        }
        for (uint32_t k = lo; k < hi; k++) {
          uint32_t o = plist[k];
          if (A->has_time && cl[o].has_time && cl[o].tmin > A->tmin + (int64_t)span) {
            /* past the span: on to the undated clusters at the end */
            uint32_t a = k, b = hi;
            while (a < b) {
              uint32_t mid = a + (b - a) / 2;
              if (cl[plist[mid]].has_time) a = mid + 1;
              else b = mid;
            }
            if (a >= hi) break;
            k = a;
            o = plist[k];
          }
          if (stamp[o] == st) continue;
          stamp[o] = st;
          const cclu *B = &cl[o];
          if (A->has_time && B->has_time &&
              (double)PX__MAX(A->tmax, B->tmax) - (double)PX__MIN(A->tmin, B->tmin) > span)
            continue;
          float need = A->brief && B->brief ? thr_brief
                       : PX__MIN(A->size, B->size) <= p->cen_small ? thr_full : 2.0f;
          if (need > 1.0f) continue;
          float s = vdot(ct + A->off, A->n, ct + B->off, B->n);
          if (s < need) continue;
          if (s > bests[c] || (s == bests[c] && o < best[c])) {
            bests[c] = s;
            best[c] = o;
          }
        }
      }
    }
    size_t merged = 0;
    for (size_t c = 0; c < nc; c++) {
      uint32_t o = best[c];
      if (o == UINT32_MAX) continue;
      bool mutual = best[o] == c;
      /* a small cluster joins its best one even when not its best's best */
      bool attach = !(cl[c].brief && cl[o].brief) ? cl[c].size <= p->cen_small &&
                    cl[o].size > p->cen_small : false;
      if (mutual ? o < c : !attach) continue;
      uint32_t ra = uf_find(par, cl[c].root), rb = uf_find(par, cl[o].root);
      if (ra == rb) continue;
      /* merges of this round add up: the span is checked on the union */
      cclu *A = &cl[cof[ra]], *B = &cl[cof[rb]];
      if (A->has_time && B->has_time &&
          (double)PX__MAX(A->tmax, B->tmax) - (double)PX__MIN(A->tmin, B->tmin) > span)
        continue;
      if (rb < ra) {
        cclu *t = A;
        A = B;
        B = t;
        uint32_t tr = ra;
        ra = rb;
        rb = tr;
      }
      par[rb] = ra;
      if (B->has_time) {
        if (!A->has_time || B->tmin < A->tmin) A->tmin = B->tmin;
        if (!A->has_time || B->tmax > A->tmax) A->tmax = B->tmax;
        A->has_time = true;
      }
      merged++;
    }
    for (size_t i = 0; i < n; i++) par[i] = uf_find(par, (uint32_t)i);
    if (!merged) break;
  }
  for (size_t i = 0; i < n; i++) label[i] = uf_find(par, (uint32_t)i);
  rc = PX_OK;
out:
  free(par);
  free(cof);
  free(acc);
  free(ids);
  free(pcount);
  free(cl);
  free(ct);
  free(plist);
  free(best);
  free(bests);
  free(stamp);
  free(tmp);
  free(qid);
  return rc;
}

int px__hac(const px__hdoc *docs, size_t n, const px__params *p, size_t nterms,
            uint32_t *label) {
  int rc = PX_ENOMEM;
  clu *c = calloc(n + 1, sizeof(*c));
  post *po = calloc(nterms + 1, sizeof(*po));
  uint32_t *stamp = calloc(n + 1, sizeof(*stamp));
  uint32_t *root = malloc((n + 1) * sizeof(*root));
  px__tw *tmp = malloc((p->vec_terms + 1) * sizeof(*tmp));
  heap h = {0};
  uint32_t *posn = NULL, *posv = NULL; /* merge scratch: neighbour -> slot */
  if (!c || !po || !stamp || !root || !tmp) goto out;
  double win = p->o.window_days * 86400.0;
  uint32_t q = p->query_terms;
  double span = p->o.span_days * 86400.0;
  for (size_t i = 0; i < n; i++) {
    c[i].size = 1;
    c[i].alive = true;
    c[i].has_time = docs[i].has_time;
    c[i].tmin = c[i].tmax = docs[i].t;
  }
  /* Candidate pairs through the posting lists of each doc's top terms. */
  for (size_t i = 0; i < n; i++) {
    const px__hdoc *d = &docs[i];
    uint32_t k = d->lone ? 0 : PX__MIN(d->nv, q);
    if (d->nv) memcpy(tmp, d->v, d->nv * sizeof(*tmp));
    px__tw_select_top(tmp, d->nv, k);
    uint32_t ncand = 0;
    for (uint32_t t = 0; t < k; t++) {
      post *l = &po[tmp[t].id];
      uint32_t depth = 0;
      for (uint32_t x = l->n; x-- > 0 && depth < TERM_DEPTH && ncand < MAX_CAND; depth++) {
        uint32_t j = l->d[x];
        const px__hdoc *e = &docs[j];
        /* Docs come in time order (undated last): stop once out of the window. */
        if (d->has_time && e->has_time && (double)d->t - (double)e->t > win) break;
        if (stamp[j] == i + 1) continue;
        stamp[j] = (uint32_t)i + 1;
        ncand++;
        float s = vdot(d->v, d->nv, e->v, e->nv);
        /* Time is evidence: two dated articles close in time need less
         * shared text than two far apart or undated ones. */
        if (d->has_time && e->has_time && p->time_boost > 0) {
          double dt = fabs((double)d->t - (double)e->t) / win;
          if (dt < 1) s *= 1.0f + p->time_boost * (float)(1.0 - dt);
        }
        if ((d->dup_of >= 0 && (size_t)d->dup_of == j) || (e->dup_of >= 0 && (size_t)e->dup_of == i))
          s = 1.0f;
        if (s < PAIR_MIN) continue;
        if (nb_push(&c[i], j, s) || nb_push(&c[j], (uint32_t)i, s)) goto out;
      }
      if (l->n == l->a) {
        uint32_t na = l->a ? l->a * 2 : 4;
        uint32_t *nd = realloc(l->d, na * sizeof(*nd));
        if (!nd) goto out;
        l->d = nd;
        l->a = na;
      }
      l->d[l->n++] = (uint32_t)i;
    }
    /* A copy is linked to its original even without a shared top term. */
    if (d->dup_of >= 0 && (size_t)d->dup_of < i && stamp[d->dup_of] != i + 1) {
      uint32_t j = (uint32_t)d->dup_of;
      stamp[j] = (uint32_t)i + 1;
      if (nb_push(&c[i], j, 1.0f) || nb_push(&c[j], (uint32_t)i, 1.0f)) goto out;
    }
    /* A lone article (not posted) copied from a later one. */
    if (d->lone && d->dup_of >= 0 && (size_t)d->dup_of > i) {
      uint32_t j = (uint32_t)d->dup_of;
      if (nb_push(&c[i], j, 1.0f) || nb_push(&c[j], (uint32_t)i, 1.0f)) goto out;
    }
  }
  /* Merge, best average first: one heap entry per cluster (its best
   * neighbour), recomputed when it turns out stale.  Average linkage is
   * reducible (a merged cluster is never closer to a third one than the
   * closer of its parts), so a cluster's best can only be spoilt by a merge
   * of that best, which the versions detect. */
  float thr = (float)p->o.join_threshold;
  for (size_t i = 0; i < n; i++)
    if (push_best(&h, c, (uint32_t)i, thr, span)) goto out;
  posn = malloc((n + 1) * sizeof(*posn));
  posv = calloc(n + 1, sizeof(*posv));
  uint32_t pstamp = 0;
  if (!posn || !posv) goto out;
  while (h.n) {
    hent e = heap_pop(&h);
    clu *A = &c[e.a], *B = &c[e.b];
    if (!A->alive || A->ver != e.va) continue; /* a newer entry of A exists */
    if (!B->alive || B->ver != e.vb) {
      if (push_best(&h, c, e.a, thr, span)) goto out;
      continue;
    }
    /* Merge B into A: A's list indexed by neighbour, B's entries added. */
    pstamp++;
    for (uint32_t k = 0; k < A->n; k++) {
      posv[A->v[k].c] = pstamp;
      posn[A->v[k].c] = k;
    }
    for (uint32_t k = 0; k < B->n; k++) {
      uint32_t o = B->v[k].c;
      if (o == e.a) continue;
      if (posv[o] == pstamp) A->v[posn[o]].sum += B->v[k].sum;
      else if (nb_push(A, o, B->v[k].sum)) goto out;
      nb_rename(&c[o], e.b, e.a);
    }
    for (uint32_t k = 0; k < A->n; k++)
      if (A->v[k].c == e.b) {
        A->v[k] = A->v[--A->n];
        break;
      }
    if (B->has_time) {
      if (!A->has_time) {
        A->tmin = B->tmin;
        A->tmax = B->tmax;
        A->has_time = true;
      } else {
        if (B->tmin < A->tmin) A->tmin = B->tmin;
        if (B->tmax > A->tmax) A->tmax = B->tmax;
      }
    }
    A->size += B->size;
    A->ver++;
    B->alive = false;
    free(B->v);
    B->v = NULL;
    B->n = B->a = 0;
    root[e.b] = e.a;
    if (push_best(&h, c, e.a, thr, span)) goto out;
  }
  /* Labels: follow merges to the surviving cluster. */
  for (size_t i = 0; i < n; i++)
    if (c[i].alive) root[i] = (uint32_t)i;
  for (size_t i = 0; i < n; i++) {
    uint32_t r = (uint32_t)i;
    while (!c[r].alive) r = root[r];
    label[i] = r;
  }
  rc = centroid_merge(docs, n, p, nterms, label);
out:
  if (c)
    for (size_t i = 0; i < n; i++) free(c[i].v);
  if (po)
    for (size_t i = 0; i < nterms; i++) free(po[i].d);
  free(c);
  free(po);
  free(stamp);
  free(root);
  free(tmp);
  free(h.v);
  free(posn);
  free(posv);
  return rc;
}
