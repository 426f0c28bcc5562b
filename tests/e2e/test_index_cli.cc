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

/// The number of Xapian documents (passages) xapian-delve finds in `db`; 0 when there is none yet.
long passages_in(const fs::path& db) {
    auto r = run("xapian-delve " + quote(db.string()));
    std::smatch m;
    if (r.status != 0 || !std::regex_search(r.out, m, std::regex("number of documents = (\\d+)"))) return 0;
    return std::stol(m[1]);
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

} // namespace

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
        CHECK_THAT(rest.err, Catch::Contains(" " + std::to_string(documents) + " unchanged,"));
        const long all = passages_in(db);
        CHECK(all % FILES == 0); // whole files only: every file has the same number of passages
        if (documents > 0) CHECK(passages == documents * (all / FILES));
    }
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
