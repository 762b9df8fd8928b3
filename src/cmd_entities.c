/* cmd_entities.c - parallax entities: who and what the stored news mentions. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static int print_entity(void *user, const px_stored_entity *e) {
  cli *c = user;
  if (c->format == FMT_JSON) {
    fputs("{\"key\":", stdout);
    json_pstr(stdout, e->key);
    fputs(",\"name\":", stdout);
    json_pstr(stdout, e->name);
    fputs(",\"type\":", stdout);
    json_pstr(stdout, e->type);
    printf(",\"articles\":%lld,\"outlets\":%lld,\"mentions\":%lld}\n", (long long)e->articles,
           (long long)e->outlets, (long long)e->mentions);
    return 0;
  }
  printf("%7lld %6lld %7lld  %s%-12.*s%s %s%.*s%s\n", (long long)e->articles,
         (long long)e->outlets, (long long)e->mentions, col(c, C_DIM), (int)e->type.len,
         e->type.ptr, col(c, C_RESET), col(c, C_BOLD), (int)e->name.len, e->name.ptr,
         col(c, C_RESET));
  return 0;
}

int cmd_entities(cli *c, int argc, char **argv) {
  const command *cmd = find_command("entities");
  px_article_filter f = {0};
  f.limit = 20;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    r = time_option(c, cmd, argc, argv, &i, &f.since, &f.has_since, &f.until, &f.has_until);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if ((strcmp(a, "--top") == 0 || strcmp(a, "--limit") == 0) && v) {
      f.limit = strtoll(v, NULL, 10);
      i++;
    } else if (strcmp(a, "--outlet") == 0 && v) {
      f.source = v;
      i++;
    } else {
      die_usage(c, cmd, "unknown argument '%s'", a);
      return EXIT_USAGE;
    }
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) return EXIT_FAIL;
  int rc;
  if (c->format == FMT_TEXT)
    printf("%s%7s %6s %7s  %-12s %s%s\n", col(c, C_DIM), "articles", "outlets", "mentions",
           "type", "name", col(c, C_RESET));
  rc = px_store_entities(st, &f, print_entity, c);
  if (rc) errorf(c, "%s", px_ctx_error(ctx));
  px_store_free(st);
  px_ctx_free(ctx);
  return rc ? EXIT_FAIL : EXIT_OK;
}
