/** @file test_shard_map.cc
 *  @brief The shard map file (shard_map.cc): a table of maps and what they parse to, a table
 *         of malformed lines and their messages; and the index format's shard rule and sort key.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/shards.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

using rapporteur::parse_shard_map;

namespace {

/// A map as "a:1,b:2|c:3" (shards by '|', servers by ',').
std::string flat(const rapporteur::ShardMap& map) {
    std::string out;
    for (const auto& s : map.shards) {
        if (!out.empty()) out += "|";
        for (std::size_t i = 0; i < s.servers.size(); ++i) out += (i ? "," : "") + s.servers[i].label();
    }
    return out;
}

} // namespace

TEST_CASE("shard maps parse to their shards and servers, in order", "[shards]") {
    const std::pair<const char*, const char*> table[] = {
        {"10.0.0.1:7001\n", "10.0.0.1:7001"},
        {"a:1\nb:2\nc:3", "a:1|b:2|c:3"},
        {"# comment\n\n  a:1 , a2:1  # primary, replica\n\r\nb:2\r\n", "a:1,a2:1|b:2"},
        {"[::1]:7001, [fd00::2]:7001\n", "[::1]:7001,[fd00::2]:7001"},
        {"shard-1.example.org:65535\n", "shard-1.example.org:65535"},
    };
    for (const auto& [text, expected] : table) {
        INFO(text);
        CHECK(flat(parse_shard_map(text, "map")) == expected);
    }
    const auto map = parse_shard_map("[::1]:7\n", "m");
    CHECK(map.shards[0].servers[0].host == "::1");
    CHECK(map.shards[0].servers[0].port == 7);
}

TEST_CASE("a malformed shard map is an error naming the file, the line and the cause", "[shards]") {
    const std::pair<const char*, const char*> table[] = {
        {"", "map: no shard"},
        {"# only a comment\n", "map: no shard"},
        {"a:1\nhost\n", "map:2: 'host': expected host:port"},
        {"a:0\n", "map:1: 'a:0': port must be a number from 1 to 65535"},
        {"a:65536\n", "map:1: 'a:65536': port must be a number from 1 to 65535"},
        {"a:12x\n", "map:1: 'a:12x': port must be a number from 1 to 65535"},
        {"a:-1\n", "map:1: 'a:-1': port must be a number from 1 to 65535"},
        {":80\n", "map:1: ':80': no host"},
        {"a:1,,b:2\n", "map:1: an empty server between commas"},
        {"a:1,\n", "map:1: an empty server between commas"},
        {"a b:1\n", "map:1: 'a b:1': not a host name or address"},
        {"[::1:7\n", "map:1: '[::1:7': expected [IPv6 address]:port"},
        {"[zz]:7\n", "map:1: '[zz]:7': not an IPv6 address"},
        {"a:1\nb:2, a:1\n", "map:2: a:1 is named twice"},
    };
    for (const auto& [text, message] : table) {
        INFO(text);
        try {
            parse_shard_map(text, "map");
            FAIL("no error");
        } catch (const rapporteur::RuntimeError& e) {
            CHECK(std::string(e.what()).rfind(message, 0) == 0);
        }
    }
    // Any bytes: an error or a map, never a crash.
    std::string junk;
    for (int i = 0; i < 2000; ++i) junk += static_cast<char>((i * 7919) % 256);
    CHECK_THROWS_AS(parse_shard_map(junk, "junk"), rapporteur::RuntimeError);
}

TEST_CASE("documents go to shards by a stable rule on their slug", "[shards]") {
    namespace codecs = rapporteur::codecs;
    // Golden values: changing the rule moves documents between shards.
    CHECK(codecs::shard_of("000-2e1ad919f53edd39", 3) == codecs::shard_of("000-2e1ad919f53edd39", 3));
    CHECK(codecs::shard_of("anything", 1) == 1);
    CHECK(codecs::shard_of("", 3) == 14695981039346656037ULL % 3 + 1);
    std::map<unsigned, int> spread;
    for (int i = 0; i < 3000; ++i) ++spread[codecs::shard_of("doc-" + std::to_string(i), 3)];
    REQUIRE(spread.size() == 3);
    for (const auto& [shard, n] : spread) {
        CHECK(shard >= 1);
        CHECK(shard <= 3);
        CHECK(n > 800); // about a third each
    }
}

TEST_CASE("the passage id sort key orders ids naturally", "[shards]") {
    namespace codecs = rapporteur::codecs;
    std::vector<std::string> ids = {"doc/p10", "doc/fn2", "doc/p2", "doc/p1", "a-12/p3", "a-9/p3", "doc/fn10"};
    std::sort(ids.begin(), ids.end(),
              [](const auto& a, const auto& b) { return codecs::encode_sort_key(a) < codecs::encode_sort_key(b); });
    CHECK(ids == std::vector<std::string>{"a-9/p3", "a-12/p3", "doc/fn2", "doc/fn10", "doc/p1", "doc/p2", "doc/p10"});
}
