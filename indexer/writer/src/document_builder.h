/** @file document_builder.h
 *  @brief One passage of a report → one Xapian document, following schema.h.
 */
#ifndef RAPPORTEUR_INDEXER_DOCUMENT_BUILDER_H
#define RAPPORTEUR_INDEXER_DOCUMENT_BUILDER_H

#include "rapporteur/analyzers.h"
#include "rapporteur/model/report.h"

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace rapporteur {

/// A passage ready for the database: its id and its document.
struct PreparedPassage {
    std::string id;
    Xapian::Document document;
};

/// Everything one file contributes to the database, built away from the writer thread.
struct PreparedReport {
    Report report;
    std::vector<PreparedPassage> passages;
    std::map<std::string, Xapian::termcount> spellings; ///< folded word → passages using it
};

/** Builds Xapian documents for the passages of a report with the given analyzer.
 *  Text terms are positional (the searcher highlights from positions and the stored offsets);
 *  session-title and cited-footnote terms are not, as no phrase query needs them. */
class DocumentBuilder {
  public:
    /// `for_shard`: also write what a sharded search reads a page from (schema.h:
    /// PREFIX_PASSAGE, SLOT_PAGE_DATA), for rapporteur-index --shard K/N.
    explicit DocumentBuilder(const Analyzer& analyzer, bool for_shard = false)
        : analyzer_(analyzer), for_shard_(for_shard) {}

    /// Detects each passage's language (when unset) and builds its document.
    PreparedReport build(Report report) const;

  private:
    const Analyzer& analyzer_;
    bool for_shard_;
};

/// The words of `text` as the spelling dictionary keeps them: folded, unstemmed, 3–32 bytes.
std::vector<std::string> spelling_words(std::string_view text, const std::vector<Token>& tokens);

} // namespace rapporteur

#endif
