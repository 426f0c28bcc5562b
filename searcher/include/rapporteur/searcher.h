/** @file searcher.h
 *  @brief Public API of the searcher: a query in, ranked passages with snippets and facets out.
 *
 *  Query language (see searcher/README.md): free words ranked by BM25, "phrases", AND, OR, NOT,
 *  +must, -mustnot, NEAR and NEAR/n, prefix*, field prefixes session: org: country: lang: doc:,
 *  and in:footnotes / in:text. A query that does not parse is read as plain words, with a
 *  notice; it never fails.
 */
#ifndef RAPPORTEUR_SEARCHER_H
#define RAPPORTEUR_SEARCHER_H

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rapporteur/format/stored_passage.h"
#include "rapporteur/model/report.h"
#include "rapporteur/shards.h"

#include <xapian.h>
#include <nlohmann/json_fwd.hpp>

namespace rapporteur {

/** Bounds on what one query may cost. Going over one is never an error: the query is cut
 *  down to the bound and the result carries a notice saying so. */
struct SearchLimits {
    std::size_t max_query_bytes = 4096;    ///< longer query text is cut (at a UTF-8 boundary)
    std::size_t max_query_words = 64;      ///< words (and phrase words) beyond this are ignored
    std::size_t max_depth = 32;            ///< parenthesis nesting; deeper reads as plain words
    std::size_t max_wildcard_terms = 100;  ///< a prefix* expands to its most frequent terms only
    std::size_t max_proximity = 1000;      ///< NEAR/n above this is read as NEAR/max_proximity
    std::size_t max_result_window = 10000; ///< offset + limit may not go past this rank
    /// Seconds the matcher may spend on one query (Enquire::set_time_limit): past it, the
    /// counts and results are those found so far. 0: no limit.
    double time_limit = 0;
};

/** BM25 parameters (Xapian::BM25Weight's). k1 and b, with the field weights below, were chosen
 *  on the tuning half of the relevance benchmark (benchmarks/relevance/tune.sh, odd topics):
 *  passages are short and of similar length, so length normalisation (b) matters less than in
 *  whole documents, and term frequency saturates sooner (k1). */
struct Bm25Params {
    double k1 = 0.6;
    double k2 = 0.0;
    double k3 = 1.0;
    double b = 0.25;
    double min_normlen = 0.5;
};

/// Options of one search.
struct SearchOptions {
    std::string lang;                ///< language of the query ("" → every candidate language)
    std::size_t offset = 0;          ///< first result to return (0-based)
    std::size_t limit = 10;          ///< how many results to return
    std::size_t snippet_chars = 200; ///< snippet length in code points (about)
    /// Drill-down filters: field ("session", "org", "country", "lang", "doc") → values;
    /// AND across fields, OR within one.
    std::map<std::string, std::vector<std::string>> filters;
    bool facets = true; ///< compute exact facet counts over the whole match set
    bool snippets = true;
    // --- added by the searcher work (issue 6) ---
    Bm25Params bm25;
    double footnote_weight = 0.1; ///< weight of a match in the cited footnotes' text (F terms)
    double title_weight = 0.25;   ///< weight of a match in the session title (T terms)
    bool explain = false;         ///< fill Hit::explanation
    bool auto_correct = false;    ///< search the spelling correction instead of unknown words
    bool suggest = true;          ///< look for "did you mean" corrections of unknown words
    /** Count every match exactly (`total`), even without facets. Batch runs turn it off:
     *  `total` is then Xapian's estimate. Facets always count exactly. */
    bool exact_total = true;
    bool hit_details = true;     ///< false: hits carry only rank, id and score (batch runs)
    std::size_t like_terms = 20; ///< related passages: how many of the source's terms relate
    /// Related passages: score added per organisation or country shared with the source.
    double like_entity_weight = 1.0;
    /** Related passages: score added to a passage of the source's own numbered session (its
     *  context) that shares a word or an entity with it; passages sharing nothing are never
     *  listed, and session 0 (the opening part, or a document without sessions) gets no bonus.
     *  0 ranks by the shared words and entities alone. */
    double like_session_weight = 1.0;
    SearchLimits limits;
    // --- cross-language search (issue 15) ---
    /** Also search each query word's translations into the other languages of the index
     *  (FreeDict dictionaries), weighted by `cross_language_weight` against the words typed;
     *  for related(): the passages of the other languages that share a translated word. */
    bool cross_language = false;
    double cross_language_weight = 0.5; ///< factor on the translations' scores (OP_SCALE_WEIGHT)
    std::string dictionary_dir;         ///< FreeDict's dictd files; "" → Translator's default
};

/// A footnote as shown beside a passage that cites it: number, text, links (as stored).
using FootnoteInfo = StoredFootnote;

/// What one part of the query contributed to a hit's score (for --explain).
struct TermContribution {
    std::string label;              ///< the query part as typed, with its field
    std::vector<std::string> terms; ///< index terms of that part present in the passage
    double weight = 0;              ///< its share of the score (the shares sum to the score)
};

/// One ranked passage.
struct Hit {
    std::size_t rank = 0; ///< 1-based rank in the whole result list
    std::string id;
    double score = 0;
    std::string document, lang;
    PassageKind kind = PassageKind::PARAGRAPH;
    Session session; ///< day, number (0: the opening part) and title
    std::vector<std::string> organisations, countries;
    std::string text;    ///< the passage text without footnote markers
    std::string snippet; ///< HTML-escaped text of the best window, matches in <mark>
    /// Highlighted ranges as code-point offsets into `text`, [start, end).
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
    std::vector<FootnoteInfo> footnotes;
    // --- added by the searcher work (issue 6) ---
    /// The snippet's window as code-point offsets into `text`, [start, end); `…` is shown
    /// before when start > 0 and after when end < the text's length.
    std::pair<std::size_t, std::size_t> snippet_window{0, 0};
    std::vector<TermContribution> explanation; ///< filled when SearchOptions::explain
    /// For related passages: the words (as written in this passage) and the entities that
    /// relate it to the source.
    std::vector<std::string> shared_terms, shared_entities;
    /// Where the query's words matched: "text", "title" (the session title), "footnote" (a
    /// cited footnote's text), in that order; empty for a filter alone or a batch run.
    std::vector<std::string> matched_in;
    int footnote_number = 0;           ///< for a footnote passage: its number, else 0
    std::vector<std::string> cited_by; ///< for a footnote passage: the ids of the passages citing it
    // --- reports as they come (issue 14) ---
    std::string title;   ///< the document's title, "" when none (JSON: "title")
    std::string date;    ///< the document's first ISO date, "" when none (JSON: "date", null)
    std::string path;    ///< the source file relative to the folder indexed (JSON: "path")
    int page = 0;        ///< 1-based page where the passage starts, 0 when none (JSON: null)
    std::string speaker; ///< the passage's speaker, "" when none (JSON: null)
    /// Cross-language related passages: (the source passage's word, its translation as
    /// written in this passage), the pairs that relate the two.
    std::vector<std::pair<std::string, std::string>> shared_translations;
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;
};

/// The answer to one query.
struct SearchResult {
    std::string query;
    std::size_t total = 0; ///< exact number of matching passages
    std::size_t offset = 0, limit = 0;
    std::vector<Hit> hits;
    /// "session", "organisation", "country", "lang", "document" → counts, most frequent first
    /// (ties by value). Session values are session numbers ("0" is the opening part).
    std::map<std::string, std::vector<FacetValue>> facets;
    std::vector<std::string> notices; ///< things the user should know (query read as plain words...)
    // --- added by the searcher work (issue 6) ---
    std::string suggestion; ///< "did you mean" query, "" when every word is known
    std::string searched;   ///< the query actually searched when auto-corrected, else ""
    bool related = false;   ///< from related()/related_text(): hits carry what they share
    /// The drill-down filters in force (SearchOptions::filters), field → values.
    std::map<std::string, std::vector<std::string>> filters;
    std::string lang; ///< the query's language as given (SearchOptions::lang); "" → every language
    /// Cross-language search: word (as typed, or of the --like source) → language → its
    /// translations searched, as the dictionary writes them.
    std::map<std::string, std::map<std::string, std::vector<std::string>>> translations;
    // --- sharded search (issue 18) ---
    /// True when a shard answered from none of its servers: the hits, totals and facets are
    /// those of the other shards. A shard answering from a replica is not partial.
    bool partial = false;
    std::vector<ShardFailure> failed_shards; ///< the shards lost, when partial
};

/** A searcher over one database, opened read-only once and reused for many queries.
 *  Throws RuntimeError when the database is missing (saying how to create one) or unreadable.
 *  A search that meets a concurrent commit (Xapian::DatabaseModifiedError) reopens the
 *  database and runs again. Not safe for concurrent calls from several threads. */
class Searcher {
  public:
    explicit Searcher(const std::filesystem::path& database);
    /// A searcher over a database already open (in-memory ones too, for tests and embedding).
    explicit Searcher(Xapian::Database database);
    /** A searcher over the shards of a map (shards.h), served by stock `xapian-tcpsrv`: the
     *  same answers as one database of all their passages. A shard none of whose servers
     *  answers is left out (SearchResult::partial) and tried again after options.retry_ms.
     *  Throws RuntimeError when no shard answers, or one has another index format. */
    Searcher(const ShardMap& map, const ShardOptions& options);
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    SearchResult search(const std::string& query, const SearchOptions& options) const;

    /** The passages most related to passage `id` (never itself): its most telling terms
     *  (Xapian's expand set over it) and its organisations and countries, by score (highest
     *  first); related passages of its own session score higher (see like_session_weight).
     *  Every hit shares a term or an entity with it and names them. Throws UsageError for an
     *  unknown id. */
    SearchResult related(const std::string& id, const SearchOptions& options) const;

    /// The same for any text (its words and the entities of the index it names).
    SearchResult related_text(const std::string& text, const SearchOptions& options) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/** The searcher of `rapporteur-search --shards FILE` (and of a server's): read_shard_map(file),
 *  then Searcher(map, options). */
Searcher open_shard_searcher(const std::filesystem::path& map_file, const ShardOptions& options = {});

/// The JSON contract of a result (documented in searcher/README.md), keys in its order.
nlohmann::ordered_json to_json(const SearchResult& result);

/// How highlighted words are marked in text output.
enum class MarkStyle { ANSI, BRACKETS, NONE };

/** The text output for people: what was searched and how many passages match, then per hit
 *  its id (never broken: --like takes it), rank, score and session, the snippet and the
 *  footnotes it cites, then the facet counts. Every line fits in `width` terminal columns
 *  (utf8::display_width; ANSI marks take none), except an id longer than that. Notices are
 *  not part of it (the caller prints them apart, to stderr). */
std::string format_text(const SearchResult& result, MarkStyle marks, std::size_t width = 80);

/// One topic of a batch run.
struct Topic {
    std::string qid;
    std::string query;
    std::string lang; ///< the query's language (ISO 639-1) when the topic gives it, else ""
};

/** Read topics: TSV lines `qid<TAB>query` or `qid<TAB>query<TAB>lang` (lang: 2 or 3 ASCII
 *  letters; blank lines and lines starting with '#' skipped) or TREC topics (`<top> <num> Number: 301 <title> query ... </top>`). `path` names the
 *  source in messages. Throws RuntimeError naming the path and line of a malformed line or
 *  of a qid given a second time. */
std::vector<Topic> parse_topics(std::string_view content, std::string_view path);

/** Runs every topic (its `lang`, when given, replacing options.lang) on `threads` threads at
 *  once, and hands each result to `emit(i, result)` on the calling thread in topic order, as
 *  soon as it and every earlier one are done. A Searcher serves one thread at a time: the
 *  first thread uses `searcher`, each other one a searcher of its own from `open_another`
 *  (called before any topic runs: an error there stops the run before it starts). The first
 *  error of a topic or of `emit`, in topic order, is rethrown once every thread has stopped;
 *  the results before it have been emitted. `threads` 0 means one per core, and there are
 *  never more threads than topics. */
void search_topics(const Searcher& searcher, const std::function<Searcher()>& open_another,
                   const std::vector<Topic>& topics, const SearchOptions& options, unsigned threads,
                   const std::function<void(std::size_t, const SearchResult&)>& emit);

/** Lines of a TREC run for one topic: `qid Q0 docid rank score tag`, rank from 1. */
std::string format_trec_run(const std::string& qid, const SearchResult& result, const std::string& tag);

} // namespace rapporteur

#endif
