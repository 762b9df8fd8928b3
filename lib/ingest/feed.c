/*
 * feed.c - RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the "feed" input format.
 *
 * The feed is read whole (up to the record limit) and parsed by libxml2 in
 * recover mode, so a feed with invalid XML still gives the items before
 * (and often after) the damage; the XML error is then reported once, as
 * a record error after the last item.  Each item gives one article:
 * title, link, date (pubDate, dc:date, published, updated), author
 * (dc:creator, author, atom author/name), and as the body content:encoded,
 * content or description (in that order), whose HTML goes through the
 * extractor in fragment mode.  The channel title is the outlet, the
 * channel language the language.  libxml2 never prints here: errors are
 * collected from the parser context.
 *
 * libxml2 is opened with dlopen() when the first feed is read, not linked:
 * with the ICU and C++ runtime it pulls in, mapping it cost every start of
 * the program about 4 ms of CPU (11.5 ms against 7.3 ms for an empty
 * program linked like parallax), a twentieth of a short query, while only
 * feeds use it.
 */
#include "extract.h"

#include <dlfcn.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The libxml2 functions this file calls, found in the library opened on
 * first use; the names below stand for them. */
#define XML_FUNCS(X)                                                                               \
  X(xmlFreeDoc) X(xmlNodeGetContent) X(xmlGetProp) X(xmlNodeGetLang) X(xmlNewParserCtxt)           \
  X(xmlCtxtReadMemory) X(xmlCtxtGetLastError) X(xmlFreeParserCtxt) X(xmlDocGetRootElement)         \
  X(xmlBufferCreate) X(xmlNodeDump) X(xmlBufferContent) X(xmlBufferLength) X(xmlBufferFree)        \
  X(xmlFree) /* a variable holding the function: its field points at it */
#ifdef LIBXML_THREAD_ALLOC_ENABLED
#error "xmlFree is a per-thread macro in this libxml2: look up __xmlFree instead"
#endif
#define XML_FIELD(f) __typeof__(f) *f;
static struct {
  XML_FUNCS(XML_FIELD)
} xml_api;
_Static_assert(LIBXML_VERSION / 10000 == 2, "libxml2 2.x is libxml2.so.2");
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static char xml_error_text[256]; /* empty when loaded */

static void xml_open(void) {
  void *h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    snprintf(xml_error_text, sizeof(xml_error_text), "cannot read feeds: %s", dlerror());
    return;
  }
#define XML_LOOKUP(f)                                                                              \
  if (!xml_error_text[0] && !(*(void **)&xml_api.f = dlsym(h, #f)))                              \
    snprintf(xml_error_text, sizeof(xml_error_text), "cannot read feeds: libxml2 has no %s", #f);
  XML_FUNCS(XML_LOOKUP)
}

/* @return NULL when libxml2 is ready, or why it is not. */
static const char *xml_ready(void) {
  pthread_once(&xml_once, xml_open);
  return xml_error_text[0] ? xml_error_text : NULL;
}

#define XML_CALL(f) (*xml_api.f)
#define xmlFree XML_CALL(xmlFree)
#define xmlFreeDoc XML_CALL(xmlFreeDoc)
#define xmlNodeGetContent XML_CALL(xmlNodeGetContent)
#define xmlGetProp XML_CALL(xmlGetProp)
#define xmlNodeGetLang XML_CALL(xmlNodeGetLang)
#define xmlNewParserCtxt XML_CALL(xmlNewParserCtxt)
#define xmlCtxtReadMemory XML_CALL(xmlCtxtReadMemory)
#define xmlCtxtGetLastError XML_CALL(xmlCtxtGetLastError)
#define xmlFreeParserCtxt XML_CALL(xmlFreeParserCtxt)
#define xmlDocGetRootElement XML_CALL(xmlDocGetRootElement)
#define xmlBufferCreate XML_CALL(xmlBufferCreate)
#define xmlNodeDump XML_CALL(xmlNodeDump)
#define xmlBufferContent XML_CALL(xmlBufferContent)
#define xmlBufferLength XML_CALL(xmlBufferLength)
#define xmlBufferFree XML_CALL(xmlBufferFree)

struct px__fmt_state {
  px_ctx *ctx;
  px__stream *s;
  px__extractor *ex;
  xmlDocPtr doc;
  xmlNodePtr item; /* the next item to read */
  bool loaded, done, error_told;
  bool links; /* "feed-links": an item with a link needs no text */
  int items;
  char xml_error[256];
  char *channel_title, *channel_lang, *channel_link;
  px__buf tmp;
};

static size_t skip_ws(const char *p, size_t n) {
  size_t i = 0;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
  return i;
}

static bool has(const char *p, size_t n, const char *w) {
  return memmem(p, n, w, strlen(w)) != NULL;
}

static int sniff(const char *p, size_t n, const char *path) {
  size_t i = skip_ws(p, n);
  if (i >= n || p[i] != '<') return 0;
  if (has(p + i, n - i, "<rss") || has(p + i, n - i, "<rdf:RDF") ||
      (has(p + i, n - i, "<feed") && has(p + i, n - i, "http://www.w3.org/2005/Atom")))
    return 90;
  if (has(p + i, n - i, "<feed") && (has(p + i, n - i, "<entry") || has(p + i, n - i, "Atom")))
    return 80;
  if (has(p + i, n - i, "<channel") && has(p + i, n - i, "<item")) return 80;
  return 0;
}

static int open_fmt(px_ctx *ctx, px__stream *s, const char *path, px__fmt_state **out) {
  px__fmt_state *st = calloc(1, sizeof(*st));
  if (!st) return PX_ENOMEM;
  st->ctx = ctx;
  st->s = s;
  px__buf_init(&st->tmp, 0);
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
  if (st->doc) xmlFreeDoc(st->doc);
  px__extractor_give(st->ctx, st->ex);
  free(st->channel_title);
  free(st->channel_lang);
  free(st->channel_link);
  px__buf_release(&st->tmp);
  free(st);
}

static bool name_is(xmlNodePtr n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool ns_prefix_is(xmlNodePtr n, const char *prefix) {
  return n->ns && n->ns->prefix && strcmp((const char *)n->ns->prefix, prefix) == 0;
}

static bool ns_href_has(xmlNodePtr n, const char *w) {
  return n->ns && n->ns->href && strstr((const char *)n->ns->href, w);
}

static bool is_item(xmlNodePtr n) { return name_is(n, "item") || name_is(n, "entry"); }

/* Next item in document order after n (or the first when n is NULL),
 * looking at most 3 levels down (rss/channel/item, feed/entry,
 * rdf:RDF/item). */
static xmlNodePtr find_item(xmlNodePtr from, int depth) {
  for (xmlNodePtr c = from; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_item(c)) return c;
    if (depth < 3) {
      xmlNodePtr r = find_item(c->children, depth + 1);
      if (r) return r;
    }
  }
  return NULL;
}

static xmlNodePtr next_item(xmlNodePtr cur) {
  for (xmlNodePtr c = cur->next; c; c = c->next)
    if (is_item(c)) return c;
  return NULL;
}

static char *text_of(xmlNodePtr n) {
  xmlChar *t = xmlNodeGetContent(n);
  if (!t) return NULL;
  char *s = strdup((const char *)t);
  xmlFree(t);
  return s;
}

static char *trimmed(char *s, size_t *n) {
  if (!s) {
    *n = 0;
    return NULL;
  }
  char *p = s;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++;
  size_t l = strlen(p);
  while (l && (p[l - 1] == ' ' || p[l - 1] == '\t' || p[l - 1] == '\r' || p[l - 1] == '\n')) l--;
  *n = l;
  return p;
}

static void channel_info(px__fmt_state *st, xmlNodePtr root) {
  xmlNodePtr ch = root;
  for (xmlNodePtr c = root->children; c; c = c->next)
    if (name_is(c, "channel")) ch = c;
  for (xmlNodePtr c = ch->children; c; c = c->next) {
    if (name_is(c, "title") && !st->channel_title) st->channel_title = text_of(c);
    else if ((name_is(c, "language") || (name_is(c, "lang"))) && !st->channel_lang)
      st->channel_lang = text_of(c);
    else if (name_is(c, "link") && !st->channel_link) {
      xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
      if (href) {
        st->channel_link = strdup((const char *)href);
        xmlFree(href);
      } else {
        st->channel_link = text_of(c);
      }
    }
  }
  if (!st->channel_lang) {
    xmlChar *l = xmlNodeGetLang(root);
    if (l) {
      st->channel_lang = strdup((const char *)l);
      xmlFree(l);
    }
  }
}

static int load(px__fmt_state *st, px__buf *msg, int *fatal) {
  st->loaded = true;
  px__buf all;
  px__buf_init(&all, 0);
  int rc = px__stream_slurp(st->s, &all, st->ctx->limit_record);
  if (rc == PX_ETOOBIG) {
    px__buf_printf(msg, "feed larger than the %zu-byte record limit", st->ctx->limit_record);
    *fatal = 1;
    goto out;
  }
  if (rc == PX_ETRUNCATED && all.len) {
    snprintf(st->xml_error, sizeof(st->xml_error), "%s", px__stream_error(st->s));
    rc = PX_OK;
  } else if (rc) {
    *fatal = 1;
    px__buf_puts(msg, px__stream_error(st->s));
    goto out;
  }
  const char *why = xml_ready();
  if (why) {
    px__buf_puts(msg, why);
    *fatal = 1;
    rc = PX_EFORMAT;
    goto out;
  }
  xmlParserCtxtPtr pc = xmlNewParserCtxt();
  if (!pc) {
    rc = PX_ENOMEM;
    goto out;
  }
  st->doc = xmlCtxtReadMemory(pc, all.ptr ? all.ptr : "", (int)all.len, NULL, NULL,
                              XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  const xmlError *e = xmlCtxtGetLastError(pc);
  if (e && e->level >= XML_ERR_ERROR && !st->xml_error[0]) {
    char m[200];
    snprintf(m, sizeof(m), "%s", e->message ? e->message : "error");
    size_t ml = strlen(m);
    while (ml && (m[ml - 1] == '\n' || m[ml - 1] == ' ')) m[--ml] = '\0';
    snprintf(st->xml_error, sizeof(st->xml_error), "invalid XML at line %d: %s", e->line, m);
  }
  xmlFreeParserCtxt(pc);
  xmlNodePtr root = st->doc ? xmlDocGetRootElement(st->doc) : NULL;
  if (!root) {
    px__buf_puts(msg, st->xml_error[0] ? st->xml_error : "not a feed (no XML root element)");
    *fatal = 1;
    rc = PX_EFORMAT;
    goto out;
  }
  channel_info(st, root);
  st->item = is_item(root) ? root : find_item(root->children, 0);
out:
  px__buf_release(&all);
  return rc;
}

/* Serialise the children of an XHTML content element into st->tmp. */
static int xhtml_children(px__fmt_state *st, xmlNodePtr n) {
  xmlBufferPtr b = xmlBufferCreate();
  if (!b) return PX_ENOMEM;
  for (xmlNodePtr c = n->children; c; c = c->next) xmlNodeDump(b, st->doc, c, 0, 0);
  px__buf_clear(&st->tmp);
  int rc = px__buf_append(&st->tmp, xmlBufferContent(b), (size_t)xmlBufferLength(b));
  xmlBufferFree(b);
  return rc;
}

static int read_item(px__fmt_state *st, xmlNodePtr it, px_article *art, px__buf *msg) {
  int rc = PX_OK;
  xmlNodePtr title = NULL, link = NULL, date = NULL, updated = NULL, author = NULL,
             encoded = NULL, content = NULL, desc = NULL, id = NULL;
  char *link_href = NULL;
  for (xmlNodePtr c = it->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const char *nm = (const char *)c->name;
    if (strcmp(nm, "title") == 0 && !title) title = c;
    else if (strcmp(nm, "link") == 0) {
      xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
      xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
      bool alt = !rel || strcmp((const char *)rel, "alternate") == 0;
      if (href && alt && !link_href) link_href = strdup((const char *)href);
      else if (!href && !link) link = c;
      if (rel) xmlFree(rel);
      if (href) xmlFree(href);
    } else if ((strcmp(nm, "pubDate") == 0 || strcmp(nm, "published") == 0 ||
                strcmp(nm, "issued") == 0 || (strcmp(nm, "date") == 0 && ns_prefix_is(c, "dc"))) &&
               !date)
      date = c;
    else if ((strcmp(nm, "updated") == 0 || strcmp(nm, "modified") == 0) && !updated)
      updated = c;
    else if ((strcmp(nm, "creator") == 0 || strcmp(nm, "author") == 0) && !author)
      author = c;
    else if (strcmp(nm, "encoded") == 0 && !encoded)
      encoded = c;
    else if (strcmp(nm, "content") == 0 && !content && !ns_href_has(c, "mrss") &&
             !ns_prefix_is(c, "media"))
      content = c;
    else if ((strcmp(nm, "description") == 0 || strcmp(nm, "summary") == 0) && !desc)
      desc = c;
    else if ((strcmp(nm, "guid") == 0 || strcmp(nm, "id") == 0) && !id)
      id = c;
  }
  char *s;
  size_t n;
  char *p;
  /* Title (Atom type="html" titles may hold tags: they are kept as text). */
  if (title) {
    s = text_of(title);
    p = trimmed(s, &n);
    if (p && n) rc = px_article_set(art, PX_F_TITLE, p, n);
    free(s);
    if (rc) goto out;
  }
  if (!link_href && link) link_href = text_of(link);
  if (!link_href && id) {
    xmlChar *perma = xmlGetProp(id, (const xmlChar *)"isPermaLink");
    s = text_of(id);
    p = trimmed(s, &n);
    if (p && n > 7 && strncmp(p, "http", 4) == 0 && !(perma && strcmp((char *)perma, "false") == 0))
      link_href = strndup(p, n);
    free(s);
    if (perma) xmlFree(perma);
  }
  if (link_href) {
    p = trimmed(link_href, &n);
    if (n && (rc = px_article_set(art, PX_F_URL, p, n))) goto out;
  }
  if (id) {
    s = text_of(id);
    p = trimmed(s, &n);
    if (p && n) rc = px_article_set(art, PX_F_ID, p, n);
    free(s);
    if (rc) goto out;
  }
  xmlNodePtr dn = date ? date : updated;
  if (dn) {
    s = text_of(dn);
    p = trimmed(s, &n);
    int64_t t;
    if (p && n && px_parse_date(p, n, &t) == PX_OK) px_article_set_published(art, t);
    free(s);
  }
  if (author) {
    xmlNodePtr nm = NULL;
    for (xmlNodePtr c = author->children; c; c = c->next)
      if (name_is(c, "name")) nm = c;
    s = text_of(nm ? nm : author);
    p = trimmed(s, &n);
    /* RSS author: "jane@example.org (Jane Doe)" */
    if (p && n) {
      char *lp = memchr(p, '(', n), *at = memchr(p, '@', n);
      if (at && lp && lp > at && p[n - 1] == ')') {
        p = lp + 1;
        n = strcspn(p, ")");
      } else if (at && !lp) {
        n = 0; /* a bare e-mail address is not a name */
      }
    }
    if (p && n) rc = px_article_set(art, PX_F_BYLINE, p, n);
    free(s);
    if (rc) goto out;
  }
  if (st->channel_title) {
    p = trimmed(st->channel_title, &n);
    if (n && (rc = px_article_set(art, PX_F_SOURCE, p, n))) goto out;
  }
  if (st->channel_lang) {
    char code[4];
    size_t k = 0;
    const char *q0 = st->channel_lang;
    while (*q0 == ' ' || *q0 == '\n' || *q0 == '\t' || *q0 == '\r') q0++;
    for (const char *q = q0; k < 3 && *q && ((*q | 32) >= 'a' && (*q | 32) <= 'z');
         q++)
      code[k++] = (char)(*q | 32);
    if (k >= 2 && (rc = px_article_set(art, PX_F_LANGUAGE, code, k))) goto out;
  }
  /* Body: content:encoded, content, description. */
  xmlNodePtr body = encoded ? encoded : content ? content : desc;
  px_str lk = px_article_get(art, PX_F_URL);
  bool linked = st->links && lk.len > 7 &&
                (strncmp(lk.ptr, "http://", 7) == 0 || strncmp(lk.ptr, "https://", 8) == 0);
  if (!body && !linked) {
    px__buf_puts(msg, "item has no content or description");
    rc = PX_ENOBODY;
    goto out;
  }
  if (!body) goto source;
  xmlChar *type = xmlGetProp(body, (const xmlChar *)"type");
  bool xhtml = type && strcmp((const char *)type, "xhtml") == 0;
  bool plain = type && strcmp((const char *)type, "text") == 0;
  if (type) xmlFree(type);
  if (xhtml) {
    if ((rc = xhtml_children(st, body))) goto out;
  } else {
    s = text_of(body);
    px__buf_clear(&st->tmp);
    rc = s ? px__buf_puts(&st->tmp, s) : PX_OK;
    free(s);
    if (rc) goto out;
  }
  if (plain) {
    rc = px_article_set(art, PX_F_BODY, st->tmp.ptr ? st->tmp.ptr : "", st->tmp.len);
  } else {
    rc = px__extract_html(st->ctx, st->ex, st->tmp.ptr ? st->tmp.ptr : "", st->tmp.len, "utf-8",
                          NULL, PX__EXTRACT_FRAGMENT, art, msg);
    if (rc == PX_ENOBODY && linked) {
      /* The page is read instead: the item goes on without a body. */
      px__buf_clear(msg);
      rc = px_article_set(art, PX_F_BODY, "", 0);
    }
  }
source:
  if (rc == PX_OK && px_article_get(art, PX_F_SOURCE).len == 0) {
    px_str u = px_article_get(art, PX_F_URL);
    const char *h;
    size_t hn;
    px__url_host(u.ptr, u.len, &h, &hn);
    if (hn) rc = px_article_set(art, PX_F_SOURCE, h, hn);
  }
out:
  free(link_href);
  return rc;
}

static int next(px__fmt_state *st, px_article *art, uint64_t *where, int *fatal, px__buf *msg) {
  if (st->done) return PX_EOF;
  if (!st->loaded) {
    int rc = load(st, msg, fatal);
    if (rc) {
      st->done = true;
      return rc;
    }
  }
  if (!st->item) {
    st->done = true;
    if (st->xml_error[0]) {
      *where = (uint64_t)st->items + 1;
      px__buf_printf(msg, "%s (%d items read)", st->xml_error, st->items);
      return PX_EFORMAT;
    }
    if (st->items == 0) {
      px__buf_puts(msg, "feed has no items");
      return PX_ENOBODY;
    }
    return PX_EOF;
  }
  xmlNodePtr it = st->item;
  st->item = next_item(it);
  st->items++;
  *where = (uint64_t)st->items;
  return read_item(st, it, art, msg);
}

const px__format px__fmt_feed = {"feed", "item", sniff, open_fmt, next, close_fmt};

static int sniff_never(const char *p, size_t n, const char *path) {
  (void)p;
  (void)n;
  (void)path;
  return 0;
}

static int open_links(px_ctx *ctx, px__stream *s, const char *path, px__fmt_state **out) {
  int rc = open_fmt(ctx, s, path, out);
  if (rc == PX_OK) (*out)->links = true;
  return rc;
}

const px__format px__fmt_feed_links = {"feed-links", "item", sniff_never, open_links, next,
                                       close_fmt};
