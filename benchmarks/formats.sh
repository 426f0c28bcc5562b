#!/usr/bin/env bash
# @file benchmarks/formats.sh
# @brief Indexing speed by input format: the same documents as plain text (the reference), as
#        DOCX, ODT and HTML (made by pandoc), and as a folder of the four mixed, each indexed by
#        rapporteur-index in the same run; MB/s of source text and the ratio to plain text.
#
# Usage: bash benchmarks/formats.sh [SOURCE_DIR]
#   SOURCE_DIR: .txt (the seed's layout) or .md documents; default: the corpus's 1MB tier
#   (benchmarks/corpus/out/1MB, built by corpus/build_corpus.sh when missing).
# Environment: BENCH_BUILD (a build directory with rapporteur-index, default build-bench, built
# in Release when missing), BENCH_REPEATS (runs per folder, the fastest kept; default 3),
# BENCH_WORK (converted files and databases, default benchmarks/work).
# Writes benchmarks/results/<date>-<HHMM>-formats.md and prints it.
#
# Every folder holds the same documents, so MB/s is of the same source bytes throughout: a
# format's ratio is the cost of reading it (unzipping, parsing XML or HTML) beside plain text,
# once for indexing (a fresh database each run) and once for reading alone (--dump).
# A document keeps its layout through pandoc: "Day N. Session M - ..." lines become headings.
set -euo pipefail
export LC_ALL=C.UTF-8

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/benchmarks"
build="${BENCH_BUILD:-$root/build-bench}"
repeats="${BENCH_REPEATS:-3}"
work="${BENCH_WORK:-$bench/work}/formats"
stamp="$(date -u +%Y-%m-%d-%H%M)"
log() { echo "formats.sh: $*" >&2; }

src="${1:-}"
if [ -z "$src" ]; then
  bash "$bench/corpus/build_corpus.sh" "$bench/corpus/out" >&2
  src="$bench/corpus/out/1MB"
fi
src="$(cd "$src" && pwd)"
bash "$root/scripts/setup.sh" pandoc >&2
index="$build/indexer/rapporteur-index"
if [ ! -x "$index" ]; then
  log "building rapporteur-index (Release) in $build"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRAPPORTEUR_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" --target rapporteur-index >/dev/null
fi

# --- the folders: converted once, kept while their source is unchanged ----------------------
name="$(basename "$src")"
mkdir -p "$work/$name"/{source,docx,odt,html,mixed}
mapfile -t docs < <(find "$src" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) -printf '%f\n' | sort)
[ ${#docs[@]} -gt 0 ] || { log "no .txt or .md documents in $src"; exit 1; }
formats=(source docx odt html)
k=0
for doc in "${docs[@]}"; do
  base="${doc%.*}"
  ext="${doc##*.}"
  cp -p "$src/$doc" "$work/$name/source/$doc"
  for f in docx odt html; do
    out="$work/$name/$f/$base.$f"
    if [ ! -s "$out" ] || [ "$src/$doc" -nt "$out" ]; then
      # The seed's layout read as Markdown: session lines are headings, nothing else changes.
      sed -E 's/^(Day [0-9]+[.,] Session [0-9]+)/## \1/' "$src/$doc" |
        pandoc --from markdown-smart --standalone --metadata title="$base" -o "$out"
    fi
  done
  # Mixed: the documents take the four formats in turn.
  f="${formats[$((k % 4))]}"
  rm -f "$work/$name/mixed/$base".*
  if [ "$f" = source ]; then cp -p "$src/$doc" "$work/$name/mixed/$doc"; else cp -p "$work/$name/$f/$base.$f" "$work/$name/mixed/"; fi
  k=$((k + 1))
done
text_bytes="$(cd "$src" && cat "${docs[@]}" | wc -c)"
log "$name: ${#docs[@]} documents, $text_bytes bytes of source text"

# --- the runs: each folder into a fresh database, the fastest of $repeats kept ----------------
declare -A best read_best files_mb passages
for folder in source docx odt html mixed; do
  for r in $(seq "$repeats"); do
    db="$work/db-$folder"
    rm -rf "$db"
    t0="$(date +%s.%N)"
    "$index" --db "$db" "$work/$name/$folder" 2>"$work/$folder.err" >/dev/null || {
      log "$folder: rapporteur-index failed: $(tail -n 3 "$work/$folder.err")"
      exit 1
    }
    t1="$(date +%s.%N)"
    s="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
    if [ -z "${best[$folder]:-}" ] || awk -v a="$s" -v b="${best[$folder]}" 'BEGIN { exit !(a < b) }'; then
      best[$folder]="$s"
    fi
    # Reading alone: --dump reads every file into the document model and writes no index.
    t0="$(date +%s.%N)"
    "$index" --dump "$work/$name/$folder" >/dev/null 2>&1
    t1="$(date +%s.%N)"
    s="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
    if [ -z "${read_best[$folder]:-}" ] || awk -v a="$s" -v b="${read_best[$folder]}" 'BEGIN { exit !(a < b) }'; then
      read_best[$folder]="$s"
    fi
  done
  files_mb[$folder]="$(du -cb "$work/$name/$folder" | tail -n 1 | awk '{ printf "%.2f", $1 / 1e6 }')"
  passages[$folder]="$(grep -oE '[0-9]+ passages' "$work/$folder.err" | head -n 1 | cut -d' ' -f1)"
  log "$folder: indexed in ${best[$folder]} s, read in ${read_best[$folder]} s, ${passages[$folder]} passages"
done

mkdir -p "$bench/results"
report="$bench/results/$stamp-formats.md"
{
  echo "# Indexing by input format, $stamp"
  echo
  echo "Source: \`$name\` (${#docs[@]} documents, $(awk -v b="$text_bytes" 'BEGIN { printf "%.2f", b / 1e6 }') MB of text);"
  echo "rapporteur-index from \`$(basename "$build")\`; fastest of $repeats runs each, fresh database each run."
  echo
  echo "| folder | files MB | passages | indexing s | indexing MB/s | ratio | reading s (--dump) | reading MB/s | ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for folder in source docx odt html mixed; do
    awk -v f="$folder" -v mb="${files_mb[$folder]}" -v p="${passages[$folder]}" -v s="${best[$folder]}" \
      -v b="$text_bytes" -v ref="${best[source]}" -v rs="${read_best[$folder]}" -v rref="${read_best[source]}" \
      'BEGIN { printf "| %s | %s | %s | %.3f | %.2f | %.2f | %.3f | %.2f | %.2f |\n",
               f, mb, p, s, b / 1e6 / s, ref / s, rs, b / 1e6 / rs, rref / rs }'
  done
  echo
  echo "MB/s are of the source text (the same bytes in every folder); a ratio is the plain-text"
  echo "(or Markdown) source's time over the folder's, so below 1 is slower than the source."
} > "$report"
cat "$report"
log "wrote $report"
