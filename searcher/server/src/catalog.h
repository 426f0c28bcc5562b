/** @file catalog.h
 *  @brief One search thread's view of the database or the shards: its own handles, following
 *         the indexer, and the lookups the API answers besides searches (passages, documents,
 *         suggestions, health).
 */
#ifndef RAPPORTEUR_SERVER_CATALOG_H
#define RAPPORTEUR_SERVER_CATALOG_H

#include "rapporteur/base/errors.h"
#include "rapporteur/searcher.h"
#include "rapporteur/server.h"

#include <xapian.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rapporteur {

class ShardSet;
class ShardSpelling;

/** Opens the database the server serves, read-only. Throws RuntimeError naming the path when
 *  there is no database or it cannot be opened. */
Xapian::Database open_database(const std::filesystem::path& path);

/// Thrown by a lookup for an id the database does not have (the API's 404).
class NotFoundError : public RuntimeError {
  public:
    using RuntimeError::RuntimeError;
};

/// Thrown when no shard answers (the API's 503): nothing can be looked up or searched.
class UnavailableError : public RuntimeError {
  public:
    using RuntimeError::RuntimeError;
};

/** A thread's handles (never shared with another thread). Over one database: one for the
 *  Searcher and one for lookups and revisions, each reopened when the indexer commits or
 *  publishes a new generation. Over shards (ServerOptions::shards): a Searcher over the shards
 *  and a set of connections of its own for lookups, a lost shard left out and tried again
 *  after ShardOptions::retry_ms, as the Searcher does. */
class Catalog {
  public:
    explicit Catalog(const ServerOptions& options);
    ~Catalog();

    /** Brings the handles to the latest commit: a reopen when the indexer committed in place,
     *  a fresh open when it published a new generation (the stub file changed); over shards, a
     *  reopen of every connection (a round trip each) and the lost shards connected again when
     *  their time has come. Cheap when nothing changed. Throws UnavailableError when no shard
     *  answers. */
    void refresh();
    /** After a network error (Xapian::NetworkError) in a lookup over shards: drops the
     *  connections, which Xapian leaves unusable, so that the next refresh() opens them again
     *  and leaves out the shards that do not answer. */
    void drop_connections();
    bool sharded() const { return shards_ != nullptr; }

    const Searcher& searcher() const { return *searcher_; }
    /// What identifies the content served: the database's UUID and revision; over shards
    /// (whose protocol gives no revision), each live shard's UUID, passage count, last docid
    /// and total length.
    std::string version() const;
    /// The shards lost now (empty over one database).
    std::vector<ShardFailure> failures() const;

    /** The content's part of /api/v1/health: status ("ok"; "degraded" when a shard is lost),
     *  uuid and revision (one database), document and passage counts, and over shards each
     *  shard: its number, servers, status ("ok" or "failing"), the server answering and its
     *  passages, or the error. */
    nlohmann::ordered_json health() const;
    /** One passage: the fields of a hit (id, document, kind, lang, session, organisations,
     *  countries, text, footnotes; n and cited_by for a footnote) and its neighbours in
     *  reading order (`previous`, `next`: ids or null). Throws NotFoundError. */
    nlohmann::ordered_json passage(const std::string& id) const;
    /// Every document, by slug: {"total", "documents": [...]} with the fields of document();
    /// over shards with one lost, also "partial": true and "failed_shards".
    nlohmann::ordered_json documents() const;
    /** One document: slug, path, title and date (null when the index does not know them),
     *  passage count, its sessions (day, number, title, passages). Throws NotFoundError. */
    nlohmann::ordered_json document(const std::string& slug) const;
    /** For the text typed so far: the spelling correction of the query ("" when none) and up
     *  to `max` words of the index that complete its last word, most frequent first. */
    nlohmann::ordered_json suggest(const std::string& query, std::size_t max = 8);

  private:
    void open();
    std::string stub() const;
    /// The database whose spelling table completes words: db_, or over shards their merged export.
    const Xapian::Database& spellings();

    std::filesystem::path path_;
    std::string stub_; ///< the stub file's content when last opened ("" when none)
    Xapian::Database db_; ///< the database, or the union of the live shards' connections
    std::optional<Searcher> searcher_;
    ShardMap map_; ///< over shards: the map
    std::unique_ptr<ShardSet> shards_; ///< over shards: the lookups' own connections
    std::unique_ptr<ShardSpelling> spelling_; ///< over shards: made at the first completion of a union
};

} // namespace rapporteur

#endif
