/** @file test_term_lookups.cc
 *  @brief What a query asks the database besides the match, answered cheaply: the small
 *         fields' vocabularies (term_vocabulary.cc) and the commit watch (version_watch.cc).
 */
#include "fixture.h"
#include "term_vocabulary.h"
#include "version_watch.h"

#include "rapporteur/format/database_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

using namespace rapporteur;

namespace {

/// Every term of `db`, and each changed a little (cut, extended, another prefix): terms
/// the index has and terms it lacks, in every field.
std::vector<std::string> probes(const Xapian::Database& db) {
    std::vector<std::string> out;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
        const std::string term = *t;
        out.push_back(term);
        out.push_back(term + "x");
        if (term.size() > 1) out.push_back(term.substr(0, term.size() - 1));
        for (const char* p : {"T", "F", "L", "K", "XO"}) out.push_back(p + term);
    }
    for (const char* t : {"", "T", "F", "L", "K", "Lzz", "Tzzzz", "Fzzzz"}) out.emplace_back(t);
    return out;
}

} // namespace

TEST_CASE("the vocabulary answers as the database does, held or not", "[searcher][query]") {
    auto passages = test::meeting_passages();
    test::TempDir dir;
    for (const std::string& path : {std::string(), (dir / "db").string()}) {
        INFO((path.empty() ? "in memory" : "on disk"));
        Xapian::Database db = test::build_database(passages, path);
        const auto terms = probes(db);
        REQUIRE(terms.size() > 500);
        const TermVocabulary all(db), none(db, 0), one(db, 1);
        CHECK(all.held_prefixes() == 4);  // title, footnote, language, kind: all small here
        CHECK(none.held_prefixes() == 0); // every prefix over the cap: looked up
        CHECK(one.held_prefixes() < 4);
        std::size_t present = 0, held_present = 0;
        for (const auto& t : terms) {
            INFO(t);
            const bool truth = db.term_exists(t);
            CHECK(all.exists(db, t) == truth);
            CHECK(none.exists(db, t) == truth);
            CHECK(one.exists(db, t) == truth);
            present += truth;
            held_present += truth && !t.empty() && (t[0] == 'T' || t[0] == 'F');
        }
        CHECK(present > 100);
        CHECK(held_present > 10); // titles and the footnote have words: the tables are not empty
    }
}

TEST_CASE("the version watch sees a commit, and only a commit", "[searcher]") {
    test::TempDir dir;
    const auto path = dir / "db";
    auto writer = test::build_database(test::meeting_passages(), path.string());
    writer.commit();
    const auto file = VersionWatch::version_file(path);
    CHECK(file == path / "iamglass");

    VersionWatch watch;
    CHECK(watch.changed()); // nothing watched yet: always "changed"
    watch.watch(file);
    CHECK_FALSE(watch.changed());
    Xapian::Database reader(path.string());
    CHECK_FALSE(reader.reopen()); // and Xapian agrees: nothing new
    CHECK_FALSE(watch.changed());

    Xapian::Document d;
    d.add_term("zzwatch");
    writer.add_document(d);
    CHECK_FALSE(watch.changed()); // not yet committed
    writer.commit();
    CHECK(watch.changed());
    watch.watch(file);
    CHECK_FALSE(watch.changed());
    CHECK(reader.reopen());
    CHECK(reader.term_exists("zzwatch"));

    VersionWatch moved = std::move(watch);
    CHECK_FALSE(moved.changed());
    CHECK(watch.changed()); // NOLINT(bugprone-use-after-move): a moved-from watch watches nothing
    moved.watch(dir / "no such file");
    CHECK(moved.changed());
    CHECK(VersionWatch::version_file(dir / "nothing here").empty());
}

TEST_CASE("a searcher over a database directory sees a commit into its generation", "[searcher]") {
    test::TempDir dir;
    IndexerOptions options;
    options.database = dir / "db";
    index_paths({RAPPORTEUR_SEEDS}, options);
    const std::string generation = read_current_generation(options.database);
    REQUIRE(!generation.empty());
    CHECK(VersionWatch::version_file(options.database) == options.database / generation / "iamglass");

    Searcher s(options.database);
    SearchOptions o;
    CHECK(s.search("zzwatchword", o).total == 0);
    CHECK(s.search("zzwatchword", o).total == 0); // twice: the second search asks no reopen
    {
        Xapian::WritableDatabase w((options.database / generation).string(), Xapian::DB_OPEN);
        auto docs = test::fixture_documents({test::passage("w/p1", "w", "A zzwatchword appears.", 1, 1, "T", {}, {})},
                                            Analyzer());
        REQUIRE(!docs.empty());
        w.add_document(docs.front());
        w.commit();
    }
    CHECK(s.search("zzwatchword", o).total == 1);
}
