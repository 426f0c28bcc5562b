/** @file layout_items.h
 *  @brief The layout parser's items (report_parser.cc): what a block of lines was read as, in
 *         reading order, and the one step that makes them the report's passages.
 */
#ifndef RAPPORTEUR_READERS_LAYOUT_ITEMS_H
#define RAPPORTEUR_READERS_LAYOUT_ITEMS_H

#include "people.h"
#include "rapporteur/model/report.h"

#include <string>
#include <vector>

namespace rapporteur {

/// A heading, paragraph, bullet, footnote or table row of a text report, in reading order.
struct LayoutItem {
    enum class Kind { PARAGRAPH, BULLET, FOOTNOTE, HEADING, SKIP } kind = Kind::SKIP;
    std::string raw; ///< the text as the lines give it, markup and markers in
    int footnote_number = 0;
    int session = 0;
    std::string heading;            ///< sub-headings above it (SectionTracker::sub_heading)
    bool people = false;            ///< in an attendance section
    std::vector<std::string> cells; ///< a table row's raw cells
    bool header_row = false, first_row = false;
};

/** The passages of `items` appended to `report.passages`: clean text (inline_markup.h), text
 *  passages numbered "<slug>/pN" in order, then the footnotes ("<slug>/fnN", "-2" for a number
 *  used again), each marker linked to the first footnote of its number after it (else the last
 *  before it) and back; a footnote is in the session of the passage that first cites it. Table
 *  rows and attendance items go through `people`, whose finish() then tags every passage.
 *  The items' raw text is released as it is read. */
void make_passages_of(std::vector<LayoutItem>& items, Report& report, PeopleReader& people);

} // namespace rapporteur

#endif
