/** @file report_words.cc
 *  @brief Loading data/report_words.tsv and looking words up case-insensitively.
 */
#include "report_words.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/base/errors.h"
#include "rapporteur/base/lines.h"
#include "rapporteur/utf8.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rapporteur {

namespace {

const std::vector<LanguageWord> NONE;

} // namespace

ReportWords ReportWords::parse(std::string_view tsv, std::string_view source) {
    ReportWords words;
    lines::for_each(tsv, [&](std::string_view line, std::size_t line_no) {
        line = lines::trim(line);
        if (line.empty() || line.front() == '#') return;
        auto cols = lines::split(line, '\t');
        if (cols.size() != 3 || cols[0].empty() || cols[1].empty()) {
            throw RuntimeError(std::string(source) + ":" + std::to_string(line_no) +
                               ": expected 3 tab-separated columns: language, key, words");
        }
        std::string key(cols[1]);
        int value = 0;
        // "ordinal.4" and "month.11" carry their number in the key.
        if (auto dot = key.find('.');
            dot != std::string::npos && (key.rfind("ordinal.", 0) == 0 || key.rfind("month.", 0) == 0)) {
            try {
                value = std::stoi(key.substr(dot + 1));
            } catch (const std::exception&) {
                throw RuntimeError(std::string(source) + ":" + std::to_string(line_no) + ": bad number in key " + key);
            }
            key.resize(dot);
        }
        for (auto w : lines::split(cols[2], '|')) {
            w = lines::trim(w);
            if (w.empty()) continue;
            words.by_key_[key].push_back(LanguageWord{std::string(cols[0]), std::string(w), utf8::fold(w), value});
        }
    });
    for (auto& [key, list] : words.by_key_) {
        // Longest first, file order among equals (so the first language listed wins a tie).
        std::stable_sort(list.begin(), list.end(), [](const LanguageWord& a, const LanguageWord& b) {
            return a.folded.size() > b.folded.size();
        });
        auto& index = words.index_[key];
        for (std::size_t i = 0; i < list.size(); ++i) index.emplace(list[i].folded, i);
    }
    return words;
}

const ReportWords& ReportWords::instance() {
    static const ReportWords words = [] {
        return parse(read_data_file("indexer", "report_words.tsv"), data_path("indexer", "report_words.tsv").string());
    }();
    return words;
}

const std::vector<LanguageWord>& ReportWords::words(std::string_view key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? NONE : it->second;
}

const LanguageWord* ReportWords::find(std::string_view key, std::string_view word) const {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    auto w = it->second.find(utf8::fold(word));
    return w == it->second.end() ? nullptr : &by_key_.find(key)->second[w->second];
}

const LanguageWord* ReportWords::find_prefix(std::string_view key, std::string_view text,
                                             std::size_t* matched_bytes) const {
    for (const auto& w : words(key)) {
        // Compare as many code points as the word has; folding keeps their count for the
        // scripts we list (Latin, Cyrillic), which is all a prefix test needs.
        auto head = utf8::first_code_points(text, utf8::length(w.text));
        if (utf8::fold(head) != w.folded) continue;
        if (head.size() < text.size()) {
            std::size_t pos = head.size();
            const char32_t next = utf8::next(text, pos);
            std::size_t end = w.text.size();
            const char32_t last = end ? utf8::previous(w.text, end) : U' ';
            // A word must end at a word boundary; a prefix ending in ':' or a space needs none.
            if (utf8::is_word_char(next) && utf8::is_word_char(last)) continue;
        }
        if (matched_bytes) *matched_bytes = head.size();
        return &w;
    }
    return nullptr;
}

} // namespace rapporteur
