/* formats.c - the registry of input formats, in the order ties are broken. */
#include "ingest.h"

const px__format *const *px__formats(void) {
  static const px__format *const list[] = {&px__fmt_jsonl, &px__fmt_text, NULL};
  return list;
}
