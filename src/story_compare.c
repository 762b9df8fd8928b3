/* story_compare.c - parallax story ID --compare: the comparison of a stored
 * story, computed on demand and cached in the store. */
#include "cli.h"

#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>


int story_compare(cli *c, int64_t id, int width, int top, int full) {
  px_report_format f = PX_REPORT_TEXT;
  switch (c->format) {
  case FMT_JSON: f = PX_REPORT_JSON; break;
  case FMT_MD: f = PX_REPORT_MD; break;
  case FMT_HTML: f = PX_REPORT_HTML; break;
  default: break;
  }
  px_report_opts ro = {0};
  ro.top = top;
  ro.full = full;
  if (f == PX_REPORT_TEXT) {
    struct winsize ws;
    ro.width = width ? width
               : isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col
                   ? ws.ws_col
                   : 80;
    ro.color = c->color;
  }
  px_ctx *ctx;
  if (px_ctx_new(&ctx)) return EXIT_FAIL;
  /* Writable when possible, so the comparison is cached for next time. */
  px_store *st = NULL;
  int rc = access(c->db_path, W_OK) == 0 ? px_store_open(ctx, c->db_path, PX_OPEN_WRITE, &st)
                                         : px_store_open(ctx, c->db_path, PX_OPEN_READ, &st);
  int status = EXIT_OK, cached = 0;
  if (rc == PX_OK) rc = px_store_story_report(st, id, f, &ro, write_stdout, NULL, &cached);
  if (rc == PX_ENOTFOUND) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : "no such story");
    status = EXIT_NOTFOUND;
  } else if (rc) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    status = EXIT_FAIL;
  } else if (!c->quiet && cached && isatty(STDERR_FILENO)) {
    fprintf(stderr, "parallax: comparison from the cache (the story has not changed)\n");
  }
  px_store_free(st);
  px_ctx_free(ctx);
  return status;
}
