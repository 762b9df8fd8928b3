/* article.c - the article model: fields, validation and body normalization. */
#include "px_common.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int px_article_new(px_article **out) {
  if (!out) return PX_EINVAL;
  px_article *a = calloc(1, sizeof(*a));
  *out = a;
  if (!a) return PX_ENOMEM;
  a->limit_body = (size_t)16 << 20;
  for (int i = 0; i < PX_F_COUNT_; i++) px__buf_init(&a->field[i], 0);
  return PX_OK;
}

void px_article_free(px_article *a) {
  if (!a) return;
  for (int i = 0; i < PX_F_COUNT_; i++) px__buf_release(&a->field[i]);
  free(a);
}

void px__article_clear(px_article *a) {
  for (int i = 0; i < PX_F_COUNT_; i++) px__buf_clear(&a->field[i]);
  a->published = 0;
  a->has_time = 0;
  a->id = 0;
  a->content_hash = 0;
  a->repairs = 0;
}

px_str px_article_get(const px_article *a, px_field f) {
  px_str s = {"", 0};
  if (!a || (unsigned)f >= PX_F_COUNT_ || !a->field[f].ptr) return s;
  s.ptr = a->field[f].ptr;
  s.len = a->field[f].len;
  return s;
}

/* Collapse whitespace of a one-line field (title, source...): trims and
 * turns any run of spaces, tabs and newlines into one space. */
static int set_line(px__buf *dst, const char *p, size_t n) {
  px__buf_clear(dst);
  int rc = px__buf_reserve(dst, n);
  if (rc) return rc;
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = dst->len > 0;
      continue;
    }
    if (space) dst->ptr[dst->len++] = ' ';
    space = false;
    dst->ptr[dst->len++] = (char)c;
  }
  dst->ptr[dst->len] = '\0';
  return PX_OK;
}

int px_article_set(px_article *a, px_field f, const char *p, size_t n) {
  if (!a || (unsigned)f >= PX_F_COUNT_ || (!p && n)) return PX_EINVAL;
  if (f == PX_F_BODY && n > a->limit_body) return PX_ETOOBIG;
  if (!p) p = "";
  size_t valid = px__utf8_valid_prefix(p, n);
  px__buf tmp;
  px__buf_init(&tmp, 0);
  const char *src = p;
  size_t len = n;
  int rc = PX_OK;
  bool has_ctl = false;
  for (size_t i = 0; i < valid && !has_ctl; i++) {
    unsigned char c = (unsigned char)p[i];
    has_ctl = (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F;
  }
  if (valid < n || has_ctl) {
    size_t first = 0;
    if ((rc = px__utf8_repair(&tmp, p, n, &a->repairs, &first))) goto out;
    src = tmp.ptr;
    len = tmp.len;
  }
  if (f == PX_F_BODY) {
    px__buf_clear(&a->field[f]);
    rc = px__normalize_body(&a->field[f], src, len);
    if (rc == PX_OK) a->content_hash = px__hash64(a->field[f].ptr, a->field[f].len, 0x70617261ULL);
  } else {
    rc = set_line(&a->field[f], src, len);
  }
out:
  px__buf_release(&tmp);
  return rc;
}

int64_t px_article_published(const px_article *a, int *has_time) {
  if (has_time) *has_time = a ? a->has_time : 0;
  return a && a->has_time ? a->published : 0;
}

void px_article_set_published(px_article *a, int64_t t) {
  if (!a) return;
  a->published = t;
  a->has_time = 1;
}

int64_t px_article_id(const px_article *a) { return a ? a->id : 0; }
uint64_t px_article_content_hash(const px_article *a) { return a ? a->content_hash : 0; }
size_t px_article_repairs(const px_article *a) { return a ? a->repairs : 0; }

int px_article_clone(const px_article *src, px_article **dst) {
  if (!src || !dst) return PX_EINVAL;
  int rc = px_article_new(dst);
  if (rc) return rc;
  px_article *d = *dst;
  for (int i = 0; i < PX_F_COUNT_; i++) {
    if (src->field[i].ptr && (rc = px__buf_append(&d->field[i], src->field[i].ptr,
                                                  src->field[i].len))) {
      px_article_free(d);
      *dst = NULL;
      return rc;
    }
  }
  d->published = src->published;
  d->has_time = src->has_time;
  d->id = src->id;
  d->content_hash = src->content_hash;
  d->repairs = src->repairs;
  d->limit_body = src->limit_body;
  return PX_OK;
}

/* ------------------------------------------------------ body normalization */

/* True when NFC leaves the code point and its neighbours alone: the Latin
 * range below the combining marks and general punctuation.  Anything else
 * sends the paragraph through utf8proc. */
static bool nfc_stable(int32_t cp) {
  return cp < 0x300 || (cp >= 0x2010 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20BF);
}

static int append_nfc(px__buf *out, const char *p, size_t n) {
  bool stable = true;
  for (size_t i = 0; i < n && stable;) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k = px__utf8_seqlen((const unsigned char *)p + i, n - i);
    if (!k) return PX_EINVAL; /* callers repair first */
    stable = nfc_stable(px__utf8_decode((const unsigned char *)p + i, k));
    i += k;
  }
  if (stable) return px__buf_append(out, p, n);
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &dst,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (m < 0) return PX_EINVAL;
  int rc = px__buf_append(out, dst, (size_t)m);
  free(dst);
  return rc;
}

static bool is_hspace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/*
 * Paragraphs: when the text has blank lines, they separate paragraphs and
 * single newlines inside a paragraph are line wrapping (joined with a
 * space); otherwise each line is a paragraph.  Paragraphs are trimmed, runs
 * of horizontal white space become one space, and paragraphs are joined by
 * exactly "\n\n".
 */
int px__normalize_body(px__buf *out, const char *p, size_t n) {
  bool blank_lines = false;
  for (size_t i = 0; i < n && !blank_lines; i++) {
    if (p[i] != '\n') continue;
    size_t j = i + 1;
    while (j < n && is_hspace((unsigned char)p[j])) j++;
    if (j < n && p[j] == '\n') blank_lines = true;
  }
  px__buf para;
  px__buf_init(&para, 0);
  int rc = PX_OK;
  size_t i = 0;
  while (i < n) {
    /* Gather one paragraph into para with whitespace collapsed. */
    px__buf_clear(&para);
    bool space = false;
    while (i < n) {
      unsigned char c = (unsigned char)p[i];
      if (c == '\n') {
        size_t j = i + 1;
        while (j < n && is_hspace((unsigned char)p[j])) j++;
        bool para_end = !blank_lines || (j < n && p[j] == '\n') || j >= n;
        if (para_end) {
          while (j < n && (p[j] == '\n' || is_hspace((unsigned char)p[j]))) j++;
          i = j;
          break;
        }
        space = para.len > 0;
        i = j;
        continue;
      }
      if (is_hspace(c)) {
        space = para.len > 0;
        i++;
        continue;
      }
      size_t k = i + 1;
      while (k < n && p[k] != '\n' && !is_hspace((unsigned char)p[k])) k++;
      if (space && (rc = px__buf_putc(&para, ' '))) goto out;
      space = false;
      if ((rc = px__buf_append(&para, p + i, k - i))) goto out;
      i = k;
    }
    if (para.len == 0) continue;
    if (out->len && (rc = px__buf_append(out, "\n\n", 2))) goto out;
    if ((rc = append_nfc(out, para.ptr, para.len))) goto out;
  }
  if (!out->ptr) rc = px__buf_append(out, "", 0);
out:
  px__buf_release(&para);
  return rc;
}
