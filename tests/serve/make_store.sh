#!/usr/bin/env bash
# make_store.sh PARALLAX DB - the store the serve tests read: the project's
# invented sample (sample/news.jsonl) plus three articles of our own whose
# title, body, outlet and URL carry script, event-handler and javascript:
# payloads (each would set window.__xss or document.title if it ever ran).
set -eu
px=$1
db=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
B='Harbour officials in Port Velden said on Monday that the new tidal barrier had held back the highest spring tide in forty years, protecting about 9,000 homes in the lower town. The barrier, finished in March at a cost of 410 million crowns, closed for six hours overnight. Mayor Ines Korda said the barrier had done exactly what it was built for. Engineers will inspect the gates this week before the autumn storms.'
python3 - "$tmp/xss.jsonl" "$B" <<'PY'
import json, sys
out, body = sys.argv[1], sys.argv[2]
rows = [
  {"id": "x1", "source": "<script>window.__xss=1;document.title='pwned'</script>Velden Post",
   "title": "Tidal barrier holds <script>window.__xss=2;document.title='pwned'</script> back record tide",
   "url": "javascript:window.__xss=3;document.title='pwned'",
   "date": "2023-10-02T08:00:00Z",
   "text": body + "\n\n<img src=x onerror=\"window.__xss=4;document.title='pwned'\"> The harbour master said \"<script>window.__xss=5</script>\" nothing."},
  {"id": "x2", "source": "Coastal \" onmouseover=\"window.__xss=6\" Times",
   "title": "\"><svg onload=\"window.__xss=7;document.title='pwned'\"> Port Velden barrier closes for six hours",
   "url": "https://coastal.example/a\"onmouseover=\"window.__xss=8",
   "date": "2023-10-02T11:00:00Z",
   "text": body.replace("Monday", "Monday night") + "\n\n<a href=\"javascript:window.__xss=9\">click</a> The gates reopened at dawn."},
  {"id": "x3", "source": "Velden Daily", "title": "Barrier protects 9,000 homes <img src=x onerror=window.__xss=10>",
   "url": "JaVaScRiPt:window.__xss=11", "date": "2023-10-02T15:00:00Z",
   "text": body + "\n\n' onfocus='window.__xss=12' autofocus=' The inspection begins on Wednesday."},
]
with open(out, "w") as f:
    for r in rows: f.write(json.dumps(r) + "\n")
PY
rm -f "$db" "$db-wal" "$db-shm"
"$px" ingest -q --db "$db" "$src/sample/news.jsonl" "$tmp/xss.jsonl"
