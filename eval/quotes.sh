#!/usr/bin/env bash
# Quote extraction and speaker attribution on PolNeAR (LREC 2018), scored
# as its README recommends (/work/shared/data/polnear/README.md): gold
# attributions of the primary annotator against predicted quotes, per
# article, greedy 1:1; a match needs |gold ∩ predicted| / |gold| > 0.3
# (lenient) or > 0.8 (strict), both printed, on UTF-8 byte offsets; subsets
# direct, direct+mixed and all.  For each: quote P/R/F1; end-to-end F1, where
# a prediction counts only when its quote matches AND its speaker is right
# (what a user gets); and speaker accuracy over the matched pairs with a gold
# source (overlap of at least one byte), with "resolved", where a
# he/she/they/it source counts only when it was resolved to the right name.
# The articles are analyzed as PolNeAR gives them (no body normalization),
# so offsets compare directly (eval_quotes.c).
# eval/quotes_errors.py prints the errors of one split by class (missed,
# false, wrong speaker span, no speaker, pronoun resolved to the wrong name)
# for tuning on train and dev.
# Tuned on train and dev; the test split is reported.  PX_QUOTES_SPLITS
# chooses others (e.g. "dev test").
# The peer, compromise's quotations() (npm package compromise, installed into
# a scratch folder as bench/ does), runs on the same articles in the same
# run and is scored by the same code; it names no speaker, so only its quote
# figures are printed.  Without node, npm or the package it is said to be
# skipped and no figure is printed for it.
# Times: each split's parallax run and peer run as whole processes, one
# clock for both (bench/measure.py, one run each, no warm-up; wall and CPU,
# all threads); the scoring is not in them.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
data="${PX_DATA:-$root/../shared/data}/polnear/polnear.jsonl.gz"
bin="${PX_BUILD:-$root/build}/eval_quotes"
npmdir=${PX_NPM_DIR:-/tmp/px-bench-npm}
if [[ ! -f "$data" ]]; then echo "quotes: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$bin" ]]; then echo "quotes: $bin not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zcat "$data" > "$tmp/polnear.jsonl"
peer=1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "compromise: skipped (node or npm absent); no figure"; peer=0
elif [[ ! -d "$npmdir/node_modules/compromise" ]]; then
  mkdir -p "$npmdir"
  # one install line for every npm peer (npm prunes what a later --no-save
  # install does not name)
  if ! (cd "$npmdir" && npm install --no-save --no-audit --no-fund compromise @mozilla/readability jsdom >/dev/null 2>&1); then
    echo "compromise: skipped (npm install failed: registry unreachable?); no figure"; peer=0
  fi
fi
measure() { /usr/bin/python3 "$root/bench/measure.py" --runs 1 "$@"; }
took() { /usr/bin/python3 -c 'import json,sys; m=json.loads(sys.argv[2]); print("  %s: %.1f s CPU, %.1f s wall (whole process, bench/measure.py)" % (sys.argv[1], m["cpu"], m["wall"]))' "$1" "$2"; }
for split in ${PX_QUOTES_SPLITS:-test}; do
  pm=$(measure --stdin "$tmp/polnear.jsonl" --stdout "$tmp/pred.jsonl" -- "$bin" --split "$split")
  /usr/bin/python3 "$root/eval/score_polnear.py" "$tmp/polnear.jsonl" "$tmp/pred.jsonl" --split "$split"
  took "$split, parallax (eval_quotes: reading, analysis, quotes)" "$pm"
  if ((peer)); then
    cm=$(NODE_PATH="$npmdir/node_modules" measure --stdout "$tmp/cpred.jsonl" -- node "$root/eval/polnear_compromise.js" "$tmp/polnear.jsonl" "$split")
    /usr/bin/python3 "$root/eval/score_polnear.py" "$tmp/polnear.jsonl" "$tmp/cpred.jsonl" --split "$split" \
      --label "compromise $(node -p "require('$npmdir/node_modules/compromise/package.json').version") quotations()" --no-speakers
    took "$split, compromise (node: reading, tagging, quotations())" "$cm"
  fi
done
