/*
 * story_report.c - the comparison of a stored story, above the store.
 *
 * It reads the story's members with the duplicate links ingest stored
 * (px_store_story_articles), loads the articles with the analysis ingest
 * stored for each (px__store_analysis_bytes, analyze/doc_blob.h: sentences,
 * entities, quotes with their speakers; only the tokens are made again from
 * the stored sentences), compares them with those links (neither duplicate
 * detection nor entity or quote extraction runs again; an article stored
 * without that analysis, by an older schema, is analysed as before) and
 * keeps the comparison
 * itself, as data (align/cmp_blob.h), in the store's cache until the story
 * gains or loses an article.  Every rendering (text at any width, JSON,
 * Markdown, HTML) is made from that data on demand: a cached comparison is
 * never recomputed for another format or terminal.  The cache key carries
 * the build's identity (its GNU build id): a comparison made by another
 * build of parallax, with other rules or another model, is made again.  The
 * blob itself carries the engine's fingerprint (px__cmp_engine: version,
 * thresholds, similarity model), which holds in a build without a build id
 * too: a blob of another engine does not load, and is made again.
 */
#include "align/cmp_blob.h"
#include "analyze/doc_blob.h"
#include "store/store.h"
#include "story/story.h"

#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------- the build's identity */

static char build_key[2 * 32 + 8];
static pthread_once_t build_once = PTHREAD_ONCE_INIT;

/* The NT_GNU_BUILD_ID note of the loaded object (program or shared module)
 * holding this code, as hex; "0" when there is none. */
static int find_build_id(struct dl_phdr_info *info, size_t size, void *user) {
  (void)size;
  uintptr_t self = (uintptr_t)(void *)&find_build_id;
  bool mine = false;
  for (int i = 0; i < info->dlpi_phnum && !mine; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
    mine = ph->p_type == PT_LOAD && self >= lo && self < lo + ph->p_memsz;
  }
  if (!mine) return 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_NOTE) continue;
    const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr);
    const unsigned char *end = p + ph->p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)(const void *)p;
      size_t name = (nh->n_namesz + 3u) & ~3u, desc = (nh->n_descsz + 3u) & ~3u;
      const unsigned char *d = p + sizeof *nh + name;
      if (d + desc > end) break;
      if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
          memcmp(p + sizeof *nh, "GNU", 4) == 0) {
        size_t k = 0;
        for (size_t j = 0; j < nh->n_descsz && j < 32; j++)
          k += (size_t)snprintf((char *)user + k, 3, "%02x", d[j]);
        return 1;
      }
      p = d + desc;
    }
  }
  return 1;
}

static void build_key_init(void) {
  strcpy(build_key, "0");
  dl_iterate_phdr(find_build_id, build_key);
}

typedef struct member {
  int64_t id, dup_of, wire_source;
  int dup_exact;
  double wire_share;
} member;

typedef struct members {
  member *v;
  size_t n, cap;
  int err;
} members;

static int collect(void *user, const px_story_member *m) {
  members *x = user;
  if (x->n == x->cap) {
    size_t cap = x->cap ? x->cap * 2 : 16;
    member *nv = realloc(x->v, cap * sizeof *nv);
    if (!nv) {
      x->err = PX_ENOMEM;
      return 1;
    }
    x->v = nv;
    x->cap = cap;
  }
  x->v[x->n++] = (member){px_article_id(m->art), m->dup_of, m->wire_source, m->dup_exact,
                          m->wire_share};
  return 0;
}

static int by_id(const void *a, const void *b) {
  int64_t x = ((const member *)a)->id, y = ((const member *)b)->id;
  return x < y ? -1 : x > y;
}

static long index_of(const members *x, int64_t id) {
  if (id <= 0) return -1;
  member key = {.id = id};
  const member *m = bsearch(&key, x->v, x->n, sizeof *x->v, by_id);
  return m ? (long)(m - x->v) : -1;
}

/* The stored analysis of each article into in[] (in[i].doc NULL where the
 * store has none or it does not fit: that article is analysed instead).
 * With ta, tokens too (for computing); without, what rendering needs. */
static int load_inputs(px_store *st, px_article **arts, size_t n, px__textan *ta,
                       px__cinput *in) {
  px__buf sent, detail;
  px__buf_init(&sent, 0);
  px__buf_init(&detail, 0);
  int rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK; i++) {
    bool found = false;
    px__buf_clear(&sent);
    px__buf_clear(&detail);
    if ((rc = px__store_analysis_bytes(st, px_article_id(arts[i]), &sent, &detail, &found)) ||
        !found)
      continue;
    px_str body = px_article_get(arts[i], PX_F_BODY);
    int r = px__doc_blob_load(ta, body.ptr, body.len, sent.ptr, sent.len, detail.ptr, detail.len,
                              &in[i].doc, &in[i].quotes);
    if (r == PX_ENOMEM) rc = r; /* PX_EFORMAT: analysed instead */
  }
  px__buf_release(&sent);
  px__buf_release(&detail);
  return rc;
}

/* The articles without a stored analysis that fits (a store analysed by
 * an older build, before `parallax reanalyze`): analysed here, so that
 * their outlet's template text is found in them too, as in the others. */
static int analyse_missing(px_store *st, px_article **arts, size_t n, px__cinput *in) {
  px_analyzer *an = NULL;
  int rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK; i++) {
    if (in[i].doc) continue;
    if (!an && (rc = px_analyzer_new(st->ctx, &an))) break;
    rc = px_analyze(an, arts[i], &in[i].doc);
    in[i].quotes = NULL; /* the comparison extracts them */
  }
  px_analyzer_free(an);
  return rc;
}

static void drop_inputs(px__cinput *in, size_t n) {
  for (size_t i = 0; in && i < n; i++) {
    px_doc_free(in[i].doc);
    free((void *)in[i].template_text);
    in[i] = (px__cinput){0};
  }
}

/* ------------------------------------------------ an outlet's template
 *
 * A site's pages share a template, and an extractor (the outlet's or
 * ours) keeps some of it in the body: a promotion ("Did you know you can
 * support us by ..."), a newsletter box, a standing note.  No list of
 * phrases finds that on sites nobody has read; the outlet's own articles
 * do: a sentence that TPL_SIBLINGS of its other stored articles (outside
 * the story, nearest by id) repeat word for word, in a share of them no
 * story's background paragraph reaches, is the template's, not the
 * story's.  Every window of TPL_GRAM words of the sentence must recur in
 * that many articles; shorter sentences are not judged. */
#define TPL_SIBLINGS 24
#define TPL_MIN_SIBLINGS 6 /* fewer stored: no judgement */
#define TPL_GRAM 6

/* A sentence window's count: the articles it was seen in, the last one. */
typedef struct gramcount {
  uint32_t count, last;
} gramcount;

/* The windows of the story's sentences of one outlet: window -> index into c. */
typedef struct gramset {
  px__map idx;
  gramcount *c;
  size_t n, cap;
} gramset;

static void gramset_release(gramset *g) {
  px__map_release(&g->idx);
  free(g->c);
  *g = (gramset){0};
}

/* Add window k (count 0); present already: nothing. */
static int gramset_put(gramset *g, uint64_t k) {
  if (g->n == g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 1024;
    gramcount *c = realloc(g->c, cap * sizeof *c);
    if (!c) return PX_ENOMEM;
    g->c = c, g->cap = cap;
  }
  bool isnew;
  uint32_t *v = px__map_put(&g->idx, k, &isnew);
  if (!v) return PX_ENOMEM;
  if (isnew) {
    *v = (uint32_t)g->n;
    g->c[g->n++] = (gramcount){0, 0};
  }
  return PX_OK;
}

/* Count window k once for article sib (1 up), if it is in g. */
static void gramset_count_in(gramset *g, uint64_t k, uint32_t sib) {
  uint32_t *v = px__map_get(&g->idx, k);
  if (v && g->c[*v].last != sib) g->c[*v].count++, g->c[*v].last = sib;
}

static uint32_t gramset_count(const gramset *g, uint64_t k) {
  const uint32_t *v = px__map_get(&g->idx, k);
  return v ? g->c[*v].count : 0;
}

/* The words of p[0..n) (runs of ASCII letters and digits, case folded, and
 * of non-ASCII bytes) as hashes, into w (emptied first). */
static int text_words(const char *p, size_t n, px__buf *w) {
  px__buf_clear(w);
  if (px__buf_reserve(w, (n / 2 + 1) * sizeof(uint64_t))) return PX_ENOMEM;
  uint64_t *out = (uint64_t *)w->ptr;
  size_t k = 0;
  const unsigned char *s = (const unsigned char *)p, *end = s + n;
  while (s < end) {
    while (s < end && *s < 0x80 && !((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') &&
           !(*s >= '0' && *s <= '9'))
      s++;
    if (s == end) break;
    uint64_t h = 0xcbf29ce484222325u;
    for (; s < end && (*s >= 0x80 || ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') ||
                       (*s >= '0' && *s <= '9'));
         s++)
      h = (h ^ (unsigned char)(*s >= 'A' && *s <= 'Z' ? *s | 0x20 : *s)) * 0x100000001b3u;
    out[k++] = h; /* a word takes a byte and a separator: n / 2 + 1 at most */
  }
  w->len = k * sizeof(uint64_t);
  return PX_OK;
}

/* The window of TPL_GRAM words from w[i] (never 0). */
static uint64_t gram_at(const uint64_t *w, size_t i) {
  uint64_t h = 0x9E3779B97F4A7C15u;
  for (size_t j = 0; j < TPL_GRAM; j++) h = ((h ^ w[i + j]) * 0xff51afd7ed558ccdu) ^ (h >> 29);
  return h ? h : 1;
}

static bool same_outlet(const px_article *a, px_str src) {
  px_str s = px_article_get(a, PX_F_SOURCE);
  return s.len == src.len && (src.len == 0 || memcmp(s.ptr, src.ptr, src.len) == 0);
}

/* The template flags of the articles of one outlet: those of arts[] from
 * first on with first's outlet (done[] marks them), in[].template_text.
 * The windows of their sentences are counted in the outlet's other
 * articles; a window found nowhere else is never stored. */
static int outlet_template(px_store *st, int64_t story, px_article **arts, size_t n, size_t first,
                           px__cinput *in, bool *done, px__buf *w) {
  px_str src = px_article_get(arts[first], PX_F_SOURCE);
  for (size_t i = first; i < n; i++)
    if (!done[i] && same_outlet(arts[i], src)) done[i] = true;
  if (!src.len) return PX_OK;
  gramset g = {0};
  int rc = PX_OK;
  for (size_t i = first; rc == PX_OK && i < n; i++) {
    if (!in[i].doc || !same_outlet(arts[i], src)) continue;
    const px__text *tx = px__doc_text(in[i].doc);
    for (size_t k = 0; rc == PX_OK && k < tx->nsent; k++) {
      const px__sentence *se = &tx->sent[k];
      if ((rc = text_words(tx->body + se->start, se->end - se->start, w))) break;
      const uint64_t *v = (const uint64_t *)w->ptr;
      for (size_t j = 0; rc == PX_OK && j + TPL_GRAM <= w->len / sizeof *v; j++)
        rc = gramset_put(&g, gram_at(v, j));
    }
  }
  if (rc || !g.n) goto out;
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(st->db,
                         /* the ids by the source's index, then only their bodies */
                         "SELECT body FROM article WHERE id IN (SELECT id FROM article"
                         " WHERE source = ?1 AND id NOT IN"
                         " (SELECT article FROM story_article WHERE story = ?2)"
                         " ORDER BY abs(id - ?3) LIMIT ?4) ORDER BY id",
                         -1, &q, NULL) != SQLITE_OK) {
    sqlite3_finalize(q);
    goto out; /* an older store: no judgement */
  }
  sqlite3_bind_text(q, 1, src.ptr, (int)src.len, SQLITE_STATIC);
  sqlite3_bind_int64(q, 2, story);
  sqlite3_bind_int64(q, 3, px_article_id(arts[first]));
  sqlite3_bind_int(q, 4, TPL_SIBLINGS);
  uint32_t sibs = 0;
  while (rc == PX_OK && sqlite3_step(q) == SQLITE_ROW) {
    const char *b = (const char *)sqlite3_column_text(q, 0);
    if (!b || (rc = text_words(b, (size_t)sqlite3_column_bytes(q, 0), w))) continue;
    sibs++;
    const uint64_t *v = (const uint64_t *)w->ptr;
    for (size_t j = 0; j + TPL_GRAM <= w->len / sizeof *v; j++) gramset_count_in(&g, gram_at(v, j), sibs);
  }
  sqlite3_finalize(q);
  /* in 30 % of the articles looked at, and at least 4 */
  uint32_t need = (sibs * 3 + 9) / 10;
  if (need < 4) need = 4;
  for (size_t i = first; rc == PX_OK && sibs >= TPL_MIN_SIBLINGS && i < n; i++) {
    if (!in[i].doc || !same_outlet(arts[i], src)) continue;
    const px__text *tx = px__doc_text(in[i].doc);
    uint8_t *flags = NULL;
    for (size_t k = 0; rc == PX_OK && k < tx->nsent; k++) {
      const px__sentence *se = &tx->sent[k];
      if ((rc = text_words(tx->body + se->start, se->end - se->start, w))) break;
      const uint64_t *v = (const uint64_t *)w->ptr;
      size_t nw = w->len / sizeof *v, j = 0;
      if (nw < TPL_GRAM) continue;
      while (j + TPL_GRAM <= nw && gramset_count(&g, gram_at(v, j)) >= need) j++;
      if (j + TPL_GRAM <= nw) continue;
      if (!flags && !(flags = calloc(tx->nsent, 1))) rc = PX_ENOMEM;
      else flags[k] = 1;
    }
    if (rc == PX_OK) in[i].template_text = flags;
    else free(flags);
  }
out:
  gramset_release(&g);
  return rc;
}

/* in[].template_text of the articles of stored story id (those with a
 * stored analysis). */
static int template_text(px_store *st, int64_t story, px_article **arts, size_t n, px__cinput *in) {
  bool *done = calloc(n + 1, sizeof *done);
  if (!done) return PX_ENOMEM;
  px__buf w;
  px__buf_init(&w, 0);
  int rc = PX_OK;
  for (size_t i = 0; i < n && rc == PX_OK; i++)
    if (!done[i]) rc = outlet_template(st, story, arts, n, i, in, done, &w);
  px__buf_release(&w);
  free(done);
  return rc;
}

static int to_buf(void *user, const char *p, size_t n) {
  return px__buf_append(user, p, n) != PX_OK;
}

int px_store_story_comparison(px_store *st, int64_t id, px_comparison **out, int *cached) {
  if (!st || !out) return PX_EINVAL;
  *out = NULL;
  if (cached) *cached = 0;
  members x = {0};
  px__buf sig, blob;
  px__buf_init(&sig, 0);
  px__buf_init(&blob, 0);
  px_article **arts = NULL;
  px_compare_link *links = NULL;
  px__cinput *in = NULL;
  px__textan *ta = NULL;
  int rc = px_store_story_articles(st, id, collect, &x);
  if (rc == PX_OK && x.err) rc = x.err;
  if (rc) goto out;
  /* in id order: the signature of the membership, and the compared order */
  qsort(x.v, x.n, sizeof *x.v, by_id);
  pthread_once(&build_once, build_key_init);
  px__buf_printf(&sig, "%s:", build_key);
  for (size_t i = 0; i < x.n; i++) px__buf_printf(&sig, "%s%lld", i ? "," : "", (long long)x.v[i].id);
  if (!sig.ptr && (rc = px__buf_append(&sig, "", 0))) goto out;
  arts = calloc(x.n + 1, sizeof *arts);
  links = calloc(x.n + 1, sizeof *links);
  in = calloc(x.n + 1, sizeof *in);
  if (!arts || !links || !in) {
    rc = PX_ENOMEM;
    goto out;
  }
  for (size_t i = 0; i < x.n; i++) {
    if ((rc = px_store_get(st, x.v[i].id, &arts[i]))) goto out;
    links[i] = (px_compare_link){index_of(&x, x.v[i].dup_of), x.v[i].dup_exact,
                                 x.v[i].wire_share, index_of(&x, x.v[i].wire_source)};
  }
  bool hit = false;
  if ((rc = px__store_cache_get(st, id, "data", sig.ptr, &blob, &hit))) goto out;
  if (hit) {
    if ((rc = load_inputs(st, arts, x.n, NULL, in))) goto out;
    if (px__cmp_load(st->ctx, (const px_article *const *)arts, x.n, blob.ptr, blob.len, in, out) ==
        PX_OK) {
      if (cached) *cached = 1;
      goto out;
    }
    drop_inputs(in, x.n);
  }
  if ((rc = px__textan_new(&ta)) || (rc = load_inputs(st, arts, x.n, ta, in)) ||
      (rc = analyse_missing(st, arts, x.n, in)) || (rc = template_text(st, id, arts, x.n, in)))
    goto out;
  px_compare_opts o;
  px_compare_opts_init(&o);
  o.links = links;
  if ((rc = px__compare_inputs(st->ctx, (const px_article *const *)arts, x.n, &o, in, out)))
    goto out;
  px__buf_clear(&blob);
  if (px__cmp_save(*out, &blob) == PX_OK) px__store_cache_put(st, id, "data", sig.ptr, blob.ptr, blob.len);
out:
  drop_inputs(in, x.n);
  free(in);
  px__textan_free(ta);
  if (arts)
    for (size_t i = 0; i < x.n; i++) px_article_free(arts[i]);
  free(arts);
  free(links);
  free(x.v);
  px__buf_release(&sig);
  px__buf_release(&blob);
  return rc;
}

int px_store_story_report(px_store *st, int64_t id, px_report_format format,
                          const px_report_opts *opts, px_write_fn write, void *user,
                          int *cached) {
  if (!st || !write) return PX_EINVAL;
  px_comparison *cmp = NULL;
  int rc = px_store_story_comparison(st, id, &cmp, cached);
  if (rc) return rc;
  /* rendered whole first, so a failed rendering writes nothing */
  px__buf out;
  px__buf_init(&out, 0);
  rc = px_report_write(cmp, format, opts, to_buf, &out);
  if (rc == PX_OK) rc = write(user, out.ptr ? out.ptr : "", out.len) ? PX_EIO : PX_OK;
  px__buf_release(&out);
  px_comparison_free(cmp);
  return rc;
}
