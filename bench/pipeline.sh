#!/usr/bin/env bash
# The whole pipeline on the AllSides corpus: parallax ingest (read, analyze,
# quotes, store, dedup, cluster, index) from an uncompressed copy into a
# fresh database, beside a raw read of the same file; growth from 1k to 10k
# to all articles (wall and CPU seconds, CPU seconds per stage); then query
# latency on the full store.  One clock (bench/measure.py): every command is
# timed as a whole process, wall and CPU (user + system) time; a command that
# fails fails the benchmark.  Run it under 'taskset -c 0' for one core.
#   PX_INGEST_RUNS runs of each ingest and raw read (default 1; medians)
#   PX_RUNS   runs per query for the latency medians (default 5)
#   PX_STORE  a store made before: only the query latencies, on it
#   PX_PEER_BUILD  another build whose parallax runs each query too
#   PX_PEER_STORE  the store the peer build queries (default: the same one;
#             a copy made before this build migrated it, when the peer is
#             older and cannot read the newer schema)
#   PX_SIZES  corpus sizes for the growth table (default "4000 16000 all"; "x10"
#             adds ten copies of the corpus, each with new ids, urls and a
#             marked body, dated 1 to 9 weeks later: bench/corpus_x10.py)
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
px="${PX_BUILD:-$root/build}/parallax"
runs=${PX_RUNS:-5}
iruns=${PX_INGEST_RUNS:-1}
sizes=${PX_SIZES:-"4000 16000 all"}
if [[ ! -f "$data" ]]; then echo "pipeline: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$px" ]]; then echo "pipeline: $px not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
measure() { /usr/bin/python3 "$root/bench/measure.py" "$@"; }
field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
db_path="$tmp/p.db"
if [[ -n ${PX_STORE:-} ]]; then
  # the query latencies only, on a store made before
  [[ -f $PX_STORE ]] || { echo "pipeline: PX_STORE=$PX_STORE absent" >&2; exit 1; }
  db_path=$PX_STORE
  sizes=""
else
xz -dc "$data" > "$tmp/all.jsonl"
total=$(wc -l < "$tmp/all.jsonl")

printf '%-8s %9s %8s %10s %8s %9s %8s %8s %9s  %s\n' articles "wall s" "CPU s" "art/s CPU" "MB/s CPU" "ms/MB CPU" "peak MB" "db MB" "raw CPU s" "stages, CPU s"
prev_t=""; prev_n=""; prev_m=""
for size in $sizes; do
  if [[ "$size" == all ]]; then f="$tmp/all.jsonl"; n=$total
  elif [[ "$size" == x10 ]]; then f="$tmp/x10.jsonl"; /usr/bin/python3 "$root/bench/corpus_x10.py" < "$tmp/all.jsonl" > "$f"; n=$(wc -l < "$f"); else f="$tmp/part.jsonl"; head -n "$size" "$tmp/all.jsonl" > "$f"; n=$size; fi
  mb=$(stat -c %s "$f" | awk '{printf "%.1f", $1/1e6}')
  m=$(measure --runs "$iruns" -- sh -c 'wc -l "$1" >/dev/null && cat "$1" >/dev/null' sh "$f")
  raw=$(field cpu <<<"$m")
  m=$(measure --runs "$iruns" --stdout "$tmp/sum.json" -- sh -c 'rm -f "$1"/p.db*; exec "$2" ingest -q --timings --format json --db "$1/p.db" "$3"' sh "$tmp" "$px" "$f")
  t=$(field wall <<<"$m")
  cpu=$(field cpu <<<"$m" | awk '{printf "%.1f", $1}')
  rss=$(field max_rss_mb <<<"$m" | awk '{printf "%.0f", $1}')
  stored=$(sqlite3 "$tmp/p.db" "select count(*) from article")
  [[ "$stored" -gt 0 ]] || { echo "pipeline: nothing stored from $n articles" >&2; exit 1; }
  db=$(du -cb "$tmp"/p.db* | tail -1 | awk '{printf "%.0f", $1/1e6}')
  stages=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join("%s %.1f" % kv for kv in d.get("stages_cpu", d["stages"]).items()))' "$tmp/sum.json")
  printf '%-8s %9.2f %8s %10.0f %8.1f %9.0f %8s %8s %9.2f  %s\n' "$n" "$t" "$cpu" "$(echo "$n / $cpu" | bc -l)" "$(echo "$mb / $cpu" | bc -l)" "$(echo "$cpu * 1000 / $mb" | bc -l)" "$rss" "$db" "$raw" "$stages"
  if [[ -n "$prev_t" ]]; then
    printf '         growth x%.1f articles: CPU time x%.1f, memory x%.1f\n' "$(echo "$n / $prev_n" | bc -l)" "$(echo "$cpu / $prev_t" | bc -l)" "$(echo "$rss / $prev_m" | bc -l)"
  fi
  prev_t=$cpu; prev_n=$n; prev_m=$rss
done
printf 'ratio to a raw read (wc -l and cat) of the same file, largest size, CPU time: %.0fx\n' "$(echo "$cpu / $raw" | bc -l)"
fi

echo
echo "query latency on the full store (medians of $runs runs, whole process including its start):"
# PX_PEER_BUILD=dir: that build's parallax too, each query run by both in turn
q() {
  local name=$1 m p; shift
  m=$(measure --runs "$runs" -- "$px" "$@" --db "$db_path")
  printf '  %-44s %6.0f ms wall %6.0f ms CPU' "$name" "$(echo "$(field wall <<<"$m") * 1000" | bc -l)" "$(echo "$(field cpu <<<"$m") * 1000" | bc -l)"
  if [[ -n ${PX_PEER_BUILD:-} ]]; then
    p=$(measure --runs "$runs" -- "$PX_PEER_BUILD/parallax" "$@" --db "${PX_PEER_STORE:-$db_path}")
    printf '   (peer %6.0f ms wall %6.0f ms CPU)' "$(echo "$(field wall <<<"$p") * 1000" | bc -l)" "$(echo "$(field cpu <<<"$p") * 1000" | bc -l)"
  fi
  printf '\n'
}
q "search 'climate change'" search "climate change"
q "search '\"supreme court\" ruling' --since 2019-01-01" search '"supreme court" ruling' --since 2019-01-01
q "quotes --speaker 'Nancy Pelosi'" quotes --speaker "Nancy Pelosi"
q "quotes --speaker 'Kim Jong-un'" quotes --speaker "Kim Jong-un"
q "stories --since 2020-01-01 --limit 50" stories --since 2020-01-01 --limit 50
q "entities --top 20" entities --top 20
q "stats" stats
