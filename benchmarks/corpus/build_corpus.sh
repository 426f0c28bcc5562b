#!/usr/bin/env bash
# @file benchmarks/corpus/build_corpus.sh
# @brief Builds the benchmark corpus deterministically from Debian 12's man-page packages.
#
# Usage: bash benchmarks/corpus/build_corpus.sh [OUT_DIR]     (default: benchmarks/corpus/out)
#
# Steps (a rerun redoes only what its inputs changed, see below):
#   1. install the man-page packages below that are missing (apt-get, as root; says so);
#   2. render every page of those packages (the files `dpkg -L` lists, not whatever else is on the
#      machine) to plain UTF-8 text with groff, 80 columns, no hyphenation, no overstrikes;
#   3. turn the pages into documents in the seed's plain-text format (assemble.pl) and pack them
#      into tiers of about 1, 10 and 100 MB plus "full" (everything), languages interleaved so
#      that every tier holds every language; the larger tiers contain the smaller ones;
#   4. draw about 1000 queries with a fixed seed from the 100 MB tier (make_queries.pl).
# The same package versions give byte-identical tiers and queries (sorted file lists, C collation,
# fixed seed); nothing is padded or repeated. On a rerun a rendered batch is kept only if its line
# in the render plan (file, macros, source pages) is unchanged and none of its packages (nor
# groff-base, bsdextrautils) changed version; the documents, tiers and queries are made again
# whenever the plan, a version or the script making them changed. So a rerun gives what a build
# from nothing would.
set -euo pipefail
export LC_ALL=C.UTF-8

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/out}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"   # absolute: the render step runs inside it
jobs="${BENCH_JOBS:-$(nproc)}"

# language → packages. Each language is one stemmer/analysis language of the benchmark. The
# translations are all of Debian 12's manpages-XX packages; English adds the man pages of
# packages that are mostly prose (Perl's manuals and modules, git, OpenSSL, Erlang, Tcl/Tk and
# tcllib, Xlib, zsh), so that the corpus passes 100 MB without repeating anything.
langs=(en fr de es it ru zh ja pl nl pt uk cs da el fi hu id mk nb ro sr sv tr vi)
declare -A packages=(
  [en]="manpages manpages-dev perl-doc git-man libssl-doc erlang-manpages tcl8.6-doc tk8.6-doc
        tcllib libx11-doc zsh-common"
  [fr]="manpages-fr manpages-fr-dev"
  [de]="manpages-de manpages-de-dev"
  [es]="manpages-es manpages-es-dev"
  [it]="manpages-it manpages-it-dev"
  [ru]="manpages-ru manpages-ru-dev"
  [zh]="manpages-zh"
  [ja]="manpages-ja manpages-ja-dev"
  [pl]="manpages-pl manpages-pl-dev"
  [nl]="manpages-nl manpages-nl-dev"
  [pt]="manpages-pt-br manpages-pt-br-dev"
  [uk]="manpages-uk manpages-uk-dev"
  [cs]="manpages-cs manpages-cs-dev"
  [da]="manpages-da manpages-da-dev"
  [el]="manpages-el"
  [fi]="manpages-fi"
  [hu]="manpages-hu"
  [id]="manpages-id"
  [mk]="manpages-mk"
  [nb]="manpages-nb"
  [ro]="manpages-ro"
  [sr]="manpages-sr"
  [sv]="manpages-sv"
  [tr]="manpages-tr"
  [vi]="manpages-vi"
)
# manpages-zh ships both simplified (zh_CN) and traditional (zh_TW) pages; both are Chinese.
# manpages-tr is its own older translation project (2.0.6), not the manpages-l10n of the others.

# --- 1. packages -----------------------------------------------------------------------------
need=(groff-base man-db bsdextrautils perl)
for l in "${langs[@]}"; do need+=(${packages[$l]}); done
bash "$here/../../scripts/setup.sh" "${need[@]}"

# Versions of what the corpus is made of, for the record and to see what changed since last run.
for p in "${need[@]}"; do dpkg-query -W -f='${Package}\t${Version}\n' "$p"; done \
  > "$out/packages.tsv.new"

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
# another name of that page and is left out. Batch files are named relative to $out.
batches="$out/batches.tsv"   # batch file <TAB> macro package <TAB> source pages (space-separated)
perl "$here/plan_batches.pl" render < "$list" > "$batches.new"

# What a previous run rendered is kept only where it is what this run would render: the same
# plan line and the same versions of its package and of the renderer; everything else goes.
[ -f "$batches" ] || : > "$batches"
[ -f "$out/packages.tsv" ] || : > "$out/packages.tsv"
changed=" $(awk -F'\t' 'FILENAME == ARGV[1] { old[$1] = $2; next } old[$1] != $2 { print $1 }' \
  "$out/packages.tsv" "$out/packages.tsv.new" | tr '\n' ' ') "
keep="$out/render.keep"
case "$changed" in
  *" groff-base "* | *" bsdextrautils "*) : > "$keep" ;;   # a new renderer: render everything anew
  *) awk -F'\t' -v changed="$changed" '
       FILENAME == ARGV[1] { old[$1] = $0; next }
       { split($1, part, "/") }                  # render/<lang>/<package>/batch-NNNN.txt
       old[$1] == $0 && index(changed, " " part[3] " ") == 0 { print $1 }
     ' "$batches" "$batches.new" | sort > "$keep" ;;
esac
(cd "$out" && find render -type f | sort | comm -23 - "$keep" | xargs -r rm -f)
rm -f "$keep"
# Replaced only when different, so that their times say when the inputs last changed.
for f in "$batches" "$out/packages.tsv"; do
  if cmp -s "$f" "$f.new"; then rm -f "$f.new"; else mv "$f.new" "$f"; fi
done

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
todo=$(cd "$out" && cut -f1 "$batches" | while read -r f; do [ -e "$f" ] || echo; done | wc -l)
if [ "$todo" -gt 0 ]; then
  echo "build_corpus: rendering $todo of $total batches with $jobs jobs..."
  # Inside $out, always: a ".so man1/zshmisc.1" within a page (zshall(1) is made of them) finds
  # nothing there, so what a page includes never depends on where the script was started.
  (cd "$out" && tr '\t' '\n' < "$batches" | xargs -d '\n' -n 3 -P "$jobs" bash -c 'render_batch "$@"' _)
fi

# --- 3. documents and tiers ------------------------------------------------------------------
# Made again whenever the plan, a version or assemble.pl changed since they were made.
if [ ! -s "$out/tiers.tsv" ] || [ "$batches" -nt "$out/tiers.tsv" ] \
   || [ "$out/packages.tsv" -nt "$out/tiers.tsv" ] || [ "$here/assemble.pl" -nt "$out/tiers.tsv" ]; then
  rm -rf "$out/docs" "$out/1MB" "$out/10MB" "$out/100MB" "$out/full" "$out/tiers.tsv"
  perl "$here/assemble.pl" "$batches" "$out"
fi

# --- 4. queries ------------------------------------------------------------------------------
if [ ! -s "$out/queries.tsv" ] || [ "$out/tiers.tsv" -nt "$out/queries.tsv" ] \
   || [ "$here/make_queries.pl" -nt "$out/queries.tsv" ]; then
  # Drawn from the 100 MB tier (the one the targets speak of), or from everything if smaller.
  from="$out/100MB"
  [ -d "$from" ] || from="$out/full"
  perl "$here/make_queries.pl" "$from" 20261130 1000 > "$out/queries.tsv.tmp"
  mv "$out/queries.tsv.tmp" "$out/queries.tsv"
fi
# The held-out set: the same draw with another seed, never looked at while tuning the searcher,
# so a figure measured on both sets shows whether a speed-up was fitted to the first one's queries.
if [ ! -s "$out/queries_heldout.tsv" ] || [ "$out/tiers.tsv" -nt "$out/queries_heldout.tsv" ] \
   || [ "$here/make_queries.pl" -nt "$out/queries_heldout.tsv" ]; then
  from="$out/100MB"
  [ -d "$from" ] || from="$out/full"
  perl "$here/make_queries.pl" "$from" 20261201 1000 > "$out/queries_heldout.tsv.tmp"
  mv "$out/queries_heldout.tsv.tmp" "$out/queries_heldout.tsv"
fi

echo "build_corpus: tiers in $out:"
cat "$out/tiers.tsv"
echo "build_corpus: $(($(wc -l < "$out/queries.tsv") - 1)) queries in $out/queries.tsv," \
  "$(($(wc -l < "$out/queries_heldout.tsv") - 1)) in $out/queries_heldout.tsv"
