/** @file qrels.cc
 *  @brief Qrels: the TREC relevance-judgment reader (`qid iter docid relevance`).
 */
#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/evaluation.h"
#include "trec_fields.h"

#include <algorithm>
#include <sstream>

namespace rapporteur {

Qrels Qrels::read(const std::filesystem::path& path) {
    std::istringstream in(read_whole_file(path));
    return parse(in, path.string());
}

Qrels Qrels::parse(std::istream& in, const std::string& name) {
    Qrels qrels;
    detail::PairLines seen;
    detail::for_each_record(in, name, [&](const std::vector<std::string_view>& fields, std::size_t number) {
        if (fields.size() != 4) {
            throw detail::line_error(name, number,
                "malformed qrels line: expected 4 fields (qid iter docid relevance), found " +
                std::to_string(fields.size()));
        }
        long relevance = 0;
        if (!detail::parse_long(fields[3], relevance)) {
            throw detail::line_error(name, number,
                "malformed qrels line: relevance '" + std::string(fields[3]) + "' is not an integer");
        }
        const std::string qid(fields[0]), docid(fields[2]);
        seen.refuse_duplicate(qid, docid, number, name, "judged");
        qrels.topics_[qid].push_back({docid, relevance});
    });
    for (auto& [qid, judgments] : qrels.topics_) {
        std::sort(judgments.begin(), judgments.end(),
                  [](const Judgment& a, const Judgment& b) { return a.docid < b.docid; });
    }
    return qrels;
}

} // namespace rapporteur
