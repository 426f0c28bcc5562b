/** @file report_parser.cc
 *  @brief Reading a meeting report into the document model (first cut: blank-line paragraphs).
 */
#include "rapporteur/report.h"
#include "rapporteur/analyzers.h"

#include <cctype>

namespace rapporteur {

std::string slug_of(std::string_view path) {
    auto slash = path.find_last_of('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    if (auto dot = name.find_last_of('.'); dot != std::string_view::npos && dot > 0) {
        name = name.substr(0, dot);
    }
    std::string slug;
    for (unsigned char c : name) {
        if (std::isalnum(c)) slug += static_cast<char>(std::tolower(c));
        else if (c >= 0x80) slug += static_cast<char>(c);
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "document" : slug;
}

Report parse_report(std::string_view text, std::string_view path) {
    Report report;
    report.path = std::string(path);
    report.slug = slug_of(path);
    report.sessions.push_back(Session{});
    std::string block;
    auto flush = [&] {
        while (!block.empty() && (block.back() == ' ' || block.back() == '\n')) block.pop_back();
        if (!block.empty()) {
            Passage p;
            p.id = report.slug + "/p" + std::to_string(report.passages.size() + 1);
            p.kind = "paragraph";
            p.text = std::move(block);
            report.passages.push_back(std::move(p));
        }
        block.clear();
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            flush();
        } else {
            if (!block.empty()) block += ' ';
            block += line;
        }
        pos = nl + 1;
    }
    flush();
    return report;
}

} // namespace rapporteur
