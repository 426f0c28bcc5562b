/** @file test_cli.cc
 *  @brief End-to-end: the installed executables on seeds/, as a user runs them.
 */
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using rapporteur::test::quote;
using rapporteur::test::run;
using rapporteur::test::TempDir;

namespace {
const std::string BIN = RAPPORTEUR_E2E_BIN;
const std::string INDEX = BIN + "/rapporteur-index";
const std::string SEARCH = BIN + "/rapporteur-search";
} // namespace

TEST_CASE("every executable answers --help and --version and refuses bad options", "[cli]") {
    for (const std::string exe : {"rapporteur-index", "rapporteur-search", "rapporteur-eval"}) {
        INFO(exe);
        auto help = run(BIN + "/" + exe + " --help");
        CHECK(help.status == 0);
        CHECK(help.out.find("Usage: " + exe) != std::string::npos);
        auto version = run(BIN + "/" + exe + " --version");
        CHECK(version.status == 0);
        CHECK(version.out.rfind(exe + " ", 0) == 0);
        auto bad = run(BIN + "/" + exe + " --no-such-option");
        CHECK(bad.status == 2);
        CHECK(bad.err.find("no-such-option") != std::string::npos);
        CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
        auto none = run(BIN + "/" + exe);
        CHECK(none.status == 2);
        CHECK(std::count(none.err.begin(), none.err.end(), '\n') == 1);
    }
}

TEST_CASE("index seeds/ then search: a non-punishment passage ranks first", "[cli][seed]") {
    TempDir dir;
    const auto db = (dir / "db").string();
    auto indexed = run(INDEX + " --db " + quote(db) + " " + quote(RAPPORTEUR_SEEDS));
    REQUIRE(indexed.status == 0);

    auto found = run(SEARCH + " --db " + quote(db) + " --format json non-punishment");
    REQUIRE(found.status == 0);
    auto j = nlohmann::json::parse(found.out);
    REQUIRE(j.at("results").size() >= 1);
    const std::string text = j["results"][0]["text"];
    CHECK(text.find("non-punishment") != std::string::npos);
    CHECK(j["results"][0]["rank"] == 1);

    // The text for people (a pipe: no colour, no marks) shows the same passage first, its id
    // heading it, under its session, with the compound; the query's own echo is not what matches.
    auto people = run(SEARCH + " --db " + quote(db) + " non-punishment");
    REQUIRE(people.status == 0);
    const std::string first_id = j["results"][0]["id"];
    const auto first = people.out.find("\n" + first_id + "  rank 1  ");
    REQUIRE(first != std::string::npos);
    const std::string first_hit = people.out.substr(first, people.out.find("\n\n", first + 1) - first);
    CHECK(first_hit.find("non-punishment") != std::string::npos);
    CHECK(first_hit.find("Session " + std::to_string(j["results"][0]["session"]["number"].get<int>())) !=
          std::string::npos);
    CHECK(people.out.find("\033[") == std::string::npos);
    CHECK(people.out.find("[non-punishment]") == std::string::npos);
}

TEST_CASE("the default database needs no flag and follows RAPPORTEUR_DB", "[cli]") {
    TempDir dir;
    const std::string env = "RAPPORTEUR_DB=" + quote((dir / "db").string()) + " ";
    REQUIRE(run(env + INDEX + " -q " + quote(RAPPORTEUR_SEEDS)).status == 0);
    auto found = run(env + SEARCH + " --format json trafficking");
    REQUIRE(found.status == 0);
    CHECK(nlohmann::json::parse(found.out).at("total").get<int>() > 10);
    // HOME decides the default when nothing else is set.
    const std::string home = "env -u RAPPORTEUR_DB -u XDG_DATA_HOME HOME=" + quote(dir.path().string()) + " ";
    REQUIRE(run(home + INDEX + " -q " + quote(RAPPORTEUR_SEEDS)).status == 0);
    CHECK(std::filesystem::exists(dir / ".local/share/rapporteur/db"));
}

TEST_CASE("a missing database is a one-line error that says how to create one", "[cli]") {
    TempDir dir;
    auto r = run(SEARCH + " --db " + quote((dir / "nothing").string()) + " anything");
    CHECK(r.status == 1);
    CHECK(r.err.find("rapporteur-index") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    // A file where the database should be is named for what it is; no advice to create one there.
    auto file = run(SEARCH + " --db /etc/passwd anything");
    CHECK(file.status == 1);
    CHECK(file.err == "rapporteur-search: /etc/passwd: a regular file, not a database directory\n");
}
