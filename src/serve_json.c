/* serve_json.c - the JSON records of the server's /api/ twins: one writer
 * per record type (article, story, story member, search hit, stored quote,
 * entity), so that every page writes a record the same way.  They follow
 * the field names of `parallax export` (docs/export.md). */
#include "serve_json.h"

static void sj_time(sbuf *b, const char *key, int64_t t, int has) {
  sb_f(b, ",\"%s\":", key);
  if (!has) {
    sb_s(b, "null");
    return;
  }
  sb_s(b, "\"");
  sb_time(b, t, true);
  sb_s(b, "\"");
}

void sj_article(sbuf *b, const px_article *a, bool body) {
  int has = 0;
  int64_t t = px_article_published(a, &has);
  sb_f(b, "{\"id\":%lld,\"external_id\":", (long long)px_article_id(a));
  sb_jp(b, px_article_get(a, PX_F_ID));
  sb_s(b, ",\"outlet\":");
  sb_jp(b, px_article_get(a, PX_F_SOURCE));
  sb_s(b, ",\"title\":");
  sb_jp(b, px_article_get(a, PX_F_TITLE));
  sb_s(b, ",\"url\":");
  sb_jp(b, px_article_get(a, PX_F_URL));
  sb_s(b, ",\"byline\":");
  sb_jp(b, px_article_get(a, PX_F_BYLINE));
  sj_time(b, "published", t, has);
  if (body) {
    sb_s(b, ",\"body\":");
    sb_jp(b, px_article_get(a, PX_F_BODY));
  }
  sb_s(b, "}");
}

void sj_story(sbuf *b, const px_story_info *s) {
  sb_f(b, "{\"id\":%lld,\"headline\":", (long long)s->id);
  sb_jp(b, s->headline);
  sj_time(b, "first", s->first, s->has_time);
  sj_time(b, "last", s->last, s->has_time);
  sb_f(b, ",\"articles\":%lld,\"outlets\":%lld,\"duplicates\":%lld}", (long long)s->articles,
       (long long)s->outlets, (long long)s->duplicates);
}

void sj_member(sbuf *b, const px_story_member *m) {
  sb_s(b, "{\"article\":");
  sj_article(b, m->art, false);
  sb_f(b, ",\"copy_of\":%lld,\"exact_copy\":%s,\"wire_share\":%.3f,\"wire_source\":%lld,"
          "\"wire_outlet\":",
       (long long)m->dup_of, m->dup_exact ? "true" : "false", m->wire_share,
       (long long)m->wire_source);
  sb_jp(b, m->wire_outlet);
  sb_f(b, ",\"flags\":%u}", m->flags);
}

void sj_hit(sbuf *b, const px_search_hit *h, int64_t story) {
  sb_f(b, "{\"id\":%lld,\"outlet\":", (long long)h->id);
  sb_jp(b, h->source);
  sb_s(b, ",\"title\":");
  sb_jp(b, h->title);
  sb_s(b, ",\"url\":");
  sb_jp(b, h->url);
  sb_s(b, ",\"snippet\":");
  /* The match markers \1 \2 become [ ] in JSON. */
  char tmp[1024];
  size_t n = 0;
  for (size_t i = 0; i < h->snippet.len && n < sizeof(tmp) - 1; i++) {
    char c = h->snippet.ptr[i];
    tmp[n++] = c == '\x01' ? '[' : c == '\x02' ? ']' : c;
  }
  sb_json(b, tmp, n);
  sj_time(b, "published", h->published, h->has_time);
  sb_f(b, ",\"score\":%.4f,\"story\":", h->score);
  if (story > 0) sb_f(b, "%lld}", (long long)story);
  else sb_s(b, "null}");
}

void sj_quote(sbuf *b, const px_stored_quote *q, long remark) {
  sb_f(b, "{\"id\":%lld,\"article\":%lld,\"outlet\":", (long long)q->id, (long long)q->article);
  sb_jp(b, q->source);
  sb_s(b, ",\"title\":");
  sb_jp(b, q->title);
  sj_time(b, "published", q->published, q->has_time);
  sb_f(b, ",\"kind\":\"%s\",\"start\":%zu,\"end\":%zu,\"text\":", px_quote_kind_name(q->kind),
       q->start, q->end);
  sb_jp(b, q->text);
  sb_s(b, ",\"cue\":");
  sb_jp(b, q->cue);
  sb_s(b, ",\"speaker\":{\"name\":");
  sb_jp(b, q->speaker_name);
  sb_s(b, ",\"key\":");
  sb_jp(b, q->speaker_key);
  sb_f(b, "},\"remark\":%ld}", remark);
}

void sj_entity(sbuf *b, const px_stored_entity *e) {
  sb_s(b, "{\"key\":");
  sb_jp(b, e->key);
  sb_s(b, ",\"name\":");
  sb_jp(b, e->name);
  sb_s(b, ",\"type\":");
  sb_jp(b, e->type);
  sb_f(b, ",\"articles\":%lld,\"outlets\":%lld,\"mentions\":%lld}", (long long)e->articles,
       (long long)e->outlets, (long long)e->mentions);
}
