#!/usr/bin/env python3
"""Check sample/gold.json against sample/news.jsonl.

Every article must belong to exactly one event; every syndicated pair must
stay inside one event; every fact evidence string, quote part, number and
non-remark quoted string must occur verbatim in the article it names; every
span between quotation marks in an article must be listed in gold.json as a
quote part or a non-remark.  Prints a summary and exits 1 on any problem.

    python3 sample/check_gold.py [news.jsonl gold.json]
"""
import json
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
news = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "news.jsonl")
goldp = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "gold.json")

arts = {}
for n, line in enumerate(open(news, encoding="utf-8"), 1):
    a = json.loads(line)
    for k in ("id", "source", "url", "title", "authors", "date", "text"):
        if k not in a:
            sys.exit("%s:%d: missing field %s" % (news, n, k))
    arts[a["id"]] = a
gold = json.load(open(goldp, encoding="utf-8"))
bad = []


def need(aid, s, what):
    if aid not in arts:
        bad.append("%s: unknown article %s" % (what, aid))
    elif s not in arts[aid]["text"]:
        bad.append("%s: %r not in %s" % (what, s, aid))


covered = {}
for e in gold["events"]:
    for aid in e["articles"]:
        if gold["articles"].get(aid) != e["id"]:
            bad.append("article %s listed under %s" % (aid, e["id"]))
    for f in e["facts"]:
        for aid, s in f["articles"].items():
            need(aid, s, "fact %s/%s" % (e["id"], f["id"]))
    for q in e["quotes"]:
        for v in q["variants"]:
            for p in v["parts"]:
                need(v["article"], p, "quote %s/%s" % (e["id"], q["id"]))
            covered.setdefault(v["article"], []).extend(v["parts"])
    for nb in e["numbers"]:
        for aid, s in nb["values"].items():
            need(aid, s, "number %s/%s" % (e["id"], nb["fact"]))
    for nr in e["not_remarks"]:
        need(nr["article"], nr["text"], "not_remark %s" % e["id"])
        covered.setdefault(nr["article"], []).append(nr["text"])
if set(gold["articles"]) != set(arts):
    bad.append("articles and gold differ: %s" % sorted(set(gold["articles"]) ^ set(arts)))
for copy, orig in gold["syndicated"].items():
    if gold["articles"].get(copy) != gold["articles"].get(orig):
        bad.append("syndicated pair %s -> %s crosses events" % (copy, orig))
quoted = re.compile(r'"([^"]+)"|“([^”]+)”|“([^”]+)\n\n')
for aid, a in arts.items():
    for m in quoted.finditer(a["text"]):
        s = (m.group(1) or m.group(2) or m.group(3)).strip().rstrip(",")
        if not any(s in p or p in s for p in covered.get(aid, [])):
            bad.append("%s: quoted span not in gold: %r" % (aid, s[:80]))
for b in bad:
    print(b)
print("%d articles, %d events, %d syndicated copies, %d facts, %d quote groups, %d numbers: %s"
      % (len(arts), len(gold["events"]), len(gold["syndicated"]),
         sum(len(e["facts"]) for e in gold["events"]),
         sum(len(e["quotes"]) for e in gold["events"]),
         sum(len(e["numbers"]) for e in gold["events"]), "ok" if not bad else "%d problems" % len(bad)))
sys.exit(1 if bad else 0)
