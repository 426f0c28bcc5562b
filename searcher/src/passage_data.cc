/** @file passage_data.cc
 *  @brief A stored passage read back, as the searcher shows it.
 */
#include "passage_data.h"

#include "rapporteur/format/stored_passage.h"

namespace rapporteur {

PassageData PassageData::parse(const Xapian::Document& doc, bool details) {
    return from(read_stored_passage(doc), details);
}

PassageData PassageData::parse(std::string_view data, Xapian::docid did, bool details) {
    return from(read_stored_passage(data, did), details);
}

PassageData PassageData::from(StoredPassage&& s, bool details) {
    PassageData p;
    p.offsets = std::move(s.offsets);
    p.hit.id = std::move(s.id);
    p.hit.text = std::move(s.text);
    if (!details) return p;
    p.hit.document = std::move(s.document);
    p.hit.kind = std::move(s.kind);
    p.hit.lang = std::move(s.lang);
    p.hit.session = std::move(s.session);
    p.hit.organisations = std::move(s.organisations);
    p.hit.countries = std::move(s.countries);
    p.hit.footnotes = std::move(s.footnotes);
    p.hit.footnote_number = s.footnote_number;
    p.hit.cited_by = std::move(s.cited_by);
    p.hit.title = std::move(s.title);
    p.hit.date = std::move(s.date);
    p.hit.path = std::move(s.path);
    p.hit.page = s.page;
    p.hit.speaker = std::move(s.speaker);
    return p;
}

} // namespace rapporteur
