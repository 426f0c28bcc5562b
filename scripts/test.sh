#!/usr/bin/env bash
# @file scripts/test.sh
# @brief Sets up, builds and runs the whole test suite: once normally, once under ASan + UBSan.
# Usage: bash scripts/test.sh            (from anywhere; builds in build/, build-asan/, build-fuzz/)
#        RAPPORTEUR_SKIP_SANITIZE=1 bash scripts/test.sh   (the normal build only)
#        RAPPORTEUR_SKIP_FUZZ=1 bash scripts/test.sh       (no fuzzing)
#        RAPPORTEUR_FUZZ_SECONDS=N                          (each fuzz target's run; default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc)

echo "== build and test (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "${RAPPORTEUR_SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== build and test under AddressSanitizer + UBSan"
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRAPPORTEUR_SANITIZE=ON \
    -DRAPPORTEUR_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
fi
if [ "${RAPPORTEUR_SKIP_FUZZ:-0}" != 1 ]; then
  # The fuzz targets only (tests/fuzz/), each run a short fixed time from its seeds: a smoke test
  # of every parser against hostile bytes. The long runs are outside CI (tests/fuzz/README.md).
  echo "== fuzz targets (libFuzzer, ASan + UBSan), ${RAPPORTEUR_FUZZ_SECONDS:-15} s each"
  CC=clang-15 CXX=clang++-15 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORTEUR_FUZZ=ON \
    -DRAPPORTEUR_BUILD_TESTS=OFF -DRAPPORTEUR_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-fuzz -j "$jobs" --target fuzz_all
  bash tests/fuzz/run.sh build-fuzz "${RAPPORTEUR_FUZZ_SECONDS:-15}"
fi
echo "== all tests passed"
