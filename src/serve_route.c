/* serve_route.c - the request router and query-string parser of `parallax
 * serve`: a request target in, a page kind, its argument and the decoded
 * query parameters out.  Pure code over bounded buffers (no I/O), so the
 * fuzz target tests/fuzz/fuzz_serve_route.c links it alone. */
#include "serve.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* 1 when p[0..n) is valid UTF-8 (no overlongs, no surrogates). */
static bool utf8_ok(const unsigned char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned c = p[i];
    size_t k;
    unsigned min;
    if (c < 0x80) { i++; continue; }
    if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
    else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
    else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
    else return false;
    if (i + k >= n) return false;
    for (size_t j = 1; j <= k; j++) {
      if ((p[i + j] & 0xC0) != 0x80) return false;
      c = (c << 6) | (p[i + j] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    i += k + 1;
  }
  return true;
}

long sv_decode(const char *p, size_t n, bool plus, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    int c = (unsigned char)p[i];
    if (c == '%') {
      if (i + 2 >= n) return -1;
      int h = hexval((unsigned char)p[i + 1]), l = hexval((unsigned char)p[i + 2]);
      if (h < 0 || l < 0) return -1;
      c = h * 16 + l;
      i += 2;
    } else if (c == '+' && plus) {
      c = ' ';
    }
    if (c == 0 || c < 0x20 || c == 0x7F) {
      /* Control characters never belong in a key, a name or a query. */
      if (c != '\t') return -1;
    }
    if (o + 1 >= cap) return -1;
    out[o++] = (char)c;
  }
  out[o] = 0;
  if (!utf8_ok((const unsigned char *)out, o)) return -1;
  return (long)o;
}

const char *sv_param_get(const sv_req *r, const char *key) {
  for (size_t i = 0; i < r->nparams; i++)
    if (strcmp(r->params[i].key, key) == 0) return r->params[i].val;
  return NULL;
}

static bool parse_id(const char *p, size_t n, int64_t *id) {
  if (n == 0 || n > 18) return false;
  int64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return false;
    v = v * 10 + (p[i] - '0');
  }
  if (v <= 0) return false;
  *id = v;
  return true;
}

static int parse_query(const char *q, size_t n, sv_req *r, const char **msg) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && q[j] != '&') j++;
    if (j > i) {
      const char *eq = memchr(q + i, '=', j - i);
      size_t klen = eq ? (size_t)(eq - (q + i)) : j - i;
      if (r->nparams >= SV_MAX_PARAMS) {
        *msg = "too many query parameters";
        return 400;
      }
      sv_param *pa = &r->params[r->nparams];
      if (sv_decode(q + i, klen, true, pa->key, sizeof(pa->key)) < 0 ||
          (eq && sv_decode(eq + 1, (size_t)(q + j - eq - 1), true, pa->val, sizeof(pa->val)) < 0)) {
        *msg = "malformed query parameter";
        return 400;
      }
      if (!eq) pa->val[0] = 0;
      if (pa->key[0]) r->nparams++;
    }
    i = j + 1;
  }
  return 0;
}

static const struct {
  const char *prefix; /* with its trailing slash, or the whole path */
  sv_page page;
  int arg; /* 0: none (exact path), 1: numeric id, 2: text key */
} routes[] = {
    {"/", SV_STORIES, 0},          {"/stories", SV_STORIES, 0},
    {"/search", SV_SEARCH, 0},     {"/blindspots", SV_BLINDSPOTS, 0},
    {"/outlets", SV_OUTLETS, 0},   {"/live", SV_LIVE, 0},
    {"/story/", SV_STORY, 1},      {"/article/", SV_ARTICLE, 1},
    {"/thread/", SV_THREAD, 1},    {"/speaker/", SV_SPEAKER, 2},
    {"/entity/", SV_ENTITY, 2},    {"/outlet/", SV_OUTLET, 2},
};

int sv_route(const char *uri, size_t n, sv_req *r, const char **msg) {
  memset(r, 0, sizeof(*r));
  *msg = "";
  if (n > SV_MAX_URI) {
    *msg = "request target too long";
    return 414;
  }
  if (n == 0 || uri[0] != '/') {
    *msg = "request target must be a path";
    return 400;
  }
  r->target = uri;
  r->target_len = n;
  const char *qm = memchr(uri, '?', n);
  size_t plen = qm ? (size_t)(qm - uri) : n;
  /* A fragment never reaches a server; if one does, drop it. */
  const char *hash = memchr(uri, '#', n);
  size_t end = hash ? (size_t)(hash - uri) : n;
  if (plen > end) plen = end;
  const char *path = uri;
  if (qm && qm < uri + end) {
    int st = parse_query(qm + 1, (size_t)(uri + end - qm - 1), r, msg);
    if (st) return st;
  }
  if (plen >= 5 && memcmp(path, "/api/", 5) == 0) {
    r->api = true;
    path += 4;
    plen -= 4;
  } else if (plen == 4 && memcmp(path, "/api", 4) == 0) {
    r->api = true;
    path = "/";
    plen = 1;
  }
  if (!r->api && plen > 8 && memcmp(path, "/static/", 8) == 0) {
    if (sv_decode(path + 8, plen - 8, false, r->arg, sizeof(r->arg)) <= 0) {
      *msg = "malformed path";
      return 400;
    }
    r->page = SV_ASSET;
    return 0;
  }
  for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
    size_t pl = strlen(routes[i].prefix);
    if (routes[i].arg == 0) {
      bool same = plen == pl && memcmp(path, routes[i].prefix, pl) == 0;
      bool slash = plen == pl + 1 && memcmp(path, routes[i].prefix, pl) == 0 && path[pl] == '/';
      if (!same && !slash) continue;
      if (routes[i].page == SV_LIVE && !r->api) break;
      r->page = routes[i].page;
      return 0;
    }
    if (plen <= pl || memcmp(path, routes[i].prefix, pl) != 0) continue;
    const char *a = path + pl;
    size_t an = plen - pl;
    if (an && a[an - 1] == '/') an--; /* a trailing slash is forgiven */
    if (routes[i].arg == 1) {
      if (!parse_id(a, an, &r->id)) {
        *msg = "the id must be a positive number";
        return 404;
      }
    } else {
      long dn = sv_decode(a, an, false, r->arg, sizeof(r->arg));
      if (dn <= 0) {
        *msg = dn == 0 ? "empty name" : "malformed name in the path";
        return dn == 0 ? 404 : 400;
      }
      if (memchr(r->arg, '/', (size_t)dn)) {
        /* An encoded slash is a name's own; a raw one is another path. */
        bool raw = memchr(a, '/', an) != NULL;
        if (raw) {
          *msg = "no such page";
          return 404;
        }
      }
    }
    r->page = routes[i].page;
    return 0;
  }
  *msg = "no such page";
  return 404;
}
