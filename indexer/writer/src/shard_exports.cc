/** @file shard_exports.cc
 *  @brief A shard's spelling dictionary and acronyms as chunked metadata, for a sharded search.
 */
#include "shard_exports.h"

#include "rapporteur/format/chunked_metadata.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

namespace rapporteur {

void export_for_shards(Xapian::WritableDatabase& db, const std::string& shard) {
    const std::string marker(schema::META_SHARD);
    if (!shard.empty()) db.set_metadata(marker, shard);
    if (db.get_metadata(marker).empty()) return;
    format::ChunkedMetadataWriter spelling(db, schema::META_SPELLING);
    std::string line;
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) {
        line = *w;
        line += '\t';
        line += std::to_string(w.get_termfreq());
        spelling.add_line(line);
    }
    spelling.finish();
    db.set_metadata(std::string(schema::META_SPELLING_FINGERPRINT), spelling.fingerprint());
    format::ChunkedMetadataWriter acronyms(db, schema::META_ACRONYMS);
    const std::string prefix(schema::META_SYNONYM);
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
        const std::string acronym = std::string(*k).substr(prefix.size());
        for (const auto& [expansion, n] : codecs::decode_expansions(db.get_metadata(*k)))
            acronyms.add_line(acronym + '\t' + std::to_string(n) + '\t' + expansion);
    }
    acronyms.finish();
}

} // namespace rapporteur
