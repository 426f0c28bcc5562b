/** @file line_joiner.h
 *  @brief How a PDF line's last word meets the next line's first word: with a space, glued (a
 *         URL broken at a slash, a compound broken at its own hyphen), or rejoined without the
 *         hyphen that hyphenation added. The document is its own dictionary.
 */
#ifndef RAPPORTEUR_READERS_LINE_JOINER_H
#define RAPPORTEUR_READERS_LINE_JOINER_H

#include <string>
#include <string_view>
#include <unordered_set>

namespace rapporteur {

/// Decides the joins of a document's line ends from the words it uses elsewhere.
class LineJoiner {
  public:
    enum class Join {
        SPACE,       ///< "end" + " " + "next"
        GLUE,        ///< "end" + "next" (a compound's own hyphen kept, a URL's break)
        DROP_HYPHEN, ///< "hyphen-" + "ation" → "hyphenation"
    };

    /// Learns a word that stood inside a line (not at its end), as written.
    void learn(std::string_view word);

    /** The join of `end` (the last word of a line) and `next` (the first word of the line
     *  after). A line end "word-" followed by a letter is hyphenation unless the document
     *  writes "word-next" elsewhere and never "wordnext", the part before the hyphen is a
     *  prefix that English compounds keep (anti-, co-, non-, ...) or a word of four letters or
     *  more the document uses alone followed by no suffix ("victim-" "centred"), or `next`
     *  starts with a capital or a digit ("COVID-" "19"). A URL broken after / . - _ = ? & # is
     *  glued. */
    Join join(std::string_view end, std::string_view next) const;

  private:
    std::unordered_set<std::string> words_; ///< case-folded, outer punctuation trimmed
};

/// `word` case-folded with its leading and trailing punctuation trimmed (inner hyphens kept).
std::string dictionary_form(std::string_view word);

} // namespace rapporteur

#endif
