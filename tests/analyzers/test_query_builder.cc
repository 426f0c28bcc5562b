/** @file test_query_builder.cc
 *  @brief analyze_query's golden words, build_query and add_tokens (query_builder.cc); what a
 *  search finds through them is tests/searcher/test_query_roundtrip.cc.
 */
#include <catch2/catch.hpp>

#include "analyzers/analyzer_support.h"

using rapporteur::Analyzer;

namespace {

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
    struct Case {
        std::string lang, query, expected;
    };
    const Case cases[] = {
        {"en", "the victims", "the(stop): the ; victims: victim | victims | =victims*0.5"},
        {"en", "non-punishment", "non-punishment: nonpunish | nonpunishment | non punish | non punishment | =nonpunishment*0.5"},
        {"en", "non punishment", "non: non | =non*0.5 +2[nonpunish | nonpunishment] ; punishment: punish | punishment | =punishment*0.5"},
        {"en", "nonpunishment", "nonpunishment: nonpunish | nonpunishment | =nonpunishment*0.5 | non punish | non punishment"},
        {"en", "PC.DEC/557", "PC.DEC/557: pc.dec/557 | pc dec 557"},
        {"en", "NRM", "NRM: nrm | nation referr mechan | national referral mechanism"},
        {"en", "labour", "labour: labor | labour | =labor*0.5"},
        {"fr", "sécurité", "sécurité: securit | securite | sécurité*0.5 | =securite*0.5"},
        {"fr", "l'exploitation", "l'exploitation: exploit | exploitation | =exploitation*0.5"},
        {"zh", "性剥削", "性剥削: 性 剥削"},
        {"ru", "торговля людьми",
         "торговля: торговл | торговля | =торговля*0.5 +2[торговлялюдьм | торговлялюдьми] ; людьми: людьм | людьми | =людьми*0.5"},
    };
    for (const auto& c : cases) {
        INFO(c.lang << ": " << c.query);
        CHECK(describe_query(analyzer.analyze_query(c.query, c.lang)) == c.expected);
    }
    const auto expansion = describe_query(analyzer.analyze_query("National Referral Mechanism", "en"));
    CHECK(expansion.find("National: nation | national") == 0);
    CHECK(expansion.find("+3[nrm]") != std::string::npos);
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
    CHECK(rapporteur::build_query(words, "T").get_description() == "Query(((Tvictim SYNONYM Tvictims) OR 0.5 * T=victims))");
    CHECK(rapporteur::build_query(analyzer.analyze_query("the", "en"), "T").get_description() == "Query(Tthe)");
    // A Han query of several dictionary words is a phrase of them.
    CHECK(rapporteur::build_query(analyzer.analyze_query("性剥削")).get_description() == "Query((性 PHRASE 2 剥削))");
    // Two words that may be one compound: each word, or the joined word (the group's reading).
    CHECK(rapporteur::build_query(analyzer.analyze_query("non punishment", "en")).get_description() ==
          "Query((((non OR 0.5 * =non) OR ((punish SYNONYM punishment) OR 0.5 * =punishment)) OR (nonpunish SYNONYM nonpunishment)))");
}

TEST_CASE("add_tokens indexes at position + 1 and drops terms Xapian would refuse", "[query_builder]") {
    Xapian::Document doc;
    rapporteur::add_tokens(doc,
                           {{"ok", 0, 0, 2, false},
                            {std::string(300, 'x'), 1, 3, 303, false},
                            {std::string("a\0b", 3), 2, 304, 307, false}},
                           "T");
    REQUIRE(doc.termlist_count() == 1);
    CHECK(*doc.termlist_begin() == "Tok");
    CHECK(*doc.termlist_begin().positionlist_begin() == 1);
}
