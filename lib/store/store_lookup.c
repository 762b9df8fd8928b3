/* store_lookup.c - finding stored articles by the input's own id, and the
 * story an article belongs to. */
#include "store.h"

#include <string.h>

int px_store_find_ext_id(px_store *st, const char *ext_id, const char *source, int64_t *ids,
                         size_t max, size_t *n) {
  if (!st || !ext_id || !n || (max && !ids)) return PX_EINVAL;
  *n = 0;
  if (!*ext_id) return PX_OK;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db,
                              source ? "SELECT id FROM article WHERE ext_id = ?1 AND source = ?2"
                                       " ORDER BY id"
                                     : "SELECT id FROM article WHERE ext_id = ?1 ORDER BY id",
                              -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "finding an article by its input id");
  sqlite3_bind_text(s, 1, ext_id, -1, SQLITE_STATIC);
  if (source) sqlite3_bind_text(s, 2, source, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (*n < max) ids[*n] = sqlite3_column_int64(s, 0);
    (*n)++;
  }
  int status = rc == SQLITE_DONE ? PX_OK : px__store_step_fail(st, rc, "finding an article by its input id");
  sqlite3_finalize(s);
  return status;
}

int px_store_article_story(px_store *st, int64_t article, int64_t *story) {
  if (!st || !story) return PX_EINVAL;
  *story = 0;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db,
                              "SELECT a.id, sa.story FROM article a"
                              " LEFT JOIN story_article sa ON sa.article = a.id WHERE a.id = ?1",
                              -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "finding an article's story");
  sqlite3_bind_int64(s, 1, article);
  rc = sqlite3_step(s);
  int status = PX_OK;
  if (rc == SQLITE_ROW) {
    if (sqlite3_column_type(s, 1) != SQLITE_NULL) *story = sqlite3_column_int64(s, 1);
  } else if (rc == SQLITE_DONE) {
    status = px__ctx_fail(st->ctx, PX_ENOTFOUND, "no article %lld", (long long)article);
  } else {
    status = px__store_step_fail(st, rc, "finding an article's story");
  }
  sqlite3_finalize(s);
  return status;
}
