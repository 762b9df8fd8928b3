#!/usr/bin/env bash
# MRPC: the sentence-alignment scorer of `parallax compare` as a paraphrase
# classifier.  Threshold tuned on train, accuracy and F1 on test; beside it
# baselines computed in the same run (eval/mrpc_baselines.py: majority class,
# word overlap and TF-IDF cosine, thresholds tuned on train).
# Data: $PX_DATA/mrpc (MSR-SSLA, evaluation only; never copied into the repo).
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}/mrpc"
if [[ ! -f "$data/train.tsv" || ! -f "$data/test.tsv" ]]; then
  echo "mrpc: $data/train.tsv or test.tsv not found; skipped"
  exit 0
fi
if [[ ! -x "$build/eval_mrpc" ]]; then
  echo "mrpc: $build/eval_mrpc not built" >&2
  exit 1
fi
echo "-- built-in model (lib/align/simmodel.c, fitted on the project's labels of real coverage: eval/run simmodel)"
"$build/eval_mrpc" "$data/train.tsv" "$data/test.tsv"
echo "-- a model fitted now on MRPC train, for comparison only (MRPC is evaluation-only: never shipped)"
"$build/eval_mrpc" --train "$data/train.tsv" "$data/test.tsv"
echo "-- baselines"
python3 "$root/eval/mrpc_baselines.py" "$data/train.tsv" "$data/test.tsv"
