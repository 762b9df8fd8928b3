#!/usr/bin/env python3
"""watch_replay.py CORPUS.jsonl.xz DIR N SECONDS_PER_DAY [SKIP_TO_DATE]

Replays a slice of the AllSides corpus as dated RSS feeds on 127.0.0.1:
N articles from SKIP_TO_DATE on (default 2018-01-01), one feed per outlet
(/feed/<k>.xml, the 50 newest items already "published", with an ETag), each item's page
at /a/<n>.html.  A day of the corpus lasts SECONDS_PER_DAY seconds of wall
time, so the slice appears as news would, faster.  Writes DIR/port, DIR/feeds
(one URL per line) and, once every item has appeared, DIR/done; the time
each item appeared is in DIR/appear.tsv (url, unix time).  Article text is
served from memory, never stored in the repository.  Stops after 3600 s."""
import datetime, html, http.server, json, lzma, os, sys, threading, time

src, out, n, spd = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
DEPTH = 50  # items a feed holds
skip = sys.argv[5] if len(sys.argv) > 5 else "2018-01-01"
arts = []
with lzma.open(src, "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        d = a.get("date")
        if not d or d < skip or not a.get("body") or not a.get("source"):
            continue
        arts.append(a)
        if len(arts) >= n:
            break
day0 = datetime.date.fromisoformat(arts[0]["date"])
outlets = sorted({a["source"] for a in arts})
oid = {o: i for i, o in enumerate(outlets)}
T0 = time.time() + 2.0  # the first day starts two seconds after the server
for i, a in enumerate(arts):
    days = (datetime.date.fromisoformat(a["date"]) - day0).days
    # Spread a day's articles over the day, in corpus order.
    a["appear"] = T0 + days * spd + (i % 97) / 97.0 * spd * 0.9
    a["n"] = i
by_outlet = {o: sorted([a for a in arts if a["source"] == o], key=lambda a: a["appear"]) for o in outlets}
last_appear = max(a["appear"] for a in arts)

srv_box = {}
def url(path):
    return "http://127.0.0.1:%d%s" % (srv_box["port"], path)

feed_cache = {}
def visible(o):
    now, lst = time.time(), by_outlet[o]
    k = 0
    while k < len(lst) and lst[k]["appear"] <= now:
        k += 1
    return k

def feed(o, k):
    if (o, k) in feed_cache:
        return feed_cache[(o, k)]
    items = by_outlet[o][max(0, k - DEPTH):k]
    parts = ["<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>%s</title>" % html.escape(o)]
    for a in reversed(items):
        parts.append("<item><title>%s</title><link>%s</link><guid>as-%d</guid><pubDate>%sT12:00:00Z</pubDate>"
                     "<description>%s</description></item>" % (
                         html.escape(a["title"] or ""), url("/a/%d.html" % a["n"]), a["n"], a["date"],
                         html.escape((a["body"] or "")[:200])))
    parts.append("</channel></rss>")
    b = "".join(parts).encode()
    feed_cache[(o, k)] = b  # rendered once per state of the feed
    return b

def page(a):
    if "page" in a:
        return a["page"]
    paras = "".join("<p>%s</p>" % html.escape(p) for p in (a["body"] or "").split("\n") if p.strip())
    b = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title>"
            "<meta property=\"og:site_name\" content=\"%s\"></head><body><article><h1>%s</h1>%s</article></body></html>" % (
                html.escape(a["title"] or ""), html.escape(a["source"]), html.escape(a["title"] or ""), paras)).encode()
    a["page"] = b  # rendered once
    return b

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def do_GET(self):
        p = self.path
        body, ctype, status = b"not found", "text/plain", 404
        headers = []
        if p.startswith("/feed/"):
            k = int(p[6:].split(".")[0])
            if 0 <= k < len(outlets):
                v = visible(outlets[k])
                etag = '"%d-%d"' % (k, v)
                headers = [("ETag", etag)]
                if self.headers.get("If-None-Match") == etag:
                    body, status = b"", 304
                else:
                    body, ctype, status = feed(outlets[k], v), "application/rss+xml; charset=utf-8", 200
        elif p.startswith("/a/"):
            k = int(p[3:].split(".")[0])
            if 0 <= k < len(arts) and arts[k]["appear"] <= time.time():
                body, ctype, status = page(arts[k]), "text/html; charset=utf-8", 200
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for hk, hv in headers:
            self.send_header(hk, hv)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

class S(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    def handle_error(self, request, client_address):
        pass

srv = S(("127.0.0.1", 0), H)
srv_box["port"] = srv.server_address[1]
with open(os.path.join(out, "appear.tsv"), "w") as f:
    for a in arts:
        f.write("%s\t%.3f\t%s\n" % (url("/a/%d.html" % a["n"]), a["appear"], a["source"]))
with open(os.path.join(out, "feeds"), "w") as f:
    for k in range(len(outlets)):
        f.write(url("/feed/%d.xml" % k) + "\n")
with open(os.path.join(out, "port"), "w") as f:
    f.write(str(srv_box["port"]))
def done():
    open(os.path.join(out, "done"), "w").write("%.3f\n" % last_appear)
threading.Timer(max(0, last_appear - time.time()) + 0.1, done).start()
threading.Timer(3600, srv.shutdown).start()
srv.serve_forever()
