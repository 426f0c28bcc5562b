/** @file searcher.h
 *  @brief Public API of the searcher: a query in, ranked passages with snippets and facets out.
 */
#ifndef RAPPORTEUR_SEARCHER_H
#define RAPPORTEUR_SEARCHER_H

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace rapporteur {

/// Options of one search.
struct SearchOptions {
    std::string lang;          ///< language of the query ("" → every candidate language)
    std::size_t offset = 0;    ///< first result to return (0-based)
    std::size_t limit = 10;    ///< how many results to return
    std::size_t snippet_chars = 200; ///< snippet length in code points (about)
    /// Drill-down filters: field ("session", "org", "country", "lang", "doc") → values;
    /// AND across fields, OR within one.
    std::map<std::string, std::vector<std::string>> filters;
    bool facets = true;        ///< compute exact facet counts over the whole match set
    bool snippets = true;
};

struct SessionInfo {
    int day = 0;
    int number = 0;
    std::string title;
};

struct FootnoteInfo {
    int n = 0;
    std::string text;
    std::vector<std::string> urls;
};

/// One ranked passage.
struct Hit {
    std::size_t rank = 0;   ///< 1-based rank in the whole result list
    std::string id;
    double score = 0;
    std::string document, kind, lang;
    SessionInfo session;
    std::vector<std::string> organisations, countries;
    std::string text;       ///< the passage text without footnote markers
    std::string snippet;    ///< HTML-escaped text of the best window, matches in <mark>
    /// Highlighted ranges as code-point offsets into `text`, [start, end).
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
    std::vector<FootnoteInfo> footnotes;
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

/// The answer to one query.
struct SearchResult {
    std::string query;
    std::size_t total = 0;  ///< exact number of matching passages
    std::size_t offset = 0, limit = 0;
    std::vector<Hit> hits;
    /// "session", "organisation", "country", "lang", "document" → counts, most frequent first.
    std::map<std::string, std::vector<FacetValue>> facets;
    std::vector<std::string> notices; ///< things the user should know (query read as plain words...)
};

/** A searcher over one database, opened read-only once and reused for many queries.
 *  Throws RuntimeError when the database is missing (saying how to create one) or unreadable. */
class Searcher {
  public:
    explicit Searcher(const std::filesystem::path& database);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    SearchResult search(const std::string& query, const SearchOptions& options) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// The JSON contract of a result (documented in the README).
nlohmann::json to_json(const SearchResult& result);

} // namespace rapporteur

#endif
