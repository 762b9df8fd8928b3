#!/usr/bin/env bash
# A stored story's comparison leaves out the outlet's template text: a
# sentence the outlet's other stored articles repeat whole (a promotion
# the extractor kept in every body) is page furniture, not news the outlet
# alone adds; a sentence only two of its other articles repeat (a story's
# background) stays a fact.
set -euo pipefail
px=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
promo="Readers can support the Harbor Ledger by joining our membership program today."
background="The harbor authority has managed the port since it was founded in 1952."
topics=("city council approved a new budget for parks and libraries after a long debate"
  "school board voted to extend the academic calendar by two weeks next year"
  "local bakery won a regional award for its sourdough bread and rye loaves"
  "fire department received three new engines paid for by a state grant"
  "museum opened an exhibit of nineteenth century maritime paintings and maps"
  "farmers market moved to the old rail yard for the summer season"
  "county court ruled on a long running dispute over fishing rights"
  "hospital hired forty nurses to staff its newly expanded emergency wing"
  "university announced a scholarship fund for students from coastal towns"
  "transit agency added late night bus routes between the suburbs and downtown")
{
  for i in "${!topics[@]}"; do
    extra=""
    ((i < 2)) && extra=" $background"
    printf '{"id":"hl-%d","source":"Harbor Ledger","url":"https://harborledger.example/%d","title":"Local news %d","date":"2024-0%d-1%dT10:00:00Z","text":"The %s. Officials said the decision followed months of public comment. Residents spoke at a meeting on Tuesday evening.%s %s"}\n' \
      "$i" "$i" "$i" $((i % 9 + 1)) $((i % 9)) "${topics[$i]}" "$extra" "$promo"
  done
  b="The Northgate Bridge will close for six weeks of repairs starting Monday, transportation officials said. Crews will replace the deck and the cables on the eastern span. Drivers are advised to use the Route 9 tunnel during the closure."
  printf '{"id":"hl-bridge","source":"Harbor Ledger","url":"https://harborledger.example/bridge","title":"Northgate Bridge to close for repairs","date":"2024-10-07T09:00:00Z","text":"%s %s Local shop owners worried about lost customers. %s"}\n' "$b" "$background" "$promo"
  printf '{"id":"cw-bridge","source":"Coastal Wire","url":"https://coastalwire.example/bridge","title":"Northgate Bridge closing for six weeks","date":"2024-10-07T11:00:00Z","text":"%s The repairs will cost an estimated 40 million dollars."}\n' "$b"
  printf '{"id":"bt-bridge","source":"Bay Times","url":"https://baytimes.example/bridge","title":"Bridge repairs to close Northgate crossing","date":"2024-10-07T12:00:00Z","text":"%s Commuters said the tunnel is already crowded at rush hour."}\n' "$b"
} > "$tmp/in.jsonl"
"$px" ingest -q --db "$tmp/t.db" "$tmp/in.jsonl"
sid=$("$px" stories --db "$tmp/t.db" --min-outlets 3 --format json | python3 -c '
import json, sys
s = [json.loads(l) for l in sys.stdin if l.strip()]
print(s[0]["id"] if len(s) == 1 else "")')
[[ -n $sid ]] || { echo "the bridge story (3 outlets) was not formed"; "$px" stories --db "$tmp/t.db"; exit 1; }
"$px" story "$sid" --db "$tmp/t.db" --compare --format json > "$tmp/c.json"
python3 - "$tmp/c.json" "$promo" "$background" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
promo, background = sys.argv[2], sys.argv[3]
def facts_with(text):
    return [f for f in d["facts"] if any(m["text"].strip() == text for m in f["members"])]
p, b = facts_with(promo), facts_with(background)
assert p and all(f.get("furniture") for f in p), f"the outlet's promotion is not page furniture: {p}"
assert b and not any(f.get("furniture") for f in b), f"a background sentence two other articles repeat became furniture: {b}"
shared = [f for f in d["facts"] if f["shared"] and not f.get("furniture")]
assert shared, "no shared fact left"
hl = [a for a in d["articles"] if a["source"] == "Harbor Ledger"][0]
print(f"template text: the promotion is furniture, the background is a fact ({len(shared)} shared facts, "
      f"Harbor Ledger adds {hl['unique_facts']} alone)")
PY
# The text brief does not list it among what the outlet alone adds.
out=$("$px" story "$sid" --db "$tmp/t.db" --compare)
if grep -q "membership program" <<<"$out"; then echo "the promotion is in the brief:"; echo "$out"; exit 1; fi
# A store whose stored analyses do not fit this build (sentences split
# otherwise by an older build, before `parallax reanalyze`; here, damaged):
# the articles are analysed when the story is compared, and their outlet's
# template text is found in them all the same.
python3 - "$tmp/t.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE analysis SET sentences = x'00'")
db.execute("DELETE FROM comparison_cache")
db.commit()
PY
"$px" story "$sid" --db "$tmp/t.db" --compare --format json > "$tmp/c2.json"
python3 - "$tmp/c2.json" "$promo" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = [f for f in d["facts"] if any(m["text"].strip() == sys.argv[2] for m in f["members"])]
assert p and all(f.get("furniture") for f in p), f"stored analyses that do not fit: the promotion is not furniture: {p}"
hl = [a for a in d["articles"] if a["source"] == "Harbor Ledger"][0]
print(f"template text: found where the stored analyses do not fit too (Harbor Ledger adds {hl['unique_facts']} alone)")
PY
