/** @file test_html_reader.cc
 *  @brief The HTML reader (html_reader.cc) on the shapes pages come in: the page's furniture
 *  left out, hand-written footnotes (a list of anchored items with back-links, paragraphs with
 *  named anchors), tables with header cells, nested lists, declared and undeclared encodings.
 */
#include "passage_lookup.h"
#include "rapporteur/readers.h"
#include "rapporteur/utf8.h"
#include "support/report_lines.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace rapporteur;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Report read_html(const std::string& html) { return reader_for("r.html")->read(html, "r.html"); }

std::vector<std::string> texts(const Report& r) {
    std::vector<std::string> out;
    for (const auto& p : r.passages) out.push_back(p.text);
    return out;
}

} // namespace

TEST_CASE("HTML: scripts, styles, navigation, forms and the page's header and footer are left out", "[readers][html]") {
    const Report r = read_html(
        "<!DOCTYPE html><html><head><title>Meeting of 4 June 2021</title><style>p { color: red }</style>"
        "<script>var x = 'not text';</script></head><body>"
        "<header><nav><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav></header>"
        "<main><article><header><p>Published by the secretariat.</p></header>"
        "<h2>Day 1. Session 1 - Opening</h2><p>The chair opened the <b>meeting</b>.</p>"
        "<form><input name=\"q\"><button>Search</button></form>"
        "<noscript>Enable scripts.</noscript></article></main>"
        "<div role=\"navigation\"><ul><li>Index</li></ul></div><p hidden>Not shown.</p>"
        "<footer><p>Copyright 2021</p></footer></body></html>");
    CHECK(r.title == "Meeting of 4 June 2021");
    CHECK(r.dates == std::vector<std::string>{"2021-06-04"});
    CHECK(texts(r) == std::vector<std::string>{"Published by the secretariat.", "The chair opened the meeting."});
    REQUIRE(r.sessions.size() == 2);
    CHECK(r.sessions[1].title == "Opening");
    CHECK(r.passages[1].session == 1);
}

TEST_CASE("HTML: hand-written footnotes, an anchored list with back-links", "[readers][html]") {
    const Report r = read_html(
        "<p>Shelters were discussed<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup> and hotlines"
        "<sup><a href=\"#fn2\" id=\"ref2\">[2]</a></sup>.</p>"
        "<p>See also <a href=\"https://example.org/report\">the report</a>.</p>"
        "<hr><ol><li id=\"fn1\">The first note. <a href=\"#ref1\">↩</a></li>"
        "<li id=\"fn2\"><p>The second note, on <a href=\"https://example.org/n2\">a page</a>.</p>"
        "<a href=\"#ref2\">back</a></li></ol>");
    REQUIRE(r.passages.size() == 4);
    const Passage& p = r.passages[0];
    CHECK(p.text == "Shelters were discussed and hotlines.");
    REQUIRE(p.footnotes.size() == 2);
    CHECK(p.footnotes[0].n == 1);
    CHECK(p.footnotes[0].offset == std::string("Shelters were discussed").size());
    CHECK(p.footnotes[1].n == 2);
    CHECK(p.footnotes[1].id == "r/fn2");
    CHECK(r.passages[1].urls == std::vector<std::string>{"https://example.org/report"});
    CHECK(r.passages[2].text == "The first note.");
    CHECK(r.passages[2].cited_by == std::vector<std::string>{"r/p1"});
    CHECK(r.passages[3].text == "The second note, on a page.");
    CHECK(r.passages[3].urls == std::vector<std::string>{"https://example.org/n2"});
}

TEST_CASE("HTML: footnotes as paragraphs with a named anchor and a number", "[readers][html]") {
    const Report r = read_html(
        "<p>Inspections decreased.<a href=\"#n1\"><sup>1</sup></a></p>"
        "<div class=\"notes\"><p><a name=\"n1\"></a>1. Labour inspectorate, 2020.</p></div>");
    REQUIRE(r.passages.size() == 2);
    REQUIRE(r.passages[0].footnotes.size() == 1);
    CHECK(r.passages[0].footnotes[0].id == "r/fn1");
    CHECK(r.passages[1].text == "Labour inspectorate, 2020.");
    CHECK(kind_name(r.passages[1].kind) == "footnote");
}

TEST_CASE("HTML: bracketed markers to notes, and links that are not markers", "[readers][html]") {
    const Report r = read_html(
        "<p>Shelters [<a href=\"#s1\">see</a>] were discussed.<a href=\"#note-1\">[1]</a></p>"
        "<h3 id=\"s1\">Shelters</h3><p>More on shelters.</p>"
        "<p id=\"note-1\">[1] Shelter standards, 2019.</p>");
    REQUIRE(r.passages.size() == 3);
    CHECK(r.passages[0].text == "Shelters [see] were discussed.");
    REQUIRE(r.passages[0].footnotes.size() == 1);
    CHECK(r.passages[0].footnotes[0].id == "r/fn1");
    CHECK(r.passages[1].text == "More on shelters.");
    CHECK(r.passages[2].text == "Shelter standards, 2019.");
    CHECK(kind_name(r.passages[2].kind) == "footnote");
}

TEST_CASE("HTML: footnotes as Word saves them as a web page", "[readers][html]") {
    const Report r = read_html(
        "<p class=MsoNormal>Shelters were discussed.<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" "
        "name=\"_ftnref1\" title=\"\"><span class=MsoFootnoteReference>[1]</span></a></p>"
        "<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1>"
        "<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\" title=\"\">"
        "<span class=MsoFootnoteReference>[1]</span></a> Council of Europe, 2005.</p></div></div>");
    REQUIRE(r.passages.size() == 2);
    CHECK(r.passages[0].text == "Shelters were discussed.");
    REQUIRE(r.passages[0].footnotes.size() == 1);
    CHECK(r.passages[0].footnotes[0].n == 1);
    CHECK(r.passages[1].text == "Council of Europe, 2005.");
    CHECK(r.passages[1].cited_by == std::vector<std::string>{"r/p1"});
}

TEST_CASE("HTML: tables are rows of cells, nested lists bullets", "[readers][html]") {
    const Report r = read_html(
        "<table><tr><th>Name</th><th>Organisation</th></tr>"
        "<tr><td>Ana <i>Pérez</i></td><td><p>OSCE</p></td></tr></table>"
        "<ul><li>first<ul><li>inner</li></ul></li><li><p>last</p><p>point</p></li></ul>");
    // The header row (all <th>) is a passage or the table's column names, as build_report says.
    std::vector<std::string> got = texts(r);
    if (!got.empty() && got.front() == "Name | Organisation") got.erase(got.begin());
    CHECK(got == std::vector<std::string>{"Ana Pérez | OSCE", "first", "inner", "last point"});
    CHECK(kind_name(r.passages.back().kind) == "bullet");
    CHECK(test::containing(r, "Ana Pérez").organisations == std::vector<std::string>{"OSCE"});
}

TEST_CASE("HTML: a declared encoding is honoured, and without one UTF-8 or else windows-1252", "[readers][html]") {
    // Each page a sentence: a lone short line would be the report's front matter, not a passage.
    const Report latin =
        read_html("<html><head><meta charset=\"iso-8859-1\"></head><body><p>R\xE9union close.</p></body></html>");
    CHECK(texts(latin) == std::vector<std::string>{"Réunion close."});
    const Report utf8 = read_html("<p>Réunion à Genève.</p>");
    CHECK(texts(utf8) == std::vector<std::string>{"Réunion à Genève."});
    // Undeclared and not UTF-8: windows-1252, as a browser reads it.
    const Report legacy = read_html("<p>R\xE9union \x96 Gen\xE8ve.</p>");
    CHECK(texts(legacy) == std::vector<std::string>{"Réunion – Genève."});
}

TEST_CASE("HTML: bytes the encoding cannot decode become U+FFFD, and nothing after them is lost",
          "[readers][html]") {
    // Declared UTF-8 and holding bytes that are not: as a browser shows it, never those bytes.
    const Report broken = read_html("<html><head><meta charset=\"utf-8\"></head><body>"
                                    "<p>Die Vertreterin \x88\x8f der Stelle sprach.</p><p>Zweiter Absatz.</p></body></html>");
    CHECK(texts(broken) == std::vector<std::string>{"Die Vertreterin \xEF\xBF\xBD\xEF\xBF\xBD der Stelle sprach.",
                                                    "Zweiter Absatz."});
    // windows-1252 leaves five bytes unassigned; a page holding one is read to its end.
    const Report legacy = read_html("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                                    "charset=windows-1252\"></head><body><p>R\xE9union \x81 close.</p>"
                                    "<p>Le second paragraphe suit.</p></body></html>");
    REQUIRE(texts(legacy).size() == 2);
    CHECK(texts(legacy)[0].rfind("R\xC3\xA9union ", 0) == 0);
    CHECK(texts(legacy)[1] == "Le second paragraphe suit.");
}

TEST_CASE("HTML: a mutated page declared UTF-8 whose <style> leaks into its text gives UTF-8 passages",
          "[readers][html][fuzz]") {
    // Found by fuzz_reader_html: libxml2 2.9.14 let the bytes 0x88 0x8F through into the text.
    const auto path = std::filesystem::path(RAPPORTEUR_TEST_DATA).parent_path() / "fuzz" / "reader_html" /
                      "invalid-utf8-passage.html";
    const Report fuzzed = read_html(slurp(path));
    REQUIRE_FALSE(fuzzed.passages.empty());
    for (const auto& p : fuzzed.passages) CHECK(utf8::invalid_offset(p.text) == std::string_view::npos);
}

TEST_CASE("HTML: a byte-order mark and a declared multi-byte charset are decoded", "[readers][html]") {
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("<p>R\xE9union du comit\xE9 \xE0 Gen\xE8ve.</p>")) {
        utf16 += c;
        utf16 += '\0';
    }
    CHECK(texts(read_html(utf16)) == std::vector<std::string>{"Réunion du comité à Genève."});
    // "Meeting of the committee." in Japanese, in Shift_JIS.
    const Report sjis = read_html("<html><head><meta charset=\"Shift_JIS\"></head><body><p>"
                                  "\x88\xCF\x88\xF5\x89\xEF\x82\xCC\x89\xEF\x8B\x63\x81\x42</p></body></html>");
    CHECK(texts(sjis) == std::vector<std::string>{"委員会の会議。"});
}

TEST_CASE("HTML: an <ol> of <li><p> is numbered paragraphs, but a tight <ol>, letters and bullets stay lists",
          "[readers][html][un]") {
    const Report r = read_html(
        "<h2>I. Introduction</h2>"
        "<ol><li><p>The Committee held its twelfth session.</p></li>"
        "<li><p>The Committee decided:</p><ol type=\"a\"><li><p>To meet again;</p></li>"
        "<li><p>To report.</p></li></ol></li></ol>"
        "<ol start=\"3\"><li>The Chair closed the session.</li></ol>"
        "<ol><li>Opening of the session.</li><li>Adoption of the agenda.</li></ol>"
        "<ol type=\"a\"><li><p>A lettered point.</p></li><li><p>Another point.</p></li></ol>"
        "<ul><li><p>A bullet.</p></li></ul>");
    CHECK(test::kinds_and_texts(r) == std::vector<std::string>{
                     "paragraph: The Committee held its twelfth session.",
                     "paragraph: The Committee decided:",
                     "bullet: To meet again;",
                     "bullet: To report.",
                     "paragraph: The Chair closed the session.", // numbered alone
                     "bullet: Opening of the session.",
                     "bullet: Adoption of the agenda.",
                     "bullet: A lettered point.",
                     "bullet: Another point.",
                     "bullet: A bullet.",
                 });
}
