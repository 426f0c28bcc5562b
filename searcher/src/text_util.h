/** @file text_util.h
 *  @brief The searcher's text helpers beside utf8.h: HTML escaping and edit distance.
 */
#ifndef RAPPORTEUR_TEXT_UTIL_H
#define RAPPORTEUR_TEXT_UTIL_H

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// `&`, `<`, `>`, `"` and `'` as HTML entities; nothing else changes.
std::string html_escape(std::string_view s);

/** Damerau–Levenshtein (optimal string alignment) distance between two UTF-8 strings, in
 *  code points; any distance over `max` is returned as max + 1 (and found sooner). */
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max = static_cast<std::size_t>(-2));

/// The same distance between two strings of code points.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t max = static_cast<std::size_t>(-2));

} // namespace rapporteur

#endif
