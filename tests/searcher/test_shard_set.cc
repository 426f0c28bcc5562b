/** @file test_shard_set.cc
 *  @brief ShardSet's second connections (shard_set.h): a page's documents are read on them
 *  only at the revision of the shard's own connection, which the union matched at.
 */
#include "shard_set.h"
#include "support/process.h"
#include "support/tcp_servers.h"

#include <catch2/catch.hpp>

#include <xapian.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace rapporteur;

namespace {

/// Adds passages "<first>".."<first + count - 1>" as document data, and commits.
void add_passages(const std::string& path, int first, int count) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    for (int i = first; i < first + count; ++i) {
        Xapian::Document doc;
        doc.set_data("passage " + std::to_string(i));
        doc.add_term("word" + std::to_string(i % 3));
        db.add_document(doc);
    }
    db.commit();
}

/// One shard of `passages` passages served by a stock xapian-tcpsrv, and a connected ShardSet.
struct OneServedShard {
    explicit OneServedShard(int passages) {
        add_passages(path, 1, passages);
        server = test::BackgroundServer::tcpsrv(path);
        ShardMap map;
        map.shards.push_back(Shard{{ShardEndpoint{"127.0.0.1", server->port()}}});
        set = std::make_unique<ShardSet>(map, ShardOptions{});
    }
    test::TempDir dir;
    const std::string path = (dir.path() / "shard").string();
    std::unique_ptr<test::BackgroundServer> server;
    std::unique_ptr<ShardSet> set;
};

} // namespace

TEST_CASE("a shard's second connection is used only at the revision of its own connection", "[shards]") {
    OneServedShard served(3);
    const std::string& path = served.path;
    ShardSet& set = *served.set;
    REQUIRE(set.connect());
    const ShardSet::Revision first = ShardSet::Revision::of(set.shard(0));
    CHECK(first.documents == 3);

    // Opened at the revision of the shard's own connection: read there.
    Xapian::Database* side = set.side(0, first);
    REQUIRE(side != nullptr);
    CHECK(side->get_document(2).get_data() == "passage 2");

    // A commit: a second connection opened now is ahead of the union, which still matches the
    // first revision, so it is not used (the caller reads on the shard's own connection).
    add_passages(path, 4, 2);
    set.drop_side(0);
    CHECK(set.side(0, first) == nullptr);
    CHECK(set.shard(0).get_doccount() == 3);

    // The union reopened: the second connection is at its revision again.
    Xapian::Database union_db = set.database();
    REQUIRE(union_db.reopen());
    const ShardSet::Revision second = ShardSet::Revision::of(set.shard(0));
    CHECK_FALSE(second == first);
    side = set.side(0, second);
    REQUIRE(side != nullptr);
    CHECK(side->get_doccount() == 5);
    CHECK(side->get_document(5).get_data() == "passage 5");

    // Another commit and a reopen of the union: the second connection, behind, is reopened to it.
    add_passages(path, 6, 1);
    REQUIRE(union_db.reopen());
    const ShardSet::Revision third = ShardSet::Revision::of(set.shard(0));
    side = set.side(0, third);
    REQUIRE(side != nullptr);
    CHECK(ShardSet::Revision::of(*side) == third);
    CHECK(side->get_document(6).get_data() == "passage 6");

    // The server gone: no second connection, and no exception (the own connection tells).
    served.server->stop();
    set.drop_side(0);
    CHECK(set.side(0, third) == nullptr);
}

TEST_CASE("a shard's second connections are distinct and read a page at once on threads", "[shards]") {
    OneServedShard served(40);
    ShardSet& set = *served.set;
    REQUIRE(set.connect());
    const ShardSet::Revision at = ShardSet::Revision::of(set.shard(0));
    std::vector<Xapian::Database*> sides;
    for (std::size_t slot = 0; slot < ShardSet::MAX_SIDES; ++slot) {
        sides.push_back(set.side(0, at, slot));
        REQUIRE(sides.back() != nullptr);
        CHECK(sides.back() != &set.shard(0));
        for (std::size_t other = 0; other < slot; ++other) CHECK(sides[other] != sides.back());
    }
    CHECK_THROWS(set.side(0, at, ShardSet::MAX_SIDES));
    // Each connection on its own thread, every fourth passage each.
    std::vector<std::vector<std::string>> read(sides.size());
    std::vector<std::thread> threads;
    for (std::size_t slot = 0; slot < sides.size(); ++slot) {
        threads.emplace_back([&, slot] {
            for (Xapian::docid d = static_cast<Xapian::docid>(slot) + 1; d <= 40; d += ShardSet::MAX_SIDES) {
                read[slot].push_back(sides[slot]->get_document(d).get_data());
            }
        });
    }
    for (auto& t : threads) t.join();
    for (std::size_t slot = 0; slot < sides.size(); ++slot) {
        REQUIRE(read[slot].size() == 40 / ShardSet::MAX_SIDES);
        for (std::size_t j = 0; j < read[slot].size(); ++j) {
            CHECK(read[slot][j] == "passage " + std::to_string(slot + 1 + j * ShardSet::MAX_SIDES));
        }
    }
    // One dropped: the others are kept, and the dropped one opens anew at the revision.
    set.drop_side(0, 1);
    CHECK(set.side(0, at, 2) == sides[2]);
    Xapian::Database* again = set.side(0, at, 1);
    REQUIRE(again != nullptr);
    CHECK(again->get_document(7).get_data() == "passage 7");
}
