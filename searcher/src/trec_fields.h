/** @file trec_fields.h
 *  @brief Private helpers of the qrels and run readers: lines split into white-space fields.
 */
#ifndef RAPPORTEUR_TREC_FIELDS_H
#define RAPPORTEUR_TREC_FIELDS_H

#include "rapporteur/analyzers.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <istream>
#include <map>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

namespace rapporteur::detail {

/// Split a line at runs of ASCII white space, as trec_eval's parsers do (isspace in the C locale).
inline std::vector<std::string_view> split_fields(std::string_view line) {
    std::vector<std::string_view> fields;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        const std::size_t start = i;
        while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
        if (i > start) fields.push_back(line.substr(start, i - start));
    }
    return fields;
}

/// A line trec_eval skips: empty, only white space, or a comment starting with '#' in column 1.
inline bool is_skipped_line(std::string_view line) {
    if (!line.empty() && line[0] == '#') return true;
    for (char c : line) {
        if (!std::isspace(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

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
 *  dropped; blank and comment lines skipped). `name` names the source in a read error. */
template <typename Fn>
void for_each_record(std::istream& in, const std::string& name, Fn&& fn) {
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (is_skipped_line(line)) continue;
        fn(split_fields(line), number);
    }
    if (in.bad()) throw RuntimeError(name + ": read error");
}

/// The line each (qid, docid) pair was first seen on, to name both lines of a duplicate.
class PairLines {
  public:
    /// 0 the first time the pair is seen (recording `line`), else the line it was first seen on.
    std::size_t seen_before(const std::string& qid, const std::string& docid, std::size_t line) {
        auto [it, fresh] = lines_[qid].emplace(docid, line);
        return fresh ? 0 : it->second;
    }

  private:
    std::map<std::string, std::unordered_map<std::string, std::size_t>> lines_;
};

} // namespace rapporteur::detail

#endif
