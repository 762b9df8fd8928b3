/* textan.c - the text analyzer: dateline, sentences, tokens and stems for
 * one body at a time, with what can be reused between bodies kept here.
 *
 * Stems: libstemmer is called once per distinct word, not once per token.
 * A two-way cache from a word's fold hash to its stem hash (and its
 * stopword bit) sits in front of it; news vocabulary is small enough that
 * nearly every lookup hits.
 */
#include "text.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

/* 2^17 slots of 16 bytes (2 MB), two-way: a miss costs a libstemmer call
 * of some thousands of instructions, so a large cache pays for its memory
 * misses. */
#define STEM_CACHE_BITS 17
#define STEM_CACHE_SIZE (1u << STEM_CACHE_BITS)
/* Words longer than this are not stemmed (their stem is the word). */
#define STEM_MAX 64

typedef px__stem_slot stem_slot;

struct px__textan {
  struct sb_stemmer *stemmer;
  stem_slot *cache;
  uint32_t cache_mask; /* slots - 1 */
  px__sentence *sv; /* scratch sentence vector */
  size_t snv, scap;
  px__tokout to; /* scratch token vector and fold buffer */
  uint64_t steps;
};

int px__textan_new(px__textan **out) { return px__textan_new_cache(out, STEM_CACHE_BITS); }

int px__textan_new_cache(px__textan **out, unsigned bits) {
  *out = NULL;
  if (bits < 4 || bits > STEM_CACHE_BITS) return PX_EINVAL;
  px__textan *ta = calloc(1, sizeof *ta);
  if (!ta) return PX_ENOMEM;
  ta->cache_mask = (1u << bits) - 1;
  ta->cache = calloc((size_t)ta->cache_mask + 1, sizeof *ta->cache);
  ta->stemmer = sb_stemmer_new("english", NULL);
  if (!ta->cache || !ta->stemmer) {
    px__textan_free(ta);
    return PX_ENOMEM;
  }
  *out = ta;
  return PX_OK;
}

void px__textan_free(px__textan *ta) {
  if (!ta) return;
  if (ta->stemmer) sb_stemmer_delete(ta->stemmer);
  free(ta->cache);
  free(ta->sv);
  free(ta->to.fold);
  free(ta);
}

uint64_t px__textan_steps(const px__textan *ta) { return ta ? ta->steps : 0; }

static uint64_t stem_word(void *ctx, const char *w, size_t n, uint64_t fold, bool *stop) {
  px__textan *ta = ctx;
  /* two ways: the pair at the even index; the newest word goes first */
  stem_slot *s = &ta->cache[(fold >> 20) & (ta->cache_mask - 1)];
  if (s[0].fold == fold || s[1].fold == fold) {
    uint64_t st = s[0].fold == fold ? s[0].stem : s[1].stem;
    *stop = st & 1;
    return st | 1;
  }
  s[1] = s[0];
  uint64_t h = fold;
  if (n <= STEM_MAX) {
    const sb_symbol *r = sb_stemmer_stem(ta->stemmer, (const sb_symbol *)w, (int)n);
    if (r) h = px__word_hash((const char *)r, (size_t)sb_stemmer_length(ta->stemmer));
  }
  bool st = px__is_stopword(w, n);
  s->fold = fold;
  s->stem = (h & ~(uint64_t)1) | st;
  *stop = st;
  return h;
}

/* The token vector of one text, shared by both ways of analysing it:
 * begin before the first sentence, one call per sentence, end once. */
static int tokens_begin(px__textan *ta, px__arena *arena, size_t n) {
  ta->to.arena = arena;
  ta->to.cache = ta->cache;
  ta->to.cache_mask = ta->cache_mask;
  ta->to.n = 0;
  ta->to.steps = 0;
  /* News runs about 5.5 bytes a token; guess a little over so that the
   * token vector is allocated once. */
  ta->to.cap = n / 4 + 64;
  ta->to.v = px__arena_alloc(arena, ta->to.cap * sizeof *ta->to.v);
  if (!ta->to.v) {
    ta->to.cap = 0;
    return PX_ENOMEM;
  }
  return PX_OK;
}

static int tokens_sentence(px__textan *ta, const char *p, px__sentence *s, size_t k) {
  s->tok_first = (uint32_t)ta->to.n;
  uint16_t si = k < 65535 ? (uint16_t)k : 65535;
  int rc = px__tokenize(p, s->start, s->end, si, &ta->to, stem_word, ta);
  s->tok_count = (uint32_t)(ta->to.n - s->tok_first);
  return rc;
}

/* Hands the tokens to out (none when rc is an error); the arena owns them. */
static void tokens_end(px__textan *ta, int rc, px__text *out) {
  if (rc == PX_OK && ta->to.n) {
    out->tok = ta->to.v;
    out->ntok = ta->to.n;
  }
  ta->to.v = NULL;
  ta->to.cap = 0;
  ta->to.n = 0;
}

int px__text_analyze(px__textan *ta, const char *p, size_t n, px__arena *arena,
                     px__text *out) {
  int rc = PX_OK;
  memset(out, 0, sizeof *out);
  out->body = p;
  out->len = n;
  if (!ta || (!p && n)) return PX_EINVAL;
  if (n > UINT32_MAX) return PX_ETOOBIG;
  px__find_dateline(p, n, &out->dateline);
  ta->snv = 0;
  if ((rc = tokens_begin(ta, arena, n))) goto out;
  size_t from = out->dateline.found ? out->dateline.end : 0;
  if ((rc = px__split_range(p, n, from, &ta->sv, &ta->snv, &ta->scap, &ta->steps))) goto out;
  for (size_t k = 0; k < ta->snv && rc == PX_OK; k++) rc = tokens_sentence(ta, p, &ta->sv[k], k);
  if (rc) goto out;
  ta->steps += ta->to.steps;
  if (ta->snv) {
    out->sent = px__arena_alloc(arena, ta->snv * sizeof *out->sent);
    if (!out->sent) {
      rc = PX_ENOMEM;
      goto out;
    }
    memcpy(out->sent, ta->sv, ta->snv * sizeof *out->sent);
    out->nsent = ta->snv;
  }
out:
  tokens_end(ta, rc, out);
  if (rc) {
    out->sent = NULL;
    out->nsent = 0;
  }
  return rc;
}

int px__text_from_sentences(px__textan *ta, const char *p, size_t n, const px__sentence *given,
                            size_t ns, px__arena *arena, px__text *out) {
  memset(out, 0, sizeof *out);
  out->body = p;
  out->len = n;
  if ((!p && n) || (!given && ns)) return PX_EINVAL;
  if (n > UINT32_MAX) return PX_ETOOBIG;
  px__find_dateline(p, n, &out->dateline);
  px__sentence *sv = ns ? px__arena_alloc(arena, ns * sizeof *sv) : NULL;
  if (ns && !sv) return PX_ENOMEM;
  /* paragraphs: a white-space run of two line breaks or more between two
   * sentences starts a new one, as the splitter counts them */
  uint32_t para = 0;
  size_t at = out->dateline.found ? out->dateline.end : 0;
  for (size_t k = 0; k < ns; k++) {
    size_t nl = 0;
    for (size_t i = at; i < given[k].start && i < n; i++) {
      if (p[i] == '\n') nl++;
      else if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') nl = 0;
      if (nl >= 2) {
        para++;
        nl = 0;
        while (i + 1 < given[k].start && (p[i + 1] == '\n' || p[i + 1] == ' ')) i++;
      }
    }
    sv[k] = (px__sentence){given[k].start, given[k].end, para, 0, 0};
    at = given[k].end;
  }
  out->sent = sv;
  out->nsent = ns;
  if (!ta) return PX_OK;
  int rc = tokens_begin(ta, arena, n);
  for (size_t k = 0; k < ns && rc == PX_OK; k++) rc = tokens_sentence(ta, p, &sv[k], k);
  tokens_end(ta, rc, out);
  return rc;
}

size_t px__token_at(const px__text *tx, uint32_t off) {
  size_t lo = 0, hi = tx->ntok;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (tx->tok[mid].start < off) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
