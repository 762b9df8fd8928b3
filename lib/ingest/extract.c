/*
 * extract.c - main-text and metadata extraction from one HTML page.
 *
 * The page is converted to UTF-8 (charset.c) and parsed by myhtml (the
 * HTML5 parser of Modest).  Then, over a flat pre-order array of the
 * element nodes:
 *
 *  1. metadata is gathered on the way down: <html lang>, <title>, <meta>
 *     (OpenGraph, article:*, name=author/date), rel=canonical, JSON-LD
 *     scripts, <h1>, <time datetime>, itemprop and byline-like classes;
 *  2. text length, link text length and commas are summed bottom-up;
 *     elements that never hold article text (scripts, navigation,
 *     figures, forms controls, hidden nodes) and elements whose class or
 *     id names boilerplate (comments, share bars, related links, promos,
 *     cookie banners...) are cut, unless they hold most of the page's
 *     paragraph text;
 *  3. each paragraph-like block scores 1 + commas + length/100 (max 3),
 *     added to its parent, half to its grandparent, less further up; a
 *     container's score starts from its class/id hints and is scaled by
 *     (1 - link density);
 *  4. the best container and its siblings that score well or read as
 *     prose are kept; inside them, link-heavy or negatively named
 *     blocks are dropped, and the remaining text is written paragraph
 *     by paragraph.
 */
#include "extract.h"

#include <jansson.h>
#include <myhtml/api.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ------------------------------------------------------------ node array */

enum {
  F_SKIP = 1,      /* never article text (tag, hidden) */
  F_CUT = 2,       /* boilerplate by class/id (decided bottom-up) */
  F_DEAD = 4,      /* F_SKIP or F_CUT here or above */
  F_BLOCKKID = 8,  /* has a block-level child element */
  F_STRONGNEG = 16,
  F_INLINK = 32,
  F_KEEP = 64, /* selected for output */
  F_WEAKCUT = 128, /* cut by its class only for words page builders use everywhere */
  F_ARTBODY = 256  /* itemprop="articleBody" */
};

typedef struct nd {
  myhtml_tree_node_t *n;
  int32_t parent;
  uint16_t tag;
  uint16_t flags;
  int16_t weight; /* class/id hint weight */
  uint16_t paras; /* <p> descendants */
  uint32_t text;  /* non-space text bytes in the subtree (live part) */
  uint32_t link;  /* of which inside links */
  uint32_t ptext; /* text inside <p>, ignoring class cuts */
  uint32_t commas;
  uint32_t own;   /* text bytes directly inside */
  uint32_t last;  /* index of the last node of the subtree */
  const char *cls; /* class attribute (borrowed from the tree) */
  uint32_t cls_n;
  float score;
} nd;

#define MAX_H1 4
#define MAX_TIMES 4

/* What the hint words of one class or id value decide (hint_value), kept
 * per page: a page repeats a few dozen class values over thousands of
 * elements, and reading a value's words costs over a thousand
 * instructions.  The values are borrowed from the tree, so the memo is
 * emptied for each page. */
#define HINT_MEMO 512
typedef struct hint_memo {
  const char *v;
  uint32_t n, hash;
  uint8_t res; /* HM_ flags */
} hint_memo;
enum { HM_POS = 1, HM_NEG = 2, HM_CUT = 4, HM_STRONG = 8 };

/* Where the hint words (HINTS) of each length and first letter stand in
 * that list (sorted by length, then bytes: they are contiguous), filled
 * once per extractor: a class or id value's words are looked up with a
 * memcmp or two at most, most with none. */
#define HINT_NMAX 64 /* hint_words reads words shorter than this */
typedef struct hint_index {
  uint8_t lo[HINT_NMAX][26], hi[HINT_NMAX][26];
} hint_index;
static void hint_index_fill(hint_index *x);

typedef struct meta {
  px__buf title, og_title, tw_title, ld_headline, site, ld_publisher, canonical, og_url, lang;
  px__buf author_meta, ld_author, item_author, byline_el, byline_text;
  px__buf ld_org_author; /* an organisation named as the author: the last resort */
  px__buf ld_date, meta_date, item_date, time_pub, time_any, text_date;
  px__buf time_dt, time_shown; /* the first <time> with both: its datetime, its text */
  px__buf h1[MAX_H1];
  int nh1;
  uint32_t h1_node[MAX_H1];   /* each <h1>'s element */
  uint32_t h1_before[MAX_H1]; /* paragraph text (non-space bytes) before it in the page */
  bool item_loose;      /* item_date came from a loosely named "publish" meta */
  bool tw_label_author; /* twitter:label1 said "Written by": twitter:data1 is the author */
  /* the byline element was an author link: its parent and grandparent,
   * where the other authors' links stand ("A, B and C" as links) */
  myhtml_tree_node_t *link_up[2];
  int link_more; /* names that joined it so */
  px__page sig; /* what kind of page this is: the signals */
} meta;

struct px__extractor {
  myhtml_t *mh;
  myhtml_tree_t *tree;
  nd *nodes;
  size_t nn, nalloc;
  px__buf conv, para, body, tmp, names, title;
  px__buf pre; /* the page after the pre-pass (htmlpre.c), when it changed it */
  meta m;
  hint_memo memo[HINT_MEMO];
  hint_index hints;
};

static meta *meta_bufs_init(meta *m) {
  px__buf *all[] = {&m->title,       &m->og_title,   &m->tw_title,   &m->ld_headline,
                    &m->site,        &m->ld_publisher, &m->canonical, &m->og_url,
                    &m->lang,        &m->author_meta, &m->ld_author, &m->item_author,
                    &m->byline_el,   &m->byline_text, &m->ld_date,   &m->meta_date,
                    &m->item_date,   &m->ld_org_author,
                    &m->time_pub,    &m->time_any,   &m->text_date,
                    &m->time_dt,     &m->time_shown};
  for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
    px__buf_clear(all[i]);
    if (all[i]->cap == 0) all[i]->cap = 4096;
  }
  for (int i = 0; i < MAX_H1; i++) {
    px__buf_clear(&m->h1[i]);
    if (m->h1[i].cap == 0) m->h1[i].cap = 4096;
  }
  m->nh1 = 0;
  m->tw_label_author = false;
  m->item_loose = false;
  m->link_up[0] = m->link_up[1] = NULL;
  m->link_more = 0;
  memset(&m->sig, 0, sizeof(m->sig));
  return m;
}

static void meta_release(meta *m) {
  px__buf *all[] = {&m->title,       &m->og_title,   &m->tw_title,   &m->ld_headline,
                    &m->site,        &m->ld_publisher, &m->canonical, &m->og_url,
                    &m->lang,        &m->author_meta, &m->ld_author, &m->item_author,
                    &m->byline_el,   &m->byline_text, &m->ld_date,   &m->meta_date,
                    &m->item_date,   &m->ld_org_author,
                    &m->time_pub,    &m->time_any,   &m->text_date,
                    &m->time_dt,     &m->time_shown};
  for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) px__buf_release(all[i]);
  for (int i = 0; i < MAX_H1; i++) px__buf_release(&m->h1[i]);
}

int px__extractor_new(px__extractor **out) {
  *out = NULL;
  px__extractor *ex = calloc(1, sizeof(*ex));
  if (!ex) return PX_ENOMEM;
  ex->mh = myhtml_create();
  if (!ex->mh || myhtml_init(ex->mh, MyHTML_OPTIONS_PARSE_MODE_SINGLE, 1, 0) != 0) goto fail;
  ex->tree = myhtml_tree_create();
  if (!ex->tree || myhtml_tree_init(ex->tree, ex->mh) != 0) goto fail;
  /* Keeps the parser inside its text buffers (htmlpre.c). */
  myhtml_callback_after_token_done_set(ex->tree, px__html_token_guard, NULL);
  meta_bufs_init(&ex->m);
  hint_index_fill(&ex->hints);
  *out = ex;
  return PX_OK;
fail:
  px__extractor_free(ex);
  return PX_ENOMEM;
}

static void spare_free(void *ex) { px__extractor_free(ex); }

int px__extractor_take(px_ctx *ctx, px__extractor **out) {
  if (ctx && ctx->spare && ctx->spare_free == spare_free) {
    *out = ctx->spare;
    ctx->spare = NULL;
    return PX_OK;
  }
  return px__extractor_new(out);
}

void px__extractor_give(px_ctx *ctx, px__extractor *ex) {
  if (!ex) return;
  if (ctx && !ctx->spare) {
    ctx->spare = ex;
    ctx->spare_free = spare_free;
    return;
  }
  px__extractor_free(ex);
}

void px__extractor_free(px__extractor *ex) {
  if (!ex) return;
  if (ex->tree) myhtml_tree_destroy(ex->tree);
  if (ex->mh) myhtml_destroy(ex->mh);
  free(ex->nodes);
  px__buf_release(&ex->conv);
  px__buf_release(&ex->pre);
  px__buf_release(&ex->para);
  px__buf_release(&ex->body);
  px__buf_release(&ex->tmp);
  px__buf_release(&ex->names);
  px__buf_release(&ex->title);
  meta_release(&ex->m);
  free(ex);
}

/* ------------------------------------------------------------- tag tables */

static bool tag_is_block(unsigned t) {
  switch (t) {
  case MyHTML_TAG_ADDRESS: case MyHTML_TAG_ARTICLE: case MyHTML_TAG_ASIDE:
  case MyHTML_TAG_BLOCKQUOTE: case MyHTML_TAG_DD: case MyHTML_TAG_DIV: case MyHTML_TAG_DL:
  case MyHTML_TAG_DT: case MyHTML_TAG_FIELDSET: case MyHTML_TAG_FIGURE:
  case MyHTML_TAG_FOOTER: case MyHTML_TAG_FORM: case MyHTML_TAG_H1: case MyHTML_TAG_H2:
  case MyHTML_TAG_H3: case MyHTML_TAG_H4: case MyHTML_TAG_H5: case MyHTML_TAG_H6:
  case MyHTML_TAG_HEADER: case MyHTML_TAG_HR: case MyHTML_TAG_LI: case MyHTML_TAG_MAIN:
  case MyHTML_TAG_NAV: case MyHTML_TAG_OL: case MyHTML_TAG_P: case MyHTML_TAG_PRE:
  case MyHTML_TAG_SECTION: case MyHTML_TAG_TABLE: case MyHTML_TAG_UL: case MyHTML_TAG_TR:
  case MyHTML_TAG_TD: case MyHTML_TAG_TH: case MyHTML_TAG_TBODY: case MyHTML_TAG_CENTER:
  case MyHTML_TAG_DETAILS: case MyHTML_TAG_SUMMARY: case MyHTML_TAG_BODY: case MyHTML_TAG_HTML:
  case MyHTML_TAG_BR: case MyHTML_TAG_CAPTION: case MyHTML_TAG_FIGCAPTION: case MyHTML_TAG_HGROUP:
    return true;
  default:
    return false;
  }
}

/* Elements whose content is never article text.  <nav>, <footer> and
 * <aside> are cut like boilerplate classes instead: a
 * broken page can leave the whole article inside one of them. */
static bool tag_is_skipped(unsigned t) {
  switch (t) {
  case MyHTML_TAG_SCRIPT: case MyHTML_TAG_STYLE: case MyHTML_TAG_NOSCRIPT:
  case MyHTML_TAG_TEMPLATE: case MyHTML_TAG_SVG: case MyHTML_TAG_MATH: case MyHTML_TAG_IFRAME:
  case MyHTML_TAG_OBJECT: case MyHTML_TAG_EMBED: case MyHTML_TAG_CANVAS: case MyHTML_TAG_VIDEO:
  case MyHTML_TAG_AUDIO: case MyHTML_TAG_SELECT: case MyHTML_TAG_OPTION: case MyHTML_TAG_BUTTON:
  case MyHTML_TAG_INPUT: case MyHTML_TAG_TEXTAREA: case MyHTML_TAG_FIGCAPTION: case MyHTML_TAG_FIGURE:
  case MyHTML_TAG_HEAD: case MyHTML_TAG_TITLE: case MyHTML_TAG_DIALOG: case MyHTML_TAG_MENU:
  case MyHTML_TAG_LABEL: case MyHTML_TAG__COMMENT:
  case MyHTML_TAG_MAP: case MyHTML_TAG_FRAMESET: case MyHTML_TAG_NOFRAMES: case MyHTML_TAG_STRIKE:
  case MyHTML_TAG_DEL: case MyHTML_TAG_S:
    return true;
  default:
    return false;
  }
}

/* ----------------------------------------------------------- class hints */

static bool tok_eq(const char *t, size_t n, const char *w) {
  return strlen(w) == n && memcmp(t, w, n) == 0;
}

static bool tok_in(const char *t, size_t n, const char *const *list) {
  for (size_t i = 0; list[i]; i++)
    if (tok_eq(t, n, list[i])) return true;
  return false;
}

/* Class and id words: positive hints, negative hints, and words that cut
 * the element outright (boilerplate containers). */
/* H_WEAK: a cut word page builders also use for every block of a page
 * ("elementor-widget-container"); see sum_up. */
enum { H_POS = 1, H_NEG = 2, H_CUT = 4, H_WEAK = 8, H_STRONG = 16 /* a cut word not weak */ };
typedef struct hint_word {
  const char *w;
  uint8_t n, f;
} hint_word;
#define T(s, f) {s, (uint8_t)(sizeof(s) - 1), f}
static const hint_word HINTS[] = { /* sorted by length, then bytes */
    T("ad", H_CUT),
    T("ads", H_CUT),
    T("bio", H_NEG | H_CUT),
    T("btn", H_NEG),
    T("cta", H_CUT),
    T("img", H_NEG),
    T("nav", H_CUT),
    T("rss", H_NEG),
    T("tag", H_NEG),
    T("blog", H_POS),
    T("body", H_POS),
    T("card", H_NEG),
    T("copy", H_POS),
    T("date", H_NEG),
    T("foot", H_NEG),
    T("gdpr", H_CUT),
    T("hero", H_NEG),
    T("icon", H_NEG),
    T("info", H_NEG),
    T("jump", H_NEG),
    T("list", H_NEG),
    T("logo", H_NEG),
    T("main", H_POS),
    T("menu", H_CUT),
    T("meta", H_NEG | H_CUT),
    T("mgid", H_CUT),
    T("more", H_NEG),
    T("page", H_POS),
    T("post", H_POS),
    T("rail", H_NEG),
    T("skip", H_NEG | H_CUT),
    T("tags", H_NEG | H_CUT),
    T("text", H_POS),
    T("tool", H_NEG),
    T("aside", H_NEG),
    T("cards", H_NEG),
    T("combx", H_NEG),
    T("email", H_NEG),
    T("embed", H_NEG),
    T("entry", H_POS),
    T("image", H_NEG),
    T("legal", H_NEG | H_CUT),
    T("login", H_NEG | H_CUT),
    T("mc4wp", H_CUT),
    T("media", H_NEG),
    T("modal", H_CUT),
    T("optin", H_CUT),
    T("pager", H_NEG),
    T("photo", H_NEG),
    T("popup", H_CUT),
    T("print", H_NEG),
    T("promo", H_NEG | H_CUT),
    T("prose", H_POS),
    T("share", H_CUT),
    T("story", H_POS),
    T("thumb", H_NEG),
    T("topic", H_NEG),
    T("video", H_NEG),
    T("yarpp", H_CUT),
    T("adslot", H_CUT),
    T("adunit", H_CUT),
    T("advert", H_CUT),
    T("author", H_NEG | H_CUT),
    T("banner", H_NEG | H_CUT),
    T("burger", H_CUT),
    T("button", H_NEG),
    T("byline", H_NEG | H_CUT),
    T("column", H_POS),
    T("cookie", H_CUT),
    T("credit", H_NEG),
    T("disqus", H_CUT),
    T("donate", H_CUT),
    T("figure", H_NEG),
    T("footer", H_CUT),
    T("header", H_NEG),
    T("hentry", H_POS),
    T("hidden", H_NEG | H_CUT),
    T("inline", H_CUT),
    T("kicker", H_NEG),
    T("navbar", H_CUT),
    T("onward", H_CUT),
    T("promos", H_CUT),
    T("shares", H_CUT),
    T("signin", H_NEG),
    T("signup", H_CUT),
    T("social", H_CUT),
    T("sronly", H_CUT),
    T("sticky", H_CUT),
    T("subnav", H_CUT),
    T("teaser", H_NEG),
    T("topbar", H_CUT),
    T("topics", H_NEG),
    T("upnext", H_CUT),
    T("upsell", H_CUT),
    T("widget", H_NEG | H_CUT | H_WEAK),
    T("account", H_NEG),
    T("addthis", H_CUT),
    T("adsense", H_CUT),
    T("article", H_POS),
    T("authors", H_CUT),
    T("caption", H_NEG | H_CUT),
    T("comment", H_CUT),
    T("consent", H_CUT),
    T("contact", H_NEG),
    T("content", H_POS),
    T("cookies", H_CUT),
    T("credits", H_NEG),
    T("formkit", H_CUT),
    T("gallery", H_NEG),
    T("klaviyo", H_CUT),
    T("listing", H_NEG),
    T("mainnav", H_CUT),
    T("navmenu", H_CUT),
    T("overlay", H_CUT),
    T("paywall", H_CUT),
    T("popular", H_CUT),
    T("postnav", H_CUT),
    T("privacy", H_CUT),
    T("related", H_CUT),
    T("sharing", H_CUT),
    T("sidebar", H_CUT),
    T("sitenav", H_CUT),
    T("sponsor", H_NEG),
    T("submenu", H_CUT),
    T("taboola", H_CUT),
    T("taglist", H_CUT),
    T("toolbar", H_CUT),
    T("tooltip", H_CUT),
    T("widgets", H_CUT | H_WEAK),
    T("zergnet", H_CUT),
    T("addtoany", H_CUT),
    T("alsoread", H_CUT),
    T("colophon", H_CUT),
    T("comments", H_CUT),
    T("dateline", H_NEG | H_CUT),
    T("donation", H_CUT),
    T("dropdown", H_CUT),
    T("feedback", H_NEG),
    T("footnote", H_NEG),
    T("headline", H_NEG),
    T("masthead", H_NEG | H_CUT),
    T("megamenu", H_CUT),
    T("mostread", H_CUT),
    T("navlinks", H_CUT),
    T("nextprev", H_CUT),
    T("outbrain", H_NEG | H_CUT),
    T("prevnext", H_CUT),
    T("readalso", H_CUT),
    T("readmore", H_CUT),
    T("readnext", H_CUT),
    T("richtext", H_POS),
    T("sharebar", H_CUT),
    T("shopping", H_NEG),
    T("shoutbox", H_NEG),
    T("taxonomy", H_CUT),
    T("trending", H_CUT),
    T("visually", H_CUT),
    T("wpdiscuz", H_CUT),
    T("authorbio", H_CUT),
    T("authorbox", H_CUT),
    T("copyright", H_NEG | H_CUT),
    T("footernav", H_CUT),
    T("footnotes", H_NEG | H_CUT),
    T("hamburger", H_CUT),
    T("mailchimp", H_CUT),
    T("nocontent", H_CUT),
    T("offcanvas", H_CUT),
    T("optinform", H_CUT),
    T("paragraph", H_POS),
    T("promotion", H_CUT),
    T("sponsored", H_CUT),
    T("storybody", H_POS),
    T("subscribe", H_CUT),
    T("thumbnail", H_NEG),
    T("timestamp", H_NEG | H_CUT),
    T("breadcrumb", H_CUT),
    T("convertkit", H_CUT),
    T("disclaimer", H_NEG | H_CUT),
    T("disclosure", H_NEG | H_CUT),
    T("figcaption", H_CUT),
    T("navigation", H_CUT),
    T("newsletter", H_CUT),
    T("pagination", H_NEG | H_CUT),
    T("revcontent", H_CUT),
    T("sharedaddy", H_CUT),
    T("shareicons", H_CUT),
    T("sharelinks", H_CUT),
    T("sharetools", H_CUT),
    T("signupform", H_CUT),
    T("aboutauthor", H_CUT),
    T("advertising", H_CUT),
    T("articlebody", H_POS),
    T("articletext", H_POS),
    T("breadcrumbs", H_CUT),
    T("commentlist", H_CUT),
    T("contributor", H_NEG),
    T("emailsignup", H_CUT),
    T("morestories", H_CUT),
    T("mostpopular", H_CUT),
    T("newsletters", H_CUT),
    T("recommended", H_CUT),
    T("shareaholic", H_CUT),
    T("socialmedia", H_CUT),
    T("socialshare", H_CUT),
    T("announcement", H_CUT),
    T("relatedlinks", H_CUT),
    T("relatedposts", H_CUT),
    T("screenreader", H_CUT),
    T("sharebuttons", H_CUT),
    T("subscribebox", H_CUT),
    T("subscription", H_CUT),
    T("advertisement", H_CUT),
    T("onwardjourney", H_CUT),
    T("subscribeform", H_CUT),
    T("abouttheauthor", H_CUT),
    T("recommendation", H_CUT),
    T("relatedcontent", H_CUT),
    T("relatedstories", H_CUT),
    T("recommendations", H_CUT),
    T("relatedarticles", H_CUT),
    T("newslettersignup", H_CUT)};
#undef T

_Static_assert(sizeof(HINTS) / sizeof(HINTS[0]) < 256, "hint_index holds uint8_t positions");

static void hint_index_fill(hint_index *x) {
  memset(x, 0, sizeof(*x));
  for (size_t i = 0; i < sizeof(HINTS) / sizeof(HINTS[0]); i++) {
    const hint_word *h = &HINTS[i];
    unsigned c = (unsigned char)h->w[0] - 'a';
    if (h->n >= HINT_NMAX || c >= 26) continue; /* never asked for */
    if (x->hi[h->n][c] == 0) x->lo[h->n][c] = (uint8_t)i;
    x->hi[h->n][c] = (uint8_t)(i + 1);
  }
}

/* The H_ flags of a word (lower case, n < HINT_NMAX). */
static unsigned hint_flags(const hint_index *x, const char *t, size_t n) {
  unsigned c = (unsigned char)t[0] - 'a';
  if (n >= HINT_NMAX || c >= 26) return 0;
  for (unsigned i = x->lo[n][c]; i < x->hi[n][c]; i++) {
    /* the first letters are equal; a short loop, not a memcmp call */
    size_t k = 1;
    while (k < n && HINTS[i].w[k] == t[k]) k++;
    if (k == n) return HINTS[i].f;
  }
  return 0;
}

/* The attributes every element is looked at for, found in one pass. */
typedef struct attrs {
  const char *cls, *id, *role, *itemprop, *rel;
  size_t cls_n, id_n, role_n, itemprop_n, rel_n;
  bool hidden;
} attrs;

#define KEY_IS(k, kl, lit) ((kl) == sizeof(lit) - 1 && memcmp((k), lit, sizeof(lit) - 1) == 0)

static void scan_attrs(myhtml_tree_node_t *n, attrs *A) {
  memset(A, 0, sizeof(*A));
  for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(n); a; a = myhtml_attribute_next(a)) {
    size_t kl, vl = 0;
    const char *k = myhtml_attribute_key(a, &kl);
    if (!k) continue;
    const char *v = myhtml_attribute_value(a, &vl);
    if (!v) vl = 0;
    switch (kl) {
    case 2:
      if (KEY_IS(k, kl, "id")) A->id = v, A->id_n = vl;
      break;
    case 3:
      if (KEY_IS(k, kl, "rel")) A->rel = v, A->rel_n = vl;
      break;
    case 4:
      if (KEY_IS(k, kl, "role")) A->role = v, A->role_n = vl;
      break;
    case 5:
      if (KEY_IS(k, kl, "class")) A->cls = v, A->cls_n = vl;
      else if (KEY_IS(k, kl, "style") && v) {
        for (size_t i = 0; i + 12 <= vl; i++)
          if ((v[i] == 'd' || v[i] == 'v' || v[i] == 'D' || v[i] == 'V') &&
              ((strncasecmp(v + i, "display:none", 12) == 0) ||
               (i + 13 <= vl && strncasecmp(v + i, "display: none", 13) == 0) ||
               (i + 17 <= vl && strncasecmp(v + i, "visibility:hidden", 17) == 0)))
            A->hidden = true;
      }
      break;
    case 6:
      if (KEY_IS(k, kl, "hidden")) A->hidden = true;
      break;
    case 8:
      if (KEY_IS(k, kl, "itemprop")) A->itemprop = v, A->itemprop_n = vl;
      break;
    case 11:
      if (KEY_IS(k, kl, "aria-hidden") && vl == 4 && v && strncasecmp(v, "true", 4) == 0)
        A->hidden = true;
      break;
    default:
      break;
    }
  }
  /* React's streamed server rendering sends each finished part of the page
   * in <div hidden id="S:n">, which its script moves into place: the text
   * a reader sees, not hidden text. */
  if (A->hidden && A->id && A->id_n >= 3 && A->id[0] == 'S' && A->id[1] == ':') {
    size_t k = 2;
    while (k < A->id_n && A->id[k] >= '0' && A->id[k] <= '9') k++;
    if (k == A->id_n) A->hidden = false;
  }
}

static bool isupper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

static bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool is_space(unsigned char c);

/* Words of a class or id value: split on non-alphanumerics and camelCase.
 * A class name's parts ("block__element", camelCase) go from the whole to
 * the part, and the last part with a hint word decides between keeping and
 * cutting: "entry__author-bio", "contentAdvertiserDisclosure" name a part
 * of the post, not the post.  Within a part a keep word wins over a short
 * cut word ("content-nav-section", "entry-content") and a long cut word
 * after it wins over the keep word ("article-comments"). */
static unsigned hint_words(const hint_index *x, const char *v, size_t vl) {
  if (vl > 512) vl = 512;
  bool pos = false, neg = false, ct = false, strong = false;
  unsigned part = 0, last = 0; /* H_ flags of this part, of the name's last hinted part */
  char t[64];
  size_t i = 0;
  for (;;) {
    size_t s = i;
    while (i < vl && !is_alnum(v[i])) i++;
    bool camel = s == i && i > 0 && i < vl; /* the last word stopped at a capital */
    bool name_end = i >= vl;
    for (size_t k = s; k < i && !name_end; k++) name_end = is_space((unsigned char)v[k]);
    bool bem = false; /* "block__element": a new part */
    for (size_t k = s; k + 1 < i && !bem; k++) bem = v[k] == '_' && v[k + 1] == '_';
    if (part && (name_end || camel || bem)) {
      last = part & H_POS ? H_POS : part; /* a keep word wins in its part */
      part = 0;
    }
    if (name_end && last) {
      if (last & H_POS) pos = true;
      else ct = true, strong |= (last & H_STRONG) != 0;
      last = 0;
    }
    if (i >= vl) break;
    size_t tn = 0;
    while (i < vl) {
      unsigned c = (unsigned char)v[i];
      bool upper = c - 'A' < 26u;
      if (!upper && c - 'a' >= 26u && c - '0' >= 10u) break; /* not alphanumeric */
      /* a capital after a letter (kept in lower case in t) starts a word */
      if (upper && tn > 0 && (unsigned)(unsigned char)t[tn - 1] - 'a' < 26u) break;
      if (tn < sizeof(t)) t[tn++] = (char)(upper ? c + 32 : c);
      i++;
    }
    if (tn == 0 || tn >= sizeof(t)) continue;
    unsigned hf = hint_flags(x, t, tn);
    if (hf & H_NEG) neg = true;
    if (hf & H_POS) part |= H_POS;
    if ((hf & H_CUT) && tn >= 6) part &= ~(unsigned)H_POS; /* "article-comments" */
    if (hf & H_CUT) part |= H_CUT | (hf & H_WEAK ? 0u : H_STRONG);
  }
  return (pos ? HM_POS : 0u) | (neg || ct ? HM_NEG : 0u) | (ct && !pos ? HM_CUT : 0u) |
         (strong ? HM_STRONG : 0u);
}

/* A value's bytes, mixed: its length and first and last eight bytes tell
 * the class values of one page apart; equal ones are compared whole. */
static uint32_t hint_hash(const char *v, size_t vl) {
  uint64_t a = 0, b = 0;
  memcpy(&a, v, vl < 8 ? vl : 8);
  if (vl > 8) memcpy(&b, v + vl - 8, 8);
  uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15u) ^ vl) * 0xFF51AFD7ED558CCDu;
  return (uint32_t)(h >> 32);
}

static void hint_value(px__extractor *ex, const char *v, size_t vl, int *weight, bool *cut,
                       bool *strong) {
  if (!v || !vl) return;
  uint32_t h = hint_hash(v, vl);
  unsigned res = 0;
  bool found = false;
  hint_memo *slot = NULL;
  for (unsigned k = 0; k < 8; k++) { /* a short probe; a full memo only costs the reading */
    hint_memo *e = &ex->memo[(h + k) & (HINT_MEMO - 1)];
    if (!e->v) {
      slot = e;
      break;
    }
    if (e->hash == h && e->n == vl && memcmp(e->v, v, vl) == 0) {
      res = e->res, found = true;
      break;
    }
  }
  if (!found) {
    res = hint_words(&ex->hints, v, vl);
    if (slot) *slot = (hint_memo){.v = v, .n = (uint32_t)vl, .hash = h, .res = (uint8_t)res};
  }
  if (res & HM_POS) *weight += 25;
  if (res & HM_NEG) *weight -= 25;
  if (res & HM_CUT) *cut = true;
  if (res & HM_STRONG) *strong = true;
}

/* Score the class and id of an element: weight, whether to cut it, and
 * whether only weak words (H_WEAK) ask for the cut. */
static void class_hints(px__extractor *ex, const attrs *A, int *weight, bool *cut, bool *weak) {
  *weight = 0;
  *cut = false;
  bool strong = false;
  hint_value(ex, A->cls, A->cls_n, weight, cut, &strong);
  hint_value(ex, A->id, A->id_n, weight, cut, &strong);
  *weak = *cut && !strong;
  const char *v = A->role;
  size_t vl = A->role_n;
  if (v && ((vl == 10 && strncasecmp(v, "navigation", 10) == 0) ||
            (vl == 11 && strncasecmp(v, "contentinfo", 11) == 0) ||
            (vl == 13 && strncasecmp(v, "complementary", 13) == 0) ||
            (vl == 6 && strncasecmp(v, "banner", 6) == 0) ||
            (vl == 6 && strncasecmp(v, "dialog", 6) == 0) ||
            (vl == 5 && strncasecmp(v, "alert", 5) == 0)))
    *cut = true;
}

/* ------------------------------------------------------------ text utils */

static bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Append text with whitespace collapsed; *space carries a pending space. */
static int append_collapsed(px__buf *b, const char *p, size_t n, bool *space) {
  int rc = px__buf_reserve(b, n + 1);
  if (rc) return rc;
  char *o = b->ptr + b->len;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    /* U+00A0 no-break space is a space here. */
    if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0xA0) {
      *space = true;
      i++;
      continue;
    }
    if (is_space(c)) {
      *space = true;
      continue;
    }
    if (*space && o > b->ptr) *o++ = ' ';
    *space = false;
    *o++ = (char)c;
  }
  b->len = (size_t)(o - b->ptr);
  b->ptr[b->len] = '\0';
  return PX_OK;
}

static void trim_buf(px__buf *b) {
  size_t s = 0, e = b->len;
  while (s < e && is_space((unsigned char)b->ptr[s])) s++;
  while (e > s && is_space((unsigned char)b->ptr[e - 1])) e--;
  if (s) memmove(b->ptr, b->ptr + s, e - s);
  b->len = e - s;
  if (b->ptr) b->ptr[b->len] = '\0';
}

static void set_once(px__buf *b, const char *p, size_t n) {
  if (b->len || !p) return;
  bool sp = false;
  if (append_collapsed(b, p, PX__MIN(n, 4000), &sp) != PX_OK) px__buf_clear(b);
  trim_buf(b);
}

/* Text of a subtree (all of it), collapsed, into b (bounded). */
static void node_text(myhtml_tree_node_t *root, px__buf *b, size_t maxlen) {
  px__buf_clear(b);
  bool sp = false;
  myhtml_tree_node_t *n = myhtml_node_child(root);
  while (n && b->len < maxlen) {
    unsigned t = (unsigned)myhtml_node_tag_id(n);
    if (t == MyHTML_TAG__TEXT) {
      size_t l;
      const char *x = myhtml_node_text(n, &l);
      if (x && append_collapsed(b, x, PX__MIN(l, maxlen), &sp) != PX_OK) break;
    } else if (tag_is_block(t)) {
      sp = true;
    }
    myhtml_tree_node_t *c = (t == MyHTML_TAG_SCRIPT || t == MyHTML_TAG_STYLE) ? NULL
                                                                            : myhtml_node_child(n);
    if (c) {
      n = c;
      continue;
    }
    /* a block ends in a space too: <p>Luke Kim</p><small>Dec 17</small> */
    while (n && n != root) {
      if (tag_is_block((unsigned)myhtml_node_tag_id(n))) sp = true;
      if (myhtml_node_next(n)) break;
      n = myhtml_node_parent(n);
    }
    if (!n || n == root) break;
    n = myhtml_node_next(n);
  }
  trim_buf(b);
}

static const char *attr(myhtml_tree_node_t *n, const char *key, size_t *len) {
  size_t kl = strlen(key);
  for (myhtml_tree_attr_t *a = myhtml_node_attribute_first(n); a; a = myhtml_attribute_next(a)) {
    size_t l;
    const char *k = myhtml_attribute_key(a, &l);
    if (k && l == kl && strncasecmp(k, key, kl) == 0) {
      const char *v = myhtml_attribute_value(a, len);
      if (!v) *len = 0;
      return v ? v : "";
    }
  }
  *len = 0;
  return NULL;
}

/* Always inlined: w is a literal at every call (over a hundred thousand
 * per page set), so its length is known and most calls end at the length. */
static inline __attribute__((always_inline)) bool ieq(const char *p, size_t n, const char *w) {
  return p && strlen(w) == n && strncasecmp(p, w, n) == 0;
}

/* ---------------------------------------------------------------- JSON-LD */

static bool ld_type_is_article(json_t *t) {
  if (json_is_array(t)) {
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) if (ld_type_is_article(v)) return true;
    return false;
  }
  const char *s = json_string_value(t);
  if (!s) return false;
  return strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Posting") ||
         strstr(s, "Report") || strcmp(s, "Blog") == 0 || strstr(s, "Review");
}

/* The node of a JSON-LD document whose "@id" is `id` and that has a
 * "name" (a @graph's Person that an article's author points to). */
static json_t *ld_find_id(json_t *v, const char *id, int depth) {
  if (!v || depth > 6) return NULL;
  size_t i;
  json_t *e;
  if (json_is_array(v)) {
    json_array_foreach(v, i, e) {
      json_t *f = ld_find_id(e, id, depth + 1);
      if (f) return f;
    }
    return NULL;
  }
  if (!json_is_object(v)) return NULL;
  const char *vid = json_string_value(json_object_get(v, "@id"));
  if (vid && strcmp(vid, id) == 0 && json_object_get(v, "name")) return v;
  return ld_find_id(json_object_get(v, "@graph"), id, depth + 1);
}

/* The names of a JSON-LD author (a string, a Person, a list of them); a
 * reference {"@id": ...} is looked up in `root`, the document. */
static void ld_names(json_t *a, px__buf *out, int depth, px__buf *orgs, json_t *root) {
  if (depth > 4 || !a) return;
  if (json_is_string(a)) {
    const char *s = json_string_value(a);
    size_t n = json_string_length(a);
    if (n == 0 || n > 200 || strncmp(s, "http", 4) == 0) return;
    if (out->len) px__buf_puts(out, ", ");
    px__buf_append(out, s, n);
  } else if (json_is_array(a)) {
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) ld_names(v, out, depth + 1, orgs, root);
  } else if (json_is_object(a)) {
    const char *id = json_string_value(json_object_get(a, "@id"));
    if (!json_object_get(a, "name") && id && root) {
      json_t *f = ld_find_id(root, id, 0);
      if (f) ld_names(f, out, depth + 1, orgs, NULL);
      return;
    }
    /* An organisation is the publisher, not a byline. */
    const char *t = json_string_value(json_object_get(a, "@type"));
    if (t && (strcmp(t, "Organization") == 0 || strcmp(t, "NewsMediaOrganization") == 0 ||
              strcmp(t, "Corporation") == 0 || strcmp(t, "WebSite") == 0)) {
      if (orgs) ld_names(json_object_get(a, "name"), orgs, depth + 1, NULL, NULL);
      return;
    }
    ld_names(json_object_get(a, "name"), out, depth + 1, orgs, NULL);
  }
}

/* The JSON-LD @type values that say what a page is. */
static void ld_kind(meta *m, json_t *t) {
  if (json_is_array(t)) {
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) ld_kind(m, v);
    return;
  }
  const char *s = json_string_value(t);
  if (!s) return;
  if (strncmp(s, "http://schema.org/", 18) == 0) s += 18;
  else if (strncmp(s, "https://schema.org/", 19) == 0) s += 19;
  if (strcmp(s, "Product") == 0 || strcmp(s, "ProductGroup") == 0 || strcmp(s, "Offer") == 0 ||
      strcmp(s, "AggregateOffer") == 0 || strcmp(s, "IndividualProduct") == 0)
    m->sig.ld |= PX__LD_PRODUCT;
  else if (strcmp(s, "DiscussionForumPosting") == 0 || strcmp(s, "QAPage") == 0)
    m->sig.ld |= PX__LD_FORUM;
  else if (strcmp(s, "CollectionPage") == 0 || strcmp(s, "ItemList") == 0 ||
           strcmp(s, "SearchResultsPage") == 0 || strcmp(s, "OfferCatalog") == 0)
    m->sig.ld |= PX__LD_LISTING;
  else if (strcmp(s, "TechArticle") == 0 || strcmp(s, "APIReference") == 0 ||
           strcmp(s, "SoftwareSourceCode") == 0)
    m->sig.ld |= PX__LD_DOCS;
  else if (strcmp(s, "Service") == 0 || strcmp(s, "SoftwareApplication") == 0 ||
           strcmp(s, "WebApplication") == 0 || strcmp(s, "LocalBusiness") == 0 ||
           strcmp(s, "ProfessionalService") == 0)
    m->sig.ld |= PX__LD_SERVICE;
  else if (ld_type_is_article(t))
    m->sig.ld |= PX__LD_ARTICLE;
}

static void ld_visit(meta *m, json_t *v, int depth, bool *found, json_t *root) {
  if (!v || depth > 6) return;
  if (json_is_object(v)) ld_kind(m, json_object_get(v, "@type"));
  if (json_is_array(v)) {
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) ld_visit(m, e, depth + 1, found, root);
    return;
  }
  if (!json_is_object(v)) return;
  json_t *g = json_object_get(v, "@graph");
  if (g) ld_visit(m, g, depth + 1, found, root);
  bool art = ld_type_is_article(json_object_get(v, "@type"));
  json_t *dp = json_object_get(v, "datePublished");
  if (!art && !(dp && !*found)) {
    json_t *me = json_object_get(v, "mainEntity");
    if (me) ld_visit(m, me, depth + 1, found, root);
    return;
  }
  if (art && !*found) {
    /* The article object wins over a WebPage seen before it. */
    *found = true;
    px__buf_clear(&m->ld_date);
    px__buf_clear(&m->ld_author);
  }
  if (json_is_string(dp)) set_once(&m->ld_date, json_string_value(dp), json_string_length(dp));
  if (!art) return;
  json_t *h = json_object_get(v, "headline");
  if (!json_is_string(h)) h = json_object_get(v, "name");
  if (json_is_string(h)) set_once(&m->ld_headline, json_string_value(h), json_string_length(h));
  if (m->ld_author.len == 0) {
    ld_names(json_object_get(v, "author"), &m->ld_author, 0, &m->ld_org_author, root);
    if (m->ld_author.len == 0)
      ld_names(json_object_get(v, "creator"), &m->ld_author, 0, &m->ld_org_author, root);
  }
  json_t *pub = json_object_get(v, "publisher");
  if (json_is_object(pub)) {
    json_t *nm = json_object_get(pub, "name");
    if (json_is_string(nm))
      set_once(&m->ld_publisher, json_string_value(nm), json_string_length(nm));
  }
}

static void ld_parse(meta *m, const char *p, size_t n, bool *found) {
  json_error_t err;
  json_t *root = json_loadb(p, n, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &err);
  if (!root) return;
  ld_visit(m, root, 0, found, root);
  json_decref(root);
}

/* Decode the character references of HTML in b, in place: &#8211;
 * &#x27; and the named &amp; &lt; &gt; &quot; &apos; &nbsp; (a space);
 * twice, for text escaped twice ("&amp;#8230;").  Others stay as they are. */
static void unescape_html(px__buf *b) {
  for (int pass = 0; pass < 2 && b->len && memchr(b->ptr, '&', b->len); pass++) {
    size_t o = 0;
    for (size_t i = 0; i < b->len;) {
      char c = b->ptr[i];
      uint32_t cp = 0;
      size_t used = 0;
      if (c == '&') {
        static const struct { const char *name; char ch; } named[] = {
            {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''},
            {"nbsp;", ' '}, {NULL, 0}};
        const char *q = b->ptr + i + 1;
        size_t left = b->len - i - 1;
        for (size_t k = 0; named[k].name && !used; k++) {
          size_t nl = strlen(named[k].name);
          if (left >= nl && memcmp(q, named[k].name, nl) == 0) cp = (unsigned char)named[k].ch, used = nl + 1;
        }
        if (!used && left >= 3 && q[0] == '#') {
          bool hex = q[1] == 'x' || q[1] == 'X';
          size_t j = hex ? 2 : 1, d0 = j;
          uint32_t v = 0;
          for (; j < left && j < d0 + 7; j++) {
            char d = q[j];
            int dv = d >= '0' && d <= '9' ? d - '0'
                     : hex && (d | 32) >= 'a' && (d | 32) <= 'f' ? (d | 32) - 'a' + 10
                                                                 : -1;
            if (dv < 0) break;
            v = v * (hex ? 16 : 10) + (uint32_t)dv;
          }
          if (j > d0 && j < left && q[j] == ';' && v > 0 && v <= 0x10FFFF &&
              !(v >= 0xD800 && v <= 0xDFFF))
            cp = v, used = j + 2;
        }
      }
      if (!used) {
        b->ptr[o++] = c;
        i++;
        continue;
      }
      /* UTF-8: never longer than the reference it replaces */
      o += px__utf8_encode((int32_t)cp, b->ptr + o);
      i += used;
    }
    b->len = o;
    b->ptr[o] = '\0';
  }
}

/* ------------------------------------------------------------------- walk */

static int push_node(px__extractor *ex, myhtml_tree_node_t *n, int32_t parent, unsigned tag) {
  if (ex->nn == ex->nalloc) {
    size_t na = ex->nalloc ? ex->nalloc * 2 : 1024;
    nd *p = realloc(ex->nodes, na * sizeof(*p));
    if (!p) return -1;
    ex->nodes = p;
    ex->nalloc = na;
  }
  nd *d = &ex->nodes[ex->nn];
  memset(d, 0, sizeof(*d));
  d->n = n;
  d->parent = parent;
  d->tag = (uint16_t)tag;
  d->last = (uint32_t)ex->nn;
  myhtml_node_set_data(n, (void *)(uintptr_t)(ex->nn + 1));
  return (int)ex->nn++;
}

/* The index of a node visited by walk(), or -1 (never trusted past nn). */
static int32_t node_index(const px__extractor *ex, myhtml_tree_node_t *n) {
  if (!n) return -1;
  uintptr_t v = (uintptr_t)myhtml_node_get_data(n);
  if (v == 0 || v > ex->nn || ex->nodes[v - 1].n != n) return -1;
  return (int32_t)(v - 1);
}

/* A link to an author's page: a path folder of authors ("/author/",
 * "/people/", "/contributors/" ...).  One pass over the folders of the
 * URL: every <a> of a page is asked. */
static bool href_names_author(const char *v, size_t l) {
  static const char *const dirs[] = {"author", "authors", "autor",       "auteur",
                                     "journalist", "people", "staff",   "writers",
                                     "contributor", "contributors", NULL};
  const char *end = v + l, *s = memchr(v, '/', l);
  while (s) {
    const char *a = s + 1, *e = memchr(a, '/', (size_t)(end - a));
    if (!e) return false;
    size_t wl = (size_t)(e - a);
    if (wl >= 5 && wl <= 12)
      for (size_t k = 0; dirs[k]; k++)
        if (dirs[k][0] == a[0] && strlen(dirs[k]) == wl && memcmp(dirs[k], a, wl) == 0) return true;
    s = e;
  }
  return false;
}

/* A class naming an author or a byline ("author", "Byline", "post-author"):
 * the first letter in either case. */
static bool class_names_author(const char *v, size_t l) {
  for (size_t i = 0; i + 6 <= l; i++) {
    char c = v[i];
    if ((c == 'a' || c == 'A') && memcmp(v + i + 1, "uthor", 5) == 0) return true;
    if ((c == 'b' || c == 'B') && memcmp(v + i + 1, "yline", 5) == 0) return true;
  }
  return false;
}

/* How rare a letter is in English text (higher: rarer), by its place in
 * "etaoinshrdlcumwfgypbvkjxqz"; 0 for any other byte. */
static unsigned letter_rarity(unsigned char c) {
  static const uint8_t rank[26] = {3,  20, 12, 10, 1, 16, 17, 8,  5,  23, 22, 11, 14,
                                   6,  4,  19, 25, 9, 7,  2,  13, 21, 15, 24, 18, 26};
  c |= 32; /* upper to lower case; no other byte becomes a letter */
  return c >= 'a' && c <= 'z' ? rank[c - 'a'] : 0;
}

static bool contains_ci(const char *p, size_t n, const char *w) {
  size_t k = strlen(w);
  if (k == 0) return true;
  if (n < k) return false;
  /* The rarest letter of w (its first byte when it has no letter) is
   * found with memchr in either case (paragraphs are asked for many
   * phrases: a byte-by-byte loop was the cost, and a common first letter
   * stops memchr too often), then strncasecmp where w would start. */
  size_t j = 0;
  for (size_t i = 0, best = 0; i < k; i++) {
    unsigned r = letter_rarity((unsigned char)w[i]);
    if (r > best) best = r, j = i;
  }
  int lo = (unsigned char)w[j], up = lo;
  if (lo >= 'A' && lo <= 'Z') lo += 32;
  if (lo >= 'a' && lo <= 'z') up = lo - 32;
  const char *s = p + j;  /* the letter of a match starting at 0 */
  size_t last = n - k + 1; /* a match starts before here */
  const char *a = memchr(s, lo, last), *b = up != lo ? memchr(s, up, last) : NULL;
  while (a || b) {
    const char *q = !b || (a && a < b) ? a : b;
    if (strncasecmp(q - j, w, k) == 0) return true;
    size_t from = (size_t)(q - s) + 1;
    if (q == a) a = from < last ? memchr(s + from, lo, last - from) : NULL;
    else b = from < last ? memchr(s + from, up, last - from) : NULL;
  }
  return false;
}

static void clean_byline(const char *p, size_t n, px__buf *out);
static int parse_date_loose(const char *p, size_t n, int64_t *t);

/* Collect metadata from one element on the way down. */

/* A class word that names the author as a part of a component: "author"
 * after "__", "_" or "-" at the word's end ("post-hero__author",
 * "text__author", "card-author"), the way component CSS names the element
 * holding the name. */
static bool class_ends_author(const char *v, size_t l) {
  if (contains_ci(v, l, "comment") || contains_ci(v, l, "reply")) return false; /* a commenter */
  for (size_t i = 0; i < l;) {
    while (i < l && is_space((unsigned char)v[i])) i++;
    size_t s0 = i;
    while (i < l && !is_space((unsigned char)v[i])) i++;
    size_t n = i - s0;
    /* a CSS-modules hash after the name: "Author_author__4ceOm" */
    if (n > 9 && v[s0 + n - 6] == '_' && v[s0 + n - 7] == '_') {
      bool hash = true;
      for (size_t k = n - 5; k < n; k++) hash = hash && is_alnum(v[s0 + k]);
      if (hash) n -= 7;
    }
    if (n > 7 && n < 48 && strncasecmp(v + s0 + n - 6, "author", 6) == 0 &&
        (v[s0 + n - 7] == '_' || v[s0 + n - 7] == '-'))
      return true;
  }
  return false;
}

/* Only a list's separator (",", "&", "and", "with") stands between this
 * element and the link before it among its siblings. */
static bool after_list_sep(px__extractor *ex, myhtml_tree_node_t *n) {
  px__buf *b = &ex->names;
  myhtml_tree_node_t *up = myhtml_node_parent(n), *p;
  bool link = false;
  px__buf_clear(b);
  for (p = up ? myhtml_node_child(up) : NULL; p && p != n; p = myhtml_node_next(p)) {
    if (myhtml_node_tag_id(p) == MyHTML_TAG_A) {
      link = true;
      px__buf_clear(b);
    } else if (b->len <= 200) {
      size_t l = 0;
      const char *x = myhtml_node_tag_id(p) == MyHTML_TAG__TEXT ? myhtml_node_text(p, &l) : NULL;
      if (!x) node_text(p, &ex->tmp, 20), x = ex->tmp.ptr, l = ex->tmp.len;
      if (l && px__buf_append(b, x, PX__MIN(l, 40)) != PX_OK) return false;
    }
  }
  if (!p || !link || b->len > 200) return false;
  size_t i = 0, e = b->len;
  while (i < e && (is_space((unsigned char)b->ptr[i]) || b->ptr[i] == ',')) i++;
  while (e > i && (is_space((unsigned char)b->ptr[e - 1]) || b->ptr[e - 1] == ',')) e--;
  return e == i || ieq(b->ptr + i, e - i, "&") || ieq(b->ptr + i, e - i, "and") ||
         ieq(b->ptr + i, e - i, "with");
}

static void meta_element(px__extractor *ex, myhtml_tree_node_t *n, unsigned tag, bool *ld_found,
                         const attrs *A) {
  meta *m = &ex->m;
  size_t l, l2;
  const char *v;
  switch (tag) {
  case MyHTML_TAG_HTML:
    if ((v = attr(n, "lang", &l)) && l) set_once(&m->lang, v, l);
    break;
  case MyHTML_TAG_TITLE:
    if (m->title.len == 0) {
      node_text(n, &ex->tmp, 2000);
      set_once(&m->title, ex->tmp.ptr, ex->tmp.len);
    }
    break;
  case MyHTML_TAG_META: {
    const char *c = attr(n, "content", &l2);
    if (!c || !l2) break;
    const char *k = attr(n, "property", &l);
    if (!k) k = attr(n, "name", &l);
    if (!k) {
      if ((k = A->itemprop, l = A->itemprop_n, k) && ieq(k, l, "datePublished"))
        set_once(&m->item_date, c, l2);
      else if (k && ieq(k, l, "author")) set_once(&m->item_author, c, l2);
      else if ((k = attr(n, "http-equiv", &l)) && ieq(k, l, "content-language"))
        set_once(&m->lang, c, l2);
      break;
    }
    if (ieq(k, l, "twitter:label1")) {
      m->tw_label_author = contains_ci(c, l2, "written by") || ieq(c, l2, "author") ||
                           ieq(c, l2, "by");
      break;
    }
    if (ieq(k, l, "twitter:data1")) {
      if (m->tw_label_author && m->author_meta.len == 0) set_once(&m->author_meta, c, l2);
      break;
    }
    if (ieq(k, l, "og:type")) {
      m->sig.og = ieq(c, l2, "article") || contains_ci(c, l2, "article") ? 1
                  : contains_ci(c, l2, "product")                       ? 2
                  : ieq(c, l2, "website")                               ? 3
                                                                        : 4;
    } else if (ieq(k, l, "og:title")) set_once(&m->og_title, c, l2);
    else if (ieq(k, l, "twitter:title")) set_once(&m->tw_title, c, l2);
    else if (ieq(k, l, "og:site_name")) set_once(&m->site, c, l2);
    else if (ieq(k, l, "og:url")) set_once(&m->og_url, c, l2);
    else if (ieq(k, l, "article:published_time") || ieq(k, l, "og:published_time") ||
             ieq(k, l, "published_time") || ieq(k, l, "article:published"))
      set_once(&m->meta_date, c, l2);
    else if (ieq(k, l, "author") || ieq(k, l, "article:author") || ieq(k, l, "byl") ||
             ieq(k, l, "parsely-author") || ieq(k, l, "sailthru.author") ||
             ieq(k, l, "dc.creator") || ieq(k, l, "citation_author") ||
             ieq(k, l, "citation_authors")) {
      /* The scholarly metas write a name surname first ("Roe, Jane"): one
       * comma, a name either side, read as "Jane Roe". */
      char flip[200];
      const char *cm = ieq(k, l, "citation_author") && l2 < sizeof flip ? memchr(c, ',', l2) : NULL;
      if (cm && !memchr(cm + 1, ',', l2 - (size_t)(cm + 1 - c)) && cm > c) {
        const char *f = cm + 1;
        size_t fl = l2 - (size_t)(f - c), sl = (size_t)(cm - c);
        while (fl && is_space((unsigned char)*f)) f++, fl--;
        if (fl && fl + 1 + sl < sizeof flip) {
          memcpy(flip, f, fl);
          flip[fl] = ' ';
          memcpy(flip + fl + 1, c, sl);
          c = flip;
          l2 = fl + 1 + sl;
        }
      }
      if (!(l2 > 4 && strncmp(c, "http", 4) == 0)) {
        /* Repeated author metas (one per author) are all kept. */
        if (m->author_meta.len == 0) set_once(&m->author_meta, c, l2);
        else if (l2 < 200 && m->author_meta.len < 1000 &&
                 !memmem(m->author_meta.ptr, m->author_meta.len, c, l2) &&
                 px__buf_puts(&m->author_meta, ", ") == PX_OK)
          px__buf_append(&m->author_meta, c, l2);
      }
    } else if (ieq(k, l, "pubdate") || ieq(k, l, "publishdate") || ieq(k, l, "publish-date") ||
               ieq(k, l, "date") || ieq(k, l, "dc.date") || ieq(k, l, "dc.date.issued") ||
               ieq(k, l, "dcterms.created") || ieq(k, l, "dcterms.date") ||
               ieq(k, l, "sailthru.date") || ieq(k, l, "parsely-pub-date") ||
               ieq(k, l, "article.published") || ieq(k, l, "citation_publication_date") ||
               ieq(k, l, "original-publish-date") || ieq(k, l, "datepublished") ||
               ieq(k, l, "publication_date") || ieq(k, l, "release_date"))
      set_once(&m->item_date, c, l2);
    else if ((m->item_date.len == 0 || m->item_loose) && l < 40 && contains_ci(k, l, "publish") &&
             !contains_ci(k, l, "publisher")) {
      /* "published", "w-published-date", "publish-date": a date if it
       * parses. Of several such metas the earliest: a later one is the
       * time the page was built or republished ("published-time" the day
       * it was fetched beside a "published-date" years before). */
      int64_t t, t0;
      if (parse_date_loose(c, l2, &t) == PX_OK &&
          (m->item_date.len == 0 ||
           (parse_date_loose(m->item_date.ptr, m->item_date.len, &t0) == PX_OK && t < t0))) {
        px__buf_clear(&m->item_date);
        set_once(&m->item_date, c, l2);
        m->item_loose = true;
      }
    } else if (ieq(k, l, "og:locale") && m->lang.len == 0)
      set_once(&m->lang, c, l2);
    break;
  }
  case MyHTML_TAG_LINK:
    if (ieq(A->rel, A->rel_n, "canonical") && (v = attr(n, "href", &l)) && l)
      set_once(&m->canonical, v, l);
    break;
  case MyHTML_TAG_SCRIPT:
    if ((v = attr(n, "type", &l)) && ieq(v, l, "application/ld+json")) {
      myhtml_tree_node_t *c = myhtml_node_child(n);
      const char *x = c ? myhtml_node_text(c, &l) : NULL;
      if (x && l) ld_parse(m, x, l, ld_found);
    }
    break;
  case MyHTML_TAG_H1:
    if (m->nh1 < MAX_H1) {
      node_text(n, &m->h1[m->nh1], 1000);
      m->h1_node[m->nh1] = (uint32_t)(ex->nn - 1);
      if (m->h1[m->nh1].len) m->nh1++;
    }
    break;
  case MyHTML_TAG_TIME:
    if ((v = attr(n, "datetime", &l)) && l) {
      size_t ln;
      const char *pd = attr(n, "pubdate", &ln);
      if (pd || ieq(A->itemprop, A->itemprop_n, "datePublished")) set_once(&m->time_pub, v, l);
      else set_once(&m->time_any, v, l);
      if (m->time_dt.len == 0) {
        node_text(n, &ex->tmp, 200);
        if (ex->tmp.len && ex->tmp.len <= 90) {
          set_once(&m->time_dt, v, l);
          set_once(&m->time_shown, ex->tmp.ptr, ex->tmp.len);
        }
      }
    }
    break;
  default:
    break;
  }
  if (tag != MyHTML_TAG_META && (v = A->itemprop, l = A->itemprop_n, v)) {
    if (ieq(v, l, "datePublished")) {
      const char *c = attr(n, "content", &l2);
      if (!c || !l2) c = attr(n, "datetime", &l2);
      if (c && l2) set_once(&m->item_date, c, l2);
    } else if ((ieq(v, l, "author") || ieq(v, l, "creator")) && m->item_author.len == 0) {
      node_text(n, &ex->tmp, 300);
      set_once(&m->item_author, ex->tmp.ptr, ex->tmp.len);
    }
  }
  bool link = tag != MyHTML_TAG_META && tag != MyHTML_TAG_BODY && tag != MyHTML_TAG_HTML &&
              (ieq(A->rel, A->rel_n, "author") ||
               (tag == MyHTML_TAG_A && (v = attr(n, "href", &l)) && l < 300 &&
                href_names_author(v, l)));
  myhtml_tree_node_t *up = myhtml_node_parent(n), *up2 = up ? myhtml_node_parent(up) : NULL;
  if (link && m->byline_el.len && m->link_up[0] && m->byline_el.len < 250 &&
      ((up == m->link_up[0] && after_list_sep(ex, n)) ||
       (up2 && up2 == m->link_up[1] && after_list_sep(ex, up)))) {
    /* the next author's link beside the first: a name that is not yet in
     * the byline joins it */
    node_text(n, &ex->tmp, 400);
    if (ex->tmp.len > 2 && ex->tmp.len < 100) {
      clean_byline(ex->tmp.ptr, ex->tmp.len, &ex->names);
      if (ex->names.len &&
          !memmem(m->byline_el.ptr, m->byline_el.len, ex->names.ptr, ex->names.len) &&
          px__buf_puts(&m->byline_el, ", ") == PX_OK &&
          px__buf_append(&m->byline_el, ex->names.ptr, ex->names.len) == PX_OK)
        m->link_more++;
    }
  }
  if (m->byline_el.len == 0 && tag != MyHTML_TAG_META && tag != MyHTML_TAG_BODY &&
      tag != MyHTML_TAG_HTML) {
    bool hit = false;
    if (link) hit = true;
    else if ((v = A->cls, l = A->cls_n, v) && l < 200 &&
             class_names_author(v, l) &&
             !contains_ci(v, l, "comment") && /* a commenter is not the author */
             (contains_ci(v, l, "byline") || contains_ci(v, l, "by-line") ||
              contains_ci(v, l, "author-name") ||
              contains_ci(v, l, "authorname") || contains_ci(v, l, "author__name") ||
              contains_ci(v, l, "author-link") || ieq(v, l, "author") ||
              ieq(v, l, "post-author") || contains_ci(v, l, "author-details") ||
              contains_ci(v, l, "author-info") ||
              contains_ci(v, l, "header-author") || contains_ci(v, l, "authored-by") ||
              contains_ci(v, l, "article-author") || contains_ci(v, l, "entry-author") ||
              class_ends_author(v, l) ||
              /* "author-box__name", "post_author_name": the author's name part */
              contains_ci(v, l, "name")))
      hit = true;
    if (hit) {
      node_text(n, &ex->tmp, 400);
      if (ex->tmp.len > 2 && ex->tmp.len < 300) {
        /* Keep the first candidate that reads as names. */
        clean_byline(ex->tmp.ptr, ex->tmp.len, &ex->names);
        if (ex->names.len) {
          set_once(&m->byline_el, ex->tmp.ptr, ex->tmp.len);
          if (link) m->link_up[0] = up, m->link_up[1] = up2;
        }
      }
    }
  }
}

/* The day a time falls on (days since 1970-01-01, floored). */
static int64_t floor_day(int64_t t) { return t >= 0 ? t / 86400 : -((-t + 86399) / 86400); }

/* A short text that reads as a date: a month name, an ISO date or a
 * day.month.year / month/day/year in digits, and a plausible year. */
static bool looks_date(const char *x, size_t l) {
  static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                       "aug", "sep", "oct", "nov", "dec", NULL};
  bool year = false, month = false;
  for (size_t i = 0; i + 4 <= l; i++) {
    if ((x[i] == '1' && x[i + 1] == '9') || (x[i] == '2' && x[i + 1] == '0')) {
      bool d4 = x[i + 2] >= '0' && x[i + 2] <= '9' && x[i + 3] >= '0' && x[i + 3] <= '9';
      bool edge = (i == 0 || !(x[i - 1] >= '0' && x[i - 1] <= '9')) &&
                  (i + 4 == l || !(x[i + 4] >= '0' && x[i + 4] <= '9'));
      if (d4 && edge) {
        year = true;
        if (i + 10 <= l && x[i + 4] == '-' && x[i + 7] == '-') month = true;
        /* 23.07.2025, 10/31/2024: day and month in digits before the year */
        if (i >= 4 && (x[i - 1] == '.' || x[i - 1] == '/')) {
          size_t j = i - 1, k = 0;
          while (j > 0 && k < 3 && x[j - 1] >= '0' && x[j - 1] <= '9') j--, k++;
          if (k >= 1 && k <= 2 && j >= 2 && x[j - 1] == x[i - 1] && x[j - 2] >= '0' &&
              x[j - 2] <= '9')
            month = true;
        }
      }
    }
  }
  if (!year) return false;
  for (size_t i = 0; !month && i + 3 <= l; i++)
    for (size_t k = 0; months[k]; k++)
      if (strncasecmp(x + i, months[k], 3) == 0 && (i == 0 || !is_alnum(x[i - 1]))) {
        month = true;
        break;
      }
  return month;
}

/* px_parse_date, and also "2023 Jan 7" (year first). */
static int parse_date_loose(const char *p, size_t n, int64_t *t) {
  if (px_parse_date(p, n, t) == PX_OK) return PX_OK;
  if (n >= 8 && n < 60 && p[4] == ' ' && p[0] >= '1' && p[0] <= '2') {
    char b[64];
    snprintf(b, sizeof(b), "%.*s %.4s", (int)(n - 5), p + 5, p);
    return px_parse_date(b, strlen(b), t);
  }
  return PX_EFORMAT;
}

/* A date written as text on the page, with what surrounds it: "Published
 * on July 18, 2025", "- Mar 27, 2024", "Jun 08, 2023 \u2022 12 min read",
 * "September 1st, 2023", "23.07.2025", "Friday December 19, 2025 @08:00PM".
 * Up to three leading words are skipped; the text is cut at a separator
 * (" | ", a bullet, " - ", "@"); ordinals lose their suffix. */
static int parse_text_date_part(const char *x, size_t l, int64_t *t, size_t *cut);

/* A date in the first part of the text (parse_text_date_part), else in
 * a later one: "Ana Ruiz | Senior Writer | July 2, 2025". */
static int parse_text_date(const char *x, size_t l, int64_t *t) {
  if (l > 90) return PX_EFORMAT;
  for (int part = 0; part < 4 && l; part++) {
    size_t cut;
    if (parse_text_date_part(x, l, t, &cut) == PX_OK) return PX_OK;
    if (cut >= l) break;
    x += cut + 1, l -= cut + 1;
  }
  return PX_EFORMAT;
}

/* *cut is where the text was cut (l when it was not). */
static int parse_text_date_part(const char *x, size_t l, int64_t *t, size_t *cut) {
  char b[96];
  size_t n = 0;
  *cut = l;
  for (size_t i = 0; i < l && n + 1 < sizeof(b); i++) {
    unsigned char c = (unsigned char)x[i];
    /* cut at " | ", a bullet or a middle dot, " - " after the start */
    if (n > 6 && (c == '|' || c == '@' || (c == 0xE2 && i + 2 < l && (unsigned char)x[i + 1] == 0x80 &&
                               (unsigned char)x[i + 2] == 0xA2) ||
                  (c == 0xC2 && i + 1 < l && (unsigned char)x[i + 1] == 0xB7) ||
                  (c == '-' && i > 0 && x[i - 1] == ' ' && i + 1 < l && x[i + 1] == ' '))) {
      *cut = i;
      break;
    }
    /* 1st, 2nd, 3rd, 4th: drop the suffix */
    if (n && b[n - 1] >= '0' && b[n - 1] <= '9' && i + 1 < l &&
        ((strncasecmp(x + i, "st", 2) == 0) || (strncasecmp(x + i, "nd", 2) == 0) ||
         (strncasecmp(x + i, "rd", 2) == 0) || (strncasecmp(x + i, "th", 2) == 0)) &&
        (i + 2 == l || !is_alnum(x[i + 2]))) {
      i++;
      continue;
    }
    b[n++] = (char)(c < 0x80 ? c : ' ');
  }
  b[n] = '\0';
  size_t s0 = 0;
  for (int w = 0; w < 4 && s0 < n; w++) {
    while (s0 < n && !is_alnum(b[s0])) s0++;
    size_t e = n;
    while (e > s0 && !is_alnum(b[e - 1])) e--;
    if (e > s0) {
      /* 23.07.2025: day first */
      if (e - s0 == 10 && b[s0 + 2] == '.' && b[s0 + 5] == '.') {
        char d[16];
        snprintf(d, sizeof(d), "%.4s-%.2s-%.2s", b + s0 + 6, b + s0 + 3, b + s0);
        if (px_parse_date(d, 10, t) == PX_OK) return PX_OK;
      }
      if (parse_date_loose(b + s0, e - s0, t) == PX_OK) return PX_OK;
    }
    while (s0 < n && is_alnum(b[s0])) s0++;
  }
  return PX_EFORMAT;
}

/* A byline written as text: "By <a>Jane Doe</a>", or a label ("Written
 * by", "Author") whose element is followed by one holding the name. */
static void text_byline(px__extractor *ex, myhtml_tree_node_t *parent, const char *x, size_t l) {
  while (l && is_space((unsigned char)*x)) x++, l--;
  while (l && (is_space((unsigned char)x[l - 1]) || x[l - 1] == ':')) l--;
  if (l < 2 || l > 80) return;
  static const char *const labels[] = {"by",      "written by", "posted by",    "words by",
                                       "author",  "authors",    "story by",     "text by",
                                       "reporting by", "article by", "contributors",
                                       "contributor", "contributed by", NULL};
  bool label = false, lead = false;
  for (size_t i = 0; labels[i]; i++) {
    size_t k = strlen(labels[i]);
    if (l == k && strncasecmp(x, labels[i], k) == 0) label = true;
    else if (i < 4 && l > k + 1 && strncasecmp(x, labels[i], k) == 0 && x[k] == ' ') lead = true;
  }
  if (!label && !lead) return;
  /* a label inside a link is a link's text (a menu's "Contributors") */
  myhtml_tree_node_t *up1 = myhtml_node_parent(parent);
  if (label && (myhtml_node_tag_id(parent) == MyHTML_TAG_A ||
                (up1 && myhtml_node_tag_id(up1) == MyHTML_TAG_A)))
    return;
  px__buf *t = &ex->tmp;
  node_text(parent, t, 300);
  if (t->len > 150) return;
  if (label && t->len <= l + 1) {
    /* <p><span>By </span>Jane Doe</p>: the name is the text that follows */
    myhtml_tree_node_t *sib = myhtml_node_next(parent), *holder = myhtml_node_parent(parent);
    if (sib && holder && myhtml_node_tag_id(sib) == MyHTML_TAG__TEXT) {
      size_t sl;
      const char *sx = myhtml_node_text(sib, &sl);
      bool words = false;
      for (size_t i = 0; sx && i < sl && !words; i++) words = !is_space((unsigned char)sx[i]);
      if (words) {
        node_text(holder, t, 300);
        if (t->len > 150) return;
        clean_byline(t->ptr, t->len, &ex->names);
        if (ex->names.len) set_once(&ex->m.byline_text, t->ptr, t->len);
        return;
      }
    }
    /* the label stands alone: the name is in the next element */
    myhtml_tree_node_t *at = parent, *nx = NULL;
    for (int up = 0; up < 3 && at && !nx; up++) {
      nx = myhtml_node_next(at);
      while (nx && (myhtml_node_tag_id(nx) == MyHTML_TAG__TEXT ||
                    myhtml_node_tag_id(nx) == MyHTML_TAG__COMMENT))
        nx = myhtml_node_next(nx);
      if (!nx) {
        /* <div><span>Written by</span></div><div>Name</div> */
        at = myhtml_node_parent(at);
        if (at) node_text(at, t, 300);
        if (!at || t->len > l + 1) return;
      }
    }
    if (!nx) return;
    node_text(nx, t, 300);
    if (t->len > 150) return;
  }
  clean_byline(t->ptr, t->len, &ex->names);
  if (ex->names.len) set_once(&ex->m.byline_text, t->ptr, t->len);
}

/* Elements that tell what kind of page this is (counted in the walk). */
static void page_signals(px__extractor *ex, myhtml_tree_node_t *n, unsigned tag, const attrs *A) {
  px__page *g = &ex->m.sig;
  size_t l;
  const char *v;
  switch (tag) {
  case MyHTML_TAG_ARTICLE: g->articles++; break;
  case MyHTML_TAG_INPUT:
    if ((v = attr(n, "type", &l)) && ieq(v, l, "password")) g->password++;
    break;
  case MyHTML_TAG_PRE: case MyHTML_TAG_CODE: g->code++; break;
  case MyHTML_TAG_TEXTAREA: g->forms++; break;
  case MyHTML_TAG_BUTTON: {
    node_text(n, &ex->tmp, 60);
    if (contains_ci(ex->tmp.ptr ? ex->tmp.ptr : "", ex->tmp.len, "add to cart") ||
        contains_ci(ex->tmp.ptr ? ex->tmp.ptr : "", ex->tmp.len, "add to bag") ||
        contains_ci(ex->tmp.ptr ? ex->tmp.ptr : "", ex->tmp.len, "add to basket") ||
        contains_ci(ex->tmp.ptr ? ex->tmp.ptr : "", ex->tmp.len, "buy now"))
      g->cart++;
    break;
  }
  default: break;
  }
  if (A->itemprop && (ieq(A->itemprop, A->itemprop_n, "price") ||
                      ieq(A->itemprop, A->itemprop_n, "priceCurrency")))
    g->cart++;
}

/* The non-space bytes (is_space) and the commas of a text node: every
 * byte of the page's text is counted here, 16 at a time with SSE2 (each
 * lane counts its matches, summed every 255 blocks before a lane can
 * overflow). */
static void count_text(const char *x, size_t l, uint32_t *cnt, uint32_t *commas) {
  uint32_t ns = 0, cm = 0;
  size_t i = 0;
#ifdef __SSE2__
  const __m128i sp = _mm_set1_epi8(' '), comma = _mm_set1_epi8(','), nine = _mm_set1_epi8(9),
                four = _mm_set1_epi8(4), zero = _mm_setzero_si128();
  while (i + 16 <= l) {
    __m128i ws_n = zero, cm_n = zero;
    size_t from = i, stop = i + 255 * 16 < l ? i + 255 * 16 : l;
    for (; i + 16 <= stop; i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(x + i));
      __m128i vc = _mm_sub_epi8(v, nine); /* \t \n \v \f \r: byte - 9 <= 4 unsigned */
      __m128i ws = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(vc, four), vc), _mm_cmpeq_epi8(v, sp));
      ws_n = _mm_sub_epi8(ws_n, ws); /* a match is -1 */
      cm_n = _mm_sub_epi8(cm_n, _mm_cmpeq_epi8(v, comma));
    }
    __m128i s = _mm_sad_epu8(ws_n, zero), c = _mm_sad_epu8(cm_n, zero);
    ns += (uint32_t)(i - from) - (uint32_t)(_mm_cvtsi128_si32(s) + _mm_extract_epi16(s, 4));
    cm += (uint32_t)(_mm_cvtsi128_si32(c) + _mm_extract_epi16(c, 4));
  }
#endif
  for (; i < l; i++) {
    unsigned char c = (unsigned char)x[i];
    if (!is_space(c)) ns++;
    if (c == ',') cm++;
  }
  *cnt = ns;
  *commas = cm;
}

/* Build the node array; count text; gather metadata. */
static int walk(px__extractor *ex, myhtml_tree_node_t *root, uint32_t *total_ptext) {
  ex->nn = 0;
  bool ld_found = false;
  myhtml_tree_node_t *n = root;
  int32_t cur_parent = -1;
  /* Per element on the path: inside <p>, inside <a>, skipped. */
  while (n) {
    unsigned tag = (unsigned)myhtml_node_tag_id(n);
    bool descend = false;
    if (tag == MyHTML_TAG__TEXT) {
      int32_t pi = node_index(ex, myhtml_node_parent(n));
      if (pi >= 0) {
        nd *p = &ex->nodes[pi];
        size_t l;
        const char *x = myhtml_node_text(n, &l);
        uint32_t cnt = 0, commas = 0;
        if (x) count_text(x, l, &cnt, &commas);
        if (ex->m.byline_text.len == 0 && !(p->flags & F_SKIP) && cnt >= 2 && l <= 100)
          text_byline(ex, p->n, x, l);
        if (ex->m.text_date.len == 0 && cnt >= 8) {
          /* the text trimmed: a date set on its own indented line */
          const char *tx = x;
          size_t tl = l;
          while (tl && is_space((unsigned char)tx[0])) tx++, tl--;
          while (tl && is_space((unsigned char)tx[tl - 1])) tl--;
          int64_t t;
          if (tl <= 60 && looks_date(tx, tl)) {
            set_once(&ex->m.text_date, tx, tl);
            if (parse_text_date(ex->m.text_date.ptr, ex->m.text_date.len, &t) != PX_OK)
              px__buf_clear(&ex->m.text_date);
          }
        }
        if (!(p->flags & F_SKIP)) {
          p->own += cnt;
          p->commas += commas;
          if (p->flags & F_INLINK) p->link += cnt;
        }
      }
    } else if (tag != MyHTML_TAG__COMMENT && tag != MyHTML_TAG__DOCTYPE &&
               tag != MyHTML_TAG__UNDEF) {
      myhtml_tree_node_t *pn = myhtml_node_parent(n);
      int32_t pi = pn ? node_index(ex, pn) : -1;
      int idx = push_node(ex, n, pi, tag);
      if (idx < 0) return PX_ENOMEM;
      nd *d = &ex->nodes[idx];
      nd *p = pi >= 0 ? &ex->nodes[pi] : NULL;
      bool in_skip = p && (p->flags & F_SKIP);
      attrs A;
      scan_attrs(n, &A);
      meta_element(ex, n, tag, &ld_found, &A);
      if (!(in_skip || A.hidden)) page_signals(ex, n, tag, &A);
      int w;
      bool cut, weak, hidden = A.hidden;
      class_hints(ex, &A, &w, &cut, &weak);
      d->weight = (int16_t)w;
      d->cls = A.cls;
      d->cls_n = (uint32_t)A.cls_n;
      /* <header>, <nav>, <footer>, <aside> and <form> (a sign-up or
       * download box) are cut like a boilerplate class: unless they hold
       * most of the page's paragraphs (some sites put the article in one,
       * a misnested page can too, and ASP.NET wraps the page in a form). */
      if (cut || tag == MyHTML_TAG_HEADER || tag == MyHTML_TAG_NAV || tag == MyHTML_TAG_FOOTER ||
          tag == MyHTML_TAG_ASIDE || tag == MyHTML_TAG_FORM)
        d->flags |= F_STRONGNEG;
      if (cut && weak) d->flags |= F_WEAKCUT;
      if (A.itemprop && ieq(A.itemprop, A.itemprop_n, "articleBody")) d->flags |= F_ARTBODY;
      if (in_skip || tag_is_skipped(tag) || (hidden && tag != MyHTML_TAG_BODY &&
                                             tag != MyHTML_TAG_HTML))
        d->flags |= F_SKIP;
      if (p && (p->flags & F_INLINK)) d->flags |= F_INLINK;
      if (tag == MyHTML_TAG_A) d->flags |= F_INLINK;
      if (p && tag_is_block(tag)) p->flags |= F_BLOCKKID;
      /* Scripts and styles hold no elements; other skipped subtrees are
       * still walked for metadata (a header's <time>, a byline). */
      descend = tag != MyHTML_TAG_SCRIPT && tag != MyHTML_TAG_STYLE &&
                tag != MyHTML_TAG_TEMPLATE && tag != MyHTML_TAG_SVG && tag != MyHTML_TAG_MATH;
    }
    PX__UNUSED(cur_parent);
    myhtml_tree_node_t *c = descend ? myhtml_node_child(n) : NULL;
    if (c) {
      n = c;
      continue;
    }
    while (n && n != root && !myhtml_node_next(n)) n = myhtml_node_parent(n);
    if (!n || n == root) break;
    n = myhtml_node_next(n);
  }
  /* Paragraph text total (ignores class cuts), and how much of it comes
   * before each <h1>. */
  uint32_t tp = 0;
  int h = 0;
  for (size_t i = 0; i < ex->nn; i++) {
    nd *d = &ex->nodes[i];
    for (; h < ex->m.nh1 && ex->m.h1_node[h] <= i; h++) ex->m.h1_before[h] = tp;
    if (d->flags & F_SKIP) continue;
    /* own text of a node inside a <p> counts as paragraph text */
    bool inp = d->tag == MyHTML_TAG_P;
    for (int32_t a = d->parent, k = 0; !inp && a >= 0 && k < 4; a = ex->nodes[a].parent, k++)
      if (ex->nodes[a].tag == MyHTML_TAG_P) inp = true;
    if (inp) {
      d->ptext = d->own;
      tp += d->own;
    }
  }
  *total_ptext = tp;
  return PX_OK;
}

/* Paragraph text held by the elements of each class value cut only for a
 * weak word: a page builder wraps every block of the article in the same
 * "...-widget-container" class, and such a class whose elements together
 * hold most of the page's paragraphs is the article's, not boilerplate.
 * (A comment thread's many "comment" blocks are cut whatever they hold.) */
typedef struct cls_sum {
  uint64_t h;
  uint32_t ptext;
} cls_sum;

static uint64_t cls_hash(const nd *d) {
  return d->cls_n ? px__hash64(d->cls, d->cls_n, 0x9e3779b97f4a7c15ull) | 1 : 0;
}

static cls_sum *cls_slot(cls_sum *t, size_t cap, uint64_t h) {
  size_t i = (size_t)h & (cap - 1);
  while (t[i].h && t[i].h != h) i = (i + 1) & (cap - 1);
  return &t[i];
}

/* Sum bottom-up and decide the class cuts. */
static void sum_up(px__extractor *ex, uint32_t total_ptext) {
  size_t nneg = 0;
  for (size_t i = ex->nn; i-- > 0;) {
    nd *d = &ex->nodes[i];
    if (d->flags & F_WEAKCUT) nneg++;
    if (d->parent >= 0) ex->nodes[d->parent].ptext += d->ptext;
  }
  size_t cap = 16;
  while (cap < nneg * 2) cap <<= 1;
  cls_sum *sums = nneg ? calloc(cap, sizeof(*sums)) : NULL;
  if (sums) {
    for (size_t i = 0; i < ex->nn; i++) {
      const nd *d = &ex->nodes[i];
      if (!(d->flags & F_WEAKCUT) || d->ptext == 0) continue; /* before hashing: most are not */
      uint64_t h = cls_hash(d);
      if (!h) continue;
      /* Count an element once: not again inside one of the same class. */
      bool nested = false;
      for (int32_t a = d->parent, k = 0; a >= 0 && k < 8; a = ex->nodes[a].parent, k++)
        if (cls_hash(&ex->nodes[a]) == h) nested = true;
      if (!nested) cls_slot(sums, cap, h)->h = h, cls_slot(sums, cap, h)->ptext += d->ptext;
    }
  }
  for (size_t i = ex->nn; i-- > 0;) {
    nd *d = &ex->nodes[i];
    d->text += d->own;
    if (d->parent >= 0 && ex->nodes[d->parent].last < d->last) ex->nodes[d->parent].last = d->last;
    if (d->tag == MyHTML_TAG_P && !(d->flags & F_SKIP)) d->paras++;
    if ((d->flags & F_STRONGNEG) && !(d->flags & F_SKIP) && d->tag != MyHTML_TAG_BODY &&
        d->tag != MyHTML_TAG_HTML && d->tag != MyHTML_TAG_ARTICLE &&
        d->tag != MyHTML_TAG_MAIN && !(total_ptext > 0 && d->ptext * 2 > total_ptext)) {
      uint64_t h = cls_hash(d);
      const cls_sum *cs = sums && h ? cls_slot(sums, cap, h) : NULL;
      if (!(cs && cs->h == h && total_ptext > 0 && (uint64_t)cs->ptext * 2 > total_ptext))
        d->flags |= F_CUT;
    }
    if (d->parent < 0) continue;
    nd *p = &ex->nodes[d->parent];
    if (d->flags & (F_SKIP | F_CUT)) continue;
    p->text += d->text;
    p->link += d->link;
    p->commas += d->commas;
    p->paras += d->paras;
  }
  free(sums);
  for (size_t i = 0; i < ex->nn; i++) {
    nd *d = &ex->nodes[i];
    if ((d->flags & (F_SKIP | F_CUT)) || (d->parent >= 0 && (ex->nodes[d->parent].flags & F_DEAD)))
      d->flags |= F_DEAD;
  }
}

static float link_density(const nd *d) { return d->text ? (float)d->link / (float)d->text : 0.f; }

static int tag_base(unsigned t) {
  switch (t) {
  case MyHTML_TAG_DIV: return 5;
  case MyHTML_TAG_ARTICLE: return 10;
  case MyHTML_TAG_MAIN: return 5;
  case MyHTML_TAG_SECTION: return 3;
  case MyHTML_TAG_PRE: case MyHTML_TAG_TD: case MyHTML_TAG_BLOCKQUOTE: return 3;
  case MyHTML_TAG_ADDRESS: case MyHTML_TAG_OL: case MyHTML_TAG_UL: case MyHTML_TAG_DL:
  case MyHTML_TAG_DD: case MyHTML_TAG_DT: case MyHTML_TAG_LI: case MyHTML_TAG_FORM: return -3;
  case MyHTML_TAG_H1: case MyHTML_TAG_H2: case MyHTML_TAG_H3: case MyHTML_TAG_H4:
  case MyHTML_TAG_H5: case MyHTML_TAG_H6: case MyHTML_TAG_TH: return -5;
  default: return 0;
  }
}

static bool is_paragraph_like(const nd *d) {
  switch (d->tag) {
  case MyHTML_TAG_P: case MyHTML_TAG_PRE: case MyHTML_TAG_TD: case MyHTML_TAG_BLOCKQUOTE:
    return true;
  case MyHTML_TAG_DIV: case MyHTML_TAG_SECTION: case MyHTML_TAG_ARTICLE:
    return !(d->flags & F_BLOCKKID) || d->own >= 100;
  default:
    return false;
  }
}

/* Score containers; return the index of the best one (or -1). */
static int32_t score(px__extractor *ex) {
  nd *N = ex->nodes;
  for (size_t i = 0; i < ex->nn; i++) N[i].score = 0;
  static const float div[] = {1.f, 2.f, 6.f, 9.f, 12.f};
  for (size_t i = 0; i < ex->nn; i++) {
    nd *d = &N[i];
    if ((d->flags & F_DEAD) || !is_paragraph_like(d)) continue;
    uint32_t len = d->tag == MyHTML_TAG_P || !(d->flags & F_BLOCKKID) ? d->text : d->own;
    if (len < 25) continue;
    float s = 1.f + (float)d->commas + PX__MIN((float)len / 100.f, 3.f);
    /* Loose text directly in a container that also has blocks counts as
     * a paragraph inside that container: the container gets the score. */
    int32_t a = d->tag != MyHTML_TAG_P && (d->flags & F_BLOCKKID) ? (int32_t)i : d->parent;
    for (int k = 0; k < 5 && a >= 0; k++, a = N[a].parent) {
      if (N[a].tag == MyHTML_TAG_HTML) break;
      if (N[a].score == 0) N[a].score = (float)(tag_base(N[a].tag) + N[a].weight) + 1e-3f;
      N[a].score += s / div[k];
    }
  }
  int32_t best = -1;
  float bs = 0;
  for (size_t i = 0; i < ex->nn; i++) {
    nd *d = &N[i];
    if (d->score == 0 || (d->flags & F_DEAD)) continue;
    d->score *= 1.f - link_density(d);
    if (best < 0 || d->score > bs) {
      best = (int32_t)i;
      bs = d->score;
    }
  }
  return best;
}

static bool starts_ci(const char *p, size_t n, const char *w);

/* Whether a short text opens with a call to act: "Get a quote", "Talk
 * to our experts", "Ready to move?". */
static bool starts_call(const char *p, size_t n) {
  static const char *const verbs[] = {
      "get ", "start ", "try ", "join ", "sign up", "subscribe", "download ", "book ",
      "schedule ", "request ", "contact ", "talk ", "call ", "claim ", "unlock ", "grow ",
      "stop ", "discover ", "boost ", "apply ", "register ", "become ", "let's ", "let us ",
      "let\xE2\x80\x99s ", "ready ", "want ", "need ", "looking for ", "see how ", "find out ",
      "learn how ", "explore ", "enroll ", "reserve ", "save ", NULL};
  for (size_t i = 0; verbs[i]; i++)
    if (starts_ci(p, n, verbs[i])) return true;
  return false;
}

/* A link styled as a button ("btn", "wp-block-button__link") or a
 * <button>, with a short label. */
static bool is_button(const nd *d) {
  if (d->tag != MyHTML_TAG_A && d->tag != MyHTML_TAG_BUTTON) return false;
  if (d->text < 2 || d->text > 40) return false;
  if (d->tag == MyHTML_TAG_BUTTON) return true;
  return d->cls_n && (contains_ci(d->cls, d->cls_n, "button") || contains_ci(d->cls, d->cls_n, "btn"));
}

/* The pitch over a button: a short paragraph or heading that is a call to
 * act (it opens with one, or asks, and ends in no full stop) and whose
 * text runs straight into a button labelled with a call ("Stop searching.
 * Talk to our experts" [Talk to us!]).  A banner set in the article's own
 * markup, with no class to name it.  A product's name over its "Buy on
 * Amazon" button, or a sentence before a link styled as a button, is not
 * one.  One pass over the nodes in page order, keeping the text seen so
 * far; the texts are read only where a button follows a short block. */
/* A sign-up box without a <form> or a class to name it: the small block
 * around an e-mail field (text under 400 bytes, two paragraphs at most),
 * with its pitch ("Get the weekly digest in your inbox").  Cut with all
 * it holds. */
static void cut_email_boxes(px__extractor *ex) {
  nd *N = ex->nodes;
  for (size_t i = 0; i < ex->nn; i++) {
    if (N[i].tag != MyHTML_TAG_INPUT) continue;
    size_t l, pl = 0, nl = 0;
    const char *t = attr(N[i].n, "type", &l);
    const char *ph = attr(N[i].n, "placeholder", &pl), *nm = attr(N[i].n, "name", &nl);
    /* an e-mail field, or a text field asking for one */
    bool email = t && ieq(t, l, "email");
    if (!email && (!t || ieq(t, l, "text")))
      email = (ph && contains_ci(ph, pl, "email")) || (ph && contains_ci(ph, pl, "e-mail")) ||
              (nm && contains_ci(nm, nl, "email"));
    if (!email) continue;
    int32_t box = -1;
    for (int32_t a = N[i].parent, k = 0; a >= 0 && k < 8; a = N[a].parent, k++) {
      unsigned tg = N[a].tag;
      if (tg == MyHTML_TAG_BODY || tg == MyHTML_TAG_HTML || tg == MyHTML_TAG_MAIN ||
          tg == MyHTML_TAG_ARTICLE || N[a].text > 400 || N[a].paras > 2)
        break;
      box = a;
    }
    if (box < 0 || (N[box].flags & F_DEAD)) continue;
    N[box].flags |= F_CUT;
    for (uint32_t j = (uint32_t)box; j <= N[box].last; j++) N[j].flags |= F_DEAD;
    i = N[box].last;
  }
}

/* A short block read as a call to act: it opens with one or asks, and
 * ends in no full stop; 160 bytes at most. */
static bool call_line(px__extractor *ex, int32_t i) {
  if (ex->nodes[i].text > 160) return false;
  node_text(ex->nodes[i].n, &ex->tmp, 400);
  const char *t = ex->tmp.ptr ? ex->tmp.ptr : "";
  size_t tl = ex->tmp.len;
  char last = tl ? t[tl - 1] : '.';
  return last != '.' && (starts_call(t, tl) || last == '?' || last == '!');
}

static void cut_button_pitches(px__extractor *ex) {
  nd *N = ex->nodes;
  uint64_t run = 0;       /* live text before node i, in page order */
  int32_t pitch = -1;     /* the last short block seen, */
  uint64_t pitch_end = 0; /* and the text before its end */
  int32_t head = -1;      /* the short block before it, when no text came between */
  int32_t cut[6];         /* the blocks to cut, */
  int ncut = 0, calls = 0; /* and the calls found */
  for (size_t i = 0; i < ex->nn; i++) {
    nd *d = &N[i];
    /* A button is often wrapped in a small box cut by its class (a page
     * builder's "widget-button"): look for it inside, a few nodes deep. */
    nd *btn = NULL;
    if (pitch >= 0 && i > N[pitch].last && run == pitch_end) {
      if (!(d->flags & F_DEAD)) btn = is_button(d) ? d : NULL;
      else
        for (uint32_t j = (uint32_t)i; j <= d->last && j <= (uint32_t)i + 12 && !btn; j++)
          if (is_button(&N[j])) btn = &N[j];
    }
    if (btn) {
      node_text(btn->n, &ex->tmp, 80);
      const char *b = ex->tmp.ptr ? ex->tmp.ptr : "";
      if (starts_call(b, ex->tmp.len) || starts_ci(b, ex->tmp.len, "learn more")) {
        /* the pitch a call itself, or one sentence under a heading that
         * is ("Grow orders, save time" / "Owl links your apps." [Get a
         * demo]) */
        bool call = call_line(ex, pitch);
        if (!call && head >= 0 && N[pitch].text <= 200 && call_line(ex, head)) call = true;
        if (call) {
          calls++;
          if (ncut < 6) cut[ncut++] = pitch;
          if (head >= 0 && ncut < 6 && call_line(ex, head)) cut[ncut++] = head;
        }
      }
      pitch = head = -1;
    }
    if (d->flags & F_DEAD) {
      i = d->last; /* nothing inside counts */
      continue;
    }
    bool block = d->tag == MyHTML_TAG_P || (d->tag >= MyHTML_TAG_H2 && d->tag <= MyHTML_TAG_H6) ||
                 (d->tag == MyHTML_TAG_DIV && !(d->flags & F_BLOCKKID));
    if (block && d->text >= 10 && d->text <= 200 && link_density(d) < 0.5f) {
      head = pitch >= 0 && i > N[pitch].last && run == pitch_end ? pitch : -1;
      pitch = (int32_t)i;
      pitch_end = run + d->text;
    }
    run += d->own;
  }
  /* A page of cards, each with its button ("Start course", "Get a
   * quote"), is a listing: those are its content, and the page kind is
   * judged on them.  An article has a banner or three. */
  if (calls > 3) return;
  for (int k = 0; k < ncut; k++) N[cut[k]].flags |= F_CUT | F_DEAD;
}

/* ------------------------------------------------------------------- emit */

typedef struct emitter {
  px__buf *out, *para;
  uint32_t para_text, para_link;
  bool space;
  int rc;
  const meta *m;
  const px__buf *title; /* the page title: a paragraph repeating it is dropped */
  bool in_head;         /* the paragraph being gathered is a heading */
  size_t head_at;       /* start of the last paragraph written if a heading, else SIZE_MAX */
} emitter;

/* A phrase of the lists paragraphs are compared with, its length known
 * at compile time: every paragraph of a page is asked for a few hundred of
 * them, and strlen on each was most of the cost. */
typedef struct phrase {
  const char *w;
  size_t n;
} phrase;
#define PH(s) {s, sizeof(s) - 1}

static unsigned char fold_ascii(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* starts_ci for a phrase: the first byte is compared before strncasecmp
 * (it differs for almost every phrase). */
static bool starts_phrase(const char *p, size_t n, const phrase *ph) {
  return n >= ph->n && fold_ascii((unsigned char)p[0]) == fold_ascii((unsigned char)ph->w[0]) &&
         strncasecmp(p, ph->w, ph->n) == 0;
}

static bool boiler_line(const char *p, size_t n) {
  static const phrase lines[] = {
      PH("advertisement"), PH("advertisements"), PH("advert"), PH("ad"), PH("ads"), PH("sponsored"),
      PH("share this article"), PH("share this story"), PH("share this"), PH("share"),
      PH("sharing is caring"), PH("read more"), PH("continue reading"), PH("click here"),
      PH("related"), PH("related articles"), PH("related posts"), PH("related stories"),
      PH("more stories"), PH("you may also like"), PH("you might also like"), PH("recommended"),
      PH("sign up"), PH("subscribe"), PH("skip advertisement"), PH("tags"), PH("print"),
      PH("email"), PH("comments"), PH("leave a comment"), PH("leave a reply"),
      PH("tell us what you think"), PH("story continues below advertisement"),
      PH("article continues below"), PH("see also"), PH("this slideshow requires javascript"),
      PH("like this story? share it with a friend"),
      PH("like this article? share it with a friend"), PH("follow us"), PH("sign up"),
      PH("sign in"), PH("log in"), PH("login"), PH("register"), PH("home"), PH("contact us"),
      PH("search"), PH("search..."), PH("more..."), PH("more"), PH("subscribe now"), PH("related:"),
      PH("related blog posts"), PH("related reading"), PH("you might like"), PH("you may like"),
      PH("other posts you may enjoy"), PH("what others are reading"),
      PH("discussion about this post"), PH("ready for more?"), PH("be the first to comment"),
      PH("what do you think?"), PH("pin this for later"), PH("pin for later"),
      PH("pin it for later"), PH("newsletters"), PH("newsletter"), PH("join our mailing list"),
      PH("subscribe to our newsletter"), PH("sign up for our newsletter"),
      PH("sign up for newsletters"), PH("popular posts"), PH("recent posts"), PH("latest posts"),
      PH("trending"), PH("most popular"), PH("read next"), PH("up next"), PH("previous post"),
      PH("next post"), PH("back to top"), PH("in partnership with"), PH("presented by"),
      PH("recommends"), PH("article archive"), PH("jump to the list"), PH("jump to"),
      /* a table of contents' heading, feedback widgets, share and reply
       * links, list controls: what any template prints around a post */
      PH("table of contents"), PH("contents"), PH("in this article"), PH("on this page"),
      PH("jump to section"), PH("written by"), PH("follow"), PH("was this page helpful?"),
      PH("was this article helpful?"), PH("was this helpful?"), PH("was this page helpful"),
      PH("was this article helpful"), PH("was this helpful"), PH("thanks for your feedback"),
      PH("thank you for your feedback"), PH("tell us why"), PH("thanks for visiting"),
      PH("share on facebook"), PH("share on twitter"), PH("share on linkedin"), PH("share on x"),
      PH("tweet"), PH("pin it"), PH("email this"), PH("copy link"), PH("link copied"),
      PH("print this page"), PH("post navigation"), PH("previous article"), PH("next article"),
      PH("load more"), PH("show more"), PH("see more"), PH("view all"), PH("read full article"),
      PH("listen to this article"), PH("related content"), PH("filed under"), PH("cancel reply"),
      PH("reply"), PH("loading"), PH("skip to content"), PH("share this page"),
      PH("download the app"), PH("editor's picks"), PH("popular articles"), PH("latest articles"),
      PH("recent articles"), PH("more articles"), PH("you may also be interested in"),
      PH("latest news"),
      /* the lines blog and news templates print around every post
       * (WordPress, Blogger, Substack, Ghost, Medium themes) */
      PH("like this"), PH("share via"), PH("share via email"), PH("share on whatsapp"),
      PH("share on reddit"), PH("share on pinterest"), PH("share article"), PH("share post"),
      PH("share now"), PH("about the author"), PH("about the authors"), PH("newer post"),
      PH("older post"), PH("newer posts"), PH("older posts"), PH("post comments (atom)"),
      PH("subscribe to: post comments (atom)"), PH("labels"), PH("more from this author"),
      PH("more by this author"), PH("keep reading"), PH("also read"), PH("read also"),
      PH("don't miss"), PH("most read"), PH("most viewed"), PH("trending now"), PH("top stories"),
      PH("latest stories"), PH("stay in the loop"), PH("enter your email"),
      PH("enter your email address"), PH("email address"), PH("your email"), PH("submit"),
      PH("post comment"), PH("add a comment"), PH("post a comment"), PH("join the conversation"),
      PH("join the discussion"), PH("search for"), PH("toggle navigation"),
      PH("skip to main content"), PH("accept all"), PH("reject all"), PH("cookie settings"),
      PH("manage cookies"), PH("privacy policy"), PH("terms of use"), PH("terms of service"),
      PH("terms and conditions"), PH("all rights reserved"), PH("recent comments"),
      PH("archives"), PH("categories"), PH("topics"), PH("subscribe for free"),
      PH("print article"), PH("thanks for reading")};
  while (n && (p[n - 1] == '.' || p[n - 1] == ':' || p[n - 1] == ' ' || p[n - 1] == '!'))
    n--;
  for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
    if (lines[i].n == n && strncasecmp(p, lines[i].w, n) == 0) return true;
  return false;
}

static bool starts_ci(const char *p, size_t n, const char *w) {
  size_t k = strlen(w);
  return n >= k && strncasecmp(p, w, k) == 0;
}

static bool looks_date(const char *x, size_t l);

/* A short line that is a byline or a dateline, not a sentence. */
static bool meta_line(const char *p, size_t n) {
  if (n == 0 || n > 100) return false;
  if (starts_ci(p, n, "written by ") || starts_ci(p, n, "posted by ") ||
      (n < 80 && memmem(p, n, " min read", 9)))
    return true;
  /* a reading time or a last change stated on its own line: "6 minute
   * read", "Reading time: 4 minutes", "Last updated on March 3" */
  if (n < 80 && (contains_ci(p, n, " minute read") || contains_ci(p, n, " minutes read") ||
                 starts_ci(p, n, "reading time") || starts_ci(p, n, "read time") ||
                 starts_ci(p, n, "last updated") || starts_ci(p, n, "last modified")))
    return true;
  /* "Copyright 2025 ...", "(c) 2025 ...", "Page 2 of 8" */
  if (starts_ci(p, n, "copyright ") || starts_ci(p, n, "\xC2\xA9 ") ||
      (starts_ci(p, n, "page ") && n < 16 && memmem(p, n, " of ", 4)))
    return true;
  /* "Subscribe to ...", "Sign up for ...": a call, not a sentence */
  if (n < 70 && (starts_ci(p, n, "subscribe to ") || starts_ci(p, n, "sign up for ") ||
                 starts_ci(p, n, "sign up to ")))
    return true;
  char last = p[n - 1];
  if (last == '.' || last == '!' || last == '?' || last == '"' ||
      (n >= 3 && (unsigned char)p[n - 3] == 0xE2 && (unsigned char)p[n - 2] == 0x80 &&
       (unsigned char)p[n - 1] == 0x9D))
    return false;
  if (starts_ci(p, n, "by ") || starts_ci(p, n, "por ") || starts_ci(p, n, "updated ") ||
      starts_ci(p, n, "published ") || starts_ci(p, n, "posted ") ||
      starts_ci(p, n, "publicado ") || starts_ci(p, n, "atualizado "))
    return true;
  return n <= 60 && looks_date(p, n);
}

/* A paragraph that is page furniture by how it begins: a call to join,
 * share or buy, a "you might also like", an affiliate disclosure.  The
 * strong ones go up to 300 bytes, the calls to act only when short. */
static bool furniture_line(const char *p, size_t n) {
  static const phrase strong[] = {
      PH("you might also like"), PH("you may also like"), PH("you may be interested in"),
      PH("if you like it, please share"), PH("if you liked this"), PH("if you enjoyed this"),
      PH("this story is funded by readers"), PH("loading paragraph"), PH("share this story"),
      PH("share this article"), PH("share this post"), PH("how was this issue"), PH("join medium"),
      PH("join our mailing list"), PH("join our newsletter"), PH("join the facebook group"),
      PH("sign up for our"), PH("sign-up for our"), PH("disclosure:"), PH("affiliate disclosure"),
      PH("editorial note:"), PH("we may be compensated"), PH("we may earn a commission"),
      PH("this post may contain affiliate"), PH("this article may contain affiliate"),
      PH("this page may contain affiliate"), PH("want more from"), PH("advertisement:"),
      PH("related:"), PH("read more:"), PH("read next:"), PH("recommended:"), PH("don't miss:"),
      PH("help me spread the word"), PH("help us spread the word"),
      PH("this article is exclusive to"), PH("this story is exclusive to"),
      PH("this post is exclusive to"), PH("comment via:"), PH("image source:"), PH("image credit:"),
      PH("image credits:"), PH("photo credit:"), PH("photo credits:"), PH("feature image by"),
      PH("featured image by"), PH("read more from our"), PH("by posting a comment"),
      PH("by submitting a comment"), PH("all comments are moderated"), PH("comments are moderated"),
      PH("already have an account"), PH("already a subscriber"), PH("the views expressed"),
      PH("the views and opinions expressed"), PH("note: the views expressed"), PH("by subscribing"),
      PH("by signing up"), PH("by submitting your"), PH("by entering your email"),
      PH("become a paid subscriber"), PH("was this newsletter forwarded"),
      PH("unlock this article"), PH("to continue reading"), PH("subscribe to continue"),
      PH("subscribe to read"), PH("create a free account"), PH("since you made it to the bottom"),
      PH("we have a small favor to ask"), PH("please consider supporting"),
      PH("support our journalism"), PH("share your feedback"), PH("recent posts on blogs"),
      /* a form's replies, a comment form, a post's filing, a star rating */
      PH("thank you! your submission has been received"), PH("oops! something went wrong"),
      PH("prices were accurate at the time"), PH("your email address will not be published"),
      PH("required fields are marked"), PH("save my name, email"),
      PH("you must be logged in to post"), PH("this entry was posted in"), PH("filed under"),
      PH("tagged with"), PH("tags:"), PH("categories:"), PH("click to share"), PH("follow us on"),
      PH("like us on facebook"), PH("sponsored content"), PH("how useful was this post"),
      PH("click on a star to rate"), PH("no votes so far"), PH("we are sorry that this post"),
      PH("let us improve this post"), PH("thank you for subscribing"), PH("thanks for subscribing"),
      /* a comment system's or forum's note to a reader not signed in */
      PH("you must be logged in"), PH("you must log in to"), PH("you need to be a member in order"),
      PH("you need to be logged in"), PH("create an account or sign in"), PH("sign in or create"),
      PH("sign in to comment"), PH("log in to comment"), PH("log in to answer"),
      PH("log in to reply"), PH("you are not logged in"), PH("start asking to get answers"),
      /* a reading list's heading: PH("Related articles that may interest you") */
      PH("related article"), PH("related stories"), PH("related posts"), PH("recommended reading"),
      PH("must read:"),
      /* template lines that open a short paragraph: a review credit, a
       * sign-up or cookie notice.  (A syndication note,
       * "Originally published on ...", is the article's own on the
       * Article Extraction Benchmark: three pages lose it when it goes.
       * "Photo by", "Get the latest", "Stay up to date with" were left
       * out: on WCXB dev a page's own text opens so.  So were openings a
       * sentence of the article or a sign-off the annotators keep may
       * have: "Thanks for reading", "Never miss a", "Sponsored by",
       * "Leave a comment", "Join the discussion"; as whole lines they
       * go, above.) */
      PH("medically reviewed by"),
      PH("fact checked by"), PH("fact-checked by"), PH("subscribe for free"),
      PH("we respect your privacy"), PH("we use cookies"), PH("this site uses cookies"),
      PH("this website uses cookies"), PH("labels:"), PH("topics:"), PH("share via"),
      PH("notify me of"),
      PH("sign up for more like this"), PH("great! check your inbox"),
      PH("give a gift subscription"), PH("upgrade to paid"), PH("estimated reading time"),
      PH("print friendly")};
  static const phrase calls[] = {
      PH("talk to our"), PH("talk to an expert"), PH("contact us"), PH("request a quote"),
      PH("get started"), PH("get the free"), PH("get your free"), PH("download the free"),
      PH("download our"), PH("click here"), PH("book a demo"), PH("book a call"),
      PH("schedule a call"), PH("start your free"), PH("try it free"), PH("follow us"),
      PH("share your story"), PH("earn your"), PH("get $"), PH("want to win"), PH("get more "),
      PH("explore other "), PH("explore more ")};
  /* a newsletter's pitch anywhere in a short paragraph: "... produced by
   * The Courier. Sign up for our weekly newsletter." */
  if (n < 400 && contains_ci(p, n, "newsletter") &&
      (contains_ci(p, n, "sign up") || contains_ci(p, n, "stay in the loop") ||
       contains_ci(p, n, "subscribe to our") || contains_ci(p, n, "join our") ||
       contains_ci(p, n, "to your inbox")))
    return true;
  /* a sign-off asking to share or subscribe: "X is a production of Y. If
   * you liked this article, please consider subscribing to ..." */
  if (n < 600 && (contains_ci(p, n, "if you liked this") || contains_ci(p, n, "if you enjoyed this")) &&
      (contains_ci(p, n, "subscrib") || contains_ci(p, n, "newsletter") || contains_ci(p, n, "support")))
    return true;
  /* the sentences plugins and themes print whole: the Amazon
   * associates' disclosure, an author box's link, a post's footer */
  if (n < 300 && (contains_ci(p, n, "earn from qualifying purchases") ||
                  contains_ci(p, n, "view all posts by") ||
                  contains_ci(p, n, "bookmark the permalink")))
    return true;
  /* an affiliate disclosure in the page's voice ("This post contains
   * affiliate links", "I use affiliate links"), not a sentence about
   * affiliate marketing */
  if (n < 300 && contains_ci(p, n, "affiliate link") &&
      (contains_ci(p, n, "this post") || contains_ci(p, n, "this article") ||
       contains_ci(p, n, "this page") || contains_ci(p, n, "this blog") ||
       contains_ci(p, n, "this site") || contains_ci(p, n, "this website") ||
       contains_ci(p, n, "i use affiliate") ||
       contains_ci(p, n, "we use affiliate") || contains_ci(p, n, "using the affiliate") ||
       contains_ci(p, n, "disclosure")))
    return true;
  if (n >= 300) return false;
  for (size_t i = 0; i < sizeof(strong) / sizeof(strong[0]); i++)
    if (starts_phrase(p, n, &strong[i])) return true;
  /* a newsletter's pitch: "Subscribe to The Owl, a free daily newsletter" */
  if (starts_ci(p, n, "subscribe to ") && contains_ci(p, n, "newsletter")) return true;
  /* a sign-off's call: "... If you liked this article, please consider
   * sharing it." */
  if (contains_ci(p, n, "if you liked this") || contains_ci(p, n, "if you enjoyed this"))
    return true;
  if (n >= 100) return false;
  /* a referral call: "Love The Owl? Tell your friends and get rewards." */
  if (contains_ci(p, n, "tell your friends")) return true;
  for (size_t i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
    if (starts_phrase(p, n, &calls[i])) return true;
  return false;
}

/* A heading the body ends on: nothing of the article follows it, only
 * what the cleaning cut out (a list of links to other stories, teaser
 * cards, a form) or nothing at all ("Other posts you may enjoy",
 * "Leave a reply").  drop_orphan_heads takes short lines of any element;
 * this takes headings of any length.  Inside the body a heading over a
 * cut list stays: on WCXB dev that list is as often the article's own (a
 * product list under "Top picks:") and the heading is what is left of it. */
static void drop_end_head(emitter *e) {
  if (e->head_at == SIZE_MAX) return;
  e->out->len = e->head_at;
  if (e->out->ptr) e->out->ptr[e->out->len] = '\0';
  e->head_at = SIZE_MAX;
}

static bool text_eq_ci(const px__buf *a, const px__buf *b);

static void flush_para(emitter *e) {
  px__buf *pa = e->para;
  trim_buf(pa);
  if (pa->len && e->rc == PX_OK) {
    bool drop = false;
    if (e->para_text > 0 && e->para_link * 10 > e->para_text * 8 && pa->len < 400) drop = true;
    if (!drop && boiler_line(pa->ptr, pa->len)) drop = true;
    if (!drop && meta_line(pa->ptr, pa->len)) drop = true;
    if (!drop && furniture_line(pa->ptr, pa->len)) drop = true;
    if (!drop && e->title && e->title->len == pa->len &&
        strncasecmp(e->title->ptr, pa->ptr, pa->len) == 0)
      drop = true;
    /* a line that is only the site's name: a logo's text, a masthead */
    if (!drop && (text_eq_ci(pa, &e->m->site) || text_eq_ci(pa, &e->m->ld_publisher))) drop = true;
    if (!drop) {
      size_t at = e->out->len;
      if (e->out->len) e->rc = px__buf_append(e->out, "\n\n", 2);
      if (e->rc == PX_OK) e->rc = px__buf_append(e->out, pa->ptr, pa->len);
      e->head_at = e->in_head ? at : SIZE_MAX;
    }
  }
  px__buf_clear(pa);
  e->para_text = e->para_link = 0;
  e->space = false;
  e->in_head = false;
}

/* Should an element inside the kept content be dropped? */
static bool clean_conditionally(const nd *d, const meta *m, px__buf *tmp) {
  if (d->flags & F_DEAD) return true;
  switch (d->tag) {
  case MyHTML_TAG_DIV: case MyHTML_TAG_SECTION: case MyHTML_TAG_UL: case MyHTML_TAG_OL:
  case MyHTML_TAG_TABLE: case MyHTML_TAG_FORM: case MyHTML_TAG_DL: {
    float ld = link_density(d);
    /* A list or table of the article ("wp-block-list", "data-table") is
     * named like furniture more often than furniture is plain prose. */
    bool listlike = d->tag == MyHTML_TAG_UL || d->tag == MyHTML_TAG_OL ||
                    d->tag == MyHTML_TAG_TABLE || d->tag == MyHTML_TAG_DL;
    if (d->weight < 0 && d->paras == 0 && !(listlike && ld < 0.2f && d->text >= 40)) return true;
    /* Link lists go; prose that links its first words (news briefs) stays. */
    if (d->weight < 25 && ld > 0.33f && d->paras < 3 && !(d->text > 400 && ld < 0.5f))
      return true;
    if (ld > 0.5f) return true;
    return false;
  }
  case MyHTML_TAG_H1: case MyHTML_TAG_H2: case MyHTML_TAG_H3: case MyHTML_TAG_H4:
  case MyHTML_TAG_H5: case MyHTML_TAG_H6:
    if (d->weight < 0 || link_density(d) > 0.33f) return true;
    return false;
  default:
    return false;
  }
}

static void emit_subtree(px__extractor *ex, emitter *e, int32_t ri) {
  myhtml_tree_node_t *root = ex->nodes[ri].n;
  myhtml_tree_node_t *n = root;
  while (n && e->rc == PX_OK) {
    unsigned tag = (unsigned)myhtml_node_tag_id(n);
    bool descend = false;
    if (tag == MyHTML_TAG__TEXT) {
      size_t l;
      const char *x = myhtml_node_text(n, &l);
      int32_t pi = node_index(ex, myhtml_node_parent(n));
      if (x && l) {
        size_t before = e->para->len;
        e->rc = append_collapsed(e->para, x, l, &e->space);
        uint32_t add = (uint32_t)(e->para->len - before);
        e->para_text += add;
        if (pi >= 0 && (ex->nodes[pi].flags & F_INLINK)) e->para_link += add;
      }
    } else {
      int32_t i = node_index(ex, n);
      if (i >= 0 && tag != MyHTML_TAG__COMMENT) {
        const nd *d = &ex->nodes[i];
        bool drop = n != root && clean_conditionally(d, e->m, &ex->tmp);
        if (n == root && (d->flags & F_DEAD)) drop = true;
        if (!drop) {
          if (tag_is_block(tag)) flush_para(e);
          else if (tag == MyHTML_TAG_IMG || tag == MyHTML_TAG_TD) e->space = true;
          if (tag >= MyHTML_TAG_H1 && tag <= MyHTML_TAG_H6) e->in_head = true;
          descend = true;
        }
      }
    }
    myhtml_tree_node_t *c = descend ? myhtml_node_child(n) : NULL;
    if (c) {
      n = c;
      continue;
    }
    /* Leaving elements: a block end closes the paragraph. */
    while (n && n != root && !myhtml_node_next(n)) {
      n = myhtml_node_parent(n);
      if (n && tag_is_block((unsigned)myhtml_node_tag_id(n))) flush_para(e);
    }
    if (!n || n == root) break;
    if (tag_is_block((unsigned)myhtml_node_tag_id(n))) flush_para(e);
    n = myhtml_node_next(n);
  }
  flush_para(e);
}

static bool prose_like(const nd *d, px__extractor *ex) {
  if (d->flags & F_DEAD) return false;
  float ld = link_density(d);
  if (d->tag == MyHTML_TAG_P || d->tag == MyHTML_TAG_BLOCKQUOTE || d->tag == MyHTML_TAG_PRE) {
    if (d->text > 80 && ld < 0.25f) return true;
    if (d->text > 0 && d->text <= 80 && ld == 0) {
      node_text(d->n, &ex->tmp, 400);
      const char *s = ex->tmp.ptr;
      size_t n = ex->tmp.len;
      if (n && (s[n - 1] == '.' || memmem(s, n, ". ", 2))) return true;
    }
  }
  return false;
}

static int extract_body_in(px__extractor *ex, emitter *ep, int32_t best, int fragment);

/* Body of the best container and its good siblings. */
static int extract_body(px__extractor *ex, int32_t best, int fragment) {
  px__buf_clear(&ex->body);
  emitter e = {&ex->body, &ex->para, 0, 0, false, PX_OK, &ex->m, &ex->title, false,
               SIZE_MAX};
  int rc = extract_body_in(ex, &e, best, fragment);
  if (rc == PX_OK) drop_end_head(&e);
  return rc;
}

static int extract_body_in(px__extractor *ex, emitter *e, int32_t best, int fragment) {
  nd *N = ex->nodes;
  if (fragment) {
    emit_subtree(ex, e, 0);
    return e->rc;
  }
  if (best < 0) return PX_OK;
  /* When a parent scores nearly as well as the best and holds more
   * paragraphs, climb: the text is split over several containers. */
  for (int k = 0; k < 3; k++) {
    int32_t p = N[best].parent;
    if (p < 0 || N[p].tag == MyHTML_TAG_BODY || N[p].tag == MyHTML_TAG_HTML) break;
    if (N[p].score >= N[best].score * 0.75f && N[p].paras > N[best].paras) best = p;
    else if (N[p].ptext * 4 >= N[best].ptext * 5 && link_density(&N[p]) < 0.25f &&
             N[p].paras > N[best].paras && !(N[p].flags & F_DEAD))
      best = p; /* a quarter more paragraph text beside it: the article goes on */
    else break;
  }
  /* An article cut into sections several levels apart (page builders nest
   * each section in grids): climb while the ancestor holds half as many
   * paragraphs again, with little link text, up to the body.  Not out of
   * an <article> holding half the ancestor's text: the paragraphs beside
   * it are teaser cards, a bio or a sign-up box, not more sections. */
  int32_t art = -1;
  for (int k = 0; k < 12; k++) {
    int32_t p = N[best].parent;
    if (p < 0 || N[p].tag == MyHTML_TAG_BODY || N[p].tag == MyHTML_TAG_HTML) break;
    if (N[best].tag == MyHTML_TAG_ARTICLE) art = best;
    if (N[p].paras * 2 >= N[best].paras * 3 && N[p].paras >= N[best].paras + 2 &&
        link_density(&N[p]) < 0.2f && !(art >= 0 && (uint64_t)N[art].text * 2 >= N[p].text))
      best = p;
    else if (N[p].paras == N[best].paras && N[p].text <= N[best].text + 200)
      best = p; /* a wrapper adding nothing: look further up */
    else
      break;
  }
  /* The page marks its article's body (schema.org articleBody): the best
   * container, around it, or inside it holding most of its paragraph
   * text.  The rest (an author box, a newsletter form, related links
   * beside it) is not the article. */
  int32_t ab = -1, in = -1;
  for (int32_t a = best, k = 0; a >= 0 && k < 8 && ab < 0; a = N[a].parent, k++)
    if ((N[a].flags & F_ARTBODY) && !(N[a].flags & F_DEAD)) ab = a; /* it, or around it */
  for (uint32_t j = (uint32_t)best + 1; ab < 0 && j <= N[best].last; j++)
    if ((N[j].flags & F_ARTBODY) && !(N[j].flags & F_DEAD) && (in < 0 || N[j].ptext > N[in].ptext))
      in = (int32_t)j;
  if (in >= 0 && (uint64_t)N[in].ptext * 10 >= (uint64_t)N[best].ptext * 7) ab = in;
  if (ab >= 0) {
    emit_subtree(ex, e, ab);
    return e->rc;
  }
  /* An article cut into chunks with the same class (ads or rails between
   * them): every chunk near the best one, in page order. */
  if (N[best].cls_n > 0) {
    int32_t a = best;
    for (int k = 0; k < 5 && N[a].parent >= 0; k++) {
      int32_t up = N[a].parent;
      if (N[up].tag == MyHTML_TAG_BODY || N[up].tag == MyHTML_TAG_HTML) break;
      a = up;
    }
    int chunks = 0;
    for (uint32_t j = (uint32_t)a + 1; j <= N[a].last; j++) {
      nd *c = &N[j];
      if (c->tag == N[best].tag && c->cls_n == N[best].cls_n && !(c->flags & F_DEAD) &&
          c->paras > 0 && link_density(c) < 0.5f && memcmp(c->cls, N[best].cls, c->cls_n) == 0) {
        chunks++;
        j = c->last;
      }
    }
    if (chunks >= 2) {
      for (uint32_t j = (uint32_t)a + 1; j <= N[a].last && e->rc == PX_OK; j++) {
        nd *c = &N[j];
        if (c->tag == N[best].tag && c->cls_n == N[best].cls_n && !(c->flags & F_DEAD) &&
            c->paras > 0 && link_density(c) < 0.5f && memcmp(c->cls, N[best].cls, c->cls_n) == 0) {
          emit_subtree(ex, e, (int32_t)j);
          j = c->last;
        }
      }
      return e->rc;
    }
  }
  int32_t parent = N[best].parent;
  float threshold = PX__MAX(10.f, N[best].score * 0.2f);
  if (parent < 0) {
    emit_subtree(ex, e, best);
    return e->rc;
  }
  for (myhtml_tree_node_t *c = myhtml_node_child(N[parent].n); c && e->rc == PX_OK;
       c = myhtml_node_next(c)) {
    int32_t i = node_index(ex, c);
    if (i < 0 || (N[i].flags & F_DEAD)) continue;
    bool keep = i == best;
    if (!keep && N[i].score >= threshold) keep = true;
    if (!keep && prose_like(&N[i], ex)) keep = true;
    if (keep) emit_subtree(ex, e, i);
  }
  return e->rc;
}

/* --------------------------------------------------------------- metadata */

static bool text_eq_ci(const px__buf *a, const px__buf *b) {
  return a->len && a->len == b->len && strncasecmp(a->ptr, b->ptr, a->len) == 0;
}

/* Strip a " | Site" / " - Site" suffix (or "Site | " prefix). */
static size_t strip_site(const char *t, size_t n, const meta *m, size_t *start) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                     " \xC2\xB7 ", " \xE2\x80\xA2 ", " // ", NULL};
  *start = 0;
  size_t best = n;
  for (size_t s = 0; seps[s]; s++) {
    size_t sl = strlen(seps[s]);
    for (size_t i = n; i-- > 0;) {
      if (i + sl > n || memcmp(t + i, seps[s], sl) != 0) continue;
      /* suffix: short (<= 5 words) */
      size_t words = 1;
      for (size_t j = i + sl; j < n; j++) words += t[j] == ' ';
      if (words <= 5 && i >= 10 && i < best) best = i;
      break;
    }
  }
  PX__UNUSED(m);
  return best;
}

/* Share of the words of a (case-insensitive, alphanumeric runs) found in b. */
static double word_overlap_n(const char *a, size_t an, const char *b, size_t bn, size_t min_words) {
  size_t words = 0, found = 0;
  for (size_t i = 0; i < an;) {
    while (i < an && !(is_alnum(a[i]) || (unsigned char)a[i] >= 0x80)) i++;
    size_t j = i;
    while (j < an && (is_alnum(a[j]) || (unsigned char)a[j] >= 0x80)) j++;
    if (j > i) {
      words++;
      /* whole-word search in b */
      for (size_t k = 0; k + (j - i) <= bn; k++) {
        if (strncasecmp(b + k, a + i, j - i) != 0) continue;
        bool left = k == 0 || !(is_alnum(b[k - 1]) || (unsigned char)b[k - 1] >= 0x80);
        bool right = k + (j - i) == bn ||
                     !(is_alnum(b[k + (j - i)]) || (unsigned char)b[k + (j - i)] >= 0x80);
        if (left && right) {
          found++;
          break;
        }
      }
    }
    i = j;
  }
  return words >= min_words ? (double)found / (double)words : 0;
}

static double word_overlap(const char *a, size_t an, const char *b, size_t bn) {
  return word_overlap_n(a, an, b, bn, 2);
}

/* An <h1> that names the site, not the page: the og:site_name or the
 * publisher, or the part of <title> / og:title a " | Site" separator sets
 * apart (a logo or masthead in an <h1>). */
static bool h1_is_site(const meta *m, const px__buf *h) {
  if (text_eq_ci(h, &m->site) || text_eq_ci(h, &m->ld_publisher)) return true;
  const px__buf *t[] = {&m->title, &m->og_title};
  for (size_t k = 0; k < 2; k++) {
    if (t[k]->len <= h->len) continue;
    size_t st, e = strip_site(t[k]->ptr, t[k]->len, m, &st);
    if (e == t[k]->len) continue;
    /* the site part: what follows the separator */
    const char *rest = t[k]->ptr + e;
    size_t rl = t[k]->len - e;
    for (;;) {
      unsigned char c = rl ? (unsigned char)*rest : 0;
      size_t sk = 0;
      if (c == ' ' || c == '|' || c == '-' || c == ':' || c == '/') sk = 1;
      else if (c == 0xC2 && rl >= 2) sk = 2;                    /* U+00B7 */
      else if (c == 0xE2 && rl >= 3 && (unsigned char)rest[1] == 0x80) sk = 3; /* dashes, bullet */
      if (!sk) break;
      rest += sk, rl -= sk;
    }
    if (rl == h->len && strncasecmp(rest, h->ptr, rl) == 0) return true;
  }
  return false;
}

static size_t count_words(const char *p, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if ((i == 0 || p[i - 1] == ' ') && p[i] != ' ') w++;
  return w;
}

/* An <h1> of four words or fewer that shares little with the page's
 * longer title (og:title, the JSON-LD headline, <title>): a blog's name,
 * a section ("M&A Updates", "Pricing for Electrical Services"), an
 * author's name over the post, not the post's headline. */
static bool h1_is_label(const meta *m, const px__buf *h) {
  if (count_words(h->ptr, h->len) > 4) return false;
  const px__buf *others[] = {&m->og_title, &m->ld_headline, &m->title};
  for (size_t k = 0; k < 3; k++) {
    const px__buf *o = others[k];
    if (!o->len) continue;
    size_t st, e = strip_site(o->ptr, o->len, m, &st);
    if (count_words(o->ptr + st, e - st) < 4) continue;
    if (word_overlap_n(h->ptr, h->len, o->ptr + st, e - st, 1) < 0.5) return true;
  }
  return false;
}

/* Drop what follows the last " | " when it is four words or fewer (a
 * site, a section: "How meditation rewires brains | Opinion"), or the
 * last dash when it is two words or fewer or names the site. */
static void strip_tail(const meta *m, px__buf *t) {
  static const char *const bars[] = {" | ", NULL};
  static const char *const dashes[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
  for (int rep = 0; rep < 2; rep++) {
    size_t cut = t->len;
    for (int kind = 0; kind < 2 && cut == t->len; kind++) {
      const char *const *seps = kind == 0 ? bars : dashes;
      for (size_t s = 0; seps[s]; s++) {
        size_t sl = strlen(seps[s]);
        for (size_t i = t->len; i-- > 10;) {
          if (i + sl > t->len || memcmp(t->ptr + i, seps[s], sl) != 0) continue;
          const char *tail = t->ptr + i + sl;
          size_t tl = t->len - i - sl, w = count_words(tail, tl);
          bool site = (m->site.len == tl && strncasecmp(m->site.ptr, tail, tl) == 0) ||
                      (m->ld_publisher.len == tl && strncasecmp(m->ld_publisher.ptr, tail, tl) == 0);
          bool call = tl && (tail[tl - 1] == '!' || tail[tl - 1] == '?');
          if (w >= 1 && !call && (kind == 0 ? w <= 4 : (w <= 2 || site)) && i < cut) cut = i;
          break;
        }
      }
    }
    if (cut == t->len) return;
    t->len = cut;
    t->ptr[cut] = '\0';
  }
}

static void pick_title_raw(meta *m, px__buf *out);

/* An <h1> that is not a headline: a lead-in that ends in a colon ("A
 * message from our founder:"), or a paragraph set as a heading (more than
 * 25 words, or more than 15 ending in a full stop). */
static bool h1_not_headline(const px__buf *h) {
  size_t e = h->len;
  while (e && is_space((unsigned char)h->ptr[e - 1])) e--;
  if (!e) return true;
  size_t w = count_words(h->ptr, e);
  return h->ptr[e - 1] == ':' || w > 25 || (w > 15 && h->ptr[e - 1] == '.');
}

/* A label or a date before the headline: "Title: ...", "Dec 18 2025
 * Preparing a transition" (a post's date set in its heading). */
static void strip_head(px__buf *t) {
  size_t s0 = 0;
  if (t->len > 12 && strncasecmp(t->ptr, "title:", 6) == 0) {
    s0 = 6;
  } else if (t->len > 16) {
    /* "Mon DD YYYY " / "Mon DD, YYYY " / "YYYY-MM-DD " then a capital */
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                         "aug", "sep", "oct", "nov", "dec", NULL};
    const char *p = t->ptr;
    size_t e = 0;
    bool mon = false;
    for (size_t k = 0; months[k]; k++) mon = mon || strncasecmp(p, months[k], 3) == 0;
    if (mon) {
      size_t i = 3;
      while (i < t->len && ((p[i] | 32) >= 'a' && (p[i] | 32) <= 'z')) i++;
      if (i < t->len && p[i] == '.') i++;
      if (i < t->len && p[i] == ' ') i++;
      size_t d0 = i;
      while (i < t->len && p[i] >= '0' && p[i] <= '9') i++;
      if (i - d0 >= 1 && i - d0 <= 2) {
        if (i < t->len && p[i] == ',') i++;
        if (i < t->len && p[i] == ' ') i++;
        size_t y0 = i;
        while (i < t->len && p[i] >= '0' && p[i] <= '9') i++;
        if (i - y0 == 4) e = i;
      }
    } else if (p[4] == '-' && p[7] == '-' && p[10] == ' ') {
      bool dig = true;
      for (size_t i = 0; i < 10; i++) dig = dig && (i == 4 || i == 7 || (p[i] >= '0' && p[i] <= '9'));
      if (dig) e = 10;
    }
    if (e && e + 1 < t->len && p[e] == ' ' && p[e + 1] >= 'A' && p[e + 1] <= 'Z') s0 = e;
  }
  if (!s0) return;
  while (s0 < t->len && is_space((unsigned char)t->ptr[s0])) s0++;
  memmove(t->ptr, t->ptr + s0, t->len - s0);
  t->len -= s0;
  t->ptr[t->len] = '\0';
}

/* The host of the page's URL (canonical, og:url, else where it was
 * fetched), letters and digits only, lower case, labels kept apart by
 * dots: "https://blog.Engora.com/x" -> "blog.engora.com". */
static size_t url_host(const meta *m, const char *url, char *out, size_t cap) {
  const char *u = m->canonical.len ? m->canonical.ptr : m->og_url.len ? m->og_url.ptr : url;
  size_t ul = m->canonical.len ? m->canonical.len : m->og_url.len ? m->og_url.len : url ? strlen(url) : 0;
  const char *p = u ? memmem(u, ul, "://", 3) : NULL;
  if (!p) return 0;
  p += 3;
  size_t k = 0;
  for (; p < u + ul && *p != '/' && *p != ':' && *p != '?' && *p != '#' && k + 1 < cap; p++) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (is_alnum(c) || c == '.') out[k++] = c;
  }
  out[k] = '\0';
  return k;
}

/* Whether a text of four words or fewer names the site by its host: its
 * letters and digits run together are part of the host ("Playful Tones"
 * on playfultones.com, "davidbau.com"); *word_label says whether one of
 * its words of five letters or more is a label of it ("Engora Data Blog"
 * on blog.engora.com). */
static bool names_host(const px__buf *h, const char *host, size_t hl, bool *word_label_out) {
  *word_label_out = false;
  if (!hl || count_words(h->ptr, h->len) > 4) return false;
  char run[128], flat[256];
  size_t k = 0, f = 0;
  for (size_t i = 0; i < hl && f + 1 < sizeof flat; i++)
    if (host[i] != '.') flat[f++] = host[i];
  flat[f] = '\0';
  bool word_label = false;
  for (size_t i = 0; i < h->len;) {
    while (i < h->len && !is_alnum(h->ptr[i])) i++;
    size_t j = i;
    while (j < h->len && is_alnum(h->ptr[j])) j++;
    size_t wl = j - i;
    for (size_t q = i; q < j && k + 1 < sizeof run; q++) {
      char c = h->ptr[q];
      run[k++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    if (wl >= 5) {
      /* a whole label of the host: bounded by dots or the ends */
      for (size_t s = 0; s + wl <= hl; s++) {
        if ((s && host[s - 1] != '.') || (s + wl < hl && host[s + wl] != '.')) continue;
        if (strncasecmp(host + s, h->ptr + i, wl) == 0) word_label = true;
      }
    }
    i = j;
  }
  run[k] = '\0';
  *word_label_out = word_label;
  return k >= 4 && strstr(flat, run) != NULL;
}

/* An <h1> that names the site by its host (names_host), or, for three
 * words or fewer, by a label of it: a blog's masthead set in an <h1>
 * above the post. */
static bool h1_names_host(const px__buf *h, const char *host, size_t hl) {
  bool word_label;
  bool run = names_host(h, host, hl, &word_label);
  return run || (word_label && count_words(h->ptr, h->len) <= 3);
}

/* Cut a site name from the start or end of a title when it stands apart
 * there: "davidbau.com Vibe Coding" -> "Vibe Coding". */
static void strip_affix(px__buf *t, const px__buf *site) {
  size_t n = site->len;
  if (!n || t->len < n + 4) return;
  size_t a = 0, e = t->len;
  if (strncasecmp(t->ptr, site->ptr, n) == 0 && !is_alnum(t->ptr[n]) &&
      (unsigned char)t->ptr[n] < 0x80)
    a = n;
  else if (strncasecmp(t->ptr + t->len - n, site->ptr, n) == 0 &&
           !is_alnum(t->ptr[t->len - n - 1]) && (unsigned char)t->ptr[t->len - n - 1] < 0x80)
    e = t->len - n;
  else
    return;
  /* the separator between: spaces, | - : / and the dashes, dot, bullet */
  static const char *const seps[] = {" ", "|", "-", ":", "/", "\xC2\xB7", "\xE2\x80\x93",
                                     "\xE2\x80\x94", "\xE2\x80\xA2", NULL};
  for (bool more = true; more;) {
    more = false;
    for (size_t s = 0; seps[s]; s++) {
      size_t sl = strlen(seps[s]);
      if (e - a >= sl && memcmp(t->ptr + a, seps[s], sl) == 0) a += sl, more = true;
      if (e - a >= sl && memcmp(t->ptr + e - sl, seps[s], sl) == 0) e -= sl, more = true;
    }
  }
  if (count_words(t->ptr + a, e - a) < 2) return;
  memmove(t->ptr, t->ptr + a, e - a);
  t->len = e - a;
  t->ptr[t->len] = '\0';
}

/* A label of one or two words before a colon ("Blog: ", "News: ") that
 * the page's own titles (og:title, <title>, less their site part) do not
 * carry: "Blog: Night buses stay" -> "Night buses stay". */
static void strip_label(const meta *m, px__buf *t) {
  const char *c = t->len > 8 ? memchr(t->ptr, ':', t->len < 40 ? t->len : 40) : NULL;
  if (!c || (size_t)(c - t->ptr) + 2 >= t->len || c[1] != ' ' ||
      count_words(t->ptr, (size_t)(c - t->ptr)) > 2)
    return;
  const char *rest = c + 2;
  size_t rl = t->len - (size_t)(rest - t->ptr);
  const px__buf *o[] = {&m->og_title, &m->title};
  for (size_t k = 0; k < 2; k++) {
    if (!o[k]->len) continue;
    size_t st, e = strip_site(o[k]->ptr, o[k]->len, m, &st);
    if (e - st == rl && strncasecmp(o[k]->ptr + st, rest, rl) == 0) {
      memmove(t->ptr, rest, rl);
      t->len = rl;
      t->ptr[rl] = '\0';
      return;
    }
  }
}

/* Cut a site's name before the first separator of a title: "Owl Notes |
 * owlnotes.example - Night buses" -> "Night buses", when every part
 * before the last separator names the site (og:site_name, the publisher,
 * or the host). */
static void strip_lead_site(const meta *m, px__buf *t, const char *host, size_t hl) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL};
  size_t a = 0;
  if (!t->len) return;
  for (int rep = 0; rep < 2; rep++) {
    size_t cut = t->len, sl = 0;
    for (size_t s = 0; seps[s]; s++) {
      const char *q = memmem(t->ptr + a, t->len - a, seps[s], strlen(seps[s]));
      if (q && (size_t)(q - t->ptr) < cut) cut = (size_t)(q - t->ptr), sl = strlen(seps[s]);
    }
    if (cut == t->len || cut - a > 60) break;
    px__buf part = {.ptr = t->ptr + a, .len = cut - a};
    bool label;
    if (!(text_eq_ci(&part, &m->site) || text_eq_ci(&part, &m->ld_publisher) ||
          names_host(&part, host, hl, &label)))
      break;
    a = cut + sl;
  }
  if (!a || count_words(t->ptr + a, t->len - a) < 3) return;
  memmove(t->ptr, t->ptr + a, t->len - a);
  t->len -= a;
  t->ptr[t->len] = '\0';
}

/* Whether a title's tail holds only what an aggregator sets after a
 * headline: the source's host in brackets, and maybe a count of comments
 * or votes ("(example.com) 87").  A number alone may be the headline's
 * own (a year). */
static bool count_tail(const char *p, size_t n) {
  bool any = false;
  for (size_t i = 0; i < n;) {
    if (p[i] == ' ') {
      i++;
    } else if (p[i] >= '0' && p[i] <= '9') {
      while (i < n && p[i] >= '0' && p[i] <= '9') i++;
    } else if (p[i] == '(') {
      size_t j = i + 1;
      bool dot = false;
      while (j < n && p[j] != ')' && p[j] != ' ') dot = dot || p[j] == '.', j++;
      if (j >= n || p[j] != ')' || !dot || j == i + 1) return false;
      i = j + 1;
      any = true;
    } else {
      return false;
    }
  }
  return any;
}

/* A title that is the page's own title (og:title, <title>, less their
 * site part) followed by an aggregator's tail (count_tail) ends where
 * that title ends: "Grads find jobs scarce (example.com) 87" -> "Grads
 * find jobs scarce". */
static void strip_count_tail(const meta *m, px__buf *t) {
  const px__buf *o[] = {&m->og_title, &m->title};
  for (size_t k = 0; k < 2; k++) {
    if (!o[k]->len) continue;
    size_t st, e = strip_site(o[k]->ptr, o[k]->len, m, &st);
    size_t ml = e - st;
    if (ml < 10 || t->len <= ml || strncasecmp(t->ptr, o[k]->ptr + st, ml) != 0 ||
        t->ptr[ml] != ' ' || !count_tail(t->ptr + ml, t->len - ml))
      continue;
    t->len = ml;
    t->ptr[ml] = '\0';
    return;
  }
}

/* Leave out the <h1>s `drop` says yes to, keeping the others in order
 * (their buffers are swapped, not lost). */
static void drop_h1s(meta *m, bool (*drop)(const px__buf *h, const void *arg), const void *arg) {
  int k1 = 0;
  for (int i = 0; i < m->nh1; i++) {
    if (drop(&m->h1[i], arg)) continue;
    if (k1 != i) {
      px__buf tmp = m->h1[k1];
      m->h1[k1] = m->h1[i];
      m->h1[i] = tmp;
      m->h1_before[k1] = m->h1_before[i];
    }
    k1++;
  }
  m->nh1 = k1;
}

typedef struct {
  const char *host;
  size_t len;
} host_arg;

static bool h1_names_host_of(const px__buf *h, const void *arg) {
  const host_arg *a = arg;
  return h1_names_host(h, a->host, a->len);
}

static bool h1_site_or_not_headline(const px__buf *h, const void *arg) {
  return h1_is_site(arg, h) || h1_not_headline(h);
}

/* An <h1> set after more than 4,000 bytes (non-space) of paragraph text,
 * some 700 words: a heading inside the article ("But what they love is
 * the sense of empowerment"), not its headline. */
static bool h1_late(const px__buf *h, const void *arg) {
  const meta *m = arg;
  return m->h1_before[h - m->h1] > 4000;
}

static void pick_title(meta *m, const char *url, px__buf *out) {
  char host[256];
  size_t hl = url_host(m, url, host, sizeof host);
  /* <h1>s that name the site by its host are left out, and their text cut
   * from the title chosen (the first of them). */
  px__buf site = {0};
  char sitebuf[256];
  for (int i = 0; i < m->nh1; i++) {
    if (!site.len && h1_names_host(&m->h1[i], host, hl) && m->h1[i].len < sizeof sitebuf) {
      memcpy(sitebuf, m->h1[i].ptr, m->h1[i].len);
      site = (px__buf){.ptr = sitebuf, .len = m->h1[i].len};
    }
  }
  drop_h1s(m, h1_names_host_of, &(host_arg){host, hl});
  drop_h1s(m, h1_late, m);
  pick_title_raw(m, out);
  strip_lead_site(m, out, host, hl);
  strip_affix(out, &site);
  strip_label(m, out);
  strip_head(out);
  strip_tail(m, out);
  strip_count_tail(m, out);
}

static void pick_title_raw(meta *m, px__buf *out) {
  px__buf_clear(out);
  /* Leave out the <h1>s that name the site. */
  drop_h1s(m, h1_site_or_not_headline, m);
  /* An <h1> that agrees with og:title, the JSON-LD headline or <title>,
   * or is found in <title> or og:title: at its start, or anywhere when
   * the <h1> is more than one word (one word inside a longer title is a
   * label: "Discord" of "How we broke into Discord and more"). */
  for (int i = 0; i < m->nh1; i++) {
    px__buf *h = &m->h1[i];
    if (h->len < 4) continue;
    bool words = count_words(h->ptr, h->len) > 1;
    const char *in_title = m->title.len >= h->len ? memmem(m->title.ptr, m->title.len, h->ptr, h->len) : NULL;
    const char *in_og = m->og_title.len > h->len ? memmem(m->og_title.ptr, m->og_title.len, h->ptr, h->len) : NULL;
    if (text_eq_ci(h, &m->og_title) || text_eq_ci(h, &m->ld_headline) ||
        text_eq_ci(h, &m->tw_title) || (in_title && (words || in_title == m->title.ptr)) ||
        (in_og && (words || in_og == m->og_title.ptr))) {
      px__buf_append(out, h->ptr, h->len);
      return;
    }
  }
  /* Else an <h1> most of whose words are in one of those titles (the
   * visible headline when the SEO title rewords it). */
  for (int i = 0; i < m->nh1; i++) {
    px__buf *h = &m->h1[i];
    if (h->len < 10 || h->len > 300 || h1_is_label(m, h)) continue;
    const px__buf *others[] = {&m->og_title, &m->ld_headline, &m->tw_title, &m->title};
    for (size_t k = 0; k < 4; k++) {
      if (others[k]->len && word_overlap(h->ptr, h->len, others[k]->ptr, others[k]->len) >= 0.6) {
        px__buf_append(out, h->ptr, h->len);
        return;
      }
    }
  }
  /* A page with one headline shows it as its title, whatever the SEO
   * title says. */
  int nlong = 0, which = -1;
  for (int i = 0; i < m->nh1; i++)
    if (m->h1[i].len >= 10 && m->h1[i].len <= 300) nlong++, which = i;
  if (nlong == 1 && m->nh1 == 1 && !text_eq_ci(&m->h1[which], &m->site) &&
      !text_eq_ci(&m->h1[which], &m->ld_publisher) && !h1_is_label(m, &m->h1[which])) {
    px__buf_append(out, m->h1[which].ptr, m->h1[which].len);
    return;
  }
  px__buf *src = m->og_title.len ? &m->og_title
                 : m->ld_headline.len ? &m->ld_headline
                 : m->tw_title.len    ? &m->tw_title
                 : m->title.len       ? &m->title
                 : m->nh1             ? &m->h1[0]
                                      : NULL;
  if (!src) return;
  size_t st;
  size_t e = strip_site(src->ptr, src->len, m, &st);
  px__buf_append(out, src->ptr + st, e - st);
}

static bool is_name_word(const char *w, size_t n) {
  static const char *const particles[] = {"de", "van", "von", "da", "der", "den", "del", "della",
                                          "di", "du", "la", "le", "bin", "al", "el", "dos",
                                          "das", "do", "y", "ter", "ten", "st", NULL};
  if (n == 0) return false;
  unsigned char c = (unsigned char)w[0];
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0x80) return true; /* non-ASCII letters: accept */
  if (tok_in(w, n, particles)) return true;
  return false;
}

/* Clean one author candidate into names: "By Jane Doe and John Roe,
 * Staff Writer | 3 hours ago" -> "Jane Doe, John Roe". */
static void clean_byline_part(const char *p, size_t n, px__buf *out);

/* The names, or, when the text before a bullet, middle dot or bar names
 * no one ("Dec. 19, 2025 \u00b7 Niko Matsakis"), those after it. */
static void clean_byline(const char *p, size_t n, px__buf *out) {
  clean_byline_part(p, n, out);
  for (int rep = 0; rep < 3 && out->len == 0 && p && n && n <= 1000; rep++) {
    static const char *const seps[] = {"\xC2\xB7", "\xE2\x80\xA2", "|", NULL};
    size_t cut = n, sl = 0;
    for (size_t k = 0; seps[k]; k++) {
      const char *q = memmem(p, n, seps[k], strlen(seps[k]));
      if (q && (size_t)(q - p) < cut) cut = (size_t)(q - p), sl = strlen(seps[k]);
    }
    if (cut == n) return;
    p += cut + sl;
    n -= cut + sl;
    clean_byline_part(p, n, out);
  }
}

/* A word that starts with a month's name or its three-letter short form. */
static bool starts_month(const char *p, size_t n) {
  static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                       "aug", "sep", "oct", "nov", "dec", NULL};
  for (size_t k = 0; months[k]; k++)
    if (n >= 3 && strncasecmp(p, months[k], 3) == 0) return true;
  return false;
}

static const char *const ORG_LINKS[] = {"of", "for", "and", "the", NULL};

/* An organisation's name: 3..8 words, capitalised but for linking words,
 * "of" or "for" among them ("Center for Drug Evaluation and Research",
 * "Department of Health and Human Services"), whose "and" is no list's. */
static bool org_name(const char *p, size_t n) {
  size_t words = 0, links = 0;
  bool other = false, link = false;
  for (size_t w = 0; w < n;) {
    while (w < n && p[w] == ' ') w++;
    if (w >= n) break;
    size_t we = w;
    while (we < n && p[we] != ' ') we++;
    link = tok_in(p + w, we - w, ORG_LINKS);
    if (link && words == 0) return false;
    if (!link && !is_name_word(p + w, we - w)) return false;
    for (size_t z = w; z < we; z++)
      if ((p[z] >= '0' && p[z] <= '9') || strchr("@/?!:;\"()[]{}<>=+*#|%", p[z])) return false;
    links += link;
    other = other || tok_eq(p + w, we - w, "of") || tok_eq(p + w, we - w, "for");
    words++;
    w = we;
  }
  return words >= 3 && words <= 8 && words - links >= 2 && other && !link;
}

static void clean_byline_part(const char *p, size_t n, px__buf *out) {
  px__buf_clear(out);
  if (!p || n == 0 || n > 1000) return;
  char buf[1024];
  memcpy(buf, p, n);
  buf[n] = '\0';
  /* A bracket inside a name, the name going on after it ("Ana (Lopez)
   * Ruiz"), is left out: the name reads on; a bracket after the names is
   * cut below. */
  for (char *o = strchr(buf, '('); o; o = strchr(o + 1, '(')) {
    char *c = strchr(o, ')');
    if (!c || c - o > 30 || o == buf || o[-1] != ' ' || c[1] != ' ' || !isupper_ascii(c[2]) ||
        memchr(o + 1, '(', (size_t)(c - o - 1)))
      continue;
    memmove(o, c + 2, strlen(c + 2) + 1);
    n = strlen(buf);
    o--;
  }
  /* Cut at separators that start other information. */
  static const char *const cuts[] = {"|", "\xE2\x80\x94", " - ", "\n", "(", " on ", " updated",
                                     " Updated", " published", " Published", "\xE2\x80\xA2",
                                     "\xC2\xB7", NULL};
  for (size_t i = 0; cuts[i]; i++) {
    char *q = strstr(buf, cuts[i]);
    if (q && q > buf + 2) {
      *q = '\0';
      n = (size_t)(q - buf);
    }
  }
  /* Cut at a date that follows the names ("Luke Kim December 17, 2025",
   * "Andrew Gerrand 4 August 2010"): a word, after the first, that starts
   * with a digit or a month name and begins a text that reads as a date. */
  for (size_t w = 1; w + 1 < n; w++) {
    if (buf[w - 1] != ' ' || w < 3) continue;
    bool digit = buf[w] >= '0' && buf[w] <= '9';
    if (!digit && !(isupper_ascii(buf[w]) && starts_month(buf + w, n - w))) continue;
    if (looks_date(buf + w, PX__MIN(n - w, 40))) {
      n = w - 1;
      buf[n] = '\0';
      break;
    }
  }
  size_t i = 0;
  while (i < n) {
    /* Next part: split on ",", "&", " and ", " und ", " y ", " e ". */
    size_t j = i, end;
    size_t skip = 0;
    size_t seg = i;
    while (seg < n && buf[seg] != ',' && buf[seg] != '&' && buf[seg] != ';') seg++;
    bool org = i == 0 && org_name(buf, seg);
    for (end = i; end < n; end++) {
      if (buf[end] == ',' || buf[end] == '&' || buf[end] == ';') {
        skip = 1;
        break;
      }
      if (!org && end + 5 <= n && strncmp(buf + end, " and ", 5) == 0) {
        skip = 5;
        break;
      }
    }
    j = i;
    size_t k = end;
    while (j < k && (is_space((unsigned char)buf[j]) || buf[j] == ':')) j++;
    while (k > j && (is_space((unsigned char)buf[k - 1]) || buf[k - 1] == '.')) k--;
    /* Leading "By" / "by" / "From" / "Written by" / "Text:" */
    static const char *const lead[] = {"written by: ", "written by ", "posted by ", "by: ", "by ", "from ",
                                       "text by ", "words by ", "reporting by ", "story by ",
                                       "authors: ", "author: ", "authors ", "author ",
                                       "contributors: ", "contributor: ", "contributed by ",
                                       "von ", "por ", "par ", "di ", NULL};
    for (int rep = 0; rep < 2; rep++)
      for (size_t li = 0; lead[li]; li++) {
        size_t ll = strlen(lead[li]);
        if (k - j > ll && strncasecmp(buf + j, lead[li], ll) == 0) j += ll;
      }
    if (k - j >= 4 && strncasecmp(buf + j, "by\xC2\xA0", 4) == 0) j += 4;
    while (j < k && is_space((unsigned char)buf[j])) j++;
    /* A name: 1..5 words, each capitalised or a particle, no digits. */
    bool ok = k > j && k - j <= 60;
    size_t words = 0;
    for (size_t w = j; ok && w < k;) {
      size_t we = w;
      while (we < k && buf[we] != ' ') we++;
      for (size_t z = w; z < we; z++)
        if ((buf[z] >= '0' && buf[z] <= '9') || strchr("@/?!:;\"()[]{}<>=+*#|%", buf[z]))
          ok = false;
      /* "Jane Roe with Bo Lind": a byline's "with" joins two names */
      if (!is_name_word(buf + w, we - w) && !(org && tok_in(buf + w, we - w, ORG_LINKS)) &&
          !(tok_eq(buf + w, we - w, "with") && w > j && we < k))
        ok = false;
      words++;
      w = we;
      while (w < k && buf[w] == ' ') w++;
    }
    if (words > (org ? 8u : 5u)) ok = false;
    /* Labels and filters, not names: "The Author", "By Category", "Learn More". */
    static const char *const notname[] = {"author", "authors", "about", "category", "categories",
                                          "type", "types", "size", "topic", "topics", "tag",
                                          "tags", "more", "people", "case", "menu", "search",
                                          "home", "share", "comment", "comments", "login",
                                          "subscribe", "contact", "read", "follow", "posts",
                                          "blog", "date", "industry", "role", "sat", "sun",
                                          "mon", "tue", "wed", "thu", "fri", "admin",
                                          "administrator", "webmaster", "updated", "published",
                                          "posted", "reviewed", "last", "written", "contributor",
                                          "contributors", "profile", "privacy", "policy",
                                          "terms", "conditions", "cookies", NULL};
    for (size_t w = j; ok && w < k;) {
      size_t we = w;
      while (we < k && buf[we] != ' ') we++;
      for (size_t q = 0; notname[q]; q++)
        if (strlen(notname[q]) == we - w && strncasecmp(buf + w, notname[q], we - w) == 0) ok = false;
      w = we;
      while (w < k && buf[w] == ' ') w++;
    }
    if (ok && words == 1 && out->len == 0 && end < n) ok = true;
    if (ok) {
      /* Skip duplicates. */
      if (!(out->len && memmem(out->ptr, out->len, buf + j, k - j))) {
        if (out->len) px__buf_puts(out, ", ");
        px__buf_append(out, buf + j, k - j);
      }
    }
    i = end + skip;
  }
}

static int url_date(const char *url, size_t ulen, int64_t *t);

/* "/YYYY/MM" or "/YYYY-MM" at `u` (8 bytes readable). */
static bool url_year_month_at(const char *u) {
  if (u[0] != '/' || !(u[1] == '1' || u[1] == '2')) return false;
  for (int k = 1; k <= 4; k++)
    if (!(u[k] >= '0' && u[k] <= '9')) return false;
  return (u[5] == '/' || u[5] == '-') && u[6] >= '0' && u[6] <= '9' && u[7] >= '0' && u[7] <= '9';
}

/* "/YYYY/<month name>/" at `u` (`n` bytes readable), as in
 * /2023/october/03/ or /2023/oct/: the year, the month (1-12) and the
 * day that follows (0 when none does). */
static bool url_named_month_at(const char *u, size_t n, int *y, int *mo, int *d) {
  static const char *const months[] = {"january", "february", "march",     "april",
                                       "may",     "june",     "july",      "august",
                                       "september", "october", "november", "december"};
  if (n < 10 || u[0] != '/' || !(u[1] == '1' || u[1] == '2') || u[5] != '/') return false;
  for (int k = 1; k <= 4; k++)
    if (!(u[k] >= '0' && u[k] <= '9')) return false;
  size_t j = 6;
  while (j < n && ((u[j] | 32) >= 'a' && (u[j] | 32) <= 'z')) j++;
  size_t wl = j - 6;
  if (wl < 3 || (j < n && u[j] != '/')) return false;
  for (int k = 0; k < 12; k++) {
    size_t ml = strlen(months[k]);
    if (!(wl == ml || (wl == 3 && ml > 3)) || strncasecmp(u + 6, months[k], wl) != 0) continue;
    *y = (u[1] - '0') * 1000 + (u[2] - '0') * 100 + (u[3] - '0') * 10 + (u[4] - '0');
    *mo = k + 1;
    *d = 0;
    if (j + 3 <= n && u[j + 1] >= '0' && u[j + 1] <= '9' && u[j + 2] >= '0' && u[j + 2] <= '9' &&
        (j + 3 == n || !(u[j + 3] >= '0' && u[j + 3] <= '9')))
      *d = (u[j + 1] - '0') * 10 + (u[j + 2] - '0');
    return true;
  }
  return false;
}

/* The year and month a URL path states (/2023/09/, /2023-09- or
 * /2023/october/), as year * 12 + month - 1; -1 when it states none. */
static int url_month(const char *url, size_t ulen) {
  for (size_t i = 0; url && i + 8 <= ulen; i++) {
    const char *u = url + i;
    int ny, nmo, nday;
    if (url_named_month_at(u, ulen - i, &ny, &nmo, &nday)) return ny * 12 + nmo - 1;
    if (!url_year_month_at(u)) continue;
    if (i + 8 < ulen && u[8] >= '0' && u[8] <= '9') continue;
    int y = (u[1] - '0') * 1000 + (u[2] - '0') * 100 + (u[3] - '0') * 10 + (u[4] - '0');
    int mo = (u[6] - '0') * 10 + (u[7] - '0');
    if (mo >= 1 && mo <= 12) return y * 12 + mo - 1;
  }
  return -1;
}

/* A local time `t` falls in the month `um` (url_month), or no month is stated. */
static bool month_agrees(int um, int64_t t) {
  if (um < 0) return true;
  /* days since 1970-01-01 to a civil year and month */
  int64_t z = floor_day(t) + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  int64_t mo = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (mo <= 2);
  return y * 12 + mo - 1 == um;
}

/* The published time, and the UTC offset it was stated in (*has_zone 0
 * when the source stated none: a bare date is that day, read as UTC).
 * `hint` is the address the page was fetched from, when it differs from
 * the one the page states (its own og:url may be percent-encoded). */
static int pick_date_first(const meta *m, const char *url, size_t ulen, const char *hint,
                           int64_t *t, int *zone, int *has_zone) {
  const px__buf *order[] = {&m->ld_date, &m->meta_date, &m->item_date, &m->time_pub};
  *has_zone = 0;
  for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
    if (!order[i]->len) continue;
    if (px__parse_date_zone(order[i]->ptr, order[i]->len, t, zone, has_zone) == PX_OK ||
        parse_date_loose(order[i]->ptr, order[i]->len, t) == PX_OK)
      return PX_OK;
  }
  if (url_date(url, ulen, t) == PX_OK || url_date(hint, hint ? strlen(hint) : 0, t) == PX_OK)
    return PX_OK;
  /* A date from a bare <time> or the text may be another's (a book's
   * release, a quoted post): one the address's year and month contradict
   * is not the page's. */
  int um = url_month(url, ulen);
  if (um < 0) um = url_month(hint, hint ? strlen(hint) : 0);
  if (m->time_any.len &&
      px__parse_date_zone(m->time_any.ptr, m->time_any.len, t, zone, has_zone) == PX_OK &&
      month_agrees(um, *t + (int64_t)*zone * 60))
    return PX_OK;
  *zone = *has_zone = 0;
  if (m->text_date.len && parse_text_date(m->text_date.ptr, m->text_date.len, t) == PX_OK &&
      month_agrees(um, *t))
    return PX_OK;
  return PX_EFORMAT;
}

/* The published time (pick_date_first), corrected when a time stated in
 * UTC (or with no zone) falls one day away from the date in the page's
 * address: the address has the outlet's own day (a post of 9 pm in New
 * York stamped 02:00Z the next day). */
static int pick_date(const meta *m, const char *url, size_t ulen, const char *hint, int64_t *t,
                     int *zone, int *has_zone) {
  int rc = pick_date_first(m, url, ulen, hint, t, zone, has_zone);
  if (rc != PX_OK) return rc;
  int64_t pday = floor_day(*t + (int64_t)*zone * 60);
  /* A time stated in UTC that a <time> element shows as the day before
   * or after (datetime="2026-02-24T04:13:00Z", "February 23, 2026"): the
   * page shows the day where it was written. */
  int64_t tt, st;
  int tz, thz;
  if (*zone == 0 && m->time_dt.len &&
      px__parse_date_zone(m->time_dt.ptr, m->time_dt.len, &tt, &tz, &thz) == PX_OK && tt == *t &&
      tz == 0 && parse_text_date(m->time_shown.ptr, m->time_shown.len, &st) == PX_OK &&
      (floor_day(st) == pday + 1 || floor_day(st) == pday - 1)) {
    *t = floor_day(st) * 86400;
    *has_zone = 0;
    return PX_OK;
  }
  int64_t u;
  if (*zone == 0 &&
      (url_date(url, ulen, &u) == PX_OK || url_date(hint, hint ? strlen(hint) : 0, &u) == PX_OK)) {
    int64_t uday = floor_day(u);
    if (uday == pday + 1 || uday == pday - 1) {
      *t = u;
      *has_zone = 0;
    }
  }
  return PX_OK;
}

/* A date in the URL path: /2023/09/13/, /2023-09-13 or /2023/october/13/. */
static int url_date(const char *url, size_t ulen, int64_t *t) {
  for (size_t i = 0; url && i + 10 <= ulen; i++) {
    const char *u = url + i;
    int ny, nmo, nday;
    if (url_named_month_at(u, ulen - i, &ny, &nmo, &nday) && nday) {
      char d[16];
      snprintf(d, sizeof(d), "%04d-%02d-%02d", ny, nmo, nday);
      if (px_parse_date(d, 10, t) == PX_OK) return PX_OK;
    }
    if (!url_year_month_at(u)) continue;
    char d[16];
    if (i + 11 <= ulen && (u[8] == '/' || u[8] == '-') && u[9] >= '0' && u[9] <= '9' &&
        u[10] >= '0' && u[10] <= '9') {
      snprintf(d, sizeof(d), "%.4s-%.2s-%.2s", u + 1, u + 6, u + 9);
      if (px_parse_date(d, 10, t) == PX_OK) return PX_OK;
    }
  }
  return PX_EFORMAT;
}

void px__url_host(const char *url, size_t n, const char **host, size_t *hn) {
  *host = NULL;
  *hn = 0;
  if (!url) return;
  const char *p = memmem(url, n, "://", 3);
  size_t i = p ? (size_t)(p - url) + 3 : 0;
  if (!p && !(n > 2 && url[0] == '/' && url[1] == '/')) return;
  if (!p) i = 2;
  size_t j = i;
  while (j < n && url[j] != '/' && url[j] != ':' && url[j] != '?' && url[j] != '#') j++;
  if (j - i > 4 && strncasecmp(url + i, "www.", 4) == 0) i += 4;
  *host = url + i;
  *hn = j - i;
}

static int set_lang(px_article *out, const px__buf *lang) {
  char code[4];
  size_t k = 0;
  for (size_t i = 0; i < lang->len && k < 3; i++) {
    char c = lang->ptr[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c < 'a' || c > 'z') break;
    code[k++] = c;
  }
  if (k < 2) return PX_OK;
  return px_article_set(out, PX_F_LANGUAGE, code, k);
}

static int set_if_empty(px_article *out, px_field f, const char *p, size_t n) {
  if (!p || n == 0 || px_article_get(out, f).len) return PX_OK;
  return px_article_set(out, f, p, n);
}

static int fill_meta(px__extractor *ex, px_article *out, const char *url_hint, int fragment) {
  meta *m = &ex->m;
  int rc = PX_OK;
  px__buf *t = &ex->tmp;
  /* URL: canonical, og:url, where it was fetched. */
  const char *url = NULL;
  size_t ulen = 0;
  const px__buf *cand[] = {&m->canonical, &m->og_url};
  for (size_t i = 0; i < 2 && !url; i++)
    if (cand[i]->len > 8 && (strncmp(cand[i]->ptr, "http://", 7) == 0 ||
                             strncmp(cand[i]->ptr, "https://", 8) == 0)) {
      url = cand[i]->ptr;
      ulen = cand[i]->len;
    }
  if (!url && url_hint && url_hint[0]) {
    url = url_hint;
    ulen = strlen(url_hint);
  }
  if (!fragment || px_article_get(out, PX_F_URL).len == 0) {
    if (url && px_article_get(out, PX_F_URL).len == 0 &&
        (rc = px_article_set(out, PX_F_URL, url, ulen)))
      return rc;
  }
  if (!fragment && ex->title.len &&
      (rc = px_article_set(out, PX_F_TITLE, ex->title.ptr, ex->title.len)))
    return rc;
  /* Byline: structured data first, then meta, then a byline element. */
  const px__buf *bl[] = {&m->ld_author, &m->author_meta, &m->item_author, &m->byline_el,
                         &m->byline_text, &m->ld_org_author};
  /* A name that is the site's own (the structured data's author given as
   * the outlet: "Cleveland Clinic" on its own pages) yields to a person
   * named further down; it is kept when there is none. */
  int site_named = -1, one_word = -1;
  char host[256];
  size_t hl = url_host(m, url_hint, host, sizeof host);
  for (size_t i = 0; i < 6 && px_article_get(out, PX_F_BYLINE).len == 0; i++) {
    if (!bl[i]->len) continue;
    clean_byline(bl[i]->ptr, bl[i]->len, t);
    /* the site's own name: og:site_name, the publisher, or one word that
     * names the host ("Buzzsprout" on buzzsprout.com) */
    if (t->len && i < 5 &&
        (text_eq_ci(t, &m->site) || text_eq_ci(t, &m->ld_publisher) ||
         (count_words(t->ptr, t->len) == 1 && h1_names_host(t, host, hl)))) {
      if (site_named < 0) site_named = (int)i;
      continue;
    }
    /* one word in the metadata ("KatieS", a handle or a first name) yields
     * to a full name the page's byline gives */
    if (t->len && count_words(t->ptr, t->len) == 1) {
      if (i < 3 && one_word < 0) {
        one_word = (int)i;
        continue;
      }
      if (one_word >= 0) continue;
    }
    if (t->len && (rc = px_article_set(out, PX_F_BYLINE, t->ptr, t->len))) return rc;
  }
  if (one_word >= 0 && px_article_get(out, PX_F_BYLINE).len == 0) {
    clean_byline(bl[one_word]->ptr, bl[one_word]->len, t);
    if ((rc = px_article_set(out, PX_F_BYLINE, t->ptr, t->len))) return rc;
  }
  if (site_named >= 0 && px_article_get(out, PX_F_BYLINE).len == 0) {
    clean_byline(bl[site_named]->ptr, bl[site_named]->len, t);
    if ((rc = px_article_set(out, PX_F_BYLINE, t->ptr, t->len))) return rc;
  }
  /* No candidate reads as names: the author the page's structured data
   * declares, as it spells it (a handle, "team", a lower-case name). */
  for (size_t i = 0; i < 3 && px_article_get(out, PX_F_BYLINE).len == 0; i++) {
    const px__buf *b = bl[i];
    size_t s0 = 0, e = b->len;
    while (s0 < e && is_space((unsigned char)b->ptr[s0])) s0++;
    while (e > s0 && is_space((unsigned char)b->ptr[e - 1])) e--;
    if (e - s0 < 2 || e - s0 > 60 || memchr(b->ptr + s0, '/', e - s0) ||
        memchr(b->ptr + s0, '{', e - s0))
      continue;
    bool letter = false;
    for (size_t k = s0; k < e && !letter; k++)
      letter = ((b->ptr[k] | 32) >= 'a' && (b->ptr[k] | 32) <= 'z') || (unsigned char)b->ptr[k] >= 0x80;
    if (letter && (rc = px_article_set(out, PX_F_BYLINE, b->ptr + s0, e - s0))) return rc;
  }
  /* The authors' links side by side that name the chosen author among
   * others ("Jane Roe, Bo Lind" where the metadata names the first alone)
   * stand for them all. */
  px_str cur = px_article_get(out, PX_F_BYLINE);
  if (cur.len && m->link_more) {
    clean_byline(m->byline_el.ptr, m->byline_el.len, &ex->names);
    size_t parts_el = 0, parts_cur = 0;
    for (size_t k = 0; k + 1 < ex->names.len; k++) parts_el += ex->names.ptr[k] == ',';
    for (size_t k = 0; k + 1 < cur.len; k++) parts_cur += cur.ptr[k] == ',';
    bool in = false;
    for (size_t k = 0; !in && k + cur.len <= ex->names.len; k++)
      in = strncasecmp(ex->names.ptr + k, cur.ptr, cur.len) == 0;
    if (parts_el > parts_cur && in &&
        (rc = px_article_set(out, PX_F_BYLINE, ex->names.ptr, ex->names.len)))
      return rc;
  }
  int64_t when;
  /* A fragment (a feed item's body) has no metadata of its own: its dates
   * would come from the text, so the feed's date stands alone. */
  if (!fragment) {
    const char *pu = px_article_get(out, PX_F_URL).ptr;
    size_t pl = px_article_get(out, PX_F_URL).len;
    int zone, has_zone;
    if (pick_date(m, pu, pl, url_hint, &when, &zone, &has_zone) == PX_OK) {
      px_article_set_published(out, when);
      if (has_zone) px_article_set_published_offset(out, zone);
    }
  }
  if ((rc = set_lang(out, &m->lang))) return rc;
  const char *site = m->site.len ? m->site.ptr : m->ld_publisher.len ? m->ld_publisher.ptr : NULL;
  size_t sl = m->site.len ? m->site.len : m->ld_publisher.len;
  if (!site) {
    px_str u = px_article_get(out, PX_F_URL);
    px__url_host(u.ptr, u.len, &site, &sl);
  }
  if ((rc = set_if_empty(out, PX_F_SOURCE, site, sl))) return rc;
  return PX_OK;
}

/* An author's note among the last paragraphs of the body: it begins with
 * the byline's first name followed by " is " or " has " ("Jane Doe is a
 * freelance writer..."), or with "Hi, I'm" / "About the author". */
static bool bio_para(const char *p, size_t n, const char *name, size_t nl) {
  if (starts_ci(p, n, "about the author") || starts_ci(p, n, "hi, i'm ") ||
      starts_ci(p, n, "hi, i\xE2\x80\x99m ") || starts_ci(p, n, "hi! i'm "))
    return true;
  if (nl < 4 || n <= nl + 5 || strncasecmp(p, name, nl) != 0) return false;
  const char *r = p + nl;
  size_t rl = n - nl;
  if (rl > 2 && r[0] == ' ' && isupper_ascii(r[1])) { /* "Tim Green UK-based ..." */
    /* the name, then a title in capitals: a bio line when short */
    return n < 160;
  }
  return starts_ci(r, rl, " is a ") || starts_ci(r, rl, " is an ") || starts_ci(r, rl, " is the ") ||
         starts_ci(r, rl, " has ") || starts_ci(r, rl, " writes ") ||
         starts_ci(r, rl, " covers ");
}

/* A closing paragraph that promotes the site, not the story: two or more
 * of the words a newsletter pitch, a social-media call, a company blurb or
 * a disclosure uses ("subscribe", "newsletter", "follow us", "Facebook",
 * "affiliate", "privacy policy"...). */
static bool promo_para(const char *p, size_t n, int need) {
  static const char *const cues[] = {
      "newsletter", "subscribe", "subscription", "sign up", "sign-up", "follow us",
      "facebook", "instagram", "twitter", "pinterest", "youtube", "tiktok", "linkedin",
      "mailing list", "affiliate", "commission", "privacy policy", "terms of",
      "contact us", "get started", "free trial", "your inbox", "advertis", "sponsor",
      "all rights reserved", "\xC2\xA9", "our team", "leave a comment", "star rating",
      "off your first", "promo code", "discount code", "with code", "use code", NULL};
  if (n > 600) return false;
  int hits = 0;
  for (size_t i = 0; cues[i]; i++)
    if (contains_ci(p, n, cues[i])) hits++;
  return hits >= need;
}

/* The site's blurb about itself: a paragraph that opens with the site's
 * own name (og:site_name, the publisher) and goes on with its legal form
 * or the words of a mission statement ("Five Books aims to ...", "Owl
 * Agency, LLC is a registered ...", "The Courier is an independent
 * newsroom").  At the end of a post it is the site's boilerplate, not
 * the story; a closing pitch written for the post ("Owl Agency offers
 * ...") is left to the post. */
static bool site_blurb(const char *p, size_t n, const px__buf *site) {
  size_t sl = site->len;
  if (sl < 4 || n <= sl + 5 || strncasecmp(p, site->ptr, sl) != 0) return false;
  const char *r = p + sl;
  size_t rl = n - sl;
  static const char *const verbs[] = {" aims to ",          ", llc",
                                      ", inc",              " llc ",
                                      " inc. ",             " is a nonprofit",
                                      " is a non-profit",   " is an independent",
                                      " is a registered",   " is a full-service",
                                      " is a full service", NULL};
  for (size_t i = 0; verbs[i]; i++)
    if (starts_ci(r, rl, verbs[i])) return true;
  return false;
}

static void drop_bios(px__buf *b, px_str byline, const meta *m) {
  if (!b->len) return;
  size_t nl = 0;
  while (nl < byline.len && byline.ptr[nl] != ',') nl++;
  /* the starts of the last four paragraphs */
  size_t st[4];
  int k = 0;
  for (size_t i = b->len; i-- > 0 && k < 4;) {
    if (i == 0) st[k++] = 0;
    else if (i >= 2 && b->ptr[i - 1] == '\n' && b->ptr[i - 2] == '\n') st[k++] = i;
  }
  for (int j = 0; j < k; j++) {
    size_t a = st[j], e = a;
    while (e < b->len && !(b->ptr[e] == '\n' && e + 1 < b->len && b->ptr[e + 1] == '\n')) e++;
    if (!bio_para(b->ptr + a, e - a, byline.ptr, nl) &&
        !(k > 1 && (site_blurb(b->ptr + a, e - a, &m->site) ||
                    site_blurb(b->ptr + a, e - a, &m->ld_publisher))) &&
        !(j < 2 && k == 4 && promo_para(b->ptr + a, e - a, 2)))
      continue;
    /* remove [a, e) with the break before it (or after it, for the first) */
    size_t from = a >= 2 ? a - 2 : a, to = a >= 2 ? e : PX__MIN(b->len, e + 2);
    memmove(b->ptr + from, b->ptr + to, b->len - to);
    b->len -= to - from;
    if (b->ptr) b->ptr[b->len] = '\0';
  }
}

/* ------------------------------------------------------------- page kind */

/* Up to two short lines at the very end of the body that no text
 * follows: a heading whose section the page left out ("Alternate
 * versions", "Next steps"), a link's label.  Four words or fewer and no
 * sentence's end. */
static void drop_orphan_heads(px__buf *b) {
  for (int rep = 0; rep < 2 && b->len; rep++) {
    size_t a = b->len;
    while (a >= 2 && !(b->ptr[a - 1] == '\n' && b->ptr[a - 2] == '\n')) a--;
    if (a < 2) return; /* the body's only paragraph stays */
    const char *p = b->ptr + a;
    size_t n = b->len - a;
    char last = n ? p[n - 1] : '.';
    if (count_words(p, n) > 4 || last == '.' || last == '!' || last == '?' || last == '"' ||
        last == ')' || last == ':' || (unsigned char)last >= 0x80)
      return;
    b->len = a - 2;
    b->ptr[b->len] = '\0';
  }
}

static bool url_has(const char *u, size_t n, const char *seg) {
  size_t k = strlen(seg);
  for (size_t i = 0; i + k <= n; i++)
    if (u[i] == '/' && strncasecmp(u + i + 1, seg, k) == 0 &&
        (i + 1 + k == n || u[i + 1 + k] == '/' || u[i + 1 + k] == '?' || u[i + 1 + k] == '.' ||
         u[i + 1 + k] == '-' || u[i + 1 + k] == '#'))
      return true;
  return false;
}

/* Is this page an article?  From the page's own word first (JSON-LD,
 * og:type), then its shape: how much prose the extractor found, how
 * long its paragraphs are, links, dates and bylines. */
static const char *page_kind(const px__page *g, const char *u, size_t ul) {
  bool ld_art = g->ld & PX__LD_ARTICLE;
  if (g->og == 2 || ((g->ld & PX__LD_PRODUCT) && !ld_art) || (g->cart >= 2 && !g->dated))
    return "product";
  if ((g->ld & PX__LD_FORUM) && !ld_art) return "forum";
  if ((g->ld & PX__LD_LISTING) && !ld_art && !g->dated) return "listing";
  bool docs = url_has(u, ul, "docs") || url_has(u, ul, "documentation") ||
              url_has(u, ul, "reference") || url_has(u, ul, "manual") ||
              (ul > 13 && (memmem(u, PX__MIN(ul, 16), "://docs.", 8) != NULL));
  if (docs && !g->dated && !ld_art) return "documentation";
  /* Over a hundred short lines and not one paragraph, no date: a grid of
   * products or links (what is left of a shop's category page once its
   * banners are cut), not an article. */
  if (!g->dated && !ld_art && g->long_paras == 0 && g->paras > 100) return "listing";
  /* Little prose: no date, no byline, fewer than three long paragraphs;
   * or no date and little text at all. */
  if (!g->dated && !g->authored && g->long_paras < 3) return "other";
  if (!g->dated && g->long_paras < 2 && g->words < 400) return "other";
  /* What was extracted is a small part of a page of links and teasers. */
  if (g->text_share < 15 && g->long_paras < 3 && !ld_art) return "listing";
  return NULL;
}

/* The bytes of p[0..n) that end a word: a space or newline after a byte
 * that is neither (the whole body is read, 16 bytes at a time with SSE2). */
static unsigned count_word_ends(const char *p, size_t n) {
  unsigned w = 0;
  size_t i = 1;
#ifdef __SSE2__
  const __m128i sp = _mm_set1_epi8(' '), nl = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
    __m128i u = _mm_loadu_si128((const __m128i *)(p + i - 1));
    __m128i sv = _mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, nl));
    __m128i su = _mm_or_si128(_mm_cmpeq_epi8(u, sp), _mm_cmpeq_epi8(u, nl));
    unsigned bits = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(su, sv));
    for (; bits; bits &= bits - 1) w++;
  }
#endif
  for (; i < n; i++)
    if ((p[i] == ' ' || p[i] == '\n') && p[i - 1] != ' ' && p[i - 1] != '\n') w++;
  return w;
}

static void page_measure(px__extractor *ex, const px_article *out) {
  px__page *g = &ex->m.sig;
  const px__buf *b = &ex->body;
  g->paras = b->len ? 1 : 0;
  g->words = count_word_ends(b->ptr, b->len);
  size_t start = 0;
  /* paragraph breaks: from one newline to the next */
  for (const char *q = b->len ? memchr(b->ptr, '\n', b->len) : NULL; q;
       q = memchr(q + 1, '\n', b->len - (size_t)(q + 1 - b->ptr))) {
    size_t i = (size_t)(q - b->ptr);
    if (i + 1 < b->len && b->ptr[i + 1] == '\n') {
      if (i - start >= 200) g->long_paras++;
      g->paras++;
      start = i + 2;
    }
  }
  if (b->len) {
    g->words++;
    if (b->len - start >= 200) g->long_paras++;
  }
  uint32_t all = 0, link = 0;
  for (size_t i = 0; i < ex->nn; i++) {
    const nd *d = &ex->nodes[i];
    if (d->flags & F_SKIP) continue;
    all += d->own;
    if (d->flags & F_INLINK) link += d->own;
  }
  g->link_share = all ? (unsigned)((uint64_t)link * 100 / all) : 0;
  g->text_share = all ? (unsigned)PX__MIN(100, (uint64_t)b->len * 100 / all) : 0;
  int has;
  px_article_published(out, &has);
  g->dated = has != 0;
  g->authored = px_article_get(out, PX_F_BYLINE).len > 0;
  px_str u = px_article_get(out, PX_F_URL);
  g->kind = page_kind(g, u.ptr, u.len);
}

const px__page *px__extract_page(const px__extractor *ex) { return &ex->m.sig; }

/* ------------------------------------------------------------------ entry */

int px__extract_html(px_ctx *ctx, px__extractor *ex, const char *html, size_t len,
                     const char *charset_hint, const char *url_hint, int flags, px_article *out,
                     px__buf *msg) {
  px__extractor *own = NULL;
  int rc;
  if (!ex) {
    if ((rc = px__extractor_take(ctx, &own))) return rc;
    ex = own;
  }
  size_t limit = ctx ? ctx->limit_record : (size_t)64 << 20;
  if (len > limit) {
    if (msg) px__buf_printf(msg, "page of %zu bytes over the %zu-byte record limit", len, limit);
    rc = PX_ETOOBIG;
    goto out;
  }
  char cs[64];
  size_t bom;
  px__charset_detect(html, len, charset_hint, cs, sizeof(cs), &bom);
  const char *doc = html + bom;
  size_t dlen = len - bom;
  if (!px__charset_is_utf8(cs)) {
    px__buf_clear(&ex->conv);
    ex->conv.cap = limit * 4 + 64;
    rc = px__charset_to_utf8(cs, doc, dlen, &ex->conv, msg);
    if (rc) goto out;
    doc = ex->conv.ptr ? ex->conv.ptr : "";
    dlen = ex->conv.len;
  } else if (px__utf8_valid_prefix(doc, dlen) != dlen) {
    /* Declared UTF-8 but not: repair (Windows-1252 when it fits better). */
    px__buf_clear(&ex->conv);
    size_t reps = 0, first = 0;
    if ((rc = px__utf8_repair(&ex->conv, doc, dlen, &reps, &first))) goto out;
    doc = ex->conv.ptr ? ex->conv.ptr : "";
    dlen = ex->conv.len;
  }
  /* Nesting past the cap is left out before the parser sees the page
   * (htmlpre.c): the parser's scope checks cost O(depth) per tag. */
  bool changed = false;
  if (ex->pre.cap == 0) ex->pre.cap = limit * 4 + 64;
  if ((rc = px__html_prepass(doc, dlen, &ex->pre, &changed, NULL))) goto out;
  if (changed) {
    doc = ex->pre.ptr ? ex->pre.ptr : "";
    dlen = ex->pre.len;
  }
  meta_bufs_init(&ex->m);
  memset(ex->memo, 0, sizeof(ex->memo)); /* it points into the tree cleaned here */
  myhtml_tree_clean(ex->tree);
  if (myhtml_parse(ex->tree, MyENCODING_UTF_8, doc, dlen) != 0) {
    if (msg) px__buf_puts(msg, "HTML parser failed");
    rc = PX_EFORMAT;
    goto out;
  }
  myhtml_tree_node_t *root = myhtml_tree_get_node_html(ex->tree);
  if (!root) {
    if (msg) px__buf_puts(msg, "no HTML document");
    rc = PX_ENOBODY;
    goto out;
  }
  uint32_t tp;
  if ((rc = walk(ex, root, &tp))) goto out;
  sum_up(ex, tp);
  if (!(flags & PX__EXTRACT_FRAGMENT)) {
    cut_email_boxes(ex);
    cut_button_pitches(ex);
  }
  int fragment = flags & PX__EXTRACT_FRAGMENT;
  px__buf_clear(&ex->title);
  /* JSON-LD strings are JSON, not HTML: some sites escape them for HTML
   * too ("Tools &#8211; Spreadsheet", "Maria &amp; Katerina"). */
  unescape_html(&ex->m.ld_headline);
  unescape_html(&ex->m.ld_author);
  unescape_html(&ex->m.ld_org_author);
  unescape_html(&ex->m.ld_publisher);
  if (!fragment) pick_title(&ex->m, url_hint, &ex->title);
  int32_t best = fragment ? 0 : score(ex);
  if ((rc = extract_body(ex, best, fragment))) goto out;
  if (ex->body.len == 0 && !fragment) {
    /* Nothing scored: fall back to the whole body text. */
    int32_t b = node_index(ex, myhtml_tree_get_node_body(ex->tree));
    if (b >= 0) {
      emitter e = {&ex->body, &ex->para, 0, 0, false, PX_OK, &ex->m, &ex->title, false,
                   SIZE_MAX};
      emit_subtree(ex, &e, b);
      if ((rc = e.rc)) goto out;
    }
  }
  if ((rc = fill_meta(ex, out, url_hint, fragment))) goto out;
  if (!fragment) drop_orphan_heads(&ex->body);
  if (!fragment) drop_bios(&ex->body, px_article_get(out, PX_F_BYLINE), &ex->m);
  if (!fragment) {
    page_measure(ex, out);
    const char *kind = ex->m.sig.kind;
    if (kind && ctx && ctx->skip_not_articles) {
      if (msg) px__buf_printf(msg, "not an article (%s page)", kind);
      rc = PX_ENOBODY;
      goto out;
    }
    if (kind && px_article_get(out, PX_F_META).len == 0) {
      char j[64];
      int jn = snprintf(j, sizeof(j), "{\"not_article\":\"%s\"}", kind);
      if ((rc = px_article_set(out, PX_F_META, j, (size_t)jn))) goto out;
    }
  }
  if (ex->body.len == 0) {
    if (msg && msg->len == 0) px__buf_puts(msg, "no article text found in the page");
    rc = PX_ENOBODY;
    goto out;
  }
  rc = px_article_set(out, PX_F_BODY, ex->body.ptr, ex->body.len);
  if (rc == PX_ETOOBIG && msg) px__buf_puts(msg, "article text over the body limit");
out:
  if (ex->pre.alloc > ((size_t)1 << 20)) px__buf_release(&ex->pre);
  if (ex->nalloc > ((size_t)1 << 20)) {
    /* Do not keep the node array of a huge page around. */
    free(ex->nodes);
    ex->nodes = NULL;
    ex->nalloc = ex->nn = 0;
  }
  px__extractor_give(ctx, own);
  return rc;
}
