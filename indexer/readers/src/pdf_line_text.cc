/** @file pdf_line_text.cc
 *  @brief Markers, footnote labels, bullets, page numbers and sentence ends of PDF lines
 *         (pdf_line_text.h).
 */
#include "pdf_line_text.h"

#include "rapporteur/utf8.h"

#include <algorithm>
#include <set>
#include <vector>

namespace rapporteur::pdf {

namespace {

/// The digit of a Unicode superscript character, or -1.
int superscript_digit(char32_t c) {
    switch (c) {
        case U'\u2070': return 0;
        case U'\u00B9': return 1;
        case U'\u00B2': return 2;
        case U'\u00B3': return 3;
        default: break;
    }
    if (c >= U'\u2074' && c <= U'\u2079') return static_cast<int>(c - U'\u2070');
    return -1;
}

} // namespace

bool is_digits(std::string_view s) {
    return !s.empty() && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_marker_text(std::string_view s) {
    if (s == "*" || s == "\u2020" || s == "\u2021" || s == "\u00A7" || s == "**") return true;
    std::size_t start = 0;
    bool any = false;
    while (start <= s.size()) {
        const std::size_t comma = s.find(',', start);
        const std::string_view part = s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (!is_digits(part)) return false;
        any = true;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return any;
}

std::pair<std::string, std::string_view> split_superscript(std::string_view w, bool trailing) {
    std::string digits;
    if (trailing) {
        std::size_t pos = w.size();
        while (pos > 0) {
            std::size_t p = pos;
            const int d = superscript_digit(utf8::previous(w, p));
            if (d < 0) break;
            digits.insert(digits.begin(), static_cast<char>('0' + d));
            pos = p;
        }
        return {digits, w.substr(0, pos)};
    }
    std::size_t pos = 0;
    while (pos < w.size()) {
        std::size_t p = pos;
        const int d = superscript_digit(utf8::next(w, p));
        if (d < 0) break;
        digits.push_back(static_cast<char>('0' + d));
        pos = p;
    }
    return {digits, w.substr(pos)};
}

bool is_page_number(const PdfLine& line) {
    std::vector<std::string> t;
    for (const auto& w : line.words) {
        std::string s = utf8::fold(w.text);
        std::string clean;
        for (char c : s) {
            if (c != '-' && c != '|' && c != '[' && c != ']' && c != '(' && c != ')') clean.push_back(c);
        }
        if (!clean.empty()) t.push_back(clean);
    }
    if (t.empty() || t.size() > 4) return false;
    std::size_t i = 0;
    static const std::set<std::string> PAGE = {"page", "p.", "seite", "página", "pagina", "стр.", "s."};
    if (PAGE.count(t[i])) ++i;
    if (i >= t.size()) return false;
    const bool roman = t[i].find_first_not_of("ivxlc") == std::string::npos && t[i].size() <= 6;
    if (!is_digits(t[i]) && !roman) {
        // "7/12"
        const auto slash = t[i].find('/');
        if (slash == std::string::npos || !is_digits(t[i].substr(0, slash)) || !is_digits(t[i].substr(slash + 1))) return false;
    }
    ++i;
    if (i == t.size()) return true;
    static const std::set<std::string> OF = {"of", "/", "sur", "von", "de", "из", "di"};
    return i + 2 == t.size() && OF.count(t[i]) && is_digits(t[i + 1]);
}

std::string running_key(const PdfLine& line) {
    std::string k;
    for (const auto& w : line.words) {
        if (!k.empty()) k.push_back(' ');
        for (char c : w.text) k.push_back(c >= '0' && c <= '9' ? '#' : c);
    }
    return utf8::fold(k);
}

std::optional<std::pair<std::string, bool>> footnote_label(const PdfLine& line) {
    if (line.words.size() < 2 && !(line.words.size() == 1 && line.words[0].raised)) {
        if (line.words.empty()) return std::nullopt;
        auto [digits, rest] = split_superscript(line.words[0].text, false);
        if (digits.empty() || digits.size() > 4 || rest.empty()) return std::nullopt;
        return std::make_pair(digits, false);
    }
    const PdfWord& w = line.words[0];
    if (w.raised && is_marker_text(w.text)) return std::make_pair(w.text, true);
    std::string_view t = w.text;
    if (!t.empty() && (t.back() == '.' || t.back() == ')')) t.remove_suffix(1);
    if (is_digits(t) && t.size() <= 3) return std::make_pair(std::string(t), true);
    auto [digits, rest] = split_superscript(w.text, false);
    if (!digits.empty() && digits.size() <= 4) return std::make_pair(digits, rest.empty());
    return std::nullopt;
}

bool is_bullet(std::string_view w) {
    static const std::set<std::string_view> BULLETS = {"\u2022", "\u25E6", "\u25AA", "\u2023", "\u00B7", "\u2013", "-", "*", "\u25CB", "\u25A0", "\u25A1", "\u27A2", "\u2713", "\u25CF", "\u2043", "\uF0B7", "\u2014"};
    return BULLETS.count(w) > 0;
}

bool ends_sentence(std::string_view text) {
    while (!text.empty()) {
        const char c = text.back();
        if (c == '"' || c == ')' || c == '\'') {
            text.remove_suffix(1);
            continue;
        }
        if (text.size() >= 3 && text.substr(text.size() - 3) == "\u201D") { // ”
            text.remove_suffix(3);
            continue;
        }
        break;
    }
    if (text.empty()) return false;
    const char c = text.back();
    return c == '.' || c == '!' || c == '?' || c == ':';
}

bool starts_lower(std::string_view text) {
    std::size_t pos = 0;
    return !text.empty() && utf8::is_lower(utf8::next(text, pos));
}

} // namespace rapporteur::pdf
