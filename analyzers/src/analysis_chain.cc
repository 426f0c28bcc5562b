/** @file analysis_chain.cc
 *  @brief AnalysisChain: one language's chain of filters, from a word as written to its term.
 */
#include "analysis_chain.h"

#include <algorithm>

namespace rapporteur {

AnalysisChain::AnalysisChain(std::string lang, const SharedFilters& shared, const StopFilter* stop,
                             const SpellingVariantFilter* variants, const AnalyzerOptions& options)
    : lang_(std::move(lang)),
      shared_(shared),
      stop_(stop),
      variants_(options.spelling_variants ? variants : nullptr),
      accent_folding_(options.accent_folding),
      exact_forms_(options.exact_forms) {
    if (options.stemming && !lang_.empty()) stemmer_ = std::make_unique<StemFilter>(lang_);
}

void AnalysisChain::strip_possessive(std::string& term) {
    for (std::string_view s : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
        if (term.size() > s.size() && term.compare(term.size() - s.size(), s.size(), s) == 0) {
            term.resize(term.size() - s.size());
            return;
        }
    }
}

bool AnalysisChain::is_acronym(std::string_view word) {
    std::size_t upper = 0, lower = 0;
    for (char c : word) {
        if (c >= 'A' && c <= 'Z')
            ++upper;
        else if (c >= 'a' && c <= 'z')
            ++lower;
        else if (c == '\'' || (c & 0x80))
            break; // a possessive, or not plain ASCII letters
    }
    return upper >= 2 && lower <= upper;
}

void AnalysisChain::normalise(std::string_view word, TermForms& out, bool stem) {
    std::string& term = out.term;
    const bool acronym = stem && is_acronym(word);
    const bool surface_wanted = exact_forms_ && stem; // a word (not a number or code); acronyms too
    if (acronym) stem = false;
    shared_.case_fold.apply(word, term);
    // Without a stemmer to do it, a possessive goes here: "OSCE's" and "osce's" index as "osce"
    // in every chain that does not stem them.
    // An acronym's typed form keeps its possessive ("osce's" beside "osce").
    std::string typed_acronym = acronym && surface_wanted ? term : std::string();
    if (acronym || !stemmer_) strip_possessive(term);
    if (const auto skip = shared_.elision.elided_bytes(term)) term.erase(0, skip);
    out.exact.clear();
    if (accent_folding_) {
        // Keep the accented form only when folding changed it: then it is a second index term
        // that lets a query typed with accents rank exact matches first.
        const bool ascii = std::all_of(term.begin(), term.end(), [](char c) { return (c & 0x80) == 0; });
        if (!ascii) {
            out.exact = term;
            if (!shared_.accent_fold.apply(term)) out.exact.clear();
        }
    }
    out.surface.clear();
    // The word as typed, folded, beside its stem: a query for "organs" then ranks the passages
    // that hold "organs" above those that only share its stem ("organisation"), as Xapian's
    // STEM_SOME keeps unstemmed terms beside its Z stems. One spelling for both Englishes.
    auto keep_surface = [&](const std::string& folded_word) {
        if (!surface_wanted || out.stopword) return;
        std::string form = folded_word;
        if (variants_) variants_->apply_to_inflected(form);
        // Kept even where the stem is the word itself ("focus"): "focused" shares that stem, and
        // only the surface form tells the passage holding "focus" from it.
        if (form == term && (acronym || !stemmer_)) return;
        out.surface.assign(SURFACE_MARK);
        out.surface += form;
        LengthFilter::apply(out.surface);
    };
    if (stem) {
        if (auto it = cache_.find(term); it != cache_.end()) {
            const std::string folded_word = std::move(term);
            term = it->second.first;
            out.stopword = it->second.second;
            if (!out.exact.empty()) LengthFilter::apply(out.exact);
            keep_surface(folded_word);
            return;
        }
    }
    const std::string folded = stem ? term : std::string();
    out.stopword = stop_ && stop_->contains(term);
    if (!out.stopword && stem) {
        if (stemmer_) {
            stemmer_->apply(term);
            if (variants_) variants_->apply_to_stem(term);
        } else if (variants_) {
            variants_->apply_to_word(term);
        }
    }
    LengthFilter::apply(term);
    if (stem && folded.size() <= CACHED_WORD_BYTES) {
        if (cache_.size() >= CACHE_LIMIT) cache_.clear();
        cache_.try_emplace(folded, term, out.stopword);
    }
    if (!out.exact.empty()) LengthFilter::apply(out.exact);
    keep_surface(acronym ? typed_acronym : folded);
}

} // namespace rapporteur
