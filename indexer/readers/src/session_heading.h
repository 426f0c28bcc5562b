/** @file session_heading.h
 *  @brief Recognising session headings ("Day 1. Session 2 - Title") and sessions announced in text.
 */
#ifndef RAPPORTEUR_INDEXER_SESSION_HEADING_H
#define RAPPORTEUR_INDEXER_SESSION_HEADING_H

#include "report_words.h"

#include <optional>
#include <string>
#include <string_view>

namespace rapporteur {

/// A heading line that opens a session (or only a day, when `number` is 0).
struct SessionHeading {
    int day = 0;       ///< 0 when the heading names no day ("Session 3 - ...")
    int number = 0;    ///< 0 for a day-only heading ("Day 2", "Day 2 - 4 November 2020")
    std::string title; ///< text after the separator, markup removed; "" when none
    std::string lang;  ///< language of the heading words ("" when ambiguous)
};

/** Match one line against the heading grammar, with the words of every language in `words`:
 *    [DAY N [sep]] SESSION M [sep TITLE]   or   DAY N [sep ...]
 *  where sep is any of . , : ; / | · • - ‐ ‒ – — ― − and spaces, with their full-width forms
 *  and the ideographic comma and space. A word of the data ("Session") is followed by its
 *  number; a pattern with "{n}" ("第{n}场会议", "{n}日目", "セッション{n}") has the number in its
 *  place, and a day pattern may run on into the session without a separator ("第一天第二场").
 *  N and M are 1-3 digits of any script (full-width "２" too) or Han numerals ("二十"); M also
 *  Roman I..XX (heading_number.h). Markdown wrappings are removed first: leading '#'s,
 *  '**'/'__' emphasis, and a whole-line link "[...](...)". Lines over 400 bytes never match.
 *  After the number there must be a separator or the end ("Session 1 was opened by ..." is a
 *  sentence, not a heading; so is "第二场会议于九点开始"). */
std::optional<SessionHeading> match_session_heading(std::string_view line, const ReportWords& words);

/// Whether `line` starts with a day word and its number ("Day 2", "第二天", "2日目"), markup removed.
bool starts_with_day(std::string_view line, const ReportWords& words);

/** The session number a paragraph announces in its first words ("The discussion during the
 *  fourth session focused on ..." → 4): an ordinal (key "ordinal") directly followed by a
 *  session word (key "session.text") within the first 12 words. 0 when there is none. */
int announced_session(std::string_view paragraph, const ReportWords& words);

/// Remove Markdown wrapping from a short line: '#' heading marks, emphasis, a whole-line link.
std::string strip_line_markup(std::string_view line);

} // namespace rapporteur

#endif
