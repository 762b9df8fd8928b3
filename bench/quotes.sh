#!/usr/bin/env bash
# Quote extraction and attribution throughput on the AllSides bodies beside
# compromise's quotations() (npm package compromise, installed into a scratch
# folder) on the same text.
#   parallax:    eval_quotes --field body: tokens, sentences, entities and
#                quotes from raw text (the quote pass alone is printed too,
#                as the program measures it inside itself)
#   compromise:  nlp(body).quotations() (its tokenizer and tagger included)
# Both read the same first PX_BENCH_ARTICLES articles (default 600, ~3 MB:
# compromise takes about 30 s a megabyte) from one JSON Lines file.  One
# clock for both (bench/measure.py): the whole process -- start, reading and
# JSON parsing, all threads (node's JIT and garbage collector included) --
# PX_RUNS times (default 3) after PX_WARMUP unmeasured runs (default 0);
# medians of wall time and of CPU time (user + system).  A failed run fails
# the benchmark; without node, npm or the package, compromise is said to be
# skipped and no figure is printed for it.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
bin="${PX_BUILD:-$root/build}/eval_quotes"
n=${PX_BENCH_ARTICLES:-600}
runs=${PX_RUNS:-3}
warm=${PX_WARMUP:-0}
npmdir=${PX_NPM_DIR:-/tmp/px-bench-npm}
if [[ ! -f "$data" ]]; then echo "quotes: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$bin" ]]; then echo "quotes: $bin not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# (sed reads to the end, so xz never dies of a closed pipe)
xz -dc "$data" | sed -n "1,${n}p" > "$tmp/bodies.jsonl"
got=$(wc -l < "$tmp/bodies.jsonl")
[[ "$got" -eq "$n" ]] || { echo "quotes: $data holds $got articles, $n asked" >&2; exit 1; }
measure() { /usr/bin/python3 "$root/bench/measure.py" --runs "$runs" --warmup "$warm" "$@"; }
field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
mb=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["body"].encode()) for l in open(sys.argv[1]) if isinstance(json.loads(l).get("body"), str)) / 1e6)' "$tmp/bodies.jsonl")
printf 'AllSides bodies: %s articles, %.2f MB; whole process, medians of %s runs after %s warm-up (shared machine)\n' "$n" "$mb" "$runs" "$warm"
px=$(measure --stdin "$tmp/bodies.jsonl" --stdout "$tmp/px.out" -- "$bin" --time --field body)
read -r pbytes psecs qsecs nq < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["bytes"], d["seconds"], d["quote_seconds"], d["quotes"])' "$tmp/px.out")
printf '%-28s %9s %9s %11s %8s\n' "" "wall s" "CPU s" "MB/s (CPU)" quotes
printf '%-28s %9.2f %9.2f %11.3f %8s\n' "parallax (full analysis)" "$(field wall <<<"$px")" "$(field cpu <<<"$px")" \
  "$(echo "$mb / $(field cpu <<<"$px")" | bc -l)" "$nq"
printf '  inside parallax, its thread CPU clock: analysis %.2f s, quote pass alone %.2f s (%.1f MB/s)\n' \
  "$psecs" "$qsecs" "$(echo "$pbytes / 1000000 / $qsecs" | bc -l)"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "compromise: skipped (node or npm absent); no figure"; exit 0
fi
if [[ ! -d "$npmdir/node_modules/compromise" ]]; then
  mkdir -p "$npmdir"
  # one install line for every npm peer of the benchmarks (npm prunes what a
  # later --no-save install does not name)
  if ! (cd "$npmdir" && npm install --no-save --no-audit --no-fund compromise @mozilla/readability jsdom >/dev/null 2>&1); then
    echo "compromise: skipped (npm install failed: registry unreachable?); no figure"; exit 0
  fi
fi
js=$(cd "$npmdir" && NODE_PATH="$npmdir/node_modules" measure --stdout "$tmp/js.out" -- node "$root/bench/quotes_compromise.js" "$tmp/bodies.jsonl")
read -r cbytes csecs cnq < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["bytes"], d["seconds"], d["quotes"])' "$tmp/js.out")
[[ "$cbytes" == "$pbytes" ]] || { echo "quotes: compromise read $cbytes bytes, parallax $pbytes" >&2; exit 1; }
printf '%-28s %9.2f %9.2f %11.3f %8s\n' "compromise quotations()" "$(field wall <<<"$js")" "$(field cpu <<<"$js")" \
  "$(echo "$mb / $(field cpu <<<"$js")" | bc -l)" "$cnq"
awk -v pw="$(field wall <<<"$px")" -v pc="$(field cpu <<<"$px")" -v jw="$(field wall <<<"$js")" -v jc="$(field cpu <<<"$js")" \
  'BEGIN { printf "ratio compromise / parallax: %.0fx by CPU time, %.0fx by wall time (whole processes, same text, same runs)\n", jc / pc, jw / pw }'
