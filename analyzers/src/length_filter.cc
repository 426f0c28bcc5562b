/** @file length_filter.cc
 *  @brief LengthFilter: cap terms at a length Xapian accepts, cutting at a character boundary.
 */
#include "length_filter.h"

namespace rapporteur {

void LengthFilter::apply(std::string& term) {
    if (term.size() <= MAX_TERM_BYTES) return;
    std::size_t cut = MAX_TERM_BYTES;
    // Step back over continuation bytes (10xxxxxx) to the start of the cut character.
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
    term.resize(cut);
}

} // namespace rapporteur
