/** @file lexer.cc
 *  @brief The query lexer: signs, quotes, parentheses, operators, fields and wildcards.
 */
#include "lexer.h"

#include "rapporteur/base/lines.h"
#include "rapporteur/format/schema.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace rapporteur::query {

namespace {

/// A field the query language knows: a schema field, or "in" (which part of a passage).
bool is_field_name(std::string_view name) { return name == "in" || schema::find_field(name) != nullptr; }

bool ends_chunk(char c) { return lines::is_space(c) || c == '(' || c == ')' || c == '"'; }

} // namespace

std::vector<Lexeme> lex(const std::string& q, std::size_t max_proximity) {
    using lines::is_space;
    std::vector<Lexeme> out;
    std::size_t i = 0;
    const std::size_t n = q.size();
    auto read_quoted = [&](std::size_t open) {
        auto close = q.find('"', open + 1);
        if (close == std::string::npos) {
            throw SyntaxError{"unclosed quote at byte " + std::to_string(open)};
        }
        return close;
    };
    while (i < n) {
        if (is_space(q[i])) {
            ++i;
            continue;
        }
        Lexeme lx;
        // A sign binds to what follows it directly ("-word", "+\"a phrase\"", "-(a b)").
        if ((q[i] == '+' || q[i] == '-') && i + 1 < n && !is_space(q[i + 1])) {
            lx.sign = q[i] == '+' ? 1 : -1;
            ++i;
        }
        if (q[i] == '(' || q[i] == ')') {
            lx.kind = q[i] == '(' ? Tok::LPAREN : Tok::RPAREN;
            lx.start = i++;
            out.push_back(lx);
            continue;
        }
        if (q[i] == '"') {
            auto close = read_quoted(i);
            lx.kind = Tok::PHRASE;
            lx.start = i + 1;
            lx.text = q.substr(i + 1, close - i - 1);
            i = close + 1;
            out.push_back(lx);
            continue;
        }
        std::size_t j = i;
        while (j < n && !ends_chunk(q[j])) ++j;
        std::string chunk = q.substr(i, j - i);
        lx.start = i;
        if (lx.sign == 0 && (chunk == "AND" || chunk == "OR" || chunk == "NOT")) {
            lx.kind = chunk == "AND" ? Tok::AND : chunk == "OR" ? Tok::OR : Tok::NOT;
        } else if (lx.sign == 0 && (chunk == "NEAR" || chunk.rfind("NEAR/", 0) == 0)) {
            lx.kind = Tok::NEAR;
            if (chunk.size() > 5) {
                std::size_t value = 0;
                auto digits = std::string_view(chunk).substr(5);
                auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
                if (p != digits.data() + digits.size() || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
                    throw SyntaxError{"NEAR/ needs a number, not '" + std::string(digits) + "'"};
                }
                if (ec == std::errc::result_out_of_range || value > max_proximity) {
                    value = max_proximity;
                    lx.window_capped = true;
                }
                lx.window = std::max<std::size_t>(value, 1);
            }
        } else if (auto colon = chunk.find(':');
                   colon != std::string::npos && colon > 0 && is_field_name(std::string_view(chunk).substr(0, colon))) {
            lx.kind = Tok::FIELD;
            lx.field = chunk.substr(0, colon);
            lx.text = chunk.substr(colon + 1);
            if (lx.text.empty() && j < n && q[j] == '"') {
                auto close = read_quoted(j);
                lx.text = q.substr(j + 1, close - j - 1);
                j = close + 1;
            }
            if (lx.text.empty()) throw SyntaxError{lx.field + ": has no value"};
        } else if (chunk.size() >= 1 && chunk.back() == '*') {
            lx.kind = Tok::WILDCARD;
            lx.text = chunk.substr(0, chunk.size() - 1);
        } else {
            lx.kind = Tok::WORD;
            lx.text = chunk;
        }
        i = j;
        out.push_back(lx);
    }
    out.push_back(Lexeme{});
    return out;
}

const char* tok_name(Tok t) {
    switch (t) {
        case Tok::AND: return "AND";
        case Tok::OR: return "OR";
        case Tok::NOT: return "NOT";
        case Tok::NEAR: return "NEAR";
        case Tok::RPAREN: return ")";
        default: return "operator";
    }
}

} // namespace rapporteur::query
