/** @file numbered_paragraphs.h
 *  @brief The one rule that tells UN-style numbered paragraphs from lists in the structured
 *         formats: the Markdown, DOCX, ODT and HTML readers report their lists to it as they
 *         read (a list opens, an item opens, the item's first block, the list closes) and it
 *         makes the numbered paragraphs among their list items PARAGRAPH blocks.
 *
 *  A report written in a word processor, or in Markdown, numbers its paragraphs with the
 *  format's own numbering ("12. At its 3rd meeting, the Committee ..."), so they come as the
 *  items of an ordered list at the top level, one list between two headings. They are
 *  paragraphs when the list's items are set apart (a loose list: blank lines between them in
 *  Markdown, `<li><p>` in HTML, space between the paragraphs in DOCX and ODT) or when the list
 *  has one item (a paragraph numbered alone between other blocks), and each such item starts
 *  with a capital and ends a sentence. Bullets, lists numbered by letters or Roman numerals, a
 *  nested list and a tight list of several items (an agenda "1. Opening." over "2. Election.")
 *  stay lists. The plain-text reader reads the same shapes from lines (layout_lines.h,
 *  numbered_line). The number is left out of the text, as for any list item.
 */
#ifndef RAPPORTEUR_READERS_NUMBERED_PARAGRAPHS_H
#define RAPPORTEUR_READERS_NUMBERED_PARAGRAPHS_H

#include "outline.h"

#include <cstddef>
#include <vector>

namespace rapporteur {

class NumberedParagraphs {
  public:
    /** A list opens, inside the innermost open one if any. `decimal`: its items are numbered
     *  1, 2, 3 (Markdown's ordered lists, `<ol>` of type 1, a DOCX or ODT level numbered in
     *  Arabic numerals); bullets, letters and Roman numerals are not. `loose`: its items are
     *  known to be set apart (a reader that learns it later calls loosen()). */
    void open(bool decimal, bool loose = false);

    /// The innermost list's items are set apart (a loose list).
    void loosen();

    /// An item of the innermost list opens (with or without text).
    void item();

    /** `blocks[index]` is the first block of the item opened last: a candidate when it is a
     *  LIST_ITEM of a decimal list at the top level whose text starts with a capital and ends
     *  a sentence. Later blocks of the same item are not looked at. */
    void first_block(const std::vector<OutlineBlock>& blocks, std::size_t index);

    /** The innermost list closes. When it is at the top level, decimal, and loose or of one
     *  item, its candidates become PARAGRAPH blocks at level 0. Does nothing when no list is open. */
    void close(std::vector<OutlineBlock>& blocks);

    /// Closes every open list (a heading or a table ends them all; so does the document's end).
    void close_all(std::vector<OutlineBlock>& blocks);

    /// The number of open lists (0 outside any list).
    std::size_t depth() const { return lists_.size(); }

  private:
    struct List {
        bool decimal = false, loose = false;
        int items = 0;
        bool item_open = false;           ///< an item opened and its first block is yet to come
        std::vector<std::size_t> blocks; ///< the candidates' blocks
    };
    std::vector<List> lists_; ///< the open lists, outermost first
};

} // namespace rapporteur

#endif
