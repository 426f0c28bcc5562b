/** @file docx_styles.h
 *  @brief DocxStyles: what a Word document's paragraph styles (word/styles.xml) and
 *         numberings (word/numbering.xml) say of a paragraph: its outline level, numbering,
 *         the numbering's format and the space around it.
 */
#ifndef RAPPORTEUR_READERS_DOCX_STYLES_H
#define RAPPORTEUR_READERS_DOCX_STYLES_H

#include "zip_archive.h"

#include <libxml/tree.h>

#include <map>
#include <string>

namespace rapporteur {

/// The space around a paragraph (w:spacing, w:contextualSpacing), each -1 when not set.
struct DocxSpacing {
    int before = -1, after = -1; ///< twentieths of a point
    int contextual = -1;         ///< 1: no space between paragraphs of one style; 0: off
    /// `ppr`'s values over ours where ours are not set (the nearer setting wins).
    void fill_from(const xmlNode* ppr);
};

/// What a paragraph style says; from DocxStyles::style, after its basedOn chain.
struct DocxStyle {
    std::string name;      ///< w:name, lower case ("heading 1", "title")
    std::string based_on;  ///< w:basedOn's style id
    int outline = -1;      ///< w:outlineLvl 0-8, -1 when none
    bool numbered = false; ///< has a w:numPr (a list style)
    std::string num_id;    ///< that w:numPr's w:numId ("" when none)
    int num_level = -1;    ///< that w:numPr's w:ilvl, -1 when not set
    DocxSpacing spacing;   ///< the style's own w:spacing and w:contextualSpacing (not the chain's)
};

/** The paragraph styles and numberings of one document, read once; a missing part reads as
 *  no styles or no numbering. */
class DocxStyles {
  public:
    explicit DocxStyles(const ZipArchive& zip);

    /// The style `id` after its basedOn chain (at most 16 hops): the nearest outline level
    /// and numbering; a built-in "heading N" without an outline level gets N - 1.
    DocxStyle style(const std::string& id) const;

    /// Whether the numbering `num_id` counts its level `level` (0-based) 1, 2, 3 (w:numFmt
    /// "decimal", through its w:abstractNum and any w:lvlOverride), as UN-style paragraph
    /// numbers do; bullets, letters and Roman numerals do not.
    bool decimal(const std::string& num_id, int level) const;

    /** Whether the paragraph is set without space between it and the next (a tight list's
     *  items): contextual spacing, or no more than 2 pt before and after, from its own
     *  properties `ppr`, its style's chain (the default paragraph style when `style_id` is
     *  empty) and the document's defaults. */
    bool tight(const xmlNode* ppr, std::string style_id) const;

    /// w:ilvl of a w:numPr, 0-8, or -1 when not set.
    static int list_level(const xmlNode* num);

    /// A w:outlineLvl's level 0-8, or -1 (not set, or 9: "body text").
    static int outline_level(const xmlNode* o);

  private:
    void read_styles(const ZipArchive& zip);
    void read_numbering(const ZipArchive& zip);

    std::map<std::string, DocxStyle> styles_; ///< by w:styleId, each its own settings only
    std::string default_style_;               ///< the paragraph style of a paragraph that names none
    DocxSpacing default_spacing_;             ///< w:docDefaults' paragraph spacing
    std::map<std::string, std::map<int, bool>> decimal_levels_; ///< numId → level → counts 1, 2, 3
};

} // namespace rapporteur

#endif
