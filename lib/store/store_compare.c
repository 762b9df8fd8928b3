/* store_compare.c - comparisons of stored stories, computed on demand and
 * cached until the story's membership changes. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ids {
  int64_t *v;
  size_t n, cap;
  int err;
} ids;

static int collect_id(void *user, const px_story_member *m) {
  ids *x = user;
  if (x->n == x->cap) {
    size_t cap = x->cap ? x->cap * 2 : 16;
    int64_t *nv = realloc(x->v, cap * sizeof(int64_t));
    if (!nv) {
      x->err = PX_ENOMEM;
      return 1;
    }
    x->v = nv;
    x->cap = cap;
  }
  x->v[x->n++] = px_article_id(m->art);
  return 0;
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

static int to_buf(void *user, const char *p, size_t n) {
  return px__buf_append(user, p, n) != PX_OK;
}

int px_store_story_report(px_store *st, int64_t id, px_report_format format,
                          const px_report_opts *opts, px_write_fn write, void *user,
                          int *cached) {
  if (!st || !write) return PX_EINVAL;
  if (cached) *cached = 0;
  ids x = {0};
  px__buf sig, variant, out;
  px__buf_init(&sig, 0);
  px__buf_init(&variant, 0);
  px__buf_init(&out, 0);
  px_article **arts = NULL;
  px_comparison *cmp = NULL;
  sqlite3_stmt *s = NULL;
  int rc = px_store_story_articles(st, id, collect_id, &x);
  if (rc == PX_OK && x.err) rc = x.err;
  if (rc) goto out;
  qsort(x.v, x.n, sizeof(int64_t), cmp_i64);
  for (size_t i = 0; i < x.n; i++) px__buf_printf(&sig, "%s%lld", i ? "," : "", (long long)x.v[i]);
  px__buf_printf(&variant, "%d/%d/%d/%d/%d", (int)format, opts ? opts->width : 0, opts ? opts->color : 0,
                 opts ? opts->top : 0, opts ? opts->full : 0);
  if (!sig.ptr || !variant.ptr) {
    rc = PX_ENOMEM;
    goto out;
  }
  /* The cache, when the story has not changed since. */
  if (sqlite3_prepare_v2(st->db,
                         "SELECT report FROM comparison_cache WHERE story=?1 AND variant=?2"
                         " AND members=?3",
                         -1, &s, NULL) == SQLITE_OK) {
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, variant.ptr, (int)variant.len, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, sig.ptr, (int)sig.len, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) {
      const void *p = sqlite3_column_blob(s, 0);
      size_t n = (size_t)sqlite3_column_bytes(s, 0);
      rc = write(user, p ? p : "", n) ? PX_EIO : PX_OK;
      if (cached) *cached = 1;
      goto out;
    }
    sqlite3_finalize(s);
    s = NULL;
  }
  arts = calloc(x.n + 1, sizeof(*arts));
  if (!arts) {
    rc = PX_ENOMEM;
    goto out;
  }
  for (size_t i = 0; i < x.n; i++)
    if ((rc = px_store_get(st, x.v[i], &arts[i]))) goto out;
  if ((rc = px_compare(st->ctx, (const px_article *const *)arts, x.n, NULL, &cmp))) goto out;
  if ((rc = px_report_write(cmp, format, opts, to_buf, &out))) goto out;
  if (!out.ptr && (rc = px__buf_append(&out, "", 0))) goto out;
  if (st->writable) {
    /* A cache write that fails (a busy or full disk) costs only the cache. */
    if (sqlite3_prepare_v2(st->db,
                           "INSERT OR REPLACE INTO comparison_cache(story, variant, members, report)"
                           " VALUES(?1, ?2, ?3, ?4)",
                           -1, &s, NULL) == SQLITE_OK) {
      sqlite3_bind_int64(s, 1, id);
      sqlite3_bind_text(s, 2, variant.ptr, (int)variant.len, SQLITE_STATIC);
      sqlite3_bind_text(s, 3, sig.ptr, (int)sig.len, SQLITE_STATIC);
      sqlite3_bind_blob(s, 4, out.ptr, (int)out.len, SQLITE_STATIC);
      sqlite3_step(s);
    }
  }
  rc = write(user, out.ptr, out.len) ? PX_EIO : PX_OK;
out:
  sqlite3_finalize(s);
  px_comparison_free(cmp);
  if (arts)
    for (size_t i = 0; i < x.n; i++) px_article_free(arts[i]);
  free(arts);
  free(x.v);
  px__buf_release(&sig);
  px__buf_release(&variant);
  px__buf_release(&out);
  return rc;
}
