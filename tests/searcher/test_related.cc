/** @file test_related.cc
 *  @brief Related passages (searcher/src/related.cc): ranked by relatedness with scores that never
 *         rise down the list, every hit sharing a word or an entity with its source, the session
 *         bonus only for related passages of a numbered session.
 */
#include "fixture.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

namespace {

bool shares_something(const Hit& h) { return !h.shared_terms.empty() || !h.shared_entities.empty(); }

/// What every list of related passages must be: never the source, scores non-increasing, and
/// every hit sharing a word or an entity (so none sharing nothing ranks above one sharing something).
void check_related_list(const SearchResult& r, const std::string& source) {
    REQUIRE(r.related);
    bool seen_unrelated = false;
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        const Hit& h = r.hits[i];
        INFO("rank " << h.rank << ": " << h.id << " score " << h.score);
        CHECK(h.id != source);
        if (i > 0) CHECK(h.score <= r.hits[i - 1].score);
        CHECK(shares_something(h));
        if (shares_something(h)) CHECK_FALSE(seen_unrelated);
        if (!shares_something(h)) seen_unrelated = true;
    }
}

const Hit* find_hit(const SearchResult& r, const std::string& id) {
    for (const auto& h : r.hits) {
        if (h.id == id) return &h;
    }
    return nullptr;
}

/// A report without session headings: every passage is in session 0, the opening part.
std::vector<test::FixturePassage> sessionless_passages() {
    auto p = [](std::string id, std::string text, std::vector<std::string> orgs) {
        return test::passage(std::move(id), "n", std::move(text), 0, 0, "", std::move(orgs), {});
    };
    return {
        p("n/p1", "Labour inspectors found victims of forced labour in agriculture and construction.", {"ILO"}),
        p("n/p2", "The delegates thanked the host for the excellent organisation of the meeting.", {}),
        p("n/p3", "Seasonal workers in agriculture are at risk of forced labour, inspectors warned.", {}),
        p("n/p4", "Coffee breaks were scheduled at eleven and at four.", {}),
        p("n/p5", "The ILO presented its new guidance for national rapporteurs.", {"ILO"}),
        p("n/p6", "Closing remarks were given by the chair.", {}),
    };
}

} // namespace

TEST_CASE("related: every hit shares something, scores never rise, the source is never listed", "[searcher]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions o;
    o.limit = 50;
    auto r = s.related("m/p3", o);
    REQUIRE(r.hits.size() >= 3);
    check_related_list(r, "m/p3");
    // Its session's neighbours that share words are listed; GRETA is shared with m/p6.
    CHECK(find_hit(r, "m/p4"));
    CHECK(find_hit(r, "m/p5"));
    const Hit* p6 = find_hit(r, "m/p6");
    REQUIRE(p6);
    CHECK(std::count(p6->shared_entities.begin(), p6->shared_entities.end(), "GRETA") == 1);
    CHECK_THROWS_AS(s.related("no/such", o), UsageError);

    auto t = s.related_text("Guidelines for identifying victims of trafficking among asylum seekers in Italy", o);
    REQUIRE_FALSE(t.hits.empty());
    check_related_list(t, "");
    CHECK((t.hits[0].id == "m/p5" || t.hits[0].id == "m/p4"));
    bool italy = false;
    for (const auto& h : t.hits)
        italy = italy || std::count(h.shared_entities.begin(), h.shared_entities.end(), "Italy");
    CHECK(italy);
}

TEST_CASE("related: a numbered session's related neighbours get the session bonus, and only they", "[searcher]") {
    Searcher s(test::build_database(test::meeting_passages()));
    SearchOptions with, without;
    with.limit = without.limit = 50;
    without.like_session_weight = 0;
    auto r = s.related("m/p3", with);
    auto plain = s.related("m/p3", without);
    check_related_list(plain, "m/p3");
    // The bonus lists nothing new: the same passages, some higher.
    REQUIRE(r.hits.size() == plain.hits.size());
    for (const auto& h : plain.hits) {
        INFO(h.id);
        const Hit* b = find_hit(r, h.id);
        REQUIRE(b);
        const bool same_session = h.document == "m" && h.session.number == 4;
        CHECK(b->score == Approx(h.score + (same_session ? with.like_session_weight : 0.0)));
    }
}

TEST_CASE("related: in a document without sessions no passage gets a session bonus", "[searcher]") {
    Searcher s(test::build_database(sessionless_passages()));
    SearchOptions with, without;
    with.limit = without.limit = 50;
    without.like_session_weight = 0;
    auto r = s.related("n/p1", with);
    check_related_list(r, "n/p1");
    // n/p3 shares agriculture, labour, inspectors; n/p5 shares the ILO; the rest share nothing.
    std::vector<std::string> ids;
    for (const auto& h : r.hits) ids.push_back(h.id);
    CHECK(ids == std::vector<std::string>{"n/p3", "n/p5"});
    auto plain = s.related("n/p1", without);
    REQUIRE(plain.hits.size() == r.hits.size());
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
        CHECK(r.hits[i].id == plain.hits[i].id);
        CHECK(r.hits[i].score == Approx(plain.hits[i].score));
    }
}

TEST_CASE("seed: --like of the non-punishment passage lists related passages, most related first", "[searcher][seed]") {
    const std::string id = test::seed_passage_with("non-punishment");
    REQUIRE_FALSE(id.empty());
    Searcher s(test::seed_database());
    SearchOptions o;
    o.limit = 100;
    auto r = s.related(id, o);
    REQUIRE(r.hits.size() >= 5);
    check_related_list(r, id);
    CHECK(r.total == r.hits.size());
    // The footnote it cites (it shares "guidance") and its session's introduction (it shares
    // GRETA) are listed; its session's other footnotes, which share nothing, are not.
    const std::string cited = test::seed_passage_with("rm.coe.int/guidance-note-on-the-entitlement");
    const std::string introduction = test::seed_passage_with("The discussion during the fourth session");
    const std::string other_footnote = test::seed_passage_with("osce.org/cthb/413123");
    REQUIRE_FALSE((cited.empty() || introduction.empty() || other_footnote.empty()));
    CHECK(find_hit(r, cited));
    CHECK(find_hit(r, introduction));
    CHECK_FALSE(find_hit(r, other_footnote));
}
