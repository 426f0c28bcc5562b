/** @file pdf_weight_pages.h
 *  @brief The pages of a PDF whose headings only a font's weight could tell: the reader asks
 *         poppler for fonts on those pages alone, since fonts cost several times the words.
 */
#ifndef RAPPORTEUR_READERS_PDF_WEIGHT_PAGES_H
#define RAPPORTEUR_READERS_PDF_WEIGHT_PAGES_H

#include "pdf_page_lines.h"

#include <cstddef>
#include <vector>

namespace rapporteur {

/** The indices of the pages of `pages` (read without weights) on which a block could be a
 *  heading that only its weight tells from the body: pdf_outline makes a short bold block of
 *  about the body's size a heading, and a change of weight ends a block. Such a block starts
 *  set apart (first of its column's stretch, a gap above it, or a line of another size above
 *  it) with a line of 0.94 to 1.15 times the body's size that is neither a running head, a
 *  page number nor a list item, and within four lines it reaches a line that ends short of
 *  its column's right edge without ending a sentence. Elsewhere sizes decide alone (larger
 *  headings) or weight decides nothing. Ascending. */
std::vector<std::size_t> pages_needing_weights(const std::vector<PdfPageLines>& pages);

} // namespace rapporteur

#endif
