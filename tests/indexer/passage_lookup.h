/** @file passage_lookup.h
 *  @brief Test helper shared by the document-model tests: a report's passage by its text.
 */
#ifndef RAPPORTEUR_TESTS_PASSAGE_LOOKUP_H
#define RAPPORTEUR_TESTS_PASSAGE_LOOKUP_H

#include "rapporteur/readers.h"

#include <catch2/catch.hpp>

#include <string>

namespace rapporteur::test {

/// The one passage whose text contains `needle` (fails the test when none or several).
inline const Passage& containing(const Report& r, const std::string& needle) {
    const Passage* found = nullptr;
    for (const auto& p : r.passages) {
        if (p.text.find(needle) != std::string::npos) {
            INFO(needle);
            REQUIRE(found == nullptr);
            found = &p;
        }
    }
    INFO(needle);
    REQUIRE(found != nullptr);
    return *found;
}

} // namespace rapporteur::test

#endif
