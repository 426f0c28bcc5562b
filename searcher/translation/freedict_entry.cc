/** @file freedict_entry.cc
 *  @brief parse_freedict_entry: sense lines → translations.
 */
#include "freedict_entry.h"

#include <algorithm>

namespace rapporteur {

namespace {

/// `text` without the bracketed labels FreeDict adds: <masc>, [jur.], (coll.), {see}.
std::string strip_labels(std::string_view text) {
    std::string out;
    int depth = 0;
    for (const char c : text) {
        if (c == '<' || c == '[' || c == '(' || c == '{') {
            ++depth;
        } else if ((c == '>' || c == ']' || c == ')' || c == '}') && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

} // namespace

std::vector<std::string> parse_freedict_entry(std::string_view entry) {
    std::vector<std::string> out;
    bool headword_line = true;
    for (std::size_t at = 0; at <= entry.size();) {
        std::size_t end = entry.find('\n', at);
        if (end == std::string_view::npos) end = entry.size();
        std::string_view line = entry.substr(at, end - at);
        at = end + 1;
        if (headword_line) {
            headword_line = false;
            continue;
        }
        // Indented lines are notes, examples and cross-references, not translations.
        if (line.empty() || line.front() == ' ' || line.front() == '\t') continue;
        // Sense numbering: "1. ", "12. ".
        std::size_t digits = 0;
        while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
        if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' && line[digits + 1] == ' ')
            line.remove_prefix(digits + 2);
        const std::string plain = strip_labels(line);
        std::string_view rest = plain;
        while (!rest.empty()) {
            const std::size_t cut = rest.find_first_of(",;");
            std::string_view piece = trim(rest.substr(0, cut));
            rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
            // Collapse inner runs of spaces left where a label was.
            // "der/die Erste": a slash separates alternative words, read as words.
            std::string t;
            for (char c : piece) {
                if (c == '/') c = ' ';
                if (c == ' ' && (t.empty() || t.back() == ' ')) continue;
                t += c;
            }
            while (!t.empty() && t.back() == ' ') t.pop_back();
            // "1." (an ordinal's figure) is no word to search for.
            const bool has_letter = std::any_of(t.begin(), t.end(), [](char c) {
                const auto u = static_cast<unsigned char>(c);
                return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
            });
            if (has_letter && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(std::move(t));
        }
    }
    return out;
}

} // namespace rapporteur
