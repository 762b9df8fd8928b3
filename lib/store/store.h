/* store.h - internal view of the store, shared by the store's files. */
#ifndef PX_STORE_H
#define PX_STORE_H

#include "px_common.h"

#include <sqlite3.h>

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
  PX__STMT_ENTITY_NEW,      /* store_analysis.c */
  PX__STMT_ARTICLE_ENTITY,  /* store_analysis.c */
  PX__STMT_QUOTE,           /* store_analysis.c */
  PX__STMT_COUNT = 32 /* room for the statements of later modules */
};

struct px_store {
  px_ctx *ctx;
  sqlite3 *db;
  char *path;
  bool writable;
  bool in_tx;
  sqlite3_stmt *stmt[PX__STMT_COUNT];
};

/** Run SQL with no results. @return PX_OK or a store error (message in ctx). */
PX__HIDDEN int px__store_exec(px_store *st, const char *sql);
/** A cached prepared statement, reset and unbound. */
PX__HIDDEN int px__store_stmt(px_store *st, int which, const char *sql, sqlite3_stmt **out);
PX__HIDDEN int px__store_step_fail(px_store *st, int rc, const char *what);
PX__HIDDEN int px__store_schema_version(void);

#endif
