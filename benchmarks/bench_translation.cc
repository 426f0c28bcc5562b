/** @file bench_translation.cc
 *  @brief The cost of cross-language search: loading each FreeDict pair (against reading its
 *         index file bare), looking words up, and a query with --cross-language against the
 *         same query without.
 *
 *  Usage: bench_translation DICT_DIR DB TOPICS [REPEATS]
 *    DICT_DIR  the dictd files (/usr/share/dictd)
 *    DB        a Rapporteur database (the relevance corpus, say)
 *    TOPICS    topics as rapporteur-search --topics reads them; their words are the lookups
 *  Prints one JSON object. Each timed loop checks the count its untimed round found.
 */
#include "dictd_dictionary.h"
#include "translator.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/searcher.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) try {
    if (argc < 4) {
        std::cerr << "usage: bench_translation DICT_DIR DB TOPICS [REPEATS]\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const int repeats = argc > 4 ? std::max(1, std::atoi(argv[4])) : 5;
    const auto topics = rapporteur::parse_topics(rapporteur::read_whole_file(argv[3]), argv[3]);
    std::vector<std::string> words;
    for (const auto& t : topics) {
        std::string w;
        for (const char c : t.query + " ") {
            if (c == ' ' || c == '"') {
                if (!w.empty()) words.push_back(w);
                w.clear();
            } else {
                w += c;
            }
        }
    }
    nlohmann::ordered_json out;
    out["dictionary_dir"] = dir.string();

    // Loading: each pair's index read into its table, against reading the file's bytes alone.
    nlohmann::ordered_json loads = nlohmann::ordered_json::array();
    rapporteur::Translator listing(dir);
    for (const auto& pair : listing.pairs()) {
        std::vector<double> bare, load;
        std::size_t entries = 0;
        for (int r = 0; r < repeats; ++r) {
            auto start = Clock::now();
            const auto bytes = rapporteur::read_whole_file(pair.index);
            bare.push_back(seconds_since(start));
            start = Clock::now();
            rapporteur::DictdDictionary d(pair.index, pair.data);
            load.push_back(seconds_since(start));
            if (r > 0 && d.size() != entries) throw std::runtime_error("entry count changed between rounds");
            entries = d.size();
            if (bytes.empty()) throw std::runtime_error(pair.index.string() + ": empty");
        }
        loads.push_back({{"pair", pair.from + "-" + pair.to},
                         {"entries", entries},
                         {"index_mb", static_cast<double>(std::filesystem::file_size(pair.index)) / 1e6},
                         {"load_ms", median(load) * 1e3},
                         {"bare_read_ms", median(bare) * 1e3},
                         {"load_over_read", median(load) / std::max(1e-9, median(bare))}});
    }
    out["loads"] = loads;

    // Lookups: every topic word from English into every language, dictionaries loaded.
    rapporteur::Translator translator(dir);
    std::size_t expected = 0;
    auto lookups = [&] {
        std::size_t found = 0;
        for (const auto& pair : translator.pairs()) {
            for (const auto& w : words) found += translator.translate(w, pair.from, pair.to, 8).size();
        }
        return found;
    };
    expected = lookups(); // untimed: loads every pair and records the count
    std::vector<double> per_lookup;
    for (int r = 0; r < repeats; ++r) {
        const auto start = Clock::now();
        if (lookups() != expected) throw std::runtime_error("lookup count changed between rounds");
        per_lookup.push_back(seconds_since(start) / static_cast<double>(words.size() * translator.pairs().size()));
    }
    out["lookups"] = {{"words", words.size()},
                      {"pairs", translator.pairs().size()},
                      {"translations_found", expected},
                      {"us_per_lookup", median(per_lookup) * 1e6}};

    // Queries: each topic with and without --cross-language (dictionaries loaded by the first).
    rapporteur::Searcher searcher{std::filesystem::path(argv[2])};
    rapporteur::SearchOptions plain;
    plain.facets = false;
    plain.snippets = false;
    rapporteur::SearchOptions across = plain;
    across.cross_language = true;
    across.dictionary_dir = dir.string();
    auto run = [&](rapporteur::SearchOptions options, std::vector<double>& times) {
        std::size_t total = 0;
        for (const auto& t : topics) {
            options.lang = t.lang;
            const auto start = Clock::now();
            total += searcher.search(t.query, options).total;
            times.push_back(seconds_since(start));
        }
        return total;
    };
    std::vector<double> ignored;
    const auto first = Clock::now();
    const std::size_t total_across = run(across, ignored); // cold: loads the pairs the index needs
    const double cold = seconds_since(first);
    const std::size_t total_plain = run(plain, ignored);
    std::vector<double> t_plain, t_across;
    for (int r = 0; r < repeats; ++r) {
        if (run(plain, t_plain) != total_plain || run(across, t_across) != total_across)
            throw std::runtime_error("match counts changed between rounds");
    }
    out["queries"] = {{"topics", topics.size()},
                      {"first_round_with_loading_s", cold},
                      {"p50_ms_plain", median(t_plain) * 1e3},
                      {"p50_ms_cross_language", median(t_across) * 1e3},
                      {"ratio", median(t_across) / std::max(1e-9, median(t_plain))},
                      {"matches_plain", total_plain},
                      {"matches_cross_language", total_across}};
    std::cout << out.dump(2) << "\n";
    return 0;
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_translation: %s\n", e.what());
    return 1;
}
