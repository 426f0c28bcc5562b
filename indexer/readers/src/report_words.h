/** @file report_words.h
 *  @brief The structural words of meeting reports per language (data/report_words.tsv).
 */
#ifndef RAPPORTEUR_INDEXER_REPORT_WORDS_H
#define RAPPORTEUR_INDEXER_REPORT_WORDS_H

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// A word or phrase of one language, as written in the data file and case-folded.
struct LanguageWord {
    std::string lang;   ///< ISO 639-1
    std::string text;   ///< as written in the data file
    std::string folded; ///< Unicode case folding of `text`
    int value = 0;      ///< the number of an ordinal or a month, else 0
};

/** The words a report uses for its structure: heading words, ordinals, months, front-matter
 *  prefixes. Loaded from `indexer/data/report_words.tsv`; adding a language is adding lines
 *  there. Lookups are case-insensitive (full case folding). Immutable once built. */
class ReportWords {
  public:
    /// The shared instance, loaded once from data_path("indexer", "report_words.tsv").
    /// Throws RuntimeError when the file is missing or malformed (naming the path and line).
    static const ReportWords& instance();

    /// Build from the text of a data file; `source` names it in error messages.
    static ReportWords parse(std::string_view tsv, std::string_view source);

    /// All entries of `key` ("day", "session", "ordinal", "month", ...), longest first so that
    /// prefix matching prefers "Co-organized by" to "Organized by" and "Table ronde" to "Table".
    const std::vector<LanguageWord>& words(std::string_view key) const;

    /// The entry of `key` whose folded text equals fold(`word`), or nullptr.
    const LanguageWord* find(std::string_view key, std::string_view word) const;

    /// The entry of `key` that `text` starts with (case-insensitive, followed by a non-letter
    /// or the end), longest first; nullptr when none. `*matched_bytes` gets its length in `text`.
    const LanguageWord* find_prefix(std::string_view key, std::string_view text,
                                    std::size_t* matched_bytes = nullptr) const;

  private:
    std::map<std::string, std::vector<LanguageWord>, std::less<>> by_key_;
    std::map<std::string, std::map<std::string, std::size_t, std::less<>>, std::less<>> index_;
};

} // namespace rapporteur

#endif
