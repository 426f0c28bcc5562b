/** @file utf8_util.h
 *  @brief Small UTF-8 helpers for the document model: decoding, character classes, case folding.
 *
 *  Every function here expects valid UTF-8 (text_normalizer.cc has checked it); on a broken
 *  sequence decoding yields U+FFFD and moves one byte, so nothing loops or reads past the end.
 */
#ifndef RAPPORTEUR_INDEXER_UTF8_UTIL_H
#define RAPPORTEUR_INDEXER_UTF8_UTIL_H

#include <cstddef>
#include <string>
#include <string_view>

namespace rapporteur::utf8 {

/// Decode the code point at byte `pos` and advance `pos` past it. `pos` must be < text.size().
char32_t next(std::string_view text, std::size_t& pos);

/// Decode the code point ending just before byte `pos` and move `pos` back to its start.
char32_t previous(std::string_view text, std::size_t& pos);

/// Append the UTF-8 encoding of `c` to `out`.
void append(std::string& out, char32_t c);

/// Letters, digits and combining marks: the characters that make up words.
bool is_word_char(char32_t c);
bool is_letter(char32_t c);
bool is_lower(char32_t c);
bool is_upper(char32_t c);
bool is_space(char32_t c);
char32_t to_lower(char32_t c);

/// Unicode full case folding of a UTF-8 string (for case-insensitive comparison).
std::string fold(std::string_view text);

/// The first `count` code points of `text` (all of it when shorter), as a byte slice.
std::string_view first_code_points(std::string_view text, std::size_t count);

/// Number of code points in `text`.
std::size_t length(std::string_view text);

} // namespace rapporteur::utf8

#endif
