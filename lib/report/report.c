/*
 * report.c - px_report_write and what the renderers share: a buffered
 * writer over the caller's sink, escaping for JSON, HTML and Markdown,
 * dates, and the order facts are listed in.
 */
#include "report/report.h"

#include "analyze/quote.h"
#include "analyze/text.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define FLUSH_AT 65536

void px__w_flush(px__w *w) {
  if (!w->err && w->buf.len && w->fn(w->user, w->buf.ptr, w->buf.len)) w->err = PX_EIO;
  px__buf_clear(&w->buf);
}

void px__w_raw(px__w *w, const char *p, size_t n) {
  if (w->err || !n) return;
  if (px__buf_append(&w->buf, p, n)) {
    w->err = PX_ENOMEM;
    return;
  }
  if (w->buf.len >= FLUSH_AT) px__w_flush(w);
}

void px__w_str(px__w *w, px_str s) { px__w_raw(w, s.ptr, s.len); }
void px__w_puts(px__w *w, const char *s) { px__w_raw(w, s, strlen(s)); }

void px__w_printf(px__w *w, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  px__w_raw(w, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void px__w_json(px__w *w, const char *p, size_t n) {
  px__w_raw(w, "\"", 1);
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)p[i];
    const char *esc = NULL;
    char u[8];
    if (ch == '"') esc = "\\\"";
    else if (ch == '\\') esc = "\\\\";
    else if (ch == '\n') esc = "\\n";
    else if (ch == '\t') esc = "\\t";
    else if (ch == '\r') esc = "\\r";
    else if (ch < 0x20) {
      snprintf(u, sizeof u, "\\u%04x", ch);
      esc = u;
    }
    if (esc) {
      px__w_raw(w, p + i - run, run);
      run = 0;
      px__w_puts(w, esc);
    } else {
      run++;
    }
  }
  px__w_raw(w, p + n - run, run);
  px__w_raw(w, "\"", 1);
}

void px__w_html(px__w *w, const char *p, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *esc = NULL;
    switch (p[i]) {
      case '&': esc = "&amp;"; break;
      case '<': esc = "&lt;"; break;
      case '>': esc = "&gt;"; break;
      case '"': esc = "&quot;"; break;
      default: break;
    }
    if (esc) {
      px__w_raw(w, p + i - run, run);
      run = 0;
      px__w_puts(w, esc);
    } else {
      run++;
    }
  }
  px__w_raw(w, p + n - run, run);
}

void px__w_md(px__w *w, const char *p, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = p[i];
    const char *esc = NULL;
    char two[3] = {'\\', ch, 0};
    if (ch == '\n' || ch == '\r') esc = " ";
    else if (strchr("\\`*_[]<>|#", ch)) esc = two;
    if (esc) {
      px__w_raw(w, p + i - run, run);
      run = 0;
      px__w_puts(w, esc);
    } else {
      run++;
    }
  }
  px__w_raw(w, p + n - run, run);
}

void px__fmt_time(int64_t t, bool iso, char *buf, size_t n) {
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm)) {
    snprintf(buf, n, "?");
    return;
  }
  /* a time of exactly midnight is almost always a date given alone: the
   * reader is shown the day, not a time nobody wrote */
  bool day_only = !iso && tm.tm_hour == 0 && tm.tm_min == 0 && tm.tm_sec == 0;
  strftime(buf, n, iso ? "%Y-%m-%dT%H:%M:%SZ" : day_only ? "%Y-%m-%d" : "%Y-%m-%d %H:%MZ", &tm);
}

px_str px__span(const px_comparison *c, uint32_t art, uint32_t start, uint32_t end) {
  px_str body = px_doc_body(c->art[art].doc);
  if (start > body.len) start = (uint32_t)body.len;
  if (end > body.len || end < start) end = start;
  return (px_str){body.ptr + start, end - start};
}

px_str px__shown(px_str t) {
  /* an ellipsis that marks words left out before ("[…] The Post first
   * reported ...", "... and then"): nothing of the statement */
  for (bool again = true; again && t.len;) {
    again = false;
    static const char *const lead[] = {"[\xe2\x80\xa6]", "[...]", "(\xe2\x80\xa6)", "(...)",
                                       "\xe2\x80\xa6", "..."};
    for (size_t k = 0; k < sizeof lead / sizeof *lead; k++) {
      size_t n = strlen(lead[k]);
      if (t.len > n && !memcmp(t.ptr, lead[k], n)) {
        t.ptr += n, t.len -= n;
        while (t.len && (*t.ptr == ' ' || *t.ptr == '\t')) t.ptr++, t.len--;
        again = true;
        break;
      }
    }
  }
  /* a wire dateline, where an aggregator runs a copy on after another
   * ("Washington (CNN) - For the tea party movement, ...", "WASHINGTON –
   * ..."): the place and the agency are no part of the statement */
  px__dateline d;
  px__find_dateline(t.ptr, t.len, &d);
  if (d.found && d.end < t.len) t.ptr += d.end, t.len -= d.end;
  return t;
}

/* The kinds of `parallax quotes` (px_quote_kind_name), and "trimmed" for a
 * direct quote cut shorter than the remark's fullest rendering. */
const char *px__qkind_name(const px__cqmember *m) {
  if (m->trimmed) return "trimmed";
  return px_quote_kind_name((px_quote_kind)m->kind);
}

/* Is the stretch [a, b) of t a programme's or a paper's title, not a piece
 * of the quote: after "CNN's", "on", "told" or "to" ("he said on CNN's
 * "State of the Union."", "he told "Fox News Sunday.""), up to eight words,
 * each capitalized but small ones? */
static bool title_stretch(px_str t, uint32_t a, uint32_t b) {
  uint32_t k = a;
  while (k > 0 && t.ptr[k - 1] == ' ') k--;
  bool owner = k >= 2 && t.ptr[k - 1] == 's' && (t.ptr[k - 2] == '\'' || (k >= 4 && (unsigned char)t.ptr[k - 2] == 0x99));
  static const char *const before[] = {" on", " told", " tells", " to"}; /* "told "Fox News Sunday."" */
  for (size_t i = 0; i < sizeof before / sizeof *before && !owner; i++) {
    size_t n = strlen(before[i]);
    owner = k >= n && !memcmp(t.ptr + k - n, before[i], n);
  }
  if (!owner) return false;
  static const char *const small[] = {"the", "of", "and", "a", "an", "in", "on", "for", "to", "with"};
  uint32_t words = 0;
  for (uint32_t i = a; i < b;) {
    unsigned char ch = (unsigned char)t.ptr[i];
    if (!((ch | 32) >= 'a' && (ch | 32) <= 'z')) {
      i++;
      continue;
    }
    uint32_t e = i;
    while (e < b && (((unsigned char)t.ptr[e] | 32) >= 'a' && ((unsigned char)t.ptr[e] | 32) <= 'z')) e++;
    words++;
    if (!(ch >= 'A' && ch <= 'Z')) {
      bool sm = false;
      for (size_t s = 0; s < sizeof small / sizeof *small && !sm; s++)
        sm = strlen(small[s]) == e - i && !strncmp(t.ptr + i, small[s], e - i);
      if (!sm) return false;
    }
    i = e;
  }
  return words >= 1 && words <= 8;
}

px_str px__quote_text(px__w *w, const px_comparison *c, const px__cqmember *m) {
  px_str t = px__span(c, m->art, m->start, m->end);
  /* a partial quote's stretches too where a sentence of the outlet's own
   * stands between them: "in the best interests of the country," May said
   * in a statement. "It is ..."; within one sentence, the words around the
   * marks are kept ("'see no evil' attitude ... 'is unacceptable'") */
  if ((m->kind != PX_QUOTE_DIRECT && m->kind != PX_QUOTE_PARTIAL) || t.len < 8) return t;
  px__arena ar;
  px__arena_init(&ar, 4096);
  px__qspan *sp = NULL;
  size_t ns = 0;
  if (px__quote_scan(t.ptr, t.len, &ar, &sp, &ns) || ns < 2) {
    px__arena_release(&ar);
    return t;
  }
  px__buf_clear(&w->tmp);
  int err = 0;
  uint32_t last = UINT32_MAX; /* end of the last outermost stretch */
  for (size_t i = 0; i < ns && !err; i++) {
    if (sp[i].depth) continue;
    uint32_t a = sp[i].open, b = sp[i].close + sp[i].close_len;
    if (sp[i].flags & PX__QS_UNCLOSED) b = (uint32_t)t.len;
    if (b > t.len || a >= b) continue;
    if (last != UINT32_MAX && title_stretch(t, a, b)) continue; /* the last one too: "... said on "Fox News Sunday."" */
    if (last != UINT32_MAX && a > last) {
      /* between two stretches: the outlet's words, or only a paragraph
       * break where one quote goes on */
      bool words = false, ends = false;
      for (uint32_t k = last; k < a; k++) {
        unsigned char ch = (unsigned char)t.ptr[k];
        words |= (ch | 32) >= 'a' && (ch | 32) <= 'z';
        ends |= (ch == '.' || ch == '?' || ch == '!') && k + 1 < a && t.ptr[k + 1] == ' ';
      }
      if (m->kind == PX_QUOTE_PARTIAL && !ends)
        err = px__buf_append(&w->tmp, t.ptr + last, a - last); /* the outlet's words around them */
      else
        err = words ? px__buf_append(&w->tmp, " \xe2\x80\xa6 ", 5) : px__buf_append(&w->tmp, " ", 1);
    } else if (last != UINT32_MAX && a < last) {
      continue;
    }
    if (!err) err = px__buf_append(&w->tmp, t.ptr + a, b - a);
    last = b;
  }
  px__arena_release(&ar);
  if (err || !w->tmp.len) return t;
  return (px_str){w->tmp.ptr, w->tmp.len};
}

static int cmp_order(const void *x, const void *y, void *u) {
  const px_comparison *c = u;
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  const px__cfact *fa = &c->fact[a], *fb = &c->fact[b];
  bool sa = fa->noutlets > 1, sb = fb->noutlets > 1;
  if (sa != sb) return sa ? -1 : 1;
  if (sa && fa->noutlets != fb->noutlets) return fa->noutlets > fb->noutlets ? -1 : 1;
  const px__cmember *ma = &c->mem[fa->first], *mb = &c->mem[fb->first];
  if (ma->art != mb->art) return ma->art < mb->art ? -1 : 1;
  if (ma->sent != mb->sent) return ma->sent < mb->sent ? -1 : 1;
  return (a > b) - (a < b);
}

/* Among facts of as many outlets: the more densely linked first (links
 * per member), then the order of cmp_order. */
typedef struct density_ctx {
  const px_comparison *c;
  const uint32_t *flinks;
} density_ctx;

static int cmp_density(const void *x, const void *y, void *u) {
  const density_ctx *d = u;
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  double da = (double)d->flinks[a] / d->c->fact[a].count, db = (double)d->flinks[b] / d->c->fact[b].count;
  if (da != db) return da > db ? -1 : 1;
  return cmp_order(x, y, (void *)d->c);
}

int px__fact_order(const px_comparison *c, uint32_t **order) {
  *order = malloc((c->nfact + 1) * sizeof **order);
  if (!*order) return PX_ENOMEM;
  for (size_t i = 0; i < c->nfact; i++) (*order)[i] = (uint32_t)i;
  qsort_r(*order, c->nfact, sizeof **order, cmp_order, (void *)c);
  return PX_OK;
}

int px__qconf_group(const px_comparison *c, px__qconf_groups *out) {
  *out = (px__qconf_groups){0};
  size_t np = c->nqconf, nm = 2 * np;
  /* the pairs' renderings, each once, in order of first use */
  uint32_t *mem = malloc((nm + 1) * sizeof *mem), *par = malloc((nm + 1) * sizeof *par);
  uint32_t *ent = malloc((nm + 1) * sizeof *ent), *start = malloc((nm + 2) * sizeof *start);
  uint32_t *tmp = malloc((nm + 1) * sizeof *tmp);
  if (!mem || !par || !ent || !start || !tmp) {
    free(mem), free(par), free(ent), free(start), free(tmp);
    return PX_ENOMEM;
  }
  size_t nu = 0;
  for (size_t i = 0; i < nm; i++) {
    size_t k = 0;
    while (k < nu && mem[k] != c->qconf[i]) k++;
    if (k == nu) mem[nu] = c->qconf[i], par[nu] = (uint32_t)nu, nu++;
    tmp[i] = (uint32_t)k; /* the rendering's place in mem */
  }
  for (size_t p = 0; p < np; p++) {
    uint32_t a = px__uf_root(par, tmp[2 * p]), b = px__uf_root(par, tmp[2 * p + 1]);
    if (a != b) par[a > b ? a : b] = a < b ? a : b; /* the root: the first used */
  }
  /* entries numbered by their first rendering; renderings kept in order */
  size_t ne = 0;
  for (size_t k = 0; k < nu; k++) ent[k] = UINT32_MAX;
  for (size_t k = 0; k < nu; k++) {
    uint32_t r = px__uf_root(par, (uint32_t)k);
    if (ent[r] == UINT32_MAX) ent[r] = (uint32_t)ne++;
  }
  memset(start, 0, (ne + 2) * sizeof *start);
  for (size_t k = 0; k < nu; k++) start[ent[px__uf_root(par, (uint32_t)k)] + 1]++;
  for (size_t e = 0; e < ne; e++) start[e + 1] += start[e];
  /* each rendering into its entry's stretch (tmp, the pairs' places no
   * longer needed, holds where each entry is filled to) */
  for (size_t e = 0; e <= ne; e++) tmp[e] = start[e];
  uint32_t *sorted = malloc((nu + 1) * sizeof *sorted);
  if (sorted)
    for (size_t k = 0; k < nu; k++) sorted[tmp[ent[px__uf_root(par, (uint32_t)k)]]++] = mem[k];
  free(mem);
  free(par);
  free(ent);
  free(tmp);
  if (!sorted) {
    free(start);
    return PX_ENOMEM;
  }
  out->mem = sorted;
  out->start = start;
  out->n = ne;
  return PX_OK;
}

void px__qconf_release(px__qconf_groups *g) {
  free(g->mem);
  free(g->start);
  *g = (px__qconf_groups){0};
}

px_str px__art_url(const px_comparison *c, uint32_t a) {
  return px_article_get(c->art[a].art, PX_F_URL);
}

/* Two sentences with the same text, of one article or of two. */
static bool same_sentence(const px__cart *a, uint32_t s, const px__cart *b, uint32_t t) {
  const px__sentence *x = &a->tx->sent[s], *y = &b->tx->sent[t];
  return x->end - x->start == y->end - y->start &&
         memcmp(a->tx->body + x->start, b->tx->body + y->start, x->end - x->start) == 0;
}

/* Does sentence t of article b tell sentence s of article a again: four
 * fifths of the content words of the shorter in the longer ("Netanyahu
 * also noted that Hamas had rejected several cease-fire offers in the
 * past." / "The prime minister also noted that Hamas had rejected several
 * cease-fire offers in the past, including ...", a blog's update
 * repeating itself)? */
static bool retold(const px__cart *a, uint32_t s, const px__cart *b, uint32_t t) {
  enum { NW = 64 };
  uint64_t ws[2][NW];
  size_t n[2] = {0, 0};
  const px__cart *at[2] = {a, b};
  uint32_t st[2] = {s, t};
  for (int k = 0; k < 2; k++) {
    const px__text *tx = at[k]->tx;
    const px__sentence *se = &tx->sent[st[k]];
    for (uint32_t i = se->tok_first; i < se->tok_first + se->tok_count && n[k] < NW; i++) {
      const px__token *tk = &tx->tok[i];
      if (tk->kind != PX__TOK_WORD || (tk->flags & PX__TF_STOP) || !tk->stem) continue;
      bool dup = false;
      for (size_t j = 0; j < n[k] && !dup; j++) dup = ws[k][j] == tk->stem;
      if (!dup) ws[k][n[k]++] = tk->stem;
    }
  }
  int small = n[0] <= n[1] ? 0 : 1;
  if (n[small] < 5) return false;
  size_t in = 0;
  for (size_t i = 0; i < n[small]; i++)
    for (size_t j = 0; j < n[1 - small]; j++)
      if (ws[small][i] == ws[1 - small][j]) {
        in++;
        break;
      }
  return in * 5 >= n[small] * 4;
}

static size_t sent_words(const px_comparison *c, uint32_t a, uint32_t s) {
  const px__sentence *se = &c->art[a].tx->sent[s];
  size_t w = 0;
  bool in = false;
  for (uint32_t i = se->start; i < se->end; i++) {
    char ch = c->art[a].tx->body[i];
    bool sp = ch == ' ' || ch == '\n';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* A sentence that opens in lower case after its marks ("“and we express
 * our full support ...”"): the rest of a sentence the page broke off, no
 * line to show alone.  So is a reason given alone, the answer to the
 * question before it ("Because it would suggest Trump knew more about
 * Flynn's lies than what he has said publicly."): "Because", not
 * "Because of", and no comma, semicolon or dash to a main clause. */
static bool fragment(const px_comparison *c, uint32_t a, uint32_t s) {
  const px__sentence *se = &c->art[a].tx->sent[s];
  const unsigned char *p = (const unsigned char *)c->art[a].tx->body;
  if (se->end - se->start > 8 && !memcmp(p + se->start, "Because ", 8) &&
      !(se->end - se->start > 11 && !memcmp(p + se->start + 8, "of ", 3))) {
    bool main = false;
    for (uint32_t i = se->start; i < se->end && !main; i++)
      main = p[i] == ',' || p[i] == ';' || (p[i] == 0xE2 && i + 2 < se->end && p[i + 1] == 0x80 && p[i + 2] == 0x94) ||
             (p[i] == '-' && i > se->start && p[i - 1] == ' ');
    if (!main) return true;
  }
  for (uint32_t i = se->start; i < se->end; i++) {
    if (p[i] >= 'a' && p[i] <= 'z') return true;
    if (p[i] == 0xE2 && i + 2 < se->end && p[i + 1] == 0x80) { /* a curly quote, a dash */
      i += 2;
      continue;
    }
    if ((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') || p[i] >= 0xC0) return false;
  }
  return false;
}

/* A sentence that is part of a quotation and not a claim of its own:
 * one that starts inside a quotation an earlier sentence of its paragraph
 * opened ("... harbour. It fed three villages," the mayor said.), one
 * that leaves a quotation open for the next sentence to go on, or one
 * that is nothing but a quotation, the speaker named elsewhere.  Shown
 * alone they read as a dangling remark.  Straight quotes toggle, curly
 * ones open and close; a closing curly quote before any opening one is a
 * quotation the sentence started inside (its opening mark lost). */
static bool quote_part(const px_comparison *c, uint32_t a, uint32_t s) {
  const px__sentence *se = &c->art[a].tx->sent[s];
  const unsigned char *p = (const unsigned char *)c->art[a].tx->body;
  uint32_t par = se->start;
  while (par > 0 && p[par - 1] != '\n') par--;
  int depth = 0;
  bool straight = false;
  for (uint32_t i = par; i < se->start; i++) {
    if (p[i] == '"') straight = !straight;
    else if (p[i] == 0xE2 && i + 2 < se->start && p[i + 1] == 0x80) {
      if (p[i + 2] == 0x9C) depth++;
      else if (p[i + 2] == 0x9D && depth > 0) depth--;
      i += 2;
    }
  }
  if (straight || depth > 0) return true;
  /* Within the sentence: where each quotation closes, and whether any
   * word stands outside every quotation. */
  bool outside = false, opened = false;
  for (uint32_t i = se->start; i < se->end; i++) {
    unsigned char ch = p[i];
    if (ch == '"') {
      straight = !straight;
      opened = true;
    } else if (ch == 0xE2 && i + 2 < se->end && p[i + 1] == 0x80 && (p[i + 2] == 0x9C || p[i + 2] == 0x9D)) {
      if (p[i + 2] == 0x9C) depth++, opened = true;
      else if (depth > 0) depth--;
      else return true; /* closes what it did not open */
      i += 2;
    } else if (!straight && depth == 0 &&
               ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) {
      outside = true;
    }
  }
  return straight || depth > 0 || (opened && !outside);
}

/* A transcript line ("AMY GOODMAN: ...", "REP. JOHN LEWIS: ..."): the
 * speaker's label in capitals, then a colon. */
static bool labelled_line(px_str t) {
  size_t up = 0;
  for (size_t i = 0; i < t.len && i < 48; i++) {
    char ch = t.ptr[i];
    if (ch >= 'A' && ch <= 'Z') up++;
    else if (ch == ':') return up >= 2;
    else if (ch != ' ' && ch != '.' && ch != '-' && ch != '\'') return false;
  }
  return false;
}

/* Does sentence s of article a open on a pronoun ("But it did persuade
 * them to stop lurching from crisis to crisis.", "They voted no.", "Twelve
 * of them voted against ..."), which
 * says nothing read alone, in a brief, away from its neighbours? */
static bool opens_on_pronoun(const px_comparison *c, uint32_t a, uint32_t s) {
  static const char *const conj[] = {"but", "and", "so", "yet", "still", "now", "then", "also"};
  static const char *const pron[] = {"it", "they", "he", "she", "this", "these", "those", "that",
                                     "we", "i", "them", "its", "their", "his", "her"};
  /* from the text, not the tokens: a comparison read back from the store
   * has its sentences' bounds only */
  const px__sentence *se = &c->art[a].tx->sent[s];
  const char *p = c->art[a].tx->body + se->start, *e = c->art[a].tx->body + se->end;
  for (int round = 0; round < 2; round++) {
    while (p < e && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) p++;
    const char *w = p;
    while (p < e && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) p++;
    size_t n = (size_t)(p - w);
    if (!n) return false;
    const char *const *list = round ? pron : conj;
    size_t nl = round ? sizeof pron / sizeof *pron : sizeof conj / sizeof *conj;
    bool hit = false;
    for (size_t i = 0; i < nl && !hit; i++) hit = strlen(list[i]) == n && !strncasecmp(w, list[i], n);
    /* "That's how long ...", "It's ...": a contraction opens on it too */
    if (round && hit)
      return p == e || *p == ' ' || *p == ',' || *p == '\'' || (e - p >= 3 && !memcmp(p, "\xe2\x80\x99", 3));
    /* "Twelve of them voted against ...", "Most of these ...": a part of
     * what a pronoun stands for (not "those who ...", said in full) */
    if (round) {
      static const char *const of_what[] = {" of them ", " of these ", " of us ", " of it ", " of this ",
                                            " of those "};
      for (size_t i = 0; i < sizeof of_what / sizeof *of_what; i++) {
        size_t m = strlen(of_what[i]);
        if (e - p > (ptrdiff_t)m && !strncasecmp(p, of_what[i], m))
          return !(e - p - (ptrdiff_t)m >= 4 && !strncasecmp(p + m, "who ", 4));
      }
      return false;
    }
    if (!hit) p = w; /* no "But": the first word is the one to ask */
  }
  return false;
}

/* The last mark of text s[0..n): its last byte but spaces and closing
 * quotation marks (’ ” are 3 bytes, ending 0x99 0x9d); 0 when none. */
static char end_mark(const char *s, size_t n) {
  const unsigned char *t = (const unsigned char *)s;
  while (n) {
    if (t[n - 1] == ' ' || t[n - 1] == '\n' || t[n - 1] == '\'' || t[n - 1] == '"') n--;
    else if (n >= 3 && t[n - 3] == 0xe2 && t[n - 2] == 0x80 && (t[n - 1] == 0x9d || t[n - 1] == 0x99)) n -= 3;
    else return (char)t[n - 1];
  }
  return 0;
}

/* The last byte of sentence s of article a, spaces passed over: '?' for
 * a question of the writer's own ("..., Capito replied, “You think?”"
 * ends on a quotation mark, a reply reported), ':' for a line that only
 * leads in to what follows ("Here are four thoughts on that:"). */
static char sentence_last(const px_comparison *c, uint32_t a, uint32_t s) {
  const px__sentence *se = &c->art[a].tx->sent[s];
  const char *p = c->art[a].tx->body + se->start, *z = c->art[a].tx->body + se->end;
  while (z > p && (z[-1] == ' ' || z[-1] == '\n' || z[-1] == '\t')) z--;
  return z > p ? z[-1] : 0;
}

/* A heading, a crosshead or a related link's headline: no mark ends it
 * ("GOP Leaders: Kasich 'Irrational' for Not Dropping Out"), closing
 * quotation marks passed over. */
static bool heading(const px_comparison *c, uint32_t a, uint32_t s) {
  const px__sentence *se = &c->art[a].tx->sent[s];
  char last = end_mark(c->art[a].tx->body + se->start, se->end - se->start);
  if ((last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') || (last >= '0' && last <= '9'))
    return true;
  /* the page's own headline set in the body, after a section's label and
   * before its summary: "Congress Conservatives scoff at Boehner deal
   * Hardliners are again ready to cause leaders problems." */
  px_str ti = c->art[a].title;
  size_t tw = 0;
  for (size_t i = 0; i < ti.len; i++) tw += ti.ptr[i] == ' ';
  if (tw >= 3 && se->end - se->start > ti.len) {
    size_t reach = se->start + 32 + ti.len < se->end ? 32 + ti.len : se->end - se->start;
    for (size_t off = 0; off + ti.len <= reach; off++) {
      const char *q = c->art[a].tx->body + se->start + off;
      /* a summary after it opens on a capital; "Obama signs budget deal,
       * ending ..." or "... deal with Democrats" goes on as a sentence */
      if ((off == 0 || q[-1] == ' ') && !strncasecmp(q, ti.ptr, ti.len) &&
          (off + ti.len == se->end - se->start ||
           (q[ti.len] == ' ' && off + ti.len + 1 < se->end - se->start && q[ti.len + 1] >= 'A' &&
            q[ti.len + 1] <= 'Z')))
        return true;
    }
  }
  /* set as a headline, every word capitalized, "To" and "For" too: a
   * related story's link or a section's title ("CNBC's Harwood, Quick,
   * Quintanilla To Moderate GOP Debate.", "Use This Single Loophole to Pay
   * Zero Taxes.") */
  static const char *const small[] = {"to", "of", "for", "in", "on", "the", "a", "an", "and",
                                      "with", "at", "by", "from", "is", "are", "as", "into"};
  const px__text *tx = c->art[a].tx;
  size_t words = 0, lower = 0, capsmall = 0;
  for (uint32_t k = se->tok_first; k < se->tok_first + se->tok_count && k < tx->ntok; k++) {
    const px__token *t = &tx->tok[k];
    if (t->kind != PX__TOK_WORD) continue;
    words++;
    if (!(t->flags & PX__TF_CAP)) {
      lower++;
      continue;
    }
    if (k == se->tok_first || (t->flags & PX__TF_ALLCAPS)) continue;
    size_t n = t->end - t->start;
    for (size_t w = 0; w < sizeof small / sizeof *small && !capsmall; w++)
      capsmall = n == strlen(small[w]) && !strncasecmp(tx->body + t->start, small[w], n);
  }
  return words >= 5 && capsmall && lower * 5 <= words;
}

/* Is the word before w (in text from p) word, any case? */
static bool after_word(const unsigned char *p, const unsigned char *w, const char *word) {
  const unsigned char *b = w;
  while (b > p && b[-1] == ' ') b--;
  const unsigned char *a = b;
  while (a > p && ((a[-1] | 0x20) >= 'a' && (a[-1] | 0x20) <= 'z')) a--;
  return (size_t)(b - a) == strlen(word) && !strncasecmp((const char *)a, word, strlen(word));
}

/* An aside, not a claim an outlet adds: a question ("what is this?"), a
 * bracketed aside to the reader, or the writer (or a transcript's speaker)
 * in the first or the second person outside any quotation ("Pardon me for
 * ...", "I think ...", "we require ...", "you might think ...").  Columns and live
 * blogs open on such lines; the brief lists what an outlet reports. */
static bool aside(const px_comparison *c, uint32_t a, uint32_t s) {
  const px__sentence *se = &c->art[a].tx->sent[s];
  const unsigned char *p = (const unsigned char *)c->art[a].tx->body + se->start;
  const unsigned char *e = (const unsigned char *)c->art[a].tx->body + se->end;
  while (p < e && (*p == ' ' || *p == '\t')) p++;
  /* a question of the writer's, not one quoted */
  if (sentence_last(c, a, s) == '?') return true;
  /* a signpost to what follows: "Here's a rundown of the BCRA's greatest
   * hits.", "Here are some questions from the mailbox.", "Read on for a
   * preview of ...": short, no comma */
  static const char *const post[] = {"Here's ", "Here\xe2\x80\x99s ", "Here is ", "Here are ", "Read on "};
  /* the writer turning to the reader: "You know he worked for Ronald
   * Reagan for years.", "If you have any lingering doubt, take the time
   * to watch ..." */
  if ((e - p > 4 && !memcmp(p, "You ", 4)) || (e - p > 7 && !memcmp(p, "If you ", 7))) return true;
  for (size_t k = 0; k < sizeof post / sizeof *post; k++) {
    size_t n = strlen(post[k]);
    if ((size_t)(e - p) > n && !memcmp(p, post[k], n) && sent_words(c, a, s) <= 16 &&
        (p[0] == 'R' || !memchr(p, ',', (size_t)(e - p)))) /* "Read on to find out more about X, ..." */
      return true;
  }
  /* "(Ask some folks in Chicago how those work out.)": an aside in
   * brackets that bids the reader; a fact in brackets is a fact */
  if (p < e && *p == '(') {
    static const char *const bid[] = {"ask", "see", "read", "click", "note", "watch", "listen",
                                      "remember", "recall", "imagine", "consider", "also", "just"};
    const unsigned char *w = p + 1, *x = w;
    while (x < e && ((*x | 0x20) >= 'a' && (*x | 0x20) <= 'z')) x++;
    for (size_t k = 0; k < sizeof bid / sizeof *bid; k++)
      if (strlen(bid[k]) == (size_t)(x - w) && !strncasecmp((const char *)w, bid[k], (size_t)(x - w)))
        return true;
  }
  bool straight = false;
  int depth = 0, paren = 0;
  for (const unsigned char *q = p; q < e;) {
    if (*q == '"') {
      straight = !straight;
      q++;
      continue;
    }
    if (*q == '(' || *q == ')') {
      paren += *q == '(' ? 1 : paren > 0 ? -1 : 0;
      q++;
      continue;
    }
    if (*q == 0xE2 && e - q >= 3 && q[1] == 0x80 && (q[2] == 0x9C || q[2] == 0x9D)) {
      if (q[2] == 0x9C) depth++;
      else if (depth > 0) depth--;
      q += 3;
      continue;
    }
    if (!((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z')) {
      q++;
      continue;
    }
    const unsigned char *w = q;
    while (q < e && ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z')) q++;
    if (straight || depth > 0 || (w > p && (w[-1] == '-' || w[-1] == '.'))) continue;
    size_t n = (size_t)(q - w);
    bool apos = q < e && (*q == '\'' || (e - q >= 3 && q[0] == 0xE2 && q[1] == 0x80 && q[2] == 0x99));
    if (n == 1 && w[0] == 'I') {
      /* "I think", "I'm"; not "World War I and ..." or "Part I." (a
       * numeral after a capitalized word) */
      const unsigned char *b = w;
      while (b > p && b[-1] == ' ') b--;
      const unsigned char *pw = b;
      while (pw > p && ((pw[-1] | 0x20) >= 'a' && (pw[-1] | 0x20) <= 'z')) pw--;
      /* (a sentence's first word is capitalized whatever it is: "What I
       * don't understand is ...") */
      bool numeral = pw < b && *pw >= 'A' && *pw <= 'Z' && pw != p;
      if (!numeral && (apos || (e - q >= 2 && q[0] == ' ' && q[1] >= 'a' && q[1] <= 'z'))) return true;
    } else if ((n == 2 && !memcmp(w, "me", 2)) || (n == 2 && !memcmp(w, "my", 2)) ||
               (n == 2 && !memcmp(w, "My", 2) && w == p) || (n == 6 && !memcmp(w, "myself", 6))) {
      return true;
    } else if (((n == 2 && (!memcmp(w, "we", 2) || !memcmp(w, "We", 2))) || (n == 3 && !memcmp(w, "our", 3))) &&
               !apos) {
      /* a speaker's "we" outside marks ("Secondly, we require under this
       * proposal ...", a transcript) or the writer's ("We should ...") */
      return true;
    } else if (((n == 2 && !memcmp(w, "us", 2)) || (n == 3 && !memcmp(w, "you", 3)) ||
                (n == 4 && !memcmp(w, "your", 4))) &&
               !paren && !after_word(p, w, "thank") && !after_word(p, w, "mind")) {
      /* the one spoken to, or "us", outside marks: a transcript's turn
       * ("Adam, tell us about this ruling on Monday.", "But if you accept
       * severance package, you will have to ...") or the writer's to the
       * reader ("Now, you might think that's already ..."); not an aside
       * in brackets after a claim ("leaving eight candidates (nine if you
       * count ...)"), "thank you" or "mind you" */
      return true;
    }
  }
  return false;
}

/* How well member j stands for its fact f: a sentence grouped into the
 * fact (not one that joined it as a second claim), linked to more of the
 * fact's other members, a statement rather than a question, a transcript
 * line, a headline ("Justice Department Charges 4 Over Attempt To Topple
 * Andrew Jackson Statue In D.C.") or a piece of a quotation, from the lead
 * article on a tie. */
static int member_rank(const px_comparison *c, uint32_t f, uint32_t j, uint32_t lead,
                       const uint32_t *deg) {
  const px__cmember *m = &c->mem[j];
  uint32_t k = c->art[m->art].sent_first + m->sent;
  int r = 0;
  /* among statements, one that another outlet tells alike first: the
   * fact as the brief counts it, not a member joined by weaker links */
  if (m->flags & PX__CM_ALIKE) r += 100;
  if (c->sent_fact[k] == f) r += 8 + 2 * (int)(deg[k] < 32 ? deg[k] : 32);
  px_str t = px__span(c, m->art, m->start, m->end);
  char last = end_mark(t.ptr, t.len);
  bool question = last == '?';
  /* a heading or a crosshead ends without a full stop */
  bool ends = last == '.' || last == '!' || last == ',';
  size_t words = sent_words(c, m->art, m->sent);
  if (!question && ends && !labelled_line(t) && words >= 6 && !quote_part(c, m->art, m->sent) &&
      !opens_on_pronoun(c, m->art, m->sent) && !aside(c, m->art, m->sent) && !heading(c, m->art, m->sent) &&
      !fragment(c, m->art, m->sent))
    r += 200;
  /* a whole sentence of a claim over a fragment or a heading run into one
   * ("Speaker Nancy Pelosi's speech on impeachment Good afternoon.") */
  if (words >= 12) r += 2;
  if (m->art == lead) r += 1;
  return r;
}

/* A shared fact's place among core facts: the outlets that tell it alike
 * (more first), then its place in the order before. */
typedef struct sure_key {
  uint32_t sure, pos, f;
} sure_key;

static int cmp_sure(const void *x, const void *y) {
  const sure_key *a = x, *b = y;
  if (a->sure != b->sure) return a->sure > b->sure ? -1 : 1;
  return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Does title t open on pattern w (lower case; "_" is any one character, as
 * in SQL's LIKE: "here_s " is "Here's" and "Here’s"), with more after? */
static bool opens_on(px_str t, const char *w) {
  size_t i = 0;
  for (; *w; w++) {
    if (i >= t.len) return false;
    if (*w == '_') {
      size_t n = px__utf8_seqlen((const unsigned char *)t.ptr + i, t.len - i);
      i += n ? n : 1;
      continue;
    }
    char c = t.ptr[i++];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != *w) return false;
  }
  return i < t.len;
}

/* Is u the address of a column: "/" NAME "/" in it, any case, for a NAME
 * of PX__COLUMN_URL_SECTIONS? */
static bool column_url(px_str u) {
#define PX__AS_STRING(s) s,
  static const char *const section[] = {PX__COLUMN_URL_SECTIONS(PX__AS_STRING)};
#undef PX__AS_STRING
  for (size_t i = 0; i < u.len; i++) {
    if (u.ptr[i] != '/') continue;
    px_str rest = {u.ptr + i + 1, u.len - i - 1};
    for (size_t k = 0; k < sizeof section / sizeof *section; k++)
      if (opens_on(rest, section[k]) && rest.ptr[strlen(section[k])] == '/') return true;
  }
  return false;
}

/* The weight of an article's centrality (its share of the highest) beside
 * how well its title names the story, in choosing the lead. */
#define LEAD_CENTRAL 0.25

int px__brief_make(const px_comparison *c, size_t top, px__brief *b) {
  memset(b, 0, sizeof *b);
  b->top = top ? top : 5;
  uint32_t *order = NULL;
  size_t nsent = 0;
  for (size_t i = 0; i < c->nart; i++) nsent += c->art[i].nsent;
  if (px__fact_order(c, &order)) return PX_ENOMEM;
  b->core = malloc((b->top + 1) * sizeof *b->core);
  b->corem = malloc((b->top + 1) * sizeof *b->corem);
  b->alone = malloc((c->nart * b->top + 1) * sizeof *b->alone);
  b->nalone = calloc(c->nart + 1, sizeof *b->nalone);
  uint32_t *deg = calloc(nsent + 1, sizeof *deg);
  uint32_t *flinks = calloc(c->nfact + 1, sizeof *flinks);
  double *central = calloc(c->nart + 1, sizeof *central);
  double *cover = calloc(c->nart + 1, sizeof *cover);
  sure_key *sk = malloc((c->nfact + 1) * sizeof *sk);
  if (!b->core || !b->corem || !b->alone || !b->nalone || !deg || !flinks || !central || !cover || !sk) {
    free(order);
    free(deg);
    free(flinks);
    free(central);
    free(cover);
    free(sk);
    px__brief_release(b);
    return PX_ENOMEM;
  }
  for (size_t l = 0; l < c->nflink; l++) {
    uint32_t x = (uint32_t)(c->flink[l] >> 32), y = (uint32_t)c->flink[l];
    deg[x]++, deg[y]++;
    flinks[c->sent_fact[x]]++;
  }
  /* The lead, whose title heads the brief: the article whose title best
   * names the story (title_cover), then, among titles that name it about
   * as well, the most central article: the one whose sentences most other
   * outlets also report, per square root of its length (a long interview
   * shares more sentences in all, a wire story more of its own); the
   * earliest on a tie. */
  double maxc = 0;
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    double sum = 0;
    for (uint32_t s = 0; s < a->nsent; s++) {
      const px__cfact *f = &c->fact[c->sent_fact[a->sent_first + s]];
      if (f->noutlets > 1 && !f->furniture) sum += f->noutlets - 1;
    }
    central[i] = sum / sqrt(a->nsent > 4 ? (double)a->nsent : 4.0);
    if (central[i] > maxc) maxc = central[i];
  }
  for (size_t i = 0; i < c->nart; i++) {
    cover[i] = c->art[i].title_cover + LEAD_CENTRAL * (maxc > 0 ? central[i] / maxc : 0);
    /* a headline states the news: a title that asks ("Who is Christine
     * Blasey Ford, the professor accusing ...?") heads an explainer or a
     * column, and heads the brief only when no title names the story
     * half as well */
    px_str t = c->art[i].title;
    if (end_mark(t.ptr, t.len) == '?') cover[i] *= 0.5;
    /* so does a column's title: "OPINION: ...", "Op-Ed: ...", "Editorial: ...",
     * or a title at a column's address (".../story/opinion/...") */
#define PX__AS_STRING(s) s,
    static const char *const column[] = {PX__COLUMN_TITLE_OPENINGS(PX__AS_STRING)};
#undef PX__AS_STRING
    bool col = column_url(px_article_get(c->art[i].art, PX_F_URL));
    for (size_t k = 0; k < sizeof column / sizeof *column && !col; k++) col = opens_on(t, column[k]);
    if (col) cover[i] *= 0.5;
  }
  uint32_t best = 0;
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i], *l = &c->art[best];
    if (a->has_time) {
      if (!b->has_time || a->published < b->t_first) b->t_first = a->published;
      if (!b->has_time || a->published > b->t_last) b->t_last = a->published;
      b->has_time = true;
    }
    if (!a->title.len) continue;
    if (!l->title.len || cover[i] > cover[best] ||
        (cover[i] == cover[best] && a->has_time && (!l->has_time || a->published < l->published)))
      best = (uint32_t)i;
  }
  b->lead = best;
  /* Core facts: most outlets telling it alike first (then most outlets in
   * all); among as many, the fact whose members are linked to each other
   * most densely.  Each is shown by a
   * sentence no other core fact shows (a sentence can report two facts). */
  size_t nshared = 0;
  while (nshared < c->nfact && c->fact[order[nshared]].noutlets > 1) nshared++;
  density_ctx dc = {c, flinks};
  for (size_t k = 0; k < nshared;) {
    size_t e = k;
    while (e < nshared && c->fact[order[e]].noutlets == c->fact[order[k]].noutlets) e++;
    qsort_r(order + k, e - k, sizeof *order, cmp_density, &dc);
    k = e;
  }
  /* Then the facts told alike by more outlets first (px__cfact.sure),
   * the order above kept among as many: a fact joined only by weak links
   * is no core fact. */
  for (size_t k = 0; k < nshared; k++) sk[k] = (sure_key){c->fact[order[k]].sure, (uint32_t)k, order[k]};
  qsort(sk, nshared, sizeof *sk, cmp_sure);
  for (size_t k = 0; k < nshared; k++) order[k] = sk[k].f;
  free(sk);
  for (size_t k = 0; k < nshared && b->ncore < b->top; k++) {
    const px__cfact *f = &c->fact[order[k]];
    if (f->furniture || f->sure < 2) continue;
    int br = -1;
    uint32_t pick = 0;
    for (uint32_t j = f->first; j < f->first + f->count; j++) {
      bool shown = false;
      for (size_t q = 0; q < b->ncore && !shown; q++) {
        const px__cmember *o = &c->mem[b->corem[q]];
        shown = o->art == c->mem[j].art && o->sent == c->mem[j].sent;
      }
      /* a question of the writer's reports nothing: a fact that is
       * nothing but questions ("Why Aren't People Declaring The Race
       * Over?", a headline and its echo) is no core fact */
      if (shown || sentence_last(c, c->mem[j].art, c->mem[j].sent) == '?') continue;
      int r = member_rank(c, order[k], j, best, deg);
      if (r > br) br = r, pick = j;
    }
    if (br < 0) continue;
    b->core[b->ncore] = order[k];
    b->corem[b->ncore++] = pick;
  }
  free(order);
  free(deg);
  free(flinks);
  free(central);
  free(cover);
  /* what each article alone adds: its unique facts of some substance, the
   * earliest first (news puts what matters first), each once (a sentence
   * an article prints twice, as a pull quote, or two articles of one
   * outlet print, is listed once) */
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    for (uint32_t s = 0; s < a->nsent && b->nalone[i] < (b->top < 3 ? b->top : 3); s++) {
      uint32_t fi = c->sent_fact[a->sent_first + s];
      const px__cfact *f = &c->fact[fi];
      if (f->noutlets > 1 || f->furniture || sent_words(c, (uint32_t)i, s) < 8 ||
          fragment(c, (uint32_t)i, s) || quote_part(c, (uint32_t)i, s) || opens_on_pronoun(c, (uint32_t)i, s) ||
          aside(c, (uint32_t)i, s) || sentence_last(c, (uint32_t)i, s) == ':' || heading(c, (uint32_t)i, s))
        continue;
      bool listed = false;
      for (size_t k = 0; k < b->nalone[i] && !listed; k++) {
        uint32_t o = b->alone[i * b->top + k];
        listed = c->sent_fact[a->sent_first + o] == fi || same_sentence(a, o, a, s) || retold(a, o, a, s);
      }
      /* an outlet's claim once: not again for another of its articles
       * that prints it too, as it stands or retold (an update of the day
       * before repeats its lines) */
      for (size_t j = 0; j < i && !listed; j++)
        for (size_t k = 0; c->art[j].outlet == a->outlet && k < b->nalone[j] && !listed; k++) {
          uint32_t o = b->alone[j * b->top + k];
          listed = same_sentence(&c->art[j], o, a, s) || retold(&c->art[j], o, a, s);
        }
      if (!listed) b->alone[i * b->top + b->nalone[i]++] = s;
    }
  }
  return PX_OK;
}

void px__brief_release(px__brief *b) {
  free(b->core);
  free(b->corem);
  free(b->alone);
  free(b->nalone);
  memset(b, 0, sizeof *b);
}

uint32_t px__brief_member(const px_comparison *c, const px__brief *b, uint32_t f) {
  for (size_t k = 0; k < b->ncore; k++)
    if (b->core[k] == f) return b->corem[k];
  const px__cfact *fa = &c->fact[f];
  for (uint32_t j = fa->first; j < fa->first + fa->count; j++)
    if (c->mem[j].art == b->lead) return j;
  return fa->first;
}

/* Outside its quotations, the sentence says who speaks by a pronoun, in
 * up to six words: "“The nanny state is here to tell us all what to do,”
 * he said.", "“He's our president,” she told CNN Monday night, “and ...”" */
static bool pronoun_attribution(px_str t) {
  static const char *const pron[] = {"he", "she", "they"};
  bool straight = false, has = false;
  int depth = 0;
  size_t words = 0;
  const unsigned char *p = (const unsigned char *)t.ptr;
  for (size_t i = 0; i < t.len; i++) {
    if (p[i] == '"') {
      straight = !straight;
    } else if (p[i] == 0xE2 && i + 2 < t.len && p[i + 1] == 0x80 && (p[i + 2] == 0x9C || p[i + 2] == 0x9D)) {
      depth += p[i + 2] == 0x9C ? 1 : depth > 0 ? -1 : 0;
      i += 2;
    } else if (!straight && depth == 0 && isalpha(p[i]) && (i == 0 || !isalpha(p[i - 1]))) {
      size_t e = i;
      while (e < t.len && isalpha(p[e])) e++;
      words++;
      for (size_t k = 0; k < sizeof pron / sizeof *pron; k++)
        if (e - i == strlen(pron[k]) && !strncasecmp(t.ptr + i, pron[k], e - i)) has = true;
      i = e - 1;
    }
  }
  return has && words <= 6;
}

px_str px__brief_core_speaker(const px_comparison *c, const px__brief *b, size_t k) {
  px_str none = {"", 0};
  if (k >= b->ncore) return none;
  const px__cmember *m = &c->mem[b->corem[k]];
  px_str text = px__span(c, m->art, m->start, m->end);
  if (!quote_part(c, m->art, m->sent) && !pronoun_attribution(text)) return none;
  for (size_t q = 0; q < c->nqmem; q++) {
    const px__cqmember *r = &c->qmem[q];
    if (r->art != m->art || r->start >= m->end || m->start >= r->end || !r->speaker.len) continue;
    /* the sentence names the speaker after all ("...,” Barr responds") */
    const char *last = r->speaker.ptr + r->speaker.len;
    while (last > r->speaker.ptr && last[-1] != ' ') last--;
    size_t ln = (size_t)(r->speaker.ptr + r->speaker.len - last);
    if (ln >= 2 && memmem(text.ptr, text.len, last, ln)) return none;
    return r->speaker;
  }
  return none;
}

int px_report_write(const px_comparison *c, px_report_format format, const px_report_opts *opts,
                    px_write_fn write, void *user) {
  if (!c || !write) return PX_EINVAL;
  px_report_opts o = {80, 0, 5, 0};
  if (opts) o = *opts;
  if (o.width <= 0) o.width = 80;
  if (o.width < 30) o.width = 30;
  if (o.top <= 0) o.top = 5;
  px__w w = {write, user, {0}, 0, {0}};
  px__buf_init(&w.buf, 0);
  px__buf_init(&w.tmp, 0);
  switch (format) {
    case PX_REPORT_TEXT: px__report_text(c, &o, &w); break;
    case PX_REPORT_JSON: px__report_json(c, &w); break;
    case PX_REPORT_MD: px__report_md(c, &o, &w); break;
    case PX_REPORT_HTML: px__report_html(c, &w); break;
    default: w.err = PX_EINVAL; break;
  }
  px__w_flush(&w);
  px__buf_release(&w.buf);
  px__buf_release(&w.tmp);
  return w.err;
}
