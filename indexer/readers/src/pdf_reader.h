/** @file pdf_reader.h
 *  @brief PDF reports, through poppler's text device (pdf_text_source.h): the text layer's
 *         words with their boxes and fonts, laid out into lines
 *         (pdf_page_lines.h) and blocks (pdf_outline.h), and built into a report like every
 *         structured format (outline.h).
 */
#ifndef RAPPORTEUR_READERS_PDF_READER_H
#define RAPPORTEUR_READERS_PDF_READER_H

#include "pdf_page_lines.h"
#include "rapporteur/readers.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace rapporteur {

/// PDF: passages know their pages; footnote blocks, raised markers, running heads, hyphenation,
/// two-column pages and paragraphs over page breaks are read from the layout.
class PdfReader final : public Reader {
  public:
    /// Bounds on the work one file may take. A file beyond them gets a RuntimeError.
    static constexpr int MAX_PAGES = 20000;
    static constexpr std::size_t MAX_WORDS = 4'000'000;      ///< words in the whole text layer
    static constexpr std::size_t MAX_PAGE_WORDS = 200'000;   ///< words on one page

    std::string_view format() const override { return "PDF"; }

    /** Throws RuntimeError, its message one line of the cause (the indexer prefixes the file's
     *  path, as for every reader), for a file that is not a PDF or is damaged, is encrypted,
     *  has no text layer (scanned pages), or is beyond the bounds. */
    Report read(std::string_view bytes, std::string_view name) const override;
};

/** The lines of every page of the PDF in `bytes` (pdf_page_lines.h), each word with its box
 *  and its font's size and weight: the text layer before the outline, apart so that
 *  benchmarks and tests can time and inspect it. `name` is the file's, for the caller's
 *  messages (errors carry the cause alone). Throws as PdfReader::read does, except for a PDF
 *  without text, which has pages of no lines here. */
std::vector<PdfPageLines> read_pdf_lines(std::string_view bytes, std::string_view name);

} // namespace rapporteur

#endif
