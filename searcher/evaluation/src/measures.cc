/** @file measures.cc
 *  @brief The per-topic measures. Each function follows the trec_eval 10.0 source file named in
 *  its comment (github.com/usnistgov/trec_eval), read for its definition and, where the order
 *  of floating-point operations decides the fourth decimal, for that order too.
 */
#include "measures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rapporteur::detail {

namespace {

/// trec_eval.h: the floor of gm_map's per-topic values, so that log() stays finite.
constexpr double MIN_GEO_MEAN = .00001;

bool relevant(long grade, long level) { return grade >= level; }

/// m_map.c: the sum of precision at each relevant retrieved document, over num_rel.
double average_precision(const RankedTopic& t, long level) {
    long rel_so_far = 0;
    double sum = 0.0;
    for (long i = 0; i < t.num_ret; ++i) {
        if (relevant(t.grades[i], level)) {
            ++rel_so_far;
            sum += static_cast<double>(rel_so_far) / static_cast<double>(i + 1);
        }
    }
    return rel_so_far ? sum / static_cast<double>(t.num_rel) : 0.0;
}

/// m_Rprec.c: precision after R = num_rel documents (0 when R or the ranking is empty).
double r_precision(const RankedTopic& t, long level) {
    const long n = std::min(t.num_ret, t.num_rel);
    if (n == 0) return 0.0;
    long rel_so_far = 0;
    for (long i = 0; i < n; ++i) rel_so_far += relevant(t.grades[i], level);
    return static_cast<double>(rel_so_far) / static_cast<double>(t.num_rel);
}

/// m_bpref.c: for each judged relevant retrieved document, 1 - (judged non-relevant documents
/// above it, capped at R) / min(judged non-relevant, R); the sum over R. Unjudged documents,
/// in the pool or not, are skipped.
double bpref(const RankedTopic& t, long level) {
    long num_nonrel = 0;
    for (long g = 0; g < level && g < static_cast<long>(t.rel_levels.size()); ++g) num_nonrel += t.rel_levels[g];
    long nonrel_so_far = 0;
    double sum = 0.0;
    for (long i = 0; i < t.num_ret; ++i) {
        const long g = t.grades[i];
        if (g < 0) continue;
        if (g < level) {
            ++nonrel_so_far;
        } else if (nonrel_so_far > 0) {
            sum += 1.0 - static_cast<double>(std::min(nonrel_so_far, t.num_rel)) /
                             static_cast<double>(std::min(num_nonrel, t.num_rel));
        } else {
            sum += 1.0;
        }
    }
    return t.num_rel ? sum / static_cast<double>(t.num_rel) : sum;
}

/// m_recip_rank.c: 1 / rank of the first relevant document, 0 when none is retrieved.
double reciprocal_rank(const RankedTopic& t, long level) {
    for (long i = 0; i < t.num_ret; ++i) {
        if (relevant(t.grades[i], level)) return 1.0 / static_cast<double>(i + 1);
    }
    return 0.0;
}

/// m_iprec_at_recall.c: interpolated precision (the best precision at this recall or any
/// higher) at each recall level; a level is turned into a number of relevant documents with
/// lround(level * R), as trec_eval 10 does.
std::vector<double> interpolated_precision(const RankedTopic& t, long level, const std::vector<double>& levels) {
    std::vector<double> values(levels.size(), 0.0);
    // trec_eval divides by num_ret unguarded (NaN for an empty ranking, which only -J or -M 0
    // can produce); an empty ranking scores 0 here.
    if (t.num_ret == 0) return values;
    std::vector<long> cutoffs;
    for (double l : levels) cutoffs.push_back(std::lround(l * static_cast<double>(t.num_rel)));
    long current = static_cast<long>(cutoffs.size()) - 1;
    while (current >= 0 && cutoffs[current] > t.num_rel_ret) --current;
    double precis = static_cast<double>(t.num_rel_ret) / static_cast<double>(t.num_ret);
    double int_precis = precis;
    long rel_so_far = t.num_rel_ret;
    for (long i = t.num_ret; i > 0 && rel_so_far > 0; --i) {
        precis = static_cast<double>(rel_so_far) / static_cast<double>(i);
        if (int_precis < precis) int_precis = precis;
        if (relevant(t.grades[i - 1], level)) {
            while (current >= 0 && rel_so_far == cutoffs[current]) values[current--] = int_precis;
            --rel_so_far;
        }
    }
    while (current >= 0) values[current--] = int_precis;
    return values;
}

/// Relevant documents in the first c ranks, for each cutoff c (m_P.c, m_recall.c, m_success.c
/// share this loop).
std::vector<long> relevant_at(const RankedTopic& t, long level, const std::vector<long>& cutoffs) {
    std::vector<long> counts;
    long rel_so_far = 0;
    std::size_t k = 0;
    for (long i = 0; i < t.num_ret && k < cutoffs.size(); ++i) {
        while (k < cutoffs.size() && i == cutoffs[k]) {
            counts.push_back(rel_so_far);
            ++k;
        }
        rel_so_far += relevant(t.grades[i], level);
    }
    while (counts.size() < cutoffs.size()) counts.push_back(rel_so_far);
    return counts;
}

/// The grades of an ideal ranking: every judgment with grade > 0, highest grade first.
std::vector<long> ideal_grades(const RankedTopic& t) {
    std::vector<long> ideal;
    for (long g = t.num_rel_levels - 1; g > 0; --g) ideal.insert(ideal.end(), t.rel_levels[g], g);
    return ideal;
}

/// m_ndcg.c with the default gains (gain = grade, so graded qrels give a linear gain; a
/// non-relevant, unjudged or absent document gains 0), discount log2(rank + 1), over the whole
/// ranking; the ideal ranking is every judged document in descending grade. 0 when the ideal
/// DCG is 0. The relevance level (-l) plays no part.
double ndcg(const RankedTopic& t) {
    double dcg = 0.0;
    for (long i = 0; i < t.num_ret; ++i) {
        const long g = t.grades[i];
        const double gain = (g > 0 && g < t.num_rel_levels) ? static_cast<double>(g) : 0.0;
        if (gain != 0) dcg += gain / std::log2(static_cast<double>(i + 2));
    }
    double ideal = 0.0;
    const auto best = ideal_grades(t);
    for (std::size_t i = 0; i < best.size(); ++i) {
        ideal += static_cast<double>(best[i]) / std::log2(static_cast<double>(i + 2));
    }
    return ideal > 0.0 ? dcg / ideal : 0.0;
}

/// m_ndcg_cut.c: nDCG of the first c ranks against the first c ranks of the ideal ranking,
/// gains the grades as in ndcg.
std::vector<double> ndcg_at(const RankedTopic& t, const std::vector<long>& cutoffs) {
    auto dcg_at = [&cutoffs](const std::vector<long>& grades) {
        std::vector<double> values;
        double sum = 0.0;
        std::size_t k = 0;
        for (std::size_t i = 0; i < grades.size() && k < cutoffs.size(); ++i) {
            while (k < cutoffs.size() && static_cast<long>(i) == cutoffs[k]) {
                values.push_back(sum);
                ++k;
            }
            if (grades[i] > 0) sum += static_cast<double>(grades[i]) / std::log2(static_cast<double>(i + 2));
        }
        while (values.size() < cutoffs.size()) values.push_back(sum);
        return values;
    };
    auto values = dcg_at(t.grades);
    const auto ideal = dcg_at(ideal_grades(t));
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (ideal[k] > 0.0) values[k] /= ideal[k];
    }
    return values;
}

std::string cutoff_name(const std::string& measure, long c) { return measure + "_" + std::to_string(c); }

std::string level_name(const std::string& measure, double l) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "_%3.2f", l); // append_double in meas_init.c
    return measure + buf;
}

} // namespace

std::vector<TopicValue> compute_measures(const RankedTopic& t, const MeasureSet& measures, long level) {
    std::vector<TopicValue> out;
    auto count = [&](const std::string& name, long v) {
        out.push_back({name, static_cast<double>(v), true, true, Aggregate::Sum});
    };
    auto mean = [&](const std::string& name, double v) { out.push_back({name, v, false, true, Aggregate::Mean}); };

    for (const auto& m : MeasureSet::known_measures()) {
        if (!measures.contains(m)) continue;
        if (m == "num_ret")
            count(m, t.num_ret);
        else if (m == "num_rel")
            count(m, t.num_rel);
        else if (m == "num_rel_ret")
            count(m, t.num_rel_ret);
        else if (m == "map")
            mean(m, average_precision(t, level));
        else if (m == "gm_map") {
            // m_gm_map.c: the log of AP (floored), averaged, then exponentiated; summary only.
            out.push_back({m, std::log(std::max(average_precision(t, level), MIN_GEO_MEAN)), false, false,
                           Aggregate::GeometricMean});
        } else if (m == "Rprec")
            mean(m, r_precision(t, level));
        else if (m == "bpref")
            mean(m, bpref(t, level));
        else if (m == "recip_rank")
            mean(m, reciprocal_rank(t, level));
        else if (m == "iprec_at_recall") {
            const auto& levels = measures.recall_levels();
            const auto values = interpolated_precision(t, level, levels);
            for (std::size_t k = 0; k < levels.size(); ++k) mean(level_name(m, levels[k]), values[k]);
        } else if (m == "P" || m == "recall" || m == "success") {
            // m_P.c: relevant in the first c / c (a short ranking is padded with non-relevant
            // documents). m_recall.c: relevant in the first c / R, 0 when R = 0. m_success.c:
            // 1 when any of the first c is relevant.
            const auto& cutoffs = measures.cutoffs(m);
            const auto rel = relevant_at(t, level, cutoffs);
            for (std::size_t k = 0; k < cutoffs.size(); ++k) {
                double v = 0.0;
                if (m == "P")
                    v = static_cast<double>(rel[k]) / static_cast<double>(cutoffs[k]);
                else if (m == "recall")
                    v = t.num_rel ? static_cast<double>(rel[k]) / static_cast<double>(t.num_rel) : 0.0;
                else
                    v = rel[k] ? 1.0 : 0.0;
                mean(cutoff_name(m, cutoffs[k]), v);
            }
        } else if (m == "ndcg")
            mean(m, ndcg(t));
        else if (m == "ndcg_cut") {
            const auto& cutoffs = measures.cutoffs(m);
            const auto values = ndcg_at(t, cutoffs);
            for (std::size_t k = 0; k < cutoffs.size(); ++k) mean(cutoff_name(m, cutoffs[k]), values[k]);
        } else if (m == "num_nonrel_judged_ret") {
            // m_num_nonrel_judged_ret.c
            count(m, t.num_ret - t.num_nonpool - t.num_unjudged_in_pool - t.num_rel_ret);
        }
    }
    return out;
}

} // namespace rapporteur::detail
