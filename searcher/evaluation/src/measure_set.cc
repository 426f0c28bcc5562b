/** @file measure_set.cc
 *  @brief MeasureSet: which measures to compute, from trec_eval's `-m name[.params]` syntax.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/evaluation.h"
#include "trec_fields.h"

#include <algorithm>

namespace rapporteur {

namespace {

// trec_eval's default parameters (m_P.c, m_recall.c, m_ndcg_cut.c, m_success.c,
// m_iprec_at_recall.c).
const std::vector<long> DEFAULT_CUTOFFS = {5, 10, 15, 20, 30, 100, 200, 500, 1000};
const std::vector<long> DEFAULT_SUCCESS_CUTOFFS = {1, 5, 10};
const std::vector<double> DEFAULT_RECALL_LEVELS = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

// The nicknames of measures.c: "official" is trec_eval's default set; "all_trec" is the part of
// trec_eval's all_trec list that this module implements.
const std::vector<std::string> OFFICIAL = {"runid",  "num_q", "num_ret", "num_rel",    "num_rel_ret",     "map",
                                           "gm_map", "Rprec", "bpref",   "recip_rank", "iprec_at_recall", "P"};

bool takes_long_cutoffs(const std::string& m) { return m == "P" || m == "recall" || m == "ndcg_cut" || m == "success"; }

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == ',') {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

} // namespace

const std::vector<std::string>& MeasureSet::known_measures() {
    // trec_eval's print order (te_trec_measures in measures.c), restricted to what is implemented.
    static const std::vector<std::string> names = {
        "runid",  "num_q", "num_ret",  "num_rel",    "num_rel_ret",          "map",
        "gm_map", "Rprec", "bpref",    "recip_rank", "iprec_at_recall",      "P",
        "recall", "ndcg",  "ndcg_cut", "success",    "num_nonrel_judged_ret"};
    return names;
}

void MeasureSet::add(const std::string& spec) {
    const auto dot = spec.find('.');
    const std::string name = spec.substr(0, dot);
    const bool has_params = dot != std::string::npos;
    const std::string params = has_params ? spec.substr(dot + 1) : "";
    if (has_params && params.empty()) {
        throw UsageError("measure '" + spec + "': empty parameters after '.'");
    }
    if (name == "official" || name == "all_trec") {
        if (has_params) throw UsageError("measure nickname '" + name + "' takes no parameters");
        for (const auto& m : name == "official" ? OFFICIAL : known_measures()) selected_[m] = true;
        return;
    }
    const auto& known = known_measures();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw UsageError("unknown measure '" + name + "' (known: official, all_trec, " + [&] {
            std::string list;
            for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
            return list;
        }() + ")");
    }
    selected_[name] = true;
    if (!has_params) return;
    if (takes_long_cutoffs(name)) {
        if (cutoffs_.count(name)) return; // as in trec_eval, the first parameters given win
        std::vector<long> cutoffs;
        for (const auto& part : split_commas(params)) {
            long c = 0;
            if (!detail::parse_long(part, c) || c <= 0) {
                throw UsageError("measure '" + spec + "': cutoff '" + part + "' is not a positive integer");
            }
            cutoffs.push_back(c);
        }
        std::sort(cutoffs.begin(), cutoffs.end());
        if (std::adjacent_find(cutoffs.begin(), cutoffs.end()) != cutoffs.end()) {
            throw UsageError("measure '" + spec + "': duplicate cutoffs");
        }
        cutoffs_[name] = cutoffs;
    } else if (name == "iprec_at_recall") {
        if (recall_levels_given_) return;
        std::vector<double> levels;
        for (const auto& part : split_commas(params)) {
            double v = 0;
            if (!detail::parse_double(part, v) || v < 0 || v > 1) {
                throw UsageError("measure '" + spec + "': recall level '" + part + "' is not in [0, 1]");
            }
            levels.push_back(v);
        }
        std::sort(levels.begin(), levels.end());
        if (std::adjacent_find(levels.begin(), levels.end()) != levels.end()) {
            throw UsageError("measure '" + spec + "': duplicate recall levels");
        }
        recall_levels_ = levels;
        recall_levels_given_ = true;
    } else {
        throw UsageError("measure '" + name + "' takes no parameters");
    }
}

const std::vector<long>& MeasureSet::cutoffs(const std::string& measure) const {
    if (auto it = cutoffs_.find(measure); it != cutoffs_.end()) return it->second;
    if (measure == "success") return DEFAULT_SUCCESS_CUTOFFS;
    if (takes_long_cutoffs(measure)) return DEFAULT_CUTOFFS;
    throw UsageError("measure '" + measure + "' has no cutoffs");
}

const std::vector<double>& MeasureSet::recall_levels() const {
    return recall_levels_given_ ? recall_levels_ : DEFAULT_RECALL_LEVELS;
}

} // namespace rapporteur
