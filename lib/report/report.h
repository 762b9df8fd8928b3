/*
 * report.h - the renderers of a comparison (text, JSON, Markdown, HTML)
 * and the buffered writer they share.  Renderers only read the comparison.
 */
#ifndef PX_REPORT_H
#define PX_REPORT_H

#include "align/compare.h"

typedef struct px__w {
  px_write_fn fn;
  void *user;
  px__buf buf;
  int err; /* first error: PX_EIO from the sink, PX_ENOMEM */
  px__buf tmp; /* scratch for a text put together (px__quote_text) */
} px__w;

PX__HIDDEN void px__w_raw(px__w *w, const char *p, size_t n);
PX__HIDDEN void px__w_str(px__w *w, px_str s);
PX__HIDDEN void px__w_puts(px__w *w, const char *s);
PX__HIDDEN void px__w_printf(px__w *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** A JSON string literal, quotes included (invalid UTF-8 cannot occur: bodies are repaired). */
PX__HIDDEN void px__w_json(px__w *w, const char *p, size_t n);
/** Text with & < > " escaped for HTML. */
PX__HIDDEN void px__w_html(px__w *w, const char *p, size_t n);
/** Text with Markdown's active characters escaped, newlines to spaces. */
PX__HIDDEN void px__w_md(px__w *w, const char *p, size_t n);
/** Flush the buffer to the sink. */
PX__HIDDEN void px__w_flush(px__w *w);

/** "2023-09-13T10:20:30Z" (iso) or "2023-09-13 10:20Z" into buf. */
PX__HIDDEN void px__fmt_time(int64_t t, bool iso, char *buf, size_t n);
/** Text of a fact member / quote member / value, borrowed from the comparison. */
PX__HIDDEN px_str px__span(const px_comparison *c, uint32_t art, uint32_t start, uint32_t end);
/** A statement as the brief shows it: t without an ellipsis that opens it
 * ("[…] The Post first reported ...") nor a wire dateline ("Washington
 * (CNN) - ...", "WASHINGTON – ..."). */
PX__HIDDEN px_str px__shown(px_str t);
PX__HIDDEN const char *px__qkind_name(const px__cqmember *m);
/** The words of a quote member as the reports show them: a direct quote's
 * quoted stretches, with " … " where the outlet's own words ("Lewis said")
 * stand between two of them, a partial quote's the same where a sentence
 * ends between two; other members as written.  The text lives in
 * w->tmp until the next call. */
PX__HIDDEN px_str px__quote_text(px__w *w, const px_comparison *c, const px__cqmember *m);
/** Same bytes? */
static inline bool px__str_same(px_str a, px_str b) {
  return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}
/** Facts in the order reports list them: shared first (more outlets first), then
 * unique ones, each by article and position.  *order is malloc'd. */
PX__HIDDEN int px__fact_order(const px_comparison *c, uint32_t **order /* OUT */);

/* The editor's brief: what the story is and what to read first. */
typedef struct px__brief {
  uint32_t lead;          /* the most central article: its title is the headline */
  int64_t t_first, t_last; /* dates of the articles (has_any: any dated) */
  bool has_time;
  uint32_t *core;         /* shared facts, most outlets first (ncore) */
  uint32_t *corem;        /* the member shown for each (index into c->mem) */
  size_t ncore;
  uint32_t *alone;        /* per article: up to `top` sentences only its outlet gives */
  uint32_t *nalone;       /* count per article (alone[a * top + k]) */
  size_t top;
} px__brief;
/** Build the brief (top items per section).  @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__brief_make(const px_comparison *c, size_t top, px__brief *b /* OUT */);
PX__HIDDEN void px__brief_release(px__brief *b);
/** The member of fact f that stands for it: the brief's pick for a core fact,
 * else the lead article's member when it has one. */
PX__HIDDEN uint32_t px__brief_member(const px_comparison *c, const px__brief *b, uint32_t f);
/** Who says the k-th core fact when the sentence shown is only a
 * quotation, its speaker named in another sentence ("“And I had my beanie
 * pulled over my face ...”"): the speaker of the rendering it holds; an
 * empty string when the sentence names its speaker or none is known. */
PX__HIDDEN px_str px__brief_core_speaker(const px_comparison *c, const px__brief *b, size_t k);
/* Contradicting attributions as the reports show them: the pairs of
 * c->qconf that share a rendering make one entry, each rendering listed
 * once ("CNN gives it to Buck, Fox News to Steel, the Times to Boehner"
 * is one entry, not two pairs). */
typedef struct px__qconf_groups {
  uint32_t *mem;   /* renderings (indexes into c->qmem), entry by entry */
  uint32_t *start; /* entry k: mem[start[k] .. start[k + 1]) */
  size_t n;        /* entries, in the order of their first pair */
} px__qconf_groups;
/** @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__qconf_group(const px_comparison *c, px__qconf_groups *out /* OUT */);
PX__HIDDEN void px__qconf_release(px__qconf_groups *g);
/** URL of article a ("" when none). */
PX__HIDDEN px_str px__art_url(const px_comparison *c, uint32_t a);

PX__HIDDEN void px__report_json(const px_comparison *c, px__w *w);
PX__HIDDEN void px__report_text(const px_comparison *c, const px_report_opts *o, px__w *w);
PX__HIDDEN void px__report_md(const px_comparison *c, const px_report_opts *o, px__w *w);
PX__HIDDEN void px__report_html(const px_comparison *c, px__w *w);

#endif /* PX_REPORT_H */
