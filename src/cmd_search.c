/* cmd_search.c - parallax search: full-text search over stored articles. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct search_out {
  cli *c;
  px_json *j;
  int n;
} search_out;

/* Print a snippet, turning the \1 \2 match markers into colour or *...*. */
static void print_snippet(cli *c, px_str s) {
  for (size_t i = 0; i < s.len; i++) {
    char ch = s.ptr[i];
    if (ch == '\1') fputs(c->color ? col(c, C_YELLOW) : "*", stdout);
    else if (ch == '\2') fputs(c->color ? col(c, C_RESET) : "*", stdout);
    else if (ch == '\n') fputs(" ", stdout);
    else putchar(ch);
  }
}

static int print_hit(void *user, const px_search_hit *h) {
  search_out *o = user;
  cli *c = o->c;
  o->n++;
  if (o->j) {
    px_json_search_hit(o->j, h, 0);
    return px_json_status(o->j) != PX_OK;
  }
  char when[40];
  format_time(h->published, h->has_time, when, sizeof(when));
  printf("%s%6lld%s  %s  %s%.*s%s  %s%.*s%s", col(c, C_DIM), (long long)h->id, col(c, C_RESET),
         when, col(c, C_CYAN), (int)h->source.len, h->source.ptr, col(c, C_RESET), col(c, C_BOLD),
         (int)h->title.len, h->title.ptr, col(c, C_RESET));
  if (h->ext_id.len) printf("  %s[%.*s]%s", col(c, C_DIM), (int)h->ext_id.len, h->ext_id.ptr, col(c, C_RESET));
  fputs("\n        ", stdout);
  print_snippet(c, h->snippet);
  fputs("\n", stdout);
  return 0;
}

int cmd_search(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "search", argc, argv, &a);
  if (r >= 0) return r;
  px_article_filter f = {0};
  f.source = outlet_opt(&a);
  f.has_since = opt_time(&a, "since", &f.since);
  f.has_until = opt_time(&a, "until", &f.until);
  f.limit = opt_int(&a, "limit", 20);
  f.offset = opt_int(&a, "offset", 0);
  size_t qn = 1;
  for (int i = 0; i < a.npos; i++) qn += strlen(a.pos[i]) + 1;
  char *query = calloc(qn, 1);
  if (!query) {
    free_args(&a);
    return EXIT_FAIL;
  }
  for (int i = 0; i < a.npos; i++) {
    if (i) strcat(query, " ");
    strcat(query, a.pos[i]);
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) {
    free(query);
    free_args(&a);
    return EXIT_FAIL;
  }
  search_out o = {c, NULL, 0};
  /* The CPU budget of one search (docs/limits.md), in milliseconds. */
  const char *budget = getenv("PARALLAX_SEARCH_CPU_MS");
  if (budget && strtoul(budget, NULL, 10) > 0)
    px_ctx_set_limit(ctx, PX_LIMIT_SEARCH_CPU_MS, strtoul(budget, NULL, 10));
  int status = EXIT_OK;
  if (c->format != FMT_TEXT && !(o.j = out_records(c))) status = EXIT_FAIL;
  int rc = status || f.limit == 0 ? PX_OK : px_store_search(st, query, &f, print_hit, &o);
  if (rc == PX_EQUERY) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_USAGE;
  } else if (rc) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
  } else if (o.n == 0 && c->format == FMT_TEXT && !c->quiet) {
    fprintf(stderr, "parallax: no articles match '%s'\n", query);
  }
  if (o.j && end_records(c, o.j) && !status) status = EXIT_FAIL;
  px_store_free(st);
  px_ctx_free(ctx);
  free(query);
  free_args(&a);
  return status;
}
