/** @file database_check.cc
 *  @brief rapporteur-index --check: the database read back the way a user can trust it.
 *
 *  Xapian's own checker runs on the current generation's tables; then every document is read
 *  as the searcher reads it (stored passage, word offsets, facet values) and the metadata is
 *  compared with the documents. Each problem is one line; nothing here writes.
 */
#include "file_records.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/format/chunked_metadata.h"
#include "rapporteur/format/codecs.h"
#include "rapporteur/format/database_dir.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/indexer.h"
#include "rapporteur/utf8.h"

#include <xapian.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

namespace rapporteur {

namespace fs = std::filesystem;

namespace {

/// Xapian's checker on one glass directory: its error lines, or the error that stopped it.
void run_xapian_check(const fs::path& generation, CheckSummary& out) {
    std::ostringstream log;
    std::size_t errors = 0;
    try {
        errors = Xapian::Database::check(generation.string(), 0, &log); // 0: errors only, no tree dump
    } catch (const Xapian::Error& e) {
        out.problems.push_back(generation.filename().string() + ": Xapian's check failed: " + e.get_description());
        return;
    }
    if (errors == 0) return;
    std::istringstream lines(log.str());
    std::size_t reported = 0;
    for (std::string line; std::getline(lines, line);) {
        // The checker's own lines; with no SHOW option it prints little besides its errors.
        if (line.find("rror") == std::string::npos && line.find("amaged") == std::string::npos) continue;
        out.problems.push_back(generation.filename().string() + ": xapian-check: " + line);
        ++reported;
    }
    if (reported == 0) {
        out.problems.push_back(generation.filename().string() + ": xapian-check found " + std::to_string(errors) +
                               " error(s)");
    }
}

/// Whether a term is an unprefixed passage-text term (prefixes are upper-case ASCII).
bool is_text_term(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

/// The checks of one document; `ids` collects passage ids, `cited` the cited_by ids to resolve.
void check_document(const Xapian::Database& db, Xapian::docid did, CheckSummary& out,
                    std::map<std::string, Xapian::docid>& ids, std::set<std::string>& slugs,
                    std::vector<std::pair<std::string, std::string>>& citations) {
    const std::string where = "document " + std::to_string(did);
    const Xapian::Document doc = db.get_document(did);
    StoredPassage p;
    try {
        p = read_stored_passage(doc);
    } catch (const RuntimeError& e) {
        out.problems.push_back(e.what());
        ++out.unreadable;
        return;
    }
    const std::string name = where + " (" + p.id + ")";
    if (p.id.empty() || p.id.find('/') == std::string::npos) {
        out.problems.push_back(name + ": passage id is not <document>/<passage>");
    } else if (auto [it, fresh] = ids.emplace(p.id, did); !fresh) {
        out.problems.push_back(name + ": passage id also used by document " + std::to_string(it->second));
    }
    if (auto bad = utf8::invalid_offset(p.text); bad != std::string::npos) {
        out.problems.push_back(name + ": passage text is not UTF-8 at byte " + std::to_string(bad));
    }
    // The document's boolean terms must agree with its data and values.
    auto has = [&](std::string_view prefix, const std::string& value) {
        std::string term(prefix);
        term += value;
        if (!is_storable_term({}, term)) return true; // too long to index: dropped by design
        Xapian::TermIterator t = doc.termlist_begin();
        t.skip_to(term);
        return t != doc.termlist_end() && *t == term;
    };
    if (!has(schema::PREFIX_DOCUMENT, p.document)) out.problems.push_back(name + ": no document term XD" + p.document);
    slugs.insert(p.document);
    if (!has(schema::PREFIX_KIND, std::string(kind_name(p.kind)))) {
        out.problems.push_back(name + ": kind term does not match the stored kind");
    }
    const std::string session_value = doc.get_value(schema::SLOT_SESSION);
    if (codecs::encode_session(p.session) != session_value) {
        out.problems.push_back(name + ": session value '" + session_value + "' does not decode");
    } else if (!has(schema::PREFIX_SESSION, std::to_string(p.session.number))) {
        out.problems.push_back(name + ": session term does not match the session value");
    }
    // The facets' slots hold again what the data holds (a hit reads the data, a facet the slot).
    const std::pair<Xapian::valueno, std::string> slots[] = {{schema::SLOT_LANG, p.lang},
                                                             {schema::SLOT_ORGS, codecs::join_values(p.organisations)},
                                                             {schema::SLOT_COUNTRIES, codecs::join_values(p.countries)},
                                                             {schema::SLOT_SPEAKER, p.speaker}};
    for (const auto& [slot, value] : slots) {
        if (doc.get_value(slot) != value) {
            out.problems.push_back(name + ": value slot " + std::to_string(slot) + " '" + doc.get_value(slot) +
                                   "' is not the passage data's '" + value + "'");
        }
    }
    if (p.lang.empty() || !has(schema::PREFIX_LANG, p.lang)) {
        out.problems.push_back(name + ": language value '" + p.lang + "' has no matching term");
    }
    for (const auto& o : p.organisations) {
        if (!has(schema::PREFIX_ORG, o)) out.problems.push_back(name + ": organisation '" + o + "' has no term");
    }
    for (const auto& c : p.countries) {
        if (!has(schema::PREFIX_COUNTRY, c)) out.problems.push_back(name + ": country '" + c + "' has no term");
    }
    // Offsets: a span for every word position, each inside the text.
    const std::vector<std::uint32_t>& spans = p.offsets;
    for (std::size_t i = 1; i < spans.size(); i += 2) {
        if (spans[i] > p.text.size()) {
            out.problems.push_back(name + ": word offset " + std::to_string(spans[i]) + " past the text's " +
                                   std::to_string(p.text.size()) + " bytes");
            break;
        }
    }
    Xapian::termpos last = 0;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (!is_text_term(*t)) continue;
        for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) last = std::max(last, *pos);
    }
    if (last > spans.size() / 2) {
        out.problems.push_back(name + ": " + std::to_string(spans.size() / 2) + " word offsets for " +
                               std::to_string(last) + " positions");
    }
    // A shard's page value (schema.h, SLOT_PAGE_DATA): what a sharded page shows instead of the
    // data and the position lists, so it must be them again, and its id term must name it.
    const std::string page = doc.get_value(schema::SLOT_PAGE_DATA);
    const bool id_term = has(schema::PREFIX_PASSAGE, p.id);
    if (!page.empty()) {
        std::string_view data;
        codecs::TermPositions terms;
        if (!codecs::decode_page_value(page, data, terms)) {
            out.problems.push_back(name + ": page value (slot " + std::to_string(schema::SLOT_PAGE_DATA) + ") does not decode");
        } else if (data != doc.get_data()) {
            out.problems.push_back(name + ": page value's data is not the document data");
        } else if (page != page_value(doc)) {
            out.problems.push_back(name + ": page value's terms are not the passage's");
        }
        if (!id_term) out.problems.push_back(name + ": page value but no id term " + std::string(schema::PREFIX_PASSAGE) + p.id);
    } else if (id_term && db.term_exists(std::string(schema::PREFIX_PASSAGE) + p.id)) {
        out.problems.push_back(name + ": id term but no page value");
    }
    for (const auto& c : p.cited_by) citations.emplace_back(name, c);
    for (const auto& f : p.footnotes) {
        if (utf8::invalid_offset(f.text) != std::string::npos) {
            out.problems.push_back(name + ": cited footnote " + std::to_string(f.n) + " is not UTF-8");
        }
    }
    ++out.passages;
}

} // namespace

CheckSummary check_database(const fs::path& path) {
    CheckSummary out;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        out.problems.push_back(path.string() + ": no database directory there");
        return out;
    }
    out.generation = read_current_generation(path);
    if (out.generation.empty()) {
        out.problems.push_back(path.string() + ": no readable stub file (XAPIANDB naming a generation)");
        return out;
    }
    const fs::path generation = path / out.generation;
    if (!fs::is_directory(generation, ec)) {
        out.problems.push_back(path.string() + ": the stub names " + out.generation + ", which is missing");
        return out;
    }
    run_xapian_check(generation, out);
    Xapian::Database db;
    try {
        db = Xapian::Database(generation.string());
    } catch (const Xapian::Error& e) {
        out.problems.push_back(generation.string() + ": cannot open: " + e.get_description());
        return out;
    }
    const std::string version = db.get_metadata(std::string(schema::META_VERSION));
    if (db.get_doccount() > 0 && version != schema::VERSION) {
        out.problems.push_back("metadata " + std::string(schema::META_VERSION) + " is '" + version + "', not '" +
                               std::string(schema::VERSION) + "'");
    }
    if (const std::string features = db.get_metadata(std::string(schema::META_ANALYSIS)); !features.empty()) {
        try {
            AnalyzerOptions o;
            parse_features(features, o);
        } catch (const UsageError& e) {
            out.problems.push_back("metadata " + std::string(schema::META_ANALYSIS) + ": " + e.what());
        }
    }
    // A shard's spelling export is what a sharded search caches by its fingerprint: chunks
    // that do not match it would be taken for another shard's words.
    if (const std::string fp = db.get_metadata(std::string(schema::META_SPELLING_FINGERPRINT)); !fp.empty()) {
        if (format::chunked_fingerprint(db, schema::META_SPELLING) != fp)
            out.problems.push_back("metadata " + std::string(schema::META_SPELLING) +
                                   "*: the chunks do not match their fingerprint (rapporteur-index --shard K/N "
                                   "writes them again)");
    }
    std::map<std::string, Xapian::docid> ids;
    std::set<std::string> slugs;
    std::vector<std::pair<std::string, std::string>> citations;
    try {
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            check_document(db, *it, out, ids, slugs, citations);
        }
        // A passage that could not be read is reported already: its citations are not looked for.
        for (const auto& [who, id] : citations) {
            if (out.unreadable == 0 && !ids.count(id)) out.problems.push_back(who + ": cited by " + id + ", which is not in the database");
        }
        // Every document has its file record, and every record its document.
        const auto records = read_records(db);
        for (const auto& slug : slugs) {
            const auto r = records.find(slug);
            if (r == records.end()) {
                out.problems.push_back("document " + slug + ": no file record (" + std::string(schema::META_FILE) +
                                       slug + ")");
            } else if (r->second.hash.empty()) {
                out.problems.push_back("document " + slug + ": its file record is damaged");
            }
        }
        for (const auto& [slug, record] : records) {
            if (!slugs.count(slug)) {
                out.problems.push_back("file record " + slug + " (" + record.path + "): no passage in the database");
            }
        }
        out.documents = slugs.size();
    } catch (const Xapian::Error& e) {
        out.problems.push_back(generation.string() + ": reading stopped: " + e.get_description());
    }
    return out;
}

} // namespace rapporteur
