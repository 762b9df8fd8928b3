/* cmd_quotes.c - parallax quotes: who said what, grouped by speaker and by
 * remark, with the outlets that carry each rendering. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>


/* A quote on one line: runs of white space (a quote over paragraphs) as one
 * space, at most max bytes, cut at a character boundary with an ellipsis. */
static void print_flat(px_str t, size_t max) {
  size_t n = t.len;
  bool cut = n > max;
  if (cut) {
    n = max;
    while (n > 0 && ((unsigned char)t.ptr[n] & 0xC0) == 0x80) n--;
  }
  /* written in pieces of up to 512 bytes, not a putchar a byte */
  char out[512];
  size_t o = 0;
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    char ch = t.ptr[i];
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = true;
      continue;
    }
    if (o + 2 > sizeof out) {
      fwrite(out, 1, o, stdout);
      o = 0;
    }
    if (space) out[o++] = ' ';
    space = false;
    out[o++] = ch;
  }
  fwrite(out, 1, o, stdout);
  if (cut) fputs("\u2026", stdout);
}

/* ---------------------------------------------------------- the command */

typedef struct article_info {
  char *source; /* outlet, or the origin when the input names none */
  char *title;
  char *ext_id;
  char *origin;
  int64_t id;   /* store id (0 for an input) */
  int64_t published;
  int has_time;
} article_info;

typedef struct qopts {
  const char *speaker; /* only this speaker */
  bool all_kinds;      /* also scare quotes and titles? (never grouped) */
  bool unknown;        /* list quotes without a named speaker */
  int64_t limit, offset; /* remarks; limit < 0: no limit */
} qopts;

typedef struct state {
  px_ctx *ctx;
  px_quoter *qt;
  px_analyzer *an;
  px_quote_groups *g;
  article_info *arts;
  size_t narts, cap;
  bool rejected;
  bool input_failed; /* an input could not be opened: exit 1 */
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
    st->input_failed = true;
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
    if (px_quotes_extract(st->qt, d, &qs)) {
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
    memset(ai, 0, sizeof *ai);
    ai->source = dup_str(src);
    ai->title = dup_str(px_article_get(art, PX_F_TITLE));
    ai->ext_id = dup_str(px_article_get(art, PX_F_ID));
    ai->origin = dup_str(px_article_get(art, PX_F_ORIGIN));
    ai->published = px_article_published(art, &ai->has_time);
    px_quote_groups_set_time(st->g, ai->published, ai->has_time);
    for (size_t i = 0; i < px_quotes_count(qs); i++) {
      px_quote q;
      if (px_quotes_get(qs, i, &q) == PX_OK) px_quote_groups_set_place(st->g, (int64_t)st->narts, q.start, q.end);
      if (px_quote_groups_add(st->g, qs, i, (int64_t)st->narts)) status = EXIT_FAIL;
    }
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
    memset(ai, 0, sizeof *ai);
    ai->source = dup_str(q->source);
    ai->title = dup_str(q->title);
    ai->ext_id = dup_str(q->ext_id);
    ai->id = q->article;
    ai->published = q->published;
    ai->has_time = q->has_time;
    f->last_article = q->article;
  }
  px_quote_groups_set_time(st->g, q->published, q->has_time);
  px_quote_groups_set_place(st->g, q->article, q->start, q->end);
  if (px_quote_groups_add_text(st->g, q->speaker_name.ptr, q->speaker_name.len, q->text.ptr,
                               q->text.len, q->kind, (int64_t)st->narts - 1)) {
    f->status = EXIT_FAIL;
    return 1;
  }
  return 0;
}

static int read_store(cli *c, state *st, px_quote_filter *qf, const char *article) {
  px_store *db = NULL;
  px_ctx *dctx = NULL;
  if (!open_db_read(c, &dctx, &db)) return EXIT_FAIL;
  if (article) {
    int status = resolve_article(c, db, article, qf->source, false, &qf->article);
    if (status) {
      px_store_free(db);
      px_ctx_free(dctx);
      return status;
    }
    qf->source = NULL; /* --outlet named the article's outlet */
  }
  store_feed f = {st, 0, EXIT_OK};
  int rc = px_store_quotes(db, qf, feed_stored, &f);
  if (rc) errorf(c, "%s", px_ctx_error(dctx));
  px_store_free(db);
  px_ctx_free(dctx);
  return rc ? EXIT_FAIL : f.status;
}

/* Items of the speaker groups of the person asked for (all of them when
 * none was): wanted[] from px_quote_groups_select. */
static bool wanted_speaker(const px_quote_item *it, const qopts *o, const unsigned char *wanted) {
  if (!o->speaker) return true;
  return it->speaker_group != (size_t)-1 && wanted[it->speaker_group];
}

static int article_ref(void *user, int64_t tag, px_article_ref *out) {
  const state *st = user;
  if (tag < 0 || (size_t)tag >= st->narts) return 1;
  const article_info *ai = &st->arts[tag];
#define S(x) ((px_str){(x) ? (x) : "", (x) ? strlen(x) : 0})
  out->id = ai->id;
  out->ext_id = S(ai->ext_id);
  out->source = S(ai->source);
  out->title = S(ai->title);
  out->origin = S(ai->origin);
#undef S
  out->published = ai->published;
  out->has_time = ai->has_time;
  return 0;
}

static int print_grouped(cli *c, state *st, const qopts *o) {
  size_t n = px_quote_groups_items(st->g);
  size_t ns = px_quote_groups_speakers(st->g), nr = px_quote_groups_remarks(st->g);
  int status = EXIT_OK;
  px_json *j = NULL;
  if (c->format != FMT_TEXT && !(j = out_records(c))) return EXIT_FAIL;
  /* speakers in order of quote count, most quoted first */
  size_t *count = calloc(ns + 1, sizeof *count);
  size_t *order = calloc(ns + 1, sizeof *order);
  size_t *items = calloc(n + 1, sizeof *items);
  char *seen = calloc(nr + 1, 1);
  unsigned char *wanted = calloc(ns + 1, 1);
  /* every item once, and for each the next item of its remark */
  px_quote_item *all = calloc(n + 1, sizeof *all);
  size_t *rnext = calloc(n + 1, sizeof *rnext);
  size_t *rlast = calloc(nr + 1, sizeof *rlast);
  int64_t skip = o->offset, left = o->limit;
  if (!count || !order || !seen || !items || !wanted || !all || !rnext || !rlast) {
    errorf(c, "out of memory");
    status = EXIT_FAIL;
    goto out;
  }
  if (o->speaker) px_quote_groups_select(st->g, o->speaker, strlen(o->speaker), wanted);
  for (size_t i = 0; i < n; i++) {
    px_quote_groups_item(st->g, i, &all[i]);
    if (all[i].speaker_group != (size_t)-1) count[all[i].speaker_group]++;
  }
  for (size_t r = 0; r < nr; r++) rlast[r] = (size_t)-1;
  for (size_t i = n; i-- > 0;) {
    size_t r = all[i].remark;
    rnext[i] = r < nr ? rlast[r] : (size_t)-1;
    if (r < nr) rlast[r] = i;
  }
  for (size_t i = 0; i < ns; i++) order[i] = i;
  for (size_t i = 1; i < ns; i++) { /* insertion sort, stable */
    size_t x = order[i], k = i;
    while (k > 0 && count[order[k - 1]] < count[x]) {
      order[k] = order[k - 1];
      k--;
    }
    order[k] = x;
  }
  bool first_spk = true;
  for (size_t oi = 0; oi <= ns && left != 0; oi++) {
    size_t sg = oi < ns ? order[oi] : (size_t)-1; /* last: the unknown speakers */
    if (sg == (size_t)-1 && (!o->unknown || o->speaker)) break;
    /* the speaker's name: its most frequent spelling (the first 200 quotes) */
    px_str name = {"", 0};
    size_t nq = 0, best = 0;
    for (size_t i = 0; i < n; i++) {
      const px_quote_item *it = &all[i];
      if (it->speaker_group != sg || !wanted_speaker(it, o, wanted)) continue;
      if (nq++ >= 200 || !it->speaker.len) continue;
      size_t same = 0;
      for (size_t k = i; k < n && same < 200; k++) {
        const px_quote_item *v = &all[k];
        same += v->speaker_group == sg && v->speaker.len == it->speaker.len &&
                memcmp(v->speaker.ptr, it->speaker.ptr, it->speaker.len) == 0;
      }
      if (same > best || (same == best && it->speaker.len > name.len)) {
        best = same;
        name = it->speaker;
      }
    }
    if (!nq) continue;
    bool head = false;
    for (size_t i = 0; i < n && left != 0; i++) {
      const px_quote_item *it = &all[i];
      if (it->speaker_group != sg || !wanted_speaker(it, o, wanted) || seen[it->remark]) continue;
      seen[it->remark] = 1;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (left > 0) left--;
      size_t r = it->remark, m = 0;
      for (size_t k = i; k != (size_t)-1; k = rnext[k])
        if (all[k].remark == r && all[k].speaker_group == sg) items[m++] = k;
      if (j) {
        px_json_remark(j, st->g, r, sg == (size_t)-1 ? (px_str){"", 0} : name, items, m,
                       article_ref, st, 0);
        continue;
      }
      if (!head) {
        printf("%s%s%.*s%s  (%zu quote%s)\n", first_spk ? "" : "\n", col(c, C_BOLD),
               sg == (size_t)-1 ? 17 : (int)name.len, sg == (size_t)-1 ? "(unknown speaker)" : name.ptr,
               col(c, C_RESET), nq, nq == 1 ? "" : "s");
        first_spk = false;
        head = true;
      }
      for (size_t k = 0; k < m; k++) {
        const px_quote_item *v = &all[items[k]];
        const article_info *ai = &st->arts[v->tag];
        /* one line pair per rendering, written piece by piece (thousands of
         * them for a much quoted person: no format string parsed each time) */
        fputs(k == 0 ? "  *" : "   ", stdout);
        fputs(v->kind == PX_QUOTE_INDIRECT ? " ~ \"" : v->kind == PX_QUOTE_PARTIAL ? " . \"" : "   \"",
              stdout);
        print_flat(v->text, 300);
        fputs("\"\n      ", stdout);
        fputs(col(c, C_DIM), stdout);
        if (ai->source) fputs(ai->source, stdout);
        fputs(v->kind == PX_QUOTE_DIRECT ? "" : v->kind == PX_QUOTE_PARTIAL ? " (partial)" : " (reported)",
              stdout);
        /* each rendering with its own speaker when it differs from the group's name */
        bool own = sg != (size_t)-1 && (v->speaker.len != name.len ||
                                        memcmp(v->speaker.ptr, name.ptr, name.len) != 0);
        if (own) {
          fputs(v->speaker.len ? " · speaker: " : " · speaker not named", stdout);
          fwrite(v->speaker.ptr, 1, v->speaker.len ? strnlen(v->speaker.ptr, v->speaker.len) : 0, stdout);
        }
        if (ai->id) {
          char num[32];
          int nn = snprintf(num, sizeof num, "  article %lld", (long long)ai->id);
          fwrite(num, 1, (size_t)nn, stdout);
        }
        if (ai->ext_id && ai->ext_id[0]) {
          fputs(" [", stdout);
          fputs(ai->ext_id, stdout);
          putchar(']');
        }
        fputs(col(c, C_RESET), stdout);
        putchar('\n');
      }
    }
  }
  if (!c->quiet)
    fprintf(stderr, "%zu article%s, %zu quote%s, %zu speaker%s, %zu remark%s\n", st->narts,
            st->narts == 1 ? "" : "s", n, n == 1 ? "" : "s", ns, ns == 1 ? "" : "s", nr,
            nr == 1 ? "" : "s");
out:
  if (j && end_records(c, j)) status = EXIT_FAIL;
  free(count);
  free(order);
  free(items);
  free(seen);
  free(wanted);
  free(all);
  free(rnext);
  free(rlast);
  return status;
}

int cmd_quotes(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "quotes", argc, argv, &a);
  if (r >= 0) return r;
  const command *cmd = a.cmd;
  qopts o = {0};
  state st = {0};
  int status = EXIT_OK;
  px_quote_filter qf = {0};
  o.speaker = opt_str(&a, "speaker", NULL);
  o.unknown = opt_flag(&a, "unknown");
  o.limit = opt_int(&a, "limit", -1);
  o.offset = opt_int(&a, "offset", 0);
  qf.source = outlet_opt(&a);
  qf.has_since = opt_time(&a, "since", &qf.since);
  qf.has_until = opt_time(&a, "until", &qf.until);
  const char *article = opt_str(&a, "article", NULL);
  int ninputs = a.npos;
  if (ninputs && (qf.source || qf.has_since || qf.has_until || article)) {
    die_usage(c, cmd, "--article, --outlet, --since and --until filter the database (give no INPUT)");
    status = EXIT_USAGE;
    goto out;
  }
  /* the analyzer and the quoter only for INPUTs: stored quotes come with
   * their speakers (building the analyzer's tables is a tenth of a query) */
  if (px_ctx_new(&st.ctx) || px_quote_groups_new(&st.g) ||
      (ninputs && (px_analyzer_new(st.ctx, &st.an) || px_quoter_new(&st.qt)))) {
    errorf(c, "out of memory");
    status = EXIT_FAIL;
    goto out;
  }
  if ((status = apply_fields(c, &a, st.ctx))) goto out;
  if (!ninputs) {
    qf.speaker = o.speaker;
    status = read_store(c, &st, &qf, article);
  }
  for (int i = 0; i < ninputs && status == EXIT_OK; i++) status = read_input(c, &st, a.pos[i]);
  if (status == EXIT_OK) {
    if (px_quote_groups_finish(st.g)) {
      errorf(c, "out of memory");
      status = EXIT_FAIL;
    } else {
      status = print_grouped(c, &st, &o);
    }
  }
  if (status == EXIT_OK && st.input_failed) status = EXIT_FAIL;
  if (status == EXIT_OK && st.rejected) status = EXIT_PARTIAL;
out:
  for (size_t i = 0; i < st.narts; i++) {
    free(st.arts[i].source);
    free(st.arts[i].title);
    free(st.arts[i].ext_id);
    free(st.arts[i].origin);
  }
  free(st.arts);
  px_quote_groups_free(st.g);
  px_quoter_free(st.qt);
  px_analyzer_free(st.an);
  px_ctx_free(st.ctx);
  free_args(&a);
  return status;
}
