/* test_store.c - the SQLite store: adding, de-duplicating, listing, and
 * refusing files it must not touch. */
#include "px_test.h"

#include "parallax.h"
#include "store/store.h"

#include <sqlite3.h>

static px_article *make(const char *id, const char *source, const char *url, const char *body,
                        int64_t t) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_ID, id, strlen(id)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, source, strlen(source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_URL, url, strlen(url)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, "A title", 7), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  if (t) px_article_set_published(a, t);
  return a;
}

static int count_cb(void *user, const px_article *a) {
  (void)a;
  (*(int *)user)++;
  return 0;
}

static void test_add_dedup_list(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char db[600];
  snprintf(db, sizeof(db), "%s/p.db", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, db, PX_OPEN_WRITE, &st), PX_OK);
  px_article *a = make("1", "Northern Wire", "https://nw.example/1", "Leaders met.", 1694563200);
  px_article *same_id = make("1", "Northern Wire", "", "Different text.", 0);
  px_article *same_url = make("9", "Other", "https://nw.example/1", "Other text.", 0);
  px_article *b = make("2", "Harbor Post", "https://hp.example/2", "Quake struck.", 1694649600);
  px_article *same_text = make("7", "Copy Desk", "https://cd.example/7", "Leaders met.", 0);
  assert_int_equal(px_article_content_hash(same_text), px_article_content_hash(a));
  assert_int_not_equal(px_article_content_hash(b), px_article_content_hash(a));
  int64_t id1 = 0, id2 = 0, dup = 0;
  assert_int_equal(px_store_begin(st), PX_OK);
  assert_int_equal(px_store_add(st, a, &id1), PX_OK);
  assert_int_equal(px_store_add(st, same_id, &dup), PX_EDUPLICATE);
  assert_int_equal(dup, id1);
  assert_int_equal(px_store_add(st, same_url, &dup), PX_EDUPLICATE);
  assert_int_equal(dup, id1);
  assert_int_equal(px_store_add(st, same_text, &dup), PX_EDUPLICATE);
  assert_int_equal(dup, id1);
  assert_int_equal(px_store_add(st, b, &id2), PX_OK);
  assert_int_equal(px_store_commit(st), PX_OK);
  assert_true(id2 > id1);

  px_article *got;
  assert_int_equal(px_store_get(st, id2, &got), PX_OK);
  assert_string_equal(px_article_get(got, PX_F_BODY).ptr, "Quake struck.");
  assert_string_equal(px_article_get(got, PX_F_SOURCE).ptr, "Harbor Post");
  assert_int_equal(px_article_published(got, NULL), 1694649600);
  px_article_free(got);
  assert_int_equal(px_store_get(st, 999, &got), PX_ENOTFOUND);

  int n = 0;
  px_article_filter f = {0};
  assert_int_equal(px_store_list(st, &f, count_cb, &n), PX_OK);
  assert_int_equal(n, 2);
  n = 0;
  f.source = "Harbor Post";
  assert_int_equal(px_store_list(st, &f, count_cb, &n), PX_OK);
  assert_int_equal(n, 1);
  n = 0;
  f.source = NULL;
  f.has_since = 1;
  f.since = 1694600000;
  assert_int_equal(px_store_list(st, &f, count_cb, &n), PX_OK);
  assert_int_equal(n, 1);
  px_store_counts c;
  assert_int_equal(px_store_counts_get(st, &c), PX_OK);
  assert_int_equal(c.articles, 2);
  assert_int_equal(c.sources, 2);
  px_store_free(st);

  /* A rolled-back batch leaves nothing behind; reopening keeps what was committed. */
  assert_int_equal(px_store_open(ctx, db, PX_OPEN_WRITE, &st), PX_OK);
  px_article *c3 = make("3", "Meridian", "", "Rolled back.", 0);
  assert_int_equal(px_store_begin(st), PX_OK);
  assert_int_equal(px_store_add(st, c3, NULL), PX_OK);
  assert_int_equal(px_store_rollback(st), PX_OK);
  assert_int_equal(px_store_counts_get(st, &c), PX_OK);
  assert_int_equal(c.articles, 2);
  px_store_free(st);

  px_article_free(a);
  px_article_free(same_id);
  px_article_free(same_url);
  px_article_free(b);
  px_article_free(c3);
  px_article_free(same_text);
  px_ctx_free(ctx);
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)len + 1);
  assert_int_equal(fread(p, 1, (size_t)len, f), (size_t)len);
  fclose(f);
  *n = (size_t)len;
  return p;
}

static void test_refuses_foreign_files(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st = NULL;

  /* A text file. */
  char *txt = px_test_write_str(dir, "notes.txt", "These are my notes, not a database.\n");
  assert_int_equal(px_store_open(ctx, txt, PX_OPEN_WRITE, &st), PX_ENOTPARALLAX);
  assert_null(st);
  size_t n;
  char *after = slurp(txt, &n);
  assert_int_equal(n, 36);
  assert_memory_equal(after, "These are my notes, not a database.\n", n);
  free(after);

  /* Another application's SQLite database. */
  char other[600];
  snprintf(other, sizeof(other), "%s/other.db", dir);
  sqlite3 *db;
  assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", 0, 0, 0), SQLITE_OK);
  sqlite3_close(db);
  size_t n0;
  char *before = slurp(other, &n0);
  assert_int_equal(px_store_open(ctx, other, PX_OPEN_WRITE, &st), PX_ENOTPARALLAX);
  assert_non_null(strstr(px_ctx_error(ctx), "not a parallax database"));
  after = slurp(other, &n);
  assert_int_equal(n, n0);
  assert_memory_equal(after, before, n);
  free(before);
  free(after);

  /* A parallax database from a newer version. */
  char newer[600];
  snprintf(newer, sizeof(newer), "%s/newer.db", dir);
  assert_int_equal(px_store_open(ctx, newer, PX_OPEN_WRITE, &st), PX_OK);
  px_store_free(st);
  assert_int_equal(sqlite3_open(newer, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "PRAGMA user_version=999", 0, 0, 0), SQLITE_OK);
  sqlite3_close(db);
  st = NULL;
  assert_int_equal(px_store_open(ctx, newer, PX_OPEN_WRITE, &st), PX_EDBVERSION);
  assert_non_null(strstr(px_ctx_error(ctx), "newer"));

  /* Reading a database that does not exist does not create it. */
  char missing[600];
  snprintf(missing, sizeof(missing), "%s/missing.db", dir);
  assert_int_equal(px_store_open(ctx, missing, PX_OPEN_READ, &st), PX_ENOTFOUND);
  assert_int_not_equal(access(missing, F_OK), 0);
  free(txt);
  px_ctx_free(ctx);
}

static int hit_cb(void *user, const px_search_hit *h) {
  *(int64_t *)user = h->id;
  return 0;
}

/* A database as the first schema version wrote it is migrated on open, and
 * what it held stays (and becomes searchable). */
static void test_migrates_old_schema(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char path[600];
  snprintf(path, sizeof(path), "%s/v1.db", dir);
  sqlite3 *db;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(
      sqlite3_exec(db,
                   "CREATE TABLE article(id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL DEFAULT '',"
                   " source TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',"
                   " title TEXT NOT NULL DEFAULT '', byline TEXT NOT NULL DEFAULT '',"
                   " language TEXT NOT NULL DEFAULT '', published INTEGER, body TEXT NOT NULL,"
                   " content_hash INTEGER NOT NULL, origin TEXT NOT NULL DEFAULT '',"
                   " ingested INTEGER NOT NULL DEFAULT 0);"
                   "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
                   "INSERT INTO article(source, title, body, content_hash)"
                   " VALUES('Harbor Post', 'Ferry strike ends', 'Ferries sail again after the strike.', 1);"
                   "PRAGMA application_id=1347570776; PRAGMA user_version=1;",
                   0, 0, 0),
      SQLITE_OK);
  sqlite3_close(db);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, path, PX_OPEN_READ, &st), PX_OK);
  px_store_counts c;
  assert_int_equal(px_store_counts_get(st, &c), PX_OK);
  assert_int_equal(c.articles, 1);
  assert_true(c.schema_version > 1);
  int64_t found = 0;
  assert_int_equal(px_store_search(st, "ferries", NULL, hit_cb, &found), PX_OK);
  assert_int_equal(found, 1);
  assert_int_equal(px_store_search(st, "\"unclosed", NULL, hit_cb, &found), PX_EQUERY);
  px_store_free(st);
  px_ctx_free(ctx);
}

static int64_t count_of(sqlite3 *db, const char *sql) {
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
  int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  return v;
}

/* The index of db's article_fts holds the very terms, columns and
 * positions that SQLite's built-in tokenizer gives the same rows. */
static void assert_index_as_builtin(const char *db) {
  sqlite3 *plain;
  assert_int_equal(sqlite3_open(db, &plain), SQLITE_OK);
  assert_int_equal(
      sqlite3_exec(plain,
                   "CREATE VIRTUAL TABLE ref USING fts5(title, body, content='article',"
                   "  content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');"
                   "INSERT INTO ref(ref) VALUES('rebuild');"
                   "CREATE VIRTUAL TABLE temp.v_store USING fts5vocab(main, article_fts, instance);"
                   "CREATE VIRTUAL TABLE temp.v_ref USING fts5vocab(main, ref, instance);",
                   NULL, NULL, NULL),
      SQLITE_OK);
  assert_true(count_of(plain, "SELECT count(*) FROM v_ref") >= 100); /* the five texts' words */
  assert_int_equal(count_of(plain, "SELECT count(*) FROM v_store"),
                   count_of(plain, "SELECT count(*) FROM v_ref"));
  assert_int_equal(count_of(plain, "SELECT count(*) FROM (SELECT * FROM v_store EXCEPT"
                                   " SELECT * FROM v_ref)"),
                   0);
  sqlite3_close(plain);
}

static const char *const tok_bodies[] = {
    "Running dogs ran; the RUNNING dog runs. Generalizations, happiness and conflated "
    "relational hopefulness: 3.5 percent of U.S. voters in 2024 (iPhone12 owners) said "
    "so_called snake_case.",
    "The mayor\xe2\x80\x99s office \xe2\x80\x9c" "agreed\xe2\x80\x9d \xe2\x80\x94 twice "
    "\xe2\x80\x93 to talk\xe2\x80\xa6 then left.\xc2\xa0" "Again\xc2\xa0" "and again, "
    "\xe2\x80\x98quietly\xe2\x80\x99.",
    "Caf\xc3\xa9 owner Pe\xc3\xb1""a met na\xc3\xafve jou\xcc\x81rnalists in S\xc3\xa3o Paulo; "
    "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1 and \xe5\x8c\x97\xe4\xba\xac wrote "
    "\xe2\x80\x9cStra\xc3\x9f""e\xe2\x80\x9d.",
    "Antidisestablishmentarianisms supercalifragilisticexpialidociously "
    "pneumonoultramicroscopicsilicovolcanoconiosisesandmoreandmorecharactersbeyondsixtyfour "
    "a an I x2 running Running RUNNING",
    "ends with a cached word running",
};

static void tok_articles(px_article *arts[5]) {
  for (int i = 0; i < 5; i++) {
    char id[8], url[64];
    snprintf(id, sizeof id, "%d", i);
    snprintf(url, sizeof url, "https://t.example/%d", i);
    arts[i] = make(id, "Test Desk", url, tok_bodies[i], 0);
    const char *title = tok_bodies[(i + 1) % 5];
    size_t tlen = strlen(title) < 40 ? strlen(title) : 40;
    assert_int_equal(px_article_set(arts[i], PX_F_TITLE, title, tlen), PX_OK);
  }
}

/* The store indexes with its own "porter" tokenizer (lib/store/store_fts.c:
 * cached stems of ASCII words, SQLite's tokenizer for everything else).
 * Its index is the built-in tokenizer's, on words cached and not, long,
 * short, capitalised, with digits, next to curly quotes, dashes, a
 * no-break space, accents and combining marks, and at the text's end. */
static void test_search_tokens_as_builtin(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char db[600];
  snprintf(db, sizeof(db), "%s/tok.db", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, db, PX_OPEN_WRITE, &st), PX_OK);
  px_article *arts[5];
  tok_articles(arts);
  assert_int_equal(px_store_begin(st), PX_OK);
  for (int i = 0; i < 5; i++) assert_int_equal(px_store_add(st, arts[i], NULL), PX_OK);
  assert_int_equal(px_store_commit(st), PX_OK);
  px_store_free(st);
  assert_index_as_builtin(db);
  for (int i = 0; i < 5; i++) px_article_free(arts[i]);
  px_ctx_free(ctx);
}

/* The pipeline's workers make the index's tokens ahead (px__fts_maker) and
 * the writer files them: the same index.  Tokens made from other bytes are
 * not used (the writer tokenizes that text), nor are missing ones. */
static void test_search_tokens_made_ahead(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char db[600];
  snprintf(db, sizeof(db), "%s/ahead.db", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, db, PX_OPEN_WRITE, &st), PX_OK);
  px__fts_maker *fm;
  assert_int_equal(px__fts_maker_new(&fm), PX_OK);
  px_article *arts[5];
  tok_articles(arts);
  px__buf tokens;
  px__buf_init(&tokens, 0);
  int64_t id;
  /* outside a batch, an article would be left unindexed at its commit */
  assert_int_equal(px__store_add_unindexed(st, arts[0], &id), PX_EINVAL);
  assert_int_equal(px_store_begin(st), PX_OK);
  for (int i = 0; i < 5; i++) {
    assert_int_equal(px__store_add_unindexed(st, arts[i], &id), PX_OK);
    px__buf_clear(&tokens);
    px_str t = px_article_get(arts[i], PX_F_TITLE), b = px_article_get(arts[i], PX_F_BODY);
    assert_int_equal(px__fts_maker_run(fm, t.ptr, t.len, &tokens), PX_OK);
    char *other = strndup(b.ptr, b.len);
    assert_non_null(other);
    other[0] = 'Q'; /* the body's length, not its bytes */
    assert_int_equal(px__fts_maker_run(fm, i == 3 ? other : b.ptr, b.len, &tokens), PX_OK);
    assert_true(tokens.len > 0);
    assert_int_equal(px__store_index_article(st, id, arts[i], i == 4 ? NULL : &tokens), PX_OK);
    free(other);
  }
  assert_int_equal(px_store_commit(st), PX_OK);
  /* titles and bodies of 0-2, the title of 3 */
  assert_int_equal(px__store_fts_replayed(st->fts), 7);
  px_store_free(st);
  assert_index_as_builtin(db);
  px__buf_release(&tokens);
  px__fts_maker_free(fm);
  for (int i = 0; i < 5; i++) px_article_free(arts[i]);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_add_dedup_list),
      cmocka_unit_test(test_refuses_foreign_files),
      cmocka_unit_test(test_migrates_old_schema),
      cmocka_unit_test(test_search_tokens_as_builtin),
      cmocka_unit_test(test_search_tokens_made_ahead),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
