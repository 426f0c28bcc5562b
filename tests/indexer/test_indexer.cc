/** @file test_indexer.cc
 *  @brief The indexing run: updates, atomic commits, locking, Xapian's sharp edges, bad input.
 */
#include "document_builder.h"
#include "slugs.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/indexer.h"
#include "spelling_buffer.h"
#include "support/process.h"
#include "support/scoped_env.h"

#include <xapian.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdlib>
#include <optional>
#include <set>
#include <thread>

using namespace rapporteur;
using test::quote;
using test::read_all;
using test::run;
using test::ScopedEnv;
using test::spawn;
using test::TempDir;
using test::write_file;
namespace fs = std::filesystem;

namespace {

const fs::path SEED = fs::path(RAPPORTEUR_SOURCE_DATADIR) / "seeds";

IndexerOptions options_for(const fs::path& db) {
    IndexerOptions o;
    o.database = db;
    return o;
}

/// How many passages gave `word` to the spelling dictionary (0 when it is not there).
Xapian::doccount spelling_frequency(const fs::path& db_path, const std::string& word) {
    Xapian::Database db(db_path.string());
    auto it = db.spellings_begin();
    it.skip_to(word);
    return it != db.spellings_end() && *it == word ? it.get_termfreq() : 0;
}

/// Passage id → passage text, for every document in the database.
std::map<std::string, std::string> passages_of(const fs::path& db_path) {
    Xapian::Database db(db_path.string());
    std::map<std::string, std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        auto stored = read_stored_passage(db.get_document(*it));
        out[stored.id] = stored.text;
    }
    return out;
}

/// Ids of the passages matching a single analysed word, best first.
std::vector<std::string> search_ids(const fs::path& db_path, const std::string& word) {
    Xapian::Database db(db_path.string());
    Analyzer analyzer;
    Xapian::Enquire enquire(db);
    enquire.set_query(build_query(analyzer.analyze_query(word, "en")));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    std::vector<std::string> ids;
    auto mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        ids.push_back(read_stored_passage(it.get_document()).id);
    }
    return ids;
}

/// The glass directory the database's stub names (what xapian-check takes).
fs::path current_generation(const fs::path& db) {
    std::string stub = read_all(db / "XAPIANDB");
    return db / stub.substr(6, stub.find('\n') - 6);
}

/// The block size of each table of a glass directory, as xapian-check prints it ("4K").
std::set<std::string> block_sizes(const fs::path& glass) {
    const auto checked = run("xapian-check " + quote(glass.string()));
    std::set<std::string> out;
    const std::string key = "blocksize=";
    for (auto at = checked.out.find(key); at != std::string::npos; at = checked.out.find(key, at + 1)) {
        const auto from = at + key.size();
        out.insert(checked.out.substr(from, checked.out.find(' ', from) - from));
    }
    return out;
}

/// How many passages the document model makes of `text`.
std::size_t passage_count(const std::string& text) { return parse_report(text, "x.txt").passages.size(); }

std::string paragraphs(std::initializer_list<std::string> ps) {
    std::string out = "SUMMARY\n\nA test meeting\n\n";
    for (const auto& p : ps) out += p + "\n\n";
    return out;
}

} // namespace

TEST_CASE("re-indexing an unchanged corpus changes nothing and skips the files", "[indexer][update]") {
    TempDir dir;
    const auto db = dir / "db";
    auto first = index_paths({SEED}, options_for(db));
    REQUIRE(first.documents == 1);
    REQUIRE(first.failed == 0);
    const auto before = passages_of(db);
    const auto ranked_before = search_ids(db, "trafficking");
    REQUIRE(before.size() == first.passages);
    REQUIRE(!ranked_before.empty());

    auto second = index_paths({SEED}, options_for(db));
    CHECK(second.documents == 0);
    CHECK(second.unchanged == 1);
    CHECK(second.passages == 0);
    CHECK(passages_of(db) == before);
    CHECK(search_ids(db, "trafficking") == ranked_before);
    CHECK(Xapian::Database(db.string()).get_doccount() == before.size());
}

TEST_CASE("a changed file replaces its passages and drops the ones that are gone", "[indexer][update]") {
    TempDir dir;
    const auto db = dir / "db";
    fs::create_directories(dir / "in");
    const auto file = dir / "in" / "report.txt";
    const auto v1 =
        paragraphs({"The first paragraph speaks of labour inspections.", "The second paragraph speaks of shelters.",
                    "The third paragraph speaks of asylum procedures."});
    const auto other = paragraphs({"Another report mentions shelters too."});
    write_file(file, v1);
    write_file(dir / "in" / "other.txt", other);
    REQUIRE(index_paths({dir / "in"}, options_for(db)).failed == 0);
    const auto before = passages_of(db);
    REQUIRE(before.size() == passage_count(v1) + passage_count(other));

    const auto v2 = paragraphs(
        {"The first paragraph speaks of labour inspections.", "The second paragraph now speaks of hotlines."});
    REQUIRE(passage_count(v2) == passage_count(v1) - 1);
    write_file(file, v2);
    auto s = index_paths({dir / "in"}, options_for(db));
    CHECK(s.documents == 1);
    CHECK(s.unchanged == 1);
    const auto after = passages_of(db);
    CHECK(after.size() == before.size() - 1);
    CHECK(search_ids(db, "asylum").empty());
    CHECK(search_ids(db, "hotlines").size() == 1);
    CHECK(search_ids(db, "shelters").size() == 1); // only other.txt now
    // Ids are stable: the unchanged first paragraph keeps its id.
    std::string first_id;
    for (const auto& [id, text] : before)
        if (text.find("labour") != std::string::npos) first_id = id;
    REQUIRE(!first_id.empty());
    CHECK(after.at(first_id) == before.at(first_id));
    CHECK(run("xapian-check " + quote(current_generation(db).string())).status == 0);
    // Created by the writer (updated in place here): every table has schema::BLOCK_SIZE blocks.
    CHECK(block_sizes(current_generation(db)) == std::set<std::string>{std::to_string(schema::BLOCK_SIZE / 1024) + "K"});
}

TEST_CASE("deleting a document removes its passages and its spellings", "[indexer][update]") {
    TempDir dir;
    const auto db = dir / "db";
    fs::create_directories(dir / "in");
    write_file(dir / "in" / "a.txt", paragraphs({"Zebrafish are discussed here."}));
    write_file(dir / "in" / "b.txt", paragraphs({"Labour inspections are discussed here."}));
    REQUIRE(index_paths({dir / "in"}, options_for(db)).failed == 0);
    REQUIRE(Xapian::Database(db.string()).get_spelling_suggestion("zebrafsh") == "zebrafish");

    auto s = delete_documents({"a"}, options_for(db));
    CHECK(s.deleted == 1);
    CHECK(s.failed == 0);
    Xapian::Database reader(db.string());
    CHECK(reader.get_spelling_suggestion("zebrafsh").empty());
    CHECK(search_ids(db, "zebrafish").empty());
    CHECK(search_ids(db, "labour").size() == 1);
    // By path, too; an unknown name is an error.
    CHECK(delete_documents({(dir / "in" / "b.txt").string()}, options_for(db)).deleted == 1);
    CHECK(delete_documents({"nothing-like-this"}, options_for(db)).failed == 1);
    CHECK(Xapian::Database(db.string()).get_doccount() == 0);
}

TEST_CASE("two files with the same name in different folders both stay", "[indexer][update]") {
    TempDir dir;
    fs::create_directories(dir / "x");
    fs::create_directories(dir / "y");
    write_file(dir / "x" / "report.txt", paragraphs({"Alpha report."}));
    write_file(dir / "y" / "report.txt", paragraphs({"Beta report."}));
    const auto db = dir / "db";
    REQUIRE(index_paths({dir / "x", dir / "y"}, options_for(db)).documents == 2);
    CHECK(search_ids(db, "alpha").size() == 1);
    CHECK(search_ids(db, "beta").size() == 1);
    // And a second run sees both as unchanged.
    CHECK(index_paths({dir / "x", dir / "y"}, options_for(db)).unchanged == 2);
}

TEST_CASE("document ids are the path below the folder indexed, readable and without a hash", "[indexer][slugs]") {
    using rapporteur::path_slug;
    CHECK(path_slug("2020-11/nov-16.md") == "2020-11/nov-16");
    CHECK(path_slug("2021-11/nov-16.md") == "2021-11/nov-16");
    CHECK(path_slug("Notes 2020/Nov 16.txt") == "notes-2020/nov-16");
    CHECK(path_slug("./v1.2/a.md") == "v1-2/a");
    CHECK(path_slug("report.txt") == "report");
    TempDir dir;
    fs::create_directories(dir / "in" / "2020-11");
    fs::create_directories(dir / "in" / "2021-11");
    write_file(dir / "in" / "2020-11" / "nov-16.txt", paragraphs({"Alpha report."}));
    write_file(dir / "in" / "2021-11" / "nov-16.txt", paragraphs({"Beta report."}));
    const auto db = dir / "db";
    REQUIRE(index_paths({dir / "in"}, options_for(db)).documents == 2);
    CHECK(search_ids(db, "alpha") == std::vector<std::string>{"2020-11/nov-16/p1"});
    CHECK(search_ids(db, "beta") == std::vector<std::string>{"2021-11/nov-16/p1"});
    // Stable: a second run keeps them, and a passage is found by its id.
    CHECK(index_paths({dir / "in"}, options_for(db)).unchanged == 2);
    Xapian::Database x((db).string());
    const Xapian::docid did = find_passage(x, "2021-11/nov-16/p1");
    REQUIRE(did != 0);
    const StoredPassage stored = read_stored_passage(x.get_document(did));
    CHECK(stored.document == "2021-11/nov-16");
    CHECK(stored.path == "2021-11/nov-16.txt");
}

TEST_CASE("a huge token, a long URL and a NUL in a batch lose nothing else", "[indexer][edges]") {
    TempDir dir;
    fs::create_directories(dir / "in");
    write_file(dir / "in" / "1.txt", paragraphs({"Before the edge cases, a plain passage about shelters."}));
    write_file(dir / "in" / "2.txt", paragraphs({"A token " + std::string(10 * 1024, 'x') + " in here."}));
    write_file(dir / "in" / "3.txt",
               paragraphs({"See <https://www.example.org/" + std::string(300, 'p') + "> for the details."}));
    write_file(dir / "in" / "4.txt", paragraphs({"After the edge cases, a passage about hotlines."}));
    const auto db = dir / "db";
    auto s = index_paths({dir / "in"}, options_for(db));
    CHECK(s.failed == 0);
    CHECK(s.documents == 4);
    CHECK(search_ids(db, "shelters").size() == 1);
    CHECK(search_ids(db, "hotlines").size() == 1);
    CHECK(search_ids(db, "token").size() == 1);
    CHECK(search_ids(db, "details").size() == 1);
    Xapian::Database reader(db.string());
    for (auto t = reader.allterms_begin(); t != reader.allterms_end(); ++t) {
        CHECK((*t).size() <= MAX_TERM_BYTES);
    }
    CHECK(run("xapian-check " + quote(current_generation(db).string())).status == 0);
}

TEST_CASE("NUL bytes inside a term never reach Xapian", "[indexer][edges]") {
    TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    std::vector<Token> tokens = {{"good", 0, 0, 4, false},
                                 {std::string("ba\0d", 4), 1, 5, 9, false},
                                 {std::string(300, 'y'), 2, 10, 310, false}};
    add_tokens(doc, tokens, "");
    db.add_document(doc);
    REQUIRE_NOTHROW(db.commit());
    CHECK(db.get_termfreq("good") == 1);
    CHECK(db.get_doccount() == 1);
}

TEST_CASE("bad inputs get one line each and the other files are still indexed", "[indexer][bad-input]") {
    TempDir dir;
    const auto in = dir / "in";
    fs::create_directories(in);
    write_file(in / "good.txt", paragraphs({"A good passage about shelters."}));
    write_file(in / "empty.txt", "");
    write_file(in / "blank.md", "  \n\t\n");
    write_file(in / "big.txt", paragraphs({std::string(2000, 'a')}));
    fs::create_symlink("loop2.txt", in / "loop1.txt");
    fs::create_symlink("loop1.txt", in / "loop2.txt");
    fs::create_symlink("missing-target.txt", in / "dangling.txt");
    auto o = options_for(dir / "db");
    o.max_file_bytes = 1000;
    auto s = index_paths({in, dir / "no-such-file.txt"}, o);
    CHECK(s.documents == 1);
    std::map<std::string, std::string> errors, skipped;
    for (const auto& f : s.files) {
        if (f.status == FileOutcome::Status::FAILED) errors[fs::path(f.path).filename().string()] = f.error;
        if (f.status == FileOutcome::Status::SKIPPED) skipped[fs::path(f.path).filename().string()] = f.error;
    }
    CHECK(errors.size() == 5);
    CHECK_THAT(errors["empty.txt"], Catch::Contains("empty"));
    CHECK_THAT(errors["blank.md"], Catch::Contains("empty"));
    CHECK_THAT(errors["big.txt"], Catch::Contains("limit"));
    // A symlink loop in a folder is passed over, as a named pipe is; a dangling link is a missing file.
    CHECK(skipped == std::map<std::string, std::string>{{"loop1.txt", "symlink loop"}, {"loop2.txt", "symlink loop"}});
    CHECK(s.skipped == 2);
    CHECK_THAT(errors["dangling.txt"], Catch::Contains("No such file"));
    CHECK_THAT(errors["no-such-file.txt"], Catch::Contains("No such file"));
    for (const auto& [name, error] : errors) CHECK(error.find('\n') == std::string::npos);
    CHECK(search_ids(dir / "db", "shelters").size() == 1);
    // Given by name, a symlink loop fails.
    auto named = index_paths({in / "loop1.txt"}, o);
    REQUIRE(named.files.size() == 1);
    CHECK(named.files[0].status == FileOutcome::Status::FAILED);
    CHECK_THAT(named.files[0].error, Catch::Contains("symbolic links"));
}

TEST_CASE("the executable names each bad file on one line and exits non-zero", "[indexer][bad-input][cli]") {
    TempDir dir;
    const auto in = dir / "in";
    fs::create_directories(in);
    write_file(in / "good.txt", paragraphs({"A good passage about shelters."}));
    write_file(in / "empty.txt", "");
    write_file(in / "binary.txt", std::string("\x7f"
                                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                                              16) +
                                      std::string(200, '\0'));
    write_file(in / "latin1.txt", paragraphs({"S\xe9"
                                              "curit\xe9 des victimes"}));
    auto r =
        run(std::string(RAPPORTEUR_INDEX_EXE) + " --db " + quote((dir / "db").string()) + " " + quote(in.string()));
    CHECK(r.status == 1);
    for (const std::string name : {"empty.txt", "binary.txt", "latin1.txt"}) {
        INFO(r.err);
        CHECK(r.err.find(name + ": ") != std::string::npos);
    }
    CHECK(r.err.find("good.txt") == std::string::npos);
    CHECK(search_ids(dir / "db", "shelters").size() == 1);
}

TEST_CASE("a data file the analysis threads cannot use fails the run with one error, not a crash",
          "[indexer][bad-data]") {
    // The Analyzer's constructor reads its word lists, and each worker thread builds its own.
    // A missing file cannot be arranged here: data_path() falls back to this source tree. A
    // glossary line without its tab, in the first place data_path() looks, makes the same
    // constructor throw the same RuntimeError.
    TempDir dir;
    fs::create_directories(dir / "data" / "analyzers");
    write_file(dir / "data" / "analyzers" / "glossary.tsv", "UNHCR without its tab\n");
    fs::create_directories(dir / "in");
    write_file(dir / "in" / "a.txt", paragraphs({"A passage about shelters."}));
    write_file(dir / "in" / "b.txt", paragraphs({"A passage about hotlines."}));
    auto o = options_for(dir / "db");
    o.threads = 2;

    SECTION("in place, the error of a worker thread is index_paths' error") {
        {
            ScopedEnv data("RAPPORTEUR_DATA_DIR", (dir / "data").string()); // where data_path() looks first
            CHECK_THROWS_MATCHES(index_paths({dir / "in"}, o), RuntimeError,
                                 Catch::Message((dir / "data" / "analyzers" / "glossary.tsv").string() +
                                                ": expected 'ACRONYM<TAB>expansion', got 'UNHCR without its tab'"));
        }
        // The failed run let go of the database and wrote nothing.
        CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 0);
        CHECK(index_paths({dir / "in"}, o).documents == 2);
    }
    SECTION("sharded, a shard's error is index_paths' error") {
        o.shard_min_bytes = 1;
        {
            ScopedEnv data("RAPPORTEUR_DATA_DIR", (dir / "data").string()); // where data_path() looks first
            CHECK_THROWS_WITH(index_paths({dir / "in"}, o),
                              Catch::Contains("writing a shard failed") && Catch::Contains("glossary.tsv: expected"));
        }
        CHECK(index_paths({dir / "in"}, o).documents == 2);
    }
    SECTION("the executable prints one line and exits 1") {
        auto r = run("RAPPORTEUR_DATA_DIR=" + quote((dir / "data").string()) + " " + RAPPORTEUR_INDEX_EXE +
                     " --threads 2 --db " + quote((dir / "db").string()) + " " + quote((dir / "in").string()));
        INFO(r.err);
        CHECK(r.status == 1); // not 134, std::terminate's abort
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_THAT(r.err, Catch::StartsWith("rapporteur-index: ") && Catch::Contains("glossary.tsv: expected"));
    }
}

TEST_CASE("a second writer fails at once with a clear message", "[indexer][lock]") {
    TempDir dir;
    const auto db = dir / "db";
    REQUIRE(index_paths({SEED}, options_for(db)).failed == 0);
    Xapian::WritableDatabase holder(db.string(), Xapian::DB_OPEN); // through the stub
    const auto start = std::chrono::steady_clock::now();
    try {
        index_paths({SEED}, options_for(db));
        FAIL("a second writer was let in");
    } catch (const RuntimeError& e) {
        CHECK_THAT(e.what(), Catch::Contains("another process"));
        CHECK_THAT(e.what(), Catch::Contains(db.string()));
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    auto r = run(std::string(RAPPORTEUR_INDEX_EXE) + " --db " + quote(db.string()) + " " + quote(SEED.string()));
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("another process"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("a reader keeps working while a writer commits", "[indexer][concurrency]") {
    TempDir dir;
    const auto db = dir / "db";
    REQUIRE(index_paths({SEED}, options_for(db)).failed == 0);
    Xapian::Database reader(db.string());
    const auto initial = reader.get_doccount();
    fs::create_directories(dir / "in");
    std::atomic<bool> done{false};
    std::size_t added = 0;
    std::thread writer([&] {
        for (int round = 0; round < 5; ++round) {
            const auto text = paragraphs({"Round " + std::to_string(round) + " speaks of shelters."});
            added += passage_count(text);
            write_file(dir / "in" / ("r" + std::to_string(round) + ".txt"), text);
            index_paths({dir / "in"}, options_for(db));
        }
        done = true;
    });
    std::size_t reads = 0, reopened = 0;
    while (!done || reads < 20) {
        try {
            Xapian::Enquire enquire(reader);
            enquire.set_query(Xapian::Query("shelter"));
            auto mset = enquire.get_mset(0, 10);
            for (auto it = mset.begin(); it != mset.end(); ++it) (void)it.get_document().get_data();
            ++reads;
        } catch (const Xapian::DatabaseModifiedError&) {
            reader.reopen();
            ++reopened;
        }
    }
    writer.join();
    reader.reopen();
    CHECK(reader.get_doccount() == initial + added);
    CHECK(reads >= 20);
}

TEST_CASE("kill -9 during a large run leaves the last commit, readable and clean", "[indexer][atomic]") {
    TempDir dir;
    const auto in = dir / "in";
    fs::create_directories(in);
    // About 20 MB in 400 files: long enough to be killed mid-way on any machine.
    const std::vector<std::string> words = {"trafficking", "victims",     "labour",     "shelter", "asylum",
                                            "protection",  "coordinator", "rapporteur", "session", "report"};
    std::size_t per_file = 0;
    for (int f = 0; f < 400; ++f) {
        std::string text = "SUMMARY\n\nFile " + std::to_string(f) + "\n\n";
        for (int p = 0; p < 100; ++p) {
            for (int w = 0; w < 80; ++w)
                text += words[static_cast<std::size_t>((f * 7 + p * 3 + w * w) % 10)] + (w % 13 == 12 ? ". " : " ");
            text += "\n\n";
        }
        write_file(in / ("f" + std::to_string(1000 + f) + ".txt"), text);
        if (f == 0) per_file = passage_count(text);
    }
    const auto db = dir / "db";
    // In place, committing every 2 MB (the sharded path is tested below).
    const std::string cmd = std::string(RAPPORTEUR_INDEX_EXE) + " -q --commit-mb 2 --shard-min-mb 100000 --db " +
                            quote(db.string()) + " " + quote(in.string());
    const pid_t pid = spawn(cmd);
    REQUIRE(pid >= 0);
    // Wait for at least one commit, then kill without warning.
    bool committed = false;
    for (int i = 0; i < 600 && !committed; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        try {
            committed = Xapian::Database(db.string()).get_doccount() > 0;
        } catch (const Xapian::Error&) {
        }
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(committed);
    REQUIRE(WIFSIGNALED(status)); // it was still running: the kill came mid-way

    CHECK(run("xapian-check " + quote(current_generation(db).string())).status == 0);
    Xapian::Database reader(db.string());
    const auto count = reader.get_doccount();
    CHECK(count > 0);
    CHECK(count < 400u * per_file);
    // Whole files only: each document present has all of its passages.
    std::map<std::string, int> per_doc;
    for (auto it = reader.postlist_begin(""); it != reader.postlist_end(""); ++it) {
        ++per_doc[read_stored_passage(reader.get_document(*it)).document];
    }
    for (const auto& [slug, n] : per_doc) CHECK(std::size_t(n) == per_file);

    // The next run completes the work.
    auto again = run(cmd);
    CHECK(again.status == 0);
    CHECK(Xapian::Database(db.string()).get_doccount() == 400u * per_file);
    CHECK(run("xapian-check " + quote(current_generation(db).string())).status == 0);
}

TEST_CASE("word spans round-trip through the stored offsets", "[indexer][schema]") {
    // Overlapping spans too: a compound's first position spans the whole compound.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans = {{0, 3},   {4, 18},      {8, 18},
                                                                  {18, 19}, {200, 70000}, {70001, 70002}};
    const auto flat = codecs::decode_offsets(codecs::encode_offsets(spans));
    REQUIRE(flat.size() == spans.size() * 2);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        CHECK(flat[2 * i] == spans[i].first);
        CHECK(flat[2 * i + 1] == spans[i].second);
    }
    CHECK(codecs::decode_offsets("").empty());
    CHECK(codecs::decode_offsets("\xE0\x80").empty()); // truncated varint: nothing, not garbage
    CHECK(codecs::decode_offsets("\xF5").empty());     // a byte no encoder writes
    // Damaged bounds past 2^32 (found by fuzz_stored_passage): the table ends there, and no
    // span wraps round to end before it starts.
    const std::string wrapping = std::string("\x23") + "\xE0\xF0\xFF\xFF\xFF\x0F\x20";
    const auto cut = codecs::decode_offsets(wrapping);
    REQUIRE(cut.size() == 2);
    CHECK(cut[0] == 1);
    CHECK(cut[1] == 4);
    CHECK(codecs::decode_offsets("\xE0\xF0\xFF\xFF\xFF\x0F\x0F").size() == 2); // ends at 2^32 - 1: kept

    // Ordinary prose (words of 1-31 bytes, a space or two apart) costs one byte a word; a long
    // word, a wide gap or an empty span take the escape and still round-trip.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> prose;
    std::uint32_t at = 0;
    for (std::uint32_t length : {3u, 11u, 2u, 7u, 31u, 1u}) {
        prose.emplace_back(at, at + length);
        at += length + 1;
    }
    CHECK(codecs::encode_offsets(prose).size() == prose.size());
    prose.insert(prose.end(), {{at, at + 40}, {at + 48, at + 50}, {at + 50, at + 50}, {at + 51, at + 52}});
    const auto back = codecs::decode_offsets(codecs::encode_offsets(prose));
    REQUIRE(back.size() == prose.size() * 2);
    for (std::size_t i = 0; i < prose.size(); ++i) {
        CHECK(back[2 * i] == prose[i].first);
        CHECK(back[2 * i + 1] == prose[i].second);
    }
}

TEST_CASE("every passage of the seed stores the span of each of its words", "[indexer][schema]") {
    TempDir dir;
    REQUIRE(index_paths({SEED}, options_for(dir / "db")).failed == 0);
    Xapian::Database db((dir / "db").string());
    Analyzer analyzer;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        auto doc = db.get_document(*it);
        const auto stored = read_stored_passage(doc);
        const std::string& text = stored.text;
        const auto& flat = stored.offsets;
        // Each position of each text term maps to a span whose analysis yields that term.
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            const std::string term = *t;
            if (term.empty() || std::isupper(static_cast<unsigned char>(term[0]))) continue;
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
                const std::size_t i = 2 * (*p - 1);
                REQUIRE(i + 1 < flat.size());
                REQUIRE(flat[i] < flat[i + 1]);
                REQUIRE(flat[i + 1] <= text.size());
                const auto slice = text.substr(flat[i], flat[i + 1] - flat[i]);
                bool found = false;
                for (const auto& tok : analyzer.analyze(slice, doc.get_value(schema::SLOT_LANG)))
                    found = found || tok.text == term;
                INFO(term << " at " << *p << " -> '" << slice << "'");
                CHECK(found);
            }
        }
    }
}

TEST_CASE("a shard's passages carry their id term and a page value of their data and positional terms",
          "[indexer][schema][shards]") {
    // The seed and the reports in ten other languages (CJK, Cyrillic, Greek, compounds).
    TempDir dir;
    const fs::path reports = fs::path(RAPPORTEUR_SOURCE_DATADIR) / "tests" / "data" / "analyzers";
    auto o = options_for(dir / "shard");
    o.shard = 1;
    o.shard_count = 1; // every document, written as a shard
    REQUIRE(index_paths({SEED, reports}, o).failed == 0);
    REQUIRE(index_paths({SEED, reports}, options_for(dir / "one")).failed == 0);
    Xapian::Database shard((dir / "shard").string()), one((dir / "one").string());
    REQUIRE(shard.get_doccount() == one.get_doccount());
    CHECK(shard.get_value_freq(schema::SLOT_PAGE_DATA) == shard.get_doccount());
    // One database has neither.
    CHECK(one.get_value_freq(schema::SLOT_PAGE_DATA) == 0);
    const std::string q(schema::PREFIX_PASSAGE);
    CHECK(one.allterms_begin(q) == one.allterms_end(q));
    std::set<std::string> languages;
    std::size_t value_bytes = 0, data_bytes = 0;
    for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
        const Xapian::Document doc = shard.get_document(*it);
        const std::string id = read_stored_passage(doc).id;
        INFO(id);
        // Its id term names it alone.
        CHECK(shard.get_termfreq(q + id) == 1);
        CHECK(*shard.postlist_begin(q + id) == *it);
        const std::string value = doc.get_value(schema::SLOT_PAGE_DATA);
        std::string_view data;
        codecs::TermPositions terms;
        REQUIRE(codecs::decode_page_value(value, data, terms));
        CHECK(data == doc.get_data());
        // The text terms and positions exactly as the position table holds them, and the
        // session-title and footnote terms (which have none); no boolean term.
        codecs::TermPositions table;
        for (auto t = shard.termlist_begin(*it); t != shard.termlist_end(*it); ++t) {
            const std::string term = *t;
            const bool text = !std::isupper(static_cast<unsigned char>(term[0]));
            if (!text && term[0] != 'T' && term[0] != 'F') continue;
            auto& ps = table[term];
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) ps.push_back(*p);
            CHECK(ps.empty() != text);
        }
        CHECK(!table.empty());
        CHECK(terms == table);
        CHECK(value == page_value(doc));
        languages.insert(doc.get_value(schema::SLOT_LANG));
        value_bytes += value.size();
        data_bytes += data.size();
        // Cut anywhere, the value is refused or reads as a prefix of itself, never past its end.
        for (std::size_t cut = 0; cut < value.size(); cut += 7) {
            std::string_view d;
            codecs::TermPositions part;
            if (!codecs::decode_page_value(std::string_view(value).substr(0, cut), d, part)) continue;
            CHECK(d == data);
            for (const auto& [term, ps] : part) {
                const auto whole = terms.find(term);
                REQUIRE(whole != terms.end());
                CHECK(std::equal(ps.begin(), ps.end(), whole->second.begin()));
            }
        }
    }
    CHECK(languages.size() >= 10);
    // Front-coded terms: the term list adds less than the data itself.
    CHECK(value_bytes < 3 * data_bytes);
    // Not a page value: refused.
    std::string_view d;
    codecs::TermPositions t;
    CHECK(!codecs::decode_page_value("", d, t));
    CHECK(!codecs::decode_page_value("\x05" "abc", d, t)); // data cut short
    CHECK(!codecs::decode_page_value(std::string_view("\x00\x00\x01" "a\x02\x01\x00", 7), d, t)); // positions must rise
    CHECK(!codecs::decode_page_value(std::string_view("\x00\x00\x01" "b\x01\x01\x00\x01" "a\x01\x01", 11), d, t)); // terms must rise
    CHECK(codecs::decode_page_value(std::string_view("\x00\x00\x01" "a\x01\x01\x00\x01" "b\x01\x01", 11), d, t));
    CHECK(t == codecs::TermPositions{{"a", {1}}, {"b", {1}}});

    // rapporteur-index --check finds nothing wrong with the shard, then a page value that is
    // not the passage's terms, and one that is gone while its id term stays.
    CHECK(check_database(dir / "shard").problems.empty());
    {
        Xapian::WritableDatabase w((dir / "shard").string());
        const Xapian::docid first = *w.postlist_begin(""), second = first + 1;
        Xapian::Document doc = w.get_document(first);
        std::string_view data;
        codecs::TermPositions terms;
        const std::string value = doc.get_value(schema::SLOT_PAGE_DATA);
        REQUIRE(codecs::decode_page_value(value, data, terms));
        terms.erase(terms.begin());
        doc.add_value(schema::SLOT_PAGE_DATA, codecs::encode_page_value(data, terms));
        w.replace_document(first, doc);
        Xapian::Document other = w.get_document(second);
        other.remove_value(schema::SLOT_PAGE_DATA);
        w.replace_document(second, other);
        w.commit();
    }
    const auto problems = check_database(dir / "shard").problems;
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("page value's terms are not the passage's") != std::string::npos);
    CHECK(problems[1].find("id term but no page value") != std::string::npos);
}

TEST_CASE("stored passages read back whole and are found by id", "[indexer][schema]") {
    TempDir dir;
    REQUIRE(index_paths({SEED}, options_for(dir / "db")).failed == 0);
    const auto parsed = parse_report(read_all(SEED / "000_2e1ad919f53edd39.txt"), "000_2e1ad919f53edd39.txt");
    Xapian::Database db((dir / "db").string());
    REQUIRE(db.get_doccount() == parsed.passages.size());
    for (const auto& p : parsed.passages) {
        INFO(p.id);
        const auto docid = find_passage(db, p.id);
        REQUIRE(docid != 0);
        const auto stored = read_stored_passage(db.get_document(docid));
        CHECK(stored.id == p.id);
        CHECK(stored.kind == p.kind);
        CHECK(stored.text == p.text);
        CHECK(stored.document == parsed.slug);
        CHECK(stored.organisations == p.organisations);
        CHECK(stored.countries == p.countries);
        CHECK(stored.session.number == parsed.sessions.at(static_cast<std::size_t>(p.session)).number);
        CHECK(stored.session.title == parsed.sessions.at(static_cast<std::size_t>(p.session)).title);
        // The footnotes it cites, each once, in the order cited, with their text and links.
        std::vector<std::pair<int, std::string>> cited, expected;
        for (const auto& f : stored.footnotes) cited.emplace_back(f.n, f.text);
        for (const auto& ref : p.footnotes) {
            const auto note = std::find_if(parsed.passages.begin(), parsed.passages.end(), [&](const Passage& q) {
                return q.kind == PassageKind::FOOTNOTE && q.footnote_number == ref.n;
            });
            const bool listed =
                std::any_of(expected.begin(), expected.end(), [&](const auto& e) { return e.first == ref.n; });
            if (note != parsed.passages.end() && !listed) expected.emplace_back(ref.n, note->text);
        }
        CHECK(cited == expected);
        if (p.kind == PassageKind::FOOTNOTE) {
            CHECK(stored.footnote_number == p.footnote_number);
            CHECK(stored.urls == p.urls);
            CHECK(stored.cited_by == p.cited_by);
        }
        CHECK(stored.lang == Analyzer().detect_language(p.text, parsed.lang));
    }
    // The seed cites footnotes: the check above is not vacuous.
    CHECK(std::count_if(parsed.passages.begin(), parsed.passages.end(),
                        [](const Passage& q) { return q.kind != PassageKind::FOOTNOTE && !q.footnotes.empty(); }) >= 5);
    CHECK(find_passage(db, parsed.slug + "/p99999") == 0);
    CHECK(find_passage(db, "no-slash") == 0);
}

TEST_CASE("the spelling dictionary takes alphabetic words, not ideographs, kana or hangul", "[indexer][spelling]") {
    Analyzer analyzer;
    for (const auto& [text, lang] : std::vector<std::pair<std::string, std::string>>{
             {"Trafficking Überprüfung 人口贩卖问题 ひらがなの文章 인신매매 x86 ok", "en"},
             {"人口贩卖问题严重。", "zh"},
             {"人身取引の被害者を保護する。", "ja"}}) {
        INFO(text);
        const auto words = spelling_words(text, analyzer.analyze(text, lang));
        for (const auto& w : words) {
            const auto c = static_cast<unsigned char>(w[0]);
            CHECK((c < 0x80 || (c >= 0xC3 && c <= 0xD4))); // Latin, Greek and Cyrillic leads only
        }
        if (lang == "en")
            CHECK(words == std::vector<std::string>{"trafficking", "überprüfung"});
        else
            CHECK(words.empty());
    }
}

TEST_CASE("a passage takes the document's language unless its own text says another surely", "[indexer][language]") {
    // Minutes in English whose votes are one-line speaker turns ("Trevor Norris: +1"), which
    // the language identifier once read as Swedish or Estonian, and one paragraph in French.
    TempDir dir;
    fs::create_directories(dir / "in");
    write_file(dir / "in" / "minutes.md",
               "# Technical Committee meeting 2015-08-19\n\n"
               "## Release procedure changes\n\n"
               "The committee discussed how the release procedure should change for the next "
               "major version, and who reviews the changelog before each release is published.\n\n"
               "Several members asked for a longer period of testing before a release candidate is "
               "promoted, so that the working groups have time to report regressions to the team.\n\n"
               "* Trevor Norris: +1\n* Bert Belder: +1\n* Steven R Loomis: +1\n* Rod Vagg: LGTM\n\n"
               "Le comité a examiné la procédure de publication et a décidé de consulter les "
               "groupes de travail avant la prochaine version majeure du logiciel.\n");
    REQUIRE(index_paths({dir / "in"}, options_for(dir / "db")).failed == 0);
    Xapian::Database db((dir / "db").string());
    std::map<std::string, std::string> lang_of; // text → language
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const auto stored = read_stored_passage(db.get_document(*it));
        lang_of[stored.text] = stored.lang;
    }
    for (const auto& [text, lang] : lang_of) UNSCOPED_INFO(text << " → " << lang);
    std::size_t votes = 0;
    for (const auto& [text, lang] : lang_of) {
        if (text.find("+1") == std::string::npos && text.find("LGTM") == std::string::npos) continue;
        ++votes;
        CHECK(lang == "en");
    }
    CHECK(votes == 4);
    for (const auto& [text, lang] : lang_of) {
        if (text.rfind("Le comité", 0) == 0) CHECK(lang == "fr");
        if (text.rfind("The committee", 0) == 0) CHECK(lang == "en");
    }
}

TEST_CASE("the spelling buffer sums a word's passages across files and says when it is full", "[indexer][spelling]") {
    TempDir dir;
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    SpellingBuffer buffer(3);
    buffer.add({{"shelter", 2}, {"hotline", 1}});
    CHECK(!buffer.full());
    buffer.add({{"shelter", 1}, {"asylum", 4}});
    CHECK(buffer.full());
    CHECK(buffer.size() == 3);
    buffer.write_to(db);
    CHECK(buffer.size() == 0);
    CHECK(!buffer.full());
    buffer.add({{"shelter", 5}});
    buffer.write_to(db);
    db.commit();
    std::map<std::string, Xapian::doccount> frequencies;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) frequencies[*it] = it.get_termfreq();
    CHECK(frequencies == std::map<std::string, Xapian::doccount>{{"asylum", 4}, {"hotline", 1}, {"shelter", 8}});
}

TEST_CASE("damaged passage data is an error naming the document, never garbage", "[indexer][schema]") {
    Passage p;
    p.id = "doc/fn2";
    p.kind = PassageKind::FOOTNOTE;
    p.text = "A footnote with \"quotes\", a tab\t and \u00e9.";
    p.footnote_number = 2;
    p.urls = {"https://example.org/a"};
    p.cited_by = {"doc/p1"};
    p.lang = "fr";
    p.organisations = {"OSCE", "Council of Europe"};
    p.countries = {"Albania"};
    p.speaker = "Ms Ruth Freedom Pojman";
    const Session session{2, 3, "Session III: Labour exploitation"};
    Report report;
    report.path = "2020/summary.pdf";
    report.title = "Summary";
    report.dates = {"2020-11-16"};
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> spans = {{0, 1}, {2, 10}, {11, 15}};
    const std::string good =
        encode_passage_data(p, session, encode_document_info(report), codecs::encode_offsets(spans), {{1, "Another note.", {}}});
    Xapian::Document doc;
    doc.set_data(good);
    const auto back = read_stored_passage(doc);
    CHECK(back.id == p.id);
    CHECK(back.document == "doc");
    CHECK(back.kind == PassageKind::FOOTNOTE);
    CHECK(back.text == p.text);
    CHECK(back.lang == "fr");
    CHECK(back.session.day == 2);
    CHECK(back.session.number == 3);
    CHECK(back.session.title == session.title);
    CHECK(back.organisations == p.organisations);
    CHECK(back.countries == p.countries);
    CHECK(back.speaker == p.speaker);
    CHECK(back.path == report.path);
    CHECK(back.title == "Summary");
    CHECK(back.date == "2020-11-16");
    CHECK(back.offsets == std::vector<std::uint32_t>{0, 1, 2, 10, 11, 15});
    CHECK(doc.values_count() == 0); // a hit reads the data alone
    CHECK(back.footnote_number == 2);
    CHECK(back.urls == p.urls);
    CHECK(back.cited_by == p.cited_by);
    REQUIRE(back.footnotes.size() == 1);
    CHECK(back.footnotes[0].text == "Another note.");
    CHECK(read_stored_id(doc) == p.id);
    // A plain paragraph with nothing else is its id, its text and nine length bytes.
    Passage plain;
    plain.id = "doc/p1";
    plain.kind = PassageKind::PARAGRAPH;
    plain.text = "Short.";
    const std::string empty_session = codecs::encode_session(Session{});
    CHECK(encode_passage_data(plain, Session{}, "", "", {}).size() ==
          plain.id.size() + plain.text.size() + empty_session.size() + 9);

    for (const std::string& bad : {std::string(),
                                   std::string("\x09"
                                               "doc/p1"),
                                   good.substr(0, good.size() - 3), std::string("\x80\x80\x80\x80\x80\x80"),
                                   good.substr(0, good.find('{')) + "{\"kind\""}) {
        Xapian::Document d;
        d.set_data(bad);
        CHECK_THROWS_AS(read_stored_passage(d), RuntimeError);
    }
}

TEST_CASE("a large run builds shards in parallel and publishes one new generation", "[indexer][shards]") {
    TempDir dir;
    fs::create_directories(dir / "in");
    for (int f = 0; f < 40; ++f) {
        write_file(dir / "in" / ("f" + std::to_string(f) + ".txt"),
                   paragraphs({"File " + std::to_string(f) + " speaks of shelters.",
                               "And of hotlines number " + std::to_string(f) + "."}));
    }
    auto o = options_for(dir / "db");
    o.shard_min_bytes = 1; // force the sharded path
    o.threads = 2;
    auto first = index_paths({dir / "in"}, o);
    CHECK(first.documents == 40);
    CHECK(search_ids(dir / "db", "shelters").size() == 40);
    CHECK(spelling_frequency(dir / "db", "shelters") == 40); // summed across both shards
    CHECK(read_all(dir / "db" / "XAPIANDB") == "glass gen-2\n");
    // Passages follow their id order (f2 before f10, though "f10.txt" < "f2.txt"), whatever
    // the shards did, and the summary lists the files in input (path) order.
    std::vector<std::string> order;
    Xapian::Database db((dir / "db").string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it)
        order.push_back(codecs::encode_sort_key(read_stored_passage(db.get_document(*it)).id));
    CHECK(order.size() == 80);
    CHECK(std::adjacent_find(order.begin(), order.end(), std::greater_equal<>()) == order.end());
    REQUIRE(first.files.size() == 40);
    CHECK(std::is_sorted(first.files.begin(), first.files.end(),
                         [](const FileOutcome& a, const FileOutcome& b) { return a.path < b.path; }));
    // Changing one file through the sharded path replaces its passages.
    write_file(dir / "in" / "f7.txt", paragraphs({"File 7 now speaks of asylum."}));
    auto second = index_paths({dir / "in"}, o);
    CHECK(second.documents == 1);
    CHECK(second.unchanged == 39);
    CHECK(search_ids(dir / "db", "shelters").size() == 39);
    CHECK(search_ids(dir / "db", "asylum").size() == 1);
    CHECK(read_all(dir / "db" / "XAPIANDB") == "glass gen-3\n");
    CHECK(fs::exists(dir / "db" / "gen-2"));  // kept for readers that still have it open
    CHECK(!fs::exists(dir / "db" / "gen-1")); // older ones go
    CHECK(run("xapian-check " + quote((dir / "db" / "gen-3").string())).status == 0);
    // Compacted by the writer: every table has schema::BLOCK_SIZE blocks, not Xapian's 8 KB.
    CHECK(block_sizes(dir / "db" / "gen-3") == std::set<std::string>{std::to_string(schema::BLOCK_SIZE / 1024) + "K"});
    CHECK(Xapian::Database(dir.path().string() + "/db").get_spelling_suggestion("shelterz") == "shelters");
    CHECK(spelling_frequency(dir / "db", "shelters") == 39); // one passage of each file but f7's
    // With the first document gone, compaction shifts the old passages' ids: a changed file
    // still loses exactly its old passages, and every other passage stays whole.
    const auto per_file = passage_count(paragraphs({"File 1 speaks of shelters.", "And of hotlines number 1."}));
    REQUIRE(delete_documents({"f0"}, o).deleted == 1);
    const std::string f9 = paragraphs({"File 9 now speaks of labour inspections."});
    write_file(dir / "in" / "f9.txt", f9);
    fs::remove(dir / "in" / "f0.txt");
    auto third = index_paths({dir / "in"}, o);
    CHECK(third.documents == 1);
    CHECK(search_ids(dir / "db", "shelters").size() == 37);
    CHECK(spelling_frequency(dir / "db", "shelters") == 37);
    CHECK(search_ids(dir / "db", "asylum").size() == 1);
    const auto inspections = search_ids(dir / "db", "inspections");
    REQUIRE(inspections.size() == 1);
    CHECK(inspections.front().rfind("f9/", 0) == 0);
    Xapian::Database after((dir / "db").string());
    CHECK(after.get_doccount() == 37 * per_file + 2 * passage_count(f9)); // f7 and f9 have one paragraph
    for (auto it = after.postlist_begin(""); it != after.postlist_end(""); ++it) {
        const auto p = read_stored_passage(after.get_document(*it));
        CHECK(p.id.rfind(p.document + "/", 0) == 0);
    }
}

TEST_CASE("kill -9 during a sharded run leaves the published generation untouched", "[indexer][atomic][shards]") {
    TempDir dir;
    const auto db = dir / "db";
    REQUIRE(index_paths({SEED}, options_for(db)).failed == 0);
    const auto before = passages_of(db);
    const auto in = dir / "in";
    fs::create_directories(in);
    for (int f = 0; f < 200; ++f) {
        std::string text = "SUMMARY\n\nFile " + std::to_string(f) + "\n\n";
        for (int p = 0; p < 200; ++p)
            text += "Shelters and hotlines, paragraph " + std::to_string(p) + " of many words here.\n\n";
        write_file(in / ("f" + std::to_string(1000 + f) + ".txt"), text);
    }
    const std::string cmd = std::string(RAPPORTEUR_INDEX_EXE) + " -q --shard-min-mb 1 --threads 2 --db " +
                            quote(db.string()) + " " + quote(in.string());
    const pid_t pid = spawn(cmd);
    REQUIRE(pid >= 0);
    auto shard_started = [&] {
        for (const auto& e : fs::directory_iterator(db))
            if (e.path().filename().string().rfind("tmp-", 0) == 0) return true;
        return false;
    };
    for (int i = 0; i < 600 && !shard_started(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    CHECK(passages_of(db) == before);
    CHECK(run("xapian-check " + quote(current_generation(db).string())).status == 0);
    // The next run finishes the job and sweeps away what the killed one left.
    auto again = run(cmd);
    CHECK(again.status == 0);
    CHECK(search_ids(db, "hotlines").size() == 100); // search_ids stops at 100
    for (const auto& e : fs::directory_iterator(db)) CHECK(e.path().filename().string().rfind("tmp-", 0) != 0);
}

TEST_CASE("an interrupted run commits whole files and says so, and the next run does the rest",
          "[indexer][interrupt]") {
    TempDir dir;
    fs::create_directories(dir / "in");
    for (int f = 0; f < 10; ++f) {
        write_file(dir / "in" / ("f" + std::to_string(f) + ".txt"),
                   paragraphs({"File " + std::to_string(f) + " speaks of shelters.", "And of hotlines."}));
    }
    const auto per_file = passage_count(paragraphs({"File 1 speaks of shelters.", "And of hotlines."}));
    auto o = options_for(dir / "db");
    o.threads = 2;
    std::atomic<bool> stop{false};
    o.interrupt = &stop;
    std::size_t committed = 0; // files

    SECTION("in place, at the file boundary after the third file") {
        auto s = index_paths({dir / "in"}, o, [&](const IndexSummary& so_far, std::uintmax_t) {
            if (so_far.documents == 3) stop = true;
        });
        CHECK(s.interrupted);
        CHECK(s.documents == 3);
        CHECK(s.files.size() == 3);
        CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 3 * per_file);
        committed = 3;
    }
    SECTION("sharded, before the first file: nothing new, no scratch shard left") {
        o.shard_min_bytes = 1;
        REQUIRE(index_paths({SEED}, o).documents == 1);
        const auto before = passages_of(dir / "db");
        stop = true;
        auto s = index_paths({dir / "in"}, o);
        CHECK(s.interrupted);
        CHECK(s.documents == 0);
        CHECK(passages_of(dir / "db") == before);
        for (const auto& e : fs::directory_iterator(dir / "db"))
            CHECK(e.path().filename().string().rfind("tmp-", 0) != 0);
    }
    stop = false;
    auto rest = index_paths({dir / "in"}, o);
    CHECK(!rest.interrupted);
    CHECK(rest.documents == 10 - committed);
    CHECK(rest.unchanged == committed);
    CHECK(search_ids(dir / "db", "hotlines").size() == 10);
}

TEST_CASE("a file that comes to have no passage loses its old ones and is skipped each run", "[indexer][update]") {
    for (const std::uintmax_t shard_min : {std::uintmax_t{1} << 40, std::uintmax_t{1}}) {
        INFO(shard_min);
        TempDir dir;
        fs::create_directories(dir / "in");
        write_file(dir / "in" / "a.txt", paragraphs({"Zebrafish are discussed here."}));
        write_file(dir / "in" / "b.txt", paragraphs({"Hotlines are discussed here."}));
        auto o = options_for(dir / "db");
        o.threads = 2;
        o.shard_min_bytes = shard_min;
        REQUIRE(index_paths({dir / "in"}, o).documents == 2);
        write_file(dir / "in" / "a.txt", "SUMMARY\n\nOnly a title now\n");
        for (int round = 0; round < 2; ++round) {
            auto s = index_paths({dir / "in"}, o);
            CHECK(s.documents == 0);
            CHECK(s.skipped == 1);
            CHECK(s.unchanged == 1);
            CHECK(search_ids(dir / "db", "zebrafish").empty());
            CHECK(search_ids(dir / "db", "hotlines").size() == 1);
        }
    }
}

TEST_CASE("the documents of files gone from a folder are removed, unless kept", "[indexer][update][missing]") {
    for (const std::uintmax_t shard_min : {std::uintmax_t{1} << 40, std::uintmax_t{1}}) {
        INFO(shard_min);
        TempDir dir;
        fs::create_directories(dir / "in" / "sub");
        write_file(dir / "in" / "a.txt", paragraphs({"Zebrafish are discussed here."}));
        write_file(dir / "in" / "sub" / "b.txt", paragraphs({"Hotlines are discussed here."}));
        write_file(dir / "in" / "c.txt", paragraphs({"Asylum is discussed here, with ACRONYM (A Cronym Noted Y)."}));
        auto o = options_for(dir / "db");
        o.threads = 2;
        o.shard_min_bytes = shard_min;
        REQUIRE(index_paths({dir / "in"}, o).documents == 3);

        fs::remove(dir / "in" / "a.txt");
        fs::rename(dir / "in" / "sub" / "b.txt", dir / "in" / "sub" / "moved.txt");
        // Given by name, the remaining files remove nothing.
        auto named = index_paths({dir / "in" / "c.txt"}, o);
        CHECK(named.removed == 0);
        CHECK(search_ids(dir / "db", "zebrafish").size() == 1);
        // Kept on request.
        o.keep_missing = true;
        CHECK(index_paths({dir / "in"}, o).removed == 0);
        CHECK(search_ids(dir / "db", "hotlines").size() == 2); // the old name and the new
        o.keep_missing = false;
        auto s = index_paths({dir / "in"}, o);
        CHECK(s.removed == 2);
        std::set<std::string> removed;
        for (const auto& f : s.files) {
            if (f.status == FileOutcome::Status::REMOVED) removed.insert(fs::path(f.path).filename().string());
        }
        CHECK(removed == std::set<std::string>{"a.txt", "b.txt"});
        CHECK(search_ids(dir / "db", "zebrafish").empty());
        CHECK(spelling_frequency(dir / "db", "zebrafish") == 0);
        const auto hotlines = search_ids(dir / "db", "hotlines");
        REQUIRE(hotlines.size() == 1);
        CHECK(hotlines.front().rfind("sub/moved/", 0) == 0); // under its new name
        CHECK(search_ids(dir / "db", "asylum").size() == 1);
        CHECK(run("xapian-check " + quote(current_generation(dir / "db").string())).status == 0);
        CHECK(index_paths({dir / "in"}, o).removed == 0);
    }
}
