#!/usr/bin/env bash
# Duplicate detection and story clustering speed on the AllSides corpus
# (37,554 full-text articles), at 1k, 10k and all articles, beside the
# scikit-learn TF-IDF + average-linkage baseline at equal size (1k and 5k:
# its dense distance matrix and O(n^2) linkage make the whole corpus
# impractical).
#   The growth table: parallax's own stages, process CPU seconds measured
#   inside bench_cluster over articles already in memory (one thread),
#   medians of PX_BENCH_RUNS runs (default 3).
#     analysis  = text analysis alone (sentences, tokens, stems) of title + body
#     dedup     = px_dedup time minus analysis
#     cluster   = px_stories time minus px_dedup time, in batch mode (what
#                 ingest runs over each pass; PX_BENCH_CLUSTER=online for the
#                 single-pass mode of the library)
#   The comparison with scikit-learn: one clock for both (bench/measure.py),
#   each a whole process (start, reading the JSON, analysis, clustering, all
#   threads -- BLAS's included), the same PX_BENCH_RUNS runs after PX_WARMUP
#   unmeasured runs (default 0); medians of wall and of CPU time.
# A failed run fails the benchmark.
set -euo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PX_BUILD:-$root/build}
data=${PX_DATA:-$root/../shared/data}
corpus=$data/allsides-news/allsides_articles.jsonl.xz
bin=$build/bench_cluster
[[ -f $corpus ]] || { echo "stories: $corpus absent; skipped"; exit 0; }
[[ -x $bin ]] || { echo "stories: $bin not built; skipped"; exit 0; }
runs=${PX_BENCH_RUNS:-3}
cm=${PX_BENCH_CLUSTER:-batch}
echo "clustering mode: $cm"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xz -dc "$corpus" > "$tmp/all.jsonl"
head -n 1000 "$tmp/all.jsonl" > "$tmp/1k.jsonl"
head -n 5000 "$tmp/all.jsonl" > "$tmp/5k.jsonl"
head -n 10000 "$tmp/all.jsonl" > "$tmp/10k.jsonl"

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
# median of the seconds column over $runs runs; also keeps the peak RSS.
measure() { # mode file -> "seconds peak_mb n"
  local mode=$1 file=$2 out=()
  for ((r = 0; r < runs; r++)); do out+=("$("${pin[@]}" "$bin" "$mode" "$file")"); done
  printf '%s\n' "${out[@]}" | sort -k3,3g | sed -n "$(((runs + 1) / 2))p" | awk '{print $3, $6, $2, $5}'
}

declare -A T P N L
for size in 1k 5k 10k all; do
  for mode in analyze dedup $cm; do
    read -r s p n l < <(measure "$mode" "$tmp/$size.jsonl")
    T[$size.$mode]=$s P[$size.$mode]=$p N[$size]=$n L[$size]=$l
  done
done
printf '%-5s %7s | %9s %9s %9s | %11s %11s %13s | %8s %8s\n' size articles analysis dedup cluster \
  "dedup art/s" "clust art/s" "dedup+clust s" "load MB" "peak MB"
for size in 1k 5k 10k all; do
  awk -v n="${N[$size]}" -v a="${T[$size.analyze]}" -v d="${T[$size.dedup]}" -v o="${T[$size.$cm]}" \
      -v l="${L[$size]}" -v p="${P[$size.$cm]}" -v sz="$size" 'BEGIN {
    dd = d - a; cl = o - d; if (dd <= 0) dd = 1e-9; if (cl <= 0) cl = 1e-9;
    printf "%-5s %7d | %8.2fs %8.2fs %8.2fs | %11.0f %11.0f %12.2fs | %8.0f %8.0f\n",
      sz, n, a, dd, cl, n / dd, n / cl, o - a, l, p }'
done
echo "growth (time ratio for 10x and 3.76x more articles; linear = the article ratio):"
awk -v n1="${N[1k]}" -v n2="${N[10k]}" -v n3="${N[all]}" \
    -v a1="${T[1k.dedup]}" -v a2="${T[10k.dedup]}" -v a3="${T[all.dedup]}" \
    -v b1="${T[1k.analyze]}" -v b2="${T[10k.analyze]}" -v b3="${T[all.analyze]}" \
    -v c1="${T[1k.$cm]}" -v c2="${T[10k.$cm]}" -v c3="${T[all.$cm]}" 'BEGIN {
  d1 = a1 - b1; d2 = a2 - b2; d3 = a3 - b3; k1 = c1 - a1; k2 = c2 - a2; k3 = c3 - a3;
  printf "  articles       1k->10k x%.2f   10k->all x%.2f\n", n2 / n1, n3 / n2;
  printf "  dedup          1k->10k x%.2f   10k->all x%.2f\n", d2 / d1, d3 / d2;
  printf "  clustering     1k->10k x%.2f   10k->all x%.2f\n", k2 / k1, k3 / k2;
  printf "  dedup+cluster  1k->10k x%.2f   10k->all x%.2f\n", (c2 - b2) / (c1 - b1), (c3 - b3) / (c2 - b2) }'
awk -v a="${T[all.analyze]}" -v o="${T[all.$cm]}" -v n="${N[all]}" 'BEGIN {
  printf "whole corpus (%d articles): dedup+clustering %.2fs (target <= 10s), analysis %.2fs, total %.2fs\n", n, o - a, a, o }'

if /usr/bin/python3 -c 'import sklearn, scipy' 2>/dev/null; then
  warm=${PX_WARMUP:-0}
  echo "scikit-learn baseline (eval/sklearn_baseline.py, distance 0.8) beside parallax (analysis + dedup + $cm clustering), whole processes, medians of $runs runs after $warm warm-up"
  echo "  sklearn's $(/usr/bin/python3 "$root/eval/sklearn_baseline.py" --threads)"
  for size in 1k 5k; do
    px=$(/usr/bin/python3 "$root/bench/measure.py" --runs "$runs" --warmup "$warm" -- "$bin" "$cm" "$tmp/$size.jsonl")
    sk=$(/usr/bin/python3 "$root/bench/measure.py" --runs "$runs" --warmup "$warm" -- /usr/bin/python3 "$root/eval/sklearn_baseline.py" "$tmp/$size.jsonl" --threshold 0.8)
    /usr/bin/python3 - "$size" "${N[$size]}" "$px" "$sk" <<'EOF2'
import json, sys
size, n, p, s = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
print(f"  {size:<3} {n:6d} articles: sklearn CPU {s['cpu']:.2f}s wall {s['wall']:.2f}s (peak {s['max_rss_mb']:.0f} MB); "
      f"parallax CPU {p['cpu']:.2f}s wall {p['wall']:.2f}s (peak {p['max_rss_mb']:.0f} MB): "
      f"{s['cpu'] / p['cpu']:.1f}x by CPU, {s['wall'] / p['wall']:.1f}x by wall")
EOF2
  done
else
  echo "scikit-learn baseline: skipped (/usr/bin/python3 lacks sklearn/scipy); no figure"
fi
