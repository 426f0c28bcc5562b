/** @file spelling_variant_filter.h
 *  @brief SpellingVariantFilter: British and American spellings mapped to one form.
 */
#ifndef RAPPORTEUR_ANALYZERS_SPELLING_VARIANT_FILTER_H
#define RAPPORTEUR_ANALYZERS_SPELLING_VARIANT_FILTER_H

#include <functional>
#include <string>

#include "string_hash.h"

namespace rapporteur {

/** English spelling variants from data/spelling_variants.txt ("labour labor"): the British
 *  form becomes the American one, at index and at query time, so both spellings meet. With
 *  stemming the map is applied to stems ("organis" → "organ"), which covers the inflections
 *  ("organisations", "organised") that a word list would have to spell out one by one.
 *  Thread-safe once built.
 */
class SpellingVariantFilter {
  public:
    /** Load the pairs; `fold` is the chain's case and accent folding, `stem` the English
     *  stemmer (or nullptr when the chain does not stem). */
    SpellingVariantFilter(const std::function<void(std::string&)>& fold, const std::function<void(std::string&)>& stem);
    /// Rewrite `term` (a folded word when unstemmed, else an English stem) to the canonical form.
    void apply_to_word(std::string& term) const { replace(words_, term); }
    void apply_to_stem(std::string& term) const { replace(stems_, term); }
    /** Rewrite a folded word that may be inflected ("organisations", "organised", "labouring")
     *  to its American spelling, by the listed base form and a regular ending. */
    void apply_to_inflected(std::string& word) const;
    std::size_t size() const { return words_.size(); }

  private:
    static void replace(const StringMap<std::string>& map, std::string& term);
    StringMap<std::string> words_;
    StringMap<std::string> stems_;
};

} // namespace rapporteur

#endif
