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

/* Stages: read and normalize; store the article (row and search index);
 * analyze (sentences, entities, quotes: CPU only); store the analysis
 * (its rows); cluster; merge the search index. */
enum { T_READ, T_STORE, T_ANALYZE, T_ROWS, T_CLUSTER, T_INDEX, T_COUNT };
static const char *const stage_names[T_COUNT] = {"read",         "store",   "analyze",
                                                 "analysis_rows", "cluster", "index"};

typedef struct ingest {
  cli *c;
  px_ctx *ctx;
  px_store *st;
  px_analyzer *an; /* NULL with --no-analyze */
  px_quoter *qt;
  long batch;
  bool strict;
  uint64_t read, stored, dups, rejected, repaired, analyze_failed;
  uint64_t pending; /* stored in the open batch, not yet committed */
  long in_batch;
  double t[T_COUNT];   /* wall seconds per stage */
  double cpu[T_COUNT]; /* CPU seconds per stage, with --timings */
  bool timings;
  int stage;           /* the stage being timed */
  double t_mark, cpu_mark;
  progress pg;
} ingest;

static double cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Charge the time since the last switch to the current stage, then time
 * the stage next.  CPU time is read only with --timings (a system call). */
static void stage(ingest *g, int next) {
  double t = now_seconds();
  g->t[g->stage] += t - g->t_mark;
  g->t_mark = t;
  if (g->timings) {
    double c = cpu_seconds();
    g->cpu[g->stage] += c - g->cpu_mark;
    g->cpu_mark = c;
  }
  g->stage = next;
}

static int commit_batch(ingest *g) {
  int rc = PX_OK;
  if (g->in_batch > 0 && (rc = px_store_commit(g->st))) {
    errorf(g->c, "%s", px_ctx_error(g->ctx));
    g->stored -= g->pending;
  }
  g->pending = 0;
  g->in_batch = 0;
  return rc;
}

/* Analyze a stored article and keep its analysis.  A failure here loses
 * the analysis only, never the article. */
static int analyze_one(ingest *g, const px_article *art, int64_t id) {
  px_doc *doc = NULL;
  px_quotes *qs = NULL;
  stage(g, T_ANALYZE);
  int rc = px_analyze(g->an, art, &doc);
  if (rc == PX_OK) rc = px_quotes_extract(g->qt, doc, &qs);
  if (rc == PX_OK) {
    stage(g, T_ROWS);
    rc = px_store_add_analysis(g->st, id, doc, qs);
    if (rc == PX_EDB || rc == PX_EDBFULL) {
      px_quotes_free(qs);
      px_doc_free(doc);
      return rc; /* the store itself failed: the batch is lost */
    }
  }
  if (rc != PX_OK) {
    g->analyze_failed++;
    if (!g->c->quiet)
      warnf(g->c, "%s: not analyzed: %s", px_article_get(art, PX_F_ORIGIN).ptr, px_strerror(rc));
  }
  px_quotes_free(qs);
  px_doc_free(doc);
  return PX_OK;
}

static int ingest_one(ingest *g, const char *path) {
  cli *c = g->c;
  px_reader *rd = NULL;
  int rc = px_reader_open(g->ctx, path, &rd);
  if (rc) {
    errorf(c, "%s", px_ctx_error(g->ctx)[0] ? px_ctx_error(g->ctx) : px_strerror(rc));
    g->rejected++;
    return g->strict ? EXIT_PARTIAL : EXIT_OK;
  }
  progress_start(&g->pg, c, px_reader_size(rd));
  int status = EXIT_OK;
  while (true) {
    px_article *art;
    stage(g, T_READ);
    rc = px_reader_next(rd, &art);
    if (rc == PX_EOF) break;
    if (rc == PX_ENOMEM) {
      errorf(c, "out of memory");
      status = EXIT_FAIL;
      break;
    }
    if (rc != PX_OK) {
      g->rejected++;
      if (!c->quiet || g->strict) {
        progress_end(&g->pg);
        fprintf(stderr, "%s: %s\n", c->prog, px_reader_error(rd));
      }
      if (g->strict) {
        status = EXIT_PARTIAL;
        break;
      }
      continue;
    }
    g->read++;
    if (px_article_repairs(art)) {
      g->repaired++;
      if (!c->quiet) {
        progress_end(&g->pg);
        fprintf(stderr, "%s: %s: repaired %zu invalid UTF-8 byte(s)\n", c->prog,
                px_article_get(art, PX_F_ORIGIN).ptr, px_article_repairs(art));
      }
    }
    stage(g, T_STORE);
    if (g->in_batch == 0 && (rc = px_store_begin(g->st))) {
      errorf(c, "%s", px_ctx_error(g->ctx));
      status = EXIT_FAIL;
      break;
    }
    int64_t id = 0;
    rc = px_store_add(g->st, art, &id);
    if (rc == PX_OK && g->an) {
      rc = analyze_one(g, art, id);
      stage(g, T_STORE);
      if (rc == PX_OK) g->stored++, g->pending++;
      else errorf(c, "%s", px_ctx_error(g->ctx));
    } else if (rc == PX_OK) {
      g->stored++, g->pending++;
    } else if (rc == PX_EDUPLICATE) {
      g->dups++;
      rc = PX_OK;
    } else {
      errorf(c, "%s", px_ctx_error(g->ctx));
    }
    if (rc != PX_OK) {
      px_store_rollback(g->st);
      g->stored -= g->pending;
      g->pending = 0;
      g->in_batch = 0;
      status = EXIT_FAIL;
      break;
    }
    if (++g->in_batch >= g->batch) {
      rc = commit_batch(g);
      if (rc) {
        status = EXIT_FAIL;
        break;
      }
    }
    progress_update(&g->pg, px_reader_bytes_in(rd), g->read);
  }
  stage(g, T_READ);
  progress_end(&g->pg);
  px_reader_free(rd);
  return status;
}

int cmd_ingest(cli *c, int argc, char **argv) {
  const command *cmd = find_command("ingest");
  ingest g;
  memset(&g, 0, sizeof(g));
  g.c = c;
  g.batch = 2000;
  bool analyze = true, cluster = true;
  int status = EXIT_OK;
  const char **inputs = calloc((size_t)argc, sizeof(char *));
  int ninputs = 0;
  if (!inputs || px_ctx_new(&g.ctx) != PX_OK) {
    errorf(c, "out of memory");
    free(inputs);
    return EXIT_FAIL;
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) {
      status = EXIT_USAGE;
      goto out;
    }
    if (r > 0) continue;
    if (strcmp(a, "--strict") == 0) {
      g.strict = true;
    } else if (strcmp(a, "--no-analyze") == 0) {
      analyze = false;
    } else if (strcmp(a, "--no-cluster") == 0) {
      cluster = false;
    } else if (strcmp(a, "--timings") == 0) {
      g.timings = true;
    } else if (strcmp(a, "--field") == 0 || strncmp(a, "--field=", 8) == 0) {
      const char *v = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
      const char *eq = v ? strchr(v, '=') : NULL;
      if (!eq || eq == v || !eq[1]) {
        die_usage(c, cmd, "--field needs NAME=PATH");
        status = EXIT_USAGE;
        goto out;
      }
      char name[32];
      size_t nl = (size_t)(eq - v);
      if (nl < sizeof(name)) {
        memcpy(name, v, nl);
        name[nl] = '\0';
      }
      if (nl >= sizeof(name) || px_ctx_map_field(g.ctx, name, eq + 1) != PX_OK) {
        die_usage(c, cmd, "--field: unknown field '%.*s'", (int)nl, v);
        status = EXIT_USAGE;
        goto out;
      }
    } else if (strcmp(a, "--batch") == 0 && i + 1 < argc) {
      g.batch = strtol(argv[++i], NULL, 10);
      if (g.batch < 1) g.batch = 1;
    } else if (strcmp(a, "--max-record") == 0 && i + 1 < argc) {
      char *end;
      unsigned long long v = strtoull(argv[++i], &end, 10);
      if (*end || v == 0) {
        die_usage(c, cmd, "--max-record needs a positive byte count");
        status = EXIT_USAGE;
        goto out;
      }
      px_ctx_set_limit(g.ctx, PX_LIMIT_RECORD_BYTES, (size_t)v);
    } else if (a[0] == '-' && a[1] != '\0') {
      die_usage(c, cmd, "unknown option '%s'", a);
      status = EXIT_USAGE;
      goto out;
    } else {
      inputs[ninputs++] = a;
    }
  }
  if (ninputs == 0) {
    die_usage(c, cmd, "no INPUT given (use - for standard input)");
    status = EXIT_USAGE;
    goto out;
  }
  int rc = px_store_open(g.ctx, c->db_path, PX_OPEN_WRITE, &g.st);
  if (rc) {
    errorf(c, "%s", px_ctx_error(g.ctx)[0] ? px_ctx_error(g.ctx) : px_strerror(rc));
    status = EXIT_FAIL;
    goto out;
  }
  if (analyze && (px_analyzer_new(g.ctx, &g.an) != PX_OK || px_quoter_new(&g.qt) != PX_OK)) {
    errorf(c, "cannot set up the analyzer: %s", px_ctx_error(g.ctx));
    status = EXIT_FAIL;
    goto out;
  }
  double t0 = now_seconds();
  g.t_mark = t0;
  if (g.timings) g.cpu_mark = cpu_seconds();
  g.stage = T_READ;
  for (int k = 0; k < ninputs && status == EXIT_OK; k++) status = ingest_one(&g, inputs[k]);
  if (status != EXIT_FAIL) {
    stage(&g, T_STORE);
    if (commit_batch(&g) != PX_OK) status = EXIT_FAIL;
  }
  int64_t placed = 0;
  if (cluster && status != EXIT_FAIL) {
    stage(&g, T_CLUSTER);
    if (px_store_cluster_new_articles(g.st, NULL, &placed) != PX_OK) {
      errorf(c, "clustering: %s", px_ctx_error(g.ctx));
      status = EXIT_FAIL;
    }
  }
  if (g.stored > 0 && status != EXIT_FAIL) {
    stage(&g, T_INDEX);
    if (px_store_optimize(g.st) != PX_OK)
      warnf(c, "could not merge the search index: %s", px_ctx_error(g.ctx));
  }
  stage(&g, T_INDEX);
  double el = now_seconds() - t0;
  if (c->format == FMT_JSON) {
    printf("{\"read\":%llu,\"stored\":%llu,\"duplicates\":%llu,\"rejected\":%llu,"
           "\"repaired\":%llu,\"not_analyzed\":%llu,\"clustered\":%lld,\"seconds\":%.3f,"
           "\"stages\":{",
           (unsigned long long)g.read, (unsigned long long)g.stored, (unsigned long long)g.dups,
           (unsigned long long)g.rejected, (unsigned long long)g.repaired,
           (unsigned long long)g.analyze_failed, (long long)placed, el);
    for (int i = 0; i < T_COUNT; i++) printf("%s\"%s\":%.3f", i ? "," : "", stage_names[i], g.t[i]);
    printf("}");
    if (g.timings) {
      printf(",\"stages_cpu\":{");
      for (int i = 0; i < T_COUNT; i++)
        printf("%s\"%s\":%.3f", i ? "," : "", stage_names[i], g.cpu[i]);
      printf("}");
    }
    printf("}\n");
  }
  if (g.timings) {
    fprintf(stderr, "parallax: stages (wall):");
    for (int i = 0; i < T_COUNT; i++) fprintf(stderr, " %s %.2f s", stage_names[i], g.t[i]);
    fprintf(stderr, "\nparallax: stages (CPU):");
    for (int i = 0; i < T_COUNT; i++) fprintf(stderr, " %s %.2f s", stage_names[i], g.cpu[i]);
    fprintf(stderr, "\n");
  }
  fprintf(stderr,
          "parallax: read %llu, stored %llu, duplicates %llu, rejected %llu (%.1f s, %.0f "
          "articles/s)\n",
          (unsigned long long)g.read, (unsigned long long)g.stored, (unsigned long long)g.dups,
          (unsigned long long)g.rejected, el, el > 0 ? g.read / el : 0.0);
  if (status == EXIT_OK && g.rejected) status = EXIT_PARTIAL;
out:
  px_quoter_free(g.qt);
  px_analyzer_free(g.an);
  px_store_free(g.st);
  px_ctx_free(g.ctx);
  free(inputs);
  return status;
}
