/** @file topics.cc
 *  @brief Topics of a batch run: TSV `qid<TAB>query` or TREC `<top>` blocks.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/base/lines.h"
#include "rapporteur/searcher.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace rapporteur {

namespace {

/// The line (from 1) that byte `offset` of `content` stands on, for messages.
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
    return std::string(
        lines::trim(block.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
}

std::vector<Topic> parse_trec(std::string_view content, std::string_view path) {
    std::vector<Topic> topics;
    std::size_t at = 0;
    while ((at = content.find("<top>", at)) != std::string_view::npos) {
        auto end = content.find("</top>", at);
        if (end == std::string_view::npos) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line_of(content, at)) +
                               ": <top> without </top>");
        }
        std::string_view block = content.substr(at, end - at);
        bool has_num = false, has_title = false;
        std::string num = field_after(block, "<num>", has_num);
        std::string title = field_after(block, "<title>", has_title);
        if (num.rfind("Number:", 0) == 0) num = std::string(lines::trim(std::string_view(num).substr(7)));
        if (!has_num || num.empty() || !has_title || title.empty()) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(line_of(content, at)) + ": topic without " +
                               (!has_num || num.empty() ? "<num>" : "<title>"));
        }
        if (title.rfind("Topic:", 0) == 0) title = std::string(lines::trim(std::string_view(title).substr(6)));
        topics.push_back({num, title, {}}); // TREC topics give no language
        at = end + 6;
    }
    return topics;
}

} // namespace

std::vector<Topic> parse_topics(std::string_view content, std::string_view path) {
    if (content.find("<top>") != std::string_view::npos) return parse_trec(content, path);
    std::vector<Topic> topics;
    lines::for_each(content, [&](std::string_view line, std::size_t number) {
        if (lines::trim(line).empty() || line.front() == '#') return;
        const auto cols = lines::split(line, '\t');
        const std::string_view qid = cols.front();
        // The query is all after the first tab: it may hold tabs itself.
        std::string_view query = cols.size() < 2 ? std::string_view() : line.substr(qid.size() + 1);
        if (cols.size() < 2 || lines::trim(qid).empty() || lines::trim(query).empty()) {
            throw RuntimeError(std::string(path) + ":" + std::to_string(number) +
                               ": expected 'qid<TAB>query' (or TREC <top> topics)");
        }
        std::string lang;
        // An optional last column names the query's language.
        if (cols.size() > 2) {
            const std::string_view code = lines::trim(cols.back());
            const std::string_view head = query.substr(0, query.size() - cols.back().size() - 1);
            const bool is_code = (code.size() == 2 || code.size() == 3) &&
                                 std::all_of(code.begin(), code.end(),
                                             [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
            if (is_code && !lines::trim(head).empty()) {
                for (char c : code) lang += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                query = head;
            }
        }
        topics.push_back({std::string(lines::trim(qid)), std::string(lines::trim(query)), lang});
    });
    return topics;
}

} // namespace rapporteur
