#!/usr/bin/env bash
# @file benchmarks/shards.sh
# @brief Sharded search on loopback against one local database, in the same run: indexes a
#        corpus once whole and as 1, 2 and 4 shards (rapporteur-index --shard K/N), serves each
#        shard with xapian-tcpsrv on 127.0.0.1, runs bench_shards, stops the servers.
#
#   bash benchmarks/shards.sh CORPUS_DIR QUERIES.tsv [BUILD_DIR]
#
# CORPUS_DIR: a tier (benchmarks/corpus/out/100MB) or any folder of reports; QUERIES.tsv in
# the query set's layout (qid, class, query, lang). Writes benchmarks/results/shards-<date>.json.
# SHARDS_WORK=DIR keeps the databases in DIR and reuses those already there (the 100MB tier
# takes minutes to index seven times); BENCH_ARGS are given to bench_shards (--queries 300).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=$1 queries=$2 build=${3:-$here/../build-bench}
# Built every time (nothing to do when up to date): a binary older than the sources would
# measure another searcher, and read its own index format only.
[[ -e $build/CMakeCache.txt ]] || cmake -S "$here/.." -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
nice cmake --build "$build" -j1 --target rapporteur-index bench_shards >/dev/null
# The index format these sources write: a database kept in SHARDS_WORK with another one is
# indexed again.
format=$(sed -n 's/^inline constexpr std::string_view VERSION = "\([0-9]*\)".*/\1/p' \
    "$here/../indexer/format/include/rapporteur/format/schema.h")
reusable() { [[ -e $1 ]] && [[ $(xapian-metadata get "$1" rapporteur:version 2>/dev/null) == "$format" ]]; }
work=${SHARDS_WORK:-$(mktemp -d)}
mkdir -p "$work"
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ -n ${SHARDS_WORK:-} ]] || rm -rf "$work"
}
trap cleanup EXIT
index=$build/indexer/rapporteur-index
reusable "$work/one" || { rm -rf "$work/one"; nice "$index" -q --db "$work/one" "$corpus"; }
port=$((20000 + RANDOM % 20000))
maps=()
for n in 1 2 4; do
    : >"$work/map$n"
    for k in $(seq 1 "$n"); do
        reusable "$work/s$n-$k" ||
            { rm -rf "$work/s$n-$k"; nice "$index" -q --shard "$k/$n" --db "$work/s$n-$k" "$corpus"; }
        # In a process group of its own: on SIGTERM xapian-tcpsrv signals its whole group (to
        # stop the children serving its connections), which would otherwise be this script's.
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$work/s$n-$k" &
        pids+=($!)
        echo "127.0.0.1:$port" >>"$work/map$n"
        port=$((port + 1))
    done
    maps+=("$work/map$n")
done
sleep 1
mkdir -p "$here/results"
out=$here/results/shards-$(date -u +%Y-%m-%d-%H%M).json
# A second run in the same minute gets a suffix instead of overwriting the first.
for n in 2 3 4 5 6 7 8 9; do [[ -e $out ]] || break; out=${out%.json}; out=${out%-[0-9]}-$n.json; done
# shellcheck disable=SC2086 # BENCH_ARGS is words
nice "$build/benchmarks/bench_shards" "$work/one" "$queries" "${maps[@]}" --rounds 3 ${BENCH_ARGS:-} |
    sed "s|$work/||g" >"$out"
echo "$out"
