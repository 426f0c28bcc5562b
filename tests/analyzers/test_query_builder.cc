/** @file test_query_builder.cc
 *  @brief add_tokens and build_query: searching as a user types finds what the chain indexed
 *  (round trip over every word of every passage, languages, compounds, codes, synonyms).
 */
#include <catch2/catch.hpp>

#include "analyzers/analyzer_support.h"

#include "accent_fold_filter.h"

using rapporteur::Analyzer;
using rapporteur::test::MemoryIndex;

namespace {

const Xapian::Query::op AND = Xapian::Query::OP_AND;

/// Query words as "typed(stop): alt | alt*weight +N[group alts]", words separated by " ; ".
std::string describe_query(const std::vector<rapporteur::QueryWord>& words) {
    auto alternatives = [](const std::vector<rapporteur::QueryAlternative>& as) {
        std::string o;
        for (const auto& a : as) {
            if (!o.empty()) o += " | ";
            for (std::size_t i = 0; i < a.terms.size(); ++i) o += (i ? " " : "") + a.terms[i];
            if (a.weight != 1.0) o += "*" + std::to_string(a.weight).substr(0, 3);
        }
        return o;
    };
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += " ; ";
        out += w.original + (w.stopword ? "(stop)" : "") + ": " + alternatives(w.alternatives);
        for (const auto& g : w.groups) out += " +" + std::to_string(g.words) + "[" + alternatives(g.alternatives) + "]";
    }
    return out;
}

} // namespace

TEST_CASE("analyze_query golden words per feature", "[query_builder]") {
    const Analyzer analyzer;
    struct Case { std::string lang, query, expected; };
    const Case cases[] = {
        {"en", "the victims", "the(stop): the ; victims: victim | victims"},
        {"en", "non-punishment", "non-punishment: nonpunish | nonpunishment | non punish | non punishment"},
        {"en", "non punishment", "non: non +2[nonpunish | nonpunishment] ; punishment: punish | punishment"},
        {"en", "nonpunishment", "nonpunishment: nonpunish | nonpunishment | non punish | non punishment"},
        {"en", "PC.DEC/557", "PC.DEC/557: pc.dec/557 | pc dec 557"},
        {"en", "NRM", "NRM: nrm | nation referr mechan | national referral mechanism"},
        {"en", "labour", "labour: labor | labour"},
        {"fr", "sécurité", "sécurité: securit | securite | sécurité*0.5"},
        {"fr", "l'exploitation", "l'exploitation: exploit | exploitation"},
        {"zh", "性剥削", "性剥削: 性 剥削"},
        {"ru", "торговля людьми",
         "торговля: торговл | торговля +2[торговлялюдьм | торговлялюдьми] ; людьми: людьм | людьми"},
    };
    for (const auto& c : cases) {
        INFO(c.lang << ": " << c.query);
        CHECK(describe_query(analyzer.analyze_query(c.query, c.lang)) == c.expected);
    }
    const auto expansion = describe_query(analyzer.analyze_query("National Referral Mechanism", "en"));
    CHECK(expansion.find("National: nation | national") == 0);
    CHECK(expansion.find("+3[nrm]") != std::string::npos);
}

TEST_CASE("Round trip: every word of every passage, typed as is, finds its passage", "[query_builder][roundtrip]") {
    const Analyzer analyzer;
    const auto passages = rapporteur::test::all_passages();
    std::vector<std::string> texts;
    for (const auto& p : passages) texts.push_back(p.text);
    const MemoryIndex index(analyzer, texts);
    const rapporteur::AccentFoldFilter fold;
    std::size_t queries = 0;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const auto& text = passages[i].text;
        for (const auto& t : analyzer.analyze(text, analyzer.detect_language(text))) {
            if (t.alternative) continue;
            // What the user types: the word as it stands in the text, and in lower case.
            const std::string word = text.substr(t.start, t.end - t.start);
            INFO(passages[i].source << ": '" << word << "'");
            CHECK(index.finds(word, static_cast<Xapian::docid>(i + 1)));
            // Typed in lower case and without accents, as users often do.
            std::string lazy = word;
            for (auto& c : lazy) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            fold.apply(lazy);
            if (lazy != word) {
                INFO("typed as '" << lazy << "'");
                CHECK(index.finds(lazy, static_cast<Xapian::docid>(i + 1)));
            }
            ++queries;
        }
    }
    CHECK(queries > 3000);
}

TEST_CASE("Each language finds its inflected forms", "[query_builder][languages]") {
    const Analyzer analyzer;
    struct Case { const char* lang; std::string query, passage; };
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
    const MemoryIndex index(analyzer, texts);
    for (std::size_t i = 0; i < std::size(cases); ++i) {
        INFO(cases[i].lang << ": " << cases[i].query);
        // Without a language the query is stemmed in every language: "victim" also finds the
        // French and Spanish victims, never the unrelated passage.
        const auto ids = index.search(cases[i].query, AND);
        CHECK(std::find(ids.begin(), ids.end(), static_cast<Xapian::docid>(i + 2)) != ids.end());
        CHECK(std::find(ids.begin(), ids.end(), Xapian::docid{1}) == ids.end());
        // With its language given too.
        const auto given = index.search(cases[i].query, AND, cases[i].lang);
        CHECK(std::find(given.begin(), given.end(), static_cast<Xapian::docid>(i + 2)) != given.end());
    }
}

TEST_CASE("Compounds find each other in all three spellings", "[query_builder][compounds]") {
    const Analyzer analyzer;
    const MemoryIndex index(analyzer, {"the non-punishment principle", "the nonpunishment principle",
                                       "the non punishment principle", "co-ordination of efforts",
                                       "coordination of efforts", "no punishment here"});
    for (const std::string q : {"non-punishment", "nonpunishment", "non punishment"}) {
        INFO(q);
        auto ids = index.search(q, AND);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == std::vector<Xapian::docid>{1, 2, 3});
    }
    for (const std::string q : {"co-ordination", "coordination"}) {
        INFO(q);
        auto ids = index.search(q, AND);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == std::vector<Xapian::docid>{4, 5});
    }
}

TEST_CASE("Highlights of a compound cover the whole compound", "[query_builder][compounds]") {
    const Analyzer analyzer;
    const std::string text = "the non-punishment principle";
    const auto tokens = analyzer.analyze(text, "en");
    // The searcher highlights the main token at each matching position.
    for (const std::string q : {"nonpunishment", "non-punishment", "non punishment"}) {
        const auto terms = rapporteur::query_terms(analyzer.analyze_query(q));
        std::size_t from = text.size(), to = 0;
        for (const auto& t : tokens) {
            if (!std::binary_search(terms.begin(), terms.end(), t.text)) continue;
            for (const auto& m : tokens) {
                if (m.position == t.position && !m.alternative) {
                    from = std::min<std::size_t>(from, m.start);
                    to = std::max<std::size_t>(to, m.end);
                }
            }
        }
        INFO(q);
        CHECK(text.substr(from, to - from) == "non-punishment");
    }
}

TEST_CASE("Document symbols and codes are found whole and by parts", "[query_builder][codes]") {
    const Analyzer analyzer;
    const MemoryIndex index(analyzer, {
        "OSCE Action Plan (PC.DEC/557), Ministerial Council Decision MC.DEC/6/17",
        "the Special Representative (SR/CTHB) and the Convention (CETS No.197)",
        "the COVID-19 pandemic, see https://www.osce.org/cthb/resources",
        "a decision of 2017 on 6 topics",
    });
    struct Case { std::string query; Xapian::docid id; };
    const Case cases[] = {
        {"PC.DEC/557", 1}, {"MC.DEC/6/17", 1}, {"MC.DEC", 1}, {"557", 1}, {"SR/CTHB", 2}, {"CTHB", 2},
        {"CETS No.197", 2}, {"No.197", 2}, {"COVID-19", 3}, {"COVID19", 3}, {"covid", 3},
        {"www.osce.org", 3}, {"osce.org", 3}, {"resources", 3},
    };
    for (const auto& c : cases) {
        INFO(c.query);
        const auto ids = index.search(c.query, AND);
        CHECK(std::find(ids.begin(), ids.end(), c.id) != ids.end());
        CHECK(std::find(ids.begin(), ids.end(), Xapian::docid{4}) == ids.end());
    }
}

TEST_CASE("British and American spellings find each other", "[query_builder][variants]") {
    const Analyzer analyzer;
    const MemoryIndex index(analyzer, {"labour exploitation", "labor exploitation", "organisations involved",
                                       "organizations involved", "criminalise the purchase", "criminalize the purchase",
                                       "the national programme", "the national program"});
    const std::pair<std::string, std::vector<Xapian::docid>> cases[] = {
        {"labour", {1, 2}}, {"labor", {1, 2}}, {"organisation", {3, 4}}, {"organization", {3, 4}},
        {"criminalise", {5, 6}}, {"criminalize", {5, 6}}, {"programme", {7, 8}}, {"program", {7, 8}},
    };
    for (const auto& [q, expected] : cases) {
        INFO(q);
        auto ids = index.search(q, AND);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == expected);
    }
}

TEST_CASE("Acronyms and expansions find each other", "[query_builder][synonyms]") {
    Analyzer analyzer;
    analyzer.add_synonym("TIP", "trafficking in persons");
    const MemoryIndex index(analyzer, {
        "Each State should set up an NRM.",
        "A National Referral Mechanism was set up.",
        "Reports on TIP were discussed.",
        "Trafficking in persons was discussed.",
        "A national mechanism for documents.",
        "The Organization for Security and Cooperation in Europe met.",
        "The Organization for Security and Co-operation in Europe met.",
        "The OSCE met.",
    });
    const std::pair<std::string, std::vector<Xapian::docid>> cases[] = {
        {"NRM", {1, 2}}, {"National Referral Mechanism", {1, 2}}, {"national referral mechanisms", {1, 2}},
        {"TIP", {3, 4}}, {"trafficking in persons", {3, 4}}, {"OSCE", {6, 7, 8}},
        {"Organization for Security and Co-operation in Europe", {6, 7, 8}},
        {"Organisation for Security and Cooperation in Europe", {6, 7, 8}},
    };
    for (const auto& [q, expected] : cases) {
        INFO(q);
        auto ids = index.search(q, AND);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == expected);
    }
}

TEST_CASE("Accents: folded queries find accented text, exact forms rank first", "[query_builder][accents]") {
    const Analyzer analyzer;
    const MemoryIndex index(analyzer, {"la securite des donnees", "la sécurité des données"});
    auto ids = index.search("securite", AND, "fr");
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<Xapian::docid>{1, 2});
    CHECK(index.search("sécurité", AND, "fr") == std::vector<Xapian::docid>{2, 1});
}

TEST_CASE("build_query: stop words, groups and empty queries", "[query_builder]") {
    const Analyzer analyzer;
    CHECK(rapporteur::build_query({}).empty());
    CHECK(rapporteur::build_query(analyzer.analyze_query("")).empty());
    CHECK(rapporteur::build_query(analyzer.analyze_query("...")).empty());
    const auto words = analyzer.analyze_query("the victims", "en");
    REQUIRE(words.size() == 2);
    CHECK(words[0].stopword);
    CHECK(!words[1].stopword);
    CHECK(rapporteur::build_query(words, "T").get_description() == "Query((Tvictim SYNONYM Tvictims))");
    CHECK(rapporteur::build_query(analyzer.analyze_query("the", "en"), "T").get_description() == "Query(Tthe)");
    // A Han query of several dictionary words is a phrase of them.
    CHECK(rapporteur::build_query(analyzer.analyze_query("性剥削")).get_description() == "Query((性 PHRASE 2 剥削))");
    const auto terms = rapporteur::query_terms(analyzer.analyze_query("non punishment", "en"));
    CHECK(std::binary_search(terms.begin(), terms.end(), "nonpunish"));
}

TEST_CASE("add_tokens indexes at position + 1 and drops terms Xapian would refuse", "[query_builder]") {
    Xapian::Document doc;
    rapporteur::add_tokens(doc, {{"ok", 0, 0, 2, false}, {std::string(300, 'x'), 1, 3, 303, false},
                                 {std::string("a\0b", 3), 2, 304, 307, false}},
                           "T");
    REQUIRE(doc.termlist_count() == 1);
    CHECK(*doc.termlist_begin() == "Tok");
    CHECK(*doc.termlist_begin().positionlist_begin() == 1);
}
