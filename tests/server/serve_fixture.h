/** @file serve_fixture.h
 *  @brief Test support for rapporteur-serve's end-to-end tests: the seed indexed into a fresh
 *         database, a response's JSON, a problem object checked.
 */
#ifndef RAPPORTEUR_TESTS_SERVE_FIXTURE_H
#define RAPPORTEUR_TESTS_SERVE_FIXTURE_H

#include "http_client.h"
#include "support/process.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace rapporteur::test {

/// The seed indexed into a fresh database.
struct SeedDb {
    TempDir dir;
    std::filesystem::path db = dir / "db";
    SeedDb() {
        const auto r = run(std::string(RAPPORTEUR_E2E_BIN) + "/rapporteur-index --db " + quote(db.string()) + " " + quote(RAPPORTEUR_SEEDS));
        REQUIRE(r.status == 0);
    }
    /// rapporteur-search's --format json output for these arguments.
    std::string cli_json(const std::string& args) const {
        const auto r = run(std::string(RAPPORTEUR_E2E_BIN) + "/rapporteur-search --db " + quote(db.string()) + " --format json " + args);
        REQUIRE(r.status == 0);
        return r.out;
    }
};

inline nlohmann::json body_json(const HttpReply& r) { return nlohmann::json::parse(r.body); }

/// The problem object of `r`, checked: RFC 9457 fields, our `code`, the status repeated.
inline nlohmann::json problem_of(const HttpReply& r, int status, const std::string& code) {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(r.header("content-type") == "application/problem+json");
    const nlohmann::json p = body_json(r);
    CHECK(p["status"] == status);
    CHECK(p["code"] == code);
    CHECK(p["type"].get<std::string>().find(code) != std::string::npos);
    CHECK(!p["title"].get<std::string>().empty());
    CHECK(!p["detail"].get<std::string>().empty());
    return p;
}

} // namespace rapporteur::test

#endif
