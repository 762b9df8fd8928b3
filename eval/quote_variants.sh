#!/usr/bin/env bash
# Quote-variant matching on eval/data/quote_variants.tsv (see
# eval/data/README.md): a pair is predicted to be the same remark when the
# speakers match (px_speaker_match) and px_quote_similarity reaches
# PX_QUOTE_SAME_REMARK.  Tuned on split=dev; split=test is reported
# (PX_VARIANT_SPLITS="dev test" prints both).
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
tsv="$root/eval/data/quote_variants.tsv"
bin="${PX_BUILD:-$root/build}/eval_quotes"
if [[ ! -f "$tsv" ]]; then echo "quote_variants: skipped ($tsv absent)"; exit 0; fi
if [[ ! -x "$bin" ]]; then echo "quote_variants: $bin not built" >&2; exit 1; fi
for split in ${PX_VARIANT_SPLITS:-test}; do
  "$bin" --variants "$tsv" --split "$split"
done
