/** @file test_highlighter.cc
 *  @brief Highlights and snippet windows from stored offsets: golden cases, long texts,
 *         multi-byte text and escaping.
 */
#include "highlighter.h"
#include "text_util.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>

using rapporteur::ByteRange;
using rapporteur::Highlighter;
using rapporteur::PositionSpan;

namespace {

/// Offsets as the indexer stores them: the analyzer's main tokens, flat [start, end, ...].
std::vector<std::uint32_t> offsets_of(const std::string& text) {
    rapporteur::Analyzer analyzer;
    std::vector<std::uint32_t> out;
    for (const auto& t : analyzer.analyze(text, "en")) {
        if (t.alternative) continue;
        out.push_back(t.start);
        out.push_back(t.end);
    }
    return out;
}

/// The position (1-based) of the first word that starts at `needle` in `text`.
std::uint32_t position_of(const std::vector<std::uint32_t>& offsets, const std::string& text,
                          const std::string& needle) {
    const auto at = text.find(needle);
    for (std::size_t i = 0; i + 1 < offsets.size(); i += 2) {
        if (offsets[i] == at) return static_cast<std::uint32_t>(i / 2 + 1);
    }
    FAIL("no word starts at " << needle);
    return 0;
}

} // namespace

TEST_CASE("neighbouring marked words joined without space become one highlight", "[highlighter]") {
    const std::string text = "It stresses the principle of non-punishment of victims, and non punishment too.";
    const auto offsets = offsets_of(text);
    Highlighter h(text, offsets);
    const auto non = position_of(offsets, text, "non-punishment");
    const auto loose = position_of(offsets, text, "non punishment");
    auto marks = h.ranges({{non, non}, {non + 1, non + 1}, {loose, loose}, {loose + 1, loose + 1}});
    REQUIRE(marks.size() == 3);
    CHECK(text.substr(marks[0].start, marks[0].end - marks[0].start) == "non-punishment");
    // Separated by a space, the same two words stay two highlights.
    CHECK(text.substr(marks[1].start, marks[1].end - marks[1].start) == "non");
    CHECK(text.substr(marks[2].start, marks[2].end - marks[2].start) == "punishment");
}

TEST_CASE("phrases are found in position lists, with a gap where stop words were left out", "[highlighter]") {
    // "victims" at 3 and 10, "trafficking" at 5 and 11.
    std::vector<std::vector<std::uint32_t>> words = {{3, 10}, {5, 11}};
    CHECK(Highlighter::find_phrases(words, 1) == std::vector<PositionSpan>{{10, 11}});
    CHECK(Highlighter::find_phrases(words, 2) == std::vector<PositionSpan>{{3, 5}, {10, 11}});
    CHECK(Highlighter::find_phrases({{1}, {}}, 1).empty());
    CHECK(Highlighter::find_phrases({}, 1).empty());
}

TEST_CASE("a short passage is its own snippet, escaped once, with no ellipsis", "[highlighter]") {
    const std::string text = "Victims & \"survivors\" <b>first</b>.";
    const auto offsets = offsets_of(text);
    Highlighter h(text, offsets);
    const auto marks = h.ranges({{1, 1}});
    const auto window = h.best_window(marks, 200);
    CHECK(window == ByteRange{0, text.size()});
    CHECK(h.render(window, marks, "<mark>", "</mark>", true) ==
          "<mark>Victims</mark> &amp; &quot;survivors&quot; &lt;b&gt;first&lt;/b&gt;.");
    CHECK(h.render(window, marks, "[", "]", false) == "[Victims] & \"survivors\" <b>first</b>.");
}

TEST_CASE("a long passage gets the window with the most distinct matches, cut on word boundaries", "[highlighter]") {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "filler words about nothing in particular here. ";
    const std::size_t target = text.size();
    text += "The guidance covers asylum and the non-punishment principle for victims. ";
    for (int i = 0; i < 40; ++i) text += "more filler words about other things entirely. ";
    const auto offsets = offsets_of(text);
    Highlighter h(text, offsets);
    const auto asylum = position_of(offsets, text, "asylum");
    const auto victims = position_of(offsets, text, "victims. ");
    const auto marks = h.ranges({{asylum, asylum}, {victims, victims}});
    const auto window = h.best_window(marks, 200);
    CHECK(window.start > 0);
    CHECK(window.end < text.size());
    CHECK(window.start <= target + 20);
    CHECK(window.end >= marks[1].end);
    const auto cp = rapporteur::utf8::code_point_index(text);
    CHECK(cp[window.end] - cp[window.start] <= 200);
    CHECK(cp[window.end] - cp[window.start] >= 150);
    // Never inside a word: the window starts at a word start and ends after a word or its punctuation.
    bool starts_word = false;
    for (std::size_t i = 0; i < offsets.size(); i += 2) starts_word = starts_word || offsets[i] == window.start;
    CHECK(starts_word);
    CHECK((text[window.end] == ' ' || text[window.end - 1] == '.'));
    const auto html = h.render(window, marks, "<mark>", "</mark>", true);
    CHECK(html.rfind("…", 0) == 0);
    CHECK(html.find("<mark>asylum</mark>") != std::string::npos);
    CHECK(html.find("<mark>victims</mark>") != std::string::npos);
    CHECK(html.size() >= 3);
    CHECK(html.compare(html.size() - 3, 3, "…") == 0);
}

TEST_CASE("multi-byte text: CJK words and accents keep their bytes whole", "[highlighter]") {
    const std::string text = "与会者指出，网络性剥削在疫情期间有所增加。Les experts ont souligné la sécurité.";
    const auto offsets = offsets_of(text);
    Highlighter h(text, offsets);
    const auto securite = position_of(offsets, text, "sécurité");
    const auto marks = h.ranges({{securite, securite}});
    REQUIRE(marks.size() == 1);
    CHECK(text.substr(marks[0].start, marks[0].end - marks[0].start) == "sécurité");
    const auto window = h.best_window(marks, 20);
    const std::string html = h.render(window, marks, "<mark>", "</mark>", true);
    CHECK(html.find("<mark>sécurité</mark>") != std::string::npos);
    // Every cut is at a code-point boundary: the snippet is valid UTF-8, with its ellipsis.
    CHECK(rapporteur::utf8::invalid_offset(html) == std::string_view::npos);
    CHECK(html.rfind("…", 0) == 0);
    // A window of a few characters around a Chinese word cuts inside the Chinese text: each
    // window, whatever its length, is whole characters.
    const auto wangluo = position_of(offsets, text, "网络");
    const auto cjk = h.ranges({{wangluo, wangluo}});
    REQUIRE(cjk.size() == 1);
    for (std::size_t chars = 1; chars <= 12; ++chars) {
        const auto w = h.best_window(cjk, chars);
        INFO(chars);
        CHECK(rapporteur::utf8::invalid_offset(text.substr(w.start, w.end - w.start)) == std::string_view::npos);
        const std::string cut = h.render(w, cjk, "<mark>", "</mark>", true);
        CHECK(rapporteur::utf8::invalid_offset(cut) == std::string_view::npos);
        CHECK(cut.find("<mark>网络</mark>") != std::string::npos);
    }
}

TEST_CASE("positions without stored offsets are skipped, not read past the end", "[highlighter]") {
    const std::string text = "short text";
    Highlighter h(text, offsets_of(text));
    CHECK(h.ranges({{0, 0}, {3, 3}, {99, 99}}).empty());
    const auto marks = h.ranges({{2, 2}});
    REQUIRE(marks.size() == 1);
    CHECK(text.substr(marks[0].start) == "text");
}
