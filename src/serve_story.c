/* serve_story.c - the story page (the editor's brief) and the article page
 * (its sentences marked shared / unique / quoted / furniture), with their
 * JSON twins.  Both read the story's comparison report (the JSON of
 * px_store_story_report, docs/schema/compare.schema.json), kept in the
 * server's memory cache while the story's membership is unchanged. */
#include "serve_page.h"

#include <jansson.h>
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ members */

typedef struct mem {
  int64_t id, t, dup_of;
  int has_time;
  double wire;
  char *source, *title, *url, *wire_outlet;
} mem;
typedef struct mems {
  mem *v;
  size_t n, cap;
  bool oom;
  sbuf *json; /* the api twin's members, when wanted */
  int64_t story;
} mems;

static int collect_member(void *u, const px_story_member *m) {
  mems *ms = u;
  if (ms->json) {
    if (ms->n) sb_s(ms->json, ",\n");
    sj_member(ms->json, ms->story, m);
  }
  if (ms->n == ms->cap) {
    size_t cap = ms->cap ? ms->cap * 2 : 16;
    mem *v = realloc(ms->v, cap * sizeof(*v));
    if (!v) {
      ms->oom = true;
      return 1;
    }
    ms->v = v;
    ms->cap = cap;
  }
  mem *w = &ms->v[ms->n];
  memset(w, 0, sizeof(*w));
  w->id = px_article_id(m->art);
  w->t = px_article_published(m->art, &w->has_time);
  w->dup_of = m->dup_of;
  w->wire = m->wire_share;
  w->source = str_dup(px_article_get(m->art, PX_F_SOURCE));
  w->title = str_dup(px_article_get(m->art, PX_F_TITLE));
  w->url = str_dup(px_article_get(m->art, PX_F_URL));
  w->wire_outlet = str_dup(m->wire_outlet);
  ms->n++;
  if (!w->source || !w->title || !w->url || !w->wire_outlet) {
    ms->oom = true;
    return 1;
  }
  return 0;
}

static void mems_free(mems *ms) {
  for (size_t i = 0; i < ms->n; i++) {
    free(ms->v[i].source);
    free(ms->v[i].title);
    free(ms->v[i].url);
    free(ms->v[i].wire_outlet);
  }
  free(ms->v);
}

/* The story's membership: its member ids, sorted, as bytes (a cache
 * entry's check bytes, compared whole).  NULL when out of memory. */
static int cmp_id(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}
static int64_t *member_ids(const mems *ms, size_t *len) {
  int64_t *ids = malloc((ms->n + 1) * sizeof(int64_t));
  *len = 0;
  if (!ids) return NULL;
  for (size_t i = 0; i < ms->n; i++) ids[i] = ms->v[i].id;
  qsort(ids, ms->n, sizeof(int64_t), cmp_id);
  *len = ms->n * sizeof(int64_t);
  return ids;
}

typedef struct sv_story_info {
  px_story_info in;
  char *headline;
} story_info;
static int get_info(void *u, const px_story_info *in) {
  story_info *s = u;
  s->in = *in;
  s->headline = str_dup(in->headline);
  s->in.headline = (px_str){s->headline ? s->headline : "", s->headline ? in->headline.len : 0};
  return 0;
}

static int to_sbuf(void *u, const char *p, size_t n) {
  sbuf *b = u;
  sb_add(b, p, n);
  return b->oom;
}

/* The comparison report of story id (members ms): from the cache while the
 * story has the same members, else computed and cached. */
static int story_report(sv_app *app, sv_handle *h, int64_t id, const mems *ms, json_t **out) {
  *out = NULL;
  size_t clen;
  int64_t *ids = member_ids(ms, &clen);
  if (!ids) return PX_ENOMEM;
  char key[32];
  int klen = snprintf(key, sizeof(key), "R%lld", (long long)id);
  sv_centry *e = NULL;
  const char *p = NULL;
  size_t len = 0, elen;
  if (sv_cache_get(app->cache, key, (size_t)klen, SV_GEN_ANY, &e) == SV_C_FRESH) {
    const char *chk = sv_centry_check(e, &elen);
    if (elen == clen && memcmp(chk, ids, clen) == 0) {
      p = sv_centry_body(e, &len);
    } else {
      sv_centry_release(e);
      e = NULL;
    }
  }
  sbuf b;
  sb_init(&b, 256u << 20);
  int rc = PX_OK;
  if (!p) {
    rc = px_store_story_report(h->st, id, PX_REPORT_JSON, NULL, to_sbuf, &b, NULL);
    if (rc == PX_OK && b.oom) rc = PX_ENOMEM;
    if (rc) {
      sb_free(&b);
      free(ids);
      return rc;
    }
    e = sv_cache_put(app->cache, key, (size_t)klen, 0, ids, clen, b.p ? b.p : "", b.n);
    p = b.p ? b.p : "";
    len = b.n;
  }
  free(ids);
  json_error_t err;
  *out = json_loadb(p, len, 0, &err);
  sv_centry_release(e);
  sb_free(&b);
  return *out ? PX_OK : PX_EFORMAT;
}


static const char *jstr(json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : "";
}
static int64_t jint(json_t *o, const char *k) { return (int64_t)json_integer_value(json_object_get(o, k)); }

/* Outlet of report article index ai. */
static const char *art_outlet(json_t *rep, size_t ai) {
  return jstr(json_array_get(json_object_get(rep, "articles"), ai), "outlet");
}

/* ------------------------------------------------ marked article body */

typedef struct mark {
  size_t s, e;
  int cls; /* 1 shared, 2 unique */
  long fact;
} mark;

static int cmp_mark(const void *a, const void *b) {
  const mark *x = a, *y = b;
  return (x->s > y->s) - (x->s < y->s);
}

/* The body of report article ai with its sentences marked.  The sentences
 * the comparison put in facts are shared (two outlets or more) or unique;
 * text outside every fact is furniture (datelines, bylines, captions the
 * comparison set aside); a sentence overlapping a quote is also quoted. */
static void marked_body(sbuf *b, json_t *rep, size_t ai, px_str body, bool api) {
  json_t *facts = json_object_get(rep, "facts"), *quotes = json_object_get(rep, "quotes");
  size_t nm = 0, cap = 64;
  mark *m = malloc(cap * sizeof(*m));
  if (!m) return;
  size_t fi;
  json_t *f;
  json_array_foreach(facts, fi, f) {
    size_t mi;
    json_t *x;
    bool shared = json_is_true(json_object_get(f, "shared"));
    json_array_foreach(json_object_get(f, "members"), mi, x) {
      if ((size_t)jint(x, "article") != ai) continue;
      if (nm == cap) {
        mark *v = realloc(m, 2 * cap * sizeof(*m));
        if (!v) break;
        m = v;
        cap *= 2;
      }
      size_t s = (size_t)jint(x, "start"), e = (size_t)jint(x, "end");
      if (s >= e || e > body.len) continue;
      m[nm++] = (mark){s, e, shared ? 1 : 2, (long)fi};
    }
  }
  qsort(m, nm, sizeof(mark), cmp_mark);
  /* Quote spans of this article. */
  size_t nq = 0, qcap = 32;
  size_t *qs = malloc(2 * qcap * sizeof(size_t));
  size_t qi;
  json_t *q;
  json_array_foreach(quotes, qi, q) {
    size_t mi;
    json_t *x;
    json_array_foreach(json_object_get(q, "members"), mi, x) {
      if (!qs || (size_t)jint(x, "article") != ai) continue;
      if (nq == qcap) {
        size_t *v = realloc(qs, 4 * qcap * sizeof(size_t));
        if (!v) break;
        qs = v;
        qcap *= 2;
      }
      qs[2 * nq] = (size_t)jint(x, "start");
      qs[2 * nq + 1] = (size_t)jint(x, "end");
      nq++;
    }
  }
  size_t pos = 0;
  if (api) sb_s(b, "[");
  else sb_s(b, "<div class=\"body\"><p>");
  size_t nout = 0;
  for (size_t i = 0; i <= nm; i++) {
    size_t s = i < nm ? m[i].s : body.len, e = i < nm ? m[i].e : body.len;
    if (s < pos) {
      if (e <= pos) continue;
      s = pos; /* overlapping members: the rest of the later one */
    }
    /* Furniture: the text between facts, paragraph by paragraph. */
    while (pos < s) {
      const char *pb = memmem(body.ptr + pos, s - pos, "\n\n", 2);
      size_t end = pb ? (size_t)(pb - body.ptr) : s;
      size_t a = pos, z = end;
      while (a < z && (body.ptr[a] == ' ' || body.ptr[a] == '\n')) a++;
      if (z > a) {
        if (api) {
          sb_f(b, "%s{\"start\":%zu,\"end\":%zu,\"marks\":[\"furniture\"]}", nout++ ? "," : "", a, z);
        } else {
          sb_s(b, "<span class=\"s s-furniture\"><span class=\"tag\">furniture</span>");
          sb_html(b, body.ptr + a, z - a);
          sb_s(b, "</span> ");
        }
      }
      if (pb) {
        if (!api) sb_s(b, "</p><p>");
        pos = end + 2;
      } else {
        pos = s;
      }
    }
    if (i == nm) break;
    bool quoted = false;
    for (size_t k = 0; k < nq; k++)
      if (qs[2 * k] < e && qs[2 * k + 1] > s) quoted = true;
    const char *cls = m[i].cls == 1 ? "shared" : "unique";
    if (api) {
      sb_f(b, "%s{\"start\":%zu,\"end\":%zu,\"fact\":%ld,\"marks\":[\"%s\"%s]}", nout++ ? "," : "",
           s, e, m[i].fact, cls, quoted ? ",\"quoted\"" : "");
    } else {
      sb_f(b, "<span class=\"s s-%s%s\"><span class=\"tag\">%s</span>%s", cls,
           quoted ? " s-quoted" : "", cls, quoted ? "<span class=\"tag q\">quoted</span>" : "");
      /* A paragraph break inside a member becomes a space. */
      sb_html(b, body.ptr + s, e - s);
      sb_s(b, "</span> ");
    }
    pos = e;
  }
  if (api) sb_s(b, "]");
  else sb_s(b, "</p></div>");
  free(m);
  free(qs);
}

/* ---------------------------------------------------------- story page */

static int64_t live_articles(const mems *ms) { return (int64_t)ms->n; }

/* Contradicting attributions: the report's pairs of renderings (the same
 * words, two speakers), those sharing a rendering as one entry, each
 * rendering once, as the text report shows them. */
static void conflicts(sbuf *b, json_t *rep) {
  json_t *pairs = json_object_get(rep, "attribution_conflicts");
  size_t np = json_array_size(pairs), nu = 0;
  if (!np) return;
  json_t **r = calloc(2 * np + 1, sizeof *r);
  size_t *par = calloc(2 * np + 1, sizeof *par), *at = calloc(2 * np + 1, sizeof *at);
  if (!r || !par || !at) goto out;
  for (size_t p = 0; p < np; p++)
    for (size_t e = 0; e < 2; e++) {
      json_t *x = json_array_get(json_array_get(pairs, p), e);
      size_t k = 0;
      while (k < nu && !(jint(r[k], "article") == jint(x, "article") && jint(r[k], "start") == jint(x, "start"))) k++;
      if (k == nu) r[nu] = x, par[nu] = nu, nu++;
      at[2 * p + e] = k;
    }
  for (size_t p = 0; p < np; p++) {
    size_t a = at[2 * p], c = at[2 * p + 1];
    while (par[a] != a) a = par[a];
    while (par[c] != c) c = par[c];
    if (a != c) par[a > c ? a : c] = a < c ? a : c;
  }
  sb_s(b, "<h3 id=\"conflicts\">Contradicting attributions: the same words, different speakers</h3><ul>");
  for (size_t root = 0; root < nu; root++) {
    if (par[root] != root) continue;
    sb_s(b, "<li>");
    bool first = true;
    for (size_t k = root; k < nu; k++) {
      size_t z = k;
      while (par[z] != z) z = par[z];
      if (z != root) continue;
      sb_s(b, first ? "" : "; ");
      first = false;
      sb_hs(b, art_outlet(rep, (size_t)jint(r[k], "article")));
      sb_s(b, " gives it to <b>");
      sb_hs(b, jstr(r[k], "speaker"));
      sb_s(b, "</b>: ");
      sb_hs(b, json_is_string(json_object_get(r[k], "quoted")) ? jstr(r[k], "quoted") : jstr(r[k], "text"));
    }
    sb_s(b, "</li>");
  }
  sb_s(b, "</ul>");
out:
  free(r);
  free(par);
  free(at);
}

static void fact_table(sbuf *b, json_t *rep, json_t *f) {
  sb_s(b, "<table><thead><tr><th scope=\"col\" class=\"o\">outlet</th><th scope=\"col\">"
          "rendering</th></tr></thead><tbody>");
  size_t mi;
  json_t *x;
  json_array_foreach(json_object_get(f, "members"), mi, x) {
    const char *o = art_outlet(rep, (size_t)jint(x, "article"));
    sb_s(b, "<tr><td class=\"o\">");
    pg_link(b, "/outlet/", o, strlen(o), o, strlen(o));
    sb_s(b, "</td><td>");
    sb_hs(b, jstr(x, "text"));
    sb_s(b, "</td></tr>");
  }
  sb_s(b, "</tbody></table>");
}

/* The sentence that stands for fact f: the report's lead member. */
static const char *fact_text(json_t *f) {
  json_t *lead = json_object_get(f, "lead_member");
  size_t k = json_is_integer(lead) ? (size_t)json_integer_value(lead) : 0;
  json_t *mv = json_object_get(f, "members");
  if (k >= json_array_size(mv)) k = 0;
  return jstr(json_array_get(mv, k), "text");
}

/* Shared facts are listed by a sentence no fact listed before shows: a
 * sentence reporting two facts heads one of them, and a fact all of whose
 * sentences head others already is not listed again. */
static const char *fact_text_unshown(json_t *f, json_t *shown) {
  const char *t = fact_text(f);
  if (!json_object_get(shown, t)) return t;
  size_t i;
  json_t *m;
  json_array_foreach(json_object_get(f, "members"), i, m) {
    t = jstr(m, "text");
    if (*t && !json_object_get(shown, t)) return t;
  }
  return NULL;
}

/* The one group (dimension d) all of a fact's outlets belong to, when the
 * story has outlets of two groups or more; else NULL. */
static const char *fact_only_group(const sv_groups *g, size_t d, json_t *f, bool story_mixed) {
  if (!g || !story_mixed) return NULL;
  const char *only = NULL;
  size_t i;
  json_t *o;
  json_array_foreach(json_object_get(f, "outlets"), i, o) {
    const char *name = json_string_value(o);
    const char *gr = name ? sv_groups_of(g, d, name, strlen(name)) : NULL;
    if (!gr || (only && only != gr)) return NULL;
    only = gr;
  }
  return only;
}

void page_story(sv_app *app, sv_handle *h, const sv_req *r, sv_centry **stale, uint64_t gen,
                sv_resp *out) {
  story_info si = {0};
  mems ms = {0};
  sbuf mj;
  sb_init(&mj, 0);
  if (r->api) ms.json = &mj;
  ms.story = r->id;
  json_t *rep = NULL;
  sbuf *b = &out->body;
  /* One snapshot for the whole page: an ingest that changes the story
   * meanwhile gives the old page or the new one, never a mixture. */
  int rc = px_store_read_begin(h->st);
  if (rc == PX_OK) rc = px_store_story_get(h->st, r->id, get_info, &si);
  if (rc == PX_OK) rc = px_store_story_articles(h->st, r->id, collect_member, &ms);
  if (rc == PX_OK && ms.oom) rc = PX_ENOMEM;
  /* The page's check bytes: the story's members.  A cached page built from
   * the same members is still the page: stamp it again and send it. */
  if (rc == PX_OK && !(out->check = member_ids(&ms, &out->check_len))) rc = PX_ENOMEM;
  if (rc == PX_OK && *stale) {
    size_t elen;
    const char *chk = sv_centry_check(*stale, &elen);
    if (elen == out->check_len && memcmp(chk, out->check, elen) == 0) {
      px_store_read_end(h->st);
      sv_cache_restamp(app->cache, *stale, gen);
      __atomic_add_fetch(&app->n_restamped, 1, __ATOMIC_RELAXED);
      out->ref = *stale;
      *stale = NULL;
      out->status = 200;
      out->type = r->api ? "application/json" : "text/html; charset=utf-8";
      goto done;
    }
  }
  if (rc == PX_OK) rc = story_report(app, h, r->id, &ms, &rep);
  if (rc) {
    px_store_read_end(h->st);
    if (rc == PX_ENOTFOUND) sv_error_page(r, 404, "there is no story with this id", out);
    else pg_store_error(r, h, rc, out);
    goto done;
  }
  json_t *arts = json_object_get(rep, "articles"), *facts = json_object_get(rep, "facts"),
         *quotes = json_object_get(rep, "quotes"), *disc = json_object_get(rep, "discrepancies");
  size_t noutlets = json_array_size(json_object_get(rep, "outlets"));
  if (r->api) {
    px_store_read_end(h->st);
    out->status = 200;
    out->type = "application/json";
    sb_s(b, "{\"story\":");
    sj_story(b, &si.in);
    sb_s(b, ",\"members\":[");
    sb_add(b, mj.p, mj.n);
    sb_s(b, "],\"comparison\":");
    char *s = json_dumps(rep, JSON_COMPACT | JSON_ENSURE_ASCII);
    if (s) sb_s(b, s);
    else sb_s(b, "null");
    free(s);
    if (app->groups) {
      pg_outlets os = {0};
      for (size_t i = 0; i < ms.n; i++) pg_outlets_add(&os, (px_str){ms.v[i].source, strlen(ms.v[i].source)});
      sb_s(b, ",\"coverage\":{");
      const char *lbl[72];
      int64_t cnt[72];
      for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
        size_t n = pg_group_counts(app->groups, d, &os, lbl, cnt, 72);
        if (d) sb_s(b, ",");
        sb_json(b, sv_groups_dim(app->groups, d), strlen(sv_groups_dim(app->groups, d)));
        sb_s(b, ":{");
        for (size_t k = 0; k < n; k++) {
          sb_s(b, k ? "," : "");
          sb_json(b, lbl[k], strlen(lbl[k]));
          sb_f(b, ":%lld", (long long)cnt[k]);
        }
        sb_s(b, "}");
      }
      sb_s(b, "}");
      pg_outlets_free(&os);
    }
    sb_s(b, "}\n");
    goto done;
  }
  out->status = 200;
  out->type = "text/html; charset=utf-8";
  char live[64];
  snprintf(live, sizeof(live), "/api/live?story=%lld", (long long)r->id);
  /* the brief's headline (the title that best names the story, as the
   * text, Markdown and HTML reports give it), else the listing's */
  const char *title = json_string_value(json_object_get(json_object_get(rep, "story"), "headline"));
  if (!title || !*title) title = si.headline && *si.headline ? si.headline : NULL;
  pg_head(b, title ? title : "Story", live, live_articles(&ms));
  sb_s(b, "<article class=\"story\"><h1>");
  sb_hs(b, title ? title : "(untitled story)");
  sb_s(b, "</h1><p class=\"meta\">");
  if (si.in.has_time) {
    sb_time(b, si.in.first, true);
    sb_s(b, " – ");
    sb_time(b, si.in.last, true);
    sb_s(b, " UTC · ");
  }
  sb_f(b, "%lld articles from %lld outlets", (long long)si.in.articles, (long long)si.in.outlets);
  if (si.in.duplicates) sb_f(b, " · %lld copies", (long long)si.in.duplicates);
  if (si.in.thread > 0) sb_f(b, " · <a href=\"/thread/%lld\">its thread</a>", (long long)si.in.thread);
  sb_f(b, " · <a href=\"/api/story/%lld\">JSON</a></p>", (long long)r->id);
  sb_s(b, "<nav aria-label=\"sections\" class=\"meta\"><a href=\"#timeline\">Timeline</a> · "
          "<a href=\"#core\">Core facts</a> · <a href=\"#alone\">What each outlet alone adds</a> · "
          "<a href=\"#quotes\">Quotes</a> · <a href=\"#disputes\">Disputes</a> · "
          "<a href=\"#articles\">Articles</a></nav>");

  /* Coverage by group. */
  pg_outlets os = {0};
  for (size_t i = 0; i < ms.n; i++) pg_outlets_add(&os, (px_str){ms.v[i].source, strlen(ms.v[i].source)});
  bool mixed0 = false;
  if (app->groups) {
    sb_s(b, "<h2 id=\"groups\">Coverage by outlet group</h2>");
    const char *lbl[72];
    int64_t cnt[72];
    for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
      size_t n = pg_group_counts(app->groups, d, &os, lbl, cnt, 72);
      size_t present = 0;
      for (size_t k = 0; k + 1 < n; k++) present += cnt[k] > 0;
      if (d == 0) mixed0 = present >= 2;
      sb_s(b, "<p>");
      sb_hs(b, sv_groups_dim(app->groups, d));
      sb_s(b, ": ");
      svg_coverage(b, lbl, cnt, n, 0);
      sb_s(b, " ");
      bool any = false;
      for (size_t k = 0; k < n; k++) {
        if (!cnt[k]) continue;
        sb_s(b, any ? ", " : "");
        sb_hs(b, lbl[k]);
        sb_f(b, " %lld", (long long)cnt[k]);
        any = true;
      }
      if (present == 1) sb_s(b, " <strong>(one group only: a blind spot)</strong>");
      sb_s(b, "</p>");
    }
  }

  /* Publication timeline. */
  sb_s(b, "<h2 id=\"timeline\">Who reported when</h2>");
  {
    int64_t *t = calloc(ms.n + 1, sizeof(int64_t));
    const char **lab = calloc(ms.n + 1, sizeof(char *));
    size_t nt = 0;
    for (size_t i = 0; t && lab && i < ms.n && nt < 60; i++)
      if (ms.v[i].has_time) {
        t[nt] = ms.v[i].t;
        lab[nt++] = ms.v[i].source;
      }
    if (nt) svg_timeline(b, "Publication timeline", t, (const char *const *)lab, nt);
    free(t);
    free(lab);
  }
  sb_s(b, "<ol class=\"plain\">");
  for (size_t i = 0; i < ms.n; i++) {
    mem *w = &ms.v[i];
    sb_s(b, i == 0 ? "<li class=\"first\">" : "<li>");
    if (w->has_time) {
      sb_s(b, "<time>");
      sb_time(b, w->t, true);
      sb_s(b, "</time> ");
    }
    if (i == 0) sb_s(b, "<span class=\"tag\">first report</span>");
    pg_link(b, "/outlet/", w->source, strlen(w->source), w->source, strlen(w->source));
    sb_f(b, ": <a href=\"/article/%lld\">", (long long)w->id);
    sb_hs(b, *w->title ? w->title : "(untitled)");
    sb_s(b, "</a>");
    if (sv_safe_url(w->url, strlen(w->url))) {
      sb_s(b, " · <a rel=\"noopener noreferrer nofollow\" href=\"");
      sb_hs(b, w->url);
      sb_s(b, "\">original</a>");
    }
    if (w->dup_of) sb_f(b, " · <span class=\"tag\">copy</span> of <a href=\"/article/%lld\">article %lld</a>",
                        (long long)w->dup_of, (long long)w->dup_of);
    else if (w->wire >= 0.2 && *w->wire_outlet) {
      sb_f(b, " · %.0f%% wire copy from ", 100 * w->wire);
      sb_hs(b, w->wire_outlet);
    }
    sb_s(b, "</li>\n");
  }
  sb_s(b, "</ol>");

  /* Core facts: those of the report's brief (two or more outlets tell
   * them alike), ranked as there; then the other facts of several
   * outlets, by the number of outlets. */
  sb_s(b, "<h2 id=\"core\">Core facts</h2>");
  size_t fi, shown = 0;
  json_t *f, *shown_text = json_object();
  json_t *story = json_object_get(rep, "story");
  json_t *core = json_object_get(story, "core_facts"), *core_n = json_object_get(story, "core_outlets");
  size_t nfacts = json_array_size(facts), *ord = calloc(nfacts + 1, sizeof *ord);
  uint8_t *taken = calloc(nfacts + 1, 1);
  size_t *sure = calloc(nfacts + 1, sizeof *sure), ncore = 0;
  if (ord && taken && sure) {
    size_t ci;
    json_t *cv;
    json_array_foreach(core, ci, cv) {
      size_t id = json_is_integer(cv) ? (size_t)json_integer_value(cv) : nfacts;
      if (id >= nfacts || taken[id]) continue;
      taken[id] = 1, ord[ncore++] = id;
      json_t *n = json_array_get(core_n, ci);
      sure[id] = json_is_integer(n) ? (size_t)json_integer_value(n) : 0;
    }
    size_t no = ncore;
    for (size_t want = noutlets; want >= 2; want--)
      json_array_foreach(facts, fi, f)
        if (!taken[fi] && json_array_size(json_object_get(f, "outlets")) == want) taken[fi] = 1, ord[no++] = fi;
    for (fi = 0; fi < nfacts; fi++)
      if (!taken[fi]) ord[no++] = fi;
  } else if (ord) {
    for (fi = 0; fi < nfacts; fi++) ord[fi] = fi;
  }
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) sb_s(b, "<h3>Carried by several outlets</h3>");
    size_t here = 0;
    for (size_t oi = pass ? ncore : 0; ord && oi < (pass ? nfacts : ncore); oi++) {
      fi = ord[oi];
      f = json_array_get(facts, fi);
      size_t no = json_array_size(json_object_get(f, "outlets"));
      if (!json_is_true(json_object_get(f, "shared"))) continue;
      if (shown >= 300) break;
      const char *head = shown_text ? fact_text_unshown(f, shown_text) : fact_text(f);
      if (!head) continue;
      if (shown_text) json_object_set_new(shown_text, head, json_true());
      sb_f(b, "<details id=\"fact-%zu\" class=\"fact\"><summary>", fi);
      sb_hs(b, head);
      if (pass == 0 && sure && sure[fi]) {
        sb_f(b, " <span class=\"meta\">(told alike by %zu of %zu outlets", sure[fi], noutlets);
        if (no > sure[fi]) sb_f(b, "; reported by %zu", no);
      } else
        sb_f(b, " <span class=\"meta\">(%zu outlets", no);
      const char *only = fact_only_group(app->groups, 0, f, mixed0);
      if (only) {
        sb_s(b, "; reported only by outlets of group ");
        sb_hs(b, only);
      }
      sb_s(b, ")</span></summary>");
      fact_table(b, rep, f);
      sb_s(b, "</details>\n");
      shown++;
      here++;
    }
    if (!here) sb_s(b, pass == 0 ? "<p class=\"note\">No fact is told alike by two or more outlets.</p>"
                                 : "<p class=\"note\">None.</p>");
  }
  free(taken);
  free(sure);
  json_decref(shown_text);
  free(ord);

  /* What each outlet alone adds. */
  sb_s(b, "<h2 id=\"alone\">What each outlet alone adds</h2><div class=\"cols\">");
  {
    sv_bar *bars = calloc(noutlets + 1, sizeof(sv_bar));
    char (*notes)[48] = calloc(noutlets + 1, 48);
    size_t oi;
    json_t *on;
    json_array_foreach(json_object_get(rep, "outlets"), oi, on) {
      const char *o = json_string_value(on);
      if (!o) continue;
      int64_t nf = 0, nu = 0;
      size_t ai;
      json_t *a;
      json_array_foreach(arts, ai, a) {
        if (strcmp(jstr(a, "outlet"), o) != 0) continue;
        nf += jint(a, "facts");
        nu += jint(a, "unique_facts");
      }
      if (bars && notes) {
        bars[oi].label = o;
        bars[oi].value = nf ? 100.0 * (double)nu / (double)nf : 0;
        snprintf(notes[oi], 48, "(%lld of %lld facts)", (long long)nu, (long long)nf);
        bars[oi].note = notes[oi];
      }
      sb_s(b, "<section><h3>");
      pg_link(b, "/outlet/", o, strlen(o), o, strlen(o));
      sb_s(b, "</h3><ul>");
      size_t k = 0;
      json_array_foreach(facts, fi, f) {
        if (json_is_true(json_object_get(f, "shared"))) continue;
        json_t *fo = json_array_get(json_object_get(f, "outlets"), 0);
        if (!json_is_string(fo) || strcmp(json_string_value(fo), o) != 0) continue;
        if (++k > 25) break;
        sb_f(b, "<li id=\"fact-%zu\">", fi);
        sb_hs(b, fact_text(f));
        sb_s(b, "</li>");
      }
      if (!k) sb_s(b, "<li class=\"meta\">nothing of its own</li>");
      sb_s(b, "</ul></section>");
    }
    sb_s(b, "</div>");
    if (bars && noutlets) svg_bars(b, "Outlets by share of unique facts", bars, noutlets, "%");
    free(bars);
    free(notes);
  }

  /* Quote variants side by side. */
  sb_s(b, "<h2 id=\"quotes\">Quote variants</h2>");
  size_t qi, nqs = 0;
  json_t *q;
  json_array_foreach(quotes, qi, q) {
    if (json_array_size(json_object_get(q, "outlets")) < 2 || nqs >= 100) continue;
    json_t *sp = json_object_get(q, "speaker");
    const char *name = jstr(sp, "name"), *key = jstr(sp, "key");
    sb_f(b, "<details id=\"quote-%zu\"%s><summary>", qi, nqs < 5 ? " open" : "");
    if (*key) pg_link(b, "/speaker/", key, strlen(key), *name ? name : key, strlen(*name ? name : key));
    else sb_s(b, "unknown speaker");
    sb_f(b, " <span class=\"meta\">(%zu outlets)</span></summary><table><thead><tr>"
            "<th scope=\"col\" class=\"o\">outlet</th><th scope=\"col\">wording</th></tr></thead><tbody>",
         json_array_size(json_object_get(q, "outlets")));
    size_t mi;
    json_t *x;
    json_array_foreach(json_object_get(q, "members"), mi, x) {
      const char *o = art_outlet(rep, (size_t)jint(x, "article"));
      sb_s(b, "<tr><td class=\"o\">");
      sb_hs(b, o);
      sb_s(b, "</td><td>");
      sb_hs(b, json_is_string(json_object_get(x, "quoted")) ? jstr(x, "quoted") : jstr(x, "text"));
      sb_s(b, " <span class=\"meta\">(");
      sb_hs(b, jstr(x, "kind"));
      sb_s(b, ")</span></td></tr>");
    }
    sb_s(b, "</tbody></table></details>\n");
    nqs++;
  }
  if (!nqs) sb_s(b, "<p class=\"note\">No remark is quoted by two outlets.</p>");
  conflicts(b, rep);

  /* Disputes: the same fact with different numbers. */
  sb_s(b, "<h2 id=\"disputes\">Disputes</h2>");
  size_t di;
  json_t *dd;
  json_array_foreach(disc, di, dd) {
    if (di == 0) sb_s(b, "<ul>");
    size_t fidx = (size_t)jint(dd, "fact");
    sb_f(b, "<li><a href=\"#fact-%zu\">", fidx);
    sb_hs(b, fact_text(json_array_get(facts, fidx)));
    sb_s(b, "</a>: ");
    size_t vi;
    json_t *v;
    json_array_foreach(json_object_get(dd, "values"), vi, v) {
      const char *o = art_outlet(rep, (size_t)jint(v, "article"));
      sb_s(b, vi ? "; " : "");
      sb_hs(b, o);
      sb_s(b, " says “");
      sb_hs(b, jstr(v, "text"));
      sb_s(b, "”");
    }
    sb_s(b, "</li>");
    if (di + 1 == json_array_size(disc)) sb_s(b, "</ul>");
  }
  if (!json_array_size(disc)) sb_s(b, "<p class=\"note\">No numbers differ between outlets.</p>");

  /* The articles, each opening with its sentences marked. */
  sb_s(b, "<h2 id=\"articles\">Articles</h2><p class=\"legend\"><span class=\"s s-shared\">"
          "<span class=\"tag\">shared</span></span> in a fact with other outlets · "
          "<span class=\"s s-unique\"><span class=\"tag\">unique</span></span> only this outlet · "
          "<span class=\"s s-quoted\"><span class=\"tag q\">quoted</span></span> holds a quote · "
          "<span class=\"s s-furniture\"><span class=\"tag\">furniture</span></span> not compared "
          "(dateline, byline, caption)</p>");
  size_t ai;
  json_t *a;
  json_array_foreach(arts, ai, a) {
    int64_t sid = jint(a, "store_id");
    sb_f(b, "<details id=\"art-%zu\" class=\"article\"><summary>", ai);
    sb_hs(b, jstr(a, "outlet"));
    sb_s(b, ": ");
    sb_hs(b, jstr(a, "title"));
    sb_f(b, " <span class=\"meta\">(%lld facts, %lld unique)</span></summary>",
         (long long)jint(a, "facts"), (long long)jint(a, "unique_facts"));
    px_article *art = NULL;
    if (ai < 40 && sid > 0 && px_store_get(h->st, sid, &art) == PX_OK) {
      marked_body(b, rep, ai, px_article_get(art, PX_F_BODY), false);
      px_article_free(art);
    }
    sb_f(b, "<p><a href=\"/article/%lld\">The article on its own page</a></p></details>\n",
         (long long)sid);
  }
  px_store_read_end(h->st);
  pg_outlets_free(&os);
  sb_s(b, "</article>");
  pg_foot(b);
done:
  json_decref(rep);
  mems_free(&ms);
  sb_free(&mj);
  free(si.headline);
}

/* -------------------------------------------------------- article page */

void page_article(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  px_article *art = NULL;
  json_t *rep = NULL;
  mems ms = {0};
  sbuf *b = &out->body;
  int64_t story = 0;
  int rc = px_store_read_begin(h->st);
  if (rc == PX_OK) rc = px_store_get(h->st, r->id, &art);
  if (rc) {
    px_store_read_end(h->st);
    if (rc == PX_ENOTFOUND) sv_error_page(r, 404, "there is no article with this id", out);
    else pg_store_error(r, h, rc, out);
    return;
  }
  size_t ai = (size_t)-1;
  if (px_store_article_story(h->st, r->id, &story) == PX_OK && story > 0 &&
      px_store_story_articles(h->st, story, collect_member, &ms) == PX_OK && !ms.oom &&
      story_report(app, h, story, &ms, &rep) == PX_OK) {
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(rep, "articles"), i, a)
      if (jint(a, "store_id") == r->id) ai = i;
  }
  px_store_read_end(h->st);
  px_str body = px_article_get(art, PX_F_BODY), url = px_article_get(art, PX_F_URL),
         src = px_article_get(art, PX_F_SOURCE), title = px_article_get(art, PX_F_TITLE),
         byline = px_article_get(art, PX_F_BYLINE);
  if (r->api) {
    out->status = 200;
    out->type = "application/json";
    sb_s(b, "{\"article\":");
    sj_article(b, art, true);
    sb_s(b, ",\"story\":");
    if (story) sb_f(b, "%lld", (long long)story);
    else sb_s(b, "null");
    sb_s(b, ",\"sentences\":");
    if (ai != (size_t)-1) marked_body(b, rep, ai, body, true);
    else sb_s(b, "null");
    sb_s(b, "}\n");
  } else {
    out->status = 200;
    out->type = "text/html; charset=utf-8";
    pg_head(b, title.len ? "Article" : "Article", NULL, 0);
    sb_s(b, "<article><h1>");
    if (title.len) sb_hp(b, title);
    else sb_s(b, "(untitled)");
    sb_s(b, "</h1><p class=\"meta\">");
    pg_link(b, "/outlet/", src.ptr, src.len, src.ptr, src.len);
    int has = 0;
    int64_t t = px_article_published(art, &has);
    if (has) {
      sb_s(b, " · ");
      sb_time(b, t, true);
      sb_s(b, " UTC");
    }
    if (byline.len) {
      sb_s(b, " · ");
      sb_hp(b, byline);
    }
    if (sv_safe_url(url.ptr, url.len)) {
      sb_s(b, " · <a rel=\"noopener noreferrer nofollow\" href=\"");
      sb_hp(b, url);
      sb_s(b, "\">original</a>");
    }
    if (story) sb_f(b, " · <a href=\"/story/%lld\">its story</a>", (long long)story);
    sb_f(b, " · <a href=\"/api/article/%lld\">JSON</a></p>", (long long)r->id);
    if (ai != (size_t)-1) {
      sb_s(b, "<p class=\"legend\">Sentences marked by the comparison of its story: "
              "<b>shared</b> (in a fact with other outlets), <b>unique</b> (only this outlet), "
              "<b>quoted</b> (holds a quote), <b>furniture</b> (not compared).</p>");
      marked_body(b, rep, ai, body, false);
    } else {
      sb_s(b, "<div class=\"body\"><p>");
      size_t pos = 0;
      while (pos < body.len) {
        const char *pb = memmem(body.ptr + pos, body.len - pos, "\n\n", 2);
        size_t end = pb ? (size_t)(pb - body.ptr) : body.len;
        sb_html(b, body.ptr + pos, end - pos);
        if (pb) sb_s(b, "</p><p>");
        pos = pb ? end + 2 : body.len;
      }
      sb_s(b, "</p></div>");
    }
    sb_s(b, "</article>");
    pg_foot(b);
  }
  json_decref(rep);
  mems_free(&ms);
  px_article_free(art);
}
