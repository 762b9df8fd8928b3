#!/usr/bin/env bash
# parallax serve under load on the AllSides store, on 127.0.0.1 only: the
# start-up time, then wrk (Debian) with PX_CONNS connections (default 64) for
# PX_SECONDS (default 30) on each of: cached story pages, the stories list,
# search pages -- while an ingest writes new articles into the same store.
# Prints requests/s, wrk's client-side p50/p99 and errors, the server's own
# time per request (p50/p99 from `serve --stats`), its CPU time and its
# memory (RSS) sampled through the run.  Not a CI test (bench/run serve).
#   PX_SERVE_DB    an existing AllSides store to reuse (copied; default: built here)
#   PX_SERVE_BASE  an earlier parallax binary, loaded in turn with this one (before/after)
set -euo pipefail
data="${PX_DATA:-$(dirname "$0")/../../shared/data}/allsides-news/allsides_articles.jsonl.xz"
px="${PX_BUILD:-$(dirname "$0")/../build}/parallax"
conns=${PX_CONNS:-64}
secs=${PX_SECONDS:-30}
if [[ ! -f "$data" ]]; then echo "serve: skipped ($data absent)"; exit 0; fi
command -v wrk >/dev/null || { echo "serve: skipped (wrk not installed; scripts/deps.txt lists it)"; exit 0; }
tmp=$(mktemp -d)
spid=; ipid=
cleanup() {
  [[ -n "$ipid" ]] && kill "$ipid" 2>/dev/null || true
  [[ -n "$spid" ]] && kill $spid 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
# ingest exits 0, or 3 when some records were rejected (each reported): any
# other code fails the benchmark.
ingest_ok() {
  local rc=0
  "$px" ingest -q "$@" 2>> "$tmp/ingest.err" || rc=$?
  if ((rc != 0 && rc != 3)); then echo "serve: ingest $* exited $rc:" >&2; tail -5 "$tmp/ingest.err" >&2; return 1; fi
}
# Hold back the last 3,000 articles: the ingest that runs during the load.
xz -dc "$data" > "$tmp/all.jsonl"
total=$(wc -l < "$tmp/all.jsonl")
head -n $((total - 3000)) "$tmp/all.jsonl" > "$tmp/base.jsonl"
# They are made new (another id and URL, a sentence added) so that they are
# stored even in a store that holds the whole corpus, and join its stories.
tail -n 3000 "$tmp/all.jsonl" | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    r["id"] = str(r.get("id", "")) + "-late"
    r["url"] = (r.get("url") or "https://late.example/") + "#late"
    r["body"] = (r.get("body") or "") + "\n\nThis article was updated."
    print(json.dumps(r))' | split -l 300 - "$tmp/late-"
if [[ -n "${PX_SERVE_DB:-}" ]]; then
  echo "store: a copy of $PX_SERVE_DB"
  cp "$PX_SERVE_DB" "$tmp/s.db"
else
  echo "store: ingesting $((total - 3000)) AllSides articles (a few minutes)"
  ingest_ok --db "$tmp/s.db" "$tmp/base.jsonl"
fi
/usr/bin/python3 "$(dirname "$0")/../scripts/groups_from_jsonl.py" "$data" > "$tmp/groups.tsv"
echo "store: $(du -m "$tmp/s.db" | cut -f1) MB, $("$px" stats --db "$tmp/s.db" --format json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["articles"], "articles,", d["stories"], "stories")')"

# PX_SERVE_BASE: another parallax binary (an earlier build) served from the
# same store and loaded in turn with this one, page kind by page kind, in
# the same run: before and after under the same machine load.
servers=(new)
declare -A bin=([new]="$px") surl=() spids=()
if [[ -n "${PX_SERVE_BASE:-}" ]]; then servers=(base new); bin[base]="$PX_SERVE_BASE"; fi
for sv in "${servers[@]}"; do
  t0=$(date +%s%N)
  "${bin[$sv]}" serve --db "$tmp/s.db" --listen 127.0.0.1:0 --groups "$tmp/groups.tsv" --stats > "$tmp/out-$sv" 2> "$tmp/err-$sv" &
  spids[$sv]=$!
  spid="${spids[*]}"
  for _ in $(seq 400); do grep -q 'http://' "$tmp/out-$sv" && break; sleep 0.005; done
  t1=$(date +%s%N)
  surl[$sv]=$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/out-$sv")
  b0=$(date +%s%N); "$px" --version >/dev/null; b1=$(date +%s%N)
  c1=$(awk '{printf "%.0f", ($14 + $15) * 10}' "/proc/${spids[$sv]}/stat")
  echo "start-up ($sv): $(( (t1 - t0) / 1000000 )) ms wall to listening, ${c1} ms CPU (process start included; a bare 'parallax --version' took $(( (b1 - b0) / 1000000 )) ms wall just after)"
  t0=$(date +%s%N); /usr/bin/python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1]).read()" "${surl[$sv]}/"; t1=$(date +%s%N)
  echo "first page ($sv): $(( (t1 - t0) / 1000000 )) ms (stories list, cold, client included)"
done
url=${surl[new]}

# The pages: 30 multi-outlet stories (their comparisons computed once, then
# cached), the stories list with and without filters, 30 searches; each
# asked for once before the load.
/usr/bin/python3 - "$tmp" "${surl[@]}" <<'PY'
import json, sys, urllib.request
tmp, urls = sys.argv[1], sys.argv[2:]
get = lambda u, p: urllib.request.urlopen(u + p, timeout=600).read()
ids = [s["story"]["id"] for s in json.loads(get(urls[0], "/api/stories?min=3&limit=30"))["stories"]]
for u in urls:
    for i in ids: get(u, "/story/%d" % i)
open(tmp + "/story.txt", "w").write("\n".join("/story/%d" % i for i in ids) + "\n")
open(tmp + "/stories.txt", "w").write("/\n/?min=3\n/?since=2019-01-01\n/?group=lean:Left\n/?limit=100\n")
words = ["climate change", "supreme court", "immigration", "trump", "election", "health care",
         "north korea", "tax", "gun control", "iran", "brexit", "impeachment", "police", "senate",
         "vaccine", "border wall", "economy", "china trade", "syria", "russia", "abortion", "obama",
         "refugees", "shooting", "budget", "jobs report", "hurricane", "net neutrality", "opioid", "facebook"]
open(tmp + "/search.txt", "w").write("\n".join("/search?q=" + w.replace(" ", "+") for w in words) + "\n")
# Every page of the load is asked for once first, as the story pages are:
# the figures are those of pages already built (the first build of each is
# what "first page" above measures).
for u in urls:
    for kind in ("stories", "search"):
        for p in open(tmp + "/" + kind + ".txt").read().split():
            get(u, p)
PY
cat > "$tmp/paths.lua" <<'LUA'
local paths, i = {}, 0
for line in io.lines(os.getenv("PX_PATHS")) do paths[#paths + 1] = line end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$1/status; }
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' /proc/$1/stat; }
# The ingest beside the load: the held-back articles, 300 at a time.
( for f in "$tmp"/late-*; do ingest_ok --db "$tmp/s.db" "$f" || exit 1; done ) &
ipid=$!
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores before the load"
echo "load: $conns connections, ${secs}s per page kind and server, an ingest of 3,000 articles running"
printf '%-14s %9s %9s %9s %9s %9s %9s\n' pages req/s "p50 ms" "p99 ms" errors "RSS MB" "CPU s"
for kind in story stories search; do
  for sv in "${servers[@]}"; do
    p=${spids[$sv]}
    c0=$(cpu "$p")
    ( while sleep 2; do rss "$p"; echo; done ) > "$tmp/rss-$kind-$sv" 2>/dev/null &
    mp=$!
    PX_PATHS="$tmp/$kind.txt" wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$tmp/paths.lua" "${surl[$sv]}" > "$tmp/wrk-$kind-$sv" 2>&1 \
      || { echo "serve: wrk failed on $kind ($sv):" >&2; cat "$tmp/wrk-$kind-$sv" >&2; exit 1; }
    kill $mp 2>/dev/null || true
    wait $mp 2>/dev/null || true
    w="$tmp/wrk-$kind-$sv"
    rps=$(awk '/Requests\/sec/ {print $2}' "$w")
    p50=$(awk '$1=="50%" {print $2}' "$w")
    p99=$(awk '$1=="99%" {print $2}' "$w")
    err=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",","");n+=$4+$6+$8+$10} END {print n+0}' "$w")
    mem=$(sort -n "$tmp/rss-$kind-$sv" | awk 'NF {a[++n]=$1} END {printf "%s..%s", a[1], a[n]}')
    printf '%-14s %9s %9s %9s %9s %9s %9.1f\n' "$kind ($sv)" "$rps" "$p50" "$p99" "$err" "$mem" "$(echo "$(cpu "$p") - $c0" | bc)"
  done
done
for kind in story stories search; do
  for sv in "${servers[@]}"; do
    e=$(grep -E "Socket errors|Non-2xx" "$tmp/wrk-$kind-$sv" | tr -s ' ' | paste -sd';' - || true)
    if [[ -n "$e" ]]; then echo "errors, $kind ($sv):$e"; fi
  done
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after"
# The ingest beside the load must have finished cleanly or still be running.
if ! kill -0 "$ipid" 2>/dev/null; then
  wait "$ipid" || { echo "serve: the ingest beside the load failed" >&2; exit 1; }
else
  kill "$ipid" 2>/dev/null || true; wait "$ipid" 2>/dev/null || true
fi
ipid=
echo "ingest during the load: $("$px" stats --db "$tmp/s.db" --format json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])') articles in the store at the end"
for sv in "${servers[@]}"; do
  kill -TERM "${spids[$sv]}"; st=0; wait "${spids[$sv]}" || st=$?
  # A server that died during the load (a crash, a sanitizer report) fails the benchmark.
  if ((st != 0)); then echo "serve: the $sv server exited with status $st" >&2; tail -20 "$tmp/err-$sv" >&2; exit 1; fi
  echo "server time per request ($sv; the handler only, from serve --stats):"
  grep -v "stopped" "$tmp/err-$sv" | grep -v WARNING | grep -v "^Failed to send" || true
done
spid=
echo "(the machine is shared by other work: wrk's latencies include queueing behind $conns connections and the machine's other processes on $(nproc) cores)"
