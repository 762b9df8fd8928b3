/* quote_group.c - one remark in many renderings.
 *
 * Two quotes from different articles are the same remark when their
 * speakers can be the same person (px__speaker_match) and their words agree
 * (px__qbag_similarity).  Words are compared as stems, then through the
 * WordNet synonym classes of quote_syn.c, so "always be with Russia" meets
 * "always be standing with Russia" and "emerge victorious ... evil forces"
 * meets "win a great victory ... evil groups" part of the way.  A partial
 * quote is contained in the fuller rendering it was cut from.
 *
 * px_quote_groups collects quotes, then groups them: speakers by name
 * matching (union-find over distinct names), then remarks inside each
 * speaker, its quotes in order: a quote joins the remark whose members it
 * matches best on average (mean similarity over the members, average link),
 * when that mean reaches PX_QUOTE_SAME_REMARK, else begins a remark.  So a
 * remark is joined by its words as a whole, never through a chain of
 * neighbours: "the bridge opens in May and the ferry closes in June" does
 * not make one remark of a bridge quote and a ferry quote of one speaker.
 * A mean lets a rendering of fewer than PX__VERBATIM_MIN_WORDS words into a
 * remark through one close member; it stays in a remark with longer
 * renderings only when it reaches PX_QUOTE_SAME_REMARK against a direct or
 * partial one (a fragment of the words: "to ransom" of "held Europe to
 * ransom"; a sentence of one word of content must lie above it) or lies
 * above it against any: "Never." shares one word with the
 * paraphrase "she would never sign the treaty", which scores exactly the
 * threshold, too little to make it a rendering of that remark.
 */
#include "quote.h"

#include <ctype.h>
#include <utf8proc.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------- synonyms */

static int syn_cmp(const void *k, const void *e) {
  return strcmp((const char *)k, *(const char *const *)e);
}

/* Classes of a folded word, trying a few de-inflections ("freezes",
 * "finished", "repairs").  @return count written to out (<= PX__QBAG_K). */
static size_t syn_classes(const char *w, size_t n, uint32_t *out) {
  char buf[64];
  if (n == 0 || n >= sizeof buf - 4) return 0;
  static const char *const suf[][2] = {{"", ""},   {"s", ""},  {"es", ""},  {"ies", "y"},
                                       {"ed", ""}, {"ed", "e"}, {"d", ""},  {"ied", "y"},
                                       {"ing", ""}, {"ing", "e"}, {"er", ""}, {"est", ""}};
  for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
    size_t sl = strlen(suf[k][0]);
    if (sl >= n || memcmp(w + n - sl, suf[k][0], sl) != 0) continue;
    size_t bl = n - sl;
    memcpy(buf, w, bl);
    size_t rl = strlen(suf[k][1]);
    memcpy(buf + bl, suf[k][1], rl);
    buf[bl + rl] = 0;
    const char *const *hit =
        bsearch(buf, px__qsyn_words, px__qsyn_count, sizeof *px__qsyn_words, syn_cmp);
    if (!hit) continue;
    size_t i = (size_t)(hit - px__qsyn_words);
    size_t c = 0;
    for (uint32_t j = px__qsyn_first[i]; j < px__qsyn_first[i + 1] && c < PX__QBAG_K; j++)
      out[c++] = px__qsyn_cls[j];
    return c;
  }
  return 0;
}

/* The classes of the words met before, by a hash of the folded word: a
 * speaker's quotes repeat their words, and each lookup above is up to a
 * dozen binary searches over 45,401 words. */
typedef struct synmemo_ent {
  uint64_t h;   /* 0: empty */
  uint32_t off; /* the classes: pool[off .. off + n) */
  uint32_t n;
} synmemo_ent;

typedef struct synmemo {
  synmemo_ent *e;
  size_t cap, used; /* cap a power of two */
  uint32_t *pool;
  size_t npool, cpool;
} synmemo;

/* The fold of a word's span p[0..n) as syn_classes reads it: each code
 * point folded, a final 's dropped.  @return its length. */
static size_t span_fold(const char *p, size_t n, char *f, size_t cap) {
  size_t fn = 0;
  for (size_t k = 0; k < n && fn + PX__FOLD_MAX < cap;) {
    size_t l = px__utf8_seqlen((const unsigned char *)p + k, n - k);
    if (!l) break;
    fn += px__fold_cp(px__utf8_decode((const unsigned char *)p + k, l), f + fn);
    k += l;
  }
  if (fn > 2 && f[fn - 2] == '\'' && f[fn - 1] == 's') fn -= 2;
  return fn;
}

static size_t span_classes(const char *p, size_t n, uint32_t *out) {
  char f[64];
  size_t fn = span_fold(p, n, f, sizeof f);
  return syn_classes(f, fn, out);
}

/* The classes of a word's span p[0..n), memoized by a hash of the span's
 * bytes: the classes are a function of those bytes, so a word met before
 * is neither folded nor looked up again. */
static size_t syn_classes_memo(synmemo *m, const char *p, size_t n, uint32_t *out) {
  if (!m) return span_classes(p, n, out);
  if (m->used * 4 >= m->cap * 3) { /* grow (or start) at three quarters */
    size_t nc = m->cap ? m->cap * 2 : 2048;
    synmemo_ent *v = calloc(nc, sizeof *v);
    if (!v) return span_classes(p, n, out);
    for (size_t i = 0; i < m->cap; i++) {
      if (!m->e[i].h) continue;
      size_t k = m->e[i].h & (nc - 1);
      while (v[k].h) k = (k + 1) & (nc - 1);
      v[k] = m->e[i];
    }
    free(m->e);
    m->e = v;
    m->cap = nc;
  }
  if (m->npool + PX__QBAG_K > m->cpool) {
    size_t nc = m->cpool ? m->cpool * 2 : 4096;
    uint32_t *v = realloc(m->pool, nc * sizeof *v);
    if (!v) return span_classes(p, n, out);
    m->pool = v;
    m->cpool = nc;
  }
  uint64_t h = px__hash64(p, n, 0x73796e) | 1;
  size_t k = h & (m->cap - 1);
  while (m->e[k].h && m->e[k].h != h) k = (k + 1) & (m->cap - 1);
  synmemo_ent *x = &m->e[k];
  if (!x->h) {
    x->h = h;
    x->off = (uint32_t)m->npool;
    x->n = (uint32_t)span_classes(p, n, m->pool + m->npool);
    m->npool += x->n;
    m->used++;
  }
  memcpy(out, m->pool + x->off, x->n * sizeof *out);
  return x->n;
}

/* --------------------------------------------------------------- bags */

#define BAG_MAX 256

static uint32_t stem_bit(uint64_t h) { return (uint32_t)(px__mix64(h) >> 54); }
static uint32_t cls_bit(uint32_t c) { return (uint32_t)(px__mix64((uint64_t)c + 0x9e3779b97f4a7c15ull) >> 54); }

/* Small arrays (a bag holds at most BAG_MAX words) sorted in place: the
 * same order as qsort with px__cmp_u64 / px__cmp_u32, without a call per
 * comparison. */
static void sort_u64(uint64_t *v, uint32_t n) {
  for (uint32_t i = 1; i < n; i++) {
    uint64_t x = v[i];
    uint32_t k = i;
    for (; k > 0 && v[k - 1] > x; k--) v[k] = v[k - 1];
    v[k] = x;
  }
}

static void sort_u32(uint32_t *v, uint32_t n) {
  for (uint32_t i = 1; i < n; i++) {
    uint32_t x = v[i];
    uint32_t k = i;
    for (; k > 0 && v[k - 1] > x; k--) v[k] = v[k - 1];
    v[k] = x;
  }
}

/* The bag of p[0..n): the text analysed in scratch (its tokens are not
 * kept), the bag's arrays in arena at their exact sizes.  scratch may be
 * arena (then the tokens stay in it). */
static int bag_make(px__textan *ta, synmemo *memo, const char *p, size_t n, px__arena *scratch,
                    px__arena *arena, px__qbag *bag) {
  memset(bag, 0, sizeof *bag);
  px__text tx;
  int rc = px__text_analyze(ta, p, n, scratch, &tx);
  if (rc) return rc;
  uint64_t stem[BAG_MAX];
  uint32_t cls[BAG_MAX * PX__QBAG_K];
  uint32_t nw = 0, nc = 0;
  int bracket = 0;
  for (size_t i = 0; i < tx.ntok && nw < BAG_MAX; i++) {
    const px__token *t = &tx.tok[i];
    uint64_t h;
    /* an editor's words in brackets ("When I decided to just do it [fire
     * Comey]", "[sic]") are not the speaker's */
    if (t->kind == PX__TOK_PUNCT && t->end - t->start == 1 && (p[t->start] == '[' || p[t->start] == ']')) {
      bracket = p[t->start] == '[';
      continue;
    }
    if (bracket) continue;
    uint32_t *cl = &cls[nw * PX__QBAG_K];
    for (int k = 0; k < PX__QBAG_K; k++) cl[k] = UINT32_MAX;
    if (t->kind == PX__TOK_NUMBER) {
      char d[32];
      size_t dn = 0;
      for (size_t k = t->start; k < t->end && dn < sizeof d; k++)
        if (isdigit((unsigned char)p[k])) d[dn++] = p[k];
      if (!dn) continue;
      h = px__word_hash(d, dn);
    } else if (t->kind == PX__TOK_WORD) {
      if (t->flags & PX__TF_STOP) continue;
      h = t->stem ? t->stem : t->fold;
    } else {
      continue;
    }
    bool dup = false;
    for (uint32_t k = 0; k < nw && !dup; k++) dup = stem[k] == h;
    if (dup) continue;
    /* a repeated stem keeps the classes of its first word: looked up once */
    if (t->kind == PX__TOK_WORD) nc += (uint32_t)syn_classes_memo(memo, p + t->start, t->end - t->start, cl);
    stem[nw++] = h;
  }
  if (scratch != arena) px__arena_reset(scratch);
  bag->n = nw;
  /* one block: stems, sorted stems, classes, sorted classes, bits */
  size_t bytes = (size_t)nw * 2 * sizeof(uint64_t) + (size_t)nw * PX__QBAG_K * sizeof(uint32_t) +
                 ((size_t)nc + 1) * sizeof(uint32_t) +
                 ((size_t)nw * (1 + PX__QBAG_K) + 1) * sizeof(uint16_t);
  unsigned char *mem = px__arena_alloc(arena, bytes);
  if (!mem) return PX_ENOMEM;
  bag->stem = (uint64_t *)mem;
  bag->sstem = bag->stem + nw;
  bag->cls = (uint32_t *)(bag->sstem + nw);
  bag->scls = bag->cls + (size_t)nw * PX__QBAG_K;
  bag->bit = (uint16_t *)(bag->scls + nc + 1);
  memcpy(bag->stem, stem, nw * sizeof *stem);
  memcpy(bag->cls, cls, (size_t)nw * PX__QBAG_K * sizeof *cls);
  /* sorted copies, so a word is looked up in O(log n) */
  memcpy(bag->sstem, stem, nw * sizeof *stem);
  sort_u64(bag->sstem, nw);
  nc = 0;
  for (uint32_t i = 0; i < nw * PX__QBAG_K; i++)
    if (cls[i] != UINT32_MAX) bag->scls[nc++] = cls[i];
  sort_u32(bag->scls, nc);
  uint32_t u = 0;
  for (uint32_t i = 0; i < nc; i++)
    if (!u || bag->scls[u - 1] != bag->scls[i]) bag->scls[u++] = bag->scls[i];
  bag->ncls = u;
  for (uint32_t i = 0; i < nw; i++) {
    uint16_t *w = &bag->bit[i * (1 + PX__QBAG_K)];
    uint32_t b = stem_bit(bag->stem[i]);
    bag->sig[b >> 6] |= 1ull << (b & 63);
    w[0] = (uint16_t)b;
    const uint32_t *ca = &bag->cls[i * PX__QBAG_K];
    for (int x = 0; x < PX__QBAG_K; x++) w[1 + x] = ca[x] == UINT32_MAX ? 0xFFFF : (uint16_t)cls_bit(ca[x]);
  }
  for (uint32_t i = 0; i < bag->ncls; i++) {
    uint32_t b = cls_bit(bag->scls[i]);
    bag->sig[b >> 6] |= 1ull << (b & 63);
  }
  return PX_OK;
}

int px__qbag_make(px__textan *ta, const char *p, size_t n, px__arena *arena, px__qbag *bag) {
  return bag_make(ta, NULL, p, n, arena, arena, bag);
}

static bool sig_has(const uint64_t *sig, uint32_t b) { return (sig[b >> 6] >> (b & 63)) & 1; }

/* The containment of the smaller bag in the larger counts less when the
 * smaller holds one word (0.4) or two (0.75): one shared word is no remark. */
static inline double small_damp(uint32_t small) {
  return small >= 3 ? 1.0 : small == 1 ? 0.4 : 0.75;
}

/* Containment counts only when the smaller bag meets the larger in two of
 * its words by stem (in its one word, when it has one): "Not everybody
 * believes we should do so much testing" shares "much" and a synonym of
 * "believes" with a remark about oil prices, which is no rendering of it.
 * Synonyms help a paraphrase that also repeats the words it is about. */
static inline double contained(double cont, uint32_t small, uint32_t exact) {
  return exact >= (small < 2 ? small : 2) ? cont : 0;
}

/* Two words of content meet a remark only in both: "strong response"
 * shares no more than "response" with "shouldered its responsibilities"
 * (their dice 0.5) and is no rendering of it; "strong reply" is (by a
 * synonym).  na, nb: the bags' sizes; ma, mb: how many of each one's
 * words the other matches, by stem or by class. */
static inline bool pair_short_of_words(uint32_t na, uint32_t nb, uint32_t ma, uint32_t mb) {
  uint32_t small = na < nb ? na : nb;
  uint32_t met = na < nb ? ma : nb < na ? mb : (ma < mb ? ma : mb);
  return small == 2 && met < 2;
}

/* One side of the bound: each word of a counts 1 when its stem's bit is in
 * b's signature, else 0.7 when one of its classes' bits is; a word that
 * truly matches always has its bit there. */
static double bound_side(const px__qbag *a, const px__qbag *b) {
  double s = 0;
  for (uint32_t i = 0; i < a->n; i++) {
    const uint16_t *w = &a->bit[i * (1 + PX__QBAG_K)];
    if (sig_has(b->sig, w[0])) {
      s += 1.0;
      continue;
    }
    for (int x = 1; x <= PX__QBAG_K && w[x] != 0xFFFF; x++)
      if (sig_has(b->sig, w[x])) {
        s += 0.7;
        break;
      }
  }
  return s;
}

double px__qbag_bound(const px__qbag *a, const px__qbag *b) {
  if (!a->n || !b->n) return 0;
  double sa = bound_side(a, b), sb = bound_side(b, a);
  double wa = a->n, wb = b->n;
  double dice = (sa + sb) / (wa + wb);
  const uint32_t small = a->n < b->n ? a->n : b->n;
  double cont = a->n <= b->n ? sa / wa : sb / wb;
  cont *= small_damp(small);
  return dice > cont ? dice : cont;
}

/* How well word i of a is matched in b: 1 same stem, 0.7 a shared class. */
static double word_match(const px__qbag *a, uint32_t i, const px__qbag *b) {
  /* a stem or class whose bit is not in b's signature is not in b: most
   * words of a pair are passed over without a search */
  const uint16_t *w = &a->bit[i * (1 + PX__QBAG_K)];
  uint64_t h = a->stem[i];
  if ((b->sig[w[0] >> 6] >> (w[0] & 63)) & 1) {
    uint32_t lo = 0, hi = b->n;
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (b->sstem[mid] < h) lo = mid + 1;
      else hi = mid;
    }
    if (lo < b->n && b->sstem[lo] == h) return 1.0;
  }
  const uint32_t *ca = &a->cls[i * PX__QBAG_K];
  for (int x = 0; x < PX__QBAG_K && ca[x] != UINT32_MAX; x++) {
    if (!((b->sig[w[1 + x] >> 6] >> (w[1 + x] & 63)) & 1)) continue;
    uint32_t l = 0, r = b->ncls;
    while (l < r) {
      uint32_t mid = l + (r - l) / 2;
      if (b->scls[mid] < ca[x]) l = mid + 1;
      else r = mid;
    }
    if (l < b->ncls && b->scls[l] == ca[x]) return 0.7;
  }
  return 0;
}

double px__qbag_similarity(const px__qbag *a, const px__qbag *b,
                           double (*weight)(void *user, uint64_t h), void *user) {
  if (!a->n || !b->n) return 0;
  double sa = 0, wa = 0, sb = 0, wb = 0;
  uint32_t ea = 0, eb = 0; /* words met by stem */
  uint32_t ma = 0, mb = 0; /* words met at all */
  for (uint32_t i = 0; i < a->n; i++) {
    double w = weight ? weight(user, a->stem[i]) : 1.0;
    double m = word_match(a, i, b);
    sa += w * m;
    wa += w;
    ea += m == 1.0;
    ma += m > 0;
  }
  for (uint32_t j = 0; j < b->n; j++) {
    double w = weight ? weight(user, b->stem[j]) : 1.0;
    double m = word_match(b, j, a);
    sb += w * m;
    wb += w;
    eb += m == 1.0;
    mb += m > 0;
  }
  if (pair_short_of_words(a->n, b->n, ma, mb)) return 0;
  double dice = (sa + sb) / (wa + wb);
  /* containment of the smaller in the larger, damped when it is tiny */
  const uint32_t small = a->n < b->n ? a->n : b->n;
  double cont = a->n <= b->n ? sa / wa : sb / wb;
  cont = contained(cont * small_damp(small), small, a->n <= b->n ? ea : eb);
  return dice > cont ? dice : cont;
}

/* px__qbag_similarity without weights, given up (-1) as soon as the words
 * left cannot lift it to lo: the value when returned is the same, by the
 * same sums in the same order. */
static double similarity_from(const px__qbag *a, const px__qbag *b, double lo) {
  if (!a->n || !b->n) return 0;
  const uint32_t na = a->n, nb = b->n;
  const double wa = na, wb = nb;
  const uint32_t small = na < nb ? na : nb;
  const double damp = small_damp(small);
  const bool acont = na <= nb;
  /* the sums reachable when every word left matches, compared with what
   * lo asks, with room for rounding */
  const double eps = 1e-9;
  double need = lo * (wa + wb) - wb;
  double needc = acont ? lo * wa / damp : (damp >= lo ? -1e300 : 1e300);
  if (needc < need) need = needc;
  double sa = 0;
  uint32_t ea = 0, eb = 0; /* words met by stem */
  uint32_t ma = 0, mb = 0; /* words met at all */
  for (uint32_t i = 0; i < na; i++) {
    double m = word_match(a, i, b);
    sa += m;
    ea += m == 1.0;
    ma += m > 0;
    if (sa + (double)(na - 1 - i) < need - eps) return -1;
  }
  double cont_a = contained(sa / wa * damp, small, ea);
  need = lo * (wa + wb) - sa;
  if (acont) {
    if (cont_a >= lo - eps) need = -1e300;
  } else {
    needc = lo * wb / damp;
    if (needc < need) need = needc;
  }
  double sb = 0;
  for (uint32_t j = 0; j < nb; j++) {
    double m = word_match(b, j, a);
    sb += m;
    eb += m == 1.0;
    mb += m > 0;
    if (sb + (double)(nb - 1 - j) < need - eps) return -1;
  }
  if (pair_short_of_words(na, nb, ma, mb)) return 0;
  double dice = (sa + sb) / (wa + wb);
  double cont = acont ? sa / wa : sb / wb;
  cont = contained(cont * small_damp(small), small, acont ? ea : eb);
  return dice > cont ? dice : cont;
}

/* ------------------------------------------------------------ speakers */

static const char *const k_titles[] = {
    "mr", "mrs", "ms", "mme", "mlle", "dr", "prof", "president", "prime", "minister",
    "governor", "gov", "mayor", "judge", "justice", "chancellor", "sen", "senator", "rep",
    "representative", "gen", "general", "king", "queen", "pope", "sir", "lord", "lady",
    "secretary", "chief", "coach", "saint", "st", "the", "mister", "madam", "monsieur", "herr",
    "frau", "sheikh", "prince", "princess", "crown", "vice", "deputy", "foreign", "defense",
    "defence", "state", "supreme", "leader", "chairman", "chairwoman", "ceo", "director",
    "ambassador", "commissioner", "premier", "pm", "captain", "colonel", "lt", "sgt",
    "attorney", "former", "first", "speaker", "rev", "reverend", "dame", "emir", "sultan",
    "ayatollah", "pres", "sec", "amb", "adm", "admiral", "officer", "professor", "doctor", "ag"};

#define NAME_TOKS 8

typedef struct ntok {
  char s[40];    /* folded, letters only */
  char k[40];    /* skeleton */
} ntok;

/* Consonant skeleton: transliterations of one name mostly agree on it
 * (Yevgeny, Evgeniy, Jewgeni -> "vgn"). */
static void skeleton(const char *s, char *k, size_t cap) {
  size_t o = 0;
  char last = 0;
  for (; *s && o + 1 < cap; s++) {
    char c = *s;
    if (strchr("aeiouyjh", c)) continue;
    if (c == 'w') c = 'v';
    if (c == 'c' || c == 'q') c = 'k';
    if (c == last) continue;
    k[o++] = c;
    last = c;
  }
  k[o] = 0;
}

static bool is_title(const char *s) {
  for (size_t i = 0; i < sizeof k_titles / sizeof *k_titles; i++)
    if (!strcmp(s, k_titles[i])) return true;
  return false;
}

/* Name tokens of a speaker: folded, titles and lower-case words dropped. */
static size_t name_tokens(const char *p, size_t n, ntok *out) {
  size_t nt = 0, i = 0;
  while (i < n && nt < NAME_TOKS) {
    while (i < n && (p[i] == ' ' || p[i] == ',' || p[i] == '\n')) i++;
    size_t s = i;
    while (i < n && p[i] != ' ' && p[i] != ',' && p[i] != '\n') i++;
    if (i == s) break;
    bool upper = false;
    char f[40];
    size_t fn = 0;
    for (size_t k = s; k < i;) {
      size_t l = px__utf8_seqlen((const unsigned char *)p + k, i - k);
      if (!l) break;
      int32_t cp = px__utf8_decode((const unsigned char *)p + k, l);
      if (utf8proc_isupper(cp)) upper = true;
      char tmp[PX__FOLD_MAX];
      size_t tn = px__fold_cp(cp, tmp);
      for (size_t x = 0; x < tn && fn + 1 < sizeof f; x++)
        if (tmp[x] >= 'a' && tmp[x] <= 'z') f[fn++] = tmp[x];
      k += l;
    }
    f[fn] = 0;
    if (!fn || !upper || is_title(f)) continue;
    memcpy(out[nt].s, f, fn + 1);
    skeleton(f, out[nt].k, sizeof out[nt].k);
    nt++;
  }
  return nt;
}

/* Two spellings of one name: the same letters, or the same skeleton of
 * three consonants or more with compatible first letters and lengths
 * (Yevgeny / Evgeniy / Jewgeni, Gaddafi / Qaddafi).  A two-consonant
 * skeleton is too loose: Nancy, Hancock, Janice and NCAA all give "nk". */
static bool same_tok(const ntok *a, const ntok *b) {
  if (!strcmp(a->s, b->s)) return true;
  if (strlen(a->k) < 3 || strcmp(a->k, b->k)) return false;
  size_t la = strlen(a->s), lb = strlen(b->s);
  if ((la > lb ? la - lb : lb - la) > 3) return false;
  char fa = a->s[0], fb = b->s[0];
  if (fa == fb) return true;
  bool va = strchr("aeiouyjh", fa) != NULL, vb = strchr("aeiouyjh", fb) != NULL;
  if (va && vb) return true;
  return a->k[0] == b->k[0] && !va && !vb; /* c/k/q, w/v */
}

/* English given names and their usual short forms, which news prints
 * for one person in turn ("Bob McDonnell" / "Robert McDonnell", "Rick
 * Gates" / "Richard Gates"): the short form, then the full name. */
static const char *const k_nicknames[][2] = {
    {"abe", "abraham"}, {"al", "albert"}, {"alex", "alexander"}, {"andy", "andrew"}, {"ash", "ashton"},
    {"becky", "rebecca"}, {"ben", "benjamin"}, {"bernie", "bernard"}, {"beth", "elizabeth"},
    {"betsy", "elizabeth"}, {"bill", "william"}, {"billy", "william"}, {"bob", "robert"},
    {"bobby", "robert"}, {"cathy", "catherine"}, {"charlie", "charles"}, {"chris", "christopher"},
    {"chuck", "charles"}, {"dan", "daniel"}, {"danny", "daniel"}, {"dave", "david"},
    {"deb", "deborah"}, {"debbie", "deborah"}, {"dick", "richard"}, {"don", "donald"},
    {"doug", "douglas"}, {"ed", "edward"}, {"eddie", "edward"}, {"frank", "francis"},
    {"fred", "frederick"}, {"gene", "eugene"}, {"gerry", "gerald"}, {"greg", "gregory"},
    {"hank", "henry"}, {"harry", "harold"}, {"jack", "john"}, {"jake", "jacob"},
    {"jeff", "jeffrey"}, {"jen", "jennifer"}, {"jenny", "jennifer"}, {"jerry", "gerald"},
    {"jerry", "jerrold"}, {"jim", "james"}, {"jimmy", "james"}, {"joe", "joseph"},
    {"johnny", "john"}, {"jon", "jonathan"}, {"josh", "joshua"}, {"kate", "katherine"},
    {"kathy", "kathleen"}, {"ken", "kenneth"}, {"larry", "lawrence"}, {"len", "leonard"},
    {"liz", "elizabeth"}, {"marty", "martin"}, {"matt", "matthew"}, {"meg", "margaret"},
    {"mike", "michael"}, {"mitch", "mitchell"}, {"nate", "nathan"}, {"nick", "nicholas"},
    {"pat", "patrick"}, {"patty", "patricia"}, {"peggy", "margaret"}, {"phil", "philip"},
    {"randy", "randall"}, {"rich", "richard"}, {"rick", "richard"}, {"rob", "robert"},
    {"ron", "ronald"}, {"rudy", "rudolph"}, {"sam", "samuel"}, {"sandy", "sandra"},
    {"steve", "stephen"}, {"steve", "steven"}, {"sue", "susan"}, {"ted", "edward"},
    {"ted", "theodore"}, {"terry", "terrence"}, {"tim", "timothy"}, {"tom", "thomas"},
    {"tommy", "thomas"}, {"tony", "anthony"}, {"vince", "vincent"}, {"walt", "walter"},
    {"will", "william"}, {"zach", "zachary"}};

/* First names of one person: the same, or a short form and its full name. */
static bool same_given(const ntok *a, const ntok *b) {
  if (same_tok(a, b)) return true;
  for (size_t i = 0; i < sizeof k_nicknames / sizeof *k_nicknames; i++)
    if ((!strcmp(a->s, k_nicknames[i][0]) && !strcmp(b->s, k_nicknames[i][1])) ||
        (!strcmp(b->s, k_nicknames[i][0]) && !strcmp(a->s, k_nicknames[i][1])))
      return true;
  return false;
}

/* The rest of a name, tokens except skip, concatenated. */
static void rest(const ntok *t, size_t n, size_t skip, char *out, size_t cap, bool *initials) {
  size_t o = 0;
  *initials = true;
  for (size_t i = 0; i < n; i++) {
    if (i == skip) continue;
    if (strlen(t[i].s) > 1) *initials = false;
    for (const char *c = t[i].s; *c && o + 1 < cap; c++) out[o++] = *c;
  }
  out[o] = 0;
}

/* The rest of a name (tokens except skip) without its middle initials:
 * single letters after the first token. */
static void middle_less(const ntok *t, size_t n, size_t skip, char *out, size_t cap) {
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    if (i == skip || (i > 0 && !t[i].s[1])) continue;
    for (const char *c = t[i].s; *c && o + 1 < cap; c++) out[o++] = *c;
  }
  out[o] = 0;
}

static bool tokens_match(const ntok *ta, size_t n1, const ntok *tb, size_t n2);

bool px__speaker_match(const char *a, size_t na, const char *b, size_t nb) {
  ntok ta[NAME_TOKS], tb[NAME_TOKS];
  size_t n1 = name_tokens(a, na, ta), n2 = name_tokens(b, nb, tb);
  return tokens_match(ta, n1, tb, n2);
}

static bool tokens_match(const ntok *ta, size_t n1, const ntok *tb, size_t n2) {
  if (!n1 || !n2) return false;
  /* the shared name: last tokens first, then any pair */
  size_t si = SIZE_MAX, sj = SIZE_MAX;
  if (same_tok(&ta[n1 - 1], &tb[n2 - 1])) si = n1 - 1, sj = n2 - 1;
  for (size_t i = 0; i < n1 && si == SIZE_MAX; i++)
    for (size_t j = 0; j < n2; j++)
      if (same_tok(&ta[i], &tb[j])) {
        si = i;
        sj = j;
        break;
      }
  if (si == SIZE_MAX) {
    /* "Lee Jaesung" / "Lee Jae-sung" already fold alike; try the whole */
    char ra[160], rb[160], ka[160], kb[160];
    bool ia, ib;
    rest(ta, n1, SIZE_MAX, ra, sizeof ra, &ia);
    rest(tb, n2, SIZE_MAX, rb, sizeof rb, &ib);
    skeleton(ra, ka, sizeof ka);
    skeleton(rb, kb, sizeof kb);
    return !strcmp(ra, rb) || (strlen(ka) >= 3 && !strcmp(ka, kb));
  }
  if (n1 == 1 || n2 == 1) {
    /* a single name is the other's surname or (Kim Jong Un) its first name */
    size_t k = n1 == 1 ? sj : si, nl = n1 == 1 ? n2 : n1;
    /* or the first of a two-part surname ("Blasey" / "Christine Blasey
     * Ford"): a middle token of three or more, written out */
    const ntok *one = n1 == 1 ? &ta[0] : &tb[0];
    return k == 0 || k == nl - 1 || (nl >= 3 && strlen(one->s) >= 4);
  }
  /* the shorter name the tail of the longer: "Blasey Ford" / "Christine
   * Blasey Ford" (a two-part surname without the first name) */
  if (n1 != n2 && si == n1 - 1 && sj == n2 - 1) {
    const ntok *lo = n1 < n2 ? ta : tb, *hi = n1 < n2 ? tb : ta;
    size_t nlo = n1 < n2 ? n1 : n2, nhi = n1 < n2 ? n2 : n1;
    bool tail = strlen(lo[0].s) > 1;
    for (size_t i = 0; i < nlo && tail; i++) tail = same_tok(&lo[i], &hi[nhi - nlo + i]);
    if (tail) return true;
  }
  /* the shorter name of two words the head of the longer, which adds a
   * second family name: "Erin Madigan" / "Erin Madigan White" */
  if ((n1 == 2 && n2 == 3) || (n1 == 3 && n2 == 2)) {
    const ntok *lo = n1 < n2 ? ta : tb, *hi = n1 < n2 ? tb : ta;
    static const char *const sfx[] = {"jr", "sr", "ii", "iii", "iv"}; /* "Donald Trump Jr." is another */
    bool suffix = false;
    for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) suffix |= !strcmp(hi[2].s, sfx[i]);
    if (!suffix && strlen(lo[0].s) > 1 && strlen(lo[1].s) > 1 && same_tok(&lo[0], &hi[0]) &&
        same_tok(&lo[1], &hi[1]))
      return true;
  }
  /* one surname, first names one person's ("Bob" / "Robert"), and a
   * middle name one of them leaves out ("Sarah Huckabee Sanders" / "Sarah
   * Sanders"): every token of the shorter in the longer, in order */
  if (si == n1 - 1 && sj == n2 - 1 && n1 >= 2 && n2 >= 2 && same_given(&ta[0], &tb[0])) {
    const ntok *lo = n1 <= n2 ? ta : tb, *hi = n1 <= n2 ? tb : ta;
    size_t nlo = n1 <= n2 ? n1 : n2, nhi = n1 <= n2 ? n2 : n1, h = 1;
    bool in = true;
    for (size_t i = 1; i + 1 < nlo && in; i++) {
      while (h + 1 < nhi && !same_tok(&lo[i], &hi[h])) h++;
      in = h + 1 < nhi;
      h++;
    }
    if (in) return true;
  }
  char ra[160], rb[160], ka[160], kb[160];
  bool ia, ib;
  rest(ta, n1, si, ra, sizeof ra, &ia);
  rest(tb, n2, sj, rb, sizeof rb, &ib);
  if (!strcmp(ra, rb)) return true;
  skeleton(ra, ka, sizeof ka);
  skeleton(rb, kb, sizeof kb);
  if (ka[0] && !strcmp(ka, kb)) return true;
  /* initials: "V. Putin" / "Vladimir Putin" */
  if (ia || ib) {
    const ntok *x = ia ? ta : tb, *y = ia ? tb : ta;
    size_t nx = ia ? n1 : n2, ny = ia ? n2 : n1, sx = ia ? si : sj, sy = ia ? sj : si;
    size_t iy = 0;
    for (size_t i = 0; i < nx; i++) {
      if (i == sx) continue;
      while (iy < ny && (iy == sy || y[iy].s[0] != x[i].s[0])) iy++;
      if (iy >= ny) return false;
      iy++;
    }
    return true;
  }
  /* a middle initial one name leaves out: "Mark S. Zaid" / "Mark Zaid" */
  if (n1 != n2) {
    char ma[160], mb[160];
    middle_less(ta, n1, si, ma, sizeof ma);
    middle_less(tb, n2, sj, mb, sizeof mb);
    if (ma[0] && !strcmp(ma, mb)) return true;
  }
  return false;
}

int px_speaker_match(const char *a, size_t na, const char *b, size_t nb) {
  if (!a || !b) return 0;
  return px__speaker_match(a, na, b, nb) ? 1 : 0;
}

/* -------------------------------------------------------------- groups */

typedef struct gitem {
  int64_t tag;
  uint8_t kind;
  char *text;
  size_t ntext;
  char *spk;
  size_t nspk;
  px__qbag bag;
  uint32_t words; /* whitespace-separated words of the text */
  uint64_t h;     /* its letters and digits, folded and hashed */
  size_t sgroup, remark;
  double sim;
  int64_t when; /* publication time of its article (has_when) */
  bool has_when;
  bool placed;  /* its article and span are known (px_quote_groups_set_place) */
  int64_t art;
  size_t off, end;
} gitem;

struct px_quote_groups {
  px__arena arena;
  px__arena scratch; /* one quote's text analysis at a time */
  synmemo syn;
  px__textan *ta;
  gitem *it;
  size_t n, cap;
  size_t nspk, nrem;
  bool done;
  size_t *conf; /* pairs of items: near-verbatim words, two resolved speakers */
  size_t nconf;
  int64_t when; /* the time given to the items added next (px_quote_groups_set_time) */
  bool has_when;
  bool placed; /* the place of the item added next (px_quote_groups_set_place) */
  int64_t art;
  size_t off, end;
};

int px_quote_groups_new(px_quote_groups **out) {
  if (!out) return PX_EINVAL;
  *out = NULL;
  px_quote_groups *g = calloc(1, sizeof *g);
  if (!g) return PX_ENOMEM;
  px__arena_init(&g->arena, 1 << 16);
  px__arena_init(&g->scratch, 1 << 14);
  /* 2^14 stems cached (256 KB): a speaker's quotes hold a few thousand
   * distinct words; the 2 MB cache cost ~500 page faults to fill */
  int rc = px__textan_new_cache(&g->ta, 14);
  if (rc) {
    px_quote_groups_free(g);
    return rc;
  }
  *out = g;
  return PX_OK;
}

void px_quote_groups_free(px_quote_groups *g) {
  if (!g) return;
  px__textan_free(g->ta);
  free(g->it);
  free(g->conf);
  px__arena_release(&g->arena);
  px__arena_release(&g->scratch);
  free(g->syn.e);
  free(g->syn.pool);
  free(g);
}

/* The words of a quote, letters and digits lower-cased, hashed: "good
 * trouble." and "Good trouble," are one. */
uint64_t px__quote_fold_hash(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)) continue;
    if (c == 0xe2) { /* punctuation of U+20xx dropped; other letters beyond ASCII kept */
      i += 2;
      continue;
    }
    h = (h ^ c) * 1099511628211ull;
  }
  return h;
}

/* Words of a quote: runs of bytes between spaces, tabs and line breaks. */
uint32_t px__quote_words(const char *p, size_t n) {
  uint32_t w = 0;
  bool in = false;
  for (size_t i = 0; i < n; i++) {
    bool sp = p[i] == ' ' || p[i] == '\n' || p[i] == '\t';
    /* an ellipsis standing alone (" … ": where quoted stretches were
     * joined) is no word */
    if (!in && i + 2 < n && memcmp(p + i, "\xe2\x80\xa6", 3) == 0 &&
        (i + 3 == n || p[i + 3] == ' ' || p[i + 3] == '\n' || p[i + 3] == '\t')) {
      i += 2;
      continue;
    }
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

int px_quote_groups_add_text(px_quote_groups *g, const char *speaker, size_t nspeaker,
                             const char *text, size_t ntext, px_quote_kind kind, int64_t tag) {
  if (!g || (!speaker && nspeaker) || (!text && ntext)) return PX_EINVAL;
  if (kind == PX_QUOTE_SCARE || kind == PX_QUOTE_TITLE) {
    g->placed = false;
    return PX_OK;
  }
  if (g->n == g->cap) {
    size_t nc = g->cap ? g->cap * 2 : 64;
    gitem *v = realloc(g->it, nc * sizeof *v);
    if (!v) return PX_ENOMEM;
    g->it = v;
    g->cap = nc;
  }
  gitem *x = &g->it[g->n];
  memset(x, 0, sizeof *x);
  x->tag = tag;
  x->kind = (uint8_t)kind;
  x->when = g->when;
  x->has_when = g->has_when;
  x->placed = g->placed;
  x->art = g->art;
  x->off = g->off;
  x->end = g->end;
  g->placed = false;
  x->text = px__arena_strndup(&g->arena, text ? text : "", ntext);
  x->spk = px__arena_strndup(&g->arena, speaker ? speaker : "", nspeaker);
  if (!x->text || !x->spk) return PX_ENOMEM;
  x->ntext = ntext;
  x->nspk = nspeaker;
  x->h = px__quote_fold_hash(x->text, ntext);
  x->words = px__quote_words(x->text, ntext);
  int rc = bag_make(g->ta, &g->syn, x->text, ntext, &g->scratch, &g->arena, &x->bag);
  if (rc) return rc;
  g->n++;
  g->done = false;
  return PX_OK;
}

int px_quote_groups_set_place(px_quote_groups *g, int64_t article, size_t start, size_t end) {
  if (!g || end < start) return PX_EINVAL;
  g->placed = true;
  g->art = article;
  g->off = start;
  g->end = end;
  return PX_OK;
}

int px_quote_groups_set_time(px_quote_groups *g, int64_t when, int known) {
  if (!g) return PX_EINVAL;
  g->when = known ? when : 0;
  g->has_when = known != 0;
  return PX_OK;
}

int px_quote_groups_add(px_quote_groups *g, const px_quotes *qs, size_t i, int64_t tag) {
  px_quote q;
  if (!g || px_quotes_get(qs, i, &q)) return PX_EINVAL;
  /* only a named speaker groups; pronouns left unresolved do not */
  px_str spk = q.speaker_entity >= 0 ? q.speaker_name : (px_str){"", 0};
  return px_quote_groups_add_text(g, spk.ptr, spk.len, q.text.ptr, q.text.len, q.kind, tag);
}

static size_t uf_find(size_t *par, size_t x) {
  while (par[x] != x) {
    par[x] = par[par[x]];
    x = par[x];
  }
  return x;
}

/* A speaker name's tokens, once per distinct name. */
typedef struct gname {
  size_t first_item; /* an item with this name */
  ntok t[NAME_TOKS];
  size_t nt;
} gname;

/* (token skeleton hash, name) pairs: names sharing a token are compared. */
typedef struct tokref {
  uint64_t h;
  size_t name;
} tokref;

static int cmp_items_by_speaker(const void *x, const void *y, void *user) {
  const gitem *it = user;
  const gitem *a = &it[*(const size_t *)x], *b = &it[*(const size_t *)y];
  size_t n = a->nspk < b->nspk ? a->nspk : b->nspk;
  int r = memcmp(a->spk, b->spk, n);
  if (r) return r;
  return a->nspk < b->nspk ? -1 : a->nspk > b->nspk;
}

static int cmp_tokref(const void *x, const void *y) {
  const tokref *a = x, *b = y;
  if (a->h != b->h) return a->h < b->h ? -1 : 1;
  return a->name < b->name ? -1 : a->name > b->name;
}

#define MAX_NAME_TOKS 4 /* longer "names" are headlines the entity layer took for names */
#define BLOCK_MAX 400    /* names sharing one token compared pairwise, at most */
#define REMARK_WINDOW 300 /* an item is compared with this many earlier ones of its speaker */
#define REMARK_MEAN_MAX 64 /* members of a remark (the most recent) a new item is measured against */

/* Dice and containment (of the smaller bag in the larger) of two bags,
 * words matched by stem or synonym class as in px__qbag_similarity. */
static void dice_cont(const px__qbag *a, const px__qbag *b, double *dice, double *cont) {
  double sa = 0, sb = 0;
  for (uint32_t i = 0; i < a->n; i++) sa += word_match(a, i, b);
  for (uint32_t j = 0; j < b->n; j++) sb += word_match(b, j, a);
  *dice = a->n + b->n ? (sa + sb) / (a->n + b->n) : 0;
  *cont = a->n <= b->n ? (a->n ? sa / a->n : 0) : (b->n ? sb / b->n : 0);
}

bool px__quote_near_verbatim(const px__qbag *a, const px__qbag *b) {
  if (!a->n || !b->n) return false;
  double d, c;
  dice_cont(a, b, &d, &c);
  uint32_t small = a->n < b->n ? a->n : b->n;
  if (small < PX__VERBATIM_MIN_WORDS) return false;
  if (d < PX__VERBATIM_DICE && c < PX__VERBATIM_CONTAIN) return false;
  /* the words in the same order (bags keep words in order of first use):
   * a copy or a fragment, not the same words reshuffled */
  const px__qbag *x = a->n <= b->n ? a : b, *y = x == a ? b : a;
  uint32_t at = 0, inorder = 0;
  for (uint32_t i = 0; i < x->n; i++)
    for (uint32_t j = at; j < y->n; j++)
      if (y->stem[j] == x->stem[i]) {
        inorder++;
        at = j + 1;
        break;
      }
  return inorder * 10 >= x->n * 8;
}

/* A curly apostrophe or quotation mark (U+2018..U+201D) at t[i]. */
static bool curly_mark(const char *t, size_t n, size_t i) {
  return i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
         (unsigned char)t[i + 2] >= 0x98 && (unsigned char)t[i + 2] <= 0x9D;
}

/* A byte of a word: a letter or digit, or a byte of a character beyond
 * ASCII other than the curly marks. */
static bool word_byte(const char *t, size_t n, size_t i) {
  unsigned char c = (unsigned char)t[i];
  if (c < 0x80) return isalnum(c) != 0;
  if (curly_mark(t, n, i)) return false;
  /* the second and third bytes of a curly mark */
  if (c >= 0x80 && c < 0xC0 && i >= 1 && curly_mark(t, n, i - 1)) return false;
  if (c >= 0x80 && c < 0xC0 && i >= 2 && curly_mark(t, n, i - 2)) return false;
  return true;
}

/* The words of a quote's text (runs of letters and digits, ASCII folded;
 * other characters but the curly marks are letters), hashed, at most cap;
 * returns how many. */
static size_t text_words(const char *t, size_t n, uint64_t *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < cap;) {
    if (!word_byte(t, n, i)) {
      i += curly_mark(t, n, i) ? 3 : 1;
      continue;
    }
    uint64_t h = 1469598103934665603ull;
    for (; i < n && word_byte(t, n, i); i++) {
      unsigned char c = (unsigned char)t[i];
      h = (h ^ (uint64_t)(c >= 'A' && c <= 'Z' ? c + 32 : c)) * 1099511628211ull;
    }
    out[k++] = h;
  }
  return k;
}

/* Whether the shorter of two quotes is the other's words: at least four
 * in five of its words lie in runs of three words or more that the longer
 * one has as they stand (an elision splits a trimmed quote into such
 * runs).  Shared vocabulary is not enough: "I don't believe that the
 * government is the answer to all of our problems" shares one run with
 * "... still believes that spending money we don't have to inflate the
 * government is the answer to America's economic problems", not its
 * words. */
static bool words_together(const gitem *a, const gitem *b) {
  enum { CAP = 512 };
  uint64_t wa[CAP], wb[CAP];
  size_t na = text_words(a->text, a->ntext, wa, CAP), nb = text_words(b->text, b->ntext, wb, CAP);
  const uint64_t *x = na <= nb ? wa : wb, *y = x == wa ? wb : wa;
  size_t nx = x == wa ? na : nb, ny = x == wa ? nb : na;
  if (nx == 0) return false;
  /* run[j]: the common run ending at x[i] and y[j] (rows rolled); end[i]:
   * the longest run ending at x[i] */
  uint16_t prev[CAP + 1] = {0}, cur[CAP + 1];
  uint16_t end[CAP];
  for (size_t i = 0; i < nx; i++) {
    end[i] = 0;
    cur[0] = 0;
    for (size_t j = 0; j < ny; j++) {
      cur[j + 1] = x[i] == y[j] ? (uint16_t)(prev[j] + 1) : 0;
      if (cur[j + 1] > end[i]) end[i] = cur[j + 1];
    }
    memcpy(prev, cur, (ny + 1) * sizeof *prev);
  }
  size_t covered = 0;
  for (size_t i = nx, reach = 0; i-- > 0;) { /* reach: words before i+1 a run covers */
    if (end[i] >= 3 && end[i] > reach) reach = end[i];
    if (reach) covered++, reach--;
  }
  return covered * 5 >= nx * 3;
}

/* ------------------------------------------------------------- remarks */

/* Each item of a speaker is compared with the REMARK_WINDOW items of the
 * same speaker before it; it joins the remark whose members among them it
 * matches best on average (ties to the remark begun first) when that mean
 * is at least PX_QUOTE_SAME_REMARK.  A mean reaches the threshold only
 * through a member that does, and only a pair whose bound
 * (px__qbag_bound) reaches the threshold can: most pairs of a window share
 * a few common words but not enough.  An index of the window's signature
 * bits (bit -> the words of earlier items that set it) counts, for the new
 * item, the words of each earlier item that px__qbag_bound would count, on
 * both sides, without visiting the items that share no bit.  The remarks
 * of the pairs whose counted bound reaches the threshold are then measured
 * exactly, each member, so the remarks are the same as comparing every
 * pair of the window (tests/test_quote.c compares them on a large group).
 * A remark's members are few (renderings of one remark), so measuring
 * them all keeps the pass linear in practice. */

typedef struct bitpost {
  uint32_t rank;  /* the item's position in its speaker's items */
  uint32_t word;  /* the word's index among all the speaker's words */
  uint32_t next;  /* the previous posting of the bit, UINT32_MAX at the end */
  uint32_t stem;  /* 1: the word's stem bit, 0: a class bit */
} bitpost;

typedef struct linkscratch {
  bitpost *post;
  size_t npost, cpost;
  uint32_t head[1024];
  size_t headgen[1024];
  size_t gen;
  /* per rank of the speaker's items */
  uint32_t *touch, *amark, *sa1, *sa7, *sb1, *sb7, *cand;
  double *ubs;
  double *ubr; /* the bound of each item touched (touch) by the new item, by rank */
  /* the remarks so far: the rank of the item that began each item's
   * remark, the member before it in that remark, the last member of the
   * remark an item began, and the item last measured against it */
  uint32_t *lead, *prevm, *lastm, *emark;
  size_t cap;
  /* per word of the speaker's items */
  uint32_t *wbase, *wmark;
  uint8_t *wst;
  size_t wcap;
} linkscratch;

#define DIRECT_MAX 24 /* smaller speakers compare every pair of the window */
/* The bound counted from the index and px__qbag_bound add the same terms in
 * different orders: a pair is passed over only when it misses by more than
 * this.  A pair measured for that slack and found below the threshold, or
 * below the best, changes nothing. */
#define UB_SLACK 1e-9

static uint32_t post_head(const linkscratch *ls, uint32_t bit) {
  return ls->headgen[bit] == ls->gen ? ls->head[bit] : UINT32_MAX;
}

static int post_add(linkscratch *ls, uint32_t bit, uint32_t rank, uint32_t word, uint32_t stem) {
  if (ls->npost == ls->cpost) {
    size_t nc = ls->cpost ? ls->cpost * 2 : 4096;
    bitpost *v = realloc(ls->post, nc * sizeof *v);
    if (!v) return PX_ENOMEM;
    ls->post = v;
    ls->cpost = nc;
  }
  ls->post[ls->npost] = (bitpost){rank, word, post_head(ls, bit), stem};
  ls->head[bit] = (uint32_t)ls->npost++;
  ls->headgen[bit] = ls->gen;
  return PX_OK;
}

/* The bound of x with the item of rank p (px__qbag_bound as counted from
 * the index, 0 for an item that shares no signature bit with x, so no
 * word); 1 where the index was not used (ubr NULL). */
static double member_bound(const linkscratch *ls, const double *ubr, uint32_t xr, uint32_t p) {
  if (!ubr) return 1.0;
  return ls->touch[p] == xr ? ubr[p] : 0.0;
}

/* The mean similarity of x (of rank xr) with the members of the remark
 * begun by the item of rank lead, over its REMARK_MEAN_MAX most recent in
 * the window (rank >= lo), summed most recent first; -1 as soon as it
 * cannot reach need, each member left counted at its bound (ubr, see
 * member_bound), else the exact mean.  Most remarks a new item is measured
 * against hold one member that shares enough words with it and others
 * that share none: their bounds sum below need and no word is compared. */
static double remark_mean(const px_quote_groups *g, const gitem *x, uint32_t xr, const size_t *members,
                          const linkscratch *ls, const double *ubr, uint32_t lead, uint32_t lo,
                          double need) {
  uint32_t cnt = 0;
  double rest = 0;
  for (uint32_t p = ls->lastm[lead]; p != UINT32_MAX && p >= lo && cnt < REMARK_MEAN_MAX; p = ls->prevm[p]) {
    rest += member_bound(ls, ubr, xr, p);
    cnt++;
  }
  if (!cnt) return -1;
  /* each bound may differ from its similarity by rounding: UB_SLACK each */
  const double slack = UB_SLACK * cnt;
  if (rest < need * cnt - slack) return -1;
  double sum = 0;
  uint32_t k = 0;
  for (uint32_t p = ls->lastm[lead]; k < cnt; p = ls->prevm[p], k++) {
    rest -= member_bound(ls, ubr, xr, p);
    /* what this member must give for the mean to reach need */
    double lo_k = need * cnt - sum - rest;
    double s = similarity_from(&x->bag, &g->it[members[p]].bag, lo_k - slack);
    if (s < 0) return -1;
    sum += s;
  }
  return sum / cnt;
}

/* The remark x joins (the rank of the item that began it) among those of
 * the candidates cand[0..nc) with their bounds (ubs: NULL to compute them
 * here): the highest mean similarity with the remark's members in the
 * window, ties to the remark begun first.  A remark can reach
 * PX_QUOTE_SAME_REMARK on average only through a member that reaches it,
 * whose bound then does too: only the remarks of such candidates are
 * measured, each once. */
/* Renderings of one remark are published within PX__REMARK_DAYS of the
 * remark's first; further apart, only a near-verbatim copy (a remark
 * quoted again years later) is the same remark, not a paraphrase of the
 * same subject ("reduce the deficit" in 2012 and in 2013). */
#define PX__REMARK_DAYS 14
#define PX__REMARK_VERBATIM 0.80
static bool far_apart(const gitem *a, const gitem *b) {
  if (!a->has_when || !b->has_when) return false;
  int64_t d = a->when > b->when ? a->when - b->when : b->when - a->when;
  return d > (int64_t)PX__REMARK_DAYS * 86400;
}

/* Does the remark begun by lead hold a direct quote of x's article that
 * does not stand next to x (more than PX__QUOTE_GAP bytes between them)
 * and that x does not repeat nearly word for word (among the remark's
 * REMARK_MEAN_MAX most recent members)?  An article quotes one remark
 * whole, or in pieces side by side ("It's important for it to go
 * forward." "It's important for society not to ..."); two quotes a
 * paragraph apart are two remarks of one speech ("I didn't say I love you
 * because you're black ..." and "These are truly dishonest people. ..."). */
#define PX__QUOTE_GAP 80
static bool apart_in_article(const px_quote_groups *g, const gitem *x, const size_t *members,
                             const linkscratch *ls, uint32_t lead, uint32_t lo) {
  if (x->kind != PX_QUOTE_DIRECT || !x->placed) return false;
  uint32_t cnt = 0;
  for (uint32_t p = ls->lastm[lead]; p != UINT32_MAX && p >= lo && cnt < REMARK_MEAN_MAX;
       p = ls->prevm[p], cnt++) {
    const gitem *m = &g->it[members[p]];
    if (!m->placed || m->art != x->art || m->kind != PX_QUOTE_DIRECT) continue;
    size_t gap = m->off >= x->end ? m->off - x->end : x->off >= m->end ? x->off - m->end : 0;
    if (gap > PX__QUOTE_GAP && similarity_from(&x->bag, &m->bag, PX__REMARK_VERBATIM) < PX__REMARK_VERBATIM)
      return true;
  }
  return false;
}

static void best_remark(const px_quote_groups *g, const gitem *x, uint32_t xr, const size_t *members,
                        linkscratch *ls, uint32_t lo, const uint32_t *cand, const double *ubs,
                        const double *ubr, size_t nc, uint32_t *blead, double *best) {
  for (size_t c = 0; c < nc; c++) {
    uint32_t j = cand[c], lead = ls->lead[j];
    if (ls->emark[lead] == xr) continue;
    double ub = ubs ? ubs[c] : px__qbag_bound(&x->bag, &g->it[members[j]].bag);
    if (ub < PX_QUOTE_SAME_REMARK - UB_SLACK) continue;
    ls->emark[lead] = xr;
    double need = *best > PX_QUOTE_SAME_REMARK ? *best : PX_QUOTE_SAME_REMARK;
    bool far = far_apart(x, &g->it[members[lead]]);
    if (far && need < PX__REMARK_VERBATIM) need = PX__REMARK_VERBATIM;
    double mean = remark_mean(g, x, xr, members, ls, ubr, lead, lo, need);
    if (mean < 0 || (far && mean < PX__REMARK_VERBATIM)) continue;
    if (apart_in_article(g, x, members, ls, lead, lo)) continue;
    /* a sentence with one word of content meets a remark only above the
     * threshold: one shared word is no remark ("I have an offer out") */
    if (x->kind == PX_QUOTE_DIRECT && x->bag.n == 1 && mean <= PX_QUOTE_SAME_REMARK) continue;
    if (mean > *best || (mean == *best && lead < *blead)) {
      *best = mean;
      *blead = lead;
    }
  }
}

/* x (of rank r) into the remark begun by blead when its mean reaches
 * PX_QUOTE_SAME_REMARK, else a remark of its own. */
static void place(gitem *x, uint32_t r, const size_t *members, linkscratch *ls, uint32_t blead,
                  double best, size_t *link) {
  x->sim = best;
  if (blead != UINT32_MAX && best >= PX_QUOTE_SAME_REMARK) {
    ls->lead[r] = blead;
    ls->prevm[r] = ls->lastm[blead];
    ls->lastm[blead] = r;
    link[members[r]] = members[blead];
  } else {
    ls->lead[r] = r;
    ls->prevm[r] = UINT32_MAX;
    ls->lastm[r] = r;
    link[members[r]] = SIZE_MAX;
  }
}

/* The links of one speaker's m items (members, in order): link[i] is the
 * first item of the remark item i joins. */
static int speaker_links(const px_quote_groups *g, const size_t *members, size_t m, linkscratch *ls,
                         size_t *link) {
  if (m > ls->cap) {
    size_t nc = m;
    uint32_t **arr[] = {&ls->touch, &ls->amark, &ls->sa1, &ls->sa7, &ls->sb1, &ls->sb7, &ls->cand,
                        &ls->lead,  &ls->prevm, &ls->lastm, &ls->emark};
    for (size_t a = 0; a < sizeof arr / sizeof *arr; a++) {
      uint32_t *v = realloc(*arr[a], nc * sizeof *v);
      if (!v) return PX_ENOMEM;
      *arr[a] = v;
    }
    double *ubs = realloc(ls->ubs, nc * sizeof *ubs);
    if (ubs) ls->ubs = ubs;
    if (!ubs) return PX_ENOMEM;
    double *ubr = realloc(ls->ubr, nc * sizeof *ubr);
    if (ubr) ls->ubr = ubr;
    if (!ubr) return PX_ENOMEM;
    uint32_t *wb = realloc(ls->wbase, (nc + 1) * sizeof *wb);
    if (!wb) return PX_ENOMEM;
    ls->wbase = wb;
    ls->cap = nc;
  }
  memset(ls->emark, 0xFF, m * sizeof *ls->emark);
  if (m <= DIRECT_MAX) {
    uint32_t cand[DIRECT_MAX];
    for (size_t r = 0; r < m; r++) {
      gitem *x = &g->it[members[r]];
      size_t nc = 0;
      uint32_t blead = UINT32_MAX;
      double best = 0;
      for (size_t k = r; k-- > 0 && nc < REMARK_WINDOW;) cand[nc++] = (uint32_t)k;
      best_remark(g, x, (uint32_t)r, members, ls, 0, cand, NULL, NULL, nc, &blead, &best);
      place(x, (uint32_t)r, members, ls, blead, best, link);
    }
    return PX_OK;
  }
  size_t nw = 0;
  for (size_t r = 0; r < m; r++) {
    ls->wbase[r] = (uint32_t)nw;
    nw += g->it[members[r]].bag.n;
  }
  ls->wbase[m] = (uint32_t)nw;
  if (nw > ls->wcap) {
    uint32_t *wm = realloc(ls->wmark, nw * sizeof *wm);
    if (wm) ls->wmark = wm;
    uint8_t *st = realloc(ls->wst, nw);
    if (st) ls->wst = st;
    if (!wm || !st) return PX_ENOMEM;
    ls->wcap = nw;
  }
  memset(ls->touch, 0xFF, m * sizeof *ls->touch);
  memset(ls->amark, 0xFF, m * sizeof *ls->amark);
  memset(ls->wmark, 0xFF, nw * sizeof *ls->wmark);
  ls->gen++;
  ls->npost = 0;
  uint32_t amark = 0;
  for (size_t r = 0; r < m; r++) {
    gitem *x = &g->it[members[r]];
    const px__qbag *xb = &x->bag;
    uint32_t lo = r > REMARK_WINDOW ? (uint32_t)(r - REMARK_WINDOW) : 0, xr = (uint32_t)r;
    size_t nc = 0;
#define TOUCH(j)                                                    \
  do {                                                              \
    if (ls->touch[j] != xr) {                                       \
      ls->touch[j] = xr;                                            \
      ls->sa1[j] = ls->sa7[j] = ls->sb1[j] = ls->sb7[j] = 0;        \
      ls->cand[nc++] = (j);                                         \
    }                                                               \
  } while (0)
    /* x's side: each word of x counts 1 for an item whose signature holds
     * its stem's bit, else 0.7 when it holds one of its classes' bits */
    for (uint32_t i = 0; i < xb->n; i++) {
      const uint16_t *w = &xb->bit[i * (1 + PX__QBAG_K)];
      amark++;
      for (int k = 0; k <= PX__QBAG_K && w[k] != 0xFFFF; k++)
        for (uint32_t p = post_head(ls, w[k]); p != UINT32_MAX && ls->post[p].rank >= lo; p = ls->post[p].next) {
          uint32_t j = ls->post[p].rank;
          if (ls->amark[j] == amark) continue;
          ls->amark[j] = amark;
          TOUCH(j);
          if (k == 0) ls->sa1[j]++;
          else ls->sa7[j]++;
        }
    }
    /* the other side: each word of an earlier item counts 1 when its stem's
     * bit is in x's signature, else 0.7 when one of its classes' bits is */
    for (int wd = 0; wd < 16; wd++)
      for (uint64_t bits = xb->sig[wd]; bits; bits &= bits - 1) {
        uint32_t b = (uint32_t)(wd * 64 + __builtin_ctzll(bits));
        for (uint32_t p = post_head(ls, b); p != UINT32_MAX && ls->post[p].rank >= lo; p = ls->post[p].next) {
          const bitpost *e = &ls->post[p];
          uint32_t j = e->rank;
          TOUCH(j);
          if (ls->wmark[e->word] != xr) {
            ls->wmark[e->word] = xr;
            ls->wst[e->word] = 0;
          }
          uint8_t *st = &ls->wst[e->word];
          if (e->stem && *st < 2) {
            if (*st == 1) ls->sb7[j]--;
            *st = 2;
            ls->sb1[j]++;
          } else if (!e->stem && *st == 0) {
            *st = 1;
            ls->sb7[j]++;
          }
        }
      }
#undef TOUCH
    /* keep the items whose bound, as px__qbag_bound computes it, can reach
     * the threshold, most recent first */
    size_t keep = 0;
    for (size_t c = 0; c < nc; c++) {
      uint32_t j = ls->cand[c];
      /* the earlier item's word count, from the index (not its bag) */
      const uint32_t yn = ls->wbase[j + 1] - ls->wbase[j];
      double sa = ls->sa1[j] + 0.7 * ls->sa7[j], sb = ls->sb1[j] + 0.7 * ls->sb7[j];
      double wa = xb->n, wb = yn;
      double dice = (sa + sb) / (wa + wb);
      uint32_t small = xb->n < yn ? xb->n : yn;
      double cont = xb->n <= yn ? sa / wa : sb / wb;
      cont *= small_damp(small);
      double ub = dice > cont ? dice : cont;
      ls->ubr[j] = ub;
      if (ub < PX_QUOTE_SAME_REMARK - UB_SLACK) continue;
      /* kept in cand[0..keep), most recent first (insertion: few are kept) */
      size_t k = keep++;
      for (; k > 0 && ls->cand[k - 1] < j; k--) {
        ls->cand[k] = ls->cand[k - 1];
        ls->ubs[k] = ls->ubs[k - 1];
      }
      ls->cand[k] = j;
      ls->ubs[k] = ub;
    }
    uint32_t blead = UINT32_MAX;
    double best = 0;
    best_remark(g, x, xr, members, ls, lo, ls->cand, ls->ubs, ls->ubr, keep, &blead, &best);
    place(x, xr, members, ls, blead, best, link);
    /* x's words into the index */
    for (uint32_t i = 0; i < xb->n; i++) {
      const uint16_t *w = &xb->bit[i * (1 + PX__QBAG_K)];
      for (int k = 0; k <= PX__QBAG_K && w[k] != 0xFFFF; k++)
        if (post_add(ls, w[k], xr, ls->wbase[r] + i, k == 0)) return PX_ENOMEM;
    }
  }
  return PX_OK;
}

/* link[i]: the first item of the remark item i joins (SIZE_MAX: none, or
 * below the threshold), it->sim the mean similarity it joined with.
 * members is scratch of n entries. */
static int remark_links(px_quote_groups *g, size_t *link, size_t *members) {
  size_t n = g->n, ns = g->nspk;
  size_t *start = calloc(ns + 2, sizeof *start);
  linkscratch *ls = calloc(1, sizeof *ls);
  int rc = PX_ENOMEM;
  if (!start || !ls) goto done;
  for (size_t i = 0; i < n; i++) {
    link[i] = SIZE_MAX;
    if (g->it[i].sgroup != SIZE_MAX) start[g->it[i].sgroup + 2]++;
  }
  for (size_t s = 0; s < ns; s++) start[s + 2] += start[s + 1];
  for (size_t i = 0; i < n; i++)
    if (g->it[i].sgroup != SIZE_MAX) members[start[g->it[i].sgroup + 1]++] = i;
  rc = PX_OK;
  for (size_t s = 0; s < ns && rc == PX_OK; s++)
    rc = speaker_links(g, members + start[s], start[s + 1] - start[s], ls, link);
done:
  if (ls) {
    free(ls->post);
    free(ls->touch);
    free(ls->amark);
    free(ls->ubs);
    free(ls->ubr);
    free(ls->sa1);
    free(ls->sa7);
    free(ls->sb1);
    free(ls->sb7);
    free(ls->cand);
    free(ls->lead);
    free(ls->prevm);
    free(ls->lastm);
    free(ls->emark);
    free(ls->wbase);
    free(ls->wmark);
    free(ls->wst);
    free(ls);
  }
  free(start);
  return rc;
}

typedef struct stemref {
  uint64_t h;
  size_t item;
} stemref;

static int cmp_stemref(const void *x, const void *y) {
  const stemref *a = x, *b = y;
  if (a->h != b->h) return a->h < b->h ? -1 : 1;
  return a->item < b->item ? -1 : a->item > b->item;
}

/* The first of the sorted refs posted under stem h (nr when none is). */
static size_t first_ref(const stemref *refs, size_t nr, uint64_t h) {
  stemref key = {h, 0};
  size_t lo = 0, hi = nr;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cmp_stemref(&refs[mid], &key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

#define VERBATIM_PROBE 32   /* stems of each quote posted (a fragment meets its source) */
#define VERBATIM_LIST 64    /* items read per stem */
#define CONF_MAX 256        /* contradicting attributions recorded */

/* A quote whose speaker is unknown joins a remark only when its words are
 * those of a quote already placed (near-verbatim: same words, or a long
 * fragment of them); it takes that remark's speaker group, keeps its own
 * (empty) speaker, and otherwise is a remark of its own.  Candidates come
 * from an index of each quote's first stems, so the pass is linear. */
static int join_unknown(px_quote_groups *g) {
  size_t n = g->n, nr = 0;
  /* nothing to do (the case of one person's quotes) when every quote has a
   * named speaker and every direct or partial one the same speaker group */
  bool need = false;
  for (size_t i = 0, sg0 = SIZE_MAX; i < n && !need; i++) {
    const gitem *x = &g->it[i];
    if (x->remark == SIZE_MAX) need = true;
    else if (x->nspk && x->sgroup != SIZE_MAX && x->kind != PX_QUOTE_INDIRECT) {
      if (sg0 == SIZE_MAX) sg0 = x->sgroup;
      else need = x->sgroup != sg0;
    }
  }
  if (!need) {
    free(g->conf);
    g->conf = NULL;
    g->nconf = 0;
    return PX_OK;
  }
  stemref *refs = malloc((n * VERBATIM_PROBE + 1) * sizeof *refs);
  if (!refs) return PX_ENOMEM;
  for (size_t i = 0; i < n; i++)
    for (uint32_t k = 0; k < g->it[i].bag.n && k < VERBATIM_PROBE; k++)
      refs[nr++] = (stemref){g->it[i].bag.stem[k], i};
  qsort(refs, nr, sizeof *refs, cmp_stemref);
  for (size_t i = 0; i < n; i++) {
    gitem *x = &g->it[i];
    if (x->remark != SIZE_MAX) continue;
    size_t best = SIZE_MAX;
    double bs = 0;
    /* every stem of x is probed against the posted first stems of others:
     * a near-verbatim rendering shares them */
    for (uint32_t k = 0; k < x->bag.n && k < 32; k++) {
      uint64_t h = x->bag.stem[k];
      for (size_t r = first_ref(refs, nr, h), seen = 0; r < nr && refs[r].h == h && seen < VERBATIM_LIST; r++, seen++) {
        size_t j = refs[r].item;
        if (j == i || g->it[j].remark == SIZE_MAX || j == best) continue;
        if (px__qbag_bound(&x->bag, &g->it[j].bag) < PX__VERBATIM_DICE) continue;
        if (!px__quote_near_verbatim(&x->bag, &g->it[j].bag)) continue;
        double sm = px__qbag_similarity(&x->bag, &g->it[j].bag, NULL, NULL);
        if (sm > bs) bs = sm, best = j;
      }
    }
    if (best != SIZE_MAX) {
      x->remark = g->it[best].remark;
      x->sgroup = g->it[best].sgroup;
      x->sim = bs;
    } else {
      x->remark = g->nrem++;
      x->sim = 1.0;
    }
  }
  /* Contradicting attributions: the same words (near-verbatim) given to two
   * different resolved speakers whose names cannot be one person's.  They
   * stay apart; the pair is recorded
   * once per pair of remarks, at most CONF_MAX. */
  free(g->conf);
  g->conf = NULL;
  g->nconf = 0;
  size_t ccap = 0;
  for (size_t i = 0; i < n; i++) {
    gitem *x = &g->it[i];
    if (!x->nspk || x->sgroup == SIZE_MAX || x->kind == PX_QUOTE_INDIRECT) continue;
    for (uint32_t k = 0; k < x->bag.n && k < 8; k++) {
      uint64_t h = x->bag.stem[k];
      for (size_t r = first_ref(refs, nr, h), seen = 0; r < nr && refs[r].h == h && seen < VERBATIM_LIST; r++, seen++) {
        size_t j = refs[r].item;
        const gitem *y = &g->it[j];
        if (j >= i || !y->nspk || y->sgroup == SIZE_MAX || y->sgroup == x->sgroup ||
            y->kind == PX_QUOTE_INDIRECT)
          continue;
        if (px__qbag_bound(&x->bag, &y->bag) < PX__VERBATIM_DICE) continue;
        if (!px__quote_near_verbatim(&x->bag, &y->bag) || !words_together(x, y)) continue;
        /* names that can be one person ("Trump" beside "Donald Trump" and
         * "Donald Trump Jr.", which kept it out of both) contradict nothing */
        if (px__speaker_match(x->spk, x->nspk, y->spk, y->nspk)) continue;
        bool dup = false;
        for (size_t c = 0; c < g->nconf && !dup; c++) {
          size_t a = g->conf[2 * c], b = g->conf[2 * c + 1];
          dup = (g->it[a].remark == x->remark && g->it[b].remark == y->remark) ||
                (g->it[b].remark == x->remark && g->it[a].remark == y->remark);
        }
        if (dup || g->nconf >= CONF_MAX) continue;
        if (g->nconf == ccap) {
          ccap = ccap ? ccap * 2 : 16;
          size_t *t = realloc(g->conf, 2 * ccap * sizeof *t);
          if (!t) {
            free(refs);
            return PX_ENOMEM;
          }
          g->conf = t;
        }
        g->conf[2 * g->nconf] = j;
        g->conf[2 * g->nconf + 1] = i;
        g->nconf++;
      }
    }
  }
  free(refs);
  return PX_OK;
}

/* ------------------------------------------------------------ fragments */

#define PIECE_MAX 16 /* stretches of one quote looked at */

/* One stretch of a quote between ellipses ("…": where an outlet cut the
 * words, or joined the quoted stretches of a quote its attribution broke)
 * or one of its sentences. */
typedef struct qpiece {
  size_t item;
  bool holder_only; /* a sentence: it may hold a fragment, is none */
  px__qbag bag;
} qpiece;

static bool fragment_kind(const gitem *x) {
  return x->kind == PX_QUOTE_DIRECT || x->kind == PX_QUOTE_PARTIAL;
}

/* a (a whole quote or one of its stretches) lies inside b: at least
 * PX__VERBATIM_MIN_WORDS words, near-verbatim and in order. */
/* Can a lie near-verbatim inside b: four in five of its stems' bits in
 * b's signature, as px__quote_near_verbatim needs them in b (a cheap test
 * that stops at the first miss too many). */
static bool stems_in(const px__qbag *a, const px__qbag *b) {
  uint32_t misses = 0, allowed = a->n - (a->n * 8 + 9) / 10;
  for (uint32_t i = 0; i < a->n; i++)
    if (!sig_has(b->sig, a->bit[i * (1 + PX__QBAG_K)]) && ++misses > allowed) return false;
  return true;
}

static bool fragment_in(const px__qbag *a, const px__qbag *b) {
  if (a->n < PX__VERBATIM_MIN_WORDS || a->n > b->n) return false;
  if (!stems_in(a, b) || px__qbag_bound(a, b) < PX__VERBATIM_CONTAIN) return false;
  return px__quote_near_verbatim(a, b);
}

/* Where a stretch of a quote ends at byte b, else 0: an ellipsis (mode
 * 0; its 3 bytes skipped), or a sentence's end followed by a space (mode
 * 1; ". ", 1 byte; not "U.S. " nor "Mr. "). */
static size_t piece_end(const char *p, size_t n, size_t b, int mode) {
  unsigned char ch = (unsigned char)p[b];
  if (ch != 0xe2 && ch != '.' && ch != '?' && ch != '!') return 0;
  bool cut = b + 2 < n && memcmp(p + b, "\xe2\x80\xa6", 3) == 0;
  if (mode == 0) return cut ? 3 : 0;
  if (cut) return 3;
  if ((p[b] == '.' || p[b] == '?' || p[b] == '!') && b + 1 < n && (p[b + 1] == ' ' || p[b + 1] == '\n') &&
      b >= 2 && p[b - 2] != '.' && p[b - 2] != ' ')
    return 1;
  return 0;
}

/* Postings of the fragment step: for each stem, the positions (in the
 * speaker-ordered list of quotes) of the quotes whose words or stretches
 * hold it, in increasing order (a quote posted once per stem). */
typedef struct stemindex {
  uint64_t *key;   /* slot -> stem */
  size_t *start;   /* slot -> its first posting; start[slot + 1] ends it */
  size_t *fill;    /* slot -> postings written, then the last position posted */
  size_t *post;    /* positions */
  size_t mask;     /* slots - 1 */
  bool *used;
} stemindex;

static size_t sidx_slot(const stemindex *ix, uint64_t h) {
  size_t s = (size_t)px__mix64(h) & ix->mask;
  while (ix->used[s] && ix->key[s] != h) s = (s + 1) & ix->mask;
  return s;
}

static void sidx_release(stemindex *ix) {
  free(ix->key);
  free(ix->start);
  free(ix->fill);
  free(ix->post);
  free(ix->used);
}

/* Post the stems of bag under position k, each once per position (the
 * positions come in increasing order).  Counting pass (post NULL): the
 * number of postings of each slot in fill; else written at start + fill. */
static void sidx_add(stemindex *ix, const px__qbag *bag, size_t k, size_t *last) {
  for (uint32_t i = 0; i < bag->n; i++) {
    size_t s = sidx_slot(ix, bag->stem[i]);
    if (!ix->used[s]) {
      ix->used[s] = true;
      ix->key[s] = bag->stem[i];
    }
    if (last[s] == k) continue;
    last[s] = k;
    if (ix->post) ix->post[ix->start[s] + ix->fill[s]] = k;
    ix->fill[s]++;
  }
}

/* The first posting of list [a, b) at or after position k. */
static size_t sidx_lower(const size_t *post, size_t a, size_t b, size_t k) {
  while (a < b) {
    size_t mid = a + (b - a) / 2;
    if (post[mid] < k) a = mid + 1;
    else b = mid;
  }
  return a;
}

static int cmp_size(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  return a < b ? -1 : a > b;
}

/* The first end of a stretch at or after byte b (piece_end), else n. */
static size_t next_end(const char *p, size_t n, size_t b, int mode) {
  for (; b < n; b++) {
    if (mode == 0) {
      const char *e = memchr(p + b, 0xe2, n - b);
      if (!e) return n;
      b = (size_t)(e - p);
    }
    unsigned char ch = (unsigned char)p[b];
    if ((ch == 0xe2 || ch == '.' || ch == '?' || ch == '!') && piece_end(p, n, b, mode)) return b;
  }
  return n;
}

static size_t rem_find(size_t *par, size_t x) {
  while (par[x] != x) {
    par[x] = par[par[x]];
    x = par[x];
  }
  return x;
}

/* Fragments meet their fuller rendering.  Average link keeps a quote out
 * of a remark whose renderings it matches only in part: an outlet's
 * fragment ("nobody told me ... about the attacks") sits with that
 * outlet's paraphrase of the remark, and another outlet's full rendering,
 * which holds the fragment word for word, begins a remark of its own.
 * Two remarks of one speaker group meet when a direct or partial quote of
 * one, or one of its stretches between ellipses, lies near-verbatim inside
 * a direct or partial quote of the other.  A fragment that lies inside
 * quotes of two or more remarks, its own counted (a slogan repeated in
 * several speeches), joins none of them, so fragments never chain
 * remarks; rounds
 * repeat while remarks meet, since a meeting can make a fragment's choice
 * one.  Indirect quotes and quotes of unknown speakers take no part. */
/* ord[0..m) (items, in order) sorted by speaker group, stably: the items
 * of each speaker in order.  A counting sort: a store's quotes are
 * thousands, spread over as many speakers.  @return PX_OK, PX_ENOMEM. */
static int order_by_speaker(const px_quote_groups *g, size_t *ord, size_t m) {
  size_t ns = 0;
  for (size_t k = 0; k < m; k++)
    if (g->it[ord[k]].sgroup + 1 > ns) ns = g->it[ord[k]].sgroup + 1;
  size_t *at = calloc(ns + 1, sizeof *at), *tmp = malloc((m + 1) * sizeof *tmp);
  if (!at || !tmp) {
    free(at);
    free(tmp);
    return PX_ENOMEM;
  }
  for (size_t k = 0; k < m; k++) at[g->it[ord[k]].sgroup + 1]++;
  for (size_t s = 0; s < ns; s++) at[s + 1] += at[s];
  for (size_t k = 0; k < m; k++) tmp[at[g->it[ord[k]].sgroup]++] = ord[k];
  memcpy(ord, tmp, m * sizeof *ord);
  free(at);
  free(tmp);
  return PX_OK;
}

/* Remarks numbered again, 0.., in order of their first item, each item's
 * remark first mapped through par (a union-find of remarks; NULL: none).
 * @return PX_OK, PX_ENOMEM. */
static int renumber_remarks(px_quote_groups *g, size_t *par) {
  size_t n = g->n, nrem = g->nrem, nr = 0;
  size_t *id = malloc((nrem + 1) * sizeof *id);
  if (!id) return PX_ENOMEM;
  for (size_t r = 0; r < nrem; r++) id[r] = SIZE_MAX;
  for (size_t i = 0; i < n; i++) {
    gitem *x = &g->it[i];
    if (x->remark >= nrem) continue;
    size_t r = par ? rem_find(par, x->remark) : x->remark;
    if (id[r] == SIZE_MAX) id[r] = nr++;
    x->remark = id[r];
  }
  g->nrem = nr;
  free(id);
  return PX_OK;
}

static int meet_fragments(px_quote_groups *g) {
  size_t n = g->n, nrem = g->nrem, m = 0, np = 0, pcap = 0;
  for (size_t i = 0; i < n; i++)
    if (g->it[i].sgroup != SIZE_MAX && g->it[i].remark < nrem && fragment_kind(&g->it[i])) m++;
  if (m < 2) return PX_OK;
  size_t *ord = malloc(m * sizeof *ord);
  size_t *par = malloc((nrem + 1) * sizeof *par);
  size_t *pfirst = malloc((m + 1) * sizeof *pfirst); /* pieces of ord[k]: pfirst[k]..pfirst[k+1] */
  qpiece *pc = NULL;
  stemindex ix = {0};
  size_t *last = NULL, *cand = NULL, *stamp = NULL;
  int rc = PX_ENOMEM;
  if (!ord || !par || !pfirst) goto out;
  for (size_t r = 0; r < nrem; r++) par[r] = r;
  m = 0;
  for (size_t i = 0; i < n; i++)
    if (g->it[i].sgroup != SIZE_MAX && g->it[i].remark < nrem && fragment_kind(&g->it[i])) ord[m++] = i;
  if (order_by_speaker(g, ord, m)) goto out;
  for (size_t k = 0; k < m; k++) {
    pfirst[k] = np;
    const gitem *x = &g->it[ord[k]];
    /* stretches between ellipses (mode 0: fragments, and holders of
     * fragments), then sentences (mode 1: holders only) */
    for (int mode = 0; mode < 2; mode++) {
      size_t a = 0, cnt = 0, b = next_end(x->text, x->ntext, 0, mode);
      bool any = b < x->ntext; /* none: the quote is one stretch */
      while (any && b <= x->ntext && cnt < PIECE_MAX) {
        size_t skip = b == x->ntext ? 1 : piece_end(x->text, x->ntext, b, mode);
        if (np == pcap) {
          pcap = pcap ? pcap * 2 : 64;
          qpiece *t = realloc(pc, pcap * sizeof *t);
          if (!t) goto out;
          pc = t;
        }
        pc[np].item = ord[k];
        pc[np].holder_only = mode == 1;
        if ((rc = bag_make(g->ta, &g->syn, x->text + a, b - a, &g->scratch, &g->arena, &pc[np].bag))) goto out;
        rc = PX_ENOMEM;
        if (pc[np].bag.n >= PX__VERBATIM_MIN_WORDS && pc[np].bag.n < x->bag.n) np++, cnt++;
        a = b + skip;
        b = b == x->ntext ? b + 1 : next_end(x->text, x->ntext, a, mode);
      }
    }
  }
  pfirst[m] = np;
  /* The postings of every stem of each quote and of its stretches and
   * sentences.  A fragment lies inside a rendering (or one of its pieces)
   * only when four in five of its stems are there in order
   * (px__quote_near_verbatim), so a rendering that holds none of any
   * misses + 1 of the fragment's stems cannot hold it: only the renderings
   * posted under the fragment's rarest such stems are tested. */
  size_t npost = 0, slots = 16;
  for (size_t k = 0; k < m; k++) npost += g->it[ord[k]].bag.n;
  for (size_t p = 0; p < np; p++) npost += pc[p].bag.n;
  while (slots < 2 * npost) slots *= 2;
  ix.mask = slots - 1;
  ix.key = malloc(slots * sizeof *ix.key);
  ix.used = calloc(slots, sizeof *ix.used);
  ix.fill = calloc(slots, sizeof *ix.fill);
  ix.start = malloc((slots + 1) * sizeof *ix.start);
  last = malloc(slots * sizeof *last);
  cand = malloc((m + 1) * sizeof *cand);
  stamp = malloc((m + 1) * sizeof *stamp);
  if (!ix.key || !ix.used || !ix.fill || !ix.start || !last || !cand || !stamp) goto out;
  for (int pass = 0; pass < 2; pass++) {
    for (size_t s = 0; s < slots; s++) last[s] = SIZE_MAX;
    for (size_t k = 0; k < m; k++) {
      sidx_add(&ix, &g->it[ord[k]].bag, k, last);
      for (size_t p = pfirst[k]; p < pfirst[k + 1]; p++) sidx_add(&ix, &pc[p].bag, k, last);
    }
    if (pass) break;
    size_t at = 0;
    for (size_t s = 0; s < slots; s++) {
      ix.start[s] = at;
      at += ix.fill[s];
      ix.fill[s] = 0;
    }
    ix.start[slots] = at;
    if (!(ix.post = malloc((at + 1) * sizeof *ix.post))) goto out;
  }
  for (size_t k = 0; k < m; k++) stamp[k] = SIZE_MAX;
  size_t tick = 0;
  for (int round = 0; round < 4; round++) {
    bool moved = false;
    for (size_t s0 = 0; s0 < m;) {
      size_t s1 = s0;
      while (s1 < m && g->it[ord[s1]].sgroup == g->it[ord[s0]].sgroup) s1++;
      for (size_t k = s0; k < s1; k++) {
        const gitem *x = &g->it[ord[k]];
        size_t lo = k > s0 + REMARK_WINDOW ? k - REMARK_WINDOW : s0;
        size_t hi = k + REMARK_WINDOW < s1 ? k + REMARK_WINDOW : s1;
        /* x whole, then its stretches */
        for (size_t p = pfirst[k]; p <= pfirst[k + 1]; p++) {
          if (p < pfirst[k + 1] && pc[p].holder_only) continue;
          const px__qbag *fb = p == pfirst[k + 1] ? &x->bag : &pc[p].bag;
          size_t rx = rem_find(par, x->remark), other = SIZE_MAX, nc = 0;
          bool several = false, own = false;
          if (fb->n >= PX__VERBATIM_MIN_WORDS) {
            /* the misses + 1 stems of fb posted least often in the window */
            uint32_t need = fb->n - (fb->n * 8 + 9) / 10 + 1, npick = 0;
            size_t pa[BAG_MAX], pb[BAG_MAX];
            for (uint32_t i = 0; i < fb->n; i++) {
              size_t sl = sidx_slot(&ix, fb->stem[i]), e = ix.start[sl] + ix.fill[sl];
              size_t a = sidx_lower(ix.post, ix.start[sl], e, lo), b = sidx_lower(ix.post, a, e, hi);
              if (npick == need && b - a >= pb[npick - 1] - pa[npick - 1]) continue;
              uint32_t at = npick < need ? npick++ : npick - 1;
              for (; at > 0 && pb[at - 1] - pa[at - 1] > b - a; at--) pa[at] = pa[at - 1], pb[at] = pb[at - 1];
              pa[at] = a;
              pb[at] = b;
            }
            tick++;
            for (uint32_t c = 0; c < npick; c++)
              for (size_t t = pa[c]; t < pb[c]; t++)
                if (ix.post[t] != k && stamp[ix.post[t]] != tick) stamp[ix.post[t]] = tick, cand[nc++] = ix.post[t];
            qsort(cand, nc, sizeof *cand, cmp_size);
          }
          for (size_t c = 0; c < nc && !several; c++) {
            size_t j = cand[c];
            const gitem *y = &g->it[ord[j]];
            size_t ry = rem_find(par, y->remark);
            if (ry == other || (ry == rx && own)) continue;
            /* a fragment meets a rendering of its own fortnight (the
             * remark's window); words not held by y whole are held by
             * none of its pieces */
            if (far_apart(x, y) || fb->n < PX__VERBATIM_MIN_WORDS || fb->n > y->bag.n || !stems_in(fb, &y->bag))
              continue;
            bool in = fragment_in(fb, &y->bag);
            /* or inside one of y's stretches or sentences: the order of a
             * fragment's words is read in the bag of a long quote by their
             * first use, which an earlier sentence may hold.  A sentence
             * is no fragment itself: one line a speaker repeats in many
             * speeches would chain them */
            for (size_t q = pfirst[j]; q < pfirst[j + 1] && !in; q++) in = fragment_in(fb, &pc[q].bag);
            if (!in) continue;
            if (ry == rx) own = true;
            else if (other == SIZE_MAX) other = ry;
            else several = true;
            several = several || (own && other != SIZE_MAX);
          }
          if (other != SIZE_MAX && !several) {
            par[other] = rx;
            moved = true;
          }
        }
      }
      s0 = s1;
    }
    if (!moved) break;
  }
  if (renumber_remarks(g, par)) goto out;
  rc = PX_OK;
out:
  free(ord);
  free(par);
  free(pfirst);
  free(pc);
  sidx_release(&ix);
  free(last);
  free(cand);
  free(stamp);
  return rc;
}

size_t px__quote_groups_conflicts(const px_quote_groups *g, const size_t **pairs) {
  *pairs = g ? g->conf : NULL;
  return g && g->done ? g->nconf : 0;
}

/* A short item by its remark and its words (sorted to give each set of the
 * same words that left one remark a remark of its own). */
typedef struct shortkey {
  size_t remark;
  uint64_t h;
  size_t item;
} shortkey;

static int by_remark_words(const void *a, const void *b) {
  const shortkey *x = a, *y = b;
  if (x->remark != y->remark) return x->remark < y->remark ? -1 : 1;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->item > y->item) - (x->item < y->item);
}

#define SHORT_TRIED 64 /* longer members a short rendering is compared with */

/* p[0..n) as its words, lower-cased and each followed by one space, into
 * out (room for n + 2 bytes): ASCII letters and digits and the bytes of
 * other letters make words; ASCII punctuation and the marks of Unicode's
 * General Punctuation block (curly quotes, dashes, the ellipsis) part them. */
static size_t words_of(const char *p, size_t n, char *out) {
  size_t o = 0;
  bool in = false;
  out[o++] = ' ';
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)p[i];
    bool letter;
    size_t len = 1;
    if (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80) letter = false, len = 3;
    else if (c >= 0x80) letter = true;
    else letter = isalnum(c) != 0;
    if (letter) {
      for (size_t k = 0; k < len; k++) out[o++] = (char)tolower((unsigned char)p[i + k]);
      in = true;
    } else if (in) {
      out[o++] = ' ';
      in = false;
    }
    i += len;
  }
  if (in) out[o++] = ' ';
  out[o] = 0;
  return o;
}

/* Do the words of a lie in b's, in order and together ("to ransom" in
 * "held Europe to ransom"; not "in a little while" in "to get a little
 * knowledge")?  -1: out of memory. */
static int phrase_in(const gitem *a, const gitem *b) {
  char *x = malloc(a->ntext + 3), *y = malloc(b->ntext + 3);
  int r = -1;
  if (x && y) {
    size_t nx = words_of(a->text, a->ntext, x);
    words_of(b->text, b->ntext, y);
    r = nx > 1 && strstr(y, x) != NULL;
  }
  free(x);
  free(y);
  return r;
}

/* A short rendering: fewer than PX__VERBATIM_MIN_WORDS words, or one word
 * of content ("in a little while"), which scores the threshold exactly
 * against any quote that holds that word. */
static bool short_item(const gitem *x) {
  return x->words < PX__VERBATIM_MIN_WORDS || x->bag.n == 1;
}

/* A short rendering in a remark with longer ones, matching no direct or
 * partial one at the threshold and none above it, leaves the remark; those of the same words that left one remark
 * make one remark.  Members are bucketed by remark, so each short item reads
 * only its own remark's longer members. */
static int split_short(px_quote_groups *g) {
  size_t n = g->n, nrem = g->nrem, ns = 0;
  bool any = false;
  for (size_t i = 0; i < n && !any; i++) any = short_item(&g->it[i]);
  if (!any) return PX_OK;
  size_t *start = calloc(nrem + 1, sizeof *start);
  size_t *mem = malloc((n + 1) * sizeof *mem);
  shortkey *sk = malloc((n + 1) * sizeof *sk);
  if (!start || !mem || !sk) {
    free(start);
    free(mem);
    free(sk);
    return PX_ENOMEM;
  }
  for (size_t i = 0; i < n; i++)
    if (!short_item(&g->it[i]) && g->it[i].remark < nrem) start[g->it[i].remark + 1]++;
  for (size_t r = 0; r < nrem; r++) start[r + 1] += start[r]; /* start[r]: where remark r begins */
  for (size_t i = 0; i < n; i++) {                           /* long members, in item order */
    const gitem *x = &g->it[i];
    if (!short_item(x) && x->remark < nrem) mem[start[x->remark]++] = i;
  }
  /* filling moved start[r] to where remark r ends, so r begins at start[r - 1] */
  for (size_t k = 0; k < n; k++) {
    const gitem *x = &g->it[k];
    if (!short_item(x) || x->remark >= nrem) continue;
    size_t a = x->remark ? start[x->remark - 1] : 0, b = start[x->remark];
    if (a == b) continue; /* no longer rendering in its remark */
    bool stay = false;
    for (size_t m = a; m < b && m - a < SHORT_TRIED && !stay; m++) {
      const gitem *y = &g->it[mem[m]];
      double sim = px__qbag_similarity(&x->bag, &y->bag, NULL, NULL);
      /* a fragment of the words ("to ransom") at the threshold, but not a
       * sentence of its own that shares one word ("I have an offer out"
       * beside "every VA facility now offers same-day care"), nor a
       * fragment of one word of content that is not among the other's
       * words as it stands ("in a little while" beside "a little
       * knowledge") */
      bool words = (y->kind == PX_QUOTE_DIRECT || y->kind == PX_QUOTE_PARTIAL) &&
                   !(x->kind == PX_QUOTE_DIRECT && x->bag.n == 1);
      /* a partial quote of one word of content stays only as it stands in
       * the other, whatever the score ("all options" beside "Business as
       * usual is not an option" scores above the threshold by the word's
       * weight); a paraphrase ("he would not resign") is no such fragment */
      if (words && x->bag.n == 1 && sim >= PX_QUOTE_SAME_REMARK) {
        int in = phrase_in(x, y);
        if (in < 0) {
          free(start);
          free(mem);
          free(sk);
          return PX_ENOMEM;
        }
        words = in;
      }
      stay = (sim > PX_QUOTE_SAME_REMARK && !(x->bag.n == 1 && y->kind != PX_QUOTE_INDIRECT &&
                                              x->kind == PX_QUOTE_PARTIAL)) ||
             (words && sim >= PX_QUOTE_SAME_REMARK);
    }
    if (!stay) sk[ns++] = (shortkey){x->remark, x->h, k};
  }
  qsort(sk, ns, sizeof *sk, by_remark_words);
  for (size_t i = 0; i < ns; i++) {
    bool first = !i || sk[i].remark != sk[i - 1].remark || sk[i].h != sk[i - 1].h;
    if (first) g->nrem++;
    g->it[sk[i].item].remark = g->nrem - 1;
    g->it[sk[i].item].sim = 1.0; /* the same words as its remark's first */
  }
  free(start);
  free(mem);
  free(sk);
  return PX_OK;
}

/* A short rendering of two words of content or more, in a remark of short
 * renderings only, whose words stand together and in order in a direct or
 * partial rendering of the same speaker in one other remark only ("sacred
 * struggle" of "Russia is now engaged in a sacred struggle to protect its
 * sovereign rights"), joins that remark: a phrase cut from a longer quote
 * is that quote's rendering, which the mean of the bags, two words against
 * forty, cannot see.  Held by renderings of two remarks ("witch hunt"), it
 * stays apart. */
#define SHORT_NONE SIZE_MAX
#define SHORT_MANY (SIZE_MAX - 1)
static int meet_short(px_quote_groups *g) {
  size_t n = g->n, nrem = g->nrem, m = 0;
  if (nrem < 2) return PX_OK;
  bool *has_long = calloc(nrem, sizeof *has_long);
  size_t *target = malloc((n + 1) * sizeof *target), *via = malloc((n + 1) * sizeof *via);
  size_t *ord = malloc((n + 1) * sizeof *ord);
  int rc = PX_ENOMEM;
  if (!has_long || !target || !via || !ord) goto out;
  for (size_t i = 0; i < n; i++) {
    const gitem *x = &g->it[i];
    target[i] = SHORT_NONE;
    if (x->remark >= nrem) continue;
    if (!short_item(x)) has_long[x->remark] = true;
    if (x->sgroup != SIZE_MAX) ord[m++] = i;
  }
  if (order_by_speaker(g, ord, m)) goto out;
  /* Each short item on its own: renderings of the same words in one
   * remark may be months apart, and only those of the longer one's
   * fortnight are its renderings. */
  bool any = false;
  for (size_t s0 = 0, s1; s0 < m; s0 = s1) {
    for (s1 = s0; s1 < m && g->it[ord[s1]].sgroup == g->it[ord[s0]].sgroup;) s1++;
    for (size_t k = s0; k < s1; k++) {
      const gitem *x = &g->it[ord[k]];
      size_t *t = &target[ord[k]];
      if (!short_item(x) || !fragment_kind(x) || x->bag.n < 2 || has_long[x->remark]) continue;
      size_t lo = k > s0 + REMARK_WINDOW ? k - REMARK_WINDOW : s0;
      size_t hi = k + REMARK_WINDOW < s1 ? k + REMARK_WINDOW : s1;
      for (size_t j = lo; j < hi && *t != SHORT_MANY; j++) {
        const gitem *y = &g->it[ord[j]];
        if (y->remark == x->remark || y->remark == *t || short_item(y) || !fragment_kind(y) || far_apart(x, y))
          continue;
        uint32_t i = 0;
        while (i < x->bag.n && sig_has(y->bag.sig, x->bag.bit[i * (1 + PX__QBAG_K)])) i++;
        if (i < x->bag.n) continue;
        int in = phrase_in(x, y);
        if (in < 0) goto out;
        if (!in) continue;
        *t = *t == SHORT_NONE ? y->remark : SHORT_MANY;
        via[ord[k]] = ord[j];
      }
      any |= *t < SHORT_MANY;
    }
  }
  if (any) {
    for (size_t i = 0; i < n; i++) {
      gitem *x = &g->it[i];
      if (target[i] >= SHORT_MANY) continue;
      x->sim = px__qbag_similarity(&x->bag, &g->it[via[i]].bag, NULL, NULL);
      x->remark = target[i];
    }
    if (renumber_remarks(g, NULL)) goto out;
  }
  rc = PX_OK;
out:
  free(has_long);
  free(target);
  free(via);
  free(ord);
  return rc;
}

int px_quote_groups_finish(px_quote_groups *g) {
  if (!g) return PX_EINVAL;
  int rc = PX_ENOMEM;
  size_t n = g->n;
  size_t *ord = malloc((n + 1) * sizeof *ord);
  size_t *name_of = malloc((n + 1) * sizeof *name_of);
  gname *names = malloc((n + 1) * sizeof *names);
  tokref *refs = malloc((n * NAME_TOKS + 1) * sizeof *refs);
  size_t *par = malloc((n + 1) * sizeof *par);
  size_t *id = malloc((n + 1) * sizeof *id);
  size_t *last = malloc((n + 1) * sizeof *last);
  size_t *single = malloc((n + 1) * sizeof *single);
  if (!ord || !name_of || !names || !refs || !par || !id || !last || !single) goto out;
  for (size_t i = 0; i <= n; i++) single[i] = SIZE_MAX;
  /* distinct speaker names */
  size_t nn = 0;
  for (size_t i = 0; i < n; i++) ord[i] = i;
  qsort_r(ord, n, sizeof *ord, cmp_items_by_speaker, g->it);
  for (size_t k = 0; k < n; k++) {
    gitem *x = &g->it[ord[k]];
    if (!x->nspk) {
      name_of[ord[k]] = SIZE_MAX;
      continue;
    }
    if (!nn || cmp_items_by_speaker(&ord[k], &names[nn - 1].first_item, g->it) != 0) {
      names[nn].first_item = ord[k];
      names[nn].nt = name_tokens(x->spk, x->nspk, names[nn].t);
      nn++;
    }
    name_of[ord[k]] = nn - 1;
  }
  /* names sharing a token (by skeleton) are compared */
  size_t nr = 0;
  for (size_t i = 0; i < nn; i++) {
    par[i] = i;
    for (size_t k = 0; k < names[i].nt; k++) {
      const char *key = strlen(names[i].t[k].k) >= 2 ? names[i].t[k].k : names[i].t[k].s;
      refs[nr++] = (tokref){px__hash64(key, strlen(key), 0x6e616d65), i};
    }
  }
  qsort(refs, nr, sizeof *refs, cmp_tokref);
  /* Pass 1 joins full names (two to MAX_NAME_TOKS tokens) that match; pass 2
   * gives a single name ("Romney") to the one group of full names it
   * matches, and leaves it alone when it matches several (Mitt and Ann
   * Romney), so short names never chain different people together. */
  for (int pass = 1; pass <= 2; pass++) {
    for (size_t a = 0; a < nr;) {
      size_t b = a;
      while (b < nr && refs[b].h == refs[a].h) b++;
      if (b - a > BLOCK_MAX) {
        a = b;
        continue;
      }
      for (size_t x = a; x < b; x++) {
        size_t i = refs[x].name;
        if (!names[i].nt || names[i].nt > MAX_NAME_TOKS) continue;
        if ((pass == 1) != (names[i].nt >= 2)) continue;
        for (size_t y = a; y < b; y++) {
          size_t j = refs[y].name;
          if (i == j || names[j].nt < 2 || names[j].nt > MAX_NAME_TOKS) continue;
          if (uf_find(par, i) == uf_find(par, j)) continue;
          if (!tokens_match(names[i].t, names[i].nt, names[j].t, names[j].nt)) continue;
          if (pass == 1) {
            par[uf_find(par, i)] = uf_find(par, j);
          } else {
            size_t r = uf_find(par, j);
            if (single[i] == SIZE_MAX) single[i] = r;
            else if (single[i] != r) single[i] = SIZE_MAX - 1; /* ambiguous */
          }
        }
      }
      a = b;
    }
  }
  for (size_t i = 0; i < nn; i++)
    if (single[i] < SIZE_MAX - 1) par[uf_find(par, i)] = single[i];
  /* single names that matched no full name still join each other */
  for (size_t a = 0; a < nr;) {
    size_t b = a;
    while (b < nr && refs[b].h == refs[a].h) b++;
    size_t first = SIZE_MAX;
    for (size_t x = a; x < b && b - a <= BLOCK_MAX; x++) {
      size_t i = refs[x].name;
      if (names[i].nt != 1 || single[i] != SIZE_MAX) continue;
      if (first == SIZE_MAX) first = i;
      else if (tokens_match(names[i].t, 1, names[first].t, 1)) par[uf_find(par, i)] = uf_find(par, first);
    }
    a = b;
  }
  /* names that match none by token: "Lee Jaesung" / "Lee Jae-sung" fold alike
   * and share "lee"; what remains apart stays apart */
  g->nspk = 0;
  for (size_t i = 0; i < nn; i++) id[i] = SIZE_MAX;
  for (size_t i = 0; i < n; i++) {
    gitem *x = &g->it[i];
    if (name_of[i] == SIZE_MAX || !names[name_of[i]].nt || names[name_of[i]].nt > MAX_NAME_TOKS) {
      x->sgroup = SIZE_MAX;
      continue;
    }
    size_t r = uf_find(par, name_of[i]);
    if (id[r] == SIZE_MAX) id[r] = g->nspk++;
    x->sgroup = id[r];
  }
  /* remarks: inside each speaker, average link over a window of its earlier
   * items; quotes of unknown speakers wait for the near-verbatim pass */
  if ((rc = remark_links(g, last, par))) goto out;
  rc = PX_ENOMEM;
  g->nrem = 0;
  for (size_t i = 0; i < n; i++) {
    gitem *x = &g->it[i];
    size_t bj = last[i];
    if (x->sgroup == SIZE_MAX) {
      x->remark = SIZE_MAX; /* below */
    } else if (bj != SIZE_MAX && x->sim >= PX_QUOTE_SAME_REMARK) {
      x->remark = g->it[bj].remark;
    } else {
      x->remark = g->nrem++;
      x->sim = 1.0;
    }
  }
  if ((rc = meet_fragments(g)) || (rc = join_unknown(g)) || (rc = split_short(g)) ||
      (rc = meet_short(g)))
    goto out;
  g->done = true;
  rc = PX_OK;
out:
  free(ord);
  free(name_of);
  free(names);
  free(refs);
  free(par);
  free(id);
  free(last);
  free(single);
  return rc;
}

size_t px_quote_groups_items(const px_quote_groups *g) { return g ? g->n : 0; }
size_t px_quote_groups_speakers(const px_quote_groups *g) { return g && g->done ? g->nspk : 0; }
size_t px_quote_groups_remarks(const px_quote_groups *g) { return g && g->done ? g->nrem : 0; }

int px_quote_groups_item(const px_quote_groups *g, size_t i, px_quote_item *out) {
  if (!g || !out || i >= g->n) return PX_EINVAL;
  const gitem *x = &g->it[i];
  out->tag = x->tag;
  out->kind = (px_quote_kind)x->kind;
  out->text = (px_str){x->text, x->ntext};
  out->speaker = (px_str){x->spk, x->nspk};
  out->speaker_group = g->done ? x->sgroup : SIZE_MAX;
  out->remark = g->done ? x->remark : SIZE_MAX;
  out->similarity = g->done ? x->sim : 0;
  return PX_OK;
}

double px__quote_groups_item_similarity(const px_quote_groups *g, size_t i, size_t j) {
  if (!g || i >= g->n || j >= g->n) return 0;
  return px__qbag_similarity(&g->it[i].bag, &g->it[j].bag, NULL, NULL);
}

double px_quote_similarity(const px_quote_groups *g, const char *a, size_t na, const char *b,
                           size_t nb) {
  if (!g || !a || !b) return 0;
  px__arena ar;
  px__arena_init(&ar, 16384);
  px__qbag x, y;
  double s = 0;
  if (!px__qbag_make(g->ta, a, na, &ar, &x) && !px__qbag_make(g->ta, b, nb, &ar, &y))
    s = px__qbag_similarity(&x, &y, NULL, NULL);
  px__arena_release(&ar);
  return s;
}

/* ------------------------------------------------- a person by name */

int px__speaker_select(const char *query, size_t nq, const px_str *names, size_t n, uint8_t *out) {
  ntok tq[NAME_TOKS];
  size_t kq = name_tokens(query, nq, tq);
  ntok *tn = malloc((n + 1) * NAME_TOKS * sizeof *tn);
  size_t *kn = malloc((n + 1) * sizeof *kn);
  if (!tn || !kn) {
    free(tn);
    free(kn);
    return PX_ENOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    kn[i] = name_tokens(names[i].ptr, names[i].len, &tn[i * NAME_TOKS]);
    out[i] = kq && kn[i] && (kq == 1 || kn[i] >= 2) && tokens_match(tq, kq, &tn[i * NAME_TOKS], kn[i]);
  }
  /* a single name asked for by a full name: that person only when every
   * full name it can be is the one asked for ("Trump" for "Donald Trump"
   * when no other Trump is listed; never for "Xyzzy Trump") */
  if (kq >= 2)
    for (size_t i = 0; i < n; i++) {
      if (kn[i] != 1 || !tokens_match(tq, kq, &tn[i * NAME_TOKS], 1)) continue;
      size_t yes = 0, no = 0;
      for (size_t j = 0; j < n && !no; j++) {
        if (kn[j] < 2 || !tokens_match(&tn[i * NAME_TOKS], 1, &tn[j * NAME_TOKS], kn[j])) continue;
        if (out[j]) yes++;
        else no++;
      }
      out[i] = yes && !no;
    }
  free(tn);
  free(kn);
  return PX_OK;
}

int px_quote_groups_select(const px_quote_groups *g, const char *name, size_t nname,
                           unsigned char *wanted) {
  if (!g || !wanted || (!name && nname) || !g->done) return PX_EINVAL;
  memset(wanted, 0, g->nspk);
  ntok tq[NAME_TOKS], t[NAME_TOKS];
  size_t kq = name_tokens(name ? name : "", nname, tq);
  if (!kq) return PX_OK;
  /* A speaker group is the person when one of its names is: a full name
   * matching a full name, any name matching a single name.  A group of
   * single names only is never taken for a full name (had that name one
   * full-name group, the single names would have joined it). */
  for (size_t i = 0; i < g->n; i++) {
    const gitem *x = &g->it[i];
    if (x->sgroup == SIZE_MAX || wanted[x->sgroup] || !x->nspk) continue;
    size_t k = name_tokens(x->spk, x->nspk, t);
    if (!k || (kq >= 2 && k < 2)) continue;
    if (tokens_match(tq, kq, t, k)) wanted[x->sgroup] = 1;
  }
  return PX_OK;
}
