/* text.c - plain-text articles: one article per file.
 *
 * A file may start with a header block of "Key: value" lines (Title,
 * Source, Outlet, Date, URL, Author, By, Id, Language) ended by a blank
 * line.  Without one, a first line that is short, has no final sentence
 * punctuation and is followed by a blank line is taken as the title.
 * The file name (without extension) is the article id.
 */
#include "ingest.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct px__fmt_state {
  px_ctx *ctx;
  px__stream *s;
  char *path;
  bool done;
};

static int sniff(const char *p, size_t n, const char *path) { return 10; }

static int open_fmt(px_ctx *ctx, px__stream *s, const char *path, px__fmt_state **out) {
  px__fmt_state *st = calloc(1, sizeof(*st));
  if (!st) return PX_ENOMEM;
  st->ctx = ctx;
  st->s = s;
  st->path = strdup(path);
  if (!st->path) {
    free(st);
    return PX_ENOMEM;
  }
  *out = st;
  return PX_OK;
}

static void close_fmt(px__fmt_state *st) {
  if (!st) return;
  free(st->path);
  free(st);
}

static const struct {
  const char *key;
  int field; /* px_field, or -1 for the date */
} header_keys[] = {{"title", PX_F_TITLE},   {"headline", PX_F_TITLE}, {"source", PX_F_SOURCE},
                   {"outlet", PX_F_SOURCE}, {"url", PX_F_URL},        {"link", PX_F_URL},
                   {"author", PX_F_BYLINE}, {"authors", PX_F_BYLINE}, {"by", PX_F_BYLINE},
                   {"byline", PX_F_BYLINE}, {"id", PX_F_ID},          {"language", PX_F_LANGUAGE},
                   {"date", -1},            {"published", -1}};

/* If line [p, p+n) is "Key: value" with a known key, return its index. */
static int header_line(const char *p, size_t n, size_t *val) {
  const char *colon = memchr(p, ':', n);
  if (!colon || colon == p) return -1;
  size_t klen = (size_t)(colon - p);
  for (size_t i = 0; i < sizeof(header_keys) / sizeof(header_keys[0]); i++) {
    if (strlen(header_keys[i].key) == klen && strncasecmp(p, header_keys[i].key, klen) == 0) {
      size_t v = klen + 1;
      while (v < n && (p[v] == ' ' || p[v] == '\t')) v++;
      *val = v;
      return (int)i;
    }
  }
  return -1;
}

static size_t line_end(const char *p, size_t n, size_t i) {
  const char *nl = memchr(p + i, '\n', n - i);
  return nl ? (size_t)(nl - p) : n;
}

static bool blank(const char *p, size_t a, size_t b) {
  for (size_t i = a; i < b; i++)
    if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return false;
  return true;
}

static int next(px__fmt_state *st, px_article *art, uint64_t *where, int *fatal, px__buf *msg) {
  if (st->done) return PX_EOF;
  st->done = true;
  *where = 1;
  px__buf all;
  px__buf_init(&all, 0);
  int rc = px__stream_slurp(st->s, &all, st->ctx->limit_record);
  if (rc == PX_ETOOBIG) {
    px__buf_printf(msg, "file larger than the %zu-byte record limit", st->ctx->limit_record);
    goto out;
  }
  if (rc) {
    *fatal = 1;
    px__buf_puts(msg, px__stream_error(st->s));
    goto out;
  }
  const char *p = all.ptr;
  size_t n = all.len, i = 0;
  /* A file named as JSON that the JSON reader did not take: say so rather
   * than store it as one plain-text article (or call it empty). */
  const char *ext = st->path ? strrchr(st->path, '.') : NULL;
  if (ext && (strcmp(ext, ".jsonl") == 0 || strcmp(ext, ".json") == 0 || strcmp(ext, ".ndjson") == 0)) {
    size_t k = 0;
    while (k < n && (p[k] == ' ' || p[k] == '\n' || p[k] == '\r' || p[k] == '\t')) k++;
    if (k < n) {
      size_t m = 0;
      while (k + m < n && m < 12 && p[k + m] != '\n' && p[k + m] != '\r') m++;
      px__buf_printf(msg, "invalid JSON at line 1: a record begins with '{' (or the file with '['), not '%.*s'",
                     (int)m, p + k);
      rc = PX_EFORMAT;
      goto out;
    }
  }
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < n && (p[i] == '\n' || p[i] == '\r')) i++;
  /* Header block. */
  size_t j = i;
  int headers = 0;
  while (j < n) {
    size_t e = line_end(p, n, j), v;
    if (blank(p, j, e)) break;
    int k = header_line(p + j, e - j, &v);
    if (k < 0) {
      headers = 0;
      break;
    }
    headers++;
    j = e + 1;
  }
  if (headers > 0) {
    size_t k0 = i;
    while (k0 < j) {
      size_t e = line_end(p, n, k0), v;
      int k = header_line(p + k0, e - k0, &v);
      size_t ve = e;
      while (ve > k0 + v && (p[ve - 1] == '\r' || p[ve - 1] == ' ')) ve--;
      if (header_keys[k].field < 0) {
        int64_t t;
        if (px_parse_date(p + k0 + v, ve - k0 - v, &t) == PX_OK) px_article_set_published(art, t);
      } else if ((rc = px_article_set(art, (px_field)header_keys[k].field, p + k0 + v,
                                      ve - k0 - v))) {
        goto out;
      }
      k0 = e + 1;
    }
    i = j;
  } else {
    /* A title line: short, no final punctuation, then a blank line. */
    size_t e = line_end(p, n, i);
    size_t e2 = e < n ? line_end(p, n, e + 1) : n;
    size_t te = e;
    while (te > i && (p[te - 1] == ' ' || p[te - 1] == '\r')) te--;
    char last = te > i ? p[te - 1] : '.';
    if (e < n && te - i > 0 && te - i <= 200 && blank(p, e + 1, e2) && last != '.' &&
        last != '!' && last != '?' && last != ':' && last != ',' && last != '"') {
      if ((rc = px_article_set(art, PX_F_TITLE, p + i, te - i))) goto out;
      i = e + 1;
    }
  }
  rc = px_article_set(art, PX_F_BODY, p + i, n - i);
  if (rc == PX_ETOOBIG) {
    px__buf_printf(msg, "article text over the %zu-byte limit", st->ctx->limit_body);
    goto out;
  }
  if (rc) goto out;
  if (px_article_get(art, PX_F_BODY).len == 0) {
    px__buf_puts(msg, "no article text (the file is empty)");
    rc = PX_ENOBODY;
    goto out;
  }
  if (px_article_get(art, PX_F_ID).len == 0) {
    /* The id is the file's name as the reader gives it (relative to the
     * folder walked, or the base name of a single file), extension cut. */
    const char *base = st->path;
    const char *slash = strrchr(base, '/');
    const char *name = slash ? slash + 1 : base;
    size_t bl = strlen(base);
    /* A compression suffix first (notes.txt.gz -> notes), then one extension. */
    static const char *const packed[] = {".gz", ".zst", ".xz"};
    for (size_t k = 0; k < sizeof(packed) / sizeof(packed[0]); k++) {
      size_t l = strlen(packed[k]);
      if (bl > l && base + bl - l > name && strcasecmp(base + bl - l, packed[k]) == 0) {
        bl -= l;
        break;
      }
    }
    for (size_t k = bl; k > (size_t)(name - base) + 1; k--)
      if (base[k - 1] == '.') {
        bl = k - 1;
        break;
      }
    if (strcmp(st->path, "-") != 0 && (rc = px_article_set(art, PX_F_ID, base, bl))) goto out;
  }
out:
  px__buf_release(&all);
  return rc;
}

const px__format px__fmt_text = {"text", "file", sniff, open_fmt, next, close_fmt};
