#!/usr/bin/env bash
# The pipeline with one thread and with workers writes the same database:
# every row of every table (the ingest time aside), with the articles,
# analysis, quotes, entities and stories of a bad-record corpus.
set -euo pipefail
px=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The sample, a record that is not JSON, a line of invalid UTF-8 and a copy.
{
  head -n 12 "$root/sample/news.jsonl"
  echo '{"id":"broken", "text": '
  printf '{"id":"latin","source":"Test Wire","text":"Caf\xe9 owners said the strike \xe2\x80 ended."}\n'
  sed -n 13,30p "$root/sample/news.jsonl"
  head -n 3 "$root/sample/news.jsonl"
  # two with no language given: identified on the read-ahead thread with workers
  echo '{"id":"fr-1","source":"Test Wire","title":"Le port rouvre","text":"Le port de la ville a rouvert mardi apr\u00e8s trois semaines de travaux. Les p\u00eacheurs sont revenus d\u00e8s le matin et le maire a salu\u00e9 la fin du chantier devant les habitants."}'
  echo '{"id":"es-1","source":"Test Wire","title":"El puerto reabre","text":"El puerto de la ciudad reabri\u00f3 el martes despu\u00e9s de tres semanas de obras. Los pescadores volvieron por la ma\u00f1ana y el alcalde celebr\u00f3 el final de los trabajos con los vecinos."}'
} > "$tmp/in.jsonl"

dump() {
  # the search index whole: every term, column and position (the writer
  # files tokens its workers made ahead; one thread tokenizes itself)
  sqlite3 "$1" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, article_fts, instance);" \
    "SELECT * FROM v ORDER BY 1, 2, 3, 4"
  sqlite3 "$1" ".mode list" \
    "SELECT id, ext_id, source, url, title, byline, language, published, content_hash, origin, body FROM article ORDER BY id" \
    "SELECT * FROM analysis ORDER BY 1" "SELECT * FROM quote ORDER BY 1" \
    "SELECT * FROM entity ORDER BY 1" "SELECT * FROM article_entity ORDER BY 1, 2" \
    "SELECT * FROM entity_outlet ORDER BY 1, 2" "SELECT id, thread, central, hex(sig) FROM story ORDER BY 1" \
    "SELECT * FROM story_article ORDER BY 1, 2" "SELECT * FROM speaker ORDER BY 1" \
    "SELECT * FROM meta ORDER BY 1" \
    "SELECT rowid, title FROM article_fts WHERE article_fts MATCH 'earthquake' ORDER BY rowid"
}

for t in 1 2 4 default; do
  rc=0
  topt=(--threads "$t")
  [[ $t == default ]] && topt=() # one per core
  "$px" ingest --db "$tmp/t$t.db" "${topt[@]}" --batch 7 "$tmp/in.jsonl" 2> "$tmp/err$t" || rc=$?
  [[ $rc -eq 3 ]] || { echo "threads $t: exit $rc, expected 3 (one record rejected)"; cat "$tmp/err$t"; exit 1; }
  grep -q 'line 13' "$tmp/err$t" || { echo "threads $t: rejected record not reported"; cat "$tmp/err$t"; exit 1; }
  [[ $(grep -c 'line 13' "$tmp/err$t") -eq 1 ]] || { echo "threads $t: reported more than once"; exit 1; }
  grep -q 'repaired' "$tmp/err$t" || { echo "threads $t: repair not reported"; exit 1; }
  if grep -q 'AddressSanitizer\|runtime error' "$tmp/err$t"; then cat "$tmp/err$t"; exit 1; fi
  dump "$tmp/t$t.db" > "$tmp/d$t"
done
n=$(sqlite3 "$tmp/t1.db" "SELECT count(*) FROM article")
q=$(sqlite3 "$tmp/t1.db" "SELECT count(*) FROM quote")
[[ $n -eq 33 ]] || { echo "expected 33 articles, got $n"; exit 1; }
[[ $(sqlite3 "$tmp/t1.db" "SELECT group_concat(language) FROM article WHERE ext_id IN ('fr-1', 'es-1') ORDER BY id") == "fr,es" ]] ||
  { echo "languages not identified: $(sqlite3 "$tmp/t1.db" "SELECT ext_id, language FROM article WHERE ext_id LIKE '%-1'")"; exit 1; }
[[ $q -gt 0 ]] || { echo "no quotes stored"; exit 1; }
cmp "$tmp/d1" "$tmp/d2" || { echo "2 threads differ from 1"; diff "$tmp/d1" "$tmp/d2" | head; exit 1; }
cmp "$tmp/d1" "$tmp/d4" || { echo "4 threads differ from 1"; diff "$tmp/d1" "$tmp/d4" | head; exit 1; }
cmp "$tmp/d1" "$tmp/ddefault" || { echo "the default (one thread per core) differs from 1"; diff "$tmp/d1" "$tmp/ddefault" | head; exit 1; }
# The store alone (no analysis, no clustering) with a worker making the
# search index's tokens: the same articles and index as with none.
for t in 1 2; do
  rc=0
  "$px" ingest --db "$tmp/s$t.db" --threads "$t" --no-analyze --no-cluster --batch 7 "$tmp/in.jsonl" 2> "$tmp/errs$t" || rc=$?
  [[ $rc -eq 3 ]] || { echo "store only, threads $t: exit $rc, expected 3"; cat "$tmp/errs$t"; exit 1; }
  if grep -q 'AddressSanitizer\|runtime error' "$tmp/errs$t"; then cat "$tmp/errs$t"; exit 1; fi
  dump "$tmp/s$t.db" > "$tmp/ds$t"
done
[[ $(sqlite3 "$tmp/s2.db" "SELECT count(*) FROM article") -eq 33 ]] || { echo "store only: expected 33 articles"; exit 1; }
[[ $(sqlite3 "$tmp/s2.db" "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'earthquake'") -gt 0 ]] ||
  { echo "store only, 2 threads: nothing found for 'earthquake'"; exit 1; }
cmp "$tmp/ds1" "$tmp/ds2" || { echo "store only: 2 threads differ from 1"; diff "$tmp/ds1" "$tmp/ds2" | head; exit 1; }
cmp <(sed -n '/^[a-z0-9]*|[0-9]*|title\|^[a-z0-9]*|[0-9]*|body/p' "$tmp/d1") \
    <(sed -n '/^[a-z0-9]*|[0-9]*|title\|^[a-z0-9]*|[0-9]*|body/p' "$tmp/ds2") ||
  { echo "store only with a worker: a search index unlike the full pipeline's"; exit 1; }
# Clustering inside the ingest reads the analysis the ingest made (feature
# records); clustering later ('stories') reads the articles back and
# analyses them again: the same stories either way.
rc=0
"$px" ingest --db "$tmp/late.db" --no-cluster --batch 7 "$tmp/in.jsonl" 2> "$tmp/errlate" || rc=$?
[[ $rc -eq 3 ]] || { echo "--no-cluster: exit $rc, expected 3 (one record rejected)"; cat "$tmp/errlate"; exit 1; }
if grep -q 'AddressSanitizer\|runtime error' "$tmp/errlate"; then cat "$tmp/errlate"; exit 1; fi
[[ $(sqlite3 "$tmp/late.db" "SELECT count(*) FROM story_article") -eq 0 ]] || { echo "--no-cluster clustered"; exit 1; }
"$px" stories --db "$tmp/late.db" --limit 1 > /dev/null || { echo "stories on the --no-cluster store failed"; exit 1; }
dump "$tmp/late.db" > "$tmp/dlate"
cmp "$tmp/d1" "$tmp/dlate" || { echo "clustering from the ingest's analysis differs from clustering later"; diff "$tmp/d1" "$tmp/dlate" | head; exit 1; }
# With workers the input is read ahead on a thread of its own: the same
# reports, in the same order, as with one thread.
for t in 2 4 default; do
  cmp <(grep -v 'articles/s' "$tmp/err1") <(grep -v 'articles/s' "$tmp/err$t") ||
    { echo "threads $t: reports unlike one thread's"; diff "$tmp/err1" "$tmp/err$t" | head; exit 1; }
done
# A folder read ahead: its files in order, an unreadable one reported by
# name, the rest stored; --strict stops at the first rejected record with
# what came before it stored, whatever the threads.
mkdir "$tmp/dir"
head -n 14 "$tmp/in.jsonl" > "$tmp/dir/a.jsonl"
printf '\x00\x01\x02binary\x00' > "$tmp/dir/b.jsonl"
tail -n +15 "$tmp/in.jsonl" > "$tmp/dir/c.jsonl"
for t in 1 2; do
  rc=0
  "$px" ingest --db "$tmp/f$t.db" --threads "$t" --batch 5 "$tmp/dir" 2> "$tmp/errf$t" || rc=$?
  [[ $rc -eq 3 ]] || { echo "folder, threads $t: exit $rc, expected 3"; cat "$tmp/errf$t"; exit 1; }
  grep -q 'b.jsonl' "$tmp/errf$t" || { echo "folder, threads $t: the binary file not named"; cat "$tmp/errf$t"; exit 1; }
  dump "$tmp/f$t.db" > "$tmp/df$t"
  rc=0
  "$px" ingest --db "$tmp/x$t.db" --threads "$t" --strict --batch 5 "$tmp/in.jsonl" 2> "$tmp/errx$t" || rc=$?
  [[ $rc -ne 0 ]] || { echo "--strict, threads $t: exit 0 on a rejected record"; exit 1; }
  if grep -q 'AddressSanitizer\|runtime error' "$tmp/errf$t" "$tmp/errx$t"; then cat "$tmp/errf$t" "$tmp/errx$t"; exit 1; fi
done
[[ $(sqlite3 "$tmp/f2.db" "SELECT count(*) FROM article") -eq 33 ]] || { echo "folder: expected 33 articles"; exit 1; }
cmp "$tmp/df1" "$tmp/df2" || { echo "folder: 2 threads differ from 1"; diff "$tmp/df1" "$tmp/df2" | head; exit 1; }
cmp <(grep -v 'articles/s' "$tmp/errf1") <(grep -v 'articles/s' "$tmp/errf2") || { echo "folder: reports differ"; exit 1; }
x1=$(sqlite3 "$tmp/x1.db" "SELECT count(*) FROM article"); x2=$(sqlite3 "$tmp/x2.db" "SELECT count(*) FROM article")
[[ $x1 -eq 12 && $x2 -eq 12 ]] || { echo "--strict: stored $x1 and $x2, expected the 12 before the bad record"; exit 1; }
# More records than the ring the input is read into ahead of the writer
# (512 with workers), two of them rejected and 61 copies among them, many
# batches committed while the workers go on: the same store and the same
# reports with one thread and with two; --strict stops at the same record.
/usr/bin/python3 "$root/tests/tools/gen_corpus.py" 1400 > "$tmp/gen.jsonl"
{
  sed -n 1,300p "$tmp/gen.jsonl"
  echo '{"id":"cut", "text": '
  sed -n 301,900p "$tmp/gen.jsonl"
  sed -n 100,160p "$tmp/gen.jsonl"
  echo 'not json at all'
  sed -n 901,1400p "$tmp/gen.jsonl"
} > "$tmp/big.jsonl"
for t in 1 2; do
  rc=0
  "$px" ingest --db "$tmp/b$t.db" --threads "$t" --batch 97 "$tmp/big.jsonl" 2> "$tmp/errb$t" || rc=$?
  [[ $rc -eq 3 ]] || { echo "1,400 records, threads $t: exit $rc, expected 3"; cat "$tmp/errb$t"; exit 1; }
  [[ $(grep -c 'line 301\|line 963' "$tmp/errb$t") -eq 2 ]] ||
    { echo "1,400 records, threads $t: the two rejected records not reported"; cat "$tmp/errb$t"; exit 1; }
  dump "$tmp/b$t.db" > "$tmp/db$t"
  rc=0
  "$px" ingest --db "$tmp/y$t.db" --threads "$t" --strict --batch 97 "$tmp/big.jsonl" 2> "$tmp/erry$t" || rc=$?
  [[ $rc -ne 0 ]] || { echo "--strict, 1,400 records, threads $t: exit 0 on a rejected record"; exit 1; }
  [[ $(sqlite3 "$tmp/y$t.db" "SELECT count(*) FROM article") -eq 300 ]] ||
    { echo "--strict, 1,400 records, threads $t: expected the 300 records before the bad one stored"; exit 1; }
  if grep -q 'AddressSanitizer\|runtime error' "$tmp/errb$t" "$tmp/erry$t"; then cat "$tmp/errb$t" "$tmp/erry$t"; exit 1; fi
done
b=$(sqlite3 "$tmp/b2.db" "SELECT count(*) FROM article")
[[ $b -eq 1400 ]] || { echo "1,400 records: stored $b"; exit 1; }
grep -q 'duplicates 61' "$tmp/errb2" || { echo "1,400 records: 61 copies not counted"; cat "$tmp/errb2"; exit 1; }
cmp "$tmp/db1" "$tmp/db2" || { echo "1,400 records: 2 threads differ from 1"; diff "$tmp/db1" "$tmp/db2" | head; exit 1; }
cmp <(grep -v 'articles/s' "$tmp/errb1") <(grep -v 'articles/s' "$tmp/errb2") ||
  { echo "1,400 records: reports differ"; diff "$tmp/errb1" "$tmp/errb2" | head; exit 1; }
s=$(sqlite3 "$tmp/t1.db" "SELECT count(DISTINCT story) FROM story_article")
[[ $s -gt 1 ]] || { echo "expected stories, got $s"; exit 1; }
echo "threads: 1, 2, 4 threads and the default (one per core) wrote the same $n articles and $q quotes; $s stories as when clustered later"
