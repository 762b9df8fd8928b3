/* main.c - the parallax command: global options and subcommand dispatch. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const command commands[] = {
    {"ingest", cmd_ingest, "read articles into the database",
     "usage: parallax ingest [options] INPUT...\n"
     "\n"
     "Read articles from each INPUT (a file, a folder, or - for stdin) into the\n"
     "database and run the pipeline on them: analysis (sentences, datelines,\n"
     "entities), quotes and speakers, duplicates and stories, the search index.\n"
     "Inputs may be JSON Lines, a JSON array, plain text (one article per file),\n"
     "HTML pages, WARC/WARC.gz crawls or RSS/Atom feeds, optionally compressed\n"
     "with gzip, zstd or xz; the format is detected from the content.  An article\n"
     "already stored (same outlet and id, same URL, or the same text) is not\n"
     "stored again.  Bad records are reported with their file and line and\n"
     "skipped.\n"
     "\n"
     "options:\n"
     "  --db PATH            database file (default ./parallax.db, or $PARALLAX_DB)\n"
     "  --field NAME=PATH    take field NAME (id, source, url, title, byline, date,\n"
     "                       text, language) from the JSON key path PATH (a.b.c)\n"
     "  --batch N            articles per transaction (default 2000)\n"
     "  --strict             stop at the first rejected record (exit 3)\n"
     "  --max-record BYTES   largest record accepted (default 64 MiB)\n"
     "  --no-analyze         store articles only (no entities, quotes)\n"
     "  --no-cluster         do not place new articles in stories yet\n"
     "  --timings            print the time spent in each stage\n"
     "  -q, --quiet          no progress and no per-record messages\n"
     "  --format text|json   the final summary as a line of text or a JSON object\n"
     "\n"
     "The summary on stderr reads: read, stored, duplicates, rejected.\n"
     "exit: 0 ok, 1 failure, 2 usage, 3 some records rejected\n"},
    {"articles", cmd_articles, "list stored articles",
     "usage: parallax articles [options]\n"
     "\n"
     "List stored articles by publication time.\n"
     "\n"
     "options:\n"
     "  --outlet NAME        only this outlet (exact name)\n"
     "  --since DATE         published at or after DATE (2023-09-13, RFC 2822, ...)\n"
     "  --until DATE         published before DATE\n"
     "  --limit N            at most N articles\n"
     "  --offset N           skip the first N\n"
     "  --format text|json   a table, or one JSON object per line\n"
     "  --db PATH            database file (default ./parallax.db)\n"},
    {"show", cmd_show, "show one stored article",
     "usage: parallax show [options] ID\n"
     "\n"
     "Print one stored article: its metadata and body.\n"
     "\n"
     "options:\n"
     "  --format text|json\n"
     "  --db PATH            database file (default ./parallax.db)\n"
     "exit: 0 ok, 4 no such article\n"},
    {"search", cmd_search, "full-text search over stored articles",
     "usage: parallax search [options] QUERY...\n"
     "\n"
     "Search titles and bodies (SQLite FTS5: words match their stems, \"a phrase\",\n"
     "prefix*, AND / OR / NOT, NEAR(a b, 5)).  Hits are ranked by relevance\n"
     "(bm25, titles weighted 3x) with a snippet around the matched words.\n"
     "\n"
     "options:\n"
     "  --outlet NAME        only this outlet\n"
     "  --since DATE         published at or after DATE\n"
     "  --until DATE         published before DATE\n"
     "  --limit N            at most N hits (default 20)\n"
     "  --format text|json   text, or one JSON object per hit (snippet matches\n"
     "                       wrapped in \\u0001 ... \\u0002)\n"
     "  --db PATH            database file (default ./parallax.db)\n"
     "exit: 0 ok (also when nothing matches), 2 a query FTS5 cannot read\n"},
    {"dedup", cmd_dedup, "find duplicate and syndicated copies in inputs",
     "usage: parallax dedup [options] INPUT...\n"
     "\n"
     "Read articles from each INPUT (as 'parallax ingest' does, no database\n"
     "needed) and print the groups of duplicates: exact copies of a body and\n"
     "near-duplicates (syndicated copy with a new headline, a cut ending, an added\n"
     "paragraph, another byline), found with MinHash sketches of word shingles.\n"
     "Each member shows how much of the earlier article it contains (1.00 for an\n"
     "exact copy).  Bodies under --min-words words are matched only when their\n"
     "title matches too, so a shared paywall notice is not a duplicate.\n"
     "\n"
     "options:\n"
     "  --threshold X        least estimated containment of a copy (default 0.7)\n"
     "  --min-words N        shortest body considered for near-duplicates (default 40)\n"
     "  --field NAME=PATH    take field NAME from the JSON key path PATH\n"
     "  --format text|json   groups as text, or one JSON object per group per line\n"
     "  -q, --quiet          no summary on stderr\n"
     "exit: 0 ok, 1 failure, 2 usage, 3 some records rejected\n"},
    {"stories", cmd_stories, "list the stories in the database",
     "usage: parallax stories [options]\n"
     "\n"
     "List stories (articles from any outlet about the same event), latest first.\n"
     "Articles not yet in a story are clustered first when the database is\n"
     "writable ('parallax ingest' does this too).\n"
     "\n"
     "options:\n"
     "  --since DATE         stories with an article at or after DATE\n"
     "  --until DATE         stories with an article before DATE\n"
     "  --min-outlets N      stories covered by at least N outlets\n"
     "  --outlet NAME        stories with an article from this outlet (exact name)\n"
     "  --limit N            at most N stories\n"
     "  --format text|json   a table, or one JSON object per line\n"
     "  --db PATH            database file (default ./parallax.db)\n"
     "\n"
     "Columns: id, time span, outlets, articles, duplicates, headline.\n"},
    {"story", cmd_story, "show one story's articles",
     "usage: parallax story [options] ID\n"
     "\n"
     "Print a story's articles by time with their outlets; duplicates are marked\n"
     "with the article they copy, and each article's wire share (the part of its\n"
     "sentences first published by another outlet) is shown with that source.\n"
     "\n"
     "With --compare, the story's coverage compared instead: facts every outlet\n"
     "reports and facts only one does, quote variants side by side, entities per\n"
     "outlet, numbers that differ (as 'parallax compare' does for files).  The\n"
     "report is cached in the database until the story gains an article.\n"
     "\n"
     "options:\n"
     "  --compare            the comparison report\n"
     "  --format text|json|md|html   (md and html with --compare)\n"
     "  --db PATH            database file (default ./parallax.db)\n"
     "exit: 0 ok, 4 no such story\n"},
    {"stats", cmd_stats, "what the database holds",
     "usage: parallax stats [--top N] [--format text|json] [--db PATH]\n"
     "\n"
     "Counts of articles, outlets, stories, quotes and entities, the publication\n"
     "time range, the database size and the N largest outlets (default 10).\n"},
    {"analyze", cmd_analyze, "sentences, dateline and named entities of articles",
     "usage: parallax analyze [options] INPUT...\n"
     "\n"
     "Analyze each article read from INPUT (a file, a folder, or - for stdin; any\n"
     "format ingest reads) without storing it: its sentences, its dateline, and\n"
     "the people, organizations and places it names, with the mentions of each\n"
     "merged (\"President Vladimir Putin\", \"Putin\", \"Mr. Putin\", \"the Russian\n"
     "president\") and a key that matches spelling variants across articles\n"
     "(\"kim jong un\", \"kyiv\").  Offsets are UTF-8 byte offsets into the body.\n"
     "\n"
     "options:\n"
     "  --format text|json   numbered sentences and entities with their variants, or\n"
     "                       one JSON object per article (docs/schema/analyze.schema.json)\n"
     "  --limit N            stop after N articles\n"
     "  --no-sentences       leave the sentences out\n"
     "  --field NAME=PATH    take field NAME from the JSON key path PATH (as ingest)\n"
     "  -q, --quiet          no per-record messages\n"
     "exit: 0 ok, 1 failure, 2 usage, 3 some records rejected\n"},
    {"compare", cmd_compare, "compare articles: shared and unique facts, quotes, numbers",
     "usage: parallax compare [options] FILE...\n"
     "\n"
     "Compare the articles read from the FILEs (any input format: plain text with\n"
     "Title/Source/Date headers, JSON Lines, HTML, feeds; compressed or not; a\n"
     "file may hold several articles).  Sentences that report the same fact are\n"
     "aligned across outlets even when worded differently; the report shows what\n"
     "every outlet reports and what only one does, each outlet's rendering of the\n"
     "same remark, who is mentioned by whom, numbers that differ between outlets,\n"
     "the first report of each fact, datelines and wire-copy shares.\n"
     "\n"
     "options:\n"
     "  --format text|json|md|html   report format (default text; json is\n"
     "                       described by docs/schema/compare.schema.json)\n"
     "  --width N            wrap text to N columns (default: the terminal's)\n"
     "  --threshold X        least similarity (0..1) of two sentences of one fact\n"
     "  --max-articles N     refuse more articles than N (default 1000)\n"
     "  --no-quotes          skip quote extraction and alignment\n"
     "  --no-wire            skip duplicate detection (wire-copy shares)\n"
     "  -q, --quiet          no warnings on stderr\n"
     "exit: 0 ok, 1 failure, 2 usage, 3 some records rejected (the rest compared)\n"},
    {"quotes", cmd_quotes, "who said what: quotes by speaker and remark, across outlets",
     "usage: parallax quotes [options] [INPUT...]\n"
     "\n"
     "Extract the quotes of each article read from INPUT (a file, a folder, or -\n"
     "for stdin; any format ingest reads): direct, partial and reported speech,\n"
     "each with its cue and speaker (names, pronouns and roles resolved), then\n"
     "group them by speaker (\"Kim Jong Un\" = \"Kim Jong-un\" = \"Mr Kim\") and by\n"
     "remark: the renderings of one remark by different outlets side by side,\n"
     "even when worded or translated differently.  Scare quotes and titles in\n"
     "quotation marks are left out.  See docs/quotes.md.\n"
     "\n"
     "With no INPUT, the quotes stored in the database by 'parallax ingest'.\n"
     "\n"
     "options:\n"
     "  --speaker NAME       only quotes of this speaker (any spelling of the name)\n"
     "  --outlet NAME        (database) only this outlet's articles\n"
     "  --since DATE         (database) articles published at or after DATE\n"
     "  --until DATE         (database) articles published before DATE\n"
     "  --db PATH            database file (default ./parallax.db)\n"
     "  --unknown            also list quotes whose speaker was not named\n"
     "  --format text|json   grouped listing, or one JSON object\n"
     "  -q, --quiet          no summary or per-record messages on stderr\n"
     "exit: 0 ok, 1 failure, 2 usage, 3 some records rejected\n"},
    {"entities", cmd_entities, "people, organizations and places the news mentions",
     "usage: parallax entities [options]\n"
     "\n"
     "Entities of the stored articles (name variants merged under one key: Kim\n"
     "Jong Un = Kim Jong-un), by the number of articles that mention them, with\n"
     "the outlets and mentions behind each.\n"
     "\n"
     "options:\n"
     "  --top N              the N most mentioned (default 20)\n"
     "  --outlet NAME        in this outlet's articles only\n"
     "  --since DATE         in articles published at or after DATE\n"
     "  --until DATE         in articles published before DATE\n"
     "  --format text|json   a table, or one JSON object per line\n"
     "  --db PATH            database file (default ./parallax.db)\n"},
    {"export", cmd_export, "the database as JSON Lines or CSV",
     "usage: parallax export [options] articles|stories|quotes|entities\n"
     "\n"
     "Write the stored articles (metadata), stories (with their members, wire\n"
     "share and duplicates), quotes (with speakers) or entities as JSON Lines\n"
     "(default) or CSV on standard output, in the schemas of docs/export.md.\n"
     "\n"
     "options:\n"
     "  --format jsonl|csv\n"
     "  --outlet NAME        only this outlet's articles\n"
     "  --since DATE         published at or after DATE\n"
     "  --until DATE         published before DATE\n"
     "  --db PATH            database file (default ./parallax.db)\n"},
    {NULL, NULL, NULL, NULL},
};

const command *find_command(const char *name) {
  for (const command *c = commands; c->name; c++)
    if (strcmp(c->name, name) == 0) return c;
  return NULL;
}

void print_command_help(const command *cmd, FILE *out) { fputs(cmd->usage, out); }

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
  fprintf(out,
          "\n"
          "'parallax help COMMAND' or 'parallax COMMAND --help' describes one command.\n"
          "The database is ./parallax.db unless --db or $PARALLAX_DB says otherwise.\n");
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
    const command *cmd = find_command(argv[2]);
    if (!cmd) {
      fprintf(stderr, "parallax: no command '%s'\n", argv[2]);
      return EXIT_USAGE;
    }
    print_command_help(cmd, stdout);
    return EXIT_OK;
  }
  const command *cmd = find_command(a);
  if (!cmd) {
    fprintf(stderr, "parallax: '%s' is not a command; see 'parallax --help'\n", a);
    return EXIT_USAGE;
  }
  return cmd->run(&c, argc - 1, argv + 1);
}
