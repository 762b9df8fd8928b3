/* cmd_compare.c - parallax compare FILE...: compare the articles given. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int term_width(void) {
  struct winsize ws;
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col;
  const char *cols = getenv("COLUMNS");
  int w = cols ? atoi(cols) : 0;
  return w > 0 ? w : 80;
}

int cmd_compare(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "compare", argc, argv, &a);
  if (r >= 0) return r;
  px_compare_opts o;
  px_compare_opts_init(&o);
  int width = (int)opt_int(&a, "width", 0);
  int top = (int)opt_int(&a, "top", 0);
  int full = opt_flag(&a, "full");
  o.threshold = opt_num(&a, "threshold", o.threshold);
  o.max_articles = (size_t)opt_int(&a, "max-articles", (int64_t)o.max_articles);
  if (opt_flag(&a, "no-quotes")) o.quotes = 0;
  if (opt_flag(&a, "no-wire")) o.wire = 0;
  const char **files = a.pos;
  int nfiles = a.npos;
  px_ctx *ctx = NULL;
  px_article **arts = NULL;
  size_t n = 0, cap = 0, rejected = 0;
  int status = EXIT_OK;
  px_comparison *cmp = NULL;
  if (px_ctx_new(&ctx)) {
    status = EXIT_FAIL;
    goto out;
  }
  if ((status = apply_fields(c, &a, ctx))) goto out;
  for (int f = 0; f < nfiles; f++) {
    px_reader *rd = NULL;
    int rc = px_reader_open(ctx, files[f], &rd);
    if (rc) {
      /* the context's message names the file already */
      if (px_ctx_error(ctx)[0]) errorf(c, "%s", px_ctx_error(ctx));
      else errorf(c, "%s: %s", files[f], px_strerror(rc));
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
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
