/** @file test_synonym_map.cc
 *  @brief SynonymMap: both directions, duplicates, and the longest expansion.
 */
#include <catch2/catch.hpp>

#include "synonym_map.h"

TEST_CASE("SynonymMap looks up both ways", "[synonym_map]") {
    rapporteur::SynonymMap map;
    CHECK(map.expansions("nrm").empty());
    map.add("nrm", "NRM", "nation referr mechan", 3, "National Referral Mechanism");
    map.add("nrm", "NRM", "nation referr mechan", 3, "National Referral Mechanism");
    map.add("nrm", "NRM", "nation referr mechan system", 4, "national referral mechanism system");
    CHECK(map.expansions("nrm") ==
          std::vector<std::string>{"National Referral Mechanism", "national referral mechanism system"});
    CHECK(map.acronyms("nation referr mechan") == std::vector<std::string>{"NRM"});
    CHECK(map.longest_expansion() == 4);
    CHECK(map.size() == 1);
}
