#!/usr/bin/env bash
# Where an ingest's instructions go: the whole pipeline on the first
# PX_PROFILE_N (default 1000) AllSides articles under callgrind, whose
# instruction counts repeat whatever the machine's load.  Prints the total,
# the top functions by their own instructions and the pipeline's parts
# (inclusive).  PX_PEER_BUILD=dir profiles that build's parallax too, in the
# same run, for a before/after.
set -euo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
data=${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz
n=${PX_PROFILE_N:-1000}
[[ -f $data ]] || { echo "profile: $data absent; skipped, no figure"; exit 0; }
command -v valgrind >/dev/null || { echo "profile: valgrind absent; skipped, no figure"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ xz -dc "$data" || true; } | head -n "$n" > "$tmp/in.jsonl" # xz ends on the closed pipe
one() {
  local label=$1 px=$2/parallax
  [[ -x $px ]] || { echo "profile: $px not built" >&2; return 1; }
  rm -f "$tmp"/p.db*
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$px" ingest -q --db "$tmp/p.db" "$tmp/in.jsonl" 2>/dev/null
  echo "$label ($px), $n articles:"
  callgrind_annotate "$tmp/cg.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {print "  instructions: " $1}'
  echo "  top functions (own instructions):"
  callgrind_annotate "$tmp/cg.out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,17p' |
    sed -E 's#[^ ]*/([^/ ]+:[^ ]+) \[.*#\1#; s#\?\?\?:(0x[0-9a-f]+) \[.*/([^/]+)\]#\2 \1#' | sed 's/^/    /'
  echo "  pipeline parts (inclusive):"
  callgrind_annotate --inclusive=yes "$tmp/cg.out" 2>/dev/null |
    grep -E ":(px_reader_next|px_store_add|px_analyze|px_quotes_extract|make_rec|add_analysis|px__store_flush_fts|px__store_flush_counters(\.part\.0)?|px_store_cluster_new_articles|px_store_optimize) \[" |
    sed -E 's#[^ ]*/([^/ ]+:[^ ]+) \[.*#\1#' | sed 's/^/    /'
}
one "this build" "${PX_BUILD:-$root/build}"
if [[ -n ${PX_PEER_BUILD:-} ]]; then one "peer build" "$PX_PEER_BUILD"; fi
