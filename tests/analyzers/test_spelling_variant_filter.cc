/** @file test_spelling_variant_filter.cc
 *  @brief SpellingVariantFilter: British and American spellings meet, as words and as stems.
 */
#include <catch2/catch.hpp>

#include "spelling_variant_filter.h"
#include "stem_filter.h"

TEST_CASE("SpellingVariantFilter maps British words and stems to one form", "[spelling_variant_filter]") {
    auto lower = [](std::string&) {};
    const rapporteur::SpellingVariantFilter words(lower, [](std::string&) {});
    CHECK(words.size() > 100);
    for (const auto& [british, american] :
         std::vector<std::pair<std::string, std::string>>{{"labour", "labor"},
                                                          {"organisation", "organization"},
                                                          {"criminalise", "criminalize"},
                                                          {"programme", "program"},
                                                          {"labor", "labor"},
                                                          {"victim", "victim"}}) {
        std::string w = british;
        words.apply_to_word(w);
        CHECK(w == american);
    }
    rapporteur::StemFilter english("en");
    const rapporteur::SpellingVariantFilter stems(lower, [&](std::string& w) { english.apply(w); });
    auto canonical = [&](std::string w) {
        english.apply(w);
        stems.apply_to_stem(w);
        return w;
    };
    // Inflections follow without being listed, and classes of several pairs end on one stem.
    CHECK(canonical("organisations") == canonical("organizations"));
    CHECK(canonical("organised") == canonical("organized"));
    CHECK(canonical("organisation") == canonical("organize"));
    CHECK(canonical("criminalising") == canonical("criminalizing"));
    CHECK(canonical("programmes") == canonical("programs"));
    CHECK(canonical("labours") == canonical("labor"));
    CHECK(canonical("victims") == "victim");
}
