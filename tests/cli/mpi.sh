#!/usr/bin/env bash
# mpi.sh PARALLAX SOURCE_DIR - parallax-mpi on 1, 2 and 4 ranks of one machine
# (oversubscribed) gives the store a single-process 'parallax ingest' gives:
# the same articles, identical duplicate links, the same entity counts and
# quotes, stories with BCubed F1 >= 0.99 (tests/mpi/compare.py), the stories
# made by the distributed stage (candidate keys exchanged, components
# clustered by their owner ranks), none left to rank 0; the output
# folder is read by every command with --db DIR, 'story --compare' of a story
# whose articles came from several ranks works, and 'serve' serves it.
# Skipped (exit 77) when parallax-mpi was not built or mpirun is missing.
set -u
. "$2/tests/mpi/env.sh"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3
run_mpi() { local n=$1; shift; timeout 300 mpirun --oversubscribe -np "$n" "$mpx" "$@"; }

"$py" "$src/tests/mpi/make_corpus.py" "$src/sample/news.jsonl" "$tmp" > /dev/null
in="$tmp/a.jsonl $tmp/b.jsonl.gz"
ref_ingest --db "$tmp/single.db" $in
check "single-process ingest" test -s "$tmp/single.db"

for n in 1 2 4; do
  run_mpi "$n" ingest --quiet --out "$tmp/o$n" $in > "$tmp/out$n" 2> "$tmp/err$n"; rc=$?
  check "np $n: exit 0" test $rc -eq 0
  [ $rc -eq 0 ] || cat "$tmp/err$n"
  check "np $n: one shard per rank" test "$(ls "$tmp/o$n"/rank-*.db | wc -l)" -eq "$n"
  "$py" "$src/tests/mpi/compare.py" "$px" "$tmp/single.db" "$tmp/o$n" 0.99 > "$tmp/cmp$n"; rc=$?
  sed 's/^/     /' "$tmp/cmp$n"
  check "np $n: same articles, duplicates, entities, quotes; stories BCubed >= 0.99" test $rc -eq 0
done
check "np 4: copies across shards found by the exchange" grep -q "[1-9][0-9]* copies across shards dropped" "$tmp/out4"
for n in 2 4; do
  check "np $n: every story placed by the distributed stage, none left to rank 0" \
    grep -q "31 placed in stories by the exchange, 0 left to rank 0" "$tmp/out$n"
  check "np $n: candidate links found by the key exchange" \
    grep -q "stories by exchange: [1-9][0-9]* candidate links" "$tmp/out$n"
done
check "np 4: a near-copy linked (dup_of) across ranks" \
  bash -c "'$px' export stories --db '$tmp/o4' | grep -q '\"ext_id\":\"x-near\"[^}]*\"dup_of\":[0-9]'"

# Every command reads the folder.
check "stats --db DIR" bash -c "'$px' stats --db '$tmp/o4' | grep -q 'articles   31'"
check "search --db DIR" bash -c "'$px' search --db '$tmp/o4' cosmodrome | grep -q cosmodrome -i"
check "quotes --db DIR" bash -c "'$px' quotes --db '$tmp/o4' --limit 3 | grep -q ."
# ... and every other command that reads a store: exit 0 and output, and
# the same number of lines as from the single-process store where the
# listing does not depend on story numbering.
reads() { # label args...: the command on the folder succeeds and prints something
  local label=$1; shift
  "$px" "$@" --db "$tmp/o4" > "$tmp/rd" 2> "$tmp/rderr"
  local rc=$?
  check "$label --db DIR: exit 0 and output" test $rc -eq 0 -a -s "$tmp/rd"
  [ $rc -eq 0 ] || cat "$tmp/rderr"
}
same_lines() { # label args...: as many lines as from the single-process store
  local label=$1; shift
  local a b
  a=$("$px" "$@" --db "$tmp/o4" 2>/dev/null | wc -l)
  b=$("$px" "$@" --db "$tmp/single.db" 2>/dev/null | wc -l)
  check "$label --db DIR: $a lines, as from the single-process store ($b)" test "$a" -gt 0 -a "$a" -eq "$b"
}
reads articles articles
same_lines articles articles
reads stories stories
same_lines stories stories
reads entities entities
same_lines entities entities
"$px" threads --db "$tmp/o4" > "$tmp/rd" 2>&1; rc=$?
check "threads --db DIR: exit 0, as many threads as from the single-process store" \
  test $rc -eq 0 -a "$(wc -l < "$tmp/rd")" -eq "$("$px" threads --db "$tmp/single.db" 2>/dev/null | wc -l)"
reads "export articles" export articles
same_lines "export articles" export articles
reads "export stories" export stories
aid=$("$px" articles --db "$tmp/o4" 2>/dev/null | awk 'NR > 1 && $1 ~ /^[0-9]+$/ {print $1; exit}')
check "an article id from articles" test -n "$aid"
reads show show "$aid"
sid=$("$px" export stories --db "$tmp/o4" 2>/dev/null | "$py" -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')
reads story story "$sid"
tid=$("$px" threads --db "$tmp/o4" 2>/dev/null | awk '$1 ~ /^[0-9]+$/ {print $1; exit}')
[ -n "$tid" ] && reads thread thread "$tid"

# A story with members from several ranks: compare it.
story=$("$py" - "$px" "$tmp/o4" <<'PY'
import json, subprocess, sqlite3, sys
px, d = sys.argv[1], sys.argv[2]
# which rank stored each article: the shard that holds it (outlet, id)
rank_of = {}
for r in range(4):
    c = sqlite3.connect(f"file:{d}/rank-{r}.db?mode=ro", uri=True)
    for src, ext in c.execute("SELECT source, ext_id FROM article"):
        rank_of.setdefault((src, ext), r)
best = None
for l in subprocess.run([px, "export", "stories", "--db", d], capture_output=True, text=True).stdout.splitlines():
    s = json.loads(l)
    ranks = {rank_of.get((m["source"], m["ext_id"])) for m in s["members"]}
    if len(ranks) >= 2 and (best is None or len(s["members"]) > best[1]):
        best = (s["id"], len(s["members"]))
print(best[0] if best else "")
PY
)
check "a story with articles from several ranks" test -n "$story"
"$px" story "$story" --compare --db "$tmp/o4" > "$tmp/cmp" 2> "$tmp/cmperr"; rc=$?
check "story --compare of it: exit 0" test $rc -eq 0
check "story --compare of it: a comparison" test "$(wc -l < "$tmp/cmp")" -gt 5
"$px" story "$story" --compare --db "$tmp/single.db" > /dev/null 2>&1
# serve the folder on a free loopback port
"$px" serve --db "$tmp/o4" --listen 127.0.0.1:0 > "$tmp/sout" 2> "$tmp/serr" &
pid=$!
for _ in $(seq 100); do grep -q 'http://' "$tmp/sout" && break; sleep 0.05; done
port=$(grep -o '127.0.0.1:[0-9]*' "$tmp/sout" | head -1 | cut -d: -f2)
check "serve --db DIR: listening" test -n "$port"
if [ -n "$port" ]; then
  check "serve --db DIR: the story page" \
    bash -c "'$py' -c \"import urllib.request,sys; r=urllib.request.urlopen('http://127.0.0.1:$port/story/$story', timeout=20); sys.exit(0 if r.status==200 and b'<html' in r.read().lower() else 1)\""
fi
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=

# A rerun on a finished output changes nothing.
run_mpi 2 ingest --quiet --out "$tmp/o2" $in > "$tmp/re" 2>&1; rc=$?
check "rerun on a finished output: exit 0" test $rc -eq 0
"$py" "$src/tests/mpi/compare.py" "$px" "$tmp/single.db" "$tmp/o2" 0.99 > /dev/null
check "rerun on a finished output: still the same store" test $? -eq 0

[ $fails -eq 0 ] && echo "all mpi checks passed" || echo "$fails mpi check(s) failed"
[ $fails -eq 0 ]
