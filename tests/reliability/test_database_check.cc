/** @file test_database_check.cc
 *  @brief rapporteur-index --check (database_check.cc) on whole and damaged databases, and the
 *         modes of what the writer creates (database_dir.cc).
 */
#include "file_records.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/indexer.h"
#include "support/process.h"

#include <xapian.h>
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <fstream>
#include <sstream>

using namespace rapporteur;
using test::quote;
using test::run;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path SEED = fs::path(RAPPORTEUR_SOURCE_DATADIR) / "seeds";

IndexerOptions options_for(const fs::path& db) {
    IndexerOptions o;
    o.database = db;
    return o;
}

std::string check_command(const fs::path& db) {
    return std::string(RAPPORTEUR_INDEX_EXE) + " --check --db " + quote(db.string());
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

bool mentions(const std::vector<std::string>& problems, const std::string& what) {
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(what) != std::string::npos; });
}

/// Every directory and file under `root`, with its permission bits.
std::vector<std::pair<fs::path, unsigned>> modes_under(const fs::path& root) {
    std::vector<std::pair<fs::path, unsigned>> out;
    struct stat st {};
    ::stat(root.c_str(), &st);
    out.emplace_back(root, st.st_mode & 07777);
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        ::lstat(e.path().c_str(), &st);
        out.emplace_back(e.path(), st.st_mode & 07777);
    }
    return out;
}

/// Sets the process's umask for a scope.
struct ScopedUmask {
    explicit ScopedUmask(mode_t m) : previous(::umask(m)) {}
    ~ScopedUmask() { ::umask(previous); }
    mode_t previous;
};

} // namespace

TEST_CASE("rapporteur-index --check finds nothing wrong in a database the indexer wrote, in both modes", "[check]") {
    TempDir dir;
    auto o = options_for(dir / "db");
    SECTION("in place") {}
    SECTION("sharded") { o.shard_min_bytes = 0; }
    const auto summary = index_paths({SEED, fs::path(RAPPORTEUR_SOURCE_DATADIR) / "tests/data/indexer"}, o);
    REQUIRE(summary.failed == 0);
    REQUIRE(summary.documents >= 7); // the seed, the reports in several languages, the README.md
    const auto found = check_database(o.database);
    for (const auto& p : found.problems) UNSCOPED_INFO(p);
    CHECK(found.problems.empty());
    CHECK(found.documents == summary.documents);
    CHECK(found.passages == Xapian::Database(o.database.string()).get_doccount());
    const auto r = run(check_command(o.database));
    CHECK(r.status == 0);
    CHECK(r.out == "");
    CHECK(r.err.find("no problem found") != std::string::npos);
    CHECK(lines(r.err) == 1);
}

namespace {

/// Stored passage data with its word offsets (the ninth part, stored_passage.h) replaced.
std::string with_offsets(const std::string& data, const std::string& offsets) {
    std::size_t at = 0;
    std::uint32_t n = 0;
    for (int part = 0; part < 8; ++part) {
        REQUIRE(codecs::read_varint(data, at, n));
        at += n;
    }
    std::size_t end = at;
    REQUIRE(codecs::read_varint(data, end, n));
    end += n;
    std::string out = data.substr(0, at);
    codecs::append_varint(out, offsets.size());
    out += offsets;
    out += data.substr(end);
    return out;
}

} // namespace

TEST_CASE("rapporteur-index --check names each damaged passage, offset table, facet value and record, one line each", "[check]") {
    TempDir dir;
    const auto db = dir / "db";
    REQUIRE(index_paths({SEED}, options_for(db)).failed == 0);
    Xapian::docid paragraph = 0;
    {
        Xapian::WritableDatabase w((db / read_current_generation(db)).string(), Xapian::DB_OPEN);
        Xapian::Document d1 = w.get_document(1);
        d1.set_data("\x05" "ab"); // a length past the end
        w.replace_document(1, d1);
        Xapian::Document d2 = w.get_document(2);
        d2.set_data(with_offsets(d2.get_data(), std::string(1, '\x21'))); // one span for many positions
        d2.add_value(schema::SLOT_SPEAKER, "Someone"); // a slot that is not the data's
        w.replace_document(2, d2);
        Xapian::Document d3 = w.get_document(3);
        d3.add_value(schema::SLOT_SESSION, "x/y");
        w.replace_document(3, d3);
        // A paragraph's data (the writer adds footnotes first, in passage id order).
        paragraph = w.get_lastdocid();
        Xapian::Document d4 = w.get_document(paragraph);
        d4.set_data(d4.get_data() + "{\"kind\":\"chapter\"}");
        w.replace_document(paragraph, d4);
        w.set_metadata(std::string(schema::META_FILE) + "gone", "{\"hash\":\"1\",\"path\":\"/nowhere/gone.txt\"}");
        w.commit();
    }
    const auto found = check_database(db);
    for (const auto& p : found.problems) UNSCOPED_INFO(p);
    CHECK(mentions(found.problems, "damaged passage data in document 1"));
    CHECK(mentions(found.problems, "document 2"));
    CHECK(mentions(found.problems, "word offsets for"));
    CHECK(mentions(found.problems, "session value 'x/y'"));
    CHECK(mentions(found.problems, "damaged passage data in document " + std::to_string(paragraph) + ": unknown kind"));
    CHECK(mentions(found.problems, "value slot 6 'Someone' is not the passage data's"));
    CHECK(mentions(found.problems, "file record gone"));
    CHECK(found.problems.size() == 6);
    const auto r = run(check_command(db));
    CHECK(r.status == 1);
    CHECK(lines(r.out) == 6);
    CHECK(r.err.find("6 problems") != std::string::npos);
}

TEST_CASE("rapporteur-index --check finds a shard's spelling export that does not match its fingerprint", "[check][shards]") {
    TempDir dir;
    const auto db = dir / "db";
    auto o = options_for(db);
    o.shard = 1;
    o.shard_count = 1;
    REQUIRE(index_paths({SEED}, o).failed == 0);
    REQUIRE(check_database(db).problems.empty());
    const std::string generation = (db / read_current_generation(db)).string();
    {
        Xapian::Database r(generation);
        REQUIRE(!r.get_metadata(std::string(schema::META_SPELLING_FINGERPRINT)).empty());
        Xapian::WritableDatabase w(generation, Xapian::DB_OPEN);
        const std::string key = std::string(schema::META_SPELLING) + "0000";
        const std::string chunk = w.get_metadata(key);
        REQUIRE(chunk.find("trafficking\t") != std::string::npos);
        w.set_metadata(key, chunk + "trafficking\t999\n"); // a word counted twice
        w.commit();
    }
    const auto found = check_database(db);
    for (const auto& p : found.problems) UNSCOPED_INFO(p);
    REQUIRE(found.problems.size() == 1);
    CHECK(mentions(found.problems, "do not match their fingerprint"));
    // The next run on the shard writes the export again.
    REQUIRE(index_paths({SEED}, o).failed == 0);
    CHECK(check_database(db).problems.empty());
}

TEST_CASE("rapporteur-index --check reports a damaged table through Xapian's checker, and a missing database, without crashing",
          "[check]") {
    TempDir dir;
    const auto db = dir / "db";
    REQUIRE(index_paths({SEED}, options_for(db)).failed == 0);
    SECTION("a table overwritten in its middle") {
        const fs::path table = db / read_current_generation(db) / "termlist.glass";
        std::fstream f(table, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(fs::file_size(table) / 2));
        const std::string garbage(4096, '\xA5');
        f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
        f.close();
        const auto r = run(check_command(db));
        CHECK(r.status == 1);
        CHECK(r.out.find("gen-1") != std::string::npos);
        CHECK(r.err.find("problem") != std::string::npos);
    }
    SECTION("the stub naming a generation that is missing") {
        fs::remove_all(db / read_current_generation(db));
        const auto r = run(check_command(db));
        CHECK(r.status == 1);
        CHECK(r.out.find("missing") != std::string::npos);
        CHECK(lines(r.out) == 1);
    }
    SECTION("no database at all") {
        const auto r = run(check_command(dir / "nothing"));
        CHECK(r.status == 1);
        CHECK(lines(r.out) == 1);
    }
}

TEST_CASE("the database and its files are readable only by their owner, whatever the umask", "[permissions]") {
    TempDir dir;
    const ScopedUmask open_umask(0); // the worst case: everything created 0777/0666
    auto o = options_for(dir / "parent" / "db");
    unsigned dir_mode = 0700, file_mode = 0600;
    SECTION("in place") {}
    SECTION("sharded, then in place on top") { o.shard_min_bytes = 0; }
    SECTION("--group-readable") {
        o.access = DatabaseAccess::GROUP;
        dir_mode = 0750;
        file_mode = 0640;
    }
    REQUIRE(index_paths({SEED}, o).failed == 0);
    o.shard_min_bytes = 8u << 20;
    test::write_file(dir / "more.txt", "SUMMARY\n\nA second report on shelters and hotlines.\n");
    REQUIRE(index_paths({dir / "more.txt"}, o).failed == 0);
    CHECK(::umask(0) == 0); // restored after the run
    for (const auto& [path, mode] : modes_under(o.database)) {
        INFO(path.string());
        CHECK(mode == (fs::is_directory(path) ? dir_mode : file_mode));
    }
    // Directories above the database keep the process's umask.
    struct stat st {};
    ::stat((dir / "parent").c_str(), &st);
    CHECK((st.st_mode & 0777) == 0777);
}
