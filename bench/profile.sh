#!/usr/bin/env bash
# Where an ingest's instructions go: the whole pipeline on the first
# PX_PROFILE_N (default 1000) AllSides articles under callgrind, whose
# instruction counts repeat whatever the machine's load.  Prints the total,
# the top functions by their own instructions and the pipeline's parts
# (inclusive).  PX_PEER_BUILD=dir profiles that build's parallax too, in the
# same run, for a before/after.  PX_PROFILE_ARGS adds options to the ingest
# (PX_PROFILE_ARGS='--no-analyze --no-cluster': the store-only ingest).
# PX_PROFILE_SPEAKER='Nancy Pelosi' PX_PROFILE_DB=store.db profiles
# `parallax quotes --speaker` on that store instead (a query, no ingest).
set -euo pipefail
root=${PX_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
data=${PX_DATA:-$root/../shared/data}/allsides-news/allsides_articles.jsonl.xz
n=${PX_PROFILE_N:-1000}
[[ -f $data || -n ${PX_PROFILE_SPEAKER:-} ]] || { echo "profile: $data absent; skipped, no figure"; exit 0; }
if [[ -n ${PX_PROFILE_SPEAKER:-} && ! -f ${PX_PROFILE_DB:-} ]]; then
  echo "profile: PX_PROFILE_SPEAKER needs PX_PROFILE_DB, a store; skipped, no figure"
  exit 0
fi
command -v valgrind >/dev/null || { echo "profile: valgrind absent; skipped, no figure"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [[ -z ${PX_PROFILE_SPEAKER:-} ]]; then
  { xz -dc "$data" || true; } | head -n "$n" > "$tmp/in.jsonl" # xz ends on the closed pipe
  got=$(wc -l < "$tmp/in.jsonl")
  [[ $got -eq $n ]] || { echo "profile: $data gave $got lines, $n needed; no figure" >&2; exit 1; }
fi
one() {
  local label=$1 px=$2/parallax
  [[ -x $px ]] || { echo "profile: $px not built" >&2; return 1; }
  rm -f "$tmp"/p.db*
  if [[ -n ${PX_PROFILE_SPEAKER:-} ]]; then
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$px" quotes --db "$PX_PROFILE_DB" \
      --speaker "$PX_PROFILE_SPEAKER" >/dev/null 2>&1
    echo "$label ($px), quotes --speaker '$PX_PROFILE_SPEAKER' on $PX_PROFILE_DB:"
  else
    # shellcheck disable=SC2086 # PX_PROFILE_ARGS is a list of options
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$px" ingest -q ${PX_PROFILE_ARGS:-} \
      --db "$tmp/p.db" "$tmp/in.jsonl" 2>/dev/null
    echo "$label ($px), $n articles${PX_PROFILE_ARGS:+ ($PX_PROFILE_ARGS)}:"
  fi
  callgrind_annotate "$tmp/cg.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {print "  instructions: " $1}'
  echo "  top functions (own instructions):"
  callgrind_annotate "$tmp/cg.out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n '3,17p' |
    sed -E 's#[^ ]*/([^/ ]+:[^ ]+) \[.*#\1#; s#\?\?\?:(0x[0-9a-f]+) \[.*/([^/]+)\]#\2 \1#' | sed 's/^/    /'
  echo "  pipeline parts (inclusive):"
  callgrind_annotate --inclusive=yes "$tmp/cg.out" 2>/dev/null |
    grep -E ":(px_reader_next|px_langid_article|px_store_add|px_analyze|px_quotes_extract|make_rec|add_analysis|px__store_flush_fts|px__store_index_article|px__fts_maker_run|px__store_flush_counters(\.part\.0)?|px_store_cluster_new_articles|px_store_optimize|px_store_quotes|px_quote_groups_finish) \[" |
    sed -E 's#[^ ]*/([^/ ]+:[^ ]+) \[.*#\1#' | sed 's/^/    /'
}
one "this build" "${PX_BUILD:-$root/build}"
if [[ -n ${PX_PEER_BUILD:-} ]]; then one "peer build" "$PX_PEER_BUILD"; fi
