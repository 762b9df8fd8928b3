#!/usr/bin/env bash
# report_html.sh PARALLAX SOURCE_DIR - the HTML report of a 30-article
# comparison laid out by headless Chromium: no sideways scroll at 1280 px
# nor at a phone's width, and a screenshot of each is made.  Skipped (exit
# 77, reported as skipped) only when chromium is not installed (scripts/deps.txt
# lists it).
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then echo "skip: chromium not installed"; exit 77; fi
"$px" compare -q --format html "$src/sample/news.jsonl" > "$tmp/r.html"
check "html report written" grep -q "</html>" "$tmp/r.html"
# the page measures itself: scroll width against the viewport's
sed 's|</body></html>|<script>document.title="W"+document.documentElement.scrollWidth+"x"+document.documentElement.clientWidth;</script></body></html>|' \
  "$tmp/r.html" > "$tmp/m.html"
for size in 1280,900 390,844; do
  w=${size%,*}
  dom=$(timeout 120 "$browser" --headless --no-sandbox --disable-gpu --window-size="$size" --dump-dom "$tmp/m.html" 2>/dev/null)
  t=$(grep -o 'W[0-9]*x[0-9]*' <<<"$dom" | head -1)
  sw=${t#W}; sw=${sw%x*}; cw=${t#*x}
  check "at $w px: laid out (${t:-no title})" test -n "$t"
  check "at $w px: no sideways scroll (scroll width ${sw:-?} <= view ${cw:-?})" test "${sw:-1}" -le "${cw:-0}"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --window-size="$size" \
    --screenshot="$tmp/shot_$w.png" "$tmp/r.html" >/dev/null 2>&1
  check "at $w px: screenshot made" test -s "$tmp/shot_$w.png"
done
if ((fails)); then echo "$fails failed"; exit 1; fi
echo "all passed"
