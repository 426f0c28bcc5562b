#!/usr/bin/env bash
# @file tests/fuzz/run.sh
# @brief Runs libFuzzer targets of a RAPPORTEUR_FUZZ build with their seeds and dictionaries.
# Usage: bash tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (every target when none named)
#   The corpus grows in BUILD_DIR/fuzz-corpus/TARGET; crashes go to BUILD_DIR/fuzz-crashes/.
#   Exit status 1 when a target crashed (its input is named), 0 otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "$1" && pwd)"
seconds="$2"
shift 2

# Seeds of each target: files and folders of the test documents, or a command that writes them.
seeds_of() {
  case "$1" in
    fuzz_reader_txt) echo "$root/seeds" "$root/tests/data/indexer" "$root/tests/data/analyzers" \
                          "$root/tests/data/searcher" ;;
    fuzz_reader_md) echo "$root/tests/data/indexer" ;; # filtered by extension below
    fuzz_reader_*) echo "$build/tests/fuzz/seeds/${1#fuzz_}" ;; # made by the build (seeds.cmake)
    fuzz_shard_map) echo "$here/corpus/shard_map" ;;
    fuzz_http_request) echo "$here/corpus/http_request" ;;
    fuzz_analyzer) echo "$root/tests/data/analyzers" "$root/seeds" ;;
    fuzz_query_parser) echo "$here/corpus/query_parser" ;;
    fuzz_qrels) echo "$root/tests/data/trec_eval/qrels.test" "$root/tests/data/trec_eval/qrels.rel_level" \
                     "$root/tests/data/trec_eval/qrels.test.with-comments" "$root/benchmarks/relevance/qrels.txt" ;;
    fuzz_run) echo "$root/tests/data/trec_eval/results.test" "$root/tests/data/trec_eval/results.trunc" ;;
    fuzz_topics) echo "$root/benchmarks/relevance/topics.tsv" "$root/benchmarks/relevance/topics.trec" ;;
    fuzz_stored_passage) echo "@write-seeds" ;;
    fuzz_file_records) echo "$here/corpus/file_records" ;;
    *) echo "" ;;
  esac
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for t in "$build"/tests/fuzz/fuzz_*; do [ -x "$t" ] && targets+=("$(basename "$t")"); done
fi

mkdir -p "$build/fuzz-crashes"
failed=0
for t in "${targets[@]}"; do
  exe="$build/tests/fuzz/$t"
  corpus="$build/fuzz-corpus/$t"
  seeds="$build/fuzz-seeds/$t"
  mkdir -p "$corpus" "$seeds"
  ext=""
  case "$t" in fuzz_reader_txt|fuzz_reader_md) ext=".${t#fuzz_reader_}" ;; esac
  for s in $(seeds_of "$t"); do
    if [ "$s" = "@write-seeds" ]; then
      RAPPORTEUR_FUZZ_WRITE_SEEDS="$seeds" "$exe" >/dev/null 2>&1
    elif [ -d "$s" ]; then
      for f in "$s"/*; do
        [ -f "$f" ] || continue
        if [ -n "$ext" ] && [ "$ext" != .txt ] && [[ "$f" != *"$ext" ]]; then continue; fi
        if [ "$ext" = .txt ] && [[ "$f" == *.md ]]; then continue; fi
        cp "$f" "$seeds/"
      done
    elif [ -f "$s" ]; then
      cp "$s" "$seeds/"
    fi
  done
  dict="$here/dict/${t#fuzz_}.dict"
  case "$t" in fuzz_qrels|fuzz_run|fuzz_topics) dict="$here/dict/trec.dict" ;; esac
  # A fixed seed (RAPPORTEUR_FUZZ_SEED, default 1; 0 lets libFuzzer pick one) makes CI's short
  # pass take the same mutations every run: a crash it finds comes back, rather than a new one
  # turning up at random. Long runs outside CI give 0. RAPPORTEUR_FUZZ_TIMEOUT (default 25)
  # is the seconds an input may take before it counts as a hang: a long run at nice 19 on a
  # busy machine, under AddressSanitizer's allocator, may need more.
  args=(-seed="${RAPPORTEUR_FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout="${RAPPORTEUR_FUZZ_TIMEOUT:-25}" -rss_limit_mb=3072 -max_len=65536
        -artifact_prefix="$build/fuzz-crashes/$t-" -print_final_stats=1)
  [ -f "$dict" ] && args+=(-dict="$dict")
  echo "== $t: ${seconds}s"
  symbolizer=$(command -v llvm-symbolizer-15 || command -v llvm-symbolizer || true)
  if ! ASAN_SYMBOLIZER_PATH="$symbolizer" ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
       LSAN_OPTIONS="suppressions=$here/lsan.supp" \
       UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       nice -n 19 "$exe" "${args[@]}" "$corpus" "$seeds" > "$build/fuzz-$t.log" 2>&1; then
    echo "$t: CRASH, see $build/fuzz-$t.log and $build/fuzz-crashes/" >&2
    grep -E "ERROR|runtime error|contract broken|SUMMARY" "$build/fuzz-$t.log" | head -5 >&2 || true
    failed=1
  fi
  grep -E "^stat::number_of_executed_units|^#[0-9]+.*(DONE|cov)" "$build/fuzz-$t.log" | tail -2 || true
done
exit $failed
