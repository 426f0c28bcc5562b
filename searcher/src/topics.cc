/** @file topics.cc
 *  @brief Topics of a batch run: TSV `qid<TAB>query` or TREC `<top>` blocks.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace rapporteur {

namespace {

std::string trim(std::string_view s) {
    const char* ws = " \t\r\n\f\v";
    auto a = s.find_first_not_of(ws);
    if (a == std::string_view::npos) return {};
    auto b = s.find_last_not_of(ws);
    return std::string(s.substr(a, b - a + 1));
}

std::size_t line_of(std::string_view content, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < content.size(); ++i) line += content[i] == '\n';
    return line;
}

/// The text after `<tag>` up to the next tag ('<'), or "" when the tag is absent.
std::string field_after(std::string_view block, std::string_view tag, bool& found) {
    auto at = block.find(tag);
    found = at != std::string_view::npos;
    if (!found) return {};
    auto start = at + tag.size();
    auto end = block.find('<', start);
    return trim(block.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

std::vector<Topic> parse_trec(std::string_view content, std::string_view path) {
    std::vector<Topic> topics;
    std::size_t at = 0;
    while ((at = content.find("<top>", at)) != std::string_view::npos) {
        auto end = content.find("</top>", at);
        if (end == std::string_view::npos) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line_of(content, at)) + ": <top> without </top>");
        }
        std::string_view block = content.substr(at, end - at);
        bool has_num = false, has_title = false;
        std::string num = field_after(block, "<num>", has_num);
        std::string title = field_after(block, "<title>", has_title);
        if (num.rfind("Number:", 0) == 0) num = trim(num.substr(7));
        if (!has_num || num.empty() || !has_title || title.empty()) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line_of(content, at)) +
                               ": topic without " + (!has_num || num.empty() ? "<num>" : "<title>"));
        }
        if (title.rfind("Topic:", 0) == 0) title = trim(title.substr(6));
        topics.push_back({num, title, {}}); // TREC topics give no language
        at = end + 6;
    }
    return topics;
}

} // namespace

std::vector<Topic> parse_topics(std::string_view content, std::string_view path) {
    if (content.find("<top>") != std::string_view::npos) return parse_trec(content, path);
    std::vector<Topic> topics;
    std::size_t pos = 0, line = 0;
    while (pos < content.size()) {
        auto nl = content.find('\n', pos);
        if (nl == std::string_view::npos) nl = content.size();
        std::string_view raw = content.substr(pos, nl - pos);
        ++line;
        pos = nl + 1;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        if (trim(raw).empty() || raw.front() == '#') continue;
        auto tab = raw.find('\t');
        if (tab == std::string_view::npos || trim(raw.substr(0, tab)).empty() || trim(raw.substr(tab + 1)).empty()) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line) +
                               ": expected 'qid<TAB>query' (or TREC <top> topics)");
        }
        std::string_view query = raw.substr(tab + 1);
        std::string lang;
        // An optional last column names the query's language.
        if (auto last = query.rfind('\t'); last != std::string_view::npos) {
            const std::string code = trim(query.substr(last + 1));
            const bool is_code = (code.size() == 2 || code.size() == 3) &&
                                 std::all_of(code.begin(), code.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
            if (is_code && !trim(query.substr(0, last)).empty()) {
                for (char c : code) lang += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                query = query.substr(0, last);
            }
        }
        topics.push_back({trim(raw.substr(0, tab)), trim(query), lang});
    }
    return topics;
}

} // namespace rapporteur
