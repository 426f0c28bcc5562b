/** @file pdf_line_text.h
 *  @brief What the words of a PDF line say: footnote markers (raised digits, symbols, Unicode
 *         superscript digits), the label that opens a footnote, bullets, page numbers, the
 *         running-head key, sentence ends. The PDF counterpart of layout_lines.h, in a
 *         namespace of its own because its sentence ends and lower-case starts are not those
 *         of the text reader's raw lines.
 */
#ifndef RAPPORTEUR_READERS_PDF_LINE_TEXT_H
#define RAPPORTEUR_READERS_PDF_LINE_TEXT_H

#include "pdf_page_lines.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace rapporteur::pdf {

/// One to four ASCII digits.
bool is_digits(std::string_view s);

/// A raised word that is a footnote marker: "7", "3,4", "*", "†", "‡", "§", "**".
bool is_marker_text(std::string_view s);

/** The leading (or, with `trailing`, the trailing) run of Unicode superscript digits of `w`
 *  as ASCII digits, and the rest of the word (views into `w`); {"", w} when there is none. */
std::pair<std::string, std::string_view> split_superscript(std::string_view w, bool trailing);

/// A line that is only a page number: "7", "- 7 -", "Page 7", "7 / 12", "Page 7 of 12", "vii".
bool is_page_number(const PdfLine& line);

/// A running head's identity across pages: its text with digits as '#', case-folded.
std::string running_key(const PdfLine& line);

/** The footnote label that starts a footnote-block line ("1" raised, "1" or "1." set in the
 *  footnote's size, "¹") and whether it is a word of its own (false: glued to the first word,
 *  "¹Including"); nullopt when the line starts none. */
std::optional<std::pair<std::string, bool>> footnote_label(const PdfLine& line);

/// A bullet glyph that starts a list item ("•", "–", "-", "▪", a Symbol-font bullet, ...).
bool is_bullet(std::string_view w);

/// The text ends a sentence ('.', '!', '?', ':'), closing quotes and brackets looked through.
bool ends_sentence(std::string_view text);

/// The text's first character is a lower-case letter.
bool starts_lower(std::string_view text);

} // namespace rapporteur::pdf

#endif
