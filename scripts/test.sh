#!/usr/bin/env bash
# @file scripts/test.sh
# @brief Sets up, builds and runs the whole test suite: once normally, once under ASan + UBSan.
# Usage: bash scripts/test.sh            (from anywhere; builds in build/ and build-asan/)
#        RAPPORTEUR_SKIP_SANITIZE=1 bash scripts/test.sh   (the normal build only)
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
echo "== all tests passed"
