/** @file test_serve.cc
 *  @brief End-to-end tests of rapporteur-serve (the installed executable) on a free loopback
 *         port: every endpoint and error status, ETag/304, CORS, reopening after the indexer
 *         commits, the page's escaping, the OpenAPI description checked against real
 *         responses. The HTTP layer's limits are test_serve_limits.cc's.
 */
#include "http_client.h"
#include "openapi_check.h"
#include "serve_fixture.h"
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <thread>
#include <vector>

using rapporteur::test::body_json;
using rapporteur::test::check_schema;
using rapporteur::test::get;
using rapporteur::test::response_schema;
using rapporteur::test::HttpReply;
using rapporteur::test::quote;
using rapporteur::test::request;
using rapporteur::test::run;
using rapporteur::test::problem_of;
using rapporteur::test::SeedDb;
using rapporteur::test::ServeProcess;
using rapporteur::test::TempDir;
using json = nlohmann::json;

namespace {

const std::string BIN = RAPPORTEUR_E2E_BIN;
const std::string GRETA = "000-2e1ad919f53edd39/p18";

} // namespace

TEST_CASE("serve: /api/v1/search answers exactly what rapporteur-search --format json prints", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const std::pair<std::string, std::string> cases[] = {
        {"/api/v1/search?q=non-punishment", "non-punishment"},
        {"/api/v1/search?q=labor+inspections&filter=org:OSCE&limit=1", "'labor inspections' --filter org=OSCE --limit 1"},
        {"/api/v1/search?q=trafficking&filter=org:GRETA&filter=org:OSCE&offset=2&limit=3&lang=en",
         "trafficking --filter org=GRETA --filter org=OSCE --offset 2 --limit 3 --lang en"},
        {"/api/v1/search?q=trafficing&facets=false", "trafficing --no-facets"},
        {"/api/v1/search?q=asylum&explain=true&snippet_chars=80", "asylum --explain --snippet-chars 80"},
        {"/api/v1/search?like=" + GRETA + "&limit=2", "--like " + GRETA + " --limit 2"},
        {"/api/v1/search?like_text=guidance+GRETA&limit=2", "--like-text 'guidance GRETA' --limit 2"},
    };
    for (const auto& [target, args] : cases) {
        INFO(target);
        const HttpReply r = get(server.port(), target);
        REQUIRE(r.status == 200);
        CHECK(r.header("content-type") == "application/json");
        CHECK(r.body == seed.cli_json(args));
    }
    // POST: the same parameters as JSON or as a form.
    const std::string expected = seed.cli_json("trafficking --filter org=GRETA --limit 2");
    const HttpReply as_json = request(server.port(), "POST", "/api/v1/search", "Content-Type: application/json\r\n",
                                      R"({"q": "trafficking", "filter": ["org:GRETA"], "limit": 2})");
    CHECK(as_json.status == 200);
    CHECK(as_json.body == expected);
    const HttpReply as_form =
        request(server.port(), "POST", "/api/v1/search", "Content-Type: application/x-www-form-urlencoded\r\n",
                "q=trafficking&filter=org%3AGRETA&limit=2");
    CHECK(as_form.body == expected);
    // No CORS header unless asked for.
    CHECK(get(server.port(), "/api/v1/search?q=asylum").header("access-control-allow-origin").empty());
}

TEST_CASE("serve: passages, documents, suggest, health and the OpenAPI description", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const std::uint16_t port = server.port();

    const json p = body_json(get(port, "/api/v1/passages/" + GRETA));
    CHECK(p["id"] == GRETA);
    CHECK(p["organisations"] == json::array({"GRETA"}));
    CHECK(p["session"]["number"] == 4);
    CHECK(p["footnotes"][0]["n"] == 7);
    CHECK(p["neighbours"]["previous"] == "000-2e1ad919f53edd39/p17");
    CHECK(p["neighbours"]["next"] == "000-2e1ad919f53edd39/p19");
    CHECK(body_json(get(port, "/api/v1/passages/000-2e1ad919f53edd39%2Fp18"))["id"] == GRETA);
    const json fn = body_json(get(port, "/api/v1/passages/000-2e1ad919f53edd39/fn7"));
    CHECK(fn["kind"] == "footnote");
    CHECK(fn["cited_by"] == json::array({GRETA}));

    const json docs = body_json(get(port, "/api/v1/documents"));
    REQUIRE(docs["total"] == 1);
    const json doc = body_json(get(port, "/api/v1/documents/000-2e1ad919f53edd39"));
    CHECK(docs["documents"][0] == doc);
    CHECK(doc["passages"] == 38);
    CHECK(doc["path"].get<std::string>().find("000_2e1ad919f53edd39.txt") != std::string::npos);
    std::size_t in_sessions = 0;
    for (const auto& s : doc["sessions"]) in_sessions += s["passages"].get<std::size_t>();
    CHECK(in_sessions == 38);

    const json s = body_json(get(port, "/api/v1/suggest?q=trafficing"));
    CHECK(s["spelling"] == "trafficking");
    const json c = body_json(get(port, "/api/v1/suggest?q=victims+of+traff"));
    CHECK(c["spelling"] == "");
    REQUIRE(!c["completions"].empty());
    for (const auto& w : c["completions"]) CHECK(w.get<std::string>().rfind("traff", 0) == 0);

    const json h = body_json(get(port, "/api/v1/health"));
    CHECK(h["status"] == "ok");
    CHECK(h["documents"] == 1);
    CHECK(h["passages"] == 38);
    CHECK(h["revision"].get<int>() >= 1);

    // Every response above and the errors, against the description the server itself serves.
    const HttpReply spec = get(port, "/api/v1/openapi.json");
    REQUIRE(spec.status == 200);
    const json api = body_json(spec);
    CHECK(api["openapi"] == "3.1.0");
    const std::tuple<std::string, std::string, int> checks[] = {
        {"/search", "/api/v1/search?q=non-punishment", 200},
        {"/search", "/api/v1/search?q=asylum&explain=1&like_text=", 400},
        {"/search", "/api/v1/search?q=guidance&explain=1", 200},
        {"/search", "/api/v1/search?like=" + GRETA, 200},
        {"/search", "/api/v1/search?q=footnote&filter=kind:footnote", 200},
        {"/search", "/api/v1/search?q=x&filter=colour:red", 400},
        {"/search", "/api/v1/search?like=nope/p1", 404},
        {"/passages/{id}", "/api/v1/passages/" + GRETA, 200},
        {"/passages/{id}", "/api/v1/passages/000-2e1ad919f53edd39/fn7", 200},
        {"/passages/{id}", "/api/v1/passages/nope", 404},
        {"/documents", "/api/v1/documents", 200},
        {"/documents/{id}", "/api/v1/documents/000-2e1ad919f53edd39", 200},
        {"/documents/{id}", "/api/v1/documents/nope", 404},
        {"/suggest", "/api/v1/suggest?q=traff", 200},
        {"/health", "/api/v1/health", 200},
    };
    for (const auto& [path, target, status] : checks) {
        INFO(target);
        const HttpReply r = get(port, target);
        REQUIRE(r.status == status);
        CHECK(check_schema(api, response_schema(api, path, status), body_json(r), "response") == "");
    }
    CHECK(server.stop() == 0); // and under the sanitizers, nothing leaked
}

TEST_CASE("serve: errors are problem objects with stable codes", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db, "--max-limit 100");
    const std::uint16_t port = server.port();
    problem_of(get(port, "/api/v1/search?q=asylum&filter=colour:red"), 400, "unknown_filter_field");
    problem_of(get(port, "/api/v1/search?q=asylum&limit=101"), 400, "limit_too_large");
    problem_of(get(port, "/api/v1/search?q=asylum&limit=ten"), 400, "bad_parameter");
    problem_of(get(port, "/api/v1/search?q=asylum&lang=xx"), 400, "unknown_language");
    // Codes the identifier knows under another name are languages: Bokmål, Hebrew.
    CHECK(get(port, "/api/v1/search?q=asylum&lang=nb").status == 200);
    CHECK(get(port, "/api/v1/search?q=asylum&lang=he").status == 200);
    problem_of(get(port, "/api/v1/search?q=asylum&colour=red"), 400, "unknown_parameter");
    problem_of(get(port, "/api/v1/search"), 400, "missing_query");
    problem_of(get(port, "/api/v1/search?q=a&like=" + GRETA), 400, "conflicting_query");
    problem_of(get(port, "/api/v1/search?q=%ZZ"), 400, "bad_request");
    problem_of(get(port, "/api/v1/passages/000-2e1ad919f53edd39/p999"), 404, "passage_not_found");
    problem_of(get(port, "/api/v1/search?like=000-2e1ad919f53edd39/p999"), 404, "passage_not_found");
    problem_of(get(port, "/api/v1/documents/nope"), 404, "document_not_found");
    problem_of(get(port, "/api/v1/nothing"), 404, "not_found");
    problem_of(get(port, "/favicon.ico"), 404, "not_found");
    const HttpReply del = request(port, "DELETE", "/api/v1/search?q=asylum");
    problem_of(del, 405, "method_not_allowed");
    CHECK(del.header("allow") == "GET, HEAD, POST");
    CHECK(request(port, "POST", "/api/v1/health").header("allow") == "GET, HEAD");
    problem_of(request(port, "POST", "/api/v1/search", "Content-Type: text/plain\r\n", "q=asylum"), 415,
               "unsupported_media_type");
    problem_of(request(port, "POST", "/api/v1/search", "Content-Type: application/json\r\n", "[1"), 400, "bad_request");
    // The page shows its errors as a page, with the same status.
    const HttpReply page = get(port, "/?q=asylum&filter=colour:red");
    CHECK(page.status == 400);
    CHECK(page.header("content-type") == "text/html; charset=utf-8");
    CHECK(page.body.find("role=\"alert\"") != std::string::npos);
    // HEAD: the headers of GET, no body.
    const HttpReply head = request(port, "HEAD", "/api/v1/search?q=asylum");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(std::stoul(head.header("content-length")) == get(port, "/api/v1/search?q=asylum").body.size());
    CHECK(server.stop() == 0);
}

TEST_CASE("serve: ETag and 304 follow the database and the request", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const std::uint16_t port = server.port();
    const HttpReply first = get(port, "/api/v1/search?q=asylum&filter=org:GRETA");
    const std::string etag = first.header("etag");
    REQUIRE(etag.size() > 2);
    CHECK(etag.front() == '"');
    // The same request, its parameters in another order: the same tag; 304 without a body.
    const HttpReply again = get(port, "/api/v1/search?filter=org:GRETA&q=asylum", "If-None-Match: " + etag + "\r\n");
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(again.header("etag") == etag);
    CHECK(get(port, "/api/v1/search?q=asylum&filter=org:GRETA", "If-None-Match: \"x\", W/" + etag + "\r\n").status ==
          304);
    CHECK(get(port, "/api/v1/search?q=asylum", "If-None-Match: " + etag + "\r\n").status == 200);
    CHECK(get(port, "/api/v1/search?q=asylum").header("etag") != etag);
    const std::string page_tag = get(port, "/?q=asylum").header("etag");
    CHECK(get(port, "/?q=asylum", "If-None-Match: " + page_tag + "\r\n").status == 304);
    const std::string passage_tag = get(port, "/api/v1/passages/" + GRETA).header("etag");
    CHECK(get(port, "/api/v1/passages/" + GRETA, "If-None-Match: " + passage_tag + "\r\n").status == 304);
    CHECK(get(port, "/assets/search.js", "If-None-Match: " + get(port, "/assets/search.js").header("etag") + "\r\n")
              .status == 304);
    // A commit changes every tag.
    TempDir more;
    rapporteur::test::write_file(more / "extra.txt", "Extra report\n\nThe zebrafish protocol was adopted by the meeting.\n");
    REQUIRE(run(BIN + "/rapporteur-index --db " + quote(seed.db.string()) + " " + quote((more / "extra.txt").string()))
                .status == 0);
    const HttpReply after = get(port, "/api/v1/search?q=asylum&filter=org:GRETA", "If-None-Match: " + etag + "\r\n");
    CHECK(after.status == 200);
    CHECK(after.header("etag") != etag);
}

TEST_CASE("serve: new documents appear after the indexer commits, in place or as a new generation", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db, "--threads 2");
    const std::uint16_t port = server.port();
    auto total = [&](const std::string& word) {
        return body_json(get(port, "/api/v1/search?q=" + word))["total"].get<int>();
    };
    // Every search thread has its handles open on the first revision.
    for (int i = 0; i < 4; ++i) REQUIRE(total("zebrafish") == 0);
    const auto revision = body_json(get(port, "/api/v1/health"))["revision"].get<int>();
    TempDir more;
    rapporteur::test::write_file(more / "extra.txt", "Extra report\n\nThe zebrafish protocol was adopted by the meeting.\n");
    REQUIRE(run(BIN + "/rapporteur-index --db " + quote(seed.db.string()) + " " + quote((more / "extra.txt").string()))
                .status == 0);
    for (int i = 0; i < 4; ++i) CHECK(total("zebrafish") == 1);
    CHECK(body_json(get(port, "/api/v1/health"))["revision"].get<int>() > revision);
    CHECK(body_json(get(port, "/api/v1/documents"))["total"] == 2);
    // A sharded run publishes a new generation: the server follows it too.
    rapporteur::test::write_file(more / "other.txt", "Other report\n\nThe okapi clause was discussed at length.\n");
    REQUIRE(run(BIN + "/rapporteur-index --shard-min-mb 0 --db " + quote(seed.db.string()) + " " +
                quote((more / "other.txt").string()))
                .status == 0);
    for (int i = 0; i < 4; ++i) {
        CHECK(total("okapi") == 1);
        CHECK(total("zebrafish") == 1);
    }
}

TEST_CASE("serve: the page escapes document text once and shows it as text", "[serve]") {
    SeedDb seed;
    TempDir docs;
    rapporteur::test::write_file(docs / "hostile.txt",
                                 "Hostile report\n\nThe delegates quoted <script>alert(1)</script> and "
                                 "\"><img src=x onerror=alert(2)> in their statement on trafficking & exploitation.\n");
    REQUIRE(run(BIN + "/rapporteur-index --db " + quote(seed.db.string()) + " " + quote((docs / "hostile.txt").string()))
                .status == 0);
    ServeProcess server(seed.db);
    const HttpReply page = get(server.port(), "/?q=delegates+quoted");
    REQUIRE(page.status == 200);
    CHECK(page.body.find("<script>alert(1)") == std::string::npos);
    CHECK(page.body.find("<img src=x") == std::string::npos);
    CHECK(page.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.body.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
    CHECK(page.body.find("&amp;amp;") == std::string::npos); // escaped once, not twice
    CHECK(page.header("content-security-policy").find("script-src 'self'") != std::string::npos);
    // The query itself, echoed in the box and the title, is escaped too.
    const HttpReply echo = get(server.port(), "/?q=%22%3E%3Cscript%3Ealert(3)%3C%2Fscript%3E");
    CHECK(echo.body.find("<script>alert(3)") == std::string::npos);
    CHECK(echo.body.find("&quot;&gt;&lt;script&gt;alert(3)") != std::string::npos);
}

TEST_CASE("serve: the page counts each facet with the other facets' selections", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const std::uint16_t port = server.port();
    const HttpReply home = get(port, "/");
    CHECK(home.status == 200);
    CHECK(home.body.find("<label for=\"q\">") != std::string::npos);
    const HttpReply page = get(port, "/?q=non-punishment");
    CHECK(page.body.find("<mark>non-punishment</mark>") != std::string::npos);
    CHECK(page.body.find("href=\"/?q=non-punishment&amp;filter=org:GRETA\"") != std::string::npos);
    CHECK(page.body.find("href=\"/?like=" + GRETA + "\"") != std::string::npos);
    // The organisation facet under org:GRETA counts as without it (OR within a facet); the
    // other facets count within GRETA's passages (AND across).
    auto count = [](const std::string& body, const std::string& field, const std::string& value) {
        const std::string key = "data-field=\"" + field + "\" data-value=\"" + value + "\"";
        const std::size_t at = body.find(key);
        if (at == std::string::npos) return -1;
        const std::size_t c = body.find("class=\"count\">", at);
        return std::stoi(body.substr(c + 14));
    };
    const json all = body_json(get(port, "/api/v1/search?q=trafficking&limit=0"));
    const json greta = body_json(get(port, "/api/v1/search?q=trafficking&limit=0&filter=org:GRETA"));
    const HttpReply drilled = get(port, "/?q=trafficking&filter=org:GRETA");
    for (const auto& v : all["facets"]["organisation"])
        CHECK(count(drilled.body, "org", v["value"]) == v["count"].get<int>());
    for (const auto& v : greta["facets"]["session"])
        CHECK(count(drilled.body, "session", v["value"]) == v["count"].get<int>());
    CHECK(drilled.body.find("aria-pressed=\"true\"") != std::string::npos);
}

TEST_CASE("serve: CORS headers only with --cors", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db, "--cors https://reports.example");
    const HttpReply r = get(server.port(), "/api/v1/search?q=asylum", "Origin: https://reports.example\r\n");
    CHECK(r.header("access-control-allow-origin") == "https://reports.example");
    const HttpReply pre = request(server.port(), "OPTIONS", "/api/v1/search",
                                  "Origin: https://reports.example\r\nAccess-Control-Request-Method: POST\r\n");
    CHECK(pre.status == 204);
    CHECK(pre.header("access-control-allow-methods").find("POST") != std::string::npos);
}

TEST_CASE("serve: the page pages through the results, the URL holding the offset", "[serve]") {
    SeedDb seed;
    ServeProcess server(seed.db);
    const HttpReply first = get(server.port(), "/?q=trafficking");
    CHECK(first.body.find("<a rel=\"next\" href=\"/?q=trafficking&amp;offset=10\">") != std::string::npos);
    CHECK(first.body.find("rel=\"prev\"") == std::string::npos);
    const HttpReply second = get(server.port(), "/?q=trafficking&offset=10");
    CHECK(second.body.find("<ol class=\"hits\" start=\"11\">") != std::string::npos);
    CHECK(second.body.find("<a rel=\"prev\" href=\"/?q=trafficking\">") != std::string::npos);
    const HttpReply none = get(server.port(), "/?q=zzzzqqqq");
    CHECK(none.status == 200);
    CHECK(none.body.find("No passages here") != std::string::npos);
    const HttpReply typo = get(server.port(), "/?q=trafficing");
    CHECK(typo.body.find("Did you mean <a href=\"/?q=trafficking\">trafficking</a>?") != std::string::npos);
}

TEST_CASE("serve: usage and runtime errors are one line", "[serve]") {
    TempDir dir;
    const auto missing = run(BIN + "/rapporteur-serve --db " + quote((dir / "none").string()) + " --listen 127.0.0.1:0");
    CHECK(missing.status == 1);
    CHECK(missing.err.find("no database here") != std::string::npos);
    CHECK(std::count(missing.err.begin(), missing.err.end(), '\n') == 1);
    const auto listen = run(BIN + "/rapporteur-serve --listen nowhere");
    CHECK(listen.status == 2);
    CHECK(listen.err.find("--listen") != std::string::npos);
    const auto help = run(BIN + "/rapporteur-serve --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("--max-target") != std::string::npos);
}
