/** @file layout_lines.h
 *  @brief What a line or a block of lines of a text report is: the layout parser's tests on
 *         lines (bullets, page furniture, headings, rules, sentence ends) and line joining.
 */
#ifndef RAPPORTEUR_READERS_LAYOUT_LINES_H
#define RAPPORTEUR_READERS_LAYOUT_LINES_H

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// Consecutive non-blank lines, indentation removed.
using Block = std::vector<std::string_view>;

/// A Markdown table line: "| a | b |".
bool is_table_line(std::string_view line);

/// A table's delimiter row: "|---|:--:|".
bool is_table_rule(std::string_view line);

/// The cells of a table line, trimmed ("| a | b |" → "a", "b").
std::vector<std::string> table_cells(std::string_view line);

/// The blocks of `text` (lines between blank lines).
std::vector<Block> split_blocks(std::string_view text);

/// The byte offset of a bullet item's text after its marker ("- ", "• ", "1. ", "a) "), or nullopt.
std::optional<std::size_t> bullet_body(std::string_view line);

/** A line that may start a numbered paragraph, as UN-style reports number theirs ("12. At its
 *  3rd meeting, the Committee ..."): 1-3 digits, a full stop, a space and an upper-case letter.
 *  Its number and the byte offset of its text; nullopt for anything else. Whether it is a
 *  paragraph or a list item is the reader's decision (report_parser.cc: alone in its block, or
 *  not followed by the next number, and ending a sentence). */
struct NumberedLine {
    int number = 0;
    std::size_t body = 0;
};
std::optional<NumberedLine> numbered_line(std::string_view line);

/// A line that is only a page number ("12", "- 12 -", "Page 12") or a rule ("---", "***").
bool is_page_furniture(std::string_view line);

/// A Markdown ATX heading: one to six '#' and a space ("## Opening remarks"), not "#hashtag".
bool is_markdown_heading(std::string_view line);

/// A thematic break or a setext underline: three or more of one of '-', '=', '*', '_' (spaces allowed).
bool is_rule(std::string_view line);

/// A line that is only a URL ("https://...", "<https://...>", "www....").
bool is_url_only(std::string_view line);

/// Append a continuation line: a word hyphenated at the line end is joined without a space.
void append_line(std::string& raw, std::string_view line);

/// Does a paragraph end a sentence? Markers, emphasis and spaces at the end are looked through,
/// and a closing quote or bracket counts when a full stop stands before it ('."', '.)').
bool ends_sentence(std::string_view raw);

/// Does a paragraph begin in lower case (so that it continues a sentence)?
bool starts_lower(std::string_view raw);

} // namespace rapporteur

#endif
