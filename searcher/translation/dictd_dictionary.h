/** @file dictd_dictionary.h
 *  @brief One dictionary in dictd's format: the `.index` file (one line per headword) and its
 *         `.dict.dz` data, looked up by headword.
 *
 *  An index line is `headword<TAB>offset<TAB>length` (dictd(8), dictfmt(1)): offset and length
 *  are byte counts into the uncompressed data, written in dictd's base 64 (digits
 *  `A–Z a–z 0–9 + /`, most significant first). A headword may have several lines (one per
 *  entry). Lookups fold case (fold_key), so "Traffic" finds "traffic".
 */
#ifndef RAPPORTEUR_TRANSLATION_DICTD_DICTIONARY_H
#define RAPPORTEUR_TRANSLATION_DICTD_DICTIONARY_H

#include "dictzip_file.h"

#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// A dictd dictionary read from its two files. Not safe for concurrent lookups.
class DictdDictionary {
  public:
    /** Reads the whole index (its cost is the dictionary's load time) and opens the data.
     *  Throws RuntimeError naming the file on a missing or unreadable file or a malformed
     *  index line (with its line number). */
    DictdDictionary(const std::filesystem::path& index, const std::filesystem::path& data);
    DictdDictionary(const DictdDictionary&) = delete; // the table holds views into its own buffers
    DictdDictionary& operator=(const DictdDictionary&) = delete;

    /** The entries of `headword` (case-folded), in index order, each the entry's whole text
     *  as stored (its headword line first); empty when the headword is not in the index. */
    std::vector<std::string> lookup(std::string_view headword);

    /// How many index lines (entries) the dictionary has.
    std::size_t size() const { return entries_.size(); }

    /** The key a headword is looked up by: lower-case ASCII and Latin-1 letters, else
     *  utf8::fold (so "ß" → "ss", "Ё" → "ё"). */
    static std::string fold_key(std::string_view headword);

    /// dictd's base 64 number ("B" → 1, "BA" → 64); nullopt on a character outside the alphabet.
    static std::optional<std::uint64_t> decode_number(std::string_view digits);

  private:
    struct Entry {
        std::string_view key; ///< the folded headword (into index_ or folded_)
        std::uint64_t offset = 0, length = 0;
    };
    std::string index_;                 ///< the index file's bytes, headwords folded in place
    std::deque<std::string> folded_;    ///< folded headwords of another length (a deque: views stay valid)
    std::vector<Entry> entries_;        ///< sorted by key, then index order
    DictzipFile data_;
};

} // namespace rapporteur

#endif
