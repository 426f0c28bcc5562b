/** @file test_spelling_index.cc
 *  @brief The spelling dictionary in memory (SpellingIndex) answers as Xapian's own
 *         get_spelling_suggestion does, on the seed and the test reports in other languages
 *         and scripts (test::multilingual_database), for every kind of typing error; and a searcher uses it.
 */
#include "fixture.h"
#include "spelling_index.h"

#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace rapporteur;

namespace {

/// Words one or two typing errors from `word`, edited by code points: each deletion, a
/// substitution and an insertion at the start, middle and end, each swap of neighbours, and
/// two errors at once.
std::vector<std::string> misspellings(const std::string& word) {
    const std::u32string w = utf8::decode(word);
    std::vector<std::u32string> out;
    for (std::size_t i = 0; i < w.size(); ++i) out.push_back(w.substr(0, i) + w.substr(i + 1));
    for (std::size_t i : {std::size_t{0}, w.size() / 2, w.size()}) {
        out.push_back(w.substr(0, i) + U"e" + w.substr(i));
        if (i < w.size()) out.push_back(w.substr(0, i) + U"\u00e9" + w.substr(i + 1));
    }
    for (std::size_t i = 0; i + 1 < w.size(); ++i) {
        std::u32string t = w;
        std::swap(t[i], t[i + 1]);
        out.push_back(t);
    }
    if (w.size() > 3) out.push_back(U"x" + w.substr(1, w.size() - 2));
    std::vector<std::string> words;
    for (const auto& o : out) words.push_back(utf8::encode(o));
    return words;
}

} // namespace

TEST_CASE("the spelling dictionary in memory suggests what Xapian suggests", "[spelling]") {
    Xapian::Database db(test::multilingual_database().string());
    const SpellingIndex index(db);
    REQUIRE(index.size() > 500);
    std::size_t asked = 0, suggested = 0;
    bool cyrillic = false, accented = false;
    std::size_t n = 0;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it, ++n) {
        const std::string word = *it;
        const std::u32string cps = utf8::decode(word);
        const bool is_cyrillic = !cps.empty() && cps[0] >= 0x400 && cps[0] < 0x500;
        const bool is_accented = word.size() != cps.size() && !is_cyrillic;
        // Every word beyond ASCII (Russian, accented Latin, CJK), every fifth of the rest (Xapian's own answer is the
        // slow part of this test).
        if (!is_cyrillic && !is_accented && n % 5) continue;
        cyrillic |= is_cyrillic;
        accented |= is_accented;
        std::vector<std::string> words = misspellings(word);
        words.push_back(word); // known: no suggestion unless a neighbour is more frequent
        for (const auto& w : words) {
            for (unsigned distance : {1u, 2u}) {
                INFO(word << " -> " << w << " (distance " << distance << ")");
                const std::string expected = db.get_spelling_suggestion(w, distance);
                CHECK(index.suggest(w, distance) == expected);
                ++asked;
                if (!expected.empty()) ++suggested;
            }
        }
    }
    CHECK(cyrillic);
    CHECK(accented);
    CHECK(asked > 5000);
    CHECK(suggested > asked / 4); // most are near a word
    // Too short, empty, nothing near.
    CHECK(index.suggest("", 2) == db.get_spelling_suggestion("", 2));
    CHECK(index.suggest("a", 2).empty());
    CHECK(index.suggest("zzqxvw", 2) == db.get_spelling_suggestion("zzqxvw", 2));
}

TEST_CASE("an empty spelling dictionary suggests nothing", "[spelling]") {
    test::TempDir dir;
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_CREATE);
    w.commit();
    const SpellingIndex index(w);
    CHECK(index.size() == 0);
    CHECK(index.suggest("trafficking", 2).empty());
}

TEST_CASE("a searcher's suggestions are the same from its second search on", "[spelling][seed]") {
    // The first search of a revision asks Xapian; later ones the dictionary in memory, read
    // once for the revision.
    const std::size_t before = SpellingIndex::built();
    Searcher s(test::seed_database());
    for (int round = 0; round < 3; ++round) {
        INFO("search " << round + 1);
        CHECK(s.search("trafficing", SearchOptions{}).suggestion == "trafficking");
        CHECK(s.search("GRETTA", SearchOptions{}).suggestion == "GRETA");
        CHECK(s.search("Counsil of Europe", SearchOptions{}).suggestion == "Council of Europe");
        CHECK(s.search("zzqxv", SearchOptions{}).suggestion.empty());
        CHECK(SpellingIndex::built() - before == 1);
    }
    // A search that asks for no suggestion does not count.
    SearchOptions quiet;
    quiet.suggest = false;
    Searcher t(test::seed_database());
    for (int i = 0; i < 3; ++i) CHECK(t.search("trafficing", quiet).suggestion.empty());
    CHECK(SpellingIndex::built() - before == 1);
}
