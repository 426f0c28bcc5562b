/** @file length_filter.cc
 *  @brief LengthFilter: cap terms at a length Xapian accepts, cutting at a character boundary.
 */
#include "length_filter.h"

#include "rapporteur/utf8.h"

namespace rapporteur {

void LengthFilter::apply(std::string& term) {
    if (term.size() > MAX_TERM_BYTES) term.resize(utf8::prefix(term, MAX_TERM_BYTES).size());
}

} // namespace rapporteur
