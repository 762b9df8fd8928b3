/* serve_json.h - JSON writers of the /api/ records (serve_json.c). */
#ifndef PX_SERVE_JSON_H
#define PX_SERVE_JSON_H
#include "serve.h"

void sj_article(sbuf *b, const px_article *a, bool body);
void sj_story(sbuf *b, const px_story_info *s);
void sj_member(sbuf *b, const px_story_member *m);
/* story: the hit's story id, 0 when not clustered. */
void sj_hit(sbuf *b, const px_search_hit *h, int64_t story);
/* remark: index of its remark group on the page, -1 when not grouped. */
void sj_quote(sbuf *b, const px_stored_quote *q, long remark);
void sj_entity(sbuf *b, const px_stored_entity *e);
#endif
