#!/usr/bin/env bash
# A long fuzz campaign, outside CI: runs every fuzz target of a fuzz build
# (cmake -DPX_FUZZ=ON, clang) for SECONDS each, one after the other, niced,
# and prints per target: executions, coverage (edges), features, corpus size
# and crashes.  New inputs go to a work folder (not the repository); copy the
# few that add coverage to tests/fuzz/corpus/<target>/ by hand (merge with
# -merge=1 to keep them small).
#   tests/fuzz/campaign.sh BUILD_DIR SECONDS [TARGET[:SECONDS]...]
# A TARGET:SECONDS argument gives that target its own time.  At the end it
# prints the total executions and the campaign's wall and CPU time.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: campaign.sh BUILD_DIR SECONDS [TARGET...]}
secs=${2:?usage: campaign.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in "$root"/tests/fuzz/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
fi
work=${PX_FUZZ_WORK:-$build/fuzz-campaign}
mkdir -p "$work"
printf '%-18s %6s %12s %8s %8s %7s %8s %7s\n' target secs executions exec/s edges features corpus crashes
total=0
start=$(date +%s)
for spec in "${targets[@]}"; do
  t=${spec%%:*}
  tsecs=$secs
  [[ $spec == *:* ]] && tsecs=${spec#*:}
  mkdir -p "$work/$t" "$work/$t-artifacts"
  log="$work/$t.log"
  dict=()
  [[ -f $root/tests/fuzz/$t.dict ]] && dict=(-dict="$root/tests/fuzz/$t.dict")
  nice -n 15 "$build/$t" -max_total_time="$tsecs" -rss_limit_mb=2048 -max_len=65536 "${dict[@]}" \
    -print_final_stats=1 -artifact_prefix="$work/$t-artifacts/" \
    "$work/$t" "$root/tests/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corp=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  # crash-, leak-, oom- and timeout- files are failures; slow-unit- files
  # (inputs slower than 10 s, here on a loaded machine) are kept to look at.
  crashes=$(find "$work/$t-artifacts" -type f ! -name 'slow-unit-*' | wc -l)
  ((rc != 0 && crashes == 0)) && crashes="rc=$rc"
  printf '%-18s %6s %12s %8s %8s %7s %8s %7s\n' "$t" "$tsecs" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
    "${ft:-?}" "${corp:-?}" "$crashes"
  total=$((total + ${execs:-0}))
done
echo "total executions: $total"
# CPU time of the fuzzers (this script's children), user + system.
times >"$work/times.txt"
read -r cu cs < <(tail -1 "$work/times.txt" | tr 'ms' '  ' | awk '{print $1*60+$2, $3*60+$4}')
echo "wall: $(($(date +%s) - start)) s; fuzzer CPU: user ${cu} s, system ${cs} s; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
