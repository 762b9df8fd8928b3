/* cmd_serve.c - parallax serve: the store in a browser, read-only, over
 * libmicrohttpd, one thread per connection.  A page built before and still
 * current is sent from memory (serve_cache.c); any other request borrows a
 * read-only store handle from a bounded pool (one SQLite connection each),
 * so an ingest writing the same file (WAL) is never blocked and every page
 * sees committed data only.  Limits: connections, time per connection,
 * memory per connection (which bounds header size), header count, request
 * target length; no request body is accepted and no request changes state. */
#include "cli.h"
#include "serve.h"
#include "serve_page.h"

#include <arpa/inet.h>
#include <math.h>
#include <errno.h>
#define LZ_MHD
#include "lazylib.h"
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SV_THREADS_DEFAULT 4        /* store handles: requests building pages at once */
#define SV_HANDLE_WAIT 30           /* seconds a request waits for a store handle (then 503) */
#define SV_MAX_CONNECTIONS 512      /* and so threads (one per connection) */
#define SV_CONN_TIMEOUT 10          /* seconds of silence before a connection is closed */
#define SV_CONN_MEMORY (64 * 1024)  /* per connection: request line and headers must fit */
#define SV_WATCH_MS 50              /* how often the store is polled for others' commits */
#define SV_REFRESH_SECONDS 60       /* pages asked for this recently are rebuilt after a change */
#define SV_REFRESH_MAX 256          /* at most this many per change */

/* Handler time per page kind, for --stats: log-spaced buckets (5% apart)
 * from 1 microsecond, counted with atomic adds by every thread. */
#define NBUCKET 400
static const char *const page_names[] = {"none",   "stories", "story",      "article", "speaker",
                                         "entity", "outlet",  "search",     "thread",  "blindspots",
                                         "outlets", "live",   "static"};
#define NPAGES (sizeof(page_names) / sizeof(page_names[0]))
static uint64_t hist[NPAGES][NBUCKET], cpu_hist[NPAGES][NBUCKET];
/* The same, for the requests answered from a page already built (the cache). */
static uint64_t hit_hist[NPAGES][NBUCKET], hit_cpu_hist[NPAGES][NBUCKET];

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double cpu_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void note(uint64_t (*h)[NBUCKET], int page, double sec) {
  double us = sec * 1e6;
  int k = us <= 1 ? 0 : (int)(log(us) / log(1.05));
  if (k >= NBUCKET) k = NBUCKET - 1;
  if (page < 0 || (size_t)page >= NPAGES) page = 0;
  __atomic_fetch_add(&h[page][k], 1, __ATOMIC_RELAXED);
}

static double bucket_ms(int k) { return pow(1.05, k + 0.5) / 1000.0; }

static void quantiles(const uint64_t *h, uint64_t n, double *p50, double *p99, double *mx) {
  uint64_t c = 0;
  *p50 = *p99 = -1;
  *mx = 0;
  for (int k = 0; k < NBUCKET; k++) {
    c += h[k];
    if (*p50 < 0 && c * 2 >= n) *p50 = bucket_ms(k);
    if (*p99 < 0 && c * 100 >= n * 99) *p99 = bucket_ms(k);
    if (h[k]) *mx = bucket_ms(k);
  }
}

static void print_table(FILE *f, uint64_t (*wall)[NBUCKET], uint64_t (*cpu)[NBUCKET]) {
  fprintf(f, "%-11s %9s %9s %9s %9s %9s %9s %9s\n", "page", "requests", "wall p50", "wall p99",
          "wall max", "CPU p50", "CPU p99", "CPU max");
  for (size_t p = 0; p < NPAGES; p++) {
    uint64_t n = 0;
    for (int k = 0; k < NBUCKET; k++) n += wall[p][k];
    if (!n) continue;
    double a, b, c, d, e, g;
    quantiles(wall[p], n, &a, &b, &c);
    quantiles(cpu[p], n, &d, &e, &g);
    fprintf(f, "%-11s %9llu %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f\n", page_names[p],
            (unsigned long long)n, a, b, c, d, e, g);
  }
}

static void print_stats(FILE *f) {
  print_table(f, hist, cpu_hist);
  fprintf(f, "(server time per request in ms, the handler only: wall, and CPU time of its thread)\n");
  fprintf(f, "of which answered from a page already built (the cache):\n");
  print_table(f, hit_hist, hit_cpu_hist);
}

typedef struct server {
  sv_app app;
  pthread_mutex_t mu;
  pthread_cond_t freed;
  sv_handle *idle; /* store handles not in use */
  int open, max_open; /* handles open; at most --threads */
  cli *c;
} server;

static const char CSP[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/* A store handle for one request: an idle one, a new one while fewer than
 * max_open are open, else wait for one to be given back (bounded: NULL and
 * *busy after SV_HANDLE_WAIT seconds). */
static sv_handle *take_handle(server *s, int *err, bool *busy) {
  *err = PX_OK;
  *busy = false;
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += SV_HANDLE_WAIT;
  pthread_mutex_lock(&s->mu);
  while (!s->idle && s->open >= s->max_open) {
    if (pthread_cond_timedwait(&s->freed, &s->mu, &until) == ETIMEDOUT && !s->idle &&
        s->open >= s->max_open) {
      pthread_mutex_unlock(&s->mu);
      *busy = true;
      return NULL;
    }
  }
  sv_handle *h = s->idle;
  if (h) s->idle = h->next;
  else s->open++; /* this thread opens one */
  pthread_mutex_unlock(&s->mu);
  if (h) return h;
  h = calloc(1, sizeof(*h));
  if (!h || px_ctx_new(&h->ctx) != PX_OK) {
    free(h);
    h = NULL;
    *err = PX_ENOMEM;
  } else if ((*err = px_store_open(h->ctx, s->app.db_path, PX_OPEN_READ, &h->st)) != PX_OK) {
    px_ctx_free(h->ctx);
    free(h);
    h = NULL;
  }
  if (!h) {
    pthread_mutex_lock(&s->mu);
    s->open--;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->mu);
  }
  return h;
}

static void give_handle(server *s, sv_handle *h) {
  pthread_mutex_lock(&s->mu);
  h->next = s->idle;
  s->idle = h;
  pthread_cond_signal(&s->freed);
  pthread_mutex_unlock(&s->mu);
}

static void free_handles(server *s) {
  for (sv_handle *h = s->idle, *nx; h; h = nx) {
    nx = h->next;
    px_analyzer_free(h->an);
    px_store_free(h->st);
    px_ctx_free(h->ctx);
    free(h);
  }
  s->idle = NULL;
}

/* The raw request target, before libmicrohttpd splits off the query: our
 * own parser (serve_route.c) reads it.  What this returns becomes the
 * request's context pointer. */
typedef struct reqctx {
  char *uri;
  size_t len;
  bool too_long;
} reqctx;

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *con) {
  (void)cls;
  (void)con;
  reqctx *r = calloc(1, sizeof(*r));
  if (!r) return NULL;
  size_t n = strnlen(uri, SV_MAX_URI + 1);
  if (n > SV_MAX_URI) {
    r->too_long = true;
    return r;
  }
  r->uri = malloc(n + 1);
  if (r->uri) {
    memcpy(r->uri, uri, n);
    r->uri[n] = 0;
    r->len = n;
  }
  return r;
}

static void completed(void *cls, struct MHD_Connection *con, void **req_cls,
                      enum MHD_RequestTerminationCode toe) {
  (void)cls;
  (void)con;
  (void)toe;
  reqctx *r = *req_cls;
  if (r) {
    free(r->uri);
    free(r);
  }
  *req_cls = NULL;
}

static void release_entry(void *e) { sv_centry_release(e); }

static enum MHD_Result send_resp(struct MHD_Connection *con, sv_resp *rs, bool head,
                                 bool cacheable) {
  struct MHD_Response *resp;
  if (head) {
    resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    sv_centry_release(rs->ref);
  } else if (rs->ref) {
    /* A cached page: its bytes are sent as they are, and released when sent. */
    size_t len;
    const char *p = sv_centry_body(rs->ref, &len);
    resp = MHD_create_response_from_buffer_with_free_callback_cls(len, (void *)p, release_entry,
                                                                 rs->ref);
    if (!resp) sv_centry_release(rs->ref);
  } else {
    resp = MHD_create_response_from_buffer(rs->body.n, rs->body.p ? rs->body.p : (void *)"",
                                           rs->body.p ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    rs->body.p = NULL; /* now owned by the response */
  }
  rs->ref = NULL;
  sb_free(&rs->body);
  if (!resp) return MHD_NO;
  MHD_add_response_header(resp, "Content-Type", rs->type);
  MHD_add_response_header(resp, "Content-Security-Policy", CSP);
  MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(resp, "X-Frame-Options", "DENY");
  MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
  MHD_add_response_header(resp, "Cache-Control", cacheable ? "public, max-age=3600" : "no-store");
  if (rs->status == 405) MHD_add_response_header(resp, "Allow", "GET, HEAD");
  enum MHD_Result ret = MHD_queue_response(con, (unsigned)rs->status, resp);
  MHD_destroy_response(resp);
  return ret;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *con, const char *url,
                               const char *method, const char *version, const char *upload_data,
                               size_t *upload_data_size, void **req_cls) {
  (void)url;
  (void)version;
  (void)upload_data;
  server *s = cls;
  reqctx *rc = *req_cls;
  sv_resp rs = {0};
  sv_req *req = NULL;
  bool head = strcmp(method, "HEAD") == 0;
  if (!rc) return MHD_NO;
  if (!head && strcmp(method, "GET") != 0) {
    sv_error_page(NULL, 405, "only GET and HEAD are served: nothing here changes the store", &rs);
    return send_resp(con, &rs, false, false);
  }
  if (*upload_data_size) {
    sv_error_page(NULL, 413, "a request body is not accepted", &rs);
    *upload_data_size = 0;
    return send_resp(con, &rs, head, false);
  }
  if (MHD_get_connection_values(con, MHD_HEADER_KIND, NULL, NULL) > SV_MAX_HEADERS) {
    sv_error_page(NULL, 431, "too many request headers", &rs);
    return send_resp(con, &rs, head, false);
  }
  if (rc->too_long || !rc->uri) {
    sv_error_page(NULL, 414, "the request target is too long", &rs);
    return send_resp(con, &rs, head, false);
  }
  req = malloc(sizeof(*req));
  if (!req) return MHD_NO;
  const char *msg;
  int st = sv_route(rc->uri, rc->len, req, &msg);
  if (st) {
    sv_error_page(req, st, msg, &rs);
    free(req);
    return send_resp(con, &rs, head, false);
  }
  if (req->page == SV_ASSET) {
    const char *type;
    size_t len;
    const char *p = sv_asset(req->arg, &type, &len);
    if (!p) {
      sv_error_page(req, 404, "no such file", &rs);
      free(req);
      return send_resp(con, &rs, head, false);
    }
    free(req);
    sb_init(&rs.body, 0);
    sb_add(&rs.body, p, len);
    rs.status = 200;
    rs.type = type;
    return send_resp(con, &rs, head, true);
  }
  /* A cached page needs no store handle: most requests end here. */
  double t0 = now_s(), c0 = cpu_s();
  sv_centry *stale = NULL;
  if (sv_cached_response(&s->app, req, &rs, &stale)) {
    double w = now_s() - t0, u = cpu_s() - c0;
    note(hist, (int)req->page, w);
    note(cpu_hist, (int)req->page, u);
    note(hit_hist, (int)req->page, w);
    note(hit_cpu_hist, (int)req->page, u);
    free(req);
    return send_resp(con, &rs, head, false);
  }
  int err;
  bool busy;
  sv_handle *h = take_handle(s, &err, &busy);
  if (!h) {
    if (stale) {
      sv_cache_unclaim(s->app.cache, stale);
      sv_centry_release(stale);
    }
    if (req->target) sv_cache_done(s->app.cache, req->target, req->target_len);
    sv_error_page(req, 503, busy ? "every store reader is busy: try again" : px_strerror(err), &rs);
    free(req);
    return send_resp(con, &rs, head, false);
  }
  sv_handle_request(&s->app, h, req, stale, &rs);
  give_handle(s, h);
  note(hist, (int)req->page, now_s() - t0);
  note(cpu_hist, (int)req->page, cpu_s() - c0);
  free(req);
  return send_resp(con, &rs, head, false);
}

static volatile sig_atomic_t stop_flag;
static void on_signal(int sig) {
  (void)sig;
  stop_flag = 1;
}

static bool parse_listen(const char *v, struct sockaddr_in *sa) {
  char host[64];
  const char *colon = strrchr(v, ':');
  if (!colon || (size_t)(colon - v) >= sizeof(host)) return false;
  memcpy(host, v, (size_t)(colon - v));
  host[colon - v] = 0;
  char *e;
  long port = strtol(colon + 1, &e, 10);
  if (*e || port < 0 || port > 65535) return false;
  memset(sa, 0, sizeof(*sa));
  sa->sin_family = AF_INET;
  sa->sin_port = htons((uint16_t)port);
  if (strcmp(host, "localhost") == 0) strcpy(host, "127.0.0.1");
  return inet_pton(AF_INET, host, &sa->sin_addr) == 1;
}

int cmd_serve(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "serve", argc, argv, &a);
  if (r >= 0) return r;
  const command *cmd = a.cmd;
  const char *listen = opt_str(&a, "listen", "127.0.0.1:8080"), *groups = opt_str(&a, "groups", NULL);
  long threads = (long)opt_int(&a, "threads", SV_THREADS_DEFAULT);
  bool stats = opt_flag(&a, "stats");
  pg_live_seconds = (int)opt_int(&a, "live-seconds", pg_live_seconds);
  free_args(&a); /* the values point into argv */
  struct sockaddr_in sa;
  if (!parse_listen(listen, &sa)) {
    die_usage(c, cmd, "--listen takes ADDRESS:PORT (an IPv4 address), not '%s'", listen);
    return EXIT_USAGE;
  }
  /* Open the store once now: a missing, foreign or newer store is refused
   * before anything listens. */
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) return EXIT_FAIL;
  px_store_mark mark = {0};
  px_store_mark_get(st, &mark);
  /* This handle stays open: the main thread polls it for commits by other
   * connections (an ingest) and bumps the change count that cached pages
   * are stamped with. */
  int64_t version = 0;
  px_store_data_version(st, &version);
  sv_handle watcher = {.ctx = ctx, .st = st};
  uint64_t changes = 0;

  server s;
  memset(&s, 0, sizeof(s));
  s.c = c;
  s.app.db_path = c->db_path;
  pthread_mutex_init(&s.mu, NULL);
  pthread_cond_init(&s.freed, NULL);
  s.max_open = (int)threads;
  if (groups) {
    char err[512];
    if (sv_groups_load(groups, &s.app.groups, err, sizeof(err))) {
      errorf(c, "%s", err);
      px_store_free(st);
      px_ctx_free(ctx);
      return EXIT_FAIL;
    }
  }
  s.app.cache = sv_cache_new(128u << 20);
  if (!s.app.cache) {
    errorf(c, "out of memory");
    sv_groups_free(s.app.groups);
    px_store_free(st);
    px_ctx_free(ctx);
    return EXIT_FAIL;
  }
  if (sa.sin_addr.s_addr != htonl(INADDR_LOOPBACK)) {
    fprintf(stderr,
            "parallax serve: WARNING: listening on %s, not on the loopback address: anyone who "
            "can reach this machine can read the whole store. There is no authentication.\n",
            listen);
  }
  struct sigaction act;
  memset(&act, 0, sizeof(act));
  act.sa_handler = on_signal;
  sigaction(SIGINT, &act, NULL);
  sigaction(SIGTERM, &act, NULL);
  signal(SIGPIPE, SIG_IGN);

  /* One thread per connection: a page that takes long to build (a story
   * compared for the first time, a broad search) holds up only its own
   * client, never the connections that would share its thread in a pool.
   * Cached pages need no store handle; the others wait for one of the
   * --threads handles.  The connection limit bounds the threads. */
  char lzerr[512];
  struct MHD_Daemon *d = NULL;
  if (lz_mhd_load(lzerr, sizeof lzerr)) {
    errorf(c, "%s", lzerr);
    sv_cache_free(s.app.cache);
    sv_groups_free(s.app.groups);
    px_store_free(st);
    px_ctx_free(ctx);
    return EXIT_FAIL;
  }
  d = MHD_start_daemon(
      MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
          MHD_USE_ERROR_LOG,
      0, NULL, NULL, handler, &s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)SV_MAX_CONNECTIONS, MHD_OPTION_CONNECTION_TIMEOUT,
      (unsigned)SV_CONN_TIMEOUT, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)SV_CONN_MEMORY,
      MHD_OPTION_URI_LOG_CALLBACK, uri_log, &s,
      MHD_OPTION_NOTIFY_COMPLETED, completed, &s, MHD_OPTION_END);
  if (!d) {
    errorf(c, "cannot listen on %s: %s", listen, strerror(errno));
    sv_cache_free(s.app.cache);
    sv_groups_free(s.app.groups);
    px_store_free(st);
    px_ctx_free(ctx);
    return EXIT_FAIL;
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  unsigned port = info ? info->port : ntohs(sa.sin_port);
  char host[64];
  inet_ntop(AF_INET, &sa.sin_addr, host, sizeof(host));
  /* The one line a script can wait for (the port is useful with :0). */
  printf("parallax serve: http://%s:%u/ (%lld articles; Ctrl-C stops)\n", host, port,
         (long long)mark.last_article);
  fflush(stdout);
  /* The front page is built now, not by the first visitor. */
  sv_prebuild(&s.app, &watcher, "/");
  while (!stop_flag) {
    struct timespec ts = {0, SV_WATCH_MS * 1000 * 1000};
    nanosleep(&ts, NULL);
    int64_t v;
    if (px_store_data_version(st, &v) == PX_OK && v != version) {
      version = v;
      changes++;
      /* Bump the change count, and rebuild here, off the requests' path,
       * the pages asked for lately: meanwhile they are sent as they were. */
      sv_refresh(&s.app, &watcher, SV_REFRESH_SECONDS, SV_REFRESH_MAX);
    }
  }
  MHD_stop_daemon(d);
  px_analyzer_free(watcher.an);
  px_store_free(st);
  px_ctx_free(ctx);
  if (stats) {
    print_stats(stderr);
    size_t entries, bytes;
    sv_cache_stats(s.app.cache, &entries, &bytes);
    fprintf(stderr,
            "cache: %llu requests from a fresh page, %llu from a page being rebuilt; %llu pages "
            "built, %llu story pages found unchanged and stamped again; %llu pages refreshed by "
            "the watcher after %llu store changes; %zu entries, %.1f MB at the end\n",
            (unsigned long long)s.app.n_fresh, (unsigned long long)s.app.n_stale,
            (unsigned long long)s.app.n_built, (unsigned long long)s.app.n_restamped,
            (unsigned long long)s.app.n_refreshed, (unsigned long long)changes, entries,
            (double)bytes / 1e6);
  }
  free_handles(&s);
  sv_cache_free(s.app.cache);
  sv_groups_free(s.app.groups);
  pthread_mutex_destroy(&s.mu);
  pthread_cond_destroy(&s.freed);
  if (!c->quiet) fprintf(stderr, "parallax serve: stopped\n");
  return EXIT_OK;
}
