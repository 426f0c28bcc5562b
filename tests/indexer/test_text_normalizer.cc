/** @file test_text_normalizer.cc
 *  @brief Checking and normalising raw bytes: BOM, line ends, tabs, trailing spaces, bad input.
 */
#include "text_normalizer.h"

#include "rapporteur/base/errors.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

TEST_CASE("normalize_text: line ends, BOM, tabs and trailing whitespace", "[normalizer]") {
    struct Row {
        std::string in, out;
    };
    const std::vector<Row> rows = {
        {"", ""},
        {"a\r\nb\r\n", "a\nb\n"},
        {"a\rb", "a\nb"},
        {"\xEF\xBB\xBFtitle\n", "title\n"},
        {"tab\tinside\t\n", "tab inside\n"},
        {"trailing   \nspaces \t \r\nend  ", "trailing\nspaces\nend"},
        {"page\fbreak", "page\nbreak"},
        {"  indented stays\n", "  indented stays\n"},
        {"caf\xC3\xA9 \xE2\x80\x94 \xD0\x94\xD0\xB0", "caf\xC3\xA9 \xE2\x80\x94 \xD0\x94\xD0\xB0"},
        {"only the first BOM \xEF\xBB\xBF stays", "only the first BOM \xEF\xBB\xBF stays"},
    };
    for (const auto& row : rows) {
        INFO(row.in);
        CHECK(normalize_text(row.in) == row.out);
    }
}

TEST_CASE("normalize_text: errors name the cause and the offset", "[normalizer]") {
    CHECK_THROWS_WITH(normalize_text("\xEF\xBB\xBF"
                                     "abc\xFF"),
                      "invalid UTF-8 at byte 6");
    CHECK_THROWS_WITH(normalize_text(std::string("a\0b", 3)), "binary file, not text");
    CHECK_THROWS_AS(normalize_text(std::string(100, '\x01')), RuntimeError);
}
