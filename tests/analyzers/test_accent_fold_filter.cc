/** @file test_accent_fold_filter.cc
 *  @brief AccentFoldFilter: diacritics off Latin, Greek and Cyrillic; other scripts untouched.
 */
#include <catch2/catch.hpp>

#include "accent_fold_filter.h"

TEST_CASE("AccentFoldFilter folds European diacritics only", "[accent_fold_filter]") {
    const rapporteur::AccentFoldFilter fold;
    struct Case {
        const char* what;
        std::string in, out;
        bool changed;
    };
    const Case cases[] = {
        {"French", "sécurité", "securite", true},
        {"German umlaut", "grössere", "grossere", true},
        {"Portuguese", "proteção", "protecao", true},
        {"Scandinavian letters", "søren", "soren", true},
        {"ligature letters", "œuvre", "oeuvre", true},
        {"Polish", "łódź", "lodz", true},
        {"Greek tonos", "οδόσ", "οδοσ", true},
        {"Cyrillic yo", "ещё", "еще", true},
        {"Cyrillic short i stays", "новый", "новый", false},
        {"combining dot of Turkish İ", "i\xCC\x87stanbul", "istanbul", true},
        {"Hindi vowel signs stay", "हिन्दी", "हिन्दी", false},
        {"Arabic stays", "بالبشر", "بالبشر", false},
        {"Han stays", "性剥削", "性剥削", false},
        {"ASCII", "plain", "plain", false},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        std::string term = c.in;
        const bool changed = fold.apply(term);
        CHECK(term == c.out);
        CHECK(changed == c.changed);
    }
}
