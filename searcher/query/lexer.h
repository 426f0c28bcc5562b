/** @file lexer.h
 *  @brief The query language's first stage: query text → lexemes (words, phrases, wildcards,
 *         fields, parentheses, operators).
 */
#ifndef RAPPORTEUR_SEARCHER_QUERY_LEXER_H
#define RAPPORTEUR_SEARCHER_QUERY_LEXER_H

#include <cstddef>
#include <string>
#include <vector>

namespace rapporteur::query {

/// A syntax error, from the lexer or the parser: the whole query is then read as plain words.
struct SyntaxError {
    std::string what;
};

/// The kinds of lexeme; END closes every lexeme list.
enum class Tok { WORD, PHRASE, WILDCARD, FIELD, LPAREN, RPAREN, AND, OR, NOT, NEAR, END };

/// One lexeme of the query text.
struct Lexeme {
    Tok kind = Tok::END;
    std::string text;           ///< the word, phrase content, wildcard prefix or field value
    std::string field;          ///< for FIELD
    std::size_t start = 0;      ///< byte offset of `text` in the query
    int sign = 0;               ///< +1 for +must, -1 for -mustnot
    std::size_t window = 10;    ///< for NEAR/n
    bool window_capped = false; ///< NEAR/n had an n over `max_proximity`, read as max_proximity
};

/** Splits the query text `q` into lexemes, the last one END. Operators are upper-case
 *  `AND`, `OR`, `NOT`, `NEAR`, `NEAR/n` (n over `max_proximity`, or overflowing, becomes
 *  max_proximity and sets `window_capped`). Throws SyntaxError on an unclosed quote, a field
 *  without a value, or `NEAR/` without a number. */
std::vector<Lexeme> lex(const std::string& q, std::size_t max_proximity);

/// An operator's name as typed ("AND", ")"), for messages; "operator" for the others.
const char* tok_name(Tok t);

} // namespace rapporteur::query

#endif
