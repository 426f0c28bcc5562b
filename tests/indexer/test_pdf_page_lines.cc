/** @file test_pdf_page_lines.cc
 *  @brief Words with boxes into lines: rows by baseline, raised markers, two columns read in
 *         column order under a full-width title, and a single column's spaces not taken for a
 *         gutter.
 */
#include "pdf_page_lines.h"

#include <catch2/catch.hpp>

#include <string>

using namespace rapporteur;

namespace {

/// A word at (x, baseline y) of `size` points, its box as poppler gives one (ascent 0.9).
PdfWord word(std::string text, double x, double y, double size = 10) {
    PdfWord w;
    w.text = std::move(text);
    w.x0 = x;
    w.x1 = x + 0.5 * size * static_cast<double>(w.text.size());
    w.y0 = y - 0.9 * size;
    w.y1 = y;
    w.size = size;
    return w;
}

/// `words` set from x on baseline y, 3 pt apart (a justified line's space), `wide` the space
/// after the word of that index instead; returns where the last word ends.
double set_line(PdfPage& page, const std::vector<std::string>& words, double x, double y, int wide_after = -1, double wide = 3) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        page.words.push_back(word(words[i], x, y));
        x = page.words.back().x1 + (static_cast<int>(i) == wide_after ? wide : 3);
    }
    return x - 3;
}

std::string text_of(const PdfLine& l) {
    std::string s;
    for (const auto& w : l.words) s += (s.empty() ? "" : " ") + std::string(w.raised ? "^" : "") + w.text;
    return s;
}

} // namespace

TEST_CASE("a raised smaller number is a marker of its line, not a line of its own", "[pdf][page_lines]") {
    PdfPage page;
    page.words = {word("Office", 100, 100), word("1", 131, 96, 7), word("and", 136, 100), word("next", 100, 112)};
    const auto lines = page_lines(page);
    REQUIRE(lines.size() == 2);
    CHECK(text_of(lines[0]) == "Office ^1 and");
    CHECK(lines[0].size == 10);
    CHECK(text_of(lines[1]) == "next");
    // A smaller word on the baseline (a subscript's size, not raised) is not a marker.
    PdfPage sub;
    sub.words = {word("H", 100, 100), word("2", 106, 101, 7), word("O", 110, 100)};
    CHECK(text_of(page_lines(sub)[0]) == "H 2 O");
}

TEST_CASE("two columns are read left column first, under a full-width title", "[pdf][page_lines]") {
    PdfPage page;
    page.words.push_back(word("A title across the whole width of the page", 150, 60, 14));
    for (int row = 0; row < 20; ++row) {
        const double y = 100 + 12 * row;
        const std::string n = std::to_string(row % 10);
        set_line(page, {"left" + n, "words", "of", "the", "first", "col"}, 72, y);    // ends at 237
        set_line(page, {"right" + n, "words", "of", "the", "second", "c"}, 250, y);   // a 13 pt gutter
    }
    const auto lines = page_lines(page);
    REQUIRE(lines.size() == 41);
    CHECK(lines[0].column == 0);
    CHECK(text_of(lines[1]) == "left0 words of the first col");
    CHECK(lines[1].column == 1);
    CHECK(text_of(lines[20]) == "left9 words of the first col");
    CHECK(text_of(lines[21]) == "right0 words of the second c");
    CHECK(lines[21].column == 2);
    CHECK(lines[1].flow != lines[21].flow);
    CHECK(lines[0].flow != lines[1].flow);
}

TEST_CASE("one column whose spaces happen to line up is not two columns", "[pdf][page_lines]") {
    PdfPage page;
    for (int row = 0; row < 30; ++row) { // a wide space (5 pt) at the same x on every line
        const std::string n = std::to_string(row % 10);
        set_line(page, {"Words", "before", "the", "gap", "and", "after" + n, "it", "xxxxxxx"}, 72, 100 + 12 * row, 3, 5);
    }
    const auto lines = page_lines(page);
    REQUIRE(lines.size() == 30);
    for (const auto& l : lines) CHECK(l.column == 0);
}

TEST_CASE("a page without words has no lines", "[pdf][page_lines]") {
    CHECK(page_lines(PdfPage{}).empty());
    PdfPage empty_words;
    empty_words.words = {word("", 10, 10)};
    CHECK(page_lines(empty_words).empty());
}
