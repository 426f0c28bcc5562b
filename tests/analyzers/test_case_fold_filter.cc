/** @file test_case_fold_filter.cc
 *  @brief CaseFoldFilter: NFKC and full case folding as ICU does them, ASCII fast path included.
 */
#include <catch2/catch.hpp>

#include "case_fold_filter.h"

TEST_CASE("CaseFoldFilter applies NFKC and full case folding", "[case_fold_filter]") {
    const rapporteur::CaseFoldFilter fold;
    struct Case {
        const char* what;
        std::string in, out;
    };
    const Case cases[] = {
        {"ASCII", "OSCE Rapporteurs", "osce rapporteurs"},
        {"German sharp s (full folding)", "Straße", "strasse"},
        {"capital sharp s", "STRAẞE", "strasse"},
        {"Greek final sigma", "ΟΔΟΣ", "οδοσ"},
        {"Greek final sigma, lower case", "οδός", "οδόσ"},
        {"Turkish dotted capital I", "İstanbul", "i\xCC\x87stanbul"},
        {"Turkish dotless i stays", "kadın", "kadın"},
        {"ligature (NFKC)", "ﬁnance", "finance"},
        {"full-width (NFKC)", "ＯＳＣＥ", "osce"},
        {"decomposed accent composes", "se\xCC\x81\x63urite\xCC\x81", "sécurité"},
        {"Cyrillic", "ТОРГОВЛЯ", "торговля"},
        {"empty", "", ""},
    };
    std::string out;
    for (const auto& c : cases) {
        INFO(c.what);
        fold.apply(c.in, out);
        CHECK(out == c.out);
    }
}
