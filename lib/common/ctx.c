/* ctx.c - the context, status strings and version. */
#include "px_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned px_version_number(void) { return PX_VERSION_NUMBER; }
const char *px_version_string(void) { return PX_VERSION_STRING; }

const char *px_strerror(int status) {
  switch ((px_status)status) {
  case PX_OK: return "success";
  case PX_EOF: return "end of input";
  case PX_ENOMEM: return "out of memory";
  case PX_EINVAL: return "invalid argument";
  case PX_EIO: return "input/output error";
  case PX_ENOTFOUND: return "not found";
  case PX_EFORMAT: return "malformed record";
  case PX_ETOOBIG: return "record too large";
  case PX_ETRUNCATED: return "truncated input";
  case PX_EBINARY: return "binary data, not text";
  case PX_ENOBODY: return "record has no article text";
  case PX_EDB: return "database error";
  case PX_EDBVERSION: return "database written by a newer parallax";
  case PX_ENOTPARALLAX: return "not a parallax database";
  case PX_EDBFULL: return "disk or database full";
  case PX_EQUERY: return "invalid query";
  case PX_EUNSUPPORTED: return "not supported";
  case PX_EDUPLICATE: return "already stored";
  case PX_ECANCELED: return "canceled";
  }
  return "unknown error";
}

int px_ctx_new(px_ctx **out) {
  if (!out) return PX_EINVAL;
  px_ctx *ctx = calloc(1, sizeof(*ctx));
  *out = ctx;
  if (!ctx) return PX_ENOMEM;
  ctx->limit_record = (size_t)64 << 20;
  ctx->limit_body = (size_t)16 << 20;
  ctx->limit_search_ms = PX__SEARCH_MS_DEFAULT;
  return PX_OK;
}

void px_ctx_free(px_ctx *ctx) {
  if (!ctx) return;
  for (int i = 0; i < PX__FIELD_PATHS; i++) free(ctx->field_path[i]);
  for (size_t i = 0; i < ctx->nalias; i++) free(ctx->alias_key[i]), free(ctx->alias_name[i]);
  free(ctx->alias_key);
  free(ctx->alias_name);
  if (ctx->spare && ctx->spare_free) ctx->spare_free(ctx->spare);
  free(ctx);
}

int px__ctx_clone(const px_ctx *ctx, px_ctx **out) {
  if (!ctx || !out) return PX_EINVAL;
  int rc = px_ctx_new(out);
  if (rc) return rc;
  px_ctx *c = *out;
  c->limit_record = ctx->limit_record;
  c->limit_body = ctx->limit_body;
  c->limit_search_ms = ctx->limit_search_ms;
  c->skip_not_articles = ctx->skip_not_articles;
  for (int i = 0; i < PX__FIELD_PATHS; i++)
    if (ctx->field_path[i] && !(c->field_path[i] = strdup(ctx->field_path[i]))) goto nomem;
  if (ctx->nalias) {
    c->alias_key = calloc(ctx->nalias, sizeof *c->alias_key);
    c->alias_name = calloc(ctx->nalias, sizeof *c->alias_name);
    if (!c->alias_key || !c->alias_name) goto nomem;
    for (; c->nalias < ctx->nalias; c->nalias++) {
      c->alias_key[c->nalias] = strdup(ctx->alias_key[c->nalias]);
      c->alias_name[c->nalias] = strdup(ctx->alias_name[c->nalias]);
      if (!c->alias_key[c->nalias] || !c->alias_name[c->nalias]) {
        c->nalias++; /* freed with the others */
        goto nomem;
      }
    }
  }
  return PX_OK;
nomem:
  px_ctx_free(c);
  *out = NULL;
  return PX_ENOMEM;
}

int px_ctx_skip_not_articles(px_ctx *ctx, int skip) {
  if (!ctx) return PX_EINVAL;
  ctx->skip_not_articles = skip != 0;
  return PX_OK;
}

int px_ctx_set_limit(px_ctx *ctx, px_limit which, size_t value) {
  if (!ctx || value == 0) return PX_EINVAL;
  switch (which) {
  case PX_LIMIT_RECORD_BYTES: ctx->limit_record = value; return PX_OK;
  case PX_LIMIT_BODY_BYTES: ctx->limit_body = value; return PX_OK;
  case PX_LIMIT_SEARCH_CPU_MS: ctx->limit_search_ms = value; return PX_OK;
  }
  return PX_EINVAL;
}

const char *px_ctx_error(const px_ctx *ctx) { return ctx ? ctx->errmsg : ""; }

int px__ctx_fail(px_ctx *ctx, int status, const char *fmt, ...) {
  if (ctx) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->errmsg, sizeof(ctx->errmsg), fmt, ap);
    va_end(ap);
  }
  return status;
}

/* Field names accepted by px_ctx_map_field, by slot.  Slots 0..6 are the
 * px_field values; the date takes slot 7 (PX_F_ORIGIN is never mapped). */
static const char *const field_names[PX__FIELD_PATHS] = {
    "id", "source", "url", "title", "byline", "language", "text", "date"};

int px_ctx_map_field(px_ctx *ctx, const char *field, const char *path) {
  if (!ctx || !field || !path || !*path) return PX_EINVAL;
  int slot = -1;
  for (int i = 0; i < PX__FIELD_PATHS; i++)
    if (strcmp(field, field_names[i]) == 0) slot = i;
  if (slot < 0 && strcmp(field, "body") == 0) slot = PX_F_BODY;
  if (slot < 0 && strcmp(field, "author") == 0) slot = PX_F_BYLINE;
  if (slot < 0 && strcmp(field, "outlet") == 0) slot = PX_F_SOURCE;
  if (slot < 0) return px__ctx_fail(ctx, PX_EINVAL, "unknown field '%s'", field);
  char *copy = strdup(path);
  if (!copy) return PX_ENOMEM;
  free(ctx->field_path[slot]);
  ctx->field_path[slot] = copy;
  return PX_OK;
}
