/** @file catalog.cc
 *  @brief A search thread's handles: one database, or its own connections to the shards;
 *         following commits, what identifies the content (ETags), and health.
 */
#include "catalog.h"

#include "rapporteur/format/schema.h"

#include "shard_set.h"
#include "shard_spelling.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rapporteur {

Xapian::Database open_database(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        throw RuntimeError(path.string() + ": no database here; create one with: rapporteur-index --db " +
                           path.string() + " DIR");
    }
    try {
        Xapian::Database db(path.string());
        schema::check_index_format(db, path.string());
        return db;
    } catch (const Xapian::Error& e) {
        throw RuntimeError(path.string() + ": cannot open database: " + e.get_description());
    }
}

Catalog::Catalog(const ServerOptions& options) {
    if (options.shards.empty()) {
        path_ = options.database;
        open();
        return;
    }
    path_ = options.shards;
    map_ = read_shard_map(options.shards);
    // The Searcher's connections are its own (its caches follow its union); these are the
    // lookups'. Both fail over and leave out lost shards the same way (ShardSet).
    searcher_.emplace(map_, options.shard_options);
    shards_ = std::make_unique<ShardSet>(map_, options.shard_options);
    try {
        shards_->connect();
        db_ = shards_->database();
    } catch (const Xapian::Error& e) {
        throw RuntimeError(path_.string() + ": " + e.get_description());
    }
}

Catalog::~Catalog() = default;

std::string Catalog::stub() const {
    std::ifstream in(path_ / "XAPIANDB", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void Catalog::open() {
    stub_ = stub();
    db_ = open_database(path_);
    // The Searcher gets a handle of its own: a reopen through ours would leave its caches
    // (the facet index, the analyzer's synonyms) on the old revision.
    searcher_.emplace(open_database(path_));
}

void Catalog::refresh() {
    if (shards_) {
        bool changed = false;
        try {
            changed = shards_->connect();
        } catch (const RuntimeError& e) {
            throw UnavailableError(e.what()); // every shard lost: tried again at the next request
        }
        if (changed) {
            db_ = shards_->database(); // a shard lost or back: a new union, its own docids
            spelling_.reset();
            return;
        }
        // In-place commits on a shard; a new generation there reaches a connection opened
        // after it (xapian-tcpsrv opens the stub per connection: its --idle-timeout).
        db_.reopen();
        return;
    }
    if (stub() != stub_) {
        open(); // a new generation: the old handles still read the old one
        return;
    }
    db_.reopen(); // the Searcher reopens its own at each search
}

void Catalog::drop_connections() {
    if (!shards_) return;
    shards_->drop();
    spelling_.reset();
    db_ = Xapian::Database();
}

std::vector<ShardFailure> Catalog::failures() const { return shards_ ? shards_->failures() : std::vector<ShardFailure>{}; }

std::string Catalog::version() const {
    if (!shards_) return db_.get_uuid() + ":" + std::to_string(db_.get_revision());
    // No revision over the remote protocol: what each shard's connection holds since its
    // last reopen stands in for it (ShardSet::Revision says why that is enough).
    std::string v;
    for (std::size_t i = 0; i < shards_->live().size(); ++i) {
        v += std::to_string(shards_->live()[i] + 1) + "=" + ShardSet::Revision::of(shards_->shard(i)).text() + ";";
    }
    return v;
}

nlohmann::ordered_json Catalog::health() const {
    const std::string prefix(schema::PREFIX_DOCUMENT);
    std::size_t documents = 0;
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) ++documents;
    if (!shards_) {
        return {{"status", "ok"},
                {"uuid", db_.get_uuid()},
                {"revision", db_.get_revision()},
                {"documents", documents},
                {"passages", db_.get_doccount()}};
    }
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    const auto lost = shards_->failures();
    const auto& live = shards_->live();
    for (std::size_t s = 0; s < map_.shards.size(); ++s) {
        nlohmann::ordered_json servers = nlohmann::ordered_json::array();
        for (const auto& e : map_.shards[s].servers) servers.push_back(e.label());
        nlohmann::ordered_json one = {{"shard", s + 1}, {"status", "ok"}, {"servers", servers}};
        const auto at = std::find(live.begin(), live.end(), s);
        const auto failed =
            std::find_if(lost.begin(), lost.end(), [&](const ShardFailure& f) { return f.shard == s + 1; });
        if (at != live.end()) {
            const std::size_t i = static_cast<std::size_t>(at - live.begin());
            one["server"] = shards_->server(i);
            one["uuid"] = shards_->shard(i).get_uuid();
            one["passages"] = shards_->shard(i).get_doccount();
        } else {
            one["status"] = "failing";
            one["error"] = failed != lost.end() ? failed->error : "not connected";
        }
        list.push_back(std::move(one));
    }
    return {{"status", lost.empty() ? "ok" : "degraded"},
            {"documents", documents},
            {"passages", db_.get_doccount()},
            {"shards", list}};
}

const Xapian::Database& Catalog::spellings() {
    if (!shards_) return db_;
    // The remote protocol has no spelling table: every shard's export (rapporteur-index
    // --shard), merged as the Searcher merges it. Shards without one complete nothing.
    if (!spelling_) spelling_ = std::make_unique<ShardSpelling>(*shards_);
    const Xapian::Database* merged = spelling_->dictionary();
    return merged ? *merged : db_;
}

} // namespace rapporteur
