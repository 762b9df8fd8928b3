/* store.h - internal view of the store, shared by the store's files. */
#ifndef PX_STORE_H
#define PX_STORE_H

#include "px_common.h"

#include <sqlite3.h>
#include <stdio.h>

/* Statements of 16, 8, 4, 2 and 1 rows (store_analysis.c). */
#define PX__ROW_SIZES 5

enum {
  PX__STMT_FIND_EXT,
  PX__STMT_FIND_URL,
  PX__STMT_FIND_HASH,
  PX__STMT_INSERT,
  PX__STMT_GET,
  PX__STMT_STORY_NEW,       /* store_story.c */
  PX__STMT_STORY_MEMBER,    /* store_story.c */
  PX__STMT_ANALYSIS,        /* store_analysis.c */
  PX__STMT_ENTITY_FIND,     /* store_analysis.c */
  PX__STMT_OUTLET_ADD,      /* store_batch.c */
  PX__STMT_ENTITY_COUNT,    /* store_batch.c */
  PX__STMT_FTS_ADD,         /* store_batch.c */
  PX__STMT_SPEAKER_FTS,     /* store_batch.c */
  PX__STMT_FTS_ONE,         /* store.c */
  PX__STMT_SPEAKER,         /* store_analysis.c */
  PX__STMT_DEL_QUOTES,      /* store_analysis.c */
  PX__STMT_DEL_ENTITIES,    /* store_analysis.c */
  PX__STMT_SOURCE,          /* store_analysis.c */
  PX__STMT_BODY_BYTES,      /* store_batch.c */
  PX__STMT_OUTLET_MORE,     /* store_batch.c */
  PX__STMT_ANALYSIS_BYTES,  /* store_analysis.c */
  PX__STMT_ANALYSIS_TODO,   /* store_analysis.c */
  PX__STMT_ENTITY_NEXT,     /* store_analysis.c */
  PX__STMT_STORY_NEW_SIG,   /* store_story.c */
  PX__STMT_STORY_SIG,       /* store_story.c */
  PX__STMT_AE_ROWS,         /* store_analysis.c, PX__ROW_SIZES of them */
  PX__STMT_QUOTE_ROWS = PX__STMT_AE_ROWS + PX__ROW_SIZES, /* the same */
  PX__STMT_ENTITY_ROWS = PX__STMT_QUOTE_ROWS + PX__ROW_SIZES, /* store_batch.c, the same */
  PX__STMT_OUTLET_ROWS = PX__STMT_ENTITY_ROWS + PX__ROW_SIZES, /* store_batch.c, the same */
  PX__STMT_COUNT = 48 /* room for the statements of later modules */
};
_Static_assert(PX__STMT_OUTLET_ROWS + PX__ROW_SIZES <= PX__STMT_COUNT, "PX__STMT_COUNT too small");

/* ------------------------------------------------- store_batch.c */

/* A string -> int64 map; keys are copied into its arena. */
typedef struct px__strmap_slot {
  uint64_t hash; /* 0: empty */
  const char *key;
  uint32_t len;
  int64_t val;
} px__strmap_slot;
typedef struct px__strmap {
  px__strmap_slot *slot;
  size_t cap, n;
  px__arena mem;
} px__strmap;
PX__HIDDEN void px__strmap_init(px__strmap *m);
PX__HIDDEN void px__strmap_release(px__strmap *m);
PX__HIDDEN void px__strmap_clear(px__strmap *m);
PX__HIDDEN bool px__strmap_get(const px__strmap *m, const char *s, size_t n, int64_t *val);
/** Insert or overwrite; *stored (may be NULL) gets the map's copy of the key. */
PX__HIDDEN int px__strmap_put(px__strmap *m, const char *s, size_t n, int64_t val,
                              const char **stored);

/* An (a, b) -> three counters map. */
typedef struct px__pair {
  int64_t a, b;
  int64_t n1, n2, n3;
  int used;
} px__pair;
typedef struct px__pairmap {
  px__pair *slot;
  size_t cap, n;
} px__pairmap;
/** Find or add (counters 0 when new).  @return NULL when out of memory. */
PX__HIDDEN px__pair *px__pairmap_put(px__pairmap *m, int64_t a, int64_t b);
PX__HIDDEN void px__pairmap_clear(px__pairmap *m);
PX__HIDDEN void px__pairmap_release(px__pairmap *m);

/* An article stored in the open transaction, its analysis not yet written. */
typedef struct px__fresh {
  int64_t id;
  size_t src_off, src_len; /* its source in px__batch.fresh_src */
  bool done;               /* its analysis is written */
} px__fresh;

/* An analysis row kept for the flush (store_analysis.c).  Its strings are
 * in px__batch.row_text, at off, lengths in len. */
typedef struct px__ae_row {
  int64_t entity, article, mentions, start, end;
  size_t off, len; /* the name */
} px__ae_row;
typedef struct px__quote_row {
  const char *key; /* speaker_key, set when the rows are sorted */
  int64_t article, start, end, entity; /* entity 0: none */
  size_t off;      /* text, cue, speaker_name, speaker_key, back to back */
  uint32_t len[4];
  int kind;
} px__quote_row;

/* What the store holds in memory between statements: lookup caches valid
 * until a rollback, and the work the open transaction defers to its commit. */
typedef struct px__batch {
  px__strmap entity_ids; /* entity key -> id (committed or in this transaction) */
  px__strmap speakers;   /* speaker keys known to be in the speaker table */
  px__buf new_speakers;  /* speakers added in this transaction, not yet in speaker_fts:
                            (size_t length, bytes) of key then name, each */
  /* Entities first met in this transaction, written by the counter flush
   * with their counts (one insert, not an insert and an update): ids from
   * new_entity_lo up, in order; (size_t length, bytes) of key, name, type,
   * each.  next_entity: the id the next one gets (0: not read yet). */
  px__buf new_entities;
  int64_t new_entity_lo, next_entity;
  /* entity_ids holds every stored entity (so a key it lacks is new), as
   * of the largest id ids_max; decided per transaction (store_analysis.c). */
  bool ids_complete;
  int64_t ids_max;
  /* Entity counters to add at commit: entities (id, 0) -> articles, mentions,
   * new outlets; outlets (id, source index) -> articles. */
  px__pairmap entities, outlets;
  px__strmap sources; /* source name -> index into source_names */
  const char **source_names;
  size_t nsources, cap_sources;
  int64_t fts_lo, fts_hi;   /* articles added in this transaction, not yet in article_fts */
  bool fts_deferred;        /* the article being added is indexed by its caller */
  int64_t body_bytes;       /* and the size of their bodies, not yet in meta */
  /* The articles px_store_add stored in this transaction whose analysis
   * is not written yet (with analysis workers, several are in flight):
   * theirs needs no clearing and their source no lookup.  In the order
   * stored; fresh_head is the first not yet analysed. */
  px__fresh *fresh;
  size_t fresh_head, fresh_n, fresh_cap;
  bool fresh_sorted;        /* ids increase along fresh[] (binary search) */
  px__buf fresh_src;        /* their sources, back to back */
  /* Entity mention and quote rows not written yet: at the flush they go
   * in sorted by the key of their randomly keyed index (entity id;
   * speaker key), so that index's pages are each visited once, in order,
   * instead of once per row wherever it falls. */
  px__ae_row *ae;
  size_t nae, cap_ae;
  px__quote_row *qr;
  size_t nqr, cap_qr;
  px__buf row_text;
} px__batch;

PX__HIDDEN void px__batch_init(px__batch *b);
PX__HIDDEN void px__batch_release(px__batch *b);
/** Write the entity mention and quote rows kept for the flush: before
 * the commit, and before anything that reads those tables or deletes
 * from them in the open transaction. */
PX__HIDDEN int px__store_flush_rows(px_store *st);
/** Drop every cache entry and the pending work (after a rollback). */
PX__HIDDEN void px__batch_forget(px__batch *b);
/** Remember article id (from source) as stored without an analysis. */
PX__HIDDEN void px__batch_fresh_add(px__batch *b, int64_t id, px_str source);
/** The entry of article id when it is fresh (stored in this transaction,
 * no analysis written since), else NULL. */
PX__HIDDEN px__fresh *px__batch_fresh_find(px__batch *b, int64_t id);
/** Mark f analysed (no longer fresh). */
PX__HIDDEN void px__batch_fresh_done(px__batch *b, px__fresh *f);
/** Forget every fresh article (the transaction ended). */
PX__HIDDEN void px__batch_fresh_clear(px__batch *b);
/** Give the entity (key, name, type) first met in this transaction an id,
 * written with its counters when they are flushed. */
PX__HIDDEN int px__batch_new_entity(px__batch *b, px_str key, px_str name, const char *type,
                                    int64_t id);
/** Count one article mentioning entity (from source) for the commit. */
PX__HIDDEN int px__batch_count_entity(px__batch *b, int64_t entity, const char *source,
                                      size_t srclen, int64_t mentions);

/* Feature records of the articles stored by this process (store_feat.c),
 * for the cluster stage: a temporary file and an index by article id, in
 * id order.  Records of a rolled-back transaction are dropped. */
typedef struct px__featidx {
  int64_t id;
  uint64_t off;
  uint32_t len;
} px__featidx;
typedef struct px__spill {
  FILE *f;
  bool failed; /* the file could not be written: records are off */
  px__featidx *idx;
  size_t n, cap;
  uint64_t end;  /* bytes written */
  size_t tx_n;   /* n and end when the open transaction began */
  uint64_t tx_end;
  px__buf buf;   /* one record read back */
} px__spill;

/** Keep the feature record of stored article id (rec[0..n)); ids come in
 * increasing order.  Failing to keep it only loses it.  */
PX__HIDDEN void px__spill_put(px_store *st, int64_t id, const void *rec, size_t n);
/** The record of article id, valid until the next call: NULL when none. */
PX__HIDDEN const void *px__spill_get(px_store *st, int64_t id, size_t *n);
/** Transaction hooks: a begin marks, a rollback drops what came after. */
PX__HIDDEN void px__spill_mark(px_store *st);
PX__HIDDEN void px__spill_undo(px_store *st);
/** Drop every record (after clustering) and the file. */
PX__HIDDEN void px__spill_release(px_store *st);

struct px_store {
  px_ctx *ctx;
  sqlite3 *db;
  char *path;
  bool writable;
  bool in_tx;
  sqlite3_stmt *stmt[PX__STMT_COUNT];
  px__batch batch;
  px__spill spill;
  void *fts; /* the search tokenizer's registration (px__store_fts_register) */
};

/** Write the entity counters of the open transaction. */
PX__HIDDEN int px__store_flush_counters(px_store *st);
/** Index the articles of the open transaction for full-text search. */
PX__HIDDEN int px__store_flush_fts(px_store *st);
/** Add the transaction's new speakers to speaker_fts (at commit: an FTS5
 * table written early in a transaction makes every later statement's
 * savepoint flush its pending terms). */
PX__HIDDEN int px__store_note_new_speaker(px_store *st, px_str key, px_str name);
/** Both: what must be written before the transaction commits. */
PX__HIDDEN int px__store_flush(px_store *st);

/** Register on db the search index's tokenizer (store_fts.c): "porter",
 * the built-in's tokens from a word cache.  *handle (may be NULL) gets the
 * registration, for px__store_fts_replay, or NULL when the built-in stays;
 * it lives as long as db.  @return an SQLite code. */
PX__HIDDEN int px__store_fts_register(sqlite3 *db, void **handle);
/** Until the next call, the tokenizer registered as handle gives a text
 * its tokens from tokens (px__fts_maker_run) when they were made from the
 * same bytes, and tokenizes any other text itself.  The buffers the tokens
 * were made from must live until then.  NULL tokens: none. */
PX__HIDDEN void px__store_fts_replay(void *handle, const px__buf *tokens);
/** How many texts the tokenizer registered as handle took from tokens made ahead. */
PX__HIDDEN uint64_t px__store_fts_replayed(const void *handle);

/* The search index's tokens of a text made ahead, on any thread: a
 * pipeline's worker makes them, the writer's indexing statement replays
 * them instead of tokenizing (px__store_index_article).  One per thread. */
typedef struct px__fts_maker px__fts_maker;
PX__HIDDEN int px__fts_maker_new(px__fts_maker **out);
PX__HIDDEN void px__fts_maker_free(px__fts_maker *m);
/** Append to out the tokens article_fts's tokenizer gives text[0..n),
 * tagged with text's address and length.  On failure out is as it was. */
PX__HIDDEN int px__fts_maker_run(px__fts_maker *m, const char *text, size_t n, px__buf *out);

/** px_store_add, leaving the article out of the search index: the caller
 * indexes it with px__store_index_article in the same transaction. */
PX__HIDDEN int px__store_add_unindexed(px_store *st, const px_article *art, int64_t *id);
/** Index stored article id for search, from art (the article as stored)
 * and the tokens made ahead from art's title and body (NULL or empty:
 * none; tokens of other buffers are not used). */
PX__HIDDEN int px__store_index_article(px_store *st, int64_t id, const px_article *art,
                                       const px__buf *tokens);

/** Run SQL with no results. @return PX_OK or a store error (message in ctx). */
PX__HIDDEN int px__store_exec(px_store *st, const char *sql);
/*
 * A statement of several rows, one of PX__ROW_SIZES prepared at base (16,
 * 8, 4, 2 and 1 rows of ncol parameters, ?1 up: "head VALUES(...),(...)"):
 * the largest that does not pass left; *n its rows.  A statement writing
 * several rows that could abort part way (a NOT NULL or UNIQUE failure)
 * opens a statement journal, a copy of every page it changes, and costs
 * more than a statement a row: head says "OR IGNORE" so that none can
 * abort.  Every parameter must be bound before each step (the bindings
 * are not cleared), and the statement reset after it.
 */
PX__HIDDEN int px__store_rows_stmt(px_store *st, int base, const char *head, int ncol, size_t left,
                                   size_t *n, sqlite3_stmt **out);
/** A cached prepared statement, reset and unbound. */
PX__HIDDEN int px__store_stmt(px_store *st, int which, const char *sql, sqlite3_stmt **out);
PX__HIDDEN int px__store_step_fail(px_store *st, int rc, const char *what);
/* Binds v as text to parameter i, an empty string when v has no bytes
 * (never NULL); the caller keeps v alive until the statement is reset. */
static inline void px__store_bind_text(sqlite3_stmt *s, int i, px_str v) {
  sqlite3_bind_text(s, i, v.ptr ? v.ptr : "", (int)v.len, SQLITE_STATIC);
}

/* store_compare.c: the comparison cache, opaque bytes per (story, variant)
 * valid for one membership signature.  get: *hit says whether out got them. */
PX__HIDDEN int px__store_cache_get(px_store *st, int64_t story, const char *variant,
                                   const char *members, px__buf *out, bool *hit);
PX__HIDDEN void px__store_cache_put(px_store *st, int64_t story, const char *variant,
                                    const char *members, const void *p, size_t n);
PX__HIDDEN int px__store_schema_version(void);

/* store_analysis.c: the stored analysis of an article as bytes: its
 * sentences (little-endian uint32 start, end pairs) and its detail
 * (analyze/doc_blob.h), appended to sent and detail.  *found is false when
 * the article has no analysis row, or a row without detail (written before
 * schema 12): the caller analyses the article instead. */
/* Up to cap ids, in order, of the articles after id after whose analysis
 * is missing or older than this build's (all: every article). */
PX__HIDDEN int px__store_analysis_todo(px_store *st, int64_t after, bool all, int64_t *ids,
                                       size_t cap, size_t *n);
PX__HIDDEN int px__store_analysis_bytes(px_store *st, int64_t article, px__buf *sent,
                                        px__buf *detail, bool *found);

/** Link the stories of touched[] into threads (store_thread.c). */
PX__HIDDEN int px__store_link_threads(px_store *st, const px_story_opts *o,
                                      const int64_t *touched, size_t ntouched);

#endif
