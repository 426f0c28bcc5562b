/** @file document_readers.h
 *  @brief The readers of documents with explicit structure in XML: Word (DOCX), OpenDocument
 *         text (ODT) and HTML. Each fills an Outline (outline.h) and calls build_report.
 */
#ifndef RAPPORTEUR_READERS_DOCUMENT_READERS_H
#define RAPPORTEUR_READERS_DOCUMENT_READERS_H

#include "rapporteur/readers.h"

namespace rapporteur {

/** Word documents (Office Open XML): headings from paragraph styles and outline levels, lists,
 *  tables, footnotes and endnotes, pages where Word recorded its page breaks
 *  (w:lastRenderedPageBreak), the title from docProps/core.xml. Throws RuntimeError on a file
 *  that is not a zip archive, a damaged or oversized entry, or XML that is not well-formed. */
class DocxReader final : public Reader {
  public:
    std::string_view format() const override { return "Word (DOCX)"; }
    Report read(std::string_view bytes, std::string_view name) const override;
};

/** OpenDocument text: text:h with their outline levels, paragraphs, lists, tables, notes
 *  (footnotes and endnotes), pages where the file records soft page breaks, the title from
 *  meta.xml. Throws RuntimeError as DocxReader does. */
class OdtReader final : public Reader {
  public:
    std::string_view format() const override { return "OpenDocument text (ODT)"; }
    Report read(std::string_view bytes, std::string_view name) const override;
};

/** HTML pages: <title>, h1-h6, paragraphs, list items, table rows, footnotes written as links
 *  to an anchored list (pandoc's and the usual hand-written shapes); scripts, styles,
 *  navigation and the page's header and footer left out. No pages. */
class HtmlReader final : public Reader {
  public:
    std::string_view format() const override { return "HTML"; }
    Report read(std::string_view bytes, std::string_view name) const override;
};

} // namespace rapporteur

#endif
