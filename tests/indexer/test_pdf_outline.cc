/** @file test_pdf_outline.cc
 *  @brief Pages of lines into an outline, on pages laid out here word by word: running heads
 *         and page numbers dropped, a footnote block with Unicode superscript labels and
 *         markers, a paragraph over a page break with a hyphenated word at the break, headings
 *         by size, list items.
 */
#include "pdf_outline.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace rapporteur;

namespace {

/// A page under construction: lines of words set at a baseline, 3 pt apart, 6 pt a character.
struct PageBuilder {
    PdfPageLines page;
    explicit PageBuilder(int n) { page.number = n; }

    /// Adds `text` as one line at (x, y) in `size` points; returns *this.
    PageBuilder& line(const std::string& text, double x, double y, double size = 10, bool bold = false) {
        PdfLine l;
        l.size = size;
        l.bold = bold;
        std::istringstream in(text);
        std::string w;
        double at = x;
        while (in >> w) {
            PdfWord word;
            word.text = w;
            word.x0 = at;
            word.x1 = at + 0.5 * size * static_cast<double>(w.size());
            word.y0 = y - 0.9 * size;
            word.y1 = y;
            word.size = size;
            word.bold = bold;
            at = word.x1 + 0.3 * size;
            l.words.push_back(word);
        }
        l.x0 = x;
        l.x1 = l.words.back().x1;
        l.y0 = y - 0.9 * size;
        l.y1 = y;
        page.lines.push_back(std::move(l));
        return *this;
    }
};

const OutlineBlock* block_with(const Outline& o, const std::string& needle) {
    for (const auto& b : o.blocks) {
        if (b.text.find(needle) != std::string::npos) return &b;
    }
    return nullptr;
}

} // namespace

TEST_CASE("running heads, page numbers, footnotes with superscript characters and a paragraph over a break", "[pdf][outline]") {
    // Body lines 12 pt apart from x 72 to about 400; a running head at the top of every page, a
    // page number at the foot.
    std::vector<PdfPageLines> pages;
    for (int n = 1; n <= 3; ++n) {
        PageBuilder p(n);
        p.line("Meeting of the Rapporteurs " + std::to_string(n) + " November", 72, 40, 8);
        if (n == 1) {
            p.line("Day 1. Session 1 - Opening", 72, 90, 14, true);
            p.line("The meeting recalled the commitments¹ of the States and the standards of the Council", 72, 120);
            p.line("of Europe, as well as the work of the national rapporteurs, during the travel and move-", 72, 132);
            p.line("¹ Including the Action Plan to Combat Trafficking in Human Beings.", 72, 700, 8);
        } else if (n == 2) {
            p.line("ment restrictions, and there has been a notable shift of activities online in many States.", 72, 80);
            p.line("A second paragraph starts here with an indent and goes on for a while over the line", 87, 92);
            p.line("and ends here.", 72, 104);
            p.line("• States should develop referral mechanisms and fund the organisations that", 72, 124);
            p.line("help victims during the emergency.", 90, 136);
        } else {
            p.line("Day 2. Session 2 - Closing", 72, 90, 14, true);
            p.line("The meeting closed with thanks to the participants and the interpreters of the day.", 72, 120);
        }
        p.line(std::to_string(n), 230, 800, 10);
        pages.push_back(std::move(p.page));
    }
    const Outline o = pdf_outline(pages).outline;
    for (const auto& b : o.blocks) {
        INFO(b.text);
        CHECK(b.text.find("Meeting of the Rapporteurs") == std::string::npos);
        CHECK(b.text != "1");
        CHECK(b.text != "2");
    }
    const OutlineBlock* p1 = block_with(o, "The meeting recalled");
    REQUIRE(p1);
    CHECK(p1->kind == OutlineBlock::Kind::PARAGRAPH);
    CHECK(p1->text ==
          "The meeting recalled the commitments of the States and the standards of the Council of Europe, as well as the "
          "work of the national rapporteurs, during the travel and movement restrictions, and there has been a notable "
          "shift of activities online in many States.");
    CHECK(p1->page == 1);
    CHECK(p1->last_page == 2);
    REQUIRE(p1->refs.size() == 1);
    CHECK(p1->refs[0].n == 1);
    CHECK(p1->text.substr(0, p1->refs[0].offset).size() == std::string("The meeting recalled the commitments").size());

    const OutlineBlock* fn = block_with(o, "Including the Action Plan");
    REQUIRE(fn);
    CHECK(fn->kind == OutlineBlock::Kind::FOOTNOTE);
    CHECK(fn->n == 1);
    CHECK(fn->text == "Including the Action Plan to Combat Trafficking in Human Beings.");
    CHECK(fn->label == p1->refs[0].label);
    CHECK(fn->page == 1);

    const OutlineBlock* second = block_with(o, "A second paragraph");
    REQUIRE(second);
    CHECK(second->text == "A second paragraph starts here with an indent and goes on for a while over the line and ends here.");
    const OutlineBlock* item = block_with(o, "States should develop");
    REQUIRE(item);
    CHECK(item->kind == OutlineBlock::Kind::LIST_ITEM);
    CHECK(item->text == "States should develop referral mechanisms and fund the organisations that help victims during the emergency.");

    const OutlineBlock* h = block_with(o, "Day 2. Session 2");
    REQUIRE(h);
    CHECK(h->kind == OutlineBlock::Kind::HEADING);
    CHECK(h->level == 1);
    CHECK(h->page == 3);
}

TEST_CASE("an empty document has an empty outline", "[pdf][outline]") {
    CHECK(pdf_outline({}).outline.blocks.empty());
    CHECK(pdf_outline({PdfPageLines{1, {}}, PdfPageLines{2, {}}}).outline.blocks.empty());
}
