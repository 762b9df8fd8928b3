/* cmd_threads.c - parallax threads (list threads) and parallax thread ID
 * (a thread's stories in time order, with what each brings). */
#include "cli.h"

#include <errno.h>
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

static int print_thread(void *user, const px_thread_info *in) {
  cli *c = user;
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

static int count_option(cli *c, const command *cmd, const char *name, const char *v,
                        int64_t *out) {
  char *e;
  errno = 0;
  long long x = v ? strtoll(v, &e, 10) : -1;
  if (!v || *e || errno || x < 0) {
    die_usage(c, cmd, "%s wants a count", name);
    return -1;
  }
  *out = x;
  return 0;
}

int cmd_threads(cli *c, int argc, char **argv) {
  const command *cmd = find_command("threads");
  int64_t min_stories = 2, limit = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--min-stories") == 0) {
      if (count_option(c, cmd, a, v, &min_stories)) return EXIT_USAGE;
      i++;
    } else if (strcmp(a, "--limit") == 0) {
      if (count_option(c, cmd, a, v, &limit)) return EXIT_USAGE;
      i++;
    } else {
      die_usage(c, cmd, "unknown argument '%s'", a);
      return EXIT_USAGE;
    }
  }
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return EXIT_FAIL;
  px_store *st = NULL;
  int rc = open_clustered_store(c, ctx, NULL, &st);
  if (rc == PX_OK) {
    rc = px_store_threads(st, min_stories, limit, print_thread, c);
    if (rc) errorf(c, "%s", px_ctx_error(ctx));
  }
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
  const command *cmd = find_command("thread");
  const char *idarg = NULL;
  for (int i = 1; i < argc; i++) {
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) return EXIT_USAGE;
    if (r > 0) continue;
    if (argv[i][0] != '-' && !idarg) idarg = argv[i];
    else {
      die_usage(c, cmd, "unknown argument '%s'", argv[i]);
      return EXIT_USAGE;
    }
  }
  char *e;
  errno = 0;
  long long id = idarg ? strtoll(idarg, &e, 10) : 0;
  if (!idarg || *e || errno || id <= 0) {
    die_usage(c, cmd, "a thread id is needed (see 'parallax threads')");
    return EXIT_USAGE;
  }
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return EXIT_FAIL;
  px_store *st = NULL;
  int rc = open_clustered_store(c, ctx, NULL, &st);
  thread_out to = {c, 0};
  if (rc == PX_OK) {
    if (c->format == FMT_JSON) printf("{\"thread\":%lld,\"stories\":[", id);
    rc = px_store_thread_stories(st, id, print_step, &to);
    if (c->format == FMT_JSON && rc == PX_OK) puts("\n]}");
    if (rc) errorf(c, "%s", px_ctx_error(ctx));
  }
  px_store_free(st);
  px_ctx_free(ctx);
  return rc == PX_ENOTFOUND ? EXIT_NOTFOUND : rc ? EXIT_FAIL : EXIT_OK;
}
