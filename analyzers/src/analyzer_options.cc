/** @file analyzer_options.cc
 *  @brief The analysis features as a list, written into the database and read back.
 */
#include "rapporteur/analyzers.h"

namespace rapporteur {

namespace {

/// Each feature's name in the list and its switch.
struct Feature {
    std::string_view name;
    bool AnalyzerOptions::*flag;
};
constexpr Feature FEATURES[] = {
    {"stem", &AnalyzerOptions::stemming},      {"fold", &AnalyzerOptions::accent_folding},
    {"compound", &AnalyzerOptions::compounds}, {"variant", &AnalyzerOptions::spelling_variants},
    {"synonym", &AnalyzerOptions::synonyms},   {"exact", &AnalyzerOptions::exact_forms},
};

} // namespace

std::string format_features(const AnalyzerOptions& o) {
    std::string out;
    for (const auto& f : FEATURES) {
        if (!(o.*f.flag)) continue;
        if (!out.empty()) out += ',';
        out += f.name;
    }
    return out.empty() ? "none" : out;
}

void parse_features(std::string_view list, AnalyzerOptions& o) {
    const bool all = list == "all";
    for (const auto& f : FEATURES) o.*f.flag = all;
    if (all || list == "none" || list.empty()) return;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view name = list.substr(0, comma);
        const Feature* found = nullptr;
        for (const auto& f : FEATURES) {
            if (f.name == name) found = &f;
        }
        if (!found) {
            throw UsageError("unknown analysis feature '" + std::string(name) +
                             "' (known: stem, fold, compound, variant, synonym, exact, all, none)");
        }
        o.*found->flag = true;
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
}

} // namespace rapporteur
