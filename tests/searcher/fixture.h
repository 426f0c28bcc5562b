/** @file fixture.h
 *  @brief Searcher test fixtures: the seed indexed on disk by the indexer library, and small
 *         reports written into a database by the writer's own DocumentBuilder.
 */
#ifndef RAPPORTEUR_TESTS_SEARCHER_FIXTURE_H
#define RAPPORTEUR_TESTS_SEARCHER_FIXTURE_H

#include "support/process.h"

#include "document_builder.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/format/schema.h"
#include "rapporteur/format/stored_passage.h"
#include "rapporteur/indexer.h"
#include "rapporteur/searcher.h"

#include <xapian.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rapporteur::test {

/// One passage of a small report; the footnotes it cites become footnote passages.
struct FixturePassage {
    std::string id, document = "fixture";
    std::string text;
    int day = 0, session = 0;
    std::string title;
    std::vector<std::string> orgs, countries;
    std::string lang = "en";
    PassageKind kind = PassageKind::PARAGRAPH;
    std::vector<FootnoteInfo> footnotes;
    std::string speaker; ///< "" when none
    int page = 0;        ///< 0 when the format has no pages
};

/** The fixture passages as the reports a reader would give: one per document, in order, with
 *  its sessions, and for each cited footnote a footnote passage "<document>/fn<n>" cited by
 *  the passages that name it (the marker at the end of the citing text). */
inline std::vector<Report> fixture_reports(const std::vector<FixturePassage>& passages) {
    std::vector<Report> reports;
    std::map<std::string, std::size_t> by_document;
    for (const auto& fp : passages) {
        auto [it, fresh] = by_document.try_emplace(fp.document, reports.size());
        if (fresh) {
            reports.emplace_back();
            reports.back().slug = fp.document;
            reports.back().path = fp.document + ".txt";
            reports.back().lang = fp.lang;
            reports.back().sessions.push_back(Session{});
        }
        Report& r = reports[it->second];
        Session session{fp.day, fp.session, fp.title, false};
        auto same = [&](const Session& s) {
            return s.day == session.day && s.number == session.number && s.title == session.title;
        };
        auto s = std::find_if(r.sessions.begin(), r.sessions.end(), same);
        if (s == r.sessions.end()) s = r.sessions.insert(r.sessions.end(), session);
        Passage p;
        p.id = fp.id;
        p.kind = fp.kind;
        p.text = fp.text;
        p.session = static_cast<int>(s - r.sessions.begin());
        p.organisations = fp.orgs;
        p.countries = fp.countries;
        p.lang = fp.lang;
        p.speaker = fp.speaker;
        p.page = p.last_page = fp.page;
        for (const auto& f : fp.footnotes) {
            p.footnotes.push_back({f.n, static_cast<std::uint32_t>(p.text.size()), {}});
            auto cited = std::find_if(r.passages.begin(), r.passages.end(), [&](const Passage& q) {
                return q.kind == PassageKind::FOOTNOTE && q.footnote_number == f.n;
            });
            if (cited != r.passages.end()) {
                cited->cited_by.push_back(fp.id);
                continue;
            }
            Passage note;
            note.id = fp.document + "/fn" + std::to_string(f.n);
            note.kind = PassageKind::FOOTNOTE;
            note.text = f.text;
            note.footnote_number = f.n;
            note.urls = f.urls;
            note.session = p.session;
            note.lang = fp.lang;
            note.cited_by.push_back(fp.id);
            r.passages.push_back(std::move(note));
        }
        r.passages.push_back(std::move(p));
    }
    // Footnotes after the text passages, as the readers give them.
    for (auto& r : reports) {
        std::stable_partition(r.passages.begin(), r.passages.end(),
                              [](const Passage& p) { return p.kind != PassageKind::FOOTNOTE; });
    }
    return reports;
}

/** The passages as stored: the given ones and, for each footnote they cite, the footnote's own
 *  passage (its text, in the session of its first citing passage, without entities). */
inline std::vector<FixturePassage> stored_passages(const std::vector<FixturePassage>& passages) {
    std::vector<FixturePassage> out = passages;
    for (const auto& fp : passages) {
        for (const auto& f : fp.footnotes) {
            const std::string id = fp.document + "/fn" + std::to_string(f.n);
            if (std::any_of(out.begin(), out.end(), [&](const FixturePassage& q) { return q.id == id; })) continue;
            FixturePassage note = fp;
            note.id = id;
            note.text = f.text;
            note.kind = PassageKind::FOOTNOTE;
            note.orgs.clear();
            note.countries.clear();
            note.footnotes.clear();
            out.push_back(std::move(note));
        }
    }
    return out;
}

/// The documents the writer's DocumentBuilder makes of the passages, in database order.
inline std::vector<Xapian::Document> fixture_documents(const std::vector<FixturePassage>& passages,
                                                       const Analyzer& analyzer) {
    DocumentBuilder builder(analyzer);
    std::vector<Xapian::Document> out;
    for (auto& report : fixture_reports(passages)) {
        for (auto& p : builder.build(std::move(report)).passages) out.push_back(std::move(p.document));
    }
    return out;
}

/// Passages into a database by the writer's DocumentBuilder: in memory when `path` is empty,
/// else on disk (with the spelling dictionary the writer keeps).
inline Xapian::WritableDatabase build_database(const std::vector<FixturePassage>& passages,
                                               const std::string& path = {}) {
    Xapian::WritableDatabase db = path.empty() ? Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY)
                                               : Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OVERWRITE);
    db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
    Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    for (auto& report : fixture_reports(passages)) {
        auto prepared = builder.build(std::move(report));
        for (auto& p : prepared.passages) db.add_document(p.document);
        if (!path.empty()) {
            for (const auto& [word, count] : prepared.spellings) db.add_spelling(word, count);
        }
    }
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
        passage("m/p1", "m",
                "The pandemic delayed the identification of victims of trafficking and hindered access to shelters.", 1,
                1, s1, {"OSCE"}, {}),
        passage("m/p2", "m",
                "Labour inspections decreased during the lockdown, and traffickers moved recruitment online.", 1, 1, s1,
                {}, {"Portugal"}),
        passage("m/p3", "m",
                "GRETA presented its guidance note on the entitlement of victims of trafficking to international "
                "protection and asylum. It stresses the principle of non-punishment of victims for offences they "
                "were compelled to commit.",
                2, 4, s4, {"GRETA"}, {}),
        passage("m/p4", "m",
                "The OSCE guidelines on the identification of victims in mixed migration flows and asylum "
                "procedures were presented, with practical measures for front-line professionals.",
                2, 4, s4, {"OSCE"}, {}),
        passage("m/p5", "m",
                "Italy presented its guidelines on identifying victims of trafficking among applicants for "
                "international protection, developed with the UNHCR.",
                2, 4, s4, {"UNHCR"}, {"Italy"}),
        passage("m/p6", "m",
                "The compendium of good practices on labour exploitation was presented by GRETA and the OSCE.", 2, 5,
                s5, {"GRETA", "OSCE"}, {}),
        passage("m/p7", "m",
                "Technology tools used by traffickers online were mapped, and financial investigations into "
                "trafficking were discussed.",
                2, 5, s5, {"OSCE"}, {"Italy", "Portugal"}),
        passage("f/p1", "f", "La protection internationale des victimes de la traite a été discutée avec le GRETA.", 1,
                1, "Protection", {"GRETA"}, {"France"}, "fr"),
    };
    out[2].footnotes.push_back(
        {7, "See the guidance note on the entitlement of victims of trafficking", {"https://rm.coe.int/guidance"}});
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

/// The seed, the test reports of tests/data/indexer (de, es, fr, ru, en, ja, zh) and the
/// Chinese layout report, indexed once per test program on disk by the indexer library.
inline const std::filesystem::path& multilingual_database() {
    static TempDir dir;
    static const std::filesystem::path db = [] {
        IndexerOptions options;
        options.database = dir / "multilingual-db";
        const std::filesystem::path data = RAPPORTEUR_TEST_DATA;
        std::vector<std::filesystem::path> inputs = {RAPPORTEUR_SEEDS, data / "searcher" / "layout_zh.txt"};
        for (const auto& e : std::filesystem::directory_iterator(data / "indexer")) {
            if (e.path().filename() != "README.md") inputs.push_back(e.path());
        }
        std::sort(inputs.begin(), inputs.end());
        index_paths(inputs, options);
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
