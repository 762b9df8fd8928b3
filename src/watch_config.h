/* watch_config.h - the configuration of `parallax watch` (docs/watch.md).
 *
 * A small TOML-like format: `key = value` lines, `# comments`, sections
 * `[feed]`, `[folder]`, `[alert]` (each opening a new entry; `[[feed]]`
 * is accepted too) and `[deliver]`.  Values: "strings" (escapes \" \\ \n
 * \t), numbers, true/false, and one-line arrays of strings ["a", "b"].
 * Anything else is an error naming the line. */
#ifndef PX_WATCH_CONFIG_H
#define PX_WATCH_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct wfeed {
  char *url;
  double interval; /* seconds between polls; 0: the global interval */
} wfeed;

typedef enum walert_kind {
  WA_OUTLETS = 1,   /* a story reaches min outlets (of the group, when one is given) */
  WA_FACTS,         /* a followed story gains a fact or a numeric dispute */
  WA_SPEAKER,       /* a new quote by a followed speaker */
  WA_MISATTRIBUTED  /* the same quoted words attributed to two different people */
} walert_kind;

typedef struct walert {
  char *name;       /* the subscription's name (default "<kind>-<n>") */
  walert_kind kind;
  long min;         /* WA_OUTLETS: outlets needed (default 3) */
  char **outlets;   /* WA_OUTLETS: the outlet group (exact names), may be empty */
  size_t noutlets;
  char *speaker;    /* WA_SPEAKER */
  int64_t story;    /* WA_FACTS: a story id, or 0 with match */
  char *match;      /* WA_FACTS: follow stories whose headline contains this (case-folded) */
  long min_words;   /* WA_MISATTRIBUTED: shortest quote considered (default 6 words) */
} walert;

typedef struct wconfig {
  /* Fetching. */
  char *user_agent;
  double interval;        /* default seconds between polls of a feed (300) */
  double timeout;         /* whole request (30) */
  double connect_timeout; /* (10) */
  long max_bytes;         /* largest response accepted (16 MiB) */
  long max_redirects;     /* (5) */
  long per_host;          /* concurrent requests per host (2) */
  double rate;            /* requests per second per host (1) */
  double backoff_max;     /* longest wait after errors (3600) */
  bool fetch_pages;       /* fetch the page an item links to (true) */
  double settle;          /* folders: seconds a file's size must stay still (2) */
  wfeed *feeds;
  size_t nfeeds;
  char **folders;
  size_t nfolders;
  walert *alerts;
  size_t nalerts;
  /* Delivery. */
  bool to_stdout;  /* (true) */
  char *command;   /* run with /bin/sh -c, the alert on its stdin */
  char *webhook;   /* POSTed as application/json */
} wconfig;

/** Defaults (no feeds, folders or alerts). */
void wconfig_init(wconfig *c);
void wconfig_release(wconfig *c);
/**
 * Parse text[0..n) (name is used in messages) into c, which must have been
 * initialised: entries are appended, settings overwritten.  On error err
 * gets "name:line N: reason" and -1 is returned; c then holds what was
 * read before the error (release it).  @return 0 or -1.
 */
int wconfig_parse(wconfig *c, const char *text, size_t n, const char *name, char *err,
                  size_t errcap);
/** Read and parse a file.  @return 0 or -1 (err says why). */
int wconfig_load(wconfig *c, const char *path, char *err, size_t errcap);
/** Append a feed / folder given on the command line.  @return 0 or -1 (out of memory). */
int wconfig_add_feed(wconfig *c, const char *url);
int wconfig_add_folder(wconfig *c, const char *path);

#endif
