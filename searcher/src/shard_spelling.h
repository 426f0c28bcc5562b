/** @file shard_spelling.h
 *  @brief The spelling dictionary of a sharded search: every shard's, merged into a private
 *         local copy (the remote protocol has no spelling table to read).
 */
#ifndef RAPPORTEUR_SHARD_SPELLING_H
#define RAPPORTEUR_SHARD_SPELLING_H

#include "shard_set.h"

#include <xapian.h>

#include <filesystem>
#include <optional>

namespace rapporteur {

/** Reads schema::META_SPELLING of every connected shard (written by rapporteur-index
 *  --shard), sums each word's frequency over the shards, as one database's dictionary holds
 *  it, and writes it to a temporary database removed with this object. */
class ShardSpelling {
  public:
    explicit ShardSpelling(const ShardSet& shards);
    ~ShardSpelling();
    ShardSpelling(const ShardSpelling&) = delete;
    ShardSpelling& operator=(const ShardSpelling&) = delete;

    /// The merged dictionary, or null when no shard exports one (then the speller scans the
    /// vocabulary instead).
    const Xapian::Database* dictionary() const { return db_ ? &*db_ : nullptr; }

  private:
    std::filesystem::path dir_;
    std::optional<Xapian::WritableDatabase> db_;
};

} // namespace rapporteur

#endif
