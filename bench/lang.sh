#!/usr/bin/env bash
# The cost of one language identification, px_langid beside libexttextcat's
# own classifier (all 164 profiles, as LibreOffice uses it), on three sets
# of texts identified one by one:
#   tiny:    2,000 invented tiny records as bench/stories_memory.sh makes
#            them (a six-word title, a 12-word body of invented words and
#            English filler): texts no frequent word decides
#   titles:  the first 2,000 AllSides titles ($PX_DATA/allsides-news)
#   bodies:  title and body of the first 2,000 AllSides articles
# Two figures per set and program: instructions per call counted by
# callgrind (only the identification loop; repeatable whatever the load)
# when valgrind is installed, over the first PX_CG_TEXTS texts of the set
# (default 300), and CPU time per call over all of them (median of PX_RUNS runs,
# default 3, PX_REPEAT passes each, default 5; the machine may be shared).
# PX_LANG_SETS: the sets to run (default "tiny titles bodies").
# PX_BASE_BUILD=<another build directory> adds that build's bench_lang
# (px_langid of an earlier version) in the same run.
set -euo pipefail
root="${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
build="${PX_BUILD:-$root/build}"
data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
bin="$build/bench_lang"
[[ -x $bin ]] || { echo "lang: $bin not built; skipped, no figure"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp" "$data" <<'EOF'
import json, lzma, os, random, re, sys
tmp, data = sys.argv[1], sys.argv[2]
rng = random.Random(14)
syl = ["ka", "lo", "mi", "ru", "te", "vo", "sa", "ne", "pi", "du", "ge", "fa", "zo", "bi", "ha", "lu"]
words = sorted({"".join(rng.choice(syl) for _ in range(3)) for _ in range(6000)})[:4000]
filler = ["the", "said", "on", "after", "new", "officials", "report", "city", "week", "plan"]
with open(os.path.join(tmp, "tiny.txt"), "w") as f:
    for i in range(2000):
        ew = rng.sample(words, 8)
        title = " ".join(rng.sample(ew, 6)).capitalize()
        body = " ".join(rng.sample(ew, 6) + rng.sample(filler, 6)) + "."
        f.write(title + " " + body + "\n")
if os.path.exists(data):
    with lzma.open(data, "rt") as src, open(os.path.join(tmp, "titles.txt"), "w") as t, \
            open(os.path.join(tmp, "bodies.txt"), "w") as b:
        n = 0
        for line in src:
            a = json.loads(line)
            title = re.sub(r"\s+", " ", a.get("title") or "").strip()
            body = re.sub(r"\s+", " ", a.get("text") or a.get("body") or "").strip()
            if not title or not body:
                continue
            t.write(title + "\n")
            b.write(title + " " + body[:1500] + "\n")
            n += 1
            if n == 2000:
                break
EOF
runs=${PX_RUNS:-3}
export PX_REPEAT=${PX_REPEAT:-5}
progs=("px_langid:$bin px" "exttextcat:$bin textcat")
if [[ -n ${PX_BASE_BUILD:-} ]]; then
  if [[ -x $PX_BASE_BUILD/bench_lang ]]; then progs+=("px_langid (base):$PX_BASE_BUILD/bench_lang px")
  else echo "lang: $PX_BASE_BUILD/bench_lang not built; the base is left out"; fi
fi
have_vg=0
command -v valgrind >/dev/null && have_vg=1
echo "(machine shared with other jobs: CPU ms are medians of $runs runs x $PX_REPEAT passes;" \
     "instructions per call by callgrind, one pass)"
printf "%-8s %-20s %14s %12s %8s\n" set program "instr/call" "CPU ms/call" unknown
for set in ${PX_LANG_SETS:-tiny titles bodies}; do
  f=$tmp/$set.txt
  [[ -s $f ]] || { echo "$set: skipped (no data)"; continue; }
  ntexts=$(wc -l < "$f")
  for p in "${progs[@]}"; do
    label=${p%%:*}; cmd=${p#*:}
    ms=()
    unk=""
    for ((r = 0; r < runs; r++)); do
      out=$($cmd < "$f")
      ms+=("$(sed -E 's/.*CPU ([0-9.]+) ms.*/\1/' <<<"$out")")
      unk=$(sed -E 's/.*unknown ([0-9]+).*/\1/' <<<"$out")
    done
    med=$(printf '%s\n' "${ms[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    ir="-"
    if ((have_vg)); then
      head -n "${PX_CG_TEXTS:-300}" "$f" > "$tmp/cg.txt"
      PX_REPEAT=1 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$tmp/cg.out" \
        $cmd < "$tmp/cg.txt" > /dev/null 2> "$tmp/cg.err" || { cat "$tmp/cg.err" >&2; exit 1; }
      total=$(grep -E '^totals:' "$tmp/cg.out" | head -1 | awk '{print $2}')
      ir=$((total / $(wc -l < "$tmp/cg.txt")))
    fi
    printf "%-8s %-20s %14s %12s %8s\n" "$set" "$label" "$ir" "$med" "$unk/$ntexts"
  done
done
