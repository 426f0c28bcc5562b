/** @file acronym_finder.h
 *  @brief Acronyms defined in the text, "long form (SF)" and "SF (long form)", Schwartz–Hearst style.
 */
#ifndef RAPPORTEUR_INDEXER_ACRONYM_FINDER_H
#define RAPPORTEUR_INDEXER_ACRONYM_FINDER_H

#include "rapporteur/model/report.h"

#include <string_view>
#include <vector>

namespace rapporteur {

/** Find acronym definitions in `text`, following A. Schwartz and M. Hearst, "A simple algorithm
 *  for identifying abbreviation definitions in biomedical text" (PSB 2003): a short form in
 *  parentheses (2-10 characters, at most two words, starting with a letter or digit, with an
 *  upper-case letter) is matched right to left against the words before it, every character
 *  found in order and its first one at the start of a word, within min(|SF| + 5, 2·|SF|) words.
 *  The reverse order "SF (long form)" is tried when the parentheses hold more than two words.
 *  A plural short form ("NRMs") is defined as its singular ("NRM"). In order of appearance,
 *  without duplicates. Linear in the text. */
std::vector<AcronymDefinition> find_acronyms(std::string_view text);

} // namespace rapporteur

#endif
