/** @file test_serve_shards.cc
 *  @brief End-to-end: rapporteur-serve --shards over three stock xapian-tcpsrv on 127.0.0.1
 *         (shards built by rapporteur-index --shard K/3) answers as rapporteur-serve --db over
 *         one database of the same documents: searches (ids, scores, facets, totals), passages,
 *         documents, suggestions, health; a killed shard server gives partial answers that say
 *         so, from the others; commits on a shard are seen without a restart.
 */
#include "http_client.h"
#include "openapi_check.h"
#include "support/process.h"
#include "support/json_same.h"
#include "support/tcp_servers.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <memory>
#include <set>
#include <thread>

using rapporteur::test::check_schema;
using rapporteur::test::get;
using rapporteur::test::HttpReply;
using rapporteur::test::quote;
using rapporteur::test::response_schema;
using rapporteur::test::run;
using rapporteur::test::ServeProcess;
using rapporteur::test::ShardMapFile;
using rapporteur::test::TempDir;
using Tcpsrv = rapporteur::test::BackgroundServer;
using json = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

const std::string BIN = RAPPORTEUR_E2E_BIN;

/// The corpus: the seed and the test reports of every language (files, not the other formats' folders).
std::string corpus_args() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(RAPPORTEUR_SEEDS)) files.push_back(e.path().string());
    for (const char* dir : {"analyzers", "indexer", "searcher"}) {
        for (const auto& e : fs::directory_iterator(fs::path(RAPPORTEUR_TEST_DATA) / dir)) {
            if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    std::string out;
    for (const auto& f : files) out += " " + quote(f);
    return out;
}

/// One database of the corpus and its three shards, indexed once.
struct Collection {
    TempDir dir;
    fs::path one = dir / "one";
    std::vector<fs::path> shards;
    Collection() {
        const std::string files = corpus_args();
        REQUIRE(run(BIN + "/rapporteur-index -q --db " + quote(one.string()) + files).status == 0);
        for (int k = 1; k <= 3; ++k) {
            shards.push_back(dir / ("shard" + std::to_string(k)));
            const auto r = run(BIN + "/rapporteur-index -q --shard " + std::to_string(k) + "/3 --db " +
                               quote(shards.back().string()) + files);
            INFO(r.err);
            REQUIRE(r.status == 0);
        }
    }
};

Collection& collection() {
    static Collection c;
    return c;
}

/// xapian-tcpsrv over each of `shards`, and a map of them in `dir`.
struct ShardServers {
    std::vector<std::unique_ptr<Tcpsrv>> servers;
    ShardMapFile map;
    ShardServers(const std::vector<fs::path>& shards, const TempDir& dir, const std::string& name = "map") {
        std::string text = "# the shards, one a line\n";
        for (const auto& s : shards) {
            servers.push_back(Tcpsrv::tcpsrv(s.string()));
            text += servers.back()->address() + "\n";
        }
        map.path = dir / name;
        rapporteur::test::write_file(map.path, text);
    }
};

json body_json(const HttpReply& r) {
    INFO(r.body);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
}

using rapporteur::test::require_same;

std::vector<std::string> ids(const json& result) {
    std::vector<std::string> out;
    for (const auto& h : result["results"]) out.push_back(h["id"].get<std::string>());
    return out;
}

const char* const QUERIES[] = {
    // words in several languages, phrases, operators, fields, wildcards, the window
    "q=trafficking", "q=labour+exploitation&limit=50", "q=menschenhandel",
    "q=%22%D1%82%D0%BE%D1%80%D0%B3%D0%BE%D0%B2%D0%BB%D1%8F%20%D0%BB%D1%8E%D0%B4%D1%8C%D0%BC%D0%B8%22", // "торговля людьми"
    "q=%E4%BA%BA%E5%8F%A3%E8%B4%A9%E5%8D%96", // 人口贩卖
    "q=trata+de+personas",
    "q=traite+des+%C3%AAtres+humains", "q=asylum&explain=true", "q=%22human+trafficking%22",
    "q=victims+NEAR%2F5+trafficking", "q=%2Bvictims+-asylum", "q=traffick*", "q=in%3Afootnotes+guidance",
    "q=labor+inspections&offset=2&limit=3", "q=org%3AGRETA",
    // drill-downs and facets
    "q=victims&filter=org:GRETA", "q=traite&filter=lang:fr", "q=protection&filter=session:4&filter=lang:en",
    "q=victims&facets=false", "q=the&limit=100", "filter=lang:de",
    // related passages, misspellings, acronyms
    "like=000-2e1ad919f53edd39/p18&limit=20", "like_text=labour+exploitation+of+migrants", "q=trafficing",
    "q=trafficing&auto_correct=true", "q=protecion", "q=ODIHR", "q=GRETA"};

} // namespace

TEST_CASE("serve --shards answers every endpoint as serve --db over the same documents", "[serve][shards]") {
    auto& c = collection();
    ShardServers shards(c.shards, c.dir, "map-same");
    ServeProcess one(c.one, "--threads 2");
    ServeProcess sharded(shards.map, "--threads 2");
    std::set<std::string> langs, passages;
    for (const char* q : QUERIES) {
        const std::string target = std::string("/api/v1/search?") + q;
        INFO(target);
        const json a = body_json(get(one.port(), target));
        const json b = body_json(get(sharded.port(), target));
        require_same(a, b, "");
        for (const auto& v : a["facets"].value("lang", json::array())) langs.insert(v["value"].get<std::string>());
        for (const auto& id : ids(a)) passages.insert(id);
    }
    // The table meets what it is for: hits in many languages, every facet, partial nowhere.
    const json t = body_json(get(one.port(), "/api/v1/search?q=trafficking"));
    CHECK(t["total"].get<int>() > 10);
    for (const char* f : {"session", "organisation", "country", "lang", "document"}) CHECK(!t["facets"][f].empty());
    CHECK(langs.size() >= 6);
    CHECK_FALSE(body_json(get(sharded.port(), "/api/v1/search?q=trafficking")).contains("partial"));
    // The page, rendered from the same JSON, with the drill-down counts of its facets.
    for (const char* page : {"/?q=trafficking", "/?q=victims&filter=lang:en&filter=org:GRETA"}) {
        const HttpReply a = get(one.port(), page), b = get(sharded.port(), page);
        CHECK(a.status == 200);
        CHECK(a.body == b.body);
    }

    // Every document, alone and in the list; each hit's passage with its neighbours.
    const json docs = body_json(get(one.port(), "/api/v1/documents"));
    require_same(docs, body_json(get(sharded.port(), "/api/v1/documents")), "documents");
    CHECK(docs["total"].get<int>() >= 10);
    for (const auto& d : docs["documents"]) {
        const std::string target = "/api/v1/documents/" + d["id"].get<std::string>();
        require_same(body_json(get(one.port(), target)), body_json(get(sharded.port(), target)), target);
    }
    CHECK(passages.size() > 50);
    for (const auto& id : passages) {
        const std::string target = "/api/v1/passages/" + id;
        require_same(body_json(get(one.port(), target)), body_json(get(sharded.port(), target)), target);
    }
    CHECK(get(sharded.port(), "/api/v1/passages/nope/p1").status == 404);
    CHECK(get(sharded.port(), "/api/v1/documents/nope").status == 404);

    // Completions from the shards' exported dictionaries, corrections from the Searcher's.
    for (const char* q : {"traff", "victims+of+traff", "trafficing", "protecion", "menschen"}) {
        const std::string target = std::string("/api/v1/suggest?q=") + q;
        require_same(body_json(get(one.port(), target)), body_json(get(sharded.port(), target)), target);
    }
    CHECK(!body_json(get(sharded.port(), "/api/v1/suggest?q=traff"))["completions"].empty());

    // Health: the same counts, and each shard answering from its server.
    const json h1 = body_json(get(one.port(), "/api/v1/health"));
    const json h = body_json(get(sharded.port(), "/api/v1/health"));
    CHECK(h["status"] == "ok");
    CHECK(h["documents"] == h1["documents"]);
    CHECK(h["passages"] == h1["passages"]);
    REQUIRE(h["shards"].size() == 3);
    std::size_t sum = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(h["shards"][i]["shard"] == i + 1);
        CHECK(h["shards"][i]["status"] == "ok");
        CHECK(h["shards"][i]["server"] == shards.servers[i]->address());
        sum += h["shards"][i]["passages"].get<std::size_t>();
    }
    CHECK(sum == h1["passages"].get<std::size_t>());
    const json api = body_json(get(sharded.port(), "/api/v1/openapi.json"));
    CHECK(check_schema(api, response_schema(api, "/health", 200), h, "health") == "");
    CHECK(sharded.stop() == 0);
}

TEST_CASE("serve --shards: a killed shard server gives partial answers from the others, and says so",
          "[serve][shards]") {
    auto& c = collection();
    ShardServers shards(c.shards, c.dir, "map-lost");
    ServeProcess sharded(shards.map, "--threads 2 --connect-timeout 500");
    const std::string search = "/api/v1/search?q=trafficking&limit=50";
    const json whole = body_json(get(sharded.port(), search));
    // A document of shard 2, and what a map of shards 1 and 3 alone answers.
    TempDir dir;
    ShardServers others({c.shards[0], c.shards[2]}, dir, "map-others");
    ServeProcess from_others(others.map);
    std::string lost_document;
    const json listed = body_json(get(sharded.port(), "/api/v1/documents"));
    for (const auto& d : listed["documents"]) {
        if (get(from_others.port(), "/api/v1/documents/" + d["id"].get<std::string>()).status == 404)
            lost_document = d["id"].get<std::string>();
    }
    REQUIRE(!lost_document.empty());

    shards.servers[1]->stop(); // mid-session, with the children serving its connections
    for (int i = 0; i < 4; ++i) { // every search thread meets it
        const json partial = body_json(get(sharded.port(), search));
        INFO(partial.dump());
        REQUIRE(partial["partial"] == true);
        REQUIRE(partial["failed_shards"].size() == 1);
        CHECK(partial["failed_shards"][0]["shard"] == 2);
        CHECK(partial["failed_shards"][0]["servers"] == json::array({shards.servers[1]->address()}));
        CHECK(!partial["failed_shards"][0]["error"].get<std::string>().empty());
        CHECK(partial["notices"].dump().find("shard 2 (" + shards.servers[1]->address() + ") did not answer") !=
              std::string::npos);
        // The others' answer: the same hits, totals and facets as a map of the other two.
        const json expected = body_json(get(from_others.port(), search));
        CHECK(partial["total"] == expected["total"]);
        CHECK(partial["total"].get<int>() < whole["total"].get<int>());
        CHECK(ids(partial) == ids(expected));
        CHECK(partial["facets"] == expected["facets"]);
    }
    const json api = body_json(get(sharded.port(), "/api/v1/openapi.json"));
    const json partial = body_json(get(sharded.port(), search));
    CHECK(check_schema(api, response_schema(api, "/search", 200), partial, "search") == "");

    const json h = body_json(get(sharded.port(), "/api/v1/health"));
    CHECK(h["status"] == "degraded");
    CHECK(h["shards"][0]["status"] == "ok");
    CHECK(h["shards"][1]["status"] == "failing");
    CHECK(!h["shards"][1]["error"].get<std::string>().empty());
    CHECK(h["shards"][2]["status"] == "ok");
    CHECK(check_schema(api, response_schema(api, "/health", 200), h, "health") == "");
    const json docs = body_json(get(sharded.port(), "/api/v1/documents"));
    CHECK(docs["partial"] == true);
    CHECK(docs["failed_shards"][0]["shard"] == 2);
    CHECK(docs["total"] == body_json(get(from_others.port(), "/api/v1/documents"))["total"]);
    CHECK(check_schema(api, response_schema(api, "/documents", 200), docs, "documents") == "");
    // A document of the lost shard is not known missing: 503, not 404.
    const HttpReply gone = get(sharded.port(), "/api/v1/documents/" + lost_document);
    CHECK(gone.status == 503);
    CHECK(json::parse(gone.body)["code"] == "shard_unavailable");
    CHECK(!gone.header("retry-after").empty());
    CHECK(check_schema(api, response_schema(api, "/documents/{id}", 503), json::parse(gone.body), "503") == "");
    // No shard left: 503 with the servers tried, not a crash; and the server still stops cleanly.
    for (auto& server : shards.servers) server->stop();
    const HttpReply none = get(sharded.port(), search);
    CHECK(none.status == 503);
    CHECK(json::parse(none.body)["code"] == "shard_unavailable");
    CHECK(json::parse(none.body)["detail"].get<std::string>().find("no shard answers") != std::string::npos);
    CHECK(sharded.stop() == 0);
}

TEST_CASE("serve --shards sees a commit on a shard without a restart", "[serve][shards]") {
    auto& c = collection();
    TempDir dir;
    std::vector<fs::path> copies;
    for (std::size_t k = 0; k < c.shards.size(); ++k) {
        copies.push_back(dir / ("copy" + std::to_string(k + 1)));
        fs::copy(c.shards[k], copies.back(), fs::copy_options::recursive);
    }
    ShardServers shards(copies, dir);
    ServeProcess sharded(shards.map, "--threads 2");
    auto total = [&](const std::string& word) {
        return body_json(get(sharded.port(), "/api/v1/search?q=" + word))["total"].get<int>();
    };
    for (int i = 0; i < 4; ++i) REQUIRE(total("zebrafish") == 0);
    const auto before = body_json(get(sharded.port(), "/api/v1/documents"))["total"].get<int>();
    const HttpReply tagged = get(sharded.port(), "/api/v1/search?q=zebrafish");
    REQUIRE(!tagged.header("etag").empty());
    // Given to every shard's indexer, the report stays on the one its id falls to, in place.
    rapporteur::test::write_file(dir / "extra.txt", "Extra report\n\nThe zebrafish protocol was adopted by the meeting.\n");
    for (std::size_t k = 0; k < copies.size(); ++k) {
        REQUIRE(run(BIN + "/rapporteur-index -q --shard " + std::to_string(k + 1) + "/3 --db " +
                    quote(copies[k].string()) + " " + quote((dir / "extra.txt").string()))
                    .status == 0);
    }
    // Over shards each search thread asks the shards for new commits at most every
    // ShardOptions::reopen_ms (1 s by default): past that, every thread sees the commit.
    std::this_thread::sleep_for(std::chrono::milliseconds(1000 + 300));
    for (int i = 0; i < 4; ++i) CHECK(total("zebrafish") == 1);
    CHECK(body_json(get(sharded.port(), "/api/v1/documents"))["total"] == before + 1);
    const HttpReply after = get(sharded.port(), "/api/v1/search?q=zebrafish",
                                "If-None-Match: " + tagged.header("etag") + "\r\n");
    CHECK(after.status == 200); // the commit changed the tag
}

TEST_CASE("serve --shards: usage errors, and no shard answering, are one line", "[serve][shards]") {
    TempDir dir;
    rapporteur::test::write_file(dir / "map", "127.0.0.1:" + std::to_string(rapporteur::test::free_port()) + "\n");
    const std::string map = quote((dir / "map").string());
    auto r = run(BIN + "/rapporteur-serve --shards " + map + " --db x");
    CHECK(r.status == 2);
    CHECK(r.err.find("give one of --db or --shards") != std::string::npos);
    r = run(BIN + "/rapporteur-serve --db x --connect-timeout 100");
    CHECK(r.status == 2);
    CHECK(r.err.find("apply to --shards only") != std::string::npos);
    r = run(BIN + "/rapporteur-serve --shards " + map + " --listen 127.0.0.1:0");
    CHECK(r.status == 1);
    CHECK(r.err.find("no shard answers: 127.0.0.1:") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}
