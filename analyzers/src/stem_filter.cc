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
    std::string stem = stem_(term);
    if (!stem.empty()) term = std::move(stem);
}

} // namespace rapporteur
