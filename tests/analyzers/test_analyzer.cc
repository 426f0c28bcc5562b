/** @file test_analyzer.cc
 *  @brief The Analyzer: golden token tables per script and feature, edge cases, and the
 *  invariants over every passage of seeds/ and of the multilingual test documents.
 */
#include <catch2/catch.hpp>

#include "analyzers/analyzer_support.h"

#include <thread>

using rapporteur::Analyzer;
using rapporteur::AnalyzerOptions;
using rapporteur::test::describe;

TEST_CASE("Analyzer golden tokens per script and feature", "[analyzer]") {
    const Analyzer analyzer;
    struct Case {
        const char* what;
        std::string lang, text, expected;
    };
    const Case cases[] = {
        {"English stems, stop words kept unstemmed", "en", "The victims were trafficked",
         "the@0[0,3) victim@1[4,11) +=victims@1[4,11) were@2[12,16) traffick@3[17,27) +=trafficked@3[17,27)"},
        {"French accents folded, exact form beside", "fr", "la sécurité des victimes",
         "la@0[0,2) securit@1[3,13) +sécurité@1[3,13) +=securite@1[3,13) des@2[14,17) victim@3[18,26) +=victimes@3[18,26)"},
        {"French elision keeps the word's offsets", "fr", "l'exploitation", "exploit@0[0,14) +=exploitation@0[0,14)"},
        {"German", "de", "Die Arbeitsinspektionen", "die@0[0,3) arbeitsinspektion@1[4,23) +=arbeitsinspektionen@1[4,23)"},
        {"German sharp s", "de", "Straße", "strass@0[0,7) +=strasse@0[0,7)"},
        {"Spanish", "es", "las víctimas", "las@0[0,3) victim@1[4,13) +víctimas@1[4,13) +=victimas@1[4,13)"},
        {"Italian elision", "it", "dell'Europa", "europ@0[0,11) +=europa@0[0,11)"},
        {"Portuguese", "pt", "proteção das vítimas",
         "proteca@0[0,10) +proteção@0[0,10) +=protecao@0[0,10) das@1[11,14) vitim@2[15,23) +vítimas@2[15,23) +=vitimas@2[15,23)"},
        {"Russian", "ru", "торговли людьми", "торговл@0[0,16) +=торговли@0[0,16) людьм@1[17,29) +=людьми@1[17,29)"},
        {"Russian yo folded", "ru", "ещё", "еще@0[0,6) +ещё@0[0,6)"},
        {"Dutch", "nl", "slachtoffers van mensenhandel", "slachtoffer@0[0,12) +=slachtoffers@0[0,12) van@1[13,16) mensenhandel@2[17,29) +=mensenhandel@2[17,29)"},
        {"Chinese by dictionary", "zh", "网络性剥削", "网络@0[0,6) 性@1[6,9) 剥削@2[9,15)"},
        {"Japanese", "ja", "日本語のテキスト", "日本語@0[0,9) の@1[9,12) テキスト@2[12,24)"},
        {"Thai", "th", "ภาษาไทย", "ภาษา@0[0,12) ไทย@1[12,21)"},
        {"Greek final sigma and tonos", "el", "ΟΔΟΣ οδός", "οδοσ@0[0,8) οδοσ@1[9,17) +οδόσ@1[9,17)"},
        {"Turkish dotted capital I", "tr", "İstanbul", "istanbul@0[0,9) +i\xCC\x87stanbul@0[0,9)"},
        {"hyphenated compound whole first", "en", "non-punishment", "nonpunish@0[0,14) +=nonpunishment@0[0,14) +non@0[0,3) +=non@0[0,3) punish@1[4,14) +=punishment@1[4,14)"},
        {"co-ordination", "en", "co-ordination", "coordin@0[0,13) +=coordination@0[0,13) +co@0[0,2) +=co@0[0,2) ordin@1[3,13) +=ordination@1[3,13)"},
        {"document symbol", "en", "PC.DEC/557", "pc.dec/557@0[0,10) +pc@0[0,2) dec@1[3,6) 557@2[7,10)"},
        {"decision with numbers", "en", "MC.DEC/6/17", "mc.dec/6/17@0[0,11) +mc@0[0,2) dec@1[3,6) 6@2[7,8) 17@3[9,11)"},
        {"office code", "en", "(SR/CTHB)", "sr/cthb@0[1,8) +sr@0[1,3) cthb@1[4,8)"},
        {"treaty number", "en", "CETS No.197", "cets@0[0,4) no.197@1[5,11) +no@1[5,7) 197@2[8,11)"},
        {"COVID-19", "en", "COVID-19", "covid19@0[0,8) +covid@0[0,5) 19@1[6,8)"},
        {"URL by host and path", "en", "https://www.osce.org/cthb",
         "https@0[0,5) +=https@0[0,5) www.osce.org/cthb@1[8,25) +www@1[8,11) +=www@1[8,11) osc@2[12,16) +=osce@2[12,16) org@3[17,20) +=org@3[17,20) cthb@4[21,25) +=cthb@4[21,25)"},
        {"acronyms are not stemmed", "en", "the OSCE's NGOs", "the@0[0,3) osce@1[4,10) +=osce's@1[4,10) ngos@2[11,15)"},
        {"British spelling to American", "en", "labour organisations programme",
         "labor@0[0,6) +=labor@0[0,6) organ@1[7,20) +=organizations@1[7,20) program@2[21,30) +=program@2[21,30)"},
        {"emoji sequences", "en", "👩‍❤️‍👨 🇫🇷", "👩❤👨@0[0,20) 🇫🇷@1[21,29)"},
        {"combining marks", "fr", "se\xCC\x81\x63urite\xCC\x81", "securit@0[0,12) +sécurité@0[0,12) +=securite@0[0,12)"},
        {"numbers", "en", "1,000.50 and 2005", "1,000.50@0[0,8) and@1[9,12) 2005@2[13,17)"},
    };
    for (const auto& c : cases) {
        INFO(c.what << ": " << c.text);
        CHECK(describe(analyzer.analyze(c.text, c.lang)) == c.expected);
    }
}

TEST_CASE("Analyzer feature switches turn each feature off", "[analyzer]") {
    auto with = [](auto set) {
        AnalyzerOptions o;
        set(o);
        return Analyzer(o);
    };
    const auto no_stem = with([](AnalyzerOptions& o) { o.stemming = false; });
    CHECK(describe(no_stem.analyze("victims labour", "en")) == "victims@0[0,7) labor@1[8,14)");
    const auto no_accents = with([](AnalyzerOptions& o) { o.accent_folding = false; });
    CHECK(describe(no_accents.analyze("sécurité", "fr")) == "sécur@0[0,10) +=sécurité@0[0,10)");
    const auto no_compounds = with([](AnalyzerOptions& o) { o.compounds = false; });
    CHECK(describe(no_compounds.analyze("non-punishment", "en")) == "non@0[0,3) +=non@0[0,3) punish@1[4,14) +=punishment@1[4,14)");
    const auto no_variants = with([](AnalyzerOptions& o) { o.spelling_variants = false; });
    CHECK(describe(no_variants.analyze("labour", "en")) == "labour@0[0,6) +=labour@0[0,6)");
}

TEST_CASE("Analyzer edge cases", "[analyzer]") {
    const Analyzer analyzer;
    CHECK(analyzer.analyze("").empty());
    CHECK(analyzer.analyze(".").empty());
    CHECK(analyzer.analyze(" ").empty());
    CHECK(analyzer.analyze("\n\t  ...!?").empty());

    SECTION("a 10,000-letter word is one token, capped at a character boundary") {
        std::string word;
        for (int i = 0; i < 10000; ++i) word += "é";
        const auto tokens = analyzer.analyze(word, "fr");
        REQUIRE(!tokens.empty());
        CHECK(tokens[0].start == 0);
        CHECK(tokens[0].end == word.size());
        CHECK(tokens[0].text.size() <= 120);
        CHECK(tokens[0].text.find_first_not_of('e') == std::string::npos);
        for (const auto& t : tokens) CHECK(t.position == 0);
    }
    SECTION("a huge document keeps positions and offsets") {
        const std::string sentence = "Victims of trafficking need protection. ";
        std::string doc;
        for (int i = 0; i < 50000; ++i) doc += sentence;
        const auto tokens = analyzer.analyze(doc, "en");
        // Five words a sentence, four of them with their surface form beside the stem.
        const auto words = std::count_if(tokens.begin(), tokens.end(), [](const auto& t) { return !t.alternative; });
        REQUIRE(words == 5 * 50000);
        REQUIRE(tokens.size() == 9 * 50000);
        CHECK(tokens.back().position == 5 * 50000 - 1);
        CHECK(tokens.back().end == doc.size() - 2);
        CHECK(tokens[tokens.size() - 2].text == "protect");
        CHECK(tokens.back().text == "=protection");
    }
    SECTION("invalid UTF-8 is a RuntimeError naming the byte offset") {
        const std::string bad = std::string("valid ") + "\xC3\x28" + " text";
        REQUIRE_THROWS_AS(analyzer.analyze(bad), rapporteur::RuntimeError);
        REQUIRE_THROWS_WITH(analyzer.analyze(bad), Catch::Contains("byte 6"));
        REQUIRE_THROWS_WITH(analyzer.analyze_query("\xFF"), Catch::Contains("byte 0"));
        REQUIRE_THROWS_WITH(analyzer.analyze("ab\xED\xA0\x80"), Catch::Contains("byte 2")); // surrogate
        REQUIRE_THROWS_WITH(analyzer.analyze("abc\xE2\x80"), Catch::Contains("byte 3"));    // truncated
    }
    SECTION("NUL and control characters are not words") {
        CHECK(describe(analyzer.analyze(std::string("a\0b", 3), "en")) == "a@0[0,1) b@1[2,3) +=b@1[2,3)");
    }
}

TEST_CASE("Analyzer detects the language once per text, or uses the forced one", "[analyzer]") {
    const Analyzer analyzer;
    CHECK(analyzer.detect_language("Les participants ont souligné que la pandémie a retardé l'identification.") ==
          "fr");
    CHECK(analyzer.detect_language("victime") == "en");
    CHECK(analyzer.detect_language("victime", "fr") == "fr");
    // Without a language, analyze detects it: French stems, not English ones.
    CHECK(describe(analyzer.analyze("Les victimes ont été identifiées par la police")) ==
          describe(analyzer.analyze("Les victimes ont été identifiées par la police", "fr")));
    AnalyzerOptions forced;
    forced.lang = "de";
    CHECK(Analyzer(forced).detect_language("The participants discussed positive practices.") == "de");
}

TEST_CASE("Analyzer invariants hold over every passage", "[analyzer][invariants]") {
    const Analyzer analyzer;
    const auto passages = rapporteur::test::all_passages();
    REQUIRE(passages.size() > 20);
    std::size_t tokens_checked = 0;
    for (const auto& p : passages) {
        INFO(p.source);
        const std::string lang = analyzer.detect_language(p.text);
        const auto tokens = analyzer.analyze(p.text, lang);
        REQUIRE(!tokens.empty());
        CHECK(!tokens.front().alternative);
        CHECK(tokens.front().position == 0);
        std::uint32_t last_start = 0, last_position = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const auto& t = tokens[i];
            INFO("token " << i << " " << t.text);
            REQUIRE(t.start < t.end);
            REQUIRE(t.end <= p.text.size());
            CHECK(t.start >= last_start); // offsets never go backwards
            if (i > 0) {
                // Main tokens take successive positions; alternatives share the previous one.
                CHECK(t.position == (t.alternative ? last_position : last_position + 1));
            }
            last_start = t.start;
            last_position = t.position;
            // The original slice analyses back to this token, at its first position.
            const auto again = analyzer.analyze(std::string_view(p.text).substr(t.start, t.end - t.start), lang);
            bool found = false;
            for (const auto& a : again) found = found || (a.position == 0 && a.text == t.text);
            CHECK(found);
            ++tokens_checked;
        }
    }
    CHECK(tokens_checked > 3000);
}

TEST_CASE("Analyzer is safe to share between threads, synonyms added meanwhile", "[analyzer][threads]") {
    Analyzer analyzer;
    const auto passages = rapporteur::test::all_passages();
    std::vector<std::string> expected;
    for (const auto& p : passages) expected.push_back(describe(analyzer.analyze(p.text, "en")));
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round) {
                for (std::size_t i = 0; i < passages.size(); ++i) {
                    if (describe(analyzer.analyze(passages[i].text, "en")) != expected[i]) ++mismatches[t];
                    (void)analyzer.analyze_query("National Referral Mechanism victims");
                }
            }
        });
    }
    for (int k = 0; k < 200; ++k)
        analyzer.add_synonym("X" + std::to_string(k), "expansion number " + std::to_string(k));
    for (auto& th : threads) th.join();
    CHECK(mismatches == std::vector<int>(4, 0));
    const auto words = analyzer.analyze_query("X7");
    REQUIRE(words.size() == 1);
    CHECK(words[0].alternatives.size() > 1);
}
