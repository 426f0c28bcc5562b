/** @file plain_text_reader.h
 *  @brief The readers of text laid out by lines: plain text (as pdftotext leaves a report)
 *         and Markdown notes.
 */
#ifndef RAPPORTEUR_READERS_PLAIN_TEXT_READER_H
#define RAPPORTEUR_READERS_PLAIN_TEXT_READER_H

#include "rapporteur/readers.h"

namespace rapporteur {

/// Plain UTF-8 text: blank lines between paragraphs, headings such as "Day 1, Session 2".
class PlainTextReader final : public Reader {
  public:
    std::string_view format() const override { return "plain text"; }
    Report read(std::string_view bytes, std::string_view name) const override;
};

/// Markdown notes: ATX and setext headings, lists, emphasis and links read as plain text.
class MarkdownReader final : public Reader {
  public:
    std::string_view format() const override { return "Markdown"; }
    Report read(std::string_view bytes, std::string_view name) const override;
};

} // namespace rapporteur

#endif
