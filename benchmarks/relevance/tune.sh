#!/usr/bin/env bash
# @file benchmarks/relevance/tune.sh
# @brief Held-out tuning: chooses BM25 k1 and b and the title and footnote field weights by
#        nDCG@10 on the tuning half of the topics (odd qids) only, then scores the choice on
#        the held-out half (even qids), which took no part in it.
#
# Usage: benchmarks/relevance/tune.sh [--bin DIR]
#   --bin DIR   directory holding rapporteur-index, rapporteur-search and rapporteur-eval
#               (default: the build/ tree of the source tree)
# Prints one line per grid point (tuning nDCG@10), then the best point and the defaults with
# nDCG@10, MAP and P@5 on both halves. The corpus and configuration are run.sh's "all".
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=""
[ "${1:-}" = "--bin" ] && bin="$2"
INDEX=${bin:+$bin/}rapporteur-index SEARCH=${bin:+$bin/}rapporteur-search EVAL=${bin:+$bin/}rapporteur-eval
[ -n "$bin" ] || { INDEX=$root/build/indexer/rapporteur-index; SEARCH=$root/build/searcher/rapporteur-search
                   EVAL=$root/build/searcher/evaluation/rapporteur-eval; }
work=$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-tune.XXXXXX"); trap 'rm -rf "$work"' EXIT

corpus=("$root/seeds/000_2e1ad919f53edd39.txt")
for f in bericht_de.md informe_es.txt otchet_ru.txt rapport_fr.txt; do corpus+=("$root/tests/data/indexer/$f"); done
"$INDEX" --quiet --db "$work/db" "${corpus[@]}"
awk -F'\t' '$1 % 2 == 1' "$here/topics.tsv" > "$work/topics-tuning.tsv"
awk '$1 % 2 == 1' "$here/qrels.txt" > "$work/qrels-tuning.txt"
awk '$1 % 2 == 0' "$here/qrels.txt" > "$work/qrels-held-out.txt"

score() { # half, measure, run file
  "$EVAL" -c -m ndcg_cut.10 -m map -m P.5 "$work/qrels-$1.txt" "$3" | awk -v m="$2" '$1 == m && $2 == "all" { print $3 }'
}
best="" best_score=-1
for k1 in 0.6 0.9 1.2; do
  for b in 0.25 0.4 0.6; do
    for fw in 0.1 0.3 0.5; do
      for tw in 0.25 0.5; do
        args="--k1 $k1 --b $b --footnote-weight $fw --title-weight $tw"
        # shellcheck disable=SC2086
        "$SEARCH" --db "$work/db" --topics "$work/topics-tuning.tsv" --limit 1000 $args > "$work/run.txt"
        s=$(score tuning ndcg_cut_10 "$work/run.txt")
        echo "$args	$s"
        if awk -v s="$s" -v b="$best_score" 'BEGIN { exit !(s > b + 1e-9) }'; then best="$args" best_score=$s; fi
      done
    done
  done
done
report() { # label, arguments
  # shellcheck disable=SC2086
  "$SEARCH" --db "$work/db" --topics "$here/topics.tsv" --limit 1000 $2 > "$work/run-all.txt"
  for half in tuning held-out; do
    awk -v h="$half" '(h == "tuning") == ($1 % 2 == 1)' "$work/run-all.txt" > "$work/run-$half.txt"
    printf '%s\t%s\tnDCG@10 %s\tMAP %s\tP@5 %s\n' "$1" "$half" "$(score "$half" ndcg_cut_10 "$work/run-$half.txt")" \
      "$(score "$half" map "$work/run-$half.txt")" "$(score "$half" P_5 "$work/run-$half.txt")"
  done
}
echo
report "best ($best)" "$best"
report "defaults" ""
