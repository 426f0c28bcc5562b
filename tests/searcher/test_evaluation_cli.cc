/** @file test_evaluation_cli.cc
 *  @brief rapporteur-eval as a benchmarker runs it: trec_eval's printout, warnings, exit codes.
 */
#include "support/process.h"

#include <catch2/catch.hpp>

#include <algorithm>

using rapporteur::test::quote;
using rapporteur::test::read_all;
using rapporteur::test::run;
using rapporteur::test::TempDir;
using rapporteur::test::write_file;

namespace {
const std::string EVAL = RAPPORTEUR_EVAL_BIN;
const std::string DATA = std::string(RAPPORTEUR_TEST_DATA) + "/trec_eval/";
} // namespace

TEST_CASE("rapporteur-eval QRELS RUN prints exactly what trec_eval prints", "[evaluation][cli]") {
    auto r = run(quote(EVAL) + " " + quote(DATA + "qrels.test") + " " + quote(DATA + "results.test"));
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == read_all(DATA + "out.test"));
    // trec_eval's option spelling, sticky and long, and the run from stdin.
    auto sticky = run(quote(EVAL) + " -mmap --measure P.5 -l1 " + quote(DATA + "qrels.test") + " - < " +
                      quote(DATA + "results.test"));
    CHECK(sticky.status == 0);
    CHECK(sticky.out == "map                   \tall\t0.1785\nP_5                   \tall\t0.2667\n");
}

TEST_CASE("rapporteur-eval warns about run topics without judgments and skips them", "[evaluation][cli]") {
    TempDir dir;
    write_file(dir / "q", "1 0 a 1\n2 0 b 1\n");
    write_file(dir / "r", "1 Q0 a 1 1 t\n7 Q0 a 1 1 t\n");
    auto r = run(quote(EVAL) + " -m num_q -m map " + quote((dir / "q").string()) + " " + quote((dir / "r").string()));
    CHECK(r.status == 0);
    CHECK(r.out == "num_q                 \tall\t1\nmap                   \tall\t1.0000\n");
    CHECK(r.err.find("skipped run topics without judgments: 7\n") != std::string::npos);
    CHECK(r.err.find("judged topics absent from the run, not averaged (-c counts them as 0): 2\n") !=
          std::string::npos);
}

TEST_CASE("rapporteur-eval exit codes: 2 for usage, 1 for bad files, one line each", "[evaluation][cli]") {
    TempDir dir;
    write_file(dir / "q", "1 0 a 1\n");
    write_file(dir / "bad", "1 Q0 a 1 1 t\n1 Q0 b 2\n");
    const std::string q = quote((dir / "q").string()), bad = (dir / "bad").string();

    auto malformed = run(quote(EVAL) + " " + q + " " + quote(bad));
    CHECK(malformed.status == 1);
    CHECK(malformed.err == "rapporteur-eval: " + bad +
                               ":2: malformed run line: expected 6 fields (qid Q0 docid "
                               "rank score tag), found 4\n");
    auto unknown = run(quote(EVAL) + " -m nDCG@10 " + q + " " + q);
    CHECK(unknown.status == 2);
    CHECK(unknown.err.find("unknown measure 'nDCG@10'") != std::string::npos);
    auto one_file = run(quote(EVAL) + " " + q);
    CHECK(one_file.status == 2);
    CHECK(std::count(one_file.err.begin(), one_file.err.end(), '\n') == 1);
    auto missing = run(quote(EVAL) + " " + q + " " + quote((dir / "none").string()));
    CHECK(missing.status == 1);
    CHECK(missing.err.find((dir / "none").string() + ": cannot open: No such file or directory") != std::string::npos);
}
