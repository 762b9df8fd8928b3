#!/usr/bin/env bash
# schema.sh PARALLAX SOURCE_DIR - every command's --format json output on one
# store, each line validated against its JSON Schema (docs/schema/), and the
# ids in every output resolved with 'show' to the article they name.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
export NO_COLOR=1
py=/usr/bin/python3
db=$tmp/s.db
valid() { # NAME FILE
  $py "$src/tests/tools/schema_check.py" "$src/docs/schema" "$1" "$2"
}

# The sample (written for the project), plus two articles that share an
# input id across outlets and carry fields parallax does not use.
cp "$src/sample/news.jsonl" "$tmp/in.jsonl"
cat >> "$tmp/in.jsonl" <<'J'
{"id":"shared-1","source":"Gull Gazette","title":"Harbour bridge reopens after repairs","date":"2023-09-26T08:00:00Z","topic":"transport","bias":{"rating":"center"},"text":"The harbour bridge in Port Alder reopened on Tuesday after six months of repairs, the city council said. Mayor Ines Duarte said the work came in under budget."}
{"id":"shared-1","source":"Alder Herald","title":"Port Alder bridge open again","date":"2023-09-26T09:00:00Z","section":"local","text":"Traffic crossed the Port Alder harbour bridge again on Tuesday. \"It was worth the wait,\" Mayor Ines Duarte said at the ribbon cutting, adding that repairs cost less than planned."}
J
"$px" ingest -q --db "$db" --format json "$tmp/in.jsonl" > "$tmp/ingest.json"
check "ingest json" valid ingest_stats "$tmp/ingest.json"

"$px" articles --db "$db" --format json > "$tmp/articles.json"
check "articles json" valid article "$tmp/articles.json"
"$px" show --db "$db" --format json 1 > "$tmp/show.json"
check "show json" valid article "$tmp/show.json"
"$px" search --db "$db" --format json putin > "$tmp/search.json"
check "search json" valid search_hit "$tmp/search.json"
"$px" stories --db "$db" --format json > "$tmp/stories.json"
check "stories json" valid story "$tmp/stories.json"
sid=$($py -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["id"])' "$tmp/stories.json")
"$px" story --db "$db" --format json "$sid" > "$tmp/story.json"
check "story json" valid story "$tmp/story.json"
"$px" stats --db "$db" --format json > "$tmp/stats.json"
check "stats json" valid stats "$tmp/stats.json"
"$px" entities --db "$db" --format json > "$tmp/entities.json"
check "entities json" valid entity "$tmp/entities.json"
"$px" quotes -q --db "$db" --format json > "$tmp/remarks.json"
check "quotes json (store)" valid remark "$tmp/remarks.json"
"$px" quotes -q --format json "$tmp/in.jsonl" > "$tmp/remarks_in.json"
check "quotes json (inputs)" valid remark "$tmp/remarks_in.json"
for what in articles stories quotes entities; do
  "$px" export -q --db "$db" "$what" > "$tmp/export_$what.json"
done
check "export articles" valid article "$tmp/export_articles.json"
check "export stories" valid story "$tmp/export_stories.json"
check "export quotes" valid quote "$tmp/export_quotes.json"
check "export entities" valid entity "$tmp/export_entities.json"
"$px" analyze --format json "$tmp/in.jsonl" > "$tmp/analyze.json"
check "analyze json" valid analyze "$tmp/analyze.json"
"$px" dedup -q --format json "$tmp/in.jsonl" > "$tmp/dedup.json"
check "dedup json" valid dedup_group "$tmp/dedup.json"
"$px" story --db "$db" --compare --format json "$sid" > "$tmp/compare.json"
check "story --compare json" valid compare "$tmp/compare.json"

# The comparison is kept as data: the second run reads it, in any format
# and width, and prints what a fresh computation prints.
"$px" story --db "$db" --compare --format json "$sid" > "$tmp/compare2.json"
check "story --compare from the cache is the same" cmp -s "$tmp/compare.json" "$tmp/compare2.json"
cp "$db" "$tmp/fresh.db"
$py -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("delete from comparison_cache"); c.commit()' "$tmp/fresh.db"
"$px" story --db "$tmp/fresh.db" --compare --width 50 "$sid" > "$tmp/w_fresh.txt"
"$px" story --db "$db" --compare --width 50 "$sid" > "$tmp/w_cached.txt"
check "another width from the cached data" cmp -s "$tmp/w_fresh.txt" "$tmp/w_cached.txt"
check "the cache holds one comparison as data" test "$($py -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select group_concat(variant) from comparison_cache").fetchone()[0])' "$db")" = data

# The ids of every output name the right article.
$py - "$px" "$db" "$tmp" <<'PYEOF'
import json, subprocess, sys
px, db, tmp = sys.argv[1:4]
fails = 0
cache = {}
def show(i):
    if i not in cache:
        r = subprocess.run([px, "show", "--db", db, "--format", "json", str(i)],
                           capture_output=True, text=True)
        assert r.returncode == 0, (i, r.stderr)
        cache[i] = json.loads(r.stdout)
    return cache[i]
def lines(name):
    return [json.loads(l) for l in open("%s/%s.json" % (tmp, name), encoding="utf-8") if l.strip()]
def same(rec, art, keys):
    for k in keys:
        assert rec[k] == art[k], (k, rec[k], art[k])
try:
    n = 0
    for a in lines("articles") + lines("export_articles"):
        same(a, show(a["id"]), ("id", "ext_id", "source", "title", "url", "published", "meta"))
        n += 1
    for h in lines("search"):
        same(h, show(h["id"]), ("id", "ext_id", "source", "title", "url"))
    for s in lines("export_stories") + lines("story"):
        for m in s["members"]:
            assert m["story"] == s["id"]
            same(m, show(m["id"]), ("id", "ext_id", "source", "title", "url"))
            if m["dup_of"] is not None: show(m["dup_of"])
            if m["wire_source"] is not None:
                assert show(m["wire_source"])["source"] == m["wire_outlet"]
    for q in lines("export_quotes"):
        a = show(q["article"])
        same(q, a, ("ext_id", "source", "title"))
        body = a["body"].encode("utf-8")
        words = q["text"].split(" ... ")[0].split()[:3]
        assert " ".join(words) in " ".join(body[q["start"]:q["end"]].decode("utf-8").split()), q
    for r in lines("remarks"):
        for v in r["variants"]:
            same(v, show(v["article"]), ("ext_id", "source", "title"))
    meta = [a for a in lines("articles") if a["meta"]]
    assert any(a["meta"].get("topic") == "transport" and a["meta"]["bias"] == {"rating": "center"} for a in meta), meta
    assert n > 60
except AssertionError as e:
    print("ids:", e); sys.exit(1)
PYEOF
check "ids in every output resolve with show to the right article" test $? -eq 0

# An input id shared by two outlets: show asks which (exit 5), --outlet says.
"$px" show --db "$db" shared-1 > /dev/null 2> "$tmp/err"; rc=$?
check "shared ext_id: exit 5 and both outlets listed" bash -c "test $rc -eq 5 && grep -q 'Gull Gazette' '$tmp/err' && grep -q 'Alder Herald' '$tmp/err'"
out=$("$px" show --db "$db" --format json --outlet "Alder Herald" shared-1)
check "shared ext_id with --outlet" grep -q '"source":"Alder Herald"' <<<"$out"
out=$("$px" show --db "$db" nw-2023-0913-kim-putin)
check "show by ext_id" grep -q 'input id nw-2023-0913-kim-putin' <<<"$out"
"$px" story --db "$db" --article nw-2023-0913-kim-putin --format json > "$tmp/st.json"
check "story --article by ext_id" grep -q '"ext_id":"nw-2023-0913-kim-putin"' "$tmp/st.json"
n=$("$px" quotes -q --db "$db" --article nw-2023-0913-kim-putin --format json | $py -c 'import json,sys; print(len({v["article"] for l in sys.stdin for v in json.loads(l)["variants"]}))')
check "quotes --article keeps that article" test "$n" = 1

# CSV: a header and rows of the same columns.
"$px" articles --db "$db" --format csv > "$tmp/a.csv"
check "articles csv" $py -c '
import csv,sys
rows=list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0][:3]==["id","ext_id","source"] and len(rows)==33 and all(len(r)==len(rows[0]) for r in rows), rows[:2]' "$tmp/a.csv"

# --limit and --offset page through a listing.
all=$("$px" articles --db "$db" --format json | sed -n '4,6p')
page=$("$px" articles --db "$db" --format json --offset 3 --limit 3)
check "--offset 3 --limit 3 is rows 4 to 6" test "$all" = "$page"

# reanalyze prints the ingest summary: nothing to do on a store this build
# analysed, every article with --all.
"$px" reanalyze -q --db "$db" --format json > "$tmp/redo.json"
check "reanalyze json" valid ingest_stats "$tmp/redo.json"
check "reanalyze: nothing older" $py -c 'import json,sys; assert json.load(open(sys.argv[1]))["reanalyzed"] == 0' "$tmp/redo.json"
"$px" reanalyze -q --all --db "$db" --format json > "$tmp/redo.json"
check "reanalyze --all json" valid ingest_stats "$tmp/redo.json"
check "reanalyze --all: every article" $py -c 'import json,sys; assert json.load(open(sys.argv[1]))["reanalyzed"] == 32' "$tmp/redo.json"

[ "$fails" -eq 0 ] && echo "schema: ok" || { echo "schema: $fails failed"; exit 1; }
