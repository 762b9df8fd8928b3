/* jsonl.c - JSON Lines (and JSON array) articles with the field names real
 * news dumps use, or an explicit field map (px_ctx_map_field). */
#include "ingest.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Candidate keys per field slot, tried in order (see px_ctx_map_field for
 * slot numbers: id source url title byline language text date). */
static const char *const keys_id[] = {"id", "guid", "_id", "uuid", NULL};
static const char *const keys_source[] = {"source", "source_domain", "domain", "outlet",
                                          "publisher", "site_name", "source_name", NULL};
static const char *const keys_url[] = {"url", "link", "canonical_url", "source_url", NULL};
static const char *const keys_title[] = {"title", "headline", NULL};
static const char *const keys_byline[] = {"authors", "author", "byline", "creator", NULL};
static const char *const keys_lang[] = {"language", "lang", NULL};
static const char *const keys_text[] = {"text", "maintext", "body", "content", "article",
                                        "full_text", "article_text", NULL};
static const char *const keys_date[] = {"date", "date_publish", "published", "pubDate",
                                        "published_at", "publishedAt", "datePublished",
                                        "date_published", "pub_date", "timestamp", NULL};
static const char *const *const slot_keys[PX__FIELD_PATHS] = {
    keys_id, keys_source, keys_url, keys_title, keys_byline, keys_lang, keys_text, keys_date};
enum { SLOT_DATE = 7 };

/* Tests set this to read every record through jansson's tree, the
 * reference the fast reader is compared with. */
int px__jsonl_tree_only = 0;

#define KEY_MEMO_SLOTS 64
#define KEY_MEMO_LEN 32

struct px__fmt_state {
  px_ctx *ctx;
  px__stream *s;
  px__buf line;
  uint64_t lineno;
  json_t *array; /* whole-file JSON array mode */
  size_t array_pos;
  px__buf tmp;
  px__buf fixed; /* the line with invalid UTF-8 repaired */
  px__buf fast;  /* fast_record: the decoded keys and values */
  px__buf meta;  /* fast_record: the metadata object written */
  /* key_used's answers for the keys met so far: a dump repeats the same
   * dozen member names on every line, and each answer is a search of
   * every field's names (about two dozen strcmp). */
  struct key_memo {
    char key[KEY_MEMO_LEN]; /* NUL-terminated; empty: a free entry */
    bool used;
  } memo[KEY_MEMO_SLOTS];
};

static int sniff(const char *p, size_t n, const char *path) {
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) i++;
  if (i + 2 < n && (unsigned char)p[i] == 0xEF && (unsigned char)p[i + 1] == 0xBB) i += 3;
  if (i < n && p[i] == '{') return 90;
  if (i < n && p[i] == '[') {
    size_t j = i + 1;
    while (j < n && (p[j] == ' ' || p[j] == '\n' || p[j] == '\r' || p[j] == '\t')) j++;
    if (j < n && (p[j] == '{' || p[j] == ']')) return 80;
  }
  return 0;
}

static int open_fmt(px_ctx *ctx, px__stream *s, const char *path, px__fmt_state **out) {
  px__fmt_state *st = calloc(1, sizeof(*st));
  if (!st) return PX_ENOMEM;
  st->ctx = ctx;
  st->s = s;
  px__buf_init(&st->line, 0);
  px__buf_init(&st->tmp, 0);
  const char *p;
  size_t n;
  int rc = px__stream_peek(s, 64, &p, &n);
  if (rc == PX_OK) {
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) i++;
    /* A pretty-printed JSON document ("{" alone on its first line, or a
     * first line that does not close its object) is read whole. */
    bool document = false;
    if (i < n && p[i] == '{') {
      const char *nl = memchr(p + i, '\n', n - i);
      size_t e = nl ? (size_t)(nl - p) : n;
      while (e > i && (p[e - 1] == ' ' || p[e - 1] == '\r' || p[e - 1] == '\t')) e--;
      document = nl && p[e - 1] != '}';
    }
    if (i < n && (p[i] == '[' || document)) {
      /* A JSON array of articles: read it whole, within the record cap. */
      px__buf all;
      px__buf_init(&all, 0);
      rc = px__stream_slurp(s, &all, ctx->limit_record);
      if (rc == PX_OK) {
        json_error_t err;
        st->array = json_loadb(all.ptr, all.len, 0, &err);
        if (st->array && json_is_object(st->array)) {
          json_t *one = json_array();
          if (!one || json_array_append_new(one, st->array)) {
            json_decref(one);
            rc = PX_ENOMEM;
          }
          st->array = one;
        }
        if (rc == PX_OK && (!st->array || !json_is_array(st->array))) {
          px__ctx_fail(ctx, PX_EFORMAT, "invalid JSON at line %d, column %d: %s", err.line,
                       err.column, err.text);
          rc = PX_EFORMAT;
        }
      }
      px__buf_release(&all);
    }
  }
  if (rc != PX_OK) {
    json_decref(st->array);
    px__buf_release(&st->line);
    px__buf_release(&st->tmp);
    free(st);
    return rc;
  }
  *out = st;
  return PX_OK;
}

static void close_fmt(px__fmt_state *st) {
  if (!st) return;
  json_decref(st->array);
  px__buf_release(&st->line);
  px__buf_release(&st->tmp);
  px__buf_release(&st->fixed);
  px__buf_release(&st->fast);
  px__buf_release(&st->meta);
  free(st);
}

static json_t *get_path(json_t *obj, const char *path) {
  char key[256];
  const char *p = path;
  json_t *cur = obj;
  while (cur && *p) {
    const char *dot = strchr(p, '.');
    size_t n = dot ? (size_t)(dot - p) : strlen(p);
    if (n >= sizeof(key)) return NULL;
    memcpy(key, p, n);
    key[n] = '\0';
    if (json_is_array(cur)) {
      char *end;
      long idx = strtol(key, &end, 10);
      cur = *end ? NULL : json_array_get(cur, (size_t)idx);
    } else {
      cur = json_object_get(cur, key);
    }
    p = dot ? dot + 1 : p + n;
  }
  return cur;
}

static json_t *find_field(px__fmt_state *st, json_t *obj, int slot) {
  if (st->ctx->field_path[slot]) return get_path(obj, st->ctx->field_path[slot]);
  for (const char *const *k = slot_keys[slot]; *k; k++) {
    json_t *v = json_object_get(obj, *k);
    if (v && !json_is_null(v)) return v;
  }
  return NULL;
}

/* Turn a JSON value into text: strings as they are, numbers printed,
 * arrays of values joined with ", ", objects by their "name" (or "text",
 * "value", "url") member. */
static int value_text(json_t *v, px__buf *out, int depth) {
  if (!v || depth > 4) return PX_OK;
  if (json_is_string(v)) return px__buf_append(out, json_string_value(v), json_string_length(v));
  if (json_is_integer(v)) return px__buf_printf(out, "%lld", (long long)json_integer_value(v));
  if (json_is_real(v)) return px__buf_printf(out, "%.17g", json_real_value(v));
  if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
      size_t before = out->len;
      if (out->len && i > 0) {
        int rc = px__buf_append(out, ", ", 2);
        if (rc) return rc;
      }
      size_t mark = out->len;
      int rc = value_text(e, out, depth + 1);
      if (rc) return rc;
      if (out->len == mark) out->len = before; /* nothing added: drop the separator */
    }
    if (out->ptr) out->ptr[out->len] = '\0';
    return PX_OK;
  }
  if (json_is_object(v)) {
    static const char *const inner[] = {"name", "text", "value", "url", "title", NULL};
    for (const char *const *k = inner; *k; k++) {
      json_t *e = json_object_get(v, *k);
      if (e && json_is_string(e)) return value_text(e, out, depth + 1);
    }
  }
  return PX_OK;
}

/* Is key one parallax reads (a known field name, or the first step of a
 * mapped --field path)? */
static bool key_used_search(px__fmt_state *st, const char *key) {
  for (int slot = 0; slot < PX__FIELD_PATHS; slot++) {
    const char *path = st->ctx->field_path[slot];
    if (path) {
      size_t n = strcspn(path, ".");
      if (strlen(key) == n && strncmp(key, path, n) == 0) return true;
    }
    for (const char *const *k = slot_keys[slot]; *k; k++)
      if (strcmp(*k, key) == 0) return true;
  }
  return false;
}

/* key_used_search, remembered per name (the context's field map does not
 * change while a file is read).  A name too long for the memo, or whose
 * entry another name holds, is searched again. */
static bool key_used(px__fmt_state *st, const char *key) {
  size_t n = strlen(key);
  if (n == 0 || n >= KEY_MEMO_LEN) return key_used_search(st, key);
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)key[i]) * 16777619u;
  struct key_memo *m = &st->memo[h % KEY_MEMO_SLOTS];
  if (memcmp(m->key, key, n + 1) == 0) return m->used;
  bool used = key_used_search(st, key);
  if (!m->key[0]) {
    memcpy(m->key, key, n + 1);
    m->used = used;
  }
  return used;
}

/* The record's other members (topic, bias rating, section, ...) as the
 * article's metadata: one compact JSON object, at most 64 KiB (larger is
 * dropped, not cut). */
static int fill_meta(px__fmt_state *st, json_t *obj, px_article *art) {
  json_t *meta = NULL;
  const char *key;
  json_t *v;
  json_object_foreach(obj, key, v) {
    if (key_used(st, key)) continue;
    if (!meta && !(meta = json_object())) return PX_ENOMEM;
    if (json_object_set(meta, key, v)) {
      json_decref(meta);
      return PX_ENOMEM;
    }
  }
  if (!meta) return PX_OK;
  char *text = json_dumps(meta, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(meta);
  if (!text) return PX_ENOMEM;
  size_t n = strlen(text);
  int rc = n <= 65536 ? px_article_set(art, PX_F_META, text, n) : PX_OK;
  free(text);
  return rc == PX_EINVAL ? PX_OK : rc;
}

static int fill_article(px__fmt_state *st, json_t *obj, px_article *art, px__buf *msg) {
  int rc;
  if (!json_is_object(obj)) {
    px__buf_puts(msg, "record is not a JSON object");
    return PX_EFORMAT;
  }
  for (int slot = 0; slot < 7; slot++) {
    json_t *v = find_field(st, obj, slot);
    if (!v) continue;
    px__buf_clear(&st->tmp);
    if ((rc = value_text(v, &st->tmp, 0))) return rc;
    if (!st->tmp.ptr) continue;
    rc = px_article_set(art, (px_field)slot, st->tmp.ptr, st->tmp.len);
    if (rc == PX_ETOOBIG) {
      px__buf_printf(msg, "article text over the %zu-byte limit", st->ctx->limit_body);
      return rc;
    }
    if (rc) return rc;
  }
  if (px_article_get(art, PX_F_BODY).len == 0) {
    if (st->ctx->field_path[PX_F_BODY])
      px__buf_printf(msg, "no article text at '%s'", st->ctx->field_path[PX_F_BODY]);
    else
      px__buf_puts(msg, "no article text (looked for text, maintext, body, content, article)");
    return PX_ENOBODY;
  }
  if ((rc = fill_meta(st, obj, art))) return rc;
  json_t *d = find_field(st, obj, SLOT_DATE);
  if (d) {
    int64_t t;
    if (json_is_integer(d)) {
      t = json_integer_value(d);
      if (t > 100000000000LL) t /= 1000; /* milliseconds */
      px_article_set_published(art, t);
    } else {
      px__buf_clear(&st->tmp);
      if ((rc = value_text(d, &st->tmp, 0))) return rc;
      if (st->tmp.ptr && px_parse_date(st->tmp.ptr, st->tmp.len, &t) == PX_OK)
        px_article_set_published(art, t);
    }
  }
  return PX_OK;
}


/*
 * The common record read without building a tree: one object whose
 * members are strings, integers or null, as news dumps write them.  It
 * gives the article fill_article gives from jansson's tree (the same
 * fields, the same metadata, dumped by jansson from the few members
 * parallax does not use), and declines anything else (FAST_NO): nested
 * values, true/false, real numbers, duplicate keys, a mapped --field, and
 * whatever jansson would refuse, which then goes to jansson and its
 * message.  The input is valid UTF-8 here (next() repairs it first).
 */
#define FAST_NO 1000
#define FAST_MEMBERS 64

typedef struct fmember {
  size_t key, klen; /* offsets into st->fast */
  size_t val, vlen;
  int kind; /* 0 string, 1 integer, 2 null */
  long long ival;
} fmember;

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static bool hex4(const char *p, const char *e, unsigned *v) {
  if (e - p < 4) return false;
  unsigned x = 0;
  for (int i = 0; i < 4; i++) {
    int h = hexval((unsigned char)p[i]);
    if (h < 0) return false;
    x = x * 16 + (unsigned)h;
  }
  *v = x;
  return true;
}

/* The first byte of [q, e) that ends a run of plain string bytes: a
 * quote, a backslash or a control character (e when none).  Eight bytes at
 * a time while none of them is one: each test below is nonzero exactly when
 * some byte of x is that byte (or, the last, is under 0x20). */
static const char *plain_end(const char *q, const char *e) {
  const uint64_t lo = 0x0101010101010101ULL, hi = 0x8080808080808080ULL;
#ifdef __SSE2__
  /* 16 bytes at a time: a quote, a backslash or a byte below 0x20 (signed
   * compare: bytes from 0x80 are negative, so below 0x20 too, and are
   * taken back out by their top bit). */
  const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
                space = _mm_set1_epi8(0x20);
  while (e - q >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)q);
    __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                _mm_cmplt_epi8(v, space));
    unsigned m = (unsigned)_mm_movemask_epi8(stop) & ~(unsigned)_mm_movemask_epi8(v);
    if (m) return q + __builtin_ctz(m);
    q += 16;
  }
#endif
  while (e - q >= 8) {
    uint64_t x;
    memcpy(&x, q, 8);
    uint64_t a = x ^ (lo * '"'), c = x ^ (lo * '\\');
    if ((((a - lo) & ~a) | ((c - lo) & ~c) | ((x - lo * 0x20) & ~x)) & hi) break;
    q += 8;
  }
  while (q < e && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20) q++;
  return q;
}

/* Does s[0..n) need an escape in jansson's output (a quote, a backslash,
 * a byte below 0x20)? */
static bool needs_escape(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c == '"' || c == '\\') return true;
  }
  return false;
}

/* The members parallax does not use, as the one compact JSON object that
 * json_dumps(JSON_COMPACT | JSON_PRESERVE_ORDER) writes for them, into out
 * (emptied; left empty when there are none), without building jansson
 * values: 1 when written, 0 when a name or string needs an escape (jansson
 * writes those), -1 out of memory.  Members here are strings, integers and
 * nulls with distinct names (fast_record declines the rest). */
static int meta_direct(px__fmt_state *st, const fmember *m, size_t nm, px__buf *out) {
  const char *base = st->fast.ptr;
  px__buf_clear(out);
  for (size_t i = 0; i < nm; i++) {
    const char *key = base + m[i].key;
    if (key_used(st, key)) continue;
    if (needs_escape(key, m[i].klen) || (m[i].kind == 0 && needs_escape(base + m[i].val, m[i].vlen))) {
      px__buf_clear(out);
      return 0;
    }
    int rc = px__buf_append(out, out->len ? ",\"" : "{\"", 2);
    if (!rc) rc = px__buf_append(out, key, m[i].klen);
    if (!rc) rc = px__buf_append(out, "\":", 2);
    if (!rc && m[i].kind == 0) {
      rc = px__buf_append(out, "\"", 1);
      if (!rc) rc = px__buf_append(out, base + m[i].val, m[i].vlen);
      if (!rc) rc = px__buf_append(out, "\"", 1);
    } else if (!rc && m[i].kind == 1) {
      char num[24];
      int len = snprintf(num, sizeof num, "%lld", m[i].ival);
      rc = px__buf_append(out, num, (size_t)len);
    } else if (!rc) {
      rc = px__buf_append(out, "null", 4);
    }
    if (rc) return -1;
  }
  if (out->len && px__buf_append(out, "}", 1)) return -1;
  return 1;
}

/* A string at *pp (after its opening quote), decoded into b.  false: not
 * one jansson accepts as it is, or out of memory. */
static bool fast_string(const char **pp, const char *e, px__buf *b, bool *has_nul) {
  const char *p = *pp;
  for (;;) {
    const char *q = plain_end(p, e);
    if (q > p && px__buf_append(b, p, (size_t)(q - p))) return false;
    if (q >= e || (unsigned char)*q < 0x20) return false;
    if (*q == '"') {
      *pp = q + 1;
      return true;
    }
    q++; /* backslash */
    if (q >= e) return false;
    char c = *q++, out = 0;
    switch (c) {
      case '"': out = '"'; break;
      case '\\': out = '\\'; break;
      case '/': out = '/'; break;
      case 'b': out = '\b'; break;
      case 'f': out = '\f'; break;
      case 'n': out = '\n'; break;
      case 'r': out = '\r'; break;
      case 't': out = '\t'; break;
      case 'u': {
        unsigned u;
        if (!hex4(q, e, &u)) return false;
        q += 4;
        if (u >= 0xDC00 && u <= 0xDFFF) return false;
        if (u >= 0xD800 && u <= 0xDBFF) {
          unsigned lo;
          if (e - q < 6 || q[0] != '\\' || q[1] != 'u' || !hex4(q + 2, e, &lo) || lo < 0xDC00 ||
              lo > 0xDFFF)
            return false;
          q += 6;
          u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (u == 0) *has_nul = true;
        char enc[4];
        size_t k;
        if (u < 0x80) {
          enc[0] = (char)u;
          k = 1;
        } else if (u < 0x800) {
          enc[0] = (char)(0xC0 | (u >> 6));
          enc[1] = (char)(0x80 | (u & 0x3F));
          k = 2;
        } else if (u < 0x10000) {
          enc[0] = (char)(0xE0 | (u >> 12));
          enc[1] = (char)(0x80 | ((u >> 6) & 0x3F));
          enc[2] = (char)(0x80 | (u & 0x3F));
          k = 3;
        } else {
          enc[0] = (char)(0xF0 | (u >> 18));
          enc[1] = (char)(0x80 | ((u >> 12) & 0x3F));
          enc[2] = (char)(0x80 | ((u >> 6) & 0x3F));
          enc[3] = (char)(0x80 | (u & 0x3F));
          k = 4;
        }
        if (px__buf_append(b, enc, k)) return false;
        p = q;
        continue;
      }
      default: return false;
    }
    if (px__buf_append(b, &out, 1)) return false;
    p = q;
  }
}

static const char *skip_ws(const char *p, const char *e) {
  while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  return p;
}

static const fmember *fast_find(px__fmt_state *st, const fmember *m, size_t nm, int slot) {
  for (const char *const *k = slot_keys[slot]; *k; k++)
    for (size_t i = 0; i < nm; i++)
      if (m[i].kind != 2 && strcmp(st->fast.ptr + m[i].key, *k) == 0) return &m[i];
  return NULL;
}

static int fast_text(px__fmt_state *st, const fmember *v, px__buf *out) {
  if (v->kind == 0) return px__buf_append(out, st->fast.ptr + v->val, v->vlen);
  return px__buf_printf(out, "%lld", v->ival);
}

static int fast_record(px__fmt_state *st, const char *p, size_t n, px_article *art, px__buf *msg) {
  for (int slot = 0; slot < PX__FIELD_PATHS; slot++)
    if (st->ctx->field_path[slot]) return FAST_NO;
  const char *e = p + n;
  fmember m[FAST_MEMBERS];
  size_t nm = 0;
  px__buf *b = &st->fast;
  px__buf_clear(b);
  p = skip_ws(p, e);
  if (p >= e || *p++ != '{') return FAST_NO;
  p = skip_ws(p, e);
  if (p < e && *p == '}') {
    p++;
  } else {
    for (;;) {
      if (nm == FAST_MEMBERS || p >= e || *p++ != '"') return FAST_NO;
      fmember *f = &m[nm];
      bool nul = false;
      f->key = b->len;
      if (!fast_string(&p, e, b, &nul) || nul) return FAST_NO;
      f->klen = b->len - f->key;
      if (px__buf_putc(b, '\0')) return FAST_NO;
      p = skip_ws(p, e);
      if (p >= e || *p++ != ':') return FAST_NO;
      p = skip_ws(p, e);
      if (p >= e) return FAST_NO;
      f->val = b->len;
      f->vlen = 0;
      f->ival = 0;
      if (*p == '"') {
        p++;
        if (!fast_string(&p, e, b, &nul)) return FAST_NO;
        f->kind = 0;
        f->vlen = b->len - f->val;
        if (px__buf_putc(b, '\0')) return FAST_NO;
      } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
        const char *q = p;
        if (*q == '-') q++;
        const char *d = q;
        if (q < e && *q == '0') q++;
        else
          while (q < e && *q >= '0' && *q <= '9') q++;
        if (q == d || q - d > 18) return FAST_NO;
        if (q < e && (*q == '.' || *q == 'e' || *q == 'E' || (*q >= '0' && *q <= '9')))
          return FAST_NO;
        long long v = 0;
        for (const char *r = d; r < q; r++) v = v * 10 + (*r - '0');
        f->ival = *p == '-' ? -v : v;
        f->kind = 1;
        p = q;
      } else if (e - p >= 4 && memcmp(p, "null", 4) == 0) {
        f->kind = 2;
        p += 4;
      } else {
        return FAST_NO;
      }
      nm++;
      p = skip_ws(p, e);
      if (p >= e) return FAST_NO;
      if (*p == ',') {
        p = skip_ws(p + 1, e);
        continue;
      }
      if (*p++ != '}') return FAST_NO;
      break;
    }
  }
  if (skip_ws(p, e) != e) return FAST_NO;
  for (size_t i = 0; i < nm; i++)
    for (size_t j = i + 1; j < nm; j++)
      if (m[i].klen == m[j].klen && memcmp(b->ptr + m[i].key, b->ptr + m[j].key, m[i].klen) == 0)
        return FAST_NO;

  /* fill_article, member for member */
  int rc;
  for (int slot = 0; slot < 7; slot++) {
    const fmember *v = fast_find(st, m, nm, slot);
    if (!v) continue;
    px__buf_clear(&st->tmp);
    if ((rc = fast_text(st, v, &st->tmp))) return rc;
    if (!st->tmp.ptr) continue;
    rc = px_article_set(art, (px_field)slot, st->tmp.ptr, st->tmp.len);
    if (rc == PX_ETOOBIG) {
      px__buf_printf(msg, "article text over the %zu-byte limit", st->ctx->limit_body);
      return rc;
    }
    if (rc) return rc;
  }
  if (px_article_get(art, PX_F_BODY).len == 0) {
    px__buf_puts(msg, "no article text (looked for text, maintext, body, content, article)");
    return PX_ENOBODY;
  }
  int direct = meta_direct(st, m, nm, &st->meta);
  if (direct < 0) return PX_ENOMEM;
  if (direct && st->meta.len) {
    rc = st->meta.len <= 65536 ? px_article_set(art, PX_F_META, st->meta.ptr, st->meta.len) : PX_OK;
    if (rc && rc != PX_EINVAL) return rc;
  }
  json_t *meta = NULL;
  for (size_t i = 0; i < nm && !direct; i++) {
    const char *key = b->ptr + m[i].key;
    if (key_used(st, key)) continue;
    if (!meta && !(meta = json_object())) return PX_ENOMEM;
    json_t *v = m[i].kind == 0   ? json_stringn_nocheck(b->ptr + m[i].val, m[i].vlen)
                : m[i].kind == 1 ? json_integer(m[i].ival)
                                 : json_null();
    if (!v || json_object_set_new(meta, key, v)) {
      json_decref(meta);
      return PX_ENOMEM;
    }
  }
  if (meta) {
    char *text = json_dumps(meta, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(meta);
    if (!text) return PX_ENOMEM;
    size_t tn = strlen(text);
    rc = tn <= 65536 ? px_article_set(art, PX_F_META, text, tn) : PX_OK;
    free(text);
    if (rc && rc != PX_EINVAL) return rc;
  }
  const fmember *d = fast_find(st, m, nm, SLOT_DATE);
  if (d) {
    int64_t t;
    if (d->kind == 1) {
      t = d->ival;
      if (t > 100000000000LL) t /= 1000; /* milliseconds */
      px_article_set_published(art, t);
    } else if (px_parse_date(b->ptr + d->val, d->vlen, &t) == PX_OK) {
      px_article_set_published(art, t);
    }
  }
  return PX_OK;
}

static int next(px__fmt_state *st, px_article *art, uint64_t *where, int *fatal, px__buf *msg) {
  if (st->array) {
    if (st->array_pos >= json_array_size(st->array)) return PX_EOF;
    *where = ++st->array_pos;
    return fill_article(st, json_array_get(st->array, st->array_pos - 1), art, msg);
  }
  while (true) {
    int rc = px__stream_getline(st->s, &st->line, st->ctx->limit_record);
    st->lineno++;
    *where = st->lineno;
    if (rc == PX_EOF) return PX_EOF;
    if (rc == PX_ETOOBIG) {
      px__buf_printf(msg, "line longer than the %zu-byte record limit", st->ctx->limit_record);
      return rc;
    }
    if (rc) {
      *fatal = 1;
      px__buf_puts(msg, px__stream_error(st->s));
      return rc;
    }
    size_t i = 0;
    while (i < st->line.len && (st->line.ptr[i] == ' ' || st->line.ptr[i] == '\t')) i++;
    if (i == st->line.len) continue; /* blank line */
    const char *p = st->line.ptr;
    size_t n = st->line.len;
    if (st->lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3, n -= 3;
    size_t repairs = 0, first_bad = 0;
    if (px__utf8_valid_prefix(p, n) < n) {
      /* jansson refuses invalid UTF-8: repair the line, keep the count. */
      px__buf_clear(&st->fixed);
      if ((rc = px__utf8_repair(&st->fixed, p, n, &repairs, &first_bad))) return rc;
      p = st->fixed.ptr;
      n = st->fixed.len;
    }
    if (!px__jsonl_tree_only && (rc = fast_record(st, p, n, art, msg)) != FAST_NO) {
      art->repairs += repairs;
      return rc;
    }
    json_error_t err;
    json_t *obj = json_loadb(p, n, JSON_ALLOW_NUL, &err);
    if (!obj) {
      px__buf_printf(msg, "invalid JSON at column %d: %s", err.column, err.text);
      return PX_EFORMAT;
    }
    rc = fill_article(st, obj, art, msg);
    json_decref(obj);
    art->repairs += repairs;
    return rc;
  }
}

const px__format px__fmt_jsonl = {"jsonl", "line", sniff, open_fmt, next, close_fmt};
