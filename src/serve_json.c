/* serve_json.c - the records of the server's /api/ twins, written by the
 * library's serializers (px_json_*, docs/schema/): the server adds only the
 * envelope around them (and a member or two through PX_JSON_OPEN). */
#include "serve_json.h"

static int to_sbuf(void *user, const char *p, size_t n) {
  sbuf *b = user;
  sb_add(b, p, n);
  return b->oom;
}

px_json *sj_open(sbuf *b) {
  px_json *j = NULL;
  if (px_json_new(0, to_sbuf, b, &j) != PX_OK) {
    b->oom = true;
    return NULL;
  }
  return j;
}

void sj_close(sbuf *b, px_json *j) {
  if (j && px_json_status(j) != PX_OK) b->oom = true;
  px_json_free(j);
}

void sj_article(sbuf *b, const px_article *a, bool body) {
  px_json *j = sj_open(b);
  if (j) px_json_article(j, a, body ? PX_JSON_BODY : 0);
  sj_close(b, j);
}

void sj_story(sbuf *b, const px_story_info *s) {
  px_json *j = sj_open(b);
  if (j) px_json_story(j, s, 0);
  sj_close(b, j);
}

void sj_member(sbuf *b, int64_t story, const px_story_member *m) {
  px_json *j = sj_open(b);
  if (j) px_json_story_member(j, story, m, 0);
  sj_close(b, j);
}

void sj_hit(sbuf *b, const px_search_hit *h, int64_t story) {
  px_json *j = sj_open(b);
  if (j) {
    px_json_search_hit(j, h, PX_JSON_OPEN);
    px_json_key(j, "story");
    if (story > 0) px_json_int(j, story);
    else px_json_null(j);
    px_json_object_end(j);
  }
  sj_close(b, j);
}

void sj_entity(sbuf *b, const px_stored_entity *e) {
  px_json *j = sj_open(b);
  if (j) px_json_stored_entity(j, e, 0);
  sj_close(b, j);
}
