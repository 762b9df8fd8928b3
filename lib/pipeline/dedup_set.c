/*
 * dedup_set.c - px_dedup_set: duplicate detection over a set of inputs,
 * grouped.  It reads the inputs (any format the reader knows), runs
 * px_dedup over every article in order, keeps a light copy of each (no
 * body) and groups the articles by their "copies" links, each group rooted
 * at its earliest member.  The CLI's dedup, the server and the bindings
 * all group through it.
 */
#include "common/px_common.h"

#include <stdlib.h>
#include <string.h>

typedef struct item {
  px_article *art; /* without its body */
  px_story_result res;
} item;

struct px_dedup_set {
  px_ctx *ctx;
  px_dedup *dd;
  item *items;
  size_t n, cap;
  size_t duplicates, rejected;
};

int px_dedup_set_new(px_ctx *ctx, const px_story_opts *opts, px_dedup_set **out) {
  if (!ctx || !out) return PX_EINVAL;
  *out = NULL;
  px_dedup_set *s = calloc(1, sizeof *s);
  if (!s) return PX_ENOMEM;
  s->ctx = ctx;
  int rc = px_dedup_new(ctx, opts, &s->dd);
  if (rc) {
    free(s);
    return rc;
  }
  *out = s;
  return PX_OK;
}

void px_dedup_set_free(px_dedup_set *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n; i++) px_article_free(s->items[i].art);
  free(s->items);
  px_dedup_free(s->dd);
  free(s);
}

int px_dedup_set_add(px_dedup_set *s, const px_article *art, px_story_result *res) {
  if (!s || !art) return PX_EINVAL;
  if (s->n == s->cap) {
    size_t nc = s->cap ? s->cap * 2 : 256;
    item *v = realloc(s->items, nc * sizeof *v);
    if (!v) return PX_ENOMEM;
    s->items = v;
    s->cap = nc;
  }
  item *it = &s->items[s->n];
  int rc = px_dedup_add(s->dd, art, &it->res);
  if (rc) return rc;
  /* a copy without the body: the groups need the metadata only */
  if ((rc = px_article_new(&it->art))) return rc;
  for (int f = 0; f < PX_F_COUNT_; f++) {
    if (f == PX_F_BODY) continue;
    px_str v = px_article_get(art, (px_field)f);
    if (v.len && (rc = px__buf_append(&it->art->field[f], v.ptr, v.len))) {
      px_article_free(it->art);
      return rc;
    }
  }
  it->art->published = art->published;
  it->art->has_time = art->has_time;
  it->art->id = art->id;
  it->art->content_hash = art->content_hash;
  if (it->res.dup_of >= 0) s->duplicates++;
  if (res) *res = it->res;
  s->n++;
  return PX_OK;
}

int px_dedup_set_add_path(px_dedup_set *s, const char *path, px_ingest_event_cb on_event,
                          void *user) {
  if (!s || !path) return PX_EINVAL;
  px_reader *rd = NULL;
  int rc = px_reader_open(s->ctx, path, &rd);
  if (rc) {
    s->rejected++;
    if (on_event) on_event(user, PX_IE_INPUT_FAILED, path, px_ctx_error(s->ctx), 0);
    return rc;
  }
  px_article *a;
  while ((rc = px_reader_next(rd, &a)) != PX_EOF) {
    if (rc == PX_ENOMEM) break;
    if (rc < 0) {
      s->rejected++;
      if (on_event) on_event(user, PX_IE_REJECTED, path, px_reader_error(rd), 0);
      if (px_reader_error_is_fatal(rd)) {
        rc = PX_OK;
        break;
      }
      continue;
    }
    if ((rc = px_dedup_set_add(s, a, NULL))) break;
  }
  px_reader_free(rd);
  return rc == PX_EOF ? PX_OK : rc;
}

void px_dedup_set_counts(const px_dedup_set *s, size_t *articles, size_t *duplicates,
                         size_t *rejected) {
  if (articles) *articles = s ? s->n : 0;
  if (duplicates) *duplicates = s ? s->duplicates : 0;
  if (rejected) *rejected = s ? s->rejected : 0;
}

int px_dedup_set_groups(const px_dedup_set *s, px_dedup_group_cb cb, void *user,
                        size_t *ngroups) {
  if (!s || !cb) return PX_EINVAL;
  if (ngroups) *ngroups = 0;
  size_t n = s->n;
  int64_t *root = malloc((n + 1) * sizeof *root), *next = malloc((n + 1) * sizeof *next),
          *last = malloc((n + 1) * sizeof *last);
  px_dedup_member *m = malloc((n + 1) * sizeof *m);
  int rc = PX_OK;
  if (!root || !next || !last || !m) {
    rc = PX_ENOMEM;
    goto out;
  }
  /* the union of "copies" links: an article joins the group of what it copies */
  for (size_t i = 0; i < n; i++) {
    int64_t d = s->items[i].res.dup_of;
    int64_t r = d >= 0 && (size_t)d < i ? root[d] : (int64_t)i;
    root[i] = r;
    next[i] = -1;
    last[i] = (int64_t)i;
    if (r != (int64_t)i) {
      next[last[r]] = (int64_t)i;
      last[r] = (int64_t)i;
    }
  }
  size_t g = 0;
  for (size_t i = 0; i < n; i++) {
    if (root[i] != (int64_t)i || next[i] < 0) continue;
    size_t k = 0;
    for (int64_t j = (int64_t)i; j >= 0; j = next[j]) {
      const item *it = &s->items[j];
      m[k].index = (size_t)j;
      m[k].art = it->art;
      m[k].dup_of = it->res.dup_of;
      m[k].dup_exact = it->res.dup_exact;
      m[k].similarity = it->res.dup_of >= 0 ? it->res.dup_sim : 1.0;
      m[k].wire_share = it->res.wire_share;
      k++;
    }
    if (cb(user, g++, m, k)) break;
  }
  if (ngroups) *ngroups = g;
out:
  free(root);
  free(next);
  free(last);
  free(m);
  return rc;
}

/* One group as a record (dedup_group.schema.json). */
int px_json_dedup_group(px_json *j, size_t group, const px_dedup_member *m, size_t n,
                        unsigned flags) {
  if (!j || (n && !m)) return PX_EINVAL;
  px_json_object(j);
  px_json_key(j, "group");
  px_json_int(j, (int64_t)group);
  px_json_key(j, "members");
  px_json_array(j);
  for (size_t k = 0; k < n; k++) {
    const px_article *a = m[k].art;
    int has;
    int64_t t = px_article_published(a, &has);
    px_json_object(j);
    px_json_key(j, "index");
    px_json_int(j, (int64_t)m[k].index);
    px_json_key(j, "ext_id");
    px_json_str_or_null(j, px_article_get(a, PX_F_ID));
    px_json_key(j, "source");
    px_json_pstr(j, px_article_get(a, PX_F_SOURCE));
    px_json_key(j, "title");
    px_json_pstr(j, px_article_get(a, PX_F_TITLE));
    px_json_key(j, "url");
    px_json_pstr(j, px_article_get(a, PX_F_URL));
    px_json_key(j, "published");
    px_json_time(j, t, has);
    px_json_key(j, "origin");
    px_json_pstr(j, px_article_get(a, PX_F_ORIGIN));
    px_json_key(j, "dup_of");
    if (m[k].dup_of >= 0) px_json_int(j, m[k].dup_of);
    else px_json_null(j);
    px_json_key(j, "dup_exact");
    px_json_bool(j, m[k].dup_of >= 0 && m[k].dup_exact);
    px_json_key(j, "similarity");
    px_json_num(j, m[k].similarity, 3);
    px_json_key(j, "wire_share");
    px_json_num(j, m[k].wire_share, 3);
    px_json_object_end(j);
  }
  px_json_array_end(j);
  if (!(flags & PX_JSON_OPEN)) px_json_object_end(j);
  return px_json_status(j);
}
