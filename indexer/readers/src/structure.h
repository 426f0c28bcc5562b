/** @file structure.h
 *  @brief The structure stage shared by every reader: which headings open sessions, which are
 *         sub-headings inside a session, which open meta sections (links, attendance), and the
 *         document's dates from its title, first lines or file name.
 *
 *  The layout parser (report_parser.cc) and build_report (outline_report.cc) both walk their
 *  headings through one SectionTracker, so that a .txt and a .md of the same report get the same
 *  sessions.
 */
#ifndef RAPPORTEUR_READERS_STRUCTURE_H
#define RAPPORTEUR_READERS_STRUCTURE_H

#include "rapporteur/model/report.h"
#include "report_words.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// What a heading is, from its words alone (report_words.tsv keys "heading.*").
enum class HeadingRole : std::uint8_t {
    SESSION,   ///< "Day 1. Session 2 - Title", "Panel 2: Title", "Agenda item 3" (session_heading.h)
    META,      ///< links, the next meeting: not a session of substance
    PEOPLE,    ///< attendance: "Present", "Attendees", "Participants"
    CONTAINER, ///< "Minutes", "Agenda": its sub-headings are the sessions
    OPENING,   ///< unnumbered "Opening session": titles the opening part
    CLOSING,   ///< unnumbered "Closing session": a last session even among numbered ones
    SECTION,   ///< any other heading: a session at the session level, else a sub-heading
};

/// A heading of the document, as a reader met it: its clean text and level (1 = top).
struct HeadingLine {
    std::string text;
    int level = 1;
};

/// The role of a heading's clean text.
HeadingRole heading_role(std::string_view text, const ReportWords& words);

/** A numbered section heading of a plain-text report, one line alone: "I. Introduction",
 *  "2. Organization of the session", "4.9 JSON, IETF changes", "A. Attendance". Its level:
 *  Roman numerals 1, "N." 1, "N.M" 2, a capital letter 2. nullopt for anything else, and for a
 *  sentence ("1. The Working Group met ...": it ends with a full stop, or runs over 120 bytes). */
std::optional<int> numbered_heading_level(std::string_view line);

/** Walks a document's headings in reading order and says which session each passage is in.
 *  Rules (the README's "Structure" section):
 *  - a SESSION heading opens the session it names (numbered sessions), or sets the day;
 *  - META and PEOPLE headings open a meta section: its passages are the opening part's (0),
 *    until a heading at its level or above;
 *  - a CONTAINER heading's direct sub-headings are sessions;
 *  - SECTION headings at the session level (the highest level used by SECTION headings outside
 *    meta sections, below the title) open sessions numbered in order, titled by their text,
 *    unless the report numbers its sessions itself; deeper ones are sub-headings, kept as the
 *    passages' `heading` (searchable with the session title). */
class SectionTracker {
  public:
    SectionTracker(Report& report, const ReportWords& words) : report_(report), words_(words) {}

    /// Every heading of the document below its title, in order, before the walk.
    void plan(const std::vector<HeadingLine>& headings);

    /// The next heading in reading order (as given to plan()).
    void heading(const HeadingLine& h);

    /// A session opened by other means (a session announced in the text): sub-headings end.
    void session_opened();
    /// The day a day heading of the layout parser set (0: unchanged).
    void day(int d) {
        if (d) current_day_ = d;
    }

    /// The session index (into Report::sessions) of a passage met now.
    int session() const;
    /// The sub-headings above a passage met now, outermost first, joined by " / "; "" when none.
    std::string sub_heading() const;
    /// Whether a passage met now is in an attendance section, or under a numbered sub-section
    /// of attendance inside a session ("A. Attendance" in "II. Organization of the session").
    bool in_people() const { return (meta_level_ > 0 && meta_people_) || people_sub_; }
    /// Whether a passage met now is in a meta or attendance section.
    bool in_meta() const { return meta_level_ > 0; }
    /// Whether the report numbers its sessions with headings ("Session 3 - ...").
    bool numbered() const { return numbered_; }
    /// The language of the first session heading's words ("" when none).
    const std::string& heading_lang() const { return heading_lang_; }

  private:
    Report& report_;
    const ReportWords& words_;
    int session_level_ = 7;
    bool numbered_ = false; ///< the report has "Session N" headings
    int current_day_ = 0;
    int meta_level_ = 0; ///< level of the open meta section, 0 when none
    bool meta_people_ = false;
    int container_level_ = 0;  ///< level of the open container heading, 0 when none
    bool in_container_ = false; ///< between a container heading and its first sub-heading
    int session_heading_level_ = 0; ///< level of the heading that opened the current session
    std::vector<std::pair<int, std::string>> subs_; ///< open sub-headings: level, text
    bool people_sub_ = false; ///< one of subs_ is an attendance sub-section
    std::string heading_lang_;
};

/** The dates of a report: those given, else those of its title, else of its first lines
 *  (`first_lines`), else of the file name's last part ("2020-11-16.md", "minutes-2021-03-02"). */
std::vector<std::string> report_dates(const std::vector<std::string>& given, std::string_view title,
                                      const std::vector<std::string>& first_lines, std::string_view path,
                                      const ReportWords& words);

} // namespace rapporteur

#endif
