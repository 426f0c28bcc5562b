/** @file test_passage_ids.cc
 *  @brief PassageIds (passage_ids.h): the sort keys by docid, and whether they rise with the
 *  docids, on the seed as the indexer writes it and on databases made to break the order.
 */
#include "fixture.h"
#include "passage_ids.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace rapporteur;

namespace {

/// A glass database of one document per id, in the order given; "" adds one without a key.
std::string keyed_database(const test::TempDir& dir, const std::vector<std::string>& ids) {
    const std::string path = (dir / "db").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (const auto& id : ids) {
        Xapian::Document doc;
        doc.add_term("w");
        if (!id.empty()) doc.add_value(schema::SLOT_SORT_ID, codecs::encode_sort_key(id));
        db.add_document(doc);
    }
    db.commit();
    return path;
}

std::string id_of(const PassageIds& ids, Xapian::docid did) {
    std::string id;
    return codecs::decode_sort_key(ids.key(did), id) ? id : "";
}

} // namespace

TEST_CASE("the seed as the indexer writes it has its passage ids in docid order, footnotes included",
          "[passage-ids][seed]") {
    const Xapian::Database db(test::seed_database().string());
    const PassageIds ids(db);
    REQUIRE(ids.size() == db.get_doccount());
    CHECK(ids.in_docid_order());
    std::size_t footnotes = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const std::string id = read_stored_passage(db.get_document(*it)).id;
        CHECK(id_of(ids, *it) == id);
        footnotes += id.find("/fn") != std::string::npos;
    }
    CHECK(footnotes > 0); // the seed's footnotes are passages too, added before its paragraphs
    CHECK(ids.key(0).empty());
    CHECK(ids.key(db.get_lastdocid() + 1).empty());
}

TEST_CASE("ids out of docid order, a passage without a key or two equal keys leave the order to the keys",
          "[passage-ids]") {
    test::TempDir dir;
    SECTION("rising, with digit runs compared as numbers") {
        const PassageIds ids(Xapian::Database(keyed_database(dir, {"a/p1", "a/p2", "a/p10", "b/fn1", "b/p9"})));
        CHECK(ids.in_docid_order());
        CHECK(id_of(ids, 3) == "a/p10");
        CHECK(id_of(ids, 5) == "b/p9");
    }
    SECTION("p10 before p9") {
        const PassageIds ids(Xapian::Database(keyed_database(dir, {"a/p1", "a/p10", "a/p9"})));
        CHECK_FALSE(ids.in_docid_order());
        CHECK(id_of(ids, 2) == "a/p10"); // the keys are read all the same
    }
    SECTION("a passage without a key") {
        const PassageIds ids(Xapian::Database(keyed_database(dir, {"a/p1", "", "a/p3"})));
        CHECK_FALSE(ids.in_docid_order());
        CHECK(ids.size() == 2);
        CHECK(ids.key(2).empty());
        CHECK(id_of(ids, 3) == "a/p3");
    }
    SECTION("two passages with one id") {
        const PassageIds ids(Xapian::Database(keyed_database(dir, {"a/p1", "a/p2", "a/p2"})));
        CHECK_FALSE(ids.in_docid_order());
    }
    SECTION("a document added later with smaller ids, as an update in place adds it") {
        const std::string path = keyed_database(dir, {"b/p1", "b/p2"});
        CHECK(PassageIds(Xapian::Database(path)).in_docid_order());
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        Xapian::Document doc;
        doc.add_term("w");
        doc.add_value(schema::SLOT_SORT_ID, codecs::encode_sort_key("a/p1"));
        db.add_document(doc);
        db.commit();
        CHECK_FALSE(PassageIds(Xapian::Database(path)).in_docid_order());
    }
    SECTION("deleted passages leave gaps, not disorder") {
        const std::string path = keyed_database(dir, {"a/p1", "a/p2", "a/p3", "a/p4"});
        {
            Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
            db.delete_document(2);
            db.commit();
        }
        const PassageIds ids{Xapian::Database(path)};
        CHECK(ids.in_docid_order());
        CHECK(ids.key(2).empty());
        CHECK(id_of(ids, 3) == "a/p3");
    }
    SECTION("an empty database") {
        const PassageIds ids(Xapian::Database(keyed_database(dir, {})));
        CHECK(ids.in_docid_order());
        CHECK(ids.size() == 0);
        CHECK(ids.key(1).empty());
    }
}

TEST_CASE("a fresh index has its ids in docid order whatever the byte order of its files' names, and "
          "lists its files in input order", "[passage-ids][writer]") {
    // Byte order: "Nov 16" < "Nov 2" < "apr" < "nov-9"; id order: apr < nov-2 < nov-9 < nov-16.
    test::TempDir dir;
    const auto in = dir / "minutes";
    std::filesystem::create_directories(in);
    const std::vector<std::string> names = {"Nov 16.md", "Nov 2.md", "apr.md", "nov-9.md"};
    for (const auto& name : names) {
        std::ofstream(in / name) << "# Minutes " << name << "\n\nThe committee discussed the labour inspections of "
                                 << name << ".[^1]\n\nIt agreed on the agenda.\n\n[^1]: See the annex.\n";
    }
    const bool sharded = GENERATE(false, true);
    INFO((sharded ? "sharded run" : "in place"));
    IndexerOptions options;
    options.database = dir / (sharded ? "sharded-db" : "db");
    options.threads = 2;
    if (sharded) options.shard_min_bytes = 0;
    const IndexSummary summary = index_paths({in}, options);
    REQUIRE(summary.failed == 0);
    REQUIRE(summary.files.size() == names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        CHECK(std::filesystem::path(summary.files[i].path).filename() == names[i]);
    }
    const Xapian::Database db(options.database.string());
    const PassageIds ids(db);
    CHECK(ids.size() == db.get_doccount());
    CHECK(ids.size() >= 3 * names.size()); // a heading or paragraph, another, and the footnote
    CHECK(ids.in_docid_order());
    CHECK(id_of(ids, 1).find("apr/") != std::string::npos); // the first file in id order
}
