#!/usr/bin/env bash
# A query's process stays small: the page cache's pool of huge pages
# (lib/store/store.c) is resident as soon as SQLite takes it, so it is made
# only for a process whose first store is opened for writing.  Made in
# every process, it cost each query about 70 MB and some milliseconds
# (`parallax entities --top 3` on the AllSides store: 81 MB resident
# against 7.7 MB).  Here: each read command's peak resident memory on the
# bundled sample's store stays under 40 MB, and an ingest, which takes the
# pool, goes over it (so the measure would see the pool).
set -euo pipefail
px=$1
root=$2
if grep -qaE "__asan_init|AddressSanitizer" "$px" 2>/dev/null; then
  echo "skip: resident memory under AddressSanitizer (shadow memory) says nothing"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/s.db
limit=40
peak() { # peak resident MB of one command, whole process
  timeout 120 /usr/bin/python3 "$root/bench/measure.py" --runs 1 -- "$px" "$@" |
    /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["max_rss_mb"])'
}
fails=0
ingest=$(peak ingest -q --db "$db" "$root/sample/news.jsonl")
echo "ingest of the sample: peak $ingest MB (the pool taken)"
if awk -v m="$ingest" -v l="$limit" 'BEGIN { exit !(m <= l) }'; then
  echo "FAIL: the ingest's peak $ingest MB is not over $limit MB: the measure would not see the pool"
  fails=$((fails + 1))
fi
for cmd in "stats" "entities --top 3" "search summit" "stories" "quotes"; do
  # shellcheck disable=SC2086
  m=$(peak $cmd --db "$db")
  if awk -v m="$m" -v l="$limit" 'BEGIN { exit !(m > l) }'; then
    echo "FAIL: parallax $cmd: peak $m MB, over $limit MB"
    fails=$((fails + 1))
  else
    echo "ok   parallax $cmd: peak $m MB"
  fi
done
[ "$fails" -eq 0 ]
