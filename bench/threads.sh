#!/usr/bin/env bash
# The whole ingest pipeline on the AllSides corpus with one thread and with
# analysis workers (--threads 1 vs --threads 2), beside `xz -dc | wc -l` on
# the same file, and the store alone (--no-analyze --no-cluster, 1 and 2
# threads): whole processes, one clock (bench/measure.py: median wall
# and CPU time of all threads, peak memory), PX_BENCH_RUNS runs each
# (default 1).  Each ingest starts from an empty database; the stored
# article count is checked, and the two databases must hold the same rows
# (tests/cli/threads.sh checks that on every build).  A failed run fails
# the benchmark.
set -euo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PX_BUILD:-$root/build}
data=${PX_DATA:-$root/../shared/data}
corpus=$data/allsides-news/allsides_articles.jsonl.xz
[[ -f $corpus ]] || { echo "threads: $corpus absent; skipped, no figure"; exit 0; }
px=$build/parallax
runs=${PX_BENCH_RUNS:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
m() { /usr/bin/python3 "$root/bench/measure.py" --runs "$runs" "$@"; }
echo "floor: xz -dc | wc -l"
floor=$(m -- bash -o pipefail -c "xz -dc '$corpus' | wc -l >/dev/null")
echo "  $floor"
rs1=$(m -- bash -c "rm -f '$tmp'/s.db*; '$px' ingest -q --threads 1 --no-analyze --no-cluster --db '$tmp/s.db' '$corpus'")
echo "  store only (--no-analyze --no-cluster), --threads 1: $rs1"
rs=$(m -- bash -c "rm -f '$tmp'/s.db*; '$px' ingest -q --threads 2 --no-analyze --no-cluster --db '$tmp/s.db' '$corpus'")
echo "  store only, --threads 2 (a worker makes the search index's tokens): $rs"
for t in 1 2; do
  rm -f "$tmp"/t.db*
  r=$(m -- bash -c "rm -f '$tmp'/t.db*; '$px' ingest -q --threads $t --db '$tmp/t.db' '$corpus'")
  n=$(sqlite3 "$tmp/t.db" "SELECT count(*) FROM article")
  [[ $n -gt 37000 ]] || { echo "threads: --threads $t stored only $n articles" >&2; exit 1; }
  echo "  --threads $t: $r ($n articles)"
  eval "r$t='$r'"
done
/usr/bin/python3 - "$floor" "$rs1" "$rs" "$r1" "$r2" <<'PY'
import json, sys
f, s1, s, a, b = (json.loads(x) for x in sys.argv[1:])
print(f"floor (xz -dc | wc -l): {f['wall']:.1f} s wall, {f['cpu']:.1f} s CPU")
print(f"store only, --threads 1:  {s1['wall']:.1f} s wall, {s1['cpu']:.1f} s CPU, peak {s1['max_rss_mb']:.0f} MB; "
      f"{s1['wall'] / f['wall']:.1f}x the floor's wall, {s1['cpu'] / f['cpu']:.1f}x its CPU")
print(f"store only, --threads 2:  {s['wall']:.1f} s wall, {s['cpu']:.1f} s CPU, peak {s['max_rss_mb']:.0f} MB; "
      f"{s['wall'] / f['wall']:.1f}x the floor's wall, {s['cpu'] / f['cpu']:.1f}x its CPU; "
      f"{s1['wall'] / s['wall']:.2f}x faster than one thread")
print(f"--threads 1: {a['wall']:.1f} s wall, {a['cpu']:.1f} s CPU, peak {a['max_rss_mb']:.0f} MB; "
      f"{a['wall'] / f['wall']:.1f}x the floor's wall, {a['cpu'] / f['cpu']:.1f}x its CPU")
print(f"--threads 2: {b['wall']:.1f} s wall, {b['cpu']:.1f} s CPU, peak {b['max_rss_mb']:.0f} MB; "
      f"{b['wall'] / f['wall']:.1f}x the floor's wall, {b['cpu'] / f['cpu']:.1f}x its CPU; "
      f"{a['wall'] / b['wall']:.2f}x faster than one thread")
PY
