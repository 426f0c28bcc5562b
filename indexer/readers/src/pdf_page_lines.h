/** @file pdf_page_lines.h
 *  @brief One PDF page's words (text boxes with geometry and font) made into lines in reading
 *         order: rows by baseline, raised markers flagged, two-column pages split at their
 *         gutter and read left column first. No poppler here: pdf_text_source.cc fills
 *         PdfPage, so the geometry is testable on its own.
 */
#ifndef RAPPORTEUR_READERS_PDF_PAGE_LINES_H
#define RAPPORTEUR_READERS_PDF_PAGE_LINES_H

#include <string>
#include <vector>

namespace rapporteur {

/// A word as the PDF's text layer gives it. Coordinates in points, origin at the page's top
/// left, y growing downwards.
struct PdfWord {
    std::string text; ///< UTF-8, ligatures expanded
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double size = 0;     ///< font size in points
    bool bold = false;   ///< the font's name says bold (Bold, Medi, Semibold, Black, CMBX)
    bool raised = false; ///< set by page_lines: smaller and above its line's baseline
};

/// One page of words, in the order the text layer gives them.
struct PdfPage {
    int number = 0; ///< 1-based
    double width = 0, height = 0;
    std::vector<PdfWord> words;
};

/// A line of text: words left to right on one baseline, within one column.
struct PdfLine {
    std::vector<PdfWord> words;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0; ///< box of the words that are not raised
    double size = 0;                        ///< the font size of most of its characters
    bool bold = false;                      ///< most of its characters are bold
    int column = 0;                         ///< 0 full width, 1 left column, 2 right column
    int flow = 0; ///< index of its run of lines in reading order: a column's stretch between
                  ///< full-width lines; text may go on from one flow to the next
};

/// One page's lines in reading order.
struct PdfPageLines {
    int number = 0; ///< 1-based
    std::vector<PdfLine> lines;
};

/** The lines of `page` in reading order. A page has two columns when a vertical strip near its
 *  middle is crossed by (almost) no word and both sides hold a good share of the words; rows
 *  crossing that strip (a title) are full-width lines, and the lines between two full-width
 *  ones are read left column first. Empty for a page without words. */
std::vector<PdfLine> page_lines(PdfPage page);

} // namespace rapporteur

#endif
