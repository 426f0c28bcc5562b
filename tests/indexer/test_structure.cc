/** @file test_structure.cc
 *  @brief The structure stage (structure.cc) and the people stage (people.cc) on reports as
 *         they come: Markdown notes with an attendee table, agenda headings, speaker turns and a
 *         conclusion (read by md4c, markdown_reader.cc); a UN-style report with numbered
 *         paragraphs and sections in plain text; a French report; a .txt and a .md that agree.
 */
#include "passage_lookup.h"
#include "rapporteur/readers.h"
#include "structure.h"
#include "support/process.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace rapporteur;

namespace {

using Strings = std::vector<std::string>;
using test::containing;

/// A test document read by the reader its extension picks, named by its path below the data folder.
Report read(const std::string& name) {
    const std::string path = std::string(RAPPORTEUR_TEST_DATA) + "/" + name;
    const Reader* reader = reader_for(path);
    REQUIRE(reader != nullptr);
    return reader->read(test::read_all(path), name);
}

Strings session_titles(const Report& r) {
    Strings out;
    for (const auto& s : r.sessions) out.push_back(s.title);
    return out;
}

/// Every country of every passage, sorted and unique.
Strings all_countries(const Report& r) {
    Strings out;
    for (const auto& p : r.passages) out.insert(out.end(), p.countries.begin(), p.countries.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace

TEST_CASE("Markdown notes: title, date, agenda sessions, sub-heading, meta sections", "[structure][markdown]") {
    const Report r = read("notes/2020-11/2020-11-16.md");
    CHECK(r.title == "16 November, 2020 Meeting Notes");
    CHECK(r.dates == Strings{"2020-11-16"});
    // The attendee table and the links are no sessions; the agenda headings are, in order.
    CHECK(session_titles(r) == Strings{"", "Opening, welcome, housekeeping", "4.9 JSON, IETF changes", "Any other business"});
    for (std::size_t i = 1; i < r.sessions.size(); ++i) CHECK(r.sessions[i].number == static_cast<int>(i));
    const Passage& conclusion = containing(r, "The group agreed");
    CHECK(conclusion.session == 2); // "### Conclusion" stays inside its session
    CHECK(conclusion.heading == "Conclusion");
    CHECK(containing(r, "USA: The IETF draft").heading.empty());
    CHECK(containing(r, "example.org/draft").session == 0); // "## Links": the opening part's
    // The footnote written [^1] / [^1]: is linked both ways.
    REQUIRE(conclusion.footnotes.size() == 1);
    const Passage& fn = containing(r, "The profile published");
    CHECK(fn.kind == PassageKind::FOOTNOTE);
    CHECK(conclusion.footnotes[0].id == fn.id);
    CHECK(fn.cited_by == Strings{conclusion.id});
    CHECK(conclusion.text.substr(conclusion.footnotes[0].offset, 7) == " and to");
}

TEST_CASE("Markdown notes: the attendee table gives speakers and organisations, no country from a name",
          "[structure][people]") {
    const Report r = read("notes/2020-11/2020-11-16.md");
    const Passage& welcome = containing(r, "Welcome everyone");
    CHECK(welcome.speaker == "Alice Kim"); // AKI, mapped by the table
    CHECK(welcome.organisations == Strings{"OSCE"});
    const Passage& jordan = containing(r, "Jordan here");
    CHECK(jordan.speaker == "Jordan Baker");
    CHECK(jordan.organisations == Strings{"Council of Europe"});
    CHECK(jordan.countries.empty()); // "Jordan" is the delegate, not the country
    const Passage& usa = containing(r, "The IETF draft");
    CHECK(usa.speaker == "Sam Ulrich Andersen"); // "USA" is someone's abbreviation
    CHECK(usa.countries.empty());
    CHECK(usa.organisations == Strings{"Acme Standards Lab"});
    const Passage& migration = containing(r, "migration needs a plan");
    CHECK(migration.speaker == "Alice Kim");
    CHECK(migration.countries == Strings{"France", "Germany"}); // named in the text: they count
    CHECK(containing(r, "next call moves").speaker == "Chris Nolan"); // a first name
    CHECK(containing(r, "Nothing else was raised").speaker.empty());
    CHECK(containing(r, "The group agreed").speaker.empty());
    CHECK(all_countries(r) == Strings{"France", "Germany"});
    // The table's rows are passages with their organisation; its header row is not.
    CHECK(containing(r, "Jordan Baker | JBA").organisations == Strings{"Council of Europe"});
    CHECK(containing(r, "Jordan Baker | JBA").countries.empty());
    for (const auto& p : r.passages) CHECK(p.text.find("Abbreviation") == std::string::npos);
}

TEST_CASE("UN-style report in plain text: numbered sections, numbered paragraphs, delegations", "[structure][un]") {
    const Report r = read("un_report.txt");
    CHECK(r.title == "Report of the Working Group on Migrant Workers on its tenth session");
    CHECK(r.dates == Strings{"2021-05-03", "2021-05-04", "2021-05-05"});
    CHECK(session_titles(r) ==
          Strings{"", "I. Introduction", "II. Organization of the session", "III. Conclusions and recommendations"});
    const Passage& p1 = containing(r, "held its tenth session");
    CHECK(p1.session == 1);
    CHECK(p1.organisations == Strings{"OSCE", "UNHCR"});
    const Passage& p2 = containing(r, "described the situation");
    CHECK(p2.speaker == "Jordan"); // the delegation of Jordan: a country, rightly
    CHECK(p2.countries == Strings{"Jordan"});
    const Passage& p3 = containing(r, "attended by experts");
    CHECK(p3.session == 2);
    CHECK(p3.heading == "A. Attendance"); // a lettered sub-section inside its section
    CHECK(p3.countries == Strings{"Austria", "Canada", "Sweden"});
    const Passage& p4 = containing(r, "recruitment fees.");
    CHECK(p4.heading == "B. Adoption of the agenda");
    CHECK(p4.speaker == "Mr. Haddad");
    CHECK(p4.countries == Strings{"Morocco"});
    CHECK(containing(r, "abolish recruitment fees").session == 3);
}

TEST_CASE("UN committee report, as text and as Markdown: numbered paragraphs, sections, attendance",
          "[structure][un]") {
    for (const std::string name : {"un_committee_report.txt", "un_committee_report.md"}) {
        INFO(name);
        const Report r = read(name);
        CHECK(r.title == "Report of the Committee on the Protection of Victims of Trafficking on its twelfth session");
        CHECK(r.dates == Strings{"2021-06-14", "2021-06-15", "2021-06-16"});
        CHECK(session_titles(r) == Strings{"", "I. Introduction", "II. Organization of the session",
                                           "III. Online recruitment of victims", "IV. Conclusions and recommendations"});
        // Numbered paragraphs are paragraphs, their numbers left out; an agenda inside one is a list.
        const Passage& p1 = containing(r, "held its twelfth session");
        CHECK(p1.kind == PassageKind::PARAGRAPH);
        CHECK(p1.text.rfind("The Committee on the Protection", 0) == 0);
        CHECK(p1.session == 1);
        CHECK(p1.organisations == Strings{"United Nations"});
        CHECK(containing(r, "first been contacted online").kind == PassageKind::PARAGRAPH);
        const Passage& p5 = containing(r, "adopted the following agenda");
        CHECK(p5.kind == PassageKind::PARAGRAPH);
        CHECK(p5.heading == "B. Adoption of the agenda"); // a lettered sub-section stays in its session
        CHECK(p5.session == 2);
        const Passage& item = containing(r, "Online recruitment of victims.");
        CHECK(item.kind == PassageKind::BULLET);
        CHECK(item.session == 2);
        // The attendance sub-section: its list names the people, in the session it belongs to.
        const Passage& chair = containing(r, "Ingrid Nilsson");
        CHECK(chair.kind == PassageKind::BULLET);
        CHECK(chair.heading == "A. Attendance");
        CHECK(chair.session == 2);
        CHECK(containing(r, "Georgia Mendes").countries == Strings{"Portugal"});
        CHECK(containing(r, "Jordan Ellis").countries == Strings{"Canada"});
        CHECK(containing(r, "Observers for").organisations == Strings{"Council of Europe", "IOM", "UNHCR"});
        // Speakers: a delegation, a person with the country in brackets.
        const Passage& france = containing(r, "remove advertisements");
        CHECK(france.speaker == "France");
        CHECK(france.session == 3);
        const Passage& smith = containing(r, "identified 40 victims");
        CHECK(smith.speaker == "Mr. Smith");
        CHECK(smith.countries == Strings{"Germany"});
        // "to Jordan" names the member Jordan Ellis, not the country (the attendance list says so).
        CHECK(containing(r, "gave the floor to Jordan").countries.empty());
        CHECK(all_countries(r) == Strings{"Canada", "France", "Germany", "Norway", "Portugal", "Sweden"});
        CHECK(containing(r, "thirteenth session").session == 4);
        // Footnotes: linked both ways, in the session of the paragraph citing them.
        const Passage& fn1 = containing(r, "resolution 75/158");
        CHECK(fn1.kind == PassageKind::FOOTNOTE);
        CHECK(fn1.cited_by == Strings{p1.id});
        CHECK(fn1.session == 1);
        const Passage& fn2 = containing(r, "Act No. 2021-1109");
        CHECK(fn2.cited_by == Strings{france.id});
        CHECK(fn2.session == 3);
    }
}

TEST_CASE("Plain text: Agenda item and Panel headings open the sessions they name, with titles",
          "[structure][un]") {
    const Report r = read("side_event_panels.txt");
    CHECK(r.title == "Side event on remedies for victims of trafficking");
    CHECK(r.dates == Strings{"2022-03-09"});
    REQUIRE(r.sessions.size() == 4);
    CHECK(r.sessions[1].number == 3);
    CHECK(r.sessions[2].number == 2);
    CHECK(r.sessions[3].number == 4);
    CHECK(session_titles(r) == Strings{"", "Compensation funds for victims", "Access to justice", "Follow-up"});
    CHECK(containing(r, "confiscated assets").session == 1);
    CHECK(containing(r, "legal aid").session == 2);
    CHECK(containing(r, "meet again").session == 3);
}

TEST_CASE("French report: Présents list, turns by first name, a delegation, a delegate named Georgia",
          "[structure][people][fr]") {
    const Report r = read("compte_rendu_fr.md");
    CHECK(r.title == "Compte rendu de la réunion du 12 mars 2021");
    CHECK(r.dates == Strings{"2021-03-12"});
    // "Ouverture" titles the opening part; the numbered items are the sessions.
    CHECK(session_titles(r) == Strings{"Ouverture", "1. Traite des êtres humains en ligne", "2. Protection des victimes"});
    const Passage& claire = containing(r, "Les plateformes");
    CHECK(claire.speaker == "Claire Dubois");
    CHECK(claire.organisations == Strings{"Council of Europe"});
    CHECK(claire.countries == Strings{"France", "Germany"});
    const Passage& marc = containing(r, "sera publié");
    CHECK(marc.speaker == "Marc Lefèvre");
    CHECK(marc.organisations == Strings{"OSCE"}); // named in the text; "rapporteur" is a role
    const Passage& georgia = containing(r, "Je soutiens");
    CHECK(georgia.speaker == "Georgia Papadopoulos");
    CHECK(georgia.countries.empty());
    CHECK(containing(r, "nouvelle loi").speaker == "Germany");
    CHECK(containing(r, "adopte les recommandations").heading == "Conclusion");
    CHECK(containing(r, "adopte les recommandations").session == 2);
    CHECK(all_countries(r) == Strings{"France", "Germany"});
}

TEST_CASE("a .txt and a .md of the same notes agree on title, date, sessions and speakers", "[structure][agree]") {
    const Report md = read("notes/2020-11/2020-11-16.md");
    const std::string text = test::read_all(std::string(RAPPORTEUR_TEST_DATA) + "/notes/2020-11/2020-11-16.md");
    const Report txt = parse_report(text, "notes/2020-11/2020-11-16.txt");
    CHECK(txt.title == md.title);
    CHECK(txt.dates == md.dates);
    CHECK(session_titles(txt) == session_titles(md));
    REQUIRE(txt.passages.size() == md.passages.size());
    for (std::size_t i = 0; i < md.passages.size(); ++i) {
        INFO(md.passages[i].text);
        CHECK(txt.passages[i].text == md.passages[i].text);
        CHECK(txt.passages[i].session == md.passages[i].session);
        CHECK(txt.passages[i].speaker == md.passages[i].speaker);
        CHECK(txt.passages[i].heading == md.passages[i].heading);
        CHECK(txt.passages[i].countries == md.passages[i].countries);
        CHECK(txt.passages[i].organisations == md.passages[i].organisations);
    }
}

TEST_CASE("numbered section headings and sentences", "[structure][numbered]") {
    struct Case {
        std::string line;
        int level; // 0: not a heading
    };
    const std::vector<Case> cases = {
        {"I. Introduction", 1},
        {"IV. Conclusions and recommendations", 1},
        {"2. Organization of the session", 1},
        {"4.9 JSON, IETF changes", 2},
        {"A. Attendance", 2},
        {"1. The Working Group met in Geneva.", 0}, // a numbered paragraph
        {"2020 was a difficult year", 0},
        {"3. lower case is a list item", 0},
        {"Introduction", 0},
        {"", 0},
        {"I.", 0},
        {std::string(200, 'x'), 0},
    };
    for (const auto& c : cases) {
        INFO(c.line);
        const auto level = numbered_heading_level(c.line);
        CHECK(level.value_or(0) == c.level);
    }
}

TEST_CASE("heading roles from the data file's words", "[structure][roles]") {
    const ReportWords& w = ReportWords::instance();
    CHECK(heading_role("Links", w) == HeadingRole::META);
    CHECK(heading_role("Present", w) == HeadingRole::PEOPLE);
    CHECK(heading_role("Attendees:", w) == HeadingRole::PEOPLE);
    CHECK(heading_role("Teilnehmende", w) == HeadingRole::PEOPLE);
    CHECK(heading_role("Minutes", w) == HeadingRole::CONTAINER);
    CHECK(heading_role("Opening session", w) == HeadingRole::OPENING);
    CHECK(heading_role("Closing session", w) == HeadingRole::CLOSING);
    CHECK(heading_role("Day 1. Session 2 - Title", w) == HeadingRole::SESSION);
    CHECK(heading_role("Panel 2: Remedies", w) == HeadingRole::SESSION);
    CHECK(heading_role("Agenda item 3 - Budget", w) == HeadingRole::SESSION);
    CHECK(heading_role("1. Links", w) == HeadingRole::SECTION); // numbered: a section
    CHECK(heading_role("Opening, welcome, housekeeping", w) == HeadingRole::SECTION);
}

TEST_CASE("dates from the file name when the text has none", "[structure][dates]") {
    const ReportWords& w = ReportWords::instance();
    CHECK(report_dates({}, "Weekly call", {}, "2020-11/2020-11-16.md", w) == Strings{"2020-11-16"});
    CHECK(report_dates({}, "Meeting 2015-02-18", {}, "2020-11-16.md", w) == Strings{"2015-02-18"});
    CHECK(report_dates({}, "Weekly call", {"Vienna, 3 May 2021"}, "notes.md", w) == Strings{"2021-05-03"});
    CHECK(report_dates({}, "Weekly call", {}, "notes.md", w).empty());
    const Report r = parse_report("Weekly call\n\nWe met.\n", "calls/2019-04-02.txt");
    CHECK(r.dates == Strings{"2019-04-02"});
}

TEST_CASE("Markdown through md4c: nested lists, tables without a header, HTML and hostile nesting",
          "[structure][markdown][hostile]") {
    const Reader* md = reader_for("x.md");
    REQUIRE(md != nullptr);
    const Report r = md->read("# T\n\n* outer\n  * inner one\n  * inner two\n\n<div>hidden</div>\n\n"
                              "| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted text\n",
                              "x.md");
    CHECK(containing(r, "outer").kind == PassageKind::BULLET);
    CHECK(containing(r, "outer").text == "outer");
    CHECK(containing(r, "inner two").text == "inner two");
    CHECK(containing(r, "1 | 2").kind == PassageKind::PARAGRAPH);
    CHECK(containing(r, "quoted text").text == "quoted text");
    for (const auto& p : r.passages) CHECK(p.text.find("hidden") == std::string::npos);
    // 100,000 nested quotes and list markers: read in bounded time, the text kept.
    std::string deep(100000, '>');
    deep += " The bottom of the quotes.\n";
    const Report d = md->read(deep, "deep.md");
    CHECK(containing(d, "bottom").text == "The bottom of the quotes.");
    std::string list;
    for (int i = 0; i < 2000; ++i) list += std::string(static_cast<std::size_t>(i) * 2, ' ') + "* item\n";
    CHECK_NOTHROW(md->read(list, "list.md"));
}

TEST_CASE("attendee lists as open-source minutes write them: full stops, handles, roles in brackets",
          "[structure][people]") {
    // The shapes of the Node.js TSC minutes (../shared/corpora): "* Name." items, "@handle",
    // a bracket that says what someone does rather than where they are from.
    const std::string md = "# Core team meeting 2015-04-30\n\n"
                           "## Present\n\n"
                           "* Julien Gilli.\n"
                           "* Rod Vagg @rvagg (TSC)\n"
                           "* Gibson Fahnestock @gibfahn (Release WG delegate for update/observer)\n"
                           "* Steven R.\n\n"
                           "## Releases\n\n"
                           "Julien: Will review the ciphers change as soon as possible.\n\n"
                           "Rod: The release is ready to go out next week.\n\n"
                           "Gibson: I can prepare the changelog for it.\n";
    const Report r = reader_for("minutes.md")->read(md, "minutes.md");
    CHECK(containing(r, "Will review").speaker == "Julien Gilli");
    CHECK(containing(r, "ready to go out").speaker == "Rod Vagg");
    CHECK(containing(r, "ready to go out").organisations == Strings{"TSC"});
    CHECK(containing(r, "prepare the changelog").speaker == "Gibson Fahnestock");
    CHECK(containing(r, "prepare the changelog").organisations.empty());
    for (const auto& p : r.passages) {
        INFO(p.text);
        for (const auto& o : p.organisations) CHECK(o.find("delegate") == std::string::npos);
    }
}

TEST_CASE("Markdown: a paragraph after a list is a paragraph, not its last item", "[structure][markdown]") {
    const std::string md = "# Notes\n\n## Item\n\n* Rod Vagg: LGTM\n* Bert: +1\n\n"
                           "The committee then decided to publish the report.\n\n"
                           "1. First point, loose.\n\n2. Second point, loose.\n\nClosing remarks were made.\n";
    const Report r = reader_for("notes.md")->read(md, "notes.md");
    CHECK(containing(r, "Bert: +1").kind == PassageKind::BULLET);
    CHECK(containing(r, "decided to publish").kind == PassageKind::PARAGRAPH);
    CHECK(containing(r, "Closing remarks").kind == PassageKind::PARAGRAPH);
}
