/* ingest.c - the ingest pipeline (px_ingest): the one place that composes
 * the reader, the store, the analyzer, the quote extractor and clustering.
 *
 * Per article, inside the transaction of its batch: store it (an exact copy
 * is not stored twice), analyze it and extract its quotes, store that
 * analysis.  px_ingest_finish() commits, places the new articles in stories
 * and merges the search index when it needs it.  A failure of the analysis
 * loses the analysis only, never the article; a failure of the store rolls
 * back the open batch, and earlier batches stay committed.
 */
#include "px_common.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const stage_names[PX_STAGE_COUNT] = {"read",          "store",   "analyze",
                                                        "analysis_rows", "cluster", "index"};

struct px_ingest {
  px_store *st;
  px_ctx *ctx; /* the store's */
  px_ingest_opts o;
  px_story_opts story;
  px_analyzer *an; /* NULL without analysis */
  px_quoter *qt;
  px_ingest_stats s;
  uint64_t pending; /* stored in the open batch, not yet committed */
  long in_batch;
  int stage; /* the stage being timed */
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
  if (g->o.story) g->story = *g->o.story;
  else px_story_opts_init(&g->story);
  g->o.story = NULL; /* copied: the caller's may go away */
  int rc = PX_OK;
  if (g->o.analyze) {
    if ((rc = px_analyzer_new(g->ctx, &g->an)) != PX_OK || (rc = px_quoter_new(&g->qt)) != PX_OK) {
      px_ingest_free(g);
      return rc;
    }
  }
  g->t_start = g->t_mark = clock_of(CLOCK_MONOTONIC);
  if (g->o.timings) g->cpu_mark = clock_of(CLOCK_PROCESS_CPUTIME_ID);
  g->stage = PX_STAGE_READ;
  *out = g;
  return PX_OK;
}

int px_ingest_flush(px_ingest *g) {
  int rc = PX_OK;
  int was = g->stage;
  stage(g, PX_STAGE_STORE);
  if (g->in_batch > 0 && (rc = px_store_commit(g->st)) != PX_OK) g->s.stored -= g->pending;
  g->pending = 0;
  g->in_batch = 0;
  stage(g, was);
  return rc;
}

/* Analyze a stored article and keep its analysis.  A failure of the
 * analysis loses the analysis only; a failure of the store is returned. */
static int analyze_one(px_ingest *g, const px_article *art, int64_t id) {
  px_doc *doc = NULL;
  px_quotes *qs = NULL;
  stage(g, PX_STAGE_ANALYZE);
  int rc = px_analyze(g->an, art, &doc);
  if (rc == PX_OK) rc = px_quotes_extract(g->qt, doc, &qs);
  if (rc == PX_OK) {
    stage(g, PX_STAGE_ROWS);
    rc = px_store_add_analysis(g->st, id, doc, qs);
    if (rc == PX_EDB || rc == PX_EDBFULL) goto out; /* the store failed: the batch is lost */
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

int px_ingest_add(px_ingest *g, const px_article *art, int64_t *id) {
  int64_t sid = 0;
  if (id) *id = 0;
  if (px_article_repairs(art)) {
    g->s.repaired++;
    snprintf(g->msg, sizeof(g->msg), "repaired %zu invalid UTF-8 byte(s)", px_article_repairs(art));
    event(g, PX_IE_REPAIRED, origin_of(art), g->msg, px_article_repairs(art));
  }
  int was = g->stage;
  stage(g, PX_STAGE_STORE);
  int rc = PX_OK;
  if (g->in_batch == 0 && (rc = px_store_begin(g->st)) != PX_OK) goto out;
  rc = px_store_add(g->st, art, &sid);
  if (rc == PX_OK && g->an) rc = analyze_one(g, art, sid);
  if (rc == PX_OK) {
    g->s.stored++;
    g->pending++;
  } else if (rc == PX_EDUPLICATE) {
    g->s.duplicates++;
  } else {
    /* The store failed: the open batch is gone with its articles. */
    px_store_rollback(g->st);
    g->s.stored -= g->pending;
    g->pending = 0;
    g->in_batch = 0;
    goto out;
  }
  if (id) *id = sid;
  if (++g->in_batch >= g->o.batch) {
    int crc = px_ingest_flush(g);
    if (crc != PX_OK) rc = crc;
  }
out:
  stage(g, was);
  return rc;
}

int px_ingest_add_path(px_ingest *g, const char *path) {
  px_reader *rd = NULL;
  int rc = px_reader_open(g->ctx, path, &rd);
  if (rc != PX_OK) {
    const char *why = px_ctx_error(g->ctx);
    g->s.rejected++;
    event(g, PX_IE_INPUT_FAILED, path, why && why[0] ? why : px_strerror(rc), 0);
    return rc;
  }
  uint64_t total = px_reader_size(rd);
  for (;;) {
    px_article *art;
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
  px_reader_free(rd);
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
  px_quoter_free(g->qt);
  px_analyzer_free(g->an);
  free(g);
}
