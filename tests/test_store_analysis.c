/* test_store_analysis.c - analysis kept in the store: quotes found by any
 * spelling of the speaker, entity counters, re-analysis replacing rows. */
#include "px_test.h"

#include "parallax.h"

#include <sqlite3.h>

static px_article *make(const char *id, const char *source, const char *body, int64_t t) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_ID, id, strlen(id)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, source, strlen(source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  px_article_set_published(a, t);
  return a;
}

typedef struct got {
  int n;
  char speakers[512];
  char texts[1024];
} got;

static int quote_cb(void *user, const px_stored_quote *q) {
  got *g = user;
  g->n++;
  strncat(g->speakers, q->speaker_key.ptr, sizeof(g->speakers) - strlen(g->speakers) - 2);
  strcat(g->speakers, "|");
  strncat(g->texts, q->text.ptr, sizeof(g->texts) - strlen(g->texts) - 2);
  strcat(g->texts, "|");
  return 0;
}

typedef struct ents {
  int n;
  int64_t kim_articles, kim_outlets;
} ents;

static int entity_cb(void *user, const px_stored_entity *e) {
  ents *x = user;
  x->n++;
  if (e->key.len == 11 && memcmp(e->key.ptr, "kim jong un", 11) == 0) {
    x->kim_articles = e->articles;
    x->kim_outlets = e->outlets;
  }
  return 0;
}

static int hits_cb(void *user, const px_search_hit *h) {
  (void)h;
  (*(int64_t *)user)++;
  return 0;
}

/* Store a and its analysis once; its store id. */
static int64_t add_once(px_store *st, px_analyzer *an, px_quoter *qt, px_article *a) {
  int64_t id;
  assert_int_equal(px_store_add(st, a, &id), PX_OK);
  px_doc *doc;
  px_quotes *qs;
  assert_int_equal(px_analyze(an, a, &doc), PX_OK);
  assert_int_equal(px_quotes_extract(qt, doc, &qs), PX_OK);
  assert_int_equal(px_store_add_analysis(st, id, doc, qs), PX_OK);
  px_quotes_free(qs);
  px_doc_free(doc);
  return id;
}

static void add(px_store *st, px_analyzer *an, px_quoter *qt, px_article *a) {
  int64_t id = add_once(st, an, qt, a);
  assert_int_equal(px_store_has_analysis(st, id), 1);
  /* Analyzing again replaces, it does not add. */
  px_doc *doc;
  px_quotes *qs;
  assert_int_equal(px_analyze(an, a, &doc), PX_OK);
  assert_int_equal(px_quotes_extract(qt, doc, &qs), PX_OK);
  assert_int_equal(px_store_add_analysis(st, id, doc, qs), PX_OK);
  px_quotes_free(qs);
  px_doc_free(doc);
}

static void assert_consistent(const char *path);

static void test_quotes_and_entities(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char path[600];
  snprintf(path, sizeof(path), "%s/a.db", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_analyzer *an;
  px_quoter *qt;
  assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
  assert_int_equal(px_quoter_new(&qt), PX_OK);
  px_article *a = make("a", "Northern Wire",
                       "North Korean leader Kim Jong Un met President Vladimir Putin at the "
                       "cosmodrome on Wednesday.\n\n\"We will always be with Russia,\" Kim said.",
                       1694592900);
  px_article *b = make("b", "The Daily Ledger",
                       "Kim Jong-un toured the launch site with Vladimir Putin.\n\n"
                       "\"I will always be standing with Russia,\" Kim Jong-un told his host.",
                       1694610300);
  px_article *c = make("c", "Harbor Post",
                       "Prime Minister Anneli Korhonen opened the bridge.\n\n"
                       "\"This bridge joins two cities,\" Korhonen said.",
                       1694700000);
  assert_int_equal(px_store_begin(st), PX_OK);
  add(st, an, qt, a);
  add(st, an, qt, b);
  add(st, an, qt, c);
  assert_int_equal(px_store_commit(st), PX_OK);

  got g = {0};
  px_quote_filter f = {0};
  f.speaker = "Kim Jong-un";
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 2);
  assert_non_null(strstr(g.texts, "We will always be with Russia"));
  assert_non_null(strstr(g.texts, "I will always be standing with Russia"));
  assert_null(strstr(g.texts, "bridge"));

  memset(&g, 0, sizeof(g));
  f.speaker = "Korhonen";
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 1);
  /* the speaker prefilter matches letters in any case: the full name in
   * capitals, and a first name spelled otherwise beside the stored surname */
  memset(&g, 0, sizeof(g));
  f.speaker = "ANNELI KORHONEN";
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 1);
  memset(&g, 0, sizeof(g));
  f.speaker = "Kim JONG-UN";
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 2);
  memset(&g, 0, sizeof(g));
  f.speaker = "Nobody Atall";
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 0);
  memset(&g, 0, sizeof(g));
  f.speaker = NULL;
  f.source = "Harbor Post";
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 1);

  ents x = {0};
  px_article_filter af = {0};
  assert_int_equal(px_store_entities(st, &af, entity_cb, &x), PX_OK);
  assert_true(x.n >= 3);
  assert_int_equal(x.kim_articles, 2);
  assert_int_equal(x.kim_outlets, 2);
  memset(&x, 0, sizeof(x));
  af.has_since = 1;
  af.since = 1694600000; /* only b and c */
  assert_int_equal(px_store_entities(st, &af, entity_cb, &x), PX_OK);
  assert_int_equal(x.kim_articles, 1);
  px_store_counts k;
  assert_int_equal(px_store_counts_get(st, &k), PX_OK);
  assert_int_equal(k.quotes >= 3, 1);

  px_article_free(a);
  px_article_free(b);
  px_article_free(c);
  px_quoter_free(qt);
  px_analyzer_free(an);
  px_store_free(st);
  assert_consistent(path);
  px_ctx_free(ctx);
}

static int64_t scalar(sqlite3 *db, const char *sql) {
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
  int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  return v;
}

/* The counters the writer keeps agree with a recount from the rows, and
 * every article is in the search index exactly once. */
static void assert_consistent(const char *path) {
  sqlite3 *db;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(scalar(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  assert_int_equal(scalar(db, "SELECT count(*) FROM analysis WHERE article NOT IN (SELECT id FROM article)"), 0);
  assert_int_equal(scalar(db, "SELECT count(*) FROM entity e WHERE"
                              " articles <> (SELECT count(*) FROM article_entity WHERE entity = e.id)"
                              " OR mentions <> (SELECT total(mentions) FROM article_entity WHERE entity = e.id)"
                              " OR outlets <> (SELECT count(DISTINCT a.source) FROM article_entity ae"
                              "   JOIN article a ON a.id = ae.article WHERE ae.entity = e.id)"),
                   0);
  assert_int_equal(scalar(db, "SELECT count(*) FROM (SELECT ae.entity, a.source, count(*) AS n"
                              " FROM article_entity ae JOIN article a ON a.id = ae.article"
                              " GROUP BY 1, 2) x FULL JOIN entity_outlet o"
                              " ON o.entity = x.entity AND o.source = x.source"
                              " WHERE o.articles IS NOT x.n"),
                   0);
  assert_int_equal(scalar(db, "SELECT count(*) FROM speaker"),
                   scalar(db, "SELECT count(DISTINCT speaker_key) FROM quote WHERE speaker_key <> ''"));
  assert_int_equal(scalar(db, "SELECT count(*) FROM article_fts_docsize"),
                   scalar(db, "SELECT count(*) FROM article"));
  assert_int_equal(scalar(db, "SELECT count(*) FROM article WHERE id NOT IN"
                              " (SELECT rowid FROM article_fts_docsize)"),
                   0);
  assert_int_equal(scalar(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'body_bytes'"),
                   scalar(db, "SELECT total(length(CAST(body AS BLOB))) FROM article"));
  assert_int_equal(sqlite3_exec(db, "INSERT INTO article_fts(article_fts) VALUES('integrity-check')",
                                NULL, NULL, NULL),
                   SQLITE_OK);
  sqlite3_close(db);
}

static int64_t search_count(px_store *st, const char *q) {
  int64_t n = 0;
  px_article_filter f = {0};
  f.limit = 100;
  assert_int_equal(px_store_search(st, q, &f, hits_cb, &n), PX_OK);
  return n;
}

/* A rolled-back batch leaves no trace in the caches: an entity created in
 * it is created again, and the counters stay right. */
static void test_rollback_and_counters(void **state) {
  (void)state;
  char path[600];
  snprintf(path, sizeof(path), "%s/rb.db", px_test_tmpdir());
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_analyzer *an;
  px_quoter *qt;
  assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
  assert_int_equal(px_quoter_new(&qt), PX_OK);
  px_article *a = make("a", "Northern Wire",
                       "Prime Minister Anneli Korhonen opened the bridge in Turku.\n\n"
                       "\"This bridge joins two cities,\" Korhonen said.",
                       1694700000);
  px_article *b = make("b", "Harbor Post",
                       "Anneli Korhonen spoke in Turku.\n\n\"We built it together,\" Korhonen said.",
                       1694710000);
  assert_int_equal(px_store_begin(st), PX_OK);
  add(st, an, qt, a);
  assert_int_equal(px_store_rollback(st), PX_OK);
  assert_int_equal(px_store_begin(st), PX_OK);
  add(st, an, qt, a);
  add(st, an, qt, b);
  assert_int_equal(px_store_commit(st), PX_OK);
  assert_int_equal(search_count(st, "bridge"), 1);
  assert_int_equal(search_count(st, "korhonen"), 2);
  /* An analysis for an article that is not stored is refused, in a batch
   * (where foreign keys are not checked row by row) and outside one. */
  {
    px_doc *doc;
    assert_int_equal(px_analyze(an, a, &doc), PX_OK);
    assert_int_equal(px_store_begin(st), PX_OK);
    assert_int_not_equal(px_store_add_analysis(st, 424242, doc, NULL), PX_OK);
    assert_int_equal(px_store_commit(st), PX_OK);
    assert_int_not_equal(px_store_add_analysis(st, 424242, doc, NULL), PX_OK);
    px_doc_free(doc);
  }
  /* Outside a batch: each call is its own transaction. */
  px_article *c = make("c", "Meridian", "Korhonen visited Turku again.", 1694720000);
  add(st, an, qt, c);
  assert_int_equal(search_count(st, "visited"), 1);
  px_store_free(st);
  assert_consistent(path);
  px_article_free(a);
  px_article_free(b);
  px_article_free(c);
  px_quoter_free(qt);
  px_analyzer_free(an);
  px_ctx_free(ctx);
}

/* Two writers on one store: entities the other one added are found, not
 * created twice (the writer's cache of entity ids, which holds every
 * entity of a store it filled alone, no longer does then). */
static void test_two_writers(void **state) {
  (void)state;
  char path[600];
  snprintf(path, sizeof(path), "%s/two.db", px_test_tmpdir());
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st1, *st2;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st1), PX_OK);
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st2), PX_OK);
  px_analyzer *an;
  px_quoter *qt;
  assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
  assert_int_equal(px_quoter_new(&qt), PX_OK);
  px_article *a = make("a", "Northern Wire",
                       "Prime Minister Anneli Korhonen opened the bridge in Turku.\n\n"
                       "\"This bridge joins two cities,\" Korhonen said.",
                       1694700000);
  px_article *b = make("b", "Harbor Post",
                       "Mayor Mikael Lindqvist welcomed the ferry in Vaasa.\n\n"
                       "\"It runs every day,\" Lindqvist said.",
                       1694710000);
  px_article *c = make("c", "Meridian",
                       "Mayor Mikael Lindqvist met Prime Minister Anneli Korhonen in Vaasa.\n\n"
                       "\"We agreed on the ferry,\" Lindqvist said.",
                       1694720000);
  assert_int_equal(px_store_begin(st1), PX_OK);
  add(st1, an, qt, a);
  assert_int_equal(px_store_commit(st1), PX_OK);
  add(st2, an, qt, b); /* its own transaction */
  assert_int_equal(px_store_begin(st1), PX_OK);
  add(st1, an, qt, c);
  assert_int_equal(px_store_commit(st1), PX_OK);
  px_store_free(st1);
  px_store_free(st2);
  sqlite3 *db;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(scalar(db, "SELECT count(*) FROM entity WHERE name LIKE '%Lindqvist%'"), 1);
  assert_int_equal(scalar(db, "SELECT articles FROM entity WHERE name LIKE '%Lindqvist%'"), 2);
  sqlite3_close(db);
  assert_consistent(path);
  px_article_free(a);
  px_article_free(b);
  px_article_free(c);
  px_quoter_free(qt);
  px_analyzer_free(an);
  px_ctx_free(ctx);
}

/* A version 7 database (counters, search index and speakers kept by insert
 * triggers) is migrated: the triggers go, the writer keeps them instead. */
static void test_migrates_v7(void **state) {
  (void)state;
  char path[600];
  snprintf(path, sizeof(path), "%s/v7.db", px_test_tmpdir());
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_store_free(st);
  /* Back to version 7: its insert triggers, as migrations 1, 5 and 6 made
   * them, and no body size in meta. */
  sqlite3 *db;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(
      sqlite3_exec(
          db,
          "DROP TABLE speaker_fts;"
          "DROP INDEX story_thread; ALTER TABLE story DROP COLUMN thread;"
          "ALTER TABLE story DROP COLUMN central; ALTER TABLE story DROP COLUMN sig;"
          "DROP INDEX article_extid; ALTER TABLE article DROP COLUMN meta;"
          "ALTER TABLE analysis DROP COLUMN detail;"
          "DROP TRIGGER article_bytes_del; DROP TRIGGER article_bytes_upd;"
          "DELETE FROM meta WHERE key = 'body_bytes';"
          "CREATE TRIGGER article_fts_ins AFTER INSERT ON article BEGIN"
          "  INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
          "END;"
          "CREATE TRIGGER article_entity_ins AFTER INSERT ON article_entity BEGIN"
          "  UPDATE entity SET articles = articles + 1, mentions = mentions + new.mentions,"
          "    outlets = outlets + NOT EXISTS (SELECT 1 FROM entity_outlet WHERE entity = new.entity"
          "      AND source = (SELECT source FROM article WHERE id = new.article))"
          "  WHERE id = new.entity;"
          "  INSERT INTO entity_outlet(entity, source, articles)"
          "  SELECT new.entity, source, 1 FROM article WHERE id = new.article"
          "  ON CONFLICT(entity, source) DO UPDATE SET articles = articles + 1;"
          "END;"
          "CREATE TRIGGER quote_speaker_ins AFTER INSERT ON quote WHEN new.speaker_key <> '' BEGIN"
          "  INSERT OR IGNORE INTO speaker(key, name) VALUES (new.speaker_key, new.speaker_name);"
          "END;"
          "INSERT INTO article(source, title, body, content_hash)"
          "  VALUES('Harbor Post', 'Ferry strike ends', 'Ferries sail again after the strike.', 1);"
          "INSERT INTO entity(key, name, type) VALUES('anneli korhonen', 'Anneli Korhonen', 'person');"
          "INSERT INTO article_entity VALUES(1, 1, 'Anneli Korhonen', 2, 0, 5);"
          "INSERT INTO quote(article, start, end, kind, text, speaker_name, speaker_key)"
          "  VALUES(1, 0, 5, 'direct', 'Ferries', 'Anneli Korhonen', 'anneli korhonen');"
          "PRAGMA user_version=7;",
          NULL, NULL, NULL),
      SQLITE_OK);
  sqlite3_close(db);
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_store_counts k;
  assert_int_equal(px_store_counts_get(st, &k), PX_OK);
  assert_true(k.schema_version >= 8); /* 8 or any later step */
  assert_int_equal(search_count(st, "ferries"), 1);
  px_analyzer *an;
  px_quoter *qt;
  assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
  assert_int_equal(px_quoter_new(&qt), PX_OK);
  px_article *b = make("b", "Northern Wire",
                       "Anneli Korhonen spoke in Turku.\n\n\"We built it together,\" Korhonen said.",
                       1694710000);
  assert_int_equal(px_store_begin(st), PX_OK);
  add(st, an, qt, b);
  assert_int_equal(px_store_commit(st), PX_OK);
  assert_int_equal(search_count(st, "turku"), 1);
  /* the speaker stored before the migration is found by name, as is the
   * one stored after it */
  got g = {0};
  px_quote_filter f = {0};
  f.speaker = "Anneli Korhonen";
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 2);
  assert_non_null(strstr(g.texts, "Ferries"));
  px_store_free(st);
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                              " AND name IN ('article_fts_ins', 'article_entity_ins', 'quote_speaker_ins')"),
                   0);
  assert_int_equal(scalar(db, "SELECT outlets FROM entity WHERE key = 'anneli korhonen'"), 2);
  sqlite3_close(db);
  assert_consistent(path);
  px_article_free(b);
  px_quoter_free(qt);
  px_analyzer_free(an);
  px_ctx_free(ctx);
}

/* An article with more quotes and entities than one statement of rows
 * takes: every quote stored once (listed by position), and every entity key once,
 * with the first mention of the entity listed first. */
static void test_many_rows(void **state) {
  (void)state;
  static const char *first[] = {"Mara", "Tobin", "Lisette", "Orrin", "Pella", "Dorian", "Wren"};
  static const char *last[] = {"Quillfeather", "Ashgrove", "Brantley", "Corvane", "Dunmore",
                               "Elkridge"};
  char body[16384] = "";
  for (int i = 0; i < 42; i++) {
    char line[256];
    snprintf(line, sizeof(line),
             "\"The plan number %d will work for the valley,\" said %s %s on Tuesday. ", i,
             first[i % 7], last[i / 7]);
    strcat(body, line);
  }
  strcat(body, "Mara Quillfeather spoke again later.");
  const char *dir = px_test_tmpdir();
  char path[512];
  snprintf(path, sizeof(path), "%s/rows.db", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_analyzer *an;
  px_quoter *qt;
  assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
  assert_int_equal(px_quoter_new(&qt), PX_OK);
  px_article *a = make("rows-1", "valley-news", body, 1700000000);
  int64_t id;
  assert_int_equal(px_store_add(st, a, &id), PX_OK);
  px_doc *doc;
  px_quotes *qs;
  assert_int_equal(px_analyze(an, a, &doc), PX_OK);
  assert_int_equal(px_quotes_extract(qt, doc, &qs), PX_OK);
  assert_int_equal(px_store_add_analysis(st, id, doc, qs), PX_OK);
  assert_int_equal(px_store_add_analysis(st, id, doc, qs), PX_OK); /* replaces */
  px_store_free(st);

  sqlite3 *db;
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  size_t nq = px_quotes_count(qs);
  assert_true(nq > 16 + 8 + 4 + 2);
  assert_int_equal(sqlite3_prepare_v2(db, "SELECT start, end, text FROM quote ORDER BY article, start", -1, &s,
                                      NULL),
                   SQLITE_OK);
  for (size_t i = 0; i < nq; i++) {
    px_quote q;
    assert_int_equal(px_quotes_get(qs, i, &q), PX_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(s, 0), (int64_t)q.start);
    assert_int_equal(sqlite3_column_int64(s, 1), (int64_t)q.end);
    assert_int_equal((size_t)sqlite3_column_bytes(s, 2), q.text.len);
    assert_memory_equal(sqlite3_column_text(s, 2), q.text.ptr, q.text.len);
  }
  assert_int_equal(sqlite3_step(s), SQLITE_DONE);
  sqlite3_finalize(s);

  size_t ne = px_doc_entity_count(doc), keys = 0;
  assert_int_equal(sqlite3_prepare_v2(db,
                                      "SELECT ae.mentions, ae.first_start FROM article_entity ae"
                                      " JOIN entity e ON e.id = ae.entity WHERE e.key = ?1",
                                      -1, &s, NULL),
                   SQLITE_OK);
  for (size_t i = 0; i < ne; i++) {
    px_str name, key, key2, name2;
    px_entity_type type;
    size_t nm = 0, a0 = 0, b0 = 0, nm2 = 0;
    assert_int_equal(px_doc_entity(doc, i, &name, &key, &type, &nm), PX_OK);
    if (!key.len) continue;
    size_t k = 0;
    while (k < i && !(px_doc_entity(doc, k, &name2, &key2, &type, &nm2) == PX_OK &&
                      key2.len == key.len && memcmp(key2.ptr, key.ptr, key.len) == 0))
      k++;
    if (k < i) continue; /* listed before: the first listing is stored */
    keys++;
    px_doc_mention(doc, i, 0, &a0, &b0, NULL);
    sqlite3_bind_text(s, 1, key.ptr, (int)key.len, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int64(s, 0), (int64_t)nm);
    assert_int_equal(sqlite3_column_int64(s, 1), (int64_t)a0);
    assert_int_equal(sqlite3_step(s), SQLITE_DONE);
    sqlite3_reset(s);
  }
  sqlite3_finalize(s);
  assert_true(keys > 16 + 8 + 4);
  assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM article_entity", -1, &s, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  assert_int_equal(sqlite3_column_int64(s, 0), (int64_t)keys);
  sqlite3_finalize(s);
  sqlite3_close(db);
  px_quotes_free(qs);
  px_doc_free(doc);
  px_article_free(a);
  px_quoter_free(qt);
  px_analyzer_free(an);
  px_ctx_free(ctx);
}

/* The quote and entity mention rows of an open batch are written at its
 * commit, sorted by speaker and entity: a read in the batch sees them
 * already, a rollback drops them, and the commit stores each once. */
static void test_rows_in_open_batch(void **state) {
  (void)state;
  char path[600];
  snprintf(path, sizeof(path), "%s/open.db", px_test_tmpdir());
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_WRITE, &st), PX_OK);
  px_analyzer *an;
  px_quoter *qt;
  assert_int_equal(px_analyzer_new(ctx, &an), PX_OK);
  assert_int_equal(px_quoter_new(&qt), PX_OK);
  px_article *a = make("a", "Northern Wire",
                       "\"The ferry runs again on Monday,\" said Ilse Varga, the harbourmaster.\n\n"
                       "\"Nobody was hurt,\" said Mayor Tomas Brenner.",
                       1694700000);
  px_article *b = make("b", "Harbor Post",
                       "\"We expect the ferry back on Monday,\" Ilse Varga said.", 1694710000);
  px_quote_filter f = {0};
  got g = {0};
  ents e = {0};
  assert_int_equal(px_store_begin(st), PX_OK);
  add(st, an, qt, a);
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 2);
  assert_int_equal(px_store_entities(st, NULL, entity_cb, &e), PX_OK);
  assert_true(e.n >= 2);
  assert_int_equal(px_store_rollback(st), PX_OK);
  memset(&g, 0, sizeof g);
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 0);

  assert_int_equal(px_store_begin(st), PX_OK);
  (void)add_once(st, an, qt, a);
  (void)add_once(st, an, qt, b);
  assert_int_equal(px_store_commit(st), PX_OK);
  f.speaker = "Ilse Varga";
  memset(&g, 0, sizeof g);
  assert_int_equal(px_store_quotes(st, &f, quote_cb, &g), PX_OK);
  assert_int_equal(g.n, 2);
  assert_string_equal(g.texts, "The ferry runs again on Monday|We expect the ferry back on Monday|");
  px_store_free(st);
  assert_consistent(path);

  /* Each row once, and in speaker order by id within the batch. */
  sqlite3 *db;
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db, "SELECT speaker_key FROM quote ORDER BY id", -1, &s, NULL),
                   SQLITE_OK);
  char keys[256] = "";
  while (sqlite3_step(s) == SQLITE_ROW) {
    strncat(keys, (const char *)sqlite3_column_text(s, 0), sizeof(keys) - strlen(keys) - 2);
    strcat(keys, "|");
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  assert_string_equal(keys, "ilse varga|ilse varga|tomas brenner|");
  px_article_free(a);
  px_article_free(b);
  px_quoter_free(qt);
  px_analyzer_free(an);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_quotes_and_entities),
                                     cmocka_unit_test(test_rollback_and_counters),
                                     cmocka_unit_test(test_two_writers),
                                     cmocka_unit_test(test_migrates_v7),
                                     cmocka_unit_test(test_many_rows),
                                     cmocka_unit_test(test_rows_in_open_batch)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
