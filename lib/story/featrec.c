/* featrec.c - feature records: the part of an article's analysis that
 * clustering uses, made once where the article is analysed and read back by
 * the cluster stage in place of the article (see story.h).
 *
 * A record holds the word and number tokens only (the other kinds count
 * nowhere in clustering), each as its fold hash, its stem hash (left out
 * when it equals the fold or is 0), its flags and sentence; the sentences
 * as ranges over those tokens; and what px__feat_compute reads of the
 * article itself (time, a date in its text, outlet and content hashes).
 * Rebuilt, the token arrays are padded with punctuation tokens to their
 * original lengths, and a token's offsets are replaced by offsets that
 * answer the only two questions asked of them (is it shorter than two bytes;
 * is it inside the dateline's place), so px__feat_text computes exactly what
 * it computes from the full analysis.
 */
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

#define REC_MAGIC 0x52465850u /* "PXFR" */

/* byte 0 of a token: its kind and these bits */
#define T_STEM 0x08  /* an 8-byte stem hash follows the fold */
#define T_SHORT 0x10 /* fewer than two bytes */
#define T_PLACE 0x20 /* inside the dateline's place */
#define T_SAME 0x40  /* stem hash equals the fold hash */
#define TOK_MAX 20   /* bytes of one token at most */

typedef struct rec_head {
  uint32_t magic, nsent, nbody, nbody_all, ntitle, ntitle_all;
  uint32_t len; /* of the whole record */
  uint8_t has_time, text_found, dateline, pad;
  int64_t published, text_t;
  uint64_t source, content;
} rec_head;

static bool kept(const px__token *t) { return t->kind == PX__TOK_WORD || t->kind == PX__TOK_NUMBER; }

/* furn: per token, whether its sentence is page furniture (NULL: none is) */
static size_t put_tokens(unsigned char *p, const px__text *tx, bool body, const uint8_t *furn) {
  size_t k = 0;
  for (size_t i = 0; i < tx->ntok; i++) {
    const px__token *t = &tx->tok[i];
    if (!kept(t)) continue;
    unsigned char b0 = (unsigned char)(t->kind & 7);
    if (t->end - t->start < 2) b0 |= T_SHORT;
    if (body && tx->dateline.found && t->start >= tx->dateline.place_start &&
        t->end <= tx->dateline.place_end)
      b0 |= T_PLACE;
    if (t->stem == t->fold) b0 |= T_SAME;
    else if (t->stem) b0 |= T_STEM;
    p[k] = b0;
    p[k + 1] = (unsigned char)(t->flags | (furn ? furn[i] : 0));
    memcpy(p + k + 2, &t->sent, 2);
    memcpy(p + k + 4, &t->fold, 8);
    k += 12;
    if (b0 & T_STEM) {
      memcpy(p + k, &t->stem, 8);
      k += 8;
    }
  }
  return k;
}

static uint32_t count_kept(const px__text *tx) {
  uint32_t n = 0;
  for (size_t i = 0; i < tx->ntok; i++) n += kept(&tx->tok[i]);
  return n;
}

int px__featrec_build(px__textan *ta, px__arena *scratch, const px_article *art,
                      const px__text *body, px__buf *out) {
  px__arena_reset(scratch);
  px__text ttx = {0};
  px_str title = px_article_get(art, PX_F_TITLE);
  int rc;
  if (title.len && (rc = px__text_analyze(ta, title.ptr, title.len, scratch, &ttx))) return rc;
  if (body->ntok > UINT32_MAX / 2 || body->nsent > UINT32_MAX / 16) return PX_ENOMEM;
  rec_head h;
  memset(&h, 0, sizeof(h));
  h.magic = REC_MAGIC;
  h.nsent = (uint32_t)body->nsent;
  h.nbody = count_kept(body);
  h.nbody_all = (uint32_t)body->ntok;
  h.ntitle = count_kept(&ttx);
  h.ntitle_all = (uint32_t)ttx.ntok;
  int has = 0;
  h.published = px_article_published(art, &has);
  h.has_time = has != 0;
  /* the date in the text without the upper bound, which depends on the
   * clock: px__feat_from_rec applies it */
  int64_t tt = 0;
  h.text_found = (uint8_t)px__date_from_text(art, INT64_MAX / 4, &tt);
  h.text_t = tt;
  h.dateline = body->dateline.found;
  h.source = px__feat_source_hash(px_article_get(art, PX_F_SOURCE));
  h.content = px_article_content_hash(art);
  size_t most = sizeof(h) + (size_t)h.nsent * 8 + ((size_t)h.nbody + h.ntitle) * TOK_MAX;
  if ((rc = px__buf_reserve(out, most))) return rc;
  unsigned char *base = (unsigned char *)out->ptr + out->len, *p = base + sizeof(h);
  /* sentences as ranges over the kept tokens */
  uint32_t *before = px__arena_alloc(scratch, (body->ntok + 1) * sizeof(*before));
  if (!before) return PX_ENOMEM;
  uint32_t c = 0;
  for (size_t i = 0; i < body->ntok; i++) {
    before[i] = c;
    c += kept(&body->tok[i]);
  }
  before[body->ntok] = c;
  for (size_t s = 0; s < body->nsent; s++) {
    const px__sentence *se = &body->sent[s];
    size_t a = PX__MIN((size_t)se->tok_first, body->ntok);
    size_t b = PX__MIN((size_t)se->tok_first + se->tok_count, body->ntok);
    uint32_t v[2] = {before[a], before[b] - before[a]};
    memcpy(p, v, 8);
    p += 8;
  }
  /* the furniture flags px__feat_compute sets, per token */
  const uint8_t *ft = px__feat_furniture(body, scratch);
  if (!ft) return PX_ENOMEM;
  p += put_tokens(p, body, true, ft);
  p += put_tokens(p, &ttx, false, NULL);
  h.len = (uint32_t)(p - base);
  memcpy(base, &h, sizeof(h));
  out->len += h.len;
  return PX_OK;
}

/* Rebuild n_all tokens from the n kept ones at *pp (end: the record's end). */
static int get_tokens(const unsigned char **pp, const unsigned char *end, uint32_t n,
                      uint32_t n_all, px__arena *a, px__token **out) {
  if (n > n_all) return PX_EFORMAT;
  px__token *tok = px__arena_alloc(a, ((size_t)n_all + 1) * sizeof(*tok));
  if (!tok) return PX_ENOMEM;
  /* Every field of the n tokens read is set below: only the padding
   * tokens and the one past the end are cleared. */
  memset(tok + n, 0, ((size_t)n_all - n + 1) * sizeof(*tok));
  const unsigned char *p = *pp;
  for (uint32_t i = 0; i < n; i++) {
    if ((size_t)(end - p) < 12) return PX_EFORMAT;
    px__token *t = &tok[i];
    unsigned char b0 = p[0];
    t->kind = b0 & 7;
    t->flags = p[1];
    memcpy(&t->sent, p + 2, 2);
    memcpy(&t->fold, p + 4, 8);
    p += 12;
    if (b0 & T_STEM) {
      if ((size_t)(end - p) < 8) return PX_EFORMAT;
      memcpy(&t->stem, p, 8);
      p += 8;
    } else {
      t->stem = (b0 & T_SAME) ? t->fold : 0;
    }
    /* offsets that answer: shorter than two bytes? inside the place [0, 3]? */
    t->start = (b0 & T_PLACE) ? 0 : 10;
    t->end = t->start + ((b0 & T_SHORT) ? 1 : 2);
  }
  for (uint32_t i = n; i < n_all; i++) tok[i].kind = PX__TOK_PUNCT;
  *pp = p;
  *out = tok;
  return PX_OK;
}

int px__feat_from_rec(px__fx *fx, const px__params *p, const void *rec, size_t n, px__feat *f,
                      px__text *tx) {
  memset(f, 0, sizeof(*f));
  memset(tx, 0, sizeof(*tx));
  px__arena_reset(&fx->arena);
  rec_head h;
  if (n < sizeof(h)) return PX_EFORMAT;
  memcpy(&h, rec, sizeof(h));
  if (h.magic != REC_MAGIC || h.len != n || (n - sizeof(h)) / 8 < h.nsent) return PX_EFORMAT;
  const unsigned char *q = (const unsigned char *)rec + sizeof(h), *end = (const unsigned char *)rec + n;
  int found = h.text_found && h.text_t - 12 * 3600 <= p->o.now + 2 * 86400;
  px__feat_time(p, h.published, h.has_time, found, h.text_t, f);
  f->published = h.published;
  f->has_published = h.has_time != 0;
  f->source = h.source;
  f->content = h.content;
  px__sentence *sent = px__arena_alloc(&fx->arena, ((size_t)h.nsent + 1) * sizeof(*sent));
  if (!sent) return PX_ENOMEM;
  memset(sent, 0, ((size_t)h.nsent + 1) * sizeof(*sent));
  for (uint32_t s = 0; s < h.nsent; s++) {
    uint32_t v[2];
    memcpy(v, q, 8);
    q += 8;
    if (v[0] > h.nbody || v[1] > h.nbody - v[0]) return PX_EFORMAT;
    sent[s].tok_first = v[0];
    sent[s].tok_count = v[1];
  }
  int rc;
  px__token *btok, *ttok;
  if ((rc = get_tokens(&q, end, h.nbody, h.nbody_all, &fx->arena, &btok)) ||
      (rc = get_tokens(&q, end, h.ntitle, h.ntitle_all, &fx->arena, &ttok)))
    return rc;
  if (q != end) return PX_EFORMAT;
  tx->body = "";
  tx->sent = sent;
  tx->nsent = h.nsent;
  tx->tok = btok;
  tx->ntok = h.nbody_all;
  if (h.dateline) {
    tx->dateline.found = true;
    tx->dateline.place_start = 0;
    tx->dateline.place_end = 3;
  }
  px__text ttx = {0};
  ttx.body = "";
  ttx.tok = ttok;
  ttx.ntok = h.ntitle_all;
  fx->title = ttx;
  return px__feat_text(fx, p, tx, f);
}
