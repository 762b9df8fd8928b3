#!/usr/bin/env bash
# Sentence splitter on the English "Golden Rules" (pragmatic_segmenter /
# pySBD): segments stripped, exact list equality.  Prints
#   golden rules: N/48 (pySBD set), M/52 (all)
# and the failing rule ids.  PX_VERBOSE=1 also prints what was produced.
# Data: $PX_DATA/golden-rules-en (evaluation only; never copied into the repo).
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}/golden-rules-en/golden_rules_en.json"
if [[ ! -f "$data" ]]; then
  echo "sentences: $data not found; skipped"
  exit 0
fi
if [[ ! -x "$build/eval_sentences" ]]; then
  echo "sentences: $build/eval_sentences not built; skipped" >&2
  exit 0
fi
if [[ "${PX_VERBOSE:-0}" == 1 ]]; then
  "$build/eval_sentences" -v "$data"
else
  "$build/eval_sentences" "$data"
fi
echo "(published: pySBD 47/48, pragmatic_segmenter 51/52, ICU 72 en_US 28/48 = 29/52 all)"
