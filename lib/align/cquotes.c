/*
 * cquotes.c - quote variants: the renderings of one remark by different
 * outlets, side by side.
 *
 * Quotes come from the quote extractor (analyze/quote.h) with their
 * speakers resolved to entities, or for a stored story from the store (what
 * ingest extracted); like px_quotes_extract, the extractor runs on English
 * text only.  They are grouped by the one remark
 * engine of the library, px_quote_groups (quote_group.c), the same that
 * `parallax quotes` uses: a remark has one speaker (names matched as one
 * person across spellings), quotes of different speakers never share one,
 * and a quote whose speaker is unknown joins a remark only on a
 * near-verbatim match.  Each member keeps its own speaker as its article
 * gives it and its own kind (direct, partial, indirect); a direct
 * rendering much shorter than the remark's fullest is marked trimmed.  A
 * short rendering leaves a remark it only weakly touches (quote_group.c).
 */
#include "align/compare.h"
#include "analyze/quote.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct qitem {
  uint32_t art;
  const px__quote *q;
  px_str key, name;  /* resolved speaker (entity key and name), empty when unknown */
  px_str written;    /* the speaker as this article writes it (may be a role) */
  uint8_t type;      /* its entity's type (px_entity_type), 0 when unknown */
  uint32_t words;    /* quoted words */
  uint64_t h;        /* its words, folded (letters and digits) and hashed */
  size_t remark;
  size_t sg;         /* its speaker group in the remark engine (SIZE_MAX: unknown) */
  size_t same;       /* an earlier item of its article and remark with the same words, else itself */
} qitem;

static bool is_furniture_span(const px__cart *a, uint32_t start) {
  /* the sentence holding start: the last one starting at or before it */
  uint32_t lo = 0, hi = a->nsent;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (a->tx->sent[mid].start <= start) lo = mid + 1;
    else hi = mid;
  }
  if (!lo) return false;
  const px__sentence *se = &a->tx->sent[lo - 1];
  return start < se->end && px__cmp_is_furniture(a, lo - 1);
}

static uint32_t name_words(px_str s) {
  return px__quote_words(s.ptr, s.len);
}

/* A name with no lower-case letter ("JOHN LEWIS", a transcript's turn). */
static bool all_caps(px_str s) {
  for (size_t i = 0; i < s.len; i++)
    if (s.ptr[i] >= 'a' && s.ptr[i] <= 'z') return false;
  return true;
}

static bool str_eq(px_str a, px_str b) { return a.len == b.len && (!a.len || memcmp(a.ptr, b.ptr, a.len) == 0); }

static int str_cmp(px_str a, px_str b) {
  size_t n = a.len < b.len ? a.len : b.len;
  int d = n ? memcmp(a.ptr, b.ptr, n) : 0;
  if (d) return d;
  return a.len < b.len ? -1 : a.len > b.len;
}

/* A value (a name or a key) that member j of the report gives its group
 * (a speaker key, or a speaker group of the remark engine). */
typedef struct lcand {
  uint64_t gn; /* the group: a number */
  px_str gs;   /* or a string */
  px_str v;    /* "" gives none */
  uint32_t j;
} lcand;

static int cmp_lcand(const void *x, const void *y) {
  const lcand *a = x, *b = y;
  if (a->gn != b->gn) return a->gn < b->gn ? -1 : 1;
  int d = str_cmp(a->gs, b->gs);
  if (!d) d = str_cmp(a->v, b->v);
  if (d) return d;
  return a->j < b->j ? -1 : a->j > b->j;
}

/* The value of each group: a value of two words or more before a bare one
 * ("Donald Trump" before "Trump"), with caps one in mixed case before one
 * in capitals ("JOHN LEWIS", a transcript's turn), then the most frequent,
 * then the longest ("Mark T. Esper" after "Mark Esper" only when as
 * frequent), then the first given.  best[j] for each member j of e: the
 * first member giving its group's value, UINT32_MAX when none gives one.
 * One sort and one pass, so a report's labels cost n log n. */
static void best_values(lcand *e, size_t ne, bool caps, uint32_t *best) {
  qsort(e, ne, sizeof *e, cmp_lcand);
  for (size_t g0 = 0, g1; g0 < ne; g0 = g1) {
    for (g1 = g0 + 1; g1 < ne && e[g1].gn == e[g0].gn && str_eq(e[g1].gs, e[g0].gs);) g1++;
    uint32_t bj = UINT32_MAX, bcount = 0;
    bool bfull = false, bcaps = false;
    size_t blen = 0;
    for (size_t v0 = g0, v1; v0 < g1; v0 = v1) {
      for (v1 = v0 + 1; v1 < g1 && str_eq(e[v1].v, e[v0].v);) v1++;
      if (!e[v0].v.len) continue;
      uint32_t count = (uint32_t)(v1 - v0), j = e[v0].j; /* members in order inside a value */
      bool full = name_words(e[v0].v) >= 2, cp = caps && all_caps(e[v0].v);
      size_t len = e[v0].v.len;
      if (bj == UINT32_MAX || (full && !bfull) ||
          (full == bfull && (
            (bcaps && !cp) ||
            (cp == bcaps && (count > bcount ||
                             (count == bcount && (len > blen || (len == blen && j < bj)))))))) {
        bj = j;
        bcount = count;
        bfull = full;
        bcaps = cp;
        blen = len;
      }
    }
    for (size_t k = g0; k < g1; k++) best[e[k].j] = bj;
  }
}

/* A person's key without the initials it opens on, while two words stay:
 * "j ann selzer" is "ann selzer", "j dennis hastert" "dennis hastert" (one
 * outlet prints the initial, another not); "h r mcmaster" stays. */
static px_str person_key(px_str k) {
  while (k.len >= 2 && k.ptr[1] == ' ') {
    const char *rest = k.ptr + 2;
    size_t rn = k.len - 2;
    const char *sp = memchr(rest, ' ', rn);
    if (!sp || (size_t)(sp - rest) < 2) break; /* one word left, or another initial */
    k.ptr = rest;
    k.len = rn;
  }
  return k;
}

/* Key a is the last words of key b ("lewis" of "john lewis", "times" of
 * "new york times"): a family name, not a first name or a role ("paul",
 * "senate"). */
static bool key_tail(px_str a, px_str b) {
  return a.len && b.len > a.len && b.ptr[b.len - a.len - 1] == ' ' &&
         memcmp(b.ptr + b.len - a.len, a.ptr, a.len) == 0;
}

/* Is a speaker as written ("he", "She", "they") a pronoun?  It names no
 * one: not in a remark's label, not in a contradicting attribution. */
static bool pronoun_speaker(px_str w) {
  static const char *const p[] = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us"};
  if (!w.len || w.len > 4) return false;
  for (size_t k = 0; k < sizeof p / sizeof *p; k++)
    if (strlen(p[k]) == w.len && !strncasecmp(p[k], w.ptr, w.len)) return true;
  return false;
}

/* The name of each speaker key throughout the report (label[j]: the
 * member whose name names member j's key, UINT32_MAX when none is
 * resolved), among the names its renderings give it: one person, one
 * label, in every remark.  The key of each speaker group of the remark
 * engine (one person, names matched across spellings; gkey[j]: the member
 * whose key is that of member j's group), among its renderings' keys. */
static int key_labels(const px_comparison *c, const size_t *msg, uint32_t *label, uint32_t *gkey) {
  lcand *e = malloc((c->nqmem + 1) * sizeof *e);
  if (!e) return PX_ENOMEM;
  size_t ne = 0;
  for (size_t j = 0; j < c->nqmem; j++) {
    label[j] = UINT32_MAX;
    if (c->qmem[j].key.len) e[ne++] = (lcand){0, c->qmem[j].key, c->qmem[j].speaker, (uint32_t)j};
  }
  best_values(e, ne, true, label);
  for (size_t j = 0; j < c->nqmem; j++) e[j] = (lcand){msg[j], {0}, c->qmem[j].key, (uint32_t)j};
  best_values(e, c->nqmem, false, gkey);
  free(e);
  return PX_OK;
}

/* --------------------------------------------- roles across the story */

/* A role the story gives a named person: the words right before a name
 * ("Transport Minister Claire Fontaine", "Nordline spokeswoman Liisa
 * Makela") or set apart after it ("Henrik Vestergaard, Nordair's chief
 * executive,"), folded, the head (the role's noun) first. */
enum { ROLE_WORDS = 4 };
typedef struct prole {
  uint64_t w[ROLE_WORDS];
  uint8_t n;
  px_str key, name;
} prole;

static bool role_tok(const px__text *tx, size_t k) {
  const px__token *t = &tx->tok[k];
  return t->kind == PX__TOK_WORD && !(t->flags & (PX__TF_STOP | PX__TF_POSSESSIVE));
}

static int add_role(prole **r, size_t *n, size_t *cap, const prole *x) {
  if (!x->n) return PX_OK;
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 32;
    prole *t = realloc(*r, nc * sizeof *t);
    if (!t) return PX_ENOMEM;
    *r = t, *cap = nc;
  }
  (*r)[(*n)++] = *x;
  return PX_OK;
}

static int story_roles(const px_comparison *c, prole **out, size_t *nout) {
  size_t n = 0, cap = 0;
  prole *r = NULL;
  uint64_t h_and = px__word_hash("and", 3), h_or = px__word_hash("or", 2);
  for (size_t i = 0; i < c->nart; i++) {
    const px__text *tx = c->art[i].tx;
    const px__entities *es = c->art[i].ents;
    if (!tx || !es) continue;
    for (size_t m = 0; m < es->nmen; m++) {
      const px__mention *mm = &es->men[m];
      const px__entity *e = &es->ent[mm->entity];
      if (e->type != PX_ENT_PERSON || !e->key_len || mm->kind == PX_MENTION_ROLE) continue;
      size_t f = mm->tok_first, first = mm->sent < tx->nsent ? tx->sent[mm->sent].tok_first : 0;
      prole x = {.key = person_key((px_str){e->key, e->key_len}), .name = {e->name, e->name_len}};
      for (size_t k = f; k > first && x.n < ROLE_WORDS && role_tok(tx, k - 1);) x.w[x.n++] = tx->tok[--k].fold;
      if (add_role(&r, &n, &cap, &x)) goto fail;
      /* ", a spokeswoman for Nordline," / ", Nordair's chief executive," */
      size_t k = f + mm->tok_count;
      if (k < tx->ntok && tx->tok[k].kind == PX__TOK_PUNCT && tx->body[tx->tok[k].start] == ',') {
        k++;
        while (k < tx->ntok && tx->tok[k].kind == PX__TOK_WORD && (tx->tok[k].flags & (PX__TF_STOP | PX__TF_POSSESSIVE)))
          k++; /* "a", "the", "Nordair's" */
        prole y = x;
        y.n = 0;
        uint64_t tmp[ROLE_WORDS];
        uint8_t nt = 0;
        while (k < tx->ntok && nt < ROLE_WORDS && role_tok(tx, k) && !(tx->tok[k].flags & PX__TF_CAP))
          tmp[nt++] = tx->tok[k++].fold;
        /* not "Tamerlan Tsarnaev, his wife and their daughter": a list */
        bool ends = k < tx->ntok && (tx->tok[k].kind == PX__TOK_PUNCT ||
                                     ((tx->tok[k].flags & PX__TF_STOP) && tx->tok[k].fold != h_and &&
                                      tx->tok[k].fold != h_or));
        for (uint8_t j = 0; ends && j < nt; j++) y.w[y.n++] = tmp[nt - 1 - j];
        if (add_role(&r, &n, &cap, &y)) goto fail;
      }
    }
  }
  *out = r;
  *nout = n;
  return PX_OK;
fail:
  free(r);
  return PX_ENOMEM;
}

/* Is fold h a noun for a person's office or relation ("spokeswoman",
 * "minister", "uncle"), not for a body, a paper or a crowd? */
static bool role_head(uint64_t h) {
  static const char *const heads[] = {
      "spokesman", "spokeswoman", "spokesperson", "president", "president-elect", "minister",
      "secretary", "senator", "governor", "mayor", "chief", "director", "chairman", "chairwoman",
      "chair", "leader", "speaker", "judge", "lawyer", "attorney", "official", "aide", "adviser",
      "advisor", "uncle", "aunt", "mother", "father", "brother", "sister", "wife", "husband", "son",
      "daughter", "ceo", "executive", "reporter", "correspondent", "professor", "superintendent",
      "commissioner", "ambassador", "envoy", "general", "commander", "captain", "officer",
      "prosecutor", "nominee", "candidate", "congressman", "congresswoman", "representative",
      "chancellor", "premier", "king", "queen", "pope", "founder", "manager", "editor", "economist",
      "researcher", "scientist", "whistleblower", "owner", "sheriff", "coach", "strategist",
      "pollster", "boss", "counsel", "negotiator", "diplomat", "chairperson", "lawmaker"};
  for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) /* once per speaker written as a role */
    if (px__word_hash(heads[i], strlen(heads[i])) == h) return true;
  return false;
}

/* "a spokeswoman said", "France's transport minister": a speaker written
 * only as a role is the one person the story gives that role (its head
 * noun and every other word of it), when there is exactly one. */
static bool role_holder(const prole *r, size_t nr, const px__text *tx, const px__quote *q, px_str *key,
                        px_str *name) {
  if (q->spk_end <= q->spk_start) return false;
  uint64_t w[ROLE_WORDS];
  size_t n = 0;
  for (size_t k = px__token_at(tx, q->spk_start); k < tx->ntok && tx->tok[k].start < q->spk_end; k++) {
    const px__token *t = &tx->tok[k];
    if (t->kind != PX__TOK_WORD) return false;
    if (t->flags & (PX__TF_STOP | PX__TF_POSSESSIVE)) continue; /* "a", "its", "France's" */
    if (n == ROLE_WORDS) return false;
    w[n++] = t->fold;
  }
  if (!n || !role_head(w[n - 1])) return false;
  const prole *hit = NULL;
  for (size_t i = 0; i < nr; i++) {
    if (r[i].w[0] != w[n - 1]) continue; /* the head */
    bool all = true;
    for (size_t j = 0; j + 1 < n && all; j++) {
      all = false;
      for (uint8_t k = 1; k < r[i].n && !all; k++) all = r[i].w[k] == w[j];
    }
    if (!all) continue;
    if (hit && !str_eq(hit->key, r[i].key)) return false; /* two holders: not known which */
    hit = &r[i];
  }
  if (!hit) return false;
  *key = hit->key;
  *name = hit->name;
  return true;
}

/* Where the next member of remark gg goes. */
static uint32_t cq_first_count(const px_comparison *c, uint32_t gg) {
  return c->quote[gg].first + c->quote[gg].count;
}

/* Is the speaker named where the quote stands: does the speaker as written
 * hold the last word of the name it was resolved to ("Ford" of "Christine
 * Blasey Ford")?  Not so for a role, a title or a relative pronoun the
 * resolver read as someone ("President", "her mother", "which"). */
static bool named_in_place(px_str written, px_str name) {
  if (!written.len || !name.len) return false;
  size_t e = name.len;
  while (e && name.ptr[e - 1] == ' ') e--;
  size_t b = e;
  while (b && name.ptr[b - 1] != ' ') b--;
  size_t n = e - b;
  if (!n || n > written.len) return false;
  for (size_t i = 0; i + n <= written.len; i++)
    if (!strncasecmp(written.ptr + i, name.ptr + b, n) &&
        (i == 0 || written.ptr[i - 1] == ' ' || written.ptr[i - 1] == '.') &&
        (i + n == written.len || !isalpha((unsigned char)written.ptr[i + n])))
      return true;
  return false;
}

int px__cmp_quotes(px_comparison *c, px__textan *ta) {
  (void)ta;
  int rc = PX_ENOMEM;
  px__quotean *qa = NULL;
  px_quote_groups *g = NULL;
  qitem *it = NULL;
  uint32_t *order = NULL, *gid = NULL, *gcount = NULL, *full = NULL;
  uint32_t *label = NULL, *gkey = NULL; /* qmem index -> the member naming its key, the member keying its speaker group */
  uint8_t *seen = NULL;
  size_t *msg = NULL; /* qmem index -> the speaker group of that rendering */
  uint8_t *mtype = NULL; /* qmem index -> its speaker's entity type */
  size_t n = 0, cap = 0;
  prole *roles = NULL;
  size_t nroles = 0;
  px__buf tmp;
  px__buf_init(&tmp, 1 << 20);
  if ((rc = px__quotean_new(&qa)) || (rc = px_quote_groups_new(&g))) goto out;
  if ((rc = story_roles(c, &roles, &nroles))) goto out;
  for (size_t i = 0; i < c->nart; i++) {
    px__cart *a = &c->art[i];
    px__quotes qs = {0};
    px_str lang = px_doc_language(a->doc);
    if (a->quotes) /* the stored quotes: extracted once, at ingest */
      qs = *a->quotes;
    else if (px_lang_is_english(lang.ptr, lang.len) && /* as px_quotes_extract: English only */
             (rc = px__quotes_find(qa, a->tx, a->ents, &c->arena, &qs)))
      goto out;
    for (size_t k = 0; k < qs.nq; k++) {
      const px__quote *q = &qs.q[k];
      if (q->kind == PX_QUOTE_SCARE || q->kind == PX_QUOTE_TITLE) continue; /* nobody said it */
      /* a caption or an advert; an embedded post is furniture as a fact,
       * but its words are its author's remark */
      if (!(q->flags & PX__QS_POST) && is_furniture_span(a, q->start)) continue;
      if (n == cap) {
        cap = cap ? cap * 2 : 64;
        qitem *t = realloc(it, cap * sizeof *t);
        if (!t) {
          rc = PX_ENOMEM;
          goto out;
        }
        it = t;
      }
      qitem *x = &it[n];
      memset(x, 0, sizeof *x);
      x->art = (uint32_t)i;
      x->q = q;
      if (q->entity >= 0 && (size_t)q->entity < a->ents->nent) {
        const px__entity *e = &a->ents->ent[q->entity];
        x->key = (px_str){e->key, e->key_len};
        x->name = (px_str){e->name, e->name_len};
        x->type = e->type;
        if (x->type == PX_ENT_PERSON) x->key = person_key(x->key);
      }
      if (q->spk_end > q->spk_start) x->written = (px_str){a->tx->body + q->spk_start, q->spk_end - q->spk_start};
      if (!x->key.len && role_holder(roles, nroles, a->tx, q, &x->key, &x->name)) x->type = PX_ENT_PERSON;
      /* The quoted words only, without an interrupting "he said"; the
       * stretches joined by " … ", so the remark engine can tell them
       * apart (a stretch may be another outlet's whole quote). */
      px__buf_clear(&tmp);
      if (q->nspans) {
        for (uint32_t s = q->span_first; s < q->span_first + q->nspans && s < qs.nspan; s++) {
          if ((s > q->span_first && (rc = px__buf_append(&tmp, " \xe2\x80\xa6 ", 5))) ||
              (rc = px__buf_append(&tmp, a->tx->body + qs.span[s].start,
                                   qs.span[s].end - qs.span[s].start)))
            goto out;
        }
      } else if ((rc = px__buf_append(&tmp, a->tx->body + q->start, q->end - q->start))) {
        goto out;
      }
      x->words = px__quote_words(tmp.ptr, tmp.len);
      x->h = px__quote_fold_hash(tmp.ptr, tmp.len);
      px_quote_groups_set_place(g, (int64_t)i, q->start, q->end);
      if ((rc = px_quote_groups_add_text(g, x->name.ptr, x->name.len, tmp.ptr, tmp.len, q->kind,
                                         (int64_t)n)))
        goto out;
      n++;
    }
  }
  if ((rc = px_quote_groups_finish(g))) goto out;
  rc = PX_ENOMEM;
  size_t nrem = px_quote_groups_remarks(g);
  for (size_t i = 0; i < px_quote_groups_items(g); i++) {
    px_quote_item qi;
    px_quote_groups_item(g, i, &qi);
    it[qi.tag].remark = qi.remark;
    it[qi.tag].sg = qi.speaker_group;
  }
  /* One article giving the same words twice in one remark ("good
   * trouble." in its lede and again below) is one rendering, given
   * `times` times: the first stands for the others. */
  for (size_t k = 0, a0 = 0; k < n; k++) {
    if (k && it[k].art != it[k - 1].art) a0 = k;
    it[k].same = k;
    for (size_t j = a0; j < k; j++)
      if (it[j].same == j && it[j].remark == it[k].remark && it[j].h == it[k].h &&
          it[j].q->kind == it[k].q->kind) {
        it[k].same = j;
        break;
      }
  }
  /* Remarks numbered in order of their first rendering (article, then
   * position); members in that order too. */
  order = malloc((n + 1) * sizeof *order);
  gid = malloc((nrem + 1) * sizeof *gid);
  gcount = calloc(nrem + 1, sizeof *gcount);
  if (!order || !gid || !gcount) goto out;
  for (size_t i = 0; i < n; i++) order[i] = (uint32_t)i; /* already in (article, position) order */
  for (size_t r = 0; r < nrem; r++) gid[r] = UINT32_MAX;
  size_t ng = 0;
  for (size_t k = 0; k < n; k++) {
    size_t r = it[order[k]].remark;
    if (r >= nrem || it[order[k]].same != order[k]) continue;
    if (gid[r] == UINT32_MAX) gid[r] = (uint32_t)ng++;
    gcount[gid[r]]++;
  }
  c->quote = calloc(ng + 1, sizeof *c->quote);
  c->qmem = malloc((n + 1) * sizeof *c->qmem);
  full = malloc((ng + 1) * sizeof *full);
  seen = calloc(c->noutlet + 1, 1);
  if (!c->quote || !c->qmem || !full || !seen) goto out;
  c->nquote = ng;
  c->nqmem = 0;
  for (size_t g2 = 0, at = 0; g2 < ng; g2++) {
    c->quote[g2].first = (uint32_t)at;
    at += gcount[g2];
    full[g2] = UINT32_MAX;
  }
  /* the fullest direct rendering of each remark, for trimmed quotes */
  for (size_t k = 0; k < n; k++) {
    if (it[k].remark >= nrem) continue;
    uint32_t gg = gid[it[k].remark], f = full[gg];
    bool direct = it[k].q->kind == PX_QUOTE_DIRECT || it[k].q->kind == PX_QUOTE_PARTIAL;
    bool fdirect = f != UINT32_MAX && (it[f].q->kind == PX_QUOTE_DIRECT || it[f].q->kind == PX_QUOTE_PARTIAL);
    if (f == UINT32_MAX || (direct && (!fdirect || it[k].words > it[f].words))) full[gg] = (uint32_t)k;
  }
  uint32_t *pos = malloc((n + 1) * sizeof *pos); /* item -> its qmem index */
  msg = malloc((n + 1) * sizeof *msg);
  mtype = malloc(n + 1);
  if (!pos || !msg || !mtype) {
    free(pos);
    goto out;
  }
  for (size_t k = 0; k < n; k++) {
    const qitem *x = &it[k];
    pos[k] = UINT32_MAX;
    if (x->remark >= nrem) continue;
    if (x->same != k) { /* a repeat: counted on its first rendering */
      pos[k] = pos[x->same];
      if (pos[k] != UINT32_MAX && c->qmem[pos[k]].times < UINT16_MAX) c->qmem[pos[k]].times++;
      continue;
    }
    uint32_t gg = gid[x->remark];
    pos[k] = cq_first_count(c, gg);
    px__cquote *cq = &c->quote[gg];
    const qitem *f = &it[full[gg]];
    px__cqmember m = {0};
    m.art = x->art;
    m.start = x->q->start;
    m.end = x->q->end;
    m.kind = (uint8_t)x->q->kind;
    m.sim = 1;
    m.times = 1;
    m.key = x->key;
    m.speaker = x->name.len ? x->name : x->written;
    if (f != x) {
      px_quote_item qi;
      px_quote_groups_item(g, (size_t)k, &qi);
      m.sim = (float)qi.similarity;
    }
    /* trimmed: the fullest rendering's words, fewer of them; a shorter
     * quote in other words ("Until the process works ..." beside "The
     * process continues to improve ...") is a rendering, not a trim.  The
     * words are measured against the fullest rendering itself (m.sim is
     * the mean over the remark's renderings before x). */
    if (f != x && x->q->kind == PX_QUOTE_DIRECT && (f->q->kind == PX_QUOTE_DIRECT || f->q->kind == PX_QUOTE_PARTIAL) &&
        x->words * 10 < f->words * 7 &&
        px__quote_groups_item_similarity(g, (size_t)k, full[gg]) >= PX__VERBATIM_DICE)
      m.trimmed = 1;
    msg[cq->first + cq->count] = x->sg;
    mtype[cq->first + cq->count] = x->type;
    c->qmem[cq->first + cq->count++] = m;
    c->nqmem++;
  }
  /* Contradicting attributions: near-verbatim words given to two people,
   * by two outlets. */
  {
    const size_t *pairs;
    size_t np = px__quote_groups_conflicts(g, &pairs);
    c->qconf = malloc((2 * np + 1) * sizeof *c->qconf);
    if (!c->qconf) {
      free(pos);
      goto out;
    }
    for (size_t k = 0; k < np; k++) {
      px_quote_item a, b2;
      px_quote_groups_item(g, pairs[2 * k], &a);
      px_quote_groups_item(g, pairs[2 * k + 1], &b2);
      uint32_t pa = pos[a.tag], pb = pos[b2.tag];
      if (pa == UINT32_MAX || pb == UINT32_MAX) continue;
      if (c->art[c->qmem[pa].art].outlet == c->art[c->qmem[pb].art].outlet) continue;
      /* a body and a person ("the White House" / Obama, "the NRA" / its
       * head): the body's words are often its head's, or its spokesman's;
       * and a place that speaks is a misread name: neither contradicts */
      uint8_t ya = it[a.tag].type, yb = it[b2.tag].type;
      if (ya == PX_ENT_ORG || ya == PX_ENT_PLACE || yb == PX_ENT_ORG || yb == PX_ENT_PLACE) continue;
      /* a speaker written as "he" or "she" is the resolver's guess: the
       * other outlet's name for the same words more likely says it was
       * wrong than that the outlets disagree ("'It's not just bread to
       * eat,' he told the paper" resolved to the prime minister named
       * before, where another outlet names the baker's customer) */
      if (pronoun_speaker(it[a.tag].written) || pronoun_speaker(it[b2.tag].written)) continue;
      /* so is a speaker found through a role or a relative pronoun ("who",
       * "the president"), not named in place */
      if (!named_in_place(it[a.tag].written, it[a.tag].name) || !named_in_place(it[b2.tag].written, it[b2.tag].name))
        continue;
      /* a partial quote's speaker is the one the reporting sentence names,
       * whose words it often quotes from another ("Warren read ... a
       * letter ... that Sessions used "the awesome power of his office
       * ..."", "Nadler quoted Mueller's "formally accuse ..."): on 300
       * random AllSides stories 15 of 23 conflicts held one, every one of
       * them the extractor's misreading, not two outlets' disagreement */
      if (it[a.tag].q->kind == PX_QUOTE_PARTIAL || it[b2.tag].q->kind == PX_QUOTE_PARTIAL) continue;
      c->qconf[2 * c->nqconf] = pa;
      c->qconf[2 * c->nqconf + 1] = pb;
      c->nqconf++;
    }
  }
  free(pos);
  label = malloc((c->nqmem + 1) * sizeof *label);
  gkey = malloc((c->nqmem + 1) * sizeof *gkey);
  if (!label || !gkey) goto out;
  if ((rc = key_labels(c, msg, label, gkey))) goto out;
  rc = PX_ENOMEM;
  /* The remark's speaker: its most frequent resolved key (all of one
   * person), named as the whole report names that key (below); outlets
   * counted once. */
  for (size_t g2 = 0; g2 < ng; g2++) {
    px__cquote *cq = &c->quote[g2];
    uint32_t best = 0;
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      const px__cqmember *m = &c->qmem[j];
      if (!m->key.len) continue;
      uint32_t same = 0;
      for (uint32_t k = cq->first; k < cq->first + cq->count && k < j + 64; k++)
        same += c->qmem[k].key.len == m->key.len && memcmp(c->qmem[k].key.ptr, m->key.ptr, m->key.len) == 0;
      if (same > best || (same == best && m->speaker.len > cq->name.len)) {
        best = same;
        cq->key = m->key;
        cq->name = m->speaker;
      }
    }
    if (cq->key.len) {
      /* a bare key ("lewis") of a person whose other renderings the
       * remark engine gives a fuller key ending in it ("john lewis")
       * takes that key: one person, one key, in every remark.  One word
       * takes only the key of a person (not of an organisation or a
       * place): the last word of a person's name is the family name, that
       * of an organisation's the kind of body it is ("house" of "white
       * house", "court" of "supreme court", "times" of "new york times"),
       * which other bodies share ("the House" is the chamber, not the
       * White House).  Two words or more name the body ("judiciary
       * committee" of "senate judiciary committee").  The bare key's own
       * type is not asked: a family name alone is often taken for a place
       * or a firm ("Jordan", "Bloomberg") */
      uint32_t jk = UINT32_MAX, js = UINT32_MAX; /* a member of the key; one in a speaker group */
      for (uint32_t j = cq->first; j < cq->first + cq->count && js == UINT32_MAX; j++)
        if (str_eq(c->qmem[j].key, cq->key)) {
          if (jk == UINT32_MAX) jk = j;
          if (msg[j] != SIZE_MAX) js = j;
        }
      if (js != UINT32_MAX && gkey[js] != UINT32_MAX && key_tail(cq->key, c->qmem[gkey[js]].key) &&
          (name_words(cq->key) >= 2 || (mtype[gkey[js]] != PX_ENT_ORG && mtype[gkey[js]] != PX_ENT_PLACE))) {
        jk = gkey[js];
        cq->key = c->qmem[jk].key;
      }
      cq->name = jk != UINT32_MAX && label[jk] != UINT32_MAX ? c->qmem[label[jk]].speaker : (px_str){0};
    }
    if (!cq->key.len) /* no resolved speaker: the role as written, when one is (a pronoun is none) */
      for (uint32_t j = cq->first; j < cq->first + cq->count; j++)
        if (c->qmem[j].speaker.len > cq->name.len && !pronoun_speaker(c->qmem[j].speaker)) cq->name = c->qmem[j].speaker;
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) {
      uint32_t o = c->art[c->qmem[j].art].outlet;
      if (!seen[o]) seen[o] = 1, cq->noutlets++;
    }
    for (uint32_t j = cq->first; j < cq->first + cq->count; j++) seen[c->art[c->qmem[j].art].outlet] = 0;
  }
  rc = PX_OK;
out:
  px__buf_release(&tmp);
  free(roles);
  px__quotean_free(qa);
  px_quote_groups_free(g);
  free(it);
  free(order);
  free(gid);
  free(gcount);
  free(full);
  free(seen);
  free(msg);
  free(mtype);
  free(label);
  free(gkey);
  return rc;
}
