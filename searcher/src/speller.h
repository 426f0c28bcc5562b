/** @file speller.h
 *  @brief "Did you mean": a known word for a query word no passage contains.
 */
#ifndef RAPPORTEUR_SPELLER_H
#define RAPPORTEUR_SPELLER_H

#include <xapian.h>

#include <string>

namespace rapporteur {

/** Suggests corrections from the index itself: Xapian's spelling dictionary when the indexer
 *  filled one, else the nearest index term (Damerau–Levenshtein over the vocabulary that
 *  shares the word's first letter) shown as the passages write it. */
class Speller {
  public:
    explicit Speller(const Xapian::Database& db);

    /** A correction for `original` (the word as typed) whose main index term is `term`, as
     *  a word of the passages (e.g. "trafficing" → "trafficking"); "" when nothing is near
     *  enough (distance 1 for words of up to 4 letters, else 2). */
    std::string suggest(const std::string& original, const std::string& term) const;

    /// The word as a passage writes it at the first occurrence of `term` ("traffick" → "trafficking").
    std::string surface_form(const std::string& term) const;

  private:
    const Xapian::Database& db_;
};

} // namespace rapporteur

#endif
