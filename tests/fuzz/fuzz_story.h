/* fuzz_story.h - what the stored-analysis fuzz targets share: two invented
 * articles of one story (a ferry fire), a sink for reports, the check that
 * every report format renders a loaded comparison, and the writer of a
 * target's seed (PX_WRITE_SEED=PATH). */
#ifndef PX_FUZZ_STORY_H
#define PX_FUZZ_STORY_H

#include "parallax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fuzz_story_body[2] = {
    "OSTRA (Northwire) - A ferry carrying 212 passengers caught fire off Valdoria on Tuesday, "
    "and the coast guard rescued everyone. \"We got them all,\" Captain Elena Marsh said.\n\n"
    "Eleven people were treated for smoke, the Valdoria Coast Guard said.",
    "All 212 people aboard the ferry were saved by the coast guard on Tuesday off "
    "Valdoria. Captain Elena Marsh said \"we got them all\" as twelve people were treated."};

static int fuzz_story_sink(void *user, const char *p, size_t n) {
  (void)user, (void)p, (void)n;
  return 0;
}

/* The two articles, an hour apart, from two outlets; aborts on failure. */
static inline void fuzz_story_articles(px_article *art[2]) {
  for (int i = 0; i < 2; i++) {
    if (px_article_new(&art[i])) abort();
    px_article_set(art[i], PX_F_SOURCE, i ? "Harbor Post" : "Northwire", i ? 11 : 9);
    px_article_set(art[i], PX_F_BODY, fuzz_story_body[i], strlen(fuzz_story_body[i]));
    px_article_set_published(art[i], 1700000000 + i * 3600);
  }
}

/* Every report format of a loaded comparison must render without error. */
static inline void fuzz_story_render(const px_comparison *c) {
  for (int f = PX_REPORT_TEXT; f <= PX_REPORT_HTML; f++)
    if (px_report_write(c, (px_report_format)f, NULL, fuzz_story_sink, NULL) != PX_OK) abort();
}

/* Writes n bytes to the file PX_WRITE_SEED names, if it names one. */
static inline void fuzz_story_write_seed(const void *p, size_t n) {
  const char *path = getenv("PX_WRITE_SEED");
  if (!path) return;
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(p, 1, n, f) != n) abort();
  fclose(f);
}

#endif
