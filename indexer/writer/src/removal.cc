/** @file removal.cc
 *  @brief Removing a document's passages and their spellings, and the documents whose file is
 *  gone; rewriting the synonyms.
 */
#include "removal.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"

#include "document_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace rapporteur {

std::size_t remove_document(Xapian::WritableDatabase& db, const std::string& slug, const Analyzer& analyzer,
                            Xapian::docid last) {
    const std::string term = std::string(schema::PREFIX_DOCUMENT) + slug;
    std::vector<Xapian::docid> ids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && *it <= last; ++it) ids.push_back(*it);
    std::size_t removed = 0;
    for (auto id : ids) {
        const auto doc = db.get_document(id);
        try {
            const auto stored = read_stored_passage(doc);
            std::set<std::string> words;
            for (auto& w : spelling_words(stored.text, analyzer.analyze(stored.text, stored.lang)))
                words.insert(std::move(w));
            for (const auto& w : words) db.remove_spelling(w, 1);
        } catch (const std::exception&) {
            // The passage goes anyway; a stale spelling only ever suggests a word.
        }
        db.delete_document(id);
        ++removed;
    }
    return removed;
}

std::size_t forget_document(Xapian::WritableDatabase& db, const std::string& slug, const Analyzer& analyzer,
                            std::map<std::string, FileRecord>& records) {
    const auto removed = remove_document(db, slug, analyzer);
    erase_record(db, slug);
    records.erase(slug);
    return removed;
}

std::vector<std::string> missing_documents(const std::map<std::string, FileRecord>& records,
                                           const std::vector<std::filesystem::path>& folders) {
    std::vector<std::string> missing;
    for (const auto& [slug, record] : records) {
        const std::string& path = record.path; // clang 15 cannot capture a structured binding
        const bool under = std::any_of(folders.begin(), folders.end(), [&](const std::filesystem::path& f) {
            std::string prefix = f.string();
            if (prefix.empty() || prefix.back() != '/') prefix += '/';
            return path.rfind(prefix, 0) == 0;
        });
        if (!under) continue;
        // The record's path is canonical, symlinks resolved: the file itself is what must exist.
        std::error_code ec;
        if (std::filesystem::symlink_status(record.path, ec).type() == std::filesystem::file_type::not_found)
            missing.push_back(slug);
    }
    return missing;
}

void store_synonyms(Xapian::WritableDatabase& db, const std::map<std::string, FileRecord>& records) {
    const std::string prefix(schema::META_SYNONYM);
    std::vector<std::string> old;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) old.push_back(*it);
    for (const auto& k : old) db.set_metadata(k, "");
    // Per acronym, how many documents define it each way (a document counts once a way).
    std::map<std::string, std::map<std::string, std::uint32_t>> counts;
    for (const auto& [slug, record] : records) {
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& a : record.acronyms) {
            if (!is_storable_term(prefix, a.acronym) || !seen.emplace(a.acronym, a.expansion).second) continue;
            ++counts[a.acronym][a.expansion];
        }
    }
    for (const auto& [acronym, expansions] : counts) {
        const std::string value = codecs::encode_expansions(expansions);
        if (!value.empty()) db.set_metadata(prefix + acronym, value);
    }
}

} // namespace rapporteur
