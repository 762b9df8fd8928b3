/* formats.c - the registry of input formats, in the order ties are broken. */
#include "ingest.h"
#include "extract.h"

const px__format *const *px__formats(void) {
  static const px__format *const list[] = {&px__fmt_warc, &px__fmt_feed, &px__fmt_jsonl, &px__fmt_html,
                                             &px__fmt_text, NULL};
  return list;
}
