/* test_store_analysis.c - analysis kept in the store: quotes found by any
 * spelling of the speaker, entity counters, re-analysis replacing rows. */
#include "px_test.h"

#include "parallax.h"

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

static void add(px_store *st, px_analyzer *an, px_quoter *qt, px_article *a) {
  int64_t id;
  assert_int_equal(px_store_add(st, a, &id), PX_OK);
  px_doc *doc;
  px_quotes *qs;
  assert_int_equal(px_analyze(an, a, &doc), PX_OK);
  assert_int_equal(px_quotes_extract(qt, doc, &qs), PX_OK);
  assert_int_equal(px_store_add_analysis(st, id, doc, qs), PX_OK);
  assert_int_equal(px_store_has_analysis(st, id), 1);
  /* Analyzing again replaces, it does not add. */
  assert_int_equal(px_store_add_analysis(st, id, doc, qs), PX_OK);
  px_quotes_free(qs);
  px_doc_free(doc);
}

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
  px_ctx_free(ctx);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_quotes_and_entities)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
