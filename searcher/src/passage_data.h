/** @file passage_data.h
 *  @brief The document data the indexer stores for a passage (JSON), read back.
 */
#ifndef RAPPORTEUR_PASSAGE_DATA_H
#define RAPPORTEUR_PASSAGE_DATA_H

#include "rapporteur/searcher.h"

#include <xapian.h>

#include <cstdint>
#include <string>
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
};

} // namespace rapporteur

#endif
