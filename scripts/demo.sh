#!/usr/bin/env bash
# The first README command: installs missing Debian packages, builds, and
# runs parallax's main job on the bundled sample (sample/news.jsonl, invented
# articles) into a fresh database: ingest (analysis, quotes, stories), then
# what a reader asks of it.
#   PX_DB   database to use (default ./parallax-sample.db, recreated)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$(nproc)" >/dev/null
px="$root/build/parallax"
db="${PX_DB:-$root/parallax-sample.db}"
rm -f "$db" "$db-wal" "$db-shm"
run() { echo; echo "\$ parallax $*"; "$px" "$@" --db "$db"; }
run ingest "$root/sample/news.jsonl"
run stats
run stories
story=$("$px" stories --db "$db" --format json | /usr/bin/python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
print(next((r["id"] for r in rows if "Kim" in r["headline"]), rows[0]["id"]))')
run story "$story" --compare
run quotes --speaker "Kim Jong-un"
