/* cmd_threads.c - parallax threads (list threads) and parallax thread ID
 * (a thread's stories in time order, with what each brings). */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void time_json(int64_t t, int has) {
  if (!has) {
    fputs("null", stdout);
    return;
  }
  char buf[32];
  format_iso(t, buf, sizeof(buf));
  printf("\"%s\"", buf);
}

typedef struct threads_out {
  cli *c;
  int64_t skip; /* --offset */
} threads_out;

static int print_thread(void *user, const px_thread_info *in) {
  threads_out *to = user;
  cli *c = to->c;
  if (to->skip > 0) {
    to->skip--;
    return 0;
  }
  if (c->format == FMT_JSON) {
    printf("{\"id\":%lld,\"headline\":", (long long)in->id);
    json_pstr(stdout, in->headline);
    fputs(",\"first\":", stdout);
    time_json(in->first, in->has_time);
    fputs(",\"last\":", stdout);
    time_json(in->last, in->has_time);
    printf(",\"stories\":%lld,\"articles\":%lld,\"outlets\":%lld}\n", (long long)in->stories,
           (long long)in->articles, (long long)in->outlets);
    return 0;
  }
  char a[32], b[32];
  format_time(in->first, in->has_time, a, sizeof(a));
  format_time(in->last, in->has_time, b, sizeof(b));
  printf("%s%6lld%s  %.10s..%.10s  %3lld stories %4lld articles %3lld outlets  %s%.*s%s\n",
         col(c, C_DIM), (long long)in->id, col(c, C_RESET), a, b, (long long)in->stories,
         (long long)in->articles, (long long)in->outlets, col(c, C_BOLD),
         in->headline.len ? (int)in->headline.len : 10,
         in->headline.len ? in->headline.ptr : "(no title)", col(c, C_RESET));
  return 0;
}

int cmd_threads(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "threads", argc, argv, &a);
  if (r >= 0) return r;
  int64_t min_stories = opt_int(&a, "min-stories", 2), limit = opt_int(&a, "limit", -1);
  threads_out to = {c, opt_int(&a, "offset", 0)};
  free_args(&a);
  if (limit == 0) return EXIT_OK;
  /* the store's limit counts the skipped ones too (0: no limit) */
  limit = limit < 0 ? 0 : (limit > INT64_MAX - to.skip ? INT64_MAX : limit + to.skip);
  px_ctx *ctx;
  px_store *st;
  if (!open_db_clustered(c, NULL, &ctx, &st)) return EXIT_FAIL;
  int rc = px_store_threads(st, min_stories, limit, print_thread, &to);
  if (rc) errorf(c, "%s", px_ctx_error(ctx));
  px_store_free(st);
  px_ctx_free(ctx);
  return rc ? EXIT_FAIL : EXIT_OK;
}

typedef struct thread_out {
  cli *c;
  int n;
} thread_out;

static void list_json(const char *key, const px_str *v, size_t n) {
  printf(",\"%s\":[", key);
  for (size_t i = 0; i < n; i++) {
    if (i) putchar(',');
    json_pstr(stdout, v[i]);
  }
  putchar(']');
}

static void list_text(cli *c, const char *what, const px_str *v, size_t n, size_t most) {
  if (!n) return;
  printf("        %s%s:%s ", col(c, C_DIM), what, col(c, C_RESET));
  for (size_t i = 0; i < n && i < most; i++) printf("%s%.*s", i ? ", " : "", (int)v[i].len, v[i].ptr);
  if (n > most) printf(" (+%zu)", n - most);
  putchar('\n');
}

static int print_step(void *user, const px_thread_step *s) {
  thread_out *to = user;
  cli *c = to->c;
  const px_story_info *in = s->story;
  if (c->format == FMT_JSON) {
    fputs(to->n++ ? ",\n" : "\n", stdout);
    printf("  {\"story\":%lld,\"headline\":", (long long)in->id);
    json_pstr(stdout, in->headline);
    fputs(",\"first\":", stdout);
    time_json(in->first, in->has_time);
    fputs(",\"last\":", stdout);
    time_json(in->last, in->has_time);
    printf(",\"articles\":%lld,\"outlets\":%lld", (long long)in->articles, (long long)in->outlets);
    list_json("new_outlets", s->new_outlets, s->n_new_outlets);
    list_json("new_speakers", s->new_speakers, s->n_new_speakers);
    list_json("new_names", s->new_names, s->n_new_names);
    putchar('}');
    return 0;
  }
  char a[32], b[32];
  format_time(in->first, in->has_time, a, sizeof(a));
  format_time(in->last, in->has_time, b, sizeof(b));
  printf("%s%6lld%s  %.10s..%.10s  %3lld outlets %4lld articles  %s%.*s%s\n", col(c, C_DIM),
         (long long)in->id, col(c, C_RESET), a, b, (long long)in->outlets, (long long)in->articles,
         col(c, C_BOLD), in->headline.len ? (int)in->headline.len : 10,
         in->headline.len ? in->headline.ptr : "(no title)", col(c, C_RESET));
  list_text(c, "new outlets", s->new_outlets, s->n_new_outlets, 8);
  list_text(c, "new speakers", s->new_speakers, s->n_new_speakers, 8);
  list_text(c, "new names", s->new_names, s->n_new_names, 8);
  return 0;
}

int cmd_thread(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "thread", argc, argv, &a);
  if (r >= 0) return r;
  char *e;
  errno = 0;
  long long id = strtoll(a.pos[0], &e, 10);
  if (!*a.pos[0] || *e || errno || id <= 0) {
    die_usage(c, a.cmd, "a thread id is a whole number of 1 or more (see 'parallax threads'), not '%s'",
              a.pos[0]);
    free_args(&a);
    return EXIT_USAGE;
  }
  free_args(&a);
  px_ctx *ctx;
  px_store *st;
  if (!open_db_clustered(c, NULL, &ctx, &st)) return EXIT_FAIL;
  thread_out to = {c, 0};
  if (c->format == FMT_JSON) printf("{\"thread\":%lld,\"stories\":[", id);
  int rc = px_store_thread_stories(st, id, print_step, &to);
  if (c->format == FMT_JSON && rc == PX_OK) puts("\n]}");
  if (rc) errorf(c, "%s", px_ctx_error(ctx));
  px_store_free(st);
  px_ctx_free(ctx);
  return rc == PX_ENOTFOUND ? EXIT_NOTFOUND : rc ? EXIT_FAIL : EXIT_OK;
}
