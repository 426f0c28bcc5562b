/** @file date_parser.cc
 *  @brief A small token machine for dates: days collect until a month, years close them.
 */
#include "date_parser.h"

#include "rapporteur/utf8.h"

#include <algorithm>
#include <cstdio>

namespace rapporteur {

namespace {

constexpr std::size_t MAX_DATE_LINE_BYTES = 300;
constexpr int MAX_RANGE_DAYS = 31;

struct Token {
    enum Kind { NUMBER, WORD, DASH, DOT, SLASH, COMMA, OTHER } kind = OTHER;
    std::string_view text;
    int value = 0; ///< for NUMBER
    std::size_t digits = 0;
};

bool is_dash(char32_t c) {
    // The wave dashes mean "through" in Chinese and Japanese dates ("3日～4日").
    if (c == '~' || c == U'\u301C' || c == U'\uFF5E') return true;
    return c == '-' || c == U'\u2010' || c == U'\u2011' || c == U'\u2012' || c == U'\u2013' || c == U'\u2014' ||
           c == U'\u2212';
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        const char32_t c = utf8::next(s, pos);
        if (c >= '0' && c <= '9') {
            Token t{Token::NUMBER, {}, static_cast<int>(c - '0'), 1};
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                if (t.digits < 6) t.value = t.value * 10 + (s[pos] - '0');
                ++t.digits;
                ++pos;
            }
            t.text = s.substr(start, pos - start);
            // Ordinal suffixes stick to the number: "1st", "2nd", "1er", "3rd", "4th".
            std::size_t q = pos;
            while (q < s.size()) {
                std::size_t r = q;
                if (!utf8::is_letter(utf8::next(s, r))) break;
                q = r;
            }
            static const std::string_view SUFFIXES[] = {"st", "nd", "rd", "th", "er", "re", "e", "º", "ª", "-го", "го"};
            const std::string_view suffix = s.substr(pos, q - pos);
            if (std::find(std::begin(SUFFIXES), std::end(SUFFIXES), suffix) != std::end(SUFFIXES)) pos = q;
            tokens.push_back(t);
        } else if (utf8::is_letter(c) && utf8::char_width(c) == 2) {
            // A wide letter (Han, kana) is a word alone: those scripts put no spaces between
            // words, and digits sit between them ("2021年5月3日").
            tokens.push_back({Token::WORD, s.substr(start, pos - start)});
        } else if (utf8::is_letter(c)) {
            while (pos < s.size()) {
                std::size_t q = pos;
                if (!utf8::is_word_char(utf8::next(s, q))) break;
                pos = q;
            }
            tokens.push_back({Token::WORD, s.substr(start, pos - start)});
        } else if (is_dash(c)) {
            tokens.push_back({Token::DASH, s.substr(start, pos - start)});
        } else if (c == '.') {
            tokens.push_back({Token::DOT, s.substr(start, pos - start)});
        } else if (c == '/') {
            tokens.push_back({Token::SLASH, s.substr(start, pos - start)});
        } else if (c == ',') {
            tokens.push_back({Token::COMMA, s.substr(start, pos - start)});
        } else if (!utf8::is_space(c)) {
            tokens.push_back({Token::OTHER, s.substr(start, pos - start)});
        }
    }
    return tokens;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : DAYS[m - 1];
}

struct Day {
    int y = 0, m = 0, d = 0;
    bool range_from_previous = false; ///< "3-4": this day ends a range begun by the one before
};

bool valid(const Day& x) {
    return x.y >= 1900 && x.y <= 2200 && x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= days_in_month(x.y, x.m);
}

std::string iso(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

bool is_year(const Token& t) { return t.kind == Token::NUMBER && t.digits == 4 && t.value >= 1900 && t.value <= 2200; }
bool is_day(const Token& t) { return t.kind == Token::NUMBER && t.digits <= 2 && t.value >= 1 && t.value <= 31; }

} // namespace

std::size_t count_non_date_words(std::string_view line, const ReportWords& words) {
    std::size_t n = 0;
    for (const auto& t : tokenize(line.substr(0, std::min(line.size(), MAX_DATE_LINE_BYTES * 4)))) {
        if (t.kind != Token::WORD) continue;
        if (words.find("month", t.text) || words.find("and", t.text) || words.find("range", t.text)) continue;
        // Little words around dates: "de" (es), "of" (en), "г" (ru: год), "du"/"le" (fr).
        if (utf8::length(t.text) <= 2) continue;
        ++n;
    }
    return n;
}

std::vector<std::string> parse_dates(std::string_view line, const ReportWords& words) {
    if (line.size() > MAX_DATE_LINE_BYTES) return {};
    const auto tokens = tokenize(line);
    std::vector<Day> days;    // days with a month, waiting for a year
    std::vector<Day> pending; // days without a month yet
    std::vector<Day> done;
    int month_first = 0;     // "November 3-4": a month seen before its days
    bool range_next = false; // a dash or range word since the last day
    auto close_year = [&](int year) {
        for (auto& d : days) d.y = year;
        pending.clear(); // days without a month ("3-4 2020") name no date
        done.insert(done.end(), days.begin(), days.end());
        days.clear();
        month_first = 0;
    };
    int unit_year = 0, unit_month = 0; // "2021年5月": year and month read from their unit words
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        // Numbers with unit words after them, year first: 2021年5月3日, 5月30日至6月2日
        // (keys date.year, date.month, date.day).
        if (t.kind == Token::NUMBER && i + 1 < tokens.size() && tokens[i + 1].kind == Token::WORD) {
            const std::string_view unit = tokens[i + 1].text;
            if (is_year(t) && words.find("date.year", unit)) {
                unit_year = t.value;
                unit_month = 0;
                ++i;
                continue;
            }
            if (unit_year && words.find("date.month", unit)) {
                unit_month = t.value;
                ++i;
                continue;
            }
            if (unit_month && is_day(t) && words.find("date.day", unit)) {
                done.push_back(Day{unit_year, unit_month, t.value, range_next});
                range_next = false;
                ++i;
                continue;
            }
        }
        // Numeric dates: 2020-11-03, 03.11.2020, 3/11/2020.
        if (t.kind == Token::NUMBER && i + 4 < tokens.size() && tokens[i + 2].kind == Token::NUMBER &&
            tokens[i + 4].kind == Token::NUMBER && tokens[i + 1].kind == tokens[i + 3].kind &&
            (tokens[i + 1].kind == Token::DASH || tokens[i + 1].kind == Token::DOT ||
             tokens[i + 1].kind == Token::SLASH)) {
            Day d;
            if (is_year(t) && tokens[i + 1].kind == Token::DASH) {
                d = {t.value, tokens[i + 2].value, tokens[i + 4].value};
            } else if (is_year(tokens[i + 4]) && tokens[i + 1].kind != Token::DASH) {
                d = {tokens[i + 4].value, tokens[i + 2].value, t.value};
            }
            if (valid(d)) {
                d.range_from_previous = range_next;
                range_next = false;
                done.push_back(d);
                i += 4;
                continue;
            }
        }
        if (is_year(t)) {
            close_year(t.value);
            range_next = false;
            continue;
        }
        if (is_day(t)) {
            Day d{0, month_first, t.value, range_next};
            range_next = false;
            if (month_first)
                days.push_back(d);
            else
                pending.push_back(d);
            continue;
        }
        if (t.kind == Token::WORD) {
            if (const LanguageWord* m = words.find("month", t.text)) {
                if (!pending.empty()) {
                    for (auto& d : pending) d.m = m->value;
                    days.insert(days.end(), pending.begin(), pending.end());
                    pending.clear();
                    month_first = 0;
                } else {
                    month_first = m->value;
                }
                continue;
            }
            if (words.find("range", t.text)) {
                range_next = true;
                continue;
            }
            continue; // "and", "de", "of", weekday names: neither range nor break
        }
        if (t.kind == Token::DASH) range_next = true;
    }
    // Expand ranges ("3-4", "30 November - 2 December") and keep valid days.
    std::vector<std::string> out;
    for (std::size_t i = 0; i < done.size(); ++i) {
        const Day& d = done[i];
        if (!valid(d)) continue;
        if (d.range_from_previous && i > 0 && valid(done[i - 1])) {
            Day x = done[i - 1];
            for (int step = 0; step < MAX_RANGE_DAYS; ++step) {
                if (++x.d > days_in_month(x.y, x.m)) {
                    x.d = 1;
                    if (++x.m > 12) {
                        x.m = 1;
                        ++x.y;
                    }
                }
                if (x.y > d.y || (x.y == d.y && (x.m > d.m || (x.m == d.m && x.d >= d.d)))) break;
                out.push_back(iso(x.y, x.m, x.d));
            }
        }
        out.push_back(iso(d.y, d.m, d.d));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace rapporteur
