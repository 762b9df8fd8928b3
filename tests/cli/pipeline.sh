#!/usr/bin/env bash
# pipeline.sh PARALLAX SOURCE_DIR - the whole pipeline on the bundled sample:
# one ingest leaves articles, stories, quotes and entities queryable.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
py=/usr/bin/python3
db="$tmp/p.db"
"$px" ingest -q --db "$db" "$src/sample/news.jsonl" 2>"$tmp/err"; rc=$?
check "ingest exits 0" test "$rc" -eq 0
check "ingest: stderr holds only the summary, nothing rejected" only_summary "$tmp/err"
stats=$("$px" stats --db "$db" --format json)
check "stats: 30 articles, stories, quotes, entities" $py -c '
import json,sys; s=json.load(sys.stdin)
assert s["articles"]==30 and 8 <= s["stories"] <= 12 and s["quotes"] > 50 and s["entities"] > 50, s' <<<"$stats"

stories=$("$px" stories --db "$db" --format json)
check "the Kim-Putin story holds the four outlets" $py -c '
import json,sys
rows=[json.loads(l) for l in sys.stdin]
assert any("Kim" in r["headline"] and r["outlets"]>=4 for r in rows), rows' <<<"$stories"

out=$("$px" export --db "$db" quotes)
check "quotes export: Kim Jong Un and Kim Jong-un share one key" $py -c '
import json,sys
rows=[json.loads(l) for l in sys.stdin]
kim=[r for r in rows if r["speaker_key"]=="kim jong un"]
texts=" | ".join(r["text"] for r in kim)
assert "We will always be with Russia" in texts and "I will always be standing with Russia" in texts, texts
assert {r["source"] for r in kim} >= {"Northern Wire","The Daily Ledger"}' <<<"$out"

out=$("$px" export --db "$db" stories --format csv)
check "stories export as CSV has a header and rows" $py -c '
import csv,sys; rows=list(csv.DictReader(sys.stdin)); assert len(rows)>=8 and rows[0]["headline"], rows[:1]' <<<"$out"

out=$("$px" entities --db "$db" --format json --top 100)
check "entities: Kim Jong Un once, from several outlets" $py -c '
import json,sys
rows=[json.loads(l) for l in sys.stdin]
kim=[r for r in rows if r["key"]=="kim jong un"]
assert len(kim)==1 and kim[0]["outlets"]>=3, kim' <<<"$out"

out=$("$px" search --db "$db" cosmodrome --format json)
check "search finds the summit" $py -c '
import json,sys; rows=[json.loads(l) for l in sys.stdin]; assert len(rows)>=2, rows' <<<"$out"

out=$("$px" ingest --db "$db" "$src/sample/news.jsonl" 2>&1); rc=$?
check "the second ingest exits 0" test "$rc" -eq 0
check "ingesting the sample again stores nothing" grep -q "stored 0, duplicates 30" <<<"$out"
stats2=$("$px" stats --db "$db" --format json)
check "and changes no count" test "$($py -c 'import json,sys; s=json.load(sys.stdin); print(s["stories"],s["quotes"],s["entities"])' <<<"$stats")" = "$($py -c 'import json,sys; s=json.load(sys.stdin); print(s["stories"],s["quotes"],s["entities"])' <<<"$stats2")"
echo "$fails failed"
test "$fails" -eq 0
