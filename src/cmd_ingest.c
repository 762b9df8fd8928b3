/* cmd_ingest.c - parallax ingest: read inputs into the store. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct counts {
  uint64_t read, stored, dups, rejected, repaired;
  uint64_t pending; /* stored in the open batch, not yet committed */
} counts;

static int ingest_one(cli *c, px_ctx *ctx, px_store *st, const char *path, long batch,
                      bool strict, counts *n, long *in_batch, progress *pg) {
  px_reader *rd = NULL;
  int rc = px_reader_open(ctx, path, &rd);
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    n->rejected++;
    return strict ? EXIT_PARTIAL : EXIT_OK;
  }
  progress_start(pg, c, px_reader_size(rd));
  int status = EXIT_OK;
  while (true) {
    px_article *art;
    rc = px_reader_next(rd, &art);
    if (rc == PX_EOF) break;
    if (rc == PX_ENOMEM) {
      errorf(c, "out of memory");
      status = EXIT_FAIL;
      break;
    }
    if (rc != PX_OK) {
      n->rejected++;
      if (!c->quiet || strict) {
        progress_end(pg);
        fprintf(stderr, "%s: %s\n", c->prog, px_reader_error(rd));
      }
      if (strict) {
        status = EXIT_PARTIAL;
        break;
      }
      continue;
    }
    n->read++;
    if (px_article_repairs(art)) {
      n->repaired++;
      if (!c->quiet) {
        progress_end(pg);
        fprintf(stderr, "%s: %s: repaired %zu invalid UTF-8 byte(s)\n", c->prog,
                px_article_get(art, PX_F_ORIGIN).ptr, px_article_repairs(art));
      }
    }
    if (*in_batch == 0 && (rc = px_store_begin(st))) {
      errorf(c, "%s", px_ctx_error(ctx));
      status = EXIT_FAIL;
      break;
    }
    rc = px_store_add(st, art, NULL);
    if (rc == PX_EDUPLICATE) n->dups++;
    else if (rc == PX_OK) n->stored++, n->pending++;
    else {
      errorf(c, "%s", px_ctx_error(ctx));
      px_store_rollback(st);
      n->stored -= n->pending;
      n->pending = 0;
      *in_batch = 0;
      status = EXIT_FAIL;
      break;
    }
    if (++*in_batch >= batch) {
      if ((rc = px_store_commit(st))) {
        errorf(c, "%s", px_ctx_error(ctx));
        n->stored -= n->pending;
      }
      n->pending = 0;
      *in_batch = 0;
      if (rc) {
        status = EXIT_FAIL;
        break;
      }
    }
    progress_update(pg, px_reader_bytes_in(rd), n->read);
  }
  progress_end(pg);
  px_reader_free(rd);
  return status;
}

int cmd_ingest(cli *c, int argc, char **argv) {
  const command *cmd = find_command("ingest");
  px_ctx *ctx = NULL;
  px_store *st = NULL;
  long batch = 2000;
  bool strict = false;
  int status = EXIT_OK;
  const char **inputs = calloc((size_t)argc, sizeof(char *));
  int ninputs = 0;
  if (!inputs || px_ctx_new(&ctx) != PX_OK) {
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
      strict = true;
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
      if (nl >= sizeof(name) || px_ctx_map_field(ctx, (memcpy(name, v, nl), name[nl] = '\0', name),
                                                 eq + 1) != PX_OK) {
        die_usage(c, cmd, "--field: unknown field '%.*s'", (int)nl, v);
        status = EXIT_USAGE;
        goto out;
      }
    } else if (strcmp(a, "--batch") == 0 && i + 1 < argc) {
      batch = strtol(argv[++i], NULL, 10);
      if (batch < 1) batch = 1;
    } else if (strcmp(a, "--max-record") == 0 && i + 1 < argc) {
      char *end;
      unsigned long long v = strtoull(argv[++i], &end, 10);
      if (*end || v == 0) {
        die_usage(c, cmd, "--max-record needs a positive byte count");
        status = EXIT_USAGE;
        goto out;
      }
      px_ctx_set_limit(ctx, PX_LIMIT_RECORD_BYTES, (size_t)v);
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
  int rc = px_store_open(ctx, c->db_path, PX_OPEN_WRITE, &st);
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    status = EXIT_FAIL;
    goto out;
  }
  counts n = {0};
  long in_batch = 0;
  double t0 = now_seconds();
  progress pg;
  for (int k = 0; k < ninputs && status == EXIT_OK; k++)
    status = ingest_one(c, ctx, st, inputs[k], batch, strict, &n, &in_batch, &pg);
  if (in_batch > 0 && px_store_commit(st) != PX_OK) {
    errorf(c, "%s", px_ctx_error(ctx));
    n.stored -= n.pending;
    status = EXIT_FAIL;
  }
  if (n.stored > 0 && status != EXIT_FAIL && px_store_optimize(st) != PX_OK)
    warnf(c, "could not merge the search index: %s", px_ctx_error(ctx));
  double el = now_seconds() - t0;
  if (c->format == FMT_JSON) {
    printf("{\"read\":%llu,\"stored\":%llu,\"duplicates\":%llu,\"rejected\":%llu,"
           "\"repaired\":%llu,\"seconds\":%.3f}\n",
           (unsigned long long)n.read, (unsigned long long)n.stored, (unsigned long long)n.dups,
           (unsigned long long)n.rejected, (unsigned long long)n.repaired, el);
  }
  fprintf(stderr, "parallax: read %llu, stored %llu, duplicates %llu, rejected %llu (%.1f s, %.0f articles/s)\n",
          (unsigned long long)n.read, (unsigned long long)n.stored, (unsigned long long)n.dups,
          (unsigned long long)n.rejected, el, el > 0 ? n.read / el : 0.0);
  if (status == EXIT_OK && n.rejected) status = EXIT_PARTIAL;
out:
  px_store_free(st);
  px_ctx_free(ctx);
  free(inputs);
  return status;
}
