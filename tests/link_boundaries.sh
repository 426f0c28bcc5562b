#!/usr/bin/env bash
# @file tests/link_boundaries.sh
# @brief The stages' link boundaries hold in the built executables: rapporteur-search carries
#        none of the readers (the report parser, the gazetteer, session headings), and
#        rapporteur-eval links neither Xapian nor ICU nor CLD2.
# Usage: link_boundaries.sh RAPPORTEUR_SEARCH RAPPORTEUR_EVAL RAPPORTEUR_INDEX
set -euo pipefail
search="$1" eval="$2" index="$3"
fail=0
index_symbols=$(nm -C "$index") search_symbols=$(nm -C "$search") eval_libs=$(ldd "$eval")
readers='rapporteur::(parse_report|Gazetteer|match_session_heading|normalize_text|PlainTextReader)'
# The index executable does carry them: the check looks for what it means to.
if ! grep -qE "$readers" <<<"$index_symbols"; then
  echo "link_boundaries: the pattern finds no reader symbol in $index: the check is broken" >&2
  fail=1
fi
if grep -qE "$readers" <<<"$search_symbols"; then
  echo "link_boundaries: $search links the readers:" >&2
  grep -E "$readers" <<<"$search_symbols" | head -5 >&2 || true
  fail=1
fi
if grep -qE 'libxapian|libicu|libcld2' <<<"$eval_libs"; then
  echo "link_boundaries: $eval links $(grep -oE 'lib(xapian|icu[a-z]*|cld2)[^ ]*' <<<"$eval_libs" | tr '\n' ' ')" >&2
  fail=1
fi
[ "$fail" = 0 ] && echo "link_boundaries: ok"
exit "$fail"
