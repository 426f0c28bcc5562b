#!/usr/bin/env bash
# @file benchmarks/relevance/run.sh
# @brief The relevance regression: index the corpus once per analysis configuration, run the
#        topics, score the runs with rapporteur-eval, print the table (nDCG@10, MAP, P@5, MRR).
#
# Usage: benchmarks/relevance/run.sh [--bin DIR] [--index EXE --search EXE --eval EXE] [--check]
#                                    [--keep DIR]
#   --bin DIR   directory holding rapporteur-index, rapporteur-search and rapporteur-eval
#               (default: build/{indexer,searcher} of the source tree, else $PATH)
#   --index, --search, --eval   the executables one by one (the CTest test passes these)
#   --check     also check: the qrels name passages that exist, topics.trec gives the same run
#               as topics.tsv, and nDCG@10 of the full configuration is at most 0.01 below the
#               figure in expected.tsv (exit 1 otherwise, and when an executable does not
#               run or lacks --topics or --features, or a corpus file is missing: a check
#               that cannot be made fails, it is never skipped).
#   --record    write the figures of this run to expected.tsv (after a deliberate change)
#   --keep DIR  keep the databases, runs and evaluations in DIR instead of a temporary directory
# Prints a Markdown table to stdout; figures to 4 decimals, as trec_eval prints them. Averages
# are over all judged topics (rapporteur-eval -c): a topic that retrieves nothing scores 0.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="" check=0 record=0 keep="" INDEX="" SEARCH="" EVAL=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --index) INDEX="$2"; shift 2 ;;
    --search) SEARCH="$2"; shift 2 ;;
    --eval) EVAL="$2"; shift 2 ;;
    --check) check=1; shift ;;
    --record) record=1; shift ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

find_tool() { # name, build subdirectory
  if [ -n "$bin" ]; then echo "$bin/$1"
  elif [ -x "$root/build/$2/$1" ]; then echo "$root/build/$2/$1"
  else command -v "$1" || { echo "run.sh: $1 not found (use --bin)" >&2; exit 2; }
  fi
}
[ -n "$INDEX" ] || INDEX=$(find_tool rapporteur-index indexer)
[ -n "$SEARCH" ] || SEARCH=$(find_tool rapporteur-search searcher)
[ -n "$EVAL" ] || EVAL=$(find_tool rapporteur-eval searcher)

# The judged corpus: the seed report and the multilingual test reports (see README.md).
corpus=("$root/seeds/000_2e1ad919f53edd39.txt")
for f in bericht_de.md informe_es.txt otchet_ru.txt rapport_fr.txt; do
  corpus+=("$root/tests/data/indexer/$f")
done

# Configurations: plain BM25, each analysis feature alone, and all of them (the default).
configs=("bm25:none" "stem:stem" "fold:fold" "compound:compound" "variant:variant"
         "synonym:synonym" "exact:exact" "all-but-exact:stem,fold,compound,variant,synonym"
         "all:stem,fold,compound,variant,synonym,exact")

fail() { echo "run.sh: $1" >&2; exit 1; }
# Each executable must run and offer what the table needs; a probe that fails is a failure.
index_help=$("$INDEX" --help) || fail "$INDEX --help failed"
search_help=$("$SEARCH" --help) || fail "$SEARCH --help failed"
"$EVAL" --help >/dev/null || fail "$EVAL --help failed"
grep -q -- '--features' <<<"$index_help" || fail "rapporteur-index has no --features"
grep -q -- '--topics' <<<"$search_help" || fail "rapporteur-search has no --topics"
for f in "${corpus[@]}"; do [ -f "$f" ] || fail "corpus file $f is missing"; done

if [ -n "$keep" ]; then work="$keep"; mkdir -p "$work"
else work=$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-relevance.XXXXXX"); trap 'rm -rf "$work"' EXIT
fi

measure() { # measure name, evaluation file
  awk -v m="$1" '$1 == m && $2 == "all" { print $3 }' "$2"
}

printf '| configuration | features | nDCG@10 | MAP | P@5 | MRR |\n'
printf '|---|---|---:|---:|---:|---:|\n'
printf 'config\tfeatures\tndcg_cut_10\tmap\tP_5\trecip_rank\tsource\n' > "$work/expected.tsv"
source="run.sh $(date -u +%Y-%m-%d), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
for entry in "${configs[@]}"; do
  name=${entry%%:*} features=${entry#*:}
  db="$work/db-$name"
  rm -rf "$db"
  "$INDEX" --quiet --db "$db" --features "$features" "${corpus[@]}"
  "$SEARCH" --db "$db" --topics "$here/topics.tsv" --run-tag "rapporteur-$name" --limit 1000 > "$work/run-$name.txt"
  "$EVAL" -c -m ndcg_cut.10 -m map -m P.5 -m recip_rank -m num_q "$here/qrels.txt" "$work/run-$name.txt" \
    > "$work/eval-$name.txt"
  figures=("$(measure ndcg_cut_10 "$work/eval-$name.txt")" "$(measure map "$work/eval-$name.txt")"
           "$(measure P_5 "$work/eval-$name.txt")" "$(measure recip_rank "$work/eval-$name.txt")")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$features" "${figures[@]}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$features" "${figures[@]}" "$source" >> "$work/expected.tsv"
done

# The full configuration on the topic subsets (see README.md): the tuning half (odd qids), on
# which the ranking parameters were chosen (tune.sh), the held-out half (even qids), and the
# topics not in English (qids listed in multilingual.txt).
subset() { # name, awk condition on the qid
  awk "$2" "$here/qrels.txt" > "$work/qrels-$1.txt"
  awk "$2" "$work/run-all.txt" > "$work/run-all-$1.txt"
  "$EVAL" -c -m ndcg_cut.10 -m map -m P.5 -m recip_rank "$work/qrels-$1.txt" "$work/run-all-$1.txt" > "$work/eval-$1.txt"
  printf '| all, %s | %s | %s | %s | %s | %s |\n' "$1" "$(awk '{print $1}' "$work/qrels-$1.txt" | sort -u | wc -l) topics" \
    "$(measure ndcg_cut_10 "$work/eval-$1.txt")" "$(measure map "$work/eval-$1.txt")" \
    "$(measure P_5 "$work/eval-$1.txt")" "$(measure recip_rank "$work/eval-$1.txt")"
}
multilingual=$(grep -v '^#' "$here/multilingual.txt" | tr '\n' ' ')
subset tuning '$1 % 2 == 1'
subset held-out '$1 % 2 == 0'
subset multilingual "BEGIN { split(\"$multilingual\", q, \" \"); for (i in q) m[q[i]] = 1 } \$1 in m"
# Cross-language topics (topics_xlang.tsv, qrels_xlang.txt) on the full configuration, without
# and with --cross-language (FreeDict dictionaries from /usr/share/dictd or $RAPPORTEUR_DICTD_DIR).
if [ -f "$here/topics_xlang.tsv" ] && grep -q -- '--cross-language' <<<"$search_help"; then
  printf '\n| cross-language topics | nDCG@10 | MAP | P@5 | MRR |\n|---|---:|---:|---:|---:|\n'
  for mode in without with; do
    flag=()
    [ "$mode" = with ] && flag=(--cross-language)
    "$SEARCH" --db "$work/db-all" --topics "$here/topics_xlang.tsv" "${flag[@]}" --run-tag "rapporteur-xlang-$mode" \
      --limit 1000 > "$work/run-xlang-$mode.txt" 2> "$work/run-xlang-$mode.err"
    "$EVAL" -c -m ndcg_cut.10 -m map -m P.5 -m recip_rank "$here/qrels_xlang.txt" "$work/run-xlang-$mode.txt" \
      > "$work/eval-xlang-$mode.txt"
    printf '| %s --cross-language | %s | %s | %s | %s |\n' "$mode" "$(measure ndcg_cut_10 "$work/eval-xlang-$mode.txt")" \
      "$(measure map "$work/eval-xlang-$mode.txt")" "$(measure P_5 "$work/eval-xlang-$mode.txt")" \
      "$(measure recip_rank "$work/eval-xlang-$mode.txt")"
  done
fi

if [ "$record" = 1 ]; then
  cp "$work/expected.tsv" "$here/expected.tsv"
  echo "run.sh: recorded the figures in $here/expected.tsv" >&2
fi

if [ "$check" = 1 ]; then
  # Every judged passage must exist: passage ids change when the document model does, and a
  # judgment of a vanished id would silently count as a relevant passage never retrieved.
  "$INDEX" --dump "${corpus[@]}" | grep -o '"id": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' | sort -u > "$work/ids.txt"
  awk '{ print $3 }' "$here/qrels.txt" "$here/qrels_xlang.txt" | sort -u > "$work/judged.txt"
  if [ -n "$(comm -23 "$work/judged.txt" "$work/ids.txt")" ]; then
    echo "run.sh: qrels.txt judges passages the corpus does not have:" $(comm -23 "$work/judged.txt" "$work/ids.txt") >&2
    exit 1
  fi
  # The TREC topic file must give the same run as the TSV one.
  "$SEARCH" --db "$work/db-all" --topics "$here/topics.trec" --run-tag "rapporteur-all" --limit 1000 \
    > "$work/run-all-trec.txt"
  if ! cmp -s "$work/run-all.txt" "$work/run-all-trec.txt"; then
    echo "run.sh: topics.trec and topics.tsv give different runs" >&2
    exit 1
  fi
  expected=$(awk -F'\t' '$1 == "all" { print $3 }' "$here/expected.tsv")
  measured=$(measure ndcg_cut_10 "$work/eval-all.txt")
  if awk -v m="$measured" -v e="$expected" 'BEGIN { exit !(m + 0.01 < e) }'; then
    echo "run.sh: nDCG@10 of the full configuration fell to $measured, more than 0.01 below the recorded $expected" >&2
    exit 1
  fi
  echo "nDCG@10 (all) = $measured; recorded $expected: ok" >&2
fi
