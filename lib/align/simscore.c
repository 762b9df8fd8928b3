/*
 * simscore.c - how alike two sentences are: IDF-weighted stem coverage in
 * both directions (WordNet synonyms count for part of a match), agreement
 * of numbers, overlap of capitalized names, stem-bigram overlap, length
 * ratio, combined by a logistic regression and boosted trees fitted on the
 * project's labels of real coverage (eval/data/real, eval/train_sim.py;
 * docs/compare.md).
 * Word order is ignored except through the bigram feature.
 */
#include "align/align.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


const char *const px__sim_feature_names[PX__SIM_NFEAT] = {
    "cover_min", "cover_max", "bigram_dice", "len_ratio",  "num_same",
    "num_diff",  "cap_share", "log_unmatched", "cover_prod", "exact_min",
    "all_min",   "all_max",   "trigram_dice", "lcs_min",  "lcs_max",
    "len_diff",  "unmatched_max", "no_numbers", "unmatched_wmax", "cap_unmatched",
    "cover_min2", "lcs_max2"};

/* Credit for a synonym instead of the same stem. */
#define SYN_CREDIT 0.75f

/* ---------------------------------------------------------------- numbers */

bool px__parse_number(const char *p, size_t n, double *v) {
  char buf[64];
  size_t k = 0;
  bool digit = false, point = false, money = false;
  size_t i = 0;
  for (; i < n && k + 1 < sizeof buf; i++) {
    char c = p[i];
    if (c >= '0' && c <= '9') {
      buf[k++] = c;
      digit = true;
    } else if (c == '.' && digit && i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9') {
      buf[k++] = c;
      point = true;
    } else if (c == ',' || c == '$' || c == '%' || c == '+' || (unsigned char)c >= 0x80) {
      if (!digit && c != ',' && c != '%' && c != '+') money = true;
      continue; /* thousands commas, currency and percent signs, £ and € */
    } else if (digit) {
      break; /* "10th", "5pm": the digits only */
    }
  }
  buf[k] = 0;
  if (!digit) return false;
  *v = strtod(buf, NULL);
  /* "2.1m", "$4bn", "3tn": a multiplier written onto the figure ("50m"
   * alone may be metres, so "m" counts only after a point or money) */
  size_t r = n - i;
  const char *t = p + i;
  if (r == 2 && (t[0] | 32) == 'b' && (t[1] | 32) == 'n') *v *= 1e9;
  else if (r == 2 && (t[0] | 32) == 'm' && (t[1] | 32) == 'n') *v *= 1e6;
  else if (r == 2 && (t[0] | 32) == 't' && (t[1] | 32) == 'n') *v *= 1e12;
  else if (r == 1 && (t[0] | 32) == 'm' && (point || money)) *v *= 1e6;
  else if (r == 1 && (t[0] | 32) == 'b' && money) *v *= 1e9;
  else if (r == 1 && (t[0] | 32) == 'k' && money) *v *= 1e3;
  return true;
}

static uint64_t value_hash(double v) {
  char buf[48];
  int n = snprintf(buf, sizeof buf, "#%.6g", v);
  return px__word_hash(buf, (size_t)n);
}

/* The folded (ASCII-lowered) text of a short token, or 0 length. */
static size_t lower_word(const px__text *tx, const px__token *t, char *buf, size_t cap) {
  size_t n = t->end - t->start;
  if (n >= cap) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = tx->body[t->start + i];
    buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
  }
  buf[n] = 0;
  return n;
}

/* The term a token contributes: its hash and flags; false for stopwords,
 * punctuation and other tokens that carry no content. */
static bool token_term(const px__text *tx, const px__token *t, uint64_t *h, uint8_t *flags) {
  *flags = 0;
  if (t->kind == PX__TOK_NUMBER) {
    double v;
    if (!px__parse_number(tx->body + t->start, t->end - t->start, &v)) return false;
    *h = value_hash(v);
    *flags = PX__TERM_NUM;
    if (v >= 100 && !(v >= 1900 && v <= 2100 && v == (double)(long)v)) *flags |= PX__TERM_FIGURE;
    return true;
  }
  if (t->kind != PX__TOK_WORD) return false;
  char buf[16];
  size_t n = lower_word(tx, t, buf, sizeof buf);
  if (n) {
    double v = px__number_word(buf, n);
    if (v >= 0 && v < 1000 && v != 0.5) {
      *h = value_hash(v);
      *flags = PX__TERM_NUM;
      return true;
    }
  }
  if (t->flags & PX__TF_STOP) return false;
  if (!t->stem) return false;
  *h = t->stem;
  if ((t->flags & (PX__TF_CAP | PX__TF_ALLCAPS)) && !(t->flags & PX__TF_SENT_START))
    *flags = PX__TERM_CAP;
  else if (!(t->flags & (PX__TF_CAP | PX__TF_ALLCAPS)))
    *flags = PX__TERM_LOWER;
  return true;
}

/* ------------------------------------------------------------------ IDF */

int px__idf_add(px__idf_builder *b, const px__text *tx, size_t sent) {
  const px__sentence *s = &tx->sent[sent];
  if (b->n + s->tok_count > b->cap) {
    size_t nc = b->cap ? b->cap * 2 : 4096;
    while (nc < b->n + s->tok_count) nc *= 2;
    uint64_t *t = realloc(b->v, nc * sizeof *t);
    if (!t) return PX_ENOMEM;
    b->v = t;
    b->cap = nc;
  }
  size_t from = b->n;
  uint32_t skip_to = tx->dateline.found ? tx->dateline.end : 0;
  for (size_t i = s->tok_first; i < (size_t)s->tok_first + s->tok_count && i < tx->ntok; i++) {
    uint64_t h;
    uint8_t fl;
    if (tx->tok[i].start < skip_to) continue;
    if (token_term(tx, &tx->tok[i], &h, &fl)) b->v[b->n++] = h;
  }
  /* Count each stem once per sentence. */
  if (b->n > from) qsort(b->v + from, b->n - from, sizeof *b->v, px__cmp_u64);
  size_t k = from;
  for (size_t i = from; i < b->n; i++)
    if (k == from || b->v[k - 1] != b->v[i]) b->v[k++] = b->v[i];
  b->n = k;
  b->nsent++;
  return PX_OK;
}

int px__idf_build(px__idf_builder *b, const px__lex *lex, px__idf *out) {
  memset(out, 0, sizeof *out);
  out->lex = lex;
  out->nsent = b->nsent;
  out->local_weight = 0.8f;
  if (b->n) qsort(b->v, b->n, sizeof *b->v, px__cmp_u64);
  size_t distinct = 0;
  for (size_t i = 0; i < b->n; i++)
    if (i == 0 || b->v[i] != b->v[i - 1]) distinct++;
  out->stem = malloc((distinct + 1) * sizeof *out->stem);
  out->df = malloc((distinct + 1) * sizeof *out->df);
  if (!out->stem || !out->df) {
    px__idf_release(out);
    return PX_ENOMEM;
  }
  for (size_t i = 0; i < b->n; i++) {
    if (out->n && out->stem[out->n - 1] == b->v[i]) {
      out->df[out->n - 1]++;
      continue;
    }
    out->stem[out->n] = b->v[i];
    out->df[out->n] = 1;
    out->n++;
  }
  free(b->v);
  memset(b, 0, sizeof *b);
  return PX_OK;
}

void px__idf_release(px__idf *idf) {
  free(idf->stem);
  free(idf->df);
  idf->stem = NULL;
  idf->df = NULL;
  idf->n = 0;
}

uint32_t px__idf_df(const px__idf *idf, uint64_t stem) {
  size_t lo = 0, hi = idf->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (idf->stem[mid] < stem)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (lo < idf->n && idf->stem[lo] == stem) ? idf->df[lo] : 0;
}

float px__idf_get(const px__idf *idf, uint64_t stem) {
  double local = log((idf->nsent + 1.0) / (px__idf_df(idf, stem) + 0.5));
  double bg = idf->lex ? px__lex_bg_idf(idf->lex, stem) : local;
  double lw = idf->nsent >= 20 ? idf->local_weight : idf->local_weight * idf->nsent / 20.0;
  double w = lw * local + (1 - lw) * bg;
  return (float)(w < 0.1 ? 0.1 : w);
}

/* ------------------------------------------------------------ sentences */

static uint32_t sort_unique(uint64_t *v, uint32_t n) {
  return (uint32_t)px__sort_unique_u64(v, n);
}

static uint32_t common(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb) {
  uint32_t i = 0, j = 0, c = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j])
      i++;
    else if (a[i] > b[j])
      j++;
    else
      c++, i++, j++;
  }
  return c;
}

/* Longest common subsequence of two token sequences (at most PX__SEQ_MAX). */
static uint32_t lcs(const uint64_t *a, uint32_t na, const uint64_t *b, uint32_t nb) {
  uint16_t row[PX__SEQ_MAX + 1] = {0};
  for (uint32_t i = 0; i < na; i++) {
    uint16_t diag = 0;
    for (uint32_t j = 0; j < nb; j++) {
      uint16_t up = row[j + 1];
      row[j + 1] = a[i] == b[j] ? (uint16_t)(diag + 1) : (row[j] > up ? row[j] : up);
      diag = up;
    }
  }
  return row[nb];
}

static int cmp_term(const void *a, const void *b) {
  uint64_t x = ((const px__term *)a)->stem, y = ((const px__term *)b)->stem;
  return (x > y) - (x < y);
}

/* The end of a transcript's speaker label opening the sentence ("AMY
 * GOODMAN:", "REP. JOHN LEWIS:"), or 0: it says who speaks, not what is
 * reported, and every line of one speaker carries it. */
static uint32_t speaker_label(const px__text *tx, size_t first, size_t count) {
  uint32_t words = 0;
  for (size_t i = first; i < first + count && i < first + 12; i++) {
    const px__token *t = &tx->tok[i];
    if (t->kind == PX__TOK_WORD && (t->flags & PX__TF_ALLCAPS)) {
      words++;
      continue;
    }
    if (t->kind == PX__TOK_PUNCT && tx->body[t->start] == '.') continue;
    if (t->kind == PX__TOK_PUNCT && tx->body[t->start] == ':' && words >= 1 && words <= 5)
      return t->end;
    break;
  }
  return 0;
}

static px__term *find_term(px__ssent *s, uint64_t stem) {
  uint32_t lo = 0, hi = s->nterm;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (s->term[mid].stem < stem)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < s->nterm && s->term[lo].stem == stem ? &s->term[lo] : NULL;
}

/* A name of several capitalized words is one thing named, not several
 * rare words: two sentences that share "Martin Luther King Jr." and
 * nothing else do not report one fact.  The words of a run weigh together
 * what its rarest word weighs, and a little more for each further word
 * (its weight in a run of one). */
static void name_runs(px__ssent *s, const uint64_t *run, size_t nrun) {
  for (size_t r = 0; r < nrun;) {
    size_t e = r;
    while (e < nrun && run[e]) e++;
    if (e - r >= 2) {
      float sum = 0, max = 0;
      for (size_t k = r; k < e; k++) {
        px__term *t = find_term(s, run[k]);
        if (!t) continue;
        sum += t->w;
        if (t->w > max) max = t->w;
      }
      float want = max * (1 + PX__NAME_RUN_EXTRA * (float)(e - r - 1));
      if (sum > want && sum > 0) {
        float scale = want / sum;
        for (size_t k = r; k < e; k++) {
          px__term *t = find_term(s, run[k]);
          if (t && !(t->flags & PX__TERM_NUM) && t->w * scale < t->w) t->w *= scale;
        }
      }
      for (size_t k = r; k < e; k++) {
        px__term *t = find_term(s, run[k]);
        if (t && !(t->flags & PX__TERM_NUM)) t->flags |= PX__TERM_NAME;
      }
    }
    r = e + 1;
  }
}

/* Words that say when, not what: two sentences that both happened "last
 * week" or "on Monday" share a time, not a fact.  ("March" and "May" are
 * left out: a march, what may be.) */
static bool time_word(const char *w, size_t n) {
  static const char *const tw[] = {
      "last",     "past",     "next",      "ago",      "earlier",   "later",    "recently",
      "today",    "tonight",  "yesterday", "tomorrow", "morning",   "afternoon", "evening",
      "night",    "overnight", "weekend",  "week",     "weeks",     "month",    "months",
      "year",     "years",    "day",       "days",     "hour",      "hours",    "minute",
      "minutes",  "decade",   "decades",   "monday",   "tuesday",   "wednesday", "thursday",
      "friday",   "saturday", "sunday",    "january",  "february",  "april",    "june",
      "july",     "august",   "september", "october",  "november",  "december", "weekly",
      "daily",    "annual",   "annually",  "monthly",  "yearly"};
  for (size_t k = 0; k < sizeof tw / sizeof *tw; k++)
    if (strlen(tw[k]) == n && memcmp(tw[k], w, n) == 0) return true;
  return false;
}

/* A unit of time: the number before it counts time ("two weeks"). */
static bool time_unit_word(const char *w, size_t n) {
  static const char *const u[] = {"minute", "minutes", "hour",  "hours",  "day",    "days",
                                  "week",   "weeks",   "month", "months", "year",   "years",
                                  "decade", "decades", "night", "nights", "weekend", "weekends"};
  for (size_t k = 0; k < sizeof u / sizeof *u; k++)
    if (strlen(u[k]) == n && memcmp(u[k], w, n) == 0) return true;
  return false;
}

/* Is the number token i of tx a span of time: its next word a unit of time
 * ("two weeks", "the two-hour meeting"), or after "last", "past" or "next"? */
static bool time_number(const px__text *tx, size_t i, size_t end) {
  char buf[16];
  for (size_t j = i + 1; j < end && j <= i + 2; j++) {
    const px__token *t = &tx->tok[j];
    if (t->kind == PX__TOK_NUMBER) return false;
    if (t->kind != PX__TOK_WORD) continue; /* the hyphen of "two-hour" */
    size_t n = lower_word(tx, t, buf, sizeof buf);
    return n && time_unit_word(buf, n);
  }
  return false;
}

int px__ssent_make(const px__text *tx, size_t sent, const px__idf *idf, px__arena *arena,
                   px__ssent *out) {
  memset(out, 0, sizeof *out);
  const px__sentence *s = &tx->sent[sent];
  size_t first = s->tok_first, count = s->tok_count;
  if (first > tx->ntok) count = 0;
  if (first + count > tx->ntok) count = tx->ntok - first;
  out->term = px__arena_alloc(arena, (count + 1) * sizeof *out->term);
  out->big = px__arena_alloc(arena, (count + 1) * sizeof *out->big);
  out->fset = px__arena_alloc(arena, (count + 1) * sizeof *out->fset);
  out->tri = px__arena_alloc(arena, (count + 1) * sizeof *out->tri);
  out->seq = px__arena_alloc(arena, (PX__SEQ_MAX + 1) * sizeof *out->seq);
  if (!out->term || !out->big || !out->fset || !out->tri || !out->seq) return PX_ENOMEM;
  uint64_t prev = 0, f1 = 0, f2 = 0;
  /* the verbs of saying, which two sentences share without sharing a thing */
  static const char *const say[] = {"said", "says", "say", "saying"};
  uint64_t say_h[sizeof say / sizeof *say];
  for (size_t k = 0; k < sizeof say / sizeof *say; k++) say_h[k] = px__word_hash(say[k], strlen(say[k]));
  /* Runs of capitalized words ("Martin Luther King Jr."): the stems of
   * each run, in token order, runs separated by a 0. */
  uint64_t *run = px__arena_alloc(arena, (2 * count + 2) * sizeof *run);
  if (!run) return PX_ENOMEM;
  size_t nrun = 0, inrun = 0;
  /* The dateline ("HELSINKI (Northern Wire) -") names the outlet and its
   * desk, not the fact: leave it out of the lead sentence. */
  uint32_t skip_to = tx->dateline.found ? tx->dateline.end : 0;
  uint32_t label = speaker_label(tx, first, count);
  if (label > skip_to) skip_to = label;
  for (size_t i = first; i < first + count; i++) {
    const px__token *t = &tx->tok[i];
    if (t->kind != PX__TOK_WORD && t->kind != PX__TOK_NUMBER) continue;
    if (t->start < skip_to) continue;
    out->nwords++;
    uint64_t fh = t->kind == PX__TOK_WORD && t->stem ? t->stem : t->fold;
    if (out->nseq < PX__SEQ_MAX) out->seq[out->nseq++] = fh;
    out->fset[out->nfset++] = fh;
    if (f1 && f2) out->tri[out->ntri++] = px__mix64(px__mix64(f2 * 31 + f1) * 31 + fh);
    f2 = f1;
    f1 = fh;
    uint64_t h;
    uint8_t fl;
    uint64_t uh = t->stem ? t->stem : t->fold;
    bool term = token_term(tx, t, &h, &fl);
    if (term && t->kind == PX__TOK_WORD)
      for (size_t k = 0; k < sizeof say / sizeof *say; k++)
        if (t->fold == say_h[k]) fl |= PX__TERM_SAY;
    if (term) {
      char wb[16];
      size_t wn = t->kind == PX__TOK_WORD ? lower_word(tx, t, wb, sizeof wb) : 0;
      if ((fl & PX__TERM_NUM) ? time_number(tx, i, first + count) : wn && time_word(wb, wn)) {
        fl |= PX__TERM_TIME;
        /* "two weeks" and "two employees" do not give one figure */
        if (fl & PX__TERM_NUM) h = px__mix64(h ^ 0x74696d65ULL);
      }
    }
    if (term) {
      out->term[out->nterm++] = (px__term){h, 0, NULL, 0, 0, fl};
      uh = h;
    }
    if (term && t->kind == PX__TOK_WORD && (t->flags & (PX__TF_CAP | PX__TF_ALLCAPS))) {
      run[nrun++] = h;
      inrun++;
    } else if (inrun) {
      run[nrun++] = 0;
      inrun = 0;
    }
    if (prev) out->big[out->nbig++] = px__mix64(prev * 31 + uh);
    prev = uh;
  }
  qsort(out->term, out->nterm, sizeof *out->term, cmp_term);
  uint32_t k = 0;
  for (uint32_t i = 0; i < out->nterm; i++) {
    if (k && out->term[k - 1].stem == out->term[i].stem) {
      out->term[k - 1].flags |= out->term[i].flags;
      continue;
    }
    out->term[k++] = out->term[i];
  }
  out->nterm = k;
  for (uint32_t i = 0; i < out->nterm; i++) {
    px__term *t = &out->term[i];
    t->w = idf ? px__idf_get(idf, t->stem) : 1.0f;
    if (idf && idf->lex && !(t->flags & PX__TERM_NUM)) {
      size_t nc = px__lex_classes(idf->lex, t->stem, &t->cls);
      t->ncls = (uint8_t)(nc < 255 ? nc : 255);
      for (size_t k2 = 0; k2 < t->ncls; k2++) t->csig |= 1ull << (t->cls[k2] & 63);
    }
    if (t->flags & PX__TERM_NUM) {
      t->w = t->w < 2.0f ? 2.0f : t->w;
      out->nnum++;
    }
  }
  if (inrun) run[nrun++] = 0;
  name_runs(out, run, nrun);
  for (uint32_t i = 0; i < out->nterm; i++) {
    px__term *t = &out->term[i];
    if (t->flags & PX__TERM_CAP) out->ncap++;
    out->wsum += t->w;
  }
  out->nbig = sort_unique(out->big, out->nbig);
  out->nfset = sort_unique(out->fset, out->nfset);
  out->ntri = sort_unique(out->tri, out->ntri);
  return PX_OK;
}

/* ------------------------------------------------------------- features */

#define MAXT 256

static bool share_class(const px__term *x, const px__term *y) {
  if (!(x->csig & y->csig)) return false;
  for (size_t i = 0; i < x->ncls; i++)
    for (size_t j = 0; j < y->ncls; j++)
      if (x->cls[i] == y->cls[j]) return true;
  return false;
}

/* A word of a name on one side, only a common word on the other ("Andrew
 * Young" / "young people"): the same stem, not the same thing. */
static bool name_vs_word(uint8_t x, uint8_t y) {
  bool xn = (x & PX__TERM_NAME) && !(x & PX__TERM_LOWER), yn = (y & PX__TERM_NAME) && !(y & PX__TERM_LOWER);
  bool xw = (x & PX__TERM_LOWER) && !(x & (PX__TERM_NAME | PX__TERM_CAP));
  bool yw = (y & PX__TERM_LOWER) && !(y & (PX__TERM_NAME | PX__TERM_CAP));
  return (xn && yw) || (yn && xw);
}

static void features(const px__lex *lx, const px__ssent *a, const px__ssent *b,
                     double f[PX__SIM_NFEAT], double *shared, uint32_t *units, uint32_t *figs) {
  memset(f, 0, PX__SIM_NFEAT * sizeof *f);
  /* Exact matches by a merge of the two sorted term lists. */
  uint8_t ma[MAXT], mb[MAXT]; /* 0 none, 1 exact, 2 synonym */
  uint32_t na = a->nterm < MAXT ? a->nterm : MAXT, nb = b->nterm < MAXT ? b->nterm : MAXT;
  memset(ma, 0, na);
  memset(mb, 0, nb);
  uint32_t i = 0, j = 0;
  uint32_t num_same = 0, cap_same = 0;
  while (i < na && j < nb) {
    if (a->term[i].stem < b->term[j].stem)
      i++;
    else if (a->term[i].stem > b->term[j].stem)
      j++;
    else if (name_vs_word(a->term[i].flags, b->term[j].flags)) {
      i++;
      j++;
    } else {
      ma[i] = mb[j] = 1;
      if (a->term[i].flags & PX__TERM_NUM) num_same++;
      if (figs && (a->term[i].flags & b->term[j].flags & PX__TERM_FIGURE)) (*figs)++;
      if ((a->term[i].flags | b->term[j].flags) & PX__TERM_CAP) cap_same++;
      i++;
      j++;
    }
  }
  /* Synonyms among the words left unmatched. */
  (void)lx; /* synonym classes were attached to the terms by px__ssent_make */
  for (i = 0; i < na; i++) {
    if (ma[i] || !a->term[i].csig) continue;
    for (j = 0; j < nb; j++) {
      if (mb[j] == 1 || !b->term[j].csig) continue;
      if (share_class(&a->term[i], &b->term[j])) {
        ma[i] = 2;
        mb[j] = 2;
        break;
      }
    }
  }
  double wa = 0, wb = 0, ca = 0, cb = 0, ea = 0, eb = 0;
  for (i = 0; i < na; i++) {
    wa += a->term[i].w;
    if (ma[i] == 1) ca += a->term[i].w, ea += a->term[i].w;
    if (ma[i] == 2) ca += SYN_CREDIT * a->term[i].w;
  }
  for (j = 0; j < nb; j++) {
    wb += b->term[j].w;
    if (mb[j] == 1) cb += b->term[j].w, eb += b->term[j].w;
    if (mb[j] == 2) cb += SYN_CREDIT * b->term[j].w;
  }
  double cova = wa > 0 ? ca / wa : 0, covb = wb > 0 ? cb / wb : 0;
  double exa = wa > 0 ? ea / wa : 0, exb = wb > 0 ? eb / wb : 0;
  f[0] = cova < covb ? cova : covb;
  f[1] = cova < covb ? covb : cova;
  uint32_t bs = common(a->big, a->nbig, b->big, b->nbig);
  f[2] = (a->nbig + b->nbig) ? 2.0 * bs / (a->nbig + b->nbig) : 0;
  uint32_t lmin = a->nwords < b->nwords ? a->nwords : b->nwords;
  uint32_t lmax = a->nwords < b->nwords ? b->nwords : a->nwords;
  f[3] = lmax ? (double)lmin / lmax : 0;
  uint32_t nunion = a->nnum + b->nnum - num_same;
  f[4] = (a->nnum && b->nnum && num_same == nunion) ? 1 : 0;
  f[5] = (a->nnum && b->nnum) ? (double)(nunion - num_same) / nunion : 0;
  uint32_t cunion = a->ncap + b->ncap - cap_same;
  f[6] = cunion ? (double)cap_same / cunion : 0.5;
  f[7] = log1p((wa - ca) + (wb - cb));
  f[8] = cova * covb;
  f[9] = exa < exb ? exa : exb;
  /* Every word, stopwords included, and word order. */
  uint32_t fs = common(a->fset, a->nfset, b->fset, b->nfset);
  double pa = a->nfset ? (double)fs / a->nfset : 0, pb = b->nfset ? (double)fs / b->nfset : 0;
  f[10] = pa < pb ? pa : pb;
  f[11] = pa < pb ? pb : pa;
  uint32_t ts = common(a->tri, a->ntri, b->tri, b->ntri);
  f[12] = (a->ntri + b->ntri) ? 2.0 * ts / (a->ntri + b->ntri) : 0;
  uint32_t l = lcs(a->seq, a->nseq, b->seq, b->nseq);
  uint32_t smin = a->nseq < b->nseq ? a->nseq : b->nseq, smax = a->nseq < b->nseq ? b->nseq : a->nseq;
  f[13] = smin ? (double)l / smin : 0;
  f[14] = smax ? (double)l / smax : 0;
  f[15] = log1p((double)(lmax - lmin));
  uint32_t ua = 0, ub = 0;
  for (i = 0; i < na; i++) ua += ma[i] == 0;
  for (j = 0; j < nb; j++) ub += mb[j] == 0;
  f[16] = log1p(ua > ub ? ua : ub);
  f[17] = (!a->nnum && !b->nnum) ? 1 : 0;
  double ua_w = wa - ca, ub_w = wb - cb;
  f[18] = log1p(ua_w > ub_w ? ua_w : ub_w);
  uint32_t capu = 0;
  for (i = 0; i < na; i++) capu += !ma[i] && (a->term[i].flags & PX__TERM_CAP);
  for (j = 0; j < nb; j++) capu += !mb[j] && (b->term[j].flags & PX__TERM_CAP);
  f[19] = log1p(capu);
  f[20] = f[0] * f[0];
  f[21] = f[14] * f[14];
  if (shared) *shared = (ca + cb) / 2;
  if (units) {
    /* Things the two have in common: each shared word, numbers included,
     * but all the shared capitalized words together as one (a name of
     * three words is one thing named). */
    uint32_t plain = 0, caps = 0;
    for (i = 0; i < na; i++) {
      if (!ma[i] || (a->term[i].flags & (PX__TERM_SAY | PX__TERM_TIME))) continue;
      if (a->term[i].flags & (PX__TERM_CAP | PX__TERM_NAME))
        caps++;
      else
        plain++;
    }
    *units = plain + (caps > 0);
  }
}

void px__sim_features(const px__lex *lx, const px__ssent *a, const px__ssent *b,
                      double f[PX__SIM_NFEAT]) {
  features(lx, a, b, f, NULL, NULL, NULL);
}

double px__fact_score(const px__lex *lx, const px__ssent *a, const px__ssent *b) {
  double f[PX__SIM_NFEAT], shared;
  uint32_t units, figs = 0;
  features(lx, a, b, f, &shared, &units, &figs);
  double p = px__sim_model(px__sim_weights, px__sim_trees, px__sim_ntrees, f);
  /* Two reports of one fact rarely say the same thing word for word: one
   * adds detail the other leaves out.  Containment of the better-covered
   * sentence, scaled by how much rare vocabulary they share, says so. */
  double e = shared / (shared + PX__FACT_SHARED_HALF);
  double c = f[1] * e * PX__FACT_GAIN;
  double r = p > c ? p : (c > 1 ? 1 : c);
  /* One word in common ("Farewell my friend." / "These were my friends.")
   * or one name is a topic shared, not a fact. */
  if (units < PX__FACT_MIN_UNITS && r > PX__FACT_ONE_UNIT_MAX) r = PX__FACT_ONE_UNIT_MAX;
  else if (figs && r >= PX__FACT_FIGURE_MIN && r < PX__FACT_FIGURE) r = PX__FACT_FIGURE;
  return r;
}

double px__sim_apply(const double w[PX__SIM_NFEAT + 1], const double f[PX__SIM_NFEAT]) {
  double z = w[0];
  for (int k = 0; k < PX__SIM_NFEAT; k++) z += w[k + 1] * f[k];
  return 1.0 / (1.0 + exp(-z));
}

double px__sim_model(const double w[PX__SIM_NFEAT + 1], const px__tree2 *trees, size_t ntrees,
                     const double f[PX__SIM_NFEAT]) {
  double z = w[0];
  for (int k = 0; k < PX__SIM_NFEAT; k++) z += w[k + 1] * f[k];
  for (size_t t = 0; t < ntrees; t++) z += trees[t].v[px__tree2_leaf(&trees[t], f)];
  return 1.0 / (1.0 + exp(-z));
}

double px__sim_score(const px__lex *lx, const px__ssent *a, const px__ssent *b) {
  double f[PX__SIM_NFEAT];
  px__sim_features(lx, a, b, f);
  return px__sim_model(px__sim_weights, px__sim_trees, px__sim_ntrees, f);
}
