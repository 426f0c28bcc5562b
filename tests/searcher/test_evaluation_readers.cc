/** @file test_evaluation_readers.cc
 *  @brief Qrels and TrecRun readers: comments, blank lines, and errors that name file and line.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/evaluation.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace rapporteur;

namespace {

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const RuntimeError& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST_CASE("qrels: comments and blank lines skipped, judgments sorted by docid", "[evaluation][readers]") {
    std::istringstream in("# judged by hand\n\n2 0 b 1\n1 0 z 0\r\n1 0 a 2\n  \n");
    const auto q = Qrels::parse(in, "q.txt");
    REQUIRE(q.topics().size() == 2);
    const auto& one = q.topics().at("1");
    REQUIRE(one.size() == 2);
    CHECK(one[0].docid == "a");
    CHECK(one[0].relevance == 2);
    CHECK(one[1].docid == "z"); // the \r of a CRLF file is not part of the grade
}

TEST_CASE("qrels errors name the file and the line", "[evaluation][readers]") {
    auto parse = [](const std::string& text) {
        std::istringstream in(text);
        return Qrels::parse(in, "q.txt");
    };
    CHECK(error_of([&] { parse("1 0 a 1\n\n1 0 b\n"); }) ==
          "q.txt:3: malformed qrels line: expected 4 fields (qid iter docid relevance), found 3");
    CHECK(error_of([&] { parse("1 0 a yes\n"); }) ==
          "q.txt:1: malformed qrels line: relevance 'yes' is not an integer");
    CHECK(error_of([&] { parse("1 0 a 1\n1 0 a 0\n"); }) ==
          "q.txt:2: docid 'a' is judged twice for topic '1' (first on line 1)");
    // The same docid under two topics is two judgments.
    CHECK(parse("1 0 a 1\n2 0 a 0\n").topics().size() == 2);

    test::TempDir dir;
    const auto missing = (dir / "nope.qrels").string();
    CHECK(error_of([&] { Qrels::read(missing); }) == missing + ": cannot open: No such file or directory");
}

TEST_CASE("runs: the tag of the last line, file order kept, errors name file and line", "[evaluation][readers]") {
    auto parse = [](const std::string& text) {
        std::istringstream in(text);
        return TrecRun::parse(in, "r.txt");
    };
    const auto r = parse("1 Q0 a 1 2.5 first\n# comment\n1 Q0 b 2 -1e3 last extra columns\n");
    REQUIRE(r.topics().at("1").size() == 2);
    CHECK(r.topics().at("1")[1].score == -1000.0);
    CHECK(r.run_id() == "last");

    CHECK(error_of([&] { parse("1 Q0 a 1 2.5\n"); }) ==
          "r.txt:1: malformed run line: expected 6 fields (qid Q0 docid rank score tag), found 5");
    CHECK(error_of([&] { parse("1 Q0 a 1 2.5 t\n1 Q0 b 2 high t\n"); }) ==
          "r.txt:2: malformed run line: score 'high' is not a number");
    // A duplicate docid for a topic is an error, as in trec_eval, even with another score.
    CHECK(error_of([&] { parse("1 Q0 a 1 2.5 t\n2 Q0 a 1 2.5 t\n1 Q0 a 2 1.0 t\n"); }) ==
          "r.txt:3: docid 'a' is retrieved twice for topic '1' (first on line 1)");
}
