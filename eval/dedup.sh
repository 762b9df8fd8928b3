#!/usr/bin/env bash
# Near-duplicate detection on a set generated from the AllSides corpus by
# eval/make_dedup_set.py (into a temp folder, never committed): originals,
# edited syndicated copies (new headline, cut ending, added paragraph, other
# byline/outlet, a few changed words) and near-misses (same day and topic,
# another outlet's article).  Runs `parallax dedup --format json` and prints
# pair precision and recall (a pair = two articles in one predicted group),
# recall per kind of edit, and the near-misses wrongly grouped.
set -uo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PX_BUILD:-$root/build}
data=${PX_DATA:-$root/../shared/data}
corpus=$data/allsides-news/allsides_articles.jsonl.xz
[[ -f $corpus ]] || { echo "dedup: $corpus absent; skipped"; exit 0; }
[[ -x $build/parallax ]] || { echo "dedup: $build/parallax not built; skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/eval/make_dedup_set.py" "$corpus" "$tmp" --n "${PX_DEDUP_N:-2000}" --seed 1 || exit 1
start=$(date +%s.%N)
"$build/parallax" dedup --quiet --format json "$tmp/set.jsonl" > "$tmp/pred.jsonl" || exit 1
end=$(date +%s.%N)
python3 - "$tmp/gold.tsv" "$tmp/pred.jsonl" "$start" "$end" <<'EOF'
import json, sys
from collections import defaultdict
gold, kind = {}, {}
for line in open(sys.argv[1], encoding="utf-8"):
    i, g, k = line.rstrip("\n").split("\t")
    gold[i], kind[i] = g, k
pred = {}
for n, line in enumerate(open(sys.argv[2], encoding="utf-8")):
    for m in json.loads(line)["members"]:
        pred[m["id"]] = n
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
print(f"dedup set: {len(gold)} articles, {len(gp)} true copy pairs, "
      f"{sum(1 for k in kind.values() if k == 'nearmiss')} near-misses; "
      f"parallax dedup {float(sys.argv[4]) - float(sys.argv[3]):.2f}s")
print(f"  pairs: precision {prec:.4f}  recall {rec:.4f}  (predicted {len(pp)}, correct {tp})")
by = defaultdict(lambda: [0, 0])
for i, k in kind.items():
    if not k.startswith("copy:"):
        continue
    o = "o" + i[1:]
    for e in k[5:].split("+"):
        by[e][1] += 1
        by[e][0] += (i in pred and o in pred and pred[i] == pred[o])
print("  recall by edit: " + "  ".join(f"{e} {a / b:.3f} ({b})" for e, (a, b) in sorted(by.items())))
fp_miss = sum(1 for i, k in kind.items() if k == "nearmiss" and i in pred)
print(f"  near-misses put in a group: {fp_miss}")
EOF
