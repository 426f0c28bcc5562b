/** @file fixture.h
 *  @brief Searcher test fixtures: the seed indexed on disk by the indexer library, and small
 *         in-memory reports written in the indexer's document layout (schema.h).
 */
#ifndef RAPPORTEUR_TESTS_SEARCHER_FIXTURE_H
#define RAPPORTEUR_TESTS_SEARCHER_FIXTURE_H

#include "support/process.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/indexer.h"
#include "rapporteur/schema.h"
#include "rapporteur/searcher.h"
#include "rapporteur/stored_passage.h"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <string>
#include <vector>

namespace rapporteur::test {

/// One passage of an in-memory report.
struct FixturePassage {
    std::string id, document = "fixture";
    std::string text;
    int day = 0, session = 0;
    std::string title;
    std::vector<std::string> orgs, countries;
    std::string lang = "en";
    std::string kind = "paragraph";
    std::vector<FootnoteInfo> footnotes;
};

inline std::string join_values(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(1, schema::MULTI_SEPARATOR)) + s;
    return out;
}

/// A passage as the indexer writes it: text terms with positions, boolean terms, values, JSON data.
inline Xapian::Document make_document(const FixturePassage& p, const Analyzer& analyzer, std::size_t ordinal) {
    Xapian::Document doc;
    auto tokens = analyzer.analyze(p.text, p.lang);
    add_tokens(doc, tokens, schema::PREFIX_TEXT);
    add_tokens(doc, analyzer.analyze(p.title, p.lang), schema::PREFIX_SESSION_TITLE);
    for (const auto& f : p.footnotes) add_tokens(doc, analyzer.analyze(f.text, p.lang), schema::PREFIX_FOOTNOTE);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans; // as the indexer stores them
    for (const auto& t : tokens) {
        if (t.position >= spans.size()) spans.resize(t.position + 1, {t.start, t.end});
        spans[t.position].first = std::min(spans[t.position].first, t.start);
        spans[t.position].second = std::max(spans[t.position].second, t.end);
    }
    auto term = [](std::string_view prefix, const std::string& v) { return std::string(prefix) + v; };
    doc.add_boolean_term(term(schema::PREFIX_DOCUMENT, p.document));
    doc.add_boolean_term(term(schema::PREFIX_KIND, p.kind));
    doc.add_boolean_term(term(schema::PREFIX_LANG, p.lang));
    doc.add_boolean_term(term(schema::PREFIX_SESSION, std::to_string(p.session)));
    doc.add_boolean_term(term(schema::PREFIX_DAY, std::to_string(p.day)));
    for (const auto& o : p.orgs) doc.add_boolean_term(term(schema::PREFIX_ORG, o));
    for (const auto& c : p.countries) doc.add_boolean_term(term(schema::PREFIX_COUNTRY, c));
    doc.add_value(schema::SLOT_SESSION, std::to_string(p.day) + "/" + std::to_string(p.session) + "/" + p.title);
    doc.add_value(schema::SLOT_LANG, p.lang);
    doc.add_value(schema::SLOT_ORGS, join_values(p.orgs));
    doc.add_value(schema::SLOT_COUNTRIES, join_values(p.countries));
    (void)ordinal;
    doc.add_value(schema::SLOT_OFFSETS, schema::encode_offsets(spans));
    std::vector<StoredFootnote> cited;
    for (const auto& f : p.footnotes) cited.push_back({f.n, f.text, f.urls});
    Passage stored;
    stored.id = p.id;
    stored.kind = p.kind;
    stored.text = p.text;
    doc.set_data(encode_passage_data(stored, cited));
    return doc;
}

/// Passages into a database: in memory when `path` is empty, else on disk.
inline Xapian::WritableDatabase build_database(const std::vector<FixturePassage>& passages, const std::string& path = {}) {
    Xapian::WritableDatabase db = path.empty() ? Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)
                                               : Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OVERWRITE);
    db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
    Analyzer analyzer;
    std::size_t ordinal = 0;
    for (const auto& p : passages) db.add_document(make_document(p, analyzer, ordinal++));
    db.commit();
    return db;
}

inline FixturePassage passage(std::string id, std::string document, std::string text, int day, int session,
                              std::string title, std::vector<std::string> orgs, std::vector<std::string> countries,
                              std::string lang = "en") {
    FixturePassage p;
    p.id = std::move(id);
    p.document = std::move(document);
    p.text = std::move(text);
    p.day = day;
    p.session = session;
    p.title = std::move(title);
    p.orgs = std::move(orgs);
    p.countries = std::move(countries);
    p.lang = std::move(lang);
    return p;
}

/// A small two-document report with sessions, organisations and countries, some shared.
inline std::vector<FixturePassage> meeting_passages() {
    const std::string s1 = "Challenges posed by the pandemic", s4 = "Access to international protection",
                      s5 = "Update on new resources";
    std::vector<FixturePassage> out = {
        passage("m/p1", "m", "The pandemic delayed the identification of victims of trafficking and hindered access to shelters.",
         1, 1, s1, {"OSCE"}, {}),
        passage("m/p2", "m", "Labour inspections decreased during the lockdown, and traffickers moved recruitment online.",
         1, 1, s1, {}, {"Portugal"}),
        passage("m/p3", "m", "GRETA presented its guidance note on the entitlement of victims of trafficking to international "
                      "protection and asylum. It stresses the principle of non-punishment of victims for offences they "
                      "were compelled to commit.",
         2, 4, s4, {"GRETA"}, {}),
        passage("m/p4", "m", "The OSCE guidelines on the identification of victims in mixed migration flows and asylum "
                      "procedures were presented, with practical measures for front-line professionals.",
         2, 4, s4, {"OSCE"}, {}),
        passage("m/p5", "m", "Italy presented its guidelines on identifying victims of trafficking among applicants for "
                      "international protection, developed with the UNHCR.",
         2, 4, s4, {"UNHCR"}, {"Italy"}),
        passage("m/p6", "m", "The compendium of good practices on labour exploitation was presented by GRETA and the OSCE.",
         2, 5, s5, {"GRETA", "OSCE"}, {}),
        passage("m/p7", "m", "Technology tools used by traffickers online were mapped, and financial investigations into "
                      "trafficking were discussed.",
         2, 5, s5, {"OSCE"}, {"Italy", "Portugal"}),
        passage("f/p1", "f", "La protection internationale des victimes de la traite a été discutée avec le GRETA.",
         1, 1, "Protection", {"GRETA"}, {"France"}, "fr"),
    };
    out[2].footnotes.push_back({7, "See the guidance note on the entitlement of victims of trafficking",
                                {"https://rm.coe.int/guidance"}});
    return out;
}

/// The seed corpus indexed once per test program, on disk, with the indexer library.
inline const std::filesystem::path& seed_database() {
    static TempDir dir;
    static const std::filesystem::path db = [] {
        IndexerOptions options;
        options.database = dir / "seed-db";
        index_paths({RAPPORTEUR_SEEDS}, options);
        return options.database;
    }();
    return db;
}

/// The id of the first seed passage whose text contains `needle` (ids may change; content does not).
inline std::string seed_passage_with(const std::string& needle) {
    Xapian::Database db(seed_database().string());
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        auto stored = read_stored_passage(db.get_document(*it));
        if (stored.text.find(needle) != std::string::npos) return stored.id;
    }
    return {};
}

} // namespace rapporteur::test

#endif
