/* cmd_stories.c - parallax stories (list stories) and parallax story ID. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void print_time_json(int64_t t, int has) {
  if (!has) {
    fputs("null", stdout);
    return;
  }
  char buf[32];
  format_iso(t, buf, sizeof(buf));
  printf("\"%s\"", buf);
}

static int print_story(void *user, const px_story_info *in) {
  cli *c = user;
  if (c->format == FMT_JSON) {
    printf("{\"id\":%lld,\"headline\":", (long long)in->id);
    json_pstr(stdout, in->headline);
    fputs(",\"first\":", stdout);
    print_time_json(in->first, in->has_time);
    fputs(",\"last\":", stdout);
    print_time_json(in->last, in->has_time);
    printf(",\"outlets\":%lld,\"articles\":%lld,\"duplicates\":%lld}\n", (long long)in->outlets,
           (long long)in->articles, (long long)in->duplicates);
    return 0;
  }
  char a[32], b[32];
  format_time(in->first, in->has_time, a, sizeof(a));
  format_time(in->last, in->has_time, b, sizeof(b));
  printf("%s%6lld%s  %.10s..%.10s  %3lld outlets %4lld articles %3lld dup  %s%.*s%s\n",
         col(c, C_DIM), (long long)in->id, col(c, C_RESET), a, b, (long long)in->outlets,
         (long long)in->articles, (long long)in->duplicates, col(c, C_BOLD),
         in->headline.len ? (int)in->headline.len : 10,
         in->headline.len ? in->headline.ptr : "(no title)", col(c, C_RESET));
  return 0;
}

/* Open the database, clustering any article not yet in a story when it can
 * be written; fall back to read-only (listing what is there). */
int undated_option(const char *v) {
  if (!v) return -1;
  if (strcmp(v, "join") == 0) return PX_UNDATED_JOIN;
  if (strcmp(v, "alone") == 0) return PX_UNDATED_ALONE;
  return -1;
}

int open_clustered_store(cli *c, px_ctx *ctx, const px_story_opts *so, px_store **st) {
  int rc = px_store_open(ctx, c->db_path, PX_OPEN_WRITE, st);
  if (rc == PX_OK) {
    int64_t added = 0;
    rc = px_store_cluster_new_articles(*st, so, &added);
    if (rc) {
      errorf(c, "%s", px_ctx_error(ctx));
      px_store_free(*st);
      *st = NULL;
      return rc;
    }
    if (added && !c->quiet) fprintf(stderr, "%s: %lld articles clustered\n", c->prog, (long long)added);
    return PX_OK;
  }
  rc = px_store_open(ctx, c->db_path, PX_OPEN_READ, st);
  if (rc) errorf(c, "%s", px_ctx_error(ctx));
  return rc;
}

int cmd_stories(cli *c, int argc, char **argv) {
  const command *cmd = find_command("stories");
  px_story_filter f = {0};
  px_story_opts so;
  px_story_opts_init(&so);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    r = time_option(c, cmd, argc, argv, &i, &f.since, &f.has_since, &f.until, &f.has_until);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--min-outlets") == 0 && v) {
      char *e;
      errno = 0;
      f.min_outlets = strtoll(v, &e, 10);
      if (*e || errno || f.min_outlets < 0) {
        die_usage(c, cmd, "--min-outlets wants a count");
        return EXIT_USAGE;
      }
      i++;
    } else if (strcmp(a, "--outlet") == 0 && v) {
      f.outlet = v;
      i++;
    } else if (strcmp(a, "--undated") == 0) {
      if ((so.undated = undated_option(v)) < 0) {
        die_usage(c, cmd, "--undated wants join or alone");
        return EXIT_USAGE;
      }
      i++;
    } else if (strcmp(a, "--limit") == 0 && v) {
      f.limit = strtoll(v, NULL, 10);
      i++;
    } else {
      die_usage(c, cmd, "unknown argument '%s'", a);
      return EXIT_USAGE;
    }
  }
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return EXIT_FAIL;
  px_store *st = NULL;
  int rc = open_clustered_store(c, ctx, &so, &st);
  if (rc == PX_OK) {
    rc = px_store_stories(st, &f, print_story, c);
    if (rc) errorf(c, "%s", px_ctx_error(ctx));
  }
  px_store_free(st);
  px_ctx_free(ctx);
  return rc ? EXIT_FAIL : EXIT_OK;
}

typedef struct story_out {
  cli *c;
  int n;
} story_out;

static int print_member(void *user, const px_story_member *m) {
  story_out *so = user;
  cli *c = so->c;
  const px_article *a = m->art;
  int has;
  int64_t t = px_article_published(a, &has);
  if (c->format == FMT_JSON) {
    fputs(so->n++ ? ",\n" : "\n", stdout);
    printf("  {\"id\":%lld,\"source\":", (long long)px_article_id(a));
    json_pstr(stdout, px_article_get(a, PX_F_SOURCE));
    fputs(",\"title\":", stdout);
    json_pstr(stdout, px_article_get(a, PX_F_TITLE));
    fputs(",\"url\":", stdout);
    json_pstr(stdout, px_article_get(a, PX_F_URL));
    fputs(",\"published\":", stdout);
    print_time_json(t, has);
    if (m->dup_of) printf(",\"dup_of\":%lld,\"exact\":%s", (long long)m->dup_of, m->dup_exact ? "true" : "false");
    else fputs(",\"dup_of\":null", stdout);
    printf(",\"wire_share\":%.3f,\"wire_source\":", m->wire_share);
    if (m->wire_source) printf("%lld", (long long)m->wire_source);
    else fputs("null", stdout);
    fputs(",\"wire_outlet\":", stdout);
    if (m->wire_source) json_pstr(stdout, m->wire_outlet);
    else fputs("null", stdout);
    printf(",\"undated\":%s,\"boilerplate\":%s,\"date_from_text\":%s,\"unplaced\":%s}",
           (m->flags & PX_SF_UNDATED) ? "true" : "false",
           (m->flags & PX_SF_BOILERPLATE) ? "true" : "false",
           (m->flags & PX_SF_DATE_FROM_TEXT) ? "true" : "false",
           (m->flags & PX_SF_UNPLACED) ? "true" : "false");
    return 0;
  }
  char when[32];
  format_time(t, has, when, sizeof(when));
  px_str src = px_article_get(a, PX_F_SOURCE), title = px_article_get(a, PX_F_TITLE);
  printf("%s%6lld%s  %-17s  %s%-22.*s%s  %.*s\n", col(c, C_DIM), (long long)px_article_id(a),
         col(c, C_RESET), when, col(c, C_CYAN), src.len ? (int)src.len : 9,
         src.len ? src.ptr : "(unknown)", col(c, C_RESET), title.len ? (int)title.len : 10,
         title.len ? title.ptr : "(no title)");
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
  if (c->format == FMT_JSON) {
    printf("{\"id\":%lld,\"headline\":", (long long)in->id);
    json_pstr(stdout, in->headline);
    fputs(",\"first\":", stdout);
    print_time_json(in->first, in->has_time);
    fputs(",\"last\":", stdout);
    print_time_json(in->last, in->has_time);
    printf(",\"outlets\":%lld,\"articles\":%lld,\"duplicates\":%lld,\"thread\":%lld,\"members\":[",
           (long long)in->outlets, (long long)in->articles, (long long)in->duplicates,
           (long long)in->thread);
    return 0;
  }
  char a[32], b[32];
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
  const command *cmd = find_command("story");
  int64_t id = 0;
  bool have = false, compare = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i,
                          FMTS_TEXT_JSON | (1 << FMT_MD) | (1 << FMT_HTML));
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    if (strcmp(a, "--compare") == 0) {
      compare = true;
      continue;
    }
    char *e;
    errno = 0;
    long long v = strtoll(a, &e, 10);
    if (!have && *a && !*e && !errno && v > 0) {
      id = v;
      have = true;
    } else {
      die_usage(c, cmd, "unknown argument '%s'", a);
      return EXIT_USAGE;
    }
  }
  if (!have) {
    die_usage(c, cmd, "which story? give its ID");
    return EXIT_USAGE;
  }
  if (compare) return story_compare(c, id);
  if (c->format == FMT_MD || c->format == FMT_HTML) {
    die_usage(c, cmd, "--format md and html go with --compare");
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return EXIT_FAIL;
  px_store *st = NULL;
  int rc = open_clustered_store(c, ctx, NULL, &st);
  int status = EXIT_OK;
  if (rc) {
    status = EXIT_FAIL;
    goto out;
  }
  story_out so = {c, 0};
  rc = px_store_story_get(st, id, print_story_head, &so);
  if (rc == PX_OK) rc = px_store_story_articles(st, id, print_member, &so);
  if (rc == PX_ENOTFOUND) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_NOTFOUND;
  } else if (rc) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
  } else if (c->format == FMT_JSON) {
    puts("\n]}");
  }
out:
  px_store_free(st);
  px_ctx_free(ctx);
  return status;
}
