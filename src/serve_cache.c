/* serve_cache.c - the comparison reports of recently viewed stories, kept
 * in memory: a read-only store cannot cache them in the database, and a
 * comparison costs far more than a page.  An entry is valid while the
 * story's membership signature is unchanged; least recently used entries
 * go first when the byte budget is spent. */
#include "serve.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
  int64_t id;
  uint64_t sig;
  char *p;
  size_t len;
  uint64_t used;
  struct entry *next;
} entry;

struct sv_cache {
  pthread_mutex_t mu;
  entry *head;
  size_t bytes, max;
  uint64_t clock;
};

sv_cache *sv_cache_new(size_t max_bytes) {
  sv_cache *c = calloc(1, sizeof(*c));
  if (!c) return NULL;
  pthread_mutex_init(&c->mu, NULL);
  c->max = max_bytes;
  return c;
}

void sv_cache_free(sv_cache *c) {
  if (!c) return;
  for (entry *e = c->head, *nx; e; e = nx) {
    nx = e->next;
    free(e->p);
    free(e);
  }
  pthread_mutex_destroy(&c->mu);
  free(c);
}

char *sv_cache_get(sv_cache *c, int64_t id, uint64_t sig, size_t *len) {
  char *out = NULL;
  pthread_mutex_lock(&c->mu);
  for (entry *e = c->head; e; e = e->next) {
    if (e->id != id || e->sig != sig) continue;
    out = malloc(e->len + 1);
    if (out) {
      memcpy(out, e->p, e->len);
      out[e->len] = 0;
      *len = e->len;
      e->used = ++c->clock;
    }
    break;
  }
  pthread_mutex_unlock(&c->mu);
  return out;
}

static void drop(sv_cache *c, entry **link) {
  entry *e = *link;
  *link = e->next;
  c->bytes -= e->len;
  free(e->p);
  free(e);
}

void sv_cache_put(sv_cache *c, int64_t id, uint64_t sig, const char *p, size_t len) {
  if (len > c->max / 4) return; /* one huge story must not empty the cache */
  entry *e = malloc(sizeof(*e));
  char *copy = malloc(len + 1);
  if (!e || !copy) {
    free(e);
    free(copy);
    return;
  }
  memcpy(copy, p, len);
  copy[len] = 0;
  pthread_mutex_lock(&c->mu);
  for (entry **l = &c->head; *l;) {
    if ((*l)->id == id) drop(c, l);
    else l = &(*l)->next;
  }
  while (c->head && c->bytes + len > c->max) {
    entry **old = &c->head;
    for (entry **l = &c->head; *l; l = &(*l)->next)
      if ((*l)->used < (*old)->used) old = l;
    drop(c, old);
  }
  *e = (entry){id, sig, copy, len, ++c->clock, c->head};
  c->head = e;
  c->bytes += len;
  pthread_mutex_unlock(&c->mu);
}
