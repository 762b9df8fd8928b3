/* cmd_articles.c - parallax articles: list stored articles. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static int print_row(void *user, const px_article *a) {
  cli *c = user;
  int has;
  int64_t t = px_article_published(a, &has);
  if (c->format == FMT_JSON) {
    printf("{\"id\":%lld,\"source\":", (long long)px_article_id(a));
    json_pstr(stdout, px_article_get(a, PX_F_SOURCE));
    fputs(",\"title\":", stdout);
    json_pstr(stdout, px_article_get(a, PX_F_TITLE));
    fputs(",\"url\":", stdout);
    json_pstr(stdout, px_article_get(a, PX_F_URL));
    fputs(",\"published\":", stdout);
    if (has) {
      char buf[32];
      format_iso(t, buf, sizeof(buf));
      printf("\"%s\"", buf);
    } else {
      fputs("null", stdout);
    }
    fputs("}\n", stdout);
    return 0;
  }
  char when[32];
  format_time(t, has, when, sizeof(when));
  px_str src = px_article_get(a, PX_F_SOURCE), title = px_article_get(a, PX_F_TITLE);
  printf("%s%6lld%s  %-17s  %s%-22.*s%s  %.*s\n", col(c, C_DIM), (long long)px_article_id(a),
         col(c, C_RESET), when, col(c, C_CYAN), src.len ? (int)src.len : 9,
         src.len ? src.ptr : "(unknown)", col(c, C_RESET), title.len ? (int)title.len : 10,
         title.len ? title.ptr : "(no title)");
  return 0;
}

int cmd_articles(cli *c, int argc, char **argv) {
  const command *cmd = find_command("articles");
  px_article_filter f = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    r = time_option(c, cmd, argc, argv, &i, &f.since, &f.has_since, &f.until, &f.has_until);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--outlet") == 0 && v) {
      f.source = v;
      i++;
    } else if (strcmp(a, "--limit") == 0 && v) {
      f.limit = strtoll(v, NULL, 10);
      i++;
    } else if (strcmp(a, "--offset") == 0 && v) {
      f.offset = strtoll(v, NULL, 10);
      i++;
    } else {
      die_usage(c, cmd, "unknown argument '%s'", a);
      return EXIT_USAGE;
    }
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) return EXIT_FAIL;
  int rc = px_store_list(st, &f, print_row, c);
  if (rc) errorf(c, "%s", px_ctx_error(ctx));
  px_store_free(st);
  px_ctx_free(ctx);
  return rc ? EXIT_FAIL : EXIT_OK;
}
