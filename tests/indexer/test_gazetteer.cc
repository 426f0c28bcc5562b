/** @file test_gazetteer.cc
 *  @brief Organisations and countries: aliases, possessives, slashes, adjectives, declensions.
 */
#include "gazetteer.h"

#include "rapporteur/analyzers.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

namespace {
using Strings = std::vector<std::string>;

std::pair<Strings, Strings> tag(std::string_view text) {
    Strings orgs, countries;
    Gazetteer::instance().tag(text, orgs, countries);
    return {orgs, countries};
}
} // namespace

TEST_CASE("Gazetteer: canonical names from aliases, a golden table", "[gazetteer]") {
    struct Row {
        std::string text;
        Strings orgs, countries;
    };
    const std::vector<Row> rows = {
        {"The CoE and the Council of Europe", {"Council of Europe"}, {}},
        {"the OSCE's Office", {"OSCE"}, {}},
        {"The OSCE/ODIHR presented", {"ODIHR", "OSCE"}, {}},
        {"by ODIHR and UN Women", {"ODIHR", "UN Women"}, {}},
        {"the UN and UNHCR", {"UNHCR", "United Nations"}, {}},
        {"GRETA's First Vice-President", {"GRETA"}, {}},
        {"the European Commission's report", {"European Commission"}, {}},
        {"some EU member States", {"European Union"}, {}},
        {"co-authored by Tech Against Trafficking.", {"Tech Against Trafficking"}, {}},
        {"UK’s Independent Anti-Slavery Commissioner", {"Independent Anti-Slavery Commissioner"}, {"United Kingdom"}},
        {"the UK's response", {}, {"United Kingdom"}},
        {"the Greek National Rapporteur and the Albanian Chairmanship", {}, {"Albania", "Greece"}},
        {"the Republic of Moldova", {}, {"Moldova"}},
        {"Türkiye, formerly Turkey", {}, {"Türkiye"}},
        {"Bosnia and Herzegovina", {}, {"Bosnia and Herzegovina"}},
        {"le Conseil de l'Europe et l’OSCE", {"Council of Europe", "OSCE"}, {}},
        {"l'Allemagne, la Grèce et l'Italie", {}, {"Germany", "Greece", "Italy"}},
        {"Europarat, OSZE und Deutschlands Regierung", {"Council of Europe", "OSCE"}, {"Germany"}},
        {"el Consejo de Europa y España", {"Council of Europe"}, {"Spain"}},
        {"в Германии, Италии и Франции", {}, {"France", "Germany", "Italy"}},
        {"Советом Европы и ОБСЕ", {"Council of Europe", "OSCE"}, {}},
        // Whole words, case-sensitive: no match inside words or in lower case.
        {"CoEfficient, OSCEAN, the greek letter, us and un", {}, {}},
        {"", {}, {}},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        auto [orgs, countries] = tag(row.text);
        CHECK(orgs == row.orgs);
        CHECK(countries == row.countries);
    }
}

TEST_CASE("Gazetteer: mentions with offsets, leftmost longest", "[gazetteer]") {
    const std::string text = "UN Women met the UN.";
    auto found = Gazetteer::instance().find(text);
    REQUIRE(found.size() == 2);
    CHECK(found[0].canonical == "UN Women");
    CHECK(text.substr(found[0].start, found[0].end - found[0].start) == "UN Women");
    CHECK(found[1].canonical == "United Nations");
    CHECK(found[1].start == 17);
}

TEST_CASE("Gazetteer: every OSCE participating State is known", "[gazetteer]") {
    const Strings states = {"Albania",
                            "Andorra",
                            "Armenia",
                            "Austria",
                            "Azerbaijan",
                            "Belarus",
                            "Belgium",
                            "Bosnia and Herzegovina",
                            "Bulgaria",
                            "Canada",
                            "Croatia",
                            "Cyprus",
                            "Czechia",
                            "Denmark",
                            "Estonia",
                            "Finland",
                            "France",
                            "Georgia",
                            "Germany",
                            "Greece",
                            "Holy See",
                            "Hungary",
                            "Iceland",
                            "Ireland",
                            "Italy",
                            "Kazakhstan",
                            "Kyrgyzstan",
                            "Latvia",
                            "Liechtenstein",
                            "Lithuania",
                            "Luxembourg",
                            "Malta",
                            "Moldova",
                            "Monaco",
                            "Mongolia",
                            "Montenegro",
                            "Netherlands",
                            "North Macedonia",
                            "Norway",
                            "Poland",
                            "Portugal",
                            "Romania",
                            "Russian Federation",
                            "San Marino",
                            "Serbia",
                            "Slovakia",
                            "Slovenia",
                            "Spain",
                            "Sweden",
                            "Switzerland",
                            "Tajikistan",
                            "Türkiye",
                            "Turkmenistan",
                            "Ukraine",
                            "United Kingdom",
                            "United States",
                            "Uzbekistan"};
    REQUIRE(states.size() == 57);
    for (const auto& s : states) {
        INFO(s);
        CHECK(tag("Delegates of " + s + " spoke.").second == Strings{s});
    }
}

TEST_CASE("Gazetteer: malformed data is an error naming the line", "[gazetteer]") {
    CHECK_THROWS_WITH(Gazetteer::parse("org\tX\n", "g.tsv"),
                      "g.tsv:1: expected 3 tab-separated columns: kind, name, aliases");
    CHECK_THROWS_WITH(Gazetteer::parse("# c\nplace\tX\tY\n", "g.tsv"),
                      "g.tsv:2: kind must be org or country, not place");
    CHECK_THROWS_WITH(Gazetteer::parse("country\tX\tAb*\n", "g.tsv"), "g.tsv:1: a stem needs at least 3 letters: Ab*");
    const Gazetteer g = Gazetteer::parse("country\tNowhere\tNowhere|Nowher*\n", "g.tsv");
    REQUIRE(g.find("in Nowherestan").size() == 1);
}
