/** @file analysis_chain.h
 *  @brief AnalysisChain: one language's chain of filters, from a word as written to its term.
 */
#ifndef RAPPORTEUR_ANALYZERS_ANALYSIS_CHAIN_H
#define RAPPORTEUR_ANALYZERS_ANALYSIS_CHAIN_H

#include <memory>
#include <string>
#include <string_view>

#include "rapporteur/analyzers.h"

#include "accent_fold_filter.h"
#include "case_fold_filter.h"
#include "elision_filter.h"
#include "length_filter.h"
#include "spelling_variant_filter.h"
#include "stem_filter.h"
#include "stop_filter.h"

namespace rapporteur {

/// The filters every chain shares, read-only after construction (one set per Analyzer).
struct SharedFilters {
    CaseFoldFilter case_fold;
    AccentFoldFilter accent_fold;
    ElisionFilter elision;
};

/// What the chain makes of one word.
struct TermForms {
    std::string term;  ///< the index term: folded, and stemmed unless a stop word
    std::string exact; ///< the case-folded form with its accents when accent folding changed it, else ""
    /// The folded word before stemming (British spelling made American), after SURFACE_MARK, for
    /// a stemmed word when the exact-forms feature is on, else "": the form typed ranks above the
    /// stem's other words.
    std::string surface;
    bool stopword = false;
};

/** One language's analysis of a single word:
 *  CaseFoldFilter (NFKC + full case folding) → ElisionFilter → AccentFoldFilter → StopFilter →
 *  SpellingVariantFilter (English) → StemFilter → LengthFilter.
 *  Offsets are not the chain's business: it sees a word and returns its forms. A chain is
 *  owned by one thread's workspace (its stemmer caches).
 */
class AnalysisChain {
  public:
    /** `lang` "" builds the language-neutral chain (no stop words, no stemming), used for
     *  languages without a stemmer (zh, ja, ...). `stop` and `variants` may be null. */
    AnalysisChain(std::string lang, const SharedFilters& shared, const StopFilter* stop,
                  const SpellingVariantFilter* variants, const AnalyzerOptions& options);

    /** Analyse `word` (valid UTF-8); `stem` false skips stemming (numbers, codes, CJK).
     *  Acronyms (see is_acronym) are not stemmed either, only lose a possessive "'s": stemmers
     *  would turn "CoE" into "co" and "OSCE" into "osc", which other words share. */
    void normalise(std::string_view word, TermForms& out, bool stem = true);

    /// At least two capitals and no more small letters than capitals: "OSCE", "CoE", "NGOs".
    static bool is_acronym(std::string_view word);
    /// Remove a final "'s", "’s", "'" or "’" (English possessives).
    static void strip_possessive(std::string& term);

    const std::string& language() const { return lang_; }

  private:
    std::string lang_;
    const SharedFilters& shared_;
    const StopFilter* stop_;
    const SpellingVariantFilter* variants_;
    std::unique_ptr<StemFilter> stemmer_;
    bool accent_folding_;
    bool exact_forms_;
    /// Folded word → (term, stop word): one lookup replaces the stop, stem and variant lookups
    /// for the words that recur, which is most of them (Zipf).
    StringMap<std::pair<std::string, bool>> cache_;
    static constexpr std::size_t CACHE_LIMIT = 1 << 16;  ///< entries, then it starts again
    static constexpr std::size_t CACHED_WORD_BYTES = 64; ///< longer words are rare: not cached
};

} // namespace rapporteur

#endif
