/** @file bench_shards.cc
 *  @brief Sharded search against one local database of the same passages, in the same run:
 *         query latency (plain, snippets, facets) of rapporteur::Searcher over each shard map,
 *         as ratios to the local database, and the cost of one round trip on each map (and what
 *         a map adds to a query's p50, in milliseconds and in round trips of that cost).
 *
 *  bench_shards ONE_DB QUERIES.tsv MAP... [--rounds N] [--queries N] [--modes plain,snippets,facets]
 *      Opens ONE_DB and every shard map (docs/sharding.md) once; every query (top 10) runs
 *      in each mode over each; every answer (hit ids, snippet lengths, facet counts, the exact
 *      total; plain mode's estimated total aside) over a map must equal the local database's:
 *      the queries whose answers differ are listed under "differs". Prints one JSON object.
 *      --queries N: N of the queries, spread evenly over the file;
 *      --modes: some of the modes (to count a mode's system calls under strace -c alone);
 *      --page-connections N: ShardOptions::page_connections (default 4).
 */
#include "bench_common.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"
#include "rapporteur/shards.h"

#include <xapian.h>

#include <cmath>
#include <iostream>

namespace {

/// Microseconds per round trip to a map's first server (Xapian's keep-alive message).
double round_trip_us(const rapporteur::ShardMap& map) {
    const auto& server = map.shards.front().servers.front();
    Xapian::Database db = Xapian::Remote::open(server.host, server.port, 2000, 1000);
    constexpr int N = 2000;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < N; ++i) db.keep_alive();
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() / N;
}

} // namespace

int main(int argc, char** argv) {
    rapporteur::tune_allocator();
    std::vector<std::string> args(argv + 1, argv + argc);
    auto option = [&](const std::string& name, const std::string& fallback) {
        auto it = std::find(args.begin(), args.end(), name);
        if (it == args.end() || it + 1 == args.end()) return fallback;
        std::string value = *(it + 1);
        args.erase(it, it + 2);
        return value;
    };
    const int rounds = std::stoi(option("--rounds", "3"));
    const std::size_t max_queries = std::stoul(option("--queries", "0"));
    const std::string wanted_modes = option("--modes", "plain,snippets,facets");
    rapporteur::ShardOptions shard_options;
    shard_options.page_connections = static_cast<unsigned>(std::stoul(option("--page-connections", "4")));
    std::vector<std::string> modes;
    for (const std::string m : {"plain", "snippets", "facets"}) {
        if (wanted_modes.find(m) != std::string::npos) modes.push_back(m);
    }
    if (args.size() < 3) {
        std::cerr << "usage: bench_shards ONE_DB QUERIES.tsv MAP... [--rounds N] [--queries N] [--modes a,b] [--page-connections N]\n";
        return 2;
    }
    try {
        auto queries = bench::read_queries(args[1]);
        if (max_queries && queries.size() > max_queries) {
            // Spread over the file, whose queries come class by class.
            std::vector<bench::Query> some;
            for (std::size_t i = 0; i < max_queries; ++i) some.push_back(queries[i * queries.size() / max_queries]);
            queries = std::move(some);
        }
        std::vector<std::pair<std::string, rapporteur::Searcher>> engines;
        engines.emplace_back("local", rapporteur::Searcher(args[0]));
        std::vector<rapporteur::ShardMap> maps;
        for (std::size_t i = 2; i < args.size(); ++i) {
            maps.push_back(rapporteur::read_shard_map(args[i]));
            engines.emplace_back(args[i], rapporteur::Searcher(maps.back(), shard_options));
        }
        nlohmann::json out = {{"engine", "rapporteur"}, {"mode", "shards"}, {"db", args[0]},
                               {"rounds", rounds}, {"queries", queries.size()},
                               {"page_connections", shard_options.page_connections}};
        std::map<std::string, std::vector<bench::Answer>> local_answers;
        for (const std::string& mode : modes) {
            rapporteur::SearchOptions base;
            base.limit = 10;
            base.snippets = mode == "snippets";
            base.facets = mode == "facets";
            if (mode == "plain") {
                base.hit_details = false;
                base.exact_total = false;
                base.suggest = false;
            }
            if (mode == "facets") base.hit_details = false;
            for (auto& [name, searcher] : engines) {
                std::vector<bench::Answer> answers;
                const auto timing = bench::time_queries(queries, rounds, [&](const bench::Query& q) {
                    rapporteur::SearchOptions options = base;
                    std::string text = q.text;
                    if (auto lang = bench::take_lang_filter(text); !lang.empty()) options.filters["lang"] = {lang};
                    options.lang = q.lang;
                    const auto result = searcher.search(text, options);
                    if (result.partial) throw std::runtime_error(name + ": a shard was lost");
                    bench::Answer a;
                    // Plain mode's total is Xapian's estimate, which depends on the shards.
                    a.total = options.exact_total ? result.total : 0;
                    a.shown = result.hits.size();
                    // Hits tied with the page's last score (within 1e-9) are counted, not named:
                    // over shards their scores may differ in the last bit (each server sums a
                    // query's parts in its own order), which reorders a tie at the page's edge.
                    const double edge = result.hits.empty() ? 0 : result.hits.back().score;
                    for (const auto& h : result.hits) {
                        a.check += std::abs(h.score - edge) <= 1e-9 ? 1 : h.snippet.size() + h.id.size();
                    }
                    for (const auto& [field, values] : result.facets) {
                        for (const auto& v : values) a.check += v.count;
                    }
                    if (answers.size() < queries.size()) answers.push_back(a);
                    return a;
                });
                if (name == "local") {
                    local_answers[mode] = answers;
                } else {
                    // Listed, not fatal: a difference is a bug to look into, and the run's
                    // figures still stand beside the list.
                    out["differs"][name][mode] = nlohmann::json::array();
                    for (std::size_t i = 0; i < queries.size(); ++i) {
                        if (!(answers[i] == local_answers[mode][i])) out["differs"][name][mode].push_back(queries[i].qid);
                    }
                }
                out["timings"][name][mode] = timing;
                const auto& local = out["timings"]["local"][mode]["all"];
                const auto& here = timing["all"];
                out["ratios"][name][mode] = {
                    {"p50", here["p50_ms"].get<double>() / std::max(1e-9, local["p50_ms"].get<double>())},
                    {"p99", here["p99_ms"].get<double>() / std::max(1e-9, local["p99_ms"].get<double>())}};
            }
        }
        for (std::size_t i = 0; i < maps.size(); ++i) {
            const std::string& name = args[i + 2];
            out["shards"][name] = maps[i].shards.size();
            const double rt = round_trip_us(maps[i]);
            out["round_trip_us"][name] = rt;
            // What a map adds to a query at p50, and as how many round trips of that cost.
            for (const auto& mode : modes) {
                const double added = out["timings"][name][mode]["all"]["p50_ms"].get<double>() -
                                     out["timings"]["local"][mode]["all"]["p50_ms"].get<double>();
                out["added_p50_ms"][name][mode] = added;
                out["added_p50_round_trips"][name][mode] = added * 1000.0 / std::max(1e-9, rt);
            }
        }
        std::cout << out.dump(2) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "bench_shards: " << e.what() << "\n";
        return 1;
    }
}
