/** @file highlighter.h
 *  @brief Highlights and snippets from the byte offsets the indexer stored for each word
 *         position: no re-tokenising, so what is marked is exactly what matched.
 */
#ifndef RAPPORTEUR_HIGHLIGHTER_H
#define RAPPORTEUR_HIGHLIGHTER_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapporteur {

/// A byte range [start, end) of a passage's text.
struct ByteRange {
    std::size_t start = 0, end = 0;
    bool operator==(const ByteRange& o) const { return start == o.start && end == o.end; }
};

/// Word positions (Xapian's, 1-based), first and last inclusive.
using PositionSpan = std::pair<std::uint32_t, std::uint32_t>;

/** Highlighting over one passage: its text and the offsets of its word positions
 *  (flat [start, end, ...]: position p has offsets[2(p-1)], offsets[2(p-1)+1]). */
class Highlighter {
  public:
    Highlighter(std::string_view text, std::vector<std::uint32_t> offsets);

    /** Occurrences of a phrase: `words[i]` holds the positions of the i-th word's terms
     *  (sorted). A match is a chain of positions, each after the previous one by at most
     *  `max_gap`. Returns the span of each match. */
    static std::vector<PositionSpan> find_phrases(const std::vector<std::vector<std::uint32_t>>& words,
                                                  std::uint32_t max_gap);

    /** Spans → sorted, disjoint byte ranges. Overlapping spans merge, and so do spans of
     *  neighbouring positions joined by no white space ("non" + "-" + "punishment" is one
     *  highlight, as typed). Positions without stored offsets are skipped. */
    std::vector<ByteRange> ranges(std::vector<PositionSpan> spans) const;

    /** The best window of at most about `max_chars` code points: the one covering the most
     *  distinct marked words, then the most marks, then the earliest; widened to use the
     *  budget around them; its ends always on word boundaries (a single word longer than
     *  the budget is kept whole). The whole text when it is short enough. */
    ByteRange best_window(const std::vector<ByteRange>& marks, std::size_t max_chars) const;

    /** The window's text with marks wrapped in `open`/`close`, "…" where the text was cut;
     *  the passage text HTML-escaped when `html` (markers are inserted as given). */
    std::string render(ByteRange window, const std::vector<ByteRange>& marks, std::string_view open,
                       std::string_view close, bool html) const;

  private:
    std::string_view text_;
    std::vector<std::uint32_t> offsets_;
    std::vector<ByteRange> words_; ///< every word's byte range, in text order
};

} // namespace rapporteur

#endif
