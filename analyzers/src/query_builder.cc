/** @file query_builder.cc
 *  @brief Tokens → Xapian terms (indexing) and query words → Xapian::Query (searching).
 */
#include "rapporteur/analyzers.h"

namespace rapporteur {

void add_tokens(Xapian::Document& doc, const std::vector<Token>& tokens, std::string_view prefix,
                std::size_t max_term_bytes) {
    std::string term;
    for (const auto& t : tokens) {
        if (t.text.empty() || prefix.size() + t.text.size() > max_term_bytes ||
            t.text.find('\0') != std::string::npos) {
            continue;
        }
        term.assign(prefix);
        term += t.text;
        doc.add_posting(term, t.position + 1);
    }
}

Xapian::Query build_query(const std::vector<QueryWord>& words, std::string_view prefix,
                          Xapian::Query::op op) {
    bool all_stop = true;
    for (const auto& w : words) all_stop = all_stop && w.stopword;
    std::vector<Xapian::Query> parts;
    for (const auto& w : words) {
        if (w.stopword && !all_stop) continue;
        std::vector<Xapian::Query> alts;
        for (const auto& a : w.alternatives) {
            std::vector<Xapian::Query> terms;
            for (const auto& t : a.terms) terms.emplace_back(std::string(prefix) + t);
            if (terms.empty()) continue;
            Xapian::Query q = terms.size() == 1
                ? terms.front()
                : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                static_cast<Xapian::termcount>(terms.size()));
            if (a.weight != 1.0) q = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, a.weight);
            alts.push_back(std::move(q));
        }
        if (alts.empty()) continue;
        parts.push_back(alts.size() == 1 ? alts.front()
                                         : Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end()));
    }
    if (parts.empty()) return Xapian::Query();
    return Xapian::Query(op, parts.begin(), parts.end());
}

} // namespace rapporteur
