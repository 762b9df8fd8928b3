#!/usr/bin/env bash
# Report size: for the 20 largest multi-outlet stories of the AllSides
# corpus (same date and topic, three outlets or more; the README's proxy for
# one story), the default text report's line count beside the articles'
# total sentence count, and the CPU time of each comparison.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
if [[ ! -f "$data" ]]; then echo "facts_size: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$build/parallax" ]]; then echo "facts_size: $build/parallax not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xz -dc "$data" | python3 -c '
import json, sys, collections
groups = collections.defaultdict(list)
for line in sys.stdin:
    d = json.loads(line)
    if d.get("date") and d.get("topic"):
        groups[(d["date"], d["topic"])].append(d)
multi = [(k, v) for k, v in groups.items() if len({a["source"] for a in v}) >= 3]
multi.sort(key=lambda kv: (-len(kv[1]), kv[0]))
for i, (k, v) in enumerate(multi[:20]):
    with open("%s/story%02d.jsonl" % (sys.argv[1], i), "w") as f:
        for a in v:
            f.write(json.dumps({"id": a["id"], "source": a["source"], "url": a["url"], "title": a["title"],
                                "date": a["date"], "text": a["body"]}) + "\n")
    print(i, k[0], k[1], len(v), sep="\t", file=open("%s/story%02d.key" % (sys.argv[1], i), "w"))
' "$tmp"
printf '%-8s %-10s %-22s %8s %9s %11s %11s %8s\n' story date topic articles sentences report_lines full_lines cpu_s
tl=0; ts=0; tf=0
for f in "$tmp"/story*.jsonl; do
  IFS=$'\t' read -r i date topic n < "${f%.jsonl}.key"
  s=$( { /usr/bin/time -f '%U %S' "$build/parallax" compare -q --width 80 "$f" > "$tmp/out.txt"; } 2>&1 | tail -1)
  cpu=$(awk '{printf "%.2f", $1 + $2}' <<<"$s")
  lines=$(wc -l < "$tmp/out.txt")
  full=$("$build/parallax" compare -q --full --width 80 "$f" | wc -l)
  sents=$("$build/parallax" compare -q --format json "$f" | python3 -c 'import json,sys; print(sum(a["sentences"] for a in json.load(sys.stdin)["articles"]))')
  printf '%-8s %-10s %-22s %8s %9s %11s %11s %8s\n' "$i" "$date" "${topic:0:22}" "$n" "$sents" "$lines" "$full" "$cpu"
  tl=$((tl + lines)); ts=$((ts + sents)); tf=$((tf + full))
done
echo "total: $ts sentences; default report $tl lines ($(awk -v a="$tl" -v b="$ts" 'BEGIN{printf "%.3f", a/b}') lines a sentence), --full $tf lines"
