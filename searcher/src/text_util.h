/** @file text_util.h
 *  @brief Small UTF-8 helpers of the searcher: case folding, cutting, escaping, code points.
 */
#ifndef RAPPORTEUR_TEXT_UTIL_H
#define RAPPORTEUR_TEXT_UTIL_H

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// Unicode case folding (ICU), for matching names and wildcard prefixes; "" for invalid UTF-8.
std::string fold_case(std::string_view s);

/// The longest prefix of `s` of at most `max_bytes` bytes that ends on a UTF-8 boundary.
std::string utf8_prefix(std::string_view s, std::size_t max_bytes);

/// `&`, `<`, `>`, `"` and `'` as HTML entities; nothing else changes.
std::string html_escape(std::string_view s);

/** Code-point index of each byte offset: result[b] = number of code points before byte b,
 *  for b in [0, s.size()]. */
std::vector<std::size_t> code_point_index(std::string_view s);

/// Byte offset of code point `cp` in `s` (s.size() when past the end).
std::size_t byte_of_code_point(std::string_view s, std::size_t cp);

/** Damerau–Levenshtein (optimal string alignment) distance between two UTF-8 strings, in
 *  code points; any distance over `max` is returned as max + 1 (and found sooner). */
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max = static_cast<std::size_t>(-2));

} // namespace rapporteur

#endif
