/*
 * htmlpre.c - a linear pre-pass over a page before the HTML parser.
 *
 * The HTML tree builder checks "is element X in scope" by walking its stack
 * of open elements, once per tag: a page nested N levels deep costs O(N^2)
 * (1M nested <div> would take about 23 minutes).  This pass follows the
 * nesting with a small approximate tree builder (a stack of tag names; end
 * tags pop to their match; void, raw-text and self-closing-in-practice tags
 * do not nest) and, past PX__HTML_MAX_DEPTH levels, leaves the start tags and
 * their end tags out of a copy of the page.  The text inside is kept: only
 * the markup past the cap goes.  The same copy leaves out the content of
 * <script> and <style> elements the extractor never reads (code_unread):
 * half the bytes of a typical page, which the parser would otherwise
 * tokenize one character at a time, the drawing inside an icon's <svg>
 * (svg_drawing_end) and data-* attributes (drop_data_attrs).  A page with
 * none of these is handed to the parser unchanged, without a copy.
 */
#include "extract.h"

#include <myhtml/api.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A tag name folded to lower case and hashed into 32 bits (0 = none). */
static uint32_t name_hash(const char *p, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    h = (h ^ c) * 16777619u;
  }
  return h ? h : 1;
}

static bool name_is(const char *p, size_t n, const char *w) {
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != w[i]) return false; /* w's NUL ends a longer name here */
  }
  return w[n] == '\0';
}

static const char *const void_tags[] = {
    "area", "base", "basefont", "bgsound", "br",    "col",  "embed", "frame", "hr",
    "img",  "input", "keygen",  "link",    "meta",  "param", "source", "track", "wbr",
    "image", NULL};
/* Elements whose content is raw text up to their end tag. */
static const char *const raw_tags[] = {"script", "style",    "textarea", "title",    "xmp",
                                       "iframe", "noembed", "noframes", "noscript", NULL};
/* Elements a start tag of the same name closes when it is the current one. */
static const char *const sibling_tags[] = {"p",  "li", "dt", "dd",       "option", "optgroup",
                                           "tr", "td", "th", "a",        "rb",     "rt",
                                           "rp", "rtc", NULL};

/* Start tags that end an <svg> when the parser meets them inside one (the
 * HTML spec's breakout list for foreign content, and <font>; <blockquote>,
 * longer than the table's names, svg_drawing_end checks itself): the content
 * then holds page markup, not drawing. */
static const char *const breakout_tags[] = {
    "b",   "big", "body", "br",   "center",  "code", "dd",     "div",
    "dl",  "dt",   "em",         "embed", "h1",  "h2",      "h3",   "h4",     "h5",
    "h6",  "head", "hr",         "i",    "img",  "listing", "li",   "menu",   "meta",
    "nobr", "ol",  "p",          "pre",  "ruby", "s",       "small", "span",  "strike",
    "strong", "sub", "sup",      "table", "tt",  "u",       "ul",   "var",    "font",
    "svg", "math", NULL};

/* The lists above, looked up once per start tag: a name of up to eight
 * bytes folded to lower case is one 64-bit word (a longer name is in none
 * of them), found in a small open-addressed table the pass fills from the
 * lists when it starts. */
enum { TC_NONEST = 1 /* void, html, head, body: never nests */, TC_RAW = 2, TC_SIBLING = 4,
       TC_BREAKOUT = 8 /* ends an <svg> (svg_drawing_end) */ };
#define TC_SLOTS 128 /* a power of two, well over the names of the lists */
typedef struct tag_classes {
  uint64_t key[TC_SLOTS];
  uint8_t cls[TC_SLOTS];
} tag_classes;

/* The name folded to lower case in a word (0: empty or over 8 bytes). */
static uint64_t name_word(const char *p, size_t n) {
  if (n == 0 || n > 8) return 0;
  uint64_t w = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    w |= (uint64_t)c << (8 * i);
  }
  return w;
}

static size_t tc_slot(const tag_classes *t, uint64_t w) {
  size_t i = (size_t)((w * 0x9E3779B97F4A7C15u) >> 57) & (TC_SLOTS - 1);
  while (t->key[i] && t->key[i] != w) i = (i + 1) & (TC_SLOTS - 1);
  return i;
}

static void tc_add(tag_classes *t, const char *const *list, unsigned cls) {
  for (size_t k = 0; list[k]; k++) {
    uint64_t w = name_word(list[k], strlen(list[k]));
    size_t i = tc_slot(t, w);
    t->key[i] = w;
    t->cls[i] |= (uint8_t)cls;
  }
}

static void tc_fill(tag_classes *t) {
  static const char *const one_each[] = {"html", "head", "body", NULL};
  memset(t, 0, sizeof(*t));
  tc_add(t, void_tags, TC_NONEST);
  tc_add(t, one_each, TC_NONEST);
  tc_add(t, raw_tags, TC_RAW);
  tc_add(t, sibling_tags, TC_SIBLING);
  tc_add(t, breakout_tags, TC_BREAKOUT);
}

/* The TC_ classes of a tag name (0 for a name in no list). */
static unsigned tc_of(const tag_classes *t, const char *p, size_t n) {
  uint64_t w = name_word(p, n);
  return w ? t->cls[tc_slot(t, w)] : 0;
}

static bool is_name_char(unsigned char c) {
  return c != 0 && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '/' &&
         c != '>';
}

static bool is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

/* What tag_end does with a byte: most bytes of a tag (attribute names and
 * unquoted values) are 0, passed with one look-up. */
enum { TE_OTHER = 0, TE_GT, TE_QUOTE, TE_EQ, TE_SPACE };
static const unsigned char te_class[256] = {
    ['>'] = TE_GT,     ['"'] = TE_QUOTE,  ['\''] = TE_QUOTE, ['='] = TE_EQ,     [' '] = TE_SPACE,
    ['\t'] = TE_SPACE, ['\n'] = TE_SPACE, ['\r'] = TE_SPACE, ['\f'] = TE_SPACE};

/* Find the '>' closing a tag whose attributes start at i (quotes respected);
 * returns n when there is none.  *data (when not NULL) is set when white
 * space before "data-" suggests a data-* attribute (drop_data_attrs). */
static size_t tag_end(const char *p, size_t n, size_t i, bool *data) {
  bool after_eq = false;
  for (; i < n; i++) {
    unsigned k = te_class[(unsigned char)p[i]];
    if (k == TE_OTHER) {
      after_eq = false;
      continue;
    }
    if (k == TE_GT) return i;
    if (k == TE_QUOTE && after_eq) {
      /* a quoted value (most of a tag's bytes: classes, URLs, styles)
       * is passed over with memchr */
      const char *q = i + 1 < n ? memchr(p + i + 1, p[i], n - i - 1) : NULL;
      if (!q) return n;
      i = (size_t)(q - p);
      after_eq = false;
      continue;
    }
    if (k == TE_EQ) after_eq = true;
    else if (k != TE_SPACE) after_eq = false; /* a quote not after '=' */
    else if (data && i + 6 < n && p[i + 1] == 'd' && memcmp(p + i + 1, "data-", 5) == 0)
      *data = true;
  }
  return n;
}

/* Position of "</name" (any case) at or after i, or n; *comment says
 * whether a "<!--" comes before it. */
static size_t find_end_tag(const char *p, size_t n, size_t i, const char *name, size_t nl,
                           bool *comment) {
  *comment = false;
  while (i + 2 + nl <= n) {
    const char *lt = memchr(p + i, '<', n - i);
    if (!lt) return n;
    size_t j = (size_t)(lt - p);
    /* the name must end there, as the parser asks ("</scripts" does not
     * close a script): else content cut up to it would not be the
     * element's */
    if (j + 2 + nl < n && p[j + 1] == '/' && name_is(p + j + 2, nl, name) &&
        !is_name_char((unsigned char)p[j + 2 + nl]))
      return j;
    if (j + 4 <= n && p[j + 1] == '!' && p[j + 2] == '-' && p[j + 3] == '-') *comment = true;
    i = j + 1;
  }
  return n;
}

/* The content of a <script> or <style> the extractor never reads (it reads
 * JSON-LD only): about half the bytes of a news page, which the parser
 * would otherwise tokenize character by character.  The tag and its end tag
 * stay, so the tree keeps its shape.  A script holding "<!--" is kept
 * whole: there the parser's escaped states may carry it past the first
 * "</script" (the spec's script data escape), and cutting at that point
 * would turn the rest of the script into page text (the caller checks). */
static bool code_unread(const char *p, size_t attrs, size_t gt, size_t b, size_t e,
                        const char *low) {
  bool script = strcmp(low, "script") == 0;
  if ((!script && strcmp(low, "style") != 0) || e == b) return false;
  /* JSON of any type is kept (type="application/ld+json"), and so is a
   * script whose attributes hold a character reference: the parser decodes
   * "ld&#x2B;json" to JSON-LD, which this pass cannot tell. */
  if (script)
    for (size_t k = attrs; k < gt; k++)
      if (p[k] == '&' || (k + 4 <= gt && strncasecmp(p + k, "json", 4) == 0)) return false;
  return true;
}

/*
 * The end of the content of an <svg> drawn from markup alone (an icon: paths,
 * groups, shapes), which the extractor never reads: it does not walk into an
 * <svg>, and the text of a heading or byline (node_text) takes nothing from
 * one but whether it holds white space.  Returns the position of its "</svg"
 * from b (the byte after the start tag), or 0 to keep the content: text other
 * than white space (a <title>, a <text>, a character reference), a comment,
 * CDATA, a nested <svg>, an HTML integration point or a tag that ends the
 * <svg> (breakout_tags), or no end tag.  *ws says whether white space stood
 * between its tags.
 */
static size_t svg_drawing_end(const tag_classes *tc, const char *p, size_t n, size_t b,
                              bool *ws) {
  *ws = false;
  size_t i = b;
  while (i < n) {
    unsigned char c = (unsigned char)p[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      *ws = true;
      i++;
      continue;
    }
    if (c != '<' || i + 2 >= n) return 0;
    bool end = p[i + 1] == '/';
    size_t ns = i + (end ? 2 : 1);
    if (!is_alpha((unsigned char)p[ns])) return 0; /* a comment, CDATA, or '<' as text */
    size_t ne = ns;
    while (ne < n && is_name_char((unsigned char)p[ne])) ne++;
    if (end && name_is(p + ns, ne - ns, "svg")) return i;
    if (end ? name_is(p + ns, ne - ns, "br") || name_is(p + ns, ne - ns, "p")
            : (tc_of(tc, p + ns, ne - ns) & TC_BREAKOUT) || name_is(p + ns, ne - ns, "blockquote") ||
                  name_is(p + ns, ne - ns, "foreignobject"))
      return 0;
    size_t gt = tag_end(p, n, ne, NULL);
    if (gt >= n) return 0;
    i = gt + 1;
  }
  return 0;
}

typedef struct dropper dropper;
static void drop(dropper *d, size_t a, size_t b);

static bool is_tag_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/*
 * Leave the data-* attributes of a start tag out of the copy: script state
 * (JSON, tracking ids, image variants), a tenth of what the parser reads of
 * a news page, and the extractor reads none (it reads class, id, role,
 * itemprop, rel, style, hidden, aria-hidden, and on some elements content,
 * property, name, http-equiv, lang, href, type, datetime, pubdate).  The
 * attributes of [i, gt) are split as the parser's tokenizer does (a quote
 * opens a value only after '='); an attribute goes with the white space
 * before it.
 */
static void drop_data_attrs(dropper *d, const char *p, size_t i, size_t gt) {
  while (i < gt) {
    size_t ws = i;
    while (i < gt && (is_tag_space((unsigned char)p[i]) || p[i] == '/')) i++;
    size_t ks = i;
    if (i < gt && p[i] == '=') i++; /* a name may start with '=' */
    while (i < gt && !is_tag_space((unsigned char)p[i]) && p[i] != '/' && p[i] != '=') i++;
    size_t ke = i;
    if (ke == ks) return;
    size_t j = i;
    while (j < gt && is_tag_space((unsigned char)p[j])) j++;
    if (j < gt && p[j] == '=') {
      j++;
      while (j < gt && is_tag_space((unsigned char)p[j])) j++;
      if (j < gt && (p[j] == '"' || p[j] == '\'')) {
        const char *q = memchr(p + j + 1, p[j], gt - j - 1);
        if (!q) return; /* tag_end and this split disagree: leave the tag */
        j = (size_t)(q - p) + 1;
      } else {
        while (j < gt && !is_tag_space((unsigned char)p[j])) j++;
      }
      i = j;
    }
    if (ke - ks > 5 && strncasecmp(p + ks, "data-", 5) == 0 && ws < ks &&
        is_tag_space((unsigned char)p[ws]))
      drop(d, ws, i);
  }
}

struct dropper {
  const char *p;
  size_t copied; /* input bytes up to here are in out (once copying) */
  px__buf *out;
  bool copying;
  int rc;
};

/* Leave [a, b) out of the copy. */
static void drop(dropper *d, size_t a, size_t b) {
  if (d->rc) return;
  if (!d->copying) {
    d->copying = true;
    px__buf_clear(d->out);
  }
  d->rc = px__buf_append(d->out, d->p + d->copied, a - d->copied);
  d->copied = b;
}

int px__html_prepass(const char *p, size_t n, px__buf *out, bool *changed, size_t *dropped) {
  *changed = false;
  if (dropped) *dropped = 0;
  uint32_t stack[PX__HTML_MAX_DEPTH];
  size_t depth = 0, over = 0, ndropped = 0;
  dropper d = {p, 0, out, false, PX_OK};
  tag_classes classes;
  tc_fill(&classes);
  size_t i = 0;
  while (i < n && d.rc == PX_OK) {
    const char *lt = memchr(p + i, '<', n - i);
    if (!lt) break;
    size_t a = (size_t)(lt - p);
    if (a + 1 >= n) break;
    unsigned char c1 = (unsigned char)p[a + 1];
    if (c1 == '!') {
      if (a + 4 <= n && p[a + 2] == '-' && p[a + 3] == '-') {
        const char *e = a + 4 < n ? memmem(p + a + 4, n - a - 4, "-->", 3) : NULL;
        if (!e) break;
        i = (size_t)(e - p) + 3;
      } else {
        const char *e = memchr(p + a, '>', n - a);
        if (!e) break;
        i = (size_t)(e - p) + 1;
      }
      continue;
    }
    if (c1 == '?') {
      const char *e = memchr(p + a, '>', n - a);
      if (!e) break;
      i = (size_t)(e - p) + 1;
      continue;
    }
    bool end = c1 == '/';
    size_t ns = a + (end ? 2 : 1);
    if (ns >= n || !is_alpha((unsigned char)p[ns])) {
      i = a + 1;
      continue;
    }
    size_t ne = ns;
    while (ne < n && is_name_char((unsigned char)p[ne])) ne++;
    bool data = false;
    size_t gt = tag_end(p, n, ne, end ? NULL : &data);
    if (gt >= n) break; /* an unfinished tag: the parser takes the rest as text */
    size_t b = gt + 1;
    const char *name = p + ns;
    size_t nl = ne - ns;
    i = b;
    if (end) {
      if (over) {
        over--;
        drop(&d, a, b);
        ndropped++;
        continue;
      }
      uint32_t h = name_hash(name, nl);
      for (size_t k = depth; k > 0; k--)
        if (stack[k - 1] == h) {
          depth = k - 1;
          break;
        }
      continue;
    }
    /* html, head and body are one each: a repeat does not nest. */
    unsigned tc = tc_of(&classes, name, nl);
    if (tc & TC_NONEST) continue;
    if (tc & TC_RAW) {
      char low[16]; /* find_end_tag takes the name in lower case */
      size_t ll = nl < sizeof(low) ? nl : sizeof(low) - 1;
      for (size_t k = 0; k < ll; k++) low[k] = (char)(name[k] | 32);
      low[ll] = 0;
      bool comment;
      i = find_end_tag(p, n, b, low, ll, &comment);
      if (i >= n) break;
      if (!comment && code_unread(p, ne, gt, b, i, low)) drop(&d, b, i);
      continue;
    }
    if (name_is(name, nl, "plaintext")) break;
    uint32_t h = name_hash(name, nl);
    /* Only the top is closed: closing deeper would count less nesting than
     * the parser builds, and an over-count is only ever safe. */
    if (depth && stack[depth - 1] == h && (tc & TC_SIBLING)) depth--;
    if (over || depth == PX__HTML_MAX_DEPTH) {
      over++;
      drop(&d, a, b);
      ndropped++;
      continue;
    }
    stack[depth++] = h;
    if (data) drop_data_attrs(&d, p, ne, gt);
    if (nl == 3 && name_is(name, nl, "svg") && p[gt - 1] != '/') {
      /* An icon's drawing: left out, or one space for its white space. */
      bool ws;
      size_t e = svg_drawing_end(&classes, p, n, b, &ws);
      if (e > b) {
        drop(&d, b, e);
        if (ws && !d.rc) d.rc = px__buf_append(out, " ", 1);
        i = e;
      }
    }
  }
  if (d.rc) return d.rc;
  if (d.copying) {
    int rc = px__buf_append(out, p + d.copied, n - d.copied);
    if (rc) return rc;
    *changed = true;
  }
  if (dropped) *dropped = ndropped;
  return PX_OK;
}

/* The guard on myhtml's text tokens (extract.h says why).  Debian's
 * libmodest (0.0~git20210803) crops leading whitespace in place in
 * myhtml_insertion_fix_emit_for_text_begin_ws and
 * myhtml_insertion_fix_split_for_text_begin_ws (modes before <body>, and the
 * first newline after <pre>, <listing> and <textarea>); the crop moves the
 * data pointer by the whitespace count and leaves the capacity as it was.
 * Only the public string API is used: the capacity set here is the one
 * the buffer has left after such a crop. */
void *px__html_token_guard(myhtml_tree_t *tree, myhtml_token_node_t *token, void *ctx) {
  (void)tree;
  if (!token || myhtml_token_node_tag_id(token) != MyHTML_TAG__TEXT) return ctx;
  mycore_string_t *s = myhtml_token_node_string(token);
  const char *d = s ? mycore_string_data(s) : NULL;
  if (!d) return ctx;
  size_t len = mycore_string_length(s), i = 0;
#ifdef __SSE2__
  /* Most text tokens are the white space between tags, read 16 at a time. */
  const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n'),
                ff = _mm_set1_epi8('\f'), cr = _mm_set1_epi8('\r');
  for (; i + 16 <= len; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(d + i));
    __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab)),
                              _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, ff)),
                                           _mm_cmpeq_epi8(v, cr)));
    unsigned other = ~(unsigned)_mm_movemask_epi8(ws) & 0xFFFFu;
    if (other) {
      i += (size_t)__builtin_ctz(other);
      break;
    }
  }
#endif
  /* the rest (or nothing: d[i] is then not white space) */
  while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\f' || d[i] == '\r'))
    i++;
  size_t cap = mycore_string_size(s);
  if (i) mycore_string_size_set(s, cap > i ? cap - i : 0);
  return ctx;
}
