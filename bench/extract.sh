#!/usr/bin/env bash
# HTML article extraction speed on the Article Extraction Benchmark's 181
# pages (31.5 MB), beside Readability.js (@mozilla/readability + jsdom, from
# npm into a scratch folder).  One clock for both (bench/measure.py): each
# tool runs as a whole process -- start, reading and gunzipping the pages,
# parsing and extraction, all its threads -- PX_RUNS times (default 3) after
# PX_WARMUP unmeasured runs (default 0), and the medians of wall time and of
# CPU time (user + system) are printed for both, with the ratios.  The time
# each program measures inside itself around parse + extraction alone is
# printed too (last run).  A failed run fails the benchmark; without node,
# npm or the package the peer is said to be skipped and no figure is printed
# for it.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
html="${PX_DATA:-$root/../shared/data}/article-extraction-benchmark/html"
runs=${PX_RUNS:-3}
warm=${PX_WARMUP:-0}
if [[ ! -d "$html" ]]; then echo "extract: skipped ($html absent)"; exit 0; fi
if [[ ! -x "$build/bench_extract" ]]; then echo "extract: $build/bench_extract not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
measure() { /usr/bin/python3 "$root/bench/measure.py" --runs "$runs" --warmup "$warm" "$@"; }
field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
pages=$(find "$html" -maxdepth 1 -name '*.html.gz' | wc -l)
echo "$pages pages; whole process, medians of $runs runs after $warm warm-up (shared machine: CPU time is the steadier figure)"
px=$(measure --stdout "$tmp/px.out" -- "$build/bench_extract" "$html" --runs 1)
printf '%-16s wall %8.2f s  CPU %8.2f s  %8.1f pages/s by CPU   (inside: %s)\n' parallax \
  "$(field wall <<<"$px")" "$(field cpu <<<"$px")" "$(echo "$pages / $(field cpu <<<"$px")" | bc -l)" \
  "$(sed 's/^parallax: //' "$tmp/px.out")"
npmdir="${PX_NPM_DIR:-/tmp/px-bench-npm}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "readability.js: skipped (node or npm absent); no figure"; exit 0
fi
if [[ ! -d "$npmdir/node_modules/jsdom" || ! -d "$npmdir/node_modules/@mozilla/readability" ]]; then
  mkdir -p "$npmdir"
  # one install line for every npm peer of the benchmarks (npm prunes what a
  # later --no-save install does not name)
  if ! (cd "$npmdir" && npm install --no-save --no-audit --no-fund compromise @mozilla/readability jsdom >/dev/null 2>&1); then
    echo "readability.js: skipped (npm install failed: registry unreachable?); no figure"; exit 0
  fi
fi
js=$(cd "$npmdir" && NODE_PATH="$npmdir/node_modules" measure --stdout "$tmp/js.out" -- node "$root/bench/readability_bench.js" "$html" 1)
printf '%-16s wall %8.2f s  CPU %8.2f s  %8.1f pages/s by CPU   (inside: %s)\n' readability.js \
  "$(field wall <<<"$js")" "$(field cpu <<<"$js")" "$(echo "$pages / $(field cpu <<<"$js")" | bc -l)" \
  "$(sed 's/^readability.js: //' "$tmp/js.out")"
awk -v pw="$(field wall <<<"$px")" -v pc="$(field cpu <<<"$px")" -v jw="$(field wall <<<"$js")" -v jc="$(field cpu <<<"$js")" \
  'BEGIN { printf "ratio Readability.js / parallax: %.0fx by CPU time, %.0fx by wall time (whole processes, same pages, same runs)\n", jc / pc, jw / pw }'
