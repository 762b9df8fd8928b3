#!/usr/bin/env python3
"""Furniture precision and recall of `parallax compare` on the project's
labels of one AllSides story (eval/data/real/allsides-furniture-*.json):
every paragraph of 14 words or fewer in its articles labelled furniture or
not (by article id and paragraph index; no text in the repository, the
articles are read from the AllSides file).  A paragraph is flagged when a
fact the comparison marks `furniture` lies inside it.  Precision is over
the labelled short paragraphs; "strict" also counts flags on the longer,
unlabelled paragraphs (taken as news) as wrong.

usage: eval_furniture.py PARALLAX LABELS_DIR ALLSIDES_JSONL_XZ
"""
import json
import lzma
import os
import re
import sys
from px_compare import run_compare, scorer_args


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    split, verbose, args = scorer_args(__doc__.strip().splitlines()[-1])
    parallax, labels, data = args
    files = sorted(f for f in os.listdir(labels) if f.startswith("allsides-furniture-"))
    if split:
        files = [f for f in files if json.load(open(os.path.join(labels, f))).get("split") == split]
    labs = [json.load(open(os.path.join(labels, name))) for name in files]
    # one pass over the corpus for every labelled story (date and topic)
    story_arts = {(lab["story"]["date"], lab["story"]["topic"]): [] for lab in labs}
    with lzma.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            key = (a.get("date"), a.get("topic"))
            if key in story_arts:
                story_arts[key].append(a)
    tp = fp = fn = fp_long = nlab = 0
    for lab in labs:
        arts = story_arts[(lab["story"]["date"], lab["story"]["topic"])]
        c = run_compare(parallax, arts)
        ids = [a["external_id"] for a in c["articles"]]
        flags = {}
        for f in c["facts"]:
            if f.get("furniture"):
                for m in f["members"]:
                    flags.setdefault(ids[m["article"]], []).append(norm(m["text"]))
        labelled = {(p["article"], p["paragraph"]): p["furniture"] for p in lab["paragraphs"]}
        nlab += len(labelled)
        for a in arts:
            paras = a["body"].split("\n")
            for k, p in enumerate(paras):
                pn = norm(p)
                if not pn:
                    continue
                flagged = any(t and t in pn for t in flags.get(a["id"], []))
                truth = labelled.get((a["id"], k))
                if truth is None:
                    fp_long += flagged
                    if flagged and verbose:
                        print("  flagged long paragraph:", a["id"], k, file=sys.stderr)
                elif truth and flagged:
                    tp += 1
                elif truth:
                    fn += 1
                    if verbose:
                        print("  missed:", a["id"], k, pn[:100], file=sys.stderr)
                elif flagged:
                    fp += 1
                    if verbose:
                        print("  wrongly flagged:", a["id"], k, pn[:100], file=sys.stderr)
    p = tp / (tp + fp) if tp + fp else 0.0
    ps = tp / (tp + fp + fp_long) if tp + fp + fp_long else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"furniture ({split or 'every split'}, {len(files)} stories): precision {p:.3f} (strict {ps:.3f})  recall {r:.3f}  [{tp + fn} furniture of "
          f"{nlab} labelled short paragraphs; {tp + fp} flagged among them, {fp_long} among longer ones]")


if __name__ == "__main__":
    main()
