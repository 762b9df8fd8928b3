/* fuzz_watch_config.c - the watch configuration parser (src/watch_config.c)
 * over arbitrary bytes: no crash, no leak, an error message that names the
 * line whenever it refuses, and every entry it accepts complete. */
#include "watch_config.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wconfig c;
  wconfig_init(&c);
  char err[512] = "";
  int rc = wconfig_parse(&c, (const char *)data, size, "fuzz", err, sizeof(err));
  if (rc != 0 && strncmp(err, "fuzz:line ", 10) != 0) abort();
  if (rc == 0) {
    for (size_t i = 0; i < c.nfeeds; i++)
      if (!c.feeds[i].url) abort();
    for (size_t i = 0; i < c.nfolders; i++)
      if (!c.folders[i]) abort();
    for (size_t i = 0; i < c.nalerts; i++)
      if (!c.alerts[i].kind || !c.alerts[i].name || c.alerts[i].min < 1) abort();
  }
  wconfig_release(&c);
  return 0;
}
