/* cmd_search.c - parallax search: full-text search over stored articles. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct search_out {
  cli *c;
  int n;
} search_out;

/* Print a snippet, turning the \1 \2 match markers into colour or *...*. */
static void print_snippet(cli *c, px_str s, bool json) {
  if (json) {
    json_str(stdout, s.ptr, s.len); /* markers kept: documented in docs/cli.md */
    return;
  }
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
  if (c->format == FMT_JSON) {
    printf("{\"id\":%lld,\"source\":", (long long)h->id);
    json_pstr(stdout, h->source);
    fputs(",\"title\":", stdout);
    json_pstr(stdout, h->title);
    fputs(",\"url\":", stdout);
    json_pstr(stdout, h->url);
    fputs(",\"published\":", stdout);
    if (h->has_time) {
      char buf[32];
      format_iso(h->published, buf, sizeof(buf));
      printf("\"%s\"", buf);
    } else {
      fputs("null", stdout);
    }
    printf(",\"score\":%.4f,\"snippet\":", h->score);
    print_snippet(c, h->snippet, true);
    fputs("}\n", stdout);
    return 0;
  }
  char when[32];
  format_time(h->published, h->has_time, when, sizeof(when));
  printf("%s%6lld%s  %s  %s%.*s%s  %s%.*s%s\n        ", col(c, C_DIM), (long long)h->id,
         col(c, C_RESET), when, col(c, C_CYAN), (int)h->source.len, h->source.ptr,
         col(c, C_RESET), col(c, C_BOLD), (int)h->title.len, h->title.ptr, col(c, C_RESET));
  print_snippet(c, h->snippet, false);
  fputs("\n", stdout);
  return 0;
}

int cmd_search(cli *c, int argc, char **argv) {
  const command *cmd = find_command("search");
  px_article_filter f = {0};
  f.limit = 20;
  char query[4096] = "";
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
    } else if (a[0] == '-' && a[1]) {
      die_usage(c, cmd, "unknown option '%s'", a);
      return EXIT_USAGE;
    } else {
      if (strlen(query) + strlen(a) + 2 >= sizeof(query)) {
        die_usage(c, cmd, "query too long");
        return EXIT_USAGE;
      }
      if (query[0]) strcat(query, " ");
      strcat(query, a);
    }
  }
  if (!query[0]) {
    die_usage(c, cmd, "needs a QUERY");
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) return EXIT_FAIL;
  /* The CPU budget of one search (docs/limits.md), in milliseconds. */
  const char *budget = getenv("PARALLAX_SEARCH_CPU_MS");
  if (budget && strtoul(budget, NULL, 10) > 0)
    px_ctx_set_limit(ctx, PX_LIMIT_SEARCH_CPU_MS, strtoul(budget, NULL, 10));
  search_out o = {c, 0};
  int rc = px_store_search(st, query, &f, print_hit, &o);
  int status = EXIT_OK;
  if (rc == PX_EQUERY) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_USAGE;
  } else if (rc) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
  } else if (o.n == 0 && c->format == FMT_TEXT && !c->quiet) {
    fprintf(stderr, "parallax: no articles match '%s'\n", query);
  }
  px_store_free(st);
  px_ctx_free(ctx);
  return status;
}
