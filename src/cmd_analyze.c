/* cmd_analyze.c - parallax analyze: sentences, dateline and entities of
 * each article read from the inputs (nothing is stored). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct opts {
  long limit;   /* articles to print, 0 = all */
  bool no_sentences;
} opts;

/* One JSON record per article: the article's members (article.schema.json),
 * then its dateline, sentences, entities and quotes (analyze.schema.json). */
static void print_json(px_json *j, const px_article *a, const px_doc *d, const px_quoter *qt,
                       const opts *o) {
  px_str body = px_doc_body(d);
  px_json_article(j, a, PX_JSON_OPEN);
  px_str place, agency;
  px_json_key(j, "dateline");
  if (px_doc_dateline(d, &place, &agency) == PX_OK) {
    px_json_object(j);
    px_json_key(j, "place");
    px_json_pstr(j, place);
    px_json_key(j, "agency");
    px_json_str_or_null(j, agency);
    px_json_object_end(j);
  } else {
    px_json_null(j);
  }
  px_json_key(j, "sentences");
  px_json_array(j);
  size_t ns = o->no_sentences ? 0 : px_doc_sentence_count(d);
  for (size_t i = 0; i < ns; i++) {
    size_t s, e;
    px_doc_sentence(d, i, &s, &e);
    px_json_object(j);
    px_json_key(j, "start");
    px_json_int(j, (int64_t)s);
    px_json_key(j, "end");
    px_json_int(j, (int64_t)e);
    px_json_key(j, "text");
    px_json_str(j, body.ptr + s, e - s);
    px_json_object_end(j);
  }
  px_json_array_end(j);
  px_json_key(j, "entities");
  px_json_array(j);
  for (size_t i = 0; i < px_doc_entity_count(d); i++) px_json_doc_entity(j, d, i, 0);
  px_json_array_end(j);
  px_json_key(j, "quotes");
  px_json_array(j);
  px_quotes *qs = NULL;
  if (qt && px_quotes_extract(qt, d, &qs) == PX_OK) {
    for (size_t i = 0; i < px_quotes_count(qs); i++) px_json_doc_quote(j, qs, i, d, 0);
    px_quotes_free(qs);
  }
  px_json_array_end(j);
  px_json_object_end(j);
}

static void print_text(cli *c, const px_article *a, const px_doc *d, const opts *o) {
  px_str body = px_doc_body(d);
  px_str title = px_article_get(a, PX_F_TITLE), src = px_article_get(a, PX_F_SOURCE);
  px_str origin = px_article_get(a, PX_F_ORIGIN);
  printf("%s%.*s%s", col(c, C_BOLD), title.len ? (int)title.len : 10,
         title.len ? title.ptr : "(no title)", col(c, C_RESET));
  if (src.len) printf("  %s%.*s%s", col(c, C_CYAN), (int)src.len, src.ptr, col(c, C_RESET));
  printf("  %s%.*s%s\n", col(c, C_DIM), (int)origin.len, origin.ptr, col(c, C_RESET));
  px_str lang = px_doc_language(d);
  if (lang.len)
    printf("language: %.*s%s\n", (int)lang.len, lang.ptr,
           px_lang_is_english(lang.ptr, lang.len)
               ? ""
               : " (sentences and dateline only: entities and quotes are found in English text)");
  px_str place, agency;
  if (px_doc_dateline(d, &place, &agency) == PX_OK)
    printf("dateline: %.*s%s%.*s%s\n", (int)place.len, place.ptr, agency.len ? " (" : "",
           (int)agency.len, agency.ptr, agency.len ? ")" : "");
  size_t ns = o->no_sentences ? 0 : px_doc_sentence_count(d);
  if (ns) printf("sentences:\n");
  for (size_t i = 0; i < ns; i++) {
    size_t s, e;
    px_doc_sentence(d, i, &s, &e);
    printf("%s%4zu%s  %.*s\n", col(c, C_DIM), i + 1, col(c, C_RESET), (int)(e - s), body.ptr + s);
  }
  size_t ne = px_doc_entity_count(d);
  if (ne) printf("entities:\n");
  for (size_t i = 0; i < ne; i++) {
    px_str name, key;
    px_entity_type type;
    size_t nm;
    px_doc_entity(d, i, &name, &key, &type, &nm);
    printf("  %s%-12s%s %s%.*s%s  [%.*s]  %zu mention%s", col(c, C_DIM), px_entity_type_name(type),
           col(c, C_RESET), col(c, C_BOLD), (int)name.len, name.ptr, col(c, C_RESET),
           (int)key.len, key.ptr, nm, nm == 1 ? "" : "s");
    /* the distinct ways the text names it, in order of appearance (at most 8) */
    size_t seen_s[8], seen_e[8], nseen = 0;
    for (size_t j = 0; j < nm && nseen < 8; j++) {
      size_t s, e;
      px_doc_mention(d, i, j, &s, &e, NULL);
      bool dup = (e - s == name.len && memcmp(body.ptr + s, name.ptr, name.len) == 0);
      for (size_t k = 0; k < nseen && !dup; k++)
        dup = seen_e[k] - seen_s[k] == e - s && memcmp(body.ptr + s, body.ptr + seen_s[k], e - s) == 0;
      if (dup) continue;
      printf("%s\"%.*s\"", nseen ? ", " : ": ", (int)(e - s), body.ptr + s);
      seen_s[nseen] = s;
      seen_e[nseen] = e;
      nseen++;
    }
    printf("\n");
  }
  printf("\n");
}

typedef struct run {
  px_json *j;
  px_quoter *qt;
  long skip;
  bool input_failed; /* an input could not be opened: exit 1 */
} run;

static int analyze_one(cli *c, px_ctx *ctx, px_analyzer *an, run *ru, const char *path,
                       const opts *o, long *done, bool *rejected) {
  px_reader *rd = NULL;
  int rc = px_reader_open(ctx, path, &rd);
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    ru->input_failed = true;
    return EXIT_OK;
  }
  int status = EXIT_OK;
  while (!o->limit || *done < o->limit) {
    px_article *art;
    rc = px_reader_next(rd, &art);
    if (rc == PX_EOF) break;
    if (rc == PX_ENOMEM) {
      errorf(c, "out of memory");
      status = EXIT_FAIL;
      break;
    }
    if (rc != PX_OK) {
      *rejected = true;
      if (!c->quiet) fprintf(stderr, "%s: %s\n", c->prog, px_reader_error(rd));
      if (px_reader_error_is_fatal(rd)) break;
      continue;
    }
    if (ru->skip > 0) { /* --offset */
      ru->skip--;
      continue;
    }
    px_doc *d = NULL;
    rc = px_analyze(an, art, &d);
    if (rc) {
      errorf(c, "%s: %s", px_article_get(art, PX_F_ORIGIN).ptr, px_ctx_error(ctx));
      *rejected = true;
      continue;
    }
    /* the language identified (the input had none) is the article's */
    px_str lang = px_doc_language(d);
    if (!px_article_get(art, PX_F_LANGUAGE).len && lang.len)
      px_article_set(art, PX_F_LANGUAGE, lang.ptr, lang.len);
    if (ru->j) print_json(ru->j, art, d, ru->qt, o);
    else print_text(c, art, d, o);
    px_doc_free(d);
    (*done)++;
  }
  px_reader_free(rd);
  return status;
}

int cmd_analyze(cli *c, int argc, char **argv) {
  args a;
  int r = start_command(c, "analyze", argc, argv, &a);
  if (r >= 0) return r;
  opts o = {0};
  o.limit = (long)opt_int(&a, "limit", 0);
  o.no_sentences = opt_flag(&a, "no-sentences");
  int status = EXIT_OK;
  px_ctx *ctx = NULL;
  px_analyzer *an = NULL;
  run ru = {NULL, NULL, (long)opt_int(&a, "offset", 0), false};
  if (px_ctx_new(&ctx)) {
    free_args(&a);
    return EXIT_FAIL;
  }
  if ((status = apply_fields(c, &a, ctx))) goto out;
  if (opt(&a, "limit")->set && o.limit == 0) goto out;
  if (px_analyzer_new(ctx, &an)) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
    goto out;
  }
  if (c->format == FMT_JSON && (!(ru.j = out_records(c)) || px_quoter_new(&ru.qt))) {
    errorf(c, "out of memory");
    status = EXIT_FAIL;
    goto out;
  }
  long done = 0;
  bool rejected = false;
  for (int k = 0; k < a.npos && status == EXIT_OK; k++)
    status = analyze_one(c, ctx, an, &ru, a.pos[k], &o, &done, &rejected);
  if (status == EXIT_OK && ru.input_failed) status = EXIT_FAIL;
  if (status == EXIT_OK && rejected) status = EXIT_PARTIAL;
out:
  if (ru.j && end_records(c, ru.j) && status == EXIT_OK) status = EXIT_FAIL;
  px_quoter_free(ru.qt);
  px_analyzer_free(an);
  px_ctx_free(ctx);
  free_args(&a);
  return status;
}
