/** @file xml_document.h
 *  @brief What the DOCX, ODT and HTML readers share: libxml2 parsing with entity expansion,
 *         DTD loading and network access off, element tests by local name, the text of a
 *         block built with single spaces and its footnote markers' offsets, and the title block
 *         (title, subtitle, author and date lines) read as a report's front matter.
 */
#ifndef RAPPORTEUR_READERS_XML_DOCUMENT_H
#define RAPPORTEUR_READERS_XML_DOCUMENT_H

#include "outline.h"

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rapporteur {

/// A parsed document; frees itself.
using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

/** The XML document in `bytes`. `where` names it in messages: the part of an archive
 *  ("word/document.xml"); the caller that knows the file's path puts it before the message.
 *  Entities are not substituted and no DTD or external entity is loaded (no XML_PARSE_NOENT,
 *  XML_PARSE_DTDLOAD or XML_PARSE_HUGE; XML_PARSE_NONET), so a billion-laughs bomb or a
 *  `SYSTEM "file:///etc/passwd"` entity is never expanded; libxml2's default depth limit (256
 *  levels) holds. Throws RuntimeError("<where>: not well-formed XML (line N: cause)"). */
XmlDoc parse_xml(std::string_view bytes, const std::string& where);

/** The HTML document in `bytes` (libxml2's HTML parser, which repairs what browsers repair).
 *  No network, no entity loading; an encoding is taken from a `<meta charset>`, else UTF-8
 *  when the bytes are valid UTF-8, else windows-1252.
 *  Throws RuntimeError when the parser stops before the end (elements nested more than 256
 *  deep, libxml2's limit without XML_PARSE_HUGE), rather than return part of the page. */
XmlDoc parse_html(std::string_view bytes);

/// Whether `node` is an element named `name` (its local name, whatever its namespace prefix).
bool is_element(const xmlNode* node, std::string_view name);

/// The value of the attribute whose local name is `name` ("w:val" → "val"), or "".
std::string attribute(const xmlNode* node, std::string_view name);

/// The first child element named `name`, or nullptr.
xmlNode* child_element(const xmlNode* node, std::string_view name);

/// The text of a block as it is built: runs of white space become one space, none at the ends;
/// footnote markers keep the byte offset where they stood.
class BlockText {
  public:
    void append(std::string_view text);
    /// A footnote marker here: `label` names the footnote, `n` its printed number (0 if none).
    void add_ref(std::string label, int n);
    void add_url(std::string url);
    bool empty() const { return text_.empty(); }
    /// Moves the text, markers and links into `block` and starts again.
    void finish_into(OutlineBlock& block);

  private:
    std::string text_;
    bool space_ = false; ///< a space is due before the next character
    std::vector<OutlineRef> refs_;
    std::vector<std::string> urls_;
};

/** Appends a table cell to the TABLE_ROW `row`: the cell's text (collected in `text`, which is
 *  emptied) becomes one of `row.cells`, `row.text` is the cells joined by " | ", and the cell's
 *  footnote markers (their offsets moved to the row's text) and links become the row's. The
 *  DOCX and ODT readers build their rows with it. */
void add_table_cell(OutlineBlock& row, BlockText& text);

/// Whether any cell of a TABLE_ROW has text: an empty row is no passage.
bool has_cell_text(const OutlineBlock& row);

/// The number a footnote marker prints ("3", "[3]", "(3)"), or 0.
int marker_number(std::string_view text);

/** The title-block lines a document carries besides its body (a Title style's paragraph, then
 *  subtitle, author and date lines, in order), read as the plain-text reader reads the lines
 *  before a report's first paragraph. */
struct TitleBlock {
    std::vector<std::string> lines;
    /// Sets the outline's title (the first line, unless a metadata title is set) and dates.
    void apply(Outline& outline) const;
    /// Sets the report's organisers and venue, as the front matter gives them.
    void apply(Report& report) const;
};

} // namespace rapporteur

#endif
