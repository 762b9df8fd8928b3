/* cmd_entities.c - parallax entities: who and what the stored news mentions. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct ent_out {
  cli *c;
  px_json *j;
  int64_t skip;
} ent_out;

static int print_entity(void *user, const px_stored_entity *e) {
  ent_out *o = user;
  cli *c = o->c;
  if (o->skip > 0) {
    o->skip--;
    return 0;
  }
  if (o->j) {
    px_json_stored_entity(o->j, e, 0);
    return px_json_status(o->j) != PX_OK;
  }
  printf("%7lld %6lld %7lld  %s%-12.*s%s %s%.*s%s\n", (long long)e->articles,
         (long long)e->outlets, (long long)e->mentions, col(c, C_DIM), (int)e->type.len,
         e->type.ptr, col(c, C_RESET), col(c, C_BOLD), (int)e->name.len, e->name.ptr,
         col(c, C_RESET));
  return 0;
}

int cmd_entities(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "entities", argc, argv, &a);
  if (r >= 0) return r;
  px_article_filter f = {0};
  f.source = outlet_opt(&a);
  f.has_since = opt_time(&a, "since", &f.since);
  f.has_until = opt_time(&a, "until", &f.until);
  int64_t limit = opt_int(&a, "limit", opt_int(&a, "top", 20));
  int64_t offset = opt_int(&a, "offset", 0);
  /* the store takes no offset here: ask for offset + limit, skip offset */
  f.limit = limit > INT64_MAX - offset ? INT64_MAX : limit + offset;
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  ent_out o = {c, NULL, offset};
  int status = EXIT_OK;
  if (c->format != FMT_TEXT && !(o.j = out_records(c))) status = EXIT_FAIL;
  if (c->format == FMT_TEXT)
    printf("%s%7s %6s %7s  %-12s %s%s\n", col(c, C_DIM), "articles", "outlets", "mentions",
           "type", "name", col(c, C_RESET));
  int rc = status || limit == 0 ? PX_OK : px_store_entities(st, &f, print_entity, &o);
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
