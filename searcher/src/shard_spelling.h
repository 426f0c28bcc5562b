/** @file shard_spelling.h
 *  @brief The spelling dictionary of a sharded search: every shard's, merged into a local
 *         copy (the remote protocol has no spelling table to read), kept in a cache directory
 *         so that the next searcher of the same shards opens it instead of building it.
 */
#ifndef RAPPORTEUR_SHARD_SPELLING_H
#define RAPPORTEUR_SHARD_SPELLING_H

#include "shard_set.h"

#include <xapian.h>

#include <filesystem>
#include <optional>

namespace rapporteur {

/** Reads schema::META_SPELLING of every connected shard (written by rapporteur-index
 *  --shard) and sums each word's frequency over the shards, as one database's dictionary
 *  holds it. Building the Xapian dictionary of a large collection takes seconds (about 10 s
 *  for the 200,000 words of 526,000 passages), so it is written once under the cache
 *  directory, named by the shards' fingerprints of their exported words and frequencies
 *  (schema::META_SPELLING_FINGERPRINT, one read a shard; of the merged words themselves for
 *  shards exported without one), and opened from there by any later searcher of the same
 *  contents without reading the words again (a commit that changes the words makes a
 *  new one; the four most recently used are kept). The cache is `$RAPPORTEUR_CACHE_DIR`, else
 *  `$XDG_CACHE_HOME/rapporteur`, else `~/.cache/rapporteur`, created readable by its owner
 *  only; where it cannot be written, a private temporary copy is built and removed with
 *  this object. */
class ShardSpelling {
  public:
    explicit ShardSpelling(const ShardSet& shards);
    ~ShardSpelling();
    ShardSpelling(const ShardSpelling&) = delete;
    ShardSpelling& operator=(const ShardSpelling&) = delete;

    /// The merged dictionary, or null when no shard exports one (then the speller scans the
    /// vocabulary instead).
    const Xapian::Database* dictionary() const { return db_ ? &*db_ : nullptr; }

    /// Where the dictionary is (for tests and figures); empty when there is none.
    const std::filesystem::path& location() const { return location_; }

    /// The cache directory the next dictionary goes to.
    static std::filesystem::path cache_root();

  private:
    std::filesystem::path location_;
    std::filesystem::path temporary_; ///< removed with this object when not cached
    std::optional<Xapian::Database> db_;
};

} // namespace rapporteur

#endif
