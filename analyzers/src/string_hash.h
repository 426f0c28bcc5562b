/** @file string_hash.h
 *  @brief A transparent string hash, so that hash containers of std::string take string_view keys.
 */
#ifndef RAPPORTEUR_ANALYZERS_STRING_HASH_H
#define RAPPORTEUR_ANALYZERS_STRING_HASH_H

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace rapporteur {

/// Lets find() take a string_view without building a std::string per lookup.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

} // namespace rapporteur

#endif
