/*
 * json.c - the comparison as one JSON document, described by
 * docs/schema/compare.schema.json.  Offsets are UTF-8 byte offsets into
 * each article's stored body; "article" fields are indexes into "articles".
 */
#include "report/report.h"

#include <math.h>
#include <string.h>

static void key(px__w *w, const char *k, bool first) {
  if (!first) px__w_raw(w, ",", 1);
  px__w_json(w, k, strlen(k));
  px__w_raw(w, ":", 1);
}

static void jstr(px__w *w, px_str s) { px__w_json(w, s.ptr, s.len); }

static void jnum(px__w *w, double v) {
  if (!isfinite(v)) {
    px__w_puts(w, "null");
    return;
  }
  /* the range test comes first: converting a double beyond long long's
   * range is undefined */
  if (fabs(v) < 1e15 && v == trunc(v))
    px__w_printf(w, "%lld", (long long)v);
  else
    px__w_printf(w, "%.6g", v);
}

static void outlets_of(const px_comparison *c, px__w *w, const uint32_t *arts, size_t n,
                       size_t stride) {
  /* Distinct outlet names of the given articles, in order of first appearance. */
  px__w_raw(w, "[", 1);
  bool first = true;
  for (size_t i = 0; i < n; i++) {
    uint32_t o = c->art[arts[i * stride]].outlet;
    bool dup = false;
    for (size_t j = 0; j < i && !dup; j++) dup = c->art[arts[j * stride]].outlet == o;
    if (dup) continue;
    if (!first) px__w_raw(w, ",", 1);
    first = false;
    jstr(w, c->outlet[o]);
  }
  px__w_raw(w, "]", 1);
}

void px__report_json(const px_comparison *c, px__w *w) {
  char tb[40];
  px__brief br;
  if (px__brief_make(c, 5, &br)) {
    w->err = PX_ENOMEM;
    return;
  }
  /* the brief's story first: headline article, dates, core facts, the
   * sentences each article alone adds (the same picks as the text brief) */
  px__w_printf(w, "{\"version\":1,\"story\":{\"headline\":");
  jstr(w, c->art[br.lead].title);
  px__w_printf(w, ",\"lead_article\":%u,\"first_published\":", br.lead);
  if (br.has_time) {
    px__fmt_time(br.t_first, true, tb, sizeof tb);
    px__w_json(w, tb, strlen(tb));
    px__w_puts(w, ",\"last_published\":");
    px__fmt_time(br.t_last, true, tb, sizeof tb);
    px__w_json(w, tb, strlen(tb));
  } else {
    px__w_puts(w, "null,\"last_published\":null");
  }
  px__w_puts(w, ",\"core_facts\":[");
  for (size_t k = 0; k < br.ncore; k++) px__w_printf(w, "%s%u", k ? "," : "", br.core[k]);
  /* how many outlets tell each core fact alike */
  px__w_puts(w, "],\"core_outlets\":[");
  for (size_t k = 0; k < br.ncore; k++) px__w_printf(w, "%s%u", k ? "," : "", c->fact[br.core[k]].sure);
  /* who says each core fact shown by a bare quotation ("" otherwise) */
  px__w_puts(w, "],\"core_speakers\":[");
  for (size_t k = 0; k < br.ncore; k++) {
    px_str who = px__brief_core_speaker(c, &br, k);
    if (k) px__w_puts(w, ",");
    px__w_json(w, who.ptr, who.len);
  }
  px__w_puts(w, "],\"alone\":[");
  bool firsta = true;
  for (size_t i = 0; i < c->nart; i++)
    for (uint32_t k = 0; k < br.nalone[i]; k++) {
      px__w_printf(w, "%s{\"article\":%zu,\"sentence\":%u}", firsta ? "" : ",", i, br.alone[i * br.top + k]);
      firsta = false;
    }
  px__w_puts(w, "]},\"articles\":[");
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    if (i) px__w_raw(w, ",", 1);
    px__w_printf(w, "\n{\"id\":%zu", i);
    key(w, "external_id", false);
    jstr(w, a->id);
    if (a->store_id) px__w_printf(w, ",\"store_id\":%lld", (long long)a->store_id);
    key(w, "source", false);
    jstr(w, a->source);
    key(w, "outlet", false);
    jstr(w, a->label);
    key(w, "title", false);
    jstr(w, a->title);
    key(w, "url", false);
    jstr(w, px__art_url(c, (uint32_t)i));
    key(w, "dateline", false);
    if (a->place.len) {
      px__w_puts(w, "{\"place\":");
      jstr(w, a->place);
      px__w_puts(w, ",\"agency\":");
      jstr(w, a->agency);
      px__w_puts(w, "}");
    } else {
      px__w_puts(w, "null");
    }
    key(w, "published", false);
    if (a->has_time) {
      px__fmt_time(a->published, true, tb, sizeof tb);
      px__w_json(w, tb, strlen(tb));
    } else {
      px__w_puts(w, "null");
    }
    px__w_printf(w, ",\"bytes\":%zu,\"sentences\":%u,\"facts\":%u,\"unique_facts\":%u",
                 px_doc_body(a->doc).len, a->nsent, a->nfacts, a->nunique);
    key(w, "wire_share", false);
    if (a->wire_share >= 0) jnum(w, a->wire_share);
    else px__w_puts(w, "null");
    key(w, "wire_source", false);
    if (a->wire_source >= 0) px__w_printf(w, "%ld", a->wire_source);
    else px__w_puts(w, "null");
    key(w, "copy_of", false);
    if (a->dup_of >= 0) px__w_printf(w, "%ld", a->dup_of);
    else px__w_puts(w, "null");
    key(w, "flags", false);
    px__w_raw(w, "[", 1);
    static const char *const fl[] = {"empty", "no_sentences", "other_language", "exact_copy",
                                     "near_copy"};
    bool first = true;
    for (int b = 0; b < 5; b++)
      if (a->flags & (1u << b)) {
        if (!first) px__w_raw(w, ",", 1);
        first = false;
        px__w_json(w, fl[b], strlen(fl[b]));
      }
    px__w_puts(w, "]}");
  }
  px__w_puts(w, "],\n\"outlets\":[");
  for (size_t i = 0; i < c->noutlet; i++) {
    if (i) px__w_raw(w, ",", 1);
    jstr(w, c->outlet[i]);
  }
  px__w_puts(w, "],\n\"facts\":[");
  for (size_t f = 0; f < c->nfact; f++) {
    const px__cfact *fa = &c->fact[f];
    if (f) px__w_raw(w, ",", 1);
    px__w_printf(w, "\n{\"id\":%zu,\"shared\":%s,\"outlets\":", f, fa->noutlets > 1 ? "true" : "false");
    outlets_of(c, w, &c->mem[fa->first].art, fa->count, sizeof(px__cmember) / sizeof(uint32_t));
    px__w_puts(w, ",\"articles\":[");
    for (uint32_t j = fa->first, k = 0; j < fa->first + fa->count; j++) {
      if (j > fa->first && c->mem[j].art == c->mem[j - 1].art) continue;
      px__w_printf(w, "%s%u", k++ ? "," : "", c->mem[j].art);
    }
    px__w_puts(w, "],\"first_report\":");
    if (fa->earliest != UINT32_MAX) {
      const px__cmember *m = &c->mem[fa->earliest];
      px__fmt_time(c->art[m->art].published, true, tb, sizeof tb);
      px__w_printf(w, "{\"article\":%u,\"published\":\"%s\"}", m->art, tb);
    } else {
      px__w_puts(w, "null");
    }
    px__w_puts(w, ",\"score\":");
    jnum(w, round(fa->score * 1000) / 1000);
    if (fa->furniture) px__w_puts(w, ",\"furniture\":true");
    px__w_printf(w, ",\"lead_member\":%u", px__brief_member(c, &br, (uint32_t)f) - fa->first);
    px__w_puts(w, ",\"members\":[");
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) {
      const px__cmember *m = &c->mem[j];
      if (j > fa->first) px__w_raw(w, ",", 1);
      px__w_printf(w, "{\"article\":%u,\"sentence\":%u,\"start\":%u,\"end\":%u,\"text\":", m->art,
                   m->sent, m->start, m->end);
      jstr(w, px__span(c, m->art, m->start, m->end));
      if (m->flags & PX__CM_ALIKE) px__w_puts(w, ",\"alike\":true");
      px__w_raw(w, "}", 1);
    }
    px__w_puts(w, "]}");
  }
  px__brief_release(&br);
  px__w_puts(w, "],\n\"quotes\":[");
  for (size_t q = 0; q < c->nquote; q++) {
    const px__cquote *cq = &c->quote[q];
    if (q) px__w_raw(w, ",", 1);
    px__w_printf(w, "\n{\"id\":%zu,\"speaker\":{\"name\":", q);
    if (cq->name.len) jstr(w, cq->name);
    else px__w_puts(w, "null");
    px__w_puts(w, ",\"key\":");
    if (cq->key.len) jstr(w, cq->key);
    else px__w_puts(w, "null");
    px__w_puts(w, "},\"outlets\":");
    outlets_of(c, w, &c->qmem[cq->first].art, cq->count, sizeof(px__cqmember) / sizeof(uint32_t));
    px__w_puts(w, ",\"members\":[");
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      if (j > cq->first) px__w_raw(w, ",", 1);
      px__w_printf(w, "{\"article\":%u,\"start\":%u,\"end\":%u,\"text\":", m->art, m->start, m->end);
      px_str raw = px__span(c, m->art, m->start, m->end), shown = px__quote_text(w, c, m);
      jstr(w, raw);
      if (shown.ptr != raw.ptr) {
        px__w_puts(w, ",\"quoted\":");
        jstr(w, shown);
      }
      px__w_puts(w, ",\"speaker\":");
      if (m->speaker.len) jstr(w, m->speaker);
      else px__w_puts(w, "null");
      px__w_puts(w, ",\"speaker_key\":");
      if (m->key.len) jstr(w, m->key);
      else px__w_puts(w, "null");
      px__w_printf(w, ",\"kind\":\"%s\",\"similarity\":", px__qkind_name(m));
      jnum(w, round(m->sim * 1000) / 1000);
      px__w_printf(w, ",\"times\":%u}", m->times ? m->times : 1u);
    }
    px__w_puts(w, "]}");
  }
  px__w_puts(w, "],\n\"attribution_conflicts\":[");
  for (size_t k = 0; k < c->nqconf; k++) {
    px__w_puts(w, k ? ",[" : "[");
    for (int e = 0; e < 2; e++) {
      const px__cqmember *m = &c->qmem[c->qconf[2 * k + e]];
      px__w_printf(w, "%s{\"article\":%u,\"start\":%u,\"end\":%u,\"text\":", e ? "," : "", m->art, m->start, m->end);
      px_str raw = px__span(c, m->art, m->start, m->end), shown = px__quote_text(w, c, m);
      jstr(w, raw);
      if (shown.ptr != raw.ptr) {
        px__w_puts(w, ",\"quoted\":");
        jstr(w, shown);
      }
      px__w_puts(w, ",\"speaker\":");
      jstr(w, m->speaker);
      px__w_puts(w, "}");
    }
    px__w_puts(w, "]");
  }
  px__w_puts(w, "],\n\"entities\":[");
  for (size_t e = 0; e < c->nent; e++) {
    const px__centity *ce = &c->ent[e];
    if (e) px__w_raw(w, ",", 1);
    px__w_puts(w, "\n{\"key\":");
    jstr(w, ce->key);
    px__w_puts(w, ",\"name\":");
    jstr(w, ce->name);
    px__w_printf(w, ",\"type\":\"%s\",\"mentions\":%u,\"variants\":[",
                 px_entity_type_name((px_entity_type)ce->type), ce->mentions);
    for (uint32_t v = 0; v < ce->nvar; v++) {
      if (v) px__w_raw(w, ",", 1);
      jstr(w, c->var[ce->var_first + v]);
    }
    px__w_puts(w, "],\"outlets\":");
    outlets_of(c, w, &c->eart[ce->art_first], ce->nart, 1);
    px__w_puts(w, ",\"articles\":[");
    for (uint32_t k = 0; k < ce->nart; k++) px__w_printf(w, "%s%u", k ? "," : "", c->eart[ce->art_first + k]);
    px__w_puts(w, "]}");
  }
  px__w_puts(w, "],\n\"discrepancies\":[");
  for (size_t d = 0; d < c->ndisc; d++) {
    const px__cdisc *cd = &c->disc[d];
    if (d) px__w_raw(w, ",", 1);
    px__w_printf(w, "\n{\"fact\":%u,\"unit\":", cd->fact);
    jstr(w, cd->unit);
    px__w_puts(w, ",\"values\":[");
    for (uint32_t j = cd->first; j < cd->first + cd->count; j++) {
      const px__cdval *v = &c->dval[j];
      if (j > cd->first) px__w_raw(w, ",", 1);
      px__w_printf(w, "{\"article\":%u,\"sentence\":%u,\"start\":%u,\"end\":%u,\"text\":", v->art,
                   v->sent, v->start, v->end);
      jstr(w, px__span(c, v->art, v->start, v->end));
      px__w_puts(w, ",\"value\":");
      jnum(w, v->value);
      px__w_raw(w, "}", 1);
    }
    px__w_puts(w, "]}");
  }
  px__w_puts(w, "],\n\"warnings\":[");
  for (size_t i = 0; i < c->nwarn; i++) {
    if (i) px__w_raw(w, ",", 1);
    jstr(w, c->warn[i]);
  }
  size_t nsent = 0;
  for (size_t i = 0; i < c->nart; i++) nsent += c->art[i].nsent;
  px__w_printf(w,
               "],\n\"stats\":{\"sentences\":%zu,\"facts\":%zu,\"shared_facts\":%zu,"
               "\"pairs_scored\":%llu,\"links\":%zu,\"threshold\":",
               nsent, c->nfact, c->nshared, (unsigned long long)c->pairs_scored, c->links);
  jnum(w, c->threshold);
  px__w_puts(w, "}}\n");
}
