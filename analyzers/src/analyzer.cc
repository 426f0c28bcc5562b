/** @file analyzer.cc
 *  @brief The Analyzer: ICU word segmentation, case folding and Snowball stemming.
 */
#include "rapporteur/analyzers.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <map>
#include <mutex>

namespace rapporteur {

struct Analyzer::Impl {
    AnalyzerOptions options;
    std::mutex synonyms_mutex;
    std::map<std::string, std::string> synonyms;
};

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::string Analyzer::detect_language(std::string_view, std::string_view fallback) const {
    if (!impl_->options.lang.empty()) return impl_->options.lang;
    return fallback.empty() ? impl_->options.fallback_lang : std::string(fallback);
}

namespace {

/// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t invalid_utf8_offset(std::string_view s) {
    std::int32_t i = 0;
    const auto n = static_cast<std::int32_t>(s.size());
    while (i < n) {
        std::int32_t at = i;
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0) return static_cast<std::size_t>(at);
    }
    return std::string_view::npos;
}

} // namespace

std::vector<Token> Analyzer::analyze(std::string_view text, std::string_view lang) const {
    std::vector<Token> out;
    if (text.empty()) return out;
    if (auto bad = invalid_utf8_offset(text); bad != std::string_view::npos) {
        throw RuntimeError("invalid UTF-8 at byte " + std::to_string(bad));
    }
    const std::string language = lang.empty() ? detect_language(text) : std::string(lang);
    Xapian::Stem stem;
    try {
        stem = Xapian::Stem(language);
    } catch (const Xapian::InvalidArgumentError&) {
        stem = Xapian::Stem("none");
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw RuntimeError("ICU word break iterator unavailable");
    bi->setText(u);
    // Map UTF-16 indices to UTF-8 byte offsets as we go.
    std::uint32_t position = 0;
    std::int32_t prev = bi->first();
    std::int32_t byte_pos = 0, u16_pos = 0;
    auto to_bytes = [&](std::int32_t target) {
        while (u16_pos < target) {
            UChar32 c = u.char32At(u16_pos);
            u16_pos += U16_LENGTH(c);
            byte_pos += U8_LENGTH(c);
        }
        return byte_pos;
    };
    for (std::int32_t next = bi->next(); next != icu::BreakIterator::DONE; prev = next, next = bi->next()) {
        if (bi->getRuleStatus() == UBRK_WORD_NONE) continue;
        std::int32_t start = to_bytes(prev);
        std::int32_t end = to_bytes(next);
        icu::UnicodeString word = u.tempSubStringBetween(prev, next);
        word.foldCase();
        std::string folded;
        word.toUTF8String(folded);
        Token t;
        t.text = stem(folded);
        if (t.text.empty()) t.text = folded;
        t.position = position++;
        t.start = static_cast<std::uint32_t>(start);
        t.end = static_cast<std::uint32_t>(end);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<QueryWord> Analyzer::analyze_query(std::string_view text, std::string_view lang) const {
    std::vector<QueryWord> words;
    for (auto& t : analyze(text, lang)) {
        if (t.alternative && !words.empty()) {
            words.back().alternatives.push_back({{t.text}, 1.0});
            continue;
        }
        QueryWord w;
        w.original = std::string(text.substr(t.start, t.end - t.start));
        w.start = t.start;
        w.end = t.end;
        w.alternatives.push_back({{t.text}, 1.0});
        words.push_back(std::move(w));
    }
    return words;
}

void Analyzer::add_synonym(std::string_view acronym, std::string_view expansion) {
    std::lock_guard lock(impl_->synonyms_mutex);
    impl_->synonyms[std::string(acronym)] = std::string(expansion);
}

} // namespace rapporteur
