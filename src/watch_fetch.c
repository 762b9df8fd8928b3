/* watch_fetch.c - polite HTTP(S) fetching over the libcurl multi interface
 * (watch_fetch.h).  One thread: the watcher's loop calls wfetch_run(),
 * which starts queued requests as their hosts allow and collects the
 * finished ones.  libcurl parses the responses (status, headers,
 * Retry-After, content encodings); this file only decides when to ask. */
#include "watch_fetch.h"

#include <parallax.h>

#define LZ_CURL
#include "lazylib.h"
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct host {
  char name[256];
  int active;
  double next_start; /* monotonic time before which no request may start */
} host;

struct wfetch {
  CURLM *multi;
  char *user_agent;
  long timeout_ms, connect_ms, max_redirects, per_host;
  long max_bytes;
  double gap; /* seconds between starts on one host */
  wreq *queue, *queue_tail;
  wreq *prio_tail; /* the last priority request: they are all at the front */
  wreq *active;
  size_t nqueued, nactive;
  host *hosts;
  size_t nhosts;
};

double wnow(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void wfetch_configure(wfetch *f, const wconfig *cfg) {
  free(f->user_agent);
  f->user_agent = strdup(cfg->user_agent ? cfg->user_agent
                                         : "parallax-watch/" PX_VERSION_STRING
                                           " (news coverage comparison; feed reader)");
  f->timeout_ms = (long)(cfg->timeout * 1000);
  f->connect_ms = (long)(cfg->connect_timeout * 1000);
  f->max_redirects = cfg->max_redirects;
  f->per_host = cfg->per_host;
  f->max_bytes = cfg->max_bytes;
  f->gap = 1.0 / cfg->rate;
}

int wfetch_new(const wconfig *cfg, wfetch **out) {
  *out = NULL;
  static int inited;
  if (!inited) {
    if (lz_curl_load(NULL, 0) || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return -1;
    inited = 1;
  }
  wfetch *f = calloc(1, sizeof(*f));
  if (!f || !(f->multi = curl_multi_init())) {
    free(f);
    return -1;
  }
  wfetch_configure(f, cfg);
  *out = f;
  return 0;
}

wreq *wreq_new(const char *url, int kind, void *user) {
  wreq *r = calloc(1, sizeof(*r));
  if (!r) return NULL;
  if (!(r->url = strdup(url))) {
    free(r);
    return NULL;
  }
  r->kind = kind;
  r->user = user;
  return r;
}

void wreq_free(wreq *r) {
  if (!r) return;
  if (r->easy) curl_easy_cleanup(r->easy);
  curl_slist_free_all(r->hdrs);
  free(r->url);
  free(r->etag);
  free(r->last_modified);
  free(r->body);
  free(r->content_type);
  free(r->etag_out);
  free(r->last_modified_out);
  free(r->final_url);
  free(r);
}

void wfetch_free(wfetch *f) {
  if (!f) return;
  for (wreq *r = f->queue, *n; r; r = n) {
    n = r->next;
    wreq_free(r);
  }
  /* Running requests belong to the multi handle until removed. */
  if (f->multi) {
    for (wreq *r = f->active, *n; r; r = n) {
      n = r->anext;
      curl_multi_remove_handle(f->multi, r->easy);
      wreq_free(r);
    }
    curl_multi_cleanup(f->multi);
  }
  free(f->hosts);
  free(f->user_agent);
  free(f);
}

/* The host part of a URL, lower-cased ("" when there is none). */
static void host_of(const char *url, char *out, size_t cap) {
  out[0] = '\0';
  CURLU *u = curl_url();
  char *h = NULL;
  if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h) {
    snprintf(out, cap, "%s", h);
    for (char *p = out; *p; p++)
      if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
  }
  curl_free(h);
  curl_url_cleanup(u);
}

static host *host_get(wfetch *f, const char *name) {
  for (size_t i = 0; i < f->nhosts; i++)
    if (strcmp(f->hosts[i].name, name) == 0) return &f->hosts[i];
  host *nh = realloc(f->hosts, (f->nhosts + 1) * sizeof(host));
  if (!nh) return NULL;
  f->hosts = nh;
  host *h = &nh[f->nhosts++];
  memset(h, 0, sizeof(*h));
  snprintf(h->name, sizeof(h->name), "%s", name);
  return h;
}

void wfetch_submit(wfetch *f, wreq *r) {
  host_of(r->url, r->host, sizeof(r->host));
  r->next = NULL;
  if (r->priority) {
    wreq **at = f->prio_tail ? &f->prio_tail->next : &f->queue;
    r->next = *at;
    *at = r;
    if (!r->next) f->queue_tail = r;
    f->prio_tail = r;
  } else {
    if (f->queue_tail) f->queue_tail->next = r;
    else f->queue = r;
    f->queue_tail = r;
  }
  f->nqueued++;
}

void wfetch_host_pause(wfetch *f, const char *url, double seconds) {
  char name[256];
  host_of(url, name, sizeof(name));
  host *h = host_get(f, name);
  if (h && h->next_start < wnow() + seconds) h->next_start = wnow() + seconds;
}

size_t wfetch_pending(const wfetch *f) { return f->nqueued + f->nactive; }

wreq *wfetch_drop_queued(wfetch *f) {
  wreq *l = f->queue;
  f->queue = f->queue_tail = f->prio_tail = NULL;
  f->nqueued = 0;
  return l;
}

static size_t on_body(char *p, size_t size, size_t n, void *user) {
  wreq *r = user;
  size_t k = size * n;
  if ((long)(r->len + k) > r->cap) {
    r->too_big = true;
    return 0; /* curl stops with CURLE_WRITE_ERROR */
  }
  char *nb = realloc(r->body, r->len + k + 1);
  if (!nb) return 0;
  r->body = nb;
  memcpy(r->body + r->len, p, k);
  r->len += k;
  r->body[r->len] = '\0';
  return k;
}

static int start(wfetch *f, wreq *r) {
  CURL *e = curl_easy_init();
  if (!e) return -1;
  r->easy = e;
  r->errmsg[0] = '\0';
  r->cap = f->max_bytes;
  curl_easy_setopt(e, CURLOPT_URL, r->url);
  curl_easy_setopt(e, CURLOPT_PRIVATE, (char *)r);
  curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, f->max_redirects);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, f->timeout_ms);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, f->connect_ms);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding curl decodes */
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)f->max_bytes);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->errmsg);
  struct curl_slist *h = NULL;
  char line[1200];
  if (r->etag && r->etag[0]) {
    snprintf(line, sizeof(line), "If-None-Match: %s", r->etag);
    h = curl_slist_append(h, line);
  }
  if (r->last_modified && r->last_modified[0]) {
    snprintf(line, sizeof(line), "If-Modified-Since: %s", r->last_modified);
    h = curl_slist_append(h, line);
  }
  h = curl_slist_append(h, "Accept: application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
  r->hdrs = h;
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
  r->errmsg[0] = '\0';
  if (curl_multi_add_handle(f->multi, e) != CURLM_OK) return -1;
  return 0;
}

static char *header_copy(CURL *e, const char *name) {
  struct curl_header *h = NULL;
  if (curl_easy_header(e, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h || !h->value)
    return NULL;
  return strdup(h->value);
}

static void finish(wfetch *f, wreq *r, CURLcode code, double t0) {
  CURL *e = r->easy;
  r->error = (int)code;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r->status);
  char *ct = NULL, *eff = NULL;
  curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &ct);
  if (ct) r->content_type = strdup(ct);
  curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &eff);
  if (eff) r->final_url = strdup(eff);
  curl_off_t ra = 0;
  if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
    r->retry_after = (double)ra;
  if (code == CURLE_OK) {
    r->etag_out = header_copy(e, "ETag");
    r->last_modified_out = header_copy(e, "Last-Modified");
  } else {
    if (r->too_big || code == CURLE_FILESIZE_EXCEEDED) {
      r->too_big = true;
      snprintf(r->errmsg, sizeof(r->errmsg), "response larger than the %ld-byte cap", f->max_bytes);
    } else if (!r->errmsg[0]) {
      snprintf(r->errmsg, sizeof(r->errmsg), "%s", curl_easy_strerror(code));
    }
    free(r->body);
    r->body = NULL;
    r->len = 0;
  }
  r->seconds = wnow() - t0;
  curl_multi_remove_handle(f->multi, e);
  curl_easy_cleanup(e);
  r->easy = NULL;
  for (wreq **pp = &f->active; *pp; pp = &(*pp)->anext)
    if (*pp == r) {
      *pp = r->anext;
      break;
    }
  r->anext = NULL;
  curl_slist_free_all(r->hdrs);
  r->hdrs = NULL;
  host *h = host_get(f, r->host);
  if (h && h->active > 0) h->active--;
  f->nactive--;
}

/* Start the queued requests whose host has room; *wait gets the time until
 * the next one may start. */
static void start_due(wfetch *f, double *wait) {
  double now = wnow();
  wreq **pp = &f->queue, *prev = NULL;
  while (*pp) {
    wreq *r = *pp;
    host *h = host_get(f, r->host);
    if (h && (h->active >= f->per_host || h->next_start > now)) {
      if (h->active < f->per_host && h->next_start - now < *wait) *wait = h->next_start - now;
      prev = r;
      pp = &r->next;
      continue;
    }
    *pp = r->next;
    if (f->queue_tail == r) f->queue_tail = prev;
    if (f->prio_tail == r) f->prio_tail = prev; /* prev is a priority request or none */
    f->nqueued--;
    r->next = NULL;
    r->t0 = now;
    if (start(f, r) != 0) {
      r->error = CURLE_FAILED_INIT;
      snprintf(r->errmsg, sizeof(r->errmsg), "could not start the request");
      /* Put it back at the front: reported at the next run. */
      curl_slist_free_all(r->hdrs);
      r->hdrs = NULL;
      if (r->easy) curl_easy_cleanup(r->easy);
      r->easy = NULL;
      r->next = f->queue;
      f->queue = r;
      if (!f->queue_tail) f->queue_tail = r;
      if (!r->priority) f->prio_tail = NULL; /* order among priorities may change, nothing is lost */
      else if (!f->prio_tail) f->prio_tail = r;
      f->nqueued++;
      return;
    }
    f->nactive++;
    r->anext = f->active;
    f->active = r;
    if (h) {
      h->active++;
      h->next_start = now + f->gap;
    }
  }
}

wreq *wfetch_run(wfetch *f, double max_wait, int extra_fd, bool *extra_ready) {
  double wait = max_wait;
  if (extra_ready) *extra_ready = false;
  start_due(f, &wait);
  int running = 0;
  curl_multi_perform(f->multi, &running);
  if (wait < 0) wait = 0;
  struct curl_waitfd wfd = {extra_fd, CURL_WAIT_POLLIN, 0};
  int nfds = 0;
  /* Rounded up: a wait under a millisecond truncated to 0 made the loop
   * spin until the next feed fell due (thousands of turns a second). */
  curl_multi_poll(f->multi, extra_fd >= 0 ? &wfd : NULL, extra_fd >= 0 ? 1 : 0,
                  (int)ceil(wait * 1000), &nfds);
  if (extra_fd >= 0 && extra_ready) *extra_ready = (wfd.revents & CURL_WAIT_POLLIN) != 0;
  curl_multi_perform(f->multi, &running);
  wreq *done = NULL, **tail = &done;
  CURLMsg *m;
  int left;
  while ((m = curl_multi_info_read(f->multi, &left))) {
    if (m->msg != CURLMSG_DONE) continue;
    wreq *r = NULL;
    curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
    if (!r) continue;
    finish(f, r, m->data.result, r->t0);
    *tail = r;
    tail = &r->next;
  }
  return done;
}

static size_t discard(char *p, size_t size, size_t n, void *user) {
  (void)p;
  (void)user;
  return size * n;
}

int wfetch_post(wfetch *f, const char *url, const char *body, size_t len, char *err, size_t errcap) {
  CURL *e = curl_easy_init();
  if (!e) {
    snprintf(err, errcap, "could not start a request");
    return -1;
  }
  char ebuf[CURL_ERROR_SIZE] = "";
  struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
  curl_easy_setopt(e, CURLOPT_URL, url);
  curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, f->timeout_ms);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, f->connect_ms);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, ebuf);
  CURLcode c = curl_easy_perform(e);
  long status = 0;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(h);
  curl_easy_cleanup(e);
  if (c != CURLE_OK) {
    snprintf(err, errcap, "%s", ebuf[0] ? ebuf : curl_easy_strerror(c));
    return -1;
  }
  if (status < 200 || status > 299) {
    snprintf(err, errcap, "HTTP status %ld", status);
    return -1;
  }
  return 0;
}
