#!/usr/bin/env bash
# Text analysis throughput on the AllSides bodies, beside a raw byte scan and
# ICU's sentence break iterator over the same bytes held in memory:
#   raw:      a plain loop counting '\n' and '.'
#   parallax: px__text_analyze (dateline, sentences, tokens, folds, stems)
#   icu:      u_strFromUTF8 + ubrk_open(UBRK_SENTENCE, "en_US") to the end
# Medians of PX_RUNS runs (default 3); PX_LIMIT=N uses the first N articles.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
if [[ ! -f "$data" ]]; then echo "text: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$build/bench_text" ]]; then echo "text: $build/bench_text not built; skipped" >&2; exit 0; fi
args=(--runs "${PX_RUNS:-3}")
[[ -n "${PX_LIMIT:-}" ]] && args+=(--limit "$PX_LIMIT")
"$build/bench_text" "$data" "${args[@]}"
