/** @file accent_fold_filter.cc
 *  @brief AccentFoldFilter: strip diacritics so that "sécurité" and "securite" meet.
 */
#include "accent_fold_filter.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace rapporteur {

namespace {

/// Past this code point no script we fold has letters with accents (Latin Extended Additional
/// and Greek Extended end at U+1FFF; the rest up to here is symbols, which pass unchanged).
constexpr UChar32 TABLE_END = 0x2500;

/// The blocks of combining diacritics shared by the European scripts (not Arabic harakat or
/// Indic vowel signs, which are part of the spelling).
bool is_diacritical_mark(UChar32 c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF);
}

/// Letters whose mark is part of the letter, so that Unicode decomposition leaves them whole;
/// the spellings are those of Lucene's ASCIIFoldingFilter for the same letters.
const char* spelled_out(UChar32 c) {
    switch (c) {
        case 0x00F8: return "o";  // ø
        case 0x00E6: return "ae"; // æ
        case 0x0153: return "oe"; // œ
        case 0x0142: return "l";  // ł
        case 0x0111: return "d";  // đ
        case 0x00F0: return "d";  // ð
        case 0x00FE: return "th"; // þ
        case 0x0127: return "h";  // ħ
        case 0x0167: return "t";  // ŧ
        case 0x0131: return "i";  // ı dotless i
        case 0x0138: return "q";  // ĸ
        default: return nullptr;
    }
}

std::vector<std::string> build_table() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw RuntimeError(std::string("ICU NFD unavailable: ") + u_errorName(status));
    std::vector<std::string> table(TABLE_END);
    for (UChar32 c = 0x80; c < TABLE_END; ++c) {
        if (const char* s = spelled_out(c)) {
            table[static_cast<std::size_t>(c)] = s;
            continue;
        }
        UErrorCode sc = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &sc);
        if (script != USCRIPT_LATIN && script != USCRIPT_GREEK && script != USCRIPT_CYRILLIC &&
            !is_diacritical_mark(c)) {
            continue;
        }
        if (script == USCRIPT_CYRILLIC && (c == 0x0439 || c == 0x0419)) continue; // й stays
        icu::UnicodeString decomposed;
        nfd->normalize(icu::UnicodeString(c), decomposed, status);
        std::string folded;
        bool dropped = false;
        for (std::int32_t i = 0; i < decomposed.length();) {
            const UChar32 d = decomposed.char32At(i);
            i += U16_LENGTH(d);
            if (u_charType(d) == U_NON_SPACING_MARK) {
                dropped = true;
                continue;
            }
            utf8::append(folded, d);
        }
        if (!dropped) continue;
        // A lone combining mark folds to nothing; the filter keeps a term that would vanish.
        table[static_cast<std::size_t>(c)] = folded.empty() ? std::string(1, '\0') : folded;
    }
    return table;
}

} // namespace

AccentFoldFilter::AccentFoldFilter() {
    static const std::vector<std::string> table = build_table();
    table_ = &table;
}

bool AccentFoldFilter::apply(std::string& term) const {
    std::size_t i = 0;
    while (i < term.size() && static_cast<unsigned char>(term[i]) < 0x80) ++i;
    if (i == term.size()) return false;
    std::string out(term, 0, i);
    bool changed = false;
    const auto n = static_cast<std::int32_t>(term.size());
    auto at = static_cast<std::int32_t>(i);
    while (at < n) {
        const std::int32_t from = at;
        UChar32 c;
        U8_NEXT(term.data(), at, n, c);
        if (c >= 0x80 && c < TABLE_END) {
            const std::string& f = (*table_)[static_cast<std::size_t>(c)];
            if (!f.empty()) {
                changed = true;
                if (f[0] != '\0') out += f;
                continue;
            }
        }
        out.append(term, static_cast<std::size_t>(from), static_cast<std::size_t>(at - from));
    }
    if (!changed) return false;
    // A word made only of marks keeps its marks rather than become an empty term.
    if (out.empty()) return false;
    term.swap(out);
    return true;
}

} // namespace rapporteur
