/** @file ranked_topic.cc
 *  @brief RankedTopic: the ranking and grade lookup of trec_eval's form_res_rels.c.
 */
#include "ranked_topic.h"

#include <algorithm>

namespace rapporteur::detail {

RankedTopic RankedTopic::form(const std::vector<Judgment>& judged, const std::vector<RunEntry>& retrieved,
                              const EvaluationOptions& options) {
    RankedTopic t;
    std::vector<const RunEntry*> order;
    order.reserve(retrieved.size());
    for (const auto& r : retrieved) order.push_back(&r);
    // form_res_rels.c, comp_sim_docno: higher score first; equal scores by docid compared with
    // strcmp, the greater first. Docids are unique (the reader refuses duplicates), so the
    // order is total and std::sort gives exactly qsort's result.
    std::sort(order.begin(), order.end(), [](const RunEntry* a, const RunEntry* b) {
        if (a->score != b->score) return a->score > b->score;
        return a->docid > b->docid;
    });
    if (order.size() > options.max_docs) order.resize(options.max_docs);

    long max_rel = 0;
    for (const auto& j : judged) max_rel = std::max(max_rel, j.relevance);
    t.rel_levels.assign(static_cast<std::size_t>(max_rel) + 1, 0);
    for (const auto& j : judged) {
        if (j.relevance >= 0) ++t.rel_levels[static_cast<std::size_t>(j.relevance)];
    }

    auto grade_of = [&](const std::string& docid) {
        auto it = std::lower_bound(judged.begin(), judged.end(), docid,
                                   [](const Judgment& j, const std::string& d) { return j.docid < d; });
        if (it == judged.end() || it->docid != docid) return NONPOOL;
        return it->relevance < 0 ? UNJUDGED : it->relevance;
    };
    for (const RunEntry* r : order) {
        const long g = grade_of(r->docid);
        if (options.judged_only && g < 0) continue; // -J: unjudged documents leave the ranking
        t.grades.push_back(g);
        if (g == NONPOOL)
            ++t.num_nonpool;
        else if (g == UNJUDGED)
            ++t.num_unjudged_in_pool;
        else if (g >= options.relevance_level)
            ++t.num_rel_ret;
    }
    t.num_ret = static_cast<long>(t.grades.size());

    for (std::size_t g = 0; g < t.rel_levels.size(); ++g) {
        if (t.rel_levels[g] == 0) continue;
        t.num_rel_levels = static_cast<long>(g) + 1;
        if (static_cast<long>(g) >= options.relevance_level) t.num_rel += t.rel_levels[g];
    }
    return t;
}

} // namespace rapporteur::detail
