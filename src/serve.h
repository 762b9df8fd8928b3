/* serve.h - what the files of `parallax serve` share (src/serve_*.c).
 * Only the public header of libparallax is used. */
#ifndef PX_SERVE_H
#define PX_SERVE_H

#include <parallax.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* ------------------------------------------------------------- limits */
#define SV_MAX_URI 4096      /* the whole request target, path and query */
#define SV_MAX_PARAMS 16     /* query parameters kept (more: 400) */
#define SV_MAX_VALUE 512     /* one decoded key or value */
#define SV_MAX_HEADERS 64    /* request headers (more: 431) */
#define SV_MAX_OUT (32u << 20) /* one response body */

/* ------------------------------------------------------------- buffer */
/* A growable byte buffer with a cap; once an append fails, oom stays set
 * and every later append is ignored, so a page is checked once at its end. */
typedef struct sbuf {
  char *p;
  size_t n, cap, max;
  bool oom;
} sbuf;
void sb_init(sbuf *b, size_t max);
void sb_free(sbuf *b);
void sb_add(sbuf *b, const char *p, size_t n);
void sb_s(sbuf *b, const char *s);
void sb_f(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* HTML text and attribute values: & < > " ' escaped; invalid UTF-8 and
 * control characters dropped. */
void sb_html(sbuf *b, const char *p, size_t n);
static inline void sb_hs(sbuf *b, const char *s) { sb_html(b, s, __builtin_strlen(s)); }
static inline void sb_hp(sbuf *b, px_str s) { sb_html(b, s.ptr, s.len); }
/* A URL component: everything but unreserved characters percent-encoded. */
void sb_urlc(sbuf *b, const char *p, size_t n);
/* A JSON string with its quotes. */
void sb_json(sbuf *b, const char *p, size_t n);
static inline void sb_jp(sbuf *b, px_str s) { sb_json(b, s.ptr, s.len); }
/* 1 when s is an absolute http: or https: URL without control characters
 * or spaces (the only links to originals a page shows). */
bool sv_safe_url(const char *p, size_t n);
/* "2023-09-13 09:40" (UTC) or "2023-09-13". */
void sb_time(sbuf *b, int64_t t, bool with_clock);

/* -------------------------------------------------------------- route */
typedef enum sv_page {
  SV_NONE = 0,
  SV_STORIES,   /* / */
  SV_STORY,     /* /story/ID */
  SV_ARTICLE,   /* /article/ID */
  SV_SPEAKER,   /* /speaker/KEY */
  SV_ENTITY,    /* /entity/KEY */
  SV_OUTLET,    /* /outlet/NAME */
  SV_SEARCH,    /* /search?q= */
  SV_THREAD,    /* /thread/ID */
  SV_BLINDSPOTS,/* /blindspots */
  SV_OUTLETS,   /* /outlets */
  SV_LIVE,      /* /api/live: what changed (polled by the page script) */
  SV_ASSET      /* /static/NAME */
} sv_page;

typedef struct sv_param {
  char key[SV_MAX_VALUE + 1];
  char val[SV_MAX_VALUE + 1];
} sv_param;

typedef struct sv_req {
  sv_page page;
  bool api;                 /* under /api/ */
  int64_t id;               /* /story/ID, /article/ID, /thread/ID */
  char arg[SV_MAX_VALUE + 1]; /* /speaker/KEY, /entity/KEY, /outlet/NAME, /static/NAME */
  size_t nparams;
  sv_param params[SV_MAX_PARAMS];
  const char *target; /* the whole request target as received (the caller's */
  size_t target_len;  /* buffer): the key of a cached page */
} sv_req;

/**
 * Parse a request target ("/story/12?x=1"): percent-decoding, '+' as space
 * in the query, bounded lengths and counts.  @return 0 on success, else the
 * HTTP status to answer with (400 malformed, 404 no such page, 414 too long).
 * On error, msg (static) says why.
 */
int sv_route(const char *uri, size_t n, sv_req *out, const char **msg);
/** The value of query parameter key, or NULL. */
const char *sv_param_get(const sv_req *r, const char *key);
/** Decode %XX (and '+' when plus) into out (cap bytes, NUL-terminated).
 * @return the decoded length, or -1 when malformed, too long, NUL or
 * invalid UTF-8. */
long sv_decode(const char *p, size_t n, bool plus, char *out, size_t cap);

/* --------------------------------------------------------- the server */
typedef struct sv_groups sv_groups;
typedef struct sv_cache sv_cache;
typedef struct sv_centry sv_centry;

typedef struct sv_app {
  const char *db_path;
  sv_groups *groups;  /* outlet -> groups, may be NULL */
  sv_cache *cache;    /* pages and story reports, shared by all threads */
  uint64_t gen;       /* the store's change count, bumped (atomically) by the
                       * server's watcher when another connection commits */
  /* Counts for --stats (atomic adds): requests answered from a fresh page,
   * from a stale one being rebuilt, pages built by requests, story pages
   * found unchanged and stamped again, pages rebuilt by the watcher. */
  uint64_t n_fresh, n_stale, n_built, n_restamped, n_refreshed;
  int live_seconds;   /* how often a page's script asks what is new */
} sv_app;

/* One request's handles: a read-only store and its context, taken from a
 * pool, and an analyzer opened when a page first needs one. */
typedef struct sv_handle {
  px_ctx *ctx;
  px_store *st;
  px_analyzer *an;
  struct sv_handle *next;
} sv_handle;

typedef struct sv_resp {
  int status;
  const char *type; /* content type */
  sbuf body;
  sv_centry *ref;   /* when set, the body is this cached entry's (body unused) */
  void *check;      /* a page's check bytes for its cache entry (malloc'd) */
  size_t check_len;
} sv_resp;

/** The response to r straight from the cache, without the store, when a
 * fresh (or a stale one being rebuilt by another request) is there:
 * returns true.  Otherwise false, and *stale is set when the caller is to
 * rebuild a stale entry (pass it to sv_handle_request). */
bool sv_cached_response(sv_app *app, const sv_req *r, sv_resp *out, sv_centry **stale);
/** When the store has changed: claim the pages asked for in the last
 * seconds (at most max), bump the change count, and rebuild them (or, for a
 * story page whose story kept its members, stamp them again) with handle h,
 * so that the requests for them are answered from memory meanwhile (as they
 * were) and after.  @return the pages refreshed. */
size_t sv_refresh(sv_app *app, sv_handle *h, int seconds, size_t max);
/** Build the page of target into the cache now (the stories list at start).
 * @return false when it could not be built. */
bool sv_prebuild(sv_app *app, sv_handle *h, const char *target);
/** Build the response to r (serve_pages.c); takes over stale. */
void sv_handle_request(sv_app *app, sv_handle *h, const sv_req *r, sv_centry *stale,
                       sv_resp *out);
/** An error page (HTML or JSON as r->api says). */
void sv_error_page(const sv_req *r, int status, const char *msg, sv_resp *out);

/* serve_assets.c: a static file by name; NULL when none. */
const char *sv_asset(const char *name, const char **type, size_t *len);

/* serve_groups.c: outlet groups.  A file of lines "outlet<TAB>dimension<TAB>group"
 * (# comments); dimensions such as lean, country, owner. */
int sv_groups_load(const char *path, sv_groups **out, char *err, size_t nerr);
void sv_groups_free(sv_groups *g);
size_t sv_groups_dims(const sv_groups *g);
const char *sv_groups_dim(const sv_groups *g, size_t d);
/** The group of outlet in dimension d, or NULL. */
const char *sv_groups_of(const sv_groups *g, size_t d, const char *outlet, size_t n);
/** Distinct group names of dimension d, in file order. */
size_t sv_groups_names(const sv_groups *g, size_t d, const char ***names);

/* serve_cache.c: built pages and story reports, by whole key (compared
 * byte for byte), with a generation stamp and check bytes.  An entry is an
 * immutable counted reference: release every entry a call hands out. */
#define SV_GEN_ANY UINT64_MAX /* a lookup that does not care about the stamp */
enum {
  SV_C_NONE,    /* no entry: the caller is to build it, and then call
                 * sv_cache_put or sv_cache_done (other requests for the same
                 * key wait meanwhile, up to 30 s) */
  SV_C_FRESH,   /* stamped with the generation asked for (or SV_GEN_ANY) */
  SV_C_STALE,   /* older, and another request is rebuilding it: send this one */
  SV_C_REFRESH  /* older, and the caller is to rebuild it: it must then call
                 * sv_cache_put, sv_cache_restamp or sv_cache_unclaim */
};
sv_cache *sv_cache_new(size_t max_bytes);
void sv_cache_free(sv_cache *c);
/** Look key up; *out (NULL with SV_C_NONE) is a reference to release. */
int sv_cache_get(sv_cache *c, const char *key, size_t klen, uint64_t gen, sv_centry **out);
/** Store a copy of body under key, replacing any entry of that key; ends a
 * claim.  @return a reference to the new entry (release it), NULL when out
 * of memory. */
sv_centry *sv_cache_put(sv_cache *c, const char *key, size_t klen, uint64_t gen,
                        const void *check, size_t clen, const char *body, size_t blen);
/** e was found still valid: stamp it with gen and end the claim. */
void sv_cache_restamp(sv_cache *c, sv_centry *e, uint64_t gen);
/** The build promised by SV_C_NONE ended without an entry (an error page):
 * the requests waiting for it go on (no-op when this thread promised none). */
void sv_cache_done(sv_cache *c, const char *key, size_t klen);
/** End a claim without a new entry (the rebuild failed). */
void sv_cache_unclaim(sv_cache *c, sv_centry *e);
void sv_centry_release(sv_centry *e);
const char *sv_centry_body(const sv_centry *e, size_t *len);
const char *sv_centry_check(const sv_centry *e, size_t *len);
void sv_cache_stats(sv_cache *c, size_t *entries, size_t *bytes);
const char *sv_centry_key(const sv_centry *e, size_t *len);
/** Renew the claims on list[0..n) (a long rebuild pass keeps them). */
void sv_cache_keep_claims(sv_cache *c, sv_centry *const *list, size_t n);
/** Claim (as SV_C_REFRESH does) up to max entries whose key starts with
 * first, stamped with another generation than gen, unclaimed, and looked up
 * at or after since; most recently used first, each a reference in out. */
size_t sv_cache_claim_stale(sv_cache *c, uint64_t gen, time_t since, char first,
                            sv_centry **out, size_t max);

/* serve_svg.c: charts. */
typedef struct sv_bar {
  const char *label;
  double value;
  const char *note; /* shown after the value, may be NULL */
} sv_bar;
/** Horizontal bars with labels and values as text. */
void svg_bars(sbuf *b, const char *title, const sv_bar *bars, size_t n, const char *unit);
/** Counts per day: two series (stories, articles), days since the epoch. */
void svg_days(sbuf *b, const char *title, const int64_t *day, const int64_t *a, const int64_t *s,
              size_t n);
/** A timeline: points (time, row label), the first one marked. */
void svg_timeline(sbuf *b, const char *title, const int64_t *t, const char *const *label,
                  size_t n);
/** A coverage bar: segments (label, count) in the palette, labels in text. */
void svg_coverage(sbuf *b, const char *const *label, const int64_t *count, size_t n, int64_t max);

#endif
