#!/usr/bin/env python3
"""watch_server.py DIR - the HTTP fixture of tests/cli/watch.sh: feeds and
pages written for the project, served on 127.0.0.1 only, with the faults a
feed reader meets (304, 429 + Retry-After, 500, slow, redirect loop,
truncated, gzip, HTML instead of a feed, an enormous feed, entity attacks,
an unknown charset).  Writes its port to DIR/port and one line per request
to DIR/requests.log ("time method path status if-none-match").  Switch the
Harbor Post feed to its second version with GET /_control/v2.  Exits by
itself after 600 s."""
import gzip, http.server, os, sys, threading, time

DIR = sys.argv[1]
STATE = {"version": 1, "limited": 0}
LOCK = threading.Lock()
T0 = time.time()

def page(outlet, title, paras, date):
    body = "".join("<p>%s</p>" % p for p in paras)
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"
            "<meta property=\"og:site_name\" content=\"%s\">"
            "<meta property=\"article:published_time\" content=\"%s\"></head><body>"
            "<nav>Home | World | Local</nav><article><h1>%s</h1>%s</article>"
            "<footer>Copyright %s</footer></body></html>" % (title, outlet, date, title, body, outlet)).encode()

HP, VT, CG = "Harbor Post", "Valley Times", "Coast Gazette"
ARTICLES = {
    "/hp/ferry.html": (HP, "Ferry strike ends after three days", "2026-11-30T08:00:00Z", [
        "Ferries between Portvik and the islands sailed again on Wednesday after a three-day strike by crews ended late on Tuesday night, the operator said in a statement.",
        "\"We are glad to be back at work after three hard days on the picket line,\" said Anneli Korhonen, who leads the crews' union.",
        "About 12,000 passengers were stranded during the strike, according to the operator.",
        "The first ferry left Portvik harbour at six in the morning with a full load of commuters and freight."]),
    "/hp/bridge.html": (HP, "New bridge opens to traffic in Eastfield", "2026-11-30T09:00:00Z", [
        "The new bridge over the Eastfield river opened to traffic on Monday after four years of construction work.",
        "City engineer Tomas Berg said the bridge would cut the commute from the northern suburbs by twenty minutes.",
        "The project cost 48 million euros, slightly more than the budget approved by the council in 2022."]),
    "/vt/ferry.html": (VT, "Island ferries back after crews end strike", "2026-11-30T08:30:00Z", [
        "Ferry crews ended their three-day strike late on Tuesday night and ferries between Portvik and the islands sailed again on Wednesday.",
        "\"We are glad to be back at work after three hard days on the picket line,\" Anneli Korhonen, the leader of the crews' union, told reporters.",
        "The agreement raises wages by four percent over two years and adds a rest day to the winter schedule.",
        "Island shops had run short of fresh milk and bread by Tuesday, residents said."]),
    "/cg/ferry.html": (CG, "Strike over: ferries sail again", "2026-11-30T09:15:00Z", [
        "Ferries to the islands sailed again on Wednesday after crews ended a three-day strike on Tuesday night.",
        "\"We are glad to be back at work after three hard days on the picket line,\" said Mikko Lahtinen, a spokesman for the ferry operator.",
        "Some 12,000 passengers were stranded during the strike, the operator said.",
        "Commuters from the islands crowded the first morning ferry to Portvik harbour."]),
    "/hp/ferry2.html": (HP, "Ferry deal: what the crews won", "2026-11-30T12:00:00Z", [
        "The agreement that ended the three-day ferry strike raises wages by four percent over two years and adds a rest day to the winter schedule.",
        "About 15,000 passengers were stranded during the strike, the operator said on Wednesday afternoon, revising its earlier figure.",
        "\"Nobody wins a strike, but the crews were heard at last,\" said Anneli Korhonen, who leads the crews' union.",
        "The operator said the deal would cost it about three million euros a year."]),
    "/odd/page.html": ("Odd Herald", "A page in an unknown charset", "2026-11-30T10:00:00Z", [
        "This page declares a character set nobody has heard of, so its text cannot be decoded with any confidence at all."]),
}

def rss(title, items, extra=""):
    out = ["<?xml version=\"1.0\" encoding=\"utf-8\"?>%s<rss version=\"2.0\"><channel><title>%s</title>"
           "<link>http://127.0.0.1/</link><language>en</language>" % (extra, title)]
    for path, desc in items:
        outlet, t, date, _ = ARTICLES[path] if path in ARTICLES else (title, path, "2026-11-30T10:00:00Z", None)
        out.append("<item><title>%s</title><link>%s%s</link><guid>%s</guid><pubDate>%s</pubDate>"
                   "<description>%s</description></item>" % (t, BASE, path, path, date, desc))
    out.append("</channel></rss>")
    return "".join(out).encode()

MANY = [
    ("harbour", "Dockworkers unload record grain cargo", "Dockworkers unloaded a record cargo of grain from three ships moored at the northern quay, the harbour master said."),
    ("railway", "Night trains return to the coast line", "Night trains will run again on the coast line from March after the tunnel repairs were finished ahead of schedule."),
    ("library", "Library lends its millionth book", "The central library lent its millionth book on Tuesday, a worn copy of a sailing manual borrowed by a retired fisherman."),
    ("hospital", "Hospital opens a new children's wing", "The regional hospital opened a children's wing with forty beds and a playground on the roof, the director announced."),
    ("school", "Pupils build a weather station", "Pupils at the hill school built a weather station that sends wind and rain readings to the national forecasting office."),
    ("market", "Fish market moves indoors for winter", "The Saturday fish market moved into the old tram depot for the winter, giving traders heating and running water."),
    ("stadium", "Stadium roof damaged in storm", "High winds tore part of the stadium roof on Sunday night, and the weekend football match was moved to another town."),
    ("airport", "Airport adds flights to the north", "The airport will add four weekly flights to the northern towns from January, the airline told the council."),
]

def many_page(i):
    t, title, lead = MANY[i % len(MANY)]
    paras = [lead, "It was the %d%s such report this year, officials in district %d said on day %d of the month." % (i + 1, "th", i, 1 + i % 28),
             "Local residents interviewed on %s matters gave %d different opinions about what should happen next." % (t, i % 7 + 2)]
    return page("Many Times", "%s (%d)" % (title, i), paras, "2026-1%d-%02dT10:00:00Z" % (i % 2, 1 + (i * 5) % 28))

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def log(self, status):
        with LOCK, open(os.path.join(DIR, "requests.log"), "a") as f:
            f.write("%.3f %s %s %d %s\n" % (time.time() - T0, self.command, self.path, status,
                                            self.headers.get("If-None-Match", "-")))
    def send(self, status, body=b"", ctype="application/rss+xml; charset=utf-8", headers=(), length=None):
        self.log(status)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
    def conditional(self, body, etag):
        if self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", headers=[("ETag", etag)])
        self.send(200, body, headers=[("ETag", etag), ("Last-Modified", "Mon, 30 Nov 2026 10:00:00 GMT")])
    def do_POST(self):
        n = int(self.headers.get("Content-Length", "0"))
        data = self.rfile.read(n)
        if self.path == "/hook":
            with LOCK, open(os.path.join(DIR, "hook.log"), "ab") as f:
                f.write(data + b"\n")
            return self.send(204, b"")
        self.send(404, b"")
    def do_GET(self):
        p = self.path
        if p == "/_control/v2":
            STATE["version"] = 2
            return self.send(200, b"ok", "text/plain")
        if p == "/hp.xml":
            items = [("/hp/ferry.html", "Ferries sail again."), ("/hp/bridge.html", "The bridge is open.")]
            if STATE["version"] == 2:
                items.insert(0, ("/hp/ferry2.html", "What the crews won."))
            return self.conditional(rss(HP, items), '"hp-v%d"' % STATE["version"])
        if p == "/vt.xml":
            return self.conditional(rss(VT, [("/vt/ferry.html", "Ferries are back.")]), '"vt-1"')
        if p == "/cg.xml":  # gzip-encoded when asked
            body = rss(CG, [("/cg/ferry.html", "The strike is over.")])
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                return self.send(200, gzip.compress(body), headers=[("Content-Encoding", "gzip")])
            return self.send(200, body)
        if p == "/odd.xml":
            return self.send(200, rss("Odd Herald", [("/odd/page.html", "A short description of the odd page, kept when the page cannot be read.")]))
        if p == "/limited.xml":
            with LOCK:
                STATE["limited"] += 1
                first = STATE["limited"] == 1
            if first:
                return self.send(429, b"slow down", "text/plain", headers=[("Retry-After", "12")])
            return self.send(200, rss("Limited News", []).replace(b"</channel>", b"<item><title>Limited item</title><guid>lim-1</guid><description>A feed item whose text is in the feed itself, long enough to be stored as an article on its own merits.</description></item></channel>"))
        if p == "/error.xml":
            return self.send(500, b"internal error", "text/plain")
        if p == "/slow.xml":  # trickles one byte every half second: the timeout ends it
            self.log(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass
            return
        if p == "/never.xml":  # accepts and never answers (bounded)
            self.log(0)
            time.sleep(20)
            return
        if p in ("/loop", "/loop2"):
            return self.send(302, b"", "text/plain", headers=[("Location", "/loop2" if p == "/loop" else "/loop")])
        if p == "/truncated.xml":
            body = rss("Truncated", [("/hp/bridge.html", "cut")])
            self.send(200, body[: len(body) // 2], length=len(body))
            self.close_connection = True
            return
        if p == "/html.xml":
            return self.send(200, page("Not A Feed", "A web page", ["This is a web page, not a feed."], "2026-11-30"), "text/html")
        if p == "/huge.xml":
            item = b"<item><title>x</title><guid>%d</guid><description>" + b"y" * 1000 + b"</description></item>"
            body = b"<?xml version=\"1.0\"?><rss><channel><title>Huge</title>" + b"".join(item % i for i in range(3000)) + b"</channel></rss>"
            return self.send(200, body)
        if p == "/laughs.xml":
            ents = "".join("<!ENTITY l%d \"%s\">" % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 10))
            doc = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"lol\">%s]><rss><channel><title>Laughs</title>"
                   "<item><title>&l9;</title><guid>laugh</guid><description>&l9;</description></item></channel></rss>" % ents)
            return self.send(200, doc.encode())
        if p == "/xxe.xml":
            doc = ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss><channel><title>XXE</title>"
                   "<item><title>xxe</title><guid>xxe</guid><description>secret: &x; end of the description of this item</description></item></channel></rss>")
            return self.send(200, doc.encode())
        if p.startswith("/many.xml"):
            n = 30
            items = "".join("<item><title>District %d</title><link>%s/many/%d.html</link><guid>m%d</guid><description>short</description></item>" % (i, BASE, i, i) for i in range(n))
            return self.send(200, ("<?xml version=\"1.0\"?><rss><channel><title>Many Times</title>%s</channel></rss>" % items).encode())
        if p.startswith("/many/"):
            time.sleep(0.05)
            i = int(p.split("/")[-1].split(".")[0])
            return self.send(200, many_page(i), "text/html; charset=utf-8")
        if p == "/odd/page.html":
            o, t, d, paras = ARTICLES[p]
            return self.send(200, page(o, t, paras, d).replace(b"utf-8", b"x-klingon-7"), "text/html; charset=x-klingon-7")
        if p in ARTICLES:
            o, t, d, paras = ARTICLES[p]
            return self.send(200, page(o, t, paras, d), "text/html; charset=utf-8")
        self.send(404, b"not found", "text/plain")

class S(http.server.ThreadingHTTPServer):
    daemon_threads = True
    def handle_error(self, request, client_address):
        pass  # a client that hung up (a timeout, a kill) is part of the test

srv = S(("127.0.0.1", 0), H)
BASE = "http://127.0.0.1:%d" % srv.server_address[1]
with open(os.path.join(DIR, "t0"), "w") as f:  # the clock of requests.log
    f.write("%.3f" % T0)
with open(os.path.join(DIR, "port.tmp"), "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
threading.Timer(600, srv.shutdown).start()
srv.serve_forever()
