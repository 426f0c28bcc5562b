/** @file test_text_normalizer.cc
 *  @brief Checking and normalising raw bytes: BOM, line ends, tabs, trailing spaces, bad input.
 */
#include "text_normalizer.h"

#include "rapporteur/analyzers.h"

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

TEST_CASE("find_invalid_utf8: strict, with the offset of the first bad byte", "[normalizer]") {
    CHECK(find_invalid_utf8("plain ascii and \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == std::string_view::npos);
    CHECK(find_invalid_utf8("\x80") == 0);                       // lone continuation
    CHECK(find_invalid_utf8("ab\xC3") == 2);                     // truncated
    CHECK(find_invalid_utf8("12345678\xC1\x81") == 8);           // overlong 2-byte (after the 8-byte fast path)
    CHECK(find_invalid_utf8("x\xE0\x80\xAF") == 1);              // overlong 3-byte
    CHECK(find_invalid_utf8("xy\xED\xB0\x80") == 2);             // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);           // above U+10FFFF
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
}

TEST_CASE("normalize_text: errors name the cause and the offset", "[normalizer]") {
    CHECK_THROWS_WITH(normalize_text("\xEF\xBB\xBF" "abc\xFF"), "invalid UTF-8 at byte 6");
    CHECK_THROWS_WITH(normalize_text(std::string("a\0b", 3)), "binary file, not text");
    CHECK_THROWS_AS(normalize_text(std::string(100, '\x01')), RuntimeError);
}
