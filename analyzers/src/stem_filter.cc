/** @file stem_filter.cc
 *  @brief StemFilter: the Snowball stemmer of one language (Xapian::Stem), with a cache.
 */
#include "stem_filter.h"

#include "rapporteur/analyzers.h"

namespace rapporteur {

StemFilter::StemFilter(std::string_view lang) {
    try {
        stem_ = Xapian::Stem(std::string(lang));
    } catch (const Xapian::InvalidArgumentError& e) {
        throw UsageError("no stemmer for language '" + std::string(lang) + "': " + e.get_msg());
    }
}

void StemFilter::apply(std::string& term) {
    if (auto it = cache_.find(term); it != cache_.end()) {
        term = it->second;
        return;
    }
    std::string stem = stem_(term);
    if (stem.empty()) stem = term;
    if (cache_.size() >= CACHE_LIMIT) cache_.clear();
    cache_.emplace(term, stem);
    term = std::move(stem);
}

} // namespace rapporteur
