/** @file test_shards.cc
 *  @brief End-to-end: sharded search over three stock xapian-tcpsrv on 127.0.0.1 (shards built
 *         by rapporteur-index --shard K/N from the seed and the test reports in every language)
 *         answers as one database of the same documents, field for field; a killed server is
 *         flagged and its shard used again when it comes back; a replica kept by
 *         xapian-replicate takes over from its killed primary mid-session.
 */
#include "support/process.h"
#include "support/json_same.h"
#include "support/tcp_servers.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/searcher.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <thread>

using json = nlohmann::ordered_json;
using rapporteur::test::quote;
using rapporteur::test::run;
using rapporteur::test::TempDir;
using rapporteur::test::free_port;
using Server = rapporteur::test::BackgroundServer;

namespace {

const std::string BIN = RAPPORTEUR_E2E_BIN;
namespace fs = std::filesystem;

/// The corpus: the seed and every test report in every language (not the folders' READMEs).
std::vector<std::string> corpus_files() {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(RAPPORTEUR_SEEDS)) files.push_back(e.path().string());
    for (const char* dir : {"analyzers", "indexer", "searcher"}) {
        for (const auto& e : fs::directory_iterator(fs::path(RAPPORTEUR_TEST_DATA) / dir)) {
            // Files only: the subfolders hold other formats' sources of the same reports (the
            // seed as Markdown for pandoc, as text for LaTeX), whose equal scores would tie.
            if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string index_command(const std::string& db, const std::string& extra) {
    std::string cmd = BIN + "/rapporteur-index -q --db " + quote(db) + " " + extra;
    for (const auto& f : corpus_files()) cmd += " " + quote(f);
    return cmd;
}

/// One database of the corpus and its three shards (--shard K/3), built once.
struct Collection {
    TempDir dir;
    std::string one = (dir / "one").string();
    std::vector<std::string> shards;
    Collection() {
        REQUIRE(run(index_command(one, "")).status == 0);
        for (int k = 1; k <= 3; ++k) {
            shards.push_back((dir / ("shard" + std::to_string(k))).string());
            const auto r = run(index_command(shards.back(), "--shard " + std::to_string(k) + "/3"));
            INFO(r.err);
            REQUIRE(r.status == 0);
        }
    }
};

Collection& collection() {
    static Collection c;
    return c;
}

json search_json(const std::string& where, const std::string& args) {
    const auto r = run(BIN + "/rapporteur-search --format json " + where + " " + args);
    INFO(args << "\n" << r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

using rapporteur::test::require_same;

std::string write_map(const TempDir& dir, const std::string& name, const std::string& content) {
    const auto path = dir / name;
    rapporteur::test::write_file(path, content);
    return path.string();
}

/// Passages of a database, by xapian-delve.
std::size_t doccount(const std::string& db) {
    const auto r = run("xapian-delve " + quote(db));
    const auto at = r.out.find("number of documents = ");
    REQUIRE(at != std::string::npos);
    return std::stoul(r.out.substr(at + 22));
}

/// Facet counts as "field value count" lines, to compare results.
std::vector<std::string> flat_facets(const rapporteur::SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& [field, values] : r.facets) {
        for (const auto& v : values) out.push_back(field + " " + v.value + " " + std::to_string(v.count));
    }
    return out;
}

/** A copy of each shard of the collection in `dir`, with its page values (schema.h:
 *  SLOT_PAGE_DATA) replaced by `rewrite` of them; a rewrite to "" removes the value and the
 *  passage's id term, as in a shard indexed before them. */
std::vector<std::string> rewritten_shards(const Collection& c, const std::string& dir,
                                          const std::function<std::string(const std::string&)>& rewrite) {
    namespace schema = rapporteur::schema;
    std::vector<std::string> out;
    for (std::size_t k = 0; k < c.shards.size(); ++k) {
        const std::string copy = (c.dir / (dir + std::to_string(k + 1))).string();
        fs::copy(c.shards[k], copy, fs::copy_options::recursive);
        Xapian::WritableDatabase db(copy);
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Xapian::Document doc = db.get_document(*it);
            const std::string value = rewrite(doc.get_value(schema::SLOT_PAGE_DATA));
            if (value.empty()) {
                doc.remove_value(schema::SLOT_PAGE_DATA);
                std::vector<std::string> ids;
                for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                    if ((*t).starts_with(schema::PREFIX_PASSAGE)) ids.push_back(*t);
                }
                REQUIRE(ids.size() == 1);
                doc.remove_term(ids.front());
            } else {
                doc.add_value(schema::SLOT_PAGE_DATA, value);
            }
            db.replace_document(*it, doc);
        }
        db.commit();
        out.push_back(copy);
    }
    return out;
}

} // namespace

TEST_CASE("rapporteur-index --shard K/N puts each document in one shard", "[shards]") {
    auto& c = collection();
    std::size_t sum = 0;
    for (const auto& s : c.shards) {
        const auto n = doccount(s);
        CHECK(n > 0); // the rule spreads this corpus over all three
        sum += n;
    }
    CHECK(sum == doccount(c.one));
    CHECK(run(BIN + "/rapporteur-index --shard 4/3 --db x y").status == 2);
    CHECK(run(BIN + "/rapporteur-index --shard 0/3 --db x y").status == 2);
}

TEST_CASE("a sharded search answers as one database of the same documents, every field", "[shards]") {
    auto& c = collection();
    std::vector<std::unique_ptr<Server>> servers;
    std::string map = "# three shards of the corpus\n";
    for (const auto& s : c.shards) {
        servers.push_back(Server::tcpsrv(s));
        map += servers.back()->address() + "\n";
    }
    const std::string map_file = write_map(c.dir, "map", map);
    const std::vector<std::string> queries = {
        // words, in several languages
        "trafficking", "'labour exploitation' --limit 50", "menschenhandel", "'торговля людьми'", "人口贩卖",
        "'traite des êtres humains'", "asylum --explain",
        // phrases, operators, fields, wildcards, the window
        "'\"human trafficking\"'", "'victims NEAR/5 trafficking'", "'+victims -asylum'", "'traffick*'",
        "'in:footnotes guidance'", "'labor inspections' --offset 2 --limit 3", "'org:GRETA'",
        // drill-downs and facets
        "victims --filter org=GRETA", "traite --filter lang=fr", "protection --filter session=4 --filter lang=en",
        "victims --no-facets", "the --limit 100",
        // related passages
        "--like 000-2e1ad919f53edd39/p18 --limit 20", "--like 000-2e1ad919f53edd39/p9 --filter lang=en",
        "--like-text 'labour exploitation of migrants'",
        // misspellings, acronyms
        // (the last five need the shards' exported dictionaries: a vocabulary scan suggests
        // "protección", "tráfico", "pandemia", "migrant" and nothing)
        "trafficing", "Gretta", "trafficing --auto-correct", "protecion", "trafiking", "pandmic", "migrnats",
        "organisatoins", "ODIHR",
        "'Office for Democratic Institutions and Human Rights'", "GRETA"};
    std::set<std::string> langs; // of the answers
    for (const auto& q : queries) {
        const json one = search_json("--db " + quote(c.one), q);
        const json sharded = search_json("--shards " + quote(map_file), q);
        INFO(q);
        require_same(one, sharded, "");
        for (const auto& v : one["facets"].value("lang", json::array())) langs.insert(v["value"].get<std::string>());
    }
    // The table meets what it is for: hits, facets of every field, answers in many languages.
    const json t = search_json("--db " + quote(c.one), "trafficking");
    CHECK(t["total"].get<int>() > 10);
    for (const char* f : {"session", "organisation", "country", "lang", "document"}) CHECK(!t["facets"][f].empty());
    CHECK(langs.size() >= 6);
    CHECK(!search_json("--db " + quote(c.one), "trafficing")["notices"].empty());
}

TEST_CASE("a sharded page comes with one match from the shards' page values, else from the documents",
          "[shards]") {
    auto& c = collection();
    // Without page values (a shard indexed before them) or with damaged ones, the page is read
    // document by document: the same answer (a value cut short is refused whole).
    const auto stripped = rewritten_shards(c, "stripped", [](const std::string&) { return std::string(); });
    const auto damaged = rewritten_shards(c, "damaged", [](const std::string& v) { return v.substr(0, 3); });
    // With the page values' terms dropped, the highlights are gone: they are what a page shows.
    const auto no_terms = rewritten_shards(c, "noterms", [](const std::string& v) {
        std::string_view data;
        rapporteur::codecs::TermPositions terms;
        REQUIRE(rapporteur::codecs::decode_page_value(v, data, terms));
        return rapporteur::codecs::encode_page_value(data, {});
    });
    auto serve = [&](const std::vector<std::string>& shards, const std::string& name,
                     std::vector<std::unique_ptr<Server>>& servers) {
        std::string map;
        for (const auto& s : shards) {
            servers.push_back(Server::tcpsrv(s));
            map += servers.back()->address() + "\n";
        }
        return write_map(c.dir, name, map);
    };
    std::vector<std::unique_ptr<Server>> servers;
    const std::string stripped_map = serve(stripped, "map-stripped", servers);
    const std::string damaged_map = serve(damaged, "map-damaged", servers);
    const std::string no_terms_map = serve(no_terms, "map-noterms", servers);
    for (const std::string q : {"trafficking", "'\"human trafficking\"'", "'traffick*'", "'in:footnotes guidance'",
                                "victims --filter org=GRETA", "asylum --explain", "--like 000-2e1ad919f53edd39/p18"}) {
        INFO(q);
        const json one = search_json("--db " + quote(c.one), q);
        require_same(one, search_json("--shards " + quote(stripped_map), q), "");
        require_same(one, search_json("--shards " + quote(damaged_map), q), "");
    }
    const json one = search_json("--db " + quote(c.one), "trafficking");
    const json bare = search_json("--shards " + quote(no_terms_map), "trafficking");
    const json& hits = one.at("results");
    REQUIRE(hits.size() == bare.at("results").size());
    REQUIRE(!hits.empty());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const json& b = bare["results"][i];
        CHECK(b.at("id") == hits[i].at("id"));
        CHECK(b.at("text") == hits[i].at("text")); // the data is the page value's
        CHECK(!hits[i].at("highlights").empty());
        CHECK(b.at("highlights").empty());
    }
}

TEST_CASE("a lost shard is flagged, not fatal, and used again when it comes back", "[shards]") {
    auto& c = collection();
    std::vector<std::unique_ptr<Server>> servers;
    for (const auto& s : c.shards) servers.push_back(Server::tcpsrv(s));
    const std::string all = write_map(c.dir, "map-lost",
                                      servers[0]->address() + "\n" + servers[1]->address() + "\n" +
                                          servers[2]->address() + "\n");
    const std::string others =
        write_map(c.dir, "map-others", servers[0]->address() + "\n" + servers[2]->address() + "\n");
    rapporteur::ShardOptions options;
    options.timeout_ms = 2000;
    options.connect_timeout_ms = 1000;
    options.retry_ms = 0; // try a lost shard again at every search
    rapporteur::Searcher searcher(rapporteur::read_shard_map(all), options);
    rapporteur::SearchOptions o;
    o.limit = 50;
    const auto whole = searcher.search("trafficking", o);
    CHECK_FALSE(whole.partial);

    servers[1]->stop(); // mid-session
    const auto partial = searcher.search("trafficking", o);
    REQUIRE(partial.partial);
    REQUIRE(partial.failed_shards.size() == 1);
    CHECK(partial.failed_shards[0].shard == 2);
    CHECK(partial.failed_shards[0].servers == std::vector<std::string>{servers[1]->address()});
    // The answers of the others: those of a map of the other two.
    const auto from_others = rapporteur::Searcher(rapporteur::read_shard_map(others), options).search("trafficking", o);
    CHECK(partial.total == from_others.total);
    CHECK(partial.total < whole.total);
    REQUIRE(partial.hits.size() == from_others.hits.size());
    for (std::size_t i = 0; i < partial.hits.size(); ++i) CHECK(partial.hits[i].id == from_others.hits[i].id);
    CHECK(flat_facets(partial) == flat_facets(from_others));

    // The command line says it too: JSON keys, a notice in text.
    const json j = search_json("--shards " + quote(all) + " --connect-timeout 500", "trafficking");
    CHECK(j["partial"] == true);
    CHECK(j["failed_shards"][0]["shard"] == 2);
    CHECK(j["failed_shards"][0]["servers"][0] == servers[1]->address());
    const auto text = run(BIN + "/rapporteur-search --shards " + quote(all) + " trafficking");
    CHECK(text.status == 0);
    CHECK(text.err.find("shard 2 (" + servers[1]->address() + ") did not answer") != std::string::npos);

    // Back on the same port: the same searcher uses it again.
    servers[1] = Server::tcpsrv(c.shards[1], servers[1]->port());
    const auto back = searcher.search("trafficking", o);
    CHECK_FALSE(back.partial);
    CHECK(back.total == whole.total);
    REQUIRE(back.hits.size() == whole.hits.size());
    for (std::size_t i = 0; i < back.hits.size(); ++i) CHECK(back.hits[i].id == whole.hits[i].id);

    // Every server gone: an error saying so, not a crash.
    for (auto& s : servers) s->stop();
    const auto none = run(BIN + "/rapporteur-search --shards " + quote(all) + " --connect-timeout 500 trafficking");
    CHECK(none.status == 1);
    CHECK(none.err.find("no shard answers") != std::string::npos);
}

TEST_CASE("a replica kept by xapian-replicate takes over from its killed primary mid-session", "[shards]") {
    auto& c = collection();
    TempDir dir;
    // The primary's database directory under the replication server's root; the replica is
    // pulled from it as the directory (its stub), so it follows the current generation.
    const std::string root = (dir / "root").string();
    fs::create_directories(root);
    fs::copy(c.shards[1], fs::path(root) / "shard2", fs::copy_options::recursive);
    const unsigned rport = free_port();
    auto master = Server::command("xapian-replicate-server -I 127.0.0.1 -p " + std::to_string(rport) +
                                      " " + quote(root),
                                  rport);
    const std::string replica = (dir / "replica").string();
    const auto pulled = run("xapian-replicate -o -q -t 5 -h 127.0.0.1 -p " + std::to_string(rport) +
                            " -m shard2 " + quote(replica));
    INFO(pulled.err);
    REQUIRE(pulled.status == 0);
    CHECK(doccount(replica) == doccount(c.shards[1]));

    std::vector<std::unique_ptr<Server>> servers;
    servers.push_back(Server::tcpsrv(c.shards[0]));
    servers.push_back(Server::tcpsrv((fs::path(root) / "shard2").string()));
    servers.push_back(Server::tcpsrv(c.shards[2]));
    auto replica_server = Server::tcpsrv(replica);
    const std::string map = write_map(dir, "map",
                                      servers[0]->address() + "\n" + servers[1]->address() + ", " +
                                          replica_server->address() + "  # primary, replica\n" +
                                          servers[2]->address() + "\n");
    rapporteur::ShardOptions options;
    options.timeout_ms = 2000;
    options.connect_timeout_ms = 1000;
    rapporteur::Searcher searcher(rapporteur::read_shard_map(map), options);
    rapporteur::SearchOptions o;
    o.limit = 30;
    const auto before = searcher.search("victims", o);
    CHECK_FALSE(before.partial);

    servers[1]->stop();
    const auto after = searcher.search("victims", o);
    CHECK_FALSE(after.partial); // the replica answered for its shard
    CHECK(after.total == before.total);
    REQUIRE(after.hits.size() == before.hits.size());
    for (std::size_t i = 0; i < after.hits.size(); ++i) {
        CHECK(after.hits[i].id == before.hits[i].id);
        CHECK(std::abs(after.hits[i].score - before.hits[i].score) <= 1e-9);
    }
    CHECK(flat_facets(after) == flat_facets(before));

    // A new generation on the primary (a compacting run) reaches the replica as a whole copy.
    rapporteur::test::write_file(dir / "extra.txt",
                                 "Extra report\n\nDay 1. Session 1 - Replication\n\nA passage about zebrafish.\n");
    const auto added = run(BIN + "/rapporteur-index -q --threads 2 --shard-min-mb 0 --db " +
                           quote((fs::path(root) / "shard2").string()) + " " + quote((dir / "extra.txt").string()));
    REQUIRE(added.status == 0);
    REQUIRE(run("xapian-replicate -o -q -t 5 -r 0 -h 127.0.0.1 -p " + std::to_string(rport) + " -m shard2 " +
                quote(replica))
                .status == 0);
    CHECK(doccount(replica) == doccount(c.shards[1]) + 1);
    replica_server->stop(); // xapian-tcpsrv opens the database per connection: a new one sees the copy
    replica_server = Server::tcpsrv(replica, replica_server->port());
    const auto fresh = run(BIN + "/rapporteur-search --format json --shards " + quote(map) + " zebrafish");
    REQUIRE(fresh.status == 0);
    CHECK(json::parse(fresh.out)["total"] == 1);
}

TEST_CASE("rapporteur-search --shards: usage and map errors are one line, never a crash", "[shards]") {
    TempDir dir;
    const std::string bad = write_map(dir, "bad", "127.0.0.1:7001\n127.0.0.1:70x1\n");
    auto r = run(BIN + "/rapporteur-search --shards " + quote(bad) + " trafficking");
    CHECK(r.status == 1);
    CHECK(r.err == "rapporteur-search: " + bad + ":2: '127.0.0.1:70x1': port must be a number from 1 to 65535\n");
    r = run(BIN + "/rapporteur-search --shards " + quote((dir / "none").string()) + " trafficking");
    CHECK(r.status == 1);
    CHECK(r.err.find((dir / "none").string()) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    r = run(BIN + "/rapporteur-search --shards " + quote(bad) + " --db x trafficking");
    CHECK(r.status == 2);
    CHECK(r.err.find("give one of --db or --shards") != std::string::npos);
    r = run(BIN + "/rapporteur-search --shard-timeout 100 --db x trafficking");
    CHECK(r.status == 2);
    CHECK(r.err.find("apply to --shards only") != std::string::npos);
    // A port where nothing listens: the connect fails at once, an error naming the server.
    const unsigned port = free_port();
    const std::string dead = write_map(dir, "dead", "127.0.0.1:" + std::to_string(port) + "\n");
    r = run(BIN + "/rapporteur-search --shards " + quote(dead) + " trafficking");
    CHECK(r.status == 1);
    CHECK(r.err.find("no shard answers: 127.0.0.1:" + std::to_string(port)) != std::string::npos);
}

TEST_CASE("a sharded searcher looks for new commits at most every reopen_ms", "[shards]") {
    TempDir dir;
    const std::string db = (dir / "db").string();
    rapporteur::test::write_file(dir / "first.txt",
                                 "First report\n\nDay 1. Session 1 - Opening\n\nA passage about herons.\n");
    REQUIRE(run(BIN + "/rapporteur-index -q --db " + quote(db) + " " + quote((dir / "first.txt").string())).status ==
            0);
    auto server = Server::tcpsrv(db);
    const auto map = rapporteur::parse_shard_map(server->address() + "\n", "map");
    rapporteur::ShardOptions every;
    every.reopen_ms = 0;
    rapporteur::ShardOptions spaced;
    spaced.reopen_ms = 600000;
    rapporteur::Searcher at_once(map, every), later(map, spaced);
    CHECK(at_once.search("zebrafish", {}).total == 0);
    CHECK(later.search("zebrafish", {}).total == 0);
    // An in-place commit to the served database, which open connections see when they reopen.
    rapporteur::test::write_file(dir / "second.txt",
                                 "Second report\n\nDay 1. Session 1 - Fish\n\nA passage about zebrafish.\n");
    REQUIRE(run(BIN + "/rapporteur-index -q --db " + quote(db) + " " + quote((dir / "second.txt").string())).status ==
            0);
    CHECK(at_once.search("zebrafish", {}).total == 1);
    CHECK(later.search("zebrafish", {}).total == 0); // its next check is minutes away
    CHECK(later.search("herons", {}).total == 1);
}

// An acronym defined two ways by documents that the rule puts on different shards: one
// database counts the documents of each way and uses the commoner; the shards, merged, must
// choose the same (not one each, nor the union of theirs).
TEST_CASE("an acronym defined two ways on different shards expands as in one database", "[shards][synonyms]") {
    TempDir dir;
    const auto folder = dir / "notes";
    fs::create_directories(folder);
    const char* common = "Alpha Beta Gamma";
    const char* rare = "Agency for Better Governance";
    auto write = [&](const std::string& name, const std::string& text) {
        rapporteur::test::write_file(folder / (name + ".txt"), "Meeting notes\n\n" + text + "\n");
    };
    for (int i = 0; i < 3; ++i) write("common-" + std::to_string(i), std::string("The ") + common + " (ABG) met in room " + std::to_string(i) + ".");
    for (int i = 0; i < 2; ++i) write("rare-" + std::to_string(i), std::string("The ") + rare + " (ABG) wrote report " + std::to_string(i) + ".");
    write("plain-common", std::string("A note on the ") + common + " without its letters.");
    write("plain-rare", std::string("A note on the ") + rare + " without its letters.");
    const std::string one = (dir / "one").string();
    REQUIRE(run(BIN + "/rapporteur-index -q --db " + quote(one) + " " + quote(folder.string())).status == 0);
    std::vector<std::unique_ptr<Server>> servers;
    std::string map;
    bool rare_wins_somewhere = false; // on its own, a shard would choose the other way
    for (int k = 1; k <= 3; ++k) {
        const std::string shard = (dir / ("s" + std::to_string(k))).string();
        REQUIRE(run(BIN + "/rapporteur-index -q --shard " + std::to_string(k) + "/3 --db " + quote(shard) + " " +
                    quote(folder.string()))
                    .status == 0);
        const json abg = search_json("--db " + quote(shard), "ABG --limit 20");
        std::size_t rare_hits = 0, common_hits = 0;
        for (const auto& h : abg["results"]) {
            const std::string text = h["text"].get<std::string>();
            rare_hits += text.find(rare) != std::string::npos && text.find("(ABG)") == std::string::npos;
            common_hits += text.find(common) != std::string::npos && text.find("(ABG)") == std::string::npos;
        }
        if (rare_hits > 0 && common_hits == 0) rare_wins_somewhere = true;
        servers.push_back(Server::tcpsrv(shard));
        map += servers.back()->address() + "\n";
    }
    const std::string map_file = write_map(dir, "map", map);
    for (const char* q : {"ABG --limit 20", "ABG --explain --limit 20", "'\"ABG\" met'"}) {
        INFO(q);
        const json local = search_json("--db " + quote(one), q);
        require_same(local, search_json("--shards " + quote(map_file), q), "");
    }
    // One database: the way three documents write it, not the way two do.
    const json local = search_json("--db " + quote(one), "ABG --limit 20");
    std::set<std::string> ids;
    for (const auto& h : local["results"]) ids.insert(h["id"].get<std::string>());
    CHECK(ids.count("plain-common/p1") == 1);
    CHECK(ids.count("plain-rare/p1") == 0);
    INFO("the test's premise: some shard's own documents define ABG the rare way only");
    CHECK(rare_wins_somewhere);
}

// The merged spelling dictionary is built once into the cache directory and opened from there
// by the next searcher of the same shards (it takes seconds on a large collection).
TEST_CASE("a sharded search keeps its merged spelling dictionary in the cache directory", "[shards][spelling]") {
    auto& c = collection();
    std::vector<std::unique_ptr<Server>> servers;
    std::string map;
    for (const auto& s : c.shards) {
        servers.push_back(Server::tcpsrv(s));
        map += servers.back()->address() + "\n";
    }
    const std::string map_file = write_map(c.dir, "map-spelling", map);
    TempDir cache;
    const std::string root = (cache / "rapporteur").string();
    const std::string cmd = "RAPPORTEUR_CACHE_DIR=" + quote(root) + " " + BIN + "/rapporteur-search --format json --shards " +
                            quote(map_file) + " trafficing";
    auto dictionaries = [&] {
        std::vector<fs::path> out;
        for (const auto& e : fs::directory_iterator(root)) out.push_back(e.path());
        return out;
    };
    const auto first = run(cmd);
    INFO(first.err);
    REQUIRE(first.status == 0);
    const auto built = dictionaries();
    REQUIRE(built.size() == 1);
    CHECK(built[0].filename().string().rfind("spelling-", 0) == 0);
    CHECK((fs::status(root).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    const auto again = run(cmd);
    REQUIRE(again.status == 0);
    CHECK(dictionaries() == built); // opened, not built again
    const json a = json::parse(first.out), b = json::parse(again.out);
    CHECK(a["notices"] == b["notices"]);
    CHECK(a["notices"] == search_json("--db " + quote(c.one), "trafficing")["notices"]);
    CHECK(a["notices"].dump().find("did you mean") != std::string::npos);
}

// What names the cached dictionary: the shards' words. A commit that adds words makes a new
// one, holding them; a searcher of unchanged shards opens the copy it finds, files untouched;
// a copy left damaged (its version file cut, as by a crash while it was written) is built again.
TEST_CASE("a sharded search's cached spelling dictionary follows the shards' words", "[shards][spelling]") {
    TempDir dir;
    const auto report = [&](const std::string& name, const std::string& body) {
        const auto path = dir / name;
        rapporteur::test::write_file(path, "Meeting of the working group\n\n" + body + "\n");
        return path.string();
    };
    std::vector<std::string> files = {
        report("a.txt", "The group discussed trafficking in human beings and the protection of victims."),
        report("b.txt", "Participants described labour inspections and the identification of victims."),
        report("c.txt", "The secretariat presented the annual report on trafficking to the committee."),
    };
    std::vector<std::string> shards;
    auto index = [&](const std::vector<std::string>& which) {
        for (int k = 1; k <= 2; ++k) {
            std::string cmd = BIN + "/rapporteur-index -q --db " + quote(shards[k - 1]) + " --shard " + std::to_string(k) + "/2";
            for (const auto& f : which) cmd += " " + quote(f);
            const auto r = run(cmd);
            INFO(r.err);
            REQUIRE(r.status == 0);
        }
    };
    for (int k = 1; k <= 2; ++k) shards.push_back((dir / ("s" + std::to_string(k))).string());
    index(files);
    std::vector<std::unique_ptr<Server>> servers;
    std::string map;
    for (const auto& s : shards) {
        servers.push_back(Server::tcpsrv(s));
        map += servers.back()->address() + "\n";
    }
    const std::string map_file = write_map(dir, "map", map);
    const std::string root = (dir / "cache").string();
    auto notices = [&](const std::string& query) {
        const auto r = run("RAPPORTEUR_CACHE_DIR=" + quote(root) + " " + BIN + "/rapporteur-search --format json --shards " +
                           quote(map_file) + " " + query);
        INFO(r.err);
        REQUIRE(r.status == 0);
        return json::parse(r.out)["notices"].dump();
    };
    auto dictionaries = [&] {
        std::set<fs::path> out;
        for (const auto& e : fs::directory_iterator(root)) out.insert(e.path());
        return out;
    };
    auto stamp = [](const fs::path& db) { // what a rebuild would change: the files' times and inodes
        std::string out;
        for (const auto& e : fs::directory_iterator(db)) {
            struct stat st {};
            REQUIRE(::stat(e.path().c_str(), &st) == 0);
            out += e.path().filename().string() + ":" + std::to_string(st.st_ino) + ":" +
                   std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " ";
        }
        return out;
    };

    CHECK(notices("traficking").find("trafficking") != std::string::npos);
    const auto first = dictionaries();
    REQUIRE(first.size() == 1);
    const std::string files_before = stamp(*first.begin());
    CHECK(notices("secretariet").find("secretariat") != std::string::npos);
    CHECK(dictionaries() == first);
    CHECK(stamp(*first.begin()) == files_before); // opened, not built again
    CHECK(notices("rehabilitaton").find("rehabilitation") == std::string::npos);

    files.push_back(report("d.txt", "Speakers stressed the rehabilitation of survivors by civil society."));
    index(files);
    CHECK(notices("rehabilitaton").find("rehabilitation") != std::string::npos);
    const auto second = dictionaries();
    REQUIRE(second.size() == 2);
    fs::path added;
    for (const auto& d : second)
        if (!first.count(d)) added = d;
    REQUIRE(!added.empty());

    std::filesystem::resize_file(added / "iamglass", 0);
    CHECK(notices("rehabilitaton").find("rehabilitation") != std::string::npos);
    CHECK(dictionaries() == second);
    CHECK(fs::file_size(added / "iamglass") > 0); // built again in its place
}
