/** @file query_builder.cc
 *  @brief Tokens → Xapian terms (indexing) and query words → Xapian::Query (searching).
 */
#include "rapporteur/analyzers.h"

#include <algorithm>

namespace rapporteur {

void add_tokens(Xapian::Document& doc, const std::vector<Token>& tokens, std::string_view prefix, Positions positions) {
    std::string term;
    for (const auto& t : tokens) {
        if (!is_storable_term(prefix, t.text)) continue;
        term.assign(prefix);
        term += t.text;
        if (positions == Positions::KEEP)
            doc.add_posting(term, t.position + 1);
        else
            doc.add_term(term);
    }
}

namespace {

Xapian::Query alternative_query(const QueryAlternative& a, std::string_view prefix) {
    std::vector<Xapian::Query> terms;
    terms.reserve(a.terms.size());
    for (const auto& t : a.terms) terms.emplace_back(std::string(prefix) + t);
    if (terms.size() == 1) return terms.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
}

/// SYNONYM of the weight-1 alternatives, OR'd with the others scaled: OP_SYNONYM scores its
/// subqueries as one term and ignores their own weights, so a bonus must sit beside it.
Xapian::Query alternatives_query(const std::vector<QueryAlternative>& alts, std::string_view prefix) {
    std::vector<Xapian::Query> same, bonus;
    for (const auto& a : alts) {
        if (a.terms.empty()) continue;
        if (a.weight == 1.0) {
            same.push_back(alternative_query(a, prefix));
        } else if (a.weight > 0) {
            bonus.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, alternative_query(a, prefix), a.weight);
        }
    }
    if (same.empty()) return Xapian::Query();
    Xapian::Query q =
        same.size() == 1 ? same.front() : Xapian::Query(Xapian::Query::OP_SYNONYM, same.begin(), same.end());
    if (bonus.empty()) return q;
    bonus.insert(bonus.begin(), q);
    return Xapian::Query(Xapian::Query::OP_OR, bonus.begin(), bonus.end());
}

} // namespace

Xapian::Query build_query(const std::vector<QueryWord>& words, std::string_view prefix, Xapian::Query::op op) {
    const bool all_stop = std::all_of(words.begin(), words.end(), [](const auto& w) { return w.stopword; });
    auto word_query = [&](const QueryWord& w) {
        return w.stopword && !all_stop ? Xapian::Query() : alternatives_query(w.alternatives, prefix);
    };
    auto join = [op](std::vector<Xapian::Query>& parts) {
        parts.erase(std::remove_if(parts.begin(), parts.end(), [](const auto& q) { return q.empty(); }), parts.end());
        if (parts.empty()) return Xapian::Query();
        if (parts.size() == 1) return parts.front();
        return Xapian::Query(op, parts.begin(), parts.end());
    };
    std::vector<Xapian::Query> parts;
    for (std::size_t i = 0; i < words.size();) {
        const QueryGroup* longest = nullptr;
        for (const auto& g : words[i].groups) {
            if (g.words >= 2 && i + g.words <= words.size() && (!longest || g.words > longest->words)) longest = &g;
        }
        if (!longest) {
            parts.push_back(word_query(words[i]));
            ++i;
            continue;
        }
        // The group's words as typed, or the group's own readings (compound, acronym).
        std::vector<Xapian::Query> inner;
        for (std::size_t k = i; k < i + longest->words; ++k) inner.push_back(word_query(words[k]));
        Xapian::Query typed = join(inner);
        Xapian::Query whole = alternatives_query(longest->alternatives, prefix);
        parts.push_back(typed.empty()   ? whole
                        : whole.empty() ? typed
                                        : Xapian::Query(Xapian::Query::OP_OR, typed, whole));
        i += longest->words;
    }
    return join(parts);
}

} // namespace rapporteur
