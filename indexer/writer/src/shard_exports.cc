/** @file shard_exports.cc
 *  @brief A shard's spelling dictionary as metadata, for a sharded search.
 */
#include "shard_exports.h"

#include "rapporteur/format/schema.h"

#include <cstdio>
#include <vector>

namespace rapporteur {

void export_for_shards(Xapian::WritableDatabase& db, const std::string& shard) {
    const std::string marker(schema::META_SHARD);
    if (!shard.empty()) db.set_metadata(marker, shard);
    if (db.get_metadata(marker).empty()) return;
    const std::string prefix(schema::META_SPELLING);
    std::vector<std::string> old;
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) old.push_back(*k);
    for (const auto& k : old) db.set_metadata(k, "");
    // Chunks of about 256 KB: one metadata value each, read by the searcher in one round trip.
    constexpr std::size_t CHUNK = 256 * 1024;
    std::string chunk;
    int number = 0;
    auto flush = [&] {
        char key[8];
        std::snprintf(key, sizeof key, "%04d", number++);
        db.set_metadata(prefix + key, chunk);
        chunk.clear();
    };
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) {
        chunk += *w;
        chunk += '\t';
        chunk += std::to_string(w.get_termfreq());
        chunk += '\n';
        if (chunk.size() >= CHUNK) flush();
    }
    if (!chunk.empty()) flush();
}

} // namespace rapporteur
