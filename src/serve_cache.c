/* serve_cache.c - built pages and comparison reports, kept in memory: a
 * read-only store cannot cache them in the database, and building them
 * costs far more than sending them.
 *
 * An entry is found by its whole key (the request target, or "R" and a
 * story id), compared byte for byte: two keys never share an entry.  It
 * holds the body, a generation stamp (the store's change count when it was
 * built) and check bytes (what it was built from, e.g. a story's sorted
 * member ids), compared byte for byte by the caller that revalidates it.
 * Entries are immutable and counted references: a response sends the
 * cached bytes themselves and releases them when sent, so a hit copies
 * nothing and holds the lock only for the lookup.  Least recently used
 * entries go first when the byte budget is spent. */
#include "serve.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NBUCKETS 4096u
#define CLAIM_SECONDS 30 /* a refresh claim older than this is abandoned */

struct sv_centry {
  char *key, *check, *body;
  size_t klen, clen, blen;
  uint64_t hash, gen;
  int refs;          /* the table's reference and every borrower's (atomic) */
  bool in_table;     /* under the cache lock */
  time_t claimed;    /* a request is rebuilding it since then (0: none) */
  time_t used;       /* last looked up */
  struct sv_centry *chain, *prev, *next; /* bucket chain, LRU list (newest first) */
};

/* A page some request is building for the first time: the other requests
 * for it wait for that build rather than all building it at once. */
typedef struct building {
  char *key;
  size_t klen;
  pthread_t owner;
  struct building *next;
} building;

struct sv_cache {
  pthread_mutex_t mu;
  pthread_cond_t built; /* a building entry ended */
  building *inflight;
  sv_centry *bucket[NBUCKETS];
  sv_centry *newest, *oldest;
  size_t bytes, max;
};

static inline uint64_t hash_of(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 29);
}

/* A test may put its own hash here (tests/test_serve_cache.c makes every
 * key collide, to show that keys are told apart by their bytes). */
#ifndef SV_CACHE_HASH
#define SV_CACHE_HASH hash_of
#endif

static size_t cost(const sv_centry *e) { return sizeof(*e) + e->klen + e->clen + e->blen; }

sv_cache *sv_cache_new(size_t max_bytes) {
  sv_cache *c = calloc(1, sizeof(*c));
  if (!c) return NULL;
  pthread_mutex_init(&c->mu, NULL);
  pthread_cond_init(&c->built, NULL);
  c->max = max_bytes;
  return c;
}

static void entry_free(sv_centry *e) {
  free(e->key);
  free(e->check);
  free(e->body);
  free(e);
}

void sv_centry_release(sv_centry *e) {
  if (e && __atomic_sub_fetch(&e->refs, 1, __ATOMIC_ACQ_REL) == 0) entry_free(e);
}

const char *sv_centry_body(const sv_centry *e, size_t *len) {
  *len = e->blen;
  return e->body;
}

const char *sv_centry_check(const sv_centry *e, size_t *len) {
  *len = e->clen;
  return e->check;
}

/* Take e out of the table and the LRU list (lock held); the table's
 * reference is dropped. */
static void unlink_entry(sv_cache *c, sv_centry *e) {
  sv_centry **l = &c->bucket[e->hash % NBUCKETS];
  while (*l && *l != e) l = &(*l)->chain;
  if (*l) *l = e->chain;
  if (e->prev) e->prev->next = e->next;
  else c->newest = e->next;
  if (e->next) e->next->prev = e->prev;
  else c->oldest = e->prev;
  e->in_table = false;
  c->bytes -= cost(e);
  sv_centry_release(e);
}

void sv_cache_free(sv_cache *c) {
  if (!c) return;
  while (c->newest) unlink_entry(c, c->newest);
  for (building *b = c->inflight, *nx; b; b = nx) {
    nx = b->next;
    free(b->key);
    free(b);
  }
  pthread_cond_destroy(&c->built);
  pthread_mutex_destroy(&c->mu);
  free(c);
}

static void to_front(sv_cache *c, sv_centry *e) {
  if (c->newest == e) return;
  e->prev->next = e->next;
  if (e->next) e->next->prev = e->prev;
  else c->oldest = e->prev;
  e->prev = NULL;
  e->next = c->newest;
  c->newest->prev = e;
  c->newest = e;
}

static building **find_building(sv_cache *c, const char *key, size_t klen) {
  building **l = &c->inflight;
  while (*l && !((*l)->klen == klen && memcmp((*l)->key, key, klen) == 0)) l = &(*l)->next;
  return l;
}

int sv_cache_get(sv_cache *c, const char *key, size_t klen, uint64_t gen, sv_centry **out) {
  uint64_t h = SV_CACHE_HASH(key, klen);
  int state = SV_C_NONE;
  *out = NULL;
  struct timespec until = {0, 0};
  pthread_mutex_lock(&c->mu);
  for (;;) {
    sv_centry *e = c->bucket[h % NBUCKETS];
    while (e && !(e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0)) e = e->chain;
    if (e) {
      to_front(c, e);
      e->used = time(NULL);
      __atomic_add_fetch(&e->refs, 1, __ATOMIC_RELAXED);
      *out = e;
      if (gen == SV_GEN_ANY || e->gen == gen) {
        state = SV_C_FRESH;
      } else {
        time_t now = time(NULL);
        if (e->claimed && now - e->claimed < CLAIM_SECONDS) {
          state = SV_C_STALE;
        } else {
          e->claimed = now ? now : 1;
          state = SV_C_REFRESH;
        }
      }
      break;
    }
    if (gen == SV_GEN_ANY) break; /* a plain lookup: no build is promised */
    /* None: wait while another request builds it (bounded), else build it. */
    if (!*find_building(c, key, klen)) {
      building *b = calloc(1, sizeof(*b));
      if (b && (b->key = malloc(klen ? klen : 1))) {
        memcpy(b->key, key, klen);
        b->klen = klen;
        b->owner = pthread_self();
        b->next = c->inflight;
        c->inflight = b;
      } else {
        free(b);
      }
      break;
    }
    if (!until.tv_sec) {
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_sec += CLAIM_SECONDS;
    }
    if (pthread_cond_timedwait(&c->built, &c->mu, &until) != 0) break; /* timed out: build it */
  }
  pthread_mutex_unlock(&c->mu);
  return state;
}

void sv_cache_done(sv_cache *c, const char *key, size_t klen) {
  pthread_mutex_lock(&c->mu);
  building **l = find_building(c, key, klen);
  if (*l && pthread_equal((*l)->owner, pthread_self())) {
    building *b = *l;
    *l = b->next;
    free(b->key);
    free(b);
    pthread_cond_broadcast(&c->built);
  }
  pthread_mutex_unlock(&c->mu);
}

void sv_cache_restamp(sv_cache *c, sv_centry *e, uint64_t gen) {
  pthread_mutex_lock(&c->mu);
  if (e->in_table) e->gen = gen;
  e->claimed = 0;
  pthread_mutex_unlock(&c->mu);
}

void sv_cache_unclaim(sv_cache *c, sv_centry *e) {
  pthread_mutex_lock(&c->mu);
  e->claimed = 0;
  pthread_mutex_unlock(&c->mu);
}

static char *dup_bytes(const void *p, size_t n) {
  char *d = malloc(n + 1);
  if (d) {
    if (n) memcpy(d, p, n);
    d[n] = 0;
  }
  return d;
}

sv_centry *sv_cache_put(sv_cache *c, const char *key, size_t klen, uint64_t gen,
                        const void *check, size_t clen, const char *body, size_t blen) {
  sv_centry *e = calloc(1, sizeof(*e));
  if (!e) return NULL;
  e->key = dup_bytes(key, klen);
  e->check = dup_bytes(check, clen);
  e->body = dup_bytes(body, blen);
  if (!e->key || !e->check || !e->body) {
    entry_free(e);
    return NULL;
  }
  e->klen = klen;
  e->clen = clen;
  e->blen = blen;
  e->hash = SV_CACHE_HASH(key, klen);
  e->gen = gen;
  e->refs = 2; /* the table's and the caller's */
  e->used = time(NULL);
  if (cost(e) > c->max / 4) { /* one huge page must not empty the cache */
    e->refs = 1;
    return e;
  }
  pthread_mutex_lock(&c->mu);
  sv_centry **l = &c->bucket[e->hash % NBUCKETS];
  for (sv_centry *o = *l; o; o = o->chain)
    if (o->hash == e->hash && o->klen == klen && memcmp(o->key, key, klen) == 0) {
      e->used = o->used; /* a rebuild is not a use: the watcher's would never age out */
      unlink_entry(c, o);
      break;
    }
  while (c->oldest && c->bytes + cost(e) > c->max) unlink_entry(c, c->oldest);
  e->chain = *l;
  *l = e;
  e->next = c->newest;
  if (c->newest) c->newest->prev = e;
  c->newest = e;
  if (!c->oldest) c->oldest = e;
  e->in_table = true;
  c->bytes += cost(e);
  building **bl = find_building(c, key, klen);
  if (*bl && pthread_equal((*bl)->owner, pthread_self())) {
    building *b = *bl;
    *bl = b->next;
    free(b->key);
    free(b);
    pthread_cond_broadcast(&c->built);
  }
  pthread_mutex_unlock(&c->mu);
  return e;
}

void sv_cache_stats(sv_cache *c, size_t *entries, size_t *bytes) {
  size_t n = 0;
  pthread_mutex_lock(&c->mu);
  for (sv_centry *e = c->newest; e; e = e->next) n++;
  *bytes = c->bytes;
  pthread_mutex_unlock(&c->mu);
  *entries = n;
}

const char *sv_centry_key(const sv_centry *e, size_t *len) {
  *len = e->klen;
  return e->key;
}

size_t sv_cache_claim_stale(sv_cache *c, uint64_t gen, time_t since, char first,
                            sv_centry **out, size_t max) {
  size_t n = 0;
  time_t now = time(NULL);
  pthread_mutex_lock(&c->mu);
  for (sv_centry *e = c->newest; e && n < max; e = e->next) {
    if (e->used < since) continue;
    if (e->gen == gen || !e->klen || e->key[0] != first) continue;
    if (e->claimed && now - e->claimed < CLAIM_SECONDS) continue;
    e->claimed = now ? now : 1;
    __atomic_add_fetch(&e->refs, 1, __ATOMIC_RELAXED);
    out[n++] = e;
  }
  pthread_mutex_unlock(&c->mu);
  return n;
}

void sv_cache_keep_claims(sv_cache *c, sv_centry *const *list, size_t n) {
  time_t now = time(NULL);
  pthread_mutex_lock(&c->mu);
  for (size_t i = 0; i < n; i++) list[i]->claimed = now ? now : 1;
  pthread_mutex_unlock(&c->mu);
}
