/** @file shard_search.cc
 *  @brief The Searcher over shards: open them from a shard map, match with what stock
 *         `xapian-tcpsrv` runs, and say which shards are lost.
 *
 *  Stock servers run Xapian's own classes only: no MatchDecider (the source of --like is left
 *  out here, from the whole match list), no own MatchSpy (facets are ValueCountMatchSpys and
 *  the match list, shard_facets.h). BM25 is exact: each server scores with the merged
 *  statistics. Equal scores rank by the passage id's sort key, so the order does not depend on
 *  how the shards' docids interleave.
 */
#include "searcher_impl.h"


#include <algorithm>
#include <optional>

namespace rapporteur {

Searcher::Searcher(const ShardMap& map, const ShardOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->shards = std::make_unique<ShardSet>(map, options);
    impl_->path = impl_->shards->describe();
    try {
        impl_->shards->connect();
        impl_->db = impl_->shards->database();
        impl_->load_analysis();
    } catch (const Xapian::Error& e) {
        throw RuntimeError(impl_->path.string() + ": " + e.get_description());
    }
}

Searcher open_shard_searcher(const std::filesystem::path& map_file, const ShardOptions& options) {
    return Searcher(read_shard_map(map_file), options);
}

const Xapian::Database* Searcher::Impl::spelling_dictionary() {
    if (!shards) return nullptr;
    if (!shard_spelling) shard_spelling = std::make_unique<ShardSpelling>(*shards);
    return shard_spelling->dictionary();
}

void Searcher::Impl::note_lost_shards(SearchResult& result) const {
    result.failed_shards = shards->failures();
    result.partial = !result.failed_shards.empty();
    for (const auto& f : result.failed_shards) {
        result.notices.push_back("shard " + std::to_string(f.shard) + " (" + f.servers.front() +
                                 (f.servers.size() > 1 ? " and its replicas" : "") +
                                 ") did not answer: results are from the other shards");
    }
}

void Searcher::Impl::run_sharded(const Plan& plan, const SearchOptions& options, SearchResult& result) {
    result.filters = options.filters;
    const Xapian::BM25Weight weight = bm25(options);
    Xapian::Enquire enquire = make_enquire(plan, options, weight); // the time limit too
    if (options.facets && !shard_facets) shard_facets = std::make_unique<ShardFacets>(*shards);
    std::optional<ShardFacets::Count> count;
    if (options.facets) count.emplace(*shard_facets, enquire);
    const Xapian::doccount doccount = db.get_doccount();
    const Xapian::doccount check = options.facets || options.exact_total ? doccount : 0;
    // The whole match list when a facet counts from docids or a passage is left out; else
    // only the window, as one database does.
    const bool whole = plan.exclude || (options.facets && shard_facets->needs_matches());
    const auto offset = static_cast<Xapian::doccount>(std::min<std::size_t>(result.offset, doccount));
    const Xapian::doccount first = whole ? 0 : offset;
    const Xapian::doccount wanted = whole ? doccount : static_cast<Xapian::doccount>(result.limit);
    Xapian::MSet mset = enquire.get_mset(first, wanted, check);
    result.total = mset.get_matches_estimated(); // exact when check is the doccount
    struct Item {
        Xapian::docid did;
        double weight;
        Xapian::doccount index; ///< in the MSet
    };
    std::vector<Item> items;
    items.reserve(mset.size());
    bool excluded = false;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (plan.exclude && *it == plan.exclude) {
            excluded = true;
            continue;
        }
        items.push_back({*it, it.get_weight(), it.get_rank() - first});
    }
    std::optional<Xapian::Document> source;
    if (excluded) {
        if (result.total > 0) --result.total;
        source = db.get_document(plan.exclude);
    }
    if (count) {
        std::vector<Xapian::docid> matches;
        if (shard_facets->needs_matches()) {
            matches.reserve(items.size());
            for (const auto& item : items) matches.push_back(item.did);
        }
        result.facets = count->results(matches, source ? &*source : nullptr);
    }
    const std::size_t begin = whole ? std::min<std::size_t>(offset, items.size()) : 0;
    const std::size_t end = whole ? std::min(items.size(), begin + result.limit) : items.size();
    // The page's documents in one pipelined exchange, not one round trip a hit.
    if (begin < end) {
        auto last = mset[items[end - 1].index];
        mset.fetch(mset[items[begin].index], ++last); // [first, last)
    }
    for (std::size_t k = begin; k < end; ++k) {
        Hit hit;
        hit.rank = result.offset + (k - begin) + 1;
        hit.score = items[k].weight;
        const Xapian::Document doc = mset[items[k].index].get_document();
        fill_hit(hit, items[k].did, plan, options, &doc);
        // Where the query matched: one term list (a round trip) a hit. A match restricted to
        // the page by OP_VALUE_RANGE on the sort key cost a server 140 ms on 526,000 passages.
        finish_hit(hit, enquire, items[k].did, plan, options, weight);
        result.hits.push_back(std::move(hit));
    }
}


} // namespace rapporteur
