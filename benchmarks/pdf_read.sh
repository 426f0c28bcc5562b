#!/usr/bin/env bash
# @file benchmarks/pdf_read.sh
# @brief PDF reading speed as a ratio to pdftotext (poppler-utils) on the same files in the same
#        run: the seed typeset by LaTeX, a 5,000-page PDF, and every PDF under /usr/share/doc.
#
# Usage: bash benchmarks/pdf_read.sh    Environment: BENCH_BUILD (default build-bench),
# BENCH_ROUNDS (default 3; each tool's fastest round is kept, the two taking turns), BENCH_JOBS
# (build jobs, default nproc), BENCH_PDF_DOCS (how many of /usr/share/doc's PDFs, in sorted
# order; default all).
# Also times poppler's page::text_list() alone on the same files (bench_pdf_read --text-boxes):
# the floor the C++ API sets, as its own ratio to pdftotext.
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
boxes_round() {
  /usr/bin/time -f '%U %S' -o "$work/t" "$build/benchmarks/bench_pdf_read" "$work/list" --rounds 1 --text-boxes >"$work/boxes.json"
  awk '{print $1 + $2}' "$work/t"
}
best() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a < b) ? a : b }'; }
best_ref=""; best_ours=""; best_boxes=""
for _ in $(seq "$rounds"); do
  best_ref="$(best "$(pdftotext_round)" "$best_ref")"
  best_ours="$(best "$(ours_round)" "$best_ours")"
  best_boxes="$(best "$(boxes_round)" "$best_boxes")"
done
ratio="$(awk -v r="$best_ref" -v o="$best_ours" 'BEGIN { printf "%.2f", r / o }')"
boxes_ratio="$(awk -v r="$best_ref" -v o="$best_boxes" 'BEGIN { printf "%.2f", r / o }')"
mkdir -p "$root/benchmarks/results"
out="$root/benchmarks/results/$(date -u +%Y-%m-%d-%H%M)-pdf.json"
jq -n --argjson ours "$(cat "$work/ours.json")" --arg ref "$best_ref" --arg o "$best_ours" --arg ratio "$ratio" \
  --arg boxes "$best_boxes" --arg boxes_ratio "$boxes_ratio" --argjson boxes_run "$(cat "$work/boxes.json")" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --arg poppler "$(dpkg-query -W -f='${Version}' libpoppler-cpp0v5)" --arg commit "$(git -C "$root" rev-parse --short HEAD)" \
  '{pdftotext_cpu_seconds: ($ref|tonumber), ours_cpu_seconds: ($o|tonumber), speed_ratio: ($ratio|tonumber),
    ours: $ours, text_list_cpu_seconds: ($boxes|tonumber), text_list_speed_ratio: ($boxes_ratio|tonumber),
    text_list: $boxes_run, load_average: $load, poppler: $poppler, commit: $commit}' | tee "$out"
echo "pdf_read.sh: ours at ${ratio}x pdftotext's speed on $(wc -l <"$work/list") PDFs (CPU seconds: pdftotext $best_ref, ours $best_ours; text_list() alone $best_boxes, ${boxes_ratio}x)" >&2
