/** @file test_front_matter.cc
 *  @brief The short lines at the top of a report: title, organisers, dates, venue.
 */
#include "front_matter.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

namespace {
using Strings = std::vector<std::string>;
FrontMatter read(const Strings& lines) {
    return read_front_matter(lines, ReportWords::instance(), Gazetteer::instance());
}
} // namespace

TEST_CASE("read_front_matter: the seed's shape", "[front]") {
    const auto fm = read({"SUMMARY", "Meeting of National Anti-Trafficking Co-ordinators",
                          "Co-organized by the Council of Europe and OSCE", "3-4 November 2020", "Zoom"});
    CHECK(fm.title == "Meeting of National Anti-Trafficking Co-ordinators");
    CHECK(fm.organisers == Strings{"Council of Europe", "OSCE"});
    CHECK(fm.dates == Strings{"2020-11-03", "2020-11-04"});
    CHECK(fm.venue == "Zoom");
    CHECK(fm.lang == "en");
}

TEST_CASE("read_front_matter: other orders and forms", "[front]") {
    auto fm = read({"Expert meeting on labour exploitation", "Organised by ODIHR, UNHCR and IOM",
                    "Venue: Vienna, Hofburg", "November 3, 2021"});
    CHECK(fm.title == "Expert meeting on labour exploitation");
    CHECK(fm.organisers == Strings{"ODIHR", "UNHCR", "IOM"});
    CHECK(fm.venue == "Vienna, Hofburg");
    CHECK(fm.dates == Strings{"2021-11-03"});
    // Organisers the gazetteer does not know are split as written.
    fm = read({"A title", "Organized by the Ministry of Justice and Acme Foundation", "Online"});
    CHECK(fm.organisers == Strings{"Ministry of Justice", "Acme Foundation"});
    CHECK(fm.venue == "Online");
    CHECK(fm.lang == "en");
    // A title that contains a date stays a title.
    fm = read({"Conference on the anniversary of the Palermo Protocol of 15 November 2000 and beyond"});
    CHECK(fm.title == "Conference on the anniversary of the Palermo Protocol of 15 November 2000 and beyond");
    CHECK(fm.dates.empty());
    CHECK(read({}).title.empty());
}
