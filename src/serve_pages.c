/* serve_pages.c - the pages of `parallax serve` and their /api/ JSON twins:
 * stories, search, outlets and one outlet, entity, speaker, blind spots,
 * the live count, error pages.  The story and article pages are in
 * serve_story.c.  Every value from the store is escaped for where it goes:
 * sb_html (text and attributes), sb_urlc (URL parts), sb_json (JSON). */
#include "serve_page.h"

#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ layout */

int pg_live_seconds = 15;

void pg_head(sbuf *b, const char *title, const char *live, int64_t live_n) {
  sb_s(b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
          "<meta name=\"color-scheme\" content=\"light dark\"><title>");
  sb_hs(b, title);
  sb_s(b, " · parallax</title><link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/static/app.css\">"
          "<script src=\"/static/app.js\" defer></script></head>\n<body>"
          "<a class=\"skip\" href=\"#main\">Skip to content</a>"
          "<header class=\"site\"><a class=\"brand\" href=\"/\">parallax</a>"
          "<nav aria-label=\"main\"><ul><li><a href=\"/\">Stories</a></li>"
          "<li><a href=\"/blindspots\">Blind spots</a></li><li><a href=\"/outlets\">Outlets</a></li>"
          "</ul></nav><form role=\"search\" action=\"/search\" method=\"get\">"
          "<input type=\"search\" name=\"q\" aria-label=\"Search articles\" placeholder=\"Search articles\">"
          "<button type=\"submit\">Search</button></form></header>\n"
          "<div id=\"live\" role=\"status\" hidden><span class=\"n\"></span> new article(s) have "
          "arrived since this page was loaded. <button type=\"button\">Show them</button></div>\n"
          "<main id=\"main\"");
  if (live) {
    sb_s(b, " data-live=\"");
    sb_hs(b, live);
    sb_f(b, "\" data-live-n=\"%lld\" data-live-every=\"%d\"", (long long)live_n, pg_live_seconds);
  }
  sb_s(b, ">\n");
}

void pg_foot(sbuf *b) {
  sb_s(b, "\n</main><footer class=\"meta\"><p>parallax ");
  sb_hs(b, px_version_string());
  sb_s(b, " · a read-only view of the store</p></footer></body></html>\n");
}

void pg_link(sbuf *b, const char *prefix, const char *name, size_t n, const char *text, size_t tn) {
  sb_s(b, "<a href=\"");
  sb_s(b, prefix);
  sb_urlc(b, name, n);
  sb_s(b, "\">");
  sb_html(b, text, tn);
  sb_s(b, "</a>");
}

void pg_outlets_add(pg_outlets *o, px_str name) {
  for (size_t i = 0; i < o->n; i++)
    if (strlen(o->name[i]) == name.len && memcmp(o->name[i], name.ptr, name.len) == 0) return;
  if (o->n == o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 8;
    char **v = realloc(o->name, cap * sizeof(*v));
    if (!v) return;
    o->name = v;
    o->cap = cap;
  }
  char *s = malloc(name.len + 1);
  if (!s) return;
  memcpy(s, name.ptr, name.len);
  s[name.len] = 0;
  o->name[o->n++] = s;
}

void pg_outlets_free(pg_outlets *o) {
  for (size_t i = 0; i < o->n; i++) free(o->name[i]);
  free(o->name);
  memset(o, 0, sizeof(*o));
}

size_t pg_group_counts(const sv_groups *g, size_t d, const pg_outlets *o, const char **label,
                       int64_t *count, size_t cap) {
  const char **names;
  size_t nn = sv_groups_names(g, d, &names);
  if (nn + 1 > cap) nn = cap - 1;
  for (size_t k = 0; k < nn; k++) {
    label[k] = names[k];
    count[k] = 0;
  }
  label[nn] = "no group";
  count[nn] = 0;
  for (size_t i = 0; i < o->n; i++) {
    const char *gr = sv_groups_of(g, d, o->name[i], strlen(o->name[i]));
    size_t k = nn;
    for (size_t j = 0; gr && j < nn; j++)
      if (names[j] == gr) k = j;
    count[k]++;
  }
  return nn + 1;
}

void pg_store_error(const sv_req *r, sv_handle *h, int rc, sv_resp *out) {
  sbuf m;
  sb_init(&m, 4096);
  sb_f(&m, "the store could not answer (%s)", px_strerror(rc));
  const char *e = px_ctx_error(h->ctx);
  if (e && *e) sb_f(&m, ": %.300s", e);
  sv_error_page(r, rc == PX_ENOTFOUND ? 404 : 500, m.p ? m.p : "store error", out);
  sb_free(&m);
}

void sv_error_page(const sv_req *r, int status, const char *msg, sv_resp *out) {
  sb_free(&out->body);
  sb_init(&out->body, 0);
  out->status = status;
  const char *what = status == 404 ? "Not found"
                     : status == 400 ? "Bad request"
                     : status == 405 ? "Method not allowed"
                     : status == 413 ? "Request too large"
                     : status == 414 ? "Request target too long"
                     : status == 431 ? "Too many or too large headers"
                     : status == 503 ? "Busy"
                                     : "Server error";
  if (r && r->api) {
    out->type = "application/json";
    sb_f(&out->body, "{\"error\":{\"status\":%d,\"message\":", status);
    sb_json(&out->body, msg, strlen(msg));
    sb_s(&out->body, "}}\n");
    return;
  }
  out->type = "text/html; charset=utf-8";
  pg_head(&out->body, what, NULL, 0);
  sb_f(&out->body, "<h1>%d %s</h1><p class=\"note\">", status, what);
  sb_hs(&out->body, msg);
  sb_s(&out->body, "</p><p><a href=\"/\">Back to the stories</a></p>");
  pg_foot(&out->body);
}

static void html_ok(sv_resp *out) {
  out->status = 200;
  out->type = "text/html; charset=utf-8";
}
static void json_ok(sv_resp *out) {
  out->status = 200;
  out->type = "application/json";
}

/* ----------------------------------------------------- query values */

static const char *pstr(const sv_req *r, const char *k) {
  const char *v = sv_param_get(r, k);
  return v && *v ? v : NULL;
}

/* A non-negative integer parameter in [lo, hi]; def when absent.
 * @return false when present but not a number in range. */
static bool pint(const sv_req *r, const char *k, int64_t lo, int64_t hi, int64_t def, int64_t *out) {
  const char *v = pstr(r, k);
  *out = def;
  if (!v) return true;
  char *e;
  long long x = strtoll(v, &e, 10);
  if (*e || x < lo || x > hi) return false;
  *out = x;
  return true;
}

/* A date parameter; an until date without a clock means through that day. */
static bool pdate(const sv_req *r, const char *k, bool until, int64_t *t, int *has) {
  const char *v = pstr(r, k);
  *has = 0;
  if (!v) return true;
  if (px_parse_date(v, strlen(v), t) != PX_OK) return false;
  if (until && strlen(v) == 10) *t += 86400;
  *has = 1;
  return true;
}

/* ----------------------------------------------------------- stories */

typedef struct row {
  px_story_info in;
  char *headline;
  pg_outlets out;
} row;
typedef struct rows {
  row *v;
  size_t n, cap;
  bool oom;
} rows;

static int collect_story(void *u, const px_story_info *in) {
  rows *rs = u;
  if (rs->n == rs->cap) {
    size_t cap = rs->cap ? rs->cap * 2 : 64;
    row *v = realloc(rs->v, cap * sizeof(*v));
    if (!v) {
      rs->oom = true;
      return 1;
    }
    rs->v = v;
    rs->cap = cap;
  }
  row *w = &rs->v[rs->n];
  memset(w, 0, sizeof(*w));
  w->in = *in;
  w->headline = malloc(in->headline.len + 1);
  if (!w->headline) {
    rs->oom = true;
    return 1;
  }
  memcpy(w->headline, in->headline.ptr, in->headline.len);
  w->headline[in->headline.len] = 0;
  w->in.headline = (px_str){w->headline, in->headline.len};
  rs->n++;
  return 0;
}

static void rows_free(rows *rs) {
  for (size_t i = 0; i < rs->n; i++) {
    free(rs->v[i].headline);
    pg_outlets_free(&rs->v[i].out);
  }
  free(rs->v);
}

static int add_member_outlet(void *u, const px_story_member *m) {
  pg_outlets_add(u, px_article_get(m->art, PX_F_SOURCE));
  return 0;
}

typedef struct story_ids {
  int64_t v[256];
  size_t n;
  px_store *st;
} story_ids;

static int hit_story(void *u, const px_search_hit *h) {
  story_ids *s = u;
  int64_t id;
  if (px_store_article_story(s->st, h->id, &id) != PX_OK || id == 0) return 0;
  for (size_t i = 0; i < s->n; i++)
    if (s->v[i] == id) return 0;
  s->v[s->n++] = id;
  return s->n == sizeof(s->v) / sizeof(s->v[0]);
}

static int cmp_row(const void *a, const void *b) {
  const row *x = a, *y = b;
  if (x->in.has_time != y->in.has_time) return y->in.has_time - x->in.has_time;
  if (x->in.last != y->in.last) return x->in.last < y->in.last ? 1 : -1;
  return x->in.id < y->in.id ? 1 : -1;
}

static void form_value(sbuf *b, const sv_req *r, const char *k) {
  const char *v = pstr(r, k);
  if (v) {
    sb_s(b, " value=\"");
    sb_hs(b, v);
    sb_s(b, "\"");
  }
}

static void page_stories(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  px_story_filter f = {0};
  int64_t limit;
  const char *q = pstr(r, "q"), *outlet = pstr(r, "outlet"), *group = pstr(r, "group");
  if (!pdate(r, "since", false, &f.since, &f.has_since) ||
      !pdate(r, "until", true, &f.until, &f.has_until)) {
    sv_error_page(r, 400, "since and until must be dates (2023-09-13)", out);
    return;
  }
  if (!pint(r, "min", 0, 100000, 0, &f.min_outlets) || !pint(r, "limit", 1, 500, 50, &limit)) {
    sv_error_page(r, 400, "min must be a number of outlets, limit 1 to 500", out);
    return;
  }
  f.outlet = outlet;
  /* A group filter: "dimension:group". */
  size_t gdim = 0;
  const char *gname = NULL;
  if (group) {
    const char *colon = strchr(group, ':');
    for (size_t d = 0; colon && d < sv_groups_dims(app->groups); d++)
      if (strlen(sv_groups_dim(app->groups, d)) == (size_t)(colon - group) &&
          memcmp(sv_groups_dim(app->groups, d), group, (size_t)(colon - group)) == 0) {
        gdim = d;
        gname = colon + 1;
      }
    if (!gname) {
      sv_error_page(r, 400, "unknown outlet group (expected dimension:group from the groups file)",
                    out);
      return;
    }
  }
  rows rs = {0};
  px_store_mark mark;
  int rc = px_store_mark_get(h->st, &mark);
  if (rc) {
    pg_store_error(r, h, rc, out);
    return;
  }
  if (q) {
    story_ids ids = {.st = h->st};
    px_article_filter af = {0};
    af.limit = 500;
    rc = px_store_search(h->st, q, &af, hit_story, &ids);
    if (rc == PX_EQUERY) {
      sv_error_page(r, 400, px_ctx_error(h->ctx), out);
      return;
    }
    for (size_t i = 0; rc == PX_OK && i < ids.n; i++) {
      size_t before = rs.n;
      rc = px_store_story_get(h->st, ids.v[i], collect_story, &rs);
      if (rc == PX_ENOTFOUND) rc = PX_OK;
      if (rs.n > before) {
        row *w = &rs.v[rs.n - 1];
        bool keep = (!f.has_since || (w->in.has_time && w->in.last >= f.since)) &&
                    (!f.has_until || (w->in.has_time && w->in.first < f.until)) &&
                    w->in.outlets >= f.min_outlets;
        if (!keep) {
          free(w->headline);
          rs.n--;
        }
      }
    }
    qsort(rs.v, rs.n, sizeof(row), cmp_row);
  } else {
    f.limit = gname ? limit * 8 : limit;
    /* The latest stories are those of the last days: a window from the
     * latest article keeps the query to the recent part of the store, and
     * widens until the page is full. */
    static const int64_t days[] = {14, 90, 730, 0};
    bool windowed = !f.has_since && mark.has_published;
    for (size_t w = 0; rc == PX_OK; w++) {
      if (windowed && days[w]) {
        f.since = mark.last_published - days[w] * 86400;
        f.has_since = 1;
      } else if (windowed) {
        f.has_since = 0;
      }
      rows_free(&rs);
      memset(&rs, 0, sizeof(rs));
      rc = px_store_stories(h->st, &f, collect_story, &rs);
      if (!windowed || !days[w] || rs.n >= (size_t)f.limit) break;
    }
    if (windowed) f.has_since = 0;
  }
  if (rc == PX_OK && rs.oom) rc = PX_ENOMEM;
  if (rc) {
    rows_free(&rs);
    pg_store_error(r, h, rc, out);
    return;
  }
  /* Outlet names per story, for the groups (and the outlet filter of a text search). */
  bool need_outlets = app->groups || (q && outlet);
  size_t kept = 0;
  for (size_t i = 0; i < rs.n && kept < (size_t)limit; i++) {
    row *w = &rs.v[i];
    if (need_outlets) px_store_story_articles(h->st, w->in.id, add_member_outlet, &w->out);
    bool keep = true;
    if (q && outlet) {
      keep = false;
      for (size_t k = 0; k < w->out.n; k++)
        if (strcmp(w->out.name[k], outlet) == 0) keep = true;
    }
    if (keep && gname) {
      keep = false;
      for (size_t k = 0; k < w->out.n; k++) {
        const char *gr = sv_groups_of(app->groups, gdim, w->out.name[k], strlen(w->out.name[k]));
        if (gr && strcmp(gr, gname) == 0) keep = true;
      }
    }
    if (keep) {
      row tmp = rs.v[kept];
      rs.v[kept++] = *w;
      rs.v[i] = tmp;
    }
  }
  for (size_t i = kept; i < rs.n; i++) {
    free(rs.v[i].headline);
    pg_outlets_free(&rs.v[i].out);
  }
  rs.n = kept;
  sbuf *b = &out->body;
  const char *lbl[72];
  int64_t cnt[72];
  if (r->api) {
    json_ok(out);
    sb_f(b, "{\"last_article\":%lld,\"stories\":[", (long long)mark.last_article);
    for (size_t i = 0; i < rs.n; i++) {
      if (i) sb_s(b, ",\n");
      sb_s(b, "{\"story\":");
      sj_story(b, &rs.v[i].in);
      if (need_outlets) {
        sb_s(b, ",\"outlet_names\":[");
        for (size_t k = 0; k < rs.v[i].out.n; k++) {
          if (k) sb_s(b, ",");
          sb_json(b, rs.v[i].out.name[k], strlen(rs.v[i].out.name[k]));
        }
        sb_s(b, "]");
      }
      if (app->groups) {
        sb_s(b, ",\"coverage\":{");
        for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
          size_t n = pg_group_counts(app->groups, d, &rs.v[i].out, lbl, cnt, 72);
          if (d) sb_s(b, ",");
          sb_json(b, sv_groups_dim(app->groups, d), strlen(sv_groups_dim(app->groups, d)));
          sb_s(b, ":{");
          for (size_t k = 0; k < n; k++) {
            if (k) sb_s(b, ",");
            sb_json(b, lbl[k], strlen(lbl[k]));
            sb_f(b, ":%lld", (long long)cnt[k]);
          }
          sb_s(b, "}");
        }
        sb_s(b, "}");
      }
      sb_s(b, "}");
    }
    sb_s(b, "]}\n");
    rows_free(&rs);
    return;
  }
  html_ok(out);
  pg_head(b, "Stories", "/api/live", mark.last_article);
  sb_s(b, "<h1>Stories</h1>");
  if (mark.has_published) {
    sb_s(b, "<p class=\"meta\">Latest stories first; the latest article was published ");
    sb_time(b, mark.last_published, true);
    sb_s(b, " UTC.</p>");
  }
  sb_s(b, "<form class=\"filters\" method=\"get\" action=\"/\" aria-label=\"Filter stories\">"
          "<label>From<input type=\"date\" name=\"since\"");
  form_value(b, r, "since");
  sb_s(b, "></label><label>To (inclusive)<input type=\"date\" name=\"until\"");
  form_value(b, r, "until");
  sb_s(b, "></label><label>Outlet<input type=\"text\" name=\"outlet\" list=\"outlet-list\"");
  form_value(b, r, "outlet");
  sb_s(b, "></label>");
  if (app->groups) {
    sb_s(b, "<label>Outlet group<select name=\"group\"><option value=\"\">any</option>");
    for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
      const char *dn = sv_groups_dim(app->groups, d);
      const char **names;
      size_t nn = sv_groups_names(app->groups, d, &names);
      sb_s(b, "<optgroup label=\"");
      sb_hs(b, dn);
      sb_s(b, "\">");
      for (size_t k = 0; k < nn; k++) {
        bool sel = gname && gdim == d && strcmp(gname, names[k]) == 0;
        sb_s(b, "<option value=\"");
        sb_hs(b, dn);
        sb_s(b, ":");
        sb_hs(b, names[k]);
        sb_s(b, sel ? "\" selected>" : "\">");
        sb_hs(b, names[k]);
        sb_s(b, "</option>");
      }
      sb_s(b, "</optgroup>");
    }
    sb_s(b, "</select></label>");
  }
  sb_s(b, "<label>At least (outlets)<input type=\"number\" min=\"0\" name=\"min\"");
  form_value(b, r, "min");
  sb_s(b, "></label><label>Text<input type=\"search\" name=\"q\"");
  form_value(b, r, "q");
  sb_s(b, "></label><button type=\"submit\">Apply</button> <a href=\"/\">Clear</a></form>");
  /* Coverage over time: stories (by first report) and articles per day, of the listed stories. */
  if (rs.n) {
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (size_t i = 0; i < rs.n; i++)
      if (rs.v[i].in.has_time) {
        int64_t d = rs.v[i].in.first / 86400;
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      }
    if (lo <= hi) {
      if (hi - lo > 89) lo = hi - 89;
      size_t nd = (size_t)(hi - lo + 1);
      int64_t day[90], a[90] = {0}, s[90] = {0};
      for (size_t k = 0; k < nd; k++) day[k] = lo + (int64_t)k;
      for (size_t i = 0; i < rs.n; i++) {
        if (!rs.v[i].in.has_time) continue;
        int64_t d = rs.v[i].in.first / 86400;
        if (d < lo) continue;
        s[d - lo]++;
        a[d - lo] += rs.v[i].in.articles;
      }
      svg_days(b, "Coverage over time: articles and stories per day (stories listed below, by first report)",
               day, a, s, nd);
    }
  }
  if (rs.n == 0) sb_s(b, "<p class=\"note\">No story matches these filters.</p>");
  int64_t maxo = 1;
  for (size_t i = 0; i < rs.n; i++)
    if (rs.v[i].in.outlets > maxo) maxo = rs.v[i].in.outlets;
  sb_f(b, "<ol class=\"stories\" aria-label=\"Stories, newest first\" data-count=\"%zu\">", rs.n);
  for (size_t i = 0; i < rs.n; i++) {
    row *w = &rs.v[i];
    sb_f(b, "<li><h2><a href=\"/story/%lld\">", (long long)w->in.id);
    if (w->in.headline.len) sb_hp(b, w->in.headline);
    else sb_s(b, "(untitled)");
    sb_s(b, "</a></h2><p class=\"meta\">");
    if (w->in.has_time) {
      sb_time(b, w->in.first, true);
      sb_s(b, " – ");
      sb_time(b, w->in.last, true);
      int64_t span = w->in.last - w->in.first;
      if (span >= 86400) sb_f(b, " (%lld days)", (long long)(span / 86400));
      else sb_f(b, " (%lld h)", (long long)(span / 3600));
    } else {
      sb_s(b, "undated");
    }
    sb_f(b, " · %lld outlets · %lld articles", (long long)w->in.outlets, (long long)w->in.articles);
    if (w->in.duplicates) sb_f(b, " · %lld copies", (long long)w->in.duplicates);
    sb_s(b, "</p><p class=\"legend\">");
    if (app->groups) {
      size_t n = pg_group_counts(app->groups, 0, &w->out, lbl, cnt, 72);
      svg_coverage(b, lbl, cnt, n, maxo);
      sb_s(b, " ");
      sb_hs(b, sv_groups_dim(app->groups, 0));
      sb_s(b, ": ");
      bool any = false;
      for (size_t k = 0; k < n; k++) {
        if (!cnt[k]) continue;
        sb_s(b, any ? ", " : "");
        sb_hs(b, lbl[k]);
        sb_f(b, " %lld", (long long)cnt[k]);
        any = true;
      }
    } else {
      const char *one = "outlets";
      int64_t c = w->in.outlets;
      svg_coverage(b, &one, &c, 1, maxo);
      sb_f(b, " %lld of up to %lld outlets here", (long long)c, (long long)maxo);
    }
    sb_s(b, "</p></li>\n");
  }
  sb_s(b, "</ol>");
  rows_free(&rs);
  pg_foot(b);
}

/* ------------------------------------------------------------ search */

typedef struct hits {
  sbuf *b;
  bool api;
  size_t n;
  px_store *st;
} hits;

static int emit_hit(void *u, const px_search_hit *hit) {
  hits *hs = u;
  sbuf *b = hs->b;
  int64_t story = 0;
  px_store_article_story(hs->st, hit->id, &story);
  if (hs->api) {
    if (hs->n) sb_s(b, ",\n");
    sj_hit(b, hit, story);
  } else {
    sb_f(b, "<li class=\"hit\"><h2><a href=\"/article/%lld\">", (long long)hit->id);
    if (hit->title.len) sb_hp(b, hit->title);
    else sb_s(b, "(untitled)");
    sb_s(b, "</a></h2><p class=\"meta\">");
    pg_link(b, "/outlet/", hit->source.ptr, hit->source.len, hit->source.ptr, hit->source.len);
    if (hit->has_time) {
      sb_s(b, " · ");
      sb_time(b, hit->published, true);
    }
    if (story) sb_f(b, " · <a href=\"/story/%lld\">its story</a>", (long long)story);
    sb_s(b, "</p><p>");
    /* The snippet: text escaped, the \1 \2 match markers become <b></b>. */
    size_t run = 0;
    bool open = false;
    for (size_t i = 0; i < hit->snippet.len; i++) {
      char c = hit->snippet.ptr[i];
      if (c != '\x01' && c != '\x02') continue;
      sb_html(b, hit->snippet.ptr + run, i - run);
      if (c == '\x01' && !open) sb_s(b, "<b>"), open = true;
      else if (c == '\x02' && open) sb_s(b, "</b>"), open = false;
      run = i + 1;
    }
    sb_html(b, hit->snippet.ptr + run, hit->snippet.len - run);
    if (open) sb_s(b, "</b>");
    sb_s(b, "</p></li>\n");
  }
  hs->n++;
  return 0;
}

static void page_search(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  const char *q = pstr(r, "q");
  int64_t limit;
  if (!pint(r, "limit", 1, 200, 30, &limit)) {
    sv_error_page(r, 400, "limit must be 1 to 200", out);
    return;
  }
  sbuf *b = &out->body;
  hits hs = {b, r->api, 0, h->st};
  px_article_filter f = {0};
  f.limit = limit;
  f.source = pstr(r, "outlet");
  if (r->api) {
    if (!q) {
      sv_error_page(r, 400, "q is required", out);
      return;
    }
    json_ok(out);
    sb_s(b, "{\"query\":");
    sb_json(b, q, strlen(q));
    sb_s(b, ",\"hits\":[");
  } else {
    html_ok(out);
    pg_head(b, q ? q : "Search", NULL, 0);
    sb_s(b, "<h1>Search</h1><form class=\"filters\" method=\"get\" action=\"/search\">"
            "<label>Words, \"a phrase\", prefix*, AND/OR/NOT<input type=\"search\" name=\"q\"");
    form_value(b, r, "q");
    sb_s(b, "></label><button type=\"submit\">Search</button></form>");
    if (!q) {
      pg_foot(b);
      return;
    }
    sb_s(b, "<ol class=\"stories\" aria-label=\"Search results\">");
  }
  int rc = px_store_search(h->st, q, &f, emit_hit, &hs);
  if (rc == PX_EQUERY) {
    sv_error_page(r, 400, px_ctx_error(h->ctx), out);
    return;
  }
  if (rc) {
    pg_store_error(r, h, rc, out);
    return;
  }
  if (r->api) {
    sb_s(b, "]}\n");
    return;
  }
  sb_s(b, "</ol>");
  if (!hs.n) sb_s(b, "<p class=\"note\">No article matches.</p>");
  pg_foot(b);
  (void)app;
}

/* ----------------------------------------------------------- outlets */

typedef struct outl {
  sbuf *b;
  sv_app *app;
  bool api;
  size_t n;
} outl;

static int emit_outlet(void *u, px_str name, int64_t n) {
  outl *o = u;
  sbuf *b = o->b;
  if (o->api) {
    sb_s(b, o->n ? ",\n{\"outlet\":" : "{\"outlet\":");
    sb_jp(b, name);
    sb_f(b, ",\"articles\":%lld", (long long)n);
    for (size_t d = 0; d < sv_groups_dims(o->app->groups); d++) {
      const char *g = sv_groups_of(o->app->groups, d, name.ptr, name.len);
      sb_s(b, ",");
      sb_json(b, sv_groups_dim(o->app->groups, d), strlen(sv_groups_dim(o->app->groups, d)));
      sb_s(b, ":");
      if (g) sb_json(b, g, strlen(g));
      else sb_s(b, "null");
    }
    sb_s(b, "}");
  } else {
    sb_s(b, "<tr><td>");
    pg_link(b, "/outlet/", name.ptr, name.len, name.len ? name.ptr : "(unknown)",
            name.len ? name.len : 9);
    sb_f(b, "</td><td>%lld</td>", (long long)n);
    for (size_t d = 0; d < sv_groups_dims(o->app->groups); d++) {
      const char *g = sv_groups_of(o->app->groups, d, name.ptr, name.len);
      sb_s(b, "<td>");
      sb_hs(b, g ? g : "—");
      sb_s(b, "</td>");
    }
    sb_s(b, "</tr>\n");
  }
  o->n++;
  return 0;
}

static void page_outlets(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  sbuf *b = &out->body;
  outl o = {b, app, r->api, 0};
  if (r->api) {
    json_ok(out);
    sb_s(b, "{\"outlets\":[");
  } else {
    html_ok(out);
    pg_head(b, "Outlets", NULL, 0);
    sb_s(b, "<h1>Outlets</h1><table><thead><tr><th scope=\"col\">outlet</th>"
            "<th scope=\"col\">articles</th>");
    for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
      sb_s(b, "<th scope=\"col\">");
      sb_hs(b, sv_groups_dim(app->groups, d));
      sb_s(b, "</th>");
    }
    sb_s(b, "</tr></thead><tbody>");
  }
  int rc = px_store_outlets(h->st, 2000, emit_outlet, &o);
  if (rc) {
    pg_store_error(r, h, rc, out);
    return;
  }
  if (r->api) {
    sb_s(b, "]}\n");
    return;
  }
  sb_s(b, "</tbody></table>");
  pg_foot(b);
}

typedef struct outlet_stat {
  const char *name;
  int64_t arts, copies;
  double wire;
} outlet_stat;

static int outlet_member(void *u, const px_story_member *m) {
  outlet_stat *s = u;
  px_str src = px_article_get(m->art, PX_F_SOURCE);
  if (src.len != strlen(s->name) || memcmp(src.ptr, s->name, src.len) != 0) return 0;
  s->arts++;
  s->wire += m->wire_share;
  if (m->dup_of) s->copies++;
  return 0;
}

static void page_outlet(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  rows rs = {0};
  px_story_filter f = {0};
  f.outlet = r->arg;
  f.limit = 60;
  int rc = px_store_stories(h->st, &f, collect_story, &rs);
  if (rc == PX_OK && rs.oom) rc = PX_ENOMEM;
  if (rc) {
    rows_free(&rs);
    pg_store_error(r, h, rc, out);
    return;
  }
  if (rs.n == 0) {
    rows_free(&rs);
    sv_error_page(r, 404, "no story has an article from this outlet", out);
    return;
  }
  outlet_stat s = {r->arg, 0, 0, 0};
  int64_t alone = 0;
  for (size_t i = 0; i < rs.n; i++) {
    px_store_story_articles(h->st, rs.v[i].in.id, outlet_member, &s);
    if (rs.v[i].in.outlets == 1) alone++;
  }
  sbuf *b = &out->body;
  if (r->api) {
    json_ok(out);
    sb_s(b, "{\"outlet\":");
    sb_json(b, r->arg, strlen(r->arg));
    sb_f(b, ",\"recent_stories\":%zu,\"stories_alone\":%lld,\"articles_in_them\":%lld,"
            "\"copies\":%lld,\"mean_wire_share\":%.3f,\"groups\":{",
         rs.n, (long long)alone, (long long)s.arts, (long long)s.copies,
         s.arts ? s.wire / (double)s.arts : 0.0);
    for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
      const char *g = sv_groups_of(app->groups, d, r->arg, strlen(r->arg));
      if (d) sb_s(b, ",");
      sb_json(b, sv_groups_dim(app->groups, d), strlen(sv_groups_dim(app->groups, d)));
      sb_s(b, ":");
      if (g) sb_json(b, g, strlen(g));
      else sb_s(b, "null");
    }
    sb_s(b, "},\"stories\":[");
    for (size_t i = 0; i < rs.n; i++) {
      if (i) sb_s(b, ",\n");
      sj_story(b, &rs.v[i].in);
    }
    sb_s(b, "]}\n");
    rows_free(&rs);
    return;
  }
  html_ok(out);
  pg_head(b, r->arg, NULL, 0);
  sb_s(b, "<h1>");
  sb_hs(b, r->arg);
  sb_s(b, "</h1><p class=\"meta\">");
  for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
    const char *g = sv_groups_of(app->groups, d, r->arg, strlen(r->arg));
    sb_hs(b, sv_groups_dim(app->groups, d));
    sb_s(b, ": ");
    sb_hs(b, g ? g : "—");
    sb_s(b, " · ");
  }
  sb_f(b, "its %zu latest stories</p><ul><li>%lld of them carried by this outlet alone</li>"
          "<li>%lld articles in them, %lld of which copy another article</li>"
          "<li>wire copy: on average %.0f%% of its sentences were first published by another outlet</li></ul>",
       rs.n, (long long)alone, (long long)s.arts, (long long)s.copies,
       s.arts ? 100.0 * s.wire / (double)s.arts : 0.0);
  sb_f(b, "<p><a href=\"/?outlet=");
  sb_urlc(b, r->arg, strlen(r->arg));
  sb_s(b, "\">All its stories</a> · <a href=\"/search?outlet=");
  sb_urlc(b, r->arg, strlen(r->arg));
  sb_s(b, "\">search its articles</a></p><h2>Latest stories</h2><ol class=\"stories\">");
  for (size_t i = 0; i < rs.n; i++) {
    sb_f(b, "<li><a href=\"/story/%lld\">", (long long)rs.v[i].in.id);
    sb_hp(b, rs.v[i].in.headline);
    sb_f(b, "</a> <span class=\"meta\">%lld outlets%s</span></li>\n", (long long)rs.v[i].in.outlets,
         rs.v[i].in.outlets == 1 ? " · only this outlet" : "");
  }
  sb_s(b, "</ol>");
  rows_free(&rs);
  pg_foot(b);
}

/* ------------------------------------------------------------ entity */

typedef struct ent_list {
  sbuf *b;
  bool api;
  size_t n;
  int64_t day[90], cnt[90], hi;
} ent_list;

static int emit_entity_article(void *u, const px_article *a) {
  ent_list *e = u;
  sbuf *b = e->b;
  int has = 0;
  int64_t t = px_article_published(a, &has);
  if (e->api) {
    if (e->n) sb_s(b, ",\n");
    sj_article(b, a, false);
  } else {
    px_str src = px_article_get(a, PX_F_SOURCE), ti = px_article_get(a, PX_F_TITLE);
    sb_s(b, "<li>");
    if (has) {
      sb_time(b, t, false);
      sb_s(b, " · ");
    }
    pg_link(b, "/outlet/", src.ptr, src.len, src.ptr, src.len);
    sb_f(b, ": <a href=\"/article/%lld\">", (long long)px_article_id(a));
    if (ti.len) sb_hp(b, ti);
    else sb_s(b, "(untitled)");
    sb_s(b, "</a></li>\n");
    if (has) {
      int64_t d = t / 86400;
      if (!e->hi) e->hi = d;
      if (e->hi - d < 90) e->cnt[89 - (e->hi - d)]++;
    }
  }
  e->n++;
  return 0;
}

static void page_entity(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  sbuf *b = &out->body, list;
  sb_init(&list, 0);
  ent_list e = {&list, r->api, 0, {0}, {0}, 0};
  int rc = px_store_entity_articles(h->st, r->arg, 300, emit_entity_article, &e);
  if (rc || list.oom) {
    sb_free(&list);
    pg_store_error(r, h, rc ? rc : PX_ENOMEM, out);
    return;
  }
  if (e.n == 0) {
    sb_free(&list);
    sv_error_page(r, 404, "no article mentions this entity (keys are lower case: /entity/vladimir%20putin)", out);
    return;
  }
  if (r->api) {
    json_ok(out);
    sb_s(b, "{\"entity\":");
    sb_json(b, r->arg, strlen(r->arg));
    sb_s(b, ",\"articles\":[");
    sb_add(b, list.p, list.n);
    sb_s(b, "]}\n");
    sb_free(&list);
    return;
  }
  html_ok(out);
  pg_head(b, r->arg, NULL, 0);
  sb_s(b, "<h1>");
  sb_hs(b, r->arg);
  sb_f(b, "</h1><p class=\"meta\">%zu latest articles that mention it · ", e.n);
  pg_link(b, "/speaker/", r->arg, strlen(r->arg), "what they were quoted as saying", 31);
  sb_s(b, "</p>");
  size_t first = 0;
  while (first < 90 && e.cnt[first] == 0) first++;
  if (first < 90) {
    int64_t day[90], zero[90] = {0};
    for (size_t k = first; k < 90; k++) day[k] = e.hi - 89 + (int64_t)k;
    svg_days(b, "Articles mentioning it per day", day + first, e.cnt + first, zero + first, 90 - first);
  }
  sb_s(b, "<ul>");
  sb_add(b, list.p, list.n);
  sb_s(b, "</ul>");
  sb_free(&list);
  pg_foot(b);
  (void)app;
}

/* ----------------------------------------------------------- speaker */

typedef struct qrow {
  int64_t id, article, published;
  int has_time;
  px_quote_kind kind;
  char *source, *title, *text, *name;
} qrow;
typedef struct qrows {
  qrow *v;
  size_t n, cap;
  px_quote_groups *g;
  bool oom;
} qrows;

static int collect_quote(void *u, const px_stored_quote *q) {
  qrows *qs = u;
  if (qs->n == qs->cap) {
    size_t cap = qs->cap ? qs->cap * 2 : 64;
    qrow *v = realloc(qs->v, cap * sizeof(*v));
    if (!v) {
      qs->oom = true;
      return 1;
    }
    qs->v = v;
    qs->cap = cap;
  }
  qrow *w = &qs->v[qs->n];
  *w = (qrow){q->id, q->article, q->published, q->has_time, q->kind, str_dup(q->source),
              str_dup(q->title), str_dup(q->text), str_dup(q->speaker_name)};
  if (!w->source || !w->title || !w->text || !w->name) {
    qs->oom = true;
    return 1;
  }
  qs->n++;
  px_quote_groups_set_time(qs->g, q->published, q->has_time);
  px_quote_groups_set_place(qs->g, q->article, q->start, q->end);
  if (px_quote_groups_add_text(qs->g, q->speaker_name.ptr, q->speaker_name.len, q->text.ptr,
                               q->text.len, q->kind, (int64_t)qs->n - 1)) {
    qs->oom = true;
    return 1;
  }
  return 0;
}

/* The article behind a quote item's tag (an index into qs->v). */
static int quote_ref(void *user, int64_t tag, px_article_ref *out) {
  qrows *qs = user;
  if (tag < 0 || (size_t)tag >= qs->n) return 1;
  qrow *q = &qs->v[tag];
  memset(out, 0, sizeof(*out));
  out->id = q->article;
  out->source = (px_str){q->source, strlen(q->source)};
  out->title = (px_str){q->title, strlen(q->title)};
  out->published = q->published;
  out->has_time = q->has_time;
  return 0;
}

static void qrows_free(qrows *qs) {
  for (size_t i = 0; i < qs->n; i++) {
    free(qs->v[i].source);
    free(qs->v[i].title);
    free(qs->v[i].text);
    free(qs->v[i].name);
  }
  free(qs->v);
  px_quote_groups_free(qs->g);
}

typedef struct remark {
  size_t first, n; /* into order[] */
} remark;

static int cmp_remark(const void *a, const void *b) {
  const remark *x = a, *y = b;
  return x->n != y->n ? (x->n < y->n ? 1 : -1) : (x->first > y->first) - (x->first < y->first);
}

static void page_speaker(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  qrows qs = {0};
  if (px_quote_groups_new(&qs.g)) {
    sv_error_page(r, 500, "out of memory", out);
    return;
  }
  px_quote_filter f = {0};
  f.speaker = r->arg;
  f.limit = 3000;
  int rc = px_store_quotes(h->st, &f, collect_quote, &qs);
  if (rc == PX_OK && !qs.oom && qs.n == 0) {
    /* A key is lower case ("margaret ellery"); names are matched as
     * written, so a key is tried again with its words capitalized. */
    char name[SV_MAX_VALUE + 1];
    bool changed = false;
    for (size_t i = 0; i <= strlen(r->arg); i++) {
      char c = r->arg[i];
      if ((i == 0 || r->arg[i - 1] == ' ' || r->arg[i - 1] == '-') && c >= 'a' && c <= 'z') {
        c = (char)(c - 32);
        changed = true;
      }
      name[i] = c;
    }
    f.speaker = name;
    if (changed) rc = px_store_quotes(h->st, &f, collect_quote, &qs);
  }
  if (rc == PX_OK && qs.oom) rc = PX_ENOMEM;
  if (rc == PX_OK) rc = px_quote_groups_finish(qs.g);
  if (rc) {
    qrows_free(&qs);
    pg_store_error(r, h, rc, out);
    return;
  }
  if (qs.n == 0) {
    qrows_free(&qs);
    sv_error_page(r, 404, "no stored quote from this speaker", out);
    return;
  }
  /* Items by remark: order[] lists item indexes grouped by remark. */
  size_t nitems = px_quote_groups_items(qs.g), nrem = px_quote_groups_remarks(qs.g);
  size_t *rem_of = calloc(nitems + 1, sizeof(size_t)), *order = calloc(nitems + 1, sizeof(size_t));
  remark *rems = calloc(nrem + 1, sizeof(remark));
  size_t *fill = calloc(nrem + 1, sizeof(size_t));
  if (!rem_of || !order || !rems || !fill) {
    free(rem_of), free(order), free(rems), free(fill);
    qrows_free(&qs);
    sv_error_page(r, 500, "out of memory", out);
    return;
  }
  for (size_t i = 0; i < nitems; i++) {
    px_quote_item it;
    px_quote_groups_item(qs.g, i, &it);
    rem_of[i] = it.remark < nrem ? it.remark : 0;
    rems[rem_of[i]].n++;
  }
  size_t pos = 0;
  for (size_t k = 0; k < nrem; k++) {
    rems[k].first = pos;
    pos += rems[k].n;
  }
  for (size_t i = 0; i < nitems; i++) order[rems[rem_of[i]].first + fill[rem_of[i]]++] = i;
  qsort(rems, nrem, sizeof(remark), cmp_remark);
  sbuf *b = &out->body;
  if (r->api) {
    json_ok(out);
    sb_s(b, "{\"speaker\":");
    sb_json(b, r->arg, strlen(r->arg));
    sb_s(b, ",\"remarks\":[");
    size_t *items = malloc((nitems + 1) * sizeof(size_t));
    for (size_t k = 0; items && k < nrem; k++) {
      for (size_t j = 0; j < rems[k].n; j++) items[j] = order[rems[k].first + j];
      px_quote_item it0;
      px_quote_groups_item(qs.g, items[0], &it0);
      if (k) sb_s(b, ",");
      px_json *j = sj_open(b);
      if (j) px_json_remark(j, qs.g, it0.remark, (px_str){qs.v[it0.tag].name, strlen(qs.v[it0.tag].name)},
                            items, rems[k].n, quote_ref, &qs, 0);
      sj_close(b, j);
    }
    if (!items) b->oom = true;
    free(items);
    sb_s(b, "]}\n");
  } else {
    html_ok(out);
    pg_head(b, r->arg, NULL, 0);
    sb_s(b, "<h1>");
    sb_hs(b, qs.v[0].name[0] ? qs.v[0].name : r->arg);
    sb_f(b, "</h1><p class=\"meta\">%zu quotes in %zu remarks, across outlets and over time · ",
         qs.n, nrem);
    pg_link(b, "/entity/", r->arg, strlen(r->arg), "articles that mention them", 26);
    sb_s(b, "</p>");
    for (size_t k = 0; k < nrem && k < 300; k++) {
      px_quote_item it0;
      px_quote_groups_item(qs.g, order[rems[k].first], &it0);
      qrow *q0 = &qs.v[it0.tag];
      sb_f(b, "<details id=\"remark-%zu\"%s><summary>", k, k < 3 ? " open" : "");
      sb_s(b, "“");
      sb_hs(b, q0->text);
      sb_f(b, "” <span class=\"meta\">(%zu rendering%s)</span></summary>", rems[k].n,
           rems[k].n == 1 ? "" : "s");
      sb_s(b, "<table><thead><tr><th scope=\"col\" class=\"o\">outlet, date</th>"
              "<th scope=\"col\">wording</th></tr></thead><tbody>");
      for (size_t j = 0; j < rems[k].n; j++) {
        px_quote_item it;
        px_quote_groups_item(qs.g, order[rems[k].first + j], &it);
        qrow *q = &qs.v[it.tag];
        sb_s(b, "<tr><td class=\"o\">");
        pg_link(b, "/outlet/", q->source, strlen(q->source), q->source, strlen(q->source));
        if (q->has_time) {
          sb_s(b, "<br>");
          sb_time(b, q->published, false);
        }
        sb_f(b, "</td><td>“");
        sb_hs(b, q->text);
        sb_f(b, "” <span class=\"meta\">(%s, <a href=\"/article/%lld\">article</a>)</span></td></tr>",
             px_quote_kind_name(q->kind), (long long)q->article);
      }
      sb_s(b, "</tbody></table></details>\n");
    }
    pg_foot(b);
  }
  free(rem_of), free(order), free(rems), free(fill);
  qrows_free(&qs);
  (void)app;
}

/* -------------------------------------------------------- blind spots */

static void page_blindspots(sv_app *app, sv_handle *h, const sv_req *r, sv_resp *out) {
  sbuf *b = &out->body;
  int64_t limit, share_pct;
  if (!pint(r, "limit", 1, 2000, 300, &limit) || !pint(r, "share", 50, 100, 80, &share_pct)) {
    sv_error_page(r, 400, "limit 1 to 2000, share 50 to 100", out);
    return;
  }
  if (!app->groups) {
    if (r->api) {
      json_ok(out);
      sb_s(b, "{\"groups\":false,\"stories\":[]}\n");
      return;
    }
    html_ok(out);
    pg_head(b, "Blind spots", NULL, 0);
    sb_s(b, "<h1>Blind spots</h1><p class=\"note\">Blind spots need outlet groups: start the "
            "server with <code>--groups FILE</code>, a file of lines "
            "<code>outlet&lt;TAB&gt;dimension&lt;TAB&gt;group</code> (for example "
            "<code>lean</code>, <code>country</code>, <code>owner</code>); "
            "<code>scripts/groups_from_jsonl.py</code> writes one from AllSides' "
            "<code>bias_text</code>.</p>");
    pg_foot(b);
    return;
  }
  rows rs = {0};
  px_story_filter f = {0};
  f.min_outlets = 3;
  f.limit = limit;
  px_store_mark mark;
  int rc = px_store_mark_get(h->st, &mark);
  if (rc == PX_OK && mark.has_published) {
    /* As the stories page: a window from the latest article, widened until full. */
    static const int64_t days[] = {30, 365, 0};
    for (size_t w = 0; rc == PX_OK; w++) {
      f.has_since = days[w] != 0;
      f.since = mark.last_published - days[w] * 86400;
      rows_free(&rs);
      memset(&rs, 0, sizeof(rs));
      rc = px_store_stories(h->st, &f, collect_story, &rs);
      if (!days[w] || rs.n >= (size_t)limit) break;
    }
  } else if (rc == PX_OK) {
    rc = px_store_stories(h->st, &f, collect_story, &rs);
  }
  if (rc) {
    rows_free(&rs);
    pg_store_error(r, h, rc, out);
    return;
  }
  if (r->api) {
    json_ok(out);
    sb_s(b, "{\"groups\":true,\"stories\":[");
  } else {
    html_ok(out);
    pg_head(b, "Blind spots", NULL, 0);
    sb_f(b, "<h1>Blind spots</h1><p class=\"meta\">Stories of three outlets or more, among the "
            "%lld latest, of which at least %lld%% of the outlets with a known group belong to "
            "one group.</p>",
         (long long)limit, (long long)share_pct);
  }
  size_t nshown = 0;
  const char *lbl[72];
  int64_t cnt[72];
  for (size_t d = 0; d < sv_groups_dims(app->groups); d++) {
    const char *dn = sv_groups_dim(app->groups, d);
    if (!r->api) {
      sb_s(b, "<h2>By ");
      sb_hs(b, dn);
      sb_s(b, "</h2><ol class=\"stories\">");
    }
    size_t here = 0;
    for (size_t i = 0; i < rs.n; i++) {
      row *w = &rs.v[i];
      if (d == 0) px_store_story_articles(h->st, w->in.id, add_member_outlet, &w->out);
      size_t n = pg_group_counts(app->groups, d, &w->out, lbl, cnt, 72);
      int64_t known = 0, top = 0;
      size_t tk = 0;
      for (size_t k = 0; k + 1 < n; k++) {
        known += cnt[k];
        if (cnt[k] > top) top = cnt[k], tk = k;
      }
      if (known < 3 || top * 100 < share_pct * known) continue;
      if (r->api) {
        sb_s(b, nshown ? ",\n{\"dimension\":" : "{\"dimension\":");
        sb_json(b, dn, strlen(dn));
        sb_s(b, ",\"group\":");
        sb_json(b, lbl[tk], strlen(lbl[tk]));
        sb_f(b, ",\"group_outlets\":%lld,\"known_outlets\":%lld,\"story\":", (long long)top,
             (long long)known);
        sj_story(b, &w->in);
        sb_s(b, "}");
      } else {
        sb_f(b, "<li><a href=\"/story/%lld\">", (long long)w->in.id);
        sb_hp(b, w->in.headline);
        sb_s(b, "</a> <span class=\"meta\">carried almost only by ");
        sb_hs(b, lbl[tk]);
        sb_f(b, " outlets: %lld of %lld with a known %s</span> ", (long long)top, (long long)known,
             "group");
        svg_coverage(b, lbl, cnt, n, 0);
        sb_s(b, "</li>\n");
      }
      nshown++;
      here++;
    }
    if (!r->api) {
      sb_s(b, "</ol>");
      if (!here) sb_s(b, "<p class=\"note\">None.</p>");
    }
  }
  rows_free(&rs);
  if (r->api) sb_s(b, "]}\n");
  else pg_foot(b);
}

/* ------------------------------------------------------------ thread */

typedef struct thr {
  sbuf *b;
  bool api;
  size_t n;
} thr;

static void name_list(sbuf *b, bool api, const char *label, const px_str *v, size_t n) {
  if (api) {
    sb_f(b, ",\"%s\":[", label);
    for (size_t i = 0; i < n; i++) {
      if (i) sb_s(b, ",");
      sb_jp(b, v[i]);
    }
    sb_s(b, "]");
    return;
  }
  if (!n) return;
  sb_s(b, "<br><span class=\"meta\">");
  sb_hs(b, label);
  sb_s(b, ":</span> ");
  for (size_t i = 0; i < n && i < 30; i++) {
    if (i) sb_s(b, ", ");
    sb_hp(b, v[i]);
  }
}

static int emit_step(void *u, const px_thread_step *st) {
  thr *t = u;
  sbuf *b = t->b;
  const px_story_info *in = st->story;
  if (t->api) {
    sb_s(b, t->n ? ",\n{\"story\":" : "{\"story\":");
    sj_story(b, in);
    name_list(b, true, "new_outlets", st->new_outlets, st->n_new_outlets);
    name_list(b, true, "new_speakers", st->new_speakers, st->n_new_speakers);
    name_list(b, true, "new_names", st->new_names, st->n_new_names);
    sb_s(b, "}");
  } else {
    sb_s(b, "<li>");
    if (in->has_time) {
      sb_time(b, in->first, false);
      sb_s(b, " ");
    }
    sb_f(b, "<a href=\"/story/%lld\">", (long long)in->id);
    if (in->headline.len) sb_hp(b, in->headline);
    else sb_s(b, "(untitled)");
    sb_f(b, "</a> <span class=\"meta\">%lld outlets, %lld articles</span>", (long long)in->outlets,
         (long long)in->articles);
    name_list(b, false, "new outlets", st->new_outlets, st->n_new_outlets);
    name_list(b, false, "new speakers", st->new_speakers, st->n_new_speakers);
    name_list(b, false, "new names", st->new_names, st->n_new_names);
    sb_s(b, "</li>\n");
  }
  t->n++;
  return 0;
}

static void page_thread(sv_handle *h, const sv_req *r, sv_resp *out) {
  sbuf list;
  sb_init(&list, 0);
  thr t = {&list, r->api, 0};
  int rc = px_store_thread_stories(h->st, r->id, emit_step, &t);
  if (rc == PX_ENOTFOUND || (rc == PX_OK && t.n == 0)) {
    sb_free(&list);
    sv_error_page(r, 404, "there is no thread with this id", out);
    return;
  }
  if (rc || list.oom) {
    sb_free(&list);
    pg_store_error(r, h, rc ? rc : PX_ENOMEM, out);
    return;
  }
  sbuf *b = &out->body;
  if (r->api) {
    json_ok(out);
    sb_f(b, "{\"thread\":%lld,\"stories\":[", (long long)r->id);
    sb_add(b, list.p, list.n);
    sb_s(b, "]}\n");
  } else {
    html_ok(out);
    pg_head(b, "Thread", NULL, 0);
    sb_f(b, "<h1>Thread of %zu stories</h1><p class=\"meta\">Stories about one developing matter, "
            "in time order, each with what it brought that the earlier ones did not.</p>"
            "<ol class=\"stories\">",
         t.n);
    sb_add(b, list.p, list.n);
    sb_s(b, "</ol>");
    pg_foot(b);
  }
  sb_free(&list);
}

/* -------------------------------------------------------------- live */

static void page_live(sv_handle *h, const sv_req *r, sv_resp *out) {
  int64_t id = 0, n = 0;
  const char *s = pstr(r, "story");
  if (s) {
    char *e;
    id = strtoll(s, &e, 10);
    if (*e || id <= 0) {
      sv_error_page(r, 400, "story must be an id", out);
      return;
    }
    rows rs = {0};
    int rc = px_store_story_get(h->st, id, collect_story, &rs);
    if (rc) {
      rows_free(&rs);
      pg_store_error(r, h, rc, out);
      return;
    }
    n = rs.n ? rs.v[0].in.articles : 0;
    rows_free(&rs);
  } else {
    /* Article ids grow by one per stored article: the highest id counts them. */
    px_store_mark m;
    int rc = px_store_mark_get(h->st, &m);
    if (rc) {
      pg_store_error(r, h, rc, out);
      return;
    }
    n = m.last_article;
  }
  json_ok(out);
  sb_f(&out->body, "{\"articles\":%lld}\n", (long long)n);
}

/* ------------------------------------------------------------ router */

/* A page is cached whole, keyed by its whole request target and stamped
 * with the store's change count (app->gen, bumped by the server's watcher
 * when another connection commits): a fresh entry is sent without reading
 * the store at all.  The story page is also checked against the story's
 * members: when only the change count moved, a page whose story kept its
 * members is stamped again rather than rebuilt (serve_story.c).  The live
 * poll is never cached. */
static bool cacheable(const sv_req *r) {
  return r->page != SV_LIVE && r->page != SV_ASSET && r->page != SV_NONE && r->target;
}

bool sv_cached_response(sv_app *app, const sv_req *r, sv_resp *out, sv_centry **stale) {
  *stale = NULL;
  if (!cacheable(r)) return false;
  uint64_t gen = __atomic_load_n(&app->gen, __ATOMIC_ACQUIRE);
  sv_centry *e;
  int st = sv_cache_get(app->cache, r->target, r->target_len, gen, &e);
  if (st == SV_C_FRESH || st == SV_C_STALE) {
    /* Stale: another request is rebuilding it; until it is done this one
     * gets the page as it was, which is whole and consistent. */
    out->status = 200;
    out->type = r->api ? "application/json" : "text/html; charset=utf-8";
    out->ref = e;
    __atomic_add_fetch(st == SV_C_FRESH ? &app->n_fresh : &app->n_stale, 1, __ATOMIC_RELAXED);
    return true;
  }
  if (st == SV_C_REFRESH) *stale = e;
  return false;
}

size_t sv_refresh(sv_app *app, sv_handle *h, int seconds, size_t max) {
  /* The pages are claimed before the new count is published: no request
   * finds one of them stale and unclaimed, so none waits for a rebuild. */
  uint64_t gen = __atomic_load_n(&app->gen, __ATOMIC_ACQUIRE) + 1;
  sv_centry **list = calloc(max ? max : 1, sizeof(*list));
  sv_req *req = malloc(sizeof(*req));
  size_t n = 0, done = 0;
  if (list && req) n = sv_cache_claim_stale(app->cache, gen, time(NULL) - seconds, '/', list, max);
  __atomic_store_n(&app->gen, gen, __ATOMIC_RELEASE);
  for (size_t i = 0; i < n; i++) {
    /* The pages still waiting stay claimed however long the pass takes:
     * their requests keep getting them as they were, none rebuilds them. */
    sv_cache_keep_claims(app->cache, list + i, n - i);
    size_t klen;
    const char *key = sv_centry_key(list[i], &klen);
    const char *msg;
    if (sv_route(key, klen, req, &msg) || !cacheable(req)) {
      sv_cache_unclaim(app->cache, list[i]);
      sv_centry_release(list[i]);
      continue;
    }
    sv_resp rs = {0};
    sv_handle_request(app, h, req, list[i], &rs); /* takes over list[i] */
    if (rs.ref && rs.status == 200) done++;
    sv_centry_release(rs.ref);
    sb_free(&rs.body);
  }
  free(req);
  free(list);
  __atomic_add_fetch(&app->n_refreshed, done, __ATOMIC_RELAXED);
  return done;
}

void sv_handle_request(sv_app *app, sv_handle *h, const sv_req *r, sv_centry *stale,
                       sv_resp *out) {
  /* The stamp is read before the page reads the store: a commit seen by the
   * page but not yet by the stamp only makes the entry rebuilt sooner. */
  uint64_t gen = __atomic_load_n(&app->gen, __ATOMIC_ACQUIRE);
  sb_init(&out->body, 0);
  out->status = 500;
  out->type = "text/plain";
  out->ref = NULL;
  out->check = NULL;
  out->check_len = 0;
  switch (r->page) {
  case SV_STORIES: page_stories(app, h, r, out); break;
  case SV_STORY: page_story(app, h, r, &stale, gen, out); break;
  case SV_ARTICLE: page_article(app, h, r, out); break;
  case SV_SEARCH: page_search(app, h, r, out); break;
  case SV_OUTLETS: page_outlets(app, h, r, out); break;
  case SV_OUTLET: page_outlet(app, h, r, out); break;
  case SV_ENTITY: page_entity(app, h, r, out); break;
  case SV_SPEAKER: page_speaker(app, h, r, out); break;
  case SV_BLINDSPOTS: page_blindspots(app, h, r, out); break;
  case SV_LIVE: page_live(h, r, out); break;
  case SV_THREAD: page_thread(h, r, out); break;
  default: sv_error_page(r, 404, "no such page", out); break;
  }
  if (out->ref) {
    /* Revalidated: the cached entry is the response. */
  } else if (out->body.oom) {
    sv_error_page(r, 500, "the page grew past its size limit", out);
  } else if (cacheable(r) && out->status == 200 && out->body.p) {
    __atomic_add_fetch(&app->n_built, 1, __ATOMIC_RELAXED);
    sv_centry *e = sv_cache_put(app->cache, r->target, r->target_len, gen, out->check,
                                out->check_len, out->body.p, out->body.n);
    if (e) { /* send the cached copy, and drop the built one */
      sb_free(&out->body);
      out->ref = e;
    }
  }
  free(out->check);
  out->check = NULL;
  if (cacheable(r)) sv_cache_done(app->cache, r->target, r->target_len);
  if (stale) { /* not revalidated, and (when the build failed) not replaced */
    sv_cache_unclaim(app->cache, stale);
    sv_centry_release(stale);
  }
}

bool sv_prebuild(sv_app *app, sv_handle *h, const char *target) {
  sv_req *req = malloc(sizeof(*req));
  const char *msg;
  bool ok = false;
  if (req && !sv_route(target, strlen(target), req, &msg)) {
    sv_resp rs = {0};
    sv_centry *stale = NULL;
    if (sv_cached_response(app, req, &rs, &stale)) {
      ok = true;
    } else {
      sv_handle_request(app, h, req, stale, &rs);
      ok = rs.status == 200;
    }
    sv_centry_release(rs.ref);
    sb_free(&rs.body);
  }
  free(req);
  return ok;
}
