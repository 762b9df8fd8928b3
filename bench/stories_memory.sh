#!/usr/bin/env bash
# Memory and time of ingest with clustering on many tiny records.
#
# Generates PX_BENCH_RECORDS (default 1,000,000) invented tiny articles
# (an id, one of 40 outlets, a six-word title, a 12-word body, a date;
# about 1,000 a day over 1,000 days, each about one of 40 events of its day)
# and ingests them into a fresh store with `parallax ingest`, as a user
# would: analysis, stories (clustered in passes, docs/limits.md), search
# index.  Measured by bench/measure.py (one clock for every benchmark):
# wall and CPU time of the whole process, its peak resident memory.  Then
# the same file with --no-cluster, beside it, so the clustering's share of
# the peak and of the time shows, and `wc -l` over the file as the raw read.
# Prints the articles stored and the stories made (parallax stats).
# env: PX_BENCH_RECORDS, PX_BENCH_RUNS (default 1; the peak is the largest
# of the runs, the times are medians).  A failed run fails the benchmark.
set -euo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PX_BUILD:-$root/build}
px=$build/parallax
[[ -x $px ]] || { echo "stories_memory: $px not built; skipped, no figure"; exit 0; }
n=${PX_BENCH_RECORDS:-1000000}
runs=${PX_BENCH_RUNS:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 "$root/bench/tiny_records.py" "$n" "$tmp/tiny.jsonl"
echo "input: $n tiny records, $(($(stat -c %s "$tmp/tiny.jsonl") / 1048576)) MiB of JSON Lines"
m() { /usr/bin/python3 "$root/bench/measure.py" --runs "$runs" "$@"; }
raw=$(m -- wc -l "$tmp/tiny.jsonl")
full=$(m -- bash -c "rm -f '$tmp'/a.db*; '$px' ingest -q --db '$tmp/a.db' '$tmp/tiny.jsonl'")
stats=$("$px" stats --db "$tmp/a.db" --format json)
nocl=$(m -- bash -c "rm -f '$tmp'/b.db*; '$px' ingest -q --no-cluster --db '$tmp/b.db' '$tmp/tiny.jsonl'")
echo "(machine shared with other jobs: read the CPU times; medians of $runs run(s))"
/usr/bin/python3 - "$raw" "$full" "$nocl" "$stats" <<'EOF2'
import json, sys
raw, full, nocl, stats = (json.loads(a) for a in sys.argv[1:5])
for label, d in (("wc -l (raw read)", raw), ("parallax ingest (with stories)", full),
                 ("parallax ingest --no-cluster", nocl)):
    print(f"  {label:<32} wall {d['wall']:8.2f}s  CPU {d['cpu']:8.2f}s  peak RSS {d['max_rss_mb']:7.1f} MB")
print(f"  stored {stats.get('articles')} articles in {stats.get('stories')} stories; clustering added "
      f"{full['max_rss_mb'] - nocl['max_rss_mb']:+.1f} MB to the peak and {full['cpu'] - nocl['cpu']:.2f}s of CPU")
EOF2
