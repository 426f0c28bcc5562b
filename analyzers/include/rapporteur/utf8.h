/** @file utf8.h
 *  @brief The one set of UTF-8 helpers, on ICU: validation, decoding, character classes,
 *         case folding, cuts on code-point boundaries and code-point offsets.
 *
 *  Every stage uses these rather than its own. Decoding expects valid UTF-8 (checked once
 *  with invalid_offset() where text enters); on a broken sequence it yields U+FFFD and moves
 *  past the broken sequence, so nothing loops or reads past the end.
 */
#ifndef RAPPORTEUR_UTF8_H
#define RAPPORTEUR_UTF8_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur::utf8 {

/// Byte offset of the first invalid UTF-8 sequence of `text` (overlongs and surrogates
/// included), or std::string_view::npos when it is valid.
std::size_t invalid_offset(std::string_view text);

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

/** Unicode full case folding of a UTF-8 string (ICU), for case-insensitive comparison of
 *  names, headings and prefixes. ASCII is folded without ICU's round trip. Invalid sequences
 *  become U+FFFD. */
std::string fold(std::string_view text);

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a code-point boundary.
std::string_view prefix(std::string_view text, std::size_t max_bytes);

/// The first `count` code points of `text` (all of it when shorter), as a byte slice.
std::string_view first_code_points(std::string_view text, std::size_t count);

/// Number of code points in `text`.
std::size_t length(std::string_view text);

/** Code-point index of each byte offset: result[b] = number of code points before byte b,
 *  for b in [0, text.size()]. */
std::vector<std::size_t> code_point_index(std::string_view text);

/// Byte offset of code point `cp` in `text` (text.size() when past the end).
std::size_t byte_of_code_point(std::string_view text, std::size_t cp);

/** Terminal columns `c` takes: 2 for East Asian wide and fullwidth characters (CJK, kana,
 *  Hangul, most emoji: ICU's UCHAR_EAST_ASIAN_WIDTH), 0 for combining marks, format
 *  characters (U+200B, U+200D) and controls, else 1 (ambiguous-width characters such as "…"
 *  count 1, as terminals outside East Asian locales show them). */
std::size_t char_width(char32_t c);

/// Terminal columns of `text`: the sum of char_width() over its code points.
std::size_t display_width(std::string_view text);

/// The code points of `text` (U+FFFD for each invalid sequence).
std::u32string decode(std::string_view text);

/// The UTF-8 encoding of `code_points`.
std::string encode(std::u32string_view code_points);

} // namespace rapporteur::utf8

#endif
