/* doc.c - the analysis handle: px_analyzer and px_doc.
 *
 * px_analyze copies the body into the doc's own arena, runs the text
 * analysis (sentences, tokens, dateline) and the entity pass over it, and
 * hands the doc to the caller.  Everything a doc holds is in that arena, so
 * px_doc_free is one release.
 */
#include "entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct px_analyzer {
  px_ctx *ctx;
  px__textan *ta;
  px__entan *ea;
  px_langid *li; /* the analyzer's own language identifier, made on first use */
  bool li_failed; /* the language profiles are missing: languages stay unknown */
};

int px_analyzer_new(px_ctx *ctx, px_analyzer **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  if (!ctx) return PX_EINVAL;
  px_analyzer *an = calloc(1, sizeof *an);
  if (!an) return px__ctx_fail(ctx, PX_ENOMEM, "out of memory creating the analyzer");
  an->ctx = ctx;
  int rc = px__textan_new(&an->ta);
  if (rc == PX_OK) rc = px__entan_new(&an->ea);
  if (rc != PX_OK) {
    px_analyzer_free(an);
    return px__ctx_fail(ctx, rc, "cannot create the analyzer: %s", px_strerror(rc));
  }
  *out = an;
  return PX_OK;
}

void px_analyzer_free(px_analyzer *an) {
  if (!an) return;
  px__textan_free(an->ta);
  px__entan_free(an->ea);
  px_langid_free(an->li);
  free(an);
}

static int analyze(px_analyzer *an, const char *text, size_t len, const char *lang, px_doc **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  if (!an || (!text && len)) return PX_EINVAL;
  if (len > an->ctx->limit_body || len >= UINT32_MAX)
    return px__ctx_fail(an->ctx, PX_ETOOBIG, "body of %zu bytes is over the limit", len);
  px_doc *d = calloc(1, sizeof *d);
  if (!d) return PX_ENOMEM;
  /* One block sized for the body and its usual analysis: news takes about
   * ten bytes a byte of body (53 KB for the 5 KB of an average AllSides
   * article).  An analysis held a while (a pipeline's ring holds hundreds)
   * keeps no more than it needs: a block of at least 64 KB took 86 KB an
   * article where 53 were used. */
  px__arena_init(&d->arena, len * 12 + 8192);
  int rc = PX_ENOMEM;
  d->body = px__arena_strndup(&d->arena, text ? text : "", len);
  if (!d->body) goto fail;
  d->len = len;
  if ((rc = px__text_analyze(an->ta, d->body, len, &d->arena, &d->text))) goto fail;
  snprintf(d->lang, sizeof d->lang, "%s", lang ? lang : "");
  if (px_lang_is_english(d->lang, strlen(d->lang)) &&
      (rc = px__entities_find(an->ea, &d->text, &d->arena, &d->ents)))
    goto fail;
  *out = d;
  return PX_OK;
fail:
  px_doc_free(d);
  return px__ctx_fail(an->ctx, rc, "analysis failed: %s", px_strerror(rc));
}

int px_analyze_text(px_analyzer *an, const char *text, size_t len, px_doc **out) {
  return analyze(an, text, len, NULL, out);
}

/* Analysis of art; when it has no language, identified here unless
 * identify is false (the caller identified it already: unknown). */
static int analyze_article(px_analyzer *an, const px_article *art, bool identify, px_doc **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  if (!an || !art) return PX_EINVAL;
  px_str body = px_article_get(art, PX_F_BODY);
  px_str given = px_article_get(art, PX_F_LANGUAGE);
  char lang[8] = "";
  if (given.len) {
    /* "de-AT", "de_DE" -> "de"; "English" -> "en" */
    size_t k = 0;
    while (k < given.len && k < 7 && given.ptr[k] != '-' && given.ptr[k] != '_') {
      lang[k] = (char)(given.ptr[k] | 0x20);
      k++;
    }
    lang[k] = '\0';
    if (px_lang_is_english(given.ptr, given.len)) strcpy(lang, "en");
  } else if (identify && !an->li_failed) {
    /* the profiles are shared by the process; the handle is the analyzer's */
    if (!an->li && px_langid_new(NULL, &an->li) != PX_OK) an->li_failed = true;
    if (an->li) px_langid_article(an->li, art, lang); /* "" when unknown */
  }
  return analyze(an, body.ptr, body.len, lang, out);
}

int px_analyze(px_analyzer *an, const px_article *art, px_doc **out) {
  return analyze_article(an, art, true, out);
}

int px__analyze_identified(px_analyzer *an, const px_article *art, px_doc **out) {
  return analyze_article(an, art, false, out);
}

px__textan *px__analyzer_textan(px_analyzer *an) { return an ? an->ta : NULL; }

px_str px_doc_language(const px_doc *d) {
  if (!d) return (px_str){"", 0};
  return (px_str){d->lang, strlen(d->lang)};
}

void px_doc_free(px_doc *d) {
  if (!d) return;
  px__arena_release(&d->arena);
  free(d);
}

px_str px_doc_body(const px_doc *d) {
  px_str s = {"", 0};
  if (d) {
    s.ptr = d->body;
    s.len = d->len;
  }
  return s;
}

size_t px_doc_sentence_count(const px_doc *d) { return d ? d->text.nsent : 0; }

int px_doc_sentence(const px_doc *d, size_t i, size_t *start, size_t *end) {
  if (!d || i >= d->text.nsent) return PX_EINVAL;
  if (start) *start = d->text.sent[i].start;
  if (end) *end = d->text.sent[i].end;
  return PX_OK;
}

size_t px_doc_sentence_at(const px_doc *d, size_t off) {
  if (!d || !d->text.nsent) return (size_t)-1;
  size_t lo = 0, hi = d->text.nsent;
  while (lo < hi) { /* first sentence ending after off */
    size_t mid = lo + (hi - lo) / 2;
    if (d->text.sent[mid].end <= off) lo = mid + 1;
    else hi = mid;
  }
  if (lo < d->text.nsent && d->text.sent[lo].start <= off) return lo;
  return (size_t)-1;
}

int px_doc_dateline(const px_doc *d, px_str *place, px_str *agency) {
  px_str empty = {"", 0};
  if (place) *place = empty;
  if (agency) *agency = empty;
  if (!d) return PX_EINVAL;
  const px__dateline *dl = &d->text.dateline;
  if (!dl->found) return PX_ENOTFOUND;
  if (place && dl->place_end > dl->place_start) {
    place->ptr = d->body + dl->place_start;
    place->len = dl->place_end - dl->place_start;
  }
  if (agency && dl->agency_end > dl->agency_start) {
    agency->ptr = d->body + dl->agency_start;
    agency->len = dl->agency_end - dl->agency_start;
  }
  return PX_OK;
}

const char *px_entity_type_name(px_entity_type type) {
  switch (type) {
  case PX_ENT_PERSON: return "person";
  case PX_ENT_ORG: return "organization";
  case PX_ENT_PLACE: return "place";
  default: return "other";
  }
}

const char *px_mention_kind_name(px_mention_kind kind) {
  switch (kind) {
  case PX_MENTION_PARTIAL: return "partial";
  case PX_MENTION_ACRONYM: return "acronym";
  case PX_MENTION_ROLE: return "role";
  default: return "name";
  }
}

size_t px_doc_entity_count(const px_doc *d) { return d ? d->ents.nent : 0; }

int px_doc_entity(const px_doc *d, size_t i, px_str *name, px_str *key, px_entity_type *type,
                  size_t *mentions) {
  if (!d || i >= d->ents.nent) return PX_EINVAL;
  const px__entity *e = &d->ents.ent[i];
  if (name) {
    name->ptr = e->name;
    name->len = e->name_len;
  }
  if (key) {
    key->ptr = e->key;
    key->len = e->key_len;
  }
  if (type) *type = (px_entity_type)e->type;
  if (mentions) *mentions = e->count;
  return PX_OK;
}

int px_doc_mention(const px_doc *d, size_t i, size_t j, size_t *start, size_t *end,
                   px_mention_kind *kind) {
  if (!d || i >= d->ents.nent || j >= d->ents.ent[i].count) return PX_EINVAL;
  const px__mention *m = &d->ents.men[d->ents.ent[i].first + j];
  if (start) *start = m->start;
  if (end) *end = m->end;
  if (kind) *kind = (px_mention_kind)m->kind;
  return PX_OK;
}

long px_doc_entity_at(const px_doc *d, size_t off) {
  if (!d || !d->ents.nmen || !d->ents.by_pos) return -1;
  const px__entities *en = &d->ents;
  size_t lo = 0, hi = en->nmen; /* first mention starting after off */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (en->men[en->by_pos[mid]].start <= off) lo = mid + 1;
    else hi = mid;
  }
  /* mentions rarely nest: look back a few for one that covers off */
  for (size_t k = lo, seen = 0; k > 0 && seen < 8; k--, seen++) {
    const px__mention *m = &en->men[en->by_pos[k - 1]];
    if (off < m->end) return (long)m->entity;
  }
  return -1;
}
