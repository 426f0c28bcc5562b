/** @file test_query_parser.cc
 *  @brief The query language over an in-memory report and the seed: operators, fields,
 *         wildcards, proximity, stop words, and the plain-words fallback on bad syntax.
 */
#include "fixture.h"
#include "query_parser.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <set>

using namespace rapporteur;
using rapporteur::test::FixturePassage;

namespace {

std::set<std::string> ids(const SearchResult& r) {
    std::set<std::string> out;
    for (const auto& h : r.hits) out.insert(h.id);
    return out;
}

/// Whether a passage's text holds `word`, in any case.
bool has(const FixturePassage& p, const std::string& word) {
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
        return s;
    };
    return lower(p.text).find(lower(word)) != std::string::npos;
}

/// The ids of the passages, footnotes included, as the writer stores the meeting, that `pred` selects.
std::set<std::string> expected(const std::function<bool(const FixturePassage&)>& pred) {
    std::set<std::string> out;
    for (const auto& p : test::stored_passages(test::meeting_passages())) {
        if (pred(p)) out.insert(p.id);
    }
    return out;
}

SearchOptions all_results() {
    SearchOptions o;
    o.limit = 100;
    return o;
}

} // namespace

TEST_CASE("boolean operators, signs and fields select the passages they say", "[query]") {
    Searcher s(test::build_database(test::meeting_passages()));
    const auto o = all_results();
    auto q = [&](const std::string& text) {
        auto r = s.search(text, o);
        INFO(text);
        CHECK(r.notices.empty());
        return ids(r);
    };
    CHECK(q("asylum AND guidelines") == expected([](auto& p) { return has(p, "asylum") && has(p, "guidelines"); }));
    CHECK(q("+asylum +guidelines") == q("asylum AND guidelines"));
    CHECK(q("asylum OR compendium") == expected([](auto& p) { return has(p, "asylum") || has(p, "compendium"); }));
    CHECK(q("asylum compendium") == q("asylum OR compendium"));
    CHECK(q("victims NOT asylum") == expected([](auto& p) { return has(p, "victim") && !has(p, "asylum"); }));
    CHECK(q("victims -asylum") == q("victims NOT asylum"));
    CHECK(q("victims AND NOT asylum") == q("victims NOT asylum"));
    CHECK(q("(asylum OR compendium) AND GRETA") ==
          expected([](auto& p) { return (has(p, "asylum") || has(p, "compendium")) && has(p, "GRETA"); }));
    CHECK(q("+asylum guidelines") == expected([](auto& p) { return has(p, "asylum"); }));
    CHECK(q("NOT trafficking") == expected([](auto& p) { return !has(p, "trafficking") && !has(p, "traffickers"); }));
    CHECK(q("org:GRETA") == expected([](auto& p) { return std::count(p.orgs.begin(), p.orgs.end(), "GRETA") > 0; }));
    CHECK(q("org:greta") == q("org:GRETA")); // canonical names match in any case
    CHECK(q("country:italy victims") == expected([](auto& p) {
              return std::count(p.countries.begin(), p.countries.end(), "Italy") > 0 && has(p, "victim");
          }));
    CHECK(q("session:4") == expected([](auto& p) { return p.session == 4; }));
    CHECK(q("lang:fr") == expected([](auto& p) { return p.lang == "fr"; }));
    CHECK(q("doc:f") == expected([](auto& p) { return p.document == "f"; }));
    CHECK(q("org:GRETA org:UNHCR") == expected([](auto& p) {
              return std::count(p.orgs.begin(), p.orgs.end(), "GRETA") ||
                     std::count(p.orgs.begin(), p.orgs.end(), "UNHCR");
          }));
    CHECK(q("org:OSCE country:Italy") == expected([](auto& p) {
              return std::count(p.orgs.begin(), p.orgs.end(), "OSCE") &&
                     std::count(p.countries.begin(), p.countries.end(), "Italy");
          }));
    CHECK(q("-org:OSCE session:4") ==
          expected([](auto& p) { return p.session == 4 && !std::count(p.orgs.begin(), p.orgs.end(), "OSCE"); }));
}

TEST_CASE("phrases, NEAR and NEAR/n use positions", "[query]") {
    Searcher s(test::build_database(test::meeting_passages()));
    const auto o = all_results();
    // A phrase matches the passage text: session titles are indexed without positions (schema.h),
    // so m/p4, whose session is "Access to international protection", is not a phrase match.
    CHECK(ids(s.search("\"international protection\"", o)) ==
          expected([](auto& p) { return has(p, "international protection"); }));
    CHECK(ids(s.search("international protection", o)).count("m/p4") == 1); // its title's words count
    // The reversed order is no English phrase, but it is French: "protection internationale"
    // (f/p1), which the query meets through its French stem.
    CHECK(ids(s.search("\"protection international\"", o)) ==
          expected([](auto& p) { return has(p, "protection internationale"); }));
    // NEAR/n: at most n positions apart. "victims of trafficking" is 2 apart (m/p1, m/p3, m/p5);
    // in m/p4 "victims" and "asylum" are 6 apart.
    CHECK(ids(s.search("victims NEAR/1 trafficking", o)).empty());
    CHECK(ids(s.search("victims NEAR/2 trafficking", o)) ==
          expected([](auto& p) { return has(p, "victims of trafficking"); }));
    CHECK(ids(s.search("victims NEAR/3 asylum", o)).count("m/p4") == 0);
    CHECK(ids(s.search("victims NEAR/12 asylum", o)).count("m/p4") == 1);
    CHECK(ids(s.search("victims NEAR asylum", o)) == ids(s.search("victims NEAR/10 asylum", o)));
    // A hyphenated word is a phrase of its parts: it does not match the parts apart.
    CHECK(ids(s.search("non-punishment", o)) == expected([](auto& p) { return has(p, "non-punishment"); }));
}

TEST_CASE("prefix* expands to the index's words, bounded", "[query]") {
    Searcher s(test::build_database(test::meeting_passages()));
    auto o = all_results();
    CHECK(ids(s.search("guideli*", o)) == expected([](auto& p) { return has(p, "guideline"); }));
    CHECK(ids(s.search("traffick*", o)) == expected([](auto& p) { return has(p, "traffick"); }));
    o.limits.max_wildcard_terms = 2;
    auto r = s.search("p*", o);
    CHECK(r.total > 0);
    REQUIRE(r.notices.size() == 1);
    CHECK(r.notices[0].find("most frequent") != std::string::npos);
    auto lone = s.search("*", o);
    CHECK(lone.total == 0);
    CHECK_FALSE(lone.notices.empty());
}

TEST_CASE("in:footnotes and in:text choose the part of the passage", "[query]") {
    Searcher s(test::build_database(test::meeting_passages()));
    const auto o = all_results();
    // "entitlement" is in m/p3's text and in its cited footnote; "rm" only in the footnote's URL.
    CHECK(ids(s.search("in:footnotes entitlement", o)) == std::set<std::string>{"m/p3"});
    CHECK(ids(s.search("in:text entitlement", o)) == std::set<std::string>{"m/p3", "m/fn7"}); // the footnote's own text
    CHECK(ids(s.search("in:footnotes asylum", o)).empty());
    // Free text searches the session titles too, with a smaller weight.
    auto titled = s.search("resources", o);
    CHECK(ids(titled) == expected([](auto& p) { return p.session == 5; }));
}

TEST_CASE("bad syntax is read as plain words, with a notice, never an error", "[query]") {
    Searcher s(test::build_database(test::meeting_passages()));
    const auto o = all_results();
    const auto plain = ids(s.search("asylum guidelines", o));
    for (const std::string bad :
         {"\"asylum guidelines", "asylum AND", "asylum guidelines OR", "(asylum guidelines", "asylum) guidelines",
          "AND asylum guidelines", "asylum NEAR", "org: asylum guidelines", "asylum NEAR/x guidelines", "()"}) {
        INFO(bad);
        auto r = s.search(bad, o);
        REQUIRE_FALSE(r.notices.empty());
        CHECK(r.notices.front().find("read as plain words") != std::string::npos);
        if (bad != "()") CHECK(ids(r).size() >= 1);
    }
    CHECK(ids(s.search("\"asylum guidelines", o)) == plain);
    CHECK(ids(s.search("(asylum guidelines", o)) == plain);
}

TEST_CASE("stop words do not empty a query", "[query]") {
    Searcher s(test::build_database(test::meeting_passages()));
    const auto o = all_results();
    auto r = s.search("the of", o);
    CHECK(r.total > 0);
    CHECK(s.search("\"and the\"", o).total > 0);
}

TEST_CASE("the parser's limits: query bytes, words, depth, proximity", "[query]") {
    auto db = test::build_database(test::meeting_passages());
    Analyzer analyzer;
    SearchOptions o;
    QueryParser parser(db, analyzer, o);
    std::string many;
    for (int i = 0; i < 10000; ++i) many += "asylum ";
    auto p = parser.parse(many);
    CHECK(p.text.size() <= o.limits.max_query_bytes);
    CHECK(p.leaves.size() <= o.limits.max_query_words);
    CHECK(p.notices.size() == 2);
    auto deep = parser.parse(std::string(20000, '(') + "asylum" + std::string(20000, ')'));
    CHECK_FALSE(deep.notices.empty());
    auto near = parser.parse("asylum NEAR/99999999999 guidelines");
    REQUIRE(near.notices.size() == 1);
    CHECK(near.notices[0].find("NEAR/1000") != std::string::npos);
    CHECK_FALSE(near.query.empty());
    // Filters: unknown fields are the caller's mistake.
    std::vector<std::string> notices;
    CHECK_THROWS_AS(parser.filter_query({{"colour", {"red"}}}, notices), UsageError);
    CHECK(parser.field_term("org", "greta") == "XOGRETA");
    CHECK(parser.field_term("country", "Nowhere") == "XCNowhere");
}
