/* store_thread.c - threads: stories about one developing matter, linked
 * (the follow-up, the next day's reaction, the verdict after the trial).
 *
 * Each story keeps a signature (its centroid's 40 heaviest terms by term
 * hash, unit length; story.sig).  After a clustering pass, every story it
 * touched is linked to the most similar earlier story whose last article is
 * at most thread_days before its first, when their signatures' cosine is at
 * least thread_threshold; it then belongs to that story's thread, else it
 * starts its own.  A thread's id is the id of its first story.  See
 * docs/stories.md.
 */
#include "store.h"
#include "story/story.h"

#include <stdlib.h>
#include <string.h>

static int fail(px_store *st, int rc, const char *what) { return px__store_step_fail(st, rc, what); }

typedef struct tstory {
  int64_t id, first, last, thread;
  uint32_t nsig;
  px__sigterm sig[PX__SIG_TERMS]; /* sorted by hash */
  bool touched;
} tstory;

static int cmp_ts(const void *a, const void *b) {
  const tstory *x = a, *y = b;
  if (x->first != y->first) return x->first < y->first ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

static double sig_cos(const tstory *a, const tstory *b) {
  double s = 0;
  uint32_t i = 0, j = 0;
  while (i < a->nsig && j < b->nsig) {
    if (a->sig[i].h == b->sig[j].h) s += (double)a->sig[i++].w * b->sig[j++].w;
    else if (a->sig[i].h < b->sig[j].h) i++;
    else j++;
  }
  return s;
}

/* Candidates per term: the latest this many stories posted under it. */
#define TERM_DEPTH 256
/* Terms of a story posted and looked up. */
#define KEY_TERMS 8

static void key_terms(const tstory *t, uint64_t *keys, uint32_t *nk) {
  /* the KEY_TERMS heaviest (ties: smaller hash) */
  bool taken[PX__SIG_TERMS] = {0};
  *nk = 0;
  for (uint32_t r = 0; r < KEY_TERMS && r < t->nsig; r++) {
    int best = -1;
    for (uint32_t k = 0; k < t->nsig; k++)
      if (!taken[k] && (best < 0 || t->sig[k].w > t->sig[best].w)) best = (int)k;
    taken[best] = true;
    keys[(*nk)++] = t->sig[best].h;
  }
}

int px__store_link_threads(px_store *st, const px_story_opts *o, const int64_t *touched,
                           size_t ntouched) {
  if (!ntouched) return PX_OK;
  int rc = PX_OK;
  int64_t *tid = malloc(ntouched * sizeof(*tid));
  tstory *ts = NULL;
  size_t n = 0, cap = 0;
  px__map head = {0};
  uint32_t *next = NULL, *pstory = NULL;
  size_t npost = 0, apost = 0;
  sqlite3_stmt *s = NULL;
  if (!tid) return PX_ENOMEM;
  memcpy(tid, touched, ntouched * sizeof(*tid));
  qsort(tid, ntouched, sizeof(*tid), cmp_i64);
  double td = o->thread_days * 86400.0;
  /* The time range of the touched stories, widened by thread_days. */
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  rc = sqlite3_prepare_v2(st->db,
                          "SELECT min(a.published), max(a.published) FROM story_article sa"
                          " JOIN article a ON a.id = sa.article WHERE sa.story = ?1",
                          -1, &s, NULL);
  if (rc != SQLITE_OK) {
    rc = fail(st, rc, "linking threads");
    goto out;
  }
  for (size_t i = 0; i < ntouched; i++) {
    sqlite3_bind_int64(s, 1, tid[i]);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
      int64_t a = sqlite3_column_int64(s, 0), b = sqlite3_column_int64(s, 1);
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    sqlite3_reset(s);
  }
  sqlite3_finalize(s);
  s = NULL;
  if (lo == INT64_MAX) goto write; /* nothing dated: every touched story alone */
  rc = sqlite3_prepare_v2(
      st->db,
      "SELECT s.id, min(a.published), max(a.published), s.sig, s.thread FROM story s"
      " JOIN story_article sa ON sa.story = s.id JOIN article a ON a.id = sa.article"
      " WHERE s.id IN (SELECT sa2.story FROM article a2 INDEXED BY article_time"
      "  JOIN story_article sa2 ON sa2.article = a2.id WHERE a2.published BETWEEN ?1 AND ?2)"
      " GROUP BY s.id HAVING min(a.published) IS NOT NULL",
      -1, &s, NULL);
  if (rc != SQLITE_OK) {
    rc = fail(st, rc, "linking threads");
    goto out;
  }
  sqlite3_bind_int64(s, 1, lo - (int64_t)td);
  sqlite3_bind_int64(s, 2, hi + (int64_t)td);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 1024;
      tstory *nt = realloc(ts, nc * sizeof(*nt));
      if (!nt) {
        rc = PX_ENOMEM;
        goto out;
      }
      ts = nt;
      cap = nc;
    }
    tstory *t = &ts[n++];
    memset(t, 0, sizeof(*t));
    t->id = sqlite3_column_int64(s, 0);
    t->first = sqlite3_column_int64(s, 1);
    t->last = sqlite3_column_int64(s, 2);
    t->thread = sqlite3_column_type(s, 4) == SQLITE_NULL ? t->id : sqlite3_column_int64(s, 4);
    const unsigned char *blob = sqlite3_column_blob(s, 3);
    int bytes = sqlite3_column_bytes(s, 3);
    t->nsig = blob ? (uint32_t)PX__MIN(bytes / 12, PX__SIG_TERMS) : 0;
    for (uint32_t k = 0; k < t->nsig; k++) {
      memcpy(&t->sig[k].h, blob + 12 * k, 8);
      memcpy(&t->sig[k].w, blob + 12 * k + 8, 4);
    }
    t->touched = bsearch(&t->id, tid, ntouched, sizeof(*tid), cmp_i64) != NULL;
  }
  sqlite3_finalize(s);
  s = NULL;
  if (rc != SQLITE_DONE) {
    rc = fail(st, rc, "linking threads");
    goto out;
  }
  qsort(ts, n, sizeof(*ts), cmp_ts);
  /* Earlier stories posted under their key terms; a touched story takes
   * the thread of the most similar one. */
  for (size_t i = 0; i < n; i++) {
    tstory *t = &ts[i];
    uint64_t keys[KEY_TERMS];
    uint32_t nk;
    key_terms(t, keys, &nk);
    if (t->touched) {
      double best = -1;
      int64_t bt = t->id;
      for (uint32_t k = 0; k < nk; k++) {
        uint32_t *h = px__map_get(&head, keys[k] | 1);
        uint32_t depth = 0;
        for (uint32_t p = h ? *h : 0; p && depth < TERM_DEPTH; p = next[p - 1], depth++) {
          tstory *c = &ts[pstory[p - 1]];
          if ((double)t->first - (double)c->last > td) continue;
          double cs = sig_cos(t, c);
          if (cs < o->thread_threshold) continue;
          if (cs > best + 1e-9 || (cs >= best - 1e-9 && c->thread < bt)) {
            best = cs;
            bt = c->thread;
          }
        }
      }
      t->thread = bt;
    }
    for (uint32_t k = 0; k < nk; k++) {
      bool isnew;
      uint32_t *h = px__map_put(&head, keys[k] | 1, &isnew);
      if (!h) {
        rc = PX_ENOMEM;
        goto out;
      }
      if (npost == apost) {
        size_t na = apost ? apost * 2 : 4096;
        uint32_t *nn = realloc(next, na * sizeof(*nn));
        if (nn) next = nn;
        uint32_t *np = realloc(pstory, na * sizeof(*np));
        if (np) pstory = np;
        if (!nn || !np) {
          rc = PX_ENOMEM;
          goto out;
        }
        apost = na;
      }
      next[npost] = isnew ? 0 : *h;
      pstory[npost] = (uint32_t)i;
      *h = (uint32_t)++npost;
    }
  }
write:
  rc = sqlite3_prepare_v2(st->db, "UPDATE story SET thread = ?2 WHERE id = ?1", -1, &s, NULL);
  if (rc != SQLITE_OK) {
    rc = fail(st, rc, "linking threads");
    goto out;
  }
  /* Touched stories not loaded (undated) are threads of their own. */
  for (size_t k = 0; k < n; k++) {
    ts[k].first = ts[k].id; /* reused as the sort key: by id now */
  }
  qsort(ts, n, sizeof(*ts), cmp_ts);
  for (size_t i = 0; i < ntouched; i++) {
    int64_t th = tid[i];
    size_t lo2 = 0, hi2 = n;
    while (lo2 < hi2) {
      size_t mid = (lo2 + hi2) / 2;
      if (ts[mid].id < tid[i]) lo2 = mid + 1;
      else hi2 = mid;
    }
    if (lo2 < n && ts[lo2].id == tid[i]) th = ts[lo2].thread;
    sqlite3_bind_int64(s, 1, tid[i]);
    sqlite3_bind_int64(s, 2, th);
    if ((rc = sqlite3_step(s)) != SQLITE_DONE) {
      rc = fail(st, rc, "linking threads");
      goto out;
    }
    sqlite3_reset(s);
  }
  rc = PX_OK;
out:
  sqlite3_finalize(s);
  px__map_release(&head);
  free(next);
  free(pstory);
  free(ts);
  free(tid);
  return rc;
}
