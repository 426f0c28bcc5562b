/** @file spelling_variant_filter.cc
 *  @brief SpellingVariantFilter: British and American spellings mapped to one form.
 */
#include "spelling_variant_filter.h"

#include "rapporteur/analyzers.h"
#include "word_list.h"

#include <vector>

namespace rapporteur {

SpellingVariantFilter::SpellingVariantFilter(const std::function<void(std::string&)>& fold,
                                             const std::function<void(std::string&)>& stem) {
    const auto path = data_path("analyzers", "spelling_variants.txt");
    std::vector<std::pair<std::string, std::string>> stem_pairs;
    for (const auto& line : read_word_list(path)) {
        const auto space = line.find_first_of(" \t");
        const auto second = space == std::string::npos ? space : line.find_first_not_of(" \t", space);
        if (second == std::string::npos) {
            throw RuntimeError(path.string() + ": expected 'british american', got '" + line + "'");
        }
        std::string british = line.substr(0, space), american = line.substr(second);
        fold(british);
        fold(american);
        if (british == american) continue;
        words_[british] = american;
        std::string bs = british, as = american;
        stem(bs);
        stem(as);
        if (bs != as) stem_pairs.emplace_back(std::move(bs), std::move(as));
    }
    // Stems of several pairs meet ("organise"/"organize" and "organisation"/"organization" give
    // organis~organiz and organis~organ): merge them into classes, each mapped to its shortest
    // stem, so that every spelling of every inflection ends on one term.
    StringMap<std::string> parent;
    std::function<std::string(const std::string&)> find = [&](const std::string& s) -> std::string {
        auto it = parent.find(s);
        if (it == parent.end() || it->second == s) return s;
        return it->second = find(it->second);
    };
    for (const auto& [a, b] : stem_pairs) {
        parent.try_emplace(a, a);
        parent.try_emplace(b, b);
        std::string ra = find(a), rb = find(b);
        if (ra == rb) continue;
        // The shorter (then smaller) root represents the class.
        if (rb.size() < ra.size() || (rb.size() == ra.size() && rb < ra)) std::swap(ra, rb);
        parent[rb] = ra;
    }
    for (const auto& [s, p] : parent) {
        std::string root = find(s);
        if (root != s) stems_[s] = root;
    }
}

void SpellingVariantFilter::apply_to_inflected(std::string& word) const {
    if (auto it = words_.find(word); it != words_.end()) {
        word = it->second;
        return;
    }
    // The list spells out base forms: "organisations" is "organisation" + "s", "organised" is
    // "organise" + "d", "labouring" is "labour" + "ing".
    for (std::string_view ending : {"s", "es", "d", "ed", "ing"}) {
        if (word.size() <= ending.size() + 2 || word.compare(word.size() - ending.size(), ending.size(), ending) != 0)
            continue;
        auto it = words_.find(std::string_view(word).substr(0, word.size() - ending.size()));
        if (it == words_.end()) continue;
        word = it->second + std::string(ending);
        return;
    }
}

void SpellingVariantFilter::replace(const StringMap<std::string>& map, std::string& term) {
    if (auto it = map.find(term); it != map.end()) term = it->second;
}

} // namespace rapporteur
