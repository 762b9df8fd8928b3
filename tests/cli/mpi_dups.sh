#!/usr/bin/env bash
# mpi_dups.sh PARALLAX SOURCE_DIR - duplicates that depend on the whole
# collection come out of parallax-mpi as from a single process.  The corpus
# (tests/mpi/make_dups.py, invented) has an outlet whose page furniture is
# boilerplate only when counted over the whole collection: counted among a
# story's articles it would make two articles of one event near-duplicates.
# On 1, 2 and 4 ranks (oversubscribed), and on 3 ranks with the exchanges cut
# into rounds of 64 bytes (PARALLAX_MPI_CHUNK, mpi/chunk.h): the same
# articles, identical duplicate links, stories BCubed >= 0.99
# (tests/mpi/compare.py), the story stage clustering from the ingest's
# analysis (no article analysed again).  Skipped (exit 77) without MPI.
set -u
. "$2/tests/mpi/env.sh"
trap 'rm -rf "$tmp"' EXIT
. "$2/tests/tools/check.sh"  # check, only_summary, ingest_ok; fails=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" "$src/tests/mpi/make_dups.py" "$tmp"
in=$tmp/furniture.jsonl
ref_ingest --db "$tmp/single.db" "$in"
check "single-process ingest" test -s "$tmp/single.db"
check "single process: the two articles of one event are not duplicates" \
  bash -c "! '$px' export stories --db '$tmp/single.db' | grep -q '\"ext_id\":\"hl-bridge-[12]\"[^}]*\"dup_of\":[0-9]'"
run() { # label ranks [env...]
  local label=$1 n=$2; shift 2
  env "$@" timeout 300 mpirun --oversubscribe -np "$n" "$mpx" ingest --quiet --out "$tmp/o$label" "$in" \
    > "$tmp/out$label" 2> "$tmp/err$label"
  local rc=$?
  check "$label: exit 0" test $rc -eq 0
  [ $rc -eq 0 ] || cat "$tmp/err$label"
  "$py" "$src/tests/mpi/compare.py" "$px" "$tmp/single.db" "$tmp/o$label" 0.99 > "$tmp/cmp$label"
  rc=$?
  sed 's/^/     /' "$tmp/cmp$label"
  check "$label: the same articles and duplicates as the single process, stories BCubed >= 0.99" test $rc -eq 0
  check "$label: clustered from the ingest's analysis, none analysed again" \
    grep -q "clustered from the ingest's analysis: 92 articles, analysed again: 0; component owners added 92 from records" "$tmp/out$label"
}
run np1 1
run np2 2
run np4 4
run np3-rounds 3 PARALLAX_MPI_CHUNK=64
check "duplicate keys linked across ranks" grep -q "duplicate keys: [1-9][0-9]* links" "$tmp/outnp4"
[ $fails -eq 0 ] && echo "all mpi duplicate checks passed" || echo "$fails mpi duplicate check(s) failed"
[ $fails -eq 0 ]
