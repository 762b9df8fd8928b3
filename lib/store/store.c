/* store.c - the SQLite store: schema, migrations, articles.
 *
 * The file is marked with application_id 'PRLX' and the schema version in
 * user_version.  Opening checks both before writing anything, so a file that
 * is not a parallax database is never modified.  Migrations run in one
 * transaction each, in order, from the file's version to SCHEMA_VERSION.
 */
#include "store.h"

#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define APPLICATION_ID 0x50524c58 /* "PRLX" */

/* migrations[i] brings the schema from version i to version i+1. */
static const char *const migrations[] = {
    /* 0 -> 1: articles. */
    "CREATE TABLE article("
    "  id INTEGER PRIMARY KEY,"
    "  ext_id TEXT NOT NULL DEFAULT '',"
    "  source TEXT NOT NULL DEFAULT '',"
    "  url TEXT NOT NULL DEFAULT '',"
    "  title TEXT NOT NULL DEFAULT '',"
    "  byline TEXT NOT NULL DEFAULT '',"
    "  language TEXT NOT NULL DEFAULT '',"
    "  published INTEGER,"
    "  body TEXT NOT NULL,"
    "  content_hash INTEGER NOT NULL,"
    "  origin TEXT NOT NULL DEFAULT '',"
    "  ingested INTEGER NOT NULL DEFAULT (unixepoch())"
    ");"
    "CREATE INDEX article_ext ON article(source, ext_id) WHERE ext_id <> '';"
    "CREATE INDEX article_url ON article(url) WHERE url <> '';"
    "CREATE INDEX article_hash ON article(content_hash);"
    "CREATE INDEX article_time ON article(published, id);"
    "CREATE INDEX article_source ON article(source, published);"
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;",
    /* 1 -> 2: full-text search over titles and bodies (external content:
     * the text is stored once, in article). */
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, body, content='article',"
    "  content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');"
    "CREATE TRIGGER article_fts_ins AFTER INSERT ON article BEGIN"
    "  INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
    "END;"
    "CREATE TRIGGER article_fts_del AFTER DELETE ON article BEGIN"
    "  INSERT INTO article_fts(article_fts, rowid, title, body)"
    "  VALUES ('delete', old.id, old.title, old.body);"
    "END;"
    "CREATE TRIGGER article_fts_upd AFTER UPDATE OF title, body ON article BEGIN"
    "  INSERT INTO article_fts(article_fts, rowid, title, body)"
    "  VALUES ('delete', old.id, old.title, old.body);"
    "  INSERT INTO article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
    "END;"
    /* Merging segments while a batch is written costs more than the
     * writing; ingest merges once at its end (px_store_optimize). */
    "INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 0);"
    "INSERT INTO article_fts(article_fts, rank) VALUES ('crisismerge', 64);"
    "INSERT INTO article_fts(article_fts) VALUES ('rebuild');",
    /* 2 -> 3: stories (store_story.c).  story_article holds each clustered
     * article's story, the article it copies (dup_of) and the share of its
     * sentences first published by another outlet (wire_share, wire_source). */
    "CREATE TABLE story("
    "  id INTEGER PRIMARY KEY,"
    "  created INTEGER NOT NULL DEFAULT (unixepoch())"
    ");"
    "CREATE TABLE story_article("
    "  article INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,"
    "  story INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
    "  similarity REAL NOT NULL DEFAULT 1,"
    "  dup_of INTEGER REFERENCES article(id) ON DELETE SET NULL,"
    "  dup_exact INTEGER NOT NULL DEFAULT 0,"
    "  dup_sim REAL NOT NULL DEFAULT 0,"
    "  wire_share REAL NOT NULL DEFAULT 0,"
    "  wire_source INTEGER REFERENCES article(id) ON DELETE SET NULL,"
    "  flags INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX story_article_story ON story_article(story);",
    /* 3 -> 4: per-article analysis (store_analysis.c): sentence offsets and
     * dateline, the entities each article mentions (by cross-article key),
     * and its quotes with their speakers. */
    "CREATE TABLE analysis("
    "  article INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,"
    "  sentences BLOB NOT NULL,"          /* little-endian uint32 start,end pairs */
    "  dateline_place TEXT NOT NULL DEFAULT '',"
    "  dateline_agency TEXT NOT NULL DEFAULT '',"
    "  version INTEGER NOT NULL"
    ");"
    "CREATE TABLE entity("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  type TEXT NOT NULL,"
    "  articles INTEGER NOT NULL DEFAULT 0,"   /* kept by triggers below, so the */
    "  mentions INTEGER NOT NULL DEFAULT 0,"   /* unfiltered top list is an index scan */
    "  outlets INTEGER NOT NULL DEFAULT 0"
    ");"
    "CREATE INDEX entity_articles ON entity(articles);"
    "CREATE TABLE entity_outlet("
    "  entity INTEGER NOT NULL,"
    "  source TEXT NOT NULL,"
    "  articles INTEGER NOT NULL,"
    "  PRIMARY KEY(entity, source)"
    ") WITHOUT ROWID;"
    "CREATE TABLE article_entity("
    "  article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
    "  entity INTEGER NOT NULL REFERENCES entity(id),"
    "  name TEXT NOT NULL,"                /* the fullest form in this article */
    "  mentions INTEGER NOT NULL,"
    "  first_start INTEGER NOT NULL,"
    "  first_end INTEGER NOT NULL,"
    "  PRIMARY KEY(article, entity)"
    ") WITHOUT ROWID;"
    "CREATE INDEX article_entity_entity ON article_entity(entity);"
    "CREATE TRIGGER article_entity_ins AFTER INSERT ON article_entity BEGIN"
    "  INSERT INTO entity_outlet(entity, source, articles)"
    "  SELECT new.entity, source, 1 FROM article WHERE id = new.article"
    "  ON CONFLICT(entity, source) DO UPDATE SET articles = articles + 1;"
    "  UPDATE entity SET articles = articles + 1, mentions = mentions + new.mentions,"
    "    outlets = (SELECT count(*) FROM entity_outlet WHERE entity = new.entity)"
    "  WHERE id = new.entity;"
    "END;"
    "CREATE TRIGGER article_entity_del AFTER DELETE ON article_entity BEGIN"
    "  UPDATE entity_outlet SET articles = articles - 1 WHERE entity = old.entity"
    "    AND source = (SELECT source FROM article WHERE id = old.article);"
    "  DELETE FROM entity_outlet WHERE entity = old.entity AND articles <= 0;"
    "  UPDATE entity SET articles = articles - 1, mentions = mentions - old.mentions,"
    "    outlets = (SELECT count(*) FROM entity_outlet WHERE entity = old.entity)"
    "  WHERE id = old.entity;"
    "END;"
    "CREATE TABLE quote("
    "  id INTEGER PRIMARY KEY,"
    "  article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
    "  start INTEGER NOT NULL,"
    "  end INTEGER NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  cue TEXT NOT NULL DEFAULT '',"
    "  speaker_name TEXT NOT NULL DEFAULT '',"
    "  speaker_key TEXT NOT NULL DEFAULT '',"
    "  speaker_entity INTEGER REFERENCES entity(id)"
    ");"
    "CREATE INDEX quote_article ON quote(article);"
    "CREATE INDEX quote_speaker ON quote(speaker_key);",
    /* 4 -> 5: rendered comparisons of stories, kept until the story changes
     * (members is a signature of its article ids). */
    "CREATE TABLE comparison_cache("
    "  story INTEGER NOT NULL REFERENCES story(id) ON DELETE CASCADE,"
    "  variant TEXT NOT NULL,"           /* format and rendering options */
    "  members TEXT NOT NULL,"
    "  created INTEGER NOT NULL DEFAULT (unixepoch()),"
    "  report BLOB NOT NULL,"
    "  PRIMARY KEY(story, variant)"
    ") WITHOUT ROWID;",
    /* 5 -> 6: entity counters without a count(*) per row: an outlet is
     * counted when its first article mentioning the entity arrives (the
     * version 4 triggers recounted every outlet of the entity each time). */
    "DROP TRIGGER IF EXISTS article_entity_ins;"
    "DROP TRIGGER IF EXISTS article_entity_del;"
    "CREATE TRIGGER article_entity_ins AFTER INSERT ON article_entity BEGIN"
    "  UPDATE entity SET articles = articles + 1, mentions = mentions + new.mentions,"
    "    outlets = outlets + NOT EXISTS (SELECT 1 FROM entity_outlet WHERE entity = new.entity"
    "      AND source = (SELECT source FROM article WHERE id = new.article))"
    "  WHERE id = new.entity;"
    "  INSERT INTO entity_outlet(entity, source, articles)"
    "  SELECT new.entity, source, 1 FROM article WHERE id = new.article"
    "  ON CONFLICT(entity, source) DO UPDATE SET articles = articles + 1;"
    "END;"
    "CREATE TRIGGER article_entity_del AFTER DELETE ON article_entity BEGIN"
    "  UPDATE entity_outlet SET articles = articles - 1 WHERE entity = old.entity"
    "    AND source = (SELECT source FROM article WHERE id = old.article);"
    "  UPDATE entity SET articles = articles - 1, mentions = mentions - old.mentions,"
    "    outlets = outlets - EXISTS (SELECT 1 FROM entity_outlet WHERE entity = old.entity"
    "      AND articles <= 0)"
    "  WHERE id = old.entity;"
    "  DELETE FROM entity_outlet WHERE entity = old.entity AND articles <= 0;"
    "END;",
    /* 6 -> 7: the distinct speakers, so a speaker query matches names
     * against this short list instead of grouping every stored quote. */
    "CREATE TABLE speaker(key TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT INTO speaker(key, name) SELECT speaker_key, max(speaker_name) FROM quote"
    "  WHERE speaker_key <> '' GROUP BY speaker_key;"
    "CREATE TRIGGER quote_speaker_ins AFTER INSERT ON quote WHEN new.speaker_key <> '' BEGIN"
    "  INSERT OR IGNORE INTO speaker(key, name) VALUES (new.speaker_key, new.speaker_name);"
    "END;",
    /* 7 -> 8: the writer keeps what the insert triggers kept (store_batch.c):
     * each batch adds its articles to the search index and its entity
     * counters and speakers in one pass before it commits.  The delete and
     * update triggers stay, so removing rows keeps everything consistent. */
    "DROP TRIGGER IF EXISTS article_fts_ins;"
    "DROP TRIGGER IF EXISTS article_entity_ins;"
    "DROP TRIGGER IF EXISTS quote_speaker_ins;"
    /* FTS5 writes a segment whenever its pending terms pass 'hashsize'
     * (1 MiB by default: ~40 segments per batch of 2000 articles, merged
     * again and again).  With 64 MiB a batch is one segment. */
    "INSERT INTO article_fts(article_fts, rank) VALUES('hashsize', 67108864);"
    /* An article's time and outlet by id without reading its row (a row
     * holds the body): for story aggregates over a few thousand members. */
    "CREATE INDEX IF NOT EXISTS article_meta ON article(id, published, source);"
    /* The total size of the stored bodies, kept so 'stats' need not read
     * every body: the writer adds each batch's, triggers subtract. */
    "INSERT OR REPLACE INTO meta(key, value)"
    "  SELECT 'body_bytes', CAST(total(length(CAST(body AS BLOB))) AS INTEGER) FROM article;"
    "CREATE TRIGGER IF NOT EXISTS article_bytes_del AFTER DELETE ON article BEGIN"
    "  UPDATE meta SET value = CAST(value AS INTEGER) - length(CAST(old.body AS BLOB))"
    "  WHERE key = 'body_bytes';"
    "END;"
    "CREATE TRIGGER IF NOT EXISTS article_bytes_upd AFTER UPDATE OF body ON article BEGIN"
    "  UPDATE meta SET value = CAST(value AS INTEGER) - length(CAST(old.body AS BLOB))"
    "    + length(CAST(new.body AS BLOB)) WHERE key = 'body_bytes';"
    "END;",
    /* 8 -> 9: state of long-running drivers (store_state.c): the watcher's
     * feed validators, items seen and alert positions, so a restart resumes. */
    "CREATE TABLE IF NOT EXISTS state("
    "  key TEXT PRIMARY KEY,"
    "  value BLOB NOT NULL,"
    "  updated INTEGER NOT NULL DEFAULT (unixepoch())"
    ") WITHOUT ROWID;",
    /* 9 -> 10: event stories and threads (store_story.c, store_thread.c):
     * each story's thread (the id of the thread's first story; NULL: its
     * own), its headline article (the most central member) and its
     * signature (centroid terms by hash and weight) for thread linking. */
    "ALTER TABLE story ADD COLUMN thread INTEGER;"
    "ALTER TABLE story ADD COLUMN central INTEGER;"
    "ALTER TABLE story ADD COLUMN sig BLOB;"
    "CREATE INDEX story_thread ON story(thread);",
    /* 10 -> 11: the input's fields parallax does not use (a JSON object, '' when
     * none), articles found by the input's own id whatever their outlet, and
     * the comparison cache emptied of rendered reports. */
    "ALTER TABLE article ADD COLUMN meta TEXT NOT NULL DEFAULT '';"
    "CREATE INDEX IF NOT EXISTS article_extid ON article(ext_id) WHERE ext_id <> '';"
    /* the comparison cache holds comparisons as data now, not renderings */
    "DELETE FROM comparison_cache;",
    /* 11 -> 12: the whole analysis of each article as bytes (every entity
     * mention, every quote with its spans and speaker; analyze/doc_blob.c),
     * so a story's comparison reads it instead of analysing again.  Rows
     * written before have none: those articles are analysed when compared. */
    "ALTER TABLE analysis ADD COLUMN detail BLOB;",
    /* 12 -> 13: the speakers' keys and names by trigram, so a speaker query
     * finds the speakers whose key or name holds a word of the name asked
     * for (store_analysis.c, speaker_keys) by a seek, not by reading every
     * speaker.  Without positions (detail=none: 6 MB for the AllSides
     * store's 84,730 speakers, 13 MB with them) a word's trigrams are
     * looked up together, which finds a superset, checked on each row.  No
     * triggers: the writer adds a transaction's new speakers when it commits
     * (store_batch.c) and a merge the speakers it touched (store_merge.c);
     * a speaker merged under another name is there twice (its old name only
     * makes one more candidate). */
    "CREATE VIRTUAL TABLE speaker_fts USING fts5(key, name, tokenize='trigram', columnsize=0,"
    "  detail=none);"
    "INSERT INTO speaker_fts(key, name) SELECT key, name FROM speaker;",
};
#define SCHEMA_VERSION ((int)(sizeof(migrations) / sizeof(migrations[0])))


int px__store_schema_version(void) { return SCHEMA_VERSION; }

/* SQLite counts every allocation and free in its memory statistics, under
 * a global mutex, unless told not to before it starts; parallax reads no
 * statistic and sets no heap limit.  On an ingest that was a fifth of
 * SQLite's malloc and free (callgrind, 500 AllSides articles: 1,754.8 M
 * instructions with the statistics, 1,703.4 M without).  A process that
 * started SQLite before opening a store keeps its setting (the call then
 * fails, harmlessly). */
static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;
/* The page cache's pages come from one pool of huge pages (SQLite's
 * SQLITE_CONFIG_PAGECACHE, mapped here with MADV_HUGEPAGE; the system's
 * default, "madvise", gives huge pages only where asked): a writer's cache
 * (64 MiB, cache_size below) is looked up at random, and on 4 KiB pages a
 * lookup paid a page walk as well as the miss.  The pool holds a writer's
 * whole cache and some more for other connections; beyond it, and for
 * pages larger than 8 KiB, SQLite takes memory from malloc as before.  Only
 * memory touched is resident.  An ingest of the whole AllSides corpus,
 * paired with the build before: 0.95x the CPU and 0.96x the wall
 * (docs/profile.md).  SQLite writes a link into every slot when it takes
 * the pool, so the whole pool is resident from the start: it is made only
 * in a process that said it will write in bulk (px_store_prefer_bulk: an
 * ingest, a watcher), not for a query, which would pay 70 MB and some
 * milliseconds for a cache it hardly fills, nor for a listing that opens
 * the store for writing only to place a few new articles.  When SQLite was
 * set up before (by another library in the process), its settings stay. */
#define POOL_PAGE 8192
#define POOL_PAGES (8192 + 512)
#define HUGE_PAGE ((size_t)2 << 20)

static void *huge_map(size_t len) {
  /* A huge page must be aligned: map one more and trim the ends. */
  char *m = mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return NULL;
  char *p = (char *)(((uintptr_t)m + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
  if (p > m) munmap(m, (size_t)(p - m));
  munmap(p + len, (size_t)(m + HUGE_PAGE - p));
#ifdef MADV_HUGEPAGE
  madvise(p, len, MADV_HUGEPAGE); /* a hint: without it, small pages */
#endif
  return p;
}

static bool pool_wanted; /* px_store_prefer_bulk, before sqlite_setup runs */

void px_store_prefer_bulk(void) { pool_wanted = true; }

static void sqlite_setup(void) {
  (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  if (!pool_wanted) return;
  int hdr = 0;
  if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &hdr) != SQLITE_OK || hdr <= 0) return;
  size_t sz = (size_t)(POOL_PAGE + hdr + 7) & ~(size_t)7;
  size_t len = (sz * POOL_PAGES + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
  void *pool = huge_map(len);
  if (pool && sqlite3_config(SQLITE_CONFIG_PAGECACHE, pool, (int)sz, POOL_PAGES) != SQLITE_OK)
    munmap(pool, len);
}

static int db_fail(px_store *st, int rc_sqlite, const char *what) {
  int ec = sqlite3_extended_errcode(st->db);
  if (rc_sqlite == SQLITE_FULL || ec == SQLITE_FULL || ec == SQLITE_IOERR_WRITE ||
      ec == SQLITE_IOERR_FSYNC || ec == SQLITE_IOERR_TRUNCATE)
    return px__ctx_fail(st->ctx, PX_EDBFULL,
                        "%s: %s: the disk is full or the file cannot grow (%s); "
                        "the last batch was not stored, earlier batches are intact",
                        st->path, what, sqlite3_errmsg(st->db));
  if (rc_sqlite == SQLITE_NOTADB || ec == SQLITE_NOTADB)
    return px__ctx_fail(st->ctx, PX_ENOTPARALLAX,
                        "%s: not a parallax database (not an SQLite file); left untouched",
                        st->path);
  return px__ctx_fail(st->ctx, PX_EDB, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

int px__store_exec(px_store *st, const char *sql) {
  char *err = NULL;
  int rc = sqlite3_exec(st->db, sql, NULL, NULL, &err);
  if (rc != SQLITE_OK) {
    int status = db_fail(st, rc, err ? err : "query failed");
    sqlite3_free(err);
    return status;
  }
  return PX_OK;
}

static int pragma_int(px_store *st, const char *sql, int *out) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc != SQLITE_OK) return db_fail(st, rc, "reading the database header");
  rc = sqlite3_step(s);
  *out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
  sqlite3_finalize(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(st, rc, "reading the database header");
  return PX_OK;
}

static int check_and_migrate(px_store *st, px_open_mode mode) {
  int app = 0, ver = 0, ntables = 0, rc;
  if ((rc = pragma_int(st, "PRAGMA application_id", &app))) return rc;
  if ((rc = pragma_int(st, "PRAGMA user_version", &ver))) return rc;
  if ((rc = pragma_int(st, "SELECT count(*) FROM sqlite_schema", &ntables))) return rc;
  if (app != APPLICATION_ID && (ntables > 0 || ver != 0 || app != 0))
    return px__ctx_fail(st->ctx, PX_ENOTPARALLAX,
                        "%s: not a parallax database (it holds other data); left untouched",
                        st->path);
  if (ver > SCHEMA_VERSION)
    return px__ctx_fail(st->ctx, PX_EDBVERSION,
                        "%s: schema version %d is newer than this parallax supports (%d); "
                        "upgrade parallax",
                        st->path, ver, SCHEMA_VERSION);
  if (ver == SCHEMA_VERSION) return PX_OK;
  if (mode == PX_OPEN_READ) {
    if (app == 0)
      return px__ctx_fail(st->ctx, PX_ENOTFOUND, "%s: empty database, nothing ingested yet",
                          st->path);
    return px__ctx_fail(st->ctx, PX_EDBVERSION,
                        "%s: schema version %d needs migrating and the file is read-only",
                        st->path, ver);
  }
  /* A new store gets 8 KiB pages (set before WAL mode fixes the size; an
   * existing store keeps its own).  An ingest writes each changed page to
   * the WAL as a frame header and a page, two write calls, and a checkpoint
   * reads each frame back: half as many frames halve the whole-corpus
   * ingest's write calls.  16 KiB pages quarter them, but a query reading
   * scattered rows (quotes by speaker) then copies 16 KiB a row and was
   * about 5 % slower; with 8 KiB it is as fast as with 4 KiB
   * (docs/profile.md). */
  if (ver == 0 && ntables == 0 && (rc = px__store_exec(st, "PRAGMA page_size=8192"))) return rc;
  if ((rc = px__store_exec(st, "PRAGMA journal_mode=WAL"))) return rc;
  for (int v = ver; v < SCHEMA_VERSION; v++) {
    char tail[96];
    snprintf(tail, sizeof(tail), ";PRAGMA application_id=%d;PRAGMA user_version=%d;",
             APPLICATION_ID, v + 1);
    if ((rc = px__store_exec(st, "BEGIN IMMEDIATE"))) return rc;
    /* Another process may have migrated while this one waited for the lock. */
    int now = 0;
    if ((rc = pragma_int(st, "PRAGMA user_version", &now))) {
      sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
      return rc;
    }
    if (now > v) {
      if ((rc = px__store_exec(st, "COMMIT"))) return rc;
      v = now - 1;
      continue;
    }
    if ((rc = px__store_exec(st, migrations[v])) || (rc = px__store_exec(st, tail))) {
      sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
      return rc;
    }
    if ((rc = px__store_exec(st, "COMMIT"))) return rc;
  }
  return PX_OK;
}

int px_store_open(px_ctx *ctx, const char *path, px_open_mode mode, px_store **out) {
  if (!ctx || !path || !out) return PX_EINVAL;
  *out = NULL;
  /* A folder (the output of parallax-mpi, docs/scale.md) holds its store as
   * parallax.db. */
  struct stat dsb;
  if (stat(path, &dsb) == 0 && S_ISDIR(dsb.st_mode)) {
    size_t n = strlen(path);
    char *file = malloc(n + sizeof("/parallax.db"));
    if (!file) return PX_ENOMEM;
    memcpy(file, path, n);
    memcpy(file + n, "/parallax.db", sizeof("/parallax.db"));
    int rc = px_store_open(ctx, file, mode, out);
    free(file);
    return rc;
  }
  if (mode == PX_OPEN_READ && access(path, F_OK) != 0)
    return px__ctx_fail(ctx, PX_ENOTFOUND, "%s: no such database (run 'parallax ingest' first)",
                        path);
  px_store *st = calloc(1, sizeof(*st));
  if (!st) return PX_ENOMEM;
  st->ctx = ctx;
  px__batch_init(&st->batch);
  st->path = strdup(path);
  if (!st->path) {
    px__batch_release(&st->batch);
    free(st);
    return PX_ENOMEM;
  }
  /* Readers open an existing writable file read-write (never creating it)
   * so an older schema can be migrated; they then set query_only. */
  int flags = mode == PX_OPEN_WRITE ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
              : access(path, W_OK) == 0 ? SQLITE_OPEN_READWRITE
                                        : SQLITE_OPEN_READONLY;
  pthread_once(&sqlite_once, sqlite_setup);
  int rc = sqlite3_open_v2(path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    rc = px__ctx_fail(ctx, PX_EDB, "%s: cannot open database: %s", path,
                      st->db ? sqlite3_errmsg(st->db) : "out of memory");
    goto fail;
  }
  sqlite3_extended_result_codes(st->db, 1);
  sqlite3_busy_timeout(st->db, 10000);
  /* Before the first use of article_fts, whose tokenizer is made then. */
  if ((rc = px__store_fts_register(st->db, &st->fts)) != SQLITE_OK) {
    rc = px__ctx_fail(ctx, rc == SQLITE_NOMEM ? PX_ENOMEM : PX_EDB,
                      "%s: cannot set up the search tokenizer", path);
    goto fail;
  }
  if ((rc = check_and_migrate(st, (flags & SQLITE_OPEN_READWRITE) ? PX_OPEN_WRITE : mode)))
    goto fail;
  if (mode == PX_OPEN_WRITE &&
      (rc = px__store_exec(st, "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
                               "PRAGMA foreign_keys=ON;PRAGMA cache_size=-65536;PRAGMA temp_store=MEMORY;")))
    goto fail;
  /* A checkpoint when the WAL reaches 64 MiB, whatever the page size. */
  if (mode == PX_OPEN_WRITE) {
    int page = 0;
    char sql[64];
    if ((rc = pragma_int(st, "PRAGMA page_size", &page))) goto fail;
    snprintf(sql, sizeof(sql), "PRAGMA wal_autocheckpoint=%d", (64 << 20) / (page > 0 ? page : 4096));
    if ((rc = px__store_exec(st, sql))) goto fail;
  }
  if (mode == PX_OPEN_READ && (rc = px__store_exec(st, "PRAGMA query_only=1"))) goto fail;
  st->writable = mode == PX_OPEN_WRITE;
  *out = st;
  return PX_OK;
fail:
  px_store_free(st);
  return rc;
}

void px_store_free(px_store *st) {
  if (!st) return;
  for (int i = 0; i < PX__STMT_COUNT; i++) sqlite3_finalize(st->stmt[i]);
  if (st->db) sqlite3_close_v2(st->db);
  px__batch_release(&st->batch);
  px__spill_release(st);
  free(st->path);
  free(st);
}

int px__store_stmt(px_store *st, int which, const char *sql, sqlite3_stmt **out) {
  if (!st->stmt[which]) {
    int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[which], NULL);
    if (rc != SQLITE_OK) return db_fail(st, rc, "preparing a query");
  } else {
    sqlite3_reset(st->stmt[which]);
    sqlite3_clear_bindings(st->stmt[which]);
  }
  *out = st->stmt[which];
  return PX_OK;
}

int px__store_rows_stmt(px_store *st, int base, const char *head, int ncol, size_t left, size_t *n,
                        sqlite3_stmt **out) {
  int k = 0;
  size_t rows = 16;
  while (rows > left) rows /= 2, k++;
  *n = rows;
  if (st->stmt[base + k]) { /* reset after its last step; all bound again */
    *out = st->stmt[base + k];
    return PX_OK;
  }
  px__buf sql;
  px__buf_init(&sql, 0);
  int rc = px__buf_append(&sql, head, strlen(head));
  for (size_t r = 0; r < rows && rc == PX_OK; r++) {
    char cell[16];
    rc = px__buf_append(&sql, r ? ",(" : " VALUES(", r ? 2 : 8);
    for (int c = 0; c < ncol && rc == PX_OK; c++) {
      int len = snprintf(cell, sizeof(cell), "%s?%d", c ? "," : "", (int)r * ncol + c + 1);
      rc = px__buf_append(&sql, cell, (size_t)len);
    }
    if (rc == PX_OK) rc = px__buf_append(&sql, ")", 1);
  }
  if (rc == PX_OK) rc = px__buf_append(&sql, "", 1);
  if (rc == PX_OK) rc = px__store_stmt(st, base + k, sql.ptr, out);
  px__buf_release(&sql);
  return rc;
}

int px__store_step_fail(px_store *st, int rc, const char *what) { return db_fail(st, rc, what); }

/*
 * Inside a batch the foreign keys are not checked row by row (two B-tree
 * lookups per entity mention and quote): the writer only writes ids it has
 * just read or written, and px_store_add_analysis() checks that the article
 * exists.  No batch deletes a parent row, so no cascade is skipped.  The
 * pragma cannot change inside a transaction, hence around it.
 */
int px_store_begin(px_store *st) {
  if (!st) return PX_EINVAL;
  if (st->in_tx) return PX_OK;
  int rc = px__store_exec(st, "PRAGMA foreign_keys=OFF;BEGIN IMMEDIATE");
  if (rc == PX_OK) st->in_tx = true;
  if (rc == PX_OK) px__spill_mark(st);
  else sqlite3_exec(st->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
  return rc;
}

static void end_batch(px_store *st) {
  st->in_tx = false;
  /* Another connection may add entities before the next transaction. */
  if (st->batch.next_entity) st->batch.ids_max = st->batch.next_entity - 1;
  st->batch.next_entity = 0;
  sqlite3_exec(st->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
}

int px_store_commit(px_store *st) {
  if (!st) return PX_EINVAL;
  if (!st->in_tx) return PX_OK;
  /* What the batch deferred goes into the same transaction. */
  int rc = px__store_flush(st);
  if (rc == PX_OK) rc = px__store_exec(st, "COMMIT");
  px__batch_fresh_clear(&st->batch);
  if (rc != PX_OK) {
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    px__batch_forget(&st->batch);
    px__spill_undo(st);
  }
  end_batch(st);
  return rc;
}

int px_store_rollback(px_store *st) {
  if (!st) return PX_EINVAL;
  if (!st->in_tx) return PX_OK;
  px__batch_forget(&st->batch);
  px__spill_undo(st);
  int rc = px__store_exec(st, "ROLLBACK");
  end_batch(st);
  return rc;
}

static void bind_str(sqlite3_stmt *s, int i, px_str v) {
  sqlite3_bind_text(s, i, v.ptr, (int)v.len, SQLITE_STATIC);
}

/* bind_str for a value the statement reads as a C string (FTS5 gives its
 * tokenizer sqlite3_value_text): a text bound with its length is copied
 * then to be NUL-terminated, one bound with -1 is not.  A field holding a
 * NUL byte is bound with its length, so none of it is lost. */
static void bind_cstr(sqlite3_stmt *s, int i, px_str v) {
  if (v.ptr && v.len < INT_MAX && memchr(v.ptr, 0, v.len + 1) == v.ptr + v.len)
    sqlite3_bind_text(s, i, v.ptr, -1, SQLITE_STATIC);
  else
    bind_str(s, i, v);
}

/* Find a stored copy of art: same (source, ext id), same url, or same body. */
static int find_existing(px_store *st, const px_article *art, int64_t *id) {
  sqlite3_stmt *s = NULL;
  int rc;
  *id = 0;
  px_str ext = px_article_get(art, PX_F_ID), url = px_article_get(art, PX_F_URL);
  if (ext.len) {
    if ((rc = px__store_stmt(st, PX__STMT_FIND_EXT,
                             "SELECT id FROM article WHERE source=?1 AND ext_id=?2 AND ext_id<>''",
                             &s)))
      return rc;
    bind_str(s, 1, px_article_get(art, PX_F_SOURCE));
    bind_str(s, 2, ext);
    if ((rc = sqlite3_step(s)) == SQLITE_ROW) *id = sqlite3_column_int64(s, 0);
    else if (rc != SQLITE_DONE) return db_fail(st, rc, "looking up an article");
    sqlite3_reset(s);
    if (*id) return PX_OK;
  }
  if (url.len) {
    if ((rc = px__store_stmt(st, PX__STMT_FIND_URL,
                             "SELECT id FROM article WHERE url=?1 AND url<>''", &s)))
      return rc;
    bind_str(s, 1, url);
    if ((rc = sqlite3_step(s)) == SQLITE_ROW) *id = sqlite3_column_int64(s, 0);
    else if (rc != SQLITE_DONE) return db_fail(st, rc, "looking up an article");
    sqlite3_reset(s);
    if (*id) return PX_OK;
  }
  if ((rc = px__store_stmt(st, PX__STMT_FIND_HASH,
                           "SELECT id, body FROM article WHERE content_hash=?1", &s)))
    return rc;
  sqlite3_bind_int64(s, 1, (sqlite3_int64)art->content_hash);
  px_str body = px_article_get(art, PX_F_BODY);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    /* Confirm byte equality: a hash match alone is not proof. */
    const void *b = sqlite3_column_blob(s, 1);
    size_t bn = (size_t)sqlite3_column_bytes(s, 1);
    if (bn == body.len && (bn == 0 || memcmp(b, body.ptr, bn) == 0)) {
      *id = sqlite3_column_int64(s, 0);
      break;
    }
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return db_fail(st, rc, "looking up an article");
  sqlite3_reset(s);
  return PX_OK;
}

static int add_article(px_store *st, const px_article *art, int64_t *id);

int px_store_add(px_store *st, const px_article *art, int64_t *id) {
  if (!st || !art) return PX_EINVAL;
  if (st->in_tx) return add_article(st, art, id);
  /* Outside a batch: a batch of one, so the article and its search index
   * entry are written together. */
  int rc = px_store_begin(st);
  if (rc) return rc;
  rc = add_article(st, art, id);
  if (rc == PX_OK) return px_store_commit(st);
  int rb = px_store_rollback(st);
  return rc == PX_EDUPLICATE ? (rb ? rb : rc) : rc;
}

int px__store_add_unindexed(px_store *st, const px_article *art, int64_t *id) {
  if (!st || !art || !st->in_tx) return PX_EINVAL;
  st->batch.fts_deferred = true;
  int rc = add_article(st, art, id);
  st->batch.fts_deferred = false;
  return rc;
}

int px__store_index_article(px_store *st, int64_t id, const px_article *art, const px__buf *tokens) {
  if (!st || !art || !st->in_tx) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_FTS_ONE,
                          "INSERT INTO article_fts(rowid, title, body) VALUES(?1, ?2, ?3)", &s);
  if (rc) return rc;
  sqlite3_bind_int64(s, 1, id);
  bind_cstr(s, 2, px_article_get(art, PX_F_TITLE));
  bind_cstr(s, 3, px_article_get(art, PX_F_BODY));
  px__store_fts_replay(st->fts, tokens);
  int r = sqlite3_step(s);
  px__store_fts_replay(st->fts, NULL);
  sqlite3_reset(s);
  sqlite3_clear_bindings(s); /* art's buffers go away */
  if (r != SQLITE_DONE) return db_fail(st, r, "indexing an article for search");
  return PX_OK;
}

static int add_article(px_store *st, const px_article *art, int64_t *id) {
  int64_t existing = 0;
  int rc = find_existing(st, art, &existing);
  if (rc) return rc;
  if (existing) {
    if (id) *id = existing;
    return PX_EDUPLICATE;
  }
  sqlite3_stmt *s = NULL;
  if ((rc = px__store_stmt(st, PX__STMT_INSERT,
                           "INSERT INTO article(ext_id, source, url, title, byline, language,"
                           " published, body, content_hash, origin, meta)"
                           " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
                           &s)))
    return rc;
  bind_str(s, 1, px_article_get(art, PX_F_ID));
  bind_str(s, 2, px_article_get(art, PX_F_SOURCE));
  bind_str(s, 3, px_article_get(art, PX_F_URL));
  bind_str(s, 4, px_article_get(art, PX_F_TITLE));
  bind_str(s, 5, px_article_get(art, PX_F_BYLINE));
  bind_str(s, 6, px_article_get(art, PX_F_LANGUAGE));
  if (art->has_time) sqlite3_bind_int64(s, 7, art->published);
  else sqlite3_bind_null(s, 7);
  bind_str(s, 8, px_article_get(art, PX_F_BODY));
  sqlite3_bind_int64(s, 9, (sqlite3_int64)art->content_hash);
  bind_str(s, 10, px_article_get(art, PX_F_ORIGIN));
  bind_str(s, 11, px_article_get(art, PX_F_META));
  rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) return db_fail(st, rc, "storing an article");
  int64_t rowid = sqlite3_last_insert_rowid(st->db);
  if (id) *id = rowid;
  /* Indexed for search when the batch commits (px__store_flush_fts), or
   * by the caller. */
  px__batch *b = &st->batch;
  b->body_bytes += (int64_t)px_article_get(art, PX_F_BODY).len;
  if (!b->fts_deferred) {
    if (!b->fts_lo) b->fts_lo = rowid;
    if (rowid < b->fts_lo) b->fts_lo = rowid;
    if (rowid > b->fts_hi) b->fts_hi = rowid;
  }
  /* Remembered so its analysis needs no lookup and no clearing. */
  px__batch_fresh_add(b, rowid, px_article_get(art, PX_F_SOURCE));
  return PX_OK;
}

#define ARTICLE_COLS \
  "id, ext_id, source, url, title, byline, language, published, origin, content_hash, meta"

static int row_to_article(sqlite3_stmt *s, px_article *a, bool with_body) {
  static const px_field cols[] = {PX_F_ID, PX_F_SOURCE, PX_F_URL, PX_F_TITLE, PX_F_BYLINE,
                                  PX_F_LANGUAGE};
  px__article_clear(a);
  a->id = sqlite3_column_int64(s, 0);
  int rc;
  for (int i = 0; i < 6; i++) {
    const unsigned char *t = sqlite3_column_text(s, i + 1);
    if ((rc = px__buf_append(&a->field[cols[i]], t ? (const char *)t : "",
                             (size_t)sqlite3_column_bytes(s, i + 1))))
      return rc;
  }
  if (sqlite3_column_type(s, 7) != SQLITE_NULL) {
    a->published = sqlite3_column_int64(s, 7);
    a->has_time = 1;
  }
  const unsigned char *o = sqlite3_column_text(s, 8);
  if ((rc = px__buf_append(&a->field[PX_F_ORIGIN], o ? (const char *)o : "",
                           (size_t)sqlite3_column_bytes(s, 8))))
    return rc;
  a->content_hash = (uint64_t)sqlite3_column_int64(s, 9);
  const unsigned char *m = sqlite3_column_text(s, 10);
  if ((rc = px__buf_append(&a->field[PX_F_META], m ? (const char *)m : "",
                           (size_t)sqlite3_column_bytes(s, 10))))
    return rc;
  if (with_body) {
    const unsigned char *b = sqlite3_column_text(s, 11);
    if ((rc = px__buf_append(&a->field[PX_F_BODY], b ? (const char *)b : "",
                             (size_t)sqlite3_column_bytes(s, 11))))
      return rc;
  }
  return PX_OK;
}

int px_store_get(px_store *st, int64_t id, px_article **out) {
  if (!st || !out) return PX_EINVAL;
  *out = NULL;
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_GET, "SELECT " ARTICLE_COLS ", body FROM article WHERE id=?1",
                          &s);
  if (rc) return rc;
  sqlite3_bind_int64(s, 1, id);
  rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) {
    sqlite3_reset(s);
    return px__ctx_fail(st->ctx, PX_ENOTFOUND, "no article with id %lld", (long long)id);
  }
  if (rc != SQLITE_ROW) {
    rc = db_fail(st, rc, "loading an article");
    sqlite3_reset(s);
    return rc;
  }
  px_article *a;
  if ((rc = px_article_new(&a)) == PX_OK && (rc = row_to_article(s, a, true)) != PX_OK) {
    px_article_free(a);
    a = NULL;
  }
  sqlite3_reset(s);
  *out = a;
  return rc;
}

int px_store_list(px_store *st, const px_article_filter *f, px_article_cb cb, void *user) {
  if (!st || !cb) return PX_EINVAL;
  px_article_filter none = {0};
  if (!f) f = &none;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(
      st->db,
      /* Dated articles by time, then the undated: two ordered parts so
       * each can walk an index and a LIMIT stops early. */
      "SELECT * FROM (SELECT " ARTICLE_COLS " FROM article"
      "  WHERE published IS NOT NULL AND (?1 IS NULL OR source=?1)"
      "  AND (?2 IS NULL OR published>=?2) AND (?3 IS NULL OR published<?3)"
      "  ORDER BY published, id)"
      " UNION ALL SELECT * FROM (SELECT " ARTICLE_COLS " FROM article"
      "  WHERE published IS NULL AND ?2 IS NULL AND ?3 IS NULL AND (?1 IS NULL OR source=?1)"
      "  ORDER BY id)"
      " LIMIT ?4 OFFSET ?5",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return db_fail(st, rc, "listing articles");
  if (f->source) sqlite3_bind_text(s, 1, f->source, -1, SQLITE_STATIC);
  if (f->has_since) sqlite3_bind_int64(s, 2, f->since);
  if (f->has_until) sqlite3_bind_int64(s, 3, f->until);
  sqlite3_bind_int64(s, 4, f->limit > 0 ? f->limit : -1);
  sqlite3_bind_int64(s, 5, f->offset > 0 ? f->offset : 0);
  px_article *a = NULL;
  if ((rc = px_article_new(&a))) goto out;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if ((rc = row_to_article(s, a, false))) goto out;
    if (cb(user, a)) break;
  }
  rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? PX_OK : db_fail(st, rc, "listing articles");
out:
  px_article_free(a);
  sqlite3_finalize(s);
  return rc;
}

static bool has_table(px_store *st, const char *name) {
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sqlite_schema WHERE type='table' AND name=?1", -1,
                         &s, NULL) != SQLITE_OK)
    return false;
  sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
  bool yes = sqlite3_step(s) == SQLITE_ROW;
  sqlite3_finalize(s);
  return yes;
}

static int64_t scalar(px_store *st, const char *sql, int *rc) {
  sqlite3_stmt *s = NULL;
  int64_t v = 0;
  int r = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (r != SQLITE_OK) {
    *rc = db_fail(st, r, "counting");
    return 0;
  }
  r = sqlite3_step(s);
  if (r == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
  else if (r != SQLITE_DONE) *rc = db_fail(st, r, "counting");
  sqlite3_finalize(s);
  return v;
}

int px_store_counts_get(px_store *st, px_store_counts *out) {
  if (!st || !out) return PX_EINVAL;
  memset(out, 0, sizeof(*out));
  int rc = px__store_flush_rows(st);
  if (rc) return rc;
  out->articles = scalar(st, "SELECT count(*) FROM article", &rc);
  out->sources = scalar(st, "SELECT count(DISTINCT source) FROM article", &rc);
  out->undated = scalar(st, "SELECT count(*) FROM article WHERE published IS NULL", &rc);
  out->first = scalar(st, "SELECT min(published) FROM article", &rc);
  out->last = scalar(st, "SELECT max(published) FROM article", &rc);
  out->body_bytes = scalar(st,
                          "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta"
                          " WHERE key = 'body_bytes'),"
                          " (SELECT total(length(CAST(body AS BLOB))) FROM article))",
                          &rc);
  out->file_bytes = scalar(st, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", &rc);
  out->schema_version = (int)scalar(st, "PRAGMA user_version", &rc);
  if (has_table(st, "story")) out->stories = scalar(st, "SELECT count(*) FROM story", &rc);
  if (has_table(st, "quote")) out->quotes = scalar(st, "SELECT count(*) FROM quote", &rc);
  if (has_table(st, "entity")) out->entities = scalar(st, "SELECT count(*) FROM entity", &rc);
  return rc;
}

int px_store_outlets(px_store *st, int64_t limit, px_outlet_cb cb, void *user) {
  if (!st || !cb) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db,
                              "SELECT source, count(*) AS n FROM article GROUP BY source"
                              " ORDER BY n DESC, source LIMIT ?1",
                              -1, &s, NULL);
  if (rc != SQLITE_OK) return db_fail(st, rc, "listing outlets");
  sqlite3_bind_int64(s, 1, limit > 0 ? limit : -1);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    px_str name = {(const char *)sqlite3_column_text(s, 0), (size_t)sqlite3_column_bytes(s, 0)};
    if (!name.ptr) name.ptr = "";
    if (cb(user, name, sqlite3_column_int64(s, 1))) {
      rc = SQLITE_DONE;
      break;
    }
  }
  rc = rc == SQLITE_DONE ? PX_OK : db_fail(st, rc, "listing outlets");
  sqlite3_finalize(s);
  return rc;
}
