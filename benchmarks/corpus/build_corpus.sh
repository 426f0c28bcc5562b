#!/usr/bin/env bash
# @file benchmarks/corpus/build_corpus.sh
# @brief Builds the benchmark corpus deterministically from Debian 12's man-page packages.
#
# Usage: bash benchmarks/corpus/build_corpus.sh [OUT_DIR]     (default: benchmarks/corpus/out)
#
# Steps, each skipped when its output is already there:
#   1. install the man-page packages below that are missing (apt-get, as root; says so);
#   2. render every page of those packages (the files `dpkg -L` lists, not whatever else is on the
#      machine) to plain UTF-8 text with groff, 80 columns, no hyphenation, no overstrikes;
#   3. turn the pages into documents in the seed's plain-text format (assemble.pl) and pack them
#      into tiers of about 1, 10 and 100 MB plus "full" (everything), languages interleaved so
#      that every tier holds every language; the larger tiers contain the smaller ones;
#   4. draw about 1000 queries with a fixed seed from the 100 MB tier (make_queries.pl).
# The same package versions give byte-identical tiers and queries (sorted file lists, C collation,
# fixed seed); nothing is padded or repeated.
set -euo pipefail
export LC_ALL=C.UTF-8

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/out}"
jobs="${BENCH_JOBS:-$(nproc)}"

# language → packages. Each language is one stemmer/analysis language of the benchmark.
langs=(en fr de es it ru zh ja pl nl pt uk)
declare -A packages=(
  [en]="manpages manpages-dev"
  [fr]="manpages-fr manpages-fr-dev"
  [de]="manpages-de manpages-de-dev"
  [es]="manpages-es manpages-es-dev"
  [it]="manpages-it manpages-it-dev"
  [ru]="manpages-ru manpages-ru-dev"
  [zh]="manpages-zh"
  [ja]="manpages-ja manpages-ja-dev"
  [pl]="manpages-pl manpages-pl-dev"
  [nl]="manpages-nl manpages-nl-dev"
  [pt]="manpages-pt-br"
  [uk]="manpages-uk manpages-uk-dev"
)
# manpages-zh ships both simplified (zh_CN) and traditional (zh_TW) pages; both are Chinese.

# --- 1. packages -----------------------------------------------------------------------------
need=(groff-base man-db bsdextrautils perl)
for l in "${langs[@]}"; do need+=(${packages[$l]}); done
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "build_corpus: installing missing packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "build_corpus: must run as root to install them (or install them yourself)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Versions of what the corpus is made of, for the record.
mkdir -p "$out"
{
  for p in "${need[@]}"; do dpkg-query -W -f='${Package}\t${Version}\n' "$p"; done
} > "$out/packages.tsv"

# --- 2. render -------------------------------------------------------------------------------
render="$out/render"
mkdir -p "$render"
list="$out/pages.tsv"   # lang <TAB> package <TAB> source path, sorted
: > "$list.tmp"
for l in "${langs[@]}"; do
  for p in ${packages[$l]}; do
    # Regular files only (links are other names of the same page), in a man section directory.
    dpkg -L "$p" | grep -E '^/usr/share/man/([a-zA-Z_]+/)?man[0-9][^/]*/[^/]+$' | while read -r f; do
      if [ -f "$f" ] && [ ! -L "$f" ]; then printf '%s\t%s\t%s\n' "$l" "$p" "$f"; fi
    done >> "$list.tmp"
  done
done
sort -t $'\t' -k1,1 -k3,3 "$list.tmp" > "$list"
rm -f "$list.tmp"

# Pages are rendered in batches of up to 40 consecutive pages of one package, one groff run per
# batch (a groff start costs more than a short page); the running header line that starts every
# page ("STAT(1)   User Commands   STAT(1)") is where assemble.pl splits a batch again. Pages in
# mdoc (BSD) macros are rendered alone with -mdoc. A page that is only ".so other-page" is
# another name of that page and is left out.
batches="$out/batches.tsv"   # batch file <TAB> macro package <TAB> source pages (space-separated)
if [ ! -s "$batches" ]; then
  perl "$here/plan_batches.pl" "$render" < "$list" > "$batches.tmp"
  mv "$batches.tmp" "$batches"
fi

render_batch() {
  # $1 batch file, $2 macro package, $3 source pages: renders them, in order, into $1.
  local dest="$1" macros="$2" f
  [ -e "$dest" ] && return 0
  mkdir -p "$(dirname "$dest")"
  # preconv: Debian 12 ships every translation in UTF-8; tbl for tables; -rHY=0 no hyphenation
  # (words stay whole); -P-cbou plain text, no overstrikes; col -bx removes any left, expands tabs.
  for f in $3; do gzip -dcf "$f"; printf '\n'; done \
    | preconv -e UTF-8 | tbl 2>/dev/null \
    | groff -m"$macros" -Tutf8 -rLL=80n -rHY=0 -P-cbou 2>/dev/null | col -bx > "$dest.tmp" || true
  mv "$dest.tmp" "$dest"
}
export -f render_batch

total=$(wc -l < "$batches")
done_count=$(find "$render" -name 'batch-*.txt' | wc -l)
if [ "$done_count" -lt "$total" ]; then
  echo "build_corpus: rendering $((total - done_count)) of $total batches with $jobs jobs..."
  tr '\t' '\n' < "$batches" | xargs -d '\n' -n 3 -P "$jobs" bash -c 'render_batch "$@"' _
fi

# --- 3. documents and tiers ------------------------------------------------------------------
if [ ! -s "$out/tiers.tsv" ]; then
  perl "$here/assemble.pl" "$batches" "$out"
fi

# --- 4. queries ------------------------------------------------------------------------------
if [ ! -s "$out/queries.tsv" ]; then
  # Drawn from the 100 MB tier (the one the targets speak of), or from everything if smaller.
  from="$out/100MB"
  [ -d "$from" ] || from="$out/full"
  perl "$here/make_queries.pl" "$from" 20261130 1000 > "$out/queries.tsv.tmp"
  mv "$out/queries.tsv.tmp" "$out/queries.tsv"
fi

echo "build_corpus: tiers in $out:"
cat "$out/tiers.tsv"
echo "build_corpus: $(($(wc -l < "$out/queries.tsv") - 1)) queries in $out/queries.tsv"
