/** @file trec_files.cc
 *  @brief The two TREC file readers: qrels (`qid iter docid relevance`) and runs
 *         (`qid Q0 docid rank score tag`), with trec_eval's checks and clearer errors.
 */
#include "rapporteur/base/errors.h"
#include "rapporteur/evaluation.h"
#include "trec_fields.h"

#include <algorithm>

namespace rapporteur {

Qrels Qrels::read(const std::filesystem::path& path) { return detail::parse_file<Qrels>(path); }
TrecRun TrecRun::read(const std::filesystem::path& path) { return detail::parse_file<TrecRun>(path); }

Qrels Qrels::parse(std::istream& in, const std::string& name) {
    Qrels qrels;
    detail::for_each_pair_line(in, name, detail::QRELS, [&](const detail::Record& r) {
        const auto grade = detail::numeric_field<long>(r.fields[3], name, r.line, "qrels", "relevance", "an integer");
        qrels.topics_[r.qid].push_back({r.docid, grade});
    });
    for (auto& [qid, judgments] : qrels.topics_) {
        std::sort(judgments.begin(), judgments.end(),
                  [](const Judgment& a, const Judgment& b) { return a.docid < b.docid; });
    }
    return qrels;
}

TrecRun TrecRun::parse(std::istream& in, const std::string& name) {
    TrecRun run;
    // trec_eval reads the score with atof, which turns garbage into 0 and so silently reorders
    // the run; a score that is not a number is refused here instead.
    auto add = [&](const detail::Record& r) {
        const auto score = detail::numeric_field<double>(r.fields[4], name, r.line, "run", "score", "a number");
        run.topics_[r.qid].push_back({r.docid, score});
        run.run_id_ = std::string(r.fields[5]); // trec_eval keeps the tag of the last line
    };
    detail::for_each_pair_line(in, name, detail::RUN, add);
    return run;
}

} // namespace rapporteur
