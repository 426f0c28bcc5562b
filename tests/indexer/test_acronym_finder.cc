/** @file test_acronym_finder.cc
 *  @brief Schwartz–Hearst acronym definitions, and what is not one.
 */
#include "acronym_finder.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

TEST_CASE("find_acronyms: definitions found", "[acronyms]") {
    struct Row {
        std::string text, acronym, expansion;
    };
    const std::vector<Row> rows = {
        {"implement National Referral Mechanism (NRMs), which", "NRM", "National Referral Mechanism"},
        {"and the Council of Europe (CoE) in line", "CoE", "Council of Europe"},
        {"the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings (SR/CTHB). All",
         "SR/CTHB", "Special Representative and Co-ordinator for Combating Trafficking in Human Beings"},
        {"by the International Labour Organization (ILO).", "ILO", "International Labour Organization"},
        {"the ILO (International Labour Organization) said", "ILO", "International Labour Organization"},
        {"mécanismes nationaux d'orientation (MNO).", "MNO", "mécanismes nationaux d'orientation"},
        {"Бюро по демократическим институтам и правам человека (БДИПЧ)", "БДИПЧ",
         "Бюро по демократическим институтам и правам человека"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        auto found = find_acronyms(row.text);
        REQUIRE(found.size() == 1);
        CHECK(found[0].acronym == row.acronym);
        CHECK(found[0].expansion == row.expansion);
    }
}

TEST_CASE("find_acronyms: parentheses that define nothing", "[acronyms]") {
    for (std::string text : {
             "the report (2020) said",
             "modalities outlined in PC.EC/637 (2004) and PC.DEC/670 (2005).",
             "Action Plan (PC.DEC/557), its Addendums",
             "Convention (CETS No.197, 2005).",
             "victims (down by 23% between April and June 2020)",
             "News \\(coe.int\\)",
             "a simple (XYZ) case", // letters not found in order
             "unclosed (ABC",
             "()",
             "",
         }) {
        INFO(text);
        CHECK(find_acronyms(text).empty());
    }
}

TEST_CASE("find_acronyms: duplicates once, in order", "[acronyms]") {
    auto found = find_acronyms("Council of Europe (CoE) and again Council of Europe (CoE) and United Nations (UN).");
    REQUIRE(found.size() == 2);
    CHECK(found[0].acronym == "CoE");
    CHECK(found[1].acronym == "UN");
}
