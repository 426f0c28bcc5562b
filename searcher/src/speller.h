/** @file speller.h
 *  @brief "Did you mean": a known word for a query word no passage contains.
 */
#ifndef RAPPORTEUR_SPELLER_H
#define RAPPORTEUR_SPELLER_H

#include "rapporteur/analyzers.h"
#include "spelling_index.h"

#include <xapian.h>

#include <optional>
#include <string>

namespace rapporteur {

/** Suggests corrections from the index itself: Xapian's spelling dictionary when the indexer
 *  filled one, else the nearest index term (Damerau–Levenshtein over the vocabulary that
 *  shares the word's first letter), shown as the passages write it, in their casing. A word
 *  of the kind the dictionary holds (is_spelling_word) that the dictionary cannot correct is
 *  not looked for in the vocabulary: the dictionary holds every such word of the passages,
 *  and the scan of up to 200,000 terms was most of the time of a query with a rare word. */
class Speller {
  public:
    /** `analyzer` finds the index terms of a dictionary word, to show it in the passages'
     *  casing; without one a dictionary word is shown folded ("greta"). */
    /** `dictionary`: where the spelling dictionary is, when not in `db` (a sharded search's
     *  merged copy: the remote backend has none). `dictionary_filled`: whether it holds any
     *  word, when the caller knows (a searcher keeps it per revision); else read here. */
    /** `index`: the dictionary read into memory (the same answers, faster), when the caller
     *  keeps one; else each suggestion reads the dictionary. */
    explicit Speller(const Xapian::Database& db, const Analyzer* analyzer = nullptr,
                     const Xapian::Database* dictionary = nullptr,
                     std::optional<bool> dictionary_filled = std::nullopt, const SpellingIndex* index = nullptr);

    /// Whether `dictionary` holds any word (an index built with spelling): one read.
    static bool filled(const Xapian::Database& dictionary);

    /** A correction for `original` (the word as typed) whose main index term is `term`, as
     *  a word of the passages (e.g. "trafficing" → "trafficking", "Gretta" → "GRETA"); ""
     *  when nothing is near enough (distance 1 for words of up to 4 letters, else 2). */
    std::string suggest(const std::string& original, const std::string& term) const;

    /** The word as the passages write it where `term` occurs ("traffick" → "trafficking"):
     *  among the first passages that contain it, the most common word (compared folded), in
     *  its most common casing ("greta" → "GRETA"); `term` when no passage has it at a
     *  position. */
    std::string surface_form(const std::string& term) const;

  private:
    /// surface_form() counting only the occurrences whose case folding is `folded` (any when
    /// ""); "" when there is none.
    std::string written_form(const std::string& term, const std::string& folded) const;

    const Xapian::Database& db_;
    const Analyzer* analyzer_;
    const Xapian::Database& dictionary_;
    const SpellingIndex* index_;
    bool dictionary_filled_; ///< the dictionary holds any word (an index built with spelling)
};

} // namespace rapporteur

#endif
