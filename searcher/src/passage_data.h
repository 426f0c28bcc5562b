/** @file passage_data.h
 *  @brief The document data the indexer stores for a passage (JSON), read back.
 */
#ifndef RAPPORTEUR_PASSAGE_DATA_H
#define RAPPORTEUR_PASSAGE_DATA_H

#include "rapporteur/format/stored_passage.h"
#include "rapporteur/searcher.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/** A passage as stored: id, document, kind, lang, session{day,number,title}, organisations,
 *  countries, text, footnotes[{n,text,urls}] and offsets (flat [start,end,...] byte offsets
 *  of each word position). Missing fields read as empty. */
struct PassageData {
    Hit hit; ///< everything a Hit shows (rank, score, snippet and highlights left empty)
    std::vector<std::uint32_t> offsets;

    /** Read a stored passage and its word offsets, one record read
     *  (rapporteur::read_stored_passage). `details` false keeps only id, text and offsets.
     *  Throws RuntimeError when the data is damaged. */
    static PassageData parse(const Xapian::Document& doc, bool details = true);
    /// The same from the data itself (a shard's SLOT_PAGE_DATA value).
    static PassageData parse(std::string_view data, Xapian::docid did, bool details = true);

  private:
    static PassageData from(StoredPassage&& s, bool details);
};

} // namespace rapporteur

#endif
