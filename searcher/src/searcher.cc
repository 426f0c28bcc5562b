/** @file searcher.cc
 *  @brief Queries built from the analyzers' tokens, BM25 ranking, snippets from stored offsets.
 */
#include "rapporteur/searcher.h"
#include "rapporteur/analyzers.h"
#include "rapporteur/schema.h"
#include "rapporteur/stored_passage.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <set>

namespace rapporteur {

namespace {

/// Counts every value of a multi-valued slot (values joined by MULTI_SEPARATOR).
class MultiValueCountSpy : public Xapian::MatchSpy {
  public:
    explicit MultiValueCountSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        const std::string v = doc.get_value(slot_);
        std::size_t start = 0;
        while (start < v.size()) {
            auto end = v.find(schema::MULTI_SEPARATOR, start);
            if (end == std::string::npos) end = v.size();
            if (end > start) ++counts_[v.substr(start, end - start)];
            start = end + 1;
        }
    }
    std::vector<FacetValue> top() const {
        std::vector<FacetValue> out;
        for (const auto& [value, count] : counts_) out.push_back({value, count});
        std::stable_sort(out.begin(), out.end(),
                         [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
        return out;
    }

  private:
    Xapian::valueno slot_;
    std::map<std::string, std::size_t> counts_;
};

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

/// Number of code points in the first `bytes` bytes of `s`.
std::size_t code_points(std::string_view s, std::size_t bytes) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < bytes && i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
    }
    return n;
}

} // namespace

struct Searcher::Impl {
    Xapian::Database db;
    Analyzer analyzer;
};

Searcher::Searcher(const std::filesystem::path& database) : impl_(std::make_unique<Impl>()) {
    std::error_code ec;
    if (!std::filesystem::exists(database, ec)) {
        throw RuntimeError(database.string() +
                           ": no database here; create one with: rapporteur-index --db " +
                           database.string() + " DIR");
    }
    try {
        impl_->db = Xapian::Database(database.string());
    } catch (const Xapian::Error& e) {
        throw RuntimeError(database.string() + ": cannot open database: " + e.get_description());
    }
}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const std::string& query, const SearchOptions& options) const {
    SearchResult result;
    result.query = query;
    result.offset = options.offset;
    result.limit = options.limit;

    const auto words = impl_->analyzer.analyze_query(query, options.lang);
    std::set<std::string> terms;
    for (const auto& w : words) {
        for (const auto& a : w.alternatives) terms.insert(a.terms.begin(), a.terms.end());
    }
    Xapian::Query q = build_query(words);

    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    // Equal scores fall back to document order, which is stable across runs.
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    MultiValueCountSpy sessions(schema::SLOT_SESSION), orgs(schema::SLOT_ORGS),
        countries(schema::SLOT_COUNTRIES), langs(schema::SLOT_LANG), docs(schema::SLOT_DOCUMENT);
    if (options.facets) {
        for (auto* spy : {&sessions, &orgs, &countries, &langs, &docs}) enquire.add_matchspy(spy);
    }
    const auto doccount = impl_->db.get_doccount();
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                         static_cast<Xapian::doccount>(options.limit), doccount);
    result.total = mset.get_matches_estimated();
    if (options.facets) {
        result.facets["session"] = sessions.top();
        result.facets["organisation"] = orgs.top();
        result.facets["country"] = countries.top();
        result.facets["lang"] = langs.top();
        result.facets["document"] = docs.top();
    }
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = options.offset + static_cast<std::size_t>(it.get_rank()) + 1;
        hit.score = it.get_weight();
        auto doc = it.get_document();
        auto stored = read_stored_passage(doc);
        hit.id = stored.id;
        hit.document = stored.document;
        hit.kind = stored.kind;
        hit.lang = stored.lang;
        hit.session = {stored.session.day, stored.session.number, stored.session.title};
        hit.organisations = stored.organisations;
        hit.countries = stored.countries;
        hit.text = stored.text;
        for (const auto& f : stored.footnotes) hit.footnotes.push_back({f.n, f.text, f.urls});
        const auto offsets = schema::decode_offsets(doc.get_value(schema::SLOT_OFFSETS));
        std::vector<std::pair<std::size_t, std::size_t>> bytes;
        for (const auto& t : terms) {
            for (auto p = impl_->db.positionlist_begin(*it, t); p != impl_->db.positionlist_end(*it, t); ++p) {
                std::size_t i = (*p - 1) * 2;
                if (i + 1 < offsets.size()) bytes.emplace_back(offsets[i], offsets[i + 1]);
            }
        }
        std::sort(bytes.begin(), bytes.end());
        for (const auto& [s, e] : bytes) {
            hit.highlights.emplace_back(code_points(hit.text, s), code_points(hit.text, e));
        }
        // First cut of the snippet: the whole passage with every match marked.
        std::string snippet;
        std::size_t at = 0;
        for (const auto& [s, e] : bytes) {
            if (s < at) continue;
            snippet += html_escape(std::string_view(hit.text).substr(at, s - at));
            snippet += "<mark>" + html_escape(std::string_view(hit.text).substr(s, e - s)) + "</mark>";
            at = e;
        }
        snippet += html_escape(std::string_view(hit.text).substr(at));
        hit.snippet = std::move(snippet);
        result.hits.push_back(std::move(hit));
    }
    return result;
}

nlohmann::json to_json(const SearchResult& r) {
    using nlohmann::json;
    json results = json::array();
    for (const auto& h : r.hits) {
        json footnotes = json::array();
        for (const auto& f : h.footnotes) footnotes.push_back({{"n", f.n}, {"text", f.text}, {"urls", f.urls}});
        json highlights = json::array();
        for (const auto& [s, e] : h.highlights) highlights.push_back({s, e});
        results.push_back({{"rank", h.rank}, {"id", h.id}, {"score", h.score},
                           {"document", h.document}, {"kind", h.kind}, {"lang", h.lang},
                           {"session", {{"day", h.session.day}, {"number", h.session.number},
                                        {"title", h.session.title}}},
                           {"organisations", h.organisations}, {"countries", h.countries},
                           {"text", h.text}, {"snippet", h.snippet}, {"highlights", highlights},
                           {"footnotes", footnotes}});
    }
    json facets = json::object();
    for (const auto& [name, values] : r.facets) {
        json arr = json::array();
        for (const auto& v : values) arr.push_back({{"value", v.value}, {"count", v.count}});
        facets[name] = arr;
    }
    return {{"query", r.query}, {"total", r.total}, {"offset", r.offset}, {"limit", r.limit},
            {"results", results}, {"facets", facets}, {"notices", r.notices}};
}

} // namespace rapporteur
