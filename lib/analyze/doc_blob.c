/*
 * doc_blob.c - an article's analysis saved as bytes and read back
 * (doc_blob.h).
 *
 * Layout: "PXA" and a layout byte, the body length (a check), the
 * language, then the entities in the doc's order (type, key, name, and
 * each mention: start as a gap from the previous one, length, kind), then
 * the quotes in text order with every field and span.  Numbers are
 * unsigned LEB128 varints, strings a varint length and the bytes.  About
 * 1 KB an article on news text.  A blob that does not fit is refused
 * (PX_EFORMAT) and the article is analysed again.
 */
#include "analyze/doc_blob.h"

#include <stdlib.h>
#include <string.h>

#define LAYOUT 1

/* Varints are gathered in a small buffer and appended to the blob a few
 * hundred bytes at a time (one px__buf_append per varint cost most of the
 * saving). */
typedef struct wr {
  px__buf *b;
  size_t n;
  unsigned char t[512];
} wr;

static int flush(wr *w) {
  int rc = w->n ? px__buf_append(w->b, w->t, w->n) : PX_OK;
  w->n = 0;
  return rc;
}

static int put_u(wr *w, uint64_t v) {
  if (w->n > sizeof w->t - 10) {
    int rc = flush(w);
    if (rc) return rc;
  }
  do {
    w->t[w->n] = (unsigned char)(v & 0x7f);
    v >>= 7;
    if (v) w->t[w->n] |= 0x80;
    w->n++;
  } while (v);
  return PX_OK;
}

static int put_s(wr *w, const char *p, size_t n) {
  int rc = put_u(w, n);
  if (rc || n == 0) return rc;
  if (n <= sizeof w->t - w->n) {
    memcpy(w->t + w->n, p, n);
    w->n += n;
    return PX_OK;
  }
  return (rc = flush(w)) ? rc : px__buf_append(w->b, p, n);
}

int px__doc_blob_save(const px_doc *doc, const px_quotes *qs, px__buf *out) {
  if (!doc || !out) return PX_EINVAL;
  int rc;
  wr w0 = {out, 0, {0}}, *b = &w0;
#define P(x) do { if ((rc = (x))) return rc; } while (0)
  P(px__buf_append(out, "PXA", 3));
  P(px__buf_append(out, &(char){LAYOUT}, 1));
  P(put_u(b, doc->len));
  P(put_s(b, doc->lang, strlen(doc->lang)));
  const px__entities *en = &doc->ents;
  P(put_u(b, en->nent));
  for (size_t i = 0; i < en->nent; i++) {
    const px__entity *e = &en->ent[i];
    P(put_u(b, e->type));
    P(put_s(b, e->key, e->key_len));
    P(put_s(b, e->name, e->name_len));
    P(put_u(b, e->count));
    uint32_t prev = 0;
    for (uint32_t m = e->first; m < e->first + e->count; m++) {
      const px__mention *mn = &en->men[m];
      /* text order within an entity: the gap is never negative, but a
       * mention out of order still round-trips (a flag bit) */
      uint64_t gap = mn->start >= prev ? (uint64_t)(mn->start - prev) << 1
                                       : ((uint64_t)(prev - mn->start) << 1) | 1;
      P(put_u(b, gap));
      P(put_u(b, mn->end - mn->start));
      P(put_u(b, mn->kind));
      prev = mn->start;
    }
  }
  const px__quotes *q = qs ? px__quotes_raw(qs) : NULL;
  size_t nq = q ? q->nq : 0;
  P(put_u(b, nq));
  for (size_t i = 0; i < nq; i++) {
    const px__quote *x = &q->q[i];
    uint32_t v[] = {x->start, x->end, x->kind, x->flags, x->cue_start, x->cue_end,
                    x->spk_start, x->spk_end, (uint32_t)(x->entity + 1), x->name_start,
                    x->name_end, x->cstart, x->cend, x->nspans};
    for (size_t k = 0; k < sizeof v / sizeof v[0]; k++) P(put_u(b, v[k]));
    for (uint32_t s = x->span_first; s < (uint32_t)x->span_first + x->nspans; s++) {
      const px__qrange *r = s < q->nspan ? &q->span[s] : &(px__qrange){0, 0};
      P(put_u(b, r->start));
      P(put_u(b, r->end));
    }
  }
#undef P
  return flush(b);
}

/* ------------------------------------------------------------- reading */

typedef struct rd {
  const unsigned char *p;
  size_t n, at;
  bool bad;
} rd;

static uint64_t get_u(rd *r) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (r->at >= r->n) break;
    unsigned char c = r->p[r->at++];
    v |= (uint64_t)(c & 0x7f) << shift;
    if (!(c & 0x80)) return v;
  }
  r->bad = true;
  return 0;
}

/* A varint that must be at most max. */
static uint32_t get_le(rd *r, uint64_t max) {
  uint64_t v = get_u(r);
  if (v > max) r->bad = true;
  return r->bad ? 0 : (uint32_t)v;
}

static const char *get_s(rd *r, size_t *len) {
  uint64_t n = get_u(r);
  if (r->bad || n > r->n - r->at) {
    r->bad = true;
    *len = 0;
    return "";
  }
  const char *s = (const char *)r->p + r->at;
  r->at += (size_t)n;
  *len = (size_t)n;
  return s;
}

static int cmp_pos(const void *x, const void *y, void *u) {
  const px__mention *m = u;
  const px__mention *a = &m[*(const uint32_t *)x], *b = &m[*(const uint32_t *)y];
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end < b->end ? -1 : 1;
  return (*(const uint32_t *)x > *(const uint32_t *)y) - (*(const uint32_t *)x < *(const uint32_t *)y);
}

/* The sentence holding offset off (the last starting at or before it). */
static uint32_t sentence_of(const px__text *tx, uint32_t off) {
  size_t lo = 0, hi = tx->nsent;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (tx->sent[mid].start <= off) lo = mid + 1;
    else hi = mid;
  }
  return lo ? (uint32_t)(lo - 1) : 0;
}

int px__doc_blob_load(px__textan *ta, const char *body, size_t len, const void *sent,
                      size_t nsent_bytes, const void *blob, size_t nblob, px_doc **out,
                      const px__quotes **quotes) {
  *out = NULL;
  if (quotes) *quotes = NULL;
  if ((!body && len) || (!sent && nsent_bytes) || !blob) return PX_EFORMAT;
  if (len >= UINT32_MAX || nsent_bytes % 8) return PX_EFORMAT;
  rd r = {blob, nblob, 0, false};
  if (nblob < 4 || memcmp(blob, "PXA", 3) != 0 || r.p[3] != LAYOUT) return PX_EFORMAT;
  r.at = 4;
  if (get_u(&r) != len || r.bad) return PX_EFORMAT;
  size_t ns = nsent_bytes / 8;
  px_doc *d = calloc(1, sizeof *d);
  if (!d) return PX_ENOMEM;
  px__arena_init(&d->arena, len * (ta ? 5 : 1) + 16384);
  int rc = PX_ENOMEM;
  px__sentence *sv = NULL;
  if (!(d->body = px__arena_strndup(&d->arena, body ? body : "", len))) goto fail;
  d->len = len;
  size_t langn;
  const char *lang = get_s(&r, &langn);
  if (r.bad || langn >= sizeof d->lang) goto bad;
  memcpy(d->lang, lang, langn);
  d->lang[langn] = '\0';
  /* the sentences: in order, inside the body */
  if (ns && !(sv = malloc(ns * sizeof *sv))) goto fail;
  const unsigned char *sp = sent;
  uint32_t last = 0;
  for (size_t i = 0; i < ns; i++) {
    uint32_t v[2];
    for (int k = 0; k < 2; k++)
      v[k] = (uint32_t)sp[i * 8 + 4 * k] | (uint32_t)sp[i * 8 + 4 * k + 1] << 8 |
             (uint32_t)sp[i * 8 + 4 * k + 2] << 16 | (uint32_t)sp[i * 8 + 4 * k + 3] << 24;
    if (v[0] < last || v[1] < v[0] || v[1] > len) goto bad;
    sv[i] = (px__sentence){v[0], v[1], 0, 0, 0};
    last = v[1];
  }
  if ((rc = px__text_from_sentences(ta, d->body, len, sv, ns, &d->arena, &d->text))) goto fail;
  rc = PX_ENOMEM;
  /* entities */
  px__entities *en = &d->ents;
  size_t nent = get_le(&r, r.n);
  if (r.bad) goto bad;
  if (!(en->ent = px__arena_alloc(&d->arena, (nent + 1) * sizeof *en->ent))) goto fail;
  size_t mcap = nent * 2 + 8, nmen = 0;
  px__mention *men = malloc(mcap * sizeof *men);
  if (!men) goto fail;
  for (size_t i = 0; i < nent && !r.bad; i++) {
    px__entity *e = &en->ent[i];
    e->type = (uint8_t)get_le(&r, 255);
    size_t kl, nl;
    const char *k = get_s(&r, &kl);
    const char *nm = get_s(&r, &nl);
    uint32_t cnt = get_le(&r, r.n);
    if (r.bad) break;
    char *kc = px__arena_strndup(&d->arena, k, kl), *nc = px__arena_strndup(&d->arena, nm, nl);
    if (!kc || !nc) {
      free(men);
      goto fail;
    }
    *e = (px__entity){nc, nl, kc, kl, e->type, (uint32_t)nmen, cnt};
    uint32_t prev = 0;
    for (uint32_t m = 0; m < cnt && !r.bad; m++) {
      uint64_t gap = get_u(&r);
      uint64_t start = gap & 1 ? (uint64_t)prev - (gap >> 1) : (uint64_t)prev + (gap >> 1);
      uint64_t n = get_u(&r);
      uint32_t kind = get_le(&r, PX_MENTION_ROLE);
      if (r.bad || (gap & 1 && (gap >> 1) > prev) || start > len || n > len - start) {
        r.bad = true;
        break;
      }
      if (nmen == mcap) {
        mcap *= 2;
        px__mention *t = realloc(men, mcap * sizeof *t);
        if (!t) {
          free(men);
          goto fail;
        }
        men = t;
      }
      men[nmen++] = (px__mention){(uint32_t)start, (uint32_t)(start + n), (uint32_t)i, 0, 0, 0,
                                  (uint8_t)kind};
      prev = (uint32_t)start;
    }
  }
  if (r.bad) {
    free(men);
    goto bad;
  }
  en->nent = nent;
  en->nmen = nmen;
  en->men = px__arena_alloc(&d->arena, (nmen + 1) * sizeof *en->men);
  en->by_pos = px__arena_alloc(&d->arena, (nmen + 1) * sizeof *en->by_pos);
  if (!en->men || !en->by_pos) {
    free(men);
    goto fail;
  }
  if (nmen) memcpy(en->men, men, nmen * sizeof *men);
  free(men);
  for (size_t m = 0; m < nmen; m++) {
    px__mention *mn = &en->men[m];
    uint32_t s = sentence_of(&d->text, mn->start);
    mn->sent = s < 65535 ? (uint16_t)s : 65535;
    if (d->text.ntok) {
      uint32_t a = (uint32_t)px__token_at(&d->text, mn->start), b = a;
      while (b < d->text.ntok && d->text.tok[b].start < mn->end) b++;
      mn->tok_first = a;
      mn->tok_count = (uint16_t)(b - a < 65535 ? b - a : 65535);
    }
    en->by_pos[m] = (uint32_t)m;
  }
  if (nmen) qsort_r(en->by_pos, nmen, sizeof *en->by_pos, cmp_pos, en->men);
  /* quotes */
  px__quotes *q = px__arena_alloc(&d->arena, sizeof *q);
  if (!q) goto fail;
  memset(q, 0, sizeof *q);
  size_t nq = get_le(&r, r.n);
  if (r.bad) goto bad;
  size_t scap = nq + 8;
  if (!(q->q = px__arena_alloc(&d->arena, (nq + 1) * sizeof *q->q))) goto fail;
  px__qrange *spans = malloc(scap * sizeof *spans);
  if (!spans) goto fail;
  for (size_t i = 0; i < nq && !r.bad; i++) {
    uint32_t v[14];
    for (size_t k = 0; k < 14; k++) v[k] = get_le(&r, (uint64_t)len + 65536);
    if (r.bad || v[8] > nent || v[2] > PX_QUOTE_TITLE || v[1] < v[0] || v[1] > len ||
        v[5] < v[4] || v[5] > len || v[7] < v[6] || v[7] > len || v[10] < v[9] || v[10] > len ||
        v[12] < v[11] || v[12] > len || v[13] > 65535) {
      r.bad = true;
      break;
    }
    q->q[i] = (px__quote){.start = v[0], .end = v[1], .kind = (uint8_t)v[2], .flags = (uint8_t)v[3],
                          .cue_start = v[4], .cue_end = v[5], .spk_start = v[6], .spk_end = v[7],
                          .entity = (int32_t)v[8] - 1, .name_start = v[9], .name_end = v[10],
                          .cstart = v[11], .cend = v[12], .nspans = (uint16_t)v[13],
                          .span_first = (uint32_t)q->nspan};
    for (uint32_t s = 0; s < v[13] && !r.bad; s++) {
      uint32_t a = get_le(&r, len), b = get_le(&r, len);
      if (r.bad || b < a) {
        r.bad = true;
        break;
      }
      if (q->nspan == scap) {
        scap *= 2;
        px__qrange *t = realloc(spans, scap * sizeof *t);
        if (!t) {
          free(spans);
          goto fail;
        }
        spans = t;
      }
      spans[q->nspan++] = (px__qrange){a, b};
    }
  }
  if (r.bad || r.at != r.n) {
    free(spans);
    goto bad;
  }
  q->nq = nq;
  q->span = px__arena_alloc(&d->arena, (q->nspan + 1) * sizeof *q->span);
  if (!q->span) {
    free(spans);
    goto fail;
  }
  if (q->nspan) memcpy(q->span, spans, q->nspan * sizeof *spans);
  free(spans);
  free(sv);
  *out = d;
  if (quotes) *quotes = q;
  return PX_OK;
bad:
  rc = PX_EFORMAT;
fail:
  free(sv);
  px_doc_free(d);
  return rc;
}
