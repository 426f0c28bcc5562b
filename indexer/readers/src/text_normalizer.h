/** @file text_normalizer.h
 *  @brief Raw file bytes → checked, normalised UTF-8 text with '\n' line ends.
 */
#ifndef RAPPORTEUR_INDEXER_TEXT_NORMALIZER_H
#define RAPPORTEUR_INDEXER_TEXT_NORMALIZER_H

#include <string>
#include <string_view>

namespace rapporteur {

/** Check and normalise the bytes of a text file, so that CRLF, a BOM, tabs and trailing spaces
 *  change nothing downstream.
 *
 *  Throws RuntimeError("binary file, not text") when the bytes contain NUL or are mostly
 *  control characters or broken UTF-8, and RuntimeError("invalid UTF-8 at byte N") for the
 *  first bad sequence otherwise (N is the 0-based offset in `raw`; the caller adds the path).
 *  Returns the text without a leading BOM, with CRLF and lone CR as '\n', form feeds as '\n',
 *  tabs and vertical tabs as ' ', and no whitespace at the end of any line. Linear time. */
std::string normalize_text(std::string_view raw);

} // namespace rapporteur

#endif
