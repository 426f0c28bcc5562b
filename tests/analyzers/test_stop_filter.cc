/** @file test_stop_filter.cc
 *  @brief StopFilter: every language's list loads, folded the way the chain folds words.
 */
#include <catch2/catch.hpp>

#include "rapporteur/analyzers.h"

#include "accent_fold_filter.h"
#include "stop_filter.h"

TEST_CASE("StopFilter loads each stemmed language's list", "[stop_filter]") {
    const rapporteur::AccentFoldFilter accents;
    auto fold = [&](std::string& w) { accents.apply(w); };
    struct Case {
        std::string lang, stop, content;
    };
    const Case cases[] = {
        {"en", "the", "victim"},  {"fr", "les", "victime"},     {"de", "und", "opfer"},
        {"es", "las", "victima"}, {"it", "della", "vittima"},   {"pt", "nao", "vitima"}, // "não", folded
        {"ru", "и", "жертва"},    {"nl", "van", "slachtoffer"},
    };
    for (const auto& c : cases) {
        INFO(c.lang);
        REQUIRE(rapporteur::Analyzer::stemmed_languages().end() !=
                std::find(rapporteur::Analyzer::stemmed_languages().begin(),
                          rapporteur::Analyzer::stemmed_languages().end(), c.lang));
        const rapporteur::StopFilter stop(c.lang, fold);
        CHECK(stop.size() > 50);
        CHECK(stop.contains(c.stop));
        CHECK(!stop.contains(c.content));
    }
    CHECK_THROWS_AS(rapporteur::StopFilter("xx", fold), rapporteur::RuntimeError);
}
