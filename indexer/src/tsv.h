/** @file tsv.h
 *  @brief Splitting the indexer's tab-separated data files (gazetteer, report words).
 */
#ifndef RAPPORTEUR_INDEXER_TSV_H
#define RAPPORTEUR_INDEXER_TSV_H

#include <string_view>
#include <vector>

namespace rapporteur {

/// The parts of `s` between occurrences of `sep`, empty ones included ("a\t\tb" → a, "", b).
inline std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto end = s.find(sep, start);
        parts.push_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return parts;
}

} // namespace rapporteur

#endif
