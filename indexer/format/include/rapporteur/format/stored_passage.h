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
#include <string_view>
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
    /// The byte span of each word position, flat (start, end, …): codecs::decode_offsets().
    std::vector<std::uint32_t> offsets;
};

/// A passage's document as its data holds it: path, title, first date, NUL-separated.
std::string encode_document_info(const Report& report);

/** Serialise the document data of a passage. Each part is varint(byte length) and bytes, in
 *  this order: the id, the text, the language, the session (codecs::encode_session), the
 *  organisations and the countries (codecs::join_values), the speaker, the document
 *  (`document_info`, encode_document_info()) and the span of each word (`offsets`,
 *  codecs::encode_offsets()). Then, only when there is any, a JSON object of the rest:
 *  `{"kind", "footnotes": [{"n", "text", "urls"}], "n", "urls", "cited_by", "page", "last_page"}`
 *  ("footnotes" when some are cited; "n", "urls", "cited_by" for a footnote; "page" and
 *  "last_page" where the format has pages). A paragraph citing nothing, most passages, has no
 *  JSON. So a hit is one record read: the session, language, organisations, countries and
 *  speaker are in value slots too, for the facets and filters, but a hit reads no slot (seven
 *  B-tree lookups of the value streams a hit before format 5: a third of a page with
 *  snippets). Never throws on any UTF-8 input. */
std::string encode_passage_data(const Passage& passage, const Session& session, const std::string& document_info,
                                const std::string& offsets, const std::vector<StoredFootnote>& cited);

/** A shard's page value of a passage's document (schema::SLOT_PAGE_DATA,
 *  codecs::encode_page_value): its data, then the terms of the fields a query's words match
 *  (text with their positions, session title and cited footnotes without), so that a sharded
 *  page highlights and says where the query matched from it alone. */
std::string page_value(const Xapian::Document& doc);

/** Read a stored passage back from its document data. Throws RuntimeError when the data is
 *  damaged (cut short, or its JSON not what encode_passage_data() writes). */
StoredPassage read_stored_passage(const Xapian::Document& doc);
/// The same from the data itself (a shard's SLOT_PAGE_DATA value, schema.h); `did` names the
/// passage in the error.
StoredPassage read_stored_passage(std::string_view data, Xapian::docid did);

/// The passage id alone, without parsing the rest of the data (a TREC run needs only that).
std::string read_stored_id(const Xapian::Document& doc);

/** The document id of passage `id` ("<document slug>/p12"), found among the passages of its
 *  document (one data read each); 0 when none. */
Xapian::docid find_passage(const Xapian::Database& db, const std::string& id);

} // namespace rapporteur

#endif
