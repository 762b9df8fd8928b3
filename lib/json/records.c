/*
 * records.c - one serializer per record type (docs/schema/NAME.schema.json).
 *
 * One vocabulary everywhere: "id" is parallax's id of the record (null when
 * the record is not stored), "ext_id" the input's own id (null when it had
 * none), "source" the outlet; a link to another record is named after what
 * it points to ("article", "story", "dup_of", "wire_source") and holds that
 * record's id.  Every member is always written (null when unknown), so the
 * CSV columns of a record type never change.
 */
#include "align/compare.h"
#include "common/px_common.h"

#include <string.h>

static void key_str(px_json *j, const char *k, px_str s) {
  px_json_key(j, k);
  px_json_pstr(j, s);
}
static void key_opt(px_json *j, const char *k, px_str s) {
  px_json_key(j, k);
  px_json_str_or_null(j, s);
}
static void key_int(px_json *j, const char *k, int64_t v) {
  px_json_key(j, k);
  px_json_int(j, v);
}
static void key_id(px_json *j, const char *k, int64_t v) { /* an id, null when 0 or less */
  px_json_key(j, k);
  if (v > 0) px_json_int(j, v);
  else px_json_null(j);
}
static void key_time(px_json *j, const char *k, int64_t t, int has) {
  px_json_key(j, k);
  px_json_time(j, t, has);
}
static void key_bool(px_json *j, const char *k, int v) {
  px_json_key(j, k);
  px_json_bool(j, v);
}
static void key_num(px_json *j, const char *k, double v, int decimals) {
  px_json_key(j, k);
  px_json_num(j, v, decimals);
}
static void end(px_json *j, unsigned flags) {
  if (!(flags & PX_JSON_OPEN)) px_json_object_end(j);
}

int px_json_article(px_json *j, const px_article *a, unsigned flags) {
  if (!j || !a) return PX_EINVAL;
  int has;
  int64_t t = px_article_published(a, &has);
  px_json_object(j);
  key_id(j, "id", px_article_id(a));
  key_opt(j, "ext_id", px_article_get(a, PX_F_ID));
  key_str(j, "source", px_article_get(a, PX_F_SOURCE));
  key_str(j, "title", px_article_get(a, PX_F_TITLE));
  key_str(j, "url", px_article_get(a, PX_F_URL));
  key_str(j, "byline", px_article_get(a, PX_F_BYLINE));
  key_str(j, "language", px_article_get(a, PX_F_LANGUAGE));
  key_time(j, "published", t, has);
  key_str(j, "origin", px_article_get(a, PX_F_ORIGIN));
  px_json_key(j, "meta");
  px_str meta = px_article_get(a, PX_F_META);
  if (meta.len) px_json_raw(j, meta.ptr, meta.len);
  else px_json_null(j);
  if (flags & PX_JSON_BODY) key_str(j, "body", px_article_get(a, PX_F_BODY));
  end(j, flags);
  return px_json_status(j);
}

int px_json_story(px_json *j, const px_story_info *s, unsigned flags) {
  if (!j || !s) return PX_EINVAL;
  px_json_object(j);
  key_id(j, "id", s->id);
  key_str(j, "headline", s->headline);
  key_time(j, "first", s->first, s->has_time);
  key_time(j, "last", s->last, s->has_time);
  key_int(j, "articles", s->articles);
  key_int(j, "outlets", s->outlets);
  key_int(j, "duplicates", s->duplicates);
  key_id(j, "thread", s->thread);
  end(j, flags);
  return px_json_status(j);
}

int px_json_story_member(px_json *j, int64_t story, const px_story_member *m, unsigned flags) {
  if (!j || !m || !m->art) return PX_EINVAL;
  const px_article *a = m->art;
  int has;
  int64_t t = px_article_published(a, &has);
  px_json_object(j);
  key_id(j, "id", px_article_id(a));
  key_opt(j, "ext_id", px_article_get(a, PX_F_ID));
  key_id(j, "story", story);
  key_str(j, "source", px_article_get(a, PX_F_SOURCE));
  key_str(j, "title", px_article_get(a, PX_F_TITLE));
  key_str(j, "url", px_article_get(a, PX_F_URL));
  key_time(j, "published", t, has);
  key_id(j, "dup_of", m->dup_of);
  key_bool(j, "dup_exact", m->dup_of > 0 && m->dup_exact);
  key_num(j, "wire_share", m->wire_share, 3);
  key_id(j, "wire_source", m->wire_source);
  px_json_key(j, "wire_outlet");
  if (m->wire_source > 0) px_json_pstr(j, m->wire_outlet);
  else px_json_null(j);
  key_bool(j, "undated", (m->flags & PX_SF_UNDATED) != 0);
  key_bool(j, "bad_date", (m->flags & PX_SF_BAD_DATE) != 0);
  key_bool(j, "boilerplate", (m->flags & PX_SF_BOILERPLATE) != 0);
  key_bool(j, "date_from_text", (m->flags & PX_SF_DATE_FROM_TEXT) != 0);
  key_bool(j, "unplaced", (m->flags & PX_SF_UNPLACED) != 0);
  end(j, flags);
  return px_json_status(j);
}

int px_json_search_hit(px_json *j, const px_search_hit *h, unsigned flags) {
  if (!j || !h) return PX_EINVAL;
  px_json_object(j);
  key_id(j, "id", h->id);
  key_opt(j, "ext_id", h->ext_id);
  key_str(j, "source", h->source);
  key_str(j, "title", h->title);
  key_str(j, "url", h->url);
  key_time(j, "published", h->published, h->has_time);
  key_num(j, "score", h->score, 4);
  key_str(j, "snippet", h->snippet);
  end(j, flags);
  return px_json_status(j);
}

/* The members a stored quote and an extracted one share, in one order. */
static void quote_common(px_json *j, px_quote_kind kind, px_str text, px_str cue, size_t start,
                         size_t end_, int has_speaker, px_str name, px_str key) {
  key_str(j, "kind", (px_str){px_quote_kind_name(kind), strlen(px_quote_kind_name(kind))});
  key_str(j, "text", text);
  key_opt(j, "cue", cue);
  key_int(j, "start", (int64_t)start);
  key_int(j, "end", (int64_t)end_);
  px_json_key(j, "speaker");
  if (has_speaker && name.len) px_json_pstr(j, name);
  else px_json_null(j);
  px_json_key(j, "speaker_key");
  if (has_speaker && key.len) px_json_pstr(j, key);
  else px_json_null(j);
}

int px_json_stored_quote(px_json *j, const px_stored_quote *q, unsigned flags) {
  if (!j || !q) return PX_EINVAL;
  px_json_object(j);
  key_id(j, "id", q->id);
  key_id(j, "article", q->article);
  key_opt(j, "ext_id", q->ext_id);
  key_str(j, "source", q->source);
  key_str(j, "title", q->title);
  key_time(j, "published", q->published, q->has_time);
  quote_common(j, q->kind, q->text, q->cue, q->start, q->end, q->speaker_key.len > 0,
               q->speaker_name, q->speaker_key);
  end(j, flags);
  return px_json_status(j);
}

int px_json_doc_quote(px_json *j, const px_quotes *qs, size_t i, const px_doc *doc,
                      unsigned flags) {
  px_quote q;
  if (!j || !qs || !doc || px_quotes_get(qs, i, &q) != PX_OK) return PX_EINVAL;
  px_str body = px_doc_body(doc);
  px_json_object(j);
  key_int(j, "index", (int64_t)i);
  quote_common(j, q.kind, q.text, q.cue, q.start, q.end, q.has_speaker, q.speaker_name,
               q.speaker_key);
  px_json_key(j, "spans");
  px_json_array(j);
  for (size_t k = 0; k < q.nspans; k++) {
    size_t s, e;
    if (px_quotes_span(qs, i, k, &s, &e)) break;
    px_json_array(j);
    px_json_int(j, (int64_t)s);
    px_json_int(j, (int64_t)e);
    px_json_array_end(j);
  }
  px_json_array_end(j);
  key_int(j, "content_start", (int64_t)q.content_start);
  key_int(j, "content_end", (int64_t)q.content_end);
  px_json_key(j, "cue_start");
  if (q.cue.len) px_json_int(j, (int64_t)q.cue_start);
  else px_json_null(j);
  px_json_key(j, "cue_end");
  if (q.cue.len) px_json_int(j, (int64_t)q.cue_end);
  else px_json_null(j);
  px_json_key(j, "speaker_text");
  if (q.has_speaker && q.speaker_end <= body.len && q.speaker_start <= q.speaker_end)
    px_json_str(j, body.ptr + q.speaker_start, q.speaker_end - q.speaker_start);
  else px_json_null(j);
  px_json_key(j, "speaker_start");
  if (q.has_speaker) px_json_int(j, (int64_t)q.speaker_start);
  else px_json_null(j);
  px_json_key(j, "speaker_end");
  if (q.has_speaker) px_json_int(j, (int64_t)q.speaker_end);
  else px_json_null(j);
  px_json_key(j, "speaker_entity");
  if (q.has_speaker && q.speaker_entity >= 0) px_json_int(j, q.speaker_entity);
  else px_json_null(j);
  end(j, flags);
  return px_json_status(j);
}

int px_json_stored_entity(px_json *j, const px_stored_entity *e, unsigned flags) {
  if (!j || !e) return PX_EINVAL;
  px_json_object(j);
  key_str(j, "key", e->key);
  key_str(j, "name", e->name);
  key_str(j, "type", e->type);
  key_int(j, "articles", e->articles);
  key_int(j, "outlets", e->outlets);
  key_int(j, "mentions", e->mentions);
  end(j, flags);
  return px_json_status(j);
}

int px_json_doc_entity(px_json *j, const px_doc *d, size_t i, unsigned flags) {
  px_str name, key;
  px_entity_type type;
  size_t nm;
  if (!j || !d || px_doc_entity(d, i, &name, &key, &type, &nm) != PX_OK) return PX_EINVAL;
  px_str body = px_doc_body(d);
  px_json_object(j);
  key_int(j, "index", (int64_t)i);
  key_str(j, "key", key);
  key_str(j, "name", name);
  const char *tn = px_entity_type_name(type);
  key_str(j, "type", (px_str){tn, strlen(tn)});
  key_int(j, "mentions", (int64_t)nm);
  px_json_key(j, "spans");
  px_json_array(j);
  for (size_t k = 0; k < nm; k++) {
    size_t s, e;
    px_mention_kind mk;
    if (px_doc_mention(d, i, k, &s, &e, &mk)) break;
    px_json_object(j);
    key_int(j, "start", (int64_t)s);
    key_int(j, "end", (int64_t)e);
    key_str(j, "text", (px_str){body.ptr + s, e - s});
    const char *kn = px_mention_kind_name(mk);
    key_str(j, "kind", (px_str){kn, strlen(kn)});
    px_json_object_end(j);
  }
  px_json_array_end(j);
  end(j, flags);
  return px_json_status(j);
}

int px_json_remark(px_json *j, const px_quote_groups *g, size_t remark, px_str speaker,
                   const size_t *items, size_t n, px_article_ref_fn ref, void *user,
                   unsigned flags) {
  if (!j || !g || (n && !items)) return PX_EINVAL;
  px_json_object(j);
  key_int(j, "remark", (int64_t)remark);
  key_opt(j, "speaker", speaker);
  key_int(j, "quotes", (int64_t)n);
  px_json_key(j, "variants");
  px_json_array(j);
  for (size_t k = 0; k < n; k++) {
    px_quote_item it;
    if (px_quote_groups_item(g, items[k], &it) != PX_OK) continue;
    px_article_ref r = {0};
    if (ref) ref(user, it.tag, &r);
    px_json_object(j);
    key_id(j, "article", r.id);
    key_opt(j, "ext_id", r.ext_id);
    key_str(j, "source", r.source);
    key_str(j, "title", r.title);
    key_time(j, "published", r.published, r.has_time);
    key_opt(j, "origin", r.origin);
    const char *kn = px_quote_kind_name(it.kind);
    key_str(j, "kind", (px_str){kn, strlen(kn)});
    key_str(j, "text", it.text);
    key_opt(j, "speaker", it.speaker);
    key_num(j, "similarity", it.similarity, 3);
    px_json_object_end(j);
  }
  px_json_array_end(j);
  end(j, flags);
  return px_json_status(j);
}

/* A member of a comparison: its position among the compared articles
 * ("index"), its store id ("article", null when it was read from a file),
 * its own id and outlet. */
static void cmp_article(px_json *j, const px_comparison *c, uint32_t art) {
  const px__cart *a = &c->art[art];
  key_int(j, "index", art);
  key_id(j, "article", a->store_id);
  key_opt(j, "ext_id", a->art ? px_article_get(a->art, PX_F_ID) : (px_str){"", 0});
  key_str(j, "source", a->source);
}

int px_json_fact(px_json *j, const px_comparison *c, size_t i, unsigned flags) {
  if (!j || !c || i >= c->nfact) return PX_EINVAL;
  const px__cfact *f = &c->fact[i];
  px_json_object(j);
  key_int(j, "fact", (int64_t)i);
  key_int(j, "outlets", f->noutlets);
  key_int(j, "articles", f->narts);
  key_num(j, "score", f->score, 3);
  px_json_key(j, "members");
  px_json_array(j);
  for (uint32_t k = 0; k < f->count; k++) {
    const px__cmember *m = &c->mem[f->first + k];
    px_str body = px_comparison_body(c, m->art);
    px_json_object(j);
    cmp_article(j, c, m->art);
    key_int(j, "start", m->start);
    key_int(j, "end", m->end);
    px_json_key(j, "text");
    if (m->end <= body.len && m->start <= m->end) px_json_str(j, body.ptr + m->start, m->end - m->start);
    else px_json_null(j);
    key_bool(j, "first_report", f->earliest == f->first + k);
    px_json_object_end(j);
  }
  px_json_array_end(j);
  end(j, flags);
  return px_json_status(j);
}

int px_json_dispute(px_json *j, const px_comparison *c, size_t i, unsigned flags) {
  if (!j || !c || i >= c->ndisc) return PX_EINVAL;
  const px__cdisc *d = &c->disc[i];
  px_json_object(j);
  key_int(j, "dispute", (int64_t)i);
  key_int(j, "fact", d->fact);
  key_str(j, "unit", d->unit);
  px_json_key(j, "values");
  px_json_array(j);
  for (uint32_t k = 0; k < d->count; k++) {
    const px__cdval *v = &c->dval[d->first + k];
    px_str body = px_comparison_body(c, v->art);
    px_json_object(j);
    cmp_article(j, c, v->art);
    key_num(j, "value", v->value, 6);
    key_int(j, "start", v->start);
    key_int(j, "end", v->end);
    px_json_key(j, "text");
    if (v->end <= body.len && v->start <= v->end) px_json_str(j, body.ptr + v->start, v->end - v->start);
    else px_json_null(j);
    px_json_object_end(j);
  }
  px_json_array_end(j);
  end(j, flags);
  return px_json_status(j);
}

int px_json_ingest_stats(px_json *j, const px_ingest_stats *s, unsigned flags) {
  if (!j || !s) return PX_EINVAL;
  px_json_object(j);
  key_int(j, "read", (int64_t)s->read);
  key_int(j, "stored", (int64_t)s->stored);
  key_int(j, "duplicates", (int64_t)s->duplicates);
  key_int(j, "rejected", (int64_t)s->rejected);
  key_int(j, "repaired", (int64_t)s->repaired);
  key_int(j, "not_analyzed", (int64_t)s->not_analyzed);
  key_int(j, "not_english", (int64_t)s->not_english);
  key_int(j, "clustered", s->clustered);
  key_int(j, "batches", (int64_t)s->batches);
  key_int(j, "reanalyzed", (int64_t)s->reanalyzed);
  key_num(j, "seconds", s->seconds, 3);
  px_json_key(j, "stages");
  px_json_object(j);
  for (int k = 0; k < PX_STAGE_COUNT; k++) key_num(j, px_ingest_stage_name(k), s->wall[k], 3);
  px_json_object_end(j);
  if (flags & PX_JSON_TIMINGS) {
    px_json_key(j, "stages_cpu");
    px_json_object(j);
    for (int k = 0; k < PX_STAGE_COUNT; k++) key_num(j, px_ingest_stage_name(k), s->cpu[k], 3);
    px_json_object_end(j);
  }
  end(j, flags);
  return px_json_status(j);
}

int px_json_store_counts(px_json *j, const px_store_counts *k, unsigned flags) {
  if (!j || !k) return PX_EINVAL;
  bool dated = k->articles > k->undated;
  px_json_object(j);
  key_int(j, "schema_version", k->schema_version);
  key_int(j, "articles", k->articles);
  key_int(j, "outlets", k->sources);
  key_int(j, "undated", k->undated);
  key_int(j, "stories", k->stories);
  key_int(j, "quotes", k->quotes);
  key_int(j, "entities", k->entities);
  key_int(j, "body_bytes", k->body_bytes);
  key_int(j, "file_bytes", k->file_bytes);
  key_time(j, "first", k->first, dated);
  key_time(j, "last", k->last, dated);
  end(j, flags);
  return px_json_status(j);
}
