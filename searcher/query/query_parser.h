/** @file query_parser.h
 *  @brief The query language → Xapian::Query, built from the analyzers' own query words.
 *
 *  The façade of searcher/query/: lexer.h (text → lexemes), parser.h (lexemes → syntax tree),
 *  compiler.h (tree → Xapian::Query); field_filters.cc holds field_term and filter_query.
 */
#ifndef RAPPORTEUR_QUERY_PARSER_H
#define RAPPORTEUR_QUERY_PARSER_H

#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"

#include "term_vocabulary.h"

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace rapporteur {

/// One ranked part of a query, for --explain: what was typed and the query it became.
struct QueryLeaf {
    std::string label;
    Xapian::Query query;
};

/// A phrase to highlight as one span: per word, the index terms it may take.
struct HighlightPhrase {
    std::vector<std::set<std::string>> words;
    std::uint32_t max_gap = 1; ///< allowed position step (more than 1 when stop words were left out)
};

/// A query word that no passage contains, with where it stood in the query text.
struct UnknownWord {
    std::string original;
    std::size_t start = 0, end = 0; ///< byte offsets into the (possibly cut) query text
    std::string term;               ///< its main index term
};

/// A parsed query, ready for Enquire.
struct ParsedQuery {
    Xapian::Query query;                   ///< empty when there is nothing to search for
    std::vector<QueryLeaf> leaves;         ///< ranked parts, their weights sum to a hit's score
    std::set<std::string> highlight_terms; ///< unprefixed terms to mark wherever they occur
    std::vector<HighlightPhrase> highlight_phrases;
    std::vector<std::string> highlight_prefixes; ///< wildcard prefixes (unprefixed terms)
    std::vector<UnknownWord> unknown;
    std::vector<std::string> notices;
    std::string text; ///< the query text parsed (after the byte limit)
};

/** Which terms the index has, remembered across queries. A lookup over shards is a round trip
 *  to every shard in turn, and a query asks for each form of each word in each field, so the
 *  answers are kept for as long as the database does not change: its owner calls clear() when
 *  it does (a new revision, a new union of shards). Holds at most MAX_TERMS answers (then
 *  starts again empty). Not thread-safe, like the Database it asks. */
class TermCache {
  public:
    static constexpr std::size_t MAX_TERMS = 1 << 16;
    /// Whether `db` has `term` (from `vocabulary` when given, else Database::term_exists), asked
    /// once per term until clear().
    bool exists(const Xapian::Database& db, const std::string& term, const TermVocabulary* vocabulary = nullptr);
    void clear() { known_.clear(); }

  private:
    std::unordered_map<std::string, bool> known_;
};

/** Parses the query language. Knows the database (for term frequencies, canonical entity
 *  names and wildcard expansion) and the analyzer (for words). */
class QueryParser {
  public:
    /// `vocabulary`: the small fields' terms of `db`'s revision (null: every term looked up);
    /// `terms`: answers of term lookups kept across queries (the searcher's), else per query.
    QueryParser(const Xapian::Database& db, const Analyzer& analyzer, const SearchOptions& options,
                const TermVocabulary* vocabulary = nullptr, TermCache* terms = nullptr);

    /** Parse `text`. Never throws on bad syntax: the text is then read as plain words and
     *  a notice says so. Every bound of SearchLimits that was hit adds a notice. */
    ParsedQuery parse(const std::string& text) const;

    /** The boolean query of drill-down filters (AND across fields, OR within one), or an
     *  empty query when there are none. Unknown field names throw UsageError. */
    Xapian::Query filter_query(const std::map<std::string, std::vector<std::string>>& filters,
                               std::vector<std::string>& notices) const;

    /// The index term for a field value ("org", "GRETA" → "XOGRETA"), matched case-insensitively.
    std::string field_term(const std::string& field, const std::string& value) const;

    /// Whether the index has `term` (from the vocabulary when it holds the term's prefix).
    bool term_exists(const std::string& term) const {
        if (terms_) return terms_->exists(db_, term, vocabulary_);
        return vocabulary_ ? vocabulary_->exists(db_, term) : db_.term_exists(term);
    }
    const TermVocabulary* vocabulary() const { return vocabulary_; }

  private:
    const Xapian::Database& db_;
    const Analyzer& analyzer_;
    const SearchOptions& options_;
    const TermVocabulary* vocabulary_;
    TermCache* terms_;
};

} // namespace rapporteur

#endif
