/** @file people.h
 *  @brief People and organisations from the report itself: attendee tables and lists, speaker
 *         turns, and the entity tagging that must not take a country from a person's name.
 */
#ifndef RAPPORTEUR_READERS_PEOPLE_H
#define RAPPORTEUR_READERS_PEOPLE_H

#include "gazetteer.h"
#include "rapporteur/model/report.h"
#include "report_words.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// One person of the meeting, as its attendee table or list gives them.
struct Attendee {
    std::string name;         ///< "Alice Kim", "Chris"
    std::string abbreviation; ///< "AKI", a handle "aduh95", or ""
    std::string organisation; ///< "OSCE", "TSC", or ""
};

/** Reads the people of one report while its reader walks it, then tags every passage.
 *  Attendees come from tables whose header names a name column (report_words.tsv
 *  "column.name"; "column.abbreviation" and "column.organisation" for the others) and from the
 *  list items of attendance sections ("Name (Org)", "Name - Role", "Name @handle (Org)",
 *  "Name, Org"). Speaker turns are a passage's first words: "LABEL: ..." (an attendee's name,
 *  first name, abbreviation or handle; or a label the report uses for two turns or more and that
 *  is not a "speaker.not" word), "Mr. Smith (Germany) said ..." ("speaker.title" words), "The
 *  representative of France ..." ("speaker.delegate" words, then a country or organisation). */
class PeopleReader {
  public:
    PeopleReader(const ReportWords& words, const Gazetteer& gazetteer) : words_(words), gazetteer_(gazetteer) {}

    /// A row of a table, in order; `header` for the table's header row, `first` for its first row.
    void table_row(const std::vector<std::string>& cells, bool header, bool first);
    /// The text of a list item (or a one-line paragraph) of an attendance section.
    void attendance_item(std::string_view text);

    const std::vector<Attendee>& attendees() const { return attendees_; }

    /** Sets every passage's speaker, its organisations and countries (gazetteer.h, without the
     *  mentions that are a person's name, first name, abbreviation or handle, or the label of a
     *  person's turn), adds the speaker's organisation to the passages they speak, and collects
     *  the acronyms. */
    void finish(Report& report) const;

  private:
    const Attendee* find_person(std::string_view label) const;
    /// Whether the country mention text[start, end) is a person's name ("Jordan Harband").
    bool names_person(std::string_view text, std::size_t start, std::size_t end) const;
    /// Whether a bracket's part says what the person does ("Release WG delegate for update"):
    /// a role word written in lower case; an organisation capitalises its words.
    bool describes_role(std::string_view part) const;

    const ReportWords& words_;
    const Gazetteer& gazetteer_;
    std::vector<Attendee> attendees_;
    // Columns of the attendee table being read (-1: none); `table_` while in one.
    bool table_ = false;
    int name_col_ = -1, abbr_col_ = -1, org_col_ = -1;
};

} // namespace rapporteur

#endif
