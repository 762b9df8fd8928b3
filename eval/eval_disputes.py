#!/usr/bin/env python3
"""Discrepancy ("numbers that differ") precision and recall of `parallax
compare` on the project's labels of real AllSides stories
(eval/data/disputes/allsides-*.json; no article text in the repository,
the articles are read from the AllSides file).

Each label file names a story's articles (AllSides ids) and lists items:
figures of the articles (article id, value, a phrase of at most 12 words
found in the figure's sentence) that are one dispute ("dispute": true: two
outlets give different values of one count of one thing) or that are not
("dispute": false: the figures count different things).  A predicted row
matches an item when two of its figures, from two articles and of two
values, are figures of the item.  A row is right when it matches a true
item, wrong when it matches only false ones, and unlabelled otherwise.
Precision is over the labelled rows; "strict" counts every unlabelled row
wrong.  Recall: true items some row matches, over the true items.

usage: eval_disputes.py PARALLAX LABELS_DIR ALLSIDES_JSONL_XZ [--split S] [-v]
"""
import json
import lzma
import os
import re
import sys
from px_compare import run_compare, scorer_args


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip()


def same_value(a, b):
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def value_matches(lv, pv):
    """Label figure lv and predicted figure pv (article id, value, sentence)."""
    if lv["article"] != pv[0] or not same_value(lv["value"], pv[1]):
        return False
    return pv[2] is None or norm(lv["context"]) in pv[2]


def row_matches(item, row):
    hits = [pv for pv in row if any(value_matches(lv, pv) for lv in item["values"])]
    for x in hits:
        for y in hits:
            if x[0] != y[0] and not same_value(x[1], y[1]):
                return True
    return False


def predict(parallax, arts):
    c = run_compare(parallax, arts)
    ids = [a["external_id"] for a in c["articles"]]
    sent = {}
    for f in c["facts"]:
        for m in f["members"]:
            sent[(m["article"], m["sentence"])] = norm(m["text"])
    rows = []
    for d in c["discrepancies"]:
        rows.append([(ids[v["article"]], v["value"], sent.get((v["article"], v["sentence"])), v["text"])
                     for v in d["values"]])
    return rows


def main():
    split, verbose, args = scorer_args(__doc__.strip().splitlines()[-1])
    parallax, labels, data = args
    labs = []
    for name in sorted(os.listdir(labels)):
        if name.startswith("allsides-") and name.endswith(".json"):
            lab = json.load(open(os.path.join(labels, name)))
            if split is None or lab["split"] == split:
                labs.append((name, lab))
    need = {a["id"] for _, lab in labs for a in lab["story"]["articles"]}
    text = {}
    with lzma.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in need:
                text[a["id"]] = a
    right = wrong = unlabelled = found = disputes = 0
    for name, lab in labs:
        arts = [text[a["id"]] for a in lab["story"]["articles"] if a["id"] in text]
        if len(arts) != len(lab["story"]["articles"]):
            sys.exit(f"eval_disputes: {name}: articles missing from {data}")
        rows = predict(parallax, arts)
        items = lab["items"]
        for row in rows:
            true_hit = any(it["dispute"] and row_matches(it, row) for it in items)
            false_hit = any(not it["dispute"] and row_matches(it, row) for it in items)
            if true_hit:
                right += 1
                verdict = "right"
            elif false_hit:
                wrong += 1
                verdict = "wrong"
            else:
                unlabelled += 1
                verdict = "unlabelled"
            if verbose:
                print(f"  {name}: {verdict}: " + " / ".join(v[3] for v in row), file=sys.stderr)
        for it in items:
            if not it["dispute"]:
                continue
            disputes += 1
            hit = any(row_matches(it, row) for row in rows)
            found += hit
            if verbose and not hit:
                print(f"  {name}: missed: {it['what']}", file=sys.stderr)
    pred = right + wrong + unlabelled
    # a share of nothing is no figure: with no row judged, precision is
    # undefined and said so, never printed as 0 or 1
    p = f"{right / (right + wrong):.3f}" if right + wrong else "undefined"
    ps = f"{right / pred:.3f}" if pred else "undefined"
    r = f"{found / disputes:.3f}" if disputes else "undefined"
    print(f"disputes ({split or 'every split'}, {len(labs)} stories): precision {p} (strict {ps})  "
          f"recall {r}  [{pred} rows predicted: {right} right, {wrong} wrong, {unlabelled} unlabelled; "
          f"{found} of {disputes} labelled disputes found]")


if __name__ == "__main__":
    main()
