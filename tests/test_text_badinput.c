/* test_text_badinput.c - text analysis on hostile and degenerate input:
 * invalid UTF-8, control characters, a 10 MB paragraph, no punctuation,
 * only quotation marks, zero-width characters.  Nothing may crash, every
 * result must keep its invariants, and work must grow linearly with the
 * input: checked with the analyzer's deterministic step counter on 1x and
 * 8x inputs, not with wall time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/text.h"

typedef struct fixture {
  px__textan *ta;
  px__arena arena;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f || px__textan_new(&f->ta)) return -1;
  px__arena_init(&f->arena, 1 << 16);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  px__textan_free(f->ta);
  px__arena_release(&f->arena);
  free(f);
  return 0;
}

/* Analyze and check the invariants; @return the analyzer steps it took. */
static uint64_t analyze_checked(fixture *f, const char *p, size_t n, px__text *t) {
  px__arena_reset(&f->arena);
  uint64_t before = px__textan_steps(f->ta);
  assert_int_equal(px__text_analyze(f->ta, p, n, &f->arena, t), PX_OK);
  uint64_t steps = px__textan_steps(f->ta) - before;
  size_t prev = 0, next_tok = 0;
  for (size_t k = 0; k < t->nsent; k++) {
    const px__sentence *s = &t->sent[k];
    assert_true(s->start < s->end && s->end <= n && s->start >= prev);
    assert_int_equal(s->tok_first, next_tok);
    next_tok += s->tok_count;
    for (uint32_t j = s->tok_first; j < s->tok_first + s->tok_count; j++) {
      assert_true(t->tok[j].start >= s->start && t->tok[j].end <= s->end);
      assert_true(t->tok[j].start < t->tok[j].end);
    }
    prev = s->end;
  }
  assert_int_equal(next_tok, t->ntok);
  return steps;
}

/* A buffer of n bytes made by repeating unit. */
static char *repeat(const char *unit, size_t n) {
  char *b = malloc(n + 1);
  assert_non_null(b);
  size_t u = strlen(unit);
  for (size_t i = 0; i < n; i++) b[i] = unit[i % u];
  b[n] = '\0';
  return b;
}

static void test_invalid_utf8_and_controls(void **state) {
  fixture *f = *state;
  px__text t;
  /* every byte value, then pseudo-random bytes */
  char all[512];
  for (int i = 0; i < 512; i++) all[i] = (char)(i * 7 + (i >> 3));
  analyze_checked(f, all, sizeof all, &t);
  uint32_t x = 12345;
  char *r = malloc(1 << 20);
  assert_non_null(r);
  for (size_t i = 0; i < (1 << 20); i++) {
    x = x * 1103515245u + 12345u;
    r[i] = (char)(x >> 16);
  }
  analyze_checked(f, r, 1 << 20, &t);
  free(r);
  const char *ctl = "Hello\x01\x02 world.\x7f It\x00 ended.\x1b[0m Next \xc3 sentence \xe2\x80 here.";
  analyze_checked(f, ctl, 55, &t); /* 55 bytes: the literal holds a NUL */
  assert_true(t.ntok >= 8);
  /* truncated sequences at the very end */
  analyze_checked(f, "End.\xe2\x80", 6, &t);
  analyze_checked(f, "\xe2", 1, &t);
  analyze_checked(f, "", 0, &t);
  assert_int_equal(t.nsent, 0);
  assert_int_equal(t.ntok, 0);
}

static void test_big_paragraph(void **state) {
  fixture *f = *state;
  px__text t;
  size_t n = 10u << 20;
  char *b = repeat("The senator said the plan would cost $4.5 billion over 10 years and ", n);
  analyze_checked(f, b, n, &t);
  assert_int_equal(t.nsent, 1); /* no sentence end anywhere */
  assert_true(t.ntok > n / 8);
  free(b);
  b = repeat("Talks resumed on Monday. Officials met again. ", n);
  analyze_checked(f, b, n, &t);
  assert_true(t.nsent > n / 30);
  free(b);
}

static void test_degenerate(void **state) {
  fixture *f = *state;
  px__text t;
  char *b = repeat("no punctuation at all just words going on and on ", 1 << 20);
  analyze_checked(f, b, 1 << 20, &t);
  assert_int_equal(t.nsent, 1);
  free(b);
  b = repeat("\"\xe2\x80\x9c\xe2\x80\x9d'\xe2\x80\x98\xe2\x80\x99\xc2\xab\xc2\xbb", 1 << 20);
  analyze_checked(f, b, 1 << 20, &t);
  for (size_t k = 0; k < t.ntok; k++) assert_int_equal(t.tok[k].kind, PX__TOK_QUOTE);
  free(b);
  b = repeat("\xe2\x80\x8b\xe2\x80\x8c\xe2\x80\x8d\xef\xbb\xbf", 12 * 5000);
  analyze_checked(f, b, 12 * 5000, &t);
  assert_int_equal(t.ntok, 0);
  free(b);
  b = repeat("\n\n\n \t \n", 1 << 16);
  analyze_checked(f, b, 1 << 16, &t);
  assert_int_equal(t.nsent, 0);
  free(b);
  b = repeat("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 1 << 20); /* one huge word */
  analyze_checked(f, b, 1 << 20, &t);
  assert_int_equal(t.ntok, 1);
  free(b);
}

/* Work on 8x the input must be about 8x the work. */
static void check_linear(fixture *f, const char *unit) {
  size_t n1 = 1 << 15, n8 = n1 * 8;
  char *b1 = repeat(unit, n1), *b8 = repeat(unit, n8);
  px__text t;
  uint64_t s1 = analyze_checked(f, b1, n1, &t);
  uint64_t s8 = analyze_checked(f, b8, n8, &t);
  /* the splitter alone too */
  uint64_t q1 = 0, q8 = 0;
  px__sentence *v = NULL;
  size_t nv = 0, cap = 0;
  assert_int_equal(px__split_range(b1, n1, 0, &v, &nv, &cap, &q1), PX_OK);
  nv = 0;
  assert_int_equal(px__split_range(b8, n8, 0, &v, &nv, &cap, &q8), PX_OK);
  free(v);
  if (s8 > 9 * s1 + 1000 || q8 > 9 * q1 + 1000)
    fprintf(stderr, "non-linear on \"%s\": %llu -> %llu, split %llu -> %llu\n", unit,
            (unsigned long long)s1, (unsigned long long)s8, (unsigned long long)q1,
            (unsigned long long)q8);
  assert_true(s1 > 0 && s8 <= 9 * s1 + 1000);
  assert_true(q1 > 0 && q8 <= 9 * q1 + 1000);
  free(b1);
  free(b8);
}

static void test_linear_growth(void **state) {
  fixture *f = *state;
  const char *units[] = {
      "The U.S. Army said. ",
      "Mr. ",
      ". . . . ",
      "...",
      "a.",
      "a.b.c.d.e.f.g.h.",
      "1) ",
      "a) b) ",
      "\"Stop.\" Putin said ",
      "\xe2\x80\x9cWe won.\xe2\x80\x9d ",
      "\xe2\x80\xa2 ",
      "world.Today",
      "J. ",
      "At 5 a.m. ",
      "[...] ",
      "        ",
      "\n",
      "x",
      "!?",
      "(((((",
      "MOSCOW (Reuters) - ",
      "''``",
      "$4.5 10% 1,200 ",
      "caf\xc3\xa9 na\xc3\xafve ",
  };
  for (size_t k = 0; k < sizeof units / sizeof *units; k++) check_linear(f, units[k]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_invalid_utf8_and_controls, setup, teardown),
      cmocka_unit_test_setup_teardown(test_big_paragraph, setup, teardown),
      cmocka_unit_test_setup_teardown(test_degenerate, setup, teardown),
      cmocka_unit_test_setup_teardown(test_linear_growth, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
