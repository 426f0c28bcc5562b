/** @file removal.h
 *  @brief Taking a document's passages out of the database, finding the documents whose file is
 *  gone, and the synonyms that follow the documents that remain.
 */
#ifndef RAPPORTEUR_INDEXER_REMOVAL_H
#define RAPPORTEUR_INDEXER_REMOVAL_H

#include "rapporteur/analyzers.h"

#include "file_records.h"

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace rapporteur {

/** Removes the passages of document `slug` with a document id up to `last` (all by default:
 *  after a compaction the new version's passages follow the old ones), and their words from
 *  the spelling dictionary, as `analyzer` finds them. Returns how many passages were removed. */
std::size_t remove_document(Xapian::WritableDatabase& db, const std::string& slug, const Analyzer& analyzer,
                            Xapian::docid last = std::numeric_limits<Xapian::docid>::max());

/** Removes document `slug` whole: its passages and spellings (remove_document), its file
 *  record, and its entry in `records`. Returns how many passages were removed. */
std::size_t forget_document(Xapian::WritableDatabase& db, const std::string& slug, const Analyzer& analyzer,
                            std::map<std::string, FileRecord>& records);

/** The slugs of the documents of `records` read from a file under one of `folders` (canonical
 *  paths) that no longer exists. A file that cannot be looked at (permission denied) exists. */
std::vector<std::string> missing_documents(const std::map<std::string, FileRecord>& records,
                                           const std::vector<std::filesystem::path>& folders);

/// Replaces the stored synonyms by the acronym definitions of `records`, the documents indexed now.
void store_synonyms(Xapian::WritableDatabase& db, const std::map<std::string, FileRecord>& records);

} // namespace rapporteur

#endif
