/* cmd_watch.c - parallax watch: follow feeds and folders, ingest what is
 * new through px_ingest, raise alerts (docs/watch.md).
 *
 * One thread and one loop: the fetcher (watch_fetch.c) is driven between
 * ingest rounds, inotify's descriptor is polled beside curl's sockets.  A
 * round ends when nothing is in flight (or every few seconds under steady
 * traffic): px_ingest_finish() clusters the new articles, the alert engine
 * (watch_alert.c) looks at them, and the feeds that finished in the round
 * get their validators saved -- only after their items were committed, so
 * an item is never marked seen without its article, nor a feed marked
 * unchanged before its items are stored. */
#include "cli.h"
#include "lazylib.h"
#include "watch.h"

#include <curl/curl.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { REQ_FEED = 1, REQ_PAGE = 2 };

static volatile sig_atomic_t g_stop, g_reload;
static void on_signal(int sig) {
  if (sig == SIGHUP) g_reload = 1;
  else g_stop = 1;
}

void wlog(const char *level, const char *fmt, ...) {
  char ts[32];
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s parallax watch: %s: ", ts, level);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

typedef struct feed {
  char *url;
  double interval;
  double due;          /* monotonic */
  int failures;
  char *etag, *lm;     /* validators stored */
  char *new_etag, *new_lm; /* received, saved once the round's items are committed */
  bool in_flight, polled, round_done, round_failed;
  int pages;           /* page requests of this round still out */
  bool keep;           /* still in the configuration (SIGHUP) */
  bool known;          /* read before (this run or a stored state): items all new means a gap */
  bool retrying;       /* its last round failed: its items come again, not a gap */
  double saved;        /* when its state was last written (monotonic) */
  int saved_failures;  /* the failure count then */
} feed;

typedef struct page_job {
  size_t feed;
  px_article *art; /* the item as the feed gave it */
  char *key;       /* its seen key */
} page_job;

typedef struct cand {
  char *path;
  int64_t size;
  double since; /* size last changed (monotonic) */
  bool closed;  /* the writer closed it (IN_CLOSE_WRITE / IN_MOVED_TO) */
} cand;

typedef struct wdir {
  int wd;
  char *path;
  size_t root;
} wdir;

typedef struct root {
  char *path;
  bool present;
  double retry;
} root;

typedef struct watcher {
  cli *c;
  wconfig cfg;
  const char *config_path;
  char **cli_feeds, **cli_folders;
  size_t ncli_feeds, ncli_folders;
  px_ctx *ctx;
  px_store *st;
  px_ingest *g;
  wfetch *f;
  walerts *al;
  feed *feeds;
  size_t nfeeds;
  root *roots;
  size_t nroots;
  wdir *dirs;
  size_t ndirs;
  int ino;
  cand *cands;
  size_t ncands;
  int64_t *fresh; /* articles stored since the last round */
  size_t nfresh, capfresh;
  bool store_failed;  /* a store error since the last round: save no validators */
  bool once;
  double last_round;
  uint64_t items_seen, pages_fetched, articles, errors, not_modified;
  uint64_t turns, rounds, gaps, no_text;
  double cpu[6]; /* CPU seconds by part: see CPU_* */
} watcher;

/* Where the watcher's CPU time goes (process CPU clock, charged to the part
 * running; printed when it stops): fetching (curl, waiting included), the
 * feeds read, the pages read and ingested (extraction, analysis, store), the
 * folders, the rounds (commit, search index, stories), the alerts. */
enum { CPU_FETCH, CPU_FEEDS, CPU_PAGES, CPU_FILES, CPU_ROUNDS, CPU_ALERTS };

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Charge the CPU time since *mark to part k and move the mark. */
static void cpu_charge(watcher *w, int k, double *mark) {
  double t = cpu_now();
  w->cpu[k] += t - *mark;
  *mark = t;
}

/* ------------------------------------------------------------ state keys */

static char *key_of(const char *prefix, const char *a, const char *b) {
  size_t n = strlen(prefix) + strlen(a) + (b ? strlen(b) + 1 : 0) + 1;
  char *k = malloc(n);
  if (k) snprintf(k, n, "%s%s%s%s", prefix, a, b ? "#" : "", b ? b : "");
  return k;
}

static bool state_has(watcher *w, const char *key) {
  char *v = NULL;
  int rc = px_store_state_get(w->st, key, &v, NULL);
  free(v);
  return rc == PX_OK;
}

/* Feed state: "etag\nlast-modified\nfailures\nnot-before (unix)". */
static void feed_load(watcher *w, feed *fd) {
  char *k = key_of("feed:", fd->url, NULL), *v = NULL;
  if (k && px_store_state_get(w->st, k, &v, NULL) == PX_OK) {
    char *save = NULL, *e = strtok_r(v, "\n", &save);
    char *l = e ? strtok_r(NULL, "\n", &save) : NULL;
    char *fl = l ? strtok_r(NULL, "\n", &save) : NULL;
    char *nb = fl ? strtok_r(NULL, "\n", &save) : NULL;
    if (e && strcmp(e, "-") != 0) fd->etag = strdup(e);
    if (l && strcmp(l, "-") != 0) fd->lm = strdup(l);
    fd->failures = fl ? atoi(fl) : 0;
    fd->known = fd->failures == 0;
    fd->saved_failures = fd->failures;
    double wait = nb ? (double)(strtoll(nb, NULL, 10) - (long long)time(NULL)) : 0;
    fd->due = wnow() + (wait > 0 ? wait : 0);
  }
  free(v);
  free(k);
}

static void feed_save(watcher *w, feed *fd, double wait) {
  char *k = key_of("feed:", fd->url, NULL);
  char v[4096];
  int n = snprintf(v, sizeof(v), "%s\n%s\n%d\n%lld\n", fd->etag && fd->etag[0] ? fd->etag : "-",
                   fd->lm && fd->lm[0] ? fd->lm : "-", fd->failures,
                   (long long)time(NULL) + (long long)wait);
  if (k && n > 0 && n < (int)sizeof(v) && px_store_state_set(w->st, k, v, (size_t)n) != PX_OK)
    wlog("error", "%s: could not save the feed's state: %s", fd->url, px_ctx_error(w->ctx));
  fd->saved = wnow();
  fd->saved_failures = fd->failures;
  free(k);
}

/* ---------------------------------------------------------------- ingest */

static void on_event(void *user, px_ingest_event ev, const char *origin, const char *message,
                     uint64_t count) {
  (void)user;
  (void)count;
  if (ev == PX_IE_REPAIRED) return;
  wlog(ev == PX_IE_WARNING ? "warning" : "error", "%s: %s", origin, message);
}

/* Store one article and mark key seen in the same batch.  @return 0, or -1
 * when the store failed (the open batch is lost: logged). */
static int ingest_one(watcher *w, const px_article *art, const char *key, const char *what) {
  int64_t id = 0;
  int rc = px_ingest_add(w->g, art, &id);
  if (rc == PX_OK) {
    w->articles++;
    if (w->nfresh == w->capfresh) {
      size_t nc = w->capfresh ? w->capfresh * 2 : 256;
      int64_t *nf = realloc(w->fresh, nc * sizeof(int64_t));
      if (nf) {
        w->fresh = nf;
        w->capfresh = nc;
      }
    }
    if (w->nfresh < w->capfresh) w->fresh[w->nfresh++] = id;
  }
  if (rc == PX_OK || rc == PX_EDUPLICATE) {
    if (key && (rc = px_store_state_set(w->st, key, "1", 1)) == PX_OK) return 0;
    if (!key) return 0;
  }
  wlog("error", "%s: not stored: %s (the batch in progress is rolled back; retried later)", what,
       px_ctx_error(w->ctx)[0] ? px_ctx_error(w->ctx) : px_strerror(rc));
  w->store_failed = true;
  w->errors++;
  /* Articles of the lost batch are no longer stored. */
  w->nfresh = 0;
  return -1;
}

/* ----------------------------------------------------------------- feeds */

static void feed_failed(watcher *w, feed *fd, const char *why, double retry_after) {
  fd->failures++;
  double wait = fd->interval;
  for (int i = 1; i < fd->failures && wait < w->cfg.backoff_max; i++) wait *= 2;
  if (wait > w->cfg.backoff_max) wait = w->cfg.backoff_max;
  if (retry_after > 0) wait = retry_after; /* the server said when */
  fd->due = wnow() + wait;
  w->errors++;
  wlog("error", "%s: %s; next try in %.0f s (failure %d)", fd->url, why, wait, fd->failures);
  feed_save(w, fd, wait);
}

static void submit_page(watcher *w, size_t fi, px_article *art, char *key) {
  page_job *pj = calloc(1, sizeof(*pj));
  px_str u = px_article_get(art, PX_F_URL);
  char *url = strndup(u.ptr, u.len);
  wreq *r = pj && url ? wreq_new(url, REQ_PAGE, pj) : NULL;
  free(url);
  if (!r) {
    wlog("error", "out of memory");
    free(pj);
    px_article_free(art);
    free(key);
    return;
  }
  pj->feed = fi;
  pj->art = art;
  pj->key = key;
  r->priority = 1; /* a page finishes a round: ahead of feed polls */
  w->feeds[fi].pages++;
  wfetch_submit(w->f, r);
}

static void feed_items(watcher *w, size_t fi, wreq *r) {
  feed *fd = &w->feeds[fi];
  px_reader *rd = NULL;
  const char *origin = r->final_url ? r->final_url : r->url;
  /* Fetching pages: an item whose description has no text is still
   * taken (its page gives the text). */
  int rc = px_reader_open_mem(w->ctx, r->body, r->len, origin,
                              w->cfg.fetch_pages ? "feed-links" : "feed", &rd);
  if (rc != PX_OK) {
    feed_failed(w, fd, px_strerror(rc), 0);
    fd->round_failed = true;
    return;
  }
  int items = 0, bad = 0, fresh = 0;
  /* A feed with no items yet is not an error; a page without a feed's root is. */
  size_t head = r->len < 4096 ? r->len : 4096;
  bool feed_root = r->body && (memmem(r->body, head, "<rss", 4) || memmem(r->body, head, "<feed", 5) ||
                               memmem(r->body, head, "<rdf:RDF", 8));
  for (int guard = 0; guard < 1000000; guard++) {
    px_article *art;
    rc = px_reader_next(rd, &art);
    if (rc == PX_EOF) break;
    if (rc == PX_ENOBODY && items == 0 && feed_root && strstr(px_reader_error(rd), "feed has no items"))
      break;
    if (rc != PX_OK) {
      bad++;
      wlog("error", "%s", px_reader_error(rd));
      if (px_reader_error_is_fatal(rd) || rc == PX_ENOMEM) break;
      continue;
    }
    items++;
    px_str u = px_article_get(art, PX_F_URL), id = px_article_get(art, PX_F_ID);
    px_str t = px_article_get(art, PX_F_TITLE);
    char *ident = u.len ? strndup(u.ptr, u.len)
                        : id.len ? strndup(id.ptr, id.len) : strndup(t.ptr ? t.ptr : "", t.len);
    char *key = ident ? key_of("seen:", u.len ? ident : fd->url, u.len ? NULL : ident) : NULL;
    free(ident);
    if (!key) break;
    if (state_has(w, key)) {
      free(key);
      continue;
    }
    w->items_seen++;
    fresh++;
    bool http = u.len > 7 && (strncmp(u.ptr, "http://", 7) == 0 || strncmp(u.ptr, "https://", 8) == 0);
    if (w->cfg.fetch_pages && http) {
      px_article *mine = NULL;
      if (px_article_clone(art, &mine) != PX_OK) {
        free(key);
        break;
      }
      submit_page(w, fi, mine, key);
    } else {
      if (ingest_one(w, art, key, origin) != 0) fd->round_failed = true;
      free(key);
    }
  }
  px_reader_free(rd);
  if (fd->known && !fd->retrying && items >= 2 && fresh == items) {
    /* Not one item of the last reading is left: the feed moved on by more
     * than it holds, and what it dropped in between is not in it any more.
     * Said, and the feed polled more often from now on. */
    double floor = fd->interval / 8 > 0.25 ? fd->interval / 8 : 0.25;
    w->gaps++;
    if (fd->interval / 2 >= floor) fd->interval /= 2;
    wlog("warning",
         "%s: all %d items are new since the last reading: items published in between may be "
         "missing (the feed holds %d); polled every %.1f s from now on",
         fd->url, items, items, fd->interval);
  }
  if (items > 0) fd->known = true;
  if (items == 0 && bad) {
    /* An HTML page, an empty or a broken feed: nothing to go on. */
    fd->round_failed = true;
    w->errors++;
  }
}

/* The round of a feed is over when its page requests are all back. */
static void feed_round_over(watcher *w, feed *fd) {
  if (fd->pages > 0) return;
  fd->in_flight = false;
  fd->round_done = true;
}

static void on_feed(watcher *w, size_t fi, wreq *r) {
  feed *fd = &w->feeds[fi];
  fd->polled = true;
  fd->round_failed = false;
  if (r->error || r->status == 0) {
    char why[400];
    snprintf(why, sizeof(why), "%s", r->errmsg[0] ? r->errmsg : "request failed");
    feed_failed(w, fd, why, 0);
    fd->in_flight = false;
    return;
  }
  if (r->status == 304) {
    w->not_modified++;
    fd->failures = 0;
    fd->due = wnow() + fd->interval;
    fd->in_flight = false;
    /* Only the next poll's time changed: written when the failures were
     * reset, or at most once a minute (a feed polled every few seconds
     * would otherwise cost a store transaction a poll). */
    if (fd->saved_failures != 0 || wnow() - fd->saved >= 60) feed_save(w, fd, fd->interval);
    return;
  }
  if (r->status != 200) {
    char why[64];
    snprintf(why, sizeof(why), "HTTP status %ld", r->status);
    double ra = (r->status == 429 || r->status == 503) ? r->retry_after : 0;
    if (ra > 0) wfetch_host_pause(w->f, fd->url, ra);
    feed_failed(w, fd, why, ra);
    fd->in_flight = false;
    return;
  }
  free(fd->new_etag);
  free(fd->new_lm);
  fd->new_etag = r->etag_out ? strdup(r->etag_out) : NULL;
  fd->new_lm = r->last_modified_out ? strdup(r->last_modified_out) : NULL;
  feed_items(w, fi, r);
  feed_round_over(w, fd);
}

static void on_page(watcher *w, page_job *pj, wreq *r) {
  feed *fd = &w->feeds[pj->feed];
  const char *url = r->final_url ? r->final_url : r->url;
  /* What may pass (a timeout, a reset, a 5xx, a 429) is tried again; what
   * will not (a 404, a redirect loop, a page over the cap) is logged once. */
  bool permanent_error = r->too_big || r->error == CURLE_TOO_MANY_REDIRECTS ||
                         r->error == CURLE_UNSUPPORTED_PROTOCOL || r->error == CURLE_URL_MALFORMAT;
  bool transient = r->error ? !permanent_error : (r->status == 429 || r->status >= 500 || r->status == 0);
  if (transient) {
    char why[300];
    snprintf(why, sizeof(why), "%s", r->error ? r->errmsg : "");
    if (!r->error) snprintf(why, sizeof(why), "HTTP status %ld", r->status);
    wlog("error", "%s: page not fetched: %s; tried again at the feed's next poll", r->url, why);
    if (r->retry_after > 0) wfetch_host_pause(w->f, r->url, r->retry_after);
    fd->round_failed = true;
    w->errors++;
  } else {
    px_article *use = pj->art;
    px_article *page = NULL;
    if (r->status == 200 && !r->error && px_article_clone(pj->art, &page) == PX_OK) {
      w->pages_fetched++;
      if (px_article_from_html(w->ctx, r->body, r->len, r->content_type, url, page) == PX_OK) {
        use = page;
      } else {
        wlog("error", "%s; the feed's own text is stored instead", px_ctx_error(w->ctx));
        w->errors++;
      }
    } else {
      wlog("error", "%s: page not fetched: %s; the feed's own text is stored instead", r->url,
           r->error ? r->errmsg : "HTTP error");
      w->errors++;
    }
    char what[600];
    snprintf(what, sizeof(what), "%s (item of %s)", url, fd->url);
    if (px_article_get(use, PX_F_BODY).len == 0) {
      /* Neither the page nor the feed's item has text: nothing to store.
       * Marked seen, so it is said once. */
      wlog("error", "%s: no article text in the page nor in the feed's item; not stored", what);
      w->errors++;
      w->no_text++;
      if (px_store_state_set(w->st, pj->key, "1", 1) != PX_OK) w->store_failed = true;
    } else if (ingest_one(w, use, pj->key, what) != 0) {
      fd->round_failed = true;
    }
    px_article_free(page);
  }
  fd->pages--;
  if (fd->in_flight) feed_round_over(w, fd);
  px_article_free(pj->art);
  free(pj->key);
  free(pj);
}

static void poll_feeds(watcher *w) {
  double now = wnow();
  for (size_t i = 0; i < w->nfeeds; i++) {
    feed *fd = &w->feeds[i];
    if (fd->in_flight || (w->once && fd->polled) || (!w->once && fd->due > now)) continue;
    if (w->once && fd->due > now + 1) {
      /* Retry-After or backoff still running: honoured even under cron. */
      wlog("info", "%s: not polled, the server asked to wait %.0f s more", fd->url, fd->due - now);
      fd->polled = true;
      continue;
    }
    wreq *r = wreq_new(fd->url, REQ_FEED, (void *)(uintptr_t)i);
    if (!r) continue;
    if (fd->etag) r->etag = strdup(fd->etag);
    if (fd->lm) r->last_modified = strdup(fd->lm);
    fd->in_flight = true;
    fd->round_done = false;
    fd->due = now + fd->interval;
    wfetch_submit(w->f, r);
  }
}

/* --------------------------------------------------------------- folders */

static void watch_dir(watcher *w, const char *path, size_t ri, int depth);

static void cand_add(watcher *w, const char *path, bool closed) {
  struct stat sb;
  if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) return;
  for (size_t i = 0; i < w->ncands; i++)
    if (strcmp(w->cands[i].path, path) == 0) {
      if (closed) w->cands[i].closed = true;
      return;
    }
  cand *nc = realloc(w->cands, (w->ncands + 1) * sizeof(cand));
  if (!nc) return;
  w->cands = nc;
  cand *c = &nc[w->ncands];
  if (!(c->path = strdup(path))) return;
  c->size = (int64_t)sb.st_size;
  c->since = wnow();
  c->closed = closed;
  w->ncands++;
}

static void scan(watcher *w, const char *dir, size_t ri, int depth, bool add_watches) {
  if (depth > 32) return;
  DIR *d = opendir(dir);
  if (!d) {
    wlog("error", "%s: cannot read the folder: %s", dir, strerror(errno));
    w->errors++;
    return;
  }
  if (add_watches) watch_dir(w, dir, ri, depth);
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char p[PATH_MAX];
    if (snprintf(p, sizeof(p), "%s/%s", dir, e->d_name) >= (int)sizeof(p)) continue;
    struct stat sb;
    if (stat(p, &sb) != 0) continue;
    if (S_ISDIR(sb.st_mode)) {
      scan(w, p, ri, depth + 1, add_watches);
    } else if (S_ISREG(sb.st_mode)) {
      char *k = key_of("file:", p, NULL), *v = NULL;
      char want[64];
      snprintf(want, sizeof(want), "%lld:%lld", (long long)sb.st_size, (long long)sb.st_mtime);
      bool done = k && px_store_state_get(w->st, k, &v, NULL) == PX_OK && strcmp(v, want) == 0;
      free(v);
      free(k);
      if (!done) cand_add(w, p, false);
    }
  }
  closedir(d);
}

static void watch_dir(watcher *w, const char *path, size_t ri, int depth) {
  if (w->ino < 0) return;
  int wd = inotify_add_watch(w->ino, path,
                             IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF |
                                 IN_MOVE_SELF | IN_ONLYDIR);
  if (wd < 0) {
    wlog("error", "%s: cannot watch the folder: %s", path, strerror(errno));
    return;
  }
  for (size_t i = 0; i < w->ndirs; i++)
    if (w->dirs[i].wd == wd) return;
  wdir *nd = realloc(w->dirs, (w->ndirs + 1) * sizeof(wdir));
  if (!nd) return;
  w->dirs = nd;
  nd[w->ndirs].wd = wd;
  nd[w->ndirs].path = strdup(path);
  nd[w->ndirs].root = ri;
  if (nd[w->ndirs].path) w->ndirs++;
}

static void root_check(watcher *w, size_t ri) {
  root *r = &w->roots[ri];
  struct stat sb;
  if (stat(r->path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    if (!r->present) {
      if (r->retry > 0) wlog("info", "%s: the folder is back; rescanning it", r->path);
      r->present = true;
      scan(w, r->path, ri, 0, !w->once);
    }
  } else if (r->present || r->retry == 0) {
    wlog("error", "%s: the folder is missing; looking for it again every 5 s", r->path);
    w->errors++;
    r->present = false;
  }
  r->retry = wnow() + 5;
}

static void drop_watches_of(watcher *w, size_t ri) {
  for (size_t i = 0; i < w->ndirs;) {
    if (w->dirs[i].root == ri) {
      inotify_rm_watch(w->ino, w->dirs[i].wd);
      free(w->dirs[i].path);
      w->dirs[i] = w->dirs[--w->ndirs];
    } else {
      i++;
    }
  }
}

static void read_inotify(watcher *w) {
  char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
  for (int guard = 0; guard < 64; guard++) {
    ssize_t n = read(w->ino, buf, sizeof(buf));
    if (n <= 0) return;
    for (char *p = buf; p < buf + n;) {
      struct inotify_event *ev = (struct inotify_event *)p;
      p += sizeof(*ev) + ev->len;
      if (ev->mask & IN_Q_OVERFLOW) {
        wlog("warning", "too many folder events at once (inotify overflow); rescanning every folder");
        for (size_t i = 0; i < w->nroots; i++)
          if (w->roots[i].present) scan(w, w->roots[i].path, i, 0, true);
        continue;
      }
      wdir *d = NULL;
      for (size_t i = 0; i < w->ndirs; i++)
        if (w->dirs[i].wd == ev->wd) d = &w->dirs[i];
      if (!d) continue;
      if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
        size_t ri = d->root;
        if (strcmp(d->path, w->roots[ri].path) == 0) {
          drop_watches_of(w, ri);
          w->roots[ri].present = true; /* so root_check logs the loss */
          w->roots[ri].retry = 1;
          root_check(w, ri);
        }
        continue;
      }
      if (!ev->len || ev->name[0] == '.') continue;
      char path[PATH_MAX];
      if (snprintf(path, sizeof(path), "%s/%s", d->path, ev->name) >= (int)sizeof(path)) continue;
      if (ev->mask & IN_ISDIR) {
        if (ev->mask & (IN_CREATE | IN_MOVED_TO)) scan(w, path, d->root, 1, true);
      } else if (ev->mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
        cand_add(w, path, true);
      }
    }
  }
}

static void ingest_file(watcher *w, const char *path, int64_t size, int64_t mtime) {
  px_reader *rd = NULL;
  int rc = px_reader_open(w->ctx, path, &rd);
  if (rc != PX_OK) {
    wlog("error", "%s: %s", path, px_ctx_error(w->ctx)[0] ? px_ctx_error(w->ctx) : px_strerror(rc));
    w->errors++;
    return;
  }
  bool ok = true;
  for (;;) {
    px_article *art;
    rc = px_reader_next(rd, &art);
    if (rc == PX_EOF) break;
    if (rc != PX_OK) {
      wlog("error", "%s", px_reader_error(rd));
      w->errors++;
      if (rc == PX_ENOMEM) {
        ok = false;
        break;
      }
      continue;
    }
    if (ingest_one(w, art, NULL, path) != 0) {
      ok = false;
      break;
    }
    if (g_stop) {
      /* Not marked read: the next start reads it again, and what was
       * stored of it is then a duplicate, not stored twice. */
      wlog("info", "%s: stopped in the middle; read again at the next start", path);
      ok = false;
      break;
    }
  }
  px_reader_free(rd);
  if (!ok) return;
  char *k = key_of("file:", path, NULL);
  char v[64];
  int n = snprintf(v, sizeof(v), "%lld:%lld", (long long)size, (long long)mtime);
  if (k && px_store_state_set(w->st, k, v, (size_t)n) != PX_OK) w->store_failed = true;
  free(k);
}

/* Ingest the candidates that are complete: closed by their writer, or of
 * a size that has not changed for `settle` seconds. */
static void take_files(watcher *w, bool final) {
  double now = wnow();
  for (size_t i = 0; i < w->ncands;) {
    cand *c = &w->cands[i];
    struct stat sb;
    bool gone = stat(c->path, &sb) != 0 || !S_ISREG(sb.st_mode);
    bool ready = false;
    if (!gone) {
      if ((int64_t)sb.st_size != c->size) {
        c->size = (int64_t)sb.st_size;
        c->since = now;
        c->closed = false;
      }
      double age = (double)(time(NULL) - sb.st_mtime);
      ready = c->closed || (now - c->since >= w->cfg.settle && age >= w->cfg.settle) ||
              (final && age >= w->cfg.settle);
    }
    if (!gone && !ready && final) {
      wlog("info", "%s: still being written; left for the next run", c->path);
      gone = true;
    }
    if (gone || ready) {
      if (ready) ingest_file(w, c->path, (int64_t)sb.st_size, (int64_t)sb.st_mtime);
      free(c->path);
      w->cands[i] = w->cands[--w->ncands];
    } else {
      i++;
    }
  }
}

/* ------------------------------------------------------------- the round */

static int round_end(watcher *w) {
  double mark = cpu_now();
  w->rounds++;
  int rc = px_ingest_finish(w->g);
  if (rc != PX_OK) {
    wlog("error", "store: %s; the last batch is rolled back, its items are fetched again",
         px_ctx_error(w->ctx));
    w->store_failed = true;
    w->nfresh = 0;
  }
  for (size_t i = 0; i < w->nfeeds; i++) {
    feed *fd = &w->feeds[i];
    if (!fd->round_done) continue;
    fd->round_done = false;
    if (w->store_failed || fd->round_failed) {
      /* Keep the old validators: the next poll reads the whole feed again. */
      fd->round_failed = false;
      fd->retrying = true;
      continue;
    }
    fd->retrying = false;
    free(fd->etag);
    free(fd->lm);
    fd->etag = fd->new_etag;
    fd->lm = fd->new_lm;
    fd->new_etag = fd->new_lm = NULL;
    fd->failures = 0;
    feed_save(w, fd, fd->interval);
  }
  w->store_failed = false;
  cpu_charge(w, CPU_ROUNDS, &mark);
  if (w->al && rc == PX_OK) {
    int arc = walerts_check(w->al, w->fresh, w->nfresh);
    if (arc != PX_OK) {
      wlog("error", "alerts: %s; looked for again at the next round", px_ctx_error(w->ctx));
      w->errors++;
    }
  }
  w->nfresh = 0;
  if (w->al) walerts_deliver(w->al);
  cpu_charge(w, CPU_ALERTS, &mark);
  w->last_round = wnow();
  return rc;
}

/* ---------------------------------------------------------- configuration */

static int load_config(watcher *w, wconfig *cfg) {
  wconfig_init(cfg);
  char err[512];
  if (w->config_path && wconfig_load(cfg, w->config_path, err, sizeof(err)) != 0) {
    wlog("error", "%s", err);
    wconfig_release(cfg);
    return -1;
  }
  for (size_t i = 0; i < w->ncli_feeds; i++)
    if (wconfig_add_feed(cfg, w->cli_feeds[i])) return -1;
  for (size_t i = 0; i < w->ncli_folders; i++)
    if (wconfig_add_folder(cfg, w->cli_folders[i])) return -1;
  return 0;
}

/* Make the feed and folder lists follow the configuration, keeping the
 * state of the feeds that stay. */
static void apply_config(watcher *w) {
  for (size_t i = 0; i < w->nfeeds; i++) w->feeds[i].keep = false;
  for (size_t k = 0; k < w->cfg.nfeeds; k++) {
    const wfeed *cf = &w->cfg.feeds[k];
    size_t i;
    for (i = 0; i < w->nfeeds; i++)
      if (strcmp(w->feeds[i].url, cf->url) == 0) break;
    if (i == w->nfeeds) {
      feed *nf = realloc(w->feeds, (w->nfeeds + 1) * sizeof(feed));
      if (!nf) continue;
      w->feeds = nf;
      memset(&nf[i], 0, sizeof(feed));
      nf[i].url = strdup(cf->url);
      nf[i].due = wnow();
      w->nfeeds++;
      feed_load(w, &nf[i]);
    }
    w->feeds[i].keep = true;
    w->feeds[i].interval = cf->interval > 0 ? cf->interval : w->cfg.interval;
  }
  /* Feeds no longer configured are only dropped when idle (their indexes
   * are in requests in flight otherwise): they simply stop being polled. */
  for (size_t i = 0; i < w->nfeeds; i++)
    if (!w->feeds[i].keep) w->feeds[i].due = 1e18;
  for (size_t k = 0; k < w->cfg.nfolders; k++) {
    size_t i;
    for (i = 0; i < w->nroots; i++)
      if (strcmp(w->roots[i].path, w->cfg.folders[k]) == 0) break;
    if (i < w->nroots) continue;
    root *nr = realloc(w->roots, (w->nroots + 1) * sizeof(root));
    if (!nr) continue;
    w->roots = nr;
    memset(&nr[i], 0, sizeof(root));
    nr[i].path = strdup(w->cfg.folders[k]);
    w->nroots++;
    root_check(w, i);
  }
}

static void reload(watcher *w) {
  wconfig nc;
  if (load_config(w, &nc) != 0) {
    wlog("error", "configuration not reloaded; the previous one stays in force");
    return;
  }
  wconfig old = w->cfg;
  w->cfg = nc;
  wfetch_configure(w->f, &w->cfg);
  if (w->al) walerts_configure(w->al, &w->cfg);
  apply_config(w);
  wconfig_release(&old);
  wlog("info", "configuration reloaded: %zu feeds, %zu folders, %zu alerts", w->cfg.nfeeds,
       w->cfg.nfolders, w->cfg.nalerts);
}

/* ------------------------------------------------------------------- main */

static bool all_polled(watcher *w) {
  for (size_t i = 0; i < w->nfeeds; i++)
    if (w->feeds[i].keep && (!w->feeds[i].polled || w->feeds[i].in_flight)) return false;
  return true;
}

static int run(watcher *w) {
  apply_config(w);
  if (!w->nfeeds && !w->nroots) {
    wlog("error", "nothing to watch: give --feed URL, --folder DIR or a --config file");
    return EXIT_USAGE;
  }
  wlog("info", "watching %zu feeds and %zu folders; %zu alerts", w->nfeeds, w->nroots,
       w->cfg.nalerts);
  /* What a previous run stored without looking for alerts (killed), and
   * what it raised without delivering. */
  if (px_ingest_finish(w->g) != PX_OK) { /* clusters what a killed run left without a story */
    wlog("error", "store: %s", px_ctx_error(w->ctx));
    w->errors++;
  }
  if (walerts_check(w->al, NULL, 0) != PX_OK) {
    wlog("error", "alerts: %s", px_ctx_error(w->ctx));
    w->errors++;
  }
  walerts_deliver(w->al);
  w->last_round = wnow();
  int status = EXIT_OK;
  /* The CPU clock is read once a turn and once a request handled (each
   * read is a system call): the loop's own work is charged to fetching. */
  double mark = cpu_now();
  for (;;) {
    if (g_reload) {
      g_reload = 0;
      reload(w);
    }
    if (g_stop) {
      wlog("info", "stopping: finishing the current batch");
      wreq *q = wfetch_drop_queued(w->f);
      while (q) {
        wreq *n = q->next;
        if (q->kind == REQ_PAGE) {
          page_job *pj = q->user;
          px_article_free(pj->art);
          free(pj->key);
          free(pj);
        }
        wreq_free(q);
        q = n;
      }
      break;
    }
    w->turns++;
    poll_feeds(w);
    double wait = 0.5;
    double now = wnow();
    for (size_t i = 0; i < w->nfeeds; i++)
      if (!w->feeds[i].in_flight && w->feeds[i].due - now < wait) wait = w->feeds[i].due - now;
    if (w->ncands) wait = wait > 0.25 ? 0.25 : wait;
    bool ino_ready = false;
    wreq *done = wfetch_run(w->f, wait > 0 ? wait : 0, w->ino, &ino_ready);
    cpu_charge(w, CPU_FETCH, &mark);
    while (done) {
      wreq *n = done->next;
      if (done->kind == REQ_FEED) {
        on_feed(w, (size_t)(uintptr_t)done->user, done);
        cpu_charge(w, CPU_FEEDS, &mark);
      } else {
        on_page(w, done->user, done);
        cpu_charge(w, CPU_PAGES, &mark);
      }
      wreq_free(done);
      done = n;
    }
    if (w->ino >= 0) read_inotify(w);
    (void)ino_ready;
    now = wnow();
    for (size_t i = 0; i < w->nroots; i++)
      if (!w->roots[i].present && w->roots[i].retry <= now) root_check(w, i);
    bool idle = wfetch_pending(w->f) == 0;
    take_files(w, w->once && idle);
    if (w->ncands || w->nroots) cpu_charge(w, CPU_FILES, &mark);
    bool round_ready = false;
    for (size_t i = 0; i < w->nfeeds; i++)
      if (w->feeds[i].round_done) round_ready = true;
    /* A round ends when nothing is in flight, or every 2 s (or 64 articles)
     * under steady traffic, so alerts never wait long and a kill loses
     * little. */
    if ((w->nfresh || round_ready) && (idle || now - w->last_round > 2 || w->nfresh >= 64)) {
      if (round_end(w) != PX_OK) status = EXIT_FAIL;
      mark = cpu_now(); /* round_end charged its own parts */
    } else if (w->al) {
      walerts_deliver(w->al); /* reads the outbox only when an alert waits */
    }
    if (w->once && idle && all_polled(w) && w->ncands == 0) break;
  }
  if (round_end(w) != PX_OK) status = EXIT_FAIL;
  uint64_t raised = 0, delivered = 0;
  if (w->al) walerts_counts(w->al, &raised, &delivered);
  wlog("info", "stopped: %llu new items, %llu pages fetched, %llu articles stored, %llu not modified, %llu errors, %llu alerts raised, %llu delivered",
       (unsigned long long)w->items_seen, (unsigned long long)w->pages_fetched,
       (unsigned long long)w->articles, (unsigned long long)w->not_modified,
       (unsigned long long)w->errors, (unsigned long long)raised, (unsigned long long)delivered);
  double all = cpu_now();
  wlog("info",
       "cpu: %.2f s in all; fetching and the loop %.2f, feeds %.2f, pages and their ingest %.2f, folders %.2f, "
       "rounds (commit, search index, stories) %.2f, alerts %.2f, start and the rest %.2f; "
       "%llu loop turns, %llu rounds; %llu feed readings with every item new (a possible gap), "
       "%llu items without text",
       all, w->cpu[CPU_FETCH], w->cpu[CPU_FEEDS], w->cpu[CPU_PAGES], w->cpu[CPU_FILES],
       w->cpu[CPU_ROUNDS], w->cpu[CPU_ALERTS],
       all - w->cpu[CPU_FETCH] - w->cpu[CPU_FEEDS] - w->cpu[CPU_PAGES] - w->cpu[CPU_FILES] -
           w->cpu[CPU_ROUNDS] - w->cpu[CPU_ALERTS],
       (unsigned long long)w->turns, (unsigned long long)w->rounds, (unsigned long long)w->gaps,
       (unsigned long long)w->no_text);
  if (status == EXIT_OK && w->errors) status = EXIT_PARTIAL;
  return status;
}

int cmd_watch(cli *c, int argc, char **argv) {
  watcher w;
  memset(&w, 0, sizeof(w));
  w.c = c;
  w.ino = -1;
  int status = EXIT_FAIL;
  const char *outlets = NULL;
  w.cli_feeds = calloc((size_t)argc + 1, sizeof(char *));
  w.cli_folders = calloc((size_t)argc + 1, sizeof(char *));
  if (!w.cli_feeds || !w.cli_folders) goto out;
  {
    args a;
    int r = start_command(c, "watch", argc, argv, &a);
    if (r >= 0) {
      status = r;
      goto out;
    }
    w.config_path = opt_str(&a, "config", NULL);
    const optval *fe = opt(&a, "feed"), *fo = opt(&a, "folder");
    for (size_t k = 0; k < fe->nlist; k++) w.cli_feeds[w.ncli_feeds++] = (char *)fe->list[k];
    for (size_t k = 0; k < fo->nlist; k++) w.cli_folders[w.ncli_folders++] = (char *)fo->list[k];
    w.once = opt_flag(&a, "once");
    outlets = opt_str(&a, "outlets", NULL);
    free_args(&a); /* the values point into argv */
  }
  if (load_config(&w, &w.cfg) != 0) {
    status = EXIT_USAGE;
    goto out;
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof(sa));
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  if (px_ctx_new(&w.ctx) != PX_OK) goto out;
  if (outlets && px_ctx_load_outlets(w.ctx, outlets) != PX_OK) {
    errorf(c, "%s", px_ctx_error(w.ctx));
    status = EXIT_USAGE;
    goto out;
  }
  px_store_prefer_bulk();
  if (px_store_open(w.ctx, c->db_path, PX_OPEN_WRITE, &w.st) != PX_OK) {
    errorf(c, "%s", px_ctx_error(w.ctx));
    goto out;
  }
  px_ingest_opts io;
  px_ingest_opts_init(&io);
  io.threads = 1; /* a poll brings a few articles: no workers */
  io.on_event = on_event;
  io.user = &w;
  char lzerr[512];
  if (lz_curl_load(lzerr, sizeof lzerr)) {
    errorf(c, "%s", lzerr);
    goto out;
  }
  if (px_ingest_new(w.st, &io, &w.g) != PX_OK || wfetch_new(&w.cfg, &w.f) != 0) {
    errorf(c, "could not start: %s", px_ctx_error(w.ctx));
    goto out;
  }
  if (walerts_new(w.ctx, w.st, w.f, &w.cfg, &w.al) != PX_OK) {
    errorf(c, "could not start the alerts: %s", px_ctx_error(w.ctx));
    goto out;
  }
  if (!w.once) {
    w.ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w.ino < 0) wlog("warning", "inotify unavailable (%s): folders are rescanned instead", strerror(errno));
  }
  status = run(&w);
out:
  walerts_free(w.al);
  px_ingest_free(w.g);
  wfetch_free(w.f);
  px_store_free(w.st);
  px_ctx_free(w.ctx);
  for (size_t i = 0; i < w.nfeeds; i++) {
    free(w.feeds[i].url);
    free(w.feeds[i].etag);
    free(w.feeds[i].lm);
    free(w.feeds[i].new_etag);
    free(w.feeds[i].new_lm);
  }
  free(w.feeds);
  for (size_t i = 0; i < w.nroots; i++) free(w.roots[i].path);
  free(w.roots);
  for (size_t i = 0; i < w.ndirs; i++) free(w.dirs[i].path);
  free(w.dirs);
  for (size_t i = 0; i < w.ncands; i++) free(w.cands[i].path);
  free(w.cands);
  free(w.fresh);
  if (w.ino >= 0) close(w.ino);
  wconfig_release(&w.cfg);
  free(w.cli_feeds);
  free(w.cli_folders);
  return status;
}
