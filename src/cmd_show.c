/* cmd_show.c - parallax show ID: one stored article. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void print_json(const px_article *a) {
  static const struct {
    const char *key;
    px_field f;
  } fields[] = {{"ext_id", PX_F_ID},     {"source", PX_F_SOURCE},     {"url", PX_F_URL},
                {"title", PX_F_TITLE},   {"byline", PX_F_BYLINE},     {"language", PX_F_LANGUAGE},
                {"origin", PX_F_ORIGIN}, {"body", PX_F_BODY}};
  printf("{\"id\":%lld", (long long)px_article_id(a));
  for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
    printf(",\"%s\":", fields[i].key);
    json_pstr(stdout, px_article_get(a, fields[i].f));
    if (fields[i].f == PX_F_LANGUAGE) {
      int has;
      int64_t t = px_article_published(a, &has);
      fputs(",\"published\":", stdout);
      if (has) {
        char buf[32];
        format_iso(t, buf, sizeof(buf));
        printf("\"%s\"", buf);
      } else {
        fputs("null", stdout);
      }
    }
  }
  fputs("}\n", stdout);
}

static void print_text(cli *c, const px_article *a) {
  px_str title = px_article_get(a, PX_F_TITLE);
  printf("%s%.*s%s\n", col(c, C_BOLD), (int)title.len, title.len ? title.ptr : "(no title)",
         col(c, C_RESET));
  int has;
  int64_t t = px_article_published(a, &has);
  char when[32];
  format_time(t, has, when, sizeof(when));
  px_str src = px_article_get(a, PX_F_SOURCE), by = px_article_get(a, PX_F_BYLINE),
         url = px_article_get(a, PX_F_URL), origin = px_article_get(a, PX_F_ORIGIN);
  printf("%s%.*s  %s", col(c, C_CYAN), (int)src.len, src.ptr, when);
  if (by.len) printf("  by %.*s", (int)by.len, by.ptr);
  printf("%s\n", col(c, C_RESET));
  if (url.len) printf("%s%.*s%s\n", col(c, C_DIM), (int)url.len, url.ptr, col(c, C_RESET));
  printf("%sid %lld, read from %.*s%s\n\n", col(c, C_DIM), (long long)px_article_id(a),
         (int)origin.len, origin.ptr, col(c, C_RESET));
  px_str body = px_article_get(a, PX_F_BODY);
  fwrite(body.ptr, 1, body.len, stdout);
  putchar('\n');
}

int cmd_show(cli *c, int argc, char **argv) {
  const command *cmd = find_command("show");
  const char *idarg = NULL;
  for (int i = 1; i < argc; i++) {
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    if (argv[i][0] == '-' || idarg) {
      die_usage(c, cmd, "unexpected argument '%s'", argv[i]);
      return EXIT_USAGE;
    }
    idarg = argv[i];
  }
  char *end;
  long long id = idarg ? strtoll(idarg, &end, 10) : 0;
  if (!idarg || *end || id <= 0) {
    die_usage(c, cmd, "needs an article ID (a positive number)");
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return EXIT_FAIL;
  px_store *st = NULL;
  px_article *a = NULL;
  int status = EXIT_OK;
  int rc = px_store_open(ctx, c->db_path, PX_OPEN_READ, &st);
  if (rc == PX_OK) rc = px_store_get(st, id, &a);
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = rc == PX_ENOTFOUND && st ? EXIT_NOTFOUND : EXIT_FAIL;
  } else if (c->format == FMT_JSON) {
    print_json(a);
  } else {
    print_text(c, a);
  }
  px_article_free(a);
  px_store_free(st);
  px_ctx_free(ctx);
  return status;
}
