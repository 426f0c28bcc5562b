/** @file icu_tokenizer.cc
 *  @brief IcuTokenizer: UTF-8 text → word segments with byte offsets, by ICU's word rules.
 */
#include "icu_tokenizer.h"

#include "rapporteur/analyzers.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace rapporteur {

namespace {

/// The process-wide prototype; cloning it is cheap, building it parses the rules.
const icu::BreakIterator& prototype() {
    static const std::unique_ptr<icu::BreakIterator> proto = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !bi) {
            throw RuntimeError(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
        }
        return bi;
    }();
    return *proto;
}

/// Scripts written without spaces between words, where ICU segments by dictionary.
bool is_continuous_script(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
        case USCRIPT_HAN:
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_THAI:
        case USCRIPT_LAO:
        case USCRIPT_KHMER:
        case USCRIPT_MYANMAR: return true;
        default: return false;
    }
}

/// Katakana letters, the prolonged sound mark and iteration marks, and their half-width forms;
/// not the middle dot (U+30FB), which separates katakana words.
bool is_katakana(UChar32 c) {
    return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0xFF66 && c <= 0xFF9F);
}

bool all_katakana(const std::uint8_t* bytes, std::int32_t from, std::int32_t to) {
    for (std::int32_t i = from; i < to;) {
        UChar32 c;
        U8_NEXT(bytes, i, to, c);
        if (c < 0) return false;
        if (!is_katakana(c)) return false;
    }
    return from < to;
}

} // namespace

IcuTokenizer::IcuTokenizer() : breaker_(prototype().clone()) {
    if (!breaker_) throw RuntimeError("ICU word break iterator could not be cloned");
}

IcuTokenizer::~IcuTokenizer() {
    if (utext_) utext_close(utext_);
}

void IcuTokenizer::tokenize(std::string_view text, std::vector<RawWord>& out) {
    out.clear();
    if (text.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    // A UTF-8 UText makes ICU report boundaries as byte offsets: no UTF-16 copy, no remapping.
    utext_ = utext_openUTF8(utext_, text.data(), static_cast<std::int64_t>(text.size()), &status);
    breaker_->setText(utext_, status);
    if (U_FAILURE(status)) throw RuntimeError(std::string("ICU cannot segment text: ") + u_errorName(status));
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t prev = breaker_->first();
    bool last_katakana = false; // out.back() is all katakana
    for (std::int32_t next = breaker_->next(); next != icu::BreakIterator::DONE; prev = next, next = breaker_->next()) {
        const std::int32_t status_code = breaker_->getRuleStatus();
        UChar32 c;
        std::int32_t i = prev;
        U8_NEXT(bytes, i, n, c);
        WordKind kind;
        if (status_code == UBRK_WORD_NONE) {
            // ICU gives emoji no word status; Lucene's ICUTokenizer keeps them, and so do we.
            if (!u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) &&
                !u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) {
                continue;
            }
            kind = WordKind::EMOJI;
        } else if (status_code >= UBRK_WORD_NUMBER && status_code < UBRK_WORD_NUMBER_LIMIT) {
            kind = WordKind::NUMBER;
        } else if (status_code >= UBRK_WORD_KANA && status_code < UBRK_WORD_IDEO_LIMIT) {
            kind = WordKind::CONTINUOUS;
        } else {
            kind = c >= 0x0E00 && is_continuous_script(c) ? WordKind::CONTINUOUS : WordKind::LETTER;
        }
        // A run of katakana is one word. ICU's dictionary cuts a loanword it does not know
        // differently in and out of context (ソーシャルメディア in a sentence: ソー シ ャ ル
        // メディア; alone: ソーシャル メディア), so a phrase pasted from a passage would not
        // meet the passage's terms; the whole run is the same wherever it stands.
        const bool katakana = kind == WordKind::CONTINUOUS && all_katakana(bytes, prev, next);
        if (katakana && last_katakana && out.back().end == static_cast<std::uint32_t>(prev)) {
            out.back().end = static_cast<std::uint32_t>(next);
            continue;
        }
        last_katakana = katakana;
        out.push_back({static_cast<std::uint32_t>(prev), static_cast<std::uint32_t>(next), kind});
    }
}

} // namespace rapporteur
