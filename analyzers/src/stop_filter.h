/** @file stop_filter.h
 *  @brief StopFilter: the stop words of one language, from data/stopwords/<lang>.txt.
 */
#ifndef RAPPORTEUR_ANALYZERS_STOP_FILTER_H
#define RAPPORTEUR_ANALYZERS_STOP_FILTER_H

#include <functional>
#include <string>
#include <string_view>

#include "string_hash.h"

namespace rapporteur {

/** The stop words of one language. Stop words stay in the index (unstemmed, so that phrases
 *  such as "Council of Europe" keep their positions); the chain does not stem them, and
 *  queries leave them out unless every word of the query is one. Thread-safe once built.
 */
class StopFilter {
  public:
    /** Load data/stopwords/<lang>.txt, passing every word through `fold` (the chain's own
     *  case and accent folding) so that lookups compare folded forms. Throws RuntimeError when
     *  the file is missing. */
    StopFilter(std::string_view lang, const std::function<void(std::string&)>& fold);
    /// Whether the folded `term` is a stop word.
    bool contains(std::string_view term) const { return words_.find(term) != words_.end(); }
    std::size_t size() const { return words_.size(); }

  private:
    StringSet words_;
};

} // namespace rapporteur

#endif
