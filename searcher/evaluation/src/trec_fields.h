/** @file trec_fields.h
 *  @brief Private helpers of the qrels and run readers: lines split into white-space fields.
 */
#ifndef RAPPORTEUR_TREC_FIELDS_H
#define RAPPORTEUR_TREC_FIELDS_H

#include "rapporteur/base/errors.h"
#include "rapporteur/base/lines.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <istream>
#include <sstream>
#include <map>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

namespace rapporteur::detail {

/// "name:line: what", the form of every reader error.
inline RuntimeError line_error(const std::string& name, std::size_t line, const std::string& what) {
    return RuntimeError(name + ":" + std::to_string(line) + ": " + what);
}

/// Parse a whole field as a long; false when it is not an integer.
inline bool parse_long(std::string_view field, long& out) {
    std::string s(field);
    char* end = nullptr;
    errno = 0;
    out = std::strtol(s.c_str(), &end, 10);
    return errno == 0 && end != s.c_str() && *end == '\0';
}

/// Parse a whole field as a double (strtod, as trec_eval's atof); false when it is not a number.
inline bool parse_double(std::string_view field, double& out) {
    std::string s(field);
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end != s.c_str() && *end == '\0';
}

/** Call `fn(fields, line_number)` for every line trec_eval reads from `in` (a trailing CR
 *  dropped; blank lines and comment lines, '#' in column 1, skipped). `name` names the source
 *  in a read error. */
template <typename Fn>
void for_each_record(std::istream& in, const std::string& name, Fn&& fn) {
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw RuntimeError(name + ": read error");
    const std::string content = std::move(buf).str();
    lines::for_each(content, [&](std::string_view line, std::size_t number) {
        if (!line.empty() && line[0] == '#') return;
        const auto fields = lines::split_whitespace(line);
        if (!fields.empty()) fn(fields, number);
    });
}

/// The line each (qid, docid) pair was first seen on, to name both lines of a duplicate.
class PairLines {
  public:
    /// 0 the first time the pair is seen (recording `line`), else the line it was first seen on.
    std::size_t seen_before(const std::string& qid, const std::string& docid, std::size_t line) {
        auto [it, fresh] = lines_[qid].emplace(docid, line);
        return fresh ? 0 : it->second;
    }

    /** Records the pair of line `line` of `name`; throws the reader error "docid 'D' is `what`
     *  twice for topic 'Q' (first on line N)" when it was seen before. trec_eval refuses both a
     *  docid judged twice (which grade would count?) and one retrieved twice (form_res_rels.c). */
    void refuse_duplicate(const std::string& qid, const std::string& docid, std::size_t line, const std::string& name,
                          const char* what) {
        if (const auto first = seen_before(qid, docid, line)) {
            throw line_error(name, line, "docid '" + docid + "' is " + what + " twice for topic '" + qid +
                                             "' (first on line " + std::to_string(first) + ")");
        }
    }

  private:
    std::map<std::string, std::unordered_map<std::string, std::size_t>> lines_;
};

} // namespace rapporteur::detail

#endif
