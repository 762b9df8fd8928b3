#!/usr/bin/env bash
# compare.sh PARALLAX SOURCE_DIR - parallax compare end to end: every format,
# articles from text files and JSON Lines, bad input (identical articles, an
# empty one, one in another language, nothing in common), exit codes.
set -u
px=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
contains() { grep -q -- "$2" <<<"$1"; }
jq_ok() { python3 -c "import json,sys; d=json.load(sys.stdin); $2" <<<"$1"; }

cat > "$tmp/a.txt" <<'T'
Title: Fire on Baltic ferry forces evacuation
Source: Northern Wire
Date: 2023-10-02T10:30:00Z

HELSINKI (Northern Wire) - A fire broke out in the engine room of the ferry Baltic Aurora on Monday, and 12 passengers were hurt, the coast guard said.

The Baltic Aurora was later towed back to Helsinki by two tugs.

The operator, Nordline, said the cause of the fire was not yet known.
T
cat > "$tmp/b.txt" <<'T'
Title: Ferry towed to Helsinki after engine room blaze
Source: Harbor Post
Date: 2023-10-02T16:40:00Z

Two tugs towed the ferry Baltic Aurora back to Helsinki after a fire on Monday.

The fire started in the ship's engine room, and 14 passengers were hurt, the coast guard said.

Passengers sang songs on the deck while they waited.
T
cat > "$tmp/fi.txt" <<'T'
Title: Palo lautalla
Source: Helsingin Sanomat

Lautta Baltic Auroran konehuoneessa syttyi maanantaina tulipalo, ja miehistö siirsi matkustajat yläkansille. Rannikkovartiosto kertoi, että palo saatiin sammutettua noin tunnissa eikä kukaan loukkaantunut vakavasti. Alus hinattiin myöhemmin takaisin Helsinkiin.
T
cat > "$tmp/other.txt" <<'T'
Title: Chipmaker shares rise
Source: Market Daily

Shares of the chipmaker rose sharply in New York trading. Analysts expect record orders from data centres this year.
T
: > "$tmp/empty.txt"
printf '%s\n' '{"id":"j1","source":"Meridian News","title":"Ferry fire","date":"2023-10-02T11:05:00Z","text":"HELSINKI, Oct 2 (Meridian) - Crew members put out a fire in the engine room of the ferry Baltic Aurora on Monday.\n\nThe ferry was towed back to Helsinki by two tugs."}' > "$tmp/c.jsonl"

out=$("$px" compare --width 70 "$tmp/a.txt" "$tmp/b.txt" 2>&1); rc=$?
check "text report exits 0" test "$rc" -eq 0
check "text report counts articles and outlets" contains "$out" "2 articles from 2 outlets"
check "text report opens with the core facts" contains "$out" "Core facts"
full=$("$px" compare --full --width 70 "$tmp/a.txt" "$tmp/b.txt" 2>&1)

check "--full lists shared facts" contains "$full" "Reported by several outlets"
top1=$("$px" compare --top 1 --full --width 70 "$tmp/a.txt" "$tmp/b.txt" 2>&1)
check "--top 1 bounds the core facts" test "$(grep -c '^  [0-9]*\. \[' <<<"$top1")" -le 1
check "text report shows the tugs fact from both" contains "$full" "Two tugs towed"
check "text report names the numeric discrepancy" contains "$out" "14 passengers"
check "no colour when not a terminal" test -z "$(grep -c $'\033' <<<"$out" | grep -v '^0$')"
long=$(awk 'length($0) > 90' <<<"$out" | wc -l)
check "text wraps to --width" test "$long" -eq 0

json=$("$px" compare --format json "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.jsonl" 2>/dev/null); rc=$?
check "json exits 0" test "$rc" -eq 0
check "json: three articles, one from JSON Lines" jq_ok "$json" "assert len(d['articles'])==3 and d['articles'][2]['source']=='Meridian News'"
check "json: datelines" jq_ok "$json" "assert d['articles'][0]['dateline']['place']=='HELSINKI'"
check "json: a fact shared by all three" jq_ok "$json" "assert any(len(f['outlets'])==3 for f in d['facts'])"
check "json: unique facts listed" jq_ok "$json" "assert any(not f['shared'] for f in d['facts'])"
check "json: first report is the earliest" jq_ok "$json" "assert all(f['first_report']['article']==0 for f in d['facts'] if f['shared'] and 0 in f['articles'])"
check "json: discrepancy 12 vs 14" jq_ok "$json" "assert any(sorted(v['value'] for v in x['values'])==[12,14] for x in d['discrepancies'])"
# Figures that are not disputes: a rounding ("52%" / "52.4%"), a vague
# amount ("several hundred firefighters" / "400 firefighters"), and an
# article that gives two rates (old and new) beside another's one; the
# turnout of 38% / 41% is one.
cat > "$tmp/d1.txt" <<'T'
Title: Harbour vote
Source: Quay Daily

Jane Roe won the Harbourtown mayoral vote with 52.4% of the ballots, the election office said on Monday. Turnout in the Harbourtown mayoral vote was 38%, the lowest since the harbour district was founded. Several hundred firefighters guarded the polling stations after the dock fire. The harbour board raised its mooring fee from 5.5% to 5.75% of cargo value on Monday.
T
cat > "$tmp/d2.txt" <<'T'
Title: Roe wins harbour vote
Source: Pier Post

Jane Roe won the Harbourtown mayoral vote with 52% of the ballots, the election office said on Monday. Turnout in the Harbourtown mayoral vote was about 41%, the lowest since the harbour district was founded. 400 firefighters guarded the polling stations after the dock fire. The harbour board set its mooring fee at 5.75% of cargo value on Monday.
T
dj=$("$px" compare --format json "$tmp/d1.txt" "$tmp/d2.txt" 2>/dev/null)
check "json: turnout 38 vs 41 disputed" jq_ok "$dj" "assert any({38,41} <= {v['value'] for v in x['values']} for x in d['discrepancies'])"
check "json: no dispute from rounding, a vague amount or two rates" jq_ok "$dj" "assert len(d['discrepancies'])==1, d['discrepancies']"
check "json: entities with outlets" jq_ok "$json" "assert any(len(e['outlets'])==3 for e in d['entities'])"

if python3 -c "import jsonschema" 2>/dev/null; then
  # expected exit code, then the files (3: an input was empty and skipped)
  for run in "0 $tmp/a.txt $tmp/b.txt $tmp/c.jsonl" "3 $tmp/a.txt $tmp/empty.txt $tmp/fi.txt"; do
    want=${run%% *} files=${run#* }
    # shellcheck disable=SC2086
    json=$("$px" compare --format json -q $files 2>/dev/null); rc=$?
    check "json for the schema check exits $want" test "$rc" -eq "$want"
    check "json validates against docs/schema/compare.schema.json" python3 -c "
import json, jsonschema, sys
jsonschema.validate(json.loads(sys.stdin.read()), json.load(open('$src/docs/schema/compare.schema.json')),
                    format_checker=jsonschema.FormatChecker())" <<<"$json"
  done
fi

md=$("$px" compare --format md "$tmp/a.txt" "$tmp/b.txt"); rc=$?
check "markdown exits 0" test "$rc" -eq 0
check "markdown has a headline and core facts" contains "$md" "^## Core facts"
html=$("$px" compare --format html "$tmp/a.txt" "$tmp/b.txt"); rc=$?
check "html exits 0" test "$rc" -eq 0
check "html is one page" contains "$html" "</html>"
check "html fetches nothing" test -z "$(grep -Eo 'src=|<link|url\(|@import' <<<"$html")"
check "html has a headline, a legend and the core facts" contains "$html" 'class="legend".*Core facts\|Core facts.*class="legend"'
check "html lays columns out in a grid that wraps (no sideways scroll)" contains "$html" "grid-template-columns:repeat(auto-fill"

# Bad input.
sed 's/^Source: Northern Wire/Source: Syndicated Daily/' "$tmp/a.txt" > "$tmp/a2.txt"
json=$("$px" compare --format json "$tmp/a.txt" "$tmp/a2.txt" 2>"$tmp/err"); rc=$?
check "identical articles: exit 0" test "$rc" -eq 0
check "identical articles: every fact shared, copy flagged" jq_ok "$json" "assert all(f['shared'] for f in d['facts']) and d['articles'][1]['copy_of']==0 and d['articles'][1]['wire_share']==1"
json=$("$px" compare --format json "$tmp/a.txt" "$tmp/a.txt" 2>"$tmp/err"); rc=$?
check "the same file twice: exit 0" test "$rc" -eq 0
check "the same file twice: both kept, each fact in both" jq_ok "$json" "assert len(d['articles'])==2 and all(len(f['articles'])==2 for f in d['facts'])"
json=$("$px" compare --format json "$tmp/a.txt" "$tmp/empty.txt" "$tmp/b.txt" 2>"$tmp/err"); rc=$?
check "empty file: reported, not fatal" test "$rc" -eq 0 -o "$rc" -eq 3
check "empty file: no article silently dropped or said so" jq_ok "$json" "assert len(d['articles'])==3 or (len(d['articles'])==2 and open('$tmp/err').read())"
json=$("$px" compare --format json "$tmp/a.txt" "$tmp/fi.txt" 2>"$tmp/err"); rc=$?
check "other language: exit 0" test "$rc" -eq 0
check "other language: flagged and kept" jq_ok "$json" "assert 'other_language' in d['articles'][1]['flags'] and d['articles'][1]['unique_facts']>0"
check "other language: warning on stderr" grep -q "English" "$tmp/err"
json=$("$px" compare --format json "$tmp/a.txt" "$tmp/other.txt" 2>/dev/null); rc=$?
check "nothing in common: exit 0" test "$rc" -eq 0
check "nothing in common: no shared fact" jq_ok "$json" "assert not any(f['shared'] for f in d['facts']) and len(d['articles'])==2"
# articles full of page furniture: flagged, kept in the JSON, never a fact,
# a quote or a dispute
for o in Alpha Beta; do
  cat > "$tmp/furn-$o.txt" <<T
Title: Storm closes ports
Source: $o Daily

ADVERTISEMENT

Hide Caption 26 of 30 Photos

next Image 1 of 3

(Most recent update: 11:40 a.m. ET)

A storm closed three ports on the coast on Tuesday, the harbour authority said.

Click here to see how we cover stories such as this.

Sign up for our morning newsletter.

By Jane Doe and John Roe
T
done
json=$("$px" compare -q --format json "$tmp/furn-Alpha.txt" "$tmp/furn-Beta.txt"); rc=$?
check "furniture: exits 0" test "$rc" -eq 0
check "furniture: flagged, not shared, kept" jq_ok "$json" "fs=[f for f in d['facts'] if f.get('furniture')]; assert len(fs)>=14 and not any(f['shared'] for f in fs), len(fs)"
check "furniture: the news sentence is the one shared fact" jq_ok "$json" "sh=[f for f in d['facts'] if f['shared']]; assert len(sh)==1 and 'storm' in sh[0]['members'][0]['text'].lower()"
check "furniture: no dispute, no quote from it" jq_ok "$json" "assert not d['discrepancies'] and not any('Caption' in m['text'] for q in d['quotes'] for m in q['members'])"
# one quote given to two people by two outlets: two remarks, one conflict
printf 'Title: Summit ends\nSource: Wire One\n\nLeaders met in Oslo on Monday.\n\n"We will never accept a deal that sells out our farmers," Anna Berg said after the talks.\n' > "$tmp/conf1.txt"
printf 'Title: Summit over\nSource: Wire Two\n\nLeaders met in Oslo on Monday.\n\n"We will never accept a deal that sells out our farmers," Lars Holm said after the talks.\n' > "$tmp/conf2.txt"
json=$("$px" compare -q --format json "$tmp/conf1.txt" "$tmp/conf2.txt")
check "two speakers of one quote: never one remark" jq_ok "$json" "assert all(len({m['speaker'] for m in q['members']})==1 for q in d['quotes'])"
check "two speakers of one quote: a contradicting attribution" jq_ok "$json" "c=d['attribution_conflicts']; assert len(c)==1 and {x['speaker'] for x in c[0]}=={'Anna Berg','Lars Holm'}"
# three outlets, three speakers: three pairs in JSON, one entry in the reports
printf 'Title: Summit closes\nSource: Wire Three\n\nLeaders met in Oslo on Monday.\n\n"We will never accept a deal that sells out our farmers," Maria Lind said after the talks.\n' > "$tmp/conf3.txt"
json=$("$px" compare -q --format json "$tmp/conf1.txt" "$tmp/conf2.txt" "$tmp/conf3.txt")
check "three speakers of one quote: three pairs" jq_ok "$json" "assert len(d['attribution_conflicts'])==3"
out=$("$px" compare -q "$tmp/conf1.txt" "$tmp/conf2.txt" "$tmp/conf3.txt")
check "three speakers of one quote: one entry of three in text" test "$(printf '%s\n' "$out" | sed -n '/^Contradicting/,/^Disputes/p' | grep -c 'gives it to')" -eq 3 -a "$(printf '%s\n' "$out" | grep -c '^  - ')" -ge 1
check "three speakers of one quote: one entry, not three" test "$(printf '%s\n' "$out" | sed -n '/^Contradicting/,/^Disputes/p' | grep -c '^  - ')" -eq 1
md=$("$px" compare -q --format md "$tmp/conf1.txt" "$tmp/conf2.txt" "$tmp/conf3.txt")
check "three speakers of one quote: one markdown line naming all three" test "$(printf '%s\n' "$md" | grep 'gives it to' | grep -c 'Anna Berg.*Lars Holm.*Maria Lind')" -eq 1
html=$("$px" compare -q --format html "$tmp/conf1.txt" "$tmp/conf2.txt" "$tmp/conf3.txt")
check "three speakers of one quote: the html report lists them" test "$(printf '%s\n' "$html" | grep -o 'Contradicting attributions.*</table>' | grep -o '<td>Maria Lind</td>\|<td>Anna Berg</td>\|<td>Lars Holm</td>' | sort -u | wc -l)" -eq 3
out=$("$px" compare "$tmp/a.txt" 2>&1); rc=$?
check "one article: a report with a warning" test "$rc" -eq 0
check "one article: says there is nothing to compare" contains "$out" "nothing to compare"

"$px" compare >/dev/null 2>&1; rc=$?
check "no file: usage error 2" test "$rc" -eq 2
"$px" compare --format csv "$tmp/a.txt" >/dev/null 2>&1; rc=$?
check "unsupported format: usage error 2" test "$rc" -eq 2
"$px" compare "$tmp/missing.txt" >/dev/null 2>&1; rc=$?
check "missing file: exit 1" test "$rc" -eq 1
"$px" compare --max-articles 1 "$tmp/a.txt" "$tmp/b.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "over --max-articles: exit 1 with a message" test "$rc" -eq 1 -a -s "$tmp/err"
"$px" compare --help | grep -q "usage: parallax compare"; rc=$?
check "--help" test "$rc" -eq 0

echo "$fails failed"
exit $((fails > 0))
