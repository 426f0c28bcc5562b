/** @file lookups.cc
 *  @brief The API's lookups besides searches, over one database or the shards: passages with
 *         their neighbours, documents with their sessions, spelling and completions.
 *
 *  Over shards, a document's passages are on one shard (rapporteur-index --shard puts each
 *  document in one), so the union's docid order is its reading order there too; its file
 *  record is that shard's metadata, which the union would read from the first shard only.
 */
#include "catalog.h"

#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/utf8.h"

#include "shard_set.h"

#include <algorithm>
#include <utility>

namespace rapporteur {

namespace {

using json = nlohmann::ordered_json;

json session_json(const Session& s) { return {{"day", s.day}, {"number", s.number}, {"title", s.title}}; }

std::string document_term(const std::string& slug) { return std::string(schema::PREFIX_DOCUMENT) + slug; }

using Passages = std::vector<std::pair<Xapian::docid, Xapian::Document>>;

/** A document's passages in docid (reading) order, with their documents fetched in one
 *  pipelined exchange: a remote shard would otherwise cost a round trip a passage. */
Passages passages_of(const Xapian::Database& db, const std::string& term) {
    Passages out;
    const Xapian::doccount n = db.get_termfreq(term);
    if (n == 0) return out;
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet mset = enquire.get_mset(0, n);
    mset.fetch();
    out.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_document());
    return out;
}

/// One document of `db` (the shard holding it): see Catalog::document().
json document_in(const Xapian::Database& db, const std::string& slug) {
    const std::string term = document_term(slug);
    const std::string record = db.get_metadata(std::string(schema::META_FILE) + slug);
    const auto passages = passages_of(db, term);
    if (record.empty() && passages.empty()) throw NotFoundError("no document has the id '" + slug + "'");
    json out = {{"id", slug}, {"path", nullptr}, {"title", nullptr}, {"date", nullptr}};
    // The file record (JSON) names the path, and the title and date when the index knows them.
    try {
        const auto r = nlohmann::json::parse(record);
        for (const char* key : {"path", "title", "date"}) {
            if (r.contains(key) && r[key].is_string() && !r[key].get<std::string>().empty()) out[key] = r[key];
        }
    } catch (const nlohmann::json::exception&) {
        // An older record ("<hash> <path>") or none: the fields stay null.
    }
    out["passages"] = passages.size();
    // Sessions in reading order, each with its passage count.
    std::vector<std::pair<std::string, std::size_t>> sessions;
    for (const auto& p : passages) {
        const std::string value = p.second.get_value(schema::SLOT_SESSION);
        if (sessions.empty() || sessions.back().first != value) {
            auto same = std::find_if(sessions.begin(), sessions.end(), [&](const auto& s) { return s.first == value; });
            if (same != sessions.end()) {
                ++same->second;
                continue;
            }
            sessions.emplace_back(value, 0);
        }
        ++sessions.back().second;
    }
    json list = json::array();
    for (const auto& s : sessions) {
        json j = session_json(codecs::decode_session(s.first));
        j["passages"] = s.second;
        list.push_back(std::move(j));
    }
    out["sessions"] = list;
    return out;
}

json failures_json(const std::vector<ShardFailure>& failures) {
    json out = json::array();
    for (const auto& f : failures) out.push_back({{"shard", f.shard}, {"servers", f.servers}, {"error", f.error}});
    return out;
}

} // namespace

json Catalog::passage(const std::string& id) const {
    const auto slash = id.rfind('/');
    Passages passages;
    if (slash != std::string::npos) passages = passages_of(db_, document_term(id.substr(0, slash)));
    const auto at = std::find_if(passages.begin(), passages.end(),
                                 [&](const auto& p) { return read_stored_id(p.second) == id; });
    if (at == passages.end()) throw NotFoundError("no passage has the id '" + id + "'");
    const StoredPassage p = read_stored_passage(at->second);
    json footnotes = json::array();
    for (const auto& f : p.footnotes) footnotes.push_back({{"n", f.n}, {"text", f.text}, {"urls", f.urls}});
    json out = {{"id", p.id},
                {"document", p.document},
                {"kind", kind_name(p.kind)},
                {"lang", p.lang},
                {"session", session_json(p.session)},
                {"organisations", p.organisations},
                {"countries", p.countries},
                {"text", p.text},
                {"footnotes", footnotes}};
    if (p.kind == PassageKind::FOOTNOTE) {
        out["n"] = p.footnote_number;
        out["urls"] = p.urls;
        out["cited_by"] = p.cited_by;
    }
    // Neighbours in reading order: the document's passages are indexed in that order, so its
    // postings list them so; footnote passages are not in the flow of the text.
    json previous = nullptr, next = nullptr;
    if (p.kind != PassageKind::FOOTNOTE) {
        auto in_flow = [](const auto& q) { return read_stored_passage(q.second).kind != PassageKind::FOOTNOTE; };
        const auto before = std::find_if(std::make_reverse_iterator(at), passages.rend(), in_flow);
        if (before != passages.rend()) previous = read_stored_id(before->second);
        const auto after = std::find_if(std::next(at), passages.end(), in_flow);
        if (after != passages.end()) next = read_stored_id(after->second);
    }
    out["neighbours"] = {{"previous", previous}, {"next", next}};
    return out;
}

json Catalog::document(const std::string& slug) const {
    if (!shards_) return document_in(db_, slug);
    // The shard holding its passages, else one holding only its file record.
    const std::string term = document_term(slug);
    for (std::size_t i = 0; i < shards_->live().size(); ++i) {
        if (shards_->shard(i).term_exists(term)) return document_in(shards_->shard(i), slug);
    }
    for (std::size_t i = 0; i < shards_->live().size(); ++i) {
        if (!shards_->shard(i).get_metadata(std::string(schema::META_FILE) + slug).empty())
            return document_in(shards_->shard(i), slug);
    }
    throw NotFoundError("no document has the id '" + slug + "'");
}

json Catalog::documents() const {
    // Every document with passages, by slug: over shards, each from its own shard (its record
    // is that shard's metadata), the shards' term lists merged in order.
    const std::string prefix(schema::PREFIX_DOCUMENT);
    std::vector<std::pair<std::string, std::size_t>> slugs; // slug, the live shard holding it
    const std::size_t n = shards_ ? shards_->live().size() : 1;
    for (std::size_t i = 0; i < n; ++i) {
        const Xapian::Database& db = shards_ ? shards_->shard(i) : db_;
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
            slugs.emplace_back((*it).substr(prefix.size()), i);
    }
    std::stable_sort(slugs.begin(), slugs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    slugs.erase(std::unique(slugs.begin(), slugs.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                slugs.end());
    json list = json::array();
    for (const auto& s : slugs) list.push_back(document_in(shards_ ? shards_->shard(s.second) : db_, s.first));
    json out = {{"total", slugs.size()}, {"documents", list}};
    if (const auto lost = failures(); !lost.empty()) {
        out["partial"] = true;
        out["failed_shards"] = failures_json(lost);
    }
    return out;
}

json Catalog::suggest(const std::string& query, std::size_t max) {
    // The last word typed, folded as the spelling dictionary holds words; the words before it.
    const std::size_t cut = query.find_last_of(" \t\"()");
    const std::string before = cut == std::string::npos ? "" : query.substr(0, cut + 1);
    const std::string word = utf8::fold(cut == std::string::npos ? query : query.substr(cut + 1));
    json completions = json::array();
    if (!word.empty()) {
        const Xapian::Database& dictionary = spellings();
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        auto it = dictionary.spellings_begin();
        it.skip_to(word);
        for (; it != dictionary.spellings_end(); ++it) {
            const std::string w = *it;
            if (w.compare(0, word.size(), word) != 0) break;
            if (w != word) found.emplace_back(it.get_termfreq(), w);
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (std::size_t i = 0; i < found.size() && i < max; ++i) completions.push_back(found[i].second);
    }
    SearchOptions options;
    options.limit = 0;
    options.facets = false;
    options.snippets = false;
    options.exact_total = false;
    options.hit_details = false;
    // A last word that some words complete is being typed, not misspelt: only the words
    // before it are corrected then.
    std::string spelling;
    if (completions.empty()) {
        spelling = searcher_->search(query, options).suggestion;
    } else if (before.find_first_not_of(" \t\"()") != std::string::npos) {
        std::string fixed = searcher_->search(before, options).suggestion;
        while (!fixed.empty() && (fixed.back() == ' ' || fixed.back() == '\t')) fixed.pop_back();
        if (!fixed.empty()) spelling = fixed + query.substr(cut);
    }
    return {{"query", query}, {"spelling", spelling}, {"completions", completions}};
}

} // namespace rapporteur
