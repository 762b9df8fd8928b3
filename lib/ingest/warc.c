/*
 * warc.c - web archives (WARC 0.x/1.0/1.1, plain or .warc.gz): the "warc"
 * input format.
 *
 * Records are read one at a time, so a multi-gigabyte crawl takes memory
 * bounded by the record limit.  response records carry an HTTP message:
 * its headers are parsed, chunked transfer-encoding and gzip/deflate
 * content-encoding undone, and HTML payloads extracted.  resource and
 * conversion records carry the payload directly (HTML, or plain text).
 * Other records (request, metadata, warcinfo, revisit) and non-HTML
 * payloads are skipped silently.  WARC-Target-URI is the URL fallback and
 * WARC-Date the published-time fallback; WARC-Record-ID becomes the id.
 *
 * Bad records give an error naming the record number and byte offset, and
 * reading goes on: a record over the limit is skipped, a Content-Length
 * that lies is detected (the block must be followed by CRLF CRLF) and the
 * reader resynchronises on the next "WARC/" line, also inside the block of
 * a record whose declared length ran over the next records.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define HEADER_LINE_CAP 65536
#define MAX_HEADER_LINES 512

struct px__fmt_state {
  px_ctx *ctx;
  px__stream *s;
  px__extractor *ex;
  px__buf line, block, payload, pend;
  size_t pend_pos;  /* bytes of pend already consumed */
  uint64_t offset;  /* decompressed bytes consumed */
  uint64_t record;  /* records seen */
  bool eof;
};

/* ------------------------------------------- source: pushback + stream */

static int src_getline(px__fmt_state *st, px__buf *line, size_t cap) {
  if (st->pend_pos < st->pend.len) {
    const char *p = st->pend.ptr + st->pend_pos;
    size_t avail = st->pend.len - st->pend_pos;
    const char *nl = memchr(p, '\n', avail);
    size_t take = nl ? (size_t)(nl - p) : avail;
    px__buf_clear(line);
    int rc = px__buf_append(line, p, PX__MIN(take, cap));
    st->pend_pos += take + (nl ? 1 : 0);
    st->offset += take + (nl ? 1 : 0);
    if (line->len && line->ptr[line->len - 1] == '\r') line->ptr[--line->len] = '\0';
    if (rc) return rc;
    if (nl) return take > cap ? PX_ETOOBIG : PX_OK;
    /* The pushed-back bytes end mid-line: the rest comes from the stream. */
    px__buf rest;
    px__buf_init(&rest, 0);
    rc = px__stream_getline(st->s, &rest, cap);
    if (rc == PX_OK) {
      st->offset += rest.len + 1;
      rc = px__buf_append(line, rest.ptr, rest.len);
    } else if (rc == PX_EOF) {
      rc = PX_OK;
    }
    px__buf_release(&rest);
    return rc;
  }
  int rc = px__stream_getline(st->s, line, cap);
  if (rc == PX_OK || rc == PX_ETOOBIG) st->offset += line->len + 1;
  return rc;
}

/* Read n bytes into out (or discard them when out is NULL). */
static int src_read(px__fmt_state *st, px__buf *out, uint64_t n, uint64_t *got) {
  *got = 0;
  while (*got < n && st->pend_pos < st->pend.len) {
    size_t k = (size_t)PX__MIN(n - *got, (uint64_t)(st->pend.len - st->pend_pos));
    if (out) {
      int rc = px__buf_append(out, st->pend.ptr + st->pend_pos, k);
      if (rc) return rc;
    }
    st->pend_pos += k;
    *got += k;
  }
  char tmp[65536];
  while (*got < n) {
    size_t want = (size_t)PX__MIN(n - *got, (uint64_t)sizeof(tmp)), g = 0;
    int rc;
    if (out) {
      if ((rc = px__buf_reserve(out, want))) return rc;
      rc = px__stream_read(st->s, out->ptr + out->len, want, &g);
      out->len += g;
      out->ptr[out->len] = '\0';
    } else {
      rc = px__stream_read(st->s, tmp, want, &g);
    }
    *got += g;
    if (rc) {
      st->offset += *got;
      return rc;
    }
    if (g == 0) break;
  }
  st->offset += *got;
  return PX_OK;
}

/* Peek up to n bytes (only from the stream when nothing is pushed back). */
static void src_peek(px__fmt_state *st, size_t n, const char **p, size_t *got) {
  if (st->pend_pos < st->pend.len) {
    *p = st->pend.ptr + st->pend_pos;
    *got = PX__MIN(n, st->pend.len - st->pend_pos);
    return;
  }
  if (px__stream_peek(st->s, n, p, got) != PX_OK) *got = 0;
}

/* Push back bytes (they are read again before the stream). */
static int src_unread(px__fmt_state *st, const char *p, size_t n) {
  px__buf keep;
  px__buf_init(&keep, 0);
  int rc = px__buf_append(&keep, p, n);
  if (rc == PX_OK && st->pend_pos < st->pend.len)
    rc = px__buf_append(&keep, st->pend.ptr + st->pend_pos, st->pend.len - st->pend_pos);
  if (rc) {
    px__buf_release(&keep);
    return rc;
  }
  px__buf_release(&st->pend);
  st->pend = keep;
  st->pend_pos = 0;
  st->offset -= n;
  return PX_OK;
}

/* ------------------------------------------------------------- format */

static int sniff(const char *p, size_t n, const char *path) {
  if (n >= 6 && memcmp(p, "WARC/", 5) == 0 && p[5] >= '0' && p[5] <= '9') return 100;
  return 0;
}

static int open_fmt(px_ctx *ctx, px__stream *s, const char *path, px__fmt_state **out) {
  px__fmt_state *st = calloc(1, sizeof(*st));
  if (!st) return PX_ENOMEM;
  st->ctx = ctx;
  st->s = s;
  px__buf_init(&st->line, HEADER_LINE_CAP);
  px__buf_init(&st->block, ctx->limit_record);
  px__buf_init(&st->payload, ctx->limit_record);
  px__buf_init(&st->pend, 0);
  int rc = px__extractor_take(ctx, &st->ex);
  if (rc) {
    free(st);
    return rc;
  }
  *out = st;
  return PX_OK;
}

static void close_fmt(px__fmt_state *st) {
  if (!st) return;
  px__extractor_give(st->ctx, st->ex);
  px__buf_release(&st->line);
  px__buf_release(&st->block);
  px__buf_release(&st->payload);
  px__buf_release(&st->pend);
  free(st);
}

typedef struct warc_hdr {
  char type[32];
  char uri[4096];
  char date[64];
  char ctype[256];
  char id[256];
  int64_t length; /* -1 when absent */
} warc_hdr;

static void copy_val(char *dst, size_t cap, const char *v, size_t n) {
  while (n && (*v == ' ' || *v == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r')) n--;
  if (n >= cap) n = cap - 1;
  memcpy(dst, v, n);
  dst[n] = '\0';
}

static bool hdr_is(const char *line, size_t n, const char *key, const char **v, size_t *vn) {
  size_t k = strlen(key);
  if (n <= k || line[k] != ':' || strncasecmp(line, key, k) != 0) return false;
  *v = line + k + 1;
  *vn = n - k - 1;
  return true;
}

static bool parse_u64(const char *v, size_t n, int64_t *out) {
  while (n && (*v == ' ' || *v == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  if (n == 0 || n > 18) return false;
  int64_t x = 0;
  for (size_t i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9') return false;
    x = x * 10 + (v[i] - '0');
  }
  *out = x;
  return true;
}

/* Find "WARC/<digit>" at a line start inside [p, p+n); offset or n. */
static size_t find_warc_line(const char *p, size_t n, size_t from) {
  for (size_t i = from; i + 6 <= n; i++) {
    const char *q = memchr(p + i, 'W', n - i);
    if (!q) return n;
    i = (size_t)(q - p);
    if (i + 6 <= n && memcmp(q, "WARC/", 5) == 0 && q[5] >= '0' && q[5] <= '9' &&
        (i == 0 || p[i - 1] == '\n'))
      return i;
  }
  return n;
}

/* ---------------------------------------------------------------- HTTP */

static bool ieq_n(const char *p, size_t n, const char *w) {
  return strlen(w) == n && strncasecmp(p, w, n) == 0;
}

/* Undo chunked transfer-encoding from src into out. */
static int dechunk(const char *p, size_t n, px__buf *out) {
  size_t i = 0;
  while (i < n) {
    size_t sz = 0, j = i;
    int digits = 0;
    while (j < n) {
      char c = p[j];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) break;
      if (sz > ((size_t)1 << 40)) return PX_EFORMAT;
      sz = sz * 16 + (size_t)d;
      digits++;
      j++;
    }
    if (!digits) return PX_EFORMAT;
    const char *nl = memchr(p + j, '\n', n - j);
    if (!nl) return PX_ETRUNCATED;
    i = (size_t)(nl - p) + 1;
    if (sz == 0) return PX_OK;
    if (sz > n - i) {
      int rc = px__buf_append(out, p + i, n - i);
      return rc ? rc : PX_ETRUNCATED;
    }
    int rc = px__buf_append(out, p + i, sz);
    if (rc) return rc;
    i += sz;
    if (i < n && p[i] == '\r') i++;
    if (i < n && p[i] == '\n') i++;
  }
  return PX_ETRUNCATED; /* no final zero chunk */
}

/* Inflate gzip or zlib/deflate data (bounded by out's cap). */
static int inflate_all(const char *p, size_t n, px__buf *out, bool raw_ok) {
  z_stream z;
  memset(&z, 0, sizeof(z));
  if (inflateInit2(&z, 15 + 32) != Z_OK) return PX_ENOMEM;
  z.next_in = (Bytef *)p;
  z.avail_in = (uInt)PX__MIN(n, (size_t)UINT32_MAX);
  int rc = PX_OK, zr = Z_OK;
  while (zr != Z_STREAM_END) {
    if ((rc = px__buf_reserve(out, 65536))) break;
    z.next_out = (Bytef *)out->ptr + out->len;
    z.avail_out = (uInt)(out->alloc - out->len - 1);
    size_t before = z.avail_out;
    zr = inflate(&z, Z_NO_FLUSH);
    out->len += before - z.avail_out;
    out->ptr[out->len] = '\0';
    if (zr == Z_STREAM_END) {
      /* Another gzip member may follow. */
      if (z.avail_in > 0 && inflateReset(&z) == Z_OK) {
        zr = Z_OK;
        continue;
      }
      break;
    }
    if (zr == Z_BUF_ERROR && z.avail_in == 0) {
      rc = PX_ETRUNCATED;
      break;
    }
    if (zr != Z_OK) {
      if (zr == Z_DATA_ERROR && raw_ok && out->len == 0) {
        /* "deflate" sent as a raw stream */
        inflateEnd(&z);
        memset(&z, 0, sizeof(z));
        if (inflateInit2(&z, -15) != Z_OK) return PX_ENOMEM;
        z.next_in = (Bytef *)p;
        z.avail_in = (uInt)PX__MIN(n, (size_t)UINT32_MAX);
        raw_ok = false;
        zr = Z_OK;
        continue;
      }
      rc = PX_EFORMAT;
      break;
    }
  }
  inflateEnd(&z);
  return rc;
}

static bool is_html_type(const char *ct) {
  return strncasecmp(ct, "text/html", 9) == 0 || strncasecmp(ct, "application/xhtml", 17) == 0;
}

static bool looks_html(const char *p, size_t n) {
  n = PX__MIN(n, 1024);
  for (size_t i = 0; i + 5 <= n; i++)
    if (p[i] == '<' && (strncasecmp(p + i, "<html", 5) == 0 || strncasecmp(p + i, "<!doc", 5) == 0 ||
                        strncasecmp(p + i, "<head", 5) == 0 || strncasecmp(p + i, "<body", 5) == 0))
      return true;
  return false;
}

/*
 * Turn a response block (HTTP message) into the payload.  Sets *skip for
 * non-HTML or non-2xx responses.  ctype gets the Content-Type value.
 */
static int http_payload(px__fmt_state *st, const char *p, size_t n, char *ctype, size_t ccap,
                        const char **body, size_t *blen, bool *skip, px__buf *msg) {
  *skip = false;
  size_t i = 0;
  const char *nl = memchr(p, '\n', n);
  if (n < 12 || strncmp(p, "HTTP/", 5) != 0 || !nl) {
    px__buf_puts(msg, "response record without an HTTP status line");
    return PX_EFORMAT;
  }
  const char *sp = memchr(p, ' ', (size_t)(nl - p));
  int status = sp && sp + 4 <= nl ? atoi(sp + 1) : 0;
  i = (size_t)(nl - p) + 1;
  bool chunked = false;
  int gz = 0; /* 1 gzip, 2 deflate, 3 other */
  while (i < n) {
    const char *e = memchr(p + i, '\n', n - i);
    size_t le = e ? (size_t)(e - p) : n;
    size_t ln = le - i;
    if (ln && p[le - 1] == '\r') ln--;
    const char *line = p + i;
    i = e ? le + 1 : n;
    if (ln == 0) break;
    const char *v;
    size_t vn;
    if (hdr_is(line, ln, "Content-Type", &v, &vn)) {
      copy_val(ctype, ccap, v, vn);
    } else if (hdr_is(line, ln, "Transfer-Encoding", &v, &vn)) {
      for (size_t k = 0; k + 7 <= vn; k++)
        if (strncasecmp(v + k, "chunked", 7) == 0) chunked = true;
    } else if (hdr_is(line, ln, "Content-Encoding", &v, &vn)) {
      char ce[32];
      copy_val(ce, sizeof(ce), v, vn);
      if (ieq_n(ce, strlen(ce), "gzip") || ieq_n(ce, strlen(ce), "x-gzip")) gz = 1;
      else if (ieq_n(ce, strlen(ce), "deflate")) gz = 2;
      else if (ce[0] && !ieq_n(ce, strlen(ce), "identity")) gz = 3;
    }
  }
  if (status < 200 || status >= 300) {
    *skip = true;
    return PX_OK;
  }
  const char *b = p + i;
  size_t bn = n - i;
  if (ctype[0] && !is_html_type(ctype) && !looks_html(b, bn)) {
    *skip = true;
    return PX_OK;
  }
  int rc = PX_OK;
  if (chunked) {
    px__buf_clear(&st->payload);
    rc = dechunk(b, bn, &st->payload);
    if (rc && rc != PX_ETRUNCATED) {
      px__buf_puts(msg, "bad chunked transfer-encoding");
      return rc;
    }
    rc = PX_OK; /* a cut last chunk still gives a page */
    b = st->payload.ptr ? st->payload.ptr : "";
    bn = st->payload.len;
  }
  if (gz == 3) {
    px__buf_puts(msg, "unsupported Content-Encoding");
    return PX_EUNSUPPORTED;
  }
  if (gz) {
    px__buf tmp;
    px__buf_init(&tmp, st->ctx->limit_record);
    rc = inflate_all(b, bn, &tmp, gz == 2);
    if (rc == PX_ETOOBIG) {
      px__buf_printf(msg, "decompressed page over the %zu-byte record limit", st->ctx->limit_record);
      px__buf_release(&tmp);
      return rc;
    }
    if (rc && rc != PX_ETRUNCATED) {
      px__buf_puts(msg, "bad gzip/deflate content-encoding");
      px__buf_release(&tmp);
      return rc;
    }
    px__buf_release(&st->payload);
    st->payload = tmp;
    b = st->payload.ptr ? st->payload.ptr : "";
    bn = st->payload.len;
    rc = PX_OK;
  }
  if (!ctype[0] && !looks_html(b, bn)) *skip = true;
  *body = b;
  *blen = bn;
  return rc;
}

/* ---------------------------------------------------------------- next */

/* Prefix a record error with its byte offset. @return rc. */
static int prefix_msg(px__buf *msg, uint64_t start, int rc) {
  px__buf tmsg;
  px__buf_init(&tmsg, 0);
  if (px__buf_printf(&tmsg, "record at byte %llu: %s", (unsigned long long)start,
                     msg->len ? msg->ptr : px_strerror(rc)) == PX_OK) {
    px__buf_clear(msg);
    px__buf_append(msg, tmsg.ptr, tmsg.len);
  }
  px__buf_release(&tmsg);
  return rc;
}

static void strip_id(const char *id, const char **p, size_t *n) {
  size_t l = strlen(id);
  if (l >= 2 && id[0] == '<' && id[l - 1] == '>') {
    id++;
    l -= 2;
  }
  if (l > 9 && strncmp(id, "urn:uuid:", 9) == 0) {
    id += 9;
    l -= 9;
  }
  *p = id;
  *n = l;
}

static int next(px__fmt_state *st, px_article *art, uint64_t *where, int *fatal, px__buf *msg) {
  while (!st->eof) {
    /* Find the version line. */
    int rc;
    uint64_t start;
    while (true) {
      start = st->offset;
      rc = src_getline(st, &st->line, HEADER_LINE_CAP);
      if (rc == PX_EOF) {
        st->eof = true;
        return PX_EOF;
      }
      if (rc == PX_ETRUNCATED || rc == PX_EIO) {
        st->eof = true;
        *fatal = 1;
        px__buf_printf(msg, "at byte %llu: %s", (unsigned long long)st->offset,
                       px__stream_error(st->s));
        return rc;
      }
      if (rc == PX_OK && st->line.len >= 6 && memcmp(st->line.ptr, "WARC/", 5) == 0) break;
      if (rc == PX_OK && st->line.len == 0) continue;
      if (rc && rc != PX_ETOOBIG) return rc;
      /* Anything else between records is skipped up to the next "WARC/". */
    }
    st->record++;
    *where = st->record;
    warc_hdr h;
    memset(&h, 0, sizeof(h));
    h.length = -1;
    int nlines = 0;
    while (true) {
      rc = src_getline(st, &st->line, HEADER_LINE_CAP);
      if (rc == PX_EOF || rc == PX_ETRUNCATED || rc == PX_EIO) {
        st->eof = true;
        px__buf_printf(msg, "record header at byte %llu cut short", (unsigned long long)start);
        if (rc != PX_EOF) *fatal = 1;
        return PX_ETRUNCATED;
      }
      if (rc == PX_ETOOBIG) continue;
      if (rc) return rc;
      if (st->line.len == 0) break;
      if (++nlines > MAX_HEADER_LINES) break;
      const char *v;
      size_t vn;
      const char *l = st->line.ptr;
      size_t ln = st->line.len;
      if (hdr_is(l, ln, "WARC-Type", &v, &vn)) copy_val(h.type, sizeof(h.type), v, vn);
      else if (hdr_is(l, ln, "WARC-Target-URI", &v, &vn)) copy_val(h.uri, sizeof(h.uri), v, vn);
      else if (hdr_is(l, ln, "WARC-Date", &v, &vn)) copy_val(h.date, sizeof(h.date), v, vn);
      else if (hdr_is(l, ln, "Content-Type", &v, &vn)) copy_val(h.ctype, sizeof(h.ctype), v, vn);
      else if (hdr_is(l, ln, "WARC-Record-ID", &v, &vn)) copy_val(h.id, sizeof(h.id), v, vn);
      else if (hdr_is(l, ln, "Content-Length", &v, &vn) && !parse_u64(v, vn, &h.length))
        h.length = -2;
    }
    if (h.length < 0) {
      px__buf_printf(msg, "record at byte %llu has %s Content-Length", (unsigned long long)start,
                     h.length == -1 ? "no" : "an invalid");
      return PX_EFORMAT; /* the next call resynchronises on "WARC/" */
    }
    /* Uninteresting record types: skip the block. */
    bool wanted = strcasecmp(h.type, "response") == 0 || strcasecmp(h.type, "resource") == 0 ||
                  strcasecmp(h.type, "conversion") == 0;
    uint64_t got;
    if (!wanted || (uint64_t)h.length > st->ctx->limit_record) {
      rc = src_read(st, NULL, (uint64_t)h.length, &got);
      if (rc || got < (uint64_t)h.length) {
        st->eof = true;
        px__buf_printf(msg, "record at byte %llu cut short (%llu of %lld bytes)",
                       (unsigned long long)start, (unsigned long long)got, (long long)h.length);
        if (rc && rc != PX_ETRUNCATED) *fatal = 1;
        return wanted ? PX_ETRUNCATED : (rc ? rc : PX_ETRUNCATED);
      }
      if (!wanted) continue;
      px__buf_printf(msg, "record at byte %llu: %lld bytes, over the %zu-byte record limit",
                     (unsigned long long)start, (long long)h.length, st->ctx->limit_record);
      return PX_ETOOBIG;
    }
    px__buf_clear(&st->block);
    rc = src_read(st, &st->block, (uint64_t)h.length, &got);
    bool cut = rc == PX_ETRUNCATED || got < (uint64_t)h.length;
    if (rc && rc != PX_ETRUNCATED) {
      *fatal = rc != PX_ENOMEM;
      px__buf_printf(msg, "record at byte %llu: %s", (unsigned long long)start,
                     rc == PX_ENOMEM ? "out of memory" : px__stream_error(st->s));
      st->eof = true;
      return rc;
    }
    /* The block must be followed by CRLF CRLF; a lying Content-Length
     * shows as another record's "WARC/" line inside or right after. */
    bool lied = false;
    if (!cut) {
      const char *pk;
      size_t pn;
      src_peek(st, 4, &pk, &pn);
      bool ok_tail = (pn >= 4 && memcmp(pk, "\r\n\r\n", 4) == 0) ||
                     (pn >= 2 && memcmp(pk, "\n\n", 2) == 0) || pn == 0;
      if (!ok_tail) lied = true;
    }
    size_t inner = find_warc_line(st->block.ptr, st->block.len, 1);
    if (inner < st->block.len && (lied || cut)) {
      /* The declared length swallowed the next record(s): hand them back. */
      if ((rc = src_unread(st, st->block.ptr + inner, st->block.len - inner))) return rc;
      st->block.len = inner;
      st->block.ptr[inner] = '\0';
      lied = true;
      cut = false;
    }
    if (cut) {
      st->eof = true;
      px__buf_printf(msg, "record at byte %llu cut short (%llu of %lld bytes)",
                     (unsigned long long)start, (unsigned long long)got, (long long)h.length);
      return PX_ETRUNCATED;
    }
    if (lied) {
      px__buf_printf(msg, "record at byte %llu: Content-Length %lld does not match the record",
                     (unsigned long long)start, (long long)h.length);
      return PX_EFORMAT;
    }
    /* The payload. */
    const char *body = st->block.ptr ? st->block.ptr : "";
    size_t blen = st->block.len;
    char ctype[256] = "";
    bool skip = false;
    if (strcasecmp(h.type, "response") == 0) {
      if (strncasecmp(h.ctype, "application/http", 16) != 0 && h.ctype[0]) continue;
      rc = http_payload(st, body, blen, ctype, sizeof(ctype), &body, &blen, &skip, msg);
      if (rc) return prefix_msg(msg, start, rc);
      if (skip) continue;
    } else {
      copy_val(ctype, sizeof(ctype), h.ctype, strlen(h.ctype));
      if (strncasecmp(ctype, "text/plain", 10) == 0) {
        /* A conversion to text: the block is the article text. */
        if (h.uri[0] && (rc = px_article_set(art, PX_F_URL, h.uri, strlen(h.uri)))) return rc;
        if ((rc = px_article_set(art, PX_F_BODY, body, blen))) return rc;
        if (px_article_get(art, PX_F_BODY).len == 0) continue;
        const char *hs;
        size_t hn;
        px__url_host(h.uri, strlen(h.uri), &hs, &hn);
        if (hn && (rc = px_article_set(art, PX_F_SOURCE, hs, hn))) return rc;
        goto fallbacks;
      }
      if (!is_html_type(ctype) && !looks_html(body, blen)) continue;
    }
    rc = px__extract_html(st->ctx, st->ex, body, blen, ctype[0] ? ctype : NULL,
                          h.uri[0] ? h.uri : NULL, 0, art, msg);
    if (rc) return prefix_msg(msg, start, rc);
  fallbacks:
    if (h.id[0]) {
      const char *ip;
      size_t in;
      strip_id(h.id, &ip, &in);
      if ((rc = px_article_set(art, PX_F_ID, ip, in))) return rc;
    }
    int has;
    px_article_published(art, &has);
    int64_t t;
    if (!has && h.date[0] && px_parse_date(h.date, strlen(h.date), &t) == PX_OK)
      px_article_set_published(art, t);
    return PX_OK;
  }
  return PX_EOF;
}

const px__format px__fmt_warc = {"warc", "record", sniff, open_fmt, next, close_fmt};
