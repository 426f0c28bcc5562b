/** @file structure.cc
 *  @brief Headings into sessions, sub-headings and meta sections; a report's dates.
 */
#include "structure.h"

#include "date_parser.h"
#include "session_heading.h"

#include <algorithm>
#include <cctype>

namespace rapporteur {

namespace {

/// Longer lines are sentences or paragraphs, not section headings.
constexpr std::size_t MAX_NUMBERED_HEADING_BYTES = 120;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_roman(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }

/// The byte length of a section number at the start of `s` ("I. ", "2. ", "4.9 ", "A. ") and
/// the level it gives, or 0.
std::size_t section_number(std::string_view s, int& level) {
    std::size_t i = 0;
    if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        int parts = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            std::size_t start = i;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
            if (i - start > 2) return 0;
            ++parts;
            if (i < s.size() && s[i] == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))
                ++i;
            else
                break;
        }
        const bool dot = i < s.size() && (s[i] == '.' || s[i] == ')');
        if (dot) ++i;
        if (parts == 1 && !dot) return 0; // "2020 was a year": a number, not a section
        level = parts;
    } else if (i < s.size() && is_roman(s[i])) {
        while (i < s.size() && is_roman(s[i]) && i < 6) ++i;
        if (i >= s.size() || s[i] != '.') return 0;
        ++i;
        level = 1;
    } else if (i < s.size() && s[i] >= 'A' && s[i] <= 'H') {
        ++i;
        if (i >= s.size() || s[i] != '.') return 0;
        ++i;
        level = 2;
    } else {
        return 0;
    }
    if (i >= s.size() || s[i] != ' ') return 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

/// The text of a heading without a trailing colon, for matching whole words of the data file.
std::string_view bare(std::string_view text) {
    text = trim(text);
    while (!text.empty() && (text.back() == ':' || text.back() == '.')) text.remove_suffix(1);
    return trim(text);
}

} // namespace

HeadingRole heading_role(std::string_view text, const ReportWords& words) {
    if (auto h = match_session_heading(text, words)) return HeadingRole::SESSION;
    int level = 0;
    if (section_number(text, level) > 0) return HeadingRole::SECTION; // a numbered section
    const std::string_view b = bare(text);
    if (words.find("heading.people", b)) return HeadingRole::PEOPLE;
    if (words.find("heading.meta", b)) return HeadingRole::META;
    if (words.find("heading.container", b)) return HeadingRole::CONTAINER;
    if (words.find("heading.opening", b)) return HeadingRole::OPENING;
    if (words.find("heading.closing", b)) return HeadingRole::CLOSING;
    return HeadingRole::SECTION;
}

std::optional<int> numbered_heading_level(std::string_view line) {
    line = trim(line);
    if (line.size() > MAX_NUMBERED_HEADING_BYTES) return std::nullopt;
    int level = 0;
    const std::size_t body = section_number(line, level);
    if (body == 0 || body >= line.size()) return std::nullopt;
    // A heading's text starts with a capital (or a non-ASCII letter) and ends without a full stop.
    const auto first = static_cast<unsigned char>(line[body]);
    if (!(std::isupper(first) || first >= 0x80)) return std::nullopt;
    const char last = line.back();
    if (last == '.' || last == ';' || last == ',') return std::nullopt;
    return level;
}

void SectionTracker::plan(const std::vector<HeadingLine>& headings) {
    int meta = 0;
    for (const auto& h : headings) {
        const HeadingRole role = heading_role(h.text, words_);
        if (meta && h.level <= meta) meta = 0;
        if (meta) continue;
        if (role == HeadingRole::SESSION) {
            if (auto s = match_session_heading(h.text, words_); s && s->number > 0) numbered_ = true;
        } else if (role == HeadingRole::META || role == HeadingRole::PEOPLE) {
            meta = h.level;
        } else if (role == HeadingRole::SECTION) {
            session_level_ = std::min(session_level_, h.level);
        }
    }
}

void SectionTracker::session_opened() {
    meta_level_ = 0;
    in_container_ = false;
    subs_.clear();
    people_sub_ = false;
    session_heading_level_ = 0;
}

void SectionTracker::heading(const HeadingLine& h) {
    if (meta_level_ && h.level <= meta_level_) meta_level_ = 0;
    if (meta_level_) return; // a heading inside a meta section stays in it
    if (container_level_ && h.level <= container_level_) {
        container_level_ = 0;
        in_container_ = false;
    }
    HeadingRole role = heading_role(h.text, words_);
    auto open = [&](int number, std::string title) {
        report_.sessions.push_back(Session{current_day_, number, std::move(title), false});
        session_opened();
        session_heading_level_ = h.level;
    };
    int last = 0;
    for (const auto& s : report_.sessions) last = std::max(last, s.number);
    switch (role) {
        case HeadingRole::SESSION: {
            auto s = match_session_heading(h.text, words_);
            if (heading_lang_.empty()) heading_lang_ = s->lang;
            if (s->day) current_day_ = s->day;
            if (s->number > 0) {
                open(s->number, s->title);
            } else {
                subs_.clear();
                people_sub_ = false;
            }
            return;
        }
        case HeadingRole::META:
        case HeadingRole::PEOPLE:
            meta_level_ = h.level;
            meta_people_ = role == HeadingRole::PEOPLE;
            return;
        case HeadingRole::CONTAINER:
            container_level_ = h.level;
            in_container_ = true;
            subs_.clear();
            people_sub_ = false;
            return;
        case HeadingRole::OPENING:
            if (report_.sessions.size() == 1 && report_.sessions[0].title.empty()) {
                report_.sessions[0].title = h.text;
                subs_.clear();
                people_sub_ = false;
                return;
            }
            break;
        case HeadingRole::CLOSING:
            if (numbered_) {
                open(last + 1, h.text);
                return;
            }
            break;
        case HeadingRole::SECTION: break;
    }
    const bool opens = !numbered_ && (h.level <= session_level_ || (container_level_ && h.level == container_level_ + 1));
    if (opens) {
        open(last + 1, h.text);
        return;
    }
    // A sub-heading: it closes the sub-headings at its level and below.
    while (!subs_.empty() && subs_.back().first >= h.level) subs_.pop_back();
    subs_.emplace_back(h.level, h.text);
    // A numbered sub-section of attendance ("A. Attendance") stays in its session, and its list
    // names the meeting's people.
    people_sub_ = false;
    for (const auto& sub : subs_) {
        int level = 0;
        const std::string_view text = sub.second;
        const std::size_t number = section_number(text, level);
        if (number > 0 && words_.find("heading.people", bare(text.substr(number)))) people_sub_ = true;
    }
}

int SectionTracker::session() const {
    if (meta_level_ || in_container_) return 0;
    return static_cast<int>(report_.sessions.size()) - 1;
}

std::string SectionTracker::sub_heading() const {
    if (meta_level_) return {};
    std::string out;
    for (const auto& [level, text] : subs_) {
        if (!out.empty()) out += " / ";
        out += text;
    }
    return out;
}

std::vector<std::string> report_dates(const std::vector<std::string>& given, std::string_view title,
                                      const std::vector<std::string>& first_lines, std::string_view path,
                                      const ReportWords& words) {
    if (!given.empty()) return given;
    if (auto d = parse_dates(title, words); !d.empty()) return d;
    for (const auto& line : first_lines) {
        if (auto d = parse_dates(line, words); !d.empty()) return d;
    }
    auto slash = path.find_last_of('/');
    std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
    if (auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name.resize(dot);
    for (char& c : name) {
        if (c == '_') c = ' ';
    }
    return parse_dates(name, words);
}

} // namespace rapporteur
