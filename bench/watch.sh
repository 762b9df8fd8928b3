#!/usr/bin/env bash
# parallax watch replaying a slice of AllSides as dated feeds from a local
# server (bench/watch_replay.py, 127.0.0.1 only): a day of the corpus lasts
# PX_WATCH_SPD seconds.  Prints articles per second sustained, the lag from
# an item's appearance in its feed to the alert of its new story (p50, p99),
# the watcher's CPU time and peak memory over the run (whole process, and
# by part as the watcher itself charges it: fetching, feeds, pages and
# their ingest, rounds, alerts), each article not stored with the reason
# the log gives, and the cost of one
# incremental article against a full re-cluster of the same store (the
# cluster stage of 'parallax ingest --timings', CPU seconds).  Politeness is
# lifted for the local server (rate 1000/s, 16 per host); feeds are polled
# every 0.5 s.
#   PX_WATCH_N     articles in the slice (default 2000)
#   PX_WATCH_SPD   seconds per corpus day (default 0.5)
set -uo pipefail
data="${PX_DATA:-$(dirname "$0")/../../shared/data}/allsides-news/allsides_articles.jsonl.xz"
root=$(cd "$(dirname "$0")/.." && pwd)
px="${PX_BUILD:-$root/build}/parallax"
n=${PX_WATCH_N:-2000}
spd=${PX_WATCH_SPD:-0.5}
if [[ ! -f "$data" ]]; then echo "watch: skipped ($data absent)"; exit 0; fi
tmp=$(mktemp -d)
srv=
cleanup() { [[ -n "$srv" ]] && kill "$srv" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
python3 "$root/bench/watch_replay.py" "$data" "$tmp" "$n" "$spd" &
srv=$!
for _ in $(seq 600); do [[ -f "$tmp/port" ]] && break; sleep 0.1; done
[[ -f "$tmp/port" ]] || { echo "watch: the replay server did not start"; exit 1; }
{
  printf 'interval = 0.5\ntimeout = 10\nrate = 1000\nper_host = 16\nsettle = 1\n'
  while read -r u; do printf '[feed]\nurl = "%s"\n' "$u"; done <"$tmp/feeds"
  printf '[alert]\nname = "new-story"\nkind = "outlets"\nmin = 1\n'
  printf '[alert]\nname = "three-outlets"\nkind = "outlets"\nmin = 3\n'
} >"$tmp/w.toml"
nfeeds=$(wc -l <"$tmp/feeds")
/usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$px" watch --db "$tmp/w.db" --config "$tmp/w.toml" \
  >"$tmp/alerts.jsonl" 2>"$tmp/log" &
tpid=$!
sleep 0.5
wpid=$(pgrep -P "$tpid" | head -1)
start=$(date +%s.%N)
load0=$(cut -d' ' -f1 /proc/loadavg)
count() { sqlite3 "$tmp/w.db" "select count(*) from article" 2>/dev/null || echo 0; }
# Until the replay is over and the count has not moved for 5 s (at most 20 min).
last=-1; still=0; t_last=$start
for _ in $(seq 2400); do
  sleep 0.5
  c=$(count)
  if [[ "$c" != "$last" ]]; then last=$c; still=0; t_last=$(date +%s.%N); else still=$((still + 1)); fi
  [[ -f "$tmp/done" && $still -ge 10 ]] && break
done
kill -TERM "$wpid" || { echo "watch: the watcher had stopped before the end of the replay"; cat "$tmp/log" >&2; exit 1; }
wait "$tpid"
wrc=$?
load1=$(cut -d' ' -f1 /proc/loadavg)
# The replay server's CPU over the run (a loaded machine can make it, not
# the watcher, the bottleneck: then the lag is the server's).
read -r su ss < <(awk '{print $14, $15}' "/proc/$srv/stat")
tck=$(getconf CLK_TCK)
# 0, or 3 when some source failed (logged, counted below); anything else fails the benchmark.
if ((wrc != 0 && wrc != 3)); then echo "watch: the watcher exited with status $wrc"; tail -20 "$tmp/log" >&2; exit 1; fi
read -r wall user sys rss < <(tail -1 "$tmp/time")
python3 - "$tmp" "$n" "$spd" "$nfeeds" "$start" "$t_last" "$wall" "$user" "$sys" "$rss" "$load0" "$load1" "$su" "$ss" "$tck" <<'PY'
import json, sys
tmp, n, spd, nfeeds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
start, t_last, wall, user, sys_, rss, load0, load1, su, ss, tck = map(float, sys.argv[5:16])
appear = {}
for line in open(tmp + "/appear.tsv"):
    u, t, _ = line.rstrip("\n").split("\t")
    appear[u] = float(t)
first, lastap = min(appear.values()), max(appear.values())
import sqlite3
db = sqlite3.connect(tmp + "/w.db")
stored = db.execute("select count(*) from article").fetchone()[0]
stories = db.execute("select count(*) from story").fetchone()[0]
lags, three = [], 0
for line in open(tmp + "/alerts.jsonl"):
    a = json.loads(line)
    if a["alert"] == "three-outlets":
        three += 1
    if a["alert"] == "new-story":
        u = a.get("trigger", {}).get("url")
        if u in appear:
            lags.append(a["ts"] - appear[u])
lags.sort()
q = lambda p: lags[min(len(lags) - 1, int(p * len(lags)))] if lags else float("nan")
span = lastap - first
print("slice: %d articles from %d outlet feeds, replayed over %.1f s (%.0f articles/s arriving; %.2f s per corpus day)" % (n, nfeeds, span, n / span if span else 0, spd))
print("stored %d articles (%d not stored), %d stories" % (stored, n - stored, stories))
print("articles/s sustained: %.1f (stored / time from the first item's appearance to the last article stored, %.1f s)" % (stored / max(t_last - first, 1e-9), t_last - first))
print("lag from appearance to the new-story alert: p50 %.2f s, p99 %.2f s, max %.2f s over %d alerts (three-outlet alerts: %d)" % (q(0.5), q(0.99), lags[-1] if lags else float("nan"), len(lags), three))
urls = {r[0] for r in db.execute("select url from article where url is not null")}
source = {}
for line in open(tmp + "/appear.tsv"):
    u, _, src = line.rstrip("\n").split("\t")
    source[u] = src
missed = [u for u in appear if u not in urls]
log = open(tmp + "/log", encoding="utf-8", errors="replace").read().splitlines()
import collections, re
kinds = collections.Counter(re.sub(r"http://\S+", "URL", re.sub(r"\d+", "N", l.split(": error: ", 1)[1]))[:90]
                            for l in log if ": error: " in l)
print("errors in the log by kind: %s" % ("; ".join("%dx %s" % (c, k) for k, c in kinds.most_common(4)) or "none"))
gaps = [l for l in log if "items are new since the last reading" in l]
print("feed readings with every item new (items may have been missed): %d" % len(gaps))
for u in missed:
    why = [l.split(": error: ", 1)[1] for l in log if u in l and ": error: " in l]
    print("not stored: %s (%s): %s" % (u, source.get(u, "?"), why[-1] if why else "no error names it"))
print("watcher over the run: wall %.1f s, CPU %.1f s (user %.1f, sys %.1f), peak RSS %.0f MB; %.0f articles per CPU second" % (wall, user + sys_, user, sys_, rss / 1024, stored / max(user + sys_, 1e-9)))
cpu = [l for l in log if "parallax watch: info: cpu: " in l]
print("replay server (Python, same machine) CPU %.1f s; load average %.1f at the start, %.1f at the end" % ((su + ss) / tck, load0, load1))
print("the watcher's own CPU breakdown: " + (cpu[-1].split("info: cpu: ", 1)[1] if cpu else "not in the log"))
PY
(($? == 0)) || { echo "watch: the figures could not be computed"; exit 1; }
# One more article into the store, against clustering the whole store again.
xz -dc "$data" 2>/dev/null | python3 -c "
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    if a.get('date') and a['date'] >= '2019-06-01' and a.get('body'):
        print(json.dumps(a)); break" >"$tmp/one.jsonl"
[[ -s "$tmp/one.jsonl" ]] || { echo "watch: no article dated 2019-06-01 or later in $data"; exit 1; }
cp "$tmp/w.db" "$tmp/inc.db"
cp "$tmp/w.db" "$tmp/full.db"
sqlite3 "$tmp/full.db" "delete from story_article; delete from story; delete from comparison_cache;" ||
  { echo "watch: the stories of the copy could not be cleared; no re-cluster figure"; exit 1; }
stage() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('%.4f %.4f' % (d['stages_cpu']['cluster'], d['stages']['cluster']))" "$1"; }
for k in inc full; do
  "$px" ingest -q --timings --format json --db "$tmp/$k.db" "$tmp/one.jsonl" >"$tmp/$k.json" 2>"$tmp/$k.err" ||
    { echo "watch: the $k ingest of one article failed"; cat "$tmp/$k.err" >&2; exit 1; }
done
read -r ic iw < <(stage "$tmp/inc.json") || { echo "watch: no cluster stage in $tmp/inc.json"; exit 1; }
read -r fc fw < <(stage "$tmp/full.json") || { echo "watch: no cluster stage in $tmp/full.json"; exit 1; }
total=$(sqlite3 "$tmp/full.db" "select count(*) from article")
echo "one incremental article: cluster stage ${ic} s CPU (${iw} s wall); full re-cluster of the same $total articles: ${fc} s CPU (${fw} s wall); ratio $(python3 -c "print('%.0fx' % ($fc / max($ic, 1e-6)))")"
echo "(the machine is shared: CPU times are the figures to compare)"
