/* fuzz_date.c - px_parse_date over arbitrary bytes: no crash, and any date
 * it accepts lies within years 1000..9999. */
#include "parallax.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int64_t t;
  if (px_parse_date((const char *)data, size, &t) == PX_OK) {
    /* Calendar dates are range-checked to years 1000..9999 (with zone
     * offsets a day either side); Unix seconds fall inside that too. */
    if (t < -30610224000LL - 86400 || t > 253402300800LL + 86400) abort();
  }
  return 0;
}
