/** @file term_vocabulary.h
 *  @brief Whether the index has a term, the small fields' vocabularies (session titles,
 *         footnotes, languages, kinds) held in memory for one database revision.
 */
#ifndef RAPPORTEUR_TERM_VOCABULARY_H
#define RAPPORTEUR_TERM_VOCABULARY_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/** A query looks each form of each word up in every field it searches: the text, the session
 *  title (T) and the footnotes (F). The title and footnote fields have few words beside the
 *  text, and each lookup there is a B-tree descent into another part of the table (a block
 *  read and a copy each); so every term of such a prefix is read once a revision into a
 *  sorted table and answered from it. A prefix with more than `max_terms` terms keeps the
 *  lookups (its table would cost more to read than it saves). The answers are the database's
 *  own: a term is held exactly when `db.term_exists` says so for that revision. */
class TermVocabulary {
  public:
    static constexpr std::size_t DEFAULT_MAX_TERMS = 8192;

    /// Reads the held prefixes' terms (at most max_terms + 1 each) from `db`, which must stay
    /// open and at this revision while the vocabulary is used.
    explicit TermVocabulary(const Xapian::Database& db, std::size_t max_terms = DEFAULT_MAX_TERMS);

    /// Whether `db` (the database given to the constructor) has `term`.
    bool exists(const Xapian::Database& db, const std::string& term) const;

    /// How many prefixes are answered from memory (for tests and figures).
    std::size_t held_prefixes() const;

  private:
    struct Prefix {
        std::string prefix;
        bool held = false;              ///< false: too many terms, looked up
        std::vector<std::string> terms; ///< sorted, prefix included
    };
    std::vector<Prefix> prefixes_;
};

} // namespace rapporteur

#endif
