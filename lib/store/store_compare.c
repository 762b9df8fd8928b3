/* store_compare.c - the cache of stories' comparisons: opaque bytes per
 * (story, variant), kept while the story's membership (a signature of its
 * article ids) is the one they were made for.  What the bytes hold is the
 * business of the layer above (lib/pipeline/story_report.c): the store
 * knows nothing of comparisons or reports. */
#include "store.h"

#include <string.h>

int px__store_cache_get(px_store *st, int64_t story, const char *variant, const char *members,
                        px__buf *out, bool *hit) {
  *hit = false;
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db,
                         "SELECT report FROM comparison_cache WHERE story=?1 AND variant=?2"
                         " AND members=?3",
                         -1, &s, NULL) != SQLITE_OK)
    return PX_OK; /* no cache: compute */
  sqlite3_bind_int64(s, 1, story);
  sqlite3_bind_text(s, 2, variant, -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 3, members, -1, SQLITE_STATIC);
  int rc = PX_OK;
  if (sqlite3_step(s) == SQLITE_ROW) {
    const void *p = sqlite3_column_blob(s, 0);
    size_t n = (size_t)sqlite3_column_bytes(s, 0);
    rc = px__buf_append(out, p ? p : "", n);
    *hit = rc == PX_OK;
  }
  sqlite3_finalize(s);
  return rc;
}

void px__store_cache_put(px_store *st, int64_t story, const char *variant, const char *members,
                         const void *p, size_t n) {
  if (!st->writable) return;
  sqlite3_stmt *s = NULL;
  /* A cache write that fails (a busy or full disk) costs only the cache. */
  if (sqlite3_prepare_v2(st->db,
                         "INSERT OR REPLACE INTO comparison_cache(story, variant, members, report)"
                         " VALUES(?1, ?2, ?3, ?4)",
                         -1, &s, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int64(s, 1, story);
  sqlite3_bind_text(s, 2, variant, -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 3, members, -1, SQLITE_STATIC);
  sqlite3_bind_blob(s, 4, p, (int)n, SQLITE_STATIC);
  sqlite3_step(s);
  sqlite3_finalize(s);
}
