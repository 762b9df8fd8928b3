#!/usr/bin/env python3
"""Check the project's hand-labelled evaluation sets in eval/data.

quote_variants.tsv: header and column count, labels 0/1, notes and splits
from the documented sets, no tabs inside fields, no duplicate pairs.
stories/*/truth.json: every outlet file exists and parses as a header block
plus body; every fact sentence, quote string and number occurs verbatim in
the body of the outlet it names.  Prints a summary, exits 1 on any problem.

    python3 eval/data/check_data.py
"""
import collections
import glob
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
bad = []

# quote_variants.tsv
POS = {"reworded", "translated", "partial"}
NEG = {"same_speaker_different_remark", "same_words_different_speaker", "unrelated"}
path = os.path.join(here, "quote_variants.tsv")
rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")]
header, rows = rows[0], rows[1:]
if header != ["label", "speaker_a", "quote_a", "speaker_b", "quote_b", "note", "split"]:
    bad.append("quote_variants.tsv: unexpected header %s" % header)
seen = set()
for n, r in enumerate(rows, 2):
    if len(r) != 7:
        bad.append("quote_variants.tsv:%d: %d columns" % (n, len(r)))
        continue
    label, sa, qa, sb, qb, note, split = r
    if (label == "1" and note not in POS) or (label == "0" and note not in NEG) or label not in "01":
        bad.append("quote_variants.tsv:%d: label %s with note %s" % (n, label, note))
    if split not in ("dev", "test"):
        bad.append("quote_variants.tsv:%d: split %s" % (n, split))
    if not all(x.strip() for x in (sa, qa, sb, qb)):
        bad.append("quote_variants.tsv:%d: empty field" % n)
    if (qa, qb) in seen:
        bad.append("quote_variants.tsv:%d: duplicate pair" % n)
    seen.add((qa, qb))
c = collections.Counter((r[0], r[6]) for r in rows if len(r) == 7)
print("quote_variants.tsv: %d pairs (dev %d+/%d-, test %d+/%d-)"
      % (len(rows), c[("1", "dev")], c[("0", "dev")], c[("1", "test")], c[("0", "test")]))

# stories
nstories = nfacts = nquotes = 0
for tp in sorted(glob.glob(os.path.join(here, "stories", "*", "truth.json"))):
    d = os.path.dirname(tp)
    t = json.load(open(tp, encoding="utf-8"))
    bodies = {}
    for slug, o in t["outlets"].items():
        raw = open(os.path.join(d, o["file"]), encoding="utf-8").read()
        head, sep, body = raw.partition("\n\n")
        keys = [l.split(":", 1)[0] for l in head.split("\n")]
        if not sep or keys[:3] != ["Title", "Source", "Date"]:
            bad.append("%s: header block must start with Title, Source, Date" % o["file"])
        bodies[slug] = body
    for f in t["facts"]:
        for slug, sents in f["sentences"].items():
            for s in sents:
                if s not in bodies[slug]:
                    bad.append("%s/%s: fact %s sentence not in text: %r" % (t["story"], slug, f["id"], s[:60]))
        if f["scope"] != ("shared" if len(f["sentences"]) > 1 else "unique"):
            bad.append("%s: fact %s scope" % (t["story"], f["id"]))
    for q in t["quotes"]:
        for slug, vs in q["variants"].items():
            for v in vs:
                if v["text"] not in bodies[slug]:
                    bad.append("%s/%s: quote %s not in text" % (t["story"], slug, q["id"]))
    for nb in t["numbers"]:
        for slug, v in nb["values"].items():
            if v not in bodies[slug]:
                bad.append("%s/%s: number %r not in text" % (t["story"], slug, v))
    nstories += 1
    nfacts += len(t["facts"])
    nquotes += len(t["quotes"])
print("stories: %d stories, %d outlet texts, %d facts, %d quote groups"
      % (nstories, len(glob.glob(os.path.join(here, "stories", "*", "*.txt"))), nfacts, nquotes))

# polnear_antecedents.jsonl: labels only; checked against the PolNeAR text
# when ../shared/data/polnear is there
ante = [json.loads(l) for l in open(os.path.join(here, "polnear_antecedents.jsonl"), encoding="utf-8")]
for a in ante:
    if set(a) != {"split", "doc_id", "bstart", "bend", "pronoun", "antecedent", "sure"}:
        bad.append("polnear_antecedents: fields of %s %s" % (a.get("doc_id"), a.get("bstart")))
pn = os.path.join(here, "..", "..", "..", "shared", "data", "polnear", "polnear.jsonl.gz")
checked = 0
if os.path.exists(pn):
    import gzip
    texts = {}
    with gzip.open(pn, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            texts[d["doc_id"]] = d["text"].encode("utf-8")
    for a in ante:
        t = texts.get(a["doc_id"])
        if t is None or t[a["bstart"]:a["bend"]].decode("utf-8", "replace") != a["pronoun"]:
            bad.append("polnear_antecedents: %s %d is not %r" % (a["doc_id"], a["bstart"], a["pronoun"]))
        checked += 1
print("polnear_antecedents.jsonl: %d labels (%d named nobody), %s"
      % (len(ante), sum(a["antecedent"] is None for a in ante),
         "%d checked against PolNeAR" % checked if checked else "PolNeAR absent, offsets not checked"))
for b in bad:
    print(b)
print("ok" if not bad else "%d problems" % len(bad))
sys.exit(1 if bad else 0)
