#!/usr/bin/env bash
# The sentence-similarity model of lib/align (lib/align/simmodel.c): refit on
# the train events of eval/data/real (the project's own labels of real BASIL
# coverage; reserved events refused, MRPC never used), pair accuracy and F1
# printed on the dev events.  `python3 eval/train_sim.py build/eval_mrpc
# eval/data/real BASIL RESERVED --write lib/align/simmodel.c` regenerates
# the shipped file from the same labels.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
basil="${PX_DATA:-$root/../shared/data}/basil"
if [[ ! -f "$basil/basil.jsonl.gz" ]]; then
  echo "simmodel: $basil/basil.jsonl.gz not found; skipped"
  exit 0
fi
if [[ ! -x "$build/eval_mrpc" ]]; then
  echo "simmodel: $build/eval_mrpc not built" >&2
  exit 1
fi
python3 "$root/eval/train_sim.py" "$build/eval_mrpc" "$root/eval/data/real" \
  "$basil/basil.jsonl.gz" "$basil/reserved.txt" | grep -v '^  ' | sed -e 's/^test  (/dev   (/' -e 's/alone: test/alone: dev/'
