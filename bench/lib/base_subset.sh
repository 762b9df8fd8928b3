# base_subset.sh - sourced by the benchmarks that set this build beside an
# earlier parallax binary (bench/regress.sh, bench/story_compare.sh): reads
# the settings both share, checks them, and writes the first N AllSides
# articles to $tmp/sub.jsonl.
#   base_subset NAME N
# Sets root, px, base, runs and tmp (removed on exit).  Without PX_BASE or
# without the data set it prints why and exits 0: no figure is printed.
base_subset() {
  local name=$1 n=$2
  root="${PX_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
  local data="${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz"
  px="${PX_BUILD:-$root/build}/parallax"
  base=${PX_BASE:-}
  runs=${PX_RUNS:-3}
  if [[ -z $base ]]; then echo "$name: set PX_BASE to an earlier parallax binary; skipped, no figure"; exit 0; fi
  if [[ ! -f $data ]]; then echo "$name: skipped ($data absent)"; exit 0; fi
  [[ -x $px ]] || { echo "$name: $px not built" >&2; exit 1; }
  [[ -x $base ]] || { echo "$name: PX_BASE=$base is not an executable" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  { xz -dc "$data" || true; } | head -n "$n" > "$tmp/sub.jsonl"  # xz stops on the closed pipe
  echo "subset: the first $(wc -l < "$tmp/sub.jsonl") AllSides articles; this: $px; base: $base"
  echo "(machine shared with other jobs: read the CPU medians; $runs alternating run(s) each)"
}
