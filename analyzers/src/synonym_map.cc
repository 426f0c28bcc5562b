/** @file synonym_map.cc
 *  @brief SynonymMap: acronyms and their expansions, both ways (glossary + corpus definitions).
 */
#include "synonym_map.h"

#include <algorithm>
#include <mutex>

namespace rapporteur {

void SynonymMap::add_unique(std::vector<std::string>& v, std::string_view s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

void SynonymMap::add(const std::string& acronym_key, std::string_view acronym, const std::string& expansion_key,
                     std::size_t words, std::string_view expansion) {
    std::unique_lock lock(mutex_);
    add_unique(by_acronym_[acronym_key], expansion);
    add_unique(by_expansion_[expansion_key], acronym);
    longest_ = std::max(longest_, words);
}

std::vector<std::string> SynonymMap::expansions(std::string_view acronym_key) const {
    std::shared_lock lock(mutex_);
    auto it = by_acronym_.find(acronym_key);
    return it == by_acronym_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> SynonymMap::acronyms(std::string_view expansion_key) const {
    std::shared_lock lock(mutex_);
    auto it = by_expansion_.find(expansion_key);
    return it == by_expansion_.end() ? std::vector<std::string>{} : it->second;
}

std::size_t SynonymMap::longest_expansion() const {
    std::shared_lock lock(mutex_);
    return longest_;
}

std::size_t SynonymMap::size() const {
    std::shared_lock lock(mutex_);
    return by_acronym_.size();
}

} // namespace rapporteur
