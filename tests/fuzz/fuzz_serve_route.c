/* fuzz_serve_route.c - the web server's router and query-string parser
 * (src/serve_route.c) over arbitrary request targets: no crash, and what
 * it accepts is well formed: a known page, NUL-terminated decoded values
 * within their bounds, no more parameters than the limit. */
#include "serve.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sv_req r;
  const char *msg = NULL;
  int st = sv_route((const char *)data, size, &r, &msg);
  if (!msg) abort();
  if (st != 0) {
    if (st != 400 && st != 404 && st != 414) abort();
    return 0;
  }
  if (r.page == SV_NONE || r.page > SV_ASSET) abort();
  /* The page cache's key is the whole target, as received. */
  if (r.target != (const char *)data || r.target_len != size) abort();
  if (r.nparams > SV_MAX_PARAMS) abort();
  for (size_t i = 0; i < r.nparams; i++) {
    if (strnlen(r.params[i].key, sizeof(r.params[i].key)) >= sizeof(r.params[i].key)) abort();
    if (strnlen(r.params[i].val, sizeof(r.params[i].val)) >= sizeof(r.params[i].val)) abort();
    if (!r.params[i].key[0]) abort();
  }
  if (strnlen(r.arg, sizeof(r.arg)) >= sizeof(r.arg)) abort();
  if ((r.page == SV_STORY || r.page == SV_ARTICLE || r.page == SV_THREAD) && r.id <= 0) abort();
  if ((r.page == SV_SPEAKER || r.page == SV_ENTITY || r.page == SV_OUTLET) && !r.arg[0]) abort();
  /* Looking a parameter up never reads past the parsed ones. */
  (void)sv_param_get(&r, "q");
  return 0;
}
