/* buf.c - the bounded growable buffer and the arena. */
#include "px_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void px__buf_init(px__buf *b, size_t cap) {
  b->ptr = NULL;
  b->len = 0;
  b->alloc = 0;
  b->cap = cap;
}

void px__buf_release(px__buf *b) {
  free(b->ptr);
  b->ptr = NULL;
  b->len = b->alloc = 0;
}

int px__buf_reserve(px__buf *b, size_t extra) {
  if (extra > SIZE_MAX / 2 - b->len) return PX_ETOOBIG;
  size_t need = b->len + extra + 1;
  if (b->cap && need > b->cap + 1) return PX_ETOOBIG;
  if (need <= b->alloc) return PX_OK;
  size_t n = b->alloc ? b->alloc : 64;
  while (n < need) n *= 2;
  if (b->cap && n > b->cap + 1) n = b->cap + 1;
  char *p = realloc(b->ptr, n);
  if (!p) return PX_ENOMEM;
  b->ptr = p;
  b->alloc = n;
  return PX_OK;
}

void px__buf_fit(px__buf *b) {
  if (!b->ptr || b->alloc - b->len <= b->len / 4 + 256) return;
  char *p = realloc(b->ptr, b->len + 1);
  if (!p) return;
  b->ptr = p;
  b->alloc = b->len + 1;
}

int px__buf_append(px__buf *b, const void *p, size_t n) {
  int rc = px__buf_reserve(b, n);
  if (rc) return rc;
  if (n) memcpy(b->ptr + b->len, p, n);
  b->len += n;
  b->ptr[b->len] = '\0';
  return PX_OK;
}

int px__buf_putc(px__buf *b, char c) { return px__buf_append(b, &c, 1); }

int px__buf_puts(px__buf *b, const char *s) { return px__buf_append(b, s, strlen(s)); }

int px__buf_printf(px__buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) return PX_EINVAL;
  int rc = px__buf_reserve(b, (size_t)n);
  if (rc) return rc;
  va_start(ap, fmt);
  vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return PX_OK;
}

/* ------------------------------------------------------------------ arena */

struct px__arena_block {
  px__arena_block *next;
  size_t size;
  size_t used;
  _Alignas(16) unsigned char data[];
};

void px__arena_init(px__arena *a, size_t block_size) {
  a->head = NULL;
  a->block_size = block_size ? block_size : 64 * 1024;
  a->total = 0;
}

void px__arena_release(px__arena *a) {
  px__arena_block *b = a->head;
  while (b) {
    px__arena_block *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
  a->total = 0;
}

/* A reset arena keeps one block of up to this size for the next round. */
#define ARENA_KEEP_MAX ((size_t)16 << 20)

void px__arena_reset(px__arena *a) {
  if (!a->head) return;
  /* Keep the first block (the tail of the list), free the rest.  When the
   * round needed several blocks, the kept one is replaced by one block as
   * large as all of them (up to ARENA_KEEP_MAX), so a run of similar
   * rounds (one article each) settles on one block and no malloc/free per
   * round. */
  px__arena_block *b = a->head, *keep = NULL;
  size_t sum = 0;
  while (b) {
    px__arena_block *next = b->next;
    sum += b->size;
    if (!next) keep = b;
    else free(b);
    b = next;
  }
  if (sum > keep->size && sum <= ARENA_KEEP_MAX) {
    px__arena_block *nb = malloc(sizeof(*nb) + sum);
    if (nb) {
      free(keep);
      keep = nb;
      keep->size = sum;
    }
  }
  keep->used = 0;
  keep->next = NULL;
  a->head = keep;
  a->total = 0;
}

void *px__arena_alloc(px__arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  px__arena_block *b = a->head;
  if (!b || b->size - b->used < n) {
    size_t sz = a->block_size;
    if (sz < n) sz = n;
    px__arena_block *nb = malloc(sizeof(*nb) + sz);
    if (!nb) return NULL;
    nb->size = sz;
    nb->used = 0;
    nb->next = a->head;
    a->head = nb;
    b = nb;
  }
  void *p = b->data + b->used;
  b->used += n;
  a->total += n;
  return p;
}

char *px__arena_strndup(px__arena *a, const char *p, size_t n) {
  char *s = px__arena_alloc(a, n + 1);
  if (!s) return NULL;
  if (n) memcpy(s, p, n);
  s[n] = '\0';
  return s;
}
