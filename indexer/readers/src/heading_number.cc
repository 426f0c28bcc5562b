/** @file heading_number.cc
 *  @brief Heading numbers: Unicode decimal digits, Han numerals through ICU's rule-based number
 *         format (spell-out rules parsed, not a table of our own), Roman numerals up to XX.
 */
#include "heading_number.h"

#include "rapporteur/utf8.h"

#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <map>
#include <memory>
#include <string>

namespace rapporteur {

namespace {

constexpr int MAX_HEADING_NUMBER = 999;
constexpr std::size_t MAX_DIGITS = 3;

/// A Han character with a numeric value ("一", "十", "百", "〇"): part of a Han numeral.
bool is_han_numeral(char32_t c) {
    if (u_getNumericValue(static_cast<UChar32>(c)) == U_NO_NUMERIC_VALUE) return false;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    return U_SUCCESS(status) && (script == USCRIPT_HAN || c == U'\u3007');
}

/** ICU's spell-out rules for `lang` ("zh", "ja"), one formatter per thread and language: ICU
 *  formatters are not to be shared between threads, and the indexer reads files in parallel.
 *  nullptr when ICU has none. */
const icu::RuleBasedNumberFormat* spellout(std::string_view lang) {
    thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>, std::less<>> formats;
    auto it = formats.find(lang);
    if (it == formats.end()) {
        UErrorCode status = U_ZERO_ERROR;
        auto format = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                                    icu::Locale(std::string(lang).c_str()), status);
        if (U_FAILURE(status)) format.reset();
        it = formats.emplace(std::string(lang), std::move(format)).first;
    }
    return it->second.get();
}

/// The value of a run of Han numerals, all of it read by ICU, or 0.
int han_value(std::string_view run, std::string_view lang) {
    // Japanese and Chinese write small numbers alike; a language without Han numerals of its own
    // ("en" in a mixed heading) is read with the Chinese rules.
    const icu::RuleBasedNumberFormat* format = spellout(lang == "ja" ? "ja" : "zh");
    if (!format) return 0;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
    icu::Formattable result;
    icu::ParsePosition at(0);
    format->parse(text, result, at);
    if (at.getErrorIndex() >= 0 || at.getIndex() != text.length()) return 0;
    UErrorCode status = U_ZERO_ERROR;
    const int32_t value = result.getLong(status);
    return U_SUCCESS(status) && value > 0 && value <= MAX_HEADING_NUMBER ? value : 0;
}

int read_roman(std::string_view s, std::size_t& pos) {
    static const char* const ROMAN[] = {"XX", "XIX", "XVIII", "XVII", "XVI", "XV", "XIV", "XIII", "XII", "XI",
                                        "X",  "IX",  "VIII",  "VII",  "VI",  "V",  "IV",  "III",  "II",  "I"};
    static const int VALUES[] = {20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    for (std::size_t i = 0; i < std::size(ROMAN); ++i) {
        const std::string_view r = ROMAN[i];
        if (s.substr(pos, r.size()) != r) continue;
        const std::size_t end = pos + r.size();
        if (end < s.size()) {
            std::size_t q = end;
            if (utf8::is_word_char(utf8::next(s, q))) continue;
        }
        pos = end;
        return VALUES[i];
    }
    return 0;
}

} // namespace

int read_heading_number(std::string_view s, std::size_t& pos, bool roman, std::string_view lang) {
    if (pos >= s.size()) return 0;
    // Decimal digits of any script: ASCII, full-width, Arabic-Indic ...
    std::size_t p = pos, digits = 0;
    int value = 0;
    while (p < s.size()) {
        std::size_t q = p;
        const int d = u_charDigitValue(static_cast<UChar32>(utf8::next(s, q)));
        if (d < 0) break;
        if (++digits > MAX_DIGITS) return 0;
        value = value * 10 + d;
        p = q;
    }
    if (digits > 0) {
        if (value == 0) return 0;
        pos = p;
        return value;
    }
    // Han numerals: the whole run, so that "十二" is 12 and never 10.
    p = pos;
    while (p < s.size()) {
        std::size_t q = p;
        if (!is_han_numeral(utf8::next(s, q))) break;
        p = q;
    }
    if (p > pos) {
        const int han = han_value(s.substr(pos, p - pos), lang);
        if (han > 0) pos = p;
        return han;
    }
    return roman ? read_roman(s, pos) : 0;
}

} // namespace rapporteur
