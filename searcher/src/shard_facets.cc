/** @file shard_facets.cc
 *  @brief Exact, multi-valued facet counts over remote shards.
 */
#include "shard_facets.h"

#include "facet_index.h"

#include "rapporteur/format/schema.h"

#include <algorithm>

namespace rapporteur {

ShardFacets::ShardFacets(const ShardSet& shards) : term_fields_(schema::FACET_COUNT) {
    const auto n = static_cast<Xapian::docid>(shards.live().size());
    for (std::size_t f = 0; f < schema::FACET_COUNT; ++f) {
        if (schema::FIELDS[f].slot != Xapian::BAD_VALUENO) continue;
        needs_matches_ = true;
        TermField& field = term_fields_[f];
        const std::string prefix(schema::FIELDS[f].prefix);
        std::map<std::string, std::uint32_t> ids;
        // Each shard on its own connection: one posting list a value, its docids mapped into
        // the union's ((shard docid - 1) × n + i + 1, as Xapian numbers a multi-database).
        for (Xapian::docid i = 0; i < n; ++i) {
            const Xapian::Database& db = shards.shard(i);
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
                std::string value = std::string(*t).substr(prefix.size());
                auto [pos, added] = ids.try_emplace(value, static_cast<std::uint32_t>(field.values.size()));
                if (added) field.values.push_back(std::move(value));
                for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p)
                    field.postings.emplace_back((*p - 1) * n + i + 1, pos->second);
            }
        }
        std::sort(field.postings.begin(), field.postings.end());
    }
}

ShardFacets::Count::Count(const ShardFacets& facets, Xapian::Enquire& enquire) : facets_(facets) {
    for (std::size_t f = 0; f < schema::FACET_COUNT; ++f) {
        if (schema::FIELDS[f].slot == Xapian::BAD_VALUENO) {
            spies_.emplace_back();
            continue;
        }
        spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(schema::FIELDS[f].slot));
        enquire.add_matchspy(spies_.back().get());
    }
}

std::map<std::string, std::vector<FacetValue>>
ShardFacets::Count::results(const std::vector<Xapian::docid>& matches, const Xapian::Document* excluded) const {
    std::map<std::string, std::vector<FacetValue>> out;
    for (std::size_t f = 0; f < schema::FACET_COUNT; ++f) {
        std::map<std::string, std::size_t> counts;
        const auto slot = schema::FIELDS[f].slot;
        if (spies_[f]) {
            for (auto v = spies_[f]->values_begin(); v != spies_[f]->values_end(); ++v) {
                for (auto& value : facet_values(slot, *v)) counts[value] += v.get_termfreq();
            }
            if (excluded) {
                for (auto& value : facet_values(slot, excluded->get_value(slot))) {
                    auto it = counts.find(value);
                    if (it != counts.end() && it->second > 0) --it->second;
                }
            }
        } else {
            const TermField& field = facets_.term_fields_[f];
            std::vector<std::size_t> by_id(field.values.size(), 0);
            for (const Xapian::docid did : matches) {
                auto it = std::lower_bound(field.postings.begin(), field.postings.end(), std::make_pair(did, 0u));
                for (; it != field.postings.end() && it->first == did; ++it) ++by_id[it->second];
            }
            for (std::size_t i = 0; i < by_id.size(); ++i) {
                if (by_id[i]) counts[field.values[i]] = by_id[i];
            }
        }
        std::vector<FacetValue> values;
        for (const auto& [value, count] : counts) {
            if (count) values.push_back({value, count});
        }
        sort_facet_values(values);
        out[std::string(schema::FIELDS[f].facet)] = std::move(values);
    }
    return out;
}

} // namespace rapporteur
