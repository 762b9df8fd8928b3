/* cmd_stats.c - parallax stats: what the database holds. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct outlets_out {
  cli *c;
  px_json *j;
} outlets_out;

static int print_outlet(void *user, px_str name, int64_t n) {
  outlets_out *o = user;
  if (o->j) {
    px_json_object(o->j);
    px_json_key(o->j, "source");
    px_json_pstr(o->j, name);
    px_json_key(o->j, "articles");
    px_json_int(o->j, n);
    px_json_object_end(o->j);
  } else {
    printf("  %8lld  %.*s\n", (long long)n, name.len ? (int)name.len : 9,
           name.len ? name.ptr : "(unknown)");
  }
  return 0;
}

int cmd_stats(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "stats", argc, argv, &a);
  if (r >= 0) return r;
  int64_t top = opt_int(&a, "top", 10);
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  px_store_counts k;
  int status = EXIT_OK;
  int rc = px_store_counts_get(st, &k);
  if (rc == PX_OK) {
    char first[40], last[40];
    bool dated = k.articles > k.undated;
    format_time(k.first, dated, first, sizeof(first));
    format_time(k.last, dated, last, sizeof(last));
    outlets_out o = {c, NULL};
    if (c->format == FMT_JSON) {
      if (!(o.j = out_records(c))) {
        status = EXIT_FAIL;
      } else {
        px_json_store_counts(o.j, &k, PX_JSON_OPEN);
        px_json_key(o.j, "database");
        px_json_str(o.j, c->db_path, strlen(c->db_path));
        px_json_key(o.j, "top_outlets");
        px_json_array(o.j);
        if (top > 0) rc = px_store_outlets(st, top, print_outlet, &o);
        px_json_array_end(o.j);
        px_json_object_end(o.j);
        if (end_records(c, o.j)) status = EXIT_FAIL;
      }
    } else {
      printf("%sdatabase%s   %s (schema %d, %.1f MB)\n", col(c, C_BOLD), col(c, C_RESET),
             c->db_path, k.schema_version, k.file_bytes / 1e6);
      printf("articles   %lld from %lld outlets (%.1f MB of text)\n", (long long)k.articles,
             (long long)k.sources, k.body_bytes / 1e6);
      printf("published  %s .. %s", first, last);
      if (k.undated) printf(" (%lld undated)", (long long)k.undated);
      printf("\nstories    %lld\nquotes     %lld\nentities   %lld\n", (long long)k.stories,
             (long long)k.quotes, (long long)k.entities);
      if (top > 0) {
        printf("top outlets:\n");
        rc = px_store_outlets(st, top, print_outlet, &o);
      }
    }
  }
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
  }
  px_store_free(st);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
