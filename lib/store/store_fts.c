/* store_fts.c - the search index's tokenizer, made cheaper on the writer.
 *
 * article_fts is declared with tokenize='porter unicode61 remove_diacritics
 * 2', SQLite's own tokenizers.  Indexing a batch with them was most of a
 * store-only ingest (callgrind, first 4,000 AllSides articles: 2,062 M of
 * 3,601 M instructions, about 270 a token spent splitting, folding and
 * stemming before the index's own 250).  News text repeats a small
 * vocabulary, so on each store connection this file registers a tokenizer
 * under the same name, "porter", that gives exactly the tokens of the
 * built-in one, cheaper:
 *
 *  - a run of ASCII letters and digits between separators is one token
 *    whatever surrounds it (unicode61 splits at every ASCII byte that is not
 *    a letter or digit, and folds A-Z only); its stem is looked up by its
 *    folded bytes in a cache filled from the built-in tokenizer the first
 *    time the word is seen;
 *  - a few frequent non-ASCII separators (curly quotes, dashes, the
 *    ellipsis, the no-break space) are skipped like ASCII ones: unicode61
 *    treats their categories (P*, Zs) as separators;
 *  - any other run holding a non-ASCII byte, a word longer than the cache
 *    keeps, a query and every other use are handed to the built-in
 *    tokenizer unchanged (offsets shifted), so what it would do is done.
 *
 * Tokenizing is then still most of what the writer does for the index,
 * and the writer is what a pipeline waits for.  So the tokens of a text
 * can be made ahead, on a pipeline's worker (px__fts_maker: this same
 * tokenizer on a connection of the worker's own), and handed to the
 * writer's indexing statement, whose tokenizer gives them to FTS5 when
 * the text it is asked for has the same bytes (px__store_fts_replay), and
 * tokenizes as above any other.
 *
 * The registration only overrides the name on this connection: the
 * schema does not change, and any other program opening the file (the
 * sqlite3 shell, an older parallax) uses the built-in tokenizer and finds
 * the same index.  tests/test_store_analysis.c compares the index with
 * one the built-in tokenizer builds from the same rows, term, column and
 * position.
 */
#include "store.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define CACHE_KEY_MAX 32       /* folded into a key at most (an entry keeps fewer: KV_MAX) */
#define CACHE_MAX (1u << 18)   /* distinct words kept per tokenizer */
#define SLOTS_MIN (1u << 12)

/* The built-in tokenizer this one stands in front of, and the tokens made
 * ahead for the document being indexed (px__store_fts_replay). */
typedef struct module {
  fts5_tokenizer builtin;
  void *builtin_ctx;
  const px__buf *replay;
  uint64_t replayed;
} module;

/* A word cache: folded ASCII word -> its stem, in open addressing over
 * entries of 32 bytes, the word's bytes then its stem's inline, so a
 * lookup reads one cache line (with the slot and the entry apart, a
 * token cost two misses: perf put 73 % of the tokenizer's own time on
 * those two loads).  A word and stem longer than an entry holds together
 * (KV_MAX: "telecommunications") is not cached; news has few. */
#define KV_MAX 26
typedef struct entry {
  uint32_t h;
  uint8_t n, nstem; /* n 0: empty */
  char kv[KV_MAX];
} entry;
_Static_assert(sizeof(entry) == 32, "two entries a cache line");

typedef struct fast_tok {
  module *mod;
  Fts5Tokenizer *inner;
  int fast; /* the built-in's arguments are unicode61's defaults */
  entry *slot;
  uint32_t nslot, n;
} fast_tok;

/* 0: ASCII separator; 1: ASCII letter or digit; 2: non-ASCII byte. */
static unsigned char byte_class[256];

static void classes_init(void) {
  for (int c = 0; c < 256; c++)
    byte_class[c] = c >= 0x80                                                   ? 2
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                              (c >= 'A' && c <= 'Z')
                        ? 1
                        : 0;
}

/* The length of the non-ASCII separator at p (one unicode61 skips: U+00A0,
 * U+2013, U+2014, U+2018, U+2019, U+201C, U+201D, U+2026), else 0.  The
 * byte after it must not be a continuation byte, which SQLite's decoder
 * would take into the same character. */
static size_t wide_separator(const unsigned char *p, const unsigned char *end) {
  size_t n = 0;
  if (p[0] == 0xC2 && end - p >= 2 && p[1] == 0xA0) {
    n = 2;
  } else if (p[0] == 0xE2 && end - p >= 3 && p[1] == 0x80) {
    switch (p[2]) {
    case 0x93: case 0x94: case 0x98: case 0x99: case 0x9C: case 0x9D: case 0xA6: n = 3; break;
    default: return 0;
    }
  } else {
    return 0;
  }
  return (p + n == end || (p[n] & 0xC0) != 0x80) ? n : 0;
}

/* ------------------------------------------------------------ the cache */

/* Keys are hashed 8 bytes at a time: a key is followed by zero bytes up
 * to round8(n) in the tokenizer's buffer. */
#define ROUND8(n) (((n) + 7) & ~(size_t)7)

static uint64_t load8(const void *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static uint32_t key_hash(const char *key, size_t n) {
  uint64_t h = n;
  for (size_t i = 0; i < n; i += 8) h = (h ^ load8(key + i)) * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(h >> 32);
}

static const entry *cache_find(const fast_tok *t, const char *key, size_t n, uint32_t h) {
  if (!t->nslot) return NULL;
  for (uint32_t j = h & (t->nslot - 1);; j = (j + 1) & (t->nslot - 1)) {
    const entry *e = &t->slot[j];
    if (!e->n) return NULL;
    if (e->h == h && e->n == n && memcmp(e->kv, key, n) == 0) return e;
  }
}

static int cache_grow(fast_tok *t) {
  uint32_t cap = t->nslot ? t->nslot * 2 : SLOTS_MIN;
  entry *slot = calloc(cap, sizeof(*slot));
  if (!slot) return PX_ENOMEM;
  for (uint32_t i = 0; i < t->nslot; i++) {
    if (!t->slot[i].n) continue;
    uint32_t j = t->slot[i].h & (cap - 1);
    while (slot[j].n) j = (j + 1) & (cap - 1);
    slot[j] = t->slot[i];
  }
  free(t->slot);
  t->slot = slot;
  t->nslot = cap;
  return PX_OK;
}

/* Remember key's stem; a full cache or no memory only loses the entry. */
static void cache_put(fast_tok *t, const char *key, size_t n, uint32_t h, const char *stem,
                      size_t nstem) {
  if (t->n >= CACHE_MAX || n == 0 || n + nstem > KV_MAX) return;
  if ((t->n + 1) * 2 > t->nslot && cache_grow(t)) return;
  uint32_t j = h & (t->nslot - 1);
  while (t->slot[j].n) j = (j + 1) & (t->nslot - 1);
  entry *e = &t->slot[j];
  e->h = h;
  e->n = (uint8_t)n;
  e->nstem = (uint8_t)nstem;
  memcpy(e->kv, key, n);
  memcpy(e->kv + n, stem, nstem);
  t->n++;
}

/* ---------------------------------------------------- the built-in's way */

typedef int (*token_fn)(void *, int, const char *, int, int, int);

/* The built-in tokenizer on text[0..n) at offset base: its tokens go to
 * the caller's callback with offsets shifted, and a copy of the first is
 * kept (a word gives one token, which the cache keeps). */
typedef struct relay {
  void *ctx;
  token_fn x_token;
  int base;
  int rc; /* the caller's callback's last status */
  int ntok;
  int first_ok; /* the first token is plain and copied whole */
  int start, end, len;
  char first[CACHE_KEY_MAX + 8];
} relay;

static int relay_token(void *pctx, int tflags, const char *tok, int ntok, int start, int end) {
  relay *r = pctx;
  if (++r->ntok == 1) {
    r->first_ok = tflags == 0 && ntok >= 0 && (size_t)ntok <= sizeof(r->first);
    if (r->first_ok) memcpy(r->first, tok, (size_t)ntok);
    r->len = ntok, r->start = start, r->end = end;
  }
  r->rc = r->x_token(r->ctx, tflags, tok, ntok, r->base + start, r->base + end);
  return r->rc;
}

static int builtin_run(fast_tok *t, relay *r, const char *text, int n, int flags) {
  r->rc = SQLITE_OK;
  r->ntok = 0;
  int rc = t->mod->builtin.xTokenize(t->inner, r, flags, text, n, relay_token);
  /* The built-in stops at the callback's SQLITE_DONE and reports OK: the
   * caller wants the whole text to stop. */
  if (rc == SQLITE_OK && r->rc != SQLITE_OK) rc = r->rc;
  return rc;
}

/* --------------------------------------------------------- the tokenizer */

#ifdef __SSE2__
/* Bit i set where p[i] is an ASCII letter or digit, and the 16 bytes
 * folded (A-Z to a-z) to out.  Bytes from 0x80 are negative as signed
 * chars and fail both ranges. */
static inline unsigned word16(const unsigned char *p, unsigned char *out) {
  __m128i v = _mm_loadu_si128((const __m128i *)p);
  __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
  __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
                                _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
  __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
  _mm_storeu_si128((__m128i *)out, _mm_or_si128(v, _mm_and_si128(alpha, _mm_set1_epi8(0x20))));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
}

#endif

/* Past the separators from at: ASCII ones (in news text one or two bytes
 * at a time, which a byte loop passes cheapest) and the non-ASCII ones
 * above. */
static const unsigned char *skip_separators(const unsigned char *at, const unsigned char *end) {
  for (;;) {
    while (at < end && byte_class[*at] == 0) at++;
    if (at == end || *at < 0x80) return at;
    size_t w = wide_separator(at, end);
    if (!w) return at;
    at += w;
  }
}

/* Past the ASCII letters and digits from at, folded to key[0..n) (n up to
 * CACHE_KEY_MAX; key holds CACHE_KEY_MAX + 16 bytes, and bytes past n may
 * be written); *n gets the count. */
static const unsigned char *ascii_word(const unsigned char *at, const unsigned char *end,
                                       char *key, size_t *n) {
  size_t k = 0;
  for (;;) {
#ifdef __SSE2__
    if (end - at >= 16) {
      unsigned m = word16(at, (unsigned char *)key + (k < CACHE_KEY_MAX ? k : CACHE_KEY_MAX));
      unsigned r = (unsigned)__builtin_ctz(~m);
      at += r, k += r;
      if (r < 16) break;
      continue;
    }
#endif
    for (; at < end && byte_class[*at] == 1; at++, k++)
      key[k < CACHE_KEY_MAX ? k : CACHE_KEY_MAX] =
          (char)(*at >= 'A' && *at <= 'Z' ? *at + 0x20 : *at);
    break;
  }
  *n = k;
  return at;
}

/* ------------------------------------------------ tokens made ahead */

/* A text's tokens made ahead (px__fts_maker_run): this head, then per
 * token its offsets, length and flags (a tok_head) and its bytes.  The
 * text is known by its length and bytes: the indexing statement binds the
 * very buffer the tokens were made from, which lives while it runs (SQLite
 * may hand the tokenizer that buffer or a copy). */
typedef struct text_head {
  const char *text;
  uint32_t len, size; /* size: the bytes of tokens after the head */
} text_head;
typedef struct tok_head {
  uint32_t start;
  uint16_t span, n; /* end - start; the token's length */
} tok_head;

/* Give x_token the tokens made ahead for text[0..ntext), if there are:
 * @return 1 and *rc the status, or 0 (none: tokenize as usual). */
static int replay(module *mod, const char *text, int ntext, void *ctx, token_fn x_token, int *rc) {
  const px__buf *b = mod->replay;
  size_t at = 0;
  while (at + sizeof(text_head) <= b->len) {
    text_head h;
    memcpy(&h, b->ptr + at, sizeof h);
    at += sizeof h;
    if ((int64_t)h.len != (int64_t)ntext || h.size > b->len - at ||
        (h.text != text && ntext && memcmp(h.text, text, (size_t)ntext) != 0)) {
      at += h.size > b->len - at ? b->len - at : h.size;
      continue;
    }
    size_t end = at + h.size;
    *rc = SQLITE_OK;
    while (*rc == SQLITE_OK && at + sizeof(tok_head) <= end) {
      tok_head k;
      memcpy(&k, b->ptr + at, sizeof k);
      at += sizeof k;
      if (k.n > end - at) break;
      *rc = x_token(ctx, 0, b->ptr + at, k.n, (int)k.start, (int)(k.start + k.span));
      at += k.n;
    }
    if (*rc == SQLITE_DONE) *rc = SQLITE_OK;
    mod->replayed++;
    return 1;
  }
  return 0;
}

/* A word read and not yet given (fast_tokenize): its cache slot is asked
 * for when it is read and used PENDING words later, so the miss overlaps
 * the reading of those words.  Words are given in their order. */
#define PENDING 8
typedef struct pending {
  int start, stop;
  uint32_t h;
  bool cacheable;
  char key[KV_MAX + 8]; /* cacheable: the folded word, zero-padded to 8 */
} pending;

static int give(fast_tok *t, relay *r, const unsigned char *p, const pending *w, int flags) {
  size_t n = (size_t)(w->stop - w->start);
  if (w->cacheable) {
    const entry *e = cache_find(t, w->key, n, w->h);
    if (e) return r->x_token(r->ctx, 0, e->kv + n, e->nstem, w->start, w->stop);
  }
  r->base = w->start;
  int rc = builtin_run(t, r, (const char *)p + w->start, (int)n, flags);
  if (rc == SQLITE_OK && w->cacheable && r->ntok == 1 && r->first_ok && r->start == 0 &&
      r->end == (int)n)
    cache_put(t, w->key, n, w->h, r->first, (size_t)r->len);
  return rc;
}

static int fast_tokenize(Fts5Tokenizer *pt, void *ctx, int flags, const char *text, int ntext,
                         token_fn x_token) {
  fast_tok *t = (fast_tok *)pt;
  int replayed;
  if (t->mod->replay && flags == FTS5_TOKENIZE_DOCUMENT &&
      replay(t->mod, text, ntext, ctx, x_token, &replayed))
    return replayed;
  relay r = {.ctx = ctx, .x_token = x_token};
  if (!t->fast || flags != FTS5_TOKENIZE_DOCUMENT || ntext <= 0) {
    int rc = builtin_run(t, &r, text, ntext, flags);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  const unsigned char *p = (const unsigned char *)text, *end = p + ntext;
  const unsigned char *at = p;
  char key[CACHE_KEY_MAX + 16];
  pending q[PENDING];
  size_t qhead = 0, qn = 0;
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK) {
    at = skip_separators(at, end);
    if (at == end) break;
    /* The run up to the next separator: ASCII letters and digits, then
     * anything but a separator (a non-ASCII byte makes it wide). */
    const unsigned char *s = at;
    size_t n;
    at = ascii_word(at, end, key, &n);
    bool wide = at < end && *at >= 0x80 && !wide_separator(at, end);
    if (wide)
      while (at < end && (byte_class[*at] == 1 || (byte_class[*at] == 2 && !wide_separator(at, end))))
        at++;
    n = (size_t)(at - s);
    if (qn == PENDING) {
      rc = give(t, &r, p, &q[qhead], flags);
      qhead = (qhead + 1) % PENDING;
      qn--;
    }
    pending *w = &q[(qhead + qn++) % PENDING];
    w->start = (int)(s - p);
    w->stop = (int)(at - p);
    w->cacheable = !wide && n < KV_MAX;
    if (w->cacheable) {
      memset(key + n, 0, 8);
      w->h = key_hash(key, n);
      memcpy(w->key, key, ROUND8(n));
      if (t->nslot) __builtin_prefetch(&t->slot[w->h & (t->nslot - 1)]);
    }
  }
  for (; rc == SQLITE_OK && qn; qn--, qhead = (qhead + 1) % PENDING)
    rc = give(t, &r, p, &q[qhead], flags);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void fast_delete(Fts5Tokenizer *pt) {
  fast_tok *t = (fast_tok *)pt;
  if (!t) return;
  if (t->inner) t->mod->builtin.xDelete(t->inner);
  free(t->slot);
  free(t);
}

/* The word cache is used only when the built-in porter runs over unicode61
 * with no argument but remove_diacritics, which changes no ASCII word and
 * none of the separators above. */
static int plain_unicode61(const char **args, int nargs) {
  if (nargs == 0) return 1;
  if (strcasecmp(args[0], "unicode61") != 0 || nargs % 2 == 0) return 0;
  for (int i = 1; i + 1 < nargs; i += 2)
    if (strcasecmp(args[i], "remove_diacritics") != 0) return 0;
  return 1;
}

static int fast_create(void *pctx, const char **args, int nargs, Fts5Tokenizer **out) {
  module *mod = pctx;
  *out = NULL;
  fast_tok *t = calloc(1, sizeof(*t));
  if (!t) return SQLITE_NOMEM;
  t->mod = mod;
  int rc = mod->builtin.xCreate(mod->builtin_ctx, args, nargs, &t->inner);
  if (rc != SQLITE_OK) {
    t->inner = NULL;
    fast_delete((Fts5Tokenizer *)t);
    return rc;
  }
  t->fast = plain_unicode61(args, nargs);
  *out = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static fts5_api *fts5_api_of(sqlite3 *db) {
  fts5_api *api = NULL;
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) == SQLITE_OK) {
    sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(s);
  }
  sqlite3_finalize(s);
  return api;
}

int px__store_fts_register(sqlite3 *db, void **handle) {
  pthread_once(&classes_once, classes_init);
  if (handle) *handle = NULL;
  fts5_api *api = fts5_api_of(db);
  if (!api || api->iVersion < 2) return SQLITE_OK; /* the built-in stays */
  module *mod = calloc(1, sizeof(*mod));
  if (!mod) return SQLITE_NOMEM;
  if (api->xFindTokenizer(api, "porter", &mod->builtin_ctx, &mod->builtin) != SQLITE_OK) {
    free(mod);
    return SQLITE_OK;
  }
  fts5_tokenizer tok = {fast_create, fast_delete, fast_tokenize};
  /* xDestroy frees mod when the connection closes.  (SQLite 3.40 does not
   * call it when the registration itself runs out of memory: mod is then
   * lost, once.) */
  int rc = api->xCreateTokenizer(api, "porter", mod, &tok, free);
  if (rc == SQLITE_OK && handle) *handle = mod;
  return rc;
}

void px__store_fts_replay(void *handle, const px__buf *tokens) {
  if (handle) ((module *)handle)->replay = tokens && tokens->len ? tokens : NULL;
}

uint64_t px__store_fts_replayed(const void *handle) {
  return handle ? ((const module *)handle)->replayed : 0;
}

/* ------------------------------------------------------ the maker */

/* article_fts's tokenizer arguments (its declaration in store.c). */
static const char *const index_args[] = {"unicode61", "remove_diacritics", "2"};

struct px__fts_maker {
  sqlite3 *db; /* in memory: where the tokenizer is registered */
  fts5_tokenizer api;
  Fts5Tokenizer *tok;
  px__buf *out;
  int rc;
};

int px__fts_maker_new(px__fts_maker **out) {
  *out = NULL;
  px__fts_maker *m = calloc(1, sizeof(*m));
  if (!m) return PX_ENOMEM;
  void *ctx = NULL;
  fts5_api *api = NULL;
  if (sqlite3_open_v2(":memory:", &m->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
          SQLITE_OK ||
      px__store_fts_register(m->db, NULL) != SQLITE_OK || !(api = fts5_api_of(m->db)) ||
      api->xFindTokenizer(api, "porter", &ctx, &m->api) != SQLITE_OK ||
      m->api.xCreate(ctx, (const char **)index_args, 3, &m->tok) != SQLITE_OK) {
    m->tok = NULL;
    px__fts_maker_free(m);
    return PX_ENOMEM;
  }
  *out = m;
  return PX_OK;
}

void px__fts_maker_free(px__fts_maker *m) {
  if (!m) return;
  if (m->tok) m->api.xDelete(m->tok);
  sqlite3_close(m->db);
  free(m);
}

/* A token with flags (a colocated one: not from this tokenizer) or too
 * long to note stops the text's tokens: the writer tokenizes it. */
static int collect(void *pctx, int tflags, const char *tok, int n, int start, int end) {
  px__fts_maker *m = pctx;
  if (tflags || n < 0 || n > UINT16_MAX || start < 0 || end < start || end - start > UINT16_MAX) {
    m->rc = PX_EINVAL;
    return SQLITE_ERROR;
  }
  px__buf *o = m->out;
  size_t need = sizeof(tok_head) + (size_t)n;
  if (o->alloc - o->len < need + 1 && (m->rc = px__buf_reserve(o, need))) return SQLITE_NOMEM;
  tok_head k = {(uint32_t)start, (uint16_t)(end - start), (uint16_t)n};
  memcpy(o->ptr + o->len, &k, sizeof k);
  memcpy(o->ptr + o->len + sizeof k, tok, (size_t)n);
  o->len += need;
  o->ptr[o->len] = '\0';
  return SQLITE_OK;
}

int px__fts_maker_run(px__fts_maker *m, const char *text, size_t n, px__buf *out) {
  if (n > UINT32_MAX / 2) return PX_EINVAL;
  size_t at = out->len;
  text_head h = {text, (uint32_t)n, 0};
  /* room for most texts' tokens at once (news: about 1.5 bytes a byte) */
  int rc = px__buf_reserve(out, sizeof h + n + n / 2 + 64);
  if (rc == PX_OK) rc = px__buf_append(out, &h, sizeof h);
  if (rc) return rc;
  m->out = out;
  m->rc = PX_OK;
  int r = m->api.xTokenize(m->tok, m, FTS5_TOKENIZE_DOCUMENT, n ? text : "", (int)n, collect);
  if (m->rc == PX_OK && r != SQLITE_OK) m->rc = r == SQLITE_NOMEM ? PX_ENOMEM : PX_EINVAL;
  if (m->rc != PX_OK || out->len - at - sizeof h > UINT32_MAX) {
    out->len = at; /* none: the writer tokenizes this text itself */
    return m->rc ? m->rc : PX_EINVAL;
  }
  h.size = (uint32_t)(out->len - at - sizeof h);
  memcpy(out->ptr + at, &h, sizeof h);
  return PX_OK;
}
