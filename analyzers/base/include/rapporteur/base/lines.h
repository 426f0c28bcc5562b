/** @file lines.h
 *  @brief The one line reader: lines of a text, tab- and space-separated fields.
 *
 *  Every data file (word lists, gazetteer, report words, glossary) and every user file read
 *  line by line (topics, qrels, runs) goes through these, so line numbers, CR handling and
 *  field splitting agree everywhere.
 */
#ifndef RAPPORTEUR_BASE_LINES_H
#define RAPPORTEUR_BASE_LINES_H

#include <cstddef>
#include <string_view>
#include <vector>

namespace rapporteur::lines {

/** Calls `fn(line, number)` for every line of `content`, numbered from 1, without its '\n'
 *  and without a trailing '\r'. A final line without '\n' counts; an empty content has none. */
template <typename Fn>
void for_each(std::string_view content, Fn&& fn) {
    std::size_t pos = 0, number = 0;
    while (pos < content.size()) {
        auto nl = content.find('\n', pos);
        if (nl == std::string_view::npos) nl = content.size();
        std::string_view line = content.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        fn(line, ++number);
        pos = nl + 1;
    }
}

/// The parts of `s` between occurrences of `sep`, empty ones included ("a\t\tb" → a, "", b).
std::vector<std::string_view> split(std::string_view s, char sep);

/// The fields of `line` between runs of ASCII white space (isspace in the C locale), as
/// trec_eval's readers split them; no empty fields.
std::vector<std::string_view> split_whitespace(std::string_view line);

/// True for ASCII white space: space, \t, \n, \v, \f, \r.
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

/// `s` up to its first '#' (a data file's comment), trimmed.
std::string_view strip_comment(std::string_view s);

} // namespace rapporteur::lines

#endif
