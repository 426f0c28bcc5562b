#!/usr/bin/env bash
# @file benchmarks/run.sh
# @brief One command for every speed figure: corpus, Release build, plain Xapian and ours on each
#        tier in the same run, then benchmarks/results/<date>-<HHMM>.json and .md with the ratios.
#
# Usage: bash benchmarks/run.sh [TIER...]    (default: every tier of the corpus: 1MB 10MB 100MB [full])
# Environment: BENCH_ROUNDS (timed query rounds, default 3), BENCH_REPEATS (times each engine
# indexes and queries a tier, taking turns; the best is kept; default 2), BENCH_WORK (databases,
# default benchmarks/work, git-ignored), BENCH_BUILD (build directory, default build-bench),
# BENCH_JOBS (build jobs, default nproc), BENCH_HELDOUT (0: skip the held-out query set).
# Every tier is queried with two sets: queries.tsv (seed 20261130, the one tuned on) and
# queries_heldout.tsv (seed 20261201, never tuned on), both drawn by corpus/build_corpus.sh.
set -euo pipefail
export LC_ALL=C.UTF-8

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/benchmarks"
corpus="$bench/corpus/out"
work="${BENCH_WORK:-$bench/work}"
build="${BENCH_BUILD:-$root/build-bench}"
rounds="${BENCH_ROUNDS:-3}"
repeats="${BENCH_REPEATS:-2}"
stamp="$(date -u +%Y-%m-%d-%H%M)"
results="$bench/results"
# A run started in the same minute as an earlier one gets a suffix instead of overwriting it.
for n in 2 3 4 5 6 7 8 9; do [[ -e $results/$stamp.json ]] || break; stamp="${stamp%-[0-9]}-$n"; done
tiers=("$@")

log() { echo "run.sh: $*" >&2; }

# --- corpus, build ---------------------------------------------------------------------------
bash "$bench/corpus/build_corpus.sh" "$corpus" >&2
# Default: every tier the corpus has (1MB 10MB 100MB, and "full" when there is more text).
[ ${#tiers[@]} -gt 0 ] || mapfile -t tiers < <(tail -n +2 "$corpus/tiers.tsv" | cut -f1)
# GNU time for peak RSS, jq to put the JSON together, xapian-delve for document counts.
bash "$root/scripts/setup.sh" time jq xapian-tools >&2
log "building (Release) in $build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRAPPORTEUR_BUILD_TESTS=OFF \
  -DRAPPORTEUR_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j"${BENCH_JOBS:-$(nproc)}" --target xapian_reference bench_search rapporteur-index \
  rapporteur-search >/dev/null
ref="$build/benchmarks/xapian_reference"
ours_query="$build/benchmarks/bench_search"
index_exe="$build/indexer/rapporteur-index"
search_exe="$build/searcher/rapporteur-search"

# --- helpers ---------------------------------------------------------------------------------
# Runs a command under GNU time; prints "seconds peak_rss_kib exit_status" (the command's own
# output goes to $2, its stderr to $3).
timed() {
  local out="$1" err="$2" tfile
  shift 2
  tfile="$(mktemp)"
  local status=0
  /usr/bin/time -f '%e %M' -o "$tfile" "$@" >"$out" 2>"$err" || status=$?
  echo "$(tail -n 1 "$tfile") $status"
  rm -f "$tfile"
}
# faster A B: A < B, as decimal seconds.
faster() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
# keep_faster_query TRY KEPT: TRY replaces KEPT when KEPT is missing or TRY's plain p50 is lower.
keep_faster_query() {
  if [ ! -s "$2" ] || faster "$(jq .modes.plain.all.p50_ms "$1")" "$(jq .modes.plain.all.p50_ms "$2")"; then
    mv "$1" "$2"
  else
    rm -f "$1"
  fi
}
doccount() { xapian-delve "$1" | sed -n 's/^number of documents = //p'; }
du_bytes() { du -sb "$1" | cut -f1; }

machine_json() {
  jq -n --arg cpu "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)" \
    --arg nproc "$(nproc)" --arg mem "$(free -b | awk '/^Mem:/ {print $2}')" \
    --arg kernel "$(uname -r)" --arg xapian "$(dpkg-query -W -f='${Version}' libxapian30)" \
    --arg icu "$(dpkg-query -W -f='${Version}' libicu72)" \
    --arg gcc "$(g++ -dumpfullversion)" \
    --arg commit "$(git -C "$root" rev-parse --short HEAD)" \
    '{cpu: $cpu, nproc: ($nproc|tonumber), ram_bytes: ($mem|tonumber), kernel: $kernel,
      xapian: $xapian, icu: $icu, gcc: $gcc, commit: $commit}'
}

mkdir -p "$work" "$results"
queries="$corpus/queries.tsv"
topics="$work/topics.tsv"
tail -n +2 "$queries" | cut -f1,3,4 > "$topics"   # qid, query, language
heldout="$corpus/queries_heldout.tsv"
heldout_topics="$work/topics_heldout.tsv"
[ "${BENCH_HELDOUT:-1}" = 1 ] || heldout=""
[ -z "$heldout" ] || tail -n +2 "$heldout" | cut -f1,3,4 > "$heldout_topics"
has_topics=0
# grep reads the whole help (not -q): quitting at the first match can make the writer fail with
# EPIPE, and pipefail then reads that as "no --topics".
"$search_exe" --help 2>/dev/null | grep -- '--topics' >/dev/null && has_topics=1
[ $has_topics = 1 ] || log "rapporteur-search has no --topics here: batch topics/s not measured"

tier_results=()
for tier in "${tiers[@]}"; do
  dir="$corpus/$tier"
  if [ ! -d "$dir" ]; then log "no tier $tier in $corpus, skipped"; continue; fi
  t="$work/$tier"
  rm -rf "$t"
  mkdir -p "$t"
  bytes=$(cat "$dir"/*.txt | wc -c)
  log "$tier: $(ls "$dir" | wc -l) documents, $bytes bytes"

  # Each engine indexes $repeats times, the engines taking turns, and the faster run of each
  # is kept (with its peak RSS): the machine's speed drifts by minutes, and taking turns with
  # the best of each puts both engines through the same weather.
  ref_s="" our_s=""
  for ((r = 1; r <= repeats; r++)); do
    log "$tier: xapian_reference index ($r/$repeats)"
    rm -rf "$t/xapian"
    read -r s rss status < <(timed "$t/ref_index.try.json" "$t/ref_index.err" \
      "$ref" index "$dir" "$t/xapian")
    [ "$status" = 0 ] || { cat "$t/ref_index.err" >&2; exit 1; }
    if [ -z "$ref_s" ] || faster "$s" "$ref_s"; then
      ref_s=$s ref_rss=$rss
      mv "$t/ref_index.try.json" "$t/ref_index.json"
    fi
    log "$tier: rapporteur-index ($r/$repeats)"
    rm -rf "$t/ours"
    read -r s rss status < <(timed /dev/null "$t/ours_index.err" \
      "$index_exe" --db "$t/ours" --quiet "$dir")
    [ "$status" = 0 ] || log "$tier: rapporteur-index exited $status: $(tail -n 3 "$t/ours_index.err")"
    if [ -z "$our_s" ] || faster "$s" "$our_s" || [ "$status" != 0 ]; then
      our_s=$s our_rss=$rss our_status=$status
    fi
  done
  our_size=$(du_bytes "$t/ours")
  our_docs=$(doccount "$t/ours")
  log "$tier: rapporteur-index again (unchanged corpus)"
  read -r re_s re_rss re_status < <(timed /dev/null "$t/ours_reindex.err" \
    "$index_exe" --db "$t/ours" --quiet "$dir")

  # Queries the same way: the repetition with the lower p50 (plain, all queries) is kept whole.
  # query_set NAME QUERIES TOPICS writes $t/ref_query.NAME.json, $t/ours_query.NAME.json and
  # $t/topics.NAME.json.
  query_set() {
    local name="$1" qfile="$2" tfile="$3" r tp_s tp_status topics_10=null topics_1000=null
    for ((r = 1; r <= repeats; r++)); do
      log "$tier ($name queries): xapian_reference query ($r/$repeats)"
      "$ref" query "$t/xapian" "$qfile" "$rounds" > "$t/ref_query.try.json"
      keep_faster_query "$t/ref_query.try.json" "$t/ref_query.$name.json"
      log "$tier ($name queries): bench_search ($r/$repeats)"
      "$ours_query" "$t/ours" "$qfile" "$rounds" > "$t/ours_query.try.json"
      keep_faster_query "$t/ours_query.try.json" "$t/ours_query.$name.json"
    done
    if [ $has_topics = 1 ]; then
      for ((r = 1; r <= repeats; r++)); do
        log "$tier ($name queries): rapporteur-search --topics ($r/$repeats)"
        read -r tp_s _ tp_status < <(timed /dev/null "$t/topics.err" \
          "$search_exe" --db "$t/ours" --topics "$tfile" --limit 10)
        if [ "$tp_status" = 0 ] && { [ "$topics_10" = null ] || faster "$tp_s" "$topics_10"; }; then topics_10=$tp_s; fi
        read -r tp_s _ tp_status < <(timed /dev/null "$t/topics.err" \
          "$search_exe" --db "$t/ours" --topics "$tfile" --limit 1000)
        if [ "$tp_status" = 0 ] && { [ "$topics_1000" = null ] || faster "$tp_s" "$topics_1000"; }; then topics_1000=$tp_s; fi
      done
    fi
    jq -n --argjson n "$(wc -l < "$tfile")" --argjson topics_10 "$topics_10" --argjson topics_1000 "$topics_1000" \
      '{n: $n, limit_10_s: $topics_10,
        limit_10_per_s: (if $topics_10 then $n / $topics_10 else null end),
        limit_1000_s: $topics_1000,
        limit_1000_per_s: (if $topics_1000 then $n / $topics_1000 else null end)}' > "$t/topics.$name.json"
  }
  query_set main "$queries" "$topics"
  heldout_json=null
  if [ -n "$heldout" ]; then
    query_set heldout "$heldout" "$heldout_topics"
    heldout_json="$(jq -n --argjson x "$(cat "$t/ref_query.heldout.json")" \
      --argjson o "$(cat "$t/ours_query.heldout.json")" --argjson tp "$(cat "$t/topics.heldout.json")" \
      '{xapian: {query: $x}, ours: {query: $o, topics: $tp}}')"
  fi

  jq -n --arg tier "$tier" --argjson bytes "$bytes" \
    --argjson ref_index "$(cat "$t/ref_index.json")" \
    --argjson ref_s "$ref_s" --argjson ref_rss "$ref_rss" \
    --argjson ref_query "$(cat "$t/ref_query.main.json")" \
    --argjson our_s "$our_s" --argjson our_rss "$our_rss" --argjson our_status "$our_status" \
    --argjson our_size "$our_size" --argjson our_docs "${our_docs:-0}" \
    --argjson re_s "$re_s" --argjson re_rss "$re_rss" \
    --argjson our_query "$(cat "$t/ours_query.main.json")" \
    --argjson topics "$(cat "$t/topics.main.json")" --argjson heldout "$heldout_json" '
    {tier: $tier, bytes: $bytes,
     xapian: {index: ($ref_index + {wall_s: $ref_s, peak_rss_kib: $ref_rss}), query: $ref_query},
     ours: {index: {engine: "rapporteur", wall_s: $our_s, exit: $our_status, bytes: $bytes,
                    passages: $our_docs, mb_per_s: ($bytes / 1e6 / $our_s),
                    passages_per_s: ($our_docs / $our_s), index_bytes: $our_size,
                    index_ratio: ($our_size / $bytes), peak_rss_kib: $our_rss,
                    reindex_wall_s: $re_s, reindex_peak_rss_kib: $re_rss},
            query: $our_query,
            topics: $topics},
     heldout: $heldout}' \
    > "$t/tier.json"
  tier_results+=("$t/tier.json")
done

jq -s --argjson machine "$(machine_json)" --arg date "$(date -u +%Y-%m-%dT%H:%MZ)" \
  --argjson rounds "$rounds" \
  --argjson repeats "$repeats" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
  '{date: $date, machine: ($machine + {load_at_end: $load}), rounds: $rounds, repeats: $repeats, tiers: .}' "${tier_results[@]}" \
  > "$results/$stamp.json"
perl "$bench/summarize.pl" "$results/$stamp.json" > "$results/$stamp.md"
log "wrote $results/$stamp.json and $results/$stamp.md"
cat "$results/$stamp.md"
