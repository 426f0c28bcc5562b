/** @file ranked_topic.h
 *  @brief RankedTopic: one topic's ranking turned into grades by rank, as every measure reads it.
 */
#ifndef RAPPORTEUR_RANKED_TOPIC_H
#define RAPPORTEUR_RANKED_TOPIC_H

#include "rapporteur/evaluation.h"

#include <vector>

namespace rapporteur::detail {

/** trec_eval's RES_RELS (form_res_rels.c): the grade of each retrieved document in rank order,
 *  with counts of the judgments at each grade. */
struct RankedTopic {
    static constexpr long NONPOOL = -1;  ///< retrieved but absent from the qrels
    static constexpr long UNJUDGED = -2; ///< in the qrels with a negative grade

    std::vector<long> grades;      ///< grade (or NONPOOL/UNJUDGED) of the document at rank i+1
    std::vector<long> rel_levels;  ///< rel_levels[g]: judgments of the topic with grade g >= 0
    long num_rel_levels = 0;       ///< highest grade with a judgment, plus one (0: no judgments)
    long num_ret = 0;              ///< documents ranked (after -M and -J)
    long num_rel = 0;              ///< judgments with grade >= the relevance level
    long num_rel_ret = 0;          ///< ranked documents with grade >= the relevance level
    long num_nonpool = 0;          ///< ranked documents absent from the qrels
    long num_unjudged_in_pool = 0; ///< ranked documents with a negative grade

    /** Rank `retrieved` as trec_eval does — by score descending, ties by docid in descending
     *  byte order; the run's rank column plays no part — then keep the first `max_docs`, then,
     *  with `judged_only`, drop the documents without a grade >= 0. `judged` is sorted by docid. */
    static RankedTopic form(const std::vector<Judgment>& judged, const std::vector<RunEntry>& retrieved,
                            const EvaluationOptions& options);
};

} // namespace rapporteur::detail

#endif
