/** @file test_fuzz_regressions.cc
 *  @brief The inputs the fuzz targets (tests/fuzz/) found trouble with, each a test of the
 *         behaviour the product now has. Run under the sanitizer tree, each failed before its fix.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/format/stored_passage.h"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <string>

using namespace rapporteur;

namespace {

/// A stored passage "a/b", text "x", its seven other parts empty, then `json` as the rest of
/// its data.
Xapian::Document passage_with(const std::string& json) {
    Xapian::Document doc;
    doc.set_data(std::string("\x03" "a/b\x01x") + std::string(7, '\0') + json);
    return doc;
}

} // namespace

TEST_CASE("a stored footnote number out of int's range is damaged data, not undefined behaviour",
          "[fuzz][regression]") {
    // fuzz_stored_passage: nlohmann's get<int>() of 1e300 is a float-to-int overflow (UBSan:
    // "1e+300 is outside the range of representable values of type 'int'").
    for (const std::string json : {
             R"({"kind":"footnote","n":1e300})",
             R"({"kind":"footnote","n":-1e300})",
             R"({"kind":"footnote","n":2.5})",
             R"({"kind":"footnote","n":99999999999999})",
             R"({"kind":"footnote","n":18446744073709551615})",
             R"({"kind":"paragraph","footnotes":[{"n":1e300,"text":"","urls":[]}]})",
             R"({"kind":"paragraph","footnotes":[{"n":"7","text":"","urls":[]}]})",
         }) {
        INFO(json);
        CHECK_THROWS_WITH(read_stored_passage(passage_with(json)), Catch::Contains("damaged passage data in document"));
    }
    // The numbers a writer writes still read back.
    const auto fine = read_stored_passage(passage_with(R"({"kind":"footnote","n":2147483647,"urls":[],"cited_by":[]})"));
    CHECK(fine.footnote_number == 2147483647);
    const auto cited = read_stored_passage(passage_with(R"({"kind":"paragraph","footnotes":[{"n":-3,"text":"t","urls":[]}]})"));
    REQUIRE(cited.footnotes.size() == 1);
    CHECK(cited.footnotes[0].n == -3);
}
