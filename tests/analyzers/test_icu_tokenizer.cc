/** @file test_icu_tokenizer.cc
 *  @brief IcuTokenizer: one golden segmentation per script, emoji, and the degenerate inputs.
 */
#include <catch2/catch.hpp>

#include "icu_tokenizer.h"

#include <string>

namespace {

/// Segments as "slice/kind" (L letter, N number, C continuous script, E emoji), '|'-separated.
std::string segments(const std::string& text) {
    rapporteur::IcuTokenizer tok;
    std::vector<rapporteur::RawWord> words;
    tok.tokenize(text, words);
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += '|';
        out += text.substr(w.start, w.end - w.start) + "/" + "LNCE"[static_cast<int>(w.kind)];
    }
    return out;
}

} // namespace

TEST_CASE("IcuTokenizer segments each script by its rules", "[icu_tokenizer]") {
    struct Case {
        const char* script;
        std::string text, expected;
    };
    const Case cases[] = {
        {"Latin", "Co-ordinators met in 2020.", "Co/L|ordinators/L|met/L|in/L|2020/N"},
        {"Latin codes", "PC.DEC/557 CETS No.197", "PC.DEC/L|557/N|CETS/L|No/L|197/N"},
        {"Cyrillic", "торговля людьми", "торговля/L|людьми/L"},
        {"Greek", "Ο Εθνικός Εισηγητής", "Ο/L|Εθνικός/L|Εισηγητής/L"},
        {"Han by dictionary", "与会者指出网络性剥削", "与/C|会/C|者/C|指出/C|网络/C|性/C|剥削/C"},
        {"Japanese", "日本語のテキスト", "日本語/C|の/C|テキスト/C"},
        {"Thai by dictionary", "ภาษาไทย", "ภาษา/C|ไทย/C"},
        {"Arabic", "الاتجار بالبشر", "الاتجار/L|بالبشر/L"},
        {"emoji sequences", "a 👩‍❤️‍👨 🇫🇷 b", "a/L|👩‍❤️‍👨/E|🇫🇷/E|b/L"},
        {"combining marks stay in the word", "Cafe\xCC\x81 x", "Cafe\xCC\x81/L|x/L"},
        {"empty", "", ""},
        {"full stop", ".", ""},
        {"space", " ", ""},
    };
    for (const auto& c : cases) {
        INFO(c.script);
        CHECK(segments(c.text) == c.expected);
    }
}

TEST_CASE("IcuTokenizer offsets are byte offsets of the original text", "[icu_tokenizer]") {
    rapporteur::IcuTokenizer tok;
    std::vector<rapporteur::RawWord> words;
    const std::string text = "é 性剥削 x";
    tok.tokenize(text, words);
    REQUIRE(words.size() == 4);
    CHECK(words[0].start == 0);
    CHECK(words[0].end == 2);
    CHECK(words[1].start == 3);
    CHECK(words[1].end == 6);
    CHECK(words[2].start == 6);
    CHECK(words[2].end == 12);
    CHECK(words[3].start == 13);
}

TEST_CASE("IcuTokenizer handles a huge document and a huge word", "[icu_tokenizer]") {
    rapporteur::IcuTokenizer tok;
    std::vector<rapporteur::RawWord> words;
    std::string huge;
    for (int i = 0; i < 200000; ++i) huge += "word ";
    tok.tokenize(huge, words);
    CHECK(words.size() == 200000);
    CHECK(words.back().end == huge.size() - 1);
    const std::string letters(10000, 'a');
    tok.tokenize(letters, words);
    REQUIRE(words.size() == 1);
    CHECK(words[0].end == 10000);
}
