/** @file catalog.cc
 *  @brief A search thread's database handles and the API's lookups: passages, documents,
 *         spelling and completions.
 */
#include "catalog.h"

#include "rapporteur/base/data_files.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/utf8.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace rapporteur {

Xapian::Database open_database(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
        throw RuntimeError(path.string() + ": no database here; create one with: rapporteur-index --db " +
                           path.string() + " DIR");
    }
    try {
        Xapian::Database db(path.string());
        schema::check_index_format(db, path.string());
        return db;
    } catch (const Xapian::Error& e) {
        throw RuntimeError(path.string() + ": cannot open database: " + e.get_description());
    }
}

Catalog::Catalog(std::filesystem::path path) : path_(std::move(path)) { open(); }

std::string Catalog::stub() const {
    std::ifstream in(path_ / "XAPIANDB", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void Catalog::open() {
    stub_ = stub();
    db_ = open_database(path_);
    // The Searcher gets a handle of its own: a reopen through ours would leave its caches
    // (the facet index, the analyzer's synonyms) on the old revision.
    searcher_.emplace(open_database(path_));
}

void Catalog::refresh() {
    if (stub() != stub_) {
        open(); // a new generation: the old handles still read the old one
        return;
    }
    db_.reopen(); // the Searcher reopens its own at each search
}

std::string Catalog::version() const { return db_.get_uuid() + ":" + std::to_string(db_.get_revision()); }

namespace {

using json = nlohmann::ordered_json;

json session_json(const Session& s) { return {{"day", s.day}, {"number", s.number}, {"title", s.title}}; }

std::string document_term(const std::string& slug) { return std::string(schema::PREFIX_DOCUMENT) + slug; }

} // namespace

json Catalog::passage(const std::string& id) const {
    const Xapian::docid did = find_passage(db_, id);
    if (did == 0) throw NotFoundError("no passage has the id '" + id + "'");
    const StoredPassage p = read_stored_passage(db_.get_document(did));
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
        std::string last;
        bool found = false;
        const std::string term = document_term(p.document);
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
            const Xapian::Document doc = db_.get_document(*it);
            const StoredPassage q = read_stored_passage(doc);
            if (q.kind == PassageKind::FOOTNOTE) continue;
            if (found) {
                next = q.id;
                break;
            }
            if (*it == did) {
                found = true;
                if (!last.empty()) previous = last;
            } else {
                last = q.id;
            }
        }
    }
    out["neighbours"] = {{"previous", previous}, {"next", next}};
    return out;
}

json Catalog::document(const std::string& slug) const {
    const std::string term = document_term(slug);
    const std::string record = db_.get_metadata(std::string(schema::META_FILE) + slug);
    if (record.empty() && !db_.term_exists(term)) throw NotFoundError("no document has the id '" + slug + "'");
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
    out["passages"] = db_.get_termfreq(term);
    // Sessions in reading order, each with its passage count.
    std::vector<std::pair<std::string, std::size_t>> sessions;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        const std::string value = db_.get_document(*it).get_value(schema::SLOT_SESSION);
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
    for (const auto& [value, count] : sessions) {
        json s = session_json(codecs::decode_session(value));
        s["passages"] = count;
        list.push_back(std::move(s));
    }
    out["sessions"] = list;
    return out;
}

json Catalog::documents() const {
    std::vector<std::string> slugs;
    const std::string prefix(schema::PREFIX_DOCUMENT);
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it)
        slugs.push_back((*it).substr(prefix.size()));
    json list = json::array();
    for (const auto& slug : slugs) list.push_back(document(slug));
    return {{"total", slugs.size()}, {"documents", list}};
}

json Catalog::suggest(const std::string& query, std::size_t max) const {
    // The last word typed, folded as the spelling dictionary holds words; the words before it.
    const std::size_t cut = query.find_last_of(" \t\"()");
    const std::string before = cut == std::string::npos ? "" : query.substr(0, cut + 1);
    const std::string word = utf8::fold(cut == std::string::npos ? query : query.substr(cut + 1));
    json completions = json::array();
    if (!word.empty()) {
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        auto it = db_.spellings_begin();
        it.skip_to(word);
        for (; it != db_.spellings_end(); ++it) {
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
