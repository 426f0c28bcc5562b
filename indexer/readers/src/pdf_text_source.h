/** @file pdf_text_source.h
 *  @brief A PDF's pages as words with their boxes, font sizes and weights (PdfPage,
 *         pdf_page_lines.h), read by poppler's core text device: the one file that uses
 *         poppler's private API (libpoppler-private-dev, not stable across poppler versions).
 */
#ifndef RAPPORTEUR_READERS_PDF_TEXT_SOURCE_H
#define RAPPORTEUR_READERS_PDF_TEXT_SOURCE_H

#include "pdf_page_lines.h"

#include <memory>
#include <string_view>

namespace rapporteur {

/// One loaded PDF, read a page at a time through one text device for the whole document.
/// Not thread-safe: one source per thread (sources in different threads are independent).
class PdfTextSource {
  public:
    /** Loads the PDF in `bytes`, which must outlive the source (poppler reads them in place).
     *  Throws RuntimeError, its message one line of the cause, for bytes that are not a PDF, a
     *  damaged or encrypted PDF, or one without pages. Poppler's own messages are silenced. */
    explicit PdfTextSource(std::string_view bytes);
    ~PdfTextSource();
    PdfTextSource(const PdfTextSource&) = delete;
    PdfTextSource& operator=(const PdfTextSource&) = delete;

    int pages() const;

    /** The words of page `index` (0-based; 0 <= index < pages()) in the text device's reading
     *  order, each with its box, its font's size in points and whether its font's name says
     *  bold. Text turned on an upright page (a margin stamp) is left out; a page mostly turned
     *  (landscape) keeps it. Throws RuntimeError for a page of more than `max_words` words. An
     *  unreadable page has no words. */
    PdfPage page(int index, std::size_t max_words);

  private:
    struct Internal;
    std::unique_ptr<Internal> internal_;
};

} // namespace rapporteur

#endif
