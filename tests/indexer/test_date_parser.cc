/** @file test_date_parser.cc
 *  @brief Meeting dates in words and digits, in several languages, to ISO 8601 days.
 */
#include "date_parser.h"

#include <catch2/catch.hpp>

using namespace rapporteur;

TEST_CASE("parse_dates: a golden table", "[dates]") {
    const ReportWords& words = ReportWords::instance();
    using Strings = std::vector<std::string>;
    struct Row {
        std::string line;
        Strings dates;
    };
    const std::vector<Row> rows = {
        {"3-4 November 2020", {"2020-11-03", "2020-11-04"}},
        {"3–5 November 2020", {"2020-11-03", "2020-11-04", "2020-11-05"}},
        {"3 November 2020", {"2020-11-03"}},
        {"维也纳，2021年5月3日至4日", {"2021-05-03", "2021-05-04"}},
        {"2021年5月30日至6月1日", {"2021-05-30", "2021-05-31", "2021-06-01"}},
        {"ウィーン、2021年5月3日～4日", {"2021-05-03", "2021-05-04"}},
        {"2021年5月3日、5日", {"2021-05-03", "2021-05-05"}},
        {"2021年2月30日", {}}, // no such day
        {"5月3日", {}},        // no year
        {"第2日", {}},
        {"3 and 4 November 2020", {"2020-11-03", "2020-11-04"}},
        {"November 3-4, 2020", {"2020-11-03", "2020-11-04"}},
        {"Tuesday, 1st December 2020", {"2020-12-01"}},
        {"30 November - 2 December 2020", {"2020-11-30", "2020-12-01", "2020-12-02"}},
        {"31 December 2020 – 1 January 2021", {"2020-12-31", "2021-01-01"}},
        {"3 to 5 May 2021", {"2021-05-03", "2021-05-04", "2021-05-05"}},
        {"2020-11-03", {"2020-11-03"}},
        {"03.11.2020", {"2020-11-03"}},
        {"3/11/2020", {"2020-11-03"}},
        {"12-13 octobre 2021", {"2021-10-12", "2021-10-13"}},
        {"1er décembre 2020", {"2020-12-01"}},
        {"du 3 au 4 novembre 2020", {"2020-11-03", "2020-11-04"}},
        {"3.–4. November 2020", {"2020-11-03", "2020-11-04"}},
        {"3. März 2021", {"2021-03-03"}},
        {"3 y 4 de noviembre de 2020", {"2020-11-03", "2020-11-04"}},
        {"3-4 novembre 2020", {"2020-11-03", "2020-11-04"}},
        {"3–4 ноября 2020 г.", {"2020-11-03", "2020-11-04"}},
        {"29 February 2020", {"2020-02-29"}},
        {"29 February 2021", {}}, // no such day
        {"31 April 2020", {}},
        {"November 2020", {}}, // no day
        {"3-4 November", {}},  // no year
        {"Zoom", {}},
        {"", {}},
    };
    for (const auto& row : rows) {
        INFO(row.line);
        CHECK(parse_dates(row.line, words) == row.dates);
    }
}

TEST_CASE("count_non_date_words: a date line against a sentence with a date", "[dates]") {
    const ReportWords& words = ReportWords::instance();
    CHECK(count_non_date_words("3-4 November 2020", words) == 0);
    CHECK(count_non_date_words("3 y 4 de noviembre de 2020", words) == 0);
    CHECK(count_non_date_words("The statement issued on 3 April 2020 was presented", words) >= 4);
}
