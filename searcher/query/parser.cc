/** @file parser.cc
 *  @brief The recursive-descent parser: one function per precedence level.
 */
#include "parser.h"

namespace rapporteur::query {

Node Parser::parse() {
    Node list = parse_list();
    if (cur().kind == Tok::RPAREN) throw SyntaxError{"unmatched ')' at byte " + std::to_string(cur().start)};
    return list;
}

bool Parser::starts_primary(Tok t) {
    return t == Tok::WORD || t == Tok::PHRASE || t == Tok::WILDCARD || t == Tok::FIELD || t == Tok::LPAREN;
}

Node Parser::parse_list() {
    Node list;
    list.kind = Node::LIST;
    while (cur().kind != Tok::END && cur().kind != Tok::RPAREN) {
        int sign = cur().sign;
        // "NOT x" opening an item means -x.
        if (cur().kind == Tok::NOT && starts_primary(lx_[pos_ + 1].kind)) {
            advance();
            sign = -1;
        }
        Node item = parse_or();
        list.kids.push_back(std::move(item));
        list.signs.push_back(sign);
    }
    return list;
}

Node Parser::binary(Node::Kind kind, Node left, Node right) {
    if (left.kind == kind && kind != Node::AND_NOT) {
        left.kids.push_back(std::move(right));
        return left;
    }
    Node n;
    n.kind = kind;
    n.kids.push_back(std::move(left));
    n.kids.push_back(std::move(right));
    return n;
}

Node Parser::parse_or() {
    Node left = parse_and();
    while (cur().kind == Tok::OR) {
        advance();
        left = binary(Node::OR, std::move(left), parse_and());
    }
    return left;
}

Node Parser::parse_and() {
    Node left = parse_near();
    for (;;) {
        if (cur().kind == Tok::AND) {
            advance();
            if (cur().kind == Tok::NOT) {
                advance();
                left = binary(Node::AND_NOT, std::move(left), parse_near());
            } else {
                left = binary(Node::AND, std::move(left), parse_near());
            }
        } else if (cur().kind == Tok::NOT) {
            advance();
            left = binary(Node::AND_NOT, std::move(left), parse_near());
        } else {
            return left;
        }
    }
}

Node Parser::parse_near() {
    Node left = parse_primary();
    while (cur().kind == Tok::NEAR) {
        std::size_t window = cur().window;
        capped_near = capped_near || cur().window_capped;
        advance();
        Node right = parse_primary();
        for (const Node* side : {&left, &right}) {
            if (side->kind != Node::TEXT && side->kind != Node::PHRASE && side->kind != Node::WILDCARD &&
                side->kind != Node::NEAR) {
                throw SyntaxError{"NEAR needs words on both sides"};
            }
        }
        if (left.kind == Node::NEAR) {
            left.window = window;
            left.kids.push_back(std::move(right));
        } else {
            Node n;
            n.kind = Node::NEAR;
            n.window = window;
            n.kids.push_back(std::move(left));
            n.kids.push_back(std::move(right));
            left = std::move(n);
        }
    }
    return left;
}

Node Parser::parse_primary() {
    const Lexeme& l = cur();
    Node n;
    n.text = l.text;
    n.start = l.start;
    switch (l.kind) {
        case Tok::LPAREN: {
            if (++depth_ > max_depth_) {
                throw SyntaxError{"parentheses nested deeper than " + std::to_string(max_depth_)};
            }
            const std::size_t open = l.start;
            advance();
            n = parse_list();
            if (cur().kind != Tok::RPAREN) throw SyntaxError{"unclosed '(' at byte " + std::to_string(open)};
            if (n.kids.empty()) throw SyntaxError{"empty parentheses at byte " + std::to_string(open)};
            advance();
            --depth_;
            return n;
        }
        case Tok::WORD: n.kind = Node::TEXT; break;
        case Tok::PHRASE: n.kind = Node::PHRASE; break;
        case Tok::WILDCARD: n.kind = Node::WILDCARD; break;
        case Tok::FIELD:
            n.kind = Node::FIELD;
            n.field = l.field;
            break;
        case Tok::END: throw SyntaxError{"the query ends with an operator"};
        default: throw SyntaxError{std::string("dangling ") + tok_name(l.kind) + " at byte " + std::to_string(l.start)};
    }
    advance();
    return n;
}

} // namespace rapporteur::query
