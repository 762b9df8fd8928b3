/* store_story.c - stories in the store: incremental clustering of newly
 * stored articles, and the story listings.
 *
 * Incremental clustering replays the stored articles of the time window
 * before the earliest new article into a fresh online clusterer, each into
 * its known story, so the stories' centroids, the document frequencies of
 * the window and the duplicate sketches are as they were; the new articles
 * then join those stories or open new ones.  The cost is bounded by the
 * window, not by the database.  See docs/stories.md.
 */
#include "store.h"
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

static int fail(px_store *st, int rc, const char *what) { return px__store_step_fail(st, rc, what); }

typedef struct item {
  int64_t id, t, story; /* story: known store id, 0 for a new article */
  int has_time;
} item;

static int cmp_item(const void *a, const void *b) {
  const item *x = a, *y = b;
  if (x->has_time != y->has_time) return x->has_time ? -1 : 1;
  if (x->has_time && x->t != y->t) return x->t < y->t ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int push(item **v, size_t *n, size_t *cap, item it) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 1024;
    item *nv = realloc(*v, nc * sizeof(*nv));
    if (!nv) return PX_ENOMEM;
    *v = nv;
    *cap = nc;
  }
  (*v)[(*n)++] = it;
  return PX_OK;
}

static int collect(px_store *st, const char *sql, int64_t bind, bool use_bind, item **v, size_t *n,
                   size_t *cap) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "finding articles to cluster");
  if (use_bind) sqlite3_bind_int64(s, 1, bind);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    item it = {sqlite3_column_int64(s, 0), 0, sqlite3_column_int64(s, 2), 0};
    if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
      it.t = sqlite3_column_int64(s, 1);
      it.has_time = 1;
    }
    if ((rc = push(v, n, cap, it))) {
      sqlite3_finalize(s);
      return rc;
    }
  }
  sqlite3_finalize(s);
  return rc == SQLITE_DONE ? PX_OK : fail(st, rc, "finding articles to cluster");
}

int px_store_cluster_new_articles(px_store *st, const px_story_opts *opts, int64_t *added) {
  if (added) *added = 0;
  if (!st) return PX_EINVAL;
  if (!st->writable)
    return px__ctx_fail(st->ctx, PX_EINVAL, "%s: opened read-only, cannot cluster", st->path);
  px_story_opts o;
  if (opts) o = *opts;
  else px_story_opts_init(&o);
  o.batch = 0;
  item *v = NULL;
  size_t n = 0, cap = 0, nnew;
  int64_t *ids = NULL;
  px_stories *sx = NULL;
  px_article *art = NULL;
  bool own_tx = false;
  int rc = collect(st,
                   "SELECT id, published, 0 FROM article"
                   " WHERE id NOT IN (SELECT article FROM story_article)",
                   0, false, &v, &n, &cap);
  if (rc || n == 0) goto out;
  nnew = n;
  /* The window before the earliest new dated article (or before the
   * latest stored one when no new article is dated). */
  int64_t t0 = INT64_MAX;
  for (size_t i = 0; i < nnew; i++)
    if (v[i].has_time && v[i].t < t0) t0 = v[i].t;
  if (t0 == INT64_MAX) {
    sqlite3_stmt *s = NULL;
    if ((rc = sqlite3_prepare_v2(st->db, "SELECT max(published) FROM article", -1, &s, NULL)) !=
        SQLITE_OK) {
      rc = fail(st, rc, "reading the latest date");
      goto out;
    }
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
      t0 = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  if (t0 != INT64_MAX &&
      (rc = collect(st,
                    "SELECT a.id, a.published, sa.story FROM story_article sa"
                    " JOIN article a ON a.id = sa.article WHERE a.published >= ?1",
                    t0 - (int64_t)(o.window_days * 86400.0), true, &v, &n, &cap)))
    goto out;
  qsort(v, n, sizeof(*v), cmp_item);
  ids = malloc((n + 1) * sizeof(*ids));
  if (!ids) {
    rc = PX_ENOMEM;
    goto out;
  }
  if ((rc = px_stories_new(st->ctx, &o, &sx))) goto out;
  if (!st->in_tx) {
    if ((rc = px_store_begin(st))) goto out;
    own_tx = true;
  }
  int64_t placed = 0;
  for (size_t i = 0; i < n; i++) {
    px_article_free(art);
    art = NULL;
    if ((rc = px_store_get(st, v[i].id, &art))) goto out;
    int64_t idx;
    if (v[i].story) {
      rc = px__stories_add_known(sx, art, v[i].story, &idx);
      ids[idx] = v[i].id;
      if (rc) goto out;
      continue;
    }
    if ((rc = px_stories_add(sx, art, &idx))) goto out;
    ids[idx] = v[i].id;
    px_story_result r;
    px_stories_result(sx, idx, &r);
    int64_t ext = px__stories_ext(sx, r.story);
    sqlite3_stmt *s = NULL;
    if (!ext) {
      if ((rc = px__store_stmt(st, PX__STMT_STORY_NEW, "INSERT INTO story DEFAULT VALUES", &s)))
        goto out;
      if ((rc = sqlite3_step(s)) != SQLITE_DONE) {
        rc = fail(st, rc, "storing a story");
        goto out;
      }
      ext = sqlite3_last_insert_rowid(st->db);
      if ((rc = px__stories_set_ext(sx, r.story, ext))) goto out;
    }
    if ((rc = px__store_stmt(st, PX__STMT_STORY_MEMBER,
                             "INSERT INTO story_article(article, story, similarity, dup_of,"
                             " dup_exact, dup_sim, wire_share, wire_source, flags)"
                             " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                             &s)))
      goto out;
    sqlite3_bind_int64(s, 1, v[i].id);
    sqlite3_bind_int64(s, 2, ext);
    sqlite3_bind_double(s, 3, r.similarity);
    if (r.dup_of >= 0) sqlite3_bind_int64(s, 4, ids[r.dup_of]);
    sqlite3_bind_int(s, 5, r.dup_exact);
    sqlite3_bind_double(s, 6, r.dup_sim);
    sqlite3_bind_double(s, 7, r.wire_share);
    if (r.wire_source >= 0) sqlite3_bind_int64(s, 8, ids[r.wire_source]);
    sqlite3_bind_int(s, 9, (int)r.flags);
    if ((rc = sqlite3_step(s)) != SQLITE_DONE) {
      rc = fail(st, rc, "storing a story member");
      goto out;
    }
    sqlite3_reset(s);
    placed++;
  }
  if (own_tx) {
    own_tx = false;
    if ((rc = px_store_commit(st))) goto out;
  }
  if (added) *added = placed;
  rc = PX_OK;
out:
  if (own_tx) px_store_rollback(st);
  px_article_free(art);
  px_stories_free(sx);
  free(ids);
  free(v);
  return rc;
}

/* ------------------------------------------------------------ listings */

/* A story's headline: the title of its earliest article that has one. */
#define STORY_HEADLINE(id)                                                                   \
  " (SELECT a2.title FROM story_article sa2 JOIN article a2 ON a2.id = sa2.article"          \
  "   WHERE sa2.story = " id " AND a2.title <> ''"                                           \
  "   ORDER BY a2.published IS NULL, a2.published, a2.id LIMIT 1)"

#define STORY_SELECT                                                                         \
  "SELECT s.id, min(a.published), max(a.published), count(*), count(DISTINCT a.source),"     \
  " sum(sa.dup_of IS NOT NULL)," STORY_HEADLINE("s.id")                                     \
  " FROM story s JOIN story_article sa ON sa.story = s.id JOIN article a ON a.id = sa.article"

static int story_rows(px_store *st, sqlite3_stmt *s, px_story_cb cb, void *user, int64_t *count) {
  int rc;
  *count = 0;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    px_story_info in;
    memset(&in, 0, sizeof(in));
    in.id = sqlite3_column_int64(s, 0);
    if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
      in.first = sqlite3_column_int64(s, 1);
      in.last = sqlite3_column_int64(s, 2);
      in.has_time = 1;
    }
    in.articles = sqlite3_column_int64(s, 3);
    in.outlets = sqlite3_column_int64(s, 4);
    in.duplicates = sqlite3_column_int64(s, 5);
    const unsigned char *h = sqlite3_column_text(s, 6);
    in.headline.ptr = h ? (const char *)h : "";
    in.headline.len = h ? (size_t)sqlite3_column_bytes(s, 6) : 0;
    (*count)++;
    if (cb(user, &in)) return PX_OK;
  }
  return rc == SQLITE_DONE ? PX_OK : fail(st, rc, "listing stories");
}

int px_store_stories(px_store *st, const px_story_filter *f, px_story_cb cb, void *user) {
  if (!st || !cb) return PX_EINVAL;
  px_story_filter none = {0};
  if (!f) f = &none;
  sqlite3_stmt *s = NULL;
  /* The aggregates come from indexes (no article row is read); the
   * headline, which needs article rows, only for the stories listed, after
   * the LIMIT.  With --since: only the stories with an article at or after
   * it (article_time), their members (story_article_story) and their times
   * and outlets (article_meta), in that order; without: one pass over the
   * article_source index. */
  int rc = sqlite3_prepare_v2(
      st->db,
      f->has_since
          ? "SELECT g.id, g.first, g.last, g.n, g.outlets, g.dups, " STORY_HEADLINE("g.id")
            " FROM (SELECT sa.story AS id, min(a.published) AS first, max(a.published) AS last,"
            "  count(*) AS n, count(DISTINCT a.source) AS outlets,"
            "  sum(sa.dup_of IS NOT NULL) AS dups"
            "  FROM (SELECT DISTINCT sa3.story AS id FROM article a3 INDEXED BY article_time"
            "   CROSS JOIN story_article sa3 ON sa3.article = a3.id WHERE a3.published >= ?1) c"
            "  CROSS JOIN story_article sa ON sa.story = c.id"
            "  CROSS JOIN article a INDEXED BY article_meta ON a.id = sa.article"
            "  GROUP BY sa.story"
            "  HAVING max(a.published) >= ?1"
            "  AND (?2 IS NULL OR min(a.published) < ?2)"
            "  AND count(DISTINCT a.source) >= ?3"
            "  AND (?4 IS NULL OR sum(a.source = ?4) > 0)"
            "  ORDER BY max(a.published) IS NULL, max(a.published) DESC, sa.story DESC"
            "  LIMIT ?5) g"
            " ORDER BY g.last IS NULL, g.last DESC, g.id DESC"
          :
      "SELECT g.id, g.first, g.last, g.n, g.outlets, g.dups, " STORY_HEADLINE("g.id")
      " FROM (SELECT s.id AS id, min(a.published) AS first, max(a.published) AS last,"
      "  count(*) AS n, count(DISTINCT a.source) AS outlets, sum(sa.dup_of IS NOT NULL) AS dups"
      "  FROM story s JOIN story_article sa ON sa.story = s.id JOIN article a ON a.id = sa.article"
      "  WHERE ?1 IS NULL"
      "  GROUP BY s.id"
      "  HAVING (?1 IS NULL OR max(a.published) >= ?1)"
      "  AND (?2 IS NULL OR min(a.published) < ?2)"
      "  AND count(DISTINCT a.source) >= ?3"
      "  AND (?4 IS NULL OR sum(a.source = ?4) > 0)"
      "  ORDER BY max(a.published) IS NULL, max(a.published) DESC, s.id DESC"
      "  LIMIT ?5) g"
      " ORDER BY g.last IS NULL, g.last DESC, g.id DESC",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "listing stories");
  if (f->has_since) sqlite3_bind_int64(s, 1, f->since);
  if (f->has_until) sqlite3_bind_int64(s, 2, f->until);
  sqlite3_bind_int64(s, 3, f->min_outlets);
  if (f->outlet) sqlite3_bind_text(s, 4, f->outlet, -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 5, f->limit > 0 ? f->limit : -1);
  int64_t count;
  rc = story_rows(st, s, cb, user, &count);
  sqlite3_finalize(s);
  return rc;
}

int px_store_story_get(px_store *st, int64_t id, px_story_cb cb, void *user) {
  if (!st || !cb) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, STORY_SELECT " WHERE s.id = ?1 GROUP BY s.id", -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "loading a story");
  sqlite3_bind_int64(s, 1, id);
  int64_t count;
  rc = story_rows(st, s, cb, user, &count);
  sqlite3_finalize(s);
  if (rc == PX_OK && count == 0)
    return px__ctx_fail(st->ctx, PX_ENOTFOUND, "no story with id %lld", (long long)id);
  return rc;
}

int px_store_story_articles(px_store *st, int64_t id, px_story_member_cb cb, void *user) {
  if (!st || !cb) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(
      st->db,
      "SELECT a.id, a.ext_id, a.source, a.url, a.title, a.byline, a.language, a.published,"
      " a.origin, a.content_hash, sa.dup_of, sa.dup_exact, sa.wire_share, sa.wire_source, sa.flags,"
      " w.source FROM story_article sa JOIN article a ON a.id = sa.article"
      " LEFT JOIN article w ON w.id = sa.wire_source WHERE sa.story = ?1"
      " ORDER BY a.published IS NULL, a.published, a.id",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "loading a story");
  sqlite3_bind_int64(s, 1, id);
  px_article *a = NULL;
  int64_t count = 0;
  if ((rc = px_article_new(&a))) goto out;
  static const px_field cols[] = {PX_F_ID, PX_F_SOURCE, PX_F_URL, PX_F_TITLE, PX_F_BYLINE,
                                  PX_F_LANGUAGE};
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    px__article_clear(a);
    a->id = sqlite3_column_int64(s, 0);
    for (int i = 0; i < 6; i++) {
      const unsigned char *t = sqlite3_column_text(s, i + 1);
      if ((rc = px__buf_append(&a->field[cols[i]], t ? (const char *)t : "",
                               (size_t)sqlite3_column_bytes(s, i + 1))))
        goto out;
    }
    if (sqlite3_column_type(s, 7) != SQLITE_NULL) {
      a->published = sqlite3_column_int64(s, 7);
      a->has_time = 1;
    }
    const unsigned char *o = sqlite3_column_text(s, 8);
    if ((rc = px__buf_append(&a->field[PX_F_ORIGIN], o ? (const char *)o : "",
                             (size_t)sqlite3_column_bytes(s, 8))))
      goto out;
    a->content_hash = (uint64_t)sqlite3_column_int64(s, 9);
    const unsigned char *wo = sqlite3_column_text(s, 15);
    px_story_member m = {a,
                         sqlite3_column_int64(s, 10),
                         sqlite3_column_int(s, 11),
                         sqlite3_column_double(s, 12),
                         sqlite3_column_int64(s, 13),
                         (unsigned)sqlite3_column_int(s, 14),
                         {wo ? (const char *)wo : "", wo ? (size_t)sqlite3_column_bytes(s, 15) : 0}};
    count++;
    if (cb(user, &m)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  rc = rc == SQLITE_DONE ? PX_OK : fail(st, rc, "loading a story");
  if (rc == PX_OK && count == 0)
    rc = px__ctx_fail(st->ctx, PX_ENOTFOUND, "no story with id %lld", (long long)id);
out:
  px_article_free(a);
  sqlite3_finalize(s);
  return rc;
}
