#!/usr/bin/env python3
"""make_dedup_set.py - build a near-duplicate detection set from the AllSides corpus.

usage: make_dedup_set.py ALLSIDES.jsonl.xz OUTDIR [--n 1000] [--seed 1]

Writes OUTDIR/set.jsonl (articles, shuffled by time like a crawl) and
OUTDIR/gold.tsv ("id<TAB>group<TAB>kind"): every original is in a group with
its copy; near-misses are singletons.

- originals: N articles of 150+ words, from distinct (date, topic) groups.
- copies (one per original), syndicated-style, with 2 to 4 of these edits:
    headline   a new headline (words reordered, a prefix, or another title)
    trim       the ending cut (the last 15-40% of paragraphs dropped)
    addpara    a paragraph from an unrelated article inserted
    byline     another outlet, other authors, a dateline prefix
    words      a few words changed per paragraph ("said" -> "says", ...)
  and always a different outlet name and id.
- near-misses: for each original, an article of the same date and topic from
  another outlet (same event, different text) when the corpus has one,
  checked to share under 20% of its word 8-grams with the original.
The set is generated at eval time and never committed (the texts are
copyrighted; see the corpus README).
"""
import argparse
import json
import lzma
import os
import random
import re
from collections import defaultdict

SWAPS = [("said", "says"), ("told", "said to"), ("percent", "%"), ("Monday", "on Monday"),
         ("President", "Pres."), ("will", "would"), ("about", "around"), ("also", "")]


def words(text):
    return re.findall(r"\w+", text.lower())


def grams(text, k=8):
    w = words(text)
    return {tuple(w[i:i + k]) for i in range(max(0, len(w) - k + 1))}


def paragraphs(body):
    return [p.strip() for p in re.split(r"\n+", body) if p.strip()]


def edit(orig, rng, pool, kinds_out):
    paras = paragraphs(orig["body"])
    title = orig.get("title") or ""
    kinds = rng.sample(["headline", "trim", "addpara", "byline", "words"], rng.randint(2, 4))
    byline = orig.get("authors") or ""
    if "words" in kinds:
        out = []
        for p in paras:
            for a, b in rng.sample(SWAPS, 2):
                p = re.sub(r"\b%s\b" % re.escape(a), b, p, count=1)
            out.append(re.sub(r"  +", " ", p))
        paras = out
    if "trim" in kinds and len(paras) >= 4:
        keep = max(2, int(round(len(paras) * (1 - rng.uniform(0.15, 0.40)))))
        paras = paras[:keep]
    if "addpara" in kinds:
        other = paragraphs(rng.choice(pool)["body"])
        if other:
            paras.insert(rng.randint(1, len(paras)), rng.choice(other))
    if "headline" in kinds:
        choice = rng.randint(0, 2)
        if choice == 0 and title:
            w = title.split()
            rng.shuffle(w)
            title = " ".join(w)
        elif choice == 1:
            title = rng.choice(["UPDATE: ", "Breaking: ", "WATCH: ", "Report: "]) + title
        else:
            title = rng.choice(pool).get("title") or "News"
    if "byline" in kinds:
        byline = rng.choice(["Staff and wire reports", "Associated Press", "By Jane Doe",
                             "Reuters staff", "News Service"])
        if paras:
            paras[0] = rng.choice(["WASHINGTON (AP) — ", "NEW YORK — ", "(Reuters) - "]) + paras[0]
    kinds_out.extend(sorted(kinds))
    return title, byline, "\n\n".join(paras)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("outdir")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    arts = []
    with lzma.open(a.corpus, "rt", encoding="utf-8") as f:
        for ln in f:
            d = json.loads(ln)
            if d.get("body") and len(d["body"].split()) >= 150:
                arts.append(d)
    groups = defaultdict(list)
    for d in arts:
        groups[(d.get("date"), d.get("topic"))].append(d)
    keys = [k for k in groups if k[0]]
    rng.shuffle(keys)
    originals, misses = [], []
    for k in keys:
        if len(originals) >= a.n:
            break
        g = groups[k]
        o = rng.choice(g)
        others = [d for d in g if d is not o and d.get("source") != o.get("source")]
        rng.shuffle(others)
        og = grams(o["body"])
        miss = None
        for d in others[:5]:
            dg = grams(d["body"])
            if not dg or len(og & dg) / min(len(og), len(dg)) < 0.2:
                miss = d
                break
        originals.append(o)
        if miss:
            misses.append(miss)
    os.makedirs(a.outdir, exist_ok=True)
    rows, gold = [], []
    for i, o in enumerate(originals):
        oid = f"o{i}"
        rows.append({"id": oid, "source": o.get("source"), "title": o.get("title"),
                     "authors": o.get("authors"), "date": o.get("date"), "body": o["body"]})
        kinds = []
        title, byline, body = edit(o, rng, arts, kinds)
        cid = f"c{i}"
        rows.append({"id": cid, "source": "Copy Outlet %d" % rng.randint(1, 40), "title": title,
                     "authors": byline, "date": o.get("date"), "body": body})
        gold.append((oid, f"g{i}", "original"))
        gold.append((cid, f"g{i}", "copy:" + "+".join(kinds)))
    for j, m in enumerate(misses):
        mid = f"m{j}"
        rows.append({"id": mid, "source": m.get("source"), "title": m.get("title"),
                     "authors": m.get("authors"), "date": m.get("date"), "body": m["body"]})
        gold.append((mid, mid, "nearmiss"))
    # Time order like a crawl; a copy never precedes its original.
    order = {r["id"]: (r.get("date") or "", r["id"][0] != "o", rng.random()) for r in rows}
    rows.sort(key=lambda r: order[r["id"]])
    with open(os.path.join(a.outdir, "set.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(a.outdir, "gold.tsv"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write("\t".join(g) + "\n")
    print(f"make_dedup_set: {len(originals)} originals, {len(originals)} copies, "
          f"{len(misses)} near-misses -> {a.outdir}")


if __name__ == "__main__":
    main()
