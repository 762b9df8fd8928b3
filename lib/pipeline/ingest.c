/* ingest.c - the ingest pipeline (px_ingest): the one place that composes
 * the reader, the store, the analyzer, the quote extractor and clustering.
 *
 * Per article, inside the transaction of its batch: store it (an exact copy
 * is not stored twice), analyze it and extract its quotes, store that
 * analysis.  px_ingest_finish() commits, places the new articles in stories
 * and merges the search index when it needs it.  A failure of the analysis
 * loses the analysis only, never the article; a failure of the store rolls
 * back the open batch, and earlier batches stay committed.
 *
 * With more than one thread, the analysis runs on workers beside the
 * calling thread, which reads, stores and writes the analysis rows (SQLite
 * takes one writer).  Articles go to the workers through a bounded ring in
 * input order and their analyses are written back in that same order, so
 * every id and row is the same whatever the number of threads.  The
 * workers also make each article's search index tokens (store_fts.c), so
 * the writer only files them: without analysis too, the store alone then
 * has a worker beside its writer.
 *
 * A file or a folder (px_ingest_add_path) is read on a thread of its own
 * straight into the ring, ahead of the writer: the workers analyse what it
 * read before the writer stores it, so they go on while the writer commits
 * a batch (a third of its time on a large input), and the writer stores,
 * indexes and writes each article's analysis when it comes to it.
 */
#include "px_common.h"
#include "store/store.h"
#include "story/story.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>

/* Slots of the ring when a reading thread fills it (px_ingest_add_path):
 * enough for the workers to go on through most of a commit. */
#define FEED_SLOTS 256

static const char *const stage_names[PX_STAGE_COUNT] = {"read",          "store",   "analyze",
                                                        "analysis_rows", "cluster", "index"};

/* One article in flight between the writer and the workers. */
typedef struct slot {
  px_article *art; /* a copy, owned */
  int64_t id;
  px_doc *doc;
  px_quotes *qs;
  px__buf rec; /* its feature record for clustering (featrec.c); empty when none */
  px__buf fts; /* its search index tokens, made ahead (px__fts_maker_run) */
  int rc;
  bool done;
  bool redo; /* stored already, analysed again (px_ingest_reanalyze): no index, no record */
  /* Read ahead (px_ingest_add_path): filled by the reading thread, not
   * stored yet; the writer stores it when it comes to it. */
  bool fresh;
  int read_rc;    /* the reader's result: PX_OK, PX_EOF, or why the record was rejected */
  px__buf err;    /* the reader's message for a rejected record */
  uint64_t bytes; /* px_reader_bytes_in after it */
} slot;

/* What makes feature records: a text analyzer for titles, its scratch.
 * The analyzer is the one of the article's analysis (borrowed): a title's
 * words are mostly its body's, whose stems its cache holds already; a
 * cache of its own stemmed them all again. */
typedef struct recmaker {
  px__textan *ta;
  px__arena scratch;
} recmaker;

typedef struct worker {
  struct px_ingest *g;
  pthread_t thr;
  px_ctx *ctx; /* its own: error messages are per context */
  px_analyzer *an;
  px_quoter *qt;
  recmaker rm;
  px__fts_maker *fm; /* NULL: the writer tokenizes for the search index */
  bool started;
} worker;

struct px_ingest {
  px_store *st;
  px_ctx *ctx; /* the store's */
  px_ingest_opts o;
  px_story_opts story;
  px_analyzer *an; /* NULL without analysis */
  px_quoter *qt;
  recmaker rm;     /* inline analysis; rm.ta NULL without clustering */
  px__buf rec;     /* inline analysis: the record of the article analysed */
  px_langid *li;  /* NULL when the language profiles are missing */
  px_langid *li_ahead; /* the reading thread's (px_ingest_add_path) */
  px_ingest_stats s;
  uint64_t pending; /* stored in the open batch, not yet committed */
  uint64_t pending_redo; /* analysed again in the open batch (px_ingest_reanalyze) */
  bool cache_dropped;    /* px_ingest_reanalyze dropped the cached comparisons */
  long in_batch;
  long batch_size;   /* of the open batch (batch_size_of) */
  int64_t had;       /* articles in the store before this ingest (its highest id) */
  int stage; /* the stage being timed */
  /* The workers and their ring; nworkers 0 analyses inline. */
  worker *w;
  int nworkers;
  slot *ring;
  uint64_t ring_cap, head, tail, next_take; /* head: next to fill; tail: next to write */
  uint64_t inflight; /* articles px_ingest_add hands over before it writes one */
  bool stop;
  bool feeding;      /* a reading thread fills the ring (px_ingest_add_path) */
  bool feed_stop;    /* it is to stop (under mu) */
  bool room_waits;   /* it waits on cv_room for a free slot (under mu) */
  pthread_mutex_t mu;
  pthread_cond_t cv_work, cv_done, cv_room;
  int idle;          /* workers waiting on cv_work (under mu) */
  uint64_t wake_at;  /* articles waiting that wake an idle worker */
  bool waiting;      /* the writer waits on cv_done (under mu) */
  double t_mark, cpu_mark, t_start;
  char msg[1024];
};

const char *px_ingest_stage_name(int stage) {
  return stage >= 0 && stage < PX_STAGE_COUNT ? stage_names[stage] : "?";
}

void px_ingest_opts_init(px_ingest_opts *o) {
  memset(o, 0, sizeof(*o));
  o->analyze = 1;
  o->cluster = 1;
  o->batch = 2000;
  /* One thread per core by default (0, resolved when the ingest starts):
   * the analysis runs on workers beside the reader and writer, and the
   * store is the same whatever the number (tests/cli/threads.sh). */
  o->threads = 0;
}

static double clock_of(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Charge the time since the last switch to the current stage, then time
 * the stage next.  CPU time is read only when asked for (a system call). */
static void stage(px_ingest *g, int next) {
  double t = clock_of(CLOCK_MONOTONIC);
  g->s.wall[g->stage] += t - g->t_mark;
  g->t_mark = t;
  if (g->o.timings) {
    double c = clock_of(CLOCK_PROCESS_CPUTIME_ID);
    g->s.cpu[g->stage] += c - g->cpu_mark;
    g->cpu_mark = c;
  }
  g->stage = next;
}

static void event(px_ingest *g, px_ingest_event ev, const char *origin, const char *message,
                  uint64_t count) {
  if (g->o.on_event) g->o.on_event(g->o.user, ev, origin ? origin : "", message ? message : "", count);
}

static const char *origin_of(const px_article *art) {
  px_str o = px_article_get(art, PX_F_ORIGIN);
  return o.ptr ? o.ptr : "";
}

static int recmaker_init(recmaker *rm, px_analyzer *an) {
  px__arena_init(&rm->scratch, 16 * 1024);
  rm->ta = px__analyzer_textan(an);
  return rm->ta ? PX_OK : PX_EINVAL;
}

static void recmaker_release(recmaker *rm) {
  px__arena_release(&rm->scratch);
  memset(rm, 0, sizeof(*rm));
}

/* The feature record of art from its analysis doc, into out (emptied
 * first; left empty when it cannot be made: clustering then analyses the
 * article again). */
static void make_rec(recmaker *rm, const px_article *art, const px_doc *doc, px__buf *out) {
  px__buf_clear(out);
  if (!rm->ta || !doc) return;
  if (px__featrec_build(rm->ta, &rm->scratch, art, px__doc_text(doc), out) != PX_OK)
    px__buf_clear(out);
}

/* A worker's job on slot s, with its tools (an NULL: no analysis; fm
 * NULL: the search index's tokens are left to the writer). */
static void run_slot(px_analyzer *an, px_quoter *qt, recmaker *rm, px__fts_maker *fm, slot *s) {
  if (s->fresh && s->read_rc != PX_OK) return; /* a record rejected, or the end */
  /* the language was identified already: not again */
  if (an) {
    s->rc = px__analyze_identified(an, s->art, &s->doc);
    if (s->rc == PX_OK) s->rc = px_quotes_extract(qt, s->doc, &s->qs);
    if (s->rc == PX_OK && !s->redo) make_rec(rm, s->art, s->doc, &s->rec);
  }
  /* The search index's tokens, so the writer only files them.  A text
   * whose tokens could not be made is tokenized by the writer. */
  if (fm && !s->redo) {
    px_str t = px_article_get(s->art, PX_F_TITLE), b = px_article_get(s->art, PX_F_BODY);
    px__fts_maker_run(fm, t.ptr, t.len, &s->fts);
    px__fts_maker_run(fm, b.ptr, b.len, &s->fts);
  }
  /* Both were reserved for the worst case (the record at four times its
   * usual size); held in the ring until the writer comes to them, they
   * keep only what they hold. */
  px__buf_fit(&s->rec);
  px__buf_fit(&s->fts);
}

/* The calling thread yields to the writer: the writer is what the ingest
 * waits for, and with the input read ahead the workers and the reading
 * thread always have work to share its core with.  Ten steps of niceness
 * (Linux sets it per thread) measured 0.96x the wall time of none. */
static void behind_writer(void) {
#ifdef SYS_gettid
  errno = 0;
  int now = getpriority(PRIO_PROCESS, 0);
  if (errno == 0) setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), now + 10 > 19 ? 19 : now + 10);
#endif
}

static void *worker_main(void *arg) {
  worker *w = arg;
  px_ingest *g = w->g;
  behind_writer();
  for (;;) {
    pthread_mutex_lock(&g->mu);
    while (!g->stop && g->next_take == g->head) {
      g->idle++;
      pthread_cond_wait(&g->cv_work, &g->mu);
      g->idle--;
    }
    if (g->next_take == g->head) { /* stopping, nothing left */
      pthread_mutex_unlock(&g->mu);
      return NULL;
    }
    slot *s = &g->ring[g->next_take++ % g->ring_cap];
    pthread_mutex_unlock(&g->mu);
    run_slot(w->an, w->qt, &w->rm, w->fm, s);
    /* a wake-up only for a writer that waits: most slots are done
     * long before the writer comes to them */
    pthread_mutex_lock(&g->mu);
    s->done = true;
    if (g->waiting) pthread_cond_broadcast(&g->cv_done);
    pthread_mutex_unlock(&g->mu);
  }
}

static int threads_start(px_ingest *g, int threads) {
  if (threads <= 0) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    threads = n > 0 ? (int)n : 1;
  }
  if (threads > 64) threads = 64;
  if (threads < 2) return PX_OK;
  pthread_mutex_init(&g->mu, NULL);
  pthread_cond_init(&g->cv_work, NULL);
  pthread_cond_init(&g->cv_done, NULL);
  pthread_cond_init(&g->cv_room, NULL);
  g->inflight = (uint64_t)(threads - 1) * (g->o.analyze ? 16 : 64);
  /* Read ahead, the ring holds more: the articles read and analysed while
   * the writer commits a batch (about 140 KB each with their analysis). */
  g->ring_cap = g->inflight > FEED_SLOTS ? g->inflight : FEED_SLOTS;
  g->wake_at = g->o.analyze ? 1 : 16;
  g->ring = calloc(g->ring_cap, sizeof(*g->ring));
  g->w = calloc((size_t)(threads - 1), sizeof(*g->w));
  if (!g->ring || !g->w) {
    free(g->ring);
    free(g->w);
    g->ring = NULL;
    g->w = NULL;
    pthread_mutex_destroy(&g->mu);
    pthread_cond_destroy(&g->cv_work);
    pthread_cond_destroy(&g->cv_done);
    pthread_cond_destroy(&g->cv_room);
    return PX_ENOMEM;
  }
  g->nworkers = threads - 1;
  for (int i = 0; i < g->nworkers; i++) {
    worker *w = &g->w[i];
    w->g = g;
    int rc = PX_OK;
    if (g->o.analyze) {
      rc = px_ctx_new(&w->ctx);
      if (rc == PX_OK) rc = px_ctx_set_limit(w->ctx, PX_LIMIT_BODY_BYTES, g->ctx->limit_body);
      if (rc == PX_OK) rc = px_analyzer_new(w->ctx, &w->an);
      if (rc == PX_OK) rc = px_quoter_new(&w->qt);
      if (rc == PX_OK && (g->o.cluster || g->o.keep_features)) rc = recmaker_init(&w->rm, w->an);
    }
    if (rc != PX_OK) return rc;
    if (px__fts_maker_new(&w->fm) != PX_OK) w->fm = NULL;
    if (pthread_create(&w->thr, NULL, worker_main, w) != 0) return PX_ENOMEM;
    w->started = true;
  }
  return PX_OK;
}

/* Free what every slot keeps between articles: a spare article, the
 * buffers' memory.  The slots hold no article in flight. */
static void ring_release(px_ingest *g) {
  for (uint64_t k = 0; k < g->ring_cap; k++) {
    slot *s = &g->ring[k];
    px_article_free(s->art);
    s->art = NULL;
    px__buf_release(&s->rec);
    px__buf_release(&s->fts);
    px__buf_release(&s->err);
  }
}

static void threads_stop(px_ingest *g) {
  if (!g->w) return;
  pthread_mutex_lock(&g->mu);
  g->stop = true;
  pthread_cond_broadcast(&g->cv_work);
  pthread_mutex_unlock(&g->mu);
  for (int i = 0; i < g->nworkers; i++) {
    worker *w = &g->w[i];
    if (w->started) pthread_join(w->thr, NULL);
    px_quoter_free(w->qt);
    px_analyzer_free(w->an);
    px_ctx_free(w->ctx);
    recmaker_release(&w->rm);
    px__fts_maker_free(w->fm);
  }
  for (uint64_t k = g->tail; k < g->head; k++) {
    slot *s = &g->ring[k % g->ring_cap];
    px_quotes_free(s->qs);
    px_doc_free(s->doc);
  }
  ring_release(g); /* the articles in flight with the spares */
  pthread_mutex_destroy(&g->mu);
  pthread_cond_destroy(&g->cv_work);
  pthread_cond_destroy(&g->cv_done);
  pthread_cond_destroy(&g->cv_room);
  free(g->ring);
  free(g->w);
  g->w = NULL;
  g->ring = NULL;
}

/* A batch's secondary indexes keyed by a random value (a quote's speaker,
 * an entity's articles, an article's URL) take a write of nearly every
 * page they touch at each commit, and once the store is large a batch of
 * 2000 touches nearly all their pages: per article, the cost grows with
 * the store.  A batch of an eighth of the store writes a third fewer
 * bytes at three times the corpus; at ten times, a batch's dirty pages
 * outgrow the page cache and the analysis rows still grow faster than
 * the articles (docs/profile.md). */
static long batch_size_of(const px_ingest *g) {
  if (g->o.fixed_batch) return g->o.batch;
  int64_t grown = (g->had + (int64_t)g->s.stored) / 8;
  return grown > g->o.batch ? (long)PX__MIN(grown, (int64_t)LONG_MAX) : g->o.batch;
}

int px_ingest_new(px_store *st, const px_ingest_opts *opts, px_ingest **out) {
  *out = NULL;
  if (!st || !st->writable) return PX_EINVAL;
  px_ingest *g = calloc(1, sizeof(*g));
  if (!g) return PX_ENOMEM;
  g->st = st;
  g->ctx = st->ctx;
  if (opts) g->o = *opts;
  else px_ingest_opts_init(&g->o);
  if (g->o.batch < 1) g->o.batch = 1;
  px_store_mark mark;
  if (!g->o.fixed_batch && px_store_mark_get(st, &mark) == PX_OK) g->had = mark.last_article;
  if (g->o.story) g->story = *g->o.story;
  else px_story_opts_init(&g->story);
  g->o.story = NULL; /* copied: the caller's may go away */
  int rc = PX_OK;
  if ((g->o.analyze &&
       ((rc = px_analyzer_new(g->ctx, &g->an)) != PX_OK || (rc = px_quoter_new(&g->qt)) != PX_OK ||
        ((g->o.cluster || g->o.keep_features) && (rc = recmaker_init(&g->rm, g->an)) != PX_OK))) ||
      (rc = threads_start(g, g->o.threads)) != PX_OK) {
    px_ingest_free(g);
    return rc;
  }
  if (px_langid_new(NULL, &g->li) != PX_OK) g->li = NULL; /* languages stay unknown */
  g->t_start = g->t_mark = clock_of(CLOCK_MONOTONIC);
  if (g->o.timings) g->cpu_mark = clock_of(CLOCK_PROCESS_CPUTIME_ID);
  g->stage = PX_STAGE_READ;
  *out = g;
  return PX_OK;
}

static int drain(px_ingest *g, bool discard);
static void drop_batch(px_ingest *g);

/* Commit the open batch; a failure loses it. */
static int commit_batch(px_ingest *g) {
  int rc = PX_OK;
  if (g->in_batch > 0) {
    if ((rc = px_store_commit(g->st)) != PX_OK) g->s.stored -= g->pending;
    else g->s.batches++, g->s.reanalyzed += g->pending_redo;
  }
  g->pending = 0;
  g->pending_redo = 0;
  g->in_batch = 0;
  return rc;
}

int px_ingest_flush(px_ingest *g) {
  int rc = PX_OK;
  int was = g->stage;
  stage(g, PX_STAGE_STORE);
  if (g->w && (rc = drain(g, false)) != PX_OK) drop_batch(g); /* drain freed the rest */
  else rc = commit_batch(g);
  stage(g, was);
  return rc;
}

/* Keep the analysis of stored article id (doc and qs are consumed).  A
 * failure of the analysis (rc) loses the analysis only; a failure of the
 * store is returned. */
static int write_analysis(px_ingest *g, const px_article *art, int64_t id, int rc, px_doc *doc,
                          px_quotes *qs, const px__buf *rec) {
  if (rc == PX_OK) {
    stage(g, PX_STAGE_ROWS);
    rc = px_store_add_analysis(g->st, id, doc, qs);
    if (rc == PX_EDB || rc == PX_EDBFULL) goto out; /* the store failed: the batch is lost */
    if (rc == PX_OK && rec->len) px__spill_put(g->st, id, rec->ptr, rec->len);
  }
  if (rc != PX_OK) {
    g->s.not_analyzed++;
    snprintf(g->msg, sizeof(g->msg), "not analyzed: %s", px_strerror(rc));
    event(g, PX_IE_NOT_ANALYZED, origin_of(art), g->msg, 0);
    rc = PX_OK;
  }
out:
  px_quotes_free(qs);
  px_doc_free(doc);
  stage(g, PX_STAGE_STORE);
  return rc;
}

static int store_fresh(px_ingest *g, slot *s);

/* Write the analysis of the oldest article in flight, waiting for its
 * worker; an article read ahead is stored first (store_fresh).  With
 * discard, only free it (the batch was rolled back, or the rest of the
 * input is not taken). */
static int write_oldest(px_ingest *g, bool discard) {
  slot *s = &g->ring[g->tail % g->ring_cap];
  stage(g, PX_STAGE_ANALYZE); /* time spent waiting for the workers */
  pthread_mutex_lock(&g->mu);
  while (!s->done) {
    /* Rather than wait, the writer takes an article no worker has taken
     * yet (the oldest itself, or a later one) and analyses it with its
     * own tools: its search index tokens it makes when it files them.
     * Which thread analyses an article changes nothing stored. */
    if (g->next_take < g->head && g->an) {
      slot *h = &g->ring[g->next_take++ % g->ring_cap];
      pthread_mutex_unlock(&g->mu);
      run_slot(g->an, g->qt, &g->rm, NULL, h);
      pthread_mutex_lock(&g->mu);
      h->done = true;
      continue;
    }
    /* the articles handed over may wait for a wake-up (analyze_one) */
    if (g->idle && g->next_take < g->head) pthread_cond_broadcast(&g->cv_work);
    g->waiting = true;
    pthread_cond_wait(&g->cv_done, &g->mu);
    g->waiting = false;
  }
  pthread_mutex_unlock(&g->mu);
  stage(g, PX_STAGE_STORE);
  int rc = PX_OK;
  if (discard) {
    px_quotes_free(s->qs);
    px_doc_free(s->doc);
  } else if (s->fresh) {
    rc = store_fresh(g, s);
  } else {
    /* Stored unindexed (px_ingest_add): indexed now, in input order. */
    if (!s->redo) rc = px__store_index_article(g->st, s->id, s->art, &s->fts);
    if (rc == PX_OK && g->an) rc = write_analysis(g, s->art, s->id, s->rc, s->doc, s->qs, &s->rec);
    else if (rc != PX_OK) {
      px_quotes_free(s->qs);
      px_doc_free(s->doc);
    }
  }
  /* An article read ahead stays as a spare for the reading thread, unless
   * a long one; the buffers' memory is kept for the slot's next article. */
  px_article *spare = s->art;
  if (!s->fresh || (spare && spare->field[PX_F_BODY].alloc > ((size_t)1 << 20))) {
    px_article_free(spare);
    spare = NULL;
  }
  px__buf rec = s->rec, fts = s->fts, err = s->err;
  if (fts.alloc > ((size_t)1 << 20)) px__buf_release(&fts); /* unless a long article's */
  memset(s, 0, sizeof(*s));
  s->art = spare;
  s->rec = rec;
  s->fts = fts;
  s->err = err;
  px__buf_clear(&s->rec);
  px__buf_clear(&s->fts);
  px__buf_clear(&s->err);
  if (g->feeding) { /* the reading thread looks at tail for room */
    pthread_mutex_lock(&g->mu);
    g->tail++;
    if (g->room_waits && g->ring_cap - (g->head - g->tail) >= g->ring_cap / 8)
      pthread_cond_signal(&g->cv_room);
    pthread_mutex_unlock(&g->mu);
  } else {
    g->tail++; /* only this thread moves tail; workers never look at it */
  }
  return rc;
}

/* Write every analysis in flight.  On a store failure the rest are freed. */
static int drain(px_ingest *g, bool discard) {
  int rc = PX_OK;
  while (g->tail < g->head) {
    int r = write_oldest(g, discard || rc != PX_OK);
    if (rc == PX_OK) rc = r;
  }
  return rc;
}

/* The store failed: the open batch is gone, with the articles it stored
 * and the analyses it replaced. */
static void drop_batch(px_ingest *g) {
  if (g->w) drain(g, true);
  px_store_rollback(g->st);
  g->s.stored -= g->pending;
  g->pending = 0;
  g->pending_redo = 0;
  g->in_batch = 0;
}

/* Analyze stored article id: inline, or handed to a worker in order. */
static int analyze_one(px_ingest *g, const px_article *art, int64_t id, bool redo) {
  if (g->nworkers == 0) {
    px_doc *doc = NULL;
    px_quotes *qs = NULL;
    stage(g, PX_STAGE_ANALYZE);
    int rc = px__analyze_identified(g->an, art, &doc);
    if (rc == PX_OK) rc = px_quotes_extract(g->qt, doc, &qs);
    if (rc == PX_OK && !redo) make_rec(&g->rm, art, doc, &g->rec);
    else px__buf_clear(&g->rec);
    return write_analysis(g, art, id, rc, doc, qs, &g->rec);
  }
  int rc = PX_OK;
  if (g->head - g->tail >= g->inflight && (rc = write_oldest(g, false)) != PX_OK) return rc;
  slot *s = &g->ring[g->head % g->ring_cap];
  px_article_free(s->art); /* a spare of an earlier read ahead */
  s->art = NULL;
  if ((rc = px_article_clone(art, &s->art)) != PX_OK) return rc;
  s->id = id;
  s->redo = redo;
  pthread_mutex_lock(&g->mu);
  g->head++;
  /* An idle worker is woken once a few articles wait for it, not for
   * each: a worker that only makes the search index's tokens is faster
   * than the writer and would sleep and wake again per article.  The
   * writer wakes it in any case before it waits (write_oldest). */
  if (g->idle && g->head - g->next_take >= g->wake_at) pthread_cond_signal(&g->cv_work);
  pthread_mutex_unlock(&g->mu);
  return PX_OK;
}

/* Add "source_raw": the outlet as the input named it, to art's metadata
 * (unless the input has a field of that name).  raw must not point into
 * art's metadata. */
static void keep_raw_source(px_article *art, const char *raw, size_t n) {
  char *copy = malloc(n + 1);
  if (!copy) return;
  memcpy(copy, raw, n);
  copy[n] = '\0';
  px_str m = px_article_get(art, PX_F_META);
  px__buf b;
  px__buf_init(&b, 0);
  int rc = px__buf_append(&b, "{\"source_raw\":\"", 15);
  for (size_t i = 0; i < n && rc == PX_OK; i++) {
    unsigned char c = (unsigned char)copy[i];
    char esc[8];
    if (c == '"' || c == '\\') esc[0] = '\\', esc[1] = (char)c, rc = px__buf_append(&b, esc, 2);
    else if (c < 0x20) snprintf(esc, sizeof esc, "\\u%04x", c), rc = px__buf_append(&b, esc, 6);
    else rc = px__buf_append(&b, copy + i, 1);
  }
  bool has = m.len >= 2 && memmem(m.ptr, m.len, "\"source_raw\":", 13) != NULL;
  if (rc == PX_OK) rc = px__buf_append(&b, "\"", 1);
  if (rc == PX_OK && m.len > 2) rc = px__buf_append(&b, ",", 1), rc = rc ? rc : px__buf_append(&b, m.ptr + 1, m.len - 1);
  else if (rc == PX_OK) rc = px__buf_append(&b, "}", 1);
  if (rc == PX_OK && !has) px_article_set(art, PX_F_META, b.ptr, b.len);
  px__buf_release(&b);
  free(copy);
}

/* The canonical name of art's outlet into out, when it is not the name
 * given. */
static bool renamed_outlet(const px_ctx *ctx, const px_article *art, char *out, size_t cap,
                           size_t *on) {
  px_str raw = px_article_get(art, PX_F_SOURCE);
  return raw.len && px_outlet_name(ctx, raw.ptr, raw.len, out, cap, on) == PX_OK && *on < cap &&
         (*on != raw.len || memcmp(out, raw.ptr, *on) != 0);
}

/* art's outlet named outlet, the name given kept in its metadata. */
static void rename_outlet(px_article *art, const char *outlet, size_t on) {
  px_str raw = px_article_get(art, PX_F_SOURCE);
  keep_raw_source(art, raw.ptr, raw.len);
  px_article_set(art, PX_F_SOURCE, outlet, on);
}

/* Report the invalid sequences the reader repaired in art. */
static void note_repairs(px_ingest *g, const px_article *art) {
  if (!px_article_repairs(art)) return;
  g->s.repaired++;
  snprintf(g->msg, sizeof(g->msg), "repaired %zu invalid UTF-8 or double-encoded sequence(s)", px_article_repairs(art));
  event(g, PX_IE_REPAIRED, origin_of(art), g->msg, px_article_repairs(art));
}

/* Open a batch unless one is open. */
static int open_batch(px_ingest *g) {
  if (g->in_batch > 0) return PX_OK;
  int rc = px_store_begin(g->st);
  if (rc == PX_OK) g->batch_size = batch_size_of(g);
  return rc;
}

/* Count art, stored in the open batch. */
static void count_stored(px_ingest *g, const px_article *art) {
  px_str lang = px_article_get(art, PX_F_LANGUAGE);
  g->s.stored++;
  g->pending++;
  if (!px_lang_is_english(lang.ptr, lang.len)) g->s.not_english++;
}

int px_ingest_add(px_ingest *g, const px_article *art, int64_t *id) {
  int64_t sid = 0;
  if (id) *id = 0;
  /* an article without a language gets the one identified from its text,
   * stored and read by the analysis */
  px_article *own = NULL;
  char lang[8] = "";
  if (!px_article_get(art, PX_F_LANGUAGE).len && g->li && px_langid_article(g->li, art, lang) == PX_OK && lang[0] &&
      px_article_clone(art, &own) == PX_OK) {
    if (px_article_set(own, PX_F_LANGUAGE, lang, strlen(lang)) == PX_OK) art = own;
  }
  /* the outlet by its canonical name; the name as given kept in the
   * metadata ("source_raw") */
  char outlet[256];
  size_t on = 0;
  if (renamed_outlet(g->ctx, art, outlet, sizeof outlet, &on) &&
      (own || px_article_clone(art, &own) == PX_OK)) {
    art = own;
    rename_outlet(own, outlet, on);
  }
  note_repairs(g, art);
  int was = g->stage;
  stage(g, PX_STAGE_STORE);
  int rc = open_batch(g);
  if (rc != PX_OK) goto out;
  /* With workers, an article is indexed for search when its worker has
   * made the index's tokens (write_oldest). */
  rc = g->w ? px__store_add_unindexed(g->st, art, &sid) : px_store_add(g->st, art, &sid);
  if (rc == PX_OK && (g->an || g->w)) rc = analyze_one(g, art, sid, false);
  if (rc == PX_OK) {
    count_stored(g, art);
  } else if (rc == PX_EDUPLICATE) {
    g->s.duplicates++;
  } else {
    drop_batch(g);
    goto out;
  }
  if (id) *id = sid;
  if (++g->in_batch >= g->batch_size) {
    int crc = px_ingest_flush(g);
    if (crc != PX_OK) rc = crc;
  }
out:
  stage(g, was);
  px_article_free(own);
  return rc;
}

/* Store an article read ahead (write_oldest), as px_ingest_add stores
 * one, with the analysis and index tokens its worker made.  The batch is
 * committed when full, without waiting for the articles read after it. */
static int store_fresh(px_ingest *g, slot *s) {
  const px_article *art = s->art;
  note_repairs(g, art);
  int rc = open_batch(g);
  if (rc != PX_OK) goto out;
  int64_t sid = 0;
  rc = px__store_add_unindexed(g->st, art, &sid);
  if (rc == PX_OK) {
    count_stored(g, art);
    rc = px__store_index_article(g->st, sid, art, &s->fts);
    if (rc == PX_OK && g->an) {
      rc = write_analysis(g, art, sid, s->rc, s->doc, s->qs, &s->rec);
      s->doc = NULL;
      s->qs = NULL;
    }
  } else if (rc == PX_EDUPLICATE) {
    g->s.duplicates++;
  }
  if ((rc == PX_OK || rc == PX_EDUPLICATE) && ++g->in_batch >= g->batch_size) {
    int crc = commit_batch(g);
    if (crc != PX_OK) rc = crc;
  }
out:
  px_quotes_free(s->qs);
  px_doc_free(s->doc);
  s->doc = NULL;
  s->qs = NULL;
  return rc;
}

/* The thread that reads a file or a folder into the ring, ahead of the
 * writer (px_ingest_add_path).  It identifies the language of an article
 * that names none and names its outlet as px_ingest_add would, so the
 * workers analyse the article as it is stored; every event, count and id
 * is still decided by the writer, in input order. */
typedef struct feeder {
  px_ingest *g;
  px_reader *rd;
  px_ctx *ctx;   /* its own (px__ctx_clone): its errors, the outlet aliases */
  px_langid *li; /* its own (the ingest's li_ahead); NULL: none */
  pthread_t thr;
} feeder;

static void *feed_main(void *arg) {
  feeder *f = arg;
  px_ingest *g = f->g;
  behind_writer();
  for (;;) {
    pthread_mutex_lock(&g->mu);
    while (!g->feed_stop && g->head - g->tail == g->ring_cap) {
      g->room_waits = true;
      pthread_cond_wait(&g->cv_room, &g->mu);
      g->room_waits = false;
    }
    bool stop = g->feed_stop;
    pthread_mutex_unlock(&g->mu);
    if (stop) return NULL;
    /* the slot at head is this thread's until head moves past it (only
     * this thread moves head while it runs) */
    slot *s = &g->ring[g->head % g->ring_cap];
    px_article *art = NULL;
    int rc = px_reader_next(f->rd, &art);
    px__buf_clear(&s->err);
    if (rc == PX_OK) {
      px_article *taken = NULL;
      if (px__reader_take(f->rd, s->art, &taken) == PX_OK) s->art = taken;
      else rc = PX_ENOMEM;
    } else if (rc != PX_EOF) {
      const char *why = px_reader_error(f->rd);
      if (px__buf_append(&s->err, why, strlen(why)) != PX_OK) px__buf_clear(&s->err);
    }
    if (rc == PX_OK) {
      char lang[8] = "", outlet[256];
      size_t on = 0;
      if (f->li && !px_article_get(s->art, PX_F_LANGUAGE).len &&
          px_langid_article(f->li, s->art, lang) == PX_OK && lang[0])
        px_article_set(s->art, PX_F_LANGUAGE, lang, strlen(lang));
      if (renamed_outlet(f->ctx, s->art, outlet, sizeof outlet, &on)) rename_outlet(s->art, outlet, on);
    }
    s->fresh = true;
    s->read_rc = rc;
    s->bytes = px_reader_bytes_in(f->rd);
    s->done = rc != PX_OK; /* nothing to analyse */
    bool last = rc == PX_EOF || rc == PX_ENOMEM;
    pthread_mutex_lock(&g->mu);
    g->head++;
    if (g->idle && rc == PX_OK && g->head - g->next_take >= g->wake_at) pthread_cond_signal(&g->cv_work);
    if (g->waiting) pthread_cond_broadcast(&g->cv_done);
    pthread_mutex_unlock(&g->mu);
    if (last) return NULL;
  }
}

/* The oldest slot, once the reading thread has filled it. */
static slot *fed_oldest(px_ingest *g) {
  pthread_mutex_lock(&g->mu);
  while (g->tail == g->head) {
    g->waiting = true;
    pthread_cond_wait(&g->cv_done, &g->mu);
    g->waiting = false;
  }
  pthread_mutex_unlock(&g->mu);
  return &g->ring[g->tail % g->ring_cap];
}

/* Stop the reading thread and drop what it read beyond the writer: the
 * slots no worker has taken are not analysed. */
static void feed_stop(px_ingest *g, feeder *f) {
  pthread_mutex_lock(&g->mu);
  g->feed_stop = true;
  pthread_cond_signal(&g->cv_room);
  pthread_mutex_unlock(&g->mu);
  pthread_join(f->thr, NULL);
  pthread_mutex_lock(&g->mu);
  for (uint64_t k = g->next_take; k < g->head; k++) g->ring[k % g->ring_cap].done = true;
  g->next_take = g->head;
  pthread_mutex_unlock(&g->mu);
  drain(g, true);
  g->feeding = false;
  g->feed_stop = false;
  ring_release(g); /* not kept past the input: clustering comes next */
}

/* px_ingest_add_path with a reading thread; *started false when it could
 * not start (nothing was read then). */
static int add_fed(px_ingest *g, const char *path, px_reader *rd, px_ctx *rctx, bool *started) {
  *started = false;
  /* articles handed over by px_ingest_add before: written first, in order */
  int rc = drain(g, false);
  if (rc != PX_OK) {
    drop_batch(g);
    *started = true;
    return rc;
  }
  feeder f = {g, rd, rctx, g->li ? g->li_ahead : NULL, 0};
  g->feeding = true;
  if (pthread_create(&f.thr, NULL, feed_main, &f) != 0) {
    g->feeding = false;
    return PX_OK;
  }
  *started = true;
  uint64_t total = px_reader_size(rd);
  bool store_failed = false, cancel = false;
  for (;;) {
    stage(g, PX_STAGE_READ);
    slot *s = fed_oldest(g);
    int r = s->read_rc;
    if (r == PX_EOF || r == PX_ENOMEM) {
      rc = r == PX_EOF ? PX_OK : r;
      break;
    }
    if (r != PX_OK) {
      g->s.rejected++;
      event(g, PX_IE_REJECTED, path, s->err.len ? s->err.ptr : px_strerror(r), 0);
      write_oldest(g, true);
      if (g->o.strict) {
        rc = PX_EFORMAT;
        break;
      }
      continue; /* after a stream error the reader goes on with the next file */
    }
    g->s.read++;
    uint64_t bytes = s->bytes;
    rc = write_oldest(g, false);
    if (rc == PX_EDUPLICATE) rc = PX_OK;
    if (rc != PX_OK) {
      store_failed = true;
      break;
    }
    if (g->o.on_progress && g->o.on_progress(g->o.user, bytes, total, g->s.read) != 0) {
      cancel = true;
      break;
    }
  }
  feed_stop(g, &f);
  if (store_failed) {
    drop_batch(g);
  } else if (cancel) {
    rc = px_ingest_flush(g);
    if (rc == PX_OK) rc = PX_ECANCELED;
  }
  stage(g, PX_STAGE_READ);
  return rc;
}

/* Read ahead only a file or a folder: stdin or a pipe may block, and the
 * writer could not stop the thread that waits on it. */
static bool can_read_ahead(const px_ingest *g, const char *path) {
  struct stat sb;
  return g->w && strcmp(path, "-") != 0 && stat(path, &sb) == 0 &&
         (S_ISREG(sb.st_mode) || S_ISDIR(sb.st_mode));
}

int px_ingest_add_path(px_ingest *g, const char *path) {
  px_reader *rd = NULL;
  px_ctx *rctx = NULL; /* the reading thread's own: its errors are its own */
  bool threaded = can_read_ahead(g, path) && px__ctx_clone(g->ctx, &rctx) == PX_OK;
  int rc = px_reader_open(threaded ? rctx : g->ctx, path, &rd);
  if (rc != PX_OK) {
    const char *why = px_ctx_error(threaded ? rctx : g->ctx);
    g->s.rejected++;
    event(g, PX_IE_INPUT_FAILED, path, why && why[0] ? why : px_strerror(rc), 0);
    px_ctx_free(rctx);
    return rc;
  }
  /* the reading thread identifies languages with an identifier of its
   * own, made once per ingest */
  if (threaded && g->li && !g->li_ahead && px_langid_new(NULL, &g->li_ahead) != PX_OK)
    g->li_ahead = NULL;
  bool started = false;
  if (threaded) rc = add_fed(g, path, rd, rctx, &started);
  if (!started) {
    uint64_t total = px_reader_size(rd);
    for (;;) {
      px_article *art = NULL;
      stage(g, PX_STAGE_READ);
      rc = px_reader_next(rd, &art);
      if (rc == PX_EOF) {
        rc = PX_OK;
        break;
      }
      if (rc == PX_ENOMEM) break;
      if (rc != PX_OK) {
        g->s.rejected++;
        event(g, PX_IE_REJECTED, path, px_reader_error(rd), 0);
        if (g->o.strict) {
          rc = PX_EFORMAT;
          break;
        }
        continue; /* after a stream error the reader goes on with the next file */
      }
      g->s.read++;
      rc = px_ingest_add(g, art, NULL);
      if (rc == PX_EDUPLICATE) rc = PX_OK;
      if (rc != PX_OK) break;
      if (g->o.on_progress &&
          g->o.on_progress(g->o.user, px_reader_bytes_in(rd), total, g->s.read) != 0) {
        rc = px_ingest_flush(g);
        if (rc == PX_OK) rc = PX_ECANCELED;
        break;
      }
    }
    stage(g, PX_STAGE_READ);
  }
  px_reader_free(rd);
  px_ctx_free(rctx);
  return rc;
}

int px_ingest_reanalyze(px_ingest *g, int all) {
  if (!g || !g->an) return PX_EINVAL;
  int was = g->stage;
  int64_t ids[256], after = 0;
  int rc = PX_OK;
  while (rc == PX_OK) {
    size_t n = 0;
    stage(g, PX_STAGE_READ);
    if ((rc = px__store_analysis_todo(g->st, after, all != 0, ids, 256, &n)) != PX_OK || n == 0) break;
    after = ids[n - 1];
    for (size_t i = 0; i < n && rc == PX_OK; i++) {
      px_article *art = NULL;
      stage(g, PX_STAGE_READ);
      rc = px_store_get(g->st, ids[i], &art);
      if (rc == PX_ENOTFOUND) {
        rc = PX_OK;
        continue;
      }
      if (rc != PX_OK) break;
      g->s.read++;
      stage(g, PX_STAGE_STORE);
      if (g->in_batch == 0) {
        if ((rc = open_batch(g)) != PX_OK) {
          px_article_free(art);
          break;
        }
        /* the comparisons cached for stories were made from the analyses
         * replaced now: dropped with the first batch that replaces any */
        if (!g->cache_dropped && (rc = px__store_exec(g->st, "DELETE FROM comparison_cache")) != PX_OK) {
          px_article_free(art);
          break;
        }
      }
      rc = analyze_one(g, art, ids[i], true);
      px_article_free(art);
      if (rc != PX_OK) break;
      g->pending_redo++;
      if (++g->in_batch >= g->batch_size) {
        rc = px_ingest_flush(g);
        if (rc == PX_OK) g->cache_dropped = true;
      }
      if (rc == PX_OK && g->o.on_progress && g->o.on_progress(g->o.user, 0, 0, g->s.read) != 0) {
        rc = px_ingest_flush(g);
        if (rc == PX_OK) rc = PX_ECANCELED;
      }
    }
  }
  if (rc == PX_OK) {
    rc = px_ingest_flush(g);
    if (rc == PX_OK && g->s.reanalyzed) g->cache_dropped = true;
  } else if (rc != PX_ECANCELED && g->in_batch > 0) {
    drop_batch(g);
  }
  stage(g, was);
  return rc;
}

int px_ingest_finish(px_ingest *g) {
  int rc = px_ingest_flush(g);
  if (rc != PX_OK) return rc;
  if (g->o.cluster) {
    stage(g, PX_STAGE_CLUSTER);
    int64_t placed = 0;
    rc = px_store_cluster_new_articles(g->st, &g->story, &placed);
    g->s.clustered += placed;
    if (rc != PX_OK) goto out;
  }
  if (g->s.stored > 0) {
    stage(g, PX_STAGE_INDEX);
    if (px_store_optimize(g->st) != PX_OK) {
      snprintf(g->msg, sizeof(g->msg), "could not merge the search index: %s",
               px_ctx_error(g->ctx));
      event(g, PX_IE_WARNING, "", g->msg, 0);
    }
  }
out:
  stage(g, PX_STAGE_READ);
  return rc;
}

void px_ingest_get_stats(const px_ingest *g, px_ingest_stats *out) {
  *out = g->s;
  out->seconds = clock_of(CLOCK_MONOTONIC) - g->t_start;
  /* The stage running now has not been charged yet. */
  out->wall[g->stage] += clock_of(CLOCK_MONOTONIC) - g->t_mark;
}

void px_ingest_free(px_ingest *g) {
  if (!g) return;
  if (g->in_batch > 0) px_ingest_flush(g);
  threads_stop(g);
  px_quoter_free(g->qt);
  px_analyzer_free(g->an);
  recmaker_release(&g->rm);
  px__buf_release(&g->rec);
  px_langid_free(g->li);
  px_langid_free(g->li_ahead);
  free(g);
}
