#!/usr/bin/env bash
# exits.sh PARALLAX SOURCE_DIR - the exit codes of docs/cli.md, command by
# command: usage errors (2) for bad values, missing values and unknown
# options; a missing database (1, never created); a missing input (1);
# rejected records (3); no such article or story (4); a shared ext_id (5).
# And the man page is the one generated from the option tables.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
fails=0
export NO_COLOR=1
expect() { # CODE ARGS...: run parallax ARGS, want exit CODE and, for errors, a message
  local want=$1; shift
  "$px" "$@" > out 2> err; local rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL parallax $* exited $rc, want $want: $(head -c 300 err)"; fails=$((fails + 1)); return
  fi
  if [ "$want" -ne 0 ] && [ ! -s err ]; then
    echo "FAIL parallax $*: exit $rc without a message"; fails=$((fails + 1)); return
  fi
  echo "ok   $want parallax $*"
}
printf '{"id":"x1","source":"A","title":"T1","date":"2024-01-02","text":"Alpha beta gamma delta. The mayor said \\"we are ready\\" on Monday."}\n{"id":"x1","source":"B","title":"T2","date":"2024-01-02","text":"Another story entirely about the harbour."}\n' > in.jsonl
printf '{"id":"x3","source":"A","text":"ok text here."}\nnot json\n' > bad.jsonl
"$px" ingest -q --db db in.jsonl

# a missing database is never created, whatever the read command
for cmd in articles stories stats entities "export articles" "search x" "show 1" "story 1" quotes \
    threads "thread 1" serve; do
  expect 1 $cmd --db typo.db
done
[ -e typo.db ] && { echo "FAIL typo.db was created"; fails=$((fails + 1)); }

# numbers, ranges and dates
expect 2 articles --db db --limit abc
expect 2 articles --db db --limit -5
expect 2 articles --db db --offset -3
expect 2 stats --db db --top -1
expect 2 entities --db db --top -1
expect 2 search --db db x --limit 1x
expect 2 stories --db db --min-outlets two
expect 2 ingest --db db --batch abc in.jsonl
expect 2 ingest --db db --batch 0 in.jsonl
expect 2 ingest --db db --max-record -1 in.jsonl
expect 2 ingest --db db --threads 65 in.jsonl
expect 2 dedup --threshold 1.5 in.jsonl
expect 2 compare --width 3 in.jsonl
expect 2 threads --db db --min-stories 0
expect 2 threads --db db --limit x
expect 2 thread --db db abc
expect 2 thread --db db
expect 4 thread --db db 999
expect 2 serve --db db --threads 65
expect 2 serve --db db --live-seconds 0
expect 2 serve --db db --listen nowhere
expect 2 watch --db db --feeed http://127.0.0.1:9/f.xml
grep -q "did you mean '--feed'" err || { echo "FAIL no did-you-mean for --feeed"; fails=$((fails + 1)); }
expect 2 watch --db db --config
expect 2 serve --db db --format json
expect 0 threads --db db --format json
expect 0 watch --help
expect 0 serve --help
expect 2 articles --db db --since notadate
expect 2 articles --db db --tz Mars/Olympus
expect 0 articles --db db --since 7d --until now
expect 0 articles --db db --since yesterday --tz Europe/Paris
expect 0 stories --db db --since 2024-01-01 --tz +05:30
# missing values, unknown options and commands, --
expect 2 stories --db db --min-outlets
expect 2 stories --db db --min-outlet 3
grep -q "did you mean '--min-outlets'" err || { echo "FAIL no did-you-mean for --min-outlet"; fails=$((fails + 1)); }
expect 2 storys
grep -q "did you mean 'stories'\|did you mean 'story'" err || { echo "FAIL no did-you-mean for storys"; fails=$((fails + 1)); }
expect 2 ingest --db db --field foo=bar in.jsonl
grep -q "unknown field name 'foo'" err || { echo "FAIL --field message"; fails=$((fails + 1)); }
expect 2 articles --db db --format html
expect 2 export --db db things
expect 2 show --db db
expect 0 search --db db -- alpha
expect 0 help help
expect 0 help --man
expect 2 help nosuch
# inputs
expect 1 ingest --db db nosuch.jsonl
expect 3 ingest --db db bad.jsonl
grep -q "bad.jsonl:line 2" err || { echo "FAIL the rejected line is named"; fails=$((fails + 1)); }
grep -qi "empty" err && { echo "FAIL an invalid JSON line reported as empty"; fails=$((fails + 1)); }
expect 1 analyze nosuch.jsonl
expect 3 analyze bad.jsonl
expect 1 dedup nosuch.jsonl
expect 1 quotes nosuch.jsonl
expect 1 compare nosuch.txt
test "$(grep -o 'nosuch.txt' err | wc -l)" -eq 1 || { echo "FAIL compare names the path twice: $(cat err)"; fails=$((fails + 1)); }
# what does not exist, and what is ambiguous
expect 4 show --db db 999
expect 4 story --db db 999
expect 4 story --db db --article nosuch
expect 5 show --db db x1
expect 0 show --db db x1 --outlet B
expect 5 quotes --db db --article x1
expect 0 articles --db db --limit 0

# the man page is the one generated from the tables
"$px" help --man > man.1
if cmp -s man.1 "$src/docs/parallax.1"; then echo "ok   docs/parallax.1 is generated"; else
  echo "FAIL docs/parallax.1 differs from 'parallax help --man' (regenerate it)"; fails=$((fails + 1)); fi
# and documents every option of every command
"$px" help --options | while read -r cmd opt; do
  [ -z "$opt" ] && continue
  grep -q -- "$(sed 's/-/\\\\-/g' <<<"$opt")" man.1 || echo "missing $cmd $opt"
done > missing
[ -s missing ] && { echo "FAIL man page lacks: $(cat missing)"; fails=$((fails + 1)); }

[ "$fails" -eq 0 ] && echo "exits: ok" || { echo "exits: $fails failed"; exit 1; }
