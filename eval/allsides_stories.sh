#!/usr/bin/env bash
# Event stories on the whole AllSides corpus (37,554 articles, 2012-2020),
# as 'parallax ingest' makes them with the shipped defaults:
#   - the share of multi-outlet stories spanning more than 7 days (and 14),
#     the largest story (articles, outlets, span), threads and their sizes,
#     undated articles left unplaced or placed by a date in their URL/body;
#   - purity on a hand-labelled sample (eval/data/allsides_story_labels.tsv:
#     is every article of the story about the same event?), over the
#     labelled stories that the current clustering still makes exactly;
#   - order sensitivity: a second ingest of the articles in a shuffled
#     order, BCubed F1 of its stories against the first's (1 = the same);
#   - wall and CPU time of each ingest and of its cluster stage.
# Two full ingests (no analysis): minutes on a shared machine.
# env: PX_BUILD, PX_DATA, PX_ROOT; PX_ALLSIDES_DB=path reuses a first store.
set -uo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
build=${PX_BUILD:-$root/build}
data=${PX_DATA:-$root/../shared/data}
px=$build/parallax
corpus=$data/allsides-news/allsides_articles.jsonl.xz
[[ -f $corpus ]] || { echo "allsides_stories: $corpus absent; skipped"; exit 0; }
[[ -x $px ]] || { echo "allsides_stories: $px not built; skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
xz -dc "$corpus" > "$tmp/all.jsonl" || { echo "allsides_stories: $corpus could not be read; no figure"; exit 1; }
/usr/bin/python3 - "$tmp/all.jsonl" "$tmp/shuffled.jsonl" <<'PYEOF' || { echo "allsides_stories: shuffling failed; no figure"; exit 1; }
import random, sys
lines = open(sys.argv[1], encoding="utf-8").readlines()
random.Random(20).shuffle(lines)
open(sys.argv[2], "w", encoding="utf-8").writelines(lines)
PYEOF
ingest() { # input db label
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$tmp/$3.time" "$px" ingest -q --no-analyze --timings --db "$2" "$1" 2> "$tmp/$3.err"
  local rc=$?
  t1=$(date +%s.%N)
  # 0, or 3 when some records were rejected (each named on stderr): any
  # other status is a failed ingest, and no figure is printed for it.
  if ((rc != 0 && rc != 3)); then
    echo "allsides_stories: the $3 ingest failed (exit $rc); no figure"
    grep -v '^parallax: stages' "$tmp/$3.err" | tail -20 >&2
    exit 1
  fi
  ((rc == 0)) || echo "$3 ingest: exit 3, $(grep -c . "$tmp/$3.err") lines on stderr (records rejected)"
  read -r u s < "$tmp/$3.time"
  local cl
  cl=$(grep 'stages (CPU)' "$tmp/$3.err" | sed 's/.*cluster \([0-9.]*\) s.*/\1/')
  clw=$(grep 'stages (wall)' "$tmp/$3.err" | sed 's/.*cluster \([0-9.]*\) s.*/\1/')
  printf '%s ingest: %.1f s wall, %.1f s CPU; cluster stage %s s wall, %s s CPU (store reads, analysis, dedup, clustering, threads)\n' \
    "$3" "$(echo "$t1 - $t0" | bc)" "$(echo "$u + $s" | bc)" "$clw" "$cl"
}
db1=${PX_ALLSIDES_DB:-$tmp/a.db}
if [[ -z ${PX_ALLSIDES_DB:-} ]]; then ingest "$tmp/all.jsonl" "$db1" "file-order"; fi
ingest "$tmp/shuffled.jsonl" "$tmp/b.db" "shuffled"
PX_EVAL_DATA=$data /usr/bin/python3 - "$db1" "$tmp/b.db" "$root/eval/data/allsides_story_labels.tsv" <<'PYEOF'
import collections, os, sqlite3, sys
sys.path.insert(0, os.environ["PX_EVAL_DATA"])
from cluster_score import score

def figures(path):
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT sa.story, count(*), count(DISTINCT a.source), min(a.published), max(a.published),"
        " coalesce(s.thread, s.id) FROM story_article sa JOIN article a ON a.id = sa.article"
        " JOIN story s ON s.id = sa.story GROUP BY sa.story").fetchall()
    span = lambda r: (r[4] - r[3]) / 86400 if r[3] is not None else 0
    multi = [r for r in rows if r[2] >= 2]
    over7 = sum(span(r) > 7 for r in multi)
    over14 = sum(span(r) > 14 for r in multi)
    print(f"  stories {len(rows)}, multi-outlet {len(multi)}; spanning > 7 days: {over7} "
          f"({100 * over7 / max(1, len(multi)):.2f} %), > 14 days: {over14}")
    big = max(rows, key=lambda r: (r[1], -r[0]))
    print(f"  largest story: {big[1]} articles, {big[2]} outlets, span {span(big):.1f} days; "
          f"longest multi-outlet span {max(span(r) for r in multi):.1f} days")
    th = collections.Counter(r[5] for r in rows)
    multi_th = [v for v in th.values() if v >= 2]
    dist = collections.Counter(multi_th)
    buckets = [(2, 2), (3, 5), (6, 10), (11, 20), (21, 50), (51, 10**9)]
    desc = ", ".join(f"{lo}{'' if lo == hi else ('+' if hi > 10**6 else '-' + str(hi))}: "
                     f"{sum(c for k, c in dist.items() if lo <= k <= hi)}" for lo, hi in buckets)
    print(f"  threads of 2 or more stories: {len(multi_th)} (stories per thread: {desc}; "
          f"largest {max(multi_th) if multi_th else 0}); single-story threads {len(th) - len(multi_th)}")
    un = db.execute("SELECT count(*), coalesce(sum(sa.flags & 32 != 0), 0), coalesce(sum(sa.flags & 16 != 0), 0)"
                    " FROM story_article sa JOIN article a ON a.id = sa.article"
                    " WHERE a.published IS NULL").fetchone()
    print(f"  undated articles {un[0]}: unplaced (alone) {un[1]}, placed by a date in their URL or body {un[2]}")
    members = collections.defaultdict(set)
    assign = {}
    for ext, story in db.execute("SELECT a.ext_id, sa.story FROM story_article sa JOIN article a ON a.id = sa.article"):
        members[story].add(ext)
        assign[ext] = str(story)
    return members, assign

print("file order:")
m1, a1 = figures(sys.argv[1])
print("shuffled order:")
m2, a2 = figures(sys.argv[2])
common = {k: v for k, v in a1.items() if k in a2}
s = score(common, {k: a2[k] for k in common})
print(f"order sensitivity: BCubed P/R/F1 of the shuffled ingest's stories against the file order's "
      f"{s['bcubed_p']:.4f}/{s['bcubed_r']:.4f}/{s['bcubed_f1']:.4f} over {len(common)} articles")
sets = {frozenset(v) for v in m1.values()}
lab = [l.rstrip("\n").split("\t") for l in open(sys.argv[3]) if l.strip() and not l.startswith("#")]
found = [(y, frozenset(ids.split(","))) for y, ids in lab if frozenset(ids.split(",")) in sets]
pure = sum(1 for y, _ in found if y == "y")
print(f"labelled sample: {len(lab)} multi-outlet stories labelled, {len(found)} made unchanged by this "
      f"clustering; purity (every article about the same event) {pure}/{len(found)} = "
      f"{pure / max(1, len(found)):.3f}")
PYEOF
