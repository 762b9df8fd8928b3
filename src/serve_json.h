/* serve_json.h - the /api/ records through the library's serializers (serve_json.c). */
#ifndef PX_SERVE_JSON_H
#define PX_SERVE_JSON_H
#include "serve.h"

/* A px_json writing into b (each record ends with a newline, which is JSON
 * whitespace); sj_close() frees it and marks b when writing failed. */
px_json *sj_open(sbuf *b);
void sj_close(sbuf *b, px_json *j);

void sj_article(sbuf *b, const px_article *a, bool body);
void sj_story(sbuf *b, const px_story_info *s);
void sj_member(sbuf *b, int64_t story, const px_story_member *m);
/* story: the hit's story id, 0 when not clustered. */
void sj_hit(sbuf *b, const px_search_hit *h, int64_t story);
void sj_entity(sbuf *b, const px_stored_entity *e);
#endif
