/** @file searcher_impl.h
 *  @brief Searcher::Impl, shared by the Searcher's files: the open database and its analyzer,
 *         the retry on a concurrent commit, and the plan the matcher runs.
 *
 *  searcher.cc opens, reopens, searches and runs a plan; hits.cc fills hits (snippets,
 *  highlights); explain.cc explains scores; related.cc builds the plans of related passages.
 */
#ifndef RAPPORTEUR_SEARCHER_IMPL_H
#define RAPPORTEUR_SEARCHER_IMPL_H

#include "rapporteur/analyzers.h"
#include "rapporteur/searcher.h"

#include "facet_index.h"
#include "passage_data.h"
#include "passage_ids.h"
#include "passage_terms.h"
#include "query_parser.h"
#include "term_vocabulary.h"
#include "translator.h"
#include "shard_facets.h"
#include "shard_set.h"
#include "shard_spelling.h"
#include "spelling_index.h"
#include "version_watch.h"

#include <xapian.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rapporteur {

/** A passage of a results page read over shards, with what the thread that read it could
 *  already make of it: its stored fields parsed and its text analysed again (both only with
 *  hit details, and left empty when they failed there: fill_hit then does them and reports). */
struct FetchedPassage {
    Xapian::Document doc;
    std::optional<PassageData> data;
    std::optional<PassageTerms> terms;
};

struct Searcher::Impl {
    std::filesystem::path path;
    Xapian::Database db;
    Analyzer analyzer;
    std::unique_ptr<FacetIndex> facet_index; ///< built at the first faceted query of a revision
    std::unique_ptr<Translator> translator;  ///< made at the first cross-language search
    /// A sharded search (shard_search.cc): `db` is then the union of the shards' connections.
    std::unique_ptr<ShardSet> shards;
    std::unique_ptr<ShardFacets> shard_facets; ///< built at the first faceted query of a union
    std::unique_ptr<ShardSpelling> shard_spelling; ///< built at the first suggestion of a union
    std::unique_ptr<TermVocabulary> vocabulary;    ///< read at the first query of a revision
    /// The passages' sort keys, read at the second local match of a revision (a searcher that
    /// answers one query, as the command line's, never pays for it). passage_ids.h
    std::unique_ptr<PassageIds> passage_ids;
    unsigned matches_at_revision = 0; ///< local matches since `db` last changed
    /// The sort keys when this revision's ranking may order ties by docid (see PassageIds), else null.
    const PassageIds* ids_in_docid_order();
    /// The small fields' terms of this revision (null over shards: each would be a round trip).
    const TermVocabulary* term_vocabulary();
    /// The spelling dictionary when not `db`'s own (over shards), else null.
    const Xapian::Database* spelling_dictionary();
    /// Whether the spelling dictionary holds any word, read once a revision (Speller::filled).
    bool spelling_filled();
    std::optional<bool> spellings_filled; ///< cleared whenever `db` changes
    /** The spelling dictionary in memory, read at the second search of a revision that asks
     *  for suggestions (a command-line search never pays for it), else null. spelling_index.h */
    const SpellingIndex* spelling_index();
    std::unique_ptr<SpellingIndex> spellings_in_memory;
    unsigned suggesting_at_revision = 0; ///< searches asking for suggestions since `db` changed
    /// Which terms `db` has, for the query parser; cleared whenever `db` changes.
    TermCache terms;
    /// Over shards: the next search at or after this checks the connections for new commits.
    std::chrono::steady_clock::time_point next_reopen{};

    /// The version file of the generation `db` reads, held open: a search reopens only after a
    /// commit replaced it (or always, when there is none to watch: shards, another backend).
    VersionWatch version_watch;
    std::filesystem::path version_file;

    void open();
    /// Checks the index format and sets the analyzer from the index's features and synonyms.
    void load_analysis();
    /** Follows new commits: locally only when the version watch saw one, unless `force` (after
     *  DatabaseModifiedError). Over shards the check is a round trip to every shard, so it is
     *  made at most every ShardOptions::reopen_ms unless `force`; a shard lost or back (a new
     *  union) is taken at every call. */
    void reopen(bool force = false);
    const FacetIndex& facets();

    /** Run `fn`, reopening the database and running it again when a commit overtook it. Over
     *  shards, a network error (a server gone, or a timeout) drops the connections, which
     *  Xapian leaves unusable, and runs `fn` again over the shards that answer; the result
     *  then says which are lost (SearchResult::partial). */
    template <typename Fn>
    SearchResult with_retry(Fn&& fn) {
        for (int attempt = 0;; ++attempt) {
            try {
                // Each search sees the latest commit (a cheap check when nothing changed);
                // after a DatabaseModifiedError, Xapian is asked whatever the watch says.
                reopen(attempt > 0);
                SearchResult result = fn();
                if (shards) note_lost_shards(result);
                return result;
            } catch (const Xapian::DatabaseModifiedError& e) {
                if (attempt >= 4) {
                    throw RuntimeError(path.string() +
                                       ": the database keeps changing under the search: " + e.get_description());
                }
            } catch (const Xapian::NetworkError& e) {
                if (!shards) throw;
                if (attempt >= 4) throw RuntimeError(path.string() + ": " + e.get_description());
                shards->drop();
            }
        }
    }
    /// Sets partial and failed_shards from the lost shards. shard_search.cc
    void note_lost_shards(SearchResult& result) const;

    /// What the matcher needs besides the query, shared by search and related.
    struct Plan {
        Xapian::Query query;
        std::vector<QueryLeaf> leaves;
        std::set<std::string> highlight_terms;
        std::vector<HighlightPhrase> highlight_phrases;
        std::vector<std::string> highlight_prefixes;
        bool related = false;
        Xapian::docid exclude = 0; ///< a passage never listed (the source of --like)
        /// Cross-language related passages: translation term → the source's word it translates.
        std::map<std::string, std::string> translated_from;
    };

    /// The translator for `options.dictionary_dir`, made once. cross_language_search.cc
    Translator& translator_for(const SearchOptions& options);
    /** --cross-language: OR the translations of the query's words into `plan`, scaled by the
     *  weight, and list them in `result`. cross_language_search.cc */
    void add_translations(Plan& plan, const std::string& text, const SearchOptions& options, SearchResult& result);
    /** --like --cross-language: the passages of the other languages sharing a translation of
     *  the source's telling words (`eset`), entities adding to their score. cross_language_search.cc */
    void related_across(Xapian::docid did, const PassageData& source, const Xapian::ESet& eset,
                        const SearchOptions& options, SearchResult& result);

    /// Bounds the result window (offset + limit ≤ max_result_window); notices say what was cut.
    static void bound_window(const SearchOptions& options, SearchResult& result);

    /// BM25 with the options' parameters.
    static Xapian::BM25Weight bm25(const SearchOptions& options);
    /** The Enquire of `plan` as both matchers (run, run_sharded) set it up: `weight`, equal
     *  scores in passage id order (by their sort key, or by docid when `ids_follow_docids`),
     *  the options' time limit. searcher.cc */
    Xapian::Enquire make_enquire(const Plan& plan, const SearchOptions& options, const Xapian::Weight& weight,
                                 bool ids_follow_docids = false) const;
    /// Matches `plan` with BM25 and fills `result` (total, facets, hits in its window). searcher.cc
    void run(const Plan& plan, const SearchOptions& options, SearchResult& result);
    /// run() over shards, with what stock servers run (no MatchDecider, no own MatchSpy). shard_search.cc
    void run_sharded(const Plan& plan, const SearchOptions& options, SearchResult& result);
    /** The documents of the union's docids `page`, in order, each read from its shard's own
     *  connection, the shards in parallel; with `meanwhile` (which may use the union), read on
     *  the shards' second connections while it runs. With `prepare`, each passage is parsed
     *  and its text analysed on the thread that read it, while the other shards' round trips
     *  are still out. shard_search.cc */
    std::vector<FetchedPassage> page_documents(const std::vector<Xapian::docid>& page,
                                               const std::function<void()>& meanwhile, bool prepare = false);
    /** The page's passages from one match of their PREFIX_PASSAGE terms, sorted by
     *  SLOT_PAGE_DATA so that each item brings its passage's page value (schema.h): a
     *  message to each shard instead of a round trip a passage. Each passage parsed, its
     *  terms and positions read; with `fields`, where the query matched (as matched_fields
     *  says it) from those terms into `*fields`. Empty when any passage of the page is not
     *  found so (a shard indexed before page values, an id too long for a term, damaged
     *  data): then page_documents. `ids`: the passages' ids, from their sort keys.
     *  shard_search.cc */
    std::vector<FetchedPassage> page_data(const Plan& plan, const std::vector<std::string>& ids,
                                          const std::vector<Xapian::docid>& page, std::vector<std::uint8_t>* fields);
    /// The query's terms of each WORD_FIELDS entry. shard_search.cc
    using FieldTerms = std::array<std::vector<std::string>, 3>; // one per WORD_FIELDS entry
    static FieldTerms field_terms(const Plan& plan);
    /** The same as matched_fields on one local database: each query term's posting list
     *  stepped through the page's docids in order (a few skips a term), where a hit's term
     *  list would be read and inflated whole. searcher.cc */
    std::vector<std::uint8_t> local_matched_fields(const Plan& plan, const std::vector<Xapian::docid>& page) const;
    /** For each docid of `page` (whose passages are of the documents `names`): the
     *  WORD_FIELDS that hold a term of the query, bit f for WORD_FIELDS[f], from one match over
     *  the page's documents; empty when a name is empty. shard_search.cc */
    std::vector<std::uint8_t> matched_fields(const Plan& plan, const std::vector<std::string>& names,
                                             const std::vector<Xapian::docid>& page);
    /** A hit's fields after fill_hit: where the query matched, shared entities, explanation.
     *  `matched`: the fields the query matched as matched_fields gives them (a bit per
     *  WORD_FIELDS entry), when known; else the hit's matching terms are read. searcher.cc */
    void finish_hit(Hit& hit, Xapian::Enquire& enquire, Xapian::docid did, const Plan& plan,
                    const SearchOptions& options, const Xapian::Weight& weight,
                    std::optional<std::uint8_t> matched = std::nullopt);
    /// A hit's stored fields, and with hit_details its highlights, snippet and shared words. hits.cc
    /// `fetched`: the passage when already read (over shards: page_documents), else null, its
    /// parsed fields and terms taken from it; `sort_key`: the hit's MSet sort key (its id
    /// encoded), or empty.
    void fill_hit(Hit& hit, Xapian::docid did, const Plan& plan, const SearchOptions& options,
                  FetchedPassage* fetched = nullptr, std::string_view sort_key = {});
    /// The weight of each ranked part of the plan over passage `did`. explain.cc
    std::vector<TermContribution> explain(const Plan& plan, Xapian::docid did, const Xapian::Weight& weight);
    /** The field an index term belongs to, and its value: "asylum" → {"text", "asylum"},
     *  "Tasylum" → {"title", …}, "Fvictim" → {"footnote", …}, "XS4" → {"session", "4"},
     *  "XOGRETA" → {"org", "GRETA"} (the query language's field names); a prefix the schema
     *  does not know → {"", term}. explain.cc */
    static std::pair<std::string_view, std::string_view> term_field(std::string_view term);
    /// The fields of term_field() that a query's words match, in the order output lists them.
    static constexpr std::string_view WORD_FIELDS[] = {"text", "title", "footnote"};
    static_assert(std::size(WORD_FIELDS) == std::tuple_size_v<FieldTerms>);
    /// The passage's text at the first position of `term` (as it writes it), else `term`. hits.cc
    std::string surface(const std::string& text, const std::vector<std::uint32_t>& offsets, Xapian::docid did,
                        const std::string& term);
};

} // namespace rapporteur

#endif
