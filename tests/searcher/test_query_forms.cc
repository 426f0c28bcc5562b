/** @file test_query_forms.cc
 *  @brief Which forms of a query's words meet which passages, through the Searcher over what
 *  the writer's DocumentBuilder indexes: the form typed ranks above the stem's other words
 *  (British or American), a word of uncertain language is analysed in every language, a long
 *  query of a certain language in its own, and restarted footnote numbering keeps each
 *  passage's own footnote.
 */
#include "fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace rapporteur;

namespace {

SearchOptions quick() {
    SearchOptions o;
    o.limit = 20;
    o.facets = o.snippets = o.suggest = false;
    return o;
}

std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
}

test::FixturePassage text(std::string id, std::string t, std::string lang = "en") {
    return test::passage(std::move(id), "t", std::move(t), 1, 1, "", {}, {}, std::move(lang));
}

} // namespace

TEST_CASE("The form typed ranks above words that only share its stem", "[forms][exact]") {
    // "organs" and "organisation" share the stem "organ" (the British spelling is mapped to
    // "organization", which Porter2 stems to "organ"); the short passages would win on length.
    const Searcher s(test::build_database({
        text("t/p1", "Organisations met."),
        text("t/p2", "The trafficking of human organs was discussed by the panel of experts at length today."),
        text("t/p3", "The organisation of the meeting."),
        text("t/p4", "Other organizations were present at the long meeting of the panel of experts."),
    }));
    auto organs = ids(s.search("organs", quick()));
    REQUIRE(organs.size() == 4);
    CHECK(organs.front() == "t/p2");
    // British and American spellings are one form: "organisations" ranks both plurals first.
    auto plural = ids(s.search("organisations", quick()));
    REQUIRE(plural.size() == 4);
    std::sort(plural.begin(), plural.begin() + 2);
    CHECK(std::vector<std::string>(plural.begin(), plural.begin() + 2) == std::vector<std::string>{"t/p1", "t/p4"});
    // A word that is its own stem: the passage holding it ranks above one holding "focused".
    const Searcher f(test::build_database({
        text("f/p1", "They focused on it."),
        text("f/p2", "The focus of the long discussion among the many participants was on shelters."),
    }));
    CHECK(ids(f.search("focus", quick())) == std::vector<std::string>{"f/p2", "f/p1"});
    CHECK(ids(f.search("focused", quick())) == std::vector<std::string>{"f/p1", "f/p2"});
}

TEST_CASE("A word of uncertain language is searched in every language", "[forms][languages]") {
    const Searcher s(test::build_database({
        text("t/p1", "La protección de las víctimas de la trata es una prioridad.", "es"),
        text("t/p2", "Les victimes de la traite ont été identifiées par les inspecteurs.", "fr"),
        text("t/p3", "Der Menschenhandel wurde in der Sitzung besprochen.", "de"),
        text("t/p4", "The protection of victims was discussed.", "en"),
        text("t/p5", "Die Bekämpfung von Menschenhandel und Ausbeutung.", "de"),
    }));
    // Typed without its accent, as most people type: the Spanish passage.
    auto proteccion = ids(s.search("proteccion", quick()));
    CHECK(std::find(proteccion.begin(), proteccion.end(), "t/p1") != proteccion.end());
    // A French singular finds the French plural.
    auto victime = ids(s.search("victime", quick()));
    CHECK(std::find(victime.begin(), victime.end(), "t/p2") != victime.end());
    // A German compound: the German passages that hold it, first.
    auto menschenhandel = ids(s.search("Menschenhandel", quick()));
    REQUIRE(menschenhandel.size() >= 2);
    std::sort(menschenhandel.begin(), menschenhandel.begin() + 2);
    CHECK(std::vector<std::string>(menschenhandel.begin(), menschenhandel.begin() + 2) ==
          std::vector<std::string>{"t/p3", "t/p5"});
    // --lang forces one language (its chain and the neutral one): French finds the French plural.
    SearchOptions fr = quick();
    fr.lang = "fr";
    const auto forced = s.search("victime", fr);
    CHECK(forced.lang == "fr");
    const auto forced_ids = ids(forced);
    CHECK(std::find(forced_ids.begin(), forced_ids.end(), "t/p2") != forced_ids.end());
}

TEST_CASE("A long query of a certain language keeps its language", "[forms][languages]") {
    const Analyzer analyzer;
    // One chain and the neutral one: two forms at most for each word.
    const auto long_query =
        analyzer.analyze_query("the protection of victims of trafficking in human beings during the pandemic "
                               "was discussed by the participants of the meeting");
    for (const auto& w : long_query) {
        std::size_t forms = 0;
        for (const auto& a : w.alternatives) forms += a.weight == 1.0 && a.terms.size() == 1;
        INFO(w.original);
        CHECK(forms <= 2);
    }
    // A language given keeps its chain and the neutral one, however short the query.
    for (const auto& w : analyzer.analyze_query("victimes", "fr")) {
        std::size_t given = 0;
        for (const auto& a : w.alternatives) given += a.weight == 1.0 && a.terms.size() == 1;
        CHECK(given <= 2);
    }
    // A single word is analysed in every language: "victime" by the French stemmer too.
    const auto word = analyzer.analyze_query("victimes");
    REQUIRE(word.size() == 1);
    std::size_t forms = 0;
    for (const auto& a : word.front().alternatives) forms += a.weight == 1.0;
    CHECK(forms >= 2);
}

TEST_CASE("Restarted footnote numbering: each passage cites its own footnote", "[forms][footnotes]") {
    // Two footnotes numbered 1 (numbering restarts in the second part), each cited by one
    // passage; the reader resolved each marker to its footnote's id.
    Report r;
    r.slug = "r";
    r.path = "r.txt";
    r.lang = "en";
    r.sessions.push_back(Session{});
    auto paragraph = [&](std::string id, std::string t, std::string cites) {
        Passage p;
        p.id = std::move(id);
        p.kind = PassageKind::PARAGRAPH;
        p.text = std::move(t);
        p.lang = "en";
        p.footnotes.push_back({1, static_cast<std::uint32_t>(p.text.size()), std::move(cites)});
        return p;
    };
    auto footnote = [&](std::string id, std::string t, std::string cited_by) {
        Passage p;
        p.id = std::move(id);
        p.kind = PassageKind::FOOTNOTE;
        p.text = std::move(t);
        p.lang = "en";
        p.footnote_number = 1;
        p.cited_by.push_back(std::move(cited_by));
        return p;
    };
    r.passages.push_back(paragraph("r/p1", "The first part discussed shelters.", "r/fn1"));
    r.passages.push_back(paragraph("r/p2", "The second part discussed inspections.", "r/fn1-2"));
    r.passages.push_back(footnote("r/fn1", "See the guidance on shelters.", "r/p1"));
    r.passages.push_back(footnote("r/fn1-2", "See the handbook on labour inspections.", "r/p2"));

    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    db.set_metadata(std::string(schema::META_VERSION), std::string(schema::VERSION));
    const Analyzer analyzer;
    DocumentBuilder builder(analyzer);
    for (auto& p : builder.build(std::move(r)).passages) db.add_document(p.document);
    db.commit();
    const Searcher s(db);

    SearchOptions o = quick();
    o.snippets = true;
    // "handbook" is in the second footnote only: its citing passage and itself, not r/p1.
    auto handbook = s.search("handbook", o);
    auto found = ids(handbook);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"r/fn1-2", "r/p2"});
    for (const auto& h : handbook.hits) {
        if (h.id != "r/p2") continue;
        REQUIRE(h.footnotes.size() == 1);
        CHECK(h.footnotes.front().text == "See the handbook on labour inspections.");
    }
    auto guidance = ids(s.search("guidance", o));
    std::sort(guidance.begin(), guidance.end());
    CHECK(guidance == std::vector<std::string>{"r/fn1", "r/p1"});
}
