/** @file shard_set.h
 *  @brief The connections of a sharded search: one Xapian::Remote connection per shard (its
 *         primary, else a replica), their union as one Database, and the shards that are lost.
 */
#ifndef RAPPORTEUR_SHARD_SET_H
#define RAPPORTEUR_SHARD_SET_H

#include "rapporteur/shards.h"

#include <xapian.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace rapporteur {

/** Connects to the shards of a map, each through the first of its servers that answers, with
 *  the options' timeouts. A shard none of whose servers answers is lost: it is left out of the
 *  union and tried again after ShardOptions::retry_ms. Not thread-safe. */
class ShardSet {
  public:
    ShardSet(ShardMap map, ShardOptions options);

    /** Connects the shards that are not connected (a lost one only once its retry time has
     *  come). True when the union changed: what was derived from it (docids, metadata) must
     *  be read again. Throws RuntimeError naming every server when no shard answers. */
    bool connect();

    /** After a network error in a search, whose connections Xapian leaves unusable: drops
     *  every connection, so that the next connect() opens them again (and finds the lost). */
    void drop();

    /// The union of the connected shards (docid = (shard docid - 1) × n + i + 1, i in live()).
    const Xapian::Database& database() const { return union_; }
    /// The connected shards, as 0-based indices into the map, in the union's order.
    const std::vector<std::size_t>& live() const { return live_; }
    /// The own connection of live()[i] (metadata, which the union reads from its first only).
    const Xapian::Database& shard(std::size_t i) const { return *states_[live_[i]].db; }

    /** What tells a shard's revision apart without a round trip (Xapian 1.4's remote backend
     *  has no get_revision): its uuid, new with each generation and each compaction, and the
     *  statistics its last reopen brought (each of our commits adds or removes passages, and
     *  a docid is never reused). */
    struct Revision {
        std::string uuid;
        Xapian::doccount documents = 0;
        Xapian::docid last = 0;
        Xapian::totallength length = 0;
        bool operator==(const Revision&) const = default;
        /// Read from what the connection holds since its last reopen: no round trip.
        static Revision of(const Xapian::Database& db);
        /// "uuid:documents:last:length", which changes exactly when the revision does.
        std::string text() const;
    };
    /// How many second connections a shard may have (each its own server process or thread).
    static constexpr std::size_t MAX_SIDES = 4;
    /** Second connection `slot` (< MAX_SIDES) to the server of live()[i], for reading
     *  documents on one thread while the union is used on another (a Xapian object is used by
     *  one thread at a time), and several of a shard's documents at once (the remote backend
     *  reads one a round trip). Opened at first use and reopened when it is not at `at` (the
     *  revision of shard(i), read by the caller before starting the threads). Null when it
     *  cannot be opened or cannot be brought to `at` (a commit between the two reopens):
     *  shard(i) reads then. Calls for distinct (i, slot) may run on distinct threads beside the
     *  union; nothing else may. */
    Xapian::Database* side(std::size_t i, const Revision& at, std::size_t slot = 0);
    /// Forgets second connection `slot` of live()[i] after an error on it (thread rules of side()).
    void drop_side(std::size_t i, std::size_t slot = 0) { states_[live_[i]].sides[slot].reset(); }
    /// The server a connected shard answers from, "host:port".
    std::string server(std::size_t i) const;
    /// The shards lost now.
    std::vector<ShardFailure> failures() const;
    /// "N shards (host:port, ...)", for messages.
    std::string describe() const;
    std::size_t size() const { return map_.shards.size(); }
    const ShardOptions& options() const { return options_; }

  private:
    struct State {
        std::optional<Xapian::Database> db;
        std::array<std::optional<Xapian::Database>, MAX_SIDES> sides; ///< second connections, to the same server
        void drop_sides() {
            for (auto& side : sides) side.reset();
        }
        std::size_t server = 0; ///< index of the server connected to
        bool lost = false;
        std::chrono::steady_clock::time_point retry_at{};
        std::string error;
    };
    /// Tries the shard's servers in order; true when one answered.
    bool open(std::size_t s);

    ShardMap map_;
    ShardOptions options_;
    std::vector<State> states_;
    std::vector<std::size_t> live_;
    Xapian::Database union_;
};

} // namespace rapporteur

#endif
