/** @file language_detector.cc
 *  @brief LanguageDetector: the language of a text by CLD2, with a fallback when it is unsure.
 */
#include "language_detector.h"

#include "rapporteur/analyzers.h"
#include "rapporteur/utf8.h"

// The CLD2 header uses FILE without including <cstdio>: it comes first, in a block of its own.
#include <cstdio>

#include <cld2/public/compact_lang_det.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace rapporteur {

namespace {

/// Whether the text has hiragana or katakana: without them a Han text is Chinese, not Japanese.
bool has_kana(std::string_view text) {
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(text.data(), i, n, c);
        if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)) return true;
    }
    return false;
}

/// The language a script implies when it is written by (nearly) one language here; else fallback.
std::string script_language(std::string_view text, std::string_view fallback) {
    std::map<UScriptCode, std::size_t> letters;
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(text.data(), i, n, c);
        if (c < 0x80 || c < 0) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode s = uscript_getScript(c, &status);
        if (s != USCRIPT_COMMON && s != USCRIPT_INHERITED) ++letters[s];
    }
    if (letters.empty()) return std::string(fallback);
    const auto top = std::max_element(letters.begin(), letters.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    switch (top->first) {
        case USCRIPT_CYRILLIC: return "ru";
        case USCRIPT_HAN: return letters.count(USCRIPT_HIRAGANA) || letters.count(USCRIPT_KATAKANA) ? "ja" : "zh";
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA: return "ja";
        case USCRIPT_HANGUL: return "ko";
        case USCRIPT_THAI: return "th";
        case USCRIPT_GREEK: return "el";
        default: break;
    }
    return std::string(fallback);
}

} // namespace

std::string normalise_language(std::string_view lang) {
    std::string out;
    for (char c : lang) {
        if (c == '-' || c == '_') break;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    // CLD2 answers with ISO 639-1's withdrawn codes for these (ISO 639-1 changed them in
    // 1989: iw → he, ji → yi, in → id; jw was never ISO, Javanese is jv), and Norwegian is
    // one language to it ("no"), which users write as Bokmål ("nb") too.
    static constexpr std::pair<std::string_view, std::string_view> CURRENT[] = {
        {"iw", "he"}, {"ji", "yi"}, {"in", "id"}, {"jw", "jv"}, {"nb", "no"}};
    for (const auto& [old_code, code] : CURRENT) {
        if (out == old_code) return std::string(code);
    }
    return out;
}

void tune_allocator() {
#ifdef __GLIBC__
    // Setting either threshold also turns off glibc's own adjustment of both.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

bool Analyzer::is_known_language(std::string_view code) {
    const std::string lang = normalise_language(code);
    if (lang.size() < 2 || lang.size() > 3) return false;
    if (!std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    // CLD2 knows the current codes by name (he, jv) and answers with its own (iw, jw).
    const CLD2::Language found = CLD2::GetLanguageFromName(lang.c_str());
    return found != CLD2::UNKNOWN_LANGUAGE && lang == normalise_language(CLD2::LanguageCode(found));
}

std::string Analyzer::unknown_language(std::string_view code) {
    std::string stemmed;
    for (const auto& l : stemmed_languages()) stemmed += (stemmed.empty() ? "" : ", ") + l;
    return "--lang '" + std::string(code) + "' is not a language code the analyzers know: give an ISO 639-1 code, " +
           "stemmed for " + stemmed + ", or another the language identifier knows (zh, ja, ko, pl, uk, el, ...)";
}

std::string LanguageDetector::detect_certain(std::string_view text) {
    const std::size_t n = utf8::prefix(text, MAX_SAMPLE_BYTES).size();
    CLD2::Language top3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::DetectLanguageSummary(text.data(), static_cast<int>(n), true, top3, percent3, &text_bytes, &reliable);
    if (!reliable || percent3[0] < 80 || top3[0] == CLD2::UNKNOWN_LANGUAGE || top3[0] == CLD2::TG_UNKNOWN_LANGUAGE)
        return {};
    if (top3[0] == CLD2::JAPANESE && !has_kana(text.substr(0, n))) return "zh";
    return normalise_language(CLD2::LanguageCode(top3[0]));
}

std::string LanguageDetector::detect_passage(std::string_view text, std::string_view document_lang) {
    std::string sure = detect_certain(text);
    if (sure.empty() || sure == document_lang) return std::string(document_lang);
    // CLD2 calls short Latin-script lines reliable where they are not ("Trevor Norris: +1" as
    // Swedish): what it read there is names. So in the Latin script a passage is taken for
    // another language than its document's only with some common words (lower-case words of
    // two letters or more) or some length. Other scripts tell more in fewer letters.
    std::size_t letters = 0, latin = 0, lower_words = 0;
    bool in_word = false;
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(text.data(), i, n, c);
        if (c < 0 || !u_isalpha(c)) {
            in_word = false;
            continue;
        }
        ++letters;
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(c, &status) == USCRIPT_LATIN) ++latin;
        if (!in_word && u_islower(c) && i < n) {
            // A word that starts in lower case and has a second letter.
            std::int32_t j = i;
            UChar32 d;
            U8_NEXT(text.data(), j, n, d);
            if (d >= 0 && u_isalpha(d)) ++lower_words;
        }
        in_word = true;
    }
    if (2 * latin > letters && lower_words < MIN_LATIN_WORDS && letters < MIN_LATIN_LETTERS)
        return std::string(document_lang);
    return sure;
}

std::string LanguageDetector::detect(std::string_view text, std::string_view fallback) {
    // Cut at a character boundary: CLD2 expects whole UTF-8 sequences.
    const std::size_t n = utf8::prefix(text, MAX_SAMPLE_BYTES).size();
    CLD2::Language top3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::DetectLanguageSummary(text.data(), static_cast<int>(n), true, top3, percent3, &text_bytes, &reliable);
    // CLD2 answers ENGLISH with no summary when it has nothing to go on ("victime"): the
    // summary's first entry tells the unsure case. Then the script may still tell.
    if (top3[0] == CLD2::UNKNOWN_LANGUAGE || top3[0] == CLD2::TG_UNKNOWN_LANGUAGE) {
        return script_language(text.substr(0, n), fallback);
    }
    if (top3[0] == CLD2::JAPANESE && !has_kana(text.substr(0, n))) return "zh";
    return normalise_language(CLD2::LanguageCode(top3[0]));
}

} // namespace rapporteur
