/** @file fuzz_analyzer.cc
 *  @brief libFuzzer target: the analysis chain in every language, indexing and query side.
 *
 *  The first byte picks the language (each stemmed language, Chinese, Japanese, Greek, or
 *  detection), the rest is the text. Invalid UTF-8 may be refused with RuntimeError; for any
 *  other text the tokens must keep the Token contract (analyzers.h): non-empty spans inside the
 *  text, on character boundaries, starts never going back; a main token one position after the
 *  one before it (the first at 0), an alternative at its main token's position; every term
 *  storable once add_tokens has dropped the rest.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/utf8.h"

#include <xapian.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "token contract broken: %s\n", what);
        std::abort();
    }
}

bool on_boundary(std::string_view text, std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rapporteur;
    static const Analyzer analyzer;
    static const char* const LANGUAGES[] = {"", "en", "fr", "de", "es", "it", "pt", "ru", "nl", "zh", "ja", "el"};
    if (size == 0) return 0;
    const std::string lang = LANGUAGES[data[0] % (sizeof LANGUAGES / sizeof *LANGUAGES)];
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        const std::vector<Token> tokens = analyzer.analyze(text, lang);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& t = tokens[i];
            require(t.start < t.end && t.end <= text.size(), "a token outside the text, or empty");
            require(on_boundary(text, t.start) && on_boundary(text, t.end), "offset inside a character");
            require(!t.text.empty(), "an empty term");
            if (i == 0) {
                require(t.position == 0 && !t.alternative, "the first token is not a main token at 0");
                continue;
            }
            const Token& before = tokens[i - 1];
            require(t.position == before.position + (t.alternative ? 0 : 1), "positions do not step by one");
            require(t.start >= before.start, "offsets went back");
        }
        Xapian::Document doc;
        add_tokens(doc, tokens);
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            require(is_storable_term({}, *it), "add_tokens let an unstorable term through");
        }
        const std::vector<QueryWord> words = analyzer.analyze_query(text, lang);
        for (const auto& w : words) {
            require(w.start <= w.end && w.end <= text.size(), "query word offsets outside the text");
            require(!w.alternatives.empty(), "a query word without a reading");
        }
        (void)build_query(words);
    } catch (const RuntimeError&) {
        require(utf8::invalid_offset(text) != std::string_view::npos, "valid UTF-8 refused");
    }
    return 0;
}
