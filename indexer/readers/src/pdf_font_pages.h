/** @file pdf_font_pages.h
 *  @brief The pages of a PDF whose headings need their fonts: the reader asks poppler for
 *         fonts on those pages alone, since fonts cost several times the words.
 */
#ifndef RAPPORTEUR_READERS_PDF_WEIGHT_PAGES_H
#define RAPPORTEUR_READERS_PDF_WEIGHT_PAGES_H

#include "pdf_page_lines.h"

#include <cstddef>
#include <vector>

namespace rapporteur {

/** The indices of the pages of `pages` (read without fonts, sizes from box heights) on which
 *  a heading needs fonts to be told: where a line's box is 1.05 times the body's or more (a
 *  heading by size, 1.15 times, is told by the fonts' own sizes: a box's height also follows
 *  its font's ascent and descent, larger in symbol and script fonts, smaller in some sans
 *  serifs), and where a block could be a
 *  heading that only its weight tells from the body (pdf_outline makes a short bold block of
 *  about the body's size a heading, and a change of weight ends a block). Such a block starts
 *  set apart (first of its column's stretch, a gap above it, or a line of another size above
 *  it) with a line of 0.94 to 1.15 times the body's size that is neither a running head, a
 *  page number nor a list item, and within four lines it reaches a line that ends short of
 *  its column's right edge without ending a sentence. Ascending. */
std::vector<std::size_t> pages_needing_fonts(const std::vector<PdfPageLines>& pages);

} // namespace rapporteur

#endif
