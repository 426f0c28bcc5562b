/** @file trec_run.cc
 *  @brief TrecRun: the TREC run reader (`qid Q0 docid rank score tag`).
 */
#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/evaluation.h"
#include "trec_fields.h"

#include <sstream>

namespace rapporteur {

TrecRun TrecRun::read(const std::filesystem::path& path) {
    std::istringstream in(read_whole_file(path));
    return parse(in, path.string());
}

TrecRun TrecRun::parse(std::istream& in, const std::string& name) {
    TrecRun run;
    detail::PairLines seen;
    detail::for_each_record(in, name, [&](const std::vector<std::string_view>& fields, std::size_t number) {
        if (fields.size() < 6) {
            throw detail::line_error(name, number,
                "malformed run line: expected 6 fields (qid Q0 docid rank score tag), found " +
                std::to_string(fields.size()));
        }
        double score = 0;
        // trec_eval reads the score with atof, which turns garbage into 0 and so silently
        // reorders the run; a score that is not a number is refused here instead.
        if (!detail::parse_double(fields[4], score)) {
            throw detail::line_error(name, number,
                "malformed run line: score '" + std::string(fields[4]) + "' is not a number");
        }
        const std::string qid(fields[0]), docid(fields[2]);
        seen.refuse_duplicate(qid, docid, number, name, "retrieved");
        run.topics_[qid].push_back({docid, score});
        run.run_id_ = std::string(fields[5]); // trec_eval keeps the tag of the last line
    });
    return run;
}

} // namespace rapporteur
