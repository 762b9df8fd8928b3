/* store_merge.c - copying the articles of another parallax database (a
 * shard written by parallax-mpi, docs/scale.md) into this one, with their
 * analysis, by SQL alone: ATTACH, then INSERT ... SELECT per table, ids
 * remapped through a temporary table.  Nothing is analysed again.
 *
 * Columns are matched by name (those both databases have), so a shard of
 * the same schema version copies whole; entities are matched by their
 * cross-article key.  The entity counters, the outlet counts, the search
 * index and the body-bytes total are added for the imported rows only.
 * Stories are not copied: the caller clusters the imported articles
 * (px_store_cluster_new_articles) once every shard is in.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fail(px_store *st, int rc, const char *what) { return px__store_step_fail(st, rc, what); }

/* ", c1, c2" of the columns table has in both main and s, skipping skip[]
 * (NULL-terminated); with prefix "a." before each name when given. */
static int common_cols(px_store *st, const char *table, const char *const *skip,
                       const char *prefix, char *out, size_t cap) {
  char *q = sqlite3_mprintf("SELECT m.name FROM pragma_table_info(%Q, 'main') m"
                            " JOIN pragma_table_info(%Q, 's') x ON x.name = m.name ORDER BY m.cid",
                            table, table);
  if (!q) return PX_ENOMEM;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, q, -1, &s, NULL);
  sqlite3_free(q);
  if (rc != SQLITE_OK) return fail(st, rc, "reading a shard's columns");
  size_t n = 0;
  out[0] = '\0';
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(s, 0);
    bool skipped = false;
    for (size_t i = 0; skip && skip[i]; i++)
      if (strcmp(skip[i], name) == 0) skipped = true;
    if (skipped) continue;
    int w = snprintf(out + n, cap - n, ", %s\"%s\"", prefix ? prefix : "", name);
    if (w < 0 || (size_t)w >= cap - n) {
      sqlite3_finalize(s);
      return px__ctx_fail(st->ctx, PX_EINVAL, "%s: too many columns in %s", st->path, table);
    }
    n += (size_t)w;
  }
  sqlite3_finalize(s);
  return rc == SQLITE_DONE ? PX_OK : fail(st, rc, "reading a shard's columns");
}

static int exec(px_store *st, const char *sql) { return px__store_exec(st, sql); }

/* INSERT INTO main.<table>(<key>, cols) SELECT m.dst, a.cols FROM map JOIN s.<table> a
 * ON a.<key> = m.src: the per-article tables whose rows are copied as they are. */
static int copy_by_article(px_store *st, const char *table, const char *key, const char *extra) {
  const char *skip[] = {key, NULL};
  char cols[4096], acols[4096];
  int rc = common_cols(st, table, skip, NULL, cols, sizeof(cols));
  if (rc == PX_OK) rc = common_cols(st, table, skip, "a.", acols, sizeof(acols));
  if (rc) return rc;
  char *q = sqlite3_mprintf("INSERT INTO main.\"%w\"(\"%w\"%s) SELECT m.dst%s FROM px_import_map m"
                            " JOIN s.\"%w\" a ON a.\"%w\" = m.src%s",
                            table, key, cols, acols, table, key, extra ? extra : "");
  if (!q) return PX_ENOMEM;
  rc = exec(st, q);
  sqlite3_free(q);
  return rc;
}

int px_store_import(px_store *st, const char *src, const int64_t *map, size_t n,
                    int64_t *imported) {
  if (imported) *imported = 0;
  if (!st || !src || (!map && n)) return PX_EINVAL;
  if (!st->writable)
    return px__ctx_fail(st->ctx, PX_EINVAL, "%s: opened read-only, cannot import", st->path);
  if (st->in_tx)
    return px__ctx_fail(st->ctx, PX_EINVAL, "%s: cannot import inside an open batch", st->path);
  if (access(src, R_OK) != 0)
    return px__ctx_fail(st->ctx, PX_ENOTFOUND, "%s: no such shard database", src);
  /* The shard is checked as any store is (application id, schema version)
   * by opening it once on its own, read-only. */
  {
    px_store *chk = NULL;
    int rc = px_store_open(st->ctx, src, PX_OPEN_READ, &chk);
    if (rc != PX_OK) return rc;
    sqlite3_stmt *v = NULL;
    int sv = -1, mv = -2;
    if (sqlite3_prepare_v2(chk->db, "PRAGMA user_version", -1, &v, NULL) == SQLITE_OK &&
        sqlite3_step(v) == SQLITE_ROW)
      sv = sqlite3_column_int(v, 0);
    sqlite3_finalize(v);
    v = NULL;
    if (sqlite3_prepare_v2(st->db, "PRAGMA main.user_version", -1, &v, NULL) == SQLITE_OK &&
        sqlite3_step(v) == SQLITE_ROW)
      mv = sqlite3_column_int(v, 0);
    sqlite3_finalize(v);
    px_store_free(chk);
    if (sv != mv)
      return px__ctx_fail(st->ctx, PX_EDBVERSION, "%s: schema version %d, this store has %d",
                          src, sv, mv);
  }
  char *q = sqlite3_mprintf("ATTACH %Q AS s", src);
  if (!q) return PX_ENOMEM;
  int rc = exec(st, q);
  sqlite3_free(q);
  if (rc) return rc;
  bool tx = false;
  if ((rc = exec(st, "CREATE TEMP TABLE IF NOT EXISTS px_import_map("
                     "src INTEGER PRIMARY KEY, dst INTEGER NOT NULL UNIQUE);"
                     "DELETE FROM px_import_map;"
                     "CREATE TEMP TABLE IF NOT EXISTS px_import_ae(entity INTEGER, source TEXT,"
                     " mentions INTEGER);"
                     "DELETE FROM px_import_ae;")))
    goto out;
  if ((rc = px_store_begin(st))) goto out;
  tx = true;
  {
    sqlite3_stmt *s = NULL;
    if ((rc = sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO px_import_map VALUES(?1, ?2)", -1,
                                 &s, NULL)) != SQLITE_OK) {
      rc = fail(st, rc, "importing a shard");
      goto out;
    }
    for (size_t i = 0; i < n; i++) {
      sqlite3_bind_int64(s, 1, map[2 * i]);
      sqlite3_bind_int64(s, 2, map[2 * i + 1]);
      int r = sqlite3_step(s);
      sqlite3_reset(s);
      if (r != SQLITE_DONE) {
        sqlite3_finalize(s);
        rc = fail(st, r, "importing a shard");
        goto out;
      }
    }
    sqlite3_finalize(s);
  }
  /* Already imported (a rerun) or not in the shard: left out. */
  if ((rc = exec(st, "DELETE FROM px_import_map WHERE dst IN (SELECT id FROM main.article)"
                     " OR src NOT IN (SELECT id FROM s.article)")))
    goto out;
  if ((rc = copy_by_article(st, "article", "id", " ORDER BY m.dst"))) goto out;
  if ((rc = copy_by_article(st, "analysis", "article", NULL))) goto out;
  /* Entities by key; counters start at 0 and are added below. */
  if ((rc = exec(st,
                 "INSERT OR IGNORE INTO main.entity(key, name, type)"
                 " SELECT se.key, se.name, se.type FROM s.entity se WHERE se.id IN ("
                 "  SELECT ae.entity FROM s.article_entity ae JOIN px_import_map m"
                 "  ON m.src = ae.article UNION SELECT q.speaker_entity FROM s.quote q"
                 "  JOIN px_import_map m ON m.src = q.article WHERE q.speaker_entity IS NOT NULL)"
                 " ORDER BY se.id;"
                 "INSERT INTO main.article_entity(article, entity, name, mentions, first_start,"
                 " first_end)"
                 " SELECT m.dst, e.id, ae.name, ae.mentions, ae.first_start, ae.first_end"
                 " FROM px_import_map m JOIN s.article_entity ae ON ae.article = m.src"
                 " JOIN s.entity se ON se.id = ae.entity JOIN main.entity e ON e.key = se.key;"
                 "INSERT INTO px_import_ae SELECT ae.entity, a.source, ae.mentions"
                 " FROM main.article_entity ae JOIN px_import_map m ON m.dst = ae.article"
                 " JOIN main.article a ON a.id = m.dst;"
                 "INSERT INTO main.entity_outlet(entity, source, articles)"
                 " SELECT entity, source, count(*) FROM px_import_ae WHERE true"
                 " GROUP BY entity, source"
                 " ON CONFLICT(entity, source) DO UPDATE SET articles = articles + excluded.articles;"
                 "DROP TABLE IF EXISTS temp.px_import_cnt;"
                 "CREATE TEMP TABLE px_import_cnt(entity INTEGER PRIMARY KEY, n INTEGER, mm INTEGER);"
                 "INSERT INTO px_import_cnt SELECT entity, count(*), total(mentions)"
                 " FROM px_import_ae GROUP BY entity;"
                 "UPDATE main.entity SET articles = articles + c.n, mentions = mentions + c.mm,"
                 " outlets = (SELECT count(*) FROM main.entity_outlet o WHERE o.entity = c.entity)"
                 " FROM px_import_cnt c WHERE c.entity = entity.id;"
                 /* An entity is named and typed by the first article (by id)
                  * that mentions it, as when articles are stored in order. */
                 "UPDATE main.entity SET name = f.name, type = f.type FROM ("
                 " SELECT ae.entity AS entity, ae.name AS name, se.type AS type,"
                 "  min(ae.article) AS first"
                 " FROM main.article_entity ae JOIN px_import_map m ON m.dst = ae.article"
                 " JOIN main.entity e ON e.id = ae.entity JOIN s.entity se ON se.key = e.key"
                 " GROUP BY ae.entity) f"
                 " WHERE f.entity = entity.id AND f.first = (SELECT min(o.article)"
                 "  FROM main.article_entity o WHERE o.entity = f.entity);")))
    goto out;
  {
    const char *skip[] = {"id", "article", "speaker_entity", NULL};
    char cols[4096], qcols[4096];
    if ((rc = common_cols(st, "quote", skip, NULL, cols, sizeof(cols))) ||
        (rc = common_cols(st, "quote", skip, "q.", qcols, sizeof(qcols))))
      goto out;
    q = sqlite3_mprintf(
        "INSERT INTO main.quote(article, speaker_entity%s) SELECT m.dst,"
        " (SELECT e.id FROM s.entity se JOIN main.entity e ON e.key = se.key"
        "  WHERE se.id = q.speaker_entity)%s"
        " FROM px_import_map m JOIN s.quote q ON q.article = m.src ORDER BY m.dst, q.id;"
        "INSERT OR IGNORE INTO main.speaker(key, name) SELECT key, name FROM s.speaker"
        " WHERE key IN (SELECT q.speaker_key FROM s.quote q JOIN px_import_map m"
        "  ON m.src = q.article);"
        /* a speaker is named by its first quote (by article id) */
        "UPDATE main.speaker SET name = (SELECT q.speaker_name FROM main.quote q"
        " WHERE q.speaker_key = speaker.key ORDER BY q.article, q.id LIMIT 1)"
        " WHERE key IN (SELECT q.speaker_key FROM main.quote q JOIN px_import_map m"
        "  ON m.dst = q.article);"
        "INSERT INTO main.speaker_fts(key, name) SELECT key, name FROM main.speaker"
        " WHERE key IN (SELECT q.speaker_key FROM main.quote q JOIN px_import_map m"
        "  ON m.dst = q.article);",
        cols, qcols);
    if (!q) {
      rc = PX_ENOMEM;
      goto out;
    }
    rc = exec(st, q);
    sqlite3_free(q);
    if (rc) goto out;
  }
  if ((rc = exec(st,
                 "INSERT INTO main.article_fts(rowid, title, body)"
                 " SELECT a.id, a.title, a.body FROM main.article a"
                 " WHERE a.id IN (SELECT dst FROM px_import_map) ORDER BY a.id;"
                 "INSERT OR IGNORE INTO main.meta(key, value) VALUES('body_bytes', 0);"
                 "UPDATE main.meta SET value = CAST(value AS INTEGER) + (SELECT"
                 " CAST(total(length(CAST(a.body AS BLOB))) AS INTEGER) FROM main.article a"
                 " WHERE a.id IN (SELECT dst FROM px_import_map)) WHERE key = 'body_bytes';")))
    goto out;
  if (imported) {
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM px_import_map", -1, &s, NULL) ==
            SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      *imported = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  tx = false;
  rc = px_store_commit(st);
out:
  if (tx) px_store_rollback(st);
  sqlite3_exec(st->db, "DETACH s", NULL, NULL, NULL);
  return rc;
}
