#!/usr/bin/env bash
# @file benchmarks/pdf_read.sh
# @brief PDF reading speed as a ratio to pdftotext (poppler-utils) on the same files in the same
#        run: the seed typeset by LaTeX, a 5,000-page PDF, and every PDF under /usr/share/doc.
#
# Usage: bash benchmarks/pdf_read.sh    Environment: BENCH_BUILD (default build-bench),
# BENCH_ROUNDS (default 3; each tool's fastest round is kept, the two taking turns), BENCH_JOBS
# (build jobs, default nproc), BENCH_PDF_DOCS (how many of /usr/share/doc's PDFs, in sorted
# order; default all).
# Also times the words with their boxes and fonts alone on the same files (bench_pdf_read
# --words: poppler's text device and nothing of the layout after it), as its own ratio.
# Prints the figures and writes benchmarks/results/<date>-<HHMM>-pdf.json.
set -euo pipefail
export LC_ALL=C.UTF-8
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BENCH_BUILD:-$root/build-bench}"
rounds="${BENCH_ROUNDS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bash "$root/scripts/setup.sh" time jq >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRAPPORTEUR_BUILD_TESTS=OFF -DRAPPORTEUR_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j"${BENCH_JOBS:-$(nproc)}" --target bench_pdf_read >/dev/null

# The files: the test PDFs made the same way as in the test build, then /usr/share/doc's.
python3 "$root/tests/data/indexer/pdf/seed_to_latex.py" "$root/seeds/000_2e1ad919f53edd39.txt" "$work/seed.tex"
pdflatex -interaction=batchmode -halt-on-error -output-directory "$work" "$work/seed.tex" >/dev/null
python3 "$root/tests/data/indexer/pdf/make_long_pdf.py" "$work/long.pdf" 5000
{ echo "$work/seed.pdf"; echo "$work/long.pdf"; find /usr/share/doc -name '*.pdf' -type f | sort | head -n "${BENCH_PDF_DOCS:-100000}"; } >"$work/list"

# pdftotext, one process a file, as a user runs it; user+system seconds of all, best round.
pdftotext_round() {
  /usr/bin/time -f '%U %S' -o "$work/t" bash -c 'while read -r f; do pdftotext -q "$f" /dev/null || true; done <"$1"' _ "$work/list"
  awk '{print $1 + $2}' "$work/t"
}
ours_round() {
  /usr/bin/time -f '%U %S' -o "$work/t" "$build/benchmarks/bench_pdf_read" "$work/list" --rounds 1 >"$work/ours.json"
  awk '{print $1 + $2}' "$work/t"
}
words_round() {
  /usr/bin/time -f '%U %S' -o "$work/t" "$build/benchmarks/bench_pdf_read" "$work/list" --rounds 1 --words >"$work/words.json"
  awk '{print $1 + $2}' "$work/t"
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }
best_ref=""; best_ours=""; best_words=""
for _ in $(seq "$rounds"); do
  best_ref="$(best "$(pdftotext_round)" "$best_ref")"
  best_ours="$(best "$(ours_round)" "$best_ours")"
  best_words="$(best "$(words_round)" "$best_words")"
done
ratio="$(awk -v r="$best_ref" -v o="$best_ours" 'BEGIN { printf "%.2f", r / o }')"
words_ratio="$(awk -v r="$best_ref" -v o="$best_words" 'BEGIN { printf "%.2f", r / o }')"
mkdir -p "$root/benchmarks/results"
out="$root/benchmarks/results/$(date -u +%Y-%m-%d-%H%M)-pdf.json"
jq -n --argjson ours "$(cat "$work/ours.json")" --arg ref "$best_ref" --arg o "$best_ours" --arg ratio "$ratio" \
  --arg words "$best_words" --arg words_ratio "$words_ratio" --argjson words_run "$(cat "$work/words.json")" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --arg poppler "$(dpkg-query -W -f='${Version}' libpoppler-private-dev)" --arg commit "$(git -C "$root" rev-parse --short HEAD)" \
  '{pdftotext_cpu_seconds: ($ref|tonumber), ours_cpu_seconds: ($o|tonumber), speed_ratio: ($ratio|tonumber),
    ours: $ours, words_cpu_seconds: ($words|tonumber), words_speed_ratio: ($words_ratio|tonumber),
    words: $words_run, load_average: $load, poppler: $poppler, commit: $commit}' | tee "$out"
echo "pdf_read.sh: ours at ${ratio}x pdftotext's speed on $(wc -l <"$work/list") PDFs (CPU seconds: pdftotext $best_ref, ours $best_ours; the words alone $best_words, ${words_ratio}x)" >&2
