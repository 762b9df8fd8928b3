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
/usr/bin/python3 - "$n" "$tmp/tiny.jsonl" <<'EOF'
import json, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(14)
# An invented vocabulary: 4,000 made-up words; each event of a day draws
# its own 8 words, each article 6 of them plus common filler.
syl = ["ka", "lo", "mi", "ru", "te", "vo", "sa", "ne", "pi", "du", "ge", "fa", "zo", "bi", "ha", "lu"]
words = sorted({"".join(rng.choice(syl) for _ in range(3)) for _ in range(6000)})[:4000]
filler = ["the", "said", "on", "after", "new", "officials", "report", "city", "week", "plan"]
t0 = 1500000000
with open(path, "w") as f:
    for i in range(n):
        day = i // 1000
        ev = rng.randrange(40)
        er = random.Random(day * 1000 + ev)
        ew = er.sample(words, 8)
        title = " ".join(rng.sample(ew, 6)).capitalize()
        body = " ".join(rng.sample(ew, 6) + rng.sample(filler, 6)) + "."
        t = t0 + day * 86400 + rng.randrange(86400)
        f.write(json.dumps({"id": f"t{i}", "source": f"Outlet {rng.randrange(40)}", "title": title,
                            "text": body, "date": t}) + "\n")
EOF
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
