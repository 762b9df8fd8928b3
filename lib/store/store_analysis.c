/* store_analysis.c - per-article analysis in the store, and the queries
 * across it: quotes by speaker, entities by coverage. */
#include "store.h"
#include "analyze/doc_blob.h"
#include "analyze/quote.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Raised whenever the analysis stores something else for the same text
 * (sentences, entities, quotes, speakers): an analysis made by older rules
 * is then analysed again by `parallax reanalyze` (px_ingest_reanalyze),
 * and a story comparison analyses such an article anew instead of reading
 * it (px__store_analysis_bytes).  2: the speaker rules of 2026-12; 3:
 * names known across "and", a document's source, a name heading a clause
 * after the cue; 4: agencies' names holding "and" ("Fish and Wildlife
 * Service", "U.S. Customs and Border Protection"), no place's spelling in
 * a person's key, an honorific's gender before a shared family name; 5:
 * a count of people or a share in a speaker's phrase ("92 percent of
 * voters"), a plural before a body ("Republicans in Congress said"),
 * a cue that is a plural noun ("in key battleground states"); 6: an
 * opening phrase runs past a place and a clause set off after it
 * ("Speaking in Warsaw, Poland, where he is attending ..., Obama ...
 * remarked"); 7: an apposition after such a clause ("when Helms faced
 * Mayor Harvey Gantt, the city's first black mayor, the party sent"), a
 * quotation in brackets right after a name is that person's reply; 8:
 * the words before a title are an organization or a place, never a
 * person ("French President Francois Hollande"); 9: CNN's datelines with
 * no dash ("Washington (CNN) It's still undecided ..."), which began the
 * first sentence; 10: quoted words before a thing's relative clause
 * ("the “one country, two systems” governance, which promised") are
 * nobody's quote; 11: a name never ends on its word twice ("Kamala
 * Harris Harris graduates" in a gallery's captions), a name that only
 * describes the noun before "who" ("a former Harris staffer who
 * claimed") does not speak; 12: a video's blurb behind its player's
 * close button ("CLOSE A bipartisan group of senators ...") gives no
 * quotes; 13: a pronoun after "that" is no sentence's subject ("The
 * author stipulates that he ... but argues that "..."" is not his); 14:
 * a possessive in a phrase headed by another person is whose that person
 * is ("according to the mayor's personal physician" is not the mayor's);
 * 15: the rest of the body a title is of and an office after "and" are
 * no part of the name that follows ("Minister of Foreign Affairs Mohammad
 * Javad Zarif", "... and Majority Whip Steve Scalise"); 16: a relative
 * clause's report ends where the sentence's own verb comes back ("Guyger,
 * who said she mistook ..., was sentenced" does not report the sentence);
 * 17: "family", "assembly", "daily" are no adverbs after a name, and a
 * family or relatives speak for themselves ("The Brown family said" is
 * not Michael Brown's); 18: a headline set in the body gives no indirect
 * quote ("Comey Says He Is Mildly Nauseous About ..."); 19: "Ms. Carter"
 * is the woman of that family name the text names, when the lists know
 * no gender for the man's given name ("Ash Carter"); 20: the one spoken
 * to before a colon is no speaker ("in an interview with ABC's Kaye
 * Foley: "..."", "tells Chris: "...""); 21: "told investigators she
 * was ...": the one told is not part of what was said; 22: "recounted"
 * and "relayed" before a noun phrase report no speech; 23: a phrase of
 * examples ("including Martin's parents") is no speaker; 24: "St."
 * opens a saint's name ("St. Louis" is a place, not "Louis" a person);
 * 25: a sentence ends at "there."Democrats ..." and "well.”Americans ...",
 * where a paragraph break was lost between or after quotations; 26: an
 * aside between dashes before a reported clause is the writer's; 27: a
 * title word before a person's suffix ends the name ("Martin Luther King
 * III"), and "Govs." is a title to the sentence splitter; 28: a "that"
 * after a cue's own object opens a relative clause ("claimed
 * responsibility for the attacks that killed ..."), or goes on inside
 * the reported clause ("said the collection was a mistake that went
 * ..."); 29: "What X said ..." (a free relative) reports no words of
 * X's; 30: a sentence ends at "focus.A clip ..." (a glued period before
 * "A" or "I"); 31: and at a glued question mark ("president?Trump"); 32:
 * not at a question mark, which glues a related link's headline to its
 * summary more often ("Where's Fauci?Doctor's absence ...", furniture);
 * 33: after a cue's object, "and said ..." gives what was said ("denied
 * the allegation and said the encounter was consensual"); 34: the one
 * told before a clause opening on a contraction ("told reporters he
 * didn't ...", "told lawmakers he hadn’t ..."); 35: "those who say ..."
 * defines a group and quotes no one; 36: an agency's picture credit
 * ("AP Photo") is no part of the name after it; 37: the one told before a
 * clause in an irregular past ("told investigators he shot ..."); 38: a
 * span of time opening a clause ("One day earlier, he ...") is no subject;
 * 39: a page's label in capitals ("READ IN FULL:") is no transcript turn;
 * 40: time zones ("4:15 p.m. ET") are no names; 41: a dateline with no
 * agency after a byline's paragraph ("WASHINGTON – ...") is no part of
 * a quote; 42: "Al" after a title opens a name ("Rep. Al Green") and is no
 * place; 43: a state and a party's member, or an organization's word,
 * before a name ("Maine Democrat Zak ...", "Tories Oliver Letwin") are no
 * part of it; 44: sentence openers WordNet lacks ("Plus,", "Alas,",
 * "Using ...", "Lawmakers ...") are no names; 45: a relative clause's
 * words end before a main verb in the present ("..., wants a bill"), and
 * writing or promising a thing reports no words; 46: a broadcaster's call
 * letters ("WSOC-TV") name an organization that reports others' words;
 * 47: words a noun after the marks names ("the "send her back" chant") are
 * not said, and "by chanting" in a clause after ", and" is its subject's;
 * 48: chants "of" a slogan are not said, and a crowd chanting speaks;
 * 49: a glued quotation mark before an acronym ends a sentence ("...
 * general."CNN is declining"); 50: a name of no person with a number
 * after it ("EgyptAir Flight 804") is no speaker; 51: the one told and
 * a comma after "told" are no part of what was said ("told NPR's Robert
 * Siegel, that ...", "as he told investigators, when ..."); 52: before a
 * colon, the one a verb of rebuke is aimed at is no speaker ("Paul Ryan
 * reprimanded Trump: "..."" is Ryan's); 53: words named as a person's
 * ("Trump's claim that "..."", "a Trump claim that "..."") are that
 * person's; 54: a title written with hyphens ("Chief-of-Staff",
 * "Editor-in-Chief") is no part of the name after it; 55: a family name
 * with an office's title, ahead of the full names ("President Trump ...",
 * then "Lara Trump", "Donald Trump"), is the person the lists know; 56: a
 * person named between commas right before a trailing cue, after a role,
 * speaks ("the aide to Christie, Bridget Anne Kelly, wrote"); 57: a quote
 * set off right after an inner cue is the inner speaker's ("Reade said
 * Biden said to her, '...'"); 58: "Amb." is a title to the sentence
 * splitter and the entity finder, and a clause after "even as", "even
 * though", "just as" attributes nothing before it; 59: a dateline of two
 * cities joined by a slash ("WASHINGTON/MINNEAPOLIS (Reuters) -"), each
 * a place; 60: after reported speech, ", said X" and a verb gives X as
 * the subject of what was said, not the speaker of the clause before;
 * 61: a title after "then-" or "ex-" is a title ("then-President-elect
 * Trump", "then-Secretary of State Hillary Clinton"); 62: a name after a
 * dash in the next paragraph signs only a quote that opens its own; 63:
 * a work's title after its noun ("book, "..."") or "touting" is a title;
 * 64: a story told ("to tell the story of ...") reports no words; 65:
 * family names beside relatives (a kin word a few words before, the
 * person the lists know, a relative named in passing after "of"); 66:
 * "responded to X tweeting: "..."" is X's; 67: "said Trump personal
 * attorney Jay Sekulow" is Sekulow's; 68: "AG" before a name is a
 * title; 69: a relative named after a kin word does not take the family
 * name from the person named before ("his wife, Ashley Estes
 * Kavanaugh"); 70: "Story Highlights" before a name is no part of it;
 * 71: nor is a weekday before a person's name ("On Monday Obama said");
 * 72: a known body run into a person's name is the post and its holder
 * ("Ambassador to the United Nations Nikki Haley"). */
#define ANALYSIS_VERSION 72

static int step_done(px_store *st, sqlite3_stmt *s, const char *what) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? PX_OK : px__store_step_fail(st, rc, what);
}

/* The id the next new entity gets: SQLite's (the largest plus one; the
 * writer holds the write lock), read once per transaction.  Whether the
 * cache of ids holds every stored entity is decided then too: yes when the
 * table is empty, or when it held all at the last commit and the largest
 * id is still the one this writer last gave (entities are never deleted;
 * another writer or an import adds larger ids). */
static int next_entity(px_store *st) {
  px__batch *bt = &st->batch;
  if (bt->next_entity) return PX_OK;
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_ENTITY_NEXT, "SELECT coalesce(max(id), 0) FROM entity", &s);
  if (rc) return rc;
  rc = sqlite3_step(s);
  int64_t max = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
  sqlite3_reset(s);
  if (rc != SQLITE_ROW) return px__store_step_fail(st, rc, "looking up an entity");
  bt->ids_complete = (max == 0 && bt->entity_ids.n == 0) || (bt->ids_complete && max == bt->ids_max);
  bt->next_entity = max + 1;
  return PX_OK;
}

/* The id of the entity with key, created with name and type when new.
 * Ids are cached: an entity row, once written, keeps its id (entities are
 * never deleted), and a rollback clears the cache. */
static int entity_id(px_store *st, px_str key, px_str name, const char *type, int64_t *id) {
  px__batch *bt = &st->batch;
  if (px__strmap_get(&bt->entity_ids, key.ptr, key.len, id)) return PX_OK;
  int rc = next_entity(st);
  if (rc) return rc;
  if (!bt->ids_complete) { /* else a key the cache lacks is new */
    sqlite3_stmt *s = NULL;
    if ((rc = px__store_stmt(st, PX__STMT_ENTITY_FIND, "SELECT id FROM entity WHERE key=?1", &s)))
      return rc;
    px__store_bind_text(s, 1, key);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
      *id = sqlite3_column_int64(s, 0);
      sqlite3_reset(s);
      return px__strmap_put(&bt->entity_ids, key.ptr, key.len, *id, NULL);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return px__store_step_fail(st, rc, "looking up an entity");
  }
  /* A new entity is written with its counters when they are flushed
   * (store_batch.c), before the transaction commits. */
  *id = bt->next_entity++;
  if ((rc = px__batch_new_entity(bt, key, name, type, *id))) return rc;
  return px__strmap_put(&bt->entity_ids, key.ptr, key.len, *id, NULL);
}

/* Several rows to a statement (px__store_rows_stmt), "OR IGNORE" so that
 * none opens a statement journal.  No row is ignored: every value is bound
 * non-NULL but speaker_entity, which may be NULL, and the entity mentions
 * are unique by (article, entity) before they are kept. */
#define AE_SQL "INSERT OR IGNORE INTO article_entity(article, entity, name, mentions, first_start, first_end)"
#define QUOTE_SQL                                                                      \
  "INSERT OR IGNORE INTO quote(article, start, end, kind, text, cue, speaker_name,"    \
  " speaker_key, speaker_entity)"

/* Past this many bytes of kept rows (about 200 analysed articles'
 * worth each MiB), they are written before the commit: one sorted run
 * each time. */
#define ROWS_MAX_BYTES (48u << 20)

static int ae_cmp(const void *a, const void *b) {
  const px__ae_row *x = a, *y = b;
  if (x->entity != y->entity) return (x->entity > y->entity) - (x->entity < y->entity);
  return (x->article > y->article) - (x->article < y->article);
}

/* As the quote_speaker index orders them: by key (bytes, as SQLite's
 * BINARY collation does), then as stored. */
static int qr_cmp(const void *a, const void *b) {
  const px__quote_row *x = a, *y = b;
  uint32_t n = x->len[3] < y->len[3] ? x->len[3] : y->len[3];
  int c = n ? memcmp(x->key, y->key, n) : 0;
  if (c) return c;
  if (x->len[3] != y->len[3]) return x->len[3] < y->len[3] ? -1 : 1;
  if (x->article != y->article) return x->article < y->article ? -1 : 1;
  return (x->start > y->start) - (x->start < y->start);
}

int px__store_flush_rows(px_store *st) {
  px__batch *bt = &st->batch;
  if (!bt->nae && !bt->nqr) return PX_OK;
  const char *text = bt->row_text.ptr;
  sqlite3_stmt *s = NULL;
  int rc = PX_OK;
  if (bt->nae) qsort(bt->ae, bt->nae, sizeof(*bt->ae), ae_cmp);
  for (size_t i = 0; i < bt->nae && rc == PX_OK;) {
    size_t n = 0;
    if ((rc = px__store_rows_stmt(st, PX__STMT_AE_ROWS, AE_SQL, 6, bt->nae - i, &n, &s))) break;
    for (size_t j = 0; j < n; j++, i++) {
      const px__ae_row *r = &bt->ae[i];
      int c = (int)j * 6;
      sqlite3_bind_int64(s, c + 1, r->article);
      sqlite3_bind_int64(s, c + 2, r->entity);
      px__store_bind_text(s, c + 3, (px_str){text + r->off, r->len});
      sqlite3_bind_int64(s, c + 4, r->mentions);
      sqlite3_bind_int64(s, c + 5, r->start);
      sqlite3_bind_int64(s, c + 6, r->end);
    }
    rc = step_done(st, s, "storing an entity mention");
  }
  for (size_t i = 0; i < bt->nqr; i++) {
    px__quote_row *r = &bt->qr[i];
    r->key = text + r->off + r->len[0] + r->len[1] + r->len[2];
  }
  if (rc == PX_OK && bt->nqr) qsort(bt->qr, bt->nqr, sizeof(*bt->qr), qr_cmp);
  for (size_t i = 0; i < bt->nqr && rc == PX_OK;) {
    size_t n = 0;
    if ((rc = px__store_rows_stmt(st, PX__STMT_QUOTE_ROWS, QUOTE_SQL, 9, bt->nqr - i, &n, &s)))
      break;
    for (size_t j = 0; j < n; j++, i++) {
      const px__quote_row *r = &bt->qr[i];
      const char *f = text + r->off;
      int c = (int)j * 9;
      sqlite3_bind_int64(s, c + 1, r->article);
      sqlite3_bind_int64(s, c + 2, r->start);
      sqlite3_bind_int64(s, c + 3, r->end);
      sqlite3_bind_text(s, c + 4, px_quote_kind_name((px_quote_kind)r->kind), -1, SQLITE_STATIC);
      for (int k = 0; k < 4; k++) {
        px__store_bind_text(s, c + 5 + k, (px_str){f, r->len[k]});
        f += r->len[k];
      }
      if (r->entity) sqlite3_bind_int64(s, c + 9, r->entity);
      else sqlite3_bind_null(s, c + 9);
    }
    rc = step_done(st, s, "storing a quote");
  }
  /* Written or failed: a failure rolls the transaction back either way. */
  bt->nae = bt->nqr = 0;
  bt->row_text.len = 0;
  return rc;
}

static int grow_rows(void **v, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return PX_OK;
  size_t nc = *cap ? *cap : 256;
  while (nc < need) nc *= 2;
  void *nv = realloc(*v, nc * size);
  if (!nv) return PX_ENOMEM;
  *v = nv;
  *cap = nc;
  return PX_OK;
}

static int keep_text(px__buf *b, px_str v, size_t *len) {
  *len = v.len;
  return v.len ? px__buf_append(b, v.ptr, v.len) : PX_OK;
}

/* The speaker table lists each speaker key once (the first name seen). */
static int note_speaker(px_store *st, px_str key, px_str name) {
  if (px__strmap_get(&st->batch.speakers, key.ptr, key.len, NULL)) return PX_OK;
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_SPEAKER,
                          "INSERT OR IGNORE INTO speaker(key, name) VALUES(?1, ?2)", &s);
  if (rc) return rc;
  px__store_bind_text(s, 1, key);
  px__store_bind_text(s, 2, name);
  if ((rc = step_done(st, s, "storing a speaker"))) return rc;
  if (sqlite3_changes(st->db) > 0 && (rc = px__store_note_new_speaker(st, key, name))) return rc;
  return px__strmap_put(&st->batch.speakers, key.ptr, key.len, 1, NULL);
}

/* The article's source, for the entity outlet counters. */
static int article_source(px_store *st, int64_t article, px__buf *out) {
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_SOURCE, "SELECT source FROM article WHERE id=?1", &s);
  if (rc) return rc;
  sqlite3_bind_int64(s, 1, article);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    rc = px__buf_append(out, (const char *)sqlite3_column_text(s, 0),
                        (size_t)sqlite3_column_bytes(s, 0));
    sqlite3_reset(s);
    return rc;
  }
  sqlite3_reset(s);
  if (rc == SQLITE_DONE)
    return px__ctx_fail(st->ctx, PX_EINVAL, "no article with id %lld", (long long)article);
  return px__store_step_fail(st, rc, "looking up an article");
}

/* Drop what an earlier analysis of article stored.  The rows kept for the
 * flush are written first, so the delete finds them; and the delete
 * trigger lowers the entity counters, so the counters pending for this
 * batch are written before it. */
static int clear_analysis(px_store *st, int64_t article) {
  int rc = px__store_flush_rows(st);
  if (rc == PX_OK) rc = px__store_flush_counters(st);
  sqlite3_stmt *s = NULL;
  if (rc == PX_OK &&
      (rc = px__store_stmt(st, PX__STMT_DEL_QUOTES, "DELETE FROM quote WHERE article=?1", &s)) ==
          PX_OK) {
    sqlite3_bind_int64(s, 1, article);
    rc = step_done(st, s, "replacing an analysis");
  }
  if (rc == PX_OK &&
      (rc = px__store_stmt(st, PX__STMT_DEL_ENTITIES, "DELETE FROM article_entity WHERE article=?1",
                           &s)) == PX_OK) {
    sqlite3_bind_int64(s, 1, article);
    rc = step_done(st, s, "replacing an analysis");
  }
  return rc;
}

int px_store_has_analysis(px_store *st, int64_t article) {
  if (!st) return PX_EINVAL;
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(st->db, "SELECT version FROM analysis WHERE article=?1", -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "reading an analysis");
  sqlite3_bind_int64(s, 1, article);
  rc = sqlite3_step(s);
  int has = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == ANALYSIS_VERSION;
  sqlite3_finalize(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return px__store_step_fail(st, rc, "reading an analysis");
  return has;
}

static int add_analysis(px_store *st, int64_t article, const px_doc *doc, const px_quotes *qs);

int px_store_add_analysis(px_store *st, int64_t article, const px_doc *doc, const px_quotes *qs) {
  if (!st || !doc || article <= 0) return PX_EINVAL;
  if (st->in_tx) return add_analysis(st, article, doc, qs);
  int rc = px_store_begin(st);
  if (rc) return rc;
  rc = add_analysis(st, article, doc, qs);
  if (rc == PX_OK) return px_store_commit(st);
  px_store_rollback(st);
  return rc;
}

static int add_analysis(px_store *st, int64_t article, const px_doc *doc, const px_quotes *qs) {
  int rc;
  px__buf source;
  px__buf_init(&source, 0);
  /* Replace: drop what an earlier analysis stored (an article stored by
   * px_store_add in this transaction, not analysed since, has none). */
  px__batch *bt = &st->batch;
  px__fresh *fresh = px__batch_fresh_find(bt, article);
  if (fresh) {
    rc = px__buf_append(&source, bt->fresh_src.ptr ? bt->fresh_src.ptr + fresh->src_off : "",
                        fresh->src_len);
    if (rc == PX_OK) px__batch_fresh_done(bt, fresh);
  } else if ((rc = clear_analysis(st, article)) == PX_OK) {
    rc = article_source(st, article, &source);
  }
  if (rc) {
    px__buf_release(&source);
    return rc;
  }

  size_t ns = px_doc_sentence_count(doc);
  unsigned char *blob = malloc(ns * 8 + 1);
  if (!blob) return PX_ENOMEM;
  for (size_t i = 0; i < ns; i++) {
    size_t a = 0, b = 0;
    px_doc_sentence(doc, i, &a, &b);
    uint32_t v[2] = {(uint32_t)a, (uint32_t)b};
    for (int k = 0; k < 2; k++)
      for (int j = 0; j < 4; j++) blob[i * 8 + (size_t)k * 4 + (size_t)j] = (unsigned char)(v[k] >> (8 * j));
  }
  px_str place = {"", 0}, agency = {"", 0};
  px_doc_dateline(doc, &place, &agency);
  px__buf detail;
  px__buf_init(&detail, 0);
  sqlite3_stmt *s = NULL;
  rc = px__doc_blob_save(doc, qs, &detail);
  if (rc == PX_OK)
    rc = px__store_stmt(st, PX__STMT_ANALYSIS,
                        "INSERT OR REPLACE INTO analysis(article, sentences, dateline_place,"
                        " dateline_agency, version, detail) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                        &s);
  if (rc) {
    free(blob);
    px__buf_release(&detail);
    px__buf_release(&source);
    return rc;
  }
  sqlite3_bind_int64(s, 1, article);
  sqlite3_bind_blob(s, 2, blob, (int)(ns * 8), SQLITE_STATIC);
  px__store_bind_text(s, 3, place);
  px__store_bind_text(s, 4, agency);
  sqlite3_bind_int(s, 5, ANALYSIS_VERSION);
  sqlite3_bind_blob(s, 6, detail.ptr ? detail.ptr : "", (int)detail.len, SQLITE_STATIC);
  rc = step_done(st, s, "storing an analysis");
  free(blob);
  px__buf_release(&detail);
  size_t ne = px_doc_entity_count(doc);
  size_t nq = qs ? px_quotes_count(qs) : 0;
  int64_t *ids = rc ? NULL : calloc(ne + 1, sizeof(int64_t));
  if (!ids) {
    px__buf_release(&source);
    return rc ? rc : PX_ENOMEM;
  }
  size_t nae0 = bt->nae; /* this article's rows start here */
  if ((rc = grow_rows((void **)&bt->ae, &bt->cap_ae, bt->nae + ne, sizeof(*bt->ae)))) ne = 0;
  for (size_t i = 0; i < ne && rc == PX_OK; i++) {
    px_str name, key;
    px_entity_type type;
    size_t nm = 0, a = 0, b = 0;
    if (px_doc_entity(doc, i, &name, &key, &type, &nm) != PX_OK || key.len == 0) continue;
    if ((rc = entity_id(st, key, name, px_entity_type_name(type), &ids[i]))) break;
    /* An entity listed twice is stored (and counted) once, as first listed. */
    size_t k = nae0;
    while (k < bt->nae && bt->ae[k].entity != ids[i]) k++;
    if (k < bt->nae) continue;
    px_doc_mention(doc, i, 0, &a, &b, NULL);
    px__ae_row *r = &bt->ae[bt->nae];
    *r = (px__ae_row){ids[i], article, (int64_t)nm, (int64_t)a, (int64_t)b, bt->row_text.len, 0};
    if ((rc = keep_text(&bt->row_text, name, &r->len))) break;
    bt->nae++;
    rc = px__batch_count_entity(&st->batch, ids[i], source.ptr ? source.ptr : "", source.len,
                                (int64_t)nm);
  }
  if (rc == PX_OK) rc = grow_rows((void **)&bt->qr, &bt->cap_qr, bt->nqr + nq, sizeof(*bt->qr));
  for (size_t i = 0; i < nq && rc == PX_OK; i++) {
    px_quote q;
    if (px_quotes_get(qs, i, &q) != PX_OK) continue;
    bool sp = q.has_speaker && q.speaker_key.len;
    if (sp && (rc = note_speaker(st, q.speaker_key, q.speaker_name))) break;
    px__quote_row *r = &bt->qr[bt->nqr];
    *r = (px__quote_row){NULL, article, (int64_t)q.start, (int64_t)q.end, 0, bt->row_text.len,
                         {0, 0, 0, 0}, (int)q.kind};
    if (q.has_speaker && q.speaker_entity >= 0 && (size_t)q.speaker_entity < ne)
      r->entity = ids[q.speaker_entity];
    px_str none = {"", 0};
    const px_str f[4] = {q.text, q.cue, q.has_speaker ? q.speaker_name : none,
                         q.has_speaker ? q.speaker_key : none};
    size_t len = 0;
    for (int k = 0; k < 4 && rc == PX_OK; k++) {
      if (f[k].len > UINT32_MAX) rc = PX_EINVAL;
      else if ((rc = keep_text(&bt->row_text, f[k], &len)) == PX_OK) r->len[k] = (uint32_t)len;
    }
    if (rc == PX_OK) bt->nqr++;
  }
  if (rc == PX_OK && bt->row_text.len > ROWS_MAX_BYTES) rc = px__store_flush_rows(st);
  free(ids);
  px__buf_release(&source);
  return rc;
}

static px_str col_str(sqlite3_stmt *s, int i) {
  const unsigned char *t = sqlite3_column_text(s, i);
  px_str v = {t ? (const char *)t : "", (size_t)sqlite3_column_bytes(s, i)};
  return v;
}

static px_quote_kind kind_from_name(const char *k) {
  static const px_quote_kind all[] = {PX_QUOTE_DIRECT, PX_QUOTE_PARTIAL, PX_QUOTE_INDIRECT,
                                      PX_QUOTE_SCARE, PX_QUOTE_TITLE};
  for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
    if (k && strcmp(k, px_quote_kind_name(all[i])) == 0) return all[i];
  return PX_QUOTE_DIRECT;
}

/*
 * A prefilter for the speakers a name can match: px_speaker_match() needs
 * a shared name word, so a speaker whose key and name hold none of the
 * name's words' first four letters (ASCII, any case, anywhere: what
 * "key LIKE '%pelo%' OR name LIKE '%pelo%'" matched) cannot match.
 * Transliterations that differ within the first four letters are the
 * price; names with non-ASCII letters are not prefiltered.  Appends each
 * word's letters, lower-case and NUL-terminated, to pats; none when no
 * prefilter applies.  The test runs here on each speaker row read, not as
 * four SQL LIKEs a row: on the AllSides store (84,730 speakers) the LIKEs
 * cost more than reading the rows (the 'Nancy Pelosi' query: 302 M
 * instructions in the store with LIKE, 221 M with this test).
 */
static int speaker_prefilter(const char *name, px__buf *pats) {
  size_t n = strlen(name);
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)name[i] >= 0x80) return PX_OK;
  int rc = PX_OK;
  size_t i = 0;
  while (i < n && rc == PX_OK) {
    while (i < n && !((name[i] | 32) >= 'a' && (name[i] | 32) <= 'z')) i++;
    size_t j = i;
    while (j < n && ((name[j] | 32) >= 'a' && (name[j] | 32) <= 'z')) j++;
    if (j - i >= 3) {
      char pat[8];
      size_t k = j - i < 4 ? j - i : 4;
      for (size_t m = 0; m < k; m++) pat[m] = (char)(name[i + m] | 32);
      pat[k] = '\0';
      rc = px__buf_append(pats, pat, k + 1); /* NUL-separated */
    }
    i = j;
  }
  return rc;
}

/* Whether the NUL-terminated s holds pat (lower-case ASCII letters) in
 * any case, as LIKE '%pat%' decides for ASCII letters. */
static bool has_ci(const unsigned char *s, const char *pat) {
  if (!s) return false;
  unsigned char p0 = (unsigned char)pat[0];
  for (; *s; s++) {
    if ((*s | 32) != p0) continue;
    size_t m = 1;
    while (pat[m] && s[m] && (s[m] | 32) == (unsigned char)pat[m]) m++;
    if (!pat[m]) return true;
  }
  return false;
}

static bool any_pattern(const px__buf *pats, const unsigned char *key, const unsigned char *name) {
  for (size_t off = 0; off < pats->len; off += strlen(pats->ptr + off) + 1)
    if (has_ci(key, pats->ptr + off) || has_ci(name, pats->ptr + off)) return true;
  return false;
}

/* Collect the stored speaker keys that name the person asked for. */
static int speaker_keys(px_store *st, const char *name, px__buf *sql_in, char ***keys, size_t *nkeys) {
  sqlite3_stmt *s = NULL;
  px__buf pats;
  px__buf_init(&pats, 0);
  int rc = speaker_prefilter(name, &pats);
  if (rc) {
    px__buf_release(&pats);
    return rc;
  }
  /* With patterns, the speakers holding one of them are found by the
   * trigram index of keys and names (a superset: the test below decides, on
   * the speaker's row); without, every speaker is read. */
  px__buf match;
  px__buf_init(&match, 0);
  for (size_t off = 0; off < pats.len; off += strlen(pats.ptr + off) + 1) {
    const char *p = pats.ptr + off; /* 3 or 4 letters: ("nan" AND "anc") */
    px__buf_printf(&match, "%s(\"%.3s\"", off ? " OR " : "", p);
    if (strlen(p) > 3) px__buf_printf(&match, " AND \"%.3s\"", p + 1);
    px__buf_puts(&match, ")");
  }
  if (pats.len && !match.ptr) {
    px__buf_release(&pats);
    return PX_ENOMEM;
  }
  rc = sqlite3_prepare_v2(st->db,
                          pats.len ? "SELECT key, name FROM speaker WHERE key IN"
                                     " (SELECT key FROM speaker_fts WHERE speaker_fts MATCH ?1)"
                                     " ORDER BY key"
                                   : "SELECT key, name FROM speaker",
                          -1, &s, NULL);
  if (rc == SQLITE_OK && pats.len) sqlite3_bind_text(s, 1, match.ptr, -1, SQLITE_TRANSIENT);
  px__buf_release(&match);
  if (rc != SQLITE_OK) {
    px__buf_release(&pats);
    return px__store_step_fail(st, rc, "listing speakers");
  }
  /* every candidate first: whether a bare surname is the person asked for
   * depends on the other full names listed (px__speaker_select) */
  size_t cap = 0, nc = 0, ccap = 0;
  size_t nlen = strlen(name);
  char **ck = NULL;
  px_str *cn = NULL;
  uint8_t *sel = NULL;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (pats.len && !any_pattern(&pats, sqlite3_column_text(s, 0), sqlite3_column_text(s, 1)))
      continue;
    px_str key = col_str(s, 0), sname = col_str(s, 1);
    if (nc == ccap) {
      ccap = ccap ? ccap * 2 : 16;
      char **a = realloc(ck, ccap * sizeof *a);
      if (a) ck = a;
      px_str *b = realloc(cn, ccap * sizeof *b);
      if (b) cn = b;
      if (!a || !b) {
        rc = SQLITE_NOMEM;
        break;
      }
    }
    /* key and name in one allocation: "key\0name" */
    char *kv = malloc(key.len + sname.len + 2);
    if (!kv) {
      rc = SQLITE_NOMEM;
      break;
    }
    memcpy(kv, key.ptr, key.len);
    kv[key.len] = 0;
    memcpy(kv + key.len + 1, sname.ptr, sname.len);
    kv[key.len + 1 + sname.len] = 0;
    ck[nc] = kv;
    cn[nc] = (px_str){kv + key.len + 1, sname.len};
    nc++;
  }
  sqlite3_finalize(s);
  px__buf_release(&pats);
  if (rc == SQLITE_DONE) {
    sel = calloc(nc + 1, 1);
    if (!sel || px__speaker_select(name, nlen, cn, nc, sel)) rc = SQLITE_NOMEM;
  }
  for (size_t i = 0; i < nc && rc == SQLITE_DONE; i++) {
    if (!sel[i]) continue;
    if (*nkeys == cap) {
      cap = cap ? cap * 2 : 16;
      char **nk = realloc(*keys, cap * sizeof(char *));
      if (!nk) {
        rc = SQLITE_NOMEM;
        break;
      }
      *keys = nk;
    }
    if (!((*keys)[*nkeys] = strdup(ck[i]))) {
      rc = SQLITE_NOMEM;
      break;
    }
    px__buf_puts(sql_in, *nkeys ? ",?" : "?");
    (*nkeys)++;
  }
  for (size_t i = 0; i < nc; i++) free(ck[i]);
  free(ck);
  free(cn);
  free(sel);
  if (rc == SQLITE_NOMEM) return PX_ENOMEM;
  return rc == SQLITE_DONE ? PX_OK : px__store_step_fail(st, rc, "listing speakers");
}

int px_store_quotes(px_store *st, const px_quote_filter *f, px_stored_quote_cb cb, void *user) {
  if (!st || !cb) return PX_EINVAL;
  int frc = px__store_flush_rows(st);
  if (frc) return frc;
  px_quote_filter none = {0};
  if (!f) f = &none;
  px__buf sql, in;
  px__buf_init(&sql, 0);
  px__buf_init(&in, 0);
  char **keys = NULL;
  size_t nkeys = 0;
  sqlite3_stmt *s = NULL;
  int rc = PX_OK;
  if (f->speaker && *f->speaker) {
    if ((rc = speaker_keys(st, f->speaker, &in, &keys, &nkeys))) goto out;
    if (nkeys == 0) goto out; /* nobody by that name */
  }
  px__buf_puts(&sql,
               "SELECT q.id, q.article, a.source, a.title, a.published, q.kind, q.start, q.end,"
               " q.text, q.cue, q.speaker_name, q.speaker_key, a.ext_id"
               " FROM quote q JOIN article a ON a.id = q.article WHERE 1");
  if (nkeys) px__buf_printf(&sql, " AND q.speaker_key IN (%s)", in.ptr);
  if (f->source) px__buf_puts(&sql, " AND a.source = :source");
  if (f->article > 0) px__buf_printf(&sql, " AND q.article = %lld", (long long)f->article);
  if (f->has_since) px__buf_puts(&sql, " AND a.published >= :since");
  if (f->has_until) px__buf_puts(&sql, " AND a.published < :until");
  if (!f->with_scare) px__buf_puts(&sql, " AND q.kind NOT IN ('scare', 'title')");
  px__buf_puts(&sql, " ORDER BY a.published IS NULL, a.published, q.article, q.start");
  if (f->limit > 0 || f->offset > 0)
    px__buf_printf(&sql, " LIMIT %lld OFFSET %lld", f->limit > 0 ? (long long)f->limit : -1LL,
                   f->offset > 0 ? (long long)f->offset : 0LL);
  if (!sql.ptr) {
    rc = PX_ENOMEM;
    goto out;
  }
  int src = sqlite3_prepare_v2(st->db, sql.ptr, -1, &s, NULL);
  if (src != SQLITE_OK) {
    rc = px__store_step_fail(st, src, "listing quotes");
    goto out;
  }
  for (size_t i = 0; i < nkeys; i++) sqlite3_bind_text(s, (int)i + 1, keys[i], -1, SQLITE_STATIC);
  if (f->source) sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":source"), f->source, -1, SQLITE_STATIC);
  if (f->has_since) sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":since"), f->since);
  if (f->has_until) sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":until"), f->until);
  while ((src = sqlite3_step(s)) == SQLITE_ROW) {
    px_stored_quote q;
    q.id = sqlite3_column_int64(s, 0);
    q.article = sqlite3_column_int64(s, 1);
    q.source = col_str(s, 2);
    q.title = col_str(s, 3);
    q.has_time = sqlite3_column_type(s, 4) != SQLITE_NULL;
    q.published = q.has_time ? sqlite3_column_int64(s, 4) : 0;
    q.kind = kind_from_name((const char *)sqlite3_column_text(s, 5));
    q.start = (size_t)sqlite3_column_int64(s, 6);
    q.end = (size_t)sqlite3_column_int64(s, 7);
    q.text = col_str(s, 8);
    q.cue = col_str(s, 9);
    q.speaker_name = col_str(s, 10);
    q.speaker_key = col_str(s, 11);
    q.ext_id = col_str(s, 12);
    if (cb(user, &q)) {
      src = SQLITE_DONE;
      break;
    }
  }
  if (src != SQLITE_DONE) rc = px__store_step_fail(st, src, "listing quotes");
out:
  sqlite3_finalize(s);
  for (size_t i = 0; i < nkeys; i++) free(keys[i]);
  free(keys);
  px__buf_release(&sql);
  px__buf_release(&in);
  return rc;
}

int px_store_quotes_after(px_store *st, int64_t after_id, int64_t limit, px_stored_quote_cb cb,
                          void *user) {
  if (!st || !cb) return PX_EINVAL;
  int frc = px__store_flush_rows(st);
  if (frc) return frc;
  sqlite3_stmt *s = NULL;
  int src = sqlite3_prepare_v2(
      st->db,
      "SELECT q.id, q.article, a.source, a.title, a.published, q.kind, q.start, q.end,"
      " q.text, q.cue, q.speaker_name, q.speaker_key"
      " FROM quote q JOIN article a ON a.id = q.article"
      " WHERE q.id > ?1 AND q.kind NOT IN ('scare', 'title') ORDER BY q.id LIMIT ?2",
      -1, &s, NULL);
  if (src != SQLITE_OK) return px__store_step_fail(st, src, "listing new quotes");
  sqlite3_bind_int64(s, 1, after_id);
  sqlite3_bind_int64(s, 2, limit > 0 ? limit : -1);
  while ((src = sqlite3_step(s)) == SQLITE_ROW) {
    px_stored_quote q;
    q.id = sqlite3_column_int64(s, 0);
    q.article = sqlite3_column_int64(s, 1);
    q.source = col_str(s, 2);
    q.title = col_str(s, 3);
    q.has_time = sqlite3_column_type(s, 4) != SQLITE_NULL;
    q.published = q.has_time ? sqlite3_column_int64(s, 4) : 0;
    q.kind = kind_from_name((const char *)sqlite3_column_text(s, 5));
    q.start = (size_t)sqlite3_column_int64(s, 6);
    q.end = (size_t)sqlite3_column_int64(s, 7);
    q.text = col_str(s, 8);
    q.cue = col_str(s, 9);
    q.speaker_name = col_str(s, 10);
    q.speaker_key = col_str(s, 11);
    if (cb(user, &q)) {
      src = SQLITE_DONE;
      break;
    }
  }
  int rc = src == SQLITE_DONE ? PX_OK : px__store_step_fail(st, src, "listing new quotes");
  sqlite3_finalize(s);
  return rc;
}

int px_store_entities(px_store *st, const px_article_filter *f, px_stored_entity_cb cb,
                      void *user) {
  if (!st || !cb) return PX_EINVAL;
  int frc = px__store_flush_rows(st);
  if (frc) return frc;
  px_article_filter none = {0};
  if (!f) f = &none;
  sqlite3_stmt *s = NULL;
  bool filtered = f->source || f->has_since || f->has_until;
  /* Unfiltered: the counters the triggers keep.  Filtered: count the
   * mentions of the matching articles. */
  int rc = !filtered
      ? sqlite3_prepare_v2(st->db,
                           "SELECT key, name, type, articles, outlets, mentions FROM entity"
                           " WHERE ?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL"
                           " ORDER BY articles DESC, key LIMIT ?4 OFFSET ?5",
                           -1, &s, NULL)
      : sqlite3_prepare_v2(
      st->db,
      "SELECT e.key, e.name, e.type, count(*) AS n, count(DISTINCT a.source), sum(ae.mentions)"
      " FROM article_entity ae JOIN entity e ON e.id = ae.entity"
      " JOIN article a ON a.id = ae.article"
      " WHERE (?1 IS NULL OR a.source = ?1) AND (?2 IS NULL OR a.published >= ?2)"
      " AND (?3 IS NULL OR a.published < ?3)"
      " GROUP BY ae.entity ORDER BY n DESC, e.key LIMIT ?4 OFFSET ?5",
      -1, &s, NULL);
  if (rc != SQLITE_OK) return px__store_step_fail(st, rc, "listing entities");
  if (f->source) sqlite3_bind_text(s, 1, f->source, -1, SQLITE_STATIC);
  if (f->has_since) sqlite3_bind_int64(s, 2, f->since);
  if (f->has_until) sqlite3_bind_int64(s, 3, f->until);
  sqlite3_bind_int64(s, 4, f->limit > 0 ? f->limit : 20);
  sqlite3_bind_int64(s, 5, f->offset > 0 ? f->offset : 0);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    px_stored_entity e;
    e.key = col_str(s, 0);
    e.name = col_str(s, 1);
    e.type = col_str(s, 2);
    e.articles = sqlite3_column_int64(s, 3);
    e.outlets = sqlite3_column_int64(s, 4);
    e.mentions = sqlite3_column_int64(s, 5);
    if (cb(user, &e)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  rc = rc == SQLITE_DONE ? PX_OK : px__store_step_fail(st, rc, "listing entities");
  sqlite3_finalize(s);
  return rc;
}

int px__store_analysis_todo(px_store *st, int64_t after, bool all, int64_t *ids, size_t cap,
                             size_t *n) {
  *n = 0;
  sqlite3_stmt *s = NULL;
  int rc = px__store_stmt(st, PX__STMT_ANALYSIS_TODO,
                          "SELECT a.id FROM article a LEFT JOIN analysis n ON n.article = a.id"
                          " WHERE a.id > ?1 AND (?2 OR n.article IS NULL OR n.version < ?3)"
                          " ORDER BY a.id LIMIT ?4",
                          &s);
  if (rc) return rc;
  sqlite3_bind_int64(s, 1, after);
  sqlite3_bind_int(s, 2, all ? 1 : 0);
  sqlite3_bind_int(s, 3, ANALYSIS_VERSION);
  sqlite3_bind_int64(s, 4, (sqlite3_int64)cap);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) ids[(*n)++] = sqlite3_column_int64(s, 0);
  sqlite3_reset(s);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? PX_OK : px__store_step_fail(st, rc, "listing analyses");
}

int px__store_analysis_bytes(px_store *st, int64_t article, px__buf *sent, px__buf *detail,
                             bool *found) {
  *found = false;
  sqlite3_stmt *s = NULL; /* prepared once: a story reads one per member */
  int rc = px__store_stmt(st, PX__STMT_ANALYSIS_BYTES,
                          "SELECT sentences, detail FROM analysis WHERE article=?1"
                          " AND version=?2 AND detail IS NOT NULL",
                          &s);
  if (rc) return rc;
  sqlite3_bind_int64(s, 1, article);
  sqlite3_bind_int(s, 2, ANALYSIS_VERSION);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    const void *a = sqlite3_column_blob(s, 0);
    size_t na = (size_t)sqlite3_column_bytes(s, 0);
    const void *b = sqlite3_column_blob(s, 1);
    size_t nb = (size_t)sqlite3_column_bytes(s, 1);
    rc = px__buf_append(sent, a ? a : "", na);
    if (rc == PX_OK) rc = px__buf_append(detail, b ? b : "", nb);
    *found = rc == PX_OK;
  } else {
    rc = rc == SQLITE_DONE ? PX_OK : px__store_step_fail(st, rc, "reading an analysis");
  }
  sqlite3_reset(s);
  return rc;
}
