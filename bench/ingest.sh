#!/usr/bin/env bash
# Ingest throughput on the AllSides corpus beside the raw-read limit.
#   raw:      xz -dc allsides.jsonl.xz | wc -l      (decompress + scan, nothing else)
#   parallax: parallax ingest --no-analyze --no-cluster allsides.jsonl.xz
#             (decompress, parse, repair, normalize, store, search index;
#             bench/pipeline.sh measures the whole pipeline)
# Also from an uncompressed copy beside `wc -l` of it.  One clock for all
# (bench/measure.py): each command is a whole process (the ingest starts
# from an empty database each run), run PX_RUNS times (default 3) after
# PX_WARMUP unmeasured runs (default 0); medians of wall and CPU time (user +
# system, children included).  Ratios are of medians.  A failed run fails
# the benchmark, and the stored article count is checked.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
px="${PX_BUILD:-$root/build}/parallax"
runs=${PX_RUNS:-3}
warm=${PX_WARMUP:-0}
if [[ ! -f "$data" ]]; then echo "ingest: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$px" ]]; then echo "ingest: $px not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
measure() { /usr/bin/python3 "$root/bench/measure.py" --runs "$runs" --warmup "$warm" "$@"; }
field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
xz -dc "$data" > "$tmp/all.jsonl"
mb=$(stat -c %s "$tmp/all.jsonl" | awk '{printf "%.1f", $1/1e6}')
n=$(wc -l < "$tmp/all.jsonl")
raw_xz=$(measure -- bash -o pipefail -c 'xz -dc "$1" | wc -l' bash "$data")
px_xz=$(measure -- sh -c 'rm -f "$1"/p.db*; exec "$2" ingest -q --no-analyze --no-cluster --db "$1/p.db" "$3"' sh "$tmp" "$px" "$data")
stored_xz=$(sqlite3 "$tmp/p.db" "select count(*) from article")
raw_plain=$(measure -- wc -l "$tmp/all.jsonl")
px_plain=$(measure -- sh -c 'rm -f "$1"/p.db*; exec "$2" ingest -q --no-analyze --no-cluster --db "$1/p.db" "$3"' sh "$tmp" "$px" "$tmp/all.jsonl")
stored=$(sqlite3 "$tmp/p.db" "select count(*) from article")
dbsize=$(stat -c %s "$tmp/p.db" | awk '{printf "%.0f", $1/1e6}')
[[ "$stored" == "$stored_xz" && "$stored" -gt 0 ]] || { echo "ingest: stored $stored_xz from .xz, $stored uncompressed" >&2; exit 1; }
printf 'corpus: %s articles, %s MB uncompressed; stored %s; database %s MB; whole processes, medians of %s runs after %s warm-up (shared machine)\n' \
  "$n" "$mb" "$stored" "$dbsize" "$runs" "$warm"
printf '%-36s %8s %8s %12s %10s\n' "" "wall s" "CPU s" "articles/s" "MB/s"
row() { local w c; w=$(field wall <<<"$2"); c=$(field cpu <<<"$2")
  printf '%-36s %8.2f %8.2f %12.0f %10.1f   (by CPU time)\n' "$1" "$w" "$c" "$(echo "$n / $c" | bc -l)" "$(echo "$mb / $c" | bc -l)"; }
row "raw: xz -dc | wc -l" "$raw_xz"
row "parallax ingest (.xz)" "$px_xz"
row "raw: wc -l (uncompressed)" "$raw_plain"
row "parallax ingest (uncompressed)" "$px_plain"
ratio() { awk -v a="$(field "$3" <<<"$1")" -v b="$(field "$3" <<<"$2")" 'BEGIN { printf "%.2f", a / b }'; }
printf 'ratio parallax/raw, xz input:           %sx by CPU, %sx by wall\n' "$(ratio "$px_xz" "$raw_xz" cpu)" "$(ratio "$px_xz" "$raw_xz" wall)"
printf 'ratio parallax/raw, uncompressed input: %sx by CPU, %sx by wall\n' "$(ratio "$px_plain" "$raw_plain" cpu)" "$(ratio "$px_plain" "$raw_plain" wall)"
printf 'peak memory, ingest: %s MB\n' "$(field max_rss_mb <<<"$px_plain")"
