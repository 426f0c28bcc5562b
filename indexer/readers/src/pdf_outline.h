/** @file pdf_outline.h
 *  @brief A PDF's pages of lines (pdf_page_lines.h) made into an Outline (outline.h): running
 *         headers, footers and page numbers dropped, each page's footnote block read into
 *         footnotes, raised markers into footnote references, lines into paragraphs, list items
 *         and headings (by font size and weight), hyphenation undone, and a paragraph that goes
 *         on over a page or column break kept whole.
 */
#ifndef RAPPORTEUR_READERS_PDF_OUTLINE_H
#define RAPPORTEUR_READERS_PDF_OUTLINE_H

#include "outline.h"
#include "pdf_page_lines.h"

#include <vector>

namespace rapporteur {

/// The outline of a PDF, with how many lines each block was made of.
struct PdfOutline {
    Outline outline;
    std::vector<int> line_counts; ///< parallel to outline.blocks
    std::vector<bool> centred;    ///< parallel to outline.blocks: every line centred
};

/** The outline of `pages`. Footnote markers are resolved to the footnote of their number on
 *  their page (or the next page that has one, then any): OutlineRef::label and
 *  OutlineBlock::label are "<n>@<page>". Headings get levels by font size, largest first, a
 *  bold heading in the body's size last. */
PdfOutline pdf_outline(const std::vector<PdfPageLines>& pages);

} // namespace rapporteur

#endif
