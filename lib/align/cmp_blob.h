/* cmp_blob.h - a comparison as data: saved once, loaded to render it in
 * any format and width without computing it again (the cache of stored
 * stories' comparisons, lib/pipeline/story_report.c). */
#ifndef PX_CMP_BLOB_H
#define PX_CMP_BLOB_H

#include "align/compare.h"

/** Append the comparison's contents to out.  @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__cmp_save(const px_comparison *c, px__buf *out);
/**
 * Rebuild a comparison from a saved blob and the same articles (borrowed,
 * in the same order): each is analyzed again for its text (renderers quote
 * sentences), the facts, quotes, entities and discrepancies come from the
 * blob.  @return PX_OK; PX_EFORMAT when the blob does not fit (another
 * layout, other articles): compute the comparison again; PX_ENOMEM.
 */
PX__HIDDEN int px__cmp_load(px_ctx *ctx, const px_article *const *arts, size_t n, const void *p,
                            size_t len, px_comparison **out);

#endif
