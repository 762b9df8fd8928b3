/* cmd_stories.c - parallax stories (list stories) and parallax story ID. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct story_out {
  cli *c;
  px_json *j;
  int64_t skip, left; /* --offset, --limit (left < 0: no limit) */
  int64_t story;
  int n;
} story_out;

static int print_story(void *user, const px_story_info *in) {
  story_out *o = user;
  cli *c = o->c;
  if (o->skip > 0) {
    o->skip--;
    return 0;
  }
  if (o->j) {
    px_json_story(o->j, in, 0);
    return px_json_status(o->j) != PX_OK;
  }
  char a[40], b[40];
  format_time(in->first, in->has_time, a, sizeof(a));
  format_time(in->last, in->has_time, b, sizeof(b));
  printf("%s%6lld%s  %.10s..%.10s  %3lld outlets %4lld articles %3lld dup  %s%.*s%s\n",
         col(c, C_DIM), (long long)in->id, col(c, C_RESET), a, b, (long long)in->outlets,
         (long long)in->articles, (long long)in->duplicates, col(c, C_BOLD),
         in->headline.len ? (int)in->headline.len : 10,
         in->headline.len ? in->headline.ptr : "(no title)", col(c, C_RESET));
  return 0;
}

int undated_option(const char *v) {
  if (!v) return -1;
  if (strcmp(v, "join") == 0) return PX_UNDATED_JOIN;
  if (strcmp(v, "alone") == 0) return PX_UNDATED_ALONE;
  return -1;
}

int cmd_stories(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "stories", argc, argv, &a);
  if (r >= 0) return r;
  px_story_filter f = {0};
  f.has_since = opt_time(&a, "since", &f.since);
  f.has_until = opt_time(&a, "until", &f.until);
  f.min_outlets = opt_int(&a, "min-outlets", 0);
  f.outlet = outlet_opt(&a);
  int64_t limit = opt_int(&a, "limit", -1), offset = opt_int(&a, "offset", 0);
  if (limit >= 0) f.limit = limit > INT64_MAX - offset ? INT64_MAX : limit + offset;
  px_story_opts so;
  px_story_opts_init(&so);
  if (opt(&a, "undated")->set && (so.undated = undated_option(opt_str(&a, "undated", NULL))) < 0) {
    die_usage(c, a.cmd, "--undated wants join or alone");
    free_args(&a);
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_clustered(c, &so, &ctx, &st)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  story_out o = {c, NULL, offset, limit, 0, 0};
  int status = EXIT_OK;
  if (c->format != FMT_TEXT && !(o.j = out_records(c))) status = EXIT_FAIL;
  int rc = status || limit == 0 ? PX_OK : px_store_stories(st, &f, print_story, &o);
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

static int print_member(void *user, const px_story_member *m) {
  story_out *so = user;
  cli *c = so->c;
  if (so->skip > 0) {
    so->skip--;
    return 0;
  }
  if (so->left == 0) return 1;
  if (so->left > 0) so->left--;
  const px_article *a = m->art;
  if (so->j) {
    px_json_story_member(so->j, so->story, m, 0);
    return px_json_status(so->j) != PX_OK;
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
  if (m->dup_of)
    printf("        %s%s copy of article %lld%s\n", col(c, C_YELLOW),
           m->dup_exact ? "exact" : "near-duplicate", (long long)m->dup_of, col(c, C_RESET));
  if (m->wire_share > 0)
    printf("        wire share %.0f%%: sentences first published by %.*s (article %lld)\n",
           m->wire_share * 100.0, (int)m->wire_outlet.len, m->wire_outlet.ptr,
           (long long)m->wire_source);
  if (m->flags & PX_SF_BAD_DATE) printf("        date implausible: clustered by text alone\n");
  else if (m->flags & PX_SF_UNDATED) printf("        undated: clustered by text alone\n");
  return 0;
}

static int print_story_head(void *user, const px_story_info *in) {
  story_out *so = user;
  cli *c = so->c;
  if (so->j) {
    if (c->format == FMT_CSV) return 0; /* CSV: the member rows only */
    px_json_story(so->j, in, PX_JSON_OPEN);
    px_json_key(so->j, "members");
    px_json_array(so->j);
    return 0;
  }
  char a[40], b[40];
  format_time(in->first, in->has_time, a, sizeof(a));
  format_time(in->last, in->has_time, b, sizeof(b));
  printf("%sstory %lld%s  %.*s\n%s .. %s, %lld outlets, %lld articles, %lld duplicates,"
         " thread %lld\n\n",
         col(c, C_BOLD), (long long)in->id, col(c, C_RESET), (int)in->headline.len,
         in->headline.ptr, a, b, (long long)in->outlets, (long long)in->articles,
         (long long)in->duplicates, (long long)in->thread);
  return 0;
}

int cmd_story(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "story", argc, argv, &a);
  if (r >= 0) return r;
  const command *cmd = a.cmd;
  bool compare = opt_flag(&a, "compare");
  const char *article = opt_str(&a, "article", NULL);
  int status = EXIT_OK;
  int64_t id = 0;
  if ((a.npos == 1) == (article != NULL)) {
    die_usage(c, cmd, "which story? give its ID, or --article ID for the story of an article");
    free_args(&a);
    return EXIT_USAGE;
  }
  if (a.npos == 1) {
    char *e;
    errno = 0;
    long long v = strtoll(a.pos[0], &e, 10);
    if (!*a.pos[0] || *e || errno || v <= 0) {
      die_usage(c, cmd, "a story ID is a positive number, not '%s' (--article takes an article's ids)",
                a.pos[0]);
      free_args(&a);
      return EXIT_USAGE;
    }
    id = v;
  }
  if (!compare && (c->format == FMT_MD || c->format == FMT_HTML)) {
    die_usage(c, cmd, "--format md and html go with --compare");
    free_args(&a);
    return EXIT_USAGE;
  }
  if (compare && c->format == FMT_CSV) {
    die_usage(c, cmd, "--compare writes text, json, md or html");
    free_args(&a);
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  px_store *st = NULL;
  if (!open_db_clustered(c, NULL, &ctx, &st)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  if (article) {
    int64_t art = 0;
    status = resolve_article(c, st, article, outlet_opt(&a), false, &art);
    if (status == EXIT_OK && px_store_article_story(st, art, &id) != PX_OK) {
      errorf(c, "%s", px_ctx_error(ctx));
      status = EXIT_FAIL;
    }
    if (status == EXIT_OK && id == 0) {
      errorf(c, "article %lld is in no story yet", (long long)art);
      status = EXIT_NOTFOUND;
    }
  }
  if (status == EXIT_OK && compare) {
    px_store_free(st);
    px_ctx_free(ctx);
    status = story_compare(c, id, (int)opt_int(&a, "width", 0), (int)opt_int(&a, "top", 0),
                           opt_flag(&a, "full"));
    free_args(&a);
    return status;
  }
  story_out so = {c, NULL, opt_int(&a, "offset", 0), opt_int(&a, "limit", -1), id, 0};
  if (status == EXIT_OK && c->format != FMT_TEXT && !(so.j = out_records(c))) status = EXIT_FAIL;
  if (status == EXIT_OK) {
    int rc = px_store_story_get(st, id, print_story_head, &so);
    if (rc == PX_OK) rc = px_store_story_articles(st, id, print_member, &so);
    if (rc == PX_ENOTFOUND) {
      errorf(c, "%s", px_ctx_error(ctx));
      status = EXIT_NOTFOUND;
    } else if (rc) {
      errorf(c, "%s", px_ctx_error(ctx));
      status = EXIT_FAIL;
    } else if (so.j && c->format == FMT_JSON) {
      px_json_array_end(so.j);
      px_json_object_end(so.j);
    }
  }
  if (so.j && end_records(c, so.j) && !status) status = EXIT_FAIL;
  px_store_free(st);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
