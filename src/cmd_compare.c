/* cmd_compare.c - parallax compare FILE...: compare the articles given. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int write_stdout(void *user, const char *p, size_t n) {
  (void)user;
  return fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

static int term_width(void) {
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  const char *cols = getenv("COLUMNS");
  int w = cols ? atoi(cols) : 0;
  return w > 0 ? w : 80;
}

int cmd_compare(cli *c, int argc, char **argv) {
  const command *cmd = find_command("compare");
  px_compare_opts o;
  px_compare_opts_init(&o);
  int width = 0, top = 0, full = 0;
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  int nfiles = 0;
  if (!files) return EXIT_FAIL;
  for (int i = 1; i < argc; i++) {
    int r = common_option(c, cmd, argc, argv, &i,
                          (1 << FMT_TEXT) | (1 << FMT_JSON) | (1 << FMT_MD) | (1 << FMT_HTML));
    if (r < 0) {
      free(files);
      return EXIT_USAGE;
    }
    if (r > 0) continue;
    const char *a = argv[i];
    if ((strcmp(a, "--width") == 0 || strcmp(a, "--threshold") == 0 ||
         strcmp(a, "--max-articles") == 0 || strcmp(a, "--top") == 0) && i + 1 < argc) {
      char *end;
      const char *v = argv[++i];
      errno = 0;
      double d = strtod(v, &end);
      if (*end || errno || d < 0 || (strcmp(a, "--threshold") == 0 && d >= 1)) {
        die_usage(c, cmd, "bad value '%s' for %s", v, a);
        free(files);
        return EXIT_USAGE;
      }
      if (strcmp(a, "--width") == 0) width = (int)d;
      else if (strcmp(a, "--top") == 0) top = d > 1000000 ? 1000000 : (int)d;
      else if (strcmp(a, "--threshold") == 0) o.threshold = d;
      else o.max_articles = (size_t)d;
    } else if (strcmp(a, "--full") == 0) {
      full = 1;
    } else if (strcmp(a, "--no-quotes") == 0) {
      o.quotes = 0;
    } else if (strcmp(a, "--no-wire") == 0) {
      o.wire = 0;
    } else if (a[0] == '-' && a[1] != '\0') {
      die_usage(c, cmd, "unknown option '%s'", a);
      free(files);
      return EXIT_USAGE;
    } else {
      files[nfiles++] = a;
    }
  }
  if (nfiles == 0) {
    die_usage(c, cmd, "needs at least one FILE (two articles or more in all)");
    free(files);
    return EXIT_USAGE;
  }
  px_ctx *ctx = NULL;
  px_article **arts = NULL;
  size_t n = 0, cap = 0, rejected = 0;
  int status = EXIT_OK;
  px_comparison *cmp = NULL;
  if (px_ctx_new(&ctx)) {
    status = EXIT_FAIL;
    goto out;
  }
  for (int f = 0; f < nfiles; f++) {
    px_reader *rd = NULL;
    int rc = px_reader_open(ctx, files[f], &rd);
    if (rc) {
      errorf(c, "%s: %s", files[f], px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
      status = EXIT_FAIL;
      goto out;
    }
    px_article *art;
    while ((rc = px_reader_next(rd, &art)) != PX_EOF) {
      if (rc != PX_OK) {
        rejected++;
        if (!c->quiet) warnf(c, "%s", px_reader_error(rd));
        if (px_reader_error_is_fatal(rd)) break;
        continue;
      }
      if (n == cap) {
        cap = cap ? cap * 2 : 16;
        px_article **t = realloc(arts, cap * sizeof *t);
        if (!t) {
          px_reader_free(rd);
          status = EXIT_FAIL;
          goto out;
        }
        arts = t;
      }
      if (px_article_clone(art, &arts[n])) {
        px_reader_free(rd);
        status = EXIT_FAIL;
        goto out;
      }
      n++;
    }
    px_reader_free(rd);
  }
  if (n == 0) {
    errorf(c, "no article could be read from the input");
    status = EXIT_FAIL;
    goto out;
  }
  int rc = px_compare(ctx, (const px_article *const *)arts, n, &o, &cmp);
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    status = EXIT_FAIL;
    goto out;
  }
  if (!c->quiet && c->format != FMT_TEXT)
    for (size_t i = 0; i < px_comparison_count(cmp, PX_CMP_WARNINGS); i++) {
      px_str w = px_comparison_warning(cmp, i);
      warnf(c, "%.*s", (int)w.len, w.ptr);
    }
  px_report_format fmt = c->format == FMT_JSON ? PX_REPORT_JSON
                         : c->format == FMT_MD ? PX_REPORT_MD
                         : c->format == FMT_HTML ? PX_REPORT_HTML
                                                 : PX_REPORT_TEXT;
  px_report_opts ro = {width ? width : term_width(), c->color, top, full};
  rc = px_report_write(cmp, fmt, &ro, write_stdout, NULL);
  if (rc == PX_OK && fflush(stdout) != 0) rc = PX_EIO;
  if (rc) {
    errorf(c, "writing the report: %s", px_strerror(rc));
    status = EXIT_FAIL;
    goto out;
  }
  if (rejected) status = EXIT_PARTIAL;
out:
  px_comparison_free(cmp);
  for (size_t i = 0; i < n; i++) px_article_free(arts[i]);
  free(arts);
  free(files);
  px_ctx_free(ctx);
  return status;
}
