/** @file session_heading.cc
 *  @brief The heading grammar of meeting reports, with the words of every language from data.
 */
#include "session_heading.h"

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

/// A number at `pos`: 1-3 ASCII digits, or (when `roman`) an upper-case Roman numeral up to XX.
int read_number(std::string_view s, std::size_t& pos, bool roman) {
    std::size_t p = pos;
    int value = 0;
    while (p < s.size() && p - pos < 3 && s[p] >= '0' && s[p] <= '9') value = value * 10 + (s[p++] - '0');
    if (p > pos && (p == s.size() || s[p] < '0' || s[p] > '9')) {
        pos = p;
        return value;
    }
    if (!roman) return 0;
    static const char* const ROMAN[] = {"XX", "XIX", "XVIII", "XVII", "XVI", "XV", "XIV", "XIII", "XII", "XI",
                                        "X",  "IX",  "VIII",  "VII",  "VI",  "V",  "IV",  "III",  "II",  "I"};
    static const int VALUES[] = {20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    for (std::size_t i = 0; i < std::size(ROMAN); ++i) {
        std::string_view r = ROMAN[i];
        if (s.substr(pos, r.size()) == r) {
            const std::size_t end = pos + r.size();
            if (end < s.size()) {
                std::size_t q = end;
                if (utf8::is_word_char(utf8::next(s, q))) continue;
            }
            pos = end;
            return VALUES[i];
        }
    }
    return 0;
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
    std::size_t pos = 0, len = 0;
    const LanguageWord* day_word = words.find_prefix("day", s, &len);
    if (day_word) {
        pos = len;
        std::size_t p = pos;
        skip_separators(s, p);
        const int day = read_number(s, p, false);
        if (day == 0) return std::nullopt;
        std::size_t after_day = p;
        if (!number_ends(s, after_day)) return std::nullopt;
        h.day = day;
        h.lang = day_word->lang;
        pos = after_day;
    }
    std::size_t session_len = 0;
    const LanguageWord* session_word = words.find_prefix("session", s.substr(pos), &session_len);
    if (!session_word) {
        if (!day_word) return std::nullopt;
        // A day-only heading: "Day 2" or "Day 2 - 4 November 2020". What follows is not a title.
        return h;
    }
    std::size_t p = pos + session_len;
    skip_separators(s, p);
    const int number = read_number(s, p, true);
    if (number == 0 || !number_ends(s, p)) return std::nullopt;
    h.number = number;
    if (h.lang.empty()) h.lang = session_word->lang;
    std::string_view title = trim(s.substr(p));
    // Quotes around a title are typography, not part of it.
    if (title.size() >= 2 && title.front() == '"' && title.back() == '"') title = title.substr(1, title.size() - 2);
    h.title = std::string(title);
    return h;
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
