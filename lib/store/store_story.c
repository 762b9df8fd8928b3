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
  uint64_t hash;        /* content hash: orders same-time articles whatever their ids */
  int has_time;
} item;

/* Time, then content, then id: the order of clustering does not depend on
 * the order the articles were stored in. */
static int cmp_item(const void *a, const void *b) {
  const item *x = a, *y = b;
  if (x->has_time != y->has_time) return x->has_time ? -1 : 1;
  if (x->has_time && x->t != y->t) return x->t < y->t ? -1 : 1;
  if (x->hash != y->hash) return x->hash < y->hash ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_item_id(const void *a, const void *b) {
  const item *x = a, *y = b;
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

/* Rows of (id, published, story, content_hash). */
static int collect(px_store *st, const char *sql, int64_t b1, int64_t b2, int nbind, item **v,
                   size_t *n, size_t *cap) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "finding articles to cluster");
  if (nbind > 0) sqlite3_bind_int64(s, 1, b1);
  if (nbind > 1) sqlite3_bind_int64(s, 2, b2);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    item it = {sqlite3_column_int64(s, 0), 0, sqlite3_column_int64(s, 2),
               (uint64_t)sqlite3_column_int64(s, 3), 0};
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

static int exec_bind(px_store *st, const char *sql, int64_t a, int64_t b, const char *what) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, what);
  sqlite3_bind_int64(s, 1, a);
  sqlite3_bind_int64(s, 2, b);
  rc = sqlite3_step(s);
  sqlite3_finalize(s);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? PX_OK : fail(st, rc, what);
}

/* Articles placed per clustering pass, and stored articles replayed with
 * them at most: px_story_opts.pass_articles (20,000), what bounds the
 * memory of clustering (docs/limits.md). */

#define KNOWN_SQL(where)                                                                     \
  "SELECT a.id, a.published, sa.story, a.content_hash FROM story_article sa"                \
  " JOIN article a ON a.id = sa.article WHERE sa.story IN (" where ")"

typedef struct match {
  int64_t n, old, bstory;
} match;

static int cmp_match(const void *a, const void *b) {
  const match *x = a, *y = b;
  if (x->n != y->n) return x->n > y->n ? -1 : 1;
  if (x->old != y->old) return x->old < y->old ? -1 : 1;
  return x->bstory < y->bstory ? -1 : x->bstory > y->bstory;
}

static int cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

static int cmp_sigterm(const void *a, const void *b) {
  uint64_t x = ((const px__sigterm *)a)->h, y = ((const px__sigterm *)b)->h;
  return x < y ? -1 : x > y;
}

/* One story member row; the ids in p are stored article ids (0: none). */
static int insert_member(px_store *st, const px_story_place *p, int64_t story) {
  sqlite3_stmt *s = NULL;
  int rc;
  if ((rc = px__store_stmt(st, PX__STMT_STORY_MEMBER,
                           "INSERT INTO story_article(article, story, similarity, dup_of,"
                           " dup_exact, dup_sim, wire_share, wire_source, flags)"
                           " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                           &s)))
    return rc;
  sqlite3_bind_int64(s, 1, p->article);
  sqlite3_bind_int64(s, 2, story);
  sqlite3_bind_double(s, 3, p->similarity);
  if (p->dup_of > 0) sqlite3_bind_int64(s, 4, p->dup_of);
  else sqlite3_bind_null(s, 4);
  sqlite3_bind_int(s, 5, p->dup_exact);
  sqlite3_bind_double(s, 6, p->dup_sim);
  sqlite3_bind_double(s, 7, p->wire_share);
  if (p->wire_source > 0) sqlite3_bind_int64(s, 8, p->wire_source);
  else sqlite3_bind_null(s, 8);
  sqlite3_bind_int(s, 9, (int)p->flags);
  rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE ? PX_OK : fail(st, rc, "storing a story member");
}

/* A story's signature as stored: its terms by hash, each the hash (8
 * bytes) and the weight (4), native order.  Returns the blob's size. */
static int story_sig(const px__bstory *bs, unsigned char *blob) {
  px__sigterm sig[PX__SIG_TERMS];
  memcpy(sig, bs->sig, bs->nsig * sizeof(*sig));
  qsort(sig, bs->nsig, sizeof(*sig), cmp_sigterm);
  for (uint32_t k = 0; k < bs->nsig; k++) {
    memcpy(blob + 12 * k, &sig[k].h, 8);
    memcpy(blob + 12 * k + 8, &sig[k].w, 4);
  }
  return (int)(12 * bs->nsig);
}

/*
 * One clustering pass: the new articles nv[0..nn) (in cmp_item order) with
 * the stored stories of their time window, re-clustered together in batch
 * mode; stored stories keep their ids where they keep their members.
 */
static int cluster_pass(px_store *st, const px_story_opts *o, item *nv, size_t nn,
                        int64_t *placed, int64_t **touched, size_t *ntouched,
                        size_t *atouched) {
  item *v = NULL;
  size_t n = 0, cap = 0;
  int64_t *ids = NULL, *ext = NULL;
  match *mt = NULL;
  int64_t *olds = NULL;
  bool *used = NULL, *fresh = NULL;
  px_stories *sx = NULL;
  px_article *art = NULL;
  int rc = PX_OK;
  for (size_t i = 0; i < nn; i++)
    if ((rc = push(&v, &n, &cap, nv[i]))) goto out;
  /* The stored stories with an article within span + window of a new
   * dated one (whole stories, so their spans are known), over the merged
   * intervals of the new articles' times. */
  double w = (o->span_days + o->window_days) * 86400.0;
  size_t known0 = n;
  for (size_t i = 0; i < nn;) {
    if (!nv[i].has_time) break;
    int64_t lo = nv[i].t - (int64_t)w, hi = nv[i].t + (int64_t)w;
    size_t j = i + 1;
    while (j < nn && nv[j].has_time && nv[j].t - (int64_t)w <= hi) hi = nv[j++].t + (int64_t)w;
    if ((rc = collect(st,
                      KNOWN_SQL("SELECT sa2.story FROM article a2 INDEXED BY article_time"
                                " JOIN story_article sa2 ON sa2.article = a2.id"
                                " WHERE a2.published BETWEEN ?1 AND ?2"),
                      lo, hi, 2, &v, &n, &cap)))
      goto out;
    i = j;
  }
  /* Undated articles clustered by text: the stored undated ones too. */
  if (o->undated == PX_UNDATED_JOIN && nn && !nv[nn - 1].has_time &&
      (rc = collect(st,
                    KNOWN_SQL("SELECT sa2.story FROM article a2 INDEXED BY article_time"
                              " JOIN story_article sa2 ON sa2.article = a2.id"
                              " WHERE a2.published IS NULL ORDER BY a2.id DESC LIMIT ?1"),
                    o->pass_articles, 0, 1, &v, &n, &cap)))
    goto out;
  /* One copy of each stored article; at most pass_articles, the latest. */
  const size_t known_cap = (size_t)o->pass_articles;
  if (n > known0) {
    qsort(v + known0, n - known0, sizeof(*v), cmp_item_id);
    size_t k = known0;
    for (size_t i = known0; i < n; i++)
      if (k == known0 || v[k - 1].id != v[i].id) v[k++] = v[i];
    n = k;
    if (n - known0 > known_cap) {
      memmove(v + known0, v + n - known_cap, known_cap * sizeof(*v));
      n = known0 + known_cap;
    }
  }
  qsort(v, n, sizeof(*v), cmp_item);
  ids = malloc((n + 1) * sizeof(*ids));
  if (!ids) {
    rc = PX_ENOMEM;
    goto out;
  }
  px_story_opts bo = *o;
  bo.batch = 1;
  if ((rc = px_stories_new(st->ctx, &bo, &sx))) goto out;
  for (size_t i = 0; i < n; i++) {
    int64_t idx;
    /* The analysis made when the article was stored, when this process
     * stored it (store_feat.c); else the article, analysed again. */
    size_t nrec = 0;
    const void *rec = px__spill_get(st, v[i].id, &nrec);
    if (rec && (rc = px__stories_add_rec(sx, rec, nrec, &idx)) != PX_EINVAL && rc != PX_EFORMAT) {
      if (rc) goto out;
      ids[idx] = (int64_t)i;
      continue;
    }
    px_article_free(art);
    art = NULL;
    if ((rc = px_store_get(st, v[i].id, &art))) goto out;
    if ((rc = px_stories_add(sx, art, &idx))) goto out;
    ids[idx] = (int64_t)i;
  }
  if ((rc = px_stories_finish(sx))) goto out;
  /* Which stored story each new story continues: most shared members
   * first, each stored story at most once. */
  int64_t ns = px_stories_count(sx);
  ext = calloc((size_t)ns + 1, sizeof(*ext));
  mt = malloc((n + 1) * sizeof(*mt));
  olds = malloc((n + 1) * sizeof(*olds));
  if (!ext || !mt || !olds) {
    rc = PX_ENOMEM;
    goto out;
  }
  size_t nm = 0, nold = 0;
  for (size_t idx = 0; idx < n; idx++) {
    item *it = &v[ids[idx]];
    if (!it->story) continue;
    px_story_result r;
    px_stories_result(sx, (int64_t)idx, &r);
    mt[nm++] = (match){1, it->story, r.story};
    olds[nold++] = it->story;
  }
  /* count (old, bstory) pairs */
  qsort(mt, nm, sizeof(*mt), cmp_match);
  {
    /* pairs are equal-n (1) here: group equal (old, bstory) */
    size_t k = 0;
    for (size_t i = 0; i < nm;) {
      size_t j = i;
      while (j < nm && mt[j].old == mt[i].old && mt[j].bstory == mt[i].bstory) j++;
      mt[k] = mt[i];
      mt[k++].n = (int64_t)(j - i);
      i = j;
    }
    nm = k;
  }
  qsort(mt, nm, sizeof(*mt), cmp_match);
  qsort(olds, nold, sizeof(*olds), cmp_i64);
  {
    size_t k = 0;
    for (size_t i = 0; i < nold; i++)
      if (!k || olds[k - 1] != olds[i]) olds[k++] = olds[i];
    nold = k;
  }
  used = calloc(nold + 1, sizeof(*used));
  if (!used) {
    rc = PX_ENOMEM;
    goto out;
  }
  for (size_t i = 0; i < nm; i++) {
    int64_t *pos = bsearch(&mt[i].old, olds, nold, sizeof(*olds), cmp_i64);
    size_t oi = (size_t)(pos - olds);
    if (used[oi] || ext[mt[i].bstory]) continue;
    used[oi] = true;
    ext[mt[i].bstory] = mt[i].old;
  }
  /* New stories are inserted with their headline and signature; the
   * stored ones they continue are updated below. */
  fresh = calloc((size_t)ns + 1, sizeof(*fresh));
  if (!fresh) {
    rc = PX_ENOMEM;
    goto out;
  }
  for (int64_t b = 0; b < ns; b++) {
    if (ext[b]) continue;
    const px__bstory *bs = px__stories_batch_story(sx, b);
    sqlite3_stmt *s = NULL;
    unsigned char blob[PX__SIG_TERMS * 12]; /* bound static: alive until the step below */
    if (bs) {
      if ((rc = px__store_stmt(st, PX__STMT_STORY_NEW_SIG,
                               "INSERT INTO story(central, sig) VALUES(?1, ?2)", &s)))
        goto out;
      sqlite3_bind_int64(s, 1, v[ids[bs->central]].id);
      sqlite3_bind_blob(s, 2, blob, story_sig(bs, blob), SQLITE_STATIC);
      fresh[b] = true;
    } else if ((rc = px__store_stmt(st, PX__STMT_STORY_NEW, "INSERT INTO story DEFAULT VALUES",
                                    &s))) {
      goto out;
    }
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
      rc = fail(st, rc, "storing a story");
      goto out;
    }
    ext[b] = sqlite3_last_insert_rowid(st->db);
  }
  /* Members: new ones inserted, stored ones moved when their story changed. */
  for (size_t idx = 0; idx < n; idx++) {
    item *it = &v[ids[idx]];
    px_story_result r;
    px_stories_result(sx, (int64_t)idx, &r);
    int64_t story = ext[r.story];
    if (it->story) {
      if (it->story == story) continue;
      if ((rc = exec_bind(st, "UPDATE story_article SET story = ?2 WHERE article = ?1", it->id,
                          story, "moving an article to another story")))
        goto out;
      continue;
    }
    px_story_place p = {it->id,
                        r.similarity,
                        r.dup_of >= 0 ? v[ids[r.dup_of]].id : 0,
                        r.dup_exact,
                        r.dup_sim,
                        r.wire_share,
                        r.wire_source >= 0 ? v[ids[r.wire_source]].id : 0,
                        r.flags};
    if ((rc = insert_member(st, &p, story))) goto out;
    (*placed)++;
  }
  /* Stored stories left without members go. */
  for (size_t i = 0; i < nold; i++) {
    if (used[i]) continue;
    if ((rc = exec_bind(st,
                        "DELETE FROM story WHERE id = ?1 AND ?2 = ?2 AND NOT EXISTS"
                        " (SELECT 1 FROM story_article WHERE story = ?1)",
                        olds[i], 0, "removing an empty story")) ||
        (rc = exec_bind(st, "DELETE FROM comparison_cache WHERE story = ?1 AND ?2 = ?2", olds[i],
                        0, "removing an empty story")) ||
        (rc = exec_bind(st, "UPDATE story SET thread = NULL WHERE thread = ?1 AND ?2 = ?2",
                        olds[i], 0, "removing an empty story")))
      goto out;
  }
  /* Each story's headline article and signature. */
  for (int64_t b = 0; b < ns; b++) {
    const px__bstory *bs = px__stories_batch_story(sx, b);
    if (!bs) continue;
    if (!fresh[b]) {
      unsigned char blob[PX__SIG_TERMS * 12];
      sqlite3_stmt *s = NULL;
      if ((rc = px__store_stmt(st, PX__STMT_STORY_SIG,
                               "UPDATE story SET central = ?2, sig = ?3 WHERE id = ?1", &s)))
        goto out;
      sqlite3_bind_int64(s, 1, ext[b]);
      sqlite3_bind_int64(s, 2, v[ids[bs->central]].id);
      sqlite3_bind_blob(s, 3, blob, story_sig(bs, blob), SQLITE_STATIC);
      rc = sqlite3_step(s);
      sqlite3_reset(s);
      if (rc != SQLITE_DONE) {
        rc = fail(st, rc, "storing a story's headline");
        goto out;
      }
    }
    if (*ntouched == *atouched) {
      size_t na = *atouched ? *atouched * 2 : 1024;
      int64_t *nt = realloc(*touched, na * sizeof(*nt));
      if (!nt) {
        rc = PX_ENOMEM;
        goto out;
      }
      *touched = nt;
      *atouched = na;
    }
    (*touched)[(*ntouched)++] = ext[b];
  }
  rc = PX_OK;
out:
  px_article_free(art);
  px_stories_free(sx);
  free(ids);
  free(ext);
  free(mt);
  free(olds);
  free(used);
  free(fresh);
  free(v);
  return rc;
}

int px_store_cluster_new_articles(px_store *st, const px_story_opts *opts, int64_t *added) {
  if (added) *added = 0;
  if (!st) return PX_EINVAL;
  if (!st->writable)
    return px__ctx_fail(st->ctx, PX_EINVAL, "%s: opened read-only, cannot cluster", st->path);
  px_story_opts o;
  if (opts) o = *opts;
  else px_story_opts_init(&o);
  {
    px__params p;
    px__params_init(&p, &o);
    o = p.o;
  }
  item *v = NULL;
  size_t n = 0, cap = 0;
  int64_t *touched = NULL;
  size_t ntouched = 0, atouched = 0;
  bool own_tx = false;
  int64_t placed = 0;
  int rc;
  /* The write lock first: what has no story yet is read under it, so
   * concurrent runs cannot place the same article twice. */
  if (!st->in_tx) {
    if ((rc = px_store_begin(st))) goto out;
    own_tx = true;
  }
  /* The ids come from a covering index: scanning the article table itself
   * would read every body (hundreds of MB on a large store) on each
   * command that opens the store clustered. */
  if ((rc = collect(st,
                    "SELECT id, published, 0, content_hash FROM article WHERE id IN"
                    " (SELECT id FROM article WHERE id NOT IN (SELECT article FROM story_article))",
                    0, 0, 0, &v, &n, &cap)))
    goto out;
  if (n == 0) goto done;
  if (o.undated == PX_UNDATED_AUTO) {
    sqlite3_stmt *s = NULL;
    if ((rc = sqlite3_prepare_v2(st->db,
                                 "SELECT EXISTS (SELECT 1 FROM article INDEXED BY article_time"
                                 " WHERE published IS NOT NULL)",
                                 -1, &s, NULL)) != SQLITE_OK) {
      rc = fail(st, rc, "finding dated articles");
      goto out;
    }
    o.undated = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) ? PX_UNDATED_ALONE
                                                                            : PX_UNDATED_JOIN;
    sqlite3_finalize(s);
  }
  qsort(v, n, sizeof(*v), cmp_item);
  const size_t chunk = (size_t)o.pass_articles;
  for (size_t i = 0; i < n; i += chunk)
    if ((rc = cluster_pass(st, &o, v + i, PX__MIN(chunk, n - i), &placed, &touched,
                           &ntouched, &atouched)))
      goto out;
  if ((rc = px__store_link_threads(st, &o, touched, ntouched))) goto out;
  px__spill_release(st); /* every article with a record is placed */
done:
  if (own_tx) {
    own_tx = false;
    if ((rc = px_store_commit(st))) goto out;
  }
  if (added) *added = placed;
  rc = PX_OK;
out:
  if (own_tx) px_store_rollback(st);
  free(touched);
  free(v);
  return rc;
}

/* ------------------------------------------------------------ listings */

/* A story's headline: the title of its most central article (the member
 * most like the story's centroid) when it states the news, else of the
 * member most like the story whose title does (a title that asks, "Who
 * is ...?", or a column's, "OPINION: ...", or one at a column's address,
 * ".../opinion/...", heads an explainer or a column: the test of the
 * brief's choice, px__brief_make, with end_mark's closing marks,
 * PX__COLUMN_TITLE_OPENINGS and PX__COLUMN_URL_SECTIONS); else the central's, else
 * of its earliest with a title; then its thread.  The test reads a title
 * as tt. */
#define STORY_NOT_COLUMN(s) " AND tt NOT LIKE '" s "%'"
#define STORY_NOT_COLUMN_URL(s) " AND tu NOT LIKE '%/" s "/%'"
#define STORY_NEWS_TITLE \
  " tt <> '' AND rtrim(tt, ' \n\"''\xe2\x80\x9d\xe2\x80\x99') NOT LIKE '%?'" \
  PX__COLUMN_TITLE_OPENINGS(STORY_NOT_COLUMN) PX__COLUMN_URL_SECTIONS(STORY_NOT_COLUMN_URL)
#define STORY_TITLE(id) \
  " coalesce((SELECT tt FROM (SELECT a4.title AS tt, a4.url AS tu FROM story s4 JOIN article a4" \
  "   ON a4.id = s4.central WHERE s4.id = " id ") WHERE" STORY_NEWS_TITLE ")," \
  " (SELECT tt FROM (SELECT a7.title AS tt, a7.url AS tu, sa7.similarity AS sim, a7.id AS aid" \
  "   FROM story_article sa7 JOIN article a7 ON a7.id = sa7.article" \
  "   WHERE sa7.story = " id " AND sa7.dup_of IS NULL) WHERE" STORY_NEWS_TITLE \
  "   ORDER BY sim DESC, aid LIMIT 1)," \
  " (SELECT a4.title FROM story s4 JOIN article a4 ON a4.id = s4.central"           \
  "   WHERE s4.id = " id " AND a4.title <> ''),"                                              \
  " (SELECT a2.title FROM story_article sa2 JOIN article a2 ON a2.id = sa2.article"          \
  "   WHERE sa2.story = " id " AND a2.title <> ''"                                           \
  "   ORDER BY a2.published IS NULL, a2.published, a2.id LIMIT 1))"
#define STORY_HEADLINE(id) \
  STORY_TITLE(id) "," " (SELECT coalesce(s5.thread, s5.id) FROM story s5 WHERE s5.id = " id ")"

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
    in.thread = sqlite3_column_int64(s, 7);
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

/* ------------------------------------------------------------ threads */

int px_store_threads(px_store *st, int64_t min_stories, int64_t limit, px_thread_cb cb,
                     void *user) {
  if (!st || !cb) return PX_EINVAL;
  int frc = px__store_flush_rows(st);
  if (frc) return frc;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(
      st->db,
      "SELECT g.th, g.first, g.last, g.ns, g.n, g.outlets,"
      " (SELECT coalesce(" STORY_TITLE("sz.story") ", '')"
      "  FROM (SELECT sa6.story AS story, count(*) AS c FROM story s6"
      "   JOIN story_article sa6 ON sa6.story = s6.id WHERE coalesce(s6.thread, s6.id) = g.th"
      "   GROUP BY sa6.story ORDER BY c DESC, sa6.story LIMIT 1) sz)"
      " FROM (SELECT coalesce(s.thread, s.id) AS th, min(a.published) AS first,"
      "  max(a.published) AS last, count(DISTINCT s.id) AS ns, count(*) AS n,"
      "  count(DISTINCT a.source) AS outlets"
      "  FROM story s JOIN story_article sa ON sa.story = s.id JOIN article a ON a.id = sa.article"
      "  GROUP BY th HAVING count(DISTINCT s.id) >= ?1"
      "  ORDER BY max(a.published) IS NULL, max(a.published) DESC, th DESC LIMIT ?2) g",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "listing threads");
  sqlite3_bind_int64(s, 1, min_stories > 0 ? min_stories : 1);
  sqlite3_bind_int64(s, 2, limit > 0 ? limit : -1);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    px_thread_info in;
    memset(&in, 0, sizeof(in));
    in.id = sqlite3_column_int64(s, 0);
    if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
      in.first = sqlite3_column_int64(s, 1);
      in.last = sqlite3_column_int64(s, 2);
      in.has_time = 1;
    }
    in.stories = sqlite3_column_int64(s, 3);
    in.articles = sqlite3_column_int64(s, 4);
    in.outlets = sqlite3_column_int64(s, 5);
    const unsigned char *h = sqlite3_column_text(s, 6);
    in.headline.ptr = h ? (const char *)h : "";
    in.headline.len = h ? (size_t)sqlite3_column_bytes(s, 6) : 0;
    if (cb(user, &in)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  sqlite3_finalize(s);
  return rc == SQLITE_DONE ? PX_OK : fail(st, rc, "listing threads");
}

/* The values of column 0 of sql (bound to story) not in seen: added to
 * seen and to out (strings owned by seen). */
static int news(px_store *st, const char *sql, int64_t story, px__strmap *seen, px_str **out,
                size_t *n, size_t *cap) {
  sqlite3_stmt *s = NULL;
  *n = 0;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "loading a thread");
  sqlite3_bind_int64(s, 1, story);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(s, 0);
    size_t len = (size_t)sqlite3_column_bytes(s, 0);
    if (!t || !len || px__strmap_get(seen, t, len, NULL)) continue;
    const char *kept;
    if ((rc = px__strmap_put(seen, t, len, 1, &kept))) break;
    if (*n == *cap) {
      size_t nc = *cap ? *cap * 2 : 16;
      px_str *nv = realloc(*out, nc * sizeof(*nv));
      if (!nv) {
        rc = PX_ENOMEM;
        break;
      }
      *out = nv;
      *cap = nc;
    }
    (*out)[(*n)++] = (px_str){kept, len};
  }
  sqlite3_finalize(s);
  if (rc == PX_ENOMEM) return rc;
  return rc == SQLITE_DONE ? PX_OK : fail(st, rc, "loading a thread");
}

typedef struct kept_info {
  px_story_info in;
  char headline[512];
} kept_info;

/* A copy of the story's summary: its headline is borrowed from a
 * statement that is gone once px_store_story_get() returns. */
static int keep_info(void *user, const px_story_info *in) {
  kept_info *k = user;
  k->in = *in;
  size_t len = PX__MIN(in->headline.len, sizeof(k->headline) - 1);
  while (len && len < in->headline.len && (in->headline.ptr[len] & 0xC0) == 0x80) len--;
  memcpy(k->headline, in->headline.ptr, len);
  k->headline[len] = '\0';
  k->in.headline = (px_str){k->headline, len};
  return 1;
}

int px_store_thread_stories(px_store *st, int64_t id, px_thread_step_cb cb, void *user) {
  if (!st || !cb) return PX_EINVAL;
  int frc = px__store_flush_rows(st);
  if (frc) return frc;
  sqlite3_stmt *s = NULL;
  int64_t *ids = NULL;
  size_t n = 0, cap = 0;
  int rc = sqlite3_prepare_v2(
      st->db,
      "SELECT s.id FROM story s JOIN story_article sa ON sa.story = s.id"
      " JOIN article a ON a.id = sa.article WHERE coalesce(s.thread, s.id) = ?1"
      " GROUP BY s.id ORDER BY min(a.published) IS NULL, min(a.published), s.id",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return fail(st, rc, "loading a thread");
  sqlite3_bind_int64(s, 1, id);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 16;
      int64_t *nv = realloc(ids, nc * sizeof(*nv));
      if (!nv) {
        sqlite3_finalize(s);
        free(ids);
        return PX_ENOMEM;
      }
      ids = nv;
      cap = nc;
    }
    ids[n++] = sqlite3_column_int64(s, 0);
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) {
    free(ids);
    return fail(st, rc, "loading a thread");
  }
  if (!n) {
    free(ids);
    return px__ctx_fail(st->ctx, PX_ENOTFOUND, "no thread with id %lld", (long long)id);
  }
  px__strmap so, ss, sn;
  px__strmap_init(&so);
  px__strmap_init(&ss);
  px__strmap_init(&sn);
  px_str *vo = NULL, *vs = NULL, *vn = NULL;
  size_t no = 0, co = 0, nsp = 0, cs = 0, nn = 0, cn = 0;
  rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK; i++) {
    kept_info ki;
    if ((rc = px_store_story_get(st, ids[i], keep_info, &ki))) break;
    if ((rc = news(st,
                   "SELECT DISTINCT a.source FROM story_article sa JOIN article a ON a.id = sa.article"
                   " WHERE sa.story = ?1 AND a.source <> '' ORDER BY a.source",
                   ids[i], &so, &vo, &no, &co)) ||
        (rc = news(st,
                   "SELECT max(q.speaker_name) FROM story_article sa JOIN quote q ON q.article = sa.article"
                   " WHERE sa.story = ?1 AND q.speaker_key <> '' GROUP BY q.speaker_key ORDER BY 1",
                   ids[i], &ss, &vs, &nsp, &cs)) ||
        (rc = news(st,
                   "SELECT e.name FROM story_article sa JOIN article_entity ae ON ae.article = sa.article"
                   " JOIN entity e ON e.id = ae.entity WHERE sa.story = ?1 GROUP BY e.id"
                   " HAVING count(*) >= 2 ORDER BY count(*) DESC, e.name",
                   ids[i], &sn, &vn, &nn, &cn)))
      break;
    px_thread_step stp = {&ki.in, vo, no, vs, nsp, vn, nn};
    if (cb(user, &stp)) break;
  }
  px__strmap_release(&so);
  px__strmap_release(&ss);
  px__strmap_release(&sn);
  free(vo);
  free(vs);
  free(vn);
  free(ids);
  return rc;
}

/* ------------------------------------------ stories clustered elsewhere */

int px_store_add_story(px_store *st, const px_story_place *m, size_t n, int64_t central,
                       const uint64_t *sig_h, const float *sig_w, size_t nsig, int64_t *story) {
  if (story) *story = 0;
  if (!st || (n && !m) || nsig > PX__SIG_TERMS || (nsig && (!sig_h || !sig_w))) return PX_EINVAL;
  if (!st->writable)
    return px__ctx_fail(st->ctx, PX_EINVAL, "%s: opened read-only, cannot store a story", st->path);
  sqlite3_stmt *s = NULL;
  int rc;
  if ((rc = px__store_stmt(st, PX__STMT_STORY_NEW, "INSERT INTO story DEFAULT VALUES", &s)))
    return rc;
  if ((rc = sqlite3_step(s)) != SQLITE_DONE) return fail(st, rc, "storing a story");
  sqlite3_reset(s);
  int64_t id = sqlite3_last_insert_rowid(st->db);
  for (size_t i = 0; i < n; i++)
    if ((rc = insert_member(st, &m[i], id))) return rc;
  px__sigterm sig[PX__SIG_TERMS];
  for (size_t k = 0; k < nsig; k++) sig[k] = (px__sigterm){sig_h[k], sig_w[k]};
  qsort(sig, nsig, sizeof(*sig), cmp_sigterm);
  unsigned char blob[PX__SIG_TERMS * 12];
  for (size_t k = 0; k < nsig; k++) {
    memcpy(blob + 12 * k, &sig[k].h, 8);
    memcpy(blob + 12 * k + 8, &sig[k].w, 4);
  }
  s = NULL;
  if ((rc = sqlite3_prepare_v2(st->db, "UPDATE story SET central = ?2, sig = ?3 WHERE id = ?1", -1,
                               &s, NULL)) != SQLITE_OK)
    return fail(st, rc, "storing a story's headline");
  sqlite3_bind_int64(s, 1, id);
  if (central > 0) sqlite3_bind_int64(s, 2, central);
  else sqlite3_bind_null(s, 2);
  sqlite3_bind_blob(s, 3, blob, (int)(12 * nsig), SQLITE_TRANSIENT);
  rc = sqlite3_step(s);
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) return fail(st, rc, "storing a story's headline");
  if (story) *story = id;
  return PX_OK;
}

int px_store_link_stories(px_store *st, const px_story_opts *opts, const int64_t *ids, size_t n) {
  if (!st || (n && !ids)) return PX_EINVAL;
  px_story_opts o;
  if (opts) o = *opts;
  else px_story_opts_init(&o);
  px__params p;
  px__params_init(&p, &o);
  return px__store_link_threads(st, &p.o, ids, n);
}
