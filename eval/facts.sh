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
  echo "-- $split"
  python3 "$root/eval/eval_facts.py" "$build/parallax" "$data" --split "$split"
done
