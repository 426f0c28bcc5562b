/** @file front_matter.cc
 *  @brief Classifying the short lines at the top of a report.
 */
#include "front_matter.h"

#include "date_parser.h"
#include "rapporteur/utf8.h"

#include <algorithm>

namespace rapporteur {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == ':' || s.front() == ',')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
    return s;
}

/// Names in a list written out: "A, B and C" → {A, B, C}, with the "and" words of every language.
std::vector<std::string> split_list(std::string_view text, const ReportWords& words) {
    std::vector<std::string> parts;
    std::string current;
    auto flush = [&] {
        std::string_view t = trim(current);
        for (std::string_view article : {"the ", "The "}) {
            if (t.rfind(article, 0) == 0) t.remove_prefix(article.size());
        }
        if (!t.empty()) parts.emplace_back(t);
        current.clear();
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text[pos] == ',' || text[pos] == ';') {
            flush();
            ++pos;
            continue;
        }
        // An "and" word between spaces ends a name.
        if (text[pos] == ' ') {
            auto sp = text.find(' ', pos + 1);
            std::string_view w = text.substr(pos + 1, sp == std::string_view::npos ? text.npos : sp - pos - 1);
            if (sp != std::string_view::npos && words.find("and", w)) {
                flush();
                pos = sp + 1;
                continue;
            }
        }
        current += text[pos++];
    }
    flush();
    return parts;
}

} // namespace

FrontMatter read_front_matter(const std::vector<std::string>& lines, const ReportWords& words,
                              const Gazetteer& gazetteer) {
    FrontMatter fm;
    bool title_next = false;
    for (const auto& raw : lines) {
        std::string_view line = trim(raw);
        if (line.empty()) continue;
        if (const LanguageWord* w = words.find("title", line)) {
            title_next = fm.title.empty();
            if (fm.lang.empty()) fm.lang = w->lang;
            continue;
        }
        std::size_t len = 0;
        if (const LanguageWord* w = words.find_prefix("organisers", line, &len)) {
            std::string_view rest = trim(line.substr(len));
            for (const auto& m : gazetteer.find(rest)) {
                if (m.kind != EntityMention::Kind::ORGANISATION) continue;
                if (std::find(fm.organisers.begin(), fm.organisers.end(), m.canonical) == fm.organisers.end()) {
                    fm.organisers.push_back(m.canonical);
                }
            }
            if (fm.organisers.empty()) fm.organisers = split_list(rest, words);
            if (fm.lang.empty()) fm.lang = w->lang;
            continue;
        }
        if (words.find_prefix("venue", line, &len)) {
            if (fm.venue.empty()) fm.venue = std::string(trim(line.substr(len)));
            continue;
        }
        if (words.find("venue.word", line)) {
            if (fm.venue.empty()) fm.venue = std::string(line);
            continue;
        }
        if (auto dates = parse_dates(line, words); !dates.empty() && count_non_date_words(line, words) <= 2) {
            if (fm.dates.empty()) fm.dates = std::move(dates);
            continue;
        }
        if (title_next || fm.title.empty()) {
            fm.title = std::string(line);
            title_next = false;
        } else if (fm.venue.empty() && !fm.dates.empty()) {
            fm.venue = std::string(line); // the line after the dates is where the meeting was
        }
    }
    return fm;
}

} // namespace rapporteur
