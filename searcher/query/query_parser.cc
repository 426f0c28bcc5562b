/** @file query_parser.cc
 *  @brief The query language's façade: cut to the byte limit, lex → parse → compile, and the
 *         fallback to plain words when the syntax is bad.
 */
#include "query_parser.h"

#include "compiler.h"
#include "lexer.h"
#include "parser.h"

#include "rapporteur/utf8.h"

#include <optional>

namespace rapporteur {

bool TermCache::exists(const Xapian::Database& db, const std::string& term, const TermVocabulary* vocabulary) {
    if (const auto it = known_.find(term); it != known_.end()) return it->second;
    if (known_.size() >= MAX_TERMS) known_.clear();
    const bool found = vocabulary ? vocabulary->exists(db, term) : db.term_exists(term);
    known_.emplace(term, found);
    return found;
}

QueryParser::QueryParser(const Xapian::Database& db, const Analyzer& analyzer, const SearchOptions& options,
                         const TermVocabulary* vocabulary, TermCache* terms)
    : db_(db), analyzer_(analyzer), options_(options), vocabulary_(vocabulary), terms_(terms) {}

ParsedQuery QueryParser::parse(const std::string& raw) const {
    using query::Node;
    ParsedQuery out;
    out.text = raw;
    if (raw.size() > options_.limits.max_query_bytes) {
        out.text = utf8::prefix(raw, options_.limits.max_query_bytes);
        out.notices.push_back("the query is longer than " + std::to_string(options_.limits.max_query_bytes) +
                              " bytes; only its first " + std::to_string(out.text.size()) + " bytes were read");
    }
    Node tree;
    std::optional<std::string> error;
    bool capped_near = false;
    try {
        query::Parser parser(query::lex(out.text, options_.limits.max_proximity), options_.limits.max_depth);
        tree = parser.parse();
        capped_near = parser.capped_near;
    } catch (const query::SyntaxError& e) {
        error = e.what;
    }
    if (error) {
        // Plain words: every chunk as typed, operators and quotes taken as text.
        tree = Node{};
        tree.kind = Node::LIST;
        for (auto& w : analyzer_.analyze_query(out.text, options_.lang)) {
            Node one;
            one.kind = Node::TEXT;
            one.text = w.original;
            one.start = w.start; // byte offset in the query text
            tree.kids.push_back(std::move(one));
            tree.signs.push_back(0);
        }
        out.notices.push_back("query syntax: " + *error + "; the query was read as plain words");
    }
    if (capped_near) {
        out.notices.push_back("NEAR/n is limited to " + std::to_string(options_.limits.max_proximity) +
                              " words; a larger n was read as NEAR/" + std::to_string(options_.limits.max_proximity));
    }
    TermCache own; // no searcher's cache: this query's lookups only
    query::Compiler compiler(db_, analyzer_, options_, *this, out, terms_ ? *terms_ : own);
    compiler.prepare(tree);
    out.query = compiler.compile(tree, true);
    return out;
}

} // namespace rapporteur
