/** @file searcher.cc
 *  @brief The Searcher: open and reopen the database, search (parse, spelling, filters,
 *         result window) and run a plan (BM25, exact facets and totals, hits).
 */
#include "rapporteur/searcher.h"
#include "rapporteur/analyzers.h"
#include "rapporteur/base/data_files.h"
#include "rapporteur/format/chunked_metadata.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/utf8.h"

#include "docid_decider.h"
#include "facet_index.h"
#include "query_parser.h"
#include "searcher_impl.h"
#include "speller.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

namespace rapporteur {

namespace {

/// Sets AnalyzerOptions from the features the indexer recorded ("stem,fold,compound,variant,synonym").
void read_features(const std::string& list, AnalyzerOptions& o) {
    try {
        parse_features(list.empty() ? "all" : list, o);
    } catch (const UsageError&) {
        parse_features("all", o); // a newer index's feature: analyse with everything on
    }
}

constexpr std::size_t MAX_SUGGESTED_WORDS = 8;

/// A query as quoted in a notice: long ones are cut, so a notice stays one readable line.
std::string echo(const std::string& query) {
    constexpr std::size_t MAX = 120;
    return query.size() <= MAX ? query : std::string(utf8::prefix(query, MAX)) + "…";
}

/// Acronym → expansion → how many documents define it so.
using AcronymCounts = std::map<std::string, std::map<std::string, std::uint32_t>>;

/// Adds the acronym definitions `part` holds to `counts`: a shard's exported chunks (a few
/// reads, where its META_SYNONYM keys are a round trip each over the remote protocol), else
/// the keys. Damaged lines are skipped; counts saturate.
void read_acronym_counts(const Xapian::Database& part, bool shard, AcronymCounts& counts) {
    auto add = [&](std::string_view acronym, std::string expansion, std::uint32_t n) {
        auto& total = counts[std::string(acronym)][std::move(expansion)];
        total = n > UINT32_MAX - total ? UINT32_MAX : total + n;
    };
    if (shard && format::read_chunked_lines(part, schema::META_ACRONYMS, [&](std::string_view line) {
            const auto tab = line.find('\t');
            if (tab == std::string_view::npos || tab == 0) return; // damaged: skipped
            for (auto& [expansion, n] : codecs::decode_expansions(line.substr(tab + 1)))
                add(line.substr(0, tab), std::move(expansion), n);
        }))
        return;
    const std::string prefix(schema::META_SYNONYM);
    for (auto k = part.metadata_keys_begin(prefix); k != part.metadata_keys_end(prefix); ++k) {
        const std::string key = *k;
        for (auto& [expansion, n] : codecs::decode_expansions(part.get_metadata(key)))
            add(std::string_view(key).substr(prefix.size()), std::move(expansion), n);
    }
}

} // namespace

void Searcher::Impl::open() {
    // The version file is opened before the database, so that a commit between the two is
    // seen at the first search (a watch older than the database costs one reopen, no more).
    version_file = VersionWatch::version_file(path);
    version_watch.watch(version_file);
    db = Xapian::Database(path.string());
    // A generation published meanwhile: the database may read another version file.
    if (!version_file.empty() && VersionWatch::version_file(path) != version_file) version_watch.clear();
    load_analysis();
}

void Searcher::Impl::load_analysis() {
    // Over shards, each shard's metadata on its own connection: a multi-database reads the
    // first one's only.
    std::vector<std::pair<Xapian::Database, std::string>> parts;
    if (shards) {
        for (std::size_t i = 0; i < shards->live().size(); ++i) parts.emplace_back(shards->shard(i), shards->server(i));
    } else {
        parts.emplace_back(db, path.string());
    }
    for (const auto& [part, name] : parts) schema::check_index_format(part, name);
    AnalyzerOptions options;
    read_features(parts.front().first.get_metadata(std::string(schema::META_ANALYSIS)), options);
    analyzer = Analyzer(options);
    // Each acronym stands for its expansion with most documents over the shards (the first in
    // byte order among equals), so that shards choose as one database of their documents does.
    AcronymCounts synonyms;
    try {
        for (const auto& part : parts) read_acronym_counts(part.first, shards != nullptr, synonyms);
    } catch (const Xapian::UnimplementedError&) {
        // The in-memory backend cannot list metadata keys: no corpus synonyms then.
    }
    for (const auto& [acronym, counts] : synonyms) {
        const auto best = std::max_element(counts.begin(), counts.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        if (best != counts.end()) analyzer.add_synonym(acronym, best->first);
    }
    facet_index.reset();
    vocabulary.reset();
    passage_ids.reset();
    matches_at_revision = 0;
    spellings_in_memory.reset();
    suggesting_at_revision = 0;
    shard_facets.reset();
    shard_spelling.reset();
    spellings_filled.reset();
    terms.clear();
}

void Searcher::Impl::reopen(bool force) {
    if (shards) {
        const auto now = std::chrono::steady_clock::now();
        if (shards->connect()) {
            db = shards->database(); // a shard lost or back: a new union, its own docids
            load_analysis();
            next_reopen = now + std::chrono::milliseconds(shards->options().reopen_ms);
            return;
        }
        // Database::reopen is a round trip to every shard: at most every reopen_ms.
        if (!force && now < next_reopen) return;
        next_reopen = now + std::chrono::milliseconds(shards->options().reopen_ms);
    }
    if (!force && !version_watch.changed()) return; // no commit since the last reopen
    // Watched again before Xapian reads the version file, so a commit in between is seen next
    // time; a generation removed leaves no watch (reopen at every search, as without one).
    if (!version_file.empty()) version_watch.watch(version_file);
    if (db.reopen()) load_analysis();
}

const PassageIds* Searcher::Impl::ids_in_docid_order() {
    if (shards) return nullptr; // the union's docids interleave the shards'
    if (++matches_at_revision < 2) return nullptr;
    if (!passage_ids) passage_ids = std::make_unique<PassageIds>(db);
    return passage_ids->in_docid_order() ? passage_ids.get() : nullptr;
}

const SpellingIndex* Searcher::Impl::spelling_index() {
    if (++suggesting_at_revision < 2) return nullptr;
    if (!spellings_in_memory) {
        const Xapian::Database* dictionary = spelling_dictionary();
        spellings_in_memory = std::make_unique<SpellingIndex>(dictionary ? *dictionary : db);
    }
    return spellings_in_memory.get();
}

const TermVocabulary* Searcher::Impl::term_vocabulary() {
    if (shards) return nullptr;
    if (!vocabulary) vocabulary = std::make_unique<TermVocabulary>(db);
    return vocabulary.get();
}

bool Searcher::Impl::spelling_filled() {
    if (!spellings_filled) {
        const Xapian::Database* dictionary = spelling_dictionary();
        spellings_filled = Speller::filled(dictionary ? *dictionary : db);
    }
    return *spellings_filled;
}

const FacetIndex& Searcher::Impl::facets() {
    if (!facet_index) facet_index = std::make_unique<FacetIndex>(db);
    return *facet_index;
}

Searcher::Searcher(const std::filesystem::path& database) : impl_(std::make_unique<Impl>()) {
    impl_->path = database;
    std::error_code ec;
    const auto status = std::filesystem::status(database, ec);
    if (!std::filesystem::exists(status)) {
        throw RuntimeError(database.string() + ": no database here; create one with: rapporteur-index --db " +
                           database.string() + " DIR");
    }
    if (!std::filesystem::is_directory(status)) {
        // Advising to create a database where a file stands would be wrong advice.
        throw RuntimeError(database.string() + ": a " + std::string(file_type_name(status.type())) +
                           ", not a database directory");
    }
    try {
        impl_->open();
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw RuntimeError(database.string() + ": not a database (" + e.get_msg() +
                           "); create one with: rapporteur-index --db " + database.string() + " DIR");
    } catch (const Xapian::Error& e) {
        throw RuntimeError(database.string() + ": cannot open database: " + e.get_description());
    }
}
Searcher::Searcher(Xapian::Database database) : impl_(std::make_unique<Impl>()) {
    impl_->path = "(open database)";
    impl_->db = std::move(database);
    impl_->load_analysis();
}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Xapian::BM25Weight Searcher::Impl::bm25(const SearchOptions& options) {
    return Xapian::BM25Weight(options.bm25.k1, options.bm25.k2, options.bm25.k3, options.bm25.b,
                              options.bm25.min_normlen);
}

Xapian::Enquire Searcher::Impl::make_enquire(const Plan& plan, const SearchOptions& options,
                                             const Xapian::Weight& weight, bool ids_follow_docids) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(plan.query);
    enquire.set_weighting_scheme(weight);
    // Equal scores rank in passage id order, so that shards (whose docids interleave) and one
    // database agree; an index without the sort key keeps index order. Where the ids rise
    // with the docids, Xapian's own tie order (docids, ascending) is that order, and the
    // matcher reads no key.
    if (!ids_follow_docids) enquire.set_sort_by_relevance_then_value(schema::SLOT_SORT_ID, false);
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    if (options.limits.time_limit > 0) enquire.set_time_limit(options.limits.time_limit);
    return enquire;
}

void Searcher::Impl::run(const Plan& plan, const SearchOptions& options, SearchResult& result) {
    if (shards) return run_sharded(plan, options, result);
    result.filters = options.filters;
    const Xapian::BM25Weight weight = bm25(options);
    const PassageIds* ids = ids_in_docid_order();
    Xapian::Enquire enquire = make_enquire(plan, options, weight, ids != nullptr);
    std::unique_ptr<FacetIndex::Spy> spy;
    if (options.facets) {
        spy = std::make_unique<FacetIndex::Spy>(facets());
        enquire.add_matchspy(spy.get());
    }
    const Xapian::doccount doccount = db.get_doccount();
    // Exact totals and facets need every match seen: checkatleast = the number of passages.
    const Xapian::doccount check = options.facets || options.exact_total ? doccount : 0;
    const auto offset = static_cast<Xapian::doccount>(std::min<std::size_t>(result.offset, doccount));
    std::unique_ptr<DocidDecider> exclude;
    if (plan.exclude) exclude = std::make_unique<DocidDecider>(plan.exclude, false);
    Xapian::MSet mset =
        enquire.get_mset(offset, static_cast<Xapian::doccount>(result.limit), check, nullptr, exclude.get());
    result.total = mset.get_matches_estimated(); // exact when check is the doccount
    if (spy) result.facets = spy->results();
    // Where the query matched, for the page at once (--like reads each hit's term list: it
    // names the shared entities too).
    std::vector<std::uint8_t> fields;
    if (options.hit_details && !plan.related) {
        std::vector<Xapian::docid> page;
        for (auto it = mset.begin(); it != mset.end(); ++it) page.push_back(*it);
        fields = local_matched_fields(plan, page);
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = result.offset + static_cast<std::size_t>(it.get_rank() - offset) + 1;
        hit.score = it.get_weight();
        // A run's id from the sort key (the table's, else the MSet's): no passage read.
        std::string mset_key;
        std::string_view key;
        if (!options.hit_details) key = ids ? ids->key(*it) : std::string_view(mset_key = it.get_sort_key());
        fill_hit(hit, *it, plan, options, nullptr, key);
        std::optional<std::uint8_t> matched;
        if (!fields.empty()) matched = fields[it.get_rank() - offset];
        finish_hit(hit, enquire, *it, plan, options, weight, matched);
        result.hits.push_back(std::move(hit));
    }
}

std::vector<std::uint8_t> Searcher::Impl::local_matched_fields(const Plan& plan,
                                                               const std::vector<Xapian::docid>& page) const {
    std::vector<std::uint8_t> out(page.size(), 0);
    std::vector<std::size_t> order(page.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return page[a] < page[b]; });
    for (auto t = plan.query.get_unique_terms_begin(); t != plan.query.get_unique_terms_end(); ++t) {
        const std::string term = *t;
        const auto field = term_field(term).first;
        const auto f = std::find(std::begin(WORD_FIELDS), std::end(WORD_FIELDS), field) - std::begin(WORD_FIELDS);
        if (f >= static_cast<std::ptrdiff_t>(std::size(WORD_FIELDS))) continue;
        const auto bit = static_cast<std::uint8_t>(1u << f);
        auto p = db.postlist_begin(term);
        const auto end = db.postlist_end(term);
        for (const std::size_t k : order) {
            if (out[k] & bit) continue;
            p.skip_to(page[k]);
            if (p == end) break;
            if (*p == page[k]) out[k] |= bit;
        }
    }
    return out;
}

void Searcher::Impl::finish_hit(Hit& hit, Xapian::Enquire& enquire, Xapian::docid did, const Plan& plan,
                                const SearchOptions& options, const Xapian::Weight& weight,
                                std::optional<std::uint8_t> matched) {
    if (matched) {
        for (std::size_t f = 0; f < std::size(WORD_FIELDS); ++f) {
            if (*matched & (1u << f)) hit.matched_in.emplace_back(WORD_FIELDS[f]);
        }
    } else if (options.hit_details || plan.related) {
        // Where the query matched, and the entities a related passage shares.
        std::set<std::string_view> fields; // term_field's names are static strings
        for (auto t = enquire.get_matching_terms_begin(did); t != enquire.get_matching_terms_end(did); ++t) {
            const std::string term = *t;
            const auto [field, value] = term_field(term);
            fields.insert(field);
            if (plan.related && (field == "org" || field == "country")) hit.shared_entities.emplace_back(value);
        }
        for (const auto part : WORD_FIELDS) {
            if (options.hit_details && fields.count(part)) hit.matched_in.emplace_back(part);
        }
    }
    if (options.explain) hit.explanation = explain(plan, did, weight);
}

void Searcher::Impl::bound_window(const SearchOptions& options, SearchResult& result) {
    const std::size_t window = options.limits.max_result_window;
    result.offset = options.offset;
    result.limit = options.limit;
    if (result.offset >= window) {
        result.notices.push_back("results are shown up to rank " + std::to_string(window) + "; --offset " +
                                 std::to_string(options.offset) + " is past that");
        result.limit = 0;
    } else if (result.limit > window - result.offset) {
        result.limit = window - result.offset;
        result.notices.push_back("results are shown up to rank " + std::to_string(window) + "; --limit was cut to " +
                                 std::to_string(result.limit));
    }
}

SearchResult Searcher::search(const std::string& query, const SearchOptions& options) const {
    return impl_->with_retry([&] {
        SearchResult result;
        result.query = query;
        result.lang = options.lang;
        Impl::bound_window(options, result);
        QueryParser parser(impl_->db, impl_->analyzer, options, impl_->term_vocabulary(), &impl_->terms);
        ParsedQuery parsed = parser.parse(query);
        result.notices.insert(result.notices.end(), parsed.notices.begin(), parsed.notices.end());

        if (!parsed.unknown.empty() && (options.suggest || options.auto_correct)) {
            const Xapian::Database* dictionary = impl_->spelling_dictionary();
            Speller speller(impl_->db, &impl_->analyzer, dictionary, impl_->spelling_filled(), impl_->spelling_index());
            std::string corrected = parsed.text;
            bool any = false;
            // From the last word back, so earlier offsets stay valid.
            // Only the first few unknown words get a suggestion: each costs a vocabulary scan.
            if (parsed.unknown.size() > MAX_SUGGESTED_WORDS) parsed.unknown.resize(MAX_SUGGESTED_WORDS);
            for (auto u = parsed.unknown.rbegin(); u != parsed.unknown.rend(); ++u) {
                const std::string fix = speller.suggest(u->original, u->term);
                if (fix.empty() || u->end > corrected.size()) continue;
                corrected.replace(u->start, u->end - u->start, fix);
                any = true;
            }
            if (any) {
                result.suggestion = corrected;
                if (options.auto_correct) {
                    result.searched = corrected;
                    result.notices.push_back("searched for \"" + echo(corrected) + "\" instead of \"" +
                                             echo(parsed.text) + "\"");
                    ParsedQuery again = parser.parse(corrected);
                    again.notices.clear();
                    parsed = std::move(again);
                } else {
                    result.notices.push_back("did you mean \"" + echo(corrected) + "\"?");
                }
            }
        }

        Impl::Plan plan;
        plan.query = parsed.query;
        plan.leaves = std::move(parsed.leaves);
        plan.highlight_terms = std::move(parsed.highlight_terms);
        plan.highlight_phrases = std::move(parsed.highlight_phrases);
        plan.highlight_prefixes = std::move(parsed.highlight_prefixes);
        if (options.cross_language) impl_->add_translations(plan, parsed.text, options, result);
        Xapian::Query filter = parser.filter_query(options.filters, result.notices);
        if (!filter.empty()) {
            if (plan.query.empty())
                plan.query = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0.0);
            plan.query = Xapian::Query(Xapian::Query::OP_FILTER, plan.query, filter);
        }
        if (plan.query.empty()) {
            result.notices.push_back("nothing to search for in \"" + echo(query) + "\"");
            return result;
        }
        impl_->run(plan, options, result);
        return result;
    });
}

} // namespace rapporteur
