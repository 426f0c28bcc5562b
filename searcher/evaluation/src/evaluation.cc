/** @file evaluation.cc
 *  @brief evaluate() and format_trec_eval(): trec_eval's main loop (trec_eval.c) and printout.
 */
#include "rapporteur/evaluation.h"
#include "measures.h"
#include "ranked_topic.h"
#include "rapporteur/base/errors.h"

#include <cmath>
#include <cstdio>

namespace rapporteur {

double TopicScores::value(const std::string& name) const {
    for (const auto& v : values) {
        if (v.name == name) return v.value;
    }
    throw UsageError("measure '" + name + "' was not computed for topic '" + qid + "'");
}

Evaluation evaluate(const Qrels& qrels, const TrecRun& run, const MeasureSet& measures,
                    const EvaluationOptions& options) {
    Evaluation ev;
    ev.run_id = run.run_id();
    ev.show_run_id = measures.contains("runid");
    for (const auto& [qid, ranking] : run.topics()) {
        if (!qrels.topics().count(qid)) ev.unjudged_topics.push_back(qid);
    }

    // trec_eval.c: with -c a topic the run lacks is scored against a one-document ranking of a
    // document no qrels can hold, then its num_ret is set back to 0.
    const std::vector<RunEntry> bogus = {{"ceci_nest_pas_un_docno", 1.0}};
    std::vector<detail::TopicValue> sums;
    long topics = 0;
    // trec_eval walks the qrels topics in byte order of qid, so that is the order of the rows.
    for (const auto& [qid, judged] : qrels.topics()) {
        const auto found = run.topics().find(qid);
        const bool missing = found == run.topics().end();
        if (missing) {
            ev.unretrieved_topics.push_back(qid);
            if (!options.complete) continue;
        }
        const auto ranked = detail::RankedTopic::form(judged, missing ? bogus : found->second, options);
        auto values = detail::compute_measures(ranked, measures, options.relevance_level);
        TopicScores row{qid, {}};
        for (auto& v : values) {
            if (missing && v.name == "num_ret") v.value = 0;
            if (v.printed_per_topic) row.values.push_back({v.name, v.value, v.integral});
        }
        if (sums.empty()) {
            sums = values;
        } else {
            for (std::size_t i = 0; i < sums.size(); ++i) sums[i].value += values[i].value;
        }
        ev.topics.push_back(std::move(row));
        ++topics;
    }
    if (topics == 0) {
        throw RuntimeError(
            "no topic has both judgments and a ranking (check that the qrels and the run "
            "use the same topic ids)");
    }

    // meas_avg.c: averages are over the evaluated topics, or over every qrels topic with -c
    // (the same number then, since every qrels topic was evaluated).
    const double n = static_cast<double>(options.complete ? qrels.topics().size() : topics);
    ev.all.qid = "all";
    if (measures.contains("num_q")) ev.all.values.push_back({"num_q", n, true});
    for (auto& s : sums) {
        double v = s.value;
        if (s.aggregate == detail::Aggregate::Mean)
            v /= n;
        else if (s.aggregate == detail::Aggregate::GeometricMean)
            v = std::exp(v / n);
        if (s.name == "num_rel" && options.complete) {
            // m_num_rel.c, te_calc_avg_num_rel: with -c the summary counts the judgments with
            // grade > 0 over every qrels topic, whatever -l says.
            long count = 0;
            for (const auto& [qid, judged] : qrels.topics()) {
                for (const auto& j : judged) count += j.relevance > 0;
            }
            v = static_cast<double>(count);
        }
        ev.all.values.push_back({s.name, v, s.integral});
    }
    return ev;
}

namespace {

/// trec_eval's "%-22s": the name left-aligned in 22 columns (never cut).
std::string padded(const std::string& name) {
    return name.size() >= 22 ? name : name + std::string(22 - name.size(), ' ');
}

void append_row(std::string& out, const std::string& qid, const MeasureValue& v) {
    // meas_print_single.c / meas_print_final.c: "%-22s\t%s\t%6.4f\n", counts "%ld". The
    // number goes through printf itself, so its rounding is the C library's, as trec_eval's is.
    char number[64];
    if (v.integral)
        std::snprintf(number, sizeof number, "%ld", static_cast<long>(v.value));
    else
        std::snprintf(number, sizeof number, "%6.4f", v.value);
    out += padded(v.name) + "\t" + qid + "\t" + number + "\n";
}

} // namespace

std::string format_trec_eval(const Evaluation& ev, bool per_topic, bool summary) {
    std::string out;
    if (per_topic) {
        for (const auto& t : ev.topics) {
            for (const auto& v : t.values) append_row(out, t.qid, v);
        }
    }
    if (summary) {
        if (ev.show_run_id) {
            out += padded("runid") + "\tall\t" + ev.run_id + "\n";
        }
        for (const auto& v : ev.all.values) append_row(out, "all", v);
    }
    return out;
}

} // namespace rapporteur
