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

static void drop_inputs(px__cinput *in, size_t n) {
  for (size_t i = 0; in && i < n; i++) {
    px_doc_free(in[i].doc);
    in[i] = (px__cinput){0};
  }
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
  if ((rc = px__textan_new(&ta)) || (rc = load_inputs(st, arts, x.n, ta, in))) goto out;
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
