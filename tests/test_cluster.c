/* test_cluster.c - story clustering on invented articles: one event across
 * outlets and wording is one story; two events of the same kind are two;
 * the time window; undated articles; shared boilerplate bodies; batch mode;
 * stories kept in the store across ingests. */
#include "px_test.h"

#include "parallax.h"

#include <stdbool.h>

#define DAY 86400
#define T0 1709251200 /* 2024-03-01 */

typedef struct doc {
  const char *source, *title, *body;
  int64_t t;
  int event;
} doc;

/* Event 1: a ferry fire off Valdoria.  Event 2: another ferry fire, two days
 * later, elsewhere.  Event 3: a summit. */
static const doc docs[] = {
    {"Northwire", "Ferry fire off Valdoria: all 212 passengers rescued",
     "OSTRA (Northwire) - A ferry carrying 212 passengers caught fire off the coast of Valdoria on "
     "Tuesday, and coast guard crews rescued everyone on board. The blaze began in the engine room "
     "of the Morning Gull, operated by Bluewave Lines, forty minutes after it left Ostra. Captain "
     "Elena Marsh sent a distress call. Eleven people were treated for smoke inhalation at Ostra "
     "General Hospital.",
     T0, 1},
    {"Harbor Post", "Bluewave ferry Morning Gull burns near Ostra",
     "Smoke poured from the Morning Gull on Tuesday as the Bluewave Lines ferry burned off Valdoria. "
     "All 212 people aboard were saved by the coast guard and a fishing trawler. Captain Elena Marsh "
     "moved passengers to the upper deck. The transport ministry opened an inquiry into the engine "
     "room fire, and Bluewave suspended crossings from Ostra.",
     T0 + 5 * 3600, 1},
    {"Capital Times", "Valdoria ferry blaze: inquiry opened",
     "Valdoria's transport ministry is investigating Tuesday's fire on the ferry Morning Gull, which "
     "forced the evacuation of 212 passengers near Ostra. Bluewave Lines said the engine room fire "
     "was put out after the rescue. Eleven passengers went to Ostra General Hospital. Captain Marsh "
     "was praised by the regional governor.",
     T0 + DAY, 1},
    {"Northwire", "Ferry Kestrel catches fire near Sandport, 87 evacuated",
     "SANDPORT (Northwire) - The ferry Kestrel caught fire near Sandport on Thursday and all 87 "
     "passengers were evacuated to lifeboats, Northsea Ferries said. Captain Idris Kalu reported "
     "flames in the galley. Two passengers were taken to Sandport Infirmary with burns. The harbour "
     "authority closed the northern channel for the afternoon.",
     T0 + 2 * DAY, 2},
    {"Harbor Post", "Northsea Ferries' Kestrel evacuated after galley fire",
     "Lifeboats carried 87 passengers away from the Kestrel on Thursday after a galley fire broke out "
     "near Sandport. Northsea Ferries praised Captain Idris Kalu. Sandport Infirmary treated two "
     "people for burns, and the harbour authority shut the northern channel while firefighters "
     "boarded the ship.",
     T0 + 2 * DAY + 4 * 3600, 2},
    {"Capital Times", "Sandport ferry fire: Kestrel towed to port",
     "Tugs towed the damaged ferry Kestrel into Sandport on Thursday evening after the galley fire "
     "that forced 87 passengers into lifeboats. Northsea Ferries said Captain Kalu acted quickly. "
     "The northern channel of Sandport harbour reopened at night, the harbour authority said.",
     T0 + 2 * DAY + 9 * 3600, 2},
    {"Northwire", "Holm and Ruiz agree on rail link at Lisvan summit",
     "LISVAN (Northwire) - Prime Minister Anja Holm and President Carlos Ruiz agreed on Wednesday to "
     "build a high-speed rail link between their capitals, at a summit in Lisvan. The two leaders "
     "signed a memorandum on funding and said construction would start in 2026.",
     T0 + DAY + 3600, 3},
    {"Capital Times", "Lisvan summit: Ruiz and Holm sign rail memorandum",
     "President Carlos Ruiz and Prime Minister Anja Holm signed a rail memorandum at their Lisvan "
     "summit on Wednesday. The high-speed link between the two capitals should be under "
     "construction by 2026, the leaders said after talks on funding.",
     T0 + DAY + 7200, 3},
};
#define NDOCS (sizeof(docs) / sizeof(docs[0]))

static px_article *make(const doc *d, int64_t t_override, int use_override) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, d->source, strlen(d->source)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, d->title, strlen(d->title)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, d->body, strlen(d->body)), PX_OK);
  int64_t t = use_override ? t_override : d->t;
  if (t) px_article_set_published(a, t);
  return a;
}

/* Same event <=> same story, for the first NDOCS results. */
static void check_events(px_stories *sx) {
  px_story_result ri, rj;
  for (size_t i = 0; i < NDOCS; i++)
    for (size_t j = i + 1; j < NDOCS; j++) {
      assert_int_equal(px_stories_result(sx, (int64_t)i, &ri), PX_OK);
      assert_int_equal(px_stories_result(sx, (int64_t)j, &rj), PX_OK);
      if ((docs[i].event == docs[j].event) != (ri.story == rj.story))
        fail_msg("articles %zu (event %d, story %lld) and %zu (event %d, story %lld)", i,
                 docs[i].event, (long long)ri.story, j, docs[j].event, (long long)rj.story);
    }
}

/* A clustering of every invented article, online (batch 0) or in batch mode. */
static px_stories *add_docs(px_ctx *ctx, int batch) {
  px_story_opts o;
  px_story_opts_init(&o);
  o.batch = batch;
  px_stories *sx;
  assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
  for (size_t i = 0; i < NDOCS; i++) {
    px_article *a = make(&docs[i], 0, 0);
    int64_t idx;
    assert_int_equal(px_stories_add(sx, a, &idx), PX_OK);
    assert_int_equal(idx, (int64_t)i);
    px_article_free(a);
  }
  return sx;
}

static void run_mode(int batch) {
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_stories *sx = add_docs(ctx, batch);
  assert_int_equal(px_stories_finish(sx), PX_OK);
  check_events(sx);
  assert_int_equal(px_stories_count(sx), 3);
  px_stories_free(sx);
  px_ctx_free(ctx);
}

static void test_events_online(void **state) {
  (void)state;
  run_mode(0);
}

static void test_events_batch(void **state) {
  (void)state;
  run_mode(1);
}

static void test_window_undated_boilerplate(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_stories *sx;
  px_story_opts o;
  px_story_opts_init(&o);
  assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
  for (size_t i = 0; i < NDOCS; i++) {
    px_article *a = make(&docs[i], 0, 0);
    assert_int_equal(px_stories_add(sx, a, NULL), PX_OK);
    px_article_free(a);
  }
  px_story_result r, r0, r3;
  px_stories_result(sx, 0, &r0);
  px_stories_result(sx, 3, &r3);
  /* Undated copy of an article of event 2: joins its original's story, flagged. */
  px_article *a = make(&docs[4], 0, 1);
  int64_t idx;
  assert_int_equal(px_stories_add(sx, a, &idx), PX_OK);
  px_stories_result(sx, idx, &r);
  assert_true(r.flags & PX_SF_UNDATED);
  assert_int_equal(r.story, r3.story);
  px_article_free(a);
  /* A date in the far future: treated as undated, flagged. */
  a = make(&docs[1], (int64_t)T0 + 3000LL * DAY * 10, 1);
  assert_int_equal(px_stories_add(sx, a, &idx), PX_OK);
  px_stories_result(sx, idx, &r);
  assert_true(r.flags & PX_SF_BAD_DATE);
  assert_int_equal(r.story, r0.story);
  px_article_free(a);
  /* Event 1's text again, 20 days later: outside the window, a new story. */
  a = make(&docs[0], T0 + 20 * DAY, 1);
  assert_int_equal(px_stories_add(sx, a, &idx), PX_OK);
  px_stories_result(sx, idx, &r);
  assert_true(r.story != r0.story);
  px_article_free(a);
  /* 40 articles with one paywall body and unrelated titles: not one story. */
  const char *topics[] = {"Election results in the northern province",
                          "Central bank raises interest rates again",
                          "Local team wins the national football cup",
                          "New museum of modern art opens downtown",
                          "Storm cuts power to thousands of homes",
                          "Hospital strike enters its second week",
                          "Tech firm unveils a cheaper electric scooter",
                          "Drought threatens the wheat harvest"};
  int64_t first_story[8];
  int distinct = 0;
  for (int i = 0; i < 40; i++) {
    char title[128];
    snprintf(title, sizeof(title), "%s (%d)", topics[i % 8], i);
    px_article *p;
    assert_int_equal(px_article_new(&p), PX_OK);
    px_article_set(p, PX_F_SOURCE, "Paper", 5);
    px_article_set(p, PX_F_TITLE, title, strlen(title));
    const char *pw = "Subscribe to continue reading. You have reached your limit of free "
                     "articles this month. Already a subscriber? Log in to read on.";
    px_article_set(p, PX_F_BODY, pw, strlen(pw));
    px_article_set_published(p, T0 + 25 * DAY + i * 60);
    assert_int_equal(px_stories_add(sx, p, &idx), PX_OK);
    px_stories_result(sx, idx, &r);
    assert_int_equal(r.dup_of, -1);
    if (i < 8) {
      first_story[i] = r.story;
      bool seen = false;
      for (int k = 0; k < i; k++) seen |= first_story[k] == r.story;
      distinct += !seen;
    }
    px_article_free(p);
  }
  assert_true(distinct >= 7);
  px_stories_free(sx);
  px_ctx_free(ctx);
}

/* Empty, one-word and title-less articles, dated and not, in both modes:
 * each is placed, none joins a real story by accident. */
/* Batch clustering of docs[i] at times t[i] (0: undated), with a URL per
 * doc (NULL: none); story[i] and flags[i] out. */
static void cluster_with(const px_story_opts *o, const size_t *idx, const int64_t *t,
                         const char *const *url, size_t n, int64_t *story, unsigned *flags) {
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_stories *sx;
  assert_int_equal(px_stories_new(ctx, o, &sx), PX_OK);
  for (size_t i = 0; i < n; i++) {
    px_article *a = make(&docs[idx[i]], t[i], 1);
    if (url && url[i]) assert_int_equal(px_article_set(a, PX_F_URL, url[i], strlen(url[i])), PX_OK);
    assert_int_equal(px_stories_add(sx, a, NULL), PX_OK);
    px_article_free(a);
  }
  assert_int_equal(px_stories_finish(sx), PX_OK);
  for (size_t i = 0; i < n; i++) {
    px_story_result r;
    assert_int_equal(px_stories_result(sx, (int64_t)i, &r), PX_OK);
    story[i] = r.story;
    flags[i] = r.flags;
  }
  px_stories_free(sx);
  px_ctx_free(ctx);
}

/* A story is an event bounded in time; undated articles are placed only
 * with evidence. */
static void test_event_rules(void **state) {
  (void)state;
  px_story_opts o;
  px_story_opts_init(&o);
  o.batch = 1;
  int64_t story[6];
  unsigned flags[6];
  /* Event 1 reported on day 0, day 2.5 and day 5: each pair is inside the
   * 3-day window, but one story would span 5 days (> 4): two stories. */
  size_t idx1[] = {0, 1, 2};
  int64_t t1[] = {T0, T0 + 5 * DAY / 2, T0 + 5 * DAY};
  cluster_with(&o, idx1, t1, NULL, 3, story, flags);
  assert_int_not_equal(story[0], story[2]);
  assert_true(story[1] == story[0] || story[1] == story[2]);
  /* The same three within two days: one story. */
  int64_t t1b[] = {T0, T0 + DAY, T0 + 2 * DAY};
  cluster_with(&o, idx1, t1b, NULL, 3, story, flags);
  assert_int_equal(story[0], story[1]);
  assert_int_equal(story[1], story[2]);
  /* Undated articles of event 2 among dated ones: alone and unplaced by
   * default; together with --undated join. */
  size_t idx2[] = {0, 1, 2, 3, 4, 5};
  int64_t t2[] = {T0, T0 + 3600, T0 + DAY, 0, 0, 0};
  cluster_with(&o, idx2, t2, NULL, 6, story, flags);
  assert_int_equal(story[0], story[1]);
  assert_int_not_equal(story[3], story[4]);
  assert_int_not_equal(story[4], story[5]);
  for (int i = 3; i < 6; i++) assert_true((flags[i] & PX_SF_UNPLACED) && (flags[i] & PX_SF_UNDATED));
  assert_false(flags[0] & PX_SF_UNPLACED);
  o.undated = PX_UNDATED_JOIN;
  cluster_with(&o, idx2, t2, NULL, 6, story, flags);
  assert_int_equal(story[3], story[4]);
  assert_int_equal(story[4], story[5]);
  assert_false(flags[3] & PX_SF_UNPLACED);
  /* A date in the URL places an undated article at that day. */
  o.undated = PX_UNDATED_AUTO;
  const char *urls[] = {NULL, NULL, NULL, NULL, "https://news.example/2024/03/03/kestrel-fire", NULL};
  int64_t t3[] = {T0, T0 + 3600, T0 + DAY, T0 + 2 * DAY, 0, 0};
  cluster_with(&o, idx2, t3, urls, 6, story, flags);
  assert_true(flags[4] & PX_SF_DATE_FROM_TEXT);
  assert_int_equal(story[3], story[4]);
  assert_true(flags[5] & PX_SF_UNPLACED);
  /* The same URL date far from the event: not placed with it. */
  const char *urls2[] = {NULL, NULL, NULL, NULL, "https://news.example/2021-07-09/kestrel-fire", NULL};
  cluster_with(&o, idx2, t3, urls2, 6, story, flags);
  assert_true(flags[4] & PX_SF_DATE_FROM_TEXT);
  assert_int_not_equal(story[3], story[4]);
}

/* Dates in URLs and body openings. */
static void test_date_from_text(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_story_opts o;
  px_story_opts_init(&o);
  struct {
    const char *url, *body;
    int found;
    const char *day;
  } cases[] = {
      {"https://a.example/2019/03/15/story.html", "Text.", 1, "2019-03-15"},
      {"https://a.example/news/2019-3-5-story", "Text.", 1, "2019-03-05"},
      {"https://a.example/20190315/story", "Text.", 1, "2019-03-15"},
      {"https://a.example/2019/13/45/story", "Text.", 0, NULL},
      {"https://a.example/1970/01/01/story", "Text.", 0, NULL},
      {"https://a.example/2093/01/01/story", "Text.", 0, NULL},
      {"", "WASHINGTON, March 15, 2019 - The vote was held.", 1, "2019-03-15"},
      {"", "Posted 15 Sept 2019. The vote was held.", 1, "2019-09-15"},
      {"", "The meeting (2019-03-15) ended.", 1, "2019-03-15"},
      {"", "In March, 15 people met in 2019.", 0, NULL},
      {"", "Mayday 12, 2019 was not a date.", 0, NULL},
      {"", "", 0, NULL},
  };
  for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
    px_stories *sx;
    o.batch = 1;
    o.undated = PX_UNDATED_ALONE;
    assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
    px_article *a;
    assert_int_equal(px_article_new(&a), PX_OK);
    assert_int_equal(px_article_set(a, PX_F_URL, cases[k].url, strlen(cases[k].url)), PX_OK);
    assert_int_equal(px_article_set(a, PX_F_BODY, cases[k].body, strlen(cases[k].body)), PX_OK);
    assert_int_equal(px_stories_add(sx, a, NULL), PX_OK);
    assert_int_equal(px_stories_finish(sx), PX_OK);
    px_story_result r;
    assert_int_equal(px_stories_result(sx, 0, &r), PX_OK);
    if (((r.flags & PX_SF_DATE_FROM_TEXT) != 0) != cases[k].found)
      fail_msg("case %zu (%s | %s): found %d", k, cases[k].url, cases[k].body,
               (r.flags & PX_SF_DATE_FROM_TEXT) != 0);
    px_article_free(a);
    px_stories_free(sx);
  }
  px_ctx_free(ctx);
}

static void test_empty_bodies(void **state) {
  (void)state;
  for (int batch = 0; batch < 2; batch++) {
    px_ctx *ctx;
    assert_int_equal(px_ctx_new(&ctx), PX_OK);
    px_stories *sx = add_docs(ctx, batch);
    const char *bodies[] = {"", "Breaking.", "Yes", "\n\n", "Ferry"};
    for (int k = 0; k < 5; k++) {
      px_article *a;
      assert_int_equal(px_article_new(&a), PX_OK);
      px_article_set(a, PX_F_BODY, bodies[k], strlen(bodies[k]));
      if (k % 2) px_article_set_published(a, T0 + DAY);
      assert_int_equal(px_stories_add(sx, a, NULL), PX_OK);
      px_article_free(a);
    }
    assert_int_equal(px_stories_finish(sx), PX_OK);
    check_events(sx);
    px_story_result r, r0;
    px_stories_result(sx, 0, &r0);
    for (int k = 0; k < 5; k++) {
      assert_int_equal(px_stories_result(sx, (int64_t)NDOCS + k, &r), PX_OK);
      assert_true(r.story >= 0);
      assert_true(r.flags & PX_SF_SHORT);
      assert_true(r.story != r0.story);
    }
    px_stories_free(sx);
    px_ctx_free(ctx);
  }
}

static int count_story(void *user, const px_story_info *in) {
  int *n = user;
  (*n)++;
  assert_true(in->articles >= 1);
  return 0;
}

static void test_store_incremental(void **state) {
  (void)state;
  const char *dir = px_test_tmpdir();
  char db[600];
  snprintf(db, sizeof(db), "%s/s.db", dir);
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_store *st;
  assert_int_equal(px_store_open(ctx, db, PX_OPEN_WRITE, &st), PX_OK);
  int64_t ids[NDOCS];
  /* First ingest: the first two articles of each event. */
  for (size_t i = 0; i < NDOCS; i++) {
    if (i == 2 || i == 5) continue;
    px_article *a = make(&docs[i], 0, 0);
    assert_int_equal(px_store_add(st, a, &ids[i]), PX_OK);
    px_article_free(a);
  }
  int64_t added;
  assert_int_equal(px_store_cluster_new_articles(st, NULL, &added), PX_OK);
  assert_int_equal(added, (int64_t)NDOCS - 2);
  int n = 0;
  assert_int_equal(px_store_stories(st, NULL, count_story, &n), PX_OK);
  assert_int_equal(n, 3);
  /* Second ingest: the third articles join their stories. */
  for (size_t i = 2; i < NDOCS; i += 3) {
    px_article *a = make(&docs[i], 0, 0);
    assert_int_equal(px_store_add(st, a, &ids[i]), PX_OK);
    px_article_free(a);
  }
  assert_int_equal(px_store_cluster_new_articles(st, NULL, &added), PX_OK);
  assert_int_equal(added, 2);
  n = 0;
  assert_int_equal(px_store_stories(st, NULL, count_story, &n), PX_OK);
  assert_int_equal(n, 3);
  px_story_filter f = {0};
  f.min_outlets = 3;
  n = 0;
  assert_int_equal(px_store_stories(st, &f, count_story, &n), PX_OK);
  assert_int_equal(n, 2);
  /* Nothing new: nothing placed. */
  assert_int_equal(px_store_cluster_new_articles(st, NULL, &added), PX_OK);
  assert_int_equal(added, 0);
  px_store_free(st);
  px_ctx_free(ctx);
  char cmd[700];
  snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
  assert_int_equal(system(cmd), 0);
}

/* Headlines only (no body): a story told in short texts shares its few words
 * unevenly, so most pairs have little in common; its pieces still come
 * together (through what they share as wholes), and another event told the
 * same way stays apart. */
static void test_brief_headlines(void **state) {
  (void)state;
  static const char *const heads[] = {
      /* event 0: the Kestrel ferry fire at Sandport */
      "Kestrel ferry fire forces evacuation near Sandport",
      "Sandport ferry blaze: 87 passengers in lifeboats",
      "Galley fire on the Kestrel, Northsea Ferries says",
      "Northsea Ferries praises Kestrel captain after fire",
      "Sandport harbour channel shut during ferry fire",
      "Kestrel towed into Sandport harbour after blaze",
      "Two treated for burns after Kestrel galley fire",
      /* event 1: the Lisvan rail summit */
      "Holm and Ruiz meet at Lisvan summit",
      "Lisvan summit agrees high-speed rail link",
      "Ruiz signs rail memorandum with Holm",
      "High-speed rail link by 2026, Lisvan leaders say",
      "Holm hails rail deal after Lisvan talks",
      "Rail link funding settled at Lisvan summit",
      "Ruiz and Holm sign memorandum on funding",
  };
  size_t n = sizeof(heads) / sizeof(heads[0]);
  { /* batch mode: what ingest runs */
    px_ctx *ctx;
    assert_int_equal(px_ctx_new(&ctx), PX_OK);
    px_story_opts o;
    px_story_opts_init(&o);
    o.batch = 1;
    px_stories *sx;
    assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
    for (size_t i = 0; i < n; i++) {
      px_article *a;
      assert_int_equal(px_article_new(&a), PX_OK);
      const char *src = i % 3 == 0 ? "Northwire" : i % 3 == 1 ? "Harbor Post" : "Capital Times";
      assert_int_equal(px_article_set(a, PX_F_SOURCE, src, strlen(src)), PX_OK);
      assert_int_equal(px_article_set(a, PX_F_TITLE, heads[i], strlen(heads[i])), PX_OK);
      px_article_set_published(a, T0 + (int64_t)i * 1800);
      assert_int_equal(px_stories_add(sx, a, NULL), PX_OK);
      px_article_free(a);
    }
    assert_int_equal(px_stories_finish(sx), PX_OK);
    int64_t story[32];
    for (size_t i = 0; i < n; i++) {
      px_story_result r;
      assert_int_equal(px_stories_result(sx, (int64_t)i, &r), PX_OK);
      story[i] = r.story;
    }
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++)
        if ((i < 7) == (j < 7) ? story[i] != story[j] : story[i] == story[j])
          fail_msg("headlines %zu (story %lld) and %zu (story %lld)", i, (long long)story[i], j,
                   (long long)story[j]);
    px_stories_free(sx);
    px_ctx_free(ctx);
  }
}

/* Clustering split over processes: terms taken apart from clustering, the
 * collection's document frequencies given to a clusterer that sees only a
 * part, the central member and signature of a batch story. */
static void test_split_with_collection_df(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_story_opts o;
  px_story_opts_init(&o);
  o.batch = 1;
  px_stories *tx;
  assert_int_equal(px_stories_new(ctx, &o, &tx), PX_OK);
  /* document frequencies of all NDOCS articles, from their terms */
  uint64_t h[4096];
  uint32_t df[4096];
  size_t nh = 0;
  for (size_t i = 0; i < NDOCS; i++) {
    px_article *a = make(&docs[i], 0, 0);
    px_story_term *tv = NULL;
    size_t n = 0;
    px_story_doc d;
    assert_int_equal(px_stories_terms(tx, a, &tv, &n, &d), PX_OK);
    assert_true(n > 10);
    assert_true(d.has_time);
    assert_int_equal(d.t, docs[i].t);
    assert_true(d.words > 20);
    for (size_t k = 0; k < n; k++) {
      if (k) assert_true(tv[k - 1].hash < tv[k].hash); /* sorted, each term once */
      assert_true(tv[k].tf > 0);
      size_t j = 0;
      while (j < nh && h[j] != tv[k].hash) j++;
      if (j == nh) {
        assert_true(nh < 4096);
        h[nh] = tv[k].hash;
        df[nh++] = 0;
      }
      df[j]++;
    }
    free(tv);
    px_article_free(a);
  }
  px_stories_free(tx);
  assert_true(px_story_idf(0, 10) > px_story_idf(5, 10));
  /* the two ferry fires apart from the summit: each part clustered alone,
   * with the collection's frequencies, still gives the events */
  for (int part = 0; part < 2; part++) {
    px_stories *sx;
    assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
    size_t idx_doc[NDOCS], n = 0;
    for (size_t i = 0; i < NDOCS; i++) {
      if ((docs[i].event == 3) != (part == 1)) continue;
      px_article *a = make(&docs[i], 0, 0);
      assert_int_equal(px_stories_add(sx, a, NULL), PX_OK);
      px_article_free(a);
      idx_doc[n++] = i;
    }
    assert_int_equal(px_stories_set_df(sx, h, df, nh, NDOCS), PX_OK);
    assert_int_equal(px_stories_finish(sx), PX_OK);
    assert_int_equal(px_stories_count(sx), part == 0 ? 2 : 1);
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < n; j++) {
        px_story_result ri, rj;
        assert_int_equal(px_stories_result(sx, (int64_t)i, &ri), PX_OK);
        assert_int_equal(px_stories_result(sx, (int64_t)j, &rj), PX_OK);
        assert_int_equal(docs[idx_doc[i]].event == docs[idx_doc[j]].event, ri.story == rj.story);
      }
    for (int64_t st = 0; st < px_stories_count(sx); st++) {
      int64_t central = -1;
      uint64_t sh[40];
      float sw[40];
      size_t ns = 0;
      assert_int_equal(px_stories_story(sx, st, &central, sh, sw, &ns), PX_OK);
      px_story_result r;
      assert_int_equal(px_stories_result(sx, central, &r), PX_OK);
      assert_int_equal(r.story, st);
      assert_true(ns > 0 && ns <= 40);
      double norm = 0;
      for (size_t k = 0; k < ns; k++) norm += (double)sw[k] * sw[k];
      assert_true(norm > 0.99 && norm < 1.01);
    }
    int64_t c;
    uint64_t sh[40];
    float sw[40];
    size_t ns;
    assert_int_equal(px_stories_story(sx, 99, &c, sh, sw, &ns), PX_EINVAL);
    assert_int_equal(px_stories_set_df(sx, h, df, nh, NDOCS), PX_EINVAL); /* finished */
    px_stories_free(sx);
  }
  /* the frequencies are used: every term in every article (idf 1 for all)
   * changes the members' similarities to their story */
  double sim[2][NDOCS];
  for (int v = 0; v < 2; v++) {
    px_stories *sx;
    assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
    for (size_t i = 0; i < NDOCS; i++) {
      px_article *a = make(&docs[i], 0, 0);
      assert_int_equal(px_stories_add(sx, a, NULL), PX_OK);
      px_article_free(a);
    }
    if (v) {
      uint32_t all[4096];
      for (size_t k = 0; k < nh; k++) all[k] = NDOCS;
      assert_int_equal(px_stories_set_df(sx, h, all, nh, NDOCS), PX_OK);
    }
    assert_int_equal(px_stories_finish(sx), PX_OK);
    for (size_t i = 0; i < NDOCS; i++) {
      px_story_result r;
      assert_int_equal(px_stories_result(sx, (int64_t)i, &r), PX_OK);
      sim[v][i] = r.similarity;
    }
    px_stories_free(sx);
  }
  int differ = 0;
  for (size_t i = 0; i < NDOCS; i++) differ += sim[0][i] != sim[1][i];
  assert_true(differ > 0);
  px_ctx_free(ctx);
}


/* A collection's boilerplate told to the clusterer (px_stories_set_boilerplate,
 * as parallax-mpi does for a component): two short articles of one event
 * that share an outlet's furniture are near-duplicates when the furniture
 * counts, and not when it is boilerplate; the duplicate keys follow the
 * same sketch (px_stories_dup_keys). */
#define FURN                                                                                     \
  "The Harbor Ledger app follows every council vote and ferry notice as it happens for its readers. " \
  "The morning edition brings the waterfront headlines to readers across the district before breakfast. " \
  "Comments on this article are moderated by our community desk and may take an hour to appear. " \
  "Our reporters can be reached through the tip line listed on the contact page of this website. " \
  "Subscribers support independent local reporting across the harbor district and the three island towns. " \
  "Corrections are published every Friday on page two of the print edition and on this website. " \
  "Photographs from this story can be licensed through the Harbor Ledger picture archive online. " \
  "Follow the Harbor Ledger on social media for live coverage of storms tides and road closures."
static px_article *furn_art(const char *title, const char *lead, int64_t t) {
  px_article *a;
  assert_int_equal(px_article_new(&a), PX_OK);
  char body[4096];
  snprintf(body, sizeof body, "%s\n\n%s", lead, FURN);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, "Harbor Ledger", 13), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, title, strlen(title)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, body, strlen(body)), PX_OK);
  px_article_set_published(a, t);
  return a;
}

/* positions of art's sentences that are furniture (carried by both) */
static size_t furniture_positions(px_stories *sx, px_article *a, px_article *other, uint32_t *pos) {
  px_story_term *tv = NULL;
  size_t nt = 0;
  px_story_doc sd;
  assert_int_equal(px_stories_terms(sx, other, &tv, &nt, &sd), PX_OK);
  free(tv);
  const uint64_t *h = NULL;
  size_t n = 0;
  assert_int_equal(px_stories_sentences(sx, &h, &n), PX_OK);
  uint64_t oh[64];
  size_t no = n < 64 ? n : 64;
  memcpy(oh, h, no * sizeof(*h));
  assert_int_equal(px_stories_terms(sx, a, &tv, &nt, &sd), PX_OK);
  free(tv);
  assert_int_equal(px_stories_sentences(sx, &h, &n), PX_OK);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < no; j++)
      if (h[i] && h[i] == oh[j]) {
        pos[k++] = (uint32_t)i;
        break;
      }
  return k;
}

static void test_collection_boilerplate(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  px_article *a = furn_art("Ferrybridge closed for repairs after council vote",
                           "The Ferrybridge will close for six weeks of repairs, the harbor council "
                           "decided on Tuesday after engineers found cracked girders under the span.",
                           T0);
  px_article *b = furn_art("Ferrybridge repairs: what the closure means for commuters",
                           "Commuters face detours through the tunnel while the Ferrybridge is shut, "
                           "and the council promised extra ferries during the repairs to the girders.",
                           T0 + 7200);
  px_story_opts o;
  px_story_opts_init(&o);
  o.batch = 1;
  for (int told = 0; told < 2; told++) {
    px_stories *sx;
    assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
    uint32_t pa[64], pb[64];
    size_t na = furniture_positions(sx, a, b, pa), nb = furniture_positions(sx, b, a, pb);
    assert_int_equal(na, 8);
    assert_int_equal(nb, 8);
    /* the duplicate keys: band keys only while the furniture counts */
    uint64_t k0[PX_STORY_DUP_KEYS], k1[PX_STORY_DUP_KEYS];
    size_t n0 = 0, n1 = 0;
    assert_int_equal(px_stories_dup_keys(sx, NULL, 0, k0, &n0), PX_OK);
    assert_int_equal(px_stories_dup_keys(sx, pb, nb, k1, &n1), PX_OK);
    assert_true(n0 > 10 && n0 <= PX_STORY_DUP_KEYS);
    assert_true(n1 < n0); /* too few words left for a sketch: exact keys only */
    int64_t ia, ib;
    if (told) assert_int_equal(px_stories_set_boilerplate(sx, pa, na), PX_OK);
    assert_int_equal(px_stories_add(sx, a, &ia), PX_OK);
    if (told) assert_int_equal(px_stories_set_boilerplate(sx, pb, nb), PX_OK);
    assert_int_equal(px_stories_add(sx, b, &ib), PX_OK);
    assert_int_equal(px_stories_finish(sx), PX_OK);
    px_story_result r;
    assert_int_equal(px_stories_result(sx, ib, &r), PX_OK);
    if (told) assert_int_equal(r.dup_of, -1);
    else assert_int_equal(r.dup_of, ia);
    px_stories_free(sx);
  }
  px_article_free(a);
  px_article_free(b);
  px_ctx_free(ctx);
}

/* An outlet's newsletter form, with its country menu, printed inside every
 * article: two articles of different events that carry it are not
 * near-duplicates (the menu is page furniture; the form's short lines are
 * too few to make them one). */
#define FORM                                                                                          \
  "\n\nGet The Ledger. Sign up to receive the top stories you need to know right now. By signing "   \
  "up I agree to the Harbor Ledger Terms of Use . I acknowledge that I have read the Privacy Policy "  \
  ". You may unsubscribe from email communication at any time. Sign Up Now\n\nChoose your country "  \
  "United States of America Afghanistan Albania Algeria American Samoa Andorra Angola Anguilla "       \
  "Antigua and Barbuda Argentina Armenia Aruba Australia Austria Azerbaijan Bahamas Bahrain "          \
  "Bangladesh Barbados Belarus Belgium Belize Benin Bermuda Bhutan Bolivia Botswana Brazil Brunei "    \
  "Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Croatia Cuba Cyprus "   \
  "Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Ethiopia Fiji Finland France Gabon Gambia " \
  "Georgia Germany Ghana Greece Grenada Guam Guatemala Guinea Guyana Haiti Honduras Hungary Iceland "  \
  "India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kenya Kiribati Kuwait Laos "    \
  "Latvia Lebanon Lesotho Liberia Lithuania Macao Madagascar Malawi Malaysia Maldives Mali Malta "     \
  "Mexico Monaco Mongolia Morocco Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman "      \
  "Please enter a valid email address. Please select your country. I can confirm I have read and "    \
  "accept the Terms Of Use. Please check to proceed. Sign Up Now You may unsubscribe from email "      \
  "communication at any time. See our Privacy Policy for further details. Thank you! For your "        \
  "security, we've sent a confirmation email to the address you entered. Click the link to confirm "  \
  "your subscription and begin receiving our newsletters.\n\n"
static void test_furniture_not_duplicate(void **state) {
  (void)state;
  px_ctx *ctx;
  assert_int_equal(px_ctx_new(&ctx), PX_OK);
  const char *ta = "Ferrybridge closed for repairs after council vote",
             *ba = "The Ferrybridge will close for six weeks of repairs, the harbor council decided on "
                   "Tuesday after engineers found cracked girders under the span." FORM
                   "Commuters face detours through the tunnel while the bridge is shut, and the "
                   "council promised extra ferries at rush hour. Engineers said the girders had "
                   "rusted through where salt water pooled on the deck, and that the bridge would "
                   "reopen with a lower weight limit for trucks until new steel arrives in spring.",
             *tb = "Orlen school board picks a new superintendent",
             *bb = "The Orlen school board named Jane Doe its superintendent on Thursday, ending a "
                   "search that lasted most of the year and drew forty applicants." FORM
                   "Doe starts in August and will be paid a salary set by the board. She ran the "
                   "schools of Eastport for six years, where test scores rose and two new schools "
                   "opened, and she told parents at the meeting that class sizes and the repair of "
                   "the old high school gym would come first in her plans for the district.";
  px_article *a, *b;
  assert_int_equal(px_article_new(&a), PX_OK);
  assert_int_equal(px_article_new(&b), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_SOURCE, "Harbor Ledger", 13), PX_OK);
  assert_int_equal(px_article_set(b, PX_F_SOURCE, "Harbor Ledger", 13), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_TITLE, ta, strlen(ta)), PX_OK);
  assert_int_equal(px_article_set(b, PX_F_TITLE, tb, strlen(tb)), PX_OK);
  assert_int_equal(px_article_set(a, PX_F_BODY, ba, strlen(ba)), PX_OK);
  assert_int_equal(px_article_set(b, PX_F_BODY, bb, strlen(bb)), PX_OK);
  px_story_opts o;
  px_story_opts_init(&o);
  px_stories *sx;
  assert_int_equal(px_stories_new(ctx, &o, &sx), PX_OK);
  int64_t ia, ib;
  assert_int_equal(px_stories_add(sx, a, &ia), PX_OK);
  assert_int_equal(px_stories_add(sx, b, &ib), PX_OK);
  assert_int_equal(px_stories_finish(sx), PX_OK);
  px_story_result ra, rb;
  assert_int_equal(px_stories_result(sx, ia, &ra), PX_OK);
  assert_int_equal(px_stories_result(sx, ib, &rb), PX_OK);
  assert_int_equal(ra.dup_of, -1);
  assert_int_equal(rb.dup_of, -1);
  px_stories_free(sx);
  px_article_free(a);
  px_article_free(b);
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_furniture_not_duplicate),
      cmocka_unit_test(test_events_online),
      cmocka_unit_test(test_events_batch),
      cmocka_unit_test(test_window_undated_boilerplate),
      cmocka_unit_test(test_empty_bodies),
      cmocka_unit_test(test_event_rules),
      cmocka_unit_test(test_date_from_text),
      cmocka_unit_test(test_store_incremental),
      cmocka_unit_test(test_brief_headlines),
      cmocka_unit_test(test_split_with_collection_df),
      cmocka_unit_test(test_collection_boilerplate),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
