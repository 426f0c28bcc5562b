/** @file test_evaluation.cc
 *  @brief evaluate() + format_trec_eval() against trec_eval's own published test vectors
 *  (tests/data/trec_eval): every line of a measure implemented here must match to the digit.
 */
#include "rapporteur/evaluation.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <sstream>

using namespace rapporteur;

namespace {

const std::filesystem::path DATA = std::filesystem::path(RAPPORTEUR_TEST_DATA) / "trec_eval";

/// True when trec_eval's row name belongs to a measure implemented here: the name itself
/// ("map") or the name of one of its cutoffs ("P_10", "iprec_at_recall_0.50").
bool implemented(const std::string& row_name) {
    for (const auto& m : MeasureSet::known_measures()) {
        if (row_name == m) return true;
        if (row_name.size() > m.size() + 1 && row_name.compare(0, m.size() + 1, m + "_") == 0 &&
            std::isdigit(static_cast<unsigned char>(row_name[m.size() + 1]))) {
            return true;
        }
    }
    return false;
}

/// The lines of trec_eval's output file that rapporteur-eval must reproduce.
std::vector<std::string> expected_lines(const std::string& file) {
    std::istringstream in(test::read_all(DATA / file));
    std::vector<std::string> lines;
    std::size_t all_rows = 0;
    for (std::string line; std::getline(in, line);) {
        const std::string name = line.substr(0, line.find_first_of(" \t"));
        if (implemented(name)) lines.push_back(line);
        all_rows += 1;
    }
    REQUIRE(all_rows > 0);
    return lines;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

struct Vector {
    std::string expected, qrels, run;
    std::vector<std::string> measures;
    bool per_topic = false;
    EvaluationOptions options;
};

std::vector<std::string> produced_lines(const Vector& v) {
    MeasureSet measures;
    for (const auto& m : v.measures) measures.add(m);
    if (measures.empty()) measures.add("official");
    const auto ev = evaluate(Qrels::read(DATA / v.qrels), TrecRun::read(DATA / v.run), measures, v.options);
    return lines_of(format_trec_eval(ev, v.per_topic, true));
}

} // namespace

TEST_CASE("trec_eval's default measures: out.test, every line, byte for byte", "[evaluation][trec_eval]") {
    Vector v{"out.test", "qrels.test", "results.test", {}, false, {}};
    const auto expected = lines_of(test::read_all(DATA / "out.test"));
    REQUIRE(expected.size() == 30); // the official set is implemented whole: no line filtered out
    CHECK(produced_lines(v) == expected);
    v.qrels = "qrels.test.with-comments"; // `#` lines in the qrels change nothing
    CHECK(produced_lines(v) == expected);
}

TEST_CASE("trec_eval's test vectors reproduce for every implemented measure", "[evaluation][trec_eval]") {
    EvaluationOptions level2;
    level2.relevance_level = 2;
    EvaluationOptions complete;
    complete.complete = true;
    EvaluationOptions complete100 = complete;
    complete100.max_docs = 100;
    const std::vector<Vector> vectors = {
        {"out.test.a", "qrels.test", "results.test", {"all_trec"}, false, {}},
        {"out.test.aq", "qrels.test", "results.test", {"all_trec"}, true, {}},
        {"out.test.aql", "qrels.rel_level", "results.test", {"all_trec"}, true, level2},
        {"out.test.aqc", "qrels.test", "results.trunc", {"all_trec"}, true, complete},
        {"out.test.aqcM", "qrels.test", "results.trunc", {"all_trec"}, true, complete100},
    };
    for (const auto& v : vectors) {
        INFO(v.expected);
        const auto expected = expected_lines(v.expected);
        const auto produced = produced_lines(v);
        REQUIRE(produced.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            INFO("line " << i + 1);
            CHECK(produced[i] == expected[i]);
        }
    }
}

TEST_CASE("trec_eval's measure-parameter vector: cutoffs and recall levels given with -m", "[evaluation][trec_eval]") {
    // trec_eval's command also asks for ndcg with gains (ndcg.1=3,2=9,4=4.5), which is not
    // implemented, and for ndcg_cut.10,20,23.4, which trec_eval reads with atol as 23.
    Vector v{
        "out.test.meas_params",
        "qrels.test",
        "results.test",
        {"iprec_at_recall..10,.20,.25,.75,.50", "P.5,7,3", "recall.20,2000", "ndcg_cut.10,20,23", "success.2,5,20"},
        true,
        {}};
    auto expected = expected_lines(v.expected);
    std::erase_if(expected, [](const std::string& l) { return l.rfind("ndcg_1=3,2=9,4=4.5", 0) == 0; });
    const auto produced = produced_lines(v);
    REQUIRE(produced.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("line " << i + 1);
        CHECK(produced[i] == expected[i]);
    }
}
