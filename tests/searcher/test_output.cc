/** @file test_output.cc
 *  @brief Output: the JSON contract's keys in their order and their types, and the text for
 *         people: its layout to a width, its marks, and a header that says what was searched.
 */
#include "fixture.h"

#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapporteur;

namespace {

/// The keys of a JSON object, in order.
std::vector<std::string> keys_of(const nlohmann::ordered_json& j) {
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    return keys;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return lines;
}

/// Terminal columns of a line: its display width without the ANSI escapes.
std::size_t columns(std::string line) {
    for (std::size_t e; (e = line.find('\033')) != std::string::npos;) line.erase(e, line.find('m', e) + 1 - e);
    return utf8::display_width(line);
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
    return n;
}

const std::vector<std::string> HIT_KEYS = {"rank",          "id",        "score", "document", "title",
                                           "date",          "path",      "page",  "speaker",  "kind",
                                           "lang",          "session",   "organisations", "countries", "text",
                                           "snippet",       "highlights", "footnotes"};

/// Passages for the layout: long session titles, Chinese text, a footnote with a long URL.
std::vector<test::FixturePassage> layout_passages() {
    std::string long_title =
        "Identification of victims of trafficking in global supply chains, the due diligence "
        "obligations of companies, public procurement and the role of labour inspectorates";
    auto en = test::passage("l/p1", "l",
                            "Participants noted that the identification of victims of trafficking in supply chains "
                            "depends on labour inspectorates, which remain understaffed in most participating States, "
                            "and on the cooperation of companies.",
                            1, 1, long_title, {"OSCE"}, {});
    en.footnotes.push_back({1,
                            "See https://www.osce.org/files/f/documents/guidance-on-the-identification-of-victims-of-"
                            "trafficking-in-supply-chains-and-the-due-diligence-obligations.pdf",
                            {}});
    auto zh = test::passage("l/p2", "l",
                            "与会者指出，新冠肺炎大流行推迟了对人口贩运受害者的识别，并阻碍了他们获得庇护和医疗服务。"
                            "网络性剥削儿童的现象有所增加，各国应加强合作，打击人口贩运。",
                            1, 2, "人口贩运受害者的识别与保护：新冠肺炎大流行期间的国家转介机制、庇护程序和网络招聘",
                            {}, {}, "zh");
    return {en, zh};
}

} // namespace

TEST_CASE("JSON: the contract's keys in its order, with their types", "[output]") {
    Searcher s(test::build_database(test::meeting_passages()));
    auto j = to_json(s.search("protection", SearchOptions{}));
    CHECK(keys_of(j) == std::vector<std::string>{"query", "total", "offset", "limit", "results", "facets", "notices"});
    REQUIRE(j["results"].size() >= 2);
    for (const auto& hit : j["results"]) {
        INFO(hit.dump());
        auto keys = keys_of(hit);
        if (hit["kind"] == "footnote") {
            // A footnote's own passage says which footnote it is and who cites it.
            CHECK(keys.size() == HIT_KEYS.size() + 2);
            CHECK(std::vector<std::string>(keys.begin() + HIT_KEYS.size(), keys.end()) ==
                  std::vector<std::string>{"n", "cited_by"});
            keys.resize(HIT_KEYS.size());
        }
        CHECK(keys == HIT_KEYS);
        CHECK(keys_of(hit["session"]) == std::vector<std::string>{"day", "number", "title"});
        CHECK(hit["highlights"].is_array());
    }
    CHECK(keys_of(j["facets"]) ==
          std::vector<std::string>{"session", "organisation", "country", "lang", "document", "speaker"});
    CHECK(keys_of(j["facets"]["session"][0]) == std::vector<std::string>{"value", "count"});
    // One line when compact.
    CHECK(j.dump().find('\n') == std::string::npos);
    // Extra keys appear only when asked for.
    SearchOptions o;
    o.explain = true;
    CHECK(to_json(s.search("protection", o))["results"][0].contains("explanation"));
    CHECK(to_json(s.related("m/p3", SearchOptions{}))["results"][0].contains("shared"));
    // Without facets, "facets" is an empty object.
    o.facets = false;
    CHECK(to_json(s.search("protection", o))["facets"] == nlohmann::ordered_json::object());
}

TEST_CASE("JSON: a footnote's passage carries its number and the passages citing it", "[output]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions footnotes;
    footnotes.filters["kind"] = {"footnote"};
    auto j = to_json(s.search("entitlement", footnotes));
    REQUIRE(j["results"].size() == 1);
    CHECK(j["results"][0]["id"] == "m/fn7");
    CHECK(j["results"][0]["n"] == 7);
    CHECK(j["results"][0]["cited_by"] == nlohmann::ordered_json::array({"m/p3"}));
    // And the text output says so too.
    CHECK(format_text(s.search("entitlement", footnotes), MarkStyle::NONE).find("footnote 7, cited by m/p3") !=
          std::string::npos);
}

TEST_CASE("text output: the id, rank, score and session, the snippet, footnotes, then facets", "[output]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions paragraphs;
    paragraphs.filters["kind"] = {"paragraph"}; // not the cited footnote's own passage
    auto r = s.search("entitlement", paragraphs);
    REQUIRE(r.hits.size() == 1);
    const std::string brackets = format_text(r, MarkStyle::BRACKETS);
    CHECK(brackets.find("\nm/p3  rank 1  score ") != std::string::npos);
    CHECK(brackets.find("  Day 2, Session 4 - Access to international protection\n") != std::string::npos);
    CHECK(brackets.find("[entitlement]") != std::string::npos);
    CHECK(brackets.find("\n   [7] See the guidance note") != std::string::npos);
    CHECK(brackets.find("\norganisation: GRETA (1)\n") != std::string::npos);
    const std::string none = format_text(r, MarkStyle::NONE);
    CHECK(none.find("the entitlement of") != std::string::npos);
    CHECK(none.find("\033[") == std::string::npos);
    CHECK(none.find('[') == none.find("[7]"));
    CHECK(format_text(r, MarkStyle::ANSI).find("\033[1;31mentitlement\033[0m") != std::string::npos);
    // Text output is not HTML: document text comes out as written.
    test::FixturePassage p;
    p.id = "x/p1";
    p.text = "AT&T <b>protection</b>";
    Searcher raw(test::build_database({p}));
    CHECK(
        format_text(raw.search("protection", SearchOptions{}), MarkStyle::BRACKETS).find("AT&T <b>[protection]</b>") !=
        std::string::npos);
}

TEST_CASE("text output fits the width: ids whole, long titles shortened, CJK two columns a character", "[output]") {
    Searcher s(test::build_database(layout_passages()));
    SearchOptions o;
    o.snippet_chars = 400;
    for (const std::string query : {"identification victims", "人口贩运", "diligence", "supply chains"}) {
        auto r = s.search(query, o);
        REQUIRE_FALSE(r.hits.empty());
        for (const std::size_t width : {80, 60, 40, 120}) {
            for (const auto marks : {MarkStyle::NONE, MarkStyle::BRACKETS, MarkStyle::ANSI}) {
                const std::string text = format_text(r, marks, width);
                INFO(query << " at " << width << "\n" << text);
                for (const auto& line : lines_of(text)) {
                    CHECK(columns(line) <= width);
                    // A colour never runs over a line's end.
                    CHECK(count(line, "\033[1;31m") == count(line, "\033[0m"));
                }
                for (const auto& h : r.hits) {
                    bool whole = false;
                    for (const auto& line : lines_of(text)) whole = whole || line.rfind(h.id + "  ", 0) == 0;
                    CHECK(whole);
                }
            }
        }
    }
    // The long title is shortened on the header line, with "…"; the Chinese text wraps at 80
    // columns, 40 characters.
    const std::string text = format_text(s.search("identification victims 人口贩运", o), MarkStyle::NONE, 80);
    CHECK(text.find("Day 1, Session 1 - Identification of victims") != std::string::npos);
    CHECK(text.find("labour inspectorates\n") == std::string::npos);
    CHECK(text.find("…\n   ") != std::string::npos);
    bool cjk_line_full = false;
    for (const auto& line : lines_of(text))
        cjk_line_full = cjk_line_full || (line.find("与会者") == 3 && columns(line) >= 79);
    CHECK(cjk_line_full);
    // The URL of the footnote breaks after a '/' or a '-', under the footnote's text.
    CHECK(text.find("\n   [1] See https://www.osce.org/") != std::string::npos);
    CHECK(text.find("-\n       ") != std::string::npos);
}

TEST_CASE("text output: the header says how many matched and what was searched", "[output]") {
    auto db = test::build_database(test::meeting_passages());
    Searcher s(db);
    SearchOptions o;
    auto one = format_text(s.search("compendium", o), MarkStyle::NONE);
    CHECK(one.rfind("1 passage matches \"compendium\" in 1 document (showing 1)\n", 0) == 0);
    CHECK(one.find("searched: every language\n") != std::string::npos);
    auto two = format_text(s.search("GRETA", o), MarkStyle::NONE);
    CHECK(two.rfind("3 passages match \"GRETA\" in 2 documents (showing 1-3)\n", 0) == 0);

    SearchOptions fr;
    fr.lang = "fr";
    fr.filters["org"] = {"GRETA", "OSCE"};
    fr.filters["session"] = {"1"};
    auto drilled = format_text(s.search("protection", fr), MarkStyle::NONE);
    CHECK(drilled.find("searched: language fr; org=GRETA or OSCE; session=1\n") != std::string::npos);

    // The corrected query is the one shown; what was typed follows. Notices are not here.
    SearchOptions fix;
    fix.auto_correct = true;
    auto fixed = s.search("asylm", fix);
    REQUIRE(fixed.searched == "asylum");
    auto corrected = format_text(fixed, MarkStyle::NONE);
    CHECK(corrected.rfind("2 passages match \"asylum\"", 0) == 0);
    CHECK(corrected.find("searched: corrected from \"asylm\"; every language\n") != std::string::npos);
    CHECK(corrected.find("instead of") == std::string::npos);

    // A page past the last result says so.
    SearchOptions far;
    far.offset = 50;
    auto past = format_text(s.search("GRETA", far), MarkStyle::NONE);
    CHECK(past.rfind("no results on this page: 3 passages match \"GRETA\", --offset 50\n", 0) == 0);
    CHECK(format_text(s.search("zzqxv", o), MarkStyle::NONE).rfind("0 passages match \"zzqxv\"\n", 0) == 0);
}

TEST_CASE("text output: a hit that matched only in its session title or a cited footnote says where", "[output]") {
    auto passages = test::meeting_passages();
    passages.push_back(
        test::passage("m/p8", "m", "The rapporteurs met twice.", 2, 5, "Update on new resources", {}, {}));
    passages.back().footnotes.push_back({8, "The handbook on labour audits", {}});
    Searcher s(test::build_database(passages));
    SearchOptions o;
    o.explain = true;
    auto pandemic = s.search("pandemic", o);
    const std::string text = format_text(pandemic, MarkStyle::NONE);
    INFO(text);
    // m/p1 has the word in its text and its title; m/p2 in its session title only.
    const auto p1 = text.find("\nm/p1 "), p2 = text.find("\nm/p2 ");
    REQUIRE(p1 != std::string::npos);
    REQUIRE(p2 != std::string::npos);
    const std::string p2_hit = text.substr(p2, text.find("\n\n", p2) - p2);
    CHECK(p2_hit.find("\n   matched in: session title\n") != std::string::npos);
    const std::string p1_hit = text.substr(p1, text.find("\n\n", p1) - p1);
    CHECK(p1_hit.find("matched in") == std::string::npos);
    // --explain names the fields, not the index's prefixes.
    CHECK(p1_hit.find("  pandemic  text:=pandemic text:pandem title:=pandemic") != std::string::npos);
    CHECK(text.find("Tpandem") == std::string::npos);

    auto handbook = format_text(s.search("handbook", o), MarkStyle::NONE);
    const auto p8 = handbook.find("\nm/p8 ");
    REQUIRE(p8 != std::string::npos);
    CHECK(handbook.substr(p8, handbook.find("\n\n", p8) - p8).find("\n   matched in: cited footnote\n") !=
          std::string::npos);
    CHECK(handbook.find("footnote:handbook") != std::string::npos);
}

TEST_CASE("a passage's speaker, page, title, date and path: JSON, text, facet and filter", "[output][speaker]") {
    auto spoken = test::passage("2020-11/notes/p1", "2020-11/notes", "AKI: the schema must follow the IETF draft.", 0,
                                1, "4.9 JSON, IETF changes", {"OSCE"}, {});
    spoken.speaker = "Alice Kim";
    spoken.page = 3;
    auto silent = test::passage("2020-11/notes/p2", "2020-11/notes", "The IETF draft was adopted.", 0, 1,
                                "4.9 JSON, IETF changes", {}, {});
    Searcher s(test::build_database({spoken, silent}));
    const auto r = s.search("IETF", SearchOptions{});
    const auto j = to_json(r);
    REQUIRE(j["results"].size() == 2);
    std::map<std::string, nlohmann::ordered_json> by_id;
    for (const auto& h : j["results"]) by_id[h["id"]] = h;
    const auto& a = by_id.at("2020-11/notes/p1");
    CHECK(a["document"] == "2020-11/notes");
    CHECK(a["speaker"] == "Alice Kim");
    CHECK(a["page"] == 3);
    CHECK(a["path"] == "2020-11/notes.txt");
    const auto& b = by_id.at("2020-11/notes/p2");
    CHECK(b["speaker"].is_null());
    CHECK(b["page"].is_null());
    CHECK(b["date"].is_null()); // the fixture's report has no date
    REQUIRE(j["facets"]["speaker"].size() == 1);
    CHECK(j["facets"]["speaker"][0]["value"] == "Alice Kim");
    CHECK(j["facets"]["speaker"][0]["count"] == 1);
    const std::string text = format_text(r, MarkStyle::NONE);
    CHECK(text.find("p. 3") != std::string::npos);
    CHECK(text.find("speaker: Alice Kim") != std::string::npos);
    SearchOptions only;
    only.filters["speaker"] = {"alice kim"}; // case-insensitive, as for organisations
    const auto filtered = s.search("IETF", only);
    REQUIRE(filtered.hits.size() == 1);
    CHECK(filtered.hits[0].id == "2020-11/notes/p1");
}
