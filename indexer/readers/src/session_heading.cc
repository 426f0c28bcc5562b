/** @file session_heading.cc
 *  @brief The heading grammar of meeting reports, with the words of every language from data.
 */
#include "session_heading.h"

#include "heading_number.h"
#include "rapporteur/utf8.h"

#include <vector>

namespace rapporteur {

namespace {

constexpr std::size_t MAX_HEADING_BYTES = 400;

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

/// Separator characters between the parts of a heading.
bool is_separator(char32_t c) {
    // Full-width forms and the ideographic space and comma separate the parts of Chinese and
    // Japanese headings ("第一天 第二场会议：标题").
    if (c == U'\u3000' || c == U'\u3001' || c == U'\u30FB' || c == U'\uFF0C' || c == U'\uFF0D' ||
        c == U'\uFF0E' || c == U'\uFF0F' || c == U'\uFF1A' || c == U'\uFF1B' || c == U'\uFF5C')
        return true;
    return c == ' ' || c == '.' || c == ',' || c == ':' || c == ';' || c == '-' || c == '|' || c == '/' ||
           c == U'\u2010' || c == U'\u2011' || c == U'\u2012' || c == U'\u2013' || c == U'\u2014' || c == U'\u2015' ||
           c == U'\u2212' || c == U'\u00A0' || c == U'\u00B7' || c == U'\u2022';
}

/// Skip separators at `pos`; returns how many code points were skipped.
std::size_t skip_separators(std::string_view s, std::size_t& pos) {
    std::size_t n = 0;
    while (pos < s.size()) {
        std::size_t p = pos;
        if (!is_separator(utf8::next(s, p))) break;
        pos = p;
        ++n;
    }
    return n;
}

/// Skip spaces at `pos`: the ASCII, no-break and ideographic ones.
void skip_spaces(std::string_view s, std::size_t& pos) {
    while (pos < s.size()) {
        std::size_t p = pos;
        const char32_t c = utf8::next(s, p);
        if (c != ' ' && c != U'\u00A0' && c != U'\u3000') break;
        pos = p;
    }
}

/// A heading word of `key` matched with its number: "Session 3", "第三场会议", "セッション2".
struct NumberedWord {
    const LanguageWord* word = nullptr;
    int number = 0;
    std::size_t end = 0; ///< byte offset after the number (and the pattern's words after it)
};

/// Whether `s` at `pos` starts with `folded` (case-insensitive); sets `pos` past it.
bool match_folded(std::string_view s, std::size_t& pos, std::string_view folded) {
    if (folded.empty()) return true;
    // Folding keeps the code points' count for the scripts the data lists (Latin, Cyrillic,
    // Han, kana), which is all a prefix test needs.
    const auto head = utf8::first_code_points(s.substr(pos), utf8::length(folded));
    if (utf8::fold(head) != folded) return false;
    pos += head.size();
    return true;
}

/** The word of `key` (report_words.tsv "day", "session") at `pos`, longest first, with its number.
 *  A word without "{n}" ("Session") is followed by separators and the number; a pattern
 *  ("第{n}场会议", "{n}日目", "セッション{n}") has the number in its place, spaces around it allowed. */
NumberedWord match_numbered_word(std::string_view key, std::string_view s, std::size_t pos, bool roman,
                                 const ReportWords& words) {
    static constexpr std::string_view PLACEHOLDER = "{n}";
    // The line's head folded once: a word whose folded text it does not start with is no match,
    // without folding the line again for each of the data's words (a line is tried often).
    constexpr std::size_t HEAD_CODE_POINTS = 48;
    const std::string head = utf8::fold(utf8::first_code_points(s.substr(pos), HEAD_CODE_POINTS));
    for (const auto& w : words.words(key)) {
        const std::string_view f = w.folded;
        const auto at = f.find(PLACEHOLDER);
        const std::string_view before = at == std::string_view::npos ? f : f.substr(0, at);
        const std::string_view after = at == std::string_view::npos ? std::string_view() : f.substr(at + PLACEHOLDER.size());
        if (head.compare(0, before.size(), before) != 0) continue;
        std::size_t p = pos;
        if (!match_folded(s, p, before)) continue;
        if (at == std::string_view::npos) {
            // A word must end at a word boundary: "Tagesordnung" is no "Tag".
            if (p < s.size()) {
                std::size_t q = p, end = before.size();
                if (utf8::is_word_char(utf8::next(s, q)) && utf8::is_word_char(utf8::previous(before, end))) continue;
            }
            skip_separators(s, p);
        } else {
            skip_spaces(s, p);
        }
        const int number = read_heading_number(s, p, roman, w.lang);
        if (number == 0) continue;
        if (!after.empty()) {
            skip_spaces(s, p);
            if (!match_folded(s, p, after)) continue;
        }
        return {&w, number, p};
    }
    return {};
}

/// After a number: the end of the line, or at least one separator. Sets `pos` past them.
bool number_ends(std::string_view s, std::size_t& pos) {
    if (pos == s.size()) return true;
    std::size_t p = pos;
    if (skip_separators(s, p) == 0) return false;
    // "Session 1 was opened": a single space followed by a lower-case word is a sentence.
    if (p < s.size() && p - pos == 1 && s[pos] == ' ') {
        std::size_t q = p;
        if (utf8::is_lower(utf8::next(s, q))) return false;
    }
    pos = p;
    return true;
}

void remove_all(std::string& s, std::string_view what) {
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.erase(at, what.size());
}

/// Whether language `lang` lists `folded` among the words of `key`.
bool shares_word(const ReportWords& words, std::string_view key, std::string_view folded, std::string_view lang) {
    for (const auto& w : words.words(key)) {
        if (w.lang == lang && w.folded == folded) return true;
    }
    return false;
}

} // namespace

std::string strip_line_markup(std::string_view line) {
    line = trim(line);
    while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    while (!line.empty() && line.back() == '#') line.remove_suffix(1);
    std::string s(trim(line));
    remove_all(s, "**");
    remove_all(s, "__");
    std::string_view v = trim(s);
    // A whole-line link: "[Day 2. Session 3 - ...](#anchor)".
    if (v.size() > 2 && v.front() == '[' && v.back() == ')') {
        if (auto mid = v.rfind("]("); mid != std::string_view::npos && mid > 1) {
            v = trim(v.substr(1, mid - 1));
        }
    } else if (v.size() > 2 && v.front() == '[' && v.back() == ']') {
        v = trim(v.substr(1, v.size() - 2));
    }
    // Single '*' or '_' emphasis around the whole line.
    while (v.size() > 2 && ((v.front() == '*' && v.back() == '*') || (v.front() == '_' && v.back() == '_'))) {
        v = trim(v.substr(1, v.size() - 2));
    }
    return std::string(v);
}

std::optional<SessionHeading> match_session_heading(std::string_view raw, const ReportWords& words) {
    if (raw.size() > MAX_HEADING_BYTES) return std::nullopt;
    const std::string line = strip_line_markup(raw);
    std::string_view s = line;
    SessionHeading h;
    std::size_t pos = 0;
    const NumberedWord day = match_numbered_word("day", s, 0, false, words);
    if (day.word) {
        h.day = day.number;
        h.lang = day.word->lang;
        pos = day.end;
        // Chinese and Japanese run the session on without a space: "第一天第二场会议".
        const bool run_on = match_numbered_word("session", s, pos, true, words).word != nullptr;
        if (!run_on && !number_ends(s, pos)) return std::nullopt;
    }
    const NumberedWord session = match_numbered_word("session", s, pos, true, words);
    if (!session.word) {
        if (!day.word) return std::nullopt;
        // A day-only heading: "Day 2" or "Day 2 - 4 November 2020". What follows is not a title.
        return h;
    }
    std::size_t p = session.end;
    if (!number_ends(s, p)) return std::nullopt;
    h.number = session.number;
    // A day word several languages share ("Dia": es, pt) is the session word's language when
    // that language has it too ("Dia 2. Sessão 3" is Portuguese).
    if (h.lang.empty() || (session.word->lang != h.lang && shares_word(words, "day", day.word->folded, session.word->lang)))
        h.lang = session.word->lang;
    std::string_view title = trim(s.substr(p));
    // Quotes around a title are typography, not part of it.
    for (std::string_view q : {"\"\"", "\u201C\u201D", "\u300C\u300D", "\u300E\u300F"}) {
        const std::size_t half = q[0] == '"' ? 1 : 3;
        const std::string_view open = q.substr(0, half), close = q.substr(half);
        if (title.size() >= open.size() + close.size() && title.substr(0, open.size()) == open &&
            title.substr(title.size() - close.size()) == close)
            title = title.substr(open.size(), title.size() - open.size() - close.size());
    }
    h.title = std::string(title);
    return h;
}

bool starts_with_day(std::string_view line, const ReportWords& words) {
    if (line.size() > MAX_HEADING_BYTES) line = line.substr(0, MAX_HEADING_BYTES);
    const std::string s = strip_line_markup(line);
    return match_numbered_word("day", s, 0, false, words).word != nullptr;
}

int announced_session(std::string_view paragraph, const ReportWords& words) {
    constexpr std::size_t MAX_WORDS = 12;
    std::vector<std::string_view> found;
    std::size_t pos = 0;
    // Collect the first words (letters and digits) of the paragraph, up to MAX_WORDS + 3.
    while (pos < paragraph.size() && found.size() < MAX_WORDS + 3) {
        std::size_t start = pos;
        char32_t c = utf8::next(paragraph, pos);
        if (!utf8::is_word_char(c)) continue;
        std::size_t end = pos;
        while (end < paragraph.size()) {
            std::size_t q = end;
            if (!utf8::is_word_char(utf8::next(paragraph, q))) break;
            end = q;
        }
        found.push_back(paragraph.substr(start, end - start));
        pos = end;
    }
    for (std::size_t i = 0; i + 1 < found.size() && i < MAX_WORDS; ++i) {
        const LanguageWord* ordinal = words.find("ordinal", found[i]);
        if (!ordinal) continue;
        // The session word may be a phrase ("table ronde"): try one and two words.
        if (words.find("session.text", found[i + 1])) return ordinal->value;
        if (i + 2 < found.size()) {
            std::string two = std::string(found[i + 1]) + " " + std::string(found[i + 2]);
            if (words.find("session.text", two)) return ordinal->value;
        }
    }
    return 0;
}

} // namespace rapporteur
