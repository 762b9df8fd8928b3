/* dedup.c - exact copies, near-duplicates and wire share.
 *
 * Exact copies: the content hash of the normalized body (confirmed by the
 * title when the body is short, so a shared paywall notice is not a copy).
 * Near-duplicates: a one-permutation MinHash sketch (PX__SIG bins) over word
 * 5-shingles of folded tokens; LSH with PX__BANDS bands of PX__ROWS bins
 * finds candidates, and the estimated containment of the smaller body in
 * the larger decides, so a copy with a trimmed ending or an added paragraph
 * still counts.  Wire share: sentences hashed over their folded words; a
 * sentence first seen in another outlet's article counts as copied.
 * Sentences carried by px__params.boiler_df articles or more are
 * boilerplate: they are left out of sketches and of the wire share.
 */
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

/* A bucket is walked no further than this: a huge bucket is boilerplate. */
#define BUCKET_WALK 256
#define MIN_EQ 12

void px__dd_init(px__dd *d, const px__params *p) {
  memset(d, 0, sizeof(*d));
  d->p = *p;
}

void px__dd_release(px__dd *d) {
  px__map_release(&d->exact);
  px__map_release(&d->sentmap);
  px__map_release(&d->bands);
  free(d->sents);
  free(d->post_doc);
  free(d->post_next);
  free(d->sig);
  free(d->nsh);
  free(d->source);
  free(d->title);
  free(d->parent);
  free(d->stamp);
  memset(d, 0, sizeof(*d));
}

#define GROW(ptr, count)                                                   \
  do {                                                                     \
    void *np_ = realloc((ptr), (count) * sizeof(*(ptr)));                  \
    if (!np_) return PX_ENOMEM;                                            \
    (ptr) = np_;                                                           \
  } while (0)

static int dd_reserve(px__dd *d) {
  if (d->n < d->alloc) return PX_OK;
  size_t na = d->alloc ? d->alloc * 2 : 256;
  GROW(d->sig, na * PX__SIG);
  GROW(d->nsh, na);
  GROW(d->source, na);
  GROW(d->title, na);
  GROW(d->parent, na);
  GROW(d->stamp, na);
  memset(d->stamp + d->alloc, 0, (na - d->alloc) * sizeof(*d->stamp));
  d->alloc = na;
  return PX_OK;
}

uint32_t px__dd_group(px__dd *d, uint32_t i) {
  uint32_t r = i;
  while (d->parent[r] != r) r = d->parent[r];
  while (d->parent[i] != r) { /* path compression */
    uint32_t nx = d->parent[i];
    d->parent[i] = r;
    i = nx;
  }
  return r;
}

/* Union keeping the smaller index as root: the group's first article. */
static void dd_union(px__dd *d, uint32_t a, uint32_t b) {
  a = px__dd_group(d, a);
  b = px__dd_group(d, b);
  if (a == b) return;
  if (a < b) d->parent[b] = a;
  else d->parent[a] = b;
}

static bool same_outlet(uint64_t a, uint64_t b) { return a && b && a == b; }

uint64_t px__dd_band_key(const uint32_t *sig, int b) {
  uint64_t h = 0x62616e64ULL + (uint64_t)b * 0x9e3779b97f4a7c15ULL;
  for (int r = 0; r < PX__ROWS; r++) h = px__mix64(h ^ sig[b * PX__ROWS + r]);
  return h ? h : 1;
}

/* Estimated containment of the smaller shingle set in the larger, from the
 * Jaccard estimate J and the set sizes: |A n B| = J (|A| + |B|) / (1 + J). */
static double containment(const uint32_t *a, uint32_t na, const uint32_t *b, uint32_t nb) {
  int eq = 0;
  for (int i = 0; i < PX__SIG; i++) eq += a[i] == b[i];
  /* Below MIN_EQ equal bins the estimate is mostly noise, and a noisy J
   * turns into a large containment when one body is much longer. */
  if (eq < MIN_EQ) return 0;
  double j = (double)eq / PX__SIG;
  double inter = j * ((double)na + nb) / (1.0 + j);
  double c = inter / (double)PX__MIN(na, nb);
  return c > 1.0 ? 1.0 : c;
}

/* The key of f in the exact-copy map: a short body counts under its title. */
static uint64_t exact_key(const px__feat *f) {
  return (f->flags & PX_SF_SHORT) ? px__mix64(f->content ^ (f->title * 0x9e3779b97f4a7c15ULL))
                                  : f->content;
}

size_t px__dd_keys(const px__params *p, const px__feat *f, uint64_t *keys) {
  (void)p;
  size_t n = 0;
  /* kinds apart: an exact key never equals a band key by construction */
  if (f->content && f->nwords > 0) {
    keys[n++] = px__mix64(exact_key(f) ^ 0x6578616374ULL) | 1;
    if (f->flags & PX_SF_SHORT) keys[n++] = px__mix64(f->content ^ 0x6578616374ULL) | 1;
  }
  if (f->nsh)
    for (int b = 0; b < PX__BANDS; b++) keys[n++] = px__dd_band_key(f->sig, b) & ~(uint64_t)1;
  return n;
}

/* Is sentence s of f no evidence of copied text (px__feat_furniture)? */
static bool aside(const px__feat *f, uint32_t s) { return f->aside && f->aside[s]; }

typedef struct tally {
  uint32_t art, n;
} tally;

int px__dd_add(px__dd *d, px__feat *f, const px__text *tx, px_story_result *r) {
  int rc;
  if ((rc = dd_reserve(d))) return rc;
  uint32_t idx = (uint32_t)d->n;
  d->parent[idx] = idx;
  d->source[idx] = f->source;
  d->title[idx] = f->title;
  d->nsh[idx] = 0;
  memset(d->sig + (size_t)idx * PX__SIG, 0, PX__SIG * sizeof(uint32_t));
  d->n++;
  r->dup_group = idx;
  r->dup_of = -1;
  r->dup_exact = 0;
  r->dup_sim = 0;
  r->wire_share = 0;
  r->wire_source = -1;

  /* Exact copies.  A short body is a copy only under the same title: a
   * paywall notice or an empty template shared by articles with other
   * titles is boilerplate, not a copy. */
  bool exact = false;
  if (f->content && f->nwords > 0) {
    bool isshort = (f->flags & PX_SF_SHORT) != 0, isnew;
    uint64_t key = exact_key(f);
    uint32_t *slot = px__map_put(&d->exact, key, &isnew);
    if (!slot) return PX_ENOMEM;
    if (isnew) {
      *slot = idx + 1;
      if (isshort) {
        uint32_t *body = px__map_put(&d->exact, f->content, &isnew);
        if (!body) return PX_ENOMEM;
        if (isnew) *body = idx + 1;
        else f->flags |= PX_SF_BOILERPLATE;
      }
    } else {
      uint32_t j = *slot - 1;
      exact = true;
      r->dup_of = j;
      r->dup_exact = 1;
      r->dup_sim = 1.0;
      dd_union(d, idx, j);
    }
  }

  /* Sentences: document frequency, boilerplate, wire share. */
  bool *skip = NULL, *gskip = NULL;
  if (f->nsent) {
    skip = calloc(f->nsent, sizeof(*skip));
    if (!skip) return PX_ENOMEM;
    if (d->nxskip) {
      /* boilerplate in a larger collection (px_stories_set_boilerplate) */
      if (!(gskip = calloc(f->nsent, sizeof(*gskip)))) {
        free(skip);
        return PX_ENOMEM;
      }
      for (size_t k = 0; k < d->nxskip; k++)
        if (d->xskip[k] < f->nsent) gskip[d->xskip[k]] = true;
    }
  }
  tally tl[32];
  int ntl = 0;
  uint32_t counted = 0, copied = 0;
  for (uint32_t s = 0; s < f->nsent; s++) {
    uint64_t h = f->sent[s];
    if (!h) continue;
    bool isnew;
    uint32_t *slot = px__map_put(&d->sentmap, h, &isnew);
    if (!slot) {
      free(skip);
      free(gskip);
      return PX_ENOMEM;
    }
    if (isnew) {
      if (d->nsents == d->asents) {
        size_t na = d->asents ? d->asents * 2 : 4096;
        px__sentinfo *ns = realloc(d->sents, na * sizeof(*ns));
        if (!ns) {
          /* Undo the insertion's meaning: point it at a fresh zero entry later. */
          *slot = 0;
          free(skip);
          free(gskip);
          return PX_ENOMEM;
        }
        d->sents = ns;
        d->asents = na;
      }
      d->sents[d->nsents].first = idx;
      d->sents[d->nsents].df = 1;
      *slot = (uint32_t)++d->nsents;
      if (gskip && gskip[s]) skip[s] = true;
      else counted += !aside(f, s);
      continue;
    }
    if (*slot == 0) continue;
    px__sentinfo *si = &d->sents[*slot - 1];
    if (si->first != idx) si->df++;
    if (si->df >= d->p.boiler_df || (gskip && gskip[s])) {
      skip[s] = true;
      continue;
    }
    /* A quotation two outlets share is a source both quoted, a line of
     * furniture is the page's: neither is text one copied from the other. */
    if (aside(f, s)) continue;
    counted++;
    if (si->first == idx || same_outlet(d->source[si->first], f->source)) continue;
    copied++;
    int k = 0;
    while (k < ntl && tl[k].art != si->first) k++;
    if (k == ntl && ntl < 32) tl[ntl++] = (tally){si->first, 0};
    if (k < ntl) tl[k].n++;
  }
  if (counted && copied) {
    r->wire_share = (double)copied / counted;
    uint32_t best = 0;
    for (int k = 1; k < ntl; k++)
      if (tl[k].n > tl[best].n) best = (uint32_t)k;
    r->wire_source = tl[best].art;
  }

  /* Near-duplicates. */
  px__feat_sketch(tx, skip, (uint32_t)d->p.o.min_dup_words, f);
  free(skip);
  free(gskip);
  if (!f->nsh) {
    r->dup_group = px__dd_group(d, idx);
    return PX_OK;
  }
  uint32_t *sig = d->sig + (size_t)idx * PX__SIG;
  memcpy(sig, f->sig, sizeof(f->sig));
  d->nsh[idx] = f->nsh;
  if (++d->stampv == 0) {
    memset(d->stamp, 0, d->alloc * sizeof(*d->stamp));
    d->stampv = 1;
  }
  d->stamp[idx] = d->stampv;
  /* One lookup per band: walk its bucket for candidates, then post this
   * article there. */
  if (d->npost + PX__BANDS > d->apost) {
    size_t na = d->apost ? d->apost * 2 : 8192;
    while (na < d->npost + PX__BANDS) na *= 2;
    GROW(d->post_doc, na);
    GROW(d->post_next, na);
    d->apost = na;
  }
  double best = 0;
  int64_t bestj = -1;
  for (int b = 0; b < PX__BANDS; b++) {
    bool isnew;
    uint32_t *head = px__map_put(&d->bands, px__dd_band_key(sig, b), &isnew);
    if (!head) return PX_ENOMEM;
    int walked = 0;
    for (uint32_t p = isnew || exact ? 0 : *head; p && walked < BUCKET_WALK;
         p = d->post_next[p - 1], walked++) {
      uint32_t j = d->post_doc[p - 1];
      if (d->stamp[j] == d->stampv) continue;
      d->stamp[j] = d->stampv;
      double c = containment(sig, f->nsh, d->sig + (size_t)j * PX__SIG, d->nsh[j]);
      if (c > best || (c == best && bestj >= 0 && j < (uint32_t)bestj)) {
        best = c;
        bestj = j;
      }
    }
    d->post_doc[d->npost] = idx;
    d->post_next[d->npost] = *head;
    d->npost++;
    *head = (uint32_t)d->npost;
  }
  if (bestj >= 0 && best >= d->p.o.dup_threshold) {
    r->dup_of = bestj;
    r->dup_sim = best;
    dd_union(d, idx, (uint32_t)bestj);
  }
  r->dup_group = px__dd_group(d, idx);
  return PX_OK;
}
