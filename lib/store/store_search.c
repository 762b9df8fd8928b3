/* store_search.c - full-text search and index maintenance. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Up to this many index segments a search is as fast as on a merged index
 * (measured on AllSides: 23 segments and 1 segment, same latency). */
#define MAX_SEGMENTS 32

int px_store_optimize(px_store *st) {
  if (!st) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int64_t segments = MAX_SEGMENTS + 1;
  if (sqlite3_prepare_v2(st->db, "SELECT count(DISTINCT segid) FROM article_fts_idx", -1, &s,
                         NULL) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    segments = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  /* Each ingest batch writes one segment; merging them all rewrites the
   * whole index, so it is done only once they are many. */
  if (segments <= MAX_SEGMENTS) return PX_OK;
  return px__store_exec(st, "INSERT INTO article_fts(article_fts) VALUES ('optimize')");
}

static px_str col_str(sqlite3_stmt *s, int i) {
  px_str v;
  const unsigned char *t = sqlite3_column_text(s, i);
  v.ptr = t ? (const char *)t : "";
  v.len = (size_t)sqlite3_column_bytes(s, i);
  return v;
}

static int search_error(px_store *st, int rc, const char *query) {
  const char *msg = sqlite3_errmsg(st->db);
  if (strstr(msg, "fts5") || strstr(msg, "syntax error") || strstr(msg, "no such column") ||
      strstr(msg, "unterminated") || strstr(msg, "unknown special query"))
    return px__ctx_fail(st->ctx, PX_EQUERY,
                        "cannot read the search query '%s' (%s); put words in double quotes "
                        "to search for them literally",
                        query, strncmp(msg, "fts5: ", 6) == 0 ? msg + 6 : msg);
  return px__store_step_fail(st, rc, "searching");
}

/* The cost budget of one search, in CPU time of the searching thread.
 * SQLite calls back every STEP_GRAIN steps of its virtual machine, FTS5's
 * own reads of the index included (they are statements on the same
 * connection); the count of steps says little of the cost (an OR of 260
 * prefixes does five times the work per step of one prefix), so the
 * callback reads the clock: measured, it runs at least every 30 ms of CPU
 * even in such a query.  Past the budget the search is interrupted. */
#define STEP_GRAIN 100

typedef struct budget {
  sqlite3 *db;
  double start, limit; /* thread CPU seconds */
  bool over;
} budget;

static double thread_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int on_progress(void *user) {
  budget *b = user;
  if (!b->over && thread_cpu() - b->start <= b->limit) return 0;
  b->over = true;
  /* Interrupt the connection, not only the statement stepping now: FTS5
   * reads its index through statements of its own, and a failure there
   * alone can go unnoticed by the search statement (the caller also checks
   * after each row: a snippet is one function call). */
  sqlite3_interrupt(b->db);
  return 1;
}

static int too_costly(px_store *st, const budget *b, const char *query) {
  return px__ctx_fail(st->ctx, PX_EQUERY,
                      "search stopped after %.3g s of CPU, its budget: the query '%.200s' is "
                      "too costly; make it narrower (fewer OR terms and prefixes*, or "
                      "--source and date filters)",
                      b->limit, query);
}

typedef struct ranked {
  int64_t id;
  double score;
} ranked;

/*
 * Two passes: rank the matches (bm25 needs only the index; the article row
 * only when a filter needs it), then load and cut snippets for the hits
 * kept.  One query doing both computed the snippet (reading the whole body)
 * for every row that entered the running top list, not just the final ones.
 */
int px_store_search(px_store *st, const char *query, const px_article_filter *f,
                    px_search_cb cb, void *user) {
  if (!st || !query || !cb) return PX_EINVAL;
  px_article_filter none = {0};
  if (!f) f = &none;
  size_t qlen = strlen(query);
  if (qlen == 0 || strspn(query, " \t\n") == qlen)
    return px__ctx_fail(st->ctx, PX_EQUERY, "empty search query");
  /* A filter is the set of matching ids, read from the article_source or
   * article_time index, so ranking reads no article row. */
  char sql[512];
  snprintf(sql, sizeof(sql),
           "SELECT rowid, bm25(article_fts, 3.0, 1.0) FROM article_fts WHERE article_fts MATCH ?1"
           "%s%s%s%s%s ORDER BY bm25(article_fts, 3.0, 1.0) LIMIT ?5 OFFSET ?6",
           f->source || f->has_since || f->has_until ? " AND +rowid IN (SELECT id FROM article WHERE 1"
                                                     : "",
           f->source ? " AND source = ?2" : "", f->has_since ? " AND published >= ?3" : "",
           f->has_until ? " AND published < ?4" : "",
           f->source || f->has_since || f->has_until ? ")" : "");
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "preparing a search");
  sqlite3_bind_text(s, 1, query, (int)qlen, SQLITE_STATIC);
  if (f->source) sqlite3_bind_text(s, 2, f->source, -1, SQLITE_STATIC);
  if (f->has_since) sqlite3_bind_int64(s, 3, f->since);
  if (f->has_until) sqlite3_bind_int64(s, 4, f->until);
  sqlite3_bind_int64(s, 5, f->limit > 0 ? f->limit : 20);
  sqlite3_bind_int64(s, 6, f->offset > 0 ? f->offset : 0);
  ranked *hits = NULL;
  size_t n = 0, cap = 0;
  int status = PX_OK;
  size_t ms = st->ctx && st->ctx->limit_search_ms ? st->ctx->limit_search_ms
                                                  : PX__SEARCH_MS_DEFAULT;
  budget bud = {st->db, thread_cpu(), (double)ms / 1000.0, false};
  sqlite3_progress_handler(st->db, STEP_GRAIN, on_progress, &bud);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (bud.over) {
      rc = SQLITE_INTERRUPT;
      break;
    }
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 32;
      ranked *nh = realloc(hits, nc * sizeof(*nh));
      if (!nh) {
        status = PX_ENOMEM;
        break;
      }
      hits = nh;
      cap = nc;
    }
    hits[n].id = sqlite3_column_int64(s, 0);
    hits[n].score = sqlite3_column_double(s, 1);
    n++;
  }
  if (status == PX_OK && rc == SQLITE_INTERRUPT && bud.over)
    status = too_costly(st, &bud, query);
  else if (status == PX_OK && rc != SQLITE_DONE) status = search_error(st, rc, query);
  sqlite3_finalize(s);
  s = NULL;
  if (status == PX_OK && n > 0 &&
      (rc = sqlite3_prepare_v2(
           st->db,
           "SELECT a.id, a.source, a.title, a.url, a.published,"
           "  snippet(article_fts, 1, char(1), char(2), '…', 24), a.ext_id"
           " FROM article_fts JOIN article a ON a.id = article_fts.rowid"
           " WHERE article_fts MATCH ?1 AND article_fts.rowid = ?2",
           -1, &s, NULL)) != SQLITE_OK)
    status = px__store_step_fail(st, rc, "preparing a search");
  for (size_t i = 0; status == PX_OK && i < n; i++) {
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, query, (int)qlen, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, hits[i].id);
    rc = sqlite3_step(s);
    if (bud.over) rc = SQLITE_INTERRUPT;
    if (rc == SQLITE_DONE) continue; /* gone since it was ranked */
    if (rc != SQLITE_ROW) {
      status = rc == SQLITE_INTERRUPT && bud.over ? too_costly(st, &bud, query)
                                                                    : search_error(st, rc, query);
      break;
    }
    px_search_hit h;
    h.id = sqlite3_column_int64(s, 0);
    h.source = col_str(s, 1);
    h.title = col_str(s, 2);
    h.url = col_str(s, 3);
    h.has_time = sqlite3_column_type(s, 4) != SQLITE_NULL;
    h.published = h.has_time ? sqlite3_column_int64(s, 4) : 0;
    h.snippet = col_str(s, 5);
    h.ext_id = col_str(s, 6);
    h.score = hits[i].score;
    if (cb(user, &h)) break;
  }
  sqlite3_finalize(s);
  sqlite3_progress_handler(st->db, 0, NULL, NULL);
  free(hits);
  return status;
}
