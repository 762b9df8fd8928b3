/* quote_api.c - the public quote API over px__quotes_find: px_quoter,
 * px_quotes and their accessors. */
#include "quote.h"

#include <stdlib.h>
#include <string.h>

struct px_quoter {
  px__quotean *qa;
};

struct px_quotes {
  px__arena arena;
  const px_doc *doc;
  px__quotes q;
  px_str *text; /* per quote: the quoted words */
  px_str *name; /* per quote: speaker name */
  px_str *key;  /* per quote: speaker key */
};

const char *px_quote_kind_name(px_quote_kind kind) {
  switch (kind) {
  case PX_QUOTE_DIRECT: return "direct";
  case PX_QUOTE_PARTIAL: return "partial";
  case PX_QUOTE_INDIRECT: return "indirect";
  case PX_QUOTE_SCARE: return "scare";
  case PX_QUOTE_TITLE: return "title";
  default: return "unknown";
  }
}

int px_quoter_new(px_quoter **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  px_quoter *qt = calloc(1, sizeof *qt);
  if (!qt) return PX_ENOMEM;
  int rc = px__quotean_new(&qt->qa);
  if (rc) {
    free(qt);
    return rc;
  }
  *out = qt;
  return PX_OK;
}

void px_quoter_free(px_quoter *qt) {
  if (!qt) return;
  px__quotean_free(qt->qa);
  free(qt);
}

/* Length of a quotation mark at p[0..n) (0 when none). */
static size_t mark_len(const unsigned char *p, size_t n) {
  if (!n) return 0;
  if (p[0] == '"') return 1;
  if (p[0] == '\'' || p[0] == '`') return n > 1 && p[1] == p[0] ? 2 : 1;
  if (n >= 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB)) return 2;
  if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9F) return 3;
  return 0;
}

/* The quoted words of span [s, e): outer marks and white space trimmed. */
static void inner(const char *body, size_t *s, size_t *e) {
  const unsigned char *p = (const unsigned char *)body;
  size_t k = mark_len(p + *s, *e - *s);
  *s += k;
  for (size_t b = 1; b <= 3 && b <= *e - *s; b++) {
    size_t m = mark_len(p + *e - b, b);
    if (m == b) {
      *e -= b;
      break;
    }
  }
  while (*s < *e && (p[*s] == ' ' || p[*s] == '\n')) (*s)++;
  /* the comma before the attribution is not part of the words */
  while (*e > *s && (p[*e - 1] == ' ' || p[*e - 1] == '\n' || p[*e - 1] == ',')) (*e)--;
}

int px_quotes_extract(const px_quoter *qt, const px_doc *doc, px_quotes **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  if (!qt || !doc) return PX_EINVAL;
  px_quotes *qs = calloc(1, sizeof *qs);
  if (!qs) return PX_ENOMEM;
  px__arena_init(&qs->arena, 16384);
  qs->doc = doc;
  const px__text *tx = px__doc_text(doc);
  const px__entities *ents = px__doc_entities(doc);
  int rc = PX_OK;
  px_str lang = px_doc_language(doc);
  /* the cues, speakers and pronouns are English: no quotes in another language */
  if (px_lang_is_english(lang.ptr, lang.len) &&
      (rc = px__quotes_find(qt->qa, tx, ents, &qs->arena, &qs->q)))
    goto fail;
  size_t n = qs->q.nq;
  rc = PX_ENOMEM;
  qs->text = px__arena_alloc(&qs->arena, (n + 1) * sizeof *qs->text);
  qs->name = px__arena_alloc(&qs->arena, (n + 1) * sizeof *qs->name);
  qs->key = px__arena_alloc(&qs->arena, (n + 1) * sizeof *qs->key);
  if (!qs->text || !qs->name || !qs->key) goto fail;
  for (size_t i = 0; i < n; i++) {
    const px__quote *q = &qs->q.q[i];
    /* text: the spans without their marks */
    if (q->nspans == 1 || q->kind == PX_QUOTE_INDIRECT) {
      size_t s = q->kind == PX_QUOTE_INDIRECT ? q->cstart : q->start;
      size_t e = q->kind == PX_QUOTE_INDIRECT ? q->cend : q->end;
      /* an embedded post's words have no marks of their own to take off */
      if (q->kind != PX_QUOTE_INDIRECT && !(q->flags & PX__QS_POST)) inner(tx->body, &s, &e);
      qs->text[i] = (px_str){tx->body + s, e - s};
    } else {
      px__buf b;
      px__buf_init(&b, 1 << 20);
      for (size_t k = 0; k < q->nspans; k++) {
        const px__qrange *r = &qs->q.span[q->span_first + k];
        size_t s = r->start, e = r->end;
        inner(tx->body, &s, &e);
        if (k && px__buf_append(&b, " ... ", 5)) break;
        if (px__buf_append(&b, tx->body + s, e - s)) break;
      }
      char *t = px__arena_strndup(&qs->arena, b.ptr ? b.ptr : "", b.len);
      size_t len = b.len;
      px__buf_release(&b);
      if (!t) goto fail;
      qs->text[i] = (px_str){t, len};
    }
    qs->name[i] = qs->key[i] = (px_str){"", 0};
    if (q->entity >= 0 && (size_t)q->entity < ents->nent) {
      const px__entity *en = &ents->ent[q->entity];
      qs->name[i] = (px_str){en->name, en->name_len};
      qs->key[i] = (px_str){en->key, en->key_len};
    } else if (q->spk_end > q->spk_start) {
      /* the words a relative pronoun stands for ("union leaders, who
       * said") name the speaker better than "who" */
      size_t a = q->spk_start, b = q->spk_end;
      if (q->name_end > q->name_start) a = q->name_start, b = q->name_end;
      qs->name[i] = (px_str){tx->body + a, b - a};
      char *f;
      size_t fn;
      if (px__fold(tx->body + a, b - a, &qs->arena, &f, &fn, NULL)) goto fail;
      qs->key[i] = (px_str){f, fn};
    }
  }
  *out = qs;
  return PX_OK;
fail:
  px_quotes_free(qs);
  return rc;
}

void px_quotes_free(px_quotes *qs) {
  if (!qs) return;
  px__arena_release(&qs->arena);
  free(qs);
}

const px__quotes *px__quotes_raw(const px_quotes *qs) { return qs ? &qs->q : NULL; }

size_t px_quotes_count(const px_quotes *qs) { return qs ? qs->q.nq : 0; }

int px_quotes_get(const px_quotes *qs, size_t i, px_quote *out) {
  if (!qs || !out || i >= qs->q.nq) return PX_EINVAL;
  const px__quote *q = &qs->q.q[i];
  const char *body = px__doc_text(qs->doc)->body;
  memset(out, 0, sizeof *out);
  out->kind = (px_quote_kind)q->kind;
  out->start = q->kind == PX_QUOTE_INDIRECT ? q->cstart : q->start;
  out->end = q->kind == PX_QUOTE_INDIRECT ? q->cend : q->end;
  out->nspans = q->nspans;
  out->content_start = q->cstart;
  out->content_end = q->cend;
  out->text = qs->text[i];
  out->cue_start = q->cue_start;
  out->cue_end = q->cue_end;
  out->cue = (px_str){body + q->cue_start, q->cue_end - q->cue_start};
  out->has_speaker = q->spk_end > q->spk_start;
  out->speaker_start = q->spk_start;
  out->speaker_end = q->spk_end;
  out->speaker_entity = q->entity;
  out->speaker_name = qs->name[i];
  out->speaker_key = qs->key[i];
  return PX_OK;
}

int px_quotes_span(const px_quotes *qs, size_t i, size_t j, size_t *start, size_t *end) {
  if (!qs || i >= qs->q.nq || j >= qs->q.q[i].nspans) return PX_EINVAL;
  const px__qrange *r = &qs->q.span[qs->q.q[i].span_first + j];
  if (start) *start = r->start;
  if (end) *end = r->end;
  return PX_OK;
}
