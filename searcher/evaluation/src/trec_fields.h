/** @file trec_fields.h
 *  @brief Private helpers of the qrels and run readers: lines split into white-space fields.
 */
#ifndef RAPPORTEUR_TREC_FIELDS_H
#define RAPPORTEUR_TREC_FIELDS_H

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/base/lines.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <istream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
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

/** Throws "malformed <kind> line: expected <count> fields (<layout>), found N" unless the line
 *  has `count` fields, or at least `count` when `more_allowed`. */
inline void require_fields(const std::vector<std::string_view>& fields, std::size_t count, bool more_allowed,
                           const std::string& name, std::size_t line, const char* kind, const char* layout) {
    if (fields.size() == count || (more_allowed && fields.size() > count)) return;
    throw line_error(name, line,
                     std::string("malformed ") + kind + " line: expected " + std::to_string(count) + " fields (" +
                         layout + "), found " + std::to_string(fields.size()));
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
            throw line_error(name, line,
                             "docid '" + docid + "' is " + what + " twice for topic '" + qid + "' (first on line " +
                                 std::to_string(first) + ")");
        }
    }

  private:
    std::map<std::string, std::unordered_map<std::string, std::size_t>> lines_;
};

/** The field as a number (`T` is long or double); throws "malformed <kind> line: <what> 'x' is
 *  not <expected>" when it is not one. */
template <typename T>
T numeric_field(std::string_view field, const std::string& name, std::size_t line, const char* kind, const char* what,
                const char* expected) {
    T value{};
    bool ok = false;
    if constexpr (std::is_same_v<T, long>)
        ok = parse_long(field, value);
    else
        ok = parse_double(field, value);
    if (!ok) {
        throw line_error(
            name, line,
            std::string("malformed ") + kind + " line: " + what + " '" + std::string(field) + "' is not " + expected);
    }
    return value;
}

/// `Reader::parse` over the whole content of `path` (read_whole_file's errors name the path).
template <typename Reader>
Reader parse_file(const std::filesystem::path& path) {
    std::istringstream in(read_whole_file(path));
    return Reader::parse(in, path.string());
}

/// The layout of one kind of TREC file, for for_each_pair_line.
struct RecordLayout {
    const char* kind;   ///< "qrels", "run": names the line in messages
    const char* fields; ///< "qid iter docid relevance"
    std::size_t count;  ///< how many fields
    bool more_allowed;  ///< a run line may carry more (trec_eval ignores them)
    const char* twice;  ///< "judged", "retrieved": what a docid must not be twice per topic
};

inline constexpr RecordLayout QRELS{"qrels", "qid iter docid relevance", 4, false, "judged"};
inline constexpr RecordLayout RUN{"run", "qid Q0 docid rank score tag", 6, true, "retrieved"};

/// One checked line of a qrels or run file.
struct Record {
    const std::vector<std::string_view>& fields;
    std::size_t line;
    std::string qid, docid; ///< the first and third fields
};

/** Calls `fn(record)` for every record of `in`, after checking the field count and refusing a
 *  (qid, docid) pair seen before. */
template <typename Fn>
void for_each_pair_line(std::istream& in, const std::string& name, const RecordLayout& layout, Fn&& fn) {
    PairLines seen;
    for_each_record(in, name, [&](const std::vector<std::string_view>& fields, std::size_t number) {
        require_fields(fields, layout.count, layout.more_allowed, name, number, layout.kind, layout.fields);
        const Record record{fields, number, std::string(fields[0]), std::string(fields[2])};
        seen.refuse_duplicate(record.qid, record.docid, number, name, layout.twice);
        fn(record);
    });
}

} // namespace rapporteur::detail

#endif
