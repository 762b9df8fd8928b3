/* store_batch.c - what the store keeps in memory while it writes: the
 * lookup caches (entity key to id, speakers already stored) and the work
 * an open batch defers to its commit (entity counters, full-text rows;
 * the entity mention and quote rows, in store_analysis.c).
 *
 * Why deferred: the counters used to be kept by a trigger per stored
 * article_entity row (an UPDATE of the entity and an upsert of its outlet
 * count, each a B-tree seek, plus the entity_articles index entry moved for
 * every mention); the full-text rows by a trigger per article, and a
 * statement that fires a trigger runs in a statement savepoint, at which
 * FTS5 writes its pending terms out as a new segment: one tiny segment per
 * article, merged again and again.  Summed per batch and written once,
 * inside the batch's transaction, both cost a fraction, and what a reader
 * or a crash sees is the same: the batch whole or not at all.
 */
#include "store.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------- string -> int64 */

static uint64_t str_hash(const char *s, size_t n) { return px__hash64(s, n, 0x5eed) | 1; }

static int strmap_grow(px__strmap *m) {
  size_t cap = m->cap ? m->cap * 2 : 1024;
  px__strmap_slot *slot = calloc(cap, sizeof(*slot));
  if (!slot) return PX_ENOMEM;
  for (size_t i = 0; i < m->cap; i++) {
    px__strmap_slot *o = &m->slot[i];
    if (!o->hash) continue;
    size_t j = (size_t)o->hash & (cap - 1);
    while (slot[j].hash) j = (j + 1) & (cap - 1);
    slot[j] = *o;
  }
  free(m->slot);
  m->slot = slot;
  m->cap = cap;
  return PX_OK;
}

bool px__strmap_get(const px__strmap *m, const char *s, size_t n, int64_t *val) {
  if (!m->cap) return false;
  uint64_t h = str_hash(s, n);
  for (size_t j = (size_t)h & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
    const px__strmap_slot *o = &m->slot[j];
    if (!o->hash) return false;
    if (o->hash == h && o->len == n && memcmp(o->key, s, n) == 0) {
      if (val) *val = o->val;
      return true;
    }
  }
}

int px__strmap_put(px__strmap *m, const char *s, size_t n, int64_t val, const char **stored) {
  if (n > UINT32_MAX) return PX_EINVAL;
  if ((m->n + 1) * 4 > m->cap * 3 && strmap_grow(m)) return PX_ENOMEM;
  uint64_t h = str_hash(s, n);
  size_t j = (size_t)h & (m->cap - 1);
  for (;; j = (j + 1) & (m->cap - 1)) {
    px__strmap_slot *o = &m->slot[j];
    if (!o->hash) break;
    if (o->hash == h && o->len == n && memcmp(o->key, s, n) == 0) {
      o->val = val;
      if (stored) *stored = o->key;
      return PX_OK;
    }
  }
  char *k = px__arena_strndup(&m->mem, s, n);
  if (!k) return PX_ENOMEM;
  m->slot[j] = (px__strmap_slot){h, k, (uint32_t)n, val};
  m->n++;
  if (stored) *stored = k;
  return PX_OK;
}

void px__strmap_clear(px__strmap *m) {
  if (m->cap) memset(m->slot, 0, m->cap * sizeof(*m->slot));
  m->n = 0;
  px__arena_reset(&m->mem);
}

void px__strmap_release(px__strmap *m) {
  free(m->slot);
  px__arena_release(&m->mem);
  memset(m, 0, sizeof(*m));
}

void px__strmap_init(px__strmap *m) {
  memset(m, 0, sizeof(*m));
  px__arena_init(&m->mem, 64 * 1024);
}

/* ------------------------------------------ (int64, int64) -> counters */

static int pairmap_grow(px__pairmap *m) {
  size_t cap = m->cap ? m->cap * 2 : 1024;
  px__pair *slot = calloc(cap, sizeof(*slot));
  if (!slot) return PX_ENOMEM;
  for (size_t i = 0; i < m->cap; i++) {
    px__pair *o = &m->slot[i];
    if (!o->used) continue;
    size_t j = (size_t)px__mix64((uint64_t)o->a * 0x9e3779b97f4a7c15ULL ^ (uint64_t)o->b) &
               (cap - 1);
    while (slot[j].used) j = (j + 1) & (cap - 1);
    slot[j] = *o;
  }
  free(m->slot);
  m->slot = slot;
  m->cap = cap;
  return PX_OK;
}

px__pair *px__pairmap_put(px__pairmap *m, int64_t a, int64_t b) {
  if ((m->n + 1) * 4 > m->cap * 3 && pairmap_grow(m)) return NULL;
  size_t j = (size_t)px__mix64((uint64_t)a * 0x9e3779b97f4a7c15ULL ^ (uint64_t)b) & (m->cap - 1);
  for (;; j = (j + 1) & (m->cap - 1)) {
    px__pair *o = &m->slot[j];
    if (!o->used) break;
    if (o->a == a && o->b == b) return o;
  }
  px__pair *o = &m->slot[j];
  memset(o, 0, sizeof(*o));
  o->used = 1;
  o->a = a;
  o->b = b;
  m->n++;
  return o;
}

void px__pairmap_clear(px__pairmap *m) {
  if (m->cap) memset(m->slot, 0, m->cap * sizeof(*m->slot));
  m->n = 0;
}

void px__pairmap_release(px__pairmap *m) {
  free(m->slot);
  memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------ the batch state */

void px__batch_init(px__batch *b) {
  memset(b, 0, sizeof(*b));
  px__strmap_init(&b->entity_ids);
  px__strmap_init(&b->speakers);
  px__strmap_init(&b->sources);
  px__buf_init(&b->new_speakers, 0);
  px__buf_init(&b->new_entities, 0);
  px__buf_init(&b->fresh_src, 0);
  px__buf_init(&b->row_text, 0);
}

void px__batch_release(px__batch *b) {
  px__strmap_release(&b->entity_ids);
  px__strmap_release(&b->speakers);
  px__strmap_release(&b->sources);
  px__buf_release(&b->new_speakers);
  px__buf_release(&b->new_entities);
  px__pairmap_release(&b->entities);
  px__pairmap_release(&b->outlets);
  free(b->source_names);
  free(b->fresh);
  px__buf_release(&b->fresh_src);
  free(b->ae);
  free(b->qr);
  px__buf_release(&b->row_text);
  memset(b, 0, sizeof(*b));
}

/* What a rolled-back transaction wrote is gone: so is every cache entry
 * that may name it, and the pending work. */
void px__batch_forget(px__batch *b) {
  px__strmap_clear(&b->entity_ids);
  px__strmap_clear(&b->speakers);
  px__strmap_clear(&b->sources);
  px__pairmap_clear(&b->entities);
  px__pairmap_clear(&b->outlets);
  b->nsources = 0;
  b->fts_lo = b->fts_hi = 0;
  b->new_speakers.len = 0;
  b->new_entities.len = 0;
  b->new_entity_lo = b->next_entity = 0;
  b->ids_complete = false;
  b->body_bytes = 0;
  b->nae = b->nqr = 0;
  b->row_text.len = 0;
  px__batch_fresh_clear(b);
}

/* ------------------------------------------- articles without analysis */

/* At most this many fresh articles are remembered in one transaction;
 * past it, an article is treated as one stored earlier (its analysis
 * clears first: right, only slower). */
#define FRESH_MAX 1000000

void px__batch_fresh_add(px__batch *b, int64_t id, px_str source) {
  if (b->fresh_head == b->fresh_n) px__batch_fresh_clear(b); /* all analysed: start over */
  if (b->fresh_n == FRESH_MAX) return;
  if (b->fresh_n == b->fresh_cap) {
    size_t nc = b->fresh_cap ? b->fresh_cap * 2 : 256;
    px__fresh *nf = realloc(b->fresh, nc * sizeof(*nf));
    if (!nf) return; /* the set is optional */
    b->fresh = nf;
    b->fresh_cap = nc;
  }
  size_t off = b->fresh_src.len;
  if (px__buf_append(&b->fresh_src, source.ptr ? source.ptr : "", source.len)) return;
  if (b->fresh_n && b->fresh[b->fresh_n - 1].id >= id) b->fresh_sorted = false;
  b->fresh[b->fresh_n++] = (px__fresh){id, off, source.len, false};
}

px__fresh *px__batch_fresh_find(px__batch *b, int64_t id) {
  size_t lo = b->fresh_head, hi = b->fresh_n;
  px__fresh *f = NULL;
  if (lo < hi && b->fresh[lo].id == id) {
    f = &b->fresh[lo]; /* the usual case: analyses come in the order stored */
  } else if (b->fresh_sorted) {
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (b->fresh[mid].id < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo < b->fresh_n && b->fresh[lo].id == id) f = &b->fresh[lo];
  } else {
    for (size_t i = lo; i < hi && !f; i++)
      if (b->fresh[i].id == id) f = &b->fresh[i];
  }
  return f && !f->done ? f : NULL;
}

void px__batch_fresh_done(px__batch *b, px__fresh *f) {
  f->done = true;
  while (b->fresh_head < b->fresh_n && b->fresh[b->fresh_head].done) b->fresh_head++;
}

void px__batch_fresh_clear(px__batch *b) {
  b->fresh_head = b->fresh_n = 0;
  b->fresh_src.len = 0;
  b->fresh_sorted = true;
}

/* The caches only grow; past these sizes they start over (the store stays
 * right, lookups go back to the database). */
#define CACHE_MAX_ENTRIES 2000000

int px__batch_new_entity(px__batch *b, px_str key, px_str name, const char *type, int64_t id) {
  px__buf *q = &b->new_entities;
  px_str t = {type, strlen(type)};
  if (!q->len) b->new_entity_lo = id;
  const px_str f[3] = {key, name, t};
  for (int k = 0; k < 3; k++)
    if (px__buf_append(q, &f[k].len, sizeof f[k].len) || px__buf_append(q, f[k].ptr, f[k].len))
      return PX_ENOMEM;
  return px__pairmap_put(&b->entities, id, 0) ? PX_OK : PX_ENOMEM;
}

int px__batch_count_entity(px__batch *b, int64_t entity, const char *source, size_t srclen,
                           int64_t mentions) {
  int64_t si;
  if (!px__strmap_get(&b->sources, source, srclen, &si)) {
    if (b->nsources == b->cap_sources) {
      size_t nc = b->cap_sources ? b->cap_sources * 2 : 64;
      const char **nv = realloc(b->source_names, nc * sizeof(*nv));
      if (!nv) return PX_ENOMEM;
      b->source_names = nv;
      b->cap_sources = nc;
    }
    si = (int64_t)b->nsources;
    int rc = px__strmap_put(&b->sources, source, srclen, si, &b->source_names[b->nsources]);
    if (rc) return rc;
    b->nsources++;
  }
  px__pair *e = px__pairmap_put(&b->entities, entity, 0);
  px__pair *o = px__pairmap_put(&b->outlets, entity, si);
  if (!e || !o) return PX_ENOMEM;
  e->n1 += 1;
  e->n2 += mentions;
  o->n1 += 1;
  return PX_OK;
}

static int cmp_pair(const void *x, const void *y) {
  const px__pair *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  return p->b < q->b ? -1 : p->b > q->b;
}

/* Pack the used slots at the front, in key order (B-tree order for the
 * writes that follow).  The map is cleared afterwards by the caller. */
static size_t pack_sorted(px__pairmap *m) {
  size_t k = 0;
  for (size_t i = 0; i < m->cap; i++)
    if (m->slot[i].used) m->slot[k++] = m->slot[i];
  qsort(m->slot, k, sizeof(*m->slot), cmp_pair);
  return k;
}

/* The n fields at q[at]: each (size_t length, bytes), as the writer
 * queues them.  @return the offset after them. */
static size_t read_fields(const px__buf *q, size_t at, px_str *f, int n) {
  for (int k = 0; k < n; k++) {
    memcpy(&f[k].len, q->ptr + at, sizeof f[k].len);
    f[k].ptr = q->ptr + at + sizeof f[k].len;
    at += sizeof f[k].len + f[k].len;
  }
  return at;
}

int px__store_flush_counters(px_store *st) {
  px__batch *b = &st->batch;
  if (b->entities.n == 0) return PX_OK;
  sqlite3_stmt *s = NULL;
  int rc = PX_OK;
  /* Outlet counts first: a pair seen for the first time adds an outlet. */
  size_t no = pack_sorted(&b->outlets);
  px__buf *q = &b->new_entities;
  size_t i = 0;
  for (; i < no && rc == PX_OK; i++) {
    px__pair *o = &b->outlets.slot[i];
    if (q->len && o->a >= b->new_entity_lo) break; /* the new entities' pairs, below */
    /* An insert that adds a row tells a new outlet apart (no RETURNING:
     * that materialises its result in a temporary table per statement). */
    if ((rc = px__store_stmt(st, PX__STMT_OUTLET_ADD,
                             "INSERT INTO entity_outlet(entity, source, articles)"
                             " VALUES(?1, ?2, ?3) ON CONFLICT(entity, source) DO NOTHING",
                             &s)))
      break;
    const char *src = b->source_names[o->b];
    sqlite3_bind_int64(s, 1, o->a);
    sqlite3_bind_text(s, 2, src, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, o->n1);
    int r = sqlite3_step(s);
    sqlite3_reset(s);
    if (r != SQLITE_DONE) {
      rc = px__store_step_fail(st, r, "counting entity outlets");
      break;
    }
    if (sqlite3_changes(st->db) > 0) {
      px__pair *e = px__pairmap_put(&b->entities, o->a, 0);
      if (!e) rc = PX_ENOMEM;
      else e->n3 += 1;
      continue;
    }
    if ((rc = px__store_stmt(st, PX__STMT_OUTLET_MORE,
                             "UPDATE entity_outlet SET articles = articles + ?3"
                             " WHERE entity = ?1 AND source = ?2",
                             &s)))
      break;
    sqlite3_bind_int64(s, 1, o->a);
    sqlite3_bind_text(s, 2, src, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, o->n1);
    r = sqlite3_step(s);
    sqlite3_reset(s);
    if (r != SQLITE_DONE) rc = px__store_step_fail(st, r, "counting entity outlets");
  }
  /* The pairs of the entities new in this transaction (the last of the
   * sorted pairs) are all new: inserted several to a statement, "OR
   * IGNORE" so that none opens a statement journal (as the analysis rows,
   * store_analysis.c); a row passed over would be an error. */
  while (i < no && rc == PX_OK) {
    size_t n = 0;
    if ((rc = px__store_rows_stmt(st, PX__STMT_OUTLET_ROWS,
                                  "INSERT OR IGNORE INTO entity_outlet(entity, source, articles)", 3,
                                  no - i, &n, &s)))
      break;
    for (size_t j = 0; j < n && rc == PX_OK; j++, i++) {
      px__pair *o = &b->outlets.slot[i];
      int c = (int)j * 3;
      sqlite3_bind_int64(s, c + 1, o->a);
      sqlite3_bind_text(s, c + 2, b->source_names[o->b], -1, SQLITE_STATIC);
      sqlite3_bind_int64(s, c + 3, o->n1);
      px__pair *e = px__pairmap_put(&b->entities, o->a, 0);
      if (!e) rc = PX_ENOMEM;
      else e->n3 += 1;
    }
    if (rc) {
      sqlite3_reset(s);
      break;
    }
    int r = sqlite3_step(s);
    sqlite3_reset(s);
    if (r != SQLITE_DONE) rc = px__store_step_fail(st, r, "counting entity outlets");
    else if (sqlite3_changes(st->db) != (int)n)
      rc = px__ctx_fail(st->ctx, PX_EDB,
                        "%s: counting entity outlets: a new entity's outlet is stored already",
                        st->path);
  }
  size_t ne = rc == PX_OK ? pack_sorted(&b->entities) : 0;
  /* The entities new in this transaction (ids from new_entity_lo up: the
   * last of the sorted counters, in the order queued) are inserted with
   * theirs, several to a statement, after the others are counted. */
  i = 0;
  for (; i < ne && rc == PX_OK; i++) {
    px__pair *e = &b->entities.slot[i];
    if (q->len && e->a >= b->new_entity_lo) break;
    if ((rc = px__store_stmt(st, PX__STMT_ENTITY_COUNT,
                             "UPDATE entity SET articles = articles + ?2,"
                             " mentions = mentions + ?3, outlets = outlets + ?4 WHERE id = ?1",
                             &s)))
      break;
    sqlite3_bind_int64(s, 1, e->a);
    sqlite3_bind_int64(s, 2, e->n1);
    sqlite3_bind_int64(s, 3, e->n2);
    sqlite3_bind_int64(s, 4, e->n3);
    int r = sqlite3_step(s);
    sqlite3_reset(s);
    if (r != SQLITE_DONE) rc = px__store_step_fail(st, r, "counting entities");
  }
  size_t at = 0;
  while (i < ne && rc == PX_OK) {
    size_t n = 0;
    if ((rc = px__store_rows_stmt(st, PX__STMT_ENTITY_ROWS,
                                  "INSERT OR IGNORE INTO entity(id, key, name, type, articles,"
                                  " mentions, outlets)",
                                  7, ne - i, &n, &s)))
      break;
    for (size_t j = 0; j < n; j++, i++) {
      px__pair *e = &b->entities.slot[i];
      px_str f[3];
      int c = (int)j * 7;
      at = read_fields(q, at, f, 3);
      sqlite3_bind_int64(s, c + 1, e->a);
      px__store_bind_text(s, c + 2, f[0]);
      px__store_bind_text(s, c + 3, f[1]);
      px__store_bind_text(s, c + 4, f[2]);
      sqlite3_bind_int64(s, c + 5, e->n1);
      sqlite3_bind_int64(s, c + 6, e->n2);
      sqlite3_bind_int64(s, c + 7, e->n3);
    }
    int r = sqlite3_step(s);
    sqlite3_reset(s);
    if (r != SQLITE_DONE) rc = px__store_step_fail(st, r, "storing an entity");
    else if (sqlite3_changes(st->db) != (int)n) /* what IGNORE passed over */
      rc = px__ctx_fail(st->ctx, PX_EDB, "%s: storing an entity: its id or key is stored already",
                        st->path);
  }
  px__pairmap_clear(&b->entities);
  px__pairmap_clear(&b->outlets);
  px__strmap_clear(&b->sources);
  b->nsources = 0;
  q->len = 0;
  if (b->entity_ids.n > CACHE_MAX_ENTRIES) {
    px__strmap_clear(&b->entity_ids);
    b->ids_complete = false;
  }
  if (b->speakers.n > CACHE_MAX_ENTRIES) px__strmap_clear(&b->speakers);
  return rc;
}

int px__store_flush_fts(px_store *st) {
  px__batch *b = &st->batch;
  if (!b->fts_lo) return PX_OK;
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_FTS_ADD,
                          "INSERT INTO article_fts(rowid, title, body)"
                          " SELECT id, title, body FROM article WHERE id BETWEEN ?1 AND ?2",
                          &s);
  if (rc) return rc;
  sqlite3_bind_int64(s, 1, b->fts_lo);
  sqlite3_bind_int64(s, 2, b->fts_hi);
  int r = sqlite3_step(s);
  sqlite3_reset(s);
  if (r != SQLITE_DONE) return px__store_step_fail(st, r, "indexing articles for search");
  b->fts_lo = b->fts_hi = 0;
  return PX_OK;
}

static int flush_body_bytes(px_store *st) {
  px__batch *b = &st->batch;
  if (!b->body_bytes) return PX_OK;
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_BODY_BYTES,
                          "UPDATE meta SET value = CAST(value AS INTEGER) + ?1"
                          " WHERE key = 'body_bytes'",
                          &s);
  if (rc) return rc;
  sqlite3_bind_int64(s, 1, b->body_bytes);
  int r = sqlite3_step(s);
  sqlite3_reset(s);
  if (r != SQLITE_DONE) return px__store_step_fail(st, r, "counting body bytes");
  b->body_bytes = 0;
  return PX_OK;
}

int px__store_note_new_speaker(px_store *st, px_str key, px_str name) {
  px__buf *q = &st->batch.new_speakers;
  if (px__buf_append(q, &key.len, sizeof key.len) || px__buf_append(q, key.ptr, key.len) ||
      px__buf_append(q, &name.len, sizeof name.len) || px__buf_append(q, name.ptr, name.len))
    return PX_ENOMEM;
  return PX_OK;
}

static int flush_speakers(px_store *st) {
  px__buf *q = &st->batch.new_speakers;
  size_t at = 0;
  while (at < q->len) {
    px_str f[2];
    at = read_fields(q, at, f, 2);
    sqlite3_stmt *s = NULL;
    int rc = px__store_stmt(st, PX__STMT_SPEAKER_FTS,
                            "INSERT INTO speaker_fts(key, name) VALUES(?1, ?2)", &s);
    if (rc) return rc;
    px__store_bind_text(s, 1, f[0]);
    px__store_bind_text(s, 2, f[1]);
    int r = sqlite3_step(s);
    sqlite3_reset(s);
    if (r != SQLITE_DONE) return px__store_step_fail(st, r, "indexing speakers");
  }
  q->len = 0;
  return PX_OK;
}

int px__store_flush(px_store *st) {
  int rc = px__store_flush_rows(st);
  if (rc == PX_OK) rc = px__store_flush_counters(st);
  if (rc == PX_OK) rc = px__store_flush_fts(st);
  if (rc == PX_OK) rc = flush_speakers(st);
  if (rc == PX_OK) rc = flush_body_bytes(st);
  return rc;
}
