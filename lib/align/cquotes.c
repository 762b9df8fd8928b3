/*
 * cquotes.c - quote variants: the renderings of one remark by different
 * outlets, side by side.
 *
 * Quotes come from the quote extractor (analyze/quote.h) with their
 * speakers resolved to entities; each becomes a bag of content stems
 * (px__qbag_make, which also maps WordNet synonyms).  Quotes of the same
 * speaker key in different articles whose bags are alike
 * (px__qbag_similarity: Dice, or containment of a partial quote in a fuller
 * one) join one remark; a quote whose speaker is unknown may join any
 * remark.  Kind, relative to the remark's fullest direct rendering:
 * full (covers most of it), partial (a fragment of it), paraphrased (no
 * quotation marks: reported speech).
 */
#include "align/compare.h"
#include "analyze/quote.h"

#include <stdlib.h>
#include <string.h>

/* Weak until the quote-similarity functions are part of every build: a
 * library without them gives a comparison without quote variants. */
#pragma weak px__qbag_make
#pragma weak px__qbag_similarity

#define SAME_REMARK 0.3
#define UNKNOWN_PAIRS_MAX 100000 /* unknown speakers compared with all below this many pairs */
#define QUOTE_WINDOW 256          /* a quote is compared with at most this many of its bucket */

typedef struct qitem {
  uint32_t art;
  const px__quote *q;
  px_str key, name; /* speaker, empty when unknown */
  px__qbag bag;
  bool direct, partial;
} qitem;

static int cmp_key(const void *x, const void *y) {
  const qitem *a = x, *b = y;
  size_t n = a->key.len < b->key.len ? a->key.len : b->key.len;
  int r = n ? memcmp(a->key.ptr, b->key.ptr, n) : 0;
  if (r) return r;
  if (a->key.len != b->key.len) return a->key.len < b->key.len ? -1 : 1;
  if (a->art != b->art) return a->art < b->art ? -1 : 1;
  return (a->q->start > b->q->start) - (a->q->start < b->q->start);
}

static uint32_t find(uint32_t *p, uint32_t x) {
  while (p[x] != x) x = p[x] = p[p[x]];
  return x;
}

static bool speaker_known(px_str s) {
  return s.len > 0 && !(s.ptr[0] >= 'a' && s.ptr[0] <= 'z');
}

int px__cmp_quotes(px_comparison *c, px__textan *ta) {
  int rc = PX_ENOMEM;
  px__quotean *qa = NULL;
  qitem *it = NULL;
  uint32_t *parent = NULL, *gid = NULL, *gcount = NULL;
  size_t n = 0, cap = 0;
  px__buf tmp;
  px__buf_init(&tmp, 1 << 20);
  if (!px__qbag_make || !px__qbag_similarity) {
    rc = px__cmp_warn(c, "quote alignment is not available in this build");
    goto out;
  }
  if ((rc = px__quotean_new(&qa))) goto out;
  for (size_t i = 0; i < c->nart; i++) {
    px__cart *a = &c->art[i];
    px__quotes qs;
    if ((rc = px__quotes_find(qa, a->tx, a->ents, &c->arena, &qs))) goto out;
    for (size_t k = 0; k < qs.nq; k++) {
      const px__quote *q = &qs.q[k];
      if (n == cap) {
        cap = cap ? cap * 2 : 64;
        qitem *t = realloc(it, cap * sizeof *t);
        if (!t) {
          rc = PX_ENOMEM;
          goto out;
        }
        it = t;
      }
      if (q->kind == PX_QUOTE_SCARE || q->kind == PX_QUOTE_TITLE) continue; /* nobody said it */
      qitem *x = &it[n];
      memset(x, 0, sizeof *x);
      x->art = (uint32_t)i;
      x->q = q;
      x->direct = q->kind == PX_QUOTE_DIRECT || q->kind == PX_QUOTE_PARTIAL;
      x->partial = q->kind == PX_QUOTE_PARTIAL;
      /* Only a speaker resolved to an entity has a key: "a spokeswoman" or
       * "the ship's master" may be anyone's remark, so they join any. */
      if (q->entity >= 0 && (size_t)q->entity < a->ents->nent) {
        const px__entity *e = &a->ents->ent[q->entity];
        x->key = (px_str){e->key, e->key_len};
        x->name = (px_str){e->name, e->name_len};
      } else if (q->spk_end > q->spk_start) {
        px_str s = {a->tx->body + q->spk_start, q->spk_end - q->spk_start};
        if (speaker_known(s)) x->name = s;
      }
      /* The quoted words only, without an interrupting "he said". */
      px__buf_clear(&tmp);
      if (q->nspans) {
        for (uint32_t s = q->span_first; s < q->span_first + q->nspans && s < qs.nspan; s++) {
          if ((rc = px__buf_append(&tmp, a->tx->body + qs.span[s].start,
                                   qs.span[s].end - qs.span[s].start)) ||
              (rc = px__buf_append(&tmp, " ", 1)))
            goto out;
        }
      } else if ((rc = px__buf_append(&tmp, a->tx->body + q->start, q->end - q->start))) {
        goto out;
      }
      if ((rc = px__qbag_make(ta, tmp.ptr, tmp.len, &c->arena, &x->bag))) goto out;
      if (x->bag.n == 0) continue; /* nothing to compare: a quote of stopwords */
      n++;
    }
  }
  if (n) qsort(it, n, sizeof *it, cmp_key);
  parent = malloc((n + 1) * sizeof *parent);
  if (!parent) {
    rc = PX_ENOMEM;
    goto out;
  }
  for (size_t i = 0; i < n; i++) parent[i] = (uint32_t)i;
  size_t unknown = 0;
  while (unknown < n && it[unknown].key.len == 0) unknown++;
  for (size_t a = 0; a < n;) {
    size_t b = a;
    while (b < n && it[b].key.len == it[a].key.len &&
           (it[a].key.len == 0 || memcmp(it[b].key.ptr, it[a].key.ptr, it[a].key.len) == 0))
      b++;
    /* Within one speaker; unknown speakers against everyone when few. */
    size_t to = (a == 0 && it[a].key.len == 0 && unknown * n <= UNKNOWN_PAIRS_MAX) ? n : b;
    /* Bounded: in a 500-article story one speaker may have a thousand
     * quotes; each meets the next QUOTE_WINDOW of them (by article), so the
     * work grows with the quotes, not their square. */
    for (size_t x = a; x < b; x++)
      for (size_t y = x + 1; y < to && y <= x + QUOTE_WINDOW; y++) {
        if (it[x].art == it[y].art) continue;
        if (find(parent, (uint32_t)x) == find(parent, (uint32_t)y)) continue;
        double s = px__qbag_similarity(&it[x].bag, &it[y].bag, NULL, NULL);
        if (s >= SAME_REMARK) parent[find(parent, (uint32_t)y)] = find(parent, (uint32_t)x);
      }
    a = b;
  }
  /* Number the remarks; members in article order. */
  gid = malloc((n + 1) * sizeof *gid);
  gcount = calloc(n + 1, sizeof *gcount);
  if (!gid || !gcount) {
    rc = PX_ENOMEM;
    goto out;
  }
  for (size_t i = 0; i < n; i++) gid[i] = UINT32_MAX;
  size_t ng = 0;
  /* Order items by article then position so remarks follow the first article. */
  uint32_t *order = malloc((n + 1) * sizeof *order);
  if (!order) {
    rc = PX_ENOMEM;
    goto out;
  }
  for (size_t i = 0; i < n; i++) order[i] = (uint32_t)i;
  for (size_t i = 1; i < n; i++) { /* insertion sort by (art, start): n is small */
    uint32_t v = order[i];
    size_t j = i;
    while (j > 0 && (it[order[j - 1]].art > it[v].art ||
                     (it[order[j - 1]].art == it[v].art && it[order[j - 1]].q->start > it[v].q->start))) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = v;
  }
  for (size_t k = 0; k < n; k++) {
    uint32_t r = find(parent, order[k]);
    if (gid[r] == UINT32_MAX) gid[r] = (uint32_t)ng++;
    gcount[gid[r]]++;
  }
  c->quote = calloc(ng + 1, sizeof *c->quote);
  c->qmem = malloc((n + 1) * sizeof *c->qmem);
  if (!c->quote || !c->qmem) {
    free(order);
    rc = PX_ENOMEM;
    goto out;
  }
  c->nquote = ng;
  c->nqmem = n;
  for (size_t g = 0, at = 0; g < ng; g++) {
    c->quote[g].first = (uint32_t)at;
    at += gcount[g];
  }
  /* The fullest direct rendering of each remark, for the kinds. */
  uint32_t *full = malloc((ng + 1) * sizeof *full);
  uint8_t *seen = calloc(c->noutlet + 1, 1);
  if (!full || !seen) {
    free(order);
    free(full);
    free(seen);
    rc = PX_ENOMEM;
    goto out;
  }
  for (size_t g = 0; g < ng; g++) full[g] = UINT32_MAX;
  for (size_t k = 0; k < n; k++) {
    uint32_t i = order[k], g = gid[find(parent, i)];
    uint32_t f = full[g];
    if (it[i].direct && (f == UINT32_MAX || !it[f].direct || it[i].bag.n > it[f].bag.n)) full[g] = i;
    else if (f == UINT32_MAX) full[g] = i;
  }
  for (size_t k = 0; k < n; k++) {
    uint32_t i = order[k], g = gid[find(parent, i)];
    px__cquote *cq = &c->quote[g];
    const qitem *f = &it[full[g]];
    px__cqmember m = {it[i].art, it[i].q->start, it[i].q->end, PX__QK_FULL, 1};
    if (!it[i].direct)
      m.kind = PX__QK_PARAPHRASE;
    else if (it[i].partial || (f != &it[i] && it[i].bag.n * 10 < f->bag.n * 7))
      m.kind = PX__QK_PARTIAL;
    if (f != &it[i]) m.sim = (float)px__qbag_similarity(&it[i].bag, &f->bag, NULL, NULL);
    c->qmem[cq->first + cq->count++] = m;
    if (it[i].key.len && (cq->key.len == 0 || it[i].name.len > cq->name.len)) {
      cq->key = it[i].key;
      cq->name = it[i].name;
    } else if (!cq->key.len && it[i].name.len > cq->name.len) {
      cq->name = it[i].name; /* a role as written, until an entity names the speaker */
    }
  }
  for (size_t g = 0; g < ng; g++) {
    px__cquote *cq = &c->quote[g];
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      uint32_t o = c->art[c->qmem[j].art].outlet;
      if (!seen[o]) seen[o] = 1, cq->noutlets++;
    }
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) seen[c->art[c->qmem[j].art].outlet] = 0;
  }
  free(order);
  free(full);
  free(seen);
  rc = PX_OK;
out:
  px__buf_release(&tmp);
  px__quotean_free(qa);
  free(it);
  free(parent);
  free(gid);
  free(gcount);
  return rc;
}
