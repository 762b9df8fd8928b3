#!/usr/bin/env bash
# HTML article extraction quality.
#  1. Article Extraction Benchmark (181 pages): the benchmark's own metric
#     (\w+ tokens, 4-gram shingle multisets, macro precision/recall, F1 from
#     the averages).  The scorer is first checked on the published outputs of
#     two peers in outputs.tar.xz (must print readability_js 0.947 and
#     trafilatura 0.958, the published figures).
#  2. WCXB test split, 257 article pages: title exact (normalized), author
#     found (ground-truth name contained in the byline, normalized), date
#     (YYYY-MM-DD of the published time, UTC) and word F1 (origin metric).
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}"
bin="$build/eval_extract"
if [[ ! -x "$bin" ]]; then echo "extract: $bin not built; skipped" >&2; exit 0; fi
aeb="$data/article-extraction-benchmark"
if [[ -f "$aeb/ground-truth.json" ]]; then
  if [[ -f "$aeb/outputs.tar.xz" ]]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    tar -xJf "$aeb/outputs.tar.xz" -C "$tmp" output/readability_js.json output/trafilatura.json
    echo "scorer check (published: readability_js 0.947/0.914/0.982, trafilatura 0.958/0.938/0.978):"
    for s in readability_js trafilatura; do "$bin" aeb-output "$aeb" "$tmp/output/$s.json"; done
  fi
  "$bin" aeb "$aeb"
else
  echo "extract: skipped AEB ($aeb absent)"
fi
wcxb="$data/wcxb-test"
if [[ -f "$wcxb/ground-truth.json.gz" ]]; then
  echo "(Readability.js measured on the same pages: title 146/257, author 131/184, date 108/218, word F1 0.935)"
  "$bin" wcxb "$wcxb"
else
  echo "extract: skipped WCXB ($wcxb absent)"
fi
