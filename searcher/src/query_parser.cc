/** @file query_parser.cc
 *  @brief The query language → Xapian::Query: a lexer, a recursive-descent parser and a
 *         compiler that turns each word into the analyzers' own terms, field by field.
 */
#include "query_parser.h"
#include "rapporteur/utf8.h"
#include "text_util.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

namespace rapporteur {

namespace {

/// A syntax error: the whole query is then read as plain words.
struct SyntaxError {
    std::string what;
};

enum class Tok { WORD, PHRASE, WILDCARD, FIELD, LPAREN, RPAREN, AND, OR, NOT, NEAR, END };

struct Lexeme {
    Tok kind = Tok::END;
    std::string text;   ///< the word, phrase content, wildcard prefix or field value
    std::string field;  ///< for FIELD
    std::size_t start = 0; ///< byte offset of `text` in the query
    int sign = 0;       ///< +1 for +must, -1 for -mustnot
    std::size_t window = 10; ///< for NEAR/n
    bool window_capped = false;
};

/// A field the query language knows: a schema field, or "in" (which part of a passage).
bool is_field_name(std::string_view name) { return name == "in" || schema::find_field(name) != nullptr; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool ends_chunk(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

/// Splits the query text into lexemes. Throws SyntaxError on an unclosed quote.
std::vector<Lexeme> lex(const std::string& q, std::size_t max_proximity) {
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
        if (is_space(q[i])) { ++i; continue; }
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

/// The syntax tree.
struct Node {
    enum Kind { TEXT, PHRASE, WILDCARD, FIELD, AND, OR, AND_NOT, NEAR, LIST } kind = LIST;
    std::string text, field;
    std::size_t start = 0;
    std::size_t window = 10;
    std::vector<Node> kids;
    std::vector<int> signs; ///< for LIST, one per kid
    std::vector<QueryWord> words; ///< analysed TEXT/PHRASE
};

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

class Parser {
  public:
    Parser(std::vector<Lexeme> lexemes, std::size_t max_depth) : lx_(std::move(lexemes)), max_depth_(max_depth) {}

    Node parse() {
        Node list = parse_list();
        if (cur().kind == Tok::RPAREN) throw SyntaxError{"unmatched ')' at byte " + std::to_string(cur().start)};
        return list;
    }
    bool capped_near = false;

  private:
    const Lexeme& cur() const { return lx_[pos_]; }
    void advance() { if (pos_ + 1 < lx_.size()) ++pos_; }
    static bool starts_primary(Tok t) {
        return t == Tok::WORD || t == Tok::PHRASE || t == Tok::WILDCARD || t == Tok::FIELD || t == Tok::LPAREN;
    }

    Node parse_list() {
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
    Node binary(Node::Kind kind, Node left, Node right) {
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
    Node parse_or() {
        Node left = parse_and();
        while (cur().kind == Tok::OR) {
            advance();
            left = binary(Node::OR, std::move(left), parse_and());
        }
        return left;
    }
    Node parse_and() {
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
    Node parse_near() {
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
    Node parse_primary() {
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
            case Tok::FIELD: n.kind = Node::FIELD; n.field = l.field; break;
            case Tok::END: throw SyntaxError{"the query ends with an operator"};
            default:
                throw SyntaxError{std::string("dangling ") + tok_name(l.kind) + " at byte " + std::to_string(l.start)};
        }
        advance();
        return n;
    }

    std::vector<Lexeme> lx_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::size_t max_depth_;
};

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    std::vector<Xapian::Query> kept;
    for (const auto& p : parts) {
        if (!p.empty()) kept.push_back(p);
    }
    if (kept.empty()) return {};
    if (kept.size() == 1) return kept.front();
    return Xapian::Query(op, kept.begin(), kept.end());
}

/// The query compiler: tree → Xapian::Query, filling the ParsedQuery's side tables.
class Compiler {
  public:
    Compiler(const Xapian::Database& db, const Analyzer& analyzer, const SearchOptions& options,
             const QueryParser& parser, ParsedQuery& out)
        : db_(db), analyzer_(analyzer), options_(options), parser_(parser), out_(out) {}

    void prepare(Node& node) {
        if (node.kind == Node::TEXT || node.kind == Node::PHRASE) {
            node.words = analyzer_.analyze_query(node.text, options_.lang);
            if (node.kind == Node::TEXT) {
                for (const auto& w : node.words) all_stop_ = all_stop_ && w.stopword;
            }
        }
        if (node.kind == Node::FIELD && node.field == "in") {
            if (node.text == "footnotes" || node.text == "footnote") scope_ = Scope::FOOTNOTES;
            else if (node.text == "text") scope_ = Scope::TEXT;
            else out_.notices.push_back("in:" + node.text + " is not a part of a passage (in:text or in:footnotes); ignored");
        }
        for (auto& k : node.kids) prepare(k);
    }

    Xapian::Query compile(const Node& node, bool positive) {
        switch (node.kind) {
            case Node::TEXT:
                if (node.words.size() == 1) return word_query(node.words.front(), node.start, positive);
                return phrase_query(node.words, node.text, positive);
            case Node::PHRASE:
                return phrase_query(node.words, "\"" + node.text + "\"", positive);
            case Node::WILDCARD: return wildcard_query(node.text, positive);
            case Node::FIELD:
                if (node.field == "in") return {};
                return Xapian::Query(parser_.field_term(node.field, node.text));
            case Node::AND: {
                std::vector<Xapian::Query> parts;
                for (const auto& k : node.kids) parts.push_back(compile(k, positive));
                return combine(Xapian::Query::OP_AND, parts);
            }
            case Node::OR: {
                std::vector<Xapian::Query> parts;
                for (const auto& k : node.kids) parts.push_back(compile(k, positive));
                return combine(Xapian::Query::OP_OR, parts);
            }
            case Node::AND_NOT: {
                Xapian::Query left = compile(node.kids[0], positive);
                Xapian::Query right = compile(node.kids[1], false);
                if (right.empty()) return left;
                if (left.empty()) left = match_all();
                return Xapian::Query(Xapian::Query::OP_AND_NOT, left, right);
            }
            case Node::NEAR: return near_query(node, positive);
            case Node::LIST: return list_query(node, positive);
        }
        return {};
    }

  private:
    enum class Scope { ALL, TEXT, FOOTNOTES };

    static Xapian::Query match_all() {
        // MatchAll would weigh each passage by its length; a pure filter ranks nothing.
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0.0);
    }

    std::vector<std::pair<std::string, double>> fields() const {
        switch (scope_) {
            case Scope::TEXT: return {{std::string(schema::PREFIX_TEXT), 1.0}};
            case Scope::FOOTNOTES: return {{std::string(schema::PREFIX_FOOTNOTE), 1.0}};
            case Scope::ALL: break;
        }
        std::vector<std::pair<std::string, double>> f = {{std::string(schema::PREFIX_TEXT), 1.0}};
        if (options_.title_weight > 0) f.emplace_back(std::string(schema::PREFIX_SESSION_TITLE), options_.title_weight);
        if (options_.footnote_weight > 0) f.emplace_back(std::string(schema::PREFIX_FOOTNOTE), options_.footnote_weight);
        return f;
    }
    /// The positional prefix (phrases and NEAR work on one field).
    std::string positional_prefix() const {
        return std::string(scope_ == Scope::FOOTNOTES ? schema::PREFIX_FOOTNOTE : schema::PREFIX_TEXT);
    }

    bool take_word() {
        if (words_ >= options_.limits.max_query_words) {
            if (!words_capped_) {
                words_capped_ = true;
                out_.notices.push_back("the query has more than " + std::to_string(options_.limits.max_query_words) +
                                       " words; the words after that were ignored");
            }
            return false;
        }
        ++words_;
        return true;
    }

    void note_highlight(const QueryWord& w) {
        // Highlights come from the passage text's positions: only its indexed forms count.
        for (const auto& a : indexed_alternatives(w, std::string(schema::PREFIX_TEXT))) {
            if (a.terms.size() == 1) {
                out_.highlight_terms.insert(a.terms.front());
            } else if (a.terms.size() > 1) {
                HighlightPhrase p;
                for (const auto& t : a.terms) p.words.push_back({t});
                out_.highlight_phrases.push_back(std::move(p));
            }
        }
    }

    /// Whether the index has `term`, each term looked up once per query.
    bool exists(const std::string& term) const {
        auto it = exists_.find(term);
        if (it == exists_.end()) it = exists_.emplace(term, db_.term_exists(term)).first;
        return it->second;
    }

    /// w's alternatives whose every term the index has under `prefix`.
    std::vector<QueryAlternative> indexed_alternatives(const QueryWord& w, const std::string& prefix) const {
        std::vector<QueryAlternative> out;
        for (const auto& a : w.alternatives) {
            bool all = !a.terms.empty();
            for (const auto& t : a.terms) all = all && exists(prefix + t);
            if (all) out.push_back(a);
        }
        return out;
    }

    bool known(const QueryWord& w) const {
        for (const auto& [prefix, weight] : fields()) {
            if (!indexed_alternatives(w, prefix).empty()) return true;
        }
        return false;
    }

    Xapian::Query word_query(QueryWord w, std::size_t chunk_start, bool positive) {
        if (w.stopword && !all_stop_) return {};
        if (!take_word()) return {};
        w.stopword = false; // build_query would leave a lone stop word out
        // Only the forms the index has: a word analysed in every candidate language has up to
        // ten, and each absent one would still cost the matcher a posting-list lookup. A word
        // the index has in no form keeps its query (it matches nothing, so "+word" still
        // empties the result instead of vanishing from the query).
        std::vector<Xapian::Query> parts;
        for (const auto& [prefix, weight] : fields()) {
            QueryWord here = w;
            here.alternatives = indexed_alternatives(w, prefix);
            if (here.alternatives.empty()) continue;
            Xapian::Query q = build_query({here}, prefix);
            if (q.empty()) continue;
            parts.push_back(weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight));
        }
        if (parts.empty()) parts.push_back(build_query({w}, fields().front().first));
        Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
        if (positive && !q.empty()) {
            out_.leaves.push_back({w.original, q});
            note_highlight(w);
            if (!known(w) && !w.alternatives.empty() && !w.alternatives.front().terms.empty()) {
                out_.unknown.push_back({w.original, chunk_start + w.start, chunk_start + w.end,
                                        w.alternatives.front().terms.front()});
            }
        }
        return q;
    }

    /// One word of a phrase or NEAR: its one-term forms (unprefixed).
    static std::vector<std::string> slot_terms(const QueryWord& w) {
        std::vector<std::string> terms;
        for (const auto& a : w.alternatives) {
            if (a.terms.size() == 1 && std::find(terms.begin(), terms.end(), a.terms.front()) == terms.end()) {
                terms.push_back(a.terms.front());
            }
        }
        return terms;
    }

    /// The most frequent index terms starting with `pattern` (a wildcard inside NEAR).
    std::vector<std::string> expand(const std::string& pattern, std::size_t max) const {
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        std::size_t scanned = 0;
        for (auto t = db_.allterms_begin(pattern); t != db_.allterms_end(pattern) && scanned < 100000; ++t, ++scanned) {
            found.emplace_back(t.get_termfreq(), *t);
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        std::vector<std::string> out;
        for (std::size_t i = 0; i < found.size() && i < max; ++i) out.push_back(found[i].second.substr(0));
        return out;
    }

    /** A positional query over slots of alternative terms (full terms, prefix included).
     *  Xapian 1.4's OP_PHRASE and OP_NEAR take only terms, so alternatives become the OR of
     *  one positional query per combination, at most MAX_COMBINATIONS of them (the later,
     *  less likely alternatives of the widest slot go first). */
    static Xapian::Query positional(Xapian::Query::op op, std::vector<std::vector<std::string>> slots,
                                    Xapian::termcount window) {
        constexpr std::size_t MAX_COMBINATIONS = 64;
        for (const auto& slot : slots) {
            if (slot.empty()) return {};
        }
        auto product = [&] {
            std::size_t p = 1;
            for (const auto& slot : slots) p *= slot.size();
            return p;
        };
        while (product() > MAX_COMBINATIONS) {
            auto widest = std::max_element(slots.begin(), slots.end(),
                                           [](const auto& a, const auto& b) { return a.size() < b.size(); });
            widest->pop_back();
        }
        std::vector<Xapian::Query> combos;
        std::vector<std::size_t> at(slots.size(), 0);
        for (;;) {
            std::vector<Xapian::Query> terms;
            for (std::size_t i = 0; i < slots.size(); ++i) terms.emplace_back(slots[i][at[i]]);
            combos.emplace_back(op, terms.begin(), terms.end(), window);
            std::size_t i = 0;
            while (i < slots.size() && ++at[i] == slots[i].size()) at[i++] = 0;
            if (i == slots.size()) break;
        }
        return combine(Xapian::Query::OP_OR, combos);
    }

    Xapian::Query phrase_query(const std::vector<QueryWord>& words, const std::string& label, bool positive) {
        if (words.empty()) return {};
        if (words.size() == 1) {
            QueryWord w = words.front();
            w.stopword = false; // a quoted stop word is wanted
            return word_query(w, 0, positive);
        }
        // Stop words stay in a phrase when the index has them; otherwise they are left out
        // and the window widened, so "victims of trafficking" still finds its passages.
        std::vector<const QueryWord*> kept;
        std::uint32_t dropped = 0;
        for (const auto& w : words) {
            bool indexed = false;
            for (const auto& a : w.alternatives) {
                if (a.terms.size() == 1 && exists(positional_prefix() + a.terms.front())) indexed = true;
            }
            if (w.stopword && !indexed) {
                ++dropped;
                continue;
            }
            if (!take_word()) break;
            kept.push_back(&w);
        }
        if (kept.empty()) return {};
        if (kept.size() == 1) {
            QueryWord w = *kept.front();
            w.stopword = false;
            --words_; // word_query counts it again
            return word_query(w, 0, positive);
        }
        const auto window = static_cast<Xapian::termcount>(kept.size() + dropped);
        std::vector<Xapian::Query> parts;
        HighlightPhrase highlight;
        highlight.max_gap = 1 + dropped;
        for (const auto* w : kept) {
            std::vector<std::string> terms;
            for (const auto& t : slot_terms(*w)) {
                if (exists(std::string(schema::PREFIX_TEXT) + t)) terms.push_back(t);
            }
            highlight.words.emplace_back(terms.begin(), terms.end());
        }
        for (const auto& [prefix, weight] : fields()) {
            // As for single words: only the forms the index has; a field lacking some word
            // cannot hold the phrase.
            std::vector<std::vector<std::string>> slots;
            for (const auto* w : kept) {
                slots.emplace_back();
                for (const auto& t : slot_terms(*w)) {
                    if (exists(prefix + t)) slots.back().push_back(prefix + t);
                }
                if (slots.back().empty()) break;
            }
            if (slots.size() < kept.size() || slots.back().empty()) continue;
            Xapian::Query q = positional(Xapian::Query::OP_PHRASE, std::move(slots), window);
            if (q.empty()) continue;
            parts.push_back(weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight));
        }
        if (parts.empty()) {
            // No field can hold the phrase: its text-field query stands (it matches nothing).
            const std::string prefix = fields().front().first;
            std::vector<std::vector<std::string>> slots;
            for (const auto* w : kept) {
                slots.push_back(slot_terms(*w));
                for (auto& t : slots.back()) t = prefix + t;
            }
            parts.push_back(positional(Xapian::Query::OP_PHRASE, std::move(slots), window));
        }
        Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
        if (positive && !q.empty()) {
            out_.leaves.push_back({label, q});
            out_.highlight_phrases.push_back(std::move(highlight));
        }
        return q;
    }

    /// The index forms of a wildcard's prefix: case-folded, and as the analyzer writes it.
    std::vector<std::string> wildcard_forms(const std::string& prefix) const {
        std::vector<std::string> forms;
        const std::string folded = utf8::fold(prefix);
        if (!folded.empty()) forms.push_back(folded);
        for (const auto& w : analyzer_.analyze_query(prefix, options_.lang)) {
            if (w.alternatives.empty() || w.alternatives.front().terms.size() != 1) continue;
            const auto& t = w.alternatives.front().terms.front();
            // Only the form of the whole prefix ("non-pun*" stays one pattern), and not a stem
            // cut shorter than the prefix ("guideli" stems to "guid", which would match "guidance").
            const bool truncated = t.size() < folded.size() && folded.compare(0, t.size(), t) == 0;
            if (w.original.size() == prefix.size() && !truncated && std::find(forms.begin(), forms.end(), t) == forms.end()) {
                forms.push_back(t);
            }
        }
        return forms;
    }

    Xapian::Query wildcard_query(const std::string& prefix, bool positive) {
        if (prefix.empty() || prefix.find('*') != std::string::npos) {
            out_.notices.push_back("a lone * matches nothing; ignored");
            return {};
        }
        if (!take_word()) return {};
        const auto max = static_cast<Xapian::termcount>(options_.limits.max_wildcard_terms);
        std::vector<Xapian::Query> parts;
        for (const auto& form : wildcard_forms(prefix)) {
            std::size_t expansions = 0;
            for (auto t = db_.allterms_begin(form); t != db_.allterms_end(form) && expansions <= max; ++t) ++expansions;
            if (expansions > max) {
                out_.notices.push_back(prefix + "* matches more than " + std::to_string(max) +
                                       " words; only the " + std::to_string(max) + " most frequent were searched");
            }
            for (const auto& [field, weight] : fields()) {
                Xapian::Query q(Xapian::Query::OP_WILDCARD, field + form, max, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
                parts.push_back(weight == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, weight));
            }
            if (positive) out_.highlight_prefixes.push_back(form);
        }
        Xapian::Query q = combine(Xapian::Query::OP_OR, parts);
        if (positive && !q.empty()) out_.leaves.push_back({prefix + "*", q});
        return q;
    }

    Xapian::Query near_query(const Node& node, bool positive) {
        const std::string prefix = positional_prefix();
        std::vector<std::vector<std::string>> slots;
        std::string label;
        for (const auto& k : node.kids) {
            label += (label.empty() ? "" : " NEAR/" + std::to_string(node.window) + " ") +
                     (k.kind == Node::PHRASE ? "\"" + k.text + "\"" : k.kind == Node::WILDCARD ? k.text + "*" : k.text);
            if (k.kind == Node::WILDCARD) {
                if (k.text.empty() || !take_word()) continue;
                std::vector<std::string> slot;
                for (const auto& form : wildcard_forms(k.text)) {
                    for (auto& t : expand(prefix + form, 8)) slot.push_back(std::move(t));
                    if (positive) out_.highlight_prefixes.push_back(form);
                }
                if (!slot.empty()) slots.push_back(std::move(slot));
                continue;
            }
            for (const auto& w : k.words) {
                if (w.stopword && k.kind == Node::TEXT && !all_stop_) continue;
                if (!take_word()) break;
                auto terms = slot_terms(w);
                if (terms.empty()) continue;
                if (positive) out_.highlight_terms.insert(terms.begin(), terms.end());
                for (auto& t : terms) t = prefix + t;
                slots.push_back(std::move(terms));
            }
        }
        if (slots.empty()) return {};
        Xapian::Query q;
        if (slots.size() == 1) {
            std::vector<Xapian::Query> terms(slots.front().begin(), slots.front().end());
            q = combine(Xapian::Query::OP_OR, terms);
        } else {
            q = positional(Xapian::Query::OP_NEAR, slots, static_cast<Xapian::termcount>(node.window + slots.size() - 1));
        }
        if (positive) out_.leaves.push_back({label, q});
        return q;
    }

    Xapian::Query list_query(const Node& node, bool positive) {
        std::vector<Xapian::Query> required, optional, excluded;
        std::map<std::string, std::vector<Xapian::Query>> filters;
        for (std::size_t i = 0; i < node.kids.size(); ++i) {
            const Node& k = node.kids[i];
            const int sign = node.signs[i];
            if (k.kind == Node::FIELD && k.field != "in" && sign >= 0) {
                filters[k.field].emplace_back(parser_.field_term(k.field, k.text));
                continue;
            }
            Xapian::Query q = compile(k, positive && sign >= 0);
            if (q.empty()) continue;
            (sign > 0 ? required : sign < 0 ? excluded : optional).push_back(q);
        }
        Xapian::Query ranked;
        Xapian::Query opt = combine(Xapian::Query::OP_OR, optional);
        if (!required.empty()) {
            ranked = combine(Xapian::Query::OP_AND, required);
            if (!opt.empty()) ranked = Xapian::Query(Xapian::Query::OP_AND_MAYBE, ranked, opt);
        } else {
            ranked = opt;
        }
        if (ranked.empty() && (!filters.empty() || !excluded.empty())) ranked = match_all();
        if (!filters.empty()) {
            std::vector<Xapian::Query> across;
            for (const auto& [field, terms] : filters) across.push_back(combine(Xapian::Query::OP_OR, terms));
            ranked = Xapian::Query(Xapian::Query::OP_FILTER, ranked, combine(Xapian::Query::OP_AND, across));
        }
        if (!excluded.empty()) {
            ranked = Xapian::Query(Xapian::Query::OP_AND_NOT, ranked, combine(Xapian::Query::OP_OR, excluded));
        }
        return ranked;
    }

    const Xapian::Database& db_;
    const Analyzer& analyzer_;
    const SearchOptions& options_;
    mutable std::map<std::string, bool> exists_; ///< term → in the index, for this query
    const QueryParser& parser_;
    ParsedQuery& out_;
    Scope scope_ = Scope::ALL;
    bool all_stop_ = true; ///< every free word is a stop word: then they are searched
    std::size_t words_ = 0;
    bool words_capped_ = false;
};

} // namespace

QueryParser::QueryParser(const Xapian::Database& db, const Analyzer& analyzer, const SearchOptions& options)
    : db_(db), analyzer_(analyzer), options_(options) {}

std::string QueryParser::field_term(const std::string& field, const std::string& value) const {
    const schema::Field* f = schema::find_field(field);
    if (!f) throw UsageError("unknown filter field '" + field + "' (" + schema::field_names() + ")");
    const std::string prefix(f->prefix);
    std::string exact = prefix + value;
    if (db_.term_exists(exact)) return exact;
    // Canonical names are stored as written ("GRETA", "Council of Europe"): match any case.
    const std::string wanted = utf8::fold(value);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
        const std::string& term = *t;
        if (utf8::fold(std::string_view(term).substr(prefix.size())) == wanted) return term;
    }
    return exact;
}

Xapian::Query QueryParser::filter_query(const std::map<std::string, std::vector<std::string>>& filters,
                                        std::vector<std::string>& notices) const {
    std::vector<Xapian::Query> across;
    for (const auto& [field, values] : filters) {
        std::vector<Xapian::Query> within;
        for (const auto& v : values) {
            std::string term = field_term(field, v);
            if (!db_.term_exists(term)) notices.push_back("no passage has " + field + "=" + v);
            within.emplace_back(term);
        }
        if (!within.empty()) across.push_back(combine(Xapian::Query::OP_OR, within));
    }
    return combine(Xapian::Query::OP_AND, across);
}

ParsedQuery QueryParser::parse(const std::string& raw) const {
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
        Parser parser(lex(out.text, options_.limits.max_proximity), options_.limits.max_depth);
        tree = parser.parse();
        capped_near = parser.capped_near;
    } catch (const SyntaxError& e) {
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
    Compiler compiler(db_, analyzer_, options_, *this, out);
    compiler.prepare(tree);
    out.query = compiler.compile(tree, true);
    return out;
}

} // namespace rapporteur
