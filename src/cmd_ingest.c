/* cmd_ingest.c - parallax ingest: the whole pipeline into the store.
 *
 * Per article: read and normalize, store (exact copies are not stored
 * twice), analyze (sentences, dateline, entities) and extract quotes, in the
 * transaction of its batch.  After the last batch: place the new articles
 * in stories (with near-duplicates and wire share), and merge the search
 * index.  A killed ingest keeps every committed batch; running it again
 * stores what is missing and clusters whatever has no story yet.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

typedef struct ingest_ui {
  cli *c;
  progress pg;
  bool strict;
  bool progress_on;
} ingest_ui;

/* Messages of the pipeline, printed as the CLI always has. */
static void on_event(void *user, px_ingest_event ev, const char *origin, const char *message,
                     uint64_t count) {
  ingest_ui *u = user;
  cli *c = u->c;
  switch (ev) {
  case PX_IE_REJECTED:
    if (c->quiet && !u->strict) return;
    progress_end(&u->pg);
    fprintf(stderr, "%s: %s\n", c->prog, message);
    break;
  case PX_IE_INPUT_FAILED:
    progress_end(&u->pg);
    errorf(c, "%s", message);
    break;
  case PX_IE_REPAIRED:
  case PX_IE_NOT_ANALYZED:
  case PX_IE_WARNING:
    if (c->quiet) return;
    progress_end(&u->pg);
    if (origin[0]) warnf(c, "%s: %s", origin, message);
    else warnf(c, "%s", message);
    break;
  }
  (void)count;
}

static int on_progress(void *user, uint64_t done, uint64_t total, uint64_t articles) {
  ingest_ui *u = user;
  if (!u->progress_on) {
    progress_start(&u->pg, u->c, total);
    u->progress_on = true;
  }
  progress_update(&u->pg, done, articles);
  return 0;
}

/* The store (created when missing) and the pipeline over it; an exit status. */
static int open_pipeline(cli *c, px_ctx *ctx, const px_ingest_opts *o, px_store **st,
                         px_ingest **g) {
  px_store_prefer_bulk();
  int rc = px_store_open(ctx, c->db_path, PX_OPEN_WRITE, st);
  if (rc == PX_OK && (rc = px_ingest_new(*st, o, g)) != PX_OK) {
    errorf(c, "cannot set up the pipeline: %s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    return EXIT_FAIL;
  }
  if (rc != PX_OK) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    return EXIT_FAIL;
  }
  return EXIT_OK;
}

int cmd_ingest(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "ingest", argc, argv, &a);
  if (r >= 0) return r;
  ingest_ui ui;
  memset(&ui, 0, sizeof(ui));
  ui.c = c;
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  px_story_opts so;
  px_story_opts_init(&so);
  px_ctx *ctx = NULL;
  px_store *st = NULL;
  px_ingest *g = NULL;
  int status = EXIT_OK;
  const char **inputs = a.pos;
  int ninputs = a.npos;
  if (px_ctx_new(&ctx) != PX_OK) {
    errorf(c, "out of memory");
    free_args(&a);
    return EXIT_FAIL;
  }
  o.strict = opt_flag(&a, "strict");
  o.analyze = !opt_flag(&a, "no-analyze");
  o.cluster = !opt_flag(&a, "no-cluster");
  o.timings = opt_flag(&a, "timings");
  if (opt_flag(&a, "articles-only")) px_ctx_skip_not_articles(ctx, 1);
  o.batch = (long)opt_int(&a, "batch", o.batch);
  o.fixed_batch = opt(&a, "batch")->set; /* as asked; else batches grow with the store */
  /* one thread per core unless told (0); the database is the same whatever
   * the count (tests/cli/threads.sh) */
  o.threads = (int)opt_int(&a, "threads", 0);
  if (opt(&a, "max-record")->set)
    px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, (size_t)opt_int(&a, "max-record", 0));
  if ((status = apply_fields(c, &a, ctx))) goto out;
  if ((status = apply_outlets(c, &a, ctx))) goto out;
  if (opt(&a, "undated")->set) {
    if ((so.undated = undated_option(opt_str(&a, "undated", NULL))) < 0) {
      die_usage(c, a.cmd, "--undated wants join or alone");
      status = EXIT_USAGE;
      goto out;
    }
    o.story = &so;
  }
  /* Articles per clustering pass (docs/limits.md); set by the memory test
   * (tests/cli/cluster_memory.sh) to show the bound on a small input. */
  const char *pass = getenv("PARALLAX_CLUSTER_PASS");
  if (pass && *pass) {
    so.pass_articles = strtoll(pass, NULL, 10);
    o.story = &so;
  }
  ui.strict = o.strict;
  o.on_event = on_event;
  o.on_progress = on_progress;
  o.user = &ui;
  int rc;
  if ((status = open_pipeline(c, ctx, &o, &st, &g))) goto out;
  bool input_failed = false;
  for (int k = 0; k < ninputs; k++) {
    ui.progress_on = false;
    rc = px_ingest_add_path(g, inputs[k]);
    if (ui.progress_on) progress_end(&ui.pg);
    if (rc == PX_OK) continue;
    if (rc == PX_ENOTFOUND || rc == PX_EIO || rc == PX_EUNSUPPORTED || rc == PX_EBINARY ||
        rc == PX_ETOOBIG) {
      input_failed = true; /* reported; the other inputs go on */
      if (o.strict) {
        status = EXIT_FAIL;
        break;
      }
      continue;
    }
    if (rc == PX_EFORMAT) { /* --strict: the first rejected record stops the run */
      status = EXIT_PARTIAL;
      break;
    }
    if (rc == PX_ENOMEM) errorf(c, "out of memory");
    else errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    status = EXIT_FAIL;
    break;
  }
  if (status != EXIT_FAIL && (rc = px_ingest_finish(g)) != PX_OK) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    status = EXIT_FAIL;
  }
  px_ingest_stats s;
  px_ingest_get_stats(g, &s);
  if (c->format == FMT_JSON) {
    px_json *j = out_records(c);
    if (!j) {
      status = EXIT_FAIL;
    } else {
      px_json_ingest_stats(j, &s, o.timings ? PX_JSON_TIMINGS : 0);
      if (end_records(c, j)) status = EXIT_FAIL;
    }
  }
  if (o.timings) {
    fprintf(stderr, "parallax: stages (wall):");
    for (int i = 0; i < PX_STAGE_COUNT; i++)
      fprintf(stderr, " %s %.2f s", px_ingest_stage_name(i), s.wall[i]);
    fprintf(stderr, "\nparallax: stages (CPU):");
    for (int i = 0; i < PX_STAGE_COUNT; i++)
      fprintf(stderr, " %s %.2f s", px_ingest_stage_name(i), s.cpu[i]);
    fprintf(stderr, "\n");
  }
  if (!c->quiet)
    fprintf(stderr,
          "parallax: read %llu, stored %llu, duplicates %llu, rejected %llu (%.1f s, %.0f "
          "articles/s)\n",
          (unsigned long long)s.read, (unsigned long long)s.stored,
          (unsigned long long)s.duplicates, (unsigned long long)s.rejected, s.seconds,
          s.seconds > 0 ? s.read / s.seconds : 0.0);
  if (s.not_english && !c->quiet)
    fprintf(stderr,
            "parallax: %llu not in English: stored with their language, split into sentences "
            "and searchable; entities and quotes are found in English text only\n",
            (unsigned long long)s.not_english);
  if (status == EXIT_OK && input_failed) status = EXIT_FAIL;
  else if (status == EXIT_OK && s.rejected) status = EXIT_PARTIAL;
out:
  px_ingest_free(g);
  px_store_free(st);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}

/* parallax reanalyze: the stored articles analysed again (px_ingest_reanalyze). */
int cmd_reanalyze(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "reanalyze", argc, argv, &a);
  if (r >= 0) return r;
  ingest_ui ui;
  memset(&ui, 0, sizeof(ui));
  ui.c = c;
  px_ingest_opts o;
  px_ingest_opts_init(&o);
  o.cluster = 0; /* stories stay as they are */
  o.batch = (long)opt_int(&a, "batch", o.batch);
  o.fixed_batch = opt(&a, "batch")->set;
  o.threads = (int)opt_int(&a, "threads", 0);
  o.on_event = on_event;
  o.on_progress = on_progress;
  o.user = &ui;
  px_ctx *ctx = NULL;
  px_store *st = NULL;
  px_ingest *g = NULL;
  int status = EXIT_OK;
  if (px_ctx_new(&ctx) != PX_OK) {
    errorf(c, "out of memory");
    free_args(&a);
    return EXIT_FAIL;
  }
  struct stat sb;
  if (stat(c->db_path, &sb) != 0) { /* never a new, empty store */
    errorf(c, "%s: no such database (run 'parallax ingest' first)", c->db_path);
    status = EXIT_FAIL;
    goto out;
  }
  if ((status = open_pipeline(c, ctx, &o, &st, &g))) goto out;
  int rc = px_ingest_reanalyze(g, opt_flag(&a, "all"));
  if (ui.progress_on) progress_end(&ui.pg);
  if (rc != PX_OK) {
    errorf(c, "%s", rc == PX_ENOMEM ? "out of memory"
                    : px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    status = EXIT_FAIL;
  }
  px_ingest_stats s;
  px_ingest_get_stats(g, &s);
  if (c->format == FMT_JSON) {
    px_json *j = out_records(c);
    if (!j) status = EXIT_FAIL;
    else {
      px_json_ingest_stats(j, &s, 0);
      if (end_records(c, j)) status = EXIT_FAIL;
    }
  }
  if (!c->quiet)
    fprintf(stderr, "parallax: looked at %llu, analysed again %llu, not analysed %llu (%.1f s)\n",
            (unsigned long long)s.read, (unsigned long long)s.reanalyzed,
            (unsigned long long)s.not_analyzed, s.seconds);
out:
  px_ingest_free(g);
  px_store_free(st);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
