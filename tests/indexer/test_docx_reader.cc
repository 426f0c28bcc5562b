/** @file test_docx_reader.cc
 *  @brief The DOCX reader (docx_reader.cc) on Word's own shapes, written here part by part:
 *  headings from styles.xml's outline levels under any style id, direct outline levels, lists,
 *  tables, footnotes and endnotes numbered apart, pages from Word's rendered page breaks,
 *  tracked changes, the title from the Title style or docProps/core.xml.
 */
#include "office_fixtures.h"
#include "rapporteur/readers.h"

#include <catch2/catch.hpp>

using namespace rapporteur;
using rapporteur::test::docx_with;
using rapporteur::test::W;

namespace {

Report read_docx(const std::string& bytes) { return reader_for("r.docx")->read(bytes, "r.docx"); }

std::string p(const std::string& text, const std::string& ppr = "") {
    return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">" + text +
           "</w:t></w:r></w:p>";
}
std::string styled(const std::string& style, const std::string& text) {
    return p(text, "<w:pStyle w:val=\"" + style + "\"/>");
}

/// styles.xml as German Word writes it: localised style ids, English names, outline levels.
const std::string STYLES = std::string("<?xml version=\"1.0\"?><w:styles ") + W + ">" +
                           "<w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>"
                           "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/>"
                           "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
                           "<w:style w:type=\"paragraph\" w:styleId=\"Tagesordnung\"><w:name w:val=\"Tagesordnung\"/>"
                           "<w:basedOn w:val=\"berschrift1\"/></w:style>"
                           "<w:style w:type=\"paragraph\" w:styleId=\"Aufzhlung\"><w:name w:val=\"List Bullet\"/>"
                           "<w:pPr><w:numPr><w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
                           "</w:styles>";

} // namespace

TEST_CASE("DOCX: headings from styles.xml's outline levels, whatever the style's id", "[readers][docx]") {
    const Report r = read_docx(docx_with(styled("Titel", "Sitzung des Ausschusses, 3. März 2021") +
                                             styled("berschrift1", "Wahlen") + p("Der Vorsitzende eröffnete.") +
                                             styled("Tagesordnung", "Haushalt") + p("Der Haushalt wurde beraten.") +
                                             p("Direkt gegliedert", "<w:outlineLvl w:val=\"0\"/>") + p("Ein Absatz."),
                                         {{"word/styles.xml", STYLES}}));
    CHECK(r.title == "Sitzung des Ausschusses, 3. März 2021");
    CHECK(r.dates == std::vector<std::string>{"2021-03-03"});
    REQUIRE(r.sessions.size() == 4);
    CHECK(r.sessions[1].title == "Wahlen");
    CHECK(r.sessions[2].title == "Haushalt"); // basedOn a heading style: a heading too
    CHECK(r.sessions[3].title == "Direkt gegliedert");
    REQUIRE(r.passages.size() == 3);
    CHECK(r.passages[0].session == 1);
    CHECK(r.passages[1].session == 2);
    CHECK(r.passages[2].session == 3);
}

TEST_CASE("DOCX: a table of contents is left out", "[readers][docx]") {
    const std::string toc_styles =
        std::string("<?xml version=\"1.0\"?><w:styles ") + W + ">" +
        "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/></w:style>"
        "</w:styles>";
    const Report r = read_docx(docx_with(
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj>"
        "</w:sdtPr><w:sdtContent>" +
            p("Contents") + "</w:sdtContent></w:sdt>" + styled("TOC1", "Opening 1") + p("The meeting opened."),
        {{"word/styles.xml", toc_styles}}));
    REQUIRE(r.passages.size() == 1);
    CHECK(r.passages[0].text == "The meeting opened.");
}

TEST_CASE("DOCX: list paragraphs are bullets, tables are rows of cells", "[readers][docx]") {
    const std::string row_header = "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>" + p("Name") + "</w:tc><w:tc>" +
                                   p("Organisation") + "</w:tc></w:tr>";
    const std::string row =
        "<w:tr><w:tc>" + p("Ana Pérez") + "</w:tc><w:tc>" + p("OSCE") + p("Vienna") + "</w:tc></w:tr>";
    const Report r = read_docx(docx_with(
        p("Participants:") + p("first point", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>") +
            styled("Aufzhlung", "second point") +
            p("not a point", "<w:pStyle w:val=\"Aufzhlung\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>") + "<w:tbl>" +
            row_header + row + "</w:tbl>",
        {{"word/styles.xml", STYLES}}));
    REQUIRE(r.passages.size() >= 5); // the header row is a passage or the table's column names
    CHECK(kind_name(r.passages[1].kind) == "bullet");
    CHECK(r.passages[1].text == "first point");
    CHECK(kind_name(r.passages[2].kind) == "bullet");    // the style's own numbering
    CHECK(kind_name(r.passages[3].kind) == "paragraph"); // numId 0: numbering taken away
    CHECK(r.passages.back().text == "Ana Pérez | OSCE Vienna");
    CHECK(r.passages.back().organisations == std::vector<std::string>{"OSCE"});
}

TEST_CASE("DOCX: footnotes and endnotes are cited where their references stand, numbered apart", "[readers][docx]") {
    auto notes = [](const std::string& kind, const std::vector<std::pair<int, std::string>>& list) {
        std::string xml = std::string("<?xml version=\"1.0\"?><w:") + kind + "s " + W + ">" + "<w:" + kind +
                          " w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:" + kind + ">";
        for (const auto& [id, text] : list) {
            xml += "<w:" + kind + " w:id=\"" + std::to_string(id) + "\"><w:p><w:r><w:" + kind +
                   "Ref/></w:r><w:r><w:t xml:space=\"preserve\"> " + text + "</w:t></w:r></w:p></w:" + kind + ">";
        }
        return xml + "</w:" + kind + "s>";
    };
    const std::string body =
        "<w:p><w:r><w:t>Shelters were discussed</w:t></w:r><w:r><w:footnoteReference w:id=\"7\"/></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> and hotlines</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r>"
        "<w:r><w:t>.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Inspections too</w:t></w:r><w:r><w:footnoteReference w:id=\"3\"/></w:r>"
        "<w:r><w:footnoteReference w:id=\"99\"/></w:r></w:p>";
    const Report r =
        read_docx(docx_with(body, {{"word/footnotes.xml", notes("footnote", {{3, "Second."}, {7, "First."}})},
                                   {"word/endnotes.xml", notes("endnote", {{2, "An endnote."}})}}));
    REQUIRE(r.passages.size() == 5);
    const Passage& a = r.passages[0];
    CHECK(a.text == "Shelters were discussed and hotlines.");
    REQUIRE(a.footnotes.size() == 2);
    CHECK(a.footnotes[0].n == 1);
    CHECK(a.footnotes[0].offset == std::string("Shelters were discussed").size());
    CHECK(a.footnotes[0].id == "r/fn1");
    CHECK(a.footnotes[1].n == 1); // the first endnote: numbered apart from the footnotes
    CHECK(a.footnotes[1].id == "r/fn1-2");
    const Passage& b = r.passages[1];
    REQUIRE(b.footnotes.size() == 1); // the reference to no note is no marker
    CHECK(b.footnotes[0].n == 2);
    std::map<std::string, std::string> text_of;
    for (const auto& f : r.passages) {
        if (f.kind == PassageKind::FOOTNOTE) text_of[f.id] = f.text;
    }
    CHECK(text_of ==
          std::map<std::string, std::string>{{"r/fn1", "First."}, {"r/fn1-2", "An endnote."}, {"r/fn2", "Second."}});
}

TEST_CASE("DOCX: pages from Word's rendered page breaks, none claimed without them", "[readers][docx]") {
    const std::string broken =
        "<w:p><w:r><w:t>One.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Two runs </w:t></w:r><w:r><w:lastRenderedPageBreak/>"
        "<w:t>over a page.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Three.</w:t></w:r></w:p>";
    const Report r = read_docx(docx_with(broken, {}));
    REQUIRE(r.passages.size() == 3);
    CHECK(r.passages[0].page == 1);
    CHECK(r.passages[0].last_page == 1);
    CHECK(r.passages[1].page == 1);
    CHECK(r.passages[1].last_page == 2);
    CHECK(r.passages[2].page == 2);
    // An explicit page break alone says too little: pages that text filled are not known.
    const Report none =
        read_docx(docx_with(p("One.") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + p("Two."), {}));
    REQUIRE(none.passages.size() == 2);
    CHECK(none.passages[1].page == 0);
}

TEST_CASE("DOCX: deleted text is left out, inserted text, tabs and no-break hyphens read", "[readers][docx]") {
    const std::string body =
        "<w:p><w:r><w:t>Anti</w:t></w:r><w:r><w:noBreakHyphen/><w:t>trafficking</w:t></w:r>"
        "<w:del><w:r><w:delText>old words</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:tab/><w:t>new words.</w:t></w:r></w:ins>"
        "<w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r></w:p>";
    const Report r = read_docx(docx_with(body, {}));
    REQUIRE(r.passages.size() == 1);
    CHECK(r.passages[0].text == "Anti-trafficking new words.");
}

TEST_CASE("DOCX: the title from docProps/core.xml when no paragraph is a title", "[readers][docx]") {
    const std::string core =
        "<?xml version=\"1.0\"?><cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Annual meeting 2019</dc:title>"
        "</cp:coreProperties>";
    const Report r = read_docx(docx_with(p("A paragraph."), {{"docProps/core.xml", core}}));
    CHECK(r.title == "Annual meeting 2019");
}

namespace {

/// numbering.xml with three numberings: 1, a UN-style "%1." on level 0 and "a)" on level 1;
/// 2, bullets; 3, an agenda's "%1.".
const std::string NUMBERING =
    std::string("<?xml version=\"1.0\"?><w:numbering ") + W + ">" +
    "<w:abstractNum w:abstractNumId=\"10\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"20\">"
    "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"10\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    "</w:numbering>";

/// styles.xml as a UN template has it: body paragraphs numbered by their style ("SingleTxtG",
/// 6 pt after), and Word's List Paragraph (contextual spacing: its items sit together).
const std::string UN_STYLES =
    std::string("<?xml version=\"1.0\"?><w:styles ") + W + ">" +
    "<w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:after=\"160\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/>"
    "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"SingleTxtG\"><w:name w:val=\"_ Single Txt_G\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
    "<w:spacing w:after=\"120\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>"
    "</w:styles>";

} // namespace

TEST_CASE("DOCX: paragraphs numbered 1, 2, 3 by their style are paragraphs, but bullets, a) items and an agenda are lists",
          "[readers][docx][un]") {
    auto numbered = [](const std::string& num_id, const std::string& level, const std::string& text) {
        return p(text, "<w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"" + level +
                           "\"/><w:numId w:val=\"" + num_id + "\"/></w:numPr>");
    };
    const Report r = read_docx(docx_with(
        styled("Title", "Report of the Committee on its twelfth session") + styled("berschrift1", "I. Introduction") +
            styled("SingleTxtG", "The Committee held its twelfth session at Geneva.") +
            styled("SingleTxtG", "The Chair opened the session and welcomed the members.") +
            styled("berschrift1", "II. Organization of the session") +
            styled("SingleTxtG", "The following members attended the session:") + numbered("2", "0", "Ms. Ana Pérez") +
            numbered("2", "0", "Mr. Jan Novak") +
            styled("SingleTxtG", "At its 1st meeting, the Committee adopted the following agenda:") +
            numbered("3", "0", "Opening of the session.") + numbered("3", "0", "Adoption of the agenda.") +
            styled("SingleTxtG", "The Committee decided:") +
            p("To meet again in 2022;", "<w:pStyle w:val=\"SingleTxtG\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr>") +
            p("To report to the Assembly.", "<w:pStyle w:val=\"SingleTxtG\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr>") +
            p("A note in the body style, its numbering taken away.",
              "<w:pStyle w:val=\"SingleTxtG\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>"),
        {{"word/styles.xml", UN_STYLES}, {"word/numbering.xml", NUMBERING}}));
    std::vector<std::string> got; // "kind: text", readable when it fails
    for (const auto& ps : r.passages) got.push_back(std::string(kind_name(ps.kind)) + ": " + ps.text);
    const std::vector<std::string> want = {
        "paragraph: The Committee held its twelfth session at Geneva.",
        "paragraph: The Chair opened the session and welcomed the members.",
        "paragraph: The following members attended the session:",
        "bullet: Ms. Ana Pérez", // bullets
        "bullet: Mr. Jan Novak",
        "paragraph: At its 1st meeting, the Committee adopted the following agenda:",
        "bullet: Opening of the session.", // numbered 1, 2 but set together: an agenda
        "bullet: Adoption of the agenda.",
        "paragraph: The Committee decided:",
        "bullet: To meet again in 2022;", // a) and b) under paragraph 6
        "bullet: To report to the Assembly.",
        "paragraph: A note in the body style, its numbering taken away.",
    };
    CHECK(got == want);
    REQUIRE(r.sessions.size() == 3);
    CHECK(r.sessions[1].title == "I. Introduction");
    CHECK(r.passages[1].session == 1);
    CHECK(r.passages[2].session == 2);
}

TEST_CASE("DOCX: without numbering.xml a numbered paragraph's format is unknown, and it stays a list item",
          "[readers][docx][un]") {
    const Report r = read_docx(docx_with(
        styled("SingleTxtG", "The Committee held its twelfth session at Geneva.") +
            styled("SingleTxtG", "The Chair opened the session."),
        {{"word/styles.xml", UN_STYLES}}));
    REQUIRE(r.passages.size() == 2);
    CHECK(kind_name(r.passages[0].kind) == "bullet");
    CHECK(kind_name(r.passages[1].kind) == "bullet");
}
