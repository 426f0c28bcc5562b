/** @file explain.cc
 *  @brief --explain: each ranked part of a query, run alone over one passage, and its weight.
 */
#include "docid_decider.h"
#include "searcher_impl.h"

#include "rapporteur/format/schema.h"

#include <algorithm>
#include <set>

namespace rapporteur {

std::pair<std::string_view, std::string_view> Searcher::Impl::term_field(std::string_view term) {
    // Text terms are folded, so never start with an ASCII capital; every prefix does.
    if (term.empty() || term.front() < 'A' || term.front() > 'Z') return {"text", term};
    if (term.starts_with(schema::PREFIX_SESSION_TITLE)) return {"title", term.substr(1)};
    if (term.starts_with(schema::PREFIX_FOOTNOTE)) return {"footnote", term.substr(1)};
    for (const auto& f : schema::FIELDS) {
        if (term.starts_with(f.prefix)) return {f.name, term.substr(f.prefix.size())};
    }
    return {"", term};
}

std::vector<TermContribution> Searcher::Impl::explain(const Plan& plan, Xapian::docid did,
                                                      const Xapian::Weight& weight) {
    // Each ranked part alone, over this passage only: BM25 is a sum over the query's terms,
    // so the parts' weights add up to the hit's score.
    std::vector<TermContribution> out;
    const DocidDecider only(did, true);
    // Stock remote servers run no MatchDecider: over shards, the part is filtered by the
    // passage's own field terms (boolean, they weigh nothing) and the passage found among the
    // few that share them all.
    Xapian::Query own_fields;
    std::set<std::string> own;
    if (shards) {
        for (auto t = db.termlist_begin(did); t != db.termlist_end(did); ++t) {
            const std::string term = *t;
            const auto field = term_field(term).first;
            if (schema::find_field(field)) own.insert(term);
        }
        own_fields = Xapian::Query(Xapian::Query::OP_AND, own.begin(), own.end());
    }
    for (const auto& leaf : plan.leaves) {
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(weight);
        double leaf_weight = 0;
        if (shards) {
            enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, leaf.query, own_fields));
            Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
            auto it = mset.begin();
            while (it != mset.end() && *it != did) ++it;
            if (it == mset.end()) continue;
            leaf_weight = it.get_weight();
        } else {
            enquire.set_query(leaf.query);
            Xapian::MSet mset = enquire.get_mset(0, 1, nullptr, &only);
            if (mset.empty()) continue;
            leaf_weight = mset.begin().get_weight();
        }
        const std::set<std::string> leaf_terms(leaf.query.get_unique_terms_begin(), leaf.query.get_unique_terms_end());
        TermContribution c;
        c.label = leaf.label;
        c.weight = leaf_weight;
        // Named by field ("title:asylum", "session:4"), not by the index's prefixes; the
        // passage's own text first, then its session title, then its cited footnotes.
        std::vector<std::pair<std::ptrdiff_t, std::string>> named;
        for (auto t = enquire.get_matching_terms_begin(did); t != enquire.get_matching_terms_end(did); ++t) {
            const std::string term = *t;
            if (own.count(term) && !leaf_terms.count(term)) continue; // the filter's, not the part's
            const auto [field, value] = term_field(term);
            const auto order = std::find(std::begin(WORD_FIELDS), std::end(WORD_FIELDS), field) - WORD_FIELDS;
            named.emplace_back(order, field.empty() ? term : std::string(field) + ":" + std::string(value));
        }
        std::stable_sort(named.begin(), named.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [order, name] : named) c.terms.push_back(std::move(name));
        if (c.weight > 0 || !c.terms.empty()) out.push_back(std::move(c));
    }
    return out;
}

} // namespace rapporteur
