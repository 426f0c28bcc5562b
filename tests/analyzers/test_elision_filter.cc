/** @file test_elision_filter.cc
 *  @brief ElisionFilter: elided articles before an apostrophe, from data/elisions.txt.
 */
#include <catch2/catch.hpp>

#include "elision_filter.h"

TEST_CASE("ElisionFilter strips listed elisions only", "[elision_filter]") {
    const rapporteur::ElisionFilter elision;
    struct Case {
        std::string term;
        std::size_t skip;
    };
    const Case cases[] = {
        {"l'exploitation", 2},
        {"l\xE2\x80\x99"
         "exploitation",
         4},
        {"d'orientation", 2},
        {"qu'il", 3},
        {"jusqu'à", 6},
        {"dell'europa", 5},
        {"all'interno", 4},
        {"l'", 0},
        {"don't", 0},
        {"europe's", 0},
        {"exploitation", 0},
        {"", 0},
    };
    for (const auto& c : cases) {
        INFO(c.term);
        CHECK(elision.elided_bytes(c.term) == c.skip);
    }
}
