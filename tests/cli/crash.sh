#!/usr/bin/env bash
# crash.sh PARALLAX SOURCE_DIR - the store survives what happens to real ingests:
#  1. an ingest killed with SIGKILL at random moments, many times: the database
#     passes PRAGMA integrity_check, holds whole batches only, and a re-run
#     finishes the job without duplicates;
#  2. readers (articles, search) run while an ingest writes;
#  3. a disk that fills up (file-size limit) is reported, and leaves the
#     database consistent with its committed batches.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
n=4000
batch=200
/usr/bin/python3 "$src/tests/tools/gen_corpus.py" "$n" > "$tmp/corpus.jsonl"
db="$tmp/k.db"
count() { sqlite3 "$db" "select count(*) from article" 2>/dev/null || echo -1; }
integrity() { sqlite3 "$db" "pragma integrity_check" 2>/dev/null | head -1; }

# 1. kill -9 at random points
kills=${PX_KILLS:-12}
for ((k = 0; k < kills; k++)); do
  "$px" ingest -q --batch "$batch" --db "$db" "$tmp/corpus.jsonl" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( (RANDOM % 9) + 1 ))$(( RANDOM % 10 ))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  [[ -f "$db" ]] || continue
  c=$(count)
  r=$(integrity)
  if [[ "$r" != ok ]]; then echo "FAIL integrity after kill $k: $r"; fails=$((fails + 1)); fi
  if (( c >= 0 && c != n && c % batch != 0 )); then
    echo "FAIL kill $k left a partial batch: $c articles"; fails=$((fails + 1))
  fi
done
check "integrity and whole batches after $kills kills" test "$fails" -eq 0
out=$("$px" ingest --batch "$batch" --db "$db" "$tmp/corpus.jsonl" 2>&1)
check "re-run completes the ingest" test "$(count)" -eq "$n"
check "no duplicates after resuming" test "$(sqlite3 "$db" "select count(distinct ext_id) from article")" -eq "$n"
check "integrity after resuming" test "$(integrity)" = ok
# What each batch writes at its commit (search index rows, entity counters,
# body size) went in with its batch: it agrees with the rows.
agree=$(sqlite3 "$db" "select (select count(*) from article_fts_docsize) = (select count(*) from article)
  and (select count(*) from entity e where articles <> (select count(*) from article_entity where entity = e.id)
       or outlets <> (select count(*) from entity_outlet where entity = e.id)) = 0
  and (select cast(value as integer) from meta where key = 'body_bytes')
      = (select total(length(cast(body as blob))) from article)" 2>&1)
check "search index, entity counters and body size agree with the rows after kills" test "$agree" = 1
# The same for the store alone, where a worker makes the search index's
# tokens and the writer files them with each article (two threads).
dbs="$tmp/ks.db"
for ((k = 0; k < 4; k++)); do
  "$px" ingest -q --threads 2 --no-analyze --no-cluster --batch "$batch" --db "$dbs" "$tmp/corpus.jsonl" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(( (RANDOM % 5) + 1 ))$(( RANDOM % 10 ))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
done
"$px" ingest -q --threads 2 --no-analyze --no-cluster --batch "$batch" --db "$dbs" "$tmp/corpus.jsonl" >/dev/null 2>&1
agree=$(sqlite3 "$dbs" "select (select count(*) from article) = $n
  and (select count(*) from article_fts_docsize) = $n
  and (select count(*) from article_fts where article_fts match 'the') > 0" 2>&1)
check "store only, two threads: every article indexed once after kills and a resume" test "$agree" = 1
check "store only, two threads: integrity after kills" test "$(sqlite3 "$dbs" "pragma integrity_check" | head -1)" = ok

# 2. readers during an ingest
db2="$tmp/r.db"
"$px" ingest -q --batch 100 --db "$db2" "$tmp/corpus.jsonl" >/dev/null 2>&1 &
pid=$!
reader_fail=0
reads=0
# the store exists once the ingest has made its schema: wait for that (at
# most 10 s; on a loaded machine 0.2 s was not always enough)
for ((w = 0; w < 200; w++)); do
  "$px" articles --db "$db2" --limit 1 >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
while kill -0 "$pid" 2>/dev/null; do
  "$px" articles --db "$db2" --limit 3 >/dev/null 2>"$tmp/err" || { reader_fail=1; cat "$tmp/err"; }
  "$px" search --db "$db2" council --limit 3 >/dev/null 2>"$tmp/err" || { reader_fail=1; cat "$tmp/err"; }
  reads=$((reads + 1))
done
wait "$pid"
check "readers succeed while an ingest writes ($reads rounds)" test "$reader_fail" -eq 0
check "the concurrent ingest completed" test "$(sqlite3 "$db2" "select count(*) from article")" -eq "$n"

# 3. the disk fills up: a file-size limit makes writes fail with EFBIG
db3="$tmp/full.db"
out=$(bash -c "trap '' XFSZ; ulimit -f 1500; exec '$px' ingest --batch 200 --db '$db3' '$tmp/corpus.jsonl'" 2>&1)
rc=$?
check "a full disk ends the ingest with exit 1" test "$rc" -eq 1
check "a full disk is reported clearly" grep -q "the disk is full or the file cannot grow" <<<"$out"
db=$db3
check "the database is consistent after the disk filled" test "$(integrity)" = ok
c=$(count)
check "whole batches only after the disk filled ($c articles)" test $((c % 200)) -eq 0
check "the summary counts only what was committed" grep -q "stored $c," <<<"$out"
echo "$fails failed"
test "$fails" -eq 0
