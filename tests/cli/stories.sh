#!/usr/bin/env bash
# stories.sh PARALLAX SOURCE_DIR - parallax dedup, stories and story on
# invented articles: two ferry fires (same kind, two events) and a summit,
# a syndicated copy, an undated article; a second ingest joins old stories.
set -u
px=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
export NO_COLOR=1

A1='OSTRA (Northwire) - A ferry carrying 212 passengers caught fire off the coast of Valdoria on Tuesday, and coast guard crews rescued everyone on board. The blaze began in the engine room of the Morning Gull, operated by Bluewave Lines, forty minutes after it left Ostra.\n\nCaptain Elena Marsh sent a distress call that was answered within minutes by two patrol boats. Eleven people were treated for smoke inhalation at Ostra General Hospital, a spokesman said.\n\nThe transport ministry opened an inquiry into the fire and said the ferry had passed its last safety inspection in January.'
A2='Smoke poured from the Morning Gull on Tuesday as the Bluewave Lines ferry burned off Valdoria. All 212 people aboard were saved by the coast guard and a fishing trawler. Captain Elena Marsh moved passengers to the upper deck. The transport ministry opened an inquiry into the engine room fire, and Bluewave suspended crossings from Ostra.'
A3="By Staff\n\n$A1\n\nLocal fishermen said the sea was calm, which helped the rescue boats reach the ferry quickly."
B1='SANDPORT (Northwire) - The ferry Kestrel caught fire near Sandport on Thursday and all 87 passengers were evacuated to lifeboats, Northsea Ferries said. Captain Idris Kalu reported flames in the galley. Two passengers were taken to Sandport Infirmary with burns. The harbour authority closed the northern channel for the afternoon.'
B2='Lifeboats carried 87 passengers away from the Kestrel on Thursday after a galley fire broke out near Sandport. Northsea Ferries praised Captain Idris Kalu. Sandport Infirmary treated two people for burns, and the harbour authority shut the northern channel while firefighters boarded the ship.'
C1='LISVAN (Northwire) - Prime Minister Anja Holm and President Carlos Ruiz agreed on Wednesday to build a high-speed rail link between their capitals, at a summit in Lisvan. The two leaders signed a memorandum on funding and said construction would start in 2026.'
B3='Tugs towed the damaged ferry Kestrel into Sandport on Thursday evening after the galley fire that forced 87 passengers into lifeboats. Northsea Ferries said Captain Kalu acted quickly. The northern channel of Sandport harbour reopened at night, the harbour authority said.'

{
  printf '{"id":"a1","source":"Northwire","title":"Ferry fire off Valdoria: all 212 rescued","date":"2024-03-05T08:00:00Z","text":"%s"}\n' "$A1"
  printf '{"id":"a2","source":"Harbor Post","title":"Bluewave ferry Morning Gull burns near Ostra","date":"2024-03-05T12:00:00Z","text":"%s"}\n' "$A2"
  printf '{"id":"a3","source":"Island Daily","title":"Valdoria ferry blaze: what we know","date":"2024-03-05T15:00:00Z","text":"%s"}\n' "$A3"
  printf '{"id":"b1","source":"Northwire","title":"Ferry Kestrel catches fire near Sandport","date":"2024-03-07T09:00:00Z","text":"%s"}\n' "$B1"
  printf '{"id":"b2","source":"Harbor Post","title":"Kestrel evacuated after galley fire","text":"%s"}\n' "$B2"
  printf '{"id":"c1","source":"Northwire","title":"Holm and Ruiz agree on rail link","date":"2024-03-06T10:00:00Z","text":"%s"}\n' "$C1"
} > "$tmp/day1.jsonl"
printf '{"id":"b3","source":"Capital Times","title":"Sandport ferry fire: Kestrel towed to port","date":"2024-03-07T20:00:00Z","text":"%s"}\n' "$B3" > "$tmp/day2.jsonl"

# dedup: the syndicated copy a3 is grouped with a1, nothing else is.
out=$("$px" dedup --quiet "$tmp/day1.jsonl")
check "dedup prints one group" test "$(grep -c '^group' <<<"$out")" -eq 1
check "dedup groups a1 with its copy a3" grep -q 'a3' <<<"$out"
check "dedup leaves a2 alone" bash -c "! grep -q 'a2' <<<\"\$0\"" "$out"
json=$("$px" dedup --quiet --format json "$tmp/day1.jsonl")
check "dedup json names the copied article" python3 -c '
import json,sys
g=[json.loads(l) for l in sys.argv[1].splitlines()]
m={x["ext_id"]: x for x in g[0]["members"]}
assert m["a3"]["dup_of"] == m["a1"]["index"] and m["a1"]["dup_of"] is None, g' "$json"
check "dedup --help" bash -c "\"$px\" dedup --help | grep -q 'usage: parallax dedup'"
"$px" dedup --bogus "$tmp/day1.jsonl" >/dev/null 2>&1
check "dedup bad option exits 2" test $? -eq 2

# By default an undated article (b2) is not placed by text among dated
# stories: it stays alone, flagged unplaced.
ingest_ok "day1 alone" -q --db "$tmp/alone.db" "$tmp/day1.jsonl"
out=$("$px" stories --db "$tmp/alone.db")
check "undated b2 alone by default (four stories)" test "$(wc -l <<<"$out")" -eq 4
sidu=$("$px" stories --db "$tmp/alone.db" --format json | grep 'Kestrel evacuated' | sed 's/{"id":\([0-9]*\).*/\1/')
out=$("$px" story --db "$tmp/alone.db" --format json "$sidu")
check "the lone undated article is flagged unplaced" grep -q '"unplaced":true' <<<"$out"
"$px" ingest -q --db "$tmp/x.db" --undated sometimes "$tmp/day1.jsonl" 2>/dev/null
check "--undated with a bad value exits 2" test $? -eq 2

db=$tmp/s.db
"$px" ingest -q --undated join --db "$db" "$tmp/day1.jsonl" 2>"$tmp/err"; rc=$?
check "ingest of day1 exits 0" test "$rc" -eq 0
check "ingest of day1: stderr holds only the summary, nothing rejected" only_summary "$tmp/err"
out=$("$px" stories --db "$db")
check "three stories after the first ingest" test "$(wc -l <<<"$out")" -eq 3
json=$("$px" stories --db "$db" --format json)
check "stories json has outlets and duplicates" grep -q '"articles":3,"outlets":3,"duplicates":1' <<<"$json"
"$px" ingest -q --undated join --db "$db" "$tmp/day2.jsonl" 2>"$tmp/err"; rc=$?
check "ingest of day2 exits 0" test "$rc" -eq 0
check "ingest of day2: stderr holds only the summary, nothing rejected" only_summary "$tmp/err"
out=$("$px" stories --db "$db" --min-outlets 3)
check "b3 joined the Sandport story (two stories with 3 outlets)" test "$(wc -l <<<"$out")" -eq 2
out=$("$px" stories --db "$db" --outlet "Capital Times" --format json)
check "--outlet keeps the Sandport story" grep -q 'Kestrel' <<<"$out"
check "--outlet shows one story" test "$(wc -l <<<"$out")" -eq 1
out=$("$px" stories --db "$db" --since 2024-03-06 --until 2024-03-07)
check "--since/--until keep the summit only" bash -c "grep -q 'Holm' <<<\"\$0\" && test \$(wc -l <<<\"\$0\") -eq 1" "$out"
sid=$("$px" stories --db "$db" --format json | grep Valdoria | sed 's/{"id":\([0-9]*\).*/\1/')
out=$("$px" story --db "$db" "$sid")
check "story shows the copy marked" grep -q 'near-duplicate copy of article' <<<"$out"
check "story shows the wire share and its outlet" grep -q 'wire share [0-9]*%: sentences first published by Northwire' <<<"$out"
sidb=$("$px" stories --db "$db" --format json | grep Kestrel | sed 's/{"id":\([0-9]*\).*/\1/')
out=$("$px" story --db "$db" --format json "$sidb")
check "story json lists 3 members, one undated" python3 -c '
import json,sys
d=json.loads(sys.argv[1])
assert len(d["members"]) == 3 and sum(m["undated"] for m in d["members"]) == 1, d' "$out"
"$px" story --db "$db" 99999 >/dev/null 2>&1
check "unknown story exits 4" test $? -eq 4
check "stories --help" bash -c "\"$px\" stories --help | grep -q 'min-outlets'"
check "story --help" bash -c "\"$px\" story --help | grep -q 'usage: parallax story'"
# A title that asks does not name the story in the listing, though its
# article is the most central: another member's title that states the
# news does.
S1='VAASA - A fire destroyed the old grain silo in Vaasa on Tuesday night, and fire crews fought the flames for six hours before the roof collapsed.'
S2='The silo, built in 1931, had stood empty since the mill closed, and nobody was hurt, the fire service said.'
S3='Police opened an inquiry into the cause of the fire and asked witnesses who were near the harbour to come forward.'
S4='The mayor said the town would clear the site before the winter and decide next year whether to rebuild.'
{
  printf '{"id":"q1","source":"Vaasa Review","title":"Who set fire to the Vaasa grain silo?","date":"2024-05-07T09:00:00Z","text":"%s %s\\n\\n%s %s"}\n' "$S1" "$S2" "$S3" "$S4"
  printf '{"id":"q2","source":"Coast Daily","title":"Fire destroys Vaasa grain silo","date":"2024-05-07T10:00:00Z","text":"%s %s\\n\\nNeighbours watched the flames from the river bank until the early hours."}\n' "$S1" "$S2"
  printf '{"id":"q3","source":"Ostro News","title":"Vaasa silo fire under investigation","date":"2024-05-07T11:00:00Z","text":"%s %s\\n\\nThe harbour road was closed for the night."}\n' "$S3" "$S4"
} > "$tmp/silo.jsonl"
dbq="$tmp/q.db"
"$px" ingest -q --db "$dbq" "$tmp/silo.jsonl" >/dev/null 2>&1
list=$("$px" stories --db "$dbq" --format csv -q)
check "the silo articles make one story" test "$(tail -n +2 <<<"$list" | wc -l)" -eq 1
check "a title that asks does not head the listing" bash -c '! grep -q "Who set fire" <<<"$0" && grep -q "Vaasa" <<<"$0"' "$list"
exit $((fails > 0))
