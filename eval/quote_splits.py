#!/usr/bin/env python3
"""Count split remarks in the "Quote variants" of stored stories.

For each story (`parallax story ID --compare --format json`, key "quotes"),
two groups of one speaker key overlap at the level of a remark when a
direct or partial rendering of one and a direct or partial rendering of the
other share a run of five words, or the whole of a rendering of four words
or more is inside the other.  Also counts speaker keys labelled with more
than one name, and keys whose words are all in another key of the report
("lewis" beside "john lewis": one person under two keys).  No article text is kept; with -v the overlapping pairs are
printed for reading.

  python3 eval/quote_splits.py --db STORE ID [ID ...] [-v]
"""
import argparse, json, os, re, subprocess, sys

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(t):
    t = t.lower().replace("\u2019", "'").replace("\u2018", "'")
    return WORD.findall(t)


def grams(w, k):
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}


def inside(a, b):
    """a (>= 4 words) appears as a run in b."""
    if len(a) < 4 or len(a) > len(b):
        return False
    n = len(a)
    return any(b[i:i + n] == a for i in range(len(b) - n + 1))


def overlap(a, b):
    if grams(a, 5) & grams(b, 5):
        return True
    return inside(a, b) or inside(b, a)


def story(px, db, sid, verbose):
    out = subprocess.run([px, "story", "--db", db, str(sid), "--compare", "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    q = json.loads(out)["quotes"]
    bykey, labels = {}, {}
    for g in q:
        sp = g.get("speaker") or {}
        key = sp.get("key") or ""
        if not key:
            continue
        bykey.setdefault(key, []).append(g)
        labels.setdefault(key, set()).add(sp.get("name", ""))
    pairs = 0
    for key, gs in bykey.items():
        segs = []
        for g in gs:
            ws = []
            for m in g["members"]:
                if m["kind"] in ("direct", "partial", "trimmed"):
                    for part in (m.get("quoted") or m["text"]).split("\u2026"):
                        ws.append(words(part))
            segs.append(ws)
        for i in range(len(gs)):
            for j in range(i + 1, len(gs)):
                hit = next(((a, b) for a in segs[i] for b in segs[j] if overlap(a, b)), None)
                if hit:
                    pairs += 1
                    if verbose:
                        print(f"  {sid} {key}: group {gs[i]['id']} / {gs[j]['id']}:"
                              f" {' '.join(hit[0])[:90]!r} ~ {' '.join(hit[1])[:90]!r}")
    relabel = sum(1 for k, v in labels.items() if len(v) > 1)
    # a key whose words are all in another key of the report ("lewis" and
    # "john lewis"): one person's remarks may stand under two keys
    part = 0
    for k in bykey:
        kw = set(k.split())
        over = [o for o in bykey if o != k and kw < set(o.split())]
        if over:
            part += 1
            if verbose:
                print(f"  {sid} key {k!r} ({len(bykey[k])} groups) inside {over}")
    return len(q), pairs, relabel, part


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--px", default=os.path.join(os.environ.get("PX_BUILD", "build"), "parallax"))
    ap.add_argument("-v", action="store_true")
    ap.add_argument("ids", nargs="+")
    a = ap.parse_args()
    tg = tp = tl = tk = 0
    for sid in a.ids:
        g, p, l, k = story(a.px, a.db, sid, a.v)
        print(f"story {sid}: {g} groups, {p} same-key pairs overlapping, {l} keys with several labels,"
              f" {k} keys inside another")
        tg += g
        tp += p
        tl += l
        tk += k
    print(f"all: {tg} groups, {tp} same-key pairs overlapping, {tl} keys with several labels,"
          f" {tk} keys inside another")


if __name__ == "__main__":
    sys.exit(main())
