/* cmd_stats.c - parallax stats: what the database holds. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct outlets_out {
  cli *c;
  int n;
} outlets_out;

static int print_outlet(void *user, px_str name, int64_t n) {
  outlets_out *o = user;
  if (o->c->format == FMT_JSON) {
    printf("%s{\"name\":", o->n ? "," : "");
    json_pstr(stdout, name);
    printf(",\"articles\":%lld}", (long long)n);
  } else {
    printf("  %8lld  %.*s\n", (long long)n, name.len ? (int)name.len : 9,
           name.len ? name.ptr : "(unknown)");
  }
  o->n++;
  return 0;
}

int cmd_stats(cli *c, int argc, char **argv) {
  const command *cmd = find_command("stats");
  int64_t top = 10;
  for (int i = 1; i < argc; i++) {
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    if (strcmp(argv[i], "--top") == 0 && i + 1 < argc) {
      top = strtoll(argv[++i], NULL, 10);
    } else {
      die_usage(c, cmd, "unknown argument '%s'", argv[i]);
      return EXIT_USAGE;
    }
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) return EXIT_FAIL;
  px_store_counts k;
  int rc = px_store_counts_get(st, &k);
  if (rc == PX_OK) {
    char first[32], last[32];
    bool dated = k.articles > k.undated;
    format_time(k.first, dated, first, sizeof(first));
    format_time(k.last, dated, last, sizeof(last));
    outlets_out o = {c, 0};
    if (c->format == FMT_JSON) {
      printf("{\"database\":");
      json_str(stdout, c->db_path, strlen(c->db_path));
      printf(",\"schema_version\":%d,\"articles\":%lld,\"outlets\":%lld,\"undated\":%lld,"
             "\"stories\":%lld,\"quotes\":%lld,\"entities\":%lld,\"body_bytes\":%lld,"
             "\"file_bytes\":%lld,\"first\":",
             k.schema_version, (long long)k.articles, (long long)k.sources,
             (long long)k.undated, (long long)k.stories, (long long)k.quotes,
             (long long)k.entities, (long long)k.body_bytes, (long long)k.file_bytes);
      if (dated) {
        format_iso(k.first, first, sizeof(first));
        format_iso(k.last, last, sizeof(last));
        printf("\"%s\",\"last\":\"%s\"", first, last);
      } else {
        printf("null,\"last\":null");
      }
      printf(",\"top_outlets\":[");
      rc = px_store_outlets(st, top, print_outlet, &o);
      printf("]}\n");
    } else {
      printf("%sdatabase%s   %s (schema %d, %.1f MB)\n", col(c, C_BOLD), col(c, C_RESET),
             c->db_path, k.schema_version, k.file_bytes / 1e6);
      printf("articles   %lld from %lld outlets (%.1f MB of text)\n", (long long)k.articles,
             (long long)k.sources, k.body_bytes / 1e6);
      printf("published  %s .. %s", first, last);
      if (k.undated) printf(" (%lld undated)", (long long)k.undated);
      printf("\nstories    %lld\nquotes     %lld\nentities   %lld\n", (long long)k.stories,
             (long long)k.quotes, (long long)k.entities);
      printf("top outlets:\n");
      rc = px_store_outlets(st, top, print_outlet, &o);
    }
  }
  if (rc) errorf(c, "%s", px_ctx_error(ctx));
  px_store_free(st);
  px_ctx_free(ctx);
  return rc ? EXIT_FAIL : EXIT_OK;
}
