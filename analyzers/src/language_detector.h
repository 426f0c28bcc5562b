/** @file language_detector.h
 *  @brief LanguageDetector: the language of a text by CLD2, with a fallback when it is unsure.
 */
#ifndef RAPPORTEUR_ANALYZERS_LANGUAGE_DETECTOR_H
#define RAPPORTEUR_ANALYZERS_LANGUAGE_DETECTOR_H

#include <cstddef>
#include <string>
#include <string_view>

namespace rapporteur {

/** Compact Language Detector 2 (Debian's libcld2), which tells some 80 languages apart on a
 *  sentence. Stateless and thread-safe.
 */
class LanguageDetector {
  public:
    /// Past this many bytes the text tells nothing more; long passages are cut for speed.
    static constexpr std::size_t MAX_SAMPLE_BYTES = 64 * 1024;

    /** The ISO 639-1 code of `text`'s language ("zh" for both Chinese scripts). When CLD2 has
     *  no answer, a script written by one language here decides (Cyrillic → "ru", Han without
     *  kana → "zh"), else `fallback`. `text` must be valid UTF-8. */
    static std::string detect(std::string_view text, std::string_view fallback);
    /** The language of `text` when CLD2 calls its guess reliable and gives it most of the text
     *  (at least 80 %), else "": what a query's words must show before one chain analyses them. */
    static std::string detect_certain(std::string_view text);
    /** The language of a passage of a document in `document_lang` (not empty): another only
     *  where detect_certain() says so and, in the Latin script, the passage has at least
     *  MIN_LATIN_WORDS words in lower case or MIN_LATIN_LETTERS letters (not a line of names). */
    static std::string detect_passage(std::string_view text, std::string_view document_lang);
    /// Lower-case words (two letters or more) that make a Latin-script passage's language its own.
    static constexpr std::size_t MIN_LATIN_WORDS = 3;
    /// Letters that do the same, whatever their case.
    static constexpr std::size_t MIN_LATIN_LETTERS = 40;
};

/// "en-GB", "EN", "zh_Hant" → "en", "en", "zh": the base ISO 639 code, lower-case, and the
/// current code for CLD2's withdrawn ones and for Bokmål ("iw" → "he", "jw" → "jv", "nb" → "no").
std::string normalise_language(std::string_view lang);

} // namespace rapporteur

#endif
