/** @file test_utf8.cc
 *  @brief The UTF-8 helper set: validation, decoding, folding, cuts and code-point offsets.
 */
#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

TEST_CASE("invalid_offset: strict, with the offset of the first bad byte", "[utf8]") {
    CHECK(utf8::invalid_offset("plain ascii and \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == std::string_view::npos);
    CHECK(utf8::invalid_offset("\x80") == 0);             // lone continuation
    CHECK(utf8::invalid_offset("ab\xC3") == 2);           // truncated
    CHECK(utf8::invalid_offset("12345678\xC1\x81") == 8); // overlong 2-byte (after the 8-byte fast path)
    CHECK(utf8::invalid_offset("x\xE0\x80\xAF") == 1);    // overlong 3-byte
    CHECK(utf8::invalid_offset("xy\xED\xB0\x80") == 2);   // surrogate
    CHECK(utf8::invalid_offset("\xF4\x90\x80\x80") == 0); // above U+10FFFF
    CHECK(utf8::invalid_offset("\xF5\x80\x80\x80") == 0);
}

TEST_CASE("next/previous decode and step over whole characters, U+FFFD for broken bytes", "[utf8]") {
    const std::string s = "a\xC3\xA9\xF0\x9F\x98\x80"; // a é 😀
    std::size_t pos = 0;
    CHECK(utf8::next(s, pos) == U'a');
    CHECK(utf8::next(s, pos) == U'\u00E9');
    CHECK(pos == 3);
    CHECK(utf8::next(s, pos) == U'\U0001F600');
    CHECK(pos == s.size());
    CHECK(utf8::previous(s, pos) == U'\U0001F600');
    CHECK(pos == 3);
    const std::string broken = "\xC3x";
    pos = 0;
    CHECK(utf8::next(broken, pos) == U'\uFFFD');
    CHECK(pos == 1);
    CHECK(utf8::next(broken, pos) == U'x');
}

TEST_CASE("append and encode write UTF-8, decode reads it back", "[utf8]") {
    std::string out;
    utf8::append(out, U'\u00E9');
    utf8::append(out, U'\U0001F600');
    CHECK(out == "\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(utf8::encode(utf8::decode("Straße 東京")) == "Straße 東京");
    CHECK(utf8::decode("Straße").size() == 6);
}

TEST_CASE("fold: full case folding, ASCII and beyond", "[utf8]") {
    CHECK(utf8::fold("GRETA") == "greta");
    CHECK(utf8::fold("STRASSE") == utf8::fold("straße"));
    CHECK(utf8::fold("ÉCOLE") == "école");
    CHECK(utf8::fold("ΣΟΦΊΑ") == utf8::fold("σοφία"));
}

TEST_CASE("prefix and first_code_points cut on character boundaries", "[utf8]") {
    const std::string s =
        "ab\xC3\xA9"
        "cd";                          // a b é c d
    CHECK(utf8::prefix(s, 3) == "ab"); // byte 3 is inside é
    CHECK(utf8::prefix(s, 4) == "ab\xC3\xA9");
    CHECK(utf8::prefix(s, 100) == s);
    CHECK(utf8::first_code_points(s, 3) == "ab\xC3\xA9");
    CHECK(utf8::first_code_points(s, 0).empty());
    CHECK(utf8::length(s) == 5);
}

TEST_CASE("code_point_index and byte_of_code_point are inverse on boundaries", "[utf8]") {
    const std::string s = "x\xC3\xA9\xE6\x9D\xB1y"; // x é 東 y
    const auto index = utf8::code_point_index(s);
    REQUIRE(index.size() == s.size() + 1);
    CHECK(index[0] == 0);
    CHECK(index[1] == 1);
    CHECK(index[3] == 2);
    CHECK(index[6] == 3);
    CHECK(index.back() == 4);
    for (std::size_t cp = 0; cp <= 4; ++cp) CHECK(index[utf8::byte_of_code_point(s, cp)] == cp);
    CHECK(utf8::byte_of_code_point(s, 99) == s.size());
}

TEST_CASE("display_width: CJK and fullwidth take two columns, combining marks none", "[utf8]") {
    CHECK(utf8::display_width("") == 0);
    CHECK(utf8::display_width("asylum") == 6);
    CHECK(utf8::display_width("人口贩运") == 8);        // Han: wide
    CHECK(utf8::display_width("ひらがな") == 8);        // kana: wide
    CHECK(utf8::display_width("ＡＢ") == 4);            // fullwidth Latin
    CHECK(utf8::display_width("e\u0301te\u0301") == 3); // "été" with combining acutes
    CHECK(utf8::display_width("a\u200Bb") == 2);        // zero-width space
    CHECK(utf8::display_width("…") == 1);               // ambiguous: one column
    CHECK(utf8::display_width("Vi\u00F1a, 与会者") == 12);
    CHECK(utf8::char_width(U'\t') == 0);
    CHECK(utf8::char_width(U'中') == 2);
}
