#!/usr/bin/env bash
# HTML article extraction quality, parallax beside Readability.js
# (@mozilla/readability + jsdom from npm into a scratch folder, as bench/
# installs it), both run here on the same pages in the same run and scored
# by the same code.
#  1. Article Extraction Benchmark (181 pages, all of it: the set has no
#     split, and the extractor was developed with it in view, so it is not
#     held out): the benchmark's own metric (\w+ tokens, 4-gram shingle
#     multisets, macro precision/recall, F1 from the averages).  The scorer
#     is first checked on the published outputs in outputs.tar.xz (it must
#     print the published readability_js 0.947 and trafilatura 0.958).
#  2. WCXB article pages: dev (790 pages, used when tuning the extractor)
#     and test (257 pages, held out: reported) side by side for parallax;
#     Readability.js on test.  Title exact (normalized), author found
#     (every name of the ground truth's list contained in the byline,
#     normalized; credentials, honorifics and bracketed text the truth
#     adds are not asked for, the strict count beside), date
#     (YYYY-MM-DD), word F1 (origin metric, mean per page).
#  3. WCXB, every page type: the article / not-article decision as
#     precision and recall of "not an article" (parallax's page kind;
#     Readability.js's isProbablyReaderable beside it on test).
# Each line states its wall and CPU time (the machine may be shared: read
# the CPU time).  Where Readability.js runs (WCXB test), both are also timed
# with one clock as whole processes (bench/measure.py, one run each, no
# warm-up): parallax's eval_extract reads, extracts and scores in one
# process; the peer is its node process (start, reading, jsdom, extraction)
# plus the eval_extract process that scores its output.
# Without node, npm or the packages Readability.js is said to be skipped and
# no figure is printed for it.  PX_EXTRACT_PEER=0 leaves it out.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}"
bin="$build/eval_extract"
npmdir=${PX_NPM_DIR:-/tmp/px-bench-npm}
if [[ ! -x "$bin" ]]; then echo "extract: $bin not built" >&2; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
aeb="$data/article-extraction-benchmark"
peer=1
if [[ ! -f "$aeb/ground-truth.json" && ! -f "$data/wcxb-test/ground-truth.json.gz" ]]; then
  peer=0  # nothing for the peer to run on: nothing installed
elif [[ "${PX_EXTRACT_PEER:-1}" == 0 ]]; then
  echo "readability.js: left out (PX_EXTRACT_PEER=0); no figure"; peer=0
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "readability.js: skipped (node or npm absent); no figure"; peer=0
elif [[ ! -d "$npmdir/node_modules/jsdom" || ! -d "$npmdir/node_modules/@mozilla/readability" ]]; then
  mkdir -p "$npmdir"
  # one install line for every npm peer (npm prunes what a later --no-save
  # install does not name)
  if ! (cd "$npmdir" && npm install --no-save --no-audit --no-fund compromise @mozilla/readability jsdom >/dev/null 2>&1); then
    echo "readability.js: skipped (npm install failed: registry unreachable?); no figure"; peer=0
  fi
fi
rjs() { NODE_PATH="$npmdir/node_modules" node "$root/eval/readability_extract.js" "$@"; }
measure() { /usr/bin/python3 "$root/bench/measure.py" --runs 1 "$@"; }
# side LABEL PARALLAX PEER PEER_SCORING: the whole-process times of one comparison
side() {
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
what, p, r, s = sys.argv[1], *(json.loads(a) for a in sys.argv[2:5])
rc, rw = r["cpu"] + s["cpu"], r["wall"] + s["wall"]
print(f"    {what}, whole processes (bench/measure.py, one run each): parallax (reading, extracting, "
      f"scoring) {p['cpu']:.1f} s CPU, {p['wall']:.1f} s wall; Readability.js {rc:.1f} s CPU, {rw:.1f} s wall "
      f"(node {r['cpu']:.1f} s CPU, {r['wall']:.1f} s wall + scoring {s['cpu']:.1f} s CPU); "
      f"{rc / p['cpu']:.0f}x by CPU, {rw / p['wall']:.0f}x by wall")
PY
}
if ((peer)); then
  rlabel="readability.js $(node -p "require('$npmdir/node_modules/@mozilla/readability/package.json').version")"
fi
if [[ -f "$aeb/ground-truth.json" ]]; then
  echo "Article Extraction Benchmark, all 181 pages (no split; not held out):"
  if [[ -f "$aeb/outputs.tar.xz" ]]; then
    tar -xJf "$aeb/outputs.tar.xz" -C "$tmp" output/readability_js.json output/trafilatura.json
    echo "  scorer check: the published outputs must score their published F1 (readability_js 0.947, trafilatura 0.958):"
    for s in readability_js:0.947 trafilatura:0.958; do
      got=$("$bin" aeb-output "$aeb" "$tmp/output/${s%:*}.json" --label "published ${s%:*} output")
      echo "    $got"
      grep -q "F1 ${s#*:} " <<<"$got" || { echo "extract: the scorer does not reproduce ${s%:*}'s published F1 ${s#*:}" >&2; exit 1; }
    done
  fi
  printf '  '; "$bin" aeb "$aeb" | sed -n 's/^article-extraction-benchmark:/parallax:/p'
  if ((peer)); then
    rjs aeb "$aeb" > "$tmp/r-aeb.json"
    printf '  '; "$bin" aeb-output "$aeb" "$tmp/r-aeb.json" --label "$rlabel, run now"
  fi
else
  echo "extract: AEB skipped ($aeb absent); no figure"
fi
for split in dev test; do
  w="$data/wcxb-$split"
  if [[ ! -f "$w/ground-truth.json.gz" ]]; then echo "extract: WCXB $split skipped ($w absent); no figure"; continue; fi
  [[ $split == dev ]] && what="dev, used for tuning" || what="test, held out"
  if ((peer)) && [[ $split == test ]]; then
    pm=$(measure --stdout "$tmp/p-$split.txt" -- "$bin" wcxb "$w" --label "WCXB $what: parallax")
    printf '  '; cat "$tmp/p-$split.txt"
    rj=$(NODE_PATH="$npmdir/node_modules" measure --stdout "$tmp/r-$split.json" -- node "$root/eval/readability_extract.js" wcxb "$w")
    sm=$(measure --stdout "$tmp/s-$split.txt" -- "$bin" wcxb-output "$w" "$tmp/r-$split.json" --label "WCXB $what: $rlabel, run now")
    printf '  '; cat "$tmp/s-$split.txt"
    side "WCXB $what, article pages" "$pm" "$rj" "$sm"
  else
    printf '  '; "$bin" wcxb "$w" --label "WCXB $what: parallax"
  fi
done
# The article / not-article decision over every page type: parallax's page
# kind (a page it finds no text in counts as "not an article"), beside
# Readability.js's isProbablyReaderable on test.
echo "WCXB, all page types: is the page an article?"
for split in dev test; do
  w="$data/wcxb-$split"
  [[ -f "$w/ground-truth.json.gz" ]] || continue
  [[ $split == dev ]] && what="dev, used for tuning" || what="test, held out"
  if ((peer)) && [[ $split == test ]]; then
    pm=$(measure --stdout "$tmp/pk-$split.txt" -- "$bin" wcxb-kinds "$w" --label "WCXB $what: parallax")
    printf '  '; cat "$tmp/pk-$split.txt"
    rj=$(NODE_PATH="$npmdir/node_modules" measure --stdout "$tmp/k-$split.json" -- node "$root/eval/readability_extract.js" wcxb-kinds "$w")
    sm=$(measure --stdout "$tmp/sk-$split.txt" -- "$bin" wcxb-kinds-output "$w" "$tmp/k-$split.json" --label "WCXB $what: $rlabel isProbablyReaderable, run now")
    printf '  '; cat "$tmp/sk-$split.txt"
    side "WCXB $what, all pages" "$pm" "$rj" "$sm"
  else
    printf '  '; "$bin" wcxb-kinds "$w" --label "WCXB $what: parallax"
  fi
done
# Template duplicates: WCXB dev's pages ingested as they come (parallax's
# store calls a page a duplicate when its id, URL or extracted text is one
# already stored).  Different pages of one site whose extracted text is
# only the site's template come out as "duplicates"; the page kind lets
# `ingest --articles-only` reject them as not articles instead.  Each run
# lists the duplicates by WCXB page type.
w="$data/wcxb-dev"
if [[ -f "$w/ground-truth.json.gz" ]] && command -v python3 >/dev/null && [[ -x "$build/parallax" ]]; then
  echo "WCXB dev (1,497 pages, all types) through ingest: duplicates by page type"
  for mode in default articles-only; do
    db="$tmp/dups-$mode.db"
    extra=(); [[ $mode == articles-only ]] && extra=(--articles-only)
    s0=$(date +%s.%N)
    TIMEFORMAT="%R %U %S"
    # ingest exits 3 when it rejects pages (each reported): expected here;
    # any other failure gives no figure.
    { time { "$build/parallax" ingest --db "$db" --no-analyze --no-cluster "${extra[@]}" "$w/html" > /dev/null 2> "$tmp/dups-$mode.err" && echo 0 > "$tmp/dups-$mode.rc" || echo $? > "$tmp/dups-$mode.rc"; }; } 2> "$tmp/dups-$mode.time"
    rc=$(cat "$tmp/dups-$mode.rc")
    if [[ $rc != 0 && $rc != 3 ]]; then
      echo "extract: ingest of the WCXB dev pages ($mode) exited $rc; no figure:" >&2
      tail -5 "$tmp/dups-$mode.err" >&2
      exit 1
    fi
    read -r s0 s1 s2 < "$tmp/dups-$mode.time"; s1=$(python3 -c "print(round($s1+$s2,1))")
    python3 - "$w" "$db" "$tmp/dups-$mode.err" "$mode" "$s0" "$s1" <<'PY'
import gzip, json, os, re, sqlite3, sys, collections
w, db, err, mode, s0, s1 = sys.argv[1:]
gt = json.load(gzip.open(os.path.join(w, 'ground-truth.json.gz')))
stored = {r[0].split('.')[0] for r in sqlite3.connect(db).execute('select ext_id from article')}
rejected = set(re.findall(r'/(\d{4})\.html\.gz: (?!repaired)', open(err).read()))
summary = [l for l in open(err) if l.startswith('parallax: read ')]
dups = sorted(k for k in gt if k not in stored and k not in rejected)
by = collections.Counter(gt[k]['page_type'] for k in dups)
print('  ingest%s: %s; the duplicates by page type: %d (%s); %s s wall, %s s CPU'
      % (' --articles-only' if mode != 'default' else '', summary[-1].strip()[10:] if summary else '?',
         len(dups), ', '.join('%s %d' % kv for kv in sorted(by.items())), s0, s1))
PY
  done
fi
