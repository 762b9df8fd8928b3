#!/usr/bin/env python3
"""corpus_x10.py - ten copies of a JSON Lines news corpus (stdin to stdout),
for the growth benchmark: copy k (0 to 9) of each record gets a new id and
url (suffix "-xk"), a date k weeks later (records without a parseable
YYYY-MM-DD date keep theirs) and, for k > 0, one marked sentence appended to
its body, so no copy is an exact duplicate of another."""
import datetime
import json
import sys

lines = sys.stdin.read().splitlines()
out = sys.stdout
for k in range(10):
    for line in lines:
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if not isinstance(r, dict):
            continue
        for key in ("id", "url"):
            if isinstance(r.get(key), str):
                r[key] = f"{r[key]}-x{k}"
        d = r.get("date")
        if isinstance(d, str) and len(d) >= 10:
            try:
                day = datetime.date.fromisoformat(d[:10]) + datetime.timedelta(weeks=k)
                r["date"] = day.isoformat() + d[10:]
            except ValueError:
                pass
        if k and isinstance(r.get("body"), str):
            r["body"] += f"\n\nCopy {k} of this record for the growth benchmark."
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
