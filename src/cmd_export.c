/* cmd_export.c - parallax export: the store's contents as JSON Lines or CSV,
 * through the library's record serializers (docs/schema/, docs/export.md). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct exp {
  cli *c;
  px_store *st;
  px_json *j;
  int64_t n, skip, left; /* records written; --offset; --limit (left < 0: none) */
} exp;

/* --offset and --limit over any listing: 1 skip this row, 0 write it,
 * -1 stop. */
static int take(exp *e) {
  if (e->skip > 0) {
    e->skip--;
    return 1;
  }
  if (e->left == 0) return -1;
  if (e->left > 0) e->left--;
  e->n++;
  return 0;
}

static int article_row(void *user, const px_article *a) {
  exp *e = user;
  int t = take(e);
  if (t) return t < 0;
  return px_json_article(e->j, a, 0) != PX_OK;
}

static int quote_row(void *user, const px_stored_quote *q) {
  exp *e = user;
  int t = take(e);
  if (t) return t < 0;
  return px_json_stored_quote(e->j, q, 0) != PX_OK;
}

static int entity_row(void *user, const px_stored_entity *x) {
  exp *e = user;
  int t = take(e);
  if (t) return t < 0;
  return px_json_stored_entity(e->j, x, 0) != PX_OK;
}

typedef struct members {
  px_json *j;
  int64_t story;
} members;

static int member_row(void *user, const px_story_member *m) {
  members *ms = user;
  return px_json_story_member(ms->j, ms->story, m, 0) != PX_OK;
}

/* Stories: JSON carries the members; CSV one row per story (the members
 * are exported with 'story --format csv'). */
static int story_row(void *user, const px_story_info *s) {
  exp *e = user;
  int t = take(e);
  if (t) return t < 0;
  if (e->c->format == FMT_CSV) return px_json_story(e->j, s, 0) != PX_OK;
  px_json_story(e->j, s, PX_JSON_OPEN);
  px_json_key(e->j, "members");
  px_json_array(e->j);
  members ms = {e->j, s->id};
  int rc = px_store_story_articles(e->st, s->id, member_row, &ms);
  px_json_array_end(e->j);
  px_json_object_end(e->j);
  return rc != PX_OK || px_json_status(e->j) != PX_OK;
}

int cmd_export(cli *c, int argc, char **argv) {
  c->format = FMT_JSONL;
  args a;
  int r = start_command(c, "export", argc, argv, &a);
  if (r >= 0) return r;
  const command *cmd = a.cmd;
  const char *what = a.pos[0];
  px_article_filter af = {0};
  af.source = outlet_opt(&a);
  af.has_since = opt_time(&a, "since", &af.since);
  af.has_until = opt_time(&a, "until", &af.until);
  if (c->format == FMT_JSON) c->format = FMT_JSONL;
  if (strcmp(what, "articles") && strcmp(what, "stories") && strcmp(what, "quotes") &&
      strcmp(what, "entities")) {
    static const char *const kinds[] = {"articles", "stories", "quotes", "entities"};
    const char *m = did_you_mean(what, kinds, 4);
    die_usage(c, cmd, "cannot export '%s'%s%s%s: say articles, stories, quotes or entities", what,
              m ? " (did you mean '" : "", m ? m : "", m ? "'?)" : "");
    free_args(&a);
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  exp e = {c, st, NULL, 0, opt_int(&a, "offset", 0), opt_int(&a, "limit", -1)};
  int status = EXIT_OK, rc = PX_OK;
  if (!(e.j = out_records(c))) status = EXIT_FAIL;
  if (status) {
  } else if (strcmp(what, "articles") == 0) {
    rc = px_store_list(st, &af, article_row, &e);
  } else if (strcmp(what, "quotes") == 0) {
    px_quote_filter qf = {0};
    qf.source = af.source;
    qf.since = af.since, qf.has_since = af.has_since;
    qf.until = af.until, qf.has_until = af.has_until;
    qf.with_scare = 1; /* every stored quote, as stats counts them */
    rc = px_store_quotes(st, &qf, quote_row, &e);
  } else if (strcmp(what, "entities") == 0) {
    af.limit = INT64_MAX;
    rc = px_store_entities(st, &af, entity_row, &e);
  } else {
    px_story_filter sf = {0};
    sf.since = af.since, sf.has_since = af.has_since;
    sf.until = af.until, sf.has_until = af.has_until;
    sf.outlet = af.source;
    rc = px_store_stories(st, &sf, story_row, &e);
  }
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
  }
  if (e.j && end_records(c, e.j)) status = EXIT_FAIL;
  if (!status && !c->quiet) fprintf(stderr, "parallax: exported %lld %s\n", (long long)e.n, what);
  px_store_free(st);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
