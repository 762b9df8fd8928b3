#!/usr/bin/env bash
# Ingest throughput on the AllSides corpus beside the raw-read limit.
#   raw:      xz -dc allsides.jsonl.xz | wc -l      (decompress + scan, nothing else)
#   parallax: parallax ingest --no-analyze --no-cluster allsides.jsonl.xz
#             (decompress, parse, repair, normalize, store, search index;
#             bench/pipeline.sh measures the whole pipeline)
# Also from an uncompressed copy beside `wc -l` of it.  Each is run
# PX_RUNS times (default 3) and the median printed; ratios are of medians.
set -euo pipefail
data="${PX_DATA:-$(dirname "$0")/../../shared/data}/allsides-news/allsides_articles.jsonl.xz"
px="${PX_BUILD:-$(dirname "$0")/../build}/parallax"
runs=${PX_RUNS:-3}
if [[ ! -f "$data" ]]; then echo "ingest: skipped ($data absent)"; exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
xz -dc "$data" > "$tmp/all.jsonl"
mb=$(stat -c %s "$tmp/all.jsonl" | awk '{printf "%.1f", $1/1e6}')
n=$(wc -l < "$tmp/all.jsonl")
raw_xz=(); px_xz=(); raw_plain=(); px_plain=(); rss=()
for ((i = 0; i < runs; i++)); do
  raw_xz+=("$(t sh -c "xz -dc '$data' | wc -l")")
  rm -f "$tmp"/p.db*
  px_xz+=("$(t "$px" ingest -q --no-analyze --no-cluster --db "$tmp/p.db" "$data")")
  raw_plain+=("$(t wc -l "$tmp/all.jsonl")")
  rm -f "$tmp"/p.db*
  s=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$px" ingest -q --no-analyze --no-cluster --db "$tmp/p.db" "$tmp/all.jsonl" >/dev/null 2>&1 || true
  e=$(date +%s.%N)
  px_plain+=("$(echo "$e - $s" | bc)")
  rss+=("$(cat "$tmp/rss")")
done
m_raw_xz=$(printf '%s\n' "${raw_xz[@]}" | median)
m_px_xz=$(printf '%s\n' "${px_xz[@]}" | median)
m_raw_plain=$(printf '%s\n' "${raw_plain[@]}" | median)
m_px_plain=$(printf '%s\n' "${px_plain[@]}" | median)
m_rss=$(printf '%s\n' "${rss[@]}" | median)
stored=$(sqlite3 "$tmp/p.db" "select count(*) from article" 2>/dev/null || echo "?")
dbsize=$(stat -c %s "$tmp/p.db" | awk '{printf "%.0f", $1/1e6}')
printf 'corpus: %s articles, %s MB uncompressed; stored %s; database %s MB; medians of %s runs\n' "$n" "$mb" "$stored" "$dbsize" "$runs"
printf '%-44s %8s %12s %10s\n' "" "seconds" "articles/s" "MB/s"
row() { printf '%-44s %8.2f %12.0f %10.1f\n' "$1" "$2" "$(echo "$n / $2" | bc -l)" "$(echo "$mb / $2" | bc -l)"; }
row "raw: xz -dc | wc -l" "$m_raw_xz"
row "parallax ingest (.xz)" "$m_px_xz"
row "raw: wc -l (uncompressed)" "$m_raw_plain"
row "parallax ingest (uncompressed)" "$m_px_plain"
printf 'ratio parallax/raw, xz input:           %.2fx\n' "$(echo "$m_px_xz / $m_raw_xz" | bc -l)"
printf 'ratio parallax/raw, uncompressed input: %.1fx\n' "$(echo "$m_px_plain / $m_raw_plain" | bc -l)"
printf 'peak memory, uncompressed ingest: %.0f MB\n' "$(echo "$m_rss / 1024" | bc -l)"
