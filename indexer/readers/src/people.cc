/** @file people.cc
 *  @brief Attendees, speaker turns, and entity tags that leave people's names alone.
 */
#include "people.h"

#include "acronym_finder.h"
#include "rapporteur/utf8.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace rapporteur {

namespace {

/// A speaker label is a name or an abbreviation, not a clause.
constexpr std::size_t MAX_LABEL_BYTES = 40;
constexpr int MAX_NAME_WORDS = 5;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

bool starts_upper(std::string_view w) {
    if (w.empty()) return false;
    const auto c = static_cast<unsigned char>(w[0]);
    if (c >= 0x80) {
        std::size_t pos = 0;
        const char32_t cp = utf8::next(w, pos);
        return utf8::fold(w.substr(0, pos)) != w.substr(0, pos) || cp == 0; // an upper-case letter
    }
    return std::isupper(c) != 0;
}

/// Lower-case particles inside names ("Antoine du Hamel", "Ursula von der Leyen").
bool is_particle(std::string_view w) {
    static const std::set<std::string_view> particles = {"de", "du", "da", "di", "del", "della", "van", "von",
                                                         "der", "den", "le", "la", "bin", "al", "y", "dos", "das"};
    return particles.count(w) > 0;
}

/// Does `s` look like a person's name: 1-5 words, capitalised except for particles, no digits?
bool is_name(std::string_view s) {
    auto ws = words_of(s);
    if (ws.empty() || static_cast<int>(ws.size()) > MAX_NAME_WORDS || s.size() > 60) return false;
    if (!starts_upper(ws.front())) return false;
    for (auto w : ws) {
        for (char c : w) {
            if (std::isdigit(static_cast<unsigned char>(c)) || c == ':' || c == '/' || c == '[' || c == '<') return false;
        }
        if (!starts_upper(w) && !is_particle(w)) return false;
    }
    return true;
}

/// An abbreviation used as a speaker label: 2-6 capitals ("AKI", "USA").
bool is_abbreviation(std::string_view s) {
    if (s.size() < 2 || s.size() > 6) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

/// An organisation's name as an attendee list writes it: short, capitalised.
bool is_organisation(std::string_view s) { return !s.empty() && s.size() <= 60 && starts_upper(s); }

void sort_unique(std::vector<std::string>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

/// The label before a colon at the start of a passage ("AKI: ...", "Chris: ..."): its length in
/// bytes (without the colon), or 0.
std::size_t turn_label(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > MAX_LABEL_BYTES) return 0;
    if (colon + 1 < text.size() && text[colon + 1] != ' ') return 0; // "https://", "10:30"
    std::string_view label = trim(text.substr(0, colon));
    if (label.empty() || !(is_name(label) || is_abbreviation(label))) return 0;
    return colon;
}

} // namespace

void PeopleReader::table_row(const std::vector<std::string>& cells, bool header, bool first) {
    if (header || first) {
        table_ = false;
        name_col_ = abbr_col_ = org_col_ = -1;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::string_view c = trim(cells[i]);
            if (name_col_ < 0 && words_.find("column.name", c)) name_col_ = static_cast<int>(i);
            else if (abbr_col_ < 0 && words_.find("column.abbreviation", c)) abbr_col_ = static_cast<int>(i);
            else if (org_col_ < 0 && words_.find("column.organisation", c)) org_col_ = static_cast<int>(i);
        }
        table_ = name_col_ >= 0;
        if (table_ || header) return;
    }
    if (!table_ || name_col_ >= static_cast<int>(cells.size())) return;
    Attendee a;
    a.name = std::string(trim(cells[name_col_]));
    if (abbr_col_ >= 0 && abbr_col_ < static_cast<int>(cells.size())) a.abbreviation = std::string(trim(cells[abbr_col_]));
    if (org_col_ >= 0 && org_col_ < static_cast<int>(cells.size())) a.organisation = std::string(trim(cells[org_col_]));
    if (!a.name.empty()) attendees_.push_back(std::move(a));
}

bool PeopleReader::describes_role(std::string_view part) const {
    for (const auto w : words_of(part)) {
        if (!starts_upper(w) && words_.find("attendee.role", w)) return true;
    }
    return false;
}

void PeopleReader::attendance_item(std::string_view text) {
    std::string_view s = trim(text);
    Attendee a;
    // "Ms. Ingrid Nilsson (Sweden), Chair": a role after the brackets says nothing of the person's
    // organisation, and the courtesy title is no part of the name.
    if (auto comma = s.rfind(", "); comma != std::string_view::npos && comma > 0 && s[comma - 1] == ')' &&
                                    words_.find_prefix("attendee.role", trim(s.substr(comma + 2)))) {
        s = trim(s.substr(0, comma));
    }
    if (std::size_t len = 0; words_.find_prefix("speaker.title", s, &len) && len < s.size()) s = trim(s.substr(len));
    // "Name (Org)", "Name @handle (Org)", "Name (observer/Microsoft)": roles are no organisation.
    if (auto open = s.rfind('('); open != std::string_view::npos && s.back() == ')') {
        std::string_view inside = s.substr(open + 1, s.size() - open - 2);
        s = trim(s.substr(0, open));
        std::size_t start = 0;
        while (start <= inside.size() && a.organisation.empty()) {
            std::size_t end = inside.find_first_of("/,;", start);
            if (end == std::string_view::npos) end = inside.size();
            std::string_view part = trim(inside.substr(start, end - start));
            for (std::string_view dash : {" - ", " \u2013 ", " \u2014 ", ": "}) {
                if (auto at = part.find(dash); at != std::string_view::npos) part = trim(part.substr(0, at));
            }
            if (is_organisation(part) && !words_.find_prefix("attendee.role", part) && !describes_role(part))
                a.organisation = part;
            start = end + 1;
        }
    } else if (auto dash = s.find(" - "); dash != std::string_view::npos) {
        s = trim(s.substr(0, dash)); // "Name - Role": the role is not an organisation
    } else if (auto dash2 = s.find(" \u2013 "); dash2 != std::string_view::npos) {
        s = trim(s.substr(0, dash2));
    } else if (auto comma = s.find(", "); comma != std::string_view::npos) {
        const std::string_view org = trim(s.substr(comma + 2));
        if (is_organisation(org) && !words_.find_prefix("attendee.role", org)) a.organisation = std::string(org);
        s = trim(s.substr(0, comma));
    }
    if (auto at = s.find(" @"); at != std::string_view::npos) {
        a.abbreviation = std::string(trim(s.substr(at + 2)));
        s = trim(s.substr(0, at));
    }
    // "* Julien Gilli.": a list's items ended like sentences. An initial keeps its full stop.
    if (s.size() > 1 && s.back() == '.') {
        const auto ws = words_of(s);
        if (!ws.empty() && utf8::length(ws.back()) > 3) s.remove_suffix(1);
    }
    if (!is_name(s)) return;
    a.name = std::string(s);
    attendees_.push_back(std::move(a));
}

bool PeopleReader::names_person(std::string_view text, std::size_t start, std::size_t end) const {
    // Before a handle or a bracket ("Jordan (@ljharb)", "Jordan @ljharb"): a person.
    std::string_view after = text.substr(end);
    if (after.rfind(" (@", 0) == 0 || after.rfind(" @", 0) == 0) return true;
    const std::string_view surface = text.substr(start, end - start);
    if (!words_.find("person.country", surface)) return false;
    // A country that is also a given name: only "in Jordan", never "Jordan Harband".
    if (after.size() >= 2 && after[0] == ' ' && (starts_upper(after.substr(1)) || after[1] == '(')) return true;
    // "Jordan and Bradley": one of a list of first names.
    for (std::string_view conj : {" and ", " & ", ", "}) {
        if (after.rfind(conj, 0) == 0) {
            const std::string_view next = after.substr(conj.size());
            const std::size_t sp = next.find_first_of(" ,.;)");
            const std::string_view word = next.substr(0, sp);
            if (starts_upper(word) && gazetteer_.find(word).empty()) return true;
        }
    }
    std::string_view before = trim(text.substr(0, start));
    const std::size_t space = before.find_last_of(' ');
    const std::string_view cue = space == std::string_view::npos ? before : before.substr(space + 1);
    return !words_.find("country.cue", cue);
}

const Attendee* PeopleReader::find_person(std::string_view label) const {
    label = trim(label);
    if (label.empty()) return nullptr;
    const std::string folded = utf8::fold(label);
    for (const auto& a : attendees_) {
        if (!a.abbreviation.empty() && (a.abbreviation == label || utf8::fold(a.abbreviation) == folded)) return &a;
    }
    for (const auto& a : attendees_) {
        if (utf8::fold(a.name) == folded) return &a;
    }
    // A first name, when one attendee only has it.
    const Attendee* found = nullptr;
    for (const auto& a : attendees_) {
        auto ws = words_of(a.name);
        if (!ws.empty() && utf8::fold(ws.front()) == folded) {
            if (found) return nullptr;
            found = &a;
        }
    }
    return found;
}

void PeopleReader::finish(Report& report) const {
    // Everything that names a person, which no country or organisation may be taken from.
    std::set<std::string, std::less<>> person_words;
    for (const auto& a : attendees_) {
        if (!a.abbreviation.empty()) person_words.insert(a.abbreviation);
        for (auto w : words_of(a.name)) {
            if (!is_particle(w)) person_words.insert(std::string(w));
        }
        person_words.insert(a.name);
    }
    // Labels used for two turns or more are speakers even when no attendee list names them.
    std::map<std::string, int, std::less<>> label_uses;
    for (const auto& p : report.passages) {
        if (p.kind == PassageKind::FOOTNOTE) continue;
        if (std::size_t n = turn_label(p.text)) ++label_uses[std::string(trim(std::string_view(p.text).substr(0, n)))];
    }

    for (auto& p : report.passages) {
        std::size_t label_end = 0; // the bytes of the text that name the speaker
        bool person = false;       // the speaker is a person, not a delegation
        const Attendee* who = nullptr;
        if (p.kind != PassageKind::FOOTNOTE) {
            const std::string_view text = p.text;
            if (std::size_t n = turn_label(text)) {
                const std::string_view label = trim(text.substr(0, n));
                if ((who = find_person(label))) {
                    p.speaker = who->name;
                    label_end = n;
                    person = true;
                } else if (!words_.find("speaker.not", label) && label_uses[std::string(label)] >= 2) {
                    p.speaker = std::string(label);
                    label_end = n;
                    // A label that is a country or organisation is a delegation speaking.
                    const auto mentions = gazetteer_.find(label);
                    person = !(mentions.size() == 1 && mentions[0].start == 0 && mentions[0].end == label.size());
                }
            } else if (std::size_t len = 0; words_.find_prefix("speaker.title", text, &len)) {
                // "Mr. Smith (Germany) said ...": the title and the capitalised words after it.
                std::size_t end = len;
                auto rest = text.substr(len);
                std::size_t i = 0, words = 0;
                while (i < rest.size() && words < 3) {
                    while (i < rest.size() && rest[i] == ' ') ++i;
                    std::size_t start = i;
                    while (i < rest.size() && rest[i] != ' ' && rest[i] != ',' && rest[i] != '(') ++i;
                    auto w = rest.substr(start, i - start);
                    if (w.empty() || !(starts_upper(w) || is_particle(w))) break;
                    end = len + i;
                    ++words;
                }
                if (words > 0) {
                    p.speaker = std::string(trim(text.substr(0, end)));
                    label_end = end;
                    person = true;
                    // Not an attendee by that name: the words still name a person.
                }
            } else if (std::size_t dlen = 0; words_.find_prefix("speaker.delegate", text, &dlen)) {
                std::size_t start = dlen;
                while (start < text.size() && text[start] == ' ') ++start;
                for (const auto& m : gazetteer_.find(text.substr(start))) {
                    if (m.start != 0) break;
                    p.speaker = m.canonical;
                    break;
                }
            }
        }

        std::vector<std::string> orgs, countries;
        for (const auto& m : gazetteer_.find(p.text)) {
            const std::string_view surface = std::string_view(p.text).substr(m.start, m.end - m.start);
            if (person && m.start < label_end) continue;         // "Jordan: ..." is a person
            if (person_words.count(surface)) continue;            // a name, first name or abbreviation
            if (m.kind == EntityMention::Kind::COUNTRY && names_person(p.text, m.start, m.end)) continue;
            (m.kind == EntityMention::Kind::COUNTRY ? countries : orgs).push_back(m.canonical);
        }
        // The speaker's organisation counts for what they say; an attendee row names theirs.
        if (who && !who->organisation.empty()) {
            const auto mentions = gazetteer_.find(who->organisation);
            if (mentions.empty()) orgs.push_back(who->organisation);
            for (const auto& m : mentions) (m.kind == EntityMention::Kind::COUNTRY ? countries : orgs).push_back(m.canonical);
        }
        for (const auto& a : attendees_) {
            if (a.organisation.empty() || p.text.find(a.name) != 0 || p.text.find(a.organisation) == std::string::npos)
                continue;
            if (gazetteer_.find(a.organisation).empty()) orgs.push_back(a.organisation); // its row
        }
        sort_unique(orgs);
        sort_unique(countries);
        p.organisations = std::move(orgs);
        p.countries = std::move(countries);
        for (auto& a : find_acronyms(p.text)) {
            const bool known = std::any_of(report.acronyms.begin(), report.acronyms.end(), [&](const auto& e) {
                return e.acronym == a.acronym && e.expansion == a.expansion;
            });
            if (!known) report.acronyms.push_back(std::move(a));
        }
    }
}

} // namespace rapporteur
