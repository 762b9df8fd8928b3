#!/usr/bin/env bash
# stories_events.sh PARALLAX SOURCE_DIR - event stories on invented
# articles: concurrent clustering runs, threads, and bad dates (all undated,
# all on one day, dated in the future or in 1970, identical text years apart).
set -u
px=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
export NO_COLOR=1

# Invented events: a dam breach in Corvella and its aftermath, a chess
# final, a port strike; each article a few sentences of its own.
art() { # id source date title text
  if [[ -n $3 ]]; then
    printf '{"id":"%s","source":"%s","date":"%s","title":"%s","text":"%s"}\n' "$1" "$2" "$3" "$4" "$5"
  else
    printf '{"id":"%s","source":"%s","title":"%s","text":"%s"}\n' "$1" "$2" "$4" "$5"
  fi
}
DAM='The Orvik dam above Corvella breached early on Monday, flooding the lower town. Mayor Tilde Brask ordered the evacuation of 4,000 residents to the sports hall. Engineers from the Corvella water board said heavy rain had weakened the northern wall.'
DAM2='Floodwater from the breached Orvik dam covered the lower town of Corvella on Monday. Mayor Tilde Brask said 4,000 people slept in the sports hall. The water board blamed days of heavy rain on the northern wall of the dam.'
DAM3='Corvella residents returned to flooded homes after the Orvik dam breach, as the water board began repairs on the northern wall. Mayor Tilde Brask asked the region for emergency funds.'
INQ='An inquiry into the Orvik dam breach in Corvella opened on Tuesday. The water board admitted that inspections of the northern wall had been postponed twice. Mayor Tilde Brask demanded the resignation of its director.'
INQ2='The Corvella water board director resigned on Wednesday as the inquiry into the Orvik dam breach heard that inspections of the northern wall were postponed. Mayor Tilde Brask welcomed the resignation.'
CHESS='Grandmaster Ilse Varga won the Lumen chess final in Tarsk on Sunday, beating Pavel Ondra in the fourth game. The prize of 80,000 euros is the largest in the tournament history.'
CHESS2='Ilse Varga beat Pavel Ondra to take the Lumen chess final in Tarsk. Varga sealed the title in game four and collected 80,000 euros.'
PORT='Dock workers at the port of Halvik began a 48-hour strike on Thursday over night shift pay. The Halvik port authority said 30 ships were waiting offshore. The union leader Mats Edel called the offer of the operators an insult.'
PORT2='Thirty ships waited off Halvik on Thursday as dock workers walked out for 48 hours. Union leader Mats Edel said the operators must raise night shift pay.'
{
  art d1 "Northwire" 2025-03-03T08:00:00Z "Orvik dam breaches above Corvella" "$DAM"
  art d2 "Harbor Post" 2025-03-03T13:00:00Z "Corvella flooded after dam breach" "$DAM2"
  art d3 "Island Daily" 2025-03-04T09:00:00Z "Corvella returns home after Orvik flood" "$DAM3"
  art c1 "Northwire" 2025-03-02T18:00:00Z "Varga wins Lumen chess final" "$CHESS"
  art c2 "Capital Times" 2025-03-02T20:00:00Z "Varga beats Ondra in Tarsk" "$CHESS2"
  art p1 "Harbor Post" 2025-03-06T07:00:00Z "Halvik dock workers strike" "$PORT"
  art p2 "Island Daily" 2025-03-06T11:00:00Z "Ships wait as Halvik strike begins" "$PORT2"
  art i1 "Northwire" 2025-03-18T09:00:00Z "Orvik dam inquiry opens" "$INQ"
  art i2 "Capital Times" 2025-03-19T10:00:00Z "Corvella water board chief resigns" "$INQ2"
} > "$tmp/events.jsonl"

# Concurrent clustering: articles stored without stories, then three
# 'stories' runs at once (each clusters what has no story yet).
for round in 1 2 3; do
  db=$tmp/c$round.db
  ingest_ok "round $round" -q --no-cluster --db "$db" "$tmp/events.jsonl"
  pids=()
  for k in 1 2 3; do
    "$px" stories --db "$db" > "$tmp/out$k" 2> "$tmp/err$k" &
    pids+=($!)
  done
  st=0
  for p in "${pids[@]}"; do wait "$p" || st=1; done
  check "round $round: three concurrent 'stories' runs all succeed" test $st -eq 0
  check "round $round: no constraint failure reported" bash -c "! grep -q 'UNIQUE' $tmp/err1 $tmp/err2 $tmp/err3"
  n=$("$px" stories --db "$db" --format json | sed 's/.*"articles":\([0-9]*\).*/\1/' | paste -sd+ | bc)
  check "round $round: every article in exactly one story (9)" test "$n" -eq 9
done

# Events and threads.
db=$tmp/e.db
ingest_ok "events" -q --db "$db" "$tmp/events.jsonl"
out=$("$px" stories --db "$db")
# Four events, four stories: the breach (3 articles over two days), the
# inquiry two weeks later (2: its own story, in the breach's thread), the
# chess final (2) and the strike (2).
sizes() { sed -E 's/.* ([0-9]+) outlets +([0-9]+) articles .*/\2/' <<<"$1" | sort -n | paste -sd' '; }
check "four event stories of 2, 2, 2 and 3 articles (got: $(sizes "$out"))" test "$(sizes "$out")" = "2 2 2 3"
check "the breach story holds its three articles from three outlets" grep -Eq ' 3 outlets +3 articles .*(Orvik|Corvella)' <<<"$out"
check "the dam story and the inquiry story are apart" bash -c "! grep -q 'Orvik.*3 outlets.*5 articles' <<<\"\$0\"" "$out"
threads=$("$px" threads --db "$db" --format json)
check "the dam breach and its inquiry form one thread" bash -c "grep -q '\"stories\":2' <<<\"\$0\"" "$threads"
tid=$(sed -n 's/{"id":\([0-9]*\),.*"stories":2.*/\1/p' <<<"$threads" | head -1)
# A thread is named by its largest story's headline, a title that states
# the news: not an explainer's ("Why ...", "How ...") nor a question.
sed -e 's/"Orvik dam breaches above Corvella"/"Why the Orvik dam above Corvella breached"/' \
    -e 's/"Corvella returns home after Orvik flood"/"How Corvella returns home after the Orvik flood?"/' \
    "$tmp/events.jsonl" > "$tmp/events_why.jsonl"
ingest_ok "events, explainers' titles" -q --db "$tmp/why.db" "$tmp/events_why.jsonl"
wthreads=$("$px" threads --db "$tmp/why.db" --format json)
check "a thread's headline states the news (got: $(grep '"stories":2' <<<"$wthreads"))" \
  bash -c "grep '\"stories\":2' <<<\"\$0\" | grep -q 'Corvella flooded after dam breach'" "$wthreads"
# Nor is a story named by a title at a column's address (".../opinion/..."):
# the breach story's central article made a column names it no more, in
# the listing as in its brief.
sed 's#"id":"d1",#"id":"d1","url":"https://northwire.example/opinion/2025/03/03/orvik",#' \
    "$tmp/events.jsonl" > "$tmp/events_col.jsonl"
ingest_ok "events, a column's address" -q --db "$tmp/col.db" "$tmp/events_col.jsonl"
check "the breach story is named by its central article (got: $("$px" stories --db "$db" | grep Corvella))" \
  bash -c "\"\$0\" stories --db \"\$1\" | grep -q 'articles .*Orvik dam breaches above Corvella'" "$px" "$db"
cout=$("$px" stories --db "$tmp/col.db")
check "a column's title names no story (got: $(grep Corvella <<<"$cout"))" \
  bash -c "grep ' 3 articles' <<<\"\$0\" | grep -q 'Corvella flooded after dam breach'" "$cout"
csid=$("$px" stories --db "$tmp/col.db" --format json | grep 'Corvella flooded' | sed 's/{"id":\([0-9]*\).*/\1/' | head -1)
check "nor heads its brief" bash -c "\"\$0\" story --db \"\$1\" \"\$2\" --compare | head -1 | grep -q 'Corvella flooded after dam breach'" \
  "$px" "$tmp/col.db" "$csid"
tout=$("$px" thread --db "$db" "$tid")
check "thread ID lists the breach before the inquiry" bash -c "grep -n 'dam\|Corvella' <<<\"\$0\" | head -1 | grep -q 'breach\|flood'" "$tout"
check "thread ID shows new outlets" grep -q 'new outlets' <<<"$tout"
sid=$("$px" stories --db "$db" --format json | grep -i 'inquiry\|resign' | sed 's/{"id":\([0-9]*\).*/\1/' | head -1)
sout=$("$px" story --db "$db" "$sid")
check "story ID names its thread" grep -q "thread $tid" <<<"$sout"
"$px" thread --db "$db" 99999 >/dev/null 2>&1
check "unknown thread exits 4" test $? -eq 4
check "threads --help" bash -c "\"$px\" threads --help | grep -q 'usage: parallax threads'"

# Bad dates.
count_members() { "$px" stories --db "$1" --format json | sed 's/.*"articles":\([0-9]*\).*/\1/' | paste -sd+ | bc; }
# All undated: clustered by text (nothing else to go by).
sed 's/"date":"[^"]*",//' "$tmp/events.jsonl" > "$tmp/undated.jsonl"
ingest_ok "all undated" -q --db "$tmp/u.db" "$tmp/undated.jsonl"
check "all undated: every article in a story" test "$(count_members "$tmp/u.db")" -eq 9
check "all undated: stories by text (the chess pair together)" bash -c "\"$px\" stories --db $tmp/u.db | grep -q ' 2 articles.*Varga'"
# All on one day.
sed 's/"date":"2025-03-[0-9]*T/"date":"2025-03-03T/' "$tmp/events.jsonl" > "$tmp/oneday.jsonl"
ingest_ok "all on one day" -q --db "$tmp/o.db" "$tmp/oneday.jsonl"
check "all on one day: every article in a story" test "$(count_members "$tmp/o.db")" -eq 9
check "all on one day: chess and port apart" bash -c "! \"$px\" stories --db $tmp/o.db | grep -q ' 4 articles'"
# Future and 1970 dates: treated as undated (placed alone unless copies).
{
  head -n 3 "$tmp/events.jsonl"
  art f1 "Gazette" 2093-01-01T00:00:00Z "Orvik dam breaches (future date)" "$DAM2 Officials gave no timeline."
  art f2 "Gazette" 1970-01-01T00:00:00Z "Orvik dam breaches (1970)" "$DAM Officials gave no timeline."
} > "$tmp/bad.jsonl"
ingest_ok "future and 1970 dates" -q --db "$tmp/b.db" "$tmp/bad.jsonl"
check "future and 1970 dates: every article in a story" test "$(count_members "$tmp/b.db")" -eq 5
bj=$(for s in $("$px" stories --db "$tmp/b.db" --format json | sed 's/{"id":\([0-9]*\).*/\1/'); do "$px" story --db "$tmp/b.db" --format json "$s"; done)
check "future and 1970 dates: flagged undated" test "$(grep -c '"undated":true' <<<"$bj")" -ge 2
# Identical text years apart: the store keeps one copy of a text (the second
# is reported as a duplicate); a near-verbatim copy five years later is
# stored, marked a copy, and stays in its own time: two stories.
{
  art y1 "Northwire" 2019-05-02T08:00:00Z "Port strike in Halvik" "$PORT"
  art y2 "Harbor Post" 2024-05-02T08:00:00Z "Port strike in Halvik" "$PORT"
} > "$tmp/years.jsonl"
"$px" ingest --db "$tmp/y.db" "$tmp/years.jsonl" 2> "$tmp/y.err"; rc=$?
check "identical text five years apart: ingest exits 0" test "$rc" -eq 0
check "identical text five years apart: stderr holds only the summary" only_summary "$tmp/y.err"
check "identical text five years apart: the second reported as a duplicate" grep -q 'duplicates 1' "$tmp/y.err"
{
  art y3 "Harbor Post" 2024-05-02T08:00:00Z "Port strike in Halvik again" "$PORT The strike is the first in five years."
} > "$tmp/years2.jsonl"
ingest_ok "near-verbatim copy" -q --db "$tmp/y.db" "$tmp/years2.jsonl"
check "near-verbatim text five years apart: two stories" test "$("$px" stories --db "$tmp/y.db" | wc -l)" -eq 2
check "near-verbatim text five years apart: both articles kept" test "$(count_members "$tmp/y.db")" -eq 2

exit $((fails > 0))
