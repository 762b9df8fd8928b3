/* cmp_blob.h - a comparison as data: saved once, loaded to render it in
 * any format and width without computing it again (the cache of stored
 * stories' comparisons, lib/pipeline/story_report.c). */
#ifndef PX_CMP_BLOB_H
#define PX_CMP_BLOB_H

#include "align/compare.h"

/**
 * The fingerprint of the comparison engine a blob is made by: parallax's
 * version, the blob's layout, the rules' revision, the thresholds of fact
 * grouping, the default options and the similarity model's weights, trees
 * and threshold.  Saved in each blob; a blob holding another is refused.
 */
PX__HIDDEN uint64_t px__cmp_engine(void);
/** Append the comparison's contents to out (the engine's fingerprint at
 * bytes 8 to 15).  @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__cmp_save(const px_comparison *c, px__buf *out);
/**
 * Rebuild a comparison from a saved blob and the same articles (borrowed,
 * in the same order): each article's text and sentences (renderers quote
 * sentences) come from in[i].doc, its stored analysis (taken, whatever the
 * result), or when in is NULL or in[i].doc is NULL from analysing it
 * again; the facts, quotes, entities and discrepancies come from the blob.
 * @return PX_OK; PX_EFORMAT when the blob does not fit (another layout,
 * another engine, other articles): compute the comparison again; PX_ENOMEM.
 */
PX__HIDDEN int px__cmp_load(px_ctx *ctx, const px_article *const *arts, size_t n, const void *p,
                            size_t len, px__cinput *in, px_comparison **out);

#endif
