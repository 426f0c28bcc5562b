/** @file compound_filter.h
 *  @brief CompoundFilter: hyphenated compounds and codes ("non-punishment", "PC.DEC/557") as groups.
 */
#ifndef RAPPORTEUR_ANALYZERS_COMPOUND_FILTER_H
#define RAPPORTEUR_ANALYZERS_COMPOUND_FILTER_H

#include <string>
#include <string_view>
#include <vector>

#include "icu_tokenizer.h"

namespace rapporteur {

/// A run of parts written without spaces, joined by connectors: parts [first, first + count).
struct WordGroup {
    std::uint32_t first = 0;
    std::uint32_t count = 1;
    /// Only letters joined by hyphens ("non-punishment"): the joined word is stemmed like a word.
    bool stem_whole = false;
};

/** Splits ICU words at inner full stops ("PC.DEC" → "PC", "DEC"; ICU keeps letters joined by
 *  '.' together) and groups the parts that touch through one connector ('-', '‐', '‑', '.',
 *  '/'). Each group is indexed whole (`whole_form`) at its first position and by its parts at
 *  their own positions, so "non-punishment", "nonpunishment" and "non punishment" meet, and
 *  "MC.DEC/6/17" is found whole and by "MC.DEC" or "17". Stateless.
 */
class CompoundFilter {
  public:
    /** Fill `parts` and `groups` (every part in exactly one group, in order) from `words`.
     *  With `enabled` false each ICU word is its own part and group. */
    static void group(std::string_view text, const std::vector<RawWord>& words, bool enabled,
                      std::vector<RawWord>& parts, std::vector<WordGroup>& groups);

    /** The group's text as one word: the parts' original text with '.' and '/' kept and
     *  hyphens dropped ("co-ordination" → "coordination", "COVID-19" → "COVID19"), except
     *  between two numbers ("3-4" stays). */
    static void whole_form(std::string_view text, const std::vector<RawWord>& parts, const WordGroup& g,
                           std::string& out);
};

} // namespace rapporteur

#endif
