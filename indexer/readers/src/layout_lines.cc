/** @file layout_lines.cc
 *  @brief What a line or a block of lines of a text report is.
 */
#include "layout_lines.h"

#include "inline_markup.h"
#include "rapporteur/utf8.h"

#include <cctype>

namespace rapporteur {

bool is_table_line(std::string_view line) { return line.size() >= 2 && line.front() == '|'; }

bool is_table_rule(std::string_view line) {
    return is_table_line(line) && line.find_first_not_of("|-: ") == std::string_view::npos;
}

std::vector<std::string> table_cells(std::string_view line) {
    std::vector<std::string> cells;
    if (!line.empty() && line.front() == '|') line.remove_prefix(1);
    if (!line.empty() && line.back() == '|') line.remove_suffix(1);
    std::size_t start = 0;
    while (start <= line.size()) {
        std::size_t bar = line.find('|', start);
        if (bar == std::string_view::npos) bar = line.size();
        std::string_view c = line.substr(start, bar - start);
        while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
        while (!c.empty() && c.back() == ' ') c.remove_suffix(1);
        cells.emplace_back(c);
        start = bar + 1;
    }
    return cells;
}

std::vector<Block> split_blocks(std::string_view text) {
    std::vector<Block> blocks;
    Block current;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1); // indentation
        if (line.empty()) {
            if (!current.empty()) blocks.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(line);
        }
        pos = nl + 1;
    }
    if (!current.empty()) blocks.push_back(std::move(current));
    return blocks;
}

std::optional<std::size_t> bullet_body(std::string_view line) {
    static const std::string_view MARKERS[] = {"- ", "* ", "+ ", "• ", "· ", "▪ ", "◦ ", "‣ ",
                                               "– ", "— ", "► ", "➢ ", "✓ ", "■ ", "□ ", "● "};
    for (auto m : MARKERS) {
        if (line.size() > m.size() && line.substr(0, m.size()) == m) return m.size();
    }
    // Ordered items: "1. ", "12) ", "(a) ", "a) ", "(iv) ".
    std::size_t p = 0;
    const bool paren = !line.empty() && line[0] == '(';
    if (paren) ++p;
    const std::size_t start = p;
    while (p < line.size() && p - start < 2 && std::isdigit(static_cast<unsigned char>(line[p]))) ++p;
    if (p == start) {
        while (p < line.size() && p - start < 4 && line[p] >= 'a' && line[p] <= 'z') ++p;
        if (p == start || (!paren && p - start > 1)) return std::nullopt; // "a) " but not "and) "
    }
    if (p < line.size() &&
        (line[p] == ')' || (!paren && line[p] == '.' && std::isdigit(static_cast<unsigned char>(line[start]))))) {
        ++p;
        if (p < line.size() && line[p] == ' ' && p + 1 < line.size()) return p + 1;
    }
    return std::nullopt;
}

std::optional<NumberedLine> numbered_line(std::string_view line) {
    constexpr std::size_t MAX_DIGITS = 3;
    NumberedLine n;
    std::size_t p = 0;
    while (p < line.size() && p < MAX_DIGITS && std::isdigit(static_cast<unsigned char>(line[p])))
        n.number = n.number * 10 + (line[p++] - '0');
    if (p == 0 || n.number == 0 || line.substr(p, 2) != ". ") return std::nullopt;
    n.body = p + 2;
    std::size_t q = n.body;
    if (q >= line.size() || !utf8::is_upper(utf8::next(line, q))) return std::nullopt;
    return n;
}

bool is_page_furniture(std::string_view line) {
    if (line.size() <= 12) {
        std::size_t digits = 0, other = 0;
        for (char c : line) {
            if (std::isdigit(static_cast<unsigned char>(c)))
                ++digits;
            else if (c != '-' && c != ' ')
                ++other;
        }
        if (digits > 0 && digits <= 4 && other == 0) return true;
        if (line.rfind("Page ", 0) == 0 && digits > 0 && other == 4) return true;
    }
    if (line.size() >= 3 && line.find_first_not_of("-=*_ ") == std::string_view::npos) return true;
    return false;
}

bool is_markdown_heading(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && n < 7 && line[n] == '#') ++n;
    return n >= 1 && n <= 6 && (n == line.size() || line[n] == ' ');
}

bool is_rule(std::string_view line) {
    return line.size() >= 3 && line.find_first_not_of("-=*_ ") == std::string_view::npos &&
           line.find_first_not_of(std::string(1, line.front()) + " ") == std::string_view::npos;
}

bool is_url_only(std::string_view line) {
    if (line.front() == '<' && line.back() == '>') line = line.substr(1, line.size() - 2);
    return (line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0 || line.rfind("www.", 0) == 0) &&
           line.find(' ') == std::string_view::npos;
}

void append_line(std::string& raw, std::string_view line) {
    if (raw.empty()) {
        raw = line;
        return;
    }
    if (raw.size() >= 2 && raw.back() == '-' && std::isalpha(static_cast<unsigned char>(raw[raw.size() - 2]))) {
        raw += line;
    } else {
        raw += ' ';
        raw += line;
    }
}

bool ends_sentence(std::string_view raw) {
    std::size_t end = raw.size();
    while (end > 0) {
        std::size_t p = end;
        const char32_t c = utf8::previous(raw, p);
        if (c == ' ' || c == '*' || c == '_' || superscript_digit(c) >= 0) {
            end = p;
            continue;
        }
        if (c == ']' && end >= 4) { // a Markdown footnote reference "[^3]", "[^123]"
            const std::size_t open = raw.substr(0, end).rfind("[^");
            if (open != std::string_view::npos && end - open <= 10) {
                end = open;
                continue;
            }
        }
        break;
    }
    auto terminal = [](char32_t c) {
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == U'\u2026' || c == U'\u3002' ||
               c == U'\uFF01' || c == U'\uFF1F';
    };
    if (end == 0) return true;
    std::size_t p = end;
    char32_t c = utf8::previous(raw, p);
    if (terminal(c)) return true;
    if (c == '"' || c == ')' || c == ']' || c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' || c == '\'') {
        if (p == 0) return false;
        return terminal(utf8::previous(raw, p));
    }
    return false;
}

bool starts_lower(std::string_view raw) {
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const char32_t c = utf8::next(raw, pos);
        if (c == '*' || c == '_' || c == '"' || c == U'\u201C' || c == '(' || c == ' ') continue;
        return utf8::is_lower(c);
    }
    return false;
}

} // namespace rapporteur
