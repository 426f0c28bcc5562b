/** @file explain.cc
 *  @brief --explain: each ranked part of a query, run alone over one passage, and its weight.
 */
#include "docid_decider.h"
#include "searcher_impl.h"

namespace rapporteur {

std::vector<TermContribution> Searcher::Impl::explain(const Plan& plan, Xapian::docid did,
                                                      const Xapian::Weight& weight) {
    // Each ranked part alone, over this passage only: BM25 is a sum over the query's terms,
    // so the parts' weights add up to the hit's score.
    std::vector<TermContribution> out;
    const DocidDecider only(did, true);
    for (const auto& leaf : plan.leaves) {
        Xapian::Enquire enquire(db);
        enquire.set_query(leaf.query);
        enquire.set_weighting_scheme(weight);
        Xapian::MSet mset = enquire.get_mset(0, 1, nullptr, &only);
        if (mset.empty()) continue;
        TermContribution c;
        c.label = leaf.label;
        c.weight = mset.begin().get_weight();
        for (auto t = enquire.get_matching_terms_begin(mset.begin()); t != enquire.get_matching_terms_end(mset.begin());
             ++t) {
            c.terms.push_back(*t);
        }
        if (c.weight > 0 || !c.terms.empty()) out.push_back(std::move(c));
    }
    return out;
}

} // namespace rapporteur
