/* test_html.c - HTML article extraction: main text, metadata, charsets and
 * hostile pages, on invented pages (tests/data/web and generated here). */
#include "px_test.h"

#include "ingest/extract.h"

#include <time.h>

static char *slurp_fixture(const char *name, size_t *n) {
  char path[1024];
  snprintf(path, sizeof(path), "%s/web/%s", PX_TEST_DATA, name);
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  long sz = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *p = malloc((size_t)sz + 1);
  assert_non_null(p);
  assert_int_equal(fread(p, 1, (size_t)sz, f), (size_t)sz);
  p[sz] = '\0';
  fclose(f);
  *n = (size_t)sz;
  return p;
}

static bool has(px_str s, const char *w) {
  return s.len && memmem(s.ptr, s.len, w, strlen(w)) != NULL;
}

static void assert_field(const px_article *a, px_field f, const char *want) {
  px_str s = px_article_get(a, f);
  if (s.len != strlen(want) || memcmp(s.ptr, want, s.len) != 0)
    fail_msg("field %d: got \"%.*s\", want \"%s\"", (int)f, (int)s.len, s.ptr ? s.ptr : "", want);
}

typedef struct fx {
  px_ctx *ctx;
  px_article *art;
  px__buf msg;
} fx;

static int setup(void **state) {
  fx *f = calloc(1, sizeof(*f));
  px_ctx_new(&f->ctx);
  px_article_new(&f->art);
  px__buf_init(&f->msg, 4096);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fx *f = *state;
  px_article_free(f->art);
  px_ctx_free(f->ctx);
  px__buf_release(&f->msg);
  free(f);
  return 0;
}

static int extract(fx *f, const char *html, size_t n, const char *hint, const char *url) {
  px__article_clear(f->art);
  px__buf_clear(&f->msg);
  return px__extract_html(f->ctx, NULL, html, n, hint, url, 0, f->art, &f->msg);
}

static void test_news_page(void **state) {
  fx *f = *state;
  size_t n;
  char *html = slurp_fixture("article.html", &n);
  assert_int_equal(extract(f, html, n, NULL, "https://courier.example.org/x?utm=1"), PX_OK);
  px_article *a = f->art;
  assert_field(a, PX_F_TITLE, "Harbour bridge reopens after storm repairs");
  assert_field(a, PX_F_BYLINE, "Mara Lind, Tomas Okafor");
  assert_field(a, PX_F_LANGUAGE, "en");
  assert_field(a, PX_F_SOURCE, "The Coastal Courier");
  assert_field(a, PX_F_URL, "https://courier.example.org/news/harbour-bridge-reopens");
  int has_time;
  int64_t t = px_article_published(a, &has_time);
  assert_int_equal(has_time, 1);
  assert_int_equal(t, 1709627400); /* JSON-LD 2024-03-05T08:30:00Z, not the script's dates */
  px_str body = px_article_get(a, PX_F_BODY);
  /* Paragraphs, quotes, the block quote and the quote-led paragraph survive. */
  assert_true(has(body, "The Harbour Bridge reopened to traffic on Tuesday morning"));
  assert_true(has(body, "\xE2\x80\x9CWe promised the town"));
  assert_true(has(body, "the cable supplier agreed to share the bill"));
  assert_true(has(body, "\"It has been a long winter for everyone down here,\""));
  assert_true(has(body, "tolls would stay at their current level until the end of the year."));
  /* Boilerplate does not. */
  const char *bad[] = {"cookies", "Home", "Share on Facebook", "The bridge at dawn", "Related",
                       "Storm closes harbour bridge", "Comments", "About time", "Most read",
                       "Lighthouse", "Copyright", "Advertisement", "Transport Correspondents",
                       "3 hours ago", "Bridge Storm", NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("boilerplate \"%s\" in the body", bad[i]);
  /* Paragraphs are separated by blank lines. */
  assert_true(has(body, "support cables.\n\nEngineers worked"));
  free(html);
}

static void test_title_and_date_fallbacks(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Council votes to keep night buses - Riverside Post</title>"
      "<meta property=\"og:site_name\" content=\"Riverside Post\"></head><body>"
      "<div class=\"post\"><h1>Council votes to keep night buses</h1>"
      "<p class=\"author\">By JOHN Q. SMITH?</p>"
      "<span class=\"byline\">by Ana Ruiz | Senior Reporter</span>"
      "<p>The city council voted on Monday to keep the night bus service running for another "
      "year, after a petition gathered more than four thousand signatures in three weeks.</p>"
      "<p>Supporters said the buses were the only safe way home for shift workers, while the "
      "finance committee warned that the subsidy would have to be found elsewhere in the budget.</p>"
      "<p>The service will be reviewed again next spring.</p></div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL,
                           "https://riverside.example.com/2023/11/20/night-buses"),
                   PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council votes to keep night buses");
  assert_field(f->art, PX_F_SOURCE, "Riverside Post");
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  int has_time;
  int64_t t = px_article_published(f->art, &has_time);
  assert_int_equal(has_time, 1);
  assert_int_equal(t, 1700438400); /* 2023-11-20 from the URL: no better evidence */
  /* No og:site_name: the domain is the outlet; <time datetime> is the date. */
  const char *h2 = "<html lang=\"de-AT\"><head><title>Kurz</title></head><body><article>"
                   "<time datetime=\"2022-02-01T10:00:00Z\">1. Februar</time>"
                   "<p>Die Stadtbibliothek bleibt wegen Renovierung bis Ende des Monats "
                   "geschlossen, teilte die Verwaltung am Dienstag mit.</p></article></body></html>";
  assert_int_equal(extract(f, h2, strlen(h2), NULL, "http://www.stadtblatt.example.at/a/1"), PX_OK);
  assert_field(f->art, PX_F_SOURCE, "stadtblatt.example.at");
  assert_field(f->art, PX_F_LANGUAGE, "de");
  assert_int_equal(px_article_published(f->art, NULL), 1643709600);
}

static void test_layouts(void **state) {
  fx *f = *state;
  /* An article cut into chunks of the same class, with ads and a rail
   * between them: all chunks, in order, and no ad. */
  const char *chunks =
      "<html><body><div class=\"page\"><div class=\"chunks\">"
      "<div class=\"grid\"><div class=\"article__body\"><p>First part of the story: the mountain "
      "railway will run again from May, after two years of repairs to the viaduct.</p><p>Engineers "
      "replaced forty steel girders, and the old stone piers were strengthened.</p></div>"
      "<div class=\"rail\"><div class=\"ad\">Buy shoes</div></div></div>"
      "<div class=\"ad-break\"><span>Advertisement</span></div>"
      "<div class=\"grid\"><div class=\"article__body\"><p>Second part: tickets go on sale in "
      "April, and season passes will cost the same as before the closure.</p><p>The operator "
      "expects eighty thousand passengers in the first summer, more than ever before.</p>"
      "<p>Local hotels said bookings for June were already up by a fifth.</p></div>"
      "<div class=\"rail\"><a href=\"/x\">Most popular stories this week</a></div></div>"
      "</div></div></body></html>";
  assert_int_equal(extract(f, chunks, strlen(chunks), NULL, NULL), PX_OK);
  px_str b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "First part of the story"));
  assert_true(has(b, "bookings for June were already up by a fifth."));
  assert_false(has(b, "Buy shoes"));
  assert_false(has(b, "Most popular"));
  assert_true(memmem(b.ptr, b.len, "First part", 10) < memmem(b.ptr, b.len, "Second part", 11));
  /* Text written straight into a column next to a sidebar of links. */
  const char *loose =
      "<html><head><title>Vandals damage two ambulances</title></head><body><div class=\"row\"><div class=\"col-3\"><ul><li><a href=\"/a\">Archive "
      "January</a></li><li><a href=\"/b\">Archive February</a></li><li><a href=\"/c\">Archive "
      "March</a></li><li><a href=\"/d\">Archive April</a></li></ul></div><div class=\"col-9\">"
      "<p class=\"t\">Vandals damage two ambulances</p><p>5 October 2018</p><img src=x>"
      "The home care team found two of its five vehicles broken into on Friday morning, with the "
      "batteries gone and the doors damaged. A police report was filed.<br><br>Patients booked "
      "for the morning were seen in the afternoon instead, the team said.</div></div>"
      "<footer><p>City Hall, Main Street 1, phone 555-0100, open from nine to five.</p></footer>"
      "</body></html>";
  assert_int_equal(extract(f, loose, strlen(loose), NULL, NULL), PX_OK);
  b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "two of its five vehicles broken into"));
  assert_true(has(b, "seen in the afternoon instead"));
  assert_false(has(b, "Archive"));
  assert_false(has(b, "City Hall"));
  /* The title and the dateline are not repeated in the body. */
  assert_false(has(b, "Vandals damage"));
  assert_false(has(b, "5 October 2018"));
  assert_field(f->art, PX_F_TITLE, "Vandals damage two ambulances");
  /* A news brief list whose items open with a link stays; a list of links goes. */
  const char *brief =
      "<html><body><article><p>Good morning! Here is what you need to know today, in brief.</p>"
      "<ol><li><strong><a href=\"/1\">The harbour board approved the new ferry terminal.</a></strong>"
      " Construction starts in March and should take about two years, the board said.</li>"
      "<li><strong><a href=\"/2\">The regional airline cut two routes.</a></strong> Flights to the "
      "islands will now leave from the main airport only, starting next month.</li>"
      "<li><strong><a href=\"/3\">School meals get cheaper.</a></strong> The council will pay half "
      "of the cost for every pupil from January, after a vote on Monday night.</li></ol>"
      "<ul><li><a href=\"/x\">Weather</a></li><li><a href=\"/y\">Traffic</a></li>"
      "<li><a href=\"/z\">Sport results</a></li></ul></article></body></html>";
  assert_int_equal(extract(f, brief, strlen(brief), NULL, NULL), PX_OK);
  b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "Construction starts in March"));
  assert_true(has(b, "The regional airline cut two routes."));
  assert_false(has(b, "Sport results"));
}

static void test_charsets(void **state) {
  fx *f = *state;
  /* Windows-1252 declared in <meta>: curly quotes and accents. */
  const char *cp =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><p>\x93" "Caf\xE9 cr\xE8me\x94, said the na\xEFve critic, who paid \x80" "4 for "
      "it at the station kiosk on a grey Monday morning in late autumn.</p></body></html>";
  assert_int_equal(extract(f, cp, strlen(cp), NULL, NULL), PX_OK);
  px_str b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "\xE2\x80\x9C" "Caf\xC3\xA9 cr\xC3\xA8me\xE2\x80\x9D"));
  assert_true(has(b, "\xE2\x82\xAC" "4"));
  assert_false(has(b, "\xEF\xBF\xBD"));
  /* ISO-8859-1 from the HTTP header hint, no meta. */
  const char *l1 = "<p>Die Stra\xDF" "e nach M\xFCnchen war am Sonntag wegen eines Unfalls f\xFCr "
                   "mehrere Stunden gesperrt, meldete die Polizei.</p>";
  assert_int_equal(extract(f, l1, strlen(l1), "text/html; charset=ISO-8859-1", NULL), PX_OK);
  b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "Stra\xC3\x9F" "e nach M\xC3\xBC" "nchen"));
  /* No declaration, not UTF-8: detected as Windows-1252. */
  assert_int_equal(extract(f, l1, strlen(l1), NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "M\xC3\xBC" "nchen"));
  /* UTF-8 BOM wins over a wrong meta. */
  const char *bom = "\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head><body>"
                    "<p>Z\xC3\xBCrich: Der See ist so klar wie seit Jahren nicht mehr, sagen "
                    "Taucher und Fischer.</p></body></html>";
  assert_int_equal(extract(f, bom, strlen(bom), NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "Z\xC3\xBCrich"));
  /* Shift_JIS through iconv. */
  const char *sj = "<html><head><meta charset=\"shift_jis\"></head><body><p>\x93\xFA\x96\x7B"
                   "</p></body></html>"; /* 日本 */
  assert_int_equal(extract(f, sj, strlen(sj), NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "\xE6\x97\xA5\xE6\x9C\xAC"));
  /* A label nobody knows is no declaration, as in a browser: the bytes
   * decide (here Windows-1252), in the page or in the transport. */
  const char *unk = "<html><head><meta charset=\"x-klingon-7\"></head><body><p>Caf\xE9 owners "
                    "in M\xFCnchen reopened on Monday after the flood, the city said.</p></body></html>";
  assert_int_equal(extract(f, unk, strlen(unk), NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "Caf\xC3\xA9 owners"));
  assert_true(has(px_article_get(f->art, PX_F_BODY), "M\xC3\xBC" "nchen"));
  assert_int_equal(extract(f, unk, strlen(unk), "text/html; charset=x-vulcan", NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "Caf\xC3\xA9 owners"));
  /* MySQL's name of UTF-8, and UTF-16 said in ASCII bytes: UTF-8. */
  const char *mb4 = "<html><head><meta charset=\"utf8mb4\"></head><body><p>Z\xC3\xBCrich "
                    "voters approved the new tram line on Sunday, officials said.</p></body></html>";
  assert_int_equal(extract(f, mb4, strlen(mb4), NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "Z\xC3\xBCrich voters"));
  const char *u16 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                    "charset=unicode\"></head><body><p>The harbour reopened to ferries on "
                    "Tuesday after the storm, the port authority said.</p></body></html>";
  assert_int_equal(extract(f, u16, strlen(u16), NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "The harbour reopened"));
}

static void test_hostile_pages(void **state) {
  fx *f = *state;
  /* Truncated in the middle of a tag. */
  const char *tr = "<html><body><div class=\"content\"><p>The ferry to the island was cancelled "
                   "on Friday because of high winds, the operator said in a statement.</p><p>Pass";
  assert_int_equal(extract(f, tr, strlen(tr), NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "The ferry to the island"));
  /* 10,000 unclosed nested tags. */
  px__buf deep;
  px__buf_init(&deep, 0);
  px__buf_puts(&deep, "<html><body>");
  for (int i = 0; i < 10000; i++) px__buf_puts(&deep, i % 2 ? "<div>" : "<span><b>");
  px__buf_puts(&deep, "<p>A paragraph at the bottom of a very deep tree, with enough words to "
                      "count as text, commas, and a full stop.</p>");
  assert_int_equal(extract(f, deep.ptr, deep.len, NULL, NULL), PX_OK);
  assert_true(has(px_article_get(f->art, PX_F_BODY), "bottom of a very deep tree"));
  px__buf_release(&deep);
  /* Empty and text-free pages: a clear "no text" error. */
  assert_int_equal(extract(f, "", 0, NULL, NULL), PX_ENOBODY);
  const char *nothing = "<html><head><script>var a = 1;</script></head><body><nav><a href=/>Home"
                        "</a></nav></body></html>";
  assert_int_equal(extract(f, nothing, strlen(nothing), NULL, NULL), PX_ENOBODY);
  assert_true(f->msg.len > 0);
  /* Binary junk does not crash. */
  char junk[4096];
  for (size_t i = 0; i < sizeof(junk); i++) junk[i] = (char)((i * 2654435761u) >> 13);
  int rc = extract(f, junk, sizeof(junk), NULL, NULL);
  assert_true(rc == PX_OK || rc == PX_ENOBODY);
}

static void test_large_page(void **state) {
  fx *f = *state;
  /* About 20 MB: a real article followed by a huge comment thread. */
  px__buf big;
  px__buf_init(&big, 0);
  px__buf_puts(&big, "<html><head><title>Big</title></head><body><article><h1>Big</h1>");
  for (int i = 0; i < 20; i++)
    px__buf_printf(&big, "<p>Paragraph %d of the article, which says something sensible about "
                         "the weather, the harbour, and the price of fish in the spring.</p>", i);
  px__buf_puts(&big, "</article><section class=\"comments\">");
  while (big.len < (size_t)20 << 20)
    px__buf_puts(&big, "<div class=\"comment\"><p>I agree with everything, and also with nothing "
                       "at all, said a reader from far away.</p></div>");
  px__buf_puts(&big, "</section></body></html>");
  clock_t t0 = clock();
  assert_int_equal(extract(f, big.ptr, big.len, NULL, NULL), PX_OK);
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  px_str b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "Paragraph 19 of the article"));
  assert_false(has(b, "I agree with everything"));
  assert_true(secs < 30);
  /* Over the record limit: a clear error, not an attempt. */
  px_ctx_set_limit(f->ctx, PX_LIMIT_RECORD_BYTES, 1 << 20);
  assert_int_equal(extract(f, big.ptr, big.len, NULL, NULL), PX_ETOOBIG);
  assert_non_null(strstr(f->msg.ptr, "record limit"));
  px_ctx_set_limit(f->ctx, PX_LIMIT_RECORD_BYTES, (size_t)64 << 20);
  px__buf_release(&big);
}

/* Page builders and app frameworks: the article split over blocks whose
 * class names a widget, sections several grid levels apart, React's
 * streamed hidden parts, lists with a furniture-like class, a single
 * headline as the title, a broken page that leaves it inside an <aside>. */
static void test_site_builders(void **state) {
  fx *f = *state;
  static const char builder[] =
      "<html><head><title>Harbour news - Site</title></head><body>"
      "<div class=\"elementor-section\"><div class=\"elementor-column\">"
      "<div class=\"elementor-widget-container\"><h1>Ferry service returns to the harbour</h1></div>"
      "<div class=\"elementor-widget-container\"><p>The ferry between the two islands ran again on "
      "Monday, three weeks after a fire closed its only pier, the operator said.</p></div>"
      "<div class=\"elementor-widget-container\"><p>Repairs to the pier cost about 2 million, "
      "paid by the regional council and the operator together, officials said.</p>"
      "<ul class=\"wp-block-list\"><li>Morning crossings resume at seven.</li>"
      "<li>Evening crossings resume next week.</li></ul></div>"
      "<div class=\"elementor-widget-container\"><p>Passengers waited in a long line at dawn, "
      "and the first boat left twelve minutes late because of the crowd.</p></div>"
      "</div><div class=\"sidebar-widget\"><p>Subscribe to our weekly letter for the news.</p>"
      "</div></div></body></html>";
  assert_int_equal(extract(f, builder, strlen(builder), NULL, NULL), PX_OK);
  px_str b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "ran again on Monday"));
  assert_true(has(b, "paid by the regional council"));
  assert_true(has(b, "Morning crossings resume at seven."));
  assert_true(has(b, "twelve minutes late"));
  assert_false(has(b, "weekly letter"));
  assert_field(f->art, PX_F_TITLE, "Ferry service returns to the harbour");

  static const char streamed[] =
      "<html><head><title>Streamed</title></head><body><template id=\"B:0\"></template>"
      "<div hidden id=\"S:0\"><article><p>The council voted on Tuesday to close the old "
      "market hall, after an engineer's report found its roof unsafe in high wind.</p>"
      "<p>Traders will move to a temporary site on the quay until the hall is rebuilt, "
      "which the council expects to take two years.</p></article></div>"
      "<div hidden><p>This hidden note is never shown to a reader of the page at all.</p></div>"
      "</body></html>";
  assert_int_equal(extract(f, streamed, strlen(streamed), NULL, NULL), PX_OK);
  b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "close the old market hall"));
  assert_false(has(b, "hidden note"));

  static const char grid[] =
      "<html><body><div class=\"page\"><section class=\"grid\"><div class=\"cell\"><div class=\"x\">"
      "<p>Section one of the guide explains how the tide tables are read, and why the "
      "harbour master publishes them each week, with the times and the heights.</p>"
      "<p>It also lists the moorings that dry out at low water, which owners must know.</p>"
      "</div></div></section><section class=\"grid\"><div class=\"cell\"><div class=\"x\">"
      "<p>Section two covers the fees for visitors, charged by the night and by the length "
      "of the boat, with a discount for stays of a week or more in the winter.</p>"
      "<p>Section two also says where to pay: at the office, or to the launch crew.</p>"
      "</div></div></section><section class=\"grid\"><div class=\"cell\"><div class=\"x\">"
      "<p>Section three is about safety on the pontoons, at night and in strong wind, "
      "and what to do if someone falls into the water between two boats.</p>"
      "<p>Section three ends with the emergency numbers, which every skipper should keep.</p>"
      "</div></div></section></div></body></html>";
  assert_int_equal(extract(f, grid, strlen(grid), NULL, NULL), PX_OK);
  b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "Section one of the guide"));
  assert_true(has(b, "Section two covers the fees"));
  assert_true(has(b, "Section three is about safety"));

  static const char misnested[] =
      "<html><body><aside class=\"announcement-banner\"><main><article>"
      "<p>The lighthouse keeper retired on Friday after forty years, the last keeper on the "
      "coast, and the light will now be run from the mainland by a computer.</p>"
      "<p>She said she would miss the storms most of all, and the quiet of the winter.</p>"
      "</article></main></body></html>";
  assert_int_equal(extract(f, misnested, strlen(misnested), NULL, NULL), PX_OK);
  b = px_article_get(f->art, PX_F_BODY);
  assert_true(has(b, "lighthouse keeper retired"));
}

static void test_reader_detects_html(void **state) {
  fx *f = *state;
  size_t n;
  char *html = slurp_fixture("article.html", &n);
  const char *dir = px_test_tmpdir();
  /* No .html extension: detected by content. */
  char *path = px_test_write(dir, "page-0042.dat", html, n);
  px_reader *rd;
  assert_int_equal(px_reader_open(f->ctx, path, &rd), PX_OK);
  px_article *a;
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_ID, "page-0042");
  assert_field(a, PX_F_TITLE, "Harbour bridge reopens after storm repairs");
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  /* A gzip-compressed page reads the same. */
  px_test_sh("gzip -c %s > %s/page.html.gz", path, dir);
  char gz[256];
  snprintf(gz, sizeof(gz), "%s/page.html.gz", dir);
  assert_int_equal(px_reader_open(f->ctx, gz, &rd), PX_OK);
  assert_int_equal(px_reader_next(rd, &a), PX_OK);
  assert_field(a, PX_F_BYLINE, "Mara Lind, Tomas Okafor");
  px_reader_free(rd);
  /* The same page with its gzip stream cut short: a clear error, no article. */
  px_test_sh("head -c 1500 %s > %s/cut.html.gz", gz, dir);
  snprintf(gz, sizeof(gz), "%s/cut.html.gz", dir);
  assert_int_equal(px_reader_open(f->ctx, gz, &rd), PX_OK);
  int rc = px_reader_next(rd, &a);
  assert_true(rc == PX_ETRUNCATED);
  assert_non_null(strstr(px_reader_error(rd), "cut.html.gz"));
  assert_int_equal(px_reader_next(rd, &a), PX_EOF);
  px_reader_free(rd);
  px_test_sh("rm -rf %s", dir);
  free(path);
  free(html);
}

/* The page kind: an article is one; a product page, a listing of teasers
 * and a thin page are not, and are marked (or rejected on request). */
static void test_not_article(void **state) {
  fx *f = *state;
  char para[4096] = "";
  for (int i = 0; i < 6; i++)
    strcat(para, "<p>The council met on Tuesday evening to weigh the harbour plan, and members "
                 "argued for two hours over the cost, the dredging schedule and what the "
                 "fishermen had been promised when the work began last spring.</p>");
  char page[8192];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Council weighs harbour plan | Courier</title>"
                   "<meta property=\"og:type\" content=\"article\"></head><body>"
                   "<h1>Council weighs harbour plan</h1><p class=\"meta\">Published on "
                   "March 5th, 2024 &bull; 4 min read</p><div><span>Written by</span></div>"
                   "<div>Mara Lind</div><article>%s</article></body></html>",
                   para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://courier.example.org/a"), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council weighs harbour plan");
  assert_field(f->art, PX_F_BYLINE, "Mara Lind");
  int has;
  int64_t t = px_article_published(f->art, &has);
  assert_int_equal(has, 1);
  assert_int_equal(t, 1709596800); /* 2024-03-05, from the text line */
  assert_int_equal(px_article_get(f->art, PX_F_META).len, 0);
  /* <meta name="charset" content="utf-8">: the label is the content. */
  n = snprintf(page, sizeof(page),
               "<html><head><meta name=\"charset\" content=\"utf-8\"/><title>Caf\xC3\xA9 "
               "reopens</title></head><body><article>%s</article></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Caf\xC3\xA9 reopens");
  /* A site name in an <h1> is not the title. */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Council weighs harbour plan - The Courier</title></head>"
               "<body><h1>The Courier</h1><article><p>By <a href=\"/x\">Tomas Okafor</a></p>"
               "<time datetime=\"2024-03-05\">5 March</time>%s</article></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council weighs harbour plan");
  assert_field(f->art, PX_F_BYLINE, "Tomas Okafor");
  /* A product page (JSON-LD Product), with a long description. */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Harbour kettle</title><script type=\"application/ld+json\">"
               "{\"@type\":\"Product\",\"name\":\"Harbour kettle\",\"offers\":{\"@type\":"
               "\"Offer\",\"price\":\"20\"}}</script></head><body><h1>Harbour kettle</h1>"
               "<div>%s</div><button>Add to cart</button></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_META, "{\"not_article\":\"product\"}");
  /* A listing: teaser links and no date, no byline, no long paragraph. */
  char list[8192] = "<html><head><title>News</title></head><body><h1>Latest news</h1><ul>";
  for (int i = 0; i < 20; i++) {
    char li[256];
    snprintf(li, sizeof(li), "<li><a href=\"/n/%d\">Story number %d about the harbour</a> "
                             "<p>A short teaser.</p></li>", i, i);
    strcat(list, li);
  }
  strcat(list, "</ul></body></html>");
  int rc = extract(f, list, strlen(list), NULL, NULL);
  assert_true(rc == PX_ENOBODY || (rc == PX_OK && px_article_get(f->art, PX_F_META).len > 0));
  /* Rejected on request, with the kind in the message. */
  px_ctx_skip_not_articles(f->ctx, 1);
  n = snprintf(page, sizeof(page),
               "<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\"}"
               "</script></head><body><div>%s</div></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_ENOBODY);
  assert_string_equal(f->msg.ptr, "not an article (product page)");
  px_ctx_skip_not_articles(f->ctx, 0);
  assert_int_equal(px_ctx_skip_not_articles(NULL, 1), PX_EINVAL);
}

/* Titles: a short tail after " | " (a section, a site) is dropped; an <h1>
 * that only names the blog gives way to the page's title.  Dates keep the
 * offset the page stated them in, so the day is the page's own. */
static void test_title_tail_and_offset(void **state) {
  fx *f = *state;
  const char *para =
      "<p>The city council voted on Monday to keep the night bus service running for another "
      "year, after a petition gathered more than four thousand signatures in three weeks.</p>"
      "<p>Supporters said the buses were the only safe way home for shift workers, while the "
      "finance committee warned that the subsidy would have to be found elsewhere.</p>"
      "<p>The service will be reviewed again next spring, the council said.</p>";
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>x</title>"
                   "<meta property=\"og:title\" content=\"Why night buses matter | Opinion\">"
                   "<meta property=\"article:published_time\" content=\"2024-06-25T21:30:00-04:00\">"
                   "</head><body><div class=\"post\"><h1>Why night buses matter | Opinion</h1>%s"
                   "</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Why night buses matter");
  int has, has_off;
  int64_t t = px_article_published(f->art, &has);
  assert_int_equal(has, 1);
  assert_int_equal(t, 1719365400); /* 2024-06-26T01:30:00Z */
  assert_int_equal(px_article_published_offset(f->art, &has_off), -240);
  assert_int_equal(has_off, 1);
  /* the page's day: 2024-06-25 */
  assert_int_equal((t + px_article_published_offset(f->art, NULL) * 60) / 86400, 19899);
  /* A blog's name in the only <h1>; the post's title in <title>.  A bare
   * date states no offset. */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Keeping the night buses running - Ana's Notes</title>"
               "<meta name=\"date\" content=\"2024-06-25\"></head><body>"
               "<header><h1>Ana's Notes</h1></header><div class=\"post\">%s</div></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Keeping the night buses running");
  assert_int_equal(px_article_published(f->art, NULL), 1719273600);
  assert_int_equal(px_article_published_offset(f->art, &has_off), 0);
  assert_int_equal(has_off, 0);
  /* Nor is a section name of four words over the post (the <h1> shares
   * one word of four with the longer title). */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Why the council kept the night buses running</title>"
               "</head><body><div class=\"post\"><h1>Our City Transport Desk</h1>%s</div>"
               "</body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Why the council kept the night buses running");
  /* A dash tail of many words is part of the headline. */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses - what the council decided and why</title>"
               "</head><body><div class=\"post\"><h1>Night buses - what the council decided "
               "and why</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Night buses - what the council decided and why");
  /* set_published clears the offset; an offset needs a time and a sane range */
  px_article_set_published(f->art, 0);
  assert_int_equal(px_article_published_offset(f->art, &has_off), 0);
  assert_int_equal(has_off, 0);
  assert_int_equal(px_article_set_published_offset(f->art, 19 * 60), PX_EINVAL);
  assert_int_equal(px_article_set_published_offset(f->art, 330), PX_OK);
  assert_int_equal(px_article_published_offset(f->art, NULL), 330);
  px__article_clear(f->art);
  assert_int_equal(px_article_set_published_offset(f->art, 60), PX_EINVAL);
}

/* Two paragraphs of an invented article, the body the metadata tests wrap
 * in pages of their own. */
static const char k_night_buses[] =
    "<p>The city council voted on Monday to keep the night bus service running for another "
    "year, after a petition gathered more than four thousand signatures in three weeks.</p>"
    "<p>Supporters said the buses were the only safe way home for shift workers, while the "
    "finance committee warned that the subsidy would have to be found elsewhere.</p>";

/* Bylines: a handle the structured data declares is kept as it is spelled;
 * "Written by" in twitter:label1 names twitter:data1; a byline element's
 * filter labels ("By Category") are not names; a bullet ends a byline;
 * the scholarly metas name every author, surname first; the authors'
 * links set out as a list ("A, B & C") name them all; an organisation's
 * name keeps its "and"; a bracket inside a name is left out; one word in
 * the metadata yields to a full name in the byline; "with" joins names. */
static void test_byline_sources(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title><meta name=\"author\" content=\"nightowl_42\">"
                   "</head><body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "nightowl_42");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title>"
               "<meta name=\"twitter:label1\" content=\"Written by\">"
               "<meta name=\"twitter:data1\" content=\"Ana Ruiz\"></head><body>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body>"
               "<div class=\"filters\"><span class=\"byline\">By Category</span></div>"
               "<div class=\"post-byline-date\">By Ana Ruiz \xE2\x80\xA2 March 12, 2025</div>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  /* scholarly metas: one per author, surname first */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title>"
               "<meta name=\"citation_author\" content=\"Ruiz, Ana\">"
               "<meta name=\"citation_author\" content=\"Lind, Bo\"></head><body>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz, Bo Lind");
  /* the authors' links side by side name them all, though the meta names
   * the first alone; a profile link beside them is no author */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title><meta name=\"author\" content=\"Ana Ruiz\">"
               "</head><body><div class=\"names\"><a href=\"/author/ana\">Ana Ruiz</a>"
               "<span>, </span>\n   <a href=\"/author/bo\">Bo Lind</a> &amp; "
               "<a href=\"/author/cy\">Cy Moss</a><a href=\"/author/cy\">View Profile</a></div>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz, Bo Lind, Cy Moss");
  /* links not set out as a list are not */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title><meta name=\"author\" content=\"Ana Ruiz\">"
               "</head><body><div class=\"names\"><a href=\"/author/ana\">Ana Ruiz</a>"
               " edited by <a href=\"/author/bo\">Bo Lind</a></div>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  /* an organisation's "and" is no list's; two people's is */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title>"
               "<meta name=\"author\" content=\"Office for Transit Planning and Safety\"></head>"
               "<body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Office for Transit Planning and Safety");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title>"
               "<meta name=\"author\" content=\"By Ana Ruiz and Bo Lind\"></head>"
               "<body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz, Bo Lind");
  /* a bracket inside a name is left out, one after it cut */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title>"
               "<meta name=\"author\" content=\"Ana (Lopez) Ruiz (Transit Desk)\"></head>"
               "<body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  /* one word in the metadata yields to the full name the byline gives;
   * alone, it stays */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title><meta name=\"author\" content=\"AnaR\">"
               "</head><body><div class=\"post\"><span class=\"byline\">By Ana Ruiz</span>%s"
               "</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title><meta name=\"author\" content=\"AnaR\">"
               "</head><body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "AnaR");
  /* "with" joins two names in a byline */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<span class=\"author\">By Ana Ruiz with Bo Lind</span>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz with Bo Lind");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<p class=\"post-author\">Authors: Ana Ruiz and Bo Lind, transit reporters</p>%s</div>"
               "</body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz, Bo Lind");
}

/* Furniture paragraphs by how they begin (a newsletter's pitch, a
 * referral call, a subscribers-only notice among them), and the author's
 * note at the end of the article, stay out of the body. */
static void test_furniture_lines(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Night buses</title><meta name=\"author\" content=\"Ana Ruiz\">"
      "</head><body><div class=\"post\">"
      "<p>The city council voted on Monday to keep the night bus service running for another "
      "year, after a petition gathered more than four thousand signatures in three weeks.</p>"
      "<p>You might also like: Ten routes that changed the city</p>"
      "<p>Supporters said the buses were the only safe way home for shift workers, while the "
      "finance committee warned that the subsidy would have to be found elsewhere.</p>"
      "<p>Talk to our transit experts</p>"
      "<p>Help me spread the word about this column!</p>"
      "<p>This article is exclusive to Owl+ subscribers</p>"
      "<p>Subscribe to The Owl, a free daily newsletter that features the best of the city's "
      "transport, budgets and neighbourhoods, delivered every morning.</p>"
      "<p>Love The Owl? Tell your friends and get rewards.</p>"
      "<p>Disclosure: this page may contain affiliate links and we may earn a commission.</p>"
      "<p>Ana Ruiz is a freelance writer who covers transport and city budgets.</p>"
      "<p>Love stories like this? Our weekly newsletter brings them to your inbox; follow us "
      "on Instagram too.</p>"
      "<p>Image source: City Transit Archive</p>"
      "<p>In partnership with</p>"
      "<p>Comment via: the forum, the newsletter</p>"
      "<p>Night Owl Notes is a production of Owl Media. If you liked this article, please "
      "consider sharing it with a friend who rides the night bus.</p>"
      "<p>Owl readers get 20% off your first month of the Night Pass with code OWL20.</p>"
      "<h2>Alternate versions</h2>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "four thousand signatures"));
  assert_true(has(body, "found elsewhere."));
  const char *bad[] = {"You might also like", "Talk to our", "Disclosure", "freelance writer",
                       "weekly newsletter", "spread the word", "exclusive to", "daily newsletter",
                       "Tell your friends", "Image source", "In partnership", "Comment via",
                       "a production of", "OWL20", "Alternate versions", NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("furniture \"%s\" in the body", bad[i]);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
}

/* Dates: one on its own indented line after a label, one cut at "@"
 * after a weekday, one in the address the page was fetched from when its
 * own og:url is percent-encoded. */
static void test_text_and_url_dates(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title></head><body><div class=\"post\">"
                   "<span class=\"when\">\n                                            "
                   "Published: January 3, 2024                                        </span>"
                   "%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1704240000); /* 2024-01-03 */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<time>on Friday December 19, 2025 @08:00PM</time>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1766102400); /* 2025-12-19 */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title><meta property=\"og:url\" "
               "content=\"https://example.org%%2Fnotes%%2F2025-12-15%%2BNight%%2Bbuses\">"
               "</head><body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://example.org/notes/2025-12-15+Night+buses"),
                   PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1765756800); /* 2025-12-15 */
  /* A date in the text that the address's year and month contradict is
   * another's (a book's release), not the page's; one they agree with stays. */
  const char *rel = "<html><head><title>Night buses</title></head><body><div class=\"post\">"
                    "<span class=\"when\">\n                                            "
                    "June 17, 2025                                        </span>%s</div>"
                    "</body></html>";
  n = snprintf(page, sizeof(page), rel, para);
  int has;
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://example.org/2025/12/night-buses"),
                   PX_OK);
  px_article_published(f->art, &has);
  assert_int_equal(has, 0);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://example.org/2025/06/night-buses"),
                   PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1750118400); /* 2025-06-17 */
  /* Of two loosely named "publish" metas the earlier: the later is the
   * time the page was built. */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title>"
               "<meta name=\"published-time\" content=\"2026-03-09T08:45:32.183Z\">"
               "<meta name=\"published-date\" content=\"2021-02-16\"></head><body>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1613433600); /* 2021-02-16 */
}

/* Bylines: a component class ending in "__author" holds the name; the
 * site's own name as the structured data's author yields to that person;
 * a date before a middle dot is passed over; "admin" is no name; a
 * commenter's class is not the author's. */
static void test_byline_components(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title>"
                   "<meta property=\"og:site_name\" content=\"City Transit News\">"
                   "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":"
                   "{\"@type\":\"Person\",\"name\":\"City Transit News\"}}</script></head><body>"
                   "<div class=\"post\"><div class=\"post-hero__author\">Ana Ruiz</div>%s"
                   "<div class=\"comment-author\">Bo Lind</div></div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  /* with no person anywhere, the site's name stays */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title>"
               "<meta property=\"og:site_name\" content=\"City Transit News\">"
               "<meta name=\"author\" content=\"City Transit News\"></head><body>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "City Transit News");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title><meta name=\"author\" content=\"Admin\">"
               "</head><body><div class=\"post\"><div class=\"publish-date-author\">"
               "Dec. 19, 2025 &middot; Niko Marr</div>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Niko Marr");
  /* a "By " label element followed by the name as plain text */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<p class=\"meta\"><span class=\"lbl\">By </span>Scott Pell</p>%s</div></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Scott Pell");
}

/* Titles: an <h1> that is a lead-in ending in a colon or a paragraph is
 * passed over; a "Title:" label and a date before the headline go. */
static void test_title_heads(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Council keeps the night buses | Transit Weekly</title></head>"
                   "<body><div class=\"post\"><h1>A note from our editor:</h1>%s</div></body></html>",
                   para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council keeps the night buses");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Council keeps the night buses</title></head><body>"
               "<div class=\"post\"><h1>Find out how the council decided to keep the night bus "
               "service running for another year and what it means for the shift workers who "
               "depend on it every single night of the week.</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council keeps the night buses");
  n = snprintf(page, sizeof(page),
               "<html><head><title>x</title></head><body><div class=\"post\">"
               "<h1>Dec 18 2025 Council keeps the night buses</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council keeps the night buses");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Title:Council keeps the night buses</title></head><body>"
               "<div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council keeps the night buses");
  /* a label before the headline that the page's own titles do not carry */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Council keeps the night buses for a year | Transit Weekly</title>"
               "</head><body><div class=\"post\"><h1>Blog: Council keeps the night buses for a "
               "year</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council keeps the night buses for a year");
  /* a colon that is the headline's own stays */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses: council keeps them | Transit Weekly</title>"
               "</head><body><div class=\"post\"><h1>Night buses: council keeps them</h1>%s"
               "</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Night buses: council keeps them");
}

/* Dates: day.month.year and month/day/year written in digits on their own
 * line; a time stated in UTC that falls the day after the date in the
 * page's address takes the address's day (the outlet's local day), while
 * a time with its own offset, or one the address does not contradict,
 * stands. */
static void test_numeric_and_local_dates(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title></head><body><div class=\"post\">"
                   "<p class=\"meta\">Ann Lee</p><div><span>23.07.2025</span><span> \xC2\xB7 "
                   "</span></div>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1753228800); /* 2025-07-23 */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<div><i>Updated: 10/31/2024</i></div>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1730332800); /* 2024-10-31 */
  const char *stamps[] = {"2025-12-19T02:41:41+00:00", "2025-12-18T21:41:41-05:00"};
  const char *urls[] = {"https://example.org/2025/12/18/night-buses/",
                        "https://example.org/news/night-buses/"};
  for (int k = 0; k < 4; k++) {
    n = snprintf(page, sizeof(page),
                 "<html><head><title>Night buses</title><meta property=\"article:published_time\" "
                 "content=\"%s\"></head><body><div class=\"post\">%s</div></body></html>",
                 stamps[k & 1], para);
    assert_int_equal(extract(f, page, (size_t)n, NULL, urls[k >> 1]), PX_OK);
    int64_t t = px_article_published(f->art, NULL);
    int off = px_article_published_offset(f->art, NULL);
    int64_t day = (t + off * 60) / 86400;
    /* the UTC stamp without a dated address stays on the 19th */
    assert_int_equal(day, k == 2 ? 20441 : 20440);
    if (k == 0) assert_int_equal(t, 1766016000);
  }
}

/* Bylines: a class naming the author's name part ("author-box__name");
 * a commenter's name class is not the author; an "Article by" label
 * heading followed by the name. */
static void test_byline_name_parts(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title></head><body><div class=\"post\">%s"
                   "</div><div class=\"comment\"><span class=\"comment-author-name\">Bob Stone"
                   "</span><p>Great.</p></div><div class=\"widget-author-box\"><h4 "
                   "class=\"widget-author-box__name\"> Liz Kenny </h4></div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Liz Kenny");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">%s"
               "</div><div class=\"about\"><h2>Article by</h2><div class=\"who\">Matias "
               "Heikkil\xC3\xA4</div></div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Matias Heikkil\xC3\xA4");
}

/* An <h1> that names the site by its host (the blog's masthead above the
 * post) is not the title, and its name is cut from the <title> chosen
 * instead; a headline that only shares a word with a label of the host
 * stays the title. */
static void test_title_host_masthead(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>riverside.example Night buses stay</title></head><body>"
                   "<header><h1>riverside.example</h1></header><div class=\"post\">%s</div>"
                   "</body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://riverside.example/2025/buses"), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Night buses stay");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Council keeps the night buses | Owl Notes</title></head><body>"
               "<header><h1>Owl Notes</h1></header><div class=\"post\">%s</div></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://www.owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council keeps the night buses");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Data Owl: Council keeps the night buses</title>"
               "<meta property=\"og:title\" content=\"Council keeps the night buses\"></head><body>"
               "<header><h1>Data Owl Blog</h1></header><div class=\"post\"><h1>Late shifts</h1>%s"
               "</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://blog.dataowl.example/x"), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Council keeps the night buses");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Making Riverside Sans</title></head><body><div class=\"post\">"
               "<h1>Making Riverside Sans Type</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://design.riverside/x"), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Making Riverside Sans Type");
  /* the site's name and address before the headline */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Owl Notes! | OwlNotes.example - Five night routes worth a ride"
               "</title></head><body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://www.owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Five night routes worth a ride");
}

/* A one-word <h1> found inside a longer title is a label, not the
 * headline; one that starts the title (the title less a site's name) is
 * the headline. */
static void test_title_one_word_h1(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>How the night buses beat the trams in Riverside</title>"
                   "<meta property=\"og:title\" content=\"How the night buses beat the trams in "
                   "Riverside\"></head><body><div class=\"post\"><h1>notes/buses.md</h1>"
                   "<h1>Riverside</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "How the night buses beat the trams in Riverside");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Buses - Riverside Transit Authority</title></head><body>"
               "<div class=\"post\"><h1>Buses</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Buses");
}

/* Dates: a month named in the address (/2023/october/03/) is that day,
 * before a day and month in digits the text leaves ambiguous; a date
 * after the bars of a byline line ("Name | Role | July 2, 2025"); the
 * day a <time> element shows for its UTC datetime. */
static void test_named_month_and_byline_dates(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title></head><body><div class=\"post\">"
                   "<span class=\"when\">\n            03/10/2023\n        </span>%s</div>"
                   "</body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://example.org/blog/2023/october/03/buses/"),
                   PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1696291200); /* 2023-10-03 */
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://example.org/blog/2023/oct/03/buses"),
                   PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1696291200);
  /* a word that only starts like a month is no month */
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://example.org/2023/marketing/03/buses"),
                   PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1678406400); /* 2023-03-10 */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><header><h1>Night buses</h1>"
               "<p>Ana Ruiz | Senior Writer | July 2, 2025</p></header><div class=\"post\">%s"
               "</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1751414400); /* 2025-07-02 */
  /* a UTC time the <time> element shows as the day before: that day */
  const char *shown = "<html><head><title>Night buses</title></head><body><div class=\"post\">"
                      "<span>Posted <time itemprop=\"datePublished\" datetime=\"2026-02-24T04:13:00Z\">"
                      "%s</time></span>%s</div></body></html>";
  n = snprintf(page, sizeof(page), shown, "February 23, 2026", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1771804800); /* 2026-02-23 */
  n = snprintf(page, sizeof(page), shown, "February 24, 2026", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_int_equal(px_article_published(f->art, NULL), 1771906380); /* 2026-02-24T04:13Z */
}

/* An author that is one word naming the site's host ("Owlnotes" on
 * owlnotes.example, the outlet in the author meta tag) yields to the
 * person the page's byline names. */
static void test_byline_host_named(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title><meta name=\"author\" content=\"Owlnotes\">"
                   "</head><body><div class=\"post\"><span class=\"byline\">By Ana Ruiz</span>%s"
                   "</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://www.owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  /* alone, it stays */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title><meta name=\"author\" content=\"Owlnotes\">"
               "</head><body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://www.owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Owlnotes");
}

/* A JSON-LD author given as a reference to a @graph Person is that
 * Person's name; a byline element whose name is followed by a date in its
 * own block gives the name alone. */
static void test_byline_ld_ref_and_date(void **state) {
  fx *f = *state;
  const char *para = k_night_buses;
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Night buses</title><script type=\"application/ld+json\">"
                   "{\"@graph\":[{\"@type\":\"Article\",\"headline\":\"Night buses\","
                   "\"author\":{\"@id\":\"https://owlnotes.example/#p1\"}},"
                   "{\"@type\":\"Person\",\"@id\":\"https://owlnotes.example/#p1\","
                   "\"name\":\"Ana Ruiz\"}]}</script>"
                   "</head><body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<div class=\"post-author-details\"><p>Tomas Okafor</p><small>December 17, 2025</small>"
               "</div>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Tomas Okafor");
  /* a component's class with a CSS-modules hash */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<p class=\"Author_author__4ceOm\">Mara Lind</p>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Mara Lind");
  /* "Contributors:" before the name; a menu link of that name is no label */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><ul><li><a href=\"/c\">"
               "<span>Contributors</span></a></li><li><a href=\"/s\">Online Services</a></li></ul>"
               "<div class=\"post\"><div><strong>Contributors:</strong> Ana Ruiz</div>%s</div>"
               "</body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  /* a "by-line" class; a link to a contributor's page */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<p class=\"author-by-line-text\"><span>By </span>Tomas Okafor</p>%s</div></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Tomas Okafor");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><nav><a href=\"/about/contributors/\">"
               "Contributors</a></nav><div class=\"post\"><p>Text: <a href=\"/contributor/ana-ruiz/\">"
               "Ana Ruiz</a></p>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz");
  /* JSON-LD text escaped for HTML as well */
  n = snprintf(page, sizeof(page),
               "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
               "\"headline\":\"The council&#8217;s vote &amp;amp; the night buses&#x21;\","
               "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz &amp; Mara Lind\"}}"
               "</script></head><body><div class=\"post\">%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_TITLE, "The council\xE2\x80\x99s vote & the night buses!");
  assert_field(f->art, PX_F_BYLINE, "Ana Ruiz, Mara Lind");
  /* a label whose name the page fills in later is no name */
  n = snprintf(page, sizeof(page),
               "<html><head><title>Night buses</title></head><body><div class=\"post\">"
               "<div class=\"post-author\">Written By <a class=\"author-name\"></a></div>%s"
               "</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, "https://owlnotes.example/p/1"), PX_OK);
  assert_field(f->art, PX_F_BYLINE, "");
}

/* Boxes inside the article that are not the article: a form (a download
 * or sign-up box), a call to act ("cta"), a disclosure, a part of the post
 * named block__element ("entry__author-box") or with a long cut word after
 * the keep word ("article-comments"), and the comment form's notes.  A
 * short cut word beside a keep word in one part ("content-nav-section") is
 * still the article's. */
static void test_boxes_in_article(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>River ferries</title></head><body><article class=\"post\">"
      "<div class=\"entry-content\">"
      "<p>The river ferries will run every twenty minutes from May, the transport board said on "
      "Thursday, after a year in which crossings were cut to one an hour.</p>"
      "<div class=\"content-nav-section\"><p>Boat crews, who had warned that the slower timetable "
      "pushed commuters onto the crowded bridge, welcomed the decision but asked for more staff, "
      "a second mechanic on each shift and a fair rota.</p></div>"
      "<form action=\"/get\"><p>Fill in this form to download every timetable we publish.</p>"
      "<input name=\"email\"></form>"
      "<div class=\"short-cta\"><h2>Plan your crossing</h2><p>Find the next departure near you "
      "in seconds.</p></div>"
      "<div class=\"contentAdvertiserDisclosure\"><p>Offers on this page come from partners who "
      "pay us when readers click.</p></div>"
      "<p>The board expects the new timetable to cost about two million a year, paid from fares "
      "and a grant the regional government approved in the spring budget.</p>"
      "<p>Already have an account? Log in</p>"
      "</div>"
      "<div class=\"entry__author-box\"><p>Rosa Vale writes about rivers, trains and the people "
      "who run them, and has covered the port for ten years.</p></div>"
      "<div class=\"article-comments\"><p>Jo wrote: a great piece on the ferries, thank you for "
      "covering the crews as well as the fares.</p>"
      "<p>By posting a comment you agree to the house rules.</p></div>"
      "</article></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "every twenty minutes"));
  assert_true(has(body, "a second mechanic on each shift"));
  assert_true(has(body, "spring budget."));
  const char *bad[] = {"Fill in this form", "Plan your crossing", "next departure", "Offers on this page",
                       "Already have an account", "Rosa Vale writes", "Jo wrote", "By posting a comment",
                       NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("box \"%s\" in the body", bad[i]);
}

/* A post's footnotes, a share plugin's and an off-canvas menu's blocks
 * named by one word, and the lines of a newsletter, paywall or donation
 * box (a short paragraph asking to sign up for a newsletter) are not the
 * article's text; a sentence about a newsletter is. */
static void test_footnotes_and_prompts(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Tide tables</title></head><body>"
      "<div class=\"post-content\">"
      "<p>The harbour office will print its tide tables on paper again this year, after "
      "fishermen complained that the phone app failed them at sea.</p>"
      "<p>This story was produced by The Harbour Courier, an independent newsroom on the coast. "
      "Sign up for our weekly newsletter to get the next one.</p>"
      "<div class=\"offcanvas\"><p>Harbour guide, tide tables, the ferry timetable and the "
      "weekend markets, all in one place for visitors.</p></div>"
      "<p>The first printing of two thousand copies is free at the office and at the ferry "
      "kiosk, and a second printing is planned for the summer season.</p>"
      "<p>The office also mails a newsletter to every boat owner each spring, with the tables "
      "for the year and the dates of the harbour dredging.</p>"
      "<p>Since you made it to the bottom of this article, we have a small favor to ask.</p>"
      "<p>By subscribing, you agree to our terms and our privacy rules.</p>"
      "<p>Become a paid subscriber to read the whole archive.</p>"
      "<div class=\"sharedaddy\"><p>Tell the crew about this story and the next one.</p></div>"
      "<div class=\"authorbox\"><p>Ines Moor covers the port, the fishing fleet and the "
      "weather for the paper.</p></div>"
      "<section class=\"footnotes\"><ol><li><p>Tables are computed from the port's own gauge "
      "over nineteen years of readings.</p></li></ol></section>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "failed them at sea."));
  assert_true(has(body, "planned for the summer season."));
  assert_true(has(body, "mails a newsletter to every boat owner"));
  const char *bad[] = {"Harbour guide", "Sign up for our weekly", "made it to the bottom", "By subscribing", "paid subscriber",
                       "Tell the crew", "Ines Moor", "nineteen years", NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("furniture \"%s\" in the body", bad[i]);
}

/* The page marks its article's body (schema.org articleBody): the author
 * box and the reading list beside it in the same container are not the
 * article; a sticky bar's call inside it is cut by its class. */
static void test_article_body_marked(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Bridge tolls</title></head><body><div class=\"story\">"
      "<div itemprop=\"articleBody\">"
      "<p>Tolls on the old bridge will rise by ten cents in March, the authority said, the first "
      "increase in six years and smaller than the one it asked for.</p>"
      "<p>Commuters who cross twice a day will pay about forty dollars more a year, and the "
      "authority promised that the money would go to the deck repairs.</p>"
      "<div class=\"sticky-bar\"><p>Plan every trip across the river with our free toll "
      "calculator for drivers.</p></div>"
      "<p>The regional council approved the rise by seven votes to four after a long debate in "
      "which members from the east bank asked for a discount for residents.</p>"
      "<p>The authority said a discount would cost more to run than it would save, because "
      "every car would have to be checked against a list of addresses at the gate.</p>"
      "<p>Work on the deck is due to start in the autumn and to last two years, with one lane "
      "closed at night and both lanes open during the day.</p>"
      "<p>A new bridge downstream, first proposed in the nineteen-nineties, remains on the "
      "council's list of projects without money or a date.</p>"
      "</div>"
      "<div><p>Mira Holt has reported on roads, bridges and transit budgets for the paper since "
      "the flood, and lives on the east bank.</p></div>"
      "<div><p>Readers also liked our guide to the cheapest ways of parking downtown over the "
      "holidays, with maps.</p></div>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "smaller than the one it asked for."));
  assert_true(has(body, "seven votes to four"));
  const char *bad[] = {"toll calculator", "Mira Holt", "Readers also liked", NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("\"%s\" is not the article's text", bad[i]);
}

/* A call to act set over a button in the article's own markup, with no
 * class to name it, is cut; a product's name over its shop button and a
 * sentence before a button stay. */
static void test_button_pitch(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Quiet kettles</title></head><body><div class=\"entry-content\">"
      "<p>We boiled water in nine kettles over two weeks and measured how loud each one was at "
      "a metre, with the kitchen door closed and the fridge unplugged.</p>"
      "<p class=\"has-text-align-center\"><strong>Stop guessing. Talk to our kitchen "
      "experts</strong></p>"
      "<div class=\"wp-block-buttons\"><a class=\"wp-block-button__link\" href=\"/c\">Talk to "
      "us!</a></div>"
      "<p>The quietest kettle, a steel model with a thick base, stayed under forty decibels until "
      "the last seconds, when the lid began to rattle against its hinge.</p>"
      "<h3>Brightwater K2 Kettle</h3>"
      "<a class=\"btn btn-buy\" href=\"/k2\">Buy on Amazon</a>"
      "<p>The loudest one whistled on purpose, which some readers will like and others will "
      "not, and it took the longest to boil a full litre of cold water.</p>"
      "<p>Get a descaling kit free with your first order</p>"
      "<div class=\"elementor-widget elementor-widget-button\"><a class=\"elementor-button\" "
      "href=\"/kit\">Get my kit</a></div>"
      "<h3>Save time on every brew</h3><p>Kettlewise tracks every boil for you.</p>"
      "<a class=\"btn\" href=\"/demo\">Book a demo</a>"
      "<p>Every kettle was bought at full price.</p>"
      "<a class=\"button\" href=\"/method\">Get the method</a>"
      "<p>We will test the same kettles again after six months of daily use, to see which of "
      "them keep their quiet once scale builds up inside.</p>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "fridge unplugged."));
  assert_true(has(body, "Brightwater K2 Kettle"));
  assert_true(has(body, "bought at full price."));
  assert_true(has(body, "scale builds up inside."));
  assert_false(has(body, "Stop guessing"));
  assert_false(has(body, "descaling kit"));
  assert_false(has(body, "Save time on every brew"));
  assert_false(has(body, "Kettlewise"));
}

/* Lines any template prints around a post (a table of contents' heading,
 * a feedback widget, a comment form's notes, a note to readers not signed
 * in, a post's filing) are not the article's text. */
static void test_template_lines(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Night trains</title></head><body><div class=\"post-body\">"
      "<h2>Table of Contents</h2>"
      "<p>The night train to the coast returns in June after four years, the rail company said, "
      "with sleeping cars refitted in the workshop at the old depot.</p>"
      "<p>Tickets go on sale in April, and a berth will cost about the price of a hotel room, "
      "which the company says is fair for a trip that saves a night away.</p>"
      "<p>Was this page helpful?</p>"
      "<p>Thanks for your feedback!</p>"
      "<p>Filed under: Rail, Travel</p>"
      "<p>Related articles that may interest you</p>"
      "<p>Your email address will not be published. Required fields are marked *</p>"
      "<h3>Create an account or sign in to comment</h3>"
      "<p>You need to be a member in order to leave a comment.</p>"
      "<p>You must log in to answer this question.</p>"
      "<p>The route follows the river for most of the way and stops at six towns, two of which "
      "have had no train at night since the line was cut.</p>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "old depot."));
  assert_true(has(body, "since the line was cut."));
  const char *bad[] = {"Table of Contents", "helpful", "Thanks for your feedback", "Filed under",
                       "will not be published", "Related articles", "sign in to comment",
                       "be a member", "log in to answer", NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("template line \"%s\" in the body", bad[i]);
}

/* A site's closing furniture: a sign-off asking to subscribe, an
 * affiliate disclosure in the page's voice, the site's blurb about itself
 * (its name with its legal form or mission); a sentence about affiliate
 * links and a closing pitch written for the post stay. */
static void test_site_signoffs(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Seed swaps</title>"
      "<meta property=\"og:site_name\" content=\"Owl Garden Notes\"></head><body>"
      "<div class=\"post-body\">"
      "<p>This post contains affiliate links, and we may earn a little when you buy through them.</p>"
      "<p>Seed swaps have spread to forty libraries in the county this year, the librarians' "
      "association said, up from twelve when the first one opened in the old reading room.</p>"
      "<p>Growers bring envelopes of their own seed, labelled by hand, and take home what others "
      "left; many libraries have set aside a shelf and a box of pencils for it.</p>"
      "<p>Small nurseries use affiliate links and discount codes to reach the same gardeners, "
      "which some swap organisers see as competition and others as a help.</p>"
      "<p>Owl Garden Notes offers a printable seed label with every spring issue.</p>"
      "<p>Owl Garden Notes is an independent newsletter written by two gardeners in the valley, "
      "with no advertising and no owners but its readers.</p>"
      "<p>Owl Garden Notes is a small publication. If you liked this article, please consider "
      "sharing it and subscribing to our weekly letter, which is how we keep going through the "
      "winter months when nothing grows.</p>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "old reading room."));
  assert_true(has(body, "use affiliate links and discount codes"));
  assert_true(has(body, "printable seed label"));
  const char *bad[] = {"This post contains affiliate links", "independent newsletter",
                       "If you liked this article", NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("site furniture \"%s\" in the body", bad[i]);
}

/* A sign-up box with no <form> and no class to name it, found by its
 * e-mail field, goes with its pitch; the article around it stays. */
static void test_email_box(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Orchard frost</title></head><body><div class=\"entry\">"
      "<p>A late frost in the valley cost the apple growers about a third of this year's blossom, "
      "the growers' cooperative estimated on Monday after walking the orchards.</p>"
      "<div class=\"x9f2\"><h4>The Orchard Weekly</h4><p>Harvest news from the valley, every "
      "Friday morning in your inbox, free of charge.</p>"
      "<div><input type=\"email\" placeholder=\"Your address\"><button>Join</button></div></div>"
      "<p>Growers who ran wind machines through the night saved most of their trees, and the "
      "cooperative will ask the region to help smaller farms buy them before next spring.</p>"
      "<p>Pear trees, which flowered a week later, were mostly spared.</p>"
      "<div><p>Frost alerts for your farm, sent the night before.</p>"
      "<input type=\"text\" placeholder=\"Enter your email\"><a href=\"#\">Alert me</a></div>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "walking the orchards."));
  assert_true(has(body, "before next spring."));
  assert_true(has(body, "mostly spared."));
  assert_false(has(body, "Orchard Weekly"));
  assert_false(has(body, "in your inbox"));
  assert_false(has(body, "Frost alerts"));
}

/* A shop's grid: a byline in the head, hundreds of short lines and not
 * one paragraph, no date.  A listing, not an article. */
static void test_product_grid(void **state) {
  fx *f = *state;
  size_t cap = 64 * 1024, n = 0;
  char *page = malloc(cap);
  assert_non_null(page);
  n += (size_t)snprintf(page + n, cap - n,
                        "<html><head><title>Trail packs</title><meta name=\"author\" "
                        "content=\"Mara Lind\"></head><body><div class=\"grid\">");
  for (int i = 0; i < 120; i++)
    n += (size_t)snprintf(page + n, cap - n,
                          "<div><p>Trail pack %d litres, green</p><p>%d dollars</p></div>",
                          20 + i, 100 + i);
  n += (size_t)snprintf(page + n, cap - n, "</div></body></html>");
  assert_int_equal(extract(f, page, n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_META, "{\"not_article\":\"listing\"}");
  free(page);
}

/* One <article> holds the story; beside it, in the same column, teaser
 * cards with a sentence each.  The cards add paragraphs, but the climb
 * that gathers an article cut into sections stops at the <article>: it
 * holds most of the column's text. */
static void test_article_then_teasers(void **state) {
  fx *f = *state;
  size_t cap = 16 * 1024, n = 0;
  char *page = malloc(cap);
  assert_non_null(page);
  n += (size_t)snprintf(
      page + n, cap - n,
      "<html><head><title>Ferry timetable</title></head><body><main><div class=\"col\">"
      "<div class=\"w\"><article><div class=\"prose\">"
      "<p>The island ferry will run every forty minutes from May, the harbour board said on "
      "Tuesday, after a winter in which crossings were cut to one an hour for repairs.</p>"
      "<p>Commuters had complained for months that the longer gaps made them late for the "
      "morning trains, and the board said the new boat would end that, weather permitting.</p>"
      "<p>The second vessel, bought from a northern operator, carries fewer cars but more foot "
      "passengers, which the board expects to suit the summer trade, and will be refitted.</p>"
      "<p>Fares stay as they are until the autumn, when the board will look again at the "
      "discount for islanders, which costs it about a tenth of its income from tickets.</p>"
      "</div></article></div>"
      "<p class=\"t\">Readers also liked</p>");
  for (int i = 0; i < 6; i++)
    n += (size_t)snprintf(page + n, cap - n,
                          "<div class=\"c\"><h3><a href=\"/s%d\">Pier works %d</a></h3>"
                          "<p>Card %d: another story, on the pier works.</p></div>",
                          i, i, i);
  n += (size_t)snprintf(page + n, cap - n, "</div></main></body></html>");
  assert_int_equal(extract(f, page, n, NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "weather permitting."));
  assert_true(has(body, "income from tickets."));
  assert_false(has(body, "Readers also liked"));
  assert_false(has(body, "another story, on the pier"));
  free(page);
}

/* Class words that name page furniture: a taxonomy box, a copyright or
 * legal note, a block marked "nocontent", a log-in prompt. */
static void test_furniture_class_words(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Canal locks</title></head><body><div class=\"entry-content\">"
      "<p>The canal trust will rebuild the three oldest locks on the northern stretch this "
      "winter, closing it to boats from November until the end of February.</p>"
      "<div class=\"post-taxonomy\">Waterways and boats in the winter works news</div>"
      "<p>Boat owners moored above the locks have been offered free berths below them, and the "
      "trust says the towpath will stay open to walkers on most days.</p>"
      "<div class=\"nocontent\">Pass this story on to a friend who boats</div>"
      "<p class=\"copyright-line\">All rights reserved by the canal paper, reuse with leave</p>"
      "<div class=\"legal-note\">Terms of use apply to every reader comment</div>"
      "<div class=\"login-prompt\">Log in to keep reading without limits</div>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "end of February."));
  assert_true(has(body, "on most days."));
  assert_false(has(body, "Waterways and boats"));
  assert_false(has(body, "Pass this story"));
  assert_false(has(body, "All rights reserved"));
  assert_false(has(body, "Terms of use"));
  assert_false(has(body, "without limits"));
}

/* A heading the body ends on goes, whether the cleaning cut the list
 * under it (links to other stories) or nothing follows it; a heading
 * inside the body stays, over a cut list too (the list may be the
 * article's own), over a picture, or over links followed by text. */
static void test_heading_at_body_end(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Footbridge reopens</title></head><body><div class=\"story\">"
      "<p>The footbridge over the weir reopened on Saturday after eight months of repairs, and "
      "the first walkers crossed it before the ribbon had been cut by the mayor.</p>"
      "<p>Engineers replaced the rusted deck plates and the handrails, and the council says the "
      "bridge should now last another forty years with a coat of paint every decade.</p>"
      "<h2>Worth a look before you go</h2>"
      "<ul><li><a href=\"/a\">Lamp posts painted green again</a></li>"
      "<li><a href=\"/b\">Allotment waiting list grows longer</a></li>"
      "<li><a href=\"/c\">Swans return to the mill pond</a></li></ul>"
      "<h2>A view from the deck</h2>"
      "<div><img src=\"deck.jpg\" alt=\"\"></div>"
      "<h2>What the repairs cost</h2>"
      "<p>The work cost a little over the estimate, the council said, because the old bolts had "
      "to be drilled out one by one rather than cut, which took the crew twice as long.</p>"
      "<h3>Walks along the river</h3>"
      "<ul><li><a href=\"/d\">The towpath loop to the lock</a></li>"
      "<li><a href=\"/e\">The meadow path to the old ford</a></li></ul>"
      "<p>Both walks start at the bridge and take about an hour at an easy pace, passing the "
      "boathouse and the tea room that opens at weekends in the summer.</p>"
      "<h2>More from our riverside desk this week</h2>"
      "<ul><li><a href=\"/f\">Ducklings counted at the weir</a></li>"
      "<li><a href=\"/g\">Ferry fares frozen for winter</a></li></ul>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "every decade."));
  assert_true(has(body, "What the repairs cost"));
  assert_true(has(body, "A view from the deck"));
  assert_true(has(body, "Walks along the river"));
  assert_true(has(body, "opens at weekends"));
  assert_true(has(body, "Worth a look"));
  assert_false(has(body, "Lamp posts"));
  assert_false(has(body, "riverside desk"));
  /* a heading the body ends on, whatever its length, with nothing cut */
  const char *end =
      "<html><head><title>Harbour wall</title></head><body><div class=\"story\">"
      "<p>The harbour wall will be raised by half a metre next spring, the port said, after "
      "two winters in which waves broke over it and flooded the fish market twice.</p>"
      "<p>The work will close the outer quay for six weeks, and the fishing boats will tie up "
      "at the ferry berth while the cranes are on the wall, weather allowing.</p>"
      "<h3>Further thoughts on the harbour from this week's paper</h3>"
      "</div></body></html>";
  assert_int_equal(extract(f, end, strlen(end), NULL, NULL), PX_OK);
  body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "weather allowing."));
  assert_false(has(body, "Further thoughts"));
}

/* An <h1> set deep in the article's text (after some 700 words) is one of
 * its section headings, not the headline: the title comes from the page's
 * metadata. */
static void test_title_late_h1(void **state) {
  fx *f = *state;
  size_t cap = 32 * 1024, n = 0;
  char *page = malloc(cap);
  assert_non_null(page);
  n += (size_t)snprintf(page + n, cap - n,
                        "<html><head><title>Why cyclists like the new canal path | Towpath "
                        "Notes</title><meta property=\"og:title\" content=\"Why cyclists like "
                        "the new canal path\"></head><body><div class=\"post\">");
  for (int i = 0; i < 18; i++)
    n += (size_t)snprintf(
        page + n, cap - n,
        "<p>Paragraph %d: riders on the resurfaced towpath say the gravel no longer washes out "
        "after rain, the gates at each lock now open without a dismount, and the new lamps "
        "under the bridges make the winter evenings less of a gamble for anyone riding home "
        "from the late shift at the depot, the hospital or the brewery by the basin.</p>",
        i);
  n += (size_t)snprintf(page + n, cap - n,
                        "<h1>But what they like most is the quiet early in the morning</h1>"
                        "<p>Before seven the path belongs to herons, anglers and a few commuters, "
                        "and several riders said that hour was the reason they switched.</p>"
                        "</div></body></html>");
  assert_int_equal(extract(f, page, n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Why cyclists like the new canal path");
  /* an <h1> above the text stays the title */
  const char *early =
      "<html><head><title>Lock keepers retire | Towpath Notes</title></head><body>"
      "<div class=\"post\"><h1>The last two lock keepers hand over their keys</h1>"
      "<p>After forty years between them on the flight of locks above the mill, the two "
      "keepers retired on Friday, and the trust will run the gates with volunteers.</p>"
      "</div></body></html>";
  assert_int_equal(extract(f, early, strlen(early), NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "The last two lock keepers hand over their keys");
  free(page);
}

/* Lines blog and news templates print around every post (share and
 * comment prompts, post navigation, credits, sign-up and cookie notices)
 * go; the article's paragraphs beside them stay, and so does a
 * syndication note, which is part of the article. */
static void test_theme_template_lines(void **state) {
  fx *f = *state;
  const char *html =
      "<html><head><title>Ferry timetable</title></head><body><div class=\"post-body\">"
      "<p>The winter timetable for the island ferry starts on Monday, with two crossings a day "
      "instead of five, the harbour office said on Thursday.</p>"
      "<p>Medically reviewed by a nurse on the island staff</p>"
      "<p>Islanders asked for a late boat on Fridays, and the office said it would try one in "
      "February if the weather allows the crew to dock after dark.</p>"
      "<p>Originally published on the harbour newsletter.</p>"
      "<p>Like this:</p>"
      "<p>About the Author</p>"
      "<p>Newer Post</p><p>Older Post</p>"
      "<p>Labels: ferries, islands</p>"
      "<p>We use cookies to improve your experience on our site.</p>"
      "<p>Join the discussion</p>"
      "<p>6 minute read</p><p>Last updated on March 3</p>"
      "<p>Thanks for reading the harbour blog, and see you on the boat.</p>"
      "<p>All rights reserved.</p>"
      "<p>As an Amazon Associate I earn from qualifying purchases.</p>"
      "<p>This website uses affiliate links to fund the ferry blog.</p>"
      "<p>Notify me of new posts by email.</p>"
      "<p>View all posts by the harbour office</p>"
      "<p>Timetables change often. Join our newsletter for the next one.</p>"
      "</div></body></html>";
  assert_int_equal(extract(f, html, strlen(html), NULL, NULL), PX_OK);
  px_str body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "Thursday."));
  assert_true(has(body, "after dark."));
  assert_true(has(body, "Originally published on"));
  assert_true(has(body, "Thanks for reading the harbour blog")); /* a sign-off stays */
  const char *bad[] = {"Medically reviewed", "Like this", "About the Author",
                       "Newer Post", "Older Post", "Labels:", "We use cookies",
                       "Join the discussion", "minute read", "Last updated", "All rights reserved", "qualifying purchases",
                       "affiliate links", "Notify me", "View all posts", "Join our newsletter", NULL};
  for (int i = 0; bad[i]; i++)
    if (has(body, bad[i])) fail_msg("template line \"%s\" in the body", bad[i]);
  /* a line that is only the site's name (a logo's text) goes; a sentence
   * naming the site stays */
  const char *logo =
      "<html><head><title>Ferry timetable</title>"
      "<meta property=\"og:site_name\" content=\"Harbour Notes\"></head><body>"
      "<div class=\"post-body\"><p>Harbour Notes</p>"
      "<p>The winter timetable for the island ferry starts on Monday, with two crossings a day "
      "instead of five, the harbour office said on Thursday.</p>"
      "<p>Harbour Notes asked the office why the late boat was cut, and was told the crew "
      "could not be found for it this year.</p></div></body></html>";
  assert_int_equal(extract(f, logo, strlen(logo), NULL, NULL), PX_OK);
  body = px_article_get(f->art, PX_F_BODY);
  assert_true(has(body, "Harbour Notes asked"));
  assert_true(body.len > 13 && strncmp(body.ptr, "Harbour Notes", 13) != 0);
}

/* An aggregator's <h1>: the headline, then the source's host in brackets
 * and a comment count; the title is the headline.  A number that is the
 * headline's own stays. */
static void test_title_count_tail(void **state) {
  fx *f = *state;
  const char *para =
      "<p>Graduates of the state's computing courses report fewer offers this year, a survey "
      "of two thousand students found, with starting salaries flat for the second year.</p>"
      "<p>Career offices say employers now ask for experience that internships used to give, "
      "and that the students who did one fare much better.</p>";
  char page[4096];
  int n = snprintf(page, sizeof(page),
                   "<html><head><title>Computing grads find offers scarce - Newswire</title>"
                   "</head><body><div class=\"story\"><h1>Computing grads find offers scarce "
                   "(example.com) 87</h1>%s</div></body></html>", para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Computing grads find offers scarce");
  n = snprintf(page, sizeof(page),
               "<html><head><title>Top computing courses - Newswire</title></head><body>"
               "<div class=\"story\"><h1>Top computing courses 2026</h1>%s</div></body></html>",
               para);
  assert_int_equal(extract(f, page, (size_t)n, NULL, NULL), PX_OK);
  assert_field(f->art, PX_F_TITLE, "Top computing courses 2026");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_news_page, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_and_date_fallbacks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_layouts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_charsets, setup, teardown),
      cmocka_unit_test_setup_teardown(test_hostile_pages, setup, teardown),
      cmocka_unit_test_setup_teardown(test_large_page, setup, teardown),
      cmocka_unit_test_setup_teardown(test_site_builders, setup, teardown),
      cmocka_unit_test_setup_teardown(test_reader_detects_html, setup, teardown),
      cmocka_unit_test_setup_teardown(test_not_article, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_tail_and_offset, setup, teardown),
      cmocka_unit_test_setup_teardown(test_byline_sources, setup, teardown),
      cmocka_unit_test_setup_teardown(test_furniture_lines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_text_and_url_dates, setup, teardown),
      cmocka_unit_test_setup_teardown(test_byline_components, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_heads, setup, teardown),
      cmocka_unit_test_setup_teardown(test_numeric_and_local_dates, setup, teardown),
      cmocka_unit_test_setup_teardown(test_byline_name_parts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_host_masthead, setup, teardown),
      cmocka_unit_test_setup_teardown(test_byline_host_named, setup, teardown),
      cmocka_unit_test_setup_teardown(test_byline_ld_ref_and_date, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_one_word_h1, setup, teardown),
      cmocka_unit_test_setup_teardown(test_named_month_and_byline_dates, setup, teardown),
      cmocka_unit_test_setup_teardown(test_boxes_in_article, setup, teardown),
      cmocka_unit_test_setup_teardown(test_footnotes_and_prompts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_article_body_marked, setup, teardown),
      cmocka_unit_test_setup_teardown(test_button_pitch, setup, teardown),
      cmocka_unit_test_setup_teardown(test_template_lines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_site_signoffs, setup, teardown),
      cmocka_unit_test_setup_teardown(test_email_box, setup, teardown),
      cmocka_unit_test_setup_teardown(test_product_grid, setup, teardown),
      cmocka_unit_test_setup_teardown(test_article_then_teasers, setup, teardown),
      cmocka_unit_test_setup_teardown(test_furniture_class_words, setup, teardown),
      cmocka_unit_test_setup_teardown(test_heading_at_body_end, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_late_h1, setup, teardown),
      cmocka_unit_test_setup_teardown(test_theme_template_lines, setup, teardown),
      cmocka_unit_test_setup_teardown(test_title_count_tail, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
