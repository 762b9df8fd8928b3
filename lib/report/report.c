/*
 * report.c - px_report_write and what the renderers share: a buffered
 * writer over the caller's sink, escaping for JSON, HTML and Markdown,
 * dates, and the order facts are listed in.
 */
#include "report/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
  strftime(buf, n, iso ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d %H:%MZ", &tm);
}

px_str px__span(const px_comparison *c, uint32_t art, uint32_t start, uint32_t end) {
  px_str body = px_doc_body(c->art[art].doc);
  if (start > body.len) start = (uint32_t)body.len;
  if (end > body.len || end < start) end = start;
  return (px_str){body.ptr + start, end - start};
}

const char *px__qkind_name(int kind) {
  switch (kind) {
    case PX__QK_FULL: return "direct";
    case PX__QK_PARTIAL: return "partial";
    default: return "indirect";
  }
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

int px__fact_order(const px_comparison *c, uint32_t **order) {
  *order = malloc((c->nfact + 1) * sizeof **order);
  if (!*order) return PX_ENOMEM;
  for (size_t i = 0; i < c->nfact; i++) (*order)[i] = (uint32_t)i;
  qsort_r(*order, c->nfact, sizeof **order, cmp_order, (void *)c);
  return PX_OK;
}

int px_report_write(const px_comparison *c, px_report_format format, const px_report_opts *opts,
                    px_write_fn write, void *user) {
  if (!c || !write) return PX_EINVAL;
  px_report_opts o = {80, 0};
  if (opts) o = *opts;
  if (o.width <= 0) o.width = 80;
  if (o.width < 30) o.width = 30;
  px__w w = {write, user, {0}, 0};
  px__buf_init(&w.buf, 0);
  switch (format) {
    case PX_REPORT_TEXT: px__report_text(c, &o, &w); break;
    case PX_REPORT_JSON: px__report_json(c, &w); break;
    case PX_REPORT_MD: px__report_md(c, &w); break;
    case PX_REPORT_HTML: px__report_html(c, &w); break;
    default: w.err = PX_EINVAL; break;
  }
  px__w_flush(&w);
  px__buf_release(&w.buf);
  return w.err;
}
