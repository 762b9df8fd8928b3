#!/usr/bin/env bash
# Fact, quote-variant and discrepancy alignment of `parallax compare` on the
# project's labelled stories (eval/data/stories: dev to tune, test to report).
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="$root/eval/data/stories"
if [[ ! -d "$data" ]]; then
  echo "facts: $data not found; skipped"
  exit 0
fi
if [[ ! -x "$build/parallax" ]]; then
  echo "facts: $build/parallax not built; skipped"
  exit 0
fi
for split in dev test; do
  echo "-- $split (invented stories, eval/data/stories)"
  python3 "$root/eval/eval_facts.py" "$build/parallax" "$data" --split "$split"
done
# Real coverage: the project's labels of BASIL events (eval/data/real; no
# article text in the repository, the texts are read from the set).
basil="${PX_DATA:-$root/../shared/data}/basil"
if [[ -f "$basil/basil.jsonl.gz" ]]; then
  for split in train dev test; do
    echo "-- $split (real stories, eval/data/real; train fits the similarity model, dev tunes, test reports)"
    python3 "$root/eval/eval_facts_real.py" "$build/parallax" "$root/eval/data/real" \
      "$basil/basil.jsonl.gz" "$basil/reserved.txt" --split "$split"
  done
else
  echo "-- real stories: skipped ($basil/basil.jsonl.gz absent)"
fi
allsides="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
if [[ -f "$allsides" ]]; then
  for split in dev test; do
    echo "-- $split (page furniture, AllSides stories, eval/data/real)"
    python3 "$root/eval/eval_furniture.py" "$build/parallax" "$root/eval/data/real" "$allsides" --split "$split"
  done
else
  echo "-- furniture: skipped ($allsides absent)"
fi
# Numeric disputes in real AllSides stories: the project's labels
# (eval/data/disputes; train and dev to tune, test to report).
if [[ -f "$allsides" ]]; then
  for split in train dev test; do
    echo "-- $split (numeric disputes, AllSides stories, eval/data/disputes)"
    python3 "$root/eval/eval_disputes.py" "$build/parallax" "$root/eval/data/disputes" "$allsides" --split "$split"
  done
else
  echo "-- disputes: skipped ($allsides absent)"
fi
