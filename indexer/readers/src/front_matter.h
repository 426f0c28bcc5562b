/** @file front_matter.h
 *  @brief The lines before a report's first paragraph → title, organisers, dates, venue.
 */
#ifndef RAPPORTEUR_INDEXER_FRONT_MATTER_H
#define RAPPORTEUR_INDEXER_FRONT_MATTER_H

#include "gazetteer.h"
#include "report_words.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// What the front matter of a report says about the meeting.
struct FrontMatter {
    std::string title;
    std::vector<std::string> organisers; ///< canonical names, in the order written
    std::vector<std::string> dates;      ///< ISO 8601, sorted
    std::string venue;
    std::string lang; ///< language of a keyword seen ("SUMMARY" → en), or ""
};

/** Read the front-matter lines (Markdown wrapping already removed):
 *  - a "title" keyword line ("SUMMARY") announces the title on the next line; without one, the
 *    first line that is nothing else is the title;
 *  - an "organisers" prefix ("Co-organized by the Council of Europe and OSCE") gives the
 *    organisations the gazetteer finds in the rest, or else the rest split at commas and "and";
 *  - a line that is mostly a date ("3-4 November 2020") gives the dates;
 *  - a "venue" prefix ("Venue: Vienna"), a "venue.word" line ("Zoom"), or the first line left
 *    over after the dates gives the venue. */
FrontMatter read_front_matter(const std::vector<std::string>& lines, const ReportWords& words,
                              const Gazetteer& gazetteer);

} // namespace rapporteur

#endif
