/** @file spelling_word.cc
 *  @brief is_spelling_word: which written words a spelling dictionary keeps.
 */
#include "rapporteur/analyzers.h"
#include "rapporteur/utf8.h"

#include <cctype>

namespace rapporteur {

namespace {

bool is_word_byte(unsigned char c) { return c >= 0x80 || std::isalpha(c); }

/// Hangul jamo and syllables, CJK radicals to ideographs (kana included), compatibility
/// ideographs, half-width katakana, and the supplementary ideographs.
bool is_input_method_script(char32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF66 && c <= 0xFF9F) || c >= 0x20000;
}

} // namespace

bool is_spelling_word(std::string_view word) {
    if (word.size() < 3 || word.size() > 32) return false;
    bool ascii = true;
    for (unsigned char c : word) {
        if (!is_word_byte(c)) return false;
        ascii = ascii && c < 0x80;
    }
    if (ascii) return true;
    std::size_t pos = 0;
    return !is_input_method_script(utf8::next(word, pos));
}

} // namespace rapporteur
