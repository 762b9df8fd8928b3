/* test_serve_cache.c - the page cache of parallax serve (src/serve_cache.c):
 * keys told apart by their bytes even when every hash collides, generation
 * stamps and claims, references that outlive eviction, the byte budget, and
 * one build of a missing page while other requests wait for it. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* Every key hashes alike: lookups must compare whole keys. */
static uint64_t same_hash(const char *p, size_t n) {
  (void)p;
  (void)n;
  return 42;
}
#define SV_CACHE_HASH same_hash
#include "../src/serve_cache.c"

#include "px_test.h"

static void put_str(sv_cache *c, const char *key, uint64_t gen, const char *body) {
  sv_centry *e = sv_cache_put(c, key, strlen(key), gen, "", 0, body, strlen(body));
  assert_non_null(e);
  sv_centry_release(e);
}

static void expect(sv_cache *c, const char *key, uint64_t gen, int state, const char *body) {
  sv_centry *e = NULL;
  assert_int_equal(sv_cache_get(c, key, strlen(key), gen, &e), state);
  if (!body) {
    assert_null(e);
    return;
  }
  assert_non_null(e);
  size_t n;
  const char *p = sv_centry_body(e, &n);
  assert_int_equal(n, strlen(body));
  assert_memory_equal(p, body, n);
  sv_centry_release(e);
}

static void test_keys_compared_whole(void **state) {
  (void)state;
  sv_cache *c = sv_cache_new(1 << 20);
  put_str(c, "/story/1", 1, "page one");
  put_str(c, "/story/2", 1, "page two");
  put_str(c, "/story/1?", 1, "page one, other target");
  expect(c, "/story/1", 1, SV_C_FRESH, "page one");
  expect(c, "/story/2", 1, SV_C_FRESH, "page two");
  expect(c, "/story/1?", 1, SV_C_FRESH, "page one, other target");
  /* A key that is a prefix of another, and one never stored. */
  expect(c, "/story/", SV_GEN_ANY, SV_C_NONE, NULL);
  /* Replacing one key leaves the others alone. */
  put_str(c, "/story/2", 1, "page two, again");
  expect(c, "/story/2", 1, SV_C_FRESH, "page two, again");
  expect(c, "/story/1", 1, SV_C_FRESH, "page one");
  size_t n, bytes;
  sv_cache_stats(c, &n, &bytes);
  assert_int_equal(n, 3);
  sv_cache_free(c);
}

static void test_generations_and_claims(void **state) {
  (void)state;
  sv_cache *c = sv_cache_new(1 << 20);
  put_str(c, "/", 1, "old list");
  /* The count moved: the first request rebuilds, the next gets the old page. */
  sv_centry *e = NULL;
  assert_int_equal(sv_cache_get(c, "/", 1, 2, &e), SV_C_REFRESH);
  expect(c, "/", 2, SV_C_STALE, "old list");
  /* Found still valid: stamped again. */
  sv_cache_restamp(c, e, 2);
  sv_centry_release(e);
  expect(c, "/", 2, SV_C_FRESH, "old list");
  /* A rebuild that fails ends its claim: the next request rebuilds. */
  assert_int_equal(sv_cache_get(c, "/", 1, 3, &e), SV_C_REFRESH);
  sv_cache_unclaim(c, e);
  sv_centry_release(e);
  assert_int_equal(sv_cache_get(c, "/", 1, 3, &e), SV_C_REFRESH);
  sv_centry_release(e);
  put_str(c, "/", 3, "new list");
  expect(c, "/", 3, SV_C_FRESH, "new list");
  /* The watcher claims the stale pages asked for lately, by their first byte. */
  put_str(c, "R7", 0, "a report");
  sv_centry *list[4];
  assert_int_equal(sv_cache_claim_stale(c, 4, time(NULL) - 60, '/', list, 4), 1);
  size_t kl;
  assert_memory_equal(sv_centry_key(list[0], &kl), "/", 1);
  assert_int_equal(sv_cache_claim_stale(c, 4, time(NULL) - 60, '/', list + 1, 3), 0);
  sv_cache_unclaim(c, list[0]);
  sv_centry_release(list[0]);
  sv_cache_free(c);
}

static void test_references_outlive_eviction(void **state) {
  (void)state;
  sv_cache *c = sv_cache_new(4096);
  char body[900];
  memset(body, 'a', sizeof(body) - 1);
  body[sizeof(body) - 1] = 0;
  put_str(c, "/a", 1, body);
  sv_centry *held = NULL;
  assert_int_equal(sv_cache_get(c, "/a", 2, 1, &held), SV_C_FRESH);
  /* Fill past the budget: the least recently used entries go. */
  put_str(c, "/b", 1, body);
  put_str(c, "/c", 1, body);
  put_str(c, "/d", 1, body);
  put_str(c, "/e", 1, body);
  size_t n, bytes;
  sv_cache_stats(c, &n, &bytes);
  assert_true(bytes <= 4096);
  expect(c, "/a", SV_GEN_ANY, SV_C_NONE, NULL);
  /* The reference still reads its bytes (ASan would see a use after free). */
  size_t len;
  const char *p = sv_centry_body(held, &len);
  assert_int_equal(len, strlen(body));
  assert_int_equal(p[len - 1], 'a');
  sv_centry_release(held);
  /* A page larger than a quarter of the budget is handed back, not kept. */
  char big[2000];
  memset(big, 'b', sizeof(big) - 1);
  big[sizeof(big) - 1] = 0;
  sv_centry *e = sv_cache_put(c, "/big", 4, 1, "", 0, big, strlen(big));
  assert_non_null(e);
  sv_centry_release(e);
  expect(c, "/big", SV_GEN_ANY, SV_C_NONE, NULL);
  sv_cache_free(c);
}

typedef struct waiter {
  sv_cache *c;
  int state;
  char body[64];
} waiter;

static void *wait_for_build(void *u) {
  waiter *w = u;
  sv_centry *e = NULL;
  w->state = sv_cache_get(w->c, "/search?q=x", 11, 5, &e);
  if (e) {
    size_t n;
    const char *p = sv_centry_body(e, &n);
    memcpy(w->body, p, n < 63 ? n : 63);
    sv_centry_release(e);
  }
  return NULL;
}

static void test_one_build_of_a_missing_page(void **state) {
  (void)state;
  sv_cache *c = sv_cache_new(1 << 20);
  sv_centry *e = NULL;
  /* This thread is to build it ... */
  assert_int_equal(sv_cache_get(c, "/search?q=x", 11, 5, &e), SV_C_NONE);
  assert_null(e);
  /* ... and another request for it waits for that build. */
  waiter w = {.c = c, .state = -1};
  pthread_t t;
  assert_int_equal(pthread_create(&t, NULL, wait_for_build, &w), 0);
  struct timespec ts = {0, 100 * 1000 * 1000};
  nanosleep(&ts, NULL);
  assert_int_equal(__atomic_load_n(&w.state, __ATOMIC_ACQUIRE), -1);
  e = sv_cache_put(c, "/search?q=x", 11, 5, "", 0, "hits", 4);
  sv_centry_release(e);
  pthread_join(t, NULL);
  assert_int_equal(w.state, SV_C_FRESH);
  assert_string_equal(w.body, "hits");
  /* A build that ends without a page lets the waiters build it themselves. */
  assert_int_equal(sv_cache_get(c, "/404", 4, 5, &e), SV_C_NONE);
  sv_cache_done(c, "/404", 4);
  assert_int_equal(sv_cache_get(c, "/404", 4, 5, &e), SV_C_NONE);
  sv_cache_done(c, "/404", 4);
  sv_cache_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_keys_compared_whole),
      cmocka_unit_test(test_generations_and_claims),
      cmocka_unit_test(test_references_outlive_eviction),
      cmocka_unit_test(test_one_build_of_a_missing_page),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
