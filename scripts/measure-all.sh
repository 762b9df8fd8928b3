#!/usr/bin/env bash
# measure-all.sh - run the command of every row of the README's "Measured"
# table in one run, from one clean build, into a dated log folder, so that
# the whole table can be regenerated from one set of outputs.
#
# usage: scripts/measure-all.sh [--quality | --speed] [--no-build] [--list] [NAME...]
#   --quality   the evaluations only (figures that do not depend on load)
#   --speed     the benchmarks only (run them on a quiet machine)
#   --no-build  use the build in PX_BUILD as it is (default: build it afresh)
#   --list      print the rows' names and commands and exit
#   NAME...     only these rows (names from --list)
# env: PX_BUILD (default build-measure: removed and built again, RelWithDebInfo),
#      PX_DATA, PX_MEASURE_DIR (default measure-logs), PX_NICE (default 10).
#   Rows that need a setting are run only when it is given, and said to be
#   left out otherwise: PX_STORE, PX_PEER_STORE, PX_PEER_BUILD (query
#   latency beside an earlier build), PX_BASE (bench regress: the parallax of
#   the earlier build), PX_FUZZ_SECONDS (fuzz campaign, build-fuzz).
#
# Writes PX_MEASURE_DIR/<UTC date and time>-<commit>/:
#   meta.txt      commit (and whether the tree differs from it), build type,
#                 compiler, machine, cores, start and end
#   NAME.log      the command's standard output and error
#   summary.tsv   one line a row: name, kind, exit status, wall s, user s,
#                 system s, peak MB (the command's whole process tree, from
#                 /usr/bin/time), load average before and after, command
# Exits 1 when a command failed (the others still run), 2 on a usage error.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
kind=all build=1 list=0 only=()
for a in "$@"; do
  case $a in
    --quality) kind=quality ;;
    --speed) kind=speed ;;
    --no-build) build=0 ;;
    --list) list=1 ;;
    -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "measure-all: unknown option $a" >&2; exit 2 ;;
    *) only+=("$a") ;;
  esac
done

# name|kind|needs (env variables, space-separated)|command -- in the table's order
rows=(
  "sentences|quality||eval/run sentences"
  "lang|quality||eval/run lang"
  "lang_speed|speed||bench/run lang"
  "text|speed||bench/run text"
  "extract|quality||eval/run extract"
  "extract_speed|speed||bench/run extract"
  "quotes|quality||eval/run quotes"
  "quotes_dev_train|quality||env PX_QUOTES_SPLITS='dev train' eval/run quotes"
  "quote_variants|quality||eval/run quote_variants"
  "quotes_speed|speed||bench/run quotes"
  "stories|quality||eval/run stories"
  "stories_speed|speed||bench/run stories"
  "allsides_stories|quality||eval/run allsides_stories"
  "stories_memory|speed||bench/run stories_memory"
  "dedup|quality||eval/run dedup"
  "mrpc|quality||eval/run mrpc"
  "facts|quality||eval/run facts"
  "simmodel|quality||eval/run simmodel"
  "facts_size|quality||eval/run facts_size"
  "compare_speed|speed||bench/run compare"
  "ingest|speed||bench/run ingest"
  "pipeline|speed||env -u PX_STORE -u PX_PEER_STORE PX_SIZES='4000 16000 all' bench/run pipeline"
  "profile|speed||bench/run profile"
  "threads|speed||bench/run threads"
  "mpi|speed||bench/run mpi"
  "watch|speed||bench/run watch"
  "queries|speed|PX_STORE PX_PEER_STORE PX_PEER_BUILD|bench/run pipeline"
  "regress|speed|PX_BASE|bench/run regress"
  "python|speed||bench/run python"
  "serve|speed||bench/run serve"
  "hostile|speed||ctest --test-dir \"\$PX_BUILD\" -R '^cli_hostile\$' -V"
  "fuzz|speed|PX_FUZZ_SECONDS|tests/fuzz/campaign.sh build-fuzz \"\$PX_FUZZ_SECONDS\""
)
if ((list)); then
  for r in "${rows[@]}"; do IFS='|' read -r n k need cmd <<<"$r"; printf '%-18s %-8s %s%s\n' "$n" "$k" "$cmd" "${need:+  (needs $need)}"; done
  exit 0
fi
for n in "${only[@]}"; do
  printf '%s\n' "${rows[@]}" | cut -d'|' -f1 | grep -qx -- "$n" || { echo "measure-all: no row '$n' (--list names them)" >&2; exit 2; }
done

export PX_BUILD=${PX_BUILD:-$root/build-measure}
export PX_DATA=${PX_DATA:-$root/../shared/data}
nice=${PX_NICE:-10}
commit=$(git rev-parse --short HEAD)
dirty=$(git status --porcelain --untracked-files=no | grep -q . && echo "; the tree differs from it" || echo "")
out=${PX_MEASURE_DIR:-$root/measure-logs}/$(date -u +%Y%m%dT%H%M%SZ)-$commit
mkdir -p "$out" || exit 1
if ((build)); then
  echo "measure-all: building $PX_BUILD afresh (RelWithDebInfo)"
  rm -rf "$PX_BUILD"
  { cmake -S . -B "$PX_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo && cmake --build "$PX_BUILD" -j"$(nproc)"; } \
    > "$out/build.log" 2>&1 || { echo "measure-all: the build failed (see $out/build.log)" >&2; exit 1; }
fi
[[ -x $PX_BUILD/parallax ]] || { echo "measure-all: $PX_BUILD/parallax not built" >&2; exit 1; }
{
  echo "commit $commit$dirty"
  echo "build $PX_BUILD ($(grep -m1 '^CMAKE_BUILD_TYPE' "$PX_BUILD/CMakeCache.txt" | cut -d= -f2)), $(grep -m1 '^CMAKE_C_COMPILER:' "$PX_BUILD/CMakeCache.txt" | cut -d= -f2)"
  echo "machine $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)"
  echo "data $PX_DATA"
  echo "nice $nice"
  echo "start $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/meta.txt"
printf 'name\tkind\texit\twall_s\tuser_s\tsys_s\tpeak_mb\tload_before\tload_after\tcommand\n' > "$out/summary.tsv"
status=0
for r in "${rows[@]}"; do
  IFS='|' read -r name k need cmd <<<"$r"
  if ((${#only[@]})); then printf '%s\n' "${only[@]}" | grep -qx -- "$name" || continue
  elif [[ $kind != all && $kind != "$k" ]]; then continue; fi
  missing=()
  for v in $need; do [[ -n ${!v:-} ]] || missing+=("$v"); done
  if ((${#missing[@]})); then
    echo "measure-all: $name left out (needs ${missing[*]}); no figure" | tee "$out/$name.log"
    printf '%s\t%s\tleft out\t\t\t\t\t\t\t%s\n' "$name" "$k" "$cmd" >> "$out/summary.tsv"
    continue
  fi
  l0=$(cut -d' ' -f1 /proc/loadavg)
  echo "measure-all: $name: $cmd (load average $l0)"
  /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" nice -n "$nice" bash -c "$cmd" > "$out/$name.log" 2>&1
  rc=$?
  l1=$(cut -d' ' -f1 /proc/loadavg)
  read -r w u s m < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$out/$name.time" | tail -1) || { w=; u=; s=; m=0; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%.0f\t%s\t%s\t%s\n' "$name" "$k" "$rc" "$w" "$u" "$s" "$(echo "${m:-0} / 1024" | bc -l)" "$l0" "$l1" "$cmd" >> "$out/summary.tsv"
  rm -f "$out/$name.time"
  if ((rc != 0)); then echo "measure-all: $name exited $rc (see $out/$name.log)" >&2; status=1; fi
done
echo "end $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/meta.txt"
echo "measure-all: logs in $out"
column -t -s $'\t' "$out/summary.tsv" 2>/dev/null || cat "$out/summary.tsv"
exit $status
