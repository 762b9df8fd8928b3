#!/usr/bin/env bash
# No command got slower: this build beside an earlier parallax binary, on
# the same fixed subset in the same run.
#   PX_BASE   the earlier parallax binary (required; e.g. one built from an
#             older commit in a directory of its own)
#   PX_REGRESS_ARTICLES  the first N AllSides articles (default 4000)
#   PX_RUNS   runs of every command and binary (default 3); the runs of the
#             two binaries alternate, so a change of the machine's load
#             falls on both; the figures are medians
# Each binary ingests the subset into a store of its own (an earlier build
# need not read a newer schema), then runs the query set of
# bench/pipeline.sh on it.  Every command is timed as a whole process by
# bench/measure.py (wall and CPU = user + system).  Printed per command:
# the CPU medians of both and their ratio (this / base: above 1 is slower),
# and the wall medians.  A command the base does not know is shown as
# "n/a" for it; a command that fails with this build fails the benchmark.
set -euo pipefail
. "$(dirname "$0")/lib/base_subset.sh"
base_subset regress "${PX_REGRESS_ARTICLES:-4000}"
/usr/bin/python3 - "$root/bench/measure.py" "$px" "$base" "$tmp" "$runs" <<'EOF'
import json, statistics, subprocess, sys
measure, px, base, tmp, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
progs = {"this": px, "base": base}

def once(cmd):
    r = subprocess.run(["/usr/bin/python3", measure, "--runs", "1", "--"] + cmd,
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, r.stderr.strip().splitlines()[-1:] if r.stderr else []
    return json.loads(r.stdout), None

def ingest(who):
    return ["sh", "-c", 'rm -f "$1"/%s.db*; exec "$2" ingest -q --db "$1/%s.db" "$1/sub.jsonl"' % (who, who),
            "sh", tmp, progs[who]]

queries = [
    ("search 'climate change'", ["search", "climate change"]),
    ("search '\"supreme court\" ruling' --since 2019-01-01",
     ["search", '"supreme court" ruling', "--since", "2019-01-01"]),
    ("quotes --speaker 'Nancy Pelosi'", ["quotes", "--speaker", "Nancy Pelosi"]),
    ("quotes --speaker 'Kim Jong-un'", ["quotes", "--speaker", "Kim Jong-un"]),
    ("stories --since 2020-01-01 --limit 50", ["stories", "--since", "2020-01-01", "--limit", "50"]),
    ("entities --top 20", ["entities", "--top", "20"]),
    ("stats", ["stats"]),
]
rows = [("ingest (analysis, quotes, store, stories, index)", lambda who: ingest(who))]
for label, args in queries:
    rows.append((label, lambda who, a=args: [progs[who]] + a + ["--db", f"{tmp}/{who}.db"]))

res = {}
failed = False
for label, mk in rows:
    got = {"this": [], "base": []}
    err = {}
    for r in range(runs):
        for who in ("base", "this"):
            if who in err:
                continue
            m, e = once(mk(who))
            if m is None:
                err[who] = e
            else:
                got[who].append(m)
    if "this" in err:
        print(f"regress: '{label}' failed with this build: {' '.join(err['this'])}", file=sys.stderr)
        failed = True
    res[label] = {w: (statistics.median(x["cpu"] for x in got[w]), statistics.median(x["wall"] for x in got[w]))
                  if got[w] and w not in err else None for w in got}

print(f"{'command':<52} {'base CPU':>10} {'this CPU':>10} {'ratio':>6}   {'base wall':>10} {'this wall':>10}")
def fmt(v, ingest):
    return "n/a" if v is None else (f"{v:.2f} s" if ingest else f"{v * 1000:.0f} ms")
worst = None
for label, _ in rows:
    b, t = res[label]["base"], res[label]["this"]
    ing = label.startswith("ingest")
    ratio = t[0] / b[0] if b and t and b[0] > 0 else None
    if ratio is not None and (worst is None or ratio > worst[1]):
        worst = (label, ratio)
    print(f"{label:<52} {fmt(b and b[0], ing):>10} {fmt(t and t[0], ing):>10} "
          f"{(f'{ratio:.2f}' if ratio else 'n/a'):>6}   {fmt(b and b[1], ing):>10} {fmt(t and t[1], ing):>10}")
if worst:
    print(f"largest CPU ratio this/base: {worst[1]:.2f} ({worst[0]})")
sys.exit(1 if failed else 0)
EOF
