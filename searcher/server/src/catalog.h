/** @file catalog.h
 *  @brief One search thread's view of the database: its own handles, following the indexer,
 *         and the lookups the API answers besides searches (passages, documents, suggestions).
 */
#ifndef RAPPORTEUR_SERVER_CATALOG_H
#define RAPPORTEUR_SERVER_CATALOG_H

#include "rapporteur/base/errors.h"
#include "rapporteur/searcher.h"

#include <xapian.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace rapporteur {

/** Opens the database the server serves, read-only. Every handle the server holds is opened
 *  here, so another kind of source (shards) is one more case of this function. Throws
 *  RuntimeError naming the path when there is no database or it cannot be opened. */
Xapian::Database open_database(const std::filesystem::path& path);

/// Thrown by a lookup for an id the database does not have (the API's 404).
class NotFoundError : public RuntimeError {
  public:
    using RuntimeError::RuntimeError;
};

/** A thread's database handles (never shared with another thread): one for the Searcher and
 *  one for lookups and revisions, each reopened when the indexer commits or publishes a new
 *  generation. */
class Catalog {
  public:
    explicit Catalog(std::filesystem::path path);

    /** Brings the handles to the latest commit: a reopen when the indexer committed in place,
     *  a fresh open when it published a new generation (the stub file changed). Cheap when
     *  nothing changed. */
    void refresh();

    const Searcher& searcher() const { return *searcher_; }
    const Xapian::Database& database() const { return db_; }
    /// What identifies the database's current content: its UUID and revision.
    std::string version() const;

    /** One passage: the fields of a hit (id, document, kind, lang, session, organisations,
     *  countries, text, footnotes; n and cited_by for a footnote) and its neighbours in
     *  reading order (`previous`, `next`: ids or null). Throws NotFoundError. */
    nlohmann::ordered_json passage(const std::string& id) const;
    /// Every document, by slug: {"documents": [...]} with the fields of document().
    nlohmann::ordered_json documents() const;
    /** One document: slug, path, title and date (null when the index does not know them),
     *  passage count, its sessions (day, number, title, passages). Throws NotFoundError. */
    nlohmann::ordered_json document(const std::string& slug) const;
    /** For the text typed so far: the spelling correction of the query ("" when none) and up
     *  to `max` words of the index that complete its last word, most frequent first. */
    nlohmann::ordered_json suggest(const std::string& query, std::size_t max = 8) const;

  private:
    void open();
    std::string stub() const;

    std::filesystem::path path_;
    std::string stub_; ///< the stub file's content when last opened ("" when none)
    Xapian::Database db_;
    std::optional<Searcher> searcher_;
};

} // namespace rapporteur

#endif
