/** @file stem_filter.h
 *  @brief StemFilter: the Snowball stemmer of one language (Xapian::Stem), with a cache.
 */
#ifndef RAPPORTEUR_ANALYZERS_STEM_FILTER_H
#define RAPPORTEUR_ANALYZERS_STEM_FILTER_H

#include <string>
#include <string_view>

#include <xapian.h>

namespace rapporteur {

/** Snowball stemming of folded terms (the chain caches the results). Not thread-safe: each
 *  thread's workspace owns its own (Xapian::Stem keeps state while stemming).
 */
class StemFilter {
  public:
    /// `lang` is an ISO 639-1 code Xapian::Stem knows; throws UsageError otherwise.
    explicit StemFilter(std::string_view lang);
    /// Replace `term` by its stem (unchanged when the stemmer returns nothing).
    void apply(std::string& term);

  private:
    Xapian::Stem stem_;
};

} // namespace rapporteur

#endif
