/** @file icu_tokenizer.h
 *  @brief IcuTokenizer: UTF-8 text → word segments with byte offsets, by ICU's word rules.
 */
#ifndef RAPPORTEUR_ANALYZERS_ICU_TOKENIZER_H
#define RAPPORTEUR_ANALYZERS_ICU_TOKENIZER_H

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace rapporteur {

/// What kind of segment a word is; it decides how queries treat adjacent words.
enum class WordKind : std::uint8_t {
    LETTER,     ///< letters of a script written with spaces (Latin, Cyrillic, Greek, ...)
    NUMBER,     ///< digits, possibly with inner separators ("1,000.50")
    CONTINUOUS, ///< a dictionary word of a script written without spaces (Han, kana, Thai, ...)
    EMOJI,      ///< an emoji or emoji sequence (flags, ZWJ sequences)
};

/// One segment of the text: bytes [start, end) of the original UTF-8 text.
struct RawWord {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    WordKind kind = WordKind::LETTER;
};

/** ICU's word break iterator (UAX #29 plus dictionaries for Chinese, Japanese, Thai, Lao,
 *  Khmer and Burmese), run directly over UTF-8 so that boundaries are byte offsets.
 *  Spaces and punctuation are skipped. One instance per thread: construction clones a
 *  process-wide prototype, which is much cheaper than building the rules again.
 */
class IcuTokenizer {
  public:
    IcuTokenizer();
    ~IcuTokenizer();
    IcuTokenizer(const IcuTokenizer&) = delete;
    IcuTokenizer& operator=(const IcuTokenizer&) = delete;

    /** Replace `out` with the words of `text` (valid UTF-8, < 4 GiB), in order. */
    void tokenize(std::string_view text, std::vector<RawWord>& out);

  private:
    std::unique_ptr<icu::BreakIterator> breaker_;
    UText* utext_ = nullptr;
};

} // namespace rapporteur

#endif
