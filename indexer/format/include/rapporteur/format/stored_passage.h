/** @file stored_passage.h
 *  @brief What the index stores for each passage, and the one reader of it.
 *
 *  The writer stores a passage as a Xapian document (schema.h); the searcher reads it back
 *  only through read_stored_passage(), so the storage format lives in one place.
 */
#ifndef RAPPORTEUR_FORMAT_STORED_PASSAGE_H
#define RAPPORTEUR_FORMAT_STORED_PASSAGE_H

#include "rapporteur/model/report.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rapporteur {

/// A footnote as shown beside a passage that cites it.
struct StoredFootnote {
    int n = 0;
    std::string text;
    std::vector<std::string> urls;
};

/// Everything the searcher shows of a passage, without re-reading the source file.
struct StoredPassage {
    std::string id, document, lang;
    PassageKind kind = PassageKind::PARAGRAPH;
    std::string text; ///< passage text, footnote markers removed
    Session session;  ///< day, number, title (number 0: opening part)
    std::vector<std::string> organisations, countries;
    std::vector<StoredFootnote> footnotes; ///< the footnotes this passage cites
    int footnote_number = 0;               ///< for a footnote
    std::vector<std::string> urls;         ///< for a footnote: its links
    std::vector<std::string> cited_by;     ///< for a footnote: ids of citing passages
    std::string speaker;                   ///< as the report names them, "" when none
    int page = 0, last_page = 0;           ///< 1-based pages, 0 where the format has none
    std::string path;  ///< the source file relative to the folder indexed ("" in old indexes)
    std::string title; ///< the document's title, "" when none
    std::string date;  ///< the document's first ISO date, "" when none
};

/// The document of a passage as SLOT_DOCUMENT holds it: path, title, first date.
std::string encode_document_info(const Report& report);

/** Serialise the document-data part of a passage: varint(byte length) and bytes of the id,
 *  the same of the text, then, only when there is any, a JSON object of the rest:
 *  `{"kind", "footnotes": [{"n", "text", "urls"}], "n", "urls", "cited_by", "page", "last_page"}`
 *  ("footnotes" when some are cited; "n", "urls", "cited_by" for a footnote; "page" and
 *  "last_page" where the format has pages). A paragraph citing nothing, most
 *  passages, is its id and text and three bytes: it is stored once per passage. The facet
 *  fields live in value slots. Never throws on any UTF-8 input. */
std::string encode_passage_data(const Passage& passage, const std::vector<StoredFootnote>& cited);

/** Read a stored passage back from its document (data and value slots). Throws RuntimeError
 *  when the data is damaged. Offsets are not read: see codecs::decode_offsets(SLOT_OFFSETS). */
StoredPassage read_stored_passage(const Xapian::Document& doc);

/// The passage id alone, without parsing the rest of the data (a TREC run needs only that).
std::string read_stored_id(const Xapian::Document& doc);

/** The document id of passage `id` ("<document slug>/p12"), found among the passages of its
 *  document (one data read each); 0 when none. */
Xapian::docid find_passage(const Xapian::Database& db, const std::string& id);

} // namespace rapporteur

#endif
