/* test_story_stored.c - a stored story's comparison reads the analysis
 * ingest stored (analyze/doc_blob.c) and gives what a fresh analysis of the
 * same articles gives: the round trip of one analysis field by field, then
 * whole reports (text and JSON) of the stories of a store built from
 * articles written here, computed, from the cache, with some articles'
 * stored analysis missing or damaged (they are analysed instead), and
 * against px_compare() over the same articles and links. */
#include "px_test.h"

#include "parallax.h"
#include "align/cmp_blob.h"
#include "analyze/doc_blob.h"

#include <sqlite3.h>

/* ------------------------------------------------------ the articles */

typedef struct art_src {
  const char *id, *source, *title, *body;
  int64_t t;
} art_src;

/* One event told by several outlets (quotes, numbers that differ, a wire
 * copy), and a second unrelated event. */
static const art_src k_arts[] = {
    {"h1", "Harbor Post", "Ferry strike ends after nine days",
     "TURKU, Finland (Northern Wire) - The ferry strike that stranded 1,200 passengers ended on "
     "Tuesday after nine days of talks.\n\nAnneli Korhonen, who leads the Seafarers Union, said the "
     "deal raises wages by 4 percent. \"We built this agreement together, and it protects every "
     "crew,\" Korhonen told reporters outside the port office.\n\nThe Baltic Line company said its "
     "first ship would sail from Turku at noon. Mikko Lehtinen, the port director, said traffic "
     "would be normal by Friday.\n\n\"Nobody wanted this to last,\" Lehtinen said.",
     1694710000},
    {"c2", "Coast Daily", "Ferries to sail again as union and Baltic Line agree",
     "The nine-day ferry strike in Finland is over. Union leader Anneli Korhonen said the deal "
     "raises wages by 5 percent and that \"it protects every crew.\"\n\nAbout 1,400 passengers "
     "were stranded during the strike, the company said. The Baltic Line said its first ship would "
     "leave Turku at noon on Wednesday.\n\nPort director Mikko Lehtinen said traffic should be "
     "normal by Friday. \"Nobody wanted this to last,\" he said.\n\nAdvertisement",
     1694713600},
    {"w3", "Valley Times", "Ferry strike ends after nine days",
     "TURKU, Finland (Northern Wire) - The ferry strike that stranded 1,200 passengers ended on "
     "Tuesday after nine days of talks.\n\nAnneli Korhonen, who leads the Seafarers Union, said the "
     "deal raises wages by 4 percent. \"We built this agreement together, and it protects every "
     "crew,\" Korhonen told reporters outside the port office.\n\nThe Baltic Line company said its "
     "first ship would sail from Turku at noon.",
     1694717200},
    {"e4", "Evening Ledger", "Strike over: what the ferry deal means",
     "After nine days, Finland's ferries will sail again. The Seafarers Union and the Baltic Line "
     "agreed on a raise of 4 percent, according to the union.\n\nKorhonen, the union's leader, "
     "called the talks \"hard but fair.\" Critics said the strike cost the region about 30 million "
     "euros.\n\nMikko Lehtinen told the Evening Ledger that the first ship leaves at noon. "
     "\"We are ready,\" Lehtinen said.",
     1694720800},
    {"m5", "Morning Star", "Finnish ferry workers end strike",
     "Finnish ferry workers ended their strike on Tuesday. The Seafarers Union said members "
     "approved a 4 percent raise.\n\n\"This agreement protects every crew,\" said Anneli Korhonen, "
     "the union's president. The strike stranded 1,200 passengers over nine days, said the Baltic "
     "Line.\n\nThe company expects normal traffic by Friday.",
     1694724400},
    {"x6", "Harbor Post", "City council approves new library budget",
     "The city council approved a budget of 12 million dollars for the new central library on "
     "Monday.\n\nMayor Ingrid Solberg said the library would open in 2026. \"Books are still the "
     "heart of a city,\" Solberg said.\n\nCouncil member Tomas Berg voted against the plan, saying "
     "the cost had doubled since March.",
     1694800000},
    {"x7", "Coast Daily", "Library budget passes council vote",
     "The council voted on Monday to fund the central library with 14 million dollars, officials "
     "said.\n\nMayor Ingrid Solberg said the building would open in 2026. \"Books are the heart of "
     "a city,\" the mayor said.\n\nTomas Berg, who voted no, said the cost had doubled.",
     1694803600},
};
#define NARTS (sizeof k_arts / sizeof k_arts[0])

static px_article *make(const art_src *s) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_ID, s->id, strlen(s->id)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, s->source, strlen(s->source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, s->title, strlen(s->title)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, s->body, strlen(s->body)), PX_OK);
  px_article_set_published(a, s->t);
  return a;
}

/* ---------------------------------------------- one analysis, round trip */

static void test_round_trip(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_analyzer *an;
  px_quoter *qt;
  px__textan *ta;
  assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
  assert_int_equal(px_quoter_new(&qt), PX_OK);
  assert_int_equal(px__textan_new(&ta), PX_OK);
  for (size_t k = 0; k < NARTS; k++) {
    px_article *a = make(&k_arts[k]);
    px_doc *doc;
    px_quotes *qs;
    assert_int_equal(px_analyze(an, a, &doc), PX_OK);
    assert_int_equal(px_quotes_extract(qt, doc, &qs), PX_OK);
    px__buf blob, sent;
    px__buf_init(&blob, 0);
    px__buf_init(&sent, 0);
    assert_int_equal(px__doc_blob_save(doc, qs, &blob), PX_OK);
    const px__text *tx = px__doc_text(doc);
    for (size_t i = 0; i < tx->nsent; i++) {
      uint32_t v[2] = {tx->sent[i].start, tx->sent[i].end};
      unsigned char b[8];
      for (int j = 0; j < 8; j++) b[j] = (unsigned char)(v[j / 4] >> (8 * (j % 4)));
      assert_int_equal(px__buf_append(&sent, b, 8), PX_OK);
    }
    px_str body = px_doc_body(doc);
    px_doc *back;
    const px__quotes *bq;
    assert_int_equal(px__doc_blob_load(ta, body.ptr, body.len, sent.ptr, sent.len, blob.ptr,
                                       blob.len, &back, &bq),
                     PX_OK);
    /* the text: the same sentences, tokens, folds, stems and dateline */
    const px__text *ty = px__doc_text(back);
    assert_int_equal(ty->nsent, tx->nsent);
    assert_int_equal(ty->ntok, tx->ntok);
    for (size_t i = 0; i < tx->nsent; i++) {
      assert_int_equal(ty->sent[i].start, tx->sent[i].start);
      assert_int_equal(ty->sent[i].end, tx->sent[i].end);
      assert_int_equal(ty->sent[i].para, tx->sent[i].para);
      assert_int_equal(ty->sent[i].tok_first, tx->sent[i].tok_first);
      assert_int_equal(ty->sent[i].tok_count, tx->sent[i].tok_count);
    }
    for (size_t i = 0; i < tx->ntok; i++) {
      const px__token *x = &tx->tok[i], *y = &ty->tok[i];
      assert_true(x->start == y->start && x->end == y->end && x->kind == y->kind &&
                  x->flags == y->flags && x->sent == y->sent && x->fold == y->fold &&
                  x->stem == y->stem);
    }
    assert_int_equal(ty->dateline.found, tx->dateline.found);
    assert_int_equal(ty->dateline.place_start, tx->dateline.place_start);
    assert_int_equal(ty->dateline.place_end, tx->dateline.place_end);
    assert_int_equal(ty->dateline.agency_start, tx->dateline.agency_start);
    assert_int_equal(ty->dateline.agency_end, tx->dateline.agency_end);
    assert_int_equal(ty->dateline.end, tx->dateline.end);
    /* entities and mentions */
    const px__entities *e = px__doc_entities(doc), *f = px__doc_entities(back);
    assert_int_equal(f->nent, e->nent);
    assert_int_equal(f->nmen, e->nmen);
    for (size_t i = 0; i < e->nent; i++) {
      assert_int_equal(f->ent[i].key_len, e->ent[i].key_len);
      assert_memory_equal(f->ent[i].key, e->ent[i].key, e->ent[i].key_len);
      assert_int_equal(f->ent[i].name_len, e->ent[i].name_len);
      assert_memory_equal(f->ent[i].name, e->ent[i].name, e->ent[i].name_len);
      assert_int_equal(f->ent[i].type, e->ent[i].type);
      assert_int_equal(f->ent[i].first, e->ent[i].first);
      assert_int_equal(f->ent[i].count, e->ent[i].count);
    }
    for (size_t i = 0; i < e->nmen; i++) {
      assert_int_equal(f->men[i].start, e->men[i].start);
      assert_int_equal(f->men[i].end, e->men[i].end);
      assert_int_equal(f->men[i].kind, e->men[i].kind);
      assert_int_equal(f->men[i].entity, e->men[i].entity);
      assert_int_equal(f->men[i].sent, e->men[i].sent);
      assert_int_equal(f->men[i].tok_first, e->men[i].tok_first);
      assert_int_equal(f->men[i].tok_count, e->men[i].tok_count);
      assert_int_equal(f->by_pos[i], e->by_pos[i]);
    }
    /* quotes, every field and span */
    const px__quotes *q = px__quotes_raw(qs);
    assert_int_equal(bq->nq, q->nq);
    assert_int_equal(bq->nspan, q->nspan);
    for (size_t i = 0; i < q->nq; i++) {
      const px__quote *x = &q->q[i], *y = &bq->q[i];
      uint32_t qa[] = {x->start, x->end, x->span_first, x->nspans, x->kind, x->flags, x->cue_start,
                      x->cue_end, x->spk_start, x->spk_end, (uint32_t)x->entity, x->name_start,
                      x->name_end, x->cstart, x->cend};
      uint32_t qb[] = {y->start, y->end, y->span_first, y->nspans, y->kind, y->flags, y->cue_start,
                      y->cue_end, y->spk_start, y->spk_end, (uint32_t)y->entity, y->name_start,
                      y->name_end, y->cstart, y->cend};
      for (size_t j = 0; j < sizeof qa / sizeof qa[0]; j++)
        if (qa[j] != qb[j]) fail_msg("quote %zu field %zu: %u stored, %u made", i, j, qb[j], qa[j]);
    }
    for (size_t i = 0; i < q->nspan; i++)
      assert_memory_equal(&bq->span[i], &q->span[i], sizeof q->span[i]);
    assert_string_equal(px_doc_language(back).ptr, px_doc_language(doc).ptr);
    /* every cut of the bytes is refused, never read past */
    for (size_t cut = 0; cut < blob.len; cut += 1 + blob.len / 64) {
      px_doc *bad = NULL;
      assert_int_equal(px__doc_blob_load(ta, body.ptr, body.len, sent.ptr, sent.len, blob.ptr,
                                         cut, &bad, NULL),
                       PX_EFORMAT);
      assert_null(bad);
    }
    /* another body (a different length) is refused */
    px_doc *other = NULL;
    if (body.len > 1)
      assert_int_equal(px__doc_blob_load(ta, body.ptr, body.len - 1, sent.ptr, sent.len,
                                         blob.ptr, blob.len, &other, NULL),
                       PX_EFORMAT);
    px_doc_free(other);
    px_doc_free(back);
    px__buf_release(&blob);
    px__buf_release(&sent);
    px_quotes_free(qs);
    px_doc_free(doc);
    px_article_free(a);
  }
  px__textan_free(ta);
  px_quoter_free(qt);
  px_analyzer_free(an);
  px_ctx_free(ctx);
}

/* ------------------------------------------------ whole stored stories */

static int to_buf(void *user, const char *p, size_t n) {
  return px__buf_append(user, p, n) != PX_OK;
}

/* Text at width 100 and JSON of one comparison, one after the other. */
static void render(const px_comparison *c, px__buf *out) {
  px_report_opts ro = {0};
  ro.width = 100;
  assert_int_equal(px_report_write(c, PX_REPORT_TEXT, &ro, to_buf, out), PX_OK);
  assert_int_equal(px_report_write(c, PX_REPORT_JSON, NULL, to_buf, out), PX_OK);
}

static void stored(px_store *st, int64_t story, px__buf *out, int *cached) {
  px_comparison *c = NULL;
  assert_int_equal(px_store_story_comparison(st, story, &c, cached), PX_OK);
  render(c, out);
  px_comparison_free(c);
}

typedef struct mem {
  int64_t id[32], dup_of[32], wire_source[32];
  int exact[32];
  double share[32];
  size_t n;
} mem;

static int member_cb(void *user, const px_story_member *m) {
  mem *x = user;
  assert_true(x->n < 32);
  x->id[x->n] = px_article_id(m->art);
  x->dup_of[x->n] = m->dup_of;
  x->exact[x->n] = m->dup_exact;
  x->share[x->n] = m->wire_share;
  x->wire_source[x->n] = m->wire_source;
  x->n++;
  return 0;
}

static long index_of(const mem *x, int64_t id) {
  for (size_t i = 0; id > 0 && i < x->n; i++)
    if (x->id[i] == id) return (long)i;
  return -1;
}

/* The same comparison made from scratch: every article analysed again, its
 * quotes extracted again, with the stored duplicate links, in id order. */
static void fresh(px_ctx *ctx, px_store *st, int64_t story, px__buf *out, size_t *nquotes) {
  mem x = {0};
  assert_int_equal(px_store_story_articles(st, story, member_cb, &x), PX_OK);
  for (size_t i = 0; i < x.n; i++) /* id order, as the store compares them */
    for (size_t j = i + 1; j < x.n; j++)
      if (x.id[j] < x.id[i]) {
        int64_t t[3] = {x.id[i], x.dup_of[i], x.wire_source[i]};
        int e = x.exact[i];
        double s = x.share[i];
        x.id[i] = x.id[j], x.dup_of[i] = x.dup_of[j], x.wire_source[i] = x.wire_source[j];
        x.exact[i] = x.exact[j], x.share[i] = x.share[j];
        x.id[j] = t[0], x.dup_of[j] = t[1], x.wire_source[j] = t[2], x.exact[j] = e, x.share[j] = s;
      }
  px_article *arts[32];
  px_compare_link links[32];
  for (size_t i = 0; i < x.n; i++) {
    assert_int_equal(px_store_get(st, x.id[i], &arts[i]), PX_OK);
    links[i] = (px_compare_link){index_of(&x, x.dup_of[i]), x.exact[i], x.share[i],
                                 index_of(&x, x.wire_source[i])};
  }
  px_compare_opts o;
  px_compare_opts_init(&o);
  o.links = links;
  px_comparison *c = NULL;
  assert_int_equal(px_compare(ctx, (const px_article *const *)arts, x.n, &o, &c), PX_OK);
  render(c, out);
  if (nquotes) *nquotes += px_comparison_count(c, PX_CMP_QUOTES);
  px_comparison_free(c);
  for (size_t i = 0; i < x.n; i++) px_article_free(arts[i]);
}

static void exec_sql(const char *path, const char *sql) {
  sqlite3 *db;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  char *err = NULL;
  int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
  if (rc != SQLITE_OK) fail_msg("%s: %s", sql, err ? err : "?");
  sqlite3_close(db);
}

/* The engine's fingerprint of the one comparison in the store's cache; with
 * set, replaced by *set first. */
static uint64_t cached_engine(const char *path, const uint64_t *set) {
  sqlite3 *db;
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, "SELECT report, count(*) OVER () FROM comparison_cache",
                                      -1, &s, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  assert_int_equal(sqlite3_column_int(s, 1), 1);
  size_t n = (size_t)sqlite3_column_bytes(s, 0);
  assert_true(n > 16);
  unsigned char *blob = malloc(n);
  assert_non_null(blob);
  memcpy(blob, sqlite3_column_blob(s, 0), n);
  sqlite3_finalize(s);
  uint64_t e;
  memcpy(&e, blob + 8, 8);
  if (set) {
    memcpy(blob + 8, set, 8);
    assert_int_equal(sqlite3_prepare_v2(db, "UPDATE comparison_cache SET report = ?1", -1, &s, NULL),
                     SQLITE_OK);
    sqlite3_bind_blob(s, 1, blob, (int)n, SQLITE_TRANSIENT);
    assert_int_equal(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
  }
  free(blob);
  sqlite3_close(db);
  return e;
}

static void assert_same(const px__buf *a, const px__buf *b, const char *what) {
  if (a->len != b->len || memcmp(a->ptr, b->ptr, a->len) != 0)
    fail_msg("%s: the reports differ (%zu and %zu bytes)", what, a->len, b->len);
}

static void test_stored_equals_fresh(void **state) {
  (void)state;
  char path[600];
  snprintf(path, sizeof path, "%s/s.db", px_test_tmpdir());
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_ingest *g;
  assert_int_equal(px_ingest_new(st, NULL, &g), PX_OK);
  for (size_t k = 0; k < NARTS; k++) {
    px_article *a = make(&k_arts[k]);
    assert_int_equal(px_ingest_add(g, a, NULL), PX_OK);
    px_article_free(a);
  }
  assert_int_equal(px_ingest_finish(g), PX_OK);
  px_ingest_free(g);
  px_store_free(st);

  /* the stories of two articles or more */
  int64_t stories[NARTS];
  size_t ns = 0;
  {
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT story FROM story_article GROUP BY story"
                                        " HAVING count(*) >= 2 ORDER BY story",
                                        -1, &s, NULL),
                     SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) stories[ns++] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT count(*) FROM analysis WHERE detail IS NOT NULL",
                                        -1, &s, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), (int)NARTS); /* every article's analysis kept */
    sqlite3_finalize(s);
    sqlite3_close(db);
  }
  assert_true(ns >= 1);

  px__buf want, got;
  px__buf_init(&want, 0);
  px__buf_init(&got, 0);
  size_t nquotes = 0;
  for (size_t k = 0; k < ns; k++) {
    exec_sql(path, "DELETE FROM comparison_cache");
    assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
    px__buf_clear(&want);
    fresh(ctx, st, stories[k], &want, &nquotes);
    /* computed from the stored analysis */
    int cached = -1;
    px__buf_clear(&got);
    stored(st, stories[k], &got, &cached);
    assert_int_equal(cached, 0);
    assert_same(&want, &got, "stored analysis, computed");
    /* from the cache, with the stored sentences */
    px__buf_clear(&got);
    stored(st, stories[k], &got, &cached);
    assert_int_equal(cached, 1);
    assert_same(&want, &got, "stored analysis, cached");
    px_store_free(st);
    /* A comparison cached by an engine with other parameters (another
     * similarity model, threshold or version) is made again, not shown,
     * and the cache then holds this engine's. */
    uint64_t mine = px__cmp_engine(), other = mine ^ 1;
    assert_true(cached_engine(path, NULL) == mine);
    cached_engine(path, &other);
    assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
    px__buf_clear(&got);
    stored(st, stories[k], &got, &cached);
    assert_int_equal(cached, 0);
    assert_same(&want, &got, "cached by another engine, computed again");
    px_store_free(st);
    assert_true(cached_engine(path, NULL) == mine);
  }
  assert_true(nquotes >= 2); /* the articles do exercise the quotes */

  /* Rows of an older schema (no detail) and damaged rows: those articles
   * are analysed instead, and nothing changes. */
  exec_sql(path, "UPDATE analysis SET detail = NULL WHERE article % 2 = 0;"
                 "UPDATE analysis SET detail = substr(detail, 1, 9) WHERE article = 3;"
                 "UPDATE analysis SET sentences = x'0500000001000000' WHERE article = 5;"
                 "DELETE FROM comparison_cache");
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  for (size_t k = 0; k < ns; k++) {
    px__buf_clear(&want);
    fresh(ctx, st, stories[k], &want, NULL);
    int cached = -1;
    px__buf_clear(&got);
    stored(st, stories[k], &got, &cached);
    assert_int_equal(cached, 0);
    assert_same(&want, &got, "some analyses missing or damaged, computed");
    px__buf_clear(&got);
    stored(st, stories[k], &got, &cached);
    assert_int_equal(cached, 1);
    assert_same(&want, &got, "some analyses missing or damaged, cached");
  }
  px_store_free(st);

  /* The comparison reads the store: stored analyses without quotes give a
   * comparison without quotes, though the texts hold some. */
  {
    px_analyzer *an;
    assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
    sqlite3 *db;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "UPDATE analysis SET detail=?2, sentences=?3 WHERE article=?1", -1,
                                        &s, NULL),
                     SQLITE_OK);
    for (size_t k = 0; k < NARTS; k++) {
      px_article *a = make(&k_arts[k]);
      px_doc *doc;
      assert_int_equal(px_analyze(an, a, &doc), PX_OK);
      px__buf b;
      px__buf_init(&b, 0);
      assert_int_equal(px__doc_blob_save(doc, NULL, &b), PX_OK);
      px__buf sb;
      px__buf_init(&sb, 0);
      for (size_t i = 0; i < px_doc_sentence_count(doc); i++) {
        size_t x0, x1;
        assert_int_equal(px_doc_sentence(doc, i, &x0, &x1), PX_OK);
        uint32_t v[2] = {(uint32_t)x0, (uint32_t)x1};
        unsigned char le[8];
        for (int j = 0; j < 8; j++) le[j] = (unsigned char)(v[j / 4] >> (8 * (j % 4)));
        assert_int_equal(px__buf_append(&sb, le, 8), PX_OK);
      }
      sqlite3_bind_int64(s, 1, (sqlite3_int64)k + 1);
      sqlite3_bind_blob(s, 2, b.ptr, (int)b.len, SQLITE_TRANSIENT);
      sqlite3_bind_blob(s, 3, sb.ptr ? sb.ptr : "", (int)sb.len, SQLITE_TRANSIENT);
      px__buf_release(&sb);
      assert_int_equal(sqlite3_step(s), SQLITE_DONE);
      sqlite3_reset(s);
      px__buf_release(&b);
      px_doc_free(doc);
      px_article_free(a);
    }
    sqlite3_finalize(s);
    assert_int_equal(sqlite3_exec(db, "DELETE FROM comparison_cache", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    px_analyzer_free(an);
    assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
    size_t quotes = 0;
    for (size_t k = 0; k < ns; k++) {
      px_comparison *c = NULL;
      assert_int_equal(px_store_story_comparison(st, stories[k], &c, NULL), PX_OK);
      quotes += px_comparison_count(c, PX_CMP_QUOTES);
      px_comparison_free(c);
    }
    assert_int_equal(quotes, 0);
    px_store_free(st);
  }
  px__buf_release(&want);
  px__buf_release(&got);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip),
      cmocka_unit_test(test_stored_equals_fresh),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
