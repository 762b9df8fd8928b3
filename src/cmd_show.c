/* cmd_show.c - parallax show ID: one stored article, by parallax's id or
 * the input's own id. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void print_text(cli *c, const px_article *a) {
  px_str title = px_article_get(a, PX_F_TITLE);
  printf("%s%.*s%s\n", col(c, C_BOLD), (int)title.len, title.len ? title.ptr : "(no title)",
         col(c, C_RESET));
  int has;
  int64_t t = px_article_published(a, &has);
  char when[40];
  format_time(t, has, when, sizeof(when));
  px_str src = px_article_get(a, PX_F_SOURCE), by = px_article_get(a, PX_F_BYLINE),
         url = px_article_get(a, PX_F_URL), origin = px_article_get(a, PX_F_ORIGIN),
         ext = px_article_get(a, PX_F_ID), meta = px_article_get(a, PX_F_META),
         lang = px_article_get(a, PX_F_LANGUAGE);
  printf("%s%.*s  %s", col(c, C_CYAN), (int)src.len, src.ptr, when);
  if (by.len) printf("  by %.*s", (int)by.len, by.ptr);
  printf("%s\n", col(c, C_RESET));
  if (url.len) printf("%s%.*s%s\n", col(c, C_DIM), (int)url.len, url.ptr, col(c, C_RESET));
  printf("%sid %lld", col(c, C_DIM), (long long)px_article_id(a));
  if (ext.len) printf(", input id %.*s", (int)ext.len, ext.ptr);
  if (lang.len) printf(", language %.*s", (int)lang.len, lang.ptr);
  printf(", read from %.*s%s\n", (int)origin.len, origin.ptr, col(c, C_RESET));
  if (meta.len) printf("%smeta %.*s%s\n", col(c, C_DIM), (int)meta.len, meta.ptr, col(c, C_RESET));
  putchar('\n');
  px_str body = px_article_get(a, PX_F_BODY);
  fwrite(body.ptr, 1, body.len, stdout);
  putchar('\n');
}

int cmd_show(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "show", argc, argv, &a);
  if (r >= 0) return r;
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  int64_t id = 0;
  int status = resolve_article(c, st, a.pos[0], outlet_opt(&a), opt_flag(&a, "ext"), &id);
  px_article *art = NULL;
  if (status == EXIT_OK) {
    int rc = px_store_get(st, id, &art);
    if (rc) {
      errorf(c, "%s", px_ctx_error(ctx));
      status = rc == PX_ENOTFOUND ? EXIT_NOTFOUND : EXIT_FAIL;
    } else if (c->format == FMT_JSON) {
      px_json *j = out_records(c);
      if (!j) status = EXIT_FAIL;
      else {
        px_json_article(j, art, PX_JSON_BODY);
        status = end_records(c, j);
      }
    } else {
      print_text(c, art);
    }
  }
  px_article_free(art);
  px_store_free(st);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
