#!/usr/bin/env python3
"""How the stories of eval/data/disputes were chosen (kept to show the
method; rerun only to check it).  From a store holding the whole AllSides
set (`parallax ingest allsides_articles.jsonl.xz --db DB`), the stories of
3-5 articles from at least 3 outlets, no duplicates, every body under
15,000 characters, in which at least 3 outlets give 3 or more counted
figures (money, a percentage, or a number before a counted word such as
"people", "killed", "votes", "million").  Only the article text decides:
no prediction was looked at.  36 are drawn with random.Random(13)
(sample(cand, 36) begins with sample(cand, 28)); the first 12 drawn are
train, the next 8 dev, the rest test (the last 8 were drawn and labelled
after the rules had been changed on train and dev).  Story numbers
change from one ingest to the next: the labels name articles.

usage: pick_stories.py PARALLAX DB ALLSIDES_JSONL_XZ > picked.json
"""
import csv
import io
import json
import lzma
import random
import re
import subprocess
import sys

px, db, data = sys.argv[1:4]
listing = subprocess.run([px, "stories", "--db", db, "--min-outlets", "3", "-f", "csv", "-q"],
                         capture_output=True, text=True, check=True).stdout
rows = [r for r in csv.DictReader(io.StringIO(listing))
        if 3 <= int(r["articles"]) <= 5 and int(r["outlets"]) >= 3 and int(r["duplicates"]) == 0]
members = {}
for r in rows:
    j = json.loads(subprocess.run([px, "story", r["id"], "--db", db, "-f", "json", "-q"],
                                  capture_output=True, text=True, check=True).stdout)
    members[r["id"]] = [m["ext_id"] for m in j["members"]]
need = {e for v in members.values() for e in v}
arts = {}
with lzma.open(data, "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        if a["id"] in need:
            arts[a["id"]] = a
COUNT = re.compile(r"(\$\s?\d[\d,.]*|\b\d[\d,.]*\s?(%|percent)|\b\d[\d,.]*\s+(?:\w+\s+){0,2}?(people|killed|dead|"
                   r"deaths|died|votes|voters|delegates|seats|million|billion|cases|injured|wounded|troops|jobs|"
                   r"years? old|year-old|students|children|officers|members|states|counties))", re.I)
cand = []
for sid, ids in members.items():
    if any(i not in arts for i in ids):
        continue
    per = {}
    for i in ids:
        a = arts[i]
        per[a["source"]] = max(per.get(a["source"], 0), len(COUNT.findall(a["body"] or "")))
    if sum(1 for v in per.values() if v >= 3) >= 3 and all(len(arts[i]["body"] or "") < 15000 for i in ids):
        cand.append(sorted(ids))
cand.sort()
print(len(rows), "stories of 3-5 articles;", len(cand), "with numbers in 3 outlets", file=sys.stderr)
out = []
for k, ids in enumerate(random.Random(13).sample(cand, 36)):
    a = arts[ids[0]]
    out.append({"split": "train" if k < 12 else "dev" if k < 20 else "test",
                "articles": [{"id": i, "source": arts[i]["source"], "url": arts[i]["url"]} for i in ids],
                "date": a["date"], "topic": a["topic"]})
json.dump(out, sys.stdout, indent=1)
