/** @file compiler.h
 *  @brief The query language's third stage: syntax tree → Xapian::Query, each word turned
 *         into the analyzers' own terms field by field, with the highlight side tables.
 */
#ifndef RAPPORTEUR_SEARCHER_QUERY_COMPILER_H
#define RAPPORTEUR_SEARCHER_QUERY_COMPILER_H

#include "parser.h"
#include "query_parser.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rapporteur::query {

/// `op` over the non-empty `parts`: an empty query when there are none, the part itself when one.
Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts);

/** `base`, with each non-empty part of `bonus` adding its weight where it matches: one
 *  OP_AND_MAYBE a part, not one over their OR. Xapian 1.4.22's matcher can give an OR of
 *  optional parts the weight of a phrase among them that the passage does not hold, once the
 *  match's minimum weight lets it turn the OR into an AND_MAYBE while the phrase is being
 *  checked (`"de fichier"`: 25.95 for a passage whose parts weigh 18.90, on a shard of
 *  131,820 passages; one database of 526,468 did not show it); a chain of AND_MAYBEs gives
 *  every passage the sum of the parts it holds. */
Xapian::Query add_bonus(Xapian::Query base, const std::vector<Xapian::Query>& bonus);

/** The query compiler: tree → Xapian::Query, filling the ParsedQuery's side tables (leaves,
 *  highlights, unknown words, notices). One per query: it counts
 *  words against `max_query_words`. Words, wildcards and lists are in compiler.cc; phrases
 *  and NEAR (positional queries) in phrase_compiler.cc. */
class Compiler {
  public:
    Compiler(const Xapian::Database& db, const Analyzer& analyzer, const SearchOptions& options,
             const QueryParser& parser, ParsedQuery& out, TermCache& terms)
        : db_(db), analyzer_(analyzer), options_(options), terms_(terms), parser_(parser), out_(out) {}

    /// Analyses the words of TEXT and PHRASE nodes and reads `in:` scopes; before compile().
    void prepare(Node& node);

    /// The query of `node`; `positive` parts are ranked (and highlighted, and explained).
    Xapian::Query compile(const Node& node, bool positive);

  private:
    enum class Scope { ALL, TEXT, FOOTNOTES };

    static Xapian::Query match_all();
    /// The fields free words search (term prefix, weight), the passage text first.
    std::vector<std::pair<std::string, double>> fields() const;
    /// The positional prefix (phrases and NEAR work on one field).
    std::string positional_prefix() const;
    /// Counts one more query word; false (and a notice, once) past `max_query_words`.
    bool take_word();
    void note_highlight(const QueryWord& w);
    /// Whether the index has `term`, each term looked up once per revision (TermCache).
    bool exists(const std::string& term) const;
    /// w's alternatives whose every term the index has under `prefix`.
    std::vector<QueryAlternative> indexed_alternatives(const QueryWord& w, const std::string& prefix) const;
    /// Whether some field has some form of `w`.
    bool known(const QueryWord& w) const;

    /// A single word; `chunk_start` is the byte offset of its chunk in the query text.
    Xapian::Query word_query(QueryWord w, std::size_t chunk_start, bool positive);
    /// The index forms of a wildcard's prefix: case-folded, and as the analyzer writes it.
    std::vector<std::string> wildcard_forms(const std::string& prefix) const;
    Xapian::Query wildcard_query(const std::string& prefix, bool positive);
    /// Whether item `k` of `list` belongs to a run of free words (a word typed without a sign).
    static bool in_run(const Node& list, std::size_t k);
    /// Analyses the run of free words, items [first, last] of `list`, as one text.
    void prepare_run(Node& list, std::size_t first, std::size_t last);
    /** A reading of several words of a run together (QueryGroup), over the fields that hold it;
     *  empty when no field does. `label` names the words it reads, for --explain; its weight is
     *  multiplied by `weight_factor` (the words it stands for). */
    Xapian::Query group_query(const QueryGroup& g, const std::string& label, double weight_factor, bool positive);
    /// Juxtaposed items: +required, -excluded, the others optional; field items filter.
    Xapian::Query list_query(const Node& node, bool positive);

    // phrase_compiler.cc
    /// One word of a phrase or NEAR: its one-term forms (unprefixed).
    static std::vector<std::string> slot_terms(const QueryWord& w);
    /// The most frequent index terms starting with `pattern` (a wildcard inside NEAR), at most `max`.
    std::vector<std::string> expand(const std::string& pattern, std::size_t max) const;
    /// A word's index forms at successive positions: one slot of alternative terms a position.
    using Layout = std::vector<std::vector<std::string>>;
    /** The ways `w` may stand in a passage: at one position (its one-term forms), or spread over
     *  several (a compound written with hyphens, a closed compound's split, a run of CJK words),
     *  one layout per number of positions, the layout of the word as typed first (a word typed
     *  with hyphens: spread over its parts). Empty when the word has no forms. */
    static std::vector<Layout> layouts(const QueryWord& w);
    /** A positional query over slots of alternative terms (full terms, prefix included): each
     *  slot the OP_OR of its terms. Empty when a slot is empty; the slot itself when only one. */
    static Xapian::Query positional(Xapian::Query::op op, const std::vector<std::vector<std::string>>& slots,
                                    Xapian::termcount window);
    /// A quoted phrase, or a word joined by punctuation ("non-punishment"), labelled `label`.
    Xapian::Query phrase_query(const std::vector<QueryWord>& words, const std::string& label, bool positive);
    Xapian::Query near_query(const Node& node, bool positive);

    const Xapian::Database& db_;
    const Analyzer& analyzer_;
    const SearchOptions& options_;
    TermCache& terms_; ///< term → in the index, the searcher's or this query's
    const QueryParser& parser_;
    ParsedQuery& out_;
    Scope scope_ = Scope::ALL;
    bool all_stop_ = true; ///< every free word is a stop word: then they are searched
    std::size_t words_ = 0;
    bool words_capped_ = false;
};

} // namespace rapporteur::query

#endif
