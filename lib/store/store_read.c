/* store_read.c - read helpers for long-running readers (the web server):
 * a consistent snapshot across several queries, an article's story, the
 * articles that mention an entity. */
#include "store.h"

#include <string.h>

int px_store_read_begin(px_store *st) {
  if (!st) return PX_EINVAL;
  if (st->in_tx) return PX_EINVAL;
  /* A deferred transaction takes no lock until its first read; the read of
   * the schema version below pins the snapshot every later query sees. */
  int rc = px__store_exec(st, "BEGIN DEFERRED;SELECT count(*) FROM meta");
  if (rc == PX_OK) st->in_tx = true;
  return rc;
}

int px_store_read_end(px_store *st) {
  if (!st) return PX_EINVAL;
  if (!st->in_tx) return PX_OK;
  st->in_tx = false;
  return px__store_exec(st, "COMMIT");
}

int px_store_entity_articles(px_store *st, const char *key, int64_t limit, px_article_cb cb,
                             void *user) {
  if (!st || !key || !cb) return PX_EINVAL;
  int frc = px__store_flush_rows(st);
  if (frc) return frc;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(
      st->db,
      "SELECT a.id, a.source, a.url, a.title, a.published FROM entity e"
      " JOIN article_entity ae ON ae.entity = e.id JOIN article a ON a.id = ae.article"
      " WHERE e.key = ?1 ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?2",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "listing an entity's articles");
  sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 2, limit > 0 ? limit : -1);
  px_article *a = NULL;
  if ((rc = px_article_new(&a))) goto out;
  static const px_field cols[] = {PX_F_SOURCE, PX_F_URL, PX_F_TITLE};
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    px__article_clear(a);
    a->id = sqlite3_column_int64(s, 0);
    for (int i = 0; i < 3; i++) {
      const unsigned char *t = sqlite3_column_text(s, i + 1);
      if ((rc = px__buf_append(&a->field[cols[i]], t ? (const char *)t : "",
                               (size_t)sqlite3_column_bytes(s, i + 1))))
        goto out;
    }
    if (sqlite3_column_type(s, 4) != SQLITE_NULL) {
      a->published = sqlite3_column_int64(s, 4);
      a->has_time = 1;
    }
    if (cb(user, a)) break;
  }
  rc = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? PX_OK
       : rc > 0 ? px__store_step_fail(st, rc, "listing an entity's articles")
                : rc;
out:
  sqlite3_finalize(s);
  px_article_free(a);
  return rc;
}

static int max_of(px_store *st, const char *sql, int64_t *v, int *has) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "reading the store's mark");
  rc = sqlite3_step(s);
  *v = 0;
  if (has) *has = 0;
  if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
    *v = sqlite3_column_int64(s, 0);
    if (has) *has = 1;
  }
  rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? PX_OK
                                               : px__store_step_fail(st, rc, "reading the store's mark");
  sqlite3_finalize(s);
  return rc;
}

int px_store_mark_get(px_store *st, px_store_mark *out) {
  if (!st || !out) return PX_EINVAL;
  memset(out, 0, sizeof(*out));
  int rc = max_of(st, "SELECT max(id) FROM article", &out->last_article, NULL);
  if (rc == PX_OK)
    rc = max_of(st, "SELECT max(article) FROM story_article", &out->last_clustered, NULL);
  if (rc == PX_OK)
    rc = max_of(st, "SELECT max(published) FROM article", &out->last_published, &out->has_published);
  return rc;
}

int px_store_data_version(px_store *st, int64_t *out) {
  if (!st || !out) return PX_EINVAL;
  *out = 0;
  int64_t v = 0;
  int rc = max_of(st, "PRAGMA data_version", &v, NULL);
  if (rc == PX_OK) *out = v;
  return rc;
}
