#!/usr/bin/env bash
# figures.sh PARALLAX SOURCE_DIR - the evaluations and benchmarks never print
# a figure they did not measure: with the data sets absent they say so and
# skip; a peer that cannot run is named and gets no figure; a command that
# fails half-way fails the run (non-zero exit, no figure); the one clock
# (bench/measure.py) refuses a failed run.  Uses only small inputs written
# here, no data set, no network.
set -u
px=$1
src=$2
build=$(dirname "$px")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
# a figure: a decimal number such as 0.913, 12.5 s, 419x
# (the scratch folder's random name, "/tmp/tmp.C81Qwk869x", is none)
no_figure() { ! grep -Eq '[0-9]\.[0-9]|[0-9]+x\b' <<<"${1//"$tmp"/TMP}"; }

# 1. Data sets absent: every evaluation and benchmark of these scripts skips.
mkdir -p "$tmp/empty"
for kind in eval bench; do
  case $kind in
    eval) names="sentences mrpc quotes extract dedup" ;;
    bench) names="extract quotes ingest pipeline stories" ;;
  esac
  # shellcheck disable=SC2086
  out=$(PX_DATA="$tmp/empty" PX_BUILD="$build" bash "$src/$kind/run" $names 2>&1); rc=$?
  out=${out//"$tmp"/TMP}
  check "$kind/run with no data: exit 0" test "$rc" -eq 0
  check "$kind/run with no data: every one says skipped" test "$(grep -c 'skipped' <<<"$out")" -ge "$(wc -w <<<"$names")"
  check "$kind/run with no data: no figure printed" no_figure "$out"
  # what printed one, so a failure says where it came from
  no_figure "$out" || grep -E '[0-9]\.[0-9]|[0-9]+x\b' <<<"$out" | head -n 5 | sed 's/^/     printed: /'
done

# 2. One clock: a failed run is no measurement.
m=$(python3 "$src/bench/measure.py" --runs 2 -- sh -c 'exit 0'); rc=$?
check "measure.py: a good command gives wall and CPU medians" python3 -c '
import json, sys; d = json.loads(sys.argv[1]); assert d["runs"] == 2 and len(d["cpus"]) == 2 and d["wall"] >= 0 and d["cpu"] >= 0' "$m"
out=$(python3 "$src/bench/measure.py" --runs 3 -- sh -c 'echo broken >&2; exit 3' 2>"$tmp/err"); rc=$?
check "measure.py: a failing command exits 1" test "$rc" -eq 1
check "measure.py: ... prints no figure" test -z "$out"
check "measure.py: ... shows its stderr" grep -q broken "$tmp/err"
printf 'n=0\n[ -f "%s/once" ] && exit 5\ntouch "%s/once"\n' "$tmp" "$tmp" > "$tmp/second_fails.sh"
out=$(python3 "$src/bench/measure.py" --runs 2 -- sh "$tmp/second_fails.sh" 2>/dev/null); rc=$?
check "measure.py: a run failing half-way fails the measurement" test "$rc" -eq 1 -a -z "$out"

# 3. A small corpus of our own in place of AllSides; a parallax that fails.
mkdir -p "$tmp/data/allsides-news" "$tmp/badbuild"
python3 - "$tmp/data/allsides-news/allsides_articles.jsonl" <<'PY'
import json, sys
body = ("The harbour authority of Tallinn said on Monday that the ferry Baltic Aurora would "
        "resume service after repairs. Engineers worked through the night, the operator said.\n\n"
        "\"We expect the first crossing on Wednesday,\" a spokeswoman told reporters. ")
with open(sys.argv[1], "w") as f:
    for i in range(12):
        f.write(json.dumps({"id": "t%d" % i, "source": "Outlet %d" % (i % 3), "title": "Ferry %d" % i,
                            "date": "2023-10-0%d" % (1 + i % 5), "topic": "transport",
                            "body": body * (2 + i % 4) + "Item %d." % i}) + "\n")
PY
xz "$tmp/data/allsides-news/allsides_articles.jsonl"
printf '#!/bin/sh\necho "parallax: simulated failure" >&2\nexit 1\n' > "$tmp/badbuild/parallax"
chmod +x "$tmp/badbuild/parallax"
out=$(PX_DATA="$tmp/data" PX_BUILD="$tmp/badbuild" PX_RUNS=1 bash "$src/bench/ingest.sh" 2>&1); rc=$?
check "bench ingest: a failing ingest fails the benchmark" test "$rc" -ne 0
check "bench ingest: ... and prints no ratio" no_figure "$(grep -v '^[{ ]' <<<"$out" | grep -i 'ratio\|parallax ingest')"
out=$(PX_DATA="$tmp/data" PX_BUILD="$tmp/badbuild" PX_RUNS=1 PX_SIZES=5 bash "$src/bench/pipeline.sh" 2>&1); rc=$?
check "bench pipeline: a failing ingest fails the benchmark" test "$rc" -ne 0
check "bench pipeline: ... and prints no timing" no_figure "$(grep -E '^[0-9]+ ' <<<"$out")"
out=$(PX_DATA="$tmp/data" PX_BUILD="$build" PX_RUNS=1 bash "$src/bench/ingest.sh" 2>&1); rc=$?
check "bench ingest on a small corpus of our own: exit 0" test "$rc" -eq 0
check "bench ingest: wall and CPU for parallax and the raw read" python3 -c '
import re, sys
rows = [l for l in sys.argv[1].splitlines() if re.match(r"(raw|parallax)", l)]
assert len(rows) == 4 and all(len(re.findall(r"\d+\.\d+", r)) >= 2 for r in rows), rows' "$out"
check "bench ingest: every article stored" grep -q "stored 12;" <<<"$out"

# 4. A peer that cannot run (node and npm not on PATH): named, no figure.
mkdir -p "$tmp/bin"
for t in bash sh python3 xz sed wc awk bc sqlite3 cat rm mktemp dirname grep head sort stat find; do
  p=$(command -v "$t") && ln -sf "$p" "$tmp/bin/$t"
done
ln -sf /usr/bin/python3 "$tmp/bin/python3"
out=$(PATH="$tmp/bin" PX_DATA="$tmp/data" PX_BUILD="$build" PX_RUNS=1 PX_BENCH_ARTICLES=12 \
      PX_NPM_DIR="$tmp/no-npm" bash "$src/bench/quotes.sh" 2>&1); rc=$?
check "bench quotes without node: exit 0" test "$rc" -eq 0
check "bench quotes without node: compromise named as skipped" grep -q "compromise: skipped" <<<"$out"
check "bench quotes without node: no compromise figure, no ratio" no_figure "$(grep -i 'compromise\|ratio' <<<"$out")"
check "bench quotes without node: parallax still measured" grep -Eq '^parallax \(full analysis\) +[0-9]' <<<"$out"

echo "$fails failed"
exit $((fails > 0))
