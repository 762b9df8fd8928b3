/*
 * compare.c - px_compare: the comparison of the articles of one story.
 *
 * Each article is analyzed (px_analyze: sentences, tokens, dateline,
 * entities).  Its sentences get IDF-weighted features over the whole story
 * plus WordNet's background counts; facts.c links and groups sentences of
 * different articles; every sentence ends in exactly one fact of its own,
 * so a fact with one outlet is what only that outlet reports and no article
 * is ever dropped from the result (a sentence that carries a second claim
 * is listed in that claim's fact too: second_facts).  Then: numbers that differ inside one fact,
 * entities merged by key with the outlets that mention them, quote variants
 * (cquotes.c), the first report of each fact, datelines, and the wire-copy
 * share from duplicate detection (px_dedup).
 */
#include "align/compare.h"
#include "analyze/quote.h"
#include "story/story.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The memory of a comparison grows with its text: about 64 bytes per byte of
 * article text (the analysis, features and pair scores it keeps; 255 KB for
 * a 4 KB article).  These caps bound it (docs/limits.md): at most 1000
 * articles by default, and 8 MiB of article text whatever the article cap,
 * about 550 MB at most. */
#define PX__COMPARE_MAX_ARTICLES 1000
#define PX__COMPARE_MAX_TEXT ((size_t)8 << 20)

void px_compare_opts_init(px_compare_opts *o) {
  if (!o) return;
  memset(o, 0, sizeof *o);
  o->threshold = 0;
  o->max_articles = PX__COMPARE_MAX_ARTICLES;
  o->quotes = 1;
  o->wire = 1;
}

int px__cmp_warn(px_comparison *c, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return PX_EINVAL;
  if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
  if ((c->nwarn & (c->nwarn + 1)) == 0 || c->nwarn == 0) {
    size_t cap = c->nwarn ? (c->nwarn + 1) * 2 : 4;
    px_str *t = realloc(c->warn, cap * sizeof *t);
    if (!t) return PX_ENOMEM;
    c->warn = t;
  }
  char *s = px__arena_strndup(&c->arena, buf, (size_t)n);
  if (!s) return PX_ENOMEM;
  c->warn[c->nwarn++] = (px_str){s, (size_t)n};
  return PX_OK;
}

void px_comparison_free(px_comparison *c) {
  if (!c) return;
  for (size_t i = 0; i < c->nart; i++) {
    px_doc_free(c->art[i].doc);
    px_article_free(c->art[i].art);
  }
  free(c->art);
  free(c->outlet);
  free(c->fact);
  free(c->mem);
  free(c->sent_fact);
  free(c->quote);
  free(c->qmem);
  free(c->qconf);
  free(c->ent);
  free(c->var);
  free(c->eart);
  free(c->disc);
  free(c->dval);
  free(c->warn);
  free(c->near);
  free(c->flink);
  free(c->alike);
  px__arena_release(&c->arena);
  free(c);
}

static bool str_eq(px_str a, px_str b) {
  return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* --------------------------------------------------------- per article */

/* Is [s, e) a report of someone's words: a quotation mark ("...", curly
 * quotes, or a single quote opening after a space) and, outside the
 * quotation, a verb of saying ("The president this morning says 'I feel
 * badly ...'")?  A post that opens on a quotation and goes on in its own
 * words ("'This is insane.' What began with ...") is not. */
static bool reports_quote(const char *p, size_t s, size_t e) {
  static const char *const cue[] = {" says ", " said ", " told ", " tells ", " asks ", " asked ",
                                    " writes ", " wrote ", " adds ", " added ", "according to "};
  bool mark = false;
  for (size_t i = s; i < e && !mark; i++) {
    unsigned char ch = (unsigned char)p[i];
    mark = ch == '"' || (ch == '\'' && i > s && p[i - 1] == ' ') ||
           (ch == 0xE2 && i + 2 < e && (unsigned char)p[i + 1] == 0x80 &&
            ((unsigned char)p[i + 2] == 0x9C || (unsigned char)p[i + 2] == 0x98));
  }
  if (!mark) return false;
  for (size_t c = 0; c < sizeof cue / sizeof *cue; c++) {
    size_t k = strlen(cue[c]);
    for (size_t i = s; i + k <= e; i++)
      if (memcmp(p + i, cue[c], k) == 0) return true;
  }
  return false;
}

/* The stretches of a's body that are embedded posts, from a post's words to
 * the end of its signature (px__post_next).  Their sentences are the words
 * of the post's author, not the outlet's reporting: they are left out of
 * facts like page furniture, and the post is compared as a quote of its
 * author (cquotes.c).  A post that quotes someone ("The president this
 * morning says 'I feel badly ...'", a reporter relaying a remark) reports
 * news and stays in the facts. */
static int find_posts(px_comparison *c, px__cart *a) {
  size_t from = 0, n = 0, cap = 0;
  uint32_t *v = NULL;
  px__post ps;
  while (px__post_next(a->tx->body, a->tx->len, &from, &ps)) {
    if (reports_quote(a->tx->body, ps.text_start, ps.text_end)) continue;
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 4;
      uint32_t *g = px__arena_alloc(&c->arena, 2 * nc * sizeof *g);
      if (!g) return PX_ENOMEM;
      if (n) memcpy(g, v, 2 * n * sizeof *g);
      v = g;
      cap = nc;
    }
    v[2 * n] = ps.text_start;
    v[2 * n + 1] = ps.end;
    n++;
  }
  a->post = v;
  a->npost = (uint32_t)n;
  return PX_OK;
}

/* Does text hold a photo gallery's control ("Hide Caption 11 of 23",
 * "Show Caption")? */
static bool gallery_control(const char *p, size_t n) {
  for (size_t i = 0; i + 12 <= n; i++)
    if ((p[i] == 'H' || p[i] == 'h' || p[i] == 'S' || p[i] == 's') &&
        (strncasecmp(p + i, "hide caption", 12) == 0 || strncasecmp(p + i, "show caption", 12) == 0))
      return true;
  return false;
}

static int load_articles(px_comparison *c, px_ctx *ctx, const px_article *const *arts,
                         px__cinput *in) {
  px_analyzer *an = NULL;
  int rc = PX_OK;
  for (size_t i = 0; i < c->nart; i++) {
    px__cart *a = &c->art[i];
    a->wire_share = -1;
    a->wire_source = a->dup_of = -1;
    const uint8_t *template_text = NULL;
    if (in && in[i].doc) { /* the stored analysis */
      a->doc = in[i].doc;
      a->quotes = in[i].quotes;
      template_text = in[i].template_text;
      in[i].doc = NULL;
    }
    if ((rc = px_article_clone(arts[i], &a->art))) goto out;
    if (!a->doc && !an && (rc = px_analyzer_new(ctx, &an))) goto out;
    if (!a->doc && (rc = px_analyze(an, a->art, &a->doc))) goto out;
    a->tx = px__doc_text(a->doc);
    a->ents = px__doc_entities(a->doc);
    a->id = px_article_get(a->art, PX_F_ID);
    if (!a->id.len) a->id = px_article_get(a->art, PX_F_ORIGIN);
    a->source = px_article_get(a->art, PX_F_SOURCE);
    a->title = px_article_get(a->art, PX_F_TITLE);
    a->published = px_article_published(a->art, &a->has_time);
    a->store_id = px_article_id(a->art);
    a->label = a->source.len ? a->source : a->id;
    if (!a->label.len) {
      char buf[32];
      int n = snprintf(buf, sizeof buf, "article %zu", i + 1);
      char *s = px__arena_strndup(&c->arena, buf, (size_t)n);
      if (!s) {
        rc = PX_ENOMEM;
        goto out;
      }
      a->label = (px_str){s, (size_t)n};
    }
    px_doc_dateline(a->doc, &a->place, &a->agency);
    a->nsent = (uint32_t)a->tx->nsent;
    if ((rc = find_posts(c, a))) goto out;
    /* page furniture, asked once per sentence: the facts, the quotes and the
     * discrepancies all leave it out */
    uint8_t *furn = px__arena_alloc(&c->arena, a->nsent + 1);
    if (!furn) {
      rc = PX_ENOMEM;
      goto out;
    }
    for (uint32_t s = 0; s < a->nsent; s++) {
      const px__sentence *se = &a->tx->sent[s];
      furn[s] = px__furniture_text(a->tx->body + se->start, se->end - se->start) ||
                (template_text && template_text[s]);
    }
    /* a photo gallery run into the text ("... Hide Caption 11 of 23
     * Photos: Photos: Sydney cafe siege ... She was one of five people seen
     * fleeing the cafe. Hide Caption 12 of 23 ..."): in a paragraph with
     * two of its controls or more, what stands between the first and the
     * last is captions, and so is the caption just before the first */
    for (uint32_t s = 0; s < a->nsent;) {
      uint32_t e = s, first = UINT32_MAX, last = 0, marks = 0;
      while (e < a->nsent && a->tx->sent[e].para == a->tx->sent[s].para) {
        const px__sentence *se = &a->tx->sent[e];
        if (furn[e] && gallery_control(a->tx->body + se->start, se->end - se->start)) {
          if (first == UINT32_MAX) first = e;
          last = e;
          marks++;
        }
        e++;
      }
      if (marks >= 2)
        for (uint32_t k = first > s + 2 ? first - 2 : s; k <= last; k++) furn[k] = 1;
      /* a video's blurb: its paragraph opens on the player's "CLOSE" (one
       * to five sentences in the AllSides set; a body in one paragraph is
       * not taken for one) */
      const px__sentence *f0 = &a->tx->sent[s];
      if (e - s <= 6 && px__video_blurb(a->tx->body + f0->start, f0->end - f0->start))
        for (uint32_t k = s; k < e; k++) furn[k] = 1;
      /* the author's note closing the article, longer than the one-line
       * test allows: "Greg Myre is the international editor at NPR.org and
       * the co-author with ... of This Burning Land: ..." */
      if (e == a->nsent && e - s <= 3 && px__author_bio(a->tx->body + f0->start, f0->end - f0->start, 45))
        for (uint32_t k = s; k < e; k++) furn[k] = 1;
      s = e;
    }
    a->furn = furn;
    size_t words = 0, stops = 0;
    for (size_t k = 0; k < a->tx->ntok; k++)
      if (a->tx->tok[k].kind == PX__TOK_WORD) {
        words++;
        if (a->tx->tok[k].flags & PX__TF_STOP) stops++;
      }
    px_str body = px_doc_body(a->doc);
    if (body.len == 0 || words + a->tx->ntok == 0) {
      a->flags |= PX__CA_EMPTY;
      rc = px__cmp_warn(c, "article %zu (%.*s) is empty: it carries no fact", i + 1,
                        (int)a->label.len, a->label.ptr);
    } else if (a->nsent == 0) {
      a->flags |= PX__CA_NOSENT;
      rc = px__cmp_warn(c, "article %zu (%.*s) has no sentence", i + 1, (int)a->label.len,
                        a->label.ptr);
    } else if (words >= 20 && stops * 20 < words) {
      a->flags |= PX__CA_FOREIGN;
      rc = px__cmp_warn(c,
                        "article %zu (%.*s) has almost no English function words; if it is in "
                        "another language its facts will all show as unique to it",
                        i + 1, (int)a->label.len, a->label.ptr);
    }
    if (rc) goto out;
  }
out:
  px_analyzer_free(an);
  return rc;
}

static int assign_outlets(px_comparison *c) {
  c->outlet = malloc((c->nart + 1) * sizeof *c->outlet);
  if (!c->outlet) return PX_ENOMEM;
  for (size_t i = 0; i < c->nart; i++) {
    size_t k = 0;
    /* Stories rarely have more than a few hundred outlets; a linear scan
     * per article keeps this simple (500 x 500 string compares at most). */
    while (k < c->noutlet && !str_eq(c->outlet[k], c->art[i].label)) k++;
    if (k == c->noutlet) c->outlet[c->noutlet++] = c->art[i].label;
    c->art[i].outlet = (uint32_t)k;
  }
  return PX_OK;
}

static int cmp_u64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

static int cmp_time_idx(const void *x, const void *y, void *u) {
  const px_comparison *c = u;
  const px__cart *a = &c->art[*(const uint32_t *)x], *b = &c->art[*(const uint32_t *)y];
  if (a->has_time != b->has_time) return a->has_time ? -1 : 1;
  if (a->has_time && a->published != b->published) return a->published < b->published ? -1 : 1;
  return (*(const uint32_t *)x > *(const uint32_t *)y) - (*(const uint32_t *)x < *(const uint32_t *)y);
}

static int copy_warnings(px_comparison *c);

/* Wire share and copies known beforehand (a stored story's). */
static int wire_given(px_comparison *c, const px_compare_link *l) {
  for (size_t i = 0; i < c->nart; i++) {
    px__cart *a = &c->art[i];
    a->wire_share = l[i].wire_share;
    if (l[i].wire_source >= 0 && (size_t)l[i].wire_source < c->nart && (size_t)l[i].wire_source != i)
      a->wire_source = l[i].wire_source;
    if (l[i].dup_of >= 0 && (size_t)l[i].dup_of < c->nart && (size_t)l[i].dup_of != i) {
      a->dup_of = l[i].dup_of;
      a->flags |= l[i].dup_exact ? PX__CA_DUP : PX__CA_NEARDUP;
    }
  }
  return copy_warnings(c);
}

/* Wire share and copies, from the duplicate detector fed in time order. */
static int wire(px_comparison *c, px_ctx *ctx) {
  uint32_t *order = malloc((c->nart + 1) * sizeof *order);
  if (!order) return PX_ENOMEM;
  for (size_t i = 0; i < c->nart; i++) order[i] = (uint32_t)i;
  qsort_r(order, c->nart, sizeof *order, cmp_time_idx, c);
  px_dedup *dd = NULL;
  int rc = px_dedup_new(ctx, NULL, &dd);
  for (size_t k = 0; rc == PX_OK && k < c->nart; k++) {
    px_story_result r;
    px__cart *a = &c->art[order[k]];
    rc = px_dedup_add(dd, a->art, &r);
    if (rc) break;
    a->wire_share = r.wire_share;
    if (r.wire_source >= 0 && (size_t)r.wire_source < k) a->wire_source = order[r.wire_source];
    if (r.dup_of >= 0 && (size_t)r.dup_of < k) {
      a->dup_of = order[r.dup_of];
      a->flags |= r.dup_exact ? PX__CA_DUP : PX__CA_NEARDUP;
    }
  }
  px_dedup_free(dd);
  free(order);
  return rc ? rc : copy_warnings(c);
}

static int copy_warnings(px_comparison *c) {
  int rc = PX_OK;
  for (size_t i = 0; rc == PX_OK && i < c->nart; i++)
    if (c->art[i].dup_of >= 0) {
      const px__cart *a = &c->art[i];
      rc = px__cmp_warn(c, "article %zu (%.*s) is %s of article %ld (%.*s)", i + 1,
                        (int)a->label.len, a->label.ptr,
                        (a->flags & PX__CA_DUP) ? "an exact copy" : "a near copy",
                        a->dup_of + 1, (int)c->art[a->dup_of].label.len,
                        c->art[a->dup_of].label.ptr);
    }
  return rc;
}

/* ---------------------------------------------------------------- facts */

/* A sentence's membership in a fact other than its own. */
typedef struct px__second {
  uint32_t sent, fact; /* global sentence index, fact */
  uint32_t start, end; /* span of the member in the article's body */
} px__second;

/* The index in c->mem of fact f's member that is global sentence g, one
 * of its members: a fact's members are in the order of their sentences
 * (each once), so a search of its own range finds it. */
static uint32_t member_at(const px_comparison *c, uint32_t f, uint32_t g) {
  uint32_t lo = c->fact[f].first, hi = lo + c->fact[f].count;
  while (lo + 1 < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (c->art[c->mem[mid].art].sent_first + c->mem[mid].sent <= g) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* Has sentence s of article a fewer than PX__CORE_WORDS words? */
static bool few_words(const px_comparison *c, uint32_t a, uint32_t s) {
  const px__text *tx = c->art[a].tx;
  const px__sentence *se = &tx->sent[s];
  size_t w = 0;
  bool in = false;
  for (uint32_t i = se->start; i < se->end && w < PX__CORE_WORDS; i++) {
    bool sp = tx->body[i] == ' ' || tx->body[i] == '\n' || tx->body[i] == '\t';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w < PX__CORE_WORDS;
}

/* The first index of v[0, n) holding at least h. */
static size_t lower_u64(const uint64_t *v, size_t n, uint64_t h) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Room for n in *v (*cap of them now).  @return PX_OK, PX_ENOMEM. */
static int grow_u64(uint64_t **v, size_t *cap, size_t n) {
  if (n <= *cap) return PX_OK;
  size_t c = *cap ? *cap * 2 : 1024;
  while (c < n) c *= 2;
  uint64_t *p = realloc(*v, c * sizeof *p);
  if (!p) return PX_ENOMEM;
  *v = p;
  *cap = c;
  return PX_OK;
}

#define TITLE_WORDS 32
#define LEDE_SENTENCES 5

/* A warning when articles share no fact of news with another outlet's
 * (given two outlets or more): they may report another event, or none of
 * them the same one. */
static int unshared_warning(px_comparison *c) {
  if (c->noutlet < 2 || c->nart < 2) return PX_OK;
  uint8_t *shared = calloc(c->nart, 1);
  if (!shared) return PX_ENOMEM;
  for (size_t f = 0; f < c->nfact; f++) {
    const px__cfact *fa = &c->fact[f];
    if (fa->noutlets < 2 || fa->furniture) continue;
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) shared[c->mem[j].art] = 1;
  }
  size_t with_text = 0, alone = 0, listed = 0;
  char list[128];
  size_t ll = 0;
  list[0] = '\0';
  for (size_t i = 0; i < c->nart; i++) {
    if (c->art[i].flags & (PX__CA_EMPTY | PX__CA_NOSENT)) continue; /* warned of already */
    with_text++;
    if (shared[i]) continue;
    alone++;
    if (listed < 8 && ll + 24 < sizeof list) {
      int w = snprintf(list + ll, sizeof list - ll, "%s%zu", listed ? ", " : "", i + 1);
      if (w > 0) ll += (size_t)w;
      listed++;
    }
  }
  free(shared);
  if (!alone) return PX_OK;
  if (alone == with_text)
    return px__cmp_warn(c, "the articles share no fact: they may not report one event");
  return px__cmp_warn(c,
                      "%zu of %zu articles share no fact with another outlet's: they may report "
                      "another event (article%s %s%s)",
                      alone, with_text, alone > 1 ? "s" : "", list,
                      alone > listed ? ", ..." : "");
}

/* How well each article's title names the story (its title_cover, 0 to
 * 1): how
 * many of the other articles use each of its words (stems of words that
 * are not stopwords) in their title or lede (the first LEDE_SENTENCES
 * sentences that are not page furniture), as a share of those articles,
 * summed over its words and divided by their count plus one, so a title
 * of one or two words is not taken for a central one.  "Economy added
 * 312,000 jobs in December" names a story about a jobs report; a
 * column's "Recession on the horizon? Why this economist says the Fed is
 * a villain" does not.  Duplicates count as neither.  One sort of every
 * article's words: n log n.  @return PX_OK, PX_ENOMEM. */
static int title_cover(px_comparison *c) {
  px__textan *ta = NULL;
  px__arena arena;
  px__arena_init(&arena, 1 << 14);
  uint64_t *ts = malloc((c->nart * TITLE_WORDS + 1) * sizeof *ts);
  uint32_t *nt = calloc(c->nart + 1, sizeof *nt);
  uint64_t *g = NULL;
  size_t nall = 0, gcap = 0, arts = 0;
  int rc = PX_ENOMEM;
  if (!ts || !nt || px__textan_new_cache(&ta, 10)) goto out;
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    c->art[i].title_cover = 0;
    if (a->dup_of >= 0) continue;
    arts++;
    size_t first = nall;
    if (a->title.len) {
      px__text tx;
      if (px__text_analyze(ta, a->title.ptr, a->title.len, &arena, &tx)) goto out;
      uint64_t *ti = ts + i * TITLE_WORDS;
      for (size_t k = 0; k < tx.ntok && nt[i] < TITLE_WORDS; k++)
        if (tx.tok[k].stem && !(tx.tok[k].flags & PX__TF_STOP)) ti[nt[i]++] = tx.tok[k].stem;
      nt[i] = (uint32_t)px__sort_unique_u64(ti, nt[i]);
      if (nt[i]) {
        if (grow_u64(&g, &gcap, nall + nt[i])) goto out;
        memcpy(g + nall, ti, nt[i] * sizeof *ti);
        nall += nt[i];
      }
      px__arena_reset(&arena);
    }
    uint32_t lede = 0, prev = UINT32_MAX;
    for (size_t k = 0; k < a->tx->ntok; k++) {
      const px__token *t = &a->tx->tok[k];
      bool furn = t->sent < a->nsent && a->furn && a->furn[t->sent];
      if (t->sent != prev) {
        prev = t->sent;
        if (!furn && ++lede > LEDE_SENTENCES) break;
      }
      if (furn || !t->stem || (t->flags & PX__TF_STOP)) continue;
      if (grow_u64(&g, &gcap, nall + 1)) goto out;
      g[nall++] = t->stem;
    }
    /* one of each word per article (none yet: g may still be NULL) */
    if (nall > first) nall = first + px__sort_unique_u64(g + first, nall - first);
  }
  if (nall) qsort(g, nall, sizeof *g, px__cmp_u64);
  for (size_t i = 0; i < c->nart; i++) {
    if (!nt[i] || arts < 2) continue;
    const uint64_t *ti = ts + i * TITLE_WORDS;
    double sum = 0;
    for (uint32_t w = 0; w < nt[i]; w++) {
      size_t lo = lower_u64(g, nall, ti[w]), hi = lower_u64(g, nall, ti[w] + 1);
      sum += (double)(hi - lo - 1); /* the article's own title is among them */
    }
    c->art[i].title_cover = sum / (double)(arts - 1) / (nt[i] + 1);
  }
  rc = PX_OK;
out:
  px__textan_free(ta);
  px__arena_release(&arena);
  free(g);
  free(ts);
  free(nt);
  return rc;
}

/*
 * Second claims.  A news sentence often carries two claims ("X told Y ...,
 * as the two leaders met at ..."), and grouping puts it in one fact only.
 * It joins another fact too when it is linked to every member of that
 * fact of other articles (the fact as a whole, not one neighbour), the
 * fact holds at most one sentence of its own article (an outlet may tell
 * one claim over two sentences, as grouping allows; it does not make one
 * fact of three) and spans at least two other articles or links to its
 * one member strongly.
 */
static int second_facts(px_comparison *c, const px__sref *ref, const px__ssent *ss, size_t n,
                        const px__link *links, size_t nlinks, const uint32_t *group,
                        px__second **out, size_t *nout) {
  *out = NULL;
  *nout = 0;
  double t2 = PX__SECOND_LINK < c->threshold ? PX__SECOND_LINK : c->threshold;
  double tone = PX__SECOND_ONE > c->threshold ? PX__SECOND_ONE : c->threshold;
  size_t nf = c->nfact;
  uint32_t *fsize = calloc(nf + 1, sizeof *fsize);
  uint32_t *adj_first = calloc(n + 2, sizeof *adj_first);
  uint32_t *adj = malloc((2 * nlinks + 1) * sizeof *adj);
  float *adj_s = malloc((2 * nlinks + 1) * sizeof *adj_s);
  uint32_t *cnt = calloc(nf + 1, sizeof *cnt), *touched = malloc((n + 1) * sizeof *touched);
  float *best = calloc(nf + 1, sizeof *best);
  uint32_t *fmem_first = calloc(nf + 2, sizeof *fmem_first), *fmem = malloc((n + 1) * sizeof *fmem);
  px__second *v = NULL;
  size_t nv = 0, cap = 0;
  /* the second claims each fact took so far: jhead[fact], then jnext[] */
  uint32_t *jhead = malloc((nf + 1) * sizeof *jhead), *jnext = NULL;
  int rc = PX_ENOMEM;
  if (!fsize || !adj_first || !adj || !adj_s || !cnt || !touched || !best || !fmem_first || !fmem ||
      !jhead)
    goto out;
  for (size_t f = 0; f <= nf; f++) jhead[f] = UINT32_MAX;
  for (size_t k = 0; k < n; k++) fsize[group[k]]++, fmem_first[group[k] + 1]++;
  for (size_t f = 0; f < nf; f++) fmem_first[f + 1] += fmem_first[f];
  for (size_t k = 0; k < n; k++) fmem[fmem_first[group[k]]++] = (uint32_t)k;
  for (size_t f = nf; f > 0; f--) fmem_first[f] = fmem_first[f - 1];
  fmem_first[0] = 0;
  px__link_adjacency(links, nlinks, n, adj_first, adj, adj_s);
  for (size_t k = 0; k < n; k++) {
    if (!ss[k].nterm) continue;
    size_t nt = 0;
    for (uint32_t e = adj_first[k]; e < adj_first[k + 1]; e++) {
      if (adj_s[e] < t2) continue;
      uint32_t g = group[adj[e]];
      if (g == group[k] || c->fact[g].furniture) continue;
      if (!cnt[g]) touched[nt++] = g;
      cnt[g]++;
      if (adj_s[e] > best[g]) best[g] = adj_s[e];
    }
    for (size_t t = 0; t < nt; t++) {
      uint32_t g = touched[t];
      /* at most one sentence of k's article in g (a fact may hold two of
       * one article: a claim told over two sentences); every member of the
       * other articles linked */
      uint32_t own = 0, arts_seen = 0, last_art = UINT32_MAX;
      for (uint32_t x = fmem_first[g]; x < fmem_first[g + 1]; x++) {
        if (ref[fmem[x]].art == ref[k].art) {
          own++;
          continue;
        }
        if (ref[fmem[x]].art != last_art) arts_seen++, last_art = ref[fmem[x]].art;
      }
      bool ok = own <= 1 && best[g] >= c->threshold && cnt[g] >= fsize[g] - own &&
                (arts_seen >= 2 || best[g] >= tone);
      /* and linked to the sentences of other articles that joined g
       * before it: a fact is linked as a whole, not a star of sentences
       * each linked to one short member ("Many of the steps are works in
       * progress." beside seven remarks about work and progress) */
      for (uint32_t j = jhead[g]; ok && j != UINT32_MAX; j = jnext[j]) {
        uint32_t o = v[j].sent;
        if (ref[o].art == ref[k].art) continue;
        bool linked = false;
        for (uint32_t e = adj_first[k]; e < adj_first[k + 1] && !linked; e++)
          linked = adj[e] == o && adj_s[e] >= t2;
        ok = linked;
      }
      if (ok) {
        if (nv == cap) {
          cap = cap ? cap * 2 : 64;
          px__second *tv = realloc(v, cap * sizeof *tv);
          uint32_t *tn = tv ? realloc(jnext, cap * sizeof *tn) : NULL;
          if (tv) v = tv;
          if (!tn) goto out;
          jnext = tn;
        }
        const px__sentence *s = &c->art[ref[k].art].tx->sent[ref[k].sent];
        jnext[nv] = jhead[g];
        jhead[g] = (uint32_t)nv;
        v[nv++] = (px__second){(uint32_t)k, g, s->start, s->end};
      }
    }
    for (size_t t = 0; t < nt; t++) cnt[touched[t]] = 0, best[touched[t]] = 0;
  }
  *out = v;
  *nout = nv;
  v = NULL;
  rc = PX_OK;
out:
  free(fsize);
  free(adj_first);
  free(adj);
  free(adj_s);
  free(cnt);
  free(touched);
  free(best);
  free(fmem_first);
  free(fmem);
  free(jhead);
  free(jnext);
  free(v);
  return rc;
}

bool px__cmp_is_furniture(const px__cart *a, uint32_t s) {
  if (s >= a->tx->nsent) return false;
  const px__sentence *se = &a->tx->sent[s];
  for (uint32_t i = 0; i < a->npost; i++) /* an embedded post's words or signature */
    if (se->start >= a->post[2 * i] && se->start < a->post[2 * i + 1]) return true;
  return a->furn ? a->furn[s] : px__furniture_text(a->tx->body + se->start, se->end - se->start);
}


/* ------------------------------------------------- articles' affinity */

/* An article as the bag of its sentences' terms (IDF weights summed over
 * its sentences), sorted by stem, of unit length. */
typedef struct abag {
  uint64_t *stem;
  float *w;
  uint32_t n;
} abag;

static int cmp_term_stem(const void *x, const void *y) {
  const px__term *a = x, *b = y;
  return a->stem < b->stem ? -1 : a->stem > b->stem;
}

static int article_bags(const px_comparison *c, const px__ssent *ss, px__arena *ar, abag *bags) {
  size_t k = 0;
  for (size_t i = 0; i < c->nart; i++) {
    size_t nt = 0;
    for (uint32_t s = 0; s < c->art[i].nsent; s++) nt += ss[k + s].nterm;
    px__term *all = nt ? px__arena_alloc(ar, nt * sizeof *all) : NULL;
    bags[i].stem = nt ? px__arena_alloc(ar, nt * sizeof *bags[i].stem) : NULL;
    bags[i].w = nt ? px__arena_alloc(ar, nt * sizeof *bags[i].w) : NULL;
    bags[i].n = 0;
    if (nt && (!all || !bags[i].stem || !bags[i].w)) return PX_ENOMEM;
    size_t m = 0;
    for (uint32_t s = 0; s < c->art[i].nsent; s++, k++)
      for (uint32_t t = 0; t < ss[k].nterm; t++) all[m++] = ss[k].term[t];
    if (m) qsort(all, m, sizeof *all, cmp_term_stem);
    double norm = 0;
    for (size_t t = 0; t < m;) {
      size_t e = t;
      float w = 0;
      while (e < m && all[e].stem == all[t].stem) w += all[e++].w;
      bags[i].stem[bags[i].n] = all[t].stem;
      bags[i].w[bags[i].n++] = w;
      norm += (double)w * w;
      t = e;
    }
    norm = norm > 0 ? 1.0 / sqrt(norm) : 0;
    for (uint32_t t = 0; t < bags[i].n; t++) bags[i].w[t] = (float)(bags[i].w[t] * norm);
  }
  return PX_OK;
}

static double bag_cosine(const abag *a, const abag *b) {
  double d = 0;
  for (uint32_t i = 0, j = 0; i < a->n && j < b->n;) {
    if (a->stem[i] < b->stem[j]) i++;
    else if (a->stem[i] > b->stem[j]) j++;
    else d += (double)a->w[i++] * b->w[j++];
  }
  return d;
}

/* A sentence that says someone gave no comment: "A spokesperson for
 * Microsoft did not respond to a request for comment.", "The White House
 * declined to comment."  Outlets write it of whoever they asked, in nearly
 * the same words, so two such sentences are one claim only when they name
 * the same one asked.  Fills subj with the hashes of up to PX__NC_SUBJ
 * content words before the refusal ("microsoft"; not "a", "spokesperson",
 * "for"); returns their count, or -1 when the sentence is no such one. */
#define PX__NC_SUBJ 8
static int no_comment_subject(const px__text *tx, uint32_t sent, uint64_t *subj) {
  const px__sentence *se = &tx->sent[sent];
  const char *p = tx->body + se->start;
  size_t n = se->end - se->start;
  if (n > 400) return -1;
  static const char *const topic[] = {"comment", "respond", "be reached", "reply", "return"};
  bool on = false;
  for (size_t i = 0; i < sizeof topic / sizeof *topic && !on; i++) on = memmem(p, n, topic[i], strlen(topic[i]));
  if (!on) return -1;
  /* where the refusal starts */
  static const char *const cue[] = {" declined ", " did not ", " didn't ", " didn\xe2\x80\x99t ", " could not ",
                                    " has not ", " have not ", " had not ", " was not ", " were not ",
                                    " would not comment", " not immediately ", " immediately responded",
                                    " immediately returned", " immediately replied"};
  size_t at = n;
  for (size_t i = 0; i < sizeof cue / sizeof *cue; i++) {
    const char *q = memmem(p, n, cue[i], strlen(cue[i]));
    if (q && (size_t)(q - p) < at) at = (size_t)(q - p);
  }
  if (at == n) return -1;
  /* the refusal is of a comment: "comment", "respond", "reached", "reply"
   * or "return" within a few words of it ("did not respond to a request",
   * "declined to comment", "could not be reached") */
  size_t reach = at + 48 < n ? at + 48 : n;
  on = false;
  for (size_t i = 0; i < sizeof topic / sizeof *topic && !on; i++)
    on = memmem(p + at, reach - at, topic[i], strlen(topic[i])) ||
         (!strcmp(topic[i], "comment") && memmem(p + at, reach - at, "request", 7));
  if (!on) return -1;
  static const char *const skip[] = {
      "a", "an", "the", "for", "of", "and", "or", "nor", "neither", "who", "which", "that", "had", "has",
      "have", "was", "were", "is", "are", "to", "at", "in", "on", "his", "her", "their", "its", "he", "she",
      "they", "it", "but", "also", "both", "spokesman", "spokeswoman", "spokesperson", "spokespeople",
      "spokesmen", "representative", "representatives", "lawyer", "lawyers", "attorney", "attorneys",
      "aide", "aides", "official", "officials", "office", "press", "secretary", "campaign", "spokes",
      "asked", "contacted", "reached", "by", "email", "phone", "immediately", "yet", "so", "far", "s"};
  int k = 0;
  for (size_t i = 0; i < at && k < PX__NC_SUBJ;) {
    while (i < at && !((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z') && !(p[i] & 0x80)) i++;
    size_t w = i;
    while (i < at && (((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z') || (p[i] & 0x80))) i++;
    size_t wl = i - w;
    if (!wl || wl > 31) continue;
    char lw[32];
    for (size_t x = 0; x < wl; x++) lw[x] = (char)((p[w + x] >= 'A' && p[w + x] <= 'Z') ? p[w + x] + 32 : p[w + x]);
    bool sk = false;
    for (size_t x = 0; x < sizeof skip / sizeof *skip && !sk; x++) sk = strlen(skip[x]) == wl && !memcmp(skip[x], lw, wl);
    if (sk) continue;
    /* a plural's "s" and a possessive's fall away: "Lawyers" and "lawyer",
     * "Ryan's" and "Ryan" */
    if (wl > 3 && lw[wl - 1] == 's') wl--;
    subj[k++] = px__word_hash(lw, wl);
  }
  return k;
}

/* Links between sentences of articles that share little of their words
 * (their bags' cosine under PX__ARTICLE_AFFINITY: two reports of one event
 * share far more) are dropped unless the two sentences say nearly the same
 * thing (PX__UNRELATED_LINK).  Given articles of several events, or a
 * story that grew over two, facts and disputes are then each event's, not
 * a sentence of one beside a sentence of another that shares two words. */
static int unrelated_links(const px_comparison *c, const px__ssent *ss, const px__sref *ref,
                           px__arena *ar, px__link *links, size_t *nlinks) {
  if (*nlinks == 0 || c->nart < 2) return PX_OK;
  abag *bags = px__arena_alloc(ar, c->nart * sizeof *bags);
  if (!bags) return PX_ENOMEM;
  int rc = article_bags(c, ss, ar, bags);
  if (rc) return rc;
  /* each pair of articles measured once: pair -> its cosine's bits */
  px__map seen = {0};
  size_t kept = 0;
  for (size_t l = 0; l < *nlinks; l++) {
    uint32_t a = ref[links[l].a].art, b = ref[links[l].b].art;
    if (a > b) {
      uint32_t t = a;
      a = b;
      b = t;
    }
    bool isnew;
    uint32_t *v = px__map_put(&seen, ((uint64_t)a << 32 | b) + 1, &isnew);
    if (!v) {
      px__map_release(&seen);
      return PX_ENOMEM;
    }
    float cs;
    if (isnew) {
      cs = (float)bag_cosine(&bags[a], &bags[b]);
      memcpy(v, &cs, sizeof cs);
    } else {
      memcpy(&cs, v, sizeof cs);
    }
    if (cs < PX__ARTICLE_AFFINITY && links[l].score < PX__UNRELATED_LINK) continue;
    /* two who gave no comment: one claim only of the same one */
    uint64_t sa[PX__NC_SUBJ], sb[PX__NC_SUBJ];
    int na = no_comment_subject(c->art[ref[links[l].a].art].tx, ref[links[l].a].sent, sa);
    int nb = na < 0 ? -1 : no_comment_subject(c->art[ref[links[l].b].art].tx, ref[links[l].b].sent, sb);
    if (na >= 0 && nb >= 0) {
      bool same = false;
      for (int x = 0; x < na && !same; x++)
        for (int y = 0; y < nb && !same; y++) same = sa[x] == sb[y];
      if (!same) continue;
    }
    links[kept++] = links[l];
  }
  px__map_release(&seen);
  *nlinks = kept;
  return PX_OK;
}

/* The members in c->alike's pairs tell their fact alike (PX__CM_ALIKE),
 * and each fact counts the outlets of such members (px__cfact.sure).
 * Only one set of such members counts: the pairs joined through each
 * other, the set of most outlets (then of most members, then the first).
 * A fact grouped at the fact threshold may hold two pairs told alike that
 * are not alike to each other: two outlets quote Biden's "Here John knows
 * ...", two columns say "That tells you everything you need to know about
 * McCain." and "Trump told GOP primary voters ...", joined to the quote by
 * "tell" and "know"; the brief counted four outlets telling Biden's
 * remark, where two do.  @return PX_OK, PX_ENOMEM. */
static int mark_alike(px_comparison *c) {
  uint32_t *par = malloc((c->nmem + 1) * sizeof *par);
  uint32_t *nout = calloc(c->nmem + 1, sizeof *nout), *nm = calloc(c->nmem + 1, sizeof *nm);
  uint64_t *ro = malloc((c->nmem + 1) * sizeof *ro);        /* root << 32 | outlet */
  if (!par || !nout || !nm || !ro) {
    free(par), free(nout), free(nm), free(ro);
    return PX_ENOMEM;
  }
  for (size_t j = 0; j < c->nmem; j++) c->mem[j].flags &= ~PX__CM_ALIKE, par[j] = (uint32_t)j;
  for (size_t k = 0; k < c->nalike; k++) {
    const uint32_t *p = &c->alike[3 * k];
    uint32_t x = member_at(c, p[2], p[0]), y = member_at(c, p[2], p[1]);
    c->mem[x].flags |= PX__CM_ALIKE;
    c->mem[y].flags |= PX__CM_ALIKE;
    x = px__uf_root(par, x), y = px__uf_root(par, y);
    if (x != y) par[x > y ? x : y] = x < y ? x : y; /* the earlier member roots */
  }
  for (size_t f = 0; f < c->nfact; f++) {
    uint32_t lo = c->fact[f].first, hi = lo + c->fact[f].count, best = UINT32_MAX;
    c->fact[f].sure = 0;
    /* each set's outlets: a member's outlet counts once in its set (an
     * outlet's articles may lie apart among the members) */
    size_t nro = 0;
    for (uint32_t j = lo; j < hi; j++) {
      if (!(c->mem[j].flags & PX__CM_ALIKE)) continue;
      uint32_t r = px__uf_root(par, j);
      nm[r]++;
      ro[nro++] = (uint64_t)r << 32 | c->art[c->mem[j].art].outlet;
    }
    if (nro) qsort(ro, nro, sizeof *ro, cmp_u64);
    for (size_t k = 0; k < nro; k++)
      if (!k || ro[k] != ro[k - 1]) nout[ro[k] >> 32]++;
    for (uint32_t j = lo; j < hi; j++) {
      if (!(c->mem[j].flags & PX__CM_ALIKE) || px__uf_root(par, j) != j) continue;
      if (best == UINT32_MAX || nout[j] > nout[best] || (nout[j] == nout[best] && nm[j] > nm[best]))
        best = j;
    }
    for (uint32_t j = lo; j < hi; j++) {
      if (!(c->mem[j].flags & PX__CM_ALIKE)) continue;
      if (px__uf_root(par, j) != best) c->mem[j].flags &= ~PX__CM_ALIKE;
    }
    if (best != UINT32_MAX) c->fact[f].sure = nout[best];
  }
  free(par);
  free(ro);
  free(nout);
  free(nm);
  return PX_OK;
}

static int build_facts(px_comparison *c, const px__lex *lx) {
  int rc = PX_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; i < c->nart; i++) {
    c->art[i].sent_first = (uint32_t)n;
    n += c->art[i].nsent;
  }
  px__sref *ref = malloc((n + 1) * sizeof *ref);
  px__ssent *ss = malloc((n + 1) * sizeof *ss);
  uint32_t *group = malloc((n + 1) * sizeof *group);
  px__link *links = NULL;
  size_t nlinks = 0;
  px__second *extra = NULL;
  size_t nextra = 0;
  px__idf idf = {0};
  px__idf_builder ib = {0};
  px__arena scratch;
  px__arena_init(&scratch, 1 << 20);
  c->sent_fact = malloc((n + 1) * sizeof *c->sent_fact);
  if (!ref || !ss || !group || !c->sent_fact) goto out;
  for (size_t i = 0, k = 0; i < c->nart; i++)
    for (uint32_t s = 0; s < c->art[i].nsent; s++, k++) {
      ref[k] = (px__sref){(uint32_t)i, s};
      if ((rc = px__idf_add(&ib, c->art[i].tx, s))) goto out;
    }
  if ((rc = px__idf_build(&ib, lx, &idf))) goto out;
  idf.local_weight = 1.0f;
  rc = PX_ENOMEM;
  for (size_t k = 0; k < n; k++) {
    if ((rc = px__ssent_make(c->art[ref[k].art].tx, ref[k].sent, &idf, &scratch, &ss[k])))
      goto out;
    /* Page furniture links to nothing: its features are emptied, so it
     * stays a fact of its own, flagged below. */
    if (px__cmp_is_furniture(&c->art[ref[k].art], ref[k].sent)) {
      memset(&ss[k], 0, sizeof ss[k]);
      c->art[ref[k].art].nfurniture++;
    }
  }
  px__factopts fo = {c->threshold, 16, 48, 3, 24, -1};
  if ((rc = px__facts_link(lx, ss, ref, n, &fo, &links, &nlinks, &c->pairs_scored))) goto out;
  if ((rc = unrelated_links(c, ss, ref, &scratch, links, &nlinks))) goto out;
  rc = PX_ENOMEM;
  long nf = px__facts_group(ref, n, links, nlinks, &fo, group);
  if (nf < 0) goto out;
  /* Links that did not join their sentences: kept for discrepancies
   * ("12 dead" / "14 dead" score lower for the numbers that differ). */
  c->near = malloc((nlinks + 1) * sizeof *c->near);
  if (!c->near) goto out;
  c->flink = malloc((nlinks + 1) * sizeof *c->flink);
  if (!c->flink) goto out;
  for (size_t l = 0; l < nlinks; l++) {
    if (links[l].score >= c->threshold) c->links++;
    if (group[links[l].a] != group[links[l].b] && links[l].score >= PX__NEAR_THRESHOLD)
      c->near[c->nnear++] = links[l];
    else if (group[links[l].a] == group[links[l].b] && links[l].score >= c->threshold)
      c->flink[c->nflink++] = (uint64_t)links[l].a << 32 | links[l].b;
  }
  qsort(c->flink, c->nflink, sizeof *c->flink, cmp_u64);
  c->nfact = (size_t)nf;
  c->fact = calloc((size_t)nf + 1, sizeof *c->fact);
  if (!c->fact) goto out;
  for (size_t f = 0; f < c->nfact; f++) c->fact[f].furniture = 1;
  for (size_t k = 0; k < n; k++)
    if (ss[k].nterm || ss[k].nwords || !px__cmp_is_furniture(&c->art[ref[k].art], ref[k].sent))
      c->fact[group[k]].furniture = 0;
  /* Second claims: a sentence that also reports a fact of other articles
   * as a whole joins it too (see second_facts). */
  if ((rc = second_facts(c, ref, ss, n, links, nlinks, group, &extra, &nextra))) goto out;
  rc = PX_ENOMEM;
  c->mem = malloc((n + nextra + 1) * sizeof *c->mem);
  if (!c->mem) goto out;
  c->nmem = n + nextra;
  for (size_t k = 0; k < n; k++) c->fact[group[k]].count++;
  for (size_t e = 0; e < nextra; e++) c->fact[extra[e].fact].count++;
  uint32_t at = 0;
  for (size_t f = 0; f < c->nfact; f++) {
    c->fact[f].first = at;
    at += c->fact[f].count;
    c->fact[f].count = 0;
    c->fact[f].score = 1;
    c->fact[f].earliest = UINT32_MAX;
  }
  /* Members by article then sentence: sentences in order, each placed in
   * its fact and its second facts (extra is sorted by sentence). */
  for (size_t k = 0, e = 0; k < n; k++) {
    px__cfact *f = &c->fact[group[k]];
    const px__sentence *s = &c->art[ref[k].art].tx->sent[ref[k].sent];
    c->mem[f->first + f->count++] = (px__cmember){ref[k].art, ref[k].sent, s->start, s->end, 0};
    c->sent_fact[k] = group[k];
    for (; e < nextra && extra[e].sent == k; e++) {
      px__cfact *g = &c->fact[extra[e].fact];
      c->mem[g->first + g->count++] =
          (px__cmember){ref[k].art, ref[k].sent, extra[e].start, extra[e].end, 0};
    }
  }
  /* Weakest link inside each fact, for the reports' confidence. */
  for (size_t l = 0; l < nlinks; l++)
    if (group[links[l].a] == group[links[l].b]) {
      px__cfact *f = &c->fact[group[links[l].a]];
      if (links[l].score < f->score) f->score = links[l].score;
    }
  /* Strongest link between two members of a fact from two outlets, its
   * second claims included (extra is sorted by sentence), and the outlets
   * that tell the fact alike: those of the members linked at PX__CORE_LINK
   * or more to a member of another outlet, both of PX__CORE_WORDS words
   * or more (seven).  The brief's core facts need
   * two such outlets and count only them. */
  {
    uint32_t *xf = calloc(n + 2, sizeof *xf); /* extras of sentence k: [xf[k], xf[k + 1]) */
    size_t cap = 0;
    if (!xf) goto out;
    for (size_t e = 0; e < nextra; e++) xf[extra[e].sent + 1]++;
    for (size_t k = 0; k < n; k++) xf[k + 1] += xf[k];
    for (size_t l = 0; l < nlinks; l++) {
      uint32_t a = links[l].a, b = links[l].b;
      if (c->art[ref[a].art].outlet == c->art[ref[b].art].outlet) continue;
      for (uint32_t i = xf[a]; i <= xf[a + 1]; i++) {
        uint32_t fa = i < xf[a + 1] ? extra[i].fact : group[a];
        bool both = group[b] == fa;
        for (uint32_t j = xf[b]; j < xf[b + 1] && !both; j++) both = extra[j].fact == fa;
        if (!both) continue;
        if (links[l].score > c->fact[fa].best) c->fact[fa].best = links[l].score;
        if (links[l].score < PX__CORE_LINK || few_words(c, ref[a].art, ref[a].sent) ||
            few_words(c, ref[b].art, ref[b].sent))
          continue;
        if (c->nalike == cap) {
          cap = cap ? 2 * cap : 64;
          uint32_t *t = realloc(c->alike, 3 * cap * sizeof *t);
          if (!t) {
            free(xf);
            goto out;
          }
          c->alike = t;
        }
        uint32_t *p = &c->alike[3 * c->nalike++];
        p[0] = a, p[1] = b, p[2] = fa;
      }
    }
    free(xf);
    if (mark_alike(c)) goto out;
  }
  /* Outlets, articles and the first report. */
  uint8_t *seen_o = calloc(c->noutlet + 1, 1), *seen_a = calloc(c->nart + 1, 1);
  if (!seen_o || !seen_a) {
    free(seen_o);
    free(seen_a);
    goto out;
  }
  for (size_t f = 0; f < c->nfact; f++) {
    px__cfact *fa = &c->fact[f];
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) {
      const px__cart *a = &c->art[c->mem[j].art];
      if (!seen_o[a->outlet]) seen_o[a->outlet] = 1, fa->noutlets++;
      if (!seen_a[c->mem[j].art]) seen_a[c->mem[j].art] = 1, fa->narts++;
      if (a->has_time && (fa->earliest == UINT32_MAX ||
                          a->published < c->art[c->mem[fa->earliest].art].published))
        fa->earliest = j;
    }
    for (uint32_t j = fa->first; j < fa->first + fa->count; j++) {
      const px__cart *a = &c->art[c->mem[j].art];
      if (seen_a[c->mem[j].art]) {
        c->art[c->mem[j].art].nfacts++;
        if (fa->noutlets == 1 && !fa->furniture) c->art[c->mem[j].art].nunique++;
      }
      seen_o[a->outlet] = 0;
      seen_a[c->mem[j].art] = 0;
    }
    if (fa->noutlets > 1) c->nshared++;
    if (fa->furniture) c->nfurniture++;
  }
  free(seen_o);
  free(seen_a);
  rc = PX_OK;
out:
  free(ref);
  free(ss);
  free(group);
  free(links);
  free(extra);
  free(ib.v);
  px__idf_release(&idf);
  px__arena_release(&scratch);
  return rc;
}

/* -------------------------------------------------------- discrepancies */

/* Are sentences x and y (global indexes) aligned with each other, not
 * only through others of their fact?  A fact chains sentences; two at its
 * ends may tell different things. */
static bool linked(const px_comparison *c, uint32_t x, uint32_t y) {
  uint64_t k = x < y ? (uint64_t)x << 32 | y : (uint64_t)y << 32 | x;
  size_t lo = 0, hi = c->nflink;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->flink[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo < c->nflink && c->flink[lo] == k;
}

/* Days and months: they date a report, they name no one. */
static const char *const not_names[] = {"monday",   "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday",  "january",   "february", "march",
                                        "april",    "may",     "june",      "july",     "august",
                                        "september", "october", "november", "december"};
enum { NNOT = sizeof not_names / sizeof *not_names };

/* A name: a capitalised word past the first of its sentence, not a day or
 * a month (skip: their fold hashes). */
static bool is_name(const px__token *t, const uint64_t *skip) {
  if (t->kind != PX__TOK_WORD || !(t->flags & PX__TF_CAP)) return false;
  if (t->flags & (PX__TF_SENT_START | PX__TF_STOP)) return false;
  for (size_t i = 0; i < NNOT; i++)
    if (t->fold == skip[i]) return false;
  return true;
}

/* Is token i, the first of sentence s of article a, a name: the start of
 * an entity's mention ("McMullin appeared on the ballot in 11 states"),
 * which a capital at the start of a sentence does not tell? */
static bool opening_name(const px_comparison *c, uint32_t a, uint32_t s, uint32_t i) {
  const px__text *tx = c->art[a].tx;
  const px__entities *es = c->art[a].ents;
  const px__token *t = &tx->tok[i];
  if (!es || t->kind != PX__TOK_WORD || !(t->flags & PX__TF_SENT_START) || (t->flags & PX__TF_STOP)) return false;
  for (size_t m = 0; m < es->nmen; m++)
    if (es->men[m].sent == s && es->men[m].tok_first <= i && i < es->men[m].tok_first + es->men[m].tok_count)
      return true;
  return false;
}

/* Do sentences (ax, sx) and (ay, sy) speak of one actor?  Both name
 * someone and share no name: they do not (two candidates' crowds, two
 * polls' samples, a state's and a group's tally).  Strict, for sentences
 * of different facts: they share a name, or neither names anyone (what
 * they count is then the subject of both: "seven bodies were recovered" /
 * "six bodies recovered"). */
static bool same_actor(const px_comparison *c, uint32_t ax, uint32_t sx, uint32_t ay, uint32_t sy,
                       bool strict) {
  uint64_t skip[NNOT];
  for (size_t i = 0; i < NNOT; i++) skip[i] = px__word_hash(not_names[i], strlen(not_names[i]));
  const px__text *tx = c->art[ax].tx, *ty = c->art[ay].tx;
  const px__sentence *x = &tx->sent[sx], *y = &ty->sent[sy];
  bool nx = false, ny = false;
  /* A name opening a sentence makes it name someone; across facts
   * (strict) it is no name both share: "Oklahoma (37 delegates)" in a
   * list is no count of Breitbart's "Arkansas holds 31, Oklahoma has 37" */
  for (uint32_t i = x->tok_first; i < x->tok_first + x->tok_count; i++) {
    bool opening = !is_name(&tx->tok[i], skip);
    if (opening && !opening_name(c, ax, sx, i)) continue;
    nx = true;
    if (opening && strict) continue;
    for (uint32_t j = y->tok_first; j < y->tok_first + y->tok_count; j++)
      if ((is_name(&ty->tok[j], skip) || (!strict && opening_name(c, ay, sy, j))) &&
          ty->tok[j].stem == tx->tok[i].stem)
        return true;
  }
  for (uint32_t j = y->tok_first; j < y->tok_first + y->tok_count && !ny; j++)
    ny = is_name(&ty->tok[j], skip) || opening_name(c, ay, sy, j);
  return strict ? !nx && !ny : !nx || !ny;
}

/* The places sentence s of article a names: before byte `before` of its
 * body when before is not 0 (the place whose count a figure gives opens
 * its clause: "Germany expelled four Russian diplomats"), else anywhere in
 * it.  Their entity keys' hashes, up to max. */
static size_t places_in(const px_comparison *c, uint32_t a, uint32_t s, uint32_t before, uint64_t *out,
                        size_t max) {
  const px__entities *es = c->art[a].ents;
  if (!es) return 0;
  size_t n = 0;
  for (size_t m = 0; m < es->nmen && n < max; m++) {
    const px__mention *mm = &es->men[m];
    if (mm->sent != s || es->ent[mm->entity].type != PX_ENT_PLACE || (before && mm->end > before)) continue;
    const px__entity *e = &es->ent[mm->entity];
    uint64_t h = px__word_hash(e->key, e->key_len);
    bool dup = false;
    for (size_t k = 0; k < n && !dup; k++) dup = out[k] == h;
    if (!dup) out[n++] = h;
  }
  return n;
}

/* The places sentence s of article a names (their entity keys' hashes,
 * up to max); none named there, those of the sentence before in its
 * paragraph ("... in Guam. About 300 Republicans met there to send nine
 * delegates"). */
static size_t places_of(const px_comparison *c, uint32_t a, uint32_t s, uint64_t *out, size_t max) {
  const px__text *tx = c->art[a].tx;
  if (!c->art[a].ents || !tx) return 0;
  size_t n = places_in(c, a, s, 0, out, max);
  if (n == 0 && s > 0 && tx->sent[s - 1].para == tx->sent[s].para) n = places_in(c, a, s - 1, 0, out, max);
  return n;
}

static bool hash_in(uint64_t h, const uint64_t *v, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (v[i] == h) return true;
  return false;
}

/* Do two figures give one place's count: not when each sentence names
 * places before its figure and neither names the other's anywhere
 * ("Germany expelled four Russian diplomats" / "Australia later confirmed
 * it was expelling two Russian diplomats": both also name Russia, after
 * the figure). */
static bool same_lead_place(const px_comparison *c, uint32_t ax, uint32_t sx, uint32_t bx,
                            uint32_t ay, uint32_t sy, uint32_t by) {
  uint64_t lx[8], ly[8], allx[16], ally[16];
  size_t nlx = places_in(c, ax, sx, bx, lx, 8), nly = places_in(c, ay, sy, by, ly, 8);
  if (!nlx || !nly) return true;
  size_t nax = places_in(c, ax, sx, 0, allx, 16), nay = places_in(c, ay, sy, 0, ally, 16);
  for (size_t i = 0; i < nlx; i++)
    if (hash_in(lx[i], ally, nay)) return true;
  for (size_t j = 0; j < nly; j++)
    if (hash_in(ly[j], allx, nax)) return true;
  return false;
}

/* Do the two sentences count in one place: not when both name places and
 * share none ("send nine delegates" in Guam / "Wyoming will send 29
 * delegates")? */
static bool same_place(const px_comparison *c, uint32_t ax, uint32_t sx, uint32_t ay, uint32_t sy) {
  uint64_t px[8], py[8];
  size_t nx = places_of(c, ax, sx, px, 8), ny = places_of(c, ay, sy, py, 8);
  if (!nx || !ny) return true;
  for (size_t i = 0; i < nx; i++)
    if (hash_in(px[i], py, ny)) return true;
  return false;
}

/* Do sentences (ax, sx) and (ay, sy) speak of one day?  Both name a day
 * of the week and share none: they do not ("12 were rescued on Monday" /
 * "20 by Wednesday" are two counts of a story that moved on). */
static bool same_day(const px_comparison *c, uint32_t ax, uint32_t sx, uint32_t ay, uint32_t sy) {
  static const char *const report[] = {"said", "says", "announced", "reported", "told", "confirmed", "added"};
  enum { NREPORT = sizeof report / sizeof *report };
  uint64_t day[7], rep[NREPORT], on_h = px__word_hash("on", 2);
  for (size_t i = 0; i < 7; i++) day[i] = px__word_hash(not_names[i], strlen(not_names[i]));
  for (size_t i = 0; i < NREPORT; i++) rep[i] = px__word_hash(report[i], strlen(report[i]));
  unsigned mx = 0, my = 0;
  for (int side = 0; side < 2; side++) {
    const px__text *t = c->art[side ? ay : ax].tx;
    const px__sentence *s = &t->sent[side ? sy : sx];
    for (uint32_t i = s->tok_first; i < s->tok_first + s->tok_count; i++) {
      if (t->tok[i].kind != PX__TOK_WORD || !(t->tok[i].flags & PX__TF_CAP)) continue;
      /* "said on Wednesday" dates the report, not what it counts */
      uint32_t k = i;
      if (k > s->tok_first && t->tok[k - 1].fold == on_h) k--;
      bool rp = false;
      for (size_t v = 0; v < NREPORT && k > s->tok_first && !rp; v++) rp = t->tok[k - 1].fold == rep[v];
      if (rp) continue;
      for (unsigned d = 0; d < 7; d++)
        if (t->tok[i].fold == day[d]) *(side ? &my : &mx) |= 1u << d;
    }
  }
  return !mx || !my || (mx & my);
}

typedef struct qrec {
  uint64_t unit;
  uint32_t art, sent;
  px__qty q;
} qrec;

static int cmp_qrec(const void *x, const void *y) {
  const qrec *a = x, *b = y;
  if (a->unit != b->unit) return a->unit < b->unit ? -1 : 1;
  if (a->art != b->art) return a->art < b->art ? -1 : 1;
  if (a->q.value != b->q.value) return a->q.value < b->q.value ? -1 : 1;
  return (a->q.start > b->q.start) - (a->q.start < b->q.start);
}

/* Two counts of one thing: within a factor of PX__DISPUTE_RATIO ("130 /
 * 145 dead", "eight / nine hours"); "three passengers" hurt and "380
 * passengers" aboard count different things. */
#define PX__DISPUTE_RATIO 4.0
static bool same_magnitude(double x, double y) {
  if (x <= 0 || y <= 0) return false;
  return x <= y * PX__DISPUTE_RATIO && y <= x * PX__DISPUTE_RATIO;
}

/* Can figures x and y be set against each other: two articles, one thing
 * counted, one magnitude, two outlets, and -- for two members of a fact (c
 * given) --
 * sentences aligned with each other, not only through the fact's chain. */
static bool pair_ok(const px_comparison *cc, const px_comparison *c, const qrec *x, const qrec *y) {
  if (x->art == y->art || !px__qty_comparable(&x->q, &y->q) || !same_magnitude(x->q.value, y->q.value))
    return false;
  if (cc->art[x->art].outlet == cc->art[y->art].outlet) return false; /* one outlet's articles */
  if (!same_actor(cc, x->art, x->sent, y->art, y->sent, !c)) return false;
  if (!same_place(cc, x->art, x->sent, y->art, y->sent)) return false;
  if (!same_lead_place(cc, x->art, x->sent, x->q.start, y->art, y->sent, y->q.start)) return false;
  if (!same_day(cc, x->art, x->sent, y->art, y->sent)) return false;
  return !c || linked(c, c->art[x->art].sent_first + x->sent, c->art[y->art].sent_first + y->sent);
}

/* Does article art give one count in the unit run r[a, b): no two of its
 * values that count alike (px__qty_comparable) yet cannot be one figure?
 * An article that gives 30 dead, 20 at
 * a station and 10 at an airport counts a whole and its parts, and which
 * of them another outlet's figure counts is not known. */
static bool one_count(const qrec *r, size_t a, size_t b, uint32_t art) {
  for (size_t x = a; x < b; x++)
    for (size_t y = x + 1; y < b; y++)
      if (r[x].art == art && r[y].art == art && !px__qty_compatible(&r[x].q, &r[y].q) &&
          px__qty_comparable(&r[x].q, &r[y].q))
        return false;
  return true;
}

static int add_disc(px_comparison *c, const px_comparison *lc, size_t *dcap, size_t *vcap,
                    uint32_t fact, const qrec *r, size_t a, size_t b) {
  if (c->ndisc == *dcap) {
    *dcap = *dcap ? *dcap * 2 : 16;
    px__cdisc *t = realloc(c->disc, *dcap * sizeof *t);
    if (!t) return PX_ENOMEM;
    c->disc = t;
  }
  const qrec *u = &r[a];
  const char *body = c->art[u->art].tx->body;
  c->disc[c->ndisc++] = (px__cdisc){fact, {body + u->q.ustart, u->q.uend - u->q.ustart},
                                    (uint32_t)c->ndval, 0, u->unit};
  for (size_t x = a; x < b; x++) {
    if (x > a && r[x].art == r[x - 1].art && r[x].q.value == r[x - 1].q.value) continue;
    /* Only the figures that count the same thing as another article's:
     * a fact may hold a sentence for another of its claims ("left 200
     * people homeless" beside "killing 14 people"). */
    bool counted = false;
    for (size_t y = a; y < b && !counted; y++)
      counted = pair_ok(c, lc, &r[x], &r[y]) && one_count(r, a, b, r[x].art) && one_count(r, a, b, r[y].art);
    if (!counted) continue;
    /* one value of an outlet once (its articles may repeat it) */
    bool again = false;
    for (uint32_t v = c->disc[c->ndisc - 1].first; v < c->ndval && !again; v++)
      again = c->dval[v].value == r[x].q.value && c->art[c->dval[v].art].outlet == c->art[r[x].art].outlet;
    if (again) continue;
    if (c->ndval == *vcap) {
      *vcap = *vcap ? *vcap * 2 : 32;
      px__cdval *t = realloc(c->dval, *vcap * sizeof *t);
      if (!t) return PX_ENOMEM;
      c->dval = t;
    }
    c->dval[c->ndval++] = (px__cdval){r[x].art, r[x].sent, r[x].q.start, r[x].q.end, r[x].q.value};
    c->disc[c->ndisc - 1].count++;
  }
  return PX_OK;
}


/* How many distinct values sentence (art, sent) gives in the unit run
 * r[a, b). */
static size_t values_of(const qrec *r, size_t a, size_t b, uint32_t art, uint32_t sent) {
  size_t n = 0;
  for (size_t z = a; z < b; z++) {
    if (r[z].art != art || r[z].sent != sent) continue;
    bool seen = false;
    for (size_t y = a; y < z && !seen; y++)
      seen = r[y].art == art && r[y].sent == sent && r[y].q.value == r[z].q.value;
    n += !seen;
  }
  return n;
}

/* The quantities of each sentence, scanned once though a sentence is met
 * once for its fact and again for every near link it ends. */
typedef struct qcache {
  uint32_t *first;  /* global sentence -> index in q; UINT32_MAX: not scanned */
  uint8_t *n;
  px__qty *q;
  size_t nq, cap;
} qcache;

enum { QPER = 16 };

static const px__qty *sent_quantities(const px_comparison *c, qcache *qc, uint32_t art,
                                      uint32_t sent, size_t *n) {
  uint32_t g = c->art[art].sent_first + sent;
  if (qc->first[g] == UINT32_MAX) {
    if (qc->nq + QPER > qc->cap) {
      size_t cap = qc->cap ? 2 * qc->cap : 256;
      px__qty *q = realloc(qc->q, cap * sizeof *q);
      if (!q) return NULL;
      qc->q = q, qc->cap = cap;
    }
    size_t k = px__quantities(c->art[art].tx, sent, qc->q + qc->nq, QPER);
    qc->first[g] = (uint32_t)qc->nq;
    qc->n[g] = (uint8_t)k;
    qc->nq += k;
  }
  *n = qc->n[g];
  return qc->q + qc->first[g];
}

/* q without the open side of a floor or a ceiling: the figure itself, not
 * all a floor allows ("at least 50 deaths" does not give another outlet's
 * "1,629 infected"). */
static px__qty point_of(const px__qty *q) {
  px__qty p = *q;
  if (p.hi > 1e299) p.hi = p.value;
  if (p.lo <= 0) p.lo = p.value;
  return p;
}

/* Does sentence sent of article art account for q's figure: give, in any
 * unit, a figure that q's could be, or two whose sum it could be?  "New
 * York restricted magazines to seven bullets", where the same sentence
 * gives Connecticut's ban on "more than 10 rounds": an outlet that gives
 * both figures counts two things, not the other's one differently.  "three
 * security staff and seven crew members" against another outlet's "10
 * crew members and security": the sentence gives the parts of the other's
 * whole.  (Not the whole article: an outlet that gives a toll and, later,
 * another outlet's toll may report the dispute itself.) */
static int sentence_accounts(const px_comparison *c, qcache *qc, uint32_t art, uint32_t sent,
                             const px__qty *q) {
  size_t n;
  const px__qty *o = sent_quantities(c, qc, art, sent, &n);
  if (!o) return -1;
  px__qty pq = point_of(q), po[QPER];
  for (size_t k = 0; k < n; k++) {
    po[k] = point_of(&o[k]);
    if (px__qty_compatible(&po[k], &pq)) return 1;
  }
  for (size_t x = 0; x < n; x++)
    for (size_t y = x + 1; y < n; y++) {
      px__qty sum = po[x];
      sum.value += po[y].value;
      sum.lo = sum.hi = sum.value;
      sum.prec = po[x].prec > po[y].prec ? po[x].prec : po[y].prec;
      sum.about = 0;
      if (px__qty_compatible(&sum, &pq)) return 1;
    }
  return 0;
}

/* Does the unit run r[a, b) hold two articles whose values differ, neither
 * giving the other's value?  The sentences of the two give one value of
 * the unit each: a sentence that gives two ("the rate rose from 5.5% to
 * 5.75%", two candidates' shares of the vote) counts two things, and which
 * of them another outlet's figure counts is not known. */
static int values_differ(const px_comparison *c, const px_comparison *lc, qcache *qc, const qrec *r,
                         size_t a, size_t b) {
  for (size_t x = a; x < b; x++)
    for (size_t y = a; y < b; y++) {
      if (r[x].art == r[y].art || px__qty_compatible(&r[x].q, &r[y].q)) continue;
      if (!pair_ok(c, lc, &r[x], &r[y])) continue;
      if (values_of(r, a, b, r[x].art, r[x].sent) != 1 || values_of(r, a, b, r[y].art, r[y].sent) != 1)
        continue;
      if (!one_count(r, a, b, r[x].art) || !one_count(r, a, b, r[y].art)) continue;
      bool x_in_y = false, y_in_x = false;
      for (size_t z = a; z < b; z++) {
        if (r[z].art == r[y].art && px__qty_compatible(&r[z].q, &r[x].q)) x_in_y = true;
        if (r[z].art == r[x].art && px__qty_compatible(&r[z].q, &r[y].q)) y_in_x = true;
      }
      if (x_in_y || y_in_x) continue;
      int gx = sentence_accounts(c, qc, r[y].art, r[y].sent, &r[x].q);
      int gy = gx ? gx : sentence_accounts(c, qc, r[x].art, r[x].sent, &r[y].q);
      if (gx < 0 || gy < 0) return -1;
      if (!gx && !gy) return 1;
    }
  return 0;
}

static int build_discrepancies(px_comparison *c) {
  size_t dcap = 0, vcap = 0;
  size_t nsent = c->nart ? c->art[c->nart - 1].sent_first + c->art[c->nart - 1].nsent : 0;
  qcache qc = {malloc((nsent ? nsent : 1) * sizeof *qc.first), malloc(nsent ? nsent : 1), NULL, 0, 0};
  int rc = PX_OK;
  if (!qc.first || !qc.n) {
    rc = PX_ENOMEM;
    goto out;
  }
  memset(qc.first, 0xff, nsent * sizeof *qc.first);
  for (size_t f = 0; f < c->nfact; f++) {
    const px__cfact *fa = &c->fact[f];
    if (fa->narts < 2) continue;
    enum { MAXR = 256 };
    qrec r[MAXR];
    size_t nr = 0;
    for (uint32_t j = fa->first; j < fa->first + fa->count && nr + QPER <= MAXR; j++) {
      /* A sentence here for its second claim: its figures belong to the
       * other claim. */
      if (c->sent_fact[c->art[c->mem[j].art].sent_first + c->mem[j].sent] != f) continue;
      size_t nq;
      const px__qty *q = sent_quantities(c, &qc, c->mem[j].art, c->mem[j].sent, &nq);
      if (!q) {
        rc = PX_ENOMEM;
        goto out;
      }
      for (size_t k = 0; k < nq; k++)
        if (!q[k].part) r[nr++] = (qrec){q[k].unit, c->mem[j].art, c->mem[j].sent, q[k]};
    }
    qsort(r, nr, sizeof *r, cmp_qrec);
    for (size_t a = 0; a < nr;) {
      size_t b = a;
      while (b < nr && r[b].unit == r[a].unit) b++;
      /* A discrepancy: two articles give this unit values the other lacks. */
      int d = values_differ(c, c, &qc, r, a, b);
      if (d < 0) {
        rc = PX_ENOMEM;
        goto out;
      }
      if (d && (rc = add_disc(c, c, &dcap, &vcap, (uint32_t)f, r, a, b))) goto out;
      a = b;
    }
  }
  /* Near links: two sentences of different facts that are alike except,
   * often, for the very numbers that differ ("12 dead" / "14 dead").  Only
   * counts of a named thing: a percentage or a sum in a sentence of another
   * fact is as likely the rate or price of something else. */
  uint64_t pct_h = px__word_hash("%", 1), money_h = px__word_hash("$", 1);
  for (size_t l = 0; l < c->nnear; l++) {
    /* Only sentences the model links as one claim (at the fact
     * threshold) that the grouping kept apart: a weaker link joins
     * sentences alike in their words, not in what they report. */
    if (c->near[l].score < c->threshold) continue;
    qrec r[2 * QPER];
    size_t nr = 0;
    uint32_t ends[2] = {c->near[l].a, c->near[l].b};
    for (int e = 0; e < 2; e++) {
      uint32_t g = ends[e], art = 0;
      while (art + 1 < c->nart && c->art[art + 1].sent_first <= g) art++;
      uint32_t sent = g - c->art[art].sent_first;
      size_t nq;
      const px__qty *q = sent_quantities(c, &qc, art, sent, &nq);
      if (!q) {
        rc = PX_ENOMEM;
        goto out;
      }
      for (size_t k = 0; k < nq; k++)
        if (!q[k].part) r[nr++] = (qrec){q[k].unit, art, sent, q[k]};
    }
    qsort(r, nr, sizeof *r, cmp_qrec);
    uint32_t fact = c->sent_fact[ends[0]];
    for (size_t a = 0; a < nr;) {
      size_t b = a;
      while (b < nr && r[b].unit == r[a].unit) b++;
      /* Each near link is a distinct pair of sentences in different facts,
       * so no discrepancy found here was found before. */
      int d = r[a].unit != pct_h && r[a].unit != money_h ? values_differ(c, NULL, &qc, r, a, b) : 0;
      if (d < 0) {
        rc = PX_ENOMEM;
        goto out;
      }
      if (d && (rc = add_disc(c, NULL, &dcap, &vcap, fact, r, a, b))) goto out;
      a = b;
    }
  }
out:
  free(qc.first);
  free(qc.n);
  free(qc.q);
  return rc;
}

/* One row per dispute: rows of one unit that share a figure (the same
 * "380 passengers" of one article disputed in several pairs of sentences)
 * become one -- not rows that merely share a value ("nine states" in two
 * claims that count different states),
 * its values each given once per article; rows are ranked by how central
 * their fact is (outlets carrying it), then by the values they hold. */
static int cmp_disc_rank(const void *x, const void *y, void *u) {
  const px_comparison *c = u;
  const px__cdisc *a = x, *b = y;
  uint32_t na = c->fact[a->fact].noutlets, nb = c->fact[b->fact].noutlets;
  if (na != nb) return na > nb ? -1 : 1;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  return (a->first > b->first) - (a->first < b->first);
}

static int merge_discrepancies(px_comparison *c) {
  size_t nd = c->ndisc;
  if (!nd) return PX_OK;
  int rc = PX_ENOMEM;
  uint32_t *par = malloc(nd * sizeof *par);
  px__cdisc *nd_v = calloc(nd, sizeof *nd_v);
  px__cdval *nv = malloc((c->ndval + 1) * sizeof *nv);
  uint32_t *root_row = malloc(nd * sizeof *root_row);
  if (!par || !nd_v || !nv || !root_row) goto out;
  for (size_t i = 0; i < nd; i++) par[i] = (uint32_t)i;
  /* rows are few (a handful per fact): pairwise */
  for (size_t i = 0; i < nd; i++)
    for (size_t j = i + 1; j < nd; j++) {
      const px__cdisc *a = &c->disc[i], *b = &c->disc[j];
      if (a->unit_h != b->unit_h || px__uf_root(par, (uint32_t)i) == px__uf_root(par, (uint32_t)j)) continue;
      bool share = false;
      for (uint32_t x = a->first; x < a->first + a->count && !share; x++)
        for (uint32_t y = b->first; y < b->first + b->count && !share; y++)
          share = c->dval[x].art == c->dval[y].art && c->dval[x].start == c->dval[y].start;
      if (share) par[px__uf_root(par, (uint32_t)j)] = px__uf_root(par, (uint32_t)i);
    }
  size_t nr = 0, nvv = 0;
  for (size_t i = 0; i < nd; i++) root_row[i] = UINT32_MAX;
  for (size_t i = 0; i < nd; i++) {
    uint32_t r = px__uf_root(par, (uint32_t)i);
    if (root_row[r] != UINT32_MAX) continue;
    root_row[r] = (uint32_t)nr;
    px__cdisc *o = &nd_v[nr++];
    *o = c->disc[i];
    o->first = (uint32_t)nvv;
    o->count = 0;
    for (size_t j = i; j < nd; j++) {
      if (px__uf_root(par, (uint32_t)j) != r) continue;
      const px__cdisc *d = &c->disc[j];
      if (c->fact[d->fact].noutlets > c->fact[o->fact].noutlets) o->fact = d->fact;
      for (uint32_t x = d->first; x < d->first + d->count; x++) {
        bool dup = false;
        for (uint32_t y = o->first; y < o->first + o->count && !dup; y++)
          dup = c->art[nv[y].art].outlet == c->art[c->dval[x].art].outlet && nv[y].value == c->dval[x].value;
        if (dup) continue;
        nv[nvv++] = c->dval[x];
        o->count++;
      }
    }
  }
  qsort_r(nd_v, nr, sizeof *nd_v, cmp_disc_rank, c);
  free(c->disc);
  free(c->dval);
  c->disc = nd_v;
  c->ndisc = nr;
  c->dval = nv;
  c->ndval = nvv;
  nd_v = NULL;
  nv = NULL;
  rc = PX_OK;
out:
  free(par);
  free(nd_v);
  free(nv);
  free(root_row);
  return rc;
}

/* ------------------------------------------------------------- entities */

typedef struct eref {
  const char *key;
  size_t klen;
  uint32_t art, ent;
} eref;

static int cmp_eref(const void *x, const void *y) {
  const eref *a = x, *b = y;
  size_t n = a->klen < b->klen ? a->klen : b->klen;
  int r = memcmp(a->key, b->key, n);
  if (r) return r;
  if (a->klen != b->klen) return a->klen < b->klen ? -1 : 1;
  return a->art != b->art ? (a->art < b->art ? -1 : 1) : (a->ent > b->ent) - (a->ent < b->ent);
}

static int cmp_cent(const void *x, const void *y) {
  const px__centity *a = x, *b = y;
  if (a->noutlets != b->noutlets) return a->noutlets > b->noutlets ? -1 : 1;
  if (a->mentions != b->mentions) return a->mentions > b->mentions ? -1 : 1;
  size_t n = a->key.len < b->key.len ? a->key.len : b->key.len;
  int r = memcmp(a->key.ptr, b->key.ptr, n);
  return r ? r : (a->key.len > b->key.len) - (a->key.len < b->key.len);
}

static int build_entities(px_comparison *c) {
  size_t n = 0;
  for (size_t i = 0; i < c->nart; i++) n += c->art[i].ents->nent;
  eref *r = malloc((n + 1) * sizeof *r);
  if (!r) return PX_ENOMEM;
  int rc = PX_ENOMEM;
  size_t k = 0;
  for (size_t i = 0; i < c->nart; i++)
    for (size_t e = 0; e < c->art[i].ents->nent; e++) {
      const px__entity *en = &c->art[i].ents->ent[e];
      if (!en->key_len) continue;
      r[k++] = (eref){en->key, en->key_len, (uint32_t)i, (uint32_t)e};
    }
  n = k;
  qsort(r, n, sizeof *r, cmp_eref);
  c->ent = malloc((n + 1) * sizeof *c->ent);
  c->eart = malloc((n + 1) * sizeof *c->eart);
  size_t vcap = 64;
  c->var = malloc(vcap * sizeof *c->var);
  uint8_t *seen_o = calloc(c->noutlet + 1, 1);
  if (!c->ent || !c->eart || !c->var || !seen_o) goto out;
  for (size_t a = 0; a < n;) {
    size_t b = a;
    while (b < n && r[b].klen == r[a].klen && memcmp(r[b].key, r[a].key, r[a].klen) == 0) b++;
    const px__entity *first = &c->art[r[a].art].ents->ent[r[a].ent];
    px__centity ce = {{first->key, first->key_len}, {first->name, first->name_len}, first->type,
                      (uint32_t)c->nvar, 0, (uint32_t)c->neart, 0, 0, 0};
    for (size_t x = a; x < b; x++) {
      const px__cart *ar = &c->art[r[x].art];
      const px__entity *en = &ar->ents->ent[r[x].ent];
      /* The fullest name wins as the canonical one. */
      if (en->name_len > ce.name.len) ce.name = (px_str){en->name, en->name_len};
      if (x == a || r[x].art != r[x - 1].art) c->eart[c->neart++] = r[x].art, ce.nart++;
      if (!seen_o[ar->outlet]) seen_o[ar->outlet] = 1, ce.noutlets++;
      ce.mentions += en->count;
      for (uint32_t m = en->first; m < en->first + en->count; m++) {
        const px__mention *mn = &ar->ents->men[m];
        px_str v = {ar->tx->body + mn->start, mn->end - mn->start};
        if (mn->kind == PX_MENTION_ROLE || v.len == 0 || v.len > 120) continue;
        bool dup = false;
        for (uint32_t q = ce.var_first; q < ce.var_first + ce.nvar && !dup; q++)
          dup = str_eq(c->var[q], v);
        if (dup || ce.nvar >= 12) continue;
        if (c->nvar == vcap) {
          vcap *= 2;
          px_str *t = realloc(c->var, vcap * sizeof *t);
          if (!t) goto out;
          c->var = t;
        }
        c->var[c->nvar++] = v;
        ce.nvar++;
      }
    }
    for (size_t x = a; x < b; x++) seen_o[c->art[r[x].art].outlet] = 0;
    c->ent[c->nent++] = ce;
    a = b;
  }
  qsort(c->ent, c->nent, sizeof *c->ent, cmp_cent);
  rc = PX_OK;
out:
  free(r);
  free(seen_o);
  return rc;
}

/* -------------------------------------------------------------- public */

static int compare_run(px_ctx *ctx, const px_article *const *arts, size_t n,
                           const px_compare_opts *opts, px__cinput *in, px_comparison **out);

/* Two sentences that are each a quotation (a direct or partial rendering
 * over half their length) of two different remarks, as the quote engine
 * groups them, do not tell one claim alike however many words they share:
 * "If 'back to normal' means acting like there never was a coronavirus
 * problem ..." and "You may have a cohort of people who are actually
 * protected ... getting back into the normality", two answers of one
 * speaker, made a core fact "told alike" by three outlets.  Such pairs
 * leave c->alike and the counts are made again.  @return PX_OK,
 * PX_ENOMEM. */
static int quotations_apart(px_comparison *c) {
  if (!c->nalike || !c->nquote || !c->nart) return PX_OK;
  size_t ns = c->art[c->nart - 1].sent_first + c->art[c->nart - 1].nsent;
  uint32_t *rem = malloc((2 * ns + 1) * sizeof *rem); /* two remarks a sentence at most */
  if (!rem) return PX_ENOMEM;
  for (size_t k = 0; k < 2 * ns; k++) rem[k] = UINT32_MAX;
  for (size_t g = 0; g < c->nquote; g++)
    for (uint32_t j = c->quote[g].first; j < c->quote[g].first + c->quote[g].count; j++) {
      const px__cqmember *m = &c->qmem[j];
      if (m->kind != PX_QUOTE_DIRECT && m->kind != PX_QUOTE_PARTIAL) continue;
      const px__cart *a = &c->art[m->art];
      for (uint32_t s = 0; s < a->nsent; s++) {
        const px__sentence *se = &a->tx->sent[s];
        if (se->end <= m->start) continue;
        if (se->start >= m->end) break;
        uint32_t lo = se->start > m->start ? se->start : m->start, hi = se->end < m->end ? se->end : m->end;
        if (2 * (size_t)(hi - lo) < (size_t)(se->end - se->start)) continue;
        uint32_t *r = &rem[2 * (a->sent_first + s)];
        if (r[0] == UINT32_MAX) r[0] = (uint32_t)g;
        else if (r[0] != g && r[1] == UINT32_MAX) r[1] = (uint32_t)g;
      }
    }
  size_t kept = 0;
  for (size_t k = 0; k < c->nalike; k++) {
    const uint32_t *p = &c->alike[3 * k], *ra = &rem[2 * p[0]], *rb = &rem[2 * p[1]];
    bool apart = ra[0] != UINT32_MAX && rb[0] != UINT32_MAX;
    for (int x = 0; x < 2 && apart; x++)
      for (int y = 0; y < 2 && apart; y++) apart = !(ra[x] != UINT32_MAX && ra[x] == rb[y]);
    if (apart) continue;
    memmove(&c->alike[3 * kept++], p, 3 * sizeof *p);
  }
  free(rem);
  if (kept == c->nalike) return PX_OK;
  c->nalike = kept;
  return mark_alike(c);
}

int px_compare(px_ctx *ctx, const px_article *const *arts, size_t n, const px_compare_opts *opts,
               px_comparison **out) {
  return px__compare_inputs(ctx, arts, n, opts, NULL, out);
}

static void drop_inputs(px__cinput *in, size_t n) {
  for (size_t i = 0; in && i < n; i++) {
    px_doc_free(in[i].doc);
    in[i].doc = NULL;
  }
}

int px__compare_inputs(px_ctx *ctx, const px_article *const *arts, size_t n,
                       const px_compare_opts *opts, px__cinput *in, px_comparison **out) {
  int rc = compare_run(ctx, arts, n, opts, in, out);
  drop_inputs(in, n); /* those not taken */
  return rc;
}

static int compare_run(px_ctx *ctx, const px_article *const *arts, size_t n,
                           const px_compare_opts *opts, px__cinput *in, px_comparison **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  if (!ctx || (!arts && n)) return PX_EINVAL;
  px_compare_opts o;
  px_compare_opts_init(&o);
  if (opts) o = *opts;
  if (o.max_articles && n > o.max_articles)
    return px__ctx_fail(ctx, PX_ETOOBIG, "%zu articles to compare, over the limit of %zu", n,
                        o.max_articles);
  if (n > UINT32_MAX / 2) return px__ctx_fail(ctx, PX_ETOOBIG, "too many articles");
  size_t text = 0;
  for (size_t i = 0; i < n; i++) {
    if (!arts[i]) return px__ctx_fail(ctx, PX_EINVAL, "article %zu is NULL", i + 1);
    text += px_article_get(arts[i], PX_F_BODY).len;
  }
  if (text > PX__COMPARE_MAX_TEXT)
    return px__ctx_fail(ctx, PX_ETOOBIG,
                        "%zu articles with %.1f MiB of text to compare, over the limit of %zu MiB",
                        n, (double)text / (1 << 20), PX__COMPARE_MAX_TEXT >> 20);
  int rc = PX_ENOMEM;
  px__lex *lx = NULL;
  px__textan *ta = NULL;
  px_comparison *c = calloc(1, sizeof *c);
  if (!c) goto out;
  px__arena_init(&c->arena, 64 * 1024);
  c->threshold = o.threshold > 0 ? o.threshold : PX__FACT_THRESHOLD;
  c->nart = n;
  c->art = calloc(n + 1, sizeof *c->art);
  if (!c->art) goto out;
  if ((rc = load_articles(c, ctx, arts, in))) goto out;
  if ((rc = assign_outlets(c))) goto out;
  if (o.wire && o.links && (rc = wire_given(c, o.links))) goto out;
  if (o.wire && !o.links && (rc = wire(c, ctx))) goto out;
  if ((rc = px__lex_new(&lx))) goto out;
  if ((rc = build_facts(c, lx))) goto out;
  if ((rc = title_cover(c))) goto out;
  if ((rc = unshared_warning(c))) goto out;
  if ((rc = build_discrepancies(c)) || (rc = merge_discrepancies(c))) goto out;
  if ((rc = build_entities(c))) goto out;
  if (o.quotes) {
    if ((rc = px__textan_new(&ta))) goto out;
    if ((rc = px__cmp_quotes(c, ta))) goto out;
    if ((rc = quotations_apart(c))) goto out;
  }
  if (n < 2 && (rc = px__cmp_warn(c, "only %zu article: nothing to compare it with", n))) goto out;
  *out = c;
  c = NULL;
out:
  if (rc && rc != PX_ETOOBIG && rc != PX_EINVAL)
    px__ctx_fail(ctx, rc, "comparison failed: %s", px_strerror(rc));
  px__lex_free(lx);
  px__textan_free(ta);
  px_comparison_free(c);
  return rc;
}

size_t px_comparison_count(const px_comparison *c, px_compare_part what) {
  if (!c) return 0;
  switch (what) {
    case PX_CMP_ARTICLES: return c->nart;
    case PX_CMP_OUTLETS: return c->noutlet;
    case PX_CMP_FACTS: return c->nfact;
    case PX_CMP_SHARED_FACTS: return c->nshared;
    case PX_CMP_QUOTES: return c->nquote;
    case PX_CMP_ENTITIES: return c->nent;
    case PX_CMP_DISCREPANCIES: return c->ndisc;
    case PX_CMP_WARNINGS: return c->nwarn;
  }
  return 0;
}

int px_comparison_fact(const px_comparison *c, size_t i, size_t *members, size_t *outlets) {
  if (!c || i >= c->nfact) return PX_EINVAL;
  if (members) *members = c->fact[i].count;
  if (outlets) *outlets = c->fact[i].noutlets;
  return PX_OK;
}

int px_comparison_fact_member(const px_comparison *c, size_t i, size_t j, size_t *article,
                              size_t *start, size_t *end) {
  if (!c || i >= c->nfact || j >= c->fact[i].count) return PX_EINVAL;
  const px__cmember *m = &c->mem[c->fact[i].first + j];
  if (article) *article = m->art;
  if (start) *start = m->start;
  if (end) *end = m->end;
  return PX_OK;
}

px_str px_comparison_body(const px_comparison *c, size_t article) {
  if (!c || article >= c->nart) return (px_str){"", 0};
  return px_doc_body(c->art[article].doc);
}

px_str px_comparison_warning(const px_comparison *c, size_t i) {
  if (!c || i >= c->nwarn) return (px_str){"", 0};
  return c->warn[i];
}
