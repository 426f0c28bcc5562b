/** @file test_index_cli.cc
 *  @brief End-to-end: rapporteur-index at a terminal's manners: an index that follows its
 *  folders, special files, Ctrl-C, skipped files, plurals, --db and --delete, the progress
 *  line, --help and usage errors.
 */
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <chrono>
#include <csignal>
#include <cstring>
#include <functional>
#include <regex>
#include <thread>

using rapporteur::test::quote;
using rapporteur::test::read_all;
using rapporteur::test::run;
using rapporteur::test::spawn;
using rapporteur::test::TempDir;
using rapporteur::test::write_file;
namespace fs = std::filesystem;

namespace {

const std::string BIN = RAPPORTEUR_E2E_BIN;
const std::string INDEX = BIN + "/rapporteur-index";
const std::string SEARCH = BIN + "/rapporteur-search";

/// The two ways of writing: in place, and sharded (forced on the smallest run).
const std::vector<std::string> RUN_KINDS = {"--shard-min-mb 100000", "--threads 2 --shard-min-mb 0"};

/// A report of one paragraph per string (each one passage).
std::string report_of(std::initializer_list<std::string> paragraphs) {
    std::string out = "SUMMARY\n\nA meeting of tests\n\n";
    for (const auto& p : paragraphs) out += p + "\n\n";
    return out;
}

/// How many passages match `word` in the database at `db`.
int matches(const fs::path& db, const std::string& word) {
    auto r = run(SEARCH + " --db " + quote(db.string()) + " --format json " + quote(word));
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out).at("total").get<int>();
}

/// The number of Xapian documents (passages) xapian-delve finds in `db`; 0 when there is none yet.
long passages_in(const fs::path& db) {
    auto r = run("xapian-delve " + quote(db.string()));
    std::smatch m;
    if (r.status != 0 || !std::regex_search(r.out, m, std::regex("number of documents = (\\d+)"))) return 0;
    return std::stol(m[1]);
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

/// Binds a Unix socket at `path` (left in the file system when the descriptor closes).
void make_socket(const fs::path& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(path.string().size() < sizeof(address.sun_path));
    std::strcpy(address.sun_path, path.c_str());
    CHECK(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    ::close(fd);
}

} // namespace

TEST_CASE("the index forgets the files gone from an indexed folder and --keep-missing keeps them", "[index][missing]") {
    for (const auto& kind : RUN_KINDS) {
        INFO(kind);
        TempDir dir;
        const auto in = dir / "in", db = dir / "db";
        fs::create_directories(in / "sub");
        write_file(in / "a.txt", report_of({"Zebrafish are discussed here."}));
        write_file(in / "sub" / "b.txt", report_of({"Hotlines are discussed here."}));
        write_file(in / "c.txt", report_of({"Shelters are discussed here."}));
        const std::string index = INDEX + " " + kind + " --db " + quote(db.string()) + " ";
        REQUIRE(run(index + quote(in.string())).status == 0);
        REQUIRE(matches(db, "zebrafish") == 1);

        // Deleted: its passages go, and the summary says so.
        fs::remove(in / "a.txt");
        auto again = run(index + "-v " + quote(in.string()));
        CHECK(again.status == 0);
        CHECK_THAT(again.err, Catch::Contains(", 1 removed;") && Catch::Contains("a.txt: removed"));
        CHECK(matches(db, "zebrafish") == 0);

        // Renamed: once, under its new name.
        fs::rename(in / "sub" / "b.txt", in / "sub" / "renamed.txt");
        auto renamed = run(index + quote(in.string()));
        CHECK(renamed.status == 0);
        CHECK_THAT(renamed.err, Catch::Contains("1 document indexed") && Catch::Contains(", 1 removed;"));
        CHECK(matches(db, "hotlines") == 1);

        // A file given by name removes nothing else, and neither does a folder given elsewhere.
        fs::remove(in / "c.txt");
        auto named = run(index + quote((in / "sub" / "renamed.txt").string()));
        CHECK_THAT(named.err, !Catch::Contains(" removed"));
        fs::create_directories(dir / "other");
        write_file(dir / "other" / "d.txt", report_of({"Inspections are discussed here."}));
        auto other = run(index + quote((dir / "other").string()));
        CHECK_THAT(other.err, !Catch::Contains(" removed"));
        CHECK(matches(db, "shelters") == 1);

        // --keep-missing keeps them; the next run without it removes them.
        auto kept = run(index + "--keep-missing " + quote(in.string()));
        CHECK(kept.status == 0);
        CHECK_THAT(kept.err, !Catch::Contains(" removed"));
        CHECK(matches(db, "shelters") == 1);
        auto removed = run(index + quote(in.string()));
        CHECK_THAT(removed.err, Catch::Contains(", 1 removed;"));
        CHECK(matches(db, "shelters") == 0);
        CHECK(matches(db, "hotlines") == 1);
        CHECK(matches(db, "inspections") == 1);
    }
}

TEST_CASE("a named pipe or a socket or a device in a folder is skipped at once and not opened", "[index][special]") {
    for (const auto& kind : RUN_KINDS) {
        INFO(kind);
        TempDir dir;
        const auto in = dir / "in", db = dir / "db";
        fs::create_directories(in);
        write_file(in / "a.txt", report_of({"Shelters are discussed here."}));
        REQUIRE(::mkfifo((in / "pipe.txt").c_str(), 0644) == 0);
        make_socket(in / "socket.md");
        fs::create_symlink("/dev/null", in / "device.txt");
        const auto start = std::chrono::steady_clock::now();
        // Opening the pipe would wait for a writer for ever, holding the write lock.
        auto r = run("timeout 60 " + INDEX + " " + kind + " -v --db " + quote(db.string()) + " " + quote(in.string()));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
        INFO(r.err);
        CHECK(r.status == 0); // skipped in a folder is not a failure
        CHECK_THAT(r.err, Catch::Contains("pipe.txt: skipped: named pipe"));
        CHECK_THAT(r.err, Catch::Contains("socket.md: skipped: socket"));
        CHECK_THAT(r.err, Catch::Contains("device.txt: skipped: device"));
        CHECK_THAT(r.err, Catch::Contains("1 document indexed") && Catch::Contains(", 3 skipped;"));
        CHECK(matches(db, "shelters") == 1);

        // Given by name, it is a failure of the run: one line, exit status 1, and still at once.
        auto named = run("timeout 60 " + INDEX + " " + kind + " -q --db " + quote(db.string()) + " " +
                         quote((in / "pipe.txt").string()));
        CHECK(named.status == 1);
        CHECK(named.err == "rapporteur-index: " + (in / "pipe.txt").string() + ": a named pipe, not a regular file\n");
    }
}

TEST_CASE("SIGINT or SIGTERM commits the files done and exits 130 or 143, and the next run does the rest",
          "[index][interrupt]") {
    TempDir dir;
    const auto in = dir / "in";
    fs::create_directories(in);
    // About 20 MB in 400 files of the same shape: long enough to be interrupted mid-way.
    const std::vector<std::string> words = {"trafficking", "victims",     "labour",     "shelter", "asylum",
                                            "protection",  "coordinator", "rapporteur", "session", "report"};
    constexpr int FILES = 400;
    for (int f = 0; f < FILES; ++f) {
        std::string text = "SUMMARY\n\nFile " + std::to_string(f) + "\n\n";
        for (int p = 0; p < 60; ++p) {
            for (int w = 0; w < 80; ++w) text += words[static_cast<std::size_t>((f * 7 + p * 3 + w * w) % 10)] + " ";
            text += "end.\n\n";
        }
        write_file(in / ("f" + std::to_string(1000 + f) + ".txt"), text);
    }
    struct Case {
        const char* name;
        std::string flags;
        int signal;
        std::function<bool(const fs::path& db)> started; ///< when to send the signal
    };
    auto has_scratch_shard = [](const fs::path& db) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(db, ec))
            if (e.path().filename().string().rfind("tmp-", 0) == 0) return true;
        return false;
    };
    const Case cases[] = {
        {"in place, SIGINT after the first commit", "--threads 1 --commit-mb 1 --shard-min-mb 100000", SIGINT,
         [](const fs::path& db) { return passages_in(db) > 0; }},
        {"sharded, SIGTERM while the shards are written", "--threads 2 --shard-min-mb 1", SIGTERM, has_scratch_shard},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        TempDir run_dir;
        const auto db = run_dir / "db", err = run_dir / "err";
        const std::string cmd = INDEX + " " + c.flags + " --db " + quote(db.string()) + " " + quote(in.string());
        const pid_t pid = spawn(cmd, err.string());
        REQUIRE(pid > 0);
        bool started = false;
        for (int i = 0; i < 3000 && !started; ++i) {
            started = c.started(db);
            if (!started) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ::kill(pid, c.signal);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const std::string said = read_all(err);
        INFO(said);
        REQUIRE(started);
        REQUIRE(WIFEXITED(status)); // it handled the signal, it was not killed by it
        CHECK(WEXITSTATUS(status) == 128 + c.signal);

        std::smatch m;
        REQUIRE(
            std::regex_search(said, m, std::regex("interrupted: (\\d+) documents? \\((\\d+) passages?\\) committed")));
        const long documents = std::stol(m[1]), passages = std::stol(m[2]);
        CHECK(documents < FILES);
        CHECK(passages_in(db) == passages); // what it says is what is there
        CHECK(lines(said) <= 2);            // the summary and the interruption
        CHECK(!has_scratch_shard(db));

        auto rest = run(cmd);
        CHECK(rest.status == 0);
        // The summary names the unchanged files only when there are any.
        if (documents > 0)
            CHECK_THAT(rest.err, Catch::Contains(", " + std::to_string(documents) + " unchanged;"));
        else
            CHECK_THAT(rest.err, !Catch::Contains(" unchanged"));
        const long all = passages_in(db);
        CHECK(all % FILES == 0); // whole files only: every file has the same number of passages
        if (documents > 0) CHECK(passages == documents * (all / FILES));
    }
}

TEST_CASE("skipped files are named with -v and counted, and a file given by name that no reader reads fails",
          "[index][skipped]") {
    TempDir dir;
    const auto in = dir / "in", db = dir / "db";
    fs::create_directories(in);
    write_file(in / "a.txt", report_of({"Shelters are discussed here."}));
    write_file(in / "notes.rtf", "{\\rtf1 not read}\n");
    write_file(in / "README", "Shelters, again, but not a report.\n");
    write_file(in / "headings.md", "# Title\n\n## A heading\n");
    fs::create_symlink("loop2.txt", in / "loop1.txt");
    fs::create_symlink("loop1.txt", in / "loop2.txt");
    const std::string index = INDEX + " --db " + quote(db.string()) + " ";

    auto quiet = run(index + quote(in.string()));
    CHECK(quiet.status == 0);
    CHECK(quiet.err.find("skipped:") == std::string::npos); // named only with -v
    CHECK_THAT(quiet.err, Catch::StartsWith("1 document indexed, 5 skipped; "));

    auto verbose = run(index + "-v " + quote(in.string()));
    CHECK(verbose.status == 0);
    CHECK_THAT(verbose.err, Catch::Contains("a.txt: unchanged\n"));
    CHECK_THAT(verbose.err, Catch::Contains("notes.rtf: skipped: no reader for '.rtf' files"));
    CHECK_THAT(verbose.err, Catch::Contains("README: skipped: no reader for files without an extension"));
    CHECK_THAT(verbose.err, Catch::Contains("loop1.txt: skipped: symlink loop"));
    CHECK_THAT(verbose.err, Catch::Contains("headings.md: skipped: no passage found in it"));
    CHECK(verbose.err.find(", 0 passages\n") ==
          std::string::npos); // no "indexed, 0 passages" or "unchanged, 0 passages"
    CHECK_THAT(verbose.err, Catch::Contains(", 5 skipped;"));

    // By name: not read as plain text whatever its name; the line says which formats are read.
    for (const std::string name : {"notes.rtf", "README"}) {
        INFO(name);
        auto named = run(index + "-v " + quote((in / name).string()));
        CHECK(named.status == 1);
        CHECK_THAT(named.err,
                   Catch::Contains(name + ": no reader for ") && Catch::Contains("(the formats read are .txt, .md, .docx, .odt, .html, .htm"));
        CHECK(named.err.find(name + ": indexed") == std::string::npos);
        CHECK_THAT(named.err, Catch::Contains("0 documents indexed") && Catch::Contains(", 1 failed;"));
    }
    CHECK(matches(db, "again") == 0);
    auto empty = run(index + "-v " + quote((in / "headings.md").string()));
    CHECK(empty.status == 0);
    CHECK_THAT(empty.err, Catch::Contains("headings.md: skipped: no passage found in it\n"));
}

TEST_CASE("counts are singular or plural as they should be", "[index][plural]") {
    TempDir dir;
    const auto in = dir / "in", db = dir / "db";
    fs::create_directories(in);
    write_file(in / "one.txt", report_of({"Shelters are discussed here."}));
    auto one = run(INDEX + " -v --db " + quote(db.string()) + " " + quote(in.string()));
    CHECK(one.status == 0);
    CHECK_THAT(one.err, Catch::Contains("one.txt: indexed, 1 passage\n"));
    CHECK_THAT(one.err, Catch::StartsWith("1 document indexed; ") || Catch::Contains("\n1 document indexed; "));
    CHECK_THAT(one.err, Catch::Contains("; 1 passage, "));
    write_file(in / "two.txt", report_of({"Hotlines are discussed here.", "Inspections are discussed here."}));
    fs::remove(in / "one.txt");
    auto two = run(INDEX + " -v --db " + quote(db.string()) + " " + quote(in.string()));
    CHECK_THAT(two.err, Catch::Contains("two.txt: indexed, 2 passages\n"));
    CHECK_THAT(two.err, Catch::Contains("removed (the file is gone), 1 passage\n"));
    CHECK_THAT(two.err, Catch::Contains("1 document indexed, 1 removed; "));
    CHECK_THAT(two.err, Catch::Contains("; 2 passages, "));
    write_file(in / "three.txt", report_of({"Asylum is discussed here."}));
    auto three = run(INDEX + " --db " + quote(db.string()) + " " + quote(in.string()));
    CHECK_THAT(three.err, Catch::StartsWith("1 document indexed, 1 unchanged; "));
    write_file(in / "four.txt", report_of({"Labour is discussed here."}));
    write_file(in / "five.txt", report_of({"Victims are discussed here."}));
    auto more = run(INDEX + " --db " + quote(db.string()) + " " + quote(in.string()));
    CHECK_THAT(more.err, Catch::StartsWith("2 documents indexed, 2 unchanged; "));
}

TEST_CASE("a --db naming a file or a directory of other files is one line saying what is there", "[index][db]") {
    TempDir dir;
    write_file(dir / "a-file", "not a database\n");
    fs::create_directories(dir / "papers");
    write_file(dir / "papers" / "draft.txt", "a draft\n");
    struct Case {
        fs::path db;
        std::string says;
    };
    for (const auto& [db, says] : {Case{"/etc/passwd", "/etc/passwd: is a regular file, not a database directory"},
                                   Case{dir / "a-file", ": is a regular file, not a database directory"},
                                   Case{dir / "papers",
                                        ": a directory of other files (such as 'draft.txt'), "
                                        "not a Rapporteur database"}}) {
        for (const std::string& args : {" " + quote(RAPPORTEUR_SEEDS), std::string(" --delete anything")}) {
            INFO(db.string() + args);
            auto r = run(INDEX + " --db " + quote(db.string()) + args);
            CHECK(r.status == 1);
            CHECK(lines(r.err) == 1);
            CHECK_THAT(r.err, Catch::StartsWith("rapporteur-index: " + db.string()) && Catch::Contains(says));
            CHECK(r.err.find("create") == std::string::npos);
        }
    }
    CHECK(read_all(dir / "a-file") == "not a database\n");
    CHECK(std::distance(fs::directory_iterator(dir / "papers"), fs::directory_iterator()) == 1);
}

TEST_CASE("a --delete takes one name per use and the inputs after it are indexed", "[index][delete]") {
    TempDir dir;
    const auto in = dir / "in", db = dir / "db";
    fs::create_directories(in);
    write_file(in / "a.txt", report_of({"Zebrafish are discussed here."}));
    write_file(in / "b.txt", report_of({"Hotlines are discussed here."}));
    const std::string index = INDEX + " --db " + quote(db.string()) + " ";
    REQUIRE(run(index + quote((in / "a.txt").string()) + " " + quote((in / "b.txt").string())).status == 0);
    write_file(dir / "c.txt", report_of({"Shelters are discussed here."}));
    auto r = run(index + "-v --delete a " + quote((dir / "c.txt").string()));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK_THAT(r.err, Catch::Contains("a: deleted, 1 passage\n") && Catch::Contains("c.txt: indexed, 1 passage\n"));
    CHECK(matches(db, "zebrafish") == 0);
    CHECK(matches(db, "shelters") == 1);
    auto both = run(index + "--delete b --delete c");
    CHECK(both.status == 0);
    CHECK(matches(db, "hotlines") + matches(db, "shelters") == 0);
}

TEST_CASE("the progress line fits the terminal and is not printed when stderr is not one", "[index][progress]") {
    TempDir dir;
    const auto db = dir / "db";
    // A file: no terminal, no line redrawn.
    auto r = run(INDEX + " --db " + quote(db.string()) + " " + quote(RAPPORTEUR_SEEDS));
    CHECK(r.status == 0);
    CHECK(r.err.find('\r') == std::string::npos);
    CHECK(r.err.find('\033') == std::string::npos);
    CHECK(r.err.find("ETA") == std::string::npos);
    CHECK(lines(r.err) == 1);

    // A terminal of 50 and of 100 columns (script(1) gives it a pseudo-terminal): every redraw
    // clears the line and fits in one line less a column.
    for (const int columns : {50, 100}) {
        INFO(columns);
        const std::string inner = "stty cols " + std::to_string(columns) + "; " + INDEX + " --db " +
                                  quote((dir / ("db" + std::to_string(columns))).string()) + " " +
                                  quote(RAPPORTEUR_SEEDS);
        auto tty = run("script -qec " + quote(inner) + " /dev/null");
        CHECK(tty.status == 0);
        const std::string clear = "\r\033[K";
        std::size_t draws = 0;
        for (auto at = tty.out.find(clear); at != std::string::npos; at = tty.out.find(clear, at + 1)) {
            const auto start = at + clear.size();
            const auto end = tty.out.find_first_of("\r\n", start);
            const std::string drawn = tty.out.substr(start, end - start);
            if (drawn.find("ETA") == std::string::npos) continue; // the clearing at the end
            ++draws;
            CHECK(drawn.size() <= std::size_t(columns) - 1);
        }
        CHECK(draws >= 1);
    }
}

TEST_CASE("the --help shows the exit statuses and examples", "[index][help]") {
    auto r = run(INDEX + " --help");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, Catch::Contains("Examples:\n  rapporteur-index "));
    CHECK_THAT(r.out, Catch::Contains("Exit status:"));
    for (const std::string code : {"\n  0 ", "\n  1 ", "\n  2 ", "\n  130 "}) CHECK_THAT(r.out, Catch::Contains(code));
    CHECK_THAT(r.out, Catch::Contains("143") && Catch::Contains("SIGINT") && Catch::Contains("SIGTERM"));
    CHECK_THAT(r.out, Catch::Contains("--keep-missing"));
}

TEST_CASE("numeric options out of range and unknown languages are usage errors naming the option", "[index][usage]") {
    TempDir dir;
    struct Case {
        std::string args, says;
    };
    const Case cases[] = {
        {"--threads -1", "--threads must be an integer from 0 to 256, not '-1'"},
        {"--commit-mb -1", "--commit-mb must be an integer from 1 to "},
        {"--max-file-bytes -1", "--max-file-bytes must be an integer from 1 to "},
        {"--lang xx", "--lang 'xx' is not a language code"},
        {"--lang english", "--lang 'english' is not a language code"},
        {"--lang klingon", "--lang 'klingon' is not a language code"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        auto r = run(INDEX + " --db " + quote((dir / "db").string()) + " " + c.args + " " + quote(RAPPORTEUR_SEEDS));
        CHECK(r.status == 2);
        CHECK(lines(r.err) == 1);
        CHECK_THAT(r.err, Catch::StartsWith("rapporteur-index: " + c.says));
        CHECK_THAT(r.err, Catch::EndsWith("(try rapporteur-index --help)\n"));
        if (c.args.rfind("--lang", 0) == 0) CHECK_THAT(r.err, Catch::Contains("en, fr, de"));
    }
    CHECK(!fs::exists(dir / "db")); // nothing was written
}
