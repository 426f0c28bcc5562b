/** @file test_soak.cc
 *  @brief Readers under a writer: searchers query continuously, each answer checked against a
 *         known count, while rapporteur-index commits in place and publishes new generations.
 *
 *  The seed report is indexed first; its count for "GRETA" is the constant every answer must
 *  give (no generated file names GRETA). Each generated file has the same number P of
 *  passages, each naming "hotline": every answer for "hotline" is a multiple of P (whole
 *  files only, whatever commit the searcher sees) and never less than an earlier answer.
 */
#include "reliability_support.h"

#include "rapporteur/searcher.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace rapporteur;
using namespace rapporteur::test;
namespace fs = std::filesystem;

TEST_CASE("searchers get exact answers while the writer commits ten times and publishes two generations",
          "[reliability][soak]") {
    TempDir dir;
    const auto db = dir / "db", in = dir / "in";
    fs::create_directories(in);
    IndexerOptions o;
    o.database = db;
    REQUIRE(index_paths({fs::path(RAPPORTEUR_SOURCE_DATADIR) / "seeds"}, o).failed == 0);
    SearchOptions so;
    so.facets = false;
    so.snippets = false;
    so.suggest = false;
    so.limit = 1;
    const std::size_t greta = Searcher(db).search("GRETA", so).total;
    REQUIRE(greta > 0);
    const std::size_t per_file = passage_count(generated_report(0, 12));

    constexpr int IN_PLACE_RUNS = 10, SHARDED_RUNS = 2, FILES_PER_RUN = 6;
    constexpr auto LIMIT = std::chrono::seconds(240); // the bound, whatever the machine
    std::atomic<bool> writing{true};
    std::atomic<long> queries{0}, wrong{0}, errors{0};
    std::mutex mutex;
    std::vector<std::string> failures;
    auto fail = [&](const std::string& what) {
        std::lock_guard<std::mutex> lock(mutex);
        if (failures.size() < 20) failures.push_back(what);
    };
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> searchers;
    for (int t = 0; t < 3; ++t) {
        searchers.emplace_back([&, t] {
            std::size_t last = 0;
            std::unique_ptr<Searcher> s;
            for (long n = 0; writing && std::chrono::steady_clock::now() - start < LIMIT; ++n) {
                try {
                    // A searcher open for long, and new ones that see each new generation.
                    if (!s || n % (10 + t) == 0) s = std::make_unique<Searcher>(db);
                    const auto g = s->search("GRETA", so).total;
                    const auto h = s->search("hotline", so).total;
                    queries += 2;
                    if (g != greta || h % per_file != 0 || h < last) {
                        ++wrong;
                        fail("GRETA " + std::to_string(g) + " (want " + std::to_string(greta) + "), hotline " +
                             std::to_string(h) + " after " + std::to_string(last));
                    }
                    last = std::max(last, h);
                } catch (const std::exception& e) {
                    ++errors;
                    fail(std::string("error: ") + e.what());
                }
            }
        });
    }
    int file = 0, runs_ok = 0;
    const std::string exe = std::string(RAPPORTEUR_INDEX_EXE) + " -q --db " + quote(db.string()) + " ";
    for (int r = 0; r < IN_PLACE_RUNS + SHARDED_RUNS; ++r) {
        for (int f = 0; f < FILES_PER_RUN; ++f, ++file) {
            write_file(in / ("s" + std::to_string(1000 + file) + ".txt"), generated_report(file, 12));
        }
        // In place, one commit per run at least (every file of 1 MB more); then sharded runs,
        // each publishing a new generation.
        const std::string mode = r < IN_PLACE_RUNS ? "--threads 1 --shard-min-mb 100000 --commit-mb 1 "
                                               : "--threads 2 --shard-min-mb 0 "; // shards need two threads
        if (run(exe + mode + quote(in.string())).status == 0) ++runs_ok;
    }
    const std::string generation = read_current_generation(db);
    // Let the searchers see the last commit, then stop them.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    writing = false;
    for (auto& th : searchers) th.join();
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const auto& f : failures) UNSCOPED_INFO(f);
    WARN("soak: " << seconds << " s, " << queries << " queries answered, " << runs_ok << " runs ("
                  << IN_PLACE_RUNS << " in-place commits, " << SHARDED_RUNS << " generations published, now "
                  << generation << "), " << wrong << " wrong answers, " << errors << " errors");
    CHECK(runs_ok == IN_PLACE_RUNS + SHARDED_RUNS);
    CHECK(wrong == 0);
    CHECK(errors == 0);
    CHECK(queries > 100);
    CHECK(generation == "gen-" + std::to_string(1 + SHARDED_RUNS));
    CHECK(Searcher(db).search("hotline", so).total == static_cast<std::size_t>(file) * per_file);
    CHECK(seconds < std::chrono::duration<double>(LIMIT).count() + 60);
}
