/** @file synonym_map.h
 *  @brief SynonymMap: acronyms and their expansions, both ways (glossary + corpus definitions).
 */
#ifndef RAPPORTEUR_ANALYZERS_SYNONYM_MAP_H
#define RAPPORTEUR_ANALYZERS_SYNONYM_MAP_H

#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "string_hash.h"

namespace rapporteur {

/** Acronym ↔ expansion pairs, looked up by key: the words' folded, unstemmed forms joined by
 *  one space ("nrm", "national referral mechanism"), which the Analyzer computes with its own
 *  chain. Values are the texts as written, analysed again per query language. Safe for
 *  concurrent lookups while another thread adds.
 */
class SynonymMap {
  public:
    /// Record that `acronym` (key `acronym_key`) stands for `expansion` (key of `words` words).
    void add(const std::string& acronym_key, std::string_view acronym, const std::string& expansion_key,
             std::size_t words, std::string_view expansion);
    /// The expansions of an acronym key (copies: the map may grow meanwhile).
    std::vector<std::string> expansions(std::string_view acronym_key) const;
    /// The acronyms whose expansion has this key.
    std::vector<std::string> acronyms(std::string_view expansion_key) const;
    /// The most words in any expansion (bounds the query-time search).
    std::size_t longest_expansion() const;
    std::size_t size() const;

  private:
    static void add_unique(std::vector<std::string>& v, std::string_view s);
    mutable std::shared_mutex mutex_;
    StringMap<std::vector<std::string>> by_acronym_;
    StringMap<std::vector<std::string>> by_expansion_;
    std::size_t longest_ = 0;
};

} // namespace rapporteur

#endif
