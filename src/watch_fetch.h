/* watch_fetch.h - polite HTTP(S) fetching for `parallax watch` (libcurl).
 *
 * Requests are queued and started when their host allows: at most
 * per_host at once and no more than `rate` starts a second per host.
 * Each request: a clear User-Agent, conditional headers when validators
 * are given, redirects within max_redirects (http and https only),
 * timeouts, any compression curl can decode, and a size cap. */
#ifndef PX_WATCH_FETCH_H
#define PX_WATCH_FETCH_H

#include "watch_config.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct wreq {
  /* Set by the caller. */
  char *url;
  char *etag, *last_modified; /* validators to send (may be NULL) */
  void *user;
  int kind;
  int priority;               /* 1: ahead of the others waiting (pages before feed polls) */
  /* Results, once done. */
  long status;            /* HTTP status, 0 when no response */
  int error;              /* 0, or a CURLcode */
  char errmsg[256];       /* why it failed, for the log */
  char *body;             /* response body (NUL-terminated), malloc'd */
  size_t len;
  bool too_big;           /* over max_bytes: body dropped */
  char *content_type;     /* malloc'd or NULL */
  char *etag_out, *last_modified_out; /* validators received (malloc'd or NULL) */
  char *final_url;        /* after redirects */
  double retry_after;     /* seconds asked by Retry-After (0: none) */
  double seconds;         /* time taken */
  /* Internal. */
  void *easy;
  void *hdrs;
  double t0;  /* when it started */
  long cap;   /* max_bytes when it started */
  char host[256];
  struct wreq *next;
  struct wreq *anext; /* the fetcher's list of running requests */
} wreq;

typedef struct wfetch wfetch;

/** @return 0 or -1 (curl could not start). */
int wfetch_new(const wconfig *cfg, wfetch **out);
void wfetch_free(wfetch *f);
/** Apply changed settings (after SIGHUP). */
void wfetch_configure(wfetch *f, const wconfig *cfg);
/** Make a request for url; free with wreq_free(). */
wreq *wreq_new(const char *url, int kind, void *user);
void wreq_free(wreq *r);
/** Queue r; the fetcher owns it until it comes back from wfetch_run(). */
void wfetch_submit(wfetch *f, wreq *r);
/**
 * Start what may start, wait at most max_wait seconds for progress (or for
 * extra_fd, when >= 0, to become readable), and return the finished
 * requests as a list linked by next (NULL when none).
 */
wreq *wfetch_run(wfetch *f, double max_wait, int extra_fd, bool *extra_ready);
/** Start nothing on url's host for seconds (a Retry-After). */
void wfetch_host_pause(wfetch *f, const char *url, double seconds);
/** Requests queued or running. */
size_t wfetch_pending(const wfetch *f);
/** Drop every queued request not yet started (returned as a list). */
wreq *wfetch_drop_queued(wfetch *f);
/** POST body to url (blocking, with the configured timeouts).
 * @return 0 on a 2xx answer, -1 otherwise (err says why). */
int wfetch_post(wfetch *f, const char *url, const char *body, size_t len, char *err, size_t errcap);
/** Monotonic seconds. */
double wnow(void);

#endif
