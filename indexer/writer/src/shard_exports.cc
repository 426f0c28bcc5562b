/** @file shard_exports.cc
 *  @brief A shard's spelling dictionary and acronyms as chunked metadata, for a sharded search.
 */
#include "shard_exports.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

#include <cstdio>
#include <vector>

namespace rapporteur {

namespace {

/// Writes `lines` (each ending in '\n') under `prefix` + "0000", "0001", …, in chunks of about
/// 256 KB: one metadata value each, read by the searcher in one round trip; the old chunks go.
class ChunkWriter {
  public:
    ChunkWriter(Xapian::WritableDatabase& db, std::string_view prefix) : db_(db), prefix_(prefix) {
        std::vector<std::string> old;
        for (auto k = db.metadata_keys_begin(prefix_); k != db.metadata_keys_end(prefix_); ++k) old.push_back(*k);
        for (const auto& k : old) db.set_metadata(k, "");
    }
    ~ChunkWriter() {
        if (!chunk_.empty()) flush();
    }
    std::string& line() { return chunk_; }
    void end_line() {
        chunk_ += '\n';
        if (chunk_.size() >= CHUNK) flush();
    }

  private:
    static constexpr std::size_t CHUNK = 256 * 1024;
    void flush() {
        char key[8];
        std::snprintf(key, sizeof key, "%04d", number_++);
        db_.set_metadata(prefix_ + key, chunk_);
        chunk_.clear();
    }
    Xapian::WritableDatabase& db_;
    std::string prefix_;
    std::string chunk_;
    int number_ = 0;
};

} // namespace

void export_for_shards(Xapian::WritableDatabase& db, const std::string& shard) {
    const std::string marker(schema::META_SHARD);
    if (!shard.empty()) db.set_metadata(marker, shard);
    if (db.get_metadata(marker).empty()) return;
    {
        ChunkWriter out(db, schema::META_SPELLING);
        for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) {
            out.line() += *w;
            out.line() += '\t';
            out.line() += std::to_string(w.get_termfreq());
            out.end_line();
        }
    }
    ChunkWriter out(db, schema::META_ACRONYMS);
    const std::string prefix(schema::META_SYNONYM);
    for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
        const std::string acronym = std::string(*k).substr(prefix.size());
        for (const auto& [expansion, n] : codecs::decode_expansions(db.get_metadata(*k))) {
            out.line() += acronym + '\t' + std::to_string(n) + '\t' + expansion;
            out.end_line();
        }
    }
}

} // namespace rapporteur
