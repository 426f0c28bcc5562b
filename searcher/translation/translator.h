/** @file translator.h
 *  @brief Word translations between the languages of the installed FreeDict dictionaries
 *         (Debian's dict-freedict-XXX-YYY packages, dictd format, in /usr/share/dictd).
 *
 *  The pairs are found at construction by listing the directory (`freedict-XXX-YYY.index`
 *  beside `freedict-XXX-YYY.dict.dz`, ISO 639-3 codes); a pair's dictionary is read the first
 *  time a word is translated with it, once.
 */
#ifndef RAPPORTEUR_TRANSLATION_TRANSLATOR_H
#define RAPPORTEUR_TRANSLATION_TRANSLATOR_H

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rapporteur {

class DictdDictionary;

/// One installed dictionary: from one language into another (ISO 639-1 codes).
struct LanguagePair {
    std::string from, to;
    std::filesystem::path index, data;
};

/// Translations from the FreeDict dictionaries of one directory. Safe for concurrent calls.
class Translator {
  public:
    /// `$RAPPORTEUR_DICTD_DIR` when set, else /usr/share/dictd (where dictd packages install).
    static std::filesystem::path default_directory();

    /** Lists the pairs of `directory`. A missing or unreadable directory gives no pairs (not an
     *  error: cross-language search then says which pairs it lacks). */
    explicit Translator(std::filesystem::path directory = default_directory());
    ~Translator();
    Translator(const Translator&) = delete;
    Translator& operator=(const Translator&) = delete;

    const std::filesystem::path& directory() const { return directory_; }
    /// The installed pairs, sorted by (from, to).
    const std::vector<LanguagePair>& pairs() const { return pairs_; }
    bool has_pair(std::string_view from, std::string_view to) const;

    /** Up to `max` translations of `word` (one word or a headword of several) from `from` into
     *  `to`, in the dictionary's order, of at most four words each: the word's own entries
     *  first, then those of its plural-less forms ("victims" → "victim", "policies" →
     *  "policy", "enfants" → "enfant"). Empty when the pair is not installed or the word is
     *  not in it. Loads the
     *  pair's dictionary at its first use; throws RuntimeError naming the file when it is
     *  damaged (and again at each later call). */
    std::vector<std::string> translate(std::string_view word, std::string_view from, std::string_view to,
                                       std::size_t max = 4);

    /// Pairs loaded so far, and the seconds each load took (for the benchmark).
    std::vector<std::pair<std::string, double>> load_times() const;

    /// The ISO 639-1 code of an ISO 639-3 one FreeDict uses ("fra" → "fr"); the code itself when unknown.
    static std::string iso639_1(std::string_view code);

  private:
    DictdDictionary& dictionary(const LanguagePair& pair);

    std::filesystem::path directory_;
    std::vector<LanguagePair> pairs_;
    mutable std::mutex mutex_;
    std::map<std::string, std::unique_ptr<DictdDictionary>> loaded_; ///< "from-to" → dictionary
    std::vector<std::pair<std::string, double>> load_times_;
};

} // namespace rapporteur

#endif
