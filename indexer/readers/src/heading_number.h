/** @file heading_number.h
 *  @brief The numbers of session and day headings: digits of any script, Han numerals, Roman.
 */
#ifndef RAPPORTEUR_INDEXER_HEADING_NUMBER_H
#define RAPPORTEUR_INDEXER_HEADING_NUMBER_H

#include <cstddef>
#include <string_view>

namespace rapporteur {

/** The number at byte `pos` of `s`, 1-999: one to three decimal digits of any script ("12",
 *  full-width "１２"), a run of Han numerals ("十二", "二十三", read by ICU's spell-out rules for
 *  `lang`, or Chinese's when `lang` has none), or, when `roman`, an upper-case Roman numeral
 *  I..XX followed by no letter. Sets `pos` past it. Returns 0 and leaves `pos` alone when there
 *  is none there (a fourth digit, "0", "XXI", a Han run ICU cannot read). */
int read_heading_number(std::string_view s, std::size_t& pos, bool roman, std::string_view lang);

} // namespace rapporteur

#endif
