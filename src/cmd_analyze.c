/* cmd_analyze.c - parallax analyze: sentences, dateline and entities of
 * each article read from the inputs (nothing is stored). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct opts {
  long limit;   /* articles to print, 0 = all */
  bool no_sentences;
} opts;

static void print_json(const px_article *a, const px_doc *d, const opts *o) {
  px_str body = px_doc_body(d);
  fputs("{\"id\":", stdout);
  json_pstr(stdout, px_article_get(a, PX_F_ID));
  fputs(",\"title\":", stdout);
  json_pstr(stdout, px_article_get(a, PX_F_TITLE));
  fputs(",\"source\":", stdout);
  json_pstr(stdout, px_article_get(a, PX_F_SOURCE));
  fputs(",\"origin\":", stdout);
  json_pstr(stdout, px_article_get(a, PX_F_ORIGIN));
  px_str place, agency;
  if (px_doc_dateline(d, &place, &agency) == PX_OK) {
    fputs(",\"dateline\":{\"place\":", stdout);
    json_pstr(stdout, place);
    fputs(",\"agency\":", stdout);
    if (agency.len) json_pstr(stdout, agency);
    else fputs("null", stdout);
    fputs("}", stdout);
  } else {
    fputs(",\"dateline\":null", stdout);
  }
  fputs(",\"sentences\":[", stdout);
  size_t ns = o->no_sentences ? 0 : px_doc_sentence_count(d);
  for (size_t i = 0; i < ns; i++) {
    size_t s, e;
    px_doc_sentence(d, i, &s, &e);
    printf("%s{\"start\":%zu,\"end\":%zu,\"text\":", i ? "," : "", s, e);
    json_str(stdout, body.ptr + s, e - s);
    fputs("}", stdout);
  }
  fputs("],\"entities\":[", stdout);
  size_t ne = px_doc_entity_count(d);
  for (size_t i = 0; i < ne; i++) {
    px_str name, key;
    px_entity_type type;
    size_t nm;
    px_doc_entity(d, i, &name, &key, &type, &nm);
    printf("%s{\"id\":%zu,\"name\":", i ? "," : "", i);
    json_pstr(stdout, name);
    fputs(",\"key\":", stdout);
    json_pstr(stdout, key);
    printf(",\"type\":\"%s\",\"mentions\":[", px_entity_type_name(type));
    for (size_t j = 0; j < nm; j++) {
      size_t s, e;
      px_mention_kind k;
      px_doc_mention(d, i, j, &s, &e, &k);
      printf("%s{\"start\":%zu,\"end\":%zu,\"text\":", j ? "," : "", s, e);
      json_str(stdout, body.ptr + s, e - s);
      printf(",\"kind\":\"%s\"}", px_mention_kind_name(k));
    }
    fputs("]}", stdout);
  }
  fputs("]", stdout);
  /* --- quotes (cmd_quotes.c) --- */
  quotes_print_json(d);
  /* --- end quotes --- */
  fputs("}\n", stdout);
}

static void print_text(cli *c, const px_article *a, const px_doc *d, const opts *o) {
  px_str body = px_doc_body(d);
  px_str title = px_article_get(a, PX_F_TITLE), src = px_article_get(a, PX_F_SOURCE);
  px_str origin = px_article_get(a, PX_F_ORIGIN);
  printf("%s%.*s%s", col(c, C_BOLD), title.len ? (int)title.len : 10,
         title.len ? title.ptr : "(no title)", col(c, C_RESET));
  if (src.len) printf("  %s%.*s%s", col(c, C_CYAN), (int)src.len, src.ptr, col(c, C_RESET));
  printf("  %s%.*s%s\n", col(c, C_DIM), (int)origin.len, origin.ptr, col(c, C_RESET));
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

static int analyze_one(cli *c, px_ctx *ctx, px_analyzer *an, const char *path, const opts *o,
                       long *done, bool *rejected) {
  px_reader *rd = NULL;
  int rc = px_reader_open(ctx, path, &rd);
  if (rc) {
    errorf(c, "%s", px_ctx_error(ctx)[0] ? px_ctx_error(ctx) : px_strerror(rc));
    *rejected = true;
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
    px_doc *d = NULL;
    rc = px_analyze(an, art, &d);
    if (rc) {
      errorf(c, "%s: %s", px_article_get(art, PX_F_ORIGIN).ptr, px_ctx_error(ctx));
      *rejected = true;
      continue;
    }
    if (c->format == FMT_JSON) print_json(art, d, o);
    else print_text(c, art, d, o);
    px_doc_free(d);
    (*done)++;
  }
  px_reader_free(rd);
  return status;
}

int cmd_analyze(cli *c, int argc, char **argv) {
  const command *cmd = find_command("analyze");
  opts o = {0};
  const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  if (!inputs) return EXIT_FAIL;
  int ninputs = 0, status = EXIT_OK;
  px_ctx *ctx = NULL;
  px_analyzer *an = NULL;
  if (px_ctx_new(&ctx)) {
    free(inputs);
    return EXIT_FAIL;
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-") == 0 || a[0] != '-') {
      inputs[ninputs++] = a;
      continue;
    }
    int r = common_option(c, cmd, argc, argv, &i, FMTS_TEXT_JSON);
    if (r < 0) {
      status = EXIT_USAGE;
      goto out;
    }
    if (r > 0) continue;
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--limit") == 0 && v) {
      o.limit = strtol(v, NULL, 10);
      i++;
    } else if (strcmp(a, "--no-sentences") == 0) {
      o.no_sentences = true;
    } else if (strcmp(a, "--field") == 0 && v) {
      const char *eq = strchr(v, '=');
      char name[32];
      if (!eq || (size_t)(eq - v) >= sizeof name) {
        die_usage(c, cmd, "--field wants NAME=PATH, not '%s'", v);
        status = EXIT_USAGE;
        goto out;
      }
      memcpy(name, v, (size_t)(eq - v));
      name[eq - v] = '\0';
      if (px_ctx_map_field(ctx, name, eq + 1)) {
        die_usage(c, cmd, "--field: unknown field '%s'", name);
        status = EXIT_USAGE;
        goto out;
      }
      i++;
    } else {
      die_usage(c, cmd, "unknown argument '%s'", a);
      status = EXIT_USAGE;
      goto out;
    }
  }
  if (ninputs == 0) {
    die_usage(c, cmd, "no input given (a file, a folder, or - for stdin)");
    status = EXIT_USAGE;
    goto out;
  }
  if (px_analyzer_new(ctx, &an)) {
    errorf(c, "%s", px_ctx_error(ctx));
    status = EXIT_FAIL;
    goto out;
  }
  long done = 0;
  bool rejected = false;
  for (int k = 0; k < ninputs && status == EXIT_OK; k++)
    status = analyze_one(c, ctx, an, inputs[k], &o, &done, &rejected);
  if (status == EXIT_OK && rejected) status = EXIT_PARTIAL;
out:
  px_analyzer_free(an);
  px_ctx_free(ctx);
  free(inputs);
  return status;
}
