/** @file spelling_buffer.h
 *  @brief Spelling-dictionary additions gathered across files and given to Xapian in bulk.
 */
#ifndef RAPPORTEUR_SPELLING_BUFFER_H
#define RAPPORTEUR_SPELLING_BUFFER_H

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <unordered_map>

namespace rapporteur {

/** Words for the spelling dictionary, summed in memory until write_to().
 *
 *  Xapian's spelling table keeps every word under each of its trigram fragments, and at each
 *  flush rewrites (and recompresses) the whole entry of every fragment a new word touches. Fed
 *  file by file, the dictionary was rewritten at each of Xapian's document-count flushes, which
 *  was a third of the indexing time on the 100MB benchmark tier. Buffered, it is merged once per
 *  `max_words` distinct words (and at the end), which also bounds the memory of both this buffer
 *  and Xapian's pending fragments. */
class SpellingBuffer {
  public:
    /// The default bound: about 40 MB of memory for the buffer and Xapian's pending fragments.
    static constexpr std::size_t DEFAULT_MAX_WORDS = 50'000;

    explicit SpellingBuffer(std::size_t max_words = DEFAULT_MAX_WORDS) : max_words_(max_words) {}

    /// Adds one file's words (word → number of passages using it).
    void add(const std::map<std::string, Xapian::termcount>& words) {
        for (const auto& [word, count] : words) words_[word] += count;
    }

    /** True when the buffer holds max_words distinct words or more: time to write_to(), and to
     *  commit where the writer can (outside a transaction; inside one, Xapian keeps the words
     *  until the transaction's commit, which --commit-mb bounds). */
    [[nodiscard]] bool full() const { return words_.size() >= max_words_; }

    [[nodiscard]] std::size_t size() const { return words_.size(); }

    /// Gives every buffered word to `db` (which keeps them until its next commit) and empties.
    void write_to(Xapian::WritableDatabase& db) {
        for (const auto& [word, count] : words_) db.add_spelling(word, count);
        words_.clear();
    }

  private:
    std::size_t max_words_;
    std::unordered_map<std::string, Xapian::termcount> words_;
};

} // namespace rapporteur

#endif
