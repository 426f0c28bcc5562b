/** @file date_parser.h
 *  @brief Meeting dates written in words or digits → ISO 8601 days.
 */
#ifndef RAPPORTEUR_INDEXER_DATE_PARSER_H
#define RAPPORTEUR_INDEXER_DATE_PARSER_H

#include "report_words.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/** The days a line of text names, as sorted unique "YYYY-MM-DD" strings; empty when none.
 *  Understands day-month-year and month-day-year orders with month names of every language in
 *  `words` ("3-4 November 2020", "November 3-4, 2020", "3 y 4 de noviembre de 2020",
 *  "3.–4. November 2020", "30 November - 2 December 2020", "1er décembre 2020"), ranges with a
 *  dash or a "range" word ("3 to 5 May 2021": 3, 4, 5), lists with "and" words and commas,
 *  numeric forms "2020-11-03" and "03.11.2020" (day first), and numbers followed by the unit
 *  words "date.year", "date.month", "date.day" ("2021年5月3日至4日", "2021年5月3日～4日").
 *  Impossible dates are dropped.
 *  A date without a year is not returned. Ranges over 31 days are not expanded. */
std::vector<std::string> parse_dates(std::string_view line, const ReportWords& words);

/// How many words of `line` are not part of a date (numbers, months, "and"/range words):
/// used to tell a date line ("3-4 November 2020") from a sentence that contains a date.
std::size_t count_non_date_words(std::string_view line, const ReportWords& words);

} // namespace rapporteur

#endif
