/** @file shard_set.cc
 *  @brief The connections of a sharded search, their union, and the lost shards.
 */
#include "shard_set.h"

#include "rapporteur/base/errors.h"

namespace rapporteur {

ShardSet::ShardSet(ShardMap map, ShardOptions options)
    : map_(std::move(map)), options_(options), states_(map_.shards.size()) {}

bool ShardSet::open(std::size_t s) {
    State& state = states_[s];
    state.drop_sides();
    const auto& servers = map_.shards[s].servers;
    for (std::size_t k = 0; k < servers.size(); ++k) {
        try {
            // Explicit timeouts: Xapian's default of 10 s would hold a search that long.
            state.db = Xapian::Remote::open(servers[k].host, servers[k].port, options_.timeout_ms,
                                            options_.connect_timeout_ms);
            state.server = k;
            state.lost = false;
            state.error.clear();
            return true;
        } catch (const Xapian::Error& e) {
            state.error = servers[k].label() + ": " + e.get_msg();
        }
    }
    state.db.reset();
    state.lost = true;
    state.retry_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.retry_ms);
    return false;
}

bool ShardSet::connect() {
    bool changed = false;
    const auto now = std::chrono::steady_clock::now();
    for (std::size_t s = 0; s < states_.size(); ++s) {
        State& state = states_[s];
        if (state.db) continue;
        if (state.lost && now < state.retry_at) continue;
        const bool was_lost = state.lost;
        if (open(s) || !was_lost) changed = true;
    }
    if (live_.empty()) changed = true;
    if (!changed) return false;
    live_.clear();
    union_ = Xapian::Database();
    for (std::size_t s = 0; s < states_.size(); ++s) {
        if (!states_[s].db) continue;
        live_.push_back(s);
        union_.add_database(*states_[s].db);
    }
    if (live_.empty()) {
        std::string why;
        for (const auto& f : failures()) why += (why.empty() ? "" : "; ") + f.error;
        // Lost shards are tried again at once at the next search: there is nothing else.
        for (auto& state : states_) state.retry_at = now;
        throw RuntimeError("no shard answers: " + why);
    }
    return true;
}

ShardSet::Revision ShardSet::Revision::of(const Xapian::Database& db) {
    return Revision{db.get_uuid(), db.get_doccount(), db.get_lastdocid(), db.get_total_length()};
}

std::string ShardSet::Revision::text() const {
    return uuid + ":" + std::to_string(documents) + ":" + std::to_string(last) + ":" + std::to_string(length);
}

Xapian::Database* ShardSet::side(std::size_t i, const Revision& at, std::size_t slot) {
    State& state = states_[live_[i]];
    std::optional<Xapian::Database>& side = state.sides.at(slot);
    const ShardEndpoint& server = map_.shards[live_[i]].servers[state.server];
    try {
        if (!side) side = Xapian::Remote::open(server.host, server.port, options_.timeout_ms, options_.connect_timeout_ms);
        if (Revision::of(*side) != at) side->reopen();
        if (Revision::of(*side) == at) return &*side;
    } catch (const Xapian::Error&) {
        side.reset(); // the shard's own connection reads instead, and tells if it is lost
    }
    return nullptr;
}

void ShardSet::drop() {
    for (auto& state : states_) {
        state.db.reset();
        state.drop_sides();
    }
    live_.clear();
    union_ = Xapian::Database();
}

std::string ShardSet::server(std::size_t i) const {
    const std::size_t s = live_[i];
    return map_.shards[s].servers[states_[s].server].label();
}

std::vector<ShardFailure> ShardSet::failures() const {
    std::vector<ShardFailure> out;
    for (std::size_t s = 0; s < states_.size(); ++s) {
        if (!states_[s].lost) continue;
        ShardFailure f;
        f.shard = s + 1;
        for (const auto& e : map_.shards[s].servers) f.servers.push_back(e.label());
        f.error = states_[s].error;
        out.push_back(std::move(f));
    }
    return out;
}

std::string ShardSet::describe() const {
    std::string out = std::to_string(map_.shards.size()) + (map_.shards.size() == 1 ? " shard (" : " shards (");
    for (std::size_t s = 0; s < map_.shards.size(); ++s) out += (s ? ", " : "") + map_.shards[s].servers.front().label();
    return out + ")";
}

} // namespace rapporteur
