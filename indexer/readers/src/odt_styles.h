/** @file odt_styles.h
 *  @brief OdtStyles: what an OpenDocument text's paragraph styles (office:styles and
 *         office:automatic-styles of styles.xml and content.xml) and list styles say of a
 *         paragraph: its names along the parent chain, its outline level, the space around
 *         it, and which list levels are numbered 1, 2, 3.
 */
#ifndef RAPPORTEUR_READERS_ODT_STYLES_H
#define RAPPORTEUR_READERS_ODT_STYLES_H

#include <libxml/tree.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rapporteur {

/// The styles of one document, added part by part (styles.xml, then content.xml).
class OdtStyles {
  public:
    /// The paragraph and list styles under `root`'s office:styles and office:automatic-styles
    /// (null: none); a style named again replaces the earlier one.
    void add(const xmlNode* root);

    /** Whether a paragraph of the style `at` is set without space between it and the next: no
     *  more than 2 pt above and below, or contextual spacing, along its parent chain (at most
     *  16 hops) and the default paragraph style (what a tight list's items have; body text
     *  is set apart). */
    bool tight(std::string at) const;

    /// Whether the list level `level` (1-based) of the list style `name` is numbered 1, 2, 3
    /// (style:num-format "1").
    bool decimal(const std::string& name, int level) const;

    /// A style's names along its parent chain ("P1" → "Title", each name and display name),
    /// and its outline level (0 when none).
    std::pair<std::vector<std::string>, int> style(std::string at) const;

  private:
    struct Style {
        std::string parent;            ///< style:parent-style-name
        int outline = 0;               ///< style:default-outline-level, 0 when none
        std::string display;           ///< style:display-name, or the name
        double above = -1, below = -1; ///< fo:margin-top, fo:margin-bottom in points, -1 when not set
        int contextual = -1;           ///< style:contextual-spacing: 1 true, 0 false, -1 not set
    };

    void add_list_style(const xmlNode* s);

    std::map<std::string, Style> styles_;
    Style default_style_;                                    ///< style:default-style of paragraphs
    std::map<std::string, std::map<int, bool>> list_styles_; ///< list style → level → numbered 1, 2, 3
};

} // namespace rapporteur

#endif
