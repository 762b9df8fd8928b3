# check.sh - checks shared by the CLI tests (tests/cli/*.sh).  ingest_ok needs px (the
# parallax binary) and tmp (the test's scratch folder) set before it is called:
#   . "$2/tests/tools/check.sh"
# The test ends with: exit $((fails > 0))
fails=0
# check WHAT COMMAND...: prints ok or FAIL for WHAT; a FAIL is counted.
check() { local what=$1; shift; if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi; }
# only_summary FILE: true when FILE holds nothing but (at most) ingest's
# summary line with no rejected record: a sanitizer report or a warning fails it.
only_summary() { ! grep -Ev '^parallax: read [0-9]+, stored [0-9]+, duplicates [0-9]+, rejected 0 ' "$1" | grep -q .; }
# ingest_ok WHAT ARGS...: parallax ingest ARGS, checked: exit 0 and nothing on
# stderr (-q prints no summary: a warning or a sanitizer report fails it).
ingest_ok() {
  local what=$1; shift
  "$px" ingest "$@" 2>"$tmp/ingest.err"
  local rc=$?
  check "$what: ingest exits 0, stderr empty" bash -c '[[ $0 -eq 0 ]] && ! grep -q . "$1"' "$rc" "$tmp/ingest.err"
  [[ $rc -eq 0 ]] || cat "$tmp/ingest.err"
}
