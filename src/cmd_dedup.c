/* cmd_dedup.c - parallax dedup: duplicate groups of the given inputs, no store. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct item {
  char *label;  /* id, else origin */
  char *source;
  char *title;
  int64_t dup_of;
  int exact;
  double sim;
  double wire;
} item;

static char *dupstr(px_str s, size_t max) {
  size_t n = s.len < max ? s.len : max;
  /* Do not cut inside a UTF-8 sequence. */
  while (n < s.len && n > 0 && ((unsigned char)s.ptr[n] & 0xC0) == 0x80) n--;
  char *p = malloc(n + 1);
  if (!p) return NULL;
  memcpy(p, s.ptr, n);
  p[n] = '\0';
  return p;
}

static void print_member_json(const item *it, int64_t idx, const item *items) {
  printf("{\"index\":%lld,\"id\":", (long long)idx);
  json_str(stdout, it->label, strlen(it->label));
  fputs(",\"source\":", stdout);
  json_str(stdout, it->source, strlen(it->source));
  fputs(",\"title\":", stdout);
  json_str(stdout, it->title, strlen(it->title));
  if (it->dup_of >= 0) {
    fputs(",\"dup_of\":", stdout);
    json_str(stdout, items[it->dup_of].label, strlen(items[it->dup_of].label));
    printf(",\"exact\":%s,\"similarity\":%.3f", it->exact ? "true" : "false", it->sim);
  }
  printf(",\"wire_share\":%.3f}", it->wire);
}

int cmd_dedup(cli *c, int argc, char **argv) {
  const command *cmd = find_command("dedup");
  px_story_opts o;
  px_story_opts_init(&o);
  const char *inputs[256];
  int ninputs = 0;
  px_ctx *ctx = NULL;
  if (px_ctx_new(&ctx)) return EXIT_FAIL;
  int status = EXIT_OK;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) {
      px_ctx_free(ctx);
      return EXIT_USAGE;
    }
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--threshold") == 0 && v) {
      o.dup_threshold = atof(v);
      if (o.dup_threshold <= 0 || o.dup_threshold > 1) {
        die_usage(c, cmd, "--threshold must be in (0, 1]");
        px_ctx_free(ctx);
        return EXIT_USAGE;
      }
      i++;
    } else if (strcmp(a, "--min-words") == 0 && v) {
      o.min_dup_words = atoi(v);
      i++;
    } else if (strcmp(a, "--field") == 0 && v) {
      char name[32];
      const char *eq = strchr(v, '=');
      if (!eq || (size_t)(eq - v) >= sizeof(name)) {
        die_usage(c, cmd, "--field wants NAME=PATH");
        px_ctx_free(ctx);
        return EXIT_USAGE;
      }
      memcpy(name, v, (size_t)(eq - v));
      name[eq - v] = '\0';
      if (px_ctx_map_field(ctx, name, eq + 1)) {
        die_usage(c, cmd, "--field: unknown field '%s'", name);
        px_ctx_free(ctx);
        return EXIT_USAGE;
      }
      i++;
    } else if (a[0] == '-' && a[1] && strcmp(a, "-") != 0) {
      die_usage(c, cmd, "unknown argument '%s'", a);
      px_ctx_free(ctx);
      return EXIT_USAGE;
    } else if (ninputs < 256) {
      inputs[ninputs++] = a;
    }
  }
  if (!ninputs) {
    die_usage(c, cmd, "no INPUT given");
    px_ctx_free(ctx);
    return EXIT_USAGE;
  }
  px_dedup *dd = NULL;
  item *items = NULL;
  size_t n = 0, cap = 0, rejected = 0, dups = 0;
  if (px_dedup_new(ctx, &o, &dd)) {
    errorf(c, "out of memory");
    status = EXIT_FAIL;
    goto out;
  }
  for (int k = 0; k < ninputs && status != EXIT_FAIL; k++) {
    px_reader *rd;
    if (px_reader_open(ctx, inputs[k], &rd)) {
      errorf(c, "%s", px_ctx_error(ctx));
      status = EXIT_FAIL;
      break;
    }
    px_article *a;
    int rc;
    while ((rc = px_reader_next(rd, &a)) != PX_EOF) {
      if (rc < 0) {
        rejected++;
        if (!c->quiet) warnf(c, "%s", px_reader_error(rd));
        if (px_reader_error_is_fatal(rd)) break;
        continue;
      }
      px_story_result res;
      if (px_dedup_add(dd, a, &res)) {
        errorf(c, "out of memory");
        status = EXIT_FAIL;
        break;
      }
      if (n == cap) {
        size_t nc = cap ? cap * 2 : 1024;
        item *ni = realloc(items, nc * sizeof(*ni));
        if (!ni) {
          errorf(c, "out of memory");
          status = EXIT_FAIL;
          break;
        }
        items = ni;
        cap = nc;
      }
      item *it = &items[n];
      px_str id = px_article_get(a, PX_F_ID);
      it->label = dupstr(id.len ? id : px_article_get(a, PX_F_ORIGIN), 200);
      it->source = dupstr(px_article_get(a, PX_F_SOURCE), 80);
      it->title = dupstr(px_article_get(a, PX_F_TITLE), 120);
      it->dup_of = res.dup_of;
      it->exact = res.dup_exact;
      it->sim = res.dup_sim;
      it->wire = res.wire_share;
      n++;
      if (!it->label || !it->source || !it->title) {
        errorf(c, "out of memory");
        status = EXIT_FAIL;
        break;
      }
      if (res.dup_of >= 0) dups++;
    }
    px_reader_free(rd);
  }
  if (status == EXIT_FAIL) goto out;
  /* Groups: the union of "copies" links, rooted at the earliest member. */
  int64_t *root = malloc((n + 1) * sizeof(*root));
  int64_t *next = malloc((n + 1) * sizeof(*next));
  int64_t *last = malloc((n + 1) * sizeof(*last));
  if (!root || !next || !last) {
    free(root);
    free(next);
    free(last);
    errorf(c, "out of memory");
    status = EXIT_FAIL;
    goto out;
  }
  for (size_t i = 0; i < n; i++) {
    int64_t r = items[i].dup_of >= 0 ? root[items[i].dup_of] : (int64_t)i;
    root[i] = r;
    next[i] = -1;
    last[i] = (int64_t)i;
    if (r != (int64_t)i) {
      next[last[r]] = (int64_t)i;
      last[r] = (int64_t)i;
    }
  }
  size_t ngroups = 0;
  for (size_t i = 0; i < n; i++) {
    if (root[i] != (int64_t)i || next[i] < 0) continue;
    ngroups++;
    if (c->format == FMT_JSON) {
      printf("{\"group\":%zu,\"members\":[", ngroups);
      for (int64_t j = (int64_t)i; j >= 0; j = next[j]) {
        if (j != (int64_t)i) putchar(',');
        print_member_json(&items[j], j, items);
      }
      puts("]}");
    } else {
      printf("%sgroup %zu%s\n", col(c, C_BOLD), ngroups, col(c, C_RESET));
      for (int64_t j = (int64_t)i; j >= 0; j = next[j]) {
        const item *it = &items[j];
        if (it->dup_of < 0) printf("  %-8s", "first");
        else if (it->exact) printf("  %-8s", "exact");
        else printf("  %s%.2f%s    ", col(c, C_YELLOW), it->sim, col(c, C_RESET));
        printf(" %s%s%s  %s%s%s  %s\n", col(c, C_DIM), it->label, col(c, C_RESET),
               col(c, C_CYAN), it->source[0] ? it->source : "(unknown)", col(c, C_RESET),
               it->title[0] ? it->title : "(no title)");
      }
    }
  }
  free(root);
  free(next);
  free(last);
  if (!c->quiet)
    fprintf(stderr, "%s dedup: %zu articles, %zu duplicates in %zu groups, %zu rejected\n",
            c->prog, n, dups, ngroups, rejected);
  if (rejected && status == EXIT_OK) status = EXIT_PARTIAL;
out:
  for (size_t i = 0; i < n; i++) {
    free(items[i].label);
    free(items[i].source);
    free(items[i].title);
  }
  free(items);
  px_dedup_free(dd);
  px_ctx_free(ctx);
  return status;
}
