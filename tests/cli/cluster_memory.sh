#!/usr/bin/env bash
# Clustering memory follows the pass, not the input (docs/limits.md): the
# memory that ingest with stories takes beyond the same ingest without
# (--no-cluster) grows by no more than the per-article lists the limits
# table states (about 70 bytes an article, 200 allowed) when the input
# grows four times, once the input is past a pass.  The pass is set small
# (PARALLAX_CLUSTER_PASS=500) so that a few thousand invented tiny records
# show it; with one pass for everything (the bound taken away) the same
# growth is about 2.5 KB an article, and the test says so when it sees it.
set -euo pipefail
px=$1
root=$2
if grep -qaE "__asan_init|AddressSanitizer" "$px" 2>/dev/null; then
  echo "skip: peak memory under AddressSanitizer (shadow memory, quarantine) says nothing"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
small=10000 large=40000 pass=500
/usr/bin/python3 "$root/bench/tiny_records.py" "$large" "$tmp/large.jsonl" --language en
head -n "$small" "$tmp/large.jsonl" > "$tmp/small.jsonl"
# peak resident MB of one ingest into a fresh store, on one thread: with
# workers, the input read ahead of the writer (up to 512 articles and their
# analyses) fills as the timing allows, which would blur clustering's share
peak() {
  local db=$tmp/p.db
  rm -f "$db" "$db"-*
  timeout 300 /usr/bin/python3 "$root/bench/measure.py" --runs 1 -- "$px" ingest -q --threads 1 --db "$db" "$@" |
    /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["max_rss_mb"])'
}
share() { # clustering's share of the peak, MB, for input $1 and pass $2
  local with without
  with=$(PARALLAX_CLUSTER_PASS=$2 peak "$1")
  without=$(peak --no-cluster "$1")
  awk -v a="$with" -v b="$without" 'BEGIN { printf "%.1f", a - b }'
}
s_small=$(share "$tmp/small.jsonl" "$pass")
s_large=$(share "$tmp/large.jsonl" "$pass")
allowed=$(awk -v n=$((large - small)) 'BEGIN { printf "%.1f", 4 + n * 200 / 1048576 }')
echo "pass $pass: clustering's share of the peak $s_small MB at $small records, $s_large MB at $large (growth allowed: $allowed MB)"
ok=$(awk -v a="$s_small" -v b="$s_large" -v m="$allowed" 'BEGIN { print (b - a <= m) }')
# The same inputs in one pass: the growth the bound prevents must show, or
# the test could not tell a bounded clustering from an unbounded one.
u_small=$(share "$tmp/small.jsonl" 1000000)
u_large=$(share "$tmp/large.jsonl" 1000000)
echo "one pass for all: $u_small MB at $small records, $u_large MB at $large"
seen=$(awk -v a="$u_small" -v b="$u_large" -v m="$allowed" 'BEGIN { print (b - a > 2 * m) }')
if [[ $seen != 1 ]]; then
  echo "FAIL: without the bound the clustering did not grow past twice the allowance: the test cannot see a regression" >&2
  exit 1
fi
if [[ $ok != 1 ]]; then
  echo "FAIL: clustering memory grew with the input beyond its per-article lists" >&2
  exit 1
fi
echo "ok: clustering memory bounded by the pass"
