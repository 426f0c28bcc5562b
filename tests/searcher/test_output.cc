/** @file test_output.cc
 *  @brief Output: the JSON contract's fields and types, and the text format's markers.
 */
#include "fixture.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace rapporteur;

TEST_CASE("JSON: exactly the contract's keys, with their types", "[output]") {
    Searcher s(test::build_database(test::meeting_passages()));
    auto j = to_json(s.search("protection", SearchOptions{}));
    std::set<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.insert(it.key());
    CHECK(keys == std::set<std::string>{"query", "total", "offset", "limit", "results", "facets", "notices"});
    REQUIRE(j["results"].size() >= 2);
    for (const auto& hit : j["results"]) {
        std::set<std::string> hk;
        for (auto it = hit.begin(); it != hit.end(); ++it) hk.insert(it.key());
        CHECK(hk == std::set<std::string>{"rank", "id", "score", "document", "kind", "lang", "session", "organisations",
                                          "countries", "text", "snippet", "highlights", "footnotes"});
        CHECK(hit["session"].is_object());
        CHECK(hit["highlights"].is_array());
    }
    for (const char* f : {"session", "organisation", "country", "lang"}) CHECK(j["facets"].contains(f));
    // Extra keys appear only when asked for.
    SearchOptions o;
    o.explain = true;
    CHECK(to_json(s.search("protection", o))["results"][0].contains("explanation"));
    CHECK(to_json(s.related("m/p3", SearchOptions{}))["results"][0].contains("shared"));
}

TEST_CASE("text output: rank, session, document, snippet, footnotes, then facets", "[output]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions paragraphs;
    paragraphs.filters["kind"] = {"paragraph"}; // not the cited footnote's own passage
    auto r = s.search("entitlement", paragraphs);
    REQUIRE(r.hits.size() == 1);
    const std::string brackets = format_text(r, MarkStyle::BRACKETS);
    CHECK(brackets.find("1. Day 2, Session 4 - Access to international protection") != std::string::npos);
    CHECK(brackets.find("[entitlement]") != std::string::npos);
    CHECK(brackets.find("   [7] See the guidance note") != std::string::npos);
    CHECK(brackets.find("organisation: GRETA (1)") != std::string::npos);
    const std::string none = format_text(r, MarkStyle::NONE);
    CHECK(none.find("the entitlement of") != std::string::npos);
    CHECK(none.find("\033[") == std::string::npos);
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
