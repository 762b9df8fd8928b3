/* html.c - one web page per file: the "html" input format.
 *
 * The file is read whole (up to the record limit) and handed to the
 * extractor (extract.c).  The article id is the file name without its
 * extensions; the charset comes from the BOM, <meta> or detection.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct px__fmt_state {
  px_ctx *ctx;
  px__stream *s;
  char *path;
  px__extractor *ex;
  bool done;
};

/* Skip whitespace, a BOM and <!-- comments --> at the start. */
static size_t skip_prolog(const char *p, size_t n) {
  size_t i = 0;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) i = 3;
  for (int k = 0; k < 8; k++) {
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
    if (i + 4 <= n && memcmp(p + i, "<!--", 4) == 0) {
      const char *e = memmem(p + i + 4, n - i - 4, "-->", 3);
      if (!e) return n;
      i = (size_t)(e - p) + 3;
      continue;
    }
    break;
  }
  return i;
}

static bool has_ci(const char *p, size_t n, const char *w) {
  size_t k = strlen(w);
  for (size_t i = 0; i + k <= n; i++)
    if ((p[i] | 32) == (w[0] | 32) && strncasecmp(p + i, w, k) == 0) return true;
  return false;
}

/* True when the file's name ends in .html, .htm, .xhtml or .shtml, before a
 * compression suffix (.gz, .zst, .xz). */
static bool named_html(const char *path) {
  if (!path) return false;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strlen(base);
  static const char *const packed[] = {".gz", ".zst", ".xz"};
  for (size_t k = 0; k < sizeof(packed) / sizeof(packed[0]); k++) {
    size_t l = strlen(packed[k]);
    if (n > l && strcasecmp(base + n - l, packed[k]) == 0) {
      n -= l;
      break;
    }
  }
  static const char *const ext[] = {".html", ".htm", ".xhtml", ".shtml"};
  for (size_t k = 0; k < sizeof(ext) / sizeof(ext[0]); k++) {
    size_t l = strlen(ext[k]);
    if (n > l && strncasecmp(base + n - l, ext[k], l) == 0) return true;
  }
  return false;
}

static int sniff(const char *p, size_t n, const char *path) {
  size_t i = skip_prolog(p, n);
  if (i >= n || p[i] != '<') return 0;
  const char *q = p + i;
  size_t m = n - i;
  if (m >= 14 && strncasecmp(q, "<!doctype html", 14) == 0) return 70;
  if (m >= 5 && (strncasecmp(q, "<html", 5) == 0 || strncasecmp(q, "<head", 5) == 0 ||
                 strncasecmp(q, "<body", 5) == 0 || strncasecmp(q, "<meta", 5) == 0))
    return 70;
  if (m >= 5 && strncasecmp(q, "<?xml", 5) == 0)
    return has_ci(q, m, "<html") ? 60 : 0;
  if (m >= 9 && strncasecmp(q, "<!doctype", 9) == 0) return has_ci(q, m, "<html") ? 60 : 0;
  /* A fragment that starts with a common element. */
  if (has_ci(q, PX__MIN(m, 64), "<p") || has_ci(q, PX__MIN(m, 64), "<div") ||
      has_ci(q, PX__MIN(m, 64), "<article") || has_ci(q, PX__MIN(m, 64), "<title"))
    return 40;
  /* A page named as one that opens with markup the tests above do not know
   * (<script>, <link>, <style>, ...): a page, not plain text holding its
   * markup.  Feeds and WARC files are not named .html. */
  if (named_html(path)) return 30;
  return 0;
}

static int open_fmt(px_ctx *ctx, px__stream *s, const char *path, px__fmt_state **out) {
  px__fmt_state *st = calloc(1, sizeof(*st));
  if (!st) return PX_ENOMEM;
  st->ctx = ctx;
  st->s = s;
  st->path = strdup(path);
  int rc = st->path ? px__extractor_take(ctx, &st->ex) : PX_ENOMEM;
  if (rc) {
    free(st->path);
    free(st);
    return rc;
  }
  *out = st;
  return PX_OK;
}

static void close_fmt(px__fmt_state *st) {
  if (!st) return;
  px__extractor_give(st->ctx, st->ex);
  free(st->path);
  free(st);
}

static int next(px__fmt_state *st, px_article *art, uint64_t *where, int *fatal, px__buf *msg) {
  if (st->done) return PX_EOF;
  st->done = true;
  *where = 1;
  px__buf all;
  px__buf_init(&all, 0);
  int rc = px__stream_slurp(st->s, &all, st->ctx->limit_record);
  if (rc == PX_ETOOBIG) {
    px__buf_printf(msg, "page larger than the %zu-byte record limit", st->ctx->limit_record);
    goto out;
  }
  if (rc == PX_ETRUNCATED) {
    /* A cut compressed page is not stored half: say so. */
    px__buf_printf(msg, "page cut short after %zu bytes: %s", all.len, px__stream_error(st->s));
    goto out;
  } else if (rc) {
    *fatal = 1;
    px__buf_puts(msg, px__stream_error(st->s));
    goto out;
  }
  rc = px__extract_html(st->ctx, st->ex, all.ptr ? all.ptr : "", all.len, NULL, NULL, 0, art, msg);
  if (rc) goto out;
  if (px_article_get(art, PX_F_ID).len == 0 && strcmp(st->path, "-") != 0) {
    const char *base = strrchr(st->path, '/');
    base = base ? base + 1 : st->path;
    const char *dot = strchr(base, '.');
    size_t bl = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    rc = px_article_set(art, PX_F_ID, base, bl);
  }
out:
  px__buf_release(&all);
  return rc;
}

const px__format px__fmt_html = {"html", "file", sniff, open_fmt, next, close_fmt};

int px_article_from_html(px_ctx *ctx, const char *html, size_t len, const char *content_type,
                         const char *url, px_article *art) {
  if (!ctx || (!html && len) || !art) return PX_EINVAL;
  if (len > ctx->limit_record)
    return px__ctx_fail(ctx, PX_ETOOBIG, "%s: page larger than the %zu-byte record limit",
                        url ? url : "page", ctx->limit_record);
  px__buf msg;
  px__buf_init(&msg, 4096);
  int rc = px__extract_html(ctx, NULL, html ? html : "", len, content_type, url, 0, art, &msg);
  if (rc == PX_OK && url && url[0] && px_article_get(art, PX_F_URL).len == 0)
    rc = px_article_set(art, PX_F_URL, url, strlen(url));
  if (rc != PX_OK)
    px__ctx_fail(ctx, rc, "%s: %s", url ? url : "page", msg.len ? msg.ptr : px_strerror(rc));
  px__buf_release(&msg);
  return rc;
}
