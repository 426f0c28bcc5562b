/** @file test_query_roundtrip.cc
 *  @brief Searching as a user types finds what the writer indexed: every word of every test
 *  passage, languages, compounds, codes, spellings, acronyms and accents, through the Searcher
 *  over documents the writer's DocumentBuilder made (the path a real search takes).
 */
#include "fixture.h"

#include "analyzers/analyzer_support.h"

#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace rapporteur;

namespace {

/// Texts as passages "t/p1", "t/p2", ... of one document, their language detected as the
/// indexer detects it.
std::vector<test::FixturePassage> text_passages(const std::vector<std::string>& texts) {
    std::vector<test::FixturePassage> out;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        test::FixturePassage p;
        p.id = "t/p" + std::to_string(i + 1);
        p.document = "t";
        p.text = texts[i];
        p.lang.clear();
        out.push_back(std::move(p));
    }
    return out;
}

/// The passage numbers (1-based) a query finds, best first, with the searcher's own options.
class TextIndex {
  public:
    explicit TextIndex(const std::vector<std::string>& texts, const std::string& path = {})
        : searcher_(test::build_database(text_passages(texts), path)), size_(texts.size()) {}
    /// A database on disk, with corpus acronyms recorded as the writer records them.
    TextIndex(const std::vector<std::string>& texts, const std::string& path,
              const std::vector<std::pair<std::string, std::string>>& acronyms)
        : searcher_(with_acronyms(texts, path, acronyms)), size_(texts.size()) {}

    std::vector<std::size_t> search(const std::string& query, const std::string& lang = {}) const {
        SearchOptions o;
        o.lang = lang;
        o.limit = size_;
        o.facets = o.snippets = o.suggest = false;
        std::vector<std::size_t> out;
        for (const auto& h : searcher_.search(query, o).hits)
            out.push_back(std::stoul(h.id.substr(h.id.find("/p") + 2)));
        return out;
    }
    bool finds(const std::string& query, std::size_t n) const {
        const auto ids = search(query);
        return std::find(ids.begin(), ids.end(), n) != ids.end();
    }
    /// The first hits, as many as `expected` has, are `expected` (in any order): those passages
    /// outrank every other that shares a word with the query.
    bool ranks_first(const std::string& query, std::vector<std::size_t> expected, const std::string& lang = {}) const {
        auto ids = search(query, lang);
        if (ids.size() < expected.size()) return false;
        ids.resize(expected.size());
        std::sort(ids.begin(), ids.end());
        std::sort(expected.begin(), expected.end());
        return ids == expected;
    }
    SearchResult result(const std::string& query) const { return searcher_.search(query, SearchOptions{}); }

  private:
    static Searcher with_acronyms(const std::vector<std::string>& texts, const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& acronyms) {
        {
            auto db = test::build_database(text_passages(texts), path);
            for (const auto& [a, e] : acronyms) db.set_metadata(std::string(schema::META_SYNONYM) + a, e);
            db.commit();
        }
        return Searcher(std::filesystem::path(path));
    }
    Searcher searcher_;
    std::size_t size_;
};

} // namespace

TEST_CASE("Round trip: every word of every passage, typed as is, finds its passage", "[roundtrip]") {
    const auto passages = test::all_passages();
    std::vector<std::string> texts;
    for (const auto& p : passages) texts.push_back(p.text);
    const TextIndex index(texts);
    const Analyzer analyzer;
    std::size_t queries = 0;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const auto& text = passages[i].text;
        for (const auto& t : analyzer.analyze(text, analyzer.detect_language(text))) {
            if (t.alternative) continue;
            // What the user types: the word as it stands in the text, and in lower case.
            const std::string word = text.substr(t.start, t.end - t.start);
            INFO(passages[i].source << ": '" << word << "'");
            CHECK(index.finds(word, i + 1));
            const std::string lower = utf8::fold(word);
            if (lower != word) {
                INFO("typed as '" << lower << "'");
                CHECK(index.finds(lower, i + 1));
            }
            ++queries;
        }
    }
    CHECK(queries > 3000);
}

TEST_CASE("Each language finds its inflected forms", "[roundtrip][languages]") {
    struct Case {
        const char* lang;
        std::string query, passage;
    };
    const Case cases[] = {
        {"en", "victim", "The victims were identified."},
        {"fr", "victime", "Les victimes de la traite ont été identifiées."},
        {"de", "Arbeitsinspektion", "Die Arbeitsinspektionen wurden seltener durchgeführt."},
        {"es", "víctima", "Las víctimas de la trata de personas fueron identificadas."},
        {"it", "vittima", "Le vittime della tratta di esseri umani sono state identificate."},
        {"pt", "vítima", "As vítimas de tráfico de seres humanos foram identificadas."},
        {"ru", "торговля людьми", "Жертвы торговли людьми были выявлены."},
        {"nl", "slachtoffer", "De slachtoffers van mensenhandel werden geïdentificeerd."},
        {"zh", "性剥削", "与会者指出网络性剥削儿童的现象有所增加。"},
    };
    std::vector<std::string> texts{"Unrelated text about the weather in spring."};
    for (const auto& c : cases) texts.push_back(c.passage);
    const TextIndex index(texts);
    for (std::size_t i = 0; i < std::size(cases); ++i) {
        INFO(cases[i].lang << ": " << cases[i].query);
        // Without a language the query is stemmed in every language: "victim" also finds the
        // French and Spanish victims, never the unrelated passage.
        const auto ids = index.search(cases[i].query);
        CHECK(std::find(ids.begin(), ids.end(), i + 2) != ids.end());
        CHECK(std::find(ids.begin(), ids.end(), std::size_t{1}) == ids.end());
        // With its language given too.
        const auto given = index.search(cases[i].query, cases[i].lang);
        CHECK(std::find(given.begin(), given.end(), i + 2) != given.end());
    }
}

TEST_CASE("Compounds find each other in all three spellings, highlighted whole", "[roundtrip][compounds]") {
    const TextIndex index({"the non-punishment principle", "the nonpunishment principle",
                           "the non punishment principle", "co-ordination of efforts", "coordination of efforts",
                           "no punishment here"});
    // "non punishment", typed apart, is in the test case below.
    for (const std::string q : {"non-punishment", "nonpunishment"}) {
        INFO(q);
        CHECK(index.ranks_first(q, {1, 2, 3}));
        // The searcher's highlight of the hyphenated passage covers the whole compound.
        for (const auto& h : index.result(q).hits) {
            if (h.id != "t/p1") continue;
            REQUIRE(h.highlights.size() == 1);
            const auto [from, to] = h.highlights.front();
            const auto a = utf8::byte_of_code_point(h.text, from), b = utf8::byte_of_code_point(h.text, to);
            CHECK(h.text.substr(a, b - a) == "non-punishment");
        }
    }
    for (const std::string q : {"co-ordination", "coordination"}) {
        INFO(q);
        CHECK(index.search(q).size() == 2);
        CHECK(index.ranks_first(q, {4, 5}));
    }
}

TEST_CASE("Document symbols and codes are found whole and by parts", "[roundtrip][codes]") {
    const TextIndex index({
        "OSCE Action Plan (PC.DEC/557), Ministerial Council Decision MC.DEC/6/17",
        "the Special Representative (SR/CTHB) and the Convention (CETS No.197)",
        "the COVID-19 pandemic, see https://www.osce.org/cthb/resources",
        "a decision of 2017 on 6 topics",
    });
    struct Case {
        std::string query;
        std::size_t n;
    };
    const Case cases[] = {
        {"PC.DEC/557", 1}, {"MC.DEC/6/17", 1},  {"MC.DEC", 1},   {"557", 1},       {"SR/CTHB", 2},
        {"CTHB", 2},       {"CETS No.197", 2},  {"No.197", 2},   {"COVID-19", 3},  {"COVID19", 3},
        {"covid", 3},      {"www.osce.org", 3}, {"osce.org", 3}, {"resources", 3},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        const auto ids = index.search(c.query);
        REQUIRE(!ids.empty());
        CHECK(ids.front() == c.n);
        CHECK(std::find(ids.begin(), ids.end(), std::size_t{4}) == ids.end());
    }
}

TEST_CASE("British and American spellings find each other", "[roundtrip][variants]") {
    const TextIndex index({"labour exploitation", "labor exploitation", "organisations involved",
                           "organizations involved", "criminalise the purchase", "criminalize the purchase",
                           "the national programme", "the national program"});
    const std::pair<std::string, std::vector<std::size_t>> cases[] = {
        {"labour", {1, 2}},      {"labor", {1, 2}},       {"organisation", {3, 4}}, {"organization", {3, 4}},
        {"criminalise", {5, 6}}, {"criminalize", {5, 6}}, {"programme", {7, 8}},    {"program", {7, 8}},
    };
    for (const auto& [q, expected] : cases) {
        INFO(q);
        auto ids = index.search(q);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == expected);
    }
}

/// The passages of the acronym tests, and the corpus acronym the writer would have recorded.
const std::vector<std::string> ACRONYM_TEXTS = {
    "Each State should set up an NRM.",
    "A National Referral Mechanism was set up.",
    "Reports on TIP were discussed.",
    "Trafficking in persons was discussed.",
    "A national mechanism for documents.",
    "The Organization for Security and Cooperation in Europe met.",
    "The Organization for Security and Co-operation in Europe met.",
    "The OSCE met.",
};

TEST_CASE("Acronyms find their expansions", "[roundtrip][synonyms]") {
    test::TempDir dir;
    const TextIndex index(ACRONYM_TEXTS, (dir / "db").string(), {{"TIP", "trafficking in persons"}});
    const std::pair<std::string, std::vector<std::size_t>> cases[] = {
        {"NRM", {1, 2}},
        {"TIP", {3, 4}},
        {"OSCE", {6, 7, 8}},
    };
    for (const auto& [q, expected] : cases) {
        INFO(q);
        CHECK(index.ranks_first(q, expected));
    }
}

// A run of free words is analysed as one text (the compiler's prepare_run), so readings that
// span typed words reach the query: two words typed apart meet the closed compound, and an
// expansion typed in full meets its acronym.
TEST_CASE("Readings across typed words: compounds typed apart, expansions typed in full", "[roundtrip]") {
    test::TempDir dir;
    const TextIndex compounds({"the non-punishment principle", "the nonpunishment principle",
                               "the non punishment principle", "no punishment here"});
    CHECK(compounds.ranks_first("non punishment", {1, 2, 3}));
    const TextIndex index(ACRONYM_TEXTS, (dir / "db").string(), {{"TIP", "trafficking in persons"}});
    const std::pair<std::string, std::vector<std::size_t>> cases[] = {
        {"National Referral Mechanism", {1, 2}},
        {"national referral mechanisms", {1, 2}},
        {"trafficking in persons", {3, 4}},
        {"Organization for Security and Co-operation in Europe", {6, 7, 8}},
        {"Organisation for Security and Cooperation in Europe", {6, 7, 8}},
    };
    for (const auto& [q, expected] : cases) {
        INFO(q);
        CHECK(index.ranks_first(q, expected));
    }
}

TEST_CASE("Accents: folded queries find accented text, exact forms rank first", "[roundtrip][accents]") {
    const TextIndex index({"la securite des donnees", "la sécurité des données"});
    auto ids = index.search("securite", "fr");
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::size_t>{1, 2});
    CHECK(index.search("sécurité", "fr") == std::vector<std::size_t>{2, 1});
}
