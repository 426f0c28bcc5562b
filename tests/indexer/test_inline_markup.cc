/** @file test_inline_markup.cc
 *  @brief Inline markup: footnote markers with offsets, links, escapes, emphasis and spaces.
 */
#include "inline_markup.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

namespace {
using Strings = std::vector<std::string>;
using Refs = std::vector<std::pair<int, std::uint32_t>>;

Refs refs_of(const InlineText& t) {
    Refs r;
    for (const auto& f : t.refs) r.emplace_back(f.n, f.offset);
    return r;
}
} // namespace

TEST_CASE("read_inline: a golden table", "[inline]") {
    struct Row {
        std::string in, text;
        Refs refs;
        Strings urls;
    };
    const std::vector<Row> rows = {
        {"", "", {}, {}},
        {"  many   spaces \n here  ", "many spaces here", {}, {}},
        {"commitments¹ and standards²", "commitments and standards", {{1, 11}, {2, 25}}, {}},
        {"on 2 April 2020,⁵ calling", "on 2 April 2020, calling", {{5, 16}}, {}},
        {"report (2020)¹⁰, which", "report (2020), which", {{10, 13}}, {}},
        {"¹²³ at the start", "at the start", {{123, 0}}, {}},
        {"ref[^7] here", "ref here", {{7, 3}}, {}},
        {"ref<sup>12</sup>.", "ref.", {{12, 3}}, {}},
        {"See <https://www.osce.org/cthb/413123>",
         "See https://www.osce.org/cthb/413123",
         {},
         {"https://www.osce.org/cthb/413123"}},
        {"GRETA - [News \\(coe.int\\)](#)", "GRETA - News (coe.int)", {}, {}},
        {"[label](https://a.example/x) and [other](<https://b.example/y> \"T\")",
         "label and other",
         {},
         {"https://a.example/x", "https://b.example/y"}},
        {"![a chart](img.png) shown", "a chart shown", {}, {"img.png"}},
        {"bare https://example.org/page. Next",
         "bare https://example.org/page. Next",
         {},
         {"https://example.org/page"}},
        {"at https://example.org/page¹ and",
         "at https://example.org/page and",
         {{1, 27}},
         {"https://example.org/page"}},
        {"at https://example.org/page.²", "at https://example.org/page.", {{2, 28}}, {"https://example.org/page"}},
        {"<https://exam¹ple.org>", "<https://example.org>", {{1, 13}}, {"https://exam"}},
        {"**bold** and __strong__ and *em* and `code`", "bold and strong and em and code", {}, {}},
        {"2 * 3 and snake_case", "2 * 3 and snake_case", {}, {}},
        {"AT&amp;T &lt;tag&gt; a&nbsp;b", "AT&T <tag> a b", {}, {}},
        {"x < 5 and [not a link] and [^x]", "x < 5 and [not a link] and [^x]", {}, {}},
        {"no\u00A0break", "no break", {}, {}},
        {"[Day 2](#) heading", "Day 2 heading", {}, {}},
    };
    for (const auto& row : rows) {
        INFO(row.in);
        const InlineText t = read_inline(row.in);
        CHECK(t.text == row.text);
        CHECK(refs_of(t) == row.refs);
        CHECK(t.urls == row.urls);
    }
}

TEST_CASE("read_inline: many unclosed brackets stay linear", "[inline][large]") {
    const std::string text(4u << 20, '[');
    const InlineText t = read_inline(text + "<" + std::string(1u << 20, '<'));
    CHECK(t.text.size() == text.size() + (1u << 20) + 1);
}

TEST_CASE("match_footnote_start: at the start of a block, lower case and no space are footnotes too", "[inline]") {
    auto m = match_footnote_start("³ ibid., p. 4", true);
    REQUIRE(m);
    CHECK(m->n == 3);
    m = match_footnote_start("¹Including the Action Plan", true);
    REQUIRE(m);
    CHECK(m->body == std::string("¹").size());
    CHECK_FALSE(match_footnote_start("¹including", true));
    CHECK_FALSE(match_footnote_start("³ ibid., p. 4", false));
}

TEST_CASE("match_footnote_start: footnote lines and lines that are not", "[inline]") {
    struct Row {
        std::string line;
        int n;
        std::string body;
    };
    const std::vector<Row> rows = {
        {"¹ Including OSCE Action Plan", 1, "Including OSCE Action Plan"},
        {"¹⁰ See <https://x>", 10, "See <https://x>"},
        {"[^3]: A Markdown note", 3, "A Markdown note"},
        {"<sup>4</sup> An HTML note", 4, "An HTML note"},
        {"⁵ «Citation»", 5, "«Citation»"},
        {"¹ and CoE standards", 0, ""}, // a wrapped line that begins with a marker
        {"¹Including", 0, ""},
        {"1 Including", 0, ""},
        {"²", 0, ""},
        {"Text¹ here", 0, ""},
    };
    for (const auto& row : rows) {
        INFO(row.line);
        auto m = match_footnote_start(row.line);
        if (row.n) CHECK(match_footnote_start(row.line, true));
        if (row.n == 0) {
            CHECK_FALSE(m);
        } else {
            REQUIRE(m);
            CHECK(m->n == row.n);
            CHECK(row.line.substr(m->body) == row.body);
        }
    }
}
