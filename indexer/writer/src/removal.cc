/** @file removal.cc
 *  @brief Removing a document's passages and their spellings; rewriting the synonyms.
 */
#include "removal.h"

#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"

#include "document_builder.h"

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

void store_synonyms(Xapian::WritableDatabase& db, const std::map<std::string, FileRecord>& records) {
    const std::string prefix(schema::META_SYNONYM);
    std::vector<std::string> old;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) old.push_back(*it);
    for (const auto& k : old) db.set_metadata(k, "");
    for (const auto& [slug, record] : records) {
        for (const auto& a : record.acronyms) {
            const std::string key = prefix + a.acronym;
            if (is_storable_term(prefix, a.acronym)) db.set_metadata(key, a.expansion);
        }
    }
}

} // namespace rapporteur
