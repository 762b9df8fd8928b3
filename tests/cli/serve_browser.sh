#!/usr/bin/env bash
# serve_browser.sh PARALLAX SOURCE_DIR - parallax serve in headless Chromium
# (tests/serve/browser.py, Selenium).  The server runs on 127.0.0.1 on a
# free port, inside the test, and is stopped at the end.
set -u
px=$1
src=$2
for need in chromium chromedriver; do
  if ! command -v $need >/dev/null; then
    echo "SKIP: $need is not installed (scripts/deps.txt lists it: bash scripts/setup.sh)"
    exit 77
  fi
done
# Debian's python3 (the one python3-selenium installs into), whatever else is on PATH.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
if ! "$py" -c 'import selenium' 2>/dev/null; then
  echo "SKIP: python3-selenium is not installed (scripts/deps.txt lists it)"
  exit 77
fi
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
bash "$src/tests/serve/make_store.sh" "$px" "$tmp/t.db" 2>/dev/null || { echo "FAIL making the store"; exit 1; }
printf 'Northern Wire\tlean\tCenter\nThe Daily Ledger\tlean\tLeft\nMeridian News\tlean\tRight\nCapital Courier\tlean\tLeft\n' > "$tmp/groups.tsv"
"$px" serve --db "$tmp/t.db" --listen 127.0.0.1:0 --groups "$tmp/groups.tsv" --live-seconds 1 > "$tmp/out" 2> "$tmp/err" &
pid=$!
for _ in $(seq 50); do grep -q 'http://' "$tmp/out" && break; sleep 0.1; done
url=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out")
[ -n "$url" ] || { echo "FAIL server did not start"; cat "$tmp/err"; exit 1; }
mkdir -p "$tmp/shots"
shots=${PX_SCREENSHOTS:-$tmp/shots}
mkdir -p "$shots"
timeout 300 "$py" "$src/tests/serve/browser.py" "$url" "$tmp/t.db" "$px" "$shots"
