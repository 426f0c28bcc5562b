#!/usr/bin/env bash
# @file benchmarks/serve_load.sh
# @brief rapporteur-serve under load: builds (Release), indexes a tier of the benchmark corpus,
#        and runs bench_serve with 1, 8 and 64 concurrent clients over the query set; writes
#        benchmarks/results/<date>-<HHMM>-serve.json and .md.
#
# Usage: bash benchmarks/serve_load.sh [TIER]   (default 100MB)
# Environment: BENCH_WORK (databases, default benchmarks/work), BENCH_BUILD (build directory,
# default build-bench), BENCH_CLIENTS (default 1,8,64), BENCH_SECONDS (a bound per client count,
# default 120), BENCH_REQUESTS (per client count, default twice the query set), BENCH_JOBS
# (build jobs, default the cores).
set -euo pipefail
export LC_ALL=C.UTF-8

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/benchmarks"
corpus="$bench/corpus/out"
work="${BENCH_WORK:-$bench/work}"
build="${BENCH_BUILD:-$root/build-bench}"
tier="${1:-100MB}"
stamp="$(date -u +%Y-%m-%d-%H%M)"
log() { echo "serve_load.sh: $*" >&2; }

bash "$bench/corpus/build_corpus.sh" "$corpus" >&2
bash "$root/scripts/setup.sh" jq >&2
log "building (Release) in $build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRAPPORTEUR_BUILD_TESTS=OFF \
  -DRAPPORTEUR_BUILD_BENCHMARKS=ON >/dev/null
jobs="${BENCH_JOBS:-$(nproc)}"
cmake --build "$build" -j"$jobs" --target bench_serve rapporteur-serve >/dev/null

db="$work/$tier/ours"
if [ ! -d "$db" ]; then
  # The indexer (and its readers) only when there is a tier to index.
  cmake --build "$build" -j"$jobs" --target rapporteur-index >/dev/null
  log "$tier: indexing"
  "$build/indexer/rapporteur-index" --db "$db" --quiet "$corpus/$tier"
fi
log "$tier: bench_serve, clients ${BENCH_CLIENTS:-1,8,64}"
json="$bench/results/$stamp-serve.json"
"$build/benchmarks/bench_serve" "$build/searcher/server/rapporteur-serve" "$db" "$corpus/queries.tsv" \
  --clients "${BENCH_CLIENTS:-1,8,64}" --seconds "${BENCH_SECONDS:-120}" \
  ${BENCH_REQUESTS:+--requests "$BENCH_REQUESTS"} > "$json"
{
  echo "# rapporteur-serve under load, $tier ($stamp)"
  echo
  jq -r '"\(.passages) passages, \(.queries) queries (\(.lang_hints_dropped) asked without their language, which the CLI and the API refuse), \(.search_threads) search threads; the library alone: p50 \(.library_p50_before_ms | . * 1000 | round / 1000) ms before the server'"'"'s runs and \(.library_p50_after_ms | . * 1000 | round / 1000) ms after (the ratios are to their mean, \(.library_p50_ms | . * 1000 | round / 1000) ms), p99 \(.library_p99_ms | . * 1000 | round / 1000) ms."' "$json"
  echo
  echo "| clients | requests | throughput (req/s) | p50 (ms) | p99 (ms) | p50 / library p50 | not 200 | not equal |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  jq -r '.runs[] | "| \(.clients) | \(.requests) | \(.throughput_rps | round) | \(.p50_ms * 100 | round / 100) | \(.p99_ms * 100 | round / 100) | \(.p50_over_library_p50 * 100 | round / 100) | \(.not_200) | \(.not_equal) |"' "$json"
} > "${json%.json}.md"
cat "${json%.json}.md"
