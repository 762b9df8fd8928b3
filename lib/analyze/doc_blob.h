/*
 * doc_blob.h - an article's analysis as bytes, kept in the store beside
 * the article (analysis.detail) so that a stored story is compared without
 * analysing its articles again: the language analysed as, every entity
 * with every mention, every quote with its spans, cue and speaker.  The
 * sentences are stored apart (analysis.sentences); tokens, folds and stems
 * are not stored (a few bytes per word would double the store) but made
 * again from the stored sentences, which is cheap and gives the same
 * tokens.  Nothing is extracted again: no sentence splitting, no entity
 * or quote extraction.
 */
#ifndef PX_DOC_BLOB_H
#define PX_DOC_BLOB_H

#include "analyze/entity.h"
#include "analyze/quote.h"

/** Append the analysis of doc and its quotes (qs may be NULL: none) to
 * out.  @return PX_OK, PX_ENOMEM. */
PX__HIDDEN int px__doc_blob_save(const px_doc *doc, const px_quotes *qs, px__buf *out);

/**
 * A doc from a stored analysis of body [body, body+len): sent holds the
 * stored sentences (little-endian uint32 start, end pairs, nsent_bytes
 * bytes), blob what px__doc_blob_save wrote.  With ta the sentences are
 * tokenized again (the facts need tokens); without, the doc has sentences,
 * dateline, entities and quotes only (enough to render a comparison).
 * *quotes (may be NULL) gets the stored quotes, in the doc's arena.
 * @return PX_OK; PX_EFORMAT when the bytes do not fit the body (another
 * layout, a truncated row, offsets past the end): analyse the article
 * instead; PX_ENOMEM.
 */
PX__HIDDEN int px__doc_blob_load(px__textan *ta, const char *body, size_t len, const void *sent,
                                 size_t nsent_bytes, const void *blob, size_t nblob,
                                 px_doc **out /* OUT */, const px__quotes **quotes /* OUT */);

#endif
