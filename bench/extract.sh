#!/usr/bin/env bash
# HTML article extraction speed on the Article Extraction Benchmark's 181
# pages (31.5 MB), beside Readability.js (@mozilla/readability + jsdom, from
# npm into a scratch folder), one core each, pages held in memory, timing
# parse + extraction only.  Prints both and the ratio.
# PX_RUNS (default 5) runs of parallax; PX_JS_RUNS (default 1) of Readability.js.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
html="${PX_DATA:-$root/../shared/data}/article-extraction-benchmark/html"
if [[ ! -d "$html" ]]; then echo "extract: skipped ($html absent)"; exit 0; fi
if [[ ! -x "$build/bench_extract" ]]; then echo "extract: $build/bench_extract not built; skipped" >&2; exit 0; fi
px=$(taskset -c 0 "$build/bench_extract" "$html" --runs "${PX_RUNS:-5}" 2>/dev/null || "$build/bench_extract" "$html" --runs "${PX_RUNS:-5}")
echo "$px"
npmdir="${PX_NPM_DIR:-/tmp/px-bench-npm}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "extract: node/npm absent; Readability.js comparison skipped"; exit 0
fi
if [[ ! -d "$npmdir/node_modules/jsdom" || ! -d "$npmdir/node_modules/@mozilla/readability" ]]; then
  mkdir -p "$npmdir"
  (cd "$npmdir" && npm install --no-save --no-audit --no-fund @mozilla/readability jsdom >/dev/null 2>&1) ||
    { echo "extract: npm install failed; Readability.js comparison skipped"; exit 0; }
fi
js=$(cd "$npmdir" && NODE_PATH="$npmdir/node_modules" taskset -c 0 node "$root/bench/readability_bench.js" "$html" "${PX_JS_RUNS:-1}" 2>/dev/null ||
     NODE_PATH="$npmdir/node_modules" node "$root/bench/readability_bench.js" "$html" "${PX_JS_RUNS:-1}")
echo "$js"
a=$(sed -n 's/.* \([0-9.]*\) pages\/s.*/\1/p' <<<"$px")
b=$(sed -n 's/.* \([0-9.]*\) pages\/s.*/\1/p' <<<"$js")
awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "ratio: parallax is %.0fx Readability.js (pages/s, one run each, same machine)\n", a / b }'
