/** @file elision_filter.h
 *  @brief ElisionFilter: "l'exploitation" is indexed as "exploitation", "dell'Europa" as "europa".
 */
#ifndef RAPPORTEUR_ANALYZERS_ELISION_FILTER_H
#define RAPPORTEUR_ANALYZERS_ELISION_FILTER_H

#include <string>
#include <string_view>
#include <unordered_set>

namespace rapporteur {

/** Strips an elided article or pronoun before an apostrophe (' or ’), from the list in
 *  data/elisions.txt (French, Italian and Catalan). Applied in every language, the same at
 *  index and query time, since the elided forms are not English words. The token keeps its
 *  offsets: a highlight of "exploitation" covers "l'exploitation". Thread-safe once built.
 */
class ElisionFilter {
  public:
    ElisionFilter();
    /// Bytes to skip at the start of the case-folded `term` (0 when there is no elision).
    std::size_t elided_bytes(std::string_view term) const;

  private:
    std::unordered_set<std::string> elisions_;
};

} // namespace rapporteur

#endif
