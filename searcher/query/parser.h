/** @file parser.h
 *  @brief The query language's second stage: lexemes → syntax tree (Node), by recursive
 *         descent. Precedence, loosest first: juxtaposition (with +/-), OR, AND/NOT, NEAR.
 */
#ifndef RAPPORTEUR_SEARCHER_QUERY_PARSER_H
#define RAPPORTEUR_SEARCHER_QUERY_PARSER_H

#include "lexer.h"

#include "rapporteur/analyzers.h"

#include <cstddef>
#include <string>
#include <vector>

namespace rapporteur::query {

/// The syntax tree.
struct Node {
    enum Kind { TEXT, PHRASE, WILDCARD, FIELD, AND, OR, AND_NOT, NEAR, LIST } kind = LIST;
    std::string text, field;
    std::size_t start = 0;
    std::size_t window = 10;
    std::vector<Node> kids;
    std::vector<int> signs;       ///< for LIST, one per kid
    std::vector<QueryWord> words; ///< analysed TEXT/PHRASE (filled by the compiler's prepare)
};

/// The recursive-descent parser over one query's lexemes.
class Parser {
  public:
    /// `lexemes` as lex() returns them (ending with END); parentheses deeper than `max_depth` throw.
    Parser(std::vector<Lexeme> lexemes, std::size_t max_depth) : lx_(std::move(lexemes)), max_depth_(max_depth) {}

    /// The tree, a LIST at the root. Throws SyntaxError on a dangling operator, unmatched or
    /// empty parentheses, NEAR beside anything but words, or nesting deeper than max_depth.
    Node parse();

    bool capped_near = false; ///< some NEAR/n was capped at max_proximity (known after parse())

  private:
    const Lexeme& cur() const { return lx_[pos_]; }
    void advance() {
        if (pos_ + 1 < lx_.size()) ++pos_;
    }
    static bool starts_primary(Tok t);

    Node parse_list();
    Node binary(Node::Kind kind, Node left, Node right);
    Node parse_or();
    Node parse_and();
    Node parse_near();
    Node parse_primary();

    std::vector<Lexeme> lx_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::size_t max_depth_;
};

} // namespace rapporteur::query

#endif
