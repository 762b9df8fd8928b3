/* cmd_articles.c - parallax articles: list stored articles. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct list_out {
  cli *c;
  px_json *j;
} list_out;

static int print_row(void *user, const px_article *a) {
  list_out *o = user;
  cli *c = o->c;
  if (o->j) {
    px_json_article(o->j, a, 0);
    return px_json_status(o->j) != PX_OK;
  }
  int has;
  int64_t t = px_article_published(a, &has);
  char when[40];
  format_time(t, has, when, sizeof(when));
  px_str src = px_article_get(a, PX_F_SOURCE), title = px_article_get(a, PX_F_TITLE);
  px_str ext = px_article_get(a, PX_F_ID);
  printf("%s%6lld%s  %-17s  %s%-22.*s%s  %.*s", col(c, C_DIM), (long long)px_article_id(a),
         col(c, C_RESET), when, col(c, C_CYAN), src.len ? (int)src.len : 9,
         src.len ? src.ptr : "(unknown)", col(c, C_RESET), title.len ? (int)title.len : 10,
         title.len ? title.ptr : "(no title)");
  if (ext.len) printf("  %s[%.*s]%s", col(c, C_DIM), (int)ext.len, ext.ptr, col(c, C_RESET));
  putchar('\n');
  return 0;
}

int cmd_articles(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "articles", argc, argv, &a);
  if (r >= 0) return r;
  px_article_filter f = {0};
  f.source = outlet_opt(&a);
  f.has_since = opt_time(&a, "since", &f.since);
  f.has_until = opt_time(&a, "until", &f.until);
  f.limit = opt_int(&a, "limit", 0);
  f.offset = opt_int(&a, "offset", 0);
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  list_out o = {c, NULL};
  int status = EXIT_OK;
  if (c->format != FMT_TEXT && !(o.j = out_records(c))) status = EXIT_FAIL;
  int rc = status ? PX_OK : (opt(&a, "limit")->set && f.limit == 0 ? PX_OK : px_store_list(st, &f, print_row, &o));
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
  }
  if (o.j && end_records(c, o.j)) status = EXIT_FAIL;
  px_store_free(st);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
