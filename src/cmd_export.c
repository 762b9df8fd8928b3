/* cmd_export.c - parallax export: the store's contents as JSON Lines or CSV,
 * in the documented schemas (docs/export.md). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct exp {
  cli *c;
  px_store *st;
  int64_t n;
  bool header;
} exp;

/* True once, for the row that needs the CSV header before it. */
static bool first_row(exp *e) {
  bool first = !e->header;
  e->header = true;
  return first;
}

/* CSV field: quoted when it holds a comma, quote or newline (RFC 4180). */
static void csv_str(const char *p, size_t n) {
  bool q = false;
  for (size_t i = 0; i < n && !q; i++) q = p[i] == ',' || p[i] == '"' || p[i] == '\n' || p[i] == '\r';
  if (!q) {
    fwrite(p, 1, n, stdout);
    return;
  }
  putchar('"');
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '"') putchar('"');
    putchar(p[i]);
  }
  putchar('"');
}
static void csv_pstr(px_str s) { csv_str(s.ptr, s.len); }

static void time_field(exp *e, int64_t t, int has) {
  char buf[32];
  if (!has) {
    fputs(e->c->format == FMT_CSV ? "" : "null", stdout);
    return;
  }
  format_iso(t, buf, sizeof(buf));
  if (e->c->format == FMT_CSV) fputs(buf, stdout);
  else printf("\"%s\"", buf);
}

static int article_row(void *user, const px_article *a) {
  exp *e = user;
  int has;
  int64_t t = px_article_published(a, &has);
  if (e->c->format == FMT_CSV) {
    if (first_row(e)) puts("id,source,published,title,url,byline");
    printf("%lld,", (long long)px_article_id(a));
    csv_pstr(px_article_get(a, PX_F_SOURCE));
    putchar(',');
    time_field(e, t, has);
    putchar(',');
    csv_pstr(px_article_get(a, PX_F_TITLE));
    putchar(',');
    csv_pstr(px_article_get(a, PX_F_URL));
    putchar(',');
    csv_pstr(px_article_get(a, PX_F_BYLINE));
    putchar('\n');
  } else {
    printf("{\"id\":%lld,\"source\":", (long long)px_article_id(a));
    json_pstr(stdout, px_article_get(a, PX_F_SOURCE));
    fputs(",\"published\":", stdout);
    time_field(e, t, has);
    fputs(",\"title\":", stdout);
    json_pstr(stdout, px_article_get(a, PX_F_TITLE));
    fputs(",\"url\":", stdout);
    json_pstr(stdout, px_article_get(a, PX_F_URL));
    fputs(",\"byline\":", stdout);
    json_pstr(stdout, px_article_get(a, PX_F_BYLINE));
    fputs("}\n", stdout);
  }
  e->n++;
  return 0;
}

static int quote_row(void *user, const px_stored_quote *q) {
  exp *e = user;
  if (e->c->format == FMT_CSV) {
    if (first_row(e)) puts("id,article,source,published,kind,speaker,speaker_key,cue,start,end,text");
    printf("%lld,%lld,", (long long)q->id, (long long)q->article);
    csv_pstr(q->source);
    putchar(',');
    time_field(e, q->published, q->has_time);
    printf(",%s,", px_quote_kind_name(q->kind));
    csv_pstr(q->speaker_name);
    putchar(',');
    csv_pstr(q->speaker_key);
    putchar(',');
    csv_pstr(q->cue);
    printf(",%zu,%zu,", q->start, q->end);
    csv_pstr(q->text);
    putchar('\n');
  } else {
    printf("{\"id\":%lld,\"article\":%lld,\"source\":", (long long)q->id, (long long)q->article);
    json_pstr(stdout, q->source);
    fputs(",\"published\":", stdout);
    time_field(e, q->published, q->has_time);
    printf(",\"kind\":\"%s\",\"speaker\":", px_quote_kind_name(q->kind));
    if (q->speaker_key.len) {
      fputs("{\"name\":", stdout);
      json_pstr(stdout, q->speaker_name);
      fputs(",\"key\":", stdout);
      json_pstr(stdout, q->speaker_key);
      fputs("}", stdout);
    } else {
      fputs("null", stdout);
    }
    fputs(",\"cue\":", stdout);
    json_pstr(stdout, q->cue);
    printf(",\"start\":%zu,\"end\":%zu,\"text\":", q->start, q->end);
    json_pstr(stdout, q->text);
    fputs("}\n", stdout);
  }
  e->n++;
  return 0;
}

static int entity_row(void *user, const px_stored_entity *x) {
  exp *e = user;
  if (e->c->format == FMT_CSV) {
    if (first_row(e)) puts("key,name,type,articles,outlets,mentions");
    csv_pstr(x->key);
    putchar(',');
    csv_pstr(x->name);
    putchar(',');
    csv_pstr(x->type);
    printf(",%lld,%lld,%lld\n", (long long)x->articles, (long long)x->outlets,
           (long long)x->mentions);
  } else {
    fputs("{\"key\":", stdout);
    json_pstr(stdout, x->key);
    fputs(",\"name\":", stdout);
    json_pstr(stdout, x->name);
    fputs(",\"type\":", stdout);
    json_pstr(stdout, x->type);
    printf(",\"articles\":%lld,\"outlets\":%lld,\"mentions\":%lld}\n", (long long)x->articles,
           (long long)x->outlets, (long long)x->mentions);
  }
  e->n++;
  return 0;
}

/* Stories: one row per story; JSON carries its members. */
typedef struct members {
  exp *e;
  int n;
} members;

static int member_row(void *user, const px_story_member *m) {
  members *ms = user;
  printf("%s{\"article\":%lld,\"source\":", ms->n++ ? "," : "", (long long)px_article_id(m->art));
  json_pstr(stdout, px_article_get(m->art, PX_F_SOURCE));
  fputs(",\"title\":", stdout);
  json_pstr(stdout, px_article_get(m->art, PX_F_TITLE));
  int has;
  int64_t t = px_article_published(m->art, &has);
  fputs(",\"published\":", stdout);
  time_field(ms->e, t, has);
  fputs(",\"duplicate_of\":", stdout);
  if (m->dup_of) printf("%lld", (long long)m->dup_of);
  else fputs("null", stdout);
  printf(",\"wire_share\":%.3f,\"wire_source\":", m->wire_share);
  if (m->wire_source) printf("%lld", (long long)m->wire_source);
  else fputs("null", stdout);
  fputs("}", stdout);
  return 0;
}

static int story_row(void *user, const px_story_info *s) {
  exp *e = user;
  if (e->c->format == FMT_CSV) {
    if (first_row(e)) puts("id,first,last,articles,outlets,duplicates,headline");
    printf("%lld,", (long long)s->id);
    time_field(e, s->first, s->has_time);
    putchar(',');
    time_field(e, s->last, s->has_time);
    printf(",%lld,%lld,%lld,", (long long)s->articles, (long long)s->outlets,
           (long long)s->duplicates);
    csv_pstr(s->headline);
    putchar('\n');
  } else {
    printf("{\"id\":%lld,\"headline\":", (long long)s->id);
    json_pstr(stdout, s->headline);
    fputs(",\"first\":", stdout);
    time_field(e, s->first, s->has_time);
    fputs(",\"last\":", stdout);
    time_field(e, s->last, s->has_time);
    printf(",\"articles\":%lld,\"outlets\":%lld,\"duplicates\":%lld,\"members\":[",
           (long long)s->articles, (long long)s->outlets, (long long)s->duplicates);
    members ms = {e, 0};
    px_store_story_articles(e->st, s->id, member_row, &ms);
    fputs("]}\n", stdout);
  }
  e->n++;
  return 0;
}

int cmd_export(cli *c, int argc, char **argv) {
  const command *cmd = find_command("export");
  const char *what = NULL;
  px_article_filter af = {0};
  c->format = FMT_JSONL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i, (1 << FMT_JSONL) | (1 << FMT_CSV) | (1 << FMT_JSON));
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    r = time_option(c, cmd, argc, argv, &i, &af.since, &af.has_since, &af.until, &af.has_until);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--outlet") == 0 && v) {
      af.source = v;
      i++;
    } else if (a[0] != '-' && !what) {
      what = a;
    } else {
      die_usage(c, cmd, "unknown argument '%s'", a);
      return EXIT_USAGE;
    }
  }
  if (c->format == FMT_JSON) c->format = FMT_JSONL;
  if (!what || (strcmp(what, "articles") && strcmp(what, "stories") && strcmp(what, "quotes") &&
                strcmp(what, "entities"))) {
    die_usage(c, cmd, "say what to export: articles, stories, quotes or entities");
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  px_store *st;
  if (!open_db_read(c, &ctx, &st)) return EXIT_FAIL;
  int rc;
  exp e = {c, st, 0, false};
  if (strcmp(what, "articles") == 0) {
    rc = px_store_list(st, &af, article_row, &e);
  } else if (strcmp(what, "quotes") == 0) {
    px_quote_filter qf = {0};
    qf.source = af.source;
    qf.since = af.since, qf.has_since = af.has_since;
    qf.until = af.until, qf.has_until = af.has_until;
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
  if (rc) errorf(c, "%s", px_ctx_error(ctx));
  else if (!c->quiet) fprintf(stderr, "parallax: exported %lld %s\n", (long long)e.n, what);
  px_store_free(st);
  px_ctx_free(ctx);
  return rc ? EXIT_FAIL : EXIT_OK;
}
