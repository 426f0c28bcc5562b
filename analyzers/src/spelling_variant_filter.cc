/** @file spelling_variant_filter.cc
 *  @brief SpellingVariantFilter: British and American spellings mapped to one form.
 */
#include "spelling_variant_filter.h"

#include "rapporteur/analyzers.h"
#include "word_list.h"

namespace rapporteur {

SpellingVariantFilter::SpellingVariantFilter(const std::function<void(std::string&)>& fold,
                                             const std::function<void(std::string&)>& stem) {
    const auto path = data_path("analyzers", "spelling_variants.txt");
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
        // Two spellings that stem alike need nothing; a stem that is itself a canonical stem
        // must not be moved, or "program" would chase its own tail.
        if (bs != as) stems_[bs] = as;
    }
    for (auto it = stems_.begin(); it != stems_.end();) {
        it = stems_.count(it->second) ? stems_.erase(it) : std::next(it);
    }
}

void SpellingVariantFilter::replace(const StringMap<std::string>& map, std::string& term) {
    if (auto it = map.find(term); it != map.end()) term = it->second;
}

} // namespace rapporteur
