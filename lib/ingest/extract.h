/*
 * extract.h - internal interface of the web readers: character sets,
 * HTML main-text extraction (shared by the HTML, WARC and feed readers).
 */
#ifndef PX_EXTRACT_H
#define PX_EXTRACT_H

#include "ingest.h"

/* ---------------------------------------------------------------- charset */

/**
 * Find the character set of an HTML document: byte-order mark first, then
 * hint (an HTTP Content-Type header value or a bare charset name, may be
 * NULL), then <meta charset> / http-equiv in the first 4 KiB, then
 * detection (valid UTF-8 gives "utf-8", anything else "windows-1252").
 * As in a browser, a label iconv does not know is no declaration (the
 * next source decides), UTF-16 said in the page's own bytes is UTF-8, and
 * so are MySQL's "utf8mb4" and "utf8mb3".
 * Writes a lower-case NUL-terminated label into name (size cap >= 2).
 * *bom gets the number of BOM bytes to skip.
 */
PX__HIDDEN void px__charset_detect(const char *p, size_t n, const char *hint, char *name,
                                   size_t cap, size_t *bom);

/** True for labels that mean UTF-8 (or its subset US-ASCII). */
PX__HIDDEN bool px__charset_is_utf8(const char *name);

/**
 * Convert [p, p+n) from charset name to UTF-8, appending to out.
 * ISO-8859-1 and US-ASCII labels are read as Windows-1252 (as browsers do).
 * Bytes that are invalid in the source charset become U+FFFD.
 * @return PX_OK, PX_EUNSUPPORTED (iconv does not know the charset; msg
 * says which), PX_ENOMEM or PX_ETOOBIG.
 */
PX__HIDDEN int px__charset_to_utf8(const char *name, const char *p, size_t n, px__buf *out,
                                   px__buf *msg);

/** Copy the value of "charset=" from a Content-Type value into name. */
PX__HIDDEN bool px__charset_from_content_type(const char *v, size_t n, char *name, size_t cap);

/* -------------------------------------------------------------- extractor */

/* A reusable HTML parser + extractor (one per reader; not thread-safe). */
typedef struct px__extractor px__extractor;

PX__HIDDEN int px__extractor_new(px__extractor **ex /* OUT */);
PX__HIDDEN void px__extractor_free(px__extractor *ex);
/* The extractor the context keeps between readers, or a new one; give it
 * back with px__extractor_give, which keeps one and frees the rest.  The
 * readers of pages, WARC files and feeds use these, so a folder of small
 * pages sets up the HTML parser once. */
PX__HIDDEN int px__extractor_take(px_ctx *ctx, px__extractor **ex /* OUT */);
PX__HIDDEN void px__extractor_give(px_ctx *ctx, px__extractor *ex);

/* What kind of page a page is: the signals the extractor gathers, and
 * the decision made from them (px__extract_page). */
enum {
  PX__LD_ARTICLE = 1, /* JSON-LD Article, NewsArticle, BlogPosting, Report, Review... */
  PX__LD_PRODUCT = 2, /* Product, Offer */
  PX__LD_FORUM = 4,   /* DiscussionForumPosting, QAPage, Question */
  PX__LD_LISTING = 8, /* CollectionPage, ItemList, SearchResultsPage */
  PX__LD_DOCS = 16,   /* TechArticle, APIReference */
  PX__LD_SERVICE = 32 /* Service, SoftwareApplication, LocalBusiness */
};

typedef struct px__page {
  unsigned ld;            /* PX__LD_* types seen in JSON-LD */
  int og;                 /* og:type: 0 none, 1 article, 2 product, 3 website, 4 other */
  unsigned articles;      /* <article> elements */
  unsigned password;      /* password inputs */
  unsigned code;          /* <pre> and <code> elements */
  unsigned forms;         /* <textarea>s */
  unsigned cart;          /* "add to cart" buttons, price microdata */
  unsigned paras;         /* paragraphs of the extracted text */
  unsigned words;         /* words of the extracted text */
  unsigned long_paras;    /* paragraphs of 200 bytes or more */
  unsigned link_share;    /* link text / all text of the page, in percent */
  unsigned text_share;    /* extracted text / all text of the page, in percent */
  bool dated, authored;   /* a structured or shown date; a byline */
  const char *kind;       /* NULL: an article; else "listing", "product", "forum",
                           * "documentation", "service" or "other" */
} px__page;

/** The page kind of the last page extracted with ex (valid until the next). */
PX__HIDDEN const px__page *px__extract_page(const px__extractor *ex);

/* Flags for px__extract_html. */
enum {
  PX__EXTRACT_FRAGMENT = 1 /* the HTML is a fragment (feed item body): keep all its text */
};

/**
 * Extract an article from one HTML page in memory: main body text as
 * paragraphs, title, byline, published time, language, canonical URL and
 * outlet.  Fields already set in out (by the WARC or feed reader) are kept
 * when the page has nothing better for them.
 *
 * html/len: the raw page bytes in any charset; charset_hint: HTTP
 * Content-Type value or charset name (NULL when unknown); url_hint: where
 * the page was fetched (NULL when unknown).  ex may be NULL (a parser is
 * then created for this call).  On error msg gets the reason.
 * @return PX_OK, PX_ENOBODY (no article text found), PX_EUNSUPPORTED
 * (unknown charset), PX_ETOOBIG, PX_ENOMEM.
 */
PX__HIDDEN int px__extract_html(px_ctx *ctx, px__extractor *ex, const char *html, size_t len,
                                const char *charset_hint, const char *url_hint, int flags,
                                px_article *out, px__buf *msg);

/* Deepest element nesting handed to the HTML parser (htmlpre.c). */
#define PX__HTML_MAX_DEPTH 256

/**
 * The pre-pass before the HTML parser (htmlpre.c), linear in n: when the
 * page nests deeper than PX__HTML_MAX_DEPTH, or holds <script> (not JSON)
 * or <style> content, out gets a copy without the start and end tags past
 * the cap (the text is kept) and without that content (the elements stay,
 * empty), and *changed is set; else out is untouched.  *dropped (may be NULL) gets the number of tags
 * left out.  @return PX_OK or PX_ENOMEM / PX_ETOOBIG (out's cap).
 */
PX__HIDDEN int px__html_prepass(const char *p, size_t n, px__buf *out, bool *changed,
                                size_t *dropped);

/**
 * A token hook for the HTML parser (htmlpre.c), installed on every myhtml
 * tree with myhtml_callback_after_token_done_set: it keeps myhtml from
 * writing past the end of a text token's buffer.  The parser drops the
 * whitespace at the head of a text token (before <body>, after <pre>) by
 * moving the token's data pointer forward without lowering its recorded
 * capacity; text merged into that token later is then copied past the end
 * of its buffer, over the next strings (an overlapping memcpy when the next
 * string is the merged text itself).  The hook lowers the recorded capacity
 * of every text token by its leading whitespace before the tree builder
 * sees it: a capacity recorded too low only makes the parser grow the
 * buffer sooner.  Returns ctx.
 */
struct myhtml_tree;
struct myhtml_token_node;
PX__HIDDEN void *px__html_token_guard(struct myhtml_tree *tree, struct myhtml_token_node *token,
                                      void *ctx);

/** The outlet name from a URL: its host without "www." (empty if none). */
PX__HIDDEN void px__url_host(const char *url, size_t n, const char **host, size_t *hn);

/* The web formats. */
PX__HIDDEN extern const px__format px__fmt_html;
PX__HIDDEN extern const px__format px__fmt_warc;
PX__HIDDEN extern const px__format px__fmt_feed;

#endif /* PX_EXTRACT_H */
