/** @file outline.h
 *  @brief What a structured format's reader extracts before the report is built: the blocks of
 *         a document in reading order (headings with levels, paragraphs, list items, table rows,
 *         footnotes with their identity, pages), and the one function that makes a Report of
 *         them. PDF, DOCX, ODT, HTML and Markdown readers fill an Outline; build_report reads
 *         sessions, speakers, organisations, dates and acronyms from it the same way for all.
 */
#ifndef RAPPORTEUR_READERS_OUTLINE_H
#define RAPPORTEUR_READERS_OUTLINE_H

#include "rapporteur/model/report.h"

#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// A footnote marker in a block's text.
struct OutlineRef {
    std::string label;        ///< the footnote's identity in the source (DOCX w:id, an HTML anchor, "3")
    int n = 0;                ///< the number as printed (0 when the marker is not a number)
    std::uint32_t offset = 0; ///< byte offset in OutlineBlock::text where the marker stood
};

/// One block of a document, in reading order.
struct OutlineBlock {
    enum class Kind : std::uint8_t {
        TITLE,     ///< the document's title (a title style, <title>, a LaTeX \title)
        HEADING,   ///< a heading; `level` 1-6 as the source gives it
        PARAGRAPH, ///< body text
        LIST_ITEM, ///< an item of a bulleted or numbered list; `level` its nesting, 1-based
        TABLE_ROW, ///< one row of a table; `cells` its cells' clean text, `text` them joined by " | "
        FOOTNOTE,  ///< a footnote's or endnote's text; `label` its identity, `n` its number
    };
    Kind kind = Kind::PARAGRAPH;
    int level = 0;
    std::string text;               ///< clean UTF-8 text: markup and markers removed, single spaces
    std::vector<OutlineRef> refs;   ///< footnote markers in `text`
    std::vector<std::string> urls;  ///< links in the block
    std::vector<std::string> cells; ///< TABLE_ROW only
    bool header_row = false;        ///< TABLE_ROW: the table's header row
    std::string label;              ///< FOOTNOTE: its identity, matched by OutlineRef::label
    int n = 0;                      ///< FOOTNOTE: its number as printed (0 when not a number)
    int page = 0;                   ///< 1-based page where the block starts, 0 when no pages
    int last_page = 0;              ///< 1-based page where it ends, 0 when no pages
};

/// A document as a structured reader sees it.
struct Outline {
    std::vector<OutlineBlock> blocks;
    std::vector<std::string> dates; ///< ISO dates the format's metadata gives (may be empty)
    std::string title;              ///< the metadata's title ("" when none; TITLE blocks win)
};

/** The Report of an outline read from the file `name` (its path relative to the indexed folder).
 *  Sessions come from headings (session headings in every language the analyzers know, agenda
 *  headings, numbered sections), passages from paragraphs, list items and footnotes, each
 *  footnote marker resolved by label to its footnote passage (FootnoteRef::id). Never returns a
 *  report without its opening session. */
Report build_report(Outline outline, std::string_view name);

} // namespace rapporteur

#endif
