#!/usr/bin/env bash
# `parallax story N --compare` on the 20 largest stories of a real store,
# this build beside an earlier parallax binary, in the same run.
#   PX_BASE   the earlier parallax binary (required; e.g. a copy of a build
#             of an older commit)
#   PX_STORY_ARTICLES  the first N AllSides articles (default 4000)
#   PX_STORY_TOP       how many of the largest stories (default 20)
#   PX_RUNS   runs of every command and binary (default 3); the two
#             binaries alternate, so a change of the machine's load falls
#             on both; figures are medians
# Each binary ingests the subset into a store of its own (an earlier build
# need not read a newer schema); the stories must come out the same (their
# members are checked).  Two cases per story, each a whole process (wall,
# and CPU = user + system of the child, as bench/measure.py takes them):
#   computed  the comparison cache emptied before the run: the comparison is
#             made (this build: from the analysis ingest stored)
#   cached    run again: the comparison comes from the store's cache and is
#             rendered (this build: the stored sentences, no analysis)
# Printed: per story the CPU medians of both, then the sums over the stories
# with their ratio (this / base: below 1 is faster) and the wall sums, and
# whether the two builds' text reports (--width 100) are byte for byte the
# same.
set -euo pipefail
. "$(dirname "$0")/lib/base_subset.sh"
base_subset story_compare "${PX_STORY_ARTICLES:-4000}"
top=${PX_STORY_TOP:-20}
"$px" ingest -q --db "$tmp/this.db" "$tmp/sub.jsonl"
"$base" ingest -q --db "$tmp/base.db" "$tmp/sub.jsonl"
/usr/bin/python3 - "$px" "$base" "$tmp" "$top" "$runs" <<'EOF'
import resource, sqlite3, statistics, subprocess, sys, time
px, base, tmp, top, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
progs = {"this": (px, tmp + "/this.db"), "base": (base, tmp + "/base.db")}

def members(db):
    c = sqlite3.connect(db)
    rows = c.execute("SELECT sa.story, a.source, a.ext_id FROM story_article sa"
                     " JOIN article a ON a.id = sa.article").fetchall()
    c.close()
    m = {}
    for s, src, ext in rows:
        m.setdefault(s, set()).add((src, ext))
    return m

mt, mb = members(progs["this"][1]), members(progs["base"][1])
stories = sorted(mt, key=lambda s: (-len(mt[s]), s))[:top]
for s in stories:
    if mb.get(s) != mt[s]:
        sys.exit("story_compare: story %d has other members in the two stores; no figure" % s)

def clear(db):
    c = sqlite3.connect(db)
    c.execute("DELETE FROM comparison_cache")
    c.commit()
    c.close()

def run(who, story, out):
    prog, db = progs[who]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with open(out, "wb") as f:
        p = subprocess.run([prog, "story", str(story), "--compare", "--width", "100", "--db", db],
                           stdout=f, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit("story_compare: %s story %d failed: %s" % (who, story, p.stderr.decode()[-300:]))
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

res = {(w, c): {} for w in progs for c in ("computed", "cached")}
same = 0
for s in stories:
    for w in progs:
        for c in ("computed", "cached"):
            res[(w, c)][s] = []
    for r in range(runs):
        for w in (("this", "base") if r % 2 == 0 else ("base", "this")):
            clear(progs[w][1])
            res[(w, "computed")][s].append(run(w, s, "%s/%s.%d.txt" % (tmp, w, s)))
            res[(w, "cached")][s].append(run(w, s, "%s/%s.%d.cached.txt" % (tmp, w, s)))
    a = open("%s/this.%d.txt" % (tmp, s), "rb").read()
    b = open("%s/base.%d.txt" % (tmp, s), "rb").read()
    same += a == b and a == open("%s/this.%d.cached.txt" % (tmp, s), "rb").read()

med = lambda v, k: statistics.median(x[k] for x in v)
print("%-7s %5s  %-34s  %-34s" % ("story", "arts", "computed CPU s: this / base", "cached CPU s: this / base"))
for s in stories:
    print("%-7d %5d  %8.3f / %8.3f  (x%.2f)          %8.3f / %8.3f  (x%.2f)" % (
        s, len(mt[s]),
        med(res[("this", "computed")][s], 1), med(res[("base", "computed")][s], 1),
        med(res[("this", "computed")][s], 1) / max(med(res[("base", "computed")][s], 1), 1e-9),
        med(res[("this", "cached")][s], 1), med(res[("base", "cached")][s], 1),
        med(res[("this", "cached")][s], 1) / max(med(res[("base", "cached")][s], 1), 1e-9)))
for c in ("computed", "cached"):
    cpu = {w: sum(med(res[(w, c)][s], 1) for s in stories) for w in progs}
    wall = {w: sum(med(res[(w, c)][s], 0) for s in stories) for w in progs}
    print("%d stories, %s: CPU %.2f s this, %.2f s base (x%.2f); wall %.2f s this, %.2f s base" % (
        len(stories), c, cpu["this"], cpu["base"], cpu["this"] / max(cpu["base"], 1e-9),
        wall["this"], wall["base"]))
print("text reports byte for byte the same (computed, cached, and the base's): %d of %d stories"
      % (same, len(stories)))
EOF
