#!/usr/bin/env bash
# serve.sh PARALLAX SOURCE_DIR - parallax serve: refusals of bad stores and
# options, start-up, the loopback warning, clean stop on SIGINT and SIGTERM,
# and tests/serve/robust.py (bad requests and clients, a concurrent ingest).
# Every server runs on 127.0.0.1 (or, once, 0.0.0.0 to see the warning) on a
# free port and is stopped by the test.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3

# Refusals, before anything listens.
"$px" serve --db "$tmp/none.db" --listen 127.0.0.1:0 > "$tmp/o" 2> "$tmp/e"; rc=$?
check "missing store: exit 1" test $rc -eq 1
check "missing store: says so" grep -q "no such database" "$tmp/e"
printf 'not a database at all\n' > "$tmp/junk.db"
"$px" serve --db "$tmp/junk.db" --listen 127.0.0.1:0 > "$tmp/o" 2> "$tmp/e"; rc=$?
check "not a store: exit 1 with a message" test $rc -eq 1 -a -s "$tmp/e"
bash "$src/tests/serve/make_store.sh" "$px" "$tmp/new.db" 2>/dev/null
sqlite3 "$tmp/new.db" "PRAGMA user_version=9999" 2>/dev/null || "$py" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=9999'); c.commit()" "$tmp/new.db"
"$px" serve --db "$tmp/new.db" --listen 127.0.0.1:0 > "$tmp/o" 2> "$tmp/e"; rc=$?
check "newer store: exit 1" test $rc -eq 1
check "newer store: says it is newer" grep -q "newer" "$tmp/e"
"$px" serve --db "$tmp/new.db" --listen nowhere > "$tmp/o" 2> "$tmp/e"; rc=$?
check "bad --listen: exit 2" test $rc -eq 2

bash "$src/tests/serve/make_store.sh" "$px" "$tmp/t.db" 2>/dev/null
start() {
  : > "$tmp/out"
  "$px" serve --db "${db:-$tmp/t.db}" "$@" > "$tmp/out" 2> "$tmp/err" &
  pid=$!
  for _ in $(seq 100); do grep -q 'http://' "$tmp/out" && return 0; sleep 0.05; done
  return 1
}
stop_with() {
  kill -"$1" "$pid"
  local rc
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  wait "$pid"; rc=$?
  pid=
  return $rc
}

# The loopback warning.
check "0.0.0.0: starts" start --listen 0.0.0.0:0
check "0.0.0.0: warns loudly" grep -q "WARNING: listening on 0.0.0.0" "$tmp/err"
check "SIGINT: exit 0" stop_with INT
check "SIGINT: says it stopped" grep -q "stopped" "$tmp/err"

t0=$(date +%s%N)
check "127.0.0.1: starts" start --listen 127.0.0.1:0
t1=$(date +%s%N)
echo "     started in $(( (t1 - t0) / 1000000 )) ms (small store)"
check "no warning on loopback" bash -c "! grep -q WARNING '$tmp/err'"
port=$(grep -o '127.0.0.1:[0-9]*' "$tmp/out" | cut -d: -f2)
timeout 400 "$py" "$src/tests/serve/robust.py" 127.0.0.1 "$port" "$tmp/t.db" "$px"
check "robust.py" test $? -eq 0
check "SIGTERM: exit 0" stop_with TERM

# Contradicting attributions on the story page: three outlets give the same
# words to three people; the page lists them as one entry, escaped.
for k in 1 2 3; do
  name=$(echo "Anna Berg|Lars Holm|Maria Lind" | cut -d'|' -f$k)
  printf '{"id":"c%s","source":"Wire %s","title":"Summit ends in Oslo","date":"2023-10-0%sT10:00:00Z","text":"Leaders met in Oslo on Monday and agreed to meet again.\\n\\n\\"We will never accept a deal that sells out our farmers <b>now</b>,\\" %s said after the talks."}\n' "$k" "$k" "$k" "$name"
done > "$tmp/conf.jsonl"
"$px" ingest -q --db "$tmp/conf.db" "$tmp/conf.jsonl"
db=$tmp/conf.db
check "conflicts store: starts" start --listen 127.0.0.1:0
port=$(grep -o '127.0.0.1:[0-9]*' "$tmp/out" | cut -d: -f2)
sid=$("$py" -c "import json,sys,urllib.request; d=json.load(urllib.request.urlopen('http://127.0.0.1:%s/api/stories' % sys.argv[1], timeout=10)); print(d['stories'][0]['story']['id'])" "$port")
"$py" -c "import sys,urllib.request; sys.stdout.write(urllib.request.urlopen('http://127.0.0.1:%s/story/%s' % (sys.argv[1], sys.argv[2]), timeout=10).read().decode())" "$port" "$sid" > "$tmp/page"
check "story page: one entry of contradicting attributions naming all three" \
  test "$(sed -n 's/.*id="conflicts"//p' "$tmp/page" | grep -o '<li>[^<]*<b>Anna Berg</b>.*<b>Lars Holm</b>.*<b>Maria Lind</b>' | wc -l)" -eq 1
check "story page: the quote's markup is escaped there" grep -q 'farmers &lt;b&gt;now&lt;/b&gt;' "$tmp/page"
check "conflicts store: SIGTERM exit 0" stop_with TERM
db=

echo "$fails failed"
[ $fails -eq 0 ]
