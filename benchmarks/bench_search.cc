/** @file bench_search.cc
 *  @brief Query latency of our searcher (rapporteur::Searcher) over the benchmark query set, in
 *         the same modes and JSON layout as benchmarks/reference/xapian_reference.cc.
 *
 *  bench_search DB_DIR QUERIES.tsv [ROUNDS] [--no-lang-hint] [--mode MODE] [--reference-work]
 *      Opens the database once, then runs every query (top 10) in four modes: plain (no
 *      snippets, no facets), snippets, facets (exact, over the whole match set) and
 *      snippets_facets; one untimed round records each answer, then ROUNDS (default 3) timed
 *      rounds must repeat it. A trailing `lang:xx` of a faceted query becomes the drill-down
 *      filter lang=xx. The query's language is passed as SearchOptions::lang, as the reference
 *      picks its stemmer from it, unless --no-lang-hint (then every candidate language).
 *      --mode runs one mode only (for profiling). --reference-work makes every mode do the
 *      reference's work only: no spelling suggestion in any mode, and in snippets mode an
 *      estimated total (the reference's snippets mode asks no exact count); by default the
 *      snippets and facets modes keep the searcher's defaults (suggestions, exact totals).
 */
#include "bench_common.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"

#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
    rapporteur::tune_allocator(); // as rapporteur-search does
    std::vector<std::string> args(argv + 1, argv + argc);
    bool lang_hint = true;
    if (auto it = std::find(args.begin(), args.end(), "--no-lang-hint"); it != args.end()) {
        lang_hint = false;
        args.erase(it);
    }
    bool reference_work = false;
    if (auto it = std::find(args.begin(), args.end(), "--reference-work"); it != args.end()) {
        reference_work = true;
        args.erase(it);
    }
    std::string only_mode;
    if (auto it = std::find(args.begin(), args.end(), "--mode"); it != args.end() && it + 1 != args.end()) {
        only_mode = *(it + 1);
        args.erase(it, it + 2);
    }
    if (args.size() < 2 || args.size() > 3) {
        std::cerr << "usage: bench_search DB_DIR QUERIES.tsv [ROUNDS] [--no-lang-hint] [--mode MODE] "
                     "[--reference-work]\n";
        return 2;
    }
    try {
        const int rounds = args.size() == 3 ? std::stoi(args[2]) : 3;
        const rapporteur::Searcher searcher(args[0]);
        const auto queries = bench::read_queries(args[1]);
        const auto passages = Xapian::Database(args[0]).get_doccount();

        nlohmann::json modes = nlohmann::json::object();
        for (const std::string mode : {"plain", "snippets", "facets", "snippets_facets"}) {
            if (!only_mode.empty() && mode != only_mode) continue;
            rapporteur::SearchOptions base;
            base.limit = 10;
            base.snippets = mode == "snippets" || mode == "snippets_facets";
            base.facets = mode == "facets" || mode == "snippets_facets";
            if (mode == "plain") {
                // The reference's plain mode: top-10 ids and scores, an estimated total, no
                // spelling suggestion -- the work of a TREC run (rapporteur-search --topics).
                base.hit_details = false;
                base.exact_total = false;
                base.suggest = false;
            } else if (reference_work) {
                base.suggest = false;
                base.exact_total = base.facets; // exact facets count every match anyway
            }
            modes[mode] = bench::time_queries(queries, rounds, [&](const bench::Query& q) {
                rapporteur::SearchOptions options = base;
                std::string text = q.text;
                if (auto lang = bench::take_lang_filter(text); !lang.empty()) {
                    options.filters["lang"] = {lang};
                }
                if (lang_hint) options.lang = q.lang;
                const auto result = searcher.search(text, options);
                bench::Answer a;
                a.total = result.total;
                a.shown = result.hits.size();
                for (const auto& h : result.hits) a.check += h.snippet.size();
                for (const auto& [field, values] : result.facets) {
                    for (const auto& v : values) a.check += v.count;
                }
                return a;
            });
        }
        nlohmann::json out = {{"engine", "rapporteur"},
                              {"mode", "query"},
                              {"db", args[0]},
                              {"passages", passages},
                              {"queries", queries.size()},
                              {"rounds", rounds},
                              {"lang_hint", lang_hint},
                              {"reference_work", reference_work},
                              {"modes", modes},
                              {"xapian", Xapian::version_string()}};
        std::cout << out.dump(2) << "\n";
        return 0;
    } catch (const rapporteur::RuntimeError& e) {
        std::cerr << "bench_search: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "bench_search: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "bench_search: " << e.what() << "\n";
    }
    return 1;
}
