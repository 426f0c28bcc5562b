/** @file test_request_target.cc
 *  @brief parse_request_target and parse_query_string: splitting, decoding, refusals.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/server.h"

#include <catch2/catch.hpp>

using rapporteur::parse_query_string;
using rapporteur::parse_request_target;
using rapporteur::UsageError;
using Params = std::vector<std::pair<std::string, std::string>>;

TEST_CASE("request target: path and parameters, decoded, in order", "[server]") {
    const auto t = parse_request_target("/api/v1/search?q=non-punishment+of+victims&filter=org%3AGRETA&filter=org:OSCE");
    CHECK(t.path == "/api/v1/search");
    CHECK(t.params == Params{{"q", "non-punishment of victims"}, {"filter", "org:GRETA"}, {"filter", "org:OSCE"}});
    CHECK(parse_request_target("/").path == "/");
    CHECK(parse_request_target("/").params.empty());
    CHECK(parse_request_target("/api/v1/passages/doc%2Fp18").path == "/api/v1/passages/doc/p18");
    CHECK(parse_request_target("/a+b").path == "/a+b"); // '+' is a space in the query only
    CHECK(parse_request_target("/?q=%C3%A9t%C3%A9&&x&=v").params == Params{{"q", "été"}, {"x", ""}, {"", "v"}});
    CHECK(parse_request_target("/?q=a#frag").params == Params{{"q", "a"}});
    CHECK(parse_request_target("/?q=a%2Bb").params == Params{{"q", "a+b"}});
}

TEST_CASE("request target: refusals", "[server]") {
    for (const char* bad : {"", "api", "http://host/", "/?q=%", "/?q=%4", "/?q=%G1", "/%00", "/?q=%FF", "/?q=%C3"}) {
        INFO(bad);
        CHECK_THROWS_AS(parse_request_target(bad), UsageError);
    }
    CHECK_THROWS_AS(parse_query_string("a=%ZZ"), UsageError);
    CHECK(parse_query_string("").empty());
}
