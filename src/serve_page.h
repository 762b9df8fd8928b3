/* serve_page.h - helpers shared by the page files (serve_pages.c, serve_story.c). */
#ifndef PX_SERVE_PAGE_H
#define PX_SERVE_PAGE_H
#include "serve.h"
#include "serve_json.h"

/* The top of an HTML page.  live: the URL the script polls (NULL: none),
 * live_n: the count it compares with. */
void pg_head(sbuf *b, const char *title, const char *live, int64_t live_n);
/* Seconds between the live polls of the page script (set once at start). */
extern int pg_live_seconds;
void pg_foot(sbuf *b);
/* A link to a path prefix plus a URL-encoded name: /outlet/NAME. */
void pg_link(sbuf *b, const char *prefix, const char *name, size_t n, const char *text, size_t tn);
/* The outlets of a story (distinct, in first-report order) and their counts. */
typedef struct pg_outlets {
  char **name;
  size_t n, cap;
} pg_outlets;
void pg_outlets_add(pg_outlets *o, px_str name);
void pg_outlets_free(pg_outlets *o);
/* Coverage by the groups of dimension d: counts per group name (in file
 * order) plus "no group" last.  Fills label/count (cap entries). */
size_t pg_group_counts(const sv_groups *g, size_t d, const pg_outlets *o, const char **label,
                       int64_t *count, size_t cap);
/* A store error as a 500 page. */
void pg_store_error(const sv_req *r, sv_handle *h, int rc, sv_resp *out);

/* serve_story.c */
/* stale: a cached story page to revalidate (taken over when it is still
 * valid: it becomes out->ref, stamped with gen); the check bytes of the
 * page built are left in out->check. */
void page_story(sv_app *app, sv_handle *h, const sv_req *r, sv_centry **stale, uint64_t gen,
                sv_resp *out);
void page_article(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out);
#endif
