#!/usr/bin/env bash
# Quote extraction and attribution throughput on the AllSides bodies beside
# compromise's quotations() (npm package compromise, installed into a scratch
# folder) on the same text, from one run of each.
#   parallax, quotes:   the quote pass alone (marks, cues, speakers, pronouns)
#                       over text already tokenized and with its entities
#   parallax, full:     tokens, sentences, entities and quotes from raw text
#   compromise:         nlp(body).quotations() (its tokenizer and tagger included)
# Both read the same first PX_BENCH_ARTICLES articles (default 600, ~3 MB:
# compromise takes about 30 s a megabyte);
# times are CPU seconds measured inside each program (fair on a busy
# machine), JSON parsing excluded.  One core.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
bin="${PX_BUILD:-$root/build}/eval_quotes"
n=${PX_BENCH_ARTICLES:-600}
npmdir=${PX_BENCH_NPM:-/tmp/px-bench-npm}
if [[ ! -f "$data" ]]; then echo "quotes: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$bin" ]]; then echo "quotes: $bin not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(xz -dc "$data" 2>/dev/null || true) | head -n "$n" > "$tmp/bodies.jsonl"
px=$(taskset -c 0 "$bin" --time --field body < "$tmp/bodies.jsonl" 2>/dev/null || "$bin" --time --field body < "$tmp/bodies.jsonl")
read -r bytes secs qsecs nq < <(echo "$px" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["bytes"], d["seconds"], d["quote_seconds"], d["quotes"])')
mb=$(echo "$bytes / 1000000" | bc -l)
printf 'AllSides bodies: %s articles, %.1f MB\n' "$n" "$mb"
printf '%-44s %9s %9s %9s\n' "" "seconds" "MB/s" "quotes"
printf '%-44s %9.2f %9.3f %9s\n' "parallax quotes+attribution (quote pass)" "$qsecs" "$(echo "$mb / $qsecs" | bc -l)" "$nq"
printf '%-44s %9.2f %9.3f %9s\n' "parallax full (tokens, entities, quotes)" "$secs" "$(echo "$mb / $secs" | bc -l)" "$nq"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "compromise: skipped (node or npm absent)"
  exit 0
fi
if [[ ! -d "$npmdir/node_modules/compromise" ]]; then
  mkdir -p "$npmdir"
  (cd "$npmdir" && npm install --no-save --silent compromise >/dev/null 2>&1) || { echo "compromise: skipped (npm install failed)"; exit 0; }
fi
cp "$root/bench/quotes_compromise.js" "$npmdir/"
cp_out=$(cd "$npmdir" && taskset -c 0 node quotes_compromise.js "$tmp/bodies.jsonl" 2>/dev/null || node quotes_compromise.js "$tmp/bodies.jsonl")
read -r cbytes csecs cnq < <(echo "$cp_out" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["bytes"], d["seconds"], d["quotes"])')
cmb=$(echo "$cbytes / 1000000" | bc -l)
printf '%-44s %9.2f %9.3f %9s\n' "compromise quotations()" "$csecs" "$(echo "$cmb / $csecs" | bc -l)" "$cnq"
printf 'ratio parallax full / compromise:       %.1fx faster\n' "$(echo "($mb / $secs) / ($cmb / $csecs)" | bc -l)"
printf 'ratio parallax quote pass / compromise: %.1fx faster\n' "$(echo "($mb / $qsecs) / ($cmb / $csecs)" | bc -l)"
