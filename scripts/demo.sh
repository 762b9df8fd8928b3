#!/usr/bin/env bash
# The first README command: installs missing Debian packages, builds, and
# runs parallax's main job on the bundled sample (sample/news.jsonl) into a
# fresh database, then shows what was stored.
#   PX_DB   database to use (default ./parallax-sample.db, recreated)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j"$(nproc)" >/dev/null
px="$root/build/parallax"
db="${PX_DB:-$root/parallax-sample.db}"
rm -f "$db" "$db-wal" "$db-shm"
echo "\$ parallax ingest --db $(basename "$db") sample/news.jsonl"
"$px" ingest --db "$db" "$root/sample/news.jsonl"
echo
echo "\$ parallax articles --db $(basename "$db")"
"$px" articles --db "$db"
