/** @file stem_filter.h
 *  @brief StemFilter: the Snowball stemmer of one language (Xapian::Stem), with a cache.
 */
#ifndef RAPPORTEUR_ANALYZERS_STEM_FILTER_H
#define RAPPORTEUR_ANALYZERS_STEM_FILTER_H

#include <string>
#include <string_view>

#include <xapian.h>

#include "string_hash.h"

namespace rapporteur {

/** Snowball stemming of folded terms. Word frequencies follow Zipf's law, so a small cache of
 *  recent stems answers most calls without running the stemmer or allocating. Not thread-safe:
 *  each thread's workspace owns its own (Xapian::Stem keeps state while stemming).
 */
class StemFilter {
  public:
    /// `lang` is an ISO 639-1 code Xapian::Stem knows; throws UsageError otherwise.
    explicit StemFilter(std::string_view lang);
    /// Replace `term` by its stem (unchanged when the stemmer returns nothing).
    void apply(std::string& term);

  private:
    /// Past this many entries the cache starts again, bounding memory per thread and language.
    static constexpr std::size_t CACHE_LIMIT = 1 << 16;
    Xapian::Stem stem_;
    StringMap<std::string> cache_;
};

} // namespace rapporteur

#endif
