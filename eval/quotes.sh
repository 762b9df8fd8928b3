#!/usr/bin/env bash
# Quote extraction and speaker attribution on PolNeAR (LREC 2018), scored
# as its README recommends (/work/shared/data/polnear/README.md): gold
# attributions of the primary annotator against predicted quotes, per
# article, greedy 1:1; a match needs |gold ∩ predicted| / |gold| > 0.3
# (lenient; > 0.8 strict is printed too) on UTF-8 byte offsets; subsets
# direct, direct+mixed and all; speaker accuracy on matched pairs with a
# gold source (overlap of at least one byte), and "resolved", where a
# he/she/they/it source counts only when it was resolved to the right name.
# The articles are analyzed as PolNeAR gives them (no body normalization),
# so offsets compare directly (eval_quotes.c).
# Tuned on train and dev; the test split is reported.  PX_QUOTES_SPLITS
# chooses others (e.g. "dev test").
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
data="${PX_DATA:-$root/../shared/data}/polnear/polnear.jsonl.gz"
bin="${PX_BUILD:-$root/build}/eval_quotes"
if [[ ! -f "$data" ]]; then echo "quotes: skipped ($data absent)"; exit 0; fi
if [[ ! -x "$bin" ]]; then echo "quotes: $bin not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zcat "$data" > "$tmp/polnear.jsonl"
for split in ${PX_QUOTES_SPLITS:-test}; do
  "$bin" --split "$split" < "$tmp/polnear.jsonl" > "$tmp/pred.jsonl"
  /usr/bin/python3 "$root/eval/score_polnear.py" "$tmp/polnear.jsonl" "$tmp/pred.jsonl" --split "$split"
done
echo "baselines on PolNeAR test (README): compromise quotations() F1 0.682, speaker 0.44 (direct+mixed, >0.3)"
