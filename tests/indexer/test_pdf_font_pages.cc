/** @file test_pdf_font_pages.cc
 *  @brief Which pages the PDF reader reads fonts for: those where a short block set apart in
 *         the body's size could be a bold heading, or a line looks larger than the body, and
 *         no others (pages of paragraphs, list items, page numbers).
 */
#include "pdf_font_pages.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace rapporteur;

namespace {

/// Adds `text` to `page` as one line with its baseline at `y`, from `x` to `right` (or to
/// where its words end, 5 pt a character at 10 pt, when `right` is 0).
void add_line(PdfPageLines& page, const std::string& text, double x, double y, double right = 0, double size = 10) {
    PdfLine l;
    l.size = size;
    std::istringstream in(text);
    double at = x;
    for (std::string w; in >> w;) {
        PdfWord word;
        word.text = w;
        word.x0 = at;
        word.x1 = at + 0.5 * size * static_cast<double>(w.size());
        word.y0 = y - 0.9 * size;
        word.y1 = y;
        word.size = size;
        at = word.x1 + 0.3 * size;
        l.words.push_back(word);
    }
    if (right > 0) l.words.back().x1 = right;
    l.x0 = x;
    l.x1 = l.words.back().x1;
    l.y0 = y - 0.9 * size;
    l.y1 = y;
    page.lines.push_back(std::move(l));
}

/// A paragraph of `n` justified lines from 72 to 520 pt, 12 pt apart from `y`, the last one
/// short and ending a sentence; returns the baseline after it.
double add_paragraph(PdfPageLines& page, double y, int n) {
    for (int i = 0; i + 1 < n; ++i, y += 12) add_line(page, "the national rapporteurs reported on the work of their offices during the year", 72, y, 520);
    add_line(page, "and on the year to come.", 72, y);
    return y + 12;
}

} // namespace

TEST_CASE("fonts are read only for pages where a heading could be told by weight or by size", "[pdf][fonts]") {
    std::vector<PdfPageLines> pages(5);
    for (int n = 0; n < 5; ++n) pages[static_cast<std::size_t>(n)].number = n + 1;
    // 1: a short line of the body's size, a gap above it, no full stop: perhaps a bold heading.
    double y = add_paragraph(pages[0], 100, 4);
    add_line(pages[0], "Recommendations of the working group", 72, y + 14);
    add_paragraph(pages[0], y + 28, 5);
    // 2: paragraphs alone, their last lines short but ending sentences.
    add_paragraph(pages[1], add_paragraph(pages[1], 100, 6) + 6, 5);
    // 3: a heading larger than the body by its box, which its font's size must confirm.
    add_line(pages[2], "Day 2. Session 3 - Closing", 72, 90, 0, 14);
    add_paragraph(pages[2], 110, 6);
    // 4: list items, short and without full stops, after a gap.
    y = add_paragraph(pages[3], 100, 5);
    add_line(pages[3], "\u2022 national referral mechanisms", 72, y + 14);
    add_line(pages[3], "\u2022 funding of shelters", 72, y + 26);
    add_paragraph(pages[3], y + 40, 4);
    // 5: a paragraph of more than four lines whose first line is set apart: no heading.
    add_paragraph(pages[4], 100, 7);
    // Every page ends with its number at the foot, short and without a full stop.
    for (auto& p : pages) add_line(p, std::to_string(p.number), 290, 800);

    CHECK(pages_needing_fonts(pages) == std::vector<std::size_t>{0, 2});

    // The same line ending a sentence is the short last line of a paragraph, no heading.
    pages[0].lines[4].words.back().text += ".";
    CHECK(pages_needing_fonts(pages) == std::vector<std::size_t>{2});
}
