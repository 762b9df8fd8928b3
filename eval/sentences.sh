#!/usr/bin/env bash
# The sentence splitter beside ICU's sentence break iterator (ICU from
# Debian, locale en_US), both run here on the same input in the same run:
#  1. Real news: 26 AllSides articles, 456 sentences labelled by hand
#     (eval/data/sentences_news.tsv: ids and byte offsets, no article text;
#     eval/data/README.md says how they were labelled).  Reported per split,
#     dev (used when changing the splitter) and test (held out): sentences
#     exact (both ends right) and boundaries inside paragraphs.
#  2. The English "Golden Rules" (pragmatic_segmenter / pySBD): a rule passes
#     when the segments, stripped, equal the expected list exactly.  These
#     rules were used while writing the splitter: they are not held out.
# pySBD, the Python library, is not packaged in Debian (nor published on
# npm), so it is not run here and no figure is printed for it.
# PX_VERBOSE=1 also prints parallax's failures (Golden Rules, news dev).
# Data: $PX_DATA/allsides-news and $PX_DATA/golden-rules-en (evaluation only).
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}"
bin="$build/eval_sentences"
v=(); [[ "${PX_VERBOSE:-0}" == 1 ]] && v=(-v)
if [[ ! -x "$bin" ]]; then echo "sentences: $bin not built" >&2; exit 1; fi
corpus="$data/allsides-news/allsides_articles.jsonl.xz"
labels="$root/eval/data/sentences_news.tsv"
if [[ -f "$corpus" ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # the labelled articles only
  python3 - "$corpus" "$labels" > "$tmp/articles.jsonl" <<'PY'
import json, lzma, sys
ids = {l.split("\t")[1] for l in open(sys.argv[2], encoding="utf-8") if l.startswith("A\t")}
for line in lzma.open(sys.argv[1], "rt", encoding="utf-8"):
    if json.loads(line).get("id") in ids:
        sys.stdout.write(line)
PY
  echo "real news (AllSides, hand-labelled; rule: sentence exact = both trimmed ends equal):"
  "$bin" news "${v[@]}" "$labels" "$tmp/articles.jsonl"
else
  echo "sentences: real news skipped ($corpus absent); no figure"
fi
gr="$data/golden-rules-en/golden_rules_en.json"
if [[ -f "$gr" ]]; then
  echo "Golden Rules, English (not held out: used while writing the splitter):"
  "$bin" golden "${v[@]}" "$gr"
else
  echo "sentences: Golden Rules skipped ($gr absent); no figure"
fi
echo "pySBD: not packaged in Debian; not run here, no figure"
