#!/usr/bin/env bash
# The Python module beside the command-line tool, on the same input, same run:
#   analyze  parallax analyze --format json FILE      vs  parallax.analyze() of each record
#   compare  parallax compare --format json STORY     vs  parallax.compare(records).report("json")
#   ingest   parallax ingest --db A CORPUS            vs  parallax.Store(B).ingest(CORPUS)
#   memory   100,000 parallax.analyze() calls, RSS before and after
# Each line gives wall and CPU seconds (user + system of the process,
# interpreter start included); ratios are of CPU time, as the machine is shared.
#   PX_PY_PARTS  which parts (default "analyze compare ingest memory")
#   PX_PY_CALLS  analyze calls of the memory part (default 100000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${PX_BUILD:-$root/build}"
if [[ ! -f "$build/python/parallax/__init__.py" ]]; then
  cmake --build "$build" --target parallax_python parallax_python_files >/dev/null
fi
PYTHONPATH="$build/python" exec /usr/bin/python3 "$root/bench/python_bench.py" \
  --cli "$build/parallax" --data "${PX_DATA:-$root/../shared/data}" --sample "$root/sample/news.jsonl" \
  --parts "${PX_PY_PARTS:-analyze compare ingest memory}" --calls "${PX_PY_CALLS:-100000}"
