/** @file test_word_list.cc
 *  @brief read_word_list: comments, blanks and errors naming the file.
 */
#include <catch2/catch.hpp>

#include "rapporteur/analyzers.h"

#include "support/process.h"
#include "word_list.h"

#include <fstream>

TEST_CASE("read_word_list reads lines without comments", "[word_list]") {
    rapporteur::test::TempDir dir;
    const auto path = dir.path() / "list.txt";
    std::ofstream(path) << "# header\n\n  alpha  \nbeta # note\n\t\ngamma\tdelta\n";
    CHECK(rapporteur::read_word_list(path) == std::vector<std::string>{"alpha", "beta", "gamma\tdelta"});

    std::ofstream(dir.path() / "bad.txt") << "ok\n\xFF\n";
    CHECK_THROWS_WITH(rapporteur::read_word_list(dir.path() / "bad.txt"), Catch::Contains("bad.txt:2"));
    CHECK_THROWS_WITH(rapporteur::read_word_list(dir.path() / "missing.txt"), Catch::Contains("missing.txt"));
    CHECK_THROWS_AS(rapporteur::data_path("analyzers", "no/such/file.txt"), rapporteur::RuntimeError);
}
