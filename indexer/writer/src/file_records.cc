/** @file file_records.cc
 *  @brief File records as JSON in the database's metadata.
 */
#include "file_records.h"

#include "rapporteur/format/schema.h"

#include <nlohmann/json.hpp>

namespace rapporteur {

namespace {

std::string metadata_key(const std::string& slug) { return std::string(schema::META_FILE) + slug; }

} // namespace

std::string encode_record(const FileRecord& r) {
    nlohmann::json acr = nlohmann::json::array();
    for (const auto& a : r.acronyms) acr.push_back({a.acronym, a.expansion});
    return nlohmann::json{{"hash", r.hash}, {"path", r.path}, {"acronyms", acr}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

FileRecord decode_record(std::string_view s) {
    FileRecord r;
    try {
        auto j = nlohmann::json::parse(s);
        r.hash = j.value("hash", "");
        r.path = j.value("path", "");
        for (const auto& a : j.value("acronyms", nlohmann::json::array())) {
            r.acronyms.push_back({a.at(0).get<std::string>(), a.at(1).get<std::string>()});
        }
    } catch (const nlohmann::json::exception&) {
        // A damaged record only costs a re-index of that file.
    }
    return r;
}

std::map<std::string, FileRecord> read_records(const Xapian::Database& db) {
    std::map<std::string, FileRecord> records;
    const std::string prefix(schema::META_FILE);
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        records.emplace((*it).substr(prefix.size()), decode_record(db.get_metadata(*it)));
    }
    return records;
}

void write_record(Xapian::WritableDatabase& db, const std::string& slug, const FileRecord& record) {
    db.set_metadata(metadata_key(slug), encode_record(record));
}

void erase_record(Xapian::WritableDatabase& db, const std::string& slug) {
    // Xapian deletes a metadata entry by setting it empty.
    db.set_metadata(metadata_key(slug), "");
}

} // namespace rapporteur
