/** @file measures.h
 *  @brief Private: the per-topic measures, each following its trec_eval definition.
 */
#ifndef RAPPORTEUR_MEASURES_H
#define RAPPORTEUR_MEASURES_H

#include "ranked_topic.h"
#include "rapporteur/evaluation.h"

#include <string>
#include <vector>

namespace rapporteur::detail {

/// How the "all" row combines a value over topics (trec_eval's calc_avg_meas_* functions).
enum class Aggregate {
    Mean,         ///< sum / number of topics (te_calc_avg_meas_s, te_calc_avg_meas_a_cut)
    Sum,          ///< sum (te_calc_avg_meas_empty: counts)
    GeometricMean ///< exp(sum of logs / number of topics) (te_calc_avg_meas_s_gm)
};

/// One value of one topic, with what the printout and the summary need to know about it.
struct TopicValue {
    std::string name;
    double value = 0;
    bool integral = false;         ///< printed with %ld
    bool printed_per_topic = true; ///< gm_map prints only in the summary
    Aggregate aggregate = Aggregate::Mean;
};

/** Every selected measure except runid and num_q, for one ranked topic, in trec_eval's order.
 *  `relevance_level` is -l. */
std::vector<TopicValue> compute_measures(const RankedTopic& topic, const MeasureSet& measures, long relevance_level);

} // namespace rapporteur::detail

#endif
