/** @file case_fold_filter.h
 *  @brief CaseFoldFilter: NFKC normalisation and full Unicode case folding, as ICU does them.
 */
#ifndef RAPPORTEUR_ANALYZERS_CASE_FOLD_FILTER_H
#define RAPPORTEUR_ANALYZERS_CASE_FOLD_FILTER_H

#include <string>
#include <string_view>

#include <unicode/normalizer2.h>

namespace rapporteur {

/** NFKC_Casefold (Unicode's NFKC with full case folding and default ignorables removed):
 *  "Straße" → "strasse", "ΟΔΟΣ"/"οδος" → "οδοσ", "ﬁ" → "fi", full-width "ＡＢＣ" → "abc",
 *  "İ" → "i̇" (i + combining dot, the default, non-Turkish folding). ASCII words take a fast path
 *  with the same result. Stateless and thread-safe.
 */
class CaseFoldFilter {
  public:
    CaseFoldFilter();
    /// Replace `out` with the folded form of `word` (valid UTF-8).
    void apply(std::string_view word, std::string& out) const;

  private:
    const icu::Normalizer2* normalizer_; ///< owned by ICU, lives for the process
};

} // namespace rapporteur

#endif
