#!/usr/bin/env bash
# Comparison time for stories of 2, 10, 50 and 200 articles built from the
# AllSides corpus (bench/bench_compare.c says how), with the pairs of
# sentences scored beside all cross-article pairs: the work should grow with
# the sentences, not with their square.  Target: 50 articles under 1 s.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
if [[ ! -f "$data" ]]; then echo "compare: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$build/bench_compare" ]]; then echo "compare: $build/bench_compare not built; skipped"; exit 0; fi
"$build/bench_compare" "$data" "${PX_RUNS:-5}" 2 10 50 200
