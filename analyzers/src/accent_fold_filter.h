/** @file accent_fold_filter.h
 *  @brief AccentFoldFilter: strip diacritics so that "sécurité" and "securite" meet.
 */
#ifndef RAPPORTEUR_ANALYZERS_ACCENT_FOLD_FILTER_H
#define RAPPORTEUR_ANALYZERS_ACCENT_FOLD_FILTER_H

#include <string>
#include <vector>

namespace rapporteur {

/** Removes combining marks from letters of Latin, Greek and Cyrillic text after case folding
 *  ("é" → "e", "ά" → "α", "ё" → "е"), and spells out letters that carry their mark inside
 *  ("ø" → "o", "æ" → "ae", "œ" → "oe", "ł" → "l", "ı" → "i"). The Cyrillic short i "й" is kept:
 *  it is a letter of its own and Russian endings ("-ый", "-ий") depend on it. Other scripts pass
 *  unchanged (Arabic, Hebrew, Indic vowel signs are not accents). Stateless, thread-safe; the
 *  table is built once per process.
 */
class AccentFoldFilter {
  public:
    AccentFoldFilter();
    /// Fold `term` in place; returns whether it changed.
    bool apply(std::string& term) const;

  private:
    std::vector<std::string> const* table_; ///< U+0000..U+24FF → folded UTF-8, "" = unchanged
};

} // namespace rapporteur

#endif
