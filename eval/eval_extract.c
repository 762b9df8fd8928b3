/*
 * eval_extract - score the HTML article extractor.
 *
 *   eval_extract aeb DIR [--dump ID] [--pages]
 *       Article Extraction Benchmark (DIR = article-extraction-benchmark):
 *       extracts html/<id>.html.gz and scores the body against
 *       ground-truth.json with the benchmark's own metric: \w+ tokens,
 *       4-gram shingle multisets, per-page tp/fp/fn, macro precision and
 *       recall, F1 from the two averages.
 *   eval_extract aeb-output DIR FILE.json
 *       Score a published output file with the same code (checks the scorer).
 *   eval_extract wcxb DIR [--dump ID] [--label NAME]
 *       A WCXB split (dev or test), article pages: title exact (normalized),
 *       author found, date (YYYY-MM-DD), word F1 (origin metric, mean per
 *       page).
 *   eval_extract wcxb-kinds DIR [--label NAME]
 *       A WCXB split, every page type: the article / not-article decision,
 *       as precision and recall of "not an article".
 *   eval_extract wcxb-kinds-output DIR FILE.json [--label NAME]
 *       The same for another tool's decision (id -> {readerable: bool}).
 *   eval_extract wcxb-output DIR FILE.json [--label NAME]
 *       Score another extractor's output (id -> {title, byline, date, body})
 *       on the same pages with the same code.
 */
#include "ingest/extract.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>
#include <zlib.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *gunzip_file(const char *path, size_t *len) {
  gzFile f = gzopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 20, n = 0;
  char *p = malloc(cap + 1);
  int r;
  while (p && (r = gzread(f, p + n, (unsigned)(cap - n))) > 0) {
    n += (size_t)r;
    if (n == cap) {
      cap *= 2;
      char *q = realloc(p, cap + 1);
      if (!q) {
        free(p);
        p = NULL;
      }
      p = q;
    }
  }
  gzclose(f);
  if (p) p[n] = '\0';
  *len = n;
  return p;
}

static json_t *load_json_path(const char *path) {
  size_t n;
  char *p = gunzip_file(path, &n); /* gzread reads plain files too */
  if (!p) return NULL;
  json_error_t e;
  json_t *j = json_loadb(p, n, 0, &e);
  free(p);
  return j;
}

/* ------------------------------------------------------------ tokenizing */

typedef struct toks {
  uint64_t *h; /* token hashes */
  size_t n, cap;
} toks;

/* Python's \w: letters, numbers (all N*), underscore. */
static bool is_word_cp(int32_t cp) {
  if (cp == '_') return true;
  if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_ND ||
         c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}

static void tokenize(const char *s, size_t n, bool lower, toks *t) {
  t->n = 0;
  size_t i = 0;
  uint64_t h = 0;
  bool in = false;
  while (i <= n) {
    int32_t cp = -1;
    utf8proc_ssize_t k = 1;
    if (i < n) {
      k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
      if (k <= 0) {
        k = 1;
        cp = -1;
      }
    }
    if (cp >= 0 && is_word_cp(cp)) {
      if (lower) cp = utf8proc_tolower(cp);
      if (!in) h = 1469598103934665603ULL;
      in = true;
      h = (h ^ (uint64_t)cp) * 1099511628211ULL;
    } else if (in) {
      if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->h = realloc(t->h, t->cap * sizeof(uint64_t));
      }
      t->h[t->n++] = h;
      in = false;
    }
    i += (size_t)k;
  }
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Shingle hashes (sorted) of a token list. */
static size_t shingles(const toks *t, uint64_t **out) {
  size_t m = t->n < 4 ? (t->n ? 1 : 0) : t->n - 3;
  uint64_t *s = malloc((m ? m : 1) * sizeof(uint64_t));
  for (size_t i = 0; i < m; i++) {
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (size_t k = i; k < i + 4 && k < t->n; k++) h = (h ^ t->h[k]) * 0xff51afd7ed558ccdULL + k - i;
    s[i] = h;
  }
  qsort(s, m, sizeof(uint64_t), cmp_u64);
  *out = s;
  return m;
}

/* Multiset overlap of two sorted arrays. */
static size_t overlap(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t i = 0, j = 0, c = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) {
      c++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return c;
}

typedef struct score {
  double psum, rsum;
  int pn, rn, exact, pages;
} score;

static void score_page(score *sc, const char *truth, const char *pred, toks *tt, toks *tp,
                       double *pf1) {
  tokenize(truth, strlen(truth), false, tt);
  tokenize(pred, strlen(pred), false, tp);
  uint64_t *a, *b;
  size_t na = shingles(tt, &a), nb = shingles(tp, &b);
  double tpv = (double)overlap(a, na, b, nb);
  double fp = (double)nb - tpv, fn = (double)na - tpv;
  double p = (fp == 0 && fn == 0) ? 1 : (tpv == 0 && fp == 0) ? 0 : tpv / (tpv + fp);
  double r = (fp == 0 && fn == 0) ? 1 : (tpv == 0 && fn == 0) ? 0 : tpv / (tpv + fn);
  if (tpv + fp > 0) {
    sc->psum += p;
    sc->pn++;
  }
  if (tpv + fn > 0) {
    sc->rsum += r;
    sc->rn++;
  }
  bool same = tt->n == tp->n && (tt->n == 0 || memcmp(tt->h, tp->h, tt->n * 8) == 0);
  sc->exact += same;
  sc->pages++;
  if (pf1) *pf1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  free(a);
  free(b);
}

static void print_score(const score *sc, const char *label) {
  double P = sc->pn ? sc->psum / sc->pn : 0, R = sc->rn ? sc->rsum / sc->rn : 0;
  double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
  printf("%s: F1 %.3f  precision %.3f  recall %.3f  (exact %d/%d pages)\n", label, F, P, R,
         sc->exact, sc->pages);
}

/* ------------------------------------------------------------------- AEB */

typedef struct page {
  const char *id;
  char *html;
  size_t len;
} page;

static int load_pages(const char *dir, json_t *gt, page **out, size_t *np, size_t *bytes) {
  size_t n = json_object_size(gt), k = 0;
  page *pg = calloc(n, sizeof(*pg));
  const char *key;
  json_t *v;
  *bytes = 0;
  json_object_foreach(gt, key, v) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/html/%s.html.gz", dir, key);
    pg[k].id = key;
    pg[k].html = gunzip_file(path, &pg[k].len);
    if (!pg[k].html) {
      fprintf(stderr, "eval_extract: cannot read %s\n", path);
      return -1;
    }
    *bytes += pg[k].len;
    k++;
  }
  *out = pg;
  *np = k;
  return 0;
}

static int run_aeb(const char *dir, const char *dump, bool per_page) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/ground-truth.json", dir);
  json_t *gt = load_json_path(path);
  if (!gt) {
    fprintf(stderr, "eval_extract: cannot load %s\n", path);
    return 1;
  }
  page *pg;
  size_t np, bytes;
  if (load_pages(dir, gt, &pg, &np, &bytes)) return 1;
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px__extractor *ex;
  px__extractor_new(&ex);
  px_article *art;
  px_article_new(&art);
  score sc = {0};
  toks tt = {0}, tp = {0};
  px__buf msg;
  px__buf_init(&msg, 4096);
  double t_extract = 0;
  int failed = 0;
  for (size_t i = 0; i < np; i++) {
    if (dump && strcmp(dump, pg[i].id) != 0) continue;
    px__article_clear(art);
    px__buf_clear(&msg);
    json_t *g = json_object_get(gt, pg[i].id);
    const char *url = json_string_value(json_object_get(g, "url"));
    double t0 = now();
    int rc = px__extract_html(ctx, ex, pg[i].html, pg[i].len, NULL, url, 0, art, &msg);
    t_extract += now() - t0;
    if (rc) failed++;
    px_str body = px_article_get(art, PX_F_BODY);
    char *pred = strndup(body.ptr ? body.ptr : "", body.len);
    const char *truth = json_string_value(json_object_get(g, "articleBody"));
    double f1;
    score_page(&sc, truth ? truth : "", pred, &tt, &tp, &f1);
    if (per_page) printf("%s\t%.3f\t%s\n", pg[i].id, f1, url ? url : "");
    if (dump) {
      printf("TITLE: %.*s\nBYLINE: %.*s\nSOURCE: %.*s\nLANG: %.*s\nURL: %.*s\n",
             (int)px_article_get(art, PX_F_TITLE).len, px_article_get(art, PX_F_TITLE).ptr,
             (int)px_article_get(art, PX_F_BYLINE).len, px_article_get(art, PX_F_BYLINE).ptr,
             (int)px_article_get(art, PX_F_SOURCE).len, px_article_get(art, PX_F_SOURCE).ptr,
             (int)px_article_get(art, PX_F_LANGUAGE).len, px_article_get(art, PX_F_LANGUAGE).ptr,
             (int)px_article_get(art, PX_F_URL).len, px_article_get(art, PX_F_URL).ptr);
      printf("F1 %.3f rc %d %s\n--- PRED\n%s\n--- TRUTH\n%s\n", f1, rc, msg.ptr ? msg.ptr : "",
             pred, truth);
    }
    free(pred);
  }
  if (!dump) {
    print_score(&sc, "article-extraction-benchmark");
    printf("pages %zu, %.1f MB, extraction %.3f s: %.0f pages/s, %.1f MB/s (one core), %d "
           "pages without text\n",
           np, bytes / 1e6, t_extract, np / t_extract, bytes / 1e6 / t_extract, failed);
  }
  return 0;
}

static int run_aeb_output(const char *dir, const char *file, const char *label) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/ground-truth.json", dir);
  json_t *gt = load_json_path(path), *out = load_json_path(file);
  if (!gt || !out) {
    fprintf(stderr, "eval_extract: cannot load %s or %s\n", path, file);
    return 1;
  }
  json_t *o = json_object_get(out, "output");
  if (json_is_object(o)) out = o;
  score sc = {0};
  toks tt = {0}, tp = {0};
  const char *key;
  json_t *v;
  json_object_foreach(gt, key, v) {
    const char *truth = json_string_value(json_object_get(v, "articleBody"));
    const char *pred = json_string_value(json_object_get(json_object_get(out, key), "articleBody"));
    score_page(&sc, truth ? truth : "", pred ? pred : "", &tt, &tp, NULL);
  }
  const char *base = strrchr(file, '/');
  print_score(&sc, label ? label : base ? base + 1 : file);
  return 0;
}

/* ------------------------------------------------------------------ WCXB */

/* Case-fold, drop marks, collapse non-word runs to one space. */
static char *norm(const char *s, size_t n) {
  utf8proc_uint8_t *f = NULL;
  if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
                   UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                       UTF8PROC_COMPOSE) < 0)
    return strndup(s, n);
  size_t m = strlen((char *)f), k = 0;
  char *o = malloc(m + 1);
  bool sp = false;
  for (size_t i = 0; i < m;) {
    int32_t cp;
    utf8proc_ssize_t l = utf8proc_iterate(f + i, (utf8proc_ssize_t)(m - i), &cp);
    if (l <= 0) {
      i++;
      continue;
    }
    if (is_word_cp(cp)) {
      if (sp && k) o[k++] = ' ';
      sp = false;
      memcpy(o + k, f + i, (size_t)l);
      k += (size_t)l;
    } else {
      sp = true;
    }
    i += (size_t)l;
  }
  o[k] = '\0';
  free(f);
  return o;
}

/* Word F1 of pred against ref (bags of words); *prec and *rec get its parts. */
static double word_f1(const char *ref, const char *pred, toks *a, toks *b, double *prec,
                      double *rec) {
  tokenize(ref, strlen(ref), true, a);
  tokenize(pred, strlen(pred), true, b);
  *prec = *rec = 0;
  if (a->n == 0) return b->n == 0 ? 1 : 0;
  if (b->n == 0) return 0;
  qsort(a->h, a->n, 8, cmp_u64);
  qsort(b->h, b->n, 8, cmp_u64);
  double o = (double)overlap(a->h, a->n, b->h, b->n);
  double p = o / (double)b->n, r = o / (double)a->n;
  *prec = p;
  *rec = r;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* One part of a truth's author list as a name, normalized: NULL for a
 * credential that follows a name (no word with two lower-case letters in a
 * row: "MD", "E-RYT 200", "M.D. FACLM"); text in brackets and a leading
 * honorific (Dr, Prof, Mr, Mrs, Ms) left out. */
static char *name_part(const char *q, size_t n, bool first) {
  char *t = strndup(q, n);
  size_t k = 0;
  int depth = 0;
  for (size_t i = 0; i < n; i++) {
    if (t[i] == '(') depth++;
    else if (t[i] == ')' && depth) depth--;
    else if (!depth) t[k++] = t[i];
  }
  t[k] = '\0';
  bool lower2 = false;
  for (size_t i = 0; i + 1 < k; i++)
    if (t[i] >= 'a' && t[i] <= 'z' && t[i + 1] >= 'a' && t[i + 1] <= 'z') lower2 = true;
  if (!first && !lower2) {
    free(t);
    return NULL;
  }
  char *x = norm(t, k);
  free(t);
  static const char *const hon[] = {"dr ", "prof ", "mr ", "mrs ", "ms ", NULL};
  for (size_t h = 0; hon[h]; h++) {
    size_t hl = strlen(hon[h]);
    if (strncmp(x, hon[h], hl) == 0 && x[hl]) {
      memmove(x, x + hl, strlen(x + hl) + 1);
      break;
    }
  }
  return x;
}

/* One WCXB split, article pages: parallax's extraction, or with `out` the
 * output of another extractor (an object id -> {title, byline, date, body},
 * date as text whose first 10 characters are compared).  A page that cannot
 * be read, or that `out` lacks, fails the run: no figure is printed. */
static int run_wcxb(const char *dir, const char *dump, const char *out_file, const char *label) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/ground-truth.json.gz", dir);
  json_t *gt = load_json_path(path);
  if (!gt) {
    fprintf(stderr, "eval_extract: cannot load %s\n", path);
    return 1;
  }
  json_t *out = NULL;
  if (out_file && !(out = load_json_path(out_file))) {
    fprintf(stderr, "eval_extract: cannot load %s\n", out_file);
    return 1;
  }
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px__extractor *ex;
  px__extractor_new(&ex);
  px_article *art;
  px_article_new(&art);
  px__buf msg;
  px__buf_init(&msg, 4096);
  toks ta = {0}, tb = {0};
  int n = 0, title_ok = 0, author_n = 0, author_ok = 0, author_strict = 0, date_n = 0, date_ok = 0, rc = 0;
  int with_n = 0, with_ok = 0, without_n = 0, without_leak = 0;
  bool all_types = getenv("PX_EVAL_ALL_TYPES") != NULL;
  double f1sum = 0, psum = 0, rsum = 0;
  double w0 = now();
  clock_t c0 = clock();
  const char *key;
  json_t *v;
  json_object_foreach(gt, key, v) {
    const char *type = json_string_value(json_object_get(v, "page_type"));
    /* PX_EVAL_ALL_TYPES: every page type, for finding furniture on dev */
    if (!all_types && (!type || strcmp(type, "article") != 0)) continue;
    if (dump && strcmp(dump, key) != 0) continue;
    px_str t = {0}, b = {0}, body = {0};
    char d[32] = "";
    if (out) {
      json_t *o = json_object_get(out, key);
      if (!json_is_object(o)) {
        fprintf(stderr, "eval_extract: %s has no page %s\n", out_file, key);
        rc = 1;
        break;
      }
      const char *x;
      if ((x = json_string_value(json_object_get(o, "title")))) t = (px_str){x, strlen(x)};
      if ((x = json_string_value(json_object_get(o, "byline")))) b = (px_str){x, strlen(x)};
      if ((x = json_string_value(json_object_get(o, "body")))) body = (px_str){x, strlen(x)};
      if ((x = json_string_value(json_object_get(o, "date")))) snprintf(d, sizeof d, "%.10s", x);
    } else {
      snprintf(path, sizeof(path), "%s/html/%s.html.gz", dir, key);
      size_t len;
      char *html = gunzip_file(path, &len);
      if (!html) {
        fprintf(stderr, "eval_extract: cannot read %s\n", path);
        rc = 1;
        break;
      }
      px__article_clear(art);
      px__buf_clear(&msg);
      const char *url = json_string_value(json_object_get(v, "url"));
      int xrc = px__extract_html(ctx, ex, html, len, NULL, url, 0, art, &msg);
      free(html);
      if (dump) printf("RC %d %.*s\n", xrc, (int)msg.len, msg.ptr ? msg.ptr : "");
      t = px_article_get(art, PX_F_TITLE), b = px_article_get(art, PX_F_BYLINE);
      body = px_article_get(art, PX_F_BODY);
      int has;
      int64_t when = px_article_published(art, &has);
      if (has) {
        /* the day the page states: its local time, by the offset it gave */
        int has_off, off = px_article_published_offset(art, &has_off);
        time_t tt = (time_t)(when + (int64_t)off * 60);
        struct tm tm;
        gmtime_r(&tt, &tm);
        strftime(d, sizeof(d), "%Y-%m-%d", &tm);
      }
    }
    n++;
    const char *gtitle = json_string_value(json_object_get(v, "title"));
    const char *gauth = json_string_value(json_object_get(v, "author"));
    const char *gdate = json_string_value(json_object_get(v, "publish_date"));
    const char *gbody = json_string_value(json_object_get(v, "main_content"));
    json_t *gwith = json_object_get(v, "with"), *gwithout = json_object_get(v, "without");
    if (!json_is_array(gwith)) gwith = NULL;
    if (!json_is_array(gwithout)) gwithout = NULL;
    bool tok = false, aok = false, dok = false;
    if (gtitle) {
      char *x = norm(gtitle, strlen(gtitle)), *y = norm(t.ptr ? t.ptr : "", t.len);
      tok = strcmp(x, y) == 0;
      title_ok += tok;
      free(x);
      free(y);
    }
    if (gauth && gauth[0]) {
      /* Found: every name of the truth's list ("A, B and C") is in the
       * byline (normalized), whatever the list's punctuation.  The byline
       * holds names: the truth's credentials and honorifics are not asked
       * for ("Holly Wilgus, E-RYT 200", "Dr. Ann Lee", "Lance Ryan
       * (Content Manager)").  The strict count asks for every part. */
      author_n++;
      char *y = norm(b.ptr ? b.ptr : "", b.len);
      aok = y[0] != '\0';
      bool strict = aok;
      const char *p = gauth;
      while (aok && *p) {
        size_t k = strcspn(p, ",;&");
        const char *q = p;
        while (q < p + k) { /* " and " splits too */
          const char *a = strstr(q, " and ");
          size_t seg = a && a < p + k ? (size_t)(a - q) : (size_t)(p + k - q);
          char *x = norm(q, seg), *nm = name_part(q, seg, q == gauth);
          if (x[0] && !strstr(y, x)) strict = false;
          if (nm && nm[0] && !strstr(y, nm)) aok = false;
          free(x);
          free(nm);
          q += seg + (a && a < p + k ? 5 : 0);
        }
        p += k + (p[k] ? 1 : 0);
      }
      author_ok += aok;
      author_strict += aok && strict;
      free(y);
    }
    if (gwith) {
      size_t nw = json_array_size(gwith), nwo = json_array_size(gwithout);
      char *y = norm(body.ptr ? body.ptr : "", body.len);
      for (size_t k = 0; k < nw + nwo; k++) {
        const char *snip = json_string_value(k < nw ? json_array_get(gwith, k)
                                                    : json_array_get(gwithout, k - nw));
        if (!snip) continue;
        char *x = norm(snip, strlen(snip));
        bool in = x[0] && strstr(y, x) != NULL;
        if (k < nw) {
          with_n++, with_ok += in;
          if (!in && getenv("PX_EVAL_LEAKS")) fprintf(stderr, "MISS %s\t%s\n", key, snip);
        } else {
          without_n++, without_leak += in;
          if (in && getenv("PX_EVAL_LEAKS")) fprintf(stderr, "LEAK %s\t%s\n", key, snip);
        }
        free(x);
      }
      free(y);
    }
    if (gdate && gdate[0]) {
      date_n++;
      dok = strncmp(gdate, d, 10) == 0;
      date_ok += dok;
    }
    char *pred = strndup(body.ptr ? body.ptr : "", body.len);
    double wp, wr;
    double f1 = word_f1(gbody ? gbody : "", pred, &ta, &tb, &wp, &wr);
    f1sum += f1;
    psum += wp;
    rsum += wr;
    if (dump) {
      printf("TITLE: %.*s | truth: %s\nBYLINE: %.*s | truth: %s\nDATE: %s | truth: %s\nF1 %.3f\n%s\n",
             (int)t.len, t.ptr, gtitle ? gtitle : "-", (int)b.len, b.ptr, gauth ? gauth : "-", d,
             gdate ? gdate : "-", f1, pred);
    } else if (getenv("PX_EVAL_VERBOSE")) {
      printf("%s\t%c%c%c\t%.3f\tP%.2f R%.2f\t[%.*s|%s]\t[%.*s|%s]\t[%s|%s]\n", key,
             tok ? 'T' : '-', aok ? 'A' : '-', dok ? 'D' : '-', f1, wp, wr, (int)t.len, t.ptr, gtitle ? gtitle : "",
             (int)b.len, b.ptr, gauth ? gauth : "", d, gdate ? gdate : "");
    }
    free(pred);
  }
  if (!rc && !n) {
    fprintf(stderr, "eval_extract: %s: no article page\n", path);
    rc = 1;
  }
  if (!rc && !dump)
    printf("%s: %d article pages: title exact %d/%d, author found %d/%d (credentials too: "
           "%d), date %d/%d, "
           "word F1 %.3f (P %.3f, R %.3f), with-snippets found %d/%d (%.3f), without-snippets "
           "leaked %d/%d (%.3f)",
           label, n, title_ok, n, author_ok, author_n, author_strict, date_ok, date_n, f1sum / n, psum / n,
           rsum / n, with_ok, with_n, with_n ? (double)with_ok / with_n : 0, without_leak,
           without_n, without_n ? (double)without_leak / without_n : 0);
  if (!rc && !dump && !out)
    printf("; %.1f s wall, %.1f s CPU (reading, extracting, scoring)", now() - w0,
           (double)(clock() - c0) / CLOCKS_PER_SEC);
  if (!rc && !dump) printf("\n");
  return rc;
}

/* Every page of a WCXB split, all page types: the article / not-article
 * decision against the page type, as precision and recall of "not an
 * article" (with PX_EVAL_VERBOSE, one line of signals per page). */
static int run_wcxb_kinds(const char *dir, const char *out_file, const char *label) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/ground-truth.json.gz", dir);
  json_t *gt = load_json_path(path);
  if (!gt) {
    fprintf(stderr, "eval_extract: cannot load %s\n", path);
    return 1;
  }
  json_t *out = NULL;
  if (out_file && !(out = load_json_path(out_file))) {
    fprintf(stderr, "eval_extract: cannot load %s\n", out_file);
    return 1;
  }
  px_ctx *ctx;
  px_ctx_new(&ctx);
  px__extractor *ex;
  px__extractor_new(&ex);
  px_article *art;
  px_article_new(&art);
  px__buf msg;
  px__buf_init(&msg, 4096);
  double w0 = now();
  clock_t c0 = clock();
  static const char *const types[] = {"article", "listing", "collection", "product", "forum",
                                      "documentation", "service", NULL};
  int said[8] = {0}, total[8] = {0}, kind_right = 0, kind_n = 0;
  int tp = 0, fp = 0, fn = 0, n = 0;
  const char *key;
  json_t *v;
  bool verbose = getenv("PX_EVAL_VERBOSE") != NULL;
  json_object_foreach(gt, key, v) {
    const char *type = json_string_value(json_object_get(v, "page_type"));
    if (!type) continue;
    int ti = 0;
    while (types[ti] && strcmp(types[ti], type) != 0) ti++;
    if (!types[ti]) continue;
    const char *url = json_string_value(json_object_get(v, "url"));
    bool no;
    const px__page *g = NULL;
    int xrc = 0;
    if (out) {
      json_t *o = json_object_get(json_object_get(out, key), "readerable");
      if (!json_is_boolean(o)) {
        fprintf(stderr, "eval_extract: %s has no page %s\n", out_file, key);
        return 1;
      }
      no = !json_is_true(o);
    } else {
      snprintf(path, sizeof(path), "%s/html/%s.html.gz", dir, key);
      size_t len;
      char *html = gunzip_file(path, &len);
      if (!html) {
        fprintf(stderr, "eval_extract: cannot read %s\n", path);
        return 1;
      }
      px__article_clear(art);
      px__buf_clear(&msg);
      xrc = px__extract_html(ctx, ex, html, len, NULL, url, 0, art, &msg);
      free(html);
      g = px__extract_page(ex);
      no = xrc == PX_ENOBODY || (xrc == PX_OK && g->kind != NULL);
    }
    bool truth_no = ti != 0;
    n++;
    total[ti]++;
    said[ti] += no;
    tp += no && truth_no;
    fp += no && !truth_no;
    fn += !no && truth_no;
    if (no && truth_no && g && g->kind) {
      kind_n++;
      /* a collection is a listing of products */
      kind_right += strcmp(g->kind, type) == 0 ||
                    (strcmp(type, "collection") == 0 && strcmp(g->kind, "listing") == 0);
    }
    if (verbose && g)
      printf("%s\t%s\t%s\tld=%u og=%d art=%u pw=%u code=%u ta=%u cart=%u paras=%u words=%u "
             "long=%u links=%u share=%u dated=%d authored=%d rc=%d\t%s\n",
             key, type, no ? (g->kind ? g->kind : "nobody") : "article", g->ld, g->og,
             g->articles, g->password, g->code, g->forms, g->cart, g->paras, g->words,
             g->long_paras, g->link_share, g->text_share, g->dated, g->authored, xrc,
             url ? url : "");
  }
  double P = tp + fp ? (double)tp / (tp + fp) : 0, R = tp + fn ? (double)tp / (tp + fn) : 0;
  printf("%s: %d pages, \"not an article\": precision %.3f recall %.3f (%d of %d articles "
         "called not an article)",
         label, n, P, R, fp, total[0]);
  if (!out) printf("; page type right %d/%d of those named", kind_right, kind_n);
  printf("; said not an article:");
  for (int i = 1; types[i]; i++) printf(" %s %d/%d", types[i], said[i], total[i]);
  if (!out)
    printf("; %.1f s wall, %.1f s CPU (reading and extracting)", now() - w0,
           (double)(clock() - c0) / CLOCKS_PER_SEC);
  printf("\n");
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: eval_extract aeb|aeb-output|wcxb|wcxb-output DIR [FILE] [--dump ID] [--pages] [--label NAME]\n");
    return 2;
  }
  const char *dump = NULL, *label = NULL;
  bool pages = false;
  for (int i = 3; i < argc; i++) {
    if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) dump = argv[++i];
    else if (strcmp(argv[i], "--pages") == 0) pages = true;
    else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc) label = argv[++i];
  }
  if (strcmp(argv[1], "aeb") == 0) return run_aeb(argv[2], dump, pages);
  if (strcmp(argv[1], "aeb-output") == 0 && argc >= 4) return run_aeb_output(argv[2], argv[3], label);
  if (strcmp(argv[1], "wcxb") == 0) return run_wcxb(argv[2], dump, NULL, label ? label : "parallax");
  if (strcmp(argv[1], "wcxb-kinds") == 0)
    return run_wcxb_kinds(argv[2], NULL, label ? label : "parallax");
  if (strcmp(argv[1], "wcxb-kinds-output") == 0 && argc >= 4)
    return run_wcxb_kinds(argv[2], argv[3], label ? label : argv[3]);
  if (strcmp(argv[1], "wcxb-output") == 0 && argc >= 4)
    return run_wcxb(argv[2], dump, argv[3], label ? label : argv[3]);
  fprintf(stderr, "eval_extract: unknown mode %s\n", argv[1]);
  return 2;
}
