/** @file test_reports_cli.cc
 *  @brief End to end, reports as they come: readable document ids, the JSON contract's title,
 *         date, path, page and speaker, the speaker facet and filter; and the 399 Markdown
 *         minutes of the Node.js TSC (unpacked into the build tree at test time), indexed once.
 */
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>

using json = nlohmann::ordered_json; // the contract's key order is checked
using rapporteur::test::quote;
using rapporteur::test::run;
using rapporteur::test::TempDir;

namespace {

const std::string BIN = RAPPORTEUR_E2E_BIN;

json search_json(const std::string& db, const std::string& args) {
    auto r = run(BIN + "/rapporteur-search --db " + quote(db) + " --format json " + args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

/// The notes folder of the test data (tests/data/indexer/notes), indexed once.
const std::string& notes_db() {
    static TempDir dir;
    static const std::string db = [] {
        const std::string path = (dir / "db").string();
        auto r = run(BIN + "/rapporteur-index -q --db " + quote(path) + " " + quote(RAPPORTEUR_NOTES));
        INFO(r.err);
        REQUIRE(r.status == 0);
        return path;
    }();
    return db;
}

/// The Node.js TSC minutes, unpacked afresh into the build tree.
const std::string& tsc_dir() {
    static const std::string path = [] {
        const std::string dir = RAPPORTEUR_TSC_UNPACK;
        auto r = run("rm -rf " + quote(dir) + " && mkdir -p " + quote(dir) + " && tar -xJf " +
                     quote(RAPPORTEUR_TSC_CORPUS) + " -C " + quote(dir));
        INFO(r.err);
        REQUIRE(r.status == 0);
        return dir + "/nodejs-tsc";
    }();
    return path;
}

const std::string& tsc_db() {
    static TempDir dir;
    static const std::string db = [] {
        const std::string path = (dir / "db").string();
        auto r = run(BIN + "/rapporteur-index -q --db " + quote(path) + " " + quote(tsc_dir()));
        INFO(r.err);
        REQUIRE(r.status == 0);
        return path;
    }();
    return db;
}

} // namespace

TEST_CASE("results carry title, date, path, page and speaker, and ids are readable paths", "[e2e][reports]") {
    const json j = search_json(notes_db(), "IETF --filter 'speaker=Alice Kim'");
    REQUIRE(j.at("results").size() == 1);
    const json& hit = j.at("results")[0];
    CHECK(hit.at("document") == "2020-11/2020-11-16");
    CHECK(hit.at("id").get<std::string>().rfind("2020-11/2020-11-16/p", 0) == 0);
    CHECK(hit.at("title") == "16 November, 2020 Meeting Notes");
    CHECK(hit.at("date") == "2020-11-16");
    CHECK(hit.at("path") == "2020-11/2020-11-16.md");
    CHECK(hit.at("page").is_null()); // Markdown has no pages
    CHECK(hit.at("speaker") == "Alice Kim");
    CHECK(hit.at("session").at("title") == "4.9 JSON, IETF changes");
    // The keys that were there before keep their order; the new ones follow "document".
    std::vector<std::string> keys;
    for (auto it = hit.begin(); it != hit.end(); ++it) keys.push_back(it.key());
    const std::vector<std::string> expected = {"rank",    "id",   "score",    "document",      "title",     "date",
                                               "path",    "page", "speaker",  "kind",          "lang",      "session",
                                               "organisations", "countries", "text", "snippet", "highlights", "footnotes"};
    CHECK(keys == expected);
    // A passage without a speaker says null; facets count speakers.
    const json all = search_json(notes_db(), "IETF");
    std::map<std::string, std::size_t> speakers;
    for (const auto& v : all.at("facets").at("speaker")) speakers[v.at("value")] = v.at("count");
    CHECK(speakers.count("Sam Ulrich Andersen") == 1);
    CHECK(speakers.count("Alice Kim") == 1);
    bool null_speaker = false;
    for (const auto& h : all.at("results")) null_speaker = null_speaker || h.at("speaker").is_null();
    CHECK(null_speaker); // "The group agreed to adopt the IETF profile"
    // The sub-heading is searched with the session title: its passage matches a word it lacks.
    const json conclusion = search_json(notes_db(), "conclusion");
    bool found = false;
    for (const auto& h : conclusion.at("results"))
        found = found || h.at("text").get<std::string>().find("The group agreed") == 0;
    CHECK(found);
    // No country from a person's name or abbreviation.
    for (const auto& v : all.at("facets").at("country")) {
        CHECK(v.at("value") != "Jordan");
        CHECK(v.at("value") != "United States");
    }
}

TEST_CASE("the text output names the speaker, and ids stay the same when indexed again", "[e2e][reports]") {
    auto r = run(BIN + "/rapporteur-search --db " + quote(notes_db()) + " IETF --filter 'speaker=Alice Kim' --color never");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("2020-11/2020-11-16/p") != std::string::npos);
    CHECK(r.out.find("speaker: Alice Kim") != std::string::npos);
    const json before = search_json(notes_db(), "IETF");
    TempDir other;
    const std::string db = (other / "db").string();
    REQUIRE(run(BIN + "/rapporteur-index -q --db " + quote(db) + " " + quote(RAPPORTEUR_NOTES)).status == 0);
    const json again = search_json(db, "IETF");
    REQUIRE(again.at("results").size() == before.at("results").size());
    for (std::size_t i = 0; i < again.at("results").size(); ++i)
        CHECK(again.at("results")[i].at("id") == before.at("results")[i].at("id"));
}

TEST_CASE("Node.js TSC minutes: sessions, titles and dates, speakers, no country from a name", "[e2e][reports][tsc]") {
    auto r = run(BIN + "/rapporteur-index --dump " + quote(tsc_dir()));
    REQUIRE(r.status == 0);
    const json reports = json::parse(r.out);
    REQUIRE(reports.size() == 399);
    std::size_t several_sessions = 0, with_speakers = 0, titled = 0, title_lines = 0;
    const std::regex title_line(R"(^# (.*Meeting) (\d{4}-\d{2}-\d{2})\s*$)");
    for (const auto& rep : reports) {
        const std::string path = rep.at("path");
        INFO(path);
        several_sessions += rep.at("sessions").size() > 2; // the opening part and two sessions or more
        bool speaker = false;
        for (const auto& p : rep.at("passages")) speaker = speaker || !p.at("speaker").get<std::string>().empty();
        with_speakers += speaker;
        // A "# ... Meeting 2015-02-18" first line is the title, and its date the first date.
        const std::string text = rapporteur::test::read_all(path); // --dump names the file as given
        std::smatch m;
        const std::string first = text.substr(0, text.find('\n'));
        if (std::regex_match(first, m, title_line)) {
            ++title_lines;
            titled += rep.at("title") == m[1].str() + " " + m[2].str() && !rep.at("dates").empty() &&
                      rep.at("dates")[0] == m[2].str();
        }
        // Meta sections are no sessions.
        for (const auto& s : rep.at("sessions")) {
            CHECK(s.at("title") != "Links");
            CHECK(s.at("title") != "Present");
            CHECK(s.at("title") != "Agenda");
            CHECK(s.at("title") != "Minutes");
        }
        // A person's name never gives a country.
        for (const auto& p : rep.at("passages")) {
            const std::string t = p.at("text");
            if (t.find("Jordan Harband") != std::string::npos || t.find("Jordan (@") != std::string::npos ||
                t.find("Jordan:") == 0) {
                CHECK(p.at("countries").empty());
            }
        }
    }
    CHECK(title_lines > 300);
    CHECK(titled == title_lines);
    CHECK(several_sessions * 10 >= reports.size() * 9);
    CHECK(with_speakers * 10 >= reports.size() * 4);

    // Indexed once: the facets over everything.
    const json j = search_json(tsc_db(), "release --limit 3");
    CHECK(j.at("total").get<std::size_t>() > 100);
    std::set<std::string> countries, speakers;
    for (const auto& v : j.at("facets").at("country")) countries.insert(v.at("value"));
    for (const auto& v : j.at("facets").at("speaker")) speakers.insert(v.at("value"));
    for (const char* person : {"Jordan", "Georgia", "Chad"}) CHECK(countries.count(person) == 0);
    CHECK(speakers.count("Rod Vagg") == 1);
    CHECK(speakers.count("Michael Dawson") == 1);
    const json rod = search_json(tsc_db(), "release --filter 'speaker=Rod Vagg' --limit 5");
    REQUIRE(rod.at("results").size() > 0);
    for (const auto& h : rod.at("results")) {
        CHECK(h.at("speaker") == "Rod Vagg");
        CHECK(std::regex_match(h.at("date").get<std::string>(), std::regex(R"(\d{4}-\d{2}-\d{2})")));
        CHECK(h.at("path").get<std::string>().rfind("meetings/", 0) == 0);
        CHECK(h.at("document").get<std::string>().rfind("meetings/", 0) == 0);
    }
}
