#!/usr/bin/env python3
"""make_dedup_set.py - build a near-duplicate detection set from the AllSides corpus.

usage: make_dedup_set.py ALLSIDES.jsonl.xz OUTDIR --split dev|test [--n 1000] [--seed 22]

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
  another outlet (same event, other text) when the corpus has one, whatever
  it shares with the original below half of its word 8-grams (at half or
  more it may be a real syndicated copy, which the corpus does not label);
  the share is kept in the kind ("nearmiss:0.123").
- partly overlapping negatives: for every other original, an article of
  another story (an article used nowhere else in the set) with a run of the
  original's paragraphs put in it (20-60 % of the original's 8-grams;
  "overlap:0.352:o12"): a story quoting part of another is not a copy of it.
- split: the (date, topic) groups are cut in two by a hash of the key, dev
  and test, so no story is in both; the test split also leaves out every
  original and near-miss of the set the detector's LSH bands were chosen on
  (this script's earlier selection: seed 1, 2,000 originals).
The set is generated at eval time and never committed (the texts are
copyrighted; see the corpus README).
"""
import argparse
import hashlib
import json
import lzma
import math
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


def old_tuning_ids(arts, groups, n=2000, seed=1):
    """The originals and near-misses of the set the detector's LSH bands were
    chosen on (this script's earlier selection, seed 1, 2,000 originals):
    the test split leaves them out."""
    rng = random.Random(seed)
    keys = [k for k in groups if k[0]]
    rng.shuffle(keys)
    used, count = set(), 0
    for k in keys:
        if count >= n:
            break
        g = groups[k]
        o = rng.choice(g)
        others = [d for d in g if d is not o and d.get("source") != o.get("source")]
        rng.shuffle(others)
        og = grams(o["body"])
        for d in others[:5]:
            dg = grams(d["body"])
            if not dg or len(og & dg) / min(len(og), len(dg)) < 0.2:
                used.add(d["id"])
                break
        used.add(o["id"])
        count += 1
    return used


def floor3(x):
    """x to three decimals, rounded down (a share under 0.6 never prints 0.600)."""
    return "%.3f" % (math.floor(x * 1000) / 1000)


def share(a, b):
    """Share of a's word 8-grams found in b."""
    ga = grams(a)
    return len(ga & grams(b)) / len(ga) if ga else 0.0


def overlap_negative(orig, host, rng):
    """host's body with a run of orig's paragraphs put in it: a story that
    quotes part of another (20-60 % of orig's 8-grams), not a copy of it."""
    op = paragraphs(orig["body"])
    hp = paragraphs(host["body"])
    if len(op) < 4 or len(hp) < 2:
        return None, 0.0
    for _ in range(6):  # until the share falls in [0.2, 0.6)
        target = rng.uniform(0.2, 0.6)
        k = max(1, int(round(len(op) * target)))
        i = rng.randint(0, len(op) - k)
        body = hp[:]
        at = rng.randint(1, len(body))
        body[at:at] = op[i:i + k]
        text = "\n\n".join(body)
        sh = share(orig["body"], text)
        if 0.2 <= sh < 0.6:
            return text, sh
    return None, 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("outdir")
    ap.add_argument("--n", type=int, default=1000, help="originals in the split")
    ap.add_argument("--split", choices=["dev", "test"], required=True)
    ap.add_argument("--seed", type=int, default=22)
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
    exclude = old_tuning_ids(arts, groups) if a.split == "test" else set()
    # (date, topic) groups split in two by a hash of the key: no story is in both
    part = {"dev": 0, "test": 1}[a.split]
    keys = sorted(k for k in groups if k[0] and
                  int(hashlib.sha1(("%s|%s" % k).encode()).hexdigest(), 16) % 2 == part)
    rng.shuffle(keys)
    originals, misses = [], []
    for k in keys:
        if len(originals) >= a.n:
            break
        g = [d for d in groups[k] if d["id"] not in exclude]
        if not g:
            continue
        o = rng.choice(g)
        others = [d for d in g if d is not o and d.get("source") != o.get("source")]
        rng.shuffle(others)
        originals.append(o)
        # another outlet's article on the same day and topic; one sharing half
        # of its text or more may be a real syndicated copy (unlabelled), so
        # it is not taken as a negative
        for d in others[:5]:
            sh = max(share(o["body"], d["body"]), share(d["body"], o["body"]))
            if sh < 0.5:
                misses.append((d, sh))
                break
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
    for j, (m, sh) in enumerate(misses):
        mid = f"m{j}"
        rows.append({"id": mid, "source": m.get("source"), "title": m.get("title"),
                     "authors": m.get("authors"), "date": m.get("date"), "body": m["body"]})
        gold.append((mid, mid, "nearmiss:%s" % floor3(sh)))
    # partly overlapping negatives: for every other original, an article of
    # another day and topic carrying a run of its paragraphs
    # the host is an article found nowhere else in the set (else the negative
    # would be a real copy of the host), of another day and topic
    nover = 0
    taken = {o["id"] for o in originals} | {m["id"] for m, _ in misses} | exclude
    for i, o in enumerate(originals):
        if i % 2:
            continue
        host = rng.choice(arts)
        while host["id"] in taken or (host.get("date"), host.get("topic")) == (o.get("date"), o.get("topic")):
            host = rng.choice(arts)
        taken.add(host["id"])
        body, sh = overlap_negative(o, host, rng)
        if body is None:
            continue
        vid = f"v{i}"
        rows.append({"id": vid, "source": "Other Outlet %d" % rng.randint(1, 40),
                     "title": host.get("title"), "authors": host.get("authors"),
                     "date": o.get("date"), "body": body})
        gold.append((vid, vid, "overlap:%s:o%d" % (floor3(sh), i)))
        nover += 1
    # Time order like a crawl; a copy never precedes its original.
    order = {r["id"]: (r.get("date") or "", r["id"][0] != "o", rng.random()) for r in rows}
    rows.sort(key=lambda r: order[r["id"]])
    with open(os.path.join(a.outdir, "set.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(a.outdir, "gold.tsv"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write("\t".join(g) + "\n")
    print(f"make_dedup_set: {a.split}: {len(originals)} originals, {len(originals)} copies, "
          f"{len(misses)} near-misses, {nover} partly overlapping negatives"
          + (f" ({len(exclude)} articles of the tuning set left out)" if exclude else "") + f" -> {a.outdir}")
    if len(originals) < a.n:
        raise SystemExit(f"make_dedup_set: only {len(originals)} originals for {a.n} asked")


if __name__ == "__main__":
    main()
