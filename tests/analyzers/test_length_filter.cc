/** @file test_length_filter.cc
 *  @brief LengthFilter: terms capped at MAX_TERM_BYTES, never inside a UTF-8 character.
 */
#include <catch2/catch.hpp>

#include "length_filter.h"

using rapporteur::LengthFilter;

TEST_CASE("LengthFilter caps long terms at a character boundary", "[length_filter]") {
    std::string ascii(500, 'a');
    LengthFilter::apply(ascii);
    CHECK(ascii.size() == LengthFilter::MAX_TERM_BYTES);

    std::string han;
    for (int i = 0; i < 100; ++i) han += "性"; // 3 bytes each: 120 is a boundary, 121 is not
    std::string shifted = "a" + han;
    LengthFilter::apply(han);
    CHECK(han.size() == 120);
    LengthFilter::apply(shifted);
    CHECK(shifted.size() == 118); // "a" + 39 characters: the 40th would end at byte 121
    CHECK(shifted.substr(1, 3) == "性");

    std::string short_term = "victim";
    LengthFilter::apply(short_term);
    CHECK(short_term == "victim");
}
