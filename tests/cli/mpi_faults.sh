#!/usr/bin/env bash
# mpi_faults.sh PARALLAX SOURCE_DIR - parallax-mpi and bad input: a corrupt
# record and a truncated compressed file (named with rank and position, the
# rest stored: the store equals a single-process ingest of the same inputs),
# an input that cannot be opened, an input only one rank can open (another
# working folder per rank), an empty input, more ranks than articles
# (empty shards), a rank killed mid-run (the run fails naming the rank, what
# the shards committed stays, a rerun finishes with the same store), and a
# rerun with another number of ranks (refused, naming the shard); a rank
# killed in the story stage and rank 0 killed in the merge (each rerun
# finishes with the single process's store).
# Skipped (exit 77) when parallax-mpi was not built or mpirun is missing.
set -u
. "$2/tests/mpi/env.sh"
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3
run_mpi() { local n=$1; shift; timeout 300 mpirun --oversubscribe -np "$n" "$@"; }
same() { "$py" "$src/tests/mpi/compare.py" "$px" "$1" "$2" 0.99 > "$tmp/cmp" 2>&1 || { cat "$tmp/cmp"; return 1; }; }

"$py" "$src/tests/mpi/make_corpus.py" "$src/sample/news.jsonl" "$tmp" > /dev/null

# Corrupt input: a broken record in the plain file (line 14: rank 1's range), a compressed file cut short.
sed '14s/.*/{"id": "broken", "title": "no body and an unclosed/' "$tmp/a.jsonl" > "$tmp/bad.jsonl"
size=$(stat -c %s "$tmp/b.jsonl.gz")
head -c $((size * 2 / 3)) "$tmp/b.jsonl.gz" > "$tmp/cut.jsonl.gz"
in="$tmp/bad.jsonl $tmp/cut.jsonl.gz $tmp/missing.jsonl"
ref_expect=1 ref_ingest --db "$tmp/single.db" $in # a missing file: exit 1, the rest stored
run_mpi 2 "$mpx" ingest --out "$tmp/bad" $in > "$tmp/out" 2> "$tmp/err"; rc=$?
check "corrupt inputs: the run finishes (exit 0)" test $rc -eq 0
check "corrupt record: named with its rank, file and line" grep -q "rank 1: .*bad.jsonl:line 14: invalid JSON" "$tmp/err"
check "truncated file: named with its rank and file" grep -q "rank [01]: .*cut.jsonl.gz.*trunc" "$tmp/err"
check "missing input: named with its rank" grep -q "rank [01]: .*missing.jsonl" "$tmp/err"
check "corrupt inputs: the rest stored as a single process stores it" same "$tmp/single.db" "$tmp/bad"

# An input only one rank can read: the same relative path names a file in
# rank 0's working folder and nothing in rank 1's (a disk local to one node).
# Rank 1 names the input and its position and says which rank reads it; the
# reader takes all of its records, so nothing is lost.
mkdir -p "$tmp/node0" "$tmp/node1"
mpxa=$(readlink -f "$mpx")
cp "$tmp/a.jsonl" "$tmp/node0/local.jsonl"
ref_ingest --db "$tmp/local.db" "$tmp/node0/local.jsonl" "$tmp/b.jsonl.gz"
timeout 300 mpirun --oversubscribe -np 1 -wdir "$tmp/node0" "$mpxa" ingest --out "$tmp/loc" local.jsonl "$tmp/b.jsonl.gz" : \
  -np 1 -wdir "$tmp/node1" "$mpxa" ingest --out "$tmp/loc" local.jsonl "$tmp/b.jsonl.gz" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "input on one rank only: the run finishes (exit 0)" test $rc -eq 0
check "input on one rank only: rank 1 names it, its position and the reader" \
  grep -q "rank 1: local.jsonl (input 1 of 2): cannot open on this rank: No such file or directory; read by rank 0 instead" "$tmp/err"
check "input on one rank only: every record stored, as a single process stores them" same "$tmp/local.db" "$tmp/loc"
# ... and a compressed input (read whole, records shared by number) that only rank 1 sees.
cp "$tmp/b.jsonl.gz" "$tmp/node1/local.jsonl.gz"
ref_ingest --db "$tmp/local2.db" "$tmp/a.jsonl" "$tmp/node1/local.jsonl.gz"
timeout 300 mpirun --oversubscribe -np 1 -wdir "$tmp/node0" "$mpxa" ingest --out "$tmp/loc2" "$tmp/a.jsonl" local.jsonl.gz : \
  -np 1 -wdir "$tmp/node1" "$mpxa" ingest --out "$tmp/loc2" "$tmp/a.jsonl" local.jsonl.gz > "$tmp/out" 2> "$tmp/err"; rc=$?
check "compressed input on one rank only: exit 0" test $rc -eq 0
check "compressed input on one rank only: rank 0 names it and the reader" \
  grep -q "rank 0: local.jsonl.gz (input 2 of 2): cannot open on this rank: .*read by rank 1 instead" "$tmp/err"
check "compressed input on one rank only: every record stored" same "$tmp/local2.db" "$tmp/loc2"

# An empty input, and more ranks than articles: empty shards.
: > "$tmp/empty.jsonl"
head -2 "$tmp/a.jsonl" > "$tmp/two.jsonl"
ref_ingest --db "$tmp/two.db" "$tmp/empty.jsonl" "$tmp/two.jsonl"
run_mpi 4 "$mpx" ingest --quiet --out "$tmp/few" "$tmp/empty.jsonl" "$tmp/two.jsonl" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "4 ranks, 2 articles: exit 0" test $rc -eq 0
check "4 ranks, 2 articles: 2 stored" grep -q "2 stored" "$tmp/out"
check "4 ranks, 2 articles: empty shards exist" test "$(ls "$tmp/few"/rank-*.db | wc -l)" -eq 4
check "4 ranks, 2 articles: the same store" same "$tmp/two.db" "$tmp/few"

# A rank killed mid-run (PARALLAX_MPI_FAULT=RANK:ARTICLES kills that rank
# after it took that many articles; batches of 2 commit as it goes).
good="$tmp/a.jsonl $tmp/b.jsonl.gz"
ref_ingest --db "$tmp/good.db" $good
PARALLAX_MPI_FAULT=1:5 run_mpi 2 -x PARALLAX_MPI_FAULT "$mpx" ingest --batch 2 --out "$tmp/k" $good \
  > "$tmp/out" 2> "$tmp/err"; rc=$?
check "killed rank: the run fails" test $rc -ne 0
check "killed rank: the failure names rank 1" grep -q "rank 1" "$tmp/err"
check "killed rank: no merged store claimed" bash -c "! grep -q 'stored' '$tmp/out'"
kept=$(sqlite3 "file:$tmp/k/rank-1.db?mode=ro" "SELECT count(*) FROM article" 2>/dev/null || echo 0)
check "killed rank: its committed batches kept ($kept articles)" test "$kept" -ge 2
run_mpi 2 "$mpx" ingest --batch 2 --out "$tmp/k" $good > "$tmp/out" 2> "$tmp/err"; rc=$?
check "rerun after the kill: exit 0" test $rc -eq 0
check "rerun after the kill: rank 1 resumes from its shard (its log)" grep -q "rank 1: resuming: [1-9][0-9]* articles committed" "$tmp/k/rank-1.log"
check "rerun after the kill: the same store as a single process" same "$tmp/good.db" "$tmp/k"

# A rank killed after the shards were committed, at the start of the story
# stage: the run fails naming the rank, every shard is complete, and a rerun
# reads nothing again and finishes with the single process's store.
PARALLAX_MPI_FAULT=1:stories run_mpi 2 -x PARALLAX_MPI_FAULT "$mpx" ingest --out "$tmp/ks" $good \
  > "$tmp/out" 2> "$tmp/err"; rc=$?
check "rank killed in the story stage: the run fails" test $rc -ne 0
check "rank killed in the story stage: the failure names rank 1" grep -q "rank 1" "$tmp/err"
check "rank killed in the story stage: no merged store claimed" bash -c "! grep -q 'stored' '$tmp/out'"
run_mpi 2 "$mpx" ingest --out "$tmp/ks" $good > "$tmp/out" 2> "$tmp/err"; rc=$?
check "rerun after the story-stage kill: exit 0" test $rc -eq 0
check "rerun after the story-stage kill: both shards complete, nothing read again" \
  bash -c "grep -q 'rank 0: shard complete from an earlier run' '$tmp/ks/rank-0.log' && grep -q 'rank 1: shard complete from an earlier run' '$tmp/ks/rank-1.log'"
check "rerun after the story-stage kill: the same store as a single process" same "$tmp/good.db" "$tmp/ks"

# Rank 0 killed in the merge, after importing rank 0's shard (one
# transaction per shard): the run fails, the merged store keeps the imported
# shard, and a rerun imports only the rest and finishes with the same store.
PARALLAX_MPI_FAULT=0:merge:1 run_mpi 2 -x PARALLAX_MPI_FAULT "$mpx" ingest --out "$tmp/km" $good \
  > "$tmp/out" 2> "$tmp/err"; rc=$?
check "rank 0 killed in the merge: the run fails" test $rc -ne 0
check "rank 0 killed in the merge: the failure names rank 0" grep -q "rank 0" "$tmp/err"
all=$(sqlite3 "file:$tmp/good.db?mode=ro" "SELECT count(*) FROM article" 2>/dev/null || echo 0)
nm=$(sqlite3 "file:$tmp/km/parallax.db?mode=ro" "SELECT count(*) FROM article" 2>/dev/null || echo 0)
check "rank 0 killed in the merge: the first shard's import kept ($nm of $all articles)" \
  test "$nm" -gt 0 -a "$nm" -lt "$all"
run_mpi 2 "$mpx" ingest --out "$tmp/km" $good > "$tmp/out" 2> "$tmp/err"; rc=$?
check "rerun after the merge kill: exit 0" test $rc -eq 0
check "rerun after the merge kill: the same store as a single process" same "$tmp/good.db" "$tmp/km"

# Another number of ranks on the same output: refused, naming the shard.
run_mpi 1 "$mpx" ingest --quiet --out "$tmp/k" $good > "$tmp/out" 2> "$tmp/err"; rc=$?
check "other rank count: refused" test $rc -ne 0
check "other rank count: says which shard and why" grep -q "rank-0.db was written by another run" "$tmp/err"

[ $fails -eq 0 ] && echo "all mpi fault checks passed" || echo "$fails mpi fault check(s) failed"
[ $fails -eq 0 ]
