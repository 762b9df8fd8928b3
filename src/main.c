/* main.c - the parallax command: global options and subcommand dispatch. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const opt_def ingest_opts[] = {
    OPT_DB,
    OPT_FIELD,
    {"batch", 0, O_INT, "N", "articles per transaction (default 2000)", 1, 10000000},
    {"threads", 0, O_INT, "N", "threads in all (default 0: one per core; 1: no workers for analysis and the search index); the database is the same whatever N", 0, 64},
    {"strict", 0, O_FLAG, NULL, "stop at the first rejected record (exit 3)", 0, 0},
    {"max-record", 0, O_INT, "BYTES", "largest record accepted (default 64 MiB)", 1, 9e18},
    {"no-analyze", 0, O_FLAG, NULL, "store articles only (no entities, quotes)", 0, 0},
    {"no-cluster", 0, O_FLAG, NULL, "do not place new articles in stories yet", 0, 0},
    {"articles-only", 0, O_FLAG, NULL, "reject web pages that are not articles (listings, products, forums, documentation...) instead of storing them marked not_article in meta", 0, 0},
    {"undated", 0, O_STR, "join|alone", "undated articles (no date in the record, URL or body opening) clustered by text, or alone unless copies (default: alone when the database has dated articles)", 0, 0},
    {"timings", 0, O_FLAG, NULL, "print the time spent in each stage", 0, 0},
    {"outlets", 0, O_STR, "FILE", "outlet names to add to the built-in ones: lines ALIAS<TAB>NAME (a domain, URL or name, then the name to store)", 0, 0},
    OPT_QUIET,
    OPT_END};

static const opt_def reanalyze_opts[] = {
    OPT_DB,
    {"all", 0, O_FLAG, NULL, "every stored article, not only those analysed by older rules or not at all", 0, 0},
    {"batch", 0, O_INT, "N", "articles per transaction (default 2000)", 1, 10000000},
    {"threads", 0, O_INT, "N", "threads in all (default 0: one per core); the database is the same whatever N", 0, 64},
    OPT_QUIET,
    OPT_END};

static const opt_def articles_opts[] = {
    OPT_DB, OPT_OUTLET, OPT_SINCE, OPT_UNTIL, OPT_TZ, OPT_LIMIT("articles"), OPT_OFFSET("articles"),
    OPT_QUIET, OPT_END};

static const opt_def show_opts[] = {
    OPT_DB,
    {"outlet", 0, O_STR, "NAME", "the outlet of the article, when its input id is shared by several", 0, 0},
    {"ext", 0, O_FLAG, NULL, "ID is the input's own id (ext_id), never parallax's", 0, 0},
    OPT_TZ, OPT_QUIET, OPT_END};

static const opt_def search_opts[] = {
    OPT_DB, OPT_OUTLET, OPT_SINCE, OPT_UNTIL, OPT_TZ, OPT_LIMIT("hits (default 20)"),
    OPT_OFFSET("hits"), OPT_QUIET, OPT_END};

static const opt_def dedup_opts[] = {
    {"threshold", 0, O_NUM, "X", "least estimated containment of a copy (default 0.7)", 0.01, 1},
    {"min-words", 0, O_INT, "N", "shortest body considered for near-duplicates (default 40)", 1, 1000000},
    OPT_FIELD, OPT_LIMIT("groups"), OPT_OFFSET("groups"), OPT_QUIET, OPT_END};

static const opt_def stories_opts[] = {
    OPT_DB, OPT_SINCE, OPT_UNTIL, OPT_TZ,
    {"min-outlets", 0, O_INT, "N", "stories covered by at least N outlets", 0, 1000000},
    {"outlet", 0, O_STR, "NAME", "stories with an article from this outlet (name, domain or alias)", 0, 0},
    {"undated", 0, O_STR, "join|alone", "how to cluster new undated articles (see ingest)", 0, 0},
    OPT_LIMIT("stories"), OPT_OFFSET("stories"), OPT_QUIET, OPT_END};

static const opt_def story_opts[] = {
    OPT_DB,
    {"compare", 0, O_FLAG, NULL, "the comparison report", 0, 0},
    {"article", 0, O_STR, "ID", "the story of this article (parallax's id or the input's own id)", 0, 0},
    {"outlet", 0, O_STR, "NAME", "with --article: the outlet, when the input id is shared", 0, 0},
    {"width", 0, O_INT, "N", "--compare text: wrap to N columns (default: the terminal's)", 20, 1000},
    {"top", 0, O_INT, "N", "--compare: items per section of the brief (default 5)", 0, 1000000},
    {"full", 0, O_FLAG, NULL, "--compare: every fact, quote and entity after the brief", 0, 0},
    OPT_TZ, OPT_LIMIT("members"), OPT_OFFSET("members"), OPT_QUIET, OPT_END};

static const opt_def stats_opts[] = {
    OPT_DB, {"top", 0, O_INT, "N", "the N largest outlets (default 10)", 0, 1000000}, OPT_QUIET,
    OPT_END};

static const opt_def analyze_opts[] = {
    OPT_LIMIT("articles"), OPT_OFFSET("articles"),
    {"no-sentences", 0, O_FLAG, NULL, "leave the sentences out", 0, 0},
    OPT_FIELD, OPT_QUIET, OPT_END};

static const opt_def compare_opts[] = {
    {"width", 0, O_INT, "N", "wrap text to N columns (default: the terminal's)", 20, 1000},
    {"top", 0, O_INT, "N", "items per section of the brief (default 5)", 0, 1000000},
    {"full", 0, O_FLAG, NULL, "every fact, quote and entity after the brief", 0, 0},
    {"threshold", 0, O_NUM, "X", "least similarity (0..1) of two sentences of one fact", 0, 0.999},
    {"max-articles", 0, O_INT, "N", "refuse more articles than N (default 1000; and 8 MiB of text in all)", 1, 10000000},
    {"no-quotes", 0, O_FLAG, NULL, "skip quote extraction and alignment", 0, 0},
    {"no-wire", 0, O_FLAG, NULL, "skip duplicate detection (wire-copy shares)", 0, 0},
    OPT_FIELD, OPT_QUIET, OPT_END};

static const opt_def quotes_opts[] = {
    {"speaker", 0, O_STR, "NAME", "only quotes of this speaker (any spelling of the name)", 0, 0},
    {"article", 0, O_STR, "ID", "(database) only this article's quotes (parallax's id or the input's own id)", 0, 0},
    {"outlet", 0, O_STR, "NAME", "(database) only this outlet's articles", 0, 0},
    {"since", 0, O_TIME, "DATE", "(database) articles published at or after DATE", 0, 0},
    {"until", 0, O_TIME, "DATE", "(database) articles published before DATE", 0, 0},
    OPT_TZ, OPT_DB,
    {"unknown", 0, O_FLAG, NULL, "also list quotes whose speaker was not named", 0, 0},
    OPT_FIELD, OPT_LIMIT("remarks"), OPT_OFFSET("remarks"), OPT_QUIET, OPT_END};

static const opt_def entities_opts[] = {
    {"top", 0, O_INT, "N", "the N most mentioned (default 20; the same as --limit)", 0, 9e18},
    OPT_LIMIT("entities (default 20)"), OPT_OFFSET("entities"),
    {"outlet", 0, O_STR, "NAME", "in this outlet's articles only", 0, 0},
    {"since", 0, O_TIME, "DATE", "in articles published at or after DATE", 0, 0},
    {"until", 0, O_TIME, "DATE", "in articles published before DATE", 0, 0},
    OPT_TZ, OPT_DB, OPT_QUIET, OPT_END};

static const opt_def export_opts[] = {
    OPT_OUTLET, OPT_SINCE, OPT_UNTIL, OPT_TZ, OPT_LIMIT("records"), OPT_OFFSET("records"), OPT_DB,
    OPT_QUIET, OPT_END};

static const opt_def threads_opts[] = {
    OPT_DB, {"min-stories", 0, O_INT, "N", "threads of at least N stories (default 2)", 1, 1000000},
    OPT_LIMIT("threads"), OPT_OFFSET("threads"), OPT_QUIET, OPT_END};

static const opt_def thread_opts[] = {OPT_DB, OPT_QUIET, OPT_END};

static const opt_def watch_opts[] = {
    {"config", 0, O_STR, "FILE", "feeds, folders, alerts and settings (docs/watch.md)", 0, 0},
    {"feed", 0, O_LIST, "URL", "follow this feed too (repeatable)", 0, 0},
    {"folder", 0, O_LIST, "DIR", "ingest new files in DIR (repeatable)", 0, 0},
    {"once", 0, O_FLAG, NULL, "poll everything once and exit (for cron)", 0, 0},
    {"outlets", 0, O_STR, "FILE", "outlet names to add to the built-in ones (see ingest)", 0, 0},
    OPT_DB, OPT_QUIET, OPT_END};

static const opt_def serve_opts[] = {
    {"listen", 0, O_STR, "ADDR:PORT", "where to listen (default 127.0.0.1:8080; port 0 picks a free one; any address but loopback prints a warning)", 0, 0},
    {"groups", 0, O_STR, "FILE", "outlet groups: lines outlet<TAB>dimension<TAB>group", 0, 0},
    {"threads", 0, O_INT, "N", "store readers: pages built at once (default 4)", 1, 64},
    {"live-seconds", 0, O_INT, "N", "how often pages ask for new articles (default 15)", 1, 3600},
    {"stats", 0, O_FLAG, NULL, "at exit, print requests and server time (p50, p99) per page", 0, 0},
    OPT_DB, OPT_QUIET, OPT_END};

const command commands[] = {
    {"ingest", cmd_ingest, "read articles into the database",
     "Read articles from each INPUT (a file, a folder, or - for stdin) into the\n"
     "database and run the pipeline on them: analysis (sentences, datelines,\n"
     "entities), quotes and speakers, duplicates and stories, the search index.\n"
     "Inputs may be JSON Lines, a JSON array, plain text (one article per file),\n"
     "HTML pages, WARC/WARC.gz crawls or RSS/Atom feeds, optionally compressed\n"
     "with gzip, zstd or xz; the format is detected from the content.  An article\n"
     "already stored (same outlet and id, same URL, or the same text) is not\n"
     "stored again.  Bad records are reported with their file and line and\n"
     "skipped.  Fields of a JSON record that parallax does not use are kept as\n"
     "the article's metadata (\"meta\").  The summary on stderr reads: read,\n"
     "stored, duplicates, rejected; with --format json it is printed on stdout\n"
     "(docs/schema/ingest_stats.schema.json).\n",
     "INPUT...", ingest_opts, "text|json", 1, -1,
     "0 ok, 1 failure (an input cannot be opened), 2 usage, 3 some records rejected"},
    {"reanalyze", cmd_reanalyze, "analyse stored articles again with this build's rules",
     "Analyse stored articles again: sentences, datelines, entities, quotes and\n"
     "speakers, with the rules of this build.  By default only the articles that\n"
     "need it: stored with --no-analyze, or analysed by an older parallax whose\n"
     "rules differ; --all redoes every article.  Their entity mentions, quotes\n"
     "and speakers are replaced and the cached story comparisons dropped;\n"
     "articles, stories and the search index stay.  Work is committed in\n"
     "batches: an interrupted run keeps what it finished, and running it again\n"
     "does the rest.  The summary reads: looked at, analysed again, not\n"
     "analysed; with --format json the ingest summary is printed on stdout\n"
     "(docs/schema/ingest_stats.schema.json).\n",
     "", reanalyze_opts, "text|json", 0, 0, "0 ok, 1 failure, 2 usage"},
    {"articles", cmd_articles, "list stored articles",
     "List stored articles by publication time (undated last), with parallax's\n"
     "id and the input's own id (docs/schema/article.schema.json).\n",
     "", articles_opts, "text|json|csv", 0, 0, "0 ok, 1 failure, 2 usage"},
    {"show", cmd_show, "show one stored article",
     "Print one stored article: its metadata and body.  ID is parallax's id, or\n"
     "the input's own id (ext_id); when several outlets used that ext_id, the\n"
     "choices are listed and --outlet says which.\n",
     "ID", show_opts, "text|json", 1, 1,
     "0 ok, 1 failure, 2 usage, 4 no such article, 5 the ext_id names several articles"},
    {"search", cmd_search, "full-text search over stored articles",
     "Search titles and bodies (SQLite FTS5: words match their stems, \"a phrase\",\n"
     "prefix*, AND / OR / NOT, NEAR(a b, 5)).  Hits are ranked by relevance\n"
     "(bm25, titles weighted 3x) with a snippet around the matched words (in\n"
     "JSON, wrapped in \\u0001 ... \\u0002).\n",
     "QUERY...", search_opts, "text|json|csv", 1, -1,
     "0 ok (also when nothing matches), 1 failure, 2 usage or a query FTS5 cannot read"},
    {"dedup", cmd_dedup, "find duplicate and syndicated copies in inputs",
     "Read articles from each INPUT (as 'parallax ingest' does, no database\n"
     "needed) and print the groups of duplicates: exact copies of a body and\n"
     "near-duplicates (syndicated copy with a new headline, a cut ending, an added\n"
     "paragraph, another byline), found with MinHash sketches of word shingles.\n"
     "Each member shows how much of the earlier article it contains (1.00 for an\n"
     "exact copy).  Bodies under --min-words words are matched only when their\n"
     "title matches too, so a shared paywall notice is not a duplicate.\n",
     "INPUT...", dedup_opts, "text|json|csv", 1, -1,
     "0 ok, 1 failure, 2 usage, 3 some records rejected"},
    {"stories", cmd_stories, "list the stories in the database",
     "List stories (articles from any outlet about the same event), latest first.\n"
     "Articles not yet in a story are clustered first when the database is\n"
     "writable ('parallax ingest' does this too).  Columns: id, time span,\n"
     "outlets, articles, duplicates, headline.\n",
     "", stories_opts, "text|json|csv", 0, 0, "0 ok, 1 failure (no such database), 2 usage"},
    {"story", cmd_story, "show one story's articles",
     "Print a story's articles by time with their outlets; duplicates are marked\n"
     "with the article they copy, and each article's wire share (the part of its\n"
     "sentences first published by another outlet) is shown with that source.\n"
     "With --article, the story of that article.\n"
     "\n"
     "With --compare, the story's coverage compared instead: facts every outlet\n"
     "reports and facts only one does, quote variants side by side, entities per\n"
     "outlet, numbers that differ (as 'parallax compare' does for files), from\n"
     "the analysis stored by ingest.  The comparison is kept in the database\n"
     "until the story gains or loses an article (md and html with --compare).\n",
     "ID", story_opts, "text|json|csv|md|html", 0, 1,
     "0 ok, 1 failure, 2 usage, 4 no such story or article, 5 the ext_id names several articles"},
    {"threads", cmd_threads, "list threads: stories about one developing matter",
     "List threads, latest first: stories linked when one is like an earlier one\n"
     "that ended at most three weeks before (a follow-up, the next day's reaction,\n"
     "the verdict after the trial).  A thread's id is the id of its first story.\n"
     "Columns: id, time span, stories, articles, outlets, headline of its largest\n"
     "story.\n",
     "", threads_opts, "text|json", 0, 0, "0 ok, 1 failure (no such database), 2 usage"},
    {"thread", cmd_thread, "show one thread's stories in time order",
     "Print a thread's stories in time order, each with what is new in it: outlets\n"
     "covering the matter for the first time, speakers quoted for the first time,\n"
     "and names (entities in two or more of its articles) new to the thread.\n",
     "ID", thread_opts, "text|json", 1, 1, "0 ok, 1 failure, 2 usage, 4 no such thread"},
    {"stats", cmd_stats, "what the database holds",
     "Counts of articles, outlets, stories, quotes and entities, the publication\n"
     "time range, the database size and the N largest outlets (default 10).\n",
     "", stats_opts, "text|json", 0, 0, "0 ok, 1 failure, 2 usage"},
    {"analyze", cmd_analyze, "sentences, dateline and named entities of articles",
     "Analyze each article read from INPUT (a file, a folder, or - for stdin; any\n"
     "format ingest reads) without storing it: its sentences, its dateline, the\n"
     "people, organizations and places it names, with the mentions of each\n"
     "merged (\"President Vladimir Putin\", \"Putin\", \"Mr. Putin\", \"the Russian\n"
     "president\") and a key that matches spelling variants across articles\n"
     "(\"kim jong un\", \"kyiv\"), and its quotes.  Offsets are UTF-8 byte offsets\n"
     "into the body (docs/schema/analyze.schema.json).\n",
     "INPUT...", analyze_opts, "text|json", 1, -1,
     "0 ok, 1 failure, 2 usage, 3 some records rejected"},
    {"compare", cmd_compare, "compare articles: shared and unique facts, quotes, numbers",
     "Compare the articles read from the FILEs (any input format: plain text with\n"
     "Title/Source/Date headers, JSON Lines, HTML, feeds; compressed or not; a\n"
     "file may hold several articles).  Sentences that report the same fact are\n"
     "aligned across outlets even when worded differently; the report shows what\n"
     "every outlet reports and what only one does, each outlet's rendering of the\n"
     "same remark, who is mentioned by whom, numbers that differ between outlets,\n"
     "the first report of each fact, datelines and wire-copy shares (json:\n"
     "docs/schema/compare.schema.json).\n",
     "FILE...", compare_opts, "text|json|md|html", 1, -1,
     "0 ok, 1 failure, 2 usage, 3 some records rejected (the rest compared)"},
    {"quotes", cmd_quotes, "who said what: quotes by speaker and remark, across outlets",
     "Extract the quotes of each article read from INPUT (a file, a folder, or -\n"
     "for stdin; any format ingest reads): direct, partial and reported speech,\n"
     "each with its cue and speaker (names, pronouns and roles resolved), then\n"
     "group them by speaker (\"Kim Jong Un\" = \"Kim Jong-un\" = \"Mr Kim\") and by\n"
     "remark: the renderings of one remark by different outlets side by side,\n"
     "even when worded or translated differently.  Scare quotes and titles in\n"
     "quotation marks are left out.  With no INPUT, the quotes stored in the\n"
     "database by 'parallax ingest'.  JSON: one remark per line\n"
     "(docs/schema/remark.schema.json).  See docs/quotes.md.\n",
     "[INPUT...]", quotes_opts, "text|json|csv", 0, -1,
     "0 ok, 1 failure, 2 usage, 3 some records rejected, 4 no such article"},
    {"entities", cmd_entities, "people, organizations and places the news mentions",
     "Entities of the stored articles (name variants merged under one key: Kim\n"
     "Jong Un = Kim Jong-un), by the number of articles that mention them, with\n"
     "the outlets and mentions behind each.\n",
     "", entities_opts, "text|json|csv", 0, 0, "0 ok, 1 failure, 2 usage"},
    {"export", cmd_export, "the database as JSON Lines or CSV",
     "Write the stored articles (metadata), stories (with their members, wire\n"
     "share and duplicates), quotes (with speakers; scare quotes and titles\n"
     "included, as stats counts them) or entities as JSON Lines (default) or CSV\n"
     "on standard output, in the schemas of docs/schema/ (docs/export.md).\n",
     "articles|stories|quotes|entities", export_opts, "jsonl|json|csv", 1, 1,
     "0 ok, 1 failure, 2 usage"},
    {"watch", cmd_watch, "follow feeds and folders, ingest as news arrives, raise alerts",
     "Follow RSS/Atom feeds over HTTP(S) and folders, and put every new article\n"
     "through the pipeline as it arrives (stored, analysed, deduplicated,\n"
     "clustered into stories).  The page each feed item links to is fetched and\n"
     "its main text extracted.  Requests are polite: conditional (ETag,\n"
     "Last-Modified), per-host limits on concurrency and rate, backoff on errors,\n"
     "Retry-After honoured.  Alerts subscribed in the configuration are written\n"
     "as JSON lines to stdout, to a command and to a webhook, each once.  State\n"
     "is kept in the database: a restart resumes.  SIGTERM finishes the current\n"
     "batch and exits; SIGHUP rereads the configuration.  See docs/watch.md.\n",
     "", watch_opts, NULL, 0, 0,
     "0 ok, 1 failure, 2 usage (or a bad configuration), 3 some sources failed (logged on stderr)"},
    {"serve", cmd_serve, "the store in a browser: stories, comparisons, speakers, outlets",
     "Serve a read-only web view of the database while ingest keeps writing to\n"
     "it: stories with filters, each story's editor's brief (timeline, core facts,\n"
     "what each outlet alone adds, quote variants, disputes), articles with their\n"
     "sentences marked, speakers, entities, outlets, search, blind spots.  Every\n"
     "page has a JSON twin under /api/.  See docs/serve.md.\n",
     "", serve_opts, NULL, 0, 0,
     "0 stopped by SIGINT or SIGTERM, 1 the store or the address cannot be used, 2 usage"},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL},
};

const command *find_command(const char *name) {
  for (const command *c = commands; c->name; c++)
    if (strcmp(c->name, name) == 0) return c;
  return NULL;
}

/* "--limit N" as the help shows it. */
static void opt_label(const opt_def *o, char *buf, size_t n) {
  if (o->shortname)
    snprintf(buf, n, "-%c, --%s%s%s", o->shortname, o->name, o->arg ? " " : "", o->arg ? o->arg : "");
  else
    snprintf(buf, n, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

void print_command_help(const command *cmd, FILE *out) {
  if (!cmd->opts) {
    fputs(cmd->usage, out);
    return;
  }
  fprintf(out, "usage: parallax %s [options]%s%s\n\n", cmd->name,
          cmd->synopsis_args && *cmd->synopsis_args ? " " : "",
          cmd->synopsis_args ? cmd->synopsis_args : "");
  fputs(cmd->usage, out);
  fputs("\noptions:\n", out);
  char label[80];
  for (const opt_def *o = cmd->opts; o->name; o++) {
    opt_label(o, label, sizeof label);
    if (strlen(label) > 20) fprintf(out, "  %s\n  %-20s %s\n", label, "", o->help);
    else fprintf(out, "  %-20s %s\n", label, o->help);
  }
  if (cmd->formats) {
    snprintf(label, sizeof label, "--format %s", cmd->formats);
    fprintf(out, "  %-20s output format (default %.*s)\n", strlen(label) > 20 ? "-f, --format FMT" : label,
            (int)strcspn(cmd->formats, "|"), cmd->formats);
    if (strlen(label) > 20) fprintf(out, "  %-20s one of %s\n", "", cmd->formats);
  }
  fprintf(out, "  %-20s this help\n", "-h, --help");
  fprintf(out, "  %-20s the options end here; what follows are arguments\n", "--");
  if (cmd->exits) fprintf(out, "exit: %s\n", cmd->exits);
}

void print_option_list(FILE *out) {
  for (const command *c = commands; c->name; c++) {
    fprintf(out, "%s\n", c->name);
    for (const opt_def *o = c->opts; o && o->name; o++) fprintf(out, "%s --%s\n", c->name, o->name);
    if (c->formats) fprintf(out, "%s --format\n", c->name);
  }
}

/* troff: escape backslashes and the dashes of options. */
static void man_text(FILE *out, const char *s) {
  bool bol = true;
  for (; *s; s++) {
    if (bol && (*s == '.' || *s == '\'')) fputs("\\&", out);
    bol = *s == '\n';
    if (*s == '\\') fputs("\\e", out);
    else if (*s == '-') fputs("\\-", out);
    else putc(*s, out);
  }
}

void print_man(FILE *out) {
  fputs(".\\\" Generated by 'parallax help --man' from the command table in src/main.c.\n"
        ".TH PARALLAX 1 \"2026-12\" \"parallax " PX_VERSION_STRING "\" \"User Commands\"\n"
        ".SH NAME\nparallax \\- show how the news covers an event\n"
        ".SH SYNOPSIS\n.B parallax\n.RB [ \\-\\-version ]\n.RB [ \\-\\-help ]\n.I command\n"
        ".RI [ options ]\n.RI [ args ]\n"
        ".SH DESCRIPTION\n.B parallax\nreads news articles from many outlets into a database, "
        "finds those that\nreport the same event, flags syndicated copies, extracts who said "
        "what, and\nlines the reports up claim by claim and quote by quote.\n.PP\n"
        "Every record parallax prints speaks one vocabulary: \\fBid\\fR is parallax's id,\n"
        "\\fBext_id\\fR the input's own id, \\fBsource\\fR the outlet; a link to another\n"
        "record holds its id.  Each JSON record is described by a JSON Schema in\n"
        ".IR docs/schema/ .\n"
        "Options may be given as \\fB\\-\\-name value\\fR or \\fB\\-\\-name=value\\fR; "
        "\\fB\\-\\-\\fR ends them.\nDates take ISO 8601 and RFC 2822 forms, Unix seconds, "
        "\\fBnow\\fR, \\fBtoday\\fR,\n\\fByesterday\\fR, or a time before now: \\fB7d\\fR, "
        "\\fB12h\\fR, \\fB30m\\fR, \\fB2w\\fR.\n",
        out);
  fputs(".SH COMMANDS\n", out);
  for (const command *c = commands; c->name; c++) {
    fprintf(out, ".SS \"%s", c->name);
    if (c->synopsis_args && *c->synopsis_args) {
      fputc(' ', out);
      man_text(out, c->synopsis_args);
    }
    fputs("\"\n", out);
    man_text(out, c->summary);
    fputs(".\n.PP\n", out);
    man_text(out, c->usage);
    for (const opt_def *o = c->opts; o && o->name; o++) {
      char label[80];
      opt_label(o, label, sizeof label);
      fputs(".TP\n.B ", out);
      man_text(out, label);
      fputc('\n', out);
      man_text(out, o->help);
      fputc('\n', out);
    }
    if (c->formats) {
      fputs(".TP\n.B \\-\\-format ", out);
      man_text(out, c->formats);
      fputs("\noutput format (the first is the default)\n", out);
    }
    if (c->exits) {
      fputs(".PP\nExit status: ", out);
      man_text(out, c->exits);
      fputs(".\n", out);
    }
  }
  fputs(".SH EXIT STATUS\n.TP\n.B 0\nsuccess\n.TP\n.B 1\nthe command could not do its work "
        "(no such database, unreadable input, disk full, out of memory)\n.TP\n.B 2\nusage error "
        "(unknown option, a value out of range, a missing argument), or a search query that "
        "cannot be read\n.TP\n.B 3\ndone, but some input records were rejected\n.TP\n.B 4\nthe "
        "article or story asked for does not exist\n.TP\n.B 5\nthe id given is an input id "
        "(ext_id) that several outlets used: the choices are listed, and\n.B \\-\\-outlet\n"
        "says which\n"
        ".SH ENVIRONMENT\n.TP\n.B PARALLAX_DB\ndatabase used when\n.B \\-\\-db\nis not given.\n"
        ".TP\n.B NO_COLOR\nwhen set and not empty, no colour is used. Colour is otherwise used "
        "only when\nstandard output is a terminal; progress only when standard error is one.\n"
        ".SH FILES\n.TP\n.I ./parallax.db\nthe default database: one SQLite file in WAL mode "
        "(with\n.I \\-wal\nand\n.I \\-shm\ncompanions while in use).\n"
        ".SH EXAMPLES\n.nf\nparallax ingest news.jsonl.xz\n"
        "parallax search \\(dqsatellite launch\\(dq \\-\\-since 7d\n"
        "parallax stories \\-\\-min\\-outlets 3 \\-\\-format csv\n"
        "parallax story 42 \\-\\-compare \\-\\-format html > story.html\n"
        "parallax show reuters\\-2023\\-0913\\-17 \\-\\-outlet Reuters\n"
        "parallax quotes \\-\\-speaker \\(dqKim Jong Un\\(dq \\-\\-format json\n.fi\n"
        ".SH SEE ALSO\nThe documents in\n.I docs/\nof the source tree: ARCHITECTURE.md, cli.md, "
        "the schemas in schema/ and one page per stage.\n",
        out);
}

static void usage(FILE *out) {
  fprintf(out,
          "usage: parallax [--version] [--help] COMMAND [ARGS]\n"
          "\n"
          "parallax shows how the news covers an event: which articles report the\n"
          "same story, what every outlet reports and what only one does, and how each\n"
          "rendered the same remark.\n"
          "\n"
          "commands:\n");
  for (const command *c = commands; c->name; c++) fprintf(out, "  %-10s %s\n", c->name, c->summary);
  fprintf(out, "  %-10s %s\n", "help", "describe a command: parallax help COMMAND");
  fprintf(out,
          "\n"
          "'parallax help COMMAND' or 'parallax COMMAND --help' describes one command.\n"
          "The database is ./parallax.db unless --db or $PARALLAX_DB says otherwise.\n");
}

static const char *close_command(const char *name) {
  const char *names[64];
  size_t n = 0;
  for (const command *c = commands; c->name && n < 63; c++) names[n++] = c->name;
  names[n++] = "help";
  return did_you_mean(name, names, n);
}

static void help_help(FILE *out) {
  fputs("usage: parallax help [COMMAND]\n\n"
        "Without COMMAND, the list of commands; with one, its options.\n"
        "(help --man prints the man page, help --options every command's options.)\n",
        out);
}

int main(int argc, char **argv) {
  cli c = {0};
  c.prog = "parallax";
  c.db_path = getenv("PARALLAX_DB");
  if (!c.db_path || !*c.db_path) c.db_path = "parallax.db";
  const char *nc = getenv("NO_COLOR");
  c.color = isatty(STDOUT_FILENO) && !(nc && *nc);
  c.tty_err = isatty(STDERR_FILENO);
  if (argc < 2) {
    usage(stderr);
    return EXIT_USAGE;
  }
  const char *a = argv[1];
  if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0 || strcmp(a, "version") == 0) {
    printf("parallax %s\n", px_version_string());
    return EXIT_OK;
  }
  if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
    usage(stdout);
    return EXIT_OK;
  }
  if (strcmp(a, "help") == 0) {
    if (argc < 3) {
      usage(stdout);
      return EXIT_OK;
    }
    if (strcmp(argv[2], "help") == 0 || strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0) {
      help_help(stdout);
      return EXIT_OK;
    }
    if (strcmp(argv[2], "--man") == 0) {
      print_man(stdout);
      return EXIT_OK;
    }
    if (strcmp(argv[2], "--options") == 0) {
      print_option_list(stdout);
      return EXIT_OK;
    }
    const command *cmd = find_command(argv[2]);
    if (!cmd) {
      const char *m = close_command(argv[2]);
      if (m) fprintf(stderr, "parallax: no command '%s'; did you mean '%s'?\n", argv[2], m);
      else fprintf(stderr, "parallax: no command '%s'; see 'parallax --help'\n", argv[2]);
      return EXIT_USAGE;
    }
    print_command_help(cmd, stdout);
    return EXIT_OK;
  }
  const command *cmd = find_command(a);
  if (!cmd) {
    const char *m = close_command(a);
    if (m) fprintf(stderr, "parallax: '%s' is not a command; did you mean '%s'?\n", a, m);
    else fprintf(stderr, "parallax: '%s' is not a command; see 'parallax --help'\n", a);
    return EXIT_USAGE;
  }
  return cmd->run(&c, argc - 1, argv + 1);
}
