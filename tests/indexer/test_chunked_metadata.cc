/** @file test_chunked_metadata.cc
 *  @brief Lines in chunks of metadata (format/chunked_metadata.h): read back whole and in
 *         order over several chunks, a rewrite leaves no stale chunk, and the fingerprint
 *         the writer gives is the one the chunks give.
 */
#include "rapporteur/format/chunked_metadata.h"
#include "support/process.h"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

using rapporteur::format::chunked_fingerprint;
using rapporteur::format::ChunkedMetadataWriter;
using rapporteur::format::read_chunked_lines;

namespace {

/// A glass database in a temporary directory (the in-memory backend lists no metadata keys).
struct Scratch {
    rapporteur::test::TempDir dir;
    Xapian::WritableDatabase db{(dir / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS};
};

std::vector<std::string> numbered_lines(std::size_t n, const std::string& tail) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back("word" + std::to_string(i) + "\t" + tail);
    return out;
}

std::string write(Xapian::WritableDatabase& db, const std::string& prefix, const std::vector<std::string>& lines) {
    ChunkedMetadataWriter out(db, prefix);
    for (const auto& l : lines) out.add_line(l);
    out.finish();
    return out.fingerprint();
}

std::vector<std::string> read(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> out;
    read_chunked_lines(db, prefix, [&](std::string_view l) { out.emplace_back(l); });
    return out;
}

std::size_t keys(const Xapian::Database& db, const std::string& prefix) {
    std::size_t n = 0;
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) ++n;
    return n;
}

} // namespace

TEST_CASE("chunked metadata reads back every line in order, over several chunks", "[indexer][schema][chunks]") {
    Scratch scratch;
    auto& db = scratch.db;
    // 30,000 lines of about 40 bytes: more than four chunks of 256 KB.
    const auto lines = numbered_lines(30000, std::string(30, 'x'));
    const std::string fp = write(db, "test:list:", lines);
    CHECK(keys(db, "test:list:") >= 4);
    CHECK(read(db, "test:list:") == lines);
    CHECK(fp == chunked_fingerprint(db, "test:list:"));
    CHECK(fp.substr(fp.size() - 6) == "-30000");
    // Another prefix sharing the first letters is another list.
    CHECK(read(db, "test:lis").size() == lines.size());
    CHECK(read(db, "test:list:x").empty());
    CHECK_FALSE(read_chunked_lines(db, "test:none:", [](std::string_view) {}));
}

TEST_CASE("a rewrite of chunked metadata leaves no line of the list before it", "[indexer][schema][chunks]") {
    Scratch scratch;
    auto& db = scratch.db;
    const std::string before = write(db, "test:list:", numbered_lines(30000, std::string(30, 'x')));
    const auto shorter = numbered_lines(3, "y");
    const std::string after = write(db, "test:list:", shorter);
    CHECK(keys(db, "test:list:") == 1);
    CHECK(read(db, "test:list:") == shorter);
    CHECK(after != before);
    CHECK(after == chunked_fingerprint(db, "test:list:"));
    // An empty list: no chunk, and the fingerprint of nothing.
    const std::string none = write(db, "test:list:", {});
    CHECK(keys(db, "test:list:") == 0);
    CHECK(none == chunked_fingerprint(db, "test:list:"));
    CHECK(none.substr(none.size() - 2) == "-0");
}

TEST_CASE("the fingerprint of chunked metadata changes with any line, and not with the chunking",
          "[indexer][schema][chunks]") {
    Scratch scratch;
    auto& db = scratch.db;
    auto lines = numbered_lines(20000, "3");
    const std::string fp = write(db, "a:", lines);
    lines[12345] = "word12345\t4";
    CHECK(write(db, "b:", lines) != fp);
    lines[12345] = "word12345\t3";
    CHECK(write(db, "c:", lines) == fp);
    // The same lines cut into other chunks by hand read and hash the same.
    db.set_metadata("d:0000", "word0\t3\nword1\t3\n");
    db.set_metadata("d:0001", "word2\t3\n");
    db.set_metadata("e:0000", "word0\t3\nword1\t3\nword2\t3\n");
    CHECK(chunked_fingerprint(db, "d:") == chunked_fingerprint(db, "e:"));
    CHECK(read(db, "d:") == read(db, "e:"));
}
