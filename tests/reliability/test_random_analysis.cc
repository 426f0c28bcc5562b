/** @file test_random_analysis.cc
 *  @brief Randomized analysis in Lucene's manner (BaseTokenStreamTestCase.checkRandomData):
 *         random text in every script the tests know, through the chain on several threads,
 *         every token checked against the Token contract.
 *
 *  Seeded: a failure prints its seed and thread, and RAPPORTEUR_RANDOM_SEED=N reruns it.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/utf8.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace rapporteur;

namespace {

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// Code-point ranges of the scripts the test documents are in, and of the troublemakers.
struct Range {
    char32_t from, to;
};
const std::vector<Range> SCRIPTS = {
    {'a', 'z'},         {'A', 'Z'},         {'0', '9'},         {0x00C0, 0x017F}, // Latin, accents
    {0x0391, 0x03C9},   {0x0410, 0x044F},   {0x05D0, 0x05EA},   {0x0620, 0x064A}, // Greek, Cyrillic, Hebrew, Arabic
    {0x0905, 0x0939},   {0x0E01, 0x0E30},   {0x1780, 0x17B3},   {0x3041, 0x3096}, // Devanagari, Thai, Khmer, Hiragana
    {0x30A1, 0x30FA},   {0x4E00, 0x9FA5},   {0xAC00, 0xD7A3},   {0x1F300, 0x1F64F}, // Katakana, Han, Hangul, emoji
};
const std::vector<Range> MARKS = {{0x0300, 0x036F}, {0x0591, 0x05BD}, {0x064B, 0x065F}, {0x0E31, 0x0E3A}};
const std::vector<char32_t> CONTROLS = {0x200D, 0x200C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                        0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x00AD, 0xFE0F, 0x1F3FB, 0xFDFA};
const std::vector<std::string> PUNCTUATION = {" ", " ", " ", "  ", "\n", "\t", ".", ",", "-", "'", "\xE2\x80\x99",
                                              "/", ":", "@", "(", ")", "\"", "\xC2\xA0", "\xE3\x80\x82", "!"};

/// Random text of about `length` code points: words of random scripts with marks, joiners,
/// bidi controls and control characters; invalid UTF-8 when `invalid` is set.
std::string random_text(std::mt19937& rng, std::size_t length, bool invalid) {
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    std::string out;
    while (utf8::length(out) < length) {
        const Range script = SCRIPTS[pick(SCRIPTS.size())];
        const std::size_t word = 1 + pick(12);
        for (std::size_t i = 0; i < word; ++i) {
            append_utf8(out, script.from + static_cast<char32_t>(pick(script.to - script.from + 1)));
            switch (pick(12)) {
                case 0: append_utf8(out, MARKS[pick(MARKS.size())].from + static_cast<char32_t>(pick(8))); break;
                case 1: append_utf8(out, CONTROLS[pick(CONTROLS.size())]); break;
                case 2: out += static_cast<char>(pick(0x20)); break; // NUL and C0 controls
                default: break;
            }
        }
        out += PUNCTUATION[pick(PUNCTUATION.size())];
    }
    if (invalid) {
        const std::size_t at = pick(out.size() + 1);
        static const std::vector<std::string> BAD = {"\xED\xA0\x80", "\xED\xBF\xBF", "\x80", "\xC0\xAF", "\xFF",
                                                     "\xF4\x90\x80\x80", "\xE2\x82"};
        out.insert(at, BAD[pick(BAD.size())]);
    }
    return out;
}

bool on_boundary(std::string_view text, std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

/// The Token contract (analyzers.h), as one message naming the first break, or "".
std::string broken_contract(const std::vector<Token>& tokens, std::string_view text) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const std::string at = "token " + std::to_string(i) + " '" + t.text + "' [" + std::to_string(t.start) + "," +
                               std::to_string(t.end) + ") pos " + std::to_string(t.position) + ": ";
        if (t.text.empty()) return at + "empty term";
        if (!(t.start < t.end && t.end <= text.size())) return at + "span outside the text";
        if (!on_boundary(text, t.start) || !on_boundary(text, t.end)) return at + "offset inside a character";
        if (utf8::invalid_offset(t.text) != std::string::npos) return at + "term is not UTF-8";
        if (i == 0) {
            if (t.position != 0 || t.alternative) return at + "first token not a main token at 0";
            continue;
        }
        const Token& before = tokens[i - 1];
        if (t.start < before.start) return at + "offsets went backwards";
        if (t.position != before.position + (t.alternative ? 0 : 1)) return at + "positions do not increase by one";
    }
    return {};
}

std::uint32_t base_seed() {
    if (const char* s = std::getenv("RAPPORTEUR_RANDOM_SEED")) return static_cast<std::uint32_t>(std::strtoul(s, nullptr, 10));
    return 20201103;
}

const char* const LANGUAGES[] = {"", "en", "fr", "de", "es", "it", "pt", "ru", "nl", "zh", "ja", "el"};

} // namespace

TEST_CASE("random text in every script keeps the token contract on several threads", "[analyzers][random]") {
    const Analyzer analyzer;
    const std::uint32_t seed = base_seed();
    constexpr int THREADS = 4, TEXTS = 500;
    std::mutex mutex;
    std::vector<std::string> failures;
    std::atomic<int> analysed{0}, refused{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 rng(seed + static_cast<std::uint32_t>(t));
            for (int i = 0; i < TEXTS; ++i) {
                const bool invalid = rng() % 8 == 0;
                const std::string text = random_text(rng, 1 + rng() % 400, invalid);
                const std::string lang = LANGUAGES[rng() % std::size(LANGUAGES)];
                std::string problem;
                try {
                    const auto tokens = analyzer.analyze(text, lang);
                    problem = broken_contract(tokens, text);
                    const auto words = analyzer.analyze_query(text, lang);
                    for (const auto& w : words) {
                        if (w.start > w.end || w.end > text.size()) problem = "query word outside the text";
                    }
                    if (invalid) problem = "invalid UTF-8 accepted";
                    ++analysed;
                } catch (const RuntimeError& e) {
                    if (!invalid) problem = std::string("valid text refused: ") + e.what();
                    ++refused;
                }
                if (!problem.empty()) {
                    std::lock_guard<std::mutex> lock(mutex);
                    failures.push_back("seed " + std::to_string(seed) + " thread " + std::to_string(t) + " text " +
                                       std::to_string(i) + " (lang '" + lang + "'): " + problem);
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    for (const auto& f : failures) UNSCOPED_INFO(f);
    CHECK(failures.empty());
    CHECK(analysed + refused == THREADS * TEXTS);
    CHECK(refused > 0); // the invalid texts were there, and refused
}

TEST_CASE("huge tokens, long URLs and text that grows under NFKC keep the token contract", "[analyzers][random]") {
    const Analyzer analyzer;
    std::string dotted; // 10 KB: "1.1.1.1...."
    while (dotted.size() < 10 * 1024) dotted += "1.";
    std::string url = "https://example.org/";
    while (url.size() < 300) url += "path-segment/";
    url += "?q=trafficking&lang=en#section-4";
    std::string fdfa; // 1 MB of U+FDFA, which NFKC case folding grows eighteen-fold
    while (fdfa.size() < 1024 * 1024) fdfa += "\xEF\xB7\xBA";
    std::string mixed;
    for (int i = 0; i < 200; ++i) mixed += "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xE2\x80\x8F" + url + " ";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"10 KB dotted token", dotted},
        {"text around a 10 KB token", "before " + dotted + " after"},
        {"300-byte URL", "See " + url + " for details."},
        {"bidi text with URLs", mixed},
        {"1 MB of U+FDFA", fdfa},
    };
    for (const auto& [name, text] : cases) {
        SECTION(name) {
            // On several threads at once, as an indexing run does.
            std::vector<std::string> problems(3);
            std::vector<std::thread> threads;
            for (std::size_t t = 0; t < problems.size(); ++t) {
                threads.emplace_back([&, t] {
                    const auto tokens = analyzer.analyze(text, t == 0 ? "" : "en");
                    problems[t] = tokens.empty() && text.find_first_not_of(" ") != std::string::npos &&
                                          name != "1 MB of U+FDFA"
                                      ? "no token at all"
                                      : broken_contract(tokens, text);
                    for (const auto& tok : tokens) {
                        if (!is_storable_term({}, tok.text) && tok.text.size() <= MAX_TERM_BYTES) {
                            problems[t] = "term '" + tok.text + "' cannot be stored";
                        }
                    }
                });
            }
            for (auto& th : threads) th.join();
            for (const auto& p : problems) CHECK(p == "");
        }
    }
}
