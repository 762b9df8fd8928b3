/* cmd_quotes.c - parallax quotes: who said what, grouped by speaker and by
 * remark, with the outlets that carry each rendering; and the "quotes"
 * array of parallax analyze --format json. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* One quoter for the process: its tables are read-only once made. */

/* A quote on one line: runs of white space (a quote over paragraphs) as one
 * space, at most max bytes, cut at a character boundary with an ellipsis. */
static void print_flat(px_str t, size_t max) {
  size_t n = t.len;
  bool cut = n > max;
  if (cut) {
    n = max;
    while (n > 0 && ((unsigned char)t.ptr[n] & 0xC0) == 0x80) n--;
  }
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    char ch = t.ptr[i];
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = true;
      continue;
    }
    if (space) putchar(' ');
    space = false;
    putchar(ch);
  }
  if (cut) fputs("\u2026", stdout);
}

static px_quoter *g_quoter;

static px_quoter *quoter(void) {
  if (!g_quoter && px_quoter_new(&g_quoter) != PX_OK) g_quoter = NULL;
  return g_quoter;
}

static void print_quote_json(const px_quotes *qs, size_t i, const px_str body) {
  px_quote q;
  if (px_quotes_get(qs, i, &q)) return;
  printf("{\"start\":%zu,\"end\":%zu,\"text\":", q.start, q.end);
  json_pstr(stdout, q.text);
  printf(",\"kind\":\"%s\",\"spans\":[", px_quote_kind_name(q.kind));
  for (size_t j = 0; j < q.nspans; j++) {
    size_t s, e;
    px_quotes_span(qs, i, j, &s, &e);
    printf("%s[%zu,%zu]", j ? "," : "", s, e);
  }
  printf("],\"content\":[%zu,%zu],\"cue\":", q.content_start, q.content_end);
  if (q.cue.len) {
    json_pstr(stdout, q.cue);
    printf(",\"cue_start\":%zu,\"cue_end\":%zu", q.cue_start, q.cue_end);
  } else {
    fputs("null", stdout);
  }
  fputs(",\"speaker\":", stdout);
  if (q.has_speaker) {
    fputs("{\"entity\":", stdout);
    if (q.speaker_entity >= 0) printf("%ld", q.speaker_entity);
    else fputs("null", stdout);
    fputs(",\"name\":", stdout);
    json_pstr(stdout, q.speaker_name);
    fputs(",\"key\":", stdout);
    json_pstr(stdout, q.speaker_key);
    printf(",\"start\":%zu,\"end\":%zu,\"text\":", q.speaker_start, q.speaker_end);
    json_str(stdout, body.ptr + q.speaker_start, q.speaker_end - q.speaker_start);
    fputs("}", stdout);
  } else {
    fputs("null", stdout);
  }
  fputs("}", stdout);
}

/* The quotes of d as ,"quotes":[...] for parallax analyze --format json. */
int quotes_print_json(const px_doc *d) {
  px_quoter *qt = quoter();
  px_quotes *qs = NULL;
  if (!qt || px_quotes_extract(qt, d, &qs)) {
    fputs(",\"quotes\":[]", stdout);
    return PX_ENOMEM;
  }
  px_str body = px_doc_body(d);
  fputs(",\"quotes\":[", stdout);
  for (size_t i = 0; i < px_quotes_count(qs); i++) {
    if (i) fputc(',', stdout);
    print_quote_json(qs, i, body);
  }
  fputc(']', stdout);
  px_quotes_free(qs);
  return PX_OK;
}

/* ---------------------------------------------------------- the command */

typedef struct article_info {
  char *source; /* outlet, or the origin when the input names none */
  char *title;
} article_info;

typedef struct qopts {
  const char *speaker; /* only this speaker */
  bool all_kinds;      /* also scare quotes and titles? (never grouped) */
  bool unknown;        /* list quotes without a named speaker */
  long limit;
} qopts;

typedef struct state {
  px_ctx *ctx;
  px_analyzer *an;
  px_quote_groups *g;
  article_info *arts;
  size_t narts, cap;
  bool rejected;
} state;

static char *dup_str(px_str s) {
  char *p = malloc(s.len + 1);
  if (!p) return NULL;
  memcpy(p, s.ptr, s.len);
  p[s.len] = 0;
  return p;
}

static int read_input(cli *c, state *st, const char *path) {
  px_reader *rd = NULL;
  int rc = px_reader_open(st->ctx, path, &rd);
  if (rc) {
    errorf(c, "%s", px_ctx_error(st->ctx)[0] ? px_ctx_error(st->ctx) : px_strerror(rc));
    st->rejected = true;
    return EXIT_OK;
  }
  int status = EXIT_OK;
  for (;;) {
    px_article *art;
    rc = px_reader_next(rd, &art);
    if (rc == PX_EOF) break;
    if (rc == PX_ENOMEM) {
      errorf(c, "out of memory");
      status = EXIT_FAIL;
      break;
    }
    if (rc != PX_OK) {
      st->rejected = true;
      if (!c->quiet) fprintf(stderr, "%s: %s\n", c->prog, px_reader_error(rd));
      if (px_reader_error_is_fatal(rd)) break;
      continue;
    }
    px_doc *d = NULL;
    if (px_analyze(st->an, art, &d)) {
      errorf(c, "%s: %s", px_article_get(art, PX_F_ORIGIN).ptr, px_ctx_error(st->ctx));
      st->rejected = true;
      continue;
    }
    px_quotes *qs = NULL;
    if (px_quotes_extract(quoter(), d, &qs)) {
      px_doc_free(d);
      errorf(c, "out of memory");
      status = EXIT_FAIL;
      break;
    }
    if (st->narts == st->cap) {
      size_t nc = st->cap ? st->cap * 2 : 64;
      article_info *v = realloc(st->arts, nc * sizeof *v);
      if (!v) {
        px_quotes_free(qs);
        px_doc_free(d);
        status = EXIT_FAIL;
        break;
      }
      st->arts = v;
      st->cap = nc;
    }
    px_str src = px_article_get(art, PX_F_SOURCE);
    if (!src.len) src = px_article_get(art, PX_F_ORIGIN);
    article_info *ai = &st->arts[st->narts];
    ai->source = dup_str(src);
    ai->title = dup_str(px_article_get(art, PX_F_TITLE));
    for (size_t i = 0; i < px_quotes_count(qs); i++)
      if (px_quote_groups_add(st->g, qs, i, (int64_t)st->narts)) status = EXIT_FAIL;
    st->narts++;
    px_quotes_free(qs);
    px_doc_free(d);
    if (status) break;
  }
  px_reader_free(rd);
  return status;
}

/* Store mode (no INPUT): the stored quotes, filtered in the store by
 * speaker (any spelling), outlet and time, then grouped like read quotes. */
typedef struct store_feed {
  state *st;
  int64_t last_article;
  int status;
} store_feed;

static int feed_stored(void *user, const px_stored_quote *q) {
  store_feed *f = user;
  state *st = f->st;
  if (q->article != f->last_article) {
    if (st->narts == st->cap) {
      size_t nc = st->cap ? st->cap * 2 : 64;
      article_info *v = realloc(st->arts, nc * sizeof *v);
      if (!v) {
        f->status = EXIT_FAIL;
        return 1;
      }
      st->arts = v;
      st->cap = nc;
    }
    article_info *ai = &st->arts[st->narts++];
    ai->source = dup_str(q->source);
    ai->title = dup_str(q->title);
    f->last_article = q->article;
  }
  if (px_quote_groups_add_text(st->g, q->speaker_name.ptr, q->speaker_name.len, q->text.ptr,
                               q->text.len, q->kind, (int64_t)st->narts - 1)) {
    f->status = EXIT_FAIL;
    return 1;
  }
  return 0;
}

static int read_store(cli *c, state *st, const px_quote_filter *qf) {
  px_store *db = NULL;
  int rc = px_store_open(st->ctx, c->db_path, PX_OPEN_READ, &db);
  if (rc) {
    errorf(c, "%s", px_ctx_error(st->ctx));
    return EXIT_FAIL;
  }
  store_feed f = {st, 0, EXIT_OK};
  rc = px_store_quotes(db, qf, feed_stored, &f);
  if (rc) errorf(c, "%s", px_ctx_error(st->ctx));
  px_store_free(db);
  return rc ? EXIT_FAIL : f.status;
}

/* Items of the speaker groups of the person asked for (all of them when
 * none was): wanted[] from px_quote_groups_select. */
static bool wanted_speaker(const px_quote_item *it, const qopts *o, const unsigned char *wanted) {
  if (!o->speaker) return true;
  return it->speaker_group != (size_t)-1 && wanted[it->speaker_group];
}

static void print_grouped(cli *c, state *st, const qopts *o) {
  size_t n = px_quote_groups_items(st->g);
  size_t ns = px_quote_groups_speakers(st->g), nr = px_quote_groups_remarks(st->g);
  bool json = c->format == FMT_JSON;
  /* speakers in order of quote count, most quoted first */
  size_t *count = calloc(ns + 1, sizeof *count);
  size_t *order = calloc(ns + 1, sizeof *order);
  char *seen = calloc(nr + 1, 1);
  unsigned char *wanted = calloc(ns + 1, 1);
  if (!count || !order || !seen || !wanted) goto out;
  if (o->speaker) px_quote_groups_select(st->g, o->speaker, strlen(o->speaker), wanted);
  for (size_t i = 0; i < n; i++) {
    px_quote_item it;
    px_quote_groups_item(st->g, i, &it);
    if (it.speaker_group != (size_t)-1) count[it.speaker_group]++;
  }
  for (size_t i = 0; i < ns; i++) order[i] = i;
  for (size_t i = 1; i < ns; i++) { /* insertion sort, stable */
    size_t x = order[i], j = i;
    while (j > 0 && count[order[j - 1]] < count[x]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = x;
  }
  if (json) fputs("{\"speakers\":[", stdout);
  bool first_spk = true;
  for (size_t oi = 0; oi <= ns; oi++) {
    size_t sg = oi < ns ? order[oi] : (size_t)-1; /* last: the unknown speakers */
    if (sg == (size_t)-1 && (!o->unknown || o->speaker)) break;
    /* the speaker's name: its most frequent spelling (the first 200 quotes) */
    px_str name = {"", 0};
    size_t nq = 0, best = 0;
    for (size_t i = 0; i < n; i++) {
      px_quote_item it;
      px_quote_groups_item(st->g, i, &it);
      if (it.speaker_group != sg || !wanted_speaker(&it, o, wanted)) continue;
      if (nq++ >= 200 || !it.speaker.len) continue;
      size_t same = 0;
      for (size_t k = i; k < n && same < 200; k++) {
        px_quote_item v;
        px_quote_groups_item(st->g, k, &v);
        same += v.speaker_group == sg && v.speaker.len == it.speaker.len &&
                memcmp(v.speaker.ptr, it.speaker.ptr, it.speaker.len) == 0;
      }
      if (same > best || (same == best && it.speaker.len > name.len)) {
        best = same;
        name = it.speaker;
      }
    }
    if (!nq) continue;
    if (json) {
      printf("%s{\"name\":", first_spk ? "" : ",");
      if (sg == (size_t)-1) fputs("null", stdout);
      else json_pstr(stdout, name);
      printf(",\"quotes\":%zu,\"remarks\":[", nq);
    } else {
      printf("%s%s%.*s%s  (%zu quote%s)\n", first_spk ? "" : "\n", col(c, C_BOLD),
             sg == (size_t)-1 ? 16 : (int)name.len, sg == (size_t)-1 ? "(unknown speaker)" : name.ptr,
             col(c, C_RESET), nq, nq == 1 ? "" : "s");
    }
    first_spk = false;
    bool first_rem = true;
    for (size_t i = 0; i < n; i++) {
      px_quote_item it;
      px_quote_groups_item(st->g, i, &it);
      if (it.speaker_group != sg || !wanted_speaker(&it, o, wanted) || seen[it.remark]) continue;
      seen[it.remark] = 1;
      size_t r = it.remark;
      /* the remark's variants */
      if (json) printf("%s{\"variants\":[", first_rem ? "" : ",");
      first_rem = false;
      bool first_var = true;
      for (size_t k = i; k < n; k++) {
        px_quote_item v;
        px_quote_groups_item(st->g, k, &v);
        if (v.remark != r || v.speaker_group != sg) continue;
        const article_info *ai = &st->arts[v.tag];
        if (json) {
          printf("%s{\"text\":", first_var ? "" : ",");
          json_pstr(stdout, v.text);
          printf(",\"kind\":\"%s\",\"speaker\":", px_quote_kind_name(v.kind));
          json_pstr(stdout, v.speaker);
          printf(",\"article\":%lld,\"outlet\":", (long long)v.tag);
          json_str(stdout, ai->source ? ai->source : "", ai->source ? strlen(ai->source) : 0);
          printf(",\"similarity\":%.3f}", v.similarity);
        } else {
          printf("  %s%s \"", first_var ? "*" : " ",
                 v.kind == PX_QUOTE_INDIRECT ? " ~" : v.kind == PX_QUOTE_PARTIAL ? " ." : "  ");
          print_flat(v.text, 300);
          /* each rendering with its own speaker when it differs from the group's name */
          bool own = sg != (size_t)-1 && (v.speaker.len != name.len ||
                                          memcmp(v.speaker.ptr, name.ptr, name.len) != 0);
          printf("\"\n      %s%s%s%s%.*s%s\n", col(c, C_DIM), ai->source ? ai->source : "",
                 v.kind == PX_QUOTE_DIRECT ? "" : v.kind == PX_QUOTE_PARTIAL ? " (partial)" : " (reported)",
                 own ? (v.speaker.len ? " · speaker: " : " · speaker not named") : "",
                 own ? (int)v.speaker.len : 0, own ? v.speaker.ptr : "", col(c, C_RESET));
        }
        first_var = false;
      }
      if (json) fputs("]}", stdout);
    }
    if (json) fputs("]}", stdout);
  }
  if (json) printf("],\"articles\":%zu,\"quotes\":%zu,\"remarks\":%zu}\n", st->narts, n, nr);
  else if (!c->quiet)
    fprintf(stderr, "%zu article%s, %zu quotes, %zu speakers, %zu remarks\n", st->narts,
            st->narts == 1 ? "" : "s", n, ns, nr);
out:
  free(count);
  free(order);
  free(seen);
  free(wanted);
}

int cmd_quotes(cli *c, int argc, char **argv) {
  const command *cmd = find_command("quotes");
  qopts o = {0};
  state st = {0};
  int status = EXIT_OK;
  const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  if (!inputs) return EXIT_FAIL;
  int ninputs = 0;
  px_quote_filter qf = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-") == 0 || a[0] != '-') {
      inputs[ninputs++] = a;
      continue;
    }
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) {
      status = EXIT_USAGE;
      goto out;
    }
    if (r > 0) continue;
    r = time_option(c, cmd, argc, argv, &i, &qf.since, &qf.has_since, &qf.until, &qf.has_until);
    if (r < 0) {
      status = EXIT_USAGE;
      goto out;
    }
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--speaker") == 0 && v) {
      o.speaker = v;
      i++;
    } else if (strcmp(a, "--outlet") == 0 && v) {
      qf.source = v;
      i++;
    } else if (strcmp(a, "--unknown") == 0) {
      o.unknown = true;
    } else {
      die_usage(c, cmd, "unknown option '%s'", a);
      status = EXIT_USAGE;
      goto out;
    }
  }
  if (ninputs && (qf.source || qf.has_since || qf.has_until)) {
    die_usage(c, cmd, "--outlet, --since and --until filter the database (give no INPUT)");
    status = EXIT_USAGE;
    goto out;
  }
  if (px_ctx_new(&st.ctx) || px_analyzer_new(st.ctx, &st.an) || px_quote_groups_new(&st.g) ||
      !quoter()) {
    errorf(c, "out of memory");
    status = EXIT_FAIL;
    goto out;
  }
  if (!ninputs) {
    qf.speaker = o.speaker;
    status = read_store(c, &st, &qf);
  }
  for (int i = 0; i < ninputs && status == EXIT_OK; i++) status = read_input(c, &st, inputs[i]);
  if (status == EXIT_OK) {
    if (px_quote_groups_finish(st.g)) {
      errorf(c, "out of memory");
      status = EXIT_FAIL;
    } else {
      print_grouped(c, &st, &o);
    }
  }
  if (status == EXIT_OK && st.rejected) status = EXIT_PARTIAL;
out:
  for (size_t i = 0; i < st.narts; i++) {
    free(st.arts[i].source);
    free(st.arts[i].title);
  }
  free(st.arts);
  px_quote_groups_free(st.g);
  px_analyzer_free(st.an);
  px_ctx_free(st.ctx);
  px_quoter_free(g_quoter);
  g_quoter = NULL;
  free(inputs);
  return status;
}
