/** @file spelling_index.h
 *  @brief A spelling dictionary read into memory, answering as Xapian's own suggestion does.
 *
 *  Xapian::Database::get_spelling_suggestion reads, for each suggestion, the dictionary's
 *  fragment lists (a word's first two bytes, last two, each three in a row, and for short
 *  words its first and last byte) from the spelling table, merges them, and looks up the
 *  frequency of every candidate near enough: on the benchmark's tiers 0.9 ms a rare word on
 *  10MB and 2.5 ms on 100MB, a third of a results page with snippets there. This is the same
 *  lists, read once per revision into arrays (words in byte order, one posting array per
 *  fragment), and the same choice: in byte order, each candidate whose count of shared
 *  fragments is within two of the best count met so far is weighed, and the one at the
 *  smallest edit distance (at most `max_distance`, code points, a transposition counting one),
 *  then the most frequent, then the first, is kept; nothing when the word itself is at least
 *  as frequent.
 */
#ifndef RAPPORTEUR_SPELLING_INDEX_H
#define RAPPORTEUR_SPELLING_INDEX_H

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapporteur {

class SpellingIndex {
  public:
    /// Reads every word of `dictionary`'s spelling table and its frequency.
    explicit SpellingIndex(const Xapian::Database& dictionary);

    /** The correction of `word` (UTF-8, folded as the dictionary's words are), or "" when none:
     *  what `dictionary.get_spelling_suggestion(word, max_distance)` answers. */
    std::string suggest(std::string_view word, unsigned max_distance) const;

    /// How many words the dictionary holds.
    std::size_t size() const { return freqs_.size(); }

    /** How many of these this process has read: what tells a test that a searcher answered
     *  from memory (one a revision), since its answers are the same. */
    static std::size_t built();

  private:
    std::string_view word(std::uint32_t i) const;

    std::string words_;                  ///< every word, in byte order, end to end
    std::vector<std::uint32_t> ends_;    ///< word i is words_[ends_[i-1], ends_[i])
    std::vector<Xapian::doccount> freqs_;
    std::unordered_map<std::uint32_t, std::uint32_t> fragments_; ///< fragment's bytes → its number k
    std::vector<std::uint32_t> starts_;  ///< fragment k's words are postings_[starts_[k], starts_[k+1])
    std::vector<std::uint32_t> postings_; ///< word numbers, ascending within a fragment
};

} // namespace rapporteur

#endif
