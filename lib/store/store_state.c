/* store_state.c - a key-value table for long-running drivers (the watcher
 * keeps its feed validators, seen items and alert positions here), and the
 * story of one article.  Writes join the open batch when there is one, so
 * "this item was seen" commits together with the article it gave. */
#include "store.h"

#include <stdlib.h>
#include <string.h>

int px_store_state_get(px_store *st, const char *key, char **value, size_t *len) {
  if (value) *value = NULL;
  if (len) *len = 0;
  if (!st || !key || !value) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, "SELECT value FROM state WHERE key = ?1", -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "reading state");
  sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    const void *p = sqlite3_column_blob(s, 0);
    size_t n = (size_t)sqlite3_column_bytes(s, 0);
    char *v = malloc(n + 1);
    if (!v) {
      rc = PX_ENOMEM;
    } else {
      if (n) memcpy(v, p, n);
      v[n] = '\0';
      *value = v;
      if (len) *len = n;
      rc = PX_OK;
    }
  } else if (rc == SQLITE_DONE) {
    rc = PX_ENOTFOUND;
  } else {
    rc = px__store_step_fail(st, rc, "reading state");
  }
  sqlite3_finalize(s);
  return rc;
}

int px_store_state_set(px_store *st, const char *key, const void *value, size_t len) {
  if (!st || !key || (!value && len) || !st->writable) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db,
                              "INSERT OR REPLACE INTO state(key, value, updated)"
                              " VALUES (?1, ?2, unixepoch())",
                              -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "writing state");
  sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_blob(s, 2, value ? value : "", (int)len, SQLITE_STATIC);
  rc = sqlite3_step(s);
  rc = rc == SQLITE_DONE ? PX_OK : px__store_step_fail(st, rc, "writing state");
  sqlite3_finalize(s);
  return rc;
}

int px_store_state_delete(px_store *st, const char *key) {
  if (!st || !key || !st->writable) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, "DELETE FROM state WHERE key = ?1", -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "deleting state");
  sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step(s);
  rc = rc == SQLITE_DONE ? PX_OK : px__store_step_fail(st, rc, "deleting state");
  sqlite3_finalize(s);
  return rc;
}

int px_store_state_list(px_store *st, const char *prefix, px_state_cb cb, void *user) {
  if (!st || !prefix || !cb) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  /* A range scan: keys >= prefix and < prefix with its last byte raised
   * (without that bound every key after the prefix was read: the watcher's
   * outbox listing read all its seen items). */
  size_t pn = strlen(prefix);
  char *upper = malloc(pn + 1);
  if (!upper) return PX_ENOMEM;
  memcpy(upper, prefix, pn + 1);
  while (pn && (unsigned char)upper[pn - 1] == 0xFF) upper[--pn] = '\0';
  if (pn) upper[pn - 1] = (char)((unsigned char)upper[pn - 1] + 1);
  int rc = sqlite3_prepare_v2(st->db,
                              "SELECT key, value FROM state WHERE key >= ?1"
                              " AND (?2 IS NULL OR key < ?2)"
                              " AND substr(key, 1, length(?1)) = ?1 ORDER BY key",
                              -1, &s, NULL);
  if (rc != SQLITE_OK) {
    free(upper);
    return px__store_step_fail(st, rc, "listing state");
  }
  sqlite3_bind_text(s, 1, prefix, -1, SQLITE_STATIC);
  if (pn) sqlite3_bind_text(s, 2, upper, (int)pn, SQLITE_STATIC);
  else sqlite3_bind_null(s, 2);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    const char *k = (const char *)sqlite3_column_text(s, 0);
    px_str v = {(const char *)sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1)};
    if (!v.ptr) v.ptr = "";
    if (cb(user, k ? k : "", v)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  rc = rc == SQLITE_DONE ? PX_OK : px__store_step_fail(st, rc, "listing state");
  sqlite3_finalize(s);
  free(upper);
  return rc;
}

