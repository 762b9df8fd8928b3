/*
 * cmp_blob.c - a comparison saved as data and loaded again (cmp_blob.h).
 *
 * Layout: a header (magic, layout version, the engine's fingerprint, the
 * sizes of the saved structs, the number of articles), then each part in
 * turn: numbers in native byte order (the blob is a cache on the same
 * machine), strings as a 32-bit length and the bytes.  A blob whose header
 * does not match is refused (PX_EFORMAT), so a changed layout, or a
 * comparison made by an engine with other parameters (px__cmp_engine), costs
 * one recomputation, never a wrong or stale report.
 */
#include "align/cmp_blob.h"

#include <stdlib.h>
#include <string.h>

#define MAGIC 0x31434d50u /* "PMC1" */
/* 3: with the contradicting attributions; 4: repeats of a quote (times);
 * 5: the engine's fingerprint; 6: the links inside facts (the brief picks
 * the sentence that stands for a fact by them); 7: how well each title
 * names the story (the brief's lead); 8: each fact's strongest link
 * between two outlets (the brief's core facts); 9: the outlets that tell
 * each fact alike; 10: the members that do (px__cmember.flags) */
#define LAYOUT 10u
/* Raise when a rule of the comparison (grouping, quotes, figures) changes
 * what a comparison holds without changing a parameter px__cmp_engine
 * reads: comparisons cached before are then made again. */
#define RULES 86u /* 2: a short rendering leaves a remark it only meets a paraphrase of;
                     3: disputes only between one claim's sentences that count one
                        thing (actors, day, span, share base, rounding);
                     4: a name of several words weighs as one, a transcript's
                        speaker label is no content, one shared word or name is
                        no fact;
                     5: a quoted sentence of one word of content joins a remark
                        only above the threshold;
                     6: two sentences giving one figure ("312,000") score at least
                        PX__FACT_FIGURE when the model gives them some credit;
                     7: a stored story's sentences that the outlet's other
                        articles repeat whole are page furniture;
                     8: two spellings of one person (a middle name left out,
                        a short first name) contradict nothing, and a figure
                        needed, possible or conditional is no count to dispute;
                     9: a range bounds a figure, a difference of ages counts
                        nothing, a sentence giving both figures disputes
                        neither; an outlet reporting words is not their speaker;
                        a speaker written as a role is the story's one holder of
                        it; a body and a person do not contradict; a gallery run
                        into a paragraph is captions; a rise is no fall; two
                        places' figures are two counts;
                    10: a reported clause stops before the reaction it set off
                        (", prompting ..."), and one of under three words is none;
                        "Name, a role, who said" is the name's, and a "who"
                        that stands for no name is named by its antecedent;
                        "Secretary of State Hillary Clinton said" is Clinton's;
                        whoever an outlet "quoted as saying" is the speaker;
                        "His foe, Tom Barrett, says" is Barrett's; "X, a role,
                        after the meeting affirmed" is X's; a role phrase
                        opening the sentence gives the name set apart after
                        it; ", adding" goes with the cue that reported a
                        clause, not a verb inside it; "Mrs May" is a name;
                        "Attorney General Eric Holder ..., saying" is Holder's;
                    11: "Centers for Disease Control and Prevention" and other
                        known names holding "and" are one name; "a statement
                        from X" is X's; "His wife, Ann, said GOP critics had
                        been unfair" is Ann's; "..., says X, a role, who ..."
                        is X's; "you could say" reports nothing; "Holland"
                        after "Keating Holland" is the person, not the place;
                        "said X contributor and Y activist Z" is Z's; "Name,
                        a role, asked ..." reports nothing; "said Monday she
                        ..." leaves the day out of the clause; "said Florida's
                        governor, Rick Scott" is Scott's; "you" reports
                        nothing; "Mr. Cleveland" is a person; "said the
                        psychiatrist, Dr. Lee," is Lee's; "according to a
                        2017 report from X" is X's; "after once calling" has
                        the clause's subject; "whom he called" is not whom's;
                        "a nurse in Chicago tells" is the nurse's; "Then, in
                        March, X said fighters beat him" reports the clause;
                        a video caption's label speaks, not "Media";
                    12: agencies' names holding "and" are one name when the
                        words after it end on an organization's head ("Fish
                        and Wildlife Service") or follow "<Head> of" ("National
                        Institute of Allergy and Infectious Diseases"), and a
                        country before a known one joins it ("U.S. Customs
                        and Border Protection"); a menu or gallery set as one
                        sentence and a newsletter form's lines are furniture;
                        "Keating Holland" keeps "holland" in his key; "Mrs.
                        Romney" is Ann Romney, not Mitt, the most named;
                    13: "92 percent of voters said" keeps its figure, "Republicans
                        in Congress said" is theirs, "battleground states" is
                        no cue; "thirty-two"
                        is a number; a name opening a sentence is an actor of
                        its figures ("McMullin appeared on the ballot in 11
                        states" counts no state of another candidate);
                    14: a part of a count ("nine of the 12 delegates") is a
                        figure its sentence gives: it agrees with another
                        outlet's "nine delegates";
                    15: an embedded post's "Posted by X on Saturday, February
                        20, 2016" is furniture, and so is a line a copyright
                        notice ends ("... (c) 2019 Newsmax.", the sign);
                    16: a name ending in "s" is not the thing counted ("five
                        Dallas police officers"), "murders" and "slain" are
                        words of a toll;
                    17: a storm's winds are not its speed of travel, a
                        "possible" figure counts nothing;
                    18: "at least" is a floor for a toll too, a hedged round
                        figure agrees with an exact one within 5 %, a poll's
                        error counts nothing, a number that counts nothing
                        named is still a figure its sentence gives;
                    19: a figure that "should" be or is threatened counts
                        nothing;
                    20: a sentence that gives the parts does not dispute
                        another's whole;
                    21: a dispute needs two sentences told nearly alike
                        (PX__DISPUTE_LINK);
                    22: that link threshold withdrawn;
                    23: a contradicting attribution's shorter quote has its
                        words together in the longer one; a warning for
                        articles that share no fact with another outlet's;
                        no link between articles of too few common words
                        (PX__ARTICLE_AFFINITY); a second claim is linked to
                        the second claims of its fact too;
                    24: words and spans of time ("last week", "Monday",
                        "two hours") are no thing two sentences share, and
                        a number of a span of time gives no figure;
                    25: two figures with places before them that the other
                        sentence never names count two places; a forecast's
                        figures are of another time; "percentage points" of
                        a lead are a poll's margin;
                    26: no contradicting attribution when one side's
                        speaker is written as a pronoun;
                    27: a sentence with ", Wednesday, July 8, 2020," that
                        tells no past is a photo caption;
                    28: "Sign up here.", "Click for more from ...", a
                        note that the piece first appeared in a newsletter
                        are furniture;
                    29: a short rendering of two words of content or more
                        held word for word by a longer rendering of one
                        other remark of its speaker joins that remark;
                    30: CNN's datelines with no dash are datelines;
                    31: outlets tell a fact alike through sentences of
                        seven words or more;
                    32: a picture's passive with its day ("Graffiti is
                        seen inside ..., on July 3, 2019.", "Harvard Yard
                        viewed on Nov. 16, 2015, ...") is a caption; a
                        core fact is shown by a statement told alike;
                        quoted words before "which" and its cue are
                        nobody's quote;
                    33: two quotations of two remarks do not tell a fact
                        alike;
                    34: a caption ending on "(Photo: Name, Outlet)" is
                        furniture;
                    35: "Read or Share this story: ...", "Related
                        Coverage ...", "Read more from ...", "Check out
                        the ..." and other pointers are furniture;
                    36: a streak ("24 straight months"), a moment ("seven
                        hours in,"), a class bound ("four years or less",
                        "20 weeks and later"), what it takes ("it takes 60
                        votes") and figures of an earlier report ("As we
                        reported last February, ...") are not set against
                        other outlets' figures; an age is no span of time;
                        a sum per something ("$5,000 per election cycle",
                        "$2,500 each") is set only against sums per the
                        same;
                    37: a name never ends on its word twice; a name
                        that only describes the noun before "who" does
                        not speak;
                    38: an agencies' caption with a role before a name
                        ("North Korea's leader Kim Jong Un shake hands
                        ...") or a party after one ("(R-KY) speaks") is
                        furniture;
                    39: an editor's words in brackets ("[fire Comey]")
                        count nowhere in a quote's likeness to another;
                    40: "Rudy" is "Rudolph", "Jack" "John" and other
                        short forms of given names;
                    41: two direct quotes of one article join one remark
                        only side by side or nearly word for word;
                    42: a caption after a picture's share buttons
                        ("Facebook Twitter Pinterest ...") is furniture;
                    43: a caption with a party of two words after a
                        name ("Tim Scott (R., S.C.) speaks ...") is
                        furniture;
                    44: so is an agencies' caption dated by the day of
                        the week alone ("... in Davie, Fla., Thursday.");
                    45: "FILE - ..." and "FILE PHOTO - ..." captions, a
                        newsletter's own line ("... is a daily
                        newsletter ..."), a chart's note are furniture;
                    46: so is a call for readers' stories ("We want to
                        hear from you!", "Share your story: ...");
                    47: a fact's outlets told alike are those of one set
                        of members told alike through each other;
                    48: a picture's place and day closing a caption
                        ("... in Pearl City, Illinois, U.S., July 25,
                        2018.") and a video's blurb behind "CLOSE" are
                        furniture;
                    49: an explainer's title ("Why ...", "How ...") counts
                        half in choosing the headline;
                    50: a caption crediting "(Reuters photo: Name)" is
                        furniture;
                    51: a person's key loses its opening initials in the
                        remarks ("j ann selzer" is "ann selzer");
                    52: contradicting attributions only of direct quotes
                        whose speakers are named in place;
                    53: an author's note ("X is national editor for Y"),
                        and one closing the article up to 45 words, is
                        furniture;
                    54: so is a title opening on "Here's" for the headline;
                    55: so is a title at a column's address ("/opinion/"),
                        and a pointer to what the page links ("Read the
                        full memo here.") is furniture;
                    56: so are a news foundation's terms of reuse;
                    57: and a photo credit "Photo by Name/OUTLET" leading
                        a line of up to 60 words;
                    58: and a line that opens on a bar ("| Getty ...");
                    59: "X can be reached at ..." and a series' blurb;
                    60: sentences split at a quotation glued to the one
                        before ("there."Democrats ...");
                    61: the page's own lines and related links in brackets
                        ("( Editing by ...)", "[Updated at ...");
                    62: "Govs." ends no sentence;
                    63: stills from a video ("An image grab taken from a
                        video ... shows ..."), photo illustrations and
                        "In this video, ..." are captions;
                    64: a sentence ends at a glued period before "A" or
                        "I" ("focus.A clip of ...");
                    65: and at a glued question mark ("president?Trump");
                    66: not at a question mark (a related link's headline
                        glued to its summary: "Where's Fauci?Doctor's ...");
                    67: a live page's notes on itself ("We'll update this
                        post as ...", "Scroll down for video");
                    68: the page's notes to its readers (corrections, update
                        stamps, tips, contact lines), "In this April 4,
                        2019, photo ...";
                    69: a link's words in the passive ("The full report can
                        be found here.", "... is available here.");
                    70: a partial quote of one word of content joins a
                        remark only as it stands in the other's words;
                    71: two shares of one base said of two things ("are
                        employed" / "have children") and a count per each
                        thing ("each night") against one that is not are
                        no dispute;
                    72: "For ... in 1974," opens on another time; a "magic
                        number" is a target, not a count;
                    73: a remark no speaker is resolved for is not labelled
                        by a pronoun ("they");
                    74: a membership appeal ("Become a member of ...") is
                        furniture;
                    75: so are a newsletter's blurb ("A daily roundup of
                        ..."), a pointer to an outlet's coverage ("(
                        POLITICO's full coverage of ...)") and a picture's
                        credit in brackets ("(Photo by ...");
                    76: and a page's community and money appeals ("Join
                        our Facebook community ...", "For as little as $3,
                        you can help us.");
                    77: "Please consider supporting ...", "Send a tip to
                        ...", "See this note about how we cover ...";
                    78: a speaker of two names is one with a second family
                        name after them ("Erin Madigan" / "Erin Madigan
                        White");
                    79: a glued quotation mark before an acronym ends a
                        sentence ("... general."CNN is declining");
                    80: a newsletter's pitch ("The news and stories that
                        matter, delivered weekday mornings.") is furniture;
                    81: articles whose stored analysis does not fit are
                        analysed before their outlet's template text is
                        looked for (it was missed in them); 82: figures
                        of what was added ("new deaths"), of a month's
                        event ("a May attack"), in two currencies, of
                        shares making up a whole or of a total ("In all,
                        ...") are not set against each other; 83: who is
                        in a picture ("From left are ...", "(File photo
                        ...") is furniture; 84: a caption's day after "on"
                        without its year ("X speaks ... on Aug. 26."), and
                        its place ending on a month and a year, are; 85:
                        two who gave no comment ("A spokesperson for X did
                        not respond ...") are one claim only of one asked;
                        86: a quote of two words of content is one remark
                        with another only when both words meet it */

/* FNV-1a, 64 bits. */
static uint64_t mix(uint64_t h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 0x100000001b3u;
  return h;
}
static uint64_t mixd(uint64_t h, double v) { return mix(h, &v, sizeof v); }
static uint64_t mixu(uint64_t h, uint64_t v) { return mix(h, &v, sizeof v); }

uint64_t px__cmp_engine(void) {
  uint64_t h = 0xcbf29ce484222325u;
  h = mix(h, PX_VERSION_STRING, sizeof PX_VERSION_STRING);
  h = mixu(mixu(h, LAYOUT), RULES);
  /* the thresholds of fact grouping (align.h) */
  h = mixd(h, PX__FACT_THRESHOLD);
  h = mixd(h, PX__FACT_SHARED_HALF);
  h = mixu(h, PX__FACT_WHOLE_MAX);
  h = mixd(h, PX__SECOND_LINK);
  h = mixd(h, PX__SECOND_ONE);
  h = mixd(h, PX__NEAR_THRESHOLD);
  h = mixd(h, PX__FACT_GAIN);
  h = mixd(h, PX__NAME_RUN_EXTRA);
  h = mixu(h, PX__FACT_MIN_UNITS);
  h = mixd(h, PX__FACT_ONE_UNIT_MAX);
  h = mixu(h, PX__SEQ_MAX);
  h = mixu(h, PX__QTY_CTX);
  /* the default options */
  px_compare_opts o;
  px_compare_opts_init(&o);
  h = mixd(h, o.threshold);
  h = mixu(mixu(h, (uint64_t)o.quotes), (uint64_t)o.wire);
  /* the similarity model (simmodel.c): weights, threshold, trees field by
   * field (a tree's padding is no part of it) */
  h = mixu(h, PX__SIM_NFEAT);
  for (size_t i = 0; i <= PX__SIM_NFEAT; i++) h = mixd(h, px__sim_weights[i]);
  h = mixd(h, px__sim_threshold);
  h = mixu(h, px__sim_ntrees);
  for (size_t i = 0; i < px__sim_ntrees; i++) {
    const px__tree2 *t = &px__sim_trees[i];
    h = mix(h, t->f, sizeof t->f);
    h = mix(mix(h, t->t, sizeof t->t), t->v, sizeof t->v);
  }
  return h;
}

static int put(px__buf *b, const void *p, size_t n) { return px__buf_append(b, p, n); }
static int put32(px__buf *b, uint32_t v) { return put(b, &v, 4); }
static int put64(px__buf *b, uint64_t v) { return put(b, &v, 8); }
static int putd(px__buf *b, double v) { return put(b, &v, 8); }
static int puts_(px__buf *b, px_str s) {
  int rc = put32(b, (uint32_t)s.len);
  return rc ? rc : put(b, s.ptr ? s.ptr : "", s.len);
}

int px__cmp_save(const px_comparison *c, px__buf *b) {
  int rc = PX_OK;
#define P(x) do { if ((rc = (x))) return rc; } while (0)
  uint64_t nsent = 0;
  for (size_t i = 0; i < c->nart; i++) nsent += c->art[i].nsent;
  P(put32(b, MAGIC));
  P(put32(b, LAYOUT));
  P(put64(b, px__cmp_engine()));
  P(put32(b, (uint32_t)sizeof(px__cfact)));
  P(put32(b, (uint32_t)sizeof(px__cmember)));
  P(put32(b, (uint32_t)sizeof(px__cqmember)));
  P(put32(b, (uint32_t)sizeof(px__cdval)));
  P(put32(b, (uint32_t)sizeof(px__link)));
  P(put64(b, c->nart));
  for (size_t i = 0; i < c->nart; i++) {
    const px__cart *a = &c->art[i];
    P(put64(b, (uint64_t)px_article_content_hash(a->art)));
    P(put32(b, a->outlet));
    P(putd(b, a->wire_share));
    P(putd(b, a->title_cover));
    P(put64(b, (uint64_t)(int64_t)a->wire_source));
    P(put64(b, (uint64_t)(int64_t)a->dup_of));
    P(put32(b, a->sent_first));
    P(put32(b, a->nsent));
    P(put32(b, a->nfacts));
    P(put32(b, a->nunique));
    P(put32(b, a->nfurniture));
    P(put32(b, a->flags));
    P(puts_(b, a->label));
  }
  P(put64(b, c->noutlet));
  for (size_t i = 0; i < c->noutlet; i++) P(puts_(b, c->outlet[i]));
  P(put64(b, c->nfact));
  P(put64(b, c->nshared));
  P(put64(b, c->nfurniture));
  P(put(b, c->fact, c->nfact * sizeof *c->fact));
  P(put64(b, c->nmem));
  P(put(b, c->mem, c->nmem * sizeof *c->mem));
  P(put64(b, nsent));
  P(put(b, c->sent_fact, nsent * sizeof *c->sent_fact));
  P(put64(b, c->nflink));
  P(put(b, c->flink, c->nflink * sizeof *c->flink));
  P(put64(b, c->nquote));
  for (size_t i = 0; i < c->nquote; i++) {
    const px__cquote *q = &c->quote[i];
    P(puts_(b, q->name));
    P(puts_(b, q->key));
    P(put32(b, q->first));
    P(put32(b, q->count));
    P(put32(b, q->noutlets));
  }
  P(put64(b, c->nqmem));
  for (size_t i = 0; i < c->nqmem; i++) { /* its speaker's strings: member by member */
    const px__cqmember *m = &c->qmem[i];
    P(put32(b, m->art));
    P(put32(b, m->start));
    P(put32(b, m->end));
    P(put32(b, (uint32_t)m->kind | (uint32_t)m->trimmed << 8 | (uint32_t)m->times << 16));
    P(putd(b, m->sim));
    P(puts_(b, m->speaker));
    P(puts_(b, m->key));
  }
  P(put64(b, c->nent));
  for (size_t i = 0; i < c->nent; i++) {
    const px__centity *e = &c->ent[i];
    P(puts_(b, e->key));
    P(puts_(b, e->name));
    P(put32(b, e->type));
    P(put32(b, e->var_first));
    P(put32(b, e->nvar));
    P(put32(b, e->art_first));
    P(put32(b, e->nart));
    P(put32(b, e->noutlets));
    P(put32(b, e->mentions));
  }
  P(put64(b, c->nvar));
  for (size_t i = 0; i < c->nvar; i++) P(puts_(b, c->var[i]));
  P(put64(b, c->neart));
  P(put(b, c->eart, c->neart * sizeof *c->eart));
  P(put64(b, c->ndisc));
  for (size_t i = 0; i < c->ndisc; i++) {
    P(put32(b, c->disc[i].fact));
    P(puts_(b, c->disc[i].unit));
    P(put32(b, c->disc[i].first));
    P(put32(b, c->disc[i].count));
    P(put64(b, c->disc[i].unit_h));
  }
  P(put64(b, c->ndval));
  P(put(b, c->dval, c->ndval * sizeof *c->dval));
  P(put64(b, c->nwarn));
  for (size_t i = 0; i < c->nwarn; i++) P(puts_(b, c->warn[i]));
  P(put64(b, c->nnear));
  P(put(b, c->near, c->nnear * sizeof *c->near));
  P(put64(b, c->nqconf));
  P(put(b, c->qconf, c->nqconf * 2 * sizeof *c->qconf));
  P(put64(b, c->pairs_scored));
  P(put64(b, c->links));
  P(putd(b, c->threshold));
#undef P
  return PX_OK;
}

typedef struct rd {
  const unsigned char *p;
  size_t n, at;
  bool bad;
} rd;

static void get(rd *r, void *out, size_t n) {
  if (r->bad || n > r->n - r->at) {
    r->bad = true;
    memset(out, 0, n);
    return;
  }
  memcpy(out, r->p + r->at, n);
  r->at += n;
}
static uint32_t get32(rd *r) { uint32_t v; get(r, &v, 4); return v; }
static uint64_t get64(rd *r) { uint64_t v; get(r, &v, 8); return v; }
static double getd(rd *r) { double v; get(r, &v, 8); return v; }
/* A string copied into the comparison's arena. */
static px_str gets_(rd *r, px_comparison *c) {
  uint32_t n = get32(r);
  if (r->bad || n > r->n - r->at) {
    r->bad = true;
    return (px_str){"", 0};
  }
  char *s = px__arena_strndup(&c->arena, (const char *)r->p + r->at, n);
  r->at += n;
  if (!s) {
    r->bad = true;
    return (px_str){"", 0};
  }
  return (px_str){s, n};
}
/* A count of items of size sz that the rest of the blob can hold. */
static size_t count(rd *r, size_t sz) {
  uint64_t k = get64(r);
  if (r->bad || (sz && k > (r->n - r->at) / sz) || k > UINT32_MAX) {
    r->bad = true;
    return 0;
  }
  return (size_t)k;
}
static void *arr(rd *r, size_t k, size_t sz) {
  void *v = malloc(k * sz + 1);
  if (!v) {
    r->bad = true;
    return NULL;
  }
  get(r, v, k * sz);
  return v;
}

static int cmp_load(px_ctx *ctx, const px_article *const *arts, size_t n, const void *p,
                    size_t len, px__cinput *in, px_comparison **out);

int px__cmp_load(px_ctx *ctx, const px_article *const *arts, size_t n, const void *p, size_t len,
                 px__cinput *in, px_comparison **out) {
  int rc = cmp_load(ctx, arts, n, p, len, in, out);
  for (size_t i = 0; in && i < n; i++) { /* those not taken */
    px_doc_free(in[i].doc);
    in[i].doc = NULL;
  }
  return rc;
}

static int cmp_load(px_ctx *ctx, const px_article *const *arts, size_t n, const void *p,
                    size_t len, px__cinput *in, px_comparison **out) {
  *out = NULL;
  rd r = {p, len, 0, false};
  if (get32(&r) != MAGIC || get32(&r) != LAYOUT || get64(&r) != px__cmp_engine() ||
      get32(&r) != sizeof(px__cfact) ||
      get32(&r) != sizeof(px__cmember) || get32(&r) != sizeof(px__cqmember) ||
      get32(&r) != sizeof(px__cdval) || get32(&r) != sizeof(px__link) || get64(&r) != n || r.bad)
    return PX_EFORMAT;
  px_comparison *c = calloc(1, sizeof *c);
  px_analyzer *an = NULL;
  int rc = PX_ENOMEM;
  if (!c) return rc;
  px__arena_init(&c->arena, 64 * 1024);
  c->nart = n;
  if (!(c->art = calloc(n + 1, sizeof *c->art))) goto out;
  for (size_t i = 0; i < n; i++) {
    px__cart *a = &c->art[i];
    uint64_t hash = get64(&r);
    if (r.bad || hash != px_article_content_hash(arts[i])) {
      rc = PX_EFORMAT; /* other articles than those compared */
      goto out;
    }
    if (in && in[i].doc) { /* the stored analysis: its sentences are what renderers quote */
      a->doc = in[i].doc;
      in[i].doc = NULL;
    }
    if ((rc = px_article_clone(arts[i], &a->art))) goto out;
    if (!a->doc && !an && (rc = px_analyzer_new(ctx, &an))) goto out;
    if (!a->doc && (rc = px_analyze(an, a->art, &a->doc))) goto out;
    a->tx = px__doc_text(a->doc);
    a->ents = px__doc_entities(a->doc);
    a->id = px_article_get(a->art, PX_F_ID);
    if (!a->id.len) a->id = px_article_get(a->art, PX_F_ORIGIN);
    a->source = px_article_get(a->art, PX_F_SOURCE);
    a->title = px_article_get(a->art, PX_F_TITLE);
    a->published = px_article_published(a->art, &a->has_time);
    a->store_id = px_article_id(a->art);
    px_doc_dateline(a->doc, &a->place, &a->agency);
    a->outlet = get32(&r);
    a->wire_share = getd(&r);
    if (!(a->wire_share >= -1 && a->wire_share <= 1)) r.bad = true; /* NaN too */
    a->title_cover = getd(&r);
    if (!(a->title_cover >= 0 && a->title_cover <= 1)) r.bad = true;
    a->wire_source = (long)(int64_t)get64(&r);
    a->dup_of = (long)(int64_t)get64(&r);
    a->sent_first = get32(&r);
    a->nsent = get32(&r);
    a->nfacts = get32(&r);
    a->nunique = get32(&r);
    a->nfurniture = get32(&r);
    a->flags = get32(&r);
    a->label = gets_(&r, c);
    if (a->nsent != a->tx->nsent) r.bad = true; /* another analysis than the saved one */
  }
  rc = PX_ENOMEM;
  c->noutlet = count(&r, 4);
  if (!(c->outlet = calloc(c->noutlet + 1, sizeof *c->outlet))) goto out;
  for (size_t i = 0; i < c->noutlet; i++) c->outlet[i] = gets_(&r, c);
  c->nfact = count(&r, sizeof *c->fact);
  c->nshared = (size_t)get64(&r);
  c->nfurniture = (size_t)get64(&r);
  c->fact = arr(&r, c->nfact, sizeof *c->fact);
  c->nmem = count(&r, sizeof *c->mem);
  c->mem = arr(&r, c->nmem, sizeof *c->mem);
  size_t nsent = count(&r, sizeof *c->sent_fact);
  c->sent_fact = arr(&r, nsent, sizeof *c->sent_fact);
  c->nflink = count(&r, sizeof *c->flink);
  c->flink = arr(&r, c->nflink, sizeof *c->flink);
  c->nquote = count(&r, 16);
  if (!(c->quote = calloc(c->nquote + 1, sizeof *c->quote))) goto out;
  for (size_t i = 0; i < c->nquote; i++) {
    px__cquote *q = &c->quote[i];
    q->name = gets_(&r, c);
    q->key = gets_(&r, c);
    q->first = get32(&r);
    q->count = get32(&r);
    q->noutlets = get32(&r);
  }
  c->nqmem = count(&r, 32);
  if (!(c->qmem = calloc(c->nqmem + 1, sizeof *c->qmem))) goto out;
  for (size_t i = 0; i < c->nqmem; i++) {
    px__cqmember *m = &c->qmem[i];
    m->art = get32(&r);
    m->start = get32(&r);
    m->end = get32(&r);
    uint32_t k = get32(&r);
    m->kind = (uint8_t)(k & 0xff);
    m->trimmed = (uint8_t)(k >> 8);
    m->times = (uint16_t)(k >> 16);
    if (!m->times) m->times = 1;
    double sim = getd(&r);
    if (!(sim >= -1 && sim <= 1)) r.bad = true, sim = 0;
    m->sim = (float)sim;
    m->speaker = gets_(&r, c);
    m->key = gets_(&r, c);
  }
  c->nent = count(&r, 36);
  if (!(c->ent = calloc(c->nent + 1, sizeof *c->ent))) goto out;
  for (size_t i = 0; i < c->nent; i++) {
    px__centity *e = &c->ent[i];
    e->key = gets_(&r, c);
    e->name = gets_(&r, c);
    e->type = (uint8_t)get32(&r);
    e->var_first = get32(&r);
    e->nvar = get32(&r);
    e->art_first = get32(&r);
    e->nart = get32(&r);
    e->noutlets = get32(&r);
    e->mentions = get32(&r);
  }
  c->nvar = count(&r, 4);
  if (!(c->var = calloc(c->nvar + 1, sizeof *c->var))) goto out;
  for (size_t i = 0; i < c->nvar; i++) c->var[i] = gets_(&r, c);
  c->neart = count(&r, sizeof *c->eart);
  c->eart = arr(&r, c->neart, sizeof *c->eart);
  c->ndisc = count(&r, 16);
  if (!(c->disc = calloc(c->ndisc + 1, sizeof *c->disc))) goto out;
  for (size_t i = 0; i < c->ndisc; i++) {
    c->disc[i].fact = get32(&r);
    c->disc[i].unit = gets_(&r, c);
    c->disc[i].first = get32(&r);
    c->disc[i].count = get32(&r);
    c->disc[i].unit_h = get64(&r);
  }
  c->ndval = count(&r, sizeof *c->dval);
  c->dval = arr(&r, c->ndval, sizeof *c->dval);
  c->nwarn = count(&r, 4);
  if (!(c->warn = calloc(c->nwarn + 1, sizeof *c->warn))) goto out;
  for (size_t i = 0; i < c->nwarn; i++) c->warn[i] = gets_(&r, c);
  c->nnear = count(&r, sizeof *c->near);
  c->near = arr(&r, c->nnear, sizeof *c->near);
  c->nqconf = count(&r, 2 * sizeof *c->qconf);
  c->qconf = arr(&r, 2 * c->nqconf, sizeof *c->qconf);
  c->pairs_scored = get64(&r);
  c->links = (size_t)get64(&r);
  c->threshold = getd(&r);
  rc = PX_OK;
  /* every index the renderers follow must stay inside its array */
  bool ok = !r.bad && r.at == r.n && nsent == (size_t)(n ? c->art[n - 1].sent_first + c->art[n - 1].nsent : 0);
  for (size_t i = 0; ok && i < n; i++)
    ok = c->art[i].outlet < c->noutlet && c->art[i].wire_source < (long)n && c->art[i].dup_of < (long)n;
  ok = ok && c->nfurniture <= c->nfact;
  for (size_t i = 0; ok && i < c->nfact; i++)
    ok = (uint64_t)c->fact[i].first + c->fact[i].count <= c->nmem &&
         (c->fact[i].earliest == UINT32_MAX || c->fact[i].earliest < c->nmem);
  for (size_t i = 0; ok && i < c->nmem; i++)
    ok = c->mem[i].art < n && c->mem[i].sent < c->art[c->mem[i].art].nsent &&
         c->mem[i].end <= px_doc_body(c->art[c->mem[i].art].doc).len && c->mem[i].start <= c->mem[i].end;
  for (size_t i = 0; ok && i < n; i++) ok = (uint64_t)c->art[i].sent_first + c->art[i].nsent <= nsent;
  for (size_t i = 0; ok && i < nsent; i++) ok = c->sent_fact[i] < c->nfact;
  for (size_t i = 0; ok && i < c->nflink; i++)
    ok = (c->flink[i] >> 32) < nsent && (uint32_t)c->flink[i] < nsent;
  for (size_t i = 0; ok && i < c->nqmem; i++)
    ok = c->qmem[i].kind <= PX_QUOTE_INDIRECT && c->qmem[i].trimmed <= 1;
  for (size_t i = 0; ok && i < c->nquote; i++) ok = (uint64_t)c->quote[i].first + c->quote[i].count <= c->nqmem;
  for (size_t i = 0; ok && i < 2 * c->nqconf; i++) ok = c->qconf[i] < c->nqmem;
  for (size_t i = 0; ok && i < c->nqmem; i++)
    ok = c->qmem[i].art < n && c->qmem[i].end <= px_doc_body(c->art[c->qmem[i].art].doc).len &&
         c->qmem[i].start <= c->qmem[i].end;
  for (size_t i = 0; ok && i < c->nent; i++)
    ok = (uint64_t)c->ent[i].var_first + c->ent[i].nvar <= c->nvar &&
         (uint64_t)c->ent[i].art_first + c->ent[i].nart <= c->neart;
  for (size_t i = 0; ok && i < c->neart; i++) ok = c->eart[i] < n;
  for (size_t i = 0; ok && i < c->ndisc; i++)
    ok = c->disc[i].fact < c->nfact && (uint64_t)c->disc[i].first + c->disc[i].count <= c->ndval;
  for (size_t i = 0; ok && i < c->ndval; i++)
    ok = c->dval[i].art < n && c->dval[i].sent < c->art[c->dval[i].art].nsent &&
         c->dval[i].end <= px_doc_body(c->art[c->dval[i].art].doc).len && c->dval[i].start <= c->dval[i].end;
  if (!ok) rc = PX_EFORMAT;
out:
  px_analyzer_free(an);
  if (rc) {
    px_comparison_free(c);
    return rc;
  }
  *out = c;
  return PX_OK;
}
