/** @file elision_filter.cc
 *  @brief ElisionFilter: "l'exploitation" is indexed as "exploitation", "dell'Europa" as "europa".
 */
#include "elision_filter.h"

#include "rapporteur/analyzers.h"
#include "word_list.h"

namespace rapporteur {

ElisionFilter::ElisionFilter() {
    for (auto& w : read_word_list(data_path("analyzers", "elisions.txt"))) elisions_.insert(std::move(w));
}

std::size_t ElisionFilter::elided_bytes(std::string_view term) const {
    // The apostrophe is ASCII U+0027 or the typographic U+2019 (E2 80 99).
    for (std::size_t i = 1; i < term.size() && i <= 8; ++i) {
        std::size_t mark = 0;
        if (term[i] == '\'') {
            mark = 1;
        } else if (term.compare(i, 3, "\xE2\x80\x99") == 0) {
            mark = 3;
        } else {
            continue;
        }
        // Only an elision followed by a word counts ("l'" alone stays as it is).
        if (i + mark < term.size() && elisions_.count(std::string(term.substr(0, i)))) return i + mark;
        return 0;
    }
    return 0;
}

} // namespace rapporteur
