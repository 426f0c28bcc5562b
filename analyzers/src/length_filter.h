/** @file length_filter.h
 *  @brief LengthFilter: cap terms at a length Xapian accepts, cutting at a character boundary.
 */
#ifndef RAPPORTEUR_ANALYZERS_LENGTH_FILTER_H
#define RAPPORTEUR_ANALYZERS_LENGTH_FILTER_H

#include <cstddef>
#include <string>

namespace rapporteur {

/** Truncates a term to at most MAX_TERM_BYTES bytes, at a UTF-8 character boundary. Truncating
 *  rather than dropping keeps a 10,000-letter "word" findable by itself: the query is cut the
 *  same way. The limit leaves room for a field prefix under Xapian's 245-byte term limit.
 */
class LengthFilter {
  public:
    static constexpr std::size_t MAX_TERM_BYTES = 120;
    static void apply(std::string& term);
};

} // namespace rapporteur

#endif
