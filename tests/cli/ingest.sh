#!/usr/bin/env bash
# ingest.sh PARALLAX SOURCE_DIR - the ingest/articles/show commands end to end:
# counts, idempotence, bad records with file:line, exit codes, --strict,
# refusing a foreign database, JSON output.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
contains() { grep -q -- "$2" <<<"$1"; }

cat > "$tmp/a.jsonl" <<'J'
{"id":"1","source":"Northern Wire","title":"Leaders meet","date":"2023-09-13T08:00:00Z","text":"MOSCOW- Kim met Putin.\n\nTalks lasted two hours."}
{"id":"2","source":"Harbor Post","title":"Kim in Russia","date":"2023-09-13T09:00:00Z","text":"Kim Jong-un arrived by train."}
{"id":"3","source":"Harbor Post","title":"Broken","text":
{"id":"4","source":"Meridian","title":"No body here"}
{"id":"5","source":"Meridian","title":"Quake","date":"2023-09-14","text":"A quake struck the coast."}
J
db="$tmp/p.db"

out=$("$px" ingest --db "$db" "$tmp/a.jsonl" 2>&1); rc=$?
check "ingest exits 3 when records were rejected" test "$rc" -eq 3
check "summary line counts" contains "$out" "read 3, stored 3, duplicates 0, rejected 2"
check "malformed line named with file and line" contains "$out" "a.jsonl:line 3: invalid JSON"
check "missing body named with file and line" contains "$out" "a.jsonl:line 4: no article text"

out=$("$px" ingest --db "$db" "$tmp/a.jsonl" 2>&1)
check "second ingest stores nothing new" contains "$out" "read 3, stored 0, duplicates 3, rejected 2"

out=$("$px" ingest --strict --db "$tmp/strict.db" "$tmp/a.jsonl" 2>&1); rc=$?
check "--strict stops at the first bad record" test "$rc" -eq 3
check "--strict keeps what came before" contains "$out" "read 2, stored 2"

gzip -c "$tmp/a.jsonl" > "$tmp/a.gz"
out=$(cat "$tmp/a.gz" | "$px" ingest --db "$tmp/stdin.db" - 2>&1)
check "gzip on stdin" contains "$out" "read 3, stored 3"
check "stdin errors say <stdin>" contains "$out" "<stdin>:line 3"

list=$("$px" articles --db "$db")
check "articles lists three" test "$(wc -l <<<"$list")" -eq 3
check "articles shows outlet and title" contains "$list" "Northern Wire.*Leaders meet"
list=$("$px" articles --db "$db" --outlet Meridian --format json)
check "articles --outlet filters" test "$(wc -l <<<"$list")" -eq 1
check "articles json is JSON" /usr/bin/python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' <<<"$list"
list=$("$px" articles --db "$db" --since 2023-09-14)
check "articles --since filters" test "$(wc -l <<<"$list")" -eq 1

show=$("$px" show --db "$db" 1 --format json)
check "show json has the body with paragraphs" /usr/bin/python3 -c '
import json,sys; a=json.load(sys.stdin)
assert a["body"]=="MOSCOW- Kim met Putin.\n\nTalks lasted two hours.", a
assert a["source"]=="Northern Wire" and a["published"]=="2023-09-13T08:00:00Z", a' <<<"$show"
"$px" show --db "$db" 999 >/dev/null 2>&1; rc=$?
check "show of a missing id exits 4" test "$rc" -eq 4

echo "my notes" > "$tmp/notes.db"
out=$("$px" ingest --db "$tmp/notes.db" "$tmp/a.jsonl" 2>&1); rc=$?
check "a non-parallax file is refused" test "$rc" -eq 1
check "refusal message is clear" contains "$out" "not a parallax database"
check "refused file is untouched" test "$(cat "$tmp/notes.db")" = "my notes"

"$px" ingest --db "$db" >/dev/null 2>&1; rc=$?
check "no input is a usage error (2)" test "$rc" -eq 2
"$px" ingest --bogus x >/dev/null 2>&1; rc=$?
check "unknown option is a usage error (2)" test "$rc" -eq 2
out=$("$px" help ingest)
check "help ingest" contains "$out" "usage: parallax ingest"
out=$("$px" articles --help)
check "articles --help" contains "$out" "usage: parallax articles"
out=$("$px" --version)
check "--version" contains "$out" "^parallax [0-9]"

head -c 4096 /dev/urandom > "$tmp/blob.bin"
out=$("$px" ingest --db "$tmp/bin.db" "$tmp/blob.bin" 2>&1)
check "binary file rejected with its name" contains "$out" "blob.bin: binary data"

out=$("$px" ingest --db "$tmp/s.db" "$src/sample/news.jsonl" 2>&1); rc=$?
check "the bundled sample ingests cleanly" test "$rc" -eq 0
check "the bundled sample stores articles" contains "$out" "stored [1-9][0-9]*, duplicates 0, rejected 0"

echo "$fails failed"
test "$fails" -eq 0
