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

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>

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
    // The page's documents, when a hit needs more than its id (which its sort key encodes).
    const bool documents = options.hit_details || plan.related;
    std::vector<Xapian::docid> page;
    for (std::size_t k = begin; k < end; ++k) page.push_back(items[k].did);
    // Where the query matched: over shards a hit's term list is a round trip, and the server
    // looks up every term's frequency for it; one match over the page's documents says it for
    // every hit (matched_fields). --like keeps the term lists: it names the shared entities.
    // The match needs only the documents' names, which the hits' sort keys hold, so it runs
    // on the union while the page's documents are read on the shards' second connections.
    const bool by_match = options.hit_details && !plan.related && !page.empty();
    // The page's ids, from the hits' sort keys: empty when a key does not encode its id (an
    // index older than the keys).
    std::vector<std::string> ids, names;
    if (documents) {
        for (std::size_t k = begin; k < end; ++k) {
            std::string id;
            if (!codecs::decode_sort_key(mset[items[k].index].get_sort_key(), id) || id.find('/') == std::string::npos) {
                ids.clear();
                break;
            }
            ids.push_back(std::move(id));
        }
    }
    std::vector<std::uint8_t> fields;
    std::vector<FetchedPassage> docs;
    // The page with its data in one match, where the shards hold it (rapporteur-index --shard).
    if (documents && !ids.empty() && options.hit_details) docs = page_data(plan, ids, page, by_match ? &fields : nullptr);
    if (docs.empty() && by_match) {
        // The documents' names, which the ids hold, for the matched_fields match.
        for (const auto& id : ids) names.push_back(id.substr(0, id.rfind('/'))); // ids are "<document>/<local id>"
    }
    if (docs.empty() && documents && !names.empty()) {
        docs = page_documents(page, [&] { fields = matched_fields(plan, names, page); }, options.hit_details);
    } else if (docs.empty() && documents) {
        docs = page_documents(page, nullptr, options.hit_details);
    }
    for (std::size_t k = begin; k < end; ++k) {
        Hit hit;
        hit.rank = result.offset + (k - begin) + 1;
        hit.score = items[k].weight;
        if (documents) {
            fill_hit(hit, items[k].did, plan, options, &docs[k - begin]);
        } else {
            fill_hit(hit, items[k].did, plan, options, nullptr, mset[items[k].index].get_sort_key());
        }
        result.hits.push_back(std::move(hit));
    }
    if (by_match && fields.empty() && names.empty()) {
        // A sort key that does not encode its id (an index older than the keys): the names
        // from the documents, after them.
        for (const auto& hit : result.hits) names.push_back(hit.document);
        fields = matched_fields(plan, names, page);
    }
    for (std::size_t k = begin; k < end; ++k) {
        std::optional<std::uint8_t> matched;
        if (!fields.empty()) matched = fields[k - begin];
        finish_hit(result.hits[k - begin], enquire, items[k].did, plan, options, weight, matched);
    }
}

std::vector<FetchedPassage> Searcher::Impl::page_documents(const std::vector<Xapian::docid>& page,
                                                           const std::function<void()>& meanwhile, bool prepare) {
    // Xapian 1.4's remote backend reads a document a round trip (MSet::fetch does not pipeline
    // them there), so each shard's share of the page is read on its own connection, the shards
    // at once: as many round trips as the most any shard holds, not one a hit. Each thread
    // uses one shard's connections only (Xapian objects are not shared between threads here).
    // With `meanwhile`, which uses the union and so every shard's own connection, the reads
    // are on the shards' second connections (ShardSet::side) at the revision of the first,
    // several a shard; what a second connection could not read is read on the shard's own
    // after `meanwhile`.
    const std::size_t n = shards->live().size();
    std::vector<FetchedPassage> out(page.size());
    std::vector<std::vector<std::size_t>> of_shard(n);
    for (std::size_t k = 0; k < page.size(); ++k) of_shard[(page[k] - 1) % n].push_back(k);
    std::vector<std::exception_ptr> errors(n);
    auto read = [&](const std::vector<std::size_t>& ks, const Xapian::Database& from) {
        for (const std::size_t k : ks) {
            FetchedPassage& p = out[k];
            p.doc = from.get_document((page[k] - 1) / n + 1);
            if (!prepare) continue;
            // The highlights' analysis (the longest part of a hit) while other shards answer;
            // the Analyzer may be shared between threads. A passage that cannot be parsed here
            // is parsed again by fill_hit, which says why.
            try {
                p.data = PassageData::parse(p.doc, true);
                p.terms = PassageTerms::analyse(analyzer, p.data->hit.text, p.data->hit.lang, p.data->offsets);
            } catch (...) {
                p.data.reset();
                p.terms.reset();
            }
        }
    };
    // What each shard still reads on its own connection.
    std::vector<std::vector<std::size_t>> own = of_shard;
    if (meanwhile) {
        // Each shard's share split over up to `page_connections` second connections, one
        // thread each: a share of m passages costs ceil(m / connections) round trips, not m.
        const std::size_t sides =
            std::clamp<std::size_t>(shards->options().page_connections, 1, ShardSet::MAX_SIDES);
        std::vector<std::vector<std::vector<std::size_t>>> parts(n);
        std::vector<ShardSet::Revision> at(n);
        for (std::size_t i = 0; i < n; ++i) {
            if (of_shard[i].empty()) continue;
            at[i] = ShardSet::Revision::of(shards->shard(i));
            parts[i].resize(std::min(of_shard[i].size(), sides));
            for (std::size_t j = 0; j < of_shard[i].size(); ++j) parts[i][j % parts[i].size()].push_back(of_shard[i][j]);
        }
        std::vector<std::vector<char>> done(n);
        for (std::size_t i = 0; i < n; ++i) done[i].assign(parts[i].size(), 0);
        auto read_side = [&](std::size_t i, std::size_t slot) {
            Xapian::Database* side = shards->side(i, at[i], slot);
            if (!side) return;
            try {
                read(parts[i][slot], *side);
                done[i][slot] = 1;
            } catch (...) {
                shards->drop_side(i, slot); // read on the shard's own connection, which tells if it is lost
            }
        };
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t slot = 0; slot < parts[i].size(); ++slot) threads.emplace_back(read_side, i, slot);
        }
        std::exception_ptr failed;
        try {
            meanwhile();
        } catch (...) {
            failed = std::current_exception();
        }
        for (auto& t : threads) t.join();
        if (failed) std::rethrow_exception(failed);
        for (std::size_t i = 0; i < n; ++i) {
            own[i].clear();
            for (std::size_t slot = 0; slot < parts[i].size(); ++slot) {
                if (!done[i][slot]) own[i].insert(own[i].end(), parts[i][slot].begin(), parts[i][slot].end());
            }
        }
    }
    auto read_own = [&](std::size_t i) {
        try {
            read(own[i], shards->shard(i));
        } catch (...) {
            errors[i] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    std::size_t first = n;
    for (std::size_t i = 0; i < n; ++i) {
        if (own[i].empty()) continue;
        if (first == n) {
            first = i; // read here, after starting the others
            continue;
        }
        threads.emplace_back(read_own, i);
    }
    if (first < n) read_own(first);
    for (auto& t : threads) t.join();
    for (const auto& e : errors) {
        if (e) std::rethrow_exception(e); // a lost shard: the search's retry handles it
    }
    return out;
}

Searcher::Impl::FieldTerms Searcher::Impl::field_terms(const Plan& plan) {
    // The query's terms by field, as Enquire::get_matching_terms would take them.
    FieldTerms terms;
    for (auto t = plan.query.get_unique_terms_begin(); t != plan.query.get_unique_terms_end(); ++t) {
        const std::string term = *t;
        const auto field = term_field(term).first;
        const auto at = std::find(std::begin(WORD_FIELDS), std::end(WORD_FIELDS), field) - std::begin(WORD_FIELDS);
        if (at < static_cast<std::ptrdiff_t>(std::size(WORD_FIELDS))) terms[at].push_back(term);
    }
    return terms;
}

std::vector<FetchedPassage> Searcher::Impl::page_data(const Plan& plan, const std::vector<std::string>& ids,
                                                      const std::vector<Xapian::docid>& page,
                                                      std::vector<std::uint8_t>* fields) {
    std::vector<std::string> selected;
    for (const auto& id : ids) selected.push_back(std::string(schema::PREFIX_PASSAGE) + id);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, selected.begin(), selected.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // Sorted by a value, a match reads the value of each candidate (here the page's passages
    // only) and an MSet item carries it: the passage's data and terms come with the match.
    enquire.set_sort_by_value(schema::SLOT_PAGE_DATA, false);
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(page.size()));
    std::map<Xapian::docid, std::size_t> at;
    for (std::size_t k = 0; k < page.size(); ++k) at.emplace(page[k], k);
    std::vector<FetchedPassage> out(page.size());
    std::size_t found = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto k = at.find(*it);
        const std::string value = it.get_sort_key(); // a copy: `data` points into it
        std::string_view data;
        codecs::TermPositions terms;
        if (k == at.end() || out[k->second].data || !codecs::decode_page_value(value, data, terms)) return {};
        try {
            PassageData parsed = PassageData::parse(data, *it, true);
            if (parsed.hit.id != ids[k->second]) return {};
            out[k->second].data = std::move(parsed);
            out[k->second].terms.emplace(std::move(terms));
        } catch (const RuntimeError&) {
            return {}; // read as a document, whose error fill_hit gives
        }
        ++found;
    }
    if (found != page.size()) return {};
    if (fields) {
        // Where the query matched, from the passages' own terms, as matched_fields says it.
        const FieldTerms terms = field_terms(plan);
        fields->assign(page.size(), 0);
        for (std::size_t k = 0; k < page.size(); ++k) {
            for (std::size_t f = 0; f < terms.size(); ++f) {
                const bool holds = std::any_of(terms[f].begin(), terms[f].end(), [&](const std::string& t) {
                    return out[k].terms->all().count(t) > 0;
                });
                if (holds) (*fields)[k] |= static_cast<std::uint8_t>(1u << f);
            }
        }
    }
    return out;
}

std::vector<std::uint8_t> Searcher::Impl::matched_fields(const Plan& plan, const std::vector<std::string>& names,
                                                         const std::vector<Xapian::docid>& page) {
    // CoordWeight scores each matching subquery 1: field f scaled by 2^f, so a passage's score
    // is the set of its fields that hold a term of the query.
    const FieldTerms terms = field_terms(plan);
    std::vector<Xapian::Query> parts;
    for (std::size_t f = 0; f < terms.size(); ++f) {
        if (terms[f].empty()) continue;
        parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                           Xapian::Query(Xapian::Query::OP_SYNONYM, terms[f].begin(), terms[f].end()),
                           static_cast<double>(1u << f));
    }
    std::vector<std::uint8_t> out(page.size(), 0);
    if (parts.empty()) return out;
    // Only the page's documents (there is no term per passage): a few hundred passages at most.
    std::set<std::string> documents;
    for (const auto& name : names) {
        if (name.empty()) return {}; // cannot say: the term lists then
        documents.insert(std::string(schema::PREFIX_DOCUMENT) + name);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()),
                                    Xapian::Query(Xapian::Query::OP_OR, documents.begin(), documents.end())));
    enquire.set_weighting_scheme(Xapian::CoordWeight());
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::map<Xapian::docid, std::uint8_t> mask;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        mask[*it] = static_cast<std::uint8_t>(std::lround(it.get_weight()));
    }
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (const auto m = mask.find(page[i]); m != mask.end()) out[i] = m->second;
    }
    return out;
}

} // namespace rapporteur
