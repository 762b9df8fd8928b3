#!/usr/bin/env bash
# The whole pipeline on the AllSides corpus: parallax ingest (read, analyze,
# quotes, store, dedup, cluster, index) from an uncompressed copy into a
# fresh database, beside a raw read of the same file; growth from 1k to 10k
# to all articles (wall and CPU seconds, CPU seconds per stage); then query
# latency on the full store.  Run it under 'taskset -c 0' for one core.
#   PX_RUNS   runs per query for the latency medians (default 5)
#   PX_SIZES  corpus sizes for the growth table (default "1000 10000 all")
set -euo pipefail
data="${PX_DATA:-$(dirname "$0")/../../shared/data}/allsides-news/allsides_articles.jsonl.xz"
px="${PX_BUILD:-$(dirname "$0")/../build}/parallax"
runs=${PX_RUNS:-5}
sizes=${PX_SIZES:-"1000 10000 all"}
if [[ ! -f "$data" ]]; then echo "pipeline: skipped ($data absent)"; exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xz -dc "$data" > "$tmp/all.jsonl"
total=$(wc -l < "$tmp/all.jsonl")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-8s %9s %8s %10s %8s %9s %8s %8s  %s\n' articles seconds "CPU s" articles/s MB/s "peak MB" "db MB" "raw s" "stages, CPU s"
prev_t=""; prev_n=""; prev_m=""
for size in $sizes; do
  if [[ "$size" == all ]]; then f="$tmp/all.jsonl"; n=$total; else f="$tmp/part.jsonl"; head -n "$size" "$tmp/all.jsonl" > "$f"; n=$size; fi
  mb=$(stat -c %s "$f" | awk '{printf "%.1f", $1/1e6}')
  s=$(date +%s.%N); wc -l "$f" >/dev/null; cat "$f" > /dev/null; e=$(date +%s.%N)
  raw=$(echo "$e - $s" | bc)
  rm -f "$tmp"/p.db*
  s=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$tmp/rss" "$px" ingest -q --timings --format json --db "$tmp/p.db" "$f" > "$tmp/sum.json" 2>/dev/null || true
  e=$(date +%s.%N)
  t=$(echo "$e - $s" | bc)
  rss=$(tail -1 "$tmp/rss" | awk '{printf "%.0f", $1/1024}')
  cpu=$(tail -1 "$tmp/rss" | awk '{printf "%.1f", $2 + $3}')
  db=$(du -cb "$tmp"/p.db* | tail -1 | awk '{printf "%.0f", $1/1e6}')
  stages=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join("%s %.1f" % kv for kv in d.get("stages_cpu", d["stages"]).items()))' "$tmp/sum.json")
  printf '%-8s %9.2f %8s %10.0f %8.1f %9s %8s %8.2f  %s\n' "$n" "$t" "$cpu" "$(echo "$n / $t" | bc -l)" "$(echo "$mb / $t" | bc -l)" "$rss" "$db" "$raw" "$stages"
  if [[ -n "$prev_t" ]]; then
    printf '         growth x%.1f articles: time x%.1f, memory x%.1f\n' "$(echo "$n / $prev_n" | bc -l)" "$(echo "$t / $prev_t" | bc -l)" "$(echo "$rss / $prev_m" | bc -l)"
  fi
  prev_t=$t; prev_n=$n; prev_m=$rss
done
printf 'ratio to a raw read of the same file (all articles): %.0fx\n' "$(echo "$t / $raw" | bc -l)"

echo
echo "query latency on the full store (median of $runs runs, including process start):"
q() {
  local name=$1; shift
  local ts=()
  for ((i = 0; i < runs; i++)); do
    s=$(date +%s%N); "$px" "$@" --db "$tmp/p.db" > /dev/null 2>&1 || true; e=$(date +%s%N)
    ts+=("$(( (e - s) / 1000000 ))")
  done
  printf '  %-44s %6s ms\n' "$name" "$(printf '%s\n' "${ts[@]}" | median)"
}
q "search 'climate change'" search "climate change"
q "search '\"supreme court\" ruling' --since 2019-01-01" search '"supreme court" ruling' --since 2019-01-01
q "quotes --speaker 'Nancy Pelosi'" quotes --speaker "Nancy Pelosi"
q "quotes --speaker 'Kim Jong-un'" quotes --speaker "Kim Jong-un"
q "stories --since 2020-01-01 --limit 50" stories --since 2020-01-01 --limit 50
q "entities --top 20" entities --top 20
q "stats" stats
