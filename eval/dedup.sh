#!/usr/bin/env bash
# Near-duplicate detection on sets generated from the AllSides corpus by
# eval/make_dedup_set.py (into a temp folder, never committed): originals,
# edited syndicated copies (new headline, cut ending, added paragraph, other
# byline/outlet, a few changed words), near-misses (same day and topic,
# another outlet's article, sharing up to half of its text) and partly
# overlapping negatives (another story carrying 20-60 % of an original's
# text).  Two splits with no story in common: dev (for tuning) and test
# (held out; it also leaves out every article of the set the LSH bands were
# chosen on).  Runs `parallax dedup --format json` with the shipped defaults
# and prints, per split: pair precision and recall (a pair = two articles in
# one predicted group), recall per kind of edit, and the negatives wrongly
# grouped by how much text they share.  Time: whole process, wall and CPU.
#   PX_DEDUP_N   originals per split (default 1000)
set -euo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PX_BUILD:-$root/build}
data=${PX_DATA:-$root/../shared/data}
corpus=$data/allsides-news/allsides_articles.jsonl.xz
[[ -f $corpus ]] || { echo "dedup: skipped ($corpus absent); no figure"; exit 0; }
[[ -x $build/parallax ]] || { echo "dedup: $build/parallax not built" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for split in dev test; do
  python3 "$root/eval/make_dedup_set.py" "$corpus" "$tmp/$split" --split "$split" --n "${PX_DEDUP_N:-1000}"
  m=$(/usr/bin/python3 "$root/bench/measure.py" --runs 1 --stdout "$tmp/$split/pred.jsonl" -- \
      "$build/parallax" dedup --quiet --format json "$tmp/$split/set.jsonl")
  python3 - "$split" "$tmp/$split/gold.tsv" "$tmp/$split/pred.jsonl" "$m" <<'PY'
import json, sys
from collections import defaultdict
split, gold_path, pred_path, m = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
gold, kind = {}, {}
for line in open(gold_path, encoding="utf-8"):
    i, g, k = line.rstrip("\n").split("\t")
    gold[i], kind[i] = g, k
pred = {}
for n, line in enumerate(open(pred_path, encoding="utf-8")):
    for mem in json.loads(line)["members"]:
        pred[mem["ext_id"]] = n
def pairs(groups):
    out = set()
    for ids in groups.values():
        ids = sorted(ids)
        out |= {(a, b) for x, a in enumerate(ids) for b in ids[x + 1:]}
    return out
g, p = defaultdict(list), defaultdict(list)
for i, c in gold.items(): g[c].append(i)
for i, c in pred.items(): p[c].append(i)
gp, pp = pairs(g), pairs(p)
tp = len(gp & pp)
prec = tp / len(pp) if pp else 1.0
rec = tp / len(gp) if gp else 1.0
neg = [i for i, k in kind.items() if k.startswith(("nearmiss", "overlap"))]
what = "dev, for tuning" if split == "dev" else "test, held out"
print(f"{split} ({what}): {len(gold)} articles, {len(gp)} true copy pairs, {len(neg)} negatives "
      f"({sum(1 for i in neg if kind[i].startswith('nearmiss'))} near-misses, "
      f"{sum(1 for i in neg if kind[i].startswith('overlap'))} partly overlapping); "
      f"parallax dedup (shipped defaults) {m['cpu']:.2f} s CPU, {m['wall']:.2f} s wall")
print(f"  pairs: precision {prec:.4f}  recall {rec:.4f}  F1 {2 * prec * rec / (prec + rec) if prec + rec else 0:.4f}"
      f"  (predicted {len(pp)}, correct {tp})")
by = defaultdict(lambda: [0, 0])
for i, k in kind.items():
    if not k.startswith("copy:"):
        continue
    o = "o" + i[1:]
    for e in k[5:].split("+"):
        by[e][1] += 1
        by[e][0] += (i in pred and o in pred and pred[i] == pred[o])
print("  recall by edit: " + "  ".join(f"{e} {a / b:.3f} ({b})" for e, (a, b) in sorted(by.items())))
bands = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 1.01)]
def grouped(i):
    return i in pred and len(p[pred[i]]) > 1
for name in ("nearmiss", "overlap"):
    cells = []
    for lo, hi in bands:
        ids = [i for i in neg if kind[i].startswith(name) and lo <= float(kind[i].split(":")[1]) < hi]
        if ids:
            cells.append(f"{lo:.1f}-{hi:.1f} shared: {sum(map(grouped, ids))}/{len(ids)}")
    label = "near-misses" if name == "nearmiss" else "partly overlapping negatives"
    print(f"  {label} wrongly put in a group: " + ("; ".join(cells) or "none in the set"))
PY
done
