/* store_search.c - full-text search and index maintenance. */
#include "store.h"

#include <stdio.h>
#include <string.h>

int px_store_optimize(px_store *st) {
  if (!st) return PX_EINVAL;
  return px__store_exec(st, "INSERT INTO article_fts(article_fts) VALUES ('optimize')");
}

static px_str col_str(sqlite3_stmt *s, int i) {
  px_str v;
  const unsigned char *t = sqlite3_column_text(s, i);
  v.ptr = t ? (const char *)t : "";
  v.len = (size_t)sqlite3_column_bytes(s, i);
  return v;
}

int px_store_search(px_store *st, const char *query, const px_article_filter *f,
                    px_search_cb cb, void *user) {
  if (!st || !query || !cb) return PX_EINVAL;
  px_article_filter none = {0};
  if (!f) f = &none;
  size_t qlen = strlen(query);
  if (qlen == 0 || strspn(query, " \t\n") == qlen)
    return px__ctx_fail(st->ctx, PX_EQUERY, "empty search query");
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(
      st->db,
      "SELECT a.id, a.source, a.title, a.url, a.published,"
      "  snippet(article_fts, 1, char(1), char(2), '…', 24), bm25(article_fts, 3.0, 1.0)"
      " FROM article_fts JOIN article a ON a.id = article_fts.rowid"
      " WHERE article_fts MATCH ?1"
      " AND (?2 IS NULL OR a.source = ?2) AND (?3 IS NULL OR a.published >= ?3)"
      " AND (?4 IS NULL OR a.published < ?4)"
      " ORDER BY bm25(article_fts, 3.0, 1.0) LIMIT ?5 OFFSET ?6",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "preparing a search");
  sqlite3_bind_text(s, 1, query, (int)qlen, SQLITE_STATIC);
  if (f->source) sqlite3_bind_text(s, 2, f->source, -1, SQLITE_STATIC);
  if (f->has_since) sqlite3_bind_int64(s, 3, f->since);
  if (f->has_until) sqlite3_bind_int64(s, 4, f->until);
  sqlite3_bind_int64(s, 5, f->limit > 0 ? f->limit : 20);
  sqlite3_bind_int64(s, 6, f->offset > 0 ? f->offset : 0);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    px_search_hit h;
    h.id = sqlite3_column_int64(s, 0);
    h.source = col_str(s, 1);
    h.title = col_str(s, 2);
    h.url = col_str(s, 3);
    h.has_time = sqlite3_column_type(s, 4) != SQLITE_NULL;
    h.published = h.has_time ? sqlite3_column_int64(s, 4) : 0;
    h.snippet = col_str(s, 5);
    h.score = sqlite3_column_double(s, 6);
    if (cb(user, &h)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  int status = PX_OK;
  if (rc != SQLITE_DONE) {
    const char *msg = sqlite3_errmsg(st->db);
    if (strstr(msg, "fts5") || strstr(msg, "syntax error") || strstr(msg, "no such column") ||
        strstr(msg, "unterminated"))
      status = px__ctx_fail(st->ctx, PX_EQUERY,
                            "cannot read the search query '%s' (%s); put words in double quotes "
                            "to search for them literally",
                            query, strncmp(msg, "fts5: ", 6) == 0 ? msg + 6 : msg);
    else
      status = px__store_step_fail(st, rc, "searching");
  }
  sqlite3_finalize(s);
  return status;
}
