/** @file test_speller.cc
 *  @brief "Did you mean" and --auto-correct from the index's vocabulary.
 */
#include "fixture.h"
#include "speller.h"

#include <catch2/catch.hpp>

#include <cstdio>

using namespace rapporteur;

TEST_CASE("seed: an unknown word gets a correction as the passages write it", "[spelling][seed]") {
    Searcher s(test::seed_database());
    SearchOptions o;
    auto r = s.search("trafficing", o);
    CHECK(r.total == 0);
    CHECK(r.suggestion == "trafficking");
    REQUIRE(r.notices.size() == 1);
    CHECK(r.notices[0].find("did you mean \"trafficking\"") != std::string::npos);

    o.auto_correct = true;
    auto fixed = s.search("trafficing", o);
    CHECK(fixed.searched == "trafficking");
    CHECK(fixed.total == s.search("trafficking", SearchOptions{}).total);
    CHECK(fixed.total > 0);

    // Known words, and only the unknown word of several, are left alone.
    CHECK(s.search("trafficking", SearchOptions{}).suggestion.empty());
    CHECK(s.search("asylum trafficing", SearchOptions{}).suggestion == "asylum trafficking");
    // Nothing near enough: no suggestion.
    CHECK(s.search("zzqxv", SearchOptions{}).suggestion.empty());
    // The dictionary keeps words folded; suggestions come as the passages write them.
    CHECK(s.search("GRETTA", SearchOptions{}).suggestion == "GRETA");
    CHECK(s.search("Counsil of Europe", SearchOptions{}).suggestion == "Council of Europe");
}

TEST_CASE("the speller prefers the nearest, then the most frequent word", "[spelling]") {
    auto db = test::build_database(test::meeting_passages());
    Speller speller(db);
    CHECK(speller.suggest("guidlines", "guidlin") == "guidelines");
    CHECK(speller.suggest("asylm", "asylm") == "asylum");
    CHECK(speller.suggest("xyzzy", "xyzzy").empty());
    CHECK(speller.surface_form("victim") == "victims");
    // In the passages' casing, not folded.
    CHECK(speller.suggest("Gretta", "gretta") == "GRETA");
    CHECK(speller.surface_form("greta") == "GRETA");
}

TEST_CASE("a word of the dictionary's kind that it cannot correct is not looked for in the vocabulary",
          "[spelling]") {
    test::TempDir dir;
    auto db = test::build_database(test::meeting_passages(), (dir / "db").string());
    REQUIRE(Speller::filled(db));
    // The dictionary loses "guidelines": the vocabulary still has the term, which the scan
    // would suggest (as it does over an index without a dictionary, above).
    db.remove_spelling("guidelines", 1000000);
    db.commit();
    REQUIRE(db.get_spelling_suggestion("guidlines", 2) != "guidelines");
    Speller trusting(db);
    CHECK(trusting.suggest("guidlines", "guidlin") != "guidelines");
    // Told that the dictionary is empty, the speller scans the vocabulary and finds it.
    Speller scanning(db, nullptr, nullptr, false);
    CHECK(scanning.suggest("guidlines", "guidlin") == "guidelines");
    // A dictionary word is still suggested from the dictionary.
    CHECK(trusting.suggest("asylm", "asylm") == "asylum");
}

TEST_CASE("a suggestion is written as the first twenty passages of its word mostly write it", "[spelling]") {
    // Passages 1..n_first write `first`, the next ones `second`; the written form is the
    // commonest casing over the first twenty passages, ties to the first in byte order. The
    // speller stops reading once the rest cannot change that; these cases are where stopping
    // one passage too soon would change it.
    auto written = [](int n_first, const std::string& first, int total, const std::string& second) {
        std::vector<test::FixturePassage> ps;
        for (int i = 1; i <= total; ++i) {
            const std::string word = i <= n_first ? first : second;
            char id[8];
            std::snprintf(id, sizeof id, "d/p%02d", i);
            ps.push_back(test::passage(id, "d", "The committee discussed the " + word + " report at length.", 1, 1,
                                       "Session", {}, {}));
        }
        auto db = test::build_database(ps);
        return Speller(db).surface_form("zorbinel");
    };
    // 10 against 10 in the first twenty: the tie goes to "ZORBINEL" (before "Zorbinel" in byte
    // order), though "Zorbinel" leads for the first ten passages read.
    CHECK(written(10, "Zorbinel", 25, "ZORBINEL") == "ZORBINEL");
    // 11 against 9: "Zorbinel", settled after its eleventh passage.
    CHECK(written(11, "Zorbinel", 25, "ZORBINEL") == "Zorbinel");
    // 12 against 8 in the first twenty, though the whole index writes "ZORBINEL" 13 times.
    CHECK(written(12, "Zorbinel", 25, "ZORBINEL") == "Zorbinel");
    // Fewer than twenty passages: all of them count.
    CHECK(written(6, "Zorbinel", 13, "ZORBINEL") == "ZORBINEL");
    CHECK(written(7, "Zorbinel", 13, "ZORBINEL") == "Zorbinel");
}
