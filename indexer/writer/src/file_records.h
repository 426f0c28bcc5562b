/** @file file_records.h
 *  @brief What the database remembers of each indexed file (metadata META_FILE + slug).
 */
#ifndef RAPPORTEUR_INDEXER_FILE_RECORDS_H
#define RAPPORTEUR_INDEXER_FILE_RECORDS_H

#include "rapporteur/model/report.h"

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// One indexed file: its content hash, where it was read from, the acronyms it defines.
struct FileRecord {
    std::string hash; ///< content_hash() of the file's bytes: equal means unchanged
    std::string path; ///< canonical path it was read from
    std::vector<AcronymDefinition> acronyms;
};

/// A record as stored: JSON `{"hash", "path", "acronyms": [[acronym, expansion], ...]}`.
std::string encode_record(const FileRecord& record);

/// The record of a stored value; a damaged one (not such JSON) reads as an empty record.
FileRecord decode_record(std::string_view value);

/// Every file record of the database, by slug. A damaged record reads as an empty one.
std::map<std::string, FileRecord> read_records(const Xapian::Database& db);

/// Stores the record of document `slug` (until the next commit, as Xapian's metadata does).
void write_record(Xapian::WritableDatabase& db, const std::string& slug, const FileRecord& record);

/// Forgets the record of document `slug`.
void erase_record(Xapian::WritableDatabase& db, const std::string& slug);

} // namespace rapporteur

#endif
