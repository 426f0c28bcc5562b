/** @file test_odt_reader.cc
 *  @brief The ODT reader (odt_reader.cc) on OpenDocument's own shapes, written here: text:h and
 *  outline levels, a paragraph style with a default outline level, nested lists, tables with
 *  header rows, footnotes and endnotes, soft page breaks, spaces and tabs, meta.xml's title.
 */
#include "office_fixtures.h"
#include "rapporteur/readers.h"
#include "support/report_lines.h"

#include <catch2/catch.hpp>

using namespace rapporteur;
using rapporteur::test::odt_with;

namespace {

Report read_odt(const std::string& text, const std::string& styles = "",
                std::map<std::string, std::string> parts = {}) {
    return reader_for("r.odt")->read(odt_with(text, styles, std::move(parts)), "r.odt");
}

} // namespace

TEST_CASE("ODT: headings by outline level and by style, title from meta.xml", "[readers][odt]") {
    const std::string meta =
        "<?xml version=\"1.0\"?><office:document-meta "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta>"
        "<dc:title>Réunion du 12 mai 2022</dc:title></office:meta></office:document-meta>";
    const std::string styles =
        "<style:style style:name=\"P1\" style:family=\"paragraph\" "
        "style:parent-style-name=\"Agenda\" style:default-outline-level=\"2\"/>";
    const Report r = read_odt(
        "<text:h text:outline-level=\"2\">Élections</text:h>"
        "<text:p>La séance est ouverte.</text:p>"
        "<text:p text:style-name=\"P1\">Budget</text:p>"
        "<text:p>Le budget est adopté.</text:p>"
        "<text:h text:outline-level=\"3\">Conclusion</text:h>"
        "<text:p>Fin.</text:p>",
        styles, {{"meta.xml", meta}});
    CHECK(r.title == "Réunion du 12 mai 2022");
    CHECK(r.dates == std::vector<std::string>{"2022-05-12"});
    REQUIRE(r.sessions.size() == 3);
    CHECK(r.sessions[1].title == "Élections");
    CHECK(r.sessions[2].title == "Budget");
    REQUIRE(r.passages.size() == 3);
    CHECK(r.passages[1].session == 2);
    CHECK(r.passages[2].session == 2); // "Conclusion" is a sub-heading: it stays in its session
}

TEST_CASE("ODT: nested lists are bullets, tables rows of cells", "[readers][odt]") {
    const Report r = read_odt(
        "<text:list><text:list-item><text:p>first point</text:p>"
        "<text:list><text:list-item><text:p>inner point</text:p></text:list-item></text:list>"
        "</text:list-item><text:list-item><text:p>last point</text:p></text:list-item></text:list>"
        "<table:table><table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>Name</text:p></table:table-cell>"
        "<table:table-cell><text:p>Organisation</text:p></table:table-cell>"
        "</table:table-row></table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>Jan Novak</text:p></table:table-cell>"
        "<table:table-cell><text:p>Council of Europe</text:p></table:table-cell>"
        "</table:table-row></table:table>");
    REQUIRE(r.passages.size() >= 4); // the header row is a passage or the table's column names
    for (int i = 0; i < 3; ++i) CHECK(kind_name(r.passages[i].kind) == "bullet");
    CHECK(r.passages[0].text == "first point");
    CHECK(r.passages[1].text == "inner point");
    CHECK(r.passages[2].text == "last point");
    CHECK(r.passages.back().text == "Jan Novak | Council of Europe");
    CHECK(r.passages.back().organisations == std::vector<std::string>{"Council of Europe"});
}

TEST_CASE("ODT: notes are cited where they stand, with their citation's number", "[readers][odt]") {
    const Report r = read_odt(
        "<text:p>Shelters<text:note text:id=\"ftn1\" text:note-class=\"footnote\"><text:note-citation>1"
        "</text:note-citation><text:note-body><text:p>A footnote</text:p><text:p>on two paragraphs.</text:p>"
        "</text:note-body></text:note> and hotlines<text:note text:id=\"edn1\" text:note-class=\"endnote\">"
        "<text:note-citation>i</text:note-citation><text:note-body><text:p>An endnote.</text:p></text:note-body>"
        "</text:note>.</text:p>");
    REQUIRE(r.passages.size() == 3);
    const Passage& p = r.passages[0];
    CHECK(p.text == "Shelters and hotlines.");
    REQUIRE(p.footnotes.size() == 2);
    CHECK(p.footnotes[0].n == 1);
    CHECK(p.footnotes[0].offset == 8);
    CHECK(p.footnotes[0].id == "r/fn1");
    CHECK(p.footnotes[1].n == 0); // "i" is no number
    CHECK(r.passages[1].text == "A footnote on two paragraphs.");
    CHECK(r.passages[1].cited_by == std::vector<std::string>{"r/p1"});
    CHECK(r.passages[2].text == "An endnote.");
    CHECK(r.passages[2].cited_by == std::vector<std::string>{"r/p1"});
}

TEST_CASE("ODT: a note in a table cell is cited at its place in the row, an empty row is no passage",
          "[readers][odt]") {
    const Report r = read_odt(
        "<table:table><table:table-row>"
        "<table:table-cell><text:p>Oslo</text:p></table:table-cell>"
        "<table:table-cell><text:p>Shelters<text:note text:id=\"ftn1\" text:note-class=\"footnote\">"
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>Run by NGOs.</text:p>"
        "</text:note-body></text:note> open</text:p></table:table-cell>"
        "</table:table-row><table:table-row>"
        "<table:table-cell><text:p/></table:table-cell><table:table-cell><text:p> </text:p></table:table-cell>"
        "</table:table-row></table:table>");
    REQUIRE(r.passages.size() == 2);
    const Passage& row = r.passages[0];
    CHECK(row.text == "Oslo | Shelters open");
    REQUIRE(row.footnotes.size() == 1);
    CHECK(row.footnotes[0].offset == std::string("Oslo | Shelters").size()); // shifted past the first cell
    CHECK(row.footnotes[0].id == "r/fn1");
    CHECK(r.passages[1].text == "Run by NGOs.");
    CHECK(r.passages[1].cited_by == std::vector<std::string>{row.id});
}

TEST_CASE("ODT: pages from soft page breaks, and spaces, tabs and line breaks as spaces", "[readers][odt]") {
    const Report r = read_odt(
        "<text:p>One<text:s text:c=\"3\"/>two<text:tab/>three<text:line-break/>four.</text:p>"
        "<text:soft-page-break/>"
        "<text:p>Five <text:soft-page-break/>six.</text:p>");
    REQUIRE(r.passages.size() == 2);
    CHECK(r.passages[0].text == "One two three four."); // a sentence: a lone short line is front matter
    CHECK(r.passages[0].page == 1);
    CHECK(r.passages[1].page == 2);
    CHECK(r.passages[1].last_page == 3);
    const Report none = read_odt("<text:p>One.</text:p>");
    CHECK(none.passages.at(0).page == 0);
}

TEST_CASE("ODT: a list numbered 1, 2, 3 whose paragraphs are set apart is numbered paragraphs, but a) items and a tight "
          "list stay lists",
          "[readers][odt][un]") {
    const std::string styles =
        "<text:list-style style:name=\"L1\">"
        "<text:list-level-style-number text:level=\"1\" style:num-format=\"1\" style:num-suffix=\".\"/>"
        "<text:list-level-style-number text:level=\"2\" style:num-format=\"a\" style:num-suffix=\")\"/>"
        "</text:list-style>"
        "<style:style style:name=\"Body\" style:family=\"paragraph\">"
        "<style:paragraph-properties fo:margin-top=\"0in\" fo:margin-bottom=\"0.0835in\"/></style:style>"
        "<style:style style:name=\"Tight\" style:family=\"paragraph\">"
        "<style:paragraph-properties fo:margin-top=\"0in\" fo:margin-bottom=\"0in\"/></style:style>";
    auto item = [](const std::string& style, const std::string& text, const std::string& inner = "") {
        return "<text:list-item><text:p text:style-name=\"" + style + "\">" + text + "</text:p>" + inner +
               "</text:list-item>";
    };
    const Report r = read_odt(
        "<text:h text:outline-level=\"1\">I. Introduction</text:h>"
        "<text:list text:style-name=\"L1\">" +
            item("Body", "The Committee held its twelfth session.") +
            item("Body", "The Committee decided:",
                 "<text:list>" + item("Body", "To meet again;") + item("Body", "To report.") + "</text:list>") +
            "</text:list><text:list text:style-name=\"L1\">" + item("Tight", "Opening of the session.") +
            item("Tight", "Adoption of the agenda.") + "</text:list>",
        "<style:style style:name=\"unused\" style:family=\"paragraph\"/>" + styles);
    CHECK(test::kinds_and_texts(r) == std::vector<std::string>{
                     "paragraph: The Committee held its twelfth session.",
                     "paragraph: The Committee decided:",
                     "bullet: To meet again;",
                     "bullet: To report.",
                     "bullet: Opening of the session.",
                     "bullet: Adoption of the agenda.",
                 });
}
