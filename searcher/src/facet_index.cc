/** @file facet_index.cc
 *  @brief Exact, multi-valued facet counts by docid.
 */
#include "facet_index.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"

#include <algorithm>
#include <unordered_map>

namespace rapporteur {

std::vector<std::string> facet_values(Xapian::valueno slot, const std::string& v) {
    if (v.empty()) return {};
    // The session facet (and filter) is the session number.
    if (slot == schema::SLOT_SESSION) return {std::string(codecs::session_number(v))};
    if (slot == schema::SLOT_ORGS || slot == schema::SLOT_COUNTRIES) return codecs::split_values(v);
    return {v};
}

namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && s.size() < 10 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

} // namespace

void sort_facet_values(std::vector<FacetValue>& values) {
    std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
        if (a.count != b.count) return a.count > b.count;
        if (all_digits(a.value) && all_digits(b.value)) return std::stol(a.value) < std::stol(b.value);
        return a.value < b.value;
    });
}

FacetIndex::FacetIndex(const Xapian::Database& db) {
    // The document of a passage has no value slot (its id starts with it, and a slot would cost
    // a few bytes a passage): that field is read from the XD terms' posting lists instead.
    const Xapian::docid last = db.get_lastdocid();
    for (std::size_t f = 0; f < FIELDS; ++f) {
        Field& field = fields_[f];
        std::unordered_map<std::string, std::uint32_t> ids;
        field.first.assign(static_cast<std::size_t>(last) + 2, 0);
        std::vector<std::pair<Xapian::docid, std::uint32_t>> pairs;
        const auto slot = schema::FIELDS[f].slot;
        if (slot != Xapian::BAD_VALUENO) {
            // A value stream is in docid order, so pairs come grouped by docid.
            for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
                for (auto& value : facet_values(slot, *it)) {
                    auto [pos, added] = ids.try_emplace(value, static_cast<std::uint32_t>(field.values.size()));
                    if (added) field.values.push_back(std::move(value));
                    pairs.emplace_back(it.get_docid(), pos->second);
                }
            }
        } else {
            const std::string prefix(schema::FIELDS[f].prefix);
            for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
                const auto id = static_cast<std::uint32_t>(field.values.size());
                field.values.push_back(std::string(*t).substr(prefix.size()));
                for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) pairs.emplace_back(*p, id);
            }
            std::stable_sort(pairs.begin(), pairs.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        }
        for (const auto& [did, id] : pairs) {
            if (did <= last) ++field.first[did + 1];
        }
        for (std::size_t i = 1; i < field.first.size(); ++i) field.first[i] += field.first[i - 1];
        field.ids.reserve(pairs.size());
        for (const auto& [did, id] : pairs) {
            if (did <= last) field.ids.push_back(id);
        }
    }
}

FacetIndex::Spy::Spy(const FacetIndex& index) : index_(index) {
    for (std::size_t f = 0; f < FIELDS; ++f) counts_[f].assign(index_.fields_[f].values.size(), 0);
}

void FacetIndex::Spy::operator()(const Xapian::Document& doc, double) {
    const Xapian::docid did = doc.get_docid(); // no document data or values are read
    for (std::size_t f = 0; f < FIELDS; ++f) {
        const Field& field = index_.fields_[f];
        if (did + 1 >= field.first.size()) continue; // added after this index was built
        for (auto i = field.first[did]; i < field.first[did + 1]; ++i) ++counts_[f][field.ids[i]];
    }
}

std::map<std::string, std::vector<FacetValue>> FacetIndex::Spy::results() const {
    std::map<std::string, std::vector<FacetValue>> out;
    for (std::size_t f = 0; f < FIELDS; ++f) {
        std::vector<FacetValue> values;
        for (std::size_t i = 0; i < counts_[f].size(); ++i) {
            if (counts_[f][i]) values.push_back({index_.fields_[f].values[i], counts_[f][i]});
        }
        sort_facet_values(values);
        out[std::string(schema::FIELDS[f].facet)] = std::move(values);
    }
    return out;
}

} // namespace rapporteur
