#!/usr/bin/env python3
"""What an outlet's template text takes out of stored stories' comparisons:
for N random stories of 3 outlets or more in STORE, the sentences one
parallax build reports as news (in a fact that is not page furniture) and
another build does not, side by side in one run.  For reading: every line
printed is a sentence the build under test calls page furniture (or, with
"NEW", news) and the peer does not.  Each build computes its own comparison
(the cache is keyed by the build), so run it on a copy of the store.

usage: template_text.py PARALLAX PEER_PARALLAX STORE [N] [SEED]
"""
import json
import random
import subprocess
import sys


def news(px, db, sid):
    r = subprocess.run([px, "story", str(sid), "--db", db, "--compare", "--format", "json"],
                       capture_output=True, text=True, check=True)
    d = json.loads(r.stdout)
    out = {}
    for f in d["facts"]:
        if f.get("furniture"):
            continue
        for m in f["members"]:
            out[(m["article"], m["sentence"])] = (d["articles"][m["article"]]["source"], m["text"])
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__.strip().splitlines()[-1])
    px, peer, db = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 120
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 7
    lines = subprocess.run([px, "stories", "--db", db, "--min-outlets", "3", "--format", "json",
                            "--limit", "100000"], capture_output=True, text=True, check=True).stdout
    stories = [json.loads(l)["id"] for l in lines.splitlines() if l.strip()]
    random.seed(seed)
    pick = random.sample(stories, min(n, len(stories)))
    gone = new = total = 0
    for sid in pick:
        a, b = news(peer, db, sid), news(px, db, sid)
        total += len(a)
        for k in sorted(set(a) - set(b)):
            gone += 1
            print(f"{sid}\t{a[k][0]}\t{a[k][1][:160]}")
        for k in sorted(set(b) - set(a)):
            new += 1
            print(f"NEW {sid}\t{b[k][0]}\t{b[k][1][:160]}")
    print(f"{len(pick)} stories: {gone} of {total} news sentences of the peer are furniture here, "
          f"{new} news here only")


if __name__ == "__main__":
    main()
