/** @file pdf_running_heads.h
 *  @brief What a PDF's pages of lines share: the body text's size and leading, and the page
 *         furniture at the top and bottom of each page (running headers, footers, page
 *         numbers) that is no part of the text.
 */
#ifndef RAPPORTEUR_READERS_PDF_RUNNING_HEADS_H
#define RAPPORTEUR_READERS_PDF_RUNNING_HEADS_H

#include "pdf_page_lines.h"

#include <cmath>
#include <vector>

namespace rapporteur {

/// The body text of a document: the size most of its characters have, and the usual gap
/// between two of its lines in one flow, both in points.
struct PdfBody {
    double size = 10;
    double leading = 3;

    /// `line` is set in the body's size (within 6 %).
    bool has_size(const PdfLine& line) const { return std::abs(line.size - size) <= 0.06 * size; }
};

/// The body of `pages` (raised words left out). {10, 3} for pages without lines.
PdfBody measure_body(const std::vector<PdfPageLines>& pages);

/** Per page, per line: true for the lines at the very top or bottom of a page, set apart from
 *  the rest, that are a page number or repeat (digits aside) on three pages in ten, or open a
 *  page after the first in a size smaller than `body`'s with a gap below: running headers,
 *  footers and page numbers. */
std::vector<std::vector<bool>> find_running_heads(const std::vector<PdfPageLines>& pages, const PdfBody& body);

} // namespace rapporteur

#endif
