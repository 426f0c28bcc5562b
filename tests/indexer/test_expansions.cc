/** @file test_expansions.cc
 *  @brief An acronym's stored definitions (codecs::encode_expansions): counts kept in order,
 *         read back whole, older values and damaged lines read without a throw.
 */
#include "rapporteur/format/codecs.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

using rapporteur::codecs::decode_expansions;
using rapporteur::codecs::encode_expansions;
using Pairs = std::vector<std::pair<std::string, std::uint32_t>>;

TEST_CASE("an acronym's expansions keep their document counts, most first", "[indexer][schema][synonyms]") {
    const std::map<std::string, std::uint32_t> counts = {
        {"Agency for Better Governance", 2}, {"Alpha Beta Gamma", 3}, {"Alpha beta gamma", 2}, {"Ärzte Bund", 1}};
    const std::string value = encode_expansions(counts);
    CHECK(value == "3\tAlpha Beta Gamma\n2\tAgency for Better Governance\n2\tAlpha beta gamma\n1\tÄrzte Bund");
    CHECK(decode_expansions(value) ==
          Pairs{{"Alpha Beta Gamma", 3}, {"Agency for Better Governance", 2}, {"Alpha beta gamma", 2}, {"Ärzte Bund", 1}});
    // An expansion that would break the lines is not stored.
    CHECK(encode_expansions({{"two\nlines", 4}, {"a\ttab", 1}, {"", 9}, {"kept", 1}}) == "1\tkept");
    CHECK(encode_expansions({}).empty());
}

TEST_CASE("expansions stored before counts, and damaged lines, are read without a throw", "[indexer][schema][synonyms]") {
    // An index written before the counts: the expansion alone, once.
    CHECK(decode_expansions("Office for Democratic Institutions and Human Rights") ==
          Pairs{{"Office for Democratic Institutions and Human Rights", 1}});
    CHECK(decode_expansions("").empty());
    // Counts that are not counts, missing expansions and empty lines are skipped.
    CHECK(decode_expansions("x\tA\n0\tB\n\n7\t\n99999999999\tC\n-1\tD\n2\tE\n\n") == Pairs{{"E", 2}});
    CHECK(decode_expansions("4\tA\tB") == Pairs{{"A\tB", 4}});
}
