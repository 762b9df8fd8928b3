#!/usr/bin/env bash
# The test command: installs missing Debian packages, builds, and runs every
# test three ways -- a normal build, an AddressSanitizer+UndefinedBehavior-
# Sanitizer build, and the fuzz targets (clang + libFuzzer) for a bounded time.
#   PX_FUZZ_SECONDS   seconds per fuzz target (default 90: with 8 targets on 2
#                     cores about 6 minutes; docs/fuzzing.md)
#   PX_SKIP_SANITIZE=1, PX_SKIP_FUZZ=1 to leave those stages out locally
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
"$root/scripts/setup.sh"
jobs=$(nproc)
fuzz_seconds=${PX_FUZZ_SECONDS:-90}

echo "== build and test (release)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs" >/dev/null
ctest --test-dir build --output-on-failure -j"$jobs"

if [[ "${PX_SKIP_SANITIZE:-0}" != 1 ]]; then
  echo "== build and test (ASan + UBSan)"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPX_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$jobs" >/dev/null
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
fi

if [[ "${PX_SKIP_FUZZ:-0}" != 1 ]]; then
  echo "== fuzz targets, ${fuzz_seconds}s each (clang, libFuzzer, ASan + UBSan)"
  CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPX_FUZZ=ON \
    -DPX_FUZZ_SECONDS="$fuzz_seconds" >/dev/null
  cmake --build build-fuzz -j"$jobs" >/dev/null
  ctest --test-dir build-fuzz --output-on-failure -R '^fuzz_' --no-tests=error -j"$jobs"
fi
echo "== all tests passed"
