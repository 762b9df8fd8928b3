/* cmd_dedup.c - parallax dedup: duplicate groups of the given inputs, no
 * store (the grouping is the library's px_dedup_set). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct dd_out {
  cli *c;
  px_json *j;
  int64_t skip, left;
} dd_out;

static void on_event(void *user, px_ingest_event ev, const char *origin, const char *message,
                     uint64_t count) {
  cli *c = user;
  (void)origin, (void)count;
  if (ev == PX_IE_INPUT_FAILED) errorf(c, "%s", message);
  else warnf(c, "%s", message);
}

static int print_group(void *user, size_t group, const px_dedup_member *m, size_t n) {
  dd_out *o = user;
  cli *c = o->c;
  if (o->skip > 0) {
    o->skip--;
    return 0;
  }
  if (o->left == 0) return 1;
  if (o->left > 0) o->left--;
  if (o->j) return px_json_dedup_group(o->j, group, m, n, 0) != PX_OK;
  printf("%sgroup %zu%s\n", col(c, C_BOLD), group + 1, col(c, C_RESET));
  for (size_t k = 0; k < n; k++) {
    if (m[k].dup_of < 0) printf("  %-8s", "first");
    else if (m[k].dup_exact) printf("  %-8s", "exact");
    else printf("  %s%.2f%s    ", col(c, C_YELLOW), m[k].similarity, col(c, C_RESET));
    px_str id = px_article_get(m[k].art, PX_F_ID);
    if (!id.len) id = px_article_get(m[k].art, PX_F_ORIGIN);
    px_str src = px_article_get(m[k].art, PX_F_SOURCE), title = px_article_get(m[k].art, PX_F_TITLE);
    printf(" %s%.*s%s  %s%.*s%s  %.*s\n", col(c, C_DIM), (int)(id.len > 200 ? 200 : id.len), id.ptr,
           col(c, C_RESET), col(c, C_CYAN), src.len ? (int)(src.len > 80 ? 80 : src.len) : 9,
           src.len ? src.ptr : "(unknown)", col(c, C_RESET),
           title.len ? (int)(title.len > 120 ? 120 : title.len) : 10, title.len ? title.ptr : "(no title)");
  }
  return 0;
}

int cmd_dedup(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "dedup", argc, argv, &a);
  if (r >= 0) return r;
  px_story_opts o;
  px_story_opts_init(&o);
  o.dup_threshold = opt_num(&a, "threshold", o.dup_threshold);
  o.min_dup_words = (int)opt_int(&a, "min-words", o.min_dup_words);
  px_ctx *ctx = NULL;
  px_dedup_set *set = NULL;
  int status = EXIT_OK;
  if (px_ctx_new(&ctx)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  if ((status = apply_fields(c, &a, ctx))) goto out;
  if (px_dedup_set_new(ctx, &o, &set)) {
    errorf(c, "out of memory");
    status = EXIT_FAIL;
    goto out;
  }
  bool input_failed = false;
  for (int k = 0; k < a.npos; k++) {
    int rc = px_dedup_set_add_path(set, a.pos[k], on_event, c);
    if (rc == PX_ENOMEM) {
      errorf(c, "out of memory");
      status = EXIT_FAIL;
      goto out;
    }
    if (rc) input_failed = true;
  }
  dd_out out = {c, NULL, opt_int(&a, "offset", 0), opt_int(&a, "limit", -1)};
  if (c->format != FMT_TEXT && !(out.j = out_records(c))) {
    status = EXIT_FAIL;
    goto out;
  }
  size_t ngroups = 0, n = 0, dups = 0, rejected = 0;
  if (px_dedup_set_groups(set, print_group, &out, &ngroups)) {
    errorf(c, "out of memory");
    status = EXIT_FAIL;
  }
  if (out.j && end_records(c, out.j)) status = EXIT_FAIL;
  px_dedup_set_counts(set, &n, &dups, &rejected);
  if (!c->quiet)
    fprintf(stderr, "%s dedup: %zu articles, %zu duplicates in %zu groups, %zu rejected\n",
            c->prog, n, dups, ngroups, rejected);
  if (status == EXIT_OK && input_failed) status = EXIT_FAIL;
  else if (status == EXIT_OK && rejected) status = EXIT_PARTIAL;
out:
  px_dedup_set_free(set);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
