/** @file test_facet_index.cc
 *  @brief Facets: exact over the whole match set (checked by walking every match), multi-valued,
 *         drill-down consistent; on an in-memory report and on the seed indexed on disk.
 */
#include "fixture.h"

#include <catch2/catch.hpp>

#include <map>

using namespace rapporteur;

namespace {

using Counts = std::map<std::string, std::map<std::string, std::size_t>>;

Counts as_map(const SearchResult& r) {
    Counts out;
    for (const auto& [field, values] : r.facets) {
        for (const auto& v : values) out[field][v.value] = v.count;
    }
    return out;
}

/// Facet counts computed by walking every match of the query.
Counts walk(const Searcher& s, const std::string& query, SearchOptions o) {
    o.facets = false;
    o.limit = 100000;
    Counts out;
    for (const auto& h : s.search(query, o).hits) {
        ++out["session"][std::to_string(h.session.number)];
        for (const auto& org : h.organisations) ++out["organisation"][org];
        for (const auto& c : h.countries) ++out["country"][c];
        ++out["lang"][h.lang];
        ++out["document"][h.document];
        if (!h.speaker.empty()) ++out["speaker"][h.speaker];
    }
    return out;
}

void check_exact(const Searcher& s, const std::string& query, const SearchOptions& o = {}) {
    INFO(query);
    auto r = s.search(query, o);
    auto got = as_map(r);
    auto want = walk(s, query, o);
    for (auto& [field, values] : got) {
        if (values.empty()) got.erase(field);
    }
    Counts nonempty;
    for (const auto& [field, values] : got)
        if (!values.empty()) nonempty[field] = values;
    CHECK(nonempty == want);
    std::size_t sessions = 0;
    for (const auto& [v, n] : want["session"]) sessions += n;
    CHECK(sessions == r.total);
}

} // namespace

TEST_CASE("facet counts equal the counts of walking every match", "[facets]") {
    SECTION("in memory") {
        Searcher s(test::build_database(test::meeting_passages()));
        for (const std::string q : {"victims", "trafficking OR protection", "org:OSCE", "international protection"}) {
            check_exact(s, q);
        }
    }
    SECTION("on disk, the seed") {
        Searcher s(test::seed_database());
        SearchOptions o;
        o.limit = 3; // counts cover the whole match set, not the page shown
        for (const std::string q : {"trafficking", "victims asylum", "\"human beings\"", "covid"}) check_exact(s, q, o);
    }
}

TEST_CASE("multi-valued facets: a passage naming two organisations counts for both", "[facets]") {
    Searcher s(test::build_database(test::meeting_passages()));
    auto r = s.search("compendium", SearchOptions{});
    REQUIRE(r.total == 1);
    auto counts = as_map(r);
    CHECK(counts["organisation"]["GRETA"] == 1);
    CHECK(counts["organisation"]["OSCE"] == 1);
    // Most frequent first, ties by value.
    auto all = s.search("org:GRETA OR org:OSCE OR org:UNHCR", SearchOptions{});
    const auto& orgs = all.facets.at("organisation");
    for (std::size_t i = 1; i < orgs.size(); ++i) {
        CHECK((orgs[i - 1].count > orgs[i].count ||
               (orgs[i - 1].count == orgs[i].count && orgs[i - 1].value < orgs[i].value)));
    }
}

TEST_CASE("drill-down: AND across fields, OR within one - the counts shown are the drilled-down ones", "[facets]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions o;
    o.limit = 100;
    auto open = s.search("victims OR trafficking OR traffickers", o);
    auto open_counts = as_map(open);
    REQUIRE(open_counts["organisation"]["GRETA"] > 0);

    SearchOptions greta = o;
    greta.filters["org"] = {"GRETA"};
    auto drilled = s.search("victims OR trafficking OR traffickers", greta);
    CHECK(drilled.total == open_counts["organisation"]["GRETA"]);
    CHECK(drilled.total < open.total);
    for (const auto& h : drilled.hits) CHECK(std::count(h.organisations.begin(), h.organisations.end(), "GRETA") == 1);
    CHECK(as_map(drilled)["organisation"]["GRETA"] == drilled.total);
    check_exact(s, "victims OR trafficking OR traffickers", greta);

    SearchOptions either = o;
    either.filters["org"] = {"GRETA", "UNHCR"};
    auto within = s.search("victims OR trafficking OR traffickers", either);
    CHECK(within.total == open_counts["organisation"]["GRETA"] + open_counts["organisation"]["UNHCR"]);

    SearchOptions both = o;
    both.filters["org"] = {"OSCE"};
    both.filters["session"] = {"5"};
    auto across = s.search("victims OR trafficking OR traffickers", both);
    for (const auto& h : across.hits) {
        CHECK(h.session.number == 5);
        CHECK(std::count(h.organisations.begin(), h.organisations.end(), "OSCE") == 1);
    }
    CHECK(as_map(across)["session"].size() == 1);
    check_exact(s, "victims OR trafficking OR traffickers", both);

    SearchOptions unknown = o;
    unknown.filters["country"] = {"Atlantis"};
    auto nothing = s.search("victims", unknown);
    CHECK(nothing.total == 0);
    CHECK_FALSE(nothing.notices.empty());
    unknown.filters = {{"planet", {"Mars"}}};
    CHECK_THROWS_AS(s.search("victims", unknown), UsageError);
}
