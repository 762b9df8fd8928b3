#!/usr/bin/env python3
"""robust.py HOST PORT DB PARALLAX - parallax serve under bad requests and
bad clients, on 127.0.0.1 only, every loop bounded: status codes and headers
of good and bad requests, request limits (target length, header count and
size, parameters, bodies), a client sending headers forever, slow clients,
clients that disconnect mid-response, and an ingest rewriting a story while
its page is read (each page consistent: old or new, never a mixture)."""
import http.client, json, socket, struct, subprocess, sys, tempfile, threading, time

host, port, db, px = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
assert host == "127.0.0.1"
fails = 0


def check(what, ok, detail=""):
    global fails
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else "  " + str(detail)[:400]))
    if not ok:
        fails += 1


def req(method, path, headers=None, body=None, timeout=10):
    c = http.client.HTTPConnection(host, port, timeout=timeout)
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data


def raw(data, timeout=5):
    """Send raw bytes, return what came back until the server closed (or timeout)."""
    s = socket.create_connection((host, port), timeout=timeout)
    s.sendall(data)
    out = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return out


# Good requests and their headers.
st, h, body = req("GET", "/")
check("GET / is 200", st == 200, st)
csp = h.get("content-security-policy", "")
check("strict CSP: no inline script, no other origin", "script-src 'self'" in csp and "unsafe" not in csp
      and "default-src 'none'" in csp, csp)
check("nosniff", h.get("x-content-type-options") == "nosniff")
check("no inline script in the page", b"<script>" not in body and b"<script src=\"/static/app.js\"" in body)
st, h, body = req("HEAD", "/story/1")
check("HEAD is 200 with no body", st == 200 and body == b"", (st, len(body)))
st, h, body = req("GET", "/static/app.js")
check("the script is served as a file", st == 200 and h["content-type"].startswith("text/javascript"))
stories = json.loads(req("GET", "/api/stories")[2])["stories"]
check("/api/stories is JSON with stories", len(stories) > 3, len(stories))

# Bad requests get 4xx pages, never a crash.
cases = [
    ("GET", "/story/999999", 404, "text/html"), ("GET", "/api/story/999999", 404, "application/json"),
    ("GET", "/article/999999", 404, "text/html"), ("GET", "/story/abc", 404, "text/html"),
    ("GET", "/story/-1", 404, "text/html"), ("GET", "/nope", 404, "text/html"),
    ("GET", "/static/../../etc/passwd", 404, "text/html"), ("GET", "/%zz", 404, "text/html"),
    ("GET", "/search?q=%zz", 400, "text/html"), ("GET", "/?since=yesterday", 400, "text/html"),
    ("GET", "/?min=-3", 400, "text/html"), ("GET", "/search?q=%22unclosed", 400, "text/html"),
    ("GET", "/?" + "&".join("k%d=v" % i for i in range(40)), 400, "text/html"),
    ("GET", "/search?q=%00", 400, "text/html"), ("GET", "/search?q=%C3%28", 400, "text/html"),
    ("GET", "/" + "a" * 5000, 414, "text/html"), ("GET", "/speaker/nobody%20at%20all", 404, "text/html"),
    ("GET", "/thread/999999", 404, "text/html"),
    ("POST", "/", 405, "text/html"), ("PUT", "/story/1", 405, "text/html"),
    ("DELETE", "/story/1", 405, "text/html"),
]
for m, p, want, ctype in cases:
    try:
        st, h, body = req(m, p)
        check("%s %s -> %d" % (m, p[:40], want), st == want and h.get("content-type", "").startswith(ctype),
              (st, h.get("content-type")))
    except Exception as e:
        check("%s %s -> %d" % (m, p[:40], want), False, e)
st, h, body = req("GET", "/", headers={"X-H%d" % i: "v" for i in range(80)})
check("80 headers -> 431", st == 431, st)
reply = raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200000 + b"\r\n\r\n")
check("a 200 kB header is refused", reply == b"" or b" 431 " in reply.split(b"\r\n")[0]
      or b" 413 " in reply.split(b"\r\n")[0], reply[:80])
st, h, body = req("POST", "/", body=b"x" * 1000, headers={"Content-Type": "text/plain"})
check("a request body is refused", st in (405, 413), st)

# A client sending headers forever is cut off; others are served meanwhile.
def forever(result):
    s = socket.create_connection((host, port), timeout=20)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    t0 = time.time()
    try:
        while time.time() - t0 < 20:
            s.sendall(b"X-More: " + b"b" * 500 + b"\r\n")
            time.sleep(0.001)
        result.append(("not closed", time.time() - t0))
    except (BrokenPipeError, ConnectionResetError, socket.timeout) as e:
        result.append(("closed", time.time() - t0))
    s.close()


res = []
t = threading.Thread(target=forever, args=(res,))
t.start()
lat = []
for _ in range(20):
    t0 = time.time()
    st, _, _ = req("GET", "/api/stories")
    lat.append((time.time() - t0, st))
t.join()
check("headers forever: the connection is closed", res and res[0][0] == "closed", res)
check("...while others are served", all(s == 200 and d < 2 for d, s in lat), lat)

# Slow clients (a header a second) do not hold up the others.
slow = []
for i in range(20):
    s = socket.create_connection((host, port), timeout=5)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    slow.append(s)
lat = []
for _ in range(10):
    for s in slow:
        try:
            s.sendall(b"X-Slow: 1\r\n")
        except OSError:
            pass
    t0 = time.time()
    st, _, _ = req("GET", "/story/1")
    lat.append((round(time.time() - t0, 3), st))
    time.sleep(0.1)
for s in slow:
    s.close()
check("20 slow clients: others still served", all(s == 200 and d < 2 for d, s in lat), lat)

# Clients that disconnect mid-response (reset, not a clean close).
for i in range(40):
    s = socket.create_connection((host, port), timeout=5)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.sendall(b"GET /api/story/1 HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(100)
    s.close()
st, _, _ = req("GET", "/story/1")
check("40 clients reset mid-response: still serving", st == 200, st)

# An ingest rewriting a story while its page is read: every page is
# consistent (its member list and its comparison cover the same articles).
kim = next(s["story"]["id"] for s in stories if "Kim Jong Un and Putin" in s["story"]["headline"])
base_text = ("North Korean leader Kim Jong Un met Russian President Vladimir Putin at the Vostochny "
             "Cosmodrome in Russia's Far East on Wednesday, the Kremlin said, in a summit that Western "
             "governments fear could lead to an arms deal. Putin said Russia would help North Korea "
             "build satellites, and Kim said his country would always stand with Russia. ")
stop = threading.Event()
ingested = []


def writer():
    for i in range(6):
        if stop.is_set():
            break
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as t:
            t.write(json.dumps({"id": "rw-%d" % i, "source": "Writer Wire %d" % i,
                                "date": "2023-09-13T%02d:30:00Z" % (17 + i),
                                "title": "Kim and Putin meet at cosmodrome (update %d)" % i,
                                "text": base_text + "Update number %d added detail %d." % (i, i * 7)}) + "\n")
        r = subprocess.run([px, "ingest", "-q", "--db", db, t.name], stderr=subprocess.DEVNULL)
        ingested.append(r.returncode)
    stop.set()


w = threading.Thread(target=writer)
w.start()
seen, bad, reads = set(), [], 0
t_end = time.time() + 120
while not stop.is_set() and time.time() < t_end:
    st, _, body = req("GET", "/api/story/%d" % kim, timeout=60)
    reads += 1
    if st != 200:
        bad.append(st)
        continue
    d = json.loads(body)
    mem = sorted(m["id"] for m in d["members"])
    cmp_ids = sorted(a["store_id"] for a in d["comparison"]["articles"])
    seen.add(len(mem))
    if mem != cmp_ids or d["story"]["articles"] != len(mem):
        bad.append((mem, cmp_ids, d["story"]["articles"]))
w.join()
check("ingests ran beside the reader", ingested and all(r == 0 for r in ingested), ingested)
check("every page read during the ingests was consistent (%d reads, sizes %s)" % (reads, sorted(seen)),
      reads > 0 and not bad, bad[:3])
check("the story grew while it was read", len(seen) >= 2 or max(seen, default=0) > 4, seen)

print("%d failed" % fails)
sys.exit(1 if fails else 0)
