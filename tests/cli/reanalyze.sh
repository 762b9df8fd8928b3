#!/usr/bin/env bash
# reanalyze: stored articles analysed again give what a fresh ingest of the
# same input stores (analyses, quotes and speakers, entities and their
# counters), whether they had no analysis (--no-analyze) or one made by
# older rules (a stale version, a wrong speaker, a lost quote), with one
# thread or two; articles analysed by this build's rules are left alone,
# and the cached story comparisons made from the old analyses are dropped.
set -euo pipefail
px=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
in=$root/sample/news.jsonl
dump() { # everything the analysis writes, quote rows by position (their ids follow write order)
  sqlite3 "$1" ".mode list" \
    "SELECT article, hex(sentences), dateline_place, dateline_agency, version, hex(detail) FROM analysis ORDER BY 1" \
    "SELECT article, start, end, kind, text, cue, speaker_name, speaker_key, speaker_entity FROM quote ORDER BY 1, 2, 3, 4" \
    "SELECT * FROM entity ORDER BY 1" "SELECT * FROM article_entity ORDER BY 1, 2" \
    "SELECT * FROM entity_outlet ORDER BY 1, 2" "SELECT * FROM speaker ORDER BY 1"
}
fail() { echo "reanalyze: $*"; exit 1; }
"$px" ingest -q --db "$tmp/full.db" "$in"
dump "$tmp/full.db" > "$tmp/full"
[[ $(sqlite3 "$tmp/full.db" "SELECT count(*) FROM quote") -gt 0 ]] || fail "the fresh ingest stored no quotes"

# Stored without analysis, analysed afterwards.
for t in 1 2; do
  "$px" ingest -q --no-analyze --db "$tmp/n$t.db" "$in"
  [[ $(sqlite3 "$tmp/n$t.db" "SELECT count(*) FROM quote") -eq 0 ]] || fail "--no-analyze stored quotes"
  out=$("$px" reanalyze --db "$tmp/n$t.db" --threads "$t" --batch 7 2>&1)
  grep -q 'looked at 30, analysed again 30, not analysed 0' <<<"$out" || fail "threads $t: summary: $out"
  dump "$tmp/n$t.db" > "$tmp/n$t"
  cmp "$tmp/full" "$tmp/n$t" || { diff "$tmp/full" "$tmp/n$t" | head; fail "threads $t: not what a fresh ingest stores"; }
  out=$("$px" reanalyze --db "$tmp/n$t.db" 2>&1)
  grep -q 'looked at 0, analysed again 0' <<<"$out" || fail "threads $t: a second run redid work: $out"
done

# Analysed by older rules: half the articles carry an older version, one
# lost its quotes, one has a wrong speaker; one of this build's has a
# wrong speaker too, and is left alone without --all.
cp "$tmp/full.db" "$tmp/old.db"
a=$(sqlite3 "$tmp/old.db" "SELECT min(article) FROM quote WHERE article % 2 = 0")
b=$(sqlite3 "$tmp/old.db" "SELECT max(article) FROM quote WHERE article % 2 = 0")
k=$(sqlite3 "$tmp/old.db" "SELECT min(article) FROM quote WHERE article % 2 = 1")
sqlite3 "$tmp/old.db" "UPDATE analysis SET version = 1 WHERE article % 2 = 0;" \
  "DELETE FROM quote WHERE article = $a;" \
  "UPDATE quote SET speaker_name = 'Somebody Else', speaker_key = 'somebody else' WHERE article IN ($b, $k);"
sid=$(sqlite3 "$tmp/old.db" "SELECT story FROM story_article WHERE article = $b")
"$px" story --db "$tmp/old.db" "$sid" --compare > /dev/null
[[ $(sqlite3 "$tmp/old.db" "SELECT count(*) FROM comparison_cache") -gt 0 ]] || fail "no comparison cached"
n=$(sqlite3 "$tmp/old.db" "SELECT count(*) FROM analysis WHERE version = 1")
out=$("$px" reanalyze --db "$tmp/old.db" 2>&1)
grep -q "looked at $n, analysed again $n," <<<"$out" || fail "older rules: summary: $out (expected $n)"
[[ $(sqlite3 "$tmp/old.db" "SELECT count(*) FROM comparison_cache") -eq 0 ]] || fail "cached comparisons kept"
[[ $(sqlite3 "$tmp/old.db" "SELECT count(*) FROM quote WHERE article = $b AND speaker_key = 'somebody else'") -eq 0 ]] ||
  fail "a stale speaker kept"
[[ $(sqlite3 "$tmp/old.db" "SELECT count(*) FROM quote WHERE article = $k AND speaker_key = 'somebody else'") -gt 0 ]] ||
  fail "an article analysed by this build's rules was redone without --all"
"$px" reanalyze -q --all --db "$tmp/old.db"
dump "$tmp/old.db" > "$tmp/old"
cmp "$tmp/full" "$tmp/old" || { diff "$tmp/full" "$tmp/old" | head; fail "--all: not what a fresh ingest stores"; }

# No store: a clear failure, and none created.
rc=0
"$px" reanalyze --db "$tmp/x.db" 2> "$tmp/err" || rc=$?
[[ $rc -eq 1 ]] && grep -q 'x.db: no such database' "$tmp/err" || fail "no store: exit $rc: $(cat "$tmp/err")"
[[ ! -e $tmp/x.db ]] || fail "a store was created"
echo "reanalyze: no analysis, older rules and --all give a fresh ingest's analysis (1 and 2 threads)"
