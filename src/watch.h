/* watch.h - what the files of `parallax watch` share (cmd_watch.c is the
 * loop; watch_fetch.c fetches; watch_alert.c finds and delivers alerts;
 * watch_config.c reads the configuration). */
#ifndef PX_WATCH_H
#define PX_WATCH_H

#include "watch_config.h"
#include "watch_fetch.h"

#include <parallax.h>

/* The log: one line on stderr, "parallax watch: LEVEL: message". */
void wlog(const char *level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

typedef struct walerts walerts;

/** Start the alert engine over st: loads what it needs of the stored quotes.
 * @return PX_OK or a store error. */
int walerts_new(px_ctx *ctx, px_store *st, wfetch *f, const wconfig *cfg, walerts **out);
void walerts_free(walerts *a);
/** Use a new configuration (SIGHUP); cfg must outlive the engine or the next call. */
void walerts_configure(walerts *a, const wconfig *cfg);
/**
 * After px_ingest_finish(): look for the alerts the new articles raise and
 * put each one not raised before in the outbox, in one transaction with
 * the positions it advances.  @return PX_OK or a store error.
 */
int walerts_check(walerts *a, const int64_t *articles, size_t n);
/** Deliver what the outbox holds to every sink not yet done.
 * @return the number of alerts still waiting (a sink failed). */
size_t walerts_deliver(walerts *a);
/** Alerts raised and delivered since the start. */
void walerts_counts(const walerts *a, uint64_t *raised, uint64_t *delivered);

#endif
